/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-adjudication"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-adjudication-view.h"
#include "crb-adjudication-window.h"
#include "crb-error.h"
#include "crb-project-team.h"

/*
 * The adjudication queue of a team project (docs/team.md): the claims on
 * which reviewers differ, those still to settle first; for the claim
 * shown, every reviewer's decision side by side.  The adjudicator takes
 * one (1 … N, or a click on it) or decides anew (A confirm, E correct,
 * X then 1–6 reject); crb_project_adjudicate() records it in their own
 * file, a toast says what was done, and Ctrl+Z takes it back.  The next
 * claim to settle follows.
 *
 * A dialog of the window: it works on the project through the core and
 * tells the window which claim it shows (::claim-shown), never calling it.
 */

typedef struct
{
  char        *claim_id;
  char        *take;
  CrbDecision *decision;
} Pending;

struct _CrbAdjudicationWindow
{
  AdwWindow            parent_instance;

  /* widgets */
  AdwWindowTitle      *title;
  AdwToastOverlay     *toasts;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkListView         *list;
  CrbAdjudicationView *view;

  /* owned */
  CrbProject          *project;
  GSettings           *settings;
  GtkStringList       *queue;
  GtkSingleSelection  *selection;
  char                *claim_id;      /* the claim shown */
  Pending             *pending;       /* waits for the adjudicator's name */

  /* state */
  guint                rebuild_source;
  gboolean             rebuilding;    /* the selection follows, not the view */
  gboolean             filled;
};

G_DEFINE_FINAL_TYPE (CrbAdjudicationWindow, crb_adjudication_window, ADW_TYPE_WINDOW)

enum {
  CLAIM_SHOWN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
pending_free (Pending *pending)
{
  if (pending == NULL)
    return;
  g_free (pending->claim_id);
  g_free (pending->take);
  g_clear_pointer (&pending->decision, crb_decision_free);
  g_free (pending);
}

static char *
ellipsize (const char *text,
           guint       max_chars)
{
  g_autofree char *flat = g_strdup (text ? text : "");

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);

  {
    g_autofree char *head = g_utf8_substring (flat, 0, max_chars - 1);

    return g_strconcat (head, "…", NULL);
  }
}

static gboolean
is_settled (CrbAdjudicationWindow *self,
            const char            *claim_id)
{
  CrbConsensus consensus = CRB_CONSENSUS_NONE;
  g_autoptr (CrbDecision) gold = crb_project_team_dup_gold (self->project, claim_id, &consensus);

  return consensus == CRB_CONSENSUS_ADJUDICATED;
}

static const char *
queue_id (CrbAdjudicationWindow *self,
          guint                  position)
{
  return gtk_string_list_get_string (self->queue, position);
}

static guint
queue_length (CrbAdjudicationWindow *self)
{
  return g_list_model_get_n_items (G_LIST_MODEL (self->queue));
}

