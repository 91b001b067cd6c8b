/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-export-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-export.h"
#include "crb-export-dialog.h"
#include "crb-export-job.h"

/*
 * Export: the format, what to include, the format's own options, a summary
 * of the records per label, then a file (a folder for a dataset folder).
 * The export runs in a worker thread on its own copy of the project, read
 * from the file and the journal, so the window stays responsive and the
 * model is never touched off the main thread.  The summary counts with the
 * very options the export gets, so its numbers are the export's.  When the
 * dataset is written, ::exported says so and the dialog closes: the window
 * that opened it tells the user.
 *
 * Options by format (docs/export-formats.md): ClaimReview's review URL and
 * organization, kept in the project (settings "review-url" and
 * "author-org"); FEVER's require-evidence and self-evidence, one or the
 * other; a dataset folder's title, licence and language.  Reviewers can be
 * anonymized in every format.
 */

/* The dataset folder, the format row's last item (crb_export_dataset()). */
#define FORMAT_DATASET CRB_EXPORT_JOB_DATASET

G_STATIC_ASSERT (CRB_EXPORT_DIALOG_DATASET == CRB_EXPORT_JOB_DATASET);

struct _CrbExportDialog
{
  AdwWindow     parent_instance;

  CrbProject   *project;
  GtkWidget    *window_title;
  GtkWidget    *format_row;
  GtkWidget    *pending_switch;
  GtkWidget    *rejected_switch;
  GtkWidget    *anonymize_switch;
  GtkWidget    *claimreview_group;
  GtkWidget    *review_url_row;
  GtkWidget    *author_org_row;
  GtkWidget    *review_url_error;
  GtkWidget    *fever_group;
  GtkWidget    *require_evidence_switch;
  GtkWidget    *self_evidence_switch;
  GtkWidget    *dataset_group;
  GtkWidget    *title_row;
  GtkWidget    *license_row;
  GtkWidget    *language_row;
  GtkWidget    *language_error;
  GtkWidget    *summary_group;
  GtkWidget    *summary_rows[CRB_EXPORT_MAX_LABELS];
  GtkWidget    *left_out_row;
  GtkWidget    *total_row;
  GtkWidget    *export_button;
  GtkWidget    *spinner;
  GCancellable *counting;   /* the count in progress */
  GFile        *target;     /* the export in progress writes it */
  gboolean      counted;    /* the summary shows a finished count */
  CrbExportCounts counts;
};

/* The licences offered, as the Hugging Face Hub names them. */
static const struct { const char *id; const char *name; } licenses[] = {
  { "unknown", N_("Not chosen") },
  { "cc-by-4.0", "CC BY 4.0" },
  { "cc-by-sa-4.0", "CC BY-SA 4.0" },
  { "cc-by-nc-4.0", "CC BY-NC 4.0" },
  { "cc0-1.0", N_("CC0 1.0 (public domain)") },
  { "odc-by", "ODC-By 1.0" },
  { "other", N_("Other") },
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
    { "NOT ENOUGH INFO", N_("Not enough info (unverifiable, or no evidence in other articles)") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_strcmp0 (titles[i].label, label) == 0)
      return _(titles[i].title);
  return label;
}

static guint
get_format (CrbExportDialog *self)
{
  return adw_combo_row_get_selected (ADW_COMBO_ROW (self->format_row));
}

static gboolean
get_active (GtkWidget *sw)
{
  return gtk_switch_get_active (GTK_SWITCH (sw));
}

/* What a field says, trimmed; %NULL when it says nothing. */
static char *
dup_text (GtkWidget *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  if (*g_strstrip (text) == '\0')
    return NULL;
  return g_steal_pointer (&text);
}

static void
set_error (GtkWidget  *row,
           GtkWidget  *label,
           const char *message)
{
  if (message != NULL)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
  gtk_label_set_label (GTK_LABEL (label), message ? message : "");
  gtk_widget_set_visible (label, message != NULL);
}

