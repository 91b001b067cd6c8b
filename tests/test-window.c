/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Drives the real window headless (Xvfb): the sample is imported, the review
 * loop runs through actions and through real key presses (xdotool), and the
 * project file is checked afterwards.  Writes PNG screenshots of the main
 * states into the build directory (tests/screenshots/) for people to look at.
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "crb-application.h"
#include "crb-article-columns.h"
#include "crb-article-view.h"
#include "crb-claim-panel.h"
#include "crb-claims-pane.h"
#include "crb-export-dialog.h"
#include "crb-preferences.h"
#include "crb-stats-window.h"
#include "crb-window.h"
#include "crb-test-app.h"

static CrbClaimPanel *
claim_panel_of (CrbWindow *window)
{
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *w;

  g_queue_push_tail (&queue, window);
  while ((w = g_queue_pop_head (&queue)))
    {
      if (CRB_IS_CLAIM_PANEL (w))
        {
          g_queue_clear (&queue);
          return CRB_CLAIM_PANEL (w);
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  return NULL;
}

/* Confirms the selected claim, anyway when other outlets contradict it. */
static void
confirm_current (CrbWindow  *window,
                 const char *action)
{
  gtk_widget_activate_action (GTK_WIDGET (window), action, NULL);
  if (crb_claim_panel_is_asking_confirm (claim_panel_of (window)))
    gtk_widget_activate_action (GTK_WIDGET (window), "claim.confirm-anyway", NULL);
}

/* A, and A again when asked whether to confirm anyway. */
static void
press_confirm (CrbWindow *window)
{
  crb_test_xdotool ("key a");
  if (crb_claim_panel_is_asking_confirm (claim_panel_of (window)))
    crb_test_xdotool ("key a");
}

static gboolean
page_is_project (gpointer data)
{
  return g_strcmp0 (crb_window_get_page (data), "project") == 0 && crb_window_get_claim (data) != NULL;
}

static gboolean
project_saved (gpointer data)
{
  CrbProject *project = crb_window_get_project (data);

  return project != NULL && !crb_project_get_modified (project);
}

static CrbWindow *
new_window_sized (int width,
                  int height)
{
  CrbWindow *window = crb_window_new (crb_test_app);

  /* No page transitions: a screenshot taken on a loaded machine would
   * catch the page that is going away.
   */
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  crb_test_iterate (200);
  return window;
}

static CrbWindow *
new_window (void)
{
  return new_window_sized (1280, 800);
}

static CrbWindow *
open_sample_sized (int width,
                   int height)
{
  CrbWindow *window = new_window_sized (width, height);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL);
  g_assert_true (crb_test_wait_for (page_is_project, window, 30000));
  return window;
}

static CrbWindow *
open_sample (void)
{
  CrbWindow *window = new_window ();

  gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL);
  g_assert_true (crb_test_wait_for (page_is_project, window, 30000));
  return window;
}

static void
test_empty_state (void)
{
  CrbWindow *window = new_window ();

  g_assert_cmpstr (crb_window_get_page (window), ==, "empty");
  g_assert_null (crb_window_get_project (window));
  crb_test_screenshot (GTK_WIDGET (window), "01-empty-state");
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* Opens the export dialog of @window. */
static GtkWidget *
open_export_dialog (CrbWindow *window)
{
  GtkWidget *dialog;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  crb_test_iterate (300);
  dialog = crb_test_find_toplevel (CRB_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

/* The export dialog's count for @label, once its background count is back. */
static int
wait_for_count (GtkWidget  *dialog,
                const char *label)
{
  for (guint i = 0; i < 200 && crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), label) < 0; i++)
    crb_test_iterate (50);
  return crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), label);
}

