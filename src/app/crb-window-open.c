/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-import.h"
#include "crb-utils.h"
#include "crb-window-private.h"

/*
 * Opening and saving: the empty state with its recent projects, opening a
 * project, importing articles in a worker thread (into the window's project,
 * or a new one), files dropped on the window, Save As, and the file on
 * disk: rewritten in the background after each change (the journal has the
 * change already), and watched for changes by other programs.
 */

static char *
file_stamp (GFile *file)
{
  g_autoptr (GFileInfo) info = NULL;

  if (file == NULL)
    return NULL;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_ETAG_VALUE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (info == NULL)
    return g_strdup ("missing");

  return g_strdup_printf ("%s/%" G_GOFFSET_FORMAT, g_file_info_get_etag (info),
                          g_file_info_get_size (info));
}

static void
remember_disk_state (CrbWindow *self)
{
  g_free (self->disk_stamp);
  self->disk_stamp = file_stamp (crb_project_get_file (self->project));
}

static gboolean save_timeout_cb (gpointer user_data);

static void
save_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  self->saving = FALSE;
  if (!crb_project_save_finish (CRB_PROJECT (source), result, &error))
    {
      g_autofree char *body = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Another program has the project open: every decision is in the
       * journal, and the file is rewritten once this window is alone.
       */
      if (g_error_matches (error, CRB_ERROR, CRB_ERROR_BUSY))
        {
          if (self->closing)
            gtk_window_destroy (GTK_WINDOW (self));
          else
            {
              g_clear_handle_id (&self->save_source, g_source_remove);
              self->save_source = g_timeout_add_seconds (5, save_timeout_cb, self);
            }
          return;
        }

      body = g_strdup_printf (_("%s\n\nEvery decision is kept in the journal and will be restored when the project is opened again."),
                              error->message);
      _crb_window_show_error (self, _("The Project Could Not Be Saved"), body);
      self->closing = FALSE;
      return;
    }

  remember_disk_state (self);
  _crb_window_update_title (self);

  if (self->save_again)
    {
      self->save_again = FALSE;
      _crb_window_save_now (self);
      return;
    }

  if (self->closing)
    gtk_window_destroy (GTK_WINDOW (self));
}

void
_crb_window_save_now (CrbWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);

  if (self->project == NULL || crb_project_get_file (self->project) == NULL)
    return;

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }

  self->saving = TRUE;
  crb_project_save_async (self->project, NULL, NULL, save_finished_cb, g_object_ref (self));
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  CrbWindow *self = user_data;

  self->save_source = 0;
  _crb_window_save_now (self);
  return G_SOURCE_REMOVE;
}

/* The journal has every change already; the file follows a moment later. */
void
_crb_window_schedule_save (CrbWindow *self)
{
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (1500, save_timeout_cb, self);
}

static void
on_changed_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        CrbWindow        *self)
{
  if (g_strcmp0 (response, "reload") == 0)
    {
      g_autoptr (GFile) file = g_object_ref (crb_project_get_file (self->project));
      crb_window_open_project (self, file);
    }
  else if (g_strcmp0 (response, "overwrite") == 0)
    _crb_window_save_now (self);
}

