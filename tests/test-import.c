/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "crb-error.h"
#include "crb-export.h"
#include "crb-extract.h"
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
  /* The text is the file's, line ends and all; a headline-like first
   * line becomes the title. */
  g_assert_cmpstr (crb_article_get_text (article), ==,
                   "Bridge closed after crash\r\n\r\nThe bridge was closed on Monday, police said.\r\n");
  g_assert_cmpstr (crb_article_get_title (article), ==, "Bridge closed after crash");
  g_assert_cmpuint (crb_article_get_body_start (article), ==, 0);
  /* Its sha256 is the file's, so the file is not recorded again. */
  g_assert_cmpstr (crb_article_get_sha256 (article), ==,
                   "397a8e7e93ecefc5b44a0b29349a0f0aac2ada8e5b0c074570fd22e9f87382a9");
  g_assert_null (crb_article_get_source_sha256 (article));
  /* The source is the file's name, never its absolute path. */
  g_assert_cmpstr (crb_article_get_source (article), ==, "001_76ee82237eabb591.txt");
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
  /* The date stays in the text, before the body. */
  g_assert_true (g_str_has_prefix (crb_article_get_text (article), " date 2024-05-24 On Friday, Russia said"));
  g_assert_cmpuint (crb_article_get_body_start (article), ==, 17);
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
  g_assert_cmpstr (crb_article_get_text (article), ==,
                   "---\ntitle: Floods in the valley\noutlet: Valley Times\n"
                   "url: https://valley.example/floods\ndate: 2025-01-02\n---\n"
                   "Floods cut off 12 villages on Thursday.\n");
  {
    g_autofree char *body = crb_article_dup_slice (article, crb_article_get_body_start (article),
                                                   crb_article_get_length (article));

    g_assert_cmpstr (body, ==, "Floods cut off 12 villages on Thursday.\n");
  }
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
  g_autofree char *expected = g_strdup (utf8);

  items = import_one (f, path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_article_get_text (article_at (items, 0)), ==, expected);
  /* Converted, and said so, naming the file and the encoding. */
  g_assert_cmpuint (f->warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (f->warnings, 0), "legacy.txt"));
  g_assert_nonnull (strstr (g_ptr_array_index (f->warnings, 0), "1252"));
  /* The text is not the file's bytes: the file's sha256 is recorded. */
  {
    g_autofree char *file_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, latin, -1);

    g_assert_cmpstr (crb_article_get_source_sha256 (article_at (items, 0)), ==, file_sha256);
  }
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

/* Issue 13: a no-break space in <head>, in windows-1252, made the HTML
 * reader write half a character; crb_article_new() then returned NULL
 * without an error and the import crashed.  Any input gives an article
 * or an error naming the file.
 */
static void
test_html_nbsp_in_head (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *bare = crb_test_write_file (f->dir, "x.html", "<head>\xa0", -1);
  g_autofree char *with_text = crb_test_write_file (f->dir, "y.html", "<head>\xa0<p>Caf\xe9 open</p>", -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;

  items = import_one (f, bare, &error);
  g_assert_null (items);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_EMPTY);
  g_assert_true (g_str_has_suffix (bare, "x.html"));
  g_assert_true (g_str_has_prefix (error->message, bare));
  g_clear_error (&error);

  items = import_one (f, with_text, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_article_get_text (article_at (items, 0)), ==, "Café open");
}

