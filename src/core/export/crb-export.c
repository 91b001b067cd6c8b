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
#include "crb-story-private.h"
#include "crb-utils.h"

#include <string.h>

/*
 * Exports write their records story by story, so memory does not grow with
 * the number of records; stories and claims come in project order, so the
 * same project exports the same bytes every time.
 *
 * Records are written from each story's line as the project file holds it
 * (CrbStoryLine), without making the story's objects: most strings are
 * copied as they are in the file.  A loaded story is written from the line
 * a save would write, so there is one way to write each record.
 */

#define append_literal(out, literal) _crb_string_append_len ((out), "" literal, sizeof (literal) - 1)

static void
member_string (GString    *out,
               gboolean   *first,
               const char *name,
               const char *value)
{
  crb_json_member (out, first, name);
  crb_json_append_string (out, value);
}

/* What a record writer needs of its story, made once per story. */
typedef struct
{
  CrbStory           *story;
  const CrbStoryLine *line;
  const CrbJsonDoc   *doc;
  guint              *link_start;  /* claim i's links: link_index[link_start[i]] up to link_index[link_start[i + 1]] */
  guint              *link_index;
  GArray            **sentences;   /* per article: GArray of Sentence, made on request */
  char              **written;     /* per article: its JSON object without the text, once a record carried the text */
  GString            *story_object; /* {"id": …, "title": …} */
  GString            *evidence;    /* JSON Lines: pieces of evidence entries (append_evidence_piece()) */
  gsize              *evidence_at; /* per claim: where its pieces start and end in @evidence */
  guint               next_id;     /* FEVER: the next record's id in the story, from 0 */
  GArray             *ids;         /* FEVER: IdMark, where the records' ids go */
} StoryCtx;

/* FEVER numbers its records across the file: a story's records are written
 * without their ids, which go in where these say once the records of the
 * stories before are counted (number_records()).
 */
typedef struct
{
  gsize offset;  /* in the story's records */
  guint id;      /* from 0 in the story */
} IdMark;

/* One sentence of an article, in code points and bytes. */
typedef struct
{
  guint start;
  guint end;
  gsize byte_start;
  gsize byte_end;
} Sentence;

static inline const CrbLineClaim *
claim_at (StoryCtx *ctx,
          guint     index)
{
  return &g_array_index (ctx->line->claims, CrbLineClaim, index);
}

static inline const CrbLineLink *
link_at (StoryCtx *ctx,
         guint     index)
{
  return &g_array_index (ctx->line->links, CrbLineLink, index);
}

/* A field of an article as the article object holds it (NULL: none). */
static inline const char *
article_field (StoryCtx        *ctx,
               guint            article,
               CrbArticleField  field)
{
  return crb_json_string (ctx->doc, g_array_index (ctx->line->articles, CrbLineArticle, article).fields[field]);
}

/* A string of the story's line. */
static inline const char *
string_of (StoryCtx           *ctx,
           const CrbJsonValue *value)
{
  return crb_json_string (ctx->doc, value);
}

static void
story_ctx_begin (StoryCtx           *ctx,
                 CrbStory           *story,
                 const CrbStoryLine *line)
{
  guint n_claims = line->claims->len;
  guint n_articles = line->articles->len;
  gboolean first = TRUE;

  ctx->story = story;
  ctx->line = line;
  ctx->doc = line->doc;
  ctx->sentences = g_new0 (GArray *, n_articles);
  ctx->written = g_new0 (char *, n_articles);
  ctx->ids = g_array_new (FALSE, FALSE, sizeof (IdMark));
  ctx->evidence = g_string_new (NULL);
  ctx->evidence_at = g_new0 (gsize, 3 * n_claims);
  ctx->story_object = g_string_new ("{");
  member_string (ctx->story_object, &first, "id", crb_story_get_id (story));
  member_string (ctx->story_object, &first, "title", crb_story_get_title (story));
  g_string_append_c (ctx->story_object, '}');

  /* Each claim's links in the alignment's order (a link to itself twice). */
  ctx->link_start = g_new0 (guint, n_claims + 1);
  ctx->link_index = g_new (guint, 2 * line->links->len + 1);
  for (guint i = 0; i < line->links->len; i++)
    {
      ctx->link_start[link_at (ctx, i)->a + 1]++;
      ctx->link_start[link_at (ctx, i)->b + 1]++;
    }
  for (guint c = 0; c < n_claims; c++)
    ctx->link_start[c + 1] += ctx->link_start[c];
  {
    g_autofree guint *next = g_memdup2 (ctx->link_start, n_claims * sizeof (guint));

    for (guint i = 0; i < line->links->len; i++)
      {
        ctx->link_index[next[link_at (ctx, i)->a]++] = i;
        ctx->link_index[next[link_at (ctx, i)->b]++] = i;
      }
  }
}

