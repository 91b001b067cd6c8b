/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-fuzz.c: what every target shares: a private home, the input as a
 * file, the warm-up, and the round trip every accepted project must pass. */
#include "config.h"

#include "crb-fuzz.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sanitizer/lsan_interface.h>

#include "corroborate-core.h"

static char *fuzz_dir;

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void fail (const char *format,
                                                      ...);

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
      g_dir_close (dir);
    }
  g_rmdir (path);
}

static void
remove_fuzz_dir (void)
{
  if (fuzz_dir != NULL)
    remove_tree (fuzz_dir);
  g_clear_pointer (&fuzz_dir, g_free);
}

/* Criticals are programmer errors (STYLE.md §12): bad input that reaches
 * one is a bug, so it stops the run like a crash.  Everything else (the
 * warnings that bad input is expected to give) is dropped, for speed and a
 * readable fuzzer log.
 */
static GLogWriterOutput
write_log_cb (GLogLevelFlags   log_level,
              const GLogField *fields,
              gsize            n_fields,
              gpointer         user_data)
{
  if (log_level & (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_ERROR))
    {
      g_autofree char *line = g_log_writer_format_fields (log_level, fields, n_fields, FALSE);

      fprintf (stderr, "%s\n", line);
      fflush (stderr);
      abort ();
    }

  return G_LOG_WRITER_HANDLED;
}

/* Tables that core builds once, on first use, and keeps for the life of
 * the process are not leaks of any one input, but LeakSanitizer reports
 * whatever of them is unreachable (crb-align-text.c's word table drops
 * an entry when a word is in two lists).  So everything runs once here,
 * with leak detection off (in this thread only: __lsan_disable() does not
 * reach worker threads), before the first input.
 */
static void
warm_up (void)
{
  static const char corpus[] =
    "{\"id\":\"a\",\"story\":\"S\",\"outlet\":\"A\",\"date\":\"2024-03-22\",\"text\":"
    "\"Gunmen killed at least 133 people in Moscow on Friday, officials said. "
    "Eleven people were not detained.\"}\n"
    "{\"id\":\"b\",\"story\":\"S\",\"outlet\":\"B\",\"text\":"
    "\"The death toll rose to 144, investigators told reporters on Sunday.\"}\n";
  g_autofree char *path = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (CrbProject) project = crb_project_new ("Warm-up");
  const char *paths[2] = { NULL, NULL };

  __lsan_disable ();
  path = crb_fuzz_write ("warm-up.jsonl", (const uint8_t *) corpus, sizeof corpus - 1);
  paths[0] = path;
  items = crb_import_prepare (paths, CRB_IMPORT_NONE, CRB_EXTRACT_DEFAULT_THRESHOLD, warnings,
                              NULL, NULL, NULL, NULL);
  if (items == NULL ||
      !crb_project_import (project, items, "Story", CRB_EXTRACT_DEFAULT_THRESHOLD, NULL, NULL))
    fail ("the warm-up import fails");
  /* Here, not in an export's worker thread, where leak detection is on. */
  {
    GListModel *stories = crb_project_get_stories (project);

    for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
      {
        g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);

        crb_story_get_alignment (story);
      }
  }
  crb_fuzz_round_trip (project, TRUE, "the warm-up");
  g_clear_object (&project);
  crb_fuzz_finish ();
  /* And the scanned import, with its worker threads. */
  crb_fuzz_import ("warm-up.jsonl", (const uint8_t *) corpus, sizeof corpus - 1, "the warm-up");
  crb_fuzz_finish ();
  __lsan_enable ();
}

/**
 * crb_fuzz_init:
 *
 * Makes a private temporary folder, removed at exit, and points the XDG
 * folders and HOME at it, so that no journal or setting of the real user is
 * read or written.  Call first, before anything of GLib caches a folder.
 */
