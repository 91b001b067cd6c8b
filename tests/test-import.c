/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "crb-error.h"
#include "crb-export.h"
#include "crb-import.h"
#include "crb-import-export.h"
#include "crb-test-utils.h"

typedef struct
{
  char      *dir;
  GPtrArray *warnings;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = crb_test_make_dir ();
  f->warnings = g_ptr_array_new_with_free_func (g_free);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  crb_test_remove_tree (f->dir);
  g_free (f->dir);
  g_ptr_array_unref (f->warnings);
}

static GPtrArray *
import_one (Fixture    *f,
            const char *path,
            GError    **error)
{
  const char *paths[] = { path, NULL };

  return crb_import_paths (paths, CRB_IMPORT_NONE, f->warnings, NULL, error);
}

static CrbArticle *
article_at (GPtrArray *items,
            guint      i)
{
  return ((CrbImportItem *) g_ptr_array_index (items, i))->article;
}

static void
test_text_file (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = crb_test_write_file (f->dir, "001_76ee82237eabb591.txt",
                                               "Bridge closed after crash\r\n\r\n"
                                               "The bridge was closed on Monday, police said.\r\n", -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  CrbArticle *article;

  items = import_one (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  article = article_at (items, 0);
  /* The id is the file name without its extension. */
  g_assert_cmpstr (crb_article_get_id (article), ==, "001_76ee82237eabb591");
  /* Line ends normalised; a headline-like first line becomes the title. */
  g_assert_cmpstr (crb_article_get_text (article), ==,
                   "Bridge closed after crash\n\nThe bridge was closed on Monday, police said.");
  g_assert_cmpstr (crb_article_get_title (article), ==, "Bridge closed after crash");
  g_assert_cmpstr (crb_article_get_source (article), ==, path);
  g_assert_cmpuint (f->warnings->len, ==, 0);
}

static void
test_date_prefix (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *path = crb_test_write_file (f->dir, "a.txt",
                                               " date 2024-05-24 On Friday, Russia said for the first time "
                                               "that the group coordinated the attack.\n", -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  CrbArticle *article;

  items = import_one (f, path, &error);
  g_assert_no_error (error);
  article = article_at (items, 0);
  g_assert_cmpstr (crb_article_get_date (article), ==, "2024-05-24");
  g_assert_true (g_str_has_prefix (crb_article_get_text (article), "On Friday, Russia said"));
}

static void
test_markdown_front_matter (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *path = crb_test_write_file (f->dir, "story.md",
                                               "---\ntitle: Floods in the valley\noutlet: Valley Times\n"
                                               "url: https://valley.example/floods\ndate: 2025-01-02\n---\n"
                                               "Floods cut off 12 villages on Thursday.\n", -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  CrbArticle *article;

  items = import_one (f, path, &error);
  g_assert_no_error (error);
  article = article_at (items, 0);
  g_assert_cmpstr (crb_article_get_title (article), ==, "Floods in the valley");
  g_assert_cmpstr (crb_article_get_outlet (article), ==, "Valley Times");
  g_assert_cmpstr (crb_article_get_url (article), ==, "https://valley.example/floods");
  g_assert_cmpstr (crb_article_get_date (article), ==, "2025-01-02");
  g_assert_cmpstr (crb_article_get_text (article), ==, "Floods cut off 12 villages on Thursday.");
}

static void
test_html (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *path = crb_test_write_file (f->dir, "page.html",
                                               "<!DOCTYPE html><html><head><title>Fire at the port | Port News</title>"
                                               "<meta property=\"og:site_name\" content=\"Port News\">"
                                               "<style>p { color: red }</style>"
                                               "<script>alert('x < y');</script></head><body>"
                                               "<nav><ul><li>Home</li><li>Sport</li></ul></nav>"
                                               "<p>A fire broke out at 3&nbsp;a.m. &amp; burned for <b>six</b> hours.</p>"
                                               "<p>Writing &lt;b&gt; is not markup.</p></body></html>", -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  CrbArticle *article;
  const char *text;

  items = import_one (f, path, &error);
  g_assert_no_error (error);
  article = article_at (items, 0);
  text = crb_article_get_text (article);
  g_assert_cmpstr (crb_article_get_id (article), ==, "page");
  g_assert_cmpstr (crb_article_get_title (article), ==, "Fire at the port");
  g_assert_cmpstr (crb_article_get_outlet (article), ==, "Port News");
  g_assert_null (strstr (text, "alert"));
  g_assert_null (strstr (text, "color"));
  g_assert_null (strstr (text, "Sport"));
  g_assert_nonnull (strstr (text, "A fire broke out at 3 a.m. & burned for six hours."));
  g_assert_nonnull (strstr (text, "Writing <b> is not markup."));
}

static void
test_folders_make_stories (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *a = crb_test_write_file (f->dir, "corpus/top.txt", "Top level article.\n", -1);
  g_autofree char *b = crb_test_write_file (f->dir, "corpus/quake/b.txt", "Second article.\n", -1);
  g_autofree char *c = crb_test_write_file (f->dir, "corpus/quake/a.txt", "First article.\n", -1);
  g_autofree char *d = crb_test_write_file (f->dir, "corpus/vote/a.txt", "Vote article.\n", -1);
  g_autofree char *skip = crb_test_write_file (f->dir, "corpus/vote/photo.jpg", "\xff\xd8\xff", 3);
  g_autofree char *hidden = crb_test_write_file (f->dir, "corpus/.hidden.txt", "Hidden.\n", -1);
  g_autofree char *corpus = g_build_filename (f->dir, "corpus", NULL);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbProject) project = crb_project_new ("p");
  CrbStory *quake, *vote, *top;

  items = import_one (f, corpus, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  /* Name order within a folder. */
  g_assert_cmpstr (((CrbImportItem *) g_ptr_array_index (items, 0))->story, ==, "quake");
  g_assert_cmpstr (crb_article_get_id (article_at (items, 0)), ==, "a");
  g_assert_cmpstr (crb_article_get_id (article_at (items, 1)), ==, "b");
  g_assert_null (((CrbImportItem *) g_ptr_array_index (items, 2))->story);
  g_assert_cmpstr (((CrbImportItem *) g_ptr_array_index (items, 3))->story, ==, "vote");
  /* The unknown file is named in a warning. */
  g_assert_cmpuint (f->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->warnings, 0), "photo.jpg"));

  crb_project_import (project, items, "Loose articles", 0.5, NULL, &error);
  g_assert_no_error (error);
  quake = crb_project_find_story_by_title (project, "quake");
  vote = crb_project_find_story_by_title (project, "vote");
  top = crb_project_find_story_by_title (project, "Loose articles");
  g_assert_nonnull (quake);
  g_assert_nonnull (vote);
  g_assert_nonnull (top);
  g_assert_cmpuint (crb_story_get_n_articles (quake), ==, 2);
  /* Ids stay unique: the second "a" becomes "a-2". */
  g_assert_true (crb_story_has_article (quake, "a"));
  g_assert_true (crb_story_has_article (vote, "a-2"));
  g_assert_cmpstr (crb_project_find_article_story (project, "a-2") == vote ? "vote" : "other", ==, "vote");
}

static void
test_corpus (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = crb_test_write_file (f->dir, "corpus.jsonl",
                                               "{\"id\": \"x1\", \"text\": \"Text one: 5 people were hurt.\", "
                                               "\"title\": \"One\", \"outlet\": \"Wire\", \"url\": \"https://w.example/1\", "
                                               "\"date\": \"2024-03-22\", \"story\": \"Attack\"}\n"
                                               "\n"
                                               "{\"text\": \"Text two, in Türkiye.\"}\n", -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  CrbArticle *one, *two;

  items = import_one (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 2);
  one = article_at (items, 0);
  two = article_at (items, 1);
  g_assert_cmpstr (crb_article_get_id (one), ==, "x1");
  g_assert_cmpstr (crb_article_get_title (one), ==, "One");
  g_assert_cmpstr (crb_article_get_outlet (one), ==, "Wire");
  g_assert_cmpstr (crb_article_get_url (one), ==, "https://w.example/1");
  g_assert_cmpstr (crb_article_get_date (one), ==, "2024-03-22");
  g_assert_cmpstr (((CrbImportItem *) g_ptr_array_index (items, 0))->story, ==, "Attack");
  /* No id: the corpus name and the line number. */
  g_assert_cmpstr (crb_article_get_id (two), ==, "corpus-3");
  g_assert_null (((CrbImportItem *) g_ptr_array_index (items, 1))->story);
}

static void
expect_error (Fixture    *f,
              const char *name,
              const char *contents,
              gssize      length,
              int         code,
              const char *message_part)
{
  g_autofree char *path = crb_test_write_file (f->dir, name, contents, length);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  items = import_one (f, path, &error);
  g_assert_null (items);
  g_assert_error (error, CRB_ERROR, code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("expected “%s” in “%s”", message_part, error->message);
  /* Every message names the file. */
  g_assert_nonnull (strstr (error->message, name));
}

static void
test_bad_inputs (Fixture       *f,
                 gconstpointer  data)
{
  static const guchar png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };

  expect_error (f, "empty.txt", "", 0, CRB_ERROR_EMPTY, "empty.txt");
  expect_error (f, "blank.txt", "  \n\n\t \n", -1, CRB_ERROR_EMPTY, "blank.txt");
  expect_error (f, "image.txt", (const char *) png, sizeof png, CRB_ERROR_BINARY, "image.txt");
  expect_error (f, "bad.jsonl", "{\"text\": \"ok\"}\n{not json}\n", -1, CRB_ERROR_INVALID_FORMAT, "bad.jsonl:2");
  expect_error (f, "notext.jsonl", "{\"title\": \"no text\"}\n", -1, CRB_ERROR_INVALID_FORMAT,
                "notext.jsonl:1: the field “text” is missing");
  expect_error (f, "array.jsonl", "[1, 2]\n", -1, CRB_ERROR_INVALID_FORMAT, "array.jsonl:1");
  expect_error (f, "nothing.jsonl", "\n\n", -1, CRB_ERROR_EMPTY, "nothing.jsonl");
  expect_error (f, "onlyhtml.html", "<html><script>var a = 1;</script></html>", -1, CRB_ERROR_EMPTY,
                "onlyhtml.html");

  {
    g_autofree char *missing = g_build_filename (f->dir, "missing.txt", NULL);
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) items = import_one (f, missing, &error);

    g_assert_null (items);
    g_assert_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND);
    g_assert_nonnull (strstr (error->message, "missing.txt"));
  }
}

static void
test_bad_file_refuses_whole_import (Fixture       *f,
                                    gconstpointer  data)
{
  g_autofree char *good = crb_test_write_file (f->dir, "in/good.txt", "A good article.\n", -1);
  g_autofree char *bad = crb_test_write_file (f->dir, "in/zero.txt", "", 0);
  g_autofree char *folder = g_build_filename (f->dir, "in", NULL);
  const char *paths[] = { folder, NULL };
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  items = crb_import_paths (paths, CRB_IMPORT_NONE, f->warnings, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_EMPTY);
  g_assert_nonnull (strstr (error->message, "zero.txt"));
  g_clear_error (&error);

  /* Or skip it, with a warning naming it. */
  items = crb_import_paths (paths, CRB_IMPORT_SKIP_INVALID, f->warnings, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpuint (f->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->warnings, 0), "zero.txt"));
}

static void
test_legacy_encoding (Fixture       *f,
                      gconstpointer  data)
{
  const char *utf8 = "The café in Zürich served crème brûlée to 40 guests on Sunday, the owner said.\n";
  g_autofree char *latin = g_convert (utf8, -1, "WINDOWS-1252", "UTF-8", NULL, NULL, NULL);
  g_autofree char *path = crb_test_write_file (f->dir, "legacy.txt", latin, -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *expected = g_strstrip (g_strdup (utf8));

  items = import_one (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_article_get_text (article_at (items, 0)), ==, expected);
  /* Converted, and said so, naming the file and the encoding. */
  g_assert_cmpuint (f->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->warnings, 0), "legacy.txt"));
  g_assert_nonnull (strstr (g_ptr_array_index (f->warnings, 0), "1252"));
}

