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

#include "crb-project-private.h"
#include "crb-project-team.h"

#include "crb-align.h"
#include "crb-claim-private.h"
#include "crb-story-private.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>

/* How far a reviewer's file has been read. */
typedef struct
{
  char    *reviewer;   /* NULL: not one of this project's */
  gsize    end;
  guint    lines;
  guint64  dev;
  guint64  ino;
} FileState;

typedef struct _CrbProjectTeam
{
  CrbTeam         *team;      /* NULL: not a team project */
  char            *reviews;   /* the folder's name, as the header has it */
  char            *folder;    /* the folder */
  char            *owner;
  gboolean         blind;
  gboolean         revealed;
  GHashTable      *files;     /* path → FileState */
  char            *reviewer;  /* who decides */
  CrbReviewWriter *writer;    /* the reviewer's own file, once written */
  gint64           assignments_mtime;
} CrbProjectTeam;

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

static gboolean
not_team (CrbProject  *self,
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

static CrbStory *
story_of_claim_id (CrbProject *self,
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
 * whoever listens when it changed.
 */
static gboolean
update_view (CrbProject *self,
             const char *claim_id)
{
  CrbStory *story = story_of_claim_id (self, claim_id);
  g_autoptr (CrbDecision) view = NULL;
  CrbClaim *claim;

  if (story == NULL || !crb_story_is_loaded (story) || (claim = crb_story_lookup_claim (story, claim_id)) == NULL)
    return FALSE;

  view = crb_team_dup_view (self->team->team, claim_id, _crb_claim_get_file_decision (claim));
  if (crb_decision_equal (view, crb_claim_get_decision (claim)))
    return FALSE;
  _crb_claim_set_view (claim, view);
  g_signal_emit (self, _crb_project_signals[CLAIM_DECIDED], 0, claim);
  return TRUE;
}

static guint
update_views (CrbProject *self,
              GHashTable *changed)
{
  GHashTableIter iter;
  gpointer key;
  guint n = 0;

  g_hash_table_iter_init (&iter, changed);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    n += update_view (self, key);
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

          update_view (self, crb_claim_get_id (claim));
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
static void
catch_up_file (CrbProject *self,
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

static void
read_assignments (CrbProject *self,
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
    catch_up_file (self, g_ptr_array_index (paths, i), changed);
  read_assignments (self, TRUE);
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
  g_autofree char *viewer = NULL;

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
  read_assignments (self, FALSE);
  install_driver (self);
  return TRUE;
}

static gboolean
check_owner (CrbProject  *self,
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
  return !_crb_project_in_team (self) || check_owner (self, error);
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
      if (!check_owner (self, error))
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
    return not_team (self, error);
  if (!check_owner (self, error))
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
    return not_team (self, error);
  if (!check_owner (self, error))
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

static gboolean
check_sees_all (CrbProject  *self,
                GError     **error)
{
  if (crb_team_viewer_sees_all (self->team->team))
    return TRUE;

  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
               _("the review is blind: only the owner, %s, sees every reviewer's decisions until they are "
                 "revealed"), self->team->owner ? self->team->owner : "?");
  return FALSE;
}

/* ------------------------------------------------------------ writing */

/* Opens and locks @reviewer's file and reads what the reviewer's other
 * programs appended: what follows depends on it (the next seq, the step
 * to undo).
 */
static gboolean
begin_write (CrbProject  *self,
             const char  *reviewer,
             GHashTable  *changed,
             GError     **error)
{
  CrbProjectTeam *t = self->team;
  g_autofree char *path = crb_reviews_path_for (t->folder, reviewer);

  if (t->writer == NULL || strcmp (crb_review_writer_get_path (t->writer), path) != 0)
    {
      g_clear_pointer (&t->writer, crb_review_writer_free);
      t->writer = crb_review_writer_open (path, self->data.id, reviewer, error);
      if (t->writer == NULL)
        return FALSE;
    }
  if (!crb_review_writer_lock (t->writer, error))
    return FALSE;
  catch_up_file (self, path, changed);
  return TRUE;
}

static void
end_write (CrbProject *self)
{
  if (self->team->writer != NULL)
    crb_review_writer_unlock (self->team->writer);
}

/* Numbers @records after the reviewer's last, appends them durably, and
 * takes them in.  Records of one step (@group) share the seq of the first.
 */
static gboolean
commit_records (CrbProject    *self,
                const char    *reviewer,
                CrbTeamRecord *records,
                guint          n,
                gboolean       group,
                GHashTable    *changed,
                GError       **error)
{
  CrbProjectTeam *t = self->team;
  g_autofree char *time = crb_now_iso8601 ();
  g_autoptr (GString) lines = g_string_new (NULL);
  g_autofree char *path = crb_reviews_path_for (t->folder, reviewer);
  guint32 seq = crb_team_get_max_seq (t->team, reviewer) + 1;
  FileState *state;

  for (guint i = 0; i < n; i++)
    {
      records[i].seq = seq + i;
      records[i].time = time;
      records[i].group = group && n > 1 ? seq : 0;
      crb_reviews_format_record (lines, reviewer, &records[i]);
    }

  if (!crb_review_writer_append (t->writer, lines->str, lines->len, error))
    return FALSE;

  /* What was just written need not be read again. */
  state = g_hash_table_lookup (t->files, path);
  if (state != NULL)
    {
      state->end += lines->len;
      state->lines += n;
    }
  crb_team_add_records (t->team, reviewer, records, n, changed, self->problems);
  return TRUE;
}

static const char *
resolve_reviewer (CrbProject         *self,
                  const CrbDecision  *decision,
                  GError            **error)
{
  const char *reviewer = decision && decision->annotator && *decision->annotator ? decision->annotator
                                                                                 : self->team->reviewer;

  return crb_project_team_check_reviewer (self, reviewer, error) ? reviewer : NULL;
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static void
fill_decision (CrbTeamRecord     *record,
               const CrbDecision *decision)
{
  record->status = decision->status;
  record->reason = decision->status == CRB_DECISION_STATUS_REJECTED ? decision->reason : CRB_REJECT_REASON_NONE;
  record->corrected = decision->status == CRB_DECISION_STATUS_CORRECTED ? decision->corrected_text : NULL;
  record->note = decision->note && *decision->note ? decision->note : NULL;
}

/**
 * _crb_project_team_decide_batch:
 *
 * crb_project_decide() and its kin in a team project: the decisions go to
 * the reviewer's own file, as one step when there are several.
 */
gboolean
_crb_project_team_decide_batch (CrbProject                *self,
                                const char * const        *claim_ids,
                                const CrbDecision * const *decisions,
                                GError                   **error)
{
  g_autoptr (GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree CrbTeamRecord *records = NULL;
  const char *reviewer;
  guint n = 0;
  gboolean ok;

  reviewer = resolve_reviewer (self, decisions[0], error);
  if (reviewer == NULL)
    return FALSE;

  while (claim_ids[n] != NULL)
    n++;
  records = g_new0 (CrbTeamRecord, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    {
      const char *who = decisions[i]->annotator && *decisions[i]->annotator ? decisions[i]->annotator : reviewer;

      if (strcmp (who, reviewer) != 0)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                       _("one step holds one reviewer's decisions, not %s's and %s's"), reviewer, who);
          return FALSE;
        }
      if (crb_project_find_claim (self, claim_ids[i], NULL, error) == NULL)
        return FALSE;
      records[i].op = CRB_TEAM_OP_DECIDE;
      records[i].claim = claim_ids[i];
      fill_decision (&records[i], decisions[i]);
    }

  if (!begin_write (self, reviewer, changed, error))
    return FALSE;
  ok = commit_records (self, reviewer, records, n, TRUE, changed, error);
  end_write (self);
  update_views (self, changed);
  return ok;
}

/**
 * _crb_project_team_link:
 *
 * crb_project_link() and crb_project_unlink() in a team project: the
 * reviewer's own, in their file.  (The project's alignment is the
 * owner's; the team's links are measured by the agreement.)
 */
gboolean
_crb_project_team_link (CrbProject   *self,
                        gboolean      link,
                        const char   *a,
                        const char   *b,
                        CrbRelation   relation,
                        GError      **error)
{
  g_autoptr (GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  const char *reviewer = resolve_reviewer (self, NULL, error);
  CrbStory *story_a = NULL, *story_b = NULL;
  CrbClaim *claim_a, *claim_b;
  CrbTeamRecord record = { 0, };
  gboolean ok;

  if (reviewer == NULL ||
      (claim_a = crb_project_find_claim (self, a, &story_a, error)) == NULL ||
      (claim_b = crb_project_find_claim (self, b, &story_b, error)) == NULL)
    return FALSE;
  if (story_a != story_b)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                   _("“%s” and “%s” belong to different stories; only claims of one story are linked"), a, b);
      return FALSE;
    }
  if (g_strcmp0 (crb_claim_get_article_id (claim_a), crb_claim_get_article_id (claim_b)) == 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                   _("“%s” and “%s” are in the same article; links join claims of different articles"), a, b);
      return FALSE;
    }

  record.op = link ? CRB_TEAM_OP_LINK : CRB_TEAM_OP_UNLINK;
  record.claim = a;
  record.other = b;
  record.relation = relation;

  if (!begin_write (self, reviewer, changed, error))
    return FALSE;
  ok = commit_records (self, reviewer, &record, 1, FALSE, changed, error);
  end_write (self);
  update_views (self, changed);
  return ok;
}

static const char *
step_subject (const CrbTeamRecord *step)
{
  return step->claim;
}

/**
 * _crb_project_team_step:
 *
 * Undo or redo in a team project: the reviewer's latest step (with the
 * steps of its group), by a record in their own file.
 *
 * Returns: (transfer full) (nullable): the claim the step changed
 */
char *
_crb_project_team_step (CrbProject  *self,
                        gboolean     redo,
                        GError     **error)
{
  g_autoptr (GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) records = g_array_new (FALSE, TRUE, sizeof (CrbTeamRecord));
  const char *reviewer = resolve_reviewer (self, NULL, error);
  g_autofree char *subject = NULL;
  CrbTeamRecord step;
  guint32 group;
  gboolean ok;

  if (reviewer == NULL || !begin_write (self, reviewer, changed, error))
    return NULL;

  if (!crb_team_peek_step (self->team->team, reviewer, redo, 0, &step))
    {
      end_write (self);
      update_views (self, changed);
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_NOTHING_TO_DO,
                           redo ? _("nothing to redo") : _("nothing to undo"));
      return NULL;
    }

  group = step.group;
  for (guint depth = 0; crb_team_peek_step (self->team->team, reviewer, redo, depth, &step); depth++)
    {
      CrbTeamRecord record = { 0, };

      if (depth > 0 && (group == 0 || step.group != group))
        break;
      record.op = redo ? CRB_TEAM_OP_REDO : CRB_TEAM_OP_UNDO;
      record.target = step.seq;
      g_array_append_val (records, record);
      g_free (subject);
      subject = g_strdup (step_subject (&step));
    }

  ok = commit_records (self, reviewer, (CrbTeamRecord *) records->data, records->len, FALSE, changed, error);
  end_write (self);
  update_views (self, changed);
  _crb_project_notify_state (self, TRUE);
  return ok ? g_steal_pointer (&subject) : NULL;
}

gboolean
_crb_project_team_can_step (CrbProject *self,
                            gboolean    redo)
{
  CrbTeamRecord step;

  return self->team->reviewer != NULL &&
         crb_team_peek_step (self->team->team, self->team->reviewer, redo, 0, &step);
}

/* What the reviewer's next undo or redo would do, in words. */
char *
_crb_project_team_dup_step_label (CrbProject *self,
                                  gboolean    redo)
{
  guint counts[CRB_N_DECISION_STATUSES] = { 0 };
  CrbTeamRecord step, first;
  guint n = 0, n_decisions = 0;

  if (self->team->reviewer == NULL ||
      !crb_team_peek_step (self->team->team, self->team->reviewer, redo, 0, &first))
    return NULL;

  for (guint depth = 0; crb_team_peek_step (self->team->team, self->team->reviewer, redo, depth, &step); depth++)
    {
      if (depth > 0 && (first.group == 0 || step.group != first.group))
        break;
      n++;
      if (step.op == CRB_TEAM_OP_DECIDE)
        {
          counts[step.status]++;
          n_decisions++;
        }
    }

  if (n == 1 && first.op == CRB_TEAM_OP_ADJUDICATE)
    return g_strdup_printf (_("adjudicated claim “%s”"), first.claim);
  if (n == 1 && first.op == CRB_TEAM_OP_UNLINK)
    return g_strdup (_("unlinked 2 claims"));
  if (n == 1 && first.op == CRB_TEAM_OP_LINK)
    {
      if (first.relation == CRB_RELATION_CONFLICTS)
        return g_strdup (_("linked 2 claims as conflicting"));
      if (first.relation == CRB_RELATION_RELATED)
        return g_strdup (_("linked 2 claims as related"));
      return g_strdup (_("linked 2 claims as agreeing"));
    }
  if (n_decisions == n)
    {
      if (counts[CRB_DECISION_STATUS_CONFIRMED] == n)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "confirmed %u claim", "confirmed %u claims", n), n);
      if (counts[CRB_DECISION_STATUS_CORRECTED] == n)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "corrected %u claim", "corrected %u claims", n), n);
      if (counts[CRB_DECISION_STATUS_REJECTED] == n)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "rejected %u claim", "rejected %u claims", n), n);
      if (counts[CRB_DECISION_STATUS_PENDING] == n)
        return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "set %u claim back to pending",
                                             "set %u claims back to pending", n), n);
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "decided %u claim", "decided %u claims", n), n);
    }
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n), n);
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
  return update_views (self, changed);
}

