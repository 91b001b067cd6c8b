/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "crb-json-reader.h"
#include "crb-types.h"

G_BEGIN_DECLS

#define CRB_TYPE_DECISION (crb_decision_get_type ())

/**
 * CRB_ANONYMOUS_ANNOTATOR:
 *
 * Who made a decision when no name was set: never the login name, which
 * a published dataset would carry.
 */
#define CRB_ANONYMOUS_ANNOTATOR "anonymous"

/**
 * CrbDecision:
 * @status: the review status
 * @reason: why a rejected claim was rejected, else %CRB_REJECT_REASON_NONE
 * @corrected_text: (nullable): the corrected claim text, for corrected claims
 * @note: (nullable): the reviewer's note
 * @annotator: (nullable): who decided
 * @time: (nullable): when, ISO 8601 UTC
 *
 * One reviewer decision on one claim.  A claim without a decision is pending.
 */
typedef struct
{
  CrbDecisionStatus  status;
  CrbRejectReason    reason;
  char              *corrected_text;
  char              *note;
  char              *annotator;
  char              *time;
} CrbDecision;

/**
 * CrbChangeKind:
 * @CRB_CHANGE_DECISION: a decision on a claim
 * @CRB_CHANGE_LINK: a link made or removed by hand between two claims
 * @CRB_CHANGE_ARTICLE: an article's outlet, title, date or URL edited
 */
typedef enum
{
  CRB_CHANGE_DECISION,
  CRB_CHANGE_LINK,
  CRB_CHANGE_ARTICLE,
} CrbChangeKind;

/**
 * CrbArticleInfo:
 * The fields of an article a reviewer may edit, in this order: outlet,
 * title, date, url; each nullable.
 */
typedef enum
{
  CRB_ARTICLE_INFO_OUTLET,
  CRB_ARTICLE_INFO_TITLE,
  CRB_ARTICLE_INFO_DATE,
  CRB_ARTICLE_INFO_URL,
  CRB_N_ARTICLE_INFO
} CrbArticleInfo;

/**
 * CrbHistoryEntry:
 * @seq: the project-wide sequence number of the change, from 1
 * @kind: what changed
 * @claim_id: the claim decided (%CRB_CHANGE_DECISION), or the first claim of
 *   the pair (%CRB_CHANGE_LINK); %NULL for an article
 * @before: (nullable): the claim's decision before, %NULL when it was pending
 * @after: (nullable): the decision made; %NULL unless a decision
 * @undone: whether the entry is currently undone
 * @other_id: the second claim of the pair, or the article edited
 * @link_before: the pair before a link change: "auto" (as the alignment has
 *   it), "agrees", "conflicts", "related" (linked by hand) or "unlinked"
 * @link_after: the pair after it
 * @info_before: an article's fields before (see #CrbArticleInfo)
 * @info_after: its fields after
 *
 * One change in a story's history: the unit of undo and redo.
 */
typedef struct
{
  guint64        seq;
  char          *claim_id;
  CrbDecision   *before;
  CrbDecision   *after;
  gboolean       undone;
  CrbChangeKind  kind;
  char          *other_id;
  char          *link_before;
  char          *link_after;
  char          *info_before[CRB_N_ARTICLE_INFO];
  char          *info_after[CRB_N_ARTICLE_INFO];
} CrbHistoryEntry;

GType            crb_decision_get_type       (void) G_GNUC_CONST;
CrbDecision     *crb_decision_new            (CrbDecisionStatus  status);
CrbDecision     *crb_decision_copy           (const CrbDecision *decision);
void             crb_decision_free           (CrbDecision       *decision);
gboolean         crb_decision_equal          (const CrbDecision *a,
                                              const CrbDecision *b);
CrbDecisionStatus crb_decision_get_status   (const CrbDecision *decision);
const char      *crb_decision_get_correction (const CrbDecision *decision);
JsonNode        *crb_decision_to_json        (const CrbDecision *decision);
CrbDecision     *crb_decision_from_json      (JsonNode          *node,
                                              GError           **error);
CrbDecision     *crb_decision_from_value     (const CrbJsonDoc   *doc,
                                              const CrbJsonValue *value,
                                              GError            **error);

CrbHistoryEntry *crb_history_entry_new       (guint64            seq,
                                              const char        *claim_id,
                                              const CrbDecision *before,
                                              const CrbDecision *after);
CrbHistoryEntry *crb_history_entry_new_link  (guint64            seq,
                                              const char        *a,
                                              const char        *b,
                                              const char        *before,
                                              const char        *after);
CrbHistoryEntry *crb_history_entry_new_article (guint64          seq,
                                                const char      *article_id,
                                                const char * const *before,
                                                const char * const *after);
const char      *crb_article_info_to_string  (CrbArticleInfo     info);
void             crb_history_entry_free      (CrbHistoryEntry   *entry);
JsonNode        *crb_history_entry_to_json   (const CrbHistoryEntry *entry);
CrbHistoryEntry *crb_history_entry_from_json (JsonNode          *node,
                                              GError           **error);
CrbHistoryEntry *crb_history_entry_from_value (const CrbJsonDoc   *doc,
                                               const CrbJsonValue *value,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbDecision, crb_decision_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbHistoryEntry, crb_history_entry_free)

G_END_DECLS