static void
test_extract_claims_offsets (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr (CrbArticle) article =
    crb_article_new ("a", "«Москва» — officials said 133 people died on March 22, 2024.\n\n"
                          "Rescuers 🚒 said 42 people were pulled from the rubble in Türkiye.");
  g_autoptr (GPtrArray) claims = crb_extract_article_claims (article, 0.0);

  g_assert_cmpuint (claims->len, ==, 2);
  for (guint i = 0; i < claims->len; i++)
    {
      CrbClaim *claim = g_ptr_array_index (claims, i);
      g_autofree char *slice = crb_article_dup_slice (article, crb_claim_get_start (claim),
                                                      crb_claim_get_end (claim));
      g_autofree char *id = g_strdup_printf ("a:%u", i + 1);

      g_assert_cmpstr (crb_claim_get_id (claim), ==, id);
      g_assert_cmpstr (slice, ==, crb_claim_get_text (claim));
    }
  g_assert_cmpuint (crb_claim_get_start (g_ptr_array_index (claims, 1)), ==, 62);
}

static GBytes *
export_all (CrbProject *project)
{
  g_autoptr (GOutputStream) out = g_memory_output_stream_new_resizable ();
  g_autoptr (GError) error = NULL;
  CrbExportOptions options = CRB_EXPORT_OPTIONS_DEFAULT;

  options.include_pending = TRUE;
  crb_export (project, CRB_EXPORT_JSONL, out, NULL, &options, NULL, NULL, &error);
  g_assert_no_error (error);
  g_output_stream_close (out, NULL, &error);
  g_assert_no_error (error);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

static void
test_export_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbProject) rebuilt = NULL;
  g_autoptr (GBytes) exported = NULL;
  g_autoptr (GBytes) again = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *path = NULL;
  g_autoptr (CrbDecision) corrected = crb_decision_new (CRB_DECISION_STATUS_CORRECTED);
  g_autoptr (CrbDecision) rejected = crb_decision_new (CRB_DECISION_STATUS_REJECTED);
  g_autoptr (CrbStory) story = NULL;
  g_autoptr (CrbClaim) first = NULL;
  g_autoptr (CrbClaim) second = NULL;
  CrbClaim *claim;

  project = crb_test_make_project (f->dir, "p.crb", &project_path);
  story = g_list_model_get_item (crb_project_get_stories (project), 0);
  first = g_list_model_get_item (crb_story_get_claims (story), 0);
  second = g_list_model_get_item (crb_story_get_claims (story), 1);
  corrected->corrected_text = g_strdup ("“Zwölf” died,\nnot 133 \\ \"sic\"");
  corrected->annotator = g_strdup ("ana");
  corrected->time = g_strdup ("2026-01-02T03:04:05Z");
  crb_claim_set_decision (first, corrected);
  rejected->reason = CRB_REJECT_REASON_DUPLICATE;
  rejected->note = g_strdup ("see the first");
  crb_claim_set_decision (second, rejected);

  exported = export_all (project);
  path = crb_test_write_file (f->dir, "export.jsonl", g_bytes_get_data (exported, NULL),
                              g_bytes_get_size (exported));
  file = g_file_new_for_path (path);

  rebuilt = crb_project_new ("Rebuilt");
  crb_project_import_export (rebuilt, file, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (crb_project_get_stories (rebuilt)), ==, 2);

  claim = crb_project_find_claim (rebuilt, crb_claim_get_id (first), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crb_decision_equal (crb_claim_get_decision (claim), corrected));
  /* A decision without a name is exported, and so read back, as "anonymous". */
  rejected->annotator = g_strdup ("anonymous");
  claim = crb_project_find_claim (rebuilt, crb_claim_get_id (second), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (crb_decision_equal (crb_claim_get_decision (claim), rejected));

  again = export_all (rebuilt);
  g_assert_true (g_bytes_equal (again, exported));
}

