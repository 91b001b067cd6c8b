/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-explain"

#include "config.h"

#include "crb-explain.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crb-format.h"

/*
 * What the links of a story say, in the reviewer's words.  The aligner
 * gives each link its reasons in English, in a few fixed shapes
 * (docs/alignment.md): "deaths: 7 vs 9 — conflict", "same date:
 * 2025-03-05", "shared entities: Kessel Street, Port Almera".  Here they
 * become sentences of the catalogue ("The death tolls differ"), with the
 * two claims' values as people write them (crb-format.c), seen from one
 * claim of the link.  Also the standing of an article among the story's
 * outlets ("contradicts 2 outlets on 1 fact") and what contradicts a
 * claim.  No widget: testable without a display.
 */

void
crb_reason_free (CrbReason *reason)
{
  if (reason == NULL)
    return;
  g_free (reason->text);
  g_free (reason->here);
  g_free (reason->there);
  g_free (reason);
}

static CrbReason *
reason_new (CrbReasonKind  kind,
            char          *text,
            char          *here,
            char          *there)
{
  CrbReason *reason = g_new0 (CrbReason, 1);

  reason->kind = kind;
  reason->text = text;
  reason->here = here;
  reason->there = there;
  return reason;
}

/**
 * crb_explain_outlet:
 *
 * Returns: the outlet of @article_id, or its id when it names none
 */
const char *
crb_explain_outlet (CrbStory   *story,
                    const char *article_id)
{
  CrbArticle *article = story ? crb_story_lookup_article (story, article_id) : NULL;

  return article && crb_article_get_outlet (article) ? crb_article_get_outlet (article) : article_id;
}

const char *
crb_explain_relation (CrbRelation relation)
{
  switch (relation)
    {
    case CRB_RELATION_AGREES:
      return C_("link", "agrees");
    case CRB_RELATION_CONFLICTS:
      return C_("link", "conflicts");
    case CRB_RELATION_RELATED:
      return C_("link", "related");
    default:
      return "";
    }
}

/* ---- the figures of a reason, found in the claims' values ---- */

static const char * const qualifier_words[][2] = {
  { "at least ", "at-least" }, { "more than ", "more-than" }, { "at most ", "at-most" },
  { "less than ", "less-than" }, { "about ", "about" },
};

/* "at least 6" → 6 and "at-least"; FALSE when it is no number. */
static gboolean
parse_figure (const char  *text,
              double      *value,
              const char **qualifier)
{
  char *end = NULL;

  *qualifier = "exact";
  for (guint i = 0; i < G_N_ELEMENTS (qualifier_words); i++)
    if (g_str_has_prefix (text, qualifier_words[i][0]))
      {
        text += strlen (qualifier_words[i][0]);
        *qualifier = qualifier_words[i][1];
        break;
      }

  *value = g_ascii_strtod (text, &end);
  return end != text && end != NULL && *end == '\0';
}

/* The item of @claim's values @member ("quantities") that says @value, as
 * people write it; NULL when there is none.
 */
static char *
find_quantity (CrbClaim   *claim,
               double      value,
               const char *qualifier)
{
  JsonNode *values = claim ? crb_claim_get_values (claim) : NULL;
  JsonObject *object;
  JsonArray *quantities;
  JsonObject *fallback = NULL;

  if (values == NULL || !JSON_NODE_HOLDS_OBJECT (values))
    return NULL;
  object = json_node_get_object (values);
  if (!json_object_has_member (object, "quantities") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (object, "quantities")))
    return NULL;

  quantities = json_object_get_array_member (object, "quantities");
  for (guint i = 0; i < json_array_get_length (quantities); i++)
    {
      JsonNode *node = json_array_get_element (quantities, i);
      JsonObject *q;
      JsonNode *v;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        continue;
      q = json_node_get_object (node);
      v = json_object_get_member (q, "value");
      if (v == NULL || !JSON_NODE_HOLDS_VALUE (v) ||
          (json_node_get_value_type (v) != G_TYPE_INT64 && json_node_get_value_type (v) != G_TYPE_DOUBLE))
        continue;
      if (ABS (json_node_get_double (v) - value) > 1e-9 * MAX (1.0, ABS (value)))
        continue;
      if (g_strcmp0 (json_object_get_string_member_with_default (q, "qualifier", "exact"), qualifier) == 0)
        return crb_format_quantity_bare (q);
      if (fallback == NULL)
        fallback = q;
    }

  return fallback ? crb_format_quantity_bare (fallback) : NULL;
}

