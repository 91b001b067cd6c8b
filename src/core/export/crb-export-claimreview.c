/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export-claimreview.c: schema.org ClaimReview records. */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-export-private.h"

#include <string.h>

/* An appearance of the claim: a CreativeWork with what is known of its
 * article (URL, headline, date, publisher); FALSE and nothing written when
 * nothing is known of it.  Properties without a value are left out.
 */
static gboolean
write_appearance (GString  *out,
                  StoryCtx *ctx,
                  guint     article)
{
  const char *url = article_field (ctx, article, CRB_ARTICLE_URL);
  const char *headline = article_field (ctx, article, CRB_ARTICLE_TITLE);
  const char *date = article_field (ctx, article, CRB_ARTICLE_DATE);
  const char *outlet = article_field (ctx, article, CRB_ARTICLE_OUTLET);
  gboolean f = TRUE;

  if (url == NULL && headline == NULL && date == NULL && outlet == NULL)
    return FALSE;

  g_string_append_c (out, '{');
  member_string (out, &f, "@type", "CreativeWork");
  if (url != NULL)
    member_string (out, &f, "url", url);
  if (headline != NULL)
    member_string (out, &f, "headline", headline);
  if (date != NULL)
    member_string (out, &f, "datePublished", date);
  if (outlet != NULL)
    {
      crb_json_member (out, &f, "publisher");
      g_string_append (out, "{\"@type\":\"Organization\",\"name\":");
      crb_json_append_string (out, outlet);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
  return TRUE;
}

/* @before, the number, then @one or @many as it needs. */
static void
append_count (GString    *out,
              const char *before,
              guint       n,
              const char *one,
              const char *many)
{
  g_string_append_printf (out, "%s%u%s", before, n, n == 1 ? one : many);
}

/* reviewRating.ratingExplanation: the verdict and what the other outlets
 * say, so that a confirmation against the other outlets shows.
 */
static void
append_explanation (GString                *out,
                    const CrbDecision      *d,
                    const CrbCorroboration *c)
{
  GString *text = g_string_new (NULL);

  if (c->against_conflict)
    {
      append_count (text, "Confirmed by the reviewer although ", c->conflict,
                    " other outlet contradicts it", " other outlets contradict it");
      append_count (text, " (", c->agree, " agrees).", " agree).");
    }
  else
    {
      switch (crb_decision_get_status (d))
        {
        case CRB_DECISION_STATUS_CORRECTED:
          g_string_append (text, "True as corrected by the reviewer.");
          break;
        case CRB_DECISION_STATUS_REJECTED:
          g_string_append (text, "Rejected as false by the reviewer.");
          break;
        case CRB_DECISION_STATUS_CONFIRMED:
        case CRB_DECISION_STATUS_PENDING:
        default:
          g_string_append (text, "Confirmed by the reviewer.");
          break;
        }
      if (c->agree == 0 && c->conflict == 0)
        g_string_append (text, " No other outlet reports it.");
      else
        {
          append_count (text, " Other outlets: ", c->agree, " agrees,", " agree,");
          append_count (text, " ", c->conflict, " contradicts it.", " contradict it.");
        }
    }
  crb_json_append_string (out, text->str);
  g_string_free (text, TRUE);
}

static void
append_property (GString    *out,
                 const char *id,
                 const char *name,
                 const char *value)
{
  append_literal (out, "{\"@type\":\"PropertyValue\",\"propertyID\":");
  crb_json_append_string (out, id);
  append_literal (out, ",\"name\":");
  crb_json_append_string (out, name);
  append_literal (out, ",\"value\":");
  g_string_append (out, value);
  g_string_append_c (out, '}');
}

/* The review's url: the publisher's base URL with the claim id in place
 * of {id}, or after it; NULL without a base.
 */
static char *
review_url (const char *base,
            const char *id)
{
  g_autofree char *escaped = NULL;
  const char *mark;
  gsize len;

  if (base == NULL)
    return NULL;

  escaped = g_uri_escape_string (id, ":", FALSE);
  if ((mark = strstr (base, "{id}")) != NULL)
    return g_strdup_printf ("%.*s%s%s", (int) (mark - base), base, escaped, mark + 4);
  len = strlen (base);
  if (len > 0 && strchr ("/#=", base[len - 1]) != NULL)
    return g_strconcat (base, escaped, NULL);
  return g_strconcat (base, "/", escaped, NULL);
}

/* The rating ClaimReview gives a decided claim; NULL when it is left out. */
const char *
_crb_export_claimreview_label (const CrbDecision *d,
                               int               *rating)
{
  switch (crb_decision_get_status (d))
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      *rating = 5;
      return "True";
    case CRB_DECISION_STATUS_CORRECTED:
      *rating = 3;
      return "Partly true";
    case CRB_DECISION_STATUS_REJECTED:
      *rating = 1;
      return d->reason == CRB_REJECT_REASON_FALSE ? "False" : NULL;
    case CRB_DECISION_STATUS_PENDING:
    default:
      return NULL;
    }
}

/* schema.org ClaimReview (JSON-LD), one per line: confirmed claims rate
 * True, corrected ones Partly true (with the correction), rejected-as-false
 * ones False; other claims are left out.  Without a base URL for the
 * reviews, each is a draft (creativeWorkStatus Draft) with an urn for url.
 */
