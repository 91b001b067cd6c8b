/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/**
 * CrbImportPlan:
 * @files: (element-type GFile): what was given: files and folders
 * @projects: (element-type GFile): the given files that are projects
 * @articles: (element-type GFile): the others, to import
 * @names: (element-type utf8): the names of the article files found in
 *   @articles, folders walked, in order
 * @stories: (element-type utf8): the stories the import makes: the
 *   default one first, then one per sub-folder
 * @existing: (nullable): a project that holds every article of @articles
 *   already: a recent one, or one in the app's projects folder
 *
 * What opening some files will do: open projects, import the rest, or
 * offer a project they already make.
 */
typedef struct
{
  GPtrArray *files;
  GPtrArray *projects;
  GPtrArray *articles;
  GPtrArray *names;
  GPtrArray *stories;
  GFile     *existing;
} CrbImportPlan;

void           crb_import_plan_free         (CrbImportPlan        *plan);

gboolean       crb_file_is_project          (GFile                *file,
                                             GCancellable         *cancellable);
void           crb_import_plan_new_async    (GPtrArray            *files,
                                             const char * const   *candidates,
                                             GCancellable         *cancellable,
                                             GAsyncReadyCallback   callback,
                                             gpointer              user_data);
CrbImportPlan *crb_import_plan_new_finish   (GAsyncResult         *result,
                                             GError              **error);
CrbImportPlan *crb_import_plan_new          (GPtrArray            *files,
                                             const char * const   *candidates,
                                             GCancellable         *cancellable);
char          *crb_new_project_path         (const char           *title);
char          *crb_projects_dir             (void);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbImportPlan, crb_import_plan_free)

G_END_DECLS
