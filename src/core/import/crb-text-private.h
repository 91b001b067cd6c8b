/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of the text reader (crb-text.c, crb-text-html.c,
 * crb-text-entities.c, crb-text-meta.c) share; not for use outside import/. */
#pragma once

#include "crb-text.h"

G_BEGIN_DECLS

static inline gboolean
_crb_text_is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

void   _crb_text_meta_set        (char        **field,
                                  const char   *value);
char  *_crb_text_parse_date      (const char   *value);
gsize  _crb_text_decode_entity   (const char   *s,
                                  gsize         len,
                                  gunichar     *c);

G_END_DECLS
