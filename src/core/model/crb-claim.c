/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-claim"

#include "config.h"

#include "crb-claim.h"
#include "crb-claim-private.h"
#include "crb-enums.h"
#include "crb-json.h"

#include <string.h>

struct _CrbClaim
{
  GObject      parent_instance;

  char        *id;
  char        *article_id;  /* interned */
  guint        start;     /* code points, end exclusive */
  guint        end;
  char        *text;
  char        *kind;        /* interned */
  double       score;
  char       **reasons;     /* interned strings in an array of our own */
  JsonNode    *values;      /* parsed on request from values_json */
  char        *values_json; /* compact JSON text; made on request from values */
  CrbDecision *decision;  /* NULL while pending */
  /* team projects (crb-team.c): the decision shown instead of the file's */
  CrbDecision *view;
  gboolean     has_view;
};

G_DEFINE_FINAL_TYPE (CrbClaim, crb_claim, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ARTICLE_ID,
  PROP_START,
  PROP_END,
  PROP_TEXT,
  PROP_KIND,
  PROP_SCORE,
  PROP_STATUS,
  PROP_DECISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
crb_claim_finalize (GObject *object)
{
  CrbClaim *self = (CrbClaim *) object;

  g_free (self->id);
  g_free (self->text);
  g_free (self->reasons);  /* interned strings */
  g_clear_pointer (&self->values, json_node_unref);
  g_free (self->values_json);
  g_clear_pointer (&self->decision, crb_decision_free);
  g_clear_pointer (&self->view, crb_decision_free);

  G_OBJECT_CLASS (crb_claim_parent_class)->finalize (object);
}

static void
crb_claim_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrbClaim *self = CRB_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ARTICLE_ID:
      g_value_set_string (value, self->article_id);
      break;
    case PROP_START:
      g_value_set_uint (value, self->start);
      break;
    case PROP_END:
      g_value_set_uint (value, self->end);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;
    case PROP_SCORE:
      g_value_set_double (value, self->score);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, crb_claim_get_status (self));
      break;
    case PROP_DECISION:
      g_value_set_boxed (value, crb_claim_get_decision (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_claim_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CrbClaim *self = CRB_CLAIM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_ARTICLE_ID:
      self->article_id = (char *) g_intern_string (g_value_get_string (value));
      break;
    case PROP_START:
      self->start = g_value_get_uint (value);
      break;
    case PROP_END:
      self->end = g_value_get_uint (value);
      break;
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      break;
    case PROP_KIND:
      crb_claim_set_kind (self, g_value_get_string (value));
      break;
    case PROP_SCORE:
      crb_claim_set_score (self, g_value_get_double (value));
      break;
    case PROP_DECISION:
      crb_claim_set_decision (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_claim_class_init (CrbClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_claim_finalize;
  object_class->get_property = crb_claim_get_property;
  object_class->set_property = crb_claim_set_property;

  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  properties[PROP_ARTICLE_ID] = g_param_spec_string ("article-id", NULL, NULL, NULL, construct);
  /**
   * CrbClaim:start:
   *
   * The first code point of the claim in its article's text.
   */
  properties[PROP_START] = g_param_spec_uint ("start", NULL, NULL, 0, G_MAXUINT, 0, construct);
  /**
   * CrbClaim:end:
   *
   * The code point after the claim's last (end exclusive).
   */
  properties[PROP_END] = g_param_spec_uint ("end", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, construct);
  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, rw);
  properties[PROP_SCORE] = g_param_spec_double ("score", NULL, NULL, 0.0, 1.0, 0.0, rw);
  /**
   * CrbClaim:status:
   *
   * The review status, derived from #CrbClaim:decision.
   */
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL,
                                               CRB_TYPE_DECISION_STATUS,
                                               CRB_DECISION_STATUS_PENDING,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * CrbClaim:decision:
   *
   * The current decision, %NULL while the claim is pending.  Change it through
   * crb_project_decide() so that it is journaled and can be undone.
   */
  properties[PROP_DECISION] = g_param_spec_boxed ("decision", NULL, NULL, CRB_TYPE_DECISION, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_claim_init (CrbClaim *self)
{
}

/**
 * crb_claim_new:
 * @id: a stable identifier, unique in the project
 * @article_id: the article the claim is found in
 * @start: first code point of the span
 * @end: code point after the span
 * @text: the text of the span
 *
 * Returns: (transfer full): a new pending claim of kind "statement"
 */
CrbClaim *
crb_claim_new (const char *id,
               const char *article_id,
               guint       start,
               guint       end,
               const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (article_id != NULL, NULL);
  g_return_val_if_fail (start <= end, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  /* Fields set directly: a story line makes hundreds of claims, and
   * construct properties cost more than the rest of the parse.
   */
  {
    CrbClaim *self = g_object_new (CRB_TYPE_CLAIM, NULL);

    self->id = g_strdup (id);
    self->article_id = (char *) g_intern_string (article_id);
    self->start = start;
    self->end = end;
    self->text = g_strdup (text);
    self->kind = (char *) g_intern_static_string ("statement");
    return self;
  }
}

const char *
crb_claim_get_id (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);
  return self->id;
}

const char *
crb_claim_get_article_id (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);
  return self->article_id;
}

guint
crb_claim_get_start (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), 0);
  return self->start;
}

guint
crb_claim_get_end (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), 0);
  return self->end;
}

