/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-error.h"
#include "crb-explain.h"
#include "crb-window-private.h"

/*
 * Decisions: confirm, correct, reject with a reason, a note, undo and
 * redo; each journalled by the core at once and announced in a toast with
 * Undo.  Two questions may come first, both inline below the claim, never
 * in a dialog over the review:
 *
 *  - confirming a claim that other outlets contradict asks once whether to
 *    confirm it anyway (A again or Enter: yes; Escape: no);
 *  - the first decision asks for the reviewer's name, recorded with every
 *    decision (never the login name: without a name, "anonymous").
 *
 * A decision waiting for an answer is a CrbStep.
 */

typedef enum
{
  STEP_CONFIRM,
  STEP_CONFIRM_ALL,
  STEP_CONFIRM_AGREEING,
  STEP_REJECT,
  STEP_CORRECT,
  STEP_NOTE,
} StepKind;

struct _CrbStep
{
  StepKind         kind;
  char            *claim_id;
  CrbRejectReason  reason;
  char            *text;
};

static void perform (CrbWindow *self,
                     CrbStep   *step);

void
_crb_step_free (CrbStep *step)
{
  if (step == NULL)
    return;
  g_free (step->claim_id);
  g_free (step->text);
  g_free (step);
}

static CrbStep *
step_new (StepKind    kind,
          CrbClaim   *claim,
          const char *text)
{
  CrbStep *step = g_new0 (CrbStep, 1);

  step->kind = kind;
  step->claim_id = g_strdup (crb_claim_get_id (claim));
  step->text = g_strdup (text);
  return step;
}

static char *
ellipsize (const char *text,
           guint       max_chars)
{
  g_autofree char *flat = g_strdup (text);

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);

  {
    g_autofree char *head = g_utf8_substring (flat, 0, max_chars - 1);

    return g_strconcat (head, "…", NULL);
  }
}

/* The name recorded with decisions: the one the reviewer gave, or none
 * (the core records "anonymous").  Never the login or real name: a
 * published dataset would carry it.
 */
static char *
dup_annotator (CrbWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "annotator");

  if (name != NULL && *g_strstrip (name) != '\0')
    return g_steal_pointer (&name);
  return NULL;
}

static CrbDecision *
new_decision (CrbWindow         *self,
              CrbDecisionStatus  status)
{
  CrbDecision *decision = crb_decision_new (status);

  decision->annotator = dup_annotator (self);
  return decision;
}

/* Runs @step now, or once the reviewer said who they are: the first
 * decision asks, once.  Takes @step.
 */
static void
run (CrbWindow *self,
     CrbStep   *step)
{
  g_autofree char *name = g_settings_get_string (self->settings, "annotator");

  /* Team review: no decision without a reviewer's name (crb-window-team.c). */
  if ((*g_strstrip (name) == '\0' && !g_settings_get_boolean (self->settings, "annotator-asked")) ||
      _crb_window_team_needs_name (self))
    {
      _crb_step_free (self->name_step);
      self->name_step = step;
      _crb_window_reveal_claims (self);
      crb_claim_panel_ask_annotator (self->claim_panel);
      return;
    }

  perform (self, step);
  _crb_step_free (step);
}

static void
on_annotator_chosen_cb (CrbWindow  *self,
                        const char *name)
{
  CrbStep *step = g_steal_pointer (&self->name_step);

  if (name != NULL && *name != '\0')
    g_settings_set_string (self->settings, "annotator", name);
  g_settings_set_boolean (self->settings, "annotator-asked", TRUE);
  _crb_window_focus_review (self);
  if (_crb_window_team_refuses_name (self))   /* team review: crb-window-team.c */
    g_clear_pointer (&step, _crb_step_free);

  if (step != NULL)
    {
      perform (self, step);
      _crb_step_free (step);
    }
}

