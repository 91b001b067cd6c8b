/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-adjudication"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-adjudication-view.h"
#include "crb-explain.h"
#include "crb-project-team.h"
#include "crb-widgets.h"

/*
 * The claim the adjudicator settles (crb-adjudication-window.c): where it
 * comes from, its text, what stands now, every reviewer's decision side
 * by side (a card each, numbered by the key that takes it), the buttons
 * to decide anew, and the questions that come before an adjudication:
 * the reason of a rejection, the corrected text, the adjudicator's name.
 * Its buttons activate the window's `adjudication.*` actions; the
 * answers come back as signals.
 */

struct _CrbAdjudicationView
{
  GtkWidget   parent_instance;

  /* widgets */
  GtkWidget  *box;
  GtkWidget  *position_label;
  GtkWidget  *source_label;
  GtkWidget  *claim_label;
  GtkWidget  *state_label;
  GtkWidget  *cards;
  GtkWidget  *reject_revealer;
  GtkWidget  *correct_revealer;
  GtkWidget  *correct_entry;
  GtkWidget  *name_revealer;
  GtkWidget  *name_entry;
  GtkWidget  *name_problem;
  GtkWidget  *hint_label;

  /* owned */
  GPtrArray  *annotations;   /* CrbAnnotation, of the claim shown */
};

G_DEFINE_FINAL_TYPE (CrbAdjudicationView, crb_adjudication_view, GTK_TYPE_WIDGET)

enum {
  CORRECTION_DONE,
  NAME_CHOSEN,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * crb_adjudication_reason_label:
 *
 * Returns: the reason of a rejection, in the reviewer's words
 */
const char *
crb_adjudication_reason_label (CrbRejectReason reason)
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

/**
 * crb_adjudication_describe:
 *
 * Returns: a decision's label: "Confirmed", "Corrected", "Rejected (opinion)"
 */
char *
crb_adjudication_describe (const CrbDecision *decision)
{
  switch (decision->status)
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      return g_strdup (_("Confirmed"));
    case CRB_DECISION_STATUS_CORRECTED:
      return g_strdup (_("Corrected"));
    case CRB_DECISION_STATUS_REJECTED:
      /* Translators: "Rejected (opinion)" */
      return g_strdup_printf (_("%s (%s)"), _("Rejected"), crb_adjudication_reason_label (decision->reason));
    case CRB_DECISION_STATUS_PENDING:
    default:
      return g_strdup (_("Pending"));
    }
}

static const char *
status_class (CrbDecisionStatus status)
{
  static const char * const classes[] = { "crb-pending", "crb-confirmed", "crb-corrected", "crb-rejected" };

  return classes[MIN (status, G_N_ELEMENTS (classes) - 1)];
}

static char *
format_time (const char *time)
{
  g_autoptr (GDateTime) utc = time ? g_date_time_new_from_iso8601 (time, NULL) : NULL;
  g_autoptr (GDateTime) local = utc ? g_date_time_to_local (utc) : NULL;

  /* Translators: date and time of a decision, see g_date_time_format() */
  return local ? g_date_time_format (local, _("%-d %b %Y, %H:%M")) : NULL;
}

