/* SPDX-License-Identifier: GPL-3.0-or-later */
/* eval-extract.c: precision / recall / F1 of the claim extractor on the
 * labelled set tests/data/extraction-eval.jsonl.
 *
 *   CRB_SAMPLES_DIR=/work/shared/samples ./eval-extract [-v] [-t THRESHOLD] [FILE]
 *
 * A labelled sentence is matched to an engine segment with exactly the same
 * text (in document order); for the shared samples, which must not be copied
 * into the repository, labels give byte offsets and a SHA-1 prefix instead.  Labels without such a segment, and segments
 * without a label, are segmentation differences and are reported
 * separately; the "strict" figures count an unmatched claim label as a miss
 * and an unmatched segment proposed as a claim as a false alarm. */
#include "crb-extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  guint tp, fp, fn, tn;
  guint unmatched_labels, unmatched_label_claims;
  guint unmatched_segments, unmatched_segment_claims;
} Counts;

static void
print_prf (const char *name,
           guint       tp,
           guint       fp,
           guint       fn)
{
  double p = tp + fp ? (double) tp / (tp + fp) : 0;
  double r = tp + fn ? (double) tp / (tp + fn) : 0;
  double f = p + r > 0 ? 2 * p * r / (p + r) : 0;

  printf ("%-28s precision %.3f  recall %.3f  F1 %.3f  (tp %u fp %u fn %u)\n",
          name, p, r, f, tp, fp, fn);
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

static gboolean
run_article (JsonObject *obj,
             const char *samples_dir,
             double      threshold,
             gboolean    verbose,
             Counts     *all,
             Counts     *fic,
             Counts     *shared,
             guint      *shared_boilerplate,
             guint      *shared_segments)
{
  g_autofree char *contents = NULL;
  g_autofree char *file_date = NULL;
  g_autoptr (GPtrArray) sentences = NULL;
  const char *id = json_object_get_string_member_with_default (obj, "id", "?");
  const char *date = NULL;
  const char *text;
  JsonArray *labels;
  gboolean is_shared = json_object_has_member (obj, "file");
  g_autofree gboolean *used = NULL;
  guint next = 0;
  Counts c = { 0, };

  if (json_object_has_member (obj, "date") && !json_object_get_null_member (obj, "date"))
    date = json_object_get_string_member (obj, "date");

  if (is_shared)
    {
      g_autofree char *path = NULL;
      g_autoptr (GError) error = NULL;
      if (samples_dir == NULL)
        {
          printf ("%-28s skipped (CRB_SAMPLES_DIR not set)\n", id);
          return FALSE;
        }
      path = g_build_filename (samples_dir, json_object_get_string_member (obj, "file"), NULL);
      if (!g_file_get_contents (path, &contents, NULL, &error))
        {
          printf ("%-28s skipped (%s)\n", id, error->message);
          return FALSE;
        }
      text = contents + strip_prefix (contents, &file_date);
      if (date == NULL)
        date = file_date;
    }
  else
    text = json_object_get_string_member (obj, "text");

  sentences = crb_extract_sentences (text, -1, date);
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
              gboolean pred = crb_sentence_is_claim (s, threshold);
              used[k] = TRUE;
              next = k + 1;
              found = TRUE;
              if (pred && claim)
                c.tp++;
              else if (pred)
                c.fp++;
              else if (claim)
                c.fn++;
              else
                c.tn++;
              if (verbose && pred != claim)
                {
                  g_autofree char *r = g_strjoinv (",", (char **) s->reasons);
                  printf ("  %s %s %.2f [%s] %s\n", id, claim ? "MISSED" : "FALSE ", s->score, r, lt);
                }
              break;
            }
        }
      if (!found)
        {
          c.unmatched_labels++;
          if (claim)
            c.unmatched_label_claims++;
          if (verbose)
            printf ("  %s UNMATCHED LABEL %s\n", id, lt);
        }
    }
  for (guint k = 0; k < sentences->len; k++)
    {
      CrbSentence *s = g_ptr_array_index (sentences, k);
      if (is_shared)
        {
          (*shared_segments)++;
          if (s->boilerplate)
            (*shared_boilerplate)++;
        }
      if (used[k])
        continue;
      c.unmatched_segments++;
      if (crb_sentence_is_claim (s, threshold))
        c.unmatched_segment_claims++;
      if (verbose)
        printf ("  %s UNMATCHED SEGMENT %.*s\n", id, (int) (s->end - s->start), text + s->start);
    }

  printf ("%-28s segments %3u labels %3u  tp %2u fp %2u fn %2u tn %2u  unmatched labels %u segments %u\n",
          id, sentences->len, json_array_get_length (labels), c.tp, c.fp, c.fn, c.tn,
          c.unmatched_labels, c.unmatched_segments);

  for (int pass = 0; pass < 2; pass++)
    {
      Counts *t = pass == 0 ? all : (is_shared ? shared : fic);
      t->tp += c.tp;
      t->fp += c.fp;
      t->fn += c.fn;
      t->tn += c.tn;
      t->unmatched_labels += c.unmatched_labels;
      t->unmatched_label_claims += c.unmatched_label_claims;
      t->unmatched_segments += c.unmatched_segments;
      t->unmatched_segment_claims += c.unmatched_segment_claims;
    }
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  const char *path = CRB_SOURCE_ROOT "/tests/data/extraction-eval.jsonl";
  const char *samples_dir = g_getenv ("CRB_SAMPLES_DIR");
  double threshold = CRB_EXTRACT_DEFAULT_THRESHOLD;
  gboolean verbose = FALSE;
  g_autofree char *contents = NULL;
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  Counts all = { 0, }, fic = { 0, }, shared = { 0, };
  guint shared_boilerplate = 0, shared_segments = 0;

  for (int i = 1; i < argc; i++)
    {
      if (strcmp (argv[i], "-v") == 0)
        verbose = TRUE;
      else if (strcmp (argv[i], "-t") == 0 && i + 1 < argc)
        threshold = g_ascii_strtod (argv[++i], NULL);
      else
        path = argv[i];
    }

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();
      JsonNode *root;

      if (*g_strstrip (lines[i]) == '\0')
        continue;
      if (!json_parser_load_from_data (parser, lines[i], -1, &error))
        {
          fprintf (stderr, "%s:%u: %s\n", path, i + 1, error->message);
          return 1;
        }
      root = json_parser_get_root (parser);
      run_article (json_node_get_object (root), samples_dir, threshold, verbose,
                   &all, &fic, &shared, &shared_boilerplate, &shared_segments);
    }

  printf ("\nthreshold %.2f\n", threshold);
  print_prf ("all (matched)", all.tp, all.fp, all.fn);
  print_prf ("all (strict)", all.tp, all.fp + all.unmatched_segment_claims,
             all.fn + all.unmatched_label_claims);
  print_prf ("fictional (matched)", fic.tp, fic.fp, fic.fn);
  print_prf ("shared samples (matched)", shared.tp, shared.fp, shared.fn);
  printf ("segmentation differences: %u labels without an identical segment (%u claims), "
          "%u segments without a label (%u proposed as claims)\n",
          all.unmatched_labels, all.unmatched_label_claims,
          all.unmatched_segments, all.unmatched_segment_claims);
  if (samples_dir != NULL)
    printf ("shared samples: %u of %u segments flagged boilerplate (never proposed as claims)\n",
            shared_boilerplate, shared_segments);
  return 0;
}
