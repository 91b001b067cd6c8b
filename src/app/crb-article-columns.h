/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define CRB_TYPE_ARTICLE_COLUMNS (crb_article_columns_get_type ())

G_DECLARE_FINAL_TYPE (CrbArticleColumns, crb_article_columns, CRB, ARTICLE_COLUMNS, GtkWidget)

/**
 * CrbArticleColumnsCreateFunc:
 * @user_data: the data given with the functions
 *
 * Makes a column widget, shown for no item yet.
 *
 * Returns: (transfer full): a new widget, floating
 */
typedef GtkWidget *(*CrbArticleColumnsCreateFunc) (gpointer user_data);

/**
 * CrbArticleColumnsBindFunc:
 * @column: a column made by the create function
 * @item: (nullable): the item of the model @column shows from now on, or
 *   %NULL when it shows none (it left the view)
 * @user_data: the data given with the functions
 */
typedef void (*CrbArticleColumnsBindFunc) (GtkWidget *column,
                                           gpointer   item,
                                           gpointer   user_data);

GtkWidget  *crb_article_columns_new                  (void);
void        crb_article_columns_set_factory          (CrbArticleColumns          *self,
                                                      CrbArticleColumnsCreateFunc create,
                                                      CrbArticleColumnsBindFunc   bind,
                                                      gpointer                    user_data);
void        crb_article_columns_set_model            (CrbArticleColumns          *self,
                                                      GListModel                 *model);
GListModel *crb_article_columns_get_model            (CrbArticleColumns          *self);
int         crb_article_columns_get_min_column_width (CrbArticleColumns          *self);
void        crb_article_columns_set_min_column_width (CrbArticleColumns          *self,
                                                      int                         width);
guint       crb_article_columns_get_n_shown          (CrbArticleColumns          *self);
GtkWidget  *crb_article_columns_get_column           (CrbArticleColumns          *self,
                                                      guint                       position);
void        crb_article_columns_scroll_to            (CrbArticleColumns          *self,
                                                      guint                       position);

G_END_DECLS
