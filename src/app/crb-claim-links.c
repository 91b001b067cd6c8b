/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-claim-links"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-claim-links.h"
#include "crb-explain.h"
#include "crb-format.h"
#include "crb-widgets.h"

/*
 * The claims of other articles that state the selected claim's fact, and
 * those linked to it as related, grouped by fact and by outlet: one row
 * per outlet, with its claims' values.  An outlet with one claim shows it
 * at once, with why in words a keyboard reviewer reads without hovering:
 * "The death tolls differ", and the two values side by side, this claim's
 * first ("7 killed" ≠ "9 killed").  An outlet with several claims is a row
 * that opens on them (Enter or a click).  A fact told by 300 outlets
 * lists the first outlets, conflicting ones first, and a row that shows
 * more.  A claim's row selects it (claim.select); its button unlinks it
 * (claim.unlink).
 *
 * Claims of a big fact that the alignment joined without storing a link
 * to the selected claim (docs/alignment.md, "Big facts") say "same fact",
 * without reasons.
 */

/* Outlets listed at first, and added by each "show more". */
#define GROUPS_PER_PAGE 6
/* A story whose claim has at most this many others shows them all open. */
#define OPEN_ENTRIES 8
/* Claims listed under an open outlet; a line says how many more. */
#define ENTRIES_PER_GROUP 12

typedef enum
{
  ROW_ENTRY,   /* a claim */
  ROW_GROUP,   /* an outlet's claims, closed or open */
  ROW_MORE,    /* shows more outlets */
  ROW_REST,    /* "12 more claims of …", not activatable */
} RowKind;

/* A claim of another article, with its link to the selected one. */
typedef struct
{
  CrbClaim      *claim;   /* borrowed from the story */
  const CrbLink *link;    /* borrowed; NULL when the fact stores none */
} Entry;

/* The claims of one outlet in one section. */
typedef struct
{
  char       *key;        /* the outlet, for the open groups */
  const char *outlet;
  GArray     *entries;    /* Entry */
  guint       n_conflicts;
  guint       n_agreeing;
} Group;

/* The rows are kept and reused: a claim of a fact told by twenty outlets
 * has twenty of them, and building a row costs more than filling one.
 */
typedef struct
{
  GtkWidget *row;
  GtkWidget *title;
  GtkWidget *subtitle;
  GtkWidget *reasons;   /* a box: one GtkBox per difference or agreement */
  GtkWidget *notes;     /* the other reasons, or the values, on one line */
  GtkWidget *unlink;
  GtkWidget *arrow;
  RowKind    kind;
  Group     *group;     /* borrowed: the group it opens */
  char      *select;    /* the claim it selects */
} LinkRow;

/* The fact's outlets, or the related claims' outlets. */
typedef struct
{
  GtkWidget *heading;
  GtkWidget *list;
  GPtrArray *rows;      /* LinkRow */
  GPtrArray *groups;    /* Group, in the order shown */
  guint      n_shown;   /* groups listed, before "show more" */
} Section;

struct _CrbClaimLinks
{
  GtkWidget   parent_instance;

  GtkWidget  *box;
  GtkWidget  *heading;
  GtkWidget  *summary;     /* a big fact keeps only some links */
  Section     fact;
  Section     related;

  CrbClaim     *claim;
  CrbStory     *story;
  CrbAlignment *alignment; /* the story's, when the groups were made; compared only */
  GHashTable   *open;      /* keys of the open groups of claim */
};

G_DEFINE_FINAL_TYPE (CrbClaimLinks, crb_claim_links, GTK_TYPE_WIDGET)

static void
group_free (Group *group)
{
  g_free (group->key);
  g_array_unref (group->entries);
  g_free (group);
}

static void
link_row_free (LinkRow *r)
{
  g_free (r->select);
  g_free (r);
}

