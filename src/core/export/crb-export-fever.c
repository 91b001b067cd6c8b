/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export-fever.c: FEVER records and their sentence table. */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-export-private.h"

#include "crb-extract-private.h"

#include <string.h>

/* One sentence of an article, in code points and bytes. */
typedef struct
{
  guint start;
  guint end;
  gsize byte_start;
  gsize byte_end;
} Sentence;

/* The article's sentences, as the extraction engine segments them: those
 * of its body, after its metadata lines (body_start), as the importer
 * extracts claims from the body only. */
static GArray *
sentences_of (StoryCtx *ctx,
              guint     article)
{
  GArray *sentences = ctx->sentences[article];

  if (sentences == NULL)
    {
      g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (CrbRawSegment));
      const char *text = article_field (ctx, article, CRB_ARTICLE_TEXT);
      const CrbJsonValue *body_start =
        g_array_index (ctx->line->articles, CrbLineArticle, article).fields[CRB_ARTICLE_BODY_START];
      guint char_pos = body_start != NULL ? (guint) crb_json_int (body_start) : 0;
      gsize body = g_utf8_offset_to_pointer (text, char_pos) - text;
      gsize byte_pos = body;

      crb_extract_segment (text + body, strlen (text + body), raw);
      sentences = g_array_sized_new (FALSE, FALSE, sizeof (Sentence), raw->len);
      for (guint i = 0; i < raw->len; i++)
        {
          const CrbRawSegment *seg = &g_array_index (raw, CrbRawSegment, i);
          gsize seg_start = body + seg->start, seg_end = body + seg->end;
          Sentence s;

          char_pos += crb_utf8_bytes_to_chars (text + byte_pos, seg_start - byte_pos);
          s.start = char_pos;
          s.end = char_pos + crb_utf8_bytes_to_chars (text + seg_start, seg_end - seg_start);
          s.byte_start = seg_start;
          s.byte_end = seg_end;
          char_pos = s.end;
          byte_pos = seg_end;
          g_array_append_val (sentences, s);
        }
      ctx->sentences[article] = sentences;
    }

  return sentences;
}

/* The index of the sentence that holds the start of @claim. */
static guint
sentence_of (StoryCtx           *ctx,
             const CrbLineClaim *claim)
{
  GArray *sentences = sentences_of (ctx, claim->article);
  guint lo = 0, hi = sentences->len;

  /* The last sentence that starts at or before the claim. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (sentences, Sentence, mid).start <= claim->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? lo - 1 : 0;
}

/* Where the id of the story's record @id goes. */
static void
mark_id (GString  *out,
         StoryCtx *ctx,
         guint     id)
{
  IdMark mark = { out->len, id };

  g_array_append_val (ctx->ids, mark);
}

/* Puts the ids in a story's records, the first being @first_id. */
void
_crb_export_number_records (GString *records,
                            GArray  *ids,
                            guint    first_id)
{
  g_autoptr (GString) numbered = g_string_sized_new (records->len + 8 * ids->len);
  gsize done = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      const IdMark *mark = &g_array_index (ids, IdMark, i);

      g_string_append_len (numbered, records->str + done, mark->offset - done);
      crb_json_append_int (numbered, first_id + mark->id);
      done = mark->offset;
    }
  g_string_append_len (numbered, records->str + done, records->len - done);
  g_string_truncate (records, 0);
  g_string_append_len (records, numbered->str, numbered->len);
}

/* One FEVER record; @evidence holds the indexes of claims whose sentences
 * are each, on their own, an evidence set.
 */
static void
write_fever_line (GString    *out,
                  StoryCtx   *ctx,
                  const char *label,
                  const char *text,
                  GArray     *evidence)
{
  guint id = ctx->next_id++;
  gboolean first = TRUE;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  g_string_append_c (out, '{');
  crb_json_member (out, &first, "id");
  mark_id (out, ctx, id);
  member_string (out, &first, "verifiable", evidence ? "VERIFIABLE" : "NOT VERIFIABLE");
  member_string (out, &first, "label", label);
  member_string (out, &first, "claim", text);
  crb_json_member (out, &first, "evidence");
  if (evidence == NULL)
    {
      g_string_append (out, "[[[");
      mark_id (out, ctx, id);
      g_string_append (out, ",null,null,null]]]");
    }
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < evidence->len; i++)
        {
          const CrbLineClaim *c = claim_at (ctx, g_array_index (evidence, guint, i));
          const char *article_id = article_field (ctx, c->article, CRB_ARTICLE_ID);
          guint sentence = sentence_of (ctx, c);
          char *key = g_strdup_printf ("%u\t%s", sentence, article_id);

          /* Two claims in one sentence are one piece of evidence. */
          if (!g_hash_table_add (seen, key))
            continue;
          if (n > 0)
            g_string_append_c (out, ',');
          g_string_append (out, "[[");
          mark_id (out, ctx, id);
          g_string_append_printf (out, ",%u,", n);
          crb_json_append_string (out, article_id);
          g_string_append_printf (out, ",%u]]", sentence);
          n++;
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "}\n");
}

