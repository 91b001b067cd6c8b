/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-chart-view"

#include "config.h"

#include "crb-chart-view.h"

#include <adwaita.h>
#include <math.h>

/*
 * A chart in a window: drawn with GtkSnapshot from the shapes its builder
 * makes for the width it is given, in the colours of the light or dark
 * style, again whenever either changes; saved as PNG or SVG from the same
 * shapes.
 */

struct _CrbChartView
{
  GtkWidget        parent_instance;

  CrbChartBuilder  build;
  gpointer         data;
  GDestroyNotify   destroy;
  CrbChart        *chart;
  int              chart_width;
  gboolean         chart_dark;
};

G_DEFINE_FINAL_TYPE (CrbChartView, crb_chart_view, GTK_TYPE_WIDGET)

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static CrbChart *
chart_for_width (CrbChartView *self,
                 int           width)
{
  gboolean dark = is_dark ();

  if (self->chart == NULL || self->chart_width != width || self->chart_dark != dark)
    {
      g_clear_pointer (&self->chart, crb_chart_free);
      self->chart = self->build (self->data, width, dark, FALSE, gtk_widget_get_pango_context (GTK_WIDGET (self)));
      self->chart_width = width;
      self->chart_dark = dark;
    }
  return self->chart;
}

static void
on_style_changed_cb (CrbChartView *self)
{
  g_clear_pointer (&self->chart, crb_chart_free);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
crb_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  CrbChartView *self = CRB_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      /* As narrow as the chart can be drawn. */
      g_autoptr (CrbChart) narrowest = self->build (self->data, 1, is_dark (), FALSE,
                                                   gtk_widget_get_pango_context (widget));

      *minimum = (int) ceil (crb_chart_get_width (narrowest));
      *natural = MAX (*minimum, 640);
    }
  else
    {
      CrbChart *chart = chart_for_width (self, for_size > 0 ? for_size : 640);

      *minimum = *natural = (int) ceil (crb_chart_get_height (chart));
    }
}

static GtkSizeRequestMode
crb_chart_view_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
crb_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  CrbChartView *self = CRB_CHART_VIEW (widget);

  crb_chart_snapshot (chart_for_width (self, gtk_widget_get_width (widget)), snapshot,
                      gtk_widget_get_pango_context (widget), FALSE);
}

static void
crb_chart_view_finalize (GObject *object)
{
  CrbChartView *self = (CrbChartView *) object;

  g_clear_pointer (&self->chart, crb_chart_free);
  if (self->destroy != NULL)
    self->destroy (self->data);

  G_OBJECT_CLASS (crb_chart_view_parent_class)->finalize (object);
}

static void
crb_chart_view_class_init (CrbChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = crb_chart_view_finalize;
  widget_class->measure = crb_chart_view_measure;
  widget_class->get_request_mode = crb_chart_view_get_request_mode;
  widget_class->snapshot = crb_chart_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "crbchartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
crb_chart_view_init (CrbChartView *self)
{
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (on_style_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * crb_chart_view_new:
 * @build: makes the chart for a width and a style
 * @data: what @build is given
 * @destroy: (nullable): frees @data with the view
 */
GtkWidget *
crb_chart_view_new (CrbChartBuilder build,
                    gpointer        data,
                    GDestroyNotify  destroy)
{
  CrbChartView *self = g_object_new (CRB_TYPE_CHART_VIEW, NULL);

  self->build = build;
  self->data = data;
  self->destroy = destroy;
  return GTK_WIDGET (self);
}

/**
 * crb_chart_view_get_chart:
 *
 * Returns: (transfer none): the chart as shown, at the view's width
 */
CrbChart *
crb_chart_view_get_chart (CrbChartView *self)
{
  int width;

  g_return_val_if_fail (CRB_IS_CHART_VIEW (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  return chart_for_width (self, width > 0 ? width : 640);
}

/**
 * crb_chart_view_save:
 * @format: "png" or "svg"
 *
 * Saves the chart as shown, with its background and its title: PNG
 * rendered from its snapshot at twice its size, or SVG written from the
 * same shapes.
 */
gboolean
crb_chart_view_save (CrbChartView  *self,
                     GFile         *file,
                     const char    *format,
                     GError       **error)
{
  g_autoptr (CrbChart) chart = NULL;
  PangoContext *context;
  int width;

  g_return_val_if_fail (CRB_IS_CHART_VIEW (self), FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  chart = self->build (self->data, width > 0 ? width : 640, is_dark (), TRUE, context);
  if (g_strcmp0 (format, "svg") == 0)
    return crb_chart_save_svg (chart, context, file, error);
  return crb_chart_save_png (chart,
                             gtk_widget_get_native (GTK_WIDGET (self))
                             ? gtk_native_get_renderer (gtk_widget_get_native (GTK_WIDGET (self))) : NULL,
                             context, file, error);
}
