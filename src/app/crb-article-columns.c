/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-article-columns"

#include "config.h"

#include <math.h>

#include "crb-article-columns.h"

/*
 * The article columns of a story, side by side.  They share the width they
 * are given: as many columns as fit at a readable width are shown, each
 * taking an equal part, and the others are a scroll away.  The widget is a
 * GtkScrollable, so a GtkScrolledWindow around it gives the scrollbar and
 * touch and kinetic scrolling; it scrolls by whole columns' widths, never
 * leaving a column cut at the edge when the scrolling rests on a column's
 * start.  Sideways scrolling (a tilted wheel, a touchpad's sideways swipe)
 * and Shift+wheel are taken before the articles' own scrolled windows,
 * which would swallow them; the plain wheel scrolls an article's text.
 *
 * Hidden children (an article unchecked in the "Shown Articles" menu) take
 * no room.  Each shown column but the first has the style class
 * "crb-column-after", which style.css gives a border on its left.
 */

#define DEFAULT_MIN_COLUMN_WIDTH 280

struct _CrbArticleColumns
{
  GtkWidget      parent_instance;

  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;

  int            min_column_width;
  double         column_width;      /* as last allocated; 0 before */
  GtkWidget     *pending_scroll;    /* weak: a column to show once allocated */
};

enum {
  PROP_0,
  PROP_MIN_COLUMN_WIDTH,
  N_PROPS,

  /* GtkScrollable */
  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE_WITH_CODE (CrbArticleColumns, crb_article_columns, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static guint
count_shown (CrbArticleColumns *self)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child))
      n++;

  return n;
}

/* How many columns share the width: as many as are readable, at least one. */
static guint
columns_in_view (CrbArticleColumns *self,
                 int                width,
                 guint              n_shown)
{
  guint fit = MAX (1, width / MAX (1, self->min_column_width));

  return MAX (1, MIN (fit, n_shown));
}

static void
update_borders (CrbArticleColumns *self)
{
  gboolean first = TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (first)
        gtk_widget_remove_css_class (child, "crb-column-after");
      else
        gtk_widget_add_css_class (child, "crb-column-after");
      first = FALSE;
    }
}

static void
on_child_visible_cb (CrbArticleColumns *self)
{
  update_borders (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
on_adjustment_value_changed_cb (CrbArticleColumns *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
set_adjustment (CrbArticleColumns  *self,
                GtkAdjustment     **slot,
                GtkAdjustment      *adjustment)
{
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  if (*slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
      g_object_unref (*slot);
    }
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (on_adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Scrolls the least that brings the column at @index wholly into view. */
static void
scroll_to_index (CrbArticleColumns *self,
                 guint              index)
{
  double start = index * self->column_width;
  double end = start + self->column_width;
  double value = gtk_adjustment_get_value (self->hadjustment);
  double page = gtk_adjustment_get_page_size (self->hadjustment);

  if (start < value)
    gtk_adjustment_set_value (self->hadjustment, start);
  else if (end > value + page)
    gtk_adjustment_set_value (self->hadjustment, end - page);
}

static gboolean
index_of (CrbArticleColumns *self,
          GtkWidget         *column,
          guint             *index)
{
  guint i = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_get_visible (child))
        continue;
      if (child == column)
        {
          *index = i;
          return TRUE;
        }
      i++;
    }

  return FALSE;
}

static gboolean
on_scroll_cb (CrbArticleColumns        *self,
              double                    dx,
              double                    dy,
              GtkEventControllerScroll *controller)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  double page = gtk_adjustment_get_page_size (self->hadjustment);
  double delta;

  if (state & GDK_SHIFT_MASK)
    delta = dx != 0 ? dx : dy;
  else if (dx != 0 && fabs (dx) >= fabs (dy))
    delta = dx;
  else
    return GDK_EVENT_PROPAGATE;

  if (gtk_adjustment_get_upper (self->hadjustment) <= page)
    return GDK_EVENT_PROPAGATE;

  /* A wheel's step, as GtkScrolledWindow takes it; a touchpad's pixels. */
  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    delta *= pow (page, 2.0 / 3.0);
  gtk_adjustment_set_value (self->hadjustment, gtk_adjustment_get_value (self->hadjustment) + delta);
  return GDK_EVENT_STOP;
}

static void
crb_article_columns_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  CrbArticleColumns *self = CRB_ARTICLE_COLUMNS (widget);
  int min = 0, nat = 0;
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_min, child_nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, orientation, -1, &child_min, &child_nat, NULL, NULL);
      min = MAX (min, child_min);
      nat = MAX (nat, child_nat);
      n++;
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* One readable column at least; all of them side by side at best. */
      min = MAX (min, self->min_column_width);
      nat = MAX (min, (int) n * self->min_column_width);
    }

  *minimum = min;
  *natural = nat;
}

