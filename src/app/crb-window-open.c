/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-window-private.h"

/*
 * Opening and saving: the empty state with its recent projects, opening a
 * project, Save As, and the file on disk: rewritten in the background after
 * each change (the journal has the change already), and watched for changes
 * by other programs.  Importing is in crb-window-import.c.
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

static void
open_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CrbWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      /* A project by its content, whatever its name; anything else is
       * offered for import.
       */
      g_ptr_array_add (files, gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog)));
      crb_window_open_files (self, files, TRUE);
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
  /* With projects to go back to, the welcome makes room for them. */
  if (shown > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->empty_page), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->empty_page), "compact");
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
_crb_window_open_init (CrbWindow *self)
{
  g_signal_connect_object (self->settings, "changed::recent-projects", G_CALLBACK (update_recent),
                           self, G_CONNECT_SWAPPED);
  update_recent (self);
}
