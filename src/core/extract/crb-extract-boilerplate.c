/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-boilerplate.c: recognises web boilerplate segments (captions,
 * credits, bylines, calls to action, player notices, copyright lines, lone
 * agency names, link lists, short headings).  Patterns are matched on an
 * ASCII-folded copy of the start and the end of the segment only, so the
 * cost per segment is bounded. */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-private.h"

#include <string.h>

#define HEAD_BYTES 128
#define TAIL_BYTES 96

typedef struct
{
  const char *pattern;
  const char *why;
} Pattern;

/* Matched at the start of the segment; a pattern ending in a letter must be
 * followed by a non-letter. */
static const Pattern prefixes[] = {
  { "picture:", "caption" }, { "pic:", "photo credit" }, { "photo:", "caption" },
  { "photos:", "caption" }, { "photograph:", "caption" }, { "image:", "caption" },
  { "caption:", "caption" }, { "credit:", "photo credit" }, { "image credit", "photo credit" },
  { "photo credit", "photo credit" }, { "image source", "photo credit" },
  { "in this photo", "caption" }, { "in this image", "caption" },
  { "in this handout", "caption" }, { "in this picture", "caption" },
  { "in this file photo", "caption" }, { "in this still", "caption" },
  { "in this video grab", "caption" }, { "in this screengrab", "caption" },
  { "file photo", "caption" }, { "photo by", "photo credit" },
  { "reporting by", "byline" }, { "additional reporting", "byline" },
  { "writing by", "byline" }, { "editing by", "byline" }, { "written by", "byline" },
  { "compiled by", "byline" }, { "edited by", "byline" }, { "author:", "byline" },
  { "words by", "byline" }, { "story by", "byline" }, { "with files from", "byline" },
  { "contact the author", "byline" }, { "email the author", "byline" },
  { "follow us", "call to action" }, { "follow @", "call to action" },
  { "click here", "call to action" }, { "click on", "call to action" }, { "tap here", "call to action" },
  { "click to", "call to action" }, { "tap to", "call to action" },
  { "please enter", "call to action" }, { "please use", "video player" },
  { "please ", "call to action" },
  { "leave a reply", "call to action" }, { "leave a comment", "call to action" },
  { "subscribe", "call to action" }, { "sign up", "call to action" },
  { "sign in", "call to action" }, { "log in", "call to action" },
  { "register now", "call to action" }, { "download the", "call to action" },
  { "download our", "call to action" }, { "share this", "call to action" },
  { "share on", "call to action" }, { "join us", "call to action" },
  { "join our", "call to action" }, { "get the latest", "call to action" },
  { "keep up with", "call to action" }, { "don't miss", "call to action" },
  { "don\xe2\x80\x99t miss", "call to action" }, { "email us", "call to action" },
  { "contact us", "call to action" }, { "send us", "call to action" },
  { "newsletter", "call to action" }, { "view comments", "call to action" },
  { "show comments", "call to action" }, { "add comment", "call to action" },
  { "advertisement", "advertisement" }, { "sponsored", "advertisement" },
  { "skip to", "navigation" }, { "we use cookies", "cookie notice" },
  { "accept cookies", "cookie notice" }, { "like us on", "call to action" },
  { "promo for", "video player" }, { "watch:", "video player" },
  { "watch the video", "video player" }, { "watch live", "video player" },
  { "listen:", "video player" }, { "read more", "related links" },
  { "read also", "related links" }, { "also read", "related links" },
  { "see also", "related links" }, { "related:", "related links" },
  { "more on this", "related links" }, { "recommended", "related links" },
  { "most read", "related links" }, { "trending", "related links" },
  { "you may also like", "related links" }, { "this video can", "video player" },
  { "this video cannot", "video player" }, { "this video is", "video player" },
  { "to play this video", "video player" }, { "your browser", "video player" },
  { "video unavailable", "video player" }, { "media playback", "video player" },
  { "copyright", "copyright" }, { "\xc2\xa9", "copyright" }, { "(c) 1", "copyright" },
  { "(c) 2", "copyright" }, { "published:", "metadata" }, { "updated:", "metadata" },
  { "last updated", "metadata" }, { "posted:", "metadata" }, { "posted on", "metadata" },
  { "published on", "metadata" }, { "first published", "metadata" },
  { "date:", "metadata" }, { "tags:", "metadata" }, { "topics:", "metadata" },
  { "filed under", "metadata" }, { "source:", "metadata" },
  { NULL, NULL }
};

