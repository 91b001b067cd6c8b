/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-article-view"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-article-editor.h"
#include "crb-article-view.h"

#include <adwaita.h>

/*
 * One article as a column: outlet, title and date, then the text exactly as
 * written (never interpreted as markup), with its claims highlighted by
 * status.  Statuses differ in more than colour: pending claims are
 * underlined once, confirmed twice, corrected with a low line and italics,
 * rejected struck through.  Clicking a highlighted span activates its claim.
 *
 * The metadata lines at the head of the text (front matter, a leading date
 * line: crb_article_get_body_start()) are part of the source's text and
 * shown, dimmed like a dim label; no claim is ever highlighted there.  The
 * header's edit button opens a CrbArticleEditor for the outlet, title, date
 * and web address (also F2, through the window's `article.edit`).
 */

struct _CrbArticleView
{
  GtkWidget      parent_instance;

  CrbArticle    *article;
  GPtrArray     *claims;       /* CrbClaim, in span order */
  CrbClaim      *selected;     /* borrowed, in claims */
  GHashTable    *marked;       /* CrbClaim → tag name: linked claims shown */

  GtkWidget     *box;
  GtkWidget     *edit_button;
  GtkWidget     *editor;       /* CrbArticleEditor, the edit button's popover */
  GtkWidget     *outlet_label;
  GtkWidget     *title_label;
  GtkWidget     *date_label;
  GtkWidget     *standing_label;
  GtkWidget     *text_view;
  GtkTextBuffer *buffer;
  GtkTextMark   *selected_mark;  /* where the claim to show starts */
  GtkTextMark   *scroll_end_mark; /* and ends */

  guint          layout_tick;
  guint          frames;         /* since the text was set */
  gboolean       scroll_pending;
};

G_DEFINE_FINAL_TYPE (CrbArticleView, crb_article_view, GTK_TYPE_WIDGET)

enum {
  CLAIM_ACTIVATED,
  LINK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const status_tags[] = {
  "claim-pending", "claim-confirmed", "claim-corrected", "claim-rejected",
};

/* One tag table for every column: the tags never change. */
static GtkTextTagTable *tag_table;

/* Where the article's body starts, after its metadata lines. */
static guint
body_start (CrbArticleView *self)
{
  return self->article ? crb_article_get_body_start (self->article) : 0;
}

/* A claim's span, never in the metadata lines: what a claim there would
 * cover is left as it is, dimmed.
 */
static void
get_span (CrbArticleView *self,
          CrbClaim       *claim,
          GtkTextIter    *start,
          GtkTextIter    *end)
{
  guint from = MAX (crb_claim_get_start (claim), body_start (self));
  guint to = MAX (crb_claim_get_end (claim), from);

  gtk_text_buffer_get_iter_at_offset (self->buffer, start, from);
  gtk_text_buffer_get_iter_at_offset (self->buffer, end, to);
}

static void
apply_status (CrbArticleView *self,
              CrbClaim       *claim)
{
  GtkTextIter start, end;

  get_span (self, claim, &start, &end);
  for (guint i = 0; i < G_N_ELEMENTS (status_tags); i++)
    gtk_text_buffer_remove_tag_by_name (self->buffer, status_tags[i], &start, &end);
  gtk_text_buffer_apply_tag_by_name (self->buffer, status_tags[crb_claim_get_status (claim)], &start, &end);
}

/* How far a claim brought into view stays from the top edge, and from the
 * bottom edge, where a toast may cover the text (its height, its margin and
 * some air).
 */
#define SCROLL_MARGIN 8
#define TOAST_CLEARANCE 84

/* The widest the text runs, margins included: about 80 characters. */
#define MAX_LINE_WIDTH 760

static void
scroll_now (CrbArticleView *self)
{
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkTextIter start, end;
  GdkRectangle visible, first, last;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, self->selected_mark);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, self->scroll_end_mark);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &start, &first);
  gtk_text_view_get_iter_location (view, &end, &last);

  /* Already in view, with a little room and clear of a toast: leave it
   * where the reader has it.
   */
  if (first.y >= visible.y + SCROLL_MARGIN &&
      last.y + last.height <= visible.y + visible.height - TOAST_CLEARANCE)
    return;

  /* The claim's first line near the top, a twentieth of the height below
   * it.  Aligned, not "the least scrolling": GTK 4.8 gets that wrong for
   * a span above the view (it lands at the bottom) and cut off the first
   * line of a claim at the top of a column.
   */
  gtk_text_view_scroll_to_mark (view, self->selected_mark, 0.05, TRUE, 0.0, 0.0);
}

