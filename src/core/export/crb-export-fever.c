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

/* The article's sentences, as the extraction engine segments them. */
static GArray *
sentences_of (StoryCtx *ctx,
              guint     article)
{
  GArray *sentences = ctx->sentences[article];

  if (sentences == NULL)
    {
      g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (CrbRawSegment));
      const char *text = article_field (ctx, article, CRB_ARTICLE_TEXT);
      gsize byte_pos = 0;
      guint char_pos = 0;

      crb_extract_segment (text, strlen (text), raw);
      sentences = g_array_sized_new (FALSE, FALSE, sizeof (Sentence), raw->len);
      for (guint i = 0; i < raw->len; i++)
        {
          const CrbRawSegment *seg = &g_array_index (raw, CrbRawSegment, i);
          Sentence s;

          char_pos += crb_utf8_bytes_to_chars (text + byte_pos, seg->start - byte_pos);
          s.start = char_pos;
          s.end = char_pos + crb_utf8_bytes_to_chars (text + seg->start, seg->end - seg->start);
          s.byte_start = seg->start;
          s.byte_end = seg->end;
          char_pos = s.end;
          byte_pos = seg->end;
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

/* The labels FEVER gives a decided claim (none when it is left out): a
 * corrected claim gives two records.
 */
guint
_crb_export_fever_labels (const CrbDecision  *d,
                          const char        **labels)
{
  switch (crb_decision_get_status (d))
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      labels[0] = "SUPPORTS";
      return 1;
    case CRB_DECISION_STATUS_CORRECTED:
      labels[0] = "SUPPORTS";  /* the corrected text */
      labels[1] = "REFUTES";   /* the original text */
      return 2;
    case CRB_DECISION_STATUS_REJECTED:
      if (d->reason == CRB_REJECT_REASON_FALSE)
        {
          labels[0] = "REFUTES";
          return 1;
        }
      if (d->reason == CRB_REJECT_REASON_UNVERIFIABLE)
        {
          labels[0] = "NOT ENOUGH INFO";
          return 1;
        }
      return 0;
    case CRB_DECISION_STATUS_PENDING:
    default:
      return 0;
    }
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

/* FEVER: confirmed claims and the corrected text SUPPORTS, with the claim's
 * sentence and its agreeing appearances as evidence; the original text of
 * a corrected claim and claims rejected as false REFUTES, with the claim's
 * sentence and (for false claims) the conflicting appearances; claims
 * rejected as unverifiable NOT ENOUGH INFO.  Other claims are left out.
 */
guint
_crb_export_write_fever_record (GString  *out,
                                StoryCtx *ctx,
                                guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const char *labels[2];
  guint n = _crb_export_fever_labels (claim->decision, labels);
  g_autoptr (GArray) evidence = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) linked = NULL;

  if (n == 0)
    return 0;

  g_array_append_val (evidence, index);
  if (g_str_equal (labels[0], "NOT ENOUGH INFO"))
    {
      write_fever_line (out, ctx, labels[0], string_of (ctx, claim->text), NULL);
      return 1;
    }

  if (g_str_equal (labels[0], "REFUTES"))
    {
      linked = _crb_export_linked_claims (ctx, index, CRB_RELATION_CONFLICTS);
      g_array_append_vals (evidence, linked->data, linked->len);
      write_fever_line (out, ctx, labels[0], string_of (ctx, claim->text), evidence);
      return 1;
    }

  /* Agreeing appearances, unless a reviewer rejected them. */
  linked = _crb_export_linked_claims (ctx, index, CRB_RELATION_AGREES);
  for (guint i = 0; i < linked->len; i++)
    if (crb_decision_get_status (claim_at (ctx, g_array_index (linked, guint, i))->decision) !=
        CRB_DECISION_STATUS_REJECTED)
      g_array_append_val (evidence, g_array_index (linked, guint, i));
  write_fever_line (out, ctx, labels[0], final_text (ctx, claim), evidence);

  if (n == 2)
    {
      g_array_set_size (evidence, 1);
      write_fever_line (out, ctx, labels[1], string_of (ctx, claim->text), evidence);
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