/* Matched anywhere in short segments; the first in this order wins. */
static const Pattern anywhere[] = {
  { "all rights reserved", "copyright" }, { "\xc2\xa9", "copyright" },
  { "video player", "video player" }, { "javascript", "video player" },
  { "this video can not", "video player" }, { "cannot be played", "video player" },
  { "can not be played", "video player" }, { "may not be published, broadcast", "copyright" },
  { "enter your comment", "call to action" }, { "enter your name", "call to action" },
  { NULL, NULL }
};

/* The first pattern of anywhere[] found in @head (which has @hl bytes and
 * no NUL before them), in one pass over @head instead of one strstr() per
 * pattern. */
static const char *
find_anywhere (const char *head,
               gsize       hl)
{
  /* the patterns starting with a byte, as indices + 1, 0-terminated */
  static guint8 first[256][4];
  /* bit (b1 << 8 | b2): some pattern starts with the bytes b1 b2; most
   * positions fail this one test */
  static guint8 pairs[65536 / 8];
  static gsize plen[G_N_ELEMENTS (anywhere)];
  static gsize init = 0;
  guint best = G_N_ELEMENTS (anywhere) - 1;

  if (g_once_init_enter (&init))
    {
      for (guint k = 0; anywhere[k].pattern != NULL; k++)
        {
          const guchar *pat = (const guchar *) anywhere[k].pattern;
          guint8 *list = first[pat[0]];
          guint j = 0;
          guint pair = (guint) pat[0] << 8 | pat[1];

          while (list[j] != 0)
            j++;
          g_assert (j < G_N_ELEMENTS (first[0]) - 1);
          list[j] = k + 1;
          plen[k] = strlen (anywhere[k].pattern);
          g_assert (plen[k] >= 2);
          pairs[pair / 8] |= 1u << (pair % 8);
        }
      g_once_init_leave (&init, 1);
    }

  for (gsize i = 0; i + 1 < hl; i++)
    {
      guint pair = (guint) (guchar) head[i] << 8 | (guchar) head[i + 1];
      const guint8 *list;

      if (G_LIKELY (!(pairs[pair / 8] & (1u << (pair % 8)))))
        continue;
      list = first[(guchar) head[i]];

      for (; *list != 0; list++)
        {
          guint k = *list - 1;

          if (k < best && plen[k] <= hl - i && head[i + 1] == anywhere[k].pattern[1] &&
              memcmp (head + i, anywhere[k].pattern, plen[k]) == 0)
            best = k;
        }
    }
  return anywhere[best].why;
}

static const char *const agencies[] = {
  "afp", "reuters", "ap", "dpa", "ani", "pti", "ians", "xinhua", "tass", "efe",
  "ansa", "bloomberg", "unn", "ria novosti", "afp/reuters", "reuters/afp",
  "ap/afp", "afp/ap", "agencies", "with agencies", "staff", "bbc", "cnn",
  "anadolu", "anadolu agency", "aa", "interfax", "ukrinform", "yonhap", "kyodo",
  "associated press", "agence france-presse", "agence france presse", "upi",
  "sputnik", "irna", "wafa", "apa", "bernama", "ptv", "cna", "ntb", "tt", "lusa",
  "afp-jiji", "jiji", "nyt", "the associated press", "staff reporter",
  "news desk", "web desk", "online desk", NULL
};

static const char *const social[] = {
  "whatsapp", "twitter", "facebook", "instagram", "telegram", "youtube",
  "tiktok", "linkedin", "threads", "bluesky", "x", "google news", "snapchat",
  "pinterest", "viber", "reddit", NULL
};

static const char *const caption_labels[] = {
  "picture", "pic", "pics", "photo", "photos", "image", "images", "photograph",
  "caption", "gallery", "video", "media", "watch", "footage", NULL
};