/* GTK 4.8 scrolls a text view to the wrong place before it has laid out
 * its text once (to the end, or not far enough), so a scroll waits for the
 * second frame after the text was set, which comes after that layout.
 */
static gboolean
layout_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  CrbArticleView *self = user_data;

  if (!gtk_widget_get_mapped (widget))
    {
      /* A hidden column: on_text_view_map_cb() starts again. */
      self->frames = 0;
      self->layout_tick = 0;
      return G_SOURCE_REMOVE;
    }

  if (++self->frames < 2)
    return G_SOURCE_CONTINUE;

  self->layout_tick = 0;
  if (self->scroll_pending)
    {
      self->scroll_pending = FALSE;
      scroll_now (self);
    }
  return G_SOURCE_REMOVE;
}

static void
wait_for_layout (CrbArticleView *self)
{
  if (self->layout_tick == 0)
    self->layout_tick = gtk_widget_add_tick_callback (self->text_view, layout_tick_cb, self, NULL);
}

static void
on_text_view_map_cb (CrbArticleView *self)
{
  if (self->scroll_pending || self->frames < 2)
    wait_for_layout (self);
}

/* Brings the text from @start to @end into view, now or once it is laid out. */
static void
scroll_to_span (CrbArticleView    *self,
                const GtkTextIter *start,
                const GtkTextIter *end)
{
  gtk_text_buffer_move_mark (self->buffer, self->selected_mark, start);
  gtk_text_buffer_move_mark (self->buffer, self->scroll_end_mark, end);

  if (self->frames >= 2 && gtk_widget_get_mapped (self->text_view))
    {
      self->scroll_pending = FALSE;
      scroll_now (self);
    }
  else
    {
      self->scroll_pending = TRUE;
      wait_for_layout (self);
    }
}

static CrbClaim *
claim_at_offset (CrbArticleView *self,
                 guint           offset)
{
  if (offset < body_start (self))
    return NULL;

  for (guint i = 0; self->claims && i < self->claims->len; i++)
    {
      CrbClaim *claim = g_ptr_array_index (self->claims, i);

      if (offset >= crb_claim_get_start (claim) && offset < crb_claim_get_end (claim))
        return claim;
    }

  return NULL;
}

static void
on_click_released_cb (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      CrbArticleView  *self)
{
  GtkTextIter iter;
  GtkTextIter sel_start, sel_end;
  CrbClaim *claim;
  int bx, by;

  /* A drag that selected text is a selection, not a click. */
  if (gtk_text_buffer_get_selection_bounds (self->buffer, &sel_start, &sel_end))
    return;

  gtk_text_view_window_to_buffer_coords (GTK_TEXT_VIEW (self->text_view), GTK_TEXT_WINDOW_WIDGET,
                                         x, y, &bx, &by);
  if (!gtk_text_view_get_iter_at_location (GTK_TEXT_VIEW (self->text_view), &iter, bx, by))
    return;

  claim = claim_at_offset (self, gtk_text_iter_get_offset (&iter));
  if (claim == NULL)
    return;

  /* Ctrl+click links the span's claim to the selected one; with Shift, as
   * a conflict.
   */
  {
    GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (gesture));

    if (state & GDK_CONTROL_MASK)
      g_signal_emit (self, signals[LINK_REQUESTED], 0, claim,
                     (state & GDK_SHIFT_MASK) ? CRB_RELATION_CONFLICTS : CRB_RELATION_AGREES);
    else
      g_signal_emit (self, signals[CLAIM_ACTIVATED], 0, claim);
  }
}

