/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-file.c: the project file as a whole: its header line, read and
 * written (the atomic write of every line is crb-project-save.c) */
#define G_LOG_DOMAIN "crb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-io.h"
#include "crb-store-private.h"

#include "crb-article-private.h"
#include "crb-error.h"
#include "crb-json.h"
#include "crb-store.h"
#include "crb-story-private.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


/*
 * The project file is JSON Lines: a header line (format marker, version,
 * project metadata, a summary of each story, the undo and redo stacks), then
 * one line per story holding its articles (with their text), claims and
 * decision history.  Opening a project parses the header only; a story's line
 * is parsed when the story is first needed, and saving copies the lines of
 * unchanged stories as they are.  docs/project-format.md describes it.
 */

static void
step_clear (gpointer data)
{
  CrbStep *step = data;

  g_free (step->story_id);
  g_free (step->writer);
}

GArray *
_crb_steps_new (void)
{
  GArray *steps = g_array_new (FALSE, FALSE, sizeof (CrbStep));

  g_array_set_clear_func (steps, step_clear);
  return steps;
}

void
_crb_project_data_init (CrbProjectData *data)
{
  memset (data, 0, sizeof *data);
  data->version = CRB_PROJECT_FORMAT_VERSION;
  data->next_seq = 1;
  data->stories = g_ptr_array_new_with_free_func (g_object_unref);
  data->settings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  data->undo = _crb_steps_new ();
  data->redo = _crb_steps_new ();
}

void
_crb_project_data_clear (CrbProjectData *data)
{
  g_clear_pointer (&data->id, g_free);
  g_clear_pointer (&data->title, g_free);
  g_clear_pointer (&data->created, g_free);
  g_clear_pointer (&data->modified, g_free);
  g_clear_pointer (&data->save_id, g_free);
  g_clear_pointer (&data->settings, g_hash_table_unref);
  g_clear_pointer (&data->team, g_free);
  g_clear_pointer (&data->stories, g_ptr_array_unref);
  g_clear_pointer (&data->undo, g_array_unref);
  g_clear_pointer (&data->redo, g_array_unref);
  g_clear_pointer (&data->mapped, g_bytes_unref);
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: ..."; name the file and
 * count lines in the file, not in the line we gave the parser.
 */
void
_crb_store_set_parse_error (GError     **error,
                            const char  *name,
                            guint        first_line,
                            const GError *json_error)
{
  const char *msg = json_error->message;
  guint line, column;
  int consumed = 0;

  if (g_str_has_prefix (msg, "<data>:"))
    msg += strlen ("<data>:");

  if (sscanf (msg, "%u:%u:%n", &line, &column, &consumed) == 2 && consumed > 0)
    g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s:%u:%u:%s"),
                 name, first_line + line - 1, column, msg + consumed);
  else
    g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s:%u: %s"),
                 name, first_line, msg);
}

/* Field access that names the field at fault. */


gboolean
_crb_store_fail (const Ctx   *ctx,
                 GError     **error,
                 const char  *format,
                 ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  if (ctx->where)
    g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s:%u: %s: %s"),
                 ctx->name, ctx->line, ctx->where, msg);
  else
    g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s:%u: %s"),
                 ctx->name, ctx->line, msg);
  return FALSE;
}

/* Member checks through crb_json_check_field(), placed in the file;
 * @value is the member called @member.
 */
gboolean
_crb_store_check_field (const Ctx            *ctx,
                        const CrbJsonValue   *value,
                        const char           *member,
                        CrbJsonType           type,
                        gboolean              required,
                        const CrbJsonValue  **out,
                        GError              **error)
{
  g_autoptr (GError) local_error = NULL;

  if (crb_json_check_field (value, NULL, member, type, required, out, &local_error))
    return TRUE;
  return _crb_store_fail (ctx, error, "%s", local_error->message);
}

gboolean
_crb_store_check_uint (const Ctx           *ctx,
                       const CrbJsonValue  *value,
                       const char          *member,
                       gboolean             required,
                       guint64              default_value,
                       guint64             *out,
                       GError             **error)
{
  const CrbJsonValue *checked;

  if (!_crb_store_check_field (ctx, value, member, CRB_JSON_INT, required, &checked, error))
    return FALSE;
  *out = checked ? (guint64) crb_json_int (checked) : default_value;
  return TRUE;
}

