/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project.h"

#include "crb-align.h"
#include "crb-project-io.h"
#include "crb-story-private.h"

#include <string.h>

struct _CrbProject
{
  GObject         parent_instance;

  CrbProjectData  data;          /* id, title, revision, stacks; data.stories unused */
  GFile          *file;
  GListStore     *stories;
  GHashTable     *story_index;   /* id → CrbStory (borrowed) */
  GHashTable     *article_index; /* article id → CrbStory (borrowed) */
  CrbJournal     *journal;
  guint64         saved_revision;
  guint64         durable_revision;
  guint64         group;         /* while deciding many claims as one step */
  guint           n_recovered;
  gboolean        header_dirty;
};

G_DEFINE_FINAL_TYPE (CrbProject, crb_project, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_REVISION,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DURABLE_REVISION,
  N_PROPS
};

enum {
  CLAIM_DECIDED,
  ALIGNMENT_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef enum {
  OP_DECIDE,
  OP_UNDO,
  OP_REDO,
  OP_LINK,
  OP_UNLINK,
} Op;

/* How the project's stories are parsed from the file and aligned. */
static const CrbStoryDriver story_driver = {
  .load = _crb_story_parse,
  .align = crb_align_story,
};

static void
index_story (CrbProject *self,
             CrbStory   *story)
{
  const char * const *ids = crb_story_get_article_ids (story);

  _crb_story_set_driver (story, &story_driver);

  g_hash_table_insert (self->story_index, (char *) crb_story_get_id (story), story);
  for (guint i = 0; ids[i]; i++)
    g_hash_table_insert (self->article_index, g_strdup (ids[i]), story);
}

static void
notify_state (CrbProject *self,
              gboolean    undo_changed)
{
  GObject *object = G_OBJECT (self);

  g_object_freeze_notify (object);
  g_object_notify_by_pspec (object, properties[PROP_REVISION]);
  g_object_notify_by_pspec (object, properties[PROP_MODIFIED]);
  if (undo_changed)
    {
      g_object_notify_by_pspec (object, properties[PROP_CAN_UNDO]);
      g_object_notify_by_pspec (object, properties[PROP_CAN_REDO]);
    }
  g_object_thaw_notify (object);
}

static void
on_journal_durable_cb (CrbProject *self,
                       guint64     revision,
                       CrbJournal *journal)
{
  if (revision <= self->durable_revision)
    return;

  self->durable_revision = revision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURABLE_REVISION]);
}

static CrbJournal *
ensure_journal (CrbProject *self)
{
  if (self->journal == NULL)
    {
      g_autofree char *path = crb_journal_path_for_project (self->data.id);
      self->journal = crb_journal_new (path);
      g_signal_connect_object (self->journal, "durable", G_CALLBACK (on_journal_durable_cb),
                               self, G_CONNECT_SWAPPED);
    }

  return self->journal;
}

static void
journal_op (CrbProject      *self,
            Op               op,
            CrbStory        *story,
            CrbHistoryEntry *entry,
            guint64          group,
            const CrbLink   *link)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *line = NULL;
  static const char * const names[] = { "decide", "undo", "redo", "link", "unlink" };

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "project");
  json_builder_add_string_value (builder, self->data.id);
  json_builder_set_member_name (builder, "rev");
  json_builder_add_int_value (builder, (gint64) self->data.revision);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, names[op]);
  json_builder_set_member_name (builder, "story");
  json_builder_add_string_value (builder, crb_story_get_id (story));
  if (op == OP_DECIDE)
    {
      json_builder_set_member_name (builder, "entry");
      json_builder_add_value (builder, crb_history_entry_to_json (entry));
      if (group != 0)
        {
          json_builder_set_member_name (builder, "group");
          json_builder_add_int_value (builder, (gint64) group);
        }
    }
  else if (op == OP_LINK || op == OP_UNLINK)
    {
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, link->a);
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, link->b);
      json_builder_set_member_name (builder, "relation");
      json_builder_add_string_value (builder, crb_relation_to_string (link->relation));
    }
  else
    {
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, (gint64) entry->seq);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  line = crb_json_to_string (root, NULL);
  crb_journal_append (ensure_journal (self), self->data.revision, line);
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
push_step (GArray     *steps,
           guint64     seq,
           const char *story_id,
           guint64     group)
{
  CrbStep step = { seq, g_strdup (story_id), group };

  g_array_append_val (steps, step);
}