static void
story_ctx_end (StoryCtx *ctx)
{
  for (guint i = 0; i < ctx->line->articles->len; i++)
    {
      g_clear_pointer (&ctx->sentences[i], g_array_unref);
      g_free (ctx->written[i]);
    }
  g_clear_pointer (&ctx->sentences, g_free);
  g_clear_pointer (&ctx->written, g_free);
  g_string_free (g_steal_pointer (&ctx->story_object), TRUE);
  g_clear_pointer (&ctx->ids, g_array_unref);
  g_string_free (g_steal_pointer (&ctx->evidence), TRUE);
  g_clear_pointer (&ctx->evidence_at, g_free);
  g_clear_pointer (&ctx->link_start, g_free);
  g_clear_pointer (&ctx->link_index, g_free);
  ctx->story = NULL;
  ctx->line = NULL;
  ctx->doc = NULL;
}

/* The claim at the other end of @link from claim @index. */
static inline guint
other_end (const CrbLineLink *link,
           guint              index)
{
  return link->a == index ? link->b : link->a;
}

/* The article's sentences, as the extraction engine segments them. */
static GArray *
sentences_of (StoryCtx *ctx,
              guint     article)
{
  GArray *sentences = ctx->sentences[article];

  if (sentences == NULL)
    {
      g_autoptr (GArray) raw = g_array_new (FALSE, FALSE, sizeof (CrbRawSegment));
      const char *text = article_field (ctx, article, CRB_ARTICLE_TEXT);
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
      ctx->sentences[article] = sentences;
    }

  return sentences;
}

/* The index of the sentence that holds the start of @claim. */
static guint
sentence_of (StoryCtx           *ctx,
             const CrbLineClaim *claim)
{
  GArray *sentences = sentences_of (ctx, claim->article);
  guint lo = 0, hi = sentences->len;

  /* The last sentence that starts at or before the claim. */
  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (sentences, Sentence, mid).start <= claim->start)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo > 0 ? lo - 1 : 0;
}

/* A claim's final text: the correction of a corrected claim, else its text. */
static void
append_final_text (GString            *out,
                   StoryCtx           *ctx,
                   const CrbLineClaim *claim)
{
  const char *correction = crb_decision_get_correction (claim->decision);

  if (correction != NULL)
    crb_json_append_string (out, correction);
  else
    crb_json_append_string_value (out, ctx->doc, claim->text);
}

static const char *
final_text (StoryCtx           *ctx,
            const CrbLineClaim *claim)
{
  const char *correction = crb_decision_get_correction (claim->decision);

  return correction ? correction : string_of (ctx, claim->text);
}

static inline const char *
status_name (const CrbLineClaim *claim)
{
  return crb_decision_status_to_string (crb_decision_get_status (claim->decision));
}

/* {"start": …, "end": …} */
static void
append_span (GString            *out,
             const CrbLineClaim *claim)
{
  append_literal (out, "{\"start\":");
  crb_json_append_int (out, claim->start);
  append_literal (out, ",\"end\":");
  crb_json_append_int (out, claim->end);
  g_string_append_c (out, '}');
}