void
crb_fuzz_init (void)
{
  static const char * const xdg[] = {
    "HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME",
    "XDG_STATE_HOME", "XDG_RUNTIME_DIR",
  };
  g_autoptr (GError) error = NULL;

  if (fuzz_dir != NULL)
    return;

  fuzz_dir = g_dir_make_tmp ("corroborate-fuzz-XXXXXX", &error);
  if (fuzz_dir == NULL)
    {
      fprintf (stderr, "crb-fuzz: %s\n", error->message);
      exit (1);
    }
  atexit (remove_fuzz_dir);

  for (guint i = 0; i < G_N_ELEMENTS (xdg); i++)
    g_setenv (xdg[i], fuzz_dir, TRUE);
  /* No GIO modules (gvfs and the like, not instrumented) and no D-Bus. */
  g_setenv ("GIO_USE_VFS", "local", TRUE);
  g_setenv ("GIO_MODULE_DIR", fuzz_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");

  g_log_set_writer_func (write_log_cb, NULL, NULL);

  /* The export parses stories in worker threads (GThreadPool).  A worker
   * that stops while an input runs frees its thread-private data (GSlice's
   * magazines, GLib's charset caches, the JSON reader's spare document) as
   * it ends, and LeakSanitizer, looking then, reported all of it as leaked
   * once in a 13-minute run.  Workers made once stay, idle, for good.
   */
  g_thread_pool_set_max_unused_threads (-1);
  g_thread_pool_set_max_idle_time (0);

  warm_up ();
}

/**
 * crb_fuzz_dir:
 *
 * Returns: the private temporary folder
 */
const char *
crb_fuzz_dir (void)
{
  crb_fuzz_init ();
  return fuzz_dir;
}

/* Empties the private folder: every input starts from the same state,
 * with no journal, lock or lease an earlier input left (a load makes
 * them), and the folder does not grow with the number of project ids.
 */
static void
empty_fuzz_dir (void)
{
  const char *dir = crb_fuzz_dir ();
  GDir *d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_dir_close (d);
}

/**
 * crb_fuzz_input:
 * @name: a file name in the private folder
 *
 * Empties the private folder of what earlier inputs left there, then
 * writes the input to @name: call first in LLVMFuzzerTestOneInput().
 *
 * Returns: (transfer full): the file's path
 */
char *
crb_fuzz_input (const char    *name,
                const uint8_t *data,
                size_t         size)
{
  empty_fuzz_dir ();
  return crb_fuzz_write (name, data, size);
}

/**
 * crb_fuzz_finish:
 *
 * Runs what core left for the main loop, as the app's main loop would:
 * a journal reports from its thread, through an idle source, that it is
 * durable, even as it closes.  Left there, such sources pile up, and every
 * input would allocate more than it frees, which costs a leak check each.
 * Call last in LLVMFuzzerTestOneInput().
 */
void
crb_fuzz_finish (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

/**
 * crb_fuzz_write:
 * @name: a file name in the private folder
 *
 * Writes the input to @name, replacing what was there.
 *
 * Returns: (transfer full): the file's path
 */
char *
crb_fuzz_write (const char    *name,
                const uint8_t *data,
                size_t         size)
{
  char *path = g_build_filename (crb_fuzz_dir (), name, NULL);
  FILE *out = fopen (path, "wb");

  if (out == NULL ||
      (size > 0 && fwrite (data, 1, size, out) != size) ||
      fclose (out) != 0)
    {
      fprintf (stderr, "crb-fuzz: %s: %s\n", path, g_strerror (errno));
      abort ();
    }

  return path;
}

G_GNUC_NORETURN G_GNUC_PRINTF (1, 2) static void
fail (const char *format,
      ...)
{
  va_list args;

  va_start (args, format);
  fputs ("crb-fuzz: ", stderr);
  vfprintf (stderr, format, args);
  fputc ('\n', stderr);
  va_end (args);
  fflush (stderr);
  abort ();
}

static GBytes *
export_jsonl (CrbProject *project,
              const char *what)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  CrbExportOptions options = CRB_EXPORT_OPTIONS_DEFAULT;

  options.include_pending = TRUE;
  if (!crb_export (project, CRB_EXPORT_JSONL, out, NULL, &options, NULL, NULL, &error) ||
      !g_output_stream_close (out, NULL, &error))
    fail ("%s: the export fails: %s", what, error->message);

  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
check_valid (CrbProject *project,
             const char *what)
{
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;

  if (!crb_project_validate (project, problems, &error))
    fail ("%s: validate fails: %s", what, error->message);
  if (problems->len == 0)
    return;

  fprintf (stderr, "crb-fuzz: %s: the project does not validate:\n", what);
  for (guint i = 0; i < problems->len; i++)
    fprintf (stderr, "  %s\n", (const char *) g_ptr_array_index (problems, i));
  fail ("%s: %u problems", what, problems->len);
}

static void
check_same (GBytes     *expected,
            GBytes     *got,
            const char *what)
{
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;
  g_auto (GStrv) a_lines = NULL;
  g_auto (GStrv) b_lines = NULL;
  guint i;

  if (g_bytes_equal (expected, got))
    return;

  /* Show the first record that differs, whole. */
  a = g_strndup (g_bytes_get_data (expected, NULL), g_bytes_get_size (expected));
  b = g_strndup (g_bytes_get_data (got, NULL), g_bytes_get_size (got));
  a_lines = g_strsplit (a, "\n", -1);
  b_lines = g_strsplit (b, "\n", -1);
  for (i = 0; a_lines[i] != NULL && b_lines[i] != NULL; i++)
    if (strcmp (a_lines[i], b_lines[i]) != 0)
      break;
  fprintf (stderr, "crb-fuzz: %s: record %u of the export differs\n--- before\n%s\n--- after\n%s\n",
           what, i + 1, a_lines[i] ? a_lines[i] : "(none)", b_lines[i] ? b_lines[i] : "(none)");
  fail ("%s: the round trip is not exact", what);
}

static gboolean
has_removed_links (CrbProject *project)
{
  GListModel *stories = crb_project_get_stories (project);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);

      if (crb_story_get_removed_links (story)->len > 0)
        return TRUE;
    }

  return FALSE;
}