static gboolean
check_disk_cb (gpointer user_data)
{
  CrbWindow *self = user_data;
  g_autofree char *stamp = NULL;
  GtkWidget *dialog;

  self->monitor_source = 0;
  if (self->project == NULL || self->saving)
    return G_SOURCE_REMOVE;

  stamp = file_stamp (crb_project_get_file (self->project));
  if (g_strcmp0 (stamp, self->disk_stamp) == 0)
    return G_SOURCE_REMOVE;

  /* Ask once per change. */
  g_free (self->disk_stamp);
  self->disk_stamp = g_steal_pointer (&stamp);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Project Changed on Disk"),
                                   _("Another program changed or removed the project file. Reload it to see its changes, or keep what this window shows and save it over the file."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Decide Later"),
                                    "overwrite", _("_Keep Mine"),
                                    "reload", _("_Reload"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reload", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reload");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_changed_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return G_SOURCE_REMOVE;
}

static void
on_monitor_changed_cb (CrbWindow         *self,
                       GFile             *file,
                       GFile             *other,
                       GFileMonitorEvent  event)
{
  if (self->saving)
    return;

  g_clear_handle_id (&self->monitor_source, g_source_remove);
  self->monitor_source = g_timeout_add (400, check_disk_cb, self);
}

/* The folder of the bundled sample articles: $CORROBORATE_SAMPLE_DIR, or
 * the installed copy.
 */
static char *
get_sample_dir (void)
{
  const char *env = g_getenv ("CORROBORATE_SAMPLE_DIR");

  if (env != NULL)
    return g_strdup (env);

  return g_build_filename (PKGDATADIR, "sample", "harbor-bridge", NULL);
}

/* A window with a project keeps it: a project opened from it goes to
 * another window, which the application picks or makes.
 */
static void
open_elsewhere (CrbWindow *self,
                GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-project", "s", uri);
}

/* Articles for a new project, from a window that has one. */
static void
import_elsewhere (CrbWindow  *self,
                  GPtrArray  *files,
                  const char *story_title)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) uris = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *uri = g_file_get_uri (g_ptr_array_index (files, i));

      g_strv_builder_add (builder, uri);
    }
  uris = g_strv_builder_end (builder);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.import", "(^ass)", uris,
                              story_title ? story_title : "");
}

/* The recent projects, most recent first, at most ten. */
static void
add_recent (CrbWindow *self,
            GFile     *file)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_autofree char *uri = g_file_get_uri (file);
  g_auto (GStrv) result = NULL;
  guint n = 1;

  g_strv_builder_add (builder, uri);
  for (guint i = 0; recent[i] && n < 10; i++)
    {
      if (g_strcmp0 (recent[i], uri) == 0)
        continue;
      g_strv_builder_add (builder, recent[i]);
      n++;
    }

  result = g_strv_builder_end (builder);
  g_settings_set_strv (self->settings, "recent-projects", (const char * const *) result);
}

static void
open_finished_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_load_finish (result, &error);

  self->busy = FALSE;
  if (project == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _crb_window_show_error (self, _("The Project Could Not Be Opened"), error->message);
      _crb_window_set_page (self, self->project ? "project" : "empty");
      return;
    }

  _crb_window_set_project (self, project);

  if (crb_project_get_n_recovered (project) > 0)
    {
      guint n = crb_project_get_n_recovered (project);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "Restored %u decision made before the app stopped",
                                                            "Restored %u decisions made before the app stopped", n), n);
      _crb_window_toast (self, text, NULL);
      _crb_window_schedule_save (self);
    }
}

typedef struct
{
  GStrv      paths;
  double     threshold;
  char      *extractor_command;
  GPtrArray *warnings;
  CrbWindow *self;   /* for the progress counters only */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_strfreev (data->paths);
  g_free (data->extractor_command);
  g_ptr_array_unref (data->warnings);
  g_free (data);
}

static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportData *data = user_data;

  g_atomic_int_set (&data->self->import_total, total);
  g_atomic_int_set (&data->self->import_done, done);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  GPtrArray *items;

  items = crb_import_prepare_full ((const char * const *) data->paths, CRB_IMPORT_NONE, data->threshold,
                                   data->extractor_command, 0, data->warnings, import_progress_cb, data,
                                   cancellable, &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  CrbWindow *self = user_data;
  guint done = g_atomic_int_get (&self->import_done);
  guint total = g_atomic_int_get (&self->import_total);
  g_autofree char *text = NULL;

  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, _("Reading files…"));
    }
  else
    {
      /* Translators: "Extracting claims: 3 of 10 articles" */
      text = g_strdup_printf (_("Extracting claims: %u of %u articles"), done, total);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }

  return G_SOURCE_CONTINUE;
}

