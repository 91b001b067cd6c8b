/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-team.c: a team project (docs/team.md).  Each reviewer's
 * decisions, notes, hand-made links and adjudications go to a file of
 * their own in the reviews folder beside the project (store/crb-reviews.c),
 * never to the project file or its journal, so that reviewers working in
 * clones of one repository or in a shared folder never write one file
 * twice.  Loading merges every file found (model/crb-team.c); claims show
 * the gold decision, or the viewer's own. */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-team-private.h"

#include "crb-align.h"
#include "crb-claim-private.h"
#include "crb-story-private.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

static GQuark
team_quark (void)
{
  return g_quark_from_static_string ("crb-project-team");
}

static void
file_state_free (gpointer data)
{
  FileState *state = data;

  g_free (state->reviewer);
  g_free (state);
}

static CrbProjectTeam *
ensure_team (CrbProject *self)
{
  if (self->team == NULL)
    self->team = g_new0 (CrbProjectTeam, 1);
  return self->team;
}

void
_crb_project_team_free (CrbProject *self)
{
  CrbProjectTeam *t = self->team;

  if (t == NULL)
    return;
  g_clear_object (&t->team);
  g_free (t->reviews);
  g_free (t->folder);
  g_free (t->owner);
  g_clear_pointer (&t->files, g_hash_table_unref);
  g_free (t->reviewer);
  g_clear_pointer (&t->writer, crb_review_writer_free);
  g_clear_pointer (&self->team, g_free);
}

gboolean
_crb_project_in_team (CrbProject *self)
{
  return self->team != NULL && self->team->team != NULL;
}

static char *
display_name (CrbProject *self)
{
  return self->file ? g_file_get_parse_name (self->file) : g_strdup ("project");
}

gboolean
_crb_project_team_not_team (CrbProject  *self,
                            GError     **error)
{
  g_autofree char *name = display_name (self);

  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
               _("%s: not a team project (prepare it with “corroborate-cli team init”)"), name);
  return FALSE;
}

/* ------------------------------------------------------------ views */

/* Stories parse as usual, then show the team's view. */
static gboolean
team_story_load (CrbStory    *story,
                 GBytes      *raw,
                 const char  *display,
                 guint        line,
                 GError     **error)
{
  CrbTeam *team;

  if (!_crb_story_parse (story, raw, display, line, error))
    return FALSE;
  team = g_object_get_qdata (G_OBJECT (story), team_quark ());
  if (team != NULL)
    crb_team_apply_views (team, story);
  return TRUE;
}

static const CrbStoryDriver team_driver = {
  .load = team_story_load,
  .align = crb_align_story,
};

/* Every story shows the team's view when it loads; stories added since
 * (the owner's new articles) get it on the next refresh.
 */
static void
install_driver (CrbProject *self)
{
  GListModel *stories = G_LIST_MODEL (self->stories);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);

      if (g_object_get_qdata (G_OBJECT (story), team_quark ()) == self->team->team)
        continue;
      g_object_set_qdata_full (G_OBJECT (story), team_quark (), g_object_ref (self->team->team),
                               g_object_unref);
      _crb_story_set_driver (story, &team_driver);
      if (crb_story_is_loaded (story))
        crb_team_apply_views (self->team->team, story);
    }
}

CrbStory *
_crb_project_team_story_of (CrbProject *self,
                            const char *claim_id)
{
  const char *colon = strrchr (claim_id, ':');
  g_autofree char *article = NULL;

  if (colon == NULL)
    return NULL;
  article = g_strndup (claim_id, colon - claim_id);
  return g_hash_table_lookup (self->article_index, article);
}

/* Shows @claim_id's decision in the view, if its story is loaded; tells
 * whoever listens when it changed, or when @always (a reviewer's decision
 * on it changed: the annotations others show changed with it).
 */
static gboolean
update_view (CrbProject *self,
             const char *claim_id,
             gboolean    always)
{
  CrbStory *story = _crb_project_team_story_of (self, claim_id);
  g_autoptr (CrbDecision) view = NULL;
  CrbClaim *claim;

  if (story == NULL || !crb_story_is_loaded (story) || (claim = crb_story_lookup_claim (story, claim_id)) == NULL)
    return FALSE;

  view = crb_team_dup_view (self->team->team, claim_id, _crb_claim_get_file_decision (claim));
  if (crb_decision_equal (view, crb_claim_get_decision (claim)) && !always)
    return FALSE;
  _crb_claim_set_view (claim, view);
  g_signal_emit (self, _crb_project_signals[CLAIM_DECIDED], 0, claim);
  return TRUE;
}

