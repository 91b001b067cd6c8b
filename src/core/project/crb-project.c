/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-private.h"

#include "crb-align.h"
#include "crb-story-private.h"

#include <string.h>
#include <sys/stat.h>

G_DEFINE_FINAL_TYPE (CrbProject, crb_project, G_TYPE_OBJECT)

GParamSpec *_crb_project_properties[N_PROPS];
guint       _crb_project_signals[N_SIGNALS];

/* How the project's stories are parsed from the file and aligned. */
const CrbStoryDriver _crb_project_story_driver = {
  .load = _crb_story_parse,
  .align = crb_align_story,
};

/* A story freed after a pass over it (crb_story_unload()) gives back the
 * pages of its line in the mapped file too: a pass over a large project
 * holds one story's worth of it.
 */
static void
story_loaded_changed_cb (CrbStory   *story,
                         GParamSpec *pspec,
                         CrbProject *self)
{
  _crb_project_release_story (self, story);
}

static void
index_story (CrbProject *self,
             CrbStory   *story)
{
  const char * const *ids = crb_story_get_article_ids (story);

  _crb_story_set_driver (story, &_crb_project_story_driver);
  g_signal_connect_object (story, "notify::loaded", G_CALLBACK (story_loaded_changed_cb), self, 0);

  g_hash_table_insert (self->story_index, (char *) crb_story_get_id (story), story);
  for (guint i = 0; ids[i]; i++)
    g_hash_table_insert (self->article_index, g_strdup (ids[i]), story);
}

void
_crb_project_notify_state (CrbProject *self,
                           gboolean    undo_changed)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, _crb_project_properties[PROP_REVISION]);
  g_object_notify_by_pspec (object, _crb_project_properties[PROP_MODIFIED]);
  if (undo_changed)
    {
      g_object_notify_by_pspec (object, _crb_project_properties[PROP_CAN_UNDO]);
      g_object_notify_by_pspec (object, _crb_project_properties[PROP_CAN_REDO]);
    }
  g_object_thaw_notify (object);
}

static void
crb_project_dispose (GObject *object)
{
  CrbProject *self = (CrbProject *) object;

  if (self->journal != NULL)
    crb_journal_flush (self->journal, NULL);
  g_clear_object (&self->journal);
  g_clear_pointer (&self->problems, g_ptr_array_unref);
  g_clear_object (&self->stories);
  g_clear_object (&self->file);
  _crb_project_team_free (self);   /* team projects: crb-project-team.c */

  G_OBJECT_CLASS (crb_project_parent_class)->dispose (object);
}

static void
crb_project_finalize (GObject *object)
{
  CrbProject *self = (CrbProject *) object;

  g_clear_pointer (&self->story_index, g_hash_table_unref);
  g_clear_pointer (&self->article_index, g_hash_table_unref);
  g_clear_pointer (&self->mapped, g_ptr_array_unref);
  _crb_project_data_clear (&self->data);
  g_clear_error (&self->journal_error);
  g_free (self->writer);
  g_free (self->read_only);

  G_OBJECT_CLASS (crb_project_parent_class)->finalize (object);
}

