/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crb-extract.h"

G_BEGIN_DECLS

/* Layout flags of a raw segment, set by the segmenter. */
typedef enum
{
  CRB_SEG_LINE_START = 1 << 0,   /* begins at the start of a block (line group) */
  CRB_SEG_LINE_END   = 1 << 1,   /* ends at the end of a block */
  CRB_SEG_METADATA   = 1 << 2,   /* a "date YYYY-MM-DD" style metadata prefix */
  CRB_SEG_LIST_ITEM  = 1 << 3,   /* the block starts with a list marker */
} CrbSegFlags;

typedef struct
{
  gsize start;
  gsize end;
  guint flags;
  guint block;       /* index of the block (group of joined lines) */
  guint paragraph;   /* index of the paragraph (blank-line separated) */
} CrbRawSegment;

/* Segmentation only: fills @out (an array of CrbRawSegment) in document order. */
void      crb_extract_segment         (const char *text,
                                       gsize       length,
                                       GArray     *out);

/* Analysis of one segment (score, kind, reasons, values). */
typedef struct _CrbAnalyzer CrbAnalyzer;

CrbAnalyzer *crb_analyzer_new         (const char *date);
void         crb_analyzer_free        (CrbAnalyzer *analyzer);
void         crb_analyzer_run         (CrbAnalyzer         *analyzer,
                                       const char          *text,
                                       const CrbRawSegment *raw,
                                       CrbSentence         *sentence);

/* Boilerplate classification of one segment, without context.
 * Returns a static reason string or NULL. Sets *is_label when the segment
 * introduces a caption ("Picture:") or a list of links ("Read more:"),
 * and *is_credit when it is a photo credit ("Pic: AP"). */
const char  *crb_boilerplate_classify (const char          *text,
                                       const CrbRawSegment *raw,
                                       int                 *label_kind,
                                       gboolean            *is_credit);

enum
{
  CRB_LABEL_NONE = 0,
  CRB_LABEL_CAPTION,
  CRB_LABEL_LINKS,
  CRB_LABEL_CONTENT,
};

/* Text helpers shared by the files. */
gunichar  crb_utf8_decode             (const guchar *p,
                                       const guchar *end,
                                       int          *len);
gboolean  crb_unichar_is_space        (gunichar c);

G_END_DECLS
