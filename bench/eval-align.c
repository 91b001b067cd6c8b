/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * eval-align: the quality of cross-article alignment against gold facts.
 *
 *   eval-align [--gold FILE] [--samples DIR] [--threshold X] [--verbose] [--dump FILE]
 *              [--copies N]
 *
 * Imports each story of the gold file with the real pipeline (import,
 * extraction at the default threshold), aligns it, finds the gold claims
 * by quote or offset, and prints precision and recall of:
 *
 *   links      pairs of claims of different articles put in one fact
 *              (predicted facts against gold facts; claims the gold file
 *              does not name are facts of their own)
 *   conflicts  claims flagged as contested (with a conflicting link)
 *
 * The gold format is described in docs/alignment.md.  --dump writes each
 * story's links and facts, scores to the last bit, to FILE.
 *
 * --copies N also makes of each story a big one, its articles repeated N
 * times with other ids (and outlets), aligns it and prints the same
 * figures against the gold facts of the copies (the copies of a claim
 * are one fact with it; an unlabelled claim's copies are a fact of their
 * own), and how many facts of the story alone it finds as they are: the
 * copies of their claims, and nothing else.  With --vary, each claim of a
 * copy ends with a word of its own: no claim repeats another word for
 * word, and the limits of big stories apply.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "crb-align.h"
#include "crb-bench-utils.h"
#include "crb-import.h"
#include "crb-extract.h"
#include "crb-project.h"
#include "crb-text.h"

typedef struct
{
  guint tp, fp, fn;
} Counts;

static gboolean verbose;
static FILE *dump_out;
static int n_copies;
static gboolean vary;

static double
ratio (guint a,
       guint b)
{
  return b == 0 ? 1.0 : (double) a / b;
}

static void
print_counts (const char *what,
              Counts     *c)
{
  printf ("  %-10s precision %.3f  recall %.3f  (tp %u, fp %u, fn %u)\n", what,
          ratio (c->tp, c->tp + c->fp), ratio (c->tp, c->tp + c->fn), c->tp, c->fp, c->fn);
}

/* "ARTICLE@N" (a code point inside the claim) or "ARTICLE: quote". */
static CrbClaim *
resolve (CrbStory   *story,
         const char *ref)
{
  g_autofree char *article_id = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  const char *at = strchr (ref, '@');
  const char *colon = strstr (ref, ": ");
  CrbArticle *article;
  glong offset = -1;

  if (colon != NULL && (at == NULL || colon < at))
    {
      const char *text, *hit;

      article_id = g_strndup (ref, colon - ref);
      article = crb_story_lookup_article (story, article_id);
      if (article == NULL)
        return NULL;
      text = crb_article_get_text (article);
      hit = strstr (text, colon + 2);
      if (hit == NULL)
        {
          g_printerr ("eval-align: quote not found: %s\n", ref);
          return NULL;
        }
      offset = g_utf8_pointer_to_offset (text, hit);
    }
  else if (at != NULL)
    {
      article_id = g_strndup (ref, at - ref);
      offset = g_ascii_strtoll (at + 1, NULL, 10);
    }
  else
    return NULL;

  claims = crb_story_dup_article_claims (story, article_id);
  for (guint k = 0; claims && k < claims->len; k++)
    {
      CrbClaim *claim = g_ptr_array_index (claims, k);

      if (offset >= crb_claim_get_start (claim) && offset < crb_claim_get_end (claim))
        return claim;
    }
  return NULL;
}

static char *
key (const char *a,
     const char *b)
{
  return strcmp (a, b) < 0 ? g_strconcat (a, "\n", b, NULL) : g_strconcat (b, "\n", a, NULL);
}

static const char *
article_of (CrbStory   *story,
            const char *claim_id)
{
  return crb_claim_get_article_id (crb_story_lookup_claim (story, claim_id));
}

static void
show_claim (CrbStory   *story,
            const char *id)
{
  CrbClaim *claim = crb_story_lookup_claim (story, id);

  printf ("      %s: %.100s\n", id, claim ? crb_claim_get_text (claim) : "?");
}

