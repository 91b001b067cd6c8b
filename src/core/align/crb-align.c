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
 *    matches two claims of a fact joins it too.
 * 5. Big stories: claims that repeat another word for word follow it, a
 *    claim's search for candidates is bounded (crb-align-candidates.c),
 *    and the links of big facts are summarized: one joining each claim,
 *    and the strongest conflict of each contested claim.  What was left
 *    out is counted, and said in the alignment's note. */
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
  g_clear_pointer (&ctx->links, g_array_unref);
  g_clear_pointer (&ctx->decided_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->twin, g_free);
  g_clear_pointer (&ctx->summarized, g_free);
  g_clear_pointer (&ctx->briefs, g_free);
  g_clear_pointer (&ctx->entity_ids, g_free);
  g_clear_pointer (&ctx->tok, g_free);
  g_clear_pointer (&ctx->tok_start, g_free);
  g_clear_pointer (&ctx->scratch_tokens, g_array_unref);
  g_clear_pointer (&ctx->norms, g_free);
  g_clear_pointer (&ctx->pair_cos, g_free);
  g_clear_pointer (&ctx->ids, g_string_chunk_free);
  g_clear_pointer (&ctx->pairs, g_array_unref);
  g_clear_pointer (&ctx->why, g_ptr_array_unref);
  g_clear_pointer (&ctx->listed, g_ptr_array_unref);
}

static void
link_clear (gpointer data)
{
  g_clear_pointer (&((Link *) data)->given, crb_link_free);
}

/* Adds @given, a link with its reasons, from the item at @a to the one
 * at @b (taken). */
void
_crb_align_push_link (Ctx     *ctx,
                      CrbLink *given,
                      guint    a,
                      guint    b)
{
  Link link = { a, b, given->relation, given->score, 0, given, NULL, given->manual };

  g_array_append_val (ctx->links, link);
}

/* Adds a link from the scored pair at @p; its reasons, and @also after
 * them, are written if it is stored. */
void
_crb_align_add_link (Ctx        *ctx,
                     guint       p,
                     const char *also)
{
  Pair *pair = _crb_align_pair (ctx, p);
  Link link = { pair->i, pair->j, pair->relation, pair->score, p + 1, NULL, also };

  g_assert (pair->relation != VERDICT_NONE);
  link.tree = pair->joined;
  g_array_append_val (ctx->links, link);
  pair->link = ctx->links->len;
}

/* The CrbLink of @link, with its reasons. */
static CrbLink *
make_link (Ctx  *ctx,
           Link *link)
{
  Pair *pair = _crb_align_pair (ctx, link->pair - 1);
  Item *x = g_ptr_array_index (ctx->items, pair->i), *y = g_ptr_array_index (ctx->items, pair->j);
  GPtrArray *why = ctx->why;
  CrbLink *made;

  g_ptr_array_set_size (why, 0);
  _crb_align_compare_pair (ctx, pair, why);
  g_assert (pair->relation == (link->demoted ? pair->relation : link->relation));
  if (link->also != NULL)
    g_ptr_array_add (why, g_strdup (link->also));
  if (link->demoted)
    {
      guint kept = 0;

      /* a join the groups refused: its conflicts are not the fact's */
      for (guint k = 0; k < why->len; k++)
        if (g_str_has_suffix (why->pdata[k], "— conflict"))
          g_free (why->pdata[k]);
        else
          why->pdata[kept++] = why->pdata[k];
      g_ptr_array_set_size (why, kept);
      g_ptr_array_add (why, g_strdup ("the two claims belong to facts that nothing else joins: "
                                      "related only"));
    }
  g_ptr_array_add (why, NULL);
  made = g_new0 (CrbLink, 1);
  made->a = g_strdup (x->id);
  made->b = g_strdup (y->id);
  made->relation = link->relation;
  made->score = pair->score;
  /* the link takes the reasons over */
  made->why = g_memdup2 (why->pdata, why->len * sizeof (char *));
  return made;
}

static int
compare_links (gconstpointer p,
               gconstpointer q)
{
  const Link *x = p, *y = q;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

/* The stored links, ordered by their first claim, then their second, in
 * story order (the items are in story order), made with their reasons
 * into @links. */
static void
make_links (Ctx       *ctx,
            GPtrArray *links)
{
  g_array_sort (ctx->links, compare_links);
  for (guint l = 0; l < ctx->links->len; l++)
    {
      Link *link = _crb_align_link (ctx, l);

      if (!link->stored)
        continue;
      if (link->given != NULL)
        g_ptr_array_add (links, g_steal_pointer (&link->given));
      else
        g_ptr_array_add (links, make_link (ctx, link));
    }
}

/* Manual links as given, put in story order; links to claims the story
 * does not hold, or within one article, are dropped with a warning. */
static void
add_manual_links (Ctx       *ctx,
                  GPtrArray *manual_links)
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
      _crb_align_push_link (ctx, link, a->pos, b->pos);
    }
}

