/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-links.c: links between claims of different articles and the facts
 * they form, as plain data with the queries on them.  The alignment
 * (align/) computes them; the store reads and writes them. */
#define G_LOG_DOMAIN "crb-links"

#include "config.h"

#include "crb-links.h"

#include <string.h>

/* ------------------------------------------------------------ relations */

const char *
crb_relation_to_string (CrbRelation relation)
{
  switch (relation)
    {
    case CRB_RELATION_AGREES:
      return "agrees";
    case CRB_RELATION_CONFLICTS:
      return "conflicts";
    case CRB_RELATION_RELATED:
      return "related";
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
crb_relation_from_string (const char  *string,
                          CrbRelation *relation)
{
  static const char * const names[] = { "agrees", "conflicts", "related" };

  g_return_val_if_fail (relation != NULL, FALSE);

  if (string == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (strcmp (string, names[i]) == 0)
      {
        *relation = (CrbRelation) i;
        return TRUE;
      }
  return FALSE;
}

/* ---------------------------------------------------------- links, facts */

CrbLink *
crb_link_new (const char         *a,
              const char         *b,
              CrbRelation         relation,
              double              score,
              const char * const *why,
              gboolean            manual)
{
  CrbLink *link;

  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  link = g_new0 (CrbLink, 1);
  link->a = g_strdup (a);
  link->b = g_strdup (b);
  link->relation = relation;
  link->score = score;
  link->why = why ? g_strdupv ((char **) why) : g_new0 (char *, 1);
  link->manual = manual;
  return link;
}

CrbLink *
crb_link_copy (const CrbLink *link)
{
  g_return_val_if_fail (link != NULL, NULL);

  return crb_link_new (link->a, link->b, link->relation, link->score,
                       (const char * const *) link->why, link->manual);
}

void
crb_link_free (CrbLink *link)
{
  if (link == NULL)
    return;
  g_free (link->a);
  g_free (link->b);
  g_strfreev (link->why);
  g_free (link);
}

/**
 * crb_link_other_end:
 * @claim_id: one claim
 *
 * Returns: (nullable): the claim @link joins @claim_id to, or %NULL when
 *   @claim_id is not one of its ends
 */
const char *
crb_link_other_end (const CrbLink *link,
                    const char    *claim_id)
{
  g_return_val_if_fail (link != NULL, NULL);

  if (g_strcmp0 (link->a, claim_id) == 0)
    return link->b;
  if (g_strcmp0 (link->b, claim_id) == 0)
    return link->a;
  return NULL;
}

void
crb_fact_free (CrbFact *fact)
{
  if (fact == NULL)
    return;
  g_free (fact->id);
  g_strfreev (fact->claims);
  g_free (fact);
}

void
crb_alignment_free (CrbAlignment *alignment)
{
  if (alignment == NULL)
    return;
  g_clear_pointer (&alignment->links_of_claim, g_hash_table_unref);
  g_clear_pointer (&alignment->fact_worth, g_hash_table_unref);
  g_clear_pointer (&alignment->fact_of_claim, g_hash_table_unref);
  g_clear_pointer (&alignment->links, g_ptr_array_unref);
  g_clear_pointer (&alignment->facts, g_ptr_array_unref);
  g_free (alignment->note);
  g_free (alignment);
}

const CrbLink *
crb_alignment_find_link (CrbAlignment *alignment,
                         const char   *a,
                         const char   *b)
{
  g_return_val_if_fail (alignment != NULL, NULL);
  g_return_val_if_fail (a != NULL && b != NULL, NULL);

  for (guint l = 0; l < alignment->links->len; l++)
    {
      const CrbLink *link = g_ptr_array_index (alignment->links, l);

      if ((strcmp (link->a, a) == 0 && strcmp (link->b, b) == 0) ||
          (strcmp (link->a, b) == 0 && strcmp (link->b, a) == 0))
        return link;
    }
  return NULL;
}

const CrbFact *
crb_alignment_get_fact (CrbAlignment *alignment,
                        const char   *claim_id)
{
  g_return_val_if_fail (alignment != NULL, NULL);
  g_return_val_if_fail (claim_id != NULL, NULL);

  return g_hash_table_lookup (alignment->fact_of_claim, claim_id);
}

static void
index_link (GHashTable *index,
            const char *claim_id,
            CrbLink    *link)
{
  GPtrArray *links = g_hash_table_lookup (index, claim_id);

  if (links == NULL)
    {
      links = g_ptr_array_new ();
      g_hash_table_insert (index, (gpointer) claim_id, links);
    }
  g_ptr_array_add (links, link);
}

/**
 * crb_alignment_get_claim_links:
 * @claim_id: a claim of the story
 *
 * The links that have @claim_id at one end, in the order of @links, found
 * without reading every link: the first call indexes the links, in time
 * linear in their number, and later calls cost a hash lookup.  A window
 * that asks for the links of each claim it shows would otherwise read the
 * whole story's links for every claim.
 *
 * Returns: (transfer none) (nullable) (element-type CrbLink): the claim's
 *   links, or %NULL when it has none; valid as long as @alignment
 */
GPtrArray *
crb_alignment_get_claim_links (CrbAlignment *alignment,
                               const char   *claim_id)
{
  g_return_val_if_fail (alignment != NULL, NULL);
  g_return_val_if_fail (claim_id != NULL, NULL);

  if (alignment->links_of_claim == NULL)
    {
      /* Keyed by the links' own strings: they live as long as the index. */
      alignment->links_of_claim = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                         (GDestroyNotify) g_ptr_array_unref);
      for (guint l = 0; l < alignment->links->len; l++)
        {
          CrbLink *link = g_ptr_array_index (alignment->links, l);

          index_link (alignment->links_of_claim, link->a, link);
          index_link (alignment->links_of_claim, link->b, link);
        }
    }

  return g_hash_table_lookup (alignment->links_of_claim, claim_id);
}
