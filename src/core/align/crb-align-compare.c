/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align-compare.c: scores a pair of items and says how they relate:
 * the cosine of their content words, shared names, quantities of one
 * unit compared as intervals (qualifiers widen them), days, venues,
 * negation, and frames (who did it).  See docs/alignment.md, Method,
 * step 4. */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align-private.h"

#include <math.h>
#include <string.h>

/* Reasons are only written for pairs that become links. */
#define SAY(array, ...)                                                 \
  G_STMT_START {                                                        \
    if ((array) != NULL)                                                \
      g_ptr_array_add ((array), g_strdup_printf (__VA_ARGS__));         \
  } G_STMT_END
/* The same, unless the reason is there already. */
#define SAY_ONCE(array, ...)                                            \
  G_STMT_START {                                                        \
    if ((array) != NULL)                                                \
      add_once ((array), g_strdup_printf (__VA_ARGS__));                \
  } G_STMT_END

/* Adds @s (taken) to @array unless it holds it already. */
static void
add_once (GPtrArray *array,
          char      *s)
{
  if (_crb_align_str_in (array, s))
    g_free (s);
  else
    g_ptr_array_add (array, s);
}

/* The rounding step a figure was written with: 1 for 52, 0.1 for 41.8. */
static double
rounding (double v)
{
  double step = 1;

  for (guint k = 0; k < 6 && fabs (v - round (v / step) * step) > 1e-9 * MAX (1, fabs (v)); k++)
    step /= 10;
  return step;
}

static gboolean
near_bound (double bound,
            double value)
{
  return value <= MAX (bound * BOUND_SPAN, bound + 10);
}

/* Whether two figures for one quantity can both be true. */
static gboolean
qty_compatible (const Qty *x,
                const Qty *y)
{
  gboolean ys = y->strict;
  Bound bx = x->bound, by = y->bound;
  double a = x->value, b = y->value;

  if (bx > by)
    return qty_compatible (y, x);

  switch (bx)
    {
    case BOUND_EXACT:
      switch (by)
        {
        case BOUND_EXACT:
          /* "52 percent" is "52.4 percent" rounded */
          return fabs (a - b) <= MAX (0.005 * MAX (fabs (a), fabs (b)),
                                      0.5 * MAX (rounding (a), rounding (b)));
        case BOUND_LOWER:
          return (ys ? a > b : a >= b) && near_bound (b, a);
        case BOUND_UPPER:
          return ys ? a < b : a <= b;
        case BOUND_ABOUT:
          return fabs (a - b) <= 0.15 * fabs (b);
        default:
          g_assert_not_reached ();
        }
    case BOUND_LOWER:
      switch (by)
        {
        case BOUND_LOWER:
          return near_bound (MIN (a, b), MAX (a, b));
        case BOUND_UPPER:
          return a <= b;
        case BOUND_ABOUT:
          return b * 1.15 >= a && near_bound (a, b);
        case BOUND_EXACT:
        default:
          g_assert_not_reached ();
        }
    case BOUND_UPPER:
      switch (by)
        {
        case BOUND_UPPER:
          return TRUE;
        case BOUND_ABOUT:
          return b * 0.85 <= a;
        case BOUND_EXACT:
        case BOUND_LOWER:
        default:
          g_assert_not_reached ();
        }
    case BOUND_ABOUT:
      return fabs (a - b) <= 0.15 * MAX (a, b) * 2;
    default:
      g_assert_not_reached ();
    }
}

static const char *
format_qty (Qty *q)
{
  static const char * const words[][2] = {
    { "at-least", "at least " }, { "more-than", "more than " }, { "at-most", "at most " },
    { "less-than", "less than " }, { "about", "about " },
  };
  const char *prefix = "";

  if (q->shown != NULL)
    return q->shown;
  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (strcmp (q->qualifier, words[k][0]) == 0)
      prefix = words[k][1];
  q->shown = g_strdup_printf ("%s%.15g", prefix, q->value);
  return q->shown;
}

typedef enum
{
  QTY_AGREE,
  QTY_CONFLICT,
  QTY_UPDATE,
} QtyVerdict;

