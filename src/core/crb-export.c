/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-align.h"
#include "crb-export.h"
#include "crb-extract.h"
#include "crb-json.h"
#include "crb-project-io.h"

#include <string.h>

/*
 * Exports write one record at a time to a buffered stream, story by story, so
 * memory does not grow with the number of records; stories and claims come
 * in project order, so the same project exports the same bytes every time.
 */

static void
member_string (GString    *out,
               gboolean   *first,
               const char *name,
               const char *value)
{
  crb_json_member (out, first, name);
  crb_json_append_string (out, value);
}

/* One record of the native dataset; every member is always present. */
static void
write_native_record (GString    *out,
                     CrbStory   *story,
                     CrbArticle *article,
                     CrbClaim   *claim)
{
  const CrbDecision *decision = crb_claim_get_decision (claim);
  JsonNode *values = crb_claim_get_values (claim);
  const char * const *reasons = crb_claim_get_reasons (claim);
  gboolean first = TRUE;
  gboolean sub;

  g_string_append_c (out, '{');
  member_string (out, &first, "id", crb_claim_get_id (claim));
  member_string (out, &first, "claim", crb_claim_get_final_text (claim));
  member_string (out, &first, "original", crb_claim_get_text (claim));
  member_string (out, &first, "status", crb_decision_status_to_string (crb_claim_get_status (claim)));
  member_string (out, &first, "reason", decision ? crb_reject_reason_to_string (decision->reason) : NULL);
  member_string (out, &first, "note", decision ? decision->note : NULL);
  member_string (out, &first, "annotator", decision ? decision->annotator : NULL);
  member_string (out, &first, "time", decision ? decision->time : NULL);
  member_string (out, &first, "kind", crb_claim_get_kind (claim));
  crb_json_member (out, &first, "values");
  crb_json_append (out, values);

  crb_json_member (out, &first, "article");
  _crb_article_write (out, article, FALSE);

  crb_json_member (out, &first, "span");
  g_string_append_printf (out, "{\"start\":%u,\"end\":%u}",
                          crb_claim_get_start (claim), crb_claim_get_end (claim));
  member_string (out, &first, "quote", crb_claim_get_text (claim));

  crb_json_member (out, &first, "story");
  sub = TRUE;
  g_string_append_c (out, '{');
  member_string (out, &sub, "id", crb_story_get_id (story));
  member_string (out, &sub, "title", crb_story_get_title (story));
  g_string_append_c (out, '}');

  /* The fact and its evidence: the linked claims of the other articles. */
  {
    CrbAlignment *alignment = crb_story_get_alignment (story);
    const CrbFact *fact = crb_alignment_get_fact (alignment, crb_claim_get_id (claim));
    gboolean first_evidence = TRUE;

    member_string (out, &first, "fact", fact ? fact->id : NULL);
    crb_json_member (out, &first, "evidence");
    g_string_append_c (out, '[');
    for (guint i = 0; i < alignment->links->len; i++)
      {
        CrbLink *link = g_ptr_array_index (alignment->links, i);
        const char *id = crb_claim_get_id (claim);
        const char *other_id = g_strcmp0 (link->a, id) == 0 ? link->b : g_strcmp0 (link->b, id) == 0 ? link->a : NULL;
        CrbClaim *other = other_id ? crb_story_lookup_claim (story, other_id) : NULL;
        gboolean f = TRUE;

        if (other == NULL)
          continue;
        if (!first_evidence)
          g_string_append_c (out, ',');
        first_evidence = FALSE;
        g_string_append_c (out, '{');
        member_string (out, &f, "claim", other_id);
        member_string (out, &f, "article", crb_claim_get_article_id (other));
        member_string (out, &f, "relation", crb_relation_to_string (link->relation));
        g_string_append_printf (out, ",\"span\":{\"start\":%u,\"end\":%u}",
                                crb_claim_get_start (other), crb_claim_get_end (other));
        member_string (out, &f, "quote", crb_claim_get_text (other));
        member_string (out, &f, "status", crb_decision_status_to_string (crb_claim_get_status (other)));
        crb_json_member (out, &f, "why");
        g_string_append_c (out, '[');
        for (guint w = 0; link->why && link->why[w]; w++)
          {
            if (w > 0)
              g_string_append_c (out, ',');
            crb_json_append_string (out, link->why[w]);
          }
        g_string_append (out, "]}");
      }
    g_string_append_c (out, ']');
    crb_json_member (out, &first, "outlets");
    g_string_append_printf (out, "%u", fact ? fact->n_outlets : 1);
  }

  crb_json_member (out, &first, "extractor");
  sub = TRUE;
  g_string_append_c (out, '{');
  member_string (out, &sub, "name", CRB_EXTRACTOR_NAME);
  member_string (out, &sub, "version", CRB_EXTRACTOR_VERSION);
  crb_json_member (out, &sub, "score");
  crb_json_append_double (out, _crb_round_score (crb_claim_get_score (claim)));
  crb_json_member (out, &sub, "reasons");
  g_string_append_c (out, '[');
  for (guint i = 0; reasons[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      crb_json_append_string (out, reasons[i]);
    }
  g_string_append (out, "]}");

  g_string_append (out, "}\n");
}

typedef void (*WriteRecord) (GString    *out,
                             CrbStory   *story,
                             CrbArticle *article,
                             CrbClaim   *claim);

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

static void
write_csv_record (GString    *out,
                  CrbStory   *story,
                  CrbArticle *article,
                  CrbClaim   *claim)
{
  const CrbDecision *d = crb_claim_get_decision (claim);
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *start = g_strdup_printf ("%u", crb_claim_get_start (claim));
  g_autofree char *end = g_strdup_printf ("%u", crb_claim_get_end (claim));

  g_ascii_formatd (score, sizeof score, "%.3f", crb_claim_get_score (claim));
  csv_field (out, crb_claim_get_id (claim), FALSE);
  csv_field (out, crb_claim_get_final_text (claim), FALSE);
  csv_field (out, crb_claim_get_text (claim), FALSE);
  csv_field (out, crb_decision_status_to_string (crb_claim_get_status (claim)), FALSE);
  csv_field (out, d ? crb_reject_reason_to_string (d->reason) : NULL, FALSE);
  csv_field (out, d ? d->note : NULL, FALSE);
  csv_field (out, d ? d->annotator : NULL, FALSE);
  csv_field (out, d ? d->time : NULL, FALSE);
  csv_field (out, crb_claim_get_kind (claim), FALSE);
  csv_field (out, score, FALSE);
  csv_field (out, crb_article_get_id (article), FALSE);
  csv_field (out, crb_article_get_title (article), FALSE);
  csv_field (out, crb_article_get_outlet (article), FALSE);
  csv_field (out, crb_article_get_url (article), FALSE);
  csv_field (out, crb_article_get_date (article), FALSE);
  csv_field (out, start, FALSE);
  csv_field (out, end, FALSE);
  csv_field (out, crb_story_get_id (story), FALSE);
  csv_field (out, crb_story_get_title (story), TRUE);
}

/* Streams one record per exported claim, story by story. */
static gboolean
export_records (CrbProject             *project,
                GOutputStream          *output,
                const CrbExportOptions *options,
                const char             *header,
                WriteRecord             write_record,
                guint                  *n_records,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GString) line = g_string_sized_new (2048);
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;
  GListModel *stories;
  guint count = 0;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  if (options == NULL)
    options = &defaults;

  out = g_buffered_output_stream_new_sized (output, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (out), FALSE);
  stories = crb_project_get_stories (project);

  if (header != NULL && !g_output_stream_write_all (out, header, strlen (header), NULL, cancellable, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *claims;
      CrbArticle *article = NULL;
      gboolean was_loaded = crb_story_is_loaded (story);

      if (!crb_story_ensure_loaded (story, error))
        return FALSE;

      claims = crb_story_get_claims (story);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          CrbDecisionStatus status = crb_claim_get_status (claim);

          if ((status == CRB_DECISION_STATUS_PENDING && !options->include_pending) ||
              (status == CRB_DECISION_STATUS_REJECTED && !options->include_rejected))
            continue;

          if (article == NULL ||
              g_strcmp0 (crb_article_get_id (article), crb_claim_get_article_id (claim)) != 0)
            article = crb_story_lookup_article (story, crb_claim_get_article_id (claim));

          g_string_truncate (line, 0);
          write_record (line, story, article, claim);

          if (!g_output_stream_write_all (out, line->str, line->len, NULL, cancellable, error))
            return FALSE;
          count++;
        }

      /* Memory does not grow with the number of records. */
      if (!was_loaded)
        crb_story_unload (story);
    }

  if (!g_output_stream_flush (out, cancellable, error))
    return FALSE;

  if (n_records != NULL)
    *n_records = count;
  return TRUE;
}

/**
 * crb_export_jsonl:
 * @n_records: (out) (optional): how many records were written
 *
 * Writes the native JSON Lines dataset: one record per decided claim with
 * its full provenance (docs/export-formats.md).
 */
gboolean
crb_export_jsonl (CrbProject             *project,
                  GOutputStream          *output,
                  const CrbExportOptions *options,
                  guint                  *n_records,
                  GCancellable           *cancellable,
                  GError                **error)
{
  return export_records (project, output, options, NULL, write_native_record, n_records, cancellable, error);
}

/**
 * crb_export_csv:
 *
 * Writes the decided claims as CSV for spreadsheets: RFC 4180 quoting,
 * UTF-8, CRLF line ends, a header row.
 */
gboolean
crb_export_csv (CrbProject             *project,
                GOutputStream          *output,
                const CrbExportOptions *options,
                guint                  *n_records,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr (GString) header = g_string_new (NULL);

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  for (guint i = 0; csv_columns[i]; i++)
    csv_field (header, csv_columns[i], csv_columns[i + 1] == NULL);

  return export_records (project, output, options, header->str, write_csv_record, n_records, cancellable, error);
}
