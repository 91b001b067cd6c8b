/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-article-view.h"
#include "crb-claim-panel.h"
#include "crb-error.h"
#include "crb-export-dialog.h"
#include "crb-import.h"
#include "crb-stats-window.h"
#include "crb-utils.h"
#include "crb-window.h"

/*
 * The main window: the stories of a project in a sidebar, the articles of
 * the current story side by side, the selected claim and the story's claims
 * on the right.  The review loop runs from the keyboard (see
 * gtk/help-overlay.ui); every decision goes through the core, which journals
 * it at once, and the project file is rewritten in the background shortly
 * after.
 */

struct _CrbWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkWidget            *sidebar_button;
  GtkWidget            *open_button;
  GtkWidget            *articles_button;
  GtkWidget            *articles_menu_box;
  GtkWidget            *export_button;
  GtkWidget            *undo_box;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwPreferencesGroup  *recent_group;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *progress_bar;
  AdwFlap              *flap;
  GtkListView          *story_list;
  GtkWidget            *articles_scroller;
  GtkWidget            *articles_box;
  CrbClaimPanel        *claim_panel;
  GtkSearchEntry       *search_entry;
  GtkDropDown          *status_dropdown;
  GtkDropDown          *sort_dropdown;
  GtkGridView          *claim_list;

  /* owned */
  GSettings            *settings;
  GCancellable         *cancellable;
  GCancellable         *import_cancellable;
  CrbProject           *project;
  CrbStory             *story;
  GtkSingleSelection   *story_selection;
  GtkFilterListModel   *claim_filter_model;
  GtkCustomFilter      *claim_filter;
  GtkSortListModel     *claim_sort_model;
  GtkCustomSorter      *claim_sorter;
  GtkSingleSelection   *claim_selection;
  GPtrArray            *columns;      /* Column, the pool; the first n_columns show the story */
  GPtrArray            *recent_rows;
  GFileMonitor         *monitor;
  GHashTable           *badges;       /* claim id → "3 outlets · conflicts with 1" */
  char                 *disk_stamp;
  char                 *link_mark;    /* claim marked with L, to link to another */

  /* state */
  guint                 save_source;
  guint                 progress_source;
  guint                 monitor_source;
  guint                 refresh_source;
  gboolean              saving;
  gboolean              save_again;
  gboolean              closing;
  gboolean              busy;
  gboolean              switching;
  guint                 import_done;
  guint                 import_total;
  guint                 n_columns;
};

/* An article column with its separator and its check in the "Shown
 * Articles" menu.  Columns are made when a story needs more than were made
 * before and are reused from story to story: building ten text views anew
 * was the largest part of switching stories.
 */
typedef struct
{
  CrbArticleView *view;
  GtkWidget      *separator;
  GtkWidget      *check;
} Column;

G_DEFINE_FINAL_TYPE (CrbWindow, crb_window, ADW_TYPE_APPLICATION_WINDOW)

static void update_title (CrbWindow *self);
static void update_actions (CrbWindow *self);
static void show_story (CrbWindow *self, CrbStory *story);
static void save_now (CrbWindow *self);

/* ---------- helpers ---------- */

static CrbApplication *
get_app (CrbWindow *self)
{
  return CRB_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static void
show_error (CrbWindow  *self,
            const char *heading,
            const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (CrbWindow  *self,
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
  adw_toast_overlay_add_toast (self->toast_overlay, t);
}

static char *
ellipsize (const char *text,
           guint       max_chars)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);

  return g_strconcat (g_utf8_substring (flat, 0, max_chars - 1), "…", NULL);
}

