/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-explain.h"
#include "crb-window-private.h"

#include "crb-project-team.h"

/*
 * The main window: the stories of a project in a sidebar, the articles of
 * the current story side by side, the selected claim and the story's claims
 * on the right.  This file holds the window itself: its construction, the
 * stories, the article columns and the project shown.  Actions, the review
 * loop and opening live beside it (see crb-window-private.h).
 */

G_DEFINE_FINAL_TYPE (CrbWindow, crb_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLAIM_FILTER,
  PROP_CLAIM_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void show_story (CrbWindow *self,
                        CrbStory  *story);

void
_crb_window_show_error (CrbWindow  *self,
                        const char *heading,
                        const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Over the articles, not the claims pane: a toast never covers the
 * selected claim's buttons or its row in the list.  Takes @toast.
 */
void
_crb_window_add_toast (CrbWindow *self,
                       AdwToast  *toast)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "project") == 0)
    adw_toast_overlay_add_toast (self->articles_toast_overlay, toast);
  else
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_crb_window_toast (CrbWindow  *self,
                   const char *title,
                   const char *action)
{
  AdwToast *t = adw_toast_new (title);

  if (action != NULL)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, action);
    }
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  _crb_window_add_toast (self, t);
}

/* The button that shows the claims pane, when it is folded over the
 * articles.
 */
static void
update_claims_button (CrbWindow *self)
{
  gtk_widget_set_visible (self->claims_button,
                          adw_flap_get_folded (self->claims_flap) &&
                          g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                     "project") == 0);
}

/* Brings the claims pane into view when it is folded away: an editor or
 * the reasons to reject were opened.
 */
void
_crb_window_reveal_claims (CrbWindow *self)
{
  if (adw_flap_get_folded (self->claims_flap))
    adw_flap_set_reveal_flap (self->claims_flap, TRUE);
}

/* ---- the width of the claims pane: dragged on its edge, remembered ---- */

static int
max_claims_width (CrbWindow *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->claims_flap));
  int min_articles = crb_article_columns_get_min_column_width (self->articles_box);

  return MAX (CRB_CLAIMS_MIN_WIDTH, width - min_articles);
}

static void
on_handle_drag_begin_cb (CrbWindow      *self,
                         double          x,
                         double          y,
                         GtkGestureDrag *gesture)
{
  self->drag_start_width = gtk_widget_get_width (GTK_WIDGET (self->claims_pane));
}

static void
on_handle_drag_update_cb (CrbWindow      *self,
                          double          dx,
                          double          dy,
                          GtkGestureDrag *gesture)
{
  /* The pane is at the end: dragging its edge towards the start widens it. */
  int delta = gtk_widget_get_direction (GTK_WIDGET (self)) == GTK_TEXT_DIR_RTL ? (int) dx : (int) -dx;
  int width = CLAMP (self->drag_start_width + delta, CRB_CLAIMS_MIN_WIDTH, max_claims_width (self));

  crb_claims_pane_set_pane_width (self->claims_pane, width);
}

static void
on_handle_drag_end_cb (CrbWindow      *self,
                       double          dx,
                       double          dy,
                       GtkGestureDrag *gesture)
{
  g_settings_set_int (self->settings, "claims-width",
                      crb_claims_pane_get_pane_width (self->claims_pane));
}

void
_crb_window_set_page (CrbWindow  *self,
                      const char *name)
{
  gboolean project = g_strcmp0 (name, "project") == 0;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->sidebar_button, project);
  gtk_widget_set_visible (self->articles_button, project);
  gtk_widget_set_visible (self->export_button, project);
  gtk_widget_set_visible (self->undo_box, project);
  gtk_widget_set_visible (self->open_button, !project);
  update_claims_button (self);
  _crb_window_update_actions (self);
}

/* A story's pending claims as the window shows them: in a team project,
 * the reviewer's view (which loads the story), not the file's decisions.
 */
static guint
count_pending (CrbProject *project,
               CrbStory   *story)
{
  guint counts[CRB_N_DECISION_STATUSES];

  if (project != NULL && crb_project_team_count_story (project, story, counts, NULL))
    return counts[CRB_DECISION_STATUS_PENDING];
  return crb_story_count_status (story, CRB_DECISION_STATUS_PENDING);
}

