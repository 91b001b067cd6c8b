/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Undo that says what it does, with the keys pressed for real (xdotool) in
 * the real window: the issue's sequence Shift+A (a claim and its agreeing
 * appearance confirmed as one step), L, J, Shift+L (linked as conflicting),
 * then Ctrl+Z takes back the link, not the confirmations, and its toast
 * says so; Ctrl+Z again takes back the confirmations.  Linking and
 * unlinking show toasts with Undo, redo says what it did again, and the
 * undo button's tooltip names the next step.  Runs under Xvfb.
 *
 * The bundled sample: NordNews Digest's third claim (23 injured) agrees
 * with The Almera Courier's second; Coastline Daily's fifth claim is its
 * last, so J from it reaches NordNews Digest's first.
 */
#include "config.h"

#include <string.h>

#include "crb-test-app.h"

static char *tmp_dir;

/* Screenshots in the dark style too. */
static void
set_dark (gboolean dark)
{
  AdwColorScheme scheme = dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_DEFAULT;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
}

/* The toast on show says @text (a toast's title is a label), whole. */
static gboolean
toast_shows (CrbWindow  *window,
             const char *text)
{
  GtkWidget *label;

  crb_test_iterate (200);
  label = crb_test_find_label (GTK_WIDGET (window), text);
  if (label != NULL && pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (label))))
    g_error ("the toast “%s” is cut short", text);
  return label != NULL;
}

/* A mapped button labelled @label: a toast's. */
static GtkWidget *
find_button (CrbWindow  *window,
             const char *label)
{
  g_autoptr (GPtrArray) buttons = crb_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (gtk_widget_get_mapped (button) &&
          g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), label) == 0)
        return button;
    }
  return NULL;
}

static const char *
undo_tooltip (CrbWindow *window)
{
  g_autoptr (GPtrArray) buttons = crb_test_find_all (GTK_WIDGET (window), GTK_TYPE_BUTTON);

  for (guint i = 0; i < buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (buttons, i);

      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "win.undo") == 0 &&
          gtk_button_get_icon_name (GTK_BUTTON (button)) != NULL)
        return gtk_widget_get_tooltip_text (button);
    }
  return NULL;
}

static gboolean
linked (CrbProject *project,
        const char *a,
        const char *b,
        CrbRelation relation)
{
  CrbStory *story = crb_project_find_article_story (project, "nordnews-digest");
  const CrbLink *link = crb_alignment_find_link (crb_story_get_alignment (story), a, b);

  return link != NULL && link->relation == relation;
}