guint
_crb_project_team_update_views (CrbProject *self,
                                GHashTable *changed)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += update_view (self, key, TRUE);
  return n;
}

/* Every loaded claim, after the viewer or the view changed. */
static void
refresh_views (CrbProject *self)
{
  GListModel *stories = G_LIST_MODEL (self->stories);

  if (!_crb_project_in_team (self))
    return;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *claims;

      if (!crb_story_is_loaded (story))
        continue;
      claims = crb_story_get_claims (story);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);

          update_view (self, crb_claim_get_id (claim), FALSE);
        }
    }
}

/* ------------------------------------------------------------ reading */

static gboolean
ingest (CrbProject     *self,
        const char     *path,
        CrbReviewBatch *batch,
        GHashTable     *changed)
{
  CrbProjectTeam *t = self->team;
  FileState *state = g_hash_table_lookup (t->files, path);

  if (state == NULL)
    {
      state = g_new0 (FileState, 1);
      g_hash_table_insert (t->files, g_strdup (path), state);
    }

  if (batch->project_id != NULL && strcmp (batch->project_id, self->data.id) != 0)
    {
      g_ptr_array_add (self->problems,
                       g_strdup_printf (_("%s: the reviews of another project (%s); the file is left out"),
                                        path, batch->project_id));
      g_clear_pointer (&state->reviewer, g_free);
    }
  else
    {
      if (batch->project_id != NULL)
        {
          g_free (state->reviewer);
          state->reviewer = g_strdup (batch->reviewer);
        }
      if (state->reviewer != NULL)
        crb_team_add_records (t->team, state->reviewer, (CrbTeamRecord *) batch->records->data,
                              batch->records->len, changed, self->problems);
    }

  state->end = batch->end;
  state->lines = batch->lines;
  state->dev = batch->dev;
  state->ino = batch->ino;
  return TRUE;
}

/* What was appended to the file at @path since the last look, or the
 * whole of it when it is new or was replaced.
 */
void
_crb_project_team_catch_up_file (CrbProject *self,
                                 const char *path,
                                 GHashTable *changed)
{
  CrbProjectTeam *t = self->team;
  FileState *state = g_hash_table_lookup (t->files, path);
  g_auto (CrbReviewBatch) batch = { NULL, };
  g_autoptr (GError) error = NULL;
  struct stat st;
  gboolean whole;

  if (stat (path, &st) != 0)
    return;
  whole = state == NULL || (guint64) st.st_dev != state->dev || (guint64) st.st_ino != state->ino ||
          (gsize) st.st_size < state->end;
  if (!whole && (gsize) st.st_size == state->end)
    return;
  if (!whole && state->reviewer == NULL)
    return;   /* another project's */

  if (!crb_reviews_read (path, whole ? 0 : state->end, whole ? 0 : state->lines,
                         whole ? NULL : state->reviewer, &batch, self->problems, &error))
    {
      /* A header being written is no news yet. */
      if (!g_error_matches (error, CRB_ERROR, CRB_ERROR_EMPTY))
        g_ptr_array_add (self->problems, g_strdup_printf (_("%s; the file is left out"), error->message));
      return;
    }
  ingest (self, path, &batch, changed);
}

void
_crb_project_team_read_assignments (CrbProject *self,
                                    gboolean    if_changed)
{
  CrbProjectTeam *t = self->team;
  g_autofree char *path = g_build_filename (t->folder, CRB_ASSIGNMENTS_FILE, NULL);
  g_autoptr (GError) error = NULL;
  struct stat st;
  gint64 mtime = stat (path, &st) == 0 ? (gint64) st.st_mtim.tv_sec * G_USEC_PER_SEC + st.st_mtim.tv_nsec / 1000
                                       : 0;

  if (if_changed && mtime == t->assignments_mtime)
    return;
  t->assignments_mtime = mtime;
  if (!crb_reviews_read_assignments (path, self->data.id, t->team, &error))
    g_ptr_array_add (self->problems, g_strdup_printf (_("%s; no claim is assigned"), error->message));
}

typedef struct
{
  GPtrArray      *paths;
  CrbReviewBatch *batches;
  GPtrArray     **problems;
  GError        **errors;
  gboolean       *done;
  GMutex          lock;
  GCond           cond;
  guint           next;
  guint           taken;   /* batches taken in and freed: reading stays a few files ahead */
  guint           ahead;
} ReadJob;

