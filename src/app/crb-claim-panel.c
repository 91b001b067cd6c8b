/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-claim-panel"

#include "config.h"

#include <glib/gi18n.h>

#include <adwaita.h>

#include "crb-claim-links.h"
#include "crb-claim-panel.h"
#include "crb-explain.h"
#include "crb-format.h"
#include "crb-widgets.h"

/*
 * The selected claim: its status, text, kind, score and reasons, its values,
 * its decision and history, the buttons of the review loop, and the inline
 * editors for a correction and a note (Enter saves, Escape cancels).
 */

struct _CrbClaimPanel
{
  GtkWidget   parent_instance;

  CrbClaim   *claim;
  CrbStory   *story;
  gulong      notify_id;

  GtkWidget  *box;
  GtkWidget  *placeholder;
  GtkWidget  *content;
  GtkWidget  *details_scroller;
  GtkWidget  *details;
  GtkWidget  *actions;
  GtkWidget  *status_label;
  GtkWidget  *kind_label;
  GtkWidget  *score_label;
  GtkWidget  *text_label;
  GtkWidget  *original_label;
  GtkWidget  *correct_revealer;
  GtkWidget  *correct_view;
  GtkWidget  *reject_revealer;
  GtkWidget  *note_revealer;
  GtkWidget  *note_entry;
  GtkWidget  *reasons_label;
  GtkWidget  *values_grid;
  GtkWidget  *decision_label;
  GtkWidget  *history_label;
  GtkWidget  *badges_label;
  GtkWidget  *links;
  GtkWidget  *confirm_revealer;
  GtkWidget  *confirm_heading;
  GtkWidget  *confirm_body;
  GtkWidget  *confirm_button;
  GtkWidget  *name_revealer;
  GtkWidget  *name_entry;
  GtkWidget  *name_anonymous;   /* team review: hidden when a name is required */
  GtkWidget  *name_body;
  GtkWidget  *name_footer;
  GtkWidget  *decide_box;
};

G_DEFINE_FINAL_TYPE (CrbClaimPanel, crb_claim_panel, GTK_TYPE_WIDGET)