static char *
file_stamp (GFile *file)
{
  g_autoptr (GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return g_strdup ("missing");

  return g_strdup_printf ("%s/%" G_GOFFSET_FORMAT, g_file_info_get_etag (info),
                          g_file_info_get_size (info));
}

static void
set_page (CrbWindow  *self,
          const char *name)
{
  gboolean project = g_strcmp0 (name, "project") == 0;

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_widget_set_visible (self->sidebar_button, project);
  gtk_widget_set_visible (self->articles_button, project);
  gtk_widget_set_visible (self->export_button, project);
  gtk_widget_set_visible (self->undo_box, project);
  gtk_widget_set_visible (self->open_button, !project);
  update_actions (self);
}

/* ---------- the claims of the current story ---------- */

static CrbClaim *
current_claim (CrbWindow *self)
{
  if (self->claim_selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->claim_selection);
}

static guint
claim_position (CrbWindow *self,
                CrbClaim  *claim)
{
  GListModel *model = G_LIST_MODEL (self->claim_selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrbClaim) item = g_list_model_get_item (model, i);
      if (item == claim)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

/* The next pending claim after @from in list order, wrapping around. */
static CrbClaim *
next_pending (CrbWindow *self,
              CrbClaim  *from,
              gboolean   include_from)
{
  GListModel *model = G_LIST_MODEL (self->claim_selection);
  guint n = g_list_model_get_n_items (model);
  guint start = from ? claim_position (self, from) : GTK_INVALID_LIST_POSITION;

  guint k0 = include_from ? 0 : 1;

  if (n == 0)
    return NULL;
  if (start == GTK_INVALID_LIST_POSITION)
    {
      /* From the top. */
      start = n - 1;
      k0 = 1;
    }

  for (guint k = k0; k <= n; k++)
    {
      g_autoptr (CrbClaim) item = g_list_model_get_item (model, (start + k) % n);

      if (crb_claim_get_status (item) == CRB_DECISION_STATUS_PENDING && (item != from || include_from))
        return item;
    }

  return NULL;
}

static void
select_claim (CrbWindow *self,
              CrbClaim  *claim)
{
  guint position;

  if (claim == NULL || self->claim_selection == NULL)
    return;

  position = claim_position (self, claim);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Hidden by the filters: show everything rather than lose it. */
      gtk_drop_down_set_selected (self->status_dropdown, 0);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      position = claim_position (self, claim);
    }

  if (position != GTK_INVALID_LIST_POSITION)
    {
      gtk_single_selection_set_selected (self->claim_selection, position);
      gtk_widget_activate_action (GTK_WIDGET (self->claim_list), "list.scroll-to-item", "u", position);
    }
}

static gboolean
claim_filter_func (gpointer item,
                   gpointer user_data)
{
  CrbWindow *self = user_data;
  CrbClaim *claim = item;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (status == 5)
    {
      if (self->story == NULL ||
          crb_alignment_contest_score (crb_story_get_alignment (self->story), self->story,
                                       crb_claim_get_id (claim)) <= 0.0)
        return FALSE;
    }
  else if (status > 0 && crb_claim_get_status (claim) != status - 1)
    return FALSE;

  if (search != NULL && *search != '\0')
    {
      g_autofree char *needle = g_utf8_casefold (search, -1);
      g_autofree char *hay = g_utf8_casefold (crb_claim_get_final_text (claim), -1);

      if (strstr (hay, needle) == NULL)
        return FALSE;
    }

  return TRUE;
}

static int
claim_sort_func (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  CrbWindow *self = user_data;
  double sa, sb;

  /* "In order" keeps the story's order: the sorter then says equal. */
  switch (gtk_drop_down_get_selected (self->sort_dropdown))
    {
    case 1:
      sa = crb_claim_get_score ((CrbClaim *) a);
      sb = crb_claim_get_score ((CrbClaim *) b);
      break;
    case 2:
      if (self->story == NULL)
        return 0;
      sa = crb_alignment_contest_score (crb_story_get_alignment (self->story), self->story,
                                        crb_claim_get_id ((CrbClaim *) a));
      sb = crb_alignment_contest_score (crb_story_get_alignment (self->story), self->story,
                                        crb_claim_get_id ((CrbClaim *) b));
      break;
    default:
      return 0;
    }

  return (sa < sb) - (sa > sb);
}

static void
refilter (CrbWindow *self)
{
  CrbClaim *claim = current_claim (self);
  g_autoptr (CrbClaim) keep = claim ? g_object_ref (claim) : NULL;

  gtk_filter_changed (GTK_FILTER (self->claim_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (keep != NULL && claim_position (self, keep) != GTK_INVALID_LIST_POSITION)
    select_claim (self, keep);
}

static void
on_filters_changed_cb (CrbWindow *self)
{
  refilter (self);
}

static void
on_sort_changed_cb (CrbWindow *self)
{
  CrbClaim *claim = current_claim (self);
  g_autoptr (CrbClaim) keep = claim ? g_object_ref (claim) : NULL;

  gtk_sorter_changed (GTK_SORTER (self->claim_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  if (keep != NULL)
    select_claim (self, keep);
}

static CrbArticleView *
column_view (CrbWindow *self,
             guint      i)
{
  return ((Column *) g_ptr_array_index (self->columns, i))->view;
}

static CrbArticleView *
view_for_article (CrbWindow  *self,
                  const char *article_id)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      CrbArticleView *view = column_view (self, i);

      if (g_strcmp0 (crb_article_get_id (crb_article_view_get_article (view)), article_id) == 0)
        return view;
    }

  return NULL;
}

static void
scroll_to_view (CrbWindow *self,
                GtkWidget *view)
{
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->articles_scroller));
  graphene_point_t point;
  double x, width, value, page;

  if (!gtk_widget_get_visible (view) ||
      !gtk_widget_compute_point (view, self->articles_box, &GRAPHENE_POINT_INIT (0, 0), &point))
    return;

  x = point.x;
  width = gtk_widget_get_width (view);
  value = gtk_adjustment_get_value (hadj);
  page = gtk_adjustment_get_page_size (hadj);

  if (x < value)
    gtk_adjustment_set_value (hadj, x);
  else if (x + width > value + page)
    gtk_adjustment_set_value (hadj, MAX (0, x + width - page));
}

static void
on_claim_selected_cb (CrbWindow *self)
{
  CrbClaim *claim = current_claim (self);

  if (self->switching)
    return;
  CrbArticleView *view = NULL;

  crb_claim_panel_set_claim (self->claim_panel, claim, self->story);

  for (guint i = 0; i < self->n_columns; i++)
    {
      crb_article_view_select_claim (column_view (self, i), claim);
      crb_article_view_mark_links (column_view (self, i),
                                   self->story ? crb_story_get_alignment (self->story) : NULL, claim);
    }

  if (claim != NULL && (view = view_for_article (self, crb_claim_get_article_id (claim))))
    scroll_to_view (self, GTK_WIDGET (view));

  update_actions (self);
}

static void
on_claim_activated_cb (CrbWindow      *self,
                       CrbClaim       *claim,
                       CrbArticleView *view)
{
  select_claim (self, claim);
}

static void
on_link_requested_cb (CrbWindow      *self,
                      CrbClaim       *claim,
                      int             relation,
                      CrbArticleView *view)
{
  CrbClaim *current = current_claim (self);
  g_autoptr (GError) error = NULL;

  if (current == NULL || current == claim)
    return;

  if (!crb_project_link (self->project, crb_claim_get_id (current), crb_claim_get_id (claim), relation, &error))
    {
      show_error (self, _("The Claims Could Not Be Linked"), error->message);
      return;
    }

  toast (self, relation == CRB_RELATION_CONFLICTS ? _("Linked as conflicting") : _("Linked as agreeing"), NULL);
}

static const char *
status_icon (CrbDecisionStatus status)
{
  static const char * const icons[] = {
    "media-record-symbolic", "object-select-symbolic", "document-edit-symbolic", "window-close-symbolic",
  };

  return icons[status];
}

static void
update_claim_row (GtkListItem *item)
{
  static const char * const names[] = { N_("Pending"), N_("Confirmed"), N_("Corrected"), N_("Rejected") };
  static const char * const classes[] = { "crb-pending", "crb-confirmed", "crb-corrected", "crb-rejected" };
  CrbWindow *self = g_object_get_data (G_OBJECT (item), "crb-window");
  CrbClaim *claim = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *text = gtk_widget_get_first_child (texts);
  GtkWidget *meta = gtk_widget_get_next_sibling (text);
  CrbDecisionStatus status = crb_claim_get_status (claim);
  guint old_status = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (box), "crb-status"));
  const char *badges = self && self->badges ? g_hash_table_lookup (self->badges, crb_claim_get_id (claim)) : NULL;
  g_autofree char *caption = NULL;
  g_autofree char *label = NULL;

  /* Rows are bound by the hundred when a story opens: change only what
   * differs (a CSS class change restyles the row).
   */
  if (old_status != status + 1)
    {
      if (old_status != 0)
        gtk_widget_remove_css_class (box, classes[old_status - 1]);
      gtk_widget_add_css_class (box, classes[status]);
      /* No tooltip: gtk_widget_set_tooltip_text() costs about a millisecond
       * in GTK 4.8, and rows are bound by the hundred.  The row's accessible
       * label names the status.
       */
      gtk_image_set_from_icon_name (GTK_IMAGE (icon), status_icon (status));
      g_object_set_data (G_OBJECT (box), "crb-status", GUINT_TO_POINTER (status + 1));
    }

  gtk_inscription_set_text (GTK_INSCRIPTION (text), crb_claim_get_final_text (claim));
  caption = g_strdup_printf ("%s · %s · %s", crb_claim_get_article_id (claim),
                             crb_claim_get_kind (claim), badges ? badges : "");
  gtk_inscription_set_text (GTK_INSCRIPTION (meta), caption);

  label = g_strdup_printf ("%s: %s", _(names[status]), crb_claim_get_final_text (claim));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* What the aligner says of each claim, computed once per story. */
static void
update_badges (CrbWindow *self)
{
  GListModel *claims;

  g_clear_pointer (&self->badges, g_hash_table_unref);
  if (self->story == NULL)
    return;

  self->badges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  claims = crb_story_get_claims (self->story);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, i);

      g_hash_table_insert (self->badges, g_strdup (crb_claim_get_id (claim)),
                           crb_claim_panel_describe_alignment (self->story, claim));
    }
}

