/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-team-changes.c: a team project's changes — decisions,
 * links, undo and redo, adjudications, and files that came by mail —
 * each in its reviewer's own file, appended under a lock of the file,
 * after what the reviewer's other programs appended (docs/team.md). */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-team-private.h"

#include <string.h>
#include <sys/stat.h>

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
  _crb_project_team_catch_up_file (self, path, changed);
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
  _crb_project_team_update_views (self, changed);
  _crb_project_notify_state (self, TRUE);
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
  _crb_project_team_update_views (self, changed);
  _crb_project_notify_state (self, TRUE);
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
      _crb_project_team_update_views (self, changed);
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
  _crb_project_team_update_views (self, changed);
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
    return _crb_project_team_not_team (self, error);
  adjudicator = resolve_reviewer (self, decision, error);
  if (adjudicator == NULL || crb_project_find_claim (self, claim_id, NULL, error) == NULL)
    return FALSE;

  {
    const char *viewer = crb_team_get_viewer (self->team->team);
    g_autofree char *saved = g_strdup (viewer);

    /* Whoever adjudicates must see what they resolve. */
    crb_team_set_viewer (self->team->team, adjudicator);
    ok = _crb_project_team_check_sees_all (self, error);
    crb_team_set_viewer (self->team->team, saved);
    if (!ok)
      return FALSE;
  }

  if (!begin_write (self, adjudicator, changed, error))
    return FALSE;

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
  _crb_project_team_update_views (self, changed);
  _crb_project_notify_state (self, TRUE);
  return ok;
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
    return _crb_project_team_not_team (self, error);
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
  _crb_project_team_update_views (self, changed);
  if (n_new != NULL)
    *n_new = added->len;
  return ok;
}
