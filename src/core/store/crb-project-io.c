/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-project-io"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-io.h"

#include "crb-article-private.h"
#include "crb-error.h"
#include "crb-json.h"
#include "crb-store.h"
#include "crb-story-private.h"
#include "crb-utils.h"

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
  g_clear_pointer (&data->stories, g_ptr_array_unref);
  g_clear_pointer (&data->undo, g_array_unref);
  g_clear_pointer (&data->redo, g_array_unref);
}

/* json-glib says "<data>:LINE:COLUMN: Parse error: ..."; name the file and
 * count lines in the file, not in the line we gave the parser.
 */
static void
set_parse_error (GError     **error,
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

typedef struct
{
  const char       *name;   /* the file */
  guint             line;
  char             *where;  /* e.g. "story “s1”, claims[3]" */
  const CrbJsonDoc *doc;    /* the line being read */
} Ctx;

static gboolean G_GNUC_PRINTF (3, 4)
fail (const Ctx   *ctx,
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
static gboolean
check_field (const Ctx            *ctx,
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
  return fail (ctx, error, "%s", local_error->message);
}

static gboolean
check_uint (const Ctx           *ctx,
            const CrbJsonValue  *value,
            const char          *member,
            gboolean             required,
            guint64              default_value,
            guint64             *out,
            GError             **error)
{
  const CrbJsonValue *checked;

  if (!check_field (ctx, value, member, CRB_JSON_INT, required, &checked, error))
    return FALSE;
  *out = checked ? (guint64) crb_json_int (checked) : default_value;
  return TRUE;
}

static gboolean
get_field (const Ctx            *ctx,
           const CrbJsonValue   *object,
           const char           *member,
           CrbJsonType           type,
           gboolean              required,
           const CrbJsonValue  **out,
           GError              **error)
{
  return check_field (ctx, crb_json_member_get (ctx->doc, object, member), member, type, required, out, error);
}

static gboolean
get_string (const Ctx            *ctx,
            const CrbJsonValue   *object,
            const char           *member,
            gboolean              required,
            const char          **out,
            GError              **error)
{
  const CrbJsonValue *value;

  if (!get_field (ctx, object, member, CRB_JSON_STRING, required, &value, error))
    return FALSE;
  *out = crb_json_string (ctx->doc, value);
  return TRUE;
}

static gboolean
get_uint (const Ctx           *ctx,
          const CrbJsonValue  *object,
          const char          *member,
          gboolean             required,
          guint64              default_value,
          guint64             *out,
          GError             **error)
{
  return check_uint (ctx, crb_json_member_get (ctx->doc, object, member), member, required,
                     default_value, out, error);
}

static gboolean
get_array (const Ctx            *ctx,
           const CrbJsonValue   *object,
           const char           *member,
           const CrbJsonValue  **out,
           GError              **error)
{
  return get_field (ctx, object, member, CRB_JSON_ARRAY, FALSE, out, error);
}

/* Iterates over the elements of an array (or members of an object) that may be NULL. */
#define FOR_EACH_ELEMENT(doc, array, i, element) \
  for (const CrbJsonValue *element = crb_json_first ((doc), (array)); element != NULL; \
       element = crb_json_next ((doc), element), (i)++)

static gboolean
read_steps (const Ctx           *ctx,
            const CrbJsonValue  *header,
            const char          *member,
            GArray              *steps,
            GError             **error)
{
  const CrbJsonValue *array;
  guint i = 0;

  if (!get_array (ctx, header, member, &array, error))
    return FALSE;

  FOR_EACH_ELEMENT (ctx->doc, array, i, pair)
    {
      guint n = crb_json_type (pair) == CRB_JSON_ARRAY ? crb_json_length (pair) : 0;
      const CrbJsonValue *seq = crb_json_first (ctx->doc, pair);
      const CrbJsonValue *story = crb_json_next (ctx->doc, seq);
      const CrbJsonValue *group = crb_json_next (ctx->doc, story);
      CrbStep step;

      if (n < 2 || n > 3 ||
          crb_json_type (seq) != CRB_JSON_INT ||
          crb_json_type (story) != CRB_JSON_STRING ||
          (n == 3 && crb_json_type (group) != CRB_JSON_INT))
        return fail (ctx, error, _("%s[%u] must be [sequence number, story id] or "
                     "[sequence number, story id, group]"), member, i);

      step.seq = (guint64) crb_json_int (seq);
      step.story_id = g_strdup (crb_json_string (ctx->doc, story));
      step.group = n == 3 ? (guint64) crb_json_int (group) : 0;
      g_array_append_val (steps, step);
    }

  return TRUE;
}

static gboolean
read_story_summary (const Ctx           *ctx,
                    const CrbJsonValue  *object,
                    guint                index,
                    CrbStorySummary     *summary,
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
    return fail (&sub, error, _("must be an object"));

  ret = get_string (&sub, object, "id", TRUE, id, error) &&
        get_string (&sub, object, "title", FALSE, title, error) &&
        get_array (&sub, object, "articles", &articles, error) &&
        get_uint (&sub, object, "claims", FALSE, 0, &n_claims, error);
  if (!ret)
    return FALSE;

  summary->n_claims = (guint) n_claims;
  summary->article_ids = g_new0 (char *, crb_json_length (articles) + 1);
  FOR_EACH_ELEMENT (ctx->doc, articles, i, a)
    {
      if (crb_json_type (a) != CRB_JSON_STRING)
        return fail (&sub, error, _("articles[%u] must be a string"), i);
      summary->article_ids[i] = g_strdup (crb_json_string (ctx->doc, a));
    }

  status = crb_json_member_get (ctx->doc, object, "status");
  for (guint s = 0; status && s < CRB_N_DECISION_STATUSES; s++)
    summary->status_counts[s] =
      crb_json_int (crb_json_member_get (ctx->doc, status, crb_decision_status_to_string (s)));

  return TRUE;
}

static GBytes *
load_file_bytes (GFile         *file,
                 const char    *name,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GError) local_error = NULL;
  GBytes *bytes;

  if (path != NULL)
    {
      g_autoptr (GMappedFile) mapped = NULL;

      /* Mapped, so unchanged stories are copied on save without being read
       * into memory, and only the pages of parsed stories are touched.
       */
      mapped = g_mapped_file_new (path, FALSE, &local_error);
      if (mapped == NULL)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), name,
                       g_str_has_prefix (local_error->message, "Failed to open file")
                         ? g_strerror (ENOENT) : local_error->message);
          if (!g_file_test (path, G_FILE_TEST_EXISTS))
            {
              g_clear_error (error);
              g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND,
                           _("%s: no such file"), name);
            }
          else if (g_file_test (path, G_FILE_TEST_IS_DIR))
            {
              g_clear_error (error);
              g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                           _("%s: is a folder, not a project file"), name);
            }
          return NULL;
        }

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
  g_autoptr (GBytes) bytes = NULL;
  g_autoptr (CrbJsonDoc) doc = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  Ctx ctx = { name, 1, NULL, NULL };
  const char *contents, *end, *nl, *p;
  const char *id = NULL, *title = NULL, *created = NULL, *modified = NULL;
  const CrbJsonValue *header;
  const CrbJsonValue *stories;
  const CrbJsonValue *version;
  gsize len;
  guint lineno;
  guint n_lines;
  guint i = 0;

  bytes = load_file_bytes (file, name, cancellable, error);
  if (bytes == NULL)
    return FALSE;

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
      set_parse_error (error, name, 1, local_error);
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
    return fail (&ctx, error, _("the field “version” must be a positive integer"));

  data->version = crb_json_int (version);
  if (data->version > CRB_PROJECT_FORMAT_VERSION)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_UNSUPPORTED_VERSION,
                   _("%s: written in project format version %lld by a newer Corroborate; this build "
                     "reads version %d and older, so it will not open or change it"),
                   name, (long long) data->version, CRB_PROJECT_FORMAT_VERSION);
      return FALSE;
    }

  if (!get_string (&ctx, header, "id", TRUE, &id, error) ||
      !get_string (&ctx, header, "title", FALSE, &title, error) ||
      !get_string (&ctx, header, "created", FALSE, &created, error) ||
      !get_string (&ctx, header, "modified", FALSE, &modified, error) ||
      !get_uint (&ctx, header, "revision", FALSE, 0, &data->revision, error) ||
      !get_uint (&ctx, header, "next_seq", FALSE, 1, &data->next_seq, error) ||
      !get_array (&ctx, header, "stories", &stories, error) ||
      !read_steps (&ctx, header, "undo", data->undo, error) ||
      !read_steps (&ctx, header, "redo", data->redo, error))
    return FALSE;

  if (*id == '\0' || strchr (id, '/') != NULL)
    return fail (&ctx, error, _("the field “id” must be a non-empty name without “/”"));

  data->id = g_strdup (id);
  data->title = g_strdup (title);
  data->created = g_strdup (created);
  data->modified = g_strdup (modified);
  data->next_seq = MAX (data->next_seq, 1);

  FOR_EACH_ELEMENT (doc, stories, i, element)
    {
      CrbStorySummary summary = { 0 };
      const char *story_id = NULL, *story_title = NULL;
      CrbStory *story;

      if (!read_story_summary (&ctx, element, i, &summary, &story_id, &story_title, error))
        {
          g_strfreev (summary.article_ids);
          return FALSE;
        }

      if (g_hash_table_contains (ids, story_id))
        {
          g_strfreev (summary.article_ids);
          return fail (&ctx, error, _("stories[%u]: the story id “%s” is used twice"), i, story_id);
        }

      story = crb_story_new (story_id, story_title);
      g_ptr_array_add (data->stories, story);
      g_hash_table_add (ids, (char *) crb_story_get_id (story));

      /* The line is attached below; keep the summary until then. */
      g_object_set_data_full (G_OBJECT (story), "crb-summary",
                              g_memdup2 (&summary, sizeof summary), g_free);
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
        return fail (&ctx, error, _("more story lines than the %u stories the header lists"),
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
              set_parse_error (error, name, lineno, local_error);
              return FALSE;
            }
          if (crb_json_type (crb_json_doc_root (line_doc)) != CRB_JSON_OBJECT)
            return fail (&ctx, error, _("a story line must be a JSON object"));
          found = crb_json_get_string (line_doc, crb_json_doc_root (line_doc), "story", NULL);
          if (g_strcmp0 (found, crb_story_get_id (story)) != 0)
            return fail (&ctx, error, _("expected the line of story “%s” (the header's order), "
                         "found “%s”"), crb_story_get_id (story), found ? found : "no story id");
        }

      summary = g_object_get_data (G_OBJECT (story), "crb-summary");
      raw = g_bytes_new_from_bytes (bytes, p - contents, line_len);
      _crb_story_set_unloaded (story, summary, raw, file, lineno);
      g_strfreev (summary->article_ids);
      summary->article_ids = NULL;
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

  return TRUE;
}