static guint
queue_find (CrbAdjudicationWindow *self,
            const char            *claim_id)
{
  for (guint i = 0; claim_id != NULL && i < queue_length (self); i++)
    if (g_strcmp0 (queue_id (self, i), claim_id) == 0)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* ---- the claim shown ---- */

static void
update_title (CrbAdjudicationWindow *self)
{
  guint n = queue_length (self), settled = 0;
  const char *who = crb_project_get_reviewer (self->project);
  g_autofree char *counts = NULL;
  g_autofree char *subtitle = NULL;

  for (guint i = 0; i < n; i++)
    settled += is_settled (self, queue_id (self, i));

  /* Translators: "3 to settle · 2 settled" */
  counts = g_strdup_printf (_("%u to settle · %u settled"), n - settled, settled);
  if (who != NULL)
    /* Translators: the adjudication window's subtitle: "3 to settle · 2 settled · as olga" */
    subtitle = g_strdup_printf (_("%s · as %s"), counts, who);
  else
    subtitle = g_steal_pointer (&counts);
  adw_window_title_set_subtitle (self->title, subtitle);
}

static void
cancel_modes (CrbAdjudicationWindow *self)
{
  crb_adjudication_view_cancel (self->view);
  g_clear_pointer (&self->pending, pending_free);
}

static void
show_claim (CrbAdjudicationWindow *self,
            const char            *claim_id)
{
  if (g_strcmp0 (claim_id, self->claim_id) != 0)
    cancel_modes (self);
  g_free (self->claim_id);
  self->claim_id = g_strdup (claim_id);
  crb_adjudication_view_show (self->view, self->project, claim_id, queue_find (self, claim_id),
                              queue_length (self));
  if (claim_id != NULL)
    g_signal_emit (self, signals[CLAIM_SHOWN], 0, claim_id);
}

static void
on_selected_cb (CrbAdjudicationWindow *self)
{
  GtkStringObject *item = gtk_single_selection_get_selected_item (self->selection);

  if (self->rebuilding || item == NULL)
    return;
  show_claim (self, gtk_string_object_get_string (item));
}

static void
select_position (CrbAdjudicationWindow *self,
                 guint                  position)
{
  if (position == GTK_INVALID_LIST_POSITION || position >= queue_length (self))
    return;
  self->rebuilding = TRUE;
  gtk_single_selection_set_selected (self->selection, position);
  self->rebuilding = FALSE;
  gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
  show_claim (self, queue_id (self, position));
}

/* The next claim to settle after @from, wrapping around. */
static guint
next_to_settle (CrbAdjudicationWindow *self,
                guint                  from)
{
  guint n = queue_length (self);

  for (guint k = 1; k <= n; k++)
    {
      guint i = (from == GTK_INVALID_LIST_POSITION ? k - 1 : from + k) % n;

      if (!is_settled (self, queue_id (self, i)))
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* ---- the queue ---- */

/* The claims on which reviewers differ.  The first time, those still to
 * settle come first; afterwards every claim keeps its place, and new
 * disagreements come at the end, so that the list never jumps under the
 * adjudicator's eyes.
 */
static void
rebuild_queue (CrbAdjudicationWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = crb_project_team_dup_disagreements (self->project, &error);
  g_autoptr (GHashTable) wanted = NULL;
  g_autoptr (GPtrArray) order = g_ptr_array_new ();
  g_autofree char *keep = g_strdup (self->claim_id);
  guint position;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (ids == NULL)
    {
      adw_status_page_set_icon_name (self->empty_page, "view-conceal-symbolic");
      adw_status_page_set_title (self->empty_page, _("Hidden While the Review Is Blind"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  wanted = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (wanted, g_ptr_array_index (ids, i));

  if (!self->filled)
    {
      for (guint pass = 0; pass < 2; pass++)
        for (guint i = 0; i < ids->len; i++)
          if (is_settled (self, g_ptr_array_index (ids, i)) == (pass == 1))
            g_ptr_array_add (order, g_ptr_array_index (ids, i));
      self->filled = TRUE;
    }
  else
    {
      for (guint i = 0; i < queue_length (self); i++)
        {
          const char *id = queue_id (self, i);

          if (g_hash_table_remove (wanted, id))
            g_ptr_array_add (order, (char *) id);
        }
      for (guint i = 0; i < ids->len; i++)
        if (g_hash_table_contains (wanted, g_ptr_array_index (ids, i)))
          g_ptr_array_add (order, g_ptr_array_index (ids, i));
    }
  g_ptr_array_add (order, NULL);

  {
    g_auto (GStrv) copy = g_strdupv ((char **) order->pdata);

    self->rebuilding = TRUE;
    gtk_string_list_splice (self->queue, 0, queue_length (self), (const char * const *) copy);
    self->rebuilding = FALSE;
  }

  update_title (self);
  if (queue_length (self) == 0)
    {
      adw_status_page_set_icon_name (self->empty_page, "object-select-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Disagreements"));
      adw_status_page_set_description (self->empty_page,
                                       _("The reviewers agree on every claim that two or more of them decided."));
      gtk_stack_set_visible_child_name (self->stack, "empty");
      show_claim (self, NULL);
      return;
    }

  gtk_stack_set_visible_child_name (self->stack, "queue");
  position = queue_find (self, keep);
  if (position == GTK_INVALID_LIST_POSITION)
    position = next_to_settle (self, GTK_INVALID_LIST_POSITION);
  select_position (self, position == GTK_INVALID_LIST_POSITION ? 0 : position);
}

static gboolean
rebuild_cb (gpointer user_data)
{
  CrbAdjudicationWindow *self = user_data;

  self->rebuild_source = 0;
  rebuild_queue (self);
  return G_SOURCE_REMOVE;
}

/* Decisions arrive one claim at a time: one rebuild for them all. */
static void
on_claim_decided_cb (CrbAdjudicationWindow *self)
{
  if (self->rebuild_source == 0)
    self->rebuild_source = g_idle_add (rebuild_cb, self);
}

/* ---- adjudicating ---- */

static void
show_error (CrbAdjudicationWindow *self,
            const char            *heading,
            const char            *body)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
toast (CrbAdjudicationWindow *self,
       const char            *title,
       gboolean               with_undo)
{
  AdwToast *t = adw_toast_new (title);

  if (with_undo)
    {
      adw_toast_set_button_label (t, _("_Undo"));
      adw_toast_set_action_name (t, "adjudication.undo");
    }
  adw_toast_set_priority (t, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* The project's reviewer adjudicates; without one, the name set in the
 * app, when it can name a reviewer's file.
 */
static gboolean
ensure_adjudicator (CrbAdjudicationWindow *self)
{
  g_autofree char *name = NULL;

  if (crb_project_team_check_reviewer (self->project, crb_project_get_reviewer (self->project), NULL))
    return TRUE;

  name = g_strstrip (g_settings_get_string (self->settings, "annotator"));
  if (!crb_project_team_check_reviewer (self->project, name, NULL))
    return FALSE;
  crb_project_set_reviewer (self->project, name);
  return TRUE;
}

static char *
describe_done (const char        *take,
               const CrbDecision *decision,
               const char        *short_text)
{
  if (take != NULL)
    /* Translators: "Took ben’s decision on “Seven dead after …”" */
    return g_strdup_printf (_("Took %s’s decision on “%s”"), take, short_text);

  switch (decision->status)
    {
    case CRB_DECISION_STATUS_CORRECTED:
      return g_strdup_printf (_("Corrected “%s”"), short_text);
    case CRB_DECISION_STATUS_REJECTED:
      /* Translators: "Rejected “Seven dead after …” as opinion" */
      return g_strdup_printf (_("Rejected “%s” as %s"), short_text, crb_adjudication_reason_label (decision->reason));
    case CRB_DECISION_STATUS_CONFIRMED:
    case CRB_DECISION_STATUS_PENDING:
    default:
      return g_strdup_printf (_("Confirmed “%s”"), short_text);
    }
}

static void
perform (CrbAdjudicationWindow *self,
         const char            *claim_id,
         const char            *take,
         const CrbDecision     *decision)
{
  g_autoptr (GError) error = NULL;
  CrbClaim *claim = crb_project_find_claim (self->project, claim_id, NULL, NULL);
  g_autofree char *short_text = ellipsize (claim ? crb_claim_get_text (claim) : claim_id, 40);
  g_autofree char *message = NULL;
  guint next;

  if (!crb_project_adjudicate (self->project, claim_id, take, decision, &error))
    {
      show_error (self, _("The Adjudication Could Not Be Recorded"), error->message);
      return;
    }

  message = describe_done (take, decision, short_text);
  toast (self, message, TRUE);

  rebuild_queue (self);
  next = next_to_settle (self, queue_find (self, claim_id));
  if (next != GTK_INVALID_LIST_POSITION)
    select_position (self, next);
  else
    {
      select_position (self, queue_find (self, claim_id));
      toast (self, _("Every disagreement is settled"), FALSE);
    }
}

/* Takes @take's decision or @decision (taken) on the claim shown, once
 * the adjudicator is known.
 */
static void
adjudicate (CrbAdjudicationWindow *self,
            const char            *take,
            CrbDecision           *decision)
{
  g_autoptr (CrbDecision) owned = decision;

  if (self->claim_id == NULL || crb_project_get_read_only (self->project) != NULL)
    return;

  cancel_modes (self);
  if (!ensure_adjudicator (self))
    {
      Pending *pending = g_new0 (Pending, 1);

      pending->claim_id = g_strdup (self->claim_id);
      pending->take = g_strdup (take);
      pending->decision = g_steal_pointer (&owned);
      self->pending = pending;
      crb_adjudication_view_ask_name (self->view, NULL);
      return;
    }

  perform (self, self->claim_id, take, owned);
}

static void
on_name_chosen_cb (CrbAdjudicationWindow *self,
                   const char            *name)
{
  g_autoptr (GError) error = NULL;
  Pending *pending;

  if (!crb_project_team_check_reviewer (self->project, name, &error))
    {
      crb_adjudication_view_ask_name (self->view, error->message);
      return;
    }

  g_settings_set_string (self->settings, "annotator", name);
  crb_project_set_reviewer (self->project, name);
  pending = g_steal_pointer (&self->pending);
  crb_adjudication_view_cancel (self->view);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  update_title (self);
  if (pending != NULL)
    {
      perform (self, pending->claim_id, pending->take, pending->decision);
      pending_free (pending);
    }
}

static void
on_correction_done_cb (CrbAdjudicationWindow *self,
                       const char            *text)
{
  CrbDecision *decision = crb_decision_new (CRB_DECISION_STATUS_CORRECTED);

  decision->corrected_text = g_strdup (text);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  adjudicate (self, NULL, decision);
}

static void
on_cancelled_cb (CrbAdjudicationWindow *self)
{
  g_clear_pointer (&self->pending, pending_free);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
undo_redo (CrbAdjudicationWindow *self,
           gboolean               undo)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *label = undo ? crb_project_dup_undo_label (self->project)
                                : crb_project_dup_redo_label (self->project);
  g_autofree char *claim_id = NULL;
  g_autofree char *message = NULL;

  cancel_modes (self);
  claim_id = undo ? crb_project_undo (self->project, &error) : crb_project_redo (self->project, &error);
  if (claim_id == NULL)
    {
      if (g_error_matches (error, CRB_ERROR, CRB_ERROR_NOTHING_TO_DO))
        toast (self, undo ? _("Nothing to undo") : _("Nothing to redo"), FALSE);
      else
        show_error (self, undo ? _("Undo Failed") : _("Redo Failed"), error->message);
      return;
    }

  rebuild_queue (self);
  select_position (self, queue_find (self, claim_id));
  if (label != NULL)
    /* Translators: "Undid: adjudicated 1 claim" */
    message = g_strdup_printf (undo ? _("Undid: %s") : _("Redid: %s"), label);
  else
    message = g_strdup (undo ? _("Undone") : _("Redone"));
  toast (self, message, FALSE);
}

/* ---- actions and keys ---- */

static void
take_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  adjudicate (CRB_ADJUDICATION_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
take_index (CrbAdjudicationWindow *self,
            guint                  index)
{
  GPtrArray *annotations = crb_adjudication_view_get_annotations (self->view);
  CrbAnnotation *annotation;

  if (annotations == NULL || index >= annotations->len)
    return;
  annotation = g_ptr_array_index (annotations, index);
  adjudicate (self, annotation->reviewer, NULL);
}

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  adjudicate (CRB_ADJUDICATION_WINDOW (widget), NULL, crb_decision_new (CRB_DECISION_STATUS_CONFIRMED));
}

static void
correct_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  CrbAdjudicationWindow *self = CRB_ADJUDICATION_WINDOW (widget);
  CrbClaim *claim = self->claim_id ? crb_project_find_claim (self->project, self->claim_id, NULL, NULL) : NULL;
  GPtrArray *annotations = crb_adjudication_view_get_annotations (self->view);
  const char *text;

  if (claim == NULL)
    return;

  /* A reviewer's correction is the likeliest start. */
  text = crb_claim_get_text (claim);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      CrbAnnotation *annotation = g_ptr_array_index (annotations, i);

      if (annotation->decision->status == CRB_DECISION_STATUS_CORRECTED && annotation->decision->corrected_text)
        {
          text = annotation->decision->corrected_text;
          break;
        }
    }
  g_clear_pointer (&self->pending, pending_free);
  crb_adjudication_view_begin_correction (self->view, text);
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrbAdjudicationWindow *self = CRB_ADJUDICATION_WINDOW (widget);

  g_clear_pointer (&self->pending, pending_free);
  crb_adjudication_view_toggle_reject (self->view);
}

static void
reason_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  int reason = g_variant_get_int32 (parameter);
  CrbDecision *decision;

  if (reason < CRB_REJECT_REASON_FALSE || reason > CRB_REJECT_REASON_WRONG_SPAN)
    return;
  decision = crb_decision_new (CRB_DECISION_STATUS_REJECTED);
  decision->reason = reason;
  adjudicate (CRB_ADJUDICATION_WINDOW (widget), NULL, decision);
}

static void
move (CrbAdjudicationWindow *self,
      int                    delta)
{
  guint position = queue_find (self, self->claim_id);
  guint n = queue_length (self);

  if (n == 0)
    return;
  if (position == GTK_INVALID_LIST_POSITION)
    position = 0;
  else if ((delta < 0 && position == 0) || (delta > 0 && position + 1 >= n))
    return;
  else
    position += delta;
  select_position (self, position);
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  move (CRB_ADJUDICATION_WINDOW (widget), 1);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  move (CRB_ADJUDICATION_WINDOW (widget), -1);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  undo_redo (CRB_ADJUDICATION_WINDOW (widget), TRUE);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  undo_redo (CRB_ADJUDICATION_WINDOW (widget), FALSE);
}

static gboolean
focus_is_editable (CrbAdjudicationWindow *self)
{
  for (GtkWidget *w = gtk_window_get_focus (GTK_WINDOW (self)); w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_EDITABLE (w))
        return TRUE;
      if (GTK_IS_WINDOW (w))
        break;
    }
  return FALSE;
}

/* Single keys, unless a text field has the focus: 1 … N take a reviewer's
 * decision (after X, 1–6 are the reasons to reject), A, E, X decide anew,
 * J and K move, Escape cancels, or closes.
 */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CrbAdjudicationWindow *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  guint digit = 0;

  if (keyval == GDK_KEY_Escape && mods == 0)
    {
      if (crb_adjudication_view_is_asking (self->view))
        crb_adjudication_view_cancel (self->view);
      else
        gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }
  if (mods != 0 || focus_is_editable (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "queue") != 0)
    return FALSE;

  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    digit = keyval - GDK_KEY_0;
  else if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    digit = keyval - GDK_KEY_KP_0;
  if (digit != 0)
    {
      if (crb_adjudication_view_get_reject_mode (self->view))
        gtk_widget_activate_action (GTK_WIDGET (self), "adjudication.reason", "i", (int) digit);
      else
        take_index (self, digit - 1);
      return TRUE;
    }

  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_a:
      return gtk_widget_activate_action (GTK_WIDGET (self), "adjudication.confirm", NULL);
    case GDK_KEY_e:
      return gtk_widget_activate_action (GTK_WIDGET (self), "adjudication.correct", NULL);
    case GDK_KEY_x:
      return gtk_widget_activate_action (GTK_WIDGET (self), "adjudication.reject", NULL);
    case GDK_KEY_j:
    case GDK_KEY_Down:
      return gtk_widget_activate_action (GTK_WIDGET (self), "adjudication.next", NULL);
    case GDK_KEY_k:
    case GDK_KEY_Up:
      return gtk_widget_activate_action (GTK_WIDGET (self), "adjudication.previous", NULL);
    default:
      return FALSE;
    }
}

/* ---- construction ---- */

static void
crb_adjudication_window_dispose (GObject *object)
{
  CrbAdjudicationWindow *self = (CrbAdjudicationWindow *) object;

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  if (self->list != NULL)
    gtk_list_view_set_model (self->list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->queue);
  g_clear_object (&self->settings);
  g_clear_object (&self->project);
  g_clear_pointer (&self->pending, pending_free);

  G_OBJECT_CLASS (crb_adjudication_window_parent_class)->dispose (object);
}

static void
crb_adjudication_window_finalize (GObject *object)
{
  CrbAdjudicationWindow *self = (CrbAdjudicationWindow *) object;

  g_free (self->claim_id);

  G_OBJECT_CLASS (crb_adjudication_window_parent_class)->finalize (object);
}

static void
crb_adjudication_window_class_init (CrbAdjudicationWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_adjudication_window_dispose;
  object_class->finalize = crb_adjudication_window_finalize;

  /**
   * CrbAdjudicationWindow::claim-shown:
   * @claim_id: the claim
   *
   * The window shows another claim: its own window may show it in its
   * article.
   */
  signals[CLAIM_SHOWN] = g_signal_new ("claim-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                       NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "adjudication.take", "s", take_activated);
  gtk_widget_class_install_action (widget_class, "adjudication.confirm", NULL, confirm_activated);
  gtk_widget_class_install_action (widget_class, "adjudication.correct", NULL, correct_activated);
  gtk_widget_class_install_action (widget_class, "adjudication.reject", NULL, reject_activated);
  gtk_widget_class_install_action (widget_class, "adjudication.reason", "i", reason_activated);
  gtk_widget_class_install_action (widget_class, "adjudication.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "adjudication.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "adjudication.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "adjudication.redo", NULL, redo_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "adjudication.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "adjudication.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "adjudication.redo", NULL);
}

static void
crb_adjudication_window_init (CrbAdjudicationWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *undo = gtk_button_new_from_icon_name ("edit-undo-symbolic");
  GtkWidget *paned = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *list_scroller = gtk_scrolled_window_new ();
  GtkWidget *detail_scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkEventController *keys;

  self->settings = g_settings_new (APP_ID);
  gtk_window_set_title (GTK_WINDOW (self), _("Adjudication"));
  gtk_window_set_default_size (GTK_WINDOW (self), 1000, 680);

  self->title = ADW_WINDOW_TITLE (adw_window_title_new (_("Adjudication"), NULL));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (undo), "adjudication.undo");
  gtk_widget_set_tooltip_text (undo, _("Undo (Ctrl+Z)"));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), undo);
  gtk_box_append (GTK_BOX (box), header);

  /* The queue. */
  self->queue = gtk_string_list_new (NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->queue)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selected_cb), self,
                           G_CONNECT_SWAPPED);
  self->list = GTK_LIST_VIEW (gtk_list_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection)), NULL));
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Claims the reviewers disagree on"), -1);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (list_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (list_scroller), GTK_WIDGET (self->list));
  gtk_widget_set_size_request (list_scroller, 320, -1);
  gtk_box_append (GTK_BOX (paned), list_scroller);
  gtk_box_append (GTK_BOX (paned), gtk_separator_new (GTK_ORIENTATION_VERTICAL));

  /* The claim shown, with every reviewer's decision. */
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 600);
  self->view = CRB_ADJUDICATION_VIEW (crb_adjudication_view_new ());
  g_signal_connect_object (self->view, "correction-done", G_CALLBACK (on_correction_done_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "name-chosen", G_CALLBACK (on_name_chosen_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "cancelled", G_CALLBACK (on_cancelled_cb), self, G_CONNECT_SWAPPED);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->view));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (detail_scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (detail_scroller), clamp);
  gtk_widget_set_hexpand (detail_scroller, TRUE);
  gtk_widget_add_css_class (detail_scroller, "view");
  gtk_box_append (GTK_BOX (paned), detail_scroller);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, paned, "queue");
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");
  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, GTK_WIDGET (self->stack));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}

