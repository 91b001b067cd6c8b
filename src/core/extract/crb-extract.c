/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract.c: public entry points of the claim extraction engine.
 *
 * Pipeline: crb_extract_segment() splits the text into segments,
 * crb_analyzer_run() computes the rules' check-worthiness, kind, reasons
 * and values, crb_boilerplate_classify() flags web boilerplate (with a
 * small amount of context: captions after "Picture:", link lists after
 * "Read more:", sentences credited by a trailing "Pic: AP"), and, once
 * every segment's boilerplate flag is final, crb_combiner_run() scores
 * each with the rules and the learned model together.
 */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract.h"
#include "crb-extract-private.h"

#include <string.h>

void
crb_sentence_free (CrbSentence *sentence)
{
  if (sentence == NULL)
    return;
  g_free (sentence->reasons);
  g_free (sentence->values_json);
  g_free (sentence);
}

gboolean
crb_sentence_is_claim (const CrbSentence *sentence,
                       double             threshold)
{
  g_return_val_if_fail (sentence != NULL, FALSE);

  return !sentence->boilerplate && sentence->score >= threshold;
}

/* @why is a static string */
static void
mark_boilerplate (CrbSentence *sentence,
                  const char  *why)
{
  guint n;
  const char **reasons;

  if (sentence->boilerplate)
    return;
  sentence->boilerplate = TRUE;
  n = sentence->reasons != NULL ? g_strv_length ((char **) sentence->reasons) : 0;
  reasons = g_new (const char *, n + 3);
  reasons[0] = "boilerplate";
  reasons[1] = why;
  if (n > 0)
    memcpy (reasons + 2, sentence->reasons, n * sizeof (char *));
  reasons[n + 2] = NULL;
  g_free (sentence->reasons);
  sentence->reasons = reasons;
}

/* What the rules said of a segment, for the combination. */
typedef struct
{
  double z;
  guint  found;
} Verdict;

/* Buffers kept per thread and reused across calls: allocating them for
 * every article is a measurable part of the cost. */
typedef struct
{
  CrbAnalyzer *analyzer;
  CrbCombiner *combiner;
  GArray *raw;
  GArray *verdicts;
} Workspace;

static void
workspace_free (Workspace *ws)
{
  if (ws == NULL)
    return;
  crb_analyzer_free (ws->analyzer);
  crb_combiner_free (ws->combiner);
  g_array_unref (ws->raw);
  g_array_unref (ws->verdicts);
  g_free (ws);
}

static GPrivate cached_workspace = G_PRIVATE_INIT ((GDestroyNotify) workspace_free);

GPtrArray *
crb_extract_sentences (const char *text,
                       gssize      length,
                       const char *date)
{
  return crb_extract_sentences_full (text, length, date, CRB_EXTRACT_NONE);
}

GPtrArray *
crb_extract_sentences_full (const char      *text,
                            gssize           length,
                            const char      *date,
                            CrbExtractFlags  flags)
{
  Workspace *ws;
  GArray *raw;
  g_autoptr (GPtrArray) result = NULL;
  CrbAnalyzer *analyzer;
  gsize len;
  int label = CRB_LABEL_NONE;
  guint label_paragraph = 0;
  guint label_block = 0;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_sentence_free);
  if (text == NULL)
    return g_steal_pointer (&result);

  len = length < 0 ? strlen (text) : (gsize) length;
  ws = g_private_get (&cached_workspace);
  if (ws != NULL)
    {
      g_private_set (&cached_workspace, NULL);
      g_array_set_size (ws->raw, 0);
      crb_analyzer_reset (ws->analyzer, date);
    }
  else
    {
      ws = g_new0 (Workspace, 1);
      ws->raw = g_array_sized_new (FALSE, FALSE, sizeof (CrbRawSegment), 128);
      ws->verdicts = g_array_sized_new (FALSE, FALSE, sizeof (Verdict), 128);
      ws->analyzer = crb_analyzer_new (date);
      ws->combiner = crb_combiner_new ();
    }
  raw = ws->raw;
  analyzer = ws->analyzer;
  crb_extract_segment (text, len, raw);

  crb_analyzer_set_no_values (analyzer, (flags & CRB_EXTRACT_NO_VALUES) != 0);
  g_array_set_size (ws->verdicts, raw->len);

  for (guint i = 0; i < raw->len; i++)
    {
      const CrbRawSegment *seg = &g_array_index (raw, CrbRawSegment, i);
      CrbSentence *sentence = g_new0 (CrbSentence, 1);
      const char *why;
      int seg_label = CRB_LABEL_NONE;
      gboolean credit = FALSE;
      Verdict *verdict = &g_array_index (ws->verdicts, Verdict, i);

      sentence->start = seg->start;
      sentence->end = seg->end;
      verdict->z = crb_analyzer_run (analyzer, text, seg, sentence, &verdict->found);

      why = crb_boilerplate_classify (text, seg, &seg_label, &credit);

      /* context: the block after a caption label is a caption; the lines of
       * the paragraph after a "Read more:" label are links */
      if (why == NULL && label != CRB_LABEL_NONE && seg->paragraph == label_paragraph)
        {
          if (label == CRB_LABEL_CAPTION && seg->block == label_block + 1)
            why = "caption";
          else if (label == CRB_LABEL_LINKS &&
                   (seg->flags & CRB_SEG_LINE_START) && (seg->flags & CRB_SEG_LINE_END))
            why = "related headline";
        }
      /* "Highlights:" followed by a list: the items are content */
      if (why != NULL && label == CRB_LABEL_CONTENT && seg->paragraph == label_paragraph &&
          strcmp (why, "related headline") == 0)
        why = NULL;
      if (seg_label != CRB_LABEL_NONE)
        {
          label = seg_label;
          label_paragraph = seg->paragraph;
          label_block = seg->block;
        }
      else if (seg->paragraph != label_paragraph)
        label = CRB_LABEL_NONE;

      /* a trailing photo credit makes the preceding sentences of its block
       * (up to three) a caption */
      if (credit)
        {
          guint k = result->len;
          guint back = 0;
          while (k > 0 && back < 3)
            {
              CrbSentence *p = g_ptr_array_index (result, k - 1);
              const CrbRawSegment *ps = &g_array_index (raw, CrbRawSegment, k - 1);
              if (ps->block != seg->block)
                break;
              mark_boilerplate (p, "caption");
              k--;
              back++;
            }
        }

      if (why != NULL)
        mark_boilerplate (sentence, why);
      g_ptr_array_add (result, sentence);
    }

  /* a later credit can make earlier segments captions: combine only now */
  for (guint i = 0; i < result->len; i++)
    {
      const Verdict *verdict = &g_array_index (ws->verdicts, Verdict, i);

      crb_combiner_run (ws->combiner, text, g_ptr_array_index (result, i), verdict->z,
                        verdict->found, (flags & CRB_EXTRACT_RULES_ONLY) != 0);
    }

  /* keep it for the next call on this thread, unless the buffers grew for
   * a large document (token buffers grow with the longest segment) */
  if (len > 64 * 1024)
    workspace_free (ws);
  else
    g_private_replace (&cached_workspace, ws);
  return g_steal_pointer (&result);
}