static void
test_review_loop_actions (void)
{
  CrbWindow *window = open_sample ();
  CrbProject *project = crb_window_get_project (window);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autoptr (CrbProject) reloaded = NULL;
  g_autoptr (GError) error = NULL;
  CrbClaim *claim;

  /* The first pending claim is selected when the project opens. */
  claim = crb_window_get_claim (window);
  g_assert_nonnull (claim);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_PENDING);
  first = g_strdup (crb_claim_get_id (claim));
  crb_test_screenshot (GTK_WIDGET (window), "02-story-open");

  /* Confirm advances to the next pending claim. */
  confirm_current (window, "claim.confirm");
  g_assert_cmpint (crb_test_status_of (project, first), ==, CRB_DECISION_STATUS_CONFIRMED);
  second = g_strdup (crb_claim_get_id (crb_window_get_claim (window)));
  g_assert_cmpstr (second, !=, first);

  /* Reject, then a reason. */
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reject", NULL);
  crb_test_screenshot (GTK_WIDGET (window), "03-reject-reasons");
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reason", "i", 3);
  g_assert_cmpint (crb_test_status_of (project, second), ==, CRB_DECISION_STATUS_REJECTED);
  third = g_strdup (crb_claim_get_id (crb_window_get_claim (window)));

  /* Undo goes back to the claim and makes it pending; redo restores it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  g_assert_cmpint (crb_test_status_of (project, second), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, second);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.redo", NULL);
  g_assert_cmpint (crb_test_status_of (project, second), ==, CRB_DECISION_STATUS_REJECTED);

  /* Next and previous move through the list. */
  crb_window_select_claim (window, third);
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.previous", NULL);
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, second);
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.next", NULL);
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, third);

  /* Skip leaves the claim pending. */
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.skip", NULL);
  g_assert_cmpint (crb_test_status_of (project, third), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), !=, third);

  /* The file catches up in the background; then it holds every decision. */
  g_assert_true (crb_test_wait_for (project_saved, window, 10000));
  reloaded = crb_project_load (crb_project_get_file (project), NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crb_test_status_of (reloaded, first), ==, CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpint (crb_test_status_of (reloaded, second), ==, CRB_DECISION_STATUS_REJECTED);
  g_assert_cmpint (crb_test_status_of (reloaded, third), ==, CRB_DECISION_STATUS_PENDING);

  /* Export and statistics dialogs. */
  {
    GtkWidget *dialog = open_export_dialog (window);

    /* The summary counts what each format writes: the rejection (not as
     * false) is a record of JSON Lines but not of ClaimReview or FEVER.
     */
    g_assert_cmpint (wait_for_count (dialog, "confirmed"), ==, 1);
    g_assert_cmpint (wait_for_count (dialog, "rejected"), ==, 1);
    g_assert_cmpint (crb_export_dialog_get_count (CRB_EXPORT_DIALOG (dialog), "SUPPORTS"), ==, -1);
    crb_export_dialog_set_format (CRB_EXPORT_DIALOG (dialog), CRB_EXPORT_CLAIMREVIEW);
    g_assert_cmpint (wait_for_count (dialog, "True"), ==, 1);
    g_assert_cmpint (wait_for_count (dialog, "False"), ==, 0);
    crb_export_dialog_set_format (CRB_EXPORT_DIALOG (dialog), CRB_EXPORT_FEVER);
    g_assert_cmpint (wait_for_count (dialog, "SUPPORTS"), ==, 1);
    g_assert_cmpint (wait_for_count (dialog, "NOT ENOUGH INFO"), ==, 0);
    crb_test_screenshot (dialog, "05-export-dialog");
    {
      g_autofree char *out = g_build_filename (g_get_tmp_dir (), "crb-window-fever.jsonl", NULL);
      g_autofree char *table = g_build_filename (g_get_tmp_dir (), "crb-window-fever.sentences.jsonl", NULL);
      g_autoptr (GFile) out_file = g_file_new_for_path (out);
      g_autofree char *contents = NULL;

      g_unlink (out);
      g_unlink (table);
      crb_export_dialog_export (CRB_EXPORT_DIALOG (dialog), out_file);
      for (guint i = 0; i < 200 && !g_file_test (table, G_FILE_TEST_EXISTS); i++)
        crb_test_iterate (50);
      crb_test_iterate (300);
      g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
      g_assert_nonnull (strstr (contents, "\"SUPPORTS\""));
      g_assert_true (g_file_test (table, G_FILE_TEST_EXISTS));
    }
  }
  {
    GtkWidget *dialog = open_export_dialog (window);

    g_assert_cmpint (wait_for_count (dialog, "confirmed"), ==, 1);
    {
      g_autofree char *out = g_build_filename (g_get_tmp_dir (), "crb-window-export.jsonl", NULL);
      g_autoptr (GFile) out_file = g_file_new_for_path (out);
      g_autofree char *contents = NULL;

      g_unlink (out);
      crb_export_dialog_export (CRB_EXPORT_DIALOG (dialog), out_file);
      for (guint i = 0; i < 200 && !g_file_test (out, G_FILE_TEST_EXISTS); i++)
        crb_test_iterate (50);
      crb_test_iterate (300);
      g_assert_true (g_file_get_contents (out, &contents, NULL, NULL));
      /* Confirmed and rejected: two records, with the confirmed claim's id. */
      g_assert_nonnull (strstr (contents, first));
      g_assert_cmpuint (g_strv_length (g_strsplit (g_strstrip (contents), "\n", -1)), ==, 2);
    }
  }

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static void
test_review_loop_keys (void)
{
  CrbWindow *window = open_sample ();
  CrbProject *project = crb_window_get_project (window);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  CrbClaim *claim;

  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  crb_test_iterate (300);
  first = g_strdup (crb_claim_get_id (crb_window_get_claim (window)));

  press_confirm (window);
  g_assert_cmpint (crb_test_status_of (project, first), ==, CRB_DECISION_STATUS_CONFIRMED);
  second = g_strdup (crb_claim_get_id (crb_window_get_claim (window)));

  crb_test_xdotool ("key x");
  crb_test_xdotool ("key 4");
  g_assert_cmpint (crb_test_status_of (project, second), ==, CRB_DECISION_STATUS_REJECTED);
  claim = crb_project_find_claim (project, second, NULL, NULL);
  g_assert_cmpint (crb_claim_get_decision (claim)->reason, ==, CRB_REJECT_REASON_NOT_A_CLAIM);

  /* A reason key works without X first. */
  third = g_strdup (crb_claim_get_id (crb_window_get_claim (window)));
  crb_test_xdotool ("key 2");
  claim = crb_project_find_claim (project, third, NULL, NULL);
  g_assert_cmpint (crb_claim_get_decision (claim)->reason, ==, CRB_REJECT_REASON_UNVERIFIABLE);

  /* Ctrl+Z undoes it. */
  crb_test_xdotool ("key ctrl+z");
  g_assert_cmpint (crb_test_status_of (project, third), ==, CRB_DECISION_STATUS_PENDING);
  crb_test_xdotool ("key ctrl+shift+z");
  g_assert_cmpint (crb_test_status_of (project, third), ==, CRB_DECISION_STATUS_REJECTED);
  crb_test_xdotool ("key ctrl+z");

  /* E opens the inline editor; typed keys go to it, not to the shortcuts. */
  crb_window_select_claim (window, third);
  crb_test_xdotool ("key e");
  crb_test_screenshot (GTK_WIDGET (window), "04-correcting");
  crb_test_xdotool ("key ctrl+a");
  crb_test_xdotool ("type --delay 5 'A corrected claim'");
  crb_test_xdotool ("key Return");
  claim = crb_project_find_claim (project, third, NULL, NULL);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CORRECTED);
  g_assert_cmpstr (crb_claim_get_final_text (claim), ==, "A corrected claim");
  g_assert_cmpstr (crb_claim_get_text (claim), !=, "A corrected claim");

  /* Escape cancels an edit: nothing changes. */
  crb_window_select_claim (window, first);
  crb_test_xdotool ("key e");
  crb_test_xdotool ("type --delay 5 'xyz'");
  crb_test_xdotool ("key Escape");
  g_assert_cmpint (crb_test_status_of (project, first), ==, CRB_DECISION_STATUS_CONFIRMED);

  /* J and K move. */
  crb_window_select_claim (window, second);
  crb_test_xdotool ("key j");
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, third);
  crb_test_xdotool ("key k");
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, second);

  /* Linking from the keyboard: L marks, Shift+L on a claim of another
   * article links the two as conflicting; L twice unmarks.
   */
  {
    GListModel *claims = crb_story_get_claims (crb_window_get_story (window));
    CrbAlignment *alignment = crb_story_get_alignment (crb_window_get_story (window));
    g_autofree char *p = NULL;
    g_autofree char *q = NULL;
    const CrbLink *link;

    for (guint i = 0; i < g_list_model_get_n_items (claims) && q == NULL; i++)
      for (guint k = i + 1; k < g_list_model_get_n_items (claims) && q == NULL; k++)
        {
          g_autoptr (CrbClaim) x = g_list_model_get_item (claims, i);
          g_autoptr (CrbClaim) y = g_list_model_get_item (claims, k);

          if (g_strcmp0 (crb_claim_get_article_id (x), crb_claim_get_article_id (y)) != 0 &&
              crb_alignment_find_link (alignment, crb_claim_get_id (x), crb_claim_get_id (y)) == NULL)
            {
              p = g_strdup (crb_claim_get_id (x));
              q = g_strdup (crb_claim_get_id (y));
            }
        }
    g_assert_nonnull (q);

    crb_window_select_claim (window, p);
    crb_test_xdotool ("key l");
    g_assert_cmpstr (crb_window_get_link_mark (window), ==, p);
    crb_test_xdotool ("key l");
    g_assert_null (crb_window_get_link_mark (window));
    crb_test_xdotool ("key l");
    crb_window_select_claim (window, q);
    crb_test_xdotool ("key shift+l");
    g_assert_null (crb_window_get_link_mark (window));
    link = crb_alignment_find_link (crb_story_get_alignment (crb_window_get_story (window)), p, q);
    g_assert_nonnull (link);
    g_assert_cmpint (link->relation, ==, CRB_RELATION_CONFLICTS);
    g_assert_true (link->manual);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static void
test_markup_shown_literally (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crb-markup-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "markup.txt", NULL);
  const char *text = "The <b>mayor</b> said 12 &amp; 13 people were hurt on Monday, police said.";
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  CrbWindow *window = new_window ();
  GtkWidget *view;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  g_autofree char *shown = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_ptr_array_add (files, g_file_new_for_path (path));
  crb_window_import (window, files, "Markup");
  g_assert_true (crb_test_wait_for (page_is_project, window, 30000));

  view = crb_window_get_article_view (window, "markup");
  g_assert_nonnull (view);
  buffer = gtk_text_view_get_buffer (crb_article_view_get_text_view (CRB_ARTICLE_VIEW (view)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  shown = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (shown, ==, text);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static void
test_links (void)
{
  CrbWindow *window = open_sample ();
  CrbProject *project = crb_window_get_project (window);
  CrbStory *story = crb_window_get_story (window);
  CrbAlignment *alignment = crb_story_get_alignment (story);
  CrbLink *agree = NULL;
  g_autoptr (GError) error = NULL;
  GtkWidget *overlay;

  g_assert_cmpuint (alignment->links->len, >, 0);
  for (guint i = 0; i < alignment->links->len && agree == NULL; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      if (link->relation == CRB_RELATION_AGREES)
        agree = link;
    }
  g_assert_nonnull (agree);

  {
    g_autofree char *a = g_strdup (agree->a);
    g_autofree char *b = g_strdup (agree->b);
    CrbClaim *claim_b = crb_project_find_claim (project, b, NULL, NULL);

    /* Selecting a claim shows its linked claims; the screenshot shows it. */
    crb_window_select_claim (window, a);
    crb_test_screenshot (GTK_WIDGET (window), "08-linked-claims");

    /* Shift+A's action: the claim and its agreeing appearances, one step. */
    confirm_current (window, "claim.confirm-all");
    g_assert_cmpint (crb_test_status_of (project, a), ==, CRB_DECISION_STATUS_CONFIRMED);
    g_assert_cmpint (crb_claim_get_status (claim_b), ==, CRB_DECISION_STATUS_CONFIRMED);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
    g_assert_cmpint (crb_test_status_of (project, a), ==, CRB_DECISION_STATUS_PENDING);
    g_assert_cmpint (crb_claim_get_status (claim_b), ==, CRB_DECISION_STATUS_PENDING);

    /* Unlink by hand from the panel's action. */
    crb_window_select_claim (window, a);
    gtk_widget_activate_action (GTK_WIDGET (window), "claim.unlink", "s", b);
    alignment = crb_story_get_alignment (crb_window_get_story (window));
    g_assert_null (crb_alignment_find_link (alignment, a, b));
  }

  /* Statistics, with the open conflicts (tests/test-stats.c has the rest). */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL);
  {
    GtkWidget *stats;
    GtkWidget *w;
    GQueue queue = G_QUEUE_INIT;
    gboolean found = FALSE;

    crb_test_iterate (1500);
    stats = crb_test_find_toplevel (CRB_TYPE_STATS_WINDOW);
    g_assert_nonnull (stats);
    g_queue_push_tail (&queue, stats);
    while ((w = g_queue_pop_head (&queue)))
      {
        if (ADW_IS_PREFERENCES_ROW (w) &&
            g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Open conflicts") == 0)
          found = TRUE;
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
    g_assert_true (found);
    crb_test_screenshot (stats, "10-statistics");
    gtk_window_destroy (GTK_WINDOW (stats));
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
  crb_test_iterate (300);
  overlay = GTK_WIDGET (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_nonnull (overlay);
  crb_test_screenshot (overlay, "09-shortcuts");
  gtk_window_close (GTK_WINDOW (overlay));

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static void
test_dark_mode (void)
{
  CrbWindow *window;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  window = open_sample ();
  crb_test_screenshot (GTK_WIDGET (window), "06-dark-mode");
  gtk_window_destroy (GTK_WINDOW (window));
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}


/* ---- layout ---- */

/* The mapped widgets of @type under @root, in tree order. */
static GPtrArray *
find_all (GtkWidget *root,
          GType      type)
{
  GPtrArray *found = g_ptr_array_new ();
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *w;

  g_queue_push_tail (&queue, root);
  while ((w = g_queue_pop_head (&queue)))
    {
      if (!gtk_widget_get_mapped (w))
        continue;
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        g_ptr_array_add (found, w);
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }

  return found;
}

static GtkWidget *
find_one (GtkWidget *root,
          GType      type)
{
  g_autoptr (GPtrArray) all = find_all (root, type);

  return all->len > 0 ? g_ptr_array_index (all, 0) : NULL;
}

/* The mapped actionable widget of @root that activates @action. */
static GtkWidget *
find_action_widget (GtkWidget  *root,
                    const char *action)
{
  g_autoptr (GPtrArray) all = find_all (root, GTK_TYPE_WIDGET);

  for (guint i = 0; i < all->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (all, i);

      if (GTK_IS_ACTIONABLE (w) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (w)),
                                              action) == 0)
        return w;
    }

  return NULL;
}

static graphene_rect_t
bounds_in (GtkWidget *widget,
           GtkWidget *target)
{
  graphene_rect_t bounds;

  g_assert_true (gtk_widget_compute_bounds (widget, target, &bounds));
  return bounds;
}

/* Whether @inner lies in @outer, to half a pixel. */
static gboolean
rect_inside (const graphene_rect_t *inner,
             const graphene_rect_t *outer)
{
  return inner->origin.x >= outer->origin.x - 0.5 && inner->origin.y >= outer->origin.y - 0.5 &&
         inner->origin.x + inner->size.width <= outer->origin.x + outer->size.width + 0.5 &&
         inner->origin.y + inner->size.height <= outer->origin.y + outer->size.height + 0.5;
}

/* @widget is whole: inside the window, and inside @viewport (a widget that
 * clips it and is not meant to scroll it away) when there is one.  Its own
 * size is at least its minimum: nothing in it is cut.
 */
static void
assert_not_clipped (GtkWidget  *window,
                    GtkWidget  *widget,
                    GtkWidget  *viewport,
                    const char *what,
                    const char *state)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  graphene_rect_t in_window = bounds_in (widget, window);
  graphene_rect_t whole = GRAPHENE_RECT_INIT (0, 0, gdk_surface_get_width (surface),
                                              gdk_surface_get_height (surface));
  double dx, dy;
  int min_width, min_height;

  /* On screen: in the window's surface. */
  g_assert_nonnull (widget);
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  graphene_rect_offset (&in_window, dx, dy);
  if (!rect_inside (&in_window, &whole))
    g_error ("%s: %s at %.0f,%.0f %.0fx%.0f is cut off by the %.0fx%.0f window", state, what,
             in_window.origin.x, in_window.origin.y, in_window.size.width, in_window.size.height,
             whole.size.width, whole.size.height);
  if (viewport != NULL)
    {
      graphene_rect_t in_viewport = bounds_in (widget, viewport);
      graphene_rect_t view = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (viewport),
                                                 gtk_widget_get_height (viewport));

      if (!rect_inside (&in_viewport, &view))
        g_error ("%s: %s is cut off by %s", state, what, G_OBJECT_TYPE_NAME (viewport));
    }

  /* Its border box (what the bounds are) holds its minimum, margins aside. */
  {
    GtkBorder margin;
    graphene_rect_t box = bounds_in (widget, widget);

    gtk_style_context_get_margin (gtk_widget_get_style_context (widget), &margin);
    gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
    gtk_widget_measure (widget, GTK_ORIENTATION_VERTICAL, -1, &min_height, NULL, NULL, NULL);
    min_width -= margin.left + margin.right + gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
    min_height -= margin.top + margin.bottom + gtk_widget_get_margin_top (widget) + gtk_widget_get_margin_bottom (widget);
    if (box.size.width + 0.5 < min_width || box.size.height + 0.5 < min_height)
      g_error ("%s: %s is %.0fx%.0f, smaller than its minimum %dx%d", state, what,
               box.size.width, box.size.height, min_width, min_height);
  }
}

#define READABLE_WIDTH 280

/* The main controls are whole, article columns readable, and a column is
 * either in view or out of it, never cut at the edge (when the scrolling
 * rests).  Returns the claims pane's left edge.
 */
static double
check_layout (CrbWindow  *window,
              const char *state)
{
  static const char * const actions[] = {
    "claim.confirm", "claim.correct", "claim.reject", "claim.skip", "claim.note", "win.export", "win.undo",
  };
  GtkWidget *root = GTK_WIDGET (window);
  GtkWidget *pane = find_one (root, CRB_TYPE_CLAIMS_PANE);
  GtkWidget *columns = find_one (root, CRB_TYPE_ARTICLE_COLUMNS);
  GtkWidget *scroller = gtk_widget_get_parent (columns);
  g_autoptr (GPtrArray) views = find_all (columns, CRB_TYPE_ARTICLE_VIEW);
  g_autoptr (GPtrArray) grids = find_all (pane, GTK_TYPE_GRID_VIEW);
  graphene_rect_t view_rect = bounds_in (scroller, scroller);
  guint readable = 0, in_view = 0;

  g_assert_nonnull (pane);
  assert_not_clipped (root, pane, NULL, "the claims pane", state);
  assert_not_clipped (root, find_one (root, ADW_TYPE_HEADER_BAR), NULL, "the header bar", state);
  assert_not_clipped (root, find_one (pane, CRB_TYPE_CLAIM_PANEL), pane, "the claim panel", state);
  assert_not_clipped (root, find_one (pane, GTK_TYPE_SEARCH_ENTRY), pane, "the filter", state);
  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    assert_not_clipped (root, find_action_widget (root, actions[i]), NULL, actions[i], state);

  /* The claim list: whole, and at least about three rows tall. */
  g_assert_cmpuint (grids->len, ==, 1);
  assert_not_clipped (root, gtk_widget_get_parent (g_ptr_array_index (grids, 0)), pane,
                      "the claim list", state);
  g_assert_cmpint (gtk_widget_get_height (g_ptr_array_index (grids, 0)), >=, 150);

  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);
      graphene_rect_t r = bounds_in (view, scroller);

      if (r.origin.x + r.size.width <= 0.5 || r.origin.x >= view_rect.size.width - 0.5)
        continue;   /* a scroll away */
      in_view++;
      if (!rect_inside (&r, &view_rect))
        g_error ("%s: article column %u is cut at the edge of the articles", state, i);
      if (r.size.width >= READABLE_WIDTH)
        readable++;
      else
        g_error ("%s: article column %u is %.0f px wide, less than %d", state, i, r.size.width,
                 READABLE_WIDTH);
    }
  g_assert_cmpuint (in_view, >=, 1);
  g_assert_cmpuint (readable, >=, 1);
  g_test_message ("%s: %u of %u columns in view; claims pane %d px", state, in_view, views->len,
                  gtk_widget_get_width (pane));

  return bounds_in (pane, root).origin.x;
}

typedef struct
{
  int         width;
  int         height;
  gboolean    dark;
} Size;

/* At each size people have, light and dark: screenshots, and no control
 * clipped; the claims pane keeps its place from claim to claim, whatever
 * their text or links.
 */
static void
test_layout_sizes (void)
{
  static const Size sizes[] = {
    { 1024, 600, FALSE }, { 1024, 700, FALSE }, { 1280, 720, FALSE }, { 1366, 768, FALSE },
    { 1920, 1080, FALSE }, { 3840, 2160, FALSE },
    { 1024, 700, TRUE }, { 1280, 720, TRUE }, { 1366, 768, TRUE }, { 1920, 1080, TRUE },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *state = g_strdup_printf ("%dx%d-%s", sizes[s].width, sizes[s].height,
                                                sizes[s].dark ? "dark" : "light");
      g_autofree char *name = g_strdup_printf ("layout-%s", state);
      CrbWindow *window;
      double edge;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          sizes[s].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      window = open_sample_sized (sizes[s].width, sizes[s].height);
      crb_test_iterate (300);
      /* The window is the size asked for (its surface: the widget is that
       * less the resize borders GTK draws without a window manager).
       */
      g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==,
                       sizes[s].width);
      g_assert_cmpint (gdk_surface_get_height (gtk_native_get_surface (GTK_NATIVE (window))), ==,
                       sizes[s].height);
      crb_test_screenshot (GTK_WIDGET (window), name);
      edge = check_layout (window, state);

      /* The pane does not follow its content: its edge stays put. */
      for (guint k = 0; k < 5; k++)
        {
          gtk_widget_activate_action (GTK_WIDGET (window), "claim.next", NULL);
          crb_test_iterate (100);
          g_assert_cmpfloat (check_layout (window, state), ==, edge);
        }

      gtk_window_destroy (GTK_WINDOW (window));
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  crb_test_assert_no_warnings ();
}

/* A claim linked to many others: the pane keeps its width and place, the
 * list keeps its rows, the buttons stay whole (at 1280×720 a claim with
 * four links once filled the window).
 */
static void
test_layout_many_links (void)
{
  CrbWindow *window = open_sample_sized (1280, 720);
  CrbProject *project = crb_window_get_project (window);
  CrbStory *story = crb_window_get_story (window);
  GListModel *claims = crb_story_get_claims (story);
  g_autoptr (CrbClaim) first = g_list_model_get_item (claims, 0);
  const char *id = crb_claim_get_id (first);
  guint linked = 0;
  double edge;

  crb_test_iterate (300);
  edge = check_layout (window, "before linking");

  for (guint i = 0; i < g_list_model_get_n_items (claims) && linked < 8; i++)
    {
      g_autoptr (CrbClaim) other = g_list_model_get_item (claims, i);
      g_autoptr (GError) error = NULL;

      if (g_strcmp0 (crb_claim_get_article_id (other), crb_claim_get_article_id (first)) == 0 ||
          crb_alignment_find_link (crb_story_get_alignment (story), id,
                                   crb_claim_get_id (other)) != NULL)
        continue;
      g_assert_true (crb_project_link (project, id, crb_claim_get_id (other), CRB_RELATION_RELATED,
                                       &error));
      g_assert_no_error (error);
      linked++;
    }
  g_assert_cmpuint (linked, >=, 4);

  crb_window_select_claim (window, id);
  crb_test_iterate (300);
  crb_test_screenshot (GTK_WIDGET (window), "layout-1280x720-many-links");
  g_assert_cmpfloat (check_layout (window, "many links"), ==, edge);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The mapped toggle button showing @icon. */
static GtkWidget *
find_action_free_toggle (GtkWidget  *root,
                         const char *icon)
{
  g_autoptr (GPtrArray) toggles = find_all (root, GTK_TYPE_TOGGLE_BUTTON);

  for (guint i = 0; i < toggles->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (g_ptr_array_index (toggles, i)), icon) == 0)
      return g_ptr_array_index (toggles, i);
  return NULL;
}

/* Too narrow for a readable column and the pane side by side (a window
 * tiled on half a small screen): the pane folds over the articles, a header
 * button shows it, and opening the reasons to reject shows it whole.
 */
static void
test_layout_folded (void)
{
  CrbWindow *window = open_sample_sized (640, 600);
  GtkWidget *flap, *button;
  g_autoptr (GPtrArray) flaps = NULL;

  crb_test_iterate (300);
  flaps = find_all (GTK_WIDGET (window), ADW_TYPE_FLAP);
  flap = NULL;
  for (guint i = 0; i < flaps->len; i++)
    if (adw_flap_get_flap_position (g_ptr_array_index (flaps, i)) == GTK_PACK_END)
      flap = g_ptr_array_index (flaps, i);
  g_assert_nonnull (flap);
  g_assert_true (adw_flap_get_folded (ADW_FLAP (flap)));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  /* The header's button that shows the pane is there. */
  button = find_action_free_toggle (GTK_WIDGET (window), "sidebar-show-right-symbolic");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  crb_test_screenshot (GTK_WIDGET (window), "layout-640x600-folded");
  {
    g_autoptr (GPtrArray) views = find_all (GTK_WIDGET (window), CRB_TYPE_ARTICLE_VIEW);
    GtkWidget *columns = find_one (GTK_WIDGET (window), CRB_TYPE_ARTICLE_COLUMNS);

    g_assert_cmpuint (views->len, >=, 1);
    g_assert_cmpint (gtk_widget_get_width (columns), >=, READABLE_WIDTH);
  }

  /* X opens the reasons: the pane comes, whole. */
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reject", NULL);
  crb_test_iterate (400);
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  crb_test_screenshot (GTK_WIDGET (window), "layout-640x600-folded-revealed");
  assert_not_clipped (GTK_WIDGET (window), find_one (GTK_WIDGET (window), CRB_TYPE_CLAIMS_PANE),
                      NULL,
                      "the folded pane", "640x600");
  assert_not_clipped (GTK_WIDGET (window), find_action_widget (GTK_WIDGET (window),
                                                               "claim.confirm"), NULL,
                      "claim.confirm", "640x600");
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reason", "i", 2);
  g_assert_cmpint (crb_claim_get_status (crb_window_get_claim (window)), ==,
                   CRB_DECISION_STATUS_PENDING);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* With more articles than fit, the columns scroll sideways with the pointer
 * over an article's text: the horizontal wheel (buttons 6 and 7, as a
 * touchpad's sideways swipe arrives on X11) and Shift+wheel; the plain
 * wheel scrolls the article's text.
 */
static void
test_layout_wheel (void)
{
  CrbWindow *window = open_sample_sized (1024, 700);
  GtkWidget *columns, *scroller, *first;
  GtkAdjustment *hadj, *vadj;
  g_autoptr (GPtrArray) views = NULL;
  graphene_rect_t r;
  double dx, dy, start;
  g_autofree char *move = NULL;

  crb_test_iterate (300);
  columns = find_one (GTK_WIDGET (window), CRB_TYPE_ARTICLE_COLUMNS);
  scroller = gtk_widget_get_parent (columns);
  hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller));
  g_assert_cmpfloat (gtk_adjustment_get_upper (hadj), >, gtk_adjustment_get_page_size (hadj));
  views = find_all (columns, CRB_TYPE_ARTICLE_VIEW);
  first = GTK_WIDGET (crb_article_view_get_text_view (g_ptr_array_index (views, 0)));
  vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (first));

  /* The pointer over the first article's text. */
  r = bounds_in (first, GTK_WIDGET (window));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  move = g_strdup_printf ("mousemove --sync %d %d",
                          (int) (r.origin.x + dx + 100), (int) (r.origin.y + dy + 150));
  crb_test_xdotool (move);
  gtk_adjustment_set_value (hadj, 0);
  crb_test_iterate (200);

  /* Sideways wheel. */
  crb_test_xdotool ("click --repeat 3 --delay 50 7");
  crb_test_iterate (500);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), >, 0);
  crb_test_xdotool ("click --repeat 6 --delay 50 6");
  crb_test_iterate (500);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, 0);

  /* Shift+wheel. */
  crb_test_xdotool ("keydown shift click --repeat 3 --delay 50 5 keyup shift");
  crb_test_iterate (500);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), >, 0);
  gtk_adjustment_set_value (hadj, 0);
  crb_test_iterate (200);

  /* The plain wheel scrolls the text, not the columns. */
  start = gtk_adjustment_get_value (vadj);
  crb_test_xdotool ("click --repeat 3 --delay 50 5");
  crb_test_iterate (500);
  g_assert_cmpfloat (gtk_adjustment_get_value (hadj), ==, 0);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadj), >, start);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The claims pane is as wide as remembered, and dragging its edge (a real
 * pointer, by xdotool) changes the width and remembers it.
 */
