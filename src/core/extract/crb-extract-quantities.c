/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-quantities.c: the figures of a segment with their
 * qualifiers, units and nouns ("at least 133 killed", "$1.5 billion",
 * "two-thirds", "dozens"). */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-analyzer.h"

#include <string.h>

static const char *
qualifier_before (CrbAnalyzer *a,
                  guint        first,
                  guint       *qstart)
{
  static const struct
  {
    const char *w[3];
    const char *q;
  } rules[] = {
    { { "at", "the", "least" }, "at-least" },
    { { "no", "fewer", "than" }, "at-least" },
    { { "no", "less", "than" }, "at-least" },
    { { "not", "less", "than" }, "at-least" },
    { { "a", "minimum", "of" }, "at-least" },
    { { "no", "more", "than" }, "at-most" },
    { { "not", "more", "than" }, "at-most" },
    { { "a", "maximum", "of" }, "at-most" },
    { { "in", "excess", "of" }, "more-than" },
    { { "at", "least", NULL }, "at-least" },
    { { "minimum", "of", NULL }, "at-least" },
    { { "more", "than", NULL }, "more-than" },
    { { "upwards", "of", NULL }, "more-than" },
    { { "greater", "than", NULL }, "more-than" },
    { { "just", "over", NULL }, "more-than" },
    { { "at", "most", NULL }, "at-most" },
    { { "up", "to", NULL }, "at-most" },
    { { "maximum", "of", NULL }, "at-most" },
    { { "less", "than", NULL }, "less-than" },
    { { "fewer", "than", NULL }, "less-than" },
    { { "just", "under", NULL }, "less-than" },
    { { "close", "to", NULL }, "about" },
    { { "an", "estimated", NULL }, "about" },
    { { "over", NULL, NULL }, "more-than" },
    { { "above", NULL, NULL }, "more-than" },
    { { "exceeding", NULL, NULL }, "more-than" },
    { { "under", NULL, NULL }, "less-than" },
    { { "below", NULL, NULL }, "less-than" },
    { { "about", NULL, NULL }, "about" },
    { { "around", NULL, NULL }, "about" },
    { { "nearly", NULL, NULL }, "about" },
    { { "almost", NULL, NULL }, "about" },
    { { "approximately", NULL, NULL }, "about" },
    { { "approx", NULL, NULL }, "about" },
    { { "roughly", NULL, NULL }, "about" },
    { { "some", NULL, NULL }, "about" },
    { { "estimated", NULL, NULL }, "about" },
    { { "circa", NULL, NULL }, "about" },
    { { "nearly", NULL, NULL }, "about" },
  };

  /* every qualifier ends in one of these words */
  if (first == 0 || TOK (first - 1)->kind != TOK_WORD || !(TOK (first - 1)->cls & CRB_L_QUAL))
    {
      *qstart = first;
      return "exact";
    }
  for (guint r = 0; r < G_N_ELEMENTS (rules); r++)
    {
      guint len = rules[r].w[2] ? 3 : rules[r].w[1] ? 2 : 1;
      gboolean ok = first >= len;
      for (guint k = 0; ok && k < len; k++)
        {
          Tok *tk = TOK (first - len + k);
          ok = tk->kind == TOK_WORD && strcmp (LOW (tk), rules[r].w[k]) == 0;
        }
      if (ok)
        {
          *qstart = first - len;
          return rules[r].q;
        }
    }
  *qstart = first;
  return "exact";
}

static const char *
casualty_of (guint32 cls)
{
  if (cls & CRB_L_KILL)
    return "killed";
  if (cls & CRB_L_INJURE)
    return "injured";
  if (cls & CRB_L_DETAIN)
    return "detained";
  if (cls & CRB_L_MISSING)
    return "missing";
  return NULL;
}

static const char *
currency_word (const char *low)
{
  static const char *const map[][2] = {
    { "dollars", "USD" }, { "dollar", "USD" }, { "euros", "EUR" }, { "euro", "EUR" },
    { "pounds", "GBP" }, { "sterling", "GBP" }, { "rubles", "RUB" }, { "roubles", "RUB" },
    { "yuan", "CNY" }, { "yen", "JPY" }, { "rupees", "INR" }, { "hryvnias", "UAH" },
    { "hryvnia", "UAH" }, { "lira", "TRY" }, { "liras", "TRY" }, { "francs", "CHF" },
  };
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (low, map[i][0]) == 0)
      return map[i][1];
  return NULL;
}

