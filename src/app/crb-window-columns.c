/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-explain.h"
#include "crb-window-private.h"

/*
 * The article columns of the story shown.  A story may have hundreds of
 * articles: CrbArticleColumns makes columns only for the articles in view
 * and gives them to other articles as they scroll, and this file fills a
 * column with its article, the claim selected and the article's standing
 * when it comes into view.  Also here: the Shown Articles menu, a list
 * view over the story's articles (a check each, made for the rows in view
 * only), whose unchecked articles the columns' filter leaves out; and the
 * banner saying what the alignment of a big story left out (its note).
 */

/* ---- the articles' claims ---- */

/* @article_id's claims, in story order; the story's claims are sorted
 * into articles once, when first asked, not once per column.
 */
static GPtrArray *
get_article_claims (CrbWindow  *self,
                    const char *article_id)
{
  if (self->story == NULL)
    return NULL;

  if (self->article_claims == NULL)
    {
      GListModel *claims = crb_story_get_claims (self->story);
      guint n = g_list_model_get_n_items (claims);

      self->article_claims = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                    (GDestroyNotify) g_ptr_array_unref);
      for (guint i = 0; i < n; i++)
        {
          CrbClaim *claim = g_list_model_get_item (claims, i);
          const char *id = crb_claim_get_article_id (claim);
          GPtrArray *list = g_hash_table_lookup (self->article_claims, id);

          if (list == NULL)
            {
              list = g_ptr_array_new_with_free_func (g_object_unref);
              g_hash_table_insert (self->article_claims, g_strdup (id), list);
            }
          g_ptr_array_add (list, claim);
        }
    }

  return g_hash_table_lookup (self->article_claims, article_id);
}

/* Articles or claims came or went: sort them again when next asked. */
static void
forget_article_claims (CrbWindow *self)
{
  g_clear_pointer (&self->article_claims, g_hash_table_unref);
}

/* ---- the columns ---- */

static CrbArticleView *
column_view (CrbWindow *self,
             guint      i)
{
  return ((CrbColumn *) g_ptr_array_index (self->columns, i))->view;
}

/**
 * _crb_window_view_for_article:
 *
 * Returns: (nullable): the column showing @article_id, if it is in view
 */
CrbArticleView *
_crb_window_view_for_article (CrbWindow  *self,
                              const char *article_id)
{
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      CrbArticle *article = crb_article_view_get_article (column_view (self, i));

      if (article != NULL && g_strcmp0 (crb_article_get_id (article), article_id) == 0)
        return column_view (self, i);
    }

  return NULL;
}

/* Where @article_id is among the columns, or GTK_INVALID_LIST_POSITION
 * when it is unchecked in Shown Articles.
 */
static guint
article_position (CrbWindow  *self,
                  const char *article_id)
{
  GListModel *model = G_LIST_MODEL (self->shown_articles);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrbArticle) article = g_list_model_get_item (model, i);

      if (g_strcmp0 (crb_article_get_id (article), article_id) == 0)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* The article's standing among the story's outlets, in its header. */
static void
update_standing (CrbWindow      *self,
                 CrbArticleView *view)
{
  CrbArticle *article = crb_article_view_get_article (view);
  g_autofree char *note = NULL;
  g_autofree char *text = NULL;
  CrbStanding standing;

  if (article == NULL || self->story == NULL || crb_story_get_n_articles (self->story) < 2)
    {
      crb_article_view_set_standing (view, NULL, NULL, FALSE);
      return;
    }
  note = crb_explain_note (crb_story_get_alignment (self->story)->note);
  crb_explain_standing (self->story, crb_article_get_id (article), &standing);
  text = crb_explain_format_standing (&standing);
  crb_article_view_set_standing (view, text, note, standing.n_contradicted > 0);
}

/* The columns follow the selected claim: its span highlighted, its links
 * marked, its article scrolled into view.
 */