/* Checks the fields of the chosen format, marking what cannot be used. */
static gboolean
check_fields (CrbExportDialog *self)
{
  g_autofree char *url = dup_text (self->review_url_row);
  g_autofree char *language = dup_text (self->language_row);
  g_autoptr (GError) error = NULL;
  gboolean url_ok = url == NULL || crb_export_check_review_url (url, &error);
  gboolean language_ok = TRUE;

  for (const char *c = language; c != NULL && *c; c++)
    language_ok &= g_ascii_islower (*c);
  language_ok &= language == NULL || (strlen (language) >= 2 && strlen (language) <= 3);

  set_error (self->review_url_row, self->review_url_error, url_ok ? NULL : error->message);
  set_error (self->language_row, self->language_error,
             language_ok ? NULL
                         : _("Write the language as its ISO 639-1 code, such as en, de or fr."));

  switch (get_format (self))
    {
    case CRB_EXPORT_CLAIMREVIEW:
      return url_ok;
    case FORMAT_DATASET:
      return language_ok;
    default:
      return TRUE;
    }
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

      gtk_widget_set_visible (row, self->counts.labels[k] != NULL);
      if (self->counts.labels[k] == NULL)
        continue;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     label_title (self->counts.labels[k]));
      if (!self->counted)
        text = g_strdup (_("Counting…"));
      else if (self->counts.left_out[k])
        text = g_strdup_printf (_("%u, left out"), self->counts.counts[k]);
      else
        {
          text = g_strdup_printf ("%u", self->counts.counts[k]);
          total += self->counts.counts[k];
        }
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
    }

  /* FEVER without evidence from other articles: how many that leaves out. */
  gtk_widget_set_visible (self->left_out_row,
                          self->counted && get_format (self) == CRB_EXPORT_FEVER &&
                          get_active (self->require_evidence_switch));
  {
    g_autofree char *text = g_strdup_printf (_("%u, left out"), self->counts.n_without_evidence);

    adw_action_row_set_subtitle (ADW_ACTION_ROW (self->left_out_row), text);
  }

  total_text = self->counted ? g_strdup_printf ("%u", total) : g_strdup (_("Counting…"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), total_text);
  /* The total stays in sight above the options, however long they are. */
  {
    g_autofree char *records = NULL;

    if (self->counted)
      records = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", total),
                                 total);
    else
      records = g_strdup (_("Counting…"));

    adw_window_title_set_subtitle (ADW_WINDOW_TITLE (self->window_title), records);
  }
  gtk_widget_set_sensitive (self->export_button,
                            self->target == NULL && self->counted && total > 0 &&
                            check_fields (self));
}

/* The options of the export, as the dialog's rows say; the strings are
 * owned by the caller's @strings, freed after the worker ends.
 */
static void
get_options (CrbExportDialog  *self,
             CrbExportOptions *options,
             GPtrArray        *strings)
{
  guint format = get_format (self);
  char *url = dup_text (self->review_url_row);
  char *org = dup_text (self->author_org_row);

  *options = (CrbExportOptions) CRB_EXPORT_OPTIONS_DEFAULT;
  options->include_pending = get_active (self->pending_switch);
  options->include_rejected = !get_active (self->rejected_switch);
  options->anonymize_annotators = get_active (self->anonymize_switch);
  if (format == CRB_EXPORT_FEVER)
    {
      options->require_evidence = get_active (self->require_evidence_switch);
      options->self_evidence = get_active (self->self_evidence_switch);
    }
  if (format == CRB_EXPORT_CLAIMREVIEW)
    {
      options->review_url = url;
      options->author_org = org;
    }
  g_ptr_array_add (strings, url);
  g_ptr_array_add (strings, org);
}

static void
count_finished_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (CrbExportDialog) self = user_data;
  g_autoptr (GError) error = NULL;
  CrbExportCounts counts;

  if (!crb_export_job_count_finish (result, &counts, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), error->message);
          g_clear_object (&self->counting);
        }
      return;
    }

  g_clear_object (&self->counting);
  self->counts = counts;
  self->counted = TRUE;
  show_summary (self);
}