/* A figure of a reason as people write it: from the claim's values, else
 * the number with its qualifier.
 */
static char *
figure_text (CrbClaim   *claim,
             const char *text)
{
  const char *qualifier;
  double value;
  char *found;
  g_autofree char *number = NULL;

  if (!parse_figure (text, &value, &qualifier))
    return g_strdup (text);
  if ((found = find_quantity (claim, value, qualifier)) != NULL)
    return found;

  number = crb_format_number (value);
  if (g_str_equal (qualifier, "at-least"))
    return g_strdup_printf (_("at least %s"), number);
  if (g_str_equal (qualifier, "more-than"))
    return g_strdup_printf (_("more than %s"), number);
  if (g_str_equal (qualifier, "at-most"))
    return g_strdup_printf (_("at most %s"), number);
  if (g_str_equal (qualifier, "less-than"))
    return g_strdup_printf (_("less than %s"), number);
  if (g_str_equal (qualifier, "about"))
    return g_strdup_printf (_("about %s"), number);
  return g_steal_pointer (&number);
}

static char *
date_text (const char *value,
           const char *article_date)
{
  g_autoptr (JsonObject) date = json_object_new ();

  json_object_set_string_member (date, "value", value);
  json_object_set_string_member (date, "text", value);
  return crb_format_date (date, article_date);
}

/* What differs or agrees, by the aligner's label of a figure. */
static char *
figure_sentence (const char    *label,
                 CrbReasonKind  kind)
{
  static const struct
  {
    const char *label;
    const char *differ;
    const char *agree;
  } sentences[] = {
    { "deaths", N_("The death tolls differ"), N_("The death tolls agree") },
    { "injured", N_("The numbers of injured differ"), N_("The numbers of injured agree") },
    { "arrests", N_("The numbers of arrests differ"), N_("The numbers of arrests agree") },
    { "missing", N_("The numbers of missing differ"), N_("The numbers of missing agree") },
    { "percentage", N_("The percentages differ"), N_("The percentages agree") },
    { "amount", N_("The amounts differ"), N_("The amounts agree") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sentences); i++)
    if (g_str_equal (sentences[i].label, label))
      return g_strdup (_(kind == CRB_REASON_AGREEMENT ? sentences[i].agree : sentences[i].differ));

  /* Any other count ("vehicles"): the aligner's label is a word stem. */
  return g_strdup (kind == CRB_REASON_AGREEMENT ? _("The figures agree") : _("The figures differ"));
}

/* "dated 2015-03-01, far from the story's 2025", "set elsewhere (Kyiv)",
 * "told as an earlier event": why a claim is about another event.
 */
static char *
background_text (const char *why)
{
  g_autofree char *date = NULL;
  int year = 0;

  if (g_str_equal (why, "told as an earlier event"))
    return g_strdup (_("told as an earlier event"));
  if (g_str_has_prefix (why, "set elsewhere (") && g_str_has_suffix (why, ")"))
    {
      g_autofree char *places = g_strndup (why + strlen ("set elsewhere ("),
                                           strlen (why) - strlen ("set elsewhere (") - 1);

      /* Translators: why a claim is about another event: "set elsewhere (Kyiv)" */
      return g_strdup_printf (_("set elsewhere (%s)"), places);
    }
  if (g_str_has_prefix (why, "dated "))
    {
      const char *comma = strstr (why, ", far from the story's ");

      if (comma != NULL)
        {
          date = g_strndup (why + strlen ("dated "), comma - why - strlen ("dated "));
          year = atoi (comma + strlen (", far from the story's "));
          /* Translators: why a claim is about another event: "dated 1 March 2015, far from the story’s 2025" */
          return g_strdup_printf (_("dated %s, far from the story’s %d"), date, year);
        }
    }
  return g_strdup (why);
}