/* Issue 13: a 1-byte file made the metadata reader compare 3 bytes. */
static void
test_one_byte_files (Fixture       *f,
                     gconstpointer  data)
{
  static const struct { const char *name, *contents, *text; } cases[] = {
    { "a.txt", "a", "a" },
    { "b.md", "-", "-" },
    { "c.html", "c", "c" },
    { "d.txt", "\xe9", "é" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = crb_test_write_file (f->dir, cases[i].name, cases[i].contents, -1);
      g_autoptr (GPtrArray) items = NULL;
      g_autoptr (GError) error = NULL;

      items = import_one (f, path, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (crb_article_get_text (article_at (items, 0)), ==, cases[i].text);
    }

  {
    g_autofree char *path = crb_test_write_file (f->dir, "e.jsonl", "{", -1);
    g_autoptr (GPtrArray) items = NULL;
    g_autoptr (GError) error = NULL;

    items = import_one (f, path, &error);
    g_assert_null (items);
    g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
    g_assert_true (g_str_has_prefix (error->message, path));
  }
}

/* Issue 18: the text is the source's exactly (trailing spaces, CRLF,
 * blank-line runs, the metadata at its head); the metadata is marked by
 * the body start and never proposed as claims.
 */
static void
test_verbatim_text (Fixture       *f,
                    gconstpointer  data)
{
  static const char source[] =
    "---\r\ntitle: 133 people died in the attack, officials said on 22 March 2024\r\n---\r\n\r\n"
    "date 2024-03-23\r\n"
    "Officials said 133 people died in the attack on Friday.  \r\n\r\n\r\n\r\n"
    "Rescuers pulled 42 survivors from the rubble in Türkiye, the ministry said.\t\r\n";
  g_autofree char *path = crb_test_write_file (f->dir, "verbatim.md", source, -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) claims = NULL;
  g_autoptr (GPtrArray) sentences = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, source, -1);
  g_autofree char *metadata = NULL;
  CrbArticle *article;
  const char *body;
  gsize body_bytes;

  items = import_one (f, path, &error);
  g_assert_no_error (error);
  article = article_at (items, 0);
  g_assert_cmpstr (crb_article_get_text (article), ==, source);
  g_assert_cmpstr (crb_article_get_sha256 (article), ==, sha256);
  g_assert_null (crb_article_get_source_sha256 (article));
  g_assert_cmpstr (crb_article_get_date (article), ==, "2024-03-23");
  g_assert_cmpstr (crb_article_get_title (article), ==,
                   "133 people died in the attack, officials said on 22 March 2024");

  body = strstr (source, "Officials said");
  body_bytes = (gsize) (body - source);
  g_assert_cmpuint (crb_article_get_body_start (article), ==, g_utf8_strlen (source, (gssize) body_bytes));
  metadata = crb_article_dup_slice (article, 0, crb_article_get_body_start (article));
  g_assert_true (g_str_has_suffix (metadata, "date 2024-03-23\r\n"));

  /* Claims from the body only, slicing the source. */
  claims = crb_extract_article_claims (article, 0.0);
  g_assert_cmpuint (claims->len, ==, 2);
  for (guint i = 0; i < claims->len; i++)
    {
      CrbClaim *claim = g_ptr_array_index (claims, i);
      g_autofree char *slice = crb_article_dup_slice (article, crb_claim_get_start (claim),
                                                      crb_claim_get_end (claim));

      g_assert_cmpuint (crb_claim_get_start (claim), >=, crb_article_get_body_start (article));
      g_assert_cmpstr (slice, ==, crb_claim_get_text (claim));
    }
  g_assert_cmpstr (crb_claim_get_text (g_ptr_array_index (claims, 0)), ==,
                   "Officials said 133 people died in the attack on Friday.");

  /* The sentences the CLI lists: body only, byte offsets into the text. */
  sentences = crb_extract_article_sentences (article);
  g_assert_cmpuint (sentences->len, >, 0);
  for (guint i = 0; i < sentences->len; i++)
    {
      CrbSentence *sentence = g_ptr_array_index (sentences, i);

      g_assert_cmpuint (sentence->start, >=, body_bytes);
      g_assert_cmpuint (sentence->end, <=, strlen (source));
    }
}

/* Where the text is not the file's bytes, the file's sha256 is kept as
 * source_sha256; a byte order mark is removed by decoding.
 */
static void
test_source_sha256 (Fixture       *f,
                    gconstpointer  data)
{
  static const char page[] = "<html><head><title>Port fire</title></head>"
                             "<body><p>A fire burned for 6 hours, firefighters said.</p></body></html>";
  static const char bom[] = "\xef\xbb\xbf" "The council voted 31 to 7 on Monday.\n";
  g_autofree char *html_path = crb_test_write_file (f->dir, "page.html", page, -1);
  g_autofree char *bom_path = crb_test_write_file (f->dir, "bom.txt", bom, -1);
  g_autofree char *page_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, page, -1);
  g_autofree char *bom_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, bom, -1);
  g_autofree char *text_sha256 = g_compute_checksum_for_string (G_CHECKSUM_SHA256, bom + 3, -1);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  CrbArticle *article;

  items = import_one (f, html_path, &error);
  g_assert_no_error (error);
  article = article_at (items, 0);
  g_assert_cmpstr (crb_article_get_text (article), ==, "A fire burned for 6 hours, firefighters said.");
  g_assert_cmpstr (crb_article_get_source_sha256 (article), ==, page_sha256);
  g_assert_cmpstr (crb_article_get_source (article), ==, "page.html");
  g_clear_pointer (&items, g_ptr_array_unref);

  items = import_one (f, bom_path, &error);
  g_assert_no_error (error);
  article = article_at (items, 0);
  g_assert_cmpstr (crb_article_get_text (article), ==, bom + 3);
  g_assert_cmpstr (crb_article_get_sha256 (article), ==, text_sha256);
  g_assert_cmpstr (crb_article_get_source_sha256 (article), ==, bom_sha256);
}

