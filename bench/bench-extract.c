/* SPDX-License-Identifier: GPL-3.0-or-later */
/* bench-extract.c: throughput of crb_extract_sentences() (segmentation,
 * the rules and the learned model's scores, values) on a generated
 * news-like corpus, and timings for pathological inputs.  The rules alone
 * (CRB_EXTRACT_RULES_ONLY) are timed beside, for comparison.
 *
 *   ./bench-extract [MEGABYTES]      (default 50)
 *
 * BENCH_CORPUS_ONLY=1 stops after the corpora; BENCH_CORPUS_ONLY=first
 * after the generated corpus per article with values (for callgrind).
 *
 * Each line gives the elapsed time and MB/s, and the MB/s for the CPU time
 * of the thread ("cpu"): on a machine shared with other work the elapsed
 * time also counts the time the thread waited for a core, the CPU time
 * does not.
 */
#include "crb-extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* CPU time of the calling thread, in seconds */
static double
cpu_now (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

static const char *const subjects[] = {
  "Russian President Vladimir Putin", "The Ministry of Defence", "Police in Kharkiv",
  "Dr. Anna Kowalska of the U.S. Centers for Disease Control", "Mr. Smith",
  "The company", "Officials in S\xc3\xa3o Paulo", "\xd0\x92\xd0\xbb\xd0\xb0\xd0\xb4\xd0\xb8\xd0\xbc\xd0\xb8\xd1\x80 \xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd",
  "Gen. Mark Milley", "The World Health Organization", "Sen. Elizabeth Warren",
  "A spokesperson for Apple Inc.", "Residents of St. Louis",
};
static const char *const verbs[] = {
  "said", "told reporters", "claimed", "denied", "announced", "warned", "reported",
};
static const char *const clauses[] = {
  "at least 133 people were killed and 140 others injured in the attack on the concert hall in the suburb of Krasnogorsk, the second-deadliest in the country's history",
  "the government had approved a new package of measures worth about 2.3 billion euros to support farmers hit by the drought, which has lasted since early June",
  "investigators were still examining the wreckage of the aircraft, which came down shortly after take-off from the airport on Tuesday evening with 78 people on board",
  "more than a dozen suspects had been detained on Friday",
  "the budget would rise by 3.5% to $1,200 million next year",
  "two-thirds of voters backed the plan in a referendum on March 22, 2024",
  "the company's revenue fell by nearly 12 per cent in the first quarter",
  "\xe2\x80\x9cwe will not allow this to happen again\xe2\x80\x9d",
  "the strike began at 6 a.m. and ended at 9 p.m. on Feb. 20",
  "dozens of homes had been destroyed by the flood in the region",
  "J. K. Rowling had donated \xc2\xa3""2m to the charity in 2019",
  "the number of cases doubled compared with last year",
};

static char *
make_corpus (gsize target)
{
  GString *s = g_string_sized_new (target + 4096);
  guint32 seed = 12345;

  while (s->len < target)
    {
      guint n = 3 + (seed % 5);
      for (guint i = 0; i < n; i++)
        {
          seed = seed * 1103515245u + 12345u;
          switch ((seed >> 16) % 4)
            {
            case 0:
              g_string_append_printf (s, "%s %s that %s. ",
                                      subjects[(seed >> 8) % G_N_ELEMENTS (subjects)],
                                      verbs[(seed >> 4) % G_N_ELEMENTS (verbs)],
                                      clauses[(seed >> 12) % G_N_ELEMENTS (clauses)]);
              break;
            case 1:
              g_string_append_printf (s, "\xe2\x80\x9c%s,\xe2\x80\x9d %s %s. ",
                                      clauses[(seed >> 12) % G_N_ELEMENTS (clauses)],
                                      subjects[(seed >> 8) % G_N_ELEMENTS (subjects)],
                                      verbs[(seed >> 4) % G_N_ELEMENTS (verbs)]);
              break;
            case 2:
              g_string_append_printf (s, "According to %s, %s. ",
                                      subjects[(seed >> 8) % G_N_ELEMENTS (subjects)],
                                      clauses[(seed >> 12) % G_N_ELEMENTS (clauses)]);
              break;
            default:
              if ((seed >> 20) % 3 == 0)
                g_string_append (s, "Is this the best we can do? I think not... ");
              else
                g_string_append_printf (s, "In a statement released on Monday, %s %s that %s, and that further details would be published later. ",
                                        subjects[(seed >> 8) % G_N_ELEMENTS (subjects)],
                                        verbs[(seed >> 4) % G_N_ELEMENTS (verbs)],
                                        clauses[(seed >> 12) % G_N_ELEMENTS (clauses)]);
              break;
            }
        }
      seed = seed * 1103515245u + 12345u;
      if ((seed >> 16) % 6 == 0)
        g_string_append (s, "\n\n- Related headline about something else\nPicture: AP\n\n");
      else
        g_string_append (s, "\n\n");
    }
  return g_string_free (s, FALSE);
}

static double
run (const char *name,
     const char *text,
     gsize       len,
     guint       repeat)
{
  gint64 t0 = g_get_monotonic_time ();
  double c0 = cpu_now ();
  guint segments = 0;
  double secs, cpu, mbs;

  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr (GPtrArray) sentences = crb_extract_sentences (text, len, "2024-03-25");
      segments = sentences->len;
    }
  cpu = (cpu_now () - c0) / repeat;
  secs = (g_get_monotonic_time () - t0) / 1e6 / repeat;
  mbs = len / 1e6 / secs;
  printf ("%-34s %9.2f MB  %8u segments  %8.3f s  %7.1f MB/s  cpu %7.1f MB/s\n",
          name, len / 1e6, segments, secs, mbs, len / 1e6 / cpu);
  (void) mbs;
  /* the CPU time's: on a shared machine the elapsed time's ratios are noise */
  return len / 1e6 / cpu;
}

