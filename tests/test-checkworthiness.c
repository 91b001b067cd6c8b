/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for crb-checkworthiness.c, the learned check-worthiness model.
 * tests/data/checkworthiness-parity.tsv is written by
 * tools/train-checkworthiness together with the weights: the C scorer must
 * give the probabilities the training script computed. */

#include "crb-checkworthiness.h"
#include "crb-error.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

static CrbCheckworthiness *model;

/* ------------------------------------------------------------------ */
/* helpers                                                              */
/* ------------------------------------------------------------------ */

static GBytes *
default_bytes (void)
{
  g_autoptr (GError) error = NULL;
  GBytes *bytes = g_resources_lookup_data ("/io/github/corroborate/Corroborate/model/checkworthiness.bin",
                                           G_RESOURCE_LOOKUP_FLAGS_NONE, &error);

  g_assert_no_error (error);
  return bytes;
}

static guint32
fnv1a (const guchar *data,
       gsize         len)
{
  guint32 h = 0x811C9DC5u;

  for (gsize i = 0; i < len; i++)
    h = (h ^ data[i]) * 0x01000193u;
  return h;
}

/* A copy of the weights with one change, the checksum made right again. */
static GBytes *
patched (gsize       offset,
         const void *value,
         gsize       len)
{
  g_autoptr (GBytes) bytes = default_bytes ();
  gsize   size;
  guchar *data = g_bytes_unref_to_data (g_steal_pointer (&bytes), &size);
  guint32 sum;

  g_assert_cmpuint (offset + len, <=, size - 4);
  memcpy (data + offset, value, len);
  sum = GUINT32_TO_LE (fnv1a (data, size - 4));
  memcpy (data + size - 4, &sum, 4);
  return g_bytes_new_take (data, size);
}

static void
assert_load_fails_with (GBytes     *bytes,
                        int         code,
                        const char *message)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbCheckworthiness) m = crb_checkworthiness_new_from_bytes (bytes, &error);

  g_assert_null (m);
  g_assert_error (error, CRB_ERROR, code);
  if (message != NULL)
    g_assert_cmpstr (error->message, ==, message);
}

static void
assert_load_fails (GBytes *bytes,
                   int     code)
{
  assert_load_fails_with (bytes, code, NULL);
}

static double
score (const char *text)
{
  return crb_checkworthiness_score (model, text, -1);
}

/* ------------------------------------------------------------------ */
/* loading                                                              */
/* ------------------------------------------------------------------ */

static void
test_load_default (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbCheckworthiness) m = crb_checkworthiness_load_default (&error);
  double t;

  g_assert_no_error (error);
  g_assert_nonnull (m);
  t = crb_checkworthiness_get_threshold (m);
  g_assert_cmpfloat (t, >, 0.05);
  g_assert_cmpfloat (t, <, 0.95);
  g_assert_cmpfloat (crb_checkworthiness_score (m, "It rained.", -1), ==, score ("It rained."));
}

static void
test_load_truncated (void)
{
  g_autoptr (GBytes) bytes = default_bytes ();
  gsize       size = g_bytes_get_size (bytes);
  const gsize lengths[] = { 0, 1, 7, 8, 12, 79, 80, 83, 84, 127, 128, 4096, size / 2,
                            size - 100, size - 5, size - 4, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr (GBytes) part = g_bytes_new_from_bytes (bytes, 0, lengths[i]);
      g_test_message ("truncated to %" G_GSIZE_FORMAT " of %" G_GSIZE_FORMAT " bytes",
                      lengths[i], size);
      assert_load_fails_with (part, CRB_ERROR_INVALID_FORMAT,
                              "check-worthiness weights: truncated file");
    }
}