/* Issue 13, item 8: sources are file names, or paths relative to the
 * folder imported, never absolute paths; corpus lines add ":LINE".
 */
static void
test_relative_sources (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *a = crb_test_write_file (f->dir, "in/top.txt", "Top level article.\n", -1);
  g_autofree char *b = crb_test_write_file (f->dir, "in/quake/day 1/b.txt", "Second article.\n", -1);
  g_autofree char *c = crb_test_write_file (f->dir, "in/quake/news.jsonl",
                                            "{\"text\": \"One.\"}\n\n{\"text\": \"Two.\"}\n", -1);
  g_autofree char *folder = g_build_filename (f->dir, "in", NULL);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) alone = NULL;
  g_autoptr (GError) error = NULL;

  items = import_one (f, folder, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 4);
  g_assert_cmpstr (crb_article_get_source (article_at (items, 0)), ==, "quake/day 1/b.txt");
  g_assert_cmpstr (crb_article_get_source (article_at (items, 1)), ==, "quake/news.jsonl:1");
  g_assert_cmpstr (crb_article_get_source (article_at (items, 2)), ==, "quake/news.jsonl:3");
  g_assert_cmpstr (crb_article_get_source (article_at (items, 3)), ==, "top.txt");

  alone = import_one (f, c, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (crb_article_get_source (article_at (alone, 0)), ==, "news.jsonl:1");
}

/* The body start and the source's sha256 are kept by the project file,
 * and by a native export read back.
 */
