/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-segment.c: sentence segmentation for news text.
 *
 * Two levels:
 *  1. lines are grouped into blocks.  A blank line ends a paragraph; a single
 *     line break ends a block unless the next line obviously continues the
 *     sentence (starts with a lower-case letter, or the line ends with a comma
 *     or a function word).  Headings, list items, captions, bylines therefore
 *     become segments of their own.  In a text laid out one statement per
 *     line (is_line_based()), every line break ends a block.
 *  2. each block is split at sentence-final punctuation, with rules for
 *     abbreviations, initials, numbers, ellipses and closing quotes.
 *
 * Everything is a single forward pass; look-behind and look-ahead are bounded
 * by small constants, so the running time is linear in the input.
 */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-private.h"

#include <string.h>

/* Step back one character from @pos (> @lo). */
static gsize
prev_char (const guchar *t,
           gsize         lo,
           gsize         pos)
{
  gsize p = pos - 1;
  int k = 0;

  while (p > lo && (t[p] & 0xC0) == 0x80 && k < 3)
    {
      p--;
      k++;
    }
  return p;
}

static gunichar
char_at (const guchar *t,
         gsize         len,
         gsize         pos,
         int          *clen)
{
  return crb_utf8_decode (t + pos, t + len, clen);
}

/* Trims [*s, *e) of white space. */
static void
trim_range (const guchar *t,
            gsize        *s,
            gsize        *e)
{
  int n;

  while (*s < *e)
    {
      gunichar c = crb_utf8_decode (t + *s, t + *e, &n);
      if (!crb_unichar_is_space (c))
        break;
      *s += n;
    }
  while (*e > *s)
    {
      gsize p = prev_char (t, *s, *e);
      gunichar c = crb_utf8_decode (t + p, t + *e, &n);
      if (!crb_unichar_is_space (c) || p + n != *e)
        break;
      *e = p;
    }
}

/* Bytes the scans stop at: STOP_TERMINAL where a sentence may end ('.',
 * '!', '?' and the lead byte of every non-ASCII character, which is decoded
 * then), STOP_LINE where a line may end ('\n', '\r' and the lead byte
 * 0xE2 of U+2028 and U+2029). */
enum
{
  STOP_TERMINAL = 1 << 0,
  STOP_LINE     = 1 << 1,
};

static const guint8 *
stop_table (void)
{
  static guint8 table[256];
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      for (guint c = 0x80; c < 256; c++)
        table[c] |= STOP_TERMINAL;
      table['.'] |= STOP_TERMINAL;
      table['!'] |= STOP_TERMINAL;
      table['?'] |= STOP_TERMINAL;
      table['\n'] |= STOP_LINE;
      table['\r'] |= STOP_LINE;
      table[0xE2] |= STOP_LINE;
      g_once_init_leave (&init, 1);
    }
  return table;
}

static gboolean
is_terminal (gunichar c)
{
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == 0x203D ||
         c == 0x3002 || c == 0xFF01 || c == 0xFF1F || c == 0xFF0E;
}

static gboolean
is_cjk_terminal (gunichar c)
{
  return c == 0x3002 || c == 0xFF01 || c == 0xFF1F;
}

static gboolean
is_closer (gunichar c)
{
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' ||
         c == 0x201D || c == 0x2019 || c == 0x00BB || c == 0x203A ||
         c == 0x300D || c == 0x300F;
}

static gboolean
is_opener (gunichar c)
{
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == 0x201C ||
         c == 0x2018 || c == 0x00AB || c == 0x201E || c == 0x2039 || c == 0x300C;
}

static gboolean
str_in (const char        *word,
        const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (word, list[i]) == 0)
      return TRUE;
  return FALSE;
}

static const char *const titles[] = {
  "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col",
  "capt", "cpt", "sgt", "st", "rev", "hon", "pres", "maj", "adm", "brig",
  "cpl", "det", "insp", "supt", "messrs", "mme", "mlle", "fr", "mt", "ft",
  "cmdr", "atty", "sens", "reps", "pte", "amb", "gens", "mssrs", "dept",
  "univ", "assn", "ave", "blvd", "rd", "hwy", "sq", "mx", "cllr", "cllrs",
  "supt", "insp", "sgt", "gov", "lieut", "rt", "revd", "mgr", "msgr", "sra",
  "snr", "hr", "gen", "doc", "spc", "pfc", "ens", "cdr", "adm", NULL
};

