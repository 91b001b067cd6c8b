/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-changes.c: the changes reviewers make to a project —
 * decisions, links, undo and redo — and how they reach the journal and
 * come back from it, from this program or any other that has the project
 * open (docs/project-format.md, "Several writers"). */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-private.h"

#include "crb-story-private.h"

#include <string.h>

const char * const _crb_project_op_names[] = { "decide", "undo", "redo", "link", "unlink", "article", "setting" };



void
_crb_project_on_durable (CrbProject *self,
                         guint64     revision,
                         CrbJournal *journal)
{
  if (revision <= self->durable_revision)
    return;

  self->durable_revision = revision;
  g_object_notify_by_pspec (G_OBJECT (self), _crb_project_properties[PROP_DURABLE_REVISION]);
}

gboolean
_crb_project_same_writer (const char *step_writer,
                          const char *writer)
{
  /* Steps of older files name no writer: anyone's. */
  return step_writer == NULL || g_strcmp0 (step_writer, writer) == 0;
}

/* ------------------------------------------------------------ journal */

void
_crb_project_record (CrbProject      *self,
                     CrbProjectOp     op,
                     CrbStory        *story,
                     CrbHistoryEntry *entry,
                     guint64          group,
                     const CrbLink   *link)
{
  g_autoptr (JsonBuilder) builder = NULL;
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *line = NULL;

  if (self->journal == NULL)
    return;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "op");
  json_builder_add_string_value (builder, _crb_project_op_names[op]);
  json_builder_set_member_name (builder, "story");
  json_builder_add_string_value (builder, crb_story_get_id (story));
  json_builder_set_member_name (builder, "rev");
  json_builder_add_int_value (builder, (gint64) self->data.revision);
  if (self->writer != NULL)
    {
      json_builder_set_member_name (builder, "writer");
      json_builder_add_string_value (builder, self->writer);
    }
  if (op == OP_DECIDE || op == OP_ARTICLE || op == OP_LINK || op == OP_UNLINK)
    {
      json_builder_set_member_name (builder, "entry");
      json_builder_add_value (builder, crb_history_entry_to_json (entry));
      if (group != 0)
        {
          json_builder_set_member_name (builder, "group");
          json_builder_add_int_value (builder, (gint64) group);
        }
    }
  if (op == OP_LINK || op == OP_UNLINK)
    {
      /* Also as version 1 wrote it, for its readers. */
      json_builder_set_member_name (builder, "a");
      json_builder_add_string_value (builder, link->a);
      json_builder_set_member_name (builder, "b");
      json_builder_add_string_value (builder, link->b);
      json_builder_set_member_name (builder, "relation");
      json_builder_add_string_value (builder, crb_relation_to_string (link->relation));
    }
  else if (op == OP_UNDO || op == OP_REDO)
    {
      json_builder_set_member_name (builder, "seq");
      json_builder_add_int_value (builder, (gint64) entry->seq);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  line = crb_json_to_string (root, NULL);
  if (!crb_journal_append (self->journal, self->data.revision, line, &error))
    {
      g_warning ("%s", error->message);
      if (self->journal_error == NULL)
        self->journal_error = g_steal_pointer (&error);
    }
}

/* ------------------------------------------------------------ applying */

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

void
_crb_project_push_step (GArray     *steps,
                        guint64     seq,
                        const char *story_id,
                        guint64     group,
                        const char *writer)
{
  CrbStep step = { seq, g_strdup (story_id), group, g_strdup (writer) };

  g_array_append_val (steps, step);
}

/* A new step of @writer: what it could redo is gone; the others' stays. */
static void
clear_redo (CrbProject *self,
            const char *writer)
{
  for (guint i = self->data.redo->len; i-- > 0;)
    if (_crb_project_same_writer (g_array_index (self->data.redo, CrbStep, i).writer, writer))
      g_array_remove_index (self->data.redo, i);
}