guint
_crb_export_write_claimreview_record (GString  *out,
                                      StoryCtx *ctx,
                                      guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const CrbDecision *d = claim->decision;
  const char *id = string_of (ctx, claim->id);
  const char *outlet = article_field (ctx, claim->article, CRB_ARTICLE_OUTLET);
  g_autoptr (GArray) appearances = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) agreeing = NULL;
  g_autoptr (GString) written = g_string_new (NULL);
  CrbCorroboration corroboration;
  char agree[16], conflict[16];
  const char *first_date = NULL;
  gint first_article = -1;
  const char *rating_name;
  g_autofree char *url = NULL;
  g_autofree char *day = NULL;
  gboolean first = TRUE;
  gboolean item_first = TRUE;
  int rating = 0;

  rating_name = _crb_export_claimreview_label (d, &rating);
  if (rating_name == NULL)
    return 0;

  /* Where the claim appears: its article and those of the agreeing
   * appearances no reviewer rejected. */
  g_array_append_val (appearances, claim->article);
  agreeing = _crb_export_linked_claims (ctx, index, CRB_RELATION_AGREES);
  for (guint i = 0; i < agreeing->len; i++)
    {
      const CrbLineClaim *other = claim_at (ctx, g_array_index (agreeing, guint, i));
      gboolean seen = crb_decision_get_status (other->decision) == CRB_DECISION_STATUS_REJECTED;

      for (guint k = 0; k < appearances->len && !seen; k++)
        seen = g_array_index (appearances, guint, k) == other->article;
      if (!seen)
        g_array_append_val (appearances, other->article);
    }

  /* The first appearance: the earliest dated, else the claim's article. */
  for (guint i = 0; i < appearances->len; i++)
    {
      guint a = g_array_index (appearances, guint, i);
      const char *date = article_field (ctx, a, CRB_ARTICLE_DATE);

      if (date != NULL && (first_date == NULL || strcmp (date, first_date) < 0))
        {
          first_date = date;
          first_article = a;
        }
    }
  if (first_article < 0)
    first_article = claim->article;

  url = review_url (ctx->options->review_url, id);
  if (url == NULL)
    url = g_strconcat ("urn:corroborate:claim:", id, NULL);
  day = d->time ? g_strndup (d->time, 10) : NULL;
  _crb_export_corroboration (ctx, index, &corroboration);

  g_string_append_c (out, '{');
  member_string (out, &first, "@context", "https://schema.org");
  member_string (out, &first, "@type", "ClaimReview");
  member_string (out, &first, "url", url);
  if (ctx->options->review_url == NULL)
    member_string (out, &first, "creativeWorkStatus", "Draft");
  member_string (out, &first, "claimReviewed", string_of (ctx, claim->text));
  if (d->status == CRB_DECISION_STATUS_CORRECTED)
    member_string (out, &first, "reviewBody", d->corrected_text);
  else if (d->note != NULL)
    member_string (out, &first, "reviewBody", d->note);

  crb_json_member (out, &first, "reviewRating");
  g_string_append_printf (out, "{\"@type\":\"Rating\",\"ratingValue\":%d,\"bestRating\":5,"
                          "\"worstRating\":1,\"alternateName\":", rating);
  crb_json_append_string (out, rating_name);
  append_literal (out, ",\"name\":");
  crb_json_append_string (out, rating_name);
  append_literal (out, ",\"ratingExplanation\":");
  append_explanation (out, d, &corroboration);
  g_string_append_c (out, '}');

  /* The claim: who published it, when it first appeared, and where. */
  crb_json_member (out, &first, "itemReviewed");
  g_string_append_c (out, '{');
  member_string (out, &item_first, "@type", "Claim");
  if (outlet != NULL)
    {
      crb_json_member (out, &item_first, "author");
      g_string_append (out, "{\"@type\":\"Organization\",\"name\":");
      crb_json_append_string (out, outlet);
      g_string_append_c (out, '}');
    }
  if (first_date != NULL)
    member_string (out, &item_first, "datePublished", first_date);
  for (guint i = 0; i < appearances->len; i++)
    {
      gsize before = written->len;

      if (written->len > 0)
        g_string_append_c (written, ',');
      if (!write_appearance (written, ctx, g_array_index (appearances, guint, i)))
        g_string_truncate (written, before);
    }
  if (written->len > 0)
    {
      crb_json_member (out, &item_first, "appearance");
      g_string_append_c (out, '[');
      g_string_append_len (out, written->str, written->len);
      g_string_append_c (out, ']');
      g_string_truncate (written, 0);
    }
  if (write_appearance (written, ctx, first_article))
    {
      crb_json_member (out, &item_first, "firstAppearance");
      g_string_append_len (out, written->str, written->len);
    }
  g_string_append_c (out, '}');

  crb_json_member (out, &first, "author");
  if (ctx->options->author_org != NULL)
    {
      g_string_append (out, "{\"@type\":\"Organization\",\"name\":");
      crb_json_append_string (out, ctx->options->author_org);
    }
  else
    {
      g_string_append (out, "{\"@type\":\"Person\",\"name\":");
      crb_json_append_string (out, _crb_export_annotator (ctx, d));
    }
  g_string_append_c (out, '}');
  if (day != NULL)
    member_string (out, &first, "datePublished", day);
  member_string (out, &first, "identifier", id);

  /* The counts behind the explanation, for machines. */
  g_snprintf (agree, sizeof agree, "%u", corroboration.agree);
  g_snprintf (conflict, sizeof conflict, "%u", corroboration.conflict);
  crb_json_member (out, &first, "additionalProperty");
  g_string_append_c (out, '[');
  append_property (out, "outletsAgreeing", "Other outlets that agree", agree);
  g_string_append_c (out, ',');
  append_property (out, "outletsConflicting", "Other outlets that contradict the claim", conflict);
  g_string_append_c (out, ',');
  append_property (out, "decidedAgainstConflict", "Confirmed although other outlets contradict it",
                   corroboration.against_conflict ? "true" : "false");
  g_string_append (out, "]}\n");
  return 1;
}
