/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * An article's outlet, title, date and web address, edited in the real
 * window from its column header (F2 and typing, pressed for real with
 * xdotool), undone with Ctrl+Z, durable like a decision, and shown
 * wherever the article's file id showed: the column, the Shown Articles
 * menu, the claim list, the statistics and the exports.  Another program's
 * edit (the CLI) reaches the window too.  And the metadata lines at the
 * head of an article (front matter, a leading date) are dimmed, never
 * highlighted as claims.  Runs the real window under Xvfb.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crb-article-editor.h"
#include "crb-article-view.h"
#include "crb-export-dialog.h"
#include "crb-stats-window.h"
#include "crb-test-app.h"

static char *tmp_dir;

/* Screenshots in the dark style too. */
static void
set_dark (gboolean dark)
{
  AdwColorScheme scheme = dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

#define ARTICLE "000_ed1bccf4d606c700"

/* A project of three of the shared Crocus City Hall articles, imported
 * from .txt files without metadata: their outlets are their file ids.
 */
static char *
new_crocus_project (const char *name)
{
  const char *samples = g_getenv ("CRB_SAMPLES_DIR");
  g_autofree char *a = g_build_filename (samples, "crocus-city-hall", ARTICLE ".txt", NULL);
  g_autofree char *b = g_build_filename (samples, "crocus-city-hall", "001_76ee82237eabb591.txt",
                                         NULL);
  g_autofree char *c = g_build_filename (samples, "crocus-city-hall", "002_ac573e2a3b29c701.txt",
                                         NULL);
  char *path = g_build_filename (tmp_dir, name, NULL);
  const char *args[] = { "new", "--title", "Crocus", path, a, b, c, NULL };

  crb_test_run_cli (args);
  return path;
}

static CrbArticle *
article_of (CrbProject *project,
            const char *id)
{
  CrbStory *story = crb_project_find_article_story (project, id);

  g_assert_nonnull (story);
  return crb_story_lookup_article (story, id);
}

/* The texts of the mapped labels and inscriptions under @root, joined. */
static char *
texts_under (GtkWidget *root)
{
  GString *all = g_string_new (NULL);
  g_autoptr (GPtrArray) labels = crb_test_find_all (root, GTK_TYPE_LABEL);
  g_autoptr (GPtrArray) inscriptions = crb_test_find_all (root, GTK_TYPE_INSCRIPTION);
  g_autoptr (GPtrArray) checks = crb_test_find_all (root, GTK_TYPE_CHECK_BUTTON);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      g_string_append_printf (all, "%s\n", gtk_label_get_text (g_ptr_array_index (labels, i)));
  for (guint i = 0; i < inscriptions->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (inscriptions, i)))
      g_string_append_printf (all, "%s\n",
                              gtk_inscription_get_text (g_ptr_array_index (inscriptions, i)));
  for (guint i = 0; i < checks->len; i++)
    if (gtk_check_button_get_label (g_ptr_array_index (checks, i)) != NULL)
      g_string_append_printf (all, "%s\n",
                              gtk_check_button_get_label (g_ptr_array_index (checks, i)));
  return g_string_free (all, FALSE);
}

/* The outlet line of @article_id's column. */
static const char *
column_outlet (CrbWindow  *window,
               const char *article_id)
{
  GtkWidget *view = crb_window_get_article_view (window, article_id);
  g_autoptr (GPtrArray) labels = crb_test_find_all (view, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "caption-heading"))
      return gtk_label_get_text (g_ptr_array_index (labels, i));
  return NULL;
}

static gboolean
toast_shows (CrbWindow  *window,
             const char *text)
{
  crb_test_iterate (200);
  return crb_test_find_label (GTK_WIDGET (window), text) != NULL;
}

static gboolean
stats_ready (gpointer data)
{
  return crb_stats_window_get_stats (data) != NULL;
}

static GtkEditable *
field (GtkWidget *editor,
       guint      info)
{
  return crb_article_editor_get_field (CRB_ARTICLE_EDITOR (editor), info);
}

static GtkWidget *
editor_of (CrbWindow  *window,
           const char *article_id)
{
  GtkWidget *view = crb_window_get_article_view (window, article_id);

  return crb_article_view_get_editor (CRB_ARTICLE_VIEW (view));
}

