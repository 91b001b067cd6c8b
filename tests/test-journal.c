/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crb-error.h"
#include "crb-journal.h"
#include "crb-test-utils.h"

/* A journal on a project file of its own, as the project opens it. */
static CrbJournal *
open_journal (const char *dir,
              const char *project_id,
              const char *save_id,
              char      **file_path)
{
  g_autofree char *path = g_build_filename (dir, "p.crb", NULL);
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  CrbJournal *journal;
  GStatBuf st;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    g_assert_true (g_file_set_contents (path, "{}\n", -1, NULL));
  file = g_file_new_for_path (path);
  journal = crb_journal_open (project_id, file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_true (crb_journal_lock (journal, &error));
  crb_journal_attach (journal, save_id, st.st_dev, st.st_ino, NULL);
  crb_journal_unlock (journal);
  if (file_path)
    *file_path = g_steal_pointer (&path);
  return journal;
}

static void
append (CrbJournal *journal,
        guint64     revision,
        const char *line)
{
  g_autoptr (GError) error = NULL;

  g_assert_true (crb_journal_lock (journal, &error));
  g_assert_true (crb_journal_append (journal, revision, line, &error));
  g_assert_no_error (error);
  crb_journal_unlock (journal);
}

static GPtrArray *
read_new (CrbJournal *journal,
          GPtrArray  *problems)
{
  GPtrArray *lines;

  g_assert_true (crb_journal_lock (journal, NULL));
  lines = crb_journal_read_new (journal, problems);
  crb_journal_unlock (journal);
  return lines;
}

static gint64
rev_of (GPtrArray *lines,
        guint      i)
{
  return json_object_get_int_member (((CrbJournalLine *) g_ptr_array_index (lines, i))->object, "rev");
}

static void
test_append_flush_read (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autoptr (CrbJournal) journal = open_journal (dir, "p1", "s1", NULL);
  g_autoptr (CrbJournal) other = open_journal (dir, "p1", "s1", NULL);
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) error = NULL;

  for (guint i = 1; i <= 100; i++)
    {
      g_autofree char *line = g_strdup_printf ("{\"rev\":%u,\"text\":\"Москва %u\"}", i, i);
      append (journal, i, line);
    }

  g_assert_true (crb_journal_flush (journal, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (crb_journal_get_durable_revision (journal), ==, 100);
  g_assert_true (g_str_has_prefix (crb_journal_get_path (journal), g_get_user_data_dir ()));

  /* Another reader of the same file's journal sees every line, in order;
   * the writer itself has read up to its own last line.
   */
  g_assert_true (crb_journal_has_new (other));
  lines = read_new (other, NULL);
  g_assert_cmpuint (lines->len, ==, 100);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpint (rev_of (lines, i), ==, i + 1);
  g_assert_false (crb_journal_has_new (other));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = read_new (journal, NULL);
  g_assert_cmpuint (lines->len, ==, 0);

  /* The other appends; the first reads only that. */
  append (other, 101, "{\"rev\":101}");
  g_assert_true (crb_journal_has_new (journal));
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = read_new (journal, NULL);
  g_assert_cmpuint (lines->len, ==, 1);
  g_assert_cmpint (rev_of (lines, 0), ==, 101);

  crb_test_remove_tree (dir);
}

static void
test_torn_last_line (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autoptr (CrbJournal) journal = open_journal (dir, "p2", "s1", NULL);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *path = NULL;

  append (journal, 1, "{\"rev\":1}");
  append (journal, 2, "{\"rev\":2}");
  crb_journal_flush (journal, NULL);
  path = g_strdup (crb_journal_get_path (journal));
  g_clear_object (&journal);

  /* A crash in the middle of a write leaves a partial last line: it was
   * never reported durable, so it is dropped without a word, and the next
   * append goes after the last complete line.
   */
  {
    g_autofree char *contents = NULL;
    g_autofree char *torn = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    torn = g_strconcat (contents, "{\"rev\":3,\"op\":\"dec", NULL);
    g_assert_true (g_file_set_contents (path, torn, -1, NULL));
  }

  journal = open_journal (dir, "p2", "s1", NULL);
  lines = read_new (journal, problems);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpuint (problems->len, ==, 0);

  append (journal, 3, "{\"rev\":3}");
  g_clear_object (&journal);
  journal = open_journal (dir, "p2", "s1", NULL);
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = read_new (journal, problems);
  g_assert_cmpuint (lines->len, ==, 3);
  g_assert_cmpint (rev_of (lines, 2), ==, 3);

  crb_test_remove_tree (dir);
}

/* One damaged line never costs the others: it is reported with the
 * journal's path and line, kept in set-aside.jsonl, and skipped.
 */
static void
test_damaged_middle (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autoptr (CrbJournal) journal = open_journal (dir, "p3", "s1", NULL);
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *set_aside = NULL;
  g_autofree char *path = NULL;

  append (journal, 1, "{\"rev\":1}");
  append (journal, 2, "{\"rev\":2}");
  crb_journal_flush (journal, NULL);
  path = g_strdup (crb_journal_get_path (journal));
  g_clear_object (&journal);

  {
    g_autofree char *contents = NULL;
    g_autofree char *damaged = NULL;

    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    damaged = g_strconcat (contents, "garbage \xff\xfe not json\n{\"rev\":3}\n[1,2]\n{\"rev\":4}\n", NULL);
    g_assert_true (g_file_set_contents (path, damaged, -1, NULL));
  }

  journal = open_journal (dir, "p3", "s1", NULL);
  lines = read_new (journal, problems);
  g_assert_cmpuint (lines->len, ==, 4);
  g_assert_cmpint (rev_of (lines, 2), ==, 3);
  g_assert_cmpint (rev_of (lines, 3), ==, 4);

  g_assert_cmpuint (problems->len, ==, 2);
  g_assert_true (strstr (problems->pdata[0], path) != NULL);
  g_assert_true (strstr (problems->pdata[0], ":4:") != NULL);
  g_assert_true (strstr (problems->pdata[0], "set-aside.jsonl") != NULL);
  g_assert_true (strstr (problems->pdata[1], ":6:") != NULL);

  g_assert_true (g_file_get_contents (crb_journal_get_set_aside_path (journal), &set_aside, NULL, NULL));
  g_assert_true (strstr (set_aside, "garbage") != NULL);
  g_assert_true (strstr (set_aside, "[1,2]") != NULL);

  /* Read again (another program, the next start): kept once only. */
  g_clear_object (&journal);
  g_ptr_array_set_size (problems, 0);
  journal = open_journal (dir, "p3", "s1", NULL);
  g_clear_pointer (&lines, g_ptr_array_unref);
  lines = read_new (journal, problems);
  g_assert_cmpuint (lines->len, ==, 4);
  {
    g_autofree char *again = NULL;

    g_assert_true (g_file_get_contents (crb_journal_get_set_aside_path (journal), &again, NULL, NULL));
    g_assert_cmpstr (again, ==, set_aside);
  }

  crb_test_remove_tree (dir);
}

/* A journal belongs to one state of one file: a copy of the file (same
 * save id, another inode) does not see it.
 */
static void
test_journal_of_a_copy (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = NULL;
  g_autoptr (CrbJournal) journal = open_journal (dir, "p4", "s1", &path);
  g_autofree char *copy_dir = g_build_filename (dir, "copy", NULL);
  g_autoptr (CrbJournal) copy = NULL;
  g_autoptr (GPtrArray) lines = NULL;

  append (journal, 1, "{\"rev\":1}");
  g_assert_cmpint (g_mkdir (copy_dir, 0700), ==, 0);
  copy = open_journal (copy_dir, "p4", "s1", NULL);
  g_assert_cmpstr (crb_journal_get_path (copy), !=, crb_journal_get_path (journal));
  lines = read_new (copy, NULL);
  g_assert_cmpuint (lines->len, ==, 0);

  crb_test_remove_tree (dir);
}

/* The lease: rewriting the file needs it alone. */
static void
test_exclusive_lease (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autoptr (CrbJournal) journal = open_journal (dir, "p5", "s1", NULL);
  CrbJournal *other = open_journal (dir, "p5", "s1", NULL);

  g_assert_false (crb_journal_try_exclusive (journal));
  g_object_unref (other);
  g_assert_true (crb_journal_try_exclusive (journal));

  /* While it is exclusive, nobody else opens the file... */
  crb_journal_end_exclusive (journal);
  other = open_journal (dir, "p5", "s1", NULL);
  g_assert_false (crb_journal_try_exclusive (other));
  g_object_unref (other);

  crb_test_remove_tree (dir);
}

static gint try_done;

static gpointer
try_exclusive_thread (gpointer journal)
{
  gboolean got = crb_journal_try_exclusive (journal);

  g_atomic_int_set (&try_done, 1);
  return GINT_TO_POINTER (got);
}

/* flock() converts a lock by dropping it first: a refused try leaves the
 * file without the shared lease for a moment, so the lease changes hands
 * only with the lock held, and no other program can take the lease in
 * that moment and rewrite the file under a program that has it open.
 */
static void
test_lease_changes_under_the_lock (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autoptr (CrbJournal) journal = open_journal (dir, "p8", "s1", NULL);
  g_autoptr (CrbJournal) other = open_journal (dir, "p8", "s1", NULL);
  g_autoptr (GError) error = NULL;
  GThread *thread;

  g_assert_true (crb_journal_lock (other, &error));
  g_atomic_int_set (&try_done, 0);
  thread = g_thread_new ("try-exclusive", try_exclusive_thread, journal);
  g_usleep (200 * 1000);
  /* still waiting for the lock the other program holds, its shared lease
   * untouched: the other cannot have the lease */
  g_assert_false (g_atomic_int_get (&try_done));
  g_assert_false (crb_journal_try_exclusive (other));
  crb_journal_unlock (other);
  g_assert_false (GPOINTER_TO_INT (g_thread_join (thread)));

  /* and both hold the shared lease again */
  g_assert_false (crb_journal_try_exclusive (other));
  g_assert_false (crb_journal_try_exclusive (journal));

  crb_test_remove_tree (dir);
}

static void
test_write_failure_is_reported (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autoptr (CrbJournal) journal = open_journal (dir, "p6", "s1", NULL);
  g_autoptr (GError) error = NULL;

  /* The journal's folder becomes a file: the append cannot be written. */
  {
    g_autofree char *jdir = g_path_get_dirname (crb_journal_get_path (journal));

    crb_test_remove_tree (jdir);
    g_assert_true (g_file_set_contents (jdir, "", 0, NULL));
  }

  g_assert_true (crb_journal_lock (journal, &error));
  g_assert_false (crb_journal_append (journal, 1, "{\"rev\":1}", &error));
  g_assert_nonnull (error);
  crb_journal_unlock (journal);
  g_assert_cmpuint (crb_journal_get_durable_revision (journal), ==, 0);

  crb_test_remove_tree (dir);
}

static void
test_dir_for_project (void)
{
  g_autofree char *dir = crb_journal_dir_for_project ("abc-123");
  g_autofree char *odd = crb_journal_dir_for_project ("../../etc");

  g_assert_true (g_str_has_suffix (dir, "corroborate/journal/abc-123"));
  /* An id from a hand-made file never leaves the journal folder. */
  g_assert_null (strstr (odd, ".."));
  g_assert_true (g_str_has_prefix (odd, g_get_user_data_dir ()));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/corroborate/journal/append-flush-read", test_append_flush_read);
  g_test_add_func ("/corroborate/journal/torn-last-line", test_torn_last_line);
  g_test_add_func ("/corroborate/journal/damaged-middle", test_damaged_middle);
  g_test_add_func ("/corroborate/journal/copy", test_journal_of_a_copy);
  g_test_add_func ("/corroborate/journal/exclusive-lease", test_exclusive_lease);
  g_test_add_func ("/corroborate/journal/lease-changes-under-the-lock", test_lease_changes_under_the_lock);
  g_test_add_func ("/corroborate/journal/write-failure", test_write_failure_is_reported);
  g_test_add_func ("/corroborate/journal/dir-for-project", test_dir_for_project);

  return g_test_run ();
}
