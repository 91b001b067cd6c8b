/* SPDX-License-Identifier: GPL-3.0-or-later */
/* claims, annotate, undo, redo, link, unlink, facts and save: the review */
#define G_LOG_DOMAIN "corroborate-cli"

#include "config.h"

#include "crb-cli.h"

#include <errno.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

/* claim id → GPtrArray of the CrbLink it takes part in (borrowed). */
static GHashTable *
links_by_claim (CrbAlignment *alignment)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      const char *ends[] = { link->a, link->b };

      for (guint e = 0; e < 2; e++)
        {
          GPtrArray *list = g_hash_table_lookup (index, ends[e]);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (index, (char *) ends[e], list);
            }
          g_ptr_array_add (list, link);
        }
    }

  return index;
}

typedef struct
{
  CrbAlignment *alignment;
  CrbStory     *story;
  GHashTable   *scores;
} SortData;

static int
compare_contested (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  SortData *data = user_data;
  double sa = *(double *) g_hash_table_lookup (data->scores, *(gpointer *) a);
  double sb = *(double *) g_hash_table_lookup (data->scores, *(gpointer *) b);

  return (sa < sb) - (sa > sb);
}

/* Most contested first; ties keep document order (the sort is stable). */
static void
sort_contested (GPtrArray    *claims,
                CrbAlignment *alignment,
                CrbStory     *story)
{
  g_autoptr (GHashTable) scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  SortData data = { alignment, story, scores };

  for (guint i = 0; i < claims->len; i++)
    {
      CrbClaim *claim = g_ptr_array_index (claims, i);
      double *score = g_new (double, 1);

      *score = crb_alignment_contest_score (alignment, story, crb_claim_get_id (claim));
      g_hash_table_insert (scores, claim, score);
    }

  g_ptr_array_sort_with_data (claims, compare_contested, &data);
}

/* A claim as `claims` prints it: the project file's form, its story, its
 * fact and its links.
 */
static void
write_claim_line (GString      *line,
                  CrbClaim     *claim,
                  CrbStory     *story,
                  CrbAlignment *alignment,
                  GHashTable   *links)
{
  const CrbFact *fact = crb_alignment_get_fact (alignment, crb_claim_get_id (claim));
  GPtrArray *mine = g_hash_table_lookup (links, crb_claim_get_id (claim));

  crb_claim_write_json (line, claim, TRUE, crb_story_get_id (story));
  /* Reopen the object to add the alignment. */
  g_string_truncate (line, line->len - 1);
  g_string_append (line, ",\"fact\":");
  crb_json_append_string (line, fact ? fact->id : NULL);
  g_string_append (line, ",\"links\":[");
  for (guint i = 0; mine && i < mine->len; i++)
    {
      CrbLink *link = g_ptr_array_index (mine, i);
      const char *other = crb_link_other_end (link, crb_claim_get_id (claim));
      CrbClaim *other_claim = crb_story_lookup_claim (story, other);

      if (i > 0)
        g_string_append_c (line, ',');
      g_string_append (line, "{\"claim\":");
      crb_json_append_string (line, other);
      g_string_append (line, ",\"article\":");
      crb_json_append_string (line, other_claim ? crb_claim_get_article_id (other_claim) : NULL);
      g_string_append (line, ",\"relation\":");
      crb_json_append_string (line, crb_relation_to_string (link->relation));
      g_string_append_c (line, '}');
    }
  g_string_append (line, "]}\n");
}

