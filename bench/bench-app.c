/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-app: the window at scale.  Run under a display, e.g.
 *
 *   xvfb-run -a dbus-run-session -- _build/bench/bench-app /tmp/bfull/bench.crb
 *   xvfb-run -a dbus-run-session -- _build/bench/bench-app --big-story
 *
 * With a PROJECT (make one with bench-project --dir /tmp/bfull), it opens
 * it and switches among its stories.  With --big-story, it first makes a
 * project of two big stories, each of --articles articles (400) from
 * --outlets outlets (100): the articles of the shared samples
 * (--samples, ../shared/samples/crocus-city-hall) repeated with other ids,
 * every fourth copy with its figures raised by 3 so that the copies
 * disagree; it is written to a temporary folder and removed afterwards.
 *
 * Prints the time from opening the project to an interactive window with
 * the first story shown, the time to switch stories and to move between
 * claims (median, p95 and worst of many; the app's work also as CPU time
 * of the main thread, which other processes on a busy machine stretch
 * much less), the article columns made, and the peak memory.  Asserts
 * nothing.
 */
#include "config.h"

#include "crb-bench-utils.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "crb-application.h"
#include "crb-article-view.h"
#include "crb-import.h"
#include "crb-window.h"

/* Until nothing is pending. */
static void
settle (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gboolean      *painted)
{
  *painted = TRUE;
}

/* Until the frame clock has painted what changed (at most a second when
 * nothing did), then until nothing is pending.
 */
static void
wait_for_paint (GtkWidget *window)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gboolean painted = FALSE;
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;
  gulong id = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), &painted);

  while (!painted && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_signal_handler_disconnect (clock, id);
  settle ();
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
  if (times->len == 0)
    return;
  g_array_sort (times, crb_bench_compare_double);
  printf ("%s: median %.1f ms, p95 %.1f ms, worst %.1f ms (%u samples)\n", what,
          g_array_index (times, double, times->len / 2),
          g_array_index (times, double, times->len * 95 / 100),
          g_array_index (times, double, times->len - 1), times->len);
}

/* The article views under @root: the columns the window made. */
static guint
count_views (GtkWidget *root)
{
  guint n = CRB_IS_ARTICLE_VIEW (root) ? 1 : 0;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    n += count_views (c);
  return n;
}

/* ---- the big story ---- */

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* @text with every figure from 10 to 999 that is not a year raised by 3:
 * "133 people" → "136 people".
 */
static char *
raise_figures (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p != '\0';)
    {
      if (g_ascii_isdigit (*p) && (p == text || !g_ascii_isalnum (p[-1])))
        {
          const char *end = p;
          guint64 n;

          while (g_ascii_isdigit (*end))
            end++;
          n = g_ascii_strtoull (p, NULL, 10);
          if (end - p >= 2 && end - p <= 3 && !g_ascii_isalnum (*end))
            g_string_append_printf (s, "%" G_GUINT64_FORMAT, n + 3);
          else
            g_string_append_len (s, p, end - p);
          p = end;
        }
      else
        g_string_append_c (s, *p++);
    }
  return g_string_free (s, FALSE);
}

/* Writes @n_articles files into @dir, the samples' articles in turn, each
 * with a front matter naming one of @n_outlets outlets.
 */
static GPtrArray *
write_articles (const char *samples,
                const char *dir,
                const char *prefix,
                guint       n_articles,
                guint       n_outlets)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) d = NULL;
  g_autoptr (GError) error = NULL;
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  d = g_dir_open (samples, 0, &error);
  if (d == NULL)
    g_error ("%s", error->message);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  if (names->len == 0)
    g_error ("no .txt articles in %s", samples);
  g_ptr_array_sort (names, compare_strings);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (samples, g_ptr_array_index (names, i), NULL);
      char *text;

      if (!g_file_get_contents (path, &text, NULL, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (texts, text);
    }

  for (guint i = 0; i < n_articles; i++)
    {
      guint copy = i / texts->len;
      const char *text = g_ptr_array_index (texts, i % texts->len);
      g_autofree char *body = copy % 4 == 3 ? raise_figures (text) : g_strdup (text);
      g_autofree char *file = g_strdup_printf ("%s-%03u.txt", prefix, i);
      g_autofree char *contents = g_strdup_printf ("---\ntitle: %s article %u\noutlet: Outlet %03u\n"
                                                   "date: 2024-03-%02u\n---\n%s",
                                                   prefix, i, i % n_outlets, 23 + copy % 5, body);
      char *path = g_build_filename (dir, file, NULL);

      if (!g_file_set_contents (path, contents, -1, &error))
        g_error ("%s", error->message);
      g_ptr_array_add (paths, path);
    }
  g_ptr_array_add (paths, NULL);
  return paths;
}