/* Applies a decision entry: the one place a reviewer's change happens. */
static void
apply_decide (CrbProject      *self,
              CrbStory        *story,
              CrbClaim        *claim,
              CrbHistoryEntry *entry,
              guint64          group,
              gboolean         journal)
{
  crb_claim_set_decision (claim, entry->after);
  _crb_story_add_history (story, entry);
  push_step (self->data.undo, entry->seq, crb_story_get_id (story), group);
  g_array_set_size (self->data.redo, 0);
  self->data.next_seq = MAX (self->data.next_seq, entry->seq + 1);
  self->data.revision++;
  self->header_dirty = TRUE;

  if (journal)
    journal_op (self, OP_DECIDE, story, entry, group, NULL);

  g_signal_emit (self, signals[CLAIM_DECIDED], 0, claim);
  notify_state (self, TRUE);
}

static gboolean
apply_step (CrbProject  *self,
            Op           op,
            const char  *expected_story,
            guint64      expected_seq,
            gboolean     journal,
            char       **claim_id,
            GError     **error)
{
  GArray *from = op == OP_UNDO ? self->data.undo : self->data.redo;
  GArray *to = op == OP_UNDO ? self->data.redo : self->data.undo;
  CrbHistoryEntry *entry;
  CrbStory *story;
  CrbClaim *claim;
  CrbStep *step;
  guint64 group;

  if (from->len == 0)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_NOTHING_TO_DO,
                           op == OP_UNDO ? _("nothing to undo") : _("nothing to redo"));
      return FALSE;
    }

  step = &g_array_index (from, CrbStep, from->len - 1);
  if (expected_story != NULL &&
      (step->seq != expected_seq || g_strcmp0 (step->story_id, expected_story) != 0))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("the journal's %s of decision %llu does not match the project's history"),
                   op == OP_UNDO ? "undo" : "redo", (unsigned long long) expected_seq);
      return FALSE;
    }

  story = crb_project_lookup_story (self, step->story_id);
  if (story == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("the history names the unknown story “%s”"), step->story_id);
      return FALSE;
    }

  if (!crb_story_ensure_loaded (story, error))
    return FALSE;

  entry = _crb_story_lookup_history (story, step->seq);
  claim = entry ? crb_story_lookup_claim (story, entry->claim_id) : NULL;
  if (claim == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("decision %llu is missing from story “%s”"),
                   (unsigned long long) step->seq, step->story_id);
      return FALSE;
    }

  entry->undone = op == OP_UNDO;
  crb_claim_set_decision (claim, op == OP_UNDO ? entry->before : entry->after);
  _crb_story_set_dirty (story, TRUE);

  group = step->group;
  push_step (to, step->seq, step->story_id, group);
  g_array_set_size (from, from->len - 1);
  self->data.revision++;
  self->header_dirty = TRUE;

  if (journal)
    journal_op (self, op, story, entry, 0, NULL);

  if (claim_id != NULL)
    *claim_id = g_strdup (crb_claim_get_id (claim));

  g_signal_emit (self, signals[CLAIM_DECIDED], 0, claim);
  notify_state (self, TRUE);
  return TRUE;
}

static int
claim_order (CrbStory   *story,
             const char *claim_id)
{
  GListModel *claims = crb_story_get_claims (story);

  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, i);

      if (g_strcmp0 (crb_claim_get_id (claim), claim_id) == 0)
        return i;
    }

  return -1;
}

