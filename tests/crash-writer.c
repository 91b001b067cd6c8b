/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * crash-writer PROJECT SAVE_EVERY SEED
 *
 * Makes decisions on the project's claims until killed.  Before each it
 * prints "start CLAIM STATUS", and once the decision is durable "done CLAIM
 * STATUS".  Every SAVE_EVERY decisions it also saves the project file
 * (0: never), so a kill can land inside an atomic save too.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "crb-project.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GRand) rand = NULL;
  GListModel *stories;
  guint save_every;

  if (argc != 4)
    {
      g_printerr ("usage: crash-writer PROJECT SAVE_EVERY SEED\n");
      return 2;
    }

  save_every = atoi (argv[2]);
  rand = g_rand_new_with_seed (atoi (argv[3]));
  file = g_file_new_for_path (argv[1]);
  project = crb_project_load (file, NULL, &error);
  if (project == NULL)
    {
      g_printerr ("crash-writer: %s\n", error->message);
      return 1;
    }

  crb_project_ensure_all_loaded (project, &error);
  g_assert_no_error (error);
  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *claims = crb_story_get_claims (story);

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          g_ptr_array_add (ids, g_strdup (crb_claim_get_id (claim)));
        }
    }

  for (guint n = 1; ; n++)
    {
      const char *id = g_ptr_array_index (ids, g_rand_int_range (rand, 0, ids->len));
      g_autoptr (CrbDecision) decision = NULL;
      CrbDecisionStatus status = g_rand_int_range (rand, CRB_DECISION_STATUS_CONFIRMED,
                                                   CRB_DECISION_STATUS_REJECTED + 1);

      decision = crb_decision_new (status);
      if (status == CRB_DECISION_STATUS_REJECTED)
        decision->reason = CRB_REJECT_REASON_FALSE;
      if (status == CRB_DECISION_STATUS_CORRECTED)
        decision->corrected_text = g_strdup_printf ("corrected %u", n);

      printf ("start %s %s\n", id, crb_decision_status_to_string (status));
      fflush (stdout);

      if (!crb_project_decide (project, id, decision, &error) ||
          !crb_project_sync_journal (project, &error))
        {
          g_printerr ("crash-writer: %s\n", error->message);
          return 1;
        }

      printf ("done %s %s\n", id, crb_decision_status_to_string (status));
      fflush (stdout);

      if (save_every > 0 && n % save_every == 0 &&
          !crb_project_save (project, NULL, NULL, &error))
        {
          g_printerr ("crash-writer: %s\n", error->message);
          return 1;
        }
    }

  return 0;
}