static void
claim_setup_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text = gtk_inscription_new (NULL);
  GtkWidget *meta = gtk_inscription_new (NULL);

  gtk_widget_add_css_class (box, "crb-claim-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "crb-status-icon");
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (text), 2);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (text), 2);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (text), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (meta), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (texts), meta);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
claim_bind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  CrbClaim *claim = gtk_list_item_get_item (item);
  gulong id;

  g_object_set_data (G_OBJECT (item), "crb-window", user_data);
  update_claim_row (item);
  id = g_signal_connect_swapped (claim, "notify::decision", G_CALLBACK (update_claim_row), item);
  g_object_set_data (G_OBJECT (item), "crb-notify-id", GSIZE_TO_POINTER (id));
}

static void
claim_unbind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  CrbClaim *claim = gtk_list_item_get_item (item);
  gulong id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (item), "crb-notify-id"));

  if (id != 0)
    g_signal_handler_disconnect (claim, id);
  g_object_set_data (G_OBJECT (item), "crb-notify-id", NULL);
}

/* ---------- stories ---------- */

static void
update_story_row (GtkListItem *item)
{
  CrbStory *story = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *bar = gtk_widget_get_next_sibling (title);
  GtkWidget *caption = gtk_widget_get_next_sibling (bar);
  guint n = crb_story_get_n_claims (story);
  guint pending = crb_story_count_status (story, CRB_DECISION_STATUS_PENDING);
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
}

static void
on_story_selected_cb (CrbWindow *self)
{
  CrbStory *story = gtk_single_selection_get_selected_item (self->story_selection);

  if (story != NULL && story != self->story)
    show_story (self, story);
}

/* Hides the columns from @first on and lets go of their articles. */
static void
hide_columns (CrbWindow *self,
              guint      first)
{
  for (guint i = first; self->columns && i < self->n_columns; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      crb_article_view_set_article (column->view, NULL, NULL);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (column->check), FALSE);
      gtk_widget_set_visible (column->check, FALSE);
      if (column->separator != NULL)
        gtk_widget_set_visible (column->separator, FALSE);
    }

  self->n_columns = MIN (self->n_columns, first);
}

static Column *
get_column (CrbWindow *self,
            guint      i)
{
  Column *column;

  if (i < self->columns->len)
    return g_ptr_array_index (self->columns, i);

  column = g_new0 (Column, 1);
  column->view = CRB_ARTICLE_VIEW (crb_article_view_new (NULL));
  g_signal_connect_object (column->view, "claim-activated", G_CALLBACK (on_claim_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (column->view, "link-requested", G_CALLBACK (on_link_requested_cb),
                           self, G_CONNECT_SWAPPED);
  if (i > 0)
    {
      column->separator = gtk_separator_new (GTK_ORIENTATION_VERTICAL);
      gtk_box_append (GTK_BOX (self->articles_box), column->separator);
    }
  gtk_box_append (GTK_BOX (self->articles_box), GTK_WIDGET (column->view));

  column->check = gtk_check_button_new ();
  g_object_bind_property (column->check, "active", column->view, "visible",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_box_append (GTK_BOX (self->articles_menu_box), column->check);

  g_ptr_array_add (self->columns, column);
  return column;
}

static void
clear_story (CrbWindow *self)
{
  hide_columns (self, 0);
  if (self->claim_filter_model != NULL)
    gtk_filter_list_model_set_model (self->claim_filter_model, NULL);
  crb_claim_panel_set_claim (self->claim_panel, NULL, NULL);
  g_clear_object (&self->story);
  g_clear_pointer (&self->badges, g_hash_table_unref);
}

static void
show_story (CrbWindow *self,
            CrbStory  *story)
{
  g_autoptr (GError) error = NULL;
  GListModel *articles;
  guint n_articles;
  CrbClaim *first;

  if (!crb_story_ensure_loaded (story, &error))
    {
      show_error (self, _("This Story Cannot Be Shown"), error->message);
      return;
    }

  /* A mark for linking belongs to the story it was made in. */
  g_clear_pointer (&self->link_mark, g_free);

  /* The columns stay: clear_story() would hide them only to show them
   * again.  Until the new story's first claim is selected, the columns and
   * the panel do not follow the selection.
   */
  self->switching = TRUE;
  gtk_filter_list_model_set_model (self->claim_filter_model, NULL);
  g_clear_object (&self->story);
  g_clear_pointer (&self->badges, g_hash_table_unref);
  self->story = g_object_ref (story);

  articles = crb_story_get_articles (story);
  n_articles = g_list_model_get_n_items (articles);
  hide_columns (self, n_articles);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr (CrbArticle) article = g_list_model_get_item (articles, i);
      g_autoptr (GPtrArray) claims = crb_story_dup_article_claims (story, crb_article_get_id (article));
      Column *column = get_column (self, i);
      const char *outlet = crb_article_get_outlet (article);

      crb_article_view_set_article (column->view, article, claims);
      gtk_check_button_set_label (GTK_CHECK_BUTTON (column->check), outlet ? outlet : crb_article_get_id (article));
      /* A new story shows all of its articles. */
      gtk_check_button_set_active (GTK_CHECK_BUTTON (column->check), TRUE);
      gtk_widget_set_visible (column->check, TRUE);
      if (column->separator != NULL)
        gtk_widget_set_visible (column->separator, TRUE);
    }
  self->n_columns = n_articles;
  gtk_adjustment_set_value (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->articles_scroller)), 0.0);

  update_badges (self);
  gtk_filter_list_model_set_model (self->claim_filter_model, crb_story_get_claims (story));
  gtk_single_selection_set_selected (self->claim_selection, GTK_INVALID_LIST_POSITION);

  /* The first key press works at once: the first pending claim is selected.
   * The columns and the panel follow once, below, not on each change of
   * the selection.
   */
  first = next_pending (self, NULL, TRUE);
  if (first == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->claim_selection)) > 0)
    gtk_single_selection_set_selected (self->claim_selection, 0);
  else
    select_claim (self, first);
  self->switching = FALSE;
  on_claim_selected_cb (self);
}

/* ---------- title and actions ---------- */

static void
update_title (CrbWindow *self)
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
}

static void
update_actions (CrbWindow *self)
{
  gboolean has_project = self->project != NULL && !self->busy;
  gboolean has_claim = has_project && current_claim (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", has_project && crb_project_can_undo (self->project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", has_project && crb_project_can_redo (self->project));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.statistics", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-articles", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-folder", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-project", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.try-sample", !self->busy);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.confirm", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.confirm-all", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.unlink", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.link", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.correct", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.reject", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.reason", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.skip", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.note", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.next", has_project && self->story != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.previous", has_project && self->story != NULL);
}

/* ---------- saving ---------- */

static void
remember_disk_state (CrbWindow *self)
{
  g_free (self->disk_stamp);
  self->disk_stamp = file_stamp (crb_project_get_file (self->project));
}

static gboolean save_timeout_cb (gpointer user_data);