/* What an evidence entry of the native dataset takes from its claim, in two
 * pieces around the link's relation: {"claim": …, "article": …, "relation":
 * and ,"span": …, "quote": …, "status": …, "why":.  Made once per story
 * (a claim is the evidence of each claim it is linked to).
 */
static void
append_evidence_piece (GString  *out,
                       StoryCtx *ctx,
                       guint     index,
                       guint     piece)
{
  gsize *at = &ctx->evidence_at[3 * index];

  if (at[2] == 0)
    {
      const CrbLineClaim *claim = claim_at (ctx, index);
      GString *pieces = ctx->evidence;

      at[0] = pieces->len;
      append_literal (pieces, "{\"claim\":");
      crb_json_append_string_value (pieces, ctx->doc, claim->id);
      append_literal (pieces, ",\"article\":");
      crb_json_append_string_value (pieces, ctx->doc, claim->article_id);
      append_literal (pieces, ",\"relation\":");
      at[1] = pieces->len;
      append_literal (pieces, ",\"span\":");
      append_span (pieces, claim);
      append_literal (pieces, ",\"quote\":");
      crb_json_append_string_value (pieces, ctx->doc, claim->text);
      append_literal (pieces, ",\"status\":");
      crb_json_append_word (pieces, status_name (claim));
      append_literal (pieces, ",\"why\":");
      at[2] = pieces->len;
    }
  _crb_string_append_len (out, ctx->evidence->str + at[piece], at[piece + 1] - at[piece]);
}

/* One record of the native dataset; every member is always present. */
static guint
write_native_record (GString  *out,
                     StoryCtx *ctx,
                     guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const CrbDecision *decision = claim->decision;

  append_literal (out, "{\"id\":");
  crb_json_append_string_value (out, ctx->doc, claim->id);
  append_literal (out, ",\"claim\":");
  append_final_text (out, ctx, claim);
  append_literal (out, ",\"original\":");
  crb_json_append_string_value (out, ctx->doc, claim->text);
  append_literal (out, ",\"status\":");
  crb_json_append_word (out, status_name (claim));
  append_literal (out, ",\"reason\":");
  crb_json_append_string (out, decision ? crb_reject_reason_to_string (decision->reason) : NULL);
  append_literal (out, ",\"note\":");
  crb_json_append_string (out, decision ? decision->note : NULL);
  append_literal (out, ",\"annotator\":");
  crb_json_append_string (out, decision ? decision->annotator : NULL);
  append_literal (out, ",\"time\":");
  crb_json_append_string (out, decision ? decision->time : NULL);
  append_literal (out, ",\"kind\":");
  if (claim->kind != NULL)
    crb_json_append_string_value (out, ctx->doc, claim->kind);
  else
    append_literal (out, "\"statement\"");
  append_literal (out, ",\"values\":");
  if (claim->values != NULL)
    {
      gsize len;
      const char *raw = crb_json_raw (ctx->doc, claim->values, &len);

      _crb_string_append_len (out, raw, len);
    }
  else
    append_literal (out, "null");

  /* The first record of an article carries its text, so that the dataset
   * can rebuild the project (`corroborate-cli new --from-export`); the
   * others share one object.
   */
  append_literal (out, ",\"article\":");
  if (ctx->written[claim->article] != NULL)
    g_string_append (out, ctx->written[claim->article]);
  else
    {
      GString *object = g_string_new (NULL);

      _crb_line_article_write (out, ctx->line, claim->article, TRUE);
      _crb_line_article_write (object, ctx->line, claim->article, FALSE);
      ctx->written[claim->article] = g_string_free (object, FALSE);
    }

  append_literal (out, ",\"span\":");
  append_span (out, claim);
  append_literal (out, ",\"quote\":");
  crb_json_append_string_value (out, ctx->doc, claim->text);
  append_literal (out, ",\"story\":");
  _crb_string_append_len (out, ctx->story_object->str, ctx->story_object->len);

  /* The fact and its evidence: the linked claims of the other articles. */
  append_literal (out, ",\"fact\":");
  if (claim->fact >= 0)
    crb_json_append_string_value (out, ctx->doc, g_array_index (ctx->line->facts, CrbLineFact, claim->fact).id);
  else
    {
      g_autofree char *fact = g_strconcat ("fact:", string_of (ctx, claim->id), NULL);

      crb_json_append_string (out, fact);
    }
  append_literal (out, ",\"evidence\":[");
  for (guint k = ctx->link_start[index]; k < ctx->link_start[index + 1]; k++)
    {
      const CrbLineLink *link = link_at (ctx, ctx->link_index[k]);

      if (k > ctx->link_start[index])
        g_string_append_c (out, ',');
      append_evidence_piece (out, ctx, other_end (link, index), 0);
      crb_json_append_word (out, crb_relation_to_string (link->relation));
      append_evidence_piece (out, ctx, other_end (link, index), 1);
      crb_json_append_strv_value (out, ctx->doc, link->why);
      if (link->manual)
        append_literal (out, ",\"manual\":true}");
      else
        append_literal (out, ",\"manual\":false}");
    }
  append_literal (out, "],\"outlets\":");
  crb_json_append_int (out, claim->fact >= 0 ? g_array_index (ctx->line->facts, CrbLineFact, claim->fact).n_outlets : 1);

  append_literal (out, ",\"extractor\":{\"name\":");
  crb_json_append_string (out, CRB_EXTRACTOR_NAME);
  append_literal (out, ",\"version\":");
  crb_json_append_string (out, CRB_EXTRACTOR_VERSION);
  append_literal (out, ",\"score\":");
  crb_json_append_double (out, _crb_round_score (claim->score));
  append_literal (out, ",\"reasons\":");
  crb_json_append_strv_value (out, ctx->doc, claim->reasons);
  append_literal (out, "}}\n");
  return 1;
}

