/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-dates.c: the dates of a segment ("on Friday", "22 March",
 * "in early March", "since 2014"), resolved against the article date. */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-analyzer.h"

#include <stdio.h>
#include <string.h>

static int
month_number (const char *low)
{
  static const char *const m[] = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"
  };
  for (int i = 0; i < 12; i++)
    if (strncmp (low, m[i], 3) == 0)
      return i + 1;
  return 0;
}

static int
weekday_number (const char *low)
{
  static const char *const d[] = {
    "mon", "tue", "wed", "thu", "fri", "sat", "sun"
  };
  for (int i = 0; i < 7; i++)
    if (strncmp (low, d[i], 3) == 0)
      return i + 1; /* GDateWeekday */
  return 0;
}

/* a plain integer token (optionally with an ordinal suffix) */
static gboolean
tok_int (CrbAnalyzer *a,
         guint        i,
         int          lo,
         int          hi,
         int         *out)
{
  Tok *tk;
  const char *suffix;
  gsize len;

  if (i >= a->toks->len)
    return FALSE;
  tk = TOK (i);
  if (tk->kind != TOK_NUM)
    return FALSE;
  len = tk->end - tk->start;
  suffix = LOW (tk) + tk->num_len;
  if (tk->num_len != len && strcmp (suffix, "st") != 0 && strcmp (suffix, "nd") != 0 &&
      strcmp (suffix, "rd") != 0 && strcmp (suffix, "th") != 0)
    return FALSE;
  if (strchr (LOW (tk), '.') != NULL || strchr (LOW (tk), ',') != NULL)
    return FALSE;
  if (tk->num < lo || tk->num > hi)
    return FALSE;
  *out = (int) tk->num;
  return TRUE;
}

static const char *const date_preps[] = {
  "on", "in", "since", "by", "until", "till", "early", "late", "mid", "last",
  "this", "from", NULL
};

/* extends a date backwards over "on", "in early", ... */
static guint
date_prefix (CrbAnalyzer *a,
             guint        first)
{
  guint k = first;

  while (k > 0 && first - k < 2 && TOK (k - 1)->kind == TOK_WORD &&
         in_list (LOW (TOK (k - 1)), date_preps))
    k--;
  return k;
}

static void
add_date (CrbAnalyzer *a,
          guint        first,
          guint        last,
          const char  *value,
          const char  *extra_key,
          const char  *extra_value)
{
  GString *o;
  guint k = date_prefix (a, first);
  gsize s = TOK (k)->start, e = TOK (last)->end;

  for (guint i = first; i <= last; i++)
    TOK (i)->used = TRUE;
  if (a->no_values || a->dates.count >= MAX_ITEMS)
    return;
  o = json_list_open (&a->dates);
  crb_json_append_string_len (o, a->text + s, e - s);
  JSON_MEMBER (o, "value");
  crb_json_append_string (o, value);
  if (extra_key != NULL)
    {
      /* "weekday" or "relative": nothing to escape */
      PUT_LITERAL (o, ",\"");
      _crb_string_append_len (o, extra_key, strlen (extra_key));
      PUT_LITERAL (o, "\":");
      crb_json_append_string (o, extra_value);
    }
  PUT_LITERAL (o, "}");
}

/* "%04d-%02d-%02d" (or a prefix of it: @month and @day < 0 are left out)
 * without the cost of printf; @buf holds at least 16 bytes */
static const char *
format_ymd (char *buf,
            int   year,
            int   month,
            int   day)
{
  char *p = buf;

  if (year < 0 || year > 9999 || month > 99 || day > 99)
    {
      if (month < 0)
        g_snprintf (buf, 16, "%04d", year);
      else if (day < 0)
        g_snprintf (buf, 16, "%04d-%02d", year, month);
      else
        g_snprintf (buf, 16, "%04d-%02d-%02d", year, month, day);
      return buf;
    }
  *p++ = '0' + year / 1000;
  *p++ = '0' + year / 100 % 10;
  *p++ = '0' + year / 10 % 10;
  *p++ = '0' + year % 10;
  if (month >= 0)
    {
      *p++ = '-';
      *p++ = '0' + month / 10;
      *p++ = '0' + month % 10;
      if (day >= 0)
        {
          *p++ = '-';
          *p++ = '0' + day / 10;
          *p++ = '0' + day % 10;
        }
    }
  *p = '\0';
  return buf;
}

/* returns @buf (at least 16 bytes), or NULL for an invalid date */
static const char *
format_md (CrbAnalyzer *a,
           int          year,
           int          month,
           int          day,
           char        *buf)
{
  if (year == 0 && a->has_date)
    {
      GDate d;
      year = g_date_get_year (&a->date);
      /* a date more than six months after the article is last year's */
      if (day > 0 && g_date_valid_dmy (day, month, year))
        {
          g_date_clear (&d, 1);
          g_date_set_dmy (&d, day, month, year);
          if (g_date_days_between (&a->date, &d) > 183)
            year--;
        }
      else if (day == 0 && month - (int) g_date_get_month (&a->date) > 6)
        year--;
    }
  if (year == 0)
    {
      if (day > 0)
        g_snprintf (buf, 16, "--%02d-%02d", month, day);
      else
        g_snprintf (buf, 16, "--%02d", month);
      return buf;
    }
  if (day > 0)
    {
      if (!g_date_valid_dmy (day, month, year))
        return NULL;
      return format_ymd (buf, year, month, day);
    }
  return format_ymd (buf, year, month, -1);
}

