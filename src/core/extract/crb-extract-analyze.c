/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-analyze.c: per-segment analysis.  The segment is tokenised
 * once; dates, quantities, entities and the attribution are read off the
 * token array with bounded look-around, then a logistic score is computed
 * from the features found (see docs-extraction.md). */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-private.h"
#include "crb-extract-lexicon.h"
#include "crb-json.h"

#include <stdio.h>
#include <string.h>

/* caps on the size of the values object for huge segments */
#define MAX_ITEMS 64

/* The values of a segment are written as compact JSON text as they are
 * found, one buffer per array, and joined at the end: building a json-glib
 * tree for every segment and freeing it again cost about half the time of
 * the whole extraction.  The text is what crb_json_append() writes for the
 * equivalent tree (members in insertion order, strings as is, escaping
 * only what JSON requires). */
typedef struct
{
  GString *buf;   /* the elements, comma separated, without brackets */
  guint    count;
} JsonList;

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokKind;

typedef struct
{
  gsize start;        /* absolute byte offsets */
  gsize end;
  guint lower;        /* offset of the lower-cased text in the buffer */
  guint32 cls;
  guint8 kind;
  guint8 cap;         /* first letter upper case */
  guint8 allcaps;     /* two or more letters, all upper case */
  guint8 in_quote;
  guint8 used;        /* consumed by a date or a quantity */
  guint8 entity_end;  /* last token of an entity (index + 1 stored in ent) */
  guint8 hyphen;      /* a word with a '-' inside */
  gunichar punct;
  double num;         /* TOK_NUM: value of the numeric prefix */
  guint num_len;      /* TOK_NUM: bytes of the numeric prefix */
  int ent;            /* index of the entity ending here, -1 */
} Tok;

typedef struct
{
  gsize start;
  gsize end;
  const char *type;
} Entity;

struct _CrbAnalyzer
{
  GArray *toks;
  GString *lower;
  GArray *entities;
  GHashTable *names;  /* lower-cased names seen earlier in the document */
  GString *scratch;   /* for type_entity () */
  guint32 cls_any;    /* the lexicon classes of the segment's words, or'ed */
  guint n_num;        /* the segment's TOK_NUM tokens */
  JsonList quantities;
  JsonList dates;
  JsonList entity_list;
  GString *values;    /* the values object of the segment */
  gboolean no_values;
  gboolean has_date;
  GDate date;
  const char *text;
};

CrbAnalyzer *
crb_analyzer_new (const char *date)
{
  CrbAnalyzer *a = g_new0 (CrbAnalyzer, 1);

  a->toks = g_array_sized_new (FALSE, FALSE, sizeof (Tok), 128);
  a->lower = g_string_sized_new (1024);
  a->entities = g_array_new (FALSE, FALSE, sizeof (Entity));
  a->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a->scratch = g_string_sized_new (256);
  a->quantities.buf = g_string_sized_new (256);
  a->dates.buf = g_string_sized_new (256);
  a->entity_list.buf = g_string_sized_new (256);
  a->values = g_string_sized_new (1024);
  crb_analyzer_reset (a, date);
  return a;
}

