/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export-team.c: one gold dataset from a team's reviews.  Every record
 * is written from the claim's gold decision (adjudicated, else unanimous,
 * else a majority's; disputed claims left out unless asked for), and the
 * native records carry every reviewer's decision and how the gold one
 * came about (docs/team.md, docs/export-formats.md). */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-export-private.h"

#include "crb-story-private.h"

/* The line's decisions become the gold ones; the line is the export's own. */
void
_crb_export_apply_team (StoryCtx *ctx)
{
  CrbTeam *team = ctx->options->team;
  GArray *claims = ctx->line->claims;

  if (team == NULL)
    return;

  ctx->consensus = g_new0 (guint8, MAX (claims->len, 1));
  for (guint i = 0; i < claims->len; i++)
    {
      CrbLineClaim *claim = &g_array_index (claims, CrbLineClaim, i);
      CrbConsensus consensus;
      CrbDecision *gold = crb_team_dup_gold (team, string_of (ctx, claim->id), claim->decision, &consensus);

      crb_decision_free (claim->decision);
      claim->decision = gold;
      ctx->consensus[i] = consensus;
    }
}

/* How claim @index's decision came about: a decision of a project that is
 * not a team's is a single reviewer's.
 */
CrbConsensus
_crb_export_consensus (StoryCtx *ctx,
                       guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);

  if (ctx->consensus != NULL)
    return ctx->consensus[index];
  return crb_decision_get_status (claim->decision) == CRB_DECISION_STATUS_PENDING ? CRB_CONSENSUS_NONE
                                                                                  : CRB_CONSENSUS_SINGLE;
}

/* Whether claim @index has a record: as its status and the options say,
 * and a disputed claim only when asked for.
 */
gboolean
_crb_export_included (StoryCtx *ctx,
                      guint     index)
{
  const CrbExportOptions *options = ctx->options;
  CrbDecisionStatus status = crb_decision_get_status (claim_at (ctx, index)->decision);

  if (_crb_export_consensus (ctx, index) == CRB_CONSENSUS_DISPUTED)
    return options->include_disputed;
  return !((status == CRB_DECISION_STATUS_PENDING && !options->include_pending) ||
           (status == CRB_DECISION_STATUS_REJECTED && !options->include_rejected));
}

static GPtrArray *
annotations_of (StoryCtx *ctx,
                guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  GPtrArray *annotations = NULL;

  if (ctx->options->team != NULL)
    annotations = crb_team_dup_annotations (ctx->options->team, string_of (ctx, claim->id));
  else
    annotations = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_annotation_free);

  /* A decision no reviewer's file holds: the project file's. */
  if (annotations->len == 0 && _crb_export_consensus (ctx, index) == CRB_CONSENSUS_SINGLE &&
      claim->decision != NULL)
    {
      CrbAnnotation *annotation = g_new0 (CrbAnnotation, 1);

      annotation->reviewer = g_strdup (claim->decision->annotator);
      annotation->decision = crb_decision_copy (claim->decision);
      g_ptr_array_add (annotations, annotation);
    }
  return annotations;
}

/* `,"annotations":[…],"agreement":…` of claim @index's native record. */
void
_crb_export_write_annotations (GString  *out,
                               StoryCtx *ctx,
                               guint     index)
{
  g_autoptr (GPtrArray) annotations = annotations_of (ctx, index);
  CrbConsensus consensus = _crb_export_consensus (ctx, index);

  append_literal (out, ",\"annotations\":[");
  for (guint i = 0; i < annotations->len; i++)
    {
      const CrbAnnotation *annotation = g_ptr_array_index (annotations, i);
      const CrbDecision *d = annotation->decision;

      if (i > 0)
        g_string_append_c (out, ',');
      append_literal (out, "{\"annotator\":");
      crb_json_append_string (out, _crb_export_annotator (ctx, d));
      append_literal (out, ",\"status\":");
      crb_json_append_word (out, crb_decision_status_to_string (d->status));
      append_literal (out, ",\"reject_reason\":");
      crb_json_append_string (out, crb_reject_reason_to_string (d->reason));
      append_literal (out, ",\"corrected_text\":");
      crb_json_append_string (out, crb_decision_get_correction (d));
      append_literal (out, ",\"note\":");
      crb_json_append_string (out, d->note);
      append_literal (out, ",\"time\":");
      crb_json_append_string (out, d->time);
      g_string_append_c (out, '}');
    }
  append_literal (out, "],\"agreement\":");
  if (consensus == CRB_CONSENSUS_NONE)
    append_literal (out, "null");
  else
    crb_json_append_word (out, crb_consensus_to_string (consensus));
}

/* The reviewers a dataset card counts for claim @index: every reviewer
 * whose decision its record carries.
 */
void
_crb_export_add_annotators (StoryCtx  *ctx,
                            guint      index,
                            GPtrArray *names)
{
  g_autoptr (GPtrArray) annotations = annotations_of (ctx, index);

  for (guint i = 0; i < annotations->len; i++)
    g_ptr_array_add (names, g_strdup (_crb_export_annotator (ctx, ((CrbAnnotation *) g_ptr_array_index (annotations, i))->decision)));
}

/* How many records a team project's story gives (its header counts the
 * project file's decisions, not the team's).
 */
guint
_crb_export_team_records (CrbStory               *story,
                          const CrbExportOptions *options)
{
  g_auto (CrbStoryLine) line = { NULL, };
  StoryCtx ctx = { 0, };
  guint n = 0;

  if (!_crb_story_read_line (story, &line, NULL))
    return 0;

  ctx.line = &line;
  ctx.doc = line.doc;
  ctx.options = options;
  _crb_export_apply_team (&ctx);
  for (guint i = 0; i < line.claims->len; i++)
    n += _crb_export_included (&ctx, i);
  g_free (ctx.consensus);
  return n;
}