/* Compares the figures of one unit; adds the reason to @why. */
static QtyVerdict
compare_category (Ctx          *ctx,
                  const Brief  *x,
                  const Brief  *y,
                  const Qty    *unit,
                  GPtrArray    *why)
{
  Qty *best_x = NULL, *best_y = NULL;
  const char *tx = NULL, *ty = NULL;
  double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  const char *date_x, *date_y;

  for (guint k = 0; k < x->n_qtys; k++)
    {
      Qty *qx = &x->qtys[k];

      if (qx->unit != unit->unit)
        continue;
      max_x = MAX (max_x, qx->value);
      for (guint l = 0; l < y->n_qtys; l++)
        {
          Qty *qy = &y->qtys[l];

          if (qy->unit != unit->unit)
            continue;
          max_y = MAX (max_y, qy->value);
          if (best_x == NULL || qty_compatible (qx, qy))
            {
              gboolean found = qty_compatible (qx, qy);

              best_x = qx;
              best_y = qy;
              if (found)
                {
                  if (why != NULL)
                    {
                      tx = format_qty (qx);
                      ty = format_qty (qy);
                      g_ptr_array_add (why, g_strconcat (unit->label, ": ", tx, " vs ", ty,
                                                         " — compatible", NULL));
                    }
                  return QTY_AGREE;
                }
            }
        }
    }

  g_assert (best_x != NULL);
  if (why != NULL)
    {
      tx = format_qty (best_x);
      ty = format_qty (best_y);
    }

  /* A toll that rises in a later report is news, not a contradiction. */
  date_x = g_ptr_array_index (ctx->article_date, x->article);
  date_y = g_ptr_array_index (ctx->article_date, y->article);
  if (unit->toll && date_x != NULL && date_y != NULL)
    {
      int order = strncmp (date_x, date_y, 10);

      if ((order < 0 && max_y > max_x) || (order > 0 && max_x > max_y))
        {
          if (why != NULL)
            {
              g_autofree char *later = g_strndup (order < 0 ? date_y : date_x, 10);

              g_ptr_array_add (why, g_strconcat (unit->label, ": ", tx, " vs ", ty, NULL));
              g_ptr_array_add (why, g_strconcat ("later report (", later,
                                                 ") raises the toll: update, not conflict", NULL));
            }
          return QTY_UPDATE;
        }
    }

  if (why != NULL)
    g_ptr_array_add (why, g_strconcat (unit->label, ": ", tx, " vs ", ty, " — conflict", NULL));
  return QTY_CONFLICT;
}