enum {
  CORRECTION_DONE,
  NOTE_DONE,
  EDITING_CANCELLED,
  ANNOTATOR_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char * const status_classes[] = {
  "crb-pending", "crb-confirmed", "crb-corrected", "crb-rejected",
};

static const char *
status_label (CrbDecisionStatus status)
{
  switch (status)
    {
    case CRB_DECISION_STATUS_PENDING:
      return _("Pending");
    case CRB_DECISION_STATUS_CONFIRMED:
      return _("Confirmed");
    case CRB_DECISION_STATUS_CORRECTED:
      return _("Corrected");
    case CRB_DECISION_STATUS_REJECTED:
      return _("Rejected");
    default:
      return "";
    }
}

static const char *
reason_label (CrbRejectReason reason)
{
  switch (reason)
    {
    case CRB_REJECT_REASON_FALSE:
      return _("false");
    case CRB_REJECT_REASON_UNVERIFIABLE:
      return _("unverifiable");
    case CRB_REJECT_REASON_OPINION:
      return _("opinion");
    case CRB_REJECT_REASON_NOT_A_CLAIM:
      return _("not a claim");
    case CRB_REJECT_REASON_DUPLICATE:
      return _("duplicate");
    case CRB_REJECT_REASON_WRONG_SPAN:
      return _("wrong span");
    case CRB_REJECT_REASON_NONE:
    default:
      return "";
    }
}

static char *
describe_decision (const CrbDecision *d)
{
  g_autoptr (GString) s = g_string_new (NULL);
  g_autofree char *what = NULL;

  if (d->status == CRB_DECISION_STATUS_REJECTED)
    /* Translators: "Rejected (opinion)" */
    what = g_strdup_printf (_("%s (%s)"), status_label (d->status), reason_label (d->reason));
  else
    what = g_strdup (status_label (d->status));

  if (d->annotator != NULL)
    /* Translators: "Confirmed by Ana"; the first %s is the status */
    g_string_append_printf (s, _("%s by %s"), what, d->annotator);
  else
    g_string_append (s, what);
  if (d->time != NULL)
    {
      g_autoptr (GDateTime) utc = g_date_time_new_from_iso8601 (d->time, NULL);
      g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;
      /* Translators: date and time of a decision, see g_date_time_format() */
      g_autofree char *when = local ? g_date_time_format (local, _("%-d %b %Y, %H:%M")) : NULL;

      if (when != NULL)
        g_string_append_printf (s, " · %s", g_strstrip (when));
    }
  if (d->note != NULL)
    g_string_append_printf (s, "\n%s %s", _("Note:"), d->note);

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* The values as people write them, a heading to the left of each kind. */
static void
update_values (CrbClaimPanel *self)
{
  CrbArticle *article = self->story ? crb_story_lookup_article (self->story,
                                                                crb_claim_get_article_id (self->claim))
                                    : NULL;
  g_autoptr (GPtrArray) lines = crb_format_values (crb_claim_get_values (self->claim),
                                                   article ? crb_article_get_date (article) : NULL);
  GtkWidget *child;
  const char *last_heading = NULL;

  while ((child = gtk_widget_get_first_child (self->values_grid)) != NULL)
    gtk_grid_remove (GTK_GRID (self->values_grid), child);

  for (guint i = 0; i < lines->len; i++)
    {
      CrbValueLine *line = g_ptr_array_index (lines, i);
      GtkWidget *value = crb_label_new (NULL, "caption", TRUE);

      if (g_strcmp0 (line->heading, last_heading) != 0)
        {
          GtkWidget *heading = crb_label_new (NULL, "caption-heading", FALSE);

          gtk_widget_add_css_class (heading, "dim-label");
          gtk_label_set_label (GTK_LABEL (heading), line->heading);
          gtk_widget_set_valign (heading, GTK_ALIGN_START);
          gtk_grid_attach (GTK_GRID (self->values_grid), heading, 0, i, 1, 1);
          last_heading = line->heading;
        }
      gtk_label_set_label (GTK_LABEL (value), line->text);
      gtk_label_set_selectable (GTK_LABEL (value), TRUE);
      gtk_widget_set_hexpand (value, TRUE);
      gtk_grid_attach (GTK_GRID (self->values_grid), value, 1, i, 1, 1);
    }

  gtk_widget_set_visible (self->values_grid, lines->len > 0);
}

static void
update (CrbClaimPanel *self)
{
  CrbClaim *claim = self->claim;
  const CrbDecision *decision;
  g_autoptr (GString) history_text = g_string_new (NULL);
  g_autofree char *score = NULL;
  g_autofree char *reasons = NULL;
  CrbDecisionStatus status;

  gtk_widget_set_visible (self->placeholder, claim == NULL);
  gtk_widget_set_visible (self->content, claim != NULL);
  if (claim == NULL)
    return;

  status = crb_claim_get_status (claim);
  decision = crb_claim_get_decision (claim);

  gtk_label_set_label (GTK_LABEL (self->status_label), status_label (status));
  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (self->status_label, status_classes[i]);
  gtk_widget_add_css_class (self->status_label, status_classes[status]);

  gtk_label_set_label (GTK_LABEL (self->kind_label), crb_format_kind (crb_claim_get_kind (claim)));
  /* Translators: check-worthiness score of a claim */
  score = g_strdup_printf (_("score %.2f"), crb_claim_get_score (claim));
  gtk_label_set_label (GTK_LABEL (self->score_label), score);

  gtk_label_set_label (GTK_LABEL (self->text_label), crb_claim_get_final_text (claim));
  if (status == CRB_DECISION_STATUS_CORRECTED)
    {
      g_autofree char *original = g_strdup_printf (_("Originally: %s"), crb_claim_get_text (claim));
      gtk_label_set_label (GTK_LABEL (self->original_label), original);
    }
  gtk_widget_set_visible (self->original_label, status == CRB_DECISION_STATUS_CORRECTED);

  {
    g_autofree char *badges = crb_explain_alignment (self->story, claim, FALSE);
    gtk_label_set_label (GTK_LABEL (self->badges_label), badges);
  }
  crb_claim_links_set_claim (CRB_CLAIM_LINKS (self->links), claim, self->story);

  reasons = crb_format_reasons (crb_claim_get_reasons (claim));
  gtk_label_set_label (GTK_LABEL (self->reasons_label), *reasons ? reasons : _("no particular reason"));

  update_values (self);

  if (decision != NULL)
    {
      g_autofree char *text = describe_decision (decision);
      gtk_label_set_label (GTK_LABEL (self->decision_label), text);
    }
  gtk_widget_set_visible (self->decision_label, decision != NULL);

  if (self->story != NULL)
    {
      GPtrArray *history = crb_story_get_history (self->story);
      guint n = 0;

      for (guint i = 0; i < history->len; i++)
        {
          CrbHistoryEntry *entry = g_ptr_array_index (history, i);
          g_autofree char *line = NULL;

          if (entry->kind != CRB_CHANGE_DECISION || g_strcmp0 (entry->claim_id, crb_claim_get_id (claim)) != 0)
            continue;

          line = describe_decision (entry->after);
          if (history_text->len > 0)
            g_string_append_c (history_text, '\n');
          g_string_append_printf (history_text, "%s%s", line, entry->undone ? _(" (undone)") : "");
          n++;
        }

      if (n > 1)
        {
          g_autofree char *heading = g_strdup_printf (_("History:\n%s"), history_text->str);
          gtk_label_set_label (GTK_LABEL (self->history_label), heading);
        }
      gtk_widget_set_visible (self->history_label, n > 1);
    }
}

static void
on_claim_notify_cb (CrbClaimPanel *self)
{
  update (self);
}

static void
finish_correction (CrbClaimPanel *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->correct_view));
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->correct_revealer), FALSE);
  g_signal_emit (self, signals[CORRECTION_DONE], 0, g_strstrip (text));
}

