/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-validate.c: what `corroborate-cli validate` checks beyond
 * what loading does. */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-private.h"

#include "crb-story-private.h"

static void G_GNUC_PRINTF (2, 3)
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * crb_project_validate:
 * @problems: (element-type utf8): where to add each problem found
 *
 * Checks what loading does not: that every claim's text is its span of the
 * article, that ids are unique across the project, and that the undo and
 * redo stacks match the stories' histories.
 *
 * Returns: %FALSE with @error set when a story cannot be parsed at all;
 *   otherwise %TRUE, and @problems is empty for a valid project
 */
gboolean
crb_project_validate (CrbProject  *self,
                      GPtrArray   *problems,
                      GError     **error)
{
  g_autoptr (GHashTable) claim_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) article_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *stories;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!crb_project_ensure_all_loaded (self, error))
    return FALSE;

  stories = G_LIST_MODEL (self->stories);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *articles = crb_story_get_articles (story);
      GListModel *claims = crb_story_get_claims (story);
      const char *sid = crb_story_get_id (story);

      for (guint j = 0; j < g_list_model_get_n_items (articles); j++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (articles, j);
          const char *id = crb_article_get_id (article);

          if (!g_hash_table_add (article_ids, (char *) id))
            add_problem (problems, _("story “%s”: the article id “%s” is used twice"), sid, id);
          {
            g_autofree char *sha256 = crb_sha256_string (crb_article_get_text (article));

            if (g_strcmp0 (sha256, crb_article_get_sha256 (article)) != 0)
              add_problem (problems, _("story “%s”: article “%s”: its text does not match its recorded "
                                       "sha256 (was it edited by hand?)"), sid, id);
          }
        }

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          const char *id = crb_claim_get_id (claim);
          CrbArticle *article = crb_story_lookup_article (story, crb_claim_get_article_id (claim));
          g_autofree char *slice = NULL;

          if (!g_hash_table_add (claim_ids, (char *) id))
            add_problem (problems, _("story “%s”: the claim id “%s” is used twice"), sid, id);

          slice = crb_article_dup_slice (article, crb_claim_get_start (claim), crb_claim_get_end (claim));
          if (g_strcmp0 (slice, crb_claim_get_text (claim)) != 0)
            add_problem (problems, _("story “%s”: claim “%s”: its text is not the text of its span %u–%u"),
                         sid, id, crb_claim_get_start (claim), crb_claim_get_end (claim));
        }
    }

  for (guint k = 0; k < 2; k++)
    {
      GArray *steps = k == 0 ? self->data.undo : self->data.redo;

      for (guint i = 0; i < steps->len; i++)
        {
          CrbStep *step = &g_array_index (steps, CrbStep, i);
          CrbStory *story = crb_project_lookup_story (self, step->story_id);
          CrbHistoryEntry *entry = story ? _crb_story_lookup_history (story, step->seq) : NULL;

          if (entry == NULL)
            add_problem (problems, _("%s[%u]: decision %llu is not in story “%s”"),
                         k == 0 ? "undo" : "redo", i, (unsigned long long) step->seq, step->story_id);
          else if (entry->undone != (k == 1))
            add_problem (problems, _("%s[%u]: decision %llu is marked %s"),
                         k == 0 ? "undo" : "redo", i, (unsigned long long) step->seq,
                         entry->undone ? "undone" : "not undone");
        }
    }

  return TRUE;
}
