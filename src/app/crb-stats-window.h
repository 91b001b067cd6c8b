/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crb-project.h"
#include "crb-stats-data.h"

G_BEGIN_DECLS

#define CRB_TYPE_STATS_WINDOW (crb_stats_window_get_type ())

G_DECLARE_FINAL_TYPE (CrbStatsWindow, crb_stats_window, CRB, STATS_WINDOW, AdwWindow)

GtkWidget *crb_stats_window_new        (GtkWindow       *parent,
                                        CrbProject      *project);
CrbStats  *crb_stats_window_get_stats  (CrbStatsWindow  *self);
gboolean   crb_stats_window_save_chart (CrbStatsWindow  *self,
                                        const char      *chart,
                                        GFile           *file,
                                        const char      *format,
                                        GError         **error);

G_END_DECLS