static gboolean
on_correct_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           CrbClaimPanel         *self)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) && !(state & GDK_SHIFT_MASK))
    {
      finish_correction (self);
      return TRUE;
    }

  if (keyval == GDK_KEY_Escape)
    {
      crb_claim_panel_cancel (self);
      return TRUE;
    }

  return FALSE;
}

static void
on_note_activate_cb (GtkEntry      *entry,
                     CrbClaimPanel *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->note_revealer), FALSE);
  g_signal_emit (self, signals[NOTE_DONE], 0, text);
}

static gboolean
on_note_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        CrbClaimPanel         *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      crb_claim_panel_cancel (self);
      return TRUE;
    }

  return FALSE;
}

/* While a question is asked, its buttons are the answers: the review's
 * buttons make room for it.
 */
static void
update_decide_box (CrbClaimPanel *self)
{
  gtk_widget_set_visible (self->decide_box,
                          !gtk_revealer_get_reveal_child (GTK_REVEALER (self->confirm_revealer)) &&
                          !gtk_revealer_get_reveal_child (GTK_REVEALER (self->name_revealer)));
}

/* The reviewer's name, asked at the first decision: Enter keeps what was
 * typed (empty: anonymous), Escape stays anonymous; either way the
 * decision goes on.
 */
static void
choose_annotator (CrbClaimPanel *self,
                  const char    *name)
{
  g_autofree char *stripped = g_strstrip (g_strdup (name ? name : ""));

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->name_revealer), FALSE);
  update_decide_box (self);
  g_signal_emit (self, signals[ANNOTATOR_CHOSEN], 0, stripped);
}

static void
on_name_activate_cb (GtkEntry      *entry,
                     CrbClaimPanel *self)
{
  choose_annotator (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_name_save_clicked_cb (CrbClaimPanel *self)
{
  choose_annotator (self, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)));
}

static void
on_name_anonymous_clicked_cb (CrbClaimPanel *self)
{
  choose_annotator (self, NULL);
}

static gboolean
on_name_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        CrbClaimPanel         *self)
{
  if (keyval == GDK_KEY_Escape)
    {
      choose_annotator (self, NULL);
      return TRUE;
    }

  return FALSE;
}