static void
test_edit_outlet (void)
{
  g_autofree char *path = new_crocus_project ("edit.crb");
  CrbWindow *window;
  CrbProject *project;
  CrbArticle *article;
  GtkWidget *editor;
  g_autofree char *claim_id = NULL;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  window = crb_test_open_project (path, 1366, 768);
  project = crb_window_get_project (window);
  article = article_of (project, ARTICLE);
  g_assert_null (crb_article_get_outlet (article));
  g_assert_cmpstr (column_outlet (window, ARTICLE), ==, ARTICLE);

  /* F2 opens the editor of the selected claim's article, by keyboard. */
  claim_id = g_strdup_printf ("%s:2", ARTICLE);
  crb_window_select_claim (window, claim_id);
  crb_test_xdotool ("key F2");
  editor = editor_of (window, ARTICLE);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpstr (gtk_editable_get_text (field (editor, CRB_ARTICLE_INFO_OUTLET)), ==, "");
  crb_test_screenshot (GTK_WIDGET (window), "articles-editor-1366x768");

  /* A date that is not one keeps Save off and says how to write it. */
  gtk_widget_grab_focus (GTK_WIDGET (field (editor, CRB_ARTICLE_INFO_DATE)));
  crb_test_xdotool ("type --delay 10 'March 22'");
  g_assert_nonnull (crb_test_find_label (editor, "Write the date as 2025-03-05."));
  crb_test_screenshot (editor, "articles-editor-bad-date");
  g_assert_false (crb_article_editor_save (CRB_ARTICLE_EDITOR (editor)));
  crb_test_xdotool ("key Return");
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_null (crb_article_get_date (article));
  crb_test_xdotool ("key ctrl+a");
  crb_test_xdotool ("type --delay 10 '2024-03-23'");

  /* Outlet and title typed, Enter keeps them: one step, undoable. */
  gtk_widget_grab_focus (GTK_WIDGET (field (editor, CRB_ARTICLE_INFO_TITLE)));
  crb_test_xdotool ("type --delay 10 'Attack on Crocus City Hall'");
  gtk_widget_grab_focus (GTK_WIDGET (field (editor, CRB_ARTICLE_INFO_OUTLET)));
  crb_test_xdotool ("type --delay 10 'Moscow Times'");
  crb_test_xdotool ("key Return");
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_cmpstr (crb_article_get_outlet (article), ==, "Moscow Times");
  g_assert_cmpstr (crb_article_get_title (article), ==, "Attack on Crocus City Hall");
  g_assert_cmpstr (crb_article_get_date (article), ==, "2024-03-23");
  g_assert_true (toast_shows (window, "Article details saved"));

  /* The outlet's name wherever the id showed: the column, the Shown
   * Articles menu, the claim list.
   */
  g_assert_cmpstr (column_outlet (window, ARTICLE), ==, "Moscow Times");
  {
    g_autofree char *texts = texts_under (GTK_WIDGET (window));

    g_assert_nonnull (strstr (texts, "Moscow Times\n"));
    g_assert_nonnull (strstr (texts, "Moscow Times · "));
    g_assert_nonnull (strstr (texts, "23 March 2024"));
    g_assert_null (strstr (texts, ARTICLE));
  }
  crb_test_screenshot (GTK_WIDGET (window), "articles-renamed-1366x768");

  /* The review keys work at once: the focus went back to the claims. */
  crb_test_xdotool ("key a");
  g_assert_cmpint (crb_test_status_of (project, claim_id), ==, CRB_DECISION_STATUS_CONFIRMED);
  crb_test_xdotool ("key ctrl+z");
  g_assert_cmpint (crb_test_status_of (project, claim_id), ==, CRB_DECISION_STATUS_PENDING);

  /* Ctrl+Z takes the edit back, Ctrl+Shift+Z makes it again. */
  crb_test_xdotool ("key ctrl+z");
  g_assert_null (crb_article_get_outlet (article));
  g_assert_null (crb_article_get_title (article));
  g_assert_cmpstr (column_outlet (window, ARTICLE), ==, ARTICLE);
  /* The article is named as the reviewer named it. */
  g_assert_true (toast_shows (window, "Undid: changed article “Moscow Times”"));
  crb_test_xdotool ("key ctrl+shift+z");
  g_assert_cmpstr (crb_article_get_outlet (article), ==, "Moscow Times");
  g_assert_cmpstr (column_outlet (window, ARTICLE), ==, "Moscow Times");

  /* Durable at once, like a decision: the journal has it. */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (CrbProject) copy = crb_project_load (crb_project_get_file (project), NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (crb_article_get_outlet (article_of (copy, ARTICLE)), ==, "Moscow Times");
  }

  /* The statistics name the outlet. */
  {
    GtkWidget *stats;
    CrbStats *data;
    gboolean found = FALSE;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL);
    crb_test_iterate (200);
    stats = crb_test_find_toplevel (CRB_TYPE_STATS_WINDOW);
    g_assert_nonnull (stats);
    g_assert_true (crb_test_wait_for (stats_ready, stats, 20000));
    data = crb_stats_window_get_stats (CRB_STATS_WINDOW (stats));
    for (guint i = 0; i < data->outlets->len; i++)
      {
        g_assert_cmpstr (g_ptr_array_index (data->outlets, i), !=, ARTICLE);
        found |= g_str_equal (g_ptr_array_index (data->outlets, i), "Moscow Times");
      }
    g_assert_true (found);
    gtk_window_destroy (GTK_WINDOW (stats));
  }

  /* The exports name it: the article's outlet and the ClaimReview's
   * appearance publisher.
   */
  crb_window_select_claim (window, claim_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.confirm", NULL);
  crb_test_iterate (200);
  {
    g_autofree char *out = g_build_filename (tmp_dir, "edit.claimreview.jsonl", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (out);
    g_autofree char *contents = NULL;
    GtkWidget *dialog;

    gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
    crb_test_iterate (300);
    dialog = crb_test_find_toplevel (CRB_TYPE_EXPORT_DIALOG);
    g_assert_nonnull (dialog);
    crb_export_dialog_set_format (CRB_EXPORT_DIALOG (dialog), CRB_EXPORT_CLAIMREVIEW);
    for (guint i = 0; i < 200; i++)
      if (crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), "True") < 0)
        crb_test_iterate (50);
    crb_export_dialog_export (CRB_EXPORT_DIALOG (dialog), file);
    for (guint i = 0; i < 200 && crb_test_find_toplevel (CRB_TYPE_EXPORT_DIALOG) != NULL; i++)
      crb_test_iterate (50);
    g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
    g_assert_nonnull (strstr (contents, "\"name\":\"Moscow Times\""));
    g_assert_null (strstr (contents, "\"name\":\"" ARTICLE "\""));
  }
  {
    const char *args[] = { "export", path, NULL };
    g_autofree char *records = crb_test_run_cli_output (args);

    g_assert_nonnull (strstr (records, "\"outlet\":\"Moscow Times\""));
  }

  /* Another program's edit reaches the window through the journal. */
  {
    const char *args[] = { "article", path, ARTICLE, "--outlet", "The Moscow Times", NULL };

    crb_test_run_cli (args);
    for (guint i = 0; i < 40; i++)
      if (g_strcmp0 (column_outlet (window, ARTICLE), "The Moscow Times") != 0)
        crb_test_iterate (100);
    g_assert_cmpstr (column_outlet (window, ARTICLE), ==, "The Moscow Times");
  }

  /* An empty outlet shows the id again. */
  crb_window_select_claim (window, claim_id);
  gtk_widget_activate_action (GTK_WIDGET (window), "article.edit", "s", ARTICLE);
  crb_test_iterate (200);
  gtk_editable_set_text (field (editor, CRB_ARTICLE_INFO_OUTLET), "");
  g_assert_true (crb_article_editor_save (CRB_ARTICLE_EDITOR (editor)));
  crb_test_iterate (200);
  g_assert_null (crb_article_get_outlet (article));
  g_assert_cmpstr (column_outlet (window, ARTICLE), ==, ARTICLE);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The editor is reached with Tab from the claims, like any button. */
