/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-import-extract.c: the extraction of imported articles' claims, on
 * every processor (crb_import_prepare_full()), and of an article's body */
#define G_LOG_DOMAIN "crb-import"

#include "config.h"

#include "crb-extract.h"
#include "crb-extract-command.h"
#include "crb-import.h"
#include "crb-utils.h"

#include <string.h>

/**
 * crb_import_prepare:
 * @threshold: the extraction threshold
 * @progress: (nullable): called after each article, from this thread
 *
 * Reads the articles of @paths and extracts their claims, touching no
 * project: the app runs this in a worker thread, then adds the result
 * with crb_project_import() on the main thread.
 *
 * Returns: (transfer container) (element-type CrbImportItem): as
 *   crb_import_paths(), with claims
 */
GPtrArray *
crb_import_prepare (const char * const  *paths,
                    CrbImportFlags       flags,
                    double               threshold,
                    GPtrArray           *warnings,
                    CrbImportProgress    progress,
                    gpointer             user_data,
                    GCancellable        *cancellable,
                    GError             **error)
{
  return crb_import_prepare_full (paths, flags, threshold, NULL, 0, warnings, progress, user_data,
                                  cancellable, error);
}

/* The extraction of crb_import_prepare_full(), an article per job, on
 * every thread; the results are taken in order.
 */
typedef struct
{
  CrbImportItem *item;
  GError        *error;
  gboolean       done;
} ExtractJob;

typedef struct
{
  GMutex        lock;
  GCond         cond;
  double        threshold;
  const char   *extractor_command;
  guint         extractor_timeout;
  GCancellable *cancellable;
  gint          stop;  /* atomic: the results are no longer taken */
} ExtractShared;

static void
extract_item (ExtractJob    *job,
              ExtractShared *shared)
{
  CrbImportItem *item = job->item;

  if (g_atomic_int_get (&shared->stop) ||
      g_cancellable_set_error_if_cancelled (shared->cancellable, &job->error))
    return;
  if (shared->extractor_command != NULL)
    item->claims = crb_extract_with_command (shared->extractor_command, item->article,
                                             shared->threshold, shared->extractor_timeout,
                                             shared->cancellable, &job->error);
  else
    item->claims = crb_extract_article_claims (item->article, shared->threshold);
}

static void
run_extract_job (gpointer data,
                 gpointer user_data)
{
  ExtractJob *job = data;
  ExtractShared *shared = user_data;

  extract_item (job, shared);
  g_mutex_lock (&shared->lock);
  job->done = TRUE;
  g_cond_broadcast (&shared->cond);
  g_mutex_unlock (&shared->lock);
}

/**
 * crb_import_prepare_full:
 * @extractor_command: (nullable): a user's extractor to run instead of the
 *   built-in engine (see crb_extract_with_command())
 * @extractor_timeout: seconds it may take per article; 0 for the default
 *
 * Like crb_import_prepare(), with the extractor of the user's choice.
 * The articles are extracted on every processor (see crb_thread_count());
 * @progress is called in the articles' order, from this thread, and the
 * first article whose extraction fails is the one reported.
 */
GPtrArray *
crb_import_prepare_full (const char * const  *paths,
                         CrbImportFlags       flags,
                         double               threshold,
                         const char          *extractor_command,
                         guint                extractor_timeout,
                         GPtrArray           *warnings,
                         CrbImportProgress    progress,
                         gpointer             user_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr (GPtrArray) items = crb_import_paths (paths, flags, warnings, cancellable, error);
  g_autofree ExtractJob *jobs = NULL;
  ExtractShared shared = { 0, };
  guint n_threads = crb_thread_count ();
  GThreadPool *pool = NULL;
  guint queued = 0;
  gboolean ok = TRUE;

  if (items == NULL)
    return NULL;

  shared.threshold = threshold;
  shared.extractor_command = extractor_command && *extractor_command ? extractor_command : NULL;
  shared.extractor_timeout = extractor_timeout ? extractor_timeout : CRB_EXTRACT_COMMAND_TIMEOUT;
  shared.cancellable = cancellable;
  g_mutex_init (&shared.lock);
  g_cond_init (&shared.cond);

  jobs = g_new0 (ExtractJob, items->len);
  if (n_threads > 1 && items->len > 1)
    pool = g_thread_pool_new (run_extract_job, &shared, (int) n_threads, FALSE, NULL);

  for (guint i = 0; ok && i < items->len; i++)
    {
      ExtractJob *job = &jobs[i];

      if (pool != NULL)
        {
          while (queued < items->len && queued < i + 4 * n_threads)
            {
              jobs[queued].item = g_ptr_array_index (items, queued);
              g_thread_pool_push (pool, &jobs[queued++], NULL);
            }
          g_mutex_lock (&shared.lock);
          while (!job->done)
            g_cond_wait (&shared.cond, &shared.lock);
          g_mutex_unlock (&shared.lock);
        }
      else
        {
          job->item = g_ptr_array_index (items, i);
          extract_item (job, &shared);
        }

      if (job->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&job->error));
          ok = FALSE;
        }
      else if (progress != NULL)
        progress (i + 1, items->len, user_data);
    }

  /* Done, or failed: queued articles are dropped, running ones finish. */
  g_atomic_int_set (&shared.stop, 1);
  if (pool != NULL)
    g_thread_pool_free (pool, TRUE, TRUE);
  for (guint i = 0; i < queued; i++)
    g_clear_error (&jobs[i].error);
  g_mutex_clear (&shared.lock);
  g_cond_clear (&shared.cond);

  return ok ? g_steal_pointer (&items) : NULL;
}

