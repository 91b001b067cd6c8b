/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export.c: drives an export: stories, worker threads, sinks, counts. */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-export-private.h"

#include "crb-error.h"
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
story_ctx_begin (StoryCtx               *ctx,
                 CrbStory               *story,
                 const CrbStoryLine     *line,
                 const CrbExportOptions *options,
                 GHashTable             *pseudonyms)
{
  guint n_claims = line->claims->len;
  guint n_articles = line->articles->len;
  gboolean first = TRUE;

  ctx->story = story;
  ctx->line = line;
  ctx->doc = line->doc;
  ctx->options = options;
  ctx->pseudonyms = pseudonyms;
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
  g_clear_pointer (&ctx->annotators, g_ptr_array_unref);
  g_clear_pointer (&ctx->consensus, g_free);
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

/* The annotator a record names: a decision without a name is
 * "anonymous", never the login name of whoever exports.
 */
const char *
_crb_export_annotator (StoryCtx          *ctx,
                       const CrbDecision *d)
{
  const char *name;

  if (d == NULL)
    return NULL;
  if (d->annotator == NULL || *d->annotator == '\0')
    return "anonymous";
  if (ctx->pseudonyms != NULL && (name = g_hash_table_lookup (ctx->pseudonyms, d->annotator)) != NULL)
    return name;
  return d->annotator;
}

/* An outlet as the counts see it: its name, else its article's id. */
static const char *
outlet_of (StoryCtx *ctx,
           guint     article)
{
  const char *outlet = article_field (ctx, article, CRB_ARTICLE_OUTLET);

  return outlet ? outlet : article_field (ctx, article, CRB_ARTICLE_ID);
}

static gboolean
add_outlet (GPtrArray  *seen,
            const char *outlet)
{
  for (guint i = 0; i < seen->len; i++)
    if (g_str_equal (g_ptr_array_index (seen, i), outlet))
      return FALSE;
  g_ptr_array_add (seen, (gpointer) outlet);
  return TRUE;
}

void
_crb_export_corroboration (StoryCtx         *ctx,
                           guint             index,
                           CrbCorroboration *out)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const char *own;
  g_autoptr (GPtrArray) agree = NULL;
  g_autoptr (GPtrArray) conflict = NULL;

  memset (out, 0, sizeof *out);
  if (ctx->link_start[index] == ctx->link_start[index + 1])
    return;

  own = outlet_of (ctx, claim->article);
  agree = g_ptr_array_new ();
  conflict = g_ptr_array_new ();
  for (guint k = ctx->link_start[index]; k < ctx->link_start[index + 1]; k++)
    {
      const CrbLineLink *link = link_at (ctx, ctx->link_index[k]);
      const CrbLineClaim *other = claim_at (ctx, other_end (link, index));
      const char *outlet = outlet_of (ctx, other->article);

      if (g_str_equal (outlet, own) ||
          crb_decision_get_status (other->decision) == CRB_DECISION_STATUS_REJECTED)
        continue;
      if (link->relation == CRB_RELATION_AGREES)
        add_outlet (agree, outlet);
      else if (link->relation == CRB_RELATION_CONFLICTS)
        add_outlet (conflict, outlet);
    }

  out->agree = agree->len;
  out->conflict = conflict->len;
  out->against_conflict = conflict->len > 0 &&
                          crb_decision_get_status (claim->decision) == CRB_DECISION_STATUS_CONFIRMED;
}

/* Pseudonyms for --anonymize-annotators: annotator-1, annotator-2, … in the
 * order the annotators first decide a claim in the project (every story,
 * every decision), so that each reviewer keeps one pseudonym in every
 * file made from the project, whatever is left out of each.
 */
static void
add_pseudonym (GHashTable *pseudonyms,
               const char *name)
{
  if (name == NULL || *name == '\0' || g_str_equal (name, "anonymous") ||
      g_hash_table_contains (pseudonyms, name))
    return;
  g_hash_table_insert (pseudonyms, g_strdup (name),
                       g_strdup_printf ("annotator-%u", g_hash_table_size (pseudonyms) + 1));
}

