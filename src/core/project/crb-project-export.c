/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-export.c: the project's entry points to export/, which
 * works over a list of stories and knows nothing of projects. */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include "crb-project.h"

#include "crb-export.h"
#include "crb-project-team.h"

/* A team project's exports write its gold decisions (docs/team.md). */
static const CrbExportOptions *
with_team (CrbProject             *project,
           const CrbExportOptions *options,
           CrbExportOptions       *copy)
{
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;

  *copy = options ? *options : defaults;
  if (copy->team == NULL)
    copy->team = crb_project_get_team (project);
  return copy;
}

/**
 * crb_export:
 *
 * Writes the project's dataset in @format: see crb_export_stories().
 */
gboolean
crb_export (CrbProject             *project,
            CrbExportFormat         format,
            GOutputStream          *output,
            GOutputStream          *sentences,
            const CrbExportOptions *options,
            guint                  *n_records,
            GCancellable           *cancellable,
            GError                **error)
{
  CrbExportOptions copy;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  return crb_export_stories (crb_project_get_stories (project), format, output, sentences,
                             with_team (project, options, &copy), n_records, cancellable, error);
}

/**
 * crb_export_count:
 *
 * Counts the records crb_export() would write: see
 * crb_export_count_stories().
 */
gboolean
crb_export_count (CrbProject             *project,
                  CrbExportFormat         format,
                  const CrbExportOptions *options,
                  const char            **labels,
                  guint                  *counts,
                  GCancellable           *cancellable,
                  GError                **error)
{
  CrbExportOptions copy;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  return crb_export_count_stories (crb_project_get_stories (project), format,
                                   with_team (project, options, &copy), labels, counts, cancellable, error);
}

/**
 * crb_export_assign_splits:
 *
 * Puts every story of the project in one split: see
 * crb_export_assign_splits_stories().
 */
void
crb_export_assign_splits (CrbProject             *project,
                          const CrbExportOptions *options,
                          GPtrArray              *splits,
                          guint                   seed)
{
  CrbExportOptions copy;

  g_return_if_fail (CRB_IS_PROJECT (project));

  crb_export_assign_splits_stories (crb_project_get_stories (project), with_team (project, options, &copy),
                                    splits, seed);
}