static void
crb_project_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrbProject *self = CRB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_TITLE:
      g_value_set_string (value, crb_project_get_title (self));
      break;
    case PROP_REVISION:
      g_value_set_uint64 (value, self->data.revision);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, crb_project_get_modified (self));
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, crb_project_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, crb_project_can_redo (self));
      break;
    case PROP_DURABLE_REVISION:
      g_value_set_uint64 (value, crb_project_get_durable_revision (self));
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_project_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrbProject *self = CRB_PROJECT (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      crb_project_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_project_class_init (CrbProjectClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = crb_project_dispose;
  object_class->finalize = crb_project_finalize;
  object_class->get_property = crb_project_get_property;
  object_class->set_property = crb_project_set_property;

  _crb_project_properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  _crb_project_properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrbProject:revision:
   *
   * Counts the changes made to the project; the file records the revision
   * it holds, the journal the revision each of its lines brings it to.
   */
  _crb_project_properties[PROP_REVISION] = g_param_spec_uint64 ("revision", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  /**
   * CrbProject:modified:
   *
   * Whether the project file is behind the project in memory.  Decisions are
   * durable in the journal before the file catches up.
   */
  _crb_project_properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  _crb_project_properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  _crb_project_properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);

  /**
   * CrbProject:durable-revision:
   *
   * The newest revision that is on disk, in the project file or in the
   * journal.  Changes above it are not yet safe from a crash; the app shows
   * only those as unsaved.
   */
  _crb_project_properties[PROP_DURABLE_REVISION] =
    g_param_spec_uint64 ("durable-revision", NULL, NULL, 0, G_MAXUINT64, 0, ro);

  /**
   * CrbProject:read-only:
   *
   * Whether the project's file must not be written (crb_project_get_read_only()
   * says why): every change is refused; Save As still works.
   */
  _crb_project_properties[PROP_READ_ONLY] = g_param_spec_boolean ("read-only", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, _crb_project_properties);

  /**
   * CrbProject::claim-decided:
   * @claim: the claim whose decision changed (by a decision, undo or redo)
   */
  _crb_project_signals[CLAIM_DECIDED] = g_signal_new ("claim-decided", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CRB_TYPE_CLAIM);

  /**
   * CrbProject::alignment-changed:
   * @story: the story whose links and facts changed
   */
  _crb_project_signals[ALIGNMENT_CHANGED] = g_signal_new ("alignment-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, CRB_TYPE_STORY);

  /**
   * CrbProject::article-changed:
   * @article: the article whose outlet, title, date or URL changed (by an
   *   edit, undo or redo)
   */
  _crb_project_signals[ARTICLE_CHANGED] = g_signal_new ("article-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, CRB_TYPE_ARTICLE);

  /**
   * CrbProject::setting-changed:
   * @name: the setting (also the signal's detail)
   */
  _crb_project_signals[SETTING_CHANGED] = g_signal_new ("setting-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
crb_project_init (CrbProject *self)
{
  _crb_project_data_init (&self->data);
  self->stories = g_list_store_new (CRB_TYPE_STORY);
  self->story_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->article_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->mapped = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  self->problems = g_ptr_array_new_with_free_func (g_free);
}

/**
 * crb_project_new:
 * @title: (nullable): a title
 *
 * Returns: (transfer full): a new, empty project with a fresh id
 */
CrbProject *
crb_project_new (const char *title)
{
  CrbProject *self = g_object_new (CRB_TYPE_PROJECT, NULL);

  self->data.id = crb_uuid_new ();
  self->data.title = g_strdup (title);
  self->data.created = crb_now_iso8601 ();
  self->header_dirty = TRUE;
  return self;
}

/**
 * crb_project_load:
 * @file: a project file
 *
 * Opens a project: reads the header, maps the stories for parsing on demand,
 * and replays the decisions of the journal that the file does not hold yet
 * (see crb_project_get_n_recovered()).  Nothing on disk changes.
 *
 * Returns: (transfer full): the project, or %NULL with @error set; messages
 *   name the file and the line and field at fault
 */
CrbProject *
crb_project_load (GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr (CrbProject) self = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  /* A program that rewrites the file between the read and the lease
   * (a compaction) makes the read stale: read again.
   */
  for (guint attempt = 0; self == NULL || self->journal == NULL; attempt++)
    {
      g_auto (CrbProjectData) data;
      g_autofree char *path = g_file_get_path (file);
      struct stat st;

      _crb_project_data_init (&data);
      if (!_crb_project_read (file, &data, cancellable, error))
        return NULL;

      g_clear_object (&self);
      self = g_object_new (CRB_TYPE_PROJECT, NULL);
      self->file = g_object_ref (file);

      for (guint i = 0; i < data.stories->len; i++)
        {
          CrbStory *story = g_ptr_array_index (data.stories, i);

          g_list_store_append (self->stories, story);
          index_story (self, story);
        }

      /* Take everything but the stories, which now live in the list store
       * (the array of them goes: it held each story, and so the file's
       * mapping, for ever).
       */
      g_ptr_array_unref (g_steal_pointer (&data.stories));
      _crb_project_data_clear (&self->data);
      self->data = data;
      self->data.stories = g_ptr_array_new_with_free_func (g_object_unref);
      _crb_project_data_init (&data);

      if (self->data.mapped != NULL)
        g_ptr_array_add (self->mapped, g_bytes_ref (self->data.mapped));
      self->saved_revision = self->data.revision;
      _crb_file_is_read_only (file, &self->read_only);

      if (!_crb_project_attach_journal (self, error))
        return NULL;
      if (self->journal == NULL)
        break;   /* read-only: nothing to keep in step with */

      if (path != NULL &&
          (stat (path, &st) != 0 || (guint64) st.st_dev != self->data.dev ||
           (guint64) st.st_ino != self->data.ino))
        {
          /* Never go on with a stale read: its journal may be folded
           * already, and what was appended to it would be lost. */
          if (attempt >= 20)
            {
              g_autofree char *name = g_file_get_parse_name (file);

              g_set_error (error, CRB_ERROR, CRB_ERROR_BUSY,
                           _("%s: other programs keep rewriting the file; try again in a moment"),
                           name);
              return NULL;
            }
          g_clear_object (&self->journal);
        }
    }

  /* What was replayed is on disk already, in the journal. */
  self->durable_revision = self->data.revision;

  /* A team project merges its reviewers' files (crb-project-team.c). */
  if (!_crb_project_team_attach (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  CrbProject *project = crb_project_load (task_data, cancellable, &error);

  if (project == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, project, g_object_unref);
}

/**
 * crb_project_load_async:
 *
 * Opens a project in a worker thread; see crb_project_load().  The project's
 * journal signals are emitted on the thread-default main context of the
 * caller of crb_project_load_finish().
 */
void
crb_project_load_async (GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_project_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

CrbProject *
crb_project_load_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Everything to write, as immutable chunks, so a thread can write them. */
static GPtrArray *
collect_chunks (CrbProject *self,
                const char *save_id)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  CrbProjectData header = self->data;
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GArray) spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autofree char *modified = crb_now_iso8601 ();
  gsize offset = 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (stories, g_list_model_get_item (G_LIST_MODEL (self->stories), i));

  g_ptr_array_add (chunks, NULL);   /* the header, once the lines are known */
  for (guint i = 0; i < n; i++)
    {
      CrbStory *story = g_ptr_array_index (stories, i);
      GBytes *raw = _crb_story_get_raw (story);

      /* A file of an older version did not keep each article's counts in
       * its header: parse the story once to write them.
       */
      if (raw != NULL && !crb_story_is_loaded (story) && crb_story_get_n_articles (story) > 0 &&
          !crb_story_get_article_counts (story, 0, NULL, NULL, NULL) &&
          crb_story_ensure_loaded (story, NULL))
        {
          crb_story_unload (story);
          raw = _crb_story_get_raw (story);
        }

      if (raw == NULL || _crb_story_get_dirty (story))
        {
          g_autoptr (GBytes) line = _crb_story_serialize (story);

          /* Keep the new line: the next save copies it if nothing changes. */
          _crb_story_set_raw (story, line);
          raw = line;
        }

      g_array_append_val (spans, offset);
      g_array_append_vals (spans, &(gsize) { g_bytes_get_size (raw) }, 1);
      offset += g_bytes_get_size (raw) + 1;
      g_ptr_array_add (chunks, g_bytes_ref (raw));
    }

  header.stories = stories;
  header.modified = modified;
  header.save_id = (char *) save_id;
  header.line_spans = spans;
  chunks->pdata[0] = _crb_project_header_serialize (&header);

  g_free (self->data.modified);
  self->data.modified = g_steal_pointer (&modified);
  return chunks;
}

/* A save, from the snapshot on the main thread to the file in place. */
typedef struct
{
  GFile           *file;
  GPtrArray       *chunks;
  GPtrArray       *mapped;     /* GBytes: the project's mapped files, whose pages go once written */
  guint64          revision;   /* what the file holds */
  char            *save_id;    /* the new file's */
  gboolean         own;        /* rewriting the project's own file (compaction) */
  CrbJournal      *journal;    /* when own: switched to the new file's journal */
  gsize            keep_from;  /* when own: the journal offset the snapshot holds */
  guint64          dev;        /* when own: the file must still be the one read */
  guint64          ino;
  CrbPendingWrite  pending;
} SaveData;

static void
save_data_free (SaveData *data)
{
  if (data->journal != NULL)
    crb_journal_end_exclusive (data->journal);
  g_clear_object (&data->journal);
  g_clear_object (&data->file);
  g_clear_pointer (&data->chunks, g_ptr_array_unref);
  g_clear_pointer (&data->mapped, g_ptr_array_unref);
  g_free (data->save_id);
  _crb_pending_write_clear (&data->pending);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveData, save_data_free)

static gpointer
copy_bytes (gconstpointer bytes,
            gpointer      user_data)
{
  return g_bytes_ref ((GBytes *) bytes);
}

static SaveData *
begin_save (CrbProject  *self,
            GFile       *file,
            GError     **error)
{
  g_autoptr (SaveData) data = g_new0 (SaveData, 1);
  g_autofree char *name = NULL;

  data->own = self->file != NULL && (file == NULL || g_file_equal (file, self->file));
  data->file = g_object_ref (file ? file : self->file);
  name = g_file_get_parse_name (data->file);

  if (data->own && self->read_only != NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_READ_ONLY,
                   _("%s: the project is read-only (%s); save it under another name"),
                   name, self->read_only);
      return NULL;
    }

  if (data->own && self->journal != NULL)
    {
      /* Only while no other program has the file open: they follow the
       * journal of the file as they read it.
       */
      if (!crb_journal_try_exclusive (self->journal))
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_BUSY,
                       _("%s: another program has the project open; the file is rewritten once "
                         "it is alone (every change is safe in the journal meanwhile)"), name);
          return NULL;
        }
      data->journal = g_object_ref (self->journal);
      if (!crb_journal_lock (self->journal, error))
        return NULL;
      crb_project_refresh (self);
      data->keep_from = crb_journal_get_offset (self->journal);
      crb_journal_unlock (self->journal);
      data->dev = self->data.dev;
      data->ino = self->data.ino;
    }

  data->save_id = _crb_new_save_id ();
  data->chunks = collect_chunks (self, data->save_id);
  data->mapped = g_ptr_array_copy (self->mapped, copy_bytes, NULL);
  data->revision = self->data.revision;
  return g_steal_pointer (&data);
}

static gboolean write_own (SaveData      *data,
                           GCancellable  *cancellable,
                           GError       **error);

/* Writes the file and puts it in place: no project state touched, so a
 * thread may do it.
 */
static gboolean
write_save (SaveData      *data,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean ok;

  if (data->journal == NULL)
    return _crb_write_temp_full (data->file, data->chunks, data->mapped, &data->pending, cancellable,
                                 error) &&
           _crb_commit_temp (&data->pending, error);

  ok = write_own (data, cancellable, error);

  /* Done with the file: other programs may open it again. */
  crb_journal_end_exclusive (data->journal);
  g_clear_object (&data->journal);
  return ok;
}

/* Rewrites the project's own file, with the lease exclusive, and moves its
 * journal to the new file's.
 */
static gboolean
write_own (SaveData      *data,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autoptr (GError) local_error = NULL;
  gboolean ok;

  if (!_crb_write_temp_full (data->file, data->chunks, data->mapped, &data->pending, cancellable,
                             error) ||
      !crb_journal_lock (data->journal, error))
    return FALSE;

  /* Never over a file another program put there behind our back. */
  {
    g_autofree char *path = g_file_get_path (data->file);
    g_autofree char *name = g_file_get_parse_name (data->file);
    struct stat st;

    if (path != NULL && stat (path, &st) == 0 &&
        ((guint64) st.st_dev != data->dev || (guint64) st.st_ino != data->ino))
      {
        crb_journal_unlock (data->journal);
        g_set_error (error, CRB_ERROR, CRB_ERROR_CONFLICT,
                     _("%s: the file was replaced on disk since it was opened; it was not "
                       "overwritten (save the project under another name)"), name);
        return FALSE;
      }
  }

  ok = crb_journal_switch (data->journal, data->file, data->save_id, data->pending.dev,
                           data->pending.ino, data->keep_from, &local_error) &&
       _crb_commit_temp (&data->pending, &local_error);
  if (crb_journal_finish_switch (data->journal, &local_error))
    ok = TRUE;
  crb_journal_unlock (data->journal);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));
  return ok;
}

static void
finish_save (CrbProject *self,
             SaveData   *data)
{
  g_autoptr (GError) error = NULL;

  if (self->file == NULL || !g_file_equal (self->file, data->file))
    {
      g_set_object (&self->file, data->file);
      g_object_notify_by_pspec (G_OBJECT (self), _crb_project_properties[PROP_FILE]);
    }

  g_free (self->data.save_id);
  self->data.save_id = g_strdup (data->save_id);
  self->data.dev = data->pending.dev;
  self->data.ino = data->pending.ino;
  self->saved_revision = data->revision;
  if (self->data.revision == data->revision)
    self->header_dirty = FALSE;
  if (data->revision > self->durable_revision)
    {
      self->durable_revision = data->revision;
      g_object_notify_by_pspec (G_OBJECT (self), _crb_project_properties[PROP_DURABLE_REVISION]);
    }

  if (data->own && self->legacy_journal)
    {
      /* The file holds what an older version's journal did. */
      crb_journal_remove_v1 (self->data.id);
      self->legacy_journal = FALSE;
    }

  if (!data->own)
    {
      /* A new file: its own journal, and the old file keeps its own. */
      g_clear_object (&self->journal);
      g_clear_pointer (&self->read_only, g_free);
      g_ptr_array_set_size (self->problems, 0);
      self->legacy_journal = FALSE;
      if (!_crb_project_attach_journal (self, &error))
        g_warning ("%s", error->message);
    }

  g_object_notify_by_pspec (G_OBJECT (self), _crb_project_properties[PROP_READ_ONLY]);
  g_object_notify_by_pspec (G_OBJECT (self), _crb_project_properties[PROP_MODIFIED]);
}

/**
 * crb_project_save:
 * @file: (nullable): where to save; %NULL for the project's own file
 *
 * Writes the project atomically (see docs/project-format.md).  Rewriting
 * the project's own file folds its journal into it, and needs the file
 * alone: while another program has it open, %CRB_ERROR_BUSY (every change
 * is safe in the journal meanwhile).  Saving to another file makes that
 * the project's file.
 */
gboolean
crb_project_save (CrbProject    *self,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr (SaveData) data = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  data = begin_save (self, file, error);
  if (data == NULL || !write_save (data, cancellable, error))
    return FALSE;

  finish_save (self, data);
  return TRUE;
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;

  if (write_save (task_data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * crb_project_save_async:
 *
 * Like crb_project_save(), but the file is written by a worker thread.  The
 * project may change meanwhile; what changed stays modified.
 */
void
crb_project_save_async (CrbProject          *self,
                        GFile               *file,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  SaveData *data;

  g_return_if_fail (CRB_IS_PROJECT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_project_save_async);

  data = begin_save (self, file, &error);
  if (data == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
crb_project_save_finish (CrbProject    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  finish_save (self, g_task_get_task_data (G_TASK (result)));
  return TRUE;
}

/* CORROBORATE_COMPACT_SIZE (bytes) tunes it: 0 leaves every change in the
 * journal until the journal has grown (the tests use it to keep changes
 * unsaved in small projects).
 */
static guint64
compact_size (void)
{
  const char *env = g_getenv ("CORROBORATE_COMPACT_SIZE");
  guint64 size;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 0, G_MAXUINT64, &size, NULL))
    return size;
  return CRB_PROJECT_COMPACT_SIZE;
}

/**
 * crb_project_get_compaction_due:
 *
 * Whether the journal should be folded into the file now (see
 * crb_project_compact_if_due()); a journal found at load when it is due
 * held changes a crash kept from the file.
 */
gboolean
crb_project_get_compaction_due (CrbProject *self)
{
  g_autofree char *path = NULL;
  struct stat st;
  gsize journal_size;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (self->file == NULL)
    return FALSE;

  path = g_file_get_path (self->file);
  journal_size = self->journal ? crb_journal_get_size (self->journal) : 0;
  return path == NULL || stat (path, &st) != 0 || self->legacy_journal ||
         (guint64) st.st_size <= compact_size () ||
         journal_size >= MAX ((gsize) st.st_size / 64, CRB_PROJECT_COMPACT_JOURNAL);
}

/**
 * crb_project_compact_if_due:
 *
 * Folds the journal into the project file when that costs little next to
 * what it saves: always for a file of up to 16 MB (or the size in bytes
 * that $CORROBORATE_COMPACT_SIZE gives), else once the journal has grown
 * to 1/64 of the file, and to at least 1 MiB.  Never while another program has the
 * file open (the journal keeps every change safe meanwhile).  The CLI
 * calls it after each change, so that a change to a large project costs
 * what it changes.
 *
 * Returns: %FALSE with @error set when a due save failed
 */
gboolean
crb_project_compact_if_due (CrbProject  *self,
                            GError     **error)
{
  g_autoptr (GError) local_error = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (self->read_only != NULL || !crb_project_get_modified (self) ||
      !crb_project_get_compaction_due (self))
    return TRUE;

  if (crb_project_save (self, NULL, NULL, &local_error))
    return TRUE;
  if (g_error_matches (local_error, CRB_ERROR, CRB_ERROR_BUSY))
    return TRUE;

  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/**
 * crb_project_get_read_only:
 *
 * Returns: (nullable): why the project's file must not be written (it is
 *   read-only, say), or %NULL when it may be
 */
const char *
crb_project_get_read_only (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->read_only;
}

/**
 * crb_project_get_file:
 *
 * Returns: (transfer none) (nullable): the file the project was loaded from
 *   or last saved to
 */
GFile *
crb_project_get_file (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->file;
}

const char *
crb_project_get_id (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->data.id;
}

const char *
crb_project_get_title (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->data.title;
}

void
crb_project_set_title (CrbProject *self,
                       const char *title)
{
  g_return_if_fail (CRB_IS_PROJECT (self));

  if (g_strcmp0 (self->data.title, title) == 0)
    return;

  g_free (self->data.title);
  self->data.title = g_strdup (title);
  self->data.revision++;
  self->header_dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), _crb_project_properties[PROP_TITLE]);
  _crb_project_notify_state (self, FALSE);
}

guint64
crb_project_get_revision (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), 0);
  return self->data.revision;
}

guint64
crb_project_get_saved_revision (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), 0);
  return self->saved_revision;
}