static void
test_load_corrupted (void)
{
  g_autoptr (GBytes) bytes = default_bytes ();
  gsize         size;
  const guchar *data = g_bytes_get_data (bytes, &size);

  /* a flipped bit anywhere: the checksum */
  {
    g_autofree guchar *copy = g_memdup2 (data, size);
    g_autoptr (GBytes) bad = NULL;

    copy[128 + 1000] ^= 0x10;
    bad = g_bytes_new (copy, size);
    assert_load_fails_with (bad, CRB_ERROR_INVALID_FORMAT,
                            "check-worthiness weights: checksum mismatch");
  }

  /* a byte too many */
  {
    g_autofree guchar *copy = g_malloc (size + 1);
    g_autoptr (GBytes) bad = NULL;

    memcpy (copy, data, size);
    copy[size] = 0;
    bad = g_bytes_new (copy, size + 1);
    assert_load_fails (bad, CRB_ERROR_INVALID_FORMAT);
  }

  /* wrong magic, future version, nonsense header fields, each with a
   * correct checksum */
  {
    g_autoptr (GBytes) bad = patched (0, "CRBXXXXX", 8);
    assert_load_fails_with (bad, CRB_ERROR_INVALID_FORMAT,
                            "check-worthiness weights: not a weights file");
  }
  {
    guint32 v = GUINT32_TO_LE (2);
    g_autoptr (GBytes) bad = patched (8, &v, 4);
    assert_load_fails (bad, CRB_ERROR_UNSUPPORTED_VERSION);
  }
  {
    guint32 v = GUINT32_TO_LE (40); /* 2^40 buckets */
    g_autoptr (GBytes) bad = patched (12, &v, 4);
    assert_load_fails (bad, CRB_ERROR_INVALID_FORMAT);
  }
  {
    guint32 v = GUINT32_TO_LE (0xFFFFFFFFu); /* vocabulary entries */
    g_autoptr (GBytes) bad = patched (20, &v, 4);
    assert_load_fails (bad, CRB_ERROR_INVALID_FORMAT);
  }
  {
    double  nan = NAN;
    guint64 v;
    g_autoptr (GBytes) bad = NULL;

    memcpy (&v, &nan, 8);
    v = GUINT64_TO_LE (v);
    bad = patched (32, &v, 8); /* bias */
    assert_load_fails (bad, CRB_ERROR_INVALID_FORMAT);
  }
  {
    /* the first vocabulary entry's text offset points past the text */
    guint32 bits, n_dense, off = GUINT32_TO_LE (0x7FFFFFF0u);
    g_autoptr (GBytes) bad = NULL;

    memcpy (&bits, data + 12, 4);
    memcpy (&n_dense, data + 16, 4);
    bad = patched (80 + 8 * GUINT32_FROM_LE (n_dense) + ((gsize) 1 << GUINT32_FROM_LE (bits)) + 4,
                   &off, 4);
    assert_load_fails (bad, CRB_ERROR_INVALID_FORMAT);
  }
}

/* ------------------------------------------------------------------ */
/* scores                                                               */
/* ------------------------------------------------------------------ */

static void
test_parity (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "checkworthiness-parity.tsv",
                                                 NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GError) error = NULL;
  guint  checked = 0;
  double worst = 0;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto (GStrv) fields = NULL;
      g_autofree char *text = NULL;
      double           expected, got;

      if (lines[i][0] == '\0' || lines[i][0] == '#')
        continue;
      fields = g_strsplit (lines[i], "\t", 3);
      g_assert_cmpuint (g_strv_length (fields), ==, 3);
      expected = g_ascii_strtod (fields[0], NULL);
      text = g_strcompress (fields[2]);
      got = crb_checkworthiness_score (model, text, -1);
      if (fabs (got - expected) > 1e-9)
        g_test_message ("%s: C %.17g, Python %.17g", text, got, expected);
      g_assert_cmpfloat_with_epsilon (got, expected, 1e-9);
      worst = MAX (worst, fabs (got - expected));
      checked++;
    }
  g_test_message ("%u sentences, largest difference %g", checked, worst);
  g_assert_cmpuint (checked, >=, 40);
}

/* Sentences written for this test, in no training set. */
static const char *const claims[] = {
  "I paid $38 million one year.",
  "We, in fact, have 4% of the world's population, 20% of the deaths.",
  "The city council voted 7-2 on Tuesday to cut the police budget by $3 million.",
  "Unemployment fell to 3.9 percent in March, the lowest level since 1969.",
  "According to the health ministry, 214 people died in the floods last week.",
  "The company sold 1.2 million cars in Europe last year, up 15% from 2022.",
  "He voted against the budget four times while he was in the Senate.",
};

static const char *const non_claims[] = {
  "Subscribe to our newsletter.",
  "Thank you all for coming tonight.",
  "What do you think we should do about it?",
  "I believe we can build a better future together.",
  "Click here to read more.",
  "Let me be clear about that.",
  "We have to do better, and we will.",
};

static void
test_order (void)
{
  double t = crb_checkworthiness_get_threshold (model);
  double lowest_claim = 1, highest_other = 0;

  for (guint i = 0; i < G_N_ELEMENTS (claims); i++)
    {
      double s = score (claims[i]);
      g_test_message ("claim %.3f  %s", s, claims[i]);
      g_assert_cmpfloat (s, >=, t);
      lowest_claim = MIN (lowest_claim, s);
    }
  for (guint i = 0; i < G_N_ELEMENTS (non_claims); i++)
    {
      double s = score (non_claims[i]);
      g_test_message ("other %.3f  %s", s, non_claims[i]);
      g_assert_cmpfloat (s, <, t);
      highest_other = MAX (highest_other, s);
    }
  g_assert_cmpfloat (lowest_claim, >, highest_other);
}

