/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-project: the project store at scale.
 *
 *   bench-project [--articles N] [--stories N] [--dir DIR] [--corpus-only | --new-only]
 *
 * Generates a synthetic corpus (default 10,000 articles in 1,000 stories,
 * about 30 MB of text), then measures and prints: making the project as
 * `corroborate-cli new` does (reading, extraction, alignment, the file
 * written story by story; `CORROBORATE_THREADS` threads) with its time
 * and peak memory, open time and peak memory (in a fresh process),
 * the time to make one decision durable, the save after one decision, and
 * export throughput.  Prints figures; asserts nothing.
 */
#include "config.h"

#include "crb-bench-utils.h"

#include <gio/gunixoutputstream.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "crb-export.h"
#include "crb-extract.h"
#include "crb-import.h"
#include "crb-json.h"
#include "crb-project.h"

static const char * const cities[] = {
  "Port Almera", "Vellmar", "Kestrel Bay", "São Lourenço", "Tallinn", "Kraków", "Oulu", "Izmir",
  "Nordhavn", "Ravenna", "Česká Lípa", "Marseille",
};
static const char * const people[] = {
  "Mayor Odile Brandt", "Fire Chief Tomasz Wręblewski", "Governor Henrik Aalto", "Minister Ana Duarte",
  "Police spokesman Jonas Keller", "Dr. Amara Okafor", "Senator Lucía Ferrer", "Inspector Yuki Tanaka",
};
static const char * const orgs[] = {
  "the regional transport agency", "the Red Cross", "the health ministry", "the fire service",
  "the national weather office", "the port authority", "the interior ministry",
};
static const char * const days[] = { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday" };

static void
append_sentence (GString *s,
                 GRand   *r,
                 guint    story)
{
  const char *city = cities[(story + g_rand_int_range (r, 0, 2)) % G_N_ELEMENTS (cities)];
  const char *person = people[g_rand_int_range (r, 0, G_N_ELEMENTS (people))];
  const char *org = orgs[g_rand_int_range (r, 0, G_N_ELEMENTS (orgs))];
  const char *day = days[g_rand_int_range (r, 0, G_N_ELEMENTS (days))];
  guint n = g_rand_int_range (r, 2, 2000);

  switch (g_rand_int_range (r, 0, 8))
    {
    case 0:
      g_string_append_printf (s, "At least %u people were killed in %s on %s, %s said.", n, city, day, org);
      break;
    case 1:
      g_string_append_printf (s, "%s said the damage would cost about €%u million to repair.", person, n);
      break;
    case 2:
      g_string_append_printf (s, "“We have evacuated %u homes since %s,” %s told reporters.", n, day, person);
      break;
    case 3:
      g_string_append_printf (s, "According to %s, more than %u families were moved to shelters in %s.", org, n, city);
      break;
    case 4:
      g_string_append_printf (s, "The bridge in %s, built in 19%02u, carried %u vehicles a day.", city, n % 100, n * 20);
      break;
    case 5:
      g_string_append_printf (s, "%s denied that the warning had come %u hours too late.", person, n % 48 + 1);
      break;
    case 6:
      g_string_append_printf (s, "Police arrested %u people on %s after the protest in %s.", n % 40 + 2, day, city);
      break;
    default:
      g_string_append_printf (s, "Turnout rose to %u.%u percent, up from %u percent in 2019, %s said.",
                              n % 90, n % 10, n % 70, org);
    }
}

static char *
generate_corpus (const char *dir,
                 guint       n_articles,
                 guint       n_stories,
                 gsize      *text_bytes)
{
  g_autofree char *path = g_build_filename (dir, "corpus.jsonl", NULL);
  g_autoptr (GRand) r = g_rand_new_with_seed (20261122);
  g_autoptr (GString) out = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  FILE *f = fopen (path, "w");

  *text_bytes = 0;
  for (guint a = 0; a < n_articles; a++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      guint story = a % n_stories;
      g_autofree char *escaped = NULL;

      for (guint p = 0; p < 10; p++)
        {
          for (guint k = 0; k < 3; k++)
            {
              if (k > 0)
                g_string_append_c (text, ' ');
              append_sentence (text, r, story);
            }
          g_string_append (text, "\n\n");
        }
      *text_bytes += text->len;
      {
        g_autoptr (JsonObject) object = json_object_new ();
        g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);

        json_object_set_string_member (object, "id", (escaped = g_strdup_printf ("a%05u", a)));
        g_free (escaped);
        json_object_set_string_member (object, "story", (escaped = g_strdup_printf ("Story %04u", story)));
        g_free (escaped);
        json_object_set_string_member (object, "outlet", (escaped = g_strdup_printf ("Outlet %u", a % 7)));
        g_free (escaped);
        json_object_set_string_member (object, "date", (escaped = g_strdup_printf ("2025-03-%02u", 1 + a % 28)));
        g_free (escaped);
        json_object_set_string_member (object, "text", text->str);
        json_node_set_object (node, object);
        escaped = crb_json_to_string (node, NULL);
        fprintf (f, "%s\n", escaped);
      }
    }

  fclose (f);
  return g_steal_pointer (&path);
}

