/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eval-extract.c: precision / recall / F1 of the claim extractor, on the
 * test split it was never tuned on and beside the sets it was tuned on.
 *
 *   CRB_SAMPLES_DIR=/work/shared/samples ./eval-extract [-v] [-t THRESHOLD]
 *       [--rules-only] [--dump FILE] [--data DIR] [ARTICLES.jsonl]
 *
 * Two kinds of sets:
 *
 *  - labelled sentences, each extracted alone as an article (a sentence the
 *    engine cuts in several segments counts as proposed when any of them
 *    is, and takes the highest score): the news set of this project,
 *    tools/data/news-sentences.tsv, by its split column, and the
 *    ClaimBuster debate sentences, ../shared/data/checkworthiness/ (or
 *    --data DIR): dev.tsv halved by FNV-1a 32 of Sentence_id (even: dev,
 *    odd: test), and train.tsv.  The test split is news test + debate
 *    test: nothing was ever chosen on it.  The dev split fitted the
 *    combination of the rules and the model and chose the default
 *    threshold (tools/fit-extract-calibration).  The model was trained on
 *    news train and train.tsv: in-sample.
 *
 *  - labelled articles: every segment of tests/data/extraction-eval.jsonl
 *    (the set the rules were tuned on: in-sample), and of
 *    tests/data/extraction-holdout.jsonl (written after the rules were
 *    tuned).  A label is matched to the segment with exactly the same
 *    text (in document order); for the shared samples, which must not be
 *    copied into the repository, labels give byte offsets and a SHA-1
 *    prefix instead.  Labels without such a segment, and segments without
 *    a label, are segmentation differences, reported separately.  A file
 *    given on the command line is evaluated instead of these two.
 *
 * Each set is scored twice: with the rules and the model together (what
 * the extractor does, at THRESHOLD) and with the rules alone as the
 * extractor was before the model (CRB_EXTRACT_RULES_ONLY, the rules' own
 * score at 0.5).  A reliability table of the scores on
 * the test split follows.
 *
 * --dump FILE writes one line per labelled sentence or segment, for
 * tools/fit-extract-calibration: set, label, rule score, model score (-1
 * when the model did not read it), boilerplate, headline, score.
 */
#include "crb-extract.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  guint tp, fp, fn, tn;
  guint unmatched_labels, unmatched_label_claims;
  guint unmatched_segments, unmatched_segment_claims;
} Counts;

/* One labelled item (a sentence, or a segment of an article) as the
 * extractor saw it. */
typedef struct
{
  gboolean label;
  gboolean proposed;
  gboolean rules_proposed;
  double   score;
  double   rule_score;
  double   model_score;
  gboolean boilerplate;
  gboolean headline;
} Item;

typedef struct
{
  const char *name;
  const char *what;
  GArray     *items;  /* Item */
  Counts      segmentation;
  gboolean    articles;
} Set;

static double threshold = CRB_EXTRACT_DEFAULT_THRESHOLD;
static gboolean verbose;

/* ------------------------------------------------------------------ */
/* figures                                                              */
/* ------------------------------------------------------------------ */

static void
prf (GArray   *items,
     gboolean  rules,
     double   *p,
     double   *r,
     double   *f)
{
  guint tp = 0, fp = 0, fn = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = &g_array_index (items, Item, i);
      gboolean pred = rules ? it->rules_proposed : it->proposed;

      if (pred && it->label)
        tp++;
      else if (pred)
        fp++;
      else if (it->label)
        fn++;
    }
  *p = tp + fp ? (double) tp / (tp + fp) : 0;
  *r = tp + fn ? (double) tp / (tp + fn) : 0;
  *f = *p + *r > 0 ? 2 * *p * *r / (*p + *r) : 0;
}

static guint
count_labels (GArray *items)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    n += g_array_index (items, Item, i).label;
  return n;
}

static void
print_row (const char *name,
           const char *what,
           GArray     *items)
{
  double p, r, f, rp, rr, rf;

  if (items->len == 0)
    {
      printf ("%-22s %-44s skipped (no data)\n", name, what);
      return;
    }
  prf (items, FALSE, &p, &r, &f);
  prf (items, TRUE, &rp, &rr, &rf);
  printf ("%-22s %-44s %6u %6u   %.3f  %.3f  %.3f     %.3f  %.3f  %.3f\n",
          name, what, items->len, count_labels (items), p, r, f, rp, rr, rf);
}