static void
test_layout_pane_width (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  CrbWindow *window;
  GtkWidget *pane, *handle;
  graphene_rect_t r;
  double dx, dy;
  int x, y, before;
  g_autofree char *cmd = NULL;

  g_settings_set_int (settings, "claims-width", 480);
  window = open_sample_sized (1366, 768);
  crb_test_iterate (300);
  pane = find_one (GTK_WIDGET (window), CRB_TYPE_CLAIMS_PANE);
  g_assert_cmpint (gtk_widget_get_width (pane), ==, 480);
  check_layout (window, "480 px pane");

  /* Drag the edge 60 px towards the articles. */
  handle = gtk_widget_get_prev_sibling (pane);
  g_assert_true (GTK_IS_SEPARATOR (handle));
  r = bounds_in (handle, GTK_WIDGET (window));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &dx, &dy);
  x = (int) (r.origin.x + dx + r.size.width / 2);
  y = (int) (r.origin.y + dy + r.size.height / 2);
  before = gtk_widget_get_width (pane);
  cmd = g_strdup_printf ("mousemove --sync %d %d mousedown 1 mousemove --sync %d %d mousemove --sync %d %d mouseup 1",
                         x, y, x - 30, y, x - 60, y);
  crb_test_xdotool (cmd);
  crb_test_iterate (300);
  g_assert_cmpint (gtk_widget_get_width (pane), ==, before + 60);
  g_assert_cmpint (g_settings_get_int (settings, "claims-width"), ==, before + 60);
  check_layout (window, "after dragging");

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_reset (settings, "claims-width");
  crb_test_assert_no_warnings ();
}

