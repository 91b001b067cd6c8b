/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-app PROJECT: the window at scale.  Run under a display, e.g.
 *
 *   xvfb-run -a dbus-run-session -- _build/bench/bench-app /tmp/bfull/bench.crb
 *
 * (make the project with bench-project --dir /tmp/bfull).  Prints the time
 * from opening the project to an interactive window with the first story
 * shown, the time to switch stories and to move between claims (median and
 * worst of many), and the peak memory.  Asserts nothing.
 */
#include "config.h"

#include "crb-bench-utils.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "crb-application.h"
#include "crb-window.h"

/* Until the frame clock has drawn what changed. */
static void
settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

/* Seconds of CPU time of this thread: other processes on a busy machine
 * stretch the wall-clock figures, much less these.
 */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
report (const char *what,
        GArray     *times)
{
  g_array_sort (times, crb_bench_compare_double);
  printf ("%s: median %.1f ms, p95 %.1f ms, worst %.1f ms (%u samples)\n", what,
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len * 95 / 100),
          g_array_index (times, double, times->len - 1), times->len);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (CrbApplication) app = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GArray) switches = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) moves = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) switch_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) move_work = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) parses = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) switch_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) move_cpu = g_array_new (FALSE, FALSE, sizeof (double));
  CrbWindow *window;
  CrbProject *project;
  GListModel *stories;
  double t0, t1;

  if (argc != 2)
    {
      g_printerr ("usage: bench-app PROJECT\n");
      return 2;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  app = crb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = crb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  file = g_file_new_for_commandline_arg (argv[1]);
  t0 = crb_bench_now ();
  crb_window_open_project (window, file);
  while (crb_window_get_claim (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  settle ();
  t1 = crb_bench_now ();
  project = crb_window_get_project (window);
  stories = crb_project_get_stories (project);
  printf ("open to an interactive window, first story shown: %.0f ms (%u stories)\n",
          (t1 - t0) * 1000, g_list_model_get_n_items (stories));

  for (guint i = 1; i <= 100; i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, (i * 97) % g_list_model_get_n_items (stories));
      double t, c0;

      /* Parsing the story's line is the core's work, measured apart. */
      t0 = crb_bench_now ();
      if (!crb_story_ensure_loaded (story, NULL))
        g_error ("story %u cannot be loaded", i);
      t = (crb_bench_now () - t0) * 1000;
      g_array_append_val (parses, t);

      t0 = crb_bench_now ();
      c0 = cpu_now ();
      crb_window_select_story (window, story);
      t = (crb_bench_now () - t0) * 1000;
      g_array_append_val (switch_work, t);
      t = (cpu_now () - c0) * 1000;
      g_array_append_val (switch_cpu, t);
      settle ();
      t = (crb_bench_now () - t0) * 1000;
      g_array_append_val (switches, t);

      for (guint k = 0; k < 5; k++)
        {
          t0 = crb_bench_now ();
          c0 = cpu_now ();
          gtk_widget_activate_action (GTK_WIDGET (window), "claim.next", NULL);
          t = (crb_bench_now () - t0) * 1000;
          g_array_append_val (move_work, t);
          t = (cpu_now () - c0) * 1000;
          g_array_append_val (move_cpu, t);
          settle ();
          t = (crb_bench_now () - t0) * 1000;
          g_array_append_val (moves, t);
        }
    }

  report ("switch story: parse the story (the core's work)", parses);
  report ("switch story: the app's work (build the columns, bind the list, select)", switch_work);
  report ("switch story: the app's work, CPU time", switch_cpu);
  report ("switch story, until the main loop is idle (layout, text shaping, drawing)", switches);
  report ("next claim: the app's work", move_work);
  report ("next claim: the app's work, CPU time", move_cpu);
  report ("next claim, until the main loop is idle", moves);
  printf ("peak memory: %.0f MB\n", crb_bench_peak_rss_kb () / 1024.0);

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
