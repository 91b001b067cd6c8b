/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-import"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-import.h"
#include "crb-import-private.h"

#include "crb-error.h"
#include "crb-json-reader.h"
#include "crb-text.h"

#include <string.h>
#include <unistd.h>

/*
 * Import turns files, folders and JSON Lines corpora into articles.
 *
 * - A file is one article: plain text (.txt, .md, ...) or HTML (.html, .htm).
 * - A folder's own files belong to the import's story; each sub-folder that
 *   holds articles is a story of its own, named after the folder.
 * - A .jsonl corpus has one article per line: "text" is required; "id",
 *   "title", "outlet", "url", "date" and "story" are optional.
 *
 * One bad input refuses the whole import (or, with CRB_IMPORT_SKIP_INVALID,
 * is skipped with a warning): nothing is ever half-imported silently.
 */

void
_crb_import_corpus_clear (Corpus *corpus)
{
  if (corpus->fd >= 0)
    close (corpus->fd);
  g_free (corpus->name);
  g_free (corpus->source);
  g_free (corpus->default_id);
}

static void
source_free (CrbImportSource *source)
{
  g_clear_object (&source->file);
  g_free (source->source);
  if (source->corpus != NULL)
    g_atomic_rc_box_release_full (source->corpus, (GDestroyNotify) _crb_import_corpus_clear);
  g_free (source);
}

void
crb_import_item_free (CrbImportItem *item)
{
  if (item == NULL)
    return;

  g_free (item->story);
  g_free (item->id);
  g_clear_object (&item->article);
  g_clear_pointer (&item->claims, g_ptr_array_unref);
  g_clear_pointer (&item->source, source_free);
  g_free (item);
}

static Kind
kind_for_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);
  static const char * const text_ext[] = { ".txt", ".text", ".md", ".markdown", NULL };
  static const char * const html_ext[] = { ".html", ".htm", ".xhtml", NULL };

  for (guint i = 0; text_ext[i]; i++)
    if (g_str_has_suffix (lower, text_ext[i]))
      return KIND_TEXT;

  for (guint i = 0; html_ext[i]; i++)
    if (g_str_has_suffix (lower, html_ext[i]))
      return KIND_HTML;

  if (g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".ndjson"))
    return KIND_CORPUS;

  return KIND_UNKNOWN;
}

char *
_crb_import_id_from_name (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  char *dot = strrchr (base, '.');

  if (dot != NULL && dot != base)
    *dot = '\0';

  return g_steal_pointer (&base);
}

static gboolean
looks_like_html (const char *text)
{
  const char *p = text;

  while (g_ascii_isspace (*p))
    p++;

  return g_ascii_strncasecmp (p, "<!doctype html", 14) == 0 ||
         g_ascii_strncasecmp (p, "<html", 5) == 0;
}

/* A first line that reads as a headline: short, no final full stop. */
static char *
guess_title (const char *text)
{
  const char *nl;
  g_autofree char *line = NULL;
  gsize len;
  char last;

  while (g_ascii_isspace (*text))
    text++;
  nl = strchr (text, '\n');
  if (nl == NULL)
    return NULL;

  line = g_strstrip (g_strndup (text, nl - text));
  len = strlen (line);
  if (len == 0 || g_utf8_strlen (line, -1) > 150)
    return NULL;

  last = line[len - 1];
  if (last == '.' || last == ',' || last == ';' || last == ':')
    return NULL;

  return g_steal_pointer (&line);
}

static char *
outlet_from_url (const char *url)
{
  g_autoptr (GUri) uri = NULL;
  const char *host;

  if (url == NULL)
    return NULL;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || (host = g_uri_get_host (uri)) == NULL)
    return NULL;

  if (g_str_has_prefix (host, "www."))
    host += 4;

  return g_strdup (host);
}

/* Nothing but white space and control characters. */
static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p > ' ')
      return FALSE;
  return TRUE;
}