/* The panel's buttons share its width. */
static GtkWidget *
action_button (const char *label,
               const char *action,
               const char *tooltip,
               const char *css_class)
{
  GtkWidget *button = crb_action_button_new (label, action, tooltip, css_class);

  gtk_widget_set_hexpand (button, TRUE);
  return button;
}

static void
build (CrbClaimPanel *self)
{
  static const char * const reasons[] = {
    N_("_1 False"), N_("_2 Unverifiable"), N_("_3 Opinion"),
    N_("_4 Not a claim"), N_("_5 Duplicate"), N_("_6 Wrong span"),
  };
  GtkWidget *row, *buttons, *grid, *box, *hint, *frame, *scroller, *details, *actions;
  GtkEventController *keys;

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->placeholder = crb_label_new (NULL, "dim-label", TRUE);
  gtk_label_set_label (GTK_LABEL (self->placeholder), _("No claim selected"));
  gtk_label_set_xalign (GTK_LABEL (self->placeholder), 0.5);
  gtk_widget_set_margin_top (self->placeholder, 24);
  gtk_widget_set_margin_bottom (self->placeholder, 24);
  gtk_widget_set_margin_start (self->placeholder, 12);
  gtk_widget_set_margin_end (self->placeholder, 12);
  gtk_widget_set_vexpand (self->placeholder, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->placeholder);

  /* What is said of the claim scrolls; the editors and the buttons stay
   * below it, in the same place whatever the claim, and are never cut off.
   */
  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (self->content, TRUE);
  gtk_box_append (GTK_BOX (self->box), self->content);

  details = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_margin_top (details, 12);
  gtk_widget_set_margin_bottom (details, 12);
  gtk_widget_set_margin_start (details, 12);
  gtk_widget_set_margin_end (details, 12);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 64);
  /* A shade at an edge says there is more to scroll to. */
  gtk_widget_add_css_class (scroller, "undershoot-top");
  gtk_widget_add_css_class (scroller, "undershoot-bottom");
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), details);
  gtk_box_append (GTK_BOX (self->content), scroller);
  self->details_scroller = scroller;
  self->details = details;

  actions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (actions, 6);
  gtk_widget_set_margin_bottom (actions, 12);
  gtk_widget_set_margin_start (actions, 12);
  gtk_widget_set_margin_end (actions, 12);
  gtk_box_append (GTK_BOX (self->content), actions);
  self->actions = actions;

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  self->status_label = crb_label_new (NULL, "crb-status-pill", FALSE);
  self->kind_label = crb_label_new (NULL, "caption-heading", FALSE);
  self->score_label = crb_label_new (NULL, "dim-label", FALSE);
  gtk_widget_add_css_class (self->score_label, "caption");
  gtk_widget_set_hexpand (self->score_label, TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->score_label), 1.0);
  gtk_box_append (GTK_BOX (row), self->status_label);
  gtk_box_append (GTK_BOX (row), self->kind_label);
  gtk_box_append (GTK_BOX (row), self->score_label);
  gtk_box_append (GTK_BOX (details), row);
  /* Its own line, wrapped: how many outlets tell it, and conflicts. */
  self->badges_label = crb_label_new (NULL, "caption", TRUE);
  gtk_widget_add_css_class (self->badges_label, "crb-badges");
  gtk_box_append (GTK_BOX (details), self->badges_label);

  self->text_label = crb_label_new (NULL, "crb-claim-text", TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->text_label), TRUE);
  gtk_box_append (GTK_BOX (details), self->text_label);
  self->original_label = crb_label_new (NULL, "dim-label", TRUE);
  gtk_box_append (GTK_BOX (details), self->original_label);

  /* The correction editor. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->correct_view = gtk_text_view_new ();
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (self->correct_view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (self->correct_view), FALSE);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (self->correct_view), 6);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (self->correct_view), 6);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (self->correct_view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (self->correct_view), 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->correct_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Corrected claim text"), -1);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_correct_key_pressed_cb), self);
  gtk_widget_add_controller (self->correct_view, keys);
  /* GTK 4.8's text view measures its height at its previous width, so a
   * frame around it cut a long claim short: it scrolls instead, from four
   * lines up to eight.
   */
  frame = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (frame), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (frame), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (frame), 96);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (frame), 180);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (frame), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (frame), self->correct_view);
  gtk_box_append (GTK_BOX (box), frame);
  hint = crb_label_new (NULL, "dim-label", TRUE);
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_label (GTK_LABEL (hint), _("Enter saves the correction, Escape cancels; the original is kept."));
  gtk_box_append (GTK_BOX (box), hint);
  self->correct_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->correct_revealer), box);
  gtk_box_append (GTK_BOX (actions), self->correct_revealer);

  /* The reasons to reject. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  hint = crb_label_new (NULL, "heading", FALSE);
  gtk_label_set_label (GTK_LABEL (hint), _("Why reject it?"));
  gtk_box_append (GTK_BOX (box), hint);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      GtkWidget *button = gtk_button_new_with_mnemonic (_(reasons[i]));

      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "claim.reason");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (int) i + 1);
      gtk_grid_attach (GTK_GRID (grid), button, i % 2, i / 2, 1, 1);
    }
  gtk_box_append (GTK_BOX (box), grid);
  hint = crb_label_new (NULL, "dim-label", TRUE);
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_label (GTK_LABEL (hint), _("Press 1–6, or Escape to go back."));
  gtk_box_append (GTK_BOX (box), hint);
  self->reject_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->reject_revealer), box);
  gtk_box_append (GTK_BOX (actions), self->reject_revealer);

  /* The note editor. */
  self->note_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->note_entry), _("Note on this claim; Enter saves"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->note_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Note"), -1);
  g_signal_connect (self->note_entry, "activate", G_CALLBACK (on_note_activate_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_note_key_pressed_cb), self);
  gtk_widget_add_controller (self->note_entry, keys);
  self->note_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->note_revealer), self->note_entry);
  gtk_box_append (GTK_BOX (actions), self->note_revealer);

  /* Confirming a claim that other outlets contradict: asked once, here,
   * not in a dialog over the review.
   */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "crb-prompt");
  gtk_widget_add_css_class (box, "crb-prompt-conflict");
  self->confirm_heading = crb_label_new (NULL, "heading", TRUE);
  gtk_box_append (GTK_BOX (box), self->confirm_heading);
  self->confirm_body = crb_label_new (NULL, NULL, TRUE);
  gtk_box_append (GTK_BOX (box), self->confirm_body);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Cancel"), "claim.cancel", _("Leave the claim as it is (Escape)"), NULL));
  self->confirm_button = action_button (_("Confirm _Anyway"), "claim.confirm-anyway",
                                        _("Confirm it although other outlets contradict it (A or Enter)"),
                                        "destructive-action");
  gtk_box_append (GTK_BOX (buttons), self->confirm_button);
  gtk_box_append (GTK_BOX (box), buttons);
  hint = crb_label_new (NULL, "dim-label", TRUE);
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_label (GTK_LABEL (hint), _("Press A or Enter to confirm anyway, Escape to cancel."));
  gtk_box_append (GTK_BOX (box), hint);
  self->confirm_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->confirm_revealer), box);
  gtk_box_append (GTK_BOX (actions), self->confirm_revealer);

  /* Who reviews: asked once, at the first decision. */
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (box, "crb-prompt");
  hint = crb_label_new (NULL, "heading", TRUE);
  gtk_label_set_label (GTK_LABEL (hint), _("Who is reviewing?"));
  gtk_box_append (GTK_BOX (box), hint);
  hint = self->name_body = crb_label_new (NULL, NULL, TRUE);
  gtk_label_set_label (GTK_LABEL (hint), _("Your name is recorded with each decision, in the project and its exports. Without one, decisions are “anonymous”."));
  gtk_box_append (GTK_BOX (box), hint);
  self->name_entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name_entry), _("Your name"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->name_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your name"), -1);
  g_signal_connect (self->name_entry, "activate", G_CALLBACK (on_name_activate_cb), self);
  keys = gtk_event_controller_key_new ();
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_name_key_pressed_cb), self);
  gtk_widget_add_controller (self->name_entry, keys);
  gtk_box_append (GTK_BOX (box), self->name_entry);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  {
    GtkWidget *anonymous = self->name_anonymous = gtk_button_new_with_mnemonic (_("Stay A_nonymous"));
    GtkWidget *save = gtk_button_new_with_mnemonic (_("_Use This Name"));

    gtk_widget_set_hexpand (anonymous, TRUE);
    gtk_widget_set_hexpand (save, TRUE);
    gtk_widget_add_css_class (save, "suggested-action");
    g_signal_connect_swapped (anonymous, "clicked", G_CALLBACK (on_name_anonymous_clicked_cb), self);
    g_signal_connect_swapped (save, "clicked", G_CALLBACK (on_name_save_clicked_cb), self);
    gtk_box_append (GTK_BOX (buttons), anonymous);
    gtk_box_append (GTK_BOX (buttons), save);
  }
  gtk_box_append (GTK_BOX (box), buttons);
  hint = self->name_footer = crb_label_new (NULL, "dim-label", TRUE);
  gtk_widget_add_css_class (hint, "caption");
  gtk_label_set_label (GTK_LABEL (hint), _("Enter uses the name, Escape stays anonymous. You can change it in Preferences."));
  gtk_box_append (GTK_BOX (box), hint);
  self->name_revealer = gtk_revealer_new ();
  gtk_revealer_set_child (GTK_REVEALER (self->name_revealer), box);
  gtk_box_append (GTK_BOX (actions), self->name_revealer);

  /* The review's buttons; a question's own buttons take their place. */
  self->decide_box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (actions), self->decide_box);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Confirm"), "claim.confirm", _("Confirm and go to the next claim (A)"), "suggested-action"));
  gtk_box_append (GTK_BOX (buttons), action_button (_("C_orrect"), "claim.correct", _("Correct the claim's text (E)"), NULL));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Reject"), "claim.reject", _("Reject the claim, then choose why (X)"), "destructive-action"));
  gtk_box_append (GTK_BOX (self->decide_box), buttons);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Skip"), "claim.skip", _("Leave it pending and go to the next claim (Space)"), "flat"));
  gtk_box_append (GTK_BOX (buttons), action_button (_("_Note"), "claim.note", _("Add a note (N)"), "flat"));
  gtk_box_append (GTK_BOX (self->decide_box), buttons);

  self->links = crb_claim_links_new ();
  gtk_box_append (GTK_BOX (details), self->links);

  self->decision_label = crb_label_new (NULL, NULL, TRUE);
  gtk_box_append (GTK_BOX (details), self->decision_label);
  self->reasons_label = crb_label_new (NULL, "dim-label", TRUE);
  gtk_widget_add_css_class (self->reasons_label, "caption");
  gtk_box_append (GTK_BOX (details), self->reasons_label);
  self->values_grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (self->values_grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (self->values_grid), 2);
  gtk_box_append (GTK_BOX (details), self->values_grid);
  self->history_label = crb_label_new (NULL, "dim-label", TRUE);
  gtk_widget_add_css_class (self->history_label, "caption");
  gtk_box_append (GTK_BOX (details), self->history_label);

  update (self);
}

