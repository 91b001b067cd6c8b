/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "crb-agreement.h"
#include "crb-decision.h"
#include "crb-links.h"
#include "crb-story.h"
#include "crb-types.h"

G_BEGIN_DECLS

/**
 * CrbConsensus:
 * @CRB_CONSENSUS_NONE: no reviewer decided the claim
 * @CRB_CONSENSUS_SINGLE: one reviewer decided it
 * @CRB_CONSENSUS_UNANIMOUS: two reviewers or more, all with one label
 * @CRB_CONSENSUS_MAJORITY: more than half of the reviewers gave one label
 * @CRB_CONSENSUS_DISPUTED: no label has more than half: no gold decision
 * @CRB_CONSENSUS_ADJUDICATED: an adjudicator decided
 *
 * How a claim's gold decision came about.  Its names in files are
 * `none`, `single`, `unanimous`, `majority`, `disputed` and `adjudicated`.
 */
typedef enum
{
  CRB_CONSENSUS_NONE,
  CRB_CONSENSUS_SINGLE,
  CRB_CONSENSUS_UNANIMOUS,
  CRB_CONSENSUS_MAJORITY,
  CRB_CONSENSUS_DISPUTED,
  CRB_CONSENSUS_ADJUDICATED,
  CRB_N_CONSENSUS
} CrbConsensus;

/**
 * CrbTeamView:
 * @CRB_TEAM_VIEW_GOLD: a claim's decision is the team's gold decision
 * @CRB_TEAM_VIEW_OWN: a claim's decision is the viewer's own
 *
 * Which decision a team project's claims show (crb_claim_get_decision()).
 * Blind review shows every reviewer but the owner their own.
 */
typedef enum
{
  CRB_TEAM_VIEW_GOLD,
  CRB_TEAM_VIEW_OWN,
} CrbTeamView;

/**
 * CrbTeamOp:
 * The kinds of record in a reviewer's file: a decision on a claim
 * (`decide`), an adjudication (`adjudicate`), a link made or removed by
 * hand (`link`, `unlink`), and the undoing or redoing of one of the
 * reviewer's own records (`undo`, `redo`).
 */
typedef enum
{
  CRB_TEAM_OP_DECIDE,
  CRB_TEAM_OP_ADJUDICATE,
  CRB_TEAM_OP_LINK,
  CRB_TEAM_OP_UNLINK,
  CRB_TEAM_OP_UNDO,
  CRB_TEAM_OP_REDO,
  CRB_N_TEAM_OPS
} CrbTeamOp;

/**
 * CrbTeamRecord:
 * @seq: the reviewer's sequence number of the record, from 1
 * @op: what it does
 * @time: when, ISO 8601 UTC
 * @claim: decide, adjudicate: the claim; link, unlink: the first claim
 * @other: link, unlink: the second claim
 * @status: decide, adjudicate: the decision's status (decide: pending
 *   takes a decision back)
 * @reason: for a rejection
 * @relation: link: how the claims relate
 * @corrected: (nullable): for a correction
 * @note: (nullable): the reviewer's note
 * @take: (nullable): adjudicate: the reviewer whose decision it takes
 * @resolves: (nullable): adjudicate: the decisions it resolves, as
 *   "REVIEWER:SEQ" words separated by spaces
 * @group: 0, or the seq of the first record of the step it belongs to
 *   (records undone together)
 * @target: undo, redo: the seq of the record undone or redone
 *
 * One record of a reviewer's file, self-contained: with the reviewer's
 * name it is the row a shared database would hold (docs/team.md).
 * Strings are borrowed.
 */
typedef struct
{
  guint32            seq;
  CrbTeamOp          op;
  const char        *time;
  const char        *claim;
  const char        *other;
  CrbDecisionStatus  status;
  CrbRejectReason    reason;
  CrbRelation        relation;
  const char        *corrected;
  const char        *note;
  const char        *take;
  const char        *resolves;
  guint32            group;
  guint32            target;
} CrbTeamRecord;

/**
 * CrbAnnotation:
 * @reviewer: who decided
 * @seq: the record of the reviewer's file that holds the decision
 * @decision: the decision (its annotator is @reviewer)
 *
 * One reviewer's current decision on a claim.
 */
typedef struct
{
  char        *reviewer;
  guint32      seq;
  CrbDecision *decision;
} CrbAnnotation;

/* Labels agreement is measured on: confirmed, corrected, or the reason of
 * a rejection. */
#define CRB_N_TEAM_LABELS 8

const char    *crb_consensus_to_string      (CrbConsensus        consensus);
const char    *crb_team_op_to_string        (CrbTeamOp           op);
gboolean       crb_team_op_from_string      (const char         *string,
                                             CrbTeamOp          *op);
int            crb_team_label               (CrbDecisionStatus   status,
                                             CrbRejectReason     reason);
const char    *crb_team_label_to_string     (int                 label);
gboolean       crb_reviewer_name_is_valid   (const char         *name);
void           crb_annotation_free          (CrbAnnotation      *annotation);

#define CRB_TYPE_TEAM (crb_team_get_type ())

G_DECLARE_FINAL_TYPE (CrbTeam, crb_team, CRB, TEAM, GObject)

CrbTeam       *crb_team_new                 (void);

void           crb_team_set_settings        (CrbTeam            *self,
                                             const char         *owner,
                                             gboolean            blind,
                                             gboolean            revealed);
const char    *crb_team_get_owner           (CrbTeam            *self);
gboolean       crb_team_get_blind           (CrbTeam            *self);
gboolean       crb_team_get_revealed        (CrbTeam            *self);
void           crb_team_set_viewer          (CrbTeam            *self,
                                             const char         *viewer);
const char    *crb_team_get_viewer          (CrbTeam            *self);
void           crb_team_set_view            (CrbTeam            *self,
                                             CrbTeamView         view);