/* Shows the options of the chosen format. */
static void
update_groups (CrbExportDialog *self)
{
  guint format = get_format (self);

  gtk_widget_set_visible (self->claimreview_group, format == CRB_EXPORT_CLAIMREVIEW);
  gtk_widget_set_visible (self->fever_group, format == CRB_EXPORT_FEVER);
  gtk_widget_set_visible (self->dataset_group, format == FORMAT_DATASET);
}

/* Counts what the chosen format and options would write, in a worker
 * thread on a copy of the project: ClaimReview and FEVER depend on reject
 * reasons, which only a parsed story has.
 */
static void
update_summary (CrbExportDialog *self)
{
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  CrbExportOptions options;
  guint format = get_format (self);

  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);

  update_groups (self);

  /* Until the count is back, the labels of the format with no numbers. */
  memset (&self->counts, 0, sizeof self->counts);
  crb_export_format_labels (format == FORMAT_DATASET ? CRB_EXPORT_JSONL : format,
                            self->counts.labels);
  self->counted = FALSE;
  show_summary (self);

  /* The worker reads the file and the journal: make every decision durable. */
  if (crb_project_get_file (self->project) == NULL || !crb_project_sync_journal (self->project, NULL))
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->total_row), _("The project has no file yet."));
      return;
    }

  get_options (self, &options, strings);
  self->counting = g_cancellable_new ();
  crb_export_job_count_async (crb_project_get_file (self->project), format, &options,
                              self->counting, count_finished_cb, g_object_ref (self));
}

/* FEVER's evidence options exclude each other: one turned on turns the
 * other off.
 */
static void
on_evidence_switched_cb (CrbExportDialog *self,
                         GParamSpec      *pspec,
                         GtkSwitch       *sw)
{
  GtkWidget *other = self->require_evidence_switch;

  if (GTK_WIDGET (sw) == self->require_evidence_switch)
    other = self->self_evidence_switch;

  if (gtk_switch_get_active (sw) && get_active (other))
    gtk_switch_set_active (GTK_SWITCH (other), FALSE);
  update_summary (self);
}

/**
 * crb_export_dialog_get_count:
 * @label: a label of the chosen format ("confirmed", "SUPPORTS", "True"…)
 *
 * For tests: the number the summary shows for @label; "left out" for the
 * claims FEVER leaves out for want of evidence, "total" for all records.
 *
 * Returns: the count, or -1 while counting or for a label the format
 *   does not have
 */
int
crb_export_dialog_get_count (CrbExportDialog *self,
                             const char      *label)
{
  int total = 0;

  g_return_val_if_fail (CRB_IS_EXPORT_DIALOG (self), -1);

  if (!self->counted)
    return -1;
  if (g_str_equal (label, "left out"))
    return gtk_widget_get_visible (self->left_out_row) ? (int) self->counts.n_without_evidence : -1;

  for (guint k = 0; k < CRB_EXPORT_MAX_LABELS && self->counts.labels[k]; k++)
    {
      if (g_str_equal (self->counts.labels[k], label))
        return (int) self->counts.counts[k];
      if (!self->counts.left_out[k])
        total += self->counts.counts[k];
    }
  return g_str_equal (label, "total") ? total : -1;
}

/**
 * crb_export_dialog_set_format:
 * @format: a #CrbExportFormat, or %CRB_EXPORT_DIALOG_DATASET
 *
 * Chooses the dataset format, as the format row does.
 */
void
crb_export_dialog_set_format (CrbExportDialog *self,
                              guint            format)
{
  g_return_if_fail (CRB_IS_EXPORT_DIALOG (self));
  g_return_if_fail (format <= FORMAT_DATASET);
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->format_row), format);
}