/* ------------------------------------------------------------ adjudication */

/**
 * crb_project_adjudicate:
 * @take: (nullable): the reviewer whose decision to take
 * @decision: (nullable): the adjudicator's own decision, when @take is
 *   %NULL; its annotator, if set, is the adjudicator
 *
 * Records an adjudication of a claim in the adjudicator's file (the
 * project's reviewer unless @decision names another): a record of its own
 * naming the decisions it resolves, which makes the claim's gold decision
 * and is undone by the adjudicator's undo.  Not in a blind review the
 * adjudicator cannot see.
 */
gboolean
crb_project_adjudicate (CrbProject         *self,
                        const char         *claim_id,
                        const char         *take,
                        const CrbDecision  *decision,
                        GError            **error)
{
  g_autoptr (GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (CrbDecision) taken = NULL;
  g_autofree char *resolves = NULL;
  CrbTeamRecord record = { 0, };
  const char *adjudicator;
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (claim_id != NULL, FALSE);
  g_return_val_if_fail ((take == NULL) != (decision == NULL), FALSE);

  if (!_crb_project_in_team (self))
    return not_team (self, error);
  adjudicator = resolve_reviewer (self, decision, error);
  if (adjudicator == NULL || crb_project_find_claim (self, claim_id, NULL, error) == NULL)
    return FALSE;
  if (!begin_write (self, adjudicator, changed, error))
    return FALSE;

  {
    const char *viewer = crb_team_get_viewer (self->team->team);
    g_autofree char *saved = g_strdup (viewer);

    /* Whoever adjudicates must see what they resolve. */
    crb_team_set_viewer (self->team->team, adjudicator);
    ok = check_sees_all (self, error);
    crb_team_set_viewer (self->team->team, saved);
    if (!ok)
      {
        end_write (self);
        return FALSE;
      }
  }

  if (take != NULL)
    {
      taken = crb_team_dup_decision (self->team->team, take, claim_id);
      if (taken == NULL)
        {
          end_write (self);
          g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s has not decided claim “%s”"), take, claim_id);
          return FALSE;
        }
      decision = taken;
      record.take = take;
    }
  else if (decision->status == CRB_DECISION_STATUS_PENDING ||
           (decision->status == CRB_DECISION_STATUS_REJECTED && decision->reason == CRB_REJECT_REASON_NONE) ||
           (decision->status == CRB_DECISION_STATUS_CORRECTED && is_blank (decision->corrected_text)))
    {
      end_write (self);
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                           _("an adjudication confirms, corrects (with the text) or rejects (with a reason)"));
      return FALSE;
    }

  resolves = crb_team_dup_resolves (self->team->team, claim_id);
  record.op = CRB_TEAM_OP_ADJUDICATE;
  record.claim = claim_id;
  fill_decision (&record, decision);
  record.resolves = resolves;

  ok = commit_records (self, adjudicator, &record, 1, FALSE, changed, error);
  end_write (self);
  update_views (self, changed);
  _crb_project_notify_state (self, TRUE);
  return ok;
}