/* Real news text: each story is the articles of a folder of real articles
 * (../shared/samples/crocus-city-hall, never copied into the project),
 * whose claims link as densely as real reporting does.  @n_articles is
 * rounded up to whole stories; *n_stories is set.
 */
static char *
generate_sample_corpus (const char *dir,
                        const char *samples,
                        guint       n_articles,
                        int        *n_stories,
                        gsize      *text_bytes)
{
  g_autofree char *path = g_build_filename (dir, "corpus.jsonl", NULL);
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GDir) folder = g_dir_open (samples, 0, NULL);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;
  FILE *f;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, (GCompareFunc) g_ascii_strcasecmp);
  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *file = g_build_filename (samples, g_ptr_array_index (names, i), NULL);
      char *contents = NULL;

      g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
      g_ptr_array_add (texts, contents);
    }
  g_assert_cmpuint (texts->len, >, 0);

  *n_stories = (int) ((n_articles + texts->len - 1) / texts->len);
  *text_bytes = 0;
  f = fopen (path, "w");
  for (int story = 0; story < *n_stories; story++)
    for (guint i = 0; i < texts->len; i++)
      {
        g_autoptr (JsonObject) object = json_object_new ();
        g_autoptr (JsonNode) node = json_node_new (JSON_NODE_OBJECT);
        g_autofree char *id = g_strdup_printf ("s%05d-%u", story, i);
        g_autofree char *story_title = g_strdup_printf ("Story %05d", story);
        g_autofree char *outlet = g_strdup_printf ("Outlet %u", i);
        g_autofree char *line = NULL;

        json_object_set_string_member (object, "id", id);
        json_object_set_string_member (object, "story", story_title);
        json_object_set_string_member (object, "outlet", outlet);
        json_object_set_string_member (object, "date", "2024-03-23");
        json_object_set_string_member (object, "text", g_ptr_array_index (texts, i));
        json_node_set_object (node, object);
        line = crb_json_to_string (node, NULL);
        fprintf (f, "%s\n", line);
        *text_bytes += strlen (g_ptr_array_index (texts, i));
      }
  fclose (f);
  return g_steal_pointer (&path);
}

/* Runs in a fresh process, so the peak memory is that of opening alone. */
static int
measure_open (const char *path)
{
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbStory) story = NULL;
  double t0, t1, t2;
  long rss_open;

  t0 = crb_bench_now ();
  project = crb_project_load (file, NULL, &error);
  t1 = crb_bench_now ();
  if (project == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  rss_open = crb_bench_peak_rss_kb ();

  story = g_list_model_get_item (crb_project_get_stories (project),
                                 g_list_model_get_n_items (crb_project_get_stories (project)) / 2);
  crb_story_ensure_loaded (story, &error);
  t2 = crb_bench_now ();

  printf ("open: %.3f s, peak memory %.1f MB (%u stories)\n", t1 - t0, rss_open / 1024.0,
          g_list_model_get_n_items (crb_project_get_stories (project)));
  printf ("open one story: %.2f ms (%u claims)\n", (t2 - t1) * 1000, crb_story_get_n_claims (story));

  /* As a pass over the project does it (validate, claims, facts): one
   * story in memory at a time.
   */
  t0 = crb_bench_now ();
  for (guint i = 0; i < g_list_model_get_n_items (crb_project_get_stories (project)); i++)
    {
      g_autoptr (CrbStory) each = g_list_model_get_item (crb_project_get_stories (project), i);
      gboolean was_loaded = crb_story_is_loaded (each);

      crb_story_ensure_loaded (each, &error);
      g_assert_no_error (error);
      if (!was_loaded)
        crb_story_unload (each);
    }
  t1 = crb_bench_now ();
  printf ("parse every story, one at a time: %.3f s, peak memory %.1f MB\n", t1 - t0,
          crb_bench_peak_rss_kb () / 1024.0);
  return 0;
}

static double
cpu_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

/* The part of cpu_seconds() spent in the kernel (writing files, faults). */
static double
system_seconds (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_stime.tv_sec + usage.ru_stime.tv_usec / 1e6;
}

