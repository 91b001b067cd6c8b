/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * import/ — turns what users bring into articles: text and HTML files
 * (decoding, visible text, metadata), folders, JSON Lines corpora, and
 * native exports to rebuild a project from.  Reads and extracts; adding
 * the result to a project is the project's job (crb_project_import()).
 *
 * May include: extract/, align/, store/, model/, base/.
 */
#pragma once

#include <gio/gio.h>

#include "crb-article.h"
#include "crb-claim.h"

G_BEGIN_DECLS

typedef struct _CrbImportSource CrbImportSource;

/**
 * CrbImportItem:
 * @story: (nullable): the story the corpus or folder puts the article in;
 *   %NULL for the story of the import as a whole
 * @article: (nullable): the article, its id as wanted (made unique when
 *   added); %NULL for an item of crb_import_scan() that keeps where it is
 * @claims: (nullable) (element-type CrbClaim): its claims, when extracted
 *   ahead by crb_import_prepare()
 * @id: (nullable): while @article is %NULL, the id it wants
 * @source: (nullable): while @article is %NULL, where it is read again
 *   (crb_import_item_read())
 */
typedef struct
{
  char            *story;
  CrbArticle      *article;
  GPtrArray       *claims;
  char            *id;
  CrbImportSource *source;
} CrbImportItem;

/**
 * CrbImportProgress:
 * @done: articles read and extracted so far
 * @total: articles in all
 *
 * Called from the thread running crb_import_prepare().
 */
typedef void (*CrbImportProgress) (guint    done,
                                   guint    total,
                                   gpointer user_data);

/**
 * CrbImportFlags:
 * @CRB_IMPORT_NONE: refuse the whole import when one input is bad
 * @CRB_IMPORT_SKIP_INVALID: skip bad inputs, each with a warning
 */
typedef enum
{
  CRB_IMPORT_NONE = 0,
  CRB_IMPORT_SKIP_INVALID = 1 << 0,
} CrbImportFlags;

void        crb_import_item_free          (CrbImportItem       *item);

GPtrArray  *crb_import_paths              (const char * const  *paths,
                                           CrbImportFlags       flags,
                                           GPtrArray           *warnings,
                                           GCancellable        *cancellable,
                                           GError             **error);
GPtrArray  *crb_import_scan               (const char * const  *paths,
                                           CrbImportFlags       flags,
                                           GPtrArray           *warnings,
                                           GCancellable        *cancellable,
                                           GError             **error);
const char *crb_import_item_get_id        (CrbImportItem       *item);
CrbArticle *crb_import_item_read          (CrbImportItem       *item,
                                           const char          *id,
                                           GError             **error);
GPtrArray  *crb_import_prepare            (const char * const  *paths,
                                           CrbImportFlags       flags,
                                           double               threshold,
                                           GPtrArray           *warnings,
                                           CrbImportProgress    progress,
                                           gpointer             user_data,
                                           GCancellable        *cancellable,
                                           GError             **error);
GPtrArray  *crb_import_prepare_full       (const char * const  *paths,
                                           CrbImportFlags       flags,
                                           double               threshold,
                                           const char          *extractor_command,
                                           guint                extractor_timeout,
                                           GPtrArray           *warnings,
                                           CrbImportProgress    progress,
                                           gpointer             user_data,
                                           GCancellable        *cancellable,
                                           GError             **error);
char       *crb_import_default_story      (const char * const  *paths);
CrbImportItem *crb_import_corpus_line     (const char          *line,
                                           const char          *where,
                                           const char          *source,
                                           const char          *default_id,
                                           GError             **error);
GPtrArray  *crb_extract_article_sentences (CrbArticle          *article);
GPtrArray  *crb_extract_article_claims    (CrbArticle          *article,
                                           double               threshold);
GPtrArray  *crb_import_reid_claims        (GPtrArray           *claims,
                                           const char          *article_id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbImportItem, crb_import_item_free)

G_END_DECLS