static void
test_body_start_round_trip (Fixture       *f,
                            gconstpointer  data)
{
  g_autofree char *a = crb_test_write_file (f->dir, "in/a.txt",
                                            "date 2024-05-24\nThe mayor said 133 people died on Friday.\n", -1);
  g_autofree char *b = crb_test_write_file (f->dir, "in/b.html",
                                            "<p>Officials said 144 people died on Friday.</p>", -1);
  g_autofree char *folder = g_build_filename (f->dir, "in", NULL);
  g_autofree char *project_path = g_build_filename (f->dir, "p.crb", NULL);
  g_autofree char *export_path = g_build_filename (f->dir, "all.jsonl", NULL);
  g_autoptr (GFile) project_file = g_file_new_for_path (project_path);
  g_autoptr (GFile) export_file = g_file_new_for_path (export_path);
  g_autoptr (CrbProject) project = crb_project_new ("p");
  g_autoptr (CrbProject) loaded = NULL;
  g_autoptr (CrbProject) rebuilt = crb_project_new ("rebuilt");
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GBytes) exported = NULL;
  g_autoptr (GError) error = NULL;
  CrbProject *projects[2];

  items = import_one (f, folder, &error);
  g_assert_no_error (error);
  crb_project_import (project, items, "Story", 0.5, NULL, &error);
  g_assert_no_error (error);
  crb_project_save (project, project_file, NULL, &error);
  g_assert_no_error (error);
  loaded = crb_project_load (project_file, NULL, &error);
  g_assert_no_error (error);

  exported = export_all (loaded);
  g_file_replace_contents (export_file, g_bytes_get_data (exported, NULL), g_bytes_get_size (exported),
                           NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, &error);
  g_assert_no_error (error);
  crb_project_import_export (rebuilt, export_file, NULL, &error);
  g_assert_no_error (error);

  projects[0] = loaded;
  projects[1] = rebuilt;
  for (guint i = 0; i < G_N_ELEMENTS (projects); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (crb_project_get_stories (projects[i]), 0);
      CrbArticle *text, *page;

      crb_story_ensure_loaded (story, &error);
      g_assert_no_error (error);
      text = crb_story_lookup_article (story, "a");
      page = crb_story_lookup_article (story, "b");
      g_assert_cmpuint (crb_article_get_body_start (text), ==, 16);
      g_assert_null (crb_article_get_source_sha256 (text));
      g_assert_cmpuint (crb_article_get_body_start (page), ==, 0);
      g_assert_cmpuint (strlen (crb_article_get_source_sha256 (page)), ==, 64);
      g_assert_cmpstr (crb_article_get_source (text), ==, "a.txt");
    }
}

static void
assert_same_article (CrbArticle *a,
                     CrbArticle *b)
{
  g_assert_cmpstr (crb_article_get_id (a), ==, crb_article_get_id (b));
  g_assert_cmpstr (crb_article_get_text (a), ==, crb_article_get_text (b));
  g_assert_cmpstr (crb_article_get_title (a), ==, crb_article_get_title (b));
  g_assert_cmpstr (crb_article_get_outlet (a), ==, crb_article_get_outlet (b));
  g_assert_cmpstr (crb_article_get_url (a), ==, crb_article_get_url (b));
  g_assert_cmpstr (crb_article_get_date (a), ==, crb_article_get_date (b));
  g_assert_cmpstr (crb_article_get_source (a), ==, crb_article_get_source (b));
  g_assert_cmpstr (crb_article_get_sha256 (a), ==, crb_article_get_sha256 (b));
  g_assert_cmpstr (crb_article_get_source_sha256 (a), ==, crb_article_get_source_sha256 (b));
  g_assert_cmpuint (crb_article_get_body_start (a), ==, crb_article_get_body_start (b));
}

/* crb_import_scan() keeps where each article is and reads it again: the
 * same items, warnings and articles as crb_import_paths(), for files,
 * HTML, UTF-8 corpora (a byte order mark, CRLF, blank lines, white space
 * around lines, escapes) and a corpus in another encoding (decoded whole).
 */
