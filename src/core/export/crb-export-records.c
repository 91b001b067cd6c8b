/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export-records.c: the native JSON Lines records and CSV rows. */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-export-private.h"

#include "crb-extract.h"

#include <string.h>

/* A claim's final text: the correction of a corrected claim, else its text. */
static void
append_final_text (GString            *out,
                   StoryCtx           *ctx,
                   const CrbLineClaim *claim)
{
  const char *correction = crb_decision_get_correction (claim->decision);

  if (correction != NULL)
    crb_json_append_string (out, correction);
  else
    crb_json_append_string_value (out, ctx->doc, claim->text);
}

/* What an evidence entry of the native dataset takes from its claim, in two
 * pieces around the link's relation: {"claim": …, "article": …, "relation":
 * and ,"span": …, "quote": …, "status": …, "why":.  Made once per story
 * (a claim is the evidence of each claim it is linked to).
 */
static void
append_evidence_piece (GString  *out,
                       StoryCtx *ctx,
                       guint     index,
                       guint     piece)
{
  gsize *at = &ctx->evidence_at[3 * index];

  if (at[2] == 0)
    {
      const CrbLineClaim *claim = claim_at (ctx, index);
      GString *pieces = ctx->evidence;

      at[0] = pieces->len;
      append_literal (pieces, "{\"claim\":");
      crb_json_append_string_value (pieces, ctx->doc, claim->id);
      append_literal (pieces, ",\"article\":");
      crb_json_append_string_value (pieces, ctx->doc, claim->article_id);
      append_literal (pieces, ",\"relation\":");
      at[1] = pieces->len;
      append_literal (pieces, ",\"span\":");
      append_span (pieces, claim);
      append_literal (pieces, ",\"quote\":");
      crb_json_append_string_value (pieces, ctx->doc, claim->text);
      append_literal (pieces, ",\"status\":");
      crb_json_append_word (pieces, status_name (claim));
      append_literal (pieces, ",\"why\":");
      at[2] = pieces->len;
    }
  _crb_string_append_len (out, ctx->evidence->str + at[piece], at[piece + 1] - at[piece]);
}

/* One record of the native dataset; every member is always present. */
guint
_crb_export_write_native_record (GString  *out,
                                 StoryCtx *ctx,
                                 guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const CrbDecision *decision = claim->decision;
  CrbCorroboration corroboration;

  append_literal (out, "{\"id\":");
  crb_json_append_string_value (out, ctx->doc, claim->id);
  append_literal (out, ",\"claim\":");
  append_final_text (out, ctx, claim);
  append_literal (out, ",\"original\":");
  crb_json_append_string_value (out, ctx->doc, claim->text);
  append_literal (out, ",\"status\":");
  crb_json_append_word (out, status_name (claim));
  append_literal (out, ",\"reason\":");
  crb_json_append_string (out, decision ? crb_reject_reason_to_string (decision->reason) : NULL);
  append_literal (out, ",\"note\":");
  crb_json_append_string (out, decision ? decision->note : NULL);
  append_literal (out, ",\"annotator\":");
  crb_json_append_string (out, _crb_export_annotator (ctx, decision));
  append_literal (out, ",\"time\":");
  crb_json_append_string (out, decision ? decision->time : NULL);
  /* Every reviewer's decision, and how the record's came about. */
  _crb_export_write_annotations (out, ctx, index);
  append_literal (out, ",\"kind\":");
  if (claim->kind != NULL)
    crb_json_append_string_value (out, ctx->doc, claim->kind);
  else
    append_literal (out, "\"statement\"");
  append_literal (out, ",\"values\":");
  if (claim->values != NULL)
    {
      gsize len;
      const char *raw = crb_json_raw (ctx->doc, claim->values, &len);

      _crb_string_append_len (out, raw, len);
    }
  else
    append_literal (out, "null");

  /* The first record of an article carries its text, so that the dataset
   * can rebuild the project (`corroborate-cli new --from-export`); the
   * others share one object.
   */
  append_literal (out, ",\"article\":");
  if (ctx->written[claim->article] != NULL)
    g_string_append (out, ctx->written[claim->article]);
  else
    {
      GString *object = g_string_new (NULL);

      _crb_line_article_write (out, ctx->line, claim->article, TRUE);
      _crb_line_article_write (object, ctx->line, claim->article, FALSE);
      ctx->written[claim->article] = g_string_free (object, FALSE);
    }

  append_literal (out, ",\"span\":");
  append_span (out, claim);
  append_literal (out, ",\"quote\":");
  crb_json_append_string_value (out, ctx->doc, claim->text);
  append_literal (out, ",\"story\":");
  _crb_string_append_len (out, ctx->story_object->str, ctx->story_object->len);

  /* The fact and its evidence: the linked claims of the other articles. */
  append_literal (out, ",\"fact\":");
  if (claim->fact >= 0)
    crb_json_append_string_value (out, ctx->doc, g_array_index (ctx->line->facts, CrbLineFact, claim->fact).id);
  else
    {
      g_autofree char *fact = g_strconcat ("fact:", string_of (ctx, claim->id), NULL);

      crb_json_append_string (out, fact);
    }
  append_literal (out, ",\"evidence\":[");
  for (guint k = ctx->link_start[index]; k < ctx->link_start[index + 1]; k++)
    {
      const CrbLineLink *link = link_at (ctx, ctx->link_index[k]);

      if (k > ctx->link_start[index])
        g_string_append_c (out, ',');
      append_evidence_piece (out, ctx, other_end (link, index), 0);
      crb_json_append_word (out, crb_relation_to_string (link->relation));
      append_evidence_piece (out, ctx, other_end (link, index), 1);
      crb_json_append_strv_value (out, ctx->doc, link->why);
      if (link->manual)
        append_literal (out, ",\"manual\":true}");
      else
        append_literal (out, ",\"manual\":false}");
    }
  append_literal (out, "],\"outlets\":");
  crb_json_append_int (out, claim->fact >= 0 ? g_array_index (ctx->line->facts, CrbLineFact, claim->fact).n_outlets : 1);

  /* The other outlets, and whether the reviewer decided against them. */
  _crb_export_corroboration (ctx, index, &corroboration);
  append_literal (out, ",\"corroboration\":{\"agree\":");
  crb_json_append_int (out, corroboration.agree);
  append_literal (out, ",\"conflict\":");
  crb_json_append_int (out, corroboration.conflict);
  if (corroboration.against_conflict)
    append_literal (out, ",\"decided_against_conflict\":true}");
  else
    append_literal (out, ",\"decided_against_conflict\":false}");

  append_literal (out, ",\"extractor\":{\"name\":");
  crb_json_append_string (out, CRB_EXTRACTOR_NAME);
  append_literal (out, ",\"version\":");
  crb_json_append_string (out, CRB_EXTRACTOR_VERSION);
  append_literal (out, ",\"score\":");
  crb_json_append_double (out, _crb_round_score (claim->score));
  append_literal (out, ",\"reasons\":");
  crb_json_append_strv_value (out, ctx->doc, claim->reasons);
  append_literal (out, "}}\n");
  return 1;
}

