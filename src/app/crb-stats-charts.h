/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crb-chart.h"
#include "crb-stats-data.h"

G_BEGIN_DECLS

CrbChart *crb_stats_chart_matrix  (CrbStats     *stats,
                                   double        width,
                                   gboolean      dark,
                                   gboolean      titled,
                                   PangoContext *context);
CrbChart *crb_stats_chart_figures (CrbStats     *stats,
                                   double        width,
                                   gboolean      dark,
                                   gboolean      titled,
                                   PangoContext *context);

CrbChart *crb_stats_chart_kappa   (CrbStats     *stats,
                                   double        width,
                                   gboolean      dark,
                                   gboolean      titled,
                                   PangoContext *context);
CrbChart *crb_stats_chart_agreement (CrbStats   *stats,
                                   double        width,
                                   gboolean      dark,
                                   gboolean      titled,
                                   PangoContext *context);
char     *crb_stats_format_figure (double        value);

G_END_DECLS
