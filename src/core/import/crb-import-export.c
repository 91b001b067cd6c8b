/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-import-export"

#include "config.h"

#include "crb-import-export.h"

#include "crb-align.h"
#include "crb-error.h"
#include "crb-json-reader.h"
#include "crb-utils.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

/*
 * Rebuilding a project from its native JSON Lines export
 * (docs/export-formats.md, "Round trip").
 *
 * Every record is read and checked before the project is touched: the
 * stories, articles and claims are built aside, the spans checked against
 * the texts once every text is known, and only then added to the project.
 * A bad line leaves the project as it was.
 */

/* The reason crb_project_link() gives a link made by hand: how exports
 * told manual links from computed ones before evidence had "manual".
 */
#define HAND_LINK_WHY "linked by hand"

typedef struct _StoryInfo StoryInfo;

typedef struct
{
  char       *id;
  StoryInfo  *story;       /* borrowed */
  char       *sha256;
  char       *title;
  char       *outlet;
  char       *url;
  char       *date;
  char       *source;
  char       *source_sha256;
  gint64      body_start;
  CrbArticle *article;     /* once a record has carried the text */
  guint       line;        /* its first record */

  /* Checking spans: the text's byte length, and where the last span
   * started, in code points and bytes, so that each article's text is
   * walked about once.
   */
  gsize       text_len;
  gsize       cursor_chars;
  gsize       cursor_bytes;
} ArticleInfo;

typedef struct
{
  CrbClaim    *claim;
  ArticleInfo *article;    /* borrowed */
  guint        line;
} ClaimInfo;

typedef struct
{
  char        *a;
  char        *b;
  CrbRelation  relation;
} HandLink;

struct _StoryInfo
{
  char      *id;
  char      *title;
  GPtrArray *articles;     /* ArticleInfo, borrowed, in order of appearance */
  GPtrArray *claims;       /* ClaimInfo, in file order */
  GArray    *hand_links;   /* HandLink */
};

typedef struct
{
  char             *name;       /* the file, for messages */
  guint             line;       /* the line being read */
  const CrbJsonDoc *doc;
  GPtrArray        *stories;    /* StoryInfo, in order of appearance */
  GHashTable       *story_index;    /* id → StoryInfo (borrowed) */
  GHashTable       *articles;   /* id → ArticleInfo */
  GHashTable       *claim_ids;  /* the ids read so far */
} Reader;

static void
article_info_free (ArticleInfo *info)
{
  g_free (info->id);
  g_free (info->sha256);
  g_free (info->title);
  g_free (info->outlet);
  g_free (info->url);
  g_free (info->date);
  g_free (info->source);
  g_free (info->source_sha256);
  g_clear_object (&info->article);
  g_free (info);
}

static void
claim_info_free (ClaimInfo *info)
{
  g_clear_object (&info->claim);
  g_free (info);
}

static void
hand_link_clear (HandLink *link)
{
  g_free (link->a);
  g_free (link->b);
}