/* ---- keys and selection ---- */

/* Whether typing now would go into a text field. */
static gboolean
focus_is_editable (CrbWindow *window)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (window)); w != NULL; w = gtk_widget_get_parent (w))
    if (GTK_IS_EDITABLE (w) || (GTK_IS_TEXT_VIEW (w) &&
        gtk_text_view_get_editable (GTK_TEXT_VIEW (w))))
      return TRUE;
  return FALSE;
}

/* The panel, the article columns and the list show the same claim. */
static void
assert_selection_consistent (CrbWindow  *window,
                             const char *state)
{
  CrbClaim *claim = crb_window_get_claim (window);
  GtkWidget *panel = find_one (GTK_WIDGET (window), CRB_TYPE_CLAIM_PANEL);
  g_autoptr (GPtrArray) views = find_all (GTK_WIDGET (window), CRB_TYPE_ARTICLE_VIEW);

  if (crb_claim_panel_get_claim (CRB_CLAIM_PANEL (panel)) != claim)
    g_error ("%s: the panel shows another claim than the one selected", state);
  for (guint i = 0; i < views->len; i++)
    {
      CrbArticleView *view = g_ptr_array_index (views, i);
      CrbClaim *shown = crb_article_view_get_selected_claim (view);
      gboolean here = claim != NULL &&
                      g_strcmp0 (crb_article_get_id (crb_article_view_get_article (view)),
                                 crb_claim_get_article_id (claim)) == 0;

      if (shown != (here ? claim : NULL))
        g_error ("%s: article %s highlights %s, the selection is %s", state,
                 crb_article_get_id (crb_article_view_get_article (view)),
                 shown ? crb_claim_get_id (shown) : "nothing", claim ? crb_claim_get_id (claim) : "nothing");
    }
}