gboolean
crb_project_get_modified (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return self->file == NULL || self->data.revision != self->saved_revision || self->header_dirty;
}

/**
 * crb_project_get_n_recovered:
 *
 * Returns: how many journaled changes the last load restored because the
 *   project file did not hold them yet (after a crash, say)
 */
guint64
crb_project_get_durable_revision (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), 0);
  return self->durable_revision;
}

guint
crb_project_get_n_recovered (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), 0);
  return self->n_recovered;
}

/**
 * crb_project_get_stories:
 *
 * Returns: (transfer none): a #GListModel of #CrbStory
 */
GListModel *
crb_project_get_stories (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return G_LIST_MODEL (self->stories);
}

/**
 * crb_project_lookup_story:
 *
 * Returns: (transfer none) (nullable): the story with @story_id
 */
CrbStory *
crb_project_lookup_story (CrbProject *self,
                          const char *story_id)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->story_index, story_id);
}

/**
 * crb_project_find_story_by_title:
 *
 * Returns: (transfer none) (nullable): the first story titled @title
 */
CrbStory *
crb_project_find_story_by_title (CrbProject *self,
                                 const char *title)
{
  guint n;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      if (g_strcmp0 (crb_story_get_title (story), title) == 0)
        return story;
    }

  return NULL;
}