static gboolean
too_large (const char  *name,
           goffset      size,
           GError     **error)
{
  g_set_error (error, CRB_ERROR, CRB_ERROR_TOO_LARGE,
               _("%s: the article is %.1f MB; Corroborate takes articles of up to %u MB of text "
                 "(split it into parts)"),
               name, size / 1e6, CRB_ARTICLE_MAX_BYTES / (1024 * 1024));
  return FALSE;
}

/* The article of a text: a file's or a corpus line's text exactly (an
 * HTML page's visible text), the metadata at its head read and marked as
 * such, never removed.  @source_sha256 is the file's, when the text is
 * not its bytes.
 */
static CrbArticle *
make_article (const char  *id,
              const char  *raw_text,
              Kind         kind,
              const char  *source,
              const char  *source_sha256,
              CrbTextMeta *given,
              const char  *name,
              GError     **error)
{
  g_auto (CrbTextMeta) meta = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *outlet = NULL;
  CrbArticle *article;
  gsize body;

  if (strlen (raw_text) > CRB_ARTICLE_MAX_BYTES)
    {
      too_large (name, strlen (raw_text), error);
      return NULL;
    }

  /* JSON strings may hold anything, lone surrogates included. */
  if (!g_utf8_validate (raw_text, -1, NULL))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_ENCODING, _("%s: the text is not valid UTF-8"), name);
      return NULL;
    }

  if (kind == KIND_HTML || (kind == KIND_UNKNOWN && looks_like_html (raw_text)))
    text = crb_text_from_html (raw_text, strlen (raw_text), &meta);
  else
    text = g_strdup (raw_text);
  body = crb_text_read_metadata (text, &meta);

  if (is_blank (text + body))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: the article has no text"), name);
      return NULL;
    }
  /* What the readers make must be UTF-8 whatever the input; should one
   * fail, the file is refused by name rather than crb_article_new()
   * returning NULL without an error.
   */
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_ENCODING,
                   _("%s: the text read from it is not valid UTF-8"), name);
      return NULL;
    }

  /* What a corpus line says wins over what the text says of itself. */
#define PICK(field) (given && given->field ? given->field : meta.field)
  title = g_strdup (PICK (title));
  if (title == NULL)
    title = guess_title (text + body);
  outlet = g_strdup (PICK (outlet));
  if (outlet == NULL)
    outlet = outlet_from_url (PICK (url));

  /* "Headline | Outlet" or "Headline - Outlet": the outlet is known already. */
  if (title != NULL && outlet != NULL)
    {
      static const char * const separators[] = { " | ", " - ", " – ", " — ", NULL };

      for (guint i = 0; separators[i]; i++)
        {
          g_autofree char *suffix = g_strconcat (separators[i], outlet, NULL);

          if (g_str_has_suffix (title, suffix) && strlen (title) > strlen (suffix))
            {
              title[strlen (title) - strlen (suffix)] = '\0';
              break;
            }
        }
    }

  article = crb_article_new (id, text);
  g_object_set (article,
                "title", title,
                "outlet", outlet,
                "url", PICK (url),
                "date", PICK (date),
                "source", source,
                "source-sha256", source_sha256,
                "body-start", (guint) g_utf8_strlen (text, (gssize) body),
                NULL);
#undef PICK

  return article;
}

/* Reads and decodes a file; *out_bytes (if asked for) are the file's bytes. */
static gboolean
read_text_file (GFile         *file,
                const char    *name,
                GPtrArray     *warnings,
                char         **out,
                GBytes       **out_bytes,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (GFileInfo) info = NULL;
  g_autofree char *warning = NULL;

  /* Before reading: a file far over the limit is never read whole.  An
   * HTML page may hold four times the text's size in markup.
   */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE,
                            cancellable, NULL);
  if (info != NULL && g_file_info_get_size (info) > 4 * (goffset) CRB_ARTICLE_MAX_BYTES)
    return too_large (name, g_file_info_get_size (info), error);

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), name,
                   g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND)
                     ? "no such file" : local_error->message);
      return FALSE;
    }

  *out = crb_text_decode (bytes, name, &warning, error);
  if (*out == NULL)
    return FALSE;

  if (warning != NULL)
    g_ptr_array_add (warnings, g_steal_pointer (&warning));
  if (out_bytes != NULL)
    *out_bytes = g_steal_pointer (&bytes);

  return TRUE;
}

