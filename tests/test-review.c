/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The review window says why claims conflict, where the reviewer looks:
 * the linked claims in the panel give the reason in words with both
 * values, each column says where its article stands, and confirming a
 * claim that other outlets contradict asks once, inline (keys pressed for
 * real with xdotool).  The reviewer's name is asked at the first decision;
 * a read-only project opens read-only.  Runs the real window under Xvfb.
 *
 * The bundled sample (data/sample/harbor-bridge): The Almera Courier says
 * 7 killed, Coastline Daily 9, NordNews Digest "at least six"; one fact,
 * in which Coastline Daily conflicts with both others.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "crb-article-view.h"
#include "crb-claim-panel.h"
#include "crb-explain.h"
#include "crb-test-app.h"

static char *tmp_dir;

static CrbClaimPanel *
panel_of (CrbWindow *window)
{
  return CRB_CLAIM_PANEL (crb_test_find (GTK_WIDGET (window), CRB_TYPE_CLAIM_PANEL));
}

/* The text of the standing line in the header of @article_id's column. */
static const char *
standing_of (CrbWindow  *window,
             const char *article_id)
{
  GtkWidget *view = crb_window_get_article_view (window, article_id);
  g_autoptr (GPtrArray) labels = crb_test_find_all (view, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_has_css_class (g_ptr_array_index (labels, i), "crb-standing"))
      return gtk_label_get_text (g_ptr_array_index (labels, i));
  return NULL;
}