static LinkRow *
row_get (Section *section,
         guint    index)
{
  GtkWidget *box, *top, *texts;
  LinkRow *r;

  if (index < section->rows->len)
    return g_ptr_array_index (section->rows, index);

  r = g_new0 (LinkRow, 1);
  r->row = gtk_list_box_row_new ();
  gtk_widget_add_css_class (r->row, "crb-link-row");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r->row), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 6);
  top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_widget_set_hexpand (texts, TRUE);
  r->title = crb_label_new (NULL, NULL, TRUE);
  r->subtitle = crb_label_new (NULL, "caption", TRUE);
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

  /* Whether an outlet is open is the row's state, not the arrow's. */
  r->arrow = g_object_new (GTK_TYPE_IMAGE, "icon-name", "pan-end-symbolic",
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
  gtk_widget_set_valign (r->arrow, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_end (r->arrow, 6);
  gtk_box_append (GTK_BOX (top), r->arrow);
  gtk_box_append (GTK_BOX (box), top);

  r->reasons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_box_append (GTK_BOX (box), r->reasons);
  r->notes = crb_label_new (NULL, "caption", TRUE);
  gtk_widget_add_css_class (r->notes, "dim-label");
  gtk_box_append (GTK_BOX (box), r->notes);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (r->row), box);
  /* Named by the claim (or outlet) and what it says, described by why. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (r->row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, r->title, r->subtitle, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, r->reasons, r->notes, NULL,
                                  -1);
  gtk_list_box_append (GTK_LIST_BOX (section->list), r->row);
  g_ptr_array_add (section->rows, r);
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
  GtkWidget *sentence = crb_label_new (NULL, "caption-heading", TRUE);

  gtk_label_set_label (GTK_LABEL (sentence), reason->text);
  if (classes[reason->kind] != NULL)
    gtk_widget_add_css_class (sentence, classes[reason->kind]);
  gtk_box_append (GTK_BOX (box), sentence);

  if (reason->here != NULL && reason->there != NULL)
    {
      GtkWidget *values = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *here = crb_label_new (NULL, "crb-value", TRUE);
      GtkWidget *there = crb_label_new (NULL, "crb-value", TRUE);
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

/* Up to @max figures of @claim not in @texts yet, as read ("9 killed"):
 * what its outlet says of the fact, at a glance.
 */
static void
add_values (GPtrArray *texts,
            CrbClaim  *claim,
            guint      max)
{
  JsonNode *values = crb_claim_get_values (claim);
  JsonNode *member;
  JsonArray *quantities;

  if (values == NULL || !JSON_NODE_HOLDS_OBJECT (values) ||
      (member = json_object_get_member (json_node_get_object (values), "quantities")) == NULL ||
      !JSON_NODE_HOLDS_ARRAY (member))
    return;
  quantities = json_node_get_array (member);

  for (guint i = 0; i < json_array_get_length (quantities) && texts->len < max; i++)
    {
      JsonNode *node = json_array_get_element (quantities, i);
      g_autofree char *text = NULL;
      gboolean seen = FALSE;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      text = crb_format_quantity_bare (json_node_get_object (node));
      if (text == NULL)
        continue;
      for (guint k = 0; k < texts->len && !seen; k++)
        seen = g_strcmp0 (g_ptr_array_index (texts, k), text) == 0;
      if (!seen)
        g_ptr_array_add (texts, g_steal_pointer (&text));
    }
}

static void
clear_reasons (LinkRow *r)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (r->reasons)) != NULL)
    gtk_box_remove (GTK_BOX (r->reasons), child);
  gtk_widget_set_visible (r->reasons, FALSE);
}

static void
set_notes (LinkRow    *r,
           const char *text)
{
  gtk_label_set_label (GTK_LABEL (r->notes), text ? text : "");
  gtk_widget_set_visible (r->notes, text != NULL && *text != '\0');
}

