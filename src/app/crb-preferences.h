/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define CRB_TYPE_PREFERENCES (crb_preferences_get_type ())

G_DECLARE_FINAL_TYPE (CrbPreferences, crb_preferences, CRB, PREFERENCES, AdwPreferencesWindow)

GtkWidget *crb_preferences_new (GSettings *settings);

G_END_DECLS