gboolean
_crb_store_get_field (const Ctx            *ctx,
                      const CrbJsonValue   *object,
                      const char           *member,
                      CrbJsonType           type,
                      gboolean              required,
                      const CrbJsonValue  **out,
                      GError              **error)
{
  return _crb_store_check_field (ctx, crb_json_member_get (ctx->doc, object, member), member, type, required, out, error);
}

gboolean
_crb_store_get_string (const Ctx            *ctx,
                       const CrbJsonValue   *object,
                       const char           *member,
                       gboolean              required,
                       const char          **out,
                       GError              **error)
{
  const CrbJsonValue *value;

  if (!_crb_store_get_field (ctx, object, member, CRB_JSON_STRING, required, &value, error))
    return FALSE;
  *out = crb_json_string (ctx->doc, value);
  return TRUE;
}

gboolean
_crb_store_get_uint (const Ctx           *ctx,
                     const CrbJsonValue  *object,
                     const char          *member,
                     gboolean             required,
                     guint64              default_value,
                     guint64             *out,
                     GError             **error)
{
  return _crb_store_check_uint (ctx, crb_json_member_get (ctx->doc, object, member), member, required,
                                default_value, out, error);
}

gboolean
_crb_store_get_array (const Ctx            *ctx,
                      const CrbJsonValue   *object,
                      const char           *member,
                      const CrbJsonValue  **out,
                      GError              **error)
{
  return _crb_store_get_field (ctx, object, member, CRB_JSON_ARRAY, FALSE, out, error);
}


/* "settings": {"name": "value", …}, strings only. */
static gboolean
read_settings (const Ctx           *ctx,
               const CrbJsonValue  *header,
               GHashTable          *settings,
               GError             **error)
{
  const CrbJsonValue *object;
  guint i = 0;

  if (!_crb_store_get_field (ctx, header, "settings", CRB_JSON_OBJECT, FALSE, &object, error))
    return FALSE;

  FOR_EACH_ELEMENT (ctx->doc, object, i, value)
    {
      if (crb_json_type (value) != CRB_JSON_STRING)
        return _crb_store_fail (ctx, error, _("settings: every setting must be a string"));
      g_hash_table_insert (settings, g_strdup (crb_json_key (ctx->doc, value)),
                           g_strdup (crb_json_string (ctx->doc, value)));
    }
  return TRUE;
}

static gboolean
read_steps (const Ctx           *ctx,
            const CrbJsonValue  *header,
            const char          *member,
            GArray              *steps,
            GError             **error)
{
  const CrbJsonValue *array;
  guint i = 0;

  if (!_crb_store_get_array (ctx, header, member, &array, error))
    return FALSE;

  FOR_EACH_ELEMENT (ctx->doc, array, i, pair)
    {
      guint n = crb_json_type (pair) == CRB_JSON_ARRAY ? crb_json_length (pair) : 0;
      const CrbJsonValue *seq = crb_json_first (ctx->doc, pair);
      const CrbJsonValue *story = crb_json_next (ctx->doc, seq);
      const CrbJsonValue *group = crb_json_next (ctx->doc, story);
      const CrbJsonValue *writer = crb_json_next (ctx->doc, group);
      CrbStep step;

      if (n < 2 || n > 4 ||
          crb_json_type (seq) != CRB_JSON_INT || crb_json_int (seq) <= 0 ||
          crb_json_type (story) != CRB_JSON_STRING ||
          (n >= 3 && crb_json_type (group) != CRB_JSON_INT) ||
          (n == 4 && crb_json_type (writer) != CRB_JSON_STRING))
        return _crb_store_fail (ctx, error, _("%s[%u] must be [sequence number, story id], "
                     "[sequence number, story id, group] or "
                     "[sequence number, story id, group, writer]"), member, i);

      step.seq = (guint64) crb_json_int (seq);
      step.story_id = g_strdup (crb_json_string (ctx->doc, story));
      step.group = n >= 3 ? (guint64) crb_json_int (group) : 0;
      step.writer = n == 4 ? g_strdup (crb_json_string (ctx->doc, writer)) : NULL;
      g_array_append_val (steps, step);
    }

  return TRUE;
}

/* "article_claims": [[claims, pending, confirmed, corrected, rejected], …]
 * and "outlets": [name or null, …], one per article; both or neither.
 */