/* One line of a corpus (white space stripped, not empty) made into an
 * article: @id, when given, instead of the one the line asks for; when the
 * line asks for none, @default_id, or else "text-" and the first 16 hex
 * digits of the text's SHA-256.  On error, *skippable says whether the
 * line is an article that cannot be taken (too large, empty, not UTF-8),
 * which CRB_IMPORT_SKIP_INVALID skips, rather than a line that is not an
 * article at all.
 */
static CrbArticle *
corpus_line_read (const char  *line,
                  const char  *where,
                  const char  *source,
                  const char  *id,
                  const char  *default_id,
                  char       **story,
                  gboolean    *skippable,
                  GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CrbJsonDoc) doc = NULL;
  g_autofree char *own_id = NULL;
  CrbTextMeta given = { 0 };
  CrbArticle *article;
  const CrbJsonValue *object;
  const char *text;

  /* Core's strict reader, not json-glib's: json-glib 1.6 cuts a string at
   * "\u0000" and turns a lone surrogate escape into bytes that are not
   * UTF-8; this one refuses both by name. */
  *skippable = FALSE;
  doc = crb_json_doc_parse (line, strlen (line), &local_error);
  if (doc == NULL)
    {
      /* "LINE:COLUMN: Parse error: …": the line is @where's */
      const char *msg = strstr (local_error->message, "Parse error");

      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: not a JSON object: %s"), where, msg != NULL ? msg : local_error->message);
      return NULL;
    }

  object = crb_json_doc_root (doc);
  if (crb_json_type (object) != CRB_JSON_OBJECT)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: each line must be a JSON object"), where);
      return NULL;
    }

  text = crb_json_get_string (doc, object, "text", NULL);
  if (text == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: the field “text” is missing or not a string"), where);
      return NULL;
    }

#define OPT(member) crb_json_get_string (doc, object, member, NULL)
  given.title = (char *) OPT ("title");
  given.outlet = (char *) OPT ("outlet");
  given.url = (char *) OPT ("url");
  given.date = (char *) OPT ("date");
  if (id == NULL)
    id = OPT ("id");
  if (id == NULL)
    id = default_id;
  if (id == NULL)
    {
      g_autofree char *sum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
      id = own_id = g_strdup_printf ("text-%.16s", sum);
    }

  article = make_article (id, text, KIND_UNKNOWN, source, NULL, &given, where, error);
  if (article == NULL)
    {
      *skippable = TRUE;
      return NULL;
    }
  if (story != NULL)
    *story = g_strdup (OPT ("story"));
#undef OPT

  return article;
}

/* Line @lineno of @corpus made into an article (corpus_line_read()). */
CrbArticle *
_crb_import_corpus_line_article (const char    *line,
                                 const Corpus  *corpus,
                                 guint          lineno,
                                 const char    *id,
                                 char         **story,
                                 gboolean      *skippable,
                                 GError       **error)
{
  g_autofree char *where = g_strdup_printf ("%s:%u", corpus->name, lineno);
  g_autofree char *line_source = g_strdup_printf ("%s:%u", corpus->source, lineno);
  g_autofree char *line_id = g_strdup_printf ("%s-%u", corpus->default_id, lineno);

  return corpus_line_read (line, where, line_source, id, line_id, story, skippable, error);
}

/**
 * crb_import_corpus_line:
 * @line: one line of a JSON Lines corpus, without its line break
 * @where: the line for messages ("corpus.jsonl:12")
 * @source: what the article records as its source
 * @default_id: (nullable): the article's id when the line gives none;
 *   %NULL for "text-" and the first 16 hex digits of the text's SHA-256,
 *   which do not depend on where the line is (a stream split in chunks)
 * @error: return location for a #CRB_ERROR: %CRB_ERROR_INVALID_FORMAT
 *   when the line is not a JSON object with a string "text", another code
 *   when its article cannot be made (too large, not UTF-8, empty)
 *
 * Reads one article of a corpus: "text" is required; "id", "title",
 * "outlet", "url", "date" and "story" are optional.
 *
 * Returns: (transfer full) (nullable): the article and its story
 */