static void
add_steps (JsonBuilder *builder,
           const char  *member,
           GArray      *steps)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; i < steps->len; i++)
    {
      CrbStep *step = &g_array_index (steps, CrbStep, i);

      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, (gint64) step->seq);
      json_builder_add_string_value (builder, step->story_id);
      if (step->group != 0)
        json_builder_add_int_value (builder, (gint64) step->group);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, value);
}

GBytes *
_crb_project_header_serialize (const CrbProjectData *data)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonNode) root = NULL;

  json_builder_begin_object (builder);
  add_string (builder, "format", CRB_PROJECT_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, CRB_PROJECT_FORMAT_VERSION);
  add_string (builder, "generator", "corroborate " PACKAGE_VERSION);
  add_string (builder, "id", data->id);
  add_string (builder, "title", data->title);
  add_string (builder, "created", data->created);
  add_string (builder, "modified", data->modified);
  json_builder_set_member_name (builder, "revision");
  json_builder_add_int_value (builder, (gint64) data->revision);
  json_builder_set_member_name (builder, "next_seq");
  json_builder_add_int_value (builder, (gint64) data->next_seq);
  json_builder_set_member_name (builder, "stories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < data->stories->len; i++)
    json_builder_add_value (builder, _crb_story_summary_to_json (g_ptr_array_index (data->stories, i)));
  json_builder_end_array (builder);
  add_steps (builder, "undo", data->undo);
  add_steps (builder, "redo", data->redo);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return crb_json_to_bytes (root);
}

/* Direct writers: much faster than building a JsonNode tree first. */

static void
write_string (GString    *out,
              gboolean   *first,
              const char *key,
              const char *value)
{
  if (value == NULL)
    return;

  crb_json_member (out, first, key);
  crb_json_append_string (out, value);
}

static void
write_int (GString    *out,
           gboolean   *first,
           const char *key,
           gint64      value)
{
  crb_json_member (out, first, key);
  g_string_append_printf (out, "%" G_GINT64_FORMAT, value);
}

