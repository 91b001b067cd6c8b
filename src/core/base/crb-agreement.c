/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-agreement.c: how well coders agree on nominal values — Cohen's κ
 * for two coders, Fleiss' κ and Krippendorff's α for any number, with
 * missing values.  Plain statistics: they know nothing of claims. */
#define G_LOG_DOMAIN "crb-agreement"

#include "config.h"

#include "crb-agreement.h"
#include "crb-json.h"

#include <math.h>
#include <string.h>

#define MAX_VALUES 128

static inline gint8
value_at (const CrbReliabilityData *data,
          guint                     unit,
          guint                     coder)
{
  return data->values[(gsize) unit * data->n_coders + coder];
}

/* The number of values of @unit given as each value; returns how many
 * values the unit has.
 */
static guint
count_unit (const CrbReliabilityData *data,
            guint                     unit,
            guint                    *counts)
{
  guint m = 0;

  memset (counts, 0, data->n_values * sizeof *counts);
  for (guint c = 0; c < data->n_coders; c++)
    {
      gint8 v = value_at (data, unit, c);

      if (v >= 0 && (guint) v < data->n_values)
        {
          counts[v]++;
          m++;
        }
    }
  return m;
}

/**
 * crb_agreement_cohen_kappa:
 * @a: a coder
 * @b: another coder
 * @n_items: (out) (optional): the number of units both coded
 * @observed: (out) (optional): the share of them on which they agree
 *
 * Cohen's κ of coders @a and @b over the units both coded:
 * κ = (p_o − p_e) / (1 − p_e), p_o the share of agreeing units, p_e the
 * agreement expected from each coder's own distribution of values.
 *
 * Returns: κ, or NaN when it is undefined (no unit in common, or both
 *   coders gave one and the same value throughout, so that p_e = 1)
 */
double
crb_agreement_cohen_kappa (const CrbReliabilityData *data,
                           guint                     a,
                           guint                     b,
                           guint                    *n_items,
                           double                   *observed)
{
  guint64 count_a[MAX_VALUES] = { 0 }, count_b[MAX_VALUES] = { 0 };
  guint64 n = 0, agree = 0;
  double p_o, p_e = 0;

  g_return_val_if_fail (data != NULL && data->n_values <= MAX_VALUES, NAN);
  g_return_val_if_fail (a < data->n_coders && b < data->n_coders, NAN);

  for (guint u = 0; u < data->n_units; u++)
    {
      gint8 va = value_at (data, u, a), vb = value_at (data, u, b);

      if (va < 0 || vb < 0)
        continue;
      n++;
      agree += va == vb;
      count_a[va]++;
      count_b[vb]++;
    }

  if (n_items != NULL)
    *n_items = (guint) n;
  if (observed != NULL)
    *observed = n > 0 ? (double) agree / n : NAN;
  if (n == 0)
    return NAN;

  p_o = (double) agree / n;
  for (guint v = 0; v < data->n_values; v++)
    p_e += ((double) count_a[v] / n) * ((double) count_b[v] / n);
  if (p_e >= 1.0)
    return NAN;
  return (p_o - p_e) / (1.0 - p_e);
}

/**
 * crb_agreement_fleiss_kappa:
 * @n_items: (out) (optional): the number of units with two values or more
 *
 * Fleiss' κ over the units that two coders or more coded.  Where units
 * have different numbers of values (missing ones), each unit's agreement
 * is P_u = Σ_k n_uk (n_uk − 1) / (m_u (m_u − 1)) with its own m_u, and the
 * value shares p_k are taken over all values given: with the same number
 * of coders on every unit this is Fleiss' κ exactly.
 *
 * Returns: κ = (P̄ − P_e) / (1 − P_e), or NaN when undefined (no unit, or
 *   a single value throughout)
 */
double
crb_agreement_fleiss_kappa (const CrbReliabilityData *data,
                            guint                    *n_items)
{
  guint counts[MAX_VALUES];
  guint64 totals[MAX_VALUES] = { 0 };
  guint64 n_values = 0;
  double sum_p = 0, p_e = 0, p_bar;
  guint n = 0;

  g_return_val_if_fail (data != NULL && data->n_values <= MAX_VALUES, NAN);

  for (guint u = 0; u < data->n_units; u++)
    {
      guint m = count_unit (data, u, counts);
      guint64 same = 0;

      if (m < 2)
        continue;
      n++;
      for (guint v = 0; v < data->n_values; v++)
        {
          same += (guint64) counts[v] * (counts[v] - (counts[v] > 0));
          totals[v] += counts[v];
        }
      n_values += m;
      sum_p += (double) same / ((double) m * (m - 1));
    }

  if (n_items != NULL)
    *n_items = n;
  if (n == 0)
    return NAN;

  p_bar = sum_p / n;
  for (guint v = 0; v < data->n_values; v++)
    p_e += ((double) totals[v] / n_values) * ((double) totals[v] / n_values);
  if (p_e >= 1.0)
    return NAN;
  return (p_bar - p_e) / (1.0 - p_e);
}

