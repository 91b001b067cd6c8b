/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-journal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-journal-private.h"

#include "crb-error.h"
#include "crb-json.h"
#include "crb-utils.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

/*
 * The journal makes each change durable the moment it is made, before the
 * project file is rewritten, and lets several programs change one project
 * at once.  docs/project-format.md, "Several writers", is the contract;
 * in short:
 *
 * - Each project id has a folder, $XDG_DATA_HOME/corroborate/journal/ID/.
 *   Under Flatpak the app may only reach the file the user picked, so
 *   nothing lives beside the project.
 * - A journal belongs to one state of one file: its name is the file's
 *   save id (new at every write of the file), device and inode.  A copy
 *   of the file has another inode, so it never takes the original's
 *   changes; a file moved to another file system (its old path gone)
 *   adopts its journal.  The first line of a journal names its owner.
 * - `lock` serialises the changes of every program: a change is made with
 *   the lock held, after reading what the others appended since (the
 *   tail), so the journal's order is the order the changes were made.
 * - Each program with the project open holds a shared lease on its file;
 *   rewriting the file (compaction) takes the lease exclusively, so it
 *   happens only while one program has the file open, and never behind
 *   another program's back.  The lease changes hands only with the lock
 *   held: flock() converts a lock by dropping it first.
 * - A line that cannot be read or applied is reported with the journal's
 *   path and line, and copied to `set-aside.jsonl` in the folder; every
 *   other line is applied.
 *
 * Appending writes the line at once, under the lock; a thread then makes
 * it durable (fdatasync) and reports it with ::durable on the main context
 * that opened the journal, so the app's main loop never waits for a disk.
 */

typedef enum {
  JOB_SYNC,
  JOB_QUIT,
} JobKind;

struct _CrbJournal
{
  GObject       parent_instance;

  char         *project_id;
  char         *dir;
  char         *path;          /* the journal of the file's current state */
  char         *set_aside_path;
  char         *file_path;     /* the project file, for messages and leases */
  GMainContext *context;
  GThread      *thread;

  /* Between threads of this process; the flock between processes. */
  GRecMutex     lock_mutex;
  guint         lock_depth;
  int           lock_fd;
  int           lease_fd;
  gboolean      exclusive;

  GMutex        mutex;         /* guards what follows */
  GCond         cond;
  GQueue        jobs;
  int           fd;            /* the journal, O_APPEND; -1 until the first append */
  gsize         offset;        /* read and applied up to here */
  guint         lineno;        /* lines read so far */
  guint64       written_revision;
  guint64       durable_revision;
  guint         busy;
  GError       *error;

  /* between crb_journal_switch() and crb_journal_finish_switch () */
  char         *next_path;
  gsize         next_offset;
  guint         next_lineno;
};

G_DEFINE_FINAL_TYPE (CrbJournal, crb_journal, G_TYPE_OBJECT)