static void
write_decision (GString           *out,
                const CrbDecision *decision)
{
  gboolean first = TRUE;

  if (decision == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '{');
  write_string (out, &first, "status", crb_decision_status_to_string (decision->status));
  write_string (out, &first, "reason", crb_reject_reason_to_string (decision->reason));
  write_string (out, &first, "corrected", decision->corrected_text);
  write_string (out, &first, "note", decision->note);
  write_string (out, &first, "annotator", decision->annotator);
  write_string (out, &first, "time", decision->time);
  g_string_append_c (out, '}');
}

/**
 * _crb_article_write:
 * @with_text: include the article's text
 *
 * Appends the article as a JSON object (the project file's form).
 */
void
_crb_article_write (GString    *out,
                    CrbArticle *article,
                    gboolean    with_text)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  write_string (out, &first, "id", crb_article_get_id (article));
  write_string (out, &first, "title", crb_article_get_title (article));
  write_string (out, &first, "outlet", crb_article_get_outlet (article));
  write_string (out, &first, "url", crb_article_get_url (article));
  write_string (out, &first, "date", crb_article_get_date (article));
  write_string (out, &first, "source", crb_article_get_source (article));
  write_string (out, &first, "sha256", crb_article_get_sha256 (article));
  write_string (out, &first, "source_sha256", crb_article_get_source_sha256 (article));
  if (crb_article_get_body_start (article) > 0)
    write_int (out, &first, "body_start", crb_article_get_body_start (article));
  if (with_text)
    write_string (out, &first, "text", crb_article_get_text (article));
  g_string_append_c (out, '}');
}

/* Three decimals: enough to order by, and stable in files. */
double
_crb_round_score (double score)
{
  /* A score far out of range (a hand-edited link's) is kept as it is:
   * converting it to an integer would be undefined.
   */
  if (!(score > -1e12 && score < 1e12))
    return score;
  return ((gint64) (score * 1000 + 0.5)) / 1000.0;
}

/**
 * _crb_claim_write:
 * @with_decision: include the decision object
 * @story_id: (nullable): add a "story" member
 *
 * Appends the claim as a JSON object (the project file's form; the CLI's
 * `claims` lines add the story).
 */
void
_crb_claim_write (GString    *out,
                  CrbClaim   *claim,
                  gboolean    with_decision,
                  const char *story_id)
{
  const char * const *reasons = crb_claim_get_reasons (claim);
  const CrbDecision *decision = crb_claim_get_decision (claim);
  const char *values = crb_claim_get_values_json (claim);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  write_string (out, &first, "id", crb_claim_get_id (claim));
  write_string (out, &first, "article", crb_claim_get_article_id (claim));
  write_int (out, &first, "start", crb_claim_get_start (claim));
  write_int (out, &first, "end", crb_claim_get_end (claim));
  write_string (out, &first, "text", crb_claim_get_text (claim));
  write_string (out, &first, "kind", crb_claim_get_kind (claim));
  crb_json_member (out, &first, "score");
  crb_json_append_double (out, _crb_round_score (crb_claim_get_score (claim)));
  crb_json_member (out, &first, "reasons");
  crb_json_append_strv (out, reasons);
  if (values != NULL)
    {
      crb_json_member (out, &first, "values");
      g_string_append (out, values);
    }
  write_string (out, &first, "status", crb_decision_status_to_string (crb_claim_get_status (claim)));
  if (with_decision && decision != NULL)
    {
      crb_json_member (out, &first, "decision");
      write_decision (out, decision);
    }
  write_string (out, &first, "story", story_id);
  g_string_append_c (out, '}');
}

static void
write_history_entry (GString               *out,
                     const CrbHistoryEntry *entry)
{
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  write_int (out, &first, "seq", (gint64) entry->seq);
  write_string (out, &first, "claim", entry->claim_id);
  crb_json_member (out, &first, "before");
  write_decision (out, entry->before);
  crb_json_member (out, &first, "after");
  write_decision (out, entry->after);
  if (entry->undone)
    {
      crb_json_member (out, &first, "undone");
      g_string_append (out, "true");
    }
  g_string_append_c (out, '}');
}

/* Links, the facts of more than one claim (the others are single claims),
 * and the pairs reviewers unlinked.
 */
static void
write_alignment (GString  *out,
                 gboolean *first,
                 CrbStory *story)
{
  CrbAlignment *alignment = crb_story_get_alignment (story);
  GPtrArray *removed = crb_story_get_removed_links (story);
  gboolean any = FALSE;

  crb_json_member (out, first, "links");
  g_string_append_c (out, '[');
  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      gboolean f = TRUE;

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      write_string (out, &f, "a", link->a);
      write_string (out, &f, "b", link->b);
      write_string (out, &f, "relation", crb_relation_to_string (link->relation));
      crb_json_member (out, &f, "score");
      crb_json_append_double (out, _crb_round_score (link->score));
      crb_json_member (out, &f, "why");
      crb_json_append_strv (out, (const char * const *) link->why);
      if (link->manual)
        {
          crb_json_member (out, &f, "manual");
          g_string_append (out, "true");
        }
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  crb_json_member (out, first, "facts");
  g_string_append_c (out, '[');
  for (guint i = 0; i < alignment->facts->len; i++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, i);
      gboolean f = TRUE;

      if (fact->claims == NULL || fact->claims[0] == NULL || fact->claims[1] == NULL)
        continue;
      if (any)
        g_string_append_c (out, ',');
      any = TRUE;
      g_string_append_c (out, '{');
      write_string (out, &f, "id", fact->id);
      crb_json_member (out, &f, "claims");
      crb_json_append_strv (out, (const char * const *) fact->claims);
      write_int (out, &f, "articles", fact->n_articles);
      write_int (out, &f, "outlets", fact->n_outlets);
      write_int (out, &f, "conflicts", fact->n_conflicts);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');

  if (removed->len > 0)
    {
      crb_json_member (out, first, "removed");
      g_string_append_c (out, '[');
      for (guint i = 0; i < removed->len; i++)
        {
          CrbLink *link = g_ptr_array_index (removed, i);

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '[');
          crb_json_append_string (out, link->a);
          g_string_append_c (out, ',');
          crb_json_append_string (out, link->b);
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, ']');
    }
}