static void
test_reasons_in_words (void)
{
  g_autofree char *path = crb_test_new_sample_project (tmp_dir, "reasons.crb");
  CrbWindow *window = crb_test_open_project (path, 1366, 768);
  CrbStory *story = crb_window_get_story (window);
  GtkWidget *panel;
  CrbStanding standing;

  /* The columns' standing, from the story's links. */
  g_assert_cmpstr (standing_of (window, "almera-courier"), ==, "contradicts 1 outlet on 1 fact");
  g_assert_cmpstr (standing_of (window, "coastline-daily"), ==, "contradicts 2 outlets on 1 fact");
  g_assert_cmpstr (standing_of (window, "nordnews-digest"), ==, "contradicts 1 outlet on 1 fact");
  crb_explain_standing (story, "coastline-daily", &standing);
  g_assert_cmpuint (standing.n_contradicted, ==, 2);
  g_assert_cmpuint (standing.n_conflict_facts, ==, 1);
  g_assert_false (standing.at_least);

  /* The panel says why, with the values side by side, this claim's first. */
  crb_window_select_claim (window, "almera-courier:1");
  crb_test_iterate (300);
  panel = GTK_WIDGET (panel_of (window));
  g_assert_nonnull (crb_test_find_label (panel, "The death tolls differ"));
  g_assert_nonnull (crb_test_find_label (panel, "The death tolls agree"));
  g_assert_nonnull (crb_test_find_label (panel, "7 killed"));
  g_assert_nonnull (crb_test_find_label (panel, "9 killed"));
  g_assert_nonnull (crb_test_find_label (panel, "at least 6 killed"));
  crb_test_screenshot (GTK_WIDGET (window), "review-reasons-1366x768");

  /* Seen from the other end, the values swap. */
  crb_window_select_claim (window, "coastline-daily:2");
  crb_test_iterate (300);
  {
    const CrbLink *link = crb_alignment_find_link (crb_story_get_alignment (story), "almera-courier:1",
                                                   "coastline-daily:2");
    g_autoptr (GPtrArray) reasons = crb_explain_link (story, link, "coastline-daily:2");
    CrbReason *first = g_ptr_array_index (reasons, 0);

    g_assert_cmpint (first->kind, ==, CRB_REASON_CONFLICT);
    g_assert_cmpstr (first->text, ==, "The death tolls differ");
    g_assert_cmpstr (first->here, ==, "9 killed");
    g_assert_cmpstr (first->there, ==, "7 killed");
  }
  g_assert_nonnull (crb_test_find_label (panel, "The dates differ"));
  crb_test_screenshot (GTK_WIDGET (window), "review-reasons-other-end");

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* A, A again, Enter and Escape, pressed for real. */
static void
test_confirm_anyway_keys (void)
{
  g_autofree char *path = NULL;
  CrbWindow *window;
  CrbProject *project;
  CrbClaimPanel *panel;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  path = crb_test_new_sample_project (tmp_dir, "anyway.crb");
  window = crb_test_open_project (path, 1280, 720);
  project = crb_window_get_project (window);
  panel = panel_of (window);

  /* A claim nothing contradicts is confirmed at once. */
  crb_window_select_claim (window, "almera-courier:3");
  crb_test_xdotool ("key a");
  g_assert_false (crb_claim_panel_is_asking_confirm (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:3"), ==, CRB_DECISION_STATUS_CONFIRMED);

  /* A contradicted claim asks, inline: no dialog, the claim still pending. */
  crb_window_select_claim (window, "almera-courier:1");
  crb_test_xdotool ("key a");
  g_assert_true (crb_claim_panel_is_asking_confirm (panel));
  g_assert_null (crb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:1"), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_nonnull (crb_test_find_label (GTK_WIDGET (panel), "1 outlet contradicts this claim"));
  g_assert_nonnull (crb_test_find_label (GTK_WIDGET (panel),
                                         "Coastline Daily says 9 killed, this claim 7 killed"));
  crb_test_screenshot (GTK_WIDGET (window), "review-confirm-anyway");

  /* Escape cancels: nothing decided, the keys review again. */
  crb_test_xdotool ("key Escape");
  g_assert_false (crb_claim_panel_is_asking_confirm (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:1"), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, "almera-courier:1");

  /* A, then A again, confirms anyway. */
  crb_test_xdotool ("key a");
  g_assert_true (crb_claim_panel_is_asking_confirm (panel));
  crb_test_xdotool ("key a");
  g_assert_false (crb_claim_panel_is_asking_confirm (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:1"), ==, CRB_DECISION_STATUS_CONFIRMED);

  /* A, then Enter, confirms anyway. */
  crb_window_select_claim (window, "coastline-daily:2");
  crb_test_xdotool ("key a");
  g_assert_true (crb_claim_panel_is_asking_confirm (panel));
  g_assert_nonnull (crb_test_find_label (GTK_WIDGET (panel), "2 outlets contradict this claim"));
  crb_test_xdotool ("key Return");
  g_assert_false (crb_claim_panel_is_asking_confirm (panel));
  g_assert_cmpint (crb_test_status_of (project, "coastline-daily:2"), ==, CRB_DECISION_STATUS_CONFIRMED);

  /* Moving on drops the question. */
  crb_window_select_claim (window, "almera-courier:2");
  crb_test_xdotool ("key a");
  g_assert_true (crb_claim_panel_is_asking_confirm (panel));
  crb_test_xdotool ("key j");
  g_assert_false (crb_claim_panel_is_asking_confirm (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:2"), ==, CRB_DECISION_STATUS_PENDING);

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The first decision asks who reviews, once; never the login name. */
static void
test_annotator_asked_once (void)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;
  CrbWindow *window;
  CrbProject *project;
  CrbClaimPanel *panel;
  const CrbDecision *decision;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  g_settings_set_string (settings, "annotator", "");
  g_settings_set_boolean (settings, "annotator-asked", FALSE);
  path = crb_test_new_sample_project (tmp_dir, "annotator.crb");
  window = crb_test_open_project (path, 1280, 720);
  project = crb_window_get_project (window);
  panel = panel_of (window);

  /* Reject as unverifiable (2): the name is asked first, inline. */
  crb_window_select_claim (window, "almera-courier:3");
  crb_test_xdotool ("key 2");
  g_assert_true (crb_claim_panel_is_asking_annotator (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:3"), ==, CRB_DECISION_STATUS_PENDING);
  crb_test_screenshot (GTK_WIDGET (window), "review-annotator");
  crb_test_xdotool ("type --delay 10 'Ana Reviewer'");
  crb_test_xdotool ("key Return");
  g_assert_false (crb_claim_panel_is_asking_annotator (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:3"), ==, CRB_DECISION_STATUS_REJECTED);
  decision = crb_claim_get_decision (crb_project_find_claim (project, "almera-courier:3", NULL, NULL));
  g_assert_cmpint (decision->reason, ==, CRB_REJECT_REASON_UNVERIFIABLE);
  g_assert_cmpstr (decision->annotator, ==, "Ana Reviewer");
  g_assert_cmpstr (g_settings_get_string (settings, "annotator"), ==, "Ana Reviewer");

  /* Asked once. */
  crb_window_select_claim (window, "almera-courier:5");
  crb_test_xdotool ("key 3");
  g_assert_false (crb_claim_panel_is_asking_annotator (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:5"), ==, CRB_DECISION_STATUS_REJECTED);

  /* Escape stays anonymous, and the decision is made. */
  g_settings_set_string (settings, "annotator", "");
  g_settings_set_boolean (settings, "annotator-asked", FALSE);
  crb_window_select_claim (window, "almera-courier:6");
  crb_test_xdotool ("key 4");
  g_assert_true (crb_claim_panel_is_asking_annotator (panel));
  crb_test_xdotool ("key Escape");
  g_assert_false (crb_claim_panel_is_asking_annotator (panel));
  decision = crb_claim_get_decision (crb_project_find_claim (project, "almera-courier:6", NULL, NULL));
  g_assert_nonnull (decision);
  g_assert_cmpstr (decision->annotator, ==, CRB_ANONYMOUS_ANNOTATOR);
  g_assert_true (g_settings_get_boolean (settings, "annotator-asked"));
  g_assert_cmpstr (decision->annotator, !=, g_get_user_name ());

  gtk_window_destroy (GTK_WINDOW (window));
  g_settings_set_string (settings, "annotator", "Review Tester");
  crb_test_assert_no_warnings ();
}

static gboolean
window_gone (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

/* A project without write permission opens read-only: a banner says why,
 * review actions are off, Save As makes a writable copy.
 */
static void
test_read_only (void)
{
  g_autofree char *path = crb_test_new_sample_project (tmp_dir, "locked.crb");
  g_autofree char *copy = g_build_filename (tmp_dir, "unlocked.crb", NULL);
  g_autoptr (GFile) copy_file = g_file_new_for_path (copy);
  CrbWindow *window;
  CrbProject *project;
  GtkWidget *banner;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  window = crb_test_open_project (path, 1024, 700);
  project = crb_window_get_project (window);
  g_assert_nonnull (crb_project_get_read_only (project));

  banner = crb_test_find (GTK_WIDGET (window), GTK_TYPE_REVEALER);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (crb_test_find_label (banner, "Opened read-only because the file is read-only. Save a copy to review it."));
  crb_test_screenshot (GTK_WIDGET (window), "review-read-only");

  /* Review actions are off; looking around is not. */
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.confirm", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reason", "i", 2);
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.confirm-all", NULL);
  g_assert_cmpuint (crb_story_count_status (crb_window_get_story (window), CRB_DECISION_STATUS_PENDING), ==,
                    crb_story_get_n_claims (crb_window_get_story (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.next", NULL);
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), !=, "almera-courier:1");

  /* Save As: the copy is the project, writable; the banner goes. */
  g_assert_true (crb_window_save_as (window, copy_file));
  crb_test_iterate (500);
  project = crb_window_get_project (window);
  g_assert_null (crb_project_get_read_only (project));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  crb_window_select_claim (window, "almera-courier:3");
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.confirm", NULL);
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:3"), ==, CRB_DECISION_STATUS_CONFIRMED);

  {
    GtkWidget *w = GTK_WIDGET (window);

    g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
    gtk_window_close (GTK_WINDOW (window));
    g_assert_true (crb_test_wait_for (window_gone, &w, 10000));
  }

  /* The original was never written. */
  {
    const char *args[] = { "claims", "--status", "confirmed", path, NULL };
    g_autofree char *out = crb_test_run_cli_output (args);

    g_assert_cmpstr (out, ==, "");
  }
  {
    const char *args[] = { "claims", "--status", "confirmed", copy, NULL };
    g_autofree char *out = crb_test_run_cli_output (args);

    g_assert_nonnull (strstr (out, "\"almera-courier:3\""));
  }
  crb_test_assert_no_warnings ();
}

/* ---- several writers: the window and corroborate-cli at once ---- */

typedef struct
{
  const char *project;
  GPtrArray  *ids;
  int         failures;
  int         done;
} CliRun;

static gpointer
cli_thread (gpointer data)
{
  CliRun *run = data;

  for (guint i = 0; i < run->ids->len; i++)
    {
      const char *argv[] = { g_getenv ("CRB_CLI"), "annotate", run->project, g_ptr_array_index (run->ids, i),
                             "--confirm", "--annotator", "cli", NULL };
      g_autoptr (GError) error = NULL;
      int status = -1;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL,
                         &status, &error) || !g_spawn_check_wait_status (status, NULL))
        g_atomic_int_inc (&run->failures);
      g_usleep (60 * 1000);
    }
  g_atomic_int_set (&run->done, 1);
  return NULL;
}

static gboolean
cli_done (gpointer data)
{
  return g_atomic_int_get (&((CliRun *) data)->done);
}

typedef struct
{
  CrbProject *project;
  GPtrArray  *ids;
} Shown;

static gboolean
cli_decisions_shown (gpointer data)
{
  Shown *shown = data;

  for (guint i = 0; i < shown->ids->len; i++)
    if (crb_test_status_of (shown->project, g_ptr_array_index (shown->ids, i)) != CRB_DECISION_STATUS_CONFIRMED)
      return FALSE;
  return TRUE;
}

static gboolean
child_exited (gpointer data)
{
  return *(int *) data != -1;
}

static void
child_watch_cb (GPid     pid,
                int      status,
                gpointer data)
{
  *(int *) data = g_spawn_check_wait_status (status, NULL) ? 0 : 1;
  g_spawn_close_pid (pid);
}

/* The window decides claims by key while corroborate-cli decides others;
 * the window shows the CLI's decisions within a second; Ctrl+Q while a
 * CLI process has the file open quits without an error, every decision in
 * the journal; afterwards the project holds all of them.
 */
static void
test_writers (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) app_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) cli_ids = g_ptr_array_new ();
  g_autoptr (GThread) thread = NULL;
  CliRun run = { 0 };
  Shown shown;
  CrbWindow *window;
  CrbProject *project;
  GtkWidget *w;
  GPid pid;
  int in_fd = -1, late_status = -1;
  g_autofree char *out = NULL;
  g_auto (GStrv) lines = NULL;
  guint n_app = 0, n_cli = 0, n_pending = 0;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  path = crb_test_new_sample_project (tmp_dir, "writers.crb");
  window = crb_test_open_project (path, 1280, 720);
  project = crb_window_get_project (window);
  crb_window_select_claim (window, "almera-courier:1");

  /* The CLI decides NordNews Digest's claims and three of Coastline
   * Daily's, one process each, while the window rejects The Almera
   * Courier's from the top, by key (2: unverifiable).
   */
  for (guint i = 1; i <= 6; i++)
    g_ptr_array_add (cli_ids, g_strdup_printf ("nordnews-digest:%u", i));
  for (guint i = 3; i <= 5; i++)
    g_ptr_array_add (cli_ids, g_strdup_printf ("coastline-daily:%u", i));
  g_ptr_array_set_free_func (cli_ids, g_free);
  run.project = path;
  run.ids = cli_ids;
  thread = g_thread_new ("cli", cli_thread, &run);

  for (guint i = 0; i < 6; i++)
    {
      g_ptr_array_add (app_ids, g_strdup (crb_claim_get_id (crb_window_get_claim (window))));
      crb_test_xdotool ("key 2");
    }
  g_assert_true (crb_test_wait_for (cli_done, &run, 60000));
  g_assert_cmpint (run.failures, ==, 0);

  for (guint i = 0; i < app_ids->len; i++)
    {
      g_assert_true (g_str_has_prefix (g_ptr_array_index (app_ids, i), "almera-courier:"));
      g_assert_cmpint (crb_test_status_of (project, g_ptr_array_index (app_ids, i)), ==,
                       CRB_DECISION_STATUS_REJECTED);
    }

  /* The window shows the CLI's decisions, without a dialog. */
  shown.project = project;
  shown.ids = cli_ids;
  g_assert_true (crb_test_wait_for (cli_decisions_shown, &shown, 3000));
  crb_test_iterate (600);
  {
    AdwWindowTitle *title = ADW_WINDOW_TITLE (crb_test_find (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));

    g_autofree char *expected = g_strdup_printf ("15 of %u claims reviewed", crb_test_count_claims (project));

    g_assert_true (g_str_has_prefix (adw_window_title_get_subtitle (title), expected));
  }
  g_assert_null (crb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  crb_test_screenshot (GTK_WIDGET (window), "review-writers");

  /* A CLI process holds the file open (it waits for its decisions on
   * standard input): the window cannot rewrite the file, and Ctrl+Q
   * quits all the same, without an error; the journal has everything.
   */
  {
    const char *argv[] = { g_getenv ("CRB_CLI"), "annotate", path, "--from", "-", "--annotator", "cli", NULL };
    g_autoptr (GError) error = NULL;

    g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                             &pid, &in_fd, NULL, NULL, &error));
    g_assert_no_error (error);
    g_child_watch_add (pid, child_watch_cb, &late_status);
    crb_test_iterate (700);
  }
  w = GTK_WIDGET (window);
  g_object_add_weak_pointer (G_OBJECT (w), (gpointer *) &w);
  gtk_window_present (GTK_WINDOW (window));
  crb_test_xdotool ("key ctrl+q");
  g_assert_true (crb_test_wait_for (window_gone, &w, 15000));
  g_assert_null (crb_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  {
    const char *batch = "{\"claim\": \"coastline-daily:1\", \"status\": \"confirmed\"}\n"
                        "{\"claim\": \"coastline-daily:2\", \"status\": \"confirmed\"}\n";

    g_assert_cmpint (write (in_fd, batch, strlen (batch)), ==, (gssize) strlen (batch));
    close (in_fd);
  }
  g_assert_true (crb_test_wait_for (child_exited, &late_status, 30000));
  g_assert_cmpint (late_status, ==, 0);

  /* Nothing lost on either side. */
  {
    const char *args[] = { "claims", path, NULL };

    out = crb_test_run_cli_output (args);
  }
  lines = g_strsplit (g_strstrip (out), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonNode) node = json_from_string (lines[i], NULL);
      JsonObject *claim = json_node_get_object (node);
      const char *status = json_object_get_string_member (claim, "status");
      JsonObject *decision = json_object_has_member (claim, "decision")
                             ? json_object_get_object_member (claim, "decision") : NULL;
      const char *annotator = decision ? json_object_get_string_member_with_default (decision, "annotator", "")
                                       : NULL;

      if (g_str_equal (status, "pending"))
        n_pending++;
      else if (g_str_equal (status, "rejected") && g_str_equal (annotator, "Review Tester"))
        n_app++;
      else if (g_str_equal (status, "confirmed") && g_str_equal (annotator, "cli"))
        n_cli++;
    }
  g_assert_cmpuint (n_app, ==, 6);
  g_assert_cmpuint (n_cli, ==, 11);
  /* Nothing lost: every other claim of the sample is still pending. */
  g_assert_cmpuint (n_pending, ==, g_strv_length (lines) - n_app - n_cli);
  g_assert_cmpuint (n_pending, >=, 1);
  crb_test_assert_no_warnings ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = g_dir_make_tmp ("crb-review-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  crb_test_app_init (&argc, &argv);
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "annotator", "Review Tester");
  }

  g_test_add_func ("/corroborate/review/reasons-in-words", test_reasons_in_words);
  g_test_add_func ("/corroborate/review/confirm-anyway/keys", test_confirm_anyway_keys);
  g_test_add_func ("/corroborate/review/annotator-asked-once", test_annotator_asked_once);
  g_test_add_func ("/corroborate/review/read-only", test_read_only);
  g_test_add_func ("/corroborate/review/writers", test_writers);

  ret = crb_test_app_run ();
  g_free (tmp_dir);
  return ret;
}
