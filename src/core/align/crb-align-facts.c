/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align-facts.c: groups the linked claims into facts (joins guarded
 * so that one long sentence does not weld two facts), and flags the
 * conflicts inside a fact that no preferred pair showed.  See
 * docs/alignment.md, Method, step 6. */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Marks the ends of the conflicting links in @contested. */
static void
mark_contested (Ctx    *ctx,
                guint8 *contested)
{
  for (guint l = 0; l < ctx->links->len; l++)
    {
      Link *link = _crb_align_link (ctx, l);

      if (link->relation == CRB_RELATION_CONFLICTS)
        contested[link->a] = contested[link->b] = 1;
    }
}

typedef struct
{
  guint    link;   /* index + 1 of the link, 0 for a support */
  guint    pair;   /* of a support: its index in the supports */
  guint    a, b;   /* positions of the ends */
  double   score;
  gboolean manual;
} Join;

static int
compare_join (gconstpointer p,
              gconstpointer q)
{
  const Join *x = p, *y = q;

  /* links before supports, manual links first, then the strongest */
  if ((x->link != 0) != (y->link != 0))
    return x->link != 0 ? -1 : 1;
  if (x->manual != y->manual)
    return x->manual ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

/* The bucket of a join in sort_joins (): links before supports, manual
 * first, then the higher score in the earlier bucket (1 and more in the
 * first of its kind, 0 and less in the last). */
static inline guint
join_bucket (const Join *join,
             guint       per_kind)
{
  guint kind = (join->link == 0) * 2 + !join->manual;
  guint b = join->score >= 1 ? 0 :
            join->score <= 0 ? per_kind - 1 :
            MIN ((guint) ((1.0 - join->score) * per_kind), per_kind - 1);

  return kind * per_kind + b;
}

static int
compare_join_at (gconstpointer p,
                 gconstpointer q,
                 gpointer      data)
{
  const Join *joins = data;

  return compare_join (&joins[*(const guint *) p], &joins[*(const guint *) q]);
}

/* The order of the @n joins as compare_join () sorts them, stably (the
 * indices of the joins, in a new array), in time linear in @n rather
 * than n log n: the joins are dealt into buckets by their kind and score
 * (a bucket holds one kind and a span of scores, the stronger in the
 * earlier buckets), then each bucket is sorted. */
static guint *
sort_joins (Join  *joins,
            guint  n)
{
  guint per_kind = MAX (n / 2, 1), n_buckets = 4 * per_kind;
  guint *order = g_new (guint, MAX (n, 1));
  g_autofree guint *first = NULL;

  for (guint j = 0; j < n; j++)
    if (isnan (joins[j].score))
      {
        qsort (joins, n, sizeof (Join), compare_join);
        for (guint k = 0; k < n; k++)
          order[k] = k;
        return order;
      }
  /* bucket b, once dealt: order[first[b]] to order[first[b + 1] - 1] */
  first = g_new0 (guint, n_buckets + 2);
  for (guint j = 0; j < n; j++)
    first[join_bucket (&joins[j], per_kind) + 2]++;
  for (guint b = 0; b < n_buckets; b++)
    first[b + 2] += first[b + 1];
  for (guint j = 0; j < n; j++)
    order[first[join_bucket (&joins[j], per_kind) + 1]++] = j;
  for (guint b = 0; b < n_buckets; b++)
    {
      guint *in = order + first[b];
      guint size = first[b + 1] - first[b];

      if (size > 16)
        g_qsort_with_data (in, size, sizeof (guint), compare_join_at, joins);
      else
        for (guint k = 1; k < size; k++)
          {
            guint t = in[k], m = k;

            for (; m > 0 && compare_join (&joins[in[m - 1]], &joins[t]) > 0; m--)
              in[m] = in[m - 1];
            in[m] = t;
          }
    }
  return order;
}

static Pair *
support_pair (Ctx    *ctx,
              GArray *supports,
              guint   s)
{
  return _crb_align_pair (ctx, g_array_index (supports, guint, s));
}

static gboolean
support_conflicts (Ctx    *ctx,
                   GArray *supports,
                   guint   s)
{
  return support_pair (ctx, supports, s)->relation == CRB_RELATION_CONFLICTS;
}

/* Facts: groups joined by same-fact links, strongest first.  A claim on
 * its own joins a group through one link, but two groups of several
 * claims join only through MIN_JOIN_LINKS links: a long sentence that
 * tells two facts ("Ukraine denied any involvement, which comes two weeks
 * after the US warned Russia") must not weld them into one.  An
 * automatic link the groups do not accept becomes "related".  Manual
 * links always join.
 *
 * @supports are the same-fact pairs that were not linked because a
 * claim preferred another partner in that article.  They count towards
 * MIN_JOIN_LINKS, and then join on their own: a claim that matches two
 * claims of a fact joins it even when it is neither's best.  The support
 * that joined two groups (marked as joined), and the conflicting ones
 * between them, are added to @accepted (as indices into @supports): they
 * become links.  The links that join two groups are marked as the tree
 * of their fact. */
void
_crb_align_join_facts (Ctx    *ctx,
                       GArray *supports,
                       guint  *parent,
                       GArray *accepted)
{
  guint n = ctx->items->len;
  guint n_links = ctx->links->len;
  guint n_edges = n_links + supports->len;
  g_autofree Join *joins = g_new (Join, MAX (n_edges, 1));
  g_autofree guint *size = g_new (guint, MAX (n, 1));
  g_autofree guint *next = g_new (guint, MAX (n, 1));   /* circular member lists */
  g_autofree guint8 *taken = g_new0 (guint8, MAX (supports->len, 1));
  g_autofree guint8 *joining = g_new0 (guint8, MAX (supports->len, 1));
  g_autofree guint8 *contested = g_new0 (guint8, MAX (n, 1));
  guint kept = 0;
  /* the links and supports of each claim, in the order of the joins, in
   * one array: those of the claim at k are entries first[k] to
   * first[k + 1] - 1, each two numbers: the other end, and the support
   * index + 1 (0 for a link) */
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *fill = NULL;
  g_autofree guint *adjacent = NULL;
  guint n_joins = 0;
  g_autofree guint *order = NULL;

  for (guint k = 0; k < n; k++)
    {
      parent[k] = k;
      size[k] = 1;
      next[k] = k;
    }
  for (guint l = 0; l < n_edges; l++)
    {
      Join *j = &joins[n_joins];

      if (l < n_links)
        {
          Link *link = _crb_align_link (ctx, l);

          if (link->relation == CRB_RELATION_RELATED && !link->manual)
            continue;
          j->link = l + 1;
          j->pair = 0;
          j->a = link->a;
          j->b = link->b;
          j->score = link->score;
          j->manual = link->manual;
        }
      else
        {
          guint s = l - n_links;
          Pair *pair = support_pair (ctx, supports, s);

          j->link = 0;
          j->pair = s;
          j->a = pair->i;
          j->b = pair->j;
          j->score = pair->score;
          j->manual = FALSE;
        }
      n_joins++;
      first[j->a + 1]++;
      first[j->b + 1]++;
    }
  for (guint k = 0; k < n; k++)
    first[k + 1] += first[k];
  adjacent = g_new (guint, 2 * MAX (first[n], 1));
  fill = g_memdup2 (first, (n + 1) * sizeof (guint));
  for (guint j = 0; j < n_joins; j++)
    {
      guint ends[2] = { joins[j].a, joins[j].b };

      for (guint e = 0; e < 2; e++)
        {
          guint *entry = &adjacent[2 * fill[ends[e]]++];

          entry[0] = ends[1 - e];
          entry[1] = joins[j].link != 0 ? 0 : joins[j].pair + 1;
        }
    }
  order = sort_joins (joins, n_joins);

  for (guint o = 0; o < n_joins; o++)
    {
      const Join *join = &joins[order[o]];
      Link *link = join->link != 0 ? _crb_align_link (ctx, join->link - 1) : NULL;
      guint ra = _crb_align_find_root (parent, join->a);
      guint rb = _crb_align_find_root (parent, join->b);
      guint t;

      if (ra == rb)
        continue;
      if ((link == NULL || (!link->manual && size[ra] > 1 && size[rb] > 1)))
        {
          guint small = size[ra] <= size[rb] ? ra : rb, other = small == ra ? rb : ra;
          guint between = 0, u = small, n_accepted = accepted->len;

          /* links and supports between the two groups */
          do
            {
              for (guint k = first[u]; k < first[u + 1]; k++)
                {
                  const guint *entry = &adjacent[2 * k];

                  if (_crb_align_find_root (parent, entry[0]) != other)
                    continue;
                  between++;
                  /* a support becomes a link when it joins, or when it
                   * conflicts: the fact's conflicts are all shown */
                  if (entry[1] > 0 && !taken[entry[1] - 1] &&
                      ((link == NULL && entry[1] - 1 == join->pair) ||
                       support_conflicts (ctx, supports, entry[1] - 1)))
                    {
                      guint s = entry[1] - 1;

                      g_array_append_val (accepted, s);
                      taken[s] = 1;
                      joining[s] = link == NULL && s == join->pair;
                    }
                }
              u = next[u];
            }
          while (u != small);
          if (between < MIN_JOIN_LINKS)
            {
              /* not joined: the supports stay out */
              for (guint k = n_accepted; k < accepted->len; k++)
                taken[g_array_index (accepted, guint, k)] = 0;
              g_array_set_size (accepted, n_accepted);
              if (link == NULL)
                continue;
              /* its conflict reasons go: see _crb_align_make_links() */
              link->demoted = TRUE;
              link->relation = CRB_RELATION_RELATED;
              continue;
            }
        }
      if (link != NULL)
        link->tree = TRUE;
      /* join: the smaller root under the larger, lists spliced */
      if (ra > rb)
        {
          t = ra;
          ra = rb;
          rb = t;
        }
      parent[rb] = ra;
      size[ra] += size[rb];
      t = next[ra];
      next[ra] = next[rb];
      next[rb] = t;
    }

  /* conflicts inside a fact are shown, whoever preferred whom */
  for (guint k = 0; k < supports->len; k++)
    if (!taken[k] && support_conflicts (ctx, supports, k))
      {
        Pair *pair = support_pair (ctx, supports, k);

        if (_crb_align_find_root (parent, pair->i) == _crb_align_find_root (parent, pair->j))
          g_array_append_val (accepted, k);
      }

  /* ... but only as many as flag each contested claim once: a fact told
   * thirty times with thirty figures would otherwise get a link for every
   * two of them (quadratic in the size of the fact).  Links that join
   * stay, and the strongest come first.
   */
  mark_contested (ctx, contested);
  for (guint k = 0; k < accepted->len; k++)
    {
      guint s = g_array_index (accepted, guint, k);
      Pair *pair = support_pair (ctx, supports, s);
      gboolean conflicts = support_conflicts (ctx, supports, s);

      if (!joining[s] && conflicts && contested[pair->i] && contested[pair->j])
        continue;
      if (conflicts)
        contested[pair->i] = contested[pair->j] = 1;
      pair->joined = joining[s];
      g_array_index (accepted, guint, kept++) = s;
    }
  g_array_set_size (accepted, kept);
}

/* "Sentencing is scheduled for September 20" and "Judge Chen set
 * sentencing for October 3" share too little to be one fact on their
 * own; but when other links put both in one fact, their days conflict.
 * Such pairs become conflicting links (replacing a related link between
 * them), while one of the two claims is not yet flagged, as for the
 * supports in _crb_align_join_facts(). */
void
_crb_align_flag_loose_conflicts (Ctx   *ctx,
                                 guint *parent)
{
  guint n = ctx->items->len;
  g_autofree guint8 *contested = NULL;

  for (guint p = 0; p < ctx->pairs->len; p++)
    {
      Pair *pair = _crb_align_pair (ctx, p);

      if (pair->relation != CRB_RELATION_RELATED || !pair->contradicts ||
          _crb_align_find_root (parent, pair->i) != _crb_align_find_root (parent, pair->j))
        continue;
      if (contested == NULL)
        {
          contested = g_new0 (guint8, MAX (n, 1));
          mark_contested (ctx, contested);
        }
      if (contested[pair->i] && contested[pair->j])
        continue;
      pair->in_fact = TRUE;
      _crb_align_compare_pair (ctx, pair, NULL);
      g_assert (pair->relation == CRB_RELATION_CONFLICTS);
      if (pair->link > 0)
        {
          /* the related link between the same ends becomes this one */
          Link *link = _crb_align_link (ctx, pair->link - 1);

          link->relation = pair->relation;
          link->score = pair->score;
        }
      else
        _crb_align_add_link (ctx, p, NULL);
      contested[pair->i] = contested[pair->j] = 1;
    }
}

/* "Bortnikov did not discard the Ukrainian angle" names no involvement,
 * but it agrees with "he did not rule out Ukrainian involvement": it
 * asserts what that claim asserts, so it conflicts with the claims of its
 * fact that deny it ("Ukraine has repeatedly denied involvement").  A
 * claim without a frame takes the frame of the one claim it agrees with
 * (none if it agrees with claims of differing frames); then each such
 * claim gets a conflicting link to a claim of its fact that frames the
 * same actor the other way, while one of the two is not yet flagged. */
void
_crb_align_flag_inherited_denials (Ctx   *ctx,
                                   guint *parent)
{
  guint n = ctx->items->len;
  guint n_links = ctx->links->len;
  g_autofree Item **from = g_new0 (Item *, MAX (n, 1));
  g_autofree guint8 *ambiguous = g_new0 (guint8, MAX (n, 1));
  g_autofree guint8 *contested = g_new0 (guint8, MAX (n, 1));
  g_autoptr (GHashTable) linked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_links);
  /* the claims with a frame of involvement, by fact: those of the fact
   * whose root is r are framed[first[r]] to framed[first[r + 1] - 1], in
   * story order */
  g_autofree guint *first = NULL;
  g_autofree guint *framed = NULL;
  gboolean any = FALSE, changed = TRUE;

  mark_contested (ctx, contested);
  /* along agreeing links, from claim to claim: "did not discard the
   * Ukrainian angle" agrees with "the terrorists received instructions to
   * move toward the Ukrainian border", which agrees with "did not rule out
   * Ukrainian involvement" */
  for (guint round = 0; changed && round < 4; round++)
    {
      changed = FALSE;
      for (guint l = 0; l < n_links; l++)
        {
          Link *link = _crb_align_link (ctx, l);
          Item *x = g_ptr_array_index (ctx->items, link->a);
          Item *y = g_ptr_array_index (ctx->items, link->b);
          Item *fx, *fy;

          if (link->relation != CRB_RELATION_AGREES)
            continue;
          fx = x->frame == FRAME_INVOLVE ? x : from[x->pos];
          fy = y->frame == FRAME_INVOLVE ? y : from[y->pos];
          if ((fx == NULL) == (fy == NULL) || (x->frame != FRAME_NONE && fx == NULL) ||
              (y->frame != FRAME_NONE && fy == NULL))
            continue;
          if (fx == NULL)
            {
              Item *t = x;

              x = y;
              y = t;
              fx = fy;
            }
          /* y takes the frame x has or took */
          if (y->casualties || ambiguous[y->pos])
            continue;
          if (from[y->pos] != NULL)
            {
              if (strcmp (from[y->pos]->actor, fx->actor) != 0 ||
                  from[y->pos]->frame_negative != fx->frame_negative)
                {
                  ambiguous[y->pos] = 1;
                  from[y->pos] = NULL;
                  changed = TRUE;
                }
              continue;
            }
          from[y->pos] = fx;
          any = changed = TRUE;
        }
    }
  if (!any)
    return;

  for (guint l = 0; l < n_links; l++)
    {
      Link *link = _crb_align_link (ctx, l);
      gint64 key = (gint64) MIN (link->a, link->b) * n + MAX (link->a, link->b);

      g_array_append_val (keys, key);
    }
  for (guint l = 0; l < keys->len; l++)
    g_hash_table_add (linked, &g_array_index (keys, gint64, l));
  first = g_new0 (guint, n + 1);
  for (guint k = 0; k < n; k++)
    if (((Item *) g_ptr_array_index (ctx->items, k))->frame == FRAME_INVOLVE)
      first[_crb_align_find_root (parent, k) + 1]++;
  for (guint k = 0; k < n; k++)
    first[k + 1] += first[k];
  framed = g_new (guint, MAX (first[n], 1));
  {
    g_autofree guint *fill = g_memdup2 (first, (n + 1) * sizeof (guint));

    for (guint k = 0; k < n; k++)
      if (((Item *) g_ptr_array_index (ctx->items, k))->frame == FRAME_INVOLVE)
        framed[fill[_crb_align_find_root (parent, k)]++] = k;
  }

  /* only the claims of its fact can conflict with a claim: the others
   * are not looked at (in story order, as are the claims of the fact) */
  for (guint k = 0; k < n; k++)
    {
      Item *y = g_ptr_array_index (ctx->items, k);
      Item *x = from[k];
      guint root;

      if (x == NULL)
        continue;
      root = _crb_align_find_root (parent, k);
      for (guint f = first[root]; f < first[root + 1]; f++)
        {
          guint m = framed[f];
          Item *z = g_ptr_array_index (ctx->items, m);
          gint64 key = (gint64) MIN (k, m) * n + MAX (k, m);
          g_autofree char *actor = NULL;
          CrbLink *link;

          if ((contested[k] && contested[m]) || z->article == y->article ||
              z->frame_negative == x->frame_negative || strcmp (z->actor, x->actor) != 0 ||
              g_hash_table_contains (linked, &key))
            continue;
          /* a pair the reviewer unlinked stays unlinked */
          if (g_hash_table_size (ctx->removed) > 0)
            {
              g_autofree char *pk = _crb_align_pair_key (y->id, z->id);

              if (g_hash_table_contains (ctx->removed, pk))
                continue;
            }
          actor = _crb_align_title_case (x->actor);
          link = g_new0 (CrbLink, 1);
          link->a = g_strdup (MIN (k, m) == k ? y->id : z->id);
          link->b = g_strdup (MIN (k, m) == k ? z->id : y->id);
          link->relation = CRB_RELATION_CONFLICTS;
          link->score = SAME_FACT_SCORE;
          link->why = g_new0 (char *, 4);
          link->why[0] = g_strdup_printf ("both on whether %s was involved", actor);
          link->why[1] = g_strdup_printf ("says what the claim of %s says",
                                          (char *) g_ptr_array_index (ctx->outlets, x->article));
          link->why[2] = g_strdup ("one report denies what the other asserts — conflict");
          _crb_align_push_link (ctx, link, MIN (k, m), MAX (k, m));
          contested[k] = contested[m] = 1;
        }
    }
}