/* The claims of the links the reviewer made or removed: each is aligned
 * on its own, never as a copy of another. */
static GHashTable *
make_decided_ids (GPtrArray *manual_links,
                  GPtrArray *removed)
{
  GHashTable *ids = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *given[] = { manual_links, removed };

  for (guint g = 0; g < G_N_ELEMENTS (given); g++)
    for (guint k = 0; given[g] != NULL && k < given[g]->len; k++)
      {
        CrbLink *link = g_ptr_array_index (given[g], k);

        if (link != NULL && link->a != NULL && link->b != NULL)
          {
            g_hash_table_add (ids, link->a);
            g_hash_table_add (ids, link->b);
          }
      }
  return ids;
}

/* Adds the pair of the items at @a and @b to the pairs, compared; returns
 * its index. */
static guint
add_pair (Ctx   *ctx,
          guint  a,
          guint  b)
{
  Pair pair = { .i = MIN (a, b), .j = MAX (a, b), .relation = VERDICT_NONE };

  g_array_append_val (ctx->pairs, pair);
  _crb_align_compare_pair (ctx, _crb_align_pair (ctx, ctx->pairs->len - 1), NULL);
  return ctx->pairs->len - 1;
}

/* Adds a link of the twin at @k like link @l of @first, the claim it repeats, to
 * the other end of @l, compared as @l's pair was (perhaps as the same
 * fact); returns whether the link relates them. */
static gboolean
add_link_like (Ctx   *ctx,
               guint  k,
               guint  first,
               guint  l)
{
  Link *link = _crb_align_link (ctx, l);
  guint other = link->a == first ? link->b : link->a;
  Item *item = g_ptr_array_index (ctx->items, k), *o = g_ptr_array_index (ctx->items, other);
  guint p;

  if (o->article == item->article || link->manual)
    return FALSE;
  if (link->pair == 0)
    {
      /* a conflict no comparison gave (an inherited denial): the same
       * reasons */
      CrbLink *given = crb_link_copy (link->given);
      const char *ids[2] = { item->id, o->id };

      g_free (given->a);
      g_free (given->b);
      given->a = g_strdup (ids[other < k]);
      given->b = g_strdup (ids[other > k]);
      _crb_align_push_link (ctx, given, MIN (k, other), MAX (k, other));
      return TRUE;
    }
  p = add_pair (ctx, k, other);
  if (_crb_align_pair (ctx, _crb_align_link (ctx, l)->pair - 1)->in_fact)
    {
      _crb_align_pair (ctx, p)->in_fact = TRUE;
      _crb_align_compare_pair (ctx, _crb_align_pair (ctx, p), NULL);
    }
  if (_crb_align_pair (ctx, p)->relation != _crb_align_link (ctx, l)->relation)
    return FALSE;
  _crb_align_pair (ctx, p)->joined = TRUE;
  _crb_align_add_link (ctx, p, NULL);
  return TRUE;
}

/* A claim that repeats an earlier one word for word (a twin of it)
 * relates to every claim as that first one does.  It joins the first's
 * fact, through a link to it when the two are the same fact (a claim with
 * content words), else through a link like the first's strongest link in
 * its fact; and if the first is contested, it gets a link like the first's
 * strongest conflict: each contested claim is flagged.  A twin of a claim
 * on its own stays on its own. */
