/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-journal-files.c: the journal's files — their names, the first line
 * that names a journal's owner, finding (or adopting) the journal of a
 * file, reading lines one by one, and the journal of version 1. */
#define G_LOG_DOMAIN "crb-journal"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-journal-private.h"

#include "crb-error.h"
#include "crb-json.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void
crb_journal_line_free (CrbJournalLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_clear_pointer (&line->object, json_object_unref);
  g_free (line);
}

gboolean
_crb_journal_set_errno_error (GError     **error,
                              int          saved_errno,
                              const char  *path)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "%s: %s", path, g_strerror (saved_errno));
  return FALSE;
}

gboolean
_crb_journal_write_all (int          fd,
                        const char  *data,
                        gsize        len,
                        const char  *path,
                        GError     **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return _crb_journal_set_errno_error (error, errno, path);
        }
      data += n;
      len -= n;
    }
  return TRUE;
}

/* Writes @contents to @path through a temporary file, synced, renamed. */
gboolean
_crb_journal_replace_file (const char  *path,
                           const char  *contents,
                           gsize        len,
                           GError     **error)
{
  return g_file_set_contents_full (path, contents, len,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

void
_crb_journal_sync_dir (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

char *
crb_journal_dir_for_project (const char *project_id)
{
  g_autofree char *safe = g_strdup (project_id);

  /* Ids are UUIDs; keep anything else inside the journal folder. */
  g_strcanon (safe, "0123456789abcdefABCDEF-_", '_');

  return g_build_filename (g_get_user_data_dir (), "corroborate", "journal", safe, NULL);
}

char *
_crb_journal_name (const char *save_id,
                   guint64     dev,
                   guint64     ino)
{
  return g_strdup_printf ("%s-%" G_GUINT64_FORMAT "-%" G_GUINT64_FORMAT ".jsonl", save_id, dev, ino);
}

char *
_crb_journal_owner_line (const char *project_id,
                         const char *file_path,
                         const char *save_id,
                         guint64     dev,
                         guint64     ino)
{
  GString *out = g_string_new ("{");
  gboolean first = TRUE;

  crb_json_member (out, &first, "journal");
  crb_json_append_int (out, CRB_JOURNAL_VERSION);
  crb_json_member (out, &first, "project");
  crb_json_append_string (out, project_id);
  crb_json_member (out, &first, "file");
  crb_json_append_string (out, file_path);
  crb_json_member (out, &first, "save_id");
  crb_json_append_string (out, save_id);
  crb_json_member (out, &first, "dev");
  crb_json_append_int (out, (gint64) dev);
  crb_json_member (out, &first, "ino");
  crb_json_append_int (out, (gint64) ino);
  g_string_append (out, "}\n");
  return g_string_free (out, FALSE);
}

/* The owner a journal's first line names, or FALSE when it names none. */
static gboolean
read_owner (const char  *path,
            char       **file_path,
            guint64     *dev,
            guint64     *ino,
            char       **folded_into)
{
  g_autofree char *contents = NULL;
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  gsize len;
  char *nl;
  JsonObject *object;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;
  nl = memchr (contents, '\n', len);
  if (nl == NULL || !json_parser_load_from_data (parser, contents, nl - contents, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return FALSE;

  object = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (object, "journal"))
    return FALSE;
  *file_path = g_strdup (json_object_get_string_member_with_default (object, "file", ""));
  *dev = json_object_get_int_member_with_default (object, "dev", 0);
  *ino = json_object_get_int_member_with_default (object, "ino", 0);

  /* A compaction marks the journal it folded into the file. */
  *folded_into = NULL;
  {
    const char *last = g_strrstr_len (contents, len, "{\"folded_into\":");
    if (last != NULL && (last == contents || last[-1] == '\n'))
      {
        g_autoptr (JsonParser) p = json_parser_new_immutable ();
        const char *end = memchr (last, '\n', contents + len - last);

        if (end != NULL && json_parser_load_from_data (p, last, end - last, NULL) &&
            JSON_NODE_HOLDS_OBJECT (json_parser_get_root (p)))
          *folded_into = g_strdup (json_object_get_string_member_with_default (
            json_node_get_object (json_parser_get_root (p)), "folded_into", NULL));
      }
  }
  return TRUE;
}

/* The save id the project file at @path holds, read from its header. */
static char *
read_save_id (const char *path)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GFileInputStream) in = NULL;
  g_autoptr (GFile) file = g_file_new_for_path (path);
  char buf[4096];
  gssize n;
  const char *key;

  in = g_file_read (file, NULL, &error);
  if (in == NULL)
    return NULL;
  n = g_input_stream_read (G_INPUT_STREAM (in), buf, sizeof buf - 1, NULL, NULL);
  if (n <= 0)
    return NULL;
  buf[n] = '\0';
  key = strstr (buf, "\"save_id\":\"");
  if (key == NULL)
    return NULL;
  key += strlen ("\"save_id\":\"");
  return g_strndup (key, strcspn (key, "\"\n"));
}

/*
 * The journal of a file: its own by save id, device and inode; else one
 * with its save id whose owner is gone from its path (the file moved to
 * another file system), which it adopts.  A journal whose owner is still
 * there belongs to that file (this one is a copy).  Journals a compaction
 * marked as folded into a file that now holds them are removed.
 */
char *
_crb_journal_find (const char *dir,
                   const char *project_id,
                   const char *file_path,
                   const char *save_id,
                   guint64     dev,
                   guint64     ino,
                   GPtrArray  *problems)
{
  g_autofree char *name = _crb_journal_name (save_id, dev, ino);
  g_autofree char *own = g_build_filename (dir, name, NULL);
  g_autoptr (GDir) d = NULL;
  g_autofree char *prefix = g_strconcat (save_id, "-", NULL);
  const char *entry;

  if (g_file_test (own, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&own);

  d = g_dir_open (dir, 0, NULL);
  while (d != NULL && (entry = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *owner = NULL;
      g_autofree char *folded = NULL;
      guint64 odev, oino;
      GStatBuf st;

      if (!g_str_has_suffix (entry, ".jsonl") || g_str_equal (entry, "set-aside.jsonl"))
        continue;
      path = g_build_filename (dir, entry, NULL);
      if (!read_owner (path, &owner, &odev, &oino, &folded))
        continue;

      if (folded != NULL)
        {
          g_autofree char *now = read_save_id (owner);

          /* The file holds what the journal did: nothing left in it. */
          if (now != NULL && g_str_equal (now, folded))
            g_unlink (path);
          continue;
        }

      if (!g_str_has_prefix (entry, prefix))
        continue;

      if (g_stat (owner, &st) == 0 && (guint64) st.st_dev == odev && (guint64) st.st_ino == oino)
        continue;   /* its owner is there: this file is a copy of it */

      /* Its owner is gone: the file moved here.  Take its journal. */
      if (g_rename (path, own) == 0)
        {
          g_autofree char *head = _crb_journal_owner_line (project_id, file_path, save_id, dev, ino);

          if (problems != NULL)
            g_ptr_array_add (problems,
                             g_strdup_printf (_("%s: took the journal of %s, which is no longer there"),
                                              file_path, owner));
          /* Rewrite its first line to name the new owner. */
          {
            g_autofree char *contents = NULL;
            gsize len;

            if (g_file_get_contents (own, &contents, &len, NULL))
              {
                char *nl = memchr (contents, '\n', len);
                g_autoptr (GString) out = g_string_new (head);

                if (nl != NULL)
                  g_string_append_len (out, nl + 1, contents + len - nl - 1);
                _crb_journal_replace_file (own, out->str, out->len, NULL);
              }
          }
          return g_steal_pointer (&own);
        }
    }

  return g_steal_pointer (&own);
}


static CrbJournalLine *
parse_line (const char *text,
            gsize       len,
            guint       lineno,
            GError    **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  CrbJournalLine *line;
  JsonNode *root;

  if (!g_utf8_validate_len (text, len, NULL))
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("not UTF-8 text"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, text, len, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("not a JSON object%s%s"),
                   local_error ? ": " : "", local_error ? local_error->message : "");
      return NULL;
    }

  line = g_new0 (CrbJournalLine, 1);
  line->lineno = lineno;
  line->text = g_strndup (text, len);
  line->object = json_object_ref (json_node_get_object (root));
  return line;
}

/* Reads the complete lines of @contents from @offset; a last line without
 * its newline was cut short by a crash and never reported durable.  A line
 * that is not a JSON object comes back with @object %NULL and the reason
 * in @reasons.
 */
GPtrArray *
_crb_journal_split_lines (const char *contents,
                          gsize       len,
                          gsize      *offset,
                          guint      *lineno,
                          GPtrArray  *reasons)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_journal_line_free);
  gsize pos = *offset;

  while (pos < len)
    {
      const char *nl = memchr (contents + pos, '\n', len - pos);
      g_autoptr (GError) error = NULL;
      CrbJournalLine *line;
      gsize line_len;

      if (nl == NULL)
        break;
      line_len = nl - (contents + pos);
      (*lineno)++;

      if (line_len > 0)
        {
          line = parse_line (contents + pos, line_len, *lineno, &error);
          if (line == NULL)
            {
              line = g_new0 (CrbJournalLine, 1);
              line->lineno = *lineno;
              line->text = g_utf8_make_valid (contents + pos, line_len);
              g_ptr_array_add (reasons, g_strdup (error->message));
            }
          else
            g_ptr_array_add (reasons, NULL);
          g_ptr_array_add (lines, line);
        }
      pos = nl + 1 - contents;
    }

  *offset = pos;
  return lines;
}


/**
 * crb_journal_read_v1:
 * @project_id: a project's id
 * @problems: (element-type utf8): where messages about damaged lines go
 *
 * Reads the journal an older version kept for the project, one file per
 * project id (`journal/ID.jsonl`), line by line: a damaged line is
 * reported and skipped.
 *
 * Returns: (transfer container) (element-type CrbJournalLine): its lines
 */
GPtrArray *
crb_journal_read_v1 (const char *project_id,
                     GPtrArray  *problems)
{
  g_autofree char *name = g_strconcat (project_id, ".jsonl", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "corroborate", "journal", name, NULL);
  g_autoptr (GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *contents = NULL;
  GPtrArray *lines;
  gsize len = 0, offset = 0;
  guint lineno = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) crb_journal_line_free);

  lines = _crb_journal_split_lines (contents, len, &offset, &lineno, reasons);
  for (guint i = lines->len; i-- > 0;)
    {
      CrbJournalLine *line = lines->pdata[i];

      if (line->object == NULL)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup_printf (_("%s:%u: %s; the line is skipped"),
                                                        path, line->lineno,
                                                        (char *) reasons->pdata[i]));
          g_ptr_array_remove_index (lines, i);
        }
    }
  return lines;
}

/* Drops the older version's journal, once the file holds what it held. */
void
crb_journal_remove_v1 (const char *project_id)
{
  g_autofree char *name = g_strconcat (project_id, ".jsonl", NULL);
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "corroborate", "journal", name, NULL);

  g_unlink (path);
}
