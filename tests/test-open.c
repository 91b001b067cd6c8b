/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Opening by content: a file is a project when its first line says so,
 * whatever its name; anything else is offered for import in a dialog that
 * says what will happen; files that make a project already offer that
 * project instead of a second one; the recent projects of the empty state
 * are a list the keyboard walks; the app run from its build folder finds
 * its schema and sample.  Runs the real window under Xvfb.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crb-open-files.h"
#include "crb-test-app.h"
#include "crb-uninstalled.h"

static char *tmp_dir;

static char *
sample_dir (void)
{
  return g_build_filename (g_getenv ("CRB_SOURCE_ROOT"), "data", "sample", "harbor-bridge", NULL);
}

static AdwMessageDialog *
wait_for_dialog (void)
{
  for (guint i = 0; i < 200; i++)
    {
      GtkWidget *dialog = crb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

      if (dialog != NULL && gtk_widget_get_mapped (dialog))
        return ADW_MESSAGE_DIALOG (dialog);
      crb_test_iterate (50);
    }
  return NULL;
}

static gboolean
page_is_project (gpointer data)
{
  return g_strcmp0 (crb_window_get_page (data), "project") == 0 && crb_window_get_claim (data) != NULL;
}

static GPtrArray *
files_of (const char *first,
          ...)
{
  GPtrArray *files = g_ptr_array_new_with_free_func (g_object_unref);
  va_list args;

  va_start (args, first);
  for (const char *path = first; path != NULL; path = va_arg (args, const char *))
    g_ptr_array_add (files, g_file_new_for_path (path));
  va_end (args);
  return files;
}