/* A reason in words that is no figure, date or place: NULL when unknown. */
static char *
plain_reason (const char *why)
{
  static const struct
  {
    const char *english;
    const char *words;
  } fixed[] = {
    { "different figures (not the same count): not the same fact",
      N_("They count different things: not the same fact") },
    { "each says who did it, differently: not the same fact",
      N_("Each says someone else did it: not the same fact") },
    { "both in one fact through other claims: compared as the same fact",
      N_("Other claims join them in one fact, so they are compared as the same fact") },
    { "matches two claims of the fact: joins it",
      N_("It matches two claims of the fact, so it joins the fact") },
    { "the two claims belong to facts that nothing else joins: related only",
      N_("They belong to facts that nothing else joins: related only") },
    { "the same claim, word for word", N_("The same claim, word for word") },
    { "linked by hand", N_("Linked by hand") },
  };
  const char *actor_end;

  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (g_str_equal (why, fixed[i].english))
      return g_strdup (_(fixed[i].words));

  if (g_str_has_prefix (why, "both on whether ") && g_str_has_suffix (why, " was involved"))
    {
      g_autofree char *actor = g_strndup (why + strlen ("both on whether "),
                                          strlen (why) - strlen ("both on whether ") - strlen (" was involved"));

      /* Translators: the reason two claims are linked; %s is a name */
      return g_strdup_printf (_("Both on whether %s was involved"), actor);
    }
  if (g_str_has_prefix (why, "both on ") && (actor_end = strstr (why, " claiming responsibility")))
    {
      g_autofree char *actor = g_strndup (why + strlen ("both on "), actor_end - why - strlen ("both on "));

      /* Translators: the reason two claims are linked; %s is a name */
      return g_strdup_printf (_("Both on %s claiming responsibility"), actor);
    }
  if (g_str_has_prefix (why, "both about another event (") && g_str_has_suffix (why, ")"))
    {
      g_autofree char *inner = g_strndup (why + strlen ("both about another event ("),
                                          strlen (why) - strlen ("both about another event (") - 1);
      g_autofree char *words = background_text (inner);

      /* Translators: the reason two claims are linked: "Both about another event (told as an earlier event)" */
      return g_strdup_printf (_("Both about another event (%s)"), words);
    }
  if (g_str_has_prefix (why, "says what the claim of ") && g_str_has_suffix (why, " says"))
    {
      g_autofree char *outlet = g_strndup (why + strlen ("says what the claim of "),
                                           strlen (why) - strlen ("says what the claim of ") - strlen (" says"));

      /* Translators: the reason two claims are linked; %s is an outlet */
      return g_strdup_printf (_("Says what the claim of %s says"), outlet);
    }
  if (g_str_has_prefix (why, "shared entities: "))
    /* Translators: the reason two claims are linked: "Both name Kessel Street, Port Almera" */
    return g_strdup_printf (_("Both name %s"), why + strlen ("shared entities: "));
  if (g_str_has_prefix (why, "shared words: "))
    /* The words are stems ("collaps"): no reading for people. */
    return g_strdup (_("Similar wording"));
  if (g_str_equal (why, "one report denies what the other asserts — conflict"))
    return g_strdup (_("One report denies what the other asserts"));

  return NULL;
}

/* Splits "LABEL: X vs Y[ — conflict| — compatible]". */
static gboolean
split_comparison (const char  *why,
                  char       **label,
                  char       **x,
                  char       **y,
                  const char **verdict)
{
  const char *colon = strstr (why, ": ");
  const char *vs, *dash;

  if (colon == NULL || (vs = strstr (colon, " vs ")) == NULL)
    return FALSE;

  dash = strstr (vs, " — ");
  *verdict = dash ? dash + strlen (" — ") : "";
  *label = g_strndup (why, colon - why);
  *x = g_strndup (colon + 2, vs - colon - 2);
  *y = dash ? g_strndup (vs + 4, dash - vs - 4) : g_strdup (vs + 4);
  return TRUE;
}

/**
 * crb_explain_why:
 * @why: one of a link's reasons, as the aligner wrote it
 *
 * Returns: the reason in the reviewer's words, without the claims'
 *   values: for lists that show no link in particular
 */
char *
crb_explain_why (const char *why)
{
  g_autofree char *label = NULL, *x = NULL, *y = NULL;
  const char *verdict;
  char *plain;

  if ((plain = plain_reason (why)) != NULL)
    return plain;
  if (g_str_has_prefix (why, "same date: "))
    {
      g_autofree char *date = date_text (why + strlen ("same date: "), NULL);

      return g_strdup_printf (_("Same date: %s"), date);
    }
  if (split_comparison (why, &label, &x, &y, &verdict))
    {
      if (g_str_equal (label, "date"))
        return g_strdup (_("The dates differ"));
      if (g_str_equal (label, "venue"))
        return g_strdup (_("The places differ"));
      return figure_sentence (label, g_str_equal (verdict, "compatible") ? CRB_REASON_AGREEMENT
                                                                          : CRB_REASON_CONFLICT);
    }
  return g_strdup (why);
}