GHashTable *
_crb_export_pseudonyms (GListModel              *stories,
                        const CrbExportOptions  *options,
                        GError                 **error)
{
  g_autoptr (GHashTable) pseudonyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      g_auto (CrbStoryLine) line = { NULL, };

      if (!_crb_story_read_line (story, &line, error))
        return NULL;
      for (guint j = 0; j < line.claims->len; j++)
        {
          const CrbDecision *d = g_array_index (line.claims, CrbLineClaim, j).decision;

          /* A team's reviewers of the claim, by name, then its adjudicator
           * (docs/team.md); the project file's decision where no reviewer's
           * file has one.
           */
          if (options->team != NULL)
            {
              const char *id = crb_json_string (line.doc, g_array_index (line.claims, CrbLineClaim, j).id);
              g_autoptr (GPtrArray) annotations = crb_team_dup_annotations (options->team, id);
              g_autofree char *adjudicator = NULL;

              for (guint k = 0; k < annotations->len; k++)
                add_pseudonym (pseudonyms, ((CrbAnnotation *) g_ptr_array_index (annotations, k))->reviewer);
              if (crb_team_get_adjudication (options->team, id, &adjudicator, NULL, NULL, NULL))
                add_pseudonym (pseudonyms, adjudicator);
              if (annotations->len > 0)
                continue;
            }
          if (d != NULL && d->status != CRB_DECISION_STATUS_PENDING)
            add_pseudonym (pseudonyms, d->annotator);
        }
    }
  return g_steal_pointer (&pseudonyms);
}

void
_crb_export_tally_init (CrbExportTally *tally)
{
  memset (tally, 0, sizeof *tally);
  tally->annotators = g_ptr_array_new_with_free_func (g_free);
  tally->counts = g_hash_table_new (g_str_hash, g_str_equal);
}

void
_crb_export_tally_clear (CrbExportTally *tally)
{
  g_clear_pointer (&tally->counts, g_hash_table_unref);
  g_clear_pointer (&tally->annotators, g_ptr_array_unref);
}

/* Counts @n more records decided by @name. */
void
_crb_export_tally_add (CrbExportTally *tally,
                       const char     *name,
                       guint           n)
{
  gpointer count = g_hash_table_lookup (tally->counts, name);

  if (count == NULL)
    {
      char *copy = g_strdup (name);

      g_ptr_array_add (tally->annotators, copy);
      g_hash_table_insert (tally->counts, copy, GUINT_TO_POINTER (n));
    }
  else
    g_hash_table_insert (tally->counts, (gpointer) name, GUINT_TO_POINTER (GPOINTER_TO_UINT (count) + n));
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
  CrbStory  *story;
  GString   *records;
  GString   *sentences;
  GArray    *ids;         /* FEVER: IdMark */
  GPtrArray *annotators;  /* when tallied: the annotator of each decided record */
  guint      by_status[CRB_N_DECISION_STATUSES];
  guint      count;
  GError    *error;
  gboolean   done;
} Job;

