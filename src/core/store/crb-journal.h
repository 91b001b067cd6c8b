/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "crb-types.h"

G_BEGIN_DECLS

/**
 * CRB_JOURNAL_VERSION:
 *
 * The version of the journal files this build writes (the first line of
 * each says it).  Version 1 journals, one per project id, are still read.
 */
#define CRB_JOURNAL_VERSION 2

/**
 * CrbJournalLine:
 * @lineno: the line's number in its journal file, from 1
 * @text: the line as written, without its newline
 * @object: the line parsed
 *
 * One change read from a journal.
 */
typedef struct
{
  guint       lineno;
  char       *text;
  JsonObject *object;
} CrbJournalLine;

void        crb_journal_line_free           (CrbJournalLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbJournalLine, crb_journal_line_free)

#define CRB_TYPE_JOURNAL (crb_journal_get_type ())

G_DECLARE_FINAL_TYPE (CrbJournal, crb_journal, CRB, JOURNAL, GObject)

CrbJournal *crb_journal_open                (const char   *project_id,
                                             GFile        *file,
                                             GError      **error);
void        crb_journal_attach              (CrbJournal   *self,
                                             const char   *save_id,
                                             guint64       dev,
                                             guint64       ino,
                                             GPtrArray    *problems);
const char *crb_journal_get_path            (CrbJournal   *self);
const char *crb_journal_get_set_aside_path  (CrbJournal   *self);

gboolean    crb_journal_lock                (CrbJournal   *self,
                                             GError      **error);
void        crb_journal_unlock              (CrbJournal   *self);
GPtrArray  *crb_journal_read_new            (CrbJournal   *self,
                                             GPtrArray    *problems);
gboolean    crb_journal_has_new             (CrbJournal   *self);
gboolean    crb_journal_append              (CrbJournal   *self,
                                             guint64       revision,
                                             const char   *line,
                                             GError      **error);
void        crb_journal_set_aside           (CrbJournal   *self,
                                             const CrbJournalLine *line,
                                             const char   *reason,
                                             GPtrArray    *problems);

gboolean    crb_journal_flush               (CrbJournal   *self,
                                             GError      **error);
guint64     crb_journal_get_durable_revision (CrbJournal  *self);
gsize       crb_journal_get_size            (CrbJournal   *self);

gboolean    crb_journal_try_exclusive       (CrbJournal   *self);
void        crb_journal_end_exclusive       (CrbJournal   *self);
gsize       crb_journal_get_offset          (CrbJournal   *self);
gboolean    crb_journal_switch              (CrbJournal   *self,
                                             GFile        *file,
                                             const char   *save_id,
                                             guint64       dev,
                                             guint64       ino,
                                             gsize         keep_from,
                                             GError      **error);
gboolean    crb_journal_finish_switch       (CrbJournal   *self,
                                             GError      **error);

GPtrArray  *crb_journal_read_v1             (const char   *project_id,
                                             GPtrArray    *problems);
void        crb_journal_remove_v1           (const char   *project_id);
char       *crb_journal_dir_for_project     (const char   *project_id);

G_END_DECLS