static int
reason_order (gconstpointer a,
              gconstpointer b)
{
  const CrbReason *ra = *(CrbReason **) a, *rb = *(CrbReason **) b;

  return (int) ra->kind - (int) rb->kind;
}

/**
 * crb_explain_link:
 * @link: a link of @story
 * @from_id: the claim of @link it is seen from: its values come first
 *
 * Returns: (transfer full) (element-type CrbReason): the link's reasons
 *   in words, the differences first, then the updates, the agreements
 *   and the notes; a difference or an agreement carries both claims'
 *   values, and so does a difference of claims linked as related (a
 *   note, then)
 */
GPtrArray *
crb_explain_link (CrbStory      *story,
                  const CrbLink *link,
                  const char    *from_id)
{
  GPtrArray *reasons = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_reason_free);
  gboolean swap = g_strcmp0 (from_id, link->b) == 0;
  CrbClaim *a = story ? crb_story_lookup_claim (story, link->a) : NULL;
  CrbClaim *b = story ? crb_story_lookup_claim (story, link->b) : NULL;
  CrbArticle *article_a = a ? crb_story_lookup_article (story, crb_claim_get_article_id (a)) : NULL;
  CrbArticle *article_b = b ? crb_story_lookup_article (story, crb_claim_get_article_id (b)) : NULL;
  const char *date_a = article_a ? crb_article_get_date (article_a) : NULL;
  const char *date_b = article_b ? crb_article_get_date (article_b) : NULL;

  for (guint i = 0; link->why != NULL && link->why[i] != NULL; i++)
    {
      const char *why = link->why[i];
      g_autofree char *label = NULL, *x = NULL, *y = NULL;
      const char *verdict;
      char *plain, *va = NULL, *vb = NULL, *text;
      CrbReasonKind kind;

      if ((plain = plain_reason (why)) != NULL)
        {
          kind = g_str_has_suffix (why, "— conflict") ? CRB_REASON_CONFLICT : CRB_REASON_NOTE;
          g_ptr_array_add (reasons, reason_new (kind, plain, NULL, NULL));
          continue;
        }

      if (g_str_has_prefix (why, "same date: "))
        {
          g_autofree char *date = date_text (why + strlen ("same date: "), date_a);

          g_ptr_array_add (reasons, reason_new (CRB_REASON_NOTE, g_strdup_printf (_("Same date: %s"), date),
                                                NULL, NULL));
          continue;
        }

      if (g_str_has_prefix (why, "later report (") && reasons->len > 0)
        {
          /* "later report (2025-03-06) raises the toll: update, not
           * conflict" follows the figures it speaks of.
           */
          CrbReason *last = g_ptr_array_index (reasons, reasons->len - 1);
          g_autofree char *day = g_strndup (why + strlen ("later report ("), 10);
          g_autofree char *date = date_text (day, NULL);

          last->kind = CRB_REASON_UPDATE;
          g_free (last->text);
          /* Translators: %s is the date of the later report */
          last->text = g_strdup_printf (_("A later report, of %s, raises the toll: an update, not a conflict"),
                                        date);
          continue;
        }

      if (!split_comparison (why, &label, &x, &y, &verdict))
        {
          g_ptr_array_add (reasons, reason_new (CRB_REASON_NOTE, g_strdup (why), NULL, NULL));
          continue;
        }

      kind = g_str_equal (verdict, "compatible") ? CRB_REASON_AGREEMENT : CRB_REASON_CONFLICT;
      if (g_str_equal (label, "date"))
        {
          text = g_strdup (_("The dates differ"));
          va = date_text (x, date_a);
          vb = date_text (y, date_b);
        }
      else if (g_str_equal (label, "venue"))
        {
          text = g_strdup (_("The places differ"));
          va = g_strdup (x);
          vb = g_strdup (y);
        }
      else
        {
          text = figure_sentence (label, kind);
          va = figure_text (a, x);
          vb = figure_text (b, y);
        }
      g_ptr_array_add (reasons, reason_new (kind, text, swap ? vb : va, swap ? va : vb));
    }

  /* Figures that differ in claims linked as related only (not the same
   * fact) are no conflict: said, not flagged.
   */
  if (link->relation == CRB_RELATION_RELATED)
    for (guint i = 0; i < reasons->len; i++)
      if (((CrbReason *) g_ptr_array_index (reasons, i))->kind == CRB_REASON_CONFLICT)
        ((CrbReason *) g_ptr_array_index (reasons, i))->kind = CRB_REASON_NOTE;

  /* Stable: the aligner's order within a kind. */
  g_ptr_array_sort (reasons, reason_order);
  return reasons;
}