static gboolean
read_article_summaries (const Ctx           *ctx,
                        const CrbJsonValue  *object,
                        CrbStorySummary     *summary,
                        GError             **error)
{
  const CrbJsonValue *counts, *outlets;
  guint n = g_strv_length (summary->article_ids);
  guint i = 0, j = 0;

  if (!_crb_store_get_array (ctx, object, "article_claims", &counts, error) ||
      !_crb_store_get_array (ctx, object, "outlets", &outlets, error))
    return FALSE;
  if (counts == NULL && outlets == NULL)
    return TRUE;
  if (counts == NULL || outlets == NULL || crb_json_length (counts) != n || crb_json_length (outlets) != n)
    return _crb_store_fail (ctx, error, _("“article_claims” and “outlets” must have one element per article"));

  summary->articles = g_new0 (CrbArticleSummary, n);
  FOR_EACH_ELEMENT (ctx->doc, counts, i, row)
    {
      guint k = 0;

      if (crb_json_type (row) != CRB_JSON_ARRAY || crb_json_length (row) != 1 + CRB_N_DECISION_STATUSES)
        return _crb_store_fail (ctx, error, _("article_claims[%u] must be [claims, pending, confirmed, "
                                              "corrected, rejected]"), i);
      FOR_EACH_ELEMENT (ctx->doc, row, k, count)
        {
          if (crb_json_type (count) != CRB_JSON_INT || crb_json_int (count) < 0)
            return _crb_store_fail (ctx, error, _("article_claims[%u] must hold counts"), i);
          if (k == 0)
            summary->articles[i].n_claims = (guint) crb_json_int (count);
          else
            summary->articles[i].status_counts[k - 1] = (guint) crb_json_int (count);
        }
    }
  FOR_EACH_ELEMENT (ctx->doc, outlets, j, outlet)
    {
      if (crb_json_type (outlet) == CRB_JSON_STRING)
        summary->articles[j].outlet = g_strdup (crb_json_string (ctx->doc, outlet));
      else if (crb_json_type (outlet) != CRB_JSON_NULL)
        return _crb_store_fail (ctx, error, _("outlets[%u] must be a string or null"), j);
    }
  return TRUE;
}

/* "line": [offset, length] of the story's line, counted from the first
 * byte after the header's line: opening a file need not read it all to
 * find its lines.
 */
static gboolean
read_line_span (const Ctx           *ctx,
                const CrbJsonValue  *object,
                gsize               *span,
                GError             **error)
{
  const CrbJsonValue *line;
  const CrbJsonValue *offset, *length;

  span[0] = span[1] = G_MAXSIZE;
  if (!_crb_store_get_array (ctx, object, "line", &line, error))
    return FALSE;
  if (line == NULL)
    return TRUE;

  offset = crb_json_first (ctx->doc, line);
  length = offset ? crb_json_next (ctx->doc, offset) : NULL;
  if (crb_json_length (line) != 2 || crb_json_type (offset) != CRB_JSON_INT ||
      crb_json_type (length) != CRB_JSON_INT || crb_json_int (offset) < 0 || crb_json_int (length) <= 0)
    return _crb_store_fail (ctx, error, _("“line” must be [offset, length]"));
  span[0] = (gsize) crb_json_int (offset);
  span[1] = (gsize) crb_json_int (length);
  return TRUE;
}

static gboolean
read_story_summary (const Ctx           *ctx,
                    const CrbJsonValue  *object,
                    guint                index,
                    CrbStorySummary     *summary,
                    gsize               *span,
                    const char         **id,
                    const char         **title,
                    GError             **error)
{
  Ctx sub = *ctx;
  g_autofree char *where = g_strdup_printf ("stories[%u]", index);
  const CrbJsonValue *status;
  const CrbJsonValue *articles;
  guint64 n_claims;
  gboolean ret;
  guint i = 0;

  sub.where = where;
  if (crb_json_type (object) != CRB_JSON_OBJECT)
    return _crb_store_fail (&sub, error, _("must be an object"));

  ret = _crb_store_get_string (&sub, object, "id", TRUE, id, error) &&
        _crb_store_get_string (&sub, object, "title", FALSE, title, error) &&
        _crb_store_get_array (&sub, object, "articles", &articles, error) &&
        _crb_store_get_uint (&sub, object, "claims", FALSE, 0, &n_claims, error);
  if (!ret)
    return FALSE;

  summary->n_claims = (guint) n_claims;
  summary->article_ids = g_new0 (char *, crb_json_length (articles) + 1);
  FOR_EACH_ELEMENT (ctx->doc, articles, i, a)
    {
      if (crb_json_type (a) != CRB_JSON_STRING)
        return _crb_store_fail (&sub, error, _("articles[%u] must be a string"), i);
      summary->article_ids[i] = g_strdup (crb_json_string (ctx->doc, a));
    }

  status = crb_json_member_get (ctx->doc, object, "status");
  for (guint s = 0; status && s < CRB_N_DECISION_STATUSES; s++)
    summary->status_counts[s] =
      crb_json_int (crb_json_member_get (ctx->doc, status, crb_decision_status_to_string (s)));

  /* Optional: files written before it was kept do not say. */
  {
    guint64 n_contested;

    if (!_crb_store_get_uint (&sub, object, "contested", FALSE, G_MAXUINT64, &n_contested, error))
      return FALSE;
    summary->n_contested = n_contested <= G_MAXINT ? (int) n_contested : -1;
  }

  return read_article_summaries (&sub, object, summary, error) &&
         read_line_span (&sub, object, span, error);
}