static gpointer
read_worker (gpointer data)
{
  ReadJob *job = data;

  for (;;)
    {
      guint i;

      g_mutex_lock (&job->lock);
      while (job->next < job->paths->len && job->next >= job->taken + job->ahead)
        g_cond_wait (&job->cond, &job->lock);
      i = job->next++;
      g_mutex_unlock (&job->lock);
      if (i >= job->paths->len)
        return NULL;

      crb_reviews_read (g_ptr_array_index (job->paths, i), 0, 0, NULL, &job->batches[i],
                        job->problems[i], &job->errors[i]);

      g_mutex_lock (&job->lock);
      job->done[i] = TRUE;
      g_cond_broadcast (&job->cond);
      g_mutex_unlock (&job->lock);
    }
}

/* Every reviewer's file, read by worker threads while this thread takes
 * in what they read, file by file in the order of their names (so that
 * problems come in one order), a few files ahead at most (so that memory
 * holds a few files, not all).
 */
static void
read_all_files (CrbProject *self)
{
  CrbProjectTeam *t = self->team;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) paths = crb_reviews_list_files (t->folder, &error);
  g_autoptr (GPtrArray) threads = g_ptr_array_new ();
  ReadJob job = { 0, };
  guint n_threads;

  if (paths == NULL)
    {
      g_ptr_array_add (self->problems, g_strdup (error->message));
      return;
    }
  if (paths->len == 0)
    return;

  job.paths = paths;
  job.batches = g_new0 (CrbReviewBatch, paths->len);
  job.problems = g_new0 (GPtrArray *, paths->len);
  job.errors = g_new0 (GError *, paths->len);
  job.done = g_new0 (gboolean, paths->len);
  for (guint i = 0; i < paths->len; i++)
    job.problems[i] = g_ptr_array_new_with_free_func (g_free);
  g_mutex_init (&job.lock);
  g_cond_init (&job.cond);

  n_threads = MIN (paths->len, CLAMP (g_get_num_processors (), 1, 8));
  job.ahead = n_threads + 1;
  for (guint i = 0; i < n_threads; i++)
    g_ptr_array_add (threads, g_thread_new ("crb-reviews", read_worker, &job));

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);

      g_mutex_lock (&job.lock);
      while (!job.done[i])
        g_cond_wait (&job.cond, &job.lock);
      g_mutex_unlock (&job.lock);

      for (guint k = 0; k < job.problems[i]->len; k++)
        g_ptr_array_add (self->problems, g_strdup (g_ptr_array_index (job.problems[i], k)));
      if (job.errors[i] != NULL)
        {
          if (!g_error_matches (job.errors[i], CRB_ERROR, CRB_ERROR_EMPTY))
            g_ptr_array_add (self->problems, g_strdup_printf (_("%s; the file is left out"), job.errors[i]->message));
        }
      else
        ingest (self, path, &job.batches[i], NULL);

      /* Its records are in the team: its memory goes before the next. */
      crb_review_batch_clear (&job.batches[i]);
      g_clear_error (&job.errors[i]);
      g_ptr_array_unref (job.problems[i]);

      g_mutex_lock (&job.lock);
      job.taken = i + 1;
      g_cond_broadcast (&job.cond);
      g_mutex_unlock (&job.lock);
    }

  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_mutex_clear (&job.lock);
  g_cond_clear (&job.cond);
  g_free (job.batches);
  g_free (job.problems);
  g_free (job.errors);
  g_free (job.done);
}

static void
catch_up_all (CrbProject *self,
              GHashTable *changed)
{
  g_autoptr (GPtrArray) paths = crb_reviews_list_files (self->team->folder, NULL);

  for (guint i = 0; paths != NULL && i < paths->len; i++)
    _crb_project_team_catch_up_file (self, g_ptr_array_index (paths, i), changed);
  _crb_project_team_read_assignments (self, TRUE);
}

/* ------------------------------------------------------------ settings */

