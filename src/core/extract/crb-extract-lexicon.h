/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

enum
{
  CRB_L_ATTR        = 1u << 0,
  CRB_L_EVENT       = 1u << 1,
  CRB_L_KILL        = 1u << 2,
  CRB_L_INJURE      = 1u << 3,
  CRB_L_DETAIN      = 1u << 4,
  CRB_L_MISSING     = 1u << 5,
  CRB_L_MONTH       = 1u << 6,
  CRB_L_WEEKDAY     = 1u << 7,
  CRB_L_NUMWORD     = 1u << 8,
  CRB_L_TITLE       = 1u << 9,
  CRB_L_ORG         = 1u << 10,
  CRB_L_PLACECUE    = 1u << 11,
  CRB_L_PLACE       = 1u << 12,
  CRB_L_STOP        = 1u << 13,
  CRB_L_OPINION     = 1u << 14,
  CRB_L_FUTURE      = 1u << 15,
  CRB_L_PROMISE     = 1u << 16,
  CRB_L_COMPARE     = 1u << 17,
  CRB_L_CAUSE       = 1u << 18,
  CRB_L_FIRSTP      = 1u << 19,
  CRB_L_ANON        = 1u << 20,
  CRB_L_INSTITUTION = 1u << 21,
  CRB_L_DEMONYM     = 1u << 22,
  CRB_L_CONNECT     = 1u << 23,
  CRB_L_AUX         = 1u << 24,
  CRB_L_MULT        = 1u << 25,
  CRB_L_PRONOUN     = 1u << 26,
  CRB_L_RELDAY      = 1u << 27,
  CRB_L_ORGNAME     = 1u << 28,
  CRB_L_MODAL       = 1u << 29,
  CRB_L_NONE_WORD   = 1u << 30,
  CRB_L_QUAL        = 1u << 31,
};

/* The hash of the look-up (FNV-1a), for a caller that hashes a word while
 * it scans it: start from CRB_LEXICON_HASH_INIT and feed every byte. */
#define CRB_LEXICON_HASH_INIT 2166136261u

static inline guint32
crb_lexicon_hash_step (guint32 h,
                       guchar  c)
{
  return (h ^ c) * 16777619u;
}

guint32   crb_lexicon_lookup (const char *lower);
guint32   crb_lexicon_lookup_hashed (const char *lower,
                                     gsize       len,
                                     guint32     hash);
guint32   crb_lexicon_lookup_len (const char *lower,
                                  gsize       len);
gboolean  crb_lexicon_number (const char *lower,
                              double     *value);

G_END_DECLS