/* One format, every claim (pending included), into a file in @dir. */
static void
bench_export (CrbProject      *project,
              const char      *dir,
              CrbExportFormat  format)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("export-%s.%s", crb_export_format_to_string (format),
                                           crb_export_format_extension (format));
  g_autofree char *out_path = g_build_filename (dir, name, NULL);
  g_autoptr (GFile) out_file = g_file_new_for_path (out_path);
  g_autoptr (GFile) sentences_file = crb_export_sentences_file_for (out_file);
  g_autoptr (GFileOutputStream) out = g_file_replace (out_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_autoptr (GFileOutputStream) sentences = NULL;
  CrbExportOptions options = { TRUE, TRUE, NULL };
  guint n_records = 0;
  double t0, t1, c0, c1, s0, s1;
  GStatBuf st;

  g_assert_no_error (error);
  if (format == CRB_EXPORT_FEVER)
    {
      sentences = g_file_replace (sentences_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
      g_assert_no_error (error);
    }

  t0 = crb_bench_now ();
  c0 = cpu_seconds ();
  s0 = system_seconds ();
  crb_export (project, format, G_OUTPUT_STREAM (out), sentences ? G_OUTPUT_STREAM (sentences) : NULL,
              &options, &n_records, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);
  if (sentences != NULL)
    g_output_stream_close (G_OUTPUT_STREAM (sentences), NULL, &error);
  g_assert_no_error (error);
  t1 = crb_bench_now ();
  c1 = cpu_seconds ();
  s1 = system_seconds ();
  g_stat (out_path, &st);
  printf ("export %s: %u records in %.2f s (%.0f records/s, CPU %.2f s of which system %.2f s), %.1f MB, "
          "peak memory %.1f MB\n",
          crb_export_format_to_string (format), n_records, t1 - t0, n_records / (t1 - t0), c1 - c0, s1 - s0,
          st.st_size / 1e6, crb_bench_peak_rss_kb () / 1024.0);
  fflush (stdout);
}

/* Every format, or only the one named @only. */
static void
bench_exports (CrbProject *project,
               const char *dir,
               const char *only)
{
  for (CrbExportFormat format = 0; format < CRB_N_EXPORT_FORMATS; format++)
    if (only == NULL || g_strcmp0 (only, crb_export_format_to_string (format)) == 0)
      bench_export (project, dir, format);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *corpus = NULL;
  g_autofree char *project_path = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GArray) durable = g_array_new (FALSE, FALSE, sizeof (double));
  int n_articles = 10000, n_stories = 1000;
  g_autofree char *keep_dir = NULL;
  g_autofree char *open_path = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *samples_dir = NULL;
  g_autofree char *only_format = NULL;
  gboolean corpus_only = FALSE;
  gboolean new_only = FALSE;
  GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Number of articles", "N" },
    { "stories", 0, 0, G_OPTION_ARG_INT, &n_stories, "Number of stories", "N" },
    { "samples", 0, 0, G_OPTION_ARG_FILENAME, &samples_dir, "Make the stories of the real articles in DIR (each story all of them) instead of generated text", "DIR" },
    { "dir", 0, 0, G_OPTION_ARG_FILENAME, &keep_dir, "Work in DIR (kept)", "DIR" },
    { "open", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &open_path, NULL, NULL },
    { "export-only", 0, 0, G_OPTION_ARG_FILENAME, &export_path, "Only export PROJECT (made by an earlier run with --dir) in every format", "PROJECT" },
    { "corpus-only", 0, 0, G_OPTION_ARG_NONE, &corpus_only, "Only write DIR/corpus.jsonl (needs --dir)", NULL },
    { "new-only", 0, 0, G_OPTION_ARG_NONE, &new_only, "Only make the project (DIR/bench.crb with --dir) and open it", NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &only_format, "Export in FORMAT only (jsonl, csv, claimreview, fever)", "FORMAT" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("- measure the project store");
  const char *inputs[2] = { NULL, NULL };
  gsize text_bytes, file_size;
  guint n_claims = 0;
  double t0, t1, t2, t3, c0, c1;
  GStatBuf st;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  if (open_path != NULL)
    return measure_open (open_path);

  if (export_path != NULL)
    {
      g_autoptr (GFile) export_file = g_file_new_for_commandline_arg (export_path);
      g_autofree char *export_dir = g_path_get_dirname (export_path);

      project = crb_project_load (export_file, NULL, &error);
      if (project == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      bench_exports (project, export_dir, only_format);
      return 0;
    }

  dir = keep_dir ? g_strdup (keep_dir) : g_dir_make_tmp ("crb-bench-XXXXXX", NULL);
  g_mkdir_with_parents (dir, 0755);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  if (samples_dir != NULL)
    {
      corpus = generate_sample_corpus (dir, samples_dir, n_articles, &n_stories, &text_bytes);
      printf ("corroborate %s, bench-project: the articles of %s, %d stories\n", PACKAGE_VERSION,
              samples_dir, n_stories);
    }
  else
    {
      printf ("corroborate %s, bench-project: %d articles in %d stories\n", PACKAGE_VERSION, n_articles, n_stories);
      corpus = generate_corpus (dir, n_articles, n_stories, &text_bytes);
    }
  printf ("corpus: %.1f MB of article text\n", text_bytes / 1e6);
  if (corpus_only)
    return 0;

  /* What `corroborate-cli new` does: read and check the articles, then
   * story by story (in parallel) extract, align, write aside and free;
   * the save puts the file together.
   */
  t0 = crb_bench_now ();
  c0 = cpu_seconds ();
  inputs[0] = corpus;
  items = crb_import_scan (inputs, CRB_IMPORT_NONE, warnings, NULL, &error);
  g_assert_no_error (error);
  t1 = crb_bench_now ();
  printf ("read and check the articles: %.2f s\n", t1 - t0);
  project_path = g_build_filename (dir, "bench.crb", NULL);
  file = g_file_new_for_path (project_path);
  project = crb_project_new ("Benchmark");
  crb_project_import_scanned (project, items, "Loose", CRB_EXTRACT_DEFAULT_THRESHOLD, NULL, 0, file, NULL, &error);
  g_assert_no_error (error);
  t2 = crb_bench_now ();
  crb_project_save (project, file, NULL, &error);
  g_assert_no_error (error);
  t3 = crb_bench_now ();
  c1 = cpu_seconds ();
  g_clear_pointer (&items, g_ptr_array_unref);
  for (guint i = 0; i < g_list_model_get_n_items (crb_project_get_stories (project)); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (crb_project_get_stories (project), i);
      n_claims += crb_story_get_n_claims (story);
    }
  g_stat (project_path, &st);
  file_size = st.st_size;
  printf ("extract + align + write aside (%s threads): %.2f s, %.1f MB/s, %u claims\n",
          g_getenv ("CORROBORATE_THREADS") ? g_getenv ("CORROBORATE_THREADS") : "default",
          t2 - t1, text_bytes / 1e6 / (t2 - t1), n_claims);
  printf ("save (header, then the lines written aside): %.2f s, file %.1f MB\n", t3 - t2, file_size / 1e6);
  printf ("new, all in all: %.2f s, CPU %.2f s, peak memory %.1f MB\n", t3 - t0, c1 - c0,
          crb_bench_peak_rss_kb () / 1024.0);
  fflush (stdout);
  g_clear_object (&project);

  /* Open in a fresh process. */
  {
    g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
    const char *child[] = { self, "--open", project_path, NULL };
    int status;

    fflush (stdout);
    g_spawn_sync (NULL, (char **) child, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                  NULL, NULL, &status, &error);
    g_assert_no_error (error);
  }
  if (new_only)
    goto out;

  /* One decision made durable (journal written and synced), 200 times. */
  project = crb_project_load (file, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 200; i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (crb_project_get_stories (project), (i * 37) % n_stories);
      g_autoptr (CrbDecision) decision = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
      g_autoptr (CrbClaim) claim = NULL;
      double t;

      crb_story_ensure_loaded (story, &error);
      g_assert_no_error (error);
      claim = g_list_model_get_item (crb_story_get_claims (story), i % crb_story_get_n_claims (story));
      t0 = crb_bench_now ();
      crb_project_decide (project, crb_claim_get_id (claim), decision, &error);
      crb_project_sync_journal (project, &error);
      g_assert_no_error (error);
      t = (crb_bench_now () - t0) * 1000;
      g_array_append_val (durable, t);
    }
  g_array_sort (durable, crb_bench_compare_double);
  printf ("decision durable (decide + journal fdatasync): median %.2f ms, p99 %.2f ms, max %.2f ms\n",
          g_array_index (durable, double, durable->len / 2),
          g_array_index (durable, double, durable->len * 99 / 100),
          g_array_index (durable, double, durable->len - 1));

  t0 = crb_bench_now ();
  crb_project_save (project, NULL, NULL, &error);
  g_assert_no_error (error);
  t1 = crb_bench_now ();
  printf ("save after 200 decisions in %u stories (others copied): %.3f s\n", MIN (200, n_stories), t1 - t0);
  g_clear_object (&project);

  /* Export every claim, pending included. */
  project = crb_project_load (file, NULL, &error);
  g_assert_no_error (error);
  bench_exports (project, dir, only_format);
  g_clear_object (&project);

out:
  if (keep_dir == NULL)
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", dir);
      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", dir);
    }

  return 0;
}