/* One reviewer's decision, a card that takes it when clicked. */
static GtkWidget *
annotation_card (const CrbAnnotation *annotation,
                 guint                index,
                 gboolean             taken)
{
  const CrbDecision *d = annotation->decision;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *key = g_strdup_printf ("%u", index + 1);
  g_autofree char *what = crb_adjudication_describe (d);
  g_autofree char *when = format_time (d->time);
  /* Translators: the tooltip of a reviewer's decision; "Take ana’s decision (1)" */
  g_autofree char *tooltip = g_strdup_printf (_("Take %s’s decision (%u)"), annotation->reviewer, index + 1);
  GtkWidget *name, *status;

  gtk_widget_add_css_class (button, "card");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "adjudication.take");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", annotation->reviewer);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 10);

  gtk_box_append (GTK_BOX (row), gtk_shortcut_label_new (key));
  name = crb_label_new (annotation->reviewer, "heading", FALSE);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_box_append (GTK_BOX (row), name);
  if (taken)
    {
      GtkWidget *mark = crb_label_new (_("Taken"), "accent", FALSE);

      gtk_widget_add_css_class (mark, "caption-heading");
      gtk_widget_set_tooltip_text (mark, _("The adjudication took this decision"));
      gtk_box_append (GTK_BOX (row), mark);
    }
  gtk_box_append (GTK_BOX (box), row);

  status = crb_label_new (what, "crb-status-pill", FALSE);
  gtk_widget_add_css_class (status, status_class (d->status));
  gtk_widget_set_halign (status, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), status);
  if (d->status == CRB_DECISION_STATUS_CORRECTED && d->corrected_text != NULL)
    {
      g_autofree char *quoted = g_strdup_printf ("“%s”", d->corrected_text);

      gtk_box_append (GTK_BOX (box), crb_label_new (quoted, NULL, TRUE));
    }
  if (d->note != NULL && *d->note != '\0')
    {
      /* Translators: a reviewer's note on their decision */
      g_autofree char *note = g_strdup_printf (_("Note: %s"), d->note);

      gtk_box_append (GTK_BOX (box), crb_label_new (note, "dim-label", TRUE));
    }
  if (when != NULL)
    {
      GtkWidget *label = crb_label_new (when, "dim-label", FALSE);

      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_button_set_child (GTK_BUTTON (button), box);
  return button;
}

/* What stands now: disputed, a majority, or an adjudication. */
static char *
describe_state (CrbProject   *project,
                const char   *claim_id,
                CrbConsensus *consensus)
{
  g_autoptr (CrbDecision) gold = crb_project_team_dup_gold (project, claim_id, consensus);
  g_autofree char *what = gold ? crb_adjudication_describe (gold) : NULL;
  g_autofree char *adjudicator = NULL;
  g_autofree char *take = NULL;
  gboolean stale = FALSE;
  char *text;

  switch (*consensus)
    {
    case CRB_CONSENSUS_ADJUDICATED:
      crb_team_get_adjudication (crb_project_get_team (project), claim_id, &adjudicator, NULL, &take, &stale);
      if (take != NULL)
        /* Translators: "Settled by olga: ben’s decision, Rejected (false)" */
        text = g_strdup_printf (_("Settled by %s: %s’s decision, %s"), adjudicator, take, what);
      else
        /* Translators: "Settled by olga: Confirmed" */
        text = g_strdup_printf (_("Settled by %s: %s"), adjudicator, what);
      if (stale)
        {
          g_autofree char *settled = text;

          /* Translators: an adjudication after which a reviewer changed their decision */
          text = g_strdup_printf (_("%s — a reviewer changed their decision since"), settled);
        }
      return text;
    case CRB_CONSENSUS_MAJORITY:
      /* Translators: "Gold decision by majority: Confirmed. Take a decision to settle it." */
      return g_strdup_printf (_("Gold decision by majority: %s. Take a decision to settle it."), what);
    case CRB_CONSENSUS_DISPUTED:
    case CRB_CONSENSUS_NONE:
    case CRB_CONSENSUS_SINGLE:
    case CRB_CONSENSUS_UNANIMOUS:
    case CRB_N_CONSENSUS:
    default:
      return g_strdup (_("Disputed: no decision has a majority, so the claim has no gold decision yet."));
    }
}

static void
hide_questions (CrbAdjudicationView *self)
{
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->reject_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->correct_revealer), FALSE);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->name_revealer), FALSE);
}

static void
on_correct_activate_cb (CrbAdjudicationView *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->correct_entry))));

  if (*text == '\0')
    return;
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->correct_revealer), FALSE);
  g_signal_emit (self, signals[CORRECTION_DONE], 0, text);
}

static void
on_name_activate_cb (CrbAdjudicationView *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_entry))));

  g_signal_emit (self, signals[NAME_CHOSEN], 0, name);
}

static gboolean
on_entry_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         CrbAdjudicationView   *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  crb_adjudication_view_cancel (self);
  return TRUE;
}

static GtkWidget *
entry_new (CrbAdjudicationView *self,
           const char          *label,
           GCallback            activated)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_swapped (entry, "activate", activated, self);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_entry_key_pressed_cb), self);
  gtk_widget_add_controller (entry, keys);
  return entry;
}

