/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-error.h"
#include "crb-explain.h"
#include "crb-format.h"
#include "crb-window-private.h"

/*
 * The review loop: the story's claims in a filtered, sorted list; the
 * selected claim; links made and removed by hand; moving through the
 * claims.  Decisions are in crb-window-decide.c.
 */

CrbClaim *
_crb_window_get_current_claim (CrbWindow *self)
{
  if (self->claim_selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->claim_selection);
}

guint
_crb_window_claim_position (CrbWindow *self,
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
CrbClaim *
_crb_window_next_pending (CrbWindow *self,
                          CrbClaim  *from,
                          gboolean   include_from)
{
  GListModel *model = G_LIST_MODEL (self->claim_selection);
  guint n = g_list_model_get_n_items (model);
  guint start = from ? _crb_window_claim_position (self, from) : GTK_INVALID_LIST_POSITION;

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

      /* Team review: the reviewer's queue (crb-window-team.c). */
      if (_crb_window_team_is_pending (self, item) && (item != from || include_from))
        return item;
    }

  return NULL;
}

void
_crb_window_select (CrbWindow *self,
                    CrbClaim  *claim)
{
  guint position;

  if (claim == NULL || self->claim_selection == NULL)
    return;

  position = _crb_window_claim_position (self, claim);
  if (position == GTK_INVALID_LIST_POSITION)
    {
      /* Hidden by the filters: show everything rather than lose it. */
      _crb_window_show_all_claims (self);
      position = _crb_window_claim_position (self, claim);
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
  CrbClaimFilter kind = self->claim_filter_kind;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (kind == CRB_CLAIM_FILTER_CONTESTED)
    {
      if (self->story == NULL ||
          crb_alignment_contest_score (crb_story_get_alignment (self->story), self->story,
                                       crb_claim_get_id (claim)) <= 0.0)
        return FALSE;
    }
  else if (kind == CRB_CLAIM_FILTER_PENDING)
    {
      /* Team review: the reviewer's queue (crb-window-team.c). */
      if (!_crb_window_team_is_pending (self, claim))
        return FALSE;
    }
  else if (kind != CRB_CLAIM_FILTER_ALL &&
           (int) crb_claim_get_status (claim) != (int) kind - CRB_CLAIM_FILTER_PENDING)
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
  switch (self->claim_order)
    {
    case CRB_CLAIM_ORDER_SCORE:
      sa = crb_claim_get_score ((CrbClaim *) a);
      sb = crb_claim_get_score ((CrbClaim *) b);
      break;
    case CRB_CLAIM_ORDER_CONTESTED:
      if (self->story == NULL)
        return 0;
      sa = crb_alignment_contest_score (crb_story_get_alignment (self->story), self->story,
                                        crb_claim_get_id ((CrbClaim *) a));
      sb = crb_alignment_contest_score (crb_story_get_alignment (self->story), self->story,
                                        crb_claim_get_id ((CrbClaim *) b));
      break;
    case CRB_CLAIM_ORDER_STORY:
    default:
      return 0;
    }

  return (sa < sb) - (sa > sb);
}

/* An empty list says why, and offers the way back. */
static void
update_claims_stack (CrbWindow *self)
{
  static const char * const titles[] = {
    NULL, N_("No pending claims"), N_("No confirmed claims"), N_("No corrected claims"),
    N_("No rejected claims"), N_("No contested claims"),
  };
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->claim_selection));
  g_autofree char *title = NULL;

  if (n > 0 || self->story == NULL || crb_story_get_n_claims (self->story) == 0)
    {
      gtk_stack_set_visible_child_name (self->claims_stack, "list");
      return;
    }

  if (search != NULL && *search != '\0')
    /* Translators: the claim list is empty; %s is what was typed in the filter */
    title = g_strdup_printf (_("No claims match “%s”"), search);
  else if (titles[self->claim_filter_kind] != NULL)
    title = g_strdup (_(titles[self->claim_filter_kind]));
  else
    title = g_strdup (_("No claims"));
  adw_status_page_set_title (self->no_match_page, title);
  gtk_stack_set_visible_child_name (self->claims_stack, "no-match");
}

