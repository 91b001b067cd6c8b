/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crb-export.h"

G_BEGIN_DECLS

/* A dataset folder: one more "format" beside CrbExportFormat's. */
#define CRB_EXPORT_JOB_DATASET CRB_N_EXPORT_FORMATS

/**
 * CrbExportCounts:
 * @labels: the labels of the format's records (static strings), %NULL-ended
 * @counts: how many records of each label
 * @left_out: whether the options leave out the records of each label
 * @n_without_evidence: FEVER with require_evidence: the claims left out
 *   for want of evidence from other articles
 */
typedef struct
{
  const char *labels[CRB_EXPORT_MAX_LABELS];
  guint       counts[CRB_EXPORT_MAX_LABELS];
  gboolean    left_out[CRB_EXPORT_MAX_LABELS];
  guint       n_without_evidence;
} CrbExportCounts;

void      crb_export_job_count_async  (GFile                   *project_file,
                                       guint                    format,
                                       const CrbExportOptions  *options,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data);
gboolean  crb_export_job_count_finish (GAsyncResult            *result,
                                       CrbExportCounts         *counts,
                                       GError                 **error);
void      crb_export_job_write_async  (GFile                   *project_file,
                                       guint                    format,
                                       const CrbExportOptions  *options,
                                       const CrbDatasetOptions *dataset,
                                       GFile                   *target,
                                       GCancellable            *cancellable,
                                       GAsyncReadyCallback      callback,
                                       gpointer                 user_data);
gboolean  crb_export_job_write_finish (GAsyncResult            *result,
                                       guint                   *n_records,
                                       GError                 **error);

G_END_DECLS
