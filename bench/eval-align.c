/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * eval-align: the quality of cross-article alignment against gold facts.
 *
 *   eval-align [--gold FILE] [--samples DIR] [--threshold X] [--verbose] [--dump FILE]
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
  guint unresolved = 0, n_stories = 0;
  GOptionEntry entries[] = {
    { "gold", 0, 0, G_OPTION_ARG_FILENAME, &gold_path, "Gold file", "FILE" },
    { "samples", 0, 0, G_OPTION_ARG_FILENAME, &samples, "Folder of the shared samples", "DIR" },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, "Extraction threshold", "X" },
    { "verbose", 'v', 0, G_OPTION_ARG_NONE, &verbose, "Print every link and every miss", NULL },
    { "dump", 0, 0, G_OPTION_ARG_FILENAME, &dump_path, "Write every link and fact to FILE", "FILE" },
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
      n_stories++;
    }

  printf ("\nAll %u stories (extraction threshold %.2f; %u gold claims not proposed as claims):\n",
          n_stories, threshold, unresolved);
  print_counts ("links", &links);
  print_counts ("conflicts", &conflicts);
  print_counts ("direct", &direct);
  if (dump_out != NULL && fclose (dump_out) != 0)
    {
      g_printerr ("eval-align: cannot write %s\n", dump_path);
      return 1;
    }
  return 0;
}
