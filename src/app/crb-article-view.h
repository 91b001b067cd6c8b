/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crb-align.h"
#include "crb-article.h"
#include "crb-claim.h"

G_BEGIN_DECLS

#define CRB_TYPE_ARTICLE_VIEW (crb_article_view_get_type ())

G_DECLARE_FINAL_TYPE (CrbArticleView, crb_article_view, CRB, ARTICLE_VIEW, GtkWidget)

GtkWidget  *crb_article_view_new           (CrbArticle     *article);
CrbArticle *crb_article_view_get_article   (CrbArticleView *self);
void        crb_article_view_set_article   (CrbArticleView *self,
                                            CrbArticle     *article,
                                            GPtrArray      *claims);
void        crb_article_view_update_info   (CrbArticleView *self);
void        crb_article_view_edit          (CrbArticleView *self);
GtkWidget  *crb_article_view_get_editor    (CrbArticleView *self);
void        crb_article_view_set_standing  (CrbArticleView *self,
                                            const char     *standing,
                                            const char     *note,
                                            gboolean        contradicted);
void        crb_article_view_set_claims    (CrbArticleView *self,
                                            GPtrArray      *claims);
void        crb_article_view_update_claim  (CrbArticleView *self,
                                            CrbClaim       *claim);
void        crb_article_view_select_claim  (CrbArticleView *self,
                                            CrbClaim       *claim);
CrbClaim   *crb_article_view_get_selected_claim (CrbArticleView *self);
GtkTextView *crb_article_view_get_text_view (CrbArticleView *self);
void        crb_article_view_mark_links    (CrbArticleView *self,
                                            CrbAlignment   *alignment,
                                            CrbClaim       *selected);

G_END_DECLS