static GtkTextTagTable *
create_tag_table (void)
{
  GtkTextTagTable *table = gtk_text_tag_table_new ();
  GdkRGBA yellow = { 0.96, 0.76, 0.07, 0.22 };
  GdkRGBA green = { 0.20, 0.82, 0.48, 0.25 };
  GdkRGBA blue = { 0.21, 0.52, 0.89, 0.25 };
  GdkRGBA selected = { 0.21, 0.52, 0.89, 0.45 };
  GtkTextTag *tag;

  tag = gtk_text_tag_new ("claim-pending");
  g_object_set (tag, "background-rgba", &yellow, "underline", PANGO_UNDERLINE_SINGLE, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  tag = gtk_text_tag_new ("claim-confirmed");
  g_object_set (tag, "background-rgba", &green, "underline", PANGO_UNDERLINE_DOUBLE, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  tag = gtk_text_tag_new ("claim-corrected");
  g_object_set (tag, "background-rgba", &blue, "underline", PANGO_UNDERLINE_LOW,
                "style", PANGO_STYLE_ITALIC, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  tag = gtk_text_tag_new ("claim-rejected");
  g_object_set (tag, "strikethrough", TRUE, "foreground-rgba", &(GdkRGBA) { 0.5, 0.5, 0.5, 1.0 }, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  tag = gtk_text_tag_new ("claim-linked");
  g_object_set (tag, "background-rgba", &(GdkRGBA) { 0.57, 0.25, 0.67, 0.28 }, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  tag = gtk_text_tag_new ("claim-conflicting");
  g_object_set (tag, "background-rgba", &(GdkRGBA) { 0.88, 0.11, 0.14, 0.28 },
                "underline", PANGO_UNDERLINE_ERROR, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  /* The metadata lines; its colour follows the style (see css_changed). */
  tag = gtk_text_tag_new ("metadata");
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  /* Added last, so it wins over the status background. */
  tag = gtk_text_tag_new ("claim-selected");
  g_object_set (tag, "background-rgba", &selected, "weight", PANGO_WEIGHT_SEMIBOLD, NULL);
  gtk_text_tag_table_add (table, tag);
  g_object_unref (tag);

  return table;
}

static GtkWidget *
make_label (const char *text,
            const char *css_class,
            gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
  return label;
}

static void
set_label (GtkWidget  *label,
           const char *text)
{
  gtk_label_set_label (GTK_LABEL (label), text ? text : "");
  gtk_widget_set_visible (label, text != NULL && *text != '\0');
}

/* The metadata lines look like a dim label: the text's colour at the
 * opacity Adwaita gives .dim-label, in light, dark and high contrast.  The
 * tag table is shared, and so is the style: any column may set it.
 */
static void
update_metadata_colour (CrbArticleView *self)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (tag_table, "metadata");
  GdkRGBA colour, old = { 0 };
  GdkRGBA *current = NULL;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (self)), &colour);
  colour.alpha *= 0.55f;
  g_object_get (tag, "foreground-rgba", &current, NULL);
  if (current != NULL)
    {
      old = *current;
      gdk_rgba_free (current);
    }
  if (!gdk_rgba_equal (&old, &colour))
    g_object_set (tag, "foreground-rgba", &colour, NULL);
}

/* The widgets, made once: a column is reused from story to story. */
static void
build (CrbArticleView *self)
{
  GtkWidget *header, *labels, *scroller, *clamp;
  GtkGesture *click;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "crb-article-header");
  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_box_append (GTK_BOX (header), labels);

  /* Outlet, title, date and web address are edited in a popover, opened
   * by the window's article.edit (off while the project is read-only).
   */
  self->edit_button = gtk_button_new_from_icon_name ("document-edit-symbolic");
  gtk_widget_add_css_class (self->edit_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->edit_button), "article.edit");
  gtk_widget_set_valign (self->edit_button, GTK_ALIGN_START);
  self->editor = crb_article_editor_new ();
  gtk_widget_set_parent (self->editor, self->edit_button);
  gtk_widget_set_tooltip_text (self->edit_button,
                               _("Edit Outlet, Title, Date and Web Address (F2)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Edit article details"), -1);
  gtk_box_append (GTK_BOX (header), self->edit_button);

  self->outlet_label = make_label (NULL, "caption-heading", FALSE);
  self->title_label = make_label (NULL, "heading", TRUE);
  self->date_label = make_label (NULL, "dim-label", FALSE);
  self->standing_label = make_label (NULL, "caption", TRUE);
  gtk_widget_add_css_class (self->standing_label, "crb-standing");
  gtk_box_append (GTK_BOX (labels), self->outlet_label);
  gtk_box_append (GTK_BOX (labels), self->title_label);
  gtk_box_append (GTK_BOX (labels), self->date_label);
  gtk_box_append (GTK_BOX (labels), self->standing_label);
  /* Lines of a readable length on a wide screen: the text and its header
   * are clamped, the column's scrollbar stays at its edge.
   */
  clamp = adw_clamp_new ();
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), MAX_LINE_WIDTH);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), MAX_LINE_WIDTH);
  adw_clamp_set_child (ADW_CLAMP (clamp), header);
  gtk_box_append (GTK_BOX (self->box), clamp);
  gtk_box_append (GTK_BOX (self->box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  self->text_view = gtk_text_view_new ();
  gtk_text_view_set_editable (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (self->text_view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->text_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_pixels_below_lines (GTK_TEXT_VIEW (self->text_view), 2);
  gtk_text_view_set_pixels_inside_wrap (GTK_TEXT_VIEW (self->text_view), 2);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->text_view), 18);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->text_view), 18);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->text_view), 12);
  /* Room after the end, so that the last claims scroll clear of a toast. */
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->text_view), TOAST_CLEARANCE + 24);
  gtk_widget_add_css_class (self->text_view, "crb-article-text");

  click = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released_cb), self);
  gtk_widget_add_controller (self->text_view, GTK_EVENT_CONTROLLER (click));
  g_signal_connect_swapped (self->text_view, "map", G_CALLBACK (on_text_view_map_cb), self);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  clamp = adw_clamp_scrollable_new ();
  adw_clamp_scrollable_set_maximum_size (ADW_CLAMP_SCROLLABLE (clamp), MAX_LINE_WIDTH);
  adw_clamp_scrollable_set_tightening_threshold (ADW_CLAMP_SCROLLABLE (clamp), MAX_LINE_WIDTH);
  adw_clamp_scrollable_set_child (ADW_CLAMP_SCROLLABLE (clamp), self->text_view);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (self->box), scroller);
}