static void
test_scan_reads_again (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "in", NULL);
  g_autofree char *sub = g_build_filename (folder, "quake", NULL);
  g_autofree char *legacy = NULL;
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) scan_warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GPtrArray) scanned = NULL;
  g_autoptr (GError) error = NULL;
  const char *paths[] = { folder, NULL };
  guint n_deferred = 0;

  g_mkdir_with_parents (sub, 0755);
  g_free (crb_test_write_file (folder, "a.txt", "Bridge closed\n\nThe bridge was closed on Monday, police said.\n", -1));
  g_free (crb_test_write_file (sub, "b.html", "<html><head><title>Quake | Daily</title></head><body><p>"
                                              "At least 12 people died, officials said.</p></body></html>", -1));
  g_free (crb_test_write_file (folder, "corpus.jsonl",
                               "\xef\xbb\xbf{\"id\": \"c1\", \"story\": \"Vote\", \"text\": \"Turnout was 61 percent, "
                               "officials said.\", \"outlet\": \"Gazette\"}\r\n"
                               "\r\n"
                               "   {\"text\": \"No id here: \\u00e9t\\u00e9 \\\"quoted\\\" and a\\nnew line, 3 dead.\","
                               " \"story\": \"Vote\"}   \n"
                               "{\"id\": \"a\", \"text\": \"date 2024-05-24\\nThe same id as a file: 40 homes.\"}\n"
                               "{\"id\": \"c4\", \"text\": \"   \"}\n"
                               "{\"id\": \"c5\", \"text\": \"Last line, no line end: 7 injured.\"}", -1));
  legacy = crb_test_write_file (folder, "legacy.jsonl",
                                "{\"id\": \"l1\", \"text\": \"Caf\xe9 cr\xe8me was served to 40 guests.\"}\n", -1);

  items = crb_import_paths (paths, CRB_IMPORT_SKIP_INVALID, warnings, NULL, &error);
  g_assert_no_error (error);
  scanned = crb_import_scan (paths, CRB_IMPORT_SKIP_INVALID, scan_warnings, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (warnings->len, ==, 2);   /* the blank article, the encoding */
  g_assert_cmpuint (scan_warnings->len, ==, warnings->len);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_cmpstr (g_ptr_array_index (scan_warnings, i), ==, g_ptr_array_index (warnings, i));

  g_assert_cmpuint (items->len, ==, 7);
  g_assert_cmpuint (scanned->len, ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      CrbImportItem *item = g_ptr_array_index (items, i);
      CrbImportItem *scan = g_ptr_array_index (scanned, i);
      g_autoptr (CrbArticle) again = NULL;
      g_autoptr (CrbArticle) renamed = NULL;

      g_assert_cmpstr (scan->story, ==, item->story);
      g_assert_cmpstr (crb_import_item_get_id (scan), ==, crb_article_get_id (item->article));
      n_deferred += scan->article == NULL;

      again = crb_import_item_read (scan, NULL, &error);
      g_assert_no_error (error);
      assert_same_article (again, item->article);

      renamed = crb_import_item_read (scan, "renamed", &error);
      g_assert_no_error (error);
      g_assert_cmpstr (crb_article_get_id (renamed), ==, "renamed");
      g_assert_cmpstr (crb_article_get_text (renamed), ==, crb_article_get_text (item->article));
      g_assert_cmpuint (crb_article_get_body_start (renamed), ==, crb_article_get_body_start (item->article));
    }
  /* All but the legacy corpus's article are read again from their files. */
  g_assert_cmpuint (n_deferred, ==, items->len - 1);

  /* A corpus replaced since it was read is still read as it was (its
   * file stays open); one cut short in place is an error, not garbage.
   */
  g_free (crb_test_write_file (folder, "corpus.jsonl", "{}", -1));
  for (guint i = 0; i < scanned->len; i++)
    {
      CrbImportItem *scan = g_ptr_array_index (scanned, i);
      g_autoptr (CrbArticle) again = NULL;

      if (g_strcmp0 (crb_import_item_get_id (scan), "c5") != 0)
        continue;
      again = crb_import_item_read (scan, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (crb_article_get_text (again), ==, "Last line, no line end: 7 injured.");
    }

  {
    g_autofree char *corpus = crb_test_write_file (f->dir, "cut.jsonl",
                                                   "{\"text\": \"One: 3 dead.\"}\n{\"text\": \"Two: 4 dead.\"}\n", -1);
    const char *cut[] = { corpus, NULL };
    g_autoptr (GPtrArray) cut_items = crb_import_scan (cut, CRB_IMPORT_NONE, scan_warnings, NULL, &error);
    g_autoptr (CrbArticle) again = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (truncate (corpus, 10), ==, 0);
    again = crb_import_item_read (g_ptr_array_index (cut_items, 1), NULL, &error);
    g_assert_null (again);
    g_assert_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND);
    g_assert_true (g_str_has_suffix (error->message, "cut.jsonl:2: the file changed while it was read"));
  }
}

/* A corpus large enough to be checked in parts, in parallel: the items,
 * warnings and first error come out as reading it line after line gives
 * them, whatever the number of threads.
 */
