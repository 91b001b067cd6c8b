/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-import-scan.c: crb_import_scan()'s corpora, their lines checked in
 * parallel and each item keeping where its line is, and
 * crb_import_item_read(), which reads an item's article again */
#define G_LOG_DOMAIN "crb-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-import-private.h"

#include "crb-error.h"
#include "crb-text.h"
#include "crb-utils.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Reads a part of a file line by line, each line with its offset in the
 * file; several readers may share the file (pread()).
 */
typedef struct
{
  int      fd;
  char    *buf;
  gsize    size;     /* of buf */
  gsize    start;    /* the next line's first byte in buf */
  gsize    end;      /* what buf holds */
  goffset  pos;      /* the file offset of buf[0] */
  goffset  limit;    /* where the part ends */
  gboolean eof;
} LineReader;

static void
line_reader_init (LineReader *reader,
                  int         fd,
                  goffset     from,
                  goffset     to)
{
  *reader = (LineReader) { fd, NULL, 0, 0, 0, from, to, FALSE };
}

static void
line_reader_clear (LineReader *reader)
{
  g_clear_pointer (&reader->buf, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (LineReader, line_reader_clear)

/* The next line, without its "\n" and NUL-terminated in its place; %FALSE
 * at the end of the part (*@line %NULL) or on error.
 */
static gboolean
line_reader_next (LineReader   *reader,
                  char        **line,
                  gsize        *length,
                  goffset      *offset,
                  const char   *name,
                  GError      **error)
{
  for (;;)
    {
      /* buf is NULL until the first read: no pointer arithmetic on it. */
      char *nl = reader->end > reader->start
                   ? memchr (reader->buf + reader->start, '\n', reader->end - reader->start)
                   : NULL;
      goffset at;
      gsize want;
      gssize n;

      if (nl != NULL || (reader->eof && reader->end > reader->start))
        {
          char *p = reader->buf + reader->start;
          gsize len = (nl ? nl : reader->buf + reader->end) - p;

          p[len] = '\0';   /* the buffer keeps a byte to spare */
          *line = p;
          *length = len;
          *offset = reader->pos + (goffset) reader->start;
          reader->start += len + (nl != NULL);
          return TRUE;
        }
      if (reader->eof)
        {
          *line = NULL;
          return FALSE;
        }

      /* Keep the start of the line, and make room for more of it. */
      if (reader->start > 0)
        memmove (reader->buf, reader->buf + reader->start, reader->end - reader->start);
      reader->pos += (goffset) reader->start;
      reader->end -= reader->start;
      reader->start = 0;
      if (reader->size - reader->end < 64 * 1024 + 1)
        {
          reader->size = MAX (2 * reader->size, 1024 * 1024);
          reader->buf = g_realloc (reader->buf, reader->size);
        }

      at = reader->pos + (goffset) reader->end;
      want = (gsize) MIN ((goffset) (reader->size - reader->end - 1), reader->limit - at);
      do
        n = want > 0 ? pread (reader->fd, reader->buf + reader->end, want, at) : 0;
      while (n < 0 && errno == EINTR);
      if (n < 0)
        {
          int saved_errno = errno;
          g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), name,
                       g_strerror (saved_errno));
          *line = NULL;
          return FALSE;
        }
      reader->end += (gsize) n;
      reader->eof = n == 0;
    }
}

/* The lines of a corpus are checked in parts, in parallel: each part
 * starts at a line start, with the number of that line.  A few parts per
 * thread, for balance, of at least 64 KiB.
 */
#define CORPUS_PART_MIN (64 * 1024)

typedef struct
{
  guint      index;
  goffset    from;
  goffset    to;
  guint      first_line;  /* the number of the line before the part */
  GPtrArray *items;       /* CrbImportItem */
  GPtrArray *warnings;
  GError    *error;
  gboolean   done;
} CorpusPart;

typedef struct
{
  Corpus        *corpus;
  CrbImportFlags flags;
  GCancellable  *cancellable;
  GMutex         lock;
  GCond          cond;
  gint           failed;  /* atomic: the first part at fault so far; the parts after it stop */
} CorpusScan;

static void
corpus_part_free (CorpusPart *part)
{
  g_clear_pointer (&part->items, g_ptr_array_unref);
  g_clear_pointer (&part->warnings, g_ptr_array_unref);
  g_clear_error (&part->error);
  g_free (part);
}

/* Every line of @part checked as the whole decoding would check it (see
 * import_corpus() in crb-import.c), each item keeping where its line is.
 */
