/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CrbReliabilityData:
 * @n_units: the number of units (claims, pairs of claims)
 * @n_coders: the number of coders (reviewers)
 * @n_values: the number of values a coder may give, 0 … @n_values − 1
 *   (at most 127)
 * @values: @n_units × @n_coders values, unit by unit: coder c's value of
 *   unit u is `values[u * n_coders + c]`, −1 where the coder gave none
 *
 * Reliability data in Krippendorff's sense: coders who independently
 * give one nominal value to each of a set of units, with values missing
 * where a coder did not code a unit.
 */
typedef struct
{
  guint        n_units;
  guint        n_coders;
  guint        n_values;
  const gint8 *values;
} CrbReliabilityData;

double crb_agreement_cohen_kappa          (const CrbReliabilityData *data,
                                           guint                     a,
                                           guint                     b,
                                           guint                    *n_items,
                                           double                   *observed);
double crb_agreement_fleiss_kappa         (const CrbReliabilityData *data,
                                           guint                    *n_items);
double crb_agreement_krippendorff_alpha   (const CrbReliabilityData *data,
                                           guint                    *n_items);
double crb_agreement_observed             (const CrbReliabilityData *data,
                                           gint                      coder,
                                           guint64                  *n_comparisons);

/**
 * CrbAgreementPair:
 * @a: a coder's name
 * @b: another coder's name
 * @items: the units both coded
 * @observed: the share of them on which they agree (NaN: none)
 * @cohen_kappa: their Cohen's κ (NaN: undefined)
 */
typedef struct
{
  char   *a;
  char   *b;
  guint   items;
  double  observed;
  double  cohen_kappa;
} CrbAgreementPair;

/**
 * CrbAgreementCoder:
 * @name: the coder's name
 * @values: how many values the coder gave
 * @items: how many of them are of units another coder coded too
 * @observed: the share of the coder's pairs of values (with each other
 *   coder, unit by unit) that agree (NaN: none)
 * @mean_cohen_kappa: the mean of the coder's defined Cohen's κ with each
 *   other coder (NaN: none is defined)
 */
typedef struct
{
  char   *name;
  guint   values;
  guint   items;
  double  observed;
  double  mean_cohen_kappa;
} CrbAgreementCoder;

/**
 * CrbAgreementFigures:
 * @items: the units coded by two coders or more
 * @observed: the share of agreeing pairs of values on them
 * @fleiss_kappa: Fleiss' κ (crb_agreement_fleiss_kappa())
 * @krippendorff_alpha: Krippendorff's α, nominal
 * @pairs: (element-type CrbAgreementPair): every pair of coders, in the
 *   order of the coders
 * @coders: (element-type CrbAgreementCoder): every coder
 *
 * Every figure of a set of reliability data.  NaN marks a figure that is
 * undefined; JSON writes it as null.
 */
typedef struct
{
  guint      items;
  double     observed;
  double     fleiss_kappa;
  double     krippendorff_alpha;
  GPtrArray *pairs;
  GPtrArray *coders;
} CrbAgreementFigures;

CrbAgreementFigures *crb_agreement_figures_new  (const CrbReliabilityData  *data,
                                                 const char * const        *names);
void                 crb_agreement_figures_free (CrbAgreementFigures       *figures);
void                 crb_agreement_figures_write_members (const CrbAgreementFigures *figures,
                                                          gboolean                   with_coders,
                                                          GString                   *out);
void                 crb_agreement_append_number (GString                  *out,
                                                  double                    value);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbAgreementFigures, crb_agreement_figures_free)

G_END_DECLS
