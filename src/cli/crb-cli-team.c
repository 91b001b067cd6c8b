/* SPDX-License-Identifier: GPL-3.0-or-later */
/* team, assign, agreement, adjudicate and merge: a project reviewed by a
 * team, each reviewer in a file of their own (docs/team.md); and what the
 * review commands add in a team project. */
#define G_LOG_DOMAIN "corroborate-cli"

#include "config.h"

#include "crb-cli.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *
reviewer_name (const char *annotator)
{
  const char *name = annotator ? annotator : g_getenv ("CORROBORATE_ANNOTATOR");

  return name && *name ? name : NULL;
}

/**
 * cli_team_prepare:
 * @annotator: (nullable): the --annotator given; else $CORROBORATE_ANNOTATOR
 * @writes: the command changes the project: a reviewer's name is needed
 * @view: which decision claims show (the reviewer's own in a blind review)
 *
 * In a team project, names the reviewer and picks the view; nothing in
 * another project.
 *
 * Returns: -1 to go on, else an exit status
 */
int
cli_team_prepare (CrbProject  *project,
                  const char  *path,
                  const char  *annotator,
                  gboolean     writes,
                  CrbTeamView  view)
{
  const char *name = reviewer_name (annotator);
  g_autoptr (GError) error = NULL;

  if (!crb_project_is_team (project))
    return -1;

  if (writes && name == NULL)
    return usage_error (_("%s is a team project: every change is a named reviewer's; give your name with "
                          "--annotator NAME or $CORROBORATE_ANNOTATOR"), path);
  if (writes && !crb_project_team_check_reviewer (project, name, &error))
    return usage_error (_("%s is a team project: %s"), path, error->message);

  crb_project_set_reviewer (project, name);
  crb_project_team_set_view (project, view);
  return -1;
}

/**
 * cli_team_claims_filter:
 * @wanted: (out): the claims to print, or %NULL for every claim
 *
 * `claims --mine` (the reviewer's queue) and `claims --disagreements`.
 *
 * Returns: -1 to go on, else an exit status
 */
int
cli_team_claims_filter (CrbProject  *project,
                        const char  *path,
                        gboolean     mine,
                        gboolean     disagreements,
                        GHashTable **wanted)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = NULL;

  *wanted = NULL;
  if (!crb_project_is_team (project))
    {
      if (mine || disagreements)
        return fail (_("%s: --mine and --disagreements go with a team project (“corroborate-cli team init”)"), path);
      return -1;
    }
  if (crb_project_team_get_view (project) == CRB_TEAM_VIEW_OWN && crb_project_get_reviewer (project) == NULL)
    warn (_("the review is blind: only a reviewer's own decisions show; name yourself with --annotator NAME"));
  if (!mine && !disagreements)
    return -1;
  if (mine && crb_project_get_reviewer (project) == NULL)
    return usage_error (_("--mine needs your name: --annotator NAME or $CORROBORATE_ANNOTATOR"));

  *wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (mine)
    {
      ids = crb_project_team_dup_queue (project, &error);
      if (ids == NULL)
        return fail ("%s: %s", path, error->message);
      for (guint i = 0; i < ids->len; i++)
        g_hash_table_add (*wanted, g_strdup (g_ptr_array_index (ids, i)));
      g_clear_pointer (&ids, g_ptr_array_unref);
    }
  if (disagreements)
    {
      g_autoptr (GHashTable) both = mine ? g_steal_pointer (wanted) : NULL;

      ids = crb_project_team_dup_disagreements (project, &error);
      if (ids == NULL)
        return fail ("%s: %s", path, error->message);
      *wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < ids->len; i++)
        if (both == NULL || g_hash_table_contains (both, g_ptr_array_index (ids, i)))
          g_hash_table_add (*wanted, g_strdup (g_ptr_array_index (ids, i)));
    }
  return -1;
}

static void
append_annotation (GString           *line,
                   const char        *reviewer,
                   guint32            seq,
                   const CrbDecision *d)
{
  g_string_append (line, "{\"annotator\":");
  crb_json_append_string (line, reviewer);
  g_string_append (line, ",\"status\":");
  crb_json_append_string (line, crb_decision_status_to_string (d->status));
  g_string_append (line, ",\"reject_reason\":");
  crb_json_append_string (line, crb_reject_reason_to_string (d->reason));
  g_string_append (line, ",\"corrected_text\":");
  crb_json_append_string (line, crb_decision_get_correction (d));
  g_string_append (line, ",\"note\":");
  crb_json_append_string (line, d->note);
  g_string_append (line, ",\"time\":");
  crb_json_append_string (line, d->time);
  g_string_append_printf (line, ",\"seq\":%u}", seq);
}