static void
crb_article_columns_size_allocate (GtkWidget *widget,
                                   int        width,
                                   int        height,
                                   int        baseline)
{
  CrbArticleColumns *self = CRB_ARTICLE_COLUMNS (widget);
  guint n = count_shown (self);
  guint k = columns_in_view (self, width, n);
  double column_width = (double) width / k;
  double upper = MAX (width, column_width * n);
  double value;
  guint i = 0;

  self->column_width = column_width;
  value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, upper - width);
  gtk_adjustment_configure (self->hadjustment, value, 0, upper,
                            column_width / 8, column_width, width);
  gtk_adjustment_configure (self->vadjustment, 0, 0, height, 0, 0, height);
  value = round (gtk_adjustment_get_value (self->hadjustment));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int x0, x1;

      if (!gtk_widget_should_layout (child))
        continue;

      x0 = (int) round (i * column_width);
      x1 = (int) round ((i + 1) * column_width);
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) { x0 - (int) value, 0, x1 - x0, height },
                                -1);
      i++;
    }

  if (self->pending_scroll != NULL)
    {
      GtkWidget *column = self->pending_scroll;

      g_clear_weak_pointer (&self->pending_scroll);
      if (index_of (self, column, &i))
        scroll_to_index (self, i);
    }
}

static void
crb_article_columns_set_focus_child (GtkWidget *widget,
                                     GtkWidget *child)
{
  GTK_WIDGET_CLASS (crb_article_columns_parent_class)->set_focus_child (widget, child);

  /* Tab into a column shows all of it. */
  if (child != NULL)
    crb_article_columns_scroll_to (CRB_ARTICLE_COLUMNS (widget), child);
}

static void
crb_article_columns_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  CrbArticleColumns *self = CRB_ARTICLE_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      g_value_set_int (value, self->min_column_width);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_article_columns_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  CrbArticleColumns *self = CRB_ARTICLE_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_MIN_COLUMN_WIDTH:
      crb_article_columns_set_min_column_width (self, g_value_get_int (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_article_columns_dispose (GObject *object)
{
  CrbArticleColumns *self = CRB_ARTICLE_COLUMNS (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_weak_pointer (&self->pending_scroll);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (crb_article_columns_parent_class)->dispose (object);
}

static void
crb_article_columns_class_init (CrbArticleColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_article_columns_dispose;
  object_class->get_property = crb_article_columns_get_property;
  object_class->set_property = crb_article_columns_set_property;

  widget_class->measure = crb_article_columns_measure;
  widget_class->size_allocate = crb_article_columns_size_allocate;
  widget_class->set_focus_child = crb_article_columns_set_focus_child;

  /**
   * CrbArticleColumns:min-column-width:
   *
   * The narrowest a column may be to stay readable; fewer columns share the
   * width below it.
   */
  properties[PROP_MIN_COLUMN_WIDTH] =
    g_param_spec_int ("min-column-width", NULL, NULL,
                      1, G_MAXINT, DEFAULT_MIN_COLUMN_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  gtk_widget_class_set_css_name (widget_class, "crbarticlecolumns");
}

static void
crb_article_columns_init (CrbArticleColumns *self)
{
  GtkEventController *scroll;

  self->min_column_width = DEFAULT_MIN_COLUMN_WIDTH;
  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);
  /* Columns scrolled partly out of view are cut at the edge. */
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (scroll, "scroll", G_CALLBACK (on_scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), scroll);
}

GtkWidget *
crb_article_columns_new (void)
{
  return g_object_new (CRB_TYPE_ARTICLE_COLUMNS, NULL);
}

/**
 * crb_article_columns_append:
 * @column: a column, shown when it is visible
 */
void
crb_article_columns_append (CrbArticleColumns *self,
                            GtkWidget         *column)
{
  g_return_if_fail (CRB_IS_ARTICLE_COLUMNS (self));
  g_return_if_fail (GTK_IS_WIDGET (column));
  g_return_if_fail (gtk_widget_get_parent (column) == NULL);

  gtk_widget_set_parent (column, GTK_WIDGET (self));
  g_signal_connect_object (column, "notify::visible", G_CALLBACK (on_child_visible_cb),
                           self, G_CONNECT_SWAPPED);
  update_borders (self);
}

int
crb_article_columns_get_min_column_width (CrbArticleColumns *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_COLUMNS (self), 0);
  return self->min_column_width;
}

void
crb_article_columns_set_min_column_width (CrbArticleColumns *self,
                                          int                width)
{
  g_return_if_fail (CRB_IS_ARTICLE_COLUMNS (self));
  g_return_if_fail (width > 0);

  if (self->min_column_width == width)
    return;

  self->min_column_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_COLUMN_WIDTH]);
}

/**
 * crb_article_columns_get_n_shown:
 *
 * Returns: the number of columns shown (visible), in view or not
 */
guint
crb_article_columns_get_n_shown (CrbArticleColumns *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_COLUMNS (self), 0);
  return count_shown (self);
}

/**
 * crb_article_columns_scroll_to:
 * @column: a shown column
 *
 * Scrolls the least that brings all of @column into view, now or once the
 * columns are allocated.
 */
void
crb_article_columns_scroll_to (CrbArticleColumns *self,
                               GtkWidget         *column)
{
  guint index;

  g_return_if_fail (CRB_IS_ARTICLE_COLUMNS (self));
  g_return_if_fail (GTK_IS_WIDGET (column));

  if (self->column_width <= 0)
    {
      g_set_weak_pointer (&self->pending_scroll, column);
      return;
    }

  if (index_of (self, column, &index))
    scroll_to_index (self, index);
}