/**
 * crb_extract_article_sentences:
 *
 * Runs the extraction engine on the body of @article: the metadata at the
 * head of its text (before crb_article_get_body_start()) is left out, so
 * that it is never proposed as a claim.
 *
 * Returns: (transfer container) (element-type CrbSentence): the sentences
 *   of the body, their offsets in bytes into the whole text
 */
GPtrArray *
crb_extract_article_sentences (CrbArticle *article)
{
  GPtrArray *sentences;
  const char *text;
  gsize length, body;

  g_return_val_if_fail (CRB_IS_ARTICLE (article), NULL);

  text = crb_article_get_text (article);
  length = strlen (text);
  body = crb_utf8_chars_to_bytes (text, length, crb_article_get_body_start (article));
  sentences = crb_extract_sentences (text + body, (gssize) (length - body),
                                     crb_article_get_date (article));
  for (guint i = 0; i < sentences->len; i++)
    {
      CrbSentence *s = g_ptr_array_index (sentences, i);

      s->start += body;
      s->end += body;
    }

  return sentences;
}

/**
 * crb_extract_article_claims:
 * @threshold: the lowest check-worthiness score proposed
 *
 * Runs the extraction engine on @article (its body: see
 * crb_extract_article_sentences()).
 *
 * Returns: (transfer container) (element-type CrbClaim): claims with ids
 *   "ARTICLE:1", "ARTICLE:2"… in document order
 */
GPtrArray *
crb_extract_article_claims (CrbArticle *article,
                            double      threshold)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) sentences = NULL;
  const char *text;
  gsize byte_pos = 0;
  gsize char_pos = 0;
  guint n = 0;

  g_return_val_if_fail (CRB_IS_ARTICLE (article), claims);

  text = crb_article_get_text (article);
  sentences = crb_extract_article_sentences (article);
  for (guint i = 0; i < sentences->len; i++)
    {
      CrbSentence *s = g_ptr_array_index (sentences, i);
      g_autofree char *id = NULL;
      g_autofree char *span = NULL;
      CrbClaim *claim;
      gsize start, end;

      if (!crb_sentence_is_claim (s, threshold))
        continue;

      /* Sentences come in order: convert offsets incrementally. */
      char_pos += crb_utf8_bytes_to_chars (text + byte_pos, s->start - byte_pos);
      byte_pos = s->start;
      start = char_pos;
      end = start + crb_utf8_bytes_to_chars (text + s->start, s->end - s->start);

      id = g_strdup_printf ("%s:%u", crb_article_get_id (article), ++n);
      span = g_strndup (text + s->start, s->end - s->start);
      claim = crb_claim_new (id, crb_article_get_id (article), start, end, span);
      crb_claim_set_kind (claim, s->kind);
      crb_claim_set_score (claim, s->score);
      crb_claim_set_reasons (claim, (const char * const *) s->reasons);
      crb_claim_set_values_json (claim, s->values_json, -1);
      g_ptr_array_add (claims, claim);
    }

  return claims;
}

/**
 * crb_import_reid_claims:
 * @claims: (element-type CrbClaim): claims extracted ahead
 * @article_id: the id their article was given
 *
 * Returns: (transfer container) (element-type CrbClaim): copies of @claims
 *   with ids "ARTICLE:1", "ARTICLE:2"… of @article_id
 */
GPtrArray *
crb_import_reid_claims (GPtrArray  *claims,
                        const char *article_id)
{
  GPtrArray *renamed = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < claims->len; i++)
    {
      CrbClaim *old = g_ptr_array_index (claims, i);
      g_autofree char *id = g_strdup_printf ("%s:%u", article_id, i + 1);
      CrbClaim *claim = crb_claim_new (id, article_id, crb_claim_get_start (old), crb_claim_get_end (old),
                                       crb_claim_get_text (old));

      crb_claim_set_kind (claim, crb_claim_get_kind (old));
      crb_claim_set_score (claim, crb_claim_get_score (old));
      crb_claim_set_reasons (claim, crb_claim_get_reasons (old));
      crb_claim_set_values (claim, crb_claim_get_values (old));
      g_ptr_array_add (renamed, claim);
    }

  return renamed;
}