void
_crb_window_refilter (CrbWindow *self)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  g_autoptr (CrbClaim) keep = NULL;

  /* A filter that left no claim remembers the one selected before it, to
   * go on from there when the filter is left.
   */
  if (claim == NULL)
    claim = self->hidden_claim;
  keep = claim ? g_object_ref (claim) : NULL;
  g_clear_object (&self->hidden_claim);

  gtk_filter_changed (GTK_FILTER (self->claim_filter), GTK_FILTER_CHANGE_DIFFERENT);
  if (keep != NULL && _crb_window_claim_position (self, keep) != GTK_INVALID_LIST_POSITION)
    _crb_window_select (self, keep);
  else if (keep != NULL)
    {
      /* The selected claim is filtered out: the first claim shown takes its
       * place, so that the panel, the article and the list always agree.
       */
      CrbClaim *first = _crb_window_next_pending (self, NULL, TRUE);

      if (first == NULL && g_list_model_get_n_items (G_LIST_MODEL (self->claim_selection)) > 0)
        gtk_single_selection_set_selected (self->claim_selection, 0);
      else if (first != NULL)
        _crb_window_select (self, first);
      else
        {
          self->hidden_claim = g_steal_pointer (&keep);
          _crb_window_claim_selected (self);
        }
    }
  update_claims_stack (self);
}

void
_crb_window_resort (CrbWindow *self)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  g_autoptr (CrbClaim) keep = claim ? g_object_ref (claim) : NULL;

  gtk_sorter_changed (GTK_SORTER (self->claim_sorter), GTK_SORTER_CHANGE_DIFFERENT);
  if (keep != NULL)
    _crb_window_select (self, keep);
}

/* Clears the filters: every claim of the story is listed. */
void
_crb_window_show_all_claims (CrbWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  if (self->claim_filter_kind != CRB_CLAIM_FILTER_ALL)
    g_object_set (self, "claim-filter", "all", NULL);
  else
    _crb_window_refilter (self);
}

static void
on_filters_changed_cb (CrbWindow *self)
{
  _crb_window_refilter (self);
}

void
_crb_window_claim_selected (CrbWindow *self)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);

  if (self->switching)
    return;

  if (claim != NULL)
    g_clear_object (&self->hidden_claim);
  crb_claim_panel_set_claim (self->claim_panel, claim, self->story);
  _crb_window_show_claim_in_columns (self, claim);
  _crb_window_update_actions (self);
}