static GFile *
new_project_file (const char *title)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "corroborate", "projects", NULL);
  g_autofree char *slug = crb_make_slug (title);
  g_autofree char *path = NULL;

  g_mkdir_with_parents (dir, 0700);
  path = g_strdup_printf ("%s/%s.crb", dir, slug);
  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/%s-%u.crb", dir, slug, i);
    }

  return g_file_new_for_path (path);
}

static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (CrbProject) created = NULL;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *story_title = g_strdup (g_object_get_data (G_OBJECT (result), "crb-story"));
  CrbProject *project;
  guint n_stories_before;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->import_cancellable);
  self->busy = FALSE;

  if (items == NULL)
    {
      _crb_window_set_page (self, self->project ? "project" : "empty");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _crb_window_show_error (self, _("The Articles Could Not Be Imported"), error->message);
      else
        _crb_window_toast (self, _("Import cancelled; nothing was added"), NULL);
      return;
    }

  if (story_title == NULL)
    story_title = crb_import_default_story ((const char * const *) data->paths);

  project = self->project;
  if (project == NULL)
    {
      g_autoptr (GFile) file = new_project_file (story_title);

      created = crb_project_new (story_title);
      project = created;
      /* A new project lives in the app's data folder until saved elsewhere. */
      if (!crb_project_save (project, file, NULL, &error))
        {
          _crb_window_show_error (self, _("The Project Could Not Be Created"), error->message);
          _crb_window_set_page (self, "empty");
          return;
        }
    }

  n_stories_before = g_list_model_get_n_items (crb_project_get_stories (project));
  if (!crb_project_import (project, items, story_title, data->threshold, NULL, &error))
    {
      _crb_window_show_error (self, _("The Articles Could Not Be Imported"), error->message);
      _crb_window_set_page (self, self->project ? "project" : "empty");
      return;
    }

  if (created != NULL)
    _crb_window_set_project (self, created);
  else
    _crb_window_set_page (self, "project");
  _crb_window_save_now (self);

  /* Show where the new articles went. */
  {
    GListModel *stories = crb_project_get_stories (project);
    guint n = g_list_model_get_n_items (stories);
    g_autoptr (CrbStory) story = NULL;

    if (n > n_stories_before)
      story = g_list_model_get_item (stories, n_stories_before);
    else
      story = g_object_ref (crb_project_find_story_by_title (project, story_title));
    if (story != NULL)
      crb_window_select_story (self, story);
  }

  if (data->warnings->len > 0)
    {
      g_autoptr (GString) body = g_string_new (NULL);

      for (guint i = 0; i < data->warnings->len; i++)
        g_string_append_printf (body, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (data->warnings, i));
      _crb_window_show_error (self, _("Imported, with Warnings"), body->str);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u article", "Added %u articles",
                                                            items->len), items->len);
      _crb_window_toast (self, text, NULL);
    }
}

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CrbWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      if (self->project != NULL)
        open_elsewhere (self, file);
      else
        crb_window_open_project (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_crb_window_choose_project (CrbWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  dialog = gtk_file_chooser_native_new (_("Open Project"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Open"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Corroborate projects"));
  gtk_file_filter_add_pattern (filter, "*.crb");
  gtk_file_filter_add_mime_type (filter, "application/x-corroborate-project");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), all);
  g_signal_connect (dialog, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
articles_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      CrbWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      gboolean new_project = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "crb-new"));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));

      if (new_project && self->project != NULL)
        import_elsewhere (self, list, NULL);
      else
        crb_window_import (self, list, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_crb_window_choose_articles (CrbWindow *self,
                             gboolean   new_project,
                             gboolean   folder)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (new_project ? _("New Project from Articles") : _("Add Articles"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (!folder)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Articles (text, Markdown, HTML, JSON Lines)"));
      gtk_file_filter_add_pattern (filter, "*.txt");
      gtk_file_filter_add_pattern (filter, "*.md");
      gtk_file_filter_add_pattern (filter, "*.html");
      gtk_file_filter_add_pattern (filter, "*.htm");
      gtk_file_filter_add_pattern (filter, "*.jsonl");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  g_object_set_data (G_OBJECT (dialog), "crb-new", GINT_TO_POINTER (new_project));
  g_signal_connect (dialog, "response", G_CALLBACK (articles_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_crb_window_try_sample (CrbWindow *self)
{
  g_autofree char *dir = get_sample_dir ();
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *body = g_strdup_printf (_("%s: the sample articles are not installed"), dir);
      _crb_window_show_error (self, _("The Sample Is Missing"), body);
      return;
    }

  g_ptr_array_add (files, g_file_new_for_path (dir));
  if (self->project != NULL)
    import_elsewhere (self, files, _("Harbor bridge collapse (sample)"));
  else
    crb_window_import (self, files, _("Harbor bridge collapse (sample)"));
}

/**
 * crb_window_save_as:
 * @file: where to save the project
 *
 * Saves the project under @file, which then is the window's project file:
 * a read-only project saved elsewhere can be reviewed.  Failures show a
 * dialog.
 *
 * Returns: whether it was saved
 */
gboolean
crb_window_save_as (CrbWindow *self,
                    GFile     *file)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbStory) story = NULL;

  g_return_val_if_fail (CRB_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->project == NULL)
    return FALSE;

  if (!crb_project_save (self->project, file, NULL, &error))
    {
      _crb_window_show_error (self, _("The Project Could Not Be Saved"), error->message);
      return FALSE;
    }

  /* Watch the new file. */
  project = g_object_ref (self->project);
  story = self->story ? g_object_ref (self->story) : NULL;
  _crb_window_set_project (self, project);
  if (story != NULL)
    crb_window_select_story (self, story);
  _crb_window_toast (self, _("Project saved"), NULL);
  return TRUE;
}

static void
save_as_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     CrbWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT && self->project != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

      crb_window_save_as (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_crb_window_choose_save_as (CrbWindow *self)
{
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  dialog = gtk_file_chooser_native_new (_("Save Project As"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  name = g_strdup_printf ("%s.crb", crb_project_get_title (self->project) ? crb_project_get_title (self->project)
                                                                          : _("Untitled Project"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (save_as_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CrbWindow     *self)
{
  GdkFileList *list;
  GSList *files;
  g_autoptr (GPtrArray) articles = g_ptr_array_new_with_free_func (g_object_unref);

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->busy)
    return FALSE;

  list = g_value_get_boxed (value);
  files = gdk_file_list_get_files (list);
  for (GSList *l = files; l; l = l->next)
    {
      g_autofree char *name = g_file_get_basename (l->data);

      if (name && g_str_has_suffix (name, ".crb") && files->next == NULL)
        {
          if (self->project != NULL)
            open_elsewhere (self, l->data);
          else
            crb_window_open_project (self, l->data);
          g_slist_free (files);
          return TRUE;
        }
      g_ptr_array_add (articles, g_object_ref (l->data));
    }
  g_slist_free (files);

  if (articles->len == 0)
    return FALSE;

  crb_window_import (self, articles, NULL);
  return TRUE;
}

static void
on_recent_activated_cb (AdwActionRow *row,
                        CrbWindow    *self)
{
  const char *uri = g_object_get_data (G_OBJECT (row), "crb-uri");
  g_autoptr (GFile) file = g_file_new_for_uri (uri);

  crb_window_open_project (self, file);
}

static void
update_recent (CrbWindow *self)
{
  g_auto (GStrv) recent = g_settings_get_strv (self->settings, "recent-projects");
  guint shown = 0;

  for (guint i = 0; i < self->recent_rows->len; i++)
    adw_preferences_group_remove (self->recent_group, g_ptr_array_index (self->recent_rows, i));
  g_ptr_array_set_size (self->recent_rows, 0);

  for (guint i = 0; recent[i] && shown < 5; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (recent[i]);
      g_autoptr (GFile) parent = g_file_get_parent (file);
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *where = parent ? g_file_get_parse_name (parent) : NULL;
      GtkWidget *row;

      if (!g_file_query_exists (file, NULL))
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "crb-uri", g_strdup (recent[i]), g_free);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_recent_activated_cb), self, 0);
      adw_preferences_group_add (self->recent_group, row);
      g_ptr_array_add (self->recent_rows, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->recent_group), shown > 0);
}

/**
 * crb_window_open_project:
 *
 * Opens @file in a worker thread; failures show a dialog.
 */
void
crb_window_open_project (CrbWindow *self,
                         GFile     *file)
{
  g_return_if_fail (CRB_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  self->busy = TRUE;
  adw_status_page_set_title (self->loading_page, _("Opening the Project…"));
  gtk_progress_bar_set_text (self->progress_bar, NULL);
  gtk_progress_bar_pulse (self->progress_bar);
  _crb_window_set_page (self, "loading");
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->progress_bar)), TRUE);
  crb_project_load_async (file, self->cancellable, open_finished_cb, g_object_ref (self));
}

/**
 * crb_window_import:
 * @files: (element-type GFile): files, folders and corpora
 * @story_title: (nullable): the story of the articles; by default the
 *   name of the folder
 *
 * Reads and extracts the articles in a worker thread, showing progress and
 * a Cancel button, then adds them to the window's project, or to a new
 * project when there is none.
 */
void
crb_window_import (CrbWindow  *self,
                   GPtrArray  *files,
                   const char *story_title)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  ImportData *data;

  g_return_if_fail (CRB_IS_WINDOW (self));
  g_return_if_fail (files != NULL && files->len > 0);

  if (self->busy)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));
      if (path != NULL)
        g_strv_builder_add (builder, path);
    }

  data = g_new0 (ImportData, 1);
  data->paths = g_strv_builder_end (builder);
  data->threshold = g_settings_get_double (self->settings, "extraction-threshold");
  data->extractor_command = g_settings_get_string (self->settings, "extractor-command");
  data->warnings = g_ptr_array_new_with_free_func (g_free);
  data->self = self;

  self->busy = TRUE;
  self->import_done = 0;
  self->import_total = 0;
  self->import_cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->loading_page, _("Reading Articles…"));
  _crb_window_set_page (self, "loading");
  self->progress_source = g_timeout_add (100, update_progress_cb, self);

  task = g_task_new (NULL, self->import_cancellable, import_finished_cb, g_object_ref (self));
  g_task_set_source_tag (task, crb_window_import);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_object_set_data_full (G_OBJECT (task), "crb-story", g_strdup (story_title), g_free);
  g_task_run_in_thread (task, import_thread);
}

/* Watches the project's file for changes by other programs, and counts it
 * among the recent projects.
 */
void
_crb_window_watch_file (CrbWindow *self)
{
  GFile *file = crb_project_get_file (self->project);

  g_clear_object (&self->monitor);
  if (file == NULL)
    return;

  self->monitor = g_file_monitor_file (file, G_FILE_MONITOR_WATCH_MOVES, NULL, NULL);
  if (self->monitor != NULL)
    g_signal_connect_object (self->monitor, "changed", G_CALLBACK (on_monitor_changed_cb),
                             self, G_CONNECT_SWAPPED);
  remember_disk_state (self);
  add_recent (self, file);
}

void
_crb_window_cancel_import (CrbWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

void
_crb_window_open_init (CrbWindow *self)
{
  GtkDropTarget *drop;

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  g_signal_connect_object (self->settings, "changed::recent-projects", G_CALLBACK (update_recent),
                           self, G_CONNECT_SWAPPED);
  update_recent (self);
}
