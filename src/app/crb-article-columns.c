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
 * The columns show the items of a GListModel, and only those in view have
 * a widget: a story of 400 articles has as many column widgets as fit in
 * the window and one on each side, made by the create function and given
 * their item by the bind function, and recycled for other items as the
 * scrolling moves (as GtkListView does with its rows; GTK 4.8's list views
 * keep up to 200 rows alive, and a column is a text view of a whole
 * article).  Each column but the first has the style class
 * "crb-column-after", which style.css gives a border on its left.
 */

#define DEFAULT_MIN_COLUMN_WIDTH 280

/* Columns made beyond the view on each side, ready to scroll in. */
#define MARGIN_COLUMNS 1

/* A column widget and the item it shows. */
typedef struct
{
  GtkWidget *widget;
  gpointer   item;        /* owned; NULL when it shows none */
  guint      position;    /* of item in the model */
  gboolean   keep;        /* while updating: still in view */
} Slot;

struct _CrbArticleColumns
{
  GtkWidget                    parent_instance;

  GtkAdjustment               *hadjustment;
  GtkAdjustment               *vadjustment;
  guint                        hscroll_policy : 1;
  guint                        vscroll_policy : 1;

  GListModel                  *model;
  GPtrArray                   *slots;           /* Slot */
  CrbArticleColumnsCreateFunc  create;
  CrbArticleColumnsBindFunc    bind;
  gpointer                     user_data;

  int                          min_column_width;
  double                       column_width;    /* as last allocated; 0 before */
  guint                        pending_scroll;  /* a position to show once allocated */
  gboolean                     allocating;
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

static void
slot_free (Slot *slot)
{
  g_clear_object (&slot->item);
  g_free (slot);
}

static guint
count_items (CrbArticleColumns *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
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
bind_slot (CrbArticleColumns *self,
           Slot              *slot,
           gpointer           item,
           guint              position)
{
  g_set_object (&slot->item, item);
  slot->position = position;
  if (self->bind != NULL)
    self->bind (slot->widget, item, self->user_data);
  gtk_widget_set_child_visible (slot->widget, item != NULL);
}

static Slot *
new_slot (CrbArticleColumns *self)
{
  Slot *slot = g_new0 (Slot, 1);

  slot->widget = self->create (self->user_data);
  gtk_widget_set_parent (slot->widget, GTK_WIDGET (self));
  gtk_widget_set_child_visible (slot->widget, FALSE);
  g_ptr_array_add (self->slots, slot);
  return slot;
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *x = *(Slot * const *) a, *y = *(Slot * const *) b;

  /* Bound ones first, by position. */
  if ((x->item == NULL) != (y->item == NULL))
    return x->item == NULL ? 1 : -1;
  return (x->position > y->position) - (x->position < y->position);
}

/* The widgets in the order of their items, each but the first with a
 * border on its left; moved only when out of order.
 */
static void
order_slots (CrbArticleColumns *self)
{
  GtkWidget *prev = NULL;

  g_ptr_array_sort (self->slots, compare_slots);
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);

      if (gtk_widget_get_prev_sibling (slot->widget) != prev)
        gtk_widget_insert_after (slot->widget, GTK_WIDGET (self), prev);
      prev = slot->widget;
      if (slot->item != NULL && slot->position > 0)
        gtk_widget_add_css_class (slot->widget, "crb-column-after");
      else
        gtk_widget_remove_css_class (slot->widget, "crb-column-after");
    }
}

/* Gives a widget to each item in view and the one beside it on each side,
 * reusing the widget of an item that stays and recycling those of items
 * that left; the others show nothing.  Called when the model, the
 * scrolling or the width change.
 */