static void
update_story_row (GtkListItem *item)
{
  CrbStory *story = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *bar = gtk_widget_get_next_sibling (title);
  GtkWidget *caption = gtk_widget_get_next_sibling (bar);
  guint n = crb_story_get_n_claims (story);
  guint pending = count_pending (g_object_get_data (G_OBJECT (item), "crb-project"), story);
  g_autofree char *text = NULL;

  gtk_label_set_label (GTK_LABEL (title), crb_story_get_title (story));
  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), n ? (double) (n - pending) / n : 0.0);
  {
    guint n_articles = crb_story_get_n_articles (story);
    /* Translators: progress of a story: "12 of 80 reviewed" */
    g_autofree char *reviewed = g_strdup_printf (_("%u of %u reviewed"), n - pending, n);
    g_autofree char *articles = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles",
                                                              n_articles), n_articles);

    text = g_strdup_printf ("%s · %s", reviewed, articles);
  }
  gtk_label_set_label (GTK_LABEL (caption), text);
}

static void
on_story_row_claim_decided_cb (GtkListItem *item,
                               CrbClaim    *claim)
{
  CrbStory *story = gtk_list_item_get_item (item);

  if (story != NULL && crb_story_lookup_claim (story, crb_claim_get_id (claim)) == claim)
    update_story_row (item);
}

static void
story_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *caption = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (caption), 0.0);
  gtk_label_set_ellipsize (GTK_LABEL (caption), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (caption, "caption");
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_list_item_set_child (item, box);
}

static void
story_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               CrbWindow                *self)
{
  gulong id;

  g_object_set_data (G_OBJECT (item), "crb-project", self->project);
  update_story_row (item);
  id = g_signal_connect_swapped (self->project, "claim-decided",
                                 G_CALLBACK (on_story_row_claim_decided_cb), item);
  g_object_set_data (G_OBJECT (item), "crb-decided-id", GSIZE_TO_POINTER (id));
}

static void
story_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 CrbWindow                *self)
{
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "crb-decided-id"));

  if (id != 0 && self->project != NULL)
    g_signal_handler_disconnect (self->project, id);
  g_object_set_data (G_OBJECT (item), "crb-decided-id", NULL);
  g_object_set_data (G_OBJECT (item), "crb-project", NULL);
}

static void
on_story_selected_cb (CrbWindow *self)
{
  CrbStory *story = gtk_single_selection_get_selected_item (self->story_selection);

  if (story != NULL && story != self->story)
    show_story (self, story);
}

static void
clear_story (CrbWindow *self)
{
  if (self->claim_filter_model != NULL)
    gtk_filter_list_model_set_model (self->claim_filter_model, NULL);
  crb_claim_panel_set_claim (self->claim_panel, NULL, NULL);
  g_clear_object (&self->hidden_claim);
  g_clear_object (&self->story);
  g_clear_pointer (&self->badges, g_hash_table_unref);
  if (self->shown_articles != NULL)
    _crb_window_columns_show_story (self);
}

static void
show_story (CrbWindow *self,
            CrbStory  *story)
{
  g_autoptr (GError) error = NULL;
  CrbClaim *first;

  if (!crb_story_ensure_loaded (story, &error))
    {
      _crb_window_show_error (self, _("This Story Cannot Be Shown"), error->message);
      return;
    }

  /* A mark for linking belongs to the story it was made in. */
  g_clear_pointer (&self->link_mark, g_free);

  /* The columns stay, to be filled with the new story's articles in view.
   * Until the new story's first claim is selected, the columns and the
   * panel do not follow the selection.
   */
  self->switching = TRUE;
  gtk_filter_list_model_set_model (self->claim_filter_model, NULL);
  g_clear_object (&self->story);
  g_clear_object (&self->hidden_claim);
  g_clear_pointer (&self->badges, g_hash_table_unref);
  self->story = g_object_ref (story);

  /* Columns are made for the articles in view only. */
  _crb_window_columns_show_story (self);
  _crb_window_update_standings (self);
  _crb_window_focus_review (self);

  _crb_window_update_badges (self);
  gtk_filter_list_model_set_model (self->claim_filter_model, crb_story_get_claims (story));
  gtk_single_selection_set_selected (self->claim_selection, GTK_INVALID_LIST_POSITION);

  /* The first key press works at once: the first pending claim is selected.
   * The columns and the panel follow once, below, not on each change of
   * the selection.
   */
  first = _crb_window_next_pending (self, NULL, TRUE);
  if (first == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->claim_selection)) > 0)
    gtk_single_selection_set_selected (self->claim_selection, 0);
  else
    _crb_window_select (self, first);
  self->switching = FALSE;
  _crb_window_claim_selected (self);
}

