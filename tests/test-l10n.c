/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The app speaks German under LANGUAGE=de, with the catalogue built from
 * po/de.po (strings from .ui templates and from C).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "crb-application.h"
#include "crb-window.h"

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);
      if (found)
        return found;
    }

  return NULL;
}

static void
test_window_in_german (void)
{
  CrbApplication *app = crb_application_new ();
  CrbWindow *window;
  GtkWidget *status;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  window = crb_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* From the template. */
  status = find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Aussagen in den Nachrichten prüfen");
  /* From C. */
  g_assert_cmpstr (_("No claim selected"), !=, "No claim selected");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", 3), ==, "%u Artikel");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("LANGUAGE", "de", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* gtk_test_init() sets the C locale; the app's main() takes the user's. */
  setlocale (LC_ALL, "");

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CORROBORATE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/corroborate/l10n/window-in-german", test_window_in_german);
  return g_test_run ();
}
