/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crb-claim.h"
#include "crb-story.h"

G_BEGIN_DECLS

#define CRB_TYPE_CLAIM_PANEL (crb_claim_panel_get_type ())

G_DECLARE_FINAL_TYPE (CrbClaimPanel, crb_claim_panel, CRB, CLAIM_PANEL, GtkWidget)

GtkWidget *crb_claim_panel_new               (void);
void       crb_claim_panel_set_claim         (CrbClaimPanel *self,
                                              CrbClaim      *claim,
                                              CrbStory      *story);
CrbClaim  *crb_claim_panel_get_claim         (CrbClaimPanel *self);
void       crb_claim_panel_begin_correction  (CrbClaimPanel *self);
void       crb_claim_panel_begin_note        (CrbClaimPanel *self);
void       crb_claim_panel_set_reject_mode   (CrbClaimPanel *self,
                                              gboolean       reject_mode);
gboolean   crb_claim_panel_get_reject_mode   (CrbClaimPanel *self);
void       crb_claim_panel_cancel            (CrbClaimPanel *self);
gboolean   crb_claim_panel_is_editing        (CrbClaimPanel *self);
void       crb_claim_panel_refresh           (CrbClaimPanel *self);
void       crb_claim_panel_ask_confirm       (CrbClaimPanel *self,
                                              const char    *heading,
                                              const char    *body);
gboolean   crb_claim_panel_is_asking_confirm (CrbClaimPanel *self);
void       crb_claim_panel_ask_annotator     (CrbClaimPanel *self);
gboolean   crb_claim_panel_is_asking_annotator (CrbClaimPanel *self);
void       crb_claim_panel_set_name_required (CrbClaimPanel *self,
                                              gboolean       required);

G_END_DECLS