static gboolean
read_settings (CrbProject      *self,
               CrbProjectTeam  *t,
               GError         **error)
{
  g_autoptr (JsonNode) node = json_from_string (self->data.team, NULL);
  g_autofree char *name = display_name (self);
  g_autofree char *path = self->file ? g_file_get_path (self->file) : NULL;
  g_autofree char *dir = path ? g_path_get_dirname (path) : g_get_current_dir ();
  JsonObject *object = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  const char *reviews = object ? json_object_get_string_member_with_default (object, "reviews", NULL) : NULL;
  const char *owner = object ? json_object_get_string_member_with_default (object, "owner", NULL) : NULL;

  if (reviews == NULL || *reviews == '\0' || strchr (reviews, '/') != NULL || strcmp (reviews, "..") == 0 ||
      strcmp (reviews, ".") == 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s:1: the field “team” must name its reviews folder, beside the project, in “reviews”"),
                   name);
      return FALSE;
    }

  g_free (t->reviews);
  t->reviews = g_strdup (reviews);
  g_free (t->folder);
  t->folder = g_build_filename (dir, reviews, NULL);
  g_free (t->owner);
  t->owner = crb_reviewer_name_is_valid (owner) ? g_strdup (owner) : NULL;
  t->blind = json_object_get_boolean_member_with_default (object, "blind", FALSE);
  t->revealed = json_object_get_boolean_member_with_default (object, "revealed", FALSE);
  return TRUE;
}

static char *
settings_json (CrbProjectTeam *t)
{
  g_autoptr (GString) out = g_string_new ("{\"reviews\":");

  crb_json_append_string (out, t->reviews);
  g_string_append (out, ",\"owner\":");
  crb_json_append_string (out, t->owner);
  g_string_append_printf (out, ",\"blind\":%s,\"revealed\":%s}", t->blind ? "true" : "false",
                          t->revealed ? "true" : "false");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * _crb_project_team_attach:
 *
 * Called when a project is loaded: a team project (one whose header has a
 * "team" member) reads every reviewer's file of its reviews folder, the
 * owner's assignments, and shows the team's view on its claims.
 */
gboolean
_crb_project_team_attach (CrbProject  *self,
                          GError     **error)
{
  CrbProjectTeam *t;

  if (self->data.team == NULL)
    return TRUE;

  t = ensure_team (self);
  if (!read_settings (self, t, error))
    return FALSE;

  g_clear_object (&t->team);
  t->team = crb_team_new ();
  crb_team_set_settings (t->team, t->owner, t->blind, t->revealed);
  crb_team_set_viewer (t->team, t->reviewer);
  g_clear_pointer (&t->files, g_hash_table_unref);
  t->files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, file_state_free);
  t->assignments_mtime = 0;

  read_all_files (self);
  _crb_project_team_read_assignments (self, FALSE);
  install_driver (self);
  return TRUE;
}

gboolean
_crb_project_team_check_owner_of (CrbProject  *self,
                                  GError     **error)
{
  CrbProjectTeam *t = self->team;

  if (t->owner == NULL || g_strcmp0 (t->reviewer, t->owner) == 0)
    return TRUE;

  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
               _("only the owner of the team project, %s, changes the project itself; you are %s"),
               t->owner, t->reviewer ? t->reviewer : _("not named"));
  return FALSE;
}

/**
 * _crb_project_team_check_owner:
 *
 * Changes to the project itself (an article's outlet, title, date or URL)
 * are the owner's in a team project: a reviewer's would make two clones
 * of the project file differ.
 */
gboolean
_crb_project_team_check_owner (CrbProject  *self,
                               GError     **error)
{
  return !_crb_project_in_team (self) || _crb_project_team_check_owner_of (self, error);
}

/**
 * crb_project_team_is_owner:
 *
 * Returns: whether the project is a team project and its reviewer (see
 *   crb_project_set_reviewer()) is its owner, the one who changes the
 *   project file itself
 */
gboolean
crb_project_team_is_owner (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  return _crb_project_in_team (self) && _crb_project_team_check_owner_of (self, NULL);
}

static gboolean
save_settings (CrbProject  *self,
               GError     **error)
{
  CrbProjectTeam *t = self->team;

  g_free (self->data.team);
  self->data.team = settings_json (t);
  self->data.revision++;
  self->header_dirty = TRUE;
  if (t->team != NULL)
    {
      crb_team_set_settings (t->team, t->owner, t->blind, t->revealed);
      refresh_views (self);
    }
  _crb_project_notify_state (self, FALSE);
  return crb_project_save (self, NULL, NULL, error);
}