/* Links the selected claim and @claim, of another article (Ctrl+click). */
void
_crb_window_link_to (CrbWindow   *self,
                     CrbClaim    *claim,
                     CrbRelation  relation)
{
  CrbClaim *current = _crb_window_get_current_claim (self);
  g_autoptr (GError) error = NULL;

  if (current == NULL || current == claim)
    return;

  if (!crb_project_link (self->project, crb_claim_get_id (current), crb_claim_get_id (claim), relation, &error))
    {
      _crb_window_show_error (self, _("The Claims Could Not Be Linked"), error->message);
      return;
    }

  _crb_window_toast (self,
                     relation == CRB_RELATION_CONFLICTS ? _("Linked as conflicting")
                                                        : _("Linked as agreeing"),
                     "win.undo");
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
  const char *badges = self ? _crb_window_get_badges (self, claim) : NULL;
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
  {
    CrbArticle *article = self && self->story ? crb_story_lookup_article (self->story,
                                                                          crb_claim_get_article_id (claim))
                                              : NULL;
    const char *outlet = article &&
        crb_article_get_outlet (article) ? crb_article_get_outlet (article)
                                                                     : crb_claim_get_article_id (claim);

    caption = g_strdup_printf ("%s · %s · %s", outlet, crb_format_kind (crb_claim_get_kind (claim)),
                               badges ? badges : "");
  }
  gtk_inscription_set_text (GTK_INSCRIPTION (meta), caption);

  label = g_strdup_printf ("%s: %s", _(names[status]), crb_claim_get_final_text (claim));
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* Each column's header says where its article stands among the story's
 * outlets, from the story's links.
 */
void
_crb_window_update_standings (CrbWindow *self)
{
  CrbAlignment *alignment = self->story ? crb_story_get_alignment (self->story) : NULL;
  g_autofree char *note = alignment ? crb_explain_note (alignment->note) : NULL;

  for (guint i = 0; i < self->n_columns; i++)
    {
      CrbArticleView *view = ((CrbColumn *) g_ptr_array_index (self->columns, i))->view;
      CrbArticle *article = crb_article_view_get_article (view);
      g_autofree char *text = NULL;
      CrbStanding standing;

      if (article == NULL || crb_story_get_n_articles (self->story) < 2)
        {
          crb_article_view_set_standing (view, NULL, NULL, FALSE);
          continue;
        }
      crb_explain_standing (self->story, crb_article_get_id (article), &standing);
      text = crb_explain_format_standing (&standing);
      crb_article_view_set_standing (view, text, note, standing.n_contradicted > 0);
    }
}

/* The list's rows made so far (those in view, and a few more): their
 * list items, whose row widget is the child of the item's widget.
 */
static GPtrArray *
collect_rows (CrbWindow *self)
{
  GPtrArray *rows = g_ptr_array_new ();
  g_autoptr (GQueue) queue = g_queue_new ();
  GtkWidget *widget;

  g_queue_push_tail (queue, self->claim_list);
  while ((widget = g_queue_pop_head (queue)) != NULL)
    {
      GtkListItem *item = g_object_get_data (G_OBJECT (widget), "crb-list-item");

      if (item != NULL)
        {
          if (gtk_list_item_get_item (item) != NULL)
            g_ptr_array_add (rows, item);
          continue;
        }
      for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }
  return rows;
}

/* The rows say again what they say, after an outlet was renamed; the
 * others are bound afresh when they are made.
 */
void
_crb_window_update_claim_rows (CrbWindow *self)
{
  g_autoptr (GPtrArray) rows = collect_rows (self);

  for (guint i = 0; i < rows->len; i++)
    update_claim_row (g_ptr_array_index (rows, i));
}

/* What the aligner says of each claim, computed once per story, as rows
 * ask for it (_crb_window_get_badges): a big story has thousands.
 */
void
_crb_window_update_badges (CrbWindow *self)
{
  g_clear_pointer (&self->badges, g_hash_table_unref);
  if (self->story != NULL)
    self->badges = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
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
  g_object_set_data (G_OBJECT (box), "crb-list-item", item);
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

void
_crb_window_unlink (CrbWindow  *self,
                    const char *other_id)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  g_autoptr (GError) error = NULL;

  if (claim == NULL)
    return;

  if (!crb_project_unlink (self->project, crb_claim_get_id (claim), other_id, &error))
    _crb_window_show_error (self, _("The Claims Could Not Be Unlinked"), error->message);
  else
    _crb_window_toast (self, _("Unlinked; they will not be linked again automatically"),
                       "win.undo");
}

/* L marks the selected claim; L (agrees) or Shift+L (conflicts) on a claim
 * of another article links the two: linking by hand from the keyboard.
 */
void
_crb_window_link (CrbWindow   *self,
                  CrbRelation  relation)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  g_autoptr (GError) error = NULL;
  CrbClaim *marked;

  if (claim == NULL)
    return;

  marked = self->link_mark ? crb_story_lookup_claim (self->story, self->link_mark) : NULL;
  if (marked == claim)
    {
      g_clear_pointer (&self->link_mark, g_free);
      _crb_window_toast (self, _("No claim is marked for linking"), NULL);
      return;
    }
  if (marked == NULL)
    {
      g_free (self->link_mark);
      self->link_mark = g_strdup (crb_claim_get_id (claim));
      _crb_window_toast (self, _("Marked for linking: select a claim in another article, then press L to link as "
                     "agreeing or Shift+L as conflicting"), NULL);
      return;
    }

  if (!crb_project_link (self->project, self->link_mark, crb_claim_get_id (claim), relation, &error))
    {
      _crb_window_show_error (self, _("The Claims Could Not Be Linked"), error->message);
      return;
    }
  g_clear_pointer (&self->link_mark, g_free);
  _crb_window_toast (self,
                     relation == CRB_RELATION_CONFLICTS ? _("Linked as conflicting")
                                                        : _("Linked as agreeing"),
                     "win.undo");
}