static gboolean
remove_pair (GPtrArray  *links,
             const char *a,
             const char *b)
{
  for (guint i = 0; i < links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (links, i);

      if ((g_strcmp0 (link->a, a) == 0 && g_strcmp0 (link->b, b) == 0) ||
          (g_strcmp0 (link->a, b) == 0 && g_strcmp0 (link->b, a) == 0))
        {
          g_ptr_array_remove_index (links, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Makes (or removes) a link by hand; the story is aligned again around it. */
static gboolean
apply_link (CrbProject   *self,
            gboolean      link,
            const char   *a,
            const char   *b,
            CrbRelation   relation,
            gboolean      journal,
            GError      **error)
{
  static const char * const why[] = { "linked by hand", NULL };
  g_autoptr (CrbLink) made = NULL;
  CrbStory *story_a = NULL, *story_b = NULL;
  CrbClaim *claim_a, *claim_b;

  claim_a = crb_project_find_claim (self, a, &story_a, error);
  if (claim_a == NULL)
    return FALSE;
  claim_b = crb_project_find_claim (self, b, &story_b, error);
  if (claim_b == NULL)
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

  /* Story order: a first. */
  if (claim_order (story_a, a) > claim_order (story_a, b))
    {
      const char *t = a;
      a = b;
      b = t;
    }

  made = crb_link_new (a, b, relation, 1.0, why, TRUE);
  remove_pair (crb_story_get_manual_links (story_a), a, b);
  remove_pair (crb_story_get_removed_links (story_a), a, b);
  if (link)
    g_ptr_array_add (crb_story_get_manual_links (story_a), crb_link_copy (made));
  else
    g_ptr_array_add (crb_story_get_removed_links (story_a), crb_link_copy (made));

  crb_story_realign (story_a);
  self->data.revision++;
  self->header_dirty = TRUE;

  if (journal)
    journal_op (self, link ? OP_LINK : OP_UNLINK, story_a, NULL, 0, made);

  g_signal_emit (self, signals[ALIGNMENT_CHANGED], 0, story_a);
  notify_state (self, FALSE);
  return TRUE;
}

static gboolean
replay_line (CrbProject  *self,
             JsonObject  *line,
             GError     **error)
{
  const char *op = json_object_get_string_member_with_default (line, "op", "");
  const char *story_id = json_object_get_string_member_with_default (line, "story", NULL);

  if (g_strcmp0 (op, "decide") == 0)
    {
      g_autoptr (CrbHistoryEntry) entry = NULL;
      CrbStory *story;
      CrbClaim *claim;

      entry = crb_history_entry_from_json (json_object_get_member (line, "entry"), error);
      if (entry == NULL)
        return FALSE;

      claim = crb_project_find_claim (self, entry->claim_id, &story, error);
      if (claim == NULL)
        return FALSE;

      apply_decide (self, story, claim, g_steal_pointer (&entry),
                    json_object_get_int_member_with_default (line, "group", 0), FALSE);
      return TRUE;
    }
  else if (g_strcmp0 (op, "link") == 0 || g_strcmp0 (op, "unlink") == 0)
    {
      const char *a = json_object_get_string_member_with_default (line, "a", "");
      const char *b = json_object_get_string_member_with_default (line, "b", "");
      CrbRelation relation = CRB_RELATION_AGREES;

      crb_relation_from_string (json_object_get_string_member_with_default (line, "relation", ""), &relation);
      return apply_link (self, op[0] == 'l', a, b, relation, FALSE, error);
    }
  else if (g_strcmp0 (op, "undo") == 0 || g_strcmp0 (op, "redo") == 0)
    {
      return apply_step (self, op[0] == 'u' ? OP_UNDO : OP_REDO, story_id ? story_id : "",
                         json_object_get_int_member_with_default (line, "seq", 0),
                         FALSE, NULL, error);
    }

  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("unknown operation “%s”"), op);
  return FALSE;
}

/* Replays the journal entries newer than the file: decisions that were
 * durable but had not reached the project file when the writer stopped.
 */
static gboolean
replay_journal (CrbProject  *self,
                GError     **error)
{
  g_autofree char *path = crb_journal_path_for_project (self->data.id);
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autoptr (GPtrArray) lines = NULL;
  g_autoptr (GError) local_error = NULL;

  lines = crb_journal_read (path, &local_error);
  if (lines == NULL)
    {
      /* A damaged journal must not make the project unopenable. */
      g_warning ("%s: cannot read the journal: %s", name, local_error->message);
      return TRUE;
    }

  for (guint i = 0; i < lines->len; i++)
    {
      JsonObject *line = json_node_get_object (g_ptr_array_index (lines, i));
      gint64 rev = json_object_get_int_member_with_default (line, "rev", 0);
      const char *project = json_object_get_string_member_with_default (line, "project", "");

      if (g_strcmp0 (project, self->data.id) != 0 || rev <= (gint64) self->data.revision)
        continue;

      if (rev != (gint64) self->data.revision + 1)
        {
          g_warning ("%s: the journal skips from revision %" G_GUINT64_FORMAT
                     " to %" G_GINT64_FORMAT "; not replaying further",
                     name, self->data.revision, rev);
          break;
        }

      if (!replay_line (self, line, &local_error))
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("%s: cannot replay the journal %s at revision %lld: %s"),
                       name, path, (long long) rev, local_error->message);
          return FALSE;
        }

      self->n_recovered++;
    }

  return TRUE;
}

static void
crb_project_dispose (GObject *object)
{
  CrbProject *self = (CrbProject *) object;

  if (self->journal != NULL)
    crb_journal_flush (self->journal, NULL);
  g_clear_object (&self->journal);
  g_clear_object (&self->stories);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (crb_project_parent_class)->dispose (object);
}

static void
crb_project_finalize (GObject *object)
{
  CrbProject *self = (CrbProject *) object;

  g_clear_pointer (&self->story_index, g_hash_table_unref);
  g_clear_pointer (&self->article_index, g_hash_table_unref);
  _crb_project_data_clear (&self->data);

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

  properties[PROP_FILE] = g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, ro);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrbProject:revision:
   *
   * Counts the changes made to the project; the file records the revision
   * it holds, the journal the revision each of its lines brings it to.
   */
  properties[PROP_REVISION] = g_param_spec_uint64 ("revision", NULL, NULL, 0, G_MAXUINT64, 0, ro);
  /**
   * CrbProject:modified:
   *
   * Whether the project file is behind the project in memory.  Decisions are
   * durable in the journal before the file catches up.
   */
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, ro);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, ro);

  /**
   * CrbProject:durable-revision:
   *
   * The newest revision that is on disk, in the project file or in the
   * journal.  Changes above it are not yet safe from a crash; the app shows
   * only those as unsaved.
   */
  properties[PROP_DURABLE_REVISION] =
    g_param_spec_uint64 ("durable-revision", NULL, NULL, 0, G_MAXUINT64, 0, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CrbProject::claim-decided:
   * @claim: the claim whose decision changed (by a decision, undo or redo)
   */
  signals[CLAIM_DECIDED] = g_signal_new ("claim-decided", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, CRB_TYPE_CLAIM);

  /**
   * CrbProject::alignment-changed:
   * @story: the story whose links and facts changed
   */
  signals[ALIGNMENT_CHANGED] = g_signal_new ("alignment-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 1, CRB_TYPE_STORY);
}

static void
crb_project_init (CrbProject *self)
{
  _crb_project_data_init (&self->data);
  self->stories = g_list_store_new (CRB_TYPE_STORY);
  self->story_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->article_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
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
  g_auto (CrbProjectData) data;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  _crb_project_data_init (&data);
  if (!_crb_project_read (file, &data, cancellable, error))
    return NULL;

  self = g_object_new (CRB_TYPE_PROJECT, NULL);
  self->file = g_object_ref (file);

  for (guint i = 0; i < data.stories->len; i++)
    {
      CrbStory *story = g_ptr_array_index (data.stories, i);

      g_list_store_append (self->stories, story);
      index_story (self, story);
    }

  /* Take everything but the stories, which now live in the list store. */
  _crb_project_data_clear (&self->data);
  self->data = data;
  self->data.stories = g_ptr_array_new_with_free_func (g_object_unref);
  _crb_project_data_init (&data);

  self->saved_revision = self->data.revision;

  if (!replay_journal (self, error))
    return NULL;

  /* What was replayed is on disk already, in the journal. */
  self->durable_revision = self->data.revision;

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
collect_chunks (CrbProject *self)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->stories));
  CrbProjectData header = self->data;
  g_autoptr (GPtrArray) stories = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *modified = crb_now_iso8601 ();

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (stories, g_list_model_get_item (G_LIST_MODEL (self->stories), i));

  header.stories = stories;
  header.modified = modified;
  g_ptr_array_add (chunks, _crb_project_header_serialize (&header));

  for (guint i = 0; i < n; i++)
    {
      CrbStory *story = g_ptr_array_index (stories, i);
      GBytes *raw = _crb_story_get_raw (story);

      if (raw == NULL || _crb_story_get_dirty (story))
        {
          g_autoptr (GBytes) line = _crb_story_serialize (story);

          /* Keep the new line: the next save copies it if nothing changes. */
          _crb_story_set_raw (story, line);
          raw = line;
        }

      g_ptr_array_add (chunks, g_bytes_ref (raw));
    }

  g_free (self->data.modified);
  self->data.modified = g_steal_pointer (&modified);
  return chunks;
}