enum {
  DURABLE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

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

static void
weak_ref_free (GWeakRef *ref)
{
  g_weak_ref_clear (ref);
  g_free (ref);
}

/* Reports to the journal's main context (not g_main_context_invoke(),
 * which would run the callback here when nobody iterates that context).
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
sync_thread (gpointer data)
{
  CrbJournal *self = data;

  for (;;)
    {
      gboolean quit = FALSE;
      guint64 revision;
      int fd;
      int saved_errno = 0;

      g_mutex_lock (&self->mutex);
      while (g_queue_is_empty (&self->jobs))
        g_cond_wait (&self->cond, &self->mutex);
      while (!g_queue_is_empty (&self->jobs))
        quit |= GPOINTER_TO_INT (g_queue_pop_head (&self->jobs)) == JOB_QUIT;
      self->busy++;
      revision = self->written_revision;
      fd = self->fd >= 0 ? dup (self->fd) : -1;
      g_mutex_unlock (&self->mutex);

      if (fd >= 0)
        {
          if (fdatasync (fd) != 0)
            saved_errno = errno;
          close (fd);
        }

      g_mutex_lock (&self->mutex);
      if (saved_errno != 0)
        {
          g_warning ("Journal: %s: %s", self->path, g_strerror (saved_errno));
          if (self->error == NULL)
            _crb_journal_set_errno_error (&self->error, saved_errno, self->path);
        }
      else if (revision > self->durable_revision)
        self->durable_revision = revision;
      self->busy--;
      g_cond_broadcast (&self->cond);
      g_mutex_unlock (&self->mutex);

      if (saved_errno == 0)
        report_durable (self);

      if (quit)
        break;
    }

  return NULL;
}

static void
push_job (CrbJournal *self,
          JobKind     kind)
{
  g_mutex_lock (&self->mutex);
  g_queue_push_tail (&self->jobs, GINT_TO_POINTER (kind));
  g_cond_broadcast (&self->cond);
  g_mutex_unlock (&self->mutex);
}

static void
crb_journal_dispose (GObject *object)
{
  CrbJournal *self = (CrbJournal *) object;

  /* Stop the thread here, not in finalize: it may still take a reference
   * to report a last line durable.
   */
  if (self->thread != NULL)
    {
      push_job (self, JOB_QUIT);
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
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  if (self->lease_fd >= 0)
    close (self->lease_fd);

  g_queue_clear (&self->jobs);
  g_clear_error (&self->error);
  g_main_context_unref (self->context);
  g_rec_mutex_clear (&self->lock_mutex);
  g_mutex_clear (&self->mutex);
  g_cond_clear (&self->cond);
  g_free (self->project_id);
  g_free (self->dir);
  g_free (self->path);
  g_free (self->set_aside_path);
  g_free (self->file_path);
  g_free (self->next_path);

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
   * @revision: every line appended up to this revision is on disk
   *
   * Emitted on the main context that opened the journal.
   */
  signals[DURABLE] = g_signal_new ("durable", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT64);
}

static void
crb_journal_init (CrbJournal *self)
{
  g_rec_mutex_init (&self->lock_mutex);
  g_mutex_init (&self->mutex);
  g_cond_init (&self->cond);
  g_queue_init (&self->jobs);
  self->fd = -1;
  self->lock_fd = -1;
  self->lease_fd = -1;
  self->context = g_main_context_ref_thread_default ();
}

static int
open_lock_file (const char  *path,
                GError     **error)
{
  int fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);

  if (fd < 0)
    _crb_journal_set_errno_error (error, errno, path);
  return fd;
}

static gboolean
flock_retry (int fd,
             int op)
{
  while (flock (fd, op) != 0)
    {
      if (errno != EINTR)
        return FALSE;
    }
  return TRUE;
}

/**
 * crb_journal_open:
 * @project_id: the project's id
 * @file: the project file
 *
 * Opens the journal folder of a project and takes a shared lease on the
 * file, held until the journal is disposed.  Then, with the lock held,
 * crb_journal_attach() finds the journal of the file's state.
 *
 * Returns: (transfer full): the journal, or %NULL with @error set when its
 *   folder cannot be made or its lock files opened
 */
CrbJournal *
crb_journal_open (const char  *project_id,
                  GFile       *file,
                  GError     **error)
{
  g_autoptr (CrbJournal) self = NULL;
  g_autofree char *lock_path = NULL;
  g_autofree char *lease_path = NULL;
  g_autofree char *path_hash = NULL;

  g_return_val_if_fail (project_id != NULL, NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (CRB_TYPE_JOURNAL, NULL);
  self->project_id = g_strdup (project_id);
  self->dir = crb_journal_dir_for_project (project_id);
  self->set_aside_path = g_build_filename (self->dir, "set-aside.jsonl", NULL);
  self->file_path = g_file_get_path (file);
  if (self->file_path == NULL)
    self->file_path = g_file_get_parse_name (file);
  else
    {
      char *real = realpath (self->file_path, NULL);

      if (real != NULL)
        {
          g_free (self->file_path);
          self->file_path = g_strdup (real);
          free (real);
        }
    }

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      _crb_journal_set_errno_error (error, errno, self->dir);
      return NULL;
    }

  lock_path = g_build_filename (self->dir, "lock", NULL);
  path_hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, self->file_path, -1);
  path_hash[16] = '\0';
  lease_path = g_strdup_printf ("%s/lease-%s", self->dir, path_hash);
  self->lock_fd = open_lock_file (lock_path, error);
  if (self->lock_fd < 0)
    return NULL;
  self->lease_fd = open_lock_file (lease_path, error);
  if (self->lease_fd < 0)
    return NULL;

  /* Shared: any number of programs have the file open; a compaction
   * waits until the others are gone.
   */
  if (!flock_retry (self->lease_fd, LOCK_SH))
    {
      _crb_journal_set_errno_error (error, errno, lease_path);
      return NULL;
    }

  self->thread = g_thread_new ("crb-journal", sync_thread, self);
  return g_steal_pointer (&self);
}