static gboolean
write_gitattributes (const char  *dir,
                     const char  *reviews,
                     gboolean    *changed,
                     GError     **error)
{
  g_autofree char *path = g_build_filename (dir, ".gitattributes", NULL);
  g_autofree char *line = g_strdup_printf ("%s/*.jsonl merge=union", reviews);
  g_autofree char *contents = NULL;
  g_autoptr (GString) out = NULL;
  g_auto (GStrv) lines = NULL;

  if (g_file_get_contents (path, &contents, NULL, NULL))
    {
      lines = g_strsplit (contents, "\n", -1);
      for (guint i = 0; lines[i]; i++)
        if (strcmp (g_strstrip (lines[i]), line) == 0)
          return TRUE;
    }

  out = g_string_new (contents);
  if (out->len > 0 && out->str[out->len - 1] != '\n')
    g_string_append_c (out, '\n');
  g_string_append_printf (out, "# Corroborate: each reviewer's file has one writer; union is a safety net\n%s\n", line);
  if (!g_file_set_contents (path, out->str, out->len, error))
    return FALSE;
  *changed = TRUE;
  return TRUE;
}

/**
 * crb_project_team_init:
 * @owner: who prepares the project: the owner, who alone changes the
 *   project file from now on (adds articles, changes the team's settings)
 * @changed: (out) (optional): whether anything was written
 *
 * Prepares a saved project for a team: a "team" member in the header
 * naming the reviews folder beside it (`NAME.reviews/`), the folder, and
 * a line in the `.gitattributes` beside the project.  Running it again
 * changes nothing.
 */
gboolean
crb_project_team_init (CrbProject  *self,
                       const char  *owner,
                       gboolean    *changed,
                       GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  gboolean wrote = FALSE;
  CrbProjectTeam *t;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (self->file == NULL || (path = g_file_get_path (self->file)) == NULL)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                           _("save the project to a file before preparing it for a team"));
      return FALSE;
    }
  if (!crb_project_team_check_reviewer (self, owner, error))
    return FALSE;

  dir = g_path_get_dirname (path);
  t = ensure_team (self);
  g_free (t->reviewer);
  t->reviewer = g_strdup (owner);

  if (_crb_project_in_team (self))
    {
      if (!_crb_project_team_check_owner_of (self, error))
        return FALSE;
    }
  else
    {
      base = g_path_get_basename (path);
      if (g_str_has_suffix (base, ".crb"))
        base[strlen (base) - 4] = '\0';
      g_free (t->reviews);
      t->reviews = g_strconcat (base, ".reviews", NULL);
      g_free (t->owner);
      t->owner = g_strdup (owner);
      t->blind = FALSE;
      t->revealed = FALSE;
      if (!save_settings (self, error))
        {
          g_clear_pointer (&self->data.team, g_free);
          return FALSE;
        }
      wrote = TRUE;
      if (!_crb_project_team_attach (self, error))
        return FALSE;
    }

  if (!g_file_test (t->folder, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (t->folder, 0755) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, CRB_ERROR, CRB_ERROR_READ_ONLY, _("%s: cannot make the folder: %s"),
                       t->folder, g_strerror (saved_errno));
          return FALSE;
        }
      wrote = TRUE;
    }
  if (!write_gitattributes (dir, t->reviews, &wrote, error))
    return FALSE;

  if (changed != NULL)
    *changed = wrote;
  return TRUE;
}

/**
 * crb_project_team_set_blind:
 *
 * Turns blind review on (reviewers other than the owner see only their own
 * decisions) or off.  The owner's; writes the project file.
 */
gboolean
crb_project_team_set_blind (CrbProject  *self,
                            gboolean     blind,
                            GError     **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (!_crb_project_in_team (self))
    return _crb_project_team_not_team (self, error);
  if (!_crb_project_team_check_owner_of (self, error))
    return FALSE;
  if (self->team->blind == blind && !(blind && self->team->revealed))
    return TRUE;

  self->team->blind = blind;
  self->team->revealed = FALSE;
  return save_settings (self, error);
}

/**
 * crb_project_team_reveal:
 *
 * Ends a blind review: every reviewer sees the others' decisions (the
 * project stays marked as reviewed blind).  The owner's; writes the
 * project file.
 */
gboolean
crb_project_team_reveal (CrbProject  *self,
                         GError     **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (!_crb_project_in_team (self))
    return _crb_project_team_not_team (self, error);
  if (!_crb_project_team_check_owner_of (self, error))
    return FALSE;
  if (self->team->revealed || !self->team->blind)
    return TRUE;

  self->team->revealed = TRUE;
  return save_settings (self, error);
}