/* ------------------------------------------------------------ what to show */

/**
 * crb_project_team_dup_own_decision:
 *
 * Returns: (transfer full) (nullable): the reviewer's own decision on the
 *   claim (crb_project_set_reviewer()), %NULL for none
 */
CrbDecision *
crb_project_team_dup_own_decision (CrbProject *self,
                                   const char *claim_id)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  if (!_crb_project_in_team (self))
    return NULL;
  return crb_team_dup_decision (self->team->team, self->team->reviewer, claim_id);
}

/**
 * crb_project_team_dup_annotations:
 *
 * Returns: (transfer full) (element-type CrbAnnotation): every reviewer's
 *   decision on the claim, by reviewer — only the reviewer's own in a blind
 *   review (crb_project_team_can_see_others())
 */
GPtrArray *
crb_project_team_dup_annotations (CrbProject *self,
                                  const char *claim_id)
{
  GPtrArray *annotations;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  if (!_crb_project_in_team (self))
    return g_ptr_array_new_with_free_func ((GDestroyNotify) crb_annotation_free);

  annotations = crb_team_dup_annotations (self->team->team, claim_id);
  if (!crb_team_viewer_sees_all (self->team->team))
    for (guint i = annotations->len; i-- > 0;)
      {
        CrbAnnotation *annotation = g_ptr_array_index (annotations, i);

        if (g_strcmp0 (annotation->reviewer, self->team->reviewer) != 0)
          g_ptr_array_remove_index (annotations, i);
      }
  return annotations;
}

