/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-align.h"
#include "crb-export.h"
#include "crb-extract.h"
#include "crb-extract-private.h"
#include "crb-json.h"
#include "crb-error.h"
#include "crb-project-io.h"
#include "crb-utils.h"

#include <string.h>

/*
 * Exports write one record at a time to a buffered stream, story by story, so
 * memory does not grow with the number of records; stories and claims come
 * in project order, so the same project exports the same bytes every time.
 */

static void
member_string (GString    *out,
               gboolean   *first,
               const char *name,
               const char *value)
{
  crb_json_member (out, first, name);
  crb_json_append_string (out, value);
}

/* What a record writer needs of its story, built once per story. */
typedef struct
{
  CrbStory     *story;
  CrbAlignment *alignment;
  GHashTable   *links_of;    /* claim id → GPtrArray of CrbLink (borrowed) */
  GHashTable   *sentences;   /* article id → GArray of Sentence, made on request */
  GHashTable   *written;     /* article → its JSON object without the text, once a record carried the text */
  guint         next_id;     /* FEVER: the id of the next record, file-wide */
} StoryCtx;

/* One sentence of an article, in code points and bytes. */
typedef struct
{
  guint start;
  guint end;
  gsize byte_start;
  gsize byte_end;
} Sentence;

static void
story_ctx_begin (StoryCtx *ctx,
                 CrbStory *story)
{
  ctx->story = story;
  ctx->alignment = crb_story_get_alignment (story);
  ctx->links_of = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) g_ptr_array_unref);
  ctx->sentences = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_array_unref);
  ctx->written = g_hash_table_new_full (NULL, NULL, NULL, g_free);

  /* Each claim's links in the alignment's order. */
  for (guint i = 0; i < ctx->alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (ctx->alignment->links, i);
      const char *ends[2] = { link->a, link->b };

      for (guint e = 0; e < 2; e++)
        {
          GPtrArray *list = g_hash_table_lookup (ctx->links_of, ends[e]);

          if (list == NULL)
            g_hash_table_insert (ctx->links_of, (char *) ends[e], list = g_ptr_array_new ());
          g_ptr_array_add (list, link);
        }
    }
}

static void
story_ctx_end (StoryCtx *ctx)
{
  g_clear_pointer (&ctx->links_of, g_hash_table_unref);
  g_clear_pointer (&ctx->sentences, g_hash_table_unref);
  g_clear_pointer (&ctx->written, g_hash_table_unref);
  ctx->story = NULL;
  ctx->alignment = NULL;
}

static GPtrArray *
links_of (StoryCtx *ctx,
          CrbClaim *claim)
{
  static GPtrArray *none = NULL;

  if (g_once_init_enter (&none))
    g_once_init_leave (&none, g_ptr_array_new ());

  {
    GPtrArray *list = g_hash_table_lookup (ctx->links_of, crb_claim_get_id (claim));

    return list ? list : none;
  }
}

/* The article's sentences, as the extraction engine segments them. */
static GArray *
sentences_of (StoryCtx   *ctx,
              CrbArticle *article)
{
  GArray *sentences = g_hash_table_lookup (ctx->sentences, crb_article_get_id (article));

  if (sentences == NULL)
    {
      g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (CrbRawSegment));
      const char *text = crb_article_get_text (article);
      gsize byte_pos = 0;
      guint char_pos = 0;

      crb_extract_segment (text, strlen (text), raw);
      sentences = g_array_sized_new (FALSE, FALSE, sizeof (Sentence), raw->len);
      for (guint i = 0; i < raw->len; i++)
        {
          const CrbRawSegment *seg = &g_array_index (raw, CrbRawSegment, i);
          Sentence s;

          char_pos += crb_utf8_bytes_to_chars (text + byte_pos, seg->start - byte_pos);
          s.start = char_pos;
          s.end = char_pos + crb_utf8_bytes_to_chars (text + seg->start, seg->end - seg->start);
          s.byte_start = seg->start;
          s.byte_end = seg->end;
          char_pos = s.end;
          byte_pos = seg->end;
          g_array_append_val (sentences, s);
        }
      g_hash_table_insert (ctx->sentences, (char *) crb_article_get_id (article), sentences);
    }

  return sentences;
}

