/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crb-project.h"

G_BEGIN_DECLS

/**
 * CrbReasonKind:
 * @CRB_REASON_CONFLICT: a difference that makes the claims conflict
 * @CRB_REASON_UPDATE: a later report with a higher toll: news, not a conflict
 * @CRB_REASON_AGREEMENT: values that agree
 * @CRB_REASON_NOTE: why the claims were linked at all (names, words, a date)
 */
typedef enum
{
  CRB_REASON_CONFLICT,
  CRB_REASON_UPDATE,
  CRB_REASON_AGREEMENT,
  CRB_REASON_NOTE,
} CrbReasonKind;

/**
 * CrbReason:
 * @kind: what the reason says of the link
 * @text: the reason in words, translated: "The death tolls differ"
 * @here: (nullable): the value of the claim the link is seen from, as
 *   people write it ("7 killed"), for a difference or an agreement
 * @there: (nullable): the other claim's value ("9 killed")
 */
typedef struct
{
  CrbReasonKind  kind;
  char          *text;
  char          *here;
  char          *there;
} CrbReason;

/**
 * CrbStanding:
 * @n_contradicted: the outlets whose claims conflict with the article's
 * @n_conflict_facts: the facts on which they do
 * @n_agreeing: the outlets that agree with the article on a fact and
 *   contradict it on none
 * @n_agree_facts: the facts the article shares without a conflict
 * @at_least: a big fact keeps only some of its links: the outlets are
 *   at least so many
 */
typedef struct
{
  guint    n_contradicted;
  guint    n_conflict_facts;
  guint    n_agreeing;
  guint    n_agree_facts;
  gboolean at_least;
} CrbStanding;

void        crb_reason_free                  (CrbReason     *reason);

GPtrArray  *crb_explain_link                 (CrbStory      *story,
                                              const CrbLink *link,
                                              const char    *from_id);
char       *crb_explain_why                  (const char    *why);
const char *crb_explain_relation             (CrbRelation    relation);
char       *crb_explain_note                 (const char    *note);

const char *crb_explain_outlet               (CrbStory      *story,
                                              const char    *article_id);
char       *crb_explain_alignment            (CrbStory      *story,
                                              CrbClaim      *claim,
                                              gboolean       brief);
GPtrArray  *crb_explain_contradictions       (CrbStory      *story,
                                              CrbClaim      *claim,
                                              guint         *n_outlets);
void        crb_explain_standing             (CrbStory      *story,
                                              const char    *article_id,
                                              CrbStanding   *standing);
char       *crb_explain_format_standing      (const CrbStanding *standing);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbReason, crb_reason_free)

G_END_DECLS