/* GTK 4.8's scrolled window asks its child for a natural height at no
 * particular width, so wrapped text counts as one line: the panel says
 * what its details need at the width it is given.
 */
static void
crb_claim_panel_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  CrbClaimPanel *self = CRB_CLAIM_PANEL (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural, NULL, NULL);

  if (orientation == GTK_ORIENTATION_VERTICAL && for_size >= 0 &&
      gtk_widget_get_visible (self->content))
    {
      int details, actions;

      gtk_widget_measure (self->details, GTK_ORIENTATION_VERTICAL, for_size, NULL, &details, NULL,
                          NULL);
      gtk_widget_measure (self->actions, GTK_ORIENTATION_VERTICAL, for_size, NULL, &actions, NULL,
                          NULL);
      *natural = MAX (*minimum, details + actions);
    }
}

static void
crb_claim_panel_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  gtk_widget_allocate (CRB_CLAIM_PANEL (widget)->box, width, height, baseline, NULL);
}

static GtkSizeRequestMode
crb_claim_panel_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
crb_claim_panel_dispose (GObject *object)
{
  CrbClaimPanel *self = (CrbClaimPanel *) object;

  if (self->claim != NULL)
    g_clear_signal_handler (&self->notify_id, self->claim);
  g_clear_object (&self->claim);
  g_clear_object (&self->story);
  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (crb_claim_panel_parent_class)->dispose (object);
}

