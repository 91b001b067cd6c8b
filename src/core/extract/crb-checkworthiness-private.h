/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the extractor needs of the model beyond the public API: one pass
 * that scores a segment and keeps what an explanation needs, and reasons
 * as static strings.  Private to extract/. */
#pragma once

#include "crb-checkworthiness.h"

G_BEGIN_DECLS

typedef struct _CrbCheckworthinessHit CrbCheckworthinessHit;

/* Buffers for scoring, kept by the caller (one per thread) and reused:
 * zero-initialise, free with _crb_checkworthiness_scratch_clear(). */
typedef struct
{
  guchar                *text;       /* the normalised segment */
  gsize                  text_size;
  CrbCheckworthinessHit *hits;       /* its word features, with their weights */
  gsize                  hits_size;
  gsize                  n_hits;
  guint                  dense;      /* bit k set: sentence feature k is on */
  double                 per_word;   /* log-odds of one unit of a word weight */
} CrbCheckworthinessScratch;

/* Sentence features, for _crb_checkworthiness_reasons()'s @skip. */
enum
{
  CRB_CHECKWORTHINESS_FIGURE  = 1 << 0,
  CRB_CHECKWORTHINESS_PERCENT = 1 << 1,
  CRB_CHECKWORTHINESS_MONEY   = 1 << 2,
};

gboolean _crb_checkworthiness_render_reason (GString                   *out,
                                             const char                *description,
                                             gsize                      length);

void     _crb_checkworthiness_scratch_clear (CrbCheckworthinessScratch *scratch);

double   _crb_checkworthiness_log_odds      (CrbCheckworthiness        *self,
                                             const char                *segment,
                                             gsize                      length,
                                             CrbCheckworthinessScratch *scratch);

guint    _crb_checkworthiness_reasons       (CrbCheckworthiness              *self,
                                             const CrbCheckworthinessScratch *scratch,
                                             guint                            skip,
                                             const char                     **out,
                                             guint                            n);

G_END_DECLS