static void
test_export_round_trip_refuses (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (CrbProject) rebuilt = crb_project_new ("Rebuilt");
  g_autoptr (GBytes) exported = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *project_path = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  guint64 revision = crb_project_get_revision (rebuilt);

  project = crb_test_make_project (f->dir, "p.crb", &project_path);
  exported = export_all (project);
  contents = g_strndup (g_bytes_get_data (exported, NULL), g_bytes_get_size (exported));
  lines = g_strsplit (contents, "\n", 3);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  /* A good first line, then one the export would never write. */
  g_free (contents);
  contents = g_strconcat (lines[0], "\n", "{\"id\": 7}\n", NULL);
  path = crb_test_write_file (f->dir, "bad.jsonl", contents, -1);
  file = g_file_new_for_path (path);

  g_assert_false (crb_project_import_export (rebuilt, file, NULL, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
  g_assert_nonnull (strstr (error->message, "bad.jsonl:2: "));
  g_assert_nonnull (strstr (error->message, "“id”"));

  /* The project is as it was. */
  g_assert_cmpuint (g_list_model_get_n_items (crb_project_get_stories (rebuilt)), ==, 0);
  g_assert_cmpuint (crb_project_get_revision (rebuilt), ==, revision);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/corroborate/import/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("text", test_text_file);
  ADD ("date-prefix", test_date_prefix);
  ADD ("markdown-front-matter", test_markdown_front_matter);
  ADD ("html", test_html);
  ADD ("folders", test_folders_make_stories);
  ADD ("corpus", test_corpus);
  ADD ("bad-inputs", test_bad_inputs);
  ADD ("bad-file-refuses-whole-import", test_bad_file_refuses_whole_import);
  ADD ("legacy-encoding", test_legacy_encoding);
  ADD ("extract-offsets", test_extract_claims_offsets);
  ADD ("export-round-trip", test_export_round_trip);
  ADD ("export-round-trip-refuses", test_export_round_trip_refuses);

  return g_test_run ();
}