/* Applies a decision entry: the one place a reviewer's decision happens,
 * this program's or another's read from the journal.
 */
static void
apply_decide (CrbProject      *self,
              CrbStory        *story,
              CrbClaim        *claim,
              CrbHistoryEntry *entry,
              guint64          group,
              const char      *writer,
              gboolean         journal)
{
  crb_claim_set_decision (claim, entry->after);
  _crb_story_add_history (story, entry);
  clear_redo (self, writer);
  _crb_project_push_step (self->data.undo, entry->seq, crb_story_get_id (story), group, writer);
  self->data.next_seq = MAX (self->data.next_seq, entry->seq + 1);
  self->data.revision++;
  self->header_dirty = TRUE;

  if (journal)
    _crb_project_record (self, OP_DECIDE, story, entry, group, NULL);

  g_signal_emit (self, _crb_project_signals[CLAIM_DECIDED], 0, claim);
  _crb_project_notify_state (self, TRUE);
}





















/* Records a new change (a link, an article's fields) and applies it; the
 * counterpart of apply_decide() for the other kinds.
 */
static gboolean
apply_change (CrbProject      *self,
              CrbStory        *story,
              CrbHistoryEntry *entry,
              guint64          group,
              const char      *writer,
              CrbProjectOp               op,
              const CrbLink   *link,
              gboolean         journal,
              GError         **error)
{
  g_autoptr (CrbHistoryEntry) owned = entry;

  if (!_crb_project_put_entry (self, story, entry, FALSE, error))
    return FALSE;

  _crb_story_add_history (story, g_steal_pointer (&owned));
  clear_redo (self, writer);
  _crb_project_push_step (self->data.undo, entry->seq, crb_story_get_id (story), group, writer);
  self->data.next_seq = MAX (self->data.next_seq, entry->seq + 1);
  self->data.revision++;
  self->header_dirty = TRUE;

  if (journal)
    _crb_project_record (self, op, story, entry, group, link);

  _crb_project_notify_state (self, TRUE);
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

/* Makes (or removes) a link by hand, as a change of its own that undo
 * takes back; the story is aligned again around it.
 */
static gboolean
apply_link (CrbProject   *self,
            gboolean      link,
            const char   *a,
            const char   *b,
            CrbRelation   relation,
            const char   *writer,
            gboolean      journal,
            GError      **error)
{
  static const char * const why[] = { HAND_LINK_WHY, NULL };
  g_autoptr (CrbLink) made = NULL;
  CrbStory *story_a = NULL, *story_b = NULL;
  CrbClaim *claim_a, *claim_b;
  CrbHistoryEntry *entry;

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
  entry = crb_history_entry_new_link (self->data.next_seq, a, b, _crb_project_pair_state (story_a, a, b),
                                      link ? crb_relation_to_string (relation) : "unlinked");
  return apply_change (self, story_a, entry, self->group, writer, link ? OP_LINK : OP_UNLINK, made,
                       journal, error);
}

/* A project setting (a publisher's review URL, say): not a reviewer's
 * change, so not on the undo stack, but journaled like one.
 */
static void
apply_setting (CrbProject *self,
               const char *name,
               const char *value,
               gboolean    journal)
{
  if (g_strcmp0 (g_hash_table_lookup (self->data.settings, name), value) == 0)
    return;

  if (value != NULL)
    g_hash_table_insert (self->data.settings, g_strdup (name), g_strdup (value));
  else
    g_hash_table_remove (self->data.settings, name);
  self->data.revision++;
  self->header_dirty = TRUE;

  if (journal && self->journal != NULL)
    {
      g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
      g_autoptr (JsonNode) root = NULL;
      g_autoptr (GError) error = NULL;
      g_autofree char *line = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "op");
      json_builder_add_string_value (builder, _crb_project_op_names[OP_SETTING]);
      json_builder_set_member_name (builder, "rev");
      json_builder_add_int_value (builder, (gint64) self->data.revision);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "value");
      if (value != NULL)
        json_builder_add_string_value (builder, value);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      line = crb_json_to_string (root, NULL);
      if (!crb_journal_append (self->journal, self->data.revision, line, &error) && self->journal_error == NULL)
        self->journal_error = g_steal_pointer (&error);
    }

  g_signal_emit (self, _crb_project_signals[SETTING_CHANGED], g_quark_from_string (name), name);
  _crb_project_notify_state (self, FALSE);
}

