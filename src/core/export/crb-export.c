/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export.c: drives an export: stories, worker threads, sinks, counts. */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-export-private.h"

#include "crb-story-private.h"

#include <string.h>

/*
 * Exports write their records story by story, so memory does not grow with
 * the number of records; stories and claims come in project order, so the
 * same project exports the same bytes every time.
 *
 * Records are written from each story's line as the project file holds it
 * (CrbStoryLine), without making the story's objects: most strings are
 * copied as they are in the file.  A loaded story is written from the line
 * a save would write, so there is one way to write each record.
 */

/* What the record writers need of a story, made once per story. */
static void
story_ctx_begin (StoryCtx           *ctx,
                 CrbStory           *story,
                 const CrbStoryLine *line)
{
  guint n_claims = line->claims->len;
  guint n_articles = line->articles->len;
  gboolean first = TRUE;

  ctx->story = story;
  ctx->line = line;
  ctx->doc = line->doc;
  ctx->sentences = g_new0 (GArray *, n_articles);
  ctx->written = g_new0 (char *, n_articles);
  ctx->ids = g_array_new (FALSE, FALSE, sizeof (IdMark));
  ctx->evidence = g_string_new (NULL);
  ctx->evidence_at = g_new0 (gsize, 3 * n_claims);
  ctx->story_object = g_string_new ("{");
  member_string (ctx->story_object, &first, "id", crb_story_get_id (story));
  member_string (ctx->story_object, &first, "title", crb_story_get_title (story));
  g_string_append_c (ctx->story_object, '}');

  /* Each claim's links in the alignment's order (a link to itself twice). */
  ctx->link_start = g_new0 (guint, n_claims + 1);
  ctx->link_index = g_new (guint, 2 * line->links->len + 1);
  for (guint i = 0; i < line->links->len; i++)
    {
      ctx->link_start[link_at (ctx, i)->a + 1]++;
      ctx->link_start[link_at (ctx, i)->b + 1]++;
    }
  for (guint c = 0; c < n_claims; c++)
    ctx->link_start[c + 1] += ctx->link_start[c];
  {
    g_autofree guint *next = g_memdup2 (ctx->link_start, n_claims * sizeof (guint));

    for (guint i = 0; i < line->links->len; i++)
      {
        ctx->link_index[next[link_at (ctx, i)->a]++] = i;
        ctx->link_index[next[link_at (ctx, i)->b]++] = i;
      }
  }
}

static void
story_ctx_end (StoryCtx *ctx)
{
  for (guint i = 0; i < ctx->line->articles->len; i++)
    {
      g_clear_pointer (&ctx->sentences[i], g_array_unref);
      g_free (ctx->written[i]);
    }
  g_clear_pointer (&ctx->sentences, g_free);
  g_clear_pointer (&ctx->written, g_free);
  g_string_free (g_steal_pointer (&ctx->story_object), TRUE);
  g_clear_pointer (&ctx->ids, g_array_unref);
  g_string_free (g_steal_pointer (&ctx->evidence), TRUE);
  g_clear_pointer (&ctx->evidence_at, g_free);
  g_clear_pointer (&ctx->link_start, g_free);
  g_clear_pointer (&ctx->link_index, g_free);
  ctx->story = NULL;
  ctx->line = NULL;
  ctx->doc = NULL;
}

/* The indexes of the claims linked to claim @index by @relation, in link order. */
GArray *
_crb_export_linked_claims (StoryCtx    *ctx,
                           guint        index,
                           CrbRelation  relation)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = ctx->link_start[index]; k < ctx->link_start[index + 1]; k++)
    {
      const CrbLineLink *link = link_at (ctx, ctx->link_index[k]);
      guint other = other_end (link, index);

      if (link->relation == relation)
        g_array_append_val (result, other);
    }
  return result;
}

static const struct
{
  const char           *name;
  const char           *extension;
  CrbExportWriteRecord  write_record;
} formats[CRB_N_EXPORT_FORMATS] = {
  [CRB_EXPORT_JSONL] = { "jsonl", "jsonl", _crb_export_write_native_record },
  [CRB_EXPORT_CSV] = { "csv", "csv", _crb_export_write_csv_record },
  [CRB_EXPORT_CLAIMREVIEW] = { "claimreview", "jsonl", _crb_export_write_claimreview_record },
  [CRB_EXPORT_FEVER] = { "fever", "jsonl", _crb_export_write_fever_record },
};

const char *
crb_export_format_to_string (CrbExportFormat format)
{
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, NULL);
  return formats[format].name;
}