CrbTeamView    crb_team_get_view            (CrbTeam            *self);
gboolean       crb_team_viewer_sees_all     (CrbTeam            *self);

void           crb_team_add_records         (CrbTeam            *self,
                                             const char         *reviewer,
                                             const CrbTeamRecord *records,
                                             guint               n_records,
                                             GHashTable         *changed,
                                             GPtrArray          *problems);
guint32        crb_team_get_max_seq         (CrbTeam            *self,
                                             const char         *reviewer);
gboolean       crb_team_peek_step           (CrbTeam            *self,
                                             const char         *reviewer,
                                             gboolean            redo,
                                             guint               depth,
                                             CrbTeamRecord      *step);

guint          crb_team_get_n_reviewers     (CrbTeam            *self);
const char    *crb_team_get_reviewer        (CrbTeam            *self,
                                             guint               index);
int            crb_team_find_reviewer       (CrbTeam            *self,
                                             const char         *reviewer);
guint          crb_team_get_n_decided       (CrbTeam            *self,
                                             const char         *reviewer);
guint          crb_team_get_n_claims        (CrbTeam            *self);
const char    *crb_team_get_claim_id        (CrbTeam            *self,
                                             guint               index);
int            crb_team_get_label           (CrbTeam            *self,
                                             guint               reviewer,
                                             guint               claim);

CrbDecision   *crb_team_dup_decision        (CrbTeam            *self,
                                             const char         *reviewer,
                                             const char         *claim_id);
GPtrArray     *crb_team_dup_annotations     (CrbTeam            *self,
                                             const char         *claim_id);
CrbDecision   *crb_team_dup_gold            (CrbTeam            *self,
                                             const char         *claim_id,
                                             const CrbDecision  *file_decision,
                                             CrbConsensus       *consensus);
gboolean       crb_team_get_adjudication    (CrbTeam            *self,
                                             const char         *claim_id,
                                             char              **adjudicator,
                                             guint32            *seq,
                                             char              **take,
                                             gboolean           *stale);
char          *crb_team_dup_resolves        (CrbTeam            *self,
                                             const char         *claim_id);
gboolean       crb_team_get_disagreement    (CrbTeam            *self,
                                             const char         *claim_id);
CrbDecision   *crb_team_dup_view            (CrbTeam            *self,
                                             const char         *claim_id,
                                             const CrbDecision  *file_decision);
void           crb_team_apply_views         (CrbTeam            *self,
                                             CrbStory           *story);
CrbConsensus   crb_team_get_consensus       (CrbTeam            *self,
                                             guint               claim);

guint          crb_team_get_n_pairs         (CrbTeam            *self);
void           crb_team_get_pair            (CrbTeam            *self,
                                             guint               index,
                                             const char        **a,
                                             const char        **b);
const char    *crb_team_get_link_state      (CrbTeam            *self,
                                             guint               reviewer,
                                             guint               pair);

void           crb_team_set_assignment      (CrbTeam            *self,
                                             const char         *claim_id,
                                             const char * const *reviewers);
void           crb_team_clear_assignments   (CrbTeam            *self);
const char * const *crb_team_get_assigned   (CrbTeam            *self,
                                             const char         *claim_id);
gboolean       crb_team_has_assignments     (CrbTeam            *self);

/**
 * CrbTeamStoryFunc:
 * @claim_id: a claim of the team's files
 *
 * Returns: (nullable): the id of the story the claim belongs to, or %NULL
 *   when it is not to be counted (not in the project, or left out)
 */
typedef const char *(*CrbTeamStoryFunc) (const char *claim_id,
                                         gpointer    user_data);

/**
 * CrbTeamStoryFigures:
 * @id: the story
 * @items: its claims decided by two reviewers or more
 * @observed: the share of agreeing pairs of decisions on them
 * @fleiss_kappa: Fleiss' κ on them (NaN: undefined)
 * @krippendorff_alpha: Krippendorff's α on them (NaN: undefined)
 */
typedef struct
{
  char   *id;
  guint   items;
  double  observed;
  double  fleiss_kappa;
  double  krippendorff_alpha;
} CrbTeamStoryFigures;

/**
 * CrbTeamFigures:
 * @reviewers: (array zero-terminated=1): every reviewer, by name
 * @reviewer_decisions: the number of claims each reviewer decided
 * @decided: claims decided by one reviewer or more
 * @consensus: claims by #CrbConsensus of their gold decision
 * @labels: decisions by label (crb_team_label_to_string())
 * @decisions: the agreement on the label of claims decided by two
 *   reviewers or more (its coders are @reviewers)
 * @stories: (element-type CrbTeamStoryFigures): the same, story by story,
 *   for stories with such claims
 * @links: (nullable): the agreement on links between claims, when
 *   measured (crb_project_team_compute_agreement())
 * @links_linked_alpha: Krippendorff's α on whether pairs are linked at all
 */
typedef struct
{
  GStrv                reviewers;
  guint               *reviewer_decisions;
  guint                decided;
  guint                consensus[CRB_N_CONSENSUS];
  guint                labels[CRB_N_TEAM_LABELS];
  CrbAgreementFigures *decisions;
  GPtrArray           *stories;
  CrbAgreementFigures *links;
  double               links_linked_alpha;
} CrbTeamFigures;

CrbTeamFigures *crb_team_compute_figures    (CrbTeam            *self,
                                             CrbTeamStoryFunc    story_of,
                                             gpointer            user_data);
void           crb_team_figures_free        (CrbTeamFigures     *figures);
void           crb_team_figures_to_json     (const CrbTeamFigures *figures,
                                             GString            *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbAnnotation, crb_annotation_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbTeamFigures, crb_team_figures_free)

G_END_DECLS