static GtkWidget *
find_status_page (GtkWidget  *root,
                  const char *title)
{
  g_autoptr (GPtrArray) pages = find_all (root, ADW_TYPE_STATUS_PAGE);

  for (guint i = 0; i < pages->len; i++)
    if (g_strcmp0 (adw_status_page_get_title (g_ptr_array_index (pages, i)), title) == 0)
      return g_ptr_array_index (pages, i);
  return NULL;
}

/* Ctrl+F, a filter, Escape, J, A, with real keys: Escape leaves the filter
 * (cleared) and gives the keys back to the review; nothing is typed into a
 * field the reviewer did not open; an empty result says so; while the
 * filter shows nothing, nothing is selected anywhere.  Enter keeps the
 * filter and reviews what it shows.
 */
static void
test_filter_keys (void)
{
  CrbWindow *window = open_sample_sized (1280, 720);
  CrbProject *project = crb_window_get_project (window);
  GtkWidget *entry;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  g_autofree char *folded = NULL;

  if (g_find_program_in_path ("xdotool") == NULL)
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  gtk_window_present (GTK_WINDOW (window));
  crb_test_iterate (300);
  entry = find_one (GTK_WIDGET (window), GTK_TYPE_SEARCH_ENTRY);
  g_assert_false (focus_is_editable (window));
  first = g_strdup (crb_claim_get_id (crb_window_get_claim (window)));

  crb_test_xdotool ("key ctrl+f");
  g_assert_true (focus_is_editable (window));
  crb_test_xdotool ("type --delay 20 Russ");
  crb_test_iterate (500);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "Russ");
  g_assert_nonnull (find_status_page (GTK_WIDGET (window), "No claims match “Russ”"));
  g_assert_null (crb_window_get_claim (window));
  assert_selection_consistent (window, "no match");
  crb_test_screenshot (GTK_WIDGET (window), "11-filter-no-match");

  crb_test_xdotool ("key Escape");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_false (focus_is_editable (window));
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, first);
  crb_test_xdotool ("key j");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  second = g_strdup (crb_claim_get_id (crb_window_get_claim (window)));
  g_assert_cmpstr (second, !=, first);
  press_confirm (window);
  g_assert_cmpint (crb_test_status_of (project, second), ==, CRB_DECISION_STATUS_CONFIRMED);
  g_assert_false (focus_is_editable (window));
  assert_selection_consistent (window, "after J and A");

  /* Enter keeps the filter and goes to its claims. */
  crb_test_xdotool ("key ctrl+f");
  crb_test_xdotool ("type --delay 20 bridge");
  crb_test_iterate (500);
  crb_test_xdotool ("key Return");
  g_assert_false (focus_is_editable (window));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "bridge");
  folded = g_utf8_casefold (crb_claim_get_final_text (crb_window_get_claim (window)), -1);
  g_assert_nonnull (strstr (folded, "bridge"));
  assert_selection_consistent (window, "filtered by text");
  third = g_strdup (crb_claim_get_id (crb_window_get_claim (window)));
  press_confirm (window);
  g_assert_cmpint (crb_test_status_of (project, third), ==, CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "bridge");

  /* A status filter that hides the selected claim: the first claim shown
   * takes its place everywhere.
   */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-all-claims", NULL);
  crb_window_select_claim (window, second);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.claim-filter", "s", "pending");
  crb_test_iterate (200);
  g_assert_nonnull (crb_window_get_claim (window));
  g_assert_cmpint (crb_claim_get_status (crb_window_get_claim (window)), ==,
                   CRB_DECISION_STATUS_PENDING);
  assert_selection_consistent (window, "pending only");

  /* A filter that shows nothing selects nothing, and says so. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.claim-filter", "s", "rejected");
  crb_test_iterate (200);
  g_assert_null (crb_window_get_claim (window));
  g_assert_nonnull (find_status_page (GTK_WIDGET (window), "No rejected claims"));
  assert_selection_consistent (window, "no rejected claims");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-all-claims", NULL);
  crb_test_iterate (200);
  g_assert_nonnull (crb_window_get_claim (window));
  assert_selection_consistent (window, "all again");

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The mapped widgets under @root whose type is named @type_name (GTK's and
 * libadwaita's private types).
 */
