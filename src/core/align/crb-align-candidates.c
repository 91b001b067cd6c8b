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

G_STATIC_ASSERT (CANDIDATES_PER_CLAIM < G_MAXUINT8);

/* A candidate of an item: the other item, and how good a candidate it is. */
typedef struct
{
  guint  other;
  float  rank;
  double cos;    /* of the pair's content words, as _crb_align_compare_pair () finds it */
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

/* What a word adds when two items share it: to the dot product of their
 * content words (the square of its inverse frequency, 0 for names and
 * units), or to what their shared names, units and frames may add to the
 * score (roughly: see _crb_align_compare_pair ()).  @stamp marks the
 * words of the item being searched from. */
typedef struct
{
  double weight;
  float  bonus;
  guint  stamp;
} WordWeight;

/* What the search adds up for an item as the other item of a pair, and
 * what it reads of it: in one place, as the items come in no order. */
typedef struct
{
  double acc;      /* the dot product so far */
  double norm;
  float  keyed;    /* the bonus so far */
  guint  article;
  guint  seen;
} Other;

/* Adds what a word of weight @weight and bonus @bonus gives to the item
 * at @j, unless it is of @article (the searched item's), and adds it to
 * the @n_touched items at @touched the first time; returns whether it
 * counted.  Without a branch on the item: which items share a word, and
 * which are new, is unpredictable; adding 0 changes no sum (of weights
 * that are never negative). */
static inline guint
visit (Other  *others,
       guint   j,
       guint   article,
       double  weight,
       float   bonus,
       guint  *touched,
       guint  *n_touched)
{
  Other *o = &others[j];
  guint other = o->article != article;

  touched[*n_touched] = j;
  *n_touched += other & !o->seen;
  o->seen |= other;
  o->acc += other ? weight : 0.0;
  o->keyed += other ? bonus : 0.0f;
  return other;
}

/* What the index gives for an item and the item whose words are @ty
 * (@ny of them): the dot product of their content words, and in @bonus
 * what their shared names, units and frames may add to the score.  The
 * first item's words are those whose stamp is @mark. */
static double
shared_weight (const WordWeight *weights,
               guint             mark,
               const guint      *ty,
               guint             ny,
               WordWeight       *shared,
               float            *bonus)
{
  double dot = 0;
  guint n_shared = 0;

  /* the shared words' weights first, without a branch (which words are
   * shared is unpredictable), then their sums, in the same order */
  for (guint l = 0; l < ny; l++)
    {
      const WordWeight *v = &weights[ty[l]];

      shared[n_shared] = *v;
      n_shared += v->stamp == mark;
    }
  *bonus = 0;
  for (guint l = 0; l < n_shared; l++)
    {
      dot += shared[l].weight;
      *bonus += shared[l].bonus;
    }
  return dot;
}

/* Pairs of items of different articles that share enough weighted words,
 * found through an inverted index.
 *
 * In a small story every pair that shares a word is looked at, in the
 * order the index gives.  In a big one, a word found in more than
 * FULL_SCAN_DF claims is looked up only among the NEAR_CLAIMS claims of
 * other articles after each claim that has it (the claims before it find
 * it the same way), and each claim keeps its CANDIDATES_PER_CLAIM best
 * candidates after it: the pairs come in the order of their first item,
 * then of their second.  A claim that more than CANDIDATES_PER_CLAIM
 * earlier claims keep is counted as capped, but keeps them all (a limit
 * before it would only drop pairs the earlier claims chose).  Claims that
 * repeat another word for word (twins) are left out: they follow it. */
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
  /* a word looked up among the claims near each claim that has it: the
   * posting of the next such claim */
  g_autofree guint *cursor = NULL;
  g_autofree Other *others = g_new0 (Other, MAX (n, 1));
  g_autofree guint *touched = g_new (guint, MAX (n, 1));
  /* big stories: the candidates of the item being searched from, and for
   * each item, how many earlier ones kept it (up to CANDIDATES_PER_CLAIM) */
  g_autofree Candidate *found = NULL;
  g_autofree Pair *made = NULL;
  g_autofree double *made_cos = NULL;
  g_autofree guint8 *n_before = NULL;  /* a count up to CANDIDATES_PER_CLAIM */
  g_autofree guint8 *capped = NULL;
  guint n_found = 0;
  /* the items' words in one array (those of item k are tok[tok_start[k]]
   * to tok[tok_start[k + 1] - 1]), and by word what it adds to the dot
   * product or the bonus */
  const guint *tok_start = ctx->tok_start;
  const guint *tok = ctx->tok;
  g_autofree WordWeight *weights = g_new (WordWeight, MAX (n_words, 1));
  g_autofree WordWeight *shared = NULL;
  guint most_words = 0;
  guint n_touched = 0;
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (Pair));
  /* the cosine of each pair, as _crb_align_compare_pair () finds it */
  GArray *cos_of = g_array_sized_new (FALSE, FALSE, sizeof (double), 1);

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
      others[k].article = ctx->briefs[k].article;
      others[k].norm = ctx->norms[k];
      if (ctx->twin != NULL && ctx->twin[k] != k)
        continue;
      for (guint t = tok_start[k]; t < tok_start[k + 1]; t++)
        {
          guint w = tok[t];

          /* the words of one claim only have no room */
          if (end[w] < start[w + 1])
            post[end[w]++] = k;
        }
    }

  for (guint w = 0; w < n_words; w++)
    {
      const char *word = g_ptr_array_index (ctx->words, w);
      double idf = g_array_index (ctx->idf, double, w);

      weights[w].weight = ctx->is_key[w] ? 0 : idf * idf;
      /* what a shared name or unit may add to the score, roughly */
      weights[w].bonus = !ctx->is_key[w] ? 0 :
                         word[0] == '#' ? 0.25 : word[0] == '%' ? FRAME_BONUS : 0.05;
      weights[w].stamp = 0;
    }

  for (guint k = 0; k < n; k++)
    most_words = MAX (most_words, tok_start[k + 1] - tok_start[k]);
  shared = g_new (WordWeight, most_words + 1);
  if (big)
    {
      n_before = g_new0 (guint8, MAX (n, 1));
      capped = g_new0 (guint8, MAX (n, 1));
      found = g_new (Candidate, MAX (n, 1));
      made = g_new (Pair, CANDIDATES_PER_CLAIM);
      made_cos = g_new (double, CANDIDATES_PER_CLAIM);
      cursor = g_memdup2 (start, (n_words + 1) * sizeof (guint));
    }

  for (guint i = 0; i < n; i++)
    {
      guint article = others[i].article;
      double norm = others[i].norm;
      guint n_windowed = 0;

      if (ctx->twin != NULL && ctx->twin[i] != i)
        continue;
      for (guint t = tok_start[i]; t < tok_start[i + 1]; t++)
        {
          guint w = tok[t];
          double weight = weights[w].weight;
          float bonus = weights[w].bonus;

          if (start[w + 1] - start[w] > full_df)
            {
              guint hi = start[w + 1], near = 0, p;

              /* the nearest claims of other articles after this one: the
               * claims that have the word come in item order, each once
               * (twins aside), so this one is at the word's cursor */
              g_assert (post[cursor[w]] == i);
              for (p = ++cursor[w]; p < hi && near < NEAR_CLAIMS; p++)
                near += visit (others, post[p], article, weight, bonus, touched, &n_touched);
              if (p < hi)
                capped[i] = 1;
              n_windowed++;
              continue;
            }

          /* postings are in item order: start after i */
          for (guint p = start[w + 1]; p > start[w] && post[p - 1] > i; p--)
            visit (others, post[p - 1], article, weight, bonus, touched, &n_touched);
        }

      for (guint t = 0; t < n_touched; t++)
        {
          guint j = touched[t];
          Other *o = &others[j];
          double cos = norm > 0 && o->norm > 0 ? o->acc / (norm * o->norm) : 0;
          float bonus = o->keyed;

          o->acc = 0;
          o->seen = 0;
          o->keyed = 0;
          /* a common word counts for the claims near this one only; a
           * candidate found is ranked by all the words it shares */
          if (n_windowed > 0 && (cos >= CANDIDATE_COSINE || cos + bonus >= RELATED_SCORE - 0.05))
            {
              double dot;

              /* the words of i, marked once */
              if (weights[tok[tok_start[i]]].stamp != i + 1)
                for (guint s = tok_start[i]; s < tok_start[i + 1]; s++)
                  weights[tok[s]].stamp = i + 1;
              dot = shared_weight (weights, i + 1, tok + tok_start[j],
                                   tok_start[j + 1] - tok_start[j], shared, &bonus);

              cos = norm > 0 && o->norm > 0 ? dot / (norm * o->norm) : 0;
            }
          if (cos >= CANDIDATE_COSINE || cos + bonus >= RELATED_SCORE - 0.05)
            {
              Pair pair = { .i = i, .j = j, .relation = VERDICT_NONE, .cos_known = TRUE };
              Candidate candidate = { j, cos + bonus, cos };

              if (!big)
                {
                  g_array_append_val (pairs, pair);
                  g_array_append_val (cos_of, cos);
                }
              else
                found[n_found++] = candidate;
            }
        }
      n_touched = 0;

      if (big)
        {
          /* its best after it, in the order of the items: the pairs of
           * the items before it are made already */
          if (n_found > CANDIDATES_PER_CLAIM)
            {
              select_best (found, n_found, CANDIDATES_PER_CLAIM);
              n_found = CANDIDATES_PER_CLAIM;
              capped[i] = 1;
            }
          sort_by_other (found, n_found);
          for (guint c = 0; c < n_found; c++)
            {
              Pair pair = { .i = i, .j = found[c].other, .relation = VERDICT_NONE, .cos_known = TRUE };
              guint j = found[c].other;

              made[c] = pair;
              made_cos[c] = found[c].cos;
              /* a claim kept by more earlier claims than that counts as
               * capped; it keeps them all */
              if (n_before[j] < CANDIDATES_PER_CLAIM)
                n_before[j]++;
              else
                capped[j] = 1;
            }
          g_array_append_vals (pairs, made, n_found);
          g_array_append_vals (cos_of, made_cos, n_found);
          n_found = 0;
        }
    }
  g_clear_pointer (&ctx->pair_cos, g_free);
  ctx->pair_cos = (double *) g_array_free (cos_of, FALSE);
  if (!big)
    return pairs;

  for (guint k = 0; k < n; k++)
    ctx->n_capped += capped[k];
  return pairs;
}
