/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "crb-decision.h"
#include "crb-types.h"

G_BEGIN_DECLS

#define CRB_TYPE_CLAIM (crb_claim_get_type ())

G_DECLARE_FINAL_TYPE (CrbClaim, crb_claim, CRB, CLAIM, GObject)

CrbClaim          *crb_claim_new             (const char        *id,
                                              const char        *article_id,
                                              guint              start,
                                              guint              end,
                                              const char        *text);
const char        *crb_claim_get_id          (CrbClaim          *self);
const char        *crb_claim_get_article_id  (CrbClaim          *self);
guint              crb_claim_get_start       (CrbClaim          *self);
guint              crb_claim_get_end         (CrbClaim          *self);
const char        *crb_claim_get_text        (CrbClaim          *self);
const char        *crb_claim_get_kind        (CrbClaim          *self);
void               crb_claim_set_kind        (CrbClaim          *self,
                                              const char        *kind);
double             crb_claim_get_score       (CrbClaim          *self);
void               crb_claim_set_score       (CrbClaim          *self,
                                              double             score);
const char * const *crb_claim_get_reasons    (CrbClaim          *self);
void               crb_claim_set_reasons     (CrbClaim          *self,
                                              const char * const *reasons);
JsonNode          *crb_claim_get_values      (CrbClaim          *self);
void               crb_claim_set_values      (CrbClaim          *self,
                                              JsonNode          *values);
const char        *crb_claim_get_values_json (CrbClaim          *self);
void               crb_claim_set_values_json (CrbClaim          *self,
                                              const char        *json,
                                              gssize             length);
const CrbDecision *crb_claim_get_decision    (CrbClaim          *self);
void               crb_claim_set_decision    (CrbClaim          *self,
                                              const CrbDecision *decision);
CrbDecisionStatus  crb_claim_get_status      (CrbClaim          *self);
const char        *crb_claim_get_final_text  (CrbClaim          *self);

const char * const *crb_claim_get_kinds (void);

G_END_DECLS