/**
 * crb_project_add_story:
 * @title: the story's title; its id is made from it
 *
 * Returns: (transfer none): the new story
 */
CrbStory *
crb_project_add_story (CrbProject *self,
                       const char *title)
{
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  slug = crb_make_slug (title);
  id = g_strdup (slug);
  for (guint i = 2; g_hash_table_contains (self->story_index, id); i++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", slug, i);
    }

  return crb_project_add_story_with_id (self, id, title);
}

/**
 * crb_project_add_story_with_id:
 * @id: the story's id, new to the project
 * @title: the story's title
 *
 * Like crb_project_add_story(), keeping a given id (a project rebuilt
 * from an export keeps its stories' ids).
 *
 * Returns: (transfer none): the new story
 */
CrbStory *
crb_project_add_story_with_id (CrbProject *self,
                               const char *id,
                               const char *title)
{
  g_autoptr (CrbStory) story = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  g_return_val_if_fail (id != NULL && *id != '\0', NULL);
  g_return_val_if_fail (!g_hash_table_contains (self->story_index, id), NULL);

  story = crb_story_new (id, title);
  g_list_store_append (self->stories, story);
  index_story (self, story);
  self->data.revision++;
  self->header_dirty = TRUE;
  _crb_project_notify_state (self, FALSE);
  return story;
}