static void
print_reliability (GArray *items)
{
  guint n[10] = { 0, }, yes[10] = { 0, };
  double sum[10] = { 0, }, ece = 0, brier = 0;
  guint total = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const Item *it = &g_array_index (items, Item, i);
      int bin = MIN ((int) (it->score * 10), 9);

      n[bin]++;
      yes[bin] += it->label;
      sum[bin] += it->score;
      brier += (it->score - it->label) * (it->score - it->label);
      total++;
    }
  printf ("| score | segments | mean score | observed check-worthy |\n|---|---:|---:|---:|\n");
  for (int b = 0; b < 10; b++)
    {
      if (n[b] == 0)
        continue;
      printf ("| %.1f–%.1f | %u | %.3f | %.3f |\n", b / 10.0, (b + 1) / 10.0, n[b],
              sum[b] / n[b], (double) yes[b] / n[b]);
      ece += fabs (sum[b] / n[b] - (double) yes[b] / n[b]) * n[b] / total;
    }
  printf ("expected calibration error %.3f, Brier score %.3f (%u items)\n",
          ece, total ? brier / total : 0, total);
}

/* ------------------------------------------------------------------ */
/* extraction                                                           */
/* ------------------------------------------------------------------ */

static gboolean
has_reason (CrbSentence *s,
            const char  *reason)
{
  for (guint i = 0; s->reasons[i] != NULL; i++)
    if (strcmp (s->reasons[i], reason) == 0)
      return TRUE;
  return FALSE;
}

/* what the extractor proposed before the model: the rules' own score at
 * its default threshold then, 0.5 */
static gboolean
rules_propose (CrbSentence *rules)
{
  return !rules->boilerplate && rules->rule_score >= 0.5;
}

static Item
item_of (CrbSentence *s,
         CrbSentence *rules,
         gboolean     label)
{
  Item it = { label, };

  it.proposed = crb_sentence_is_claim (s, threshold);
  it.rules_proposed = rules_propose (rules);
  it.score = s->score;
  it.rule_score = s->rule_score;
  it.model_score = s->model_score;
  it.boilerplate = s->boilerplate;
  it.headline = has_reason (s, "headline");
  return it;
}

/* One sentence extracted alone: proposed if any segment is; the scores
 * are those of its highest-scoring segment that is not boilerplate. */
static void
run_sentence (Set        *set,
              const char *text,
              gboolean    label)
{
  g_autoptr (GPtrArray) both = crb_extract_sentences_full (text, -1, NULL, CRB_EXTRACT_NONE);
  g_autoptr (GPtrArray) rules = crb_extract_sentences_full (text, -1, NULL, CRB_EXTRACT_RULES_ONLY);
  Item it = { label, };
  gint best = -1;

  g_assert (both->len == rules->len);
  it.boilerplate = TRUE;
  for (guint k = 0; k < both->len; k++)
    {
      CrbSentence *s = g_ptr_array_index (both, k);
      CrbSentence *r = g_ptr_array_index (rules, k);

      it.proposed |= crb_sentence_is_claim (s, threshold);
      it.rules_proposed |= rules_propose (r);
      if (!s->boilerplate &&
          (best < 0 || s->score > ((CrbSentence *) g_ptr_array_index (both, best))->score))
        best = k;
    }
  if (best < 0 && both->len > 0)
    best = 0;
  if (best >= 0)
    {
      Item b = item_of (g_ptr_array_index (both, best), g_ptr_array_index (rules, best), label);
      b.proposed = it.proposed;
      b.rules_proposed = it.rules_proposed;
      it = b;
    }
  else
    it.boilerplate = FALSE;
  if (verbose && it.proposed != label)
    printf ("  %s %s %.2f (rules %.2f, model %.2f) %s\n", set->name, label ? "MISSED" : "FALSE ",
            it.score, it.rule_score, it.model_score, text);
  g_array_append_val (set->items, it);
}

