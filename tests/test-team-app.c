/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Team review in the app (issue 16, docs/team.md), the real window under
 * Xvfb with keys pressed for real (xdotool).  Each project is made here
 * by the CLI from the bundled sample: `team init` by the owner, olga, and
 * two reviewers' decisions by `annotate --annotator`:
 *
 *   claim              ana                 ben
 *   almera-courier:1   confirmed           rejected (false)      differ
 *   almera-courier:2   confirmed           confirmed
 *   almera-courier:3   rejected (opinion)  corrected             differ
 *   coastline-daily:1  confirmed           -
 *   nordnews-digest:1  -                   rejected (unverifiable)
 *
 * Then: the reviewer is the name set in the app and a team project
 * decides nothing without one; a blind review shows a reviewer their own
 * decisions only, and their queue; the adjudication queue lists exactly
 * the disagreements, 2 takes the second reviewer's decision, Ctrl+Z takes
 * it back; the statistics show the κ of `corroborate-cli agreement`.
 */
#include "config.h"

#include <glib/gstdio.h>

#include <math.h>
#include <string.h>

#include "crb-adjudication-window.h"
#include "crb-chart-view.h"
#include "crb-claim-panel.h"
#include "crb-project-team.h"
#include "crb-stats-charts.h"
#include "crb-stats-window.h"
#include "crb-test-app.h"

static char *tmp_dir;

static void
cli (const char *first,
     ...)
{
  g_autoptr (GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  crb_test_run_cli ((const char * const *) args->pdata);
}

/* A team project of the sample with ana's and ben's decisions (above). */
static char *
team_project (const char *name,
              gboolean    share)
{
  char *path = crb_test_new_sample_project (tmp_dir, name);

  cli ("team", "init", path, "--annotator", "olga", NULL);
  if (share)
    cli ("assign", path, "--reviewers", "ana,ben", "--share", "--annotator", "olga", NULL);
  cli ("annotate", path, "almera-courier:1", "--confirm", "--annotator", "ana", NULL);
  cli ("annotate", path, "almera-courier:1", "--reject", "false", "--annotator", "ben", NULL);
  cli ("annotate", path, "almera-courier:2", "--confirm", "--annotator", "ana", NULL);
  cli ("annotate", path, "almera-courier:2", "--confirm", "--annotator", "ben", NULL);
  cli ("annotate", path, "almera-courier:3", "--reject", "opinion", "--annotator", "ana", NULL);
  cli ("annotate", path, "almera-courier:3", "--correct", "A steel span of 140 metres gave way",
       "--annotator", "ben", NULL);
  cli ("annotate", path, "coastline-daily:1", "--confirm", "--annotator", "ana", NULL);
  cli ("annotate", path, "nordnews-digest:1", "--reject", "unverifiable", "--annotator", "ben", NULL);
  return path;
}

/* Every line of `corroborate-cli ARGS…` parsed as JSON. */
static GPtrArray *
cli_json_lines (const char * const *args)
{
  g_autofree char *out = crb_test_run_cli_output (args);
  g_auto (GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (GError) error = NULL;
      JsonNode *node;

      if (*lines[i] == '\0')
        continue;
      node = json_from_string (lines[i], &error);
      g_assert_no_error (error);
      g_ptr_array_add (nodes, node);
    }
  return nodes;
}

/* The claim @id as `corroborate-cli claims --annotator olga` prints it. */
static JsonObject *
cli_claim (GPtrArray  *claims,
           const char *id)
{
  for (guint i = 0; i < claims->len; i++)
    {
      JsonObject *claim = json_node_get_object (g_ptr_array_index (claims, i));

      if (g_strcmp0 (json_object_get_string_member (claim, "id"), id) == 0)
        return claim;
    }
  g_assert_not_reached ();
}

static GPtrArray *
cli_claims (const char *path,
            const char *extra)
{
  const char *args[] = { "claims", path, "--annotator", "olga", extra, NULL };

  return cli_json_lines (args);
}

static CrbClaimPanel *
panel_of (CrbWindow *window)
{
  return CRB_CLAIM_PANEL (crb_test_find (GTK_WIDGET (window), CRB_TYPE_CLAIM_PANEL));
}

/* A mapped label under @root whose text holds @part. */
static GtkWidget *
find_label_with (GtkWidget  *root,
                 const char *part)
{
  g_autoptr (GPtrArray) labels = crb_test_find_all (root, GTK_TYPE_LABEL);

  for (guint i = 0; i < labels->len; i++)
    {
      GtkWidget *label = g_ptr_array_index (labels, i);

      if (gtk_widget_get_mapped (label) && strstr (gtk_label_get_text (GTK_LABEL (label)), part) != NULL)
        return label;
    }
  return NULL;
}

static const char *
subtitle_of (CrbWindow *window)
{
  AdwWindowTitle *title = ADW_WINDOW_TITLE (crb_test_find (GTK_WIDGET (window), ADW_TYPE_WINDOW_TITLE));

  return adw_window_title_get_subtitle (title);
}

static void
set_name (const char *name)
{
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "annotator", name);
  g_settings_set_boolean (settings, "annotator-asked", TRUE);
}