static void
summary_free (gpointer data)
{
  _crb_story_summary_clear (data);
  g_free (data);
}

/* Finding the stories' lines reads a little of each, or all of them (and
 * the kernel maps the pages around what is read): none of it is needed
 * until a story is parsed, which reads its line again.  Gives back the
 * pages of the mapped file before @upto, a few megabytes at a time.
 */
static void
give_back_pages (CrbProjectData *data,
                 const char     *upto)
{
  const char *base;
  gsize size;

  if (data->mapped == NULL)
    return;
  base = g_bytes_get_data (data->mapped, &size);
  if (upto == NULL)
    upto = base + size;
  if ((gsize) (upto - base) <= data->given_back ||
      ((gsize) (upto - base) - data->given_back < 4 * 1024 * 1024 && upto < base + size))
    return;

  _crb_store_release_pages (data->mapped, base + data->given_back,
                            upto - base - data->given_back);
  data->given_back = upto - base;
}

/* The stories' lines where the header says they are, without reading the
 * rest of the file: each must start as we write a story's line and end
 * with its newline, and together they must fill the file.  %FALSE when
 * the header says nothing or something else (a file edited by hand, say):
 * then the lines are found by reading.
 */
static gboolean
attach_lines_at_spans (CrbProjectData *data,
                       GArray         *spans,
                       GBytes         *bytes,
                       gsize           body,
                       GFile          *file)
{
  gsize len;
  const char *contents = g_bytes_get_data (bytes, &len);
  gsize expected = 0;

  if (data->stories->len == 0 || spans->len != 2 * data->stories->len)
    return FALSE;

  for (guint i = 0; i < data->stories->len; i++)
    {
      CrbStory *story = g_ptr_array_index (data->stories, i);
      gsize offset = g_array_index (spans, gsize, 2 * i);
      gsize length = g_array_index (spans, gsize, 2 * i + 1);
      g_autofree char *prefix = g_strdup_printf ("{\"story\":\"%s\"", crb_story_get_id (story));
      const char *p;

      if (offset != expected || length > len - body || offset > len - body - length ||
          body + offset + length >= len)
        return FALSE;
      p = contents + body + offset;
      if (p[length] != '\n' || length < strlen (prefix) || memcmp (p, prefix, strlen (prefix)) != 0)
        return FALSE;
      expected = offset + length + 1;
      give_back_pages (data, contents + body + expected);
    }
  if (body + expected != len)
    return FALSE;

  for (guint i = 0; i < data->stories->len; i++)
    {
      CrbStory *story = g_ptr_array_index (data->stories, i);
      CrbStorySummary *summary = g_object_get_data (G_OBJECT (story), "crb-summary");
      g_autoptr (GBytes) raw = g_bytes_new_from_bytes (bytes, body + g_array_index (spans, gsize, 2 * i),
                                                       g_array_index (spans, gsize, 2 * i + 1));

      _crb_story_set_unloaded (story, summary, raw, file, i + 2);
      g_object_set_data (G_OBJECT (story), "crb-summary", NULL);
    }
  return TRUE;
}