static const char *
currency_symbol (gunichar c)
{
  switch (c)
    {
    case '$':
      return "USD";
    case 0x00A3:
      return "GBP";
    case 0x20AC:
      return "EUR";
    case 0x00A5:
      return "JPY";
    case 0x20BD:
      return "RUB";
    case 0x20B9:
      return "INR";
    case 0x20B4:
      return "UAH";
    default:
      return NULL;
    }
}

void
_crb_analyzer_find_quantities (CrbAnalyzer  *a,
                               QuantityInfo *info)
{
  guint n = a->toks->len;

  for (guint i = 0; i < n; i++)
    {
      Tok *tk = TOK (i);
      const char *low = LOW (tk);
      double value = 0;
      guint first = i, last = i;
      const char *qualifier = NULL;
      const char *unit = NULL;
      const char *currency = NULL;
      char *suffix_unit = NULL;
      const char *noun = NULL;
      gboolean approximate_plural = FALSE;
      gboolean fraction = FALSE;
      gboolean weak_one = FALSE;
      guint qstart;
      GString *o;

      if (tk->used)
        continue;

      if (tk->kind == TOK_NUM)
        {
          const char *suffix = low + tk->num_len;
          value = tk->num;
          /* clock times are not quantities: "9 a.m.", "10:42 GMT" */
          if (i + 1 < n && TOK (i + 1)->kind == TOK_WORD &&
              in_list (LOW (TOK (i + 1)), (const char *const[]) {
                         "a.m", "p.m", "am", "pm", "gmt", "utc", "bst", "cet", "cest",
                         "edt", "est", "pdt", "pst", "msk", "hrs", NULL }))
            continue;
          /* ages after a name: "said Hassan Ait Belhaj, 62." */
          if (tk->num_len == tk->end - tk->start && value >= 1 && value <= 120 && i >= 2 &&
              tok_punct (a, i - 1, ',') && TOK (i - 2)->kind == TOK_WORD && TOK (i - 2)->cap &&
              (i + 1 == n || tok_punct (a, i + 1, ',') || tok_punct (a, i + 1, '.')))
            continue;
          if ((tok_punct (a, i + 1, ':') && i + 2 < n && TOK (i + 2)->kind == TOK_NUM &&
               TOK (i + 1)->end == TOK (i + 2)->start) ||
              (i >= 2 && tok_punct (a, i - 1, ':') && TOK (i - 2)->kind == TOK_NUM &&
               TOK (i - 1)->start == TOK (i - 2)->end))
            continue;
          if (*suffix != '\0')
            {
              if (strcmp (suffix, "st") == 0 || strcmp (suffix, "nd") == 0 ||
                  strcmp (suffix, "rd") == 0 || strcmp (suffix, "th") == 0 ||
                  strcmp (suffix, "s") == 0 || g_ascii_isdigit (suffix[1]) ||
                  (suffix[0] == '-' && g_ascii_isdigit (suffix[1])))
                continue;
              if (strcmp (suffix, "-year-old") == 0 || strcmp (suffix, "-years-old") == 0)
                suffix_unit = g_strdup ("age");
              else if (suffix[0] == '-')
                suffix_unit = g_strdup (suffix + 1);
              else if (strcmp (suffix, "bn") == 0 || strcmp (suffix, "b") == 0)
                value *= 1e9;
              else if (strcmp (suffix, "m") == 0 || strcmp (suffix, "mn") == 0)
                {
                  if (i > 0 && TOK (i - 1)->kind == TOK_PUNCT && currency_symbol (TOK (i - 1)->punct))
                    value *= 1e6;
                  else
                    suffix_unit = g_strdup ("m");
                }
              else if (strcmp (suffix, "k") == 0)
                value *= 1e3;
              else if (g_ascii_isalpha (suffix[0]) && strlen (suffix) <= 4)
                suffix_unit = g_strdup (suffix);
              else
                continue;
            }
          /* "1.2 million" */
          while (last + 1 < n && (TOK (last + 1)->cls & CRB_L_MULT) && TOK (last + 1)->kind == TOK_WORD)
            {
              double m = 1;
              if (crb_lexicon_number (LOW (TOK (last + 1)), &m) ||
                  strcmp (LOW (TOK (last + 1)), "m") == 0 || strcmp (LOW (TOK (last + 1)), "k") == 0)
                {
                  if (strcmp (LOW (TOK (last + 1)), "m") == 0)
                    m = 1e6;
                  else if (strcmp (LOW (TOK (last + 1)), "k") == 0)
                    m = 1e3;
                  value *= m;
                  last++;
                }
              else
                break;
            }
        }
      else if (tk->kind == TOK_WORD && ((tk->cls & CRB_L_NONE_WORD) || tok_is (a, i, "no")) &&
               (tok_is (a, i, "no") ? (tok_is (a, i + 1, "one") || tok_is (a, i + 1, "casualties") ||
                                       tok_is (a, i + 1, "deaths") || tok_is (a, i + 1, "injuries"))
                                    : TRUE))
        {
          /* "nobody was injured", "no one was killed", "no casualties" */
          guint k;
          const char *cas = NULL;
          last = tok_is (a, i, "no") && tok_is (a, i + 1, "one") ? i + 1 : i;
          for (k = i; k < n && k <= last + 4 && cas == NULL; k++)
            if (TOK (k)->kind == TOK_WORD)
              cas = casualty_of (TOK (k)->cls);
          if (tok_is (a, i + 1, "casualties"))
            cas = "casualties";
          if (cas == NULL)
            continue;
          info->casualties = TRUE;
          info->found++;
          if (!a->no_values && a->quantities.count < MAX_ITEMS)
            {
              gsize s = TOK (i)->start, e = TOK (last)->end;
              o = json_list_open (&a->quantities);
              crb_json_append_string_len (o, a->text + s, e - s);
              PUT_LITERAL (o, ",\"value\":0,\"qualifier\":\"exact\"");
              JSON_MEMBER (o, "unit");
              crb_json_append_word (o, cas);
              PUT_LITERAL (o, "}");
            }
          i = last;
          continue;
        }
      else if (tk->kind == TOK_WORD && ((tk->cls & CRB_L_NUMWORD) || tk->hyphen ||
                                        (low[0] == 'a' && low[1] == '\0')))
        {
          /* number words: "twenty-five", "three hundred", "a dozen",
           * "dozens", "tens of thousands", "two-thirds" */
          double total = 0, current = 0, v;
          gboolean any = FALSE;
          guint k = i;

          if (tk->hyphen && !(tk->cls & CRB_L_NUMWORD))
            {
              /* hyphenated: twenty-five, two-thirds, one-third */
              char buf[48];
              char *dash;
              double v1, v2;
              if (strlen (low) >= sizeof buf)
                continue;
              strcpy (buf, low);
              dash = strchr (buf, '-');
              *dash = '\0';
              if (!crb_lexicon_number (buf, &v1) || !crb_lexicon_number (dash + 1, &v2) ||
                  strchr (dash + 1, '-') != NULL)
                continue;
              if (v2 < 1)
                {
                  value = v1 * v2;
                  fraction = TRUE;
                }
              else if (v1 >= 20 && v2 < 10)
                value = v1 + v2;
              else
                continue;
              last = i;
            }
          else
            {
              while (k < n && TOK (k)->kind == TOK_WORD)
                {
                  const char *w = LOW (TOK (k));
                  if (strcmp (w, "a") == 0 && k == i && k + 1 < n &&
                      crb_lexicon_number (LOW (TOK (k + 1)), &v) && v >= 12 &&
                      strcmp (LOW (TOK (k + 1)), "dozens") != 0)
                    {
                      current = 1;
                      any = TRUE;
                      k++;
                      continue;
                    }
                  if (strcmp (w, "a") == 0 && k == i && k + 1 < n &&
                      (strcmp (LOW (TOK (k + 1)), "third") == 0 ||
                       strcmp (LOW (TOK (k + 1)), "quarter") == 0 ||
                       strcmp (LOW (TOK (k + 1)), "fifth") == 0 ||
                       strcmp (LOW (TOK (k + 1)), "half") == 0))
                    {
                      current = 1;
                      any = TRUE;
                      k++;
                      continue;
                    }
                  if (strcmp (w, "and") == 0 && any && k + 1 < n &&
                      (TOK (k + 1)->cls & CRB_L_NUMWORD) && current >= 100)
                    {
                      k++;
                      continue;
                    }
                  if (strcmp (w, "of") == 0 && any && k + 1 < n &&
                      (strcmp (w = LOW (TOK (k + 1)), "thousands") == 0 ||
                       strcmp (w, "millions") == 0 || strcmp (w, "billions") == 0) &&
                      (strcmp (LOW (TOK (k - 1)), "tens") == 0 ||
                       strcmp (LOW (TOK (k - 1)), "hundreds") == 0))
                    {
                      double m;
                      crb_lexicon_number (w, &m);
                      current = current * m / 2;
                      approximate_plural = TRUE;
                      k += 2;
                      break;
                    }
                  w = LOW (TOK (k));
                  if (!crb_lexicon_number (w, &v) || !(TOK (k)->cls & CRB_L_NUMWORD))
                    break;
                  if (strcmp (w, "dozens") == 0 || strcmp (w, "hundreds") == 0 ||
                      strcmp (w, "thousands") == 0 || strcmp (w, "millions") == 0 ||
                      strcmp (w, "billions") == 0 || strcmp (w, "tens") == 0 ||
                      strcmp (w, "scores") == 0)
                    {
                      if (any)
                        break;
                      current = v;
                      approximate_plural = TRUE;
                      any = TRUE;
                      k++;
                      continue;
                    }
                  if (v < 1)
                    {
                      /* fractions need a count before them, "half" stands alone */
                      if (!any && strcmp (w, "half") != 0)
                        break;
                      if (!any && !(k + 1 < n && (tok_is (a, k + 1, "of") || tok_is (a, k + 1, "the"))))
                        break;
                      current = (any ? current : 1) * v;
                      fraction = TRUE;
                      any = TRUE;
                      k++;
                      break;
                    }
                  if (strcmp (w, "dozen") == 0)
                    current = (any ? current : 1) * 12;
                  else if (v == 100)
                    current = (any ? current : 1) * 100;
                  else if (v >= 1000)
                    {
                      total += (any ? current : 1) * v;
                      current = 0;
                    }
                  else
                    current += v;
                  any = TRUE;
                  k++;
                  if (approximate_plural)
                    break;
                }
              if (!any || k == i)
                continue;
              value = total + current;
              last = k - 1;
              /* "one" on its own is a pronoun more often than a count */
              if (last == i && strcmp (low, "one") == 0)
                weak_one = TRUE;
              if (strcmp (LOW (TOK (last)), "a") == 0)
                continue;
            }
        }
      else
        continue;

      /* a bare year-like number without context stays a number */
      for (guint k = i; k <= last; k++)
        TOK (k)->used = TRUE;

      /* currency symbol before */
      if (i > 0 && TOK (i - 1)->kind == TOK_PUNCT && (currency = currency_symbol (TOK (i - 1)->punct)))
        first = i - 1;
      else if (i > 0 && TOK (i - 1)->kind == TOK_WORD &&
               (strcmp (LOW (TOK (i - 1)), "us") == 0 || strcmp (LOW (TOK (i - 1)), "usd") == 0) &&
               i > 1 && TOK (i - 2)->kind == TOK_PUNCT && TOK (i - 2)->punct == '$')
        {
          first = i - 2;
          currency = "USD";
        }

      qualifier = qualifier_before (a, first, &qstart);
      if (approximate_plural && strcmp (qualifier, "exact") == 0)
        qualifier = "at-least";

      /* unit after the number */
      if (last + 1 < n && TOK (last + 1)->kind == TOK_PUNCT && TOK (last + 1)->punct == '%')
        {
          unit = "percent";
          last++;
        }
      else if (last + 1 < n && TOK (last + 1)->kind == TOK_WORD &&
               (strcmp (LOW (TOK (last + 1)), "percent") == 0 ||
                strcmp (LOW (TOK (last + 1)), "pc") == 0))
        {
          unit = "percent";
          last++;
        }
      else if (last + 2 < n && tok_is (a, last + 1, "per") && tok_is (a, last + 2, "cent"))
        {
          unit = "percent";
          last += 2;
        }
      else if (last + 1 < n && TOK (last + 1)->kind == TOK_WORD &&
               currency_word (LOW (TOK (last + 1))) != NULL)
        {
          currency = currency_word (LOW (TOK (last + 1)));
          last++;
        }
      if (fraction && unit == NULL)
        unit = "fraction";

      if (unit == NULL && currency == NULL && suffix_unit == NULL)
        {
          /* casualties within five words ahead: "144 people dead" */
          for (guint k = last + 1; k < n && k <= last + 5; k++)
            {
              Tok *x = TOK (k);
              if (x->kind != TOK_WORD || x->used || strcmp (LOW (x), "and") == 0 ||
                  strcmp (LOW (x), "but") == 0 || strcmp (LOW (x), "or") == 0)
                break;
              if ((unit = casualty_of (x->cls)) != NULL)
                break;
            }
          /* or just before: "killing 15 people", "death toll rose to 144" */
          if (unit == NULL)
            for (guint k = qstart; k > 0 && qstart - k < 3; k--)
              {
                Tok *x = TOK (k - 1);
                if (x->kind != TOK_WORD)
                  break;
                if ((unit = casualty_of (x->cls)) != NULL)
                  break;
                if (strcmp (LOW (x), "toll") == 0)
                  {
                    unit = "killed";
                    break;
                  }
              }
          /* "the death toll from Sunday's earthquake has risen to 42":
           * a toll that rises to, reaches or stands at the figure, with
           * the toll further back in the same clause */
          if (unit == NULL && qstart >= 2 && TOK (qstart - 1)->kind == TOK_WORD &&
              (tok_is (a, qstart - 1, "to") || tok_is (a, qstart - 1, "at") ||
               tok_is (a, qstart - 1, "reached") || tok_is (a, qstart - 1, "hit")))
            for (guint k = qstart - 1; k > 0 && qstart - k < 14; k--)
              {
                Tok *x = TOK (k - 1);

                if (x->kind == TOK_PUNCT && x->punct != '\'' && x->punct != 0x2019)
                  break;
                if (x->kind == TOK_WORD && strcmp (LOW (x), "toll") == 0)
                  {
                    unit = "killed";
                    break;
                  }
              }
        }
      {
        /* "dozens of protesters", "tens of thousands of people" */
        guint nn = last + 1;
        if (approximate_plural && tok_is (a, nn, "of"))
          nn++;
        /* a percentage names what it is a share of ("52 percent of the
         * vote", "8 percent of its workforce"), and nothing else: "a 9
         * percent pay rise" is not a share of pay */
        else if (unit != NULL && strcmp (unit, "percent") == 0)
          {
            if (!tok_is (a, nn, "of"))
              nn = n;  /* no noun */
            else if (tok_is (a, ++nn, "the") || tok_is (a, nn, "its") || tok_is (a, nn, "their") ||
                     tok_is (a, nn, "his") || tok_is (a, nn, "her") || tok_is (a, nn, "all"))
              nn++;
          }
        if (nn < n && TOK (nn)->kind == TOK_WORD && !TOK (nn)->cap &&
            !(TOK (nn)->cls & (CRB_L_STOP | CRB_L_NUMWORD | CRB_L_AUX)) && !TOK (nn)->used)
          noun = LOW (TOK (nn));
      }
      if (weak_one && strcmp (qualifier, "exact") == 0 &&
          (unit == NULL || (strcmp (unit, "killed") != 0 && strcmp (unit, "injured") != 0)))
        {
          g_free (suffix_unit);
          continue;
        }

      if (unit != NULL && (strcmp (unit, "killed") == 0 || strcmp (unit, "injured") == 0))
        info->casualties = TRUE;
      if (unit != NULL && strcmp (unit, "percent") == 0)
        info->percent = TRUE;
      if (currency != NULL)
        info->money = TRUE;
      info->found++;

      if (!a->no_values && a->quantities.count < MAX_ITEMS)
        {
          gsize s = TOK (qstart)->start, e = TOK (last)->end;
          o = json_list_open (&a->quantities);
          crb_json_append_string_len (o, a->text + s, e - s);
          JSON_MEMBER (o, "value");
          if (fraction)
            crb_json_append_double (o, (gint64) (value * 10000 + 0.5) / 10000.0);
          else if (value >= 0 && value < 9e15 && value == (double) (gint64) value)
            crb_json_append_int (o, (gint64) value);
          else
            crb_json_append_double (o, value);
          JSON_MEMBER (o, "qualifier");
          crb_json_append_word (o, qualifier);
          JSON_MEMBER (o, "unit");
          if (currency != NULL)
            {
              PUT_LITERAL (o, "\"money\",\"currency\":");
              crb_json_append_word (o, currency);
            }
          else if (unit != NULL)
            crb_json_append_word (o, unit);
          else if (suffix_unit != NULL)
            crb_json_append_string (o, suffix_unit);
          else
            crb_json_append_string (o, noun);
          if (noun != NULL && (unit == NULL || strcmp (unit, noun) != 0) &&
              (currency != NULL || unit != NULL || suffix_unit != NULL))
            {
              JSON_MEMBER (o, "noun");
              crb_json_append_string (o, noun);
            }
          PUT_LITERAL (o, "}");
        }
      g_free (suffix_unit);
      i = last;
    }
}