/**
 * crb_project_team_dup_gold:
 * @consensus: (out) (optional): how the gold decision came about
 *
 * Returns: (transfer full) (nullable): the claim's gold decision (see
 *   crb_team_dup_gold()), whatever the view; %NULL for none
 */
CrbDecision *
crb_project_team_dup_gold (CrbProject   *self,
                           const char   *claim_id,
                           CrbConsensus *consensus)
{
  CrbClaim *claim;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  claim = crb_project_find_claim (self, claim_id, NULL, NULL);
  if (!_crb_project_in_team (self))
    {
      const CrbDecision *d = claim ? crb_claim_get_decision (claim) : NULL;

      if (consensus != NULL)
        *consensus = d && d->status != CRB_DECISION_STATUS_PENDING ? CRB_CONSENSUS_SINGLE : CRB_CONSENSUS_NONE;
      return d && d->status != CRB_DECISION_STATUS_PENDING ? crb_decision_copy (d) : NULL;
    }
  return crb_team_dup_gold (self->team->team, claim_id, claim ? _crb_claim_get_file_decision (claim) : NULL,
                            consensus);
}

/**
 * crb_project_team_count_story:
 * @counts: (out caller-allocates) (array fixed-size=4): the story's claims
 *   by the status they show (#CrbDecisionStatus order)
 *
 * Counts a story's claims as the view shows them (the story's own counts,
 * crb_story_count_status(), are of the project file's decisions).  Loads
 * the story.
 */
