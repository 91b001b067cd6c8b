/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-uninstalled"

#include "config.h"

#include "crb-uninstalled.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

/*
 * `_build/src/app/corroborate`, run by hand from the build folder: its
 * settings schema, sample and catalogues are not installed, and GSettings
 * aborts on a missing schema.  `meson devenv -C _build` sets the variables
 * (the top meson.build's meson.add_devenv()); without them, they are found
 * from the executable's place in the build folder, and when the schema is
 * nowhere, main() says so instead of aborting.
 */

void
crb_build_data_clear (CrbBuildData *data)
{
  g_clear_pointer (&data->schema_dir, g_free);
  g_clear_pointer (&data->sample_dir, g_free);
  g_clear_pointer (&data->locale_dir, g_free);
}

/* The source folder of the build folder @build, from meson's own notes. */
static char *
source_dir_of (const char *build)
{
  g_autofree char *info = g_build_filename (build, "meson-info", "meson-info.json", NULL);
  g_autoptr (JsonParser) parser = json_parser_new ();
  JsonNode *root;
  JsonObject *dirs;

  if (!json_parser_load_from_file (parser, info, NULL))
    return NULL;
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      !json_object_has_member (json_node_get_object (root), "directories"))
    return NULL;
  dirs = json_object_get_object_member (json_node_get_object (root), "directories");
  return dirs ? g_strdup (json_object_get_string_member_with_default (dirs, "source", NULL)) : NULL;
}

/**
 * crb_build_data_find:
 * @executable: the path of the running program
 * @data: (out caller-allocates): where its data is, when found
 *
 * Returns: whether @executable is the app in a meson build folder
 *   (BUILD/src/app/corroborate); @data then holds what exists of its data
 */
gboolean
crb_build_data_find (const char   *executable,
                     CrbBuildData *data)
{
  g_autofree char *app_dir = NULL, *src_dir = NULL, *build = NULL, *private_dir = NULL;
  g_autofree char *schemas = NULL, *source = NULL;

  memset (data, 0, sizeof *data);
  if (executable == NULL)
    return FALSE;

  app_dir = g_path_get_dirname (executable);
  src_dir = g_path_get_dirname (app_dir);
  build = g_path_get_dirname (src_dir);
  private_dir = g_build_filename (build, "meson-private", NULL);
  if (!g_file_test (private_dir, G_FILE_TEST_IS_DIR))
    return FALSE;

  schemas = g_build_filename (build, "data", "gschemas.compiled", NULL);
  if (g_file_test (schemas, G_FILE_TEST_IS_REGULAR))
    data->schema_dir = g_build_filename (build, "data", NULL);
  data->locale_dir = g_build_filename (build, "po", NULL);
  if (!g_file_test (data->locale_dir, G_FILE_TEST_IS_DIR))
    g_clear_pointer (&data->locale_dir, g_free);
  source = source_dir_of (build);
  if (source != NULL)
    {
      data->sample_dir = g_build_filename (source, "data", "sample", "harbor-bridge", NULL);
      if (!g_file_test (data->sample_dir, G_FILE_TEST_IS_DIR))
        g_clear_pointer (&data->sample_dir, g_free);
    }
  return TRUE;
}

static char *
executable_path (const char *argv0)
{
  char *path = g_file_read_link ("/proc/self/exe", NULL);

  if (path != NULL)
    return path;
  if (argv0 != NULL && strchr (argv0, G_DIR_SEPARATOR) != NULL)
    return g_canonicalize_filename (argv0, NULL);
  return g_find_program_in_path (argv0 ? argv0 : "");
}

/**
 * crb_uninstalled_setup:
 * @argv0: the program's argv[0]
 *
 * Points the variables that `meson devenv` sets at the build folder's data
 * when the program runs from it and they are not set, then checks that
 * the settings schema can be found.  Call it before anything uses
 * GSettings.
 *
 * Returns: %FALSE when the settings schema is nowhere to be found
 */
gboolean
crb_uninstalled_setup (const char *argv0)
{
  g_autofree char *exe = executable_path (argv0);
  g_auto (CrbBuildData) data = { 0 };
  GSettingsSchemaSource *source;
  g_autoptr (GSettingsSchema) schema = NULL;

  if (crb_build_data_find (exe, &data))
    {
      if (data.schema_dir != NULL && g_getenv ("GSETTINGS_SCHEMA_DIR") == NULL)
        g_setenv ("GSETTINGS_SCHEMA_DIR", data.schema_dir, TRUE);
      if (data.sample_dir != NULL && g_getenv ("CORROBORATE_SAMPLE_DIR") == NULL)
        g_setenv ("CORROBORATE_SAMPLE_DIR", data.sample_dir, TRUE);
      if (data.locale_dir != NULL && g_getenv ("CORROBORATE_LOCALEDIR") == NULL)
        g_setenv ("CORROBORATE_LOCALEDIR", data.locale_dir, TRUE);
    }

  source = g_settings_schema_source_get_default ();
  schema = source ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;
  return schema != NULL;
}