/* A project of two big stories, saved in @dir; returns its path. */
static char *
make_big_project (const char *samples,
                  const char *dir,
                  guint       n_articles,
                  guint       n_outlets)
{
  static const char * const titles[] = { "Crocus City Hall, wire copy", "Crocus City Hall, follow-ups" };
  g_autoptr (CrbProject) project = crb_project_new ("Big stories");
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  char *path = g_build_filename (dir, "big.crb", NULL);
  double t0 = crb_bench_now (), c0 = cpu_now ();

  for (guint s = 0; s < G_N_ELEMENTS (titles); s++)
    {
      g_autofree char *prefix = g_strdup_printf ("s%u", s);
      g_autoptr (GPtrArray) paths = write_articles (samples, dir, prefix, n_articles, n_outlets);
      g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GPtrArray) items = crb_import_prepare ((const char * const *) paths->pdata, CRB_IMPORT_NONE,
                                                        0.5, warnings, NULL, NULL, NULL, &error);

      if (items == NULL || !crb_project_import (project, items, titles[s], 0.5, NULL, &error))
        g_error ("%s", error->message);
    }

  file = g_file_new_for_path (path);
  if (!crb_project_save (project, file, NULL, &error))
    g_error ("%s", error->message);

  {
    GListModel *stories = crb_project_get_stories (project);
    g_autoptr (CrbStory) story = g_list_model_get_item (stories, 0);
    CrbAlignment *alignment = crb_story_get_alignment (story);
    GStatBuf st;

    g_stat (path, &st);
    printf ("made 2 stories of %u articles from %u outlets, %u claims, %u links, %u facts each (about), "
            "%.1f MB file: %.1f s (%.1f s CPU)\n",
            crb_story_get_n_articles (story), n_outlets, crb_story_get_n_claims (story),
            alignment->links->len, alignment->facts->len, st.st_size / 1e6,
            crb_bench_now () - t0, cpu_now () - c0);
    if (alignment->note != NULL)
      printf ("the alignment's note: %s\n", alignment->note);
  }
  return path;
}

static void
remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

