/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-types"

#include "config.h"

#include "crb-types.h"

#include <string.h>

static const char * const status_names[CRB_N_DECISION_STATUSES] = {
  "pending", "confirmed", "corrected", "rejected",
};

static const char * const reason_names[CRB_N_REJECT_REASONS] = {
  NULL, "false", "unverifiable", "opinion", "not-a-claim", "duplicate", "wrong-span",
};

const char *
crb_decision_status_to_string (CrbDecisionStatus status)
{
  g_return_val_if_fail (status < CRB_N_DECISION_STATUSES, NULL);

  return status_names[status];
}

gboolean
crb_decision_status_from_string (const char        *string,
                                 CrbDecisionStatus *status)
{
  for (guint i = 0; string && i < CRB_N_DECISION_STATUSES; i++)
    {
      if (strcmp (string, status_names[i]) == 0)
        {
          *status = i;
          return TRUE;
        }
    }

  return FALSE;
}

const char *
crb_reject_reason_to_string (CrbRejectReason reason)
{
  g_return_val_if_fail (reason < CRB_N_REJECT_REASONS, NULL);

  return reason_names[reason];
}

gboolean
crb_reject_reason_from_string (const char      *string,
                               CrbRejectReason *reason)
{
  for (guint i = 1; string && i < CRB_N_REJECT_REASONS; i++)
    {
      if (strcmp (string, reason_names[i]) == 0)
        {
          *reason = i;
          return TRUE;
        }
    }

  return FALSE;
}
