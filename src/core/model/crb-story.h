/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crb-article.h"
#include "crb-claim.h"
#include "crb-decision.h"
#include "crb-links.h"
#include "crb-types.h"

G_BEGIN_DECLS

#define CRB_TYPE_STORY (crb_story_get_type ())

G_DECLARE_FINAL_TYPE (CrbStory, crb_story, CRB, STORY, GObject)

CrbStory   *crb_story_new               (const char  *id,
                                         const char  *title);
const char *crb_story_get_id            (CrbStory    *self);
const char *crb_story_get_title         (CrbStory    *self);
void        crb_story_set_title         (CrbStory    *self,
                                         const char  *title);
gboolean    crb_story_is_loaded         (CrbStory    *self);
gboolean    crb_story_ensure_loaded     (CrbStory    *self,
                                         GError     **error);
gboolean    crb_story_unload            (CrbStory    *self);
GListModel *crb_story_get_articles      (CrbStory    *self);
GListModel *crb_story_get_claims        (CrbStory    *self);
GPtrArray  *crb_story_get_history       (CrbStory    *self);
guint       crb_story_get_n_articles    (CrbStory    *self);
guint       crb_story_get_n_claims      (CrbStory    *self);
guint       crb_story_count_status      (CrbStory    *self,
                                         CrbDecisionStatus status);
int         crb_story_get_n_contested   (CrbStory    *self);
gboolean    crb_story_has_article       (CrbStory    *self,
                                         const char  *article_id);
const char * const *crb_story_get_article_ids (CrbStory *self);
CrbArticle *crb_story_lookup_article    (CrbStory    *self,
                                         const char  *article_id);
CrbClaim   *crb_story_lookup_claim      (CrbStory    *self,
                                         const char  *claim_id);
void        crb_story_add_article       (CrbStory    *self,
                                         CrbArticle  *article);
void        crb_story_add_claim         (CrbStory    *self,
                                         CrbClaim    *claim);
GPtrArray  *crb_story_dup_article_claims (CrbStory   *self,
                                         const char  *article_id);
CrbAlignment *crb_story_get_alignment   (CrbStory    *self);
void        crb_story_realign           (CrbStory    *self);
GPtrArray  *crb_story_get_manual_links  (CrbStory    *self);
GPtrArray  *crb_story_get_removed_links (CrbStory    *self);
gboolean    crb_story_get_article_counts (CrbStory   *self,
                                         guint        index,
                                         guint       *n_claims,
                                         guint       *status_counts,
                                         const char **outlet);
double      crb_alignment_contest_score (CrbAlignment *alignment,
                                         CrbStory    *story,
                                         const char  *claim_id);

G_END_DECLS
