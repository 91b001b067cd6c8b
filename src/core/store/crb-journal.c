/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-journal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-error.h"
#include "crb-journal.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

/*
 * The journal makes each decision durable the moment it is made, before the
 * project file is rewritten.  Lines are appended by a writer thread, so the
 * caller (the app's main loop) never waits for the disk: it queues a line and
 * goes on; the thread writes every queued line and fdatasync()s once per
 * batch, then reports the durable revision with the ::durable signal on the
 * main context that created the journal.  Compaction (dropping lines the
 * project file now holds) runs on the same thread, so it is ordered with the
 * appends.
 */

typedef enum {
  JOB_APPEND,
  JOB_COMPACT,
  JOB_QUIT,
} JobKind;

typedef struct
{
  JobKind  kind;
  guint64  revision;
  char    *line;
} Job;

typedef struct
{
  guint64  revision;
  char    *line;
} Kept;

struct _CrbJournal
{
  GObject       parent_instance;

  char         *path;
  GMainContext *context;
  GThread      *thread;

  GMutex        mutex;
  GCond         cond;
  GQueue        jobs;
  guint64       queued_revision;
  guint64       durable_revision;
  guint         busy;
  GError       *error;

  /* writer thread only */
  int           fd;
  GArray       *kept;   /* Kept: lines written since the last compaction */
};

G_DEFINE_FINAL_TYPE (CrbJournal, crb_journal, G_TYPE_OBJECT)

enum {
  DURABLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
job_free (Job *job)
{
  g_free (job->line);
  g_free (job);
}

static void
kept_clear (gpointer data)
{
  Kept *kept = data;

  g_free (kept->line);
}

static gboolean
write_all (int          fd,
           const char  *data,
           gsize        len,
           GError     **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          int saved_errno = errno;

          if (saved_errno == EINTR)
            continue;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("cannot write: %s"), g_strerror (saved_errno));
          return FALSE;
        }

      data += n;
      len -= n;
    }

  return TRUE;
}

/* A writer killed in the middle of a line leaves it without its newline.
 * That line was never reported durable; appending after it would glue the
 * next line to it and corrupt both, so it goes.
 */