CrbImportItem *
crb_import_corpus_line (const char  *line,
                        const char  *where,
                        const char  *source,
                        const char  *default_id,
                        GError     **error)
{
  CrbImportItem *item;
  CrbArticle *article;
  char *story = NULL;
  gboolean skippable;

  g_return_val_if_fail (line != NULL && where != NULL && source != NULL, NULL);

  article = corpus_line_read (line, where, source, NULL, default_id, &story, &skippable, error);
  if (article == NULL)
    return NULL;

  item = g_new0 (CrbImportItem, 1);
  item->story = story;
  item->article = article;
  return item;
}

/* An item of a corpus line, or of a file, kept or to be read again. */
void
_crb_import_add_item (GPtrArray       *items,
                      const char      *story,
                      CrbArticle      *article,
                      CrbImportSource *source)
{
  CrbImportItem *item = g_new0 (CrbImportItem, 1);

  item->story = g_strdup (story);
  if (source != NULL)
    {
      item->id = g_strdup (crb_article_get_id (article));
      item->source = source;
    }
  else
    item->article = g_object_ref (article);
  g_ptr_array_add (items, item);
}

/* A line of a corpus that CRB_IMPORT_SKIP_INVALID may skip. */
gboolean
_crb_import_skip_or_fail (CrbImportFlags  flags,
                          GPtrArray      *warnings,
                          gboolean        skippable,
                          GError         *local_error,
                          GError        **error)
{
  if (skippable && (flags & CRB_IMPORT_SKIP_INVALID))
    {
      g_ptr_array_add (warnings, g_strdup_printf (_("%s (skipped)"), local_error->message));
      return TRUE;
    }
  g_propagate_error (error, g_error_copy (local_error));
  return FALSE;
}

/* The corpus read whole and decoded: its articles are kept. */
static gboolean
import_corpus (GFile         *file,
               const char    *name,
               const char    *source,
               GPtrArray     *items,
               CrbImportFlags flags,
               GPtrArray     *warnings,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *default_id = _crb_import_id_from_name (name);
  Corpus corpus = { -1, (char *) name, (char *) source, default_id };
  char *line, *next;
  guint lineno = 0;
  guint n_items = items->len;

  if (!read_text_file (file, name, warnings, &contents, NULL, cancellable, error))
    return FALSE;

  for (line = contents; line && *line; line = next)
    {
      g_autoptr (GError) local_error = NULL;
      g_autoptr (CrbArticle) article = NULL;
      g_autofree char *story = NULL;
      gboolean skippable;

      next = strchr (line, '\n');
      if (next)
        *next++ = '\0';
      lineno++;

      g_strstrip (line);
      if (*line == '\0')
        continue;

      article = _crb_import_corpus_line_article (line, &corpus, lineno, NULL, &story,
                                                 &skippable, &local_error);
      if (article == NULL)
        {
          if (!_crb_import_skip_or_fail (flags, warnings, skippable, local_error, error))
            return FALSE;
          continue;
        }
      _crb_import_add_item (items, story, article, NULL);
    }

  if (items->len == n_items)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: the corpus holds no articles"), name);
      return FALSE;
    }

  return TRUE;
}

/* A text or HTML file's article: @warnings may be %NULL. */
CrbArticle *
_crb_import_read_file_article (GFile         *file,
                               const char    *name,
                               const char    *id,
                               const char    *source,
                               Kind           kind,
                               GPtrArray     *warnings,
                               GCancellable  *cancellable,
                               GError       **error)
{
  g_autoptr (GPtrArray) ignored = warnings ? NULL : g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;
  g_autofree char *source_sha256 = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize size;
  const char *data;

  if (!read_text_file (file, name, warnings ? warnings : ignored, &text, &bytes, cancellable,
                       error))
    return NULL;

  /* The article's sha256 is its text's; when the text is not the
   * file's bytes (HTML, another encoding, a byte order mark), the
   * file's is recorded as well.
   */
  data = g_bytes_get_data (bytes, &size);
  if (kind == KIND_HTML || size != strlen (text) || memcmp (data, text, size) != 0)
    source_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  return make_article (id, text, kind, source, source_sha256, NULL, name, error);
}

