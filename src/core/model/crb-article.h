/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crb-types.h"

G_BEGIN_DECLS

/**
 * CRB_ARTICLE_MAX_BYTES:
 *
 * The largest article text Corroborate takes, in UTF-8 bytes (32 MiB):
 * reading, extracting and validating one stay linear in its length (see
 * docs/benchmarks.md), and a project of such an article still opens in a
 * few seconds and under a gigabyte.  Larger inputs are refused by name.
 */
#define CRB_ARTICLE_MAX_BYTES (32 * 1024 * 1024)

#define CRB_TYPE_ARTICLE (crb_article_get_type ())

G_DECLARE_FINAL_TYPE (CrbArticle, crb_article, CRB, ARTICLE, GObject)

CrbArticle *crb_article_new               (const char *id,
                                           const char *text);
const char *crb_article_get_id            (CrbArticle *self);
const char *crb_article_get_text          (CrbArticle *self);
gsize       crb_article_get_length        (CrbArticle *self);
const char *crb_article_get_sha256        (CrbArticle *self);
const char *crb_article_get_title         (CrbArticle *self);
void        crb_article_set_title         (CrbArticle *self,
                                           const char *title);
const char *crb_article_get_outlet        (CrbArticle *self);
void        crb_article_set_outlet        (CrbArticle *self,
                                           const char *outlet);
const char *crb_article_get_url           (CrbArticle *self);
void        crb_article_set_url           (CrbArticle *self,
                                           const char *url);
const char *crb_article_get_date          (CrbArticle *self);
void        crb_article_set_date          (CrbArticle *self,
                                           const char *date);
const char *crb_article_get_source        (CrbArticle *self);
void        crb_article_set_source        (CrbArticle *self,
                                           const char *source);
const char *crb_article_get_source_sha256 (CrbArticle *self);
void        crb_article_set_source_sha256 (CrbArticle *self,
                                           const char *source_sha256);
guint       crb_article_get_body_start    (CrbArticle *self);
void        crb_article_set_body_start    (CrbArticle *self,
                                           guint       body_start);
char       *crb_article_dup_slice         (CrbArticle *self,
                                           guint       start,
                                           guint       end);
char       *crb_article_id_from_name      (const char *wanted);

G_END_DECLS