static void
test_scan_in_parts (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr (GString) corpus = g_string_new (NULL);
  g_autofree char *path = NULL;
  const char *paths[2] = { NULL, NULL };

  for (guint i = 0; i < 6000; i++)
    {
      if (i % 997 == 5)
        g_string_append (corpus, "{\"id\": \"blank\", \"text\": \" \"}\n");        /* skipped with a warning */
      else if (i == 4500)
        g_string_append (corpus, "{\"id\": \"broken\", \"text\": \"cut short\n");  /* never an article */
      else if (i % 10 == 3)
        g_string_append (corpus, "\n");
      else
        g_string_append_printf (corpus, "{\"id\": \"a%u\", \"story\": \"Story %u\", \"text\": \"Line %u says that "
                                "%u people were hurt, officials said on Monday in a town by the river.\"}\n",
                                i, i % 7, i, i % 50);
    }
  path = crb_test_write_file (f->dir, "big.jsonl", corpus->str, (gssize) corpus->len);
  paths[0] = path;
  g_assert_cmpuint (corpus->len, >, 4 * 64 * 1024);

  for (guint flags = CRB_IMPORT_NONE; flags <= CRB_IMPORT_SKIP_INVALID; flags++)
    {
      g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
      g_autoptr (GError) error = NULL;
      g_autoptr (GPtrArray) items = crb_import_paths (paths, flags, warnings, NULL, &error);

      g_assert_null (items);
      g_assert_nonnull (error);

      for (guint t = 1; t <= 4; t += 3)
        {
          g_autofree char *threads = g_strdup_printf ("%u", t);
          g_autoptr (GPtrArray) scan_warnings = g_ptr_array_new_with_free_func (g_free);
          g_autoptr (GError) scan_error = NULL;
          g_autoptr (GPtrArray) scanned = NULL;

          g_setenv ("CORROBORATE_THREADS", threads, TRUE);
          scanned = crb_import_scan (paths, flags, scan_warnings, NULL, &scan_error);
          g_unsetenv ("CORROBORATE_THREADS");
          g_assert_null (scanned);
          g_assert_error (scan_error, error->domain, error->code);
          g_assert_cmpstr (scan_error->message, ==, error->message);
          g_assert_cmpuint (scan_warnings->len, ==, warnings->len);
          for (guint i = 0; i < warnings->len; i++)
            g_assert_cmpstr (g_ptr_array_index (scan_warnings, i), ==, g_ptr_array_index (warnings, i));
        }
      g_assert_true (strstr (error->message, flags ? "big.jsonl:4501:" : "big.jsonl:6:") != NULL);
      g_assert_cmpuint (warnings->len, ==, flags ? 5 : 0);
    }

  /* Without the broken line: every item, in order. */
  g_string_replace (corpus, "\"cut short\n", "\"whole\"}\n", 1);
  g_free (crb_test_write_file (f->dir, "big.jsonl", corpus->str, (gssize) corpus->len));
  {
    g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
    g_autoptr (GError) error = NULL;
    g_autoptr (GPtrArray) items = crb_import_paths (paths, CRB_IMPORT_SKIP_INVALID, warnings, NULL, &error);

    g_assert_no_error (error);
    for (guint t = 1; t <= 4; t += 3)
      {
        g_autofree char *threads = g_strdup_printf ("%u", t);
        g_autoptr (GPtrArray) scan_warnings = g_ptr_array_new_with_free_func (g_free);
        g_autoptr (GPtrArray) scanned = NULL;

        g_setenv ("CORROBORATE_THREADS", threads, TRUE);
        scanned = crb_import_scan (paths, CRB_IMPORT_SKIP_INVALID, scan_warnings, NULL, &error);
        g_unsetenv ("CORROBORATE_THREADS");
        g_assert_no_error (error);
        g_assert_cmpuint (scanned->len, ==, items->len);
        g_assert_cmpuint (scan_warnings->len, ==, warnings->len);
        for (guint i = 0; i < items->len; i += 97)
          {
            CrbImportItem *item = g_ptr_array_index (items, i);
            CrbImportItem *scan = g_ptr_array_index (scanned, i);
            g_autoptr (CrbArticle) again = crb_import_item_read (scan, NULL, &error);

            g_assert_no_error (error);
            g_assert_cmpstr (scan->story, ==, item->story);
            assert_same_article (again, item->article);
          }
      }
  }
}

