/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-import.c: the project takes in what import/ read: articles
 * from files, folders and corpora, or a whole native export. */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-private.h"

#include "crb-extract-command.h"
#include "crb-import.h"
#include "crb-import-export.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/**
 * crb_project_import:
 * @items: (element-type CrbImportItem): from crb_import_paths()
 * @story_title: the story for items that name none
 * @threshold: the extraction threshold
 *
 * Adds the articles to the project, in their stories (made as needed),
 * giving them unique ids, and extracts their claims.
 */
gboolean
crb_project_import (CrbProject    *project,
                    GPtrArray     *items,
                    const char    *story_title,
                    double         threshold,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr (GHashTable) touched = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);
  g_return_val_if_fail (story_title != NULL, FALSE);

  touched = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      CrbImportItem *item = g_ptr_array_index (items, i);
      const char *title = item->story ? item->story : story_title;
      g_autofree char *id = NULL;
      g_autoptr (CrbArticle) article = NULL;
      g_autoptr (GPtrArray) claims = NULL;
      CrbStory *story;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      story = crb_project_find_story_by_title (project, title);
      if (story == NULL)
        story = crb_project_add_story (project, title);
      if (!crb_story_ensure_loaded (story, error))
        return FALSE;

      id = crb_project_make_article_id (project, crb_import_item_get_id (item));
      article = crb_import_item_read (item, id, error);
      if (article == NULL)
        return FALSE;
      if (item->claims != NULL && article == item->article)
        claims = g_ptr_array_ref (item->claims);

      /* Claims extracted ahead carry the wanted id: give them the new one. */
      if (claims == NULL && item->claims != NULL)
        claims = crb_import_reid_claims (item->claims, id);
      if (claims == NULL)
        claims = crb_extract_article_claims (article, threshold);

      crb_project_add_article (project, story, article);
      for (guint j = 0; j < claims->len; j++)
        crb_story_add_claim (story, g_ptr_array_index (claims, j));
      g_hash_table_add (touched, story);
    }

  /* New articles: link their claims with the others of their stories. */
  {
    GHashTableIter iter;
    gpointer story;

    g_hash_table_iter_init (&iter, touched);
    while (g_hash_table_iter_next (&iter, &story, NULL))
      crb_story_realign (story);
  }

  return TRUE;
}

/**
 * crb_project_import_export:
 * @project: a new project, without stories
 * @file: a native JSON Lines export (`corroborate-cli export --format jsonl`)
 *
 * Rebuilds the stories, articles, claims and decisions of an export in
 * @project (see crb_import_read_export()); links made by hand come back,
 * and the alignment is computed again.
 *
 * Every record is checked before @project changes: on error it is left
 * as it was, and the message names the file and the line at fault.
 *
 * Returns: %TRUE when the project holds the export
 */
gboolean
crb_project_import_export (CrbProject    *project,
                           GFile         *file,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_autoptr (GPtrArray) read = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (g_list_model_get_n_items (crb_project_get_stories (project)) == 0, FALSE);

  read = crb_import_read_export (file, cancellable, error);
  if (read == NULL)
    return FALSE;

  /* Everything is read and checked: nothing below can fail. */
  for (guint i = 0; i < read->len; i++)
    {
      CrbStory *from = g_ptr_array_index (read, i);
      CrbStory *story = crb_project_add_story_with_id (project, crb_story_get_id (from),
                                                       crb_story_get_title (from));
      GListModel *articles = crb_story_get_articles (from);
      GListModel *claims = crb_story_get_claims (from);
      GPtrArray *manual = crb_story_get_manual_links (from);

      for (guint j = 0; j < g_list_model_get_n_items (articles); j++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (articles, j);
          crb_project_add_article (project, story, article);
        }
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          crb_story_add_claim (story, claim);
        }
      for (guint j = 0; j < manual->len; j++)
        g_ptr_array_add (crb_story_get_manual_links (story),
                         crb_link_copy (g_ptr_array_index (manual, j)));
      crb_story_realign (story);
    }

  return TRUE;
}