/* @source: what the article records as its source: the file's name, or
 * its path relative to the folder imported (never an absolute path, which
 * would publish the user's folders with every dataset).  @defer: keep
 * where the article is, not the article (crb_import_scan()).
 */
static gboolean
import_file (GFile         *file,
             const char    *source,
             const char    *story,
             Kind           kind,
             GPtrArray     *items,
             CrbImportFlags flags,
             gboolean       defer,
             GPtrArray     *warnings,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *id = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CrbArticle) article = NULL;
  CrbImportSource *where = NULL;

  if (kind == KIND_CORPUS)
    {
      gboolean whole = TRUE;

      if (defer &&
          !_crb_import_scan_corpus (file, name, source, items, flags, warnings, &whole, cancellable,
                                    error))
        return FALSE;
      return !whole ||
             import_corpus (file, name, source, items, flags, warnings, cancellable, error);
    }

  id = _crb_import_id_from_name (name);
  article = _crb_import_read_file_article (file, name, id, source, kind, warnings, cancellable,
                                           &local_error);
  if (article == NULL)
    {
      if (flags & CRB_IMPORT_SKIP_INVALID)
        {
          g_ptr_array_add (warnings, g_strdup_printf (_("%s (skipped)"), local_error->message));
          return TRUE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (defer)
    {
      where = g_new0 (CrbImportSource, 1);
      where->kind = kind;
      where->file = g_object_ref (file);
      where->source = g_strdup (source);
    }
  _crb_import_add_item (items, story, article, where);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* @prefix: the folder's path relative to the folder imported; %NULL for
 * that folder itself.
 */
static gboolean
import_folder (GFile         *folder,
               const char    *prefix,
               const char    *story,
               GPtrArray     *items,
               CrbImportFlags flags,
               gboolean       defer,
               GPtrArray     *warnings,
               guint          depth,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr (GFileEnumerator) enumerator = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  g_autofree char *name = g_file_get_parse_name (folder);
  GFileInfo *info;

  if (depth > 16)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                   _("%s: folders nested too deep"), name);
      return FALSE;
    }

  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME ","
                                          G_FILE_ATTRIBUTE_STANDARD_TYPE ","
                                          G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (enumerator == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), name, local_error->message);
      return FALSE;
    }

  while ((info = g_file_enumerator_next_file (enumerator, cancellable, &local_error)))
    {
      if (!g_file_info_get_is_hidden (info))
        g_ptr_array_add (names, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }

  if (local_error != NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), name, local_error->message);
      return FALSE;
    }

  /* Files in name order, so that ids and claims come out the same each time. */
  g_ptr_array_sort (names, compare_names);

  for (guint i = 0; i < names->len; i++)
    {
      const char *child_name = g_ptr_array_index (names, i);
      g_autoptr (GFile) child = g_file_get_child (folder, child_name);
      GFileType type = g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, cancellable);
      Kind kind = kind_for_name (child_name);
      g_autofree char *display = g_filename_display_name (child_name);
      g_autofree char *source = prefix ? g_strconcat (prefix, "/", display, NULL) : g_strdup (display);

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *sub_story = story
            ? g_strdup_printf ("%s/%s", story, child_name)
            : g_strdup (child_name);

          if (!import_folder (child, source, sub_story, items, flags, defer, warnings, depth + 1,
                              cancellable, error))
            return FALSE;
        }
      else if (kind == KIND_UNKNOWN)
        {
          g_autofree char *child_path = g_file_get_parse_name (child);
          g_ptr_array_add (warnings,
                           g_strdup_printf (_("%s: not an article file (.txt, .md, .html, .jsonl); skipped"),
                                            child_path));
        }
      else if (!import_file (child, source, story, kind, items, flags, defer, warnings, cancellable,
                             error))
        return FALSE;
    }

  return TRUE;
}

