/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crb-chart.h"

G_BEGIN_DECLS

/**
 * CrbChartBuilder:
 * @data: what the chart shows
 * @width: the width to fill; a chart that needs more is wider
 * @dark: whether to draw for a dark background
 * @titled: whether to give the chart its title (a picture saved), or not
 *   (in a window, under a heading of its own)
 * @context: to measure text with
 *
 * Returns: (transfer full): the chart
 */
typedef CrbChart *(*CrbChartBuilder) (gpointer      data,
                                      double        width,
                                      gboolean      dark,
                                      gboolean      titled,
                                      PangoContext *context);

#define CRB_TYPE_CHART_VIEW (crb_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (CrbChartView, crb_chart_view, CRB, CHART_VIEW, GtkWidget)

GtkWidget *crb_chart_view_new       (CrbChartBuilder  build,
                                     gpointer         data,
                                     GDestroyNotify   destroy);
CrbChart  *crb_chart_view_get_chart (CrbChartView    *self);
gboolean   crb_chart_view_save      (CrbChartView    *self,
                                     GFile           *file,
                                     const char      *format,
                                     GError         **error);

G_END_DECLS