/**
 * crb_adjudication_window_new:
 * @parent: the project's window
 * @project: a team project
 *
 * Returns: (transfer floating): the adjudication queue of @project
 */
GtkWidget *
crb_adjudication_window_new (GtkWindow  *parent,
                             CrbProject *project)
{
  CrbAdjudicationWindow *self;

  g_return_val_if_fail (CRB_IS_PROJECT (project), NULL);

  self = g_object_new (CRB_TYPE_ADJUDICATION_WINDOW, "transient-for", parent, NULL);
  self->project = g_object_ref (project);
  {
    g_autoptr (GtkListItemFactory) factory = crb_adjudication_row_factory_new (project);

    gtk_list_view_set_factory (self->list, factory);
  }
  g_signal_connect_object (project, "claim-decided", G_CALLBACK (on_claim_decided_cb), self, G_CONNECT_SWAPPED);
  rebuild_queue (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
  return GTK_WIDGET (self);
}

/**
 * crb_adjudication_window_get_queue:
 *
 * Returns: (transfer none): the ids of the claims in the queue, in its
 *   order (#GtkStringObject items)
 */
GListModel *
crb_adjudication_window_get_queue (CrbAdjudicationWindow *self)
{
  g_return_val_if_fail (CRB_IS_ADJUDICATION_WINDOW (self), NULL);
  return G_LIST_MODEL (self->queue);
}

/**
 * crb_adjudication_window_get_claim:
 *
 * Returns: (nullable): the id of the claim shown
 */
const char *
crb_adjudication_window_get_claim (CrbAdjudicationWindow *self)
{
  g_return_val_if_fail (CRB_IS_ADJUDICATION_WINDOW (self), NULL);
  return self->claim_id;
}

void
crb_adjudication_window_select_claim (CrbAdjudicationWindow *self,
                                      const char            *claim_id)
{
  g_return_if_fail (CRB_IS_ADJUDICATION_WINDOW (self));
  select_position (self, queue_find (self, claim_id));
}

/**
 * crb_adjudication_window_get_n_shown:
 *
 * Returns: how many reviewers' decisions the claim shown has, side by side
 */
guint
crb_adjudication_window_get_n_shown (CrbAdjudicationWindow *self)
{
  GPtrArray *annotations;

  g_return_val_if_fail (CRB_IS_ADJUDICATION_WINDOW (self), 0);
  annotations = crb_adjudication_view_get_annotations (self->view);
  return annotations ? annotations->len : 0;
}

gboolean
crb_adjudication_window_is_asking_name (CrbAdjudicationWindow *self)
{
  g_return_val_if_fail (CRB_IS_ADJUDICATION_WINDOW (self), FALSE);
  return crb_adjudication_view_is_asking_name (self->view);
}