static const char *const link_label_starts[] = {
  "read", "see", "also", "related", "more", "learn", "recommended", "latest",
  "watch", "listen", "explore", "discover", "trending", "popular", "top",
  "further", "other", "editor's", "editors", NULL
};

static const char *const credit_words[] = {
  "getty", "via ", "photo", "image", "pic", "credit", "shutterstock",
  "handout", "courtesy", "/ap", "/afp", "/reuters", "ap/", "epa", "file",
  "pool", "supplied", "screengrab", "screenshot", "illustration", "reuters/",
  "afp/", NULL
};

/* The prefixes that can match a head starting with @c, in their order:
 * the index of the first, then prefix_next[i] until the end of the list. */
static guint8 prefix_next[G_N_ELEMENTS (prefixes)];

static guint
prefix_index (guchar c)
{
  static guint8 first[256];
  static gsize init = 0;

  G_STATIC_ASSERT (G_N_ELEMENTS (prefixes) < 256);
  if (g_once_init_enter (&init))
    {
      guint n = G_N_ELEMENTS (prefixes) - 1;

      for (guint b = 0; b < 256; b++)
        first[b] = n;
      for (guint i = n; i-- > 0;)
        {
          guchar b = prefixes[i].pattern[0];
          prefix_next[i] = first[b];
          first[b] = i;
        }
      prefix_next[n] = n;
      g_once_init_leave (&init, 1);
    }
  return first[c];
}