/**
 * crb_project_find_article_story:
 *
 * Returns: (transfer none) (nullable): the story holding @article_id
 */
CrbStory *
crb_project_find_article_story (CrbProject *self,
                                const char *article_id)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return g_hash_table_lookup (self->article_index, article_id);
}

/**
 * crb_project_ensure_all_loaded:
 *
 * Parses every story.  Stops at the first malformed one.
 */
gboolean
crb_project_ensure_all_loaded (CrbProject  *self,
                               GError     **error)
{
  guint n;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      if (!crb_story_ensure_loaded (story, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * crb_project_make_article_id:
 * @wanted: the id the article would like (a file name without extension)
 *
 * Returns: (transfer full): @wanted, or @wanted with a "-2", "-3"… suffix
 *   when the project has that id already
 */
char *
crb_project_make_article_id (CrbProject *self,
                             const char *wanted)
{
  g_autofree char *base = NULL;
  char *id;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  base = crb_article_id_from_name (wanted);
  id = g_strdup (base);
  for (guint i = 2; g_hash_table_contains (self->article_index, id); i++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, i);
    }

  return id;
}

/**
 * crb_project_add_article:
 *
 * Adds @article, whose id must be new to the project, to @story.
 */
void
crb_project_add_article (CrbProject *self,
                         CrbStory   *story,
                         CrbArticle *article)
{
  g_return_if_fail (CRB_IS_PROJECT (self));
  g_return_if_fail (CRB_IS_STORY (story));
  g_return_if_fail (!g_hash_table_contains (self->article_index, crb_article_get_id (article)));

  crb_story_add_article (story, article);
  g_hash_table_insert (self->article_index, g_strdup (crb_article_get_id (article)), story);
  self->data.revision++;
  self->header_dirty = TRUE;
  _crb_project_notify_state (self, FALSE);
}

/**
 * crb_project_find_claim:
 * @story: (out) (optional) (transfer none): the claim's story
 *
 * Finds a claim by id, loading its story if needed.
 *
 * Returns: (transfer none) (nullable): the claim, or %NULL with
 *   %CRB_ERROR_NOT_FOUND (or a load error) set
 */
CrbClaim *
crb_project_find_claim (CrbProject  *self,
                        const char  *claim_id,
                        CrbStory   **story,
                        GError     **error)
{
  g_autofree char *article_id = NULL;
  const char *colon;
  CrbStory *s = NULL;
  CrbClaim *claim = NULL;
  guint n;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  g_return_val_if_fail (claim_id != NULL, NULL);

  /* Claim ids are "ARTICLE:N": look in that article's story first. */
  colon = strrchr (claim_id, ':');
  if (colon != NULL)
    {
      article_id = g_strndup (claim_id, colon - claim_id);
      s = g_hash_table_lookup (self->article_index, article_id);
      if (s != NULL)
        {
          if (!crb_story_ensure_loaded (s, error))
            return NULL;
          claim = crb_story_lookup_claim (s, claim_id);
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  for (guint i = 0; claim == NULL && i < n; i++)
    {
      g_autoptr (CrbStory) candidate = g_list_model_get_item (G_LIST_MODEL (self->stories), i);

      if (!crb_story_ensure_loaded (candidate, error))
        return NULL;
      claim = crb_story_lookup_claim (candidate, claim_id);
      s = candidate;
    }

  if (claim == NULL)
    {
      g_autofree char *name = self->file ? g_file_get_parse_name (self->file) : g_strdup ("project");
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND,
                   _("%s: no claim with the id “%s”"), name, claim_id);
      return NULL;
    }

  if (story != NULL)
    *story = s;
  return claim;
}

/* After a pass over a story that leaves it unloaded (a check, an
 * import): the pages of its line in a mapped file go, so that the pass
 * holds one story's worth of the file.
 */
void
_crb_project_release_story (CrbProject *self,
                            CrbStory   *story)
{
  GBytes *raw;

  if (crb_story_is_loaded (story) || (raw = _crb_story_get_raw (story)) == NULL)
    return;
  _crb_mapped_release (self->mapped, g_bytes_get_data (raw, NULL), g_bytes_get_size (raw));
}
