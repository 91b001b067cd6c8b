/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * bench-align: the time to align one story.
 *
 *   bench-align [--articles N --claims M] [--runs R] [--seed S] [--dump FILE]
 *   bench-align --scale [--claims M] [--runs R] [--seed S]
 *
 * Builds synthetic stories (default: 5×40, 20×200 and 50×200 articles ×
 * claims per article) whose articles retell a shared set of facts in
 * varied words with varied figures, among sentences of their own, and
 * prints the median time of crb_align_story() over the runs, wall and
 * CPU.  Prints figures; asserts nothing.  The targets: 20×200 under
 * 200 ms; 100×200 under 1 s of CPU, 400×200 under 5 s.
 *
 * Each line also says how the facts found compare with the facts the
 * generator retold: of the pairs of claims of different articles put in
 * one fact, the share that retell one fact (precision), and of the pairs
 * that retell one fact, the share put in one (recall).  A claim that
 * retells no fact is a fact of its own; but claims of different facts
 * may share a figure and names, so precision below 1 is not all error.
 *
 * --scale prints a table for 5, 10, 20, 50, 100, 200 and 400 articles
 * of M claims (default 200): the CPU time, its growth per doubling of
 * the story from the row before, links, facts, the claims a limit of big
 * stories applied to, the links summarized, and the peak memory so far.
 *
 * --dump writes every link (ends, relation, score, reasons, manual) and
 * every fact of the last run to FILE, so that a change meant to make
 * alignment faster can show, with cmp, that it changes nothing else.
 */
#include "config.h"

#include <math.h>
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

/* @truth: for each claim, in story order, the fact it retells, or -1 */
static CrbStory *
make_story (guint   n_articles,
            guint   n_claims,
            guint   seed,
            GArray *truth)
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
          int retells = retold ? (int) fact : -1;

          g_array_append_val (truth, retells);

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

/* n (n − 1) / 2 less the pairs within one article: @per_article counts
 * the members of each article */
static double
pairs_across (GHashTable *per_article,
              guint       n)
{
  GHashTableIter iter;
  gpointer value;
  double pairs = (double) n * (n - 1) / 2;

  g_hash_table_iter_init (&iter, per_article);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    pairs -= (double) GPOINTER_TO_UINT (value) * (GPOINTER_TO_UINT (value) - 1) / 2;
  return pairs;
}

static void
count_in (GHashTable *table,
          gpointer    key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_insert (table, key, GUINT_TO_POINTER (n + 1));
}

/* Pairs precision and recall of the facts found against @truth. */
static void
measure_facts (CrbStory     *story,
               CrbAlignment *alignment,
               GArray       *truth,
               double       *precision,
               double       *recall)
{
  GListModel *claims = crb_story_get_claims (story);
  g_autoptr (GHashTable) index_of = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) truth_size = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) truth_articles = g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                                                 NULL, (GDestroyNotify) g_hash_table_unref);
  double found = 0, right = 0, told = 0;

  for (guint k = 0; k < g_list_model_get_n_items (claims); k++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, k);
      int fact = g_array_index (truth, int, k);
      GHashTable *per_article;

      g_hash_table_insert (index_of, (char *) crb_claim_get_id (claim), GUINT_TO_POINTER (k));
      if (fact < 0)
        continue;
      count_in (truth_size, GINT_TO_POINTER (fact + 1));
      per_article = g_hash_table_lookup (truth_articles, GINT_TO_POINTER (fact + 1));
      if (per_article == NULL)
        {
          per_article = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (truth_articles, GINT_TO_POINTER (fact + 1), per_article);
        }
      count_in (per_article, (char *) crb_claim_get_article_id (claim));
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, truth_size);
    while (g_hash_table_iter_next (&iter, &key, &value))
      told += pairs_across (g_hash_table_lookup (truth_articles, key), GPOINTER_TO_UINT (value));
  }
  for (guint f = 0; f < alignment->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, f);
      g_autoptr (GHashTable) per_article = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GHashTable) per_fact = g_hash_table_new (g_direct_hash, g_direct_equal);
      g_autoptr (GHashTable) per_fact_article =
        g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, (GDestroyNotify) g_hash_table_unref);
      GHashTableIter iter;
      gpointer key, value;
      guint n = 0;

      for (guint k = 0; fact->claims[k]; k++)
        {
          guint index = GPOINTER_TO_UINT (g_hash_table_lookup (index_of, fact->claims[k]));
          CrbClaim *claim = crb_story_lookup_claim (story, fact->claims[k]);
          char *article = (char *) crb_claim_get_article_id (claim);
          int told_fact = g_array_index (truth, int, index);
          GHashTable *pa;

          n++;
          count_in (per_article, article);
          if (told_fact < 0)
            continue;
          count_in (per_fact, GINT_TO_POINTER (told_fact + 1));
          pa = g_hash_table_lookup (per_fact_article, GINT_TO_POINTER (told_fact + 1));
          if (pa == NULL)
            {
              pa = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (per_fact_article, GINT_TO_POINTER (told_fact + 1), pa);
            }
          count_in (pa, article);
        }
      found += pairs_across (per_article, n);
      g_hash_table_iter_init (&iter, per_fact);
      while (g_hash_table_iter_next (&iter, &key, &value))
        right += pairs_across (g_hash_table_lookup (per_fact_article, key),
                               GPOINTER_TO_UINT (value));
    }
  *precision = found > 0 ? right / found : 1;
  *recall = told > 0 ? right / told : 1;
}