/* RFC 4180: quoted when needed, quotes doubled. */
static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (value != NULL)
    {
      if (strpbrk (value, ",\"\r\n") != NULL)
        {
          g_string_append_c (out, '"');
          for (const char *p = value; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, value);
    }

  g_string_append (out, last ? "\r\n" : ",");
}

static const char * const csv_columns[] = {
  "id", "claim", "original", "status", "reason", "note", "annotator", "time", "kind", "score",
  "article", "title", "outlet", "url", "date", "start", "end", "story", "story_title", NULL
};

guint
_crb_export_write_csv_record (GString  *out,
                              StoryCtx *ctx,
                              guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const CrbDecision *d = claim->decision;
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  char start[16], end[16];

  g_snprintf (start, sizeof start, "%u", claim->start);
  g_snprintf (end, sizeof end, "%u", claim->end);
  g_ascii_formatd (score, sizeof score, "%.3f", claim->score);
  csv_field (out, string_of (ctx, claim->id), FALSE);
  csv_field (out, final_text (ctx, claim), FALSE);
  csv_field (out, string_of (ctx, claim->text), FALSE);
  csv_field (out, status_name (claim), FALSE);
  csv_field (out, d ? crb_reject_reason_to_string (d->reason) : NULL, FALSE);
  csv_field (out, d ? d->note : NULL, FALSE);
  csv_field (out, _crb_export_annotator (ctx, d), FALSE);
  csv_field (out, d ? d->time : NULL, FALSE);
  csv_field (out, claim->kind ? string_of (ctx, claim->kind) : "statement", FALSE);
  csv_field (out, score, FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_ID), FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_TITLE), FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_OUTLET), FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_URL), FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_DATE), FALSE);
  csv_field (out, start, FALSE);
  csv_field (out, end, FALSE);
  csv_field (out, crb_story_get_id (ctx->story), FALSE);
  csv_field (out, crb_story_get_title (ctx->story), TRUE);
  return 1;
}

void
_crb_export_write_csv_header (GString *out)
{
  for (guint i = 0; csv_columns[i]; i++)
    csv_field (out, csv_columns[i], csv_columns[i + 1] == NULL);
}