static void
crb_article_view_dispose (GObject *object)
{
  CrbArticleView *self = (CrbArticleView *) object;

  g_clear_pointer (&self->editor, gtk_widget_unparent);
  if (self->layout_tick != 0)
    gtk_widget_remove_tick_callback (self->text_view, self->layout_tick);
  self->layout_tick = 0;
  self->text_view = NULL;
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_clear_pointer (&self->marked, g_hash_table_unref);
  g_clear_object (&self->buffer);
  g_clear_object (&self->article);
  self->selected = NULL;
  self->selected_mark = NULL;
  self->scroll_end_mark = NULL;

  G_OBJECT_CLASS (crb_article_view_parent_class)->dispose (object);
}

static void
crb_article_view_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  CrbArticleView *self = CRB_ARTICLE_VIEW (widget);

  GTK_WIDGET_CLASS (crb_article_view_parent_class)->css_changed (widget, change);
  update_metadata_colour (self);
}

static void
crb_article_view_class_init (CrbArticleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_article_view_dispose;
  widget_class->css_changed = crb_article_view_css_changed;

  /**
   * CrbArticleView::claim-activated:
   * @claim: the claim whose span was clicked
   */
  signals[CLAIM_ACTIVATED] = g_signal_new ("claim-activated", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, CRB_TYPE_CLAIM);
  /**
   * CrbArticleView::link-requested:
   * @claim: the claim whose span was Ctrl+clicked
   * @relation: a #CrbRelation: conflicts with Shift, else agrees
   */
  signals[LINK_REQUESTED] = g_signal_new ("link-requested", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, CRB_TYPE_CLAIM, G_TYPE_INT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crbarticleview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  tag_table = create_tag_table ();
}

static void
crb_article_view_init (CrbArticleView *self)
{
  self->marked = g_hash_table_new (NULL, NULL);
  build (self);
}

/**
 * crb_article_view_new:
 * @article: (nullable): the article to show
 */
GtkWidget *
crb_article_view_new (CrbArticle *article)
{
  GtkWidget *self;

  g_return_val_if_fail (article == NULL || CRB_IS_ARTICLE (article), NULL);

  self = g_object_new (CRB_TYPE_ARTICLE_VIEW, NULL);
  crb_article_view_set_article (CRB_ARTICLE_VIEW (self), article, NULL);
  return self;
}

/* The header: outlet (or the article's id), title, date; the edit button
 * and the names people hear.
 */
static void
update_info (CrbArticleView *self)
{
  CrbArticle *article = self->article;
  g_autofree char *date_text = NULL;
  const char *outlet = NULL, *title = NULL, *date = NULL, *name = NULL;

  if (article != NULL)
    {
      outlet = crb_article_get_outlet (article);
      title = crb_article_get_title (article);
      date = crb_article_get_date (article);
      name = outlet ? outlet : crb_article_get_id (article);
    }

  set_label (self->outlet_label, name);
  set_label (self->title_label, title);
  if (date != NULL)
    {
      g_autoptr (GDateTime) dt = NULL;
      g_autofree char *iso = strlen (date) == 10 ? g_strconcat (date, "T00:00:00Z", NULL) : g_strdup (date);

      dt = g_date_time_new_from_iso8601 (iso, NULL);
      /* Translators: an article's date, see g_date_time_format() */
      date_text = dt ? g_date_time_format (dt, _("%-d %B %Y")) : g_strdup (date);
    }
  set_label (self->date_label, date_text ? g_strstrip (date_text) : NULL);
  gtk_widget_set_visible (self->edit_button, article != NULL);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->edit_button), "s",
                                    article ? crb_article_get_id (article) : "");

  if (name != NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                      -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title ? title : crb_article_get_id (article), -1);
    }
}