static void
save_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  self->saving = FALSE;
  if (!crb_project_save_finish (CRB_PROJECT (source), result, &error))
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Another program has the project open: every decision is in the
       * journal, and the file is rewritten once this window is alone.
       */
      if (g_error_matches (error, CRB_ERROR, CRB_ERROR_BUSY))
        {
          if (self->closing)
            gtk_window_destroy (GTK_WINDOW (self));
          else
            {
              g_clear_handle_id (&self->save_source, g_source_remove);
              self->save_source = g_timeout_add_seconds (5, save_timeout_cb, self);
            }
          return;
        }

      body = g_strdup_printf (_("%s\n\nEvery decision is kept in the journal and will be restored when the project is opened again."),
                              error->message);
      show_error (self, _("The Project Could Not Be Saved"), body);
      self->closing = FALSE;
      return;
    }

  remember_disk_state (self);
  update_title (self);

  if (self->save_again)
    {
      self->save_again = FALSE;
      save_now (self);
      return;
    }

  if (self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_now (CrbWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->project == NULL || crb_project_get_file (self->project) == NULL)
    return;

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  self->saving = TRUE;
  crb_project_save_async (self->project, NULL, NULL, save_finished_cb, g_object_ref (self));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CrbWindow *self = user_data;

  self->save_source = 0;
  save_now (self);
  return G_SOURCE_REMOVE;
}

/* The journal has every change already; the file follows a moment later. */
static void
schedule_save (CrbWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (1500, save_timeout_cb, self);
}

static void
on_project_changed_cb (CrbWindow *self)
{
  update_title (self);
  update_actions (self);
  if (crb_project_get_modified (self->project))
    schedule_save (self);
}

static void
on_alignment_changed_cb (CrbWindow *self,
                         CrbStory  *story)
{
  if (story != self->story)
    return;

  update_badges (self);
  crb_claim_panel_refresh (self->claim_panel);
  on_claim_selected_cb (self);
  gtk_filter_changed (GTK_FILTER (self->claim_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_claim_decided_cb (CrbWindow *self,
                     CrbClaim  *claim)
{
  CrbArticleView *view = view_for_article (self, crb_claim_get_article_id (claim));

  if (view != NULL)
    crb_article_view_update_claim (view, claim);
}

/* ---------- the file changed on disk ---------- */

static void
on_changed_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CrbWindow        *self)
{
  if (g_strcmp0 (response, "reload") == 0)
    {
      g_autoptr (GFile) file = g_object_ref (crb_project_get_file (self->project));
      crb_window_open_project (self, file);
    }
  else if (g_strcmp0 (response, "overwrite") == 0)
    save_now (self);
}

static gboolean
check_disk_cb (gpointer user_data)
{
  CrbWindow *self = user_data;
  g_autofree char *stamp = NULL;
  GtkWidget *dialog;

  self->monitor_source = 0;
  if (self->project == NULL || self->saving)
    return G_SOURCE_REMOVE;

  stamp = file_stamp (crb_project_get_file (self->project));
  if (g_strcmp0 (stamp, self->disk_stamp) == 0)
    return G_SOURCE_REMOVE;

  /* Ask once per change. */
  g_free (self->disk_stamp);
  self->disk_stamp = g_steal_pointer (&stamp);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Project Changed on Disk"),
                                   _("Another program changed or removed the project file. Reload it to see its changes, or keep what this window shows and save it over the file."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Decide Later"),
                                    "overwrite", _("_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (CrbWindow         *self,
                       GFile             *file,
                       GFile             *other,
                       GFileMonitorEvent  event)
{
  if (self->saving)
    return;

  g_clear_handle_id (&self->monitor_source, g_source_remove);
  self->monitor_source = g_timeout_add (400, check_disk_cb, self);
}

/* ---------- other programs ---------- */

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

/* ---------- setting a project ---------- */

static void
set_project (CrbWindow  *self,
             CrbProject *project)
{
  GtkSignalListItemFactory *factory;
  GFile *file;

  clear_story (self);
  g_clear_object (&self->monitor);
  gtk_list_view_set_model (self->story_list, NULL);
  gtk_list_view_set_factory (self->story_list, NULL);
  g_clear_object (&self->story_selection);
  if (self->project != NULL)
    g_signal_handlers_disconnect_by_data (self->project, self);
  g_set_object (&self->project, project);
  g_clear_handle_id (&self->refresh_source, g_source_remove);

  if (project == NULL)
    {
      set_page (self, "empty");
      update_title (self);
      return;
    }

  /* Undo and redo take back this window's steps, not the CLI's. */
  crb_project_set_writer (project, "app");
  self->refresh_source = g_timeout_add (500, refresh_cb, self);

  g_signal_connect_object (project, "notify::revision", G_CALLBACK (on_project_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "notify::durable-revision", G_CALLBACK (update_title), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "claim-decided", G_CALLBACK (on_claim_decided_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (project, "alignment-changed", G_CALLBACK (on_alignment_changed_cb), self, G_CONNECT_SWAPPED);

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

  file = crb_project_get_file (project);
  if (file != NULL)
    {
      self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
      if (self->monitor != NULL)
        g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb),
                                 self, G_CONNECT_SWAPPED);
      remember_disk_state (self);
      crb_application_add_recent (get_app (self), file);
    }

  set_page (self, "project");
  if (gtk_single_selection_get_selected_item (self->story_selection) != NULL)
    show_story (self, gtk_single_selection_get_selected_item (self->story_selection));
  update_title (self);
  update_actions (self);
}

static void
open_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_load_finish (result, &error);

  self->busy = FALSE;
  if (project == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The Project Could Not Be Opened"), error->message);
      set_page (self, self->project ? "project" : "empty");
      return;
    }

  set_project (self, project);

  if (crb_project_get_n_recovered (project) > 0)
    {
      guint n = crb_project_get_n_recovered (project);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Restored %u decision made before the app stopped",
                                                            "Restored %u decisions made before the app stopped", n), n);
      toast (self, text, NULL);
      schedule_save (self);
    }
}

/* ---------- importing ---------- */

typedef struct
{
  GStrv      paths;
  double     threshold;
  char      *extractor_command;
  GPtrArray *warnings;
  CrbWindow *self;   /* for the progress counters only */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_strfreev (data->paths);
  g_free (data->extractor_command);
  g_ptr_array_unref (data->warnings);
  g_free (data);
}

static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportData *data = user_data;

  g_atomic_int_set (&data->self->import_total, total);
  g_atomic_int_set (&data->self->import_done, done);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  GPtrArray *items;

  items = crb_import_prepare_full ((const char * const *) data->paths, CRB_IMPORT_NONE, data->threshold,
                                   data->extractor_command, 0, data->warnings, import_progress_cb, data,
                                   cancellable, &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  CrbWindow *self = user_data;
  guint done = g_atomic_int_get (&self->import_done);
  guint total = g_atomic_int_get (&self->import_total);
  g_autofree char *text = NULL;

  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, _("Reading files…"));
    }
  else
    {
      /* Translators: "Extracting claims: 3 of 10 articles" */
      text = g_strdup_printf (_("Extracting claims: %u of %u articles"), done, total);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }

  return G_SOURCE_CONTINUE;
}

static GFile *
new_project_file (const char *title)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "corroborate", "projects", NULL);
  g_autofree char *slug = crb_make_slug (title);
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0700);
  path = g_strdup_printf ("%s/%s.crb", dir, slug);
  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/%s-%u.crb", dir, slug, i);
    }

  return g_file_new_for_path (path);
}

