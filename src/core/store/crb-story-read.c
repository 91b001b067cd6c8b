/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-story-read.c: a story's line of the project file, checked and indexed,
 * and the story's objects made from it */
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
#include "crb-utils.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>



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
    return _crb_store_fail (ctx, error, _("must be an object"));

  crb_json_get_members (ctx->doc, object, CRB_N_ARTICLE_FIELDS, article_fields, members);
  if (!_crb_store_check_field (ctx, members[CRB_ARTICLE_ID], "id", CRB_JSON_STRING, TRUE, &fields[CRB_ARTICLE_ID], error) ||
      !_crb_store_check_field (ctx, members[CRB_ARTICLE_TEXT], "text", CRB_JSON_STRING, TRUE, &fields[CRB_ARTICLE_TEXT], error))
    return FALSE;
  for (guint i = CRB_ARTICLE_TITLE; i <= CRB_ARTICLE_SOURCE_SHA256; i++)
    {
      if (!_crb_store_check_field (ctx, members[i], article_fields[i], CRB_JSON_STRING, FALSE, &fields[i], error))
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
  if (!_crb_store_check_field (ctx, members[CRB_ARTICLE_BODY_START], "body_start", CRB_JSON_INT, FALSE,
                               &fields[CRB_ARTICLE_BODY_START], error))
    return FALSE;
  if (fields[CRB_ARTICLE_BODY_START] != NULL)
    {
      gint64 body_start = crb_json_int (fields[CRB_ARTICLE_BODY_START]);

      if (body_start < 0 || (guint64) body_start > out->length)
        return _crb_store_fail (ctx, error, _("“body_start” must be from 0 to the length of the text"));
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
    return _crb_store_fail (ctx, error, _("%s must be an array of strings"), what);

  FOR_EACH_ELEMENT (ctx->doc, array, i, element)
    if (crb_json_type (element) != CRB_JSON_STRING)
      return _crb_store_fail (ctx, error, _("%s[%u] must be a string"), what, i);

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
  enum { ID, ARTICLE, START, END, TEXT, KIND, SCORE, REASONS, VALUES, STATUS, DECISION, N_MEMBERS };
  static const char * const names[N_MEMBERS] = {
    "id", "article", "start", "end", "text", "kind", "score", "reasons", "values", "status", "decision",
  };
  const CrbJsonValue *status;
  CrbDecisionStatus status_value = CRB_DECISION_STATUS_PENDING;
  const CrbJsonValue *m[N_MEMBERS];
  const CrbJsonValue *score, *values, *decision;
  const char *id, *article_id;
  const CrbLineArticle *article;
  guint64 start, end;
  int article_index;
  guint i = 0;

  if (crb_json_type (object) != CRB_JSON_OBJECT)
    return _crb_store_fail (ctx, error, _("must be an object"));

  crb_json_get_members (ctx->doc, object, N_MEMBERS, names, m);
  if (!_crb_store_check_field (ctx, m[ID], "id", CRB_JSON_STRING, TRUE, &out->id, error) ||
      !_crb_store_check_field (ctx, m[ARTICLE], "article", CRB_JSON_STRING, TRUE, &out->article_id, error) ||
      !_crb_store_check_uint (ctx, m[START], "start", TRUE, 0, &start, error) ||
      !_crb_store_check_uint (ctx, m[END], "end", TRUE, 0, &end, error) ||
      !_crb_store_check_field (ctx, m[TEXT], "text", CRB_JSON_STRING, TRUE, &out->text, error) ||
      !_crb_store_check_field (ctx, m[KIND], "kind", CRB_JSON_STRING, FALSE, &out->kind, error) ||
      !_crb_store_check_field (ctx, m[REASONS], "reasons", CRB_JSON_ARRAY, FALSE, &out->reasons, error) ||
      !_crb_store_check_field (ctx, m[STATUS], "status", CRB_JSON_STRING, FALSE, &status, error))
    return FALSE;

  /* Vocabularies are closed: a word outside one is a damaged file. */
  if (out->kind != NULL &&
      !g_strv_contains (crb_claim_get_kinds (), crb_json_string (ctx->doc, out->kind)))
    return _crb_store_fail (ctx, error, _("the field “kind” must be quantity, date, attribution, event or "
                                          "statement, not “%s”"), crb_json_string (ctx->doc, out->kind));
  if (status != NULL && !crb_decision_status_from_string (crb_json_string (ctx->doc, status), &status_value))
    return _crb_store_fail (ctx, error, _("the field “status” must be pending, confirmed, corrected or "
                                          "rejected, not “%s”"), crb_json_string (ctx->doc, status));

  id = crb_json_string (ctx->doc, out->id);
  article_id = crb_json_string (ctx->doc, out->article_id);
  article_index = find_article (line, article_id);
  if (article_index < 0)
    return _crb_store_fail (ctx, error, _("the article “%s” is not in this story"), article_id);
  article = &g_array_index (line->articles, CrbLineArticle, article_index);

  if (start > end || end > article->length)
    return _crb_store_fail (ctx, error, _("the span %llu–%llu is outside the article's %zu characters"),
                            (unsigned long long) start, (unsigned long long) end, article->length);

  if (g_hash_table_contains (ids, id))
    return _crb_store_fail (ctx, error, _("the claim id “%s” is used twice"), id);

  score = m[SCORE];
  if (score != NULL &&
      (!crb_json_is_number (score) || crb_json_double (score) < 0 || crb_json_double (score) > 1))
    return _crb_store_fail (ctx, error, _("the field “score” must be a number from 0 to 1"));

  FOR_EACH_ELEMENT (ctx->doc, out->reasons, i, r)
    if (crb_json_type (r) != CRB_JSON_STRING)
      return _crb_store_fail (ctx, error, _("reasons[%u] must be a string"), i);

  values = m[VALUES];
  if (values != NULL && crb_json_type (values) == CRB_JSON_NULL)
    values = NULL;
  if (values != NULL && crb_json_type (values) != CRB_JSON_OBJECT)
    return _crb_store_fail (ctx, error, _("the field “values” must be an object"));

  decision = m[DECISION];
  if (decision != NULL && crb_json_type (decision) != CRB_JSON_NULL)
    {
      g_autoptr (GError) local_error = NULL;

      out->decision = crb_decision_from_value (ctx->doc, decision, &local_error);
      if (out->decision == NULL)
        return _crb_store_fail (ctx, error, _("decision: %s"), local_error->message);
    }
  else
    out->decision = NULL;

  if (status != NULL &&
      status_value != (out->decision ? out->decision->status : CRB_DECISION_STATUS_PENDING))
    {
      g_clear_pointer (&out->decision, crb_decision_free);
      return _crb_store_fail (ctx, error, _("the field “status” says “%s” but its decision says otherwise"),
                              crb_json_string (ctx->doc, status));
    }

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

  if (!_crb_store_get_array (ctx, object, "links", &links, error) ||
      !_crb_store_get_array (ctx, object, "facts", &facts, error) ||
      !_crb_store_get_array (ctx, object, "removed", &removed, error))
    return FALSE;

  FOR_EACH_ELEMENT (doc, removed, i, element)
    {
      if (!check_string_array (ctx, element, "removed[]", error))
        return FALSE;
      if (crb_json_length (element) != 2)
        return _crb_store_fail (ctx, error, _("removed[%u] must be a pair of claim ids"), i);
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
        return _crb_store_fail (ctx, error, _("links[%u] must be an object"), i);
      crb_json_get_members (doc, link, N_MEMBERS, names, m);
      if (!_crb_store_check_field (ctx, m[A], "a", CRB_JSON_STRING, TRUE, &a, error) ||
          !_crb_store_check_field (ctx, m[B], "b", CRB_JSON_STRING, TRUE, &b, error) ||
          !_crb_store_check_field (ctx, m[RELATION], "relation", CRB_JSON_STRING, TRUE, &relation_name, error))
        return FALSE;
      if (!crb_relation_from_string (crb_json_string (doc, relation_name), &l.relation))
        return _crb_store_fail (ctx, error, _("links[%u]: unknown relation “%s”"), i, crb_json_string (doc, relation_name));
      ia = find_claim (ids, crb_json_string (doc, a));
      ib = find_claim (ids, crb_json_string (doc, b));
      if (ia < 0 || ib < 0)
        return _crb_store_fail (ctx, error, _("links[%u]: no claim “%s” or “%s” in this story"), i,
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
        return _crb_store_fail (ctx, error, _("facts[%u] must be an object"), i);
      if (!_crb_store_get_field (ctx, fact_object, "id", CRB_JSON_STRING, TRUE, &f.id, error))
        return FALSE;
      f.claims = crb_json_member_get (doc, fact_object, "claims");
      if (!check_string_array (ctx, f.claims, "claims", error))
        return FALSE;
      /* Facts are ordered by their first claim (make_alignment ()). */
      if (crb_json_length (f.claims) == 0)
        {
          g_autofree char *first_claim = g_strdup_printf ("facts[%u].claims[0]", i);

          return _crb_store_fail (ctx, error, _("the field “%s” is missing"), first_claim);
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
            return _crb_store_fail (ctx, error, _("facts[%u]: no claim “%s” in this story"), i,
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
      _crb_store_set_parse_error (error, display_name, lineno, local_error);
      return FALSE;
    }

  ctx.doc = line->doc;
  object = crb_json_doc_root (line->doc);
  if (crb_json_type (object) != CRB_JSON_OBJECT)
    return _crb_store_fail (&ctx, error, _("a story line must be a JSON object"));

  if (!_crb_store_get_string (&ctx, object, "story", TRUE, &found_id, error))
    return FALSE;

  if (g_strcmp0 (found_id, story_id) != 0)
    return _crb_store_fail (&ctx, error, _("expected story “%s”, found “%s”"), story_id, found_id);

  if (!_crb_store_get_array (&ctx, object, "articles", &articles, error) ||
      !_crb_store_get_array (&ctx, object, "claims", &claims, error) ||
      !_crb_store_get_array (&ctx, object, "history", &history, error))
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
        return _crb_store_fail (&ctx, error, _("%s"), entry_error->message);
      g_ptr_array_add (line->history, entry);
      if (entry->kind != CRB_CHANGE_ARTICLE && find_claim (ids, entry->claim_id) < 0)
        return _crb_store_fail (&ctx, error, _("the claim “%s” is not in this story"), entry->claim_id);
      if (entry->kind == CRB_CHANGE_LINK && find_claim (ids, entry->other_id) < 0)
        return _crb_store_fail (&ctx, error, _("the claim “%s” is not in this story"), entry->other_id);
      if (entry->kind == CRB_CHANGE_ARTICLE && find_article (line, entry->other_id) < 0)
        return _crb_store_fail (&ctx, error, _("the article “%s” is not in this story"), entry->other_id);
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