static void
test_issue_sequence (void)
{
  g_autofree char *path = NULL;
  CrbWindow *window;
  CrbProject *project;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  path = crb_test_new_sample_project (tmp_dir, "undo.crb");
  window = crb_test_open_project (path, 1024, 700);
  project = crb_window_get_project (window);
  g_assert_cmpstr (undo_tooltip (window), ==, "Undo (Ctrl+Z)");

  /* Shift+A: the claim and its agreeing appearance, one step. */
  crb_window_select_claim (window, "nordnews-digest:3");
  crb_test_xdotool ("key shift+a");
  g_assert_cmpint (crb_test_status_of (project, "nordnews-digest:3"), ==,
                   CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:2"), ==,
                   CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpstr (undo_tooltip (window), ==, "Undo: confirmed 2 claims (Ctrl+Z)");

  /* L, J, Shift+L: linked as conflicting, with Undo in the toast. */
  crb_window_select_claim (window, "coastline-daily:5");
  crb_test_xdotool ("key l");
  g_assert_cmpstr (crb_window_get_link_mark (window), ==, "coastline-daily:5");
  crb_test_xdotool ("key j");
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, "nordnews-digest:1");
  crb_test_xdotool ("key shift+l");
  g_assert_true (linked (project, "coastline-daily:5", "nordnews-digest:1",
                         CRB_RELATION_CONFLICTS));
  g_assert_true (toast_shows (window, "Linked as conflicting"));
  g_assert_nonnull (find_button (window, "_Undo"));
  g_assert_cmpstr (undo_tooltip (window), ==, "Undo: linked 2 claims as conflicting (Ctrl+Z)");
  crb_test_screenshot (GTK_WIDGET (window), "undo-linked-1024x700");

  /* Ctrl+Z: the link goes, the confirmations stay; the toast says so. */
  crb_test_xdotool ("key ctrl+z");
  g_assert_false (linked (project, "coastline-daily:5", "nordnews-digest:1",
                          CRB_RELATION_CONFLICTS));
  g_assert_cmpint (crb_test_status_of (project, "nordnews-digest:3"), ==,
                   CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:2"), ==,
                   CRB_DECISION_STATUS_CONFIRMED);
  g_assert_true (toast_shows (window, "Undid: linked 2 claims as conflicting"));
  g_assert_nonnull (find_button (window, "_Redo"));
  crb_test_screenshot (GTK_WIDGET (window), "undo-undid-link-1024x700");

  /* Ctrl+Z again: the confirmations. */
  crb_test_xdotool ("key ctrl+z");
  g_assert_cmpint (crb_test_status_of (project, "nordnews-digest:3"), ==,
                   CRB_DECISION_STATUS_PENDING);
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:2"), ==,
                   CRB_DECISION_STATUS_PENDING);
  g_assert_true (toast_shows (window, "Undid: confirmed 2 claims"));

  /* Ctrl+Shift+Z says what it makes again. */
  crb_test_xdotool ("key ctrl+shift+z");
  g_assert_cmpint (crb_test_status_of (project, "nordnews-digest:3"), ==,
                   CRB_DECISION_STATUS_CONFIRMED);
  g_assert_true (toast_shows (window, "Redid: confirmed 2 claims"));
  g_assert_nonnull (find_button (window, "_Undo"));
  crb_test_xdotool ("key ctrl+shift+z");
  g_assert_true (linked (project, "coastline-daily:5", "nordnews-digest:1",
                         CRB_RELATION_CONFLICTS));
  g_assert_true (toast_shows (window, "Redid: linked 2 claims as conflicting"));
  set_dark (TRUE);
  crb_test_screenshot (GTK_WIDGET (window), "undo-redid-link-1024x700-dark");
  set_dark (FALSE);

  /* Unlinking is a step too, with Undo in its toast. */
  crb_window_select_claim (window, "nordnews-digest:1");
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.unlink", "s", "coastline-daily:5");
  g_assert_false (linked (project, "coastline-daily:5", "nordnews-digest:1",
                          CRB_RELATION_CONFLICTS));
  g_assert_true (toast_shows (window, "Unlinked; they will not be linked again automatically"));
  g_assert_nonnull (find_button (window, "_Undo"));
  crb_test_xdotool ("key ctrl+z");
  g_assert_true (linked (project, "coastline-daily:5", "nordnews-digest:1",
                         CRB_RELATION_CONFLICTS));
  g_assert_true (toast_shows (window, "Undid: unlinked 2 claims"));

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* A decision's undo names it too, and so does its redo. */
static void
test_decisions_named (void)
{
  g_autofree char *path = crb_test_new_sample_project (tmp_dir, "named.crb");
  CrbWindow *window = crb_test_open_project (path, 1920, 1080);
  CrbProject *project = crb_window_get_project (window);

  crb_window_select_claim (window, "almera-courier:3");
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reason", "i", CRB_REJECT_REASON_OPINION);
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:3"), ==,
                   CRB_DECISION_STATUS_REJECTED);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:3"), ==,
                   CRB_DECISION_STATUS_PENDING);
  g_assert_true (toast_shows (window, "Undid: rejected 1 claim"));
  crb_test_screenshot (GTK_WIDGET (window), "undo-undid-1920x1080");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_true (toast_shows (window, "Redid: rejected 1 claim"));

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = g_dir_make_tmp ("crb-undo-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  crb_test_app_init (&argc, &argv);
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "annotator", "Undo Tester");
  }

  g_test_add_func ("/corroborate/undo/issue-sequence", test_issue_sequence);
  g_test_add_func ("/corroborate/undo/decisions-named", test_decisions_named);

  ret = crb_test_app_run ();
  g_free (tmp_dir);
  return ret;
}