/* Whether @sentence is a number followed by @rest, setting @n: sscanf's
 * "%u claims …" matches any sentence that starts with a number.
 */
static gboolean
count_then (const char *sentence,
            const char *rest,
            guint      *n)
{
  char *tail = NULL;
  guint64 value = g_ascii_strtoull (sentence, &tail, 10);

  if (tail == sentence || value > G_MAXUINT || !g_str_has_prefix (tail, rest))
    return FALSE;
  *n = (guint) value;
  return TRUE;
}

/**
 * crb_explain_note:
 * @note: (nullable): an alignment's note (#CrbAlignment)
 *
 * Returns: (nullable): the note in the reviewer's words: what a big
 *   story's limits left out
 */
char *
crb_explain_note (const char *note)
{
  g_autoptr (GString) s = NULL;
  g_auto (GStrv) sentences = NULL;

  if (note == NULL || *note == '\0')
    return NULL;

  s = g_string_new (NULL);
  sentences = g_strsplit (note, ". ", -1);
  for (guint i = 0; sentences[i] != NULL; i++)
    {
      const char *sentence = sentences[i];
      guint n = 0, m = 0;
      g_autofree char *words = NULL;

      if (sscanf (sentence, "Big story: %u of its %u claims", &n, &m) == 2)
        /* Translators: a big story's limit */
        words = g_strdup_printf (_("Big story: %u of its %u claims were not compared with every claim that shares their words, so some links may be missing."),
                                 n, m);
      else if (count_then (sentence, " claims repeat an earlier claim", &n))
        words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u claim repeats an earlier claim of another article word for word and was aligned through it.",
                                              "%u claims repeat an earlier claim of another article word for word and were aligned through it.",
                                              n), n);
      else if (sscanf (sentence, "%u links inside %u facts", &n, &m) == 2)
        words = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u links inside %u big fact are summarized, not stored: each such fact keeps one link joining each claim and the strongest conflict of each contested claim.",
                                              "%u links inside %u big facts are summarized, not stored: each such fact keeps one link joining each claim and the strongest conflict of each contested claim.",
                                              m),
                                 n, m);
      else if (count_then (sentence, " weaker related links are not stored", &n))
        words = g_strdup_printf (_("%u weaker related links are not stored: each claim keeps its strongest."), n);
      else
        words = g_str_has_suffix (sentence, ".") ? g_strdup (sentence) : g_strconcat (sentence, ".", NULL);

      if (s->len > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, words);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * crb_explain_alignment:
 * @brief: %TRUE for a claim list's row ("3 outlets · 1 conflict"), %FALSE
 *   for the panel ("3 outlets · conflicts with 1 other claim")
 *
 * What the links say of @claim.  The outlets counted are the claim's own,
 * those of its fact and those of every claim linked to it, related ones
 * too: the outlets of the claims listed under "In other articles".
 */
