/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-align: the time to align one story.
 *
 *   bench-align [--articles N --claims M] [--runs R] [--seed S] [--dump FILE]
 *
 * Builds synthetic stories (default: 5×40, 20×200 and 50×200 articles ×
 * claims per article) whose articles retell a shared set of facts in
 * varied words with varied figures, among sentences of their own, and
 * prints the median time of crb_align_story() over the runs.  Prints
 * figures; asserts nothing.  The target: 20×200 under 200 ms.
 *
 * --dump writes every link (ends, relation, score, reasons, manual) and
 * every fact of the last run to FILE, so that a change meant to make
 * alignment faster can show, with cmp, that it changes nothing else.
 */
#include "config.h"

#include <stdio.h>
#include <sys/resource.h>

#include "crb-align.h"
#include "crb-bench-utils.h"
#include "crb-story.h"

static const char * const kinds[] = { "killed", "injured", "detained", "missing", "percent", NULL };
static const char * const qualifiers[] = { "exact", "at-least", "more-than", "about" };

static char *
make_word (GRand *r)
{
  static const char * const syl[] = {
    "ka", "lo", "mer", "dan", "ri", "vel", "to", "sa", "bru", "nik", "po", "sta", "te",
    "gor", "li", "am", "ven", "shi", "du", "ral",
  };
  GString *w = g_string_new (NULL);
  guint n = g_rand_int_range (r, 2, 4);

  for (guint k = 0; k < n; k++)
    g_string_append (w, syl[g_rand_int_range (r, 0, G_N_ELEMENTS (syl))]);
  return g_string_free (w, FALSE);
}

static CrbStory *
make_story (guint n_articles,
            guint n_claims,
            guint seed)
{
  g_autoptr (GRand) r = g_rand_new_with_seed (seed);
  g_autoptr (GPtrArray) vocab = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint n_facts = MAX (10, n_claims / 2);
  g_autofree guint *fact_words = NULL;
  CrbStory *story = crb_story_new ("bench", "Bench");

  for (guint k = 0; k < 4000; k++)
    g_ptr_array_add (vocab, make_word (r));
  for (guint k = 0; k < 300; k++)
    {
      g_autofree char *w = make_word (r);

      g_ptr_array_add (names, g_strdup_printf ("%c%s", g_ascii_toupper (w[0]), w + 1));
    }
  /* each fact: 10 words of its own */
  fact_words = g_new (guint, n_facts * 10);
  for (guint k = 0; k < n_facts * 10; k++)
    fact_words[k] = g_rand_int_range (r, 0, vocab->len);

  for (guint a = 0; a < n_articles; a++)
    {
      g_autofree char *id = g_strdup_printf ("a%03u", a);
      g_autofree char *outlet = g_strdup_printf ("Outlet %u", a % 30);
      g_autofree char *date = g_strdup_printf ("2024-03-%02u", 23 + a % 5);
      g_autoptr (CrbArticle) article = crb_article_new (id, "(synthetic)");

      crb_article_set_outlet (article, outlet);
      crb_article_set_date (article, date);
      crb_story_add_article (story, article);

      for (guint c = 0; c < n_claims; c++)
        {
          g_autofree char *cid = g_strdup_printf ("%s:%u", id, c + 1);
          g_autoptr (GString) text = g_string_new (NULL);
          g_autoptr (CrbClaim) claim = NULL;
          g_autoptr (JsonBuilder) b = json_builder_new ();
          g_autoptr (JsonNode) values = NULL;
          gboolean retold = g_rand_int_range (r, 0, 3) > 0;
          guint fact = g_rand_int_range (r, 0, n_facts);
          guint n_words = g_rand_int_range (r, 12, 25);
          const char *kind = kinds[fact % G_N_ELEMENTS (kinds)];

          for (guint w = 0; w < n_words; w++)
            {
              guint word = retold && g_rand_int_range (r, 0, 3) > 0 ?
                           fact_words[fact * 10 + g_rand_int_range (r, 0, 10)] :
                           (guint) g_rand_int_range (r, 0, vocab->len);

              g_string_append_printf (text, "%s%s", w ? " " : "",
                                      (char *) g_ptr_array_index (vocab, word));
            }
          g_string_append (text, ", the the of said.");

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "quantities");
          json_builder_begin_array (b);
          if (kind != NULL && g_rand_int_range (r, 0, 2))
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "value");
              json_builder_add_int_value (b, 100 + fact + g_rand_int_range (r, 0, 3) * 10);
              json_builder_set_member_name (b, "qualifier");
              json_builder_add_string_value (b, qualifiers[g_rand_int_range (r, 0, 4)]);
              json_builder_set_member_name (b, "unit");
              json_builder_add_string_value (b, kind);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_set_member_name (b, "dates");
          json_builder_begin_array (b);
          json_builder_end_array (b);
          json_builder_set_member_name (b, "entities");
          json_builder_begin_array (b);
          for (guint e = 0; e < 2; e++)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "text");
              json_builder_add_string_value (b, g_ptr_array_index (names, (retold ? fact * 7 + e : (guint) g_rand_int_range (r, 0, 300)) % 300));
              json_builder_set_member_name (b, "type");
              json_builder_add_string_value (b, e ? "place" : "person");
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          json_builder_end_object (b);
          values = json_builder_get_root (b);

          claim = crb_claim_new (cid, id, c * 200, c * 200 + text->len, text->str);
          crb_claim_set_kind (claim, "quantity");
          crb_claim_set_score (claim, g_rand_double (r));
          /* As the pipeline gives them: compact text (extraction and
           * project files both hand over text, not a tree).
           */
          {
            g_autofree char *values_text = json_to_string (values, FALSE);
            crb_claim_set_values_json (claim, values_text, -1);
          }
          crb_story_add_claim (story, claim);
        }
    }
  return story;
}