/* The index of the sentence that holds the start of @claim. */
static guint
sentence_of (StoryCtx   *ctx,
             CrbArticle *article,
             CrbClaim   *claim)
{
  GArray *sentences = sentences_of (ctx, article);
  guint start = crb_claim_get_start (claim);
  guint lo = 0, hi = sentences->len;

  /* The last sentence that starts at or before the claim. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (sentences, Sentence, mid).start <= start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? lo - 1 : 0;
}

/* One record of the native dataset; every member is always present. */
static guint
write_native_record (GString    *out,
                     StoryCtx   *ctx,
                     CrbArticle *article,
                     CrbClaim   *claim)
{
  CrbStory *story = ctx->story;
  const CrbDecision *decision = crb_claim_get_decision (claim);
  const char *values = crb_claim_get_values_json (claim);
  const char * const *reasons = crb_claim_get_reasons (claim);
  gboolean first = TRUE;
  gboolean sub;

  g_string_append_c (out, '{');
  member_string (out, &first, "id", crb_claim_get_id (claim));
  member_string (out, &first, "claim", crb_claim_get_final_text (claim));
  member_string (out, &first, "original", crb_claim_get_text (claim));
  member_string (out, &first, "status", crb_decision_status_to_string (crb_claim_get_status (claim)));
  member_string (out, &first, "reason", decision ? crb_reject_reason_to_string (decision->reason) : NULL);
  member_string (out, &first, "note", decision ? decision->note : NULL);
  member_string (out, &first, "annotator", decision ? decision->annotator : NULL);
  member_string (out, &first, "time", decision ? decision->time : NULL);
  member_string (out, &first, "kind", crb_claim_get_kind (claim));
  crb_json_member (out, &first, "values");
  g_string_append (out, values ? values : "null");

  /* The first record of an article carries its text, so that the dataset
   * can rebuild the project (`corroborate-cli new --from-export`).
   */
  crb_json_member (out, &first, "article");
  {
    const char *written = g_hash_table_lookup (ctx->written, article);

    if (written != NULL)
      g_string_append (out, written);
    else
      {
        GString *object = g_string_new (NULL);

        /* The first record carries the text; the others share one object. */
        _crb_article_write (out, article, TRUE);
        _crb_article_write (object, article, FALSE);
        g_hash_table_insert (ctx->written, article, g_string_free (object, FALSE));
      }
  }

  crb_json_member (out, &first, "span");
  g_string_append_printf (out, "{\"start\":%u,\"end\":%u}",
                          crb_claim_get_start (claim), crb_claim_get_end (claim));
  member_string (out, &first, "quote", crb_claim_get_text (claim));

  crb_json_member (out, &first, "story");
  sub = TRUE;
  g_string_append_c (out, '{');
  member_string (out, &sub, "id", crb_story_get_id (story));
  member_string (out, &sub, "title", crb_story_get_title (story));
  g_string_append_c (out, '}');

  /* The fact and its evidence: the linked claims of the other articles. */
  {
    const CrbFact *fact = crb_alignment_get_fact (ctx->alignment, crb_claim_get_id (claim));
    GPtrArray *links = links_of (ctx, claim);
    gboolean first_evidence = TRUE;

    member_string (out, &first, "fact", fact ? fact->id : NULL);
    crb_json_member (out, &first, "evidence");
    g_string_append_c (out, '[');
    for (guint i = 0; i < links->len; i++)
      {
        CrbLink *link = g_ptr_array_index (links, i);
        const char *other_id = crb_link_other_end (link, crb_claim_get_id (claim));
        CrbClaim *other = other_id ? crb_story_lookup_claim (story, other_id) : NULL;
        gboolean f = TRUE;

        if (other == NULL)
          continue;
        if (!first_evidence)
          g_string_append_c (out, ',');
        first_evidence = FALSE;
        g_string_append_c (out, '{');
        member_string (out, &f, "claim", other_id);
        member_string (out, &f, "article", crb_claim_get_article_id (other));
        member_string (out, &f, "relation", crb_relation_to_string (link->relation));
        g_string_append_printf (out, ",\"span\":{\"start\":%u,\"end\":%u}",
                                crb_claim_get_start (other), crb_claim_get_end (other));
        member_string (out, &f, "quote", crb_claim_get_text (other));
        member_string (out, &f, "status", crb_decision_status_to_string (crb_claim_get_status (other)));
        crb_json_member (out, &f, "why");
        crb_json_append_strv (out, (const char * const *) link->why);
        crb_json_member (out, &f, "manual");
        g_string_append (out, link->manual ? "true" : "false");
        g_string_append_c (out, '}');
      }
    g_string_append_c (out, ']');
    crb_json_member (out, &first, "outlets");
    g_string_append_printf (out, "%u", fact ? fact->n_outlets : 1);
  }

  crb_json_member (out, &first, "extractor");
  sub = TRUE;
  g_string_append_c (out, '{');
  member_string (out, &sub, "name", CRB_EXTRACTOR_NAME);
  member_string (out, &sub, "version", CRB_EXTRACTOR_VERSION);
  crb_json_member (out, &sub, "score");
  crb_json_append_double (out, _crb_round_score (crb_claim_get_score (claim)));
  crb_json_member (out, &sub, "reasons");
  crb_json_append_strv (out, reasons);
  g_string_append_c (out, '}');

  g_string_append (out, "}\n");
  return 1;
}

/* Appends the records of @claim (none when the format leaves it out) and
 * returns how many it wrote.
 */
typedef guint (*WriteRecord) (GString    *out,
                              StoryCtx   *ctx,
                              CrbArticle *article,
                              CrbClaim   *claim);

/* RFC 4180: quoted when needed, quotes doubled. */
static void
csv_field (GString    *out,
           const char *value,
           gboolean    last)
{
  if (value != NULL)
    {
      if (strpbrk (value, ",\"\r\n") != NULL)
        {
          g_string_append_c (out, '"');
          for (const char *p = value; *p; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      else
        g_string_append (out, value);
    }

  g_string_append (out, last ? "\r\n" : ",");
}

static const char * const csv_columns[] = {
  "id", "claim", "original", "status", "reason", "note", "annotator", "time", "kind", "score",
  "article", "title", "outlet", "url", "date", "start", "end", "story", "story_title", NULL
};

static guint
write_csv_record (GString    *out,
                  StoryCtx   *ctx,
                  CrbArticle *article,
                  CrbClaim   *claim)
{
  const CrbDecision *d = crb_claim_get_decision (claim);
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  char start[16], end[16];

  g_snprintf (start, sizeof start, "%u", crb_claim_get_start (claim));
  g_snprintf (end, sizeof end, "%u", crb_claim_get_end (claim));
  g_ascii_formatd (score, sizeof score, "%.3f", crb_claim_get_score (claim));
  csv_field (out, crb_claim_get_id (claim), FALSE);
  csv_field (out, crb_claim_get_final_text (claim), FALSE);
  csv_field (out, crb_claim_get_text (claim), FALSE);
  csv_field (out, crb_decision_status_to_string (crb_claim_get_status (claim)), FALSE);
  csv_field (out, d ? crb_reject_reason_to_string (d->reason) : NULL, FALSE);
  csv_field (out, d ? d->note : NULL, FALSE);
  csv_field (out, d ? d->annotator : NULL, FALSE);
  csv_field (out, d ? d->time : NULL, FALSE);
  csv_field (out, crb_claim_get_kind (claim), FALSE);
  csv_field (out, score, FALSE);
  csv_field (out, crb_article_get_id (article), FALSE);
  csv_field (out, crb_article_get_title (article), FALSE);
  csv_field (out, crb_article_get_outlet (article), FALSE);
  csv_field (out, crb_article_get_url (article), FALSE);
  csv_field (out, crb_article_get_date (article), FALSE);
  csv_field (out, start, FALSE);
  csv_field (out, end, FALSE);
  csv_field (out, crb_story_get_id (ctx->story), FALSE);
  csv_field (out, crb_story_get_title (ctx->story), TRUE);
  return 1;
}

/* The claims linked to @claim by @relation, in link order. */
static GPtrArray *
linked_claims (StoryCtx    *ctx,
               CrbClaim    *claim,
               CrbRelation  relation)
{
  GPtrArray *links = links_of (ctx, claim);
  GPtrArray *result = g_ptr_array_new ();

  for (guint i = 0; i < links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (links, i);
      const char *other_id = crb_link_other_end (link, crb_claim_get_id (claim));
      CrbClaim *other = other_id && link->relation == relation
                        ? crb_story_lookup_claim (ctx->story, other_id) : NULL;

      if (other != NULL)
        g_ptr_array_add (result, other);
    }
  return result;
}

static void
write_appearance (GString    *out,
                  CrbArticle *article)
{
  gboolean f = TRUE;

  g_string_append_c (out, '{');
  member_string (out, &f, "@type", "CreativeWork");
  member_string (out, &f, "url", crb_article_get_url (article));
  member_string (out, &f, "headline", crb_article_get_title (article));
  member_string (out, &f, "datePublished", crb_article_get_date (article));
  crb_json_member (out, &f, "publisher");
  g_string_append (out, "{\"@type\":\"Organization\",\"name\":");
  crb_json_append_string (out, crb_article_get_outlet (article) ? crb_article_get_outlet (article)
                                                                : crb_article_get_id (article));
  g_string_append (out, "}}");
}

/* The labels each format gives a decided claim; NULL when it is left out.
 * A corrected claim gives FEVER two records.
 */
static const char *
claimreview_label (const CrbDecision *d,
                   int               *rating)
{
  switch (d ? d->status : CRB_DECISION_STATUS_PENDING)
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

static guint
fever_labels (const CrbDecision  *d,
              const char        **labels)
{
  switch (d ? d->status : CRB_DECISION_STATUS_PENDING)
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      labels[0] = "SUPPORTS";
      return 1;
    case CRB_DECISION_STATUS_CORRECTED:
      labels[0] = "SUPPORTS";  /* the corrected text */
      labels[1] = "REFUTES";   /* the original text */
      return 2;
    case CRB_DECISION_STATUS_REJECTED:
      if (d->reason == CRB_REJECT_REASON_FALSE)
        {
          labels[0] = "REFUTES";
          return 1;
        }
      if (d->reason == CRB_REJECT_REASON_UNVERIFIABLE)
        {
          labels[0] = "NOT ENOUGH INFO";
          return 1;
        }
      return 0;
    case CRB_DECISION_STATUS_PENDING:
    default:
      return 0;
    }
}

/* schema.org ClaimReview (JSON-LD), one per line: confirmed claims rate
 * True, corrected ones Partly true (with the correction), rejected-as-false
 * ones False; other claims are left out.
 */
static guint
write_claimreview_record (GString    *out,
                          StoryCtx   *ctx,
                          CrbArticle *article,
                          CrbClaim   *claim)
{
  const CrbDecision *d = crb_claim_get_decision (claim);
  g_autoptr (GPtrArray) appearances = g_ptr_array_new ();
  g_autoptr (GPtrArray) agreeing = NULL;
  CrbArticle *first_article;
  const char *rating_name;
  g_autofree char *url = NULL;
  g_autofree char *day = NULL;
  gboolean first = TRUE;
  int rating = 0;

  rating_name = claimreview_label (d, &rating);
  if (rating_name == NULL)
    return 0;

  /* Where the claim appears: its article and the agreeing ones. */
  g_ptr_array_add (appearances, article);
  agreeing = linked_claims (ctx, claim, CRB_RELATION_AGREES);
  for (guint i = 0; i < agreeing->len; i++)
    {
      CrbClaim *other = g_ptr_array_index (agreeing, i);
      CrbArticle *other_article = crb_story_lookup_article (ctx->story, crb_claim_get_article_id (other));

      if (other_article != NULL && !g_ptr_array_find (appearances, other_article, NULL))
        g_ptr_array_add (appearances, other_article);
    }

  first_article = article;
  for (guint i = 0; i < appearances->len; i++)
    {
      CrbArticle *a = g_ptr_array_index (appearances, i);

      if (crb_article_get_date (a) != NULL &&
          (crb_article_get_date (first_article) == NULL ||
           g_strcmp0 (crb_article_get_date (a), crb_article_get_date (first_article)) < 0))
        first_article = a;
    }

  /* Google requires a url: the article's, pointing at the claim. */
  url = crb_article_get_url (article)
        ? g_strdup_printf ("%s#claim-%s", crb_article_get_url (article), crb_claim_get_id (claim))
        : g_strdup_printf ("urn:corroborate:claim:%s", crb_claim_get_id (claim));
  day = d->time ? g_strndup (d->time, 10) : NULL;

  g_string_append_c (out, '{');
  member_string (out, &first, "@context", "https://schema.org");
  member_string (out, &first, "@type", "ClaimReview");
  member_string (out, &first, "url", url);
  member_string (out, &first, "claimReviewed", crb_claim_get_text (claim));
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
      write_appearance (out, g_ptr_array_index (appearances, i));
    }
  g_string_append (out, "],\"firstAppearance\":");
  write_appearance (out, first_article);
  g_string_append_c (out, '}');
  crb_json_member (out, &first, "author");
  g_string_append (out, "{\"@type\":\"Person\",\"name\":");
  crb_json_append_string (out, d->annotator);
  g_string_append_c (out, '}');
  member_string (out, &first, "datePublished", day);
  member_string (out, &first, "identifier", crb_claim_get_id (claim));
  g_string_append (out, "}\n");
  return 1;
}

/* One FEVER record; @evidence holds claims whose sentences are each, on
 * their own, an evidence set.
 */
static void
write_fever_line (GString    *out,
                  StoryCtx   *ctx,
                  const char *label,
                  const char *text,
                  GPtrArray  *evidence)
{
  guint id = ctx->next_id++;
  gboolean first = TRUE;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  g_string_append_c (out, '{');
  crb_json_member (out, &first, "id");
  g_string_append_printf (out, "%u", id);
  member_string (out, &first, "verifiable", evidence ? "VERIFIABLE" : "NOT VERIFIABLE");
  member_string (out, &first, "label", label);
  member_string (out, &first, "claim", text);
  crb_json_member (out, &first, "evidence");
  if (evidence == NULL)
    g_string_append_printf (out, "[[[%u,null,null,null]]]", id);
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < evidence->len; i++)
        {
          CrbClaim *c = g_ptr_array_index (evidence, i);
          CrbArticle *a = crb_story_lookup_article (ctx->story, crb_claim_get_article_id (c));
          guint sentence = sentence_of (ctx, a, c);
          char *key = g_strdup_printf ("%u\t%s", sentence, crb_article_get_id (a));

          /* Two claims in one sentence are one piece of evidence. */
          if (!g_hash_table_add (seen, key))
            continue;
          if (n > 0)
            g_string_append_c (out, ',');
          g_string_append_printf (out, "[[%u,%u,", id, n);
          crb_json_append_string (out, crb_article_get_id (a));
          g_string_append_printf (out, ",%u]]", sentence);
          n++;
        }
      g_string_append_c (out, ']');
    }
  g_string_append (out, "}\n");
}