static GBytes *
load_file_bytes (GFile         *file,
                 const char    *name,
                 guint64       *dev,
                 guint64       *ino,
                 gboolean      *is_mapped,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) local_error = NULL;
  GBytes *bytes;

  if (path != NULL)
    {
      g_autoptr (GMappedFile) mapped = NULL;
      struct stat st;
      int fd;

      fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
      if (fd < 0)
        {
          int saved_errno = errno;

          if (saved_errno == ENOENT)
            g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: no such file"), name);
          else
            g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), name,
                         g_strerror (saved_errno));
          return NULL;
        }
      if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
        {
          close (fd);
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("%s: is a folder, not a project file"), name);
          return NULL;
        }
      *dev = st.st_dev;
      *ino = st.st_ino;

      /* Mapped, so unchanged stories are copied on save without being read
       * into memory, and only the pages of parsed stories are touched.  The
       * mapping is of the file as opened: a file renamed over it later does
       * not change what this project reads.
       */
      mapped = g_mapped_file_new_from_fd (fd, FALSE, &local_error);
      close (fd);
      if (mapped == NULL)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), name, local_error->message);
          return NULL;
        }

      *is_mapped = TRUE;
      return g_mapped_file_get_bytes (mapped);
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &local_error);
  if (bytes == NULL)
    g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), name, local_error->message);

  return bytes;
}

