/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _CrbArticle  CrbArticle;
typedef struct _CrbClaim    CrbClaim;
typedef struct _CrbStory    CrbStory;

/**
 * CrbDecisionStatus:
 * @CRB_DECISION_STATUS_PENDING: not yet reviewed
 * @CRB_DECISION_STATUS_CONFIRMED: the claim is check-worthy and stated as extracted
 * @CRB_DECISION_STATUS_CORRECTED: the claim is check-worthy; its text was corrected
 * @CRB_DECISION_STATUS_REJECTED: the claim was rejected, with a #CrbRejectReason
 */
typedef enum
{
  CRB_DECISION_STATUS_PENDING,
  CRB_DECISION_STATUS_CONFIRMED,
  CRB_DECISION_STATUS_CORRECTED,
  CRB_DECISION_STATUS_REJECTED,
} CrbDecisionStatus;

#define CRB_N_DECISION_STATUSES 4

/**
 * CrbRejectReason:
 * The fixed vocabulary of reasons to reject a claim; their names in files
 * and on the command line are `false`, `unverifiable`, `opinion`,
 * `not-a-claim`, `duplicate` and `wrong-span`.
 */
typedef enum
{
  CRB_REJECT_REASON_NONE,
  CRB_REJECT_REASON_FALSE,
  CRB_REJECT_REASON_UNVERIFIABLE,
  CRB_REJECT_REASON_OPINION,
  CRB_REJECT_REASON_NOT_A_CLAIM,
  CRB_REJECT_REASON_DUPLICATE,
  CRB_REJECT_REASON_WRONG_SPAN,
} CrbRejectReason;

#define CRB_N_REJECT_REASONS 7

const char *crb_decision_status_to_string (CrbDecisionStatus  status);
gboolean    crb_decision_status_from_string (const char      *string,
                                           CrbDecisionStatus *status);
const char *crb_reject_reason_to_string   (CrbRejectReason    reason);
gboolean    crb_reject_reason_from_string (const char        *string,
                                           CrbRejectReason   *reason);

G_END_DECLS