/**
 * crb_journal_attach:
 * @save_id: the save id of the file's header: the state the journal
 *   continues
 * @dev: the device of the file as read
 * @ino: its inode
 * @problems: (element-type utf8): where messages for the user go
 *
 * Finds the journal of the file's state, with the lock held.  It is
 * created by the first append.
 */
void
crb_journal_attach (CrbJournal *self,
                    const char *save_id,
                    guint64     dev,
                    guint64     ino,
                    GPtrArray  *problems)
{
  g_return_if_fail (CRB_IS_JOURNAL (self));
  g_return_if_fail (save_id != NULL);
  g_return_if_fail (self->lock_depth > 0);

  g_mutex_lock (&self->mutex);
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  g_free (self->path);
  self->path = _crb_journal_find (self->dir, self->project_id, self->file_path, save_id, dev, ino, problems);
  self->offset = 0;
  self->lineno = 0;
  g_mutex_unlock (&self->mutex);

  /* Written before the first change, so that the journal names its owner. */
  g_object_set_data_full (G_OBJECT (self), "owner-line",
                          _crb_journal_owner_line (self->project_id, self->file_path, save_id, dev, ino), g_free);
}

const char *
crb_journal_get_path (CrbJournal *self)
{
  g_return_val_if_fail (CRB_IS_JOURNAL (self), NULL);
  return self->path;
}

const char *
crb_journal_get_set_aside_path (CrbJournal *self)
{
  g_return_val_if_fail (CRB_IS_JOURNAL (self), NULL);
  return self->set_aside_path;
}

/**
 * crb_journal_lock:
 *
 * Takes the project's lock: held, no other program (nor thread) reads the
 * tail or appends.  Locks nest within a thread.
 */
gboolean
crb_journal_lock (CrbJournal  *self,
                  GError     **error)
{
  g_return_val_if_fail (CRB_IS_JOURNAL (self), FALSE);

  g_rec_mutex_lock (&self->lock_mutex);
  if (self->lock_depth++ > 0)
    return TRUE;

  if (!flock_retry (self->lock_fd, LOCK_EX))
    {
      _crb_journal_set_errno_error (error, errno, self->dir);
      self->lock_depth--;
      g_rec_mutex_unlock (&self->lock_mutex);
      return FALSE;
    }
  return TRUE;
}

void
crb_journal_unlock (CrbJournal *self)
{
  g_return_if_fail (CRB_IS_JOURNAL (self));
  g_return_if_fail (self->lock_depth > 0);

  if (--self->lock_depth == 0)
    flock_retry (self->lock_fd, LOCK_UN);
  g_rec_mutex_unlock (&self->lock_mutex);
}

/**
 * crb_journal_read_new:
 * @problems: (element-type utf8): where messages about damaged lines go
 *
 * Reads the lines appended since the last call (the whole journal the
 * first time), with the lock held.  A line that is not a JSON object is
 * reported, set aside and skipped; so is the journal's own first line and
 * the mark of a compaction.
 *
 * Returns: (transfer container) (element-type CrbJournalLine): the lines,
 *   in the order they were appended
 */