static void
test_empty (void)
{
  double s = crb_checkworthiness_score (model, "", 0);

  g_assert_true (isfinite (s));
  g_assert_cmpfloat (s, >, 0);
  g_assert_cmpfloat (s, <, 1);
  g_assert_cmpfloat (crb_checkworthiness_score (model, NULL, 0), ==, s);
  g_assert_cmpfloat (crb_checkworthiness_score (model, "", -1), ==, s);
  /* white space alone normalises to nothing */
  g_assert_cmpfloat (score (" \t\n\r\xc2\xa0 "), ==, s);
  /* a length of 0 reads nothing */
  g_assert_cmpfloat (crb_checkworthiness_score (model, "Prices rose 5%.", 0), ==, s);
}

static void
test_invalid_utf8 (void)
{
  static const char *const inputs[] = {
    "\xff\xfe\xfd",
    "Prices rose \xc3 12% \xe2\x80",
    "\xe2\x80\x9c\xe2\x80",
    "\xe2",
    "\xc2",
    "caf\xe9 cr\xe8me 1999",
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      double s = score (inputs[i]);
      g_assert_true (isfinite (s));
      g_assert_cmpfloat (s, >=, 0);
      g_assert_cmpfloat (s, <=, 1);
    }

  /* an embedded nul is a byte like any other when the length is given */
  {
    static const char with_nul[] = "Sales rose\0 12% in 2023.";
    double            s = crb_checkworthiness_score (model, with_nul, sizeof with_nul - 1);
    g_assert_true (isfinite (s));
    g_assert_cmpfloat (s, !=, score (with_nul));
  }
}

static void
test_length (void)
{
  const char *text = "The bridge opened in 1937. Subscribe to our newsletter.";
  gsize       first = strlen ("The bridge opened in 1937.");

  g_assert_cmpfloat (crb_checkworthiness_score (model, text, strlen (text)), ==, score (text));
  g_assert_cmpfloat (crb_checkworthiness_score (model, text, first), ==,
                     score ("The bridge opened in 1937."));
}

static void
test_normalization (void)
{
  /* typographic punctuation, case, digits and white space do not matter */
  g_assert_cmpfloat (score ("\xe2\x80\x9cWe will rebuild,\xe2\x80\x9d he said \xe2\x80\x94 "
                            "it\xe2\x80\x99s over\xe2\x80\xa6"),
                     ==,
                     score ("\"We will rebuild,\" he said - it's over."));
  g_assert_cmpfloat (score ("Prices ROSE 12% in 2023"), ==, score ("prices rose 98% in 1999"));
  g_assert_cmpfloat (score ("  Prices\trose\n\n12%  "), ==, score ("Prices rose 12%"));
  g_assert_cmpfloat (score ("Prices rose 12%"), !=, score ("Prices rose 12"));
}

static void
test_long_input (void)
{
  const char      *sentence = "Officials said 1,200 homes were destroyed in the fire on Sunday. ";
  gsize            n = strlen (sentence);
  gsize            total = 8 * 1024 * 1024;
  g_autofree char *text = g_malloc (total + 1);
  g_autofree char *word = NULL;
  double           s;

  for (gsize i = 0; i < total; i++)
    text[i] = sentence[i % n];
  text[total] = '\0';
  s = crb_checkworthiness_score (model, text, total);
  g_assert_true (isfinite (s));
  g_assert_cmpfloat (s, >=, 0);
  g_assert_cmpfloat (s, <=, 1);

  /* one 2 MB word: no token buffer to overflow */
  word = g_strnfill (2 * 1024 * 1024, 'x');
  s = score (word);
  g_assert_true (isfinite (s));

  /* just past the stack buffer */
  for (gsize len = 2040; len < 2056; len++)
    g_assert_true (isfinite (crb_checkworthiness_score (model, text, len)));
}

#define N_THREADS   4
#define N_SENTENCES 400

static char **
thread_sentences (void)
{
  char **s = g_new0 (char *, N_SENTENCES + 1);

  for (guint i = 0; i < N_SENTENCES; i++)
    s[i] = g_strdup_printf ("In %u, the council spent $%u million on %u new %s.",
                            1990 + i % 30, i * 7 % 97, i, i % 2 ? "schools" : "roads");
  return s;
}

static gpointer
score_all (gpointer data)
{
  char  **sentences = data;
  double *out = g_new (double, N_SENTENCES);

  for (guint i = 0; i < N_SENTENCES; i++)
    out[i] = score (sentences[i]);
  return out;
}