void
_crb_window_skip (CrbWindow *self)
{
  CrbClaim *next = _crb_window_next_pending (self, _crb_window_get_current_claim (self), FALSE);

  crb_claim_panel_cancel (self->claim_panel);
  if (next != NULL)
    _crb_window_select (self, next);
}

void
_crb_window_move (CrbWindow *self,
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
  _crb_window_select (self, target);
}

/* Escape leaves the filter: it is cleared, and the keys go back to the
 * review (GNOME's search entries clear on Escape).
 */
static void
on_search_stopped_cb (CrbWindow *self)
{
  _crb_window_show_all_claims (self);
  _crb_window_focus_review (self);
}

/* Enter keeps the filter and goes to the claims it shows. */
static void
on_search_activated_cb (CrbWindow *self)
{
  _crb_window_focus_review (self);
}

/* The review keys work: the focus is on the claim list, never in a field
 * the reviewer did not open.
 */
void
_crb_window_focus_review (CrbWindow *self)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  g_autoptr (GPtrArray) rows = claim ? collect_rows (self) : NULL;

  gtk_widget_grab_focus (GTK_WIDGET (self->claim_list));

  /* On the selected claim's row, not on the row the list had in focus
   * last: the focus ring and the selection agree.
   */
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      GtkListItem *item = g_ptr_array_index (rows, i);
      GtkWidget *row = gtk_widget_get_parent (gtk_list_item_get_child (item));

      if (gtk_list_item_get_item (item) == claim && row != NULL)
        {
          gtk_widget_grab_focus (row);
          break;
        }
    }
}

void
_crb_window_review_init (CrbWindow *self)
{
  GtkSignalListItemFactory *factory;

  self->claim_filter = gtk_custom_filter_new (claim_filter_func, self, NULL);
  self->claim_sorter = gtk_custom_sorter_new (claim_sort_func, self, NULL);
  self->claim_filter_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->claim_filter)));
  self->claim_sort_model = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->claim_filter_model)),
                                                    g_object_ref (GTK_SORTER (self->claim_sorter)));
  self->claim_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->claim_sort_model)));
  gtk_single_selection_set_autoselect (self->claim_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->claim_selection, TRUE);
  g_signal_connect_object (self->claim_selection, "notify::selected",
                           G_CALLBACK (_crb_window_claim_selected), self, G_CONNECT_SWAPPED);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filters_changed_cb), self);
  g_signal_connect_swapped (self->search_entry, "stop-search", G_CALLBACK (on_search_stopped_cb),
                            self);
  g_signal_connect_swapped (self->search_entry, "activate", G_CALLBACK (on_search_activated_cb),
                            self);

  factory = GTK_SIGNAL_LIST_ITEM_FACTORY (gtk_signal_list_item_factory_new ());
  g_signal_connect (factory, "setup", G_CALLBACK (claim_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (claim_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (claim_unbind_cb), self);
  gtk_grid_view_set_factory (self->claim_list, GTK_LIST_ITEM_FACTORY (factory));
  g_object_unref (factory);
  gtk_grid_view_set_model (self->claim_list, GTK_SELECTION_MODEL (self->claim_selection));

}

void
_crb_window_review_dispose (CrbWindow *self)
{
  if (self->claim_list != NULL)
    gtk_grid_view_set_model (self->claim_list, NULL);
  g_clear_object (&self->claim_selection);
  g_clear_object (&self->claim_sort_model);
  g_clear_object (&self->claim_filter_model);
  g_clear_object (&self->claim_filter);
  g_clear_object (&self->claim_sorter);
}