gboolean
crb_project_team_count_story (CrbProject  *self,
                              CrbStory    *story,
                              guint       *counts,
                              GError     **error)
{
  GListModel *claims;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (CRB_IS_STORY (story), FALSE);

  memset (counts, 0, CRB_N_DECISION_STATUSES * sizeof *counts);
  if (!crb_story_ensure_loaded (story, error))
    return FALSE;
  claims = crb_story_get_claims (story);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, i);

      counts[crb_claim_get_status (claim)]++;
    }
  return TRUE;
}

gboolean
crb_project_team_get_disagreement (CrbProject *self,
                                   const char *claim_id)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return _crb_project_in_team (self) && crb_team_get_disagreement (self->team->team, claim_id);
}

/* The claims of @wanted (a set of ids) in project order, loading only the
 * stories that have some.
 */
static GPtrArray *
in_project_order (CrbProject  *self,
                  GHashTable  *wanted,
                  gboolean     all,
                  GError     **error)
{
  g_autoptr (GPtrArray) result = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) stories = g_hash_table_new (NULL, NULL);
  GListModel *list = G_LIST_MODEL (self->stories);
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, wanted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      CrbStory *story = story_of_claim_id (self, key);

      if (story != NULL)
        g_hash_table_add (stories, story);
    }

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (list, i);
      gboolean was_loaded = crb_story_is_loaded (story);
      GListModel *claims;

      if (!all && !g_hash_table_contains (stories, story))
        continue;
      if (!crb_story_ensure_loaded (story, error))
        return NULL;
      claims = crb_story_get_claims (story);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);

          if (g_hash_table_contains (wanted, crb_claim_get_id (claim)))
            g_ptr_array_add (result, g_strdup (crb_claim_get_id (claim)));
        }
      if (!was_loaded)
        crb_story_unload (story);
    }
  return g_steal_pointer (&result);
}

/**
 * crb_project_team_dup_disagreements:
 *
 * Returns: (transfer full) (element-type utf8): the claims on which
 *   reviewers gave different labels, in project order (adjudicated ones
 *   too: crb_team_get_adjudication() tells them apart); %NULL with @error
 *   in a blind review the reviewer cannot see
 */
GPtrArray *
crb_project_team_dup_disagreements (CrbProject  *self,
                                    GError     **error)
{
  g_autoptr (GHashTable) wanted = g_hash_table_new (g_str_hash, g_str_equal);
  CrbTeam *team;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  if (!_crb_project_in_team (self))
    return g_ptr_array_new_with_free_func (g_free);
  if (!check_sees_all (self, error))
    return NULL;

  team = self->team->team;
  for (guint c = 0; c < crb_team_get_n_claims (team); c++)
    if (crb_team_get_disagreement (team, crb_team_get_claim_id (team, c)))
      g_hash_table_add (wanted, (char *) crb_team_get_claim_id (team, c));
  return in_project_order (self, wanted, FALSE, error);
}

/**
 * crb_project_team_get_assigned:
 *
 * Returns: (array zero-terminated=1) (nullable): the reviewers the claim
 *   is assigned to; %NULL when nothing assigns it
 */
const char * const *
crb_project_team_get_assigned (CrbProject *self,
                               const char *claim_id)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return _crb_project_in_team (self) ? crb_team_get_assigned (self->team->team, claim_id) : NULL;
}

/**
 * crb_project_team_is_mine:
 *
 * Returns: whether the claim is the reviewer's to review: assigned to them,
 *   or to no one in particular when the owner assigned nothing
 */
gboolean
crb_project_team_is_mine (CrbProject *self,
                          const char *claim_id)
{
  const char * const *assigned;

  g_return_val_if_fail (CRB_IS_PROJECT (self), TRUE);

  if (!_crb_project_in_team (self) || !crb_team_has_assignments (self->team->team))
    return TRUE;
  assigned = crb_team_get_assigned (self->team->team, claim_id);
  return assigned != NULL && self->team->reviewer != NULL &&
         g_strv_contains (assigned, self->team->reviewer);
}

/**
 * crb_project_team_dup_queue:
 *
 * Returns: (transfer full) (element-type utf8): the reviewer's queue: the
 *   claims that are theirs (crb_project_team_is_mine()) and that they
 *   have not decided, in project order
 */
GPtrArray *
crb_project_team_dup_queue (CrbProject  *self,
                            GError     **error)
{
  g_autoptr (GHashTable) wanted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *list;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  if (!_crb_project_in_team (self))
    return g_ptr_array_new_with_free_func (g_free);

  list = G_LIST_MODEL (self->stories);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (list, i);
      gboolean was_loaded = crb_story_is_loaded (story);
      GListModel *claims;

      if (!crb_story_ensure_loaded (story, error))
        return NULL;
      claims = crb_story_get_claims (story);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          const char *id = crb_claim_get_id (claim);
          g_autoptr (CrbDecision) own = NULL;

          if (!crb_project_team_is_mine (self, id))
            continue;
          own = crb_team_dup_decision (self->team->team, self->team->reviewer, id);
          if (own == NULL || own->status == CRB_DECISION_STATUS_PENDING)
            g_hash_table_add (wanted, g_strdup (id));
        }
      if (!was_loaded)
        crb_story_unload (story);
    }
  return in_project_order (self, wanted, TRUE, error);
}