static void
test_threads (void)
{
  g_auto (GStrv) sentences = thread_sentences ();
  g_autofree double *expected = score_all (sentences);
  GThread           *threads[N_THREADS];

  for (guint t = 0; t < N_THREADS; t++)
    threads[t] = g_thread_new ("score", score_all, sentences);
  for (guint t = 0; t < N_THREADS; t++)
    {
      g_autofree double *got = g_thread_join (threads[t]);
      g_assert_cmpmem (got, N_SENTENCES * sizeof (double), expected, N_SENTENCES * sizeof (double));
    }
}

/* ------------------------------------------------------------------ */
/* explanations                                                         */
/* ------------------------------------------------------------------ */

static gboolean
has_feature (GPtrArray  *features,
             const char *description)
{
  for (guint i = 0; i < features->len; i++)
    {
      CrbCheckworthinessFeature *f = g_ptr_array_index (features, i);
      if (g_str_equal (f->description, description))
        return TRUE;
    }
  return FALSE;
}

static void
test_explain (void)
{
  const char *text = "Unemployment fell to 3.9 percent in March, the lowest since 1969.";
  g_autoptr (GPtrArray) all = crb_checkworthiness_explain (model, text, -1, 100);
  g_autoptr (GPtrArray) three = crb_checkworthiness_explain (model, text, -1, 3);
  g_autoptr (GPtrArray) none = crb_checkworthiness_explain (model, text, -1, 0);
  g_autoptr (GPtrArray) empty = crb_checkworthiness_explain (model, "", 0, 5);
  g_autoptr (GPtrArray) question = crb_checkworthiness_explain (model, "What should we do now?", -1, 100);
  double previous = G_MAXDOUBLE;
  guint  words = 0;

  g_assert_cmpuint (all->len, >=, 4);
  for (guint i = 0; i < all->len; i++)
    {
      CrbCheckworthinessFeature *f = g_ptr_array_index (all, i);

      g_test_message ("%+.3f  %s", f->weight, f->description);
      g_assert_true (g_utf8_validate (f->description, -1, NULL));
      g_assert_cmpfloat (fabs (f->weight), <=, previous);
      g_assert_cmpfloat (f->weight, !=, 0);
      previous = fabs (f->weight);
      if (g_str_has_prefix (f->description, "word: '") ||
          g_str_has_prefix (f->description, "phrase: '"))
        words++;
    }
  g_assert_cmpuint (words, >=, 2);
  g_assert_true (has_feature (all, "mentions a figure"));
  g_assert_true (has_feature (all, "mentions a percentage"));
  g_assert_true (has_feature (all, "word: 'since'"));

  /* the first n of the full list */
  g_assert_cmpuint (three->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpstr (((CrbCheckworthinessFeature *) g_ptr_array_index (three, i))->description, ==,
                     ((CrbCheckworthinessFeature *) g_ptr_array_index (all, i))->description);
  g_assert_cmpuint (none->len, ==, 0);

  g_assert_nonnull (empty);
  g_assert_true (has_feature (question, "is a question"));
  for (guint i = 0; i < question->len; i++)
    {
      CrbCheckworthinessFeature *f = g_ptr_array_index (question, i);
      if (g_str_equal (f->description, "is a question"))
        g_assert_cmpfloat (f->weight, <, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr (GError) error = NULL;
  int ret;

  g_test_init (&argc, &argv, NULL);

  model = crb_checkworthiness_load_default (&error);
  g_assert_no_error (error);

  g_test_add_func ("/corroborate/checkworthiness/load/default", test_load_default);
  g_test_add_func ("/corroborate/checkworthiness/load/truncated", test_load_truncated);
  g_test_add_func ("/corroborate/checkworthiness/load/corrupted", test_load_corrupted);
  g_test_add_func ("/corroborate/checkworthiness/score/parity", test_parity);
  g_test_add_func ("/corroborate/checkworthiness/score/order", test_order);
  g_test_add_func ("/corroborate/checkworthiness/score/empty", test_empty);
  g_test_add_func ("/corroborate/checkworthiness/score/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/corroborate/checkworthiness/score/length", test_length);
  g_test_add_func ("/corroborate/checkworthiness/score/normalization", test_normalization);
  g_test_add_func ("/corroborate/checkworthiness/score/long-input", test_long_input);
  g_test_add_func ("/corroborate/checkworthiness/score/threads", test_threads);
  g_test_add_func ("/corroborate/checkworthiness/explain", test_explain);

  ret = g_test_run ();
  crb_checkworthiness_free (model);
  return ret;
}
