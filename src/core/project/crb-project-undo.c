/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-undo.c: undo and redo — a writer's own steps, taken back or
 * made again whatever their kind (a decision, a link, an article's
 * fields), and what they did, in words. */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-private.h"

#include "crb-story-private.h"

#include <string.h>

/* The index in @steps of the step to undo or redo: the one with @seq when
 * replaying another program's, else the newest of @writer; -1 for none.
 */
int
_crb_project_find_step (GArray     *steps,
                        guint64     seq,
                        const char *writer)
{
  for (guint i = steps->len; i-- > 0;)
    {
      CrbStep *step = &g_array_index (steps, CrbStep, i);

      if (seq != 0 ? step->seq == seq : _crb_project_same_writer (step->writer, writer))
        return i;
    }
  return -1;
}

/* Whether two entries change the same thing: a claim's decision, a pair's
 * link, an article's fields.
 */
static gboolean
same_subject (const CrbHistoryEntry *a,
              const CrbHistoryEntry *b)
{
  if (a->kind != b->kind)
    return FALSE;
  switch (a->kind)
    {
    case CRB_CHANGE_DECISION:
      return g_strcmp0 (a->claim_id, b->claim_id) == 0;
    case CRB_CHANGE_LINK:
      return (g_strcmp0 (a->claim_id, b->claim_id) == 0 && g_strcmp0 (a->other_id, b->other_id) == 0) ||
             (g_strcmp0 (a->claim_id, b->other_id) == 0 && g_strcmp0 (a->other_id, b->claim_id) == 0);
    case CRB_CHANGE_ARTICLE:
      return g_strcmp0 (a->other_id, b->other_id) == 0;
    default:
      g_assert_not_reached ();
    }
}

/* A later change of the same thing, not undone, that undoing or redoing
 * @entry would overwrite: someone changed it again since.
 */
static const CrbHistoryEntry *
later_change (CrbStory              *story,
              const CrbHistoryEntry *entry)
{
  GPtrArray *history = crb_story_get_history (story);

  for (guint i = history->len; i-- > 0;)
    {
      const CrbHistoryEntry *e = g_ptr_array_index (history, i);

      if (e->seq <= entry->seq)
        break;
      if (!e->undone && same_subject (e, entry))
        return e;
    }
  return NULL;
}

/* The index of the link between @a and @b in @links, either way round, or -1. */
static int
pair_index (GPtrArray  *links,
            const char *a,
            const char *b)
{
  for (guint i = 0; i < links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (links, i);

      if ((g_strcmp0 (link->a, a) == 0 && g_strcmp0 (link->b, b) == 0) ||
          (g_strcmp0 (link->a, b) == 0 && g_strcmp0 (link->b, a) == 0))
        return i;
    }
  return -1;
}

static void
remove_pair (GPtrArray  *links,
             const char *a,
             const char *b)
{
  int i = pair_index (links, a, b);

  if (i >= 0)
    g_ptr_array_remove_index (links, i);
}

static const CrbLink *
find_pair (GPtrArray  *links,
           const char *a,
           const char *b)
{
  int i = pair_index (links, a, b);

  return i >= 0 ? g_ptr_array_index (links, i) : NULL;
}

/* The state of a pair as reviewers left it: "agrees", "conflicts" or
 * "related" (linked by hand), "unlinked", or "auto" (as aligned).
 */
const char *
_crb_project_pair_state (CrbStory   *story,
                         const char *a,
                         const char *b)
{
  const CrbLink *link = find_pair (crb_story_get_manual_links (story), a, b);

  if (link != NULL)
    return crb_relation_to_string (link->relation);
  if (find_pair (crb_story_get_removed_links (story), a, b) != NULL)
    return "unlinked";
  return "auto";
}

