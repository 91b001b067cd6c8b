/* SPDX-License-Identifier: GPL-3.0-or-later */
/* validate and stats */
#define G_LOG_DOMAIN "corroborate-cli"

#include "config.h"

#include "crb-cli.h"

#include <errno.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

int
cmd_validate (int    argc,
              char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GListModel *stories;
  guint n_articles = 0, n_claims = 0;
  int status;

  if ((status = parse_options (NULL, _("Check a project file."), &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("validate needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  if (!crb_project_validate (project, problems, &error))
    return fail_error (error);

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("corroborate-cli: %s: %s\n", argv[1], (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return EXIT_FAIL;

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      n_articles += crb_story_get_n_articles (story);
      n_claims += crb_story_get_n_claims (story);
    }

  g_print (_("%s: valid: format version %d, %u stories, %u articles, %u claims\n"),
           argv[1], CRB_PROJECT_FORMAT_VERSION, g_list_model_get_n_items (stories), n_articles, n_claims);
  return 0;
}

/* "claims" and a member per status, for --json. */
static void
write_counts (GString     *out,
              gboolean    *first,
              const guint *counts)
{
  guint total = 0;

  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    total += counts[s];

  crb_json_member (out, first, "claims");
  crb_json_append_int (out, total);
  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    {
      crb_json_member (out, first, crb_decision_status_to_string (s));
      crb_json_append_int (out, counts[s]);
    }
}

/* An article's claims by the status they show: in a team project, the
 * team's view (the stories are loaded), not the project file's decisions.
 */
static void
count_article_as_shown (CrbStory   *story,
                        const char *article_id,
                        guint      *counts)
{
  g_autoptr (GPtrArray) claims = crb_story_dup_article_claims (story, article_id);

  for (guint k = 0; k < claims->len; k++)
    counts[crb_claim_get_status (g_ptr_array_index (claims, k))]++;
}

static void
print_counts_line (const char  *label,
                   const guint *counts)
{
  guint total = 0;

  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    total += counts[s];

  g_autofree char *padded = pad (label, 40);

  g_print ("  %s %7u %10u %10u %10u %10u\n", padded, total,
           counts[CRB_DECISION_STATUS_PENDING], counts[CRB_DECISION_STATUS_CONFIRMED],
           counts[CRB_DECISION_STATUS_CORRECTED], counts[CRB_DECISION_STATUS_REJECTED]);
}

int
cmd_stats (int    argc,
           char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *annotator = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Team project: who is looking (default: $CORROBORATE_ANNOTATOR); in a blind review, only their decisions show"), N_("NAME") },
    { NULL }
  };
  guint totals[CRB_N_DECISION_STATUSES] = { 0 };
  GListModel *stories;
  guint n_articles = 0;
  gboolean first = TRUE;
  gboolean team;
  int status;

  if ((status = parse_options (entries, _("Count claims and decisions per status, story and article."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("stats needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if ((status = cli_team_prepare (project, argv[1], annotator, FALSE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;
  team = crb_project_is_team (project);

  /* The header holds the counts of every story and article: no story is
   * parsed, unless the file is of a version that did not keep them, or a
   * team's decisions are in its reviewers' files.  The JSON is written as
   * it goes, one story at a time.
   */
  stories = crb_project_get_stories (project);
  if (!json)
    {
      g_print ("%s — %s\n", argv[1], crb_project_get_title (project) ? crb_project_get_title (project) : "");
      g_autofree char *heading = pad (_("story / article"), 40);
      g_autofree char *c1 = pad_left (_("claims"), 7);
      g_autofree char *c2 = pad_left (_("pending"), 10);
      g_autofree char *c3 = pad_left (_("confirmed"), 10);
      g_autofree char *c4 = pad_left (_("corrected"), 10);
      g_autofree char *c5 = pad_left (_("rejected"), 10);

      g_print ("  %s %s %s %s %s %s\n", heading, c1, c2, c3, c4, c5);
    }

  g_string_append_c (out, '{');
  crb_json_member (out, &first, "stories");
  g_string_append_c (out, '[');
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      const char * const *article_ids;
      guint story_counts[CRB_N_DECISION_STATUSES] = { 0 };
      gboolean first_member = TRUE;

      if (crb_story_get_n_articles (story) > 0 &&
          (team || !crb_story_get_article_counts (story, 0, NULL, NULL, NULL)) &&
          !crb_story_ensure_loaded (story, &error))
        return fail_error (error);
      article_ids = crb_story_get_article_ids (story);

      if (!crb_project_team_count_story (project, story, story_counts, &error))
        return fail_error (error);
      for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
        totals[s] += story_counts[s];

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, '{');
      crb_json_member (out, &first_member, "id");
      crb_json_append_string (out, crb_story_get_id (story));
      crb_json_member (out, &first_member, "title");
      crb_json_append_string (out, crb_story_get_title (story));
      write_counts (out, &first_member, story_counts);
      if (!json)
        print_counts_line (crb_story_get_title (story), story_counts);

      crb_json_member (out, &first_member, "articles");
      g_string_append_c (out, '[');
      for (guint j = 0; article_ids[j]; j++)
        {
          guint counts[CRB_N_DECISION_STATUSES] = { 0 };
          const char *outlet = NULL;
          gboolean first_article = TRUE;

          crb_story_get_article_counts (story, j, NULL, team ? NULL : counts, &outlet);
          if (team)
            count_article_as_shown (story, article_ids[j], counts);

          if (j > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '{');
          crb_json_member (out, &first_article, "id");
          crb_json_append_string (out, article_ids[j]);
          crb_json_member (out, &first_article, "outlet");
          crb_json_append_string (out, outlet);
          write_counts (out, &first_article, counts);
          g_string_append_c (out, '}');

          if (!json)
            {
              g_autofree char *label = g_strdup_printf ("  %s", article_ids[j]);
              print_counts_line (label, counts);
            }
          n_articles++;
        }
      g_string_append (out, "]}");

      /* A pass over a large project keeps one story in memory. */
      crb_story_unload (story);
      if (json)
        fwrite (out->str, 1, out->len, stdout);
      g_string_truncate (out, 0);
    }
  g_string_append_c (out, ']');

  crb_json_member (out, &first, "articles");
  crb_json_append_int (out, n_articles);
  write_counts (out, &first, totals);
  g_string_append (out, "}\n");

  if (json)
    fwrite (out->str, 1, out->len, stdout);
  else
    print_counts_line (_("total"), totals);

  return finish_output ();
}