static GPtrArray *
find_all_named (GtkWidget  *root,
                const char *type_name)
{
  g_autoptr (GPtrArray) all = find_all (root, GTK_TYPE_WIDGET);
  GPtrArray *found = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (g_strcmp0 (G_OBJECT_TYPE_NAME (g_ptr_array_index (all, i)), type_name) == 0)
      g_ptr_array_add (found, g_ptr_array_index (all, i));
  return found;
}

/* Where the selected claim's text is, in the window. */
static gboolean
selected_claim_area (CrbWindow       *window,
                     graphene_rect_t *area)
{
  CrbClaim *claim = crb_window_get_claim (window);
  GtkWidget *view = claim ? crb_window_get_article_view (window,
                                                         crb_claim_get_article_id (claim)) : NULL;
  GtkTextView *text;
  GtkTextIter start, end;
  GdkRectangle first, last;
  int x0, y0, x1, y1;
  graphene_point_t top, bottom;

  if (view == NULL)
    return FALSE;
  text = crb_article_view_get_text_view (CRB_ARTICLE_VIEW (view));
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text), &start,
                                      crb_claim_get_start (claim));
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text), &end,
                                      crb_claim_get_end (claim));
  gtk_text_view_get_iter_location (text, &start, &first);
  gtk_text_view_get_iter_location (text, &end, &last);
  gtk_text_view_buffer_to_window_coords (text, GTK_TEXT_WINDOW_WIDGET, first.x, first.y, &x0, &y0);
  gtk_text_view_buffer_to_window_coords (text, GTK_TEXT_WINDOW_WIDGET, last.x,
                                         last.y + last.height, &x1, &y1);
  /* The whole width of the column: the span wraps across it. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (text), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (0, y0), &top));
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (text), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (gtk_widget_get_width (GTK_WIDGET (text)), y1), &bottom));
  graphene_rect_init (area, top.x, top.y, bottom.x - top.x, bottom.y - top.y);
  return TRUE;
}

/* At the smallest screen, a decision after another: the toast never covers
 * the selected claim, in its article or in the claims pane.
 */
