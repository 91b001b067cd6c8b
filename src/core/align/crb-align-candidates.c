/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align-candidates.c: the pairs of items worth comparing, found
 * through an inverted index over their words, names, units and frames.
 * See docs/alignment.md, Method, step 3. */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align-private.h"

/* Pairs of items of different articles that share enough weighted words,
 * found through an inverted index.  Words in a large share of a big
 * story's claims are left out of the index: they cannot make a pair alone,
 * and their posting lists would make the cost quadratic. */
GArray *
_crb_align_find_candidates (Ctx *ctx)
{
  guint n = ctx->items->len, n_words = ctx->words->len;
  guint max_df = n <= 400 ? n : MAX (60, n / 40);
  /* the index in one array: the items that have word w, in item order,
   * are post[start[w]] to post[start[w + 1] - 1] */
  g_autofree guint *start = g_new (guint, n_words + 1);
  g_autofree guint *end = NULL;
  g_autofree guint *post = NULL;
  g_autofree double *acc = g_new0 (double, n);
  g_autofree guint8 *seen = g_new0 (guint8, n);
  g_autofree float *keyed = g_new0 (float, n);
  g_autofree guint *touched = g_new (guint, MAX (n, 1));
  g_autofree guint *article_of = g_new (guint, MAX (n, 1));
  g_autofree double *norm_of = g_new (double, MAX (n, 1));
  guint n_touched = 0;
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (Pair));

  start[0] = 0;
  for (guint w = 0; w < n_words; w++)
    {
      guint df = g_array_index (ctx->df, guint, w);

      start[w + 1] = start[w] + (df > 1 && df <= max_df ? df : 0);
    }
  post = g_new (guint, MAX (start[n_words], 1));
  end = g_memdup2 (start, (n_words + 1) * sizeof (guint));
  for (guint k = 0; k < n; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);

      article_of[k] = item->article;
      norm_of[k] = item->norm;
      for (guint t = 0; t < item->tokens->len; t++)
        {
          guint w = g_array_index (item->tokens, guint, t);

          /* the words left out have no room */
          if (end[w] < start[w + 1])
            post[end[w]++] = k;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      Item *x = g_ptr_array_index (ctx->items, i);
      guint article = x->article;
      double norm = x->norm;

      for (guint t = 0; t < x->tokens->len; t++)
        {
          guint w = g_array_index (x->tokens, guint, t);
          const char *word = g_ptr_array_index (ctx->words, w);
          gboolean key = ctx->is_key[w];
          double idf = g_array_index (ctx->idf, double, w);
          double weight = key ? 0 : idf * idf;
          /* what a shared name or unit may add to the score, roughly */
          float bonus = !key ? 0 : word[0] == '#' ? 0.25 : word[0] == '%' ? FRAME_BONUS : 0.05;

          /* postings are in item order: start after i */
          for (guint p = start[w + 1]; p > start[w]; p--)
            {
              guint j = post[p - 1];

              if (j <= i)
                break;
              if (article_of[j] == article)
                continue;
              if (!seen[j])
                {
                  touched[n_touched++] = j;
                  seen[j] = 1;
                }
              acc[j] += weight;
              keyed[j] += bonus;
            }
        }

      for (guint t = 0; t < n_touched; t++)
        {
          guint j = touched[t];
          double cos = norm > 0 && norm_of[j] > 0 ? acc[j] / (norm * norm_of[j]) : 0;
          double bonus = keyed[j];

          acc[j] = 0;
          seen[j] = 0;
          keyed[j] = 0;
          if (cos >= CANDIDATE_COSINE || cos + bonus >= RELATED_SCORE - 0.05)
            {
              Pair pair = { i, j, VERDICT_NONE, 0 };

              g_array_append_val (pairs, pair);
            }
        }
      n_touched = 0;
    }

  return pairs;
}