static void
evaluate_story (CrbStory   *story,
                JsonObject *gold,
                Counts     *links,
                Counts     *conflicts,
                Counts     *direct,
                guint      *unresolved)
{
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
  g_autoptr (GHashTable) gold_fact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) gold_pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) gold_flag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) pred_pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) pred_flag = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *facts = json_object_get_array_member (gold, "facts");
  Counts l = { 0 }, c = { 0 }, d = { 0 };

  if (dump_out != NULL)
    {
      fprintf (dump_out, "story %s\n", crb_story_get_title (story));
      crb_bench_dump_alignment (dump_out, alignment);
    }

  for (guint f = 0; f < json_array_get_length (facts); f++)
    {
      JsonObject *fact = json_array_get_object_element (facts, f);
      JsonArray *refs = json_object_get_array_member (fact, "claims");
      JsonArray *conf = json_object_has_member (fact, "conflicts") ?
                        json_object_get_array_member (fact, "conflicts") : NULL;
      guint n = json_array_get_length (refs);
      g_autofree CrbClaim **claims = g_new0 (CrbClaim *, n);

      for (guint k = 0; k < n; k++)
        {
          const char *ref = json_array_get_string_element (refs, k);

          claims[k] = resolve (story, ref);
          if (claims[k] == NULL)
            {
              (*unresolved)++;
              if (verbose)
                printf ("    unresolved (not a claim at this threshold): %s\n", ref);
              continue;
            }
          g_hash_table_insert (gold_fact, g_strdup (crb_claim_get_id (claims[k])), GUINT_TO_POINTER (f + 1));
        }
      for (guint k = 0; k < n; k++)
        for (guint m = k + 1; m < n; m++)
          if (claims[k] && claims[m] &&
              g_strcmp0 (crb_claim_get_article_id (claims[k]), crb_claim_get_article_id (claims[m])) != 0)
            g_hash_table_add (gold_pairs, key (crb_claim_get_id (claims[k]), crb_claim_get_id (claims[m])));
      for (guint k = 0; conf && k < json_array_get_length (conf); k++)
        {
          JsonArray *pair = json_array_get_array_element (conf, k);
          guint x = json_array_get_int_element (pair, 0), y = json_array_get_int_element (pair, 1);

          if (x < n && y < n && claims[x] && claims[y])
            {
              g_hash_table_add (gold_flag, g_strdup (crb_claim_get_id (claims[x])));
              g_hash_table_add (gold_flag, g_strdup (crb_claim_get_id (claims[y])));
            }
        }
    }

  /* predicted pairs: every two claims of different articles in one fact */
  for (guint f = 0; f < alignment->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, f);

      for (guint k = 0; fact->claims[k]; k++)
        for (guint m = k + 1; fact->claims[m]; m++)
          if (g_strcmp0 (article_of (story, fact->claims[k]), article_of (story, fact->claims[m])) != 0)
            g_hash_table_add (pred_pairs, key (fact->claims[k], fact->claims[m]));
    }
  for (guint k = 0; k < alignment->links->len; k++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, k);
      g_autofree char *pk = key (link->a, link->b);

      if (link->relation == CRB_RELATION_RELATED)
        continue;
      if (g_hash_table_contains (gold_pairs, pk))
        d.tp++;
      else
        d.fp++;
      if (link->relation == CRB_RELATION_CONFLICTS)
        {
          g_hash_table_add (pred_flag, link->a);
          g_hash_table_add (pred_flag, link->b);
        }
    }

  {
    GHashTableIter iter;
    gpointer k;

    g_hash_table_iter_init (&iter, pred_pairs);
    while (g_hash_table_iter_next (&iter, &k, NULL))
      if (g_hash_table_contains (gold_pairs, k))
        l.tp++;
      else
        l.fp++;
    l.fn = g_hash_table_size (gold_pairs) - l.tp;
    d.fn = g_hash_table_size (gold_pairs) - d.tp;

    g_hash_table_iter_init (&iter, pred_flag);
    while (g_hash_table_iter_next (&iter, &k, NULL))
      if (g_hash_table_contains (gold_flag, k))
        c.tp++;
      else
        c.fp++;
    c.fn = g_hash_table_size (gold_flag) - c.tp;
  }

  printf ("%s: %u articles, %u claims, %u links, %u facts\n", crb_story_get_title (story),
          crb_story_get_n_articles (story), crb_story_get_n_claims (story),
          alignment->links->len, alignment->facts->len);
  print_counts ("links", &l);
  print_counts ("conflicts", &c);

  if (verbose)
    {
      for (guint k = 0; k < alignment->links->len; k++)
        {
          CrbLink *link = g_ptr_array_index (alignment->links, k);
          g_autofree char *pk = key (link->a, link->b);
          g_autofree char *why = g_strjoinv ("; ", link->why);
          const char *mark = link->relation == CRB_RELATION_RELATED ? " " :
                             g_hash_table_contains (gold_pairs, pk) ? "+" : "-";

          printf ("  %s %-9s %.2f  %s\n", mark, crb_relation_to_string (link->relation), link->score, why);
          show_claim (story, link->a);
          show_claim (story, link->b);
        }
      {
        GHashTableIter iter;
        gpointer k;

        g_hash_table_iter_init (&iter, gold_pairs);
        while (g_hash_table_iter_next (&iter, &k, NULL))
          if (!g_hash_table_contains (pred_pairs, k))
            {
              g_auto (GStrv) ids = g_strsplit (k, "\n", 2);

              printf ("  missed:\n");
              show_claim (story, ids[0]);
              show_claim (story, ids[1]);
            }
        g_hash_table_iter_init (&iter, gold_flag);
        while (g_hash_table_iter_next (&iter, &k, NULL))
          if (!g_hash_table_contains (pred_flag, k))
            {
              printf ("  conflict not flagged:\n");
              show_claim (story, k);
            }
      }
    }

  links->tp += l.tp, links->fp += l.fp, links->fn += l.fn;
  conflicts->tp += c.tp, conflicts->fp += c.fp, conflicts->fn += c.fn;
  direct->tp += d.tp, direct->fp += d.fp, direct->fn += d.fn;
}