/* A question below the buttons, hidden until asked; no room taken then. */
static GtkWidget *
question_new (GtkWidget *child)
{
  GtkWidget *revealer = gtk_revealer_new ();

  gtk_widget_set_margin_top (child, 12);
  gtk_revealer_set_child (GTK_REVEALER (revealer), child);
  return revealer;
}

static void
build (CrbAdjudicationView *self)
{
  static const char * const reasons[] = {
    N_("_1 False"), N_("_2 Unverifiable"), N_("_3 Opinion"),
    N_("_4 Not a claim"), N_("_5 Duplicate"), N_("_6 Wrong span"),
  };
  GtkWidget *box = self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *questions = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *buttons, *grid, *prompt, *heading, *button;

  gtk_widget_set_parent (box, GTK_WIDGET (self));
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);

  self->position_label = crb_label_new (NULL, "dim-label", FALSE);
  gtk_widget_add_css_class (self->position_label, "caption-heading");
  gtk_box_append (GTK_BOX (box), self->position_label);
  self->source_label = crb_label_new (NULL, "dim-label", TRUE);
  gtk_box_append (GTK_BOX (box), self->source_label);
  self->claim_label = crb_label_new (NULL, "crb-claim-text", TRUE);
  gtk_label_set_selectable (GTK_LABEL (self->claim_label), TRUE);
  gtk_box_append (GTK_BOX (box), self->claim_label);
  self->state_label = crb_label_new (NULL, NULL, TRUE);
  gtk_box_append (GTK_BOX (box), self->state_label);

  heading = crb_label_new (_("The Reviewers’ Decisions"), "heading", FALSE);
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (box), heading);
  self->cards = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (self->cards), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (self->cards), TRUE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (self->cards), 12);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (self->cards), 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cards), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("The reviewers’ decisions"), -1);
  gtk_box_append (GTK_BOX (box), self->cards);

  heading = crb_label_new (_("Or Decide Anew"), "heading", FALSE);
  gtk_widget_set_margin_top (heading, 6);
  gtk_box_append (GTK_BOX (box), heading);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_box_append (GTK_BOX (buttons), crb_action_button_new (_("_Confirm"), "adjudication.confirm",
                                                            _("Confirm the claim as extracted (A)"), "suggested-action"));
  gtk_box_append (GTK_BOX (buttons), crb_action_button_new (_("C_orrect"), "adjudication.correct",
                                                            _("Correct the claim's text (E)"), NULL));
  gtk_box_append (GTK_BOX (buttons), crb_action_button_new (_("_Reject"), "adjudication.reject",
                                                            _("Reject the claim, then choose why (X)"),
                                                            "destructive-action"));
  gtk_box_append (GTK_BOX (box), buttons);
  gtk_box_append (GTK_BOX (box), questions);

  /* The reasons to reject. */
  prompt = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (prompt), crb_label_new (_("Why reject it?"), "heading", FALSE));
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_homogeneous (GTK_GRID (grid), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      button = gtk_button_new_with_mnemonic (_(reasons[i]));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "adjudication.reason");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "i", (int) i + 1);
      gtk_grid_attach (GTK_GRID (grid), button, i % 3, i / 3, 1, 1);
    }
  gtk_box_append (GTK_BOX (prompt), grid);
  self->reject_revealer = question_new (prompt);
  gtk_box_append (GTK_BOX (questions), self->reject_revealer);

  /* The correction. */
  prompt = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  self->correct_entry = entry_new (self, _("Corrected claim text"), G_CALLBACK (on_correct_activate_cb));
  gtk_box_append (GTK_BOX (prompt), self->correct_entry);
  heading = crb_label_new (_("Enter saves the correction, Escape cancels; the original is kept."), "dim-label", TRUE);
  gtk_widget_add_css_class (heading, "caption");
  gtk_box_append (GTK_BOX (prompt), heading);
  self->correct_revealer = question_new (prompt);
  gtk_box_append (GTK_BOX (questions), self->correct_revealer);

  /* Who adjudicates, asked when the app has no name that can name a file. */
  prompt = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (prompt), crb_label_new (_("Who adjudicates?"), "heading", FALSE));
  gtk_box_append (GTK_BOX (prompt),
                  crb_label_new (_("An adjudication goes into a file named after you: letters, digits and - _ . @ + only, "
                                  "no spaces."), NULL, TRUE));
  self->name_entry = entry_new (self, _("Your name"), G_CALLBACK (on_name_activate_cb));
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->name_entry), _("Your name"));
  gtk_box_append (GTK_BOX (prompt), self->name_entry);
  self->name_problem = crb_label_new (NULL, "error", TRUE);
  gtk_box_append (GTK_BOX (prompt), self->name_problem);
  self->name_revealer = question_new (prompt);
  gtk_box_append (GTK_BOX (questions), self->name_revealer);

  self->hint_label = crb_label_new (NULL, "dim-label", TRUE);
  gtk_widget_add_css_class (self->hint_label, "caption");
  gtk_widget_set_margin_top (self->hint_label, 6);
  gtk_box_append (GTK_BOX (box), self->hint_label);
}