/**
 * crb_article_view_set_article:
 * @article: (nullable): the article to show, or %NULL for none
 * @claims: (nullable) (element-type CrbClaim): the article's claims, in span order
 *
 * Shows @article with its claims highlighted, scrolled to the top, with no
 * claim selected.  The column keeps its widgets: switching stories reuses
 * columns rather than building new ones.
 */
void
crb_article_view_set_article (CrbArticleView *self,
                              CrbArticle     *article,
                              GPtrArray      *claims)
{
  g_autoptr (GtkTextBuffer) old_buffer = NULL;
  GtkTextIter start;

  g_return_if_fail (CRB_IS_ARTICLE_VIEW (self));
  g_return_if_fail (article == NULL || CRB_IS_ARTICLE (article));

  g_set_object (&self->article, article);
  g_clear_pointer (&self->claims, g_ptr_array_unref);
  g_hash_table_remove_all (self->marked);
  self->selected = NULL;

  if (self->editor != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->editor));
  update_info (self);
  set_label (self->standing_label, NULL);

  /* The text and its highlights go into a fresh buffer before the view
   * sees it, so the view lays the article out once, not once per claim.
   * Exactly as written: set_text, never markup.
   */
  old_buffer = g_steal_pointer (&self->buffer);
  self->buffer = gtk_text_buffer_new (tag_table);
  gtk_text_buffer_set_enable_undo (self->buffer, FALSE);
  if (article != NULL)
    gtk_text_buffer_set_text (self->buffer, crb_article_get_text (article), -1);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  if (body_start (self) > 0)
    {
      GtkTextIter end;

      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, body_start (self));
      gtk_text_buffer_apply_tag_by_name (self->buffer, "metadata", &start, &end);
    }
  self->selected_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  self->scroll_end_mark = gtk_text_buffer_create_mark (self->buffer, NULL, &start, FALSE);
  if (claims != NULL)
    {
      self->claims = g_ptr_array_ref (claims);
      for (guint i = 0; i < claims->len; i++)
        {
          CrbClaim *claim = g_ptr_array_index (claims, i);
          GtkTextIter end;

          /* A fresh buffer has no status tags to take off first. */
          get_span (self, claim, &start, &end);
          gtk_text_buffer_apply_tag_by_name (self->buffer, status_tags[crb_claim_get_status (claim)],
                                             &start, &end);
        }
    }
  gtk_text_view_set_buffer (GTK_TEXT_VIEW (self->text_view), self->buffer);
  gtk_adjustment_set_value (gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->text_view)), 0.0);
  self->scroll_pending = FALSE;
  self->frames = 0;
  if (gtk_widget_get_mapped (self->text_view))
    wait_for_layout (self);
}

