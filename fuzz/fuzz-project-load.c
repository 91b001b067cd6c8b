/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-project-load: the bytes as a project file (.crb), opened as
 * `corroborate-cli validate` opens it; every story is parsed and checked,
 * and a project found valid is aligned again and goes through
 * crb_fuzz_round_trip() as one read from a file. */
#include "config.h"

#include "crb-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  crb_fuzz_init ();
  return 0;
}

static void
run_one (const uint8_t *data,
         size_t         size)
{
  g_autofree char *path = crb_fuzz_input ("fuzz.crb", data, size);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CrbProject) project = NULL;
  GListModel *stories;

  project = crb_project_load (file, NULL, NULL);
  if (project == NULL)
    return;

  if (!crb_project_ensure_all_loaded (project, NULL))
    return;

  if (!crb_project_validate (project, problems, NULL) || problems->len > 0)
    return;

  /* Valid: every claim is found by its id, in its own story. */
  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *claims = crb_story_get_claims (story);

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          CrbStory *found = NULL;

          if (crb_project_find_claim (project, crb_claim_get_id (claim), &found, NULL) != claim ||
              found != story)
            g_error ("claim %s: not found by its id", crb_claim_get_id (claim));
        }
    }

  /* Align again, as adding an article to a story does: the aligner then
   * works on whatever a file can hold.
   */
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);

      crb_story_realign (story);
    }

  crb_fuzz_round_trip (project, FALSE, "a valid project file");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  run_one (data, size);
  crb_fuzz_finish ();
  return 0;
}