int
cmd_claims (int    argc,
            char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *status_name = NULL;
  g_autofree char *story_id = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *order = NULL;
  g_autofree char *annotator = NULL;
  g_autoptr (GHashTable) team_wanted = NULL;
  gboolean mine = FALSE, disagreements = FALSE;
  CrbDecisionStatus wanted = CRB_DECISION_STATUS_PENDING;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_name, N_("Only claims with this status: pending, confirmed, corrected, rejected"), N_("STATUS") },
    { "story", 's', 0, G_OPTION_ARG_STRING, &story_id, N_("Only the claims of this story (id or title)"), N_("STORY") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("Order within each story: document (default) or contested (most contested facts first)"), N_("ORDER") },
    /* team projects: crb-cli-team.c */
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Team project: who is looking (default: $CORROBORATE_ANNOTATOR); in a blind review, only their decisions show"), N_("NAME") },
    { "mine", 0, 0, G_OPTION_ARG_NONE, &mine, N_("Team project: only the claims assigned to you that you have not decided: your queue"), NULL },
    { "disagreements", 0, 0, G_OPTION_ARG_NONE, &disagreements, N_("Team project: only the claims on which reviewers disagree"), NULL },
    { NULL }
  };
  GListModel *stories;
  int status;

  if ((status = parse_options (entries, _("Print the claims of a project as JSON Lines."), &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("claims needs exactly one project file"));
  if (status_name != NULL && !crb_decision_status_from_string (status_name, &wanted))
    return usage_error (_("unknown status “%s”; use pending, confirmed, corrected or rejected"), status_name);
  if (order != NULL && g_strcmp0 (order, "document") != 0 && g_strcmp0 (order, "contested") != 0)
    return usage_error (_("unknown order “%s”; use document or contested"), order);

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if ((status = cli_team_prepare (project, argv[1], annotator, FALSE, CRB_TEAM_VIEW_GOLD)) >= 0 ||
      (status = cli_team_claims_filter (project, argv[1], mine, disagreements, &team_wanted)) >= 0)
    return status;

  if (story_id != NULL && crb_project_lookup_story (project, story_id) == NULL &&
      crb_project_find_story_by_title (project, story_id) == NULL)
    return fail (_("%s: no story “%s”"), argv[1], story_id);

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *claims;
      gboolean was_loaded = crb_story_is_loaded (story);

      if (story_id != NULL && g_strcmp0 (crb_story_get_id (story), story_id) != 0 &&
          g_strcmp0 (crb_story_get_title (story), story_id) != 0)
        continue;

      /* The header counts each story's claims by status: a story with
       * none of the status asked for is not parsed (a team project's
       * claims show the team's decisions, which it does not count).
       */
      if (status_name != NULL && crb_story_count_status (story, wanted) == 0 && !crb_project_is_team (project))
        continue;

      if (!crb_story_ensure_loaded (story, &error))
        return fail_error (error);

      claims = crb_story_get_claims (story);
      {
        CrbAlignment *alignment = crb_story_get_alignment (story);
        g_autoptr (GHashTable) links = links_by_claim (alignment);
        g_autoptr (GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
          g_ptr_array_add (ordered, g_list_model_get_item (claims, j));
        if (g_strcmp0 (order, "contested") == 0)
          sort_contested (ordered, alignment, story);

        for (guint j = 0; j < ordered->len; j++)
          {
            CrbClaim *claim = g_ptr_array_index (ordered, j);

            if (status_name != NULL && crb_claim_get_status (claim) != wanted)
              continue;
            if (team_wanted != NULL && !g_hash_table_contains (team_wanted, crb_claim_get_id (claim)))
              continue;

            g_string_truncate (line, 0);
            write_claim_line (line, claim, story, alignment, links);
            cli_team_append_claim (line, project, claim);
            fwrite (line->str, 1, line->len, stdout);
          }
      }

      /* Stream: memory stays that of one story, however large the project. */
      if (!was_loaded)
        crb_story_unload (story);
    }

  return finish_output ();
}

/* An article's fields as one JSON line: id, story, title, outlet, url,
 * date, source.
 */
static void
print_article (CrbProject *project,
               const char *article_id)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonNode) root = NULL;
  CrbStory *story = crb_project_find_article_story (project, article_id);
  CrbArticle *article;
  const char *fields[] = { "title", "outlet", "url", "date", "source" };

  if (story == NULL || !crb_story_ensure_loaded (story, NULL) ||
      (article = crb_story_lookup_article (story, article_id)) == NULL)
    return;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, article_id);
  json_builder_set_member_name (builder, "story");
  json_builder_add_string_value (builder, crb_story_get_id (story));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *value = NULL;

      g_object_get (article, fields[i], &value, NULL);
      json_builder_set_member_name (builder, fields[i]);
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  write_json_line (root);
}

