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

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbTextMeta, crb_text_meta_clear)

G_END_DECLS