static void
saved (CrbProject *self,
       GFile      *file,
       guint64     revision)
{
  if (self->file == NULL || !g_file_equal (self->file, file))
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }

  self->saved_revision = revision;
  self->header_dirty = FALSE;
  if (revision > self->durable_revision)
    {
      self->durable_revision = revision;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DURABLE_REVISION]);
    }

  /* The file holds every decision up to @revision now. */
  if (self->journal != NULL || self->n_recovered > 0)
    crb_journal_compact (ensure_journal (self), revision);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/**
 * crb_project_save:
 * @file: (nullable): where to save; %NULL for the project's own file
 *
 * Writes the project atomically (see docs/project-format.md), then drops the
 * journal lines the file now holds.
 */
gboolean
crb_project_save (CrbProject    *self,
                  GFile         *file,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr (GPtrArray) chunks = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (file != NULL || self->file != NULL, FALSE);

  if (file == NULL)
    file = self->file;

  chunks = collect_chunks (self);
  if (!_crb_write_chunks_atomically (file, chunks, cancellable, error))
    return FALSE;

  saved (self, file, self->data.revision);
  return TRUE;
}

typedef struct
{
  GFile     *file;
  GPtrArray *chunks;
  guint64    revision;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->chunks, g_ptr_array_unref);
  g_free (data);
}