static void
print_claim (CrbProject *project,
             const char *claim_id)
{
  g_autoptr (GString) line = g_string_new (NULL);
  CrbStory *story = NULL;
  CrbClaim *claim = crb_project_find_claim (project, claim_id, &story, NULL);

  /* Undo and redo may have changed an article rather than a claim. */
  if (claim == NULL)
    {
      print_article (project, claim_id);
      return;
    }

  crb_claim_write_json (line, claim, TRUE, crb_story_get_id (story));
  g_string_append_c (line, '\n');
  cli_team_append_claim (line, project, claim);
  /* Not g_print(): JSON is UTF-8 whatever the locale. */
  fwrite (line->str, 1, line->len, stdout);
}

/* One decision of annotate --from: {"claim": ID, "status": "confirmed" |
 * "corrected" | "rejected" | "pending", "corrected": TEXT, "reason": REASON,
 * "note": TEXT, "annotator": NAME}; "status" may be left out with a note.
 */
static CrbDecision *
read_batch_decision (CrbProject  *project,
                     JsonObject  *object,
                     const char  *annotator,
                     char       **claim_id,
                     GError     **error)
{
  g_autoptr (CrbDecision) decision = NULL;
  const char *id = json_object_get_string_member_with_default (object, "claim", NULL);
  const char *status = json_object_get_string_member_with_default (object, "status", NULL);
  const char *reason = json_object_get_string_member_with_default (object, "reason", NULL);
  const char *corrected = json_object_get_string_member_with_default (object, "corrected", NULL);
  const char *note = json_object_get_string_member_with_default (object, "note", NULL);
  const char *who = json_object_get_string_member_with_default (object, "annotator", annotator);
  CrbClaim *claim;

  if (id == NULL)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("the field “claim” is missing"));
      return NULL;
    }
  claim = crb_project_find_claim (project, id, NULL, error);
  if (claim == NULL)
    return NULL;

  if (status == NULL)
    {
      /* A note alone keeps the current decision. */
      if (note == NULL)
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("the field “status” is missing (or give a “note”)"));
          return NULL;
        }
      decision = crb_claim_get_decision (claim) ? crb_decision_copy (crb_claim_get_decision (claim))
                                                : crb_decision_new (CRB_DECISION_STATUS_PENDING);
      g_clear_pointer (&decision->annotator, g_free);
      g_clear_pointer (&decision->time, g_free);
    }
  else
    {
      CrbDecisionStatus s;

      if (!crb_decision_status_from_string (status, &s))
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("the field “status” must be pending, confirmed, corrected or rejected, not “%s”"), status);
          return NULL;
        }
      decision = crb_decision_new (s);
      if (s == CRB_DECISION_STATUS_REJECTED &&
          (reason == NULL || !crb_reject_reason_from_string (reason, &decision->reason)))
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("the field “reason” must be false, unverifiable, opinion, not-a-claim, duplicate or wrong-span"));
          return NULL;
        }
      decision->corrected_text = g_strdup (corrected);
    }

  if (note != NULL)
    {
      g_free (decision->note);
      decision->note = *note ? g_strdup (note) : NULL;
    }
  decision->annotator = g_strdup (who);
  *claim_id = g_strdup (id);
  return g_steal_pointer (&decision);
}

/* annotate --from: every line is read and checked before anything is
 * decided; then all are decided as one step, durable with one sync.
 */