GBytes *
_crb_story_serialize (CrbStory *story)
{
  GListModel *articles = crb_story_get_articles (story);
  GListModel *claims = crb_story_get_claims (story);
  GPtrArray *history = crb_story_get_history (story);
  GString *out = g_string_sized_new (64 * 1024);
  gboolean first = TRUE;

  g_assert (crb_story_is_loaded (story));

  g_string_append_c (out, '{');
  write_string (out, &first, "story", crb_story_get_id (story));
  write_string (out, &first, "title", crb_story_get_title (story));

  crb_json_member (out, &first, "articles");
  g_string_append_c (out, '[');
  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr (CrbArticle) article = g_list_model_get_item (articles, i);

      if (i > 0)
        g_string_append_c (out, ',');
      _crb_article_write (out, article, TRUE);
    }
  g_string_append_c (out, ']');

  crb_json_member (out, &first, "claims");
  g_string_append_c (out, '[');
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, i);

      if (i > 0)
        g_string_append_c (out, ',');
      _crb_claim_write (out, claim, TRUE, NULL);
    }
  g_string_append_c (out, ']');

  crb_json_member (out, &first, "history");
  g_string_append_c (out, '[');
  for (guint i = 0; i < history->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_history_entry (out, g_ptr_array_index (history, i));
    }
  g_string_append_c (out, ']');

  write_alignment (out, &first, story);
  g_string_append_c (out, '}');

  return g_string_free_to_bytes (out);
}

/* Reading a story's line is done in two steps: the line is checked and
 * indexed into a CrbStoryLine, from which _crb_story_parse() makes the
 * objects and exports write their records.
 */

static const char * const article_fields[CRB_N_ARTICLE_FIELDS] = {
  [CRB_ARTICLE_ID] = "id",
  [CRB_ARTICLE_TITLE] = "title",
  [CRB_ARTICLE_OUTLET] = "outlet",
  [CRB_ARTICLE_URL] = "url",
  [CRB_ARTICLE_DATE] = "date",
  [CRB_ARTICLE_SOURCE] = "source",
  [CRB_ARTICLE_SHA256] = "sha256",
  [CRB_ARTICLE_SOURCE_SHA256] = "source_sha256",
  [CRB_ARTICLE_BODY_START] = "body_start",
  [CRB_ARTICLE_TEXT] = "text",
};

static gboolean
read_article (const Ctx           *ctx,
              const CrbJsonValue  *object,
              CrbLineArticle      *out,
              GError             **error)
{
  const CrbJsonValue **fields = out->fields;
  const CrbJsonValue *members[CRB_N_ARTICLE_FIELDS];
  const char *sha256;

  if (crb_json_type (object) != CRB_JSON_OBJECT)
    return fail (ctx, error, _("must be an object"));

  crb_json_get_members (ctx->doc, object, CRB_N_ARTICLE_FIELDS, article_fields, members);
  if (!check_field (ctx, members[CRB_ARTICLE_ID], "id", CRB_JSON_STRING, TRUE, &fields[CRB_ARTICLE_ID], error) ||
      !check_field (ctx, members[CRB_ARTICLE_TEXT], "text", CRB_JSON_STRING, TRUE, &fields[CRB_ARTICLE_TEXT], error))
    return FALSE;
  for (guint i = CRB_ARTICLE_TITLE; i <= CRB_ARTICLE_SOURCE_SHA256; i++)
    {
      if (!check_field (ctx, members[i], article_fields[i], CRB_JSON_STRING, FALSE, &fields[i], error))
        return FALSE;
      /* An article keeps no empty title, outlet, url, date or source. */
      if (crb_json_string_length (fields[i]) == 0)
        fields[i] = NULL;
    }

  /* Ours when the file was written (crb_project_validate() checks it);
   * anything else is made again from the text.
   */
  sha256 = crb_json_string (ctx->doc, fields[CRB_ARTICLE_SHA256]);
  if (sha256 != NULL && !(strlen (sha256) == 64 && strspn (sha256, "0123456789abcdef") == 64))
    fields[CRB_ARTICLE_SHA256] = NULL;

  out->length = crb_utf8_bytes_to_chars (crb_json_string (ctx->doc, fields[CRB_ARTICLE_TEXT]),
                                         crb_json_string_length (fields[CRB_ARTICLE_TEXT]));

  /* Version 2: where the body starts, after the metadata kept in the text. */
  if (!check_field (ctx, members[CRB_ARTICLE_BODY_START], "body_start", CRB_JSON_INT, FALSE,
                    &fields[CRB_ARTICLE_BODY_START], error))
    return FALSE;
  if (fields[CRB_ARTICLE_BODY_START] != NULL)
    {
      gint64 body_start = crb_json_int (fields[CRB_ARTICLE_BODY_START]);

      if (body_start < 0 || (guint64) body_start > out->length)
        return fail (ctx, error, _("“body_start” must be from 0 to the length of the text"));
      if (body_start == 0)
        fields[CRB_ARTICLE_BODY_START] = NULL;
    }
  return TRUE;
}

/* The index of the first article of @line with @id, or -1. */
static int
find_article (const CrbStoryLine *line,
              const char         *id)
{
  for (guint i = 0; i < line->articles->len; i++)
    {
      const CrbLineArticle *a = &g_array_index (line->articles, CrbLineArticle, i);

      if (strcmp (crb_json_string (line->doc, a->fields[CRB_ARTICLE_ID]), id) == 0)
        return (int) i;
    }
  return -1;
}

/* Checks an array of strings (NULL is not one). */
static gboolean
check_string_array (const Ctx           *ctx,
                    const CrbJsonValue  *array,
                    const char          *what,
                    GError             **error)
{
  guint i = 0;

  if (array == NULL || crb_json_type (array) != CRB_JSON_ARRAY)
    return fail (ctx, error, _("%s must be an array of strings"), what);

  FOR_EACH_ELEMENT (ctx->doc, array, i, element)
    if (crb_json_type (element) != CRB_JSON_STRING)
      return fail (ctx, error, _("%s[%u] must be a string"), what, i);

  return TRUE;
}

/* The strings of a checked array, or NULL for none. */
static GStrv
dup_string_array (const CrbJsonDoc   *doc,
                  const CrbJsonValue *array)
{
  GStrv strv;
  guint i = 0;

  if (array == NULL)
    return NULL;

  strv = g_new (char *, crb_json_length (array) + 1);
  FOR_EACH_ELEMENT (doc, array, i, element)
    strv[i] = g_strdup (crb_json_string (doc, element));
  strv[i] = NULL;
  return strv;
}