/* strips a leading " date YYYY-MM-DD " metadata prefix, as the importer
 * does; returns the offset of the article text and sets *date */
static gsize
strip_prefix (const char *text,
              char      **date)
{
  const char *p = text;

  while (*p == ' ' || *p == '\t')
    p++;
  if (g_str_has_prefix (p, "date ") && strlen (p) >= 15 &&
      g_ascii_isdigit (p[5]) && p[9] == '-' && p[12] == '-')
    {
      *date = g_strndup (p + 5, 10);
      p += 15;
      while (*p == ' ')
        p++;
      return p - text;
    }
  return 0;
}

static void
run_article (Set        *set,
             JsonObject *obj,
             const char *samples_dir)
{
  g_autofree char *contents = NULL;
  g_autofree char *file_date = NULL;
  g_autoptr (GPtrArray) sentences = NULL;
  g_autoptr (GPtrArray) rules = NULL;
  const char *id = json_object_get_string_member_with_default (obj, "id", "?");
  const char *date = NULL;
  const char *text;
  JsonArray *labels;
  g_autofree gboolean *used = NULL;
  guint next = 0;
  Counts *c = &set->segmentation;

  if (json_object_has_member (obj, "date") && !json_object_get_null_member (obj, "date"))
    date = json_object_get_string_member (obj, "date");

  if (json_object_has_member (obj, "file"))
    {
      g_autofree char *path = NULL;
      g_autoptr (GError) error = NULL;
      if (samples_dir == NULL)
        {
          printf ("  %s: skipped (CRB_SAMPLES_DIR not set)\n", id);
          return;
        }
      path = g_build_filename (samples_dir, json_object_get_string_member (obj, "file"), NULL);
      if (!g_file_get_contents (path, &contents, NULL, &error))
        {
          printf ("  %s: skipped (%s)\n", id, error->message);
          return;
        }
      text = contents + strip_prefix (contents, &file_date);
      if (date == NULL)
        date = file_date;
    }
  else
    text = json_object_get_string_member (obj, "text");

  sentences = crb_extract_sentences_full (text, -1, date, CRB_EXTRACT_NONE);
  rules = crb_extract_sentences_full (text, -1, date, CRB_EXTRACT_RULES_ONLY);
  used = g_new0 (gboolean, sentences->len);
  labels = json_object_get_array_member (obj, "labels");

  for (guint i = 0; i < json_array_get_length (labels); i++)
    {
      JsonObject *l = json_array_get_object_element (labels, i);
      gboolean claim = json_object_get_boolean_member (l, "claim");
      gboolean found = FALSE;
      g_autofree char *lt = NULL;
      gsize want_start = 0, want_end = 0;
      gboolean by_offset = json_object_has_member (l, "start");

      if (by_offset)
        {
          /* shared samples: byte offsets + SHA-1 prefix instead of the text */
          const char *sha = json_object_get_string_member (l, "sha1");
          g_autofree char *sum = NULL;
          want_start = json_object_get_int_member (l, "start");
          want_end = json_object_get_int_member (l, "end");
          if (want_end > strlen (text) || want_start >= want_end)
            {
              printf ("  %s label %u: offsets out of range (file changed?)\n", id, i);
              want_start = want_end = 0;
            }
          else
            {
              sum = g_compute_checksum_for_data (G_CHECKSUM_SHA1, (const guchar *) text + want_start,
                                                 want_end - want_start);
              if (strncmp (sum, sha, strlen (sha)) != 0)
                {
                  printf ("  %s label %u: SHA-1 mismatch (file changed?)\n", id, i);
                  want_start = want_end = 0;
                }
            }
          lt = g_strndup (text + want_start, want_end - want_start);
        }
      else
        lt = g_strdup (json_object_get_string_member (l, "text"));

      for (guint k = next; k < sentences->len && (!by_offset || want_end > 0); k++)
        {
          CrbSentence *s = g_ptr_array_index (sentences, k);
          gboolean same = by_offset ? (s->start == want_start && s->end == want_end)
                                    : (s->end - s->start == strlen (lt) &&
                                       memcmp (text + s->start, lt, s->end - s->start) == 0);
          if (!used[k] && same)
            {
              Item it = item_of (s, g_ptr_array_index (rules, k), claim);
              used[k] = TRUE;
              next = k + 1;
              found = TRUE;
              g_array_append_val (set->items, it);
              if (verbose && it.proposed != claim)
                {
                  g_autofree char *r = g_strjoinv (",", (char **) s->reasons);
                  printf ("  %s %s %.2f (rules %.2f, model %.2f) [%s] %s\n", id,
                          claim ? "MISSED" : "FALSE ", s->score, s->rule_score, s->model_score,
                          r, lt);
                }
              break;
            }
        }
      if (!found)
        {
          c->unmatched_labels++;
          if (claim)
            c->unmatched_label_claims++;
          if (verbose)
            printf ("  %s UNMATCHED LABEL %s\n", id, lt);
        }
    }
  for (guint k = 0; k < sentences->len; k++)
    {
      CrbSentence *s = g_ptr_array_index (sentences, k);
      if (used[k])
        continue;
      c->unmatched_segments++;
      if (crb_sentence_is_claim (s, threshold))
        c->unmatched_segment_claims++;
      if (verbose)
        printf ("  %s UNMATCHED SEGMENT %.*s\n", id, (int) (s->end - s->start), text + s->start);
    }
}

