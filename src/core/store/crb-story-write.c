/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-story-write.c: a story written as its line of the project file */
#define G_LOG_DOMAIN "crb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-io.h"
#include "crb-store-private.h"

#include "crb-article-private.h"
#include "crb-claim-private.h"
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

/* The claim as a JSON object, with @decision as its decision. */
static void
write_claim (GString           *out,
             CrbClaim          *claim,
             const CrbDecision *decision,
             gboolean           with_decision,
             const char        *story_id)
{
  const char * const *reasons = crb_claim_get_reasons (claim);
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
  write_string (out, &first, "status", crb_decision_status_to_string (crb_decision_get_status (decision)));
  if (with_decision && decision != NULL)
    {
      crb_json_member (out, &first, "decision");
      write_decision (out, decision);
    }
  write_string (out, &first, "story", story_id);
  g_string_append_c (out, '}');
}

/**
 * _crb_claim_write:
 * @with_decision: include the decision object
 * @story_id: (nullable): add a "story" member
 *
 * Appends the claim as a JSON object, the project file's form, with the
 * decision the file holds (in a team project, not the one its view shows).
 */
void
_crb_claim_write (GString    *out,
                  CrbClaim   *claim,
                  gboolean    with_decision,
                  const char *story_id)
{
  write_claim (out, claim, _crb_claim_get_file_decision (claim), with_decision, story_id);
}

static void
write_history_entry (GString               *out,
                     const CrbHistoryEntry *entry)
{
  gboolean first = TRUE;

  /* Links and article changes are few: written through a tree. */
  if (entry->kind != CRB_CHANGE_DECISION)
    {
      g_autoptr (JsonNode) node = crb_history_entry_to_json (entry);

      crb_json_append (out, node);
      return;
    }

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

/**
 * crb_claim_write_json:
 * @out: where the JSON object goes
 * @with_decision: write its decision too
 * @story_id: (nullable): the story to name in the object
 *
 * Appends @claim as one JSON object, as the project file writes it: the
 * CLI's claims and extract print claims this way.
 */
void
crb_claim_write_json (GString    *out,
                      CrbClaim   *claim,
                      gboolean    with_decision,
                      const char *story_id)
{
  g_return_if_fail (CRB_IS_CLAIM (claim));

  /* The decision the claim shows: a team project's view (crb-team.c). */
  write_claim (out, claim, crb_claim_get_decision (claim), with_decision, story_id);
}