/* Appends the records of claim @index (none when the format leaves it out)
 * and returns how many it wrote.
 */
typedef guint (*WriteRecord) (GString  *out,
                              StoryCtx *ctx,
                              guint     index);

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
write_csv_record (GString  *out,
                  StoryCtx *ctx,
                  guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const CrbDecision *d = claim->decision;
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  char start[16], end[16];

  g_snprintf (start, sizeof start, "%u", claim->start);
  g_snprintf (end, sizeof end, "%u", claim->end);
  g_ascii_formatd (score, sizeof score, "%.3f", claim->score);
  csv_field (out, string_of (ctx, claim->id), FALSE);
  csv_field (out, final_text (ctx, claim), FALSE);
  csv_field (out, string_of (ctx, claim->text), FALSE);
  csv_field (out, status_name (claim), FALSE);
  csv_field (out, d ? crb_reject_reason_to_string (d->reason) : NULL, FALSE);
  csv_field (out, d ? d->note : NULL, FALSE);
  csv_field (out, d ? d->annotator : NULL, FALSE);
  csv_field (out, d ? d->time : NULL, FALSE);
  csv_field (out, claim->kind ? string_of (ctx, claim->kind) : "statement", FALSE);
  csv_field (out, score, FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_ID), FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_TITLE), FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_OUTLET), FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_URL), FALSE);
  csv_field (out, article_field (ctx, claim->article, CRB_ARTICLE_DATE), FALSE);
  csv_field (out, start, FALSE);
  csv_field (out, end, FALSE);
  csv_field (out, crb_story_get_id (ctx->story), FALSE);
  csv_field (out, crb_story_get_title (ctx->story), TRUE);
  return 1;
}