static void
decide (CrbWindow   *self,
        CrbDecision *decision,
        gboolean     advance)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (CrbClaim) next = NULL;
  g_autofree char *short_text = NULL;
  g_autofree char *message = NULL;

  if (_crb_window_get_current_claim (self) == NULL)
    return;

  claim = g_object_ref (_crb_window_get_current_claim (self));
  if (advance && g_settings_get_boolean (self->settings, "auto-advance"))
    {
      CrbClaim *n = _crb_window_next_pending (self, claim, FALSE);
      next = n ? g_object_ref (n) : NULL;
    }

  if (!crb_project_decide (self->project, crb_claim_get_id (claim), decision, &error))
    {
      _crb_window_show_error (self, _("The Decision Could Not Be Recorded"), error->message);
      return;
    }

  _crb_window_refilter (self);
  if (next != NULL)
    _crb_window_select (self, next);
  else if (_crb_window_claim_position (self, claim) != GTK_INVALID_LIST_POSITION)
    _crb_window_select (self, claim);

  short_text = ellipsize (crb_claim_get_final_text (claim), 40);
  switch (decision->status)
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      message = g_strdup_printf (_("Confirmed “%s”"), short_text);
      break;
    case CRB_DECISION_STATUS_CORRECTED:
      message = g_strdup_printf (_("Corrected “%s”"), short_text);
      break;
    case CRB_DECISION_STATUS_REJECTED:
      message = g_strdup_printf (_("Rejected “%s”"), short_text);
      break;
    case CRB_DECISION_STATUS_PENDING:
    default:
      message = NULL;
      break;
    }

  /* Only a note keeps the claim where it is. */
  if (!advance)
    {
      g_free (message);
      message = g_strdup_printf (_("Note saved on “%s”"), short_text);
    }
  _crb_window_toast (self, message, "win.undo");

  if (advance && next == NULL && _crb_window_next_pending (self, NULL, TRUE) == NULL)
    _crb_window_toast (self, _("Every claim of this story is reviewed"), NULL);
}

/* The pending claims of other articles that agree with @claim. */
static GPtrArray *
agreeing_pending (CrbWindow *self,
                  CrbClaim  *claim)
{
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  CrbAlignment *alignment;

  if (self->story == NULL || claim == NULL)
    return ids;

  alignment = crb_story_get_alignment (self->story);
  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      const char *id = crb_claim_get_id (claim);
      const char *other_id = crb_link_other_end (link, id);
      CrbClaim *other = other_id ? crb_story_lookup_claim (self->story, other_id) : NULL;

      if (other != NULL && link->relation == CRB_RELATION_AGREES &&
          crb_claim_get_status (other) == CRB_DECISION_STATUS_PENDING)
        g_ptr_array_add (ids, g_strdup (other_id));
    }

  return ids;
}

static void
confirm_now (CrbWindow *self)
{
  g_autoptr (CrbDecision) decision = new_decision (self, CRB_DECISION_STATUS_CONFIRMED);
  CrbClaim *claim = _crb_window_get_current_claim (self);
  g_autoptr (GPtrArray) agreeing = agreeing_pending (self, claim);
  g_autofree char *claim_id = claim ? g_strdup (crb_claim_get_id (claim)) : NULL;

  crb_claim_panel_cancel (self->claim_panel);
  decide (self, decision, TRUE);

  /* Offer the same for its agreeing appearances, as one undoable step. */
  if (claim_id != NULL && agreeing->len > 0)
    {
      g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Also confirm this claim in %u other article?",
                                                             "Also confirm this claim in %u other articles?",
                                                             agreeing->len), agreeing->len);
      AdwToast *t = adw_toast_new (title);

      adw_toast_set_button_label (t, _("Confirm _All"));
      adw_toast_set_action_name (t, "claim.confirm-agreeing");
      adw_toast_set_action_target_value (t, g_variant_new_string (claim_id));
      adw_toast_set_timeout (t, 8);
      _crb_window_add_toast (self, t);
    }
}

static void
confirm_agreeing (CrbWindow  *self,
                  CrbClaim   *claim,
                  gboolean    include_claim)
{
  g_autoptr (GPtrArray) ids = agreeing_pending (self, claim);
  g_autoptr (CrbDecision) decision = new_decision (self, CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (GError) error = NULL;
  g_autofree char *message = NULL;
  guint n;

  if (include_claim && crb_claim_get_status (claim) != CRB_DECISION_STATUS_CONFIRMED)
    g_ptr_array_insert (ids, 0, g_strdup (crb_claim_get_id (claim)));
  if (ids->len == 0)
    return;

  n = ids->len;
  g_ptr_array_add (ids, NULL);
  if (!crb_project_decide_many (self->project, (const char * const *) ids->pdata, decision, &error))
    {
      _crb_window_show_error (self, _("The Decision Could Not Be Recorded"), error->message);
      return;
    }

  _crb_window_refilter (self);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Confirmed %u claim as one step",
                                          "Confirmed %u claims as one step", n), n);
  _crb_window_toast (self, message, "win.undo");
}

static void
confirm_all_now (CrbWindow *self)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  g_autoptr (CrbClaim) keep = claim ? g_object_ref (claim) : NULL;
  CrbClaim *next;

  if (keep == NULL)
    return;

  crb_claim_panel_cancel (self->claim_panel);
  next = _crb_window_next_pending (self, keep, FALSE);
  if (next != NULL)
    g_object_ref (next);
  confirm_agreeing (self, keep, TRUE);
  if (next != NULL)
    {
      _crb_window_select (self, crb_claim_get_status (next) == CRB_DECISION_STATUS_PENDING ? next
                                                                                       : _crb_window_next_pending (self, next, FALSE));
      g_object_unref (next);
    }
}