typedef struct
{
  double cpu_ms;
  guint  n_claims, n_links, n_conflicts, n_facts, n_capped, n_summarized;
} Figures;

static void
run (guint    n_articles,
     guint    n_claims,
     guint    runs,
     guint    seed,
     FILE    *out,
     Figures *figures)
{
  g_autoptr (GArray) truth = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr (CrbStory) story = make_story (n_articles, n_claims, seed, truth);
  g_autoptr (GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr (GArray) cpu = g_array_new (FALSE, FALSE, sizeof (double));
  guint n_links = 0, n_facts = 0, n_conflicts = 0, n_capped = 0, n_summarized = 0;
  double precision = 0, recall = 0;

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
      n_capped = alignment->n_capped;
      n_summarized = alignment->n_links_summarized;
      n_conflicts = 0;
      for (guint l = 0; l < alignment->links->len; l++)
        n_conflicts += ((CrbLink *) g_ptr_array_index (alignment->links, l))->relation == CRB_RELATION_CONFLICTS;
      if (k == runs - 1)
        measure_facts (story, alignment, truth, &precision, &recall);
    }
  g_array_sort (times, crb_bench_compare_double);
  g_array_sort (cpu, crb_bench_compare_double);
  if (figures != NULL)
    {
      Figures f = { g_array_index (cpu, double, cpu->len / 2), n_articles * n_claims, n_links,
                    n_conflicts, n_facts, n_capped, n_summarized };

      *figures = f;
      return;
    }
  printf ("%3u articles × %3u claims = %6u claims: median %7.1f ms (min %.1f, max %.1f; "
          "CPU median %.1f ms; %u runs); %u links (%u conflicts), %u facts; "
          "facts against the generator's: precision %.3f, recall %.3f\n",
          n_articles, n_claims, n_articles * n_claims,
          g_array_index (times, double, times->len / 2), g_array_index (times, double, 0),
          g_array_index (times, double, times->len - 1), g_array_index (cpu, double, cpu->len / 2),
          runs, n_links, n_conflicts, n_facts, precision, recall);
}

/* The CPU time from 5 to 400 articles, and its growth. */
static void
scale (guint n_claims,
       guint runs,
       guint seed)
{
  static const guint sizes[] = { 5, 10, 20, 50, 100, 200, 400 };
  Figures before = { 0 };

  printf ("| articles × claims | claims | CPU (median of %u) | growth per doubling | links "
          "| conflicts | facts | claims capped | links summarized | peak memory so far |\n", runs);
  printf ("|---|---|---|---|---|---|---|---|---|---|\n");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      Figures f;
      g_autofree char *growth = NULL;

      run (sizes[s], n_claims, runs, seed, NULL, &f);
      if (s > 0)
        growth = g_strdup_printf ("%.2f×", pow (f.cpu_ms / before.cpu_ms,
                                                1 / log2 ((double) f.n_claims / before.n_claims)));
      printf ("| %u × %u | %u | %.0f ms | %s | %u | %u | %u | %u | %u | %.0f MB |\n",
              sizes[s], n_claims, f.n_claims, f.cpu_ms, growth != NULL ? growth : "", f.n_links,
              f.n_conflicts, f.n_facts, f.n_capped, f.n_summarized,
              crb_bench_peak_rss_kb () / 1024.0);
      fflush (stdout);
      before = f;
    }
}

int
main (int   argc,
      char *argv[])
{
  int n_articles = 0, n_claims = 0, runs = 5, seed = 20240322;
  gboolean scaling = FALSE;
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
    { "scale", 0, 0, G_OPTION_ARG_NONE, &scaling, "Print the scaling table, 5 to 400 articles",
      NULL },
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
  if (scaling)
    scale (n_claims > 0 ? n_claims : 200, runs, seed);
  else if (n_articles > 0 && n_claims > 0)
    run (n_articles, n_claims, runs, seed, out, NULL);
  else
    {
      run (5, 40, runs, seed, out, NULL);
      run (20, 200, runs, seed, out, NULL);
      run (50, 200, runs, seed, out, NULL);
    }
  if (out != NULL && fclose (out) != 0)
    {
      g_printerr ("bench-align: cannot write %s\n", dump_path);
      return 2;
    }
  return 0;
}