/* The claims of the window's list, in its order. */
static GPtrArray *
listed_ids (CrbWindow *window)
{
  GtkGridView *list = GTK_GRID_VIEW (crb_test_find (GTK_WIDGET (window), GTK_TYPE_GRID_VIEW));
  GListModel *model = G_LIST_MODEL (gtk_grid_view_get_model (list));
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (model, i);

      g_ptr_array_add (ids, g_strdup (crb_claim_get_id (claim)));
    }
  return ids;
}

/* The reviewer is the name set in the app; a team project decides nothing
 * without one that can name a file, and asks for it inline.
 */
static void
test_reviewer_name (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  CrbWindow *window;
  CrbProject *project;
  CrbClaimPanel *panel;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  set_name ("ana");
  path = team_project ("names.crb", FALSE);
  window = crb_test_open_project (path, 1280, 720);
  project = crb_window_get_project (window);
  panel = panel_of (window);
  g_assert_true (crb_project_is_team (project));
  g_assert_cmpstr (crb_project_get_reviewer (project), ==, "ana");
  g_assert_nonnull (strstr (subtitle_of (window), "Team review"));
  g_assert_nonnull (strstr (subtitle_of (window), "ana: 4 of"));
  /* The story's progress in the sidebar counts the team's decisions, which
   * are in the reviewers' files, not the project file's. */
  {
    GtkWidget *stories = crb_test_find (GTK_WIDGET (window), GTK_TYPE_LIST_VIEW);
    GtkWidget *bar = crb_test_find (stories, GTK_TYPE_PROGRESS_BAR);
    GtkWidget *caption = gtk_widget_get_next_sibling (bar);

    g_assert_cmpfloat (gtk_progress_bar_get_fraction (GTK_PROGRESS_BAR (bar)), >, 0.0);
    g_assert_false (g_str_has_prefix (gtk_label_get_label (GTK_LABEL (caption)), "0 of"));
  }

  /* Another name in Preferences: another reviewer. */
  set_name ("ben");
  crb_test_iterate (200);
  g_assert_cmpstr (crb_project_get_reviewer (project), ==, "ben");

  /* No name: a decision (2: reject as unverifiable) asks for one, without
   * "Stay Anonymous"; Escape decides nothing.
   */
  set_name ("");
  crb_test_iterate (200);
  g_assert_null (crb_project_get_reviewer (project));
  crb_window_select_claim (window, "almera-courier:5");
  crb_test_xdotool ("key 2");
  g_assert_true (crb_claim_panel_is_asking_annotator (panel));
  g_assert_null (crb_test_find_label (GTK_WIDGET (panel), "Stay Anonymous"));
  crb_test_screenshot (GTK_WIDGET (window), "team-name");
  crb_test_xdotool ("key Escape");
  g_assert_false (crb_claim_panel_is_asking_annotator (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:5"), ==, CRB_DECISION_STATUS_PENDING);

  /* A name that cannot name a file is refused, and nothing decided. */
  crb_window_select_claim (window, "almera-courier:5");
  crb_test_xdotool ("key 2");
  g_assert_true (crb_claim_panel_is_asking_annotator (panel));
  crb_test_xdotool ("key ctrl+a");
  crb_test_xdotool ("type --delay 10 'Ana Reviewer'");
  crb_test_xdotool ("key Return");
  g_assert_false (crb_claim_panel_is_asking_annotator (panel));
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:5"), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_null (crb_project_get_reviewer (project));

  /* A good one decides, in the reviewer's file. */
  crb_window_select_claim (window, "almera-courier:5");
  crb_test_xdotool ("key 2");
  g_assert_true (crb_claim_panel_is_asking_annotator (panel));
  crb_test_xdotool ("key ctrl+a");
  crb_test_xdotool ("type --delay 10 'chloe'");
  crb_test_xdotool ("key Return");
  g_assert_cmpstr (crb_project_get_reviewer (project), ==, "chloe");
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:5"), ==, CRB_DECISION_STATUS_REJECTED);

  claims = cli_claims (path, NULL);
  {
    JsonObject *claim = cli_claim (claims, "almera-courier:5");
    JsonArray *annotations = json_object_get_array_member (claim, "annotations");

    g_assert_cmpuint (json_array_get_length (annotations), ==, 1);
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (annotations, 0), "annotator"),
                     ==, "chloe");
  }

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_iterate (100);
  crb_test_assert_no_warnings ();
}