/* ------------------------------------------------------------ catching up */

static gboolean
replay_line (CrbProject  *self,
             JsonObject  *line,
             GError     **error)
{
  const char *op = json_object_get_string_member_with_default (line, "op", "");
  const char *writer = json_object_get_string_member_with_default (line, "writer", NULL);

  if (g_strcmp0 (op, "decide") == 0)
    {
      g_autoptr (CrbHistoryEntry) entry = NULL;
      CrbStory *story;
      CrbClaim *claim;

      if (!json_object_has_member (line, "entry"))
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("a decision without its “entry”"));
          return FALSE;
        }
      entry = crb_history_entry_from_json (json_object_get_member (line, "entry"), error);
      if (entry == NULL)
        return FALSE;

      claim = crb_project_find_claim (self, entry->claim_id, &story, error);
      if (claim == NULL)
        return FALSE;
      if (_crb_story_lookup_history (story, entry->seq) != NULL)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("decision %llu is in the project already"), (unsigned long long) entry->seq);
          return FALSE;
        }

      apply_decide (self, story, claim, g_steal_pointer (&entry),
                    json_object_get_int_member_with_default (line, "group", 0), writer, FALSE);
      return TRUE;
    }
  else if ((g_strcmp0 (op, "link") == 0 || g_strcmp0 (op, "unlink") == 0 || g_strcmp0 (op, "article") == 0) &&
           json_object_has_member (line, "entry"))
    {
      g_autoptr (CrbHistoryEntry) entry = NULL;
      CrbStory *story = crb_project_lookup_story (self, json_object_get_string_member_with_default (line, "story", ""));

      entry = crb_history_entry_from_json (json_object_get_member (line, "entry"), error);
      if (entry == NULL)
        return FALSE;
      if (story == NULL || entry->kind == CRB_CHANGE_DECISION)
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("a change of an unknown story, or of the wrong kind"));
          return FALSE;
        }
      if (!crb_story_ensure_loaded (story, error))
        return FALSE;
      if (_crb_story_lookup_history (story, entry->seq) != NULL)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("decision %llu is in the project already"), (unsigned long long) entry->seq);
          return FALSE;
        }
      return apply_change (self, story, g_steal_pointer (&entry),
                           json_object_get_int_member_with_default (line, "group", 0), writer,
                           OP_ARTICLE, NULL, FALSE, error);
    }
  else if (g_strcmp0 (op, "link") == 0 || g_strcmp0 (op, "unlink") == 0)
    {
      /* A link of version 1's journal: no entry, made now. */
      const char *a = json_object_get_string_member_with_default (line, "a", "");
      const char *b = json_object_get_string_member_with_default (line, "b", "");
      CrbRelation relation = CRB_RELATION_AGREES;

      if (op[0] == 'l' &&
          !crb_relation_from_string (json_object_get_string_member_with_default (line, "relation", ""),
                                     &relation))
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("the field “relation” must be agrees, conflicts or related"));
          return FALSE;
        }
      return apply_link (self, op[0] == 'l', a, b, relation, writer, FALSE, error);
    }
  else if (g_strcmp0 (op, "undo") == 0 || g_strcmp0 (op, "redo") == 0)
    {
      gint64 seq = json_object_get_int_member_with_default (line, "seq", 0);

      if (seq <= 0)
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("the field “seq” must be a positive integer"));
          return FALSE;
        }
      return _crb_project_apply_step (self, op[0] == 'u' ? OP_UNDO : OP_REDO, seq, writer, FALSE, NULL, NULL, error);
    }

  else if (g_strcmp0 (op, "setting") == 0)
    {
      const char *name = json_object_get_string_member_with_default (line, "name", NULL);

      if (name == NULL || *name == '\0')
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("a setting without its “name”"));
          return FALSE;
        }
      apply_setting (self, name, json_object_get_string_member_with_default (line, "value", NULL), FALSE);
      return TRUE;
    }

  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("unknown operation “%s”"), op);
  return FALSE;
}