static void
crb_claim_panel_class_init (CrbClaimPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_claim_panel_dispose;

  signals[CORRECTION_DONE] = g_signal_new ("correction-done", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[NOTE_DONE] = g_signal_new ("note-done", G_TYPE_FROM_CLASS (klass),
                                     G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                     G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[EDITING_CANCELLED] = g_signal_new ("editing-cancelled", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);
  /**
   * CrbClaimPanel::annotator-chosen:
   * @name: the reviewer's name; empty to stay anonymous
   *
   * The reviewer answered crb_claim_panel_ask_annotator().
   */
  signals[ANNOTATOR_CHOSEN] = g_signal_new ("annotator-chosen", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 1, G_TYPE_STRING);

  widget_class->measure = crb_claim_panel_measure;
  widget_class->size_allocate = crb_claim_panel_size_allocate;
  widget_class->get_request_mode = crb_claim_panel_get_request_mode;
  gtk_widget_class_set_css_name (widget_class, "crbclaimpanel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
crb_claim_panel_init (CrbClaimPanel *self)
{
  build (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Selected claim"), -1);
}

GtkWidget *
crb_claim_panel_new (void)
{
  return g_object_new (CRB_TYPE_CLAIM_PANEL, NULL);
}

/**
 * crb_claim_panel_set_claim:
 * @claim: (nullable): the claim to show
 * @story: (nullable): its story, for the history
 */
void
crb_claim_panel_set_claim (CrbClaimPanel *self,
                           CrbClaim      *claim,
                           CrbStory      *story)
{
  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));

  if (self->claim != claim)
    {
      crb_claim_panel_cancel (self);
      if (self->claim != NULL)
        g_clear_signal_handler (&self->notify_id, self->claim);
      g_set_object (&self->claim, claim);
      /* A new claim is read from its start. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->details_scroller)), 0);
      if (claim != NULL)
        self->notify_id = g_signal_connect_swapped (claim, "notify::decision",
                                                    G_CALLBACK (on_claim_notify_cb), self);
    }

  g_set_object (&self->story, story);
  update (self);
}

/**
 * crb_claim_panel_get_claim:
 *
 * Returns: (transfer none) (nullable): the claim shown
 */
CrbClaim *
crb_claim_panel_get_claim (CrbClaimPanel *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM_PANEL (self), NULL);
  return self->claim;
}

/**
 * crb_claim_panel_begin_correction:
 *
 * Opens the inline editor on the claim's current text; ::correction-done
 * reports the edited text.
 */
void
crb_claim_panel_begin_correction (CrbClaimPanel *self)
{
  GtkTextBuffer *buffer;

  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));

  if (self->claim == NULL)
    return;

  crb_claim_panel_set_reject_mode (self, FALSE);
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->correct_view));
  gtk_text_buffer_set_text (buffer, crb_claim_get_final_text (self->claim), -1);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->correct_revealer), TRUE);
  gtk_widget_grab_focus (self->correct_view);
}