static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (CrbProject) created = NULL;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *story_title = g_strdup (g_object_get_data (G_OBJECT (result), "crb-story"));
  CrbProject *project;
  guint n_stories_before;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->import_cancellable);
  self->busy = FALSE;

  if (items == NULL)
    {
      set_page (self, self->project ? "project" : "empty");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, _("The Articles Could Not Be Imported"), error->message);
      else
        toast (self, _("Import cancelled; nothing was added"), NULL);
      return;
    }

  if (story_title == NULL)
    story_title = crb_import_default_story ((const char * const *) data->paths);

  project = self->project;
  if (project == NULL)
    {
      g_autoptr (GFile) file = new_project_file (story_title);

      created = crb_project_new (story_title);
      project = created;
      /* A new project lives in the app's data folder until saved elsewhere. */
      if (!crb_project_save (project, file, NULL, &error))
        {
          show_error (self, _("The Project Could Not Be Created"), error->message);
          set_page (self, "empty");
          return;
        }
    }

  n_stories_before = g_list_model_get_n_items (crb_project_get_stories (project));
  if (!crb_project_import (project, items, story_title, data->threshold, NULL, &error))
    {
      show_error (self, _("The Articles Could Not Be Imported"), error->message);
      set_page (self, self->project ? "project" : "empty");
      return;
    }

  if (created != NULL)
    set_project (self, created);
  else
    set_page (self, "project");
  save_now (self);

  /* Show where the new articles went. */
  {
    GListModel *stories = crb_project_get_stories (project);
    guint n = g_list_model_get_n_items (stories);
    g_autoptr (CrbStory) story = NULL;

    if (n > n_stories_before)
      story = g_list_model_get_item (stories, n_stories_before);
    else
      story = g_object_ref (crb_project_find_story_by_title (project, story_title));
    if (story != NULL)
      crb_window_select_story (self, story);
  }

  if (data->warnings->len > 0)
    {
      g_autoptr (GString) body = g_string_new (NULL);

      for (guint i = 0; i < data->warnings->len; i++)
        g_string_append_printf (body, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (data->warnings, i));
      show_error (self, _("Imported, with Warnings"), body->str);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u article", "Added %u articles",
                                                            items->len), items->len);
      toast (self, text, NULL);
    }
}

/* ---------- actions ---------- */

static CrbDecision *
new_decision (CrbWindow         *self,
              CrbDecisionStatus  status)
{
  CrbDecision *decision = crb_decision_new (status);

  decision->annotator = crb_application_dup_annotator (get_app (self));
  return decision;
}

static void
decide (CrbWindow   *self,
        CrbDecision *decision,
        gboolean     advance)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbClaim) next = NULL;
  g_autofree char *short_text = NULL;
  g_autofree char *message = NULL;

  if (current_claim (self) == NULL)
    return;

  claim = g_object_ref (current_claim (self));
  if (advance && g_settings_get_boolean (self->settings, "auto-advance"))
    {
      CrbClaim *n = next_pending (self, claim, FALSE);
      next = n ? g_object_ref (n) : NULL;
    }

  if (!crb_project_decide (self->project, crb_claim_get_id (claim), decision, &error))
    {
      show_error (self, _("The Decision Could Not Be Recorded"), error->message);
      return;
    }

  refilter (self);
  if (next != NULL)
    select_claim (self, next);
  else if (claim_position (self, claim) != GTK_INVALID_LIST_POSITION)
    select_claim (self, claim);

  short_text = ellipsize (crb_claim_get_final_text (claim), 40);
  switch (decision->status)
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      message = g_strdup_printf (_("Confirmed “%s”"), short_text);
      break;
    case CRB_DECISION_STATUS_CORRECTED:
      message = g_strdup_printf (_("Corrected “%s”"), short_text);
      break;
    case CRB_DECISION_STATUS_REJECTED:
      message = g_strdup_printf (_("Rejected “%s”"), short_text);
      break;
    case CRB_DECISION_STATUS_PENDING:
    default:
      message = NULL;
      break;
    }

  /* Only a note keeps the claim where it is. */
  if (!advance)
    {
      g_free (message);
      message = g_strdup_printf (_("Note saved on “%s”"), short_text);
    }
  toast (self, message, "win.undo");

  if (advance && next == NULL && next_pending (self, NULL, TRUE) == NULL)
    toast (self, _("Every claim of this story is reviewed"), NULL);
}

/* The pending claims of other articles that agree with @claim. */
static GPtrArray *
agreeing_pending (CrbWindow *self,
                  CrbClaim  *claim)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  CrbAlignment *alignment;

  if (self->story == NULL || claim == NULL)
    return ids;

  alignment = crb_story_get_alignment (self->story);
  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      const char *id = crb_claim_get_id (claim);
      const char *other_id = crb_link_other_end (link, id);
      CrbClaim *other = other_id ? crb_story_lookup_claim (self->story, other_id) : NULL;

      if (other != NULL && link->relation == CRB_RELATION_AGREES &&
          crb_claim_get_status (other) == CRB_DECISION_STATUS_PENDING)
        g_ptr_array_add (ids, g_strdup (other_id));
    }

  return ids;
}

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  g_autoptr (CrbDecision) decision = new_decision (self, CRB_DECISION_STATUS_CONFIRMED);
  CrbClaim *claim = current_claim (self);
  g_autoptr (GPtrArray) agreeing = agreeing_pending (self, claim);
  g_autofree char *claim_id = claim ? g_strdup (crb_claim_get_id (claim)) : NULL;

  crb_claim_panel_cancel (self->claim_panel);
  decide (self, decision, TRUE);

  /* Offer the same for its agreeing appearances, as one undoable step. */
  if (claim_id != NULL && agreeing->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Also confirm this claim in %u other article?",
                                                             "Also confirm this claim in %u other articles?",
                                                             agreeing->len), agreeing->len);
      AdwToast *t = adw_toast_new (title);

      adw_toast_set_button_label (t, _("Confirm _All"));
      adw_toast_set_action_name (t, "claim.confirm-agreeing");
      adw_toast_set_action_target_value (t, g_variant_new_string (claim_id));
      adw_toast_set_timeout (t, 8);
      adw_toast_overlay_add_toast (self->toast_overlay, t);
    }
}

static void
confirm_agreeing (CrbWindow  *self,
                  CrbClaim   *claim,
                  gboolean    include_claim)
{
  g_autoptr (GPtrArray) ids = agreeing_pending (self, claim);
  g_autoptr (CrbDecision) decision = new_decision (self, CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (include_claim && crb_claim_get_status (claim) != CRB_DECISION_STATUS_CONFIRMED)
    g_ptr_array_insert (ids, 0, g_strdup (crb_claim_get_id (claim)));
  if (ids->len == 0)
    return;

  n = ids->len;
  g_ptr_array_add (ids, NULL);
  if (!crb_project_decide_many (self->project, (const char * const *) ids->pdata, decision, &error))
    {
      show_error (self, _("The Decision Could Not Be Recorded"), error->message);
      return;
    }

  refilter (self);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Confirmed %u claim as one step",
                                          "Confirmed %u claims as one step", n), n);
  toast (self, message, "win.undo");
}

static void
confirm_agreeing_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  CrbClaim *claim = self->project ? crb_project_find_claim (self->project, g_variant_get_string (parameter, NULL),
                                                            NULL, NULL) : NULL;

  if (claim != NULL)
    confirm_agreeing (self, claim, FALSE);
}