static gboolean
match_word_prefix (const char *low,
                   gsize       n,
                   const char *pat)
{
  gsize pl;

  /* most candidates differ at the second byte: no strlen () for them */
  if (n < 2 || low[1] != pat[1])
    return n == 1 && pat[1] == '\0';
  pl = strlen (pat);

  if (pl > n || memcmp (low, pat, pl) != 0)
    return FALSE;
  if (pl == n)
    return TRUE;
  if (g_ascii_isalpha (pat[pl - 1]) && g_ascii_isalpha (low[pl]))
    return FALSE;
  return TRUE;
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

/* byte classes for fold () and shape_of () */
enum
{
  B_SPACE = 1 << 0,   /* ' ', '\t', '\n', '\r' */
  B_ALPHA = 1 << 1,   /* ASCII letter */
  B_DIGIT = 1 << 2,   /* ASCII digit */
};

static guint8 byte_class[256];
static guchar byte_lower[256];

static void
init_byte_tables (void)
{
  static gsize init = 0;

  if (g_once_init_enter (&init))
    {
      for (guint c = 0; c < 256; c++)
        {
          byte_lower[c] = (c >= 'A' && c <= 'Z') ? c + 32 : c;
          byte_class[c] = (c == ' ' || c == '\t' || c == '\n' || c == '\r' ? B_SPACE : 0) |
                          (c < 0x80 && g_ascii_isalpha (c) ? B_ALPHA : 0) |
                          (c < 0x80 && g_ascii_isdigit (c) ? B_DIGIT : 0);
        }
      g_once_init_leave (&init, 1);
    }
}

/* Copies [s, e) to @buf, ASCII-lower-cased, with runs of white space
 * collapsed. */
static gsize
fold (const char *s,
      const char *e,
      char       *buf,
      gsize       size)
{
  gsize j = 0;
  gboolean space = FALSE;
  const guchar *p = (const guchar *) s;
  const guchar *end = (const guchar *) e;

  for (; p < end && j < size - 1; p++)
    {
      guchar c = *p;
      if (byte_class[c] & B_SPACE)
        {
          space = TRUE;
          continue;
        }
      if (G_UNLIKELY (space))
        {
          if (j > 0 && j < size - 2)
            buf[j++] = ' ';
          space = FALSE;
        }
      buf[j++] = byte_lower[c];
    }
  buf[j] = '\0';
  return j;
}

typedef struct
{
  guint words;
  guint cap_words;
  guint connector_words;
  gboolean has_alnum;
  gboolean has_digit;
  gboolean ends_terminal;
  gboolean ends_colon;
} Shape;

static Shape
shape_of (const char *s,
          const char *e)
{
  Shape sh = { 0, };
  gboolean in_word = FALSE;
  const guchar *p = (const guchar *) s;
  const guchar *end = (const guchar *) e;
  gunichar lastc = 0;

  /* words (up to 64), capitalised words, digits */
  while (p < end && sh.words <= 64)
    {
      int n;
      gunichar c;
      gboolean alnum, upper, digit;

      /* ASCII fast path: the same as below for a character < 0x80 */
      if (*p < 0x80)
        {
          guchar b = *p;
          guint cls = byte_class[b];

          if (!(cls & (B_ALPHA | B_DIGIT)))
            {
              if (b != '\'' && b != '-')
                in_word = FALSE;
              p++;
              continue;
            }
          if (in_word)
            {
              /* the rest of the word */
              guint seen = 0;
              while (p < end && (byte_class[*p] & (B_ALPHA | B_DIGIT)))
                seen |= byte_class[*p++];
              if (seen & B_DIGIT)
                sh.has_digit = TRUE;
              continue;
            }
          /* the start of a word: what the general case below does */
          sh.has_alnum = TRUE;
          sh.words++;
          if (cls & B_DIGIT)
            {
              sh.has_digit = TRUE;
              sh.cap_words++;
            }
          else if (b <= 'Z')
            sh.cap_words++;
          else if ((b == 'o' && p + 2 <= end && p[1] == 'f') ||
                   (b == 'a' && p + 3 <= end && p[1] == 'n' && p[2] == 'd') ||
                   (b == 't' && p + 3 <= end && p[1] == 'h' && p[2] == 'e') ||
                   (b == 'i' && p + 2 <= end && p[1] == 'n') ||
                   (b == 'd' && p + 2 <= end && p[1] == 'e'))
            sh.connector_words++;
          in_word = TRUE;
          p++;
          continue;
        }
      c = crb_utf8_decode (p, end, &n);
      if (c < 0x80)
        {
          alnum = g_ascii_isalnum (c);
          upper = c >= 'A' && c <= 'Z';
          digit = g_ascii_isdigit (c);
        }
      else
        {
          alnum = g_unichar_isalnum (c);
          upper = crb_unichar_is_upper_or_title (c);
          digit = g_unichar_isdigit (c);
        }
      if (alnum)
        {
          sh.has_alnum = TRUE;
          if (digit)
            sh.has_digit = TRUE;
          if (!in_word)
            {
              sh.words++;
              if (upper || digit)
                sh.cap_words++;
              else if ((p + 2 <= end && memcmp (p, "of", 2) == 0) ||
                       (p + 3 <= end && memcmp (p, "and", 3) == 0) ||
                       (p + 3 <= end && memcmp (p, "the", 3) == 0) ||
                       (p + 2 <= end && memcmp (p, "in", 2) == 0) ||
                       (p + 2 <= end && memcmp (p, "de", 2) == 0))
                sh.connector_words++;
            }
          in_word = TRUE;
        }
      else if (c != '\'' && c != 0x2019 && c != '-')
        in_word = FALSE;
      p += n;
    }
  /* a long segment: letters and digits further on do not matter, but
   * has_alnum must still be exact */
  while (!sh.has_alnum && p < end)
    {
      int n;
      gunichar c = crb_utf8_decode (p, end, &n);
      if (c < 0x80 ? g_ascii_isalnum (c) : g_unichar_isalnum (c))
        sh.has_alnum = TRUE;
      p += n;
    }

  /* the last character, skipping closing quotes and brackets */
  p = end;
  while (p > (const guchar *) s)
    {
      int n;
      gunichar c;
      const guchar *q = p - 1;
      while (q > (const guchar *) s && (*q & 0xC0) == 0x80)
        q--;
      c = crb_utf8_decode (q, end, &n);
      p = q;
      if (c == '"' || c == '\'' || c == 0x201D || c == 0x2019 || c == ')' ||
          c == 0x00BB || crb_unichar_is_space (c))
        continue;
      lastc = c;
      break;
    }
  sh.ends_terminal = lastc == '.' || lastc == '!' || lastc == '?' || lastc == 0x2026;
  sh.ends_colon = lastc == ':';
  return sh;
}

/* "By John Smith", "By John Smith and Jane Doe, Reuters" */
static gboolean
is_byline (const char *s,
           gsize       n,
           const Shape *sh)
{
  if (n < 4 || !(s[0] == 'B' && (s[1] == 'y' || s[1] == 'Y') && s[2] == ' '))
    return FALSE;
  if (sh->words < 2 || sh->words > 9 || sh->ends_terminal)
    return FALSE;
  /* all words but "By" and connectors capitalised */
  return sh->cap_words + sh->connector_words >= sh->words;
}

static gboolean
is_author_box (const char *low,
               const Shape *sh)
{
  static const char *const roles[] = {
    "reporter", "correspondent", "journalist", "writer", "editor", "columnist",
    "contributor", "producer", "freelance", "staff writer", "intern", NULL
  };
  const char *is;

  if (sh->words > 40 || sh->cap_words < 2)
    return FALSE;
  is = strstr (low, " is a ");
  if (is == NULL)
    is = strstr (low, " is the ");
  if (is == NULL || is - low > 40)
    return FALSE;
  for (guint i = 0; roles[i] != NULL; i++)
    {
      const char *r = strstr (is, roles[i]);
      if (r != NULL && r - is < 40)
        return TRUE;
    }
  return FALSE;
}

const char *
crb_boilerplate_classify (const char          *text,
                          const CrbRawSegment *raw,
                          int                 *label_kind,
                          gboolean            *is_credit)
{
  const char *s = text + raw->start;
  const char *e = text + raw->end;
  gsize n = raw->end - raw->start;
  gboolean whole_line = (raw->flags & CRB_SEG_LINE_START) && (raw->flags & CRB_SEG_LINE_END);
  char head[HEAD_BYTES + 1];
  char tail[TAIL_BYTES + 1];
  gsize hl, tl;
  Shape sh;

  *label_kind = CRB_LABEL_NONE;
  *is_credit = FALSE;
  init_byte_tables ();

  if (raw->flags & CRB_SEG_METADATA)
    return "metadata";

  sh = shape_of (s, e);
  if (!sh.has_alnum)
    return "punctuation only";

  /* "(Reporting by ...)", "[Photo: ...]" */
  {
    const char *b = s;
    while (b < e && (*b == '(' || *b == '[' || *b == ' '))
      b++;
    hl = fold (b, e, head, n <= HEAD_BYTES ? sizeof head : 48);
  }
  /* the end of the segment matters only for credits: "... Pic: AP",
   * "... (Getty Images)", "... on WhatsApp" */
  tl = 0;
  tail[0] = '\0';
  if (e[-1] == ')' || memchr (n > 48 ? e - 48 : s, ':', n > 48 ? 48 : n) != NULL ||
      (whole_line && sh.words <= 8))
    tl = fold (n > TAIL_BYTES ? e - TAIL_BYTES : s, e, tail, sizeof tail);

  /* caption label "Picture:" / link-list label "Read more from Sky News:" */
  if (sh.ends_colon && sh.words <= 6 && !sh.has_digit && (raw->flags & CRB_SEG_LINE_END))
    {
      char first[24];
      gsize j = 0;
      while (j < hl && j < sizeof first - 1 && (g_ascii_isalpha (head[j]) || head[j] == '\''))
        {
          first[j] = head[j];
          j++;
        }
      first[j] = '\0';
      if (sh.words <= 2 && str_in (first, caption_labels))
        {
          *label_kind = CRB_LABEL_CAPTION;
          return "caption";
        }
      if (str_in (first, link_label_starts))
        {
          *label_kind = CRB_LABEL_LINKS;
          return "related links";
        }
      if (whole_line)
        {
          *label_kind = CRB_LABEL_CONTENT;
          return "label";
        }
    }

  /* lone agency name, possibly in brackets or after a dash */
  if (sh.words <= 4 && hl < 40)
    {
      char core[48];
      gsize j = 0;
      for (gsize i = 0; i < hl && j < sizeof core - 1; i++)
        {
          char c = head[i];
          if (g_ascii_isalnum (c) || c == '/' || c == '-' || (c == ' ' && j > 0) || c == '\'')
            core[j++] = c;
        }
      while (j > 0 && (core[j - 1] == ' ' || core[j - 1] == '-'))
        j--;
      core[j] = '\0';
      {
        gsize k = 0;
        while (core[k] == '-' || core[k] == ' ')
          k++;
        if (str_in (core + k, agencies))
          return "agency credit";
      }
    }

  for (guint i = prefix_index ((guchar) head[0]); prefixes[i].pattern != NULL; i = prefix_next[i])
    {
      if (match_word_prefix (head, hl, prefixes[i].pattern))
        {
          /* "Pic: AP" is a credit for the sentence before it */
          if (strcmp (prefixes[i].why, "photo credit") == 0 && sh.words <= 8)
            *is_credit = TRUE;
          /* "Source: ..." and "Please ..." only as short lines */
          if ((strcmp (prefixes[i].pattern, "source:") == 0 ||
               strcmp (prefixes[i].pattern, "please ") == 0) && sh.words > 25)
            continue;
          return prefixes[i].why;
        }
    }

  if (n <= 120)
    {
      /* strstr () stopped at a NUL in the text */
      const char *why = find_anywhere (head, strlen (head));
      if (why != NULL)
        return why;
    }

  if (is_byline (s, n, &sh))
    return "byline";
  if (n <= HEAD_BYTES && whole_line && is_author_box (head, &sh))
    return "author box";
  /* "Alex Rossi - Middle East correspondent", "@alexrossiSKY" */
  if (whole_line && !sh.ends_terminal && sh.words <= 8 && n <= HEAD_BYTES)
    {
      static const char *const roles[] = {
        "correspondent", "reporter", "editor", "writer", "journalist", "columnist",
        "contributor", "producer", "presenter", "analyst", NULL
      };
      for (guint i = 0; roles[i] != NULL; i++)
        if (g_str_has_suffix (head, roles[i]))
          return "author box";
      if (head[0] == '@' && sh.words <= 2)
        return "social handle";
    }

  /* trailing credit: "... Pic: AP", "... (Getty Images)" */
  {
    const char *pic = NULL;
    const char *cands[] = { " pic: ", " picture: ", " photo: ", " image: ", " credit: ", NULL };
    for (guint i = 0; cands[i] != NULL && pic == NULL && memchr (tail, ':', tl) != NULL; i++)
      {
        const char *f = strstr (tail, cands[i]);
        if (f != NULL && (gsize) (tail + tl - f) < 40)
          pic = f;
      }
    if (pic != NULL)
      {
        *is_credit = TRUE;
        return "caption";
      }
    if (tl > 2 && tail[tl - 1] == ')')
      {
        const char *open = strrchr (tail, '(');
        if (open != NULL && (gsize) (tail + tl - open) <= 80)
          {
            g_autofree char *inner = g_strndup (open, tail + tl - open);
            for (guint i = 0; credit_words[i] != NULL; i++)
              if (strstr (inner, credit_words[i]) != NULL)
                {
                  *is_credit = TRUE;
                  return open == tail ? "photo credit" : "caption";
                }
          }
      }
  }

  /* calls to follow on social networks: "Follow Sky News on WhatsApp" */
  if (whole_line && sh.words <= 8 && !sh.has_digit)
    {
      for (guint i = 0; social[i] != NULL; i++)
        {
          gsize sl = strlen (social[i]);
          if (tl > sl + 4 && memcmp (tail + tl - sl, social[i], sl) == 0 &&
              memcmp (tail + tl - sl - 4, " on ", 4) == 0)
            return "call to action";
        }
    }
  if (whole_line && !sh.ends_terminal && sh.words <= 30 && strstr (head, " by following ") != NULL)
    return "call to action";

  /* related-article list items */
  if ((raw->flags & CRB_SEG_LIST_ITEM) && (raw->flags & CRB_SEG_LINE_START) &&
      !sh.ends_terminal && sh.words <= 20)
    return "related headline";

  /* short section headings ("Details", "HelpHelp") */
  if (whole_line && !sh.ends_terminal && sh.words <= 4 && !(sh.has_digit && sh.words >= 3))
    return "heading";

  return NULL;
}