static const char *const never_break[] = {
  "vs", "v", "e.g", "i.e", "cf", "approx", "ca", "viz", "resp", "est", NULL
};

static const char *const before_digit[] = {
  "no", "nos", "art", "fig", "figs", "vol", "vols", "p", "pp", "para", "sec",
  "ch", "rs", "ca", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
  "sept", "oct", "nov", "dec", "op", "nr", "tel", "ref", NULL
};

static const char *const ambiguous[] = {
  "inc", "ltd", "co", "corp", "jr", "sr", "bros", "llc", "plc", "esq",
  "a.m", "p.m", "al", "u.s", "u.k", "u.n", "e.u", "u.s.a", "d.c", "ph.d",
  "b.a", "m.a", "n.y", "l.a", "s.a", "a.g", "n.v", "b.v", "ag", "gmbh", NULL
};

static const char *const starters[] = {
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this",
  "that", "these", "those", "there", "but", "and", "or", "so", "yet", "in",
  "on", "at", "after", "before", "his", "her", "their", "its", "our", "my",
  "however", "meanwhile", "as", "if", "when", "while", "since", "although",
  "though", "what", "why", "how", "who", "one", "some", "many", "most", "both",
  "all", "each", "according", "earlier", "later", "last", "then", "now",
  "still", "also", "for", "from", "with", "by", "to", "during", "police",
  "officials", "authorities", "it's", "he's", "she's", "there's", "we're",
  "they're", "no", "not", "further", "furthermore", "moreover", "instead",
  "yesterday", "today", "separately", "asked", NULL
};

enum
{
  AB_TITLE = 1 << 0,
  AB_NEVER = 1 << 1,
  AB_DIGIT = 1 << 2,
  AB_AMBIG = 1 << 3,
  AB_START = 1 << 4,
};

static GHashTable *abbrevs;

static gpointer
abbrevs_init (gpointer data)
{
  const struct
  {
    const char *const *list;
    guint bit;
  } lists[] = {
    { titles, AB_TITLE }, { never_break, AB_NEVER }, { before_digit, AB_DIGIT },
    { ambiguous, AB_AMBIG }, { starters, AB_START },
  };

  abbrevs = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; lists[i].list[j] != NULL; j++)
      {
        guint bits = GPOINTER_TO_UINT (g_hash_table_lookup (abbrevs, lists[i].list[j]));
        g_hash_table_insert (abbrevs, (gpointer) lists[i].list[j], GUINT_TO_POINTER (bits | lists[i].bit));
      }
  return NULL;
}

static guint
abbrev_class (const char *w)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, abbrevs_init, NULL);
  return GPOINTER_TO_UINT (g_hash_table_lookup (abbrevs, w));
}

typedef enum
{
  NEXT_LOWER,
  NEXT_UPPER,
  NEXT_DIGIT,
  NEXT_OPENER,
  NEXT_OTHER,
} NextClass;

/* Decides whether a single '.' at @dot (followed by white space) ends a
 * sentence. @ws..@dot is the word before it. */