GPtrArray *
crb_journal_read_new (CrbJournal *self,
                      GPtrArray  *problems)
{
  g_autoptr (GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *contents = NULL;
  GPtrArray *changes;
  gsize len = 0;

  g_return_val_if_fail (CRB_IS_JOURNAL (self), NULL);
  g_return_val_if_fail (self->lock_depth > 0, NULL);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_journal_line_free);
  if (!g_file_get_contents (self->path, &contents, &len, NULL) || len <= self->offset)
    return changes;

  g_mutex_lock (&self->mutex);
  lines = _crb_journal_split_lines (contents, len, &self->offset, &self->lineno, reasons);
  g_mutex_unlock (&self->mutex);

  for (guint i = 0; i < lines->len; i++)
    {
      CrbJournalLine *line = lines->pdata[i];

      if (line->object == NULL)
        {
          crb_journal_set_aside (self, line, reasons->pdata[i], problems);
          continue;
        }
      if (json_object_has_member (line->object, "journal") ||
          json_object_has_member (line->object, "folded_into"))
        continue;
      g_ptr_array_add (changes, g_steal_pointer (&lines->pdata[i]));
    }

  return changes;
}

/**
 * crb_journal_has_new:
 *
 * Whether another program appended since the tail was last read: a cheap
 * check (one stat) the app makes often, without the lock.
 */
gboolean
crb_journal_has_new (CrbJournal *self)
{
  GStatBuf st;
  gboolean has;

  g_return_val_if_fail (CRB_IS_JOURNAL (self), FALSE);

  if (g_stat (self->path, &st) != 0)
    return FALSE;
  g_mutex_lock (&self->mutex);
  has = (gsize) st.st_size > self->offset;
  g_mutex_unlock (&self->mutex);
  return has;
}

/* A writer killed in the middle of a line leaves it without its newline;
 * it was never reported durable, and appending after it would glue the
 * next line to it, so it goes.  With the lock held.
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

  g_debug ("%s: dropping %" G_GINT64_FORMAT " bytes of a line cut short",
           self->path, (gint64) (end - keep));
  if (ftruncate (self->fd, keep) != 0)
    return _crb_journal_set_errno_error (error, errno, self->path);
  return TRUE;
}

static gboolean
open_for_append (CrbJournal  *self,
                 GError     **error)
{
  const char *head;

  if (self->fd >= 0)
    return TRUE;

  self->fd = g_open (self->path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (self->fd < 0)
    return _crb_journal_set_errno_error (error, errno, self->path);

  if (!drop_torn_tail (self, error))
    return FALSE;

  /* A new journal starts by naming its owner. */
  head = g_object_get_data (G_OBJECT (self), "owner-line");
  if (head != NULL && lseek (self->fd, 0, SEEK_END) == 0)
    {
      if (!_crb_journal_write_all (self->fd, head, strlen (head), self->path, error))
        return FALSE;
      _crb_journal_sync_dir (self->dir);
    }
  return TRUE;
}

/**
 * crb_journal_append:
 * @revision: the project revision the line brings the project to
 * @line: one line of JSON, without a newline
 *
 * Appends @line, with the lock held and the tail read: it is written at
 * once, and durable when ::durable reports @revision or a later one, or
 * when crb_journal_flush() returns %TRUE.  Never waits for the disk.
 */
