/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-adjudication-window.h"
#include "crb-project-team.h"
#include "crb-window-private.h"

/*
 * The window in a team project (docs/team.md): the reviewer is the name
 * set in the app (Preferences, or asked inline at the first decision),
 * which must be able to name a reviewer's file; without one nothing is
 * decided.  A blind review shows the reviewer their own decisions only
 * and says so in the title; in any team project the claims still to
 * review ("pending", J, A's next claim) are the reviewer's queue: the
 * claims assigned to them that they have not decided.  The owner, or
 * anyone who sees every reviewer's decisions, settles disagreements in
 * the adjudication window (win.adjudicate, Ctrl+D).
 *
 * Everything here is called from small hooks in the window's other files.
 */

static gboolean
is_team (CrbWindow *self)
{
  return self->project != NULL && crb_project_is_team (self->project);
}

/* The name set in the app, when it can name a reviewer; else %NULL. */
static char *
dup_valid_name (CrbWindow *self)
{
  g_autofree char *name = g_settings_get_string (self->settings, "annotator");

  g_strstrip (name);
  if (self->project == NULL || !crb_project_team_check_reviewer (self->project, name, NULL))
    return NULL;
  return g_steal_pointer (&name);
}

/* The project's reviewer follows the name set in the app; the view
 * follows what the reviewer may see.
 */
static gboolean
sync_reviewer (CrbWindow *self)
{
  g_autofree char *name = NULL;
  CrbTeamView view;
  gboolean changed;

  if (!is_team (self))
    return FALSE;

  name = dup_valid_name (self);
  changed = g_strcmp0 (name, crb_project_get_reviewer (self->project)) != 0;
  if (changed)
    crb_project_set_reviewer (self->project, name);
  view = crb_project_team_can_see_others (self->project) ? CRB_TEAM_VIEW_GOLD : CRB_TEAM_VIEW_OWN;
  if (view != crb_project_team_get_view (self->project))
    {
      crb_project_team_set_view (self->project, view);
      changed = TRUE;
    }
  return changed;
}

static void
on_annotator_changed_cb (CrbWindow *self)
{
  if (!sync_reviewer (self))
    return;

  /* Another reviewer, another queue and other decisions shown. */
  _crb_window_refilter (self);
  _crb_window_claim_selected (self);
  _crb_window_update_title (self);
  _crb_window_update_actions (self);
}

/**
 * _crb_window_team_project_set:
 *
 * The window shows another project (or none): a team project takes the
 * reviewer's name from the app, and the name question says that it is
 * needed.
 */
void
_crb_window_team_project_set (CrbWindow *self)
{
  g_signal_handlers_disconnect_by_func (self->settings, on_annotator_changed_cb, self);
  crb_claim_panel_set_name_required (self->claim_panel, is_team (self));
  if (!is_team (self))
    return;

  g_signal_connect_object (self->settings, "changed::annotator", G_CALLBACK (on_annotator_changed_cb), self,
                           G_CONNECT_SWAPPED);
  sync_reviewer (self);
}

/**
 * _crb_window_team_is_pending:
 *
 * Returns: whether @claim is still to review: pending, or in a team
 *   project in the reviewer's queue (assigned to them, or to no one in
 *   particular, and not decided by them)
 */
gboolean
_crb_window_team_is_pending (CrbWindow *self,
                             CrbClaim  *claim)
{
  const char *id = crb_claim_get_id (claim);
  g_autoptr (CrbDecision) own = NULL;

  if (!is_team (self))
    return crb_claim_get_status (claim) == CRB_DECISION_STATUS_PENDING;
  if (!crb_project_team_is_mine (self->project, id))
    return FALSE;
  if (crb_project_team_get_view (self->project) == CRB_TEAM_VIEW_OWN)
    return crb_claim_get_status (claim) == CRB_DECISION_STATUS_PENDING;

  own = crb_project_team_dup_own_decision (self->project, id);
  return own == NULL || own->status == CRB_DECISION_STATUS_PENDING;
}

/**
 * _crb_window_team_needs_name:
 *
 * Returns: whether the project is a team's and the name set in the app
 *   cannot name a reviewer: a decision must ask for it first
 */