/* ---- the rows of the queue ---- */

static void
update_row (GtkListItem *item,
            CrbProject  *project)
{
  GtkStringObject *string = gtk_list_item_get_item (item);
  const char *id = gtk_string_object_get_string (string);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *icon = gtk_widget_get_first_child (box);
  GtkWidget *texts = gtk_widget_get_next_sibling (icon);
  GtkWidget *text = gtk_widget_get_first_child (texts);
  GtkWidget *caption = gtk_widget_get_next_sibling (text);
  CrbClaim *claim = crb_project_find_claim (project, id, NULL, NULL);
  CrbConsensus consensus = CRB_CONSENSUS_NONE;
  g_autoptr (CrbDecision) gold = crb_project_team_dup_gold (project, id, &consensus);
  gboolean settled = consensus == CRB_CONSENSUS_ADJUDICATED;
  g_autoptr (GPtrArray) annotations = crb_project_team_dup_annotations (project, id);
  g_autoptr (GString) summary = g_string_new (NULL);

  gtk_image_set_from_icon_name (GTK_IMAGE (icon), settled ? "object-select-symbolic" : "dialog-warning-symbolic");
  gtk_widget_remove_css_class (icon, settled ? "warning" : "success");
  gtk_widget_add_css_class (icon, settled ? "success" : "warning");
  gtk_inscription_set_text (GTK_INSCRIPTION (text), claim ? crb_claim_get_text (claim) : id);
  for (guint i = 0; annotations != NULL && i < annotations->len; i++)
    {
      CrbAnnotation *annotation = g_ptr_array_index (annotations, i);
      g_autofree char *what = crb_adjudication_describe (annotation->decision);

      /* Translators: a reviewer's decision in the adjudication queue: "ana: Confirmed" */
      g_string_append_printf (summary, _("%s%s: %s"), i ? " · " : "", annotation->reviewer, what);
    }
  if (settled)
    {
      g_autofree char *rest = g_string_free (g_steal_pointer (&summary), FALSE);

      /* Translators: a settled claim in the adjudication queue; %s: "ana: Confirmed · ben: Rejected (false)" */
      summary = g_string_new (NULL);
      g_string_printf (summary, _("Settled · %s"), rest);
    }
  gtk_inscription_set_text (GTK_INSCRIPTION (caption), summary->str);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new ();
  GtkWidget *text = gtk_inscription_new (NULL);
  GtkWidget *caption = gtk_inscription_new (NULL);

  gtk_widget_add_css_class (box, "crb-claim-row");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_inscription_set_min_lines (GTK_INSCRIPTION (text), 2);
  gtk_inscription_set_nat_lines (GTK_INSCRIPTION (text), 2);
  gtk_inscription_set_wrap_mode (GTK_INSCRIPTION (text), PANGO_WRAP_WORD_CHAR);
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (text), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_widget_add_css_class (caption, "caption");
  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (caption), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), text);
  gtk_box_append (GTK_BOX (texts), caption);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_item_set_child (item, box);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             CrbProject               *project)
{
  update_row (item, project);
}

