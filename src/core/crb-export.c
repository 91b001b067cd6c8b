/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-export.h"
#include "crb-extract.h"
#include "crb-json.h"
#include "crb-project-io.h"

/*
 * Exports write one record at a time to a buffered stream, story by story, so
 * memory does not grow with the number of records; stories and claims come
 * in project order, so the same project exports the same bytes every time.
 */

static void
add_string (JsonBuilder *builder,
            const char  *member,
            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static JsonNode *
native_record (CrbStory   *story,
               CrbArticle *article,
               CrbClaim   *claim)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  const CrbDecision *decision = crb_claim_get_decision (claim);
  JsonNode *values = crb_claim_get_values (claim);
  const char * const *reasons = crb_claim_get_reasons (claim);

  json_builder_begin_object (builder);
  add_string (builder, "id", crb_claim_get_id (claim));
  add_string (builder, "claim", crb_claim_get_final_text (claim));
  add_string (builder, "original", crb_claim_get_text (claim));
  add_string (builder, "status", crb_decision_status_to_string (crb_claim_get_status (claim)));
  add_string (builder, "reason", decision ? crb_reject_reason_to_string (decision->reason) : NULL);
  add_string (builder, "note", decision ? decision->note : NULL);
  add_string (builder, "annotator", decision ? decision->annotator : NULL);
  add_string (builder, "time", decision ? decision->time : NULL);
  add_string (builder, "kind", crb_claim_get_kind (claim));

  json_builder_set_member_name (builder, "values");
  if (values != NULL)
    json_builder_add_value (builder, json_node_copy (values));
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "article");
  json_builder_add_value (builder, _crb_article_to_json (article, FALSE));

  json_builder_set_member_name (builder, "span");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "start");
  json_builder_add_int_value (builder, crb_claim_get_start (claim));
  json_builder_set_member_name (builder, "end");
  json_builder_add_int_value (builder, crb_claim_get_end (claim));
  json_builder_end_object (builder);
  add_string (builder, "quote", crb_claim_get_text (claim));

  json_builder_set_member_name (builder, "story");
  json_builder_begin_object (builder);
  add_string (builder, "id", crb_story_get_id (story));
  add_string (builder, "title", crb_story_get_title (story));
  json_builder_end_object (builder);

  /* Facts and evidence come with cross-article alignment. */
  add_string (builder, "fact", NULL);
  json_builder_set_member_name (builder, "evidence");
  json_builder_begin_array (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "outlets");
  json_builder_add_int_value (builder, 1);

  json_builder_set_member_name (builder, "extractor");
  json_builder_begin_object (builder);
  add_string (builder, "name", CRB_EXTRACTOR_NAME);
  add_string (builder, "version", CRB_EXTRACTOR_VERSION);
  json_builder_set_member_name (builder, "score");
  json_builder_add_double_value (builder, ((gint64) (crb_claim_get_score (claim) * 1000 + 0.5)) / 1000.0);
  json_builder_set_member_name (builder, "reasons");
  json_builder_begin_array (builder);
  for (guint i = 0; reasons[i]; i++)
    json_builder_add_string_value (builder, reasons[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  json_builder_end_object (builder);

  return json_builder_get_root (builder);
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

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *claims;
      CrbArticle *article = NULL;

      if (!crb_story_ensure_loaded (story, error))
        return FALSE;

      claims = crb_story_get_claims (story);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          g_autoptr (JsonNode) record = NULL;
          CrbDecisionStatus status = crb_claim_get_status (claim);

          if ((status == CRB_DECISION_STATUS_PENDING && !options->include_pending) ||
              (status == CRB_DECISION_STATUS_REJECTED && !options->include_rejected))
            continue;

          if (article == NULL ||
              g_strcmp0 (crb_article_get_id (article), crb_claim_get_article_id (claim)) != 0)
            article = crb_story_lookup_article (story, crb_claim_get_article_id (claim));

          record = native_record (story, article, claim);
          g_string_truncate (line, 0);
          crb_json_append (line, record);
          g_string_append_c (line, '\n');

          if (!g_output_stream_write_all (out, line->str, line->len, NULL, cancellable, error))
            return FALSE;
          count++;
        }
    }

  if (!g_output_stream_flush (out, cancellable, error))
    return FALSE;

  if (n_records != NULL)
    *n_records = count;
  return TRUE;
}
