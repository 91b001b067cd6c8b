/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * extract/ — the claim extraction engine: splits an article's text into
 * sentences, scores how check-worthy each one is with rules and a learned
 * model together, and says why (figures, dates, attribution, named sources,
 * the wording the model weighed), with the values it states, and tells web
 * boilerplate apart.  Also runs an external extractor command.
 *
 * May include: model/, base/.
 */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define CRB_EXTRACTOR_NAME              "corroborate-extract"
#define CRB_EXTRACTOR_VERSION           "0.2.0"

/* The lowest score proposed as a claim, chosen on the development split by
 * tools/fit-extract-calibration (see docs/extraction.md). */
#define CRB_EXTRACT_DEFAULT_THRESHOLD   0.40

/**
 * CrbSentence:
 * @start: UTF-8 byte offset of the first byte of the sentence (or clause) in the text
 * @end: UTF-8 byte offset one past its last byte (end exclusive, no trailing white space)
 * @score: check-worthiness: the probability, calibrated on held-out data,
 *   that a fact-checker would call the segment check-worthy (rules and the
 *   learned model together; see docs/extraction.md)
 * @kind: "quantity", "date", "attribution", "event" or "statement" (the catch-all);
 *   a static string
 * @reasons: (array zero-terminated=1): short human-readable reasons ("number",
 *   "named source", ...); the array belongs to the sentence, the strings are static
 * @values_json: (nullable): the normalised values as compact JSON text, an object
 *   (see docs/extraction.md); written directly, without a json-glib tree, so that
 *   the values cost little.  Hand it to crb_claim_set_values_json(), or parse it
 *   with json_from_string() where a #JsonNode is needed
 * @boilerplate: %TRUE for web boilerplate (captions, bylines, calls to action, ...):
 *   never proposed as a claim, whatever its score
 * @rule_score: the rules' own score (the logistic of their features' weights)
 * @model_score: the learned model's calibrated probability, or -1 when the
 *   model did not read the segment (boilerplate, a headline, or
 *   %CRB_EXTRACT_RULES_ONLY)
 *
 * One segment of an article as the extraction engine sees it.
 */
typedef struct
{
  gsize        start;
  gsize        end;
  double       score;
  const char  *kind;
  const char **reasons;
  char        *values_json;
  gboolean     boilerplate;
  double       rule_score;
  double       model_score;
} CrbSentence;

void        crb_sentence_free         (CrbSentence       *sentence);
gboolean    crb_sentence_is_claim     (const CrbSentence *sentence,
                                       double             threshold);

GPtrArray  *crb_extract_sentences     (const char        *text,
                                       gssize             length,
                                       const char        *date);

/**
 * CrbExtractFlags:
 * @CRB_EXTRACT_NONE: default behaviour
 * @CRB_EXTRACT_NO_VALUES: leave #CrbSentence.values_json %NULL (scores,
 *   kinds and reasons are unchanged)
 * @CRB_EXTRACT_RULES_ONLY: do not run the learned model: the score is the
 *   rules' alone, calibrated (for comparisons and fitting)
 *
 * Options of crb_extract_sentences_full().
 */
typedef enum
{
  CRB_EXTRACT_NONE       = 0,
  CRB_EXTRACT_NO_VALUES  = 1 << 0,
  CRB_EXTRACT_RULES_ONLY = 1 << 1,
} CrbExtractFlags;

GPtrArray  *crb_extract_sentences_full (const char        *text,
                                        gssize             length,
                                        const char        *date,
                                        CrbExtractFlags    flags);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbSentence, crb_sentence_free)

G_END_DECLS