/*
 * The import of crb_import_scan()'s items, story by story.
 *
 * Stories are independent, so each one touched is made aside by a worker
 * thread: its line before (if it had one) parsed, its new articles read
 * again and extracted, the story aligned and written as its line, and
 * its objects freed.  The main thread takes the lines in story order and
 * appends them to a spool, a nameless file beside the project; once all
 * are there, the spool is mapped and each story becomes an unloaded
 * story whose line is in it, as if it had been read from a file.  The
 * save that follows copies the lines from the spool into the project
 * file after its header, which comes first but is known last, giving
 * back the spool's pages as it goes.  So memory holds a few stories at a
 * time, whatever the size of the import, and the result does not depend
 * on the number of threads: every story is made by one thread, in the
 * same way, and everything that is shared (story ids, article ids, the
 * revision) is decided on the main thread before the workers start.
 */

typedef struct
{
  guint       index;
  CrbStory   *story;     /* the project's; the main thread's only */
  char       *id;        /* the story's, for the worker */
  char       *title;
  GBytes     *from;      /* the story's line before; NULL for a story new to the project */
  GFile      *file;      /* where the story's line is, for messages */
  guint       lineno;
  GPtrArray  *items;     /* CrbImportItem, borrowed */
  GPtrArray  *ids;       /* char *: the ids their articles get */

  /* the worker's */
  CrbStory   *work;      /* the story made aside, unloaded, holding its summary */
  GBytes     *line;
  GError     *error;
  gboolean    done;

  /* the main thread's */
  CrbStorySummary summary; /* what the header keeps of the story made */
  goffset     offset;    /* of the line in the spool */
  gsize       length;
} Job;

static void
job_free (Job *job)
{
  if (job == NULL)
    return;
  g_free (job->id);
  g_free (job->title);
  g_clear_pointer (&job->from, g_bytes_unref);
  g_clear_object (&job->file);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_clear_pointer (&job->ids, g_ptr_array_unref);
  g_clear_object (&job->work);
  g_clear_pointer (&job->line, g_bytes_unref);
  g_clear_error (&job->error);
  _crb_story_summary_clear (&job->summary);
  g_free (job);
}

static void
copy_summary (CrbStorySummary       *to,
              const CrbStorySummary *from)
{
  guint n = from->article_ids ? g_strv_length (from->article_ids) : 0;

  *to = *from;
  to->article_ids = g_strdupv (from->article_ids);
  if (from->articles != NULL)
    {
      to->articles = g_memdup2 (from->articles, n * sizeof *from->articles);
      for (guint i = 0; i < n; i++)
        to->articles[i].outlet = g_strdup (from->articles[i].outlet);
    }
}

typedef struct
{
  GMutex        lock;
  GCond         cond;
  double        threshold;
  const char   *extractor_command;
  guint         extractor_timeout;
  GCancellable *cancellable;
  GPtrArray    *mapped;  /* the project's mapped files, unchanged while the workers run */
  gint          failed;  /* atomic: the first job at fault so far; the jobs after it stop */
} Shared;

/* Whether the job need not finish: one before it failed (its result is
 * never taken).
 */
static gboolean
job_stopped (Job    *job,
             Shared *shared)
{
  return (gint) job->index > g_atomic_int_get (&shared->failed);
}

/* The claims of an item's article, as crb_project_import() makes them. */
static GPtrArray *
item_claims (CrbImportItem  *item,
             CrbArticle     *article,
             Shared         *shared,
             GError        **error)
{
  if (item->claims != NULL)
    {
      /* Extracted ahead, with the id the article wanted. */
      if (item->article != NULL &&
          g_strcmp0 (crb_article_get_id (article), crb_article_get_id (item->article)) == 0)
        return g_ptr_array_ref (item->claims);
      return crb_import_reid_claims (item->claims, crb_article_get_id (article));
    }
  if (shared->extractor_command != NULL)
    return crb_extract_with_command (shared->extractor_command, article, shared->threshold,
                                     shared->extractor_timeout, shared->cancellable, error);
  return crb_extract_article_claims (article, shared->threshold);
}