/* ------------------------------------------------------------ assignment */

typedef struct
{
  guint load;
  guint distance;
  guint index;
} Candidate;

static int
compare_candidates (gconstpointer a,
                    gconstpointer b)
{
  const Candidate *x = a, *y = b;

  if (x->load != y->load)
    return x->load < y->load ? -1 : 1;
  return (x->distance > y->distance) - (x->distance < y->distance);
}

/**
 * crb_project_team_assign:
 * @reviewers: (array zero-terminated=1): who reviews, in the order given
 * @per_claim: how many of them review each claim (1: each claim to one)
 * @reassign: assign every claim anew, instead of only the claims that
 *   have no assignment yet (articles added since, say)
 * @n_assigned: (out) (optional): how many claims were assigned
 *
 * Assigns each claim to @per_claim reviewers, balanced: claims are taken
 * in project order and each goes to the reviewers with the fewest claims
 * so far, ties broken in turn around @reviewers, so that pairs of
 * reviewers share claims evenly.  The same project and arguments give the
 * same assignments.  The owner's; written to the reviews folder.
 */
gboolean
crb_project_team_assign (CrbProject          *self,
                         const char * const  *reviewers,
                         guint                per_claim,
                         gboolean             reassign,
                         guint               *n_assigned,
                         GError             **error)
{
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) assigned = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *path = NULL;
  g_autofree guint *load = NULL;
  g_autofree Candidate *candidates = NULL;
  GListModel *list;
  guint n_reviewers, cursor = 0, n = 0;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (reviewers != NULL, FALSE);

  if (!_crb_project_in_team (self))
    return not_team (self, error);
  if (!check_owner (self, error))
    return FALSE;

  n_reviewers = g_strv_length ((char **) reviewers);
  for (guint i = 0; i < n_reviewers; i++)
    {
      if (!crb_project_team_check_reviewer (self, reviewers[i], error))
        return FALSE;
      if (g_hash_table_contains (index, reviewers[i]))
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT, _("%s is named twice"), reviewers[i]);
          return FALSE;
        }
      g_hash_table_insert (index, (char *) reviewers[i], GUINT_TO_POINTER (i + 1));
    }
  if (per_claim < 1 || per_claim > n_reviewers)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                   _("each claim can go to 1 to %u reviewers, not %u"), n_reviewers, per_claim);
      return FALSE;
    }

  load = g_new0 (guint, n_reviewers);
  candidates = g_new0 (Candidate, n_reviewers);
  list = G_LIST_MODEL (self->stories);

  /* Every claim in project order; those assigned already keep theirs. */
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (list, i);
      gboolean was_loaded = crb_story_is_loaded (story);
      GListModel *claims;

      if (!crb_story_ensure_loaded (story, error))
        return FALSE;
      claims = crb_story_get_claims (story);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          const char * const *had = reassign ? NULL : crb_team_get_assigned (self->team->team,
                                                                             crb_claim_get_id (claim));

          g_ptr_array_add (ids, g_strdup (crb_claim_get_id (claim)));
          g_ptr_array_add (assigned, had ? g_strdupv ((char **) had) : NULL);
          for (guint k = 0; had && had[k]; k++)
            {
              guint r = GPOINTER_TO_UINT (g_hash_table_lookup (index, had[k]));

              if (r > 0)
                load[r - 1]++;
            }
        }
      if (!was_loaded)
        crb_story_unload (story);
    }

  for (guint c = 0; c < ids->len; c++)
    {
      GStrv names;

      if (g_ptr_array_index (assigned, c) != NULL)
        continue;
      for (guint r = 0; r < n_reviewers; r++)
        candidates[r] = (Candidate) { load[r], (r + n_reviewers - cursor) % n_reviewers, r };
      qsort (candidates, n_reviewers, sizeof *candidates, compare_candidates);

      names = g_new0 (char *, per_claim + 1);
      for (guint k = 0; k < per_claim; k++)
        {
          /* In the order given, whatever the loads. */
          guint best = k;

          for (guint m = k + 1; m < per_claim; m++)
            if (candidates[m].index < candidates[best].index)
              best = m;
          if (best != k)
            {
              Candidate swap = candidates[k];

              candidates[k] = candidates[best];
              candidates[best] = swap;
            }
          names[k] = g_strdup (reviewers[candidates[k].index]);
          load[candidates[k].index]++;
        }
      g_ptr_array_index (assigned, c) = names;
      cursor = (cursor + per_claim) % n_reviewers;
      n++;
    }

  path = g_build_filename (self->team->folder, CRB_ASSIGNMENTS_FILE, NULL);
  if (!crb_reviews_write_assignments (path, self->data.id, reviewers, per_claim, ids, assigned, error))
    return FALSE;
  read_assignments (self, FALSE);
  if (n_assigned != NULL)
    *n_assigned = n;
  return TRUE;
}