/* ------------------------------------------------------------------ */
/* reading the sets                                                     */
/* ------------------------------------------------------------------ */

/* The fields of one line of a tab-separated file whose fields may be
 * quoted as CSV quotes them ("a ""b"" c"); *pos moves to the next line. */
static GPtrArray *
read_tsv_line (const char  *data,
               gsize        len,
               gsize       *pos)
{
  GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
  gsize i = *pos;

  while (i <= len)
    {
      GString *f = g_string_new (NULL);

      if (i < len && data[i] == '"')
        {
          i++;
          while (i < len)
            {
              if (data[i] == '"' && i + 1 < len && data[i + 1] == '"')
                {
                  g_string_append_c (f, '"');
                  i += 2;
                }
              else if (data[i] == '"')
                {
                  i++;
                  break;
                }
              else
                g_string_append_c (f, data[i++]);
            }
        }
      while (i < len && data[i] != '\t' && data[i] != '\n' && data[i] != '\r')
        g_string_append_c (f, data[i++]);
      g_ptr_array_add (fields, g_string_free (f, FALSE));
      if (i < len && data[i] == '\t')
        {
          i++;
          continue;
        }
      while (i < len && (data[i] == '\r' || data[i] == '\n'))
        {
          i++;
          if (data[i - 1] == '\n')
            break;
        }
      break;
    }
  *pos = i;
  return fields;
}

static guint32
fnv1a (const char *s)
{
  guint32 h = 0x811C9DC5u;

  for (; *s; s++)
    h = (h ^ (guchar) *s) * 0x01000193u;
  return h;
}

/* Runs every sentence of a TSV file with a header: @text_col, @label_col
 * ("Yes"/"No"); @pick decides which set a row belongs to (or none). */
typedef Set *(*PickFunc) (GPtrArray *header,
                          GPtrArray *row,
                          gpointer   data);

static gboolean
run_tsv (const char *path,
         const char *text_col,
         const char *label_col,
         PickFunc    pick,
         gpointer    data)
{
  g_autofree char *contents = NULL;
  gsize len, pos = 0;
  g_autoptr (GPtrArray) header = NULL;
  gint text_at = -1, label_at = -1;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  header = read_tsv_line (contents, len, &pos);
  for (guint i = 0; i < header->len; i++)
    {
      if (strcmp (g_ptr_array_index (header, i), text_col) == 0)
        text_at = i;
      if (strcmp (g_ptr_array_index (header, i), label_col) == 0)
        label_at = i;
    }
  g_assert (text_at >= 0 && label_at >= 0);
  while (pos < len)
    {
      g_autoptr (GPtrArray) row = read_tsv_line (contents, len, &pos);
      Set *set;

      if (row->len <= (guint) MAX (text_at, label_at))
        continue;
      set = pick (header, row, data);
      if (set != NULL)
        run_sentence (set, g_ptr_array_index (row, text_at),
                      strcmp (g_ptr_array_index (row, label_at), "Yes") == 0);
    }
  return TRUE;
}