static gboolean
has_token (Ctx   *ctx,
           Item  *item,
           guint  id)
{
  const guint *tokens = ctx->tok + ctx->tok_start[item->pos];
  guint lo = 0, hi = ctx->tok_start[item->pos + 1] - ctx->tok_start[item->pos];

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2, v = tokens[mid];

      if (v == id)
        return TRUE;
      if (v < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* Whether @part is @whole or a run of its words: "bortnikov" in
 * "alexander bortnikov", "islamic state" in "islamic state khorasan". */
static gboolean
name_within (const char *part,
             const char *whole)
{
  gsize n = strlen (part);

  for (const char *p = strstr (whole, part); p != NULL; p = strstr (p + 1, part))
    if ((p == whole || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return TRUE;
  return FALSE;
}

/* Same name, or a partial name of the other ("Putin", "Vladimir Putin"). */
static gboolean
names_match (Item  *x,
             guint  k,
             Item  *y,
             guint  l)
{
  const Name *a = &g_array_index (x->names, Name, k), *b = &g_array_index (y->names, Name, l);

  if (a->id == b->id)
    return TRUE;
  /* two different one-word names never hold each other */
  if (a->single && b->single)
    return FALSE;
  return strlen (a->name) < strlen (b->name) ? name_within (a->name, b->name)
                                             : name_within (b->name, a->name);
}

/* names_match () for the entities @k of the item at @i and @l of the
 * one at @j, reading their briefs first: most pairs of names are told
 * apart by them, without the items. */
static gboolean
entities_match (Ctx   *ctx,
                guint  i,
                guint  k,
                guint  j,
                guint  l)
{
  const BriefName *a = &ctx->entity_ids[ctx->briefs[i].entities + k];
  const BriefName *b = &ctx->entity_ids[ctx->briefs[j].entities + l];

  if (a->id == b->id)
    return TRUE;
  if (a->single && b->single)
    return FALSE;
  return names_match (g_ptr_array_index (ctx->items, i), k, g_ptr_array_index (ctx->items, j), l);
}

/* "shared words: kill, attack": @prefix, then @items joined by commas. */
static char *
list_reason (const char *prefix,
             GPtrArray  *items)
{
  gsize n = strlen (prefix), len = n;
  char *reason, *p;

  for (guint k = 0; k < items->len; k++)
    len += (k > 0 ? 2 : 0) + strlen (g_ptr_array_index (items, k));
  p = reason = g_malloc (len + 1);
  memcpy (p, prefix, n);
  p += n;
  for (guint k = 0; k < items->len; k++)
    {
      const char *item = g_ptr_array_index (items, k);

      if (k > 0)
        {
          *p++ = ',';
          *p++ = ' ';
        }
      n = strlen (item);
      memcpy (p, item, n);
      p += n;
    }
  *p = '\0';
  return reason;
}

static gboolean
same_day (const Date *a,
          const Date *b)
{
  return a->month == b->month && a->day == b->day &&
         (a->year == 0 || b->year == 0 || a->year == b->year);
}

/* The cosine of the content words of two claims.  When @words is not
 * %NULL, the first six content words they share are added to it, as
 * reasons show them. */
static double
cosine (Ctx       *ctx,
        Item      *x,
        Item      *y,
        GPtrArray *words)
{
  /* the hottest loop of the comparison: plain arrays */
  const guint *tx = ctx->tok + ctx->tok_start[x->pos], *ty = ctx->tok + ctx->tok_start[y->pos];
  guint nx = ctx->tok_start[x->pos + 1] - ctx->tok_start[x->pos];
  guint ny = ctx->tok_start[y->pos + 1] - ctx->tok_start[y->pos];
  double dot = 0;
  guint k = 0, l = 0;

  while (k < nx && l < ny)
    {
      guint a = tx[k], b = ty[l];

      if (a < b)
        k++;
      else if (b < a)
        l++;
      else
        {
          double w = g_array_index (ctx->idf, double, a);

          if (!ctx->is_key[a])
            {
              dot += w * w;
              if (words != NULL && words->len < 6)
                {
                  const char *word = g_ptr_array_index (ctx->words, a);

                  /* a synonym class shows without its "=" */
                  g_ptr_array_add (words, (gpointer) (word[0] == '=' ? word + 1 : word));
                }
            }
          k++;
          l++;
        }
    }
  if (ctx->norms[x->pos] <= 0 || ctx->norms[y->pos] <= 0)
    return 0;
  return dot / (ctx->norms[x->pos] * ctx->norms[y->pos]);
}

/* Whether what @negated denies is in @other: "Ukraine denied any
 * involvement" against "Ukrainian involvement", not against another part
 * of a long sentence that denies nothing. */
static gboolean
denial_shared (Ctx  *ctx,
               Item *negated,
               Item *other)
{
  for (guint k = 0; k < negated->scope->len; k++)
    if (has_token (ctx, other, g_array_index (negated->scope, guint, k)))
      return TRUE;
  return FALSE;
}

/* The claim's day, if it gives one day only (perhaps twice: "on Sunday,
 * February 9") and writes it out with a number at least once. */
static const Date *
one_explicit_day (Item *item)
{
  const Date *day = NULL, *written = NULL;

  for (guint k = 0; k < item->dates->len; k++)
    {
      const Date *d = &g_array_index (item->dates, Date, k);

      if (d->day == 0 || d->said)
        continue;
      if (day != NULL && !same_day (day, d))
        return NULL;
      day = d;
      if (d->explicit && written == NULL)
        written = d;
    }
  return written;
}

/* Scores a pair and says how it relates.  When @why is not %NULL, the
 * reasons are added to it (owned by the caller), for a pair that relates. */
void
_crb_align_compare_pair (Ctx       *ctx,
                         Pair      *pair,
                         GPtrArray *why)
{
  Item *x = g_ptr_array_index (ctx->items, pair->i);
  Item *y = g_ptr_array_index (ctx->items, pair->j);
  /* what most pairs need of the items, at hand */
  const Brief *bx = &ctx->briefs[pair->i], *by = &ctx->briefs[pair->j];
  /* what the first reasons list */
  GPtrArray *listed = why != NULL ? ctx->listed : NULL;
  const Date *dx = NULL, *dy = NULL;
  guint n_conflicts = 0;
  gboolean shared_qty = FALSE, qty_mismatch = FALSE, dated_same = FALSE;
  gboolean date_conflict = FALSE, dated_both = FALSE, framed, frame_mismatch;
  guint n_names = 0;
  double cos, score, qty_bonus = 0;

  pair->relation = VERDICT_NONE;
  pair->score = 0;

  /* Another event mentioned in passing is never the story's event. */
  if (bx->background != by->background)
    return;

  /* the first reasons: the names, then the words both claims give */
  if (listed != NULL)
    g_ptr_array_set_size (listed, 0);
  for (guint k = 0; k < bx->n_entities; k++)
    for (guint l = 0; l < by->n_entities; l++)
      if (entities_match (ctx, pair->i, k, pair->j, l))
        {
          n_names++;
          if (listed != NULL)
            g_ptr_array_add (listed, g_array_index (x->names, Name, k).shown);
          break;
        }
  if (n_names > 0 && why != NULL)
    g_ptr_array_add (why, list_reason ("shared entities: ", listed));

  if (listed != NULL)
    g_ptr_array_set_size (listed, 0);
  /* the search for candidates found the cosine already, summed the same
   * way; the reasons need the words */
  cos = pair->cos_known && listed == NULL ? ctx->pair_cos[pair - &g_array_index (ctx->pairs, Pair, 0)] :
                                            cosine (ctx, x, y, listed);
  if (listed != NULL && listed->len > 0)
    g_ptr_array_add (why, list_reason ("shared words: ", listed));

  if (bx->background)
    {
      gboolean same_event = FALSE;

      for (guint k = 0; k < x->dates->len && !same_event; k++)
        for (guint l = 0; l < y->dates->len && !same_event; l++)
          {
            Date *a = &g_array_index (x->dates, Date, k), *b = &g_array_index (y->dates, Date, l);

            same_event = a->year == b->year && a->year > 0 &&
                         (a->month == 0 || b->month == 0 || a->month == b->month);
          }
      for (guint k = 0; k < x->places->len && !same_event; k++)
        same_event = _crb_align_str_in (y->places, g_ptr_array_index (x->places, k));
      if (!same_event)
        return;
    }

  /* quantities, unit by unit */
  if (bx->n_qtys > 0 && by->n_qtys > 0)
  {
    gboolean x_toll = FALSE, y_toll = FALSE;

    for (guint k = 0; k < bx->n_qtys; k++)
      {
        const Qty *q = &bx->qtys[k];
        gboolean in_y = FALSE, seen = FALSE;

        x_toll |= q->toll;
        for (guint m = 0; m < k && !seen; m++)
          seen = bx->qtys[m].unit == q->unit;
        if (seen)
          continue;
        for (guint l = 0; l < by->n_qtys && !in_y; l++)
          in_y = by->qtys[l].unit == q->unit;
        if (!in_y)
          continue;
        shared_qty = TRUE;
        qty_bonus += qty_bonus > 0 ? 0.1 : q->bonus;
        switch (compare_category (ctx, bx, by, q, why))
          {
          case QTY_CONFLICT:
            n_conflicts++;
            break;
          case QTY_AGREE:
            /* the same figure in other words: "41.8 percent", "42 percent" */
            qty_bonus += SAME_FIGURE_BONUS;
            break;
          case QTY_UPDATE:
          default:
            break;
          }
      }
    for (guint l = 0; l < by->n_qtys; l++)
      y_toll |= by->qtys[l].toll;
    /* deaths in one, arrests in the other: different facts */
    qty_mismatch = !shared_qty && x_toll && y_toll;
  }

  /* dates of the day (none unless both give dates) */
  if (bx->n_dates > 0 && by->n_dates > 0)
  {
    gboolean any_x = FALSE, any_y = FALSE;

    for (guint k = 0; k < x->dates->len; k++)
      {
        Date *a = &g_array_index (x->dates, Date, k);

        if (a->day == 0)
          continue;
        any_x = TRUE;
        for (guint l = 0; l < y->dates->len; l++)
          {
            Date *b = &g_array_index (y->dates, Date, l);

            if (b->day == 0)
              continue;
            any_y = TRUE;
            dx = a;
            dy = b;
            if (same_day (a, b))
              {
                dated_same = TRUE;
                SAY (why, "same date: %s", a->year ? a->value : b->value);
                break;
              }
          }
        if (dated_same)
          break;
      }
    /* "on Friday" on the day of publication is the day something was said,
     * not the event's: a conflict needs one day in each claim, written
     * out in both ("early on Sunday, February 9, 2025" is one day) */
    if (any_x && any_y && !dated_same)
      {
        dx = one_explicit_day (x);
        dy = one_explicit_day (y);
      }
    date_conflict = any_x && any_y && !dated_same && dx != NULL && dy != NULL;
    /* both date something to the day: likely the same kind of statement */
    dated_both = dated_same || date_conflict;
    if (date_conflict)
      n_conflicts++;
  }

  /* who did it, or who claims it: the same actor.  Claims that count
   * victims are about the toll. */
  framed = bx->frame != FRAME_NONE && bx->frame == by->frame && !bx->casualties && !by->casualties &&
           (strcmp (x->actor, y->actor) == 0 ||
            (strlen (x->actor) < strlen (y->actor) ? name_within (x->actor, y->actor)
                                                   : name_within (y->actor, x->actor)));

  /* the actor is a name both claims give, even when one gives it as
   * "the group" */
  score = cos + 0.07 * (framed && n_names == 0 ? 1 : MIN (n_names, 3)) + qty_bonus + (dated_same ? 0.15 : 0) +
          (dated_both ? 0.08 : 0) + (framed ? FRAME_BONUS : 0);
  /* "IS claimed responsibility" and "Moscow blamed Ukraine": each tells
   * who did it, differently: two facts */
  frame_mismatch = bx->frame != FRAME_NONE && by->frame != FRAME_NONE && !framed &&
                   !bx->casualties && !by->casualties;
  if (qty_mismatch || frame_mismatch)
    score = MIN (score, SAME_FACT_SCORE - 0.01);
  score = MIN (score, 1.0);

  if (framed && why != NULL)
    {
      const char *longer = strlen (x->actor) >= strlen (y->actor) ? x->actor : y->actor;
      g_autofree char *actor = _crb_align_title_case (longer);

      if (x->frame == FRAME_INVOLVE)
        SAY (why, "both on whether %s was involved", actor);
      else
        SAY (why, "both on %s claiming responsibility", actor);
    }
  if (qty_mismatch)
    SAY (why, "different figures (not the same count): not the same fact");
  if (frame_mismatch)
    SAY (why, "each says who did it, differently: not the same fact");
  if (bx->background)
    SAY (why, "both about another event (%s)", x->background_why);

  /* figures or days that conflict in a pair too loose to be the same
   * fact alone: if other links put both claims in one fact, they are
   * compared as the same fact */
  pair->contradicts = n_conflicts > 0 && !qty_mismatch && !frame_mismatch && score >= RELATED_SCORE;
  if (pair->in_fact && pair->contradicts && score < SAME_FACT_SCORE)
    SAY (why, "both in one fact through other claims: compared as the same fact");
  if (score >= SAME_FACT_SCORE || (pair->in_fact && pair->contradicts))
    {
      /* the conflicts other than of figures (whose reasons are in @why
       * already) are reasons of a same-fact pair only */
      if (date_conflict)
        SAY_ONCE (why, "date: %s vs %s — conflict", dx->value, dy->value);
      /* venues */
      if (bx->n_venues > 0 && by->n_venues > 0)
        {
          gboolean common = FALSE;

          for (guint k = 0; k < x->venues->len && !common; k++)
            common = _crb_align_str_in (y->venues, g_ptr_array_index (x->venues, k));
          if (!common)
            {
              n_conflicts++;
              SAY_ONCE (why, "venue: %s vs %s — conflict", (char *) g_ptr_array_index (x->venues, 0),
                        (char *) g_ptr_array_index (y->venues, 0));
            }
        }
      /* one asserts what the other denies */
      if ((framed && bx->frame == FRAME_INVOLVE && bx->frame_negative != by->frame_negative) ||
          (bx->negative != by->negative && !shared_qty && cos >= 0.25 &&
           denial_shared (ctx, x->negative ? x : y, x->negative ? y : x)))
        {
          n_conflicts++;
          SAY_ONCE (why, "one report denies what the other asserts — conflict");
        }
      pair->relation = n_conflicts > 0 ? CRB_RELATION_CONFLICTS : CRB_RELATION_AGREES;
    }
  else if (score >= RELATED_SCORE)
    pair->relation = CRB_RELATION_RELATED;
  else
    return;

  pair->score = score;
}