/* FEVER: confirmed claims and the corrected text SUPPORTS, with the claim's
 * sentence and its agreeing appearances as evidence; the original text of
 * a corrected claim and claims rejected as false REFUTES, with the claim's
 * sentence and (for false claims) the conflicting appearances; claims
 * rejected as unverifiable NOT ENOUGH INFO.  Other claims are left out.
 */
static guint
write_fever_record (GString    *out,
                    StoryCtx   *ctx,
                    CrbArticle *article,
                    CrbClaim   *claim)
{
  const CrbDecision *d = crb_claim_get_decision (claim);
  const char *labels[2];
  guint n = fever_labels (d, labels);
  g_autoptr (GPtrArray) evidence = g_ptr_array_new ();
  g_autoptr (GPtrArray) linked = NULL;

  if (n == 0)
    return 0;

  g_ptr_array_add (evidence, claim);
  if (g_str_equal (labels[0], "NOT ENOUGH INFO"))
    {
      write_fever_line (out, ctx, labels[0], crb_claim_get_text (claim), NULL);
      return 1;
    }

  if (g_str_equal (labels[0], "REFUTES"))
    {
      linked = linked_claims (ctx, claim, CRB_RELATION_CONFLICTS);
      g_ptr_array_extend (evidence, linked, NULL, NULL);
      write_fever_line (out, ctx, labels[0], crb_claim_get_text (claim), evidence);
      return 1;
    }

  /* Agreeing appearances, unless a reviewer rejected them. */
  linked = linked_claims (ctx, claim, CRB_RELATION_AGREES);
  for (guint i = 0; i < linked->len; i++)
    if (crb_claim_get_status (g_ptr_array_index (linked, i)) != CRB_DECISION_STATUS_REJECTED)
      g_ptr_array_add (evidence, g_ptr_array_index (linked, i));
  write_fever_line (out, ctx, labels[0], crb_claim_get_final_text (claim), evidence);

  if (n == 2)
    {
      g_ptr_array_set_size (evidence, 1);
      write_fever_line (out, ctx, labels[1], crb_claim_get_text (claim), evidence);
    }
  return n;
}