/* @ids maps the claim ids read so far to their index + 1. */
static gboolean
read_claim (const Ctx           *ctx,
            const CrbJsonValue  *object,
            const CrbStoryLine  *line,
            GHashTable          *ids,
            CrbLineClaim        *out,
            GError             **error)
{
  /* In the order the file has them. */
  enum { ID, ARTICLE, START, END, TEXT, KIND, SCORE, REASONS, VALUES, DECISION, N_MEMBERS };
  static const char * const names[N_MEMBERS] = {
    "id", "article", "start", "end", "text", "kind", "score", "reasons", "values", "decision",
  };
  const CrbJsonValue *m[N_MEMBERS];
  const CrbJsonValue *score, *values, *decision;
  const char *id, *article_id;
  const CrbLineArticle *article;
  guint64 start, end;
  int article_index;
  guint i = 0;

  if (crb_json_type (object) != CRB_JSON_OBJECT)
    return fail (ctx, error, _("must be an object"));

  crb_json_get_members (ctx->doc, object, N_MEMBERS, names, m);
  if (!check_field (ctx, m[ID], "id", CRB_JSON_STRING, TRUE, &out->id, error) ||
      !check_field (ctx, m[ARTICLE], "article", CRB_JSON_STRING, TRUE, &out->article_id, error) ||
      !check_uint (ctx, m[START], "start", TRUE, 0, &start, error) ||
      !check_uint (ctx, m[END], "end", TRUE, 0, &end, error) ||
      !check_field (ctx, m[TEXT], "text", CRB_JSON_STRING, TRUE, &out->text, error) ||
      !check_field (ctx, m[KIND], "kind", CRB_JSON_STRING, FALSE, &out->kind, error) ||
      !check_field (ctx, m[REASONS], "reasons", CRB_JSON_ARRAY, FALSE, &out->reasons, error))
    return FALSE;

  id = crb_json_string (ctx->doc, out->id);
  article_id = crb_json_string (ctx->doc, out->article_id);
  article_index = find_article (line, article_id);
  if (article_index < 0)
    return fail (ctx, error, _("the article “%s” is not in this story"), article_id);
  article = &g_array_index (line->articles, CrbLineArticle, article_index);

  if (start > end || end > article->length)
    return fail (ctx, error, _("the span %llu–%llu is outside the article's %zu characters"),
                 (unsigned long long) start, (unsigned long long) end, article->length);

  if (g_hash_table_contains (ids, id))
    return fail (ctx, error, _("the claim id “%s” is used twice"), id);

  score = m[SCORE];
  if (score != NULL &&
      (!crb_json_is_number (score) || crb_json_double (score) < 0 || crb_json_double (score) > 1))
    return fail (ctx, error, _("the field “score” must be a number from 0 to 1"));

  FOR_EACH_ELEMENT (ctx->doc, out->reasons, i, r)
    if (crb_json_type (r) != CRB_JSON_STRING)
      return fail (ctx, error, _("reasons[%u] must be a string"), i);

  values = m[VALUES];
  if (values != NULL && crb_json_type (values) == CRB_JSON_NULL)
    values = NULL;
  if (values != NULL && crb_json_type (values) != CRB_JSON_OBJECT)
    return fail (ctx, error, _("the field “values” must be an object"));

  decision = m[DECISION];
  if (decision != NULL && crb_json_type (decision) != CRB_JSON_NULL)
    {
      g_autoptr (GError) local_error = NULL;

      out->decision = crb_decision_from_value (ctx->doc, decision, &local_error);
      if (out->decision == NULL)
        return fail (ctx, error, _("decision: %s"), local_error->message);
    }
  else
    out->decision = NULL;

  out->values = values;
  out->article = (guint) article_index;
  out->start = (guint) start;
  out->end = (guint) end;
  out->score = score != NULL ? CLAMP (crb_json_double (score), 0.0, 1.0) : 0.0;
  out->fact = -1;
  return TRUE;
}

/* The index of the claim @id names, or -1. */
static int
find_claim (GHashTable *ids,
            const char *id)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (ids, id)) - 1;
}

/* The stored links and facts, and the pairs reviewers unlinked. */
static gboolean
read_alignment (const Ctx           *ctx,
                const CrbJsonValue  *object,
                CrbStoryLine        *line,
                GHashTable          *ids,
                GError             **error)
{
  const CrbJsonDoc *doc = ctx->doc;
  const CrbJsonValue *links, *facts, *removed;
  guint i = 0;

  if (!get_array (ctx, object, "links", &links, error) ||
      !get_array (ctx, object, "facts", &facts, error) ||
      !get_array (ctx, object, "removed", &removed, error))
    return FALSE;

  FOR_EACH_ELEMENT (doc, removed, i, element)
    {
      if (!check_string_array (ctx, element, "removed[]", error))
        return FALSE;
      if (crb_json_length (element) != 2)
        return fail (ctx, error, _("removed[%u] must be a pair of claim ids"), i);
      g_ptr_array_add (line->removed, (gpointer) element);
    }

  if (links == NULL)
    return TRUE;

  line->links = g_array_sized_new (FALSE, FALSE, sizeof (CrbLineLink), crb_json_length (links));
  line->facts = g_array_sized_new (FALSE, FALSE, sizeof (CrbLineFact), crb_json_length (facts));

  i = 0;
  FOR_EACH_ELEMENT (doc, links, i, link)
    {
      /* In the order the file has them. */
      enum { A, B, RELATION, SCORE, WHY, MANUAL, N_MEMBERS };
      static const char * const names[N_MEMBERS] = { "a", "b", "relation", "score", "why", "manual" };
      const CrbJsonValue *m[N_MEMBERS];
      const CrbJsonValue *a, *b, *relation_name;
      CrbLineLink l;
      int ia, ib;

      if (crb_json_type (link) != CRB_JSON_OBJECT)
        return fail (ctx, error, _("links[%u] must be an object"), i);
      crb_json_get_members (doc, link, N_MEMBERS, names, m);
      if (!check_field (ctx, m[A], "a", CRB_JSON_STRING, TRUE, &a, error) ||
          !check_field (ctx, m[B], "b", CRB_JSON_STRING, TRUE, &b, error) ||
          !check_field (ctx, m[RELATION], "relation", CRB_JSON_STRING, TRUE, &relation_name, error))
        return FALSE;
      if (!crb_relation_from_string (crb_json_string (doc, relation_name), &l.relation))
        return fail (ctx, error, _("links[%u]: unknown relation “%s”"), i, crb_json_string (doc, relation_name));
      ia = find_claim (ids, crb_json_string (doc, a));
      ib = find_claim (ids, crb_json_string (doc, b));
      if (ia < 0 || ib < 0)
        return fail (ctx, error, _("links[%u]: no claim “%s” or “%s” in this story"), i,
                     crb_json_string (doc, a), crb_json_string (doc, b));
      l.why = m[WHY];
      if (l.why != NULL && !check_string_array (ctx, l.why, "why", error))
        return FALSE;

      l.a = (guint) ia;
      l.b = (guint) ib;
      l.score = crb_json_double (m[SCORE]);
      l.manual = crb_json_boolean (m[MANUAL]);
      g_array_append_val (line->links, l);
    }

  i = 0;
  FOR_EACH_ELEMENT (doc, facts, i, fact_object)
    {
      const CrbJsonValue *count;
      CrbLineFact f;
      guint k = 0;

      if (crb_json_type (fact_object) != CRB_JSON_OBJECT)
        return fail (ctx, error, _("facts[%u] must be an object"), i);
      if (!get_field (ctx, fact_object, "id", CRB_JSON_STRING, TRUE, &f.id, error))
        return FALSE;
      f.claims = crb_json_member_get (doc, fact_object, "claims");
      if (!check_string_array (ctx, f.claims, "claims", error))
        return FALSE;
      /* Facts are ordered by their first claim (make_alignment ()). */
      if (crb_json_length (f.claims) == 0)
        {
          g_autofree char *first_claim = g_strdup_printf ("facts[%u].claims[0]", i);

          return fail (ctx, error, _("the field “%s” is missing"), first_claim);
        }
      count = crb_json_member_get (doc, fact_object, "articles");
      f.n_articles = count ? crb_json_int (count) : 1;
      count = crb_json_member_get (doc, fact_object, "outlets");
      f.n_outlets = count ? crb_json_int (count) : 1;
      f.n_conflicts = crb_json_int (crb_json_member_get (doc, fact_object, "conflicts"));

      /* A claim listed in two facts is in the last. */
      FOR_EACH_ELEMENT (doc, f.claims, k, element)
        {
          int c = find_claim (ids, crb_json_string (doc, element));

          if (c < 0)
            return fail (ctx, error, _("facts[%u]: no claim “%s” in this story"), i,
                         crb_json_string (doc, element));
          g_array_index (line->claims, CrbLineClaim, c).fact = (int) line->facts->len;
        }
      g_array_append_val (line->facts, f);
    }

  return TRUE;
}

