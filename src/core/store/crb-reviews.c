/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-reviews.c: reviewers' files — one per reviewer, one writer each,
 * appended to and never rewritten: listed, appended under a lock of the
 * file and synced (crb-reviews-read.c reads them); and the owner's
 * assignments file beside them (docs/team.md). */
#define G_LOG_DOMAIN "crb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-reviews.h"
#include "crb-reviews-private.h"
#include "crb-project-io.h"

#include "crb-error.h"
#include "crb-json.h"
#include "crb-json-reader.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static int
compare_paths (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * crb_reviews_list_files:
 * @folder: a project's reviews folder
 *
 * Returns: (transfer full) (element-type filename): the paths of the
 *   reviewers' files in @folder (`*.jsonl`, copies a shared folder made of
 *   them included), sorted; an empty array when the folder does not exist
 */
GPtrArray *
crb_reviews_list_files (const char  *folder,
                        GError     **error)
{
  g_autoptr (GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GDir) dir = g_dir_open (folder, 0, &local_error);
  const char *name;

  if (dir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&paths);
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), folder, local_error->message);
      return NULL;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = NULL;

      if (name[0] == '.' || !g_str_has_suffix (name, ".jsonl"))
        continue;
      path = g_build_filename (folder, name, NULL);
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (paths, g_steal_pointer (&path));
    }
  g_ptr_array_sort (paths, compare_paths);
  return g_steal_pointer (&paths);
}

/**
 * crb_reviews_path_for:
 *
 * Returns: (transfer full): where @reviewer's own file is: `REVIEWER.jsonl`
 *   in @folder
 */
char *
crb_reviews_path_for (const char *folder,
                      const char *reviewer)
{
  g_autofree char *name = g_strconcat (reviewer, ".jsonl", NULL);

  return g_build_filename (folder, name, NULL);
}

/* ------------------------------------------------------------ writing */

/**
 * crb_reviews_format_header:
 *
 * Returns: (transfer full): the first line of a reviewer's file, without
 *   its newline
 */
char *
crb_reviews_format_header (const char *project_id,
                           const char *reviewer)
{
  g_autoptr (GString) out = g_string_new ("{\"format\":\"" CRB_REVIEWS_FORMAT "\",\"version\":");

  g_string_append_printf (out, "%d,\"project\":", CRB_REVIEWS_VERSION);
  crb_json_append_string (out, project_id);
  g_string_append (out, ",\"reviewer\":");
  crb_json_append_string (out, reviewer);
  g_string_append_c (out, '}');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
member (GString    *out,
        const char *name,
        const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, ",\"%s\":", name);
  crb_json_append_string (out, value);
}

/**
 * crb_reviews_format_record:
 *
 * Appends @record as its line in @reviewer's file, newline included: the
 * same record always gives the same bytes.
 */
void
crb_reviews_format_record (GString             *out,
                           const char          *reviewer,
                           const CrbTeamRecord *record)
{
  g_string_append (out, "{\"reviewer\":");
  crb_json_append_string (out, reviewer);
  g_string_append_printf (out, ",\"seq\":%u", record->seq);
  member (out, "time", record->time);
  member (out, "op", crb_team_op_to_string (record->op));

  switch (record->op)
    {
    case CRB_TEAM_OP_DECIDE:
    case CRB_TEAM_OP_ADJUDICATE:
      member (out, "claim", record->claim);
      member (out, "status", crb_decision_status_to_string (record->status));
      if (record->status == CRB_DECISION_STATUS_REJECTED)
        member (out, "reason", crb_reject_reason_to_string (record->reason));
      if (record->status == CRB_DECISION_STATUS_CORRECTED)
        member (out, "corrected", record->corrected);
      member (out, "note", record->note);
      member (out, "take", record->take);
      if (record->resolves != NULL)
        {
          g_auto (GStrv) words = g_strsplit (record->resolves, " ", -1);
          gboolean first = TRUE;

          g_string_append (out, ",\"resolves\":[");
          for (guint i = 0; words[i]; i++)
            {
              const char *colon = strrchr (words[i], ':');
              g_autofree char *name = NULL;

              if (colon == NULL)
                continue;
              name = g_strndup (words[i], colon - words[i]);
              g_string_append (out, first ? "[" : ",[");
              crb_json_append_string (out, name);
              g_string_append_printf (out, ",%s]", colon + 1);
              first = FALSE;
            }
          g_string_append_c (out, ']');
        }
      break;
    case CRB_TEAM_OP_LINK:
    case CRB_TEAM_OP_UNLINK:
      member (out, "a", record->claim);
      member (out, "b", record->other);
      if (record->op == CRB_TEAM_OP_LINK)
        member (out, "relation", crb_relation_to_string (record->relation));
      break;
    case CRB_TEAM_OP_UNDO:
    case CRB_TEAM_OP_REDO:
      g_string_append_printf (out, ",\"target\":%u", record->target);
      break;
    case CRB_N_TEAM_OPS:
    default:
      g_assert_not_reached ();
    }

  if (record->group != 0)
    g_string_append_printf (out, ",\"group\":%u", record->group);
  g_string_append (out, "}\n");
}

