/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-analyze.c: per-segment analysis.  The segment is tokenised
 * once; dates (crb-extract-dates.c), quantities (crb-extract-quantities.c),
 * entities and the attribution (crb-extract-entities.c) are read off the
 * token array with bounded look-around, then a logistic score is computed
 * from the features found (see docs/extraction.md). */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-analyzer.h"

#include <stdio.h>
#include <string.h>

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

static void
json_list_reset (JsonList *list)
{
  g_string_truncate (list->buf, 0);
  list->count = 0;
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

double
crb_analyzer_run (CrbAnalyzer         *a,
                  const char          *text,
                  const CrbRawSegment *raw,
                  CrbSentence         *sentence,
                  guint               *found)
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

  n_dates = _crb_analyzer_find_dates (a);
  _crb_analyzer_find_quantities (a, &qi);
  _crb_analyzer_find_entities (a);
  has_speaker = _crb_analyzer_find_speaker (a, &sp);

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
  /* an unpunctuated line is a title, unless it is an item of a list or
   * the text is laid out one statement per line (a transcript) */
  *found = 0;
  if (!terminal && (raw->flags & CRB_SEG_LINE_START) && (raw->flags & CRB_SEG_LINE_END) &&
      !(raw->flags & (CRB_SEG_LIST_ITEM | CRB_SEG_LINE_BASED)) && n_words <= 20)
    {
      FEAT ("headline", -1.5);
      *found |= CRB_RULES_HEADLINE;
    }
  if (starts_quote && !has_speaker)
    FEAT ("unattributed quote", -0.6);
#undef FEAT

  z = -1.2;
  if (qi.found > 0)
    *found |= CRB_RULES_NUMBER;
  if (qi.percent)
    *found |= CRB_RULES_PERCENT;
  if (qi.money)
    *found |= CRB_RULES_MONEY;
  /* room for the model's reasons (crb-extract-combine.c) */
  reasons = g_new (const char *, n_feats + 1 + CRB_MODEL_REASONS);
  for (guint i = 0; i < n_feats; i++)
    {
      z += feats[i].weight;
      reasons[i] = feats[i].reason;
    }
  reasons[n_feats] = NULL;
  sentence->score = sentence->rule_score = logistic (z);
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
      return z;
    }

  /* empty members are left out (see docs/extraction.md) */
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
  return z;
}