/* ---- the window ---- */

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
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *samples = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *project_path = NULL;
  gboolean big_story = FALSE;
  int n_articles = 400, n_outlets = 100, n_switches = 100;
  const GOptionEntry entries[] = {
    { "big-story", 0, 0, G_OPTION_ARG_NONE, &big_story, "Make a project of two big stories and measure it", NULL },
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles in each big story (400)", "N" },
    { "outlets", 0, 0, G_OPTION_ARG_INT, &n_outlets, "Outlets they come from (100)", "N" },
    { "samples", 0, 0, G_OPTION_ARG_FILENAME, &samples, "Folder of .txt articles to repeat", "DIR" },
    { "switches", 0, 0, G_OPTION_ARG_INT, &n_switches, "Story switches to time (100)", "N" },
    { NULL }
  };
  CrbWindow *window;
  CrbProject *project;
  GListModel *stories;
  guint max_views = 0;
  double t0, t1, c0;

  context = g_option_context_new ("[PROJECT] — the window at scale");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) ||
      (big_story ? argc != 1 : argc != 2) || n_articles < 1 || n_outlets < 1)
    {
      g_printerr ("usage: bench-app PROJECT\n       bench-app --big-story [--articles N] [--outlets N] [--samples DIR]\n");
      return 2;
    }

  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  adw_init ();

  if (big_story)
    {
      if (samples == NULL)
        samples = g_strdup ("../shared/samples/crocus-city-hall");
      tmp = g_dir_make_tmp ("bench-app-XXXXXX", &error);
      if (tmp == NULL)
        g_error ("%s", error->message);
      project_path = make_big_project (samples, tmp, n_articles, n_outlets);
    }
  else
    project_path = g_strdup (argv[1]);

  app = crb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE | G_APPLICATION_HANDLES_OPEN);
  g_application_register (G_APPLICATION (app), NULL, NULL);

  window = crb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  settle ();

  file = g_file_new_for_commandline_arg (project_path);
  t0 = crb_bench_now ();
  c0 = cpu_now ();
  crb_window_open_project (window, file);
  while (crb_window_get_claim (window) == NULL)
    g_main_context_iteration (NULL, TRUE);
  t1 = crb_bench_now ();
  printf ("open to an interactive window, first story shown: %.0f ms (%.0f ms CPU of the main thread)\n",
          (t1 - t0) * 1000, (cpu_now () - c0) * 1000);
  wait_for_paint (GTK_WIDGET (window));
  printf ("  … and drawn: %.0f ms\n", (crb_bench_now () - t0) * 1000);
  project = crb_window_get_project (window);
  stories = crb_project_get_stories (project);
  printf ("%u stories; the first has %u articles and %u claims; %u article columns made\n",
          g_list_model_get_n_items (stories), crb_story_get_n_articles (crb_window_get_story (window)),
          crb_story_get_n_claims (crb_window_get_story (window)), count_views (GTK_WIDGET (window)));

  for (guint i = 1; i <= (guint) n_switches; i++)
    {
      guint n_stories = g_list_model_get_n_items (stories);
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, n_stories == 2 ? i % 2 : (i * 97) % n_stories);
      double t;

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
      wait_for_paint (GTK_WIDGET (window));
      t = (crb_bench_now () - t0) * 1000;
      g_array_append_val (switches, t);
      max_views = MAX (max_views, count_views (GTK_WIDGET (window)));

      for (guint k = 0; k < 5; k++)
        {
          t0 = crb_bench_now ();
          c0 = cpu_now ();
          gtk_widget_activate_action (GTK_WIDGET (window), "claim.next", NULL);
          t = (crb_bench_now () - t0) * 1000;
          g_array_append_val (move_work, t);
          t = (cpu_now () - c0) * 1000;
          g_array_append_val (move_cpu, t);
          wait_for_paint (GTK_WIDGET (window));
          t = (crb_bench_now () - t0) * 1000;
          g_array_append_val (moves, t);
        }
    }

  /* The review ordered by how much sources disagree, and back. */
  {
    double c1 = cpu_now (), w1 = crb_bench_now ();

    g_object_set (window, "claim-order", "contested", NULL);
    printf ("order by contested first: %.0f ms (%.0f ms CPU)\n", (crb_bench_now () - w1) * 1000,
            (cpu_now () - c1) * 1000);
    wait_for_paint (GTK_WIDGET (window));
    c1 = cpu_now ();
    w1 = crb_bench_now ();
    g_object_set (window, "claim-filter", "contested", NULL);
    printf ("filter the contested claims: %.0f ms (%.0f ms CPU)\n", (crb_bench_now () - w1) * 1000,
            (cpu_now () - c1) * 1000);
    wait_for_paint (GTK_WIDGET (window));
    g_object_set (window, "claim-filter", "all", "claim-order", "story", NULL);
    wait_for_paint (GTK_WIDGET (window));
  }

  report ("switch story: parse the story (the core's work; once per story)", parses);
  report ("switch story: the app's work (show the articles, bind the list, select)", switch_work);
  report ("switch story: the app's work, CPU time", switch_cpu);
  report ("switch story, until drawn (layout, text shaping, drawing)", switches);
  report ("next claim: the app's work", move_work);
  report ("next claim: the app's work, CPU time", move_cpu);
  report ("next claim, until drawn", moves);
  printf ("article columns made: at most %u\n", max_views);
  printf ("peak memory: %.0f MB\n", crb_bench_peak_rss_kb () / 1024.0);

  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  if (tmp != NULL)
    remove_tree (tmp);
  return 0;
}
