/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-export.h"
#include "crb-export-dialog.h"
#include "crb-window.h"

/*
 * Export: the format, what to include, a summary of the records per label,
 * then a file.  The export runs in a worker thread on its own copy of the
 * project, read from the file and the journal, so the window stays
 * responsive and the model is never touched off the main thread.
 */

struct _CrbExportDialog
{
  AdwWindow     parent_instance;

  GtkWindow    *parent;
  CrbProject   *project;
  GtkWidget    *format_row;
  GtkWidget    *pending_switch;
  GtkWidget    *rejected_switch;
  GtkWidget    *summary_rows[CRB_N_DECISION_STATUSES];
  GtkWidget    *total_row;
  GtkWidget    *export_button;
  GtkWidget    *spinner;
  guint         counts[CRB_N_DECISION_STATUSES];
};

G_DEFINE_FINAL_TYPE (CrbExportDialog, crb_export_dialog, ADW_TYPE_WINDOW)

static void
update_summary (CrbExportDialog *self)
{
  gboolean pending = gtk_switch_get_active (GTK_SWITCH (self->pending_switch));
  gboolean rejected = !gtk_switch_get_active (GTK_SWITCH (self->rejected_switch));
  guint total = self->counts[CRB_DECISION_STATUS_CONFIRMED] + self->counts[CRB_DECISION_STATUS_CORRECTED];
  g_autofree char *total_text = NULL;

  if (pending)
    total += self->counts[CRB_DECISION_STATUS_PENDING];
  if (rejected)
    total += self->counts[CRB_DECISION_STATUS_REJECTED];

  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    {
      gboolean included = (s != CRB_DECISION_STATUS_PENDING || pending) &&
                          (s != CRB_DECISION_STATUS_REJECTED || rejected);
      g_autofree char *text = included ? g_strdup_printf ("%u", self->counts[s])
                                       : g_strdup_printf (_("%u, left out"), self->counts[s]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->summary_rows[s]), text);
    }

  total_text = g_strdup_printf ("%u", total);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), total_text);
  gtk_widget_set_sensitive (self->export_button, total > 0);
}