static void
set_pair_state (CrbStory   *story,
                const char *a,
                const char *b,
                const char *state)
{
  static const char * const why[] = { HAND_LINK_WHY, NULL };
  CrbRelation relation;

  remove_pair (crb_story_get_manual_links (story), a, b);
  remove_pair (crb_story_get_removed_links (story), a, b);
  if (crb_relation_from_string (state, &relation))
    g_ptr_array_add (crb_story_get_manual_links (story), crb_link_new (a, b, relation, 1.0, why, TRUE));
  else if (g_strcmp0 (state, "unlinked") == 0)
    g_ptr_array_add (crb_story_get_removed_links (story),
                     crb_link_new (a, b, CRB_RELATION_RELATED, 1.0, why, TRUE));
  crb_story_realign (story);
}

static void
set_article_info (CrbArticle   *article,
                  char * const *info)
{
  g_object_set (article,
                "outlet", info[CRB_ARTICLE_INFO_OUTLET],
                "title", info[CRB_ARTICLE_INFO_TITLE],
                "date", info[CRB_ARTICLE_INFO_DATE],
                "url", info[CRB_ARTICLE_INFO_URL],
                NULL);
}

/* Sets what @entry changes to its state before (@undo) or after. */
gboolean
_crb_project_put_entry (CrbProject       *self,
                        CrbStory         *story,
                        CrbHistoryEntry  *entry,
                        gboolean          undo,
                        GError          **error)
{
  switch (entry->kind)
    {
    case CRB_CHANGE_DECISION:
      {
        CrbClaim *claim = crb_story_lookup_claim (story, entry->claim_id);

        if (claim == NULL)
          break;
        crb_claim_set_decision (claim, undo ? entry->before : entry->after);
        g_signal_emit (self, _crb_project_signals[CLAIM_DECIDED], 0, claim);
        return TRUE;
      }
    case CRB_CHANGE_LINK:
      if (crb_story_lookup_claim (story, entry->claim_id) == NULL ||
          crb_story_lookup_claim (story, entry->other_id) == NULL)
        break;
      set_pair_state (story, entry->claim_id, entry->other_id, undo ? entry->link_before : entry->link_after);
      g_signal_emit (self, _crb_project_signals[ALIGNMENT_CHANGED], 0, story);
      return TRUE;
    case CRB_CHANGE_ARTICLE:
      {
        CrbArticle *article = crb_story_lookup_article (story, entry->other_id);

        if (article == NULL)
          break;
        set_article_info (article, undo ? entry->info_before : entry->info_after);
        g_signal_emit (self, _crb_project_signals[ARTICLE_CHANGED], 0, article);
        return TRUE;
      }
    default:
      g_assert_not_reached ();
    }

  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
               _("change %llu names what story “%s” does not have"),
               (unsigned long long) entry->seq, crb_story_get_id (story));
  return FALSE;
}