char *
crb_explain_alignment (CrbStory *story,
                       CrbClaim *claim,
                       gboolean  brief)
{
  g_autoptr (GHashTable) outlets = NULL;
  CrbAlignment *alignment;
  const CrbFact *fact;
  GPtrArray *links;
  const char *id = crb_claim_get_id (claim);
  guint conflicts = 0, n_outlets, n_fact_outlets = 0;
  g_autoptr (GString) s = g_string_new (NULL);

  if (story == NULL || !crb_story_is_loaded (story))
    return g_strdup ("");

  alignment = crb_story_get_alignment (story);
  fact = crb_alignment_get_fact (alignment, id);
  links = crb_alignment_get_claim_links (alignment, id);
  outlets = g_hash_table_new (g_str_hash, g_str_equal);
  g_hash_table_add (outlets, (gpointer) crb_explain_outlet (story, crb_claim_get_article_id (claim)));
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (links, i);
      const char *other_id = crb_link_other_end (link, id);
      CrbClaim *other = other_id ? crb_story_lookup_claim (story, other_id) : NULL;

      if (other == NULL)
        continue;
      if (link->relation == CRB_RELATION_CONFLICTS)
        conflicts++;
      /* The fact's outlets are counted below, at once. */
      if (fact == NULL || crb_alignment_get_fact (alignment, other_id) != fact)
        g_hash_table_add (outlets, (gpointer) crb_explain_outlet (story, crb_claim_get_article_id (other)));
    }

  /* A big fact keeps few of its links: its outlets are counted from its
   * claims, or taken from the fact when no other outlet adds to them.
   */
  if (fact != NULL && g_strv_length (fact->claims) > 1)
    {
      if (g_hash_table_size (outlets) == 1)
        n_fact_outlets = fact->n_outlets;
      else
        for (guint k = 0; fact->claims[k] != NULL; k++)
          {
            CrbClaim *member = crb_story_lookup_claim (story, fact->claims[k]);

            if (member != NULL)
              g_hash_table_add (outlets, (gpointer) crb_explain_outlet (story, crb_claim_get_article_id (member)));
          }
    }

  n_outlets = MAX (n_fact_outlets, g_hash_table_size (outlets));
  if (n_outlets > 1)
    g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u outlet", "%u outlets", n_outlets),
                            n_outlets);
  else
    g_string_append (s, _("single source"));

  if (conflicts > 0)
    {
      g_string_append (s, " · ");
      if (brief)
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts",
                                                conflicts),
                                conflicts);
      else
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "conflicts with %u other claim",
                                                "conflicts with %u other claims", conflicts),
                                conflicts);
    }

  return g_string_free (g_steal_pointer (&s), FALSE);
}

/**
 * crb_explain_contradictions:
 * @claim: a claim of @story
 * @n_outlets: (out): the outlets that contradict it
 *
 * What contradicts @claim: one line per conflicting claim of another
 * article that is not rejected: "Coastline Daily says 9 killed, this claim
 * 7 killed", or the reason without values ("Coastline Daily: One report
 * denies what the other asserts").
 *
 * Returns: (transfer full) (element-type utf8): the lines; empty when
 *   nothing contradicts it
 */
GPtrArray *
crb_explain_contradictions (CrbStory *story,
                            CrbClaim *claim,
                            guint    *n_outlets)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GHashTable) outlets = g_hash_table_new (g_str_hash, g_str_equal);
  CrbAlignment *alignment;
  GPtrArray *links;
  const char *id;

  *n_outlets = 0;
  if (story == NULL || claim == NULL || !crb_story_is_loaded (story))
    return lines;

  id = crb_claim_get_id (claim);
  alignment = crb_story_get_alignment (story);
  links = crb_alignment_get_claim_links (alignment, id);
  for (guint i = 0; links != NULL && i < links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (links, i);
      const char *other_id = crb_link_other_end (link, id);
      CrbClaim *other = other_id ? crb_story_lookup_claim (story, other_id) : NULL;
      g_autoptr (GPtrArray) reasons = NULL;
      const char *outlet;
      CrbReason *first;

      if (other == NULL || link->relation != CRB_RELATION_CONFLICTS ||
          crb_claim_get_status (other) == CRB_DECISION_STATUS_REJECTED)
        continue;

      outlet = crb_explain_outlet (story, crb_claim_get_article_id (other));
      g_hash_table_add (outlets, (gpointer) outlet);
      reasons = crb_explain_link (story, link, id);
      first = reasons->len > 0 ? g_ptr_array_index (reasons, 0) : NULL;
      if (first == NULL || first->kind != CRB_REASON_CONFLICT)
        /* Translators: what contradicts a claim: "Coastline Daily: conflicts" */
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), outlet, C_("link", "conflicts")));
      else if (first->here != NULL && first->there != NULL)
        /* Translators: what contradicts a claim: "Coastline Daily says 9
         * killed, this claim 7 killed"
         */
        g_ptr_array_add (lines, g_strdup_printf (_("%s says %s, this claim %s"), outlet, first->there,
                                                 first->here));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), outlet, first->text));
    }

  *n_outlets = g_hash_table_size (outlets);
  return lines;
}

/**
 * crb_explain_standing:
 * @article_id: an article of @story
 * @standing: (out caller-allocates): where the article stands
 *
 * Where an article stands among the story's outlets: the outlets that
 * contradict it and on how many facts, and those that only agree.
 */
