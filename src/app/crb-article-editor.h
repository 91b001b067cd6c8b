/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "crb-article.h"

G_BEGIN_DECLS

#define CRB_TYPE_ARTICLE_EDITOR (crb_article_editor_get_type ())

G_DECLARE_FINAL_TYPE (CrbArticleEditor, crb_article_editor, CRB, ARTICLE_EDITOR, GtkPopover)

GtkWidget  *crb_article_editor_new          (void);
void        crb_article_editor_set_article  (CrbArticleEditor *self,
                                             CrbArticle       *article);
CrbArticle *crb_article_editor_get_article  (CrbArticleEditor *self);
GtkEditable *crb_article_editor_get_field   (CrbArticleEditor *self,
                                             guint             field);
gboolean    crb_article_editor_save         (CrbArticleEditor *self);
gboolean    crb_article_editor_check_date   (const char       *date);
gboolean    crb_article_editor_check_url    (const char       *url);

G_END_DECLS