/* Applies what other programs appended since the last look, with the lock
 * held.  A line that cannot be applied is set aside, never in the way.
 */
static guint
catch_up (CrbProject *self)
{
  g_autoptr (GPtrArray) lines = NULL;
  guint n = 0;

  lines = crb_journal_read_new (self->journal, self->problems);
  for (guint i = 0; i < lines->len; i++)
    {
      CrbJournalLine *line = g_ptr_array_index (lines, i);
      g_autoptr (GError) error = NULL;

      if (replay_line (self, line->object, &error))
        n++;
      else
        crb_journal_set_aside (self->journal, line, error->message, self->problems);
    }

  return n;
}

/* The changes of an older version's journal (one per project id, lines
 * numbered by revision) that the file does not hold.
 */
static guint
replay_legacy (CrbProject *self)
{
  g_autoptr (GPtrArray) lines = crb_journal_read_v1 (self->data.id, self->problems);
  guint n = 0;

  for (guint i = 0; i < lines->len; i++)
    {
      CrbJournalLine *line = g_ptr_array_index (lines, i);
      gint64 rev = json_object_get_int_member_with_default (line->object, "rev", 0);
      const char *project = json_object_get_string_member_with_default (line->object, "project", "");
      g_autoptr (GError) error = NULL;

      if (g_strcmp0 (project, self->data.id) != 0 || rev <= (gint64) self->data.revision)
        continue;
      if (!replay_line (self, line->object, &error))
        {
          g_ptr_array_add (self->problems,
                           g_strdup_printf (_("the journal of an older version, line %u: %s; "
                                              "the line is skipped"), line->lineno, error->message));
          continue;
        }
      n++;
    }

  return n;
}

/**
 * _crb_project_attach_journal:
 *
 * Opens the journal of the project's file and replays what it holds
 * beyond the file: changes made by this or another program that the file
 * has not caught up with.  A damaged line is reported and set aside; a
 * journal that cannot be opened at all makes the project read-only.
 */
gboolean
_crb_project_attach_journal (CrbProject  *self,
                             GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CrbJournal) journal = NULL;
  g_autofree char *name = g_file_get_parse_name (self->file);
  g_autofree char *save_id = NULL;

  journal = crb_journal_open (self->data.id, self->file, &local_error);
  if (journal == NULL)
    {
      g_ptr_array_add (self->problems,
                       g_strdup_printf (_("%s: cannot open the journal, so nothing can be changed: %s"),
                                        name, local_error->message));
      if (self->read_only == NULL)
        self->read_only = g_strdup (_("its journal cannot be opened"));
      return TRUE;
    }

  g_set_object (&self->journal, journal);
  g_signal_connect_object (journal, "durable", G_CALLBACK (_crb_project_on_durable),
                           self, G_CONNECT_SWAPPED);

  /* A file of an older version has no save id: name its state by its
   * revision, and read the older journal too.
   */
  self->legacy_journal = self->data.save_id == NULL;
  save_id = self->data.save_id
              ? g_strdup (self->data.save_id)
              : g_strdup_printf ("r%" G_GUINT64_FORMAT, self->data.revision);

  if (!crb_journal_lock (journal, error))
    return FALSE;
  crb_journal_attach (journal, save_id, self->data.dev, self->data.ino, self->problems);
  if (self->legacy_journal)
    self->n_recovered += replay_legacy (self);
  self->n_recovered += catch_up (self);
  crb_journal_unlock (journal);

  return TRUE;
}