void
crb_explain_standing (CrbStory    *story,
                      const char  *article_id,
                      CrbStanding *standing)
{
  g_autoptr (GHashTable) contradicting = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) agreeing = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) conflict_facts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) agree_facts = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GPtrArray) claims = NULL;
  const char *own_outlet;
  CrbAlignment *alignment;
  GHashTableIter iter;
  gpointer key;

  memset (standing, 0, sizeof *standing);
  if (story == NULL || !crb_story_is_loaded (story))
    return;

  own_outlet = crb_explain_outlet (story, article_id);
  alignment = crb_story_get_alignment (story);
  /* The article's claims and their links, not every link of the story:
   * a column of a big story asks this as it comes into view.
   */
  claims = crb_story_dup_article_claims (story, article_id);
  for (guint c = 0; c < claims->len; c++)
    {
      CrbClaim *mine = g_ptr_array_index (claims, c);
      GPtrArray *links = crb_alignment_get_claim_links (alignment, crb_claim_get_id (mine));

      for (guint i = 0; links != NULL && i < links->len; i++)
        {
          CrbLink *link = g_ptr_array_index (links, i);
          CrbClaim *other = crb_story_lookup_claim (story, crb_link_other_end (link, crb_claim_get_id (mine)));
          const CrbFact *fact;
          const char *outlet;

          /* A link between two claims of the article is no other outlet's. */
          if (other == NULL || link->relation == CRB_RELATION_RELATED ||
              g_strcmp0 (crb_claim_get_article_id (other), article_id) == 0)
            continue;

          outlet = crb_explain_outlet (story, crb_claim_get_article_id (other));
          /* Another article of the same outlet is no other outlet. */
          if (g_strcmp0 (outlet, own_outlet) == 0)
            continue;
          fact = crb_alignment_get_fact (alignment, crb_claim_get_id (mine));
          if (fact != NULL && fact->n_links_summarized > 0)
            standing->at_least = TRUE;
          if (link->relation == CRB_RELATION_CONFLICTS)
            {
              g_hash_table_add (contradicting, (gpointer) outlet);
              g_hash_table_add (conflict_facts, fact ? fact->id : (char *) crb_claim_get_id (mine));
            }
          else
            {
              g_hash_table_add (agreeing, (gpointer) outlet);
              g_hash_table_add (agree_facts, fact ? fact->id : (char *) crb_claim_get_id (mine));
            }
        }
    }

  g_hash_table_iter_init (&iter, contradicting);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_remove (agreeing, key);
  g_hash_table_iter_init (&iter, conflict_facts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_hash_table_remove (agree_facts, key);

  standing->n_contradicted = g_hash_table_size (contradicting);
  standing->n_conflict_facts = g_hash_table_size (conflict_facts);
  standing->n_agreeing = g_hash_table_size (agreeing);
  standing->n_agree_facts = g_hash_table_size (agree_facts);
}

/**
 * crb_explain_format_standing:
 *
 * Returns: the standing in words: "contradicts 4 outlets on 3 facts",
 *   "agrees with 2 outlets on 5 facts", or that no other outlet tells its
 *   facts
 */
char *
crb_explain_format_standing (const CrbStanding *standing)
{
  g_autofree char *outlets = NULL, *facts = NULL;

  if (standing->n_contradicted > 0)
    {
      guint n = standing->n_contradicted, m = standing->n_conflict_facts;

      outlets = standing->at_least
        /* Translators: the start of an article's standing: "contradicts at least 4 outlets", then "on 3 facts" */
        ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "contradicts at least %u outlet",
                                        "contradicts at least %u outlets", n), n)
        /* Translators: the start of an article's standing: "contradicts 4 outlets", then "on 3 facts" */
        : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "contradicts %u outlet", "contradicts %u outlets", n), n);
      /* Translators: the end of an article's standing: "contradicts 4 outlets" "on 3 facts" */
      facts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on %u fact", "on %u facts", m), m);
    }
  else if (standing->n_agreeing > 0)
    {
      guint n = standing->n_agreeing, m = standing->n_agree_facts;

      /* Translators: the start of an article's standing: "agrees with 2 outlets", then "on 5 facts" */
      outlets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "agrees with %u outlet", "agrees with %u outlets", n),
                                 n);
      facts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "on %u fact", "on %u facts", m), m);
    }
  else
    return g_strdup (_("no other outlet states its facts"));

  /* Translators: an article's standing, "contradicts 4 outlets" and "on 3 facts" */
  return g_strdup_printf (C_("standing", "%1$s %2$s"), outlets, facts);
}
