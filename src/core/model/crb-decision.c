/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-decision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-decision.h"
#include "crb-error.h"
#include "crb-json.h"

G_DEFINE_BOXED_TYPE (CrbDecision, crb_decision, crb_decision_copy, crb_decision_free)

CrbDecision *
crb_decision_new (CrbDecisionStatus status)
{
  CrbDecision *self = g_new0 (CrbDecision, 1);

  self->status = status;
  return self;
}

CrbDecision *
crb_decision_copy (const CrbDecision *decision)
{
  CrbDecision *copy;

  g_return_val_if_fail (decision != NULL, NULL);

  copy = crb_decision_new (decision->status);
  copy->reason = decision->reason;
  copy->corrected_text = g_strdup (decision->corrected_text);
  copy->note = g_strdup (decision->note);
  copy->annotator = g_strdup (decision->annotator);
  copy->time = g_strdup (decision->time);
  return copy;
}

void
crb_decision_free (CrbDecision *decision)
{
  if (decision == NULL)
    return;

  g_free (decision->corrected_text);
  g_free (decision->note);
  g_free (decision->annotator);
  g_free (decision->time);
  g_free (decision);
}

gboolean
crb_decision_equal (const CrbDecision *a,
                    const CrbDecision *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return a->status == b->status &&
         a->reason == b->reason &&
         g_strcmp0 (a->corrected_text, b->corrected_text) == 0 &&
         g_strcmp0 (a->note, b->note) == 0 &&
         g_strcmp0 (a->annotator, b->annotator) == 0 &&
         g_strcmp0 (a->time, b->time) == 0;
}

/**
 * crb_decision_get_status:
 * @decision: (nullable): a claim's decision
 *
 * Returns: its status; pending for %NULL (no decision)
 */
CrbDecisionStatus
crb_decision_get_status (const CrbDecision *decision)
{
  return decision != NULL ? decision->status : CRB_DECISION_STATUS_PENDING;
}

/**
 * crb_decision_get_correction:
 * @decision: (nullable): a claim's decision
 *
 * Returns: (nullable): the corrected text when @decision corrects the
 *   claim, else %NULL (the claim's final text is its own)
 */
const char *
crb_decision_get_correction (const CrbDecision *decision)
{
  if (decision != NULL && decision->status == CRB_DECISION_STATUS_CORRECTED)
    return decision->corrected_text;
  return NULL;
}

static void
add_optional_string (JsonBuilder *builder,
                     const char  *name,
                     const char  *value)
{
  if (value == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

JsonNode *
crb_decision_to_json (const CrbDecision *decision)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  g_return_val_if_fail (decision != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder, crb_decision_status_to_string (decision->status));
  add_optional_string (builder, "reason", crb_reject_reason_to_string (decision->reason));
  add_optional_string (builder, "corrected", decision->corrected_text);
  add_optional_string (builder, "note", decision->note);
  add_optional_string (builder, "annotator", decision->annotator);
  add_optional_string (builder, "time", decision->time);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
get_optional_string (const CrbJsonDoc   *doc,
                     const CrbJsonValue *object,
                     const char         *name,
                     char              **out,
                     GError            **error)
{
  const CrbJsonValue *value = crb_json_member_get (doc, object, name);

  if (value == NULL || crb_json_type (value) == CRB_JSON_NULL)
    return TRUE;

  if (crb_json_type (value) != CRB_JSON_STRING)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("field “%s” must be a string"), name);
      return FALSE;
    }

  *out = g_strdup (crb_json_string (doc, value));
  return TRUE;
}

/**
 * crb_decision_from_value:
 * @value: (nullable): a decision object in @doc
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL with @error set
 */