/**
 * crb_adjudication_row_factory_new:
 * @project: the project the queue's claims are of
 *
 * Returns: (transfer full): the rows of the adjudication queue, a list of
 *   claim ids (#GtkStringObject): the claim, what each reviewer decided,
 *   and whether it is settled
 */
GtkListItemFactory *
crb_adjudication_row_factory_new (CrbProject *project)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), NULL);
  g_signal_connect_data (factory, "bind", G_CALLBACK (row_bind_cb), g_object_ref (project),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  return factory;
}

static void
crb_adjudication_view_dispose (GObject *object)
{
  CrbAdjudicationView *self = (CrbAdjudicationView *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->annotations, g_ptr_array_unref);

  G_OBJECT_CLASS (crb_adjudication_view_parent_class)->dispose (object);
}

static void
crb_adjudication_view_class_init (CrbAdjudicationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_adjudication_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  /**
   * CrbAdjudicationView::correction-done:
   * @text: the corrected text
   */
  signals[CORRECTION_DONE] = g_signal_new ("correction-done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                           NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CrbAdjudicationView::name-chosen:
   * @name: what the adjudicator typed, stripped
   */
  signals[NAME_CHOSEN] = g_signal_new ("name-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                       NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * CrbAdjudicationView::cancelled:
   *
   * A question was left without an answer (Escape).
   */
  signals[CANCELLED] = g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                     NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
crb_adjudication_view_init (CrbAdjudicationView *self)
{
  build (self);
  /* The keys of the adjudication go to the window: the view holds the
   * focus for them, so that no row of the queue looks focused apart from
   * the one selected.
   */
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
}

GtkWidget *
crb_adjudication_view_new (void)
{
  return g_object_new (CRB_TYPE_ADJUDICATION_VIEW, NULL);
}

/**
 * crb_adjudication_view_show:
 * @claim_id: (nullable): the claim, or %NULL for none
 * @position: its place in the queue, from 0
 * @n_claims: the length of the queue
 *
 * Shows a claim of @project's adjudication queue with every reviewer's
 * decision; a question asked of another claim is dropped.
 */
void
crb_adjudication_view_show (CrbAdjudicationView *self,
                            CrbProject          *project,
                            const char          *claim_id,
                            guint                position,
                            guint                n_claims)
{
  CrbStory *story = NULL;
  CrbClaim *claim = claim_id ? crb_project_find_claim (project, claim_id, &story, NULL) : NULL;
  CrbConsensus consensus = CRB_CONSENSUS_NONE;
  g_autofree char *take = NULL;
  g_autofree char *state = NULL;
  g_autofree char *text = NULL;
  GtkWidget *child;
  guint n;

  g_return_if_fail (CRB_IS_ADJUDICATION_VIEW (self));

  g_clear_pointer (&self->annotations, g_ptr_array_unref);
  while ((child = gtk_widget_get_first_child (self->cards)) != NULL)
    gtk_flow_box_remove (GTK_FLOW_BOX (self->cards), child);
  gtk_widget_set_visible (self->box, claim != NULL);
  if (claim == NULL)
    return;

  /* Translators: "Disagreement 2 of 5" */
  text = g_strdup_printf (_("Disagreement %u of %u"), position + 1, n_claims);
  gtk_label_set_label (GTK_LABEL (self->position_label), text);
  g_free (text);
  text = g_strdup_printf ("%s · %s", crb_explain_outlet (story, crb_claim_get_article_id (claim)),
                          crb_story_get_title (story));
  gtk_label_set_label (GTK_LABEL (self->source_label), text);
  gtk_label_set_label (GTK_LABEL (self->claim_label), crb_claim_get_text (claim));
  state = describe_state (project, claim_id, &consensus);
  gtk_label_set_label (GTK_LABEL (self->state_label), state);
  gtk_widget_remove_css_class (self->state_label, "success");
  gtk_widget_remove_css_class (self->state_label, "warning");
  gtk_widget_add_css_class (self->state_label, consensus == CRB_CONSENSUS_ADJUDICATED ? "success" : "warning");

  crb_team_get_adjudication (crb_project_get_team (project), claim_id, NULL, NULL, &take, NULL);
  self->annotations = crb_project_team_dup_annotations (project, claim_id);
  n = self->annotations ? self->annotations->len : 0;
  for (guint i = 0; i < n; i++)
    {
      CrbAnnotation *annotation = g_ptr_array_index (self->annotations, i);

      gtk_flow_box_append (GTK_FLOW_BOX (self->cards),
                           annotation_card (annotation, i, g_strcmp0 (take, annotation->reviewer) == 0));
    }
  /* Side by side, in as many columns as reviewers (at most four a line). */
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (self->cards), MIN (MAX (n, 1), 2));
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (self->cards), CLAMP (n, 1, 4));

  g_free (text);
  /* Translators: the keys of the adjudication; %u is the number of reviewers */
  text = g_strdup_printf (_("1–%u take a reviewer’s decision · A confirm · E correct · X reject "
                            "· J, K next, previous · Ctrl+Z undo"), MAX (n, 1));
  gtk_label_set_label (GTK_LABEL (self->hint_label), text);
}

/**
 * crb_adjudication_view_get_annotations:
 *
 * Returns: (transfer none) (nullable) (element-type CrbAnnotation): every
 *   reviewer's decision on the claim shown, in the order of their keys
 */
GPtrArray *
crb_adjudication_view_get_annotations (CrbAdjudicationView *self)
{
  g_return_val_if_fail (CRB_IS_ADJUDICATION_VIEW (self), NULL);
  return self->annotations;
}

/* X: the reasons to reject, shown or hidden. */
void
crb_adjudication_view_toggle_reject (CrbAdjudicationView *self)
{
  gboolean shown;

  g_return_if_fail (CRB_IS_ADJUDICATION_VIEW (self));

  shown = gtk_revealer_get_reveal_child (GTK_REVEALER (self->reject_revealer));
  hide_questions (self);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->reject_revealer), !shown && self->annotations != NULL);
}

