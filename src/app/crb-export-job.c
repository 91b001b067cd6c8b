/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-export-dialog"

#include "config.h"

#include "crb-export-job.h"
#include "crb-project.h"

/*
 * The export dialog's work, off the main thread: counting the records an
 * export would write, and writing it (a file, or a dataset folder).  Each
 * job reads its own copy of the project from the file and the journal (the
 * caller makes the journal durable first), so the model the window shows
 * is never touched off the main thread.  Counting and writing take the same
 * options, so the counts are the export's.
 */

typedef struct
{
  GFile             *project_file;
  GFile             *target;
  guint              format;
  CrbExportOptions   options;
  CrbDatasetOptions  dataset;
  char              *strings[5];  /* what options and dataset point to */
  CrbExportCounts    counts;
  guint              n_records;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->project_file);
  g_clear_object (&job->target);
  for (guint i = 0; i < G_N_ELEMENTS (job->strings); i++)
    g_free (job->strings[i]);
  g_free (job);
}

static Job *
job_new (GFile                   *project_file,
         guint                    format,
         const CrbExportOptions  *options,
         const CrbDatasetOptions *dataset)
{
  Job *job = g_new0 (Job, 1);
  CrbDatasetOptions defaults = CRB_DATASET_OPTIONS_DEFAULT;

  job->project_file = g_object_ref (project_file);
  job->format = format;
  job->options = *options;
  job->options.review_url = job->strings[0] = g_strdup (options->review_url);
  job->options.author_org = job->strings[1] = g_strdup (options->author_org);
  job->dataset = dataset ? *dataset : defaults;
  job->dataset.title = job->strings[2] = g_strdup (job->dataset.title);
  job->dataset.license = job->strings[3] = g_strdup (job->dataset.license);
  job->dataset.language = job->strings[4] = g_strdup (job->dataset.language);
  /* The stories to export and the splits are the default ones: all. */
  job->options.stories = NULL;
  job->dataset.splits = NULL;
  return job;
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  CrbExportCounts *c = &job->counts;
  g_autoptr (CrbProject) copy = NULL;
  GError *error = NULL;
  CrbExportOptions options = job->options;
  /* A dataset folder's records are the native ones, split by story. */
  CrbExportFormat format = job->format == CRB_EXPORT_JOB_DATASET ? CRB_EXPORT_JSONL : job->format;
  gboolean by_status = format == CRB_EXPORT_JSONL || format == CRB_EXPORT_CSV;

  copy = crb_project_load (job->project_file, cancellable, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  /* By status, every status is counted and those left out say so. */
  if (by_status)
    options.include_pending = options.include_rejected = TRUE;
  if (!crb_export_count (copy, format, &options, c->labels, c->counts, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint k = 0; by_status && c->labels[k]; k++)
    c->left_out[k] = (g_str_equal (c->labels[k], "pending") && !job->options.include_pending) ||
                     (g_str_equal (c->labels[k], "rejected") && !job->options.include_rejected);

  /* What requiring evidence leaves out: the claims that would otherwise be
   * NOT ENOUGH INFO for want of evidence.
   */
  if (format == CRB_EXPORT_FEVER && options.require_evidence)
    {
      const char *labels[CRB_EXPORT_MAX_LABELS] = { NULL };
      guint without[CRB_EXPORT_MAX_LABELS] = { 0 }, with = 0, all = 0;

      options.require_evidence = FALSE;
      if (!crb_export_count (copy, format, &options, labels, without, cancellable, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      for (guint k = 0; k < CRB_EXPORT_MAX_LABELS && labels[k]; k++)
        {
          all += without[k];
          with += c->counts[k];
        }
      c->n_without_evidence = all - with;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * crb_export_job_count_async:
 * @format: a #CrbExportFormat, or %CRB_EXPORT_JOB_DATASET
 *
 * Counts the records an export of the project in @project_file would write
 * with @options, by label, in a worker thread.
 */
void
crb_export_job_count_async (GFile                  *project_file,
                            guint                   format,
                            const CrbExportOptions *options,
                            GCancellable           *cancellable,
                            GAsyncReadyCallback     callback,
                            gpointer                user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (project_file));
  g_return_if_fail (format <= CRB_EXPORT_JOB_DATASET);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_export_job_count_async);
  g_task_set_task_data (task, job_new (project_file, format, options, NULL),
                        (GDestroyNotify) job_free);
  g_task_run_in_thread (task, count_thread);
}

/**
 * crb_export_job_count_finish:
 * @counts: (out caller-allocates): the counts
 */
gboolean
crb_export_job_count_finish (GAsyncResult     *result,
                             CrbExportCounts  *counts,
                             GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  *counts = ((Job *) g_task_get_task_data (G_TASK (result)))->counts;
  return TRUE;
}

static gboolean
write_file (Job           *job,
            CrbProject    *copy,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GFileOutputStream) sentences = NULL;
  g_autoptr (GFile) sentences_file = NULL;

  /* FEVER's sentence table goes beside the records. */
  if (job->format == CRB_EXPORT_FEVER)
    sentences_file = crb_export_sentences_file_for (job->target);

  /* Replaced only when everything is written. */
  out = g_file_replace (job->target, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (out != NULL && sentences_file != NULL)
    sentences = g_file_replace (sentences_file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable,
                                error);
  if (out == NULL || (sentences_file != NULL && sentences == NULL) ||
      !crb_export (copy, job->format, G_OUTPUT_STREAM (out),
                   sentences ? G_OUTPUT_STREAM (sentences) : NULL,
                   &job->options, &job->n_records, cancellable, error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, error) ||
      (sentences != NULL &&
       !g_output_stream_close (G_OUTPUT_STREAM (sentences), cancellable, error)))
    {
      g_autoptr (GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      if (out != NULL)
        g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      if (sentences != NULL)
        g_output_stream_close (G_OUTPUT_STREAM (sentences), cancel, NULL);
      return FALSE;
    }

  return TRUE;
}

static void
write_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (CrbProject) copy = NULL;
  GError *error = NULL;
  gboolean ok;

  copy = crb_project_load (job->project_file, cancellable, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (job->format == CRB_EXPORT_JOB_DATASET)
    ok = crb_export_dataset (crb_project_get_stories (copy), job->target, &job->options,
                             &job->dataset, NULL, &job->n_records, cancellable, &error);
  else
    ok = write_file (job, copy, cancellable, &error);

  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * crb_export_job_write_async:
 * @format: a #CrbExportFormat, or %CRB_EXPORT_JOB_DATASET
 * @dataset: (nullable): a dataset folder's card
 * @target: the file to write (FEVER's sentence table goes beside it), or
 *   the dataset folder
 *
 * Writes the export of the project in @project_file in a worker thread.
 */
void
crb_export_job_write_async (GFile                   *project_file,
                            guint                    format,
                            const CrbExportOptions  *options,
                            const CrbDatasetOptions *dataset,
                            GFile                   *target,
                            GCancellable            *cancellable,
                            GAsyncReadyCallback      callback,
                            gpointer                 user_data)
{
  g_autoptr (GTask) task = NULL;
  Job *job;

  g_return_if_fail (G_IS_FILE (project_file));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (format <= CRB_EXPORT_JOB_DATASET);

  job = job_new (project_file, format, options, dataset);
  job->target = g_object_ref (target);
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_export_job_write_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, write_thread);
}

/**
 * crb_export_job_write_finish:
 * @n_records: (out) (optional): how many records were written
 */
gboolean
crb_export_job_write_finish (GAsyncResult  *result,
                             guint         *n_records,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  if (n_records != NULL)
    *n_records = ((Job *) g_task_get_task_data (G_TASK (result)))->n_records;
  return TRUE;
}
