/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-project-team-show.c: what a team project shows a reviewer — their
 * own decisions, everyone's (unless the review is blind), gold decisions,
 * disagreements, their queue — and the owner's assignments and the
 * agreement figures (docs/team.md). */
#define G_LOG_DOMAIN "crb-project"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-project-team-private.h"

#include "crb-claim-private.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

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
 * crb_story_count_status(), are of the project file's decisions).  In a
 * team project this loads the story; otherwise the two are the same, and
 * the story is not loaded (the header keeps its counts).
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
  if (!_crb_project_in_team (self))
    {
      for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
        counts[s] = crb_story_count_status (story, s);
      return TRUE;
    }
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
      CrbStory *story = _crb_project_team_story_of (self, key);

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
  if (!_crb_project_team_check_sees_all (self, error))
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
    return _crb_project_team_not_team (self, error);
  if (!_crb_project_team_check_owner_of (self, error))
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
  _crb_project_team_read_assignments (self, FALSE);
  if (n_assigned != NULL)
    *n_assigned = n;
  return TRUE;
}

/* ------------------------------------------------------------ agreement */

static const char *
story_id_of (const char *claim_id,
             gpointer    user_data)
{
  CrbStory *story = _crb_project_team_story_of (user_data, claim_id);

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
      story = _crb_project_team_story_of (self, a);
      if (story == NULL || story != _crb_project_team_story_of (self, b))
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
      CrbStory *story = _crb_project_team_story_of (self, crb_team_get_claim_id (team, c));
      gboolean *mark = story ? g_hash_table_lookup (reviewed, story) : NULL;

      for (guint r = 0; mark != NULL && r < n_reviewers; r++)
        mark[r] |= crb_team_get_label (team, r, c) >= 0;
    }
  for (guint i = 0; i < pairs->len; i++)
    {
      const char *a, *b;
      gboolean *mark;

      crb_team_get_pair (team, g_array_index (pairs, guint, i), &a, &b);
      mark = g_hash_table_lookup (reviewed, _crb_project_team_story_of (self, a));
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
      story = _crb_project_team_story_of (self, a);
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
      _crb_project_team_not_team (self, error);
      return NULL;
    }
  if (!_crb_project_team_check_sees_all (self, error))
    return NULL;

  figures = crb_team_compute_figures (self->team->team, story_id_of, self);
  if (!measure_links (self, figures, error))
    return NULL;
  return g_steal_pointer (&figures);
}