static void
set_kind (LinkRow   *r,
          RowKind    kind,
          gboolean   indented,
          gboolean   conflict,
          const char *select_id)
{
  r->kind = kind;
  r->group = NULL;
  g_free (r->select);
  r->select = g_strdup (select_id);
  gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (r->row)),
                               indented ? 30 : 12);
  if (conflict)
    gtk_widget_add_css_class (r->row, "crb-conflict");
  else
    gtk_widget_remove_css_class (r->row, "crb-conflict");
  gtk_widget_set_visible (r->subtitle, kind != ROW_MORE && kind != ROW_REST);
  gtk_widget_set_visible (r->arrow, kind == ROW_GROUP || kind == ROW_MORE);
  gtk_widget_set_visible (r->unlink, FALSE);
  /* Rows are no GtkActionable: a list box row that ever had an action
   * never emits ::row-activated again, and a row may open an outlet.
   */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (r->row), kind != ROW_REST);
  gtk_widget_remove_css_class (r->title, "heading");
  gtk_widget_remove_css_class (r->title, "crb-link-more");
  gtk_widget_remove_css_class (r->title, "dim-label");
  gtk_widget_set_visible (r->row, TRUE);
}

/* A claim of another article, and why it is linked. */
static void
fill_entry (LinkRow     *r,
            CrbStory    *story,
            const char  *claim_id,
            const Entry *entry,
            gboolean     indented)
{
  const CrbLink *link = entry->link;
  CrbClaim *other = entry->claim;
  const char *outlet = crb_explain_outlet (story, crb_claim_get_article_id (other));
  const char *other_id = crb_claim_get_id (other);
  g_autofree char *subtitle = NULL;

  set_kind (r, ROW_ENTRY, indented,
            link != NULL && link->relation == CRB_RELATION_CONFLICTS, other_id);
  gtk_label_set_label (GTK_LABEL (r->title), crb_claim_get_final_text (other));
  clear_reasons (r);

  if (link == NULL)
    {
      g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      /* Translators: a claim of the same big fact, with no stored link to
       * the selected one: "Coastline Daily · same fact"
       */
      subtitle = g_strdup_printf (_("%s · same fact"), outlet);
      gtk_label_set_label (GTK_LABEL (r->subtitle), subtitle);
      add_values (values, other, 3);
      g_ptr_array_add (values, NULL);
      {
        g_autofree char *text = g_strjoinv (" · ", (char **) values->pdata);
        set_notes (r, text);
      }
      return;
    }

  {
    g_autoptr (GPtrArray) reasons = crb_explain_link (story, link, claim_id);
    g_autoptr (GString) notes = g_string_new (NULL);

    if (link->manual)
      /* Translators: a linked claim's outlet and relation: "Coastline Daily · conflicts · by hand" */
      subtitle = g_strdup_printf (_("%s · %s · by hand"), outlet, crb_explain_relation (link->relation));
    else
      /* Translators: a linked claim's outlet and relation: "Coastline Daily · conflicts" */
      subtitle = g_strdup_printf (_("%s · %s"), outlet, crb_explain_relation (link->relation));
    gtk_label_set_label (GTK_LABEL (r->subtitle), subtitle);

    for (guint i = 0; i < reasons->len; i++)
      {
        CrbReason *reason = g_ptr_array_index (reasons, i);

        if (reason->kind != CRB_REASON_NOTE || (reason->here != NULL && reason->there != NULL))
          gtk_box_append (GTK_BOX (r->reasons), reason_widget (reason, outlet));
        else if (!link->manual || reasons->len > 1)
          g_string_append_printf (notes, "%s%s", notes->len ? " · " : "", reason->text);
      }
    gtk_widget_set_visible (r->reasons, gtk_widget_get_first_child (r->reasons) != NULL);
    set_notes (r, notes->str);
  }

  gtk_actionable_set_action_target (GTK_ACTIONABLE (r->unlink), "s", other_id);
  gtk_widget_set_visible (r->unlink, TRUE);
}