/* Before a change: the file may be written, and what the others did is
 * applied first, so that the change follows theirs.  Holds the lock until
 * end_change().
 */
gboolean
_crb_project_begin_change (CrbProject  *self,
                           GError     **error)
{
  if (self->read_only != NULL)
    {
      g_autofree char *name = self->file ? g_file_get_parse_name (self->file) : g_strdup ("project");
      g_set_error (error, CRB_ERROR, CRB_ERROR_READ_ONLY,
                   _("%s: the project is read-only (%s); nothing was changed"), name, self->read_only);
      return FALSE;
    }

  if (self->journal == NULL)
    return TRUE;
  if (!crb_journal_lock (self->journal, error))
    return FALSE;
  catch_up (self);
  return TRUE;
}

void
_crb_project_end_change (CrbProject *self)
{
  if (self->journal != NULL)
    crb_journal_unlock (self->journal);
}

/**
 * crb_project_refresh:
 *
 * Applies the changes other programs made to the project since it was
 * opened or last refreshed: their decisions, undos and links, with the
 * usual signals.  Cheap when there are none; the app calls it often.
 *
 * Returns: how many changes were applied
 */
guint
crb_project_refresh (CrbProject *self)
{
  guint n;

  g_return_val_if_fail (CRB_IS_PROJECT (self), 0);

  n = _crb_project_team_refresh (self);   /* team projects: their reviewers' files */
  if (self->journal == NULL || !crb_journal_has_new (self->journal))
    return n;
  if (!crb_journal_lock (self->journal, NULL))
    return n;
  n += catch_up (self);
  crb_journal_unlock (self->journal);
  return n;
}

/* ------------------------------------------------------------ public */

static gboolean
check_decision (const CrbDecision  *decision,
                GError            **error)
{
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

  return TRUE;
}

static gboolean
decide_one (CrbProject         *self,
            const char         *claim_id,
            const CrbDecision  *decision,
            GError            **error)
{
  g_autoptr (CrbDecision) after = NULL;
  CrbHistoryEntry *entry;
  CrbStory *story;
  CrbClaim *claim;

  claim = crb_project_find_claim (self, claim_id, &story, error);
  if (claim == NULL)
    return FALSE;

  after = crb_decision_copy (decision);
  if (after->status != CRB_DECISION_STATUS_REJECTED)
    after->reason = CRB_REJECT_REASON_NONE;
  if (after->status != CRB_DECISION_STATUS_CORRECTED)
    g_clear_pointer (&after->corrected_text, g_free);
  /* Never the login name: it would be published with the dataset. */
  if (after->annotator == NULL || *after->annotator == '\0')
    {
      g_free (after->annotator);
      after->annotator = g_strdup (CRB_ANONYMOUS_ANNOTATOR);
    }
  if (after->time == NULL)
    after->time = crb_now_iso8601 ();

  entry = crb_history_entry_new (self->data.next_seq, claim_id,
                                 crb_claim_get_decision (claim), after);
  apply_decide (self, story, claim, entry, self->group, self->writer, TRUE);
  return TRUE;
}

/**
 * crb_project_decide:
 * @claim_id: the claim decided
 * @decision: the decision; a missing annotator (`anonymous`) or time is
 *   filled in
 *
 * Records a reviewer's decision: sets it on the claim, adds it to the
 * history (clearing what this writer could redo) and appends it to the
 * journal, after the changes other programs made; a thread makes it
 * durable (crb_project_sync_journal() waits for that).
 */