static void
test_edit_button (void)
{
  g_autofree char *path = crb_test_new_sample_project (tmp_dir, "button.crb");
  CrbWindow *window = crb_test_open_project (path, 1024, 700);
  GtkWidget *view = crb_window_get_article_view (window, "nordnews-digest");
  g_autoptr (GPtrArray) buttons = crb_test_find_all (view, GTK_TYPE_BUTTON);
  GtkWidget *button = NULL;
  GtkWidget *editor = crb_article_view_get_editor (CRB_ARTICLE_VIEW (view));
  GVariant *target;

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (g_ptr_array_index (buttons, i)),
                   "article.edit") == 0)
      button = g_ptr_array_index (buttons, i);
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_get_sensitive (button));
  target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button));
  g_assert_cmpstr (g_variant_get_string (target, NULL), ==, "nordnews-digest");

  gtk_widget_grab_focus (button);
  if (crb_test_has_xdotool ())
    crb_test_xdotool ("key Return");
  else
    gtk_widget_activate (button);
  crb_test_iterate (200);
  g_assert_true (gtk_widget_get_visible (editor));
  g_assert_cmpstr (gtk_editable_get_text (field (editor, CRB_ARTICLE_INFO_DATE)), ==, "2025-03-06");
  crb_test_screenshot (GTK_WIDGET (window), "articles-editor-1024x700");
  crb_test_screenshot (editor, "articles-editor-popover");
  set_dark (TRUE);
  crb_test_screenshot (GTK_WIDGET (window), "articles-editor-1024x700-dark");
  crb_test_screenshot (editor, "articles-editor-popover-dark");
  set_dark (FALSE);

  /* Escape leaves everything as it was. */
  if (crb_test_has_xdotool ())
    crb_test_xdotool ("key Escape");
  else
    gtk_popover_popdown (GTK_POPOVER (editor));
  crb_test_iterate (200);
  g_assert_false (gtk_widget_get_visible (editor));
  g_assert_false (crb_project_can_undo (crb_window_get_project (window)));

  /* The review keys work again at once. */
  if (crb_test_has_xdotool ())
    {
      CrbClaim *before = crb_window_get_claim (window);

      crb_test_xdotool ("key j");
      g_assert_true (crb_window_get_claim (window) != before);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The metadata lines at an article's head: dimmed, never a claim. */
static void
test_metadata_dimmed (void)
{
  g_autofree char *path = crb_test_new_sample_project (tmp_dir, "metadata.crb");
  CrbWindow *window = crb_test_open_project (path, 1920, 1080);
  CrbProject *project = crb_window_get_project (window);
  static const char * const ids[] = { "almera-courier", "nordnews-digest", "coastline-daily" };
  GdkRGBA light = { 0 }, dark = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      CrbArticle *article = article_of (project, ids[i]);
      GtkWidget *view = crb_window_get_article_view (window, ids[i]);
      GtkTextView *text_view = crb_article_view_get_text_view (CRB_ARTICLE_VIEW (view));
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);
      GtkTextTag *metadata = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer),
                                                        "metadata");
      guint body = crb_article_get_body_start (article);
      GtkTextIter iter;

      /* The sample's Almera Courier has front matter, NordNews a date line. */
      if (i < 2)
        g_assert_cmpuint (body, >, 0);
      else
        g_assert_cmpuint (body, ==, 0);

      for (gtk_text_buffer_get_start_iter (buffer, &iter); !gtk_text_iter_is_end (&iter);
           gtk_text_iter_forward_char (&iter))
        {
          guint offset = gtk_text_iter_get_offset (&iter);
          g_autoptr (GSList) tags = gtk_text_iter_get_tags (&iter);
          gboolean claim_tag = FALSE;

          for (GSList *l = tags; l; l = l->next)
            {
              g_autofree char *name = NULL;

              g_object_get (l->data, "name", &name, NULL);
              claim_tag |= g_str_has_prefix (name, "claim-");
            }
          /* Dimmed before the body, not after; no claim highlighted there. */
          g_assert_cmpint (gtk_text_iter_has_tag (&iter, metadata), ==, offset < body);
          if (offset < body)
            g_assert_false (claim_tag);
        }
    }

  /* Dim in light and in dark: the text's colour, fainter. */
  {
    GtkTextTag *tag = gtk_text_tag_table_lookup (
      gtk_text_buffer_get_tag_table (gtk_text_view_get_buffer (crb_article_view_get_text_view (
        CRB_ARTICLE_VIEW (crb_window_get_article_view (window, "almera-courier"))))), "metadata");
    GdkRGBA *colour = NULL;

    g_object_get (tag, "foreground-rgba", &colour, NULL);
    g_assert_nonnull (colour);
    light = *colour;
    gdk_rgba_free (colour);
    crb_window_select_claim (window, "almera-courier:1");
    crb_test_screenshot (GTK_WIDGET (window), "articles-metadata-1920x1080");

    set_dark (TRUE);
    crb_test_screenshot (GTK_WIDGET (window), "articles-metadata-1920x1080-dark");
    g_object_get (tag, "foreground-rgba", &colour, NULL);
    dark = *colour;
    gdk_rgba_free (colour);
    set_dark (FALSE);
    crb_test_iterate (200);
  }
  g_assert_cmpfloat (light.alpha, <, 0.6);
  g_assert_cmpfloat (light.red, <, 0.2);
  g_assert_cmpfloat (dark.alpha, <, 0.6);
  g_assert_cmpfloat (dark.red, >, 0.8);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = g_dir_make_tmp ("crb-articles-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  crb_test_app_init (&argc, &argv);
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "annotator", "Article Tester");
  }

  g_test_add_func ("/corroborate/articles/edit-outlet", test_edit_outlet);
  g_test_add_func ("/corroborate/articles/edit-button", test_edit_button);
  g_test_add_func ("/corroborate/articles/metadata-dimmed", test_metadata_dimmed);

  ret = crb_test_app_run ();
  g_free (tmp_dir);
  return ret;
}