static int
annotate_batch (const char *path,
                const char *from,
                const char *annotator)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_decision_free);
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (GDataInputStream) data = NULL;
  g_autofree char *name = g_strcmp0 (from, "-") == 0 ? g_strdup (_("standard input")) : g_strdup (from);
  guint lineno = 0;
  int status;

  project = open_project (path, &error);
  if (project == NULL)
    return fail_error (error);
  if ((status = cli_team_prepare (project, path, annotator, TRUE, CRB_TEAM_VIEW_OWN)) >= 0)
    return status;

  if (g_strcmp0 (from, "-") == 0)
    in = g_unix_input_stream_new (0, FALSE);
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (from);

      in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
      if (in == NULL)
        return fail (_("%s: %s"), from, error->message);
    }
  data = g_data_input_stream_new (in);

  for (;;)
    {
      g_autofree char *line = NULL;
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (GError) line_error = NULL;
      CrbDecision *decision;
      char *claim_id = NULL;
      gsize len;

      line = g_data_input_stream_read_line_utf8 (data, &len, NULL, &error);
      if (error != NULL)
        return fail (_("%s: %s"), name, error->message);
      if (line == NULL)
        break;
      lineno++;
      if (*g_strstrip (line) == '\0')
        continue;

      node = json_from_string (line, &line_error);
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return fail (_("%s:%u: not a JSON object"), name, lineno);
      decision = read_batch_decision (project, json_node_get_object (node), annotator, &claim_id, &line_error);
      if (decision == NULL)
        return fail (_("%s:%u: %s"), name, lineno, line_error->message);
      g_ptr_array_add (ids, claim_id);
      g_ptr_array_add (decisions, decision);
    }

  if (ids->len == 0)
    return fail (_("%s: no decisions"), name);

  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (decisions, NULL);
  if (!crb_project_decide_batch (project, (const char * const *) ids->pdata,
                                 (const CrbDecision * const *) decisions->pdata, &error))
    return fail (_("%s: %s"), path, error->message);

  if ((status = save_project (project, path)) != 0)
    return status;

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: recorded %u decision\n", "%s: recorded %u decisions\n",
                        ids->len - 1),
           path, ids->len - 1);
  return finish_output ();
}