gboolean
crb_project_decide (CrbProject         *self,
                    const char         *claim_id,
                    const CrbDecision  *decision,
                    GError            **error)
{
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (decision != NULL, FALSE);

  if (!check_decision (decision, error))
    return FALSE;
  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_decide_batch (self, (const char *[]) { claim_id, NULL },
                                           (const CrbDecision *[]) { decision, NULL }, error);
  if (!_crb_project_begin_change (self, error))
    return FALSE;
  ok = decide_one (self, claim_id, decision, error);
  _crb_project_end_change (self);
  return ok;
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
  g_autoptr (GPtrArray) decisions = g_ptr_array_new ();

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (claim_ids != NULL, FALSE);

  for (guint i = 0; claim_ids[i]; i++)
    g_ptr_array_add (decisions, (gpointer) decision);
  g_ptr_array_add (decisions, NULL);
  return crb_project_decide_batch (self, claim_ids, (const CrbDecision * const *) decisions->pdata, error);
}

/**
 * crb_project_decide_batch:
 * @claim_ids: (array zero-terminated=1): the claims
 * @decisions: (array zero-terminated=1): a decision for each claim
 *
 * Records many decisions as one step, in one hold of the lock: one undo
 * undoes them all.  Every claim and decision is checked first; on error
 * nothing changes.
 */
gboolean
crb_project_decide_batch (CrbProject                *self,
                          const char * const        *claim_ids,
                          const CrbDecision * const *decisions,
                          GError                   **error)
{
  gboolean ok = TRUE;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (claim_ids != NULL && decisions != NULL, FALSE);

  for (guint i = 0; claim_ids[i]; i++)
    {
      g_return_val_if_fail (decisions[i] != NULL, FALSE);
      if (!check_decision (decisions[i], error) ||
          crb_project_find_claim (self, claim_ids[i], NULL, error) == NULL)
        return FALSE;
    }

  if (_crb_project_in_team (self) && claim_ids[0] != NULL)   /* team projects: crb-project-team.c */
    return _crb_project_team_decide_batch (self, claim_ids, decisions, error);
  if (!_crb_project_begin_change (self, error))
    return FALSE;

  self->group = claim_ids[0] && claim_ids[1] ? self->data.next_seq : 0;
  for (guint i = 0; ok && claim_ids[i]; i++)
    ok = decide_one (self, claim_ids[i], decisions[i], error);
  self->group = 0;

  _crb_project_end_change (self);
  return ok;
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
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_link (self, TRUE, a, b, relation, error);
  if (!_crb_project_begin_change (self, error))
    return FALSE;
  ok = apply_link (self, TRUE, a, b, relation, self->writer, TRUE, error);
  _crb_project_end_change (self);
  return ok;
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
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_link (self, FALSE, a, b, CRB_RELATION_RELATED, error);
  if (!_crb_project_begin_change (self, error))
    return FALSE;
  ok = apply_link (self, FALSE, a, b, CRB_RELATION_RELATED, self->writer, TRUE, error);
  _crb_project_end_change (self);
  return ok;
}

/**
 * crb_project_edit_article:
 * @article_id: the article
 * @info: (array fixed-size=4): its new outlet, title, date and URL
 *   (#CrbArticleInfo order): %NULL keeps a field, "" clears it
 *
 * Changes an article's outlet, title, date or URL: a change like a
 * decision, journaled, and undone by undo.  An outlet named here is the
 * outlet everywhere the article's id would show.
 *
 * Returns: %FALSE with @error set when the article is not in the project
 *   or the project is read-only; %TRUE also when nothing changed
 */