/* Blind review: ana sees her own decisions only, in the panel and the
 * list, and her queue; the owner sees everyone's.
 */
/* The owner may make the project file read-only for reviewers: they write
 * their own files, so the window reviews; for the owner it is read-only.
 */
static void
test_read_only_project_file (void)
{
  g_autofree char *path = team_project ("read-only.crb", FALSE);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  CrbWindow *window;
  CrbProject *project;

  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  set_name ("ben");
  window = crb_test_open_project (path, 1280, 720);
  project = crb_window_get_project (window);
  g_assert_nonnull (crb_project_get_read_only (project));
  g_assert_false (crb_project_team_is_owner (project));
  /* Review is on: the window's own confirm takes the selected claim. */
  {
    CrbStory *story = crb_window_get_story (window);
    GListModel *claims = crb_story_get_claims (story);
    g_autofree char *id = NULL;

    /* A claim nobody decided or contradicts: confirmed without a question. */
    for (guint i = 0; id == NULL && i < g_list_model_get_n_items (claims); i++)
      {
        g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, i);

        static const char * const decided[] = { "almera-courier:1", "almera-courier:2", "almera-courier:3",
                                                 "coastline-daily:1", "nordnews-digest:1", NULL };

        if (crb_claim_get_status (claim) == CRB_DECISION_STATUS_PENDING &&
            !g_strv_contains (decided, crb_claim_get_id (claim)) &&
            crb_alignment_contest_score (crb_story_get_alignment (story), story, crb_claim_get_id (claim)) == 0)
          id = g_strdup (crb_claim_get_id (claim));
      }
    g_assert_nonnull (id);
    crb_window_select_claim (window, id);
    crb_test_iterate (200);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "claim.confirm", NULL));
    crb_test_iterate (300);
    g_assert_cmpint (crb_test_status_of (project, id), ==, CRB_DECISION_STATUS_CONFIRMED);
  }
  g_assert_true (crb_project_decide (project, "almera-courier:1", confirm, &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_iterate (200);

  /* The owner: read-only (the file is the owner's to write). */
  set_name ("olga");
  window = crb_test_open_project (path, 1280, 720);
  project = crb_window_get_project (window);
  g_assert_true (crb_project_team_is_owner (project));
  g_assert_false (crb_project_edit_article (project, "almera-courier",
                                            (const char *[]) { "X", NULL, NULL, NULL }, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_READ_ONLY);
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_iterate (200);
  g_chmod (path, 0644);
}

static void
test_blind (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) mine = NULL;
  g_autoptr (GPtrArray) listed = NULL;
  CrbWindow *window;
  CrbProject *project;
  GtkWidget *panel;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  set_name ("ana");
  path = team_project ("blind.crb", TRUE);
  cli ("team", "blind", path, "on", "--annotator", "olga", NULL);
  {
    const char *args[] = { "claims", path, "--mine", "--annotator", "ana", NULL };

    mine = cli_json_lines (args);
  }

  window = crb_test_open_project (path, 1280, 720);
  project = crb_window_get_project (window);
  panel = GTK_WIDGET (panel_of (window));
  g_assert_false (crb_project_team_can_see_others (project));
  g_assert_cmpint (crb_project_team_get_view (project), ==, CRB_TEAM_VIEW_OWN);
  g_assert_nonnull (g_strrstr (subtitle_of (window), "Blind review — your decisions only"));
  /* Adjudication is the owner's. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.adjudicate", NULL);
  crb_test_iterate (100);
  g_assert_null (crb_test_find_toplevel (CRB_TYPE_ADJUDICATION_WINDOW));

  /* ben's rejection is hidden: the claim is pending, in the list and the
   * panel, and ben is named nowhere.
   */
  crb_window_select_claim (window, "nordnews-digest:1");
  crb_test_iterate (200);
  g_assert_cmpint (crb_test_status_of (project, "nordnews-digest:1"), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_null (find_label_with (panel, "by ben"));
  g_assert_null (find_label_with (GTK_WIDGET (window), "ben"));
  crb_test_screenshot (GTK_WIDGET (window), "team-blind-1280x720");

  /* Where both decided, the panel shows ana's decision. */
  crb_window_select_claim (window, "almera-courier:1");
  crb_test_iterate (200);
  g_assert_cmpint (crb_test_status_of (project, "almera-courier:1"), ==, CRB_DECISION_STATUS_CONFIRMED);
  g_assert_nonnull (find_label_with (panel, "Confirmed by ana"));
  crb_window_select_claim (window, "almera-courier:3");
  crb_test_iterate (200);
  g_assert_nonnull (find_label_with (panel, "Rejected (opinion) by ana"));
  g_assert_null (find_label_with (GTK_WIDGET (window), "ben"));

  /* "Pending" is ana's queue: assigned to her, not decided by her. */
  g_object_set (window, "claim-filter", "pending", NULL);
  crb_test_iterate (100);
  listed = listed_ids (window);
  g_assert_cmpuint (listed->len, ==, mine->len);
  g_assert_cmpuint (listed->len, >=, 3);
  for (guint i = 0; i < mine->len; i++)
    g_assert_cmpstr (g_ptr_array_index (listed, i), ==,
                     json_object_get_string_member (json_node_get_object (g_ptr_array_index (mine, i)), "id"));

  /* A decides and goes on through the queue; J goes through it too. */
  crb_window_select_claim (window, g_ptr_array_index (listed, 0));
  crb_test_xdotool ("key a");
  g_assert_cmpint (crb_test_status_of (project, g_ptr_array_index (listed, 0)), ==,
                   CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, g_ptr_array_index (listed, 1));
  crb_test_xdotool ("key j");
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, g_ptr_array_index (listed, 2));
  g_object_set (window, "claim-filter", "all", NULL);

  /* The owner sees every reviewer's decisions. */
  set_name ("olga");
  crb_test_iterate (300);
  g_assert_true (crb_project_team_can_see_others (project));
  g_assert_null (g_strrstr (subtitle_of (window), "Blind review"));
  crb_window_select_claim (window, "nordnews-digest:1");
  crb_test_iterate (200);
  g_assert_cmpint (crb_test_status_of (project, "nordnews-digest:1"), ==, CRB_DECISION_STATUS_REJECTED);
  g_assert_nonnull (find_label_with (panel, "Rejected (unverifiable) by ben"));

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_iterate (100);
  crb_test_assert_no_warnings ();
}

static gboolean
adjudication_open (gpointer data)
{
  return crb_test_find_toplevel (CRB_TYPE_ADJUDICATION_WINDOW) != NULL;
}

static void
adjudication_screenshots (CrbWindow  *main_window,
                          const char *current)
{
  static const int sizes[][2] = { { 1024, 700 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint dark = 0; dark < 2; dark++)
      {
        GtkWidget *window = crb_adjudication_window_new (GTK_WINDOW (main_window),
                                                         crb_window_get_project (main_window));
        g_autofree char *name = g_strdup_printf ("adjudication-%dx%d-%s", sizes[s][0], sizes[s][1],
                                                 dark ? "dark" : "light");

        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
        gtk_window_present (GTK_WINDOW (window));
        crb_adjudication_window_select_claim (CRB_ADJUDICATION_WINDOW (window), current);
        crb_test_iterate (300);
        crb_test_screenshot (window, name);
        gtk_window_destroy (GTK_WINDOW (window));
      }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The adjudication queue: exactly the disagreements; 2 takes ben's
 * decision, Ctrl+Z takes the adjudication back; X then 3 rejects anew.
 */
static void
test_adjudicate (void)
{
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) disagreements = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  CrbAdjudicationWindow *adjudication;
  CrbWindow *window;
  GListModel *queue;
  JsonObject *claim;

  if (!crb_test_has_xdotool ())
    {
      g_test_fail_printf ("xdotool is not installed: key presses cannot be tested");
      return;
    }

  set_name ("olga");
  path = team_project ("adjudicate.crb", FALSE);
  disagreements = cli_claims (path, "--disagreements");
  g_assert_cmpuint (disagreements->len, ==, 2);

  window = crb_test_open_project (path, 1280, 720);
  crb_test_xdotool ("key ctrl+d");
  g_assert_true (crb_test_wait_for (adjudication_open, NULL, 5000));
  adjudication = CRB_ADJUDICATION_WINDOW (crb_test_find_toplevel (CRB_TYPE_ADJUDICATION_WINDOW));
  crb_test_iterate (300);

  /* Exactly the disagreements, those to settle first (all, here). */
  queue = crb_adjudication_window_get_queue (adjudication);
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, disagreements->len);
  for (guint i = 0; i < disagreements->len; i++)
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (queue), i), ==,
                     json_object_get_string_member (json_node_get_object (g_ptr_array_index (disagreements, i)),
                                                    "id"));
  g_assert_cmpstr (crb_adjudication_window_get_claim (adjudication), ==, "almera-courier:1");
  g_assert_cmpuint (crb_adjudication_window_get_n_shown (adjudication), ==, 2);
  /* The main window shows the claim in its article. */
  g_assert_cmpstr (crb_claim_get_id (crb_window_get_claim (window)), ==, "almera-courier:1");
  g_assert_nonnull (crb_test_find_label (GTK_WIDGET (adjudication), "ana"));
  g_assert_nonnull (crb_test_find_label (GTK_WIDGET (adjudication), "ben"));
  g_assert_nonnull (crb_test_find_label (GTK_WIDGET (adjudication), "Rejected (false)"));
  crb_test_screenshot (GTK_WIDGET (adjudication), "adjudication-keys");

  /* 2: ben's decision. */
  crb_test_xdotool ("key 2");
  claims = cli_claims (path, NULL);
  claim = cli_claim (claims, "almera-courier:1");
  g_assert_cmpstr (json_object_get_string_member (claim, "agreement"), ==, "adjudicated");
  g_assert_cmpstr (json_object_get_string_member (claim, "status"), ==, "rejected");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (claim, "adjudication"), "take"),
                   ==, "ben");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (claim, "adjudication"), "by"),
                   ==, "olga");
  g_assert_nonnull (find_label_with (GTK_WIDGET (adjudication), "Took ben’s decision"));
  /* The next claim to settle follows. */
  g_assert_cmpstr (crb_adjudication_window_get_claim (adjudication), ==, "almera-courier:3");

  /* Ctrl+Z takes it back. */
  crb_test_xdotool ("key ctrl+z");
  g_clear_pointer (&claims, g_ptr_array_unref);
  claims = cli_claims (path, NULL);
  claim = cli_claim (claims, "almera-courier:1");
  g_assert_cmpstr (json_object_get_string_member (claim, "agreement"), ==, "disputed");
  g_assert_true (json_object_get_null_member (claim, "adjudication"));
  g_assert_cmpstr (crb_adjudication_window_get_claim (adjudication), ==, "almera-courier:1");
  g_assert_cmpuint (g_list_model_get_n_items (queue), ==, 2);

  /* Deciding anew: X, then 3 (opinion). */
  crb_adjudication_window_select_claim (adjudication, "almera-courier:3");
  crb_test_xdotool ("key x");
  crb_test_xdotool ("key 3");
  g_clear_pointer (&claims, g_ptr_array_unref);
  claims = cli_claims (path, NULL);
  claim = cli_claim (claims, "almera-courier:3");
  g_assert_cmpstr (json_object_get_string_member (claim, "agreement"), ==, "adjudicated");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (claim, "decision"), "reason"), ==,
                   "opinion");
  g_assert_true (json_object_get_null_member (json_object_get_object_member (claim, "adjudication"), "take"));
  /* On to the claim still to settle; back to this one, settled. */
  g_assert_cmpstr (crb_adjudication_window_get_claim (adjudication), ==, "almera-courier:1");
  crb_test_xdotool ("key j");
  g_assert_cmpstr (crb_adjudication_window_get_claim (adjudication), ==, "almera-courier:3");
  g_assert_nonnull (find_label_with (GTK_WIDGET (adjudication), "Settled by olga: Rejected (opinion)"));

  adjudication_screenshots (window, "almera-courier:1");
  gtk_window_destroy (GTK_WINDOW (adjudication));
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_iterate (100);
  crb_test_assert_no_warnings ();
}

