/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crb-application.h"
#include "crb-window.h"
#include "crb-test-utils.h"

G_BEGIN_DECLS

/* What the app's window tests share: they run the real window under Xvfb. */

extern CrbApplication *crb_test_app;

void        crb_test_app_init         (int          *argc,
                                       char       ***argv);
int         crb_test_app_run          (void);
void        crb_test_iterate          (guint         ms);
gboolean    crb_test_wait_for         (gboolean    (*condition) (gpointer),
                                       gpointer      data,
                                       guint         timeout_ms);
void        crb_test_assert_no_warnings (void);
void        crb_test_screenshot       (GtkWidget    *widget,
                                       const char   *name);
gboolean    crb_test_has_xdotool      (void);
void        crb_test_xdotool          (const char   *args);
CrbWindow  *crb_test_new_window       (int           width,
                                       int           height);
CrbWindow  *crb_test_open_project     (const char   *path,
                                       int           width,
                                       int           height);
char       *crb_test_new_sample_project (const char *dir,
                                         const char *name);
void        crb_test_run_cli          (const char * const *args);
char       *crb_test_run_cli_output   (const char * const *args);
GtkWidget  *crb_test_find             (GtkWidget    *root,
                                       GType         type);
GPtrArray  *crb_test_find_all         (GtkWidget    *root,
                                       GType         type);
GtkWidget  *crb_test_find_label       (GtkWidget    *root,
                                       const char   *text);
GtkWidget  *crb_test_find_toplevel    (GType         type);
CrbDecisionStatus crb_test_status_of  (CrbProject   *project,
                                       const char   *claim_id);

G_END_DECLS
