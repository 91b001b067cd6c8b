/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align.c: links claims of different articles of one story that state
 * the same fact, says whether they agree or conflict, and groups them into
 * facts.  Lexical and value-based, no model: see docs/alignment.md.
 *
 * 1. Each claim becomes an item: content words (synonym keys and light
 *    stems), entity names, quantities by unit, dates, venues, polarity,
 *    and whether it is about another event than the story's.
 * 2. Candidates come from an inverted index over the words, weighted by
 *    their inverse frequency in the story, so the cost grows with the
 *    size of the story and the overlap of its claims, not with the square
 *    of the corpus.
 * 3. Each candidate pair is scored and compared: quantities of one unit by
 *    their intervals (qualifiers widen them), day dates, venues, negation.
 *    Two claims on who did it, of the same actor ("Ukraine denied
 *    involvement", "Moscow blamed Ukraine"), are the same fact.
 * 4. A claim keeps, per other article, its best partner; a pair is linked
 *    when each is the other's best.  Facts are the connected groups of
 *    agreeing and conflicting links (and of manual links); a claim that
 *    matches two claims of a fact joins it too. */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align.h"
#include "crb-align-private.h"

#include <stdlib.h>
#include <string.h>

char *
_crb_align_pair_key (const char *a,
                     const char *b)
{
  return strcmp (a, b) < 0 ? g_strconcat (a, "\n", b, NULL) : g_strconcat (b, "\n", a, NULL);
}

static GHashTable *
make_pair_set (GPtrArray *links)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; links && k < links->len; k++)
    {
      CrbLink *link = g_ptr_array_index (links, k);

      if (link != NULL && link->a != NULL && link->b != NULL)
        g_hash_table_add (set, _crb_align_pair_key (link->a, link->b));
    }
  return set;
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->items, g_ptr_array_unref);
  g_clear_pointer (&ctx->item_of_id, g_hash_table_unref);
  g_clear_pointer (&ctx->words, g_ptr_array_unref);
  g_clear_pointer (&ctx->word_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->key_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->name_of, g_hash_table_unref);
  g_clear_pointer (&ctx->df, g_array_unref);
  g_clear_pointer (&ctx->idf, g_array_unref);
  g_clear_pointer (&ctx->article_ids, g_ptr_array_unref);
  g_clear_pointer (&ctx->outlets, g_ptr_array_unref);
  g_clear_pointer (&ctx->article_date, g_ptr_array_unref);
  g_clear_pointer (&ctx->story_places, g_hash_table_unref);
  g_clear_pointer (&ctx->removed, g_hash_table_unref);
  g_clear_pointer (&ctx->manual, g_hash_table_unref);
  g_clear_pointer (&ctx->is_key, g_free);
  g_clear_pointer (&ctx->word_cache, g_hash_table_unref);
  g_clear_pointer (&ctx->article_org, g_ptr_array_unref);
  g_clear_pointer (&ctx->ends, g_array_unref);
  g_clear_pointer (&ctx->why, g_ptr_array_unref);
  g_clear_pointer (&ctx->listed, g_ptr_array_unref);
}

/* Adds @link, from the item at @a to the one at @b, to @links. */
void
_crb_align_push_link (Ctx       *ctx,
                      GPtrArray *links,
                      CrbLink   *link,
                      guint      a,
                      guint      b)
{
  guint ends[2] = { a, b };

  g_ptr_array_add (links, link);
  g_array_append_val (ctx->ends, ends);
}

/* A link from a scored pair, with its reasons and @also after them. */
CrbLink *
_crb_align_make_link (Ctx        *ctx,
                      Pair       *pair,
                      const char *also)
{
  Item *x = g_ptr_array_index (ctx->items, pair->i), *y = g_ptr_array_index (ctx->items, pair->j);
  GPtrArray *why = ctx->why;
  CrbLink *link;

  g_ptr_array_set_size (why, 0);
  _crb_align_compare_pair (ctx, pair, why);
  g_assert (pair->relation != VERDICT_NONE);
  if (also != NULL)
    g_ptr_array_add (why, g_strdup (also));
  g_ptr_array_add (why, NULL);
  link = g_new0 (CrbLink, 1);
  link->a = g_strdup (x->id);
  link->b = g_strdup (y->id);
  link->relation = pair->relation;
  link->score = pair->score;
  /* the link takes the reasons over */
  link->why = g_memdup2 (why->pdata, why->len * sizeof (char *));
  return link;
}