static gboolean
make_story (Job     *job,
            Shared  *shared,
            GError **error)
{
  g_autoptr (CrbStory) work = crb_story_new (job->id, job->title);

  _crb_story_set_driver (work, &_crb_project_story_driver);
  if (job->from != NULL)
    {
      CrbStorySummary none = { .n_contested = -1 };

      _crb_story_set_unloaded (work, &none, job->from, job->file, job->lineno);
      if (!crb_story_ensure_loaded (work, error))
        return FALSE;
      /* Parsed: the pages of the line before, in the project's file, go. */
      _crb_mapped_release (shared->mapped, g_bytes_get_data (job->from, NULL),
                           g_bytes_get_size (job->from));
    }

  for (guint i = 0; i < job->items->len; i++)
    {
      CrbImportItem *item = g_ptr_array_index (job->items, i);
      g_autoptr (CrbArticle) article = NULL;
      g_autoptr (GPtrArray) claims = NULL;

      if (job_stopped (job, shared) ||
          g_cancellable_set_error_if_cancelled (shared->cancellable, error))
        return FALSE;

      article = crb_import_item_read (item, g_ptr_array_index (job->ids, i), error);
      if (article == NULL)
        return FALSE;
      claims = item_claims (item, article, shared, error);
      if (claims == NULL)
        return FALSE;

      crb_story_add_article (work, article);
      for (guint j = 0; j < claims->len; j++)
        crb_story_add_claim (work, g_ptr_array_index (claims, j));
    }

  /* The line computes the links; unloading keeps the counts the header
   * wants, and frees the rest.
   */
  crb_story_realign (work);
  job->line = _crb_story_serialize (work);
  _crb_story_set_raw (work, job->line);
  crb_story_unload (work);
  job->work = g_steal_pointer (&work);
  return TRUE;
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Shared *shared = user_data;
  GError *error = NULL;

  if (!job_stopped (job, shared) && !make_story (job, shared, &error))
    {
      gint failed;

      job->error = error;
      do
        failed = g_atomic_int_get (&shared->failed);
      while ((gint) job->index < failed &&
             !g_atomic_int_compare_and_exchange (&shared->failed, failed, (gint) job->index));
    }

  g_mutex_lock (&shared->lock);
  job->done = TRUE;
  g_cond_broadcast (&shared->cond);
  g_mutex_unlock (&shared->lock);
}

/* A file in @dir, removed at once: nothing is left of it after a crash,
 * and it is on the disk the project goes to.  @name: the project's, for
 * messages.
 */
static int
open_spool (const char  *dir,
            const char  *name,
            GError     **error)
{
  g_autofree char *tmpl = NULL;
  int fd;

  tmpl = g_build_filename (dir, ".corroborate-import-XXXXXX", NULL);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write in %s: %s"), name, dir, g_strerror (saved_errno));
      return -1;
    }
  g_unlink (tmpl);
  return fd;
}

/* Where the spool goes: beside the file the project will be saved to. */
static char *
spool_dir (CrbProject  *self,
           GFile       *beside,
           char       **name)
{
  GFile *file = beside ? beside : self->file;
  g_autofree char *path = file ? g_file_get_path (file) : NULL;

  *name = file ? g_file_get_parse_name (file) : g_strdup (crb_project_get_title (self));
  return path ? g_path_get_dirname (path) : g_strdup (g_get_tmp_dir ());
}

/* Makes every job's story in worker threads, in order, and appends the
 * lines to @spool_fd.
 */
