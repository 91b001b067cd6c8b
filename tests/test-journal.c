/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crb-error.h"
#include "crb-journal.h"
#include "crb-test-utils.h"

static void
test_append_flush_read (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "sub", "j.jsonl", NULL);
  g_autoptr (CrbJournal) journal = crb_journal_new (path);
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *line = g_strdup_printf ("{\"rev\":%u,\"text\":\"Москва %u\"}", i, i);
      crb_journal_append (journal, i, line);
    }

  g_assert_true (crb_journal_flush (journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crb_journal_get_durable_revision (journal), ==, 100);

  lines = crb_journal_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 100);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpint (json_object_get_int_member (json_node_get_object (g_ptr_array_index (lines, i)), "rev"),
                     ==, i + 1);

  crb_test_remove_tree (dir);
}

static void
test_torn_last_line (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = crb_test_write_file (dir, "j.jsonl",
                                               "{\"rev\":1}\n{\"rev\":2}\n{\"rev\":3,\"op\":\"dec", -1);
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  /* A crash in the middle of a write leaves a partial last line: dropped. */
  lines = crb_journal_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);

  crb_test_remove_tree (dir);
}

static void
test_append_after_torn_tail (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = crb_test_write_file (dir, "j.jsonl", "{\"rev\":1}\n{\"rev\":2,\"op\":\"dec", -1);
  g_autoptr (CrbJournal) journal = crb_journal_new (path);
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  /* A writer died mid-line; the next one must not glue its line to it. */
  crb_journal_append (journal, 2, "{\"rev\":2}");
  crb_journal_append (journal, 3, "{\"rev\":3}");
  g_assert_true (crb_journal_flush (journal, &error));

  lines = crb_journal_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (g_ptr_array_index (lines, 1)), "rev"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (g_ptr_array_index (lines, 2)), "rev"), ==, 3);

  crb_test_remove_tree (dir);
}

static void
test_corrupt_middle (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = crb_test_write_file (dir, "j.jsonl", "{\"rev\":1}\nnot json\n{\"rev\":3}\n", -1);
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  lines = crb_journal_read (path, &error);
  g_assert_null (lines);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
  g_assert_nonnull (strstr (error->message, ":2:"));

  crb_test_remove_tree (dir);
}

static void
test_missing_is_empty (void)
{
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  lines = crb_journal_read ("/nonexistent/journal.jsonl", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 0);
}

static void
test_compact (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "j.jsonl", NULL);
  g_autoptr (CrbJournal) journal = crb_journal_new (path);
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  crb_journal_append (journal, 1, "{\"rev\":1}");
  crb_journal_append (journal, 2, "{\"rev\":2}");
  crb_journal_compact (journal, 1);
  /* Appended after the compaction was queued: kept. */
  crb_journal_append (journal, 3, "{\"rev\":3}");
  g_assert_true (crb_journal_flush (journal, &error));

  lines = crb_journal_read (path, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (g_ptr_array_index (lines, 0)), "rev"), ==, 2);

  /* Everything saved: the journal file goes away. */
  crb_journal_compact (journal, 3);
  g_assert_true (crb_journal_flush (journal, &error));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  /* And appending starts a new one. */
  crb_journal_append (journal, 4, "{\"rev\":4}");
  g_assert_true (crb_journal_flush (journal, &error));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = crb_journal_read (path, &error);
  g_assert_cmpuint (lines->len, ==, 1);

  crb_test_remove_tree (dir);
}

static void
test_unwritable (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *blocker = crb_test_write_file (dir, "file", "x", -1);
  g_autofree char *path = g_build_filename (blocker, "j.jsonl", NULL);
  g_autoptr (CrbJournal) journal = crb_journal_new (path);
  g_autoptr (GError) error = NULL;

  crb_journal_append (journal, 1, "{\"rev\":1}");
  g_test_expect_message ("crb-journal", G_LOG_LEVEL_WARNING, "*");
  g_assert_false (crb_journal_flush (journal, &error));
  g_test_assert_expected_messages ();
  g_assert_nonnull (error);
  g_assert_cmpuint (crb_journal_get_durable_revision (journal), ==, 0);

  crb_test_remove_tree (dir);
}

static void
test_path_for_project (void)
{
  g_autofree char *path = crb_journal_path_for_project ("abc");

  g_assert_true (g_str_has_prefix (path, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (path, "corroborate/journal/abc.jsonl"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/corroborate/journal/append-flush-read", test_append_flush_read);
  g_test_add_func ("/corroborate/journal/torn-last-line", test_torn_last_line);
  g_test_add_func ("/corroborate/journal/append-after-torn-tail", test_append_after_torn_tail);
  g_test_add_func ("/corroborate/journal/corrupt-middle", test_corrupt_middle);
  g_test_add_func ("/corroborate/journal/missing-is-empty", test_missing_is_empty);
  g_test_add_func ("/corroborate/journal/compact", test_compact);
  g_test_add_func ("/corroborate/journal/unwritable", test_unwritable);
  g_test_add_func ("/corroborate/journal/path", test_path_for_project);

  return g_test_run ();
}
