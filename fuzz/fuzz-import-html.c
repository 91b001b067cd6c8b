/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import-html: the bytes as an HTML file (.html), read and extracted as
 * `corroborate-cli new` does (crb_import_prepare()); what it accepts is
 * added to a project and goes through crb_fuzz_round_trip(). */
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
  g_autofree char *path = crb_fuzz_input ("article.html", data, size);
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;

  items = crb_import_prepare (paths, CRB_IMPORT_NONE, CRB_EXTRACT_DEFAULT_THRESHOLD, warnings,
                              NULL, NULL, NULL, NULL);
  if (items == NULL)
    return;

  project = crb_project_new ("Fuzz");
  if (!crb_project_import (project, items, "Story", CRB_EXTRACT_DEFAULT_THRESHOLD, NULL, &error))
    g_error ("an accepted article does not import: %s", error->message);

  crb_fuzz_round_trip (project, TRUE, "an HTML file (.html)");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  run_one (data, size);
  crb_fuzz_finish ();
  return 0;
}