/**
 * crb_article_view_update_info:
 *
 * Shows the article's outlet, title and date as they are now, after an
 * edit, an undo or another program changed them.
 */
void
crb_article_view_update_info (CrbArticleView *self)
{
  g_return_if_fail (CRB_IS_ARTICLE_VIEW (self));
  update_info (self);
}

/**
 * crb_article_view_edit:
 *
 * Opens the editor of the article's outlet, title, date and web address,
 * as the header's edit button does.
 */
void
crb_article_view_edit (CrbArticleView *self)
{
  g_return_if_fail (CRB_IS_ARTICLE_VIEW (self));

  if (self->article == NULL)
    return;

  crb_article_editor_set_article (CRB_ARTICLE_EDITOR (self->editor), self->article);
  gtk_popover_popup (GTK_POPOVER (self->editor));
}

/**
 * crb_article_view_get_editor:
 *
 * Returns: (transfer none): the popover editing the article's details
 */
GtkWidget *
crb_article_view_get_editor (CrbArticleView *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_VIEW (self), NULL);
  return self->editor;
}

/**
 * crb_article_view_set_standing:
 * @standing: (nullable): where the article stands among the story's
 *   outlets: "contradicts 4 outlets on 3 facts"
 * @note: (nullable): what the alignment of a big story left out
 * @contradicted: whether other outlets contradict the article
 *
 * Shows the article's standing in its header, under its date.
 */
void
crb_article_view_set_standing (CrbArticleView *self,
                               const char     *standing,
                               const char     *note,
                               gboolean        contradicted)
{
  g_return_if_fail (CRB_IS_ARTICLE_VIEW (self));

  set_label (self->standing_label, standing);
  if (contradicted)
    gtk_widget_add_css_class (self->standing_label, "crb-contradicted");
  else
    gtk_widget_remove_css_class (self->standing_label, "crb-contradicted");
  gtk_widget_set_tooltip_text (self->standing_label, note);
}

/**
 * crb_article_view_get_article:
 *
 * Returns: (transfer none): the article shown
 */
CrbArticle *
crb_article_view_get_article (CrbArticleView *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_VIEW (self), NULL);
  return self->article;
}

/**
 * crb_article_view_get_text_view:
 *
 * Returns: (transfer none): the text view showing the article
 */
GtkTextView *
crb_article_view_get_text_view (CrbArticleView *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_VIEW (self), NULL);
  return GTK_TEXT_VIEW (self->text_view);
}

/**
 * crb_article_view_set_claims:
 * @claims: (element-type CrbClaim): the article's claims
 */
void
crb_article_view_set_claims (CrbArticleView *self,
                             GPtrArray      *claims)
{
  g_return_if_fail (CRB_IS_ARTICLE_VIEW (self));

  g_clear_pointer (&self->claims, g_ptr_array_unref);
  self->claims = g_ptr_array_ref (claims);
  for (guint i = 0; i < claims->len; i++)
    apply_status (self, g_ptr_array_index (claims, i));
}

