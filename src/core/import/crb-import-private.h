/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the import of files, folders and corpora
 * (crb-import.c, crb-import-scan.c) share; not for use outside import/. */
#pragma once

#include <json-glib/json-glib.h>

#include "crb-import.h"

G_BEGIN_DECLS

typedef enum {
  KIND_UNKNOWN,
  KIND_TEXT,
  KIND_HTML,
  KIND_CORPUS,
} Kind;

/* A corpus whose lines are read again when their articles are needed
 * (crb_import_scan()); shared by its items.
 */
typedef struct
{
  int   fd;          /* -1 while the corpus is read whole */
  char *name;        /* for messages */
  char *source;      /* what its articles record as their source, before ":LINE" */
  char *default_id;  /* the id of articles that name none, before "-LINE" */
} Corpus;

/* Where an article of crb_import_scan() is read again from: a text or
 * HTML file, or a line of a corpus.
 */
struct _CrbImportSource
{
  Kind     kind;
  GFile   *file;     /* a file's; NULL for a corpus line */
  char    *source;   /* what a file's article records as its source */
  Corpus  *corpus;   /* a corpus line's */
  goffset  offset;   /* the line, without the white space around it */
  gsize    length;
  guint    lineno;
};

void        _crb_import_corpus_clear         (Corpus           *corpus);
char       *_crb_import_id_from_name         (const char       *path);
CrbArticle *_crb_import_corpus_line_article  (const char       *line,
                                              const Corpus     *corpus,
                                              guint             lineno,
                                              const char       *id,
                                              char            **story,
                                              gboolean         *skippable,
                                              GError          **error);
void        _crb_import_add_item             (GPtrArray        *items,
                                              const char       *story,
                                              CrbArticle       *article,
                                              CrbImportSource  *source);
gboolean    _crb_import_skip_or_fail         (CrbImportFlags    flags,
                                              GPtrArray        *warnings,
                                              gboolean          skippable,
                                              GError           *local_error,
                                              GError          **error);
CrbArticle *_crb_import_read_file_article    (GFile            *file,
                                              const char       *name,
                                              const char       *id,
                                              const char       *source,
                                              Kind              kind,
                                              GPtrArray        *warnings,
                                              GCancellable     *cancellable,
                                              GError          **error);
gboolean    _crb_import_scan_corpus          (GFile            *file,
                                              const char       *name,
                                              const char       *source,
                                              GPtrArray        *items,
                                              CrbImportFlags    flags,
                                              GPtrArray        *warnings,
                                              gboolean         *whole,
                                              GCancellable     *cancellable,
                                              GError          **error);

G_END_DECLS