static void
story_info_free (StoryInfo *info)
{
  g_free (info->id);
  g_free (info->title);
  g_ptr_array_unref (info->articles);
  g_ptr_array_unref (info->claims);
  g_array_unref (info->hand_links);
  g_free (info);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (const Reader  *r,
      GError       **error,
      const char    *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s:%u: %s"), r->name, r->line, msg);
  return FALSE;
}

/* Member checks through crb_json_get_field(), placed in the file. */
static gboolean
get_field (const Reader         *r,
           const CrbJsonValue   *object,
           const char           *parent,
           const char           *member,
           CrbJsonType           type,
           gboolean              required,
           const CrbJsonValue  **out,
           GError              **error)
{
  g_autoptr (GError) local_error = NULL;

  if (crb_json_get_field (r->doc, object, parent, member, type, required, out, &local_error))
    return TRUE;
  return fail (r, error, "%s", local_error->message);
}

static gboolean
get_string (const Reader        *r,
            const CrbJsonValue  *object,
            const char          *parent,
            const char          *member,
            gboolean             required,
            const char         **out,
            GError             **error)
{
  const CrbJsonValue *value;

  if (!get_field (r, object, parent, member, CRB_JSON_STRING, required, &value, error))
    return FALSE;
  *out = crb_json_string (r->doc, value);
  return TRUE;
}

static gboolean
get_uint (const Reader        *r,
          const CrbJsonValue  *object,
          const char          *parent,
          const char          *member,
          guint               *out,
          GError             **error)
{
  const CrbJsonValue *value;

  if (!get_field (r, object, parent, member, CRB_JSON_INT, TRUE, &value, error))
    return FALSE;
  if (crb_json_int (value) > G_MAXUINT)
    {
      g_autofree char *name = g_strconcat (parent, ".", member, NULL);
      return fail (r, error, _("the field “%s” must be a non-negative integer"), name);
    }
  *out = (guint) crb_json_int (value);
  return TRUE;
}

static gboolean
get_object (const Reader         *r,
            const CrbJsonValue   *object,
            const char           *member,
            gboolean              required,
            const CrbJsonValue  **out,
            GError              **error)
{
  return get_field (r, object, NULL, member, CRB_JSON_OBJECT, required, out, error);
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

static StoryInfo *
ensure_story (Reader     *r,
              const char *id,
              const char *title)
{
  StoryInfo *story = g_hash_table_lookup (r->story_index, id);

  if (story != NULL)
    return story;

  story = g_new0 (StoryInfo, 1);
  story->id = g_strdup (id);
  story->title = g_strdup (title ? title : id);
  story->articles = g_ptr_array_new ();
  story->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_info_free);
  story->hand_links = g_array_new (FALSE, FALSE, sizeof (HandLink));
  g_array_set_clear_func (story->hand_links, (GDestroyNotify) hand_link_clear);
  g_ptr_array_add (r->stories, story);
  g_hash_table_insert (r->story_index, story->id, story);
  return story;
}

/* The article of a record: made on its first record, checked on the others. */
static ArticleInfo *
read_article (Reader              *r,
              const CrbJsonValue  *object,
              StoryInfo           *story,
              GError             **error)
{
  const char *id, *sha256, *title, *outlet, *url, *date, *source, *source_sha256, *text;
  const CrbJsonValue *body_start;
  ArticleInfo *info;

  if (!get_string (r, object, "article", "id", TRUE, &id, error) ||
      !get_string (r, object, "article", "sha256", TRUE, &sha256, error) ||
      !get_string (r, object, "article", "title", FALSE, &title, error) ||
      !get_string (r, object, "article", "outlet", FALSE, &outlet, error) ||
      !get_string (r, object, "article", "url", FALSE, &url, error) ||
      !get_string (r, object, "article", "date", FALSE, &date, error) ||
      !get_string (r, object, "article", "source", FALSE, &source, error) ||
      !get_string (r, object, "article", "source_sha256", FALSE, &source_sha256, error) ||
      !get_field (r, object, "article", "body_start", CRB_JSON_INT, FALSE, &body_start, error) ||
      !get_string (r, object, "article", "text", FALSE, &text, error))
    return NULL;

  info = g_hash_table_lookup (r->articles, id);
  if (info == NULL)
    {
      g_autofree char *usable = crb_article_id_from_name (id);

      if (g_strcmp0 (usable, id) != 0)
        {
          fail (r, error, _("“%s” cannot be an article id (it would be “%s”)"), id, usable);
          return NULL;
        }

      info = g_new0 (ArticleInfo, 1);
      info->id = g_strdup (id);
      info->story = story;
      info->sha256 = g_strdup (sha256);
      info->title = g_strdup (title);
      info->outlet = g_strdup (outlet);
      info->url = g_strdup (url);
      info->date = g_strdup (date);
      info->source = g_strdup (source);
      info->source_sha256 = g_strdup (source_sha256);
      info->body_start = body_start != NULL ? crb_json_int (body_start) : 0;
      info->line = r->line;
      g_hash_table_insert (r->articles, info->id, info);
      g_ptr_array_add (story->articles, info);
    }
  else if (info->story != story)
    {
      fail (r, error, _("the article “%s” belongs to the story “%s” on line %u"),
            id, info->story->id, info->line);
      return NULL;
    }
  else if (g_strcmp0 (info->sha256, sha256) != 0)
    {
      fail (r, error, _("the article “%s” has another sha256 than on line %u"), id, info->line);
      return NULL;
    }

  if (text == NULL)
    return info;

  if (info->article == NULL)
    {
      g_autoptr (CrbArticle) article = crb_article_new (id, text);

      if (g_strcmp0 (crb_article_get_sha256 (article), sha256) != 0)
        {
          fail (r, error, _("the text of the article “%s” does not match its sha256"), id);
          return NULL;
        }

      crb_article_set_title (article, info->title);
      crb_article_set_outlet (article, info->outlet);
      crb_article_set_url (article, info->url);
      crb_article_set_date (article, info->date);
      crb_article_set_source (article, info->source);
      crb_article_set_source_sha256 (article, info->source_sha256);
      if (info->body_start < 0 || (guint64) info->body_start > crb_article_get_length (article))
        {
          fail (r, error, _("the field “article.body_start” must be from 0 to the length of the text"));
          return NULL;
        }
      crb_article_set_body_start (article, (guint) info->body_start);
      info->article = g_steal_pointer (&article);
      info->text_len = strlen (text);
    }
  else
    {
      g_autofree char *digest = crb_sha256_string (text);

      if (g_strcmp0 (digest, sha256) != 0)
        {
          fail (r, error, _("the text of the article “%s” does not match its sha256"), id);
          return NULL;
        }
    }

  return info;
}

static gboolean
read_decision (Reader              *r,
               const CrbJsonValue  *object,
               const char          *final_text,
               const char          *original,
               CrbDecision        **out,
               GError             **error)
{
  g_autoptr (CrbDecision) decision = NULL;
  const char *status_name, *reason_name, *note, *annotator, *time;
  CrbDecisionStatus status;
  CrbRejectReason reason = CRB_REJECT_REASON_NONE;

  *out = NULL;
  if (!get_string (r, object, NULL, "status", TRUE, &status_name, error) ||
      !get_string (r, object, NULL, "reason", FALSE, &reason_name, error) ||
      !get_string (r, object, NULL, "note", FALSE, &note, error) ||
      !get_string (r, object, NULL, "annotator", FALSE, &annotator, error) ||
      !get_string (r, object, NULL, "time", FALSE, &time, error))
    return FALSE;

  if (!crb_decision_status_from_string (status_name, &status))
    return fail (r, error, _("unknown decision status “%s”"), status_name);
  if (reason_name != NULL && !crb_reject_reason_from_string (reason_name, &reason))
    return fail (r, error, _("unknown reject reason “%s”"), reason_name);

  switch (status)
    {
    case CRB_DECISION_STATUS_REJECTED:
      if (reason == CRB_REJECT_REASON_NONE)
        return fail (r, error, _("a rejected claim needs a reject reason"));
      break;
    case CRB_DECISION_STATUS_CORRECTED:
      if (is_blank (final_text))
        return fail (r, error, _("a correction needs the corrected text"));
      break;
    case CRB_DECISION_STATUS_PENDING:
    case CRB_DECISION_STATUS_CONFIRMED:
    default:
      break;
    }

  /* Only a correction has a text of its own: anything else is a record
   * edited by hand, whose edit would be lost without a word.
   */
  if (status != CRB_DECISION_STATUS_CORRECTED && strcmp (final_text, original) != 0)
    return fail (r, error, _("the field “claim” differs from “original”, but the claim is %s, not corrected"),
                 status_name);

  if (status == CRB_DECISION_STATUS_PENDING)
    return TRUE;

  decision = crb_decision_new (status);
  if (status == CRB_DECISION_STATUS_REJECTED)
    decision->reason = reason;
  if (status == CRB_DECISION_STATUS_CORRECTED)
    decision->corrected_text = g_strdup (final_text);
  decision->note = g_strdup (note);
  decision->annotator = g_strdup (annotator);
  decision->time = g_strdup (time);
  *out = g_steal_pointer (&decision);
  return TRUE;
}

static gboolean
read_extractor (Reader              *r,
                const CrbJsonValue  *object,
                CrbClaim            *claim,
                GError             **error)
{
  g_autoptr (GPtrArray) reasons = g_ptr_array_new ();
  const CrbJsonValue *extractor, *score, *array;
  guint i = 0;

  if (!get_object (r, object, "extractor", FALSE, &extractor, error))
    return FALSE;
  if (extractor == NULL)
    return TRUE;

  score = crb_json_member_get (r->doc, extractor, "score");
  if (score != NULL && crb_json_type (score) != CRB_JSON_NULL)
    {
      if (!crb_json_is_number (score) || crb_json_double (score) < 0 || crb_json_double (score) > 1)
        return fail (r, error, _("the field “score” must be a number from 0 to 1"));
      crb_claim_set_score (claim, crb_json_double (score));
    }

  array = crb_json_member_get (r->doc, extractor, "reasons");
  if (array != NULL && crb_json_type (array) != CRB_JSON_NULL)
    {
      if (crb_json_type (array) != CRB_JSON_ARRAY)
        return fail (r, error, _("the field “%s” must be an array"), "extractor.reasons");
      for (const CrbJsonValue *e = crb_json_first (r->doc, array); e; e = crb_json_next (r->doc, e), i++)
        {
          if (crb_json_type (e) != CRB_JSON_STRING)
            return fail (r, error, _("reasons[%u] must be a string"), i);
          g_ptr_array_add (reasons, (gpointer) crb_json_string (r->doc, e));
        }
    }
  g_ptr_array_add (reasons, NULL);
  crb_claim_set_reasons (claim, (const char * const *) reasons->pdata);
  return TRUE;
}

/* Links made by hand come back; computed links are computed again.
 * Evidence is derived data: what is not a hand link is not needed.
 */
static void
read_hand_links (Reader             *r,
                 const CrbJsonValue *object,
                 StoryInfo          *story,
                 const char         *claim_id)
{
  const CrbJsonValue *evidence = crb_json_member_get (r->doc, object, "evidence");

  if (crb_json_type (evidence) != CRB_JSON_ARRAY)
    return;

  for (const CrbJsonValue *e = crb_json_first (r->doc, evidence); e; e = crb_json_next (r->doc, e))
    {
      const CrbJsonValue *why = crb_json_member_get (r->doc, e, "why");
      const char *other = crb_json_get_string (r->doc, e, "claim", NULL);
      HandLink link = { 0, };

      gboolean manual = crb_json_boolean (crb_json_member_get (r->doc, e, "manual")) ||
                        (crb_json_type (why) == CRB_JSON_ARRAY && crb_json_length (why) == 1 &&
                         g_strcmp0 (crb_json_string (r->doc, crb_json_first (r->doc, why)), HAND_LINK_WHY) == 0);

      if (other == NULL || !manual ||
          !crb_relation_from_string (crb_json_get_string (r->doc, e, "relation", NULL), &link.relation))
        continue;

      link.a = g_strdup (claim_id);
      link.b = g_strdup (other);
      g_array_append_val (story->hand_links, link);
    }
}

static gboolean
read_record (Reader              *r,
             const CrbJsonValue  *object,
             GError             **error)
{
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbDecision) decision = NULL;
  const char *id, *final_text, *original, *quote, *kind, *story_id, *story_title;
  const CrbJsonValue *article, *span, *story, *values;
  ArticleInfo *article_info;
  StoryInfo *story_info;
  ClaimInfo *info;
  guint start, end;

  if (crb_json_type (object) != CRB_JSON_OBJECT)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", r->name, r->line);

      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: each line must be a JSON object"), where);
      return FALSE;
    }

  if (!get_string (r, object, NULL, "id", TRUE, &id, error) ||
      !get_string (r, object, NULL, "claim", TRUE, &final_text, error) ||
      !get_string (r, object, NULL, "original", TRUE, &original, error) ||
      !get_string (r, object, NULL, "quote", TRUE, &quote, error) ||
      !get_string (r, object, NULL, "kind", FALSE, &kind, error) ||
      !get_object (r, object, "article", TRUE, &article, error) ||
      !get_object (r, object, "span", TRUE, &span, error) ||
      !get_object (r, object, "story", TRUE, &story, error) ||
      !get_uint (r, span, "span", "start", &start, error) ||
      !get_uint (r, span, "span", "end", &end, error) ||
      !get_string (r, story, "story", "id", TRUE, &story_id, error) ||
      !get_string (r, story, "story", "title", FALSE, &story_title, error))
    return FALSE;

  if (g_hash_table_contains (r->claim_ids, id))
    return fail (r, error, _("the claim id “%s” is used twice"), id);

  if (kind != NULL && !g_strv_contains (crb_claim_get_kinds (), kind))
    return fail (r, error, _("unknown claim kind “%s”"), kind);

  if (strcmp (original, quote) != 0)
    return fail (r, error, _("the fields “original” and “quote” differ"));

  if (start > end)
    return fail (r, error, _("the span %u–%u ends before it starts"), start, end);

  if (!read_decision (r, object, final_text, original, &decision, error))
    return FALSE;

  story_info = ensure_story (r, story_id, story_title);
  article_info = read_article (r, article, story_info, error);
  if (article_info == NULL)
    return FALSE;

  claim = crb_claim_new (id, article_info->id, start, end, quote);
  if (kind != NULL)
    crb_claim_set_kind (claim, kind);

  values = crb_json_member_get (r->doc, object, "values");
  if (values != NULL && crb_json_type (values) != CRB_JSON_NULL)
    {
      const char *raw;
      gsize raw_len;

      if (crb_json_type (values) != CRB_JSON_OBJECT)
        return fail (r, error, _("the field “values” must be an object"));
      raw = crb_json_raw (r->doc, values, &raw_len);
      crb_claim_set_values_json (claim, raw, raw_len);
    }

  if (!read_extractor (r, object, claim, error))
    return FALSE;

  if (decision != NULL)
    crb_claim_set_decision (claim, decision);

  read_hand_links (r, object, story_info, id);

  info = g_new0 (ClaimInfo, 1);
  info->claim = g_steal_pointer (&claim);
  info->article = article_info;
  info->line = r->line;
  g_ptr_array_add (story_info->claims, info);
  g_hash_table_add (r->claim_ids, g_strdup (id));
  return TRUE;
}