typedef struct
{
  Set *train, *dev, *test;
} Splits;

static Set *
pick_news (GPtrArray *header,
           GPtrArray *row,
           gpointer   data)
{
  Splits *s = data;
  const char *split = g_ptr_array_index (row, 1);

  g_assert (strcmp (g_ptr_array_index (header, 1), "split") == 0);
  return strcmp (split, "train") == 0 ? s->train : strcmp (split, "dev") == 0 ? s->dev : s->test;
}

static Set *
pick_debate_dev (GPtrArray *header,
                 GPtrArray *row,
                 gpointer   data)
{
  Splits *s = data;

  g_assert (strcmp (g_ptr_array_index (header, 0), "Sentence_id") == 0);
  return fnv1a (g_ptr_array_index (row, 0)) % 2 == 0 ? s->dev : s->test;
}

static Set *
pick_all (GPtrArray *header,
          GPtrArray *row,
          gpointer   data)
{
  return ((Splits *) data)->train;
}

static void
run_articles (Set        *set,
              const char *path,
              const char *samples_dir)
{
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      exit (1);
    }
  set->articles = TRUE;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, &error))
        {
          fprintf (stderr, "%s:%u: %s\n", path, i + 1, error->message);
          exit (1);
        }
      run_article (set, json_node_get_object (json_parser_get_root (parser)), samples_dir);
    }
}

static void
dump (FILE *out,
      Set  *set)
{
  for (guint i = 0; i < set->items->len; i++)
    {
      const Item *it = &g_array_index (set->items, Item, i);

      fprintf (out, "%s\t%d\t%.17g\t%.17g\t%d\t%d\t%.17g\n", set->name, it->label,
               it->rule_score, it->model_score, it->boilerplate, it->headline, it->score);
    }
}

static Set *
set_new (const char *name,
         const char *what)
{
  Set *s = g_new0 (Set, 1);

  s->name = name;
  s->what = what;
  s->items = g_array_new (FALSE, FALSE, sizeof (Item));
  return s;
}

