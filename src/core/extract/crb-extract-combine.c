/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-combine.c: the score of a segment from the rules and the
 * learned check-worthiness model together.
 *
 * The rules know what news looks like (attribution, figures with their
 * qualifiers, dates, headlines, boilerplate); the model (crb-checkworthiness.c)
 * knows what fact-checkers call check-worthy in the wording of a sentence.
 * A segment the rules call boilerplate is never proposed and the model does
 * not read it; nor does it read a headline, which repeats the body of the
 * article.  Every other segment is read by both, and a logistic regression
 * over what they say gives the probability that it is check-worthy:
 *
 *   z     = MODEL * model log-odds + RULES * rules' log-odds
 *           + RULES_CLAIM * [the rules alone would propose it] + BIAS
 *   score = 1 / (1 + e^-z)
 *
 * A headline is proposed exactly when the rules alone propose it (their
 * own score at least 0.5, as before the model): its score is the rules'
 * log-odds shifted so that their 0.5 falls on CRB_EXTRACT_DEFAULT_THRESHOLD.
 * Our labelled sets hold too few headlines to calibrate them (9 in the
 * development split), and they disagree on them: an article's headline
 * repeats its body, where the claim is proposed with its context.
 * Boilerplate, never proposed, is scored the same way.  With
 * CRB_EXTRACT_RULES_ONLY, every score is the rules' log-odds calibrated
 * alone: 1 / (1 + e^-(RULES_ONLY_SLOPE * log-odds + RULES_ONLY_BIAS)).
 *
 * The constants are fitted on the development split (debate dev half and
 * our news dev split, see docs/extraction.md) by tools/fit-extract-calibration,
 * which also chooses CRB_EXTRACT_DEFAULT_THRESHOLD there; the test split
 * is only reported, by bench/eval-extract.
 *
 * Where the model thinks a segment more likely check-worthy than not, the
 * wording that weighed most for it is added to the rules' reasons
 * ("model: 'killed'", "model: 'in <number>'").
 */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-private.h"
#include "crb-checkworthiness-private.h"

#include <math.h>
#include <string.h>

/* BEGIN fitted by tools/fit-extract-calibration: do not edit by hand */
#define COMBINE_MODEL            0.9284
#define COMBINE_RULES            0.2811
#define COMBINE_RULES_CLAIM      1.0140
#define COMBINE_BIAS             -0.1143
#define COMBINE_RULES_ONLY_SLOPE 1.6433
#define COMBINE_RULES_ONLY_BIAS  0.7608
/* END fitted by tools/fit-extract-calibration */

struct _CrbCombiner
{
  CrbCheckworthiness       *model;       /* borrowed: the built-in model, loaded once */
  CrbCheckworthinessScratch scratch;
  double                    rules_shift; /* log-odds of the default threshold */
};

static gpointer
load_model (gpointer data)
{
  g_autoptr (GError) error = NULL;
  CrbCheckworthiness *model = crb_checkworthiness_load_default (&error);

  /* the weights are built into the library: only a broken build fails */
  if (model == NULL)
    g_warning ("The check-worthiness model is not available, the rules score alone: %s",
               error->message);
  return model;
}

/* The built-in model, loaded on first use and kept for the life of the
 * process, so that the reasons it gives are static strings. */
static CrbCheckworthiness *
default_model (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, load_model, NULL);
}

CrbCombiner *
crb_combiner_new (void)
{
  CrbCombiner *c = g_new0 (CrbCombiner, 1);

  c->model = default_model ();
  c->rules_shift = log (CRB_EXTRACT_DEFAULT_THRESHOLD / (1 - CRB_EXTRACT_DEFAULT_THRESHOLD));
  return c;
}

void
crb_combiner_free (CrbCombiner *c)
{
  if (c == NULL)
    return;
  _crb_checkworthiness_scratch_clear (&c->scratch);
  g_free (c);
}

static inline double
sigmoid (double z)
{
  return 1.0 / (1.0 + exp (-z));
}

/* Appends the model's strongest reasons to the sentence's, in the room
 * the analyzer left; the figures, percentages and money the rules already
 * name are not repeated. */
static void
add_model_reasons (CrbCombiner *c,
                   CrbSentence *sentence,
                   guint        found)
{
  guint skip = 0;
  guint n = 0, k;

  if (found & CRB_RULES_NUMBER)
    skip |= CRB_CHECKWORTHINESS_FIGURE;
  if (found & CRB_RULES_PERCENT)
    skip |= CRB_CHECKWORTHINESS_PERCENT;
  if (found & CRB_RULES_MONEY)
    skip |= CRB_CHECKWORTHINESS_MONEY;
  while (sentence->reasons[n] != NULL)
    n++;
  k = _crb_checkworthiness_reasons (c->model, &c->scratch, skip, sentence->reasons + n,
                                    CRB_MODEL_REASONS);
  /* no feature with a name weighed for it: the character n-grams did */
  if (k == 0)
    sentence->reasons[n + k++] = "model: its wording";
  sentence->reasons[n + k] = NULL;
}

/**
 * crb_combiner_run:
 * @c: a combiner (one per thread)
 * @text: the article's text
 * @sentence: a segment of it, analysed by the rules, its boilerplate flag
 *   final; its score is replaced
 * @rule_z: the rules' log-odds (crb_analyzer_run())
 * @found: what the rules found (CRB_RULES_HEADLINE, ...)
 * @rules_only: do not run the model
 *
 * Scores the segment with the rules and the model together.
 */
void
crb_combiner_run (CrbCombiner *c,
                  const char  *text,
                  CrbSentence *sentence,
                  double       rule_z,
                  guint        found,
                  gboolean     rules_only)
{
  double model_z, z;

  if (rules_only || c->model == NULL)
    {
      sentence->model_score = -1;
      sentence->score = sigmoid (COMBINE_RULES_ONLY_SLOPE * rule_z + COMBINE_RULES_ONLY_BIAS);
      return;
    }
  if (sentence->boilerplate || (found & CRB_RULES_HEADLINE))
    {
      sentence->model_score = -1;
      sentence->score = sigmoid (rule_z + c->rules_shift);
      return;
    }

  model_z = _crb_checkworthiness_log_odds (c->model, text + sentence->start,
                                           sentence->end - sentence->start, &c->scratch);
  z = COMBINE_MODEL * model_z + COMBINE_RULES * rule_z + COMBINE_BIAS;
  if (rule_z >= 0)
    z += COMBINE_RULES_CLAIM;
  sentence->model_score = sigmoid (model_z);
  sentence->score = sigmoid (z);
  if (model_z > 0)
    add_model_reasons (c, sentence, found);
}
