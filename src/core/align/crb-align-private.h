/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "crb-align.h"
#include "crb-claim.h"

G_BEGIN_DECLS

/* Word classes the comparison looks at, as bits. */
typedef enum
{
  CRB_ALIGN_WORD_STOP     = 1 << 0,  /* carries no content */
  CRB_ALIGN_WORD_NEGATION = 1 << 1,  /* not, never, denied, rejected, ... */
  CRB_ALIGN_WORD_PAST     = 1 << 2,  /* previous, earlier, ago, anniversary ... */
  CRB_ALIGN_WORD_VENUE    = 1 << 3,  /* mosque, concert, stadium, ... */
  CRB_ALIGN_WORD_REPORT   = 1 << 4,  /* said, told, reported: counted as stop words */
  CRB_ALIGN_WORD_CLAUSE   = 1 << 5,  /* first word after a comma, colon, dash, ... */
  CRB_ALIGN_WORD_ACCUSE   = 1 << 6,  /* blamed, accused, linked: the one accused follows */
  CRB_ALIGN_WORD_FRAME    = 1 << 7,  /* involved, blamed, behind, responsibility, ... */
  CRB_ALIGN_WORD_RELATIVE = 1 << 8,  /* which, who, whose */
  CRB_ALIGN_WORD_GROUP    = 1 << 9,  /* group, militant(s): "the group" names the organisation before */
} CrbAlignWordClass;

/* One normalised word: @key is the synonym class or the light stem,
 * owned by the word cache.  @country is the country a country name or
 * demonym stands for ("ukrainian" → "ukraine"), @seat the country a
 * capital or seat of government may stand for ("kremlin" → "russia"):
 * normalised names, static, or %NULL. */
typedef struct
{
  char       *key;
  guint       cls;
  const char *country;
  const char *seat;
} CrbAlignWord;

GHashTable *_crb_align_word_cache_new (void);
void        _crb_align_words          (const char *text,
                                       GArray     *out,
                                       GHashTable *cache);
void        _crb_align_words_clear    (GArray     *words);
char       *_crb_align_normalize_name (const char *name);
const char *_crb_align_seat_country   (const char *name);
const char *_crb_align_unit_label     (const char *category);

G_END_DECLS
