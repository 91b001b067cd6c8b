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
 * CrbHistoryEntry:
 * @seq: the project-wide sequence number of the decision, from 1
 * @claim_id: the claim decided
 * @before: (nullable): its decision before, %NULL when it was pending
 * @after: the decision made
 * @undone: whether the entry is currently undone
 *
 * One step of the project's decision history: the unit of undo and redo.
 */
typedef struct
{
  guint64      seq;
  char        *claim_id;
  CrbDecision *before;
  CrbDecision *after;
  gboolean     undone;
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
