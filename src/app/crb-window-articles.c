/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-article-editor.h"
#include "crb-window-private.h"

/*
 * The articles' outlet, title, date and web address, edited from the
 * column header (its edit button, or F2 for the selected claim's article:
 * `article.edit`) in a CrbArticleEditor, which answers with
 * `article.set-info`.  The change is the project's like a decision:
 * journaled at once, undone by Ctrl+Z.  Whoever changed an article (this
 * window, its undo, another program through the journal), the project says
 * so with ::article-changed and everything here that names the outlet
 * follows: the column, the Shown Articles menu, the claim list, the panel,
 * the outlet counts.
 */

/* Opens the editor of @article_id's details in its column, brought into
 * view (and shown, if it was unchecked in the Shown Articles menu).
 */
void
_crb_window_edit_article (CrbWindow  *self,
                          const char *article_id)
{
  CrbArticleView *view = _crb_window_view_for_article (self, article_id);

  if (view == NULL || _crb_window_is_read_only (self))
    return;

  _crb_window_scroll_to_article (self, article_id);
  crb_article_view_edit (view);
}

/* What the editor kept: @info is outlet, title, date and URL, "" clearing. */
void
_crb_window_set_article_info (CrbWindow          *self,
                              const char         *article_id,
                              const char * const *info)
{
  g_autoptr (GError) error = NULL;
  guint64 revision;

  if (self->project == NULL)
    return;

  _crb_window_focus_review (self);
  revision = crb_project_get_revision (self->project);
  if (!crb_project_edit_article (self->project, article_id, info, &error))
    {
      _crb_window_show_error (self, _("The Article Could Not Be Changed"), error->message);
      return;
    }
  if (crb_project_get_revision (self->project) == revision)
    return;

  _crb_window_toast (self, _("Article details saved"), "win.undo");
}

/* Outlets are counted by name: a renamed outlet may join or leave another. */
void
_crb_window_article_changed (CrbWindow  *self,
                             CrbArticle *article)
{
  CrbArticleView *view;

  if (self->story == NULL ||
      crb_story_lookup_article (self->story, crb_article_get_id (article)) != article)
    return;

  view = _crb_window_view_for_article (self, crb_article_get_id (article));
  if (view != NULL)
    crb_article_view_update_info (view);

  _crb_window_columns_article_changed (self, article);

  _crb_window_update_badges (self);
  _crb_window_update_standings (self);
  _crb_window_update_claim_rows (self);
  crb_claim_panel_refresh (self->claim_panel);
}
