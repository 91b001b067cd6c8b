/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-save.c: the atomic write of a file (temporary file beside it,
 * fsync, rename; permissions and owner kept), the leftovers of saves cut
 * short, and the pages of mapped files given back */
#define G_LOG_DOMAIN "crb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-io.h"
#include "crb-store-private.h"

#include "crb-utils.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* Temporary files: ".NAME.HOST-PID.XXXXXX" beside the project, so that
 * the file of a save cut short by a crash or a kill can be told from the
 * file of a save in progress: the process that made it is gone.
 */
static char *
temp_prefix (const char *base)
{
  return g_strdup_printf (".%s.%s-", base, g_get_host_name ());
}

static gboolean
process_is_gone (const char *pid_text)
{
  guint64 pid;

  if (!g_ascii_string_to_unsigned (pid_text, 10, 1, G_MAXINT, &pid, NULL))
    return FALSE;
  return kill ((pid_t) pid, 0) != 0 && errno == ESRCH;
}

/**
 * _crb_remove_stale_temp_files:
 *
 * Removes the temporary files that saves of @file cut short left beside it:
 * those of this machine whose process is gone, and those of older
 * versions (".NAME.XXXXXX") untouched for an hour.
 */
void
_crb_remove_stale_temp_files (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *ours = NULL;
  g_autofree char *old = NULL;
  g_autoptr (GDir) folder = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  const char *entry;

  if (path == NULL)
    return;
  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  ours = temp_prefix (base);
  old = g_strdup_printf (".%s.", base);
  folder = g_dir_open (dir, 0, NULL);

  while (folder != NULL && (entry = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *stale = g_build_filename (dir, entry, NULL);
      gboolean remove = FALSE;
      struct stat st;

      if (lstat (stale, &st) != 0 || !S_ISREG (st.st_mode))
        continue;

      if (g_str_has_prefix (entry, ours))
        {
          g_autofree char *pid = g_strdup (entry + strlen (ours));
          char *dot = strchr (pid, '.');

          if (dot != NULL)
            *dot = '\0';
          remove = process_is_gone (pid);
        }
      else if (g_str_has_prefix (entry, old) && strlen (entry) == strlen (old) + 6)
        remove = now - st.st_mtime > 3600;

      if (remove)
        {
          g_debug ("removing %s, left by a save that did not finish", stale);
          g_unlink (stale);
        }
    }
}

/**
 * _crb_file_is_read_only:
 * @why: (out) (optional): why, for a message
 *
 * Whether the project file must not be written: it cannot be written or
 * replaced by this user, or it has no write permission for anyone (a file
 * made read-only on purpose, which even root leaves alone).
 */
gboolean
_crb_file_is_read_only (GFile  *file,
                        char  **why)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *dir = NULL;
  struct stat st;

  if (path == NULL)
    {
      if (why)
        *why = g_strdup (_("it is not a local file"));
      return TRUE;
    }
  if (stat (path, &st) != 0)
    return FALSE;   /* a new file */

  if ((st.st_mode & 0222) == 0 || access (path, W_OK) != 0)
    {
      if (why)
        *why = g_strdup (_("the file is read-only"));
      return TRUE;
    }

  dir = g_path_get_dirname (path);
  if (access (dir, W_OK | X_OK) != 0)
    {
      if (why)
        *why = g_strdup_printf (_("its folder %s cannot be written"), dir);
      return TRUE;
    }

  if (st.st_uid != geteuid () && geteuid () != 0)
    {
      if (why)
        *why = g_strdup (_("the file belongs to another user, and saving it would change its owner"));
      return TRUE;
    }

  return FALSE;
}

char *
_crb_new_save_id (void)
{
  g_autofree char *uuid = crb_uuid_new ();

  /* Hex only: it names journal files. */
  g_strdelimit (uuid, "-", 'x');
  return g_steal_pointer (&uuid);
}

void
_crb_pending_write_clear (CrbPendingWrite *pending)
{
  if (pending->tmp != NULL)
    g_unlink (pending->tmp);
  g_clear_pointer (&pending->tmp, g_free);
  g_clear_pointer (&pending->path, g_free);
}

#define FAULT_AROUND (128 * 1024)

/* Gives back the pages of [@data, @data + @len) when they lie in @mapped;
 * %FALSE when they do not.
 */
gboolean
_crb_store_release_pages (GBytes        *mapped,
                          gconstpointer  data,
                          gsize          len)
{
  static gsize page = 0;
  guintptr start = (guintptr) data;
  gsize size;
  guintptr base = (guintptr) g_bytes_get_data (mapped, &size);
  guintptr from, to;

  if (start < base || start + len > base + size)
    return FALSE;
  if (len == 0)
    return TRUE;
  if (page == 0)
    page = (gsize) sysconf (_SC_PAGESIZE);

  /* A mapping starts on a page and ends on one.  Reading a page maps the
   * pages around it that are in memory (fault-around, 64 KiB), so the
   * pages before @data, read with the bytes before it, may be mapped
   * again: they go too.
   */
  from = start & ~(guintptr) (page - 1);
  from = from - base > FAULT_AROUND ? from - FAULT_AROUND : base;
  to = MIN ((start + len + page - 1) & ~(guintptr) (page - 1),
            (base + size + page - 1) & ~(guintptr) (page - 1));
  madvise ((void *) from, to - from, MADV_DONTNEED);
  return TRUE;
}