/* The FEVER sentence table: one line per sentence of each article. */
static void
write_sentences (GString  *out,
                 StoryCtx *ctx)
{
  GListModel *articles = crb_story_get_articles (ctx->story);

  for (guint i = 0; i < g_list_model_get_n_items (articles); i++)
    {
      g_autoptr (CrbArticle) article = g_list_model_get_item (articles, i);
      GArray *sentences = sentences_of (ctx, article);
      const char *text = crb_article_get_text (article);

      for (guint k = 0; k < sentences->len; k++)
        {
          const Sentence *s = &g_array_index (sentences, Sentence, k);
          g_autofree char *sentence_text = g_strndup (text + s->byte_start, s->byte_end - s->byte_start);
          gboolean first = TRUE;

          g_string_append_c (out, '{');
          member_string (out, &first, "page", crb_article_get_id (article));
          crb_json_member (out, &first, "sentence_id");
          g_string_append_printf (out, "%u", k);
          member_string (out, &first, "text", sentence_text);
          crb_json_member (out, &first, "span");
          g_string_append_printf (out, "{\"start\":%u,\"end\":%u}}\n", s->start, s->end);
        }
    }
}

static const struct
{
  const char  *name;
  const char  *extension;
  WriteRecord  write_record;
} formats[CRB_N_EXPORT_FORMATS] = {
  [CRB_EXPORT_JSONL] = { "jsonl", "jsonl", write_native_record },
  [CRB_EXPORT_CSV] = { "csv", "csv", write_csv_record },
  [CRB_EXPORT_CLAIMREVIEW] = { "claimreview", "jsonl", write_claimreview_record },
  [CRB_EXPORT_FEVER] = { "fever", "jsonl", write_fever_record },
};