static gboolean
period_is_boundary (const guchar *t,
                    gsize         len,
                    gsize         lo,
                    gsize         dot,
                    gsize         next,
                    NextClass     next_class)
{
  char w[48];
  char nw[24];
  gsize ws = dot;
  gsize wl;
  gsize i;
  guint n_upper = 0, n_alpha = 0, n_chars = 0;
  gboolean initials = TRUE;

  if (next_class == NEXT_LOWER)
    return FALSE;

  /* spun text puts a space before the period: "Dr . Ana" */
  if (dot > lo && t[dot - 1] == ' ')
    {
      gsize d = dot - 1;
      while (d > lo && dot - d < 3 && t[d - 1] == ' ')
        d--;
      if (d > lo && g_ascii_isalpha (t[d - 1]))
        dot = d;
    }
  ws = dot;

  /* the word before the period: letters, digits and internal periods */
  while (ws > lo && dot - ws < sizeof w - 1)
    {
      guchar c = t[ws - 1];
      if (g_ascii_isalnum (c) || c == '.' || c >= 0x80)
        ws--;
      else
        break;
    }
  if (ws > lo && dot - ws >= sizeof w - 1)
    return TRUE; /* very long token: not an abbreviation */
  wl = dot - ws;
  if (wl == 0)
    return TRUE;

  /* non-ASCII bytes before the period: accept letters only */
  for (i = ws; i < dot;)
    {
      int n;
      gunichar c = crb_utf8_decode (t + i, t + dot, &n);
      n_chars++;
      if (c == '.')
        {
          i += n;
          continue;
        }
      if (!g_unichar_isalnum (c))
        {
          /* e.g. a closing quote: start the word after it */
          ws = i + n;
          n_upper = n_alpha = 0;
          n_chars = 0;
          i += n;
          continue;
        }
      if (g_unichar_isalpha (c))
        n_alpha++;
      if (crb_unichar_is_upper_or_title (c))
        n_upper++;
      i += n;
    }
  wl = dot - ws;
  if (wl == 0)
    return TRUE;

  for (i = 0; i < wl; i++)
    w[i] = g_ascii_tolower (t[ws + i]);
  w[wl] = '\0';

  /* initials: "J", "J.K", "W" (single upper-case letters separated by dots) */
  {
    gsize k = ws;
    guint letters = 0;
    while (k < dot)
      {
        int n;
        gunichar c = crb_utf8_decode (t + k, t + dot, &n);
        if (!crb_unichar_is_upper_or_title (c))
          {
            initials = FALSE;
            break;
          }
        letters++;
        k += n;
        if (k < dot)
          {
            if (t[k] != '.')
              {
                initials = FALSE;
                break;
              }
            k++;
          }
      }
    if (letters == 0)
      initials = FALSE;
  }

  /* the next word, lower-cased (ASCII), for the starter check */
  {
    gsize k = next;
    gsize j = 0;
    if (next_class == NEXT_OPENER)
      {
        int n;
        char_at (t, len, k, &n);
        k += n;
      }
    while (k < len && j < sizeof nw - 1 && (g_ascii_isalpha (t[k]) || t[k] == '\''))
      nw[j++] = g_ascii_tolower (t[k++]);
    nw[j] = '\0';
  }

  {
    guint wc = wl <= 8 ? abbrev_class (w) : 0;
    gboolean next_starts = (abbrev_class (nw) & AB_START) != 0;

    if (next_class == NEXT_DIGIT)
      return !(wc & AB_DIGIT);
    if (wc & (AB_TITLE | AB_NEVER))
      return FALSE;
    if (initials || (wc & AB_AMBIG))
      return next_starts;
    if (strchr (w, '.') != NULL && n_alpha > 0 && n_alpha <= 4)
      return next_starts; /* other dotted abbreviations */
  }

  (void) n_upper;
  (void) n_chars;
  return TRUE;
}

typedef struct
{
  const guchar *t;
  gsize len;
  GArray *out;
  guint block;
  guint paragraph;
  guint flags;       /* added to every segment: CRB_SEG_LINE_BASED */
} Segmenter;

static void
emit (Segmenter *s,
      gsize      start,
      gsize      end,
      gsize      bs,
      gsize      be,
      guint      flags)
{
  CrbRawSegment seg;

  trim_range (s->t, &start, &end);
  if (start >= end)
    return;
  seg.start = start;
  seg.end = end;
  seg.flags = flags | s->flags;
  if (start == bs)
    seg.flags |= CRB_SEG_LINE_START;
  if (end == be)
    seg.flags |= CRB_SEG_LINE_END;
  seg.block = s->block;
  seg.paragraph = s->paragraph;
  g_array_append_val (s->out, seg);
}

static NextClass
classify_next (gunichar c)
{
  if (g_unichar_islower (c))
    return NEXT_LOWER;
  if (crb_unichar_is_upper_or_title (c))
    return NEXT_UPPER;
  if (g_unichar_isdigit (c))
    return NEXT_DIGIT;
  if (is_opener (c))
    return NEXT_OPENER;
  if (g_unichar_isalpha (c))
    return NEXT_UPPER; /* caseless scripts */
  return NEXT_OTHER;
}

