/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-team-gold.c: what a team's reviews say of a claim: each reviewer's
 * decision, the adjudication that stands, the gold decision made of them,
 * and the decision a claim shows in the current view (docs/team.md). */
#define G_LOG_DOMAIN "crb-team"

#include "config.h"

#include "crb-team-private.h"
#include "crb-claim-private.h"

#include <string.h>

static CrbDecision *
decision_of (const Reviewer *r,
             gint32          index)
{
  const Rec *rec = rec_at (r, index);
  const Extra *extra = extra_of (r, rec);
  CrbDecision *d = crb_decision_new (rec->status);

  d->reason = rec->status == CRB_DECISION_STATUS_REJECTED ? rec->reason : CRB_REJECT_REASON_NONE;
  d->corrected_text = rec->status == CRB_DECISION_STATUS_CORRECTED ? g_strdup (extra->corrected) : NULL;
  d->note = g_strdup (extra->note);
  d->annotator = g_strdup (r->name);
  d->time = g_strdup (rec->time);
  return d;
}

/**
 * crb_team_dup_decision:
 *
 * Returns: (transfer full) (nullable): @reviewer's current decision on the
 *   claim, %NULL when they have none (a pending one only with a note)
 */
CrbDecision *
crb_team_dup_decision (CrbTeam    *self,
                       const char *reviewer,
                       const char *claim_id)
{
  Reviewer *r;
  int claim;
  gint32 index;

  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);

  r = reviewer ? g_hash_table_lookup (self->reviewer_index, reviewer) : NULL;
  claim = _crb_team_lookup_claim (self, claim_id);
  if (r == NULL || claim < 0 || (index = current_decision (r, claim)) < 0)
    return NULL;
  /* A note on a claim still pending is the reviewer's too. */
  if (!decided (r, index) && extra_of (r, rec_at (r, index))->note == NULL)
    return NULL;
  return decision_of (r, index);
}

/**
 * crb_team_dup_annotations:
 *
 * Returns: (transfer full) (element-type CrbAnnotation): every reviewer's
 *   current decision on the claim, by reviewer
 */
GPtrArray *
crb_team_dup_annotations (CrbTeam    *self,
                          const char *claim_id)
{
  GPtrArray *annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_annotation_free);
  int claim;

  g_return_val_if_fail (CRB_IS_TEAM (self), annotations);

  claim = _crb_team_lookup_claim (self, claim_id);
  for (guint i = 0; claim >= 0 && i < self->reviewers->len; i++)
    {
      const Reviewer *r = g_ptr_array_index (self->reviewers, i);
      gint32 index = current_decision (r, claim);
      CrbAnnotation *annotation;

      if (!decided (r, index))
        continue;
      annotation = g_new0 (CrbAnnotation, 1);
      annotation->reviewer = g_strdup (r->name);
      annotation->seq = rec_at (r, index)->seq;
      annotation->decision = decision_of (r, index);
      g_ptr_array_add (annotations, annotation);
    }
  return annotations;
}

/* The adjudication that stands: the latest (by time, then adjudicator). */
static const Reviewer *
find_adjudication (CrbTeam *self,
                   guint32  claim,
                   gint32  *index)
{
  const Reviewer *best = NULL;

  for (guint i = 0; i < self->reviewers->len; i++)
    {
      const Reviewer *r = g_ptr_array_index (self->reviewers, i);
      gint32 found;

      if (g_hash_table_size (r->adjudicated) == 0 || (found = get_in (r->adjudicated, claim)) < 0)
        continue;
      if (best == NULL || g_strcmp0 (rec_at (r, found)->time, rec_at (best, *index)->time) >= 0)
        {
          best = r;
          *index = found;
        }
    }
  return best;
}

/* The reviewers' vote on a claim: the consensus and the gold label. */
static CrbConsensus
vote (CrbTeam *self,
      guint32  claim,
      int     *gold)
{
  guint counts[CRB_N_TEAM_LABELS] = { 0 };
  guint n = 0, n_labels = 0, best = 0;

  *gold = -1;
  for (guint i = 0; i < self->reviewers->len; i++)
    {
      const Reviewer *r = g_ptr_array_index (self->reviewers, i);
      int label = label_of (r, current_decision (r, claim));

      if (label < 0)
        continue;
      n_labels += counts[label]++ == 0;
      n++;
      if (*gold < 0 || counts[label] > counts[*gold])
        *gold = label;
    }
  if (n == 0)
    return CRB_CONSENSUS_NONE;
  best = counts[*gold];
  if (n == 1)
    return CRB_CONSENSUS_SINGLE;
  if (n_labels == 1)
    return CRB_CONSENSUS_UNANIMOUS;
  if (2 * best > n)
    return CRB_CONSENSUS_MAJORITY;
  *gold = -1;
  return CRB_CONSENSUS_DISPUTED;
}