static CrbProject *
rebuild (GBytes     *exported,
         const char *what)
{
  g_autofree char *path = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (CrbProject) rebuilt = crb_project_new ("Rebuilt");
  g_autoptr (GError) error = NULL;

  path = crb_fuzz_write ("round-trip.jsonl", g_bytes_get_data (exported, NULL),
                         g_bytes_get_size (exported));
  file = g_file_new_for_path (path);
  if (!crb_project_import_export (rebuilt, file, NULL, &error))
    fail ("%s: its export does not import: %s", what, error->message);
  check_valid (rebuilt, what);
  return g_steal_pointer (&rebuilt);
}

/**
 * crb_fuzz_round_trip:
 * @project: a project Corroborate made, or loaded and found valid
 * @made_here: %TRUE when Corroborate made @project (an import, a rebuild),
 *   %FALSE when it was read from a file
 * @what: the step that made it, for messages
 *
 * Checks what must hold of every project Corroborate accepts: it
 * validates; saved and loaded again, it validates and exports the same
 * dataset; rebuilt from its native export (`new --from-export`), it
 * validates, and exports that dataset again.  A file may hold what an
 * export does not carry (pairs a reviewer unlinked, reasons written by
 * hand: see docs/export-formats.md, "Round trip"), so for a project read
 * from a file, and one with unlinked pairs, the rebuild is compared with a
 * rebuild of its own export instead.  Any failure stops the run like a
 * crash.
 */