/* The first line decides, not the name. */
static void
test_project_by_content (void)
{
  g_autofree char *json = g_build_filename (tmp_dir, "p.json", NULL);
  g_autofree char *crb = g_build_filename (tmp_dir, "not-a-project.crb", NULL);
  g_autofree char *sample = sample_dir ();
  g_autofree char *article = g_build_filename (sample, "almera-courier.txt", NULL);
  const char *args[] = { "new", "--title", "Named JSON", json, sample, NULL };
  g_autoptr (GFile) json_file = NULL;
  g_autoptr (GFile) crb_file = NULL;

  crb_test_run_cli (args);
  g_assert_true (g_file_set_contents (crb, "{\"format\": \"something else\"}\n", -1, NULL));
  json_file = g_file_new_for_path (json);
  crb_file = g_file_new_for_path (crb);
  g_assert_true (crb_file_is_project (json_file, NULL));
  g_assert_false (crb_file_is_project (crb_file, NULL));

  {
    g_autoptr (GPtrArray) files = files_of (json, crb, article, NULL);
    g_autoptr (CrbImportPlan) plan = crb_import_plan_new (files, NULL, NULL);

    g_assert_cmpuint (plan->projects->len, ==, 1);
    g_assert_true (g_file_equal (g_ptr_array_index (plan->projects, 0), json_file));
    g_assert_cmpuint (plan->articles->len, ==, 2);
    g_assert_cmpuint (plan->names->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (plan->names, 1), ==, "almera-courier.txt");
  }

  /* `corroborate p.json` opens the project, not an import of it. */
  {
    g_autoptr (GPtrArray) files = files_of (json, NULL);
    CrbWindow *window = crb_test_new_window (1280, 720);

    crb_window_open_files (window, files, TRUE);
    g_assert_true (crb_test_wait_for (page_is_project, window, 30000));
    g_assert_null (crb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
    g_assert_cmpstr (crb_project_get_title (crb_window_get_project (window)), ==, "Named JSON");
    g_assert_true (g_file_equal (crb_project_get_file (crb_window_get_project (window)), json_file));
    gtk_window_destroy (GTK_WINDOW (window));
  }
  crb_test_assert_no_warnings ();
}

static guint
count_projects (void)
{
  g_autofree char *dir = crb_projects_dir ();
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

/* Anything else is offered for import, saying what will happen; the same
 * files again offer the project they made.
 */
static void
test_import_offered (void)
{
  g_autofree char *sample = sample_dir ();
  g_autofree char *folder = g_build_filename (tmp_dir, "quake", NULL);
  g_autofree char *a = g_build_filename (folder, "almera-courier.txt", NULL);
  g_autofree char *b = g_build_filename (folder, "coastline-daily.html", NULL);
  g_autofree char *projects = crb_projects_dir ();
  g_autofree char *expected = g_build_filename (projects, "quake.crb", NULL);
  g_autoptr (GFile) made = NULL;
  AdwMessageDialog *dialog;
  CrbWindow *window;
  guint before;

  /* Files of their own: the sample's are in the projects of other tests. */
  g_mkdir_with_parents (folder, 0755);
  {
    g_autofree char *from_a = g_build_filename (sample, "almera-courier.txt", NULL);
    g_autofree char *from_b = g_build_filename (sample, "coastline-daily.html", NULL);
    g_autofree char *text = NULL;
    gsize len;

    g_autofree char *own = NULL;

    g_assert_true (g_file_get_contents (from_a, &text, &len, NULL));
    own = g_strconcat (text, "\nA line of this test's own.\n", NULL);
    g_assert_true (g_file_set_contents (a, own, -1, NULL));
    g_free (text);
    g_free (own);
    g_assert_true (g_file_get_contents (from_b, &text, &len, NULL));
    own = g_strconcat (text, "\n<p>A line of this test's own.</p>\n", NULL);
    g_assert_true (g_file_set_contents (b, own, -1, NULL));
  }

  /* The dialog says which files, which story, and where the project goes. */
  window = crb_test_new_window (1280, 720);
  {
    g_autoptr (GPtrArray) files = files_of (a, b, NULL);

    crb_window_open_files (window, files, TRUE);
  }
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Start a Project from 2 Files?");
  {
    const char *body = adw_message_dialog_get_body (dialog);

    g_test_message ("%s", body);
    g_assert_nonnull (strstr (body, "almera-courier.txt and coastline-daily.html"));
    g_assert_nonnull (strstr (body, "the story “quake”"));
    g_assert_nonnull (strstr (body, "quake.crb"));
  }
  crb_test_screenshot (GTK_WIDGET (dialog), "open-import-offered");

  /* Cancel imports nothing. */
  before = count_projects ();
  adw_message_dialog_response (dialog, "cancel");
  crb_test_iterate (300);
  g_assert_cmpstr (crb_window_get_page (window), ==, "empty");
  g_assert_cmpuint (count_projects (), ==, before);

  {
    g_autoptr (GPtrArray) files = files_of (a, b, NULL);

    crb_window_open_files (window, files, TRUE);
  }
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "import");
  g_assert_true (crb_test_wait_for (page_is_project, window, 30000));
  made = g_object_ref (crb_project_get_file (crb_window_get_project (window)));
  {
    g_autofree char *path = g_file_get_path (made);

    g_assert_cmpstr (path, ==, expected);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_iterate (300);

  /* The same files again: the project they made is offered, not quake-2.crb. */
  before = count_projects ();
  window = crb_test_new_window (1280, 720);
  {
    g_autoptr (GPtrArray) files = files_of (b, a, NULL);

    crb_window_open_files (window, files, TRUE);
  }
  dialog = wait_for_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "These Articles Are a Project Already");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "quake.crb"));
  crb_test_screenshot (GTK_WIDGET (dialog), "open-existing-offered");
  adw_message_dialog_response (dialog, "open");
  g_assert_true (crb_test_wait_for (page_is_project, window, 30000));
  g_assert_true (g_file_equal (crb_project_get_file (crb_window_get_project (window)), made));
  g_assert_cmpuint (count_projects (), ==, before);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A folder of them, as "New Project from Articles" gives it (no
   * question unless they make a project): that project.
   */
  {
    g_autoptr (GPtrArray) files = files_of (folder, NULL);
    g_autoptr (CrbImportPlan) plan = crb_import_plan_new (files, NULL, NULL);

    g_assert_nonnull (plan->existing);
    g_assert_true (g_file_equal (plan->existing, made));
    g_assert_cmpuint (plan->names->len, ==, 2);
    g_assert_cmpstr (g_ptr_array_index (plan->stories, 0), ==, "quake");
  }
  /* Another file makes it another import. */
  {
    g_autofree char *c = g_build_filename (sample, "nordnews-digest.txt", NULL);
    g_autoptr (GPtrArray) files = files_of (a, b, c, NULL);
    g_autoptr (CrbImportPlan) plan = crb_import_plan_new (files, NULL, NULL);

    g_assert_null (plan->existing);
  }
  crb_test_assert_no_warnings ();
}