void
crb_article_view_update_claim (CrbArticleView *self,
                               CrbClaim       *claim)
{
  g_return_if_fail (CRB_IS_ARTICLE_VIEW (self));

  if (self->claims != NULL && g_ptr_array_find (self->claims, claim, NULL))
    apply_status (self, claim);
}

/**
 * crb_article_view_select_claim:
 * @claim: (nullable): the claim to show as selected, if it is in this article
 *
 * Marks @claim as selected and scrolls it into view; any other claim of the
 * article is unmarked.
 */
void
crb_article_view_select_claim (CrbArticleView *self,
                               CrbClaim       *claim)
{
  GtkTextIter start, end;

  g_return_if_fail (CRB_IS_ARTICLE_VIEW (self));

  if (claim != NULL && (self->claims == NULL || !g_ptr_array_find (self->claims, claim, NULL)))
    claim = NULL;

  if (self->selected == claim)
    return;

  /* Only the spans that change: a tag change over the whole buffer makes
   * the text view lay out (and shape) all of its text again.
   */
  if (self->selected != NULL)
    {
      get_span (self, self->selected, &start, &end);
      gtk_text_buffer_remove_tag_by_name (self->buffer, "claim-selected", &start, &end);
    }
  self->selected = claim;

  if (claim == NULL)
    return;

  get_span (self, claim, &start, &end);
  gtk_text_buffer_apply_tag_by_name (self->buffer, "claim-selected", &start, &end);
  scroll_to_span (self, &start, &end);
}

/**
 * crb_article_view_get_selected_claim:
 *
 * Returns: (transfer none) (nullable): the claim shown as selected
 */
CrbClaim *
crb_article_view_get_selected_claim (CrbArticleView *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_VIEW (self), NULL);
  return self->selected;
}

/**
 * crb_article_view_mark_links:
 * @alignment: (nullable): the story's links
 * @selected: (nullable): the selected claim, in any article
 *
 * Highlights the claims of this article linked to @selected, conflicting
 * ones apart, and scrolls the first into view.
 */
void
crb_article_view_mark_links (CrbArticleView *self,
                             CrbAlignment   *alignment,
                             CrbClaim       *selected)
{
  g_autoptr (GHashTable) wanted = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer key, value;
  GtkTextIter start, end;
  gboolean scrolled = FALSE;

  g_return_if_fail (CRB_IS_ARTICLE_VIEW (self));

  for (guint i = 0; alignment && selected && self->claims && i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      const char *id = crb_claim_get_id (selected);
      const char *other_id = crb_link_other_end (link, id);

      if (other_id == NULL)
        continue;

      for (guint j = 0; j < self->claims->len; j++)
        {
          CrbClaim *claim = g_ptr_array_index (self->claims, j);

          if (g_strcmp0 (crb_claim_get_id (claim), other_id) == 0)
            g_hash_table_insert (wanted, claim,
                                 (gpointer) (link->relation == CRB_RELATION_CONFLICTS ? "claim-conflicting"
                                                                                       : "claim-linked"));
        }
    }

  /* Change only the spans whose marking changes (see select_claim). */
  g_hash_table_iter_init (&iter, self->marked);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      if (g_hash_table_lookup (wanted, key) == value)
        continue;
      get_span (self, key, &start, &end);
      gtk_text_buffer_remove_tag_by_name (self->buffer, value, &start, &end);
      g_hash_table_iter_remove (&iter);
    }

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CrbClaim *claim = key;

      if (g_hash_table_lookup (self->marked, claim) != value)
        {
          get_span (self, claim, &start, &end);
          gtk_text_buffer_apply_tag_by_name (self->buffer, value, &start, &end);
          g_hash_table_insert (self->marked, claim, value);
        }
    }

  /* The first linked claim of this article comes into view, unless the
   * selected claim itself is here.
   */
  for (guint j = 0; self->selected == NULL && self->claims && j < self->claims->len && !scrolled; j++)
    {
      CrbClaim *claim = g_ptr_array_index (self->claims, j);

      if (!g_hash_table_contains (wanted, claim))
        continue;

      get_span (self, claim, &start, &end);
      scroll_to_span (self, &start, &end);
      scrolled = TRUE;
    }
}
