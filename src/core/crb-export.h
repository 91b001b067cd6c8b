/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crb-project.h"

G_BEGIN_DECLS

/**
 * CrbExportOptions:
 * @include_pending: also export claims nobody has decided yet
 * @include_rejected: export rejected claims (on by default)
 */
typedef struct
{
  gboolean    include_pending;
  gboolean    include_rejected;
  GHashTable *stories;   /* story ids to export; %NULL for every story */
} CrbExportOptions;

#define CRB_EXPORT_OPTIONS_DEFAULT { FALSE, TRUE, NULL }

/**
 * CrbSplit:
 * @name: the split's name ("train")
 * @share: its share of the records, from 0 to 1
 * @stories: (element-type utf8): the ids of its stories
 * @n_records: how many records its stories export
 */
typedef struct
{
  char       *name;
  double      share;
  GHashTable *stories;
  guint       n_records;
} CrbSplit;

void       crb_split_free       (CrbSplit               *split);
GPtrArray *crb_export_parse_splits (const char          *spec,
                                    GError             **error);
void       crb_export_assign_splits (CrbProject         *project,
                                     const CrbExportOptions *options,
                                     GPtrArray          *splits,
                                     guint               seed);

gboolean crb_export_claimreview (CrbProject       *project,
                                 GOutputStream    *output,
                                 const CrbExportOptions *options,
                                 guint            *n_records,
                                 GCancellable     *cancellable,
                                 GError          **error);
gboolean crb_export_csv   (CrbProject             *project,
                           GOutputStream          *output,
                           const CrbExportOptions *options,
                           guint                  *n_records,
                           GCancellable           *cancellable,
                           GError                **error);
gboolean crb_export_jsonl (CrbProject             *project,
                           GOutputStream          *output,
                           const CrbExportOptions *options,
                           guint                  *n_records,
                           GCancellable           *cancellable,
                           GError                **error);

G_END_DECLS
