/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "crb-types.h"

G_BEGIN_DECLS

#define CRB_TYPE_JOURNAL (crb_journal_get_type ())

G_DECLARE_FINAL_TYPE (CrbJournal, crb_journal, CRB, JOURNAL, GObject)

CrbJournal *crb_journal_new                 (const char  *path);
const char *crb_journal_get_path            (CrbJournal  *self);
void        crb_journal_append              (CrbJournal  *self,
                                             guint64      revision,
                                             const char  *line);
gboolean    crb_journal_flush               (CrbJournal  *self,
                                             GError     **error);
void        crb_journal_compact             (CrbJournal  *self,
                                             guint64      saved_revision);
guint64     crb_journal_get_durable_revision (CrbJournal *self);

GPtrArray  *crb_journal_read                (const char  *path,
                                             GError     **error);
char       *crb_journal_path_for_project    (const char  *project_id);

G_END_DECLS