/* What the aligner says of @claim, for its row in the list ("3 outlets ·
 * 1 conflict"), computed when first asked in the story.
 */
const char *
_crb_window_get_badges (CrbWindow *self,
                        CrbClaim  *claim)
{
  const char *badges;

  if (self->badges == NULL || self->story == NULL)
    return NULL;

  badges = g_hash_table_lookup (self->badges, crb_claim_get_id (claim));
  if (badges == NULL)
    {
      char *text = crb_explain_alignment (self->story, claim, TRUE);

      g_hash_table_insert (self->badges, g_strdup (crb_claim_get_id (claim)), text);
      badges = text;
    }
  return badges;
}

void
_crb_window_update_title (CrbWindow *self)
{
  g_autofree char *subtitle = NULL;
  guint n = 0, pending = 0;
  GListModel *stories;

  if (self->project == NULL)
    {
      adw_window_title_set_title (self->window_title, _("Corroborate"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Corroborate"));
      return;
    }

  stories = crb_project_get_stories (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);

      n += crb_story_get_n_claims (story);
      /* A team project's subtitle is the reviewer's (crb-window-team.c). */
      pending += crb_story_count_status (story, CRB_DECISION_STATUS_PENDING);
    }

  /* Only what is not yet on disk counts as unsaved: decisions are in the
   * journal within milliseconds, long before the file is rewritten.
   */
  if (crb_project_get_durable_revision (self->project) < crb_project_get_revision (self->project))
    subtitle = g_strdup_printf (_("%u of %u claims reviewed · saving…"), n - pending, n);
  else
    subtitle = g_strdup_printf (_("%u of %u claims reviewed"), n - pending, n);

  adw_window_title_set_title (self->window_title, crb_project_get_title (self->project)
                                                  ? crb_project_get_title (self->project) : _("Untitled Project"));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), crb_project_get_title (self->project));
  _crb_window_team_update_title (self);   /* team review: crb-window-team.c */
}

gboolean
_crb_window_is_read_only (CrbWindow *self)
{
  if (self->project == NULL || crb_project_get_read_only (self->project) == NULL)
    return FALSE;

  /* A team's reviewers write their own files, never the project's: the
   * owner may make the project file read-only for them (docs/team.md).
   */
  return crb_project_team_get_reviews_folder (self->project) == NULL ||
         crb_project_team_is_owner (self->project);
}

/* A project that must not be written opens read-only: a banner says why
 * and offers Save As, after which the copy is the project, writable.
 */
static void
update_read_only (CrbWindow *self)
{
  const char *why = _crb_window_is_read_only (self) ? crb_project_get_read_only (self->project) : NULL;

  if (why != NULL)
    {
      /* Translators: %s says why, from the core: "the file is read-only" */
      g_autofree char *text = g_strdup_printf (_("Opened read-only because %s. Save a copy to review it."), why);

      gtk_label_set_label (self->read_only_label, text);
      crb_claim_panel_cancel (self->claim_panel);
    }
  gtk_revealer_set_reveal_child (self->read_only_banner, why != NULL);
  _crb_window_update_actions (self);
}

static void
on_project_changed_cb (CrbWindow *self)
{
  _crb_window_update_title (self);
  _crb_window_update_actions (self);
  if (crb_project_get_modified (self->project))
    _crb_window_schedule_save (self);
}