static gboolean
read_line (Reader      *r,
           const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CrbJsonDoc) doc = crb_json_doc_parse (data, length, &local_error);
  gboolean ok;

  if (doc == NULL)
    {
      const char *msg = local_error->message;
      guint line, column;
      int consumed = 0;

      /* "1:COLUMN: Parse error: …" for a document of one line. */
      if (sscanf (msg, "%u:%u:%n", &line, &column, &consumed) == 2 && consumed > 0)
        g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s:%u:%u:%s"),
                     r->name, r->line, column, msg + consumed);
      else
        g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s:%u: %s"),
                     r->name, r->line, msg);
      return FALSE;
    }

  r->doc = doc;
  ok = read_record (r, crb_json_doc_root (doc), error);
  r->doc = NULL;
  return ok;
}

static gboolean
read_file (Reader        *r,
           GFile         *file,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GFileInputStream) input = NULL;
  g_autoptr (GDataInputStream) data = NULL;
  guint n_records = 0;

  input = g_file_read (file, cancellable, &local_error);
  if (input == NULL)
    {
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: no such file"), r->name);
      else
        g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), r->name, local_error->message);
      return FALSE;
    }

  data = g_data_input_stream_new (G_INPUT_STREAM (input));
  g_buffered_input_stream_set_buffer_size (G_BUFFERED_INPUT_STREAM (data), 256 * 1024);

  for (;;)
    {
      g_autofree char *line = NULL;
      gsize length;

      line = g_data_input_stream_read_line (data, &length, cancellable, &local_error);
      if (line == NULL)
        {
          if (local_error == NULL)
            break;
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s: %s"), r->name,
                       local_error->message);
          return FALSE;
        }

      r->line++;
      if (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      if (is_blank (line) && strlen (line) == length)
        continue;

      if (!read_line (r, line, length, error))
        return FALSE;
      n_records++;
    }

  if (n_records == 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: holds no records"), r->name);
      return FALSE;
    }

  return TRUE;
}