gboolean
_crb_project_read (GFile           *file,
                   CrbProjectData  *data,
                   GCancellable    *cancellable,
                   GError         **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) spans = g_array_new (FALSE, TRUE, sizeof (gsize));
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CrbJsonDoc) doc = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  Ctx ctx = { name, 1, NULL, NULL };
  const char *contents, *end, *nl, *p;
  const char *id = NULL, *title = NULL, *created = NULL, *modified = NULL, *save_id = NULL;
  const CrbJsonValue *header;
  const CrbJsonValue *stories;
  const CrbJsonValue *version;
  gsize len;
  guint lineno;
  guint n_lines;
  guint i = 0;
  gboolean is_mapped = FALSE;

  bytes = load_file_bytes (file, name, &data->dev, &data->ino, &is_mapped, cancellable, error);
  if (bytes == NULL)
    return FALSE;
  if (is_mapped && g_bytes_get_size (bytes) > 0)
    data->mapped = g_bytes_ref (bytes);

  contents = g_bytes_get_data (bytes, &len);
  if (len == 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: the file is empty"), name);
      return FALSE;
    }
  /* Not before: an empty file is mapped at NULL, and NULL + 0 is undefined. */
  end = contents + len;

  nl = memchr (contents, '\n', len);
  doc = crb_json_doc_parse (contents, (nl ? nl : end) - contents, &local_error);
  if (doc == NULL)
    {
      _crb_store_set_parse_error (error, name, 1, local_error);
      return FALSE;
    }

  ctx.doc = doc;
  header = crb_json_doc_root (doc);
  if (g_strcmp0 (crb_json_get_string (doc, header, "format", NULL), CRB_PROJECT_FORMAT) != 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: not a Corroborate project: the first line has no "
                   "\"format\": \"%s\" marker"), name, CRB_PROJECT_FORMAT);
      return FALSE;
    }

  version = crb_json_member_get (doc, header, "version");
  if (version == NULL || crb_json_type (version) != CRB_JSON_INT || crb_json_int (version) < 1)
    return _crb_store_fail (&ctx, error, _("the field “version” must be a positive integer"));

  data->version = crb_json_int (version);
  if (data->version > CRB_PROJECT_FORMAT_VERSION)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_UNSUPPORTED_VERSION,
                   _("%s: written in project format version %lld by a newer Corroborate; this build "
                     "reads version %d and older, so it will not open or change it"),
                   name, (long long) data->version, CRB_PROJECT_FORMAT_VERSION);
      return FALSE;
    }

  if (!_crb_store_get_string (&ctx, header, "id", TRUE, &id, error) ||
      !_crb_store_get_string (&ctx, header, "title", FALSE, &title, error) ||
      !_crb_store_get_string (&ctx, header, "created", FALSE, &created, error) ||
      !_crb_store_get_string (&ctx, header, "modified", FALSE, &modified, error) ||
      !_crb_store_get_string (&ctx, header, "save_id", FALSE, &save_id, error) ||
      !_crb_store_get_uint (&ctx, header, "revision", FALSE, 0, &data->revision, error) ||
      !_crb_store_get_uint (&ctx, header, "next_seq", FALSE, 1, &data->next_seq, error) ||
      !_crb_store_get_array (&ctx, header, "stories", &stories, error) ||
      !read_steps (&ctx, header, "undo", data->undo, error) ||
      !read_steps (&ctx, header, "redo", data->redo, error))
    return FALSE;

  if (*id == '\0' || strchr (id, '/') != NULL)
    return _crb_store_fail (&ctx, error, _("the field “id” must be a non-empty name without “/”"));

  data->id = g_strdup (id);
  data->title = g_strdup (title);
  data->created = g_strdup (created);
  data->modified = g_strdup (modified);
  data->save_id = g_strdup (save_id);
  if (!read_settings (&ctx, header, data->settings, error))
    return FALSE;
  data->next_seq = MAX (data->next_seq, 1);

  /* A team project's settings: kept as written, read by project/. */
  {
    const CrbJsonValue *team = NULL;
    gsize team_len;

    if (!_crb_store_get_field (&ctx, header, "team", CRB_JSON_OBJECT, FALSE, &team, error))
      return FALSE;
    if (team != NULL)
      {
        const char *raw = crb_json_raw (doc, team, &team_len);

        data->team = g_strndup (raw, team_len);
      }
  }

  FOR_EACH_ELEMENT (doc, stories, i, element)
    {
      CrbStorySummary summary = { 0 };
      const char *story_id = NULL, *story_title = NULL;
      CrbStory *story;

      g_array_set_size (spans, 2 * (i + 1));
      if (!read_story_summary (&ctx, element, i, &summary, &g_array_index (spans, gsize, 2 * i),
                               &story_id, &story_title, error))
        {
          _crb_story_summary_clear (&summary);
          return FALSE;
        }

      if (g_hash_table_contains (ids, story_id))
        {
          _crb_story_summary_clear (&summary);
          return _crb_store_fail (&ctx, error, _("stories[%u]: the story id “%s” is used twice"), i, story_id);
        }

      story = crb_story_new (story_id, story_title);
      g_ptr_array_add (data->stories, story);
      g_hash_table_add (ids, (char *) crb_story_get_id (story));

      /* The line is attached below; keep the summary until then. */
      g_object_set_data_full (G_OBJECT (story), "crb-summary",
                              g_memdup2 (&summary, sizeof summary), summary_free);
    }

  /* Undo and redo name stories of the file. */
  for (guint k = 0; k < 2; k++)
    {
      GArray *steps = k == 0 ? data->undo : data->redo;

      for (guint j = 0; j < steps->len; j++)
        if (!g_hash_table_contains (ids, g_array_index (steps, CrbStep, j).story_id))
          return _crb_store_fail (&ctx, error, _("%s[%u]: the story “%s” is not in the project"),
                                  k == 0 ? "undo" : "redo", j, g_array_index (steps, CrbStep, j).story_id);
    }

  if (nl != NULL && attach_lines_at_spans (data, spans, bytes, nl + 1 - contents, file))
    {
      give_back_pages (data, NULL);
      return TRUE;
    }

  lineno = 1;
  n_lines = 0;
  for (p = nl ? nl + 1 : end; p < end; p = nl ? nl + 1 : end)
    {
      g_autofree char *prefix = NULL;
      CrbStorySummary *summary;
      g_autoptr (GBytes) raw = NULL;
      CrbStory *story;
      gsize line_len;

      lineno++;
      nl = memchr (p, '\n', end - p);
      line_len = (nl ? nl : end) - p;
      if (line_len == 0)
        continue;

      ctx.line = lineno;
      if (n_lines >= data->stories->len)
        return _crb_store_fail (&ctx, error, _("more story lines than the %u stories the header lists"),
                                data->stories->len);

      story = g_ptr_array_index (data->stories, n_lines);
      prefix = g_strdup_printf ("{\"story\":\"%s\"", crb_story_get_id (story));
      if (line_len < strlen (prefix) || memcmp (p, prefix, strlen (prefix)) != 0)
        {
          /* Not as we write it; a hand-edited file may still be right. */
          g_autoptr (CrbJsonDoc) line_doc = crb_json_doc_parse (p, line_len, &local_error);
          const char *found = NULL;

          if (line_doc == NULL)
            {
              _crb_store_set_parse_error (error, name, lineno, local_error);
              return FALSE;
            }
          if (crb_json_type (crb_json_doc_root (line_doc)) != CRB_JSON_OBJECT)
            return _crb_store_fail (&ctx, error, _("a story line must be a JSON object"));
          found = crb_json_get_string (line_doc, crb_json_doc_root (line_doc), "story", NULL);
          if (g_strcmp0 (found, crb_story_get_id (story)) != 0)
            return _crb_store_fail (&ctx, error, _("expected the line of story “%s” (the header's order), "
                         "found “%s”"), crb_story_get_id (story), found ? found : "no story id");
        }

      summary = g_object_get_data (G_OBJECT (story), "crb-summary");
      g_assert (summary != NULL);
      raw = g_bytes_new_from_bytes (bytes, p - contents, line_len);
      _crb_story_set_unloaded (story, summary, raw, file, lineno);
      give_back_pages (data, p + line_len);
      g_object_set_data (G_OBJECT (story), "crb-summary", NULL);
      n_lines++;
    }

  if (n_lines < data->stories->len)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: the header lists %u stories but the file holds %u: "
                   "the file is incomplete"), name, data->stories->len, n_lines);
      return FALSE;
    }

  give_back_pages (data, NULL);
  return TRUE;
}