static void
split_block (Segmenter *s,
             gsize      bs,
             gsize      be,
             guint      flags)
{
  const guchar *t = s->t;
  const guint8 *stop = stop_table ();
  gsize pos = bs;
  gsize seg_start = bs;

  while (pos < be)
    {
      int n;
      gunichar c;
      gsize q, r;
      gboolean has_bang = FALSE, has_ellipsis = FALSE, cjk = FALSE;
      guint n_dots = 0;
      gunichar nc;
      NextClass ncls;
      gboolean boundary;

      if (!(stop[t[pos]] & STOP_TERMINAL))
        {
          pos++;
          while (pos < be && !(stop[t[pos]] & STOP_TERMINAL))
            pos++;
          continue;
        }
      c = crb_utf8_decode (t + pos, t + be, &n);
      if (!is_terminal (c))
        {
          pos += n;
          continue;
        }

      /* the cluster of terminal punctuation */
      q = pos;
      while (q < be)
        {
          c = crb_utf8_decode (t + q, t + be, &n);
          if (!is_terminal (c))
            break;
          if (c == '.')
            n_dots++;
          else if (c == 0x2026)
            has_ellipsis = TRUE;
          else if (is_cjk_terminal (c))
            cjk = TRUE;
          else
            has_bang = TRUE;
          q += n;
        }
      if (n_dots >= 2)
        has_ellipsis = TRUE;
      /* closing quotes and brackets */
      while (q < be)
        {
          c = crb_utf8_decode (t + q, t + be, &n);
          if (!is_closer (c))
            break;
          q += n;
        }
      if (q >= be)
        break;

      c = crb_utf8_decode (t + q, t + be, &n);
      if (!crb_unichar_is_space (c))
        {
          if (cjk)
            {
              emit (s, seg_start, q, bs, be, flags);
              seg_start = q;
            }
          pos = q;
          continue;
        }
      r = q;
      while (r < be)
        {
          c = crb_utf8_decode (t + r, t + be, &n);
          if (!crb_unichar_is_space (c))
            break;
          r += n;
        }
      if (r >= be)
        break;

      nc = crb_utf8_decode (t + r, t + be, &n);
      ncls = classify_next (nc);

      /* the number of a numbered list item: "1. First item" */
      if ((flags & CRB_SEG_LIST_ITEM) && pos > bs && pos - bs <= 3)
        {
          gsize k = bs;
          while (k < pos && g_ascii_isdigit (t[k]))
            k++;
          if (k == pos)
            {
              pos = r;
              continue;
            }
        }

      if (nc == ',' || nc == ';' || nc == ':' || nc == ')' || nc == 0x201D)
        boundary = FALSE;
      else if (cjk)
        boundary = TRUE;
      else if (has_bang)
        boundary = ncls != NEXT_LOWER;
      else if (has_ellipsis)
        boundary = ncls == NEXT_UPPER || ncls == NEXT_OPENER;
      else
        boundary = period_is_boundary (t, be, bs, pos, r, ncls);

      if (boundary)
        {
          emit (s, seg_start, q, bs, be, flags);
          seg_start = r;
        }
      pos = r;
    }
  emit (s, seg_start, be, bs, be, flags);
}

typedef struct
{
  gsize start;
  gsize end;
  gboolean list;
  gboolean ends_terminal;
  gboolean ends_colon;
  gboolean ends_continuation;
  gboolean starts_lower;
} LineInfo;

static const char *const function_words[] = {
  "the", "a", "an", "of", "to", "in", "on", "at", "by", "for", "with", "from",
  "and", "or", "but", "that", "as", "is", "was", "were", "are", "be", "been",
  "has", "have", "had", "which", "who", "its", "his", "her", "their", "this",
  "these", "than", "into", "about", "after", "before", "not", "will", "would",
  "said", "says", "told", "into", "over", "under", "between", "against", NULL
};