static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  GError *error = NULL;

  if (_crb_write_chunks_atomically (data->file, data->chunks, cancellable, &error))
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
  SaveData *data;

  g_return_if_fail (CRB_IS_PROJECT (self));
  g_return_if_fail (file != NULL || self->file != NULL);

  data = g_new0 (SaveData, 1);
  data->file = g_object_ref (file ? file : self->file);
  data->chunks = collect_chunks (self);
  data->revision = self->data.revision;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, crb_project_save_async);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  g_task_run_in_thread (task, save_thread);
}

gboolean
crb_project_save_finish (CrbProject    *self,
                         GAsyncResult  *result,
                         GError       **error)
{
  SaveData *data;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  data = g_task_get_task_data (G_TASK (result));
  saved (self, data->file, data->revision);
  return TRUE;
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  notify_state (self, FALSE);
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
  notify_state (self, FALSE);
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
  notify_state (self, FALSE);
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

/**
 * crb_project_decide:
 * @claim_id: the claim decided
 * @decision: the decision; a missing annotator or time is filled in
 *
 * Records a reviewer's decision: sets it on the claim, adds it to the
 * history (clearing what could be redone) and queues it to the journal,
 * which makes it durable without blocking.  crb_project_sync_journal()
 * waits for that.
 */
gboolean
crb_project_decide (CrbProject         *self,
                    const char         *claim_id,
                    const CrbDecision  *decision,
                    GError            **error)
{
  g_autoptr (CrbDecision) after = NULL;
  CrbHistoryEntry *entry;
  CrbStory *story;
  CrbClaim *claim;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);

  if (decision->status == CRB_DECISION_STATUS_REJECTED &&
      decision->reason == CRB_REJECT_REASON_NONE)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                           _("a rejection needs a reason"));
      return FALSE;
    }

  if (decision->status == CRB_DECISION_STATUS_CORRECTED && is_blank (decision->corrected_text))
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                           _("a correction needs the corrected text"));
      return FALSE;
    }

  claim = crb_project_find_claim (self, claim_id, &story, error);
  if (claim == NULL)
    return FALSE;

  after = crb_decision_copy (decision);
  if (after->status != CRB_DECISION_STATUS_REJECTED)
    after->reason = CRB_REJECT_REASON_NONE;
  if (after->status != CRB_DECISION_STATUS_CORRECTED)
    g_clear_pointer (&after->corrected_text, g_free);
  if (after->annotator == NULL)
    after->annotator = g_strdup (g_get_user_name ());
  if (after->time == NULL)
    after->time = crb_now_iso8601 ();

  entry = crb_history_entry_new (self->data.next_seq, claim_id,
                                 crb_claim_get_decision (claim), after);
  apply_decide (self, story, claim, entry, self->group, TRUE);
  return TRUE;
}