/* A record planned: its label, text and evidence (claim indexes, each
 * claim's sentence an evidence set; NULL for NOT ENOUGH INFO).
 */
typedef struct
{
  const char *label;
  const char *text;
  GArray     *evidence;
} FeverRecord;

static guint
add_record (FeverRecord *records,
            guint        n,
            const char  *label,
            const char  *text,
            GArray      *evidence)
{
  records[n].label = label;
  records[n].text = text;
  records[n].evidence = evidence;
  return n + 1;
}

/* The appearances of claim @index in other articles linked by @relation
 * that no reviewer rejected.
 */
static GArray *
appearances (StoryCtx    *ctx,
             guint        index,
             CrbRelation  relation)
{
  GArray *linked = _crb_export_linked_claims (ctx, index, relation);
  guint article = claim_at (ctx, index)->article;
  guint kept = 0;

  for (guint i = 0; i < linked->len; i++)
    {
      const CrbLineClaim *other = claim_at (ctx, g_array_index (linked, guint, i));

      if (other->article != article &&
          crb_decision_get_status (other->decision) != CRB_DECISION_STATUS_REJECTED)
        g_array_index (linked, guint, kept++) = g_array_index (linked, guint, i);
    }
  g_array_set_size (linked, kept);
  return linked;
}

/* Case and runs of white space aside, the same text. */
static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *x = g_utf8_casefold (a, -1);
  g_autofree char *y = g_utf8_casefold (b, -1);
  g_auto (GStrv) xs = g_strsplit_set (g_strstrip (x), " \t\r\n", -1);
  g_auto (GStrv) ys = g_strsplit_set (g_strstrip (y), " \t\r\n", -1);
  guint i = 0, j = 0;

  for (;;)
    {
      while (xs[i] != NULL && *xs[i] == '\0')
        i++;
      while (ys[j] != NULL && *ys[j] == '\0')
        j++;
      if (xs[i] == NULL || ys[j] == NULL)
        return xs[i] == NULL && ys[j] == NULL;
      if (strcmp (xs[i++], ys[j++]) != 0)
        return FALSE;
    }
}

/* The appearances that agree with the correction of claim @index: claims
 * of other articles linked to it, not rejected, that a reviewer corrected
 * to the same text (or that say it already), or that contradict the
 * original and a reviewer confirmed.
 */
static GArray *
agreeing_with_correction (StoryCtx *ctx,
                          guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const char *correction = claim->decision->corrected_text;
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = ctx->link_start[index]; k < ctx->link_start[index + 1]; k++)
    {
      const CrbLineLink *link = link_at (ctx, ctx->link_index[k]);
      guint o = other_end (link, index);
      const CrbLineClaim *other = claim_at (ctx, o);
      CrbDecisionStatus status = crb_decision_get_status (other->decision);

      if (other->article == claim->article || link->relation == CRB_RELATION_RELATED ||
          status == CRB_DECISION_STATUS_REJECTED)
        continue;
      if (same_text (final_text (ctx, other), correction) ||
          (link->relation == CRB_RELATION_CONFLICTS && status == CRB_DECISION_STATUS_CONFIRMED))
        g_array_append_val (result, o);
    }
  return result;
}

/* A decided claim without evidence from another article: NOT ENOUGH INFO,
 * or nothing with require_evidence.
 */
static guint
add_supported (FeverRecord *records,
               guint        n,
               StoryCtx    *ctx,
               const char  *label,
               const char  *text,
               GArray      *evidence)
{
  if (evidence->len > 0)
    return add_record (records, n, label, text, evidence);
  g_array_unref (evidence);
  if (ctx->options->require_evidence)
    return n;
  return add_record (records, n, "NOT ENOUGH INFO", text, NULL);
}

/* The records of 0.1 and before (--self-evidence): the claim's own
 * sentence is evidence too.
 */
static guint
plan_self_evidence (StoryCtx    *ctx,
                    guint        index,
                    FeverRecord *records)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const CrbDecision *d = claim->decision;
  GArray *evidence = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) linked = NULL;
  guint n;

  g_array_append_val (evidence, index);
  switch (crb_decision_get_status (d))
    {
    case CRB_DECISION_STATUS_CONFIRMED:
    case CRB_DECISION_STATUS_CORRECTED:
      linked = _crb_export_linked_claims (ctx, index, CRB_RELATION_AGREES);
      for (guint i = 0; i < linked->len; i++)
        if (crb_decision_get_status (claim_at (ctx, g_array_index (linked, guint, i))->decision) !=
            CRB_DECISION_STATUS_REJECTED)
          g_array_append_val (evidence, g_array_index (linked, guint, i));
      n = add_record (records, 0, "SUPPORTS", final_text (ctx, claim), evidence);
      if (d->status == CRB_DECISION_STATUS_CORRECTED)
        {
          GArray *own = g_array_new (FALSE, FALSE, sizeof (guint));

          g_array_append_val (own, index);
          n = add_record (records, n, "REFUTES", string_of (ctx, claim->text), own);
        }
      return n;
    case CRB_DECISION_STATUS_REJECTED:
      if (d->reason == CRB_REJECT_REASON_FALSE)
        {
          linked = _crb_export_linked_claims (ctx, index, CRB_RELATION_CONFLICTS);
          g_array_append_vals (evidence, linked->data, linked->len);
          return add_record (records, 0, "REFUTES", string_of (ctx, claim->text), evidence);
        }
      g_array_unref (evidence);
      if (d->reason == CRB_REJECT_REASON_UNVERIFIABLE)
        return add_record (records, 0, "NOT ENOUGH INFO", string_of (ctx, claim->text), NULL);
      return 0;
    case CRB_DECISION_STATUS_PENDING:
    default:
      g_array_unref (evidence);
      return 0;
    }
}