/* An outlet with several claims: how many, how they stand, their values. */
static void
fill_group (LinkRow  *r,
            CrbStory *story,
            Group    *group,
            gboolean  open)
{
  g_autoptr (GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) subtitle = g_string_new (NULL);
  g_autofree char *text = NULL;
  guint n = group->entries->len;

  set_kind (r, ROW_GROUP, FALSE, group->n_conflicts > 0, NULL);
  r->group = group;
  gtk_label_set_label (GTK_LABEL (r->title), group->outlet);
  gtk_widget_add_css_class (r->title, "heading");
  clear_reasons (r);

  g_string_append_printf (subtitle, g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n), n);
  if (group->n_conflicts > 0)
    /* Translators: how many of an outlet's claims conflict with the
     * selected one: "3 claims · 1 conflicting"
     */
    g_string_append_printf (subtitle,
                            g_dngettext (GETTEXT_PACKAGE, " · %u conflicting", " · %u conflicting",
                                         group->n_conflicts),
                            group->n_conflicts);
  if (group->n_agreeing > 0)
    /* Translators: how many of an outlet's claims agree with the selected
     * one: "3 claims · 2 agreeing"
     */
    g_string_append_printf (subtitle,
                            g_dngettext (GETTEXT_PACKAGE, " · %u agreeing", " · %u agreeing",
                                         group->n_agreeing),
                            group->n_agreeing);
  gtk_label_set_label (GTK_LABEL (r->subtitle), subtitle->str);

  /* The figures they state, at most three, from the first claims. */
  for (guint i = 0; i < MIN (n, 2 * ENTRIES_PER_GROUP) && values->len < 3; i++)
    add_values (values, g_array_index (group->entries, Entry, i).claim, 3);
  g_ptr_array_add (values, NULL);
  text = g_strjoinv (" · ", (char **) values->pdata);
  set_notes (r, text);

  if (open)
    gtk_image_set_from_icon_name (GTK_IMAGE (r->arrow), "pan-down-symbolic");
  else if (gtk_widget_get_direction (r->row) == GTK_TEXT_DIR_RTL)
    gtk_image_set_from_icon_name (GTK_IMAGE (r->arrow), "pan-start-symbolic");
  else
    gtk_image_set_from_icon_name (GTK_IMAGE (r->arrow), "pan-end-symbolic");
  gtk_accessible_update_state (GTK_ACCESSIBLE (r->row), GTK_ACCESSIBLE_STATE_EXPANDED, open, -1);
}

static void
fill_more (LinkRow *r,
           guint    n_left)
{
  guint n = MIN (n_left, GROUPS_PER_PAGE * 4);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u More Outlet",
                                                         "Show %u More Outlets", n), n);
  g_autofree char *notes = NULL;

  if (n < n_left)
    notes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u outlet not listed",
                                          "%u outlets not listed", n_left),
                             n_left);

  set_kind (r, ROW_MORE, FALSE, FALSE, NULL);
  gtk_label_set_label (GTK_LABEL (r->title), title);
  gtk_widget_add_css_class (r->title, "crb-link-more");
  clear_reasons (r);
  set_notes (r, notes);
  gtk_image_set_from_icon_name (GTK_IMAGE (r->arrow), "pan-down-symbolic");
}

/* "12 more claims of Coastline Daily", under an open outlet. */
static void
fill_rest (LinkRow    *r,
           guint       n,
           const char *outlet)
{
  /* Translators: under an outlet's claims: "12 more claims of Coastline Daily" */
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more claim of %s",
                                                         "%u more claims of %s", n), n, outlet);

  set_kind (r, ROW_REST, TRUE, FALSE, NULL);
  gtk_label_set_label (GTK_LABEL (r->title), title);
  gtk_widget_add_css_class (r->title, "dim-label");
  clear_reasons (r);
  set_notes (r, NULL);
}