/* Every text is known now: every claim must have its text and quote it. */
static gboolean
check_claims (Reader  *r,
              GError **error)
{
  for (guint i = 0; i < r->stories->len; i++)
    {
      StoryInfo *story = g_ptr_array_index (r->stories, i);

      for (guint j = 0; j < story->claims->len; j++)
        {
          ClaimInfo *info = g_ptr_array_index (story->claims, j);
          ArticleInfo *a = info->article;
          guint start = crb_claim_get_start (info->claim);
          guint end = crb_claim_get_end (info->claim);
          const char *quote = crb_claim_get_text (info->claim);
          const char *text;
          gsize from, to;

          if (a->article == NULL)
            {
              r->line = a->line;
              return fail (r, error, _("the text of the article “%s” is in none of its records"), a->id);
            }

          r->line = info->line;
          if (end > crb_article_get_length (a->article))
            return fail (r, error, _("the span %llu–%llu is outside the article's %zu characters"),
                         (unsigned long long) start, (unsigned long long) end,
                         crb_article_get_length (a->article));

          /* Claims mostly come in text order: go on from the last span. */
          text = crb_article_get_text (a->article);
          if (start < a->cursor_chars)
            a->cursor_chars = a->cursor_bytes = 0;
          from = a->cursor_bytes + crb_utf8_chars_to_bytes (text + a->cursor_bytes, a->text_len - a->cursor_bytes,
                                                            start - a->cursor_chars);
          to = from + crb_utf8_chars_to_bytes (text + from, a->text_len - from, end - start);
          a->cursor_chars = start;
          a->cursor_bytes = from;

          if (strlen (quote) != to - from || memcmp (text + from, quote, to - from) != 0)
            return fail (r, error, _("the field “quote” is not the article's text at the span %u–%u"),
                         start, end);
        }
    }

  return TRUE;
}

