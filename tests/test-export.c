/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The export API as the app uses it: counts that match what is written,
 * the options of each format, and dataset folders.  The formats' contents
 * are tested end to end in test_cli.py.
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "crb-error.h"
#include "crb-export.h"
#include "crb-project.h"
#include "crb-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  CrbProject *project;
} Fixture;

static void
decide (CrbProject        *project,
        const char        *claim_id,
        CrbDecisionStatus  status,
        CrbRejectReason    reason,
        const char        *corrected,
        const char        *annotator)
{
  g_autoptr (CrbDecision) decision = crb_decision_new (status);
  g_autoptr (GError) error = NULL;

  decision->reason = reason;
  decision->corrected_text = g_strdup (corrected);
  decision->annotator = g_strdup (annotator);
  g_assert_true (crb_project_decide (project, claim_id, decision, &error));
  g_assert_no_error (error);
}

static const char *
claim_id (CrbProject *project,
          const char *story_id,
          guint       index)
{
  GListModel *claims = crb_story_get_claims (crb_project_lookup_story (project, story_id));
  g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, index);

  return crb_claim_get_id (claim);
}

/* Every kind of decision, by two reviewers and one without a name. */
static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = crb_test_make_dir ();
  f->project = crb_test_make_project (f->dir, "test.crb", &f->path);

  decide (f->project, claim_id (f->project, "earthquake", 0), CRB_DECISION_STATUS_CONFIRMED,
          CRB_REJECT_REASON_NONE, NULL, "Zoë");
  decide (f->project, claim_id (f->project, "earthquake", 1), CRB_DECISION_STATUS_REJECTED,
          CRB_REJECT_REASON_FALSE, NULL, "Ana");
  decide (f->project, claim_id (f->project, "earthquake", 2), CRB_DECISION_STATUS_CORRECTED,
          CRB_REJECT_REASON_NONE, "At least 133 people died in the earthquake.", "Zoë");
  decide (f->project, claim_id (f->project, "council-vote", 0), CRB_DECISION_STATUS_CONFIRMED,
          CRB_REJECT_REASON_NONE, NULL, "");
  decide (f->project, claim_id (f->project, "council-vote", 1), CRB_DECISION_STATUS_REJECTED,
          CRB_REJECT_REASON_UNVERIFIABLE, NULL, "Ana");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->project);
  crb_test_remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

/* The lines of an export, parsed. */
static GPtrArray *
export_lines (CrbProject             *project,
              CrbExportFormat         format,
              const CrbExportOptions *options)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *nodes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  g_assert_true (crb_export (project, format, out, NULL, options, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (out, "", 1, NULL, NULL, NULL));
  g_output_stream_close (out, NULL, NULL);
  text = g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (out));
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      {
        JsonNode *node = json_from_string (lines[i], &error);

        g_assert_no_error (error);
        g_ptr_array_add (nodes, node);
      }
  return nodes;
}

/* What the app's dialog shows before exporting is what the export writes,
 * per label, FEVER's included, whose labels depend on the evidence.
 */
static void
test_counts_match (Fixture       *f,
                   gconstpointer  data)
{
  static const CrbExportFormat formats[] = { CRB_EXPORT_JSONL, CRB_EXPORT_CLAIMREVIEW, CRB_EXPORT_FEVER };

  for (guint variant = 0; variant < 3; variant++)
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      {
        CrbExportOptions options = CRB_EXPORT_OPTIONS_DEFAULT;
        const char *labels[CRB_EXPORT_MAX_LABELS];
        guint counts[CRB_EXPORT_MAX_LABELS];
        guint written[CRB_EXPORT_MAX_LABELS] = { 0, };
        g_autoptr (GPtrArray) lines = NULL;
        g_autoptr (GError) error = NULL;

        options.include_pending = variant == 0;
        options.require_evidence = variant == 1;
        options.self_evidence = variant == 2;
        g_assert_true (crb_export_count (f->project, formats[i], &options, labels, counts, NULL, &error));
        g_assert_no_error (error);

        lines = export_lines (f->project, formats[i], &options);
        for (guint k = 0; k < lines->len; k++)
          {
            JsonObject *record = json_node_get_object (g_ptr_array_index (lines, k));
            gboolean found = FALSE;
            const char *label;

            if (formats[i] == CRB_EXPORT_JSONL)
              label = json_object_get_string_member (record, "status");
            else if (formats[i] == CRB_EXPORT_FEVER)
              label = json_object_get_string_member (record, "label");
            else
              label = json_object_get_string_member (json_object_get_object_member (record, "reviewRating"),
                                                     "alternateName");

            for (guint l = 0; labels[l] != NULL; l++)
              if (g_str_equal (labels[l], label))
                {
                  written[l]++;
                  found = TRUE;
                }
            g_assert_true (found);
          }
        for (guint l = 0; labels[l] != NULL; l++)
          g_assert_cmpuint (counts[l], ==, written[l]);
      }
}