int
cmd_annotate (int    argc,
              char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) decision = NULL;
  g_autofree char *correct = NULL;
  g_autofree char *reject = NULL;
  g_autofree char *note = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *from = NULL;
  gboolean confirm = FALSE;
  gboolean pending = FALSE;
  GOptionEntry entries[] = {
    { "confirm", 'c', 0, G_OPTION_ARG_NONE, &confirm, N_("Confirm the claim as extracted"), NULL },
    { "correct", 0, 0, G_OPTION_ARG_STRING, &correct, N_("Confirm the claim with corrected text"), N_("TEXT") },
    { "reject", 'r', 0, G_OPTION_ARG_STRING, &reject, N_("Reject the claim: false, unverifiable, opinion, not-a-claim, duplicate or wrong-span"), N_("REASON") },
    { "pending", 0, 0, G_OPTION_ARG_NONE, &pending, N_("Set the claim back to pending"), NULL },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("Attach a note"), N_("TEXT") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Who decides (default: $CORROBORATE_ANNOTATOR, else “anonymous”)"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("Take many decisions as JSON Lines from FILE (“-” for standard input), as one step"), N_("FILE") },
    { NULL }
  };
  CrbClaim *claim;
  int n_actions;
  int status;

  if ((status = parse_options (entries, _("Record a decision on a claim."), &argc, &argv)) >= 0)
    return status;
  if (annotator == NULL && g_getenv ("CORROBORATE_ANNOTATOR"))
    annotator = g_strdup (g_getenv ("CORROBORATE_ANNOTATOR"));
  if (from != NULL)
    {
      if (argc != 2 || confirm || correct || reject || pending || note)
        return usage_error (_("annotate --from FILE needs a project file and no claim id or decision"));
      return annotate_batch (argv[1], from, annotator);
    }
  if (argc != 3)
    return usage_error (_("annotate needs a project file and a claim id"));

  n_actions = !!confirm + !!correct + !!reject + !!pending;
  if (n_actions > 1)
    return usage_error (_("give only one of --confirm, --correct, --reject and --pending"));
  if (n_actions == 0 && note == NULL)
    return usage_error (_("give one of --confirm, --correct TEXT, --reject REASON, --pending or --note TEXT"));

  decision = crb_decision_new (CRB_DECISION_STATUS_PENDING);
  if (reject != NULL && !crb_reject_reason_from_string (reject, &decision->reason))
    return usage_error (_("unknown reject reason “%s”; use false, unverifiable, opinion, not-a-claim, duplicate or wrong-span"),
                        reject);
  if (correct != NULL && *g_strstrip (correct) == '\0')
    return usage_error (_("--correct needs the corrected text"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  /* A team project: the reviewer's own file; a note keeps their own decision. */
  if ((status = cli_team_prepare (project, argv[1], annotator, TRUE, CRB_TEAM_VIEW_OWN)) >= 0)
    return status;

  claim = crb_project_find_claim (project, argv[2], NULL, &error);
  if (claim == NULL)
    return fail_error (error);

  if (n_actions == 0)
    {
      /* A note alone keeps the current decision. */
      const CrbDecision *current_decision = crb_claim_get_decision (claim);
      if (current_decision != NULL)
        {
          crb_decision_free (decision);
          decision = crb_decision_copy (current_decision);
        }
      g_clear_pointer (&decision->annotator, g_free);
      g_clear_pointer (&decision->time, g_free);
    }
  else if (confirm)
    decision->status = CRB_DECISION_STATUS_CONFIRMED;
  else if (correct != NULL)
    {
      decision->status = CRB_DECISION_STATUS_CORRECTED;
      decision->corrected_text = g_strdup (correct);
    }
  else if (reject != NULL)
    decision->status = CRB_DECISION_STATUS_REJECTED;

  if (note != NULL)
    {
      g_free (decision->note);
      decision->note = *note ? g_strdup (note) : NULL;
    }

  decision->annotator = g_strdup (annotator);

  if (!crb_project_decide (project, argv[2], decision, &error))
    return fail (_("%s: %s"), argv[1], error->message);

  if ((status = save_project (project, argv[1])) != 0)
    return status;

  print_claim (project, argv[2]);
  return finish_output ();
}

static int
undo_redo (int      argc,
           char   **argv,
           gboolean undo)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *claim_id = NULL;
  g_autofree char *annotator = NULL;
  GOptionEntry entries[] = {
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Team project: whose step (default: $CORROBORATE_ANNOTATOR)"), N_("NAME") },
    { NULL }
  };
  int status;

  if ((status = parse_options (entries, undo ? _("Undo the latest decision.") : _("Redo the latest undone decision."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("%s needs exactly one project file"), current->name);

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if ((status = cli_team_prepare (project, argv[1], annotator, TRUE, CRB_TEAM_VIEW_OWN)) >= 0)
    return status;

  claim_id = undo ? crb_project_undo (project, &error) : crb_project_redo (project, &error);
  if (claim_id == NULL)
    return fail ("%s: %s", argv[1], error->message);

  if ((status = save_project (project, argv[1])) != 0)
    return status;

  print_claim (project, claim_id);
  return finish_output ();
}

int
cmd_undo (int    argc,
          char **argv)
{
  return undo_redo (argc, argv, TRUE);
}

int
cmd_redo (int    argc,
          char **argv)
{
  return undo_redo (argc, argv, FALSE);
}


int
cmd_link (int    argc,
          char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *relation_name = NULL;
  g_autofree char *annotator = NULL;
  CrbRelation relation = CRB_RELATION_AGREES;
  GOptionEntry entries[] = {
    { "relation", 'r', 0, G_OPTION_ARG_STRING, &relation_name, N_("agrees (default), conflicts or related"), N_("RELATION") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Team project: who links (default: $CORROBORATE_ANNOTATOR)"), N_("NAME") },
    { NULL }
  };
  int status;

  if ((status = parse_options (entries, _("Link two claims of different articles of one story by hand."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return usage_error (_("link needs a project file and two claim ids"));
  if (relation_name != NULL && !crb_relation_from_string (relation_name, &relation))
    return usage_error (_("unknown relation “%s”; use agrees, conflicts or related"), relation_name);

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if ((status = cli_team_prepare (project, argv[1], annotator, TRUE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;
  if (!crb_project_link (project, argv[2], argv[3], relation, &error))
    return fail ("%s: %s", argv[1], error->message);

  return save_project (project, argv[1]);
}

int
cmd_unlink (int    argc,
            char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *annotator = NULL;
  GOptionEntry entries[] = {
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Team project: who unlinks (default: $CORROBORATE_ANNOTATOR)"), N_("NAME") },
    { NULL }
  };
  int status;

  if ((status = parse_options (entries, _("Remove the link between two claims; they are not linked again automatically."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return usage_error (_("unlink needs a project file and two claim ids"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if ((status = cli_team_prepare (project, argv[1], annotator, TRUE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;
  if (!crb_project_unlink (project, argv[2], argv[3], &error))
    return fail ("%s: %s", argv[1], error->message);

  return save_project (project, argv[1]);
}

int
cmd_facts (int    argc,
           char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  gboolean contested_only = FALSE;
  GOptionEntry entries[] = {
    { "contested", 'c', 0, G_OPTION_ARG_NONE, &contested_only, N_("Only facts with conflicting appearances"), NULL },
    { NULL }
  };
  GListModel *stories;
  int status;

  if ((status = parse_options (entries, _("Print the facts of a project as JSON Lines: claims that state the same fact across outlets."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("facts needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      gboolean was_loaded = crb_story_is_loaded (story);
      CrbAlignment *alignment;

      /* The header counts each story's contested facts: a story with
       * none is not parsed.
       */
      if (contested_only && crb_story_get_n_contested (story) == 0)
        continue;

      if (!crb_story_ensure_loaded (story, &error))
        return fail_error (error);

      alignment = crb_story_get_alignment (story);
      for (guint j = 0; j < alignment->facts->len; j++)
        {
          CrbFact *fact = g_ptr_array_index (alignment->facts, j);
          gboolean first = TRUE;

          if (contested_only && fact->n_conflicts == 0)
            continue;

          g_string_assign (line, "{\"id\":");
          crb_json_append_string (line, fact->id);
          g_string_append (line, ",\"story\":");
          crb_json_append_string (line, crb_story_get_id (story));
          g_string_append (line, ",\"claims\":[");
          for (guint k = 0; fact->claims[k]; k++)
            {
              CrbClaim *claim = crb_story_lookup_claim (story, fact->claims[k]);

              if (k > 0)
                g_string_append_c (line, ',');
              g_string_append_printf (line, "{\"id\":");
              crb_json_append_string (line, fact->claims[k]);
              g_string_append (line, ",\"article\":");
              crb_json_append_string (line, claim ? crb_claim_get_article_id (claim) : NULL);
              g_string_append_printf (line, ",\"start\":%u,\"end\":%u,\"text\":",
                                      claim ? crb_claim_get_start (claim) : 0, claim ? crb_claim_get_end (claim) : 0);
              crb_json_append_string (line, claim ? crb_claim_get_text (claim) : NULL);
              g_string_append (line, ",\"status\":");
              crb_json_append_string (line, claim ? crb_decision_status_to_string (crb_claim_get_status (claim)) : NULL);
              g_string_append_c (line, '}');
            }
          g_string_append_printf (line, "],\"articles\":%u,\"outlets\":%u,\"single_source\":%s,\"conflicts\":[",
                                  fact->n_articles, fact->n_outlets, fact->n_outlets <= 1 ? "true" : "false");
          for (guint k = 0; k < alignment->links->len; k++)
            {
              CrbLink *link = g_ptr_array_index (alignment->links, k);

              if (link->relation != CRB_RELATION_CONFLICTS ||
                  !g_strv_contains ((const char * const *) fact->claims, link->a))
                continue;
              if (!first)
                g_string_append_c (line, ',');
              first = FALSE;
              g_string_append (line, "{\"a\":");
              crb_json_append_string (line, link->a);
              g_string_append (line, ",\"b\":");
              crb_json_append_string (line, link->b);
              g_string_append (line, ",\"why\":");
              crb_json_append_strv (line, (const char * const *) link->why);
              g_string_append_c (line, '}');
            }
          g_string_append (line, "]}\n");
          fwrite (line->str, 1, line->len, stdout);
        }
      /* a big story's limits, where the reviewer sees them, not in the
       * facts themselves */
      if (alignment->note != NULL)
        {
          fflush (stdout);
          g_printerr ("corroborate-cli: %s %s: %s\n", _("note:"), crb_story_get_id (story),
                      alignment->note);
        }

      if (!was_loaded)
        crb_story_unload (story);
    }

  return finish_output ();
}

/* save: the file catches up with the journal now, whatever its size. */
int
cmd_save (int    argc,
          char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if ((status = parse_options (NULL, _("Fold the journal into the project file now: a large project's "
                                       "changes are kept in the journal until it has grown."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("save needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  if (!crb_project_get_modified (project))
    {
      g_print (_("%s: the file holds every change already\n"), argv[1]);
      return finish_output ();
    }

  if (!crb_project_save (project, NULL, NULL, &error))
    {
      /* Another program has it open: it will fold the journal itself. */
      if (g_error_matches (error, CRB_ERROR, CRB_ERROR_BUSY))
        {
          warn (error->message);
          return 0;
        }
      return fail_error (error);
    }

  g_print (_("%s: saved\n"), argv[1]);
  return finish_output ();
}

/* article: an article's outlet, title, date or URL, as a reviewer names
 * them; undone by undo like a decision.
 */
int
cmd_article (int    argc,
             char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *outlet = NULL;
  g_autofree char *title = NULL;
  g_autofree char *date = NULL;
  g_autofree char *url = NULL;
  GOptionEntry entries[] = {
    { "outlet", 0, 0, G_OPTION_ARG_STRING, &outlet, N_("The outlet that published it (\"\" clears it)"), N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Its headline"), N_("TITLE") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When it was published (ISO 8601, e.g. 2024-03-22)"), N_("DATE") },
    { "url", 0, 0, G_OPTION_ARG_STRING, &url, N_("Where it was published"), N_("URL") },
    { NULL }
  };
  const char *info[CRB_N_ARTICLE_INFO];
  int status;

  if ((status = parse_options (entries, _("Show an article, or name its outlet, title, date or URL."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 3)
    return usage_error (_("article needs a project file and an article id"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  /* A team project: only its owner changes an article. */
  if ((status = cli_team_prepare (project, argv[1], NULL, FALSE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;

  info[CRB_ARTICLE_INFO_OUTLET] = outlet;
  info[CRB_ARTICLE_INFO_TITLE] = title;
  info[CRB_ARTICLE_INFO_DATE] = date;
  info[CRB_ARTICLE_INFO_URL] = url;
  if (outlet || title || date || url)
    {
      if (!crb_project_edit_article (project, argv[2], info, &error))
        return fail_error (error);
      if ((status = save_project (project, argv[1])) != 0)
        return status;
    }
  else if (crb_project_find_article_story (project, argv[2]) == NULL)
    return fail (_("%s: no article with the id “%s”"), argv[1], argv[2]);

  print_article (project, argv[2]);
  return finish_output ();
}
