/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align-candidates.c: the pairs of items worth comparing, found
 * through an inverted index over their words, names, units and frames.
 * In a big story the search is bounded per claim, so that its cost grows
 * with the number of claims, not with its square.  See
 * docs/alignment.md, Method, step 3, and "Big stories". */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align-private.h"

#include <string.h>

/* A candidate of an item: the other item, and how good a candidate it is. */
typedef struct
{
  guint other;
  float rank;
} Candidate;

/* Whether @x outranks @y: the higher rank, then the earlier item. */
static gboolean
outranks (const Candidate *x,
          const Candidate *y)
{
  return x->rank > y->rank || (x->rank == y->rank && x->other < y->other);
}

/* Puts the @k best of the @n candidates at @c first, in no order. */
static void
select_best (Candidate *c,
             guint      n,
             guint      k)
{
  guint lo = 0, hi = n;

  /* quickselect, pivot in the middle: the candidates come in no order
   * that would make it slow */
  while (hi - lo > 1)
    {
      Candidate pivot = c[lo + (hi - lo) / 2], t;
      guint i = lo, j = hi - 1;

      while (i <= j)
        {
          while (outranks (&c[i], &pivot))
            i++;
          while (outranks (&pivot, &c[j]))
            j--;
          if (i <= j)
            {
              t = c[i];
              c[i] = c[j];
              c[j] = t;
              i++;
              if (j == 0)
                break;
              j--;
            }
        }
      /* now c[lo..j] outrank or equal the pivot, c[i..hi) are outranked */
      if (k <= j)
        hi = j + 1;
      else if (k >= i)
        lo = i;
      else
        break;
    }
}

/* Sorts the few @n candidates at @c by their other item. */
static void
sort_by_other (Candidate *c,
               guint      n)
{
  for (guint k = 1; k < n; k++)
    {
      Candidate t = c[k];
      guint m = k;

      for (; m > 0 && c[m - 1].other > t.other; m--)
        c[m] = c[m - 1];
      c[m] = t;
    }
}

/* What the index gives for an item and the item whose words are @ty
 * (@ny of them): the dot product of their content words (@weight: the
 * square of a word's inverse frequency, 0 for names and units), and in
 * @bonus what their shared names, units and frames may add to the score
 * (roughly: see _crb_align_compare_pair ()).  The first item's words are
 * those whose @stamp is @mark. */
static double
shared_weight (const guint  *stamp,
               guint         mark,
               const guint  *ty,
               guint         ny,
               const double *weight,
               const float  *key_bonus,
               float        *bonus)
{
  double dot = 0;

  *bonus = 0;
  for (guint l = 0; l < ny; l++)
    if (stamp[ty[l]] == mark)
      {
        dot += weight[ty[l]];
        *bonus += key_bonus[ty[l]];
      }
  return dot;
}

/* Offers @candidate to @heap, which keeps the CANDIDATES_PER_CLAIM best
 * (@n_held of them so far); returns FALSE if one of them had to go. */
static gboolean
offer (Candidate       *heap,
       guint           *n_held,
       const Candidate *candidate)
{
  guint worst = 0;

  if (*n_held < CANDIDATES_PER_CLAIM)
    {
      heap[(*n_held)++] = *candidate;
      return TRUE;
    }
  for (guint k = 1; k < CANDIDATES_PER_CLAIM; k++)
    if (outranks (&heap[worst], &heap[k]))
      worst = k;
  if (outranks (candidate, &heap[worst]))
    heap[worst] = *candidate;
  return FALSE;
}

/* Pairs of items of different articles that share enough weighted words,
 * found through an inverted index.
 *
 * In a small story every pair that shares a word is looked at, in the
 * order the index gives.  In a big one, a word found in more than
 * FULL_SCAN_DF claims is looked up only among the NEAR_CLAIMS claims of
 * other articles after each claim that has it (the claims before it find
 * it the same way), and each claim keeps its CANDIDATES_PER_CLAIM best
 * candidates after it and as many before it: the pairs come in the order
 * of their first item, then of their second.  Claims that repeat another
 * word for word (twins) are left out: they follow it. */
