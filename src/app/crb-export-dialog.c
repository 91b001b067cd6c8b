/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-export.h"
#include "crb-export-dialog.h"

/*
 * Export: the format, what to include, a summary of the records per label,
 * then a file.  The export runs in a worker thread on its own copy of the
 * project, read from the file and the journal, so the window stays
 * responsive and the model is never touched off the main thread.  When the
 * file is written, ::exported says so and the dialog closes: the window
 * that opened it tells the user.
 */

struct _CrbExportDialog
{
  AdwWindow     parent_instance;

  CrbProject   *project;
  GtkWidget    *format_row;
  GtkWidget    *pending_switch;
  GtkWidget    *rejected_switch;
  GtkWidget    *summary_group;
  GtkWidget    *summary_rows[CRB_EXPORT_MAX_LABELS];
  GtkWidget    *total_row;
  GtkWidget    *export_button;
  GtkWidget    *spinner;
  GCancellable *counting;   /* the count in progress */
  gboolean      counted;    /* the summary shows a finished count */
  const char   *labels[CRB_EXPORT_MAX_LABELS];
  guint         counts[CRB_EXPORT_MAX_LABELS];
  gboolean      left_out[CRB_EXPORT_MAX_LABELS];
};

G_DEFINE_FINAL_TYPE (CrbExportDialog, crb_export_dialog, ADW_TYPE_WINDOW)

enum {
  EXPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* How a label reads in the summary. */
static const char *
label_title (const char *label)
{
  static const struct { const char *label; const char *title; } titles[] = {
    { "pending", N_("Pending") },
    { "confirmed", N_("Confirmed") },
    { "corrected", N_("Corrected") },
    { "rejected", N_("Rejected") },
    { "True", N_("True (confirmed)") },
    { "Partly true", N_("Partly true (corrected)") },
    { "False", N_("False (rejected as false)") },
    { "SUPPORTS", N_("Supports (confirmed, and corrected texts)") },
    { "REFUTES", N_("Refutes (false, and original texts of corrections)") },
    { "NOT ENOUGH INFO", N_("Not enough info (unverifiable)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].label, label) == 0)
      return _(titles[i].title);
  return label;
}

static void
show_summary (CrbExportDialog *self)
{
  g_autofree char *total_text = NULL;
  guint total = 0;

  for (guint k = 0; k < CRB_EXPORT_MAX_LABELS; k++)
    {
      GtkWidget *row = self->summary_rows[k];
      g_autofree char *text = NULL;

      gtk_widget_set_visible (row, self->labels[k] != NULL);
      if (self->labels[k] == NULL)
        continue;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label_title (self->labels[k]));
      if (!self->counted)
        text = g_strdup (_("Counting…"));
      else if (self->left_out[k])
        text = g_strdup_printf (_("%u, left out"), self->counts[k]);
      else
        {
          text = g_strdup_printf ("%u", self->counts[k]);
          total += self->counts[k];
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
    }

  total_text = self->counted ? g_strdup_printf ("%u", total) : g_strdup (_("Counting…"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), total_text);
  gtk_widget_set_sensitive (self->export_button, self->counted && total > 0);
}

typedef struct
{
  GFile            *project_file;
  CrbExportFormat   format;
  CrbExportOptions  options;
  const char       *labels[CRB_EXPORT_MAX_LABELS];
  guint             counts[CRB_EXPORT_MAX_LABELS];
  gboolean          left_out[CRB_EXPORT_MAX_LABELS];
} CountData;

static void
count_data_free (CountData *data)
{
  g_clear_object (&data->project_file);
  g_free (data);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountData *data = task_data;
  g_autoptr (CrbProject) copy = NULL;
  GError *error = NULL;
  CrbExportOptions options = data->options;
  gboolean by_status = data->format == CRB_EXPORT_JSONL || data->format == CRB_EXPORT_CSV;

  copy = crb_project_load (data->project_file, cancellable, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* By status, every status is counted and those left out say so. */
  if (by_status)
    options.include_pending = options.include_rejected = TRUE;
  if (!crb_export_count (copy, data->format, &options, data->labels, data->counts, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint k = 0; by_status && data->labels[k]; k++)
    data->left_out[k] = (g_str_equal (data->labels[k], "pending") && !data->options.include_pending) ||
                        (g_str_equal (data->labels[k], "rejected") && !data->options.include_rejected);
  g_task_return_boolean (task, TRUE);
}

static void
count_finished_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (CrbExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  CountData *data = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), error->message);
          g_clear_object (&self->counting);
        }
      return;
    }

  g_clear_object (&self->counting);
  memcpy (self->labels, data->labels, sizeof self->labels);
  memcpy (self->counts, data->counts, sizeof self->counts);
  memcpy (self->left_out, data->left_out, sizeof self->left_out);
  self->counted = TRUE;
  show_summary (self);
}

/* Counts what the chosen format and options would write, in a worker
 * thread on a copy of the project: ClaimReview and FEVER depend on reject
 * reasons, which only a parsed story has.
 */
static void
update_summary (CrbExportDialog *self)
{
  g_autoptr (GTask) task = NULL;
  CountData *data;

  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);

  data = g_new0 (CountData, 1);
  data->format = adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));
  data->options.include_pending = gtk_switch_get_active (GTK_SWITCH (self->pending_switch));
  data->options.include_rejected = !gtk_switch_get_active (GTK_SWITCH (self->rejected_switch));

  /* Until the count is back, the labels of the format with no numbers. */
  crb_export_format_labels (data->format, self->labels);
  self->counted = FALSE;
  show_summary (self);

  /* The worker reads the file and the journal: make every decision durable. */
  if (crb_project_get_file (self->project) == NULL || !crb_project_sync_journal (self->project, NULL))
    {
      count_data_free (data);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), _("The project has no file yet."));
      return;
    }

  data->project_file = g_object_ref (crb_project_get_file (self->project));
  self->counting = g_cancellable_new ();
  task = g_task_new (NULL, self->counting, count_finished_cb, g_object_ref (self));
  g_task_set_task_data (task, data, (GDestroyNotify) count_data_free);
  g_task_run_in_thread (task, count_thread);
}