static void
test_toast_clear_of_selection (void)
{
  CrbWindow *window = open_sample_sized (1024, 600);
  GtkWidget *pane;
  guint checked = 0;

  crb_test_iterate (300);
  pane = find_one (GTK_WIDGET (window), CRB_TYPE_CLAIMS_PANE);
  for (guint i = 0; i < 12; i++)
    {
      g_autoptr (GPtrArray) toasts = NULL;
      graphene_rect_t claim_area, toast_area, pane_area, overlap;

      confirm_current (window, "claim.confirm");
      crb_test_iterate (400);
      toasts = find_all_named (GTK_WIDGET (window), "AdwToastWidget");
      g_assert_cmpuint (toasts->len, >=, 1);
      pane_area = bounds_in (pane, GTK_WIDGET (window));
      if (!selected_claim_area (window, &claim_area))
        continue;
      for (guint t = 0; t < toasts->len; t++)
        {
          toast_area = bounds_in (g_ptr_array_index (toasts, t), GTK_WIDGET (window));
          g_assert_false (graphene_rect_intersection (&toast_area, &pane_area, &overlap));
          if (graphene_rect_intersection (&toast_area, &claim_area, &overlap))
            {
              crb_test_screenshot (GTK_WIDGET (window), "toast-over-claim");
              g_error ("the toast covers the selected claim %s",
                       crb_claim_get_id (crb_window_get_claim (window)));
            }
        }
      checked++;
      if (i == 5)
        crb_test_screenshot (GTK_WIDGET (window), "13-toast-clear");
    }
  g_assert_cmpuint (checked, >=, 10);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* Opened, then resized: the claim list shows its rows at once (it stayed
 * blank until the first J).
 */
static void
test_list_after_resize (void)
{
  CrbWindow *window = open_sample_sized (1366, 768);
  GtkWidget *grid;
  guint shown = 0;
  graphene_rect_t view;

  crb_test_iterate (300);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  crb_test_iterate (600);
  g_assert_cmpint (gdk_surface_get_width (gtk_native_get_surface (GTK_NATIVE (window))), ==, 1024);
  grid = find_one (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW);
  view = bounds_in (gtk_widget_get_parent (grid), gtk_widget_get_parent (grid));
  {
    g_autoptr (GPtrArray) inscriptions = find_all (grid, GTK_TYPE_INSCRIPTION);

    for (guint i = 0; i < inscriptions->len; i++)
      {
        GtkWidget *w = g_ptr_array_index (inscriptions, i);
        graphene_rect_t r = bounds_in (w, gtk_widget_get_parent (grid));
        graphene_rect_t overlap;

        if (r.size.height > 0 && r.size.width > 0 && graphene_rect_intersection (&r, &view,
                                                                                 &overlap) &&
            gtk_inscription_get_text (GTK_INSCRIPTION (w)) != NULL)
          shown++;
      }
  }
  crb_test_screenshot (GTK_WIDGET (window), "14-list-after-resize");
  /* Each row has its text and its caption: at least three rows. */
  g_assert_cmpuint (shown, >=, 6);
  check_layout (window, "after resizing");

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* Whether @w is a control a person operates: these need a name. */
static gboolean
is_control (GtkWidget *w)
{
  return GTK_IS_BUTTON (w) || GTK_IS_CHECK_BUTTON (w) || GTK_IS_MENU_BUTTON (w) ||
         GTK_IS_SWITCH (w) || GTK_IS_SPIN_BUTTON (w) || GTK_IS_ENTRY (w) ||
         GTK_IS_SEARCH_ENTRY (w) || GTK_IS_PASSWORD_ENTRY (w) || GTK_IS_TEXT_VIEW (w) ||
         GTK_IS_DROP_DOWN (w) || GTK_IS_LIST_VIEW (w) || GTK_IS_GRID_VIEW (w) ||
         GTK_IS_COLUMN_VIEW (w) || GTK_IS_SCALE (w) || ADW_IS_ENTRY_ROW (w) ||
         (GTK_IS_LIST_BOX_ROW (w) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (w)));
}

/* Controls made of controls: their name covers their parts, which are
 * GTK's or libadwaita's own (a spin button's +/−, a drop-down's button and
 * list, an entry's text, a menu button's toggle; the window buttons, which
 * GTK names).  A menu button's popover is ours, and is checked.
 */
static gboolean
parts_are_covered (GtkWidget *w)
{
  return GTK_IS_DROP_DOWN (w) || GTK_IS_SPIN_BUTTON (w) || GTK_IS_ENTRY (w) ||
         GTK_IS_SEARCH_ENTRY (w) || GTK_IS_PASSWORD_ENTRY (w) || GTK_IS_TEXT_VIEW (w) ||
         GTK_IS_LIST_VIEW (w) || GTK_IS_GRID_VIEW (w) || GTK_IS_COLUMN_VIEW (w) ||
         GTK_IS_WINDOW_CONTROLS (w) || ADW_IS_ENTRY_ROW (w) || ADW_IS_COMBO_ROW (w) ||
         /* A toast, and its close button, are libadwaita's. */
         g_strcmp0 (G_OBJECT_TYPE_NAME (w), "AdwToastWidget") == 0;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

/* GTK 4.8 has no public getter for the accessible name it computes, so the
 * rule is written out here (GTK_A11Y=test lets a test see the accessible
 * properties and relations).  A control is named when
 *  - it has the accessible label property; or
 *  - it is a button with a label text, or whose child is a label with text
 *    (GTK labels a button by its child).  A button whose child is an icon
 *    is labelled by that icon, which has no name: it needs a label of its
 *    own; or
 *  - it is a check button or menu button with a label text; or
 *  - it is an AdwPreferencesRow with a title (libadwaita labels the row by
 *    its title label); or
 *  - it is labelled by other widgets (a row's switch by the row's title).
 * A tooltip is a description, not a name: it does not count.
 */
static gboolean
has_accessible_name (GtkWidget *w)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_LABEL))
    return TRUE;
  if (GTK_IS_BUTTON (w))
    {
      GtkWidget *child = gtk_button_get_child (GTK_BUTTON (w));
      g_autofree char *by_child = NULL;

      if (has_text (gtk_button_get_label (GTK_BUTTON (w))) ||
          (GTK_IS_LABEL (child) && has_text (gtk_label_get_text (GTK_LABEL (child)))))
        return TRUE;
      if (child == NULL || GTK_IS_IMAGE (child))
        return FALSE;
      /* Labelled by something other than its own child. */
      by_child = gtk_test_accessible_check_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                                     child, NULL);
      return gtk_test_accessible_has_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
             by_child != NULL;
    }
  if (gtk_test_accessible_has_relation (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_RELATION_LABELLED_BY) &&
      !GTK_IS_CHECK_BUTTON (w) && !GTK_IS_MENU_BUTTON (w))
    return TRUE;
  if (GTK_IS_CHECK_BUTTON (w) && has_text (gtk_check_button_get_label (GTK_CHECK_BUTTON (w))))
    return TRUE;
  if (GTK_IS_MENU_BUTTON (w) && has_text (gtk_menu_button_get_label (GTK_MENU_BUTTON (w))))
    return TRUE;
  if (ADW_IS_PREFERENCES_ROW (w) && has_text (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w))))
    return TRUE;
  return FALSE;
}

/* Walks what a person can reach in @root and counts the unnamed controls:
 * what is mapped (on screen), so each state is checked as it is shown.
 */
static guint
count_unnamed_controls (GtkWidget  *root,
                        const char *state)
{
  GQueue queue = G_QUEUE_INIT;
  guint unnamed = 0, controls = 0;
  GtkWidget *w;

  g_queue_push_tail (&queue, root);
  while ((w = g_queue_pop_head (&queue)))
    {
      GtkWidget *parent = gtk_widget_get_parent (w);

      if (!gtk_widget_get_mapped (w))
        continue;

      /* A menu button's own toggle is named by the menu button. */
      if (is_control (w) && !(parent != NULL && GTK_IS_MENU_BUTTON (parent)))
        {
          controls++;
          if (!has_accessible_name (w))
            {
              g_test_message ("%s: unnamed %s (in %s)", state, G_OBJECT_TYPE_NAME (w),
                              parent ? G_OBJECT_TYPE_NAME (parent) : "nothing");
              unnamed++;
            }
        }

      if (parts_are_covered (w))
        continue;
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }

  g_test_message ("%s: %u controls, %u unnamed", state, controls, unnamed);
  return unnamed;
}

