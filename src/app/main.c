/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "crb-application.h"
#include "crb-uninstalled.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (CrbApplication) app = NULL;
  gboolean found;

  setlocale (LC_ALL, "");
  /* Run from the build folder, the data is found there (before GSettings
   * or the catalogue is used); a missing schema is said, not an abort.
   */
  found = crb_uninstalled_setup (argv[0]);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CORROBORATE_LOCALEDIR") ? g_getenv ("CORROBORATE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* --version and --help need no settings. */
  for (int i = 1; i < argc && !found; i++)
    found = g_str_equal (argv[i], "--version") || g_str_has_prefix (argv[i], "--help") ||
            g_str_equal (argv[i], "-h");

  if (!found)
    {
      /* Translators: %s is the app id */
      g_printerr (_("corroborate: the settings schema %s is not installed. Install Corroborate (meson install), or run it from its build folder with “meson devenv -C _build corroborate”.\n"),
                  APP_ID);
      return 1;
    }

  app = crb_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