/**
 * crb_project_decide_many:
 * @claim_ids: (array zero-terminated=1): the claims
 * @decision: the decision for each
 *
 * Records the same decision on several claims (a claim and its agreeing
 * appearances in other articles, say) as one step: one undo undoes them all.
 * Every claim is checked first; on error nothing changes.
 */
gboolean
crb_project_decide_many (CrbProject         *self,
                         const char * const *claim_ids,
                         const CrbDecision  *decision,
                         GError            **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (claim_ids != NULL, FALSE);

  for (guint i = 0; claim_ids[i]; i++)
    if (crb_project_find_claim (self, claim_ids[i], NULL, error) == NULL)
      return FALSE;

  self->group = self->data.next_seq;
  for (guint i = 0; claim_ids[i]; i++)
    {
      if (!crb_project_decide (self, claim_ids[i], decision, error))
        {
          self->group = 0;
          return FALSE;
        }
    }
  self->group = 0;
  return TRUE;
}

/**
 * crb_project_link:
 * @relation: how the claims relate
 *
 * Links two claims of different articles of one story by hand.  Links made
 * by hand survive recomputation; the change is journaled like a decision.
 */
gboolean
crb_project_link (CrbProject   *self,
                  const char   *a,
                  const char   *b,
                  CrbRelation   relation,
                  GError      **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return apply_link (self, TRUE, a, b, relation, TRUE, error);
}

/**
 * crb_project_unlink:
 *
 * Removes the link between two claims; they are never linked again
 * automatically.
 */
gboolean
crb_project_unlink (CrbProject  *self,
                    const char  *a,
                    const char  *b,
                    GError     **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return apply_link (self, FALSE, a, b, CRB_RELATION_RELATED, TRUE, error);
}

/* One step, and the steps of the same group with it. */
static gboolean
undo_redo_group (CrbProject  *self,
                 Op           op,
                 char       **claim_id,
                 GError     **error)
{
  GArray *from = op == OP_UNDO ? self->data.undo : self->data.redo;
  guint64 group;

  if (from->len == 0)
    return apply_step (self, op, NULL, 0, TRUE, claim_id, error);

  group = g_array_index (from, CrbStep, from->len - 1).group;
  if (!apply_step (self, op, NULL, 0, TRUE, claim_id, error))
    return FALSE;

  while (group != 0 && from->len > 0 && g_array_index (from, CrbStep, from->len - 1).group == group)
    {
      g_free (*claim_id);
      *claim_id = NULL;
      if (!apply_step (self, op, NULL, 0, TRUE, claim_id, error))
        return FALSE;
    }

  return TRUE;
}

gboolean
crb_project_can_undo (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return self->data.undo->len > 0;
}

gboolean
crb_project_can_redo (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  return self->data.redo->len > 0;
}

/**
 * crb_project_undo:
 *
 * Undoes the latest decision that is not undone, in any story.
 *
 * Returns: (transfer full) (nullable): the id of the claim whose decision
 *   was undone, or %NULL with %CRB_ERROR_NOTHING_TO_DO
 */
char *
crb_project_undo (CrbProject  *self,
                  GError     **error)
{
  char *claim_id = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  if (!undo_redo_group (self, OP_UNDO, &claim_id, error))
    return NULL;
  return claim_id;
}

/**
 * crb_project_redo:
 *
 * Returns: (transfer full) (nullable): the id of the claim whose decision
 *   was redone, or %NULL with %CRB_ERROR_NOTHING_TO_DO
 */
char *
crb_project_redo (CrbProject  *self,
                  GError     **error)
{
  char *claim_id = NULL;

  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);

  if (!undo_redo_group (self, OP_REDO, &claim_id, error))
    return NULL;
  return claim_id;
}

