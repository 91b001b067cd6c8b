/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "crb-types.h"

G_BEGIN_DECLS

/**
 * CrbRelation:
 * @CRB_RELATION_AGREES: the claims state the same fact with compatible values
 * @CRB_RELATION_CONFLICTS: the claims state the same fact with incompatible values
 * @CRB_RELATION_RELATED: the claims are about the same topic; nothing to compare
 */
typedef enum
{
  CRB_RELATION_AGREES,
  CRB_RELATION_CONFLICTS,
  CRB_RELATION_RELATED,
} CrbRelation;

/**
 * CrbLink:
 * @a: the claim id that comes first in story order
 * @b: the other claim id, of a different article
 * @relation: how the two claims relate
 * @score: confidence, 0–1 (1 for manual links)
 * @why: (array zero-terminated=1): human-readable reasons
 * @manual: %TRUE when the reviewer made the link
 */
typedef struct
{
  char        *a;
  char        *b;
  CrbRelation  relation;
  double       score;
  GStrv        why;
  gboolean     manual;
} CrbLink;

/**
 * CrbFact:
 * @id: "fact:" + the id of its first claim in story order
 * @claims: (array zero-terminated=1): its claim ids, in story order
 * @n_articles: the number of articles its claims come from
 * @n_outlets: the number of distinct outlets (an article without one counts as its own)
 * @n_conflicts: the number of conflicting links inside the fact
 * @n_contested: the number of its claims with a conflicting link inside the
 *   fact (every contested claim keeps one, even in a summarized fact); the
 *   others agree with all the fact's outlets but their own
 * @n_links_summarized: the links the alignment found inside the fact and
 *   did not store: 0 unless the fact is summarized (a big fact keeps one
 *   link joining each claim, and the strongest conflict of each contested
 *   claim; see docs/alignment.md)
 */
typedef struct
{
  char   *id;
  GStrv   claims;
  guint   n_articles;
  guint   n_outlets;
  guint   n_conflicts;
  guint   n_contested;
  guint   n_links_summarized;
} CrbFact;

/**
 * CrbAlignment:
 * @links: (element-type CrbLink): every link, manual ones included, ordered by a then b
 * @facts: (element-type CrbFact): every fact, in the story order of their first claims
 * @fact_of_claim: claim id → its #CrbFact (borrowed from @facts)
 * @n_capped: the number of claims that a limit of a big story kept from
 *   being compared with every claim that shares their words (0: none)
 * @n_links_summarized: the links found and not stored (see #CrbFact)
 * @note: (nullable): what limits applied and what was summarized, in
 *   English, for the reviewer; %NULL when nothing was left out
 * @links_of_claim: (nullable): private, the index behind
 *   crb_alignment_get_claim_links(), made when first asked; %NULL in a new
 *   alignment (allocate it zeroed)
 * @fact_worth: (nullable): private, each fact's conflicts weighed, kept
 *   by crb_alignment_contest_score(); %NULL in a new alignment
 */
typedef struct
{
  GPtrArray  *links;
  GPtrArray  *facts;
  GHashTable *fact_of_claim;
  guint       n_capped;
  guint       n_links_summarized;
  char       *note;
  GHashTable *links_of_claim;
  GHashTable *fact_worth;
} CrbAlignment;

const char   *crb_relation_to_string       (CrbRelation    relation);
gboolean      crb_relation_from_string     (const char    *string,
                                            CrbRelation   *relation);

CrbLink      *crb_link_new                 (const char    *a,
                                            const char    *b,
                                            CrbRelation    relation,
                                            double         score,
                                            const char * const *why,
                                            gboolean       manual);
CrbLink      *crb_link_copy                (const CrbLink *link);
const char   *crb_link_other_end           (const CrbLink *link,
                                            const char    *claim_id);
void          crb_link_free                (CrbLink       *link);
void          crb_fact_free                (CrbFact       *fact);

void          crb_alignment_free           (CrbAlignment  *alignment);
const CrbLink *crb_alignment_find_link     (CrbAlignment  *alignment,
                                            const char    *a,
                                            const char    *b);
const CrbFact *crb_alignment_get_fact      (CrbAlignment  *alignment,
                                            const char    *claim_id);
GPtrArray    *crb_alignment_get_claim_links (CrbAlignment *alignment,
                                            const char    *claim_id);


G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbLink, crb_link_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbFact, crb_fact_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbAlignment, crb_alignment_free)

G_END_DECLS