void
_crb_align_add_link (Ctx        *ctx,
                     Pair       *pair,
                     GPtrArray  *links,
                     const char *also)
{
  _crb_align_push_link (ctx, links, _crb_align_make_link (ctx, pair, also), pair->i, pair->j);
  pair->link = links->len;
}

typedef struct
{
  guint    a, b;   /* story order of the ends */
  CrbLink *link;
} LinkOrder;

static int
compare_link_order (gconstpointer p,
                    gconstpointer q)
{
  const LinkOrder *x = p, *y = q;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

/* Links ordered by their first claim, then their second, in story order. */
static void
sort_links (Ctx       *ctx,
            GPtrArray *links)
{
  g_autofree LinkOrder *order = g_new (LinkOrder, MAX (links->len, 1));

  for (guint l = 0; l < links->len; l++)
    {
      CrbLink *link = g_ptr_array_index (links, l);
      Item *a = g_ptr_array_index (ctx->items, _crb_align_link_end (ctx, l, 0));
      Item *b = g_ptr_array_index (ctx->items, _crb_align_link_end (ctx, l, 1));

      order[l].a = a->index;
      order[l].b = b->index;
      order[l].link = link;
    }
  qsort (order, links->len, sizeof (LinkOrder), compare_link_order);
  for (guint l = 0; l < links->len; l++)
    links->pdata[l] = order[l].link;
}

/* Manual links as given, put in story order; links to claims the story
 * does not hold, or within one article, are dropped with a warning. */
static void
add_manual_links (Ctx       *ctx,
                  GPtrArray *manual_links,
                  GPtrArray *links)
{
  for (guint k = 0; manual_links && k < manual_links->len; k++)
    {
      CrbLink *given = g_ptr_array_index (manual_links, k);
      Item *a, *b;
      CrbLink *link;

      if (given == NULL || given->a == NULL || given->b == NULL)
        continue;
      a = g_hash_table_lookup (ctx->item_of_id, given->a);
      b = g_hash_table_lookup (ctx->item_of_id, given->b);
      if (a == NULL || b == NULL || a->article == b->article)
        {
          g_warning ("Manual link %s – %s ignored: not two claims of different articles of the story",
                     given->a, given->b);
          continue;
        }
      if (!g_hash_table_add (ctx->manual, _crb_align_pair_key (given->a, given->b)))
        continue;
      link = crb_link_copy (given);
      link->manual = TRUE;
      if (a->index > b->index)
        {
          char *t = link->a;
          Item *u = a;

          link->a = link->b;
          link->b = t;
          a = b;
          b = u;
        }
      _crb_align_push_link (ctx, links, link, a->pos, b->pos);
    }
}

CrbAlignment *
crb_align_story (CrbStory  *story,
                 GPtrArray *manual_links,
                 GPtrArray *removed)
{
  Ctx ctx = { 0 };
  g_autoptr (GArray) pairs = NULL;
  g_autofree int *best = NULL;
  g_autofree guint *parent = NULL;
  g_autoptr (GArray) supports = NULL;
  g_autoptr (GArray) accepted = NULL;
  CrbAlignment *alignment;
  gboolean decided;
  guint n;

  g_return_val_if_fail (CRB_IS_STORY (story), NULL);

  ctx.story = story;
  ctx.removed = make_pair_set (removed);
  ctx.manual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.ends = g_array_new (FALSE, FALSE, 2 * sizeof (guint));
  ctx.why = g_ptr_array_new ();
  ctx.listed = g_ptr_array_new ();
  _crb_align_load_story (&ctx, story);
  n = ctx.items->len;

  alignment = g_new0 (CrbAlignment, 1);
  alignment->links = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
  alignment->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_fact_free);
  alignment->fact_of_claim = g_hash_table_new (g_str_hash, g_str_equal);

  add_manual_links (&ctx, manual_links, alignment->links);

  /* score the candidates, but the pairs the reviewer decided on */
  pairs = _crb_align_find_candidates (&ctx);
  decided = g_hash_table_size (ctx.removed) + g_hash_table_size (ctx.manual) > 0;
  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = &g_array_index (pairs, Pair, p);
      Item *x = g_ptr_array_index (ctx.items, pair->i), *y = g_ptr_array_index (ctx.items, pair->j);

      if (decided)
        {
          g_autofree char *key = _crb_align_pair_key (x->id, y->id);

          if (g_hash_table_contains (ctx.removed, key) || g_hash_table_contains (ctx.manual, key))
            {
              pair->relation = VERDICT_NONE;
              continue;
            }
        }
      _crb_align_compare_pair (&ctx, pair, NULL);
    }

  /* each item's best partner in each other article; same-fact first */
  best = g_new (int, (gsize) n * MAX (ctx.n_articles, 1));
  for (gsize k = 0; k < (gsize) n * ctx.n_articles; k++)
    best[k] = -1;
  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = &g_array_index (pairs, Pair, p);
      guint ends[2][2] = { { pair->i, pair->j }, { pair->j, pair->i } };

      if (pair->relation == VERDICT_NONE)
        continue;
      for (guint e = 0; e < 2; e++)
        {
          Item *other = g_ptr_array_index (ctx.items, ends[e][1]);
          int *slot = &best[(gsize) ends[e][0] * ctx.n_articles + other->article];
          Pair *held = *slot >= 0 ? &g_array_index (pairs, Pair, *slot) : NULL;

          if (held == NULL ||
              (held->relation == CRB_RELATION_RELATED && pair->relation != CRB_RELATION_RELATED) ||
              ((held->relation == CRB_RELATION_RELATED) == (pair->relation == CRB_RELATION_RELATED) &&
               pair->score > held->score))
            *slot = (int) p;
        }
    }
  supports = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = &g_array_index (pairs, Pair, p);
      Item *x = g_ptr_array_index (ctx.items, pair->i), *y = g_ptr_array_index (ctx.items, pair->j);

      gboolean best_i = best[(gsize) pair->i * ctx.n_articles + y->article] == (int) p;
      gboolean best_j = best[(gsize) pair->j * ctx.n_articles + x->article] == (int) p;

      if (pair->relation == VERDICT_NONE)
        continue;
      if (!(best_i && best_j) &&
          (!(best_i || best_j) || pair->relation == CRB_RELATION_RELATED || pair->score < ONE_SIDED_SCORE))
        {
          if (pair->relation != CRB_RELATION_RELATED)
            g_array_append_val (supports, p);
          continue;
        }
      _crb_align_add_link (&ctx, pair, alignment->links, NULL);
    }

  /* facts: groups joined by same-fact links and by manual links */
  parent = g_new (guint, MAX (n, 1));
  accepted = g_array_new (FALSE, FALSE, sizeof (guint));
  _crb_align_join_facts (&ctx, alignment->links, pairs, supports, parent, accepted);
  for (guint k = 0; k < accepted->len; k++)
    {
      guint p = g_array_index (supports, guint, g_array_index (accepted, guint, k));

      _crb_align_add_link (&ctx, &g_array_index (pairs, Pair, p), alignment->links,
                           "matches two claims of the fact: joins it");
    }
  _crb_align_flag_loose_conflicts (&ctx, pairs, parent, alignment->links);
  _crb_align_flag_inherited_denials (&ctx, parent, alignment->links);
  sort_links (&ctx, alignment->links);

  _crb_align_build_facts (&ctx, parent, alignment);

  ctx_clear (&ctx);
  return alignment;
}
