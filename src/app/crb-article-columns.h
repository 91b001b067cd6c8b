/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRB_TYPE_ARTICLE_COLUMNS (crb_article_columns_get_type ())

G_DECLARE_FINAL_TYPE (CrbArticleColumns, crb_article_columns, CRB, ARTICLE_COLUMNS, GtkWidget)

GtkWidget *crb_article_columns_new                  (void);
void       crb_article_columns_append               (CrbArticleColumns *self,
                                                     GtkWidget         *column);
int        crb_article_columns_get_min_column_width (CrbArticleColumns *self);
void       crb_article_columns_set_min_column_width (CrbArticleColumns *self,
                                                     int                width);
guint      crb_article_columns_get_n_shown          (CrbArticleColumns *self);
void       crb_article_columns_scroll_to            (CrbArticleColumns *self,
                                                     GtkWidget         *column);

G_END_DECLS