static void
fill_section (CrbClaimLinks *self,
              Section       *section)
{
  const char *claim_id = crb_claim_get_id (self->claim);
  guint n_groups = MIN (section->groups->len, section->n_shown);
  guint i = 0;

  for (guint g = 0; g < n_groups; g++)
    {
      Group *group = g_ptr_array_index (section->groups, g);
      guint n = group->entries->len;
      gboolean open;

      if (n == 1)
        {
          fill_entry (row_get (section, i++), self->story, claim_id,
                      &g_array_index (group->entries, Entry, 0), FALSE);
          continue;
        }

      open = g_hash_table_contains (self->open, group->key);
      fill_group (row_get (section, i++), self->story, group, open);
      for (guint e = 0; open && e < MIN (n, ENTRIES_PER_GROUP); e++)
        fill_entry (row_get (section, i++), self->story, claim_id,
                    &g_array_index (group->entries, Entry, e), TRUE);
      if (open && n > ENTRIES_PER_GROUP)
        fill_rest (row_get (section, i++), n - ENTRIES_PER_GROUP, group->outlet);
    }
  if (section->groups->len > n_groups)
    fill_more (row_get (section, i++), section->groups->len - n_groups);

  for (guint k = i; k < section->rows->len; k++)
    gtk_widget_set_visible (((LinkRow *) g_ptr_array_index (section->rows, k))->row, FALSE);
  gtk_widget_set_visible (section->list, i > 0);
  gtk_widget_set_visible (section->heading, i > 0);
}

/* ---- grouping ---- */

static Group *
group_for (GPtrArray  *groups,
           GHashTable *by_outlet,
           const char *outlet)
{
  Group *group = g_hash_table_lookup (by_outlet, outlet);

  if (group == NULL)
    {
      group = g_new0 (Group, 1);
      group->key = g_strdup (outlet);
      group->outlet = outlet;
      group->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
      g_hash_table_insert (by_outlet, (gpointer) outlet, group);
      g_ptr_array_add (groups, group);
    }
  return group;
}

static void
add_entry (GPtrArray     *groups,
           GHashTable    *by_outlet,
           CrbStory      *story,
           CrbClaim      *claim,
           const CrbLink *link)
{
  const char *outlet = crb_explain_outlet (story, crb_claim_get_article_id (claim));
  Group *group = group_for (groups, by_outlet, outlet);
  Entry entry = { claim, link };

  g_array_append_val (group->entries, entry);
  if (link != NULL && link->relation == CRB_RELATION_CONFLICTS)
    group->n_conflicts++;
  else if (link != NULL && link->relation == CRB_RELATION_AGREES)
    group->n_agreeing++;
}

/* Conflicting outlets first, then agreeing ones, then by name. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *x = *(Group * const *) a, *y = *(Group * const *) b;

  if ((x->n_conflicts > 0) != (y->n_conflicts > 0))
    return x->n_conflicts > 0 ? -1 : 1;
  if ((x->n_agreeing > 0) != (y->n_agreeing > 0))
    return x->n_agreeing > 0 ? -1 : 1;
  return g_utf8_collate (x->outlet, y->outlet);
}

/* The claims of other articles in the claim's fact, and those linked to
 * it outside the fact, each set by outlet.  Returns how many claims.
 */
static guint
collect (CrbClaimLinks *self)
{
  CrbAlignment *alignment = crb_story_get_alignment (self->story);
  const char *id = crb_claim_get_id (self->claim);
  const char *article_id = crb_claim_get_article_id (self->claim);
  const CrbFact *fact = crb_alignment_get_fact (alignment, id);
  GPtrArray *links = crb_alignment_get_claim_links (alignment, id);
  g_autoptr (GHashTable) in_fact = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) in_related = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = 0;

  g_ptr_array_set_size (self->fact.groups, 0);
  g_ptr_array_set_size (self->related.groups, 0);
  self->alignment = alignment;

  /* The stored links first: they say why. */
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      const CrbLink *link = g_ptr_array_index (links, i);
      const char *other_id = crb_link_other_end (link, id);
      CrbClaim *other = other_id ? crb_story_lookup_claim (self->story, other_id) : NULL;
      gboolean same_fact;

      if (other == NULL || g_hash_table_contains (listed, other_id))
        continue;
      same_fact = fact != NULL && crb_alignment_get_fact (alignment, other_id) == fact;
      if (same_fact)
        add_entry (self->fact.groups, in_fact, self->story, other, link);
      else
        add_entry (self->related.groups, in_related, self->story, other, link);
      g_hash_table_add (listed, (gpointer) other_id);
      n++;
    }

  /* Then the fact's other claims, of other articles. */
  for (guint k = 0; fact != NULL && fact->claims[k] != NULL; k++)
    {
      const char *other_id = fact->claims[k];
      CrbClaim *other;

      if (g_str_equal (other_id, id) || g_hash_table_contains (listed, other_id) ||
          (other = crb_story_lookup_claim (self->story, other_id)) == NULL ||
          g_strcmp0 (crb_claim_get_article_id (other), article_id) == 0)
        continue;
      add_entry (self->fact.groups, in_fact, self->story, other, NULL);
      g_hash_table_add (listed, (gpointer) other_id);
      n++;
    }

  g_ptr_array_sort (self->fact.groups, compare_groups);
  g_ptr_array_sort (self->related.groups, compare_groups);
  return n;
}