void
_crb_window_show_claim_in_columns (CrbWindow *self,
                                   CrbClaim  *claim)
{
  CrbAlignment *alignment = self->story ? crb_story_get_alignment (self->story) : NULL;
  guint position;

  for (guint i = 0; i < self->columns->len; i++)
    {
      CrbArticleView *view = column_view (self, i);

      if (crb_article_view_get_article (view) == NULL)
        continue;
      crb_article_view_select_claim (view, claim);
      crb_article_view_mark_links (view, alignment, claim);
    }

  /* Columns that come into view get the claim as they are filled. */
  if (claim == NULL)
    return;
  position = article_position (self, crb_claim_get_article_id (claim));
  if (position != GTK_INVALID_LIST_POSITION)
    crb_article_columns_scroll_to (self->articles_box, position);
}

static void
on_claim_activated_cb (CrbWindow      *self,
                       CrbClaim       *claim,
                       CrbArticleView *view)
{
  _crb_window_select (self, claim);
}

static void
on_link_requested_cb (CrbWindow      *self,
                      CrbClaim       *claim,
                      int             relation,
                      CrbArticleView *view)
{
  _crb_window_link_to (self, claim, relation);
}

static GtkWidget *
create_column_cb (gpointer user_data)
{
  CrbWindow *self = user_data;
  CrbColumn *column = g_new0 (CrbColumn, 1);

  column->view = CRB_ARTICLE_VIEW (crb_article_view_new (NULL));
  g_signal_connect_object (column->view, "claim-activated", G_CALLBACK (on_claim_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (column->view, "link-requested", G_CALLBACK (on_link_requested_cb),
                           self, G_CONNECT_SWAPPED);
  g_ptr_array_add (self->columns, column);
  self->n_columns = self->columns->len;
  return GTK_WIDGET (column->view);
}

/* A column comes into view with @item, or leaves it (%NULL). */
static void
bind_column_cb (GtkWidget *widget,
                gpointer   item,
                gpointer   user_data)
{
  CrbWindow *self = user_data;
  CrbArticleView *view = CRB_ARTICLE_VIEW (widget);
  CrbArticle *article = item;
  CrbClaim *claim;

  if (article == NULL || self->story == NULL)
    {
      /* Out of view, it lets go of its article's text. */
      crb_article_view_set_article (view, NULL, NULL);
      return;
    }

  crb_article_view_set_article (view, article,
                                get_article_claims (self, crb_article_get_id (article)));
  /* A new story selects its claim and sets the standings once. */
  if (self->switching)
    return;
  claim = _crb_window_get_current_claim (self);
  crb_article_view_select_claim (view, claim);
  crb_article_view_mark_links (view, crb_story_get_alignment (self->story), claim);
  update_standing (self, view);
}

static gboolean
article_shown_func (gpointer item,
                    gpointer user_data)
{
  CrbWindow *self = user_data;

  return !g_hash_table_contains (self->hidden_articles, crb_article_get_id (item));
}

/* ---- the Shown Articles menu ---- */

static GHashTable *
menu_checks (CrbWindow *self)
{
  return g_object_get_data (G_OBJECT (self->articles_list), "crb-checks");
}

static void
on_article_toggled_cb (GtkCheckButton *check,
                       CrbWindow      *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "crb-article-id");
  gboolean shown = gtk_check_button_get_active (check);

  if (id == NULL || shown != g_hash_table_contains (self->hidden_articles, id))
    return;

  if (shown)
    g_hash_table_remove (self->hidden_articles, id);
  else
    g_hash_table_add (self->hidden_articles, g_strdup (id));
  gtk_filter_changed (GTK_FILTER (self->article_filter),
                      shown ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

static void
article_row_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      CrbWindow                *self)
{
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *outlet = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (outlet), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (outlet), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "caption");
  gtk_widget_add_css_class (title, "dim-label");
  gtk_box_append (GTK_BOX (box), outlet);
  gtk_box_append (GTK_BOX (box), title);
  gtk_widget_set_margin_start (box, 6);
  gtk_check_button_set_child (GTK_CHECK_BUTTON (check), box);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_article_toggled_cb), self, 0);
  gtk_list_item_set_child (item, check);
}