int
main (int    argc,
      char **argv)
{
  const char *samples_dir = g_getenv ("CRB_SAMPLES_DIR");
  const char *articles = NULL;
  const char *dump_path = NULL;
  g_autofree char *data_dir = g_build_filename (CRB_SOURCE_ROOT, "..", "shared", "data",
                                                "checkworthiness", NULL);
  g_autofree char *news = g_build_filename (CRB_SOURCE_ROOT, "tools", "data",
                                            "news-sentences.tsv", NULL);
  g_autofree char *dev_tsv = NULL;
  g_autofree char *train_tsv = NULL;
  Set *news_train = set_new ("news-train", "in-sample: news train split (the model's)");
  Set *news_dev = set_new ("news-dev", "dev: news (fitted the combination)");
  Set *news_test = set_new ("news-test", "TEST: news (our split, never tuned on)");
  Set *debate_train = set_new ("debate-train", "in-sample: debates, train.tsv (the model's)");
  Set *debate_dev = set_new ("debate-dev", "dev: debates, half of dev.tsv");
  Set *debate_test = set_new ("debate-test", "TEST: debates, other half of dev.tsv");
  Set *eval = set_new ("extraction-eval", "in-sample: 13 articles the rules were tuned on");
  Set *holdout = set_new ("extraction-holdout", "2 articles written after the rules");
  g_autoptr (GArray) test = g_array_new (FALSE, FALSE, sizeof (Item));
  gboolean have_debates;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "-v") == 0)
        verbose = TRUE;
      else if (strcmp (argv[i], "-t") == 0 && i + 1 < argc)
        threshold = g_ascii_strtod (argv[++i], NULL);
      else if (strcmp (argv[i], "--dump") == 0 && i + 1 < argc)
        dump_path = argv[++i];
      else if (strcmp (argv[i], "--data") == 0 && i + 1 < argc)
        {
          g_free (data_dir);
          data_dir = g_strdup (argv[++i]);
        }
      else if (argv[i][0] == '-')
        {
          fprintf (stderr, "usage: eval-extract [-v] [-t THRESHOLD] [--dump FILE] [--data DIR] "
                           "[ARTICLES.jsonl]\n");
          return 2;
        }
      else
        articles = argv[i];
    }

  if (articles != NULL)
    {
      eval->what = articles;
      run_articles (eval, articles, samples_dir);
    }
  else
    {
      Splits ns = { news_train, news_dev, news_test };
      Splits ds = { NULL, debate_dev, debate_test };
      Splits ts = { debate_train, NULL, NULL };
      g_autofree char *eval_path = g_build_filename (CRB_SOURCE_ROOT, "tests", "data",
                                                     "extraction-eval.jsonl", NULL);
      g_autofree char *holdout_path = g_build_filename (CRB_SOURCE_ROOT, "tests", "data",
                                                        "extraction-holdout.jsonl", NULL);

      if (!run_tsv (news, "text", "label", pick_news, &ns))
        {
          fprintf (stderr, "%s: cannot read\n", news);
          return 1;
        }
      dev_tsv = g_build_filename (data_dir, "dev.tsv", NULL);
      train_tsv = g_build_filename (data_dir, "train.tsv", NULL);
      have_debates = run_tsv (dev_tsv, "Text", "class_label", pick_debate_dev, &ds);
      if (have_debates)
        run_tsv (train_tsv, "Text", "class_label", pick_all, &ts);
      else
        printf ("(%s not found: no debate sentences; --data DIR names the folder)\n", dev_tsv);
      run_articles (eval, eval_path, samples_dir);
      run_articles (holdout, holdout_path, samples_dir);
    }

  printf ("\nthreshold %.2f%s\n\n", threshold,
          threshold == CRB_EXTRACT_DEFAULT_THRESHOLD ? " (the default)" : "");
  printf ("%-22s %-44s %6s %6s   %-23s    %s\n", "set", "", "items", "claims",
          "rules + model: P  R  F1", "rules alone: P  R  F1");
  if (articles == NULL)
    {
      g_array_append_vals (test, news_test->items->data, news_test->items->len);
      g_array_append_vals (test, debate_test->items->data, debate_test->items->len);
      print_row ("test", "TEST: news + debates (never tuned on)", test);
      print_row (news_test->name, news_test->what, news_test->items);
      print_row (debate_test->name, debate_test->what, debate_test->items);
      print_row (news_dev->name, news_dev->what, news_dev->items);
      print_row (debate_dev->name, debate_dev->what, debate_dev->items);
      print_row (news_train->name, news_train->what, news_train->items);
      print_row (debate_train->name, debate_train->what, debate_train->items);
      print_row (holdout->name, holdout->what, holdout->items);
    }
  print_row (eval->name, eval->what, eval->items);
  for (int k = 0; k < 2; k++)
    {
      Set *s = k == 0 ? eval : holdout;
      if (s->items->len == 0 && s->segmentation.unmatched_labels == 0)
        continue;
      printf ("%s: segmentation differences: %u labels without an identical segment (%u claims), "
              "%u segments without a label (%u proposed as claims)\n", s->name,
              s->segmentation.unmatched_labels, s->segmentation.unmatched_label_claims,
              s->segmentation.unmatched_segments, s->segmentation.unmatched_segment_claims);
    }
  if (articles == NULL)
    {
      printf ("\nReliability on the test split (score bins; boilerplate included):\n\n");
      print_reliability (test);
      printf ("\nnews test only:\n\n");
      print_reliability (news_test->items);
      printf ("\ndebate test only:\n\n");
      print_reliability (debate_test->items);
    }

  if (dump_path != NULL)
    {
      FILE *out = fopen (dump_path, "w");
      Set *all[] = { news_train, news_dev, news_test, debate_train, debate_dev, debate_test,
                     eval, holdout };

      if (out == NULL)
        {
          perror (dump_path);
          return 1;
        }
      fprintf (out, "set\tlabel\trule_score\tmodel_score\tboilerplate\theadline\tscore\n");
      for (guint i = 0; i < G_N_ELEMENTS (all); i++)
        dump (out, all[i]);
      fclose (out);
    }
  return 0;
}