struct _CrbReviewWriter
{
  char    *path;
  char    *project_id;
  char    *reviewer;
  int      fd;
  gboolean locked;
  gboolean checked;  /* the header was found to be this reviewer's */
};

/**
 * crb_review_writer_open:
 *
 * Opens @reviewer's file for appending, creating it (and its folder)
 * when there is none.  Records are appended with the file locked
 * (crb_review_writer_lock()): the app and the CLI of one reviewer may
 * write at once on one machine.
 */
CrbReviewWriter *
crb_review_writer_open (const char  *path,
                        const char  *project_id,
                        const char  *reviewer,
                        GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  CrbReviewWriter *writer;
  int fd;

  g_return_val_if_fail (path != NULL && project_id != NULL && reviewer != NULL, NULL);

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRB_ERROR, CRB_ERROR_READ_ONLY, _("%s: cannot make the folder: %s"),
                   folder, g_strerror (saved_errno));
      return NULL;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRB_ERROR, CRB_ERROR_READ_ONLY, _("%s: cannot write: %s"),
                   path, g_strerror (saved_errno));
      return NULL;
    }

  writer = g_new0 (CrbReviewWriter, 1);
  writer->path = g_strdup (path);
  writer->project_id = g_strdup (project_id);
  writer->reviewer = g_strdup (reviewer);
  writer->fd = fd;
  return writer;
}

const char *
crb_review_writer_get_path (CrbReviewWriter *writer)
{
  return writer->path;
}

static gboolean
write_all (CrbReviewWriter  *writer,
           const char       *data,
           gsize             length,
           GError          **error)
{
  while (length > 0)
    {
      gssize n = write (writer->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, CRB_ERROR, CRB_ERROR_READ_ONLY, _("%s: cannot write: %s"),
                       writer->path, g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      length -= n;
    }
  return TRUE;
}

static gboolean
sync_file (CrbReviewWriter  *writer,
           GError          **error)
{
  if (fdatasync (writer->fd) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, CRB_ERROR, CRB_ERROR_READ_ONLY, _("%s: cannot sync: %s"),
                   writer->path, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * crb_review_writer_lock:
 *
 * Locks the file against the reviewer's other programs on this machine;
 * a new file gets its header, and a last line a crash cut short gets its
 * newline (it is left out when read), so that what is appended next is a
 * line of its own.
 */
gboolean
crb_review_writer_lock (CrbReviewWriter  *writer,
                        GError          **error)
{
  struct stat st;

  g_return_val_if_fail (writer != NULL && !writer->locked, FALSE);

  while (flock (writer->fd, LOCK_EX) != 0)
    if (errno != EINTR)
      {
        int saved_errno = errno;

        g_set_error (error, CRB_ERROR, CRB_ERROR_BUSY, _("%s: cannot lock: %s"),
                     writer->path, g_strerror (saved_errno));
        return FALSE;
      }
  writer->locked = TRUE;

  if (fstat (writer->fd, &st) != 0)
    st.st_size = 0;

  if (st.st_size == 0)
    {
      g_autofree char *header = crb_reviews_format_header (writer->project_id, writer->reviewer);
      g_autofree char *line = g_strconcat (header, "\n", NULL);
      g_autofree char *folder = g_path_get_dirname (writer->path);
      int dir_fd;

      if (!write_all (writer, line, strlen (line), error) || !sync_file (writer, error))
        {
          crb_review_writer_unlock (writer);
          return FALSE;
        }
      /* The new name, durable too. */
      dir_fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
      if (dir_fd >= 0)
        {
          fsync (dir_fd);
          close (dir_fd);
        }
      writer->checked = TRUE;
      return TRUE;
    }

  if (!writer->checked)
    {
      char head[4096];
      gssize n = pread (writer->fd, head, sizeof head - 1, 0);
      g_autofree char *reviewer = NULL;
      g_autofree char *project = NULL;
      char *nl;

      head[MAX (n, 0)] = '\0';
      nl = strchr (head, '\n');
      if (nl == NULL ||
          !_crb_reviews_read_header (writer->path, head, nl - head, &reviewer, &project, error))
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                         _("%s: not a reviewer's file"), writer->path);
          crb_review_writer_unlock (writer);
          return FALSE;
        }
      if (strcmp (reviewer, writer->reviewer) != 0 || strcmp (project, writer->project_id) != 0)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_CONFLICT,
                       _("%s: the file is reviewer %s's of project %s, not %s's of this project"),
                       writer->path, reviewer, project, writer->reviewer);
          crb_review_writer_unlock (writer);
          return FALSE;
        }
      writer->checked = TRUE;
    }

  {
    char last = '\n';

    if (pread (writer->fd, &last, 1, st.st_size - 1) == 1 && last != '\n' &&
        !write_all (writer, "\n", 1, error))
      {
        crb_review_writer_unlock (writer);
        return FALSE;
      }
  }
  return TRUE;
}