static void
follow_twins (Ctx   *ctx,
              guint *parent)
{
  guint n = ctx->items->len;
  g_autofree int *conflict = g_new (int, MAX (n, 1));
  g_autofree int *strongest = g_new (int, MAX (n, 1));

  for (guint k = 0; k < n; k++)
    conflict[k] = strongest[k] = -1;
  for (guint l = 0; l < ctx->links->len; l++)
    {
      Link *link = _crb_align_link (ctx, l);
      guint ends[2] = { link->a, link->b };

      if (link->relation == CRB_RELATION_RELATED || link->manual ||
          _crb_align_find_root (parent, link->a) != _crb_align_find_root (parent, link->b))
        continue;
      for (guint e = 0; e < 2; e++)
        {
          int *s = &strongest[ends[e]], *c = &conflict[ends[e]];

          if (*s < 0 || _crb_align_link (ctx, *s)->score < link->score)
            *s = (int) l;
          if (link->relation == CRB_RELATION_CONFLICTS &&
              (*c < 0 || _crb_align_link (ctx, *c)->score < link->score))
            *c = (int) l;
        }
    }

  for (guint k = 0; k < n; k++)
    {
      guint first = ctx->twin[k];
      gboolean like_strongest = FALSE;
      guint p;

      if (first == k)
        continue;
      g_assert (parent[k] == k && first < k);
      p = add_pair (ctx, first, k);
      if (_crb_align_pair (ctx, p)->relation == CRB_RELATION_AGREES)
        {
          _crb_align_pair (ctx, p)->joined = TRUE;
          _crb_align_add_link (ctx, p, "the same claim, word for word");
        }
      else if (strongest[first] < 0 ||
               !(like_strongest = add_link_like (ctx, k, first, strongest[first])))
        continue;
      parent[k] = _crb_align_find_root (parent, first);
      if (conflict[first] >= 0 && !(like_strongest && conflict[first] == strongest[first]))
        add_link_like (ctx, k, first, conflict[first]);
    }
}

/* Whether link @l is among the @limit first of @ranked (link indices,
 * strongest first) between @from and @to. */
static gboolean
ranks_within (const guint *ranked,
              guint        from,
              guint        to,
              guint        limit,
              guint        l)
{
  for (guint k = from; k < to && k < from + limit; k++)
    if (ranked[k] == l)
      return TRUE;
  return FALSE;
}

static int
compare_strength (gconstpointer p,
                  gconstpointer q,
                  gpointer      data)
{
  guint x = *(const guint *) p, y = *(const guint *) q;
  double sx = _crb_align_link (data, x)->score, sy = _crb_align_link (data, y)->score;

  if (sx != sy)
    return sx > sy ? -1 : 1;
  return x < y ? -1 : x > y;
}

/* Which links are stored.  All of them, but:
 *
 * - inside a fact of more than FACT_SUMMARY_CLAIMS claims, the links
 *   that joined its claims (one per claim but its first), the manual
 *   ones and, for each contested claim, its strongest conflicting link;
 * - in a big story, a claim's RELATED_PER_CLAIM strongest related links
 *   between facts (a link stays if either end keeps it).
 *
 * The links left out are counted by fact (ctx->summarized) and between
 * facts (ctx->n_related_dropped). */