static void
article_row_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     CrbWindow                *self)
{
  CrbArticle *article = gtk_list_item_get_item (item);
  GtkWidget *check = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  GtkWidget *outlet = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (outlet);
  const char *id = crb_article_get_id (article);
  const char *name = crb_article_get_outlet (article) ? crb_article_get_outlet (article) : id;
  const char *headline = crb_article_get_title (article);

  gtk_label_set_label (GTK_LABEL (outlet), name);
  gtk_label_set_label (GTK_LABEL (title), headline);
  gtk_widget_set_visible (title, headline != NULL && *headline != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, headline ? headline : "",
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "crb-article-id", g_strdup (id), g_free);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                               !g_hash_table_contains (self->hidden_articles, id));
  g_hash_table_insert (menu_checks (self), g_strdup (id), check);
}

static void
article_row_unbind_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       CrbWindow                *self)
{
  GtkWidget *check = gtk_list_item_get_child (item);
  const char *id = g_object_get_data (G_OBJECT (check), "crb-article-id");

  if (id != NULL && g_hash_table_lookup (menu_checks (self), id) == check)
    g_hash_table_remove (menu_checks (self), id);
  g_object_set_data (G_OBJECT (check), "crb-article-id", NULL);
}

/* Enter or Space on a row flips its check. */
static void
on_article_row_activated_cb (CrbWindow   *self,
                             guint        position,
                             GtkListView *list)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autoptr (CrbArticle) article = g_list_model_get_item (model, position);
  GtkCheckButton *check = NULL;

  if (article != NULL)
    check = g_hash_table_lookup (menu_checks (self), crb_article_get_id (article));
  if (check != NULL)
    gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

/* The menu's rows exist while it is open, for the rows in view only. */
static void
on_articles_menu_visible_cb (CrbWindow  *self,
                             GParamSpec *pspec,
                             GtkWidget  *popover)
{
  g_autoptr (GtkSelectionModel) selection = NULL;

  if (gtk_widget_get_visible (popover) && self->story != NULL)
    {
      GListModel *articles = crb_story_get_articles (self->story);

      selection = GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (articles)));
    }
  gtk_list_view_set_model (self->articles_list, selection);
}