const char *
crb_export_format_to_string (CrbExportFormat format)
{
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, NULL);
  return formats[format].name;
}

gboolean
crb_export_format_from_string (const char      *name,
                               CrbExportFormat *format)
{
  for (guint i = 0; i < CRB_N_EXPORT_FORMATS; i++)
    if (g_strcmp0 (name, formats[i].name) == 0)
      {
        *format = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * crb_export_format_extension:
 *
 * Returns: the file name extension of @format's files, without the dot
 */
const char *
crb_export_format_extension (CrbExportFormat format)
{
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, NULL);
  return formats[format].extension;
}

/**
 * crb_export_sentences_file_for:
 * @file: a FEVER export, e.g. train.jsonl
 *
 * Returns: (transfer full): where its sentence table goes beside it
 *   (train.sentences.jsonl)
 */
GFile *
crb_export_sentences_file_for (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *stem = g_str_has_suffix (name, ".jsonl") ? g_strndup (name, strlen (name) - 6)
                                                             : g_strdup (name);
  g_autofree char *sentences = g_strconcat (stem, ".sentences.jsonl", NULL);
  g_autoptr (GFile) parent = g_file_get_parent (file);

  return parent ? g_file_get_child (parent, sentences) : g_file_new_for_path (sentences);
}

static gboolean
claim_included (CrbClaim               *claim,
                const CrbExportOptions *options)
{
  CrbDecisionStatus status = crb_claim_get_status (claim);

  return !((status == CRB_DECISION_STATUS_PENDING && !options->include_pending) ||
           (status == CRB_DECISION_STATUS_REJECTED && !options->include_rejected));
}

static gboolean
write_line (GOutputStream  *out,
            GString        *line,
            GCancellable   *cancellable,
            GError        **error)
{
  gboolean ok = g_output_stream_write_all (out, line->str, line->len, NULL, cancellable, error);

  g_string_truncate (line, 0);
  return ok;
}

/* Exports run story by story.  Parsing a story and formatting its records
 * are done by worker threads, several stories at a time; the calling thread
 * writes the stories' records in project order, so the output is the same
 * whatever the number of threads.
 */
typedef struct
{
  CrbStory *story;
  GString  *records;
  GString  *sentences;
  guint     count;
  GError   *error;
  gboolean  done;
} Job;

typedef struct
{
  GMutex                  lock;
  GCond                   cond;
  CrbExportFormat         format;
  const CrbExportOptions *options;
  gboolean                with_sentences;
  guint                   next_id;    /* FEVER, whose ids run across stories: one worker */
  gint                    cancelled;  /* atomic */
} Shared;

static void
job_free (Job *job)
{
  if (job == NULL)
    return;
  g_clear_object (&job->story);
  if (job->records)
    g_string_free (job->records, TRUE);
  if (job->sentences)
    g_string_free (job->sentences, TRUE);
  g_clear_error (&job->error);
  g_free (job);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Shared *shared = user_data;
  gboolean was_loaded = crb_story_is_loaded (job->story);

  if (!g_atomic_int_get (&shared->cancelled) && crb_story_ensure_loaded (job->story, &job->error))
    {
      GListModel *claims = crb_story_get_claims (job->story);
      CrbArticle *article = NULL;
      StoryCtx ctx = { 0, };

      story_ctx_begin (&ctx, job->story);
      ctx.next_id = shared->next_id;
      job->records = g_string_sized_new (64 * 1024);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          CrbClaim *claim = g_list_model_get_item (claims, j);

          g_object_unref (claim);  /* the story keeps it */
          if (!claim_included (claim, shared->options))
            continue;

          if (article == NULL ||
              g_strcmp0 (crb_article_get_id (article), crb_claim_get_article_id (claim)) != 0)
            article = crb_story_lookup_article (job->story, crb_claim_get_article_id (claim));

          job->count += formats[shared->format].write_record (job->records, &ctx, article, claim);
        }
      shared->next_id = ctx.next_id;

      if (shared->with_sentences)
        {
          job->sentences = g_string_sized_new (64 * 1024);
          write_sentences (job->sentences, &ctx);
        }
      story_ctx_end (&ctx);

      /* Memory does not grow with the number of records. */
      if (!was_loaded)
        crb_story_unload (job->story);
    }

  g_mutex_lock (&shared->lock);
  job->done = TRUE;
  g_cond_broadcast (&shared->cond);
  g_mutex_unlock (&shared->lock);
}

