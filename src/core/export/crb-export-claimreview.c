/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export-claimreview.c: schema.org ClaimReview records. */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-export-private.h"

#include <string.h>

static void
write_appearance (GString  *out,
                  StoryCtx *ctx,
                  guint     article)
{
  const char *outlet = article_field (ctx, article, CRB_ARTICLE_OUTLET);
  gboolean f = TRUE;

  g_string_append_c (out, '{');
  member_string (out, &f, "@type", "CreativeWork");
  member_string (out, &f, "url", article_field (ctx, article, CRB_ARTICLE_URL));
  member_string (out, &f, "headline", article_field (ctx, article, CRB_ARTICLE_TITLE));
  member_string (out, &f, "datePublished", article_field (ctx, article, CRB_ARTICLE_DATE));
  crb_json_member (out, &f, "publisher");
  g_string_append (out, "{\"@type\":\"Organization\",\"name\":");
  crb_json_append_string (out, outlet ? outlet : article_field (ctx, article, CRB_ARTICLE_ID));
  g_string_append (out, "}}");
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
 * ones False; other claims are left out.
 */
guint
_crb_export_write_claimreview_record (GString  *out,
                                      StoryCtx *ctx,
                                      guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const CrbDecision *d = claim->decision;
  const char *id = string_of (ctx, claim->id);
  const char *url_base = article_field (ctx, claim->article, CRB_ARTICLE_URL);
  g_autoptr (GArray) appearances = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) agreeing = NULL;
  guint first_article;
  const char *rating_name;
  g_autofree char *url = NULL;
  g_autofree char *day = NULL;
  gboolean first = TRUE;
  int rating = 0;

  rating_name = _crb_export_claimreview_label (d, &rating);
  if (rating_name == NULL)
    return 0;

  /* Where the claim appears: its article and the agreeing ones. */
  g_array_append_val (appearances, claim->article);
  agreeing = _crb_export_linked_claims (ctx, index, CRB_RELATION_AGREES);
  for (guint i = 0; i < agreeing->len; i++)
    {
      guint article = claim_at (ctx, g_array_index (agreeing, guint, i))->article;
      gboolean seen = FALSE;

      for (guint k = 0; k < appearances->len && !seen; k++)
        seen = g_array_index (appearances, guint, k) == article;
      if (!seen)
        g_array_append_val (appearances, article);
    }

  first_article = claim->article;
  for (guint i = 0; i < appearances->len; i++)
    {
      guint a = g_array_index (appearances, guint, i);
      const char *date = article_field (ctx, a, CRB_ARTICLE_DATE);
      const char *first_date = article_field (ctx, first_article, CRB_ARTICLE_DATE);

      if (date != NULL && (first_date == NULL || strcmp (date, first_date) < 0))
        first_article = a;
    }

  /* Google requires a url: the article's, pointing at the claim. */
  url = url_base ? g_strdup_printf ("%s#claim-%s", url_base, id)
                 : g_strdup_printf ("urn:corroborate:claim:%s", id);
  day = d->time ? g_strndup (d->time, 10) : NULL;

  g_string_append_c (out, '{');
  member_string (out, &first, "@context", "https://schema.org");
  member_string (out, &first, "@type", "ClaimReview");
  member_string (out, &first, "url", url);
  member_string (out, &first, "claimReviewed", string_of (ctx, claim->text));
  if (d->status == CRB_DECISION_STATUS_CORRECTED)
    member_string (out, &first, "reviewBody", d->corrected_text);
  else if (d->note != NULL)
    member_string (out, &first, "reviewBody", d->note);
  crb_json_member (out, &first, "reviewRating");
  g_string_append_printf (out, "{\"@type\":\"Rating\",\"ratingValue\":%d,\"bestRating\":5,"
                          "\"worstRating\":1,\"alternateName\":", rating);
  crb_json_append_string (out, rating_name);
  g_string_append_c (out, '}');
  crb_json_member (out, &first, "itemReviewed");
  g_string_append (out, "{\"@type\":\"Claim\",\"appearance\":[");
  for (guint i = 0; i < appearances->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      write_appearance (out, ctx, g_array_index (appearances, guint, i));
    }
  g_string_append (out, "],\"firstAppearance\":");
  write_appearance (out, ctx, first_article);
  g_string_append_c (out, '}');
  crb_json_member (out, &first, "author");
  g_string_append (out, "{\"@type\":\"Person\",\"name\":");
  crb_json_append_string (out, d->annotator);
  g_string_append_c (out, '}');
  member_string (out, &first, "datePublished", day);
  member_string (out, &first, "identifier", id);
  g_string_append (out, "}\n");
  return 1;
}