/* The facts of the story: one per group of @parent, in the story order of
 * their first claims, each claim's fact in @alignment's fact_of_claim,
 * and counted: the conflicting links stored inside each fact, the claims
 * they flag, and the links left out of it (ctx->summarized). */
void
_crb_align_build_facts (Ctx          *ctx,
                        guint        *parent,
                        CrbAlignment *alignment)
{
  guint n = ctx->items->len;
  g_autofree GPtrArray **members = g_new0 (GPtrArray *, MAX (n, 1));
  g_autofree CrbFact **fact_of_root = g_new0 (CrbFact *, MAX (n, 1));
  g_autofree guint8 *contested = g_new0 (guint8, MAX (n, 1));

  for (guint k = 0; k < n; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);
      guint root = _crb_align_find_root (parent, k);

      if (members[root] == NULL)
        members[root] = g_ptr_array_new ();
      g_ptr_array_add (members[root], item);
    }
  for (guint k = 0; k < n; k++)
    {
      GPtrArray *group = members[k];
      g_autoptr (GHashTable) outlets = NULL;
      g_autoptr (GHashTable) articles = NULL;
      CrbFact *fact;

      if (group == NULL)
        continue;
      if (group->len == 1)
        {
          Item *item = g_ptr_array_index (group, 0);

          fact = g_new0 (CrbFact, 1);
          fact->id = g_strconcat ("fact:", item->id, NULL);
          fact->claims = g_new0 (char *, 2);
          fact->claims[0] = g_strdup (item->id);
          fact->n_articles = fact->n_outlets = 1;
          g_hash_table_insert (alignment->fact_of_claim, fact->claims[0], fact);
          g_ptr_array_add (alignment->facts, fact);
          fact_of_root[k] = fact;
          g_ptr_array_unref (group);
          continue;
        }
      outlets = g_hash_table_new (g_str_hash, g_str_equal);
      articles = g_hash_table_new (g_direct_hash, g_direct_equal);
      fact = g_new0 (CrbFact, 1);
      fact->id = g_strconcat ("fact:", ((Item *) g_ptr_array_index (group, 0))->id, NULL);
      fact->claims = g_new0 (char *, group->len + 1);
      for (guint m = 0; m < group->len; m++)
        {
          Item *item = g_ptr_array_index (group, m);

          fact->claims[m] = g_strdup (item->id);
          g_hash_table_add (articles, GUINT_TO_POINTER (item->article + 1));
          g_hash_table_add (outlets, g_ptr_array_index (ctx->outlets, item->article));
          g_hash_table_insert (alignment->fact_of_claim, fact->claims[m], fact);
        }
      fact->n_articles = g_hash_table_size (articles);
      fact->n_outlets = g_hash_table_size (outlets);
      g_ptr_array_add (alignment->facts, fact);
      fact_of_root[k] = fact;
      g_ptr_array_unref (group);
    }
  for (guint l = 0; l < ctx->links->len; l++)
    {
      Link *link = _crb_align_link (ctx, l);
      guint root = _crb_align_find_root (parent, link->a);

      if (link->stored && link->relation == CRB_RELATION_CONFLICTS &&
          root == _crb_align_find_root (parent, link->b))
        {
          fact_of_root[root]->n_conflicts++;
          contested[link->a] = contested[link->b] = 1;
        }
    }
  for (guint k = 0; k < n; k++)
    {
      CrbFact *fact = fact_of_root[_crb_align_find_root (parent, k)];

      fact->n_contested += contested[k];
      if (fact_of_root[k] != NULL && ctx->summarized != NULL)
        fact->n_links_summarized = ctx->summarized[k];
    }
}