/**
 * crb_export:
 * @sentences: (nullable): for %CRB_EXPORT_FEVER, where the sentence table
 *   goes (one JSON line per sentence of each exported story's articles)
 * @n_records: (out) (optional): how many records were written
 *
 * Writes the dataset in @format, story by story, so memory does not grow
 * with the number of records.  Stories and claims come in project order,
 * so the same project exports the same bytes every time.
 * docs/export-formats.md describes the formats.
 *
 * Stories are parsed in worker threads: export a project that no window
 * is showing (the app exports a copy it loads for the purpose).
 */
gboolean
crb_export (CrbProject             *project,
            CrbExportFormat         format,
            GOutputStream          *output,
            GOutputStream          *sentences,
            const CrbExportOptions *options,
            guint                  *n_records,
            GCancellable           *cancellable,
            GError                **error)
{
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GOutputStream) sentences_out = NULL;
  g_autoptr (GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr (GString) header = g_string_new (NULL);
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;
  Shared shared = { 0, };
  GThreadPool *pool;
  GListModel *stories;
  guint n_threads, window;
  guint queued = 0;
  guint count = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (sentences == NULL || G_IS_OUTPUT_STREAM (sentences), FALSE);

  if (options == NULL)
    options = &defaults;

  out = g_buffered_output_stream_new_sized (output, 256 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (out), FALSE);
  if (sentences != NULL && format == CRB_EXPORT_FEVER)
    {
      sentences_out = g_buffered_output_stream_new_sized (sentences, 256 * 1024);
      g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (sentences_out), FALSE);
    }

  if (format == CRB_EXPORT_CSV)
    {
      for (guint i = 0; csv_columns[i]; i++)
        csv_field (header, csv_columns[i], csv_columns[i + 1] == NULL);
      if (!write_line (out, header, cancellable, error))
        return FALSE;
    }

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      Job *job = g_new0 (Job, 1);

      job->story = g_list_model_get_item (stories, i);
      if (options->stories != NULL && !g_hash_table_contains (options->stories, crb_story_get_id (job->story)))
        job_free (job);
      else
        g_ptr_array_add (jobs, job);
    }

  g_mutex_init (&shared.lock);
  g_cond_init (&shared.cond);
  shared.format = format;
  shared.options = options;
  shared.with_sentences = sentences_out != NULL;
  shared.next_id = 1;
  n_threads = format == CRB_EXPORT_FEVER ? 1 : CLAMP (g_get_num_processors (), 1, 4);
  window = 2 * n_threads + 1;  /* stories in memory at once */
  pool = g_thread_pool_new (run_job, &shared, (int) n_threads, FALSE, NULL);

  for (guint i = 0; ok && i < jobs->len; i++)
    {
      Job *job = g_ptr_array_index (jobs, i);

      while (queued < jobs->len && queued < i + window)
        g_thread_pool_push (pool, g_ptr_array_index (jobs, queued++), NULL);

      g_mutex_lock (&shared.lock);
      while (!job->done)
        g_cond_wait (&shared.cond, &shared.lock);
      g_mutex_unlock (&shared.lock);

      if (job->error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&job->error));
          ok = FALSE;
        }
      else
        ok = write_line (out, job->records, cancellable, error) &&
             (sentences_out == NULL || write_line (sentences_out, job->sentences, cancellable, error));
      count += job->count;

      /* Written: free its text now. */
      g_ptr_array_index (jobs, i) = NULL;
      job_free (job);
    }

  /* On failure, queued stories are dropped and running ones finish. */
  g_atomic_int_set (&shared.cancelled, 1);
  g_thread_pool_free (pool, TRUE, TRUE);
  g_mutex_clear (&shared.lock);
  g_cond_clear (&shared.cond);

  if (!ok ||
      !g_output_stream_flush (out, cancellable, error) ||
      (sentences_out != NULL && !g_output_stream_flush (sentences_out, cancellable, error)))
    return FALSE;

  if (n_records != NULL)
    *n_records = count;
  return TRUE;
}