/* A decision without a name is written "anonymous"; pseudonyms number the
 * reviewers in project order.
 */
static void
test_annotators (Fixture       *f,
                 gconstpointer  data)
{
  CrbExportOptions options = CRB_EXPORT_OPTIONS_DEFAULT;
  g_autoptr (GPtrArray) plain = export_lines (f->project, CRB_EXPORT_JSONL, &options);
  g_autoptr (GPtrArray) pseudonyms = NULL;
  GHashTable *expected = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_insert (expected, "Zoë", "annotator-1");
  g_hash_table_insert (expected, "Ana", "annotator-2");
  g_hash_table_insert (expected, "anonymous", "anonymous");

  options.anonymize_annotators = TRUE;
  pseudonyms = export_lines (f->project, CRB_EXPORT_JSONL, &options);
  g_assert_cmpuint (plain->len, ==, 5);
  g_assert_cmpuint (pseudonyms->len, ==, plain->len);
  for (guint i = 0; i < plain->len; i++)
    {
      JsonObject *a = json_node_get_object (g_ptr_array_index (plain, i));
      JsonObject *b = json_node_get_object (g_ptr_array_index (pseudonyms, i));
      const char *name = json_object_get_string_member (a, "annotator");

      g_assert_nonnull (g_hash_table_lookup (expected, name));
      g_assert_cmpstr (json_object_get_string_member (b, "annotator"), ==,
                       g_hash_table_lookup (expected, name));
    }
  g_hash_table_unref (expected);
}

static void
test_review_url (Fixture       *f,
                 gconstpointer  data)
{
  static const char * const good[] = { "https://checks.example.org/", "http://example.org/r?id={id}",
                                       "https://example.org/page#", NULL };
  static const char * const bad[] = { "checks/", "ftp://example.org/", "https://", "",
                                      "mailto:a@b.org", NULL };
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  CrbExportOptions options = CRB_EXPORT_OPTIONS_DEFAULT;
  g_autoptr (GError) error = NULL;

  for (guint i = 0; good[i]; i++)
    {
      g_assert_true (crb_export_check_review_url (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; bad[i]; i++)
    {
      g_assert_false (crb_export_check_review_url (bad[i], &error));
      g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT);
      g_clear_error (&error);
    }

  options.review_url = "reviews/";
  g_assert_false (crb_export (f->project, CRB_EXPORT_CLAIMREVIEW, out, NULL, &options, NULL, NULL, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT);
}

static void
test_dataset (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "dataset", NULL);
  g_autoptr (GFile) folder = g_file_new_for_path (path);
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) splits = crb_export_parse_splits ("train=0.5,test=0.5", NULL);
  CrbDatasetOptions dataset = CRB_DATASET_OPTIONS_DEFAULT;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) blocked = NULL;
  g_autofree char *card = NULL;
  g_autofree char *card_path = NULL;
  guint n_records = 0, n_files = 0;
  GDir *dir;

  dataset.splits = splits;
  dataset.title = "A \"quoted\" title: with a colon";
  g_assert_true (crb_export_dataset (crb_project_get_stories (f->project), folder, NULL, &dataset,
                                     written, &n_records, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_records, ==, 5);

  /* The files named are the files written. */
  dir = g_dir_open (path, 0, NULL);
  for (const char *name; (name = g_dir_read_name (dir)) != NULL; n_files++)
    {
      gboolean named = FALSE;

      for (guint i = 0; i < written->len; i++)
        named |= g_str_equal (g_ptr_array_index (written, i), name);
      g_assert_true (named);
    }
  g_dir_close (dir);
  g_assert_cmpuint (n_files, ==, written->len);
  g_assert_cmpuint (written->len, ==, 5);

  /* A title is quoted in the card's YAML. */
  card_path = g_build_filename (path, "README.md", NULL);
  card = crb_test_read_file (card_path);
  g_assert_true (g_str_has_prefix (card, "---\npretty_name: \"A \\\"quoted\\\" title: with a colon\"\n"));

  /* A file where the folder should be: an error, nothing written. */
  blocked = g_file_get_child (folder, "README.md");
  g_assert_false (crb_export_dataset (crb_project_get_stories (f->project), blocked, NULL, NULL,
                                      NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/corroborate/export/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("counts-match", test_counts_match);
  ADD ("annotators", test_annotators);
  ADD ("review-url", test_review_url);
  ADD ("dataset", test_dataset);

  return g_test_run ();
}
