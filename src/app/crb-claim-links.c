/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-claim-links"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-claim-links.h"
#include "crb-explain.h"

/*
 * The claims of other articles linked to the selected claim, each with
 * why, in words a keyboard reviewer reads without hovering: "The death
 * tolls differ", and the two values side by side, this claim's first
 * ("7 killed" ≠ "9 killed").  A row selects its claim (claim.select); its
 * button unlinks it (claim.unlink).
 */

struct _CrbClaimLinks
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *heading;
  GtkWidget  *list;
  GtkWidget  *summary;     /* a big fact keeps only some links */
  GPtrArray  *rows;        /* LinkRow, reused from claim to claim */
};

G_DEFINE_FINAL_TYPE (CrbClaimLinks, crb_claim_links, GTK_TYPE_WIDGET)

/* The rows are kept and reused: a claim of a fact told by twenty outlets
 * has twenty of them, and building a row costs more than filling one.
 */
typedef struct
{
  GtkWidget *row;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *reasons;   /* a box: one GtkBox per difference or agreement */
  GtkWidget *notes;     /* the other reasons, on one line */
  GtkWidget *unlink;
} LinkRow;

static GtkWidget *
label_new (const char *css_class,
           gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static LinkRow *
row_get (CrbClaimLinks *self,
         guint          index)
{
  GtkWidget *box, *top, *texts;
  LinkRow *r;

  if (index < self->rows->len)
    return g_ptr_array_index (self->rows, index);

  r = g_new0 (LinkRow, 1);
  r->row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (r->row, "crb-link-row");
  /* The target first: an action with no target of its type warns. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (r->row), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (r->row), "claim.select");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r->row), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  r->title = label_new (NULL, TRUE);
  r->subtitle = label_new ("caption", TRUE);
  gtk_widget_add_css_class (r->subtitle, "dim-label");
  gtk_box_append (GTK_BOX (texts), r->title);
  gtk_box_append (GTK_BOX (texts), r->subtitle);
  gtk_box_append (GTK_BOX (top), texts);

  r->unlink = gtk_button_new_from_icon_name ("edit-delete-symbolic");
  gtk_widget_set_valign (r->unlink, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (r->unlink, "flat");
  /* Once per row: rows are reused, and the call costs about a millisecond. */
  gtk_widget_set_tooltip_text (r->unlink, _("Unlink"));
  /* An icon's tooltip is no name for a screen reader. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (r->unlink), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unlink"), -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (r->unlink), "s", "");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (r->unlink), "claim.unlink");
  gtk_box_append (GTK_BOX (top), r->unlink);
  gtk_box_append (GTK_BOX (box), top);

  r->reasons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), r->reasons);
  r->notes = label_new ("caption", TRUE);
  gtk_widget_add_css_class (r->notes, "dim-label");
  gtk_box_append (GTK_BOX (box), r->notes);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (r->row), box);
  /* Named by the claim and its outlet, described by why. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (r->row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, r->title, r->subtitle, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, r->reasons, r->notes, NULL,
                                  -1);
  gtk_list_box_append (GTK_LIST_BOX (self->list), r->row);
  g_ptr_array_add (self->rows, r);
  return r;
}

static gboolean
values_tooltip_cb (GtkWidget  *widget,
                   int         x,
                   int         y,
                   gboolean    keyboard,
                   GtkTooltip *tooltip,
                   gpointer    user_data)
{
  gtk_tooltip_set_text (tooltip, g_object_get_data (G_OBJECT (widget), "crb-tooltip"));
  return TRUE;
}

/* "The death tolls differ" over "7 killed" ≠ "9 killed". */
static GtkWidget *
reason_widget (CrbReason  *reason,
               const char *outlet)
{
  static const char * const classes[] = {
    "crb-reason-conflict", "crb-reason-update", "crb-reason-agreement", NULL,
  };
  static const char * const signs[] = { "≠", "→", "≈", "≠" };
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *sentence = label_new ("caption-heading", TRUE);

  gtk_label_set_label (GTK_LABEL (sentence), reason->text);
  if (classes[reason->kind] != NULL)
    gtk_widget_add_css_class (sentence, classes[reason->kind]);
  gtk_box_append (GTK_BOX (box), sentence);

  if (reason->here != NULL && reason->there != NULL)
    {
      GtkWidget *values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *here = label_new ("crb-value", TRUE);
      GtkWidget *there = label_new ("crb-value", TRUE);
      GtkWidget *sign = gtk_label_new (signs[reason->kind]);
      g_autofree char *spoken = NULL;

      gtk_label_set_label (GTK_LABEL (here), reason->here);
      gtk_label_set_label (GTK_LABEL (there), reason->there);
      gtk_widget_add_css_class (there, "crb-value-there");
      gtk_widget_add_css_class (sign, "dim-label");
      gtk_box_append (GTK_BOX (values), here);
      gtk_box_append (GTK_BOX (values), sign);
      gtk_box_append (GTK_BOX (values), there);
      gtk_box_append (GTK_BOX (box), values);

      /* Which value is whose, for a screen reader and on hover (a
       * tooltip asked for when shown: setting one costs about a
       * millisecond in GTK 4.8, and a claim may have twenty links).
       */
      /* Translators: two values side by side: "this claim: 7 killed; Coastline Daily: 9 killed" */
      spoken = g_strdup_printf (_("this claim: %s; %s: %s"), reason->here, outlet, reason->there);
      gtk_accessible_update_property (GTK_ACCESSIBLE (values), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
      g_object_set_data_full (G_OBJECT (values), "crb-tooltip", g_steal_pointer (&spoken), g_free);
      gtk_widget_set_has_tooltip (values, TRUE);
      g_signal_connect (values, "query-tooltip", G_CALLBACK (values_tooltip_cb), NULL);
    }

  return box;
}

static void
fill_row (LinkRow       *r,
          CrbStory      *story,
          const CrbLink *link,
          const char    *claim_id,
          CrbClaim      *other)
{
  g_autoptr (GPtrArray) reasons = crb_explain_link (story, link, claim_id);
  g_autoptr (GString) notes = g_string_new (NULL);
  const char *outlet = crb_explain_outlet (story, crb_claim_get_article_id (other));
  const char *other_id = crb_claim_get_id (other);
  g_autofree char *subtitle = NULL;
  GtkWidget *child;

  gtk_label_set_label (GTK_LABEL (r->title), crb_claim_get_final_text (other));
  if (link->manual)
    /* Translators: a linked claim's outlet and relation: "Coastline Daily · conflicts · by hand" */
    subtitle = g_strdup_printf (_("%s · %s · by hand"), outlet, crb_explain_relation (link->relation));
  else
    /* Translators: a linked claim's outlet and relation: "Coastline Daily · conflicts" */
    subtitle = g_strdup_printf (_("%s · %s"), outlet, crb_explain_relation (link->relation));
  gtk_label_set_label (GTK_LABEL (r->subtitle), subtitle);

  while ((child = gtk_widget_get_first_child (r->reasons)) != NULL)
    gtk_box_remove (GTK_BOX (r->reasons), child);
  for (guint i = 0; i < reasons->len; i++)
    {
      CrbReason *reason = g_ptr_array_index (reasons, i);

      if (reason->kind != CRB_REASON_NOTE || (reason->here != NULL && reason->there != NULL))
        gtk_box_append (GTK_BOX (r->reasons), reason_widget (reason, outlet));
      else if (!link->manual || reasons->len > 1)
        g_string_append_printf (notes, "%s%s", notes->len ? " · " : "", reason->text);
    }
  gtk_widget_set_visible (r->reasons, gtk_widget_get_first_child (r->reasons) != NULL);
  gtk_label_set_label (GTK_LABEL (r->notes), notes->str);
  gtk_widget_set_visible (r->notes, notes->len > 0);

  if (link->relation == CRB_RELATION_CONFLICTS)
    gtk_widget_add_css_class (r->row, "crb-conflict");
  else
    gtk_widget_remove_css_class (r->row, "crb-conflict");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (r->unlink), "s", other_id);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (r->row), "s", other_id);
  gtk_widget_set_visible (r->row, TRUE);
}

static void
crb_claim_links_dispose (GObject *object)
{
  CrbClaimLinks *self = (CrbClaimLinks *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (crb_claim_links_parent_class)->dispose (object);
}

static void
crb_claim_links_class_init (CrbClaimLinksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = crb_claim_links_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "crbclaimlinks");
}

static void
crb_claim_links_init (CrbClaimLinks *self)
{
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->heading = label_new ("caption-heading", TRUE);
  gtk_widget_set_margin_top (self->heading, 6);
  gtk_box_append (GTK_BOX (self->box), self->heading);

  self->list = gtk_list_box_new ();
  self->rows = g_ptr_array_new_with_free_func (g_free);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Linked claims in other articles"), -1);
  gtk_box_append (GTK_BOX (self->box), self->list);

  self->summary = label_new ("caption", TRUE);
  gtk_widget_add_css_class (self->summary, "dim-label");
  gtk_box_append (GTK_BOX (self->box), self->summary);
}

GtkWidget *
crb_claim_links_new (void)
{
  return g_object_new (CRB_TYPE_CLAIM_LINKS, NULL);
}

/**
 * crb_claim_links_set_claim:
 * @claim: (nullable): the selected claim
 * @story: (nullable): its story
 *
 * Shows the claims linked to @claim, with why; again after the story's
 * links or a claim changed.
 */
void
crb_claim_links_set_claim (CrbClaimLinks *self,
                           CrbClaim      *claim,
                           CrbStory      *story)
{
  CrbAlignment *alignment;
  const CrbFact *fact;
  const char *id;
  guint n = 0;

  g_return_if_fail (CRB_IS_CLAIM_LINKS (self));

  if (story == NULL || claim == NULL || !crb_story_is_loaded (story))
    {
      gtk_widget_set_visible (self->box, FALSE);
      return;
    }

  id = crb_claim_get_id (claim);
  alignment = crb_story_get_alignment (story);
  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      const char *other_id = crb_link_other_end (link, id);
      CrbClaim *other = other_id ? crb_story_lookup_claim (story, other_id) : NULL;

      if (other != NULL)
        fill_row (row_get (self, n++), story, link, id, other);
    }
  for (guint k = n; k < self->rows->len; k++)
    gtk_widget_set_visible (((LinkRow *) g_ptr_array_index (self->rows, k))->row, FALSE);

  gtk_widget_set_visible (self->box, TRUE);
  gtk_widget_set_visible (self->list, n > 0);
  gtk_label_set_label (GTK_LABEL (self->heading),
                       n > 0 ? _("In other articles")
                             : _("Not linked to other articles. To link it, Ctrl+click a claim in another article, or press L here and then on that claim."));

  /* A big fact keeps one link joining each claim: say that the others
   * exist, and what the story's limits left out.
   */
  fact = crb_alignment_get_fact (alignment, id);
  if (fact != NULL && fact->n_links_summarized > 0)
    {
      g_autofree char *note = crb_explain_note (alignment->note);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "This fact is told by %u outlets; %u more link inside it is summarized, not shown.",
                                                            "This fact is told by %u outlets; %u more links inside it are summarized, not shown.",
                                                            fact->n_links_summarized),
                                               fact->n_outlets, fact->n_links_summarized);

      gtk_label_set_label (GTK_LABEL (self->summary), text);
      gtk_widget_set_tooltip_text (self->summary, note);
    }
  gtk_widget_set_visible (self->summary, fact != NULL && fact->n_links_summarized > 0);
}