static void
export_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (CrbExportDialog) self = user_data;
  g_autoptr (GFile) target = g_steal_pointer (&self->target);
  g_autoptr (GError) error = NULL;
  guint n_records = 0;

  gtk_spinner_stop (GTK_SPINNER (self->spinner));
  gtk_widget_set_visible (self->spinner, FALSE);
  show_summary (self);

  if (!crb_export_job_write_finish (result, &n_records, &error))
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Export Failed"), error->message);

      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  g_signal_emit (self, signals[EXPORTED], 0, target, n_records);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* ClaimReview's base URL and organization are the project's: kept in its
 * file for the next export, by the app and the CLI alike.
 */
static void
keep_settings (CrbExportDialog *self)
{
  static const char * const names[] = { "review-url", "author-org" };
  GtkWidget *rows[] = { self->review_url_row, self->author_org_row };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *value = dup_text (rows[i]);
      g_autoptr (GError) error = NULL;

      if (g_strcmp0 (value, crb_project_get_setting (self->project, names[i])) != 0 &&
          !crb_project_set_setting (self->project, names[i], value, &error))
        g_warning ("The setting %s could not be kept: %s", names[i], error->message);
    }
}

/* The folder a dataset goes into: one named after its title, in @parent. */
static GFile *
dataset_folder (CrbExportDialog *self,
                GFile           *parent)
{
  g_autofree char *title = dup_text (self->title_row);
  g_autofree char *name = g_strdup (title ? title : _("Dataset"));

  g_strdelimit (name, "/\\:", '-');
  if (name[0] == '.')
    name[0] = '_';
  return g_file_get_child (parent, name);
}

/**
 * crb_export_dialog_export:
 * @file: where to write the dataset: a file, or for a dataset folder the
 *   folder in which one named after its title is made
 *
 * Starts the export with the dialog's options; the dialog emits
 * ::exported and closes when it is done.
 */
void
crb_export_dialog_export (CrbExportDialog *self,
                          GFile           *file)
{
  g_autoptr (GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *language = NULL;
  CrbDatasetOptions dataset = CRB_DATASET_OPTIONS_DEFAULT;
  CrbExportOptions options;
  guint format;

  g_return_if_fail (CRB_IS_EXPORT_DIALOG (self));

  format = get_format (self);
  if (self->target != NULL || !check_fields (self))
    return;
  if (format == CRB_EXPORT_CLAIMREVIEW && crb_project_get_read_only (self->project) == NULL)
    keep_settings (self);

  /* The worker reads the file and the journal: make every decision durable. */
  if (!crb_project_sync_journal (self->project, &error) || crb_project_get_file (self->project) == NULL)
    {
      GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Export Failed"),
                                                  error ? error->message : _("The project has no file yet."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  get_options (self, &options, strings);
  if (format == FORMAT_DATASET)
    {
      self->target = dataset_folder (self, file);
      dataset.title = title = dup_text (self->title_row);
      dataset.license = licenses[adw_combo_row_get_selected (ADW_COMBO_ROW (self->license_row))].id;
      dataset.language = language = dup_text (self->language_row);
    }
  else
    self->target = g_object_ref (file);

  show_summary (self);
  gtk_widget_set_visible (self->spinner, TRUE);
  gtk_spinner_start (GTK_SPINNER (self->spinner));
  crb_export_job_write_async (crb_project_get_file (self->project), format, &options, &dataset,
                              self->target, NULL, export_finished_cb, g_object_ref (self));
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
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
  guint format = get_format (self);

  if (format == FORMAT_DATASET)
    chooser = gtk_file_chooser_native_new (_("Choose Where to Put the Dataset Folder"),
                                           GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                           _("_Export"), _("_Cancel"));
  else
    {
      const char *title = crb_project_get_title (self->project);
      g_autofree char *name = NULL;

      chooser = gtk_file_chooser_native_new (_("Export Dataset"), GTK_WINDOW (self),
                                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"),
                                             _("_Cancel"));
      name = g_strdup_printf ("%s.%s", title ? title : "dataset",
                              crb_export_format_extension (format));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), self);
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
            const char          *name,
            const char          *title,
            const char          *subtitle,
            GtkWidget          **sw)
{
  GtkWidget *row = adw_action_row_new ();

  *sw = gtk_switch_new ();
  gtk_widget_set_name (*sw, name);
  gtk_widget_set_valign (*sw, GTK_ALIGN_CENTER);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), *sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), *sw);
  adw_preferences_group_add (group, row);
  return row;
}