/**
 * crb_agreement_krippendorff_alpha:
 * @n_items: (out) (optional): the number of pairable units (two values or
 *   more)
 *
 * Krippendorff's α for nominal values, from the coincidence matrix of the
 * pairable units (Krippendorff, "Computing Krippendorff's
 * Alpha-Reliability", 2011):
 * α = ((n − 1) Σ_c o_cc − Σ_c n_c (n_c − 1)) / (n (n − 1) − Σ_c n_c (n_c − 1)),
 * with o_cc = Σ_u n_uc (n_uc − 1) / (m_u − 1), n_c the values c given in
 * pairable units, and n their number.
 *
 * Returns: α, or NaN when undefined (no pairable unit, or one value
 *   throughout)
 */
double
crb_agreement_krippendorff_alpha (const CrbReliabilityData *data,
                                  guint                    *n_items)
{
  guint counts[MAX_VALUES];
  guint64 n_c[MAX_VALUES] = { 0 };
  double o_same = 0, expected = 0, n;
  guint64 total = 0;
  guint items = 0;

  g_return_val_if_fail (data != NULL && data->n_values <= MAX_VALUES, NAN);

  for (guint u = 0; u < data->n_units; u++)
    {
      guint m = count_unit (data, u, counts);

      if (m < 2)
        continue;
      items++;
      total += m;
      for (guint v = 0; v < data->n_values; v++)
        {
          n_c[v] += counts[v];
          if (counts[v] > 1)
            o_same += (double) counts[v] * (counts[v] - 1) / (m - 1);
        }
    }

  if (n_items != NULL)
    *n_items = items;
  if (items == 0)
    return NAN;

  n = (double) total;
  for (guint v = 0; v < data->n_values; v++)
    expected += (double) n_c[v] * ((double) n_c[v] - 1);
  if (n * (n - 1) - expected <= 0)
    return NAN;
  return ((n - 1) * o_same - expected) / (n * (n - 1) - expected);
}

/**
 * crb_agreement_observed:
 * @coder: a coder, or −1 for all
 * @n_comparisons: (out) (optional): how many pairs of values were compared
 *
 * The share of agreeing pairs among the pairs of values given to one unit
 * by two coders (both of them @coder's when @coder is not −1).
 *
 * Returns: the share, or NaN when there is no pair
 */
double
crb_agreement_observed (const CrbReliabilityData *data,
                        gint                      coder,
                        guint64                  *n_comparisons)
{
  guint64 pairs = 0, agree = 0;

  g_return_val_if_fail (data != NULL, NAN);
  g_return_val_if_fail (coder < (gint) data->n_coders, NAN);

  for (guint u = 0; u < data->n_units; u++)
    for (guint a = 0; a < data->n_coders; a++)
      {
        gint8 va = value_at (data, u, a);

        if (va < 0)
          continue;
        for (guint b = a + 1; b < data->n_coders; b++)
          {
            gint8 vb = value_at (data, u, b);

            if (vb < 0 || (coder >= 0 && (gint) a != coder && (gint) b != coder))
              continue;
            pairs++;
            agree += va == vb;
          }
      }

  if (n_comparisons != NULL)
    *n_comparisons = pairs;
  return pairs > 0 ? (double) agree / pairs : NAN;
}

static void
pair_free (gpointer data)
{
  CrbAgreementPair *pair = data;

  g_free (pair->a);
  g_free (pair->b);
  g_free (pair);
}

static void
coder_free (gpointer data)
{
  CrbAgreementCoder *coder = data;

  g_free (coder->name);
  g_free (coder);
}

/**
 * crb_agreement_figures_new:
 * @names: (array zero-terminated=1): the coders' names, one per coder
 *
 * Returns: (transfer full): every figure of @data
 */