static double
cpu_ms (void)
{
  struct rusage u;

  getrusage (RUSAGE_SELF, &u);
  return (u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000.0 +
         (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000.0;
}

static void
run (guint  n_articles,
     guint  n_claims,
     guint  runs,
     guint  seed,
     FILE  *out)
{
  g_autoptr (CrbStory) story = make_story (n_articles, n_claims, seed);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_links = 0, n_facts = 0, n_conflicts = 0;

  for (guint k = 0; k < runs; k++)
    {
      double cpu_start = cpu_ms ();
      gint64 start = g_get_monotonic_time ();
      g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
      double ms = (g_get_monotonic_time () - start) / 1000.0;
      double cpu_used = cpu_ms () - cpu_start;

      g_array_append_val (times, ms);
      g_array_append_val (cpu, cpu_used);
      if (out != NULL && k == runs - 1)
        {
          fprintf (out, "story %u × %u\n", n_articles, n_claims);
          crb_bench_dump_alignment (out, alignment);
        }
      n_links = alignment->links->len;
      n_facts = alignment->facts->len;
      n_conflicts = 0;
      for (guint l = 0; l < alignment->links->len; l++)
        n_conflicts += ((CrbLink *) g_ptr_array_index (alignment->links, l))->relation == CRB_RELATION_CONFLICTS;
    }
  g_array_sort (times, crb_bench_compare_double);
  g_array_sort (cpu, crb_bench_compare_double);
  printf ("%3u articles × %3u claims = %6u claims: median %7.1f ms (min %.1f, max %.1f; CPU median %.1f ms; "
          "%u runs); %u links (%u conflicts), %u facts\n",
          n_articles, n_claims, n_articles * n_claims,
          g_array_index (times, double, times->len / 2), g_array_index (times, double, 0),
          g_array_index (times, double, times->len - 1), g_array_index (cpu, double, cpu->len / 2),
          runs, n_links, n_conflicts, n_facts);
}

int
main (int   argc,
      char *argv[])
{
  int n_articles = 0, n_claims = 0, runs = 5, seed = 20240322;
  g_autofree char *dump_path = NULL;
  FILE *out = NULL;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  GOptionEntry entries[] = {
    { "articles", 0, 0, G_OPTION_ARG_INT, &n_articles, "Articles in the story", "N" },
    { "claims", 0, 0, G_OPTION_ARG_INT, &n_claims, "Claims per article", "M" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &runs, "Runs per size (median printed)", "R" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed of the synthetic stories", "S" },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump_path, "Write the links and facts to FILE", "FILE" },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("bench-align: %s\n", error->message);
      return 2;
    }
  runs = MAX (runs, 1);
  if (dump_path != NULL && (out = fopen (dump_path, "w")) == NULL)
    {
      g_printerr ("bench-align: cannot write %s\n", dump_path);
      return 2;
    }
  if (n_articles > 0 && n_claims > 0)
    run (n_articles, n_claims, runs, seed, out);
  else
    {
      run (5, 40, runs, seed, out);
      run (20, 200, runs, seed, out);
      run (50, 200, runs, seed, out);
    }
  if (out != NULL && fclose (out) != 0)
    {
      g_printerr ("bench-align: cannot write %s\n", dump_path);
      return 2;
    }
  return 0;
}