typedef struct
{
  GFile            *project_file;
  GFile            *target;
  CrbExportOptions  options;
  CrbExportFormat   format;
  guint             n_records;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->project_file);
  g_clear_object (&data->target);
  g_free (data);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *data = task_data;
  g_autoptr (CrbProject) copy = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  GError *error = NULL;

  copy = crb_project_load (data->project_file, cancellable, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Replaced only when everything is written. */
  out = g_file_replace (data->target, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
  if (out == NULL ||
      !crb_export (copy, data->format, G_OUTPUT_STREAM (out), NULL, &data->options,
                   &data->n_records, cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error))
    {
      if (out != NULL)
        {
          g_autoptr (GCancellable) cancel = g_cancellable_new ();
          g_cancellable_cancel (cancel);
          g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
        }
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (CrbExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  ExportData *data = g_task_get_task_data (G_TASK (result));

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  gtk_widget_set_sensitive (self->export_button, TRUE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Export Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  if (CRB_IS_WINDOW (self->parent))
    {
      g_autofree char *name = g_file_get_basename (data->target);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u record to %s",
                                                            "Exported %u records to %s", data->n_records),
                                               data->n_records, name);
      crb_window_add_toast (CRB_WINDOW (self->parent), text);
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * crb_export_dialog_export:
 * @file: where to write the dataset
 *
 * Starts the export with the dialog's options; the dialog closes when it
 * is done and the parent window shows a toast.
 */
void
crb_export_dialog_export (CrbExportDialog *self,
                          GFile           *file)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  ExportData *data;

  g_return_if_fail (CRB_IS_EXPORT_DIALOG (self));

  /* The worker reads the file and the journal: make every decision durable. */
  if (!crb_project_sync_journal (self->project, &error) || crb_project_get_file (self->project) == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Export Failed"),
                                                  error ? error->message : _("The project has no file yet."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  data = g_new0 (ExportData, 1);
  data->project_file = g_object_ref (crb_project_get_file (self->project));
  data->target = g_object_ref (file);
  data->options.include_pending = gtk_switch_get_active (GTK_SWITCH (self->pending_switch));
  data->options.include_rejected = !gtk_switch_get_active (GTK_SWITCH (self->rejected_switch));
  data->format = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));

  gtk_widget_set_sensitive (self->export_button, FALSE);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));

  task = g_task_new (NULL, NULL, export_finished_cb, g_object_ref (self));
  g_task_set_task_data (task, data, (GDestroyNotify) export_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
save_response_cb (GtkNativeDialog *chooser,
                  int              response,
                  CrbExportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      crb_export_dialog_export (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
on_export_clicked_cb (CrbExportDialog *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Dataset"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("%s.%s", crb_project_get_title (self->project) ? crb_project_get_title (self->project)
                                                                         : "dataset",
                          adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row)) == 1 ? "csv" : "jsonl");
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
switch_row (AdwPreferencesGroup *group,
            const char          *title,
            const char          *subtitle,
            GtkWidget          **sw)
{
  GtkWidget *row = adw_action_row_new ();

  *sw = gtk_switch_new ();
  gtk_widget_set_valign (*sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *sw);
  adw_preferences_group_add (group, row);
  return row;
}

static void
crb_export_dialog_dispose (GObject *object)
{
  CrbExportDialog *self = (CrbExportDialog *) object;

  g_clear_object (&self->project);
  if (self->parent != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->parent), (gpointer *) &self->parent);
  self->parent = NULL;

  G_OBJECT_CLASS (crb_export_dialog_parent_class)->dispose (object);
}

static void
crb_export_dialog_class_init (CrbExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crb_export_dialog_dispose;

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_export_dialog_init (CrbExportDialog *self)
{
  static const char * const status_titles[] = {
    N_("Pending"), N_("Confirmed"), N_("Corrected"), N_("Rejected"),
  };
  GtkWidget *box, *header, *cancel, *page;
  AdwPreferencesGroup *group;
  GtkStringList *formats;

  gtk_window_set_title (GTK_WINDOW (self), _("Export Dataset"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->export_button = gtk_button_new_with_mnemonic (_("_Export…"));
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->export_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_visible (self->spinner, FALSE);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), self->spinner);
  gtk_box_append (GTK_BOX (box), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Format"));
  formats = gtk_string_list_new (NULL);
  gtk_string_list_append (formats, _("JSON Lines with provenance"));
  gtk_string_list_append (formats, _("CSV for spreadsheets"));
  gtk_string_list_append (formats, _("schema.org ClaimReview (JSON-LD)"));
  self->format_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->format_row), _("Dataset format"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->format_row), G_LIST_MODEL (formats));
  g_object_unref (formats);
  adw_preferences_group_add (group, self->format_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Claims"));
  switch_row (group, _("Include pending claims"), _("Claims nobody has decided yet"), &self->pending_switch);
  switch_row (group, _("Leave out rejected claims"), NULL, &self->rejected_switch);
  g_signal_connect_swapped (self->pending_switch, "notify::active", G_CALLBACK (update_summary), self);
  g_signal_connect_swapped (self->rejected_switch, "notify::active", G_CALLBACK (update_summary), self);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Records to Write"));
  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    {
      self->summary_rows[s] = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->summary_rows[s]), _(status_titles[s]));
      adw_preferences_group_add (group, self->summary_rows[s]);
    }
  self->total_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->total_row), _("In all"));
  gtk_widget_add_css_class (self->total_row, "property");
  adw_preferences_group_add (group, self->total_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);

  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * crb_export_dialog_new:
 *
 * Returns: (transfer none): a new export dialog for @project
 */
GtkWidget *
crb_export_dialog_new (GtkWindow  *parent,
                       CrbProject *project)
{
  CrbExportDialog *self = g_object_new (CRB_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  GListModel *stories = crb_project_get_stories (project);

  self->parent = parent;
  g_object_add_weak_pointer (G_OBJECT (parent), (gpointer *) &self->parent);
  self->project = g_object_ref (project);

  /* The header's summaries: no story needs to be parsed. */
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);

      for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
        self->counts[s] += crb_story_count_status (story, s);
    }

  update_summary (self);
  return GTK_WIDGET (self);
}