gboolean
crb_project_edit_article (CrbProject         *self,
                          const char         *article_id,
                          const char * const *info,
                          GError            **error)
{
  const char *before[CRB_N_ARTICLE_INFO], *after[CRB_N_ARTICLE_INFO];
  CrbArticle *article;
  CrbStory *story;
  gboolean changed = FALSE;
  gboolean ok;

  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (article_id != NULL && info != NULL, FALSE);

  if (!_crb_project_team_check_owner (self, error))   /* team projects: the owner's */
    return FALSE;
  if (!_crb_project_begin_change (self, error))
    return FALSE;

  story = crb_project_find_article_story (self, article_id);
  if (story == NULL || !crb_story_ensure_loaded (story, error) ||
      (article = crb_story_lookup_article (story, article_id)) == NULL)
    {
      _crb_project_end_change (self);
      if (error != NULL && *error == NULL)
        {
          g_autofree char *name = self->file ? g_file_get_parse_name (self->file) : g_strdup ("project");
          g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: no article with the id “%s”"),
                       name, article_id);
        }
      return FALSE;
    }

  before[CRB_ARTICLE_INFO_OUTLET] = crb_article_get_outlet (article);
  before[CRB_ARTICLE_INFO_TITLE] = crb_article_get_title (article);
  before[CRB_ARTICLE_INFO_DATE] = crb_article_get_date (article);
  before[CRB_ARTICLE_INFO_URL] = crb_article_get_url (article);
  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    {
      after[i] = info[i] == NULL ? before[i] : *info[i] ? info[i] : NULL;
      changed |= g_strcmp0 (after[i], before[i]) != 0;
    }

  ok = !changed ||
       apply_change (self, story, crb_history_entry_new_article (self->data.next_seq, article_id, before, after),
                     self->group, self->writer, OP_ARTICLE, NULL, TRUE, error);
  _crb_project_end_change (self);
  return ok;
}

/**
 * crb_project_get_setting:
 * @name: a setting's name: "review-url" (the base URL of published
 *   ClaimReviews), "author-org" (the organization that publishes them)
 *
 * Returns: (nullable): the project's setting, kept in its file
 */
const char *
crb_project_get_setting (CrbProject *self,
                         const char *name)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return g_hash_table_lookup (self->data.settings, name);
}

/**
 * crb_project_set_setting:
 * @value: (nullable): the new value; %NULL removes the setting
 *
 * Changes a project setting, durably (journaled like a decision, not
 * undone by undo); ::setting-changed tells.
 */
gboolean
crb_project_set_setting (CrbProject  *self,
                         const char  *name,
                         const char  *value,
                         GError     **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  g_return_val_if_fail (name != NULL && *name != '\0', FALSE);

  if (!_crb_project_begin_change (self, error))
    return FALSE;
  apply_setting (self, name, value, TRUE);
  _crb_project_end_change (self);
  return TRUE;
}

















/**
 * crb_project_set_writer:
 * @writer: (nullable): who makes the changes: "app", "cli"; %NULL for
 *   anyone
 *
 * Names this program's changes, so that its undo and redo take back its
 * own steps, not those another program made on the same project.
 */
void
crb_project_set_writer (CrbProject *self,
                        const char *writer)
{
  g_return_if_fail (CRB_IS_PROJECT (self));

  g_free (self->writer);
  self->writer = g_strdup (writer);
  _crb_project_notify_state (self, TRUE);
}

/**
 * crb_project_sync_journal:
 *
 * Blocks until every change is durable in the journal.  The app never
 * calls this on its main loop; it listens to the journal instead.
 */
gboolean
crb_project_sync_journal (CrbProject  *self,
                          GError     **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);

  if (self->journal_error != NULL)
    {
      g_propagate_error (error, g_error_copy (self->journal_error));
      return FALSE;
    }
  if (self->journal == NULL)
    return TRUE;
  if (!crb_journal_flush (self->journal, error))
    return FALSE;

  _crb_project_on_durable (self, crb_journal_get_durable_revision (self->journal), self->journal);
  return TRUE;
}

/**
 * crb_project_get_journal_path:
 *
 * Returns: (nullable): where the journal of the project's file lives;
 *   %NULL while the project has no file
 */
const char *
crb_project_get_journal_path (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->journal ? crb_journal_get_path (self->journal) : NULL;
}

/**
 * crb_project_get_problems:
 *
 * Returns: (transfer none) (element-type utf8): messages for the user about
 *   the journal: lines that were damaged or could not be applied, and
 *   where they were kept
 */
GPtrArray *
crb_project_get_problems (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  return self->problems;
}
