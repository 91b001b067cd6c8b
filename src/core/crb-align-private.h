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
} CrbAlignWordClass;

/* One normalised word: @key is the synonym class or the light stem,
 * owned by the word cache. */
typedef struct
{
  char  *key;
  guint  cls;
} CrbAlignWord;

GHashTable *_crb_align_word_cache_new (void);
void        _crb_align_words          (const char *text,
                                       GArray     *out,
                                       GHashTable *cache);
void        _crb_align_words_clear    (GArray     *words);
char       *_crb_align_normalize_name (const char *name);
const char *_crb_align_unit_label     (const char *category);

G_END_DECLS