static void
choose_stored_links (Ctx   *ctx,
                     guint *parent)
{
  guint n = ctx->items->len, n_links = ctx->links->len;
  g_autofree guint *size = g_new0 (guint, MAX (n, 1));
  /* per item: its conflicting links inside a summarized fact, and its
   * related links between facts (big stories), strongest first: those of
   * the item at k are ranked[first[k]] to ranked[first[k + 1] - 1] */
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *fill = NULL;
  g_autofree guint *ranked = NULL;
  g_autofree guint *root_of = g_new (guint, MAX (n, 1));

  ctx->summarized = g_new0 (guint, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    size[root_of[k] = _crb_align_find_root (parent, k)]++;

#define RANKED(link) \
  (!(link)->manual && \
   ((root_of[(link)->a] == root_of[(link)->b] && size[root_of[(link)->a]] > FACT_SUMMARY_CLAIMS && \
     (link)->relation == CRB_RELATION_CONFLICTS && !(link)->tree) || \
    (root_of[(link)->a] != root_of[(link)->b] && ctx->big)))

  for (guint l = 0; l < n_links; l++)
    {
      Link *link = _crb_align_link (ctx, l);

      if (RANKED (link))
        {
          first[link->a + 1]++;
          first[link->b + 1]++;
        }
    }
  for (guint k = 0; k < n; k++)
    first[k + 1] += first[k];
  ranked = g_new (guint, MAX (first[n], 1));
  fill = g_memdup2 (first, (n + 1) * sizeof (guint));
  for (guint l = 0; l < n_links; l++)
    {
      Link *link = _crb_align_link (ctx, l);

      if (RANKED (link))
        {
          ranked[fill[link->a]++] = l;
          ranked[fill[link->b]++] = l;
        }
    }
#undef RANKED
  for (guint k = 0; k < n; k++)
    if (first[k + 1] - first[k] > 1)
      g_qsort_with_data (ranked + first[k], first[k + 1] - first[k], sizeof (guint),
                         compare_strength, ctx);

  for (guint l = 0; l < n_links; l++)
    {
      Link *link = _crb_align_link (ctx, l);
      guint root = root_of[link->a];

      if (link->manual)
        link->stored = TRUE;
      else if (root == root_of[link->b])
        {
          link->stored = size[root] <= FACT_SUMMARY_CLAIMS || link->tree ||
                         (link->relation == CRB_RELATION_CONFLICTS &&
                          (ranks_within (ranked, first[link->a], first[link->a + 1], 1, l) ||
                           ranks_within (ranked, first[link->b], first[link->b + 1], 1, l)));
          if (!link->stored)
            ctx->summarized[root]++;
        }
      else
        {
          link->stored = !ctx->big ||
                         ranks_within (ranked, first[link->a], first[link->a + 1],
                                       RELATED_PER_CLAIM, l) ||
                         ranks_within (ranked, first[link->b], first[link->b + 1],
                                       RELATED_PER_CLAIM, l);
          if (!link->stored)
            ctx->n_related_dropped++;
        }
    }
}

/* What the reviewer must know of the limits that applied. */
static char *
make_note (Ctx          *ctx,
           CrbAlignment *alignment)
{
  g_autoptr (GString) note = g_string_new (NULL);
  guint n_facts = 0, n_dropped = 0;

  for (guint f = 0; f < alignment->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, f);

      n_facts += fact->n_links_summarized > 0;
      n_dropped += fact->n_links_summarized;
    }
  if (ctx->n_capped > 0)
    g_string_append_printf (note,
                            "Big story: %u of its %u claims were not compared with every claim "
                            "that shares their words (a word in more than %u claims is looked up "
                            "among the %u nearest claims that have it, and each claim keeps its "
                            "%u best candidates before it and %u after it), so some links may be "
                            "missing. ",
                            ctx->n_capped, ctx->items->len, FULL_SCAN_DF, NEAR_CLAIMS,
                            CANDIDATES_PER_CLAIM, CANDIDATES_PER_CLAIM);
  if (ctx->n_twins > 0)
    g_string_append_printf (note,
                            "%u claims repeat an earlier claim of another article word for word "
                            "and were aligned through it. ",
                            ctx->n_twins);
  if (n_dropped > 0)
    g_string_append_printf (note,
                            "%u links inside %u facts of more than %u claims are summarized, not "
                            "stored: each such fact keeps one link joining each claim and the "
                            "strongest conflict of each contested claim. ",
                            n_dropped, n_facts, FACT_SUMMARY_CLAIMS);
  if (ctx->n_related_dropped > 0)
    g_string_append_printf (note,
                            "%u weaker related links are not stored: each claim keeps its %u "
                            "strongest. ",
                            ctx->n_related_dropped, RELATED_PER_CLAIM);
  if (note->len == 0)
    return NULL;
  g_string_truncate (note, note->len - 1);
  return g_string_free (g_steal_pointer (&note), FALSE);
}

/* Marks, for each pair, whether it is its first claim's best partner in
 * the second's article (bit 0) and the second's best in the first's (bit
 * 1): same-fact pairs come before related ones, then the higher score,
 * then the pair found first.  Each claim's pairs are looked at in the
 * order of the pairs, with one slot per article it meets. */
static guint8 *
find_best_partners (Ctx *ctx)
{
  GArray *pairs = ctx->pairs;
  guint n = ctx->items->len;
  guint8 *best = g_new0 (guint8, MAX (pairs->len, 1));
  /* the pairs of the claim at k are of_item[first[k]] to
   * of_item[first[k + 1] - 1], in the order of the pairs */
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *of_item = NULL;
  g_autofree guint *fill = NULL;
  g_autofree int *slot = g_new (int, MAX (ctx->n_articles, 1));
  g_autofree guint *touched = g_new (guint, MAX (ctx->n_articles, 1));

  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = _crb_align_pair (ctx, p);

      if (pair->relation == VERDICT_NONE)
        continue;
      first[pair->i + 1]++;
      first[pair->j + 1]++;
    }
  for (guint k = 0; k < n; k++)
    first[k + 1] += first[k];
  of_item = g_new (guint, MAX (first[n], 1));
  fill = g_memdup2 (first, (n + 1) * sizeof (guint));
  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = _crb_align_pair (ctx, p);

      if (pair->relation == VERDICT_NONE)
        continue;
      of_item[fill[pair->i]++] = p;
      of_item[fill[pair->j]++] = p;
    }

  for (guint a = 0; a < ctx->n_articles; a++)
    slot[a] = -1;
  for (guint k = 0; k < n; k++)
    {
      guint n_touched = 0;

      for (guint e = first[k]; e < first[k + 1]; e++)
        {
          guint p = of_item[e];
          Pair *pair = _crb_align_pair (ctx, p);
          guint article = ctx->briefs[pair->i == k ? pair->j : pair->i].article;
          int held_at = slot[article];
          Pair *held = held_at >= 0 ? _crb_align_pair (ctx, held_at) : NULL;

          if (held == NULL)
            touched[n_touched++] = article;
          if (held == NULL ||
              (held->relation == CRB_RELATION_RELATED && pair->relation != CRB_RELATION_RELATED) ||
              ((held->relation == CRB_RELATION_RELATED) == (pair->relation == CRB_RELATION_RELATED) &&
               pair->score > held->score))
            slot[article] = (int) p;
        }
      for (guint t = 0; t < n_touched; t++)
        {
          guint p = slot[touched[t]];

          best[p] |= _crb_align_pair (ctx, p)->i == k ? 1 : 2;
          slot[touched[t]] = -1;
        }
    }
  return best;
}