gboolean
crb_adjudication_view_get_reject_mode (CrbAdjudicationView *self)
{
  g_return_val_if_fail (CRB_IS_ADJUDICATION_VIEW (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->reject_revealer));
}

/* E: the corrected text, from @text; ::correction-done gives it. */
void
crb_adjudication_view_begin_correction (CrbAdjudicationView *self,
                                        const char          *text)
{
  g_return_if_fail (CRB_IS_ADJUDICATION_VIEW (self));

  hide_questions (self);
  gtk_editable_set_text (GTK_EDITABLE (self->correct_entry), text);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->correct_revealer), TRUE);
  gtk_widget_grab_focus (self->correct_entry);
}

/**
 * crb_adjudication_view_ask_name:
 * @problem: (nullable): what was wrong with the name given before
 *
 * Asks who adjudicates; ::name-chosen gives the answer.
 */
void
crb_adjudication_view_ask_name (CrbAdjudicationView *self,
                                const char          *problem)
{
  g_return_if_fail (CRB_IS_ADJUDICATION_VIEW (self));

  hide_questions (self);
  gtk_label_set_label (GTK_LABEL (self->name_problem), problem ? problem : "");
  gtk_widget_set_visible (self->name_problem, problem != NULL);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->name_revealer), TRUE);
  gtk_widget_grab_focus (self->name_entry);
}

gboolean
crb_adjudication_view_is_asking_name (CrbAdjudicationView *self)
{
  g_return_val_if_fail (CRB_IS_ADJUDICATION_VIEW (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->name_revealer));
}

/* Whether a question waits for an answer. */
gboolean
crb_adjudication_view_is_asking (CrbAdjudicationView *self)
{
  g_return_val_if_fail (CRB_IS_ADJUDICATION_VIEW (self), FALSE);
  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->reject_revealer)) ||
         gtk_revealer_get_reveal_child (GTK_REVEALER (self->correct_revealer)) ||
         gtk_revealer_get_reveal_child (GTK_REVEALER (self->name_revealer));
}

/* Drops the question asked, if any: ::cancelled. */
void
crb_adjudication_view_cancel (CrbAdjudicationView *self)
{
  g_return_if_fail (CRB_IS_ADJUDICATION_VIEW (self));

  if (!crb_adjudication_view_is_asking (self))
    return;
  hide_questions (self);
  g_signal_emit (self, signals[CANCELLED], 0);
}
