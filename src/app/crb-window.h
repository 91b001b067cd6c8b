/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "crb-project.h"

G_BEGIN_DECLS

/* The window never calls the application (actions and signals only): the
 * type alone, not crb-application.h.
 */
typedef struct _CrbApplication CrbApplication;

#define CRB_TYPE_WINDOW (crb_window_get_type ())

G_DECLARE_FINAL_TYPE (CrbWindow, crb_window, CRB, WINDOW, AdwApplicationWindow)

CrbWindow  *crb_window_new              (CrbApplication *application);
CrbProject *crb_window_get_project      (CrbWindow      *self);
CrbStory   *crb_window_get_story        (CrbWindow      *self);
CrbClaim   *crb_window_get_claim        (CrbWindow      *self);
const char *crb_window_get_link_mark    (CrbWindow      *self);
gboolean    crb_window_is_busy          (CrbWindow      *self);
void        crb_window_open_project     (CrbWindow      *self,
                                         GFile          *file);
gboolean    crb_window_save_as          (CrbWindow      *self,
                                         GFile          *file);
void        crb_window_open_files       (CrbWindow      *self,
                                         GPtrArray      *files,
                                         gboolean        ask);
void        crb_window_import           (CrbWindow      *self,
                                         GPtrArray      *files,
                                         const char     *story_title);
void        crb_window_select_claim     (CrbWindow      *self,
                                         const char     *claim_id);
void        crb_window_select_story     (CrbWindow      *self,
                                         CrbStory       *story);
GtkWidget  *crb_window_get_article_view (CrbWindow      *self,
                                         const char     *article_id);
const char *crb_window_get_page         (CrbWindow      *self);

G_END_DECLS
