/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "crb-test-utils.h"

#include <glib/gstdio.h>

#include "crb-import.h"

char *
crb_test_make_dir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("crb-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

char *
crb_test_write_file (const char *dir,
                     const char *name,
                     const char *contents,
                     gssize      length)
{
  g_autoptr (GError) error = NULL;
  char *path = g_build_filename (dir, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_mkdir_with_parents (parent, 0755);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
crb_test_read_file (const char *path)
{
  g_autoptr (GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* A project of two stories, made from articles written here, saved. */
CrbProject *
crb_test_make_project (const char  *dir,
                       const char  *name,
                       char       **path)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GFile) file = NULL;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;
  g_autofree char *project_path = g_build_filename (dir, name, NULL);
  CrbProject *project;
  const char *inputs[4];

  a = crb_test_write_file (dir, "in/quake/first.txt",
                           "The earthquake killed 133 people in Türkiye on Friday, officials said.\n\n"
                           "Rescuers pulled 42 survivors from the rubble, the ministry said.\n", -1);
  b = crb_test_write_file (dir, "in/quake/second.txt",
                           "Officials said on Saturday that at least 144 people died in the earthquake.\n\n"
                           "The “Red Crescent” said 3,200 tents were sent to the region.\n", -1);
  c = crb_test_write_file (dir, "in/vote/third.txt",
                           "Москва: the city council voted 31 to 7 to approve a budget of 2.5 billion roubles.\n\n"
                           "The mayor said the vote was 🎉 historic and promised 500 new buses.\n", -1);
  inputs[0] = a;
  inputs[1] = b;
  inputs[2] = c;
  inputs[3] = NULL;

  project = crb_project_new ("Test project");
  items = crb_import_paths (inputs, CRB_IMPORT_NONE, warnings, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (items);
  g_assert_cmpuint (items->len, ==, 3);
  /* The third article goes to a story of its own. */
  g_free (((CrbImportItem *) g_ptr_array_index (items, 2))->story);
  ((CrbImportItem *) g_ptr_array_index (items, 2))->story = g_strdup ("Council vote");
  crb_project_import (project, items, "Earthquake", 0.0, NULL, &error);
  g_assert_no_error (error);

  file = g_file_new_for_path (project_path);
  crb_project_save (project, file, NULL, &error);
  g_assert_no_error (error);

  if (path != NULL)
    *path = g_steal_pointer (&project_path);
  return project;
}

void
crb_test_remove_tree (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    {
      g_unlink (dir);
      return;
    }

  while ((name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        crb_test_remove_tree (path);
      else
        g_unlink (path);
    }

  g_rmdir (dir);
}

/* The changes a journal holds, as JSON objects (JsonNode), without its
 * first line (which names the file it belongs to) and marks of compaction.
 */
GPtrArray *
crb_test_read_journal (const char *path)
{
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  GPtrArray *changes = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return changes;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i]; i++)
    {
      JsonNode *node;

      if (*lines[i] == '\0')
        continue;
      node = json_from_string (lines[i], NULL);
      g_assert_nonnull (node);
      if (json_object_has_member (json_node_get_object (node), "journal") ||
          json_object_has_member (json_node_get_object (node), "folded_into"))
        {
          json_node_unref (node);
          continue;
        }
      g_ptr_array_add (changes, node);
    }
  return changes;
}

/* The claims of every story of @project (from the header: nothing parsed). */
guint
crb_test_count_claims (CrbProject *project)
{
  GListModel *stories = crb_project_get_stories (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      n += crb_story_get_n_claims (story);
    }
  return n;
}