static gboolean
stats_ready (gpointer data)
{
  return crb_stats_window_get_stats (data) != NULL;
}

static void
assert_figure (double      shown,
               JsonObject *object,
               const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (JSON_NODE_HOLDS_NULL (node))
    g_assert_true (isnan (shown));
  else
    g_assert_cmpfloat_with_epsilon (shown, json_node_get_double (node), 0.00006);
}

/* The figures the chart and the rows show, as text: κ of each pair. */
static void
assert_shown (CrbStatsWindow *stats,
              double          value)
{
  g_autofree char *text = crb_stats_format_figure (value);
  g_autoptr (GPtrArray) views = crb_test_find_all (GTK_WIDGET (stats), CRB_TYPE_CHART_VIEW);
  guint n = 0;

  for (guint i = 0; i < views->len; i++)
    n += crb_chart_count_texts (crb_chart_view_get_chart (g_ptr_array_index (views, i)), text);
  if (crb_test_find_label (GTK_WIDGET (stats), text) != NULL)
    n++;
  g_test_message ("%s shown %u times", text, n);
  g_assert_cmpuint (n, >, 0);
}

static CrbStatsWindow *
open_stats (CrbWindow *window,
            int        width,
            int        height)
{
  CrbStatsWindow *stats = CRB_STATS_WINDOW (crb_stats_window_new (GTK_WINDOW (window),
                                                                  crb_window_get_project (window)));

  gtk_window_set_default_size (GTK_WINDOW (stats), width, height);
  gtk_window_present (GTK_WINDOW (stats));
  g_assert_true (crb_test_wait_for (stats_ready, stats, 30000));
  crb_test_iterate (400);
  return stats;
}