CrbDecision *
crb_decision_from_value (const CrbJsonDoc   *doc,
                         const CrbJsonValue *value,
                         GError            **error)
{
  g_autoptr (CrbDecision) self = NULL;
  g_autofree char *status = NULL;
  g_autofree char *reason = NULL;

  if (value == NULL || crb_json_type (value) != CRB_JSON_OBJECT)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                           _("a decision must be an object"));
      return NULL;
    }

  self = crb_decision_new (CRB_DECISION_STATUS_PENDING);

  if (!get_optional_string (doc, value, "status", &status, error) ||
      !get_optional_string (doc, value, "reason", &reason, error) ||
      !get_optional_string (doc, value, "corrected", &self->corrected_text, error) ||
      !get_optional_string (doc, value, "note", &self->note, error) ||
      !get_optional_string (doc, value, "annotator", &self->annotator, error) ||
      !get_optional_string (doc, value, "time", &self->time, error))
    return NULL;

  if (!crb_decision_status_from_string (status, &self->status))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("unknown decision status “%s”"), status ? status : "(missing)");
      return NULL;
    }

  if (reason != NULL && !crb_reject_reason_from_string (reason, &self->reason))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("unknown reject reason “%s”"), reason);
      return NULL;
    }

  if (self->status == CRB_DECISION_STATUS_REJECTED && self->reason == CRB_REJECT_REASON_NONE)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                           _("a rejected claim needs a reject reason"));
      return NULL;
    }

  if (self->status == CRB_DECISION_STATUS_CORRECTED && self->corrected_text == NULL)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                           _("a corrected claim needs its corrected text"));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/* The json-glib entry points go through the same code as text. */
static CrbJsonDoc *
doc_from_node (JsonNode  *node,
               GString  **text)
{
  *text = g_string_new (NULL);
  crb_json_append (*text, node);
  return crb_json_doc_parse ((*text)->str, (*text)->len, NULL);
}

CrbDecision *
crb_decision_from_json (JsonNode  *node,
                        GError   **error)
{
  g_autoptr (GString) text = NULL;
  g_autoptr (CrbJsonDoc) doc = doc_from_node (node, &text);

  return crb_decision_from_value (doc, doc ? crb_json_doc_root (doc) : NULL, error);
}

CrbHistoryEntry *
crb_history_entry_new (guint64            seq,
                       const char        *claim_id,
                       const CrbDecision *before,
                       const CrbDecision *after)
{
  CrbHistoryEntry *entry = g_new0 (CrbHistoryEntry, 1);

  entry->seq = seq;
  entry->claim_id = g_strdup (claim_id);
  entry->before = before ? crb_decision_copy (before) : NULL;
  entry->after = crb_decision_copy (after);
  return entry;
}

/**
 * crb_history_entry_new_link:
 * @a: the first claim of the pair, in story order
 * @b: the second
 * @before: the pair's state before: "auto", "agrees", "conflicts",
 *   "related" or "unlinked"
 * @after: its state after
 */
CrbHistoryEntry *
crb_history_entry_new_link (guint64     seq,
                            const char *a,
                            const char *b,
                            const char *before,
                            const char *after)
{
  CrbHistoryEntry *entry = g_new0 (CrbHistoryEntry, 1);

  entry->seq = seq;
  entry->kind = CRB_CHANGE_LINK;
  entry->claim_id = g_strdup (a);
  entry->other_id = g_strdup (b);
  entry->link_before = g_strdup (before);
  entry->link_after = g_strdup (after);
  return entry;
}

/**
 * crb_history_entry_new_article:
 * @before: (array fixed-size=4): the article's fields before, each nullable
 * @after: (array fixed-size=4): its fields after
 */
CrbHistoryEntry *
crb_history_entry_new_article (guint64             seq,
                               const char         *article_id,
                               const char * const *before,
                               const char * const *after)
{
  CrbHistoryEntry *entry = g_new0 (CrbHistoryEntry, 1);

  entry->seq = seq;
  entry->kind = CRB_CHANGE_ARTICLE;
  entry->other_id = g_strdup (article_id);
  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    {
      entry->info_before[i] = g_strdup (before[i]);
      entry->info_after[i] = g_strdup (after[i]);
    }
  return entry;
}

