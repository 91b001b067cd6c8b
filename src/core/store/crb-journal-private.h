/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the journal's two files share: crb-journal.c (the object: lock,
 * lease, append, read, compaction) and crb-journal-files.c (names, owner
 * lines, finding a file's journal, splitting lines). */
#pragma once

#include "crb-journal.h"

G_BEGIN_DECLS

gboolean   _crb_journal_set_errno_error (GError     **error,
                                         int          saved_errno,
                                         const char  *path);
gboolean   _crb_journal_write_all       (int          fd,
                                         const char  *data,
                                         gsize        len,
                                         const char  *path,
                                         GError     **error);
gboolean   _crb_journal_replace_file    (const char  *path,
                                         const char  *contents,
                                         gsize        len,
                                         GError     **error);
void       _crb_journal_sync_dir        (const char  *dir);
char      *_crb_journal_name            (const char  *save_id,
                                         guint64      dev,
                                         guint64      ino);
char      *_crb_journal_owner_line      (const char  *project_id,
                                         const char  *file_path,
                                         const char  *save_id,
                                         guint64      dev,
                                         guint64      ino);
char      *_crb_journal_find            (const char  *dir,
                                         const char  *project_id,
                                         const char  *file_path,
                                         const char  *save_id,
                                         guint64      dev,
                                         guint64      ino,
                                         GPtrArray   *problems);
GPtrArray *_crb_journal_split_lines     (const char  *contents,
                                         gsize        len,
                                         gsize       *offset,
                                         guint       *lineno,
                                         GPtrArray   *reasons);

G_END_DECLS