static void
on_alignment_changed_cb (CrbWindow *self,
                         CrbStory  *story)
{
  if (story != self->story)
    return;

  _crb_window_update_badges (self);
  _crb_window_update_standings (self);
  _crb_window_columns_update_note (self);
  crb_claim_panel_refresh (self->claim_panel);
  _crb_window_claim_selected (self);
  gtk_filter_changed (GTK_FILTER (self->claim_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_claim_decided_cb (CrbWindow *self,
                     CrbClaim  *claim)
{
  CrbArticleView *view = _crb_window_view_for_article (self, crb_claim_get_article_id (claim));

  if (view != NULL)
    crb_article_view_update_claim (view, claim);
}

/* Decisions other programs (the CLI, another window) make on the project
 * reach this window through the journal, within half a second.
 */
static gboolean
refresh_cb (gpointer user_data)
{
  CrbWindow *self = user_data;

  if (self->project != NULL && !self->busy)
    crb_project_refresh (self->project);
  return G_SOURCE_CONTINUE;
}

/* Shows @project, or the empty state for %NULL. */
void
_crb_window_set_project (CrbWindow  *self,
                         CrbProject *project)
{
  GtkSignalListItemFactory *factory;

  clear_story (self);
  g_clear_object (&self->monitor);
  gtk_list_view_set_model (self->story_list, NULL);
  gtk_list_view_set_factory (self->story_list, NULL);
  g_clear_object (&self->story_selection);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  update_read_only (self);
  if (project == NULL)
    {
      _crb_window_set_page (self, "empty");
      _crb_window_update_title (self);
      return;
    }

  /* Undo and redo take back this window's steps, not the CLI's. */
  crb_project_set_writer (project, "app");
  _crb_window_team_project_set (self);   /* team review: the reviewer (crb-window-team.c) */
  self->refresh_source = g_timeout_add (500, refresh_cb, self);

  g_signal_connect_object (project, "notify::revision", G_CALLBACK (on_project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::durable-revision", G_CALLBACK (_crb_window_update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "claim-decided", G_CALLBACK (on_claim_decided_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "alignment-changed", G_CALLBACK (on_alignment_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "article-changed", G_CALLBACK (_crb_window_article_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::read-only", G_CALLBACK (update_read_only), self, G_CONNECT_SWAPPED);

  factory = GTK_SIGNAL_LIST_ITEM_FACTORY (gtk_signal_list_item_factory_new ());
  g_signal_connect (factory, "setup", G_CALLBACK (story_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (story_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (story_unbind_cb), self);
  gtk_list_view_set_factory (self->story_list, GTK_LIST_ITEM_FACTORY (factory));
  g_object_unref (factory);

  self->story_selection = gtk_single_selection_new (g_object_ref (crb_project_get_stories (project)));
  gtk_single_selection_set_autoselect (self->story_selection, TRUE);
  g_signal_connect_object (self->story_selection, "notify::selected",
                           G_CALLBACK (on_story_selected_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->story_list, GTK_SELECTION_MODEL (self->story_selection));

  /* One story needs no sidebar. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->sidebar_button),
                                g_list_model_get_n_items (crb_project_get_stories (project)) > 1);

  _crb_window_watch_file (self);

  _crb_window_set_page (self, "project");
  if (gtk_single_selection_get_selected_item (self->story_selection) != NULL)
    show_story (self, gtk_single_selection_get_selected_item (self->story_selection));
  _crb_window_update_title (self);
  _crb_window_update_actions (self);
}

static gboolean
crb_window_close_request (GtkWindow *window)
{
  CrbWindow *self = CRB_WINDOW (window);

  if (!gtk_window_is_maximized (window))
    {
      int width, height;

      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_set_boolean (self->settings, "window-maximized", gtk_window_is_maximized (window));

  if (self->busy && self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);

  /* Closing never loses work: write the file first. */
  if (self->project != NULL && crb_project_get_file (self->project) != NULL &&
      (crb_project_get_modified (self->project) || self->saving))
    {
      if (self->closing)
        return TRUE;
      self->closing = TRUE;
      _crb_window_save_now (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (crb_window_parent_class)->close_request (window);
}

static void
crb_window_dispose (GObject *object)
{
  CrbWindow *self = (CrbWindow *) object;

  g_cancellable_cancel (self->cancellable);
  if (self->import_cancellable)
    g_cancellable_cancel (self->import_cancellable);
  g_clear_handle_id (&self->save_source, g_source_remove);
  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_handle_id (&self->monitor_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  clear_story (self);
  _crb_window_columns_dispose (self);
  _crb_window_decide_dispose (self);
  _crb_window_review_dispose (self);
  if (self->project != NULL)
    {
      crb_project_sync_journal (self->project, NULL);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  gtk_list_view_set_model (self->story_list, NULL);
  g_clear_object (&self->story_selection);
  g_clear_object (&self->project);
  g_clear_object (&self->monitor);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_pointer (&self->recent_rows, g_ptr_array_unref);
  g_clear_pointer (&self->columns, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), CRB_TYPE_WINDOW);

  G_OBJECT_CLASS (crb_window_parent_class)->dispose (object);
}

static void
crb_window_finalize (GObject *object)
{
  CrbWindow *self = (CrbWindow *) object;

  g_free (self->disk_stamp);
  g_free (self->link_mark);

  G_OBJECT_CLASS (crb_window_parent_class)->finalize (object);
}

static const char * const filter_names[] = {
  "all", "pending", "confirmed", "corrected", "rejected", "contested",
};

static const char * const order_names[] = { "story", "score", "contested" };

static int
name_index (const char * const *names,
            guint               n_names,
            const char         *name)
{
  for (guint i = 0; i < n_names; i++)
    if (g_strcmp0 (names[i], name) == 0)
      return (int) i;
  return -1;
}

static void
crb_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CrbWindow *self = CRB_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLAIM_FILTER:
      g_value_set_string (value, filter_names[self->claim_filter_kind]);
      break;
    case PROP_CLAIM_ORDER:
      g_value_set_string (value, order_names[self->claim_order]);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CrbWindow *self = CRB_WINDOW (object);
  int index;

  switch (prop_id)
    {
    case PROP_CLAIM_FILTER:
      index = name_index (filter_names, G_N_ELEMENTS (filter_names), g_value_get_string (value));
      if (index < 0 || (CrbClaimFilter) index == self->claim_filter_kind)
        return;
      self->claim_filter_kind = index;
      _crb_window_refilter (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    case PROP_CLAIM_ORDER:
      index = name_index (order_names, G_N_ELEMENTS (order_names), g_value_get_string (value));
      if (index < 0 || (CrbClaimOrder) index == self->claim_order)
        return;
      self->claim_order = index;
      _crb_window_resort (self);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_window_class_init (CrbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crb_window_dispose;
  object_class->finalize = crb_window_finalize;
  object_class->get_property = crb_window_get_property;
  object_class->set_property = crb_window_set_property;
  window_class->close_request = crb_window_close_request;

  g_type_ensure (CRB_TYPE_ARTICLE_COLUMNS);
  g_type_ensure (CRB_TYPE_CLAIM_PANEL);
  g_type_ensure (CRB_TYPE_CLAIMS_PANE);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/corroborate/Corroborate/ui/crb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, read_only_banner);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, read_only_label);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, sidebar_button);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, open_button);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, articles_button);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, articles_menu_box);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, export_button);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, undo_box);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, recent_group);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, story_list);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claims_flap);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claims_button);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, articles_toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, note_banner);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, note_label);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, note_details);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, articles_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, articles_box);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claims_handle);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claims_pane);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claim_panel);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, filter_button);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claims_stack);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, no_match_page);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claim_list);

  /**
   * CrbWindow:claim-filter:
   *
   * Which claims the list shows: "all", "pending", "confirmed",
   * "corrected", "rejected" or "contested" (win.claim-filter).
   */
  properties[PROP_CLAIM_FILTER] =
    g_param_spec_string ("claim-filter", NULL, NULL, "all",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  /**
   * CrbWindow:claim-order:
   *
   * The order of the list: "story", "score" or "contested"
   * (win.claim-order).
   */
  properties[PROP_CLAIM_ORDER] =
    g_param_spec_string ("claim-order", NULL, NULL, "story",
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _crb_window_class_actions_init (widget_class);
  _crb_window_class_team_init (widget_class);   /* team review: win.adjudicate */
  _crb_window_class_columns_init (widget_class);
}

static void
crb_window_init (CrbWindow *self)
{
  GtkGesture *drag;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->recent_rows = g_ptr_array_new ();
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  /* The articles are never narrower than one readable column: below that
   * the claims pane folds over them.
   */
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (self->articles_scroller),
                                             crb_article_columns_get_min_column_width (self->articles_box));
  crb_claims_pane_set_pane_width (self->claims_pane,
                                  MAX (CRB_CLAIMS_MIN_WIDTH, g_settings_get_int (self->settings,
                                                                                 "claims-width")));
  drag = gtk_gesture_drag_new ();
  g_signal_connect_swapped (drag, "drag-begin", G_CALLBACK (on_handle_drag_begin_cb), self);
  g_signal_connect_swapped (drag, "drag-update", G_CALLBACK (on_handle_drag_update_cb), self);
  g_signal_connect_swapped (drag, "drag-end", G_CALLBACK (on_handle_drag_end_cb), self);
  gtk_widget_add_controller (self->claims_handle, GTK_EVENT_CONTROLLER (drag));
  gtk_widget_set_cursor_from_name (self->claims_handle, "col-resize");
  g_signal_connect_object (self->claims_flap, "notify::folded", G_CALLBACK (update_claims_button),
                           self, G_CONNECT_SWAPPED);

  _crb_window_columns_init (self);
  _crb_window_review_init (self);
  _crb_window_decide_init (self);
  _crb_window_actions_init (self);
  _crb_window_open_init (self);
  _crb_window_import_init (self);

  _crb_window_set_page (self, "empty");
  _crb_window_update_title (self);
}