void
crb_claim_panel_begin_note (CrbClaimPanel *self)
{
  const CrbDecision *decision;

  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));

  if (self->claim == NULL)
    return;

  decision = crb_claim_get_decision (self->claim);
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry),
                         decision && decision->note ? decision->note : "");
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->note_revealer), TRUE);
  gtk_widget_grab_focus (self->note_entry);
}

void
crb_claim_panel_set_reject_mode (CrbClaimPanel *self,
                                 gboolean       reject_mode)
{
  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->reject_revealer), reject_mode && self->claim != NULL);
}

gboolean
crb_claim_panel_get_reject_mode (CrbClaimPanel *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM_PANEL (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->reject_revealer));
}

/**
 * crb_claim_panel_cancel:
 *
 * Closes any editor or the reasons without changing anything.
 */
void
crb_claim_panel_cancel (CrbClaimPanel *self)
{
  gboolean was_editing;

  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));

  was_editing = crb_claim_panel_is_editing (self) || crb_claim_panel_get_reject_mode (self) ||
                crb_claim_panel_is_asking_confirm (self);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->correct_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->note_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->reject_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->confirm_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->name_revealer), FALSE);
  update_decide_box (self);
  if (was_editing)
    g_signal_emit (self, signals[EDITING_CANCELLED], 0);
}

