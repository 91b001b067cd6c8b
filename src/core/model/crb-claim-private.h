/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A team project's claims show a decision that is not the project
 * file's: the team's gold decision, or the viewer's own (crb-team.c).
 * The file's decision stays what the file holds and writes. */
#pragma once

#include "crb-claim.h"

G_BEGIN_DECLS

void               _crb_claim_set_view           (CrbClaim          *self,
                                                  const CrbDecision *decision);
void               _crb_claim_clear_view         (CrbClaim          *self);
const CrbDecision *_crb_claim_get_file_decision  (CrbClaim          *self);
CrbDecisionStatus  _crb_claim_get_file_status    (CrbClaim          *self);

G_END_DECLS