static gboolean
run_jobs (GPtrArray  *jobs,
          Shared     *shared,
          int         spool_fd,
          const char *spool_name,
          GError    **error)
{
  g_autoptr (GError) local_error = NULL;
  guint n_threads = crb_thread_count ();
  guint window = 2 * n_threads + 2;   /* stories in memory at once */
  guint queued = 0;
  goffset size = 0;
  GThreadPool *pool;
  gboolean ok = TRUE;

  pool = g_thread_pool_new (run_job, shared, (int) n_threads, FALSE, &local_error);
  if (pool == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  for (guint i = 0; ok && i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      while (queued < jobs->len && queued < i + window)
        g_thread_pool_push (pool, g_ptr_array_index (jobs, queued++), NULL);

      g_mutex_lock (&shared->lock);
      while (!job->done)
        g_cond_wait (&shared->cond, &shared->lock);
      g_mutex_unlock (&shared->lock);

      if (job->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&job->error));
          ok = FALSE;
          break;
        }

      job->offset = size;
      job->length = g_bytes_get_size (job->line);
      ok = crb_write_all (spool_fd, g_bytes_get_data (job->line, NULL), job->length, spool_name,
                          error) &&
           crb_write_all (spool_fd, "\n", 1, spool_name, error);
      size += (goffset) job->length + 1;

      /* The line is in the spool: only the summary is kept. */
      g_clear_pointer (&job->line, g_bytes_unref);
      copy_summary (&job->summary, _crb_story_get_summary (job->work));
      g_clear_object (&job->work);
    }

  /* Done, or failed: queued stories are dropped, running ones stop. */
  g_atomic_int_set (&shared->failed, -1);
  g_thread_pool_free (pool, TRUE, TRUE);
  return ok;
}

/* Leaves the project as it was before the import planned its stories. */
static void
undo_plan (CrbProject *self,
           GPtrArray  *jobs,
           guint       n_stories,
           guint64     revision,
           gboolean    header_dirty)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));

  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      for (guint j = 0; j < job->ids->len; j++)
        g_hash_table_remove (self->article_index, g_ptr_array_index (job->ids, j));
    }
  for (guint i = n_stories; i < n; i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      g_hash_table_remove (self->story_index, crb_story_get_id (story));
    }
  g_list_store_splice (self->stories, n_stories, n - n_stories, NULL, 0);
  self->data.revision = revision;
  self->header_dirty = header_dirty;
  _crb_project_notify_state (self, FALSE);
}

/**
 * crb_project_import_scanned:
 * @items: (element-type CrbImportItem): from crb_import_scan() (or
 *   crb_import_paths(), crb_import_prepare())
 * @story_title: the story for items that name none
 * @threshold: the extraction threshold
 * @extractor_command: (nullable): a user's extractor to run instead of the
 *   built-in engine (see crb_extract_with_command())
 * @extractor_timeout: seconds it may take per article; 0 for the default
 * @beside: (nullable): the file the project will be saved to, when not
 *   its own: the import keeps its work on that disk
 *
 * Adds the articles to the project as crb_project_import() does (same
 * stories, ids, claims and links), but story by story, with the stories
 * made in parallel (one thread per processor, or `$CORROBORATE_THREADS`),
 * and leaves them unloaded: the stories it touches are written to a
 * temporary file beside the project as they are done, and only a few are
 * in memory at once.  The result is the same whatever the number of
 * threads.  Save the project afterwards.
 *
 * On error (an input that changed since it was scanned, an extractor that
 * failed) the project is left as it was.
 *
 * Returns: %TRUE when the project holds the articles
 */