static void
confirm_all_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  CrbClaim *claim = current_claim (self);
  g_autoptr (CrbClaim) keep = claim ? g_object_ref (claim) : NULL;
  CrbClaim *next;

  if (keep == NULL)
    return;

  crb_claim_panel_cancel (self->claim_panel);
  next = next_pending (self, keep, FALSE);
  if (next != NULL)
    g_object_ref (next);
  confirm_agreeing (self, keep, TRUE);
  if (next != NULL)
    {
      select_claim (self, crb_claim_get_status (next) == CRB_DECISION_STATUS_PENDING ? next
                                                                                       : next_pending (self, next, FALSE));
      g_object_unref (next);
    }
}

static void
unlink_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  CrbClaim *claim = current_claim (self);
  g_autoptr (GError) error = NULL;

  if (claim == NULL)
    return;

  if (!crb_project_unlink (self->project, crb_claim_get_id (claim), g_variant_get_string (parameter, NULL), &error))
    show_error (self, _("The Claims Could Not Be Unlinked"), error->message);
  else
    toast (self, _("Unlinked; they will not be linked again automatically"), NULL);
}

/* L marks the selected claim; L (agrees) or Shift+L (conflicts) on a claim
 * of another article links the two: linking by hand from the keyboard.
 */
static void
link_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  CrbClaim *claim = current_claim (self);
  CrbRelation relation = g_variant_get_int32 (parameter);
  g_autoptr (GError) error = NULL;
  CrbClaim *marked;

  if (claim == NULL)
    return;

  marked = self->link_mark ? crb_story_lookup_claim (self->story, self->link_mark) : NULL;
  if (marked == claim)
    {
      g_clear_pointer (&self->link_mark, g_free);
      toast (self, _("No claim is marked for linking"), NULL);
      return;
    }
  if (marked == NULL)
    {
      g_free (self->link_mark);
      self->link_mark = g_strdup (crb_claim_get_id (claim));
      toast (self, _("Marked for linking: select a claim in another article, then press L to link as "
                     "agreeing or Shift+L as conflicting"), NULL);
      return;
    }

  if (!crb_project_link (self->project, self->link_mark, crb_claim_get_id (claim), relation, &error))
    {
      show_error (self, _("The Claims Could Not Be Linked"), error->message);
      return;
    }
  g_clear_pointer (&self->link_mark, g_free);
  toast (self, relation == CRB_RELATION_CONFLICTS ? _("Linked as conflicting") : _("Linked as agreeing"), NULL);
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

static void
select_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crb_window_select_claim (CRB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  crb_claim_panel_set_reject_mode (self->claim_panel, TRUE);
}

static void
reason_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  int reason = g_variant_get_int32 (parameter);
  g_autoptr (CrbDecision) decision = NULL;

  if (reason < CRB_REJECT_REASON_FALSE || reason > CRB_REJECT_REASON_WRONG_SPAN)
    return;

  crb_claim_panel_set_reject_mode (self->claim_panel, FALSE);
  decision = new_decision (self, CRB_DECISION_STATUS_REJECTED);
  decision->reason = reason;
  decide (self, decision, TRUE);
}

static void
correct_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  crb_claim_panel_begin_correction (CRB_WINDOW (widget)->claim_panel);
}

static void
note_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  crb_claim_panel_begin_note (CRB_WINDOW (widget)->claim_panel);
}

static void
on_correction_done_cb (CrbWindow  *self,
                       const char *text)
{
  CrbClaim *claim = current_claim (self);
  g_autoptr (CrbDecision) decision = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (self->claim_list));
  if (claim == NULL || text == NULL || *text == '\0' || g_strcmp0 (text, crb_claim_get_text (claim)) == 0)
    return;

  decision = new_decision (self, CRB_DECISION_STATUS_CORRECTED);
  decision->corrected_text = g_strdup (text);
  decide (self, decision, TRUE);
}

static void
on_note_done_cb (CrbWindow  *self,
                 const char *text)
{
  CrbClaim *claim = current_claim (self);
  const CrbDecision *current;
  g_autoptr (CrbDecision) decision = NULL;

  gtk_widget_grab_focus (GTK_WIDGET (self->claim_list));
  if (claim == NULL)
    return;

  current = crb_claim_get_decision (claim);
  if (g_strcmp0 (current ? current->note : NULL, *text ? text : NULL) == 0)
    return;

  decision = current ? crb_decision_copy (current) : new_decision (self, CRB_DECISION_STATUS_PENDING);
  g_clear_pointer (&decision->time, g_free);
  g_free (decision->annotator);
  decision->annotator = crb_application_dup_annotator (get_app (self));
  g_free (decision->note);
  decision->note = *text ? g_strdup (text) : NULL;
  decide (self, decision, FALSE);
}

static void
on_editing_cancelled_cb (CrbWindow *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->claim_list));
}

static void
skip_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  CrbClaim *next = next_pending (self, current_claim (self), FALSE);

  crb_claim_panel_cancel (self->claim_panel);
  if (next != NULL)
    select_claim (self, next);
}

static void
move (CrbWindow *self,
      int        delta)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->claim_selection));
  guint pos = gtk_single_selection_get_selected (self->claim_selection);
  g_autoptr (CrbClaim) target = NULL;

  crb_claim_panel_cancel (self->claim_panel);
  if (n == 0)
    return;

  if (pos == GTK_INVALID_LIST_POSITION)
    pos = delta > 0 ? 0 : n - 1;
  else if ((delta < 0 && pos == 0) || (delta > 0 && pos + 1 >= n))
    return;
  else
    pos += delta;

  target = g_list_model_get_item (G_LIST_MODEL (self->claim_selection), pos);
  select_claim (self, target);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (CRB_WINDOW (widget), 1);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move (CRB_WINDOW (widget), -1);
}