/* Carries out a decision that needs no more asking. */
static void
perform (CrbWindow *self,
         CrbStep   *step)
{
  g_autoptr (CrbDecision) decision = NULL;
  CrbClaim *current = _crb_window_get_current_claim (self);
  CrbClaim *claim = NULL;

  if (self->project == NULL || _crb_window_is_read_only (self))
    return;

  /* The claim the question was about, even if the selection moved. */
  if (current == NULL || g_strcmp0 (crb_claim_get_id (current), step->claim_id) != 0)
    crb_window_select_claim (self, step->claim_id);
  current = _crb_window_get_current_claim (self);
  if (current != NULL && g_strcmp0 (crb_claim_get_id (current), step->claim_id) == 0)
    claim = current;

  switch (step->kind)
    {
    case STEP_CONFIRM:
      if (claim != NULL)
        confirm_now (self);
      break;
    case STEP_CONFIRM_ALL:
      if (claim != NULL)
        confirm_all_now (self);
      break;
    case STEP_CONFIRM_AGREEING:
      claim = crb_project_find_claim (self->project, step->claim_id, NULL, NULL);
      if (claim != NULL)
        confirm_agreeing (self, claim, FALSE);
      break;
    case STEP_REJECT:
      if (claim == NULL)
        break;
      crb_claim_panel_set_reject_mode (self->claim_panel, FALSE);
      decision = new_decision (self, CRB_DECISION_STATUS_REJECTED);
      decision->reason = step->reason;
      decide (self, decision, TRUE);
      break;
    case STEP_CORRECT:
      if (claim == NULL)
        break;
      decision = new_decision (self, CRB_DECISION_STATUS_CORRECTED);
      decision->corrected_text = g_strdup (step->text);
      decide (self, decision, TRUE);
      break;
    case STEP_NOTE:
      {
        const CrbDecision *before = claim ? crb_claim_get_decision (claim) : NULL;

        if (claim == NULL)
          break;
        decision = before ? crb_decision_copy (before) : new_decision (self, CRB_DECISION_STATUS_PENDING);
        g_clear_pointer (&decision->time, g_free);
        g_free (decision->annotator);
        decision->annotator = dup_annotator (self);
        g_free (decision->note);
        decision->note = step->text && *step->text ? g_strdup (step->text) : NULL;
        decide (self, decision, FALSE);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Confirming a claim that other outlets contradict asks first, inline;
 * asked for the same claim already, it is the answer (A again).
 */
static void
confirm_asking (CrbWindow *self,
                StepKind   kind)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  g_autoptr (GPtrArray) lines = NULL;
  g_autofree char *heading = NULL;
  g_autoptr (GString) body = NULL;
  guint n_outlets = 0;

  if (claim == NULL)
    return;

  if (self->confirm_step != NULL && crb_claim_panel_is_asking_confirm (self->claim_panel) &&
      g_strcmp0 (self->confirm_step->claim_id, crb_claim_get_id (claim)) == 0)
    {
      _crb_window_confirm_anyway (self);
      return;
    }

  lines = crb_explain_contradictions (self->story, claim, &n_outlets);
  if (lines->len == 0)
    {
      run (self, step_new (kind, claim, NULL));
      return;
    }

  crb_claim_panel_cancel (self->claim_panel);
  _crb_step_free (self->confirm_step);
  self->confirm_step = step_new (kind, claim, NULL);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outlet contradicts this claim",
                                          "%u outlets contradict this claim", n_outlets),
                             n_outlets);
  body = g_string_new (NULL);
  for (guint i = 0; i < lines->len && i < 3; i++)
    g_string_append_printf (body, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (lines, i));
  if (lines->len > 3)
    {
      guint more = lines->len - 3;

      g_string_append_c (body, '\n');
      g_string_append_printf (body, g_dngettext (GETTEXT_PACKAGE, "and %u more", "and %u more", more), more);
    }
  _crb_window_reveal_claims (self);
  crb_claim_panel_ask_confirm (self->claim_panel, heading, body->str);
}

void
_crb_window_confirm (CrbWindow *self)
{
  confirm_asking (self, STEP_CONFIRM);
}

void
_crb_window_confirm_all (CrbWindow *self)
{
  confirm_asking (self, STEP_CONFIRM_ALL);
}

/* Confirm Anyway: the answer to the question confirm_asking() asked. */
void
_crb_window_confirm_anyway (CrbWindow *self)
{
  CrbStep *step = g_steal_pointer (&self->confirm_step);

  if (step == NULL)
    return;
  crb_claim_panel_cancel (self->claim_panel);
  run (self, step);
}