static gboolean
is_list_marker (const guchar *t,
                gsize         s,
                gsize         e)
{
  int n;
  gunichar c;
  gsize k;

  if (s >= e)
    return FALSE;
  c = crb_utf8_decode (t + s, t + e, &n);
  if ((c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0x2014 ||
       c == 0x00B7 || c == 0x25AA || c == 0x25CF || c == 0x25E6 || c == 0x2023 ||
       c == 0x25B6 || c == 0x25BA) &&
      s + n < e)
    {
      gunichar d = crb_utf8_decode (t + s + n, t + e, &n);
      return crb_unichar_is_space (d);
    }
  /* "1. " or "1) " */
  k = s;
  while (k < e && k - s < 3 && g_ascii_isdigit (t[k]))
    k++;
  if (k > s && k + 1 < e && (t[k] == '.' || t[k] == ')') && t[k + 1] == ' ')
    return TRUE;
  return FALSE;
}

static LineInfo
analyse_line (const guchar *t,
              gsize         s,
              gsize         e)
{
  LineInfo li = { s, e, FALSE, FALSE, FALSE, FALSE, FALSE };
  gsize p, k;
  int n;
  gunichar c;

  li.list = is_list_marker (t, s, e);

  c = crb_utf8_decode (t + s, t + e, &n);
  li.starts_lower = g_unichar_islower (c);

  /* last character, skipping closers */
  p = e;
  do
    {
      p = prev_char (t, s, p);
      c = crb_utf8_decode (t + p, t + e, &n);
    }
  while (p > s && is_closer (c));
  if (is_terminal (c))
    li.ends_terminal = TRUE;
  else if (c == ':')
    li.ends_colon = TRUE;
  else if (c == ',' || c == ';' || c == '(' || c == 0x2013 || c == 0x2014 ||
           c == '-' || c == '/' || c == '&' || c == 0x201C || c == 0x2018)
    li.ends_continuation = TRUE;
  else if (c < 0x80 && g_ascii_isalpha (c))
    {
      char w[16];
      gsize j = 0;
      k = e;
      while (k > s && e - k < sizeof w - 1 && g_ascii_isalpha (t[k - 1]))
        k--;
      if (k == s || !g_ascii_isalpha (t[k - 1]))
        {
          for (j = 0; k + j < e && j < sizeof w - 1; j++)
            w[j] = g_ascii_tolower (t[k + j]);
          w[j] = '\0';
          li.ends_continuation = str_in (w, function_words);
        }
    }
  return li;
}

static gboolean
lines_join (const LineInfo *prev,
            const LineInfo *cur)
{
  if (cur->list)
    return FALSE;
  if (prev->ends_colon)
    return FALSE;
  if (cur->starts_lower)
    return TRUE;
  if (prev->ends_terminal)
    return FALSE;
  return prev->ends_continuation;
}

/* "date 2024-05-24" metadata prefix at the start of a line: returns the
 * end of the prefix or 0. */
static gsize
metadata_prefix (const guchar *t,
                 gsize         s,
                 gsize         e)
{
  static const char pat[] = "date dddd-dd-dd";
  gsize k;

  if (e - s < sizeof pat - 1)
    return 0;
  for (k = 0; k < sizeof pat - 1; k++)
    {
      guchar c = t[s + k];
      if (pat[k] == 'd' && k >= 5)
        {
          if (!g_ascii_isdigit (c))
            return 0;
        }
      else if (g_ascii_tolower (c) != (guchar) pat[k])
        return 0;
    }
  if (s + k < e && !g_ascii_isspace (t[s + k]))
    return 0;
  return s + k;
}

/* The line that starts at @pos: sets [*ls, *le) (the break excluded) and
 * returns where the next line starts.  Breaks are \n, \r\n, \r, U+2028
 * and U+2029. */
static gsize
next_line (const guchar  *t,
           gsize          length,
           gsize          pos,
           const guint8  *stop,
           gsize         *ls,
           gsize         *le)
{
  gsize e = pos;
  gsize brk = 0;

  while (e < length)
    {
      guchar c = t[e];
      if (!(stop[c] & STOP_LINE))
        {
          e++;
          continue;
        }
      if (c == '\n')
        {
          brk = 1;
          break;
        }
      if (c == '\r')
        {
          brk = (e + 1 < length && t[e + 1] == '\n') ? 2 : 1;
          break;
        }
      if (c == 0xE2 && e + 2 < length && t[e + 1] == 0x80 &&
          (t[e + 2] == 0xA8 || t[e + 2] == 0xA9))
        {
          brk = 3;
          break;
        }
      e++;
    }
  *ls = pos;
  *le = e;
  return e + brk;
}