/* The statistics' agreement: the figures of `corroborate-cli agreement`,
 * drawn in light and dark, saved as PNG and SVG; hidden in a blind review.
 */
static void
test_agreement (void)
{
  static const int sizes[][2] = { { 1024, 700 }, { 1920, 1080 } };
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) json = NULL;
  JsonObject *figures;
  JsonArray *pairs;
  CrbWindow *window;

  set_name ("olga");
  path = team_project ("agreement.crb", FALSE);
  /* A third reviewer, and more claims in common. */
  {
    const char *more[][3] = {
      { "chloe", "almera-courier:1", "--confirm" }, { "chloe", "almera-courier:2", "--confirm" },
      { "chloe", "almera-courier:3", "opinion" }, { "chloe", "coastline-daily:1", "--confirm" },
      { "chloe", "nordnews-digest:1", "unverifiable" }, { "chloe", "almera-courier:4", "--confirm" },
      { "ana", "almera-courier:4", "--confirm" }, { "ben", "almera-courier:4", "false" },
      { "ben", "coastline-daily:1", "--confirm" },
    };

    for (guint i = 0; i < G_N_ELEMENTS (more); i++)
      if (g_str_has_prefix (more[i][2], "--"))
        cli ("annotate", path, more[i][1], more[i][2], "--annotator", more[i][0], NULL);
      else
        cli ("annotate", path, more[i][1], "--reject", more[i][2], "--annotator", more[i][0], NULL);
  }
  cli ("link", path, "almera-courier:4", "coastline-daily:5", "--relation", "related", "--annotator", "ana", NULL);
  {
    const char *args[] = { "agreement", path, "--json", "--annotator", "olga", NULL };

    json = cli_json_lines (args);
  }
  figures = json_node_get_object (g_ptr_array_index (json, 0));
  pairs = json_object_get_array_member (figures, "pairs");
  window = crb_test_open_project (path, 1280, 720);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint dark = 0; dark < 2; dark++)
      {
        g_autofree char *name = g_strdup_printf ("agreement-%dx%d-%s", sizes[s][0], sizes[s][1],
                                                 dark ? "dark" : "light");
        CrbStatsWindow *stats;
        CrbTeamFigures *team;
        GtkWidget *scroller;
        g_autoptr (GPtrArray) views = NULL;
        graphene_rect_t bounds;

        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        stats = open_stats (window, MIN (sizes[s][0], 900), sizes[s][1] - 60);
        team = crb_stats_window_get_stats (stats)->team;
        g_assert_nonnull (team);

        /* The same figures as the CLI's. */
        g_assert_cmpuint (team->decisions->items, ==, json_object_get_int_member (figures, "items"));
        assert_figure (team->decisions->fleiss_kappa, figures, "fleiss_kappa");
        assert_figure (team->decisions->krippendorff_alpha, figures, "krippendorff_alpha");
        assert_figure (team->decisions->observed, figures, "observed");
        g_assert_cmpuint (team->decisions->pairs->len, ==, json_array_get_length (pairs));
        for (guint i = 0; i < json_array_get_length (pairs); i++)
          {
            CrbAgreementPair *pair = g_ptr_array_index (team->decisions->pairs, i);
            JsonObject *expected = json_array_get_object_element (pairs, i);

            g_assert_cmpstr (pair->a, ==, json_object_get_string_member (expected, "a"));
            g_assert_cmpstr (pair->b, ==, json_object_get_string_member (expected, "b"));
            g_assert_cmpuint (pair->items, ==, json_object_get_int_member (expected, "items"));
            assert_figure (pair->cohen_kappa, expected, "cohen_kappa");
            assert_shown (stats, pair->cohen_kappa);
          }
        assert_shown (stats, team->decisions->fleiss_kappa);
        assert_shown (stats, team->decisions->krippendorff_alpha);
        g_assert_nonnull (team->links);

        /* The pictures fit the window. */
        views = crb_test_find_all (GTK_WIDGET (stats), CRB_TYPE_CHART_VIEW);
        g_assert_cmpuint (views->len, ==, 4);
        for (guint i = 0; i < views->len; i++)
          {
            GtkWidget *view = g_ptr_array_index (views, i);

            g_assert_cmpfloat (crb_chart_get_width (crb_chart_view_get_chart (CRB_CHART_VIEW (view))), <=,
                               gtk_widget_get_width (view) + 0.5);
          }

        /* Scrolled to the agreement, for people to look at. */
        scroller = crb_test_find (GTK_WIDGET (stats), GTK_TYPE_SCROLLED_WINDOW);
        g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (views, 0),
                                                  gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller)),
                                                  &bounds));
        crb_test_screenshot (GTK_WIDGET (stats), name);
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                                  bounds.origin.y - 120);
        crb_test_iterate (300);
        {
          g_autofree char *charts = g_strconcat (name, "-charts", NULL);

          crb_test_screenshot (GTK_WIDGET (stats), charts);
        }

        if (s == 0)
          for (guint c = 0; c < 2; c++)
            for (guint f = 0; f < 2; f++)
              {
                const char *chart = c ? "agreement" : "kappa", *format = f ? "svg" : "png";
                g_autofree char *file_name = g_strdup_printf ("%s/%s-%s.%s", tmp_dir, chart,
                                                              dark ? "dark" : "light", format);
                g_autoptr (GFile) file = g_file_new_for_path (file_name);
                g_autoptr (GError) error = NULL;
                g_autofree char *contents = NULL;

                g_assert_true (crb_stats_window_save_chart (stats, chart, file, format, &error));
                g_assert_no_error (error);
                if (f == 0)
                  {
                    g_autoptr (GdkTexture) texture = gdk_texture_new_from_file (file, &error);

                    g_assert_no_error (error);
                    g_assert_cmpint (gdk_texture_get_width (texture), >, 400);
                  }
                else
                  {
                    g_assert_true (g_file_get_contents (file_name, &contents, NULL, NULL));
                    g_assert_nonnull (strstr (contents, "<svg"));
                    g_assert_nonnull (strstr (contents, c ? "Agreement by story" : "Cohen"));
                  }
              }

        gtk_window_destroy (GTK_WINDOW (stats));
        crb_test_iterate (100);
      }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A blind review hides it from reviewers. */
  cli ("team", "blind", path, "on", "--annotator", "olga", NULL);
  set_name ("ana");
  window = crb_test_open_project (path, 1280, 720);
  {
    CrbStatsWindow *stats = open_stats (window, 800, 700);

    g_assert_null (crb_stats_window_get_stats (stats)->team);
    g_assert_nonnull (crb_test_find_label (GTK_WIDGET (stats), "Hidden while the review is blind"));
    gtk_window_destroy (GTK_WINDOW (stats));
  }
  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_iterate (100);
  crb_test_assert_no_warnings ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = g_dir_make_tmp ("crb-team-app-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  g_unsetenv ("CORROBORATE_ANNOTATOR");
  crb_test_app_init (&argc, &argv);

  g_test_add_func ("/corroborate/team-app/reviewer-name", test_reviewer_name);
  g_test_add_func ("/corroborate/team-app/blind", test_blind);
  g_test_add_func ("/corroborate/team-app/read-only-project-file", test_read_only_project_file);
  g_test_add_func ("/corroborate/team-app/adjudicate", test_adjudicate);
  g_test_add_func ("/corroborate/team-app/agreement", test_agreement);

  ret = crb_test_app_run ();
  return ret;
}
