/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <time.h>
#include <utime.h>

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "crb-error.h"
#include "crb-journal.h"
#include "crb-json.h"
#include "crb-project.h"
#include "crb-export.h"
#include "crb-import.h"
#include "crb-test-utils.h"

typedef struct
{
  char       *dir;
  char       *path;
  CrbProject *project;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = crb_test_make_dir ();
  f->project = crb_test_make_project (f->dir, "test.crb", &f->path);
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

static CrbProject *
reload (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  CrbProject *project = crb_project_load (file, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (project);
  return project;
}

static CrbClaim *
first_claim (CrbProject *project,
             const char *story_id)
{
  CrbStory *story = crb_project_lookup_story (project, story_id);
  g_autoptr (GError) error = NULL;
  CrbClaim *claim;

  g_assert_nonnull (story);
  crb_story_ensure_loaded (story, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (crb_story_get_claims (story)), >, 0);
  claim = g_list_model_get_item (crb_story_get_claims (story), 0);
  g_object_unref (claim);
  return claim;
}

static void
test_roundtrip (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr (CrbProject) loaded = reload (f->path);
  GListModel *stories = crb_project_get_stories (loaded);
  CrbStory *quake;
  CrbArticle *article;
  CrbClaim *claim;
  g_autoptr (GError) error = NULL;

  g_assert_cmpstr (crb_project_get_id (loaded), ==, crb_project_get_id (f->project));
  g_assert_cmpstr (crb_project_get_title (loaded), ==, "Test project");
  g_assert_cmpuint (g_list_model_get_n_items (stories), ==, 2);

  quake = crb_project_lookup_story (loaded, "earthquake");
  g_assert_nonnull (quake);
  /* Stories are parsed on demand; the header knows their size. */
  g_assert_false (crb_story_is_loaded (quake));
  g_assert_cmpuint (crb_story_get_n_articles (quake), ==, 2);
  g_assert_true (crb_story_has_article (quake, "first"));
  g_assert_cmpuint (crb_story_get_n_claims (quake), ==,
                    crb_story_get_n_claims (crb_project_lookup_story (f->project, "earthquake")));

  crb_story_ensure_loaded (quake, &error);
  g_assert_no_error (error);
  article = crb_story_lookup_article (quake, "first");
  g_assert_nonnull (article);
  g_assert_cmpstr (crb_article_get_text (article), ==,
                   "The earthquake killed 133 people in Türkiye on Friday, officials said.\n\n"
                   "Rescuers pulled 42 survivors from the rubble, the ministry said.\n");
  g_assert_cmpstr (crb_article_get_sha256 (article), ==,
                   g_compute_checksum_for_string (G_CHECKSUM_SHA256, crb_article_get_text (article), -1));

  claim = crb_story_lookup_claim (quake, "first:1");
  g_assert_nonnull (claim);
  g_assert_cmpuint (crb_claim_get_start (claim), ==, 0);
  /* 70 code points; "Türkiye" takes 8 bytes but 7 code points. */
  g_assert_cmpuint (crb_claim_get_end (claim), ==, 70);
  g_assert_cmpstr (crb_claim_get_text (claim), ==,
                   "The earthquake killed 133 people in Türkiye on Friday, officials said.");
}

static void
test_offsets_non_ascii (Fixture       *f,
                        gconstpointer  data)
{
  CrbStory *vote = crb_project_lookup_story (f->project, "council-vote");
  GListModel *claims;
  CrbArticle *article;

  g_assert_nonnull (vote);
  article = crb_story_lookup_article (vote, "third");
  claims = crb_story_get_claims (vote);
  g_assert_cmpuint (g_list_model_get_n_items (claims), >=, 2);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, i);
      g_autofree char *slice = crb_article_dup_slice (article, crb_claim_get_start (claim),
                                                      crb_claim_get_end (claim));
      g_assert_cmpstr (slice, ==, crb_claim_get_text (claim));
    }

  {
    g_autoptr (CrbClaim) second = g_list_model_get_item (claims, 1);
    /* After "Москва: …roubles.\n\n": 84 code points, 90 bytes. */
    g_assert_cmpuint (crb_claim_get_start (second), ==, 84);
    g_assert_cmpstr (crb_claim_get_text (second), ==,
                     "The mayor said the vote was 🎉 historic and promised 500 new buses.");
  }
}