gboolean
crb_journal_append (CrbJournal  *self,
                    guint64      revision,
                    const char  *line,
                    GError     **error)
{
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (CRB_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (line != NULL && strchr (line, '\n') == NULL, FALSE);
  g_return_val_if_fail (self->lock_depth > 0, FALSE);

  text = g_strconcat (line, "\n", NULL);
  g_mutex_lock (&self->mutex);
  ok = open_for_append (self, error) &&
       _crb_journal_write_all (self->fd, text, strlen (text), self->path, error);
  if (ok)
    {
      off_t end = lseek (self->fd, 0, SEEK_END);

      /* Our own line: the tail is read up to its end. */
      if (end > 0)
        self->offset = end;
      self->lineno++;
      self->written_revision = MAX (self->written_revision, revision);
    }
  g_mutex_unlock (&self->mutex);

  if (ok)
    push_job (self, JOB_SYNC);
  return ok;
}

/**
 * crb_journal_set_aside:
 * @line: a line that could not be read or applied
 * @reason: why
 * @problems: (element-type utf8): where the message goes
 *
 * Copies @line to `set-aside.jsonl` in the journal's folder (once, however
 * often the journal is read), so that nothing is lost when the journal is
 * dropped, and reports it.
 */
void
crb_journal_set_aside (CrbJournal           *self,
                       const CrbJournalLine *line,
                       const char           *reason,
                       GPtrArray            *problems)
{
  g_autoptr (GString) record = g_string_new ("{");
  g_autofree char *existing = NULL;
  g_autofree char *key = NULL;
  gboolean first = TRUE;
  int fd;

  g_return_if_fail (CRB_IS_JOURNAL (self));

  if (problems != NULL)
    g_ptr_array_add (problems,
                     g_strdup_printf (_("%s:%u: %s; the line is skipped and kept in %s"),
                                      self->path, line->lineno, reason, self->set_aside_path));

  crb_json_member (record, &first, "journal");
  crb_json_append_string (record, self->path);
  crb_json_member (record, &first, "line");
  crb_json_append_int (record, line->lineno);
  key = g_strdup (record->str);
  crb_json_member (record, &first, "reason");
  crb_json_append_string (record, reason);
  crb_json_member (record, &first, "text");
  crb_json_append_string (record, line->text);
  g_string_append (record, "}\n");

  if (g_file_get_contents (self->set_aside_path, &existing, NULL, NULL) &&
      strstr (existing, key) != NULL)
    return;

  fd = g_open (self->set_aside_path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      g_warning ("%s: %s", self->set_aside_path, g_strerror (errno));
      return;
    }
  if (_crb_journal_write_all (fd, record->str, record->len, self->set_aside_path, NULL))
    fdatasync (fd);
  close (fd);
}

/**
 * crb_journal_flush:
 *
 * Waits until every appended line is on disk.
 *
 * Returns: %TRUE when every appended line is durable
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

/* The journal's size: what compaction would fold into the file. */
gsize
crb_journal_get_size (CrbJournal *self)
{
  GStatBuf st;

  g_return_val_if_fail (CRB_IS_JOURNAL (self), 0);
  return g_stat (self->path, &st) == 0 ? (gsize) st.st_size : 0;
}

/* Where the tail was read up to: the state a snapshot of the project holds. */
gsize
crb_journal_get_offset (CrbJournal *self)
{
  gsize offset;

  g_return_val_if_fail (CRB_IS_JOURNAL (self), 0);

  g_mutex_lock (&self->mutex);
  offset = self->offset;
  g_mutex_unlock (&self->mutex);
  return offset;
}

/**
 * crb_journal_try_exclusive:
 *
 * Takes the file's lease exclusively, without waiting: it succeeds only
 * when no other program has the file open.  Needed to rewrite the file.
 */
gboolean
crb_journal_try_exclusive (CrbJournal *self)
{
  g_return_val_if_fail (CRB_IS_JOURNAL (self), FALSE);

  if (self->exclusive)
    return TRUE;

  /* flock() converts a lock by dropping it first: a refused conversion
   * leaves the file without our shared lease for a moment, and another
   * program taking the lease then would rewrite the file under us (our
   * view, our journal, would be of a file that is gone).  Every program
   * tries only with the lock held, so none can take the lease in that
   * moment. */
  if (!crb_journal_lock (self, NULL))
    return FALSE;
  if (flock (self->lease_fd, LOCK_EX | LOCK_NB) == 0)
    self->exclusive = TRUE;
  else
    flock_retry (self->lease_fd, LOCK_SH);   /* take the shared lease again */
  crb_journal_unlock (self);
  return self->exclusive;
}

void
crb_journal_end_exclusive (CrbJournal *self)
{
  g_return_if_fail (CRB_IS_JOURNAL (self));

  if (!self->exclusive)
    return;
  /* Under the lock too: going back to shared drops the lease first. */
  if (!crb_journal_lock (self, NULL))
    return;
  flock_retry (self->lease_fd, LOCK_SH);
  self->exclusive = FALSE;
  crb_journal_unlock (self);
}

/**
 * crb_journal_switch:
 * @file: the project file, about to be replaced
 * @save_id: the save id of the file about to replace it
 * @dev: the device of the file about to replace it
 * @ino: its inode
 * @keep_from: the offset in the journal that the new file holds the
 *   changes up to (crb_journal_get_offset() when it was serialised)
 *
 * First half of a compaction, with the lock held and the lease exclusive:
 * writes the journal of the new file, holding the lines appended after
 * @keep_from, and marks the current journal as folded.  Rename the new
 * file into place, then call crb_journal_finish_switch().  A crash in
 * between leaves the old file and its complete journal, or the new file
 * and its own.
 */
gboolean
crb_journal_switch (CrbJournal  *self,
                    GFile       *file,
                    const char  *save_id,
                    guint64      dev,
                    guint64      ino,
                    gsize        keep_from,
                    GError     **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *name = NULL;
  g_autofree char *head = NULL;
  g_autofree char *project_id = NULL;
  g_autofree char *file_path = NULL;
  g_autoptr (GString) next = NULL;
  gsize len = 0;
  guint lineno = 1;

  g_return_val_if_fail (CRB_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (self->lock_depth > 0, FALSE);
  g_return_val_if_fail (self->next_path == NULL, FALSE);

  if (!g_file_get_contents (self->path, &contents, &len, NULL))
    len = 0;

  project_id = g_strdup (self->project_id);
  file_path = g_file_get_path (file);
  if (file_path == NULL)
    file_path = g_strdup (self->file_path);
  head = _crb_journal_owner_line (project_id, file_path, save_id, dev, ino);
  next = g_string_new (head);
  if (keep_from < len)
    {
      for (const char *p = contents + keep_from; (p = memchr (p, '\n', contents + len - p)); p++)
        lineno++;
      g_string_append_len (next, contents + keep_from, len - keep_from);
    }

  name = _crb_journal_name (save_id, dev, ino);
  self->next_path = g_build_filename (self->dir, name, NULL);
  self->next_offset = next->len;
  self->next_lineno = lineno;

  /* Only lines made after the snapshot: nothing to keep when there are none. */
  if (lineno > 1 && !_crb_journal_replace_file (self->next_path, next->str, next->len, error))
    {
      g_clear_pointer (&self->next_path, g_free);
      return FALSE;
    }
  g_object_set_data_full (G_OBJECT (self), "next-owner-line", g_steal_pointer (&head), g_free);

  /* Mark the old journal: never adopted by another file once folded. */
  if (len > 0)
    {
      g_autofree char *mark = g_strdup_printf ("{\"folded_into\":\"%s\"}\n", save_id);
      int fd = g_open (self->path, O_WRONLY | O_APPEND | O_CLOEXEC, 0);

      if (fd >= 0)
        {
          if (_crb_journal_write_all (fd, mark, strlen (mark), self->path, NULL))
            fdatasync (fd);
          close (fd);
        }
    }

  return TRUE;
}

/**
 * crb_journal_finish_switch:
 *
 * Second half of a compaction, once the new file is in place: drops the
 * old journal and continues in the new one.  Call it with %FALSE when the
 * new file could not be put in place: the old journal stays, and the new
 * one goes.
 */
gboolean
crb_journal_finish_switch (CrbJournal  *self,
                           GError     **error)
{
  g_return_val_if_fail (CRB_IS_JOURNAL (self), FALSE);
  g_return_val_if_fail (self->next_path != NULL, FALSE);

  if (error != NULL && *error != NULL)
    {
      /* The new file is not in place: keep the old journal. */
      g_unlink (self->next_path);
      g_clear_pointer (&self->next_path, g_free);
      return FALSE;
    }

  g_mutex_lock (&self->mutex);
  if (self->fd >= 0)
    {
      close (self->fd);
      self->fd = -1;
    }
  g_unlink (self->path);
  g_free (self->path);
  self->path = g_steal_pointer (&self->next_path);
  self->offset = g_file_test (self->path, G_FILE_TEST_EXISTS) ? self->next_offset : 0;
  self->lineno = self->offset > 0 ? self->next_lineno : 0;
  g_mutex_unlock (&self->mutex);

  g_object_set_data_full (G_OBJECT (self), "owner-line",
                          g_strdup (g_object_get_data (G_OBJECT (self), "next-owner-line")), g_free);
  _crb_journal_sync_dir (self->dir);
  return TRUE;
}