/* Every control of the main states has an accessible name. */
static void
test_accessible_names (void)
{
  CrbWindow *window = new_window ();
  GtkWidget *other;
  guint unnamed = 0;

  unnamed += count_unnamed_controls (GTK_WIDGET (window), "empty state");
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_sample ();
  unnamed += count_unnamed_controls (GTK_WIDGET (window), "story open");

  /* The menus of our own making (not a GtkPopoverMenu of a menu model). */
  {
    GQueue queue = G_QUEUE_INIT;
    GtkWidget *w;

    g_queue_push_tail (&queue, window);
    while ((w = g_queue_pop_head (&queue)))
      {
        if (GTK_IS_MENU_BUTTON (w) && gtk_widget_get_mapped (w) &&
            !GTK_IS_POPOVER_MENU (gtk_menu_button_get_popover (GTK_MENU_BUTTON (w))))
          {
            gtk_menu_button_popup (GTK_MENU_BUTTON (w));
            crb_test_iterate (300);
            unnamed += count_unnamed_controls (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (w))),
                                               "a menu");
            gtk_menu_button_popdown (GTK_MENU_BUTTON (w));
            crb_test_iterate (300);
          }
        for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
          g_queue_push_tail (&queue, c);
      }
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reject", NULL);
  crb_test_iterate (300);
  unnamed += count_unnamed_controls (GTK_WIDGET (window), "rejection reasons");
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.cancel", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "claim.correct", NULL);
  crb_test_iterate (300);
  unnamed += count_unnamed_controls (GTK_WIDGET (window), "correcting");
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.cancel", NULL);

  gtk_widget_activate_action (GTK_WIDGET (window), "claim.note", NULL);
  crb_test_iterate (300);
  unnamed += count_unnamed_controls (GTK_WIDGET (window), "note");
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.cancel", NULL);
  crb_test_iterate (300);

  g_action_group_activate_action (G_ACTION_GROUP (crb_test_app), "preferences", NULL);
  crb_test_iterate (300);
  other = crb_test_find_toplevel (CRB_TYPE_PREFERENCES);
  g_assert_nonnull (other);
  unnamed += count_unnamed_controls (other, "preferences");
  gtk_window_destroy (GTK_WINDOW (other));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL);
  crb_test_iterate (1000);
  other = crb_test_find_toplevel (CRB_TYPE_STATS_WINDOW);
  g_assert_nonnull (other);
  unnamed += count_unnamed_controls (other, "statistics");
  gtk_window_destroy (GTK_WINDOW (other));

  other = open_export_dialog (window);
  unnamed += count_unnamed_controls (other, "export dialog");
  gtk_window_destroy (GTK_WINDOW (other));

  g_assert_cmpuint (unnamed, ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static GtkWidget *
find_message_dialog (const char *heading)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (w) &&
          g_strcmp0 (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (w)), heading) == 0)
        return GTK_WIDGET (w);
    }

  return NULL;
}

static gboolean
changed_dialog_shown (gpointer data)
{
  return find_message_dialog ("The Project Changed on Disk") != NULL;
}

static gboolean
claim_is_confirmed (gpointer data)
{
  CrbWindow *window = data;
  CrbProject *project = crb_window_get_project (window);
  CrbClaim *claim = project ? crb_project_find_claim (project, "almera-courier:1", NULL, NULL) : NULL;

  return claim != NULL && crb_claim_get_status (claim) == CRB_DECISION_STATUS_CONFIRMED &&
         g_strcmp0 (crb_window_get_page (window), "project") == 0;
}

static void
run_cli (const char * const *args)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) argv = NULL;
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_strv_builder_add (builder, g_getenv ("CRB_CLI"));
  g_strv_builder_addv (builder, (const char **) args);
  argv = g_strv_builder_end (builder);
  g_spawn_sync (NULL, argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

static void
test_open_path_and_changed_on_disk (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crb-changed-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "p.crb", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("CRB_SOURCE_ROOT"), "data", "sample", "harbor-bridge", NULL);
  const char *new_args[] = { "new", "--title", "Changed", path, sample, NULL };
  const char *annotate_args[] = { "annotate", path, "almera-courier:1", "--confirm", NULL };
  g_autoptr (GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog;
  CrbWindow *window = NULL;

  run_cli (new_args);

  /* `corroborate PATH` opens a project file. */
  g_application_open (G_APPLICATION (crb_test_app), &file, 1, "");
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (crb_test_app)); l; l = l->next)
    if (CRB_IS_WINDOW (l->data))
      window = l->data;
  g_assert_nonnull (window);
  g_assert_true (crb_test_wait_for (page_is_project, window, 30000));
  g_assert_cmpstr (crb_project_get_title (crb_window_get_project (window)), ==, "Changed");

  /* Another program decides a claim: the window shows it within a second,
   * with no dialog in the way of review, and never writes over it.
   */
  crb_test_iterate (500);
  run_cli (annotate_args);
  g_assert_true (crb_test_wait_for (claim_is_confirmed, window, 1500));
  g_assert_false (changed_dialog_shown (NULL));
  (void) dialog;

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static gboolean
two_windows_with_projects (gpointer data)
{
  guint n = 0;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (crb_test_app)); l; l = l->next)
    if (CRB_IS_WINDOW (l->data) && page_is_project (l->data))
      n++;
  return n == 2;
}

/* A window keeps its project: the sample tried from it opens in another
 * window, which the application makes (app.import), the window never calls
 * the application.
 */
static void
test_open_elsewhere (void)
{
  CrbWindow *window = open_sample ();
  CrbProject *project = crb_window_get_project (window);
  CrbWindow *other = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL);
  g_assert_true (crb_test_wait_for (two_windows_with_projects, NULL, 30000));
  g_assert_true (crb_window_get_project (window) == project);
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (crb_test_app)); l; l = l->next)
    if (CRB_IS_WINDOW (l->data) && l->data != (gpointer) window)
      other = l->data;
  g_assert_nonnull (other);
  g_assert_true (crb_window_get_project (other) != project);

  gtk_window_destroy (GTK_WINDOW (other));
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

int
main (int   argc,
      char *argv[])
{
  crb_test_app_init (&argc, &argv);

  /* The reviewer's name is asked at the first decision; the tests of the
   * question clear it.
   */
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "annotator", "Window Tester");
  }

  g_test_add_func ("/corroborate/window/empty-state", test_empty_state);
  g_test_add_func ("/corroborate/window/review-loop/actions", test_review_loop_actions);
  g_test_add_func ("/corroborate/window/review-loop/keys", test_review_loop_keys);
  g_test_add_func ("/corroborate/window/markup-literal", test_markup_shown_literally);
  g_test_add_func ("/corroborate/window/dark-mode", test_dark_mode);
  g_test_add_func ("/corroborate/window/links", test_links);
  g_test_add_func ("/corroborate/window/accessible-names", test_accessible_names);
  g_test_add_func ("/corroborate/window/open-path-and-changed-on-disk", test_open_path_and_changed_on_disk);
  g_test_add_func ("/corroborate/window/open-elsewhere", test_open_elsewhere);
  g_test_add_func ("/corroborate/window/layout/sizes", test_layout_sizes);
  g_test_add_func ("/corroborate/window/layout/many-links", test_layout_many_links);
  g_test_add_func ("/corroborate/window/layout/pane-width", test_layout_pane_width);
  g_test_add_func ("/corroborate/window/layout/folded", test_layout_folded);
  g_test_add_func ("/corroborate/window/layout/wheel", test_layout_wheel);
  g_test_add_func ("/corroborate/window/keys/filter", test_filter_keys);
  g_test_add_func ("/corroborate/window/selection/toast", test_toast_clear_of_selection);
  g_test_add_func ("/corroborate/window/selection/list-after-resize", test_list_after_resize);

  return crb_test_app_run ();
}