static void
test_decide_undo_redo_survive_restart (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (CrbDecision) reject = crb_decision_new (CRB_DECISION_STATUS_REJECTED);
  g_autoptr (CrbProject) second = NULL;
  g_autoptr (CrbProject) third = NULL;
  CrbClaim *a = first_claim (f->project, "earthquake");
  CrbClaim *b = first_claim (f->project, "council-vote");
  g_autofree char *a_id = g_strdup (crb_claim_get_id (a));
  g_autofree char *b_id = g_strdup (crb_claim_get_id (b));
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  CrbClaim *claim;

  reject->reason = CRB_REJECT_REASON_OPINION;
  reject->note = g_strdup ("a “note”\nwith a line break");

  g_assert_true (crb_project_decide (f->project, a_id, confirm, &error));
  g_assert_no_error (error);
  g_assert_true (crb_project_decide (f->project, b_id, reject, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crb_claim_get_status (a), ==, CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpint (crb_claim_get_status (b), ==, CRB_DECISION_STATUS_REJECTED);
  g_assert_nonnull (crb_claim_get_decision (a)->annotator);
  g_assert_nonnull (crb_claim_get_decision (a)->time);

  crb_project_save (f->project, NULL, NULL, &error);
  g_assert_no_error (error);

  /* Undo goes across stories and restarts: the newest decision first. */
  g_clear_object (&f->project);
  second = reload (f->path);
  g_assert_true (crb_project_can_undo (second));
  undone = crb_project_undo (second, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, b_id);
  claim = crb_project_find_claim (second, b_id, NULL, &error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_true (crb_project_can_redo (second));
  crb_project_save (second, NULL, NULL, &error);
  g_assert_no_error (error);

  g_clear_object (&second);
  third = reload (f->path);
  claim = crb_project_find_claim (third, b_id, NULL, &error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_PENDING);
  redone = crb_project_redo (third, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (redone, ==, b_id);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_REJECTED);
  g_assert_cmpint (crb_claim_get_decision (claim)->reason, ==, CRB_REJECT_REASON_OPINION);
  g_assert_cmpstr (crb_claim_get_decision (claim)->note, ==, "a “note”\nwith a line break");
  g_assert_false (crb_project_can_redo (third));

  /* Undo twice, then a new decision clears what could be redone. */
  g_free (crb_project_undo (third, &error));
  g_free (crb_project_undo (third, &error));
  g_assert_no_error (error);
  g_assert_false (crb_project_can_undo (third));
  g_assert_null (crb_project_undo (third, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_NOTHING_TO_DO);
  g_clear_error (&error);
  g_assert_true (crb_project_decide (third, b_id, confirm, &error));
  g_assert_false (crb_project_can_redo (third));

  /* The full history is kept, undone entries included. */
  g_assert_cmpuint (crb_story_get_history (crb_project_lookup_story (third, "council-vote"))->len, ==, 2);
  crb_project_sync_journal (third, NULL);
}

static void
test_journal_replay (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) correct = crb_decision_new (CRB_DECISION_STATUS_CORRECTED);
  g_autoptr (CrbProject) recovered = NULL;
  g_autofree char *before = crb_test_read_file (f->path);
  g_autofree char *after = NULL;
  g_autofree char *journal = NULL;
  CrbClaim *a = first_claim (f->project, "earthquake");
  g_autofree char *a_id = g_strdup (crb_claim_get_id (a));
  CrbClaim *claim;

  correct->corrected_text = g_strdup ("The earthquake killed 144 people in Türkiye.");
  g_assert_true (crb_project_decide (f->project, a_id, correct, &error));
  g_assert_true (crb_project_get_modified (f->project));
  g_assert_true (crb_project_sync_journal (f->project, &error));
  g_assert_no_error (error);
  journal = g_strdup (crb_project_get_journal_path (f->project));
  g_assert_true (g_file_test (journal, G_FILE_TEST_EXISTS));
  /* The journal lives in the user data folder, not beside the project. */
  g_assert_true (g_str_has_prefix (journal, g_get_user_data_dir ()));

  /* The process "dies" without saving: the file is unchanged... */
  after = crb_test_read_file (f->path);
  g_assert_cmpstr (before, ==, after);

  /* ...and the next load restores the decision from the journal. */
  g_clear_object (&f->project);
  recovered = reload (f->path);
  g_assert_cmpuint (crb_project_get_n_recovered (recovered), ==, 1);
  claim = crb_project_find_claim (recovered, a_id, NULL, &error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CORRECTED);
  g_assert_cmpstr (crb_claim_get_final_text (claim), ==, "The earthquake killed 144 people in Türkiye.");
  g_assert_true (crb_project_can_undo (recovered));

  /* Saving makes the file hold it; the journal is then dropped. */
  crb_project_save (recovered, NULL, NULL, &error);
  g_assert_no_error (error);
  crb_project_sync_journal (recovered, NULL);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_clear_object (&recovered);
  recovered = reload (f->path);
  g_assert_cmpuint (crb_project_get_n_recovered (recovered), ==, 0);
  claim = crb_project_find_claim (recovered, a_id, NULL, &error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CORRECTED);
}

static void
test_durable_signal (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  CrbClaim *a = first_claim (f->project, "earthquake");
  guint notifies = 0;

  g_signal_connect_swapped (f->project, "notify::durable-revision",
                            G_CALLBACK (g_atomic_int_inc), &notifies);

  /* The decision returns at once; the journal reports it durable later,
   * on the main context, without anyone waiting for the disk.
   */
  crb_project_decide (f->project, crb_claim_get_id (a), confirm, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (crb_project_get_durable_revision (f->project), <,
                    crb_project_get_revision (f->project));

  while (crb_project_get_durable_revision (f->project) < crb_project_get_revision (f->project))
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpuint (notifies, >=, 1);
  {
    g_autoptr (GPtrArray) lines = crb_test_read_journal (crb_project_get_journal_path (f->project));
    JsonObject *last;

    g_assert_no_error (error);
    g_assert_cmpuint (lines->len, ==, 1);
    last = json_node_get_object (g_ptr_array_index (lines, 0));
    g_assert_cmpint (json_object_get_int_member (last, "rev"), ==, crb_project_get_revision (f->project));
    g_assert_cmpstr (json_object_get_string_member (last, "op"), ==, "decide");
  }
}

static void
test_invalid_decisions (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) reject = crb_decision_new (CRB_DECISION_STATUS_REJECTED);
  g_autoptr (CrbDecision) correct = crb_decision_new (CRB_DECISION_STATUS_CORRECTED);
  CrbClaim *a = first_claim (f->project, "earthquake");
  guint64 revision = crb_project_get_revision (f->project);

  g_assert_false (crb_project_decide (f->project, crb_claim_get_id (a), reject, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  correct->corrected_text = g_strdup ("   ");
  g_assert_false (crb_project_decide (f->project, crb_claim_get_id (a), correct, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  reject->reason = CRB_REJECT_REASON_FALSE;
  g_assert_false (crb_project_decide (f->project, "no-such-article:1", reject, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-article:1"));

  g_assert_cmpuint (crb_project_get_revision (f->project), ==, revision);
  g_assert_cmpint (crb_claim_get_status (a), ==, CRB_DECISION_STATUS_PENDING);
}

static void
expect_load_error (const char *dir,
                   const char *contents,
                   GQuark      domain,
                   int         code,
                   const char *message_part)
{
  g_autofree char *path = crb_test_write_file (dir, "bad.crb", contents, -1);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_load (file, NULL, &error);
  g_autofree char *after = NULL;

  g_assert_null (project);
  g_assert_error (error, domain, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("expected “%s” in “%s”", message_part, error->message);
  g_assert_true (g_str_has_prefix (error->message, path));

  /* Nothing on disk changes. */
  after = crb_test_read_file (path);
  g_assert_cmpstr (after, ==, contents);
}

static void
test_bad_files (void)
{
  g_autofree char *dir = crb_test_make_dir ();

  expect_load_error (dir, "", CRB_ERROR, CRB_ERROR_EMPTY, "empty");
  expect_load_error (dir, "{\"format\": \"corroborate-project\", \"version\": 1,\n", CRB_ERROR,
                     CRB_ERROR_INVALID_FORMAT, ":1:");
  expect_load_error (dir, "{\"hello\": 1}\n", CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                     "not a Corroborate project");
  expect_load_error (dir, "[1, 2, 3]\n", CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                     "not a Corroborate project");
  expect_load_error (dir, "{\"format\":\"corroborate-project\",\"version\":7,\"id\":\"x\"}\n",
                     CRB_ERROR, CRB_ERROR_UNSUPPORTED_VERSION, "version 7");
  expect_load_error (dir, "{\"format\":\"corroborate-project\",\"version\":\"1\",\"id\":\"x\"}\n",
                     CRB_ERROR, CRB_ERROR_INVALID_FORMAT, "“version”");
  expect_load_error (dir, "{\"format\":\"corroborate-project\",\"version\":1}\n",
                     CRB_ERROR, CRB_ERROR_INVALID_FORMAT, "the field “id” is missing");
  expect_load_error (dir, "{\"format\":\"corroborate-project\",\"version\":1,\"id\":\"x\","
                          "\"stories\":[{\"id\":\"s\",\"articles\":[]}]}\n",
                     CRB_ERROR, CRB_ERROR_INVALID_FORMAT, "the file is incomplete");
  expect_load_error (dir, "{\"format\":\"corroborate-project\",\"version\":1,\"id\":\"x\","
                          "\"stories\":[{\"id\":\"s\",\"articles\":[]}]}\n"
                          "{\"story\":\"t\"}\n",
                     CRB_ERROR, CRB_ERROR_INVALID_FORMAT, ":2: expected the line of story “s”");

  /* A broken story line is found when the story is parsed, on demand. */
  {
    g_autofree char *path = crb_test_write_file (dir, "lazy.crb",
                                                 "{\"format\":\"corroborate-project\",\"version\":1,\"id\":\"x\","
                                                 "\"stories\":[{\"id\":\"s\",\"articles\":[]}]}\n"
                                                 "{\"story\":\"s\", oops}\n", -1);
    g_autoptr (GFile) file = g_file_new_for_path (path);
    g_autoptr (GError) error = NULL;
    g_autoptr (CrbProject) project = crb_project_load (file, NULL, &error);
    g_autofree char *expected = g_strdup_printf ("%s:2:", path);

    g_assert_no_error (error);
    g_assert_false (crb_project_ensure_all_loaded (project, &error));
    g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
    g_assert_true (g_str_has_prefix (error->message, expected));
  }

  {
    g_autofree char *missing = g_build_filename (dir, "missing.crb", NULL);
    g_autoptr (GFile) file = g_file_new_for_path (missing);
    g_autoptr (GError) error = NULL;
    g_autoptr (CrbProject) project = crb_project_load (file, NULL, &error);

    g_assert_null (project);
    g_assert_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "missing.crb: no such file"));
  }

  crb_test_remove_tree (dir);
}

/* A stored fact must name a claim: the facts are sorted by their first
 * claim when the story loads, and an empty list crashed it.
 */
static void
test_fact_without_claims (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = crb_test_write_file (dir, "fact.crb",
    "{\"format\":\"corroborate-project\",\"version\":1,\"id\":\"x\","
    "\"stories\":[{\"id\":\"s\",\"articles\":[\"a\"],\"claims\":1}]}\n"
    "{\"story\":\"s\",\"articles\":[{\"id\":\"a\",\"text\":\"Two people died.\"}],"
    "\"claims\":[{\"id\":\"a:1\",\"article\":\"a\",\"start\":0,\"end\":16,\"text\":\"Two people died.\"}],"
    "\"history\":[],\"links\":[],\"facts\":[{\"id\":\"f\",\"claims\":[]}]}\n", -1);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_load (file, NULL, &error);
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  CrbExportOptions options = CRB_EXPORT_OPTIONS_DEFAULT;
  CrbStory *story;

  g_assert_no_error (error);
  story = crb_project_lookup_story (project, "s");
  g_assert_false (crb_story_ensure_loaded (story, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
  g_assert_nonnull (strstr (error->message, ":2: the field “facts[0].claims[0]” is missing"));
  g_clear_error (&error);

  /* Exports read the same line, and say the same. */
  options.include_pending = TRUE;
  g_assert_false (crb_export (project, CRB_EXPORT_JSONL, out, NULL, &options, NULL, NULL, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
  g_assert_nonnull (strstr (error->message, "the field “facts[0].claims[0]” is missing"));

  crb_test_remove_tree (dir);
}

/* Numbers out of every range in a hand-edited file are read and written
 * back without undefined conversions to integers: a link's score of 1e300
 * (rounded to three decimals on save) and a fact's count of 1e300
 * (crb_json_int() of a double).
 */
static void
test_huge_numbers (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = crb_test_write_file (dir, "huge.crb",
    "{\"format\":\"corroborate-project\",\"version\":1,\"id\":\"x\","
    "\"stories\":[{\"id\":\"s\",\"articles\":[\"a\",\"b\"],\"claims\":2}]}\n"
    "{\"story\":\"s\",\"articles\":[{\"id\":\"a\",\"text\":\"Two people died.\"},"
    "{\"id\":\"b\",\"text\":\"Three people died.\"}],"
    "\"claims\":[{\"id\":\"a:1\",\"article\":\"a\",\"start\":0,\"end\":16,\"text\":\"Two people died.\"},"
    "{\"id\":\"b:1\",\"article\":\"b\",\"start\":0,\"end\":18,\"text\":\"Three people died.\"}],"
    "\"history\":[],\"links\":[{\"a\":\"a:1\",\"b\":\"b:1\",\"relation\":\"conflicts\",\"score\":1e300,\"why\":[]}],"
    "\"facts\":[{\"id\":\"fact:a:1\",\"claims\":[\"a:1\",\"b:1\"],\"articles\":1e300,\"outlets\":-1e300,\"conflicts\":1}]}\n", -1);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_load (file, NULL, &error);
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autofree char *saved = NULL;

  g_assert_no_error (error);
  g_assert_true (crb_project_decide (project, "a:1", confirm, &error));
  g_assert_no_error (error);
  crb_project_save (project, NULL, NULL, &error);
  g_assert_no_error (error);

  saved = crb_test_read_file (path);
  g_assert_nonnull (strstr (saved, "\"relation\":\"conflicts\",\"score\":1e+300,"));
  /* Saturated (to G_MAXINT64, a guint's G_MAXUINT here), not whatever the
   * processor makes of an undefined conversion (0 on x86-64).
   */
  g_assert_nonnull (strstr (saved, "\"articles\":4294967295,"));

  crb_test_remove_tree (dir);
}

static void
test_bad_story_line (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *contents = crb_test_read_file (f->path);
  g_autoptr (GString) broken = g_string_new (contents);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = NULL;
  CrbStory *story;

  /* A claim whose span runs past its article: found when the story loads. */
  g_string_replace (broken, "\"start\":0,\"end\":70", "\"start\":0,\"end\":7000", 1);
  g_assert_cmpstr (broken->str, !=, contents);
  g_file_set_contents (f->path, broken->str, -1, &error);
  g_assert_no_error (error);

  project = reload (f->path);
  story = crb_project_lookup_story (project, "earthquake");
  g_assert_false (crb_story_ensure_loaded (story, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
  g_assert_nonnull (strstr (error->message, ":2: story “earthquake”, claims[0]: the span 0–7000"));
  g_assert_false (crb_story_is_loaded (story));
}

static void
test_newer_version_never_written (Fixture       *f,
                                  gconstpointer  data)
{
  g_autofree char *contents = crb_test_read_file (f->path);
  g_autoptr (GString) newer = g_string_new (contents);
  g_autoptr (GFile) file = g_file_new_for_path (f->path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = NULL;
  g_autofree char *after = NULL;

  g_string_replace (newer, "\"version\":2,", "\"version\":3,", 1);
  g_file_set_contents (f->path, newer->str, -1, &error);
  g_assert_no_error (error);

  project = crb_project_load (file, NULL, &error);
  g_assert_null (project);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_UNSUPPORTED_VERSION);
  g_assert_nonnull (strstr (error->message, "version 3"));
  g_assert_nonnull (strstr (error->message, "reads version 2"));

  after = crb_test_read_file (f->path);
  g_assert_cmpstr (after, ==, newer->str);
}

static void
test_save_keeps_mode (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  struct stat st;

  g_assert_cmpint (g_chmod (f->path, 0640), ==, 0);
  crb_project_set_title (f->project, "Renamed");
  crb_project_save (f->project, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);
}

/* A save cut short leaves ".NAME.XXXXXX"; the next save removes it once it
 * is an hour old, and leaves recent ones (a save in progress) and other
 * files alone.
 */
static void
test_save_removes_stale_temp_files (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (f->path);
  g_autofree char *base = g_path_get_basename (f->path);
  g_autofree char *stale = g_strdup_printf ("%s/.%s.AbC123", dir, base);
  g_autofree char *recent = g_strdup_printf ("%s/.%s.XyZ789", dir, base);
  g_autofree char *other = g_strdup_printf ("%s/.%s.notes", dir, base);
  struct utimbuf old = { 0, };

  g_assert_true (g_file_set_contents (stale, "half", -1, NULL));
  g_assert_true (g_file_set_contents (recent, "half", -1, NULL));
  g_assert_true (g_file_set_contents (other, "mine", -1, NULL));
  old.actime = old.modtime = time (NULL) - 2 * 3600;
  g_assert_cmpint (utime (stale, &old), ==, 0);
  g_assert_cmpint (utime (other, &old), ==, 0);

  crb_project_set_title (f->project, "Renamed");
  crb_project_save (f->project, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (g_file_test (stale, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (recent, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (other, G_FILE_TEST_EXISTS));
}

/* Exports run in worker threads: a stream that fails part-way ends the
 * export with its error (no hang, no crash), and every run writes the same
 * bytes.
 */
static void
test_export_threads (Fixture       *f,
                     gconstpointer  data)
{
  for (CrbExportFormat format = 0; format < CRB_N_EXPORT_FORMATS; format++)
    {
      g_autoptr (GOutputStream) full = g_memory_output_stream_new_resizable ();
      g_autoptr (GOutputStream) again = g_memory_output_stream_new_resizable ();
      g_autoptr (GOutputStream) sentences = g_memory_output_stream_new_resizable ();
      g_autoptr (GOutputStream) small = NULL;
      g_autoptr (GError) error = NULL;
      CrbExportOptions options = { TRUE, TRUE, NULL };
      static char tiny[64];
      gsize size;
      guint n = 0, m = 0;

      g_assert_true (crb_export (f->project, format, full, sentences, &options, &n, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_close (full, NULL, NULL);
      g_assert_true (crb_export (f->project, format, again, NULL, &options, &m, NULL, &error));
      g_output_stream_close (again, NULL, NULL);
      g_assert_cmpuint (n, ==, m);
      size = g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (full));
      g_assert_cmpuint (size, ==, g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (again)));
      g_assert_cmpmem (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (full)), size,
                       g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (again)), size);

      /* A stream with room for 64 bytes. */
      if (size > sizeof tiny)
        {
          small = g_memory_output_stream_new (tiny, sizeof tiny, NULL, NULL);
          g_assert_false (crb_export (f->project, format, small, NULL, &options, NULL, NULL, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE);
        }
    }
}

/* Every format's records (and FEVER's sentence table) from @project. */
static GPtrArray *
export_all (CrbProject *project)
{
  GPtrArray *outputs = g_ptr_array_new_with_free_func (g_free);

  for (CrbExportFormat format = 0; format < CRB_N_EXPORT_FORMATS; format++)
    {
      g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
      g_autoptr (GOutputStream) sentences = g_memory_output_stream_new_resizable ();
      g_autoptr (GError) error = NULL;
      CrbExportOptions options = { TRUE, TRUE, NULL };
      GString *text = g_string_new (NULL);

      g_assert_true (crb_export (project, format, out, sentences, &options, NULL, NULL, &error));
      g_assert_no_error (error);
      g_output_stream_close (out, NULL, NULL);
      g_output_stream_close (sentences, NULL, NULL);
      g_string_append_len (text, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (out)),
                           g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (out)));
      g_string_append_len (text, g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (sentences)),
                           g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (sentences)));
      g_ptr_array_add (outputs, g_string_free (text, FALSE));
    }
  return outputs;
}

static void
assert_same_exports (GPtrArray *a,
                     GPtrArray *b,
                     gboolean   with_values)
{
  for (CrbExportFormat format = 0; format < CRB_N_EXPORT_FORMATS; format++)
    if (with_values || format != CRB_EXPORT_JSONL)
      g_assert_cmpstr (g_ptr_array_index (a, format), ==, g_ptr_array_index (b, format));
}

static void
decide (CrbProject        *project,
        const char        *claim_id,
        CrbDecisionStatus  status,
        CrbRejectReason    reason,
        const char        *corrected,
        const char        *note)
{
  g_autoptr (CrbDecision) decision = crb_decision_new (status);
  g_autoptr (GError) error = NULL;

  decision->reason = reason;
  decision->corrected_text = g_strdup (corrected);
  decision->note = g_strdup (note);
  g_assert_true (crb_project_decide (project, claim_id, decision, &error));
  g_assert_no_error (error);
}

/* Exports write records from each story's line: its line in the project
 * file while the story is not loaded, the line a save would write once it
 * is.  Both give the same bytes in every format, for text with quotes, line
 * breaks, control characters and any script, decided and corrected claims,
 * and links made and removed by hand; and so does a file another program
 * wrote (spaces, escapes we do not write, members missing or in another
 * order, a checksum that is not one).
 */
static void
test_export_from_lines (Fixture       *f,
                        gconstpointer  data)
{
  static const char ctrl_text[] = "Bell\x07 \"quoted\" \\ back\tslash\r\nnext line: 😀 Zürich/Москва.";
  CrbStory *quake = crb_project_lookup_story (f->project, "earthquake");
  CrbArticle *first = crb_story_lookup_article (quake, "first");
  g_autoptr (CrbArticle) ctrl = crb_article_new ("ctrl", ctrl_text);
  g_autoptr (CrbClaim) claim = crb_claim_new ("ctrl:1", "ctrl", 0, 16, "Bell\x07 \"quoted\"");
  static const char * const reasons[] = { "a \"quoted\" reason", "line\nbreak", NULL };
  g_autoptr (GPtrArray) second_claims = crb_story_dup_article_claims (quake, "second");
  const char *second_id = crb_claim_get_id (g_ptr_array_index (second_claims, 0));
  g_autofree char *council_id = g_strdup (crb_claim_get_id (first_claim (f->project, "council-vote")));
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, ctrl_text, -1);
  g_autofree char *edited_path = g_build_filename (f->dir, "edited.crb", NULL);
  g_autoptr (GPtrArray) in_memory = NULL, from_file = NULL, loaded = NULL, edited = NULL, edited_loaded = NULL;
  g_autoptr (CrbProject) reloaded = NULL;
  g_autoptr (CrbProject) other = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  g_autoptr (GString) rewritten = g_string_new (NULL);

  /* Texts that need escapes, and a claim made by hand. */
  crb_article_set_title (first, "“Quake” \"toll\"\trises — Türkiye");
  crb_article_set_outlet (first, "Agence \\ Presse");
  crb_article_set_url (first, "https://example.org/quake?id=1&x=\"y\"");
  crb_article_set_date (first, "2023-02-06");
  crb_project_add_article (f->project, quake, ctrl);
  crb_claim_set_kind (claim, "quantity");
  crb_claim_set_score (claim, 0.6667);
  crb_claim_set_reasons (claim, reasons);
  crb_claim_set_values_json (claim, "{\"quote\":\"a \\\"b\\\"\\n\"}", -1);
  crb_story_add_claim (quake, claim);

  decide (f->project, "first:1", CRB_DECISION_STATUS_CONFIRMED, CRB_REJECT_REASON_NONE, NULL,
          "a “note”\nwith a line break and \"quotes\"");
  decide (f->project, second_id, CRB_DECISION_STATUS_CORRECTED, CRB_REJECT_REASON_NONE,
          "“Zwölf” died,\nnot 133 \\ \"sic\"", NULL);
  decide (f->project, council_id, CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_FALSE, NULL, "wrong");
  decide (f->project, "ctrl:1", CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_UNVERIFIABLE, NULL, NULL);
  g_assert_true (crb_project_link (f->project, "ctrl:1", "first:1", CRB_RELATION_AGREES, &error));
  g_assert_true (crb_project_link (f->project, "ctrl:1", second_id, CRB_RELATION_CONFLICTS, &error));
  g_assert_true (crb_project_link (f->project, "ctrl:1", "first:2", CRB_RELATION_RELATED, &error));
  g_assert_true (crb_project_unlink (f->project, "ctrl:1", "first:2", &error));
  g_assert_no_error (error);

  /* Loaded stories, saved, read from the file, and loaded from it. */
  in_memory = export_all (f->project);
  crb_project_save (f->project, NULL, NULL, &error);
  g_assert_no_error (error);
  reloaded = reload (f->path);
  from_file = export_all (reloaded);
  g_assert_false (crb_story_is_loaded (crb_project_lookup_story (reloaded, "earthquake")));
  crb_project_ensure_all_loaded (reloaded, &error);
  g_assert_no_error (error);
  loaded = export_all (reloaded);
  assert_same_exports (in_memory, from_file, TRUE);
  assert_same_exports (from_file, loaded, TRUE);
  g_assert_nonnull (strstr (g_ptr_array_index (from_file, CRB_EXPORT_JSONL), "\"manual\":true"));
  g_assert_nonnull (strstr (g_ptr_array_index (from_file, CRB_EXPORT_JSONL), "\\u0007"));
  g_assert_nonnull (strstr (g_ptr_array_index (from_file, CRB_EXPORT_FEVER), "\"NOT ENOUGH INFO\""));

  /* The story lines as another program may write them. */
  contents = crb_test_read_file (f->path);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr (GString) line = g_string_new (lines[i]);

      if (i > 0)
        {
          g_string_replace (line, "/", "\\/", 0);
          g_string_replace (line, "ü", "\\u00fc", 0);
          g_string_replace (line, "“", "\\u201C", 0);
          g_string_replace (line, "\\n", "\\u000a", 0);
          g_string_replace (line, "\"why\":[\"", "\"why\": [ \"", 0);
          g_string_replace (line, "\"reasons\":[\"", "\"reasons\": [\"", 0);
          g_string_replace (line, ",\"kind\":\"statement\"", "", 0);
          g_string_replace (line, "{\"id\":\"ctrl\",", "{\"url\":\"\",\"id\":\"ctrl\",", 0);
          g_string_replace (line, sha256, "not a checksum", 0);
        }
      g_string_append (rewritten, line->str);
      if (lines[i + 1] != NULL)
        g_string_append_c (rewritten, '\n');
    }
  for (guint i = 0; i < 6; i++)
    g_assert_nonnull (strstr (rewritten->str, (const char *[]) { "\\/", "\\u00fc", "\\u201C", "\\u000a",
                                                                 "\"why\": [ \"", "not a checksum" }[i]));
  g_assert_true (g_file_set_contents (edited_path, rewritten->str, rewritten->len, &error));
  g_assert_no_error (error);
  other = reload (edited_path);
  edited = export_all (other);
  crb_project_ensure_all_loaded (other, &error);
  g_assert_no_error (error);
  edited_loaded = export_all (other);
  assert_same_exports (edited, edited_loaded, TRUE);
  /* The same data: the same records, but for "values", kept as written. */
  assert_same_exports (edited, from_file, FALSE);

  /* Lines without links and facts: the stories are aligned when exported. */
  g_string_truncate (rewritten, 0);
  for (guint i = 0; lines[i]; i++)
    {
      g_autoptr (JsonParser) parser = json_parser_new ();

      if (i > 0 && *lines[i] != '\0')
        {
          g_autofree char *line = NULL;

          g_assert_true (json_parser_load_from_data (parser, lines[i], -1, &error));
          json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "links");
          json_object_remove_member (json_node_get_object (json_parser_get_root (parser)), "facts");
          line = crb_json_to_string (json_parser_get_root (parser), NULL);
          g_string_append (rewritten, line);
        }
      else
        g_string_append (rewritten, lines[i]);
      if (lines[i + 1] != NULL)
        g_string_append_c (rewritten, '\n');
    }
  g_assert_true (g_file_set_contents (edited_path, rewritten->str, rewritten->len, &error));
  g_clear_object (&other);
  g_clear_pointer (&edited, g_ptr_array_unref);
  g_clear_pointer (&edited_loaded, g_ptr_array_unref);
  other = reload (edited_path);
  edited = export_all (other);
  g_assert_false (crb_story_is_loaded (crb_project_lookup_story (other, "earthquake")));
  crb_project_ensure_all_loaded (other, &error);
  g_assert_no_error (error);
  edited_loaded = export_all (other);
  assert_same_exports (edited, edited_loaded, TRUE);
  g_assert_nonnull (strstr (g_ptr_array_index (edited, CRB_EXPORT_JSONL), "\"evidence\":[{"));
}

static void
test_save_unwritable (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *ro_dir = g_build_filename (f->dir, "read-only", NULL);
  g_autofree char *target = g_build_filename (ro_dir, "p.crb", NULL);
  g_autoptr (GFile) file = g_file_new_for_path (target);
  g_autoptr (GError) error = NULL;

  if (geteuid () == 0)
    {
      /* root writes anywhere; a folder that is a file fails for everyone. */
      g_free (ro_dir);
      ro_dir = crb_test_write_file (f->dir, "not-a-folder", "x", -1);
      g_free (target);
      target = g_build_filename (ro_dir, "p.crb", NULL);
      g_clear_object (&file);
      file = g_file_new_for_path (target);
    }
  else
    {
      g_mkdir (ro_dir, 0500);
    }

  g_assert_false (crb_project_save (f->project, file, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "p.crb"));
  g_assert_false (g_file_test (target, G_FILE_TEST_EXISTS));
}

static void
test_unchanged_stories_copied (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr (CrbProject) loaded = NULL;
  g_autofree char *before = crb_test_read_file (f->path);
  g_autofree char *after = NULL;
  g_autoptr (GError) error = NULL;
  char *before_stories, *after_stories;

  /* The only program with the file open: it may rewrite it. */
  g_clear_object (&f->project);
  loaded = reload (f->path);

  /* Saving without touching stories keeps their lines byte for byte. */
  crb_project_set_title (loaded, "Another title");
  crb_project_save (loaded, NULL, NULL, &error);
  g_assert_no_error (error);
  after = crb_test_read_file (f->path);
  before_stories = strchr (before, '\n');
  after_stories = strchr (after, '\n');
  g_assert_cmpstr (before_stories, ==, after_stories);
  g_assert_false (crb_story_is_loaded (crb_project_lookup_story (loaded, "earthquake")));
}

static void
test_notify (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (GError) error = NULL;
  CrbClaim *a = first_claim (f->project, "earthquake");
  guint status_notifies = 0;
  guint can_undo_notifies = 0;

  g_signal_connect_swapped (a, "notify::status", G_CALLBACK (g_atomic_int_inc), &status_notifies);
  g_signal_connect_swapped (f->project, "notify::can-undo", G_CALLBACK (g_atomic_int_inc), &can_undo_notifies);

  crb_project_decide (f->project, crb_claim_get_id (a), confirm, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (status_notifies, ==, 1);
  g_assert_cmpuint (can_undo_notifies, ==, 1);
  g_free (crb_project_undo (f->project, &error));
  g_assert_cmpuint (status_notifies, ==, 2);
  crb_project_sync_journal (f->project, NULL);
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static void
test_async (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GFile) file = g_file_new_for_path (f->path);
  g_autoptr (GAsyncResult) result = NULL;
  g_autoptr (CrbProject) loaded = NULL;
  g_autoptr (GError) error = NULL;

  g_main_context_push_thread_default (context);

  /* The only program with the file open: it may rewrite it. */
  g_clear_object (&f->project);
  crb_project_load_async (file, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  loaded = crb_project_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (loaded);
  g_clear_object (&result);

  crb_project_set_title (loaded, "Saved in the background");
  g_assert_true (crb_project_get_modified (loaded));
  crb_project_save_async (loaded, NULL, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (context, TRUE);
  g_assert_true (crb_project_save_finish (loaded, result, &error));
  g_assert_no_error (error);
  g_assert_false (crb_project_get_modified (loaded));

  g_main_context_pop_thread_default (context);

  g_clear_object (&loaded);
  loaded = reload (f->path);
  g_assert_cmpstr (crb_project_get_title (loaded), ==, "Saved in the background");
}

static void
test_unload (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr (CrbProject) loaded = NULL;
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (GError) error = NULL;
  CrbStory *quake;
  CrbClaim *claim;
  guint n_claims;

  /* The only program with the file open: it may rewrite it. */
  g_clear_object (&f->project);
  loaded = reload (f->path);
  quake = crb_project_lookup_story (loaded, "earthquake");

  crb_story_ensure_loaded (quake, &error);
  g_assert_no_error (error);
  n_claims = crb_story_get_n_claims (quake);

  /* Unchanged: unloaded, and the summary still answers. */
  g_assert_true (crb_story_unload (quake));
  g_assert_false (crb_story_is_loaded (quake));
  g_assert_cmpuint (crb_story_get_n_claims (quake), ==, n_claims);
  g_assert_cmpuint (g_list_model_get_n_items (crb_story_get_claims (quake)), ==, 0);
  g_assert_true (crb_story_has_article (quake, "second"));

  /* Changed: kept in memory until saved. */
  claim = crb_project_find_claim (loaded, "first:1", NULL, &error);
  g_assert_no_error (error);
  crb_project_decide (loaded, crb_claim_get_id (claim), confirm, &error);
  g_assert_no_error (error);
  g_assert_false (crb_story_unload (quake));
  g_assert_true (crb_story_is_loaded (quake));

  crb_project_save (loaded, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crb_story_unload (quake));
  g_assert_cmpuint (crb_story_count_status (quake, CRB_DECISION_STATUS_CONFIRMED), ==, 1);
  claim = crb_project_find_claim (loaded, "first:1", NULL, &error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CONFIRMED);
  crb_project_sync_journal (loaded, NULL);
}

static void
test_lifetime (Fixture       *f,
               gconstpointer  data)
{
  CrbProject *project = reload (f->path);

  crb_project_ensure_all_loaded (project, NULL);
  g_assert_finalize_object (project);
}

/* Links and article edits are changes like decisions: undo takes back
 * the last one, whatever its kind, and says what it takes back.
 */
static void
test_undo_every_kind (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  const char *claims[] = { "first:1", "first:2", NULL };
  const char *outlet[CRB_N_ARTICLE_INFO] = { "Daily Quake", NULL, "2024-03-22", NULL };
  CrbStory *quake = crb_project_lookup_story (f->project, "earthquake");
  g_autofree char *label = NULL;
  g_autofree char *undone = NULL;
  CrbArticle *first;

  crb_story_ensure_loaded (quake, &error);
  g_assert_no_error (error);
  first = crb_story_lookup_article (quake, "first");

  g_assert_true (crb_project_decide_many (f->project, claims, confirm, &error));
  label = crb_project_dup_undo_label (f->project);
  g_assert_cmpstr (label, ==, "confirmed 2 claims");
  g_clear_pointer (&label, g_free);

  g_assert_true (crb_project_link (f->project, "first:1", "second:1", CRB_RELATION_CONFLICTS, &error));
  g_assert_no_error (error);
  g_assert_nonnull (crb_alignment_find_link (crb_story_get_alignment (quake), "first:1", "second:1"));
  label = crb_project_dup_undo_label (f->project);
  g_assert_cmpstr (label, ==, "linked 2 claims as conflicting");
  g_clear_pointer (&label, g_free);

  g_assert_true (crb_project_edit_article (f->project, "first", outlet, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (crb_article_get_outlet (first), ==, "Daily Quake");
  g_assert_cmpstr (crb_article_get_date (first), ==, "2024-03-22");

  /* Undo, newest first: the article, then the link, then both decisions. */
  undone = crb_project_undo (f->project, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, "first");
  g_assert_null (crb_article_get_outlet (first));
  g_clear_pointer (&undone, g_free);

  undone = crb_project_undo (f->project, &error);
  g_assert_cmpstr (undone, ==, "first:1");
  {
    const CrbLink *link = crb_alignment_find_link (crb_story_get_alignment (quake), "first:1", "second:1");
    g_assert_true (link == NULL || !link->manual);
  }
  g_clear_pointer (&undone, g_free);

  undone = crb_project_undo (f->project, &error);
  g_assert_cmpint (crb_claim_get_status (crb_story_lookup_claim (quake, "first:2")), ==,
                   CRB_DECISION_STATUS_PENDING);
  g_assert_cmpint (crb_claim_get_status (crb_story_lookup_claim (quake, "first:1")), ==,
                   CRB_DECISION_STATUS_PENDING);
  g_assert_false (crb_project_can_undo (f->project));
  label = crb_project_dup_redo_label (f->project);
  g_assert_cmpstr (label, ==, "confirmed 2 claims");
  g_clear_pointer (&label, g_free);

  /* Redo the three; then a reload (every change through the journal and
   * the file) still has them, with their history.
   */
  for (guint i = 0; i < 3; i++)
    {
      g_free (crb_project_redo (f->project, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpstr (crb_article_get_outlet (first), ==, "Daily Quake");
  crb_project_sync_journal (f->project, NULL);
  {
    g_autoptr (CrbProject) other = reload (f->path);
    CrbStory *q = crb_project_lookup_story (other, "earthquake");
    const CrbLink *link;

    crb_story_ensure_loaded (q, &error);
    g_assert_cmpstr (crb_article_get_outlet (crb_story_lookup_article (q, "first")), ==, "Daily Quake");
    link = crb_alignment_find_link (crb_story_get_alignment (q), "first:1", "second:1");
    g_assert_nonnull (link);
    g_assert_true (link->manual);
    g_assert_cmpint (link->relation, ==, CRB_RELATION_CONFLICTS);
    g_assert_cmpuint (crb_story_get_history (q)->len, ==, 4);
  }
}

/* Two programs on one file: each sees the other's changes, each undoes
 * its own, and nothing is lost.
 */
static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (CrbDecision) reject = crb_decision_new (CRB_DECISION_STATUS_REJECTED);
  g_autoptr (CrbProject) app = NULL;
  g_autoptr (CrbProject) cli = NULL;
  g_autofree char *undone = NULL;
  CrbClaim *claim;

  g_clear_object (&f->project);
  app = reload (f->path);
  cli = reload (f->path);
  crb_project_set_writer (app, "app");
  crb_project_set_writer (cli, "cli");
  reject->reason = CRB_REJECT_REASON_FALSE;

  g_assert_true (crb_project_decide (app, "first:1", confirm, &error));
  g_assert_true (crb_project_decide (cli, "second:1", reject, &error));
  /* The CLI's change follows the app's: it read it first. */
  claim = crb_project_find_claim (cli, "first:1", NULL, &error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CONFIRMED);
  /* The app sees the CLI's once it looks. */
  g_assert_cmpuint (crb_project_refresh (app), ==, 1);
  claim = crb_project_find_claim (app, "second:1", NULL, &error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_REJECTED);

  /* Each undoes its own: the app's undo leaves the CLI's rejection. */
  undone = crb_project_undo (app, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone, ==, "first:1");
  g_assert_cmpint (crb_claim_get_status (crb_project_find_claim (app, "second:1", NULL, NULL)), ==,
                   CRB_DECISION_STATUS_REJECTED);
  g_assert_false (crb_project_can_undo (app));
  g_assert_true (crb_project_can_undo (cli));

  /* An undo of a decision someone else changed since is refused. */
  g_assert_true (crb_project_decide (app, "second:1", confirm, &error));
  g_clear_pointer (&undone, g_free);
  crb_project_refresh (cli);
  undone = crb_project_undo (cli, &error);
  g_assert_null (undone);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (crb_claim_get_status (crb_project_find_claim (cli, "second:1", NULL, NULL)), ==,
                   CRB_DECISION_STATUS_CONFIRMED);

  /* Neither may rewrite the file while the other has it open. */
  g_assert_false (crb_project_save (app, NULL, NULL, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_BUSY);
  g_clear_error (&error);
  crb_project_sync_journal (cli, NULL);
  g_clear_object (&cli);
  g_assert_true (crb_project_save (app, NULL, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&app);

  /* The file alone holds every change. */
  {
    g_autoptr (CrbProject) last = reload (f->path);

    g_assert_cmpuint (crb_project_get_n_recovered (last), ==, 0);
    g_assert_cmpint (crb_claim_get_status (crb_project_find_claim (last, "first:1", NULL, NULL)), ==,
                     CRB_DECISION_STATUS_PENDING);
    g_assert_cmpint (crb_claim_get_status (crb_project_find_claim (last, "second:1", NULL, NULL)), ==,
                     CRB_DECISION_STATUS_CONFIRMED);
  }
}

/* Settings (a publisher's review URL) are kept in the file and journaled. */
static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr (GError) error = NULL;
  guint changed = 0;

  g_signal_connect_swapped (f->project, "setting-changed::review-url", G_CALLBACK (g_atomic_int_inc), &changed);
  g_assert_null (crb_project_get_setting (f->project, "review-url"));
  g_assert_true (crb_project_set_setting (f->project, "review-url", "https://checks.example/{id}", &error));
  g_assert_no_error (error);
  g_assert_true (crb_project_set_setting (f->project, "author-org", "Example Checks", &error));
  g_assert_cmpuint (changed, ==, 1);
  crb_project_sync_journal (f->project, NULL);

  /* From the journal... */
  {
    g_autoptr (CrbProject) other = reload (f->path);
    g_assert_cmpstr (crb_project_get_setting (other, "review-url"), ==, "https://checks.example/{id}");
  }
  /* ...and from the file. */
  g_assert_true (crb_project_save (f->project, NULL, NULL, &error));
  g_assert_true (crb_project_set_setting (f->project, "author-org", NULL, &error));
  g_assert_true (crb_project_save (f->project, NULL, NULL, &error));
  g_clear_object (&f->project);
  {
    g_autoptr (CrbProject) other = reload (f->path);
    g_assert_cmpuint (crb_project_get_n_recovered (other), ==, 0);
    g_assert_cmpstr (crb_project_get_setting (other, "review-url"), ==, "https://checks.example/{id}");
    g_assert_null (crb_project_get_setting (other, "author-org"));
  }
}

static guint
count_mappings (void)
{
  g_autofree char *maps = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  for (const char *p = maps; (p = strchr (p, '\n')); p++)
    n++;
  return n;
}

/* Issue 13: every load left the file's mapping behind, even after the
 * project was freed; a loader fuzzer ran out of memory.
 */
static void
test_load_leaves_nothing (Fixture       *f,
                          gconstpointer  data)
{
  guint before;

  g_clear_object (&f->project);
  {
    g_autoptr (CrbProject) warm = reload (f->path);
  }
  before = count_mappings ();

  for (guint i = 0; i < 50; i++)
    {
      CrbProject *project = reload (f->path);
      CrbStory *story = crb_project_lookup_story (project, "earthquake");

      g_object_add_weak_pointer (G_OBJECT (story), (gpointer *) &story);
      if (i % 2 == 0)
        crb_story_ensure_loaded (story, NULL);
      g_assert_finalize_object (project);
      g_assert_null (story);
    }

  g_assert_cmpuint (count_mappings (), <=, before + 2);
}

/* The articles an import test adds: to an existing story (by title),
 * with an id the project has ("first"), and to new stories.
 */
static const char * const *
write_import_inputs (const char *dir)
{
  static char *inputs[3];

  g_clear_pointer (&inputs[0], g_free);
  g_clear_pointer (&inputs[1], g_free);
  inputs[0] = crb_test_write_file (dir, "more/first.txt",
                                   "Rescuers said on Sunday that 151 people died in the earthquake.\n\n"
                                   "The ministry said 46 survivors were pulled from the rubble.\n", -1);
  inputs[1] = crb_test_write_file (dir, "more/corpus.jsonl",
                                   "{\"id\": \"f1\", \"story\": \"Flood\", \"outlet\": \"Gazette\", "
                                   "\"text\": \"The river rose 4.2 metres on Monday and 300 homes were evacuated.\"}\n"
                                   "{\"id\": \"f2\", \"story\": \"Flood\", \"outlet\": \"Courier\", "
                                   "\"text\": \"About 350 homes were evacuated after the river rose 4 metres, police said.\"}\n"
                                   "{\"id\": \"q3\", \"story\": \"Earthquake\", "
                                   "\"text\": \"At least 140 people were killed in the earthquake, the Red Crescent said.\"}\n"
                                   "{\"id\": \"v2\", \"story\": \"Fire\", \"text\": \"A fire destroyed 12 shops in the market.\"}\n",
                                   -1);
  return (const char * const *) inputs;
}

/* A project file with the members a save makes new (ids, times) left out. */
static char *
masked_file (const char *path)
{
  g_autofree char *contents = crb_test_read_file (path);
  char *nl = strchr (contents, '\n');
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *header = NULL;
  JsonObject *object;

  g_assert_nonnull (nl);
  json_parser_load_from_data (parser, contents, nl - contents, &error);
  g_assert_no_error (error);
  object = json_node_get_object (json_parser_get_root (parser));
  json_object_remove_member (object, "id");
  json_object_remove_member (object, "created");
  json_object_remove_member (object, "modified");
  json_object_remove_member (object, "save_id");
  json_object_remove_member (object, "title");
  header = crb_json_to_string (json_parser_get_root (parser), NULL);
  return g_strconcat (header, nl, NULL);
}

static char *
import_and_save (Fixture    *f,
                 const char *name,
                 gboolean    scanned,
                 const char *threads)
{
  g_autofree char *copy = g_build_filename (f->dir, name, NULL);
  g_autofree char *saved = g_strconcat (copy, ".saved", NULL);
  g_autofree char *contents = crb_test_read_file (f->path);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (saved);
  g_autoptr (CrbProject) project = NULL;
  const char * const *inputs = write_import_inputs (f->dir);

  g_file_set_contents (copy, contents, -1, &error);
  g_assert_no_error (error);
  project = reload (copy);

  if (scanned)
    {
      g_setenv ("CORROBORATE_THREADS", threads, TRUE);
      items = crb_import_scan (inputs, CRB_IMPORT_NONE, warnings, NULL, &error);
      g_assert_no_error (error);
      crb_project_import_scanned (project, items, "Loose", 0.0, NULL, 0, file, NULL, &error);
      g_unsetenv ("CORROBORATE_THREADS");
    }
  else
    {
      items = crb_import_paths (inputs, CRB_IMPORT_NONE, warnings, NULL, &error);
      g_assert_no_error (error);
      crb_project_import (project, items, "Loose", 0.0, NULL, &error);
    }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (crb_project_get_stories (project)), ==, 5);
  g_assert_true (crb_project_find_article_story (project, "first-2") ==
                 crb_project_find_story_by_title (project, "Loose"));

  crb_project_save (project, file, NULL, &error);
  g_assert_no_error (error);
  return masked_file (saved);
}

/* The streamed import makes the file the import in memory makes, with
 * one thread or several.
 */
static void
test_import_scanned (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *in_memory = import_and_save (f, "a.crb", FALSE, NULL);
  g_autofree char *one = import_and_save (f, "b.crb", TRUE, "1");
  g_autofree char *three = import_and_save (f, "c.crb", TRUE, "3");
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autofree char *saved = g_build_filename (f->dir, "c.crb.saved", NULL);

  g_assert_cmpstr (one, ==, in_memory);
  g_assert_cmpstr (three, ==, in_memory);

  project = reload (saved);
  crb_project_validate (project, problems, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (problems->len, ==, 0);
  g_assert_cmpuint (crb_story_get_n_articles (crb_project_lookup_story (project, "earthquake")), ==, 3);
  g_assert_cmpuint (crb_story_get_n_articles (crb_project_lookup_story (project, "flood")), ==, 2);
}

/* A story loaded with a change the file does not hold yet keeps it. */
static void
test_import_scanned_loaded_story (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbProject) again = NULL;
  g_autoptr (CrbDecision) decision = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  const char * const *inputs = write_import_inputs (f->dir);
  CrbStory *quake;
  CrbClaim *claim;

  /* Alone with the file, so that it can be rewritten. */
  g_clear_object (&f->project);
  project = reload (f->path);
  crb_project_decide (project, "first:1", decision, &error);
  g_assert_no_error (error);
  items = crb_import_scan (inputs, CRB_IMPORT_NONE, warnings, NULL, &error);
  g_assert_no_error (error);
  crb_project_import_scanned (project, items, "Loose", 0.0, NULL, 0, NULL, NULL, &error);
  g_assert_no_error (error);

  quake = crb_project_lookup_story (project, "earthquake");
  g_assert_false (crb_story_is_loaded (quake));
  g_assert_cmpuint (crb_story_count_status (quake, CRB_DECISION_STATUS_CONFIRMED), ==, 1);
  crb_project_save (project, NULL, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&project);

  again = reload (f->path);
  claim = crb_project_find_claim (again, "first:1", &quake, &error);
  g_assert_no_error (error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpuint (crb_story_get_n_articles (quake), ==, 3);
  g_assert_nonnull (crb_story_lookup_article (quake, "q3"));
  g_assert_nonnull (crb_project_find_article_story (again, "first-2"));
}

/* An input gone between the scan and the import: the project is as it was. */
static void
test_import_scanned_rolls_back (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (CrbProject) project = reload (f->path);
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GDir) dir = NULL;
  const char * const *inputs = write_import_inputs (f->dir);
  guint64 revision = crb_project_get_revision (project);
  const char *name;

  items = crb_import_scan (inputs, CRB_IMPORT_NONE, warnings, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (inputs[0]), ==, 0);

  g_assert_false (crb_project_import_scanned (project, items, "Loose", 0.0, NULL, 0, NULL, NULL, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND);
  g_assert_true (strstr (error->message, "first.txt") != NULL);

  g_assert_cmpuint (g_list_model_get_n_items (crb_project_get_stories (project)), ==, 2);
  g_assert_null (crb_project_find_article_story (project, "f1"));
  g_assert_null (crb_project_find_article_story (project, "first-2"));
  g_assert_nonnull (crb_project_find_article_story (project, "first"));
  g_assert_cmpuint (crb_story_get_n_articles (crb_project_lookup_story (project, "earthquake")), ==, 2);
  g_assert_cmpuint (crb_project_get_revision (project), ==, revision);
  g_assert_false (crb_project_get_modified (project));

  /* Nothing left beside the project. */
  dir = g_dir_open (f->dir, 0, NULL);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".corroborate-import-"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/corroborate/project/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("save/roundtrip", test_roundtrip);
  ADD ("load/leaves-nothing", test_load_leaves_nothing);
  ADD ("history/every-kind", test_undo_every_kind);
  ADD ("writers/two", test_two_writers);
  ADD ("settings", test_settings);
  ADD ("offsets/non-ascii", test_offsets_non_ascii);
  ADD ("decide/undo-redo-restart", test_decide_undo_redo_survive_restart);
  ADD ("decide/invalid", test_invalid_decisions);
  ADD ("decide/notify", test_notify);
  ADD ("journal/replay", test_journal_replay);
  ADD ("journal/durable", test_durable_signal);
  ADD ("load/bad-story-line", test_bad_story_line);
  ADD ("load/newer-version", test_newer_version_never_written);
  ADD ("save/keeps-mode", test_save_keeps_mode);
  ADD ("save/unwritable", test_save_unwritable);
  ADD ("export/threads", test_export_threads);
  ADD ("export/from-lines", test_export_from_lines);
  ADD ("save/removes-stale-temp-files", test_save_removes_stale_temp_files);
  ADD ("save/unchanged-stories-copied", test_unchanged_stories_copied);
  ADD ("async", test_async);
  ADD ("unload", test_unload);
  ADD ("lifetime", test_lifetime);
  ADD ("import/scanned", test_import_scanned);
  ADD ("import/scanned-loaded-story", test_import_scanned_loaded_story);
  ADD ("import/scanned-rolls-back", test_import_scanned_rolls_back);
  g_test_add_func ("/corroborate/project/load/bad-files", test_bad_files);
  g_test_add_func ("/corroborate/project/load/fact-without-claims", test_fact_without_claims);
  g_test_add_func ("/corroborate/project/load/huge-numbers", test_huge_numbers);

  return g_test_run ();
}