void
_crb_window_confirm_agreeing (CrbWindow  *self,
                              const char *claim_id)
{
  CrbClaim *claim = self->project ? crb_project_find_claim (self->project, claim_id, NULL, NULL) : NULL;

  if (claim != NULL)
    run (self, step_new (STEP_CONFIRM_AGREEING, claim, NULL));
}

void
_crb_window_reject_for (CrbWindow       *self,
                        CrbRejectReason  reason)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  CrbStep *step;

  if (claim == NULL || reason < CRB_REJECT_REASON_FALSE || reason > CRB_REJECT_REASON_WRONG_SPAN)
    return;

  crb_claim_panel_set_reject_mode (self->claim_panel, FALSE);
  step = step_new (STEP_REJECT, claim, NULL);
  step->reason = reason;
  run (self, step);
}

static void
on_correction_done_cb (CrbWindow  *self,
                       const char *text)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);

  _crb_window_focus_review (self);
  if (claim == NULL || text == NULL || *text == '\0' || g_strcmp0 (text, crb_claim_get_text (claim)) == 0)
    return;

  run (self, step_new (STEP_CORRECT, claim, text));
}

static void
on_note_done_cb (CrbWindow  *self,
                 const char *text)
{
  CrbClaim *claim = _crb_window_get_current_claim (self);
  const CrbDecision *current;

  _crb_window_focus_review (self);
  if (claim == NULL)
    return;

  current = crb_claim_get_decision (claim);
  if (g_strcmp0 (current ? current->note : NULL, *text ? text : NULL) == 0)
    return;

  run (self, step_new (STEP_NOTE, claim, text));
}

/* An editor, the reasons or a question closed without an answer: a
 * decision waiting for it is dropped.
 */
static void
on_editing_cancelled_cb (CrbWindow *self)
{
  g_clear_pointer (&self->confirm_step, _crb_step_free);
  g_clear_pointer (&self->name_step, _crb_step_free);
  _crb_window_focus_review (self);
}

/* Undo and redo say what they did, in the core's words taken before the
 * step ("Undid: confirmed 3 claims"), and offer the way back.  Undo takes
 * back the window's last step, whatever its kind: a decision, a link, an
 * article's details.
 */
void
_crb_window_undo_redo (CrbWindow *self,
                       gboolean   undo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *label = NULL;
  g_autofree char *message = NULL;
  CrbArticleView *view;
  AdwToast *toast;

  crb_claim_panel_cancel (self->claim_panel);
  if (undo)
    {
      label = crb_project_dup_undo_label (self->project);
      subject = crb_project_undo (self->project, &error);
    }
  else
    {
      label = crb_project_dup_redo_label (self->project);
      subject = crb_project_redo (self->project, &error);
    }
  if (subject == NULL)
    {
      if (!g_error_matches (error, CRB_ERROR, CRB_ERROR_NOTHING_TO_DO))
        _crb_window_show_error (self, undo ? _("Undo Failed") : _("Redo Failed"), error->message);
      return;
    }

  _crb_window_refilter (self);
  /* The step was a claim's (its decision or link) or an article's. */
  view = _crb_window_view_for_article (self, subject);
  if (view != NULL || (self->story != NULL && crb_story_lookup_article (self->story, subject) != NULL))
    _crb_window_scroll_to_article (self, subject);
  else
    crb_window_select_claim (self, subject);

  if (undo)
    /* Translators: a toast; %s is what was undone: "confirmed 3 claims" */
    message = label ? g_strdup_printf (_("Undid: %s"), label) : g_strdup (_("Undid the last step"));
  else
    /* Translators: a toast; %s is what was done again: "confirmed 3 claims" */
    message = label ? g_strdup_printf (_("Redid: %s"), label) : g_strdup (_("Redid the last step"));
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, undo ? _("_Redo") : _("_Undo"));
  adw_toast_set_action_name (toast, undo ? "win.redo" : "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  _crb_window_add_toast (self, toast);
}

void
_crb_window_decide_init (CrbWindow *self)
{
  g_signal_connect_swapped (self->claim_panel, "correction-done", G_CALLBACK (on_correction_done_cb), self);
  g_signal_connect_swapped (self->claim_panel, "note-done", G_CALLBACK (on_note_done_cb), self);
  g_signal_connect_swapped (self->claim_panel, "editing-cancelled", G_CALLBACK (on_editing_cancelled_cb), self);
  g_signal_connect_swapped (self->claim_panel, "annotator-chosen", G_CALLBACK (on_annotator_chosen_cb), self);
}

void
_crb_window_decide_dispose (CrbWindow *self)
{
  g_clear_pointer (&self->confirm_step, _crb_step_free);
  g_clear_pointer (&self->name_step, _crb_step_free);
}
