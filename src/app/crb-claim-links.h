/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crb-claim.h"
#include "crb-story.h"

G_BEGIN_DECLS

#define CRB_TYPE_CLAIM_LINKS (crb_claim_links_get_type ())

G_DECLARE_FINAL_TYPE (CrbClaimLinks, crb_claim_links, CRB, CLAIM_LINKS, GtkWidget)

GtkWidget *crb_claim_links_new       (void);
void       crb_claim_links_set_claim (CrbClaimLinks *self,
                                      CrbClaim      *claim,
                                      CrbStory      *story);

G_END_DECLS