static GPtrArray *
import_paths (const char * const  *paths,
              CrbImportFlags       flags,
              gboolean             defer,
              GPtrArray           *warnings,
              GCancellable        *cancellable,
              GError             **error)
{
  g_autoptr (GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_import_item_free);

  for (guint i = 0; paths[i]; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (paths[i]);
      GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);

      if (type == G_FILE_TYPE_DIRECTORY)
        {
          if (!import_folder (file, NULL, NULL, items, flags, defer, warnings, 0, cancellable,
                              error))
            return NULL;
        }
      else if (type == G_FILE_TYPE_UNKNOWN)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: no such file or folder"), paths[i]);
          return NULL;
        }
      else
        {
          g_autofree char *parse_name = g_file_get_parse_name (file);
          g_autofree char *source = g_path_get_basename (parse_name);

          if (!import_file (file, source, NULL, kind_for_name (paths[i]), items, flags, defer,
                            warnings, cancellable, error))
            return NULL;
        }
    }

  if (items->len == 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOTHING_TO_DO,
                   _("%s: no articles found (.txt, .md, .html or .jsonl)"),
                   paths[0] ? paths[0] : "(no input)");
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * crb_import_paths:
 * @paths: files, folders and .jsonl corpora
 * @warnings: (element-type utf8): where to add warnings (converted
 *   encodings, skipped files)
 *
 * Reads articles from @paths.  Nothing is added to a project yet.
 *
 * Returns: (transfer container) (element-type CrbImportItem): the articles,
 *   or %NULL with @error naming the input at fault
 */
GPtrArray *
crb_import_paths (const char * const  *paths,
                  CrbImportFlags       flags,
                  GPtrArray           *warnings,
                  GCancellable        *cancellable,
                  GError             **error)
{
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (warnings != NULL, NULL);

  return import_paths (paths, flags, FALSE, warnings, cancellable, error);
}

/**
 * crb_import_scan:
 *
 * Like crb_import_paths(), with the same checks, warnings and errors, but
 * the items keep where their articles are instead of the articles
 * (@article %NULL, @id the id the article wants): crb_import_item_read()
 * reads an article again when it is needed, so that memory does not grow
 * with the text of the inputs.  A corpus that is not UTF-8 (or not a
 * local file) is decoded whole, and its items keep their articles.
 *
 * Returns: (transfer container) (element-type CrbImportItem): the items, or
 *   %NULL with @error naming the input at fault
 */
GPtrArray *
crb_import_scan (const char * const  *paths,
                 CrbImportFlags       flags,
                 GPtrArray           *warnings,
                 GCancellable        *cancellable,
                 GError             **error)
{
  g_return_val_if_fail (paths != NULL, NULL);
  g_return_val_if_fail (warnings != NULL, NULL);

  return import_paths (paths, flags, TRUE, warnings, cancellable, error);
}

/**
 * crb_import_item_get_id:
 *
 * Returns: the id @item's article wants (made unique when it is added)
 */
const char *
crb_import_item_get_id (CrbImportItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return item->article ? crb_article_get_id (item->article) : item->id;
}

/**
 * crb_import_default_story:
 *
 * Returns: (transfer full): a title for the story of an import: the name of
 *   the folder given, or of the folder of the first file
 */
char *
crb_import_default_story (const char * const *paths)
{
  g_autoptr (GFile) file = NULL;
  g_autoptr (GFile) parent = NULL;
  g_autofree char *base = NULL;

  if (paths == NULL || paths[0] == NULL)
    return g_strdup ("Story");

  file = g_file_new_for_commandline_arg (paths[0]);
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      parent = g_file_get_parent (file);
      if (parent != NULL)
        g_set_object (&file, parent);
    }

  base = g_file_get_basename (file);
  if (base == NULL || g_strcmp0 (base, "/") == 0 || g_strcmp0 (base, ".") == 0)
    return g_strdup ("Story");

  return g_steal_pointer (&base);
}
