/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-checkworthiness.c: throughput of the learned check-worthiness
 * scorer alone, and of the extractor with the rules alone and with the
 * rules and the model together, on one thread.
 *
 *   ./bench-checkworthiness [MEGABYTES [WEIGHTS]]   (default 20, the built-in weights)
 *
 * The text is tools/data/news-sentences.tsv (and the shared samples when
 * CRB_SAMPLES_DIR is set), repeated to the size asked for, in paragraphs of
 * five sentences.  Each line gives MB/s for the elapsed time and for the
 * CPU time of the thread ("cpu"), which does not count time spent waiting
 * for a core on a shared machine.
 */
#include "crb-checkworthiness.h"
#include "crb-extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct
{
  gint64 t0;
  double c0;
} Clock;

static void
clock_start (Clock *c)
{
  c->t0 = g_get_monotonic_time ();
  c->c0 = cpu_now ();
}

static void
clock_report (const Clock *c,
              const char  *name,
              gsize        bytes,
              const char  *extra)
{
  double secs = (g_get_monotonic_time () - c->t0) / 1e6;
  double cpu = cpu_now () - c->c0;

  printf ("%-40s %8.2f MB  %7.3f s  %7.1f MB/s  cpu %7.1f MB/s%s\n",
          name, bytes / 1e6, secs, bytes / 1e6 / secs, bytes / 1e6 / cpu, extra ? extra : "");
}

/* the text column (the last) of every line of the news sentences */
static void
add_news_sentences (GPtrArray *out)
{
  g_autofree char *path = g_build_filename (CRB_SOURCE_ROOT, "tools", "data",
                                            "news-sentences.tsv", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    {
      fprintf (stderr, "bench-checkworthiness: %s: cannot read\n", path);
      exit (1);
    }
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      const char *tab = strrchr (lines[i], '\t');
      if (tab != NULL && tab[1] != '\0')
        g_ptr_array_add (out, g_strdup (tab + 1));
    }
}

static void
add_samples (GString *text)
{
  const char *dir = g_getenv ("CRB_SAMPLES_DIR");
  g_autoptr (GDir) d = NULL;
  const char *name;

  if (dir == NULL)
    return;
  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *sub = g_build_filename (dir, name, NULL);
      g_autoptr (GDir) sd = g_dir_open (sub, 0, NULL);
      const char *fname;

      while (sd != NULL && (fname = g_dir_read_name (sd)) != NULL)
        {
          g_autofree char *path = g_build_filename (sub, fname, NULL);
          g_autofree char *c = NULL;

          if (g_str_has_suffix (fname, ".txt") && g_file_get_contents (path, &c, NULL, NULL))
            {
              g_string_append (text, c);
              g_string_append (text, "\n\n");
            }
        }
    }
}

int
main (int    argc,
      char **argv)
{
  gsize target = (argc > 1 ? (gsize) atoi (argv[1]) : 20) * 1000 * 1000;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbCheckworthiness) model = NULL;
  g_autoptr (GPtrArray) news = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) one = g_string_new (NULL);
  g_autoptr (GString) text = g_string_new (NULL);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize  sentence_bytes = 0, pos;
  guint  n_sentences, n_claims = 0;
  double sink = 0;
  Clock  c;

  clock_start (&c);
  if (argc > 2)
    {
      g_autofree char *data = NULL;
      gsize            size;

      if (g_file_get_contents (argv[2], &data, &size, &error))
        {
          g_autoptr (GBytes) bytes = g_bytes_new_take (g_steal_pointer (&data), size);
          model = crb_checkworthiness_new_from_bytes (bytes, &error);
        }
    }
  else
    model = crb_checkworthiness_load_default (&error);
  if (model == NULL)
    {
      fprintf (stderr, "bench-checkworthiness: %s\n", error->message);
      return 1;
    }
  clock_report (&c, "load the weights", 0, NULL);

  add_news_sentences (news);
  for (guint i = 0; i < news->len; i++)
    {
      g_string_append (one, g_ptr_array_index (news, i));
      g_string_append (one, i % 5 == 4 ? "\n\n" : " ");
    }
  g_string_append (one, "\n\n");
  add_samples (one);
  while (text->len < target)
    g_string_append_len (text, one->str, one->len);

  /* the sentences as the extractor cuts them, found once */
  pos = 0;
  while (pos < text->len)
    {
      gsize       end = MIN (pos + 4000, text->len);
      const char *cut = end < text->len ? strstr (text->str + end, "\n\n") : NULL;
      g_autoptr (GPtrArray) sentences = NULL;

      end = cut != NULL ? (gsize) (cut - text->str) + 2 : text->len;
      sentences = crb_extract_sentences_full (text->str + pos, end - pos, NULL,
                                              CRB_EXTRACT_NO_VALUES);
      for (guint i = 0; i < sentences->len; i++)
        {
          CrbSentence *s = g_ptr_array_index (sentences, i);
          gsize        a = pos + s->start, b = pos + s->end;

          g_array_append_val (spans, a);
          g_array_append_val (spans, b);
          sentence_bytes += b - a;
        }
      pos = end;
    }
  n_sentences = spans->len / 2;
  printf ("%u sentences, %.0f bytes each on average\n\n", n_sentences,
          (double) sentence_bytes / n_sentences);

  /* scoring alone */
  clock_start (&c);
  for (guint i = 0; i < n_sentences; i++)
    {
      gsize  a = g_array_index (spans, gsize, 2 * i), b = g_array_index (spans, gsize, 2 * i + 1);
      double s = crb_checkworthiness_score (model, text->str + a, b - a);

      sink += s;
      n_claims += s >= crb_checkworthiness_get_threshold (model);
    }
  {
    g_autofree char *extra = g_strdup_printf ("  (%u of %u sentences above the threshold)",
                                              n_claims, n_sentences);
    clock_report (&c, "crb_checkworthiness_score", sentence_bytes, extra);
  }

  /* explanations, as the review pane would ask for them */
  clock_start (&c);
  for (guint i = 0; i < n_sentences; i++)
    {
      gsize a = g_array_index (spans, gsize, 2 * i), b = g_array_index (spans, gsize, 2 * i + 1);
      g_autoptr (GPtrArray) f = crb_checkworthiness_explain (model, text->str + a, b - a, 5);

      sink += f->len;
    }
  clock_report (&c, "crb_checkworthiness_explain (n = 5)", sentence_bytes, NULL);

  /* the extractor per 4 KB article, with values: the rules alone, and the
   * rules with the model as it runs (the model's score and reasons) */
  for (int with_model = 0; with_model <= 1; with_model++)
    {
      clock_start (&c);
      pos = 0;
      while (pos < text->len)
        {
          gsize       end = MIN (pos + 4000, text->len);
          const char *cut = end < text->len ? strstr (text->str + end, "\n\n") : NULL;
          g_autoptr (GPtrArray) sentences = NULL;

          end = cut != NULL ? (gsize) (cut - text->str) + 2 : text->len;
          sentences = crb_extract_sentences_full (text->str + pos, end - pos, "2024-03-25",
                                                  with_model ? CRB_EXTRACT_NONE
                                                             : CRB_EXTRACT_RULES_ONLY);
          sink += sentences->len;
          pos = end;
        }
      clock_report (&c, with_model ? "extractor (rules + model), per article"
                                   : "extractor, rules alone, per article",
                    text->len, NULL);
    }

  if (sink == 42.4242)
    printf ("\n");
  return 0;
}
