/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRB_TYPE_CLAIMS_PANE (crb_claims_pane_get_type ())

G_DECLARE_FINAL_TYPE (CrbClaimsPane, crb_claims_pane, CRB, CLAIMS_PANE, GtkWidget)

GtkWidget *crb_claims_pane_new            (void);
int        crb_claims_pane_get_pane_width (CrbClaimsPane *self);
void       crb_claims_pane_set_pane_width (CrbClaimsPane *self,
                                           int            width);

G_END_DECLS