/**
 * crb_export_dialog_get_count:
 * @label: a label of the chosen format ("confirmed", "SUPPORTS", "True"…)
 *
 * For tests: the number the summary shows for @label.
 *
 * Returns: the count, or -1 while counting or for a label the format
 *   does not have
 */
int
crb_export_dialog_get_count (CrbExportDialog *self,
                             const char      *label)
{
  g_return_val_if_fail (CRB_IS_EXPORT_DIALOG (self), -1);

  for (guint k = 0; self->counted && k < CRB_EXPORT_MAX_LABELS && self->labels[k]; k++)
    if (g_str_equal (self->labels[k], label))
      return (int) self->counts[k];
  return -1;
}

/**
 * crb_export_dialog_set_format:
 *
 * Chooses the dataset format, as the format row does.
 */
void
crb_export_dialog_set_format (CrbExportDialog *self,
                              CrbExportFormat  format)
{
  g_return_if_fail (CRB_IS_EXPORT_DIALOG (self));
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), format);
}

typedef struct
{
  GFile            *project_file;
  GFile            *target;
  GFile            *sentences;  /* FEVER's sentence table, beside the target */
  CrbExportOptions  options;
  CrbExportFormat   format;
  guint             n_records;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_clear_object (&data->project_file);
  g_clear_object (&data->target);
  g_clear_object (&data->sentences);
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
  g_autoptr (GFileOutputStream) sentences = NULL;
  GError *error = NULL;

  copy = crb_project_load (data->project_file, cancellable, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* Replaced only when everything is written. */
  out = g_file_replace (data->target, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
  if (out != NULL && data->sentences != NULL)
    sentences = g_file_replace (data->sentences, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, &error);
  if (out == NULL || (data->sentences != NULL && sentences == NULL) ||
      !crb_export (copy, data->format, G_OUTPUT_STREAM (out), sentences ? G_OUTPUT_STREAM (sentences) : NULL,
                   &data->options, &data->n_records, cancellable, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &error) ||
      (sentences != NULL && !g_output_stream_close (G_OUTPUT_STREAM (sentences), cancellable, &error)))
    {
      g_autoptr (GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      if (out != NULL)
        g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      if (sentences != NULL)
        g_output_stream_close (G_OUTPUT_STREAM (sentences), cancel, NULL);
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

  g_signal_emit (self, signals[EXPORTED], 0, data->target, data->n_records);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * crb_export_dialog_export:
 * @file: where to write the dataset
 *
 * Starts the export with the dialog's options; the dialog emits
 * ::exported and closes when it is done.
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
  if (data->format == CRB_EXPORT_FEVER)
    data->sentences = crb_export_sentences_file_for (file);

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
                          crb_export_format_extension (adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row))));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect (chooser, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
format_item_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 36);
  gtk_list_item_set_child (item, label);
}

static void
format_item_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
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

  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_object (&self->project);

  G_OBJECT_CLASS (crb_export_dialog_parent_class)->dispose (object);
}

static void
crb_export_dialog_class_init (CrbExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crb_export_dialog_dispose;

  /**
   * CrbExportDialog::exported:
   * @file: the dataset written
   * @n_records: the number of records in it
   *
   * The export finished; the dialog closes next.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_export_dialog_init (CrbExportDialog *self)
{
  GtkWidget *box, *header, *cancel, *page;
  AdwPreferencesGroup *group;
  GtkStringList *formats;
  GtkListItemFactory *factory;

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
  gtk_string_list_append (formats, _("ClaimReview (JSON-LD)"));
  gtk_string_list_append (formats, _("FEVER"));
  self->format_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->format_row), _("Dataset format"));
  adw_combo_row_set_model (ADW_COMBO_ROW (self->format_row), G_LIST_MODEL (formats));
  g_object_unref (formats);
  /* The names are long in some languages: the chosen one is the row's
   * subtitle, and the list's rows wrap; neither is ever cut short.
   */
  adw_combo_row_set_expression (ADW_COMBO_ROW (self->format_row),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (self->format_row), TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (format_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (format_item_bind_cb), NULL);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (self->format_row), factory);
  g_object_unref (factory);
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_summary), self);
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
  for (guint k = 0; k < CRB_EXPORT_MAX_LABELS; k++)
    {
      self->summary_rows[k] = adw_action_row_new ();
      adw_preferences_group_add (group, self->summary_rows[k]);
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

  self->project = g_object_ref (project);

  update_summary (self);
  return GTK_WIDGET (self);
}
