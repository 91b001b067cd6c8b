/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-open-files"

#include "config.h"

#include "crb-open-files.h"

#include <string.h>

#include "crb-import.h"
#include "crb-utils.h"

/*
 * What opening some files does.  A file is a project when its first line
 * says so ({"format":"corroborate-project", …}), whatever its name; any
 * other file, or a folder, is articles to import.  Articles that already
 * make a project (each file's SHA-256 is an article's "sha256" or
 * "source_sha256" in it; a JSON Lines corpus is named in its sources) are
 * that project's, which is offered instead of a second one.  Reads files:
 * run it in a worker thread (crb_import_plan_new_async()).
 */

#define MAX_DEPTH 8

void
crb_import_plan_free (CrbImportPlan *plan)
{
  if (plan == NULL)
    return;
  g_clear_pointer (&plan->files, g_ptr_array_unref);
  g_clear_pointer (&plan->projects, g_ptr_array_unref);
  g_clear_pointer (&plan->articles, g_ptr_array_unref);
  g_clear_pointer (&plan->names, g_ptr_array_unref);
  g_clear_pointer (&plan->stories, g_ptr_array_unref);
  g_clear_object (&plan->existing);
  g_free (plan);
}

/* Whether @data starts as a project file's header line does. */
static gboolean
has_project_marker (const char *data,
                    gsize       len)
{
  static const char * const tokens[] = { "{", "\"format\"", ":", "\"corroborate-project\"" };
  const char *p = data, *end = data + len;

  if (len >= 3 && memcmp (p, "\xEF\xBB\xBF", 3) == 0)
    p += 3;
  for (guint i = 0; i < G_N_ELEMENTS (tokens); i++)
    {
      gsize n = strlen (tokens[i]);

      while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
        p++;
      if ((gsize) (end - p) < n || memcmp (p, tokens[i], n) != 0)
        return FALSE;
      p += n;
    }
  return TRUE;
}

/**
 * crb_file_is_project:
 *
 * Reads the start of @file (blocking).
 *
 * Returns: whether @file is a Corroborate project, by its first line
 */
gboolean
crb_file_is_project (GFile        *file,
                     GCancellable *cancellable)
{
  g_autoptr (GFileInputStream) in = g_file_read (file, cancellable, NULL);
  char buffer[256];
  gsize n = 0;

  if (in == NULL)
    return FALSE;
  if (!g_input_stream_read_all (G_INPUT_STREAM (in), buffer, sizeof buffer, &n, cancellable, NULL))
    return FALSE;
  return has_project_marker (buffer, n);
}

static gboolean
is_article_name (const char *name)
{
  static const char * const extensions[] = {
    ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".jsonl", ".ndjson",
  };
  g_autofree char *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    if (g_str_has_suffix (lower, extensions[i]))
      return TRUE;
  return FALSE;
}

static gboolean
is_corpus_name (const char *name)
{
  g_autofree char *lower = g_ascii_strdown (name, -1);

  return g_str_has_suffix (lower, ".jsonl") || g_str_has_suffix (lower, ".ndjson");
}

/* What identifies an article file in a project: "HASH" in quotes, or for a
 * corpus "NAME: (its sources are NAME:LINE).
 */
