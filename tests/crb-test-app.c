/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the app's window tests share: the application, the main loop,
 * screenshots for people to look at (_build/tests/screenshots/), real key
 * presses (xdotool), projects made with the CLI, and a log writer that
 * counts unexpected warnings.
 */
#include "config.h"

#include "crb-test-app.h"

#include <locale.h>
#include <string.h>

CrbApplication *crb_test_app;

/* GTK 4.8 warns "Trying to snapshot GtkGizmo … without a current
 * allocation" while a revealer animates: a GTK quirk, harmless.  Every
 * other warning or critical is counted.
 */
static guint unexpected_messages;

static GLogWriterOutput
log_writer (GLogLevelFlags   log_level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING))
    {
      const char *message = NULL;

      for (gsize i = 0; i < n_fields; i++)
        if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
          message = fields[i].value;

      if (message == NULL ||
          (strstr (message, "without a current allocation") == NULL &&
           !(g_str_has_prefix (message, "GtkLabel") && strstr (message, "reported min width -") != NULL)))
        unexpected_messages++;
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

void
crb_test_app_init (int    *argc,
                   char ***argv)
{
  g_autofree char *sample = NULL;

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("ADW_DISABLE_PORTAL", "1", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  g_log_set_always_fatal (G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_FLAG_RECURSION);
  g_log_set_writer_func (log_writer, NULL, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  sample = g_build_filename (g_getenv ("CRB_SOURCE_ROOT"), "data", "sample", "harbor-bridge", NULL);
  g_setenv ("CORROBORATE_SAMPLE_DIR", sample, TRUE);

  crb_test_app = crb_application_new ();
  g_application_set_flags (G_APPLICATION (crb_test_app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_assert_true (g_application_register (G_APPLICATION (crb_test_app), NULL, NULL));
}

int
crb_test_app_run (void)
{
  int ret = g_test_run ();

  g_clear_object (&crb_test_app);
  return ret;
}

void
crb_test_iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

gboolean
crb_test_wait_for (gboolean (*condition) (gpointer),
                   gpointer   data,
                   guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }

  return TRUE;
}

void
crb_test_assert_no_warnings (void)
{
  g_assert_cmpuint (unexpected_messages, ==, 0);
}

void
crb_test_screenshot (GtkWidget  *widget,
                     const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *path = NULL;
  int width, height;

  crb_test_iterate (300);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

gboolean
crb_test_has_xdotool (void)
{
  g_autofree char *path = g_find_program_in_path ("xdotool");

  return path != NULL;
}

void
crb_test_xdotool (const char *args)
{
  g_autofree char *cmd = g_strdup_printf ("xdotool %s", args);
  g_autoptr (GError) error = NULL;
  int status = 0;

  g_spawn_command_line_sync (cmd, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  crb_test_iterate (150);
}

CrbWindow *
crb_test_new_window (int width,
                     int height)
{
  CrbWindow *window = crb_window_new (crb_test_app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  crb_test_iterate (200);
  return window;
}

static gboolean
page_is_project (gpointer data)
{
  return g_strcmp0 (crb_window_get_page (data), "project") == 0 && crb_window_get_claim (data) != NULL;
}

CrbWindow *
crb_test_open_project (const char *path,
                       int         width,
                       int         height)
{
  CrbWindow *window = crb_test_new_window (width, height);
  g_autoptr (GFile) file = g_file_new_for_path (path);

  crb_window_open_project (window, file);
  g_assert_true (crb_test_wait_for (page_is_project, window, 30000));
  crb_test_iterate (300);
  return window;
}

void
crb_test_run_cli (const char * const *args)
{
  g_autofree char *out = crb_test_run_cli_output (args);
}

char *
crb_test_run_cli_output (const char * const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("CRB_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (status != 0)
    g_error ("corroborate-cli %s: %s", args[0], err);
  return out;
}

/* A project of the bundled sample, made by the CLI in @dir. */
char *
crb_test_new_sample_project (const char *dir,
                             const char *name)
{
  g_autofree char *sample = g_build_filename (g_getenv ("CRB_SOURCE_ROOT"), "data", "sample", "harbor-bridge",
                                              NULL);
  char *path = g_build_filename (dir, name, NULL);
  const char *args[] = { "new", "--title", "Harbor bridge", path, sample, NULL };

  crb_test_run_cli (args);
  return path;
}

GPtrArray *
crb_test_find_all (GtkWidget *root,
                   GType      type)
{
  GPtrArray *found = g_ptr_array_new ();
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *w;

  g_queue_push_tail (&queue, root);
  while ((w = g_queue_pop_head (&queue)))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        g_ptr_array_add (found, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  return found;
}

GtkWidget *
crb_test_find (GtkWidget *root,
               GType      type)
{
  g_autoptr (GPtrArray) all = crb_test_find_all (root, type);

  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

/* A mapped label under @root whose text is @text. */
GtkWidget *
crb_test_find_label (GtkWidget  *root,
                     const char *text)
{
  g_autoptr (GPtrArray) labels = crb_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), text) == 0)
        return label;
    }
  return NULL;
}

GtkWidget *
crb_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return GTK_WIDGET (w);
    }

  return NULL;
}

CrbDecisionStatus
crb_test_status_of (CrbProject *project,
                    const char *claim_id)
{
  g_autoptr (GError) error = NULL;
  CrbClaim *claim = crb_project_find_claim (project, claim_id, NULL, &error);

  g_assert_no_error (error);
  return crb_claim_get_status (claim);
}
