/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crb-project.h"
#include "crb-team.h"

G_BEGIN_DECLS

/**
 * CrbFigurePoint:
 * @outlet: who reported it
 * @date: (nullable): the date of the article, ISO 8601
 * @value: the figure
 * @text: the figure as people write it: "at least 133 killed"
 */
typedef struct
{
  char   *outlet;
  char   *date;
  double  value;
  char   *text;
} CrbFigurePoint;

/**
 * CrbFigure:
 * @label: what is counted, translated: "Deaths"
 * @story: the story's title
 * @claim: the text of the fact's first claim, to tell the fact
 * @points: (element-type CrbFigurePoint): the values by outlet and date,
 *   by date
 *
 * A figure of a fact that outlets report differently.
 */
typedef struct
{
  char      *label;
  char      *story;
  char      *claim;
  GPtrArray *points;
} CrbFigure;

/**
 * CrbArticleStats:
 * @story: the story's title
 * @outlet: the article's outlet, or its id
 * @title: (nullable): its title
 * @counts: its claims per status (#CrbDecisionStatus)
 * @n_contested: its claims that another outlet's claim conflicts with
 * @n_conflicts: the conflicting links of its claims
 * @standing: the outlets that contradict it, and on how many facts
 */
typedef struct
{
  char    *story;
  char    *outlet;
  char    *title;
  guint    counts[CRB_N_DECISION_STATUSES];
  guint    n_contested;
  guint    n_conflicts;
  guint    n_contradicted;
  guint    n_conflict_facts;
} CrbArticleStats;

/**
 * CrbStats:
 * @counts: every claim per status
 * @open_conflicts: conflicting links with a claim still pending
 * @outlets: (element-type utf8): the outlets, by name
 * @agree: n × n: the facts on which outlets i and j agree (and do not
 *   conflict)
 * @conflict: n × n: the facts on which they conflict
 * @figures: (element-type CrbFigure): the figures reported differently
 * @articles: (element-type CrbArticleStats): per article, story by story
 * @notes: (element-type utf8): what the alignment of big stories left out,
 *   "STORY: note", in the reviewer's words
 * @team: (nullable): in a team project, how well the reviewers agree
 *   (docs/team.md), when the reviewer may see it
 * @team_stories: (element-type utf8) (nullable): the titles of the
 *   stories of @team's figures, in their order
 * @team_hidden: (nullable): in a team project, why the agreement is not
 *   shown (a blind review, to anyone but its owner)
 *
 * What the statistics window shows, counted from a project.
 */
typedef struct
{
  guint      counts[CRB_N_DECISION_STATUSES];
  guint      open_conflicts;
  GPtrArray *outlets;
  guint     *agree;
  guint     *conflict;
  GPtrArray *figures;
  GPtrArray *articles;
  GPtrArray *notes;
  CrbTeamFigures *team;
  GPtrArray *team_stories;
  char      *team_hidden;
} CrbStats;

CrbStats   *crb_stats_compute        (CrbProject   *project,
                                      GCancellable *cancellable,
                                      GError      **error);
void        crb_stats_free           (CrbStats     *stats);
int         crb_stats_outlet_index   (CrbStats     *stats,
                                      const char   *outlet);
guint       crb_stats_agree          (CrbStats     *stats,
                                      const char   *a,
                                      const char   *b);
guint       crb_stats_conflict       (CrbStats     *stats,
                                      const char   *a,
                                      const char   *b);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbStats, crb_stats_free)

G_END_DECLS