/* Is the text laid out one statement per line (a transcript, a list of
 * quotes, one paragraph per line)?  Looks at every pair of lines with a
 * single line break between them: the text is line-based when there are
 * at least two such pairs, the first line of most of them ends a sentence,
 * and at most a fifth of them read as one sentence wrapped across the
 * break (the next line starts in lower case, or the first ends with a
 * comma, a dash or a function word).  Hard-wrapped prose fails both. */
static gboolean
is_line_based (const guchar *t,
               gsize         length)
{
  gsize pos = 0;
  gboolean have_prev = FALSE;
  LineInfo prev = { 0, };
  guint pairs = 0, terminal = 0, wrapped = 0;

  while (pos < length)
    {
      const guchar *nl = memchr (t + pos, '\n', length - pos);
      gsize ls = pos, le = nl != NULL ? (gsize) (nl - t) : length;
      LineInfo cur;

      /* lines end at \n here (a \r before it is white space): \r alone,
       * U+2028 and U+2029 are too rare in line-based texts to count */
      pos = le + 1;
      trim_range (t, &ls, &le);
      if (ls >= le)
        {
          have_prev = FALSE;
          continue;
        }
      cur = analyse_line (t, ls, le);
      /* a list item or a line after a label never continues a sentence */
      if (have_prev && !cur.list && !prev.ends_colon)
        {
          pairs++;
          if (prev.ends_terminal)
            terminal++;
          if (lines_join (&prev, &cur))
            wrapped++;
        }
      prev = cur;
      have_prev = TRUE;
    }
  return pairs >= 2 && terminal * 2 > pairs && wrapped * 5 <= pairs;
}

void
crb_extract_segment (const char *text,
                     gsize       length,
                     GArray     *out)
{
  Segmenter s = { (const guchar *) text, length, out, 0, 0, 0 };
  const guchar *t = s.t;
  gsize pos = 0;
  gboolean have_block = FALSE;
  gboolean blank_pending = FALSE;
  gsize bs = 0, be = 0;
  guint bflags = 0;
  LineInfo prev = { 0, };
  const guint8 *stop = stop_table ();
  gboolean line_based = is_line_based (t, length);

  if (line_based)
    s.flags = CRB_SEG_LINE_BASED;

  while (pos < length)
    {
      gsize ls, le;
      gsize meta;
      LineInfo cur;

      pos = next_line (t, length, pos, stop, &ls, &le);

      trim_range (t, &ls, &le);
      if (ls >= le)
        {
          if (have_block)
            {
              split_block (&s, bs, be, bflags);
              s.block++;
              have_block = FALSE;
            }
          blank_pending = TRUE;
          continue;
        }

      meta = metadata_prefix (t, ls, le);
      if (meta > 0)
        {
          if (have_block)
            {
              split_block (&s, bs, be, bflags);
              s.block++;
              have_block = FALSE;
            }
          if (blank_pending && s.out->len > 0)
            s.paragraph++;
          blank_pending = FALSE;
          emit (&s, ls, meta, ls, meta, CRB_SEG_METADATA);
          s.block++;
          ls = meta;
          trim_range (t, &ls, &le);
          if (ls >= le)
            continue;
        }

      cur = analyse_line (t, ls, le);
      /* in a line-based text a single line break ends a sentence */
      if (have_block && !blank_pending && !line_based && lines_join (&prev, &cur))
        {
          be = le;
        }
      else
        {
          if (have_block)
            {
              split_block (&s, bs, be, bflags);
              s.block++;
            }
          if (blank_pending && s.out->len > 0)
            s.paragraph++;
          blank_pending = FALSE;
          bs = ls;
          be = le;
          bflags = cur.list ? CRB_SEG_LIST_ITEM : 0;
          have_block = TRUE;
        }
      prev = cur;
    }
  if (have_block)
    split_block (&s, bs, be, bflags);
}