/* The indexes of the claims linked to claim @index by @relation, in link order. */
static GArray *
linked_claims (StoryCtx    *ctx,
               guint        index,
               CrbRelation  relation)
{
  GArray *result = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint k = ctx->link_start[index]; k < ctx->link_start[index + 1]; k++)
    {
      const CrbLineLink *link = link_at (ctx, ctx->link_index[k]);
      guint other = other_end (link, index);

      if (link->relation == relation)
        g_array_append_val (result, other);
    }
  return result;
}

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

/* The labels each format gives a decided claim; NULL when it is left out.
 * A corrected claim gives FEVER two records.
 */
static const char *
claimreview_label (const CrbDecision *d,
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

static guint
fever_labels (const CrbDecision  *d,
              const char        **labels)
{
  switch (crb_decision_get_status (d))
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
write_claimreview_record (GString  *out,
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

  rating_name = claimreview_label (d, &rating);
  if (rating_name == NULL)
    return 0;

  /* Where the claim appears: its article and the agreeing ones. */
  g_array_append_val (appearances, claim->article);
  agreeing = linked_claims (ctx, index, CRB_RELATION_AGREES);
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

/* Where the id of the story's record @id goes. */
static void
mark_id (GString  *out,
         StoryCtx *ctx,
         guint     id)
{
  IdMark mark = { out->len, id };

  g_array_append_val (ctx->ids, mark);
}

/* Puts the ids in a story's records, the first being @first_id. */
static void
number_records (GString *records,
                GArray  *ids,
                guint    first_id)
{
  g_autoptr (GString) numbered = g_string_sized_new (records->len + 8 * ids->len);
  gsize done = 0;

  for (guint i = 0; i < ids->len; i++)
    {
      const IdMark *mark = &g_array_index (ids, IdMark, i);

      g_string_append_len (numbered, records->str + done, mark->offset - done);
      crb_json_append_int (numbered, first_id + mark->id);
      done = mark->offset;
    }
  g_string_append_len (numbered, records->str + done, records->len - done);
  g_string_truncate (records, 0);
  g_string_append_len (records, numbered->str, numbered->len);
}

/* One FEVER record; @evidence holds the indexes of claims whose sentences
 * are each, on their own, an evidence set.
 */
static void
write_fever_line (GString    *out,
                  StoryCtx   *ctx,
                  const char *label,
                  const char *text,
                  GArray     *evidence)
{
  guint id = ctx->next_id++;
  gboolean first = TRUE;
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n = 0;

  g_string_append_c (out, '{');
  crb_json_member (out, &first, "id");
  mark_id (out, ctx, id);
  member_string (out, &first, "verifiable", evidence ? "VERIFIABLE" : "NOT VERIFIABLE");
  member_string (out, &first, "label", label);
  member_string (out, &first, "claim", text);
  crb_json_member (out, &first, "evidence");
  if (evidence == NULL)
    {
      g_string_append (out, "[[[");
      mark_id (out, ctx, id);
      g_string_append (out, ",null,null,null]]]");
    }
  else
    {
      g_string_append_c (out, '[');
      for (guint i = 0; i < evidence->len; i++)
        {
          const CrbLineClaim *c = claim_at (ctx, g_array_index (evidence, guint, i));
          const char *article_id = article_field (ctx, c->article, CRB_ARTICLE_ID);
          guint sentence = sentence_of (ctx, c);
          char *key = g_strdup_printf ("%u\t%s", sentence, article_id);

          /* Two claims in one sentence are one piece of evidence. */
          if (!g_hash_table_add (seen, key))
            continue;
          if (n > 0)
            g_string_append_c (out, ',');
          g_string_append (out, "[[");
          mark_id (out, ctx, id);
          g_string_append_printf (out, ",%u,", n);
          crb_json_append_string (out, article_id);
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
write_fever_record (GString  *out,
                    StoryCtx *ctx,
                    guint     index)
{
  const CrbLineClaim *claim = claim_at (ctx, index);
  const char *labels[2];
  guint n = fever_labels (claim->decision, labels);
  g_autoptr (GArray) evidence = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GArray) linked = NULL;

  if (n == 0)
    return 0;

  g_array_append_val (evidence, index);
  if (g_str_equal (labels[0], "NOT ENOUGH INFO"))
    {
      write_fever_line (out, ctx, labels[0], string_of (ctx, claim->text), NULL);
      return 1;
    }

  if (g_str_equal (labels[0], "REFUTES"))
    {
      linked = linked_claims (ctx, index, CRB_RELATION_CONFLICTS);
      g_array_append_vals (evidence, linked->data, linked->len);
      write_fever_line (out, ctx, labels[0], string_of (ctx, claim->text), evidence);
      return 1;
    }

  /* Agreeing appearances, unless a reviewer rejected them. */
  linked = linked_claims (ctx, index, CRB_RELATION_AGREES);
  for (guint i = 0; i < linked->len; i++)
    if (crb_decision_get_status (claim_at (ctx, g_array_index (linked, guint, i))->decision) !=
        CRB_DECISION_STATUS_REJECTED)
      g_array_append_val (evidence, g_array_index (linked, guint, i));
  write_fever_line (out, ctx, labels[0], final_text (ctx, claim), evidence);

  if (n == 2)
    {
      g_array_set_size (evidence, 1);
      write_fever_line (out, ctx, labels[1], string_of (ctx, claim->text), evidence);
    }
  return n;
}

/* The FEVER sentence table: one line per sentence of each article. */
static void
write_sentences (GString  *out,
                 StoryCtx *ctx)
{
  for (guint i = 0; i < ctx->line->articles->len; i++)
    {
      GArray *sentences = sentences_of (ctx, i);
      const char *text = article_field (ctx, i, CRB_ARTICLE_TEXT);

      for (guint k = 0; k < sentences->len; k++)
        {
          const Sentence *s = &g_array_index (sentences, Sentence, k);

          append_literal (out, "{\"page\":");
          crb_json_append_string (out, article_field (ctx, i, CRB_ARTICLE_ID));
          append_literal (out, ",\"sentence_id\":");
          crb_json_append_int (out, k);
          append_literal (out, ",\"text\":");
          crb_json_append_string_len (out, text + s->byte_start, s->byte_end - s->byte_start);
          append_literal (out, ",\"span\":{\"start\":");
          crb_json_append_int (out, s->start);
          append_literal (out, ",\"end\":");
          crb_json_append_int (out, s->end);
          append_literal (out, "}}\n");
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
claim_included (const CrbLineClaim     *claim,
                const CrbExportOptions *options)
{
  CrbDecisionStatus status = crb_decision_get_status (claim->decision);

  return !((status == CRB_DECISION_STATUS_PENDING && !options->include_pending) ||
           (status == CRB_DECISION_STATUS_REJECTED && !options->include_rejected));
}

/* Where records go: a stream written in large pieces.  A story's records
 * are written as they are when they fill a piece; smaller ones are
 * gathered first.  (A buffered stream would copy every byte once more.)
 */
typedef struct
{
  GOutputStream *stream;
  GString       *pending;
} Sink;

#define SINK_PIECE (256 * 1024)

static gboolean
sink_flush (Sink          *sink,
            GCancellable  *cancellable,
            GError       **error)
{
  gboolean ok = sink->pending->len == 0 ||
                g_output_stream_write_all (sink->stream, sink->pending->str, sink->pending->len,
                                           NULL, cancellable, error);

  g_string_truncate (sink->pending, 0);
  return ok;
}

static gboolean
sink_write (Sink          *sink,
            GString       *data,
            GCancellable  *cancellable,
            GError       **error)
{
  if (sink->pending->len + data->len < SINK_PIECE)
    {
      _crb_string_append_len (sink->pending, data->str, data->len);
      return TRUE;
    }

  if (!sink_flush (sink, cancellable, error))
    return FALSE;
  if (data->len < SINK_PIECE)
    {
      _crb_string_append_len (sink->pending, data->str, data->len);
      return TRUE;
    }
  return g_output_stream_write_all (sink->stream, data->str, data->len, NULL, cancellable, error);
}

static void
sink_clear (Sink *sink)
{
  if (sink->pending != NULL)
    g_string_free (g_steal_pointer (&sink->pending), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sink, sink_clear)

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
  GArray   *ids;        /* FEVER: IdMark */
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
  GPtrArray              *spare;      /* buffers written already, for the next stories (under lock) */
  gint                    cancelled;  /* atomic */
} Shared;

static void
buffer_free (gpointer data)
{
  g_string_free (data, TRUE);
}

/* A buffer for a story's records: one written already when there is one,
 * whose memory is in use (fresh memory costs page faults).
 */
static GString *
take_buffer (Shared *shared)
{
  GString *buffer = NULL;

  g_mutex_lock (&shared->lock);
  if (shared->spare->len > 0)
    buffer = g_ptr_array_steal_index_fast (shared->spare, shared->spare->len - 1);
  g_mutex_unlock (&shared->lock);
  return buffer ? buffer : g_string_sized_new (64 * 1024);
}

static void
give_back_buffer (Shared  *shared,
                  GString *buffer)
{
  if (buffer == NULL)
    return;
  g_string_truncate (buffer, 0);
  g_mutex_lock (&shared->lock);
  g_ptr_array_add (shared->spare, buffer);
  g_mutex_unlock (&shared->lock);
}

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
  g_clear_pointer (&job->ids, g_array_unref);
  g_clear_error (&job->error);
  g_free (job);
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  Shared *shared = user_data;
  g_auto (CrbStoryLine) line = { NULL, };

  if (!g_atomic_int_get (&shared->cancelled) && _crb_story_read_line (job->story, &line, &job->error))
    {
      StoryCtx ctx = { 0, };

      story_ctx_begin (&ctx, job->story, &line);
      job->records = take_buffer (shared);
      for (guint j = 0; j < line.claims->len; j++)
        if (claim_included (claim_at (&ctx, j), shared->options))
          job->count += formats[shared->format].write_record (job->records, &ctx, j);
      job->ids = g_steal_pointer (&ctx.ids);

      if (shared->with_sentences)
        {
          job->sentences = take_buffer (shared);
          write_sentences (job->sentences, &ctx);
        }
      story_ctx_end (&ctx);
    }

  g_mutex_lock (&shared->lock);
  job->done = TRUE;
  g_cond_broadcast (&shared->cond);
  g_mutex_unlock (&shared->lock);
}

/**
 * crb_export_stories:
 * @stories: (element-type CrbStory): the stories of a project, in order
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
crb_export_stories (GListModel             *stories,
                    CrbExportFormat         format,
                    GOutputStream          *output,
                    GOutputStream          *sentences,
                    const CrbExportOptions *options,
                    guint                  *n_records,
                    GCancellable           *cancellable,
                    GError                **error)
{
  g_auto (Sink) out = { output, g_string_sized_new (SINK_PIECE) };
  g_auto (Sink) sentences_out = { sentences, NULL };
  gboolean with_sentences = sentences != NULL && format == CRB_EXPORT_FEVER;
  g_autoptr (GPtrArray) jobs = g_ptr_array_new_with_free_func ((GDestroyNotify) job_free);
  g_autoptr (GString) header = g_string_new (NULL);
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;
  Shared shared = { 0, };
  GThreadPool *pool;
  guint n_threads, window;
  guint queued = 0;
  guint count = 0;
  gboolean ok = TRUE;

  g_return_val_if_fail (G_IS_LIST_MODEL (stories), FALSE);
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);
  g_return_val_if_fail (sentences == NULL || G_IS_OUTPUT_STREAM (sentences), FALSE);

  if (options == NULL)
    options = &defaults;

  if (with_sentences)
    sentences_out.pending = g_string_sized_new (SINK_PIECE);

  if (format == CRB_EXPORT_CSV)
    {
      for (guint i = 0; csv_columns[i]; i++)
        csv_field (header, csv_columns[i], csv_columns[i + 1] == NULL);
      if (!sink_write (&out, header, cancellable, error))
        return FALSE;
    }

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
  shared.with_sentences = with_sentences;
  shared.spare = g_ptr_array_new_with_free_func (buffer_free);
  n_threads = CLAMP (g_get_num_processors (), 1, 4);
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
        {
          /* FEVER's ids follow the records written before. */
          if (job->ids->len > 0)
            number_records (job->records, job->ids, count + 1);
          ok = !g_cancellable_set_error_if_cancelled (cancellable, error) &&
               sink_write (&out, job->records, cancellable, error) &&
               (!with_sentences || sink_write (&sentences_out, job->sentences, cancellable, error));
        }
      count += job->count;

      /* Written: its buffers go to the next stories. */
      give_back_buffer (&shared, g_steal_pointer (&job->records));
      give_back_buffer (&shared, g_steal_pointer (&job->sentences));
      g_ptr_array_index (jobs, i) = NULL;
      job_free (job);
    }

  /* On failure, queued stories are dropped and running ones finish. */
  g_atomic_int_set (&shared.cancelled, 1);
  g_thread_pool_free (pool, TRUE, TRUE);
  g_mutex_clear (&shared.lock);
  g_cond_clear (&shared.cond);
  g_ptr_array_unref (shared.spare);

  if (!ok ||
      !sink_flush (&out, cancellable, error) ||
      (with_sentences && !sink_flush (&sentences_out, cancellable, error)))
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
 * crb_export_count_stories:
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
crb_export_count_stories (GListModel             *stories,
                          CrbExportFormat         format,
                          const CrbExportOptions *options,
                          const char            **labels,
                          guint                  *counts,
                          GCancellable           *cancellable,
                          GError                **error)
{
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;

  g_return_val_if_fail (G_IS_LIST_MODEL (stories), FALSE);
  g_return_val_if_fail (format < CRB_N_EXPORT_FORMATS, FALSE);

  if (options == NULL)
    options = &defaults;
  crb_export_format_labels (format, labels);
  memset (counts, 0, CRB_EXPORT_MAX_LABELS * sizeof *counts);

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      g_auto (CrbStoryLine) line = { NULL, };

      if (options->stories != NULL && !g_hash_table_contains (options->stories, crb_story_get_id (story)))
        continue;
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      /* Without reasons to look at, the header's counts are enough. */
      if ((format == CRB_EXPORT_JSONL || format == CRB_EXPORT_CSV) && !crb_story_is_loaded (story))
        {
          for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
            if ((s != CRB_DECISION_STATUS_PENDING || options->include_pending) &&
                (s != CRB_DECISION_STATUS_REJECTED || options->include_rejected))
              counts[s] += crb_story_count_status (story, s);
          continue;
        }

      if (!_crb_story_read_line (story, &line, error))
        return FALSE;

      for (guint j = 0; j < line.claims->len; j++)
        {
          const CrbLineClaim *claim = &g_array_index (line.claims, CrbLineClaim, j);
          const CrbDecision *d = claim->decision;
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
              found[0] = crb_decision_status_to_string (crb_decision_get_status (d));
              break;
            }

          for (guint f = 0; f < 2 && found[f]; f++)
            for (guint k = 0; labels[k]; k++)
              if (g_str_equal (labels[k], found[f]))
                counts[k]++;
        }
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
 * crb_export_assign_splits_stories:
 * @seed: the same seed gives the same splits
 *
 * Puts every story in one split, so that no event appears in two, filling
 * each split in turn up to its share of the records, in an order shuffled
 * by @seed.  Counts come from the project header: no story is parsed.
 */
void
crb_export_assign_splits_stories (GListModel             *stories,
                                  const CrbExportOptions *options,
                                  GPtrArray              *splits,
                                  guint                   seed)
{
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
