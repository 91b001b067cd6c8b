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
  CRB_SEG_LINE_BASED = 1 << 4,   /* the text is laid out one statement per line */
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
void         crb_analyzer_reset       (CrbAnalyzer *analyzer,
                                       const char  *date);
void         crb_analyzer_set_no_values (CrbAnalyzer *analyzer,
                                         gboolean     no_values);
/* What the rules found in a segment, beside their score. */
enum
{
  CRB_RULES_HEADLINE = 1 << 0,   /* a whole line without final punctuation */
  CRB_RULES_NUMBER   = 1 << 1,   /* the reason "number" */
  CRB_RULES_PERCENT  = 1 << 2,   /* "percentage" */
  CRB_RULES_MONEY    = 1 << 3,   /* "money" */
};

/* The most reasons the model adds to a claim: the analyzer leaves room
 * for them at the end of the reasons array. */
#define CRB_MODEL_REASONS 3

/* Sets the sentence's score and rule_score (the same), kind, reasons and
 * values; returns the rules' log-odds, and sets *found to the
 * CRB_RULES_* flags of the segment. */
double       crb_analyzer_run         (CrbAnalyzer         *analyzer,
                                       const char          *text,
                                       const CrbRawSegment *raw,
                                       CrbSentence         *sentence,
                                       guint               *found);

/* The score from the rules and the learned model together
 * (crb-extract-combine.c); one combiner per thread. */
typedef struct _CrbCombiner CrbCombiner;

CrbCombiner *crb_combiner_new         (void);
void         crb_combiner_free        (CrbCombiner *combiner);
void         crb_combiner_run         (CrbCombiner *combiner,
                                       const char  *text,
                                       CrbSentence *sentence,
                                       double       rule_z,
                                       guint        found,
                                       gboolean     rules_only);

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

/* Decodes one UTF-8 character; an invalid byte decodes as U+FFFD of
 * length 1, so every input can be walked. */
static inline gunichar
crb_utf8_decode (const guchar *p,
                 const guchar *end,
                 int          *len)
{
  guchar c = p[0];
  gunichar u;
  int n;

  if (G_LIKELY (c < 0x80))
    {
      *len = 1;
      return c;
    }
  if ((c & 0xE0) == 0xC0)
    {
      n = 2;
      u = c & 0x1F;
    }
  else if ((c & 0xF0) == 0xE0)
    {
      n = 3;
      u = c & 0x0F;
    }
  else if ((c & 0xF8) == 0xF0)
    {
      n = 4;
      u = c & 0x07;
    }
  else
    {
      *len = 1;
      return 0xFFFD;
    }
  if (end - p < n)
    {
      *len = 1;
      return 0xFFFD;
    }
  for (int i = 1; i < n; i++)
    {
      if ((p[i] & 0xC0) != 0x80)
        {
          *len = 1;
          return 0xFFFD;
        }
      u = (u << 6) | (p[i] & 0x3F);
    }
  *len = n;
  return u;
}

/* g_unichar_isupper (c) || g_unichar_istitle (c) with one table look-up:
 * g_unichar_istitle() walks a list of the titlecase letters, which are the
 * letters of type G_UNICODE_TITLECASE_LETTER (checked over all code points
 * with GLib 2.74). */
static inline gboolean
crb_unichar_is_upper_or_title (gunichar c)
{
  GUnicodeType t = g_unichar_type (c);

  return t == G_UNICODE_UPPERCASE_LETTER || t == G_UNICODE_TITLECASE_LETTER;
}

static inline gboolean
crb_unichar_is_space (gunichar c)
{
  if (G_LIKELY (c < 0x80))
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF || c == 0x85;
}

G_END_DECLS