/* Prepares @a for a new document, keeping its buffers. */
void
crb_analyzer_reset (CrbAnalyzer *a,
                    const char  *date)
{
  int y, m, d;

  g_array_set_size (a->toks, 0);
  g_string_truncate (a->lower, 0);
  g_array_set_size (a->entities, 0);
  if (g_hash_table_size (a->names) > 0)
    g_hash_table_remove_all (a->names);
  g_string_truncate (a->scratch, 0);
  a->no_values = FALSE;
  a->has_date = FALSE;
  a->text = NULL;
  g_date_clear (&a->date, 1);
  if (date != NULL && sscanf (date, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
      g_date_valid_dmy (d, m, y))
    {
      g_date_set_dmy (&a->date, d, m, y);
      a->has_date = TRUE;
    }
  crb_lexicon_lookup ("the"); /* initialise the tables */
}

void
crb_analyzer_set_no_values (CrbAnalyzer *a,
                            gboolean     no_values)
{
  a->no_values = no_values;
}

void
crb_analyzer_free (CrbAnalyzer *a)
{
  if (a == NULL)
    return;
  g_array_unref (a->toks);
  g_string_free (a->lower, TRUE);
  g_array_unref (a->entities);
  g_hash_table_unref (a->names);
  g_string_free (a->scratch, TRUE);
  g_string_free (a->quantities.buf, TRUE);
  g_string_free (a->dates.buf, TRUE);
  g_string_free (a->entity_list.buf, TRUE);
  g_string_free (a->values, TRUE);
  g_free (a);
}

/* ---------------------------------------------------------------- tokens */

static inline gboolean
is_word_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isalnum (c);
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* ASCII fast paths for the Unicode predicates */
static inline gboolean
u_isupper (gunichar c)
{
  return c < 0x80 ? (c >= 'A' && c <= 'Z') : crb_unichar_is_upper_or_title (c);
}

static inline gboolean
u_isalpha (gunichar c)
{
  return c < 0x80 ? g_ascii_isalpha (c) : g_unichar_isalpha (c);
}

static inline gboolean
u_isdigit (gunichar c)
{
  return c < 0x80 ? g_ascii_isdigit (c) : g_unichar_isdigit (c);
}

static inline gunichar
peek (const guchar *p,
      const guchar *end,
      int          *n)
{
  if (p >= end)
    {
      *n = 0;
      return 0;
    }
  return crb_utf8_decode (p, end, n);
}

static void
tokenize (CrbAnalyzer *a,
          const char  *text,
          gsize        start,
          gsize        end)
{
  const guchar *t = (const guchar *) text;
  const guchar *e = t + end;
  gsize pos = start;
  gboolean in_quote = FALSE;
  guint ntok = 0;
  guint cap;
  char *lower;
  gsize lower_len;

  /* the array is used as a buffer: grown by doubling, trimmed at the end */
  g_array_set_size (a->toks, MAX (a->toks->len, 64));
  cap = a->toks->len;
  /* the lower-cased copy of an ASCII word is written while it is scanned:
   * a token and its NUL take at most twice its bytes */
  g_string_set_size (a->lower, 2 * (end - start) + 2);
  lower = a->lower->str;
  lower_len = 0;
  a->cls_any = 0;
  a->n_num = 0;

  while (pos < end)
    {
      int n;
      gunichar c = crb_utf8_decode (t + pos, e, &n);
      Tok *tk;

      if (crb_unichar_is_space (c))
        {
          pos += n;
          continue;
        }
      if (ntok == cap)
        {
          cap *= 2;
          g_array_set_size (a->toks, cap);
        }
      tk = &g_array_index (a->toks, Tok, ntok++);
      memset (tk, 0, sizeof *tk);
      tk->start = pos;
      tk->ent = -1;
      if (is_word_char (c))
        {
          gsize p = pos;
          gsize piece = 0;
          gsize lowlen;
          gboolean ascii = TRUE;  /* the copy made while scanning is the lower case */
          guint letters = 0, uppers = 0;
          gunichar prev = 0;
          char *out = lower + lower_len;
          guint32 hash = CRB_LEXICON_HASH_INIT;  /* of the ASCII lower-cased word */

          tk->cap = u_isupper (c);
          while (p < end)
            {
              int m;
              gunichar d;
              guchar b = t[p];

              /* ASCII fast path */
              if (G_LIKELY (b < 0x80) && g_ascii_isalnum (b))
                {
                  if (g_ascii_isalpha (b))
                    {
                      letters++;
                      if (b <= 'Z')
                        {
                          uppers++;
                          b += 32;
                        }
                    }
                  *out++ = b;
                  hash = crb_lexicon_hash_step (hash, b);
                  prev = t[p];
                  p++;
                  piece++;
                  continue;
                }
              d = crb_utf8_decode (t + p, e, &m);
              if (is_word_char (d))
                {
                  if (d >= 0x80)
                    ascii = FALSE;
                  if (u_isalpha (d))
                    {
                      letters++;
                      if (u_isupper (d))
                        uppers++;
                    }
                  prev = d;
                  /* ASCII bytes only: the copy is redone if not */
                  *out++ = b;
                  p += m;
                  piece++;
                  continue;
                }
              /* connectors inside a token */
              {
                int m2;
                gunichar nx = peek (t + p + m, e, &m2);
                gboolean join = FALSE;
                if (nx != 0 && is_word_char (nx))
                  {
                    if (d == '\'' || d == 0x2019 || d == '-' || d == 0x2011)
                      join = TRUE;
                    else if (d == '.' && u_isdigit (prev) && u_isdigit (nx))
                      join = TRUE;
                    else if (d == '.' && piece <= 2 && u_isalpha (nx) && u_isalpha (prev))
                      join = TRUE;
                    else if (d == ',' && u_isdigit (prev) && u_isdigit (nx) &&
                             p + m + 3 <= end && g_ascii_isdigit (t[p + m + 1]) &&
                             g_ascii_isdigit (t[p + m + 2]) &&
                             (p + m + 3 == end || !g_ascii_isdigit (t[p + m + 3])))
                      join = TRUE;
                  }
                if (!join)
                  break;
                if (d == 0x2019 || d == 0x2011)
                  {
                    /* "Russia’s": lower-casing leaves these as they are,
                     * so the word can stay on the ASCII path */
                    for (int k = 0; k < m; k++)
                      {
                        *out++ = t[p + k];
                        hash = crb_lexicon_hash_step (hash, t[p + k]);
                      }
                  }
                else
                  {
                    if (d >= 0x80)
                      ascii = FALSE;
                    if (d == '-')
                      tk->hyphen = TRUE;
                    *out++ = b;
                    hash = crb_lexicon_hash_step (hash, b);
                  }
                p += m;
                piece = 0;
              }
            }
          tk->end = p;
          tk->allcaps = letters >= 2 && uppers == letters;
          tk->lower = lower_len;
          if (ascii)
            lowlen = p - pos;
          else
            {
              g_autofree char *low = g_utf8_strdown (text + pos, p - pos);
              lowlen = strlen (low);
              /* lower-casing can make a word longer ("İ") */
              if (lower_len + lowlen + 1 > a->lower->len)
                {
                  g_string_set_size (a->lower, 2 * (lower_len + lowlen + 1) + 2 * (end - p));
                  lower = a->lower->str;
                }
              memcpy (lower + lower_len, low, lowlen);
              tk->hyphen = memchr (low, '-', lowlen) != NULL;
            }
          lower[lower_len + lowlen] = '\0';
          lower_len += lowlen + 1;

          if (u_isdigit (c))
            {
              /* numeric prefix: digits, thousands separators, decimals */
              gsize k = pos;
              double v = 0, scale = 0;
              while (k < p)
                {
                  guchar b = t[k];
                  if (g_ascii_isdigit (b))
                    {
                      if (scale > 0)
                        {
                          v += (b - '0') * scale;
                          scale /= 10;
                        }
                      else
                        v = v * 10 + (b - '0');
                      k++;
                    }
                  else if (b == ',' && scale == 0)
                    k++;
                  else if (b == '.' && scale == 0 && k + 1 < p && g_ascii_isdigit (t[k + 1]))
                    {
                      scale = 0.1;
                      k++;
                    }
                  else
                    break;
                }
              tk->kind = TOK_NUM;
              tk->num = v;
              tk->num_len = k - pos;
              a->n_num++;
            }
          else
            {
              const char *low = lower + tk->lower;
              tk->kind = TOK_WORD;
              tk->cls = ascii ? crb_lexicon_lookup_hashed (low, lowlen, hash)
                              : crb_lexicon_lookup_len (low, lowlen);
              if (tk->cls == 0)
                {
                  const char *dash = strrchr (low, '-');
                  if (dash != NULL && dash[1] != '\0')
                    tk->cls = crb_lexicon_lookup (dash + 1) &
                              (CRB_L_COMPARE | CRB_L_KILL | CRB_L_INJURE | CRB_L_EVENT);
                  /* possessive "Russia's" */
                  else
                    {
                      gsize ll = strlen (low);
                      if (ll > 2 && low[ll - 2] == '\'' && low[ll - 1] == 's')
                        {
                          char buf[64];
                          if (ll - 2 < sizeof buf)
                            {
                              memcpy (buf, low, ll - 2);
                              buf[ll - 2] = '\0';
                              tk->cls = crb_lexicon_lookup (buf) &
                                        (CRB_L_PLACE | CRB_L_ORG | CRB_L_INSTITUTION);
                            }
                        }
                      else if (ll > 4 && memcmp (low + ll - 4, "\xe2\x80\x99s", 4) == 0)
                        {
                          char buf[64];
                          if (ll - 4 < sizeof buf)
                            {
                              memcpy (buf, low, ll - 4);
                              buf[ll - 4] = '\0';
                              tk->cls = crb_lexicon_lookup (buf) &
                                        (CRB_L_PLACE | CRB_L_ORG | CRB_L_INSTITUTION);
                            }
                        }
                    }
                }
            }
          /* "IS", "US", "IT": acronyms are not function words */
          if (tk->allcaps && tk->kind == TOK_WORD)
            tk->cls &= CRB_L_PLACE | CRB_L_ORG | CRB_L_ORGNAME | CRB_L_PLACECUE | CRB_L_TITLE;
          a->cls_any |= tk->cls;
          tk->in_quote = in_quote;
          pos = p;
        }
      else
        {
          tk->kind = TOK_PUNCT;
          tk->punct = c;
          tk->end = pos + n;
          tk->lower = lower_len;
          memcpy (lower + lower_len, text + pos, n);
          lower[lower_len + n] = '\0';
          lower_len += n + 1;
          if (c == 0x201C || c == 0x201E || c == 0x00AB)
            in_quote = TRUE;
          else if (c == 0x201D || c == 0x00BB)
            in_quote = FALSE;
          else if (c == '"')
            in_quote = !in_quote;
          tk->in_quote = in_quote;
          pos += n;
        }
    }
  g_array_set_size (a->toks, ntok);
  g_string_set_size (a->lower, lower_len);
}

/* ------------------------------------------------------------ JSON text */

#define PUT_LITERAL(out, literal) _crb_string_append_len ((out), "" literal, sizeof (literal) - 1)

/* the name of a member that is not the first of its object */
#define JSON_MEMBER(out, name) PUT_LITERAL ((out), ",\"" name "\":")

/* the name of a member of the values object (@v holds its opening brace) */
#define VALUES_MEMBER(v, name) \
  G_STMT_START { \
    if ((v)->len > 1) \
      PUT_LITERAL ((v), ","); \
    PUT_LITERAL ((v), "\"" name "\":"); \
  } G_STMT_END

/* starts a new element of @list and returns its buffer, positioned after
 * `{"text":` */
static GString *
json_list_open (JsonList *list)
{
  if (list->count++ > 0)
    PUT_LITERAL (list->buf, ",");
  PUT_LITERAL (list->buf, "{\"text\":");
  return list->buf;
}

static void
json_list_reset (JsonList *list)
{
  g_string_truncate (list->buf, 0);
  list->count = 0;
}

/* g_str_has_suffix() for a string of known length and a literal suffix */
#define ENDS_WITH(s, len, literal) \
  ((len) >= sizeof (literal) - 1 && \
   memcmp ((s) + (len) - (sizeof (literal) - 1), "" literal, sizeof (literal) - 1) == 0)

#define TOK(i) (&g_array_index (a->toks, Tok, (i)))
#define LOW(tk) (a->lower->str + (tk)->lower)

static gboolean
tok_is (CrbAnalyzer *a,
        guint        i,
        const char  *word)
{
  return i < a->toks->len && strcmp (LOW (TOK (i)), word) == 0;
}

static gboolean
tok_punct (CrbAnalyzer *a,
           guint        i,
           gunichar     c)
{
  return i < a->toks->len && TOK (i)->kind == TOK_PUNCT && TOK (i)->punct == c;
}

/* ---------------------------------------------------------------- dates */

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

static gboolean
in_list (const char        *w,
         const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (w[0] == list[i][0] && strcmp (w, list[i]) == 0)
      return TRUE;
  return FALSE;
}

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

static guint
find_dates (CrbAnalyzer *a)
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

/* ----------------------------------------------------------- quantities */

typedef struct
{
  guint found;
  gboolean casualties;
  gboolean percent;
  gboolean money;
} QuantityInfo;

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

static void
find_quantities (CrbAnalyzer  *a,
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

/* ------------------------------------------------------------- entities */

static gboolean
cap_word_text (const char *text,
               Tok        *tk)
{
  const char *dash;

  if (tk->kind != TOK_WORD || !(tk->cap || tk->allcaps) || tk->used ||
      (tk->cls & (CRB_L_MONTH | CRB_L_WEEKDAY)))
    return FALSE;
  /* "Chinese-owned", "Kremlin-backed" are adjectives */
  dash = memchr (text + tk->start, '-', tk->end - tk->start);
  if (dash != NULL && dash + 1 < text + tk->end && g_ascii_islower (dash[1]) &&
      memchr (dash + 1, '-', text + tk->end - dash - 1) == NULL)
    return FALSE;
  return TRUE;
}

static gboolean
possessive (const char *low)
{
  gsize ll = strlen (low);
  return (ll > 2 && low[ll - 2] == '\'' && low[ll - 1] == 's') ||
         (ll > 4 && ENDS_WITH (low, ll, "\xe2\x80\x99s"));
}

#define cap_word(tk) cap_word_text (a->text, (tk))

static const char *
type_entity (CrbAnalyzer *a,
             guint        first,
             guint        last,
             gboolean     title_cue)
{
  char *low;
  guint32 whole;
  guint32 any = 0;
  gboolean all_acronyms = TRUE;
  gboolean gaz = FALSE;

  if (title_cue)
    return "person";
  {
    GString *b = a->scratch;
    gsize ll;
    g_string_truncate (b, 0);
    for (guint k = first; k <= last; k++)
      {
        if (TOK (k)->kind == TOK_PUNCT)
          continue;
        if (b->len > 0)
          g_string_append_c (b, ' ');
        g_string_append (b, LOW (TOK (k)));
      }
    low = b->str;
    ll = b->len;
    if (ll > 2 && low[ll - 2] == '\'' && low[ll - 1] == 's')
      low[ll - 2] = '\0';
    else if (ll > 4 && ENDS_WITH (low, ll, "\xe2\x80\x99s"))
      low[ll - 4] = '\0';
  }
  whole = crb_lexicon_lookup (low);
  if (whole & CRB_L_ORGNAME)
    return "organization";
  if (whole & CRB_L_PLACE)
    return "place";
  if (whole & CRB_L_ORG)
    return "organization";
  for (guint k = first; k <= last; k++)
    {
      Tok *tk = TOK (k);
      any |= tk->cls;
      if (!tk->allcaps && !(tk->cls & CRB_L_CONNECT))
        all_acronyms = FALSE;
      if (tk->cls & (CRB_L_PLACE | CRB_L_ORG | CRB_L_DEMONYM))
        gaz = TRUE;
    }
  if (any & CRB_L_ORG)
    return "organization";
  if (TOK (last)->cls & (CRB_L_PLACECUE | CRB_L_PLACE))
    return "place";
  if (all_acronyms)
    return "organization";
  if (last > first && last - first <= 2 && !gaz && !(any & (CRB_L_CONNECT | CRB_L_STOP)))
    return "person";
  return "other";
}

static void
add_entity (CrbAnalyzer *a,
            guint        first,
            guint        last,
            gboolean     title_cue,
            gboolean     sentence_initial)
{
  Entity ent;
  Tok *f, *l;

  /* trim connectors and demonyms at the edges */
  while (first <= last && (TOK (first)->cls & (CRB_L_CONNECT | CRB_L_STOP)) && !TOK (first)->allcaps)
    first++;
  while (last > first && (TOK (last)->cls & CRB_L_CONNECT))
    last--;
  if (first > last)
    return;
  f = TOK (first);
  /* a capitalised participle or adverb opening the sentence: "Unnamed" */
  if (sentence_initial && !(f->cls & (CRB_L_PLACE | CRB_L_ORG)))
    {
      const char *lw = LOW (f);
      gsize ll = strlen (lw);
      if ((ll > 4 && (ENDS_WITH (lw, ll, "ed") || ENDS_WITH (lw, ll, "ly") ||
                      ENDS_WITH (lw, ll, "ing"))) ||
          (f->cls & (CRB_L_STOP | CRB_L_DEMONYM)))
        {
          first++;
          sentence_initial = FALSE;
          if (first > last)
            return;
          f = TOK (first);
        }
    }
  l = TOK (last);
  if (first == last)
    {
      guint32 c = f->cls;
      if ((c & (CRB_L_DEMONYM | CRB_L_TITLE | CRB_L_PRONOUN | CRB_L_STOP)) && !(c & (CRB_L_PLACE | CRB_L_ORG)))
        return;
      if (sentence_initial && !(c & (CRB_L_PLACE | CRB_L_ORG)) && !f->allcaps && !title_cue &&
          !g_hash_table_contains (a->names, LOW (f)))
        return;
      if (strcmp (LOW (f), "i") == 0)
        return;
    }
  else
    {
      gboolean all_demonym = TRUE;
      for (guint k = first; k <= last; k++)
        if (!(TOK (k)->cls & (CRB_L_DEMONYM | CRB_L_TITLE | CRB_L_CONNECT)))
          all_demonym = FALSE;
      if (all_demonym)
        return;
    }
  ent.start = f->start;
  ent.end = l->end;
  {
    const char *lw = LOW (l);
    gsize ll = strlen (lw);
    if (ll > 2 && lw[ll - 2] == '\'' && lw[ll - 1] == 's')
      ent.end -= 2;
    else if (ll > 4 && ENDS_WITH (lw, ll, "\xe2\x80\x99s"))
      ent.end -= 4;
  }
  if (last + 1 < a->toks->len && tok_punct (a, last + 1, '.') && TOK (last + 1)->start == l->end &&
      memchr (a->text + l->start, '.', l->end - l->start) != NULL)
    ent.end++;
  ent.type = type_entity (a, first, last, title_cue);
  /* a cue word right after the name: "Shah Cheragh mosque", "Fatih district" */
  if (strcmp (ent.type, "person") == 0 || strcmp (ent.type, "other") == 0)
    {
      if (!title_cue && last + 1 < a->toks->len && TOK (last + 1)->kind == TOK_WORD &&
          !TOK (last + 1)->cap)
        {
          guint32 nc = TOK (last + 1)->cls;
          if (nc & CRB_L_PLACECUE)
            ent.type = "place";
          else if (nc & CRB_L_ORG)
            ent.type = "organization";
        }
    }
  /* remember the words of names that the gazetteer does not know: a later
   * "Bortnikov said" is a name even at the start of a sentence */
  if (g_hash_table_size (a->names) < 4096 &&
      (strcmp (ent.type, "person") == 0 || strcmp (ent.type, "other") == 0))
    for (guint k = first; k <= last; k++)
      if (TOK (k)->kind == TOK_WORD && !(TOK (k)->cls & (CRB_L_STOP | CRB_L_CONNECT | CRB_L_TITLE)))
        {
          const char *lw = LOW (TOK (k));
          if (!g_hash_table_contains (a->names, lw))
            g_hash_table_add (a->names, g_strdup (lw));
        }
  l->ent = a->entities->len;
  g_array_append_val (a->entities, ent);
}

static void
find_entities (CrbAnalyzer *a)
{
  guint n = a->toks->len;
  guint first_word = 0;

  g_array_set_size (a->entities, 0);
  while (first_word < n && TOK (first_word)->kind == TOK_PUNCT)
    first_word++;

  for (guint i = 0; i < n; i++)
    {
      guint s = i, e = i, k;
      gboolean title_cue = FALSE;
      gboolean initial;

      if (!cap_word (TOK (i)))
        continue;
      initial = i == first_word ||
                (i > 0 && TOK (i - 1)->kind == TOK_PUNCT &&
                 (TOK (i - 1)->punct == 0x201C || TOK (i - 1)->punct == '"' ||
                  TOK (i - 1)->punct == ':'));
      /* a sentence-initial function word is not part of a name */
      if (initial && (TOK (i)->cls & CRB_L_STOP) && !TOK (i)->allcaps)
        continue;
      /* lower-case title before the name: "FSB chief Alexander Bortnikov" */
      if (i > 0 && TOK (i - 1)->kind == TOK_WORD && !TOK (i - 1)->cap &&
          (TOK (i - 1)->cls & CRB_L_TITLE))
        title_cue = TRUE;

      k = i + 1;
      while (k < n && !possessive (LOW (TOK (k - 1))))
        {
          Tok *tk = TOK (k);
          if (cap_word (tk))
            {
              e = k;
              k++;
              continue;
            }
          /* "Mr. Putin", "J. K. Rowling" */
          if (tk->kind == TOK_PUNCT && tk->punct == '.' && k + 1 < n && cap_word (TOK (k + 1)) &&
              ((TOK (k - 1)->cls & CRB_L_TITLE) || TOK (k - 1)->end - TOK (k - 1)->start == 1))
            {
              k++;
              continue;
            }
          if (tk->kind == TOK_WORD && (tk->cls & CRB_L_CONNECT) && !tk->cap && k + 1 < n &&
              cap_word (TOK (k + 1)) && strcmp (LOW (tk), "and") != 0 &&
              strcmp (LOW (tk), "for") != 0 && strcmp (LOW (tk), "on") != 0)
            {
              /* "Oleh Syniehubov of Kharkiv" is a name and a place, but
               * "Bank of England" is one organisation */
              gboolean org = FALSE;
              for (guint j = s; j < k; j++)
                if (TOK (j)->cls & (CRB_L_ORG | CRB_L_PLACECUE))
                  org = TRUE;
              if (!org && strcmp (LOW (tk), "of") == 0 && (TOK (k + 1)->cls & CRB_L_PLACE))
                break;
              k++;
              continue;
            }
          break;
        }

      /* split at titles: "Russian President Vladimir Putin",
       * "Moscow Mayor Sergei Sobyanin" */
      {
        guint last_title = G_MAXUINT;
        for (guint j = s; j <= e; j++)
          if ((TOK (j)->cls & CRB_L_TITLE) && TOK (j)->kind == TOK_WORD && !TOK (j)->allcaps)
            last_title = j;
        if (last_title != G_MAXUINT && last_title < e)
          {
            guint pre_end = last_title;
            /* words before the title: a place or organisation */
            while (pre_end > s && (TOK (pre_end - 1)->cls & (CRB_L_TITLE | CRB_L_DEMONYM)) &&
                   !(TOK (pre_end - 1)->cls & (CRB_L_PLACE | CRB_L_ORG)))
              pre_end--;
            if (pre_end > s)
              add_entity (a, s, pre_end - 1, FALSE, initial);
            {
              guint ps = last_title + 1;
              while (ps <= e && TOK (ps)->kind == TOK_PUNCT)
                ps++;
              if (ps <= e)
                add_entity (a, ps, e, TRUE, FALSE);
            }
          }
        else
          add_entity (a, s, e, title_cue, initial);
      }
      i = e;
    }
}

/* ---------------------------------------------------------- attribution */

typedef struct
{
  gsize start;
  gsize end;
  const char *verb;
  const char *source; /* "named", "institution", "anonymous", "pronoun" */
} Speaker;

static const char *
np_source (CrbAnalyzer *a,
           guint        first,
           guint        last)
{
  gboolean cap = FALSE, inst = FALSE, anon = FALSE, pron = FALSE;

  for (guint k = first; k <= last; k++)
    {
      Tok *tk = TOK (k);
      if (tk->kind != TOK_WORD)
        continue;
      if (tk->cls & CRB_L_ANON)
        anon = TRUE;
      if (tk->cls & CRB_L_INSTITUTION)
        inst = TRUE;
      if ((tk->cls & CRB_L_PRONOUN) && first == last)
        pron = TRUE;
      if ((tk->cap || tk->allcaps) && !(tk->cls & CRB_L_STOP))
        cap = TRUE;
    }
  if (pron)
    return "pronoun";
  if (anon)
    return "anonymous";
  if (cap)
    return "named";
  if (inst)
    return "institution";
  return "other";
}

static gboolean
np_word (Tok *tk)
{
  if (tk->kind != TOK_WORD || tk->used)
    return FALSE;
  if (tk->cls & (CRB_L_ATTR | CRB_L_AUX | CRB_L_MONTH | CRB_L_WEEKDAY))
    return FALSE;
  if ((tk->cls & CRB_L_STOP) && !(tk->cls & (CRB_L_PRONOUN | CRB_L_ANON)) && !tk->cap)
    return FALSE;
  return TRUE;
}

static gboolean
is_closing_quote (Tok *tk)
{
  return tk->kind == TOK_PUNCT &&
         (tk->punct == 0x201D || tk->punct == '"' || tk->punct == 0x2019 || tk->punct == 0x00BB);
}

/* The subject before position @k (exclusive): an entity ending there or a
 * short noun phrase.  Returns FALSE when there is none. */
static gboolean
subject_before (CrbAnalyzer *a,
                guint        k,
                Speaker     *sp)
{
  guint e, s;
  Tok *last;

  /* skip a bracketed aside: "Daesh Khorasan Province (Daesh-K) claimed" */
  if (k > 0 && tok_punct (a, k - 1, ')'))
    {
      guint j = k - 1;
      while (j > 0 && k - j < 12 && !tok_punct (a, j, '('))
        j--;
      if (tok_punct (a, j, '('))
        k = j;
    }
  /* skip a date phrase: "Russia on Friday said" */
  while (k > 0 && TOK (k - 1)->used)
    {
      k--;
      if (k > 0 && TOK (k - 1)->kind == TOK_WORD &&
          (tok_is (a, k - 1, "on") || tok_is (a, k - 1, "in") || tok_is (a, k - 1, "last") ||
           tok_is (a, k - 1, "this") || tok_is (a, k - 1, "late") || tok_is (a, k - 1, "early")))
        k--;
      if (k > 0 && tok_punct (a, k - 1, ','))
        k--;
    }
  if (k == 0 || !np_word (TOK (k - 1)))
    return FALSE;
  e = k - 1;
  last = TOK (e);
  if (last->ent >= 0)
    {
      Entity *ent = &g_array_index (a->entities, Entity, last->ent);
      sp->start = ent->start;
      sp->end = ent->end;
      sp->source = "named";
      return TRUE;
    }
  s = e;
  while (s > 0 && e - s < 3 && np_word (TOK (s - 1)) && !(TOK (s)->cls & CRB_L_PRONOUN) &&
         !(TOK (s - 1)->cls & CRB_L_PRONOUN))
    s--;
  if (s > 0 && TOK (s - 1)->kind == TOK_WORD &&
      (tok_is (a, s - 1, "the") || tok_is (a, s - 1, "a") || tok_is (a, s - 1, "its") ||
       tok_is (a, s - 1, "his") || tok_is (a, s - 1, "her") || tok_is (a, s - 1, "their") ||
       tok_is (a, s - 1, "some") || tok_is (a, s - 1, "many")))
    s--;
  sp->start = TOK (s)->start;
  sp->end = TOK (e)->end;
  sp->source = np_source (a, s, e);
  return TRUE;
}

/* The speaker after an inverted verb: '"...," said Mr Putin.' */
static gboolean
subject_after (CrbAnalyzer *a,
               guint        i,
               Speaker     *sp)
{
  guint n = a->toks->len;
  guint s = i + 1, e = s;

  while (e < n && e - s < 5 && (np_word (TOK (e)) || tok_punct (a, e, '.')))
    {
      if (TOK (e)->ent >= 0)
        {
          e++;
          break;
        }
      e++;
    }
  while (e > s && TOK (e - 1)->kind != TOK_WORD)
    e--;
  if (e <= s)
    return FALSE;
  sp->start = TOK (s)->start;
  sp->end = TOK (e - 1)->end;
  sp->source = np_source (a, s, e - 1);
  return TRUE;
}

static gboolean
find_speaker (CrbAnalyzer *a,
              Speaker     *sp)
{
  guint n = a->toks->len;
  const char *fallback = NULL;

  /* every attribution has an attribution verb */
  if (!(a->cls_any & CRB_L_ATTR))
    return FALSE;

  /* two passes: verbs outside quotations first */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n; i++)
      {
        Tok *tk = TOK (i);
        guint k;

        if (tk->kind != TOK_WORD || !(tk->cls & CRB_L_ATTR))
          continue;
        if ((pass == 0) == (tk->in_quote != 0))
          continue;

        if (strcmp (LOW (tk), "according") == 0)
          {
            guint s, e;
            if (!tok_is (a, i + 1, "to"))
              continue;
            s = i + 2;
            e = s;
            if (e < n && (tok_is (a, e, "the") || tok_is (a, e, "a") || tok_is (a, e, "an")))
              e++;
            /* a name: "the Ministry of Internal Affairs" */
            while (e < n && e - s < 8 &&
                   (np_word (TOK (e)) ||
                    (tok_is (a, e, "of") && e + 1 < n && TOK (e + 1)->cap)))
              e++;
            if (e == s || TOK (e - 1)->kind != TOK_WORD || tok_is (a, e - 1, "the"))
              continue;
            sp->start = TOK (s)->start;
            sp->end = TOK (e - 1)->end;
            sp->verb = "according to";
            sp->source = np_source (a, s, e - 1);
            return TRUE;
          }
        /* nouns, not verbs: "some reports", "the claims" */
        if (i > 0 && TOK (i - 1)->kind == TOK_WORD &&
            (tok_is (a, i - 1, "the") || tok_is (a, i - 1, "some") || tok_is (a, i - 1, "a") ||
             tok_is (a, i - 1, "these") || tok_is (a, i - 1, "those") || tok_is (a, i - 1, "many") ||
             tok_is (a, i - 1, "media") || tok_is (a, i - 1, "its") || tok_is (a, i - 1, "their") ||
             tok_is (a, i - 1, "his") || tok_is (a, i - 1, "her")))
          continue;
        /* passive without agent: "it can be said" */
        if (i > 0 && (tok_is (a, i - 1, "be") || tok_is (a, i - 1, "been") || tok_is (a, i - 1, "being")) &&
            !tok_is (a, i + 1, "by"))
          continue;

        if (fallback == NULL)
          fallback = LOW (tk);

        /* passive with an agent: "This was reported by UNN" */
        if (tok_is (a, i + 1, "by") && i > 0 &&
            (tok_is (a, i - 1, "was") || tok_is (a, i - 1, "were") || tok_is (a, i - 1, "been") ||
             tok_is (a, i - 1, "is") || tok_is (a, i - 1, "be")) &&
            subject_after (a, i + 1, sp))
          {
            sp->verb = LOW (tk);
            return TRUE;
          }

        k = i;
        while (k > 0 && TOK (k - 1)->kind == TOK_WORD && (TOK (k - 1)->cls & CRB_L_AUX) &&
               !(TOK (k - 1)->cls & CRB_L_PRONOUN))
          k--;
        if (subject_before (a, k, sp))
          {
            sp->verb = LOW (tk);
            return TRUE;
          }
        /* inverted order after a quotation */
        if (k > 0 && (is_closing_quote (TOK (k - 1)) ||
                      (tok_punct (a, k - 1, ',') && k > 1 && is_closing_quote (TOK (k - 2)))) &&
            subject_after (a, i, sp))
          {
            sp->verb = LOW (tk);
            return TRUE;
          }
        /* "Bortnikov did not discard ..., saying that": the sentence subject */
        {
          guint f = 0;
          while (f < i && TOK (f)->kind == TOK_PUNCT)
            f++;
          if (f < i && TOK (f)->kind == TOK_WORD && !TOK (f)->in_quote)
            {
              Tok *ft = TOK (f);
              guint fe = f;
              while (fe + 1 < i && TOK (fe)->ent < 0 && cap_word (TOK (fe + 1)))
                fe++;
              if ((ft->cls & CRB_L_PRONOUN) || ft->ent >= 0 || TOK (fe)->ent >= 0 ||
                  (ft->cap && !(ft->cls & CRB_L_STOP)))
                {
                  Tok *et = ft->ent >= 0 ? ft : TOK (fe);
                  if (et->ent >= 0)
                    {
                      Entity *ent = &g_array_index (a->entities, Entity, et->ent);
                      sp->start = ent->start;
                      sp->end = ent->end;
                      sp->source = "named";
                    }
                  else
                    {
                      sp->start = ft->start;
                      sp->end = ft->end;
                      sp->source = np_source (a, f, f);
                    }
                  sp->verb = LOW (tk);
                  return TRUE;
                }
            }
        }
      }

  if (fallback != NULL)
    {
      /* a verb with no recognisable subject still counts */
      sp->start = sp->end = 0;
      sp->verb = fallback;
      sp->source = NULL;
      return TRUE;
    }
  return FALSE;
}

/* --------------------------------------------------------------- scoring */

/* 1 / (1 + e^-z) without libm: e^x = (e^(x/32))^32, the inner power by a
 * Taylor polynomial (|x/32| <= 0.5, relative error < 1e-7) */
static double
logistic (double z)
{
  double x, t, e;

  if (z > 30)
    return 1.0;
  if (z < -30)
    return 0.0;
  x = -z / 32;
  t = 1 + x * (1 + x / 2 * (1 + x / 3 * (1 + x / 4 * (1 + x / 5 * (1 + x / 6 * (1 + x / 7))))));
  e = t;
  for (int i = 0; i < 5; i++)
    e *= e;
  return 1.0 / (1.0 + e);
}

typedef struct
{
  const char *reason;
  double weight;
} Feature;

void
crb_analyzer_run (CrbAnalyzer         *a,
                  const char          *text,
                  const CrbRawSegment *raw,
                  CrbSentence         *sentence)
{
  gboolean want_values = !a->no_values;
  QuantityInfo qi = { 0, };
  Speaker sp = { 0, };
  gboolean has_speaker;
  guint n_dates;
  guint n_words = 0;
  guint n_opinion = 0, n_future = 0, n_modal = 0, n_promise = 0, n_firstp = 0;
  guint n_event = 0, n_compare = 0, n_cause = 0;
  guint n_entities = 0;
  gboolean question = FALSE, exclaim = FALSE, terminal = FALSE;
  gboolean starts_quote = FALSE;
  const char **reasons;
  double z;
  Feature feats[32];
  guint n_feats = 0;
  const char *kind;

  a->text = text;
  json_list_reset (&a->quantities);
  json_list_reset (&a->dates);
  json_list_reset (&a->entity_list);
  tokenize (a, text, raw->start, raw->end);

  n_dates = find_dates (a);
  find_quantities (a, &qi);
  find_entities (a);
  has_speaker = find_speaker (a, &sp);

  for (guint i = 0; i < a->toks->len; i++)
    {
      Tok *tk = TOK (i);
      if (tk->kind == TOK_PUNCT)
        continue;
      n_words++;
      if (tk->kind != TOK_WORD)
        continue;
      /* capitalised words are names ("Chapel of Love") */
      if ((tk->cls & CRB_L_OPINION) && !tk->cap)
        n_opinion += tk->in_quote ? 1 : 2;
      if ((tk->cls & CRB_L_FUTURE) && !tk->cap)
        n_future++;
      if ((tk->cls & CRB_L_MODAL) && !tk->cap)
        n_modal++;
      if ((tk->cls & CRB_L_PROMISE) && !tk->cap)
        n_promise++;
      if ((tk->cls & CRB_L_FIRSTP) && !tk->in_quote && !tk->allcaps)
        n_firstp++;
      if (tk->cls & CRB_L_EVENT)
        n_event++;
      if (tk->cls & CRB_L_COMPARE)
        n_compare++;
      if (tk->cls & CRB_L_CAUSE)
        n_cause++;
    }
  for (guint i = 0; i < a->entities->len; i++)
    {
      Entity *e = &g_array_index (a->entities, Entity, i);
      if (want_values && n_entities < MAX_ITEMS)
        {
          GString *o = json_list_open (&a->entity_list);
          crb_json_append_string_len (o, text + e->start, e->end - e->start);
          JSON_MEMBER (o, "type");
          crb_json_append_word (o, e->type);
          PUT_LITERAL (o, "}");
        }
      n_entities++;
    }

  /* final punctuation */
  {
    guint k = a->toks->len;
    while (k > 0 && TOK (k - 1)->kind == TOK_PUNCT)
      {
        gunichar c = TOK (k - 1)->punct;
        if (c == '?')
          question = TRUE;
        else if (c == '!')
          exclaim = TRUE;
        if (c == '?' || c == '!' || c == '.' || c == 0x2026)
          {
            terminal = TRUE;
            break;
          }
        k--;
      }
    if (a->toks->len > 0 && TOK (0)->kind == TOK_PUNCT &&
        (TOK (0)->punct == 0x201C || TOK (0)->punct == '"' || TOK (0)->punct == 0x00AB))
      starts_quote = TRUE;
  }

#define FEAT(r, w) G_STMT_START { if (n_feats < G_N_ELEMENTS (feats)) { feats[n_feats].reason = (r); feats[n_feats].weight = (w); n_feats++; } } G_STMT_END
  if (qi.found > 0)
    FEAT ("number", 1.0);
  if (qi.casualties)
    FEAT ("casualties", 0.6);
  if (qi.percent)
    FEAT ("percentage", 0.2);
  if (qi.money)
    FEAT ("money", 0.2);
  if (n_dates > 0)
    FEAT ("date", 0.5);
  if (has_speaker)
    {
      FEAT ("attribution verb", 0.6);
      if (sp.source != NULL && (strcmp (sp.source, "named") == 0 || strcmp (sp.source, "institution") == 0))
        FEAT ("named source", 0.5);
      else if (sp.source != NULL && strcmp (sp.source, "anonymous") == 0)
        FEAT ("anonymous source", 0.3);
    }
  if (n_entities > 0)
    FEAT ("named entity", n_entities > 1 ? 0.8 : 0.6);
  if (n_event > 0)
    FEAT ("event", 0.7);
  if (n_compare > 0)
    FEAT ("comparison", 0.3);
  if (n_cause > 0)
    FEAT ("cause", 0.3);
  if (question)
    FEAT ("question", -2.5);
  if (exclaim)
    FEAT ("exclamation", -0.8);
  if (n_opinion > 0)
    FEAT ("opinion", n_opinion > 2 ? -1.8 : -1.0);
  if (n_promise > 0)
    FEAT ("promise", -1.0);
  else if (n_future > 0)
    FEAT ("prediction", -1.2);
  else if (n_modal > 0)
    FEAT ("hedged", -0.5);
  if (n_firstp > 0)
    FEAT ("first person", -0.8);
  if (n_words < 5)
    FEAT ("too short", -1.2);
  /* an unpunctuated line is a title, unless it is an item of a list */
  if (!terminal && (raw->flags & CRB_SEG_LINE_START) && (raw->flags & CRB_SEG_LINE_END) &&
      !(raw->flags & CRB_SEG_LIST_ITEM) && n_words <= 20)
    FEAT ("headline", -1.5);
  if (starts_quote && !has_speaker)
    FEAT ("unattributed quote", -0.6);
#undef FEAT

  z = -1.2;
  reasons = g_new (const char *, n_feats + 1);
  for (guint i = 0; i < n_feats; i++)
    {
      z += feats[i].weight;
      reasons[i] = feats[i].reason;
    }
  reasons[n_feats] = NULL;
  sentence->score = logistic (z);
  sentence->reasons = reasons;

  if (qi.found > 0)
    kind = "quantity";
  else if (has_speaker)
    kind = "attribution";
  else if (n_event > 0)
    kind = "event";
  else if (n_dates > 0)
    kind = "date";
  else
    kind = "statement";
  sentence->kind = kind;

  if (!want_values)
    {
      sentence->values_json = NULL;
      return;
    }

  /* empty members are left out (see docs-extraction.md) */
  {
    GString *v = a->values;

    g_string_truncate (v, 0);
    PUT_LITERAL (v, "{");
#define VALUES_ARRAY(name, list) \
    if ((list)->count > 0) \
      { \
        VALUES_MEMBER (v, name); \
        PUT_LITERAL (v, "["); \
        _crb_string_append_len (v, (list)->buf->str, (list)->buf->len); \
        PUT_LITERAL (v, "]"); \
      }
    VALUES_ARRAY ("quantities", &a->quantities);
    VALUES_ARRAY ("dates", &a->dates);
    VALUES_ARRAY ("entities", &a->entity_list);
#undef VALUES_ARRAY
    if (has_speaker && sp.end > sp.start)
      {
        VALUES_MEMBER (v, "speaker");
        crb_json_append_string_len (v, text + sp.start, sp.end - sp.start);
      }
    if (has_speaker)
      {
        VALUES_MEMBER (v, "verb");
        crb_json_append_string (v, sp.verb);
        if (sp.source != NULL)
          {
            VALUES_MEMBER (v, "source");
            crb_json_append_word (v, sp.source);
          }
      }
    PUT_LITERAL (v, "}");
    sentence->values_json = g_strndup (v->str, v->len);
  }
}
