/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-team: a team's reviews at scale (docs/team.md, issue 16).
 *
 *   bench-team [--reviewers N] [--claims N] [--dir DIR]
 *
 * Makes a project of N claims (default 300,000: stories of 10 articles of
 * 30 claims) and the files of N reviewers (default 10) who each decide
 * every claim (each gives a hidden true label 85% of the time, another
 * label else), then measures in a fresh process: opening the project
 * without its team, opening it with every reviewer's file merged, the
 * agreement figures, one reviewer's decision made durable, and the
 * export of the gold dataset.  Prints figures; asserts nothing.
 */
#include "config.h"

#include "crb-bench-utils.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corroborate-core.h"

#include <sys/resource.h>

#define CLAIMS_PER_ARTICLE 30
#define ARTICLES_PER_STORY 10

static const char * const words[] = {
  "council", "harbour", "bridge", "river", "school", "budget", "minister", "storm", "court", "hospital",
  "railway", "market", "police", "festival", "museum", "airport", "factory", "election", "tunnel", "station",
};

static char *
make_project (const char *dir,
              guint       n_claims,
              GPtrArray  *ids)
{
  g_autoptr (CrbProject) project = crb_project_new ("Team benchmark");
  g_autoptr (GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "team.crb", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  guint n_articles = (n_claims + CLAIMS_PER_ARTICLE - 1) / CLAIMS_PER_ARTICLE;

  for (guint a = 0; a < n_articles; a++)
    {
      g_autofree char *story_title = g_strdup_printf ("Story %05u", a / ARTICLES_PER_STORY);
      g_autofree char *article_id = g_strdup_printf ("a%06u", a);
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (CrbArticle) article = NULL;
      CrbStory *story = crb_project_find_story_by_title (project, story_title);

      if (story == NULL)
        story = crb_project_add_story (project, story_title);
      for (guint c = 0; c < CLAIMS_PER_ARTICLE; c++)
        {
          guint start = text->len;

          g_string_append_printf (text, "The %s %s said %u people %s on day %u. ",
                                  words[(a + c) % G_N_ELEMENTS (words)], words[(a * 7 + c * 3) % G_N_ELEMENTS (words)],
                                  (a * 31 + c * 17) % 997, words[(c * 11 + a) % G_N_ELEMENTS (words)], c + 1);
          g_array_append_val (spans, start);
          start = text->len - 1;
          g_array_append_val (spans, start);
        }
      article = crb_article_new (article_id, text->str);
      crb_project_add_article (project, story, article);
      for (guint c = 0; c < CLAIMS_PER_ARTICLE; c++)
        {
          guint start = g_array_index (spans, guint, 2 * c), end = g_array_index (spans, guint, 2 * c + 1);
          g_autofree char *id = g_strdup_printf ("%s:%u", article_id, c + 1);
          g_autofree char *claim_text = g_strndup (text->str + start, end - start);
          g_autoptr (CrbClaim) claim = crb_claim_new (id, article_id, start, end, claim_text);

          crb_story_add_claim (story, claim);
          g_ptr_array_add (ids, g_steal_pointer (&id));
        }
      if (a % ARTICLES_PER_STORY == ARTICLES_PER_STORY - 1)
        crb_story_realign (story);
    }

  if (!crb_project_save (project, file, NULL, &error))
    g_error ("%s", error->message);
  return g_steal_pointer (&path);
}

/* Label 0 confirmed, 1 corrected, 2… the reasons of a rejection. */
static void
set_label (CrbTeamRecord *record,
           guint          label)
{
  record->status = label == 0 ? CRB_DECISION_STATUS_CONFIRMED
                   : label == 1 ? CRB_DECISION_STATUS_CORRECTED : CRB_DECISION_STATUS_REJECTED;
  record->reason = label >= 2 ? (CrbRejectReason) (label - 1) : CRB_REJECT_REASON_NONE;
  record->corrected = label == 1 ? "As corrected" : NULL;
}

static guint
true_label (GRand *r)
{
  double x = g_rand_double (r);

  return x < 0.5 ? 0 : x < 0.6 ? 1 : 2 + g_rand_int_range (r, 0, CRB_N_TEAM_LABELS - 2);
}

static void
make_reviews (const char *folder,
              const char *project_id,
              GPtrArray  *ids,
              guint       n_reviewers,
              gsize      *bytes)
{
  g_autoptr (GRand) truth_rand = g_rand_new_with_seed (16);
  g_autofree guint8 *truth = g_new (guint8, ids->len);
  g_autofree char *time = crb_now_iso8601 ();

  g_mkdir_with_parents (folder, 0755);
  for (guint i = 0; i < ids->len; i++)
    truth[i] = true_label (truth_rand);

  *bytes = 0;
  for (guint r = 0; r < n_reviewers; r++)
    {
      g_autofree char *name = g_strdup_printf ("r%02u", r);
      g_autofree char *path = crb_reviews_path_for (folder, name);
      g_autofree char *header = crb_reviews_format_header (project_id, name);
      g_autoptr (GRand) rand = g_rand_new_with_seed (100 + r);
      g_autoptr (GString) out = g_string_new (header);
      g_autoptr (GError) error = NULL;

      g_string_append_c (out, '\n');
      for (guint i = 0; i < ids->len; i++)
        {
          CrbTeamRecord record = { 0, };

          record.seq = i + 1;
          record.op = CRB_TEAM_OP_DECIDE;
          record.time = time;
          record.claim = g_ptr_array_index (ids, i);
          set_label (&record, g_rand_double (rand) < 0.85 ? truth[i]
                                                           : (guint) g_rand_int_range (rand, 0, CRB_N_TEAM_LABELS));
          crb_reviews_format_record (out, name, &record);
        }
      if (!g_file_set_contents (path, out->str, out->len, &error))
        g_error ("%s", error->message);
      *bytes += out->len;
    }
}

/* Processor time, user and system, of this process so far: on a shared
 * machine the wall time depends on what else runs, this does not.
 */
static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

static double
load_average (void)
{
  g_autofree char *text = NULL;

  return g_file_get_contents ("/proc/loadavg", &text, NULL, NULL) ? g_ascii_strtod (text, NULL) : -1;
}

static int
measure (const char *plain_path,
         const char *team_path)
{
  g_autoptr (GFile) plain_file = g_file_new_for_path (plain_path);
  g_autoptr (GFile) team_file = g_file_new_for_path (team_path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) plain = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbTeamFigures) figures = NULL;
  g_autoptr (CrbDecision) decision = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (GFile) out_file = NULL;
  g_autoptr (GFileOutputStream) out = NULL;
  g_autofree char *out_path = NULL;
  CrbTeam *team;
  double t0, t1, t_plain, t_team, c0, c_plain, c_team;
  guint n_records = 0;

  printf ("load average: %.2f (2 is both processors busy)\n", load_average ());
  t0 = crb_bench_now ();
  c0 = cpu_seconds ();
  plain = crb_project_load (plain_file, NULL, &error);
  t_plain = crb_bench_now () - t0;
  c_plain = cpu_seconds () - c0;
  if (plain == NULL)
    g_error ("%s", error->message);
  g_clear_object (&plain);

  t0 = crb_bench_now ();
  c0 = cpu_seconds ();
  project = crb_project_load (team_file, NULL, &error);
  t_team = crb_bench_now () - t0;
  c_team = cpu_seconds () - c0;
  if (project == NULL)
    g_error ("%s", error->message);
  team = crb_project_get_team (project);
  printf ("open without the team: %.3f s\n", t_plain);
  printf ("open with %u reviewers' files merged: %.3f s (the merge: %.3f s; processor time %.3f s), "
          "%u claims, peak memory %.0f MB\n",
          crb_team_get_n_reviewers (team), t_team, t_team - t_plain, c_team - c_plain, crb_team_get_n_claims (team),
          crb_bench_peak_rss_kb () / 1024.0);
  for (guint i = 0; i < crb_project_get_problems (project)->len && i < 3; i++)
    printf ("  problem: %s\n", (char *) g_ptr_array_index (crb_project_get_problems (project), i));

  t0 = crb_bench_now ();
  c0 = cpu_seconds ();
  figures = crb_project_team_compute_agreement (project, &error);
  t1 = crb_bench_now ();
  if (figures == NULL)
    g_error ("%s", error->message);
  printf ("agreement: %.3f s (processor time %.3f s) over %u claims decided by two reviewers or more "
          "(Fleiss' kappa %.3f, Krippendorff's alpha %.3f, %u pairs)\n",
          t1 - t0, cpu_seconds () - c0, figures->decisions->items, figures->decisions->fleiss_kappa,
          figures->decisions->krippendorff_alpha, figures->decisions->pairs->len);

  crb_project_set_reviewer (project, "r00");
  t0 = crb_bench_now ();
  if (!crb_project_decide (project, crb_team_get_claim_id (team, 7), decision, &error))
    g_error ("%s", error->message);
  t1 = crb_bench_now ();
  printf ("one decision durable in the reviewer's file: %.2f ms\n", (t1 - t0) * 1000);

  out_path = g_strconcat (team_path, ".gold.jsonl", NULL);
  out_file = g_file_new_for_path (out_path);
  out = g_file_replace (out_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  t0 = crb_bench_now ();
  if (out == NULL || !crb_export (project, CRB_EXPORT_JSONL, G_OUTPUT_STREAM (out), NULL, NULL, &n_records,
                                  NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    g_error ("%s", error->message);
  t1 = crb_bench_now ();
  printf ("export of the gold dataset (JSON Lines, annotations included): %.2f s, %u records\n", t1 - t0, n_records);
  printf ("peak memory: %.0f MB\n", crb_bench_peak_rss_kb () / 1024.0);
  g_unlink (out_path);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = NULL;
  g_autofree char *keep_dir = NULL;
  g_autofree char *plain_path = NULL;
  g_autofree char *team_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *measure_dir = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GFile) file = NULL;
  int n_reviewers = 10, n_claims = 300000;
  GOptionEntry entries[] = {
    { "reviewers", 0, 0, G_OPTION_ARG_INT, &n_reviewers, "Number of reviewers", "N" },
    { "claims", 0, 0, G_OPTION_ARG_INT, &n_claims, "Number of claims, each decided by every reviewer", "N" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Work in DIR (kept)", "DIR" },
    { "measure", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &measure_dir, NULL, NULL },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- measure a team's merge and agreement");
  gsize bytes;
  double t0;
  int status = 0;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (measure_dir != NULL && g_getenv ("CRB_BENCH_OPEN_ONLY") != NULL)
    {
      g_autofree char *path = g_build_filename (measure_dir, "team.crb", NULL);
      g_autoptr (GFile) team_file = g_file_new_for_path (path);
      g_autoptr (CrbProject) only = NULL;

      t0 = crb_bench_now ();
      only = crb_project_load (team_file, NULL, &error);
      printf ("open with the team: %.3f s\n", crb_bench_now () - t0);
      return only ? 0 : 1;
    }
  if (measure_dir != NULL)
    {
      plain_path = g_build_filename (measure_dir, "plain.crb", NULL);
      team_path = g_build_filename (measure_dir, "team.crb", NULL);
      return measure (plain_path, team_path);
    }

  dir = keep_dir ? g_strdup (keep_dir) : g_dir_make_tmp ("crb-bench-team-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);
  printf ("corroborate %s, bench-team: %d reviewers x %d claims, each reviewer deciding every claim\n",
          PACKAGE_VERSION, n_reviewers, n_claims);

  t0 = crb_bench_now ();
  team_path = make_project (dir, (guint) n_claims, ids);
  plain_path = g_build_filename (dir, "plain.crb", NULL);
  file = g_file_new_for_path (team_path);
  project = crb_project_load (file, NULL, &error);
  {
    g_autoptr (GFile) plain = g_file_new_for_path (plain_path);

    if (project == NULL || !crb_project_save (project, plain, NULL, &error))
      g_error ("%s", error->message);
  }
  g_clear_object (&project);
  project = crb_project_load (file, NULL, &error);
  if (project == NULL || !crb_project_team_init (project, "owner", NULL, &error))
    g_error ("%s", error->message);
  folder = g_strdup (crb_project_team_get_reviews_folder (project));
  make_reviews (folder, crb_project_get_id (project), ids, (guint) n_reviewers, &bytes);
  g_clear_object (&project);
  printf ("made the project and %d reviewers' files (%.0f MB) in %.1f s\n", n_reviewers, bytes / 1e6,
          crb_bench_now () - t0);

  /* Measured in a fresh process, as a reviewer opening the project would. */
  {
    const char *child[] = { argv[0], "--measure", dir, NULL };

    fflush (stdout);
    if (!g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL, NULL, NULL,
                       &status, &error))
      g_error ("%s", error->message);
  }

  if (keep_dir == NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);

      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", dir);
    }
  return g_spawn_check_wait_status (status, NULL) ? 0 : 1;
}
