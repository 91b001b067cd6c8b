/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The export dialog of the real window (Xvfb): a dataset folder with its
 * card's title, licence and language; ClaimReview's review URL and
 * organization, checked, kept in the project, and drafts without a URL;
 * FEVER's require-evidence and self-evidence, one or the other; reviewers
 * anonymized.  Every count the dialog shows is the number of records the
 * export then writes.
 *
 * The bundled sample, decided with the CLI before the window opens: two
 * claims confirmed by Ann (one of them contradicted by Coastline Daily),
 * one by Bob that no other article reports, one rejected as false and one
 * as unverifiable by Bob.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crb-export-dialog.h"
#include "crb-test-app.h"

static char *tmp_dir;

/* Screenshots in the dark style too. */
static void
set_dark (gboolean dark)
{
  AdwColorScheme scheme = dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

static char *
new_decided_project (const char *name)
{
  g_autofree char *path = crb_test_new_sample_project (tmp_dir, name);
  static const char * const decisions[][4] = {
    { "almera-courier:1", "--confirm", NULL, "Ann" },
    { "nordnews-digest:3", "--confirm", NULL, "Ann" },
    { "almera-courier:7", "--confirm", NULL, "Bob" },
    { "coastline-daily:3", "--reject", "false", "Bob" },
    { "nordnews-digest:6", "--reject", "unverifiable", "Bob" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (decisions); i++)
    {
      g_autofree char *annotator = g_strdup_printf ("--annotator=%s", decisions[i][3]);
      const char *args[] = {
        "annotate", path, decisions[i][0], decisions[i][1], annotator, NULL, NULL,
      };

      if (decisions[i][2] != NULL)
        {
          args[4] = decisions[i][2];
          args[5] = annotator;
        }
      crb_test_run_cli (args);
    }
  return g_steal_pointer (&path);
}

static GtkWidget *
open_dialog (CrbWindow *window)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  crb_test_iterate (300);
  dialog = crb_test_find_toplevel (CRB_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

/* The dialog's widget named @name ("review-url", "require-evidence"…). */
static GtkWidget *
named (GtkWidget  *dialog,
       const char *name)
{
  g_autoptr (GPtrArray) all = crb_test_find_all (dialog, GTK_TYPE_WIDGET);

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (all, i)), name) == 0)
      return g_ptr_array_index (all, i);
  g_assert_not_reached ();
}

/* The row a widget is in: the group shows or hides its rows. */
static gboolean
shown (GtkWidget *widget)
{
  return gtk_widget_get_mapped (widget);
}

static int
wait_for_count (GtkWidget  *dialog,
                const char *label)
{
  for (guint i = 0; i < 400; i++)
    if (crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), "total") < 0)
      crb_test_iterate (25);
  return crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), label);
}

static GtkWidget *
export_button (GtkWidget *dialog)
{
  g_autoptr (GPtrArray) buttons = crb_test_find_all (dialog, GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_label (g_ptr_array_index (buttons, i)), "_Export…") == 0)
      return g_ptr_array_index (buttons, i);
  g_assert_not_reached ();
}

typedef struct
{
  GFile *file;
  guint  n_records;
} Exported;

static void
on_exported_cb (GtkWidget *dialog,
                GFile     *file,
                guint      n_records,
                Exported  *exported)
{
  g_set_object (&exported->file, file);
  exported->n_records = n_records;
}

static gboolean
export_done (gpointer data)
{
  return ((Exported *) data)->file != NULL;
}

/* Exports to @file (a folder for a dataset folder), as Export… does. */
static void
export_to (GtkWidget *dialog,
           GFile     *file,
           Exported  *exported)
{
  g_signal_connect (dialog, "exported", G_CALLBACK (on_exported_cb), exported);
  crb_export_dialog_export (CRB_EXPORT_DIALOG (dialog), file);
  g_assert_true (crb_test_wait_for (export_done, exported, 30000));
  crb_test_iterate (200);
  g_assert_null (crb_test_find_toplevel (CRB_TYPE_EXPORT_DIALOG));
}

static guint
count_lines (const char *path,
             const char *needle)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    if (*lines[i] != '\0' && (needle == NULL || strstr (lines[i], needle) != NULL))
      n++;
  return n;
}