guint
_crb_analyzer_find_dates (CrbAnalyzer *a)
{
  guint n = a->toks->len;
  guint found = 0;

  /* every date has a number, a month, a weekday or a relative day */
  if (a->n_num == 0 && !(a->cls_any & (CRB_L_MONTH | CRB_L_WEEKDAY | CRB_L_RELDAY)))
    return 0;

  for (guint i = 0; i < n; i++)
    {
      Tok *tk = TOK (i);
      const char *low = LOW (tk);
      int day = 0, year = 0, month;
      guint last = i, first = i;

      if (tk->used)
        continue;

      if (tk->kind == TOK_NUM)
        {
          int y, m, d;
          /* ISO dates */
          if (tk->end - tk->start == 10 && sscanf (low, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
              g_date_valid_dmy (d, m, y))
            {
              char v[16];
              add_date (a, i, i, format_ymd (v, y, m, d), NULL, NULL);
              found++;
              continue;
            }
          /* years: "in 2015", "since 2014", "early 2024" */
          if (tok_int (a, i, 1900, 2100, &y) && tk->num_len == tk->end - tk->start && i > 0 &&
              TOK (i - 1)->kind == TOK_WORD &&
              in_list (LOW (TOK (i - 1)), (const char *const[]) {
                         "in", "since", "by", "of", "from", "until", "early", "late",
                         "mid", "before", "after", "during", "end", "year", "between",
                         "through", "to", "and", "around", "summer", "winter", "spring",
                         "autumn", "fall", NULL }))
            {
              char v[16];
              add_date (a, i, i, format_ymd (v, y, -1, -1), NULL, NULL);
              found++;
            }
          continue;
        }
      if (tk->kind != TOK_WORD || !tk->cap)
        continue;

      if (tk->cls & CRB_L_MONTH)
        {
          guint nx = i + 1;
          month = month_number (low);
          if (tok_punct (a, nx, '.') && strlen (low) <= 4)
            nx++;
          if (tok_int (a, nx, 1, 31, &day))
            {
              last = nx;
              if (tok_punct (a, nx + 1, ',') && tok_int (a, nx + 2, 1000, 2999, &year))
                last = nx + 2;
              else if (tok_int (a, nx + 1, 1000, 2999, &year))
                last = nx + 1;
            }
          else
            {
              if (i > 0 && tok_int (a, i - 1, 1, 31, &day) && !TOK (i - 1)->used)
                first = i - 1;
              if (tok_int (a, nx, 1000, 2999, &year))
                last = nx;
              else if (tok_punct (a, nx, ',') && tok_int (a, nx + 1, 1000, 2999, &year))
                last = nx + 1;
              if (day == 0 && year == 0)
                {
                  /* a bare month name: "May" and "March" need a cue */
                  if (i == 0 || !in_list (LOW (TOK (i - 1)), date_preps))
                    {
                      if (month == 5 || month == 3 || strlen (low) <= 4)
                        continue;
                    }
                }
            }
          {
            char v[16];
            add_date (a, first, last, format_md (a, year, month, day, v), NULL, NULL);
            found++;
          }
          i = last;
          continue;
        }
      if (tk->cls & CRB_L_WEEKDAY)
        {
          int wd = weekday_number (low);
          if (a->has_date)
            {
              GDate d = a->date;
              int cur = g_date_get_weekday (&a->date);
              int back = (cur - wd + 7) % 7;
              char buf[16];
              g_date_subtract_days (&d, back);
              format_ymd (buf, g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
              add_date (a, i, i, buf, NULL, NULL);
            }
          else
            {
              g_autofree char *wl = g_ascii_strdown (low, -1);
              add_date (a, i, i, NULL, "weekday", wl);
            }
          found++;
          continue;
        }
    }
  /* relative days, lower case */
  for (guint i = 0; i < n; i++)
    {
      Tok *tk = TOK (i);
      if (tk->kind == TOK_WORD && (tk->cls & CRB_L_RELDAY) && !tk->used)
        {
          if (a->has_date)
            {
              GDate d = a->date;
              char buf[16];
              if (strcmp (LOW (tk), "yesterday") == 0)
                g_date_subtract_days (&d, 1);
              format_ymd (buf, g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
              add_date (a, i, i, buf, NULL, NULL);
            }
          else
            add_date (a, i, i, NULL, "relative", LOW (tk));
          found++;
        }
    }
  return found;
}