static void
undo_redo (CrbWindow *self,
           gboolean   undo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *claim_id = NULL;

  crb_claim_panel_cancel (self->claim_panel);
  claim_id = undo ? crb_project_undo (self->project, &error) : crb_project_redo (self->project, &error);
  if (claim_id == NULL)
    {
      if (!g_error_matches (error, CRB_ERROR, CRB_ERROR_NOTHING_TO_DO))
        show_error (self, undo ? _("Undo Failed") : _("Redo Failed"), error->message);
      return;
    }

  refilter (self);
  crb_window_select_claim (self, claim_id);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  undo_redo (CRB_WINDOW (widget), TRUE);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  undo_redo (CRB_WINDOW (widget), FALSE);
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CrbWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      CrbWindow *target = self;

      /* A window with a project keeps it; the project opens in a new one. */
      if (self->project != NULL)
        {
          target = crb_window_new (get_app (self));
          gtk_window_present (GTK_WINDOW (target));
        }
      crb_window_open_project (target, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Corroborate projects"));
  gtk_file_filter_add_pattern (filter, "*.crb");
  gtk_file_filter_add_mime_type (filter, "application/x-corroborate-project");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
articles_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      CrbWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      gboolean new_project = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "crb-new"));
      CrbWindow *target = self;

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));

      if (new_project && self->project != NULL)
        {
          target = crb_window_new (get_app (self));
          gtk_window_present (GTK_WINDOW (target));
        }
      crb_window_import (target, list, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
choose_articles (CrbWindow *self,
                 gboolean   new_project,
                 gboolean   folder)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (new_project ? _("New Project from Articles") : _("Add Articles"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (!folder)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Articles (text, Markdown, HTML, JSON Lines)"));
      gtk_file_filter_add_pattern (filter, "*.txt");
      gtk_file_filter_add_pattern (filter, "*.md");
      gtk_file_filter_add_pattern (filter, "*.html");
      gtk_file_filter_add_pattern (filter, "*.htm");
      gtk_file_filter_add_pattern (filter, "*.jsonl");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  g_object_set_data (G_OBJECT (dialog), "crb-new", GINT_TO_POINTER (new_project));
  g_signal_connect (dialog, "response", G_CALLBACK (articles_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
new_project_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose_articles (CRB_WINDOW (widget), TRUE, FALSE);
}

static void
add_articles_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_articles (CRB_WINDOW (widget), FALSE, FALSE);
}

static void
add_folder_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  choose_articles (CRB_WINDOW (widget), FALSE, TRUE);
}

static void
try_sample_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  g_autofree char *dir = crb_application_get_sample_dir ();
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  CrbWindow *target = self;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *body = g_strdup_printf (_("%s: the sample articles are not installed"), dir);
      show_error (self, _("The Sample Is Missing"), body);
      return;
    }

  g_ptr_array_add (files, g_file_new_for_path (dir));
  if (self->project != NULL)
    {
      target = crb_window_new (get_app (self));
      gtk_window_present (GTK_WINDOW (target));
    }
  crb_window_import (target, files, _("Harbor bridge collapse (sample)"));
}

static void
cancel_import_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CrbWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GError) error = NULL;

      if (!crb_project_save (self->project, file, NULL, &error))
        show_error (self, _("The Project Could Not Be Saved"), error->message);
      else
        {
          g_autoptr (CrbProject) project = g_object_ref (self->project);
          CrbStory *story = self->story ? g_object_ref (self->story) : NULL;

          /* Watch the new file. */
          set_project (self, project);
          if (story != NULL)
            {
              crb_window_select_story (self, story);
              g_object_unref (story);
            }
          toast (self, _("Project saved"), NULL);
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save Project As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.crb", crb_project_get_title (self->project) ? crb_project_get_title (self->project)
                                                                          : _("Untitled Project"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  save_now (self);
  gtk_window_present (GTK_WINDOW (crb_export_dialog_new (GTK_WINDOW (self), self->project)));
}

static void
statistics_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (crb_stats_window_new (GTK_WINDOW (self), self->project)));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crb_claim_panel_cancel (CRB_WINDOW (widget)->claim_panel);
}

static void
focus_search_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  if (self->project != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

/* ---------- keys ---------- */

static gboolean
focus_is_editable (CrbWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_EDITABLE (w) || (GTK_IS_TEXT_VIEW (w) && gtk_text_view_get_editable (GTK_TEXT_VIEW (w))))
        return TRUE;
      if (GTK_IS_WINDOW (w))
        break;
    }

  return FALSE;
}

/* Single keys drive the review loop, except while the user types text. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CrbWindow             *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  const char *action = NULL;
  GVariant *param = NULL;

  if (mods != 0 || self->project == NULL || self->busy || focus_is_editable (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "project") != 0)
    return FALSE;

  if (keyval == GDK_KEY_A && (state & GDK_SHIFT_MASK))
    return gtk_widget_activate_action (GTK_WIDGET (self), "claim.confirm-all", NULL);
  if (gdk_keyval_to_lower (keyval) == GDK_KEY_l)
    return gtk_widget_activate_action (GTK_WIDGET (self), "claim.link", "i",
                                       (state & GDK_SHIFT_MASK) ? CRB_RELATION_CONFLICTS : CRB_RELATION_AGREES);

  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_a:
      action = "claim.confirm";
      break;
    case GDK_KEY_x:
      action = "claim.reject";
      break;
    case GDK_KEY_e:
      action = "claim.correct";
      break;
    case GDK_KEY_n:
      action = "claim.note";
      break;
    case GDK_KEY_space:
      action = "claim.skip";
      break;
    case GDK_KEY_j:
    case GDK_KEY_Down:
      action = "claim.next";
      break;
    case GDK_KEY_k:
    case GDK_KEY_Up:
      action = "claim.previous";
      break;
    case GDK_KEY_Escape:
      action = "claim.cancel";
      break;
    case GDK_KEY_1: case GDK_KEY_2: case GDK_KEY_3: case GDK_KEY_4: case GDK_KEY_5: case GDK_KEY_6:
      action = "claim.reason";
      param = g_variant_new_int32 (keyval - GDK_KEY_0);
      break;
    case GDK_KEY_KP_1: case GDK_KEY_KP_2: case GDK_KEY_KP_3: case GDK_KEY_KP_4: case GDK_KEY_KP_5: case GDK_KEY_KP_6:
      action = "claim.reason";
      param = g_variant_new_int32 (keyval - GDK_KEY_KP_0);
      break;
    default:
      return FALSE;
    }

  return gtk_widget_activate_action_variant (GTK_WIDGET (self), action, param);
}

/* ---------- drag and drop ---------- */

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CrbWindow     *self)
{
  GdkFileList *list;
  GSList *files;
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->busy)
    return FALSE;

  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name && g_str_has_suffix (name, ".crb") && files->next == NULL)
        {
          CrbWindow *window = self;

          if (self->project != NULL)
            {
              window = crb_window_new (get_app (self));
              gtk_window_present (GTK_WINDOW (window));
            }
          crb_window_open_project (window, l->data);
          g_slist_free (files);
          return TRUE;
        }
      g_ptr_array_add (articles, g_object_ref (l->data));
    }
  g_slist_free (files);

  if (articles->len == 0)
    return FALSE;

  crb_window_import (self, articles, NULL);
  return TRUE;
}

/* ---------- recent projects ---------- */

static void
on_recent_activated_cb (AdwActionRow *row,
                        CrbWindow    *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "crb-uri");
  g_autoptr (GFile) file = g_file_new_for_uri (uri);

  crb_window_open_project (self, file);
}

static void
update_recent (CrbWindow *self)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  guint shown = 0;

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  for (guint i = 0; recent[i] && shown < 5; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (recent[i]);
      g_autoptr (GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *where = parent ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row;

      if (!g_file_query_exists (file, NULL))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "crb-uri", g_strdup (recent[i]), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_recent_activated_cb), self, 0);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

/* ---------- GObject ---------- */

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
      save_now (self);
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
  if (self->claim_list != NULL)
    gtk_grid_view_set_model (self->claim_list, NULL);
  g_clear_object (&self->claim_selection);
  g_clear_object (&self->claim_sort_model);
  g_clear_object (&self->claim_filter_model);
  if (self->project != NULL)
    {
      crb_project_sync_journal (self->project, NULL);
      g_signal_handlers_disconnect_by_data (self->project, self);
    }
  gtk_list_view_set_model (self->story_list, NULL);
  g_clear_object (&self->story_selection);
  g_clear_object (&self->project);
  g_clear_object (&self->monitor);
  g_clear_object (&self->claim_filter);
  g_clear_object (&self->claim_sorter);
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