/**
 * _crb_mapped_release:
 * @mapped: (nullable) (element-type GBytes): files mapped whole, read-only
 *   (CrbProjectData.mapped)
 * @data: bytes that were read
 *
 * Gives back the memory pages of @data when it lies in one of @mapped, so
 * that a pass over a large project (a save, a check) holds no more of the
 * file than the story it is at.  @data stays valid: reading it again
 * fetches the pages from the file.  Any thread may call it.
 */
void
_crb_mapped_release (GPtrArray     *mapped,
                     gconstpointer  data,
                     gsize          len)
{
  for (guint i = 0; mapped != NULL && i < mapped->len; i++)
    if (_crb_store_release_pages (g_ptr_array_index (mapped, i), data, len))
      return;
}

/**
 * _crb_write_temp:
 * @chunks: (element-type GBytes): the lines, each written followed by "\n"
 * @pending: (out caller-allocates): zero-filled; cleared with
 *   _crb_pending_write_clear(), which removes the file unless committed
 *
 * Writes a temporary file beside @file and syncs it: first half of an
 * atomic save.  An existing file's permissions and owner are kept.
 */
gboolean
_crb_write_temp (GFile            *file,
                 GPtrArray        *chunks,
                 CrbPendingWrite  *pending,
                 GCancellable     *cancellable,
                 GError          **error)
{
  return _crb_write_temp_full (file, chunks, NULL, pending, cancellable, error);
}

/**
 * _crb_write_temp_full:
 * @mapped: (nullable) (element-type GBytes): see _crb_mapped_release():
 *   the pages of chunks in these files are given back once written
 *
 * _crb_write_temp(), holding no more of the mapped files it copies from
 * than the chunk it is at.
 */
gboolean
_crb_write_temp_full (GFile            *file,
                      GPtrArray        *chunks,
                      GPtrArray        *mapped,
                      CrbPendingWrite  *pending,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  gboolean exists = FALSE;
  struct stat st;
  mode_t mode = 0644;
  int fd;

  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("%s: only local files can be saved"), name);
      return FALSE;
    }

  if (stat (path, &st) == 0)
    {
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY,
                       _("%s: is a folder"), name);
          return FALSE;
        }
      mode = st.st_mode & 07777;
      exists = TRUE;
    }
  else
    {
      /* New files get the usual 0666 & ~umask. */
      mode_t mask = umask (0);
      umask (mask);
      mode = 0666 & ~mask;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  _crb_remove_stale_temp_files (file);
  prefix = temp_prefix (base);
  pending->path = g_strdup (path);
  pending->tmp = g_strdup_printf ("%s/%s%d.XXXXXX", dir, prefix, (int) getpid ());

  fd = g_mkstemp_full (pending->tmp, O_WRONLY | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write in %s: %s"), name, dir, g_strerror (saved_errno));
      g_clear_pointer (&pending->tmp, g_free);
      return FALSE;
    }

  for (guint i = 0; i < chunks->len; i++)
    {
      gsize len;
      const char *data = g_bytes_get_data (g_ptr_array_index (chunks, i), &len);

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !crb_write_all (fd, data, len, name, error) ||
          !crb_write_all (fd, "\n", 1, name, error))
        goto fail;
      _crb_mapped_release (mapped, data, len);
    }

  /* The owner first: changing it may clear set-id bits of the mode. */
  if (exists && (st.st_uid != geteuid () || st.st_gid != getegid ()) &&
      fchown (fd, st.st_uid, st.st_gid) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot keep the file's owner: %s"), name, g_strerror (saved_errno));
      goto fail;
    }

  if (fchmod (fd, mode) != 0 || fsync (fd) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write: %s"), name, g_strerror (saved_errno));
      goto fail;
    }

  {
    struct stat written;

    if (fstat (fd, &written) == 0)
      {
        pending->dev = written.st_dev;
        pending->ino = written.st_ino;
      }
  }

  if (close (fd) != 0)
    {
      int saved_errno = errno;
      fd = -1;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot write: %s"), name, g_strerror (saved_errno));
      goto fail;
    }

  return TRUE;

fail:
  if (fd >= 0)
    close (fd);
  _crb_pending_write_clear (pending);
  return FALSE;
}

/**
 * _crb_commit_temp:
 *
 * Renames the file _crb_write_temp() wrote over its target, then syncs the
 * folder: a crash at any moment leaves the old or the new complete file.
 */
gboolean
_crb_commit_temp (CrbPendingWrite  *pending,
                  GError          **error)
{
  g_autofree char *dir = NULL;
  int dir_fd;

  g_return_val_if_fail (pending->tmp != NULL, FALSE);

  if (g_rename (pending->tmp, pending->path) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("%s: cannot replace the file: %s"), pending->path, g_strerror (saved_errno));
      return FALSE;
    }
  g_clear_pointer (&pending->tmp, g_free);

  /* Make the rename itself durable. */
  dir = g_path_get_dirname (pending->path);
  dir_fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  if (dir_fd >= 0)
    {
      fsync (dir_fd);
      close (dir_fd);
    }
  return TRUE;
}

/**
 * _crb_write_chunks_atomically:
 * @chunks: (element-type GBytes): the lines, each written followed by "\n"
 *
 * _crb_write_temp() and _crb_commit_temp() in one.
 */
gboolean
_crb_write_chunks_atomically (GFile         *file,
                              GPtrArray     *chunks,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_auto (CrbPendingWrite) pending = { NULL, };

  return _crb_write_temp (file, chunks, &pending, cancellable, error) &&
         _crb_commit_temp (&pending, error);
}