/**
 * crb_export_format_labels:
 * @labels: (out caller-allocates) (array fixed-size=CRB_EXPORT_MAX_LABELS):
 *   filled with the labels of @format's records, %NULL-terminated (static
 *   strings): the decision status for JSON Lines and CSV, the rating for
 *   ClaimReview, the label for FEVER
 */
void
crb_export_format_labels (CrbExportFormat  format,
                          const char     **labels)
{
  static const char * const status_labels[] = { "pending", "confirmed", "corrected", "rejected", NULL };
  static const char * const claimreview_labels[] = { "True", "Partly true", "False", NULL };
  static const char * const fever_label_names[] = { "SUPPORTS", "REFUTES", "NOT ENOUGH INFO", NULL };
  const char * const *names = format == CRB_EXPORT_CLAIMREVIEW ? claimreview_labels
                              : format == CRB_EXPORT_FEVER ? fever_label_names : status_labels;
  guint k = 0;

  for (; names[k]; k++)
    labels[k] = names[k];
  for (; k < CRB_EXPORT_MAX_LABELS; k++)
    labels[k] = NULL;
}

/**
 * crb_export_count:
 * @counts: (out caller-allocates) (array fixed-size=CRB_EXPORT_MAX_LABELS):
 *   the number of records per label
 * @labels: (out caller-allocates) (array fixed-size=CRB_EXPORT_MAX_LABELS):
 *   the labels of @format, %NULL-terminated (static strings)
 *
 * Counts the records crb_export() would write, per label: the decision
 * status for JSON Lines and CSV, the rating for ClaimReview, the label for
 * FEVER.  Parses every story (one at a time); run it in a thread for large
 * projects.
 */
gboolean
crb_export_count (CrbProject             *project,
                  CrbExportFormat         format,
                  const CrbExportOptions *options,
                  const char            **labels,
                  guint                  *counts,
                  GCancellable           *cancellable,
                  GError                **error)
{
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;
  GListModel *stories;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, FALSE);

  if (options == NULL)
    options = &defaults;
  crb_export_format_labels (format, labels);
  memset (counts, 0, CRB_EXPORT_MAX_LABELS * sizeof *counts);

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      gboolean was_loaded = crb_story_is_loaded (story);
      GListModel *claims;

      if (options->stories != NULL && !g_hash_table_contains (options->stories, crb_story_get_id (story)))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Without reasons to look at, the header's counts are enough. */
      if ((format == CRB_EXPORT_JSONL || format == CRB_EXPORT_CSV) && !was_loaded)
        {
          for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
            if ((s != CRB_DECISION_STATUS_PENDING || options->include_pending) &&
                (s != CRB_DECISION_STATUS_REJECTED || options->include_rejected))
              counts[s] += crb_story_count_status (story, s);
          continue;
        }

      if (!crb_story_ensure_loaded (story, error))
        return FALSE;

      claims = crb_story_get_claims (story);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          const CrbDecision *d = crb_claim_get_decision (claim);
          const char *found[2] = { NULL, NULL };
          int rating;

          if (!claim_included (claim, options))
            continue;

          switch (format)
            {
            case CRB_EXPORT_CLAIMREVIEW:
              found[0] = claimreview_label (d, &rating);
              break;
            case CRB_EXPORT_FEVER:
              fever_labels (d, found);
              break;
            case CRB_EXPORT_JSONL:
            case CRB_EXPORT_CSV:
            case CRB_N_EXPORT_FORMATS:
            default:
              found[0] = crb_decision_status_to_string (crb_claim_get_status (claim));
              break;
            }

          for (guint f = 0; f < 2 && found[f]; f++)
            for (guint k = 0; labels[k]; k++)
              if (g_str_equal (labels[k], found[f]))
                counts[k]++;
        }

      if (!was_loaded)
        crb_story_unload (story);
    }

  return TRUE;
}

