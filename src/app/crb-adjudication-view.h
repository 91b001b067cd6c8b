/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_ADJUDICATION_VIEW (crb_adjudication_view_get_type ())

G_DECLARE_FINAL_TYPE (CrbAdjudicationView, crb_adjudication_view, CRB, ADJUDICATION_VIEW, GtkWidget)

GtkWidget  *crb_adjudication_view_new              (void);
void        crb_adjudication_view_show             (CrbAdjudicationView *self,
                                                    CrbProject          *project,
                                                    const char          *claim_id,
                                                    guint                position,
                                                    guint                n_claims);
GPtrArray  *crb_adjudication_view_get_annotations  (CrbAdjudicationView *self);
void        crb_adjudication_view_toggle_reject    (CrbAdjudicationView *self);
gboolean    crb_adjudication_view_get_reject_mode  (CrbAdjudicationView *self);
void        crb_adjudication_view_begin_correction (CrbAdjudicationView *self,
                                                    const char          *text);
void        crb_adjudication_view_ask_name         (CrbAdjudicationView *self,
                                                    const char          *problem);
gboolean    crb_adjudication_view_is_asking_name   (CrbAdjudicationView *self);
gboolean    crb_adjudication_view_is_asking        (CrbAdjudicationView *self);
void        crb_adjudication_view_cancel           (CrbAdjudicationView *self);

GtkListItemFactory *crb_adjudication_row_factory_new (CrbProject     *project);
char       *crb_adjudication_describe              (const CrbDecision   *decision);
const char *crb_adjudication_reason_label          (CrbRejectReason      reason);

G_END_DECLS