static gboolean
drop_torn_tail (CrbJournal  *self,
                GError     **error)
{
  char buf[4096];
  off_t end = lseek (self->fd, 0, SEEK_END);
  off_t keep = 0;

  if (end <= 0)
    return TRUE;

  if (pread (self->fd, buf, 1, end - 1) == 1 && buf[0] == '\n')
    return TRUE;

  for (off_t pos = end; pos > 0 && keep == 0;)
    {
      off_t from = MAX (0, pos - (off_t) sizeof buf);
      ssize_t n = pread (self->fd, buf, pos - from, from);

      if (n <= 0)
        break;
      for (ssize_t i = n - 1; i >= 0; i--)
        if (buf[i] == '\n')
          {
            keep = from + i + 1;
            break;
          }
      pos = from;
    }

  g_debug ("%s: dropping %" G_GINT64_FORMAT " bytes of a line cut short", self->path, (gint64) (end - keep));
  if (ftruncate (self->fd, keep) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_for_append (CrbJournal  *self,
                 GError     **error)
{
  g_autofree char *dir = NULL;

  if (self->fd >= 0)
    return TRUE;

  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot create the folder: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  self->fd = g_open (self->path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: %s"), self->path, g_strerror (saved_errno));
      return FALSE;
    }

  return drop_torn_tail (self, error);
}

static gboolean
compact (CrbJournal  *self,
         guint64      saved_revision,
         GError     **error)
{
  g_autoptr (GString) rest = g_string_new (NULL);
  g_autoptr (GArray) kept = g_array_new (FALSE, FALSE, sizeof (Kept));

  g_array_set_clear_func (kept, kept_clear);

  for (guint i = 0; i < self->kept->len; i++)
    {
      Kept *k = &g_array_index (self->kept, Kept, i);

      if (k->revision > saved_revision)
        {
          g_string_append (rest, k->line);
          g_string_append_c (rest, '\n');
          g_array_append_val (kept, *k);
          k->line = NULL;
        }
    }

  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }

  g_array_unref (self->kept);
  self->kept = g_steal_pointer (&kept);

  if (rest->len == 0)
    {
      if (g_unlink (self->path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;
          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: %s"), self->path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  /* g_file_set_contents() writes a temporary file, fsyncs and renames. */
  return g_file_set_contents_full (self->path, rest->str, rest->len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

static gboolean
emit_durable_cb (gpointer data)
{
  g_autoptr (CrbJournal) self = g_weak_ref_get (data);
  guint64 revision;

  if (self == NULL)
    return G_SOURCE_REMOVE;

  g_mutex_lock (&self->mutex);
  revision = self->durable_revision;
  g_mutex_unlock (&self->mutex);

  g_signal_emit (self, signals[DURABLE], 0, revision);
  return G_SOURCE_REMOVE;
}

/* Reports to the journal's main context.  Not g_main_context_invoke(): it
 * runs the callback right here, in the writer thread, when nobody iterates
 * that context.  A weak reference, so a journal is never kept alive (nor
 * finalized on this thread) by a report nobody dispatches.
 */
static void
report_durable (CrbJournal *self)
{
  GWeakRef *ref = g_new0 (GWeakRef, 1);
  GSource *source = g_idle_source_new ();

  g_weak_ref_init (ref, self);
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, emit_durable_cb, ref, (GDestroyNotify) weak_ref_free);
  g_source_set_static_name (source, "[crb] journal durable");
  g_source_attach (source, self->context);
  g_source_unref (source);
}

static gpointer
writer_thread (gpointer data)
{
  CrbJournal *self = data;

  for (;;)
    {
      g_autoptr (GString) batch = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      GQueue jobs = G_QUEUE_INIT;
      guint64 batch_revision = 0;
      guint64 compact_revision = 0;
      gboolean do_compact = FALSE;
      gboolean quit = FALSE;

      g_mutex_lock (&self->mutex);
      while (g_queue_is_empty (&self->jobs))
        g_cond_wait (&self->cond, &self->mutex);
      jobs = self->jobs;
      g_queue_init (&self->jobs);
      self->busy++;
      g_mutex_unlock (&self->mutex);

      for (GList *l = jobs.head; l; l = l->next)
        {
          Job *job = l->data;

          switch (job->kind)
            {
            case JOB_APPEND:
              {
                Kept k = { job->revision, g_strdup (job->line) };

                g_string_append (batch, job->line);
                g_string_append_c (batch, '\n');
                g_array_append_val (self->kept, k);
                batch_revision = MAX (batch_revision, job->revision);
              }
              break;
            case JOB_COMPACT:
              /* Compaction goes by revision, so the appends of this batch,
               * written first, are kept whatever their order in the queue.
               */
              do_compact = TRUE;
              compact_revision = MAX (compact_revision, job->revision);
              break;
            case JOB_QUIT:
              quit = TRUE;
              break;
            default:
              g_assert_not_reached ();
            }
        }

      if (batch->len > 0)
        {
          if (open_for_append (self, &error) &&
              write_all (self->fd, batch->str, batch->len, &error) &&
              fdatasync (self->fd) != 0)
            {
              int saved_errno = errno;
              g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                           _("%s: %s"), self->path, g_strerror (saved_errno));
            }
        }

      if (error == NULL && do_compact)
        compact (self, compact_revision, &error);

      g_queue_clear_full (&jobs, (GDestroyNotify) job_free);

      g_mutex_lock (&self->mutex);
      if (error != NULL)
        {
          g_warning ("Journal: %s", error->message);
          if (self->error == NULL)
            self->error = g_steal_pointer (&error);
        }
      else if (batch_revision > self->durable_revision)
        self->durable_revision = batch_revision;
      self->busy--;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);

      if (batch_revision > 0)
        report_durable (self);

      if (quit)
        break;
    }

  return NULL;
}

static void
push_job (CrbJournal *self,
          Job        *job)
{
  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->jobs, job);
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

static void
crb_journal_dispose (GObject *object)
{
  CrbJournal *self = (CrbJournal *) object;

  /* Stop the writer here, not in finalize: the thread may still take a
   * reference to report a last batch durable.
   */
  if (self->thread != NULL)
    {
      Job *job = g_new0 (Job, 1);

      job->kind = JOB_QUIT;
      push_job (self, job);
      g_thread_join (g_steal_pointer (&self->thread));
    }

  G_OBJECT_CLASS (crb_journal_parent_class)->dispose (object);
}

static void
crb_journal_finalize (GObject *object)
{
  CrbJournal *self = (CrbJournal *) object;

  if (self->fd >= 0)
    close (self->fd);

  g_queue_clear_full (&self->jobs, (GDestroyNotify) job_free);
  g_clear_pointer (&self->kept, g_array_unref);
  g_clear_error (&self->error);
  g_main_context_unref (self->context);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->path);

  G_OBJECT_CLASS (crb_journal_parent_class)->finalize (object);
}

static void
crb_journal_class_init (CrbJournalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crb_journal_dispose;
  object_class->finalize = crb_journal_finalize;

  /**
   * CrbJournal::durable:
   * @revision: every line up to this revision is on disk
   *
   * Emitted on the main context that created the journal after a batch of
   * lines was written and synced.
   */
  signals[DURABLE] = g_signal_new ("durable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
}

static void
crb_journal_init (CrbJournal *self)
{
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->jobs);
  self->fd = -1;
  self->kept = g_array_new (FALSE, FALSE, sizeof (Kept));
  g_array_set_clear_func (self->kept, kept_clear);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * crb_journal_new:
 * @path: the journal file; created with its folder on the first append
 *
 * Returns: (transfer full): a journal.  The writer thread the journal owns
 *   stops when it is disposed, after writing every queued line.
 */
CrbJournal *
crb_journal_new (const char *path)
{
  CrbJournal *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (CRB_TYPE_JOURNAL, NULL);
  self->path = g_strdup (path);
  /* The thread holds no reference: dispose joins it. */
  self->thread = g_thread_new ("crb-journal", writer_thread, self);
  return self;
}

const char *
crb_journal_get_path (CrbJournal *self)
{
  g_return_val_if_fail (CRB_IS_JOURNAL (self), NULL);
  return self->path;
}

/**
 * crb_journal_append:
 * @revision: the project revision the line brings the project to
 * @line: one line of JSON, without a newline
 *
 * Queues @line; it is on disk when ::durable reports @revision or a later
 * one, or when crb_journal_flush() returns %TRUE.  Never blocks on I/O.
 */
void
crb_journal_append (CrbJournal *self,
                    guint64     revision,
                    const char *line)
{
  Job *job;

  g_return_if_fail (CRB_IS_JOURNAL (self));
  g_return_if_fail (line != NULL && strchr (line, '\n') == NULL);

  job = g_new0 (Job, 1);
  job->kind = JOB_APPEND;
  job->revision = revision;
  job->line = g_strdup (line);

  g_mutex_lock (&self->mutex);
  self->queued_revision = MAX (self->queued_revision, revision);
  g_mutex_unlock (&self->mutex);

  push_job (self, job);
}

/**
 * crb_journal_compact:
 * @saved_revision: the revision the project file now holds
 *
 * Queues the removal of the lines that the project file holds.
 */
void
crb_journal_compact (CrbJournal *self,
                     guint64     saved_revision)
{
  Job *job;

  g_return_if_fail (CRB_IS_JOURNAL (self));

  job = g_new0 (Job, 1);
  job->kind = JOB_COMPACT;
  job->revision = saved_revision;
  push_job (self, job);
}

/**
 * crb_journal_flush:
 *
 * Waits until every queued job is done.
 *
 * Returns: %TRUE when every appended line is on disk
 */
gboolean
crb_journal_flush (CrbJournal  *self,
                   GError     **error)
{
  gboolean ret;

  g_return_val_if_fail (CRB_IS_JOURNAL (self), FALSE);

  g_mutex_lock (&self->mutex);
  while (!g_queue_is_empty (&self->jobs) || self->busy > 0)
    g_cond_wait (&self->cond, &self->mutex);

  ret = self->error == NULL;
  if (!ret)
    g_propagate_error (error, g_error_copy (self->error));
  g_mutex_unlock (&self->mutex);

  return ret;
}

guint64
crb_journal_get_durable_revision (CrbJournal *self)
{
  guint64 revision;

  g_return_val_if_fail (CRB_IS_JOURNAL (self), 0);

  g_mutex_lock (&self->mutex);
  revision = self->durable_revision;
  g_mutex_unlock (&self->mutex);

  return revision;
}

/**
 * crb_journal_read:
 * @path: a journal file
 *
 * Reads the lines of a journal.  A last line cut short by a crash is
 * dropped: it was never reported durable.
 *
 * Returns: (transfer container) (element-type JsonNode): the parsed lines,
 *   an empty array when there is no journal; %NULL on a read error
 */
GPtrArray *
crb_journal_read (const char  *path,
                  GError     **error)
{
  g_autoptr (GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autofree char *contents = NULL;
  gsize len = 0;
  char *p, *end;
  guint lineno = 0;

  if (!g_file_get_contents (path, &contents, &len, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&lines);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  end = contents + len;
  for (p = contents; p < end;)
    {
      char *nl = memchr (p, '\n', end - p);
      gsize line_len = (nl ? nl : end) - p;
      JsonNode *root;

      lineno++;
      if (nl == NULL)
        {
          /* Cut short: written, never synced as a whole. */
          g_debug ("%s:%u: dropping an incomplete last line", path, lineno);
          break;
        }

      if (line_len > 0)
        {
          if (!json_parser_load_from_data (parser, p, line_len, &local_error) ||
              (root = json_parser_get_root (parser)) == NULL ||
              !JSON_NODE_HOLDS_OBJECT (root))
            {
              g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                           _("%s:%u: the journal line is not a JSON object%s%s"),
                           path, lineno,
                           local_error ? ": " : "",
                           local_error ? local_error->message : "");
              return NULL;
            }
          g_ptr_array_add (lines, json_node_ref (root));
        }

      p = nl + 1;
    }

  return g_steal_pointer (&lines);
}

/**
 * crb_journal_path_for_project:
 * @project_id: a project's id
 *
 * The journal lives in the user's data folder, not beside the project:
 * under Flatpak the app may only reach the project file the user picked.
 *
 * Returns: (transfer full): the journal path for the project
 */
char *
crb_journal_path_for_project (const char *project_id)
{
  g_autofree char *name = g_strconcat (project_id, ".jsonl", NULL);

  g_return_val_if_fail (project_id != NULL, NULL);

  return g_build_filename (g_get_user_data_dir (), "corroborate", "journal", name, NULL);
}
