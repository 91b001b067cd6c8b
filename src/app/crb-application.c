/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-application"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-application.h"
#include "crb-preferences.h"
#include "crb-window.h"

/*
 * The application owns the windows: it makes them, picks one for what is
 * opened, and holds the app-wide actions.  Windows never call it; they ask
 * through actions (app.open-project, app.import), so the dependency runs
 * one way: application → window → dialogs.
 */

struct _CrbApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (CrbApplication, crb_application, ADW_TYPE_APPLICATION)

static CrbWindow *
new_window (CrbApplication *self)
{
  CrbWindow *window = crb_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
  return window;
}

static CrbWindow *
empty_window (CrbApplication *self)
{
  /* Reuse a window that shows nothing yet. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (CRB_IS_WINDOW (l->data) && crb_window_get_project (l->data) == NULL &&
        !crb_window_is_busy (l->data))
      return l->data;

  return crb_window_new (self);
}

static void
crb_application_activate (GApplication *app)
{
  CrbApplication *self = CRB_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    window = GTK_WINDOW (new_window (self));

  gtk_window_present (window);
}

/* `corroborate PATH…`: a file whose first line says it is a project opens,
 * whatever its name; anything else is offered for import, in a dialog that
 * says what will happen (crb_window_open_files()).
 */
static void
crb_application_open (GApplication  *app,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  CrbApplication *self = CRB_APPLICATION (app);
  g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
  CrbWindow *window;

  for (int i = 0; i < n_files; i++)
    g_ptr_array_add (list, g_object_ref (files[i]));
  if (list->len == 0)
    return;

  window = empty_window (self);
  gtk_window_present (GTK_WINDOW (window));
  crb_window_open_files (window, list, TRUE);
}

/* app.open-project(uri): opens a project in a window that shows nothing. */
static void
open_project_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  CrbApplication *self = user_data;
  g_autoptr (GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));
  CrbWindow *window = empty_window (self);

  crb_window_open_project (window, file);
  gtk_window_present (GTK_WINDOW (window));
}

/* app.import((uris, story)): articles for a new project, in a window that
 * shows nothing; an empty story title means the default one.
 */
static void
import_activated (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CrbApplication *self = user_data;
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree const char **uris = NULL;
  const char *story = NULL;
  CrbWindow *window;

  g_variant_get (parameter, "(^a&s&s)", &uris, &story);
  for (guint i = 0; uris[i] != NULL; i++)
    g_ptr_array_add (files, g_file_new_for_uri (uris[i]));
  if (files->len == 0)
    return;

  window = empty_window (self);
  crb_window_import (window, files, *story ? story : NULL);
  gtk_window_present (GTK_WINDOW (window));
}

static void
apply_color_scheme (CrbApplication *self)
{
  static const AdwColorScheme schemes[] = {
    ADW_COLOR_SCHEME_DEFAULT, ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK,
  };
  guint scheme = g_settings_get_enum (self->settings, "color-scheme");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      schemes[MIN (scheme, G_N_ELEMENTS (schemes) - 1)]);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  CrbApplication *self = user_data;

  /* Each window saves before it closes. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; )
    {
      GList *next = l->next;
      gtk_window_close (l->data);
      l = next;
    }
}

static void
new_window_activated (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  new_window (user_data);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CrbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = GTK_WINDOW (crb_preferences_new (self->settings));

  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CrbApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  static const char *developers[] = { "The Corroborate developers", NULL };
  /* the check-worthiness model's training data (docs/model-card.md) */
  static const char *datasets[] = {
    "ClaimBuster: F. Arslan, N. Hassan, C. Li, M. Tremayne (ICWSM 2020) "
    "https://doi.org/10.5281/zenodo.3609356",
    NULL
  };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "application-icon", APP_ID,
                        "application-name", _("Corroborate"),
                        "developer-name", _("The Corroborate developers"),
                        "version", PACKAGE_VERSION,
                        "comments", _("Review the claims of news articles side by side: confirm, correct or reject them, see where outlets agree and where they conflict, and export a verified fact dataset."),
                        "website", "https://github.com/corroborate/corroborate",
                        "issue-url", "https://github.com/corroborate/corroborate/issues",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "developers", developers,
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_acknowledgement_section (ADW_ABOUT_WINDOW (about),
                                                _("Check-worthiness model trained on"), datasets);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "new-window", new_window_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "open-project", open_project_activated, "s" },
  { "import", import_activated, "(ass)" },
};

static void
crb_application_startup (GApplication *app)
{
  CrbApplication *self = CRB_APPLICATION (app);
  static const char *quit_accels[] = { "<Ctrl>q", NULL };
  static const char *new_window_accels[] = { "<Ctrl><Shift>n", NULL };
  static const char *prefs_accels[] = { "<Ctrl>comma", NULL };

  G_APPLICATION_CLASS (crb_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.new-window", new_window_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", prefs_accels);

  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (apply_color_scheme), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static int
crb_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("corroborate %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
crb_application_dispose (GObject *object)
{
  CrbApplication *self = (CrbApplication *) object;

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (crb_application_parent_class)->dispose (object);
}

static void
crb_application_class_init (CrbApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = crb_application_dispose;
  app_class->activate = crb_application_activate;
  app_class->handle_local_options = crb_application_handle_local_options;
  app_class->open = crb_application_open;
  app_class->startup = crb_application_startup;
}

static void
crb_application_init (CrbApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "version", 0, 0, G_OPTION_ARG_NONE,
                                 _("Show the version"), NULL);
}

CrbApplication *
crb_application_new (void)
{
  return g_object_new (CRB_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_OPEN,
                       "resource-base-path", "/io/github/corroborate/Corroborate",
                       NULL);
}

/**
 * crb_application_get_settings:
 *
 * Returns: (transfer none): the application's settings
 */
GSettings *
crb_application_get_settings (CrbApplication *self)
{
  g_return_val_if_fail (CRB_IS_APPLICATION (self), NULL);
  return self->settings;
}
