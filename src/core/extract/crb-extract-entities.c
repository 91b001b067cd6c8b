/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-entities.c: names (runs of capitalised words, typed as
 * person, place, organization) and the attribution: who said it, with
 * which verb, and what kind of source. */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-analyzer.h"

#include <string.h>

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

void
_crb_analyzer_find_entities (CrbAnalyzer *a)
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

gboolean
_crb_analyzer_find_speaker (CrbAnalyzer *a,
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