static void
line_claim_clear (gpointer data)
{
  CrbLineClaim *claim = data;

  g_clear_pointer (&claim->decision, crb_decision_free);
}

void
_crb_story_line_clear (CrbStoryLine *line)
{
  g_clear_pointer (&line->articles, g_array_unref);
  g_clear_pointer (&line->claims, g_array_unref);
  g_clear_pointer (&line->history, g_ptr_array_unref);
  g_clear_pointer (&line->removed, g_ptr_array_unref);
  g_clear_pointer (&line->links, g_array_unref);
  g_clear_pointer (&line->facts, g_array_unref);
  g_clear_pointer (&line->doc, crb_json_doc_free);
  g_clear_pointer (&line->bytes, g_bytes_unref);
}

/**
 * _crb_story_line_read:
 * @line: (out caller-allocates): zero-filled; cleared with
 *   _crb_story_line_clear() whether or not the line could be read
 * @bytes: the story's line (@line keeps a reference)
 * @display_name: the file, for messages
 * @lineno: the line's number in the file, for messages
 *
 * Checks the line of story @story_id and indexes it.
 *
 * Returns: %FALSE with @error set when the line is malformed
 */
gboolean
_crb_story_line_read (CrbStoryLine  *line,
                      const char    *story_id,
                      GBytes        *bytes,
                      const char    *display_name,
                      guint          lineno,
                      GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *where = NULL;
  Ctx ctx = { display_name, lineno, NULL, NULL };
  const CrbJsonValue *articles, *claims, *history;
  const CrbJsonValue *object;
  const char *found_id, *data;
  gsize length;
  guint i;

  line->bytes = g_bytes_ref (bytes);
  data = g_bytes_get_data (bytes, &length);
  line->doc = crb_json_doc_parse (data, length, &local_error);
  if (line->doc == NULL)
    {
      set_parse_error (error, display_name, lineno, local_error);
      return FALSE;
    }

  ctx.doc = line->doc;
  object = crb_json_doc_root (line->doc);
  if (crb_json_type (object) != CRB_JSON_OBJECT)
    return fail (&ctx, error, _("a story line must be a JSON object"));

  if (!get_string (&ctx, object, "story", TRUE, &found_id, error))
    return FALSE;

  if (g_strcmp0 (found_id, story_id) != 0)
    return fail (&ctx, error, _("expected story “%s”, found “%s”"), story_id, found_id);

  if (!get_array (&ctx, object, "articles", &articles, error) ||
      !get_array (&ctx, object, "claims", &claims, error) ||
      !get_array (&ctx, object, "history", &history, error))
    return FALSE;

  line->articles = g_array_sized_new (FALSE, TRUE, sizeof (CrbLineArticle), crb_json_length (articles));
  line->claims = g_array_sized_new (FALSE, TRUE, sizeof (CrbLineClaim), crb_json_length (claims));
  g_array_set_clear_func (line->claims, line_claim_clear);
  line->history = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_history_entry_free);
  line->removed = g_ptr_array_new ();

  i = 0;
  FOR_EACH_ELEMENT (line->doc, articles, i, element)
    {
      CrbLineArticle article = { { NULL, }, 0 };

      g_free (where);
      ctx.where = where = g_strdup_printf ("story “%s”, articles[%u]", story_id, i);
      if (!read_article (&ctx, element, &article, error))
        return FALSE;
      g_array_append_val (line->articles, article);
    }

  i = 0;
  FOR_EACH_ELEMENT (line->doc, claims, i, element)
    {
      CrbLineClaim claim;

      /* The place is named only when something is wrong. */
      ctx.where = NULL;
      if (!read_claim (&ctx, element, line, ids, &claim, NULL))
        {
          g_free (where);
          ctx.where = where = g_strdup_printf ("story “%s”, claims[%u]", story_id, i);
          return read_claim (&ctx, element, line, ids, &claim, error);
        }
      g_array_append_val (line->claims, claim);
      g_hash_table_insert (ids, (char *) crb_json_string (line->doc, claim.id), GUINT_TO_POINTER (line->claims->len));
    }

  i = 0;
  FOR_EACH_ELEMENT (line->doc, history, i, element)
    {
      g_autoptr (GError) entry_error = NULL;
      CrbHistoryEntry *entry;

      g_free (where);
      ctx.where = where = g_strdup_printf ("story “%s”, history[%u]", story_id, i);
      entry = crb_history_entry_from_value (line->doc, element, &entry_error);
      if (entry == NULL)
        return fail (&ctx, error, _("%s"), entry_error->message);
      g_ptr_array_add (line->history, entry);
      if (find_claim (ids, entry->claim_id) < 0)
        return fail (&ctx, error, _("the claim “%s” is not in this story"), entry->claim_id);
    }

  ctx.where = NULL;
  return read_alignment (&ctx, object, line, ids, error);
}