/**
 * crb_team_get_consensus:
 * @claim: a claim's index
 *
 * Returns: how the claim's gold decision comes about from the reviewers'
 *   files (a decision of the project file alone is not counted)
 */
CrbConsensus
crb_team_get_consensus (CrbTeam *self,
                        guint    claim)
{
  gint32 index;
  int gold;

  g_return_val_if_fail (CRB_IS_TEAM (self), CRB_CONSENSUS_NONE);

  if (claim >= self->claim_ids->len)
    return CRB_CONSENSUS_NONE;
  if (find_adjudication (self, claim, &index) != NULL)
    return CRB_CONSENSUS_ADJUDICATED;
  return vote (self, claim, &gold);
}

/**
 * crb_team_dup_gold:
 * @file_decision: (nullable): the claim's decision in the project file
 * @consensus: (out) (optional): how the gold decision came about
 *
 * The claim's gold decision: the adjudication that stands, else the
 * reviewers' label when they are unanimous or more than half of them gave
 * it; the decision itself is that of the first reviewer, by name, who gave
 * that label (for corrections, with the corrected text most of them gave).
 * A claim no reviewer's file decides keeps the project file's decision
 * (a decision made before the team), as a single reviewer's.
 *
 * Returns: (transfer full) (nullable): the gold decision, %NULL for none
 *   (nobody decided, or the reviewers disagree without a majority:
 *   %CRB_CONSENSUS_DISPUTED)
 */
CrbDecision *
crb_team_dup_gold (CrbTeam           *self,
                   const char        *claim_id,
                   const CrbDecision *file_decision,
                   CrbConsensus      *consensus)
{
  CrbConsensus found = CRB_CONSENSUS_NONE;
  const Reviewer *chosen = NULL;
  gint32 index = -1;
  int claim, gold = -1;

  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);

  claim = _crb_team_lookup_claim (self, claim_id);
  if (claim >= 0 && (chosen = find_adjudication (self, claim, &index)) != NULL)
    found = CRB_CONSENSUS_ADJUDICATED;
  else if (claim >= 0)
    found = vote (self, claim, &gold);

  if (found == CRB_CONSENSUS_NONE)
    {
      gboolean from_file = crb_decision_get_status (file_decision) != CRB_DECISION_STATUS_PENDING;

      if (consensus != NULL)
        *consensus = from_file ? CRB_CONSENSUS_SINGLE : CRB_CONSENSUS_NONE;
      return from_file ? crb_decision_copy (file_decision) : NULL;
    }
  if (consensus != NULL)
    *consensus = found;
  if (found == CRB_CONSENSUS_DISPUTED)
    return NULL;

  if (chosen == NULL)
    {
      const char *text = NULL;
      guint text_votes = 0;

      /* A correction: the text most of its reviewers gave. */
      for (guint i = 0; gold == 1 && i < self->reviewers->len; i++)
        {
          const Reviewer *r = g_ptr_array_index (self->reviewers, i);
          gint32 mine = current_decision (r, claim);
          const char *t;
          guint votes = 0;

          if (label_of (r, mine) != gold)
            continue;
          t = extra_of (r, rec_at (r, mine))->corrected;
          for (guint j = 0; j < self->reviewers->len; j++)
            {
              const Reviewer *o = g_ptr_array_index (self->reviewers, j);
              gint32 theirs = current_decision (o, claim);

              votes += label_of (o, theirs) == gold &&
                       g_strcmp0 (extra_of (o, rec_at (o, theirs))->corrected, t) == 0;
            }
          if (votes > text_votes)
            {
              text = t;
              text_votes = votes;
            }
        }

      for (guint i = 0; chosen == NULL && i < self->reviewers->len; i++)
        {
          const Reviewer *r = g_ptr_array_index (self->reviewers, i);
          gint32 mine = current_decision (r, claim);

          if (label_of (r, mine) == gold &&
              (gold != 1 || g_strcmp0 (extra_of (r, rec_at (r, mine))->corrected, text) == 0))
            {
              chosen = r;
              index = mine;
            }
        }
    }

  return decision_of (chosen, index);
}