gboolean
crb_export_format_from_string (const char      *name,
                               CrbExportFormat *format)
{
  for (guint i = 0; i < CRB_N_EXPORT_FORMATS; i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * crb_export_format_extension:
 *
 * Returns: the file name extension of @format's files, without the dot
 */
const char *
crb_export_format_extension (CrbExportFormat format)
{
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, NULL);
  return formats[format].extension;
}

/**
 * crb_export_sentences_file_for:
 * @file: a FEVER export, e.g. train.jsonl
 *
 * Returns: (transfer full): where its sentence table goes beside it
 *   (train.sentences.jsonl)
 */
GFile *
crb_export_sentences_file_for (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *stem = g_str_has_suffix (name, ".jsonl") ? g_strndup (name, strlen (name) - 6)
                                                             : g_strdup (name);
  g_autofree char *sentences = g_strconcat (stem, ".sentences.jsonl", NULL);
  g_autoptr (GFile) parent = g_file_get_parent (file);

  return parent ? g_file_get_child (parent, sentences) : g_file_new_for_path (sentences);
}

static gboolean
claim_included (const CrbLineClaim     *claim,
                const CrbExportOptions *options)
{
  CrbDecisionStatus status = crb_decision_get_status (claim->decision);

  return !((status == CRB_DECISION_STATUS_PENDING && !options->include_pending) ||
           (status == CRB_DECISION_STATUS_REJECTED && !options->include_rejected));
}

/* Where records go: a stream written in large pieces.  A story's records
 * are written as they are when they fill a piece; smaller ones are
 * gathered first.  (A buffered stream would copy every byte once more.)
 */
typedef struct
{
  GOutputStream *stream;
  GString       *pending;
} Sink;

#define SINK_PIECE (256 * 1024)

static gboolean
sink_flush (Sink          *sink,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean ok = sink->pending->len == 0 ||
                g_output_stream_write_all (sink->stream, sink->pending->str, sink->pending->len,
                                           NULL, cancellable, error);

  g_string_truncate (sink->pending, 0);
  return ok;
}

static gboolean
sink_write (Sink          *sink,
            GString       *data,
            GCancellable  *cancellable,
            GError       **error)
{
  if (sink->pending->len + data->len < SINK_PIECE)
    {
      _crb_string_append_len (sink->pending, data->str, data->len);
      return TRUE;
    }

  if (!sink_flush (sink, cancellable, error))
    return FALSE;
  if (data->len < SINK_PIECE)
    {
      _crb_string_append_len (sink->pending, data->str, data->len);
      return TRUE;
    }
  return g_output_stream_write_all (sink->stream, data->str, data->len, NULL, cancellable, error);
}

static void
sink_clear (Sink *sink)
{
  if (sink->pending != NULL)
    g_string_free (g_steal_pointer (&sink->pending), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sink, sink_clear)

/* Exports run story by story.  Parsing a story and formatting its records
 * are done by worker threads, several stories at a time; the calling thread
 * writes the stories' records in project order, so the output is the same
 * whatever the number of threads.
 */
typedef struct
{
  CrbStory *story;
  GString  *records;
  GString  *sentences;
  GArray   *ids;        /* FEVER: IdMark */
  guint     count;
  GError   *error;
  gboolean  done;
} Job;

typedef struct
{
  GMutex                  lock;
  GCond                   cond;
  CrbExportFormat         format;
  const CrbExportOptions *options;
  gboolean                with_sentences;
  GPtrArray              *spare;      /* buffers written already, for the next stories (under lock) */
  gint                    cancelled;  /* atomic */
} Shared;

static void
buffer_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* A buffer for a story's records: one written already when there is one,
 * whose memory is in use (fresh memory costs page faults).
 */
static GString *
take_buffer (Shared *shared)
{
  GString *buffer = NULL;

  g_mutex_lock (&shared->lock);
  if (shared->spare->len > 0)
    buffer = g_ptr_array_steal_index_fast (shared->spare, shared->spare->len - 1);
  g_mutex_unlock (&shared->lock);
  return buffer ? buffer : g_string_sized_new (64 * 1024);
}

static void
give_back_buffer (Shared  *shared,
                  GString *buffer)
{
  if (buffer == NULL)
    return;
  g_string_truncate (buffer, 0);
  g_mutex_lock (&shared->lock);
  g_ptr_array_add (shared->spare, buffer);
  g_mutex_unlock (&shared->lock);
}

static void
job_free (Job *job)
{
  if (job == NULL)
    return;
  g_clear_object (&job->story);
  if (job->records)
    g_string_free (job->records, TRUE);
  if (job->sentences)
    g_string_free (job->sentences, TRUE);
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Shared *shared = user_data;
  g_auto (CrbStoryLine) line = { NULL, };

  if (!g_atomic_int_get (&shared->cancelled) && _crb_story_read_line (job->story, &line, &job->error))
    {
      StoryCtx ctx = { 0, };

      story_ctx_begin (&ctx, job->story, &line);
      job->records = take_buffer (shared);
      for (guint j = 0; j < line.claims->len; j++)
        if (claim_included (claim_at (&ctx, j), shared->options))
          job->count += formats[shared->format].write_record (job->records, &ctx, j);
      job->ids = g_steal_pointer (&ctx.ids);

      if (shared->with_sentences)
        {
          job->sentences = take_buffer (shared);
          _crb_export_write_sentences (job->sentences, &ctx);
        }
      story_ctx_end (&ctx);
    }

  g_mutex_lock (&shared->lock);
  job->done = TRUE;
  g_cond_broadcast (&shared->cond);
  g_mutex_unlock (&shared->lock);
}

/**
 * crb_export_stories:
 * @stories: (element-type CrbStory): the stories of a project, in order
 * @sentences: (nullable): for %CRB_EXPORT_FEVER, where the sentence table
 *   goes (one JSON line per sentence of each exported story's articles)
 * @n_records: (out) (optional): how many records were written
 *
 * Writes the dataset in @format, story by story, so memory does not grow
 * with the number of records.  Stories and claims come in project order,
 * so the same project exports the same bytes every time.
 * docs/export-formats.md describes the formats.
 *
 * Stories are parsed in worker threads: export a project that no window
 * is showing (the app exports a copy it loads for the purpose).
 */
gboolean
crb_export_stories (GListModel             *stories,
                    CrbExportFormat         format,
                    GOutputStream          *output,
                    GOutputStream          *sentences,
                    const CrbExportOptions *options,
                    guint                  *n_records,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_auto (Sink) out = { output, g_string_sized_new (SINK_PIECE) };
  g_auto (Sink) sentences_out = { sentences, NULL };
  gboolean with_sentences = sentences != NULL && format == CRB_EXPORT_FEVER;
  g_autoptr (GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr (GString) header = g_string_new (NULL);
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;
  Shared shared = { 0, };
  GThreadPool *pool;
  guint n_threads, window;
  guint queued = 0;
  guint count = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (G_IS_LIST_MODEL (stories), FALSE);
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (sentences == NULL || G_IS_OUTPUT_STREAM (sentences), FALSE);

  if (options == NULL)
    options = &defaults;

  if (with_sentences)
    sentences_out.pending = g_string_sized_new (SINK_PIECE);

  if (format == CRB_EXPORT_CSV)
    {
      _crb_export_write_csv_header (header);
      if (!sink_write (&out, header, cancellable, error))
        return FALSE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      Job *job = g_new0 (Job, 1);

      job->story = g_list_model_get_item (stories, i);
      if (options->stories != NULL && !g_hash_table_contains (options->stories, crb_story_get_id (job->story)))
        job_free (job);
      else
        g_ptr_array_add (jobs, job);
    }

  g_mutex_init (&shared.lock);
  g_cond_init (&shared.cond);
  shared.format = format;
  shared.options = options;
  shared.with_sentences = with_sentences;
  shared.spare = g_ptr_array_new_with_free_func (buffer_free);
  n_threads = CLAMP (g_get_num_processors (), 1, 4);
  window = 2 * n_threads + 1;  /* stories in memory at once */
  pool = g_thread_pool_new (run_job, &shared, (int) n_threads, FALSE, NULL);

  for (guint i = 0; ok && i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      while (queued < jobs->len && queued < i + window)
        g_thread_pool_push (pool, g_ptr_array_index (jobs, queued++), NULL);

      g_mutex_lock (&shared.lock);
      while (!job->done)
        g_cond_wait (&shared.cond, &shared.lock);
      g_mutex_unlock (&shared.lock);

      if (job->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&job->error));
          ok = FALSE;
        }
      else
        {
          /* FEVER's ids follow the records written before. */
          if (job->ids->len > 0)
            _crb_export_number_records (job->records, job->ids, count + 1);
          ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
               sink_write (&out, job->records, cancellable, error) &&
               (!with_sentences || sink_write (&sentences_out, job->sentences, cancellable, error));
        }
      count += job->count;

      /* Written: its buffers go to the next stories. */
      give_back_buffer (&shared, g_steal_pointer (&job->records));
      give_back_buffer (&shared, g_steal_pointer (&job->sentences));
      g_ptr_array_index (jobs, i) = NULL;
      job_free (job);
    }

  /* On failure, queued stories are dropped and running ones finish. */
  g_atomic_int_set (&shared.cancelled, 1);
  g_thread_pool_free (pool, TRUE, TRUE);
  g_mutex_clear (&shared.lock);
  g_cond_clear (&shared.cond);
  g_ptr_array_unref (shared.spare);

  if (!ok ||
      !sink_flush (&out, cancellable, error) ||
      (with_sentences && !sink_flush (&sentences_out, cancellable, error)))
    return FALSE;

  if (n_records != NULL)
    *n_records = count;
  return TRUE;
}

/**
 * crb_export_format_labels:
 * @labels: (out caller-allocates) (array fixed-size=CRB_EXPORT_MAX_LABELS):
 *   filled with the labels of @format's records, %NULL-terminated (static
 *   strings): the decision status for JSON Lines and CSV, the rating for
 *   ClaimReview, the label for FEVER
 */
void
crb_export_format_labels (CrbExportFormat  format,
                          const char     **labels)
{
  static const char * const status_labels[] = { "pending", "confirmed", "corrected", "rejected", NULL };
  static const char * const claimreview_labels[] = { "True", "Partly true", "False", NULL };
  static const char * const fever_label_names[] = { "SUPPORTS", "REFUTES", "NOT ENOUGH INFO", NULL };
  const char * const *names = format == CRB_EXPORT_CLAIMREVIEW ? claimreview_labels
                              : format == CRB_EXPORT_FEVER ? fever_label_names : status_labels;
  guint k = 0;

  for (; names[k]; k++)
    labels[k] = names[k];
  for (; k < CRB_EXPORT_MAX_LABELS; k++)
    labels[k] = NULL;
}

/**
 * crb_export_count_stories:
 * @counts: (out caller-allocates) (array fixed-size=CRB_EXPORT_MAX_LABELS):
 *   the number of records per label
 * @labels: (out caller-allocates) (array fixed-size=CRB_EXPORT_MAX_LABELS):
 *   the labels of @format, %NULL-terminated (static strings)
 *
 * Counts the records crb_export() would write, per label: the decision
 * status for JSON Lines and CSV, the rating for ClaimReview, the label for
 * FEVER.  Parses every story (one at a time); run it in a thread for large
 * projects.
 */
gboolean
crb_export_count_stories (GListModel             *stories,
                          CrbExportFormat         format,
                          const CrbExportOptions *options,
                          const char            **labels,
                          guint                  *counts,
                          GCancellable           *cancellable,
                          GError                **error)
{
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;

  g_return_val_if_fail (G_IS_LIST_MODEL (stories), FALSE);
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, FALSE);

  if (options == NULL)
    options = &defaults;
  crb_export_format_labels (format, labels);
  memset (counts, 0, CRB_EXPORT_MAX_LABELS * sizeof *counts);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      g_auto (CrbStoryLine) line = { NULL, };

      if (options->stories != NULL && !g_hash_table_contains (options->stories, crb_story_get_id (story)))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Without reasons to look at, the header's counts are enough. */
      if ((format == CRB_EXPORT_JSONL || format == CRB_EXPORT_CSV) && !crb_story_is_loaded (story))
        {
          for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
            if ((s != CRB_DECISION_STATUS_PENDING || options->include_pending) &&
                (s != CRB_DECISION_STATUS_REJECTED || options->include_rejected))
              counts[s] += crb_story_count_status (story, s);
          continue;
        }

      if (!_crb_story_read_line (story, &line, error))
        return FALSE;

      for (guint j = 0; j < line.claims->len; j++)
        {
          const CrbLineClaim *claim = &g_array_index (line.claims, CrbLineClaim, j);
          const CrbDecision *d = claim->decision;
          const char *found[2] = { NULL, NULL };
          int rating;

          if (!claim_included (claim, options))
            continue;

          switch (format)
            {
            case CRB_EXPORT_CLAIMREVIEW:
              found[0] = _crb_export_claimreview_label (d, &rating);
              break;
            case CRB_EXPORT_FEVER:
              _crb_export_fever_labels (d, found);
              break;
            case CRB_EXPORT_JSONL:
            case CRB_EXPORT_CSV:
            case CRB_N_EXPORT_FORMATS:
            default:
              found[0] = crb_decision_status_to_string (crb_decision_get_status (d));
              break;
            }

          for (guint f = 0; f < 2 && found[f]; f++)
            for (guint k = 0; labels[k]; k++)
              if (g_str_equal (labels[k], found[f]))
                counts[k]++;
        }
    }

  return TRUE;
}