void
crb_split_free (CrbSplit *split)
{
  if (split == NULL)
    return;

  g_free (split->name);
  g_clear_pointer (&split->stories, g_hash_table_unref);
  g_free (split);
}

/**
 * crb_export_parse_splits:
 * @spec: "train=0.8,dev=0.1,test=0.1"
 *
 * Returns: (transfer container) (element-type CrbSplit): the splits, or
 *   %NULL with @error when @spec is malformed or its shares do not add up
 *   to 1
 */
GPtrArray *
crb_export_parse_splits (const char  *spec,
                         GError     **error)
{
  g_autoptr (GPtrArray) splits = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_split_free);
  g_auto (GStrv) parts = g_strsplit (spec ? spec : "", ",", -1);
  double total = 0.0;

  for (guint i = 0; parts[i]; i++)
    {
      g_auto (GStrv) kv = g_strsplit (g_strstrip (parts[i]), "=", 2);
      CrbSplit *split;
      char *end = NULL;
      double share;

      if (g_strv_length (kv) != 2 || *kv[0] == '\0' || strpbrk (kv[0], "/\\") != NULL)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not NAME=SHARE (for example train=0.8)"), parts[i]);
          return NULL;
        }

      share = g_ascii_strtod (kv[1], &end);
      if (end == kv[1] || *end != '\0' || share < 0.0 || share > 1.0)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                       _("the share of “%s” must be a number from 0 to 1"), kv[0]);
          return NULL;
        }

      for (guint j = 0; j < splits->len; j++)
        if (g_strcmp0 (((CrbSplit *) g_ptr_array_index (splits, j))->name, kv[0]) == 0)
          {
            g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT, _("the split “%s” is named twice"), kv[0]);
            return NULL;
          }

      split = g_new0 (CrbSplit, 1);
      split->name = g_strdup (kv[0]);
      split->share = share;
      split->stories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_ptr_array_add (splits, split);
      total += share;
    }

  if (splits->len == 0 || total < 0.999 || total > 1.001)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                   _("the shares of the splits must add up to 1 (they add up to %g)"), total);
      return NULL;
    }

  return g_steal_pointer (&splits);
}

typedef struct
{
  CrbStory *story;
  guint     key;
  guint     n_records;
} Shuffled;

static int
compare_shuffled (gconstpointer a,
                  gconstpointer b)
{
  const Shuffled *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return g_strcmp0 (crb_story_get_id (x->story), crb_story_get_id (y->story));
}

/**
 * crb_export_assign_splits:
 * @seed: the same seed gives the same splits
 *
 * Puts every story in one split, so that no event appears in two, filling
 * each split in turn up to its share of the records, in an order shuffled
 * by @seed.  Counts come from the project header: no story is parsed.
 */
void
crb_export_assign_splits (CrbProject             *project,
                          const CrbExportOptions *options,
                          GPtrArray              *splits,
                          guint                   seed)
{
  GListModel *stories = crb_project_get_stories (project);
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (Shuffled));
  guint total = 0, done = 0, current = 0;
  double wanted;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      g_autofree char *keyed = g_strdup_printf ("%u:%s", seed, crb_story_get_id (story));
      Shuffled s = { story, g_str_hash (keyed), 0 };

      s.n_records = crb_story_count_status (story, CRB_DECISION_STATUS_CONFIRMED) +
                    crb_story_count_status (story, CRB_DECISION_STATUS_CORRECTED);
      if (options->include_pending)
        s.n_records += crb_story_count_status (story, CRB_DECISION_STATUS_PENDING);
      if (options->include_rejected)
        s.n_records += crb_story_count_status (story, CRB_DECISION_STATUS_REJECTED);
      total += s.n_records;
      g_array_append_val (order, s);
    }

  g_array_sort (order, compare_shuffled);

  wanted = ((CrbSplit *) g_ptr_array_index (splits, 0))->share * total;
  for (guint i = 0; i < order->len; i++)
    {
      Shuffled *s = &g_array_index (order, Shuffled, i);
      CrbSplit *split;

      /* Next split once this one has its share (the last takes the rest). */
      while (current + 1 < splits->len && done >= wanted - 1e-9 && s->n_records > 0)
        {
          current++;
          wanted += ((CrbSplit *) g_ptr_array_index (splits, current))->share * total;
        }

      split = g_ptr_array_index (splits, current);
      g_hash_table_add (split->stories, g_strdup (crb_story_get_id (s->story)));
      split->n_records += s->n_records;
      done += s->n_records;
    }
}