static void
update_columns (CrbArticleColumns *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  guint n = count_items (self);
  g_autoptr (GArray) missing = NULL;
  double column_width, value;
  guint first, last;

  if (self->create == NULL)
    return;

  /* Not yet allocated (a page about to be shown): the window's width is
   * the most the columns can have, so those in view are among these.
   */
  if (width <= 0 && gtk_widget_get_root (GTK_WIDGET (self)) != NULL)
    width = gtk_widget_get_width (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))));

  for (guint i = 0; i < self->slots->len; i++)
    ((Slot *) g_ptr_array_index (self->slots, i))->keep = FALSE;

  if (n > 0 && width > 0)
    {
      column_width = (double) width / columns_in_view (self, width, n);
      value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0,
                     MAX (0, column_width * n - width));
      first = (guint) MAX (0.0, floor (value / column_width + 0.001) - MARGIN_COLUMNS);
      last = (guint) MIN ((double) n - 1,
                          ceil ((value + width) / column_width - 0.001) - 1 + MARGIN_COLUMNS);
      missing = g_array_new (FALSE, FALSE, sizeof (guint));

      /* Items that have a widget keep it. */
      for (guint p = first; p <= last; p++)
        {
          g_autoptr (GObject) item = g_list_model_get_item (self->model, p);
          Slot *found = NULL;

          for (guint i = 0; i < self->slots->len && found == NULL; i++)
            {
              Slot *slot = g_ptr_array_index (self->slots, i);

              if (slot->item == item && !slot->keep)
                found = slot;
            }
          if (found != NULL)
            {
              found->position = p;
              found->keep = TRUE;
            }
          else
            g_array_append_val (missing, p);
        }

      /* The others take the widgets of items that left, or new ones. */
      for (guint m = 0; m < missing->len; m++)
        {
          guint p = g_array_index (missing, guint, m);
          g_autoptr (GObject) item = g_list_model_get_item (self->model, p);
          Slot *free_slot = NULL;

          for (guint i = 0; i < self->slots->len && free_slot == NULL; i++)
            {
              Slot *slot = g_ptr_array_index (self->slots, i);

              if (!slot->keep)
                free_slot = slot;
            }
          if (free_slot == NULL)
            free_slot = new_slot (self);
          bind_slot (self, free_slot, item, p);
          free_slot->keep = TRUE;
        }
    }

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);

      if (!slot->keep && slot->item != NULL)
        bind_slot (self, slot, NULL, 0);
    }

  order_slots (self);
}

static void
on_adjustment_value_changed_cb (CrbArticleColumns *self)
{
  if (self->allocating)
    return;
  update_columns (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_items_changed_cb (CrbArticleColumns *self)
{
  /* The columns' width may change with their number: a scroll waits for
   * the next allocation.
   */
  self->column_width = 0;
  update_columns (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
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

static Slot *
slot_of_widget (CrbArticleColumns *self,
                GtkWidget         *widget)
{
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);

      if (slot->widget == widget && slot->item != NULL)
        return slot;
    }
  return NULL;
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

  /* The columns made stand for all: they are alike. */
  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);
      int child_min, child_nat;

      if (slot->item == NULL || !gtk_widget_get_visible (slot->widget))
        continue;

      gtk_widget_measure (slot->widget, orientation, -1, &child_min, &child_nat, NULL, NULL);
      min = MAX (min, child_min);
      nat = MAX (nat, child_nat);
    }

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* One readable column at least; all of them side by side at best. */
      min = MAX (min, self->min_column_width);
      nat = MAX (min, (int) count_items (self) * self->min_column_width);
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
  guint n = count_items (self);
  guint k = columns_in_view (self, width, n);
  double column_width = (double) width / k;
  double upper = MAX (width, column_width * n);
  double value;

  self->allocating = TRUE;
  self->column_width = column_width;
  value = CLAMP (gtk_adjustment_get_value (self->hadjustment), 0, upper - width);
  gtk_adjustment_configure (self->hadjustment, value, 0, upper,
                            column_width / 8, column_width, width);
  gtk_adjustment_configure (self->vadjustment, 0, 0, height, 0, 0, height);
  if (self->pending_scroll != GTK_INVALID_LIST_POSITION)
    {
      if (self->pending_scroll < n)
        scroll_to_index (self, self->pending_scroll);
      self->pending_scroll = GTK_INVALID_LIST_POSITION;
    }

  /* The width decides how many columns are in view. */
  update_columns (self);
  value = round (gtk_adjustment_get_value (self->hadjustment));

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);
      int x0, x1;

      if (slot->item == NULL || !gtk_widget_get_visible (slot->widget))
        continue;

      x0 = (int) round (slot->position * column_width);
      x1 = (int) round ((slot->position + 1) * column_width);
      /* A column just made has not been measured with the others. */
      gtk_widget_measure (slot->widget, GTK_ORIENTATION_HORIZONTAL, -1, NULL, NULL, NULL, NULL);
      gtk_widget_size_allocate (slot->widget,
                                &(GtkAllocation) { x0 - (int) value, 0, x1 - x0, height },
                                -1);
    }
  self->allocating = FALSE;
}

