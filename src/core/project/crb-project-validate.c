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

/* A step of the undo or redo stack, and what its story says of it. */
typedef struct
{
  guint64  seq;
  gboolean found;
  gboolean undone;
} StepCheck;

/**
 * crb_project_validate:
 * @problems: (element-type utf8): where to add each problem found
 *
 * Checks what loading does not: that every claim's text is its span of the
 * article, that ids are unique across the project, and that the undo and
 * redo stacks match the stories' histories.
 *
 * Story by story: each is parsed, checked and freed again (unless it was
 * loaded before), and the pages of its line given back, so that memory
 * holds one story and the ids seen, whatever the size of the project.
 *
 * Returns: %FALSE with @error set when a story cannot be parsed at all
 *   (@problems may then hold those of the stories before it); otherwise
 *   %TRUE, and @problems is empty for a valid project
 */
gboolean
crb_project_validate (CrbProject  *self,
                      GPtrArray   *problems,
                      GError     **error)
{
  g_autoptr (GHashTable) claim_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) article_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) steps_of_story =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GArray) undo_checks = NULL;
  g_autoptr (GArray) redo_checks = NULL;
  GArray *checks[2];
  GStringChunk *ids = g_string_chunk_new (64 * 1024);
  GListModel *stories;
  guint n_stories;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  /* The steps each story must hold, looked up while it is loaded. */
  checks[0] = undo_checks = g_array_new (FALSE, TRUE, sizeof (StepCheck));
  checks[1] = redo_checks = g_array_new (FALSE, TRUE, sizeof (StepCheck));
  for (guint k = 0; k < 2; k++)
    {
      GArray *steps = k == 0 ? self->data.undo : self->data.redo;

      g_array_set_size (checks[k], steps->len);
      for (guint i = 0; i < steps->len; i++)
        {
          CrbStep *step = &g_array_index (steps, CrbStep, i);
          StepCheck *check = &g_array_index (checks[k], StepCheck, i);
          GPtrArray *wanted = g_hash_table_lookup (steps_of_story, step->story_id);

          check->seq = step->seq;
          if (wanted == NULL)
            {
              wanted = g_ptr_array_new ();
              g_hash_table_insert (steps_of_story, step->story_id, wanted);
            }
          g_ptr_array_add (wanted, check);
        }
    }

  stories = G_LIST_MODEL (self->stories);
  n_stories = g_list_model_get_n_items (stories);
  for (guint i = 0; i < n_stories; i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      gboolean was_loaded = crb_story_is_loaded (story);
      GListModel *articles, *claims;
      GPtrArray *wanted;
      const char *sid;

      if (!crb_story_ensure_loaded (story, error))
        {
          g_string_chunk_free (ids);
          return FALSE;
        }
      articles = crb_story_get_articles (story);
      claims = crb_story_get_claims (story);
      sid = crb_story_get_id (story);

      for (guint j = 0; j < g_list_model_get_n_items (articles); j++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (articles, j);
          const char *id = crb_article_get_id (article);

          if (g_hash_table_contains (article_ids, id))
            add_problem (problems, _("story “%s”: the article id “%s” is used twice"), sid, id);
          else
            g_hash_table_add (article_ids, g_string_chunk_insert (ids, id));
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

          if (g_hash_table_contains (claim_ids, id))
            add_problem (problems, _("story “%s”: the claim id “%s” is used twice"), sid, id);
          else
            g_hash_table_add (claim_ids, g_string_chunk_insert (ids, id));

          slice = crb_article_dup_slice (article, crb_claim_get_start (claim), crb_claim_get_end (claim));
          if (g_strcmp0 (slice, crb_claim_get_text (claim)) != 0)
            add_problem (problems, _("story “%s”: claim “%s”: its text is not the text of its span %u–%u"),
                         sid, id, crb_claim_get_start (claim), crb_claim_get_end (claim));
        }

      /* Steps name the story crb_project_lookup_story() finds. */
      wanted = crb_project_lookup_story (self, sid) == story
             ? g_hash_table_lookup (steps_of_story, sid) : NULL;
      for (guint j = 0; wanted != NULL && j < wanted->len; j++)
        {
          StepCheck *check = g_ptr_array_index (wanted, j);
          CrbHistoryEntry *entry = _crb_story_lookup_history (story, check->seq);

          check->found = entry != NULL;
          check->undone = entry != NULL && entry->undone;
        }

      /* Freed again, with the pages of its line. */
      if (!was_loaded)
        crb_story_unload (story);
    }
  g_string_chunk_free (ids);

  for (guint k = 0; k < 2; k++)
    {
      GArray *steps = k == 0 ? self->data.undo : self->data.redo;

      for (guint i = 0; i < steps->len; i++)
        {
          CrbStep *step = &g_array_index (steps, CrbStep, i);
          StepCheck *check = &g_array_index (checks[k], StepCheck, i);

          if (!check->found)
            add_problem (problems, _("%s[%u]: decision %llu is not in story “%s”"),
                         k == 0 ? "undo" : "redo", i, (unsigned long long) step->seq, step->story_id);
          else if (check->undone != (k == 1))
            add_problem (problems, _("%s[%u]: decision %llu is marked %s"),
                         k == 0 ? "undo" : "redo", i, (unsigned long long) step->seq,
                         check->undone ? "undone" : "not undone");
        }
    }

  return TRUE;
}