/* the realistic case: one call per article of about 4 KB */
static void
run_articles (const char      *name,
              const char      *text,
              gsize            len,
              CrbExtractFlags  flags)
{
  gint64 t0 = g_get_monotonic_time ();
  double c0 = cpu_now ();
  gsize pos = 0;
  guint segments = 0, articles = 0;
  double secs, cpu;

  while (pos < len)
    {
      gsize end = MIN (pos + 4000, len);
      const char *cut;
      g_autoptr (GPtrArray) sentences = NULL;

      /* cut at the next paragraph break */
      cut = end < len ? strstr (text + end, "\n\n") : NULL;
      end = cut != NULL ? (gsize) (cut - text) + 2 : len;
      sentences = crb_extract_sentences_full (text + pos, end - pos, "2024-03-25", flags);
      segments += sentences->len;
      articles++;
      pos = end;
    }
  cpu = cpu_now () - c0;
  secs = (g_get_monotonic_time () - t0) / 1e6;
  printf ("%-34s %9.2f MB  %8u segments  %8.3f s  %7.1f MB/s  cpu %7.1f MB/s  (%u articles, %.0f bytes per segment)\n",
          name, len / 1e6, segments, secs, len / 1e6 / secs, len / 1e6 / cpu, articles,
          (double) len / segments);
}