CrbAgreementFigures *
crb_agreement_figures_new (const CrbReliabilityData *data,
                           const char * const       *names)
{
  CrbAgreementFigures *figures = g_new0 (CrbAgreementFigures, 1);
  g_autofree guint64 *pairs_of = g_new0 (guint64, data->n_coders);
  g_autofree guint64 *agree_of = g_new0 (guint64, data->n_coders);
  g_autofree guint *items_of = g_new0 (guint, data->n_coders);
  g_autofree guint *values_of = g_new0 (guint, data->n_coders);
  g_autofree double *kappa_sum = g_new0 (double, data->n_coders);
  g_autofree guint *kappa_n = g_new0 (guint, data->n_coders);
  guint64 n_pairs = 0;

  g_return_val_if_fail (data != NULL && names != NULL, figures);

  figures->pairs = g_ptr_array_new_with_free_func (pair_free);
  figures->coders = g_ptr_array_new_with_free_func (coder_free);
  figures->fleiss_kappa = crb_agreement_fleiss_kappa (data, &figures->items);
  figures->krippendorff_alpha = crb_agreement_krippendorff_alpha (data, NULL);
  figures->observed = crb_agreement_observed (data, -1, &n_pairs);

  /* Each coder's pairs of values, unit by unit, in one pass. */
  for (guint u = 0; u < data->n_units; u++)
    {
      guint m = 0;

      for (guint c = 0; c < data->n_coders; c++)
        m += value_at (data, u, c) >= 0;
      for (guint a = 0; a < data->n_coders; a++)
        {
          gint8 va = value_at (data, u, a);

          if (va < 0)
            continue;
          values_of[a]++;
          if (m < 2)
            continue;
          items_of[a]++;
          for (guint b = a + 1; b < data->n_coders; b++)
            {
              gint8 vb = value_at (data, u, b);

              if (vb < 0)
                continue;
              pairs_of[a]++;
              pairs_of[b]++;
              agree_of[a] += va == vb;
              agree_of[b] += va == vb;
            }
        }
    }

  for (guint a = 0; a < data->n_coders; a++)
    for (guint b = a + 1; b < data->n_coders; b++)
      {
        CrbAgreementPair *pair = g_new0 (CrbAgreementPair, 1);

        pair->a = g_strdup (names[a]);
        pair->b = g_strdup (names[b]);
        pair->cohen_kappa = crb_agreement_cohen_kappa (data, a, b, &pair->items, &pair->observed);
        g_ptr_array_add (figures->pairs, pair);
        if (!isnan (pair->cohen_kappa))
          {
            kappa_sum[a] += pair->cohen_kappa;
            kappa_sum[b] += pair->cohen_kappa;
            kappa_n[a]++;
            kappa_n[b]++;
          }
      }

  for (guint c = 0; c < data->n_coders; c++)
    {
      CrbAgreementCoder *coder = g_new0 (CrbAgreementCoder, 1);

      coder->name = g_strdup (names[c]);
      coder->values = values_of[c];
      coder->items = items_of[c];
      coder->observed = pairs_of[c] > 0 ? (double) agree_of[c] / pairs_of[c] : NAN;
      coder->mean_cohen_kappa = kappa_n[c] > 0 ? kappa_sum[c] / kappa_n[c] : NAN;
      g_ptr_array_add (figures->coders, coder);
    }

  return figures;
}

void
crb_agreement_figures_free (CrbAgreementFigures *figures)
{
  if (figures == NULL)
    return;
  g_clear_pointer (&figures->pairs, g_ptr_array_unref);
  g_clear_pointer (&figures->coders, g_ptr_array_unref);
  g_free (figures);
}

/**
 * crb_agreement_append_number:
 *
 * Appends @value as JSON rounded to four decimals, or null when it is NaN
 * (an undefined figure).
 */
void
crb_agreement_append_number (GString *out,
                             double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value) || isinf (value))
    {
      g_string_append (out, "null");
      return;
    }
  value = round (value * 10000) / 10000;
  if (value == 0)
    value = 0;  /* not -0 */
  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.4g", value));
}

/**
 * crb_agreement_figures_write_members:
 *
 * Appends the figures as members of a JSON object (without its braces):
 * `"items"`, `"observed"`, `"fleiss_kappa"`, `"krippendorff_alpha"`,
 * `"pairs"` (each `{"a", "b", "items", "observed", "cohen_kappa"}`) and,
 * @with_coders, `"per_reviewer"` (each `{"name", "values", "items",
 * "observed", "mean_cohen_kappa"}`).
 */
void
crb_agreement_figures_write_members (const CrbAgreementFigures *figures,
                                     gboolean                   with_coders,
                                     GString                   *out)
{
  g_string_append_printf (out, "\"items\":%u,\"observed\":", figures->items);
  crb_agreement_append_number (out, figures->observed);
  g_string_append (out, ",\"fleiss_kappa\":");
  crb_agreement_append_number (out, figures->fleiss_kappa);
  g_string_append (out, ",\"krippendorff_alpha\":");
  crb_agreement_append_number (out, figures->krippendorff_alpha);
  g_string_append (out, ",\"pairs\":[");
  for (guint i = 0; i < figures->pairs->len; i++)
    {
      const CrbAgreementPair *pair = g_ptr_array_index (figures->pairs, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"a\":");
      crb_json_append_string (out, pair->a);
      g_string_append (out, ",\"b\":");
      crb_json_append_string (out, pair->b);
      g_string_append_printf (out, ",\"items\":%u,\"observed\":", pair->items);
      crb_agreement_append_number (out, pair->observed);
      g_string_append (out, ",\"cohen_kappa\":");
      crb_agreement_append_number (out, pair->cohen_kappa);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
  if (!with_coders)
    return;
  g_string_append (out, ",\"per_reviewer\":[");
  for (guint i = 0; i < figures->coders->len; i++)
    {
      const CrbAgreementCoder *coder = g_ptr_array_index (figures->coders, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"name\":");
      crb_json_append_string (out, coder->name);
      g_string_append_printf (out, ",\"values\":%u,\"items\":%u,\"observed\":", coder->values, coder->items);
      crb_agreement_append_number (out, coder->observed);
      g_string_append (out, ",\"mean_cohen_kappa\":");
      crb_agreement_append_number (out, coder->mean_cohen_kappa);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, ']');
}