const char *
crb_article_info_to_string (CrbArticleInfo info)
{
  static const char * const names[CRB_N_ARTICLE_INFO] = { "outlet", "title", "date", "url" };

  g_return_val_if_fail (info < CRB_N_ARTICLE_INFO, NULL);
  return names[info];
}

void
crb_history_entry_free (CrbHistoryEntry *entry)
{
  if (entry == NULL)
    return;

  g_free (entry->claim_id);
  crb_decision_free (entry->before);
  crb_decision_free (entry->after);
  g_free (entry->other_id);
  g_free (entry->link_before);
  g_free (entry->link_after);
  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    {
      g_free (entry->info_before[i]);
      g_free (entry->info_after[i]);
    }
  g_free (entry);
}

static gboolean
is_link_state (const char *state)
{
  static const char * const states[] = { "auto", "agrees", "conflicts", "related", "unlinked", NULL };

  return state != NULL && g_strv_contains (states, state);
}

static void
add_info (JsonBuilder        *builder,
          const char         *member,
          char * const       *info)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_object (builder);
  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    if (info[i] != NULL)
      {
        json_builder_set_member_name (builder, crb_article_info_to_string (i));
        json_builder_add_string_value (builder, info[i]);
      }
  json_builder_end_object (builder);
}

JsonNode *
crb_history_entry_to_json (const CrbHistoryEntry *entry)
{
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "seq");
  json_builder_add_int_value (builder, (gint64) entry->seq);
  switch (entry->kind)
    {
    case CRB_CHANGE_DECISION:
      json_builder_set_member_name (builder, "claim");
      json_builder_add_string_value (builder, entry->claim_id);
      json_builder_set_member_name (builder, "before");
      if (entry->before)
        json_builder_add_value (builder, crb_decision_to_json (entry->before));
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "after");
      json_builder_add_value (builder, crb_decision_to_json (entry->after));
      break;
    case CRB_CHANGE_LINK:
      json_builder_set_member_name (builder, "link");
      json_builder_begin_array (builder);
      json_builder_add_string_value (builder, entry->claim_id);
      json_builder_add_string_value (builder, entry->other_id);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "before");
      json_builder_add_string_value (builder, entry->link_before);
      json_builder_set_member_name (builder, "after");
      json_builder_add_string_value (builder, entry->link_after);
      break;
    case CRB_CHANGE_ARTICLE:
      json_builder_set_member_name (builder, "article");
      json_builder_add_string_value (builder, entry->other_id);
      add_info (builder, "before", entry->info_before);
      add_info (builder, "after", entry->info_after);
      break;
    default:
      g_assert_not_reached ();
    }
  if (entry->undone)
    {
      json_builder_set_member_name (builder, "undone");
      json_builder_add_boolean_value (builder, TRUE);
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
read_info (const CrbJsonDoc   *doc,
           const CrbJsonValue *object,
           char              **info,
           GError            **error)
{
  if (object == NULL || crb_json_type (object) != CRB_JSON_OBJECT)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                           _("an article change needs “before” and “after” objects"));
      return FALSE;
    }
  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    {
      const CrbJsonValue *field = crb_json_member_get (doc, object, crb_article_info_to_string (i));

      if (field != NULL && crb_json_type (field) != CRB_JSON_STRING && crb_json_type (field) != CRB_JSON_NULL)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("the field “%s” must be a string"), crb_article_info_to_string (i));
          return FALSE;
        }
      if (field != NULL && crb_json_type (field) == CRB_JSON_STRING)
        info[i] = g_strdup (crb_json_string (doc, field));
    }
  return TRUE;
}

/* A change that is not a decision: a link ("link": [a, b]) or an article
 * ("article": ID).
 */