static void
build_articles_menu (CrbWindow *self)
{
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkMenuButton *button = GTK_MENU_BUTTON (self->articles_button);
  GtkWidget *popover = GTK_WIDGET (gtk_menu_button_get_popover (button));

  g_signal_connect (factory, "setup", G_CALLBACK (article_row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (article_row_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (article_row_unbind_cb), self);
  self->articles_list = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  g_object_set_data_full (G_OBJECT (self->articles_list), "crb-checks",
                          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                          (GDestroyNotify) g_hash_table_unref);
  gtk_widget_add_css_class (GTK_WIDGET (self->articles_list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->articles_list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Shown Articles"), -1);
  g_signal_connect_object (self->articles_list, "activate",
                           G_CALLBACK (on_article_row_activated_cb), self, G_CONNECT_SWAPPED);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_widget_set_size_request (scroller, 320, -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->articles_list));
  gtk_box_append (GTK_BOX (self->articles_menu_box), scroller);

  g_signal_connect_object (popover, "notify::visible", G_CALLBACK (on_articles_menu_visible_cb),
                           self, G_CONNECT_SWAPPED);
}

/* ---- the note of a big story ---- */

/* Shows what the alignment of a big story left out, until dismissed. */
void
_crb_window_columns_update_note (CrbWindow *self)
{
  CrbAlignment *alignment = self->story ? crb_story_get_alignment (self->story) : NULL;
  g_autofree char *details = alignment ? crb_explain_note (alignment->note) : NULL;
  gboolean dismissed = self->story != NULL &&
                       g_hash_table_contains (self->dismissed_notes,
                                              crb_story_get_id (self->story));

  if (details != NULL)
    {
      gtk_label_set_label (self->note_label,
                           alignment->n_capped > 0
                           ? _("This story is big: some of its links may be missing.")
                           : _("This story is big: some of its links are summarized."));
      gtk_label_set_label (self->note_details, details);
    }
  gtk_revealer_set_reveal_child (self->note_banner, details != NULL && !dismissed);
}

static void
dismiss_note_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  /* For the story, as long as the window is open. */
  if (self->story != NULL)
    g_hash_table_add (self->dismissed_notes, g_strdup (crb_story_get_id (self->story)));
  gtk_revealer_set_reveal_child (self->note_banner, FALSE);
}

/* ---- the story ---- */

/* Shows the articles of the story just set in self->story, all of them,
 * from the first.
 */
void
_crb_window_columns_show_story (CrbWindow *self)
{
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (self->articles_scroller);
  GtkAdjustment *hadjustment = gtk_scrolled_window_get_hadjustment (scroller);

  /* The columns let go of the last story's articles before scrolling to
   * the start, so that no column is filled twice.
   */
  gtk_filter_list_model_set_model (self->shown_articles, NULL);
  g_hash_table_remove_all (self->hidden_articles);
  forget_article_claims (self);
  gtk_adjustment_set_value (hadjustment, 0.0);
  if (self->story != NULL)
    gtk_filter_list_model_set_model (self->shown_articles, crb_story_get_articles (self->story));
  _crb_window_columns_update_note (self);
}

void
_crb_window_class_columns_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.dismiss-note", NULL, dismiss_note_cb);
}

void
_crb_window_columns_init (CrbWindow *self)
{
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->hidden_articles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->dismissed_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->article_filter = gtk_custom_filter_new (article_shown_func, self, NULL);
  self->shown_articles = gtk_filter_list_model_new (NULL,
                                                    g_object_ref (GTK_FILTER (self->article_filter)));
  /* Before the columns' own handler: they fill columns from the claims. */
  g_signal_connect_object (self->shown_articles, "items-changed",
                           G_CALLBACK (forget_article_claims), self, G_CONNECT_SWAPPED);
  crb_article_columns_set_factory (self->articles_box, create_column_cb, bind_column_cb, self);
  crb_article_columns_set_model (self->articles_box, G_LIST_MODEL (self->shown_articles));
  build_articles_menu (self);
}

void
_crb_window_columns_dispose (CrbWindow *self)
{
  if (self->articles_box != NULL)
    crb_article_columns_set_model (self->articles_box, NULL);
  if (self->articles_list != NULL)
    gtk_list_view_set_model (self->articles_list, NULL);
  g_clear_object (&self->shown_articles);
  g_clear_object (&self->article_filter);
  g_clear_pointer (&self->hidden_articles, g_hash_table_unref);
  g_clear_pointer (&self->dismissed_notes, g_hash_table_unref);
  forget_article_claims (self);
}

/* Shows the column of @article_id (checking it in Shown Articles if it was
 * not) and scrolls it into view.
 */
void
_crb_window_scroll_to_article (CrbWindow  *self,
                               const char *article_id)
{
  guint position;

  if (g_hash_table_remove (self->hidden_articles, article_id))
    gtk_filter_changed (GTK_FILTER (self->article_filter), GTK_FILTER_CHANGE_LESS_STRICT);

  position = article_position (self, article_id);
  if (position != GTK_INVALID_LIST_POSITION)
    crb_article_columns_scroll_to (self->articles_box, position);
}

/* A renamed article: its row in Shown Articles says its new name. */
void
_crb_window_columns_article_changed (CrbWindow  *self,
                                     CrbArticle *article)
{
  GtkWidget *check = g_hash_table_lookup (menu_checks (self), crb_article_get_id (article));
  GtkWidget *box, *outlet, *title;
  const char *name, *headline;

  if (check == NULL)
    return;   /* not made: bound afresh when the menu opens */

  box = gtk_check_button_get_child (GTK_CHECK_BUTTON (check));
  outlet = gtk_widget_get_first_child (box);
  title = gtk_widget_get_next_sibling (outlet);
  name = crb_article_get_outlet (article) ? crb_article_get_outlet (article) : crb_article_get_id (article);
  headline = crb_article_get_title (article);
  gtk_label_set_label (GTK_LABEL (outlet), name);
  gtk_label_set_label (GTK_LABEL (title), headline);
  gtk_widget_set_visible (title, headline != NULL && *headline != '\0');
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}