/**
 * crb_project_sync_journal:
 *
 * Blocks until every decision is durable in the journal.  The app never
 * calls this on its main loop; it listens to the journal instead.
 */
gboolean
crb_project_sync_journal (CrbProject  *self,
                          GError     **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (self->journal == NULL)
    return TRUE;

  if (!crb_journal_flush (self->journal, error))
    return FALSE;

  on_journal_durable_cb (self, crb_journal_get_durable_revision (self->journal), self->journal);
  return TRUE;
}

/**
 * crb_project_get_journal_path:
 *
 * Returns: where the project's journal lives
 */
const char *
crb_project_get_journal_path (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return crb_journal_get_path (ensure_journal (self));
}

static void G_GNUC_PRINTF (2, 3)
add_problem (GPtrArray  *problems,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (problems, g_strdup_vprintf (format, args));
  va_end (args);
}

/**
 * crb_project_validate:
 * @problems: (element-type utf8): where to add each problem found
 *
 * Checks what loading does not: that every claim's text is its span of the
 * article, that ids are unique across the project, and that the undo and
 * redo stacks match the stories' histories.
 *
 * Returns: %FALSE with @error set when a story cannot be parsed at all;
 *   otherwise %TRUE, and @problems is empty for a valid project
 */
gboolean
crb_project_validate (CrbProject  *self,
                      GPtrArray   *problems,
                      GError     **error)
{
  g_autoptr (GHashTable) claim_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) article_ids = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *stories;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (problems != NULL, FALSE);

  if (!crb_project_ensure_all_loaded (self, error))
    return FALSE;

  stories = G_LIST_MODEL (self->stories);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *articles = crb_story_get_articles (story);
      GListModel *claims = crb_story_get_claims (story);
      const char *sid = crb_story_get_id (story);

      for (guint j = 0; j < g_list_model_get_n_items (articles); j++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (articles, j);
          const char *id = crb_article_get_id (article);

          if (!g_hash_table_add (article_ids, (char *) id))
            add_problem (problems, _("story “%s”: the article id “%s” is used twice"), sid, id);
          {
            g_autofree char *sha256 = crb_sha256_string (crb_article_get_text (article));

            if (g_strcmp0 (sha256, crb_article_get_sha256 (article)) != 0)
              add_problem (problems, _("story “%s”: article “%s”: its text does not match its recorded "
                                       "sha256 (was it edited by hand?)"), sid, id);
          }
        }

      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          const char *id = crb_claim_get_id (claim);
          CrbArticle *article = crb_story_lookup_article (story, crb_claim_get_article_id (claim));
          g_autofree char *slice = NULL;

          if (!g_hash_table_add (claim_ids, (char *) id))
            add_problem (problems, _("story “%s”: the claim id “%s” is used twice"), sid, id);

          slice = crb_article_dup_slice (article, crb_claim_get_start (claim), crb_claim_get_end (claim));
          if (g_strcmp0 (slice, crb_claim_get_text (claim)) != 0)
            add_problem (problems, _("story “%s”: claim “%s”: its text is not the text of its span %u–%u"),
                         sid, id, crb_claim_get_start (claim), crb_claim_get_end (claim));
        }
    }

  for (guint k = 0; k < 2; k++)
    {
      GArray *steps = k == 0 ? self->data.undo : self->data.redo;

      for (guint i = 0; i < steps->len; i++)
        {
          CrbStep *step = &g_array_index (steps, CrbStep, i);
          CrbStory *story = crb_project_lookup_story (self, step->story_id);
          CrbHistoryEntry *entry = story ? _crb_story_lookup_history (story, step->seq) : NULL;

          if (entry == NULL)
            add_problem (problems, _("%s[%u]: decision %llu is not in story “%s”"),
                         k == 0 ? "undo" : "redo", i, (unsigned long long) step->seq, step->story_id);
          else if (entry->undone != (k == 1))
            add_problem (problems, _("%s[%u]: decision %llu is marked %s"),
                         k == 0 ? "undo" : "redo", i, (unsigned long long) step->seq,
                         entry->undone ? "undone" : "not undone");
        }
    }

  return TRUE;
}