/**
 * crb_review_writer_append:
 * @data: whole lines, each with its newline
 *
 * Appends @data with the file locked and syncs it: when this returns
 * %TRUE the records are on disk.
 */
gboolean
crb_review_writer_append (CrbReviewWriter  *writer,
                          const char       *data,
                          gsize             length,
                          GError          **error)
{
  g_return_val_if_fail (writer != NULL && writer->locked, FALSE);

  return write_all (writer, data, length, error) && sync_file (writer, error);
}

void
crb_review_writer_unlock (CrbReviewWriter *writer)
{
  g_return_if_fail (writer != NULL);

  if (!writer->locked)
    return;
  flock (writer->fd, LOCK_UN);
  writer->locked = FALSE;
}

void
crb_review_writer_free (CrbReviewWriter *writer)
{
  if (writer == NULL)
    return;
  crb_review_writer_unlock (writer);
  close (writer->fd);
  g_free (writer->path);
  g_free (writer->project_id);
  g_free (writer->reviewer);
  g_free (writer);
}

/* ------------------------------------------------------------ assignments */

/**
 * crb_reviews_read_assignments:
 * @path: the reviews folder's assignments file
 *
 * Gives @team the assignments of the file; a missing file assigns
 * nothing.
 */
gboolean
crb_reviews_read_assignments (const char  *path,
                              const char  *project_id,
                              CrbTeam     *team,
                              GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CrbJsonDoc) doc = NULL;
  g_autofree char *contents = NULL;
  const CrbJsonValue *root, *claims;
  gsize length;

  crb_team_clear_assignments (team);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), path, local_error->message);
      return FALSE;
    }

  doc = crb_json_doc_parse (contents, length, &local_error);
  root = doc ? crb_json_doc_root (doc) : NULL;
  if (root == NULL || g_strcmp0 (crb_json_get_string (doc, root, "format", NULL), CRB_ASSIGNMENTS_FORMAT) != 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s: not an assignments file%s%s"), path,
                   local_error ? ": " : "", local_error ? local_error->message : "");
      return FALSE;
    }
  if (g_strcmp0 (crb_json_get_string (doc, root, "project", NULL), project_id) != 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: the assignments of another project"), path);
      return FALSE;
    }

  claims = crb_json_member_get (doc, root, "claims");
  if (claims == NULL || crb_json_type (claims) != CRB_JSON_OBJECT)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: the field “claims” must be an object"), path);
      return FALSE;
    }

  for (const CrbJsonValue *m = crb_json_first (doc, claims); m != NULL; m = crb_json_next (doc, m))
    {
      g_autoptr (GPtrArray) names = g_ptr_array_new ();

      if (crb_json_type (m) != CRB_JSON_ARRAY)
        continue;
      for (const CrbJsonValue *n = crb_json_first (doc, m); n != NULL; n = crb_json_next (doc, n))
        if (crb_reviewer_name_is_valid (crb_json_string (doc, n)))
          g_ptr_array_add (names, (gpointer) crb_json_string (doc, n));
      g_ptr_array_add (names, NULL);
      crb_team_set_assignment (team, crb_json_key (doc, m), (const char * const *) names->pdata);
    }
  return TRUE;
}

/**
 * crb_reviews_write_assignments:
 * @reviewers: (array zero-terminated=1): the reviewers assigned
 * @claim_ids: (element-type utf8): the claims, in project order
 * @assigned: (element-type GStrv): the reviewers of each claim
 *
 * Writes the assignments file atomically: one claim per line, so that a
 * change shows as the lines it changes.
 */
gboolean
crb_reviews_write_assignments (const char         *path,
                               const char         *project_id,
                               const char * const *reviewers,
                               guint               per_claim,
                               GPtrArray          *claim_ids,
                               GPtrArray          *assigned,
                               GError            **error)
{
  g_autoptr (GString) out = g_string_new ("{\"format\":\"" CRB_ASSIGNMENTS_FORMAT "\",\"version\":1,\"project\":");
  g_autoptr (GPtrArray) chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autofree char *folder = g_path_get_dirname (path);

  crb_json_append_string (out, project_id);
  g_string_append (out, ",\"reviewers\":");
  crb_json_append_strv (out, reviewers);
  g_string_append_printf (out, ",\"per_claim\":%u,\"claims\":{", per_claim);
  for (guint i = 0; i < claim_ids->len; i++)
    {
      g_string_append (out, i > 0 ? ",\n" : "\n");
      crb_json_append_string (out, g_ptr_array_index (claim_ids, i));
      g_string_append_c (out, ':');
      crb_json_append_strv (out, g_ptr_array_index (assigned, i));
    }
  g_string_append (out, "\n}}");

  g_mkdir_with_parents (folder, 0755);
  g_ptr_array_add (chunks, g_string_free_to_bytes (g_steal_pointer (&out)));
  return _crb_write_chunks_atomically (file, chunks, NULL, error);
}