CrbAlignment *
crb_align_story (CrbStory  *story,
                 GPtrArray *manual_links,
                 GPtrArray *removed)
{
  Ctx ctx = { 0 };
  g_autofree guint8 *best = NULL;
  g_autofree guint *parent = NULL;
  g_autoptr (GArray) supports = NULL;
  g_autoptr (GArray) accepted = NULL;
  CrbAlignment *alignment;
  gboolean decided;
  guint n;

  g_return_val_if_fail (CRB_IS_STORY (story), NULL);

  ctx.story = story;
  ctx.removed = make_pair_set (removed);
  ctx.decided_ids = make_decided_ids (manual_links, removed);
  ctx.manual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.links = g_array_new (FALSE, FALSE, sizeof (Link));
  g_array_set_clear_func (ctx.links, link_clear);
  ctx.why = g_ptr_array_new ();
  ctx.listed = g_ptr_array_new ();
  _crb_align_load_story (&ctx, story);
  n = ctx.items->len;

  alignment = g_new0 (CrbAlignment, 1);
  alignment->links = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
  alignment->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_fact_free);
  alignment->fact_of_claim = g_hash_table_new (g_str_hash, g_str_equal);

  add_manual_links (&ctx, manual_links);

  /* score the candidates, but the pairs the reviewer decided on */
  ctx.pairs = _crb_align_find_candidates (&ctx);
  decided = g_hash_table_size (ctx.removed) + g_hash_table_size (ctx.manual) > 0;
  for (guint p = 0; p < ctx.pairs->len; p++)
    {
      Pair *pair = _crb_align_pair (&ctx, p);
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

  /* a pair is linked when each claim is the other's best in its article,
   * or when it is one's best and the same fact beyond doubt; the other
   * same-fact pairs support joins */
  best = find_best_partners (&ctx);
  supports = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint p = 0; p < ctx.pairs->len; p++)
    {
      Pair *pair = _crb_align_pair (&ctx, p);
      gboolean best_i = (best[p] & 1) != 0;
      gboolean best_j = (best[p] & 2) != 0;

      if (pair->relation == VERDICT_NONE)
        continue;
      if (!(best_i && best_j) &&
          (!(best_i || best_j) || pair->relation == CRB_RELATION_RELATED || pair->score < ONE_SIDED_SCORE))
        {
          if (pair->relation != CRB_RELATION_RELATED)
            g_array_append_val (supports, p);
          continue;
        }
      _crb_align_add_link (&ctx, p, NULL);
    }

  /* facts: groups joined by same-fact links and by manual links */
  parent = g_new (guint, MAX (n, 1));
  accepted = g_array_new (FALSE, FALSE, sizeof (guint));
  _crb_align_join_facts (&ctx, supports, parent, accepted);
  for (guint k = 0; k < accepted->len; k++)
    _crb_align_add_link (&ctx, g_array_index (supports, guint, g_array_index (accepted, guint, k)),
                         "matches two claims of the fact: joins it");
  _crb_align_flag_loose_conflicts (&ctx, parent);
  _crb_align_flag_inherited_denials (&ctx, parent);

  if (ctx.n_twins > 0)
    follow_twins (&ctx, parent);

  choose_stored_links (&ctx, parent);
  make_links (&ctx, alignment->links);
  _crb_align_build_facts (&ctx, parent, alignment);
  alignment->n_capped = ctx.n_capped;
  alignment->n_links_summarized = ctx.n_related_dropped;
  for (guint f = 0; f < alignment->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, f);

      alignment->n_links_summarized += fact->n_links_summarized;
    }
  alignment->note = make_note (&ctx, alignment);

  ctx_clear (&ctx);
  return alignment;
}