static void
crb_window_class_init (CrbWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = crb_window_dispose;
  object_class->finalize = crb_window_finalize;
  window_class->close_request = crb_window_close_request;

  g_type_ensure (CRB_TYPE_CLAIM_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/corroborate/Corroborate/ui/crb-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, window_title);
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
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, articles_scroller);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, articles_box);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claim_panel);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, sort_dropdown);
  gtk_widget_class_bind_template_child (widget_class, CrbWindow, claim_list);

  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_activated);
  gtk_widget_class_install_action (widget_class, "win.add-articles", NULL, add_articles_activated);
  gtk_widget_class_install_action (widget_class, "win.add-folder", NULL, add_folder_activated);
  gtk_widget_class_install_action (widget_class, "win.try-sample", NULL, try_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_activated);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "claim.confirm", NULL, confirm_activated);
  gtk_widget_class_install_action (widget_class, "claim.confirm-all", NULL, confirm_all_activated);
  gtk_widget_class_install_action (widget_class, "claim.confirm-agreeing", "s", confirm_agreeing_activated);
  gtk_widget_class_install_action (widget_class, "claim.unlink", "s", unlink_activated);
  gtk_widget_class_install_action (widget_class, "claim.link", "i", link_activated);
  gtk_widget_class_install_action (widget_class, "claim.select", "s", select_activated);
  gtk_widget_class_install_action (widget_class, "claim.reject", NULL, reject_activated);
  gtk_widget_class_install_action (widget_class, "claim.reason", "i", reason_activated);
  gtk_widget_class_install_action (widget_class, "claim.correct", NULL, correct_activated);
  gtk_widget_class_install_action (widget_class, "claim.note", NULL, note_activated);
  gtk_widget_class_install_action (widget_class, "claim.skip", NULL, skip_activated);
  gtk_widget_class_install_action (widget_class, "claim.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "claim.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "claim.cancel", NULL, cancel_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.statistics", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

static void
crb_window_init (CrbWindow *self)
{
  GtkEventController *keys;
  GtkDropTarget *drop;
  GtkSignalListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->recent_rows = g_ptr_array_new ();
  self->columns = g_ptr_array_new_with_free_func (g_free);
  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

#if DEVELOPMENT_BUILD
  gtk_widget_add_css_class (GTK_WIDGET (self), "devel");
#endif

  self->claim_filter = gtk_custom_filter_new (claim_filter_func, self, NULL);
  self->claim_sorter = gtk_custom_sorter_new (claim_sort_func, self, NULL);
  self->claim_filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->claim_filter)));
  self->claim_sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->claim_filter_model)),
                                                    g_object_ref (GTK_SORTER (self->claim_sorter)));
  self->claim_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->claim_sort_model)));
  gtk_single_selection_set_autoselect (self->claim_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->claim_selection, TRUE);
  g_signal_connect_object (self->claim_selection, "notify::selected",
                           G_CALLBACK (on_claim_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filters_changed_cb), self);
  g_signal_connect_swapped (self->status_dropdown, "notify::selected", G_CALLBACK (on_filters_changed_cb), self);
  g_signal_connect_swapped (self->sort_dropdown, "notify::selected", G_CALLBACK (on_sort_changed_cb), self);

  factory = GTK_SIGNAL_LIST_ITEM_FACTORY (gtk_signal_list_item_factory_new ());
  g_signal_connect (factory, "setup", G_CALLBACK (claim_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (claim_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (claim_unbind_cb), self);
  gtk_grid_view_set_factory (self->claim_list, GTK_LIST_ITEM_FACTORY (factory));
  g_object_unref (factory);
  gtk_grid_view_set_model (self->claim_list, GTK_SELECTION_MODEL (self->claim_selection));

  g_signal_connect_swapped (self->claim_panel, "correction-done", G_CALLBACK (on_correction_done_cb), self);
  g_signal_connect_swapped (self->claim_panel, "note-done", G_CALLBACK (on_note_done_cb), self);
  g_signal_connect_swapped (self->claim_panel, "editing-cancelled", G_CALLBACK (on_editing_cancelled_cb), self);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->settings, "changed::recent-projects", G_CALLBACK (update_recent),
                           self, G_CONNECT_SWAPPED);
  update_recent (self);

  set_page (self, "empty");
  update_title (self);
}

CrbWindow *
crb_window_new (CrbApplication *application)
{
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
  return current_claim (self);
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
 * crb_window_open_project:
 *
 * Opens @file in a worker thread; failures show a dialog.
 */
void
crb_window_open_project (CrbWindow *self,
                         GFile     *file)
{
  g_return_if_fail (CRB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->busy = TRUE;
  adw_status_page_set_title (self->loading_page, _("Opening the Project…"));
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_progress_bar_pulse (self->progress_bar);
  set_page (self, "loading");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->progress_bar)), TRUE);
  crb_project_load_async (file, self->cancellable, open_finished_cb, g_object_ref (self));
}

/**
 * crb_window_import:
 * @files: (element-type GFile): files, folders and corpora
 * @story_title: (nullable): the story of the articles; by default the
 *   name of the folder
 *
 * Reads and extracts the articles in a worker thread, showing progress and
 * a Cancel button, then adds them to the window's project, or to a new
 * project when there is none.
 */
void
crb_window_import (CrbWindow  *self,
                   GPtrArray  *files,
                   const char *story_title)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  ImportData *data;

  g_return_if_fail (CRB_IS_WINDOW (self));
  g_return_if_fail (files != NULL && files->len > 0);

  if (self->busy)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));
      if (path != NULL)
        g_strv_builder_add (builder, path);
    }

  data = g_new0 (ImportData, 1);
  data->paths = g_strv_builder_end (builder);
  data->threshold = g_settings_get_double (self->settings, "extraction-threshold");
  data->extractor_command = g_settings_get_string (self->settings, "extractor-command");
  data->warnings = g_ptr_array_new_with_free_func (g_free);
  data->self = self;

  self->busy = TRUE;
  self->import_done = 0;
  self->import_total = 0;
  self->import_cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->loading_page, _("Reading Articles…"));
  set_page (self, "loading");
  self->progress_source = g_timeout_add (100, update_progress_cb, self);

  task = g_task_new (NULL, self->import_cancellable, import_finished_cb, g_object_ref (self));
  g_task_set_source_tag (task, crb_window_import);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_object_set_data_full (G_OBJECT (task), "crb-story", g_strdup (story_title), g_free);
  g_task_run_in_thread (task, import_thread);
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
  select_claim (self, claim);
}

void
crb_window_add_toast (CrbWindow  *self,
                      const char *title)
{
  g_return_if_fail (CRB_IS_WINDOW (self));
  toast (self, title, NULL);
}

/**
 * crb_window_get_article_view:
 *
 * Returns: (transfer none) (nullable): the column showing @article_id
 */
GtkWidget *
crb_window_get_article_view (CrbWindow  *self,
                             const char *article_id)
{
  g_return_val_if_fail (CRB_IS_WINDOW (self), NULL);
  return GTK_WIDGET (view_for_article (self, article_id));
}