static void
write_steps (GString    *out,
             gboolean   *first,
             const char *member,
             GArray     *steps)
{
  crb_json_member (out, first, member);
  g_string_append_c (out, '[');
  for (guint i = 0; i < steps->len; i++)
    {
      CrbStep *step = &g_array_index (steps, CrbStep, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '[');
      crb_json_append_int (out, (gint64) step->seq);
      g_string_append_c (out, ',');
      crb_json_append_string (out, step->story_id);
      if (step->group != 0 || step->writer != NULL)
        {
          g_string_append_c (out, ',');
          crb_json_append_int (out, (gint64) step->group);
        }
      if (step->writer != NULL)
        {
          g_string_append_c (out, ',');
          crb_json_append_string (out, step->writer);
        }
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, ']');
}

static void
write_string (GString    *out,
              gboolean   *first,
              const char *member,
              const char *value)
{
  if (value == NULL)
    return;

  crb_json_member (out, first, member);
  crb_json_append_string (out, value);
}

/* The header line, written as text: it holds a summary of every story,
 * too many for a json-glib tree in a large project.
 */
GBytes *
_crb_project_header_serialize (const CrbProjectData *data)
{
  GString *out = g_string_sized_new (4096 + 512 * (gsize) data->stories->len);
  gboolean with_lines = data->line_spans != NULL && data->line_spans->len == 2 * data->stories->len;
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  write_string (out, &first, "format", CRB_PROJECT_FORMAT);
  crb_json_member (out, &first, "version");
  crb_json_append_int (out, CRB_PROJECT_FORMAT_VERSION);
  write_string (out, &first, "generator", "corroborate " PACKAGE_VERSION);
  write_string (out, &first, "id", data->id);
  write_string (out, &first, "title", data->title);
  write_string (out, &first, "created", data->created);
  write_string (out, &first, "modified", data->modified);
  write_string (out, &first, "save_id", data->save_id);
  if (data->settings != NULL && g_hash_table_size (data->settings) > 0)
    {
      g_autoptr (GList) names = g_list_sort (g_hash_table_get_keys (data->settings), (GCompareFunc) strcmp);
      gboolean first_setting = TRUE;

      /* Sorted: the same settings write the same bytes. */
      crb_json_member (out, &first, "settings");
      g_string_append_c (out, '{');
      for (GList *l = names; l; l = l->next)
        write_string (out, &first_setting, l->data, g_hash_table_lookup (data->settings, l->data));
      g_string_append_c (out, '}');
    }
  crb_json_member (out, &first, "revision");
  crb_json_append_int (out, (gint64) data->revision);
  crb_json_member (out, &first, "next_seq");
  crb_json_append_int (out, (gint64) data->next_seq);
  crb_json_member (out, &first, "stories");
  g_string_append_c (out, '[');
  for (guint i = 0; i < data->stories->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      /* Where the story's line is, from the first byte after the header. */
      _crb_story_summary_write (g_ptr_array_index (data->stories, i), out,
                                with_lines ? &g_array_index (data->line_spans, gsize, 2 * i)
                                           : NULL);
    }
  g_string_append_c (out, ']');
  write_steps (out, &first, "undo", data->undo);
  write_steps (out, &first, "redo", data->redo);
  if (data->team != NULL)
    {
      g_autoptr (JsonNode) team = json_from_string (data->team, NULL);

      if (team != NULL)
        {
          g_autofree char *text = json_to_string (team, FALSE);

          crb_json_member (out, &first, "team");
          g_string_append (out, text);
        }
    }
  g_string_append_c (out, '}');

  return g_string_free_to_bytes (out);
}