static void
count_progress (guint    done,
                guint    total,
                gpointer user_data)
{
  GArray *seen = user_data;

  g_array_append_val (seen, done);
  g_assert_cmpuint (total, ==, 12);
}

/* crb_import_prepare_full() extracts on every thread: the same claims,
 * progress in order, and the first article that fails is the one named.
 */
static void
test_prepare_in_parallel (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *folder = g_build_filename (f->dir, "in", NULL);
  const char *paths[] = { folder, NULL };
  /* Article 2 fails after a while, article 5 at once: 2 is the one named. */
  const char *command = "/bin/sh -c 'read -r l; case \"$l\" in *BAD2*) sleep 0.3; echo two >&2; exit 4;; "
                        "*BAD5*) echo five >&2; exit 3;; esac'";

  for (guint i = 0; i < 12; i++)
    {
      g_autofree char *name = g_strdup_printf ("a%02u.txt", i);
      g_autofree char *text = g_strdup_printf ("%s: at least %u people were hurt on Monday, police said. "
                                               "The bridge carried %u cars a day.\n",
                                               i == 2 ? "BAD2" : i == 5 ? "BAD5" : "Fine", i + 3, 1000 * i);

      g_free (crb_test_write_file (folder, name, text, -1));
    }

  for (guint t = 1; t <= 3; t += 2)
    {
      g_autofree char *threads = g_strdup_printf ("%u", t);
      g_autoptr (GArray) seen = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GPtrArray) items = NULL;
      g_autoptr (GPtrArray) failed = NULL;
      g_autoptr (GError) error = NULL;

      g_setenv ("CORROBORATE_THREADS", threads, TRUE);
      items = crb_import_prepare_full (paths, CRB_IMPORT_NONE, 0.0, NULL, 0, f->warnings, count_progress, seen,
                                       NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (seen->len, ==, 12);
      for (guint i = 0; i < items->len; i++)
        {
          CrbImportItem *item = g_ptr_array_index (items, i);
          g_autoptr (GPtrArray) claims = crb_extract_article_claims (item->article, 0.0);

          g_assert_cmpuint (g_array_index (seen, guint, i), ==, i + 1);
          g_assert_cmpuint (item->claims->len, ==, claims->len);
          g_assert_cmpuint (claims->len, >, 0);
          for (guint j = 0; j < claims->len; j++)
            {
              CrbClaim *a = g_ptr_array_index (item->claims, j);
              CrbClaim *b = g_ptr_array_index (claims, j);

              g_assert_cmpstr (crb_claim_get_id (a), ==, crb_claim_get_id (b));
              g_assert_cmpstr (crb_claim_get_text (a), ==, crb_claim_get_text (b));
              g_assert_cmpuint (crb_claim_get_start (a), ==, crb_claim_get_start (b));
              g_assert_cmpfloat (crb_claim_get_score (a), ==, crb_claim_get_score (b));
            }
        }

      failed = crb_import_prepare_full (paths, CRB_IMPORT_NONE, 0.0, command, 10, f->warnings, NULL, NULL,
                                        NULL, &error);
      g_unsetenv ("CORROBORATE_THREADS");
      g_assert_null (failed);
      g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
      g_assert_true (g_str_has_suffix (error->message, "exited with status 4: two"));
    }
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
  ADD ("html-nbsp-in-head", test_html_nbsp_in_head);
  ADD ("one-byte-files", test_one_byte_files);
  ADD ("verbatim-text", test_verbatim_text);
  ADD ("source-sha256", test_source_sha256);
  ADD ("relative-sources", test_relative_sources);
  ADD ("body-start-round-trip", test_body_start_round_trip);
  ADD ("scan-reads-again", test_scan_reads_again);
  ADD ("scan-in-parts", test_scan_in_parts);
  ADD ("prepare-in-parallel", test_prepare_in_parallel);

  return g_test_run ();
}
