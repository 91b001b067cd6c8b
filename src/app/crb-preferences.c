/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-preferences.h"

struct _CrbPreferences
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;
};

G_DEFINE_FINAL_TYPE (CrbPreferences, crb_preferences, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
scheme_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *nick = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, g_strcmp0 (nick, "light") == 0 ? 1 : g_strcmp0 (nick, "dark") == 0 ? 2 : 0);
  return TRUE;
}

static GVariant *
scheme_set_mapping (const GValue       *value,
                    const GVariantType *type,
                    gpointer            user_data)
{
  static const char * const nicks[] = { "default", "light", "dark" };
  guint selected = g_value_get_uint (value);

  return g_variant_new_string (nicks[MIN (selected, 2)]);
}

static void
crb_preferences_dispose (GObject *object)
{
  CrbPreferences *self = (CrbPreferences *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crb_preferences_parent_class)->dispose (object);
}

static void
crb_preferences_class_init (CrbPreferencesClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crb_preferences_dispose;
}

static void
crb_preferences_init (CrbPreferences *self)
{
}

static GtkWidget *
add_switch_row (AdwPreferencesGroup *group,
                const char          *title,
                const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  adw_preferences_group_add (group, row);
  return sw;
}

GtkWidget *
crb_preferences_new (GSettings *settings)
{
  CrbPreferences *self = g_object_new (CRB_TYPE_PREFERENCES, NULL);
  AdwPreferencesPage *page = ADW_PREFERENCES_PAGE (adw_preferences_page_new ());
  AdwPreferencesGroup *group;
  GtkWidget *row, *spin, *sw;
  GtkStringList *schemes;

  self->settings = g_object_ref (settings);
  gtk_window_set_default_size (GTK_WINDOW (self), 520, 560);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Review"));
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Your name"));
  g_settings_bind (settings, "annotator", row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);
  /* Never the login or real name: a published dataset would carry it. */
  adw_preferences_group_set_description (group, _("Your name is recorded with every decision, in the project and in what is exported from it. Leave it empty to be recorded as “anonymous”."));
  sw = add_switch_row (group, _("Go to the next claim after a decision"), NULL);
  g_settings_bind (settings, "auto-advance", sw, "active", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Extraction"));
  adw_preferences_group_set_description (group, _("Used when articles are added to a project."));
  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Threshold"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("The lowest check-worthiness score proposed as a claim"));
  spin = gtk_spin_button_new_with_range (0.0, 1.0, 0.05);
  gtk_spin_button_set_digits (GTK_SPIN_BUTTON (spin), 2);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  g_settings_bind (settings, "extraction-threshold", spin, "value", G_SETTINGS_BIND_DEFAULT);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  adw_preferences_group_add (group, row);
  row = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("External extractor command"));
  g_settings_bind (settings, "extractor-command", row, "text", G_SETTINGS_BIND_DEFAULT);
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (page, group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Appearance"));
  schemes = gtk_string_list_new (NULL);
  gtk_string_list_append (schemes, _("Follow the system"));
  gtk_string_list_append (schemes, _("Light"));
  gtk_string_list_append (schemes, _("Dark"));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Style"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (schemes));
  g_object_unref (schemes);
  g_settings_bind_with_mapping (settings, "color-scheme", row, "selected", G_SETTINGS_BIND_DEFAULT,
                                scheme_get_mapping, scheme_set_mapping, NULL, NULL);
  adw_preferences_group_add (group, row);
  adw_preferences_page_add (page, group);

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), page);
  /* Five settings on one page need no search, and libadwaita 1.2's search
   * button and entry have no accessible names.
   */
  adw_preferences_window_set_search_enabled (ADW_PREFERENCES_WINDOW (self), FALSE);
  return GTK_WIDGET (self);
}
