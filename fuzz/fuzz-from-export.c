/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-from-export: the bytes as a native JSON Lines export, rebuilt into a
 * fresh project as `corroborate-cli new PROJECT --from-export FILE` does;
 * a project it accepts goes through crb_fuzz_round_trip(). */
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
  g_autofree char *path = crb_fuzz_input ("export.jsonl", data, size);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CrbProject) project = crb_project_new ("Fuzz");

  if (!crb_project_import_export (project, file, NULL, NULL))
    {
      /* Refused: the project is left as it was. */
      if (g_list_model_get_n_items (crb_project_get_stories (project)) != 0)
        g_error ("a refused export left stories behind");
      return;
    }

  crb_fuzz_round_trip (project, TRUE, "a native export");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  run_one (data, size);
  crb_fuzz_finish ();
  return 0;
}
