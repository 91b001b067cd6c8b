/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-import.c: the project takes in what import/ read: articles
 * from files, folders and corpora, or a whole native export. */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include "crb-project.h"

#include "crb-import.h"
#include "crb-import-export.h"

/**
 * crb_project_import:
 * @items: (element-type CrbImportItem): from crb_import_paths()
 * @story_title: the story for items that name none
 * @threshold: the extraction threshold
 *
 * Adds the articles to the project, in their stories (made as needed),
 * giving them unique ids, and extracts their claims.
 */
gboolean
crb_project_import (CrbProject    *project,
                    GPtrArray     *items,
                    const char    *story_title,
                    double         threshold,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr (GHashTable) touched = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);
  g_return_val_if_fail (story_title != NULL, FALSE);

  touched = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      CrbImportItem *item = g_ptr_array_index (items, i);
      const char *title = item->story ? item->story : story_title;
      g_autofree char *id = NULL;
      g_autoptr (CrbArticle) article = NULL;
      g_autoptr (GPtrArray) claims = NULL;
      CrbStory *story;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      story = crb_project_find_story_by_title (project, title);
      if (story == NULL)
        story = crb_project_add_story (project, title);
      if (!crb_story_ensure_loaded (story, error))
        return FALSE;

      id = crb_project_make_article_id (project, crb_article_get_id (item->article));
      if (g_strcmp0 (id, crb_article_get_id (item->article)) == 0)
        {
          article = g_object_ref (item->article);
          if (item->claims != NULL)
            claims = g_ptr_array_ref (item->claims);
        }
      else
        {
          article = crb_article_new (id, crb_article_get_text (item->article));
          g_object_set (article,
                        "title", crb_article_get_title (item->article),
                        "outlet", crb_article_get_outlet (item->article),
                        "url", crb_article_get_url (item->article),
                        "date", crb_article_get_date (item->article),
                        "source", crb_article_get_source (item->article),
                        "source-sha256", crb_article_get_source_sha256 (item->article),
                        "body-start", crb_article_get_body_start (item->article),
                        NULL);
        }

      /* Claims extracted ahead carry the wanted id: give them the new one. */
      if (claims == NULL && item->claims != NULL)
        claims = crb_import_reid_claims (item->claims, id);
      if (claims == NULL)
        claims = crb_extract_article_claims (article, threshold);

      crb_project_add_article (project, story, article);
      for (guint j = 0; j < claims->len; j++)
        crb_story_add_claim (story, g_ptr_array_index (claims, j));
      g_hash_table_add (touched, story);
    }

  /* New articles: link their claims with the others of their stories. */
  {
    GHashTableIter iter;
    gpointer story;

    g_hash_table_iter_init (&iter, touched);
    while (g_hash_table_iter_next (&iter, &story, NULL))
      crb_story_realign (story);
  }

  return TRUE;
}

/**
 * crb_project_import_export:
 * @project: a new project, without stories
 * @file: a native JSON Lines export (`corroborate-cli export --format jsonl`)
 *
 * Rebuilds the stories, articles, claims and decisions of an export in
 * @project (see crb_import_read_export()); links made by hand come back,
 * and the alignment is computed again.
 *
 * Every record is checked before @project changes: on error it is left
 * as it was, and the message names the file and the line at fault.
 *
 * Returns: %TRUE when the project holds the export
 */
gboolean
crb_project_import_export (CrbProject    *project,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr (GPtrArray) read = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_list_model_get_n_items (crb_project_get_stories (project)) == 0, FALSE);

  read = crb_import_read_export (file, cancellable, error);
  if (read == NULL)
    return FALSE;

  /* Everything is read and checked: nothing below can fail. */
  for (guint i = 0; i < read->len; i++)
    {
      CrbStory *from = g_ptr_array_index (read, i);
      CrbStory *story = crb_project_add_story_with_id (project, crb_story_get_id (from),
                                                       crb_story_get_title (from));
      GListModel *articles = crb_story_get_articles (from);
      GListModel *claims = crb_story_get_claims (from);
      GPtrArray *manual = crb_story_get_manual_links (from);

      for (guint j = 0; j < g_list_model_get_n_items (articles); j++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (articles, j);
          crb_project_add_article (project, story, article);
        }
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          crb_story_add_claim (story, claim);
        }
      for (guint j = 0; j < manual->len; j++)
        g_ptr_array_add (crb_story_get_manual_links (story),
                         crb_link_copy (g_ptr_array_index (manual, j)));
      crb_story_realign (story);
    }

  return TRUE;
}