static char *
file_marker (GFile        *file,
             const char   *name,
             GCancellable *cancellable)
{
  g_autoptr (GChecksum) checksum = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  guchar buffer[65536];
  gssize n;

  if (is_corpus_name (name))
    return g_strdup_printf ("\"%s:", name);

  in = g_file_read (file, cancellable, NULL);
  if (in == NULL)
    return NULL;
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  while ((n = g_input_stream_read (G_INPUT_STREAM (in), buffer, sizeof buffer, cancellable, NULL)) > 0)
    g_checksum_update (checksum, buffer, n);
  if (n < 0)
    return NULL;
  return g_strdup_printf ("\"%s\"", g_checksum_get_string (checksum));
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The article files under @folder, in the import's order (name order),
 * with the stories its sub-folders make.
 */
static void
walk_folder (GFile        *folder,
             const char   *prefix,
             const char   *story,
             guint         depth,
             GPtrArray    *names,
             GPtrArray    *markers,
             GPtrArray    *stories,
             GCancellable *cancellable)
{
  g_autoptr (GFileEnumerator) enumerator = NULL;
  g_autoptr (GPtrArray) children = g_ptr_array_new_with_free_func (g_free);
  gboolean has_articles = FALSE;
  GFileInfo *info;

  if (depth > MAX_DEPTH)
    return;
  enumerator = g_file_enumerate_children (folder,
                                          G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_IS_HIDDEN,
                                          G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (enumerator == NULL)
    return;
  while ((info = g_file_enumerator_next_file (enumerator, cancellable, NULL)))
    {
      if (!g_file_info_get_is_hidden (info))
        g_ptr_array_add (children, g_strdup (g_file_info_get_name (info)));
      g_object_unref (info);
    }
  g_ptr_array_sort (children, compare_names);

  for (guint i = 0; i < children->len; i++)
    {
      const char *child_name = g_ptr_array_index (children, i);
      g_autoptr (GFile) child = g_file_get_child (folder, child_name);
      g_autofree char *display = g_filename_display_name (child_name);
      g_autofree char *name = prefix ? g_strconcat (prefix, "/", display, NULL) : g_strdup (display);

      if (g_file_query_file_type (child, G_FILE_QUERY_INFO_NONE, cancellable) == G_FILE_TYPE_DIRECTORY)
        {
          g_autofree char *sub_story = story ? g_strdup_printf ("%s/%s", story, display) : g_strdup (display);

          walk_folder (child, name, sub_story, depth + 1, names, markers, stories, cancellable);
        }
      else if (is_article_name (child_name))
        {
          g_ptr_array_add (names, g_strdup (name));
          g_ptr_array_add (markers, file_marker (child, name, cancellable));
          has_articles = TRUE;
        }
    }

  if (has_articles && story != NULL)
    g_ptr_array_add (stories, g_strdup (story));
}

/* Whether the project file at @path holds every marker. */
static gboolean
project_holds (const char *path,
               GPtrArray  *markers)
{
  g_autoptr (GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const char *data;
  gsize len;

  if (mapped == NULL)
    return FALSE;
  data = g_mapped_file_get_contents (mapped);
  len = g_mapped_file_get_length (mapped);
  if (data == NULL || !has_project_marker (data, len))
    return FALSE;

  for (guint i = 0; i < markers->len; i++)
    {
      const char *marker = g_ptr_array_index (markers, i);

      if (marker == NULL || g_strstr_len (data, len, marker) == NULL)
        return FALSE;
    }
  return TRUE;
}

/**
 * crb_projects_dir:
 *
 * Returns: the folder where new projects go until saved elsewhere
 */
char *
crb_projects_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "corroborate", "projects", NULL);
}

/**
 * crb_new_project_path:
 *
 * Returns: where a new project of @title goes: the projects folder, a
 *   name made from the title, numbered when taken
 */
char *
crb_new_project_path (const char *title)
{
  g_autofree char *dir = crb_projects_dir ();
  g_autofree char *slug = crb_make_slug (title);
  char *path = g_strdup_printf ("%s/%s.crb", dir, slug);

  for (guint i = 2; g_file_test (path, G_FILE_TEST_EXISTS); i++)
    {
      g_free (path);
      path = g_strdup_printf ("%s/%s-%u.crb", dir, slug, i);
    }
  return path;
}

/**
 * crb_import_plan_new:
 * @files: (element-type GFile): files and folders given
 * @candidates: (nullable): project paths to look for the articles in,
 *   first those most likely (the recent ones); the projects folder is
 *   looked at after them
 *
 * Tells projects from articles, lists the articles and their stories, and
 * finds a project they already make.  Blocking.
 *
 * Returns: (transfer full): the plan
 */
CrbImportPlan *
crb_import_plan_new (GPtrArray          *files,
                     const char * const *candidates,
                     GCancellable       *cancellable)
{
  CrbImportPlan *plan = g_new0 (CrbImportPlan, 1);
  g_autoptr (GPtrArray) markers = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) sub_stories = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *dir = crb_projects_dir ();

  plan->files = g_ptr_array_new_with_free_func (g_object_unref);
  plan->projects = g_ptr_array_new_with_free_func (g_object_unref);
  plan->articles = g_ptr_array_new_with_free_func (g_object_unref);
  plan->names = g_ptr_array_new_with_free_func (g_free);
  plan->stories = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < files->len; i++)
    {
      GFile *file = g_ptr_array_index (files, i);
      GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, cancellable);
      g_autofree char *base = g_file_get_basename (file);
      g_autofree char *display = base ? g_filename_display_name (base) : g_strdup ("?");

      g_ptr_array_add (plan->files, g_object_ref (file));
      if (type == G_FILE_TYPE_DIRECTORY)
        {
          g_ptr_array_add (plan->articles, g_object_ref (file));
          walk_folder (file, NULL, NULL, 0, plan->names, markers, sub_stories, cancellable);
        }
      else if (crb_file_is_project (file, cancellable))
        g_ptr_array_add (plan->projects, g_object_ref (file));
      else
        {
          g_ptr_array_add (plan->articles, g_object_ref (file));
          g_ptr_array_add (plan->names, g_strdup (display));
          g_ptr_array_add (markers, file_marker (file, display, cancellable));
        }
    }

  if (plan->articles->len == 0)
    return plan;

  /* The import's own story, then those of the sub-folders. */
  {
    g_autoptr (GPtrArray) article_paths = g_ptr_array_new_with_free_func (g_free);

    for (guint i = 0; i < plan->articles->len; i++)
      g_ptr_array_add (article_paths, g_file_get_path (g_ptr_array_index (plan->articles, i)));
    g_ptr_array_add (article_paths, NULL);
    g_ptr_array_add (plan->stories, crb_import_default_story ((const char * const *) article_paths->pdata));
    for (guint i = 0; i < sub_stories->len; i++)
      g_ptr_array_add (plan->stories, g_strdup (g_ptr_array_index (sub_stories, i)));
  }

  if (markers->len == 0)
    return plan;

  /* The projects these articles may be in already. */
  for (guint i = 0; candidates && candidates[i]; i++)
    g_ptr_array_add (paths, g_strdup (candidates[i]));
  {
    g_autoptr (GDir) projects = g_dir_open (dir, 0, NULL);
    const char *name;

    while (projects != NULL && (name = g_dir_read_name (projects)))
      if (g_str_has_suffix (name, ".crb"))
        g_ptr_array_add (paths, g_build_filename (dir, name, NULL));
  }

  for (guint i = 0; i < paths->len && plan->existing == NULL; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      if (!g_hash_table_add (seen, (gpointer) path) || g_cancellable_is_cancelled (cancellable))
        continue;
      if (project_holds (path, markers))
        plan->existing = g_file_new_for_path (path);
    }

  return plan;
}

static void
plan_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GPtrArray *files = g_object_get_data (G_OBJECT (task), "crb-files");
  const char * const *candidates = task_data;

  g_task_return_pointer (task, crb_import_plan_new (files, candidates, cancellable),
                         (GDestroyNotify) crb_import_plan_free);
}

/**
 * crb_import_plan_new_async:
 *
 * crb_import_plan_new() in a worker thread.
 */
void
crb_import_plan_new_async (GPtrArray           *files,
                           const char * const  *candidates,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr (GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  GPtrArray *copy = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < files->len; i++)
    g_ptr_array_add (copy, g_object_ref (g_ptr_array_index (files, i)));
  g_task_set_source_tag (task, crb_import_plan_new_async);
  g_object_set_data_full (G_OBJECT (task), "crb-files", copy, (GDestroyNotify) g_ptr_array_unref);
  g_task_set_task_data (task, g_strdupv ((char **) candidates), (GDestroyNotify) g_strfreev);
  g_task_run_in_thread (task, plan_thread);
}

CrbImportPlan *
crb_import_plan_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}
