/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A team project (docs/team.md): several reviewers, each with a file of
 * their own beside the project, merged when the project loads.  The
 * project file changes only by the owner's structural commands. */
#pragma once

#include <gio/gio.h>

#include "crb-model.h"
#include "crb-project.h"

G_BEGIN_DECLS

gboolean        crb_project_is_team                  (CrbProject          *self);
CrbTeam        *crb_project_get_team                 (CrbProject          *self);
const char     *crb_project_team_get_reviews_folder  (CrbProject          *self);

gboolean        crb_project_team_init                (CrbProject          *self,
                                                      const char          *owner,
                                                      gboolean            *changed,
                                                      GError             **error);
gboolean        crb_project_team_set_blind           (CrbProject          *self,
                                                      gboolean             blind,
                                                      GError             **error);
gboolean        crb_project_team_reveal              (CrbProject          *self,
                                                      GError             **error);

void            crb_project_set_reviewer             (CrbProject          *self,
                                                      const char          *reviewer);
const char     *crb_project_get_reviewer             (CrbProject          *self);
gboolean        crb_project_team_check_reviewer      (CrbProject          *self,
                                                      const char          *reviewer,
                                                      GError             **error);
void            crb_project_team_set_view            (CrbProject          *self,
                                                      CrbTeamView          view);
CrbTeamView     crb_project_team_get_view            (CrbProject          *self);
gboolean        crb_project_team_can_see_others      (CrbProject          *self);
gboolean        crb_project_team_is_owner            (CrbProject          *self);

CrbDecision    *crb_project_team_dup_own_decision    (CrbProject          *self,
                                                      const char          *claim_id);
GPtrArray      *crb_project_team_dup_annotations     (CrbProject          *self,
                                                      const char          *claim_id);
CrbDecision    *crb_project_team_dup_gold            (CrbProject          *self,
                                                      const char          *claim_id,
                                                      CrbConsensus        *consensus);
gboolean        crb_project_team_count_story         (CrbProject          *self,
                                                      CrbStory            *story,
                                                      guint               *counts,
                                                      GError             **error);
gboolean        crb_project_team_get_disagreement    (CrbProject          *self,
                                                      const char          *claim_id);
GPtrArray      *crb_project_team_dup_disagreements   (CrbProject          *self,
                                                      GError             **error);
GPtrArray      *crb_project_team_dup_queue           (CrbProject          *self,
                                                      GError             **error);
const char * const *crb_project_team_get_assigned    (CrbProject          *self,
                                                      const char          *claim_id);
gboolean        crb_project_team_is_mine             (CrbProject          *self,
                                                      const char          *claim_id);

gboolean        crb_project_adjudicate               (CrbProject          *self,
                                                      const char          *claim_id,
                                                      const char          *take,
                                                      const CrbDecision   *decision,
                                                      GError             **error);
gboolean        crb_project_team_assign              (CrbProject          *self,
                                                      const char * const  *reviewers,
                                                      guint                per_claim,
                                                      gboolean             reassign,
                                                      guint               *n_assigned,
                                                      GError             **error);
gboolean        crb_project_team_merge_file          (CrbProject          *self,
                                                      GFile               *file,
                                                      char               **reviewer,
                                                      guint               *n_new,
                                                      GError             **error);
CrbTeamFigures *crb_project_team_compute_agreement   (CrbProject          *self,
                                                      GError             **error);

G_END_DECLS
