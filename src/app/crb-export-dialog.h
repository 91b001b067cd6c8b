/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crb-export.h"
#include "crb-project.h"

G_BEGIN_DECLS

#define CRB_TYPE_EXPORT_DIALOG (crb_export_dialog_get_type ())

/* The format row's last choice: a dataset folder (crb_export_dataset()). */
#define CRB_EXPORT_DIALOG_DATASET CRB_N_EXPORT_FORMATS

G_DECLARE_FINAL_TYPE (CrbExportDialog, crb_export_dialog, CRB, EXPORT_DIALOG, AdwWindow)

GtkWidget *crb_export_dialog_new    (GtkWindow       *parent,
                                     CrbProject      *project);
void       crb_export_dialog_export (CrbExportDialog *self,
                                     GFile           *file);

int        crb_export_dialog_get_count  (CrbExportDialog *self,
                                         const char      *label);
void       crb_export_dialog_set_format (CrbExportDialog *self,
                                         guint            format);

G_END_DECLS