/**
 * _crb_line_article_write:
 * @with_text: include the article's text
 *
 * Appends an article of @line as _crb_article_write() appends the article
 * made from it.
 */
void
_crb_line_article_write (GString            *out,
                         const CrbStoryLine *line,
                         guint               article,
                         gboolean            with_text)
{
  const CrbLineArticle *a = &g_array_index (line->articles, CrbLineArticle, article);
  gboolean first = TRUE;

  g_string_append_c (out, '{');
  for (guint i = 0; i < CRB_N_ARTICLE_FIELDS; i++)
    {
      if (i == CRB_ARTICLE_TEXT && !with_text)
        continue;
      if (i == CRB_ARTICLE_BODY_START)
        {
          if (a->fields[i] != NULL)
            {
              crb_json_member (out, &first, article_fields[i]);
              crb_json_append_int (out, crb_json_int (a->fields[i]));
            }
        }
      else if (a->fields[i] != NULL)
        {
          crb_json_member (out, &first, article_fields[i]);
          crb_json_append_string_value (out, line->doc, a->fields[i]);
        }
      else if (i == CRB_ARTICLE_SHA256)
        {
          g_autofree char *sha256 = crb_sha256_string (crb_json_string (line->doc, a->fields[CRB_ARTICLE_TEXT]));

          crb_json_member (out, &first, article_fields[i]);
          crb_json_append_string (out, sha256);
        }
    }
  g_string_append_c (out, '}');
}

static int
compare_facts (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const CrbFact *x = *(const CrbFact * const *) a;
  const CrbFact *y = *(const CrbFact * const *) b;
  guint px = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, x->claims[0]));
  guint py = GPOINTER_TO_UINT (g_hash_table_lookup (user_data, y->claims[0]));

  return (px > py) - (px < py);
}

/* The story's alignment from @line; a story without one is aligned on demand. */
static void
make_alignment (CrbStory           *story,
                const CrbStoryLine *line)
{
  const CrbJsonDoc *doc = line->doc;
  CrbAlignment *alignment;
  GListModel *claims;

  for (guint i = 0; i < line->removed->len; i++)
    {
      const CrbJsonValue *pair = g_ptr_array_index (line->removed, i);
      const CrbJsonValue *a = crb_json_first (doc, pair);

      g_ptr_array_add (crb_story_get_removed_links (story),
                       crb_link_new (crb_json_string (doc, a), crb_json_string (doc, crb_json_next (doc, a)),
                                     CRB_RELATION_RELATED, 0.0, NULL, FALSE));
    }

  if (line->links == NULL)
    return;

  alignment = g_new0 (CrbAlignment, 1);
  alignment->links = g_ptr_array_new_full (line->links->len, (GDestroyNotify) crb_link_free);
  alignment->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_fact_free);
  alignment->fact_of_claim = g_hash_table_new (g_str_hash, g_str_equal);
  _crb_story_set_alignment (story, alignment);

  for (guint i = 0; i < line->links->len; i++)
    {
      const CrbLineLink *l = &g_array_index (line->links, CrbLineLink, i);
      g_auto (GStrv) why = dup_string_array (doc, l->why);
      CrbLink *link;

      link = crb_link_new (crb_json_string (doc, g_array_index (line->claims, CrbLineClaim, l->a).id),
                           crb_json_string (doc, g_array_index (line->claims, CrbLineClaim, l->b).id),
                           l->relation, l->score, (const char * const *) why, l->manual);
      g_ptr_array_add (alignment->links, link);
      if (link->manual)
        g_ptr_array_add (crb_story_get_manual_links (story), crb_link_copy (link));
    }

  for (guint i = 0; i < line->facts->len; i++)
    {
      const CrbLineFact *f = &g_array_index (line->facts, CrbLineFact, i);
      CrbFact *fact = g_new0 (CrbFact, 1);

      fact->id = g_strdup (crb_json_string (doc, f->id));
      fact->claims = dup_string_array (doc, f->claims);
      fact->n_articles = f->n_articles;
      fact->n_outlets = f->n_outlets;
      fact->n_conflicts = f->n_conflicts;
      g_ptr_array_add (alignment->facts, fact);
      for (guint k = 0; fact->claims[k]; k++)
        g_hash_table_insert (alignment->fact_of_claim, fact->claims[k], fact);
    }

  /* Every other claim is a fact of its own, reported by one outlet. */
  claims = crb_story_get_claims (story);
  for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, c);
      CrbFact *fact;

      if (g_hash_table_contains (alignment->fact_of_claim, crb_claim_get_id (claim)))
        continue;

      fact = g_new0 (CrbFact, 1);
      fact->id = g_strconcat ("fact:", crb_claim_get_id (claim), NULL);
      fact->claims = g_new0 (char *, 2);
      fact->claims[0] = g_strdup (crb_claim_get_id (claim));
      fact->n_articles = 1;
      fact->n_outlets = 1;
      g_ptr_array_add (alignment->facts, fact);
      g_hash_table_insert (alignment->fact_of_claim, fact->claims[0], fact);
    }

  /* Facts in the story order of their first claims, as the aligner gives them. */
  {
    g_autoptr (GHashTable) position = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint c = 0; c < g_list_model_get_n_items (claims); c++)
      {
        g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, c);
        g_hash_table_insert (position, (char *) crb_claim_get_id (claim), GUINT_TO_POINTER (c + 1));
      }
    g_ptr_array_sort_with_data (alignment->facts, compare_facts, position);
  }
}