static void
scan_corpus_part (CorpusPart *part,
                  CorpusScan *scan)
{
  g_auto (LineReader) reader = { -1, };
  g_autoptr (GError) read_error = NULL;
  guint lineno = part->first_line;
  gsize length;
  goffset offset;
  char *line;

  line_reader_init (&reader, scan->corpus->fd, part->from, part->to);
  while (part->error == NULL &&
         line_reader_next (&reader, &line, &length, &offset, scan->corpus->name, &read_error))
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (CrbArticle) article = NULL;
      g_autofree char *story = NULL;
      CrbImportSource *where;
      gboolean skippable;
      char *stripped;
      gsize lead;

      lineno++;
      /* g_strstrip() moves the line to where it started. */
      for (lead = 0; g_ascii_isspace (line[lead]); lead++)
        ;
      stripped = g_strstrip (line);
      if (*stripped == '\0')
        continue;

      if ((gint) part->index > g_atomic_int_get (&scan->failed) ||
          g_cancellable_set_error_if_cancelled (scan->cancellable, &part->error))
        break;

      article = _crb_import_corpus_line_article (stripped, scan->corpus, lineno, NULL,
                                                 &story, &skippable, &local_error);
      if (article == NULL)
        {
          if (!_crb_import_skip_or_fail (scan->flags, part->warnings, skippable, local_error,
                                         &part->error))
            break;
          continue;
        }

      where = g_new0 (CrbImportSource, 1);
      where->kind = KIND_CORPUS;
      where->corpus = g_atomic_rc_box_acquire (scan->corpus);
      where->offset = offset + (goffset) lead;
      where->length = strlen (stripped);
      where->lineno = lineno;
      _crb_import_add_item (part->items, story, article, where);
    }
  if (part->error == NULL && read_error != NULL)
    part->error = g_steal_pointer (&read_error);
}

static void
run_corpus_part (gpointer data,
                 gpointer user_data)
{
  CorpusPart *part = data;
  CorpusScan *scan = user_data;

  scan_corpus_part (part, scan);
  if (part->error != NULL)
    {
      gint failed;

      do
        failed = g_atomic_int_get (&scan->failed);
      while ((gint) part->index < failed &&
             !g_atomic_int_compare_and_exchange (&scan->failed, failed, (gint) part->index));
    }

  g_mutex_lock (&scan->lock);
  part->done = TRUE;
  g_cond_broadcast (&scan->cond);
  g_mutex_unlock (&scan->lock);
}

/* A corpus read line by line, as crb_import_scan() wants it: when the
 * corpus is text that crb_text_decode() takes as it is (UTF-8, as good as
 * every corpus is), it is read twice: once to check the whole file as
 * decoding does (and to find where to cut it in parts), then in parts
 * read in parallel to check every line, each item keeping where its line
 * is.  The parts' items and warnings are taken in order, up to the first
 * line at fault, as reading line after line gives them.  *@whole is set
 * when the corpus must be decoded whole instead.
 */
gboolean
_crb_import_scan_corpus (GFile          *file,
                         const char     *name,
                         const char     *source,
                         GPtrArray      *items,
                         CrbImportFlags  flags,
                         GPtrArray      *warnings,
                         gboolean       *whole,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (CrbTextCheck) check = NULL;
  g_autoptr (GPtrArray) parts = NULL;
  g_autoptr (GError) read_error = NULL;
  g_auto (LineReader) reader = { -1, };
  CorpusScan scan = { 0, };
  CorpusPart *part;
  GThreadPool *pool = NULL;
  char *line;
  gsize length, skip;
  goffset offset;
  guint lineno = 0;
  guint n_items = items->len;
  guint n_threads = crb_thread_count ();
  guint queued = 0;
  goffset part_size;
  gboolean ok = TRUE;
  struct stat st;
  int fd;

  *whole = TRUE;
  if (path == NULL || (fd = g_open (path, O_RDONLY | O_CLOEXEC, 0)) < 0)
    return TRUE;   /* decoding whole says what is wrong */

  scan.corpus = g_atomic_rc_box_new0 (Corpus);
  scan.corpus->fd = fd;
  scan.corpus->name = g_strdup (name);
  scan.corpus->source = g_strdup (source);
  scan.corpus->default_id = _crb_import_id_from_name (name);
  scan.flags = flags;
  scan.cancellable = cancellable;
  scan.failed = G_MAXINT;
  part_size = fstat (fd, &st) == 0 ? MAX (CORPUS_PART_MIN, (goffset) st.st_size / (4 * n_threads))
                                   : G_MAXINT64;

  /* The whole file, checked; the parts cut at line starts. */
  check = crb_text_check_new ();
  parts = g_ptr_array_new_with_free_func ((GDestroyNotify) corpus_part_free);
  part = g_new0 (CorpusPart, 1);
  g_ptr_array_add (parts, part);
  line_reader_init (&reader, fd, 0, G_MAXINT64);
  while (ok && line_reader_next (&reader, &line, &length, &offset, name, &read_error))
    {
      if (offset - part->from >= part_size)
        {
          part->to = offset;
          part = g_new0 (CorpusPart, 1);
          part->index = parts->len;
          part->from = offset;
          part->first_line = lineno;
          g_ptr_array_add (parts, part);
        }
      lineno++;
      crb_text_check_add (check, line, length);
      if (line + length < reader.buf + reader.end)
        crb_text_check_add (check, "\n", 1);   /* the line's end, made NUL */
      ok = !g_cancellable_set_error_if_cancelled (cancellable, &read_error);
    }
  part->to = G_MAXINT64;
  if (read_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&read_error));
      ok = FALSE;
      goto out;
    }
  if (!crb_text_check_finish (check, &skip))
    goto out;
  *whole = FALSE;

  /* The lines, part by part, in parallel; the first part starts after a
   * byte order mark.
   */
  ((CorpusPart *) g_ptr_array_index (parts, 0))->from = (goffset) skip;
  g_mutex_init (&scan.lock);
  g_cond_init (&scan.cond);
  if (parts->len > 1 && n_threads > 1)
    pool = g_thread_pool_new (run_corpus_part, &scan, (int) n_threads, FALSE, NULL);

  for (guint i = 0; i < parts->len; i++)
    {
      part = g_ptr_array_index (parts, i);
      part->items = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_import_item_free);
      part->warnings = g_ptr_array_new_with_free_func (g_free);
    }
  for (guint i = 0; ok && i < parts->len; i++)
    {
      part = g_ptr_array_index (parts, i);
      if (pool != NULL)
        {
          while (queued < parts->len && queued < i + 2 * n_threads)
            g_thread_pool_push (pool, g_ptr_array_index (parts, queued++), NULL);
          g_mutex_lock (&scan.lock);
          while (!part->done)
            g_cond_wait (&scan.cond, &scan.lock);
          g_mutex_unlock (&scan.lock);
        }
      else
        scan_corpus_part (part, &scan);

      g_ptr_array_extend_and_steal (warnings, g_steal_pointer (&part->warnings));
      g_ptr_array_extend_and_steal (items, g_steal_pointer (&part->items));
      if (part->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&part->error));
          ok = FALSE;
        }
    }
  g_atomic_int_set (&scan.failed, -1);
  if (pool != NULL)
    g_thread_pool_free (pool, TRUE, TRUE);
  g_mutex_clear (&scan.lock);
  g_cond_clear (&scan.cond);

  if (ok && items->len == n_items)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: the corpus holds no articles"), name);
      ok = FALSE;
    }