/**
 * cli_team_append_claim:
 * @line: a claim's JSON object and its newline
 *
 * In a team project, adds to a claim's line what the team knows of it:
 * `annotations` (the reviewers' decisions the reviewer may see),
 * `agreement` (how its gold decision came about; null in a blind review),
 * `adjudication` and `assigned`.
 */
void
cli_team_append_claim (GString    *line,
                       CrbProject *project,
                       CrbClaim   *claim)
{
  const char *id = crb_claim_get_id (claim);
  g_autoptr (GPtrArray) annotations = NULL;
  g_autofree char *adjudicator = NULL;
  g_autofree char *take = NULL;
  const char * const *assigned;
  gboolean sees_all, stale = FALSE;
  CrbConsensus consensus;
  guint32 seq = 0;

  if (!crb_project_is_team (project))
    return;

  sees_all = crb_project_team_can_see_others (project);
  annotations = crb_project_team_dup_annotations (project, id);
  g_string_truncate (line, line->len - 2);   /* "}\n" */

  g_string_append (line, ",\"annotations\":[");
  for (guint i = 0; i < annotations->len; i++)
    {
      const CrbAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (i > 0)
        g_string_append_c (line, ',');
      append_annotation (line, annotation->reviewer, annotation->seq, annotation->decision);
    }
  g_string_append (line, "],\"agreement\":");
  g_clear_pointer (&annotations, g_ptr_array_unref);
  if (sees_all)
    {
      g_autoptr (CrbDecision) gold = crb_project_team_dup_gold (project, id, &consensus);

      crb_json_append_string (line, consensus == CRB_CONSENSUS_NONE ? NULL : crb_consensus_to_string (consensus));
    }
  else
    g_string_append (line, "null");

  g_string_append (line, ",\"adjudication\":");
  if (sees_all &&
      crb_team_get_adjudication (crb_project_get_team (project), id, &adjudicator, &seq, &take, &stale))
    {
      g_string_append (line, "{\"by\":");
      crb_json_append_string (line, adjudicator);
      g_string_append_printf (line, ",\"seq\":%u,\"take\":", seq);
      crb_json_append_string (line, take);
      g_string_append_printf (line, ",\"stale\":%s}", stale ? "true" : "false");
    }
  else
    g_string_append (line, "null");

  g_string_append (line, ",\"assigned\":");
  assigned = crb_project_team_get_assigned (project, id);
  if (assigned != NULL)
    crb_json_append_strv (line, assigned);
  else
    g_string_append (line, "null");
  g_string_append (line, "}\n");
}

/* ------------------------------------------------------------ team */

static int
team_status (CrbProject *project,
             const char *path)
{
  CrbTeam *team = crb_project_get_team (project);

  g_print (_("%s: a team project\n"), path);
  g_print (_("owner: %s\n"), crb_team_get_owner (team) ? crb_team_get_owner (team) : "-");
  g_print (_("reviews: %s\n"), crb_project_team_get_reviews_folder (project));
  g_print (_("blind review: %s\n"), !crb_team_get_blind (team) ? _("off")
                                    : crb_team_get_revealed (team) ? _("on, revealed") : _("on"));
  g_print (_("assignments: %s\n"), crb_team_has_assignments (team) ? _("yes") : _("none"));
  if (crb_project_team_can_see_others (project))
    for (guint i = 0; i < crb_team_get_n_reviewers (team); i++)
      {
        const char *name = crb_team_get_reviewer (team, i);
        guint n = crb_team_get_n_decided (team, name);

        g_print (g_dngettext (GETTEXT_PACKAGE, "reviewer %s: %u claim decided\n",
                              "reviewer %s: %u claims decided\n", n), name, n);
      }
  return finish_output ();
}