/* What the fact section's heading says: how many outlets tell the fact,
 * and how many of them contradict the claim.
 */
static void
update_headings (CrbClaimLinks *self)
{
  const CrbFact *fact = crb_alignment_get_fact (crb_story_get_alignment (self->story),
                                                crb_claim_get_id (self->claim));
  guint n_outlets = fact ? fact->n_outlets : 1, n_contradicting = 0;
  g_autofree char *told = NULL;
  g_autofree char *text = NULL;

  for (guint g = 0; g < self->fact.groups->len; g++)
    if (((Group *) g_ptr_array_index (self->fact.groups, g))->n_conflicts > 0)
      n_contradicting++;

  /* Translators: over the claims of the selected claim's fact: "The same fact, told by 12 outlets" */
  told = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The same fact, told by %u outlet",
                                       "The same fact, told by %u outlets", n_outlets), n_outlets);
  if (n_contradicting > 0)
    /* Translators: "The same fact, told by 12 outlets" and "2 contradict this claim" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u contradicts this claim",
                                         "%s; %u contradict this claim", n_contradicting),
                            told, n_contradicting);
  gtk_label_set_label (GTK_LABEL (self->fact.heading), text ? text : told);
}

static void
refill (CrbClaimLinks *self)
{
  fill_section (self, &self->fact);
  fill_section (self, &self->related);
}

static void
on_row_activated_cb (CrbClaimLinks *self,
                     GtkListBoxRow *row,
                     GtkListBox    *list)
{
  Section *section = list == GTK_LIST_BOX (self->fact.list) ? &self->fact : &self->related;

  /* The groups borrow the links of the alignment they were made from. */
  if (self->story == NULL || crb_story_get_alignment (self->story) != self->alignment)
    return;

  for (guint i = 0; i < section->rows->len; i++)
    {
      LinkRow *r = g_ptr_array_index (section->rows, i);

      if (r->row != GTK_WIDGET (row))
        continue;
      if (r->kind == ROW_ENTRY && r->select != NULL)
        gtk_widget_activate_action (GTK_WIDGET (self), "claim.select", "s", r->select);
      else if (r->kind == ROW_GROUP && r->group != NULL)
        {
          if (!g_hash_table_remove (self->open, r->group->key))
            g_hash_table_add (self->open, g_strdup (r->group->key));
          refill (self);
        }
      else if (r->kind == ROW_MORE)
        {
          section->n_shown += GROUPS_PER_PAGE * 4;
          refill (self);
        }
      return;
    }
}