/**
 * crb_claim_panel_refresh:
 *
 * Shows the claim again, after its story's links changed.
 */
void
crb_claim_panel_refresh (CrbClaimPanel *self)
{
  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));
  update (self);
}

gboolean
crb_claim_panel_is_editing (CrbClaimPanel *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM_PANEL (self), FALSE);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->correct_revealer)) ||
         gtk_revealer_get_reveal_child (GTK_REVEALER (self->note_revealer)) ||
         gtk_revealer_get_reveal_child (GTK_REVEALER (self->name_revealer));
}

/**
 * crb_claim_panel_ask_confirm:
 * @heading: what the question is about: "2 outlets contradict this claim"
 * @body: what they say
 *
 * Asks, below the claim, whether to confirm it anyway: its buttons
 * activate claim.confirm-anyway and claim.cancel.  The focus goes to
 * Confirm Anyway, so that Enter confirms.
 */
void
crb_claim_panel_ask_confirm (CrbClaimPanel *self,
                             const char    *heading,
                             const char    *body)
{
  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));

  if (self->claim == NULL)
    return;

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->correct_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->note_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->reject_revealer), FALSE);
  gtk_label_set_label (GTK_LABEL (self->confirm_heading), heading);
  gtk_label_set_label (GTK_LABEL (self->confirm_body), body);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->confirm_revealer), TRUE);
  update_decide_box (self);
  gtk_widget_grab_focus (self->confirm_button);
}

gboolean
crb_claim_panel_is_asking_confirm (CrbClaimPanel *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM_PANEL (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->confirm_revealer));
}

/**
 * crb_claim_panel_ask_annotator:
 *
 * Asks, below the claim, for the reviewer's name; ::annotator-chosen
 * gives the answer.
 */
void
crb_claim_panel_ask_annotator (CrbClaimPanel *self)
{
  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->confirm_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->reject_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->name_revealer), TRUE);
  update_decide_box (self);
  gtk_widget_grab_focus (self->name_entry);
}

gboolean
crb_claim_panel_is_asking_annotator (CrbClaimPanel *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM_PANEL (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->name_revealer));
}

/**
 * crb_claim_panel_set_name_required:
 *
 * In a team project a decision needs the reviewer's name: the name
 * question offers no anonymity (team review, crb-window-team.c).
 */
void
crb_claim_panel_set_name_required (CrbClaimPanel *self,
                                   gboolean       required)
{
  g_return_if_fail (CRB_IS_CLAIM_PANEL (self));
  gtk_widget_set_visible (self->name_anonymous, !required);
  gtk_label_set_label (GTK_LABEL (self->name_body),
                       required ? _("In a team project your decisions go into a file named after you: letters, digits and - _ . @ + only, no spaces.")
                                : _("Your name is recorded with each decision, in the project and its exports. Without one, decisions are “anonymous”."));
  gtk_label_set_label (GTK_LABEL (self->name_footer),
                       required ? _("Enter uses the name, Escape decides nothing. You can change it in Preferences.")
                                : _("Enter uses the name, Escape stays anonymous. You can change it in Preferences."));
}