gboolean
crb_project_import_scanned (CrbProject    *self,
                            GPtrArray     *items,
                            const char    *story_title,
                            double         threshold,
                            const char    *extractor_command,
                            guint          extractor_timeout,
                            GFile         *beside,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autoptr (GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr (GHashTable) by_title = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) by_story = g_hash_table_new (NULL, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  g_autoptr (GMappedFile) mapped = NULL;
  g_autoptr (GBytes) spool = NULL;
  g_autoptr (GError) local_error = NULL;
  guint n_stories = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  guint64 revision = self->data.revision;
  gboolean header_dirty = self->header_dirty;
  Shared shared = { 0, };
  gboolean ok;
  int spool_fd;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);
  g_return_val_if_fail (story_title != NULL, FALSE);

  if (items->len == 0)
    return TRUE;

  /* Stories by title, the first of each title as
   * crb_project_find_story_by_title() finds it.
   */
  for (guint i = 0; i < n_stories; i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      if (!g_hash_table_contains (by_title, crb_story_get_title (story)))
        g_hash_table_insert (by_title, (char *) crb_story_get_title (story), story);
    }

  /* Everything shared is decided here, in the items' order. */
  for (guint i = 0; i < items->len; i++)
    {
      CrbImportItem *item = g_ptr_array_index (items, i);
      const char *title = item->story ? item->story : story_title;
      CrbStory *story = g_hash_table_lookup (by_title, title);
      gboolean is_new = FALSE;
      char *id;
      Job *job;

      if (story == NULL)
        {
          story = crb_project_add_story (self, title);
          g_hash_table_insert (by_title, (char *) crb_story_get_title (story), story);
          is_new = TRUE;
        }

      job = g_hash_table_lookup (by_story, story);
      if (job == NULL)
        {
          job = g_new0 (Job, 1);
          job->index = jobs->len;
          job->story = story;
          job->id = g_strdup (crb_story_get_id (story));
          job->title = g_strdup (crb_story_get_title (story));
          job->items = g_ptr_array_new ();
          job->ids = g_ptr_array_new_with_free_func (g_free);
          /* A story of the project is made again from its line (the
           * line a save would write, if it changed since it was read).
           */
          if (is_new)
            job->from = NULL;
          else if (crb_story_is_loaded (story))
            job->from = _crb_story_serialize (story);
          else
            job->from = g_bytes_ref (_crb_story_get_raw (story));
          g_hash_table_insert (by_story, story, job);
          g_ptr_array_add (jobs, job);
        }

      id = crb_project_make_article_id (self, crb_import_item_get_id (item));
      g_hash_table_insert (self->article_index, g_strdup (id), story);
      self->data.revision++;
      g_ptr_array_add (job->items, item);
      g_ptr_array_add (job->ids, id);
    }
  self->header_dirty = TRUE;

  /* Where each story's line will be in the file, for messages. */
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      guint position = 0;

      g_list_store_find (self->stories, job->story, &position);
      job->file = _crb_story_get_file (job->story) ? g_object_ref (_crb_story_get_file (job->story))
                : beside ? g_object_ref (beside) : self->file ? g_object_ref (self->file) : NULL;
      job->lineno = _crb_story_get_line (job->story) ? _crb_story_get_line (job->story)
                                                     : position + 2;
    }

  dir = spool_dir (self, beside, &name);
  spool_fd = open_spool (dir, name, error);
  if (spool_fd < 0)
    {
      undo_plan (self, jobs, n_stories, revision, header_dirty);
      return FALSE;
    }

  g_mutex_init (&shared.lock);
  g_cond_init (&shared.cond);
  shared.threshold = threshold;
  shared.extractor_command = extractor_command && *extractor_command ? extractor_command : NULL;
  shared.extractor_timeout = extractor_timeout ? extractor_timeout : CRB_EXTRACT_COMMAND_TIMEOUT;
  shared.cancellable = cancellable;
  shared.mapped = self->mapped;
  shared.failed = G_MAXINT;
  ok = run_jobs (jobs, &shared, spool_fd, name, error);
  g_mutex_clear (&shared.lock);
  g_cond_clear (&shared.cond);

  if (ok)
    {
      mapped = g_mapped_file_new_from_fd (spool_fd, FALSE, &local_error);
      if (mapped == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", name, local_error->message);
          ok = FALSE;
        }
    }
  close (spool_fd);
  if (!ok)
    {
      undo_plan (self, jobs, n_stories, revision, header_dirty);
      return FALSE;
    }

  /* Each story is now its line in the spool, as if read from a file. */
  spool = g_mapped_file_get_bytes (mapped);
  g_ptr_array_add (self->mapped, g_bytes_ref (spool));
  for (guint i = 0; i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);
      g_autoptr (GBytes) line = g_bytes_new_from_bytes (spool, (gsize) job->offset, job->length);

      _crb_story_set_unloaded (job->story, &job->summary, line, job->file, job->lineno);
    }

  _crb_project_notify_state (self, FALSE);
  return TRUE;
}