/* The id of the claim @id copies: the part before its last "~". */
static char *
original_of (const char *id)
{
  const char *tilde = strrchr (id, '~');

  return tilde != NULL ? g_strndup (id, tilde - id) : g_strdup (id);
}

/* Pairs of claims of different articles in a group of claims, from the
 * size of the group and its members per article. */
static guint64
pairs_across (guint       size,
              GHashTable *per_article)
{
  guint64 n = (guint64) size * (size - 1) / 2;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, per_article);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n -= (guint64) GPOINTER_TO_UINT (value) * (GPOINTER_TO_UINT (value) - 1) / 2;
  return n;
}

static void
count_in (GHashTable *table,
          gpointer    key)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (table, key));

  g_hash_table_insert (table, key, GUINT_TO_POINTER (n + 1));
}

typedef struct
{
  guint64 tp, fp, fn;
} BigCounts;

static void
print_big_counts (const char      *what,
                  const BigCounts *c)
{
  printf ("  ×%u %-10s precision %.3f  recall %.3f  (tp %" G_GUINT64_FORMAT ", fp %"
          G_GUINT64_FORMAT ", fn %" G_GUINT64_FORMAT ")\n", n_copies, what,
          c->tp + c->fp ? (double) c->tp / (c->tp + c->fp) : 1.0,
          c->tp + c->fn ? (double) c->tp / (c->tp + c->fn) : 1.0, c->tp, c->fp, c->fn);
}

/* The story @story made big with n_copies copies, aligned, against the
 * gold facts of @gold copied alike. */