int
main (int    argc,
      char **argv)
{
  gsize mb = argc > 1 ? (gsize) atoi (argv[1]) : 50;
  g_autofree char *corpus = make_corpus (mb * 1000 * 1000);
  GString *p;

  printf ("crb_extract_sentences (segmentation + scoring + values), single thread\n");
  run_articles ("generated corpus, per article", corpus, strlen (corpus), CRB_EXTRACT_NONE);
  /* for instruction counts of the realistic case alone */
  if (g_strcmp0 (g_getenv ("BENCH_CORPUS_ONLY"), "first") == 0)
    return 0;
  run_articles ("  same, CRB_EXTRACT_NO_VALUES", corpus, strlen (corpus), CRB_EXTRACT_NO_VALUES);
  run_articles ("  same, CRB_EXTRACT_RULES_ONLY", corpus, strlen (corpus), CRB_EXTRACT_RULES_ONLY);
  /* real news text: the shared sample articles, repeated */
  if (g_getenv ("CRB_SAMPLES_DIR") != NULL)
    {
      g_autofree char *dir = g_build_filename (g_getenv ("CRB_SAMPLES_DIR"), "crocus-city-hall", NULL);
      g_autoptr (GDir) d = g_dir_open (g_file_test (dir, G_FILE_TEST_IS_DIR) ? dir : g_getenv ("CRB_SAMPLES_DIR"), 0, NULL);
      GString *real = g_string_new (NULL);
      GString *one = g_string_new (NULL);
      const char *fname;

      while (d != NULL && (fname = g_dir_read_name (d)) != NULL)
        {
          g_autofree char *path = g_build_filename (g_file_test (dir, G_FILE_TEST_IS_DIR) ? dir : g_getenv ("CRB_SAMPLES_DIR"), fname, NULL);
          g_autofree char *c = NULL;
          if (g_str_has_suffix (fname, ".txt") && g_file_get_contents (path, &c, NULL, NULL))
            {
              g_string_append (one, c);
              g_string_append (one, "\n\n");
            }
        }
      while (one->len > 0 && real->len < mb * 1000 * 1000)
        g_string_append_len (real, one->str, one->len);
      if (real->len > 0)
        {
          run_articles ("shared samples repeated, per article", real->str, real->len, CRB_EXTRACT_NONE);
          run_articles ("  same, CRB_EXTRACT_NO_VALUES", real->str, real->len, CRB_EXTRACT_NO_VALUES);
          run_articles ("  same, CRB_EXTRACT_RULES_ONLY", real->str, real->len,
                        CRB_EXTRACT_RULES_ONLY);
        }
      g_string_free (real, TRUE);
      g_string_free (one, TRUE);
    }
  run ("generated corpus, one call", corpus, strlen (corpus), 1);
  if (g_getenv ("BENCH_CORPUS_ONLY") != NULL)
    return 0;

  p = g_string_sized_new (20000000);
  /* pathological inputs, each at full and at half size: a ratio of CPU
   * times near 2 means linear */
  {
    static const struct
    {
      const char *name;
      const char *unit;
      gsize size;
    } cases[] = {
      { "one line, no punctuation", "word Word 12 \xd1\x81\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xbe ", 20000000 },
      { "one token of dotted letters", "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w.x.y.z.", 20000000 },
      { "abbreviations, one sentence", "Mr. U.S. J. K. ", 20000000 },
      { "tiny paragraphs", "Hi.\n\n", 500000 },
      { "punctuation", "!?.\xe2\x80\xa6 ", 20000000 },
      { "capitalised run (one entity)", "Moscow ", 5000000 },
    };

    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        double t[2];
        for (int half = 1; half >= 0; half--)
          {
            gsize size = half ? cases[i].size / 2 : cases[i].size;
            g_autofree char *label = g_strdup_printf ("%s%s", half ? "  half: " : "", cases[i].name);
            g_string_truncate (p, 0);
            while (p->len < size)
              g_string_append (p, cases[i].unit);
            t[half] = p->len / 1e6 / run (label, p->str, p->len, 1);
          }
        printf ("%-34s cpu time ratio full/half %.2f\n", "", t[0] / t[1]);
      }
  }
  g_string_truncate (p, 0);
  for (guint i = 0; i < 10000; i++)
    g_string_append (p, "\xe2\x80\x9c\"'(");
  g_string_append (p, "Deep.");
  for (guint i = 0; i < 10000; i++)
    g_string_append (p, ")'\"\xe2\x80\x9d");
  g_string_append (p, " Next sentence.");
  run ("10,000 nested quotes", p->str, p->len, 10);
  g_string_free (p, TRUE);
  return 0;
}
