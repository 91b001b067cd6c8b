/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-widgets.h: small widget makers the panels share. */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget *crb_label_new          (const char *text,
                                   const char *css_class,
                                   gboolean    wrap);
GtkWidget *crb_action_button_new  (const char *label,
                                   const char *action,
                                   const char *tooltip,
                                   const char *css_class);

G_END_DECLS