int
cmd_team (int    argc,
          char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *annotator = NULL;
  GOptionEntry entries[] = {
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Who you are: the owner, for init, blind and reveal (default: $CORROBORATE_ANNOTATOR)"), N_("NAME") },
    { NULL }
  };
  const char *verb, *path;
  gboolean on = FALSE;
  int status;

  if ((status = parse_options (entries, _("Prepare a project for a team of reviewers, each with a file of their "
                                          "own beside it (init), hide the reviewers' decisions from each other "
                                          "(blind on|off) until the owner reveals them (reveal), or show the "
                                          "team (status)."), &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return usage_error (_("team needs what to do (init, blind, reveal or status) and a project file"));
  verb = argv[1];
  path = argv[2];
  if (g_strcmp0 (verb, "blind") == 0)
    {
      if (argc != 4 || (g_strcmp0 (argv[3], "on") != 0 && g_strcmp0 (argv[3], "off") != 0))
        return usage_error (_("team blind needs a project file and on or off"));
      on = g_strcmp0 (argv[3], "on") == 0;
    }
  else if (g_strcmp0 (verb, "init") != 0 && g_strcmp0 (verb, "reveal") != 0 && g_strcmp0 (verb, "status") != 0)
    return usage_error (_("unknown team command “%s”; use init, blind, reveal or status"), verb);
  else if (argc != 3)
    return usage_error (_("team %s needs exactly one project file"), verb);

  project = open_project (path, &error);
  if (project == NULL)
    return fail_error (error);

  if (g_strcmp0 (verb, "init") == 0)
    {
      gboolean changed = FALSE;
      const char *owner = reviewer_name (annotator);

      if (!crb_project_team_check_reviewer (project, owner, &error))
        return usage_error (_("team init needs the owner's name: --annotator NAME or $CORROBORATE_ANNOTATOR (%s)"),
                            error->message);
      if (!crb_project_team_init (project, owner, &changed, &error))
        return fail ("%s: %s", path, error->message);
      if (changed)
        g_print (_("%s: prepared for a team: each reviewer's work goes to %s/NAME.jsonl; the owner is %s\n"),
                 path, crb_project_team_get_reviews_folder (project), owner);
      else
        g_print (_("%s: prepared for a team already\n"), path);
      return finish_output ();
    }

  if (!crb_project_is_team (project))
    return fail (_("%s: not a team project (prepare it with “corroborate-cli team init”)"), path);
  if ((status = cli_team_prepare (project, path, annotator, FALSE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;

  if (g_strcmp0 (verb, "status") == 0)
    return team_status (project, path);

  if (!(g_strcmp0 (verb, "reveal") == 0 ? crb_project_team_reveal (project, &error)
                                         : crb_project_team_set_blind (project, on, &error)))
    return fail ("%s: %s", path, error->message);

  if (g_strcmp0 (verb, "reveal") == 0)
    g_print (_("%s: every reviewer now sees the others' decisions\n"), path);
  else if (on)
    g_print (_("%s: blind review: each reviewer sees only their own decisions until the owner reveals them\n"), path);
  else
    g_print (_("%s: every reviewer sees the others' decisions\n"), path);
  return finish_output ();
}

/* ------------------------------------------------------------ assign */

int
cmd_assign (int    argc,
            char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *list = NULL;
  g_auto (GStrv) reviewers = NULL;
  gboolean share = FALSE, reassign = FALSE;
  int per_claim = 0;
  GOptionEntry entries[] = {
    { "reviewers", 0, 0, G_OPTION_ARG_STRING, &list, N_("The reviewers, separated by commas"), N_("A,B,…") },
    { "per-claim", 0, 0, G_OPTION_ARG_INT, &per_claim, N_("How many of them review each claim"), N_("N") },
    { "share", 0, 0, G_OPTION_ARG_NONE, &share, N_("Each claim to one of them (--per-claim 1)"), NULL },
    { "reassign", 0, 0, G_OPTION_ARG_NONE, &reassign, N_("Assign every claim anew (default: only claims not assigned yet)"), NULL },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Who you are: the owner (default: $CORROBORATE_ANNOTATOR)"), N_("NAME") },
    { NULL }
  };
  CrbTeam *team;
  guint n = 0;
  int status;

  if ((status = parse_options (entries, _("Assign the claims of a team project to reviewers, balanced: every "
                                          "claim to N of them (--per-claim N) or to one (--share)."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("assign needs exactly one project file"));
  if (list == NULL)
    return usage_error (_("assign needs --reviewers A,B,…"));
  if (share == (per_claim > 0))
    return usage_error (_("give one of --per-claim N and --share"));
  reviewers = g_strsplit (list, ",", -1);
  for (guint i = 0; reviewers[i]; i++)
    g_strstrip (reviewers[i]);

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if (!crb_project_is_team (project))
    return fail (_("%s: not a team project (prepare it with “corroborate-cli team init”)"), argv[1]);
  if ((status = cli_team_prepare (project, argv[1], annotator, TRUE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;

  if (!crb_project_team_assign (project, (const char * const *) reviewers, share ? 1 : (guint) per_claim,
                                reassign, &n, &error))
    return fail ("%s: %s", argv[1], error->message);

  team = crb_project_get_team (project);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: assigned %u claim\n", "%s: assigned %u claims\n", n), argv[1], n);
  {
    g_autoptr (GHashTable) load = g_hash_table_new (g_str_hash, g_str_equal);
    GListModel *stories = crb_project_get_stories (project);

    for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
      {
        g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
        GListModel *claims;

        if (!crb_story_ensure_loaded (story, &error))
          return fail_error (error);
        claims = crb_story_get_claims (story);
        for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
          {
            g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
            const char * const *names = crb_team_get_assigned (team, crb_claim_get_id (claim));

            for (guint k = 0; names && names[k]; k++)
              g_hash_table_insert (load, (char *) names[k],
                                   GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (load, names[k])) + 1));
          }
      }
    for (guint i = 0; reviewers[i]; i++)
      {
        guint k = GPOINTER_TO_UINT (g_hash_table_lookup (load, reviewers[i]));

        g_print (g_dngettext (GETTEXT_PACKAGE, "  %s: %u claim\n", "  %s: %u claims\n", k), reviewers[i], k);
      }
  }
  return finish_output ();
}

/* ------------------------------------------------------------ agreement */

static void
print_figure (const char *label,
              double      value)
{
  if (isnan (value))
    g_print ("%s: %s\n", label, _("undefined"));
  else
    g_print ("%s: %.3f\n", label, value);
}

int
cmd_agreement (int    argc,
               char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbTeamFigures) figures = NULL;
  g_autofree char *annotator = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON object"), NULL },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Who you are: in a blind review, the owner (default: $CORROBORATE_ANNOTATOR)"), N_("NAME") },
    { NULL }
  };
  const CrbAgreementFigures *d;
  int status;

  if ((status = parse_options (entries, _("Measure how well a team's reviewers agree: on the label of the claims "
                                          "two of them or more decided (Cohen's kappa per pair, Fleiss' kappa, "
                                          "Krippendorff's alpha), and on the links they made by hand."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("agreement needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if ((status = cli_team_prepare (project, argv[1], annotator, FALSE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;

  figures = crb_project_team_compute_agreement (project, &error);
  if (figures == NULL)
    return fail ("%s: %s", argv[1], error->message);

  if (json)
    {
      g_autoptr (GString) out = g_string_new (NULL);

      crb_team_figures_to_json (figures, out);
      g_string_append_c (out, '\n');
      fwrite (out->str, 1, out->len, stdout);
      return finish_output ();
    }

  d = figures->decisions;
  {
    g_autofree char *names = g_strjoinv (", ", figures->reviewers);

    g_print (_("reviewers: %s\n"), *names ? names : "-");
  }
  g_print (_("claims decided: %u; by two reviewers or more: %u\n"), figures->decided, d->items);
  print_figure (_("observed agreement"), d->observed);
  print_figure (_("Fleiss' kappa"), d->fleiss_kappa);
  print_figure (_("Krippendorff's alpha"), d->krippendorff_alpha);
  for (guint i = 0; i < d->pairs->len; i++)
    {
      const CrbAgreementPair *pair = g_ptr_array_index (d->pairs, i);
      g_autofree char *label = g_strdup_printf (_("Cohen's kappa, %s and %s (%u claims)"), pair->a, pair->b, pair->items);

      print_figure (label, pair->cohen_kappa);
    }
  g_print (_("gold decisions: %u single, %u unanimous, %u by majority, %u adjudicated, %u disputed\n"),
           figures->consensus[CRB_CONSENSUS_SINGLE], figures->consensus[CRB_CONSENSUS_UNANIMOUS],
           figures->consensus[CRB_CONSENSUS_MAJORITY], figures->consensus[CRB_CONSENSUS_ADJUDICATED],
           figures->consensus[CRB_CONSENSUS_DISPUTED]);
  if (figures->links != NULL)
    {
      g_print (_("links: %u pairs linked or unlinked by hand\n"), figures->links->items);
      print_figure (_("links, Krippendorff's alpha on the relation"), figures->links->krippendorff_alpha);
      print_figure (_("links, Krippendorff's alpha on linked or not"), figures->links_linked_alpha);
    }
  return finish_output ();
}

/* ------------------------------------------------------------ adjudicate */

int
cmd_adjudicate (int    argc,
                char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) decision = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *take = NULL;
  g_autofree char *correct = NULL;
  g_autofree char *reject = NULL;
  g_autofree char *note = NULL;
  g_autofree char *annotator = NULL;
  gboolean confirm = FALSE;
  GOptionEntry entries[] = {
    { "take", 0, 0, G_OPTION_ARG_STRING, &take, N_("Take this reviewer's decision"), N_("REVIEWER") },
    { "confirm", 'c', 0, G_OPTION_ARG_NONE, &confirm, N_("Confirm the claim as extracted"), NULL },
    { "correct", 0, 0, G_OPTION_ARG_STRING, &correct, N_("Confirm the claim with corrected text"), N_("TEXT") },
    { "reject", 'r', 0, G_OPTION_ARG_STRING, &reject, N_("Reject the claim: false, unverifiable, opinion, not-a-claim, duplicate or wrong-span"), N_("REASON") },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("Attach a note"), N_("TEXT") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Who adjudicates (default: $CORROBORATE_ANNOTATOR)"), N_("NAME") },
    { NULL }
  };
  CrbStory *story = NULL;
  CrbClaim *claim;
  int status;

  if ((status = parse_options (entries, _("Settle a claim the reviewers disagree on: take one reviewer's decision "
                                          "or decide anew.  The adjudication is a record of its own in the "
                                          "adjudicator's file, undone by their undo."), &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return usage_error (_("adjudicate needs a project file and a claim id"));
  if (!!take + !!confirm + !!correct + !!reject != 1)
    return usage_error (_("give one of --take REVIEWER, --confirm, --correct TEXT and --reject REASON"));
  if (take != NULL && note != NULL)
    return usage_error (_("--note goes with a decision of your own, not with --take"));

  if (take == NULL)
    {
      decision = crb_decision_new (confirm ? CRB_DECISION_STATUS_CONFIRMED
                                   : correct ? CRB_DECISION_STATUS_CORRECTED : CRB_DECISION_STATUS_REJECTED);
      if (reject != NULL && !crb_reject_reason_from_string (reject, &decision->reason))
        return usage_error (_("unknown reject reason “%s”; use false, unverifiable, opinion, not-a-claim, duplicate or wrong-span"),
                            reject);
      if (correct != NULL && *g_strstrip (correct) == '\0')
        return usage_error (_("--correct needs the corrected text"));
      decision->corrected_text = g_strdup (correct);
      decision->note = note && *note ? g_strdup (note) : NULL;
    }

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if (!crb_project_is_team (project))
    return fail (_("%s: not a team project (prepare it with “corroborate-cli team init”)"), argv[1]);
  if ((status = cli_team_prepare (project, argv[1], annotator, TRUE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;

  if (!crb_project_adjudicate (project, argv[2], take, decision, &error))
    return fail ("%s: %s", argv[1], error->message);

  claim = crb_project_find_claim (project, argv[2], &story, &error);
  if (claim == NULL)
    return fail_error (error);
  crb_claim_write_json (line, claim, TRUE, crb_story_get_id (story));
  g_string_append_c (line, '\n');
  cli_team_append_claim (line, project, claim);
  fwrite (line->str, 1, line->len, stdout);
  return finish_output ();
}

/* ------------------------------------------------------------ merge */

int
cmd_merge (int    argc,
           char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *problems;
  guint n_problems;
  int status;

  if ((status = parse_options (NULL, _("Take in reviewers' files that came another way (by mail, on a stick): "
                                       "what the project's copy of each reviewer's file lacks is added to it.  "
                                       "Merging a file twice changes nothing."), &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return usage_error (_("merge needs a project file and one reviewer's file or more"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if (!crb_project_is_team (project))
    return fail (_("%s: not a team project (prepare it with “corroborate-cli team init”)"), argv[1]);

  problems = crb_project_get_problems (project);
  n_problems = problems->len;
  for (int i = 2; i < argc; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (argv[i]);
      g_autofree char *reviewer = NULL;
      guint n = 0;

      if (!crb_project_team_merge_file (project, file, &reviewer, &n, &error))
        return fail_error (error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u new record of %s\n", "%s: %u new records of %s\n", n),
               argv[i], n, reviewer);
    }
  /* What the files merged held that could not be taken in. */
  for (guint i = n_problems; i < problems->len; i++)
    warn (g_ptr_array_index (problems, i));
  return finish_output ();
}