static void
entry_set_text (GtkWidget  *row,
                const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
}

static GtkWidget *
entry_row (AdwPreferencesGroup *group,
           const char          *name,
           const char          *title,
           const char          *text)
{
  GtkWidget *row = adw_entry_row_new ();

  gtk_widget_set_name (row, name);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  entry_set_text (row, text);
  adw_preferences_group_add (group, row);
  return row;
}

/* Says what is wrong with the field above it, in red; hidden while right. */
static GtkWidget *
error_label (AdwPreferencesGroup *group)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_visible (label, FALSE);
  adw_preferences_group_add (group, label);
  return label;
}

static AdwPreferencesGroup *
add_group (GtkWidget  *page,
           const char *title,
           const char *description)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), group);
  return group;
}

static void
crb_export_dialog_dispose (GObject *object)
{
  CrbExportDialog *self = (CrbExportDialog *) object;

  if (self->counting != NULL)
    g_cancellable_cancel (self->counting);
  g_clear_object (&self->counting);
  g_clear_object (&self->project);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (crb_export_dialog_parent_class)->dispose (object);
}

static void
crb_export_dialog_class_init (CrbExportDialogClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crb_export_dialog_dispose;

  /**
   * CrbExportDialog::exported:
   * @file: the dataset written: its file, or a dataset folder's folder
   * @n_records: the number of records in it
   *
   * The export finished; the dialog closes next.
   */
  signals[EXPORTED] = g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_FILE, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
format_row_new (void)
{
  GtkWidget *row = adw_combo_row_new ();
  GtkStringList *formats = gtk_string_list_new (NULL);
  GtkListItemFactory *factory;

  gtk_string_list_append (formats, _("JSON Lines with provenance"));
  gtk_string_list_append (formats, _("CSV for spreadsheets"));
  gtk_string_list_append (formats, _("ClaimReview (JSON-LD)"));
  gtk_string_list_append (formats, _("FEVER"));
  gtk_string_list_append (formats, _("Dataset folder, ready to publish"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Dataset format"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (formats));
  g_object_unref (formats);
  /* The names are long in some languages: the chosen one is the row's
   * subtitle, and the list's rows wrap; neither is ever cut short.
   */
  adw_combo_row_set_expression (ADW_COMBO_ROW (row),
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (format_item_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (format_item_bind_cb), NULL);
  adw_combo_row_set_list_factory (ADW_COMBO_ROW (row), factory);
  g_object_unref (factory);
  return row;
}

static void
crb_export_dialog_init (CrbExportDialog *self)
{
  GtkWidget *box, *header, *cancel, *page;
  AdwPreferencesGroup *group;

  gtk_window_set_title (GTK_WINDOW (self), _("Export Dataset"));
  gtk_window_set_default_size (GTK_WINDOW (self), 580, 700);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->window_title = adw_window_title_new (_("Export Dataset"), NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), self->window_title);
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

  group = add_group (page, _("Format"), NULL);
  self->format_row = format_row_new ();
  g_signal_connect_swapped (self->format_row, "notify::selected", G_CALLBACK (update_summary), self);
  adw_preferences_group_add (group, self->format_row);

  group = add_group (page, _("Claims"), NULL);
  switch_row (group, "pending", _("Include pending claims"), _("Claims nobody has decided yet"),
              &self->pending_switch);
  switch_row (group, "rejected", _("Leave out rejected claims"), NULL, &self->rejected_switch);
  switch_row (group, "anonymize", _("Anonymize reviewers"),
              _("Name them annotator-1, annotator-2, … instead of by their names"),
              &self->anonymize_switch);
  g_signal_connect_swapped (self->pending_switch, "notify::active", G_CALLBACK (update_summary),
                            self);
  g_signal_connect_swapped (self->rejected_switch, "notify::active", G_CALLBACK (update_summary),
                            self);

  group = add_group (page, _("Publishing the Reviews"),
                     _("Without a web address the reviews are marked as drafts, which "
                       "cannot be posted as they are."));
  self->claimreview_group = GTK_WIDGET (group);
  self->review_url_row = entry_row (group, "review-url", _("Web address of the reviews"), NULL);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->review_url_row), GTK_INPUT_PURPOSE_URL);
  self->review_url_error = error_label (group);
  self->author_org_row = entry_row (group, "author-org", _("Published by (organization)"), NULL);
  g_signal_connect_swapped (self->review_url_row, "changed", G_CALLBACK (show_summary), self);

  group = add_group (page, _("Evidence"), NULL);
  self->fever_group = GTK_WIDGET (group);
  switch_row (group, "require-evidence", _("Only claims with evidence"),
              _("Leave out decided claims that no other article supports or refutes, "
                "instead of writing them as not enough info"),
              &self->require_evidence_switch);
  switch_row (group, "self-evidence", _("A claim’s own sentence is evidence"),
              _("As exports before version 0.1 had it; other evidence still comes from "
                "other articles"),
              &self->self_evidence_switch);
  g_signal_connect_swapped (self->require_evidence_switch, "notify::active",
                            G_CALLBACK (on_evidence_switched_cb), self);
  g_signal_connect_swapped (self->self_evidence_switch, "notify::active",
                            G_CALLBACK (on_evidence_switched_cb), self);

  group = add_group (page, _("Dataset Card"),
                     _("A folder named after the title, with the records split by story into "
                       "train, dev and test files, a card for the Hugging Face Hub, the schema "
                       "and the sentence table."));
  self->dataset_group = GTK_WIDGET (group);
  self->title_row = entry_row (group, "title", _("Title"), NULL);
  self->license_row = adw_combo_row_new ();
  gtk_widget_set_name (self->license_row, "license");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->license_row), _("Licence"));
  {
    GtkStringList *names = gtk_string_list_new (NULL);

    for (guint i = 0; i < G_N_ELEMENTS (licenses); i++)
      gtk_string_list_append (names, _(licenses[i].name));
    adw_combo_row_set_model (ADW_COMBO_ROW (self->license_row), G_LIST_MODEL (names));
    g_object_unref (names);
  }
  adw_preferences_group_add (group, self->license_row);
  self->language_row = entry_row (group, "language", _("Language of the articles"), "en");
  self->language_error = error_label (group);
  g_signal_connect_swapped (self->language_row, "changed", G_CALLBACK (show_summary), self);

  group = add_group (page, _("Records to Write"), NULL);
  self->summary_group = GTK_WIDGET (group);
  for (guint k = 0; k < CRB_EXPORT_MAX_LABELS; k++)
    {
      self->summary_rows[k] = adw_action_row_new ();
      adw_preferences_group_add (group, self->summary_rows[k]);
    }
  self->left_out_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->left_out_row), _("Without evidence"));
  adw_preferences_group_add (group, self->left_out_row);
  self->total_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->total_row), _("In all"));
  gtk_widget_add_css_class (self->total_row, "property");
  adw_preferences_group_add (group, self->total_row);

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
  const char *title = crb_project_get_title (project);

  self->project = g_object_ref (project);
  entry_set_text (self->review_url_row, crb_project_get_setting (project, "review-url"));
  entry_set_text (self->author_org_row, crb_project_get_setting (project, "author-org"));
  entry_set_text (self->title_row, title);

  update_summary (self);
  return GTK_WIDGET (self);
}