gboolean
_crb_window_team_needs_name (CrbWindow *self)
{
  g_autofree char *name = NULL;

  if (!is_team (self))
    return FALSE;
  name = dup_valid_name (self);
  if (name != NULL)
    on_annotator_changed_cb (self);
  return name == NULL;
}

/**
 * _crb_window_team_refuses_name:
 *
 * After the name question: in a team project without a name that can
 * name a reviewer, says why nothing was decided.
 *
 * Returns: whether the decision waiting for the name is to be dropped
 */
gboolean
_crb_window_team_refuses_name (CrbWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!_crb_window_team_needs_name (self))
    return FALSE;

  name = g_strstrip (g_settings_get_string (self->settings, "annotator"));
  if (*name == '\0' || g_strcmp0 (name, CRB_ANONYMOUS_ANNOTATOR) == 0)
    message = g_strdup (_("Nothing decided: in a team project every decision names its reviewer"));
  else
    /* Translators: %s is the name typed; it names the reviewer's file */
    message = g_strdup_printf (_("Nothing decided: “%s” cannot name a reviewer; use letters, digits and - _ . @ +, "
                                 "without spaces"), name);
  _crb_window_toast (self, message, NULL);
  return TRUE;
}

/**
 * _crb_window_team_update_title:
 *
 * In a team project the subtitle says whose decisions the window shows
 * and how far the reviewer is.
 */
void
_crb_window_team_update_title (CrbWindow *self)
{
  const char *reviewer;
  g_autofree char *progress = NULL;
  g_autofree char *subtitle = NULL;
  GListModel *stories;
  guint n = 0;

  if (!is_team (self))
    return;

  stories = crb_project_get_stories (self->project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);

      n += crb_story_get_n_claims (story);
    }

  reviewer = crb_project_get_reviewer (self->project);
  if (reviewer != NULL)
    /* Translators: "ana: 12 of 80 claims decided" */
    progress = g_strdup_printf (_("%s: %u of %u claims decided"), reviewer,
                                MIN (crb_team_get_n_decided (crb_project_get_team (self->project), reviewer), n),
                                n);
  else
    progress = g_strdup (_("your name is needed to review"));

  if (!crb_project_team_can_see_others (self->project))
    /* Translators: the window's subtitle in a blind review; %s: "ana: 12 of 80 claims decided" */
    subtitle = g_strdup_printf (_("Blind review — your decisions only · %s"), progress);
  else
    /* Translators: the window's subtitle in a team project; %s: "ana: 12 of 80 claims decided" */
    subtitle = g_strdup_printf (_("Team review · %s"), progress);
  adw_window_title_set_subtitle (self->window_title, subtitle);
}

/**
 * _crb_window_team_update_actions:
 *
 * Adjudication is for a team project whose reviewer sees every
 * reviewer's decisions.
 */
void
_crb_window_team_update_actions (CrbWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.adjudicate",
                                 is_team (self) && !self->busy &&
                                 crb_project_team_can_see_others (self->project));
}

/* The adjudication window shows a claim: the articles show it too. */
static void
on_claim_shown_cb (CrbWindow  *self,
                   const char *claim_id)
{
  crb_window_select_claim (self, claim_id);
}

static void
adjudicate_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *window;

  if (!is_team (self))
    return;

  crb_claim_panel_cancel (self->claim_panel);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GtkWindow) other = g_list_model_get_item (toplevels, i);

      if (CRB_IS_ADJUDICATION_WINDOW (other) && gtk_window_get_transient_for (other) == GTK_WINDOW (self))
        {
          gtk_window_present (other);
          return;
        }
    }

  window = crb_adjudication_window_new (GTK_WINDOW (self), self->project);
  g_signal_connect_object (window, "claim-shown", G_CALLBACK (on_claim_shown_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

void
_crb_window_class_team_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.adjudicate", NULL, adjudicate_activated);
  /* Ctrl+D: Ctrl+Shift+D is GTK's, it opens the inspector. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_d, GDK_CONTROL_MASK, "win.adjudicate", NULL);
}