static CrbHistoryEntry *
other_entry_from_value (const CrbJsonDoc   *doc,
                        const CrbJsonValue *value,
                        guint64             seq,
                        GError            **error)
{
  g_autoptr (CrbHistoryEntry) entry = g_new0 (CrbHistoryEntry, 1);
  const CrbJsonValue *link = crb_json_member_get (doc, value, "link");
  const char *article = crb_json_get_string (doc, value, "article", NULL);

  entry->seq = seq;
  entry->undone = crb_json_boolean (crb_json_member_get (doc, value, "undone"));

  if (link != NULL)
    {
      const CrbJsonValue *a = crb_json_first (doc, link);
      const CrbJsonValue *b = a ? crb_json_next (doc, a) : NULL;

      entry->kind = CRB_CHANGE_LINK;
      if (crb_json_type (link) != CRB_JSON_ARRAY || crb_json_length (link) != 2 ||
          crb_json_type (a) != CRB_JSON_STRING || crb_json_type (b) != CRB_JSON_STRING)
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("the field “link” must be two claim ids"));
          return NULL;
        }
      entry->claim_id = g_strdup (crb_json_string (doc, a));
      entry->other_id = g_strdup (crb_json_string (doc, b));
      entry->link_before = g_strdup (crb_json_get_string (doc, value, "before", NULL));
      entry->link_after = g_strdup (crb_json_get_string (doc, value, "after", NULL));
      if (!is_link_state (entry->link_before) || !is_link_state (entry->link_after))
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("a link change's “before” and “after” must be auto, agrees, "
                                 "conflicts, related or unlinked"));
          return NULL;
        }
      return g_steal_pointer (&entry);
    }

  if (article != NULL)
    {
      entry->kind = CRB_CHANGE_ARTICLE;
      entry->other_id = g_strdup (article);
      if (!read_info (doc, crb_json_member_get (doc, value, "before"), entry->info_before, error) ||
          !read_info (doc, crb_json_member_get (doc, value, "after"), entry->info_after, error))
        return NULL;
      return g_steal_pointer (&entry);
    }

  g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("a history entry needs “claim”, “link” or “article”"));
  return NULL;
}

/**
 * crb_history_entry_from_value:
 * @value: (nullable): a history entry object in @doc
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with @error set
 */
CrbHistoryEntry *
crb_history_entry_from_value (const CrbJsonDoc   *doc,
                              const CrbJsonValue *value,
                              GError            **error)
{
  g_autoptr (CrbHistoryEntry) entry = NULL;
  const CrbJsonValue *seq, *before;
  const char *claim;

  if (value == NULL || crb_json_type (value) != CRB_JSON_OBJECT)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                           _("a history entry must be an object"));
      return NULL;
    }

  seq = crb_json_member_get (doc, value, "seq");
  claim = crb_json_get_string (doc, value, "claim", NULL);
  if (seq == NULL || crb_json_type (seq) != CRB_JSON_INT || crb_json_int (seq) <= 0)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                           _("a history entry needs a positive “seq”"));
      return NULL;
    }

  if (claim == NULL)
    return other_entry_from_value (doc, value, (guint64) crb_json_int (seq), error);

  entry = g_new0 (CrbHistoryEntry, 1);
  entry->seq = (guint64) crb_json_int (seq);
  entry->claim_id = g_strdup (claim);
  entry->undone = crb_json_boolean (crb_json_member_get (doc, value, "undone"));

  before = crb_json_member_get (doc, value, "before");
  if (before != NULL && crb_json_type (before) != CRB_JSON_NULL &&
      !(entry->before = crb_decision_from_value (doc, before, error)))
    return NULL;

  if (!(entry->after = crb_decision_from_value (doc, crb_json_member_get (doc, value, "after"), error)))
    return NULL;

  return g_steal_pointer (&entry);
}

CrbHistoryEntry *
crb_history_entry_from_json (JsonNode  *node,
                             GError   **error)
{
  g_autoptr (GString) text = NULL;
  g_autoptr (CrbJsonDoc) doc = doc_from_node (node, &text);

  return crb_history_entry_from_value (doc, doc ? crb_json_doc_root (doc) : NULL, error);
}
