/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-claims-pane"

#include "config.h"

#include "crb-claims-pane.h"

#include <string.h>

/*
 * The claims side of the window: the selected claim on top, the story's
 * claims at the bottom, and whatever is between them (the filter) at its
 * natural height.  Children are added in that order (in a .ui file, as
 * <child> elements).
 *
 * Its width is the pane width, not its content's: a claim with a long text
 * or many links wraps, it never widens the pane (a GtkBox would follow the
 * natural width of its labels, and the pane's edge would jump from claim to
 * claim).  Only a child that cannot be narrower makes it wider.
 *
 * Its height is shared so that neither part is crowded out: the top gets
 * its natural height while the bottom keeps at least BOTTOM_SHARE of the
 * room; past that the top scrolls (it is a scrolled window, or holds one).
 */

#define BOTTOM_SHARE 0.4
#define DEFAULT_PANE_WIDTH 400

struct _CrbClaimsPane
{
  GtkWidget  parent_instance;

  int        pane_width;
};

enum {
  PROP_0,
  PROP_PANE_WIDTH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CrbClaimsPane, crb_claims_pane, GTK_TYPE_WIDGET)

typedef struct
{
  GtkWidget *top;
  GtkWidget *bottom;
  int        top_min, top_nat;
  int        bottom_min, bottom_nat;
  int        middle_min, middle_nat;
} Parts;

static void
measure_parts (CrbClaimsPane *self,
               int            width,
               Parts         *parts)
{
  GtkWidget *first = NULL, *last = NULL;

  memset (parts, 0, sizeof *parts);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!gtk_widget_should_layout (child))
        continue;
      if (first == NULL)
        first = child;
      last = child;
    }

  parts->top = first;
  parts->bottom = last != first ? last : NULL;

  for (GtkWidget *child = first; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      int min, nat;

      if (!gtk_widget_should_layout (child))
        continue;

      gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width, &min, &nat, NULL, NULL);
      if (child == parts->top)
        {
          parts->top_min = min;
          parts->top_nat = nat;
        }
      else if (child == parts->bottom)
        {
          parts->bottom_min = min;
          parts->bottom_nat = nat;
        }
      else
        {
          parts->middle_min += min;
          parts->middle_nat += nat;
        }

      if (child == last)
        break;
    }
}

static GtkSizeRequestMode
crb_claims_pane_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
crb_claims_pane_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CrbClaimsPane *self = CRB_CLAIMS_PANE (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      int min = self->pane_width;

      for (GtkWidget *child = gtk_widget_get_first_child (widget);
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          int child_min;

          if (!gtk_widget_should_layout (child))
            continue;
          gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1,
                              &child_min, NULL, NULL, NULL);
          min = MAX (min, child_min);
        }

      /* The natural width is the minimum: content never widens the pane. */
      *minimum = *natural = min;
    }
  else
    {
      Parts parts;
      int width = for_size, unused;

      if (width < 0)
        crb_claims_pane_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1,
                                 &width, &unused, NULL, NULL);

      measure_parts (self, width, &parts);
      /* The filter keeps its natural height: it never gets squeezed. */
      *minimum = parts.top_min + parts.middle_nat + parts.bottom_min;
      *natural = parts.top_nat + parts.middle_nat + parts.bottom_nat;
    }
}

static void
crb_claims_pane_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  CrbClaimsPane *self = CRB_CLAIMS_PANE (widget);
  Parts parts;
  int rest, top_height, bottom_height, y = 0;

  measure_parts (self, width, &parts);

  rest = MAX (0, height - parts.middle_nat);
  if (parts.bottom != NULL)
    {
      int bottom_least = MAX (parts.bottom_min, (int) (rest * BOTTOM_SHARE));

      top_height = MAX (parts.top_min, MIN (parts.top_nat, rest - bottom_least));
      bottom_height = MAX (parts.bottom_min, rest - top_height);
    }
  else
    {
      top_height = rest;
      bottom_height = 0;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      int child_height;

      if (!gtk_widget_should_layout (child))
        continue;

      if (child == parts.top)
        child_height = top_height;
      else if (child == parts.bottom)
        child_height = MAX (bottom_height, height - y);
      else
        gtk_widget_measure (child, GTK_ORIENTATION_VERTICAL, width,
                            NULL, &child_height, NULL, NULL);

      gtk_widget_size_allocate (child, &(GtkAllocation) { 0, y, width, child_height }, -1);
      y += child_height;
    }
}

static void
crb_claims_pane_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  CrbClaimsPane *self = CRB_CLAIMS_PANE (object);

  switch (prop_id)
    {
    case PROP_PANE_WIDTH:
      g_value_set_int (value, self->pane_width);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_claims_pane_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  CrbClaimsPane *self = CRB_CLAIMS_PANE (object);

  switch (prop_id)
    {
    case PROP_PANE_WIDTH:
      crb_claims_pane_set_pane_width (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_claims_pane_dispose (GObject *object)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (crb_claims_pane_parent_class)->dispose (object);
}

static void
crb_claims_pane_class_init (CrbClaimsPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_claims_pane_dispose;
  object_class->get_property = crb_claims_pane_get_property;
  object_class->set_property = crb_claims_pane_set_property;

  widget_class->get_request_mode = crb_claims_pane_get_request_mode;
  widget_class->measure = crb_claims_pane_measure;
  widget_class->size_allocate = crb_claims_pane_size_allocate;

  /**
   * CrbClaimsPane:pane-width:
   *
   * The width of the pane, unless a child cannot be that narrow.
   */
  properties[PROP_PANE_WIDTH] =
    g_param_spec_int ("pane-width", NULL, NULL,
                      1, G_MAXINT, DEFAULT_PANE_WIDTH,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "crbclaimspane");
}

static void
crb_claims_pane_init (CrbClaimsPane *self)
{
  self->pane_width = DEFAULT_PANE_WIDTH;
}

GtkWidget *
crb_claims_pane_new (void)
{
  return g_object_new (CRB_TYPE_CLAIMS_PANE, NULL);
}

int
crb_claims_pane_get_pane_width (CrbClaimsPane *self)
{
  g_return_val_if_fail (CRB_IS_CLAIMS_PANE (self), 0);
  return self->pane_width;
}

void
crb_claims_pane_set_pane_width (CrbClaimsPane *self,
                                int            width)
{
  g_return_if_fail (CRB_IS_CLAIMS_PANE (self));
  g_return_if_fail (width > 0);

  if (self->pane_width == width)
    return;

  self->pane_width = width;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PANE_WIDTH]);
}