static void
section_init (CrbClaimLinks *self,
              Section       *section,
              const char    *name)
{
  section->heading = crb_label_new (NULL, "caption", TRUE);
  gtk_widget_add_css_class (section->heading, "dim-label");
  gtk_box_append (GTK_BOX (self->box), section->heading);

  section->list = gtk_list_box_new ();
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) link_row_free);
  section->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (section->list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (section->list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (section->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (section->list),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, section->heading, NULL, -1);
  g_signal_connect_object (section->list, "row-activated", G_CALLBACK (on_row_activated_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), section->list);
}

static void
section_clear (Section *section)
{
  g_clear_pointer (&section->rows, g_ptr_array_unref);
  g_clear_pointer (&section->groups, g_ptr_array_unref);
}

static void
crb_claim_links_dispose (GObject *object)
{
  CrbClaimLinks *self = (CrbClaimLinks *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);
  section_clear (&self->fact);
  section_clear (&self->related);
  g_clear_object (&self->claim);
  g_clear_object (&self->story);
  g_clear_pointer (&self->open, g_hash_table_unref);

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
  self->open = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->heading = crb_label_new (NULL, "caption-heading", TRUE);
  gtk_widget_set_margin_top (self->heading, 6);
  gtk_box_append (GTK_BOX (self->box), self->heading);

  section_init (self, &self->fact, _("Claims of the same fact in other articles"));
  section_init (self, &self->related, _("Related claims in other articles"));
  gtk_label_set_label (GTK_LABEL (self->related.heading), _("Related, in other facts"));

  self->summary = crb_label_new (NULL, "caption", TRUE);
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
 * Shows the claims of @claim's fact and those linked to it, by outlet,
 * with why; again after the story's links or a claim changed (the outlets
 * opened stay open for the same claim).
 */
void
crb_claim_links_set_claim (CrbClaimLinks *self,
                           CrbClaim      *claim,
                           CrbStory      *story)
{
  CrbAlignment *alignment;
  const CrbFact *fact;
  guint n;

  g_return_if_fail (CRB_IS_CLAIM_LINKS (self));

  if (story == NULL || claim == NULL || !crb_story_is_loaded (story))
    {
      g_clear_object (&self->claim);
      g_clear_object (&self->story);
      self->alignment = NULL;
      g_ptr_array_set_size (self->fact.groups, 0);
      g_ptr_array_set_size (self->related.groups, 0);
      gtk_widget_set_visible (self->box, FALSE);
      return;
    }

  /* Another claim starts with its outlets closed, the first listed. */
  if (claim != self->claim)
    {
      g_hash_table_remove_all (self->open);
      self->fact.n_shown = GROUPS_PER_PAGE;
      self->related.n_shown = GROUPS_PER_PAGE;
    }
  g_set_object (&self->claim, claim);
  g_set_object (&self->story, story);

  n = collect (self);
  /* A few claims are all shown open, with why: no click to read them. */
  if (n <= OPEN_ENTRIES)
    for (guint s = 0; s < 2; s++)
      {
        GPtrArray *groups = s == 0 ? self->fact.groups : self->related.groups;

        for (guint g = 0; g < groups->len; g++)
          g_hash_table_add (self->open, g_strdup (((Group *) g_ptr_array_index (groups, g))->key));
      }
  update_headings (self);
  refill (self);

  gtk_widget_set_visible (self->box, TRUE);
  gtk_label_set_label (GTK_LABEL (self->heading),
                       n > 0 ? _("In other articles")
                             : _("Not linked to other articles. To link it, Ctrl+click a claim in another article, or press L here and then on that claim."));

  /* A big fact keeps one link joining each claim: say that the others
   * were summarized, and what the story's limits left out.
   */
  alignment = crb_story_get_alignment (story);
  fact = crb_alignment_get_fact (alignment, crb_claim_get_id (claim));
  if (fact != NULL && fact->n_links_summarized > 0)
    {
      g_autofree char *note = crb_explain_note (alignment->note);
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "A big fact: %u link inside it is summarized, not stored. Its claims with no stored link to this one say “same fact”.",
                                                            "A big fact: %u links inside it are summarized, not stored. Its claims with no stored link to this one say “same fact”.",
                                                            fact->n_links_summarized),
                                               fact->n_links_summarized);

      gtk_label_set_label (GTK_LABEL (self->summary), text);
      gtk_widget_set_tooltip_text (self->summary, note);
    }
  gtk_widget_set_visible (self->summary, fact != NULL && fact->n_links_summarized > 0);
}
