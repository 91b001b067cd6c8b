/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * Kills a writer with SIGKILL at random moments, over and over, and checks
 * each time that the project loads and holds every decision the writer
 * reported durable.
 */
#include "config.h"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include "crb-project.h"
#include "crb-test-utils.h"

typedef struct
{
  char *status;       /* last reported durable */
  char *in_flight;    /* started after that, not reported */
} Expected;

static void
expected_free (Expected *e)
{
  g_free (e->status);
  g_free (e->in_flight);
  g_free (e);
}

static void
run_and_kill (const char *path,
              guint       save_every,
              guint       seed,
              GHashTable *expected)
{
  const char *writer = g_getenv ("CRB_CRASH_WRITER");
  g_autofree char *save_arg = g_strdup_printf ("%u", save_every);
  g_autofree char *seed_arg = g_strdup_printf ("%u", seed);
  const char *argv[] = { writer, path, save_arg, seed_arg, NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GRand) rand = g_rand_new_with_seed (seed);
  guint wanted = g_rand_int_range (rand, 1, 40);
  guint done = 0;
  char line[1024];
  GPid pid;
  int out_fd;
  int wait_status;
  FILE *out;

  g_auto (GStrv) env = g_environ_setenv (g_get_environ (), "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);

  g_assert_nonnull (writer);
  /* The writer must find the journal where this process looks for it. */
  g_spawn_async_with_pipes (NULL, (char **) argv, env, G_SPAWN_DO_NOT_REAP_CHILD,
                            NULL, NULL, &pid, NULL, &out_fd, NULL, &error);
  g_assert_no_error (error);
  out = fdopen (out_fd, "r");

  while (done < wanted && fgets (line, sizeof line, out))
    {
      char **parts = g_strsplit (g_strchomp (line), " ", 3);
      Expected *e;

      g_assert_cmpuint (g_strv_length (parts), ==, 3);
      e = g_hash_table_lookup (expected, parts[1]);
      if (e == NULL)
        {
          e = g_new0 (Expected, 1);
          e->status = g_strdup ("pending");
          g_hash_table_insert (expected, g_strdup (parts[1]), e);
        }

      if (strcmp (parts[0], "start") == 0)
        {
          g_free (e->in_flight);
          e->in_flight = g_strdup (parts[2]);
        }
      else
        {
          g_free (e->status);
          e->status = g_strdup (parts[2]);
          g_clear_pointer (&e->in_flight, g_free);
          done++;
        }
      g_strfreev (parts);
    }

  /* Somewhere inside the next decision, journal write or save. */
  g_usleep (g_rand_int_range (rand, 0, 3000));
  kill (pid, SIGKILL);
  waitpid (pid, &wait_status, 0);
  g_spawn_close_pid (pid);

  /* Lines the writer printed before dying still count. */
  while (fgets (line, sizeof line, out))
    {
      char **parts = g_strsplit (g_strchomp (line), " ", 3);
      Expected *e = g_hash_table_lookup (expected, parts[1]);

      if (e == NULL)
        {
          e = g_new0 (Expected, 1);
          e->status = g_strdup ("pending");
          g_hash_table_insert (expected, g_strdup (parts[1]), e);
        }
      if (strcmp (parts[0], "start") == 0)
        {
          g_free (e->in_flight);
          e->in_flight = g_strdup (parts[2]);
        }
      else
        {
          g_free (e->status);
          e->status = g_strdup (parts[2]);
          g_clear_pointer (&e->in_flight, g_free);
        }
      g_strfreev (parts);
    }
  fclose (out);

  g_assert_true (WIFSIGNALED (wait_status) || WIFEXITED (wait_status));
  if (WIFEXITED (wait_status))
    g_error ("the writer exited with status %d before it was killed", WEXITSTATUS (wait_status));
}

static void
check_project (const char *path,
               GHashTable *expected)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_load (file, NULL, &error);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  g_assert_nonnull (project);

  g_hash_table_iter_init (&iter, expected);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      Expected *e = value;
      CrbClaim *claim = crb_project_find_claim (project, key, NULL, &error);
      const char *status;

      g_assert_no_error (error);
      status = crb_decision_status_to_string (crb_claim_get_status (claim));
      if (g_strcmp0 (status, e->status) != 0 && g_strcmp0 (status, e->in_flight) != 0)
        g_error ("claim %s: expected %s (or the unreported %s), found %s",
                 (char *) key, e->status, e->in_flight ? e->in_flight : "-", status);

      /* What the writer did not report may have landed: it is the state now. */
      if (g_strcmp0 (status, e->in_flight) == 0 && g_strcmp0 (status, e->status) != 0)
        {
          g_free (e->status);
          e->status = g_strdup (status);
        }
      g_clear_pointer (&e->in_flight, g_free);
    }
}

static void
test_kill_loop (gconstpointer data)
{
  guint save_every = GPOINTER_TO_UINT (data);
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr (CrbProject) project = crb_test_make_project (dir, "crash.crb", &path);
  g_autoptr (GHashTable) expected =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) expected_free);
  guint rounds = 30;

  g_clear_object (&project);

  for (guint round = 0; round < rounds; round++)
    {
      run_and_kill (path, save_every, g_test_rand_int_range (1, G_MAXINT32), expected);
      check_project (path, expected);
    }

  g_assert_cmpuint (g_hash_table_size (expected), >, 0);
  crb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Journal only: every decision must come back from the journal. */
  g_test_add_data_func ("/corroborate/crash/journal", GUINT_TO_POINTER (0), test_kill_loop);
  /* Journal and frequent atomic saves: the file must always load. */
  g_test_add_data_func ("/corroborate/crash/save", GUINT_TO_POINTER (1), test_kill_loop);
  g_test_add_data_func ("/corroborate/crash/save-sometimes", GUINT_TO_POINTER (3), test_kill_loop);

  return g_test_run ();
}
