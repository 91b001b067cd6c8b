/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-align.h"
#include "crb-export.h"
#include "crb-extract.h"
#include "crb-json.h"
#include "crb-error.h"
#include "crb-project-io.h"

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

/* One record of the native dataset; every member is always present. */
static void
write_native_record (GString    *out,
                     CrbStory   *story,
                     CrbArticle *article,
                     CrbClaim   *claim)
{
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

  crb_json_member (out, &first, "article");
  _crb_article_write (out, article, FALSE);

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
    CrbAlignment *alignment = crb_story_get_alignment (story);
    const CrbFact *fact = crb_alignment_get_fact (alignment, crb_claim_get_id (claim));
    gboolean first_evidence = TRUE;

    member_string (out, &first, "fact", fact ? fact->id : NULL);
    crb_json_member (out, &first, "evidence");
    g_string_append_c (out, '[');
    for (guint i = 0; i < alignment->links->len; i++)
      {
        CrbLink *link = g_ptr_array_index (alignment->links, i);
        const char *id = crb_claim_get_id (claim);
        const char *other_id = crb_link_other_end (link, id);
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
}

/* Appends the record of @claim, or nothing when the format leaves it out. */
typedef void (*WriteRecord) (GString    *out,
                             CrbStory   *story,
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

static void
write_csv_record (GString    *out,
                  CrbStory   *story,
                  CrbArticle *article,
                  CrbClaim   *claim)
{
  const CrbDecision *d = crb_claim_get_decision (claim);
  char score[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *start = g_strdup_printf ("%u", crb_claim_get_start (claim));
  g_autofree char *end = g_strdup_printf ("%u", crb_claim_get_end (claim));

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
  csv_field (out, crb_story_get_id (story), FALSE);
  csv_field (out, crb_story_get_title (story), TRUE);
}

/* Streams one record per exported claim, story by story. */
static gboolean
export_records (CrbProject             *project,
                GOutputStream          *output,
                const CrbExportOptions *options,
                const char             *header,
                WriteRecord             write_record,
                guint                  *n_records,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr (GOutputStream) out = NULL;
  g_autoptr (GString) line = g_string_sized_new (2048);
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;
  GListModel *stories;
  guint count = 0;

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (output), FALSE);

  if (options == NULL)
    options = &defaults;

  out = g_buffered_output_stream_new_sized (output, 64 * 1024);
  g_filter_output_stream_set_close_base_stream (G_FILTER_OUTPUT_STREAM (out), FALSE);
  stories = crb_project_get_stories (project);

  if (header != NULL && !g_output_stream_write_all (out, header, strlen (header), NULL, cancellable, error))
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *claims;
      CrbArticle *article = NULL;
      gboolean was_loaded = crb_story_is_loaded (story);

      if (options->stories != NULL && !g_hash_table_contains (options->stories, crb_story_get_id (story)))
        continue;

      if (!crb_story_ensure_loaded (story, error))
        return FALSE;

      claims = crb_story_get_claims (story);
      for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
        {
          g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, j);
          CrbDecisionStatus status = crb_claim_get_status (claim);

          if ((status == CRB_DECISION_STATUS_PENDING && !options->include_pending) ||
              (status == CRB_DECISION_STATUS_REJECTED && !options->include_rejected))
            continue;

          if (article == NULL ||
              g_strcmp0 (crb_article_get_id (article), crb_claim_get_article_id (claim)) != 0)
            article = crb_story_lookup_article (story, crb_claim_get_article_id (claim));

          g_string_truncate (line, 0);
          write_record (line, story, article, claim);
          if (line->len == 0)
            continue;

          if (!g_output_stream_write_all (out, line->str, line->len, NULL, cancellable, error))
            return FALSE;
          count++;
        }

      /* Memory does not grow with the number of records. */
      if (!was_loaded)
        crb_story_unload (story);
    }

  if (!g_output_stream_flush (out, cancellable, error))
    return FALSE;

  if (n_records != NULL)
    *n_records = count;
  return TRUE;
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

/* schema.org ClaimReview (JSON-LD), one per line: confirmed claims rate
 * True, corrected ones Partly true (with the correction), rejected-as-false
 * ones False; other claims are left out.
 */
static void
write_claimreview_record (GString    *out,
                          CrbStory   *story,
                          CrbArticle *article,
                          CrbClaim   *claim)
{
  const CrbDecision *d = crb_claim_get_decision (claim);
  CrbAlignment *alignment;
  g_autoptr (GPtrArray) appearances = g_ptr_array_new ();
  CrbArticle *first_article;
  const char *rating_name;
  g_autofree char *url = NULL;
  g_autofree char *day = NULL;
  gboolean first = TRUE;
  int rating;

  if (d == NULL)
    return;

  switch (d->status)
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      rating = 5;
      rating_name = "True";
      break;
    case CRB_DECISION_STATUS_CORRECTED:
      rating = 3;
      rating_name = "Partly true";
      break;
    case CRB_DECISION_STATUS_REJECTED:
      if (d->reason != CRB_REJECT_REASON_FALSE)
        return;
      rating = 1;
      rating_name = "False";
      break;
    case CRB_DECISION_STATUS_PENDING:
    default:
      return;
    }

  /* Where the claim appears: its article and the agreeing ones. */
  g_ptr_array_add (appearances, article);
  alignment = crb_story_get_alignment (story);
  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      const char *id = crb_claim_get_id (claim);
      const char *other_id = crb_link_other_end (link, id);
      CrbClaim *other = other_id && link->relation == CRB_RELATION_AGREES
                        ? crb_story_lookup_claim (story, other_id) : NULL;
      CrbArticle *other_article = other ? crb_story_lookup_article (story, crb_claim_get_article_id (other)) : NULL;

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
}

/**
 * crb_export_claimreview:
 *
 * Writes schema.org ClaimReview records (JSON-LD), one per line, for the
 * confirmed, corrected and rejected-as-false claims.
 */
gboolean
crb_export_claimreview (CrbProject             *project,
                        GOutputStream          *output,
                        const CrbExportOptions *options,
                        guint                  *n_records,
                        GCancellable           *cancellable,
                        GError                **error)
{
  return export_records (project, output, options, NULL, write_claimreview_record, n_records,
                         cancellable, error);
}

/**
 * crb_export_jsonl:
 * @n_records: (out) (optional): how many records were written
 *
 * Writes the native JSON Lines dataset: one record per decided claim with
 * its full provenance (docs/export-formats.md).
 */
gboolean
crb_export_jsonl (CrbProject             *project,
                  GOutputStream          *output,
                  const CrbExportOptions *options,
                  guint                  *n_records,
                  GCancellable           *cancellable,
                  GError                **error)
{
  return export_records (project, output, options, NULL, write_native_record, n_records, cancellable, error);
}

/**
 * crb_export_csv:
 *
 * Writes the decided claims as CSV for spreadsheets: RFC 4180 quoting,
 * UTF-8, CRLF line ends, a header row.
 */
gboolean
crb_export_csv (CrbProject             *project,
                GOutputStream          *output,
                const CrbExportOptions *options,
                guint                  *n_records,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr (GString) header = g_string_new (NULL);

  g_return_val_if_fail (CRB_IS_PROJECT (project), FALSE);

  for (guint i = 0; csv_columns[i]; i++)
    csv_field (header, csv_columns[i], csv_columns[i + 1] == NULL);

  return export_records (project, output, options, header->str, write_csv_record, n_records, cancellable, error);
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