/* "REVIEWER:SEQ …": the decisions on the claim now, by reviewer. */
static char *
resolves_now (CrbTeam *self,
              guint32  claim)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < self->reviewers->len; i++)
    {
      const Reviewer *r = g_ptr_array_index (self->reviewers, i);
      gint32 index = current_decision (r, claim);

      if (!decided (r, index))
        continue;
      if (out->len > 0)
        g_string_append_c (out, ' ');
      g_string_append_printf (out, "%s:%u", r->name, rec_at (r, index)->seq);
    }
  return g_string_free (out, FALSE);
}

/**
 * crb_team_dup_resolves:
 *
 * Returns: (transfer full): the reviewers' current decisions on the claim
 *   as an adjudication names them: "REVIEWER:SEQ" words, by reviewer
 */
char *
crb_team_dup_resolves (CrbTeam    *self,
                       const char *claim_id)
{
  int claim;

  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);

  claim = _crb_team_lookup_claim (self, claim_id);
  return claim >= 0 ? resolves_now (self, claim) : g_strdup ("");
}

/**
 * crb_team_get_adjudication:
 * @adjudicator: (out) (optional) (transfer full): who adjudicated
 * @seq: (out) (optional): the adjudication's record in their file
 * @take: (out) (optional) (transfer full): whose decision it took, %NULL
 *   for a decision of the adjudicator's own
 * @stale: (out) (optional): whether the reviewers' decisions changed since
 *   (the adjudication still stands)
 *
 * Returns: whether an adjudication stands for the claim
 */
gboolean
crb_team_get_adjudication (CrbTeam     *self,
                           const char  *claim_id,
                           char       **adjudicator,
                           guint32     *seq,
                           char       **take,
                           gboolean    *stale)
{
  const Reviewer *r;
  const Extra *extra;
  gint32 index = -1;
  int claim;

  g_return_val_if_fail (CRB_IS_TEAM (self), FALSE);

  claim = _crb_team_lookup_claim (self, claim_id);
  if (claim < 0 || (r = find_adjudication (self, claim, &index)) == NULL)
    return FALSE;

  extra = extra_of (r, rec_at (r, index));
  if (adjudicator != NULL)
    *adjudicator = g_strdup (r->name);
  if (seq != NULL)
    *seq = rec_at (r, index)->seq;
  if (take != NULL)
    *take = g_strdup (extra->take);
  if (stale != NULL)
    {
      g_autofree char *now = resolves_now (self, claim);

      *stale = g_strcmp0 (now, extra->resolves ? extra->resolves : "") != 0;
    }
  return TRUE;
}

/**
 * crb_team_get_disagreement:
 *
 * Returns: whether two reviewers gave the claim different labels
 */
gboolean
crb_team_get_disagreement (CrbTeam    *self,
                           const char *claim_id)
{
  int claim, first = -1;

  g_return_val_if_fail (CRB_IS_TEAM (self), FALSE);

  claim = _crb_team_lookup_claim (self, claim_id);
  for (guint i = 0; claim >= 0 && i < self->reviewers->len; i++)
    {
      const Reviewer *r = g_ptr_array_index (self->reviewers, i);
      int label = label_of (r, current_decision (r, claim));

      if (label < 0)
        continue;
      if (first >= 0 && label != first)
        return TRUE;
      first = label;
    }
  return FALSE;
}

/**
 * crb_team_dup_view:
 * @file_decision: (nullable): the claim's decision in the project file
 *
 * Returns: (transfer full) (nullable): the decision the claim shows in the
 *   current view (crb_team_get_view()): the gold one, or the viewer's own
 */
CrbDecision *
crb_team_dup_view (CrbTeam           *self,
                   const char        *claim_id,
                   const CrbDecision *file_decision)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);

  if (crb_team_get_view (self) == CRB_TEAM_VIEW_OWN)
    return crb_team_dup_decision (self, self->viewer, claim_id);
  return crb_team_dup_gold (self, claim_id, file_decision, NULL);
}

/**
 * crb_team_apply_views:
 *
 * Makes each claim of a loaded story show its decision in the current
 * view (crb_claim_get_decision()); the project file's decisions stay as
 * they are.
 */
void
crb_team_apply_views (CrbTeam  *self,
                      CrbStory *story)
{
  GListModel *claims;

  g_return_if_fail (CRB_IS_TEAM (self));
  g_return_if_fail (CRB_IS_STORY (story));

  if (!crb_story_is_loaded (story))
    return;

  claims = crb_story_get_claims (story);
  for (guint i = 0; i < g_list_model_get_n_items (claims); i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, i);
      g_autoptr (CrbDecision) view = crb_team_dup_view (self, crb_claim_get_id (claim),
                                                        _crb_claim_get_file_decision (claim));

      _crb_claim_set_view (claim, view);
    }
}