CrbWindow *
crb_window_new (CrbApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (CRB_TYPE_WINDOW, "application", application, NULL);
}

/**
 * crb_window_get_project:
 *
 * Returns: (transfer none) (nullable): the project shown
 */
CrbProject *
crb_window_get_project (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), NULL);
  return self->project;
}

/**
 * crb_window_get_story:
 *
 * Returns: (transfer none) (nullable): the story shown
 */
CrbStory *
crb_window_get_story (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), NULL);
  return self->story;
}

/**
 * crb_window_get_claim:
 *
 * Returns: (transfer none) (nullable): the selected claim
 */
CrbClaim *
crb_window_get_claim (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), NULL);
  return _crb_window_get_current_claim (self);
}

/**
 * crb_window_get_link_mark:
 *
 * Returns: (nullable): the id of the claim marked for linking with L
 */
const char *
crb_window_get_link_mark (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), NULL);
  return self->link_mark;
}

gboolean
crb_window_is_busy (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), FALSE);
  return self->busy;
}

const char *
crb_window_get_page (CrbWindow *self)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * crb_window_select_story:
 *
 * Shows @story, a story of the window's project.
 */
void
crb_window_select_story (CrbWindow *self,
                         CrbStory  *story)
{
  GListModel *stories;

  g_return_if_fail (CRB_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  stories = crb_project_get_stories (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) item = g_list_model_get_item (stories, i);

      if (item == story)
        {
          gtk_single_selection_set_selected (self->story_selection, i);
          if (self->story != story)
            show_story (self, story);
          return;
        }
    }
}

/**
 * crb_window_select_claim:
 *
 * Shows the claim with @claim_id, switching stories if needed.
 */
void
crb_window_select_claim (CrbWindow  *self,
                         const char *claim_id)
{
  g_autoptr (GError) error = NULL;
  CrbStory *story = NULL;
  CrbClaim *claim;

  g_return_if_fail (CRB_IS_WINDOW (self));

  if (self->project == NULL)
    return;

  claim = crb_project_find_claim (self->project, claim_id, &story, &error);
  if (claim == NULL)
    return;

  if (story != self->story)
    crb_window_select_story (self, story);
  _crb_window_select (self, claim);
}

/**
 * crb_window_get_article_view:
 *
 * Returns: (transfer none) (nullable): the column showing @article_id, or
 *   %NULL when it is out of view (columns are made for the articles in
 *   view only)
 */
GtkWidget *
crb_window_get_article_view (CrbWindow  *self,
                             const char *article_id)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), NULL);
  return GTK_WIDGET (_crb_window_view_for_article (self, article_id));
}