static void
test_dataset_folder (void)
{
  g_autofree char *path = new_decided_project ("dataset.crb");
  g_autofree char *parent = g_build_filename (tmp_dir, "out", NULL);
  g_autoptr (GFile) parent_file = g_file_new_for_path (parent);
  g_autofree char *folder = g_build_filename (parent, "Harbor Bridge Facts", NULL);
  g_autofree char *card = NULL;
  CrbWindow *window = crb_test_open_project (path, 1280, 720);
  GtkWidget *dialog = open_dialog (window);
  Exported exported = { NULL, 0 };
  static const char * const files[] = {
    "README.md", "train.jsonl", "dev.jsonl", "test.jsonl", "sentences.jsonl", "export.schema.json",
  };
  guint n_records = 0;
  int total;

  crb_export_dialog_set_format (CRB_EXPORT_DIALOG (dialog), CRB_EXPORT_DIALOG_DATASET);
  total = wait_for_count (dialog, "total");
  g_assert_cmpint (total, ==, 5);
  g_assert_cmpint (crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), "confirmed"), ==, 3);
  g_assert_true (shown (named (dialog, "title")));
  g_assert_false (shown (named (dialog, "review-url")));
  g_assert_false (shown (named (dialog, "require-evidence")));
  /* The title is the project's to begin with. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "title"))), ==,
                   "Harbor bridge");

  /* A language that is not a code keeps Export off and says why. */
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "language")), "German");
  crb_test_iterate (100);
  g_assert_false (gtk_widget_get_sensitive (export_button (dialog)));
  g_assert_nonnull (crb_test_find_label (dialog, "Write the language as its ISO 639-1 code, "
                                                 "such as en, de or fr."));
  crb_test_screenshot (dialog, "export-dataset-bad-language");

  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "language")), "de");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "title")), "Harbor Bridge Facts");
  adw_combo_row_set_selected (ADW_COMBO_ROW (named (dialog, "license")), 1);
  gtk_switch_set_active (GTK_SWITCH (named (dialog, "anonymize")), TRUE);
  g_assert_cmpint (wait_for_count (dialog, "total"), ==, total);
  g_assert_true (gtk_widget_get_sensitive (export_button (dialog)));
  crb_test_screenshot (dialog, "export-dataset");
  set_dark (TRUE);
  crb_test_screenshot (dialog, "export-dataset-dark");
  set_dark (FALSE);

  /* The dataset goes into a folder named after its title. */
  export_to (dialog, parent_file, &exported);
  g_assert_cmpstr (g_file_peek_path (exported.file), ==, folder);
  g_assert_cmpuint (exported.n_records, ==, total);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = g_build_filename (folder, files[i], NULL);

      g_assert_true (g_file_test (file, G_FILE_TEST_IS_REGULAR));
      if (g_str_has_suffix (files[i], ".jsonl") && !g_str_equal (files[i], "sentences.jsonl"))
        {
          n_records += count_lines (file, NULL);
          g_assert_cmpuint (count_lines (file, "\"Ann\""), ==, 0);
          g_assert_cmpuint (count_lines (file, "\"Bob\""), ==, 0);
        }
    }
  /* The count was the export's. */
  g_assert_cmpuint (n_records, ==, total);

  {
    g_autofree char *card_path = g_build_filename (folder, "README.md", NULL);

    g_assert_true (g_file_get_contents (card_path, &card, NULL, NULL));
  }
  g_assert_nonnull (strstr (card, "license: \"cc-by-4.0\""));
  g_assert_nonnull (strstr (card, "- \"de\""));
  g_assert_nonnull (strstr (card, "Harbor Bridge Facts"));
  g_assert_nonnull (strstr (card, "annotator-1"));

  g_clear_object (&exported.file);
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static void
test_claimreview (void)
{
  g_autofree char *path = new_decided_project ("claimreview.crb");
  g_autofree char *out = g_build_filename (tmp_dir, "reviews.jsonl", NULL);
  g_autoptr (GFile) out_file = g_file_new_for_path (out);
  g_autofree char *contents = NULL;
  CrbWindow *window = crb_test_open_project (path, 1280, 720);
  CrbProject *project = crb_window_get_project (window);
  GtkWidget *dialog = open_dialog (window);
  Exported exported = { NULL, 0 };
  int n_true;

  crb_export_dialog_set_format (CRB_EXPORT_DIALOG (dialog), CRB_EXPORT_CLAIMREVIEW);
  n_true = wait_for_count (dialog, "True");
  g_assert_cmpint (n_true, ==, 3);
  g_assert_cmpint (crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), "False"), ==, 1);
  g_assert_true (shown (named (dialog, "review-url")));
  g_assert_true (shown (named (dialog, "author-org")));
  g_assert_false (shown (named (dialog, "title")));
  /* Without a URL, the reviews are drafts, and the dialog says so. */
  g_assert_nonnull (crb_test_find_label (dialog, "Without a web address the reviews are marked as "
                                                 "drafts, which cannot be posted as they are."));

  /* Not a web address: Export is off and the core says why. */
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "review-url")), "checks.example.org");
  crb_test_iterate (100);
  g_assert_false (gtk_widget_get_sensitive (export_button (dialog)));
  g_assert_nonnull (crb_test_find_label (dialog, "“checks.example.org” is not a web address "
                                                 "(https://…) where reviews can be published"));
  crb_test_screenshot (dialog, "export-claimreview-bad-url");
  crb_export_dialog_export (CRB_EXPORT_DIALOG (dialog), out_file);
  crb_test_iterate (300);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));

  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "review-url")),
                         "https://checks.example.org/reviews/");
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "author-org")), "Example Checks");
  crb_test_iterate (100);
  g_assert_true (gtk_widget_get_sensitive (export_button (dialog)));
  crb_test_screenshot (dialog, "export-claimreview");
  set_dark (TRUE);
  crb_test_screenshot (dialog, "export-claimreview-dark");
  set_dark (FALSE);
  export_to (dialog, out_file, &exported);
  g_assert_cmpuint (exported.n_records, ==, 4);
  g_assert_cmpuint (count_lines (out, NULL), ==, exported.n_records);
  g_assert_cmpuint (count_lines (out, "\"alternateName\":\"True\""), ==, (guint) n_true);
  g_assert_cmpuint (count_lines (out, "\"url\":\"https://checks.example.org/reviews/"), ==, 4);
  g_assert_cmpuint (count_lines (out, "\"author\":{\"@type\":\"Organization\","
                                      "\"name\":\"Example Checks\"}"), ==, 4);
  g_assert_cmpuint (count_lines (out, "Draft"), ==, 0);

  /* Both are the project's now, and the next export starts from them. */
  g_assert_cmpstr (crb_project_get_setting (project, "review-url"), ==,
                   "https://checks.example.org/reviews/");
  g_assert_cmpstr (crb_project_get_setting (project, "author-org"), ==, "Example Checks");
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CrbProject) copy = crb_project_load (crb_project_get_file (project), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (crb_project_get_setting (copy, "author-org"), ==, "Example Checks");
  }
  dialog = open_dialog (window);
  crb_export_dialog_set_format (CRB_EXPORT_DIALOG (dialog), CRB_EXPORT_CLAIMREVIEW);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "review-url"))), ==,
                   "https://checks.example.org/reviews/");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (named (dialog, "author-org"))), ==,
                   "Example Checks");

  /* Emptied, the URL makes drafts again. */
  gtk_editable_set_text (GTK_EDITABLE (named (dialog, "review-url")), "");
  wait_for_count (dialog, "True");
  g_clear_object (&exported.file);
  export_to (dialog, out_file, &exported);
  g_assert_cmpuint (count_lines (out, "\"creativeWorkStatus\":\"Draft\""), ==, 4);
  g_assert_null (crb_project_get_setting (project, "review-url"));

  g_clear_object (&exported.file);
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static void
test_fever_evidence (void)
{
  g_autofree char *path = new_decided_project ("fever.crb");
  g_autofree char *out = g_build_filename (tmp_dir, "fever.jsonl", NULL);
  g_autoptr (GFile) out_file = g_file_new_for_path (out);
  CrbWindow *window = crb_test_open_project (path, 1280, 720);
  GtkWidget *dialog = open_dialog (window);
  GtkWidget *require, *self_evidence;
  Exported exported = { NULL, 0 };
  static const char * const labels[] = { "SUPPORTS", "REFUTES", "NOT ENOUGH INFO" };
  int counts[G_N_ELEMENTS (labels)];
  int nei, left_out;

  crb_export_dialog_set_format (CRB_EXPORT_DIALOG (dialog), CRB_EXPORT_FEVER);
  nei = wait_for_count (dialog, "NOT ENOUGH INFO");
  require = named (dialog, "require-evidence");
  self_evidence = named (dialog, "self-evidence");
  g_assert_true (shown (require));
  g_assert_false (shown (named (dialog, "review-url")));
  g_assert_cmpint (crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), "left out"), ==, -1);

  /* One or the other. */
  gtk_switch_set_active (GTK_SWITCH (self_evidence), TRUE);
  gtk_switch_set_active (GTK_SWITCH (require), TRUE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (self_evidence)));
  gtk_switch_set_active (GTK_SWITCH (self_evidence), TRUE);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (require)));
  gtk_switch_set_active (GTK_SWITCH (require), TRUE);

  /* Requiring evidence leaves out the claims nothing else supports: the
   * confirmed claim no other article reports.
   */
  left_out = wait_for_count (dialog, "left out");
  g_assert_cmpint (left_out, >=, 1);
  g_assert_cmpint (crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), "NOT ENOUGH INFO"), ==,
                   nei - left_out);
  crb_test_screenshot (dialog, "export-fever");
  set_dark (TRUE);
  crb_test_screenshot (dialog, "export-fever-dark");
  set_dark (FALSE);

  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    counts[k] = crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), labels[k]);
  export_to (dialog, out_file, &exported);
  /* Label by label, the counts were the export's. */
  for (guint k = 0; k < G_N_ELEMENTS (labels); k++)
    {
      g_autofree char *needle = g_strdup_printf ("\"label\":\"%s\"", labels[k]);

      g_assert_cmpuint (count_lines (out, needle), ==, (guint) counts[k]);
    }
  g_assert_cmpuint (count_lines (out, NULL), ==, exported.n_records);

  g_clear_object (&exported.file);
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = g_dir_make_tmp ("crb-export-dialog-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  crb_test_app_init (&argc, &argv);

  g_test_add_func ("/corroborate/export-dialog/dataset-folder", test_dataset_folder);
  g_test_add_func ("/corroborate/export-dialog/claimreview", test_claimreview);
  g_test_add_func ("/corroborate/export-dialog/fever-evidence", test_fever_evidence);

  ret = crb_test_app_run ();
  g_free (tmp_dir);
  return ret;
}