gboolean
_crb_project_apply_step (CrbProject    *self,
                         CrbProjectOp   op,
                         guint64        seq,
                         const char    *writer,
                         gboolean       journal,
                         char         **subject,
                         guint64       *group,
                         GError       **error)
{
  GArray *from = op == OP_UNDO ? self->data.undo : self->data.redo;
  GArray *to = op == OP_UNDO ? self->data.redo : self->data.undo;
  const CrbHistoryEntry *later;
  CrbHistoryEntry *entry;
  CrbStory *story;
  CrbStep step;
  int index;

  index = _crb_project_find_step (from, seq, writer);
  if (index < 0)
    {
      if (seq != 0)
        g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                     op == OP_UNDO ? _("decision %llu is not on the undo stack")
                                   : _("decision %llu is not on the redo stack"),
                     (unsigned long long) seq);
      else
        g_set_error_literal (error, CRB_ERROR, CRB_ERROR_NOTHING_TO_DO,
                             op == OP_UNDO ? _("nothing to undo") : _("nothing to redo"));
      return FALSE;
    }

  step = g_array_index (from, CrbStep, index);
  story = crb_project_lookup_story (self, step.story_id);
  if (story == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("the history names the unknown story “%s”"), step.story_id);
      return FALSE;
    }

  if (!crb_story_ensure_loaded (story, error))
    return FALSE;

  entry = _crb_story_lookup_history (story, step.seq);
  if (entry == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("decision %llu is missing from story “%s”"),
                   (unsigned long long) step.seq, step.story_id);
      return FALSE;
    }

  /* Only this program's own steps are checked: another's was valid when
   * it was made, and the journal keeps the order they were made in.
   */
  later = seq == 0 ? later_change (story, entry) : NULL;
  if (later != NULL)
    {
      const char *by = later->kind == CRB_CHANGE_DECISION && later->after && later->after->annotator
                         ? later->after->annotator : _("someone");
      const char *what = entry->kind == CRB_CHANGE_ARTICLE ? entry->other_id : entry->claim_id;

      g_set_error (error, CRB_ERROR, CRB_ERROR_CONFLICT,
                   op == OP_UNDO
                     ? _("cannot undo the change to “%s”: it was changed again since (by %s)")
                     : _("cannot redo the change to “%s”: it was changed again since (by %s)"),
                   what, by);
      /* Out of the way, so that the next undo goes on. */
      g_array_remove_index (from, index);
      _crb_project_notify_state (self, TRUE);
      return FALSE;
    }

  if (!_crb_project_put_entry (self, story, entry, op == OP_UNDO, error))
    return FALSE;
  entry->undone = op == OP_UNDO;
  _crb_story_set_dirty (story, TRUE);

  step.story_id = g_strdup (step.story_id);
  step.writer = g_strdup (step.writer);
  g_array_remove_index (from, index);
  g_array_append_val (to, step);
  if (group != NULL)
    *group = step.group;
  self->data.revision++;
  self->header_dirty = TRUE;

  if (journal)
    _crb_project_record (self, op, story, entry, 0, NULL);

  if (subject != NULL)
    {
      g_free (*subject);
      *subject = g_strdup (entry->kind == CRB_CHANGE_ARTICLE ? entry->other_id : entry->claim_id);
    }

  _crb_project_notify_state (self, TRUE);
  return TRUE;
}

/* What a group of steps did, in words: "confirmed 3 claims". */
static char *
describe_steps (CrbProject *self,
                GArray     *steps,
                gboolean    undo)
{
  guint counts[CRB_N_DECISION_STATUSES] = { 0 };
  const CrbHistoryEntry *last = NULL;
  guint n = 0, n_decisions = 0;
  guint64 group;
  int index = _crb_project_find_step (steps, 0, self->writer);

  if (index < 0)
    return NULL;
  group = g_array_index (steps, CrbStep, index).group;

  for (int i = index; i >= 0; i--)
    {
      CrbStep *step = &g_array_index (steps, CrbStep, i);
      CrbStory *story;
      const CrbHistoryEntry *entry;

      if (!_crb_project_same_writer (step->writer, self->writer))
        continue;
      if (i != index && (group == 0 || step->group != group))
        break;
      story = crb_project_lookup_story (self, step->story_id);
      if (story == NULL || !crb_story_ensure_loaded (story, NULL) ||
          (entry = _crb_story_lookup_history (story, step->seq)) == NULL)
        continue;
      last = entry;
      n++;
      if (entry->kind == CRB_CHANGE_DECISION)
        {
          /* Undo takes back the decision made; redo makes it again. */
          counts[entry->after->status]++;
          n_decisions++;
        }
    }

  if (last == NULL)
    return NULL;

  if (last->kind == CRB_CHANGE_LINK && n == 1)
    {
      if (g_strcmp0 (last->link_after, "unlinked") == 0)
        return g_strdup (_("unlinked 2 claims"));
      if (g_strcmp0 (last->link_after, "conflicts") == 0)
        return g_strdup (_("linked 2 claims as conflicting"));
      if (g_strcmp0 (last->link_after, "related") == 0)
        return g_strdup (_("linked 2 claims as related"));
      return g_strdup (_("linked 2 claims as agreeing"));
    }
  if (last->kind == CRB_CHANGE_ARTICLE && n == 1)
    {
      /* Named as the reviewer knows it: its outlet, else its title, else its id. */
      const char * const *info = undo ? (const char * const *) last->info_after
                                      : (const char * const *) last->info_before;
      const char *name = info[CRB_ARTICLE_INFO_OUTLET] ? info[CRB_ARTICLE_INFO_OUTLET]
                         : info[CRB_ARTICLE_INFO_TITLE] ? info[CRB_ARTICLE_INFO_TITLE]
                         : last->other_id;

      return g_strdup_printf (_("changed article “%s”"), name);
    }

  if (n_decisions == n)
    {
      for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
        if (counts[s] == n)
          switch ((CrbDecisionStatus) s)
            {
            case CRB_DECISION_STATUS_CONFIRMED:
              return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "confirmed %u claim", "confirmed %u claims", n), n);
            case CRB_DECISION_STATUS_CORRECTED:
              return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "corrected %u claim", "corrected %u claims", n), n);
            case CRB_DECISION_STATUS_REJECTED:
              return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "rejected %u claim", "rejected %u claims", n), n);
            case CRB_DECISION_STATUS_PENDING:
              return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "set %u claim back to pending",
                                                   "set %u claims back to pending", n), n);
            default:
              g_assert_not_reached ();
            }
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "decided %u claim", "decided %u claims", n), n);
    }

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u change", "%u changes", n), n);
}