static void
add_hand_links (CrbStory  *story,
                StoryInfo *info)
{
  g_autoptr (GHashTable) order = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *manual = crb_story_get_manual_links (story);

  for (guint i = 0; i < info->claims->len; i++)
    {
      ClaimInfo *c = g_ptr_array_index (info->claims, i);
      g_hash_table_insert (order, (char *) crb_claim_get_id (c->claim), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < info->hand_links->len; i++)
    {
      HandLink *link = &g_array_index (info->hand_links, HandLink, i);
      guint pa = GPOINTER_TO_UINT (g_hash_table_lookup (order, link->a));
      guint pb = GPOINTER_TO_UINT (g_hash_table_lookup (order, link->b));
      static const char * const why[] = { HAND_LINK_WHY, NULL };
      const char *a = pa < pb ? link->a : link->b;
      const char *b = pa < pb ? link->b : link->a;

      /* The other end may be a claim the export left out. */
      if (pa == 0 || pb == 0 || pa == pb)
        continue;
      if (!g_hash_table_add (seen, g_strconcat (a, "\n", b, NULL)))
        continue;
      g_ptr_array_add (manual, crb_link_new (a, b, link->relation, 1.0, why, TRUE));
    }
}

/**
 * crb_import_read_export:
 * @file: a native JSON Lines export (`corroborate-cli export --format jsonl`)
 *
 * Reads the stories, articles, claims and decisions of an export: the
 * same ids, spans, texts, kinds, scores, reasons and values, and the
 * claims' current decisions.  The article texts come from the records
 * that carry them and must match the articles' sha256.  Links made by
 * hand come back as the stories' manual links; nothing is aligned.
 *
 * Every record is checked: on error the message names the file and the
 * line at fault, and nothing is returned.
 *
 * Returns: (transfer container) (element-type CrbStory): the stories, in
 *   the order of the export, each holding its articles and claims
 */
GPtrArray *
crb_import_read_export (GFile         *file,
                        GCancellable  *cancellable,
                        GError       **error)
{
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func ((GDestroyNotify) story_info_free);
  g_autoptr (GHashTable) story_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) articles =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) article_info_free);
  g_autoptr (GHashTable) claim_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) result = NULL;
  g_autofree char *name = NULL;
  Reader r = { 0, };

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  r.name = name;
  r.stories = stories;
  r.story_index = story_index;
  r.articles = articles;
  r.claim_ids = claim_ids;

  if (!read_file (&r, file, cancellable, error) || !check_claims (&r, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  result = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < stories->len; i++)
    {
      StoryInfo *info = g_ptr_array_index (stories, i);
      CrbStory *story = crb_story_new (info->id, info->title);

      for (guint j = 0; j < info->articles->len; j++)
        {
          ArticleInfo *a = g_ptr_array_index (info->articles, j);
          crb_story_add_article (story, a->article);
        }
      for (guint j = 0; j < info->claims->len; j++)
        {
          ClaimInfo *c = g_ptr_array_index (info->claims, j);
          crb_story_add_claim (story, c->claim);
        }
      add_hand_links (story, info);
      g_ptr_array_add (result, story);
    }

  return g_steal_pointer (&result);
}
