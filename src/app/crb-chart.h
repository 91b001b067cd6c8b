/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  CRB_ANCHOR_START,
  CRB_ANCHOR_MIDDLE,
  CRB_ANCHOR_END,
} CrbAnchor;

typedef struct _CrbChart CrbChart;

CrbChart   *crb_chart_new          (double              width,
                                    double              height,
                                    const GdkRGBA      *background);
void        crb_chart_free         (CrbChart           *chart);
double      crb_chart_get_width    (CrbChart           *chart);
double      crb_chart_get_height   (CrbChart           *chart);
void        crb_chart_set_size     (CrbChart           *chart,
                                    double              width,
                                    double              height);
void        crb_chart_rect         (CrbChart           *chart,
                                    double              x,
                                    double              y,
                                    double              width,
                                    double              height,
                                    double              radius,
                                    const GdkRGBA      *fill);
void        crb_chart_line         (CrbChart           *chart,
                                    double              x1,
                                    double              y1,
                                    double              x2,
                                    double              y2,
                                    double              width,
                                    const GdkRGBA      *color);
void        crb_chart_circle       (CrbChart           *chart,
                                    double              cx,
                                    double              cy,
                                    double              radius,
                                    const GdkRGBA      *fill);
void        crb_chart_text         (CrbChart           *chart,
                                    double              x,
                                    double              y,
                                    const char         *text,
                                    double              size,
                                    gboolean            bold,
                                    CrbAnchor           anchor,
                                    double              angle,
                                    const GdkRGBA      *color);
guint       crb_chart_count_texts  (CrbChart           *chart,
                                    const char         *text);

double      crb_chart_text_width   (PangoContext       *context,
                                    const char         *text,
                                    double              size,
                                    gboolean            bold);
char       *crb_chart_fit_text     (PangoContext       *context,
                                    const char         *text,
                                    double              size,
                                    gboolean            bold,
                                    double              width);

void        crb_chart_snapshot     (CrbChart           *chart,
                                    GtkSnapshot        *snapshot,
                                    PangoContext       *context,
                                    gboolean            with_background);
char       *crb_chart_to_svg       (CrbChart           *chart,
                                    PangoContext       *context);
gboolean    crb_chart_save_svg     (CrbChart           *chart,
                                    PangoContext       *context,
                                    GFile              *file,
                                    GError            **error);
GdkTexture *crb_chart_render       (CrbChart           *chart,
                                    GskRenderer        *renderer,
                                    PangoContext       *context,
                                    double              scale);
gboolean    crb_chart_save_png     (CrbChart           *chart,
                                    GskRenderer        *renderer,
                                    PangoContext       *context,
                                    GFile              *file,
                                    GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbChart, crb_chart_free)

G_END_DECLS
