/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CrbTextMeta:
 * Metadata found at the head of an article file (front matter, a leading
 * "date 2024-05-24" line, HTML <title>/<meta> elements).  Every field is
 * nullable and owned by the struct.
 */
typedef struct
{
  char *title;
  char *outlet;
  char *url;
  char *date;     /* ISO 8601, "YYYY-MM-DD" or a full date-time */
  char *author;
} CrbTextMeta;

void   crb_text_meta_clear       (CrbTextMeta  *meta);

typedef struct _CrbTextCheck CrbTextCheck;

char  *crb_text_decode           (GBytes       *bytes,
                                  const char   *display_name,
                                  char        **warning,
                                  GError      **error);
char  *crb_text_from_html        (const char   *html,
                                  gsize         length,
                                  CrbTextMeta  *meta);
gsize  crb_text_read_metadata    (const char   *text,
                                  CrbTextMeta  *meta);
char  *crb_text_normalize        (const char   *text);

CrbTextCheck *crb_text_check_new    (void);
void          crb_text_check_add    (CrbTextCheck *check,
                                     const char   *data,
                                     gsize         len);
gboolean      crb_text_check_finish (CrbTextCheck *check,
                                     gsize        *skip);
void          crb_text_check_free   (CrbTextCheck *check);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbTextMeta, crb_text_meta_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbTextCheck, crb_text_check_free)

G_END_DECLS