/* ------------------------------------------------------------ merge */

/**
 * crb_project_team_merge_file:
 * @file: a reviewer's file that came another way (by mail, say)
 * @reviewer: (out) (optional) (transfer full): whose file it is
 * @n_new: (out) (optional): how many of its records were new here
 *
 * Takes in a reviewer's file: the records this project's copy of the
 * reviewer's file lacks are appended to it.  Merging one file twice
 * changes nothing.
 */
gboolean
crb_project_team_merge_file (CrbProject  *self,
                             GFile       *file,
                             char       **reviewer,
                             guint       *n_new,
                             GError     **error)
{
  g_autoptr (GHashTable) changed = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) have = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_auto (CrbReviewBatch) incoming = { NULL, };
  g_auto (CrbReviewBatch) local = { NULL, };
  g_autoptr (GString) lines = g_string_new (NULL);
  g_autoptr (GArray) added = g_array_new (FALSE, FALSE, sizeof (CrbTeamRecord));
  g_autofree char *path = g_file_get_path (file);
  g_autofree char *target = NULL;
  struct stat a, b;
  FileState *state;
  gboolean ok = TRUE;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!_crb_project_in_team (self))
    return not_team (self, error);
  if (path == NULL)
    {
      g_autofree char *name = g_file_get_parse_name (file);

      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: not a local file"), name);
      return FALSE;
    }
  if (!crb_reviews_read (path, 0, 0, NULL, &incoming, self->problems, error))
    return FALSE;
  if (strcmp (incoming.project_id, self->data.id) != 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                   _("%s: the reviews of another project (%s), not of this one (%s)"),
                   path, incoming.project_id, self->data.id);
      return FALSE;
    }
  if (reviewer != NULL)
    *reviewer = g_strdup (incoming.reviewer);

  target = crb_reviews_path_for (self->team->folder, incoming.reviewer);
  if (stat (path, &a) == 0 && stat (target, &b) == 0 && a.st_dev == b.st_dev && a.st_ino == b.st_ino)
    {
      if (n_new != NULL)
        *n_new = 0;
      return TRUE;   /* the file itself */
    }

  if (!begin_write (self, incoming.reviewer, changed, error))
    return FALSE;

  /* What the reviewer's file here holds, line by line as written. */
  if (!crb_reviews_read (target, 0, 0, NULL, &local, NULL, NULL))
    crb_review_batch_clear (&local);
  for (guint i = 0; local.records != NULL && i < local.records->len; i++)
    {
      g_autoptr (GString) line = g_string_new (NULL);

      crb_reviews_format_record (line, incoming.reviewer, &g_array_index (local.records, CrbTeamRecord, i));
      g_hash_table_add (have, g_string_free (g_steal_pointer (&line), FALSE));
    }

  for (guint i = 0; i < incoming.records->len; i++)
    {
      CrbTeamRecord *record = &g_array_index (incoming.records, CrbTeamRecord, i);
      g_autoptr (GString) line = g_string_new (NULL);

      crb_reviews_format_record (line, incoming.reviewer, record);
      if (g_hash_table_contains (have, line->str))
        continue;
      g_string_append_len (lines, line->str, line->len);
      g_array_append_val (added, *record);
      g_hash_table_add (have, g_string_free (g_steal_pointer (&line), FALSE));
    }

  if (lines->len > 0)
    ok = crb_review_writer_append (self->team->writer, lines->str, lines->len, error);
  if (ok && (state = g_hash_table_lookup (self->team->files, target)) != NULL)
    {
      state->end += lines->len;
      state->lines += added->len;
    }
  end_write (self);

  if (ok)
    crb_team_add_records (self->team->team, incoming.reviewer, (CrbTeamRecord *) added->data, added->len,
                          changed, self->problems);
  update_views (self, changed);
  if (n_new != NULL)
    *n_new = added->len;
  return ok;
}

/* ------------------------------------------------------------ agreement */

static const char *
story_id_of (const char *claim_id,
             gpointer    user_data)
{
  CrbStory *story = story_of_claim_id (user_data, claim_id);

  return story ? crb_story_get_id (story) : NULL;
}

static int
compare_pair_keys (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  CrbTeam *team = user_data;
  const char *a1, *b1, *a2, *b2;
  int c;

  crb_team_get_pair (team, *(const guint *) a, &a1, &b1);
  crb_team_get_pair (team, *(const guint *) b, &a2, &b2);
  if (strcmp (a1, b1) > 0)
    {
      const char *t = a1;
      a1 = b1;
      b1 = t;
    }
  if (strcmp (a2, b2) > 0)
    {
      const char *t = a2;
      a2 = b2;
      b2 = t;
    }
  c = strcmp (a1, a2);
  return c != 0 ? c : strcmp (b1, b2);
}

/* Links: the pairs some reviewer linked or unlinked by hand.  A reviewer
 * who reviewed the pair's story (decided a claim of it, or touched a link
 * in it) and left the pair alone accepted it as the alignment has it.
 */