gboolean
_crb_story_parse (CrbStory    *story,
                  GBytes      *bytes,
                  const char  *display_name,
                  guint        lineno,
                  GError     **error)
{
  g_auto (CrbStoryLine) line = { NULL, };
  g_autoptr (GPtrArray) reasons = g_ptr_array_new ();
  const CrbJsonDoc *doc;
  CrbHistoryEntry **history;
  gsize n_history;

  if (!_crb_story_line_read (&line, crb_story_get_id (story), bytes, display_name, lineno, error))
    return FALSE;
  doc = line.doc;

#define STRING(value) crb_json_string (doc, (value))

  for (guint i = 0; i < line.articles->len; i++)
    {
      const CrbLineArticle *a = &g_array_index (line.articles, CrbLineArticle, i);
      g_autoptr (CrbArticle) article = NULL;

      article = g_object_new (CRB_TYPE_ARTICLE,
                              "id", STRING (a->fields[CRB_ARTICLE_ID]),
                              "text", STRING (a->fields[CRB_ARTICLE_TEXT]),
                              "title", STRING (a->fields[CRB_ARTICLE_TITLE]),
                              "outlet", STRING (a->fields[CRB_ARTICLE_OUTLET]),
                              "url", STRING (a->fields[CRB_ARTICLE_URL]),
                              "date", STRING (a->fields[CRB_ARTICLE_DATE]),
                              "source", STRING (a->fields[CRB_ARTICLE_SOURCE]),
                              "source-sha256", STRING (a->fields[CRB_ARTICLE_SOURCE_SHA256]),
                              "body-start", (guint) (a->fields[CRB_ARTICLE_BODY_START] != NULL
                                                     ? crb_json_int (a->fields[CRB_ARTICLE_BODY_START])
                                                     : 0),
                              NULL);
      if (a->fields[CRB_ARTICLE_SHA256] != NULL)
        _crb_article_set_recorded_sha256 (article, STRING (a->fields[CRB_ARTICLE_SHA256]));
      crb_story_add_article (story, article);
    }

  for (guint i = 0; i < line.claims->len; i++)
    {
      const CrbLineClaim *c = &g_array_index (line.claims, CrbLineClaim, i);
      g_autoptr (CrbClaim) claim = NULL;
      guint k = 0;

      claim = crb_claim_new (STRING (c->id), STRING (c->article_id), c->start, c->end, STRING (c->text));
      if (c->kind != NULL)
        crb_claim_set_kind (claim, STRING (c->kind));
      crb_claim_set_score (claim, c->score);

      g_ptr_array_set_size (reasons, 0);
      FOR_EACH_ELEMENT (doc, c->reasons, k, r)
        g_ptr_array_add (reasons, (gpointer) STRING (r));
      g_ptr_array_add (reasons, NULL);
      crb_claim_set_reasons (claim, (const char * const *) reasons->pdata);

      /* Kept as text: most claims never need their values parsed. */
      if (c->values != NULL)
        {
          gsize raw_len;
          const char *raw = crb_json_raw (doc, c->values, &raw_len);

          crb_claim_set_values_json (claim, raw, raw_len);
        }
      if (c->decision != NULL)
        crb_claim_set_decision (claim, c->decision);
      crb_story_add_claim (story, claim);
    }

#undef STRING

  history = (CrbHistoryEntry **) g_ptr_array_steal (line.history, &n_history);
  for (guint i = 0; i < n_history; i++)
    _crb_story_add_history (story, history[i]);
  g_free (history);

  make_alignment (story, &line);
  return TRUE;
}

static gboolean
write_all (int           fd,
           const char   *data,
           gsize         len,
           const char   *name,
           GError      **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot write: %s"), name, g_strerror (saved_errno));
          return FALSE;
        }

      data += n;
      len -= n;
    }

  return TRUE;
}

/* Temporary files of saves cut short by a crash or a kill: ".NAME.XXXXXX"
 * beside the project, untouched for an hour (a save in progress elsewhere
 * writes to its file all the time).
 */
static void
remove_stale_temp_files (const char *dir,
                         const char *base)
{
  g_autoptr (GDir) folder = g_dir_open (dir, 0, NULL);
  g_autofree char *prefix = g_strdup_printf (".%s.", base);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *entry;

  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *stale = NULL;
      struct stat st;

      if (!g_str_has_prefix (entry, prefix) || strlen (entry) != strlen (prefix) + 6)
        continue;
      stale = g_build_filename (dir, entry, NULL);
      if (lstat (stale, &st) == 0 && S_ISREG (st.st_mode) && now - st.st_mtime > 3600)
        {
          g_debug ("removing %s, left by a save that did not finish", stale);
          g_unlink (stale);
        }
    }
}

/**
 * _crb_write_chunks_atomically:
 * @chunks: (element-type GBytes): the lines, each written followed by "\n"
 *
 * Writes a temporary file beside @file, syncs it, and renames it over @file,
 * then syncs the folder: a crash at any moment leaves the old or the new
 * complete file.  An existing file's permissions are kept.
 */
gboolean
_crb_write_chunks_atomically (GFile         *file,
                              GPtrArray     *chunks,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  struct stat st;
  mode_t mode = 0644;
  int fd;
  int dir_fd;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files can be saved"), name);
      return FALSE;
    }

  if (stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("%s: is a folder"), name);
          return FALSE;
        }
      mode = st.st_mode & 07777;
    }
  else
    {
      /* New files get the usual 0666 & ~umask. */
      mode_t mask = umask (0);
      umask (mask);
      mode = 0666 & ~mask;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  remove_stale_temp_files (dir, base);
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);

  fd = g_mkstemp_full (tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write in %s: %s"), name, dir, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < chunks->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (g_ptr_array_index (chunks, i), &len);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !write_all (fd, data, len, name, error) ||
          !write_all (fd, "\n", 1, name, error))
        goto fail;
    }

  if (fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write: %s"), name, g_strerror (saved_errno));
      goto fail;
    }

  if (close (fd) != 0)
    {
      int saved_errno = errno;
      fd = -1;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write: %s"), name, g_strerror (saved_errno));
      goto fail;
    }
  fd = -1;

  if (g_rename (tmp, path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot replace the file: %s"), name, g_strerror (saved_errno));
      goto fail;
    }

  /* Make the rename itself durable. */
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }

  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  g_unlink (tmp);
  return FALSE;
}

/**
 * _crb_story_read_line:
 * @line: (out caller-allocates): zero-filled; cleared with
 *   _crb_story_line_clear() whether or not it could be read
 *
 * Reads the story's line without making its objects: its line in the
 * project file while the story is not loaded, else the line a save would
 * write.  A story whose line has no links is aligned now, as
 * crb_story_get_alignment() does.
 *
 * Returns: %FALSE with @error set when the line is malformed
 */
gboolean
_crb_story_read_line (CrbStory      *self,
                      CrbStoryLine  *line,
                      GError       **error)
{
  g_autofree char *name = _crb_story_dup_file_name (self);
  g_autoptr (GBytes) serialized = NULL;
  gboolean was_loaded = crb_story_is_loaded (self);

  if (!was_loaded)
    {
      if (!_crb_story_line_read (line, crb_story_get_id (self), _crb_story_get_raw (self), name,
                                 _crb_story_get_line (self), error))
        return FALSE;
      if (line->links != NULL)
        return TRUE;

      /* Aligning takes the objects. */
      _crb_story_line_clear (line);
      if (!crb_story_ensure_loaded (self, error))
        return FALSE;
    }

  serialized = _crb_story_serialize (self);
  if (!was_loaded)
    crb_story_unload (self);
  return _crb_story_line_read (line, crb_story_get_id (self), serialized, name,
                               _crb_story_get_line (self), error);
}