gboolean
crb_project_is_team (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return _crb_project_in_team (self);
}

/**
 * crb_project_get_team:
 *
 * Returns: (transfer none) (nullable): the team's merged reviews, %NULL
 *   unless the project is a team project
 */
CrbTeam *
crb_project_get_team (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return _crb_project_in_team (self) ? self->team->team : NULL;
}

/**
 * crb_project_team_get_reviews_folder:
 *
 * Returns: (nullable): the folder of the reviewers' files
 */
const char *
crb_project_team_get_reviews_folder (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return _crb_project_in_team (self) ? self->team->folder : NULL;
}

/* ------------------------------------------------------------ who */

/**
 * crb_project_set_reviewer:
 * @reviewer: (nullable): the reviewer using the project
 *
 * Names who decides: in a team project their changes go to their own
 * file, their undo takes back their own steps, and claims show their view
 * (their own decisions in a blind review).  Changes of a decision that
 * names another annotator go to that annotator's file.
 */
void
crb_project_set_reviewer (CrbProject *self,
                          const char *reviewer)
{
  CrbProjectTeam *t;

  g_return_if_fail (CRB_IS_PROJECT (self));

  t = ensure_team (self);
  if (g_strcmp0 (t->reviewer, reviewer) == 0)
    return;
  g_free (t->reviewer);
  t->reviewer = g_strdup (reviewer);
  g_clear_pointer (&t->writer, crb_review_writer_free);
  if (t->team != NULL)
    {
      crb_team_set_viewer (t->team, reviewer);
      refresh_views (self);
      _crb_project_notify_state (self, TRUE);
    }
}

const char *
crb_project_get_reviewer (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->team ? self->team->reviewer : NULL;
}

/**
 * crb_project_team_check_reviewer:
 *
 * Returns: whether @reviewer can make changes in a team project: a name
 *   that can name a file, not "anonymous"; else %FALSE with @error
 */
gboolean
crb_project_team_check_reviewer (CrbProject  *self,
                                 const char  *reviewer,
                                 GError     **error)
{
  if (crb_reviewer_name_is_valid (reviewer))
    return TRUE;

  if (reviewer == NULL || *reviewer == '\0')
    g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                         _("every change belongs to a named reviewer, and no name is set"));
  else
    g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                 _("every change belongs to a named reviewer, and “%s” cannot name one "
                   "(letters, digits, “-”, “_”, “.”, “@” and “+”; not “anonymous”)"), reviewer);
  return FALSE;
}

/**
 * crb_project_team_set_view:
 *
 * Which decision claims show: the team's gold decision (the default) or
 * the reviewer's own — what a review queue wants.  A blind review shows
 * reviewers other than the owner their own whatever is set.
 */
void
crb_project_team_set_view (CrbProject  *self,
                           CrbTeamView  view)
{
  g_return_if_fail (CRB_IS_PROJECT (self));

  if (!_crb_project_in_team (self))
    return;
  crb_team_set_view (self->team->team, view);
  refresh_views (self);
}

CrbTeamView
crb_project_team_get_view (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), CRB_TEAM_VIEW_GOLD);
  return _crb_project_in_team (self) ? crb_team_get_view (self->team->team) : CRB_TEAM_VIEW_GOLD;
}

/**
 * crb_project_team_can_see_others:
 *
 * Returns: whether the reviewer may see the other reviewers' decisions:
 *   always but in a blind review not yet revealed, where only the owner may
 */
gboolean
crb_project_team_can_see_others (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), TRUE);
  return !_crb_project_in_team (self) || crb_team_viewer_sees_all (self->team->team);
}

gboolean
_crb_project_team_check_sees_all (CrbProject  *self,
                                  GError     **error)
{
  if (crb_team_viewer_sees_all (self->team->team))
    return TRUE;

  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
               _("the review is blind: only the owner, %s, sees every reviewer's decisions until they are "
                 "revealed"), self->team->owner ? self->team->owner : "?");
  return FALSE;
}

/**
 * _crb_project_team_refresh:
 *
 * Takes in what reviewers' files gained since the last look (another
 * program of this reviewer, a shared folder, a pull), and new files.
 *
 * Returns: how many loaded claims changed
 */
guint
_crb_project_team_refresh (CrbProject *self)
{
  g_autoptr (GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);

  if (!_crb_project_in_team (self))
    return 0;
  install_driver (self);
  catch_up_all (self, changed);
  return _crb_project_team_update_views (self, changed);
}