typedef struct
{
  GMutex                  lock;
  GCond                   cond;
  CrbExportFormat         format;
  const CrbExportOptions *options;
  GHashTable             *pseudonyms;
  gboolean                with_sentences;
  gboolean                tallied;
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
  g_clear_pointer (&job->annotators, g_ptr_array_unref);
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

      story_ctx_begin (&ctx, job->story, &line, shared->options, shared->pseudonyms);
      _crb_export_apply_team (&ctx);
      if (shared->tallied)
        ctx.annotators = g_ptr_array_new_with_free_func (g_free);
      job->records = take_buffer (shared);
      for (guint j = 0; j < line.claims->len; j++)
        {
          const CrbLineClaim *claim = claim_at (&ctx, j);
          guint n;

          if (!_crb_export_included (&ctx, j))
            continue;
          n = formats[shared->format].write_record (job->records, &ctx, j);
          job->count += n;
          if (n > 0)
            job->by_status[crb_decision_get_status (claim->decision)]++;
          if (n > 0 && ctx.annotators != NULL)
            _crb_export_add_annotators (&ctx, j, ctx.annotators);
        }
      job->ids = g_steal_pointer (&ctx.ids);
      job->annotators = g_steal_pointer (&ctx.annotators);

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

/* crb_export_stories() with the pseudonyms made already (so that several
 * files share them) and, when @tally is given, what a dataset card says.
 * The sentence table is written to @sentences whatever the format.
 */
gboolean
_crb_export_run (GListModel             *stories,
                 CrbExportFormat         format,
                 GOutputStream          *output,
                 GOutputStream          *sentences,
                 const CrbExportOptions *options,
                 GHashTable             *pseudonyms,
                 CrbExportTally         *tally,
                 guint                  *n_records,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_auto (Sink) out = { output, g_string_sized_new (SINK_PIECE) };
  g_auto (Sink) sentences_out = { sentences, NULL };
  gboolean with_sentences = sentences != NULL;
  g_autoptr (GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr (GString) header = g_string_new (NULL);
  Shared shared = { 0, };
  GThreadPool *pool;
  guint n_threads, window;
  guint queued = 0;
  guint count = 0;
  gboolean ok = TRUE;

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
  shared.pseudonyms = pseudonyms;
  shared.with_sentences = with_sentences;
  shared.tallied = tally != NULL;
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
      if (ok && tally != NULL)
        {
          for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
            tally->by_status[s] += job->by_status[s];
          for (guint k = 0; k < job->annotators->len; k++)
            _crb_export_tally_add (tally, g_ptr_array_index (job->annotators, k), 1);
        }

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
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;
  g_autoptr (GHashTable) pseudonyms = NULL;

  g_return_val_if_fail (G_IS_LIST_MODEL (stories), FALSE);
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (sentences == NULL || G_IS_OUTPUT_STREAM (sentences), FALSE);

  if (options == NULL)
    options = &defaults;
  if (format == CRB_EXPORT_CLAIMREVIEW && options->review_url != NULL &&
      !crb_export_check_review_url (options->review_url, error))
    return FALSE;
  if (options->anonymize_annotators && (pseudonyms = _crb_export_pseudonyms (stories, options, error)) == NULL)
    return FALSE;

  return _crb_export_run (stories, format, output, format == CRB_EXPORT_FEVER ? sentences : NULL,
                          options, pseudonyms, NULL, n_records, cancellable, error);
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
  StoryCtx ctx = { 0, };

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

      /* Without reasons to look at, the header's counts are enough (not a
       * team's: they count the project file's decisions).
       */
      if ((format == CRB_EXPORT_JSONL || format == CRB_EXPORT_CSV) && !crb_story_is_loaded (story) &&
          options->team == NULL)
        {
          for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
            if ((s != CRB_DECISION_STATUS_PENDING || options->include_pending) &&
                (s != CRB_DECISION_STATUS_REJECTED || options->include_rejected))
              counts[s] += crb_story_count_status (story, s);
          continue;
        }

      if (!_crb_story_read_line (story, &line, error))
        return FALSE;

      /* FEVER's labels depend on the evidence, which the links give. */
      story_ctx_begin (&ctx, story, &line, options, NULL);
      _crb_export_apply_team (&ctx);
      for (guint j = 0; j < line.claims->len; j++)
        {
          const CrbLineClaim *claim = &g_array_index (line.claims, CrbLineClaim, j);
          const CrbDecision *d = claim->decision;
          const char *found[2] = { NULL, NULL };
          int rating;

          if (!_crb_export_included (&ctx, j))
            continue;

          switch (format)
            {
            case CRB_EXPORT_CLAIMREVIEW:
              found[0] = _crb_export_claimreview_label (d, &rating);
              break;
            case CRB_EXPORT_FEVER:
              _crb_export_fever_labels (&ctx, j, found);
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
      story_ctx_end (&ctx);
    }

  return TRUE;
}

/**
 * crb_export_check_review_url:
 * @base: where a publisher's reviews are published: an http or https URL,
 *   to which each review's claim id is added (after a slash unless it ends
 *   with `/`, `#` or `=`), or in which `{id}` marks where the claim id goes
 *
 * Returns: %TRUE when @base makes review URLs, else %FALSE with @error
 */
gboolean
crb_export_check_review_url (const char  *base,
                             GError     **error)
{
  g_autoptr (GUri) uri = NULL;
  const char *scheme;

  g_return_val_if_fail (base != NULL, FALSE);

  uri = g_uri_parse (base, G_URI_FLAGS_NONE, NULL);
  scheme = uri ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a web address (https://…) where reviews can be published"), base);
      return FALSE;
    }
  return TRUE;
}