static gboolean
measure_links (CrbProject      *self,
               CrbTeamFigures  *figures,
               GError         **error)
{
  CrbTeam *team = self->team->team;
  guint n_reviewers = crb_team_get_n_reviewers (team);
  g_autoptr (GArray) pairs = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GHashTable) reviewed = g_hash_table_new_full (NULL, NULL, NULL, g_free);  /* story → gboolean[] */
  g_autofree gint8 *values = NULL;
  g_autofree gint8 *linked = NULL;
  CrbReliabilityData data = { 0, n_reviewers, 4, NULL };
  CrbReliabilityData binary = { 0, n_reviewers, 2, NULL };
  guint n = 0;

  for (guint p = 0; p < crb_team_get_n_pairs (team); p++)
    {
      const char *a, *b;
      CrbStory *story;

      crb_team_get_pair (team, p, &a, &b);
      story = story_of_claim_id (self, a);
      if (story == NULL || story != story_of_claim_id (self, b))
        continue;
      g_array_append_val (pairs, p);
      if (!g_hash_table_contains (reviewed, story))
        g_hash_table_insert (reviewed, story, g_new0 (gboolean, MAX (n_reviewers, 1)));
    }
  if (pairs->len == 0)
    return TRUE;
  g_array_sort_with_data (pairs, compare_pair_keys, team);

  /* Who reviewed which of those stories. */
  for (guint c = 0; c < crb_team_get_n_claims (team); c++)
    {
      CrbStory *story = story_of_claim_id (self, crb_team_get_claim_id (team, c));
      gboolean *mark = story ? g_hash_table_lookup (reviewed, story) : NULL;

      for (guint r = 0; mark != NULL && r < n_reviewers; r++)
        mark[r] |= crb_team_get_label (team, r, c) >= 0;
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      const char *a, *b;
      gboolean *mark;

      crb_team_get_pair (team, g_array_index (pairs, guint, i), &a, &b);
      mark = g_hash_table_lookup (reviewed, story_of_claim_id (self, a));
      for (guint r = 0; r < n_reviewers; r++)
        mark[r] |= crb_team_get_link_state (team, r, g_array_index (pairs, guint, i)) != NULL;
    }

  values = g_new (gint8, (gsize) pairs->len * MAX (n_reviewers, 1));
  linked = g_new (gint8, (gsize) pairs->len * MAX (n_reviewers, 1));
  for (guint i = 0; i < pairs->len; i++)
    {
      guint p = g_array_index (pairs, guint, i);
      const char *a, *b, *auto_state = "unlinked";
      CrbStory *story;
      const gboolean *mark;
      const CrbLink *link;

      crb_team_get_pair (team, p, &a, &b);
      story = story_of_claim_id (self, a);
      if (!crb_story_ensure_loaded (story, error))
        return FALSE;
      link = crb_alignment_find_link (crb_story_get_alignment (story), a, b);
      if (link == NULL)
        link = crb_alignment_find_link (crb_story_get_alignment (story), b, a);
      if (link != NULL)
        auto_state = crb_relation_to_string (link->relation);
      mark = g_hash_table_lookup (reviewed, story);

      for (guint r = 0; r < n_reviewers; r++)
        {
          const char *state = crb_team_get_link_state (team, r, p);
          CrbRelation relation;
          gint8 v = -1;

          if (state == NULL && mark[r])
            state = auto_state;
          if (state != NULL)
            v = crb_relation_from_string (state, &relation) ? (gint8) relation : 3;
          values[(gsize) n * n_reviewers + r] = v;
          linked[(gsize) n * n_reviewers + r] = v < 0 ? -1 : v < 3;
        }
      n++;
    }

  data.n_units = binary.n_units = n;
  data.values = values;
  binary.values = linked;
  figures->links = crb_agreement_figures_new (&data, (const char * const *) figures->reviewers);
  figures->links_linked_alpha = crb_agreement_krippendorff_alpha (&binary, NULL);
  return TRUE;
}

/**
 * crb_project_team_compute_agreement:
 *
 * Measures how well the team's reviewers agree (docs/team.md,
 * "Agreement"): on the label of the claims two of them or more decided,
 * over all, story by story and reviewer by reviewer; and on the links
 * they made or removed by hand.  Claims of the reviewers' files that are
 * not in the project are left out.
 *
 * Returns: (transfer full): the figures, or %NULL with @error (not a team
 *   project; a blind review the reviewer cannot see)
 */
CrbTeamFigures *
crb_project_team_compute_agreement (CrbProject  *self,
                                    GError     **error)
{
  g_autoptr (CrbTeamFigures) figures = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  if (!_crb_project_in_team (self))
    {
      not_team (self, error);
      return NULL;
    }
  if (!check_sees_all (self, error))
    return NULL;

  figures = crb_team_compute_figures (self->team->team, story_id_of, self);
  if (!measure_links (self, figures, error))
    return NULL;
  return g_steal_pointer (&figures);
}