out:
  g_atomic_rc_box_release_full (scan.corpus, (GDestroyNotify) _crb_import_corpus_clear);
  return ok;
}

/* A corpus line again: the bytes it had when it was checked. */
static char *
read_corpus_line (const CrbImportSource  *where,
                  GError                **error)
{
  g_autofree char *line = g_malloc (where->length + 1);
  gsize done = 0;

  while (done < where->length)
    {
      gssize n = pread (where->corpus->fd, line + done, where->length - done,
                        where->offset + (goffset) done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = n < 0 ? errno : 0;

          g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s:%u: %s"), where->corpus->name,
                       where->lineno,
                       n < 0 ? g_strerror (saved_errno) : _("the file changed while it was read"));
          return NULL;
        }
      done += (gsize) n;
    }
  line[where->length] = '\0';
  return g_steal_pointer (&line);
}

/**
 * crb_import_item_read:
 * @id: (nullable): the id the article gets; %NULL for the one it wants
 *
 * @item's article, from memory or read again (see crb_import_scan()): the
 * article crb_import_paths() would have made, with @id.  May be called
 * from any thread, for different items at once.
 *
 * Returns: (transfer full): the article, or %NULL with @error set (the
 *   input changed or went away since it was read)
 */
CrbArticle *
crb_import_item_read (CrbImportItem  *item,
                      const char     *id,
                      GError        **error)
{
  const CrbImportSource *where;
  g_autofree char *name = NULL;

  g_return_val_if_fail (item != NULL, NULL);

  if (id == NULL)
    id = crb_import_item_get_id (item);

  if (item->article != NULL)
    {
      CrbArticle *from = item->article;
      CrbArticle *article;

      if (g_strcmp0 (id, crb_article_get_id (from)) == 0)
        return g_object_ref (from);

      article = crb_article_new (id, crb_article_get_text (from));
      g_object_set (article,
                    "title", crb_article_get_title (from),
                    "outlet", crb_article_get_outlet (from),
                    "url", crb_article_get_url (from),
                    "date", crb_article_get_date (from),
                    "source", crb_article_get_source (from),
                    "source-sha256", crb_article_get_source_sha256 (from),
                    "body-start", crb_article_get_body_start (from),
                    NULL);
      return article;
    }

  where = item->source;
  g_return_val_if_fail (where != NULL, NULL);

  if (where->corpus != NULL)
    {
      g_autofree char *line = read_corpus_line (where, error);
      gboolean skippable;

      if (line == NULL)
        return NULL;
      return _crb_import_corpus_line_article (line, where->corpus, where->lineno, id, NULL,
                                              &skippable, error);
    }

  name = g_file_get_parse_name (where->file);
  return _crb_import_read_file_article (where->file, name, id, where->source, where->kind, NULL,
                                        NULL, error);
}
