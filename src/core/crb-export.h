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
  gboolean include_pending;
  gboolean include_rejected;
} CrbExportOptions;

#define CRB_EXPORT_OPTIONS_DEFAULT { FALSE, TRUE }

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