const char *
crb_claim_get_text (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);
  return self->text;
}

const char *
crb_claim_get_kind (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);
  return self->kind;
}

void
crb_claim_set_kind (CrbClaim   *self,
                    const char *kind)
{
  g_return_if_fail (CRB_IS_CLAIM (self));

  if (g_strcmp0 (self->kind, kind) == 0)
    return;

  /* Kinds and reasons come from small sets: interned, not copied. */
  self->kind = (char *) g_intern_string (kind);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

double
crb_claim_get_score (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), 0.0);
  return self->score;
}

void
crb_claim_set_score (CrbClaim *self,
                     double    score)
{
  g_return_if_fail (CRB_IS_CLAIM (self));

  score = CLAMP (score, 0.0, 1.0);
  if (self->score == score)
    return;

  self->score = score;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCORE]);
}

/**
 * crb_claim_get_reasons:
 *
 * Returns: (transfer none) (array zero-terminated=1): why the extractor scored
 *   the claim as it did; never %NULL
 */
const char * const *
crb_claim_get_reasons (CrbClaim *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (CRB_IS_CLAIM (self), none);
  return self->reasons ? (const char * const *) self->reasons : none;
}

void
crb_claim_set_reasons (CrbClaim           *self,
                       const char * const *reasons)
{
  g_return_if_fail (CRB_IS_CLAIM (self));

  g_free (self->reasons);
  self->reasons = NULL;
  if (reasons != NULL)
    {
      guint n = g_strv_length ((char **) reasons);

      self->reasons = g_new (char *, n + 1);
      for (guint i = 0; i < n; i++)
        self->reasons[i] = (char *) g_intern_string (reasons[i]);
      self->reasons[n] = NULL;
    }
}

/**
 * crb_claim_get_values:
 *
 * The values are kept as JSON text (see crb_claim_get_values_json()) and
 * parsed on the first call.
 *
 * Returns: (transfer none) (nullable): the extracted values as a JSON object
 */
JsonNode *
crb_claim_get_values (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);

  if (self->values == NULL && self->values_json != NULL)
    {
      g_autoptr (GError) error = NULL;

      self->values = json_from_string (self->values_json, &error);
      if (self->values == NULL)
        g_critical ("Values of claim %s are not JSON: %s", self->id, error->message);
    }
  return self->values;
}

/**
 * crb_claim_get_values_json:
 *
 * Returns: (transfer none) (nullable): the values as compact JSON text
 */
const char *
crb_claim_get_values_json (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);

  if (self->values_json == NULL && self->values != NULL)
    {
      GString *out = g_string_new (NULL);

      crb_json_append (out, self->values);
      self->values_json = g_string_free (out, FALSE);
    }
  return self->values_json;
}

void
crb_claim_set_values (CrbClaim *self,
                      JsonNode *values)
{
  g_return_if_fail (CRB_IS_CLAIM (self));

  g_clear_pointer (&self->values, json_node_unref);
  g_clear_pointer (&self->values_json, g_free);
  if (values != NULL && !JSON_NODE_HOLDS_NULL (values))
    self->values = json_node_ref (values);
}