/* FEVER's records of claim @index (at most two), evidence from other
 * articles only: a confirmed claim SUPPORTS, with its agreeing
 * appearances; a claim rejected as false REFUTES, with its conflicting
 * appearances; a corrected claim gives its corrected text SUPPORTS, with
 * the appearances that agree with the correction, and its original text
 * REFUTES, with those and the conflicting appearances (when there are
 * any); a claim rejected as unverifiable is NOT ENOUGH INFO.  A claim
 * without evidence is NOT ENOUGH INFO (left out with require_evidence).
 * Other claims are left out.
 */
static guint
plan_records (StoryCtx    *ctx,
              guint        index,
              FeverRecord *records)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const CrbDecision *d = claim->decision;
  GArray *correction, *refuting;
  guint n;

  if (ctx->options->self_evidence)
    return plan_self_evidence (ctx, index, records);

  switch (crb_decision_get_status (d))
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      return add_supported (records, 0, ctx, "SUPPORTS", string_of (ctx, claim->text),
                            appearances (ctx, index, CRB_RELATION_AGREES));
    case CRB_DECISION_STATUS_CORRECTED:
      correction = agreeing_with_correction (ctx, index);
      refuting = appearances (ctx, index, CRB_RELATION_CONFLICTS);
      for (guint i = 0; i < correction->len; i++)
        {
          guint c = g_array_index (correction, guint, i);
          gboolean seen = FALSE;

          for (guint k = 0; k < refuting->len && !seen; k++)
            seen = g_array_index (refuting, guint, k) == c;
          if (!seen)
            g_array_append_val (refuting, c);
        }
      n = add_supported (records, 0, ctx, "SUPPORTS", d->corrected_text, correction);
      if (refuting->len > 0)
        return add_record (records, n, "REFUTES", string_of (ctx, claim->text), refuting);
      g_array_unref (refuting);
      return n;
    case CRB_DECISION_STATUS_REJECTED:
      if (d->reason == CRB_REJECT_REASON_FALSE)
        return add_supported (records, 0, ctx, "REFUTES", string_of (ctx, claim->text),
                              appearances (ctx, index, CRB_RELATION_CONFLICTS));
      if (d->reason == CRB_REJECT_REASON_UNVERIFIABLE)
        return add_record (records, 0, "NOT ENOUGH INFO", string_of (ctx, claim->text), NULL);
      return 0;
    case CRB_DECISION_STATUS_PENDING:
    default:
      return 0;
    }
}

/* The labels of claim @index's records, for counting. */
guint
_crb_export_fever_labels (StoryCtx    *ctx,
                          guint        index,
                          const char **labels)
{
  FeverRecord records[2];
  guint n = plan_records (ctx, index, records);

  for (guint i = 0; i < n; i++)
    {
      labels[i] = records[i].label;
      g_clear_pointer (&records[i].evidence, g_array_unref);
    }
  return n;
}

guint
_crb_export_write_fever_record (GString  *out,
                                StoryCtx *ctx,
                                guint     index)
{
  FeverRecord records[2];
  guint n = plan_records (ctx, index, records);

  for (guint i = 0; i < n; i++)
    {
      write_fever_line (out, ctx, records[i].label, records[i].text, records[i].evidence);
      g_clear_pointer (&records[i].evidence, g_array_unref);
    }
  return n;
}

/* The FEVER sentence table: one line per sentence of each article. */
void
_crb_export_write_sentences (GString  *out,
                             StoryCtx *ctx)
{
  for (guint i = 0; i < ctx->line->articles->len; i++)
    {
      GArray *sentences = sentences_of (ctx, i);
      const char *text = article_field (ctx, i, CRB_ARTICLE_TEXT);

      for (guint k = 0; k < sentences->len; k++)
        {
          const Sentence *s = &g_array_index (sentences, Sentence, k);

          append_literal (out, "{\"page\":");
          crb_json_append_string (out, article_field (ctx, i, CRB_ARTICLE_ID));
          append_literal (out, ",\"sentence_id\":");
          crb_json_append_int (out, k);
          append_literal (out, ",\"text\":");
          crb_json_append_string_len (out, text + s->byte_start, s->byte_end - s->byte_start);
          append_literal (out, ",\"span\":{\"start\":");
          crb_json_append_int (out, s->start);
          append_literal (out, ",\"end\":");
          crb_json_append_int (out, s->end);
          append_literal (out, "}}\n");
        }
    }
}