static void
evaluate_copies (CrbStory     *story,
                 CrbAlignment *alone,
                 JsonObject   *gold,
                 BigCounts    *links,
                 BigCounts    *conflicts,
                 guint        *facts_same,
                 guint        *facts_all)
{
  g_autoptr (CrbStory) big = crb_bench_story_copies (story, n_copies, vary);
  g_autoptr (CrbAlignment) alignment = NULL;
  /* original claim id → its gold key: "g<fact index>", or itself when no
   * gold fact names it */
  g_autoptr (GHashTable) gold_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr (GHashTable) gold_flag = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) pred_flag = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) gold_size = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) gold_per_article =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_autoptr (GHashTable) alone_fact = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonArray *facts = json_object_get_array_member (gold, "facts");
  GListModel *claims = crb_story_get_claims (big);
  BigCounts l = { 0 }, c = { 0 };
  guint64 gold_pairs = 0;
  guint same = 0;
  double cpu;

  for (guint f = 0; f < json_array_get_length (facts); f++)
    {
      JsonObject *fact = json_array_get_object_element (facts, f);
      JsonArray *refs = json_object_get_array_member (fact, "claims");
      JsonArray *conf = json_object_has_member (fact, "conflicts") ?
                        json_object_get_array_member (fact, "conflicts") : NULL;
      guint n = json_array_get_length (refs);
      g_autofree CrbClaim **resolved = g_new0 (CrbClaim *, n);

      for (guint k = 0; k < n; k++)
        {
          resolved[k] = resolve (story, json_array_get_string_element (refs, k));
          if (resolved[k] != NULL)
            g_hash_table_insert (gold_of, g_strdup (crb_claim_get_id (resolved[k])),
                                 g_strdup_printf ("g%u", f));
        }
      for (guint k = 0; conf && k < json_array_get_length (conf); k++)
        {
          JsonArray *pair = json_array_get_array_element (conf, k);
          guint x = json_array_get_int_element (pair, 0), y = json_array_get_int_element (pair, 1);

          if (x < n && y < n && resolved[x] && resolved[y])
            {
              g_hash_table_add (gold_flag, g_strdup (crb_claim_get_id (resolved[x])));
              g_hash_table_add (gold_flag, g_strdup (crb_claim_get_id (resolved[y])));
            }
        }
    }

  {
    double start = crb_bench_now ();

    alignment = crb_align_story (big, NULL, NULL);
    cpu = crb_bench_now () - start;
  }
  if (dump_out != NULL)
    {
      fprintf (dump_out, "story %s\n", crb_story_get_title (big));
      crb_bench_dump_alignment (dump_out, alignment);
    }

  /* gold groups: per key, its claims and their articles */
  for (guint k = 0; k < g_list_model_get_n_items (claims); k++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, k);
      g_autofree char *original = original_of (crb_claim_get_id (claim));
      const char *key = g_hash_table_lookup (gold_of, original);
      GHashTable *per_article;

      if (key == NULL)
        key = original;
      count_in (gold_size, g_strdup (key));
      per_article = g_hash_table_lookup (gold_per_article, key);
      if (per_article == NULL)
        {
          per_article = g_hash_table_new (g_str_hash, g_str_equal);
          g_hash_table_insert (gold_per_article, g_strdup (key), per_article);
        }
      count_in (per_article, (gpointer) crb_claim_get_article_id (claim));
    }
  {
    GHashTableIter iter;
    gpointer key, value;

    g_hash_table_iter_init (&iter, gold_size);
    while (g_hash_table_iter_next (&iter, &key, &value))
      gold_pairs += pairs_across (GPOINTER_TO_UINT (value),
                                  g_hash_table_lookup (gold_per_article, key));
  }

  /* predicted facts: their pairs, and those in one gold group */
  for (guint f = 0; f < alignment->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, f);
      g_autoptr (GHashTable) per_article = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GHashTable) per_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                              NULL);
      g_autoptr (GHashTable) per_key_article =
        g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
      guint size = g_strv_length (fact->claims);
      guint64 predicted, correct = 0;
      GHashTableIter iter;
      gpointer key, value;

      for (guint k = 0; fact->claims[k]; k++)
        {
          const char *article = article_of (big, fact->claims[k]);
          g_autofree char *original = original_of (fact->claims[k]);
          const char *gkey = g_hash_table_lookup (gold_of, original);
          GHashTable *pa;

          if (gkey == NULL)
            gkey = original;
          count_in (per_article, (gpointer) article);
          count_in (per_key, g_strdup (gkey));
          pa = g_hash_table_lookup (per_key_article, gkey);
          if (pa == NULL)
            {
              pa = g_hash_table_new (g_str_hash, g_str_equal);
              g_hash_table_insert (per_key_article, g_strdup (gkey), pa);
            }
          count_in (pa, (gpointer) article);
        }
      predicted = pairs_across (size, per_article);
      g_hash_table_iter_init (&iter, per_key);
      while (g_hash_table_iter_next (&iter, &key, &value))
        correct += pairs_across (GPOINTER_TO_UINT (value),
                                 g_hash_table_lookup (per_key_article, key));
      l.tp += correct;
      l.fp += predicted - correct;
    }
  l.fn = gold_pairs - l.tp;

  /* contested claims */
  for (guint k = 0; k < alignment->links->len; k++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, k);

      if (link->relation == CRB_RELATION_CONFLICTS)
        {
          g_hash_table_add (pred_flag, link->a);
          g_hash_table_add (pred_flag, link->b);
        }
    }
  {
    GHashTableIter iter;
    gpointer key;
    guint64 gold_flagged = 0;

    g_hash_table_iter_init (&iter, pred_flag);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        g_autofree char *original = original_of (key);

        if (g_hash_table_contains (gold_flag, original))
          c.tp++;
        else
          c.fp++;
      }
    for (guint k = 0; k < g_list_model_get_n_items (claims); k++)
      {
        g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, k);
        g_autofree char *original = original_of (crb_claim_get_id (claim));

        gold_flagged += g_hash_table_contains (gold_flag, original);
      }
    c.fn = gold_flagged - c.tp;
  }

  /* the facts of the story alone, found as they are: the big facts that
   * hold copies of a fact's claims hold nothing else, and they are one
   * (but for a single claim, whose copies may stand alone when a claim
   * is not the same fact as itself: one with no content words) */
  for (guint f = 0; f < alone->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alone->facts, f);

      for (guint k = 0; fact->claims[k]; k++)
        g_hash_table_insert (alone_fact, g_strdup (fact->claims[k]), GUINT_TO_POINTER (f + 1));
    }
  {
    /* per fact alone: the big fact + 1 that holds its copies, or
     * G_MAXUINT when several do */
    g_autofree guint *big_of = g_new0 (guint, alone->facts->len + 1);
    g_autofree guint8 *mixed = g_new0 (guint8, alone->facts->len + 1);

    for (guint f = 0; f < alignment->facts->len; f++)
      {
        CrbFact *fact = g_ptr_array_index (alignment->facts, f);
        g_autofree char *first = original_of (fact->claims[0]);
        guint of = GPOINTER_TO_UINT (g_hash_table_lookup (alone_fact, first));

        for (guint k = 0; fact->claims[k]; k++)
          {
            g_autofree char *original = original_of (fact->claims[k]);
            guint in = GPOINTER_TO_UINT (g_hash_table_lookup (alone_fact, original));

            if (in != of)
              mixed[in] = mixed[of] = 1;
            big_of[in] = big_of[in] == 0 || big_of[in] == f + 1 ? f + 1 : G_MAXUINT;
          }
      }
    for (guint f = 0; f < alone->facts->len; f++)
      {
        CrbFact *fact = g_ptr_array_index (alone->facts, f);
        gboolean as_alone = !mixed[f + 1] &&
                            (fact->claims[1] == NULL || big_of[f + 1] != G_MAXUINT);

        same += as_alone;
        if (verbose && !as_alone)
          {
            g_autofree char *members = g_strjoinv (" ", fact->claims);

            printf ("  ×%u: fact %s (%s) is not found as it is: %s\n", n_copies, fact->id, members,
                    mixed[f + 1] ? "its copies are with other claims"
                                 : "its copies are in several facts");
          }
      }
  }

  printf ("  ×%u: %u articles, %u claims, %.2f s, %u links, %u facts; "
          "%u of the %u facts of the story alone found as they are\n",
          n_copies, crb_story_get_n_articles (big), crb_story_get_n_claims (big), cpu,
          alignment->links->len, alignment->facts->len, same, alone->facts->len);
  print_big_counts ("links", &l);
  print_big_counts ("conflicts", &c);
  if (alignment->note != NULL && verbose)
    printf ("  note: %s\n", alignment->note);
  links->tp += l.tp, links->fp += l.fp, links->fn += l.fn;
  conflicts->tp += c.tp, conflicts->fp += c.fp, conflicts->fn += c.fn;
  *facts_same += same;
  *facts_all += alone->facts->len;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *gold_path = g_build_filename (CRB_SOURCE_ROOT, "tests", "data", "align-eval.jsonl", NULL);
  g_autofree char *samples = g_getenv ("CRB_SAMPLES_DIR") ?
                             g_strdup (g_getenv ("CRB_SAMPLES_DIR")) :
                             g_build_filename (CRB_SOURCE_ROOT, "..", "shared", "samples", NULL);
  double threshold = CRB_EXTRACT_DEFAULT_THRESHOLD;
  g_autoptr (GOptionContext) context = g_option_context_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autofree char *gold_dir = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (CrbProject) project = crb_project_new ("eval");
  g_autoptr (GHashTable) imported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *dump_path = NULL;
  Counts links = { 0 }, conflicts = { 0 }, direct = { 0 };
  BigCounts big_links = { 0 }, big_conflicts = { 0 };
  guint unresolved = 0, n_stories = 0, facts_same = 0, facts_all = 0;
  GOptionEntry entries[] = {
    { "gold", 0, 0, G_OPTION_ARG_FILENAME, &gold_path, "Gold file", "FILE" },
    { "samples", 0, 0, G_OPTION_ARG_FILENAME, &samples, "Folder of the shared samples", "DIR" },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, "Extraction threshold", "X" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every link and every miss", NULL },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump_path, "Write every link and fact to FILE", "FILE" },
    { "copies", 0, 0, G_OPTION_ARG_INT, &n_copies,
      "Also align each story made big: its articles N times", "N" },
    { "vary", 0, 0, G_OPTION_ARG_NONE, &vary,
      "With --copies, end each claim of a copy with a word of its own", NULL },
    { NULL },
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("eval-align: %s\n", error->message);
      return 2;
    }
  if (!g_file_get_contents (gold_path, &contents, NULL, &error))
    {
      g_printerr ("eval-align: %s\n", error->message);
      return 1;
    }
  if (dump_path != NULL && (dump_out = fopen (dump_path, "w")) == NULL)
    {
      g_printerr ("eval-align: cannot write %s\n", dump_path);
      return 1;
    }
  gold_dir = g_path_get_dirname (gold_path);
  lines = g_strsplit (contents, "\n", -1);

  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonObject *gold;
      const char *title, *input;
      g_autofree char *path = NULL;
      CrbStory *story;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, &error))
        {
          g_printerr ("eval-align: %s:%u: %s\n", gold_path, i + 1, error->message);
          return 1;
        }
      gold = json_node_get_object (json_parser_get_root (parser));
      title = json_object_get_string_member (gold, "story");
      input = json_object_get_string_member (gold, "input");
      if (g_str_has_prefix (input, "samples:"))
        path = g_build_filename (samples, input + strlen ("samples:"), NULL);
      else
        path = g_build_filename (gold_dir, input, NULL);

      if (!g_hash_table_contains (imported, path))
        {
          const char *paths[] = { path, NULL };
          g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
          g_autoptr (GPtrArray) items = crb_import_paths (paths, CRB_IMPORT_NONE, warnings, NULL, &error);

          if (items == NULL ||
              !crb_project_import (project, items, title, threshold, NULL, &error))
            {
              g_printerr ("eval-align: %s: %s\n", path, error->message);
              return 1;
            }
          g_hash_table_add (imported, g_strdup (path));
        }

      story = crb_project_find_story_by_title (project, title);
      if (story == NULL)
        {
          g_printerr ("eval-align: %s:%u: no story “%s”\n", gold_path, i + 1, title);
          return 1;
        }
      evaluate_story (story, gold, &links, &conflicts, &direct, &unresolved);
      if (n_copies > 1)
        {
          g_autoptr (CrbAlignment) alone = crb_align_story (story, NULL, NULL);

          evaluate_copies (story, alone, gold, &big_links, &big_conflicts, &facts_same, &facts_all);
        }
      n_stories++;
    }

  printf ("\nAll %u stories (extraction threshold %.2f; %u gold claims not proposed as claims):\n",
          n_stories, threshold, unresolved);
  print_counts ("links", &links);
  print_counts ("conflicts", &conflicts);
  print_counts ("direct", &direct);
  if (n_copies > 1)
    {
      printf ("\nThe same stories, each made of its articles %u times:\n", n_copies);
      printf ("  %-10s precision %.3f  recall %.3f\n", "links",
              (double) big_links.tp / MAX (big_links.tp + big_links.fp, 1),
              (double) big_links.tp / MAX (big_links.tp + big_links.fn, 1));
      printf ("  %-10s precision %.3f  recall %.3f\n", "conflicts",
              (double) big_conflicts.tp / MAX (big_conflicts.tp + big_conflicts.fp, 1),
              (double) big_conflicts.tp / MAX (big_conflicts.tp + big_conflicts.fn, 1));
      printf ("  facts of the stories alone found as they are: %u of %u\n", facts_same, facts_all);
    }
  if (dump_out != NULL && fclose (dump_out) != 0)
    {
      g_printerr ("eval-align: cannot write %s\n", dump_path);
      return 1;
    }
  return 0;
}