/**
 * crb_claim_set_values_json:
 * @json: (nullable): a JSON object as text, which the caller has checked
 * @length: its length in bytes, or -1 if nul-terminated
 *
 * Sets the values from JSON text without parsing it now.
 */
void
crb_claim_set_values_json (CrbClaim   *self,
                           const char *json,
                           gssize      length)
{
  g_return_if_fail (CRB_IS_CLAIM (self));

  g_clear_pointer (&self->values, json_node_unref);
  g_clear_pointer (&self->values_json, g_free);
  if (json != NULL && !(length < 0 ? strcmp (json, "null") == 0
                        : (length == 4 && memcmp (json, "null", 4) == 0)))
    self->values_json = length < 0 ? g_strdup (json) : g_strndup (json, length);
}

/**
 * crb_claim_get_decision:
 *
 * In a team project, the decision the team's view shows (the gold
 * decision, or the viewer's own: see #CrbTeamView), not the file's.
 *
 * Returns: (transfer none) (nullable): the current decision, %NULL while pending
 */
const CrbDecision *
crb_claim_get_decision (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);
  return self->has_view ? self->view : self->decision;
}

/**
 * crb_claim_set_decision:
 * @decision: (nullable): the new decision, %NULL for pending
 *
 * Sets the decision without recording it.  Reviewers' decisions go through
 * crb_project_decide(), which records, journals and calls this.
 */
void
crb_claim_set_decision (CrbClaim          *self,
                        const CrbDecision *decision)
{
  CrbDecisionStatus old_status;

  g_return_if_fail (CRB_IS_CLAIM (self));

  if (crb_decision_equal (self->decision, decision))
    return;

  old_status = crb_claim_get_status (self);
  g_clear_pointer (&self->decision, crb_decision_free);
  if (decision != NULL)
    self->decision = crb_decision_copy (decision);
  if (self->has_view)
    return;   /* what shows is the view's */

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
  if (old_status != crb_claim_get_status (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

CrbDecisionStatus
crb_claim_get_status (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), CRB_DECISION_STATUS_PENDING);
  return crb_decision_get_status (crb_claim_get_decision (self));
}

/**
 * crb_claim_get_final_text:
 *
 * Returns: the corrected text of a corrected claim, else the extracted text
 */
const char *
crb_claim_get_final_text (CrbClaim *self)
{
  const char *correction;

  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);

  correction = crb_decision_get_correction (crb_claim_get_decision (self));
  return correction ? correction : self->text;
}

/**
 * crb_claim_get_kinds:
 *
 * Returns: (array zero-terminated=1) (transfer none): every kind a claim
 *   may have: "quantity", "date", "attribution", "event", "statement"
 */
const char * const *
crb_claim_get_kinds (void)
{
  static const char * const kinds[] = { "quantity", "date", "attribution", "event", "statement", NULL };

  return kinds;
}

/* Shows @decision instead of the file's (a team project's view); the
 * file's decision is kept, and written, as it is.
 */
void
_crb_claim_set_view (CrbClaim          *self,
                     const CrbDecision *decision)
{
  CrbDecisionStatus old_status;

  g_return_if_fail (CRB_IS_CLAIM (self));

  if (self->has_view && crb_decision_equal (self->view, decision))
    return;

  old_status = crb_claim_get_status (self);
  g_clear_pointer (&self->view, crb_decision_free);
  self->view = decision ? crb_decision_copy (decision) : NULL;
  self->has_view = TRUE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
  if (old_status != crb_claim_get_status (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* Shows the file's decision again. */
void
_crb_claim_clear_view (CrbClaim *self)
{
  CrbDecisionStatus old_status;

  g_return_if_fail (CRB_IS_CLAIM (self));

  if (!self->has_view)
    return;

  old_status = crb_claim_get_status (self);
  g_clear_pointer (&self->view, crb_decision_free);
  self->has_view = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DECISION]);
  if (old_status != crb_claim_get_status (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
}

/* The decision the project file holds, whatever a team's view shows. */
const CrbDecision *
_crb_claim_get_file_decision (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), NULL);
  return self->decision;
}

CrbDecisionStatus
_crb_claim_get_file_status (CrbClaim *self)
{
  g_return_val_if_fail (CRB_IS_CLAIM (self), CRB_DECISION_STATUS_PENDING);
  return crb_decision_get_status (self->decision);
}
