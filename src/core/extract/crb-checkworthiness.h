/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CrbCheckworthiness:
 *
 * A learned check-worthiness model: logistic regression over hashed word
 * and character n-grams, trained by tools/train-checkworthiness (see
 * docs/model-card.md).  Read-only once loaded, so any number of threads may
 * score with one model at the same time.
 */
typedef struct _CrbCheckworthiness CrbCheckworthiness;

/**
 * CrbCheckworthinessFeature:
 * @description: what the feature is, in words ("word: 'percent'",
 *   "mentions a figure")
 * @weight: how far it moved the score, in log-odds of the calibrated
 *   probability; positive pushes towards check-worthy
 *
 * One feature of a sentence that weighed in its score.
 */
typedef struct
{
  char   *description;
  double  weight;
} CrbCheckworthinessFeature;

CrbCheckworthiness *crb_checkworthiness_new_from_bytes (GBytes              *weights,
                                                        GError             **error);
CrbCheckworthiness *crb_checkworthiness_load_default   (GError             **error);
void                crb_checkworthiness_free           (CrbCheckworthiness  *self);

double              crb_checkworthiness_score          (CrbCheckworthiness  *self,
                                                        const char          *sentence,
                                                        gssize               length);
double              crb_checkworthiness_get_threshold  (CrbCheckworthiness  *self);
GPtrArray          *crb_checkworthiness_explain        (CrbCheckworthiness  *self,
                                                        const char          *sentence,
                                                        gssize               length,
                                                        guint                n);

void                crb_checkworthiness_feature_free   (CrbCheckworthinessFeature *feature);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbCheckworthiness, crb_checkworthiness_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbCheckworthinessFeature, crb_checkworthiness_feature_free)

G_END_DECLS
