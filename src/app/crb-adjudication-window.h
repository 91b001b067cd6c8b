/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_ADJUDICATION_WINDOW (crb_adjudication_window_get_type ())

G_DECLARE_FINAL_TYPE (CrbAdjudicationWindow, crb_adjudication_window, CRB, ADJUDICATION_WINDOW, AdwWindow)

GtkWidget  *crb_adjudication_window_new          (GtkWindow             *parent,
                                                  CrbProject            *project);
GListModel *crb_adjudication_window_get_queue    (CrbAdjudicationWindow *self);
const char *crb_adjudication_window_get_claim    (CrbAdjudicationWindow *self);
void        crb_adjudication_window_select_claim (CrbAdjudicationWindow *self,
                                                  const char            *claim_id);
guint       crb_adjudication_window_get_n_shown  (CrbAdjudicationWindow *self);
gboolean    crb_adjudication_window_is_asking_name (CrbAdjudicationWindow *self);

G_END_DECLS