/**
 * crb_project_dup_undo_label:
 *
 * Returns: (transfer full) (nullable): what undo would take back, in words
 *   ("confirmed 3 claims", "linked 2 claims as conflicting"), for "Undid: …"
 *   messages; %NULL when there is nothing to undo
 */
char *
crb_project_dup_undo_label (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_dup_step_label (self, FALSE);
  return describe_steps (self, self->data.undo, TRUE);
}

/**
 * crb_project_dup_redo_label:
 *
 * Returns: (transfer full) (nullable): what redo would make again, in words
 */
char *
crb_project_dup_redo_label (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_dup_step_label (self, TRUE);
  return describe_steps (self, self->data.redo, FALSE);
}

/* This writer's newest step, and the steps of its group with it. */
static char *
undo_redo_group (CrbProject  *self,
                 CrbProjectOp           op,
                 GError     **error)
{
  GArray *from = op == OP_UNDO ? self->data.undo : self->data.redo;
  char *claim_id = NULL;
  guint64 group = 0;

  if (!_crb_project_begin_change (self, error))
    return NULL;

  if (!_crb_project_apply_step (self, op, 0, self->writer, TRUE, &claim_id, &group, error))
    {
      _crb_project_end_change (self);
      return NULL;
    }

  while (group != 0)
    {
      int next = _crb_project_find_step (from, 0, self->writer);

      if (next < 0 || g_array_index (from, CrbStep, next).group != group ||
          !_crb_project_apply_step (self, op, 0, self->writer, TRUE, &claim_id, NULL, NULL))
        break;
    }

  _crb_project_end_change (self);
  return claim_id;
}

gboolean
crb_project_can_undo (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_can_step (self, FALSE);
  return _crb_project_find_step (self->data.undo, 0, self->writer) >= 0;
}

gboolean
crb_project_can_redo (CrbProject *self)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), FALSE);
  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_can_step (self, TRUE);
  return _crb_project_find_step (self->data.redo, 0, self->writer) >= 0;
}

/**
 * crb_project_undo:
 *
 * Undoes this writer's latest step that is not undone, in any story (see
 * crb_project_set_writer()): another program's steps are its own to undo.
 * A step whose claim someone decided again since is not undone: it is
 * dropped from the stack with %CRB_ERROR_CONFLICT.
 *
 * Returns: (transfer full) (nullable): the id of the claim whose decision
 *   was undone, or %NULL with %CRB_ERROR_NOTHING_TO_DO
 */
char *
crb_project_undo (CrbProject  *self,
                  GError     **error)
{
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_step (self, FALSE, error);
  return undo_redo_group (self, OP_UNDO, error);
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
  g_return_val_if_fail (CRB_IS_PROJECT (self), NULL);
  if (_crb_project_in_team (self))   /* team projects: crb-project-team.c */
    return _crb_project_team_step (self, TRUE, error);
  return undo_redo_group (self, OP_REDO, error);
}