GArray *
_crb_align_find_candidates (Ctx *ctx)
{
  guint n = ctx->items->len, n_words = ctx->words->len;
  gboolean big = ctx->big;
  guint full_df = big ? FULL_SCAN_DF : G_MAXUINT;
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
  /* big stories: each item's kept candidates after it, in one array (those
   * of item i from after[after_start[i]]), and its best before it */
  g_autoptr (GArray) after = NULL;
  g_autofree guint *after_start = NULL;
  g_autofree Candidate *before = NULL;
  g_autofree guint *n_before = NULL;
  g_autofree guint8 *capped = NULL;
  g_autoptr (GArray) found = NULL;
  /* big stories: the items' words in one array (those of item k are
   * tok[tok_start[k]] to tok[tok_start[k + 1] - 1]), and by word what it
   * adds to the dot product or the bonus */
  g_autofree guint *tok_start = NULL;
  g_autofree guint *tok = NULL;
  g_autofree double *weight_of = NULL;
  g_autofree float *bonus_of = NULL;
  g_autofree guint *stamp = NULL;
  guint n_touched = 0;
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (Pair));

  start[0] = 0;
  for (guint w = 0; w < n_words; w++)
    {
      guint df = g_array_index (ctx->df, guint, w);

      start[w + 1] = start[w] + (df > 1 ? df : 0);
    }
  post = g_new (guint, MAX (start[n_words], 1));
  end = g_memdup2 (start, (n_words + 1) * sizeof (guint));
  for (guint k = 0; k < n; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);

      article_of[k] = item->article;
      norm_of[k] = item->norm;
      if (ctx->twin != NULL && ctx->twin[k] != k)
        continue;
      for (guint t = 0; t < item->tokens->len; t++)
        {
          guint w = g_array_index (item->tokens, guint, t);

          /* the words of one claim only have no room */
          if (end[w] < start[w + 1])
            post[end[w]++] = k;
        }
    }

  if (big)
    {
      after = g_array_new (FALSE, FALSE, sizeof (Candidate));
      after_start = g_new (guint, n + 1);
      before = g_new (Candidate, (gsize) MAX (n, 1) * CANDIDATES_PER_CLAIM);
      n_before = g_new0 (guint, MAX (n, 1));
      capped = g_new0 (guint8, MAX (n, 1));
      found = g_array_new (FALSE, FALSE, sizeof (Candidate));
      tok_start = g_new (guint, n + 1);
      tok_start[0] = 0;
      for (guint k = 0; k < n; k++)
        tok_start[k + 1] = tok_start[k] + ((Item *) g_ptr_array_index (ctx->items, k))->tokens->len;
      tok = g_new (guint, MAX (tok_start[n], 1));
      for (guint k = 0; k < n; k++)
        {
          GArray *tokens = ((Item *) g_ptr_array_index (ctx->items, k))->tokens;

          memcpy (tok + tok_start[k], tokens->data, tokens->len * sizeof (guint));
        }
      stamp = g_new0 (guint, MAX (n_words, 1));
      weight_of = g_new (double, MAX (n_words, 1));
      bonus_of = g_new (float, MAX (n_words, 1));
      for (guint w = 0; w < n_words; w++)
        {
          const char *word = g_ptr_array_index (ctx->words, w);
          double idf = g_array_index (ctx->idf, double, w);

          weight_of[w] = ctx->is_key[w] ? 0 : idf * idf;
          bonus_of[w] = !ctx->is_key[w] ? 0 :
                        word[0] == '#' ? 0.25 : word[0] == '%' ? FRAME_BONUS : 0.05;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      Item *x = g_ptr_array_index (ctx->items, i);
      guint article = x->article;
      double norm = x->norm;
      guint n_windowed = 0;

      if (after_start != NULL)
        after_start[i] = after->len;
      if (ctx->twin != NULL && ctx->twin[i] != i)
        continue;
      for (guint t = 0; t < x->tokens->len; t++)
        {
          guint w = g_array_index (x->tokens, guint, t);
          const char *word = g_ptr_array_index (ctx->words, w);
          gboolean key = ctx->is_key[w];
          double idf = g_array_index (ctx->idf, double, w);
          double weight = key ? 0 : idf * idf;
          /* what a shared name or unit may add to the score, roughly */
          float bonus = !key ? 0 : word[0] == '#' ? 0.25 : word[0] == '%' ? FRAME_BONUS : 0.05;

          if (start[w + 1] - start[w] > full_df)
            {
              guint lo = start[w], hi = start[w + 1], near = 0, p;

              /* the nearest claims of other articles after this one */
              while (lo < hi)
                {
                  guint mid = lo + (hi - lo) / 2;

                  if (post[mid] <= i)
                    lo = mid + 1;
                  else
                    hi = mid;
                }
              for (p = lo; p < start[w + 1] && near < NEAR_CLAIMS; p++)
                {
                  guint j = post[p];

                  if (article_of[j] == article)
                    continue;
                  near++;
                  if (!seen[j])
                    {
                      touched[n_touched++] = j;
                      seen[j] = 1;
                    }
                  acc[j] += weight;
                  keyed[j] += bonus;
                }
              if (p < start[w + 1])
                capped[i] = 1;
              n_windowed++;
              continue;
            }

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
          float bonus = keyed[j];

          acc[j] = 0;
          seen[j] = 0;
          keyed[j] = 0;
          /* a common word counts for the claims near this one only; a
           * candidate found is ranked by all the words it shares */
          if (n_windowed > 0 && (cos >= CANDIDATE_COSINE || cos + bonus >= RELATED_SCORE - 0.05))
            {
              double dot;

              /* the words of i, marked once */
              if (stamp[tok[tok_start[i]]] != i + 1)
                for (guint s = tok_start[i]; s < tok_start[i + 1]; s++)
                  stamp[tok[s]] = i + 1;
              dot = shared_weight (stamp, i + 1, tok + tok_start[j],
                                   tok_start[j + 1] - tok_start[j], weight_of, bonus_of, &bonus);

              cos = norm > 0 && norm_of[j] > 0 ? dot / (norm * norm_of[j]) : 0;
            }
          if (cos >= CANDIDATE_COSINE || cos + bonus >= RELATED_SCORE - 0.05)
            {
              Pair pair = { i, j, VERDICT_NONE, 0 };
              Candidate candidate = { j, cos + bonus };

              if (!big)
                g_array_append_val (pairs, pair);
              else
                g_array_append_val (found, candidate);
            }
        }
      n_touched = 0;

      if (big)
        {
          /* the best after it, and it among the best before them */
          if (found->len > CANDIDATES_PER_CLAIM)
            {
              select_best ((Candidate *) found->data, found->len, CANDIDATES_PER_CLAIM);
              g_array_set_size (found, CANDIDATES_PER_CLAIM);
              capped[i] = 1;
            }
          g_array_append_vals (after, found->data, found->len);
          for (guint c = 0; c < found->len; c++)
            {
              Candidate *candidate = &g_array_index (found, Candidate, c);
              Candidate back = { i, candidate->rank };
              guint j = candidate->other;

              if (!offer (&before[(gsize) j * CANDIDATES_PER_CLAIM], &n_before[j], &back))
                capped[j] = 1;
            }
          g_array_set_size (found, 0);
        }
    }
  if (!big)
    return pairs;

  /* each pair once, by its first item, then its second: the kept
   * candidates after each item, and those whose best before they are */
  after_start[n] = after->len;
  {
    g_autofree guint *first = g_new0 (guint, n + 1);
    g_autofree guint *fill = NULL;
    g_autofree guint *from_before = NULL;
    g_autofree guint *mark = g_new0 (guint, MAX (n, 1));

    for (guint j = 0; j < n; j++)
      for (guint c = 0; c < n_before[j]; c++)
        first[before[(gsize) j * CANDIDATES_PER_CLAIM + c].other + 1]++;
    for (guint k = 0; k < n; k++)
      first[k + 1] += first[k];
    from_before = g_new (guint, MAX (first[n], 1));
    fill = g_memdup2 (first, (n + 1) * sizeof (guint));
    for (guint j = 0; j < n; j++)
      for (guint c = 0; c < n_before[j]; c++)
        from_before[fill[before[(gsize) j * CANDIDATES_PER_CLAIM + c].other]++] = j;

    for (guint i = 0; i < n; i++)
      {
        for (guint c = after_start[i]; c < after_start[i + 1]; c++)
          {
            Candidate *candidate = &g_array_index (after, Candidate, c);

            g_array_append_val (found, *candidate);
            mark[candidate->other] = i + 1;
          }
        for (guint c = first[i]; c < first[i + 1]; c++)
          if (mark[from_before[c]] != i + 1)
            {
              Candidate candidate = { from_before[c], 0 };

              g_array_append_val (found, candidate);
            }
        sort_by_other ((Candidate *) found->data, found->len);
        for (guint c = 0; c < found->len; c++)
          {
            Pair pair = { i, g_array_index (found, Candidate, c).other, VERDICT_NONE, 0 };

            g_array_append_val (pairs, pair);
          }
        g_array_set_size (found, 0);
      }
  }
  for (guint k = 0; k < n; k++)
    ctx->n_capped += capped[k];
  return pairs;
}