/* The empty state lists the recent projects; the keyboard walks the list. */
static void
test_recent_keys (void)
{
  g_autofree char *sample = sample_dir ();
  g_autofree char *first = g_build_filename (tmp_dir, "first.crb", NULL);
  g_autofree char *second = g_build_filename (tmp_dir, "second.crb", NULL);
  const char *args1[] = { "new", "--title", "First", first, sample, NULL };
  const char *args2[] = { "new", "--title", "Second", second, sample, NULL };
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GFile) f1 = NULL, f2 = NULL;
  g_autofree char *u1 = NULL, *u2 = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  CrbWindow *window;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  crb_test_run_cli (args1);
  crb_test_run_cli (args2);
  f1 = g_file_new_for_path (first);
  f2 = g_file_new_for_path (second);
  u1 = g_file_get_uri (f1);
  u2 = g_file_get_uri (f2);
  {
    const char *recent[] = { u2, u1, NULL };

    g_settings_set_strv (settings, "recent-projects", recent);
  }

  window = crb_test_new_window (1024, 700);
  crb_test_screenshot (GTK_WIDGET (window), "open-recent-projects");
  rows = crb_test_find_all (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW);
  g_assert_cmpuint (rows->len, >=, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "second.crb");
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 1)), ==, "first.crb");

  /* Down from the first row, then Enter, opens the second. */
  gtk_window_present (GTK_WINDOW (window));
  crb_test_iterate (300);
  gtk_widget_grab_focus (g_ptr_array_index (rows, 0));
  crb_test_iterate (100);
  crb_test_xdotool ("key Down");
  g_assert_true (gtk_widget_has_focus (g_ptr_array_index (rows, 1)));
  crb_test_xdotool ("key Return");
  g_assert_true (crb_test_wait_for (page_is_project, window, 30000));
  g_assert_cmpstr (crb_project_get_title (crb_window_get_project (window)), ==, "First");

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The app run from its build folder finds its schema, sample and
 * catalogues there; elsewhere it finds none.
 */
static void
test_build_data (void)
{
  g_autofree char *exe = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "..", "src", "app", "corroborate",
                                           NULL);
  g_autofree char *canonical = g_canonicalize_filename (exe, NULL);
  g_auto (CrbBuildData) data = { 0 };
  g_auto (CrbBuildData) none = { 0 };
  g_autofree char *schemas = NULL, *sample = NULL;

  g_assert_true (crb_build_data_find (canonical, &data));
  g_assert_nonnull (data.schema_dir);
  schemas = g_build_filename (data.schema_dir, "gschemas.compiled", NULL);
  g_assert_true (g_file_test (schemas, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (data.sample_dir);
  sample = g_build_filename (data.sample_dir, "almera-courier.txt", NULL);
  g_assert_true (g_file_test (sample, G_FILE_TEST_IS_REGULAR));
  g_assert_nonnull (data.locale_dir);

  g_assert_false (crb_build_data_find ("/usr/bin/corroborate", &none));
  g_assert_null (none.schema_dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = g_dir_make_tmp ("crb-open-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  crb_test_app_init (&argc, &argv);
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "annotator", "Open Tester");
  }

  g_test_add_func ("/corroborate/open/project-by-content", test_project_by_content);
  g_test_add_func ("/corroborate/open/import-offered", test_import_offered);
  g_test_add_func ("/corroborate/open/recent-keys", test_recent_keys);
  g_test_add_func ("/corroborate/open/build-data", test_build_data);

  ret = crb_test_app_run ();
  g_free (tmp_dir);
  return ret;
}