static void
crb_article_columns_set_focus_child (GtkWidget *widget,
                                     GtkWidget *child)
{
  CrbArticleColumns *self = CRB_ARTICLE_COLUMNS (widget);
  Slot *slot;

  GTK_WIDGET_CLASS (crb_article_columns_parent_class)->set_focus_child (widget, child);

  /* Tab into a column shows all of it. */
  if (child != NULL && (slot = slot_of_widget (self, child)) != NULL)
    crb_article_columns_scroll_to (self, slot->position);
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

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_clear_object (&self->model);
  for (guint i = 0; self->slots != NULL && i < self->slots->len; i++)
    gtk_widget_unparent (((Slot *) g_ptr_array_index (self->slots, i))->widget);
  g_clear_pointer (&self->slots, g_ptr_array_unref);

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
  self->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) slot_free);
  self->pending_scroll = GTK_INVALID_LIST_POSITION;
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
 * crb_article_columns_set_factory:
 * @create: makes a column widget
 * @bind: gives a column its item, or none
 * @user_data: for both
 *
 * Sets how column widgets are made and filled; once, before a model.
 */
void
crb_article_columns_set_factory (CrbArticleColumns          *self,
                                 CrbArticleColumnsCreateFunc create,
                                 CrbArticleColumnsBindFunc   bind,
                                 gpointer                    user_data)
{
  g_return_if_fail (CRB_IS_ARTICLE_COLUMNS (self));
  g_return_if_fail (create != NULL && bind != NULL);
  g_return_if_fail (self->slots->len == 0);

  self->create = create;
  self->bind = bind;
  self->user_data = user_data;
}

/**
 * crb_article_columns_set_model:
 * @model: (nullable): the items to show, one column each
 *
 * Shows a column for each item of @model, following its changes; widgets
 * are made for the items in view only.
 */
void
crb_article_columns_set_model (CrbArticleColumns *self,
                               GListModel        *model)
{
  g_return_if_fail (CRB_IS_ARTICLE_COLUMNS (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_swapped (model, "items-changed", G_CALLBACK (on_items_changed_cb), self);
  on_items_changed_cb (self);
}

/**
 * crb_article_columns_get_model:
 *
 * Returns: (transfer none) (nullable): the items shown
 */
GListModel *
crb_article_columns_get_model (CrbArticleColumns *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_COLUMNS (self), NULL);
  return self->model;
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
 * Returns: the number of columns shown, in view or not (the model's items)
 */
guint
crb_article_columns_get_n_shown (CrbArticleColumns *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_COLUMNS (self), 0);
  return count_items (self);
}

/**
 * crb_article_columns_get_column:
 * @position: an item of the model
 *
 * Returns: (transfer none) (nullable): the widget of the column showing the
 *   item at @position, or %NULL when it has none (it is out of view)
 */
GtkWidget *
crb_article_columns_get_column (CrbArticleColumns *self,
                                guint              position)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_COLUMNS (self), NULL);

  for (guint i = 0; i < self->slots->len; i++)
    {
      Slot *slot = g_ptr_array_index (self->slots, i);

      if (slot->item != NULL && slot->position == position)
        return slot->widget;
    }
  return NULL;
}

/**
 * crb_article_columns_scroll_to:
 * @position: an item of the model
 *
 * Scrolls the least that brings all of the column at @position into view,
 * now or once the columns are allocated.
 */
void
crb_article_columns_scroll_to (CrbArticleColumns *self,
                               guint              position)
{
  g_return_if_fail (CRB_IS_ARTICLE_COLUMNS (self));

  if (self->column_width <= 0 || self->allocating)
    {
      self->pending_scroll = position;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
      return;
    }

  if (position < count_items (self))
    scroll_to_index (self, position);
}