void
crb_fuzz_round_trip (CrbProject *project,
                     gboolean    made_here,
                     const char *what)
{
  g_autofree char *path = g_build_filename (crb_fuzz_dir (), "round-trip.crb", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (CrbProject) loaded = NULL;
  g_autoptr (CrbProject) rebuilt = NULL;
  g_autoptr (GBytes) exported = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;

  check_valid (project, what);
  exported = export_jsonl (project, what);

  if (!crb_project_save (project, file, NULL, &error))
    fail ("%s: the save fails: %s", what, error->message);
  loaded = crb_project_load (file, NULL, &error);
  if (loaded == NULL)
    fail ("%s: the saved project does not load: %s", what, error->message);
  check_valid (loaded, "saved and loaded");
  again = export_jsonl (loaded, "saved and loaded");
  check_same (exported, again, "saved and loaded");
  g_clear_pointer (&again, g_bytes_unref);

  /* An export holds claims: without any, there is nothing to rebuild. */
  if (g_bytes_get_size (exported) == 0)
    return;

  rebuilt = rebuild (exported, "rebuilt from its export");
  again = export_jsonl (rebuilt, "rebuilt from its export");
  if (!made_here || has_removed_links (project))
    {
      g_autoptr (CrbProject) twice = NULL;

      g_clear_pointer (&exported, g_bytes_unref);
      exported = g_steal_pointer (&again);
      twice = rebuild (exported, "rebuilt from the export of a rebuild");
      again = export_jsonl (twice, "rebuilt from the export of a rebuild");
    }
  check_same (exported, again, "rebuilt from its export");
}

/**
 * crb_fuzz_import:
 * @name: the input's file name (its extension says how it is read)
 * @data: the input
 * @size: its size
 * @what: what the input is, for messages
 *
 * Imports the input both ways Corroborate reads articles: in memory, as
 * the app does (crb_import_prepare(), crb_project_import()), and scanned,
 * as `corroborate-cli new` does (crb_import_scan(), then each story made
 * aside and written to the file as it is done,
 * crb_project_import_scanned()).  Both accept it or both refuse it with
 * the same message; what they accept is the same dataset, and goes
 * through crb_fuzz_round_trip().
 */
void
crb_fuzz_import (const char    *name,
                 const uint8_t *data,
                 size_t         size,
                 const char    *what)
{
  g_autofree char *path = crb_fuzz_input (name, data, size);
  g_autofree char *saved = g_build_filename (crb_fuzz_dir (), "scanned.crb", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (saved);
  const char *paths[] = { path, NULL };
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) scan_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) scanned = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbProject) streamed = NULL;
  g_autoptr (CrbProject) loaded = NULL;
  g_autoptr (GBytes) exported = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GError) scan_error = NULL;

  items = crb_import_prepare (paths, CRB_IMPORT_NONE, CRB_EXTRACT_DEFAULT_THRESHOLD, warnings,
                              NULL, NULL, NULL, &error);
  scanned = crb_import_scan (paths, CRB_IMPORT_NONE, scan_warnings, NULL, &scan_error);
  if ((items == NULL) != (scanned == NULL))
    fail ("%s: read in memory it is %s; scanned, %s", what,
          items != NULL ? "accepted" : error->message,
          scanned != NULL ? "accepted" : scan_error->message);
  if (items == NULL)
    {
      if (strcmp (error->message, scan_error->message) != 0)
        fail ("%s: refused in memory with “%s”, scanned with “%s”", what,
              error->message, scan_error->message);
      return;
    }

  project = crb_project_new ("Fuzz");
  if (!crb_project_import (project, items, "Story", CRB_EXTRACT_DEFAULT_THRESHOLD, NULL, &error))
    fail ("%s: accepted, it does not import: %s", what, error->message);
  exported = export_jsonl (project, what);
  crb_fuzz_round_trip (project, TRUE, what);

  streamed = crb_project_new ("Fuzz");
  if (!crb_project_import_scanned (streamed, scanned, "Story", CRB_EXTRACT_DEFAULT_THRESHOLD,
                                   NULL, 0, file, NULL, &error) ||
      !crb_project_save (streamed, file, NULL, &error))
    fail ("%s: scanned, it does not import: %s", what, error->message);
  loaded = crb_project_load (file, NULL, &error);
  if (loaded == NULL)
    fail ("%s: scanned and saved, it does not load: %s", what, error->message);
  check_valid (loaded, "scanned and saved");
  again = export_jsonl (loaded, "scanned and saved");
  check_same (exported, again, "scanned and saved");
}
