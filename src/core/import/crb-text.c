/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-text.c: turning imported files into clean UTF-8 article text
 *
 * Everything here works on untrusted input: every function must accept
 * arbitrary bytes without crashing and run in linear time.
 */

#define G_LOG_DOMAIN "crb-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-text.h"
#include "crb-error.h"

#include <string.h>

void
crb_text_meta_clear (CrbTextMeta *meta)
{
  if (meta == NULL)
    return;

  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->outlet, g_free);
  g_clear_pointer (&meta->url, g_free);
  g_clear_pointer (&meta->date, g_free);
  g_clear_pointer (&meta->author, g_free);
}

/* Sets *field to a copy of value unless it is already set or value is
 * empty.  Callers' values win over whatever we find in the file. */
static void
meta_set (char       **field,
          const char  *value)
{
  if (*field != NULL || value == NULL || *value == '\0')
    return;

  *field = g_strdup (value);
}

static inline gboolean
is_ascii_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Collapses runs of white space (including U+00A0) into single spaces and
 * strips both ends.  Used for titles and attribute values. */
static char *
collapse_whitespace (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));
  gboolean space = FALSE;

  for (const char *p = s; *p != '\0'; p++)
    {
      if (is_ascii_space (*p))
        {
          space = TRUE;
          continue;
        }
      if ((guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
        {
          space = TRUE;
          p++;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* ISO dates                                                            */
/* ------------------------------------------------------------------ */

static gboolean
digits (const char *s,
        guint       n,
        guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* Returns the length of an ISO 8601 date ("YYYY-MM-DD") or date-time
 * ("YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH[:MM]]", the "T" may be a space) at
 * the start of s, or 0. */
static gsize
match_iso_datetime (const char *s)
{
  guint year, month, day, hour, minute, second;
  gsize n, t;

  if (!digits (s, 4, &year) || s[4] != '-' ||
      !digits (s + 5, 2, &month) || s[7] != '-' ||
      !digits (s + 8, 2, &day))
    return 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31)
    return 0;
  if (g_ascii_isdigit (s[10]))
    return 0;
  n = 10;

  if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !digits (s + 11, 2, &hour) || s[13] != ':' ||
      !digits (s + 14, 2, &minute) || hour > 24 || minute > 59)
    return n;
  t = 16;
  if (s[t] == ':' && digits (s + t + 1, 2, &second) && second <= 60)
    {
      t += 3;
      if ((s[t] == '.' || s[t] == ',') && g_ascii_isdigit (s[t + 1]))
        {
          t++;
          while (g_ascii_isdigit (s[t]))
            t++;
        }
    }
  if (s[t] == 'Z' || s[t] == 'z')
    t++;
  else if ((s[t] == '+' || s[t] == '-') && digits (s + t + 1, 2, &hour))
    {
      t += 3;
      if (s[t] == ':' && digits (s + t + 1, 2, &minute))
        t += 3;
      else if (digits (s + t, 2, &minute))
        t += 2;
    }
  if (g_ascii_isalnum (s[t]))
    return n;

  return t;
}

/* Copies an ISO date-time of length n, writing the time separator as "T". */
static char *
iso_dup (const char *s,
         gsize       n)
{
  char *r = g_strndup (s, n);

  if (n > 10)
    r[10] = 'T';
  return r;
}

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun",
  "jul", "aug", "sep", "oct", "nov", "dec",
};

/* Turns the common ways of writing a date into ISO 8601: ISO itself,
 * "2024/05/24", "24.05.2024", "24 May 2024", "May 24, 2024" and
 * "Friday, 24 May 2024".  Returns NULL for anything else (including
 * the ambiguous "05/06/2024"). */
static char *
parse_date (const char *value)
{
  g_autofree char *v = g_strstrip (g_strdup (value));
  guint a, b, c;
  gsize n;
  guint year = 0, month = 0, day = 0, n_numbers = 0;
  guint numbers[3];
  const char *p;

  n = match_iso_datetime (v);
  if (n > 0 && v[n] == '\0')
    return iso_dup (v, n);

  if (digits (v, 4, &a) && (v[4] == '/' || v[4] == '.') &&
      digits (v + 5, 2, &b) && v[7] == v[4] && digits (v + 8, 2, &c) && v[10] == '\0')
    {
      year = a, month = b, day = c;
      goto done;
    }
  if (digits (v, 2, &a) && v[2] == '.' && digits (v + 3, 2, &b) && v[5] == '.' &&
      digits (v + 6, 4, &c) && v[10] == '\0')
    {
      day = a, month = b, year = c;
      goto done;
    }

  /* Words and numbers: one month name, a day and a four-digit year. */
  p = v;
  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          guint x = 0, len = 0;

          while (g_ascii_isdigit (*p) && len < 6)
            x = x * 10 + (guint) (*p++ - '0'), len++;
          if (g_ascii_isdigit (*p) || n_numbers == 3)
            return NULL;
          numbers[n_numbers++] = x;
          /* ordinal suffixes: 1st, 2nd, 24th */
          if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]) && !g_ascii_isalpha (p[2]) &&
              (g_ascii_strncasecmp (p, "st", 2) == 0 || g_ascii_strncasecmp (p, "nd", 2) == 0 ||
               g_ascii_strncasecmp (p, "rd", 2) == 0 || g_ascii_strncasecmp (p, "th", 2) == 0))
            p += 2;
        }
      else if (g_ascii_isalpha (*p))
        {
          const char *w = p;
          gsize len;
          gboolean known = FALSE;

          while (g_ascii_isalpha (*p))
            p++;
          len = (gsize) (p - w);
          for (guint i = 0; i < G_N_ELEMENTS (month_names) && len >= 3; i++)
            if (g_ascii_strncasecmp (w, month_names[i], 3) == 0)
              {
                if (month != 0)
                  return NULL;
                month = i + 1;
                known = TRUE;
                break;
              }
          if (!known && len >= 3 &&
              (g_ascii_strncasecmp (w, "mon", 3) == 0 || g_ascii_strncasecmp (w, "tue", 3) == 0 ||
               g_ascii_strncasecmp (w, "wed", 3) == 0 || g_ascii_strncasecmp (w, "thu", 3) == 0 ||
               g_ascii_strncasecmp (w, "fri", 3) == 0 || g_ascii_strncasecmp (w, "sat", 3) == 0 ||
               g_ascii_strncasecmp (w, "sun", 3) == 0))
            known = TRUE;
          if (!known)
            return NULL;
        }
      else if (*p == ' ' || *p == ',' || *p == '.' || *p == '-')
        p++;
      else
        return NULL;
    }
  if (month == 0 || n_numbers != 2)
    return NULL;
  if (numbers[0] >= 1000 && numbers[1] <= 31)
    year = numbers[0], day = numbers[1];
  else if (numbers[1] >= 1000 && numbers[0] <= 31)
    year = numbers[1], day = numbers[0];
  else
    return NULL;

done:
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* ------------------------------------------------------------------ */
/* Decoding                                                             */
/* ------------------------------------------------------------------ */

static const char *
name_or_default (const char *display_name)
{
  return display_name != NULL && *display_name != '\0' ? display_name : "input";
}

typedef struct
{
  const char *bytes;
  gsize       len;
} Magic;

static const Magic binary_magics[] = {
  { "\x89PNG\r\n\x1a\n", 8 },
  { "\xff\xd8\xff", 3 },                          /* JPEG */
  { "%PDF-", 5 },
  { "PK\x03\x04", 4 }, { "PK\x05\x06", 4 }, { "PK\x07\x08", 4 }, /* ZIP, OOXML, ODF, EPUB */
  { "\x1f\x8b", 2 },                              /* gzip */
  { "\x7f" "ELF", 4 },
  { "GIF87a", 6 }, { "GIF89a", 6 },
  { "\xfd" "7zXZ", 5 },                           /* xz */
  { "7z\xbc\xaf\x27\x1c", 6 },
  { "Rar!\x1a\x07", 6 },
  { "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8 },      /* OLE2: .doc, .xls, .msg */
  { "\x28\xb5\x2f\xfd", 4 },                      /* zstd */
};

static gboolean
has_binary_magic (const guchar *data,
                  gsize         len)
{
  for (guint i = 0; i < G_N_ELEMENTS (binary_magics); i++)
    if (len >= binary_magics[i].len &&
        memcmp (data, binary_magics[i].bytes, binary_magics[i].len) == 0)
      return TRUE;
  return FALSE;
}

/* Raw bytes: any NUL, or more than 5 % C0 controls other than
 * \t \n \r \f (DEL counts too), means binary.  Text in any of the
 * single-byte encodings we accept keeps these bytes unchanged, so the
 * test is valid before decoding. */
static gboolean
bytes_look_binary (const guchar *data,
                   gsize         len)
{
  gsize controls = 0;

  if (memchr (data, '\0', len) != NULL)
    return TRUE;
  for (gsize i = 0; i < len; i++)
    {
      guchar c = data[i];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') || c == 0x7f)
        controls++;
    }
  return controls * 20 > len;
}

static gboolean
is_weird_char (gunichar c)
{
  GUnicodeType type;

  if (c < 0x20)
    return c != '\t' && c != '\n' && c != '\r' && c != '\f';
  if (c >= 0x7f && c < 0xa0)
    return TRUE;
  if ((c & 0xfffe) == 0xfffe || (c >= 0xfdd0 && c <= 0xfdef))
    return TRUE;
  type = g_unichar_type (c);
  return type == G_UNICODE_UNASSIGNED || type == G_UNICODE_PRIVATE_USE ||
         type == G_UNICODE_SURROGATE;
}

/* Decoded text: more than 5 % control characters, noncharacters,
 * unassigned or private-use code points means binary data that happened
 * to decode (typically random bytes behind a UTF-16 byte order mark). */
static gboolean
text_looks_binary (const char *text,
                   gsize       len)
{
  gsize n = 0, weird = 0;

  if (memchr (text, '\0', len) != NULL)
    return TRUE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      n++;
      if (is_weird_char (g_utf8_get_char (p)))
        weird++;
    }
  return weird * 20 > n;
}

static gboolean
text_is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xfeff && c != 0x200b)
        return FALSE;
    }
  return TRUE;
}

/* Final checks shared by all decoding paths; takes ownership of text. */
static char *
finish_decoded (char        *text,
                gsize        len,
                const char  *name,
                GError     **error)
{
  if (text_looks_binary (text, len))
    {
      g_free (text);
      g_set_error (error, CRB_ERROR, CRB_ERROR_BINARY,
                   _("%s: this is binary data, not text"), name);
      return NULL;
    }
  if (text_is_blank (text))
    {
      g_free (text);
      g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY,
                   _("%s: the file contains only white space"), name);
      return NULL;
    }
  return text;
}

/* UTF-16 without a byte order mark: only recognised when it is mostly
 * Latin text, i.e. when at least 70 % of the bytes at one parity are zero
 * and almost none at the other.  Returns the charset or NULL. */
static const char *
guess_bomless_utf16 (const guchar *data,
                     gsize         len)
{
  gsize n = MIN (len, 4096) & ~(gsize) 1;
  gsize zero_even = 0, zero_odd = 0;

  if (n < 4 || len % 2 != 0)
    return NULL;
  for (gsize i = 0; i < n; i += 2)
    {
      zero_even += data[i] == 0;
      zero_odd += data[i + 1] == 0;
    }
  if (zero_odd * 10 >= (n / 2) * 7 && zero_even * 20 <= n / 2)
    return "UTF-16LE";
  if (zero_even * 10 >= (n / 2) * 7 && zero_odd * 20 <= n / 2)
    return "UTF-16BE";
  return NULL;
}

static char *
convert_unicode (const guchar  *data,
                 gsize          len,
                 const char    *charset,
                 const char    *name,
                 GError       **error)
{
  gsize out_len = 0;
  char *out;

  out = g_convert ((const char *) data, (gssize) len, "UTF-8", charset, NULL, &out_len, NULL);
  if (out == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_ENCODING,
                   _("%s: the file starts like %s text but is not valid %s; convert the file to UTF-8"),
                   name, charset, charset);
      return NULL;
    }
  return finish_decoded (out, out_len, name, error);
}

/*
 * Legacy single-byte encodings.
 *
 * The heuristic converts the bytes with each candidate charset and looks
 * at the non-ASCII characters of the result (in these charsets every byte
 * >= 0x80 becomes exactly one non-ASCII character, every ASCII byte stays
 * itself).  Evidence against a candidate ("hard" points, one per offending
 * character):
 *
 *  - conversion fails (undefined byte) or yields a C1 control: rejected;
 *  - a word mixes scripts (Latin and Cyrillic letters, e.g. "Cafй" is
 *    windows-1252 "Café" read as windows-1251);
 *  - a Latin word of two or more letters that are all non-ASCII
 *    ("Ïðèâåò" is windows-1251 "Привет" read as windows-1252); real
 *    European languages always mix in ASCII letters;
 *  - a lower-case letter followed by an upper-case one inside a word
 *    ("пРИВЕТ", typical of KOI8-R read as windows-1251 and vice versa);
 *  - a non-ASCII symbol glued between two letters ("pó³noc", Polish
 *    windows-1250 read as windows-1252); apostrophes, dashes and the
 *    middle dot are allowed;
 *  - a Cyrillic reading whose only Cyrillic words are single letters
 *    ("а la carte").
 *
 * A candidate is plausible when hard points are at most 5 % of its
 * non-ASCII characters.  Among plausible candidates the lowest cost wins:
 * hard points, plus "soft" points from
 *
 *  - Latin readings: 0.5 per non-ASCII letter outside the alphabet of the
 *    best-fitting single language (Czech "Děkuji" read as windows-1252
 *    gives "Dìkuji", whose "ì" fits Italian, but then "ř" → "ø" and
 *    "ý" fit no language together with it);
 *  - Cyrillic readings: Russian letter frequencies, which separate
 *    windows-1251 from KOI8-R (the two put upper and lower case the other
 *    way round and order the alphabet differently);
 *  - a small prior preferring windows-1252, then windows-1251, KOI8-R,
 *    windows-1250 and ISO-8859-2, which decides between readings that fit
 *    equally well (e.g. German text is identical in windows-1252 and
 *    windows-1250).
 *
 * If no candidate is plausible, the caller refuses the file rather than
 * guessing.
 */

typedef struct
{
  const char *charset;
  const char *label;
  double      prior;
} LegacyCandidate;

static const LegacyCandidate legacy_candidates[] = {
  { "CP1252", "windows-1252", 0.0 },
  { "CP1251", "windows-1251", 0.05 },
  { "KOI8-R", "KOI8-R", 0.2 },
  { "CP1250", "windows-1250", 0.3 },
  { "ISO-8859-2", "ISO-8859-2", 0.4 },
};

typedef struct
{
  gboolean usable;
  gsize    n_high;
  double   hard;
  double   soft;
} LegacyScore;

/* Non-ASCII lower-case letters of languages written in these charsets. */
static const char * const latin_alphabets[] = {
  "àâæçéèêëîïôœùûüÿ",          /* French */
  "äöüß",                        /* German */
  "áéíóúñü",                     /* Spanish */
  "áâãàçéêíóôõúü",               /* Portuguese */
  "àèéìíîòóùú",                  /* Italian */
  "àçéèíïòóúü·",                 /* Catalan */
  "éëïóöüèáê",                   /* Dutch */
  "åæøäöéü",                     /* Danish, Norwegian, Swedish */
  "áðéíóúýþæö",                  /* Icelandic */
  "äöåšž",                       /* Finnish */
  "áčďéěíňóřšťúůýž",             /* Czech */
  "áäčďéíĺľňóôŕšťúýž",           /* Slovak */
  "ąćęłńóśźż",                   /* Polish */
  "áéíóöőúüű",                   /* Hungarian */
  "čćđšž",                       /* Croatian, Slovene, Bosnian */
  "ăâîșțşţ",                     /* Romanian */
  "ëç",                          /* Albanian */
  "çğıöşü",                      /* Turkish (partly) */
};

/* Russian letter frequencies, а..я then ё. */
static const double russian_frequencies[33] = {
  0.0801, 0.0159, 0.0454, 0.0170, 0.0298, 0.0845, 0.0094, 0.0165,
  0.0735, 0.0121, 0.0349, 0.0440, 0.0321, 0.0670, 0.1097, 0.0281,
  0.0473, 0.0547, 0.0626, 0.0262, 0.0026, 0.0097, 0.0048, 0.0144,
  0.0073, 0.0036, 0.0004, 0.0190, 0.0174, 0.0032, 0.0064, 0.0201,
  0.0004,
};

static double
cyrillic_frequency (gunichar lower)
{
  if (lower >= 0x430 && lower <= 0x44f)
    return russian_frequencies[lower - 0x430];
  if (lower == 0x451)
    return russian_frequencies[32];
  if (lower == 0x456 || lower == 0x457 || lower == 0x454 || lower == 0x491 ||
      lower == 0x45e || lower == 0x458)
    return 0.03;   /* і ї є ґ ў ј: common in Ukrainian, Belarusian, Serbian */
  return 0.0;
}

static gboolean
is_inword_punctuation (gunichar c)
{
  switch (c)
    {
    case 0x00a0:   /* no-break space */
    case 0x00ad:   /* soft hyphen */
    case 0x00b4:   /* acute accent, used as an apostrophe */
    case 0x00b7:   /* middle dot (Catalan l·l) */
    case 0x02bc:
    case 0x2010:
    case 0x2011:
    case 0x2013:
    case 0x2014:
    case 0x2018:
    case 0x2019:
    case 0x2026:
      return TRUE;
    default:
      return FALSE;
    }
}

enum
{
  SCRIPT_LATIN = 1 << 0,
  SCRIPT_CYRILLIC = 1 << 1,
  SCRIPT_OTHER = 1 << 2,
};

static guint
script_of (gunichar c)
{
  GUnicodeScript script;

  if (c < 0x80)
    return SCRIPT_LATIN;

  script = g_unichar_get_script (c);
  if (script == G_UNICODE_SCRIPT_LATIN)
    return SCRIPT_LATIN;
  if (script == G_UNICODE_SCRIPT_CYRILLIC)
    return SCRIPT_CYRILLIC;
  return SCRIPT_OTHER;
}

#define HIST_SIZE 0x500

static void
score_legacy (const gunichar *u,
              glong           n,
              LegacyScore    *score)
{
  g_autofree guint *hist = g_new0 (guint, HIST_SIZE);
  double cyr_sum = 0.0;
  gsize cyr_letters = 0, cyr_long_words = 0, cyr_single_words = 0;
  gsize latin_letters = 0;
  glong i = 0;

  score->usable = TRUE;
  score->n_high = 0;
  score->hard = 0.0;
  score->soft = 0.0;

  while (i < n)
    {
      gunichar c = u[i];
      glong start;
      guint scripts = 0;
      gsize letters, nonascii = 0, flips = 0;

      if (c >= 0x80 && c < 0xa0)
        {
          score->usable = FALSE;
          return;
        }

      if (!g_unichar_isalpha (c))
        {
          if (c >= 0x80)
            {
              score->n_high++;
              if (!is_inword_punctuation (c) && i > 0 && i + 1 < n &&
                  g_unichar_isalpha (u[i - 1]) && g_unichar_isalpha (u[i + 1]))
                score->hard += 1.0;
            }
          i++;
          continue;
        }

      start = i;
      for (; i < n && g_unichar_isalpha (u[i]); i++)
        {
          if (u[i] >= 0x80)
            {
              nonascii++;
              if (u[i] < 0xa0)
                {
                  score->usable = FALSE;
                  return;
                }
            }
          scripts |= script_of (u[i]);
          if (i > start && g_unichar_islower (u[i - 1]) && g_unichar_isupper (u[i]))
            flips++;
        }
      letters = (gsize) (i - start);
      score->n_high += nonascii;

      if (nonascii == 0)
        continue;

      if (scripts != SCRIPT_LATIN && scripts != SCRIPT_CYRILLIC && scripts != SCRIPT_OTHER)
        {
          score->hard += (double) nonascii;
          continue;
        }
      if (scripts == SCRIPT_LATIN && letters >= 2 && nonascii == letters)
        score->hard += (double) nonascii;
      score->hard += (double) flips;

      if (scripts == SCRIPT_CYRILLIC)
        {
          if (letters == 1)
            cyr_single_words++;
          else
            cyr_long_words++;
        }

      for (glong j = start; j < i; j++)
        {
          gunichar lower;

          if (u[j] < 0x80)
            continue;
          lower = g_unichar_tolower (u[j]);
          if (scripts == SCRIPT_CYRILLIC)
            {
              cyr_sum += cyrillic_frequency (lower);
              cyr_letters++;
            }
          else if (scripts == SCRIPT_LATIN)
            {
              latin_letters++;
              if (lower < HIST_SIZE)
                hist[lower]++;
            }
        }
    }

  if (cyr_single_words > 0 && cyr_long_words < cyr_single_words)
    score->hard += (double) cyr_single_words;

  if (latin_letters > 0)
    {
      gsize best = 0;

      for (guint k = 0; k < G_N_ELEMENTS (latin_alphabets); k++)
        {
          gsize covered = 0;

          for (const char *p = latin_alphabets[k]; *p != '\0'; p = g_utf8_next_char (p))
            {
              gunichar a = g_utf8_get_char (p);

              if (a < HIST_SIZE)
                covered += hist[a];
            }
          best = MAX (best, covered);
        }
      score->soft += 0.5 * (double) (latin_letters - best);
    }

  /* Real Russian text averages a letter frequency of about 0.055, a
   * scrambled alphabet about 0.03. */
  if (cyr_letters > 0)
    score->soft += 10.0 * (0.04 * (double) cyr_letters - cyr_sum);
}

static char *
decode_legacy (const guchar  *data,
               gsize          len,
               const char    *name,
               char         **warning,
               GError       **error)
{
  g_autofree char *best_text = NULL;
  gsize best_len = 0;
  const LegacyCandidate *best = NULL;
  double best_cost = 0.0;
  g_autoptr(GString) log = NULL;
  char *text;

  if (!g_log_writer_default_would_drop (G_LOG_LEVEL_DEBUG, G_LOG_DOMAIN))
    log = g_string_new (NULL);

  for (guint k = 0; k < G_N_ELEMENTS (legacy_candidates); k++)
    {
      const LegacyCandidate *cand = &legacy_candidates[k];
      g_autofree char *converted = NULL;
      g_autofree gunichar *u = NULL;
      gsize text_len = 0;
      glong n = 0;
      LegacyScore score;
      double cost;

      converted = g_convert ((const char *) data, (gssize) len, "UTF-8", cand->charset,
                        NULL, &text_len, NULL);
      if (converted == NULL)
        continue;
      u = g_utf8_to_ucs4_fast (converted, (glong) text_len, &n);
      score_legacy (u, n, &score);
      if (log != NULL)
        g_string_append_printf (log, " %s: %s%" G_GSIZE_FORMAT "/%.1f/%.2f;", cand->label,
                                score.usable ? "" : "unusable ", score.n_high, score.hard, score.soft);
      if (!score.usable || score.n_high == 0 || score.hard * 20.0 > (double) score.n_high)
        continue;

      cost = score.hard + score.soft + cand->prior;
      if (best == NULL || cost < best_cost)
        {
          best = cand;
          best_cost = cost;
          g_free (best_text);
          best_text = g_steal_pointer (&converted);
          best_len = text_len;
        }
    }

  if (log != NULL)
    g_debug ("%s: legacy charsets (non-ASCII/hard/soft):%s chose %s", name, log->str,
             best != NULL ? best->label : "none");

  if (best == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_ENCODING,
                   _("%s: the text encoding is not UTF-8 and could not be recognised; "
                   "convert the file to UTF-8"), name);
      return NULL;
    }

  text = finish_decoded (g_steal_pointer (&best_text), best_len, name, error);
  if (text != NULL && warning != NULL)
    *warning = g_strdup_printf (_("%s: not UTF-8; converted from %s"), name, best->label);
  return text;
}

/* Mostly UTF-8 with a few broken bytes (a truncated download, a stray
 * Latin-1 byte pasted into a UTF-8 file): at least two valid multi-byte
 * sequences for every invalid byte.  Legacy text almost never forms valid
 * UTF-8 sequences, so this does not catch it; decoding such a file as a
 * legacy charset instead would turn every correct character into
 * mojibake. */
static gboolean
mostly_utf8 (const guchar *data,
             gsize         len,
             gsize        *n_invalid)
{
  gsize valid = 0, invalid = 0, i = 0;

  while (i < len)
    {
      gunichar c;

      if (data[i] < 0x80)
        {
          i++;
          continue;
        }
      c = g_utf8_get_char_validated ((const char *) data + i, (gssize) (len - i));
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          invalid++;
          i++;
        }
      else
        {
          valid++;
          i += (gsize) g_utf8_skip[data[i]];
        }
    }
  *n_invalid = invalid;
  return valid > 0 && valid >= 2 * invalid;
}

char *
crb_text_decode (GBytes      *bytes,
                 const char  *display_name,
                 char       **warning,
                 GError     **error)
{
  const char *name = name_or_default (display_name);
  const guchar *data = NULL;
  const char *charset = NULL;
  gsize len = 0, skip = 0, n_invalid = 0;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (warning != NULL)
    *warning = NULL;
  if (bytes != NULL)
    data = g_bytes_get_data (bytes, &len);

  if (data == NULL || len == 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: the file is empty"), name);
      return NULL;
    }
  if (has_binary_magic (data, len))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_BINARY, _("%s: this is binary data, not text"), name);
      return NULL;
    }

  /* Byte order marks */
  if (len >= 4 && memcmp (data, "\xff\xfe\0\0", 4) == 0)
    charset = "UTF-32LE", skip = 4;
  else if (len >= 4 && memcmp (data, "\0\0\xfe\xff", 4) == 0)
    charset = "UTF-32BE", skip = 4;
  else if (len >= 2 && data[0] == 0xff && data[1] == 0xfe)
    charset = "UTF-16LE", skip = 2;
  else if (len >= 2 && data[0] == 0xfe && data[1] == 0xff)
    charset = "UTF-16BE", skip = 2;
  if (charset != NULL)
    {
      if (len == skip)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: the file is empty"), name);
          return NULL;
        }
      return convert_unicode (data + skip, len - skip, charset, name, error);
    }
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
      if (len == 0)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: the file is empty"), name);
          return NULL;
        }
    }

  charset = guess_bomless_utf16 (data, len);
  if (charset != NULL)
    {
      char *text = convert_unicode (data, len, charset, name, NULL);

      if (text != NULL)
        {
          if (warning != NULL)
            *warning = g_strdup_printf (_("%s: not UTF-8; converted from %s"), name, charset);
          return text;
        }
    }

  if (bytes_look_binary (data, len))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_BINARY, _("%s: this is binary data, not text"), name);
      return NULL;
    }

  if (g_utf8_validate_len ((const char *) data, len, NULL))
    return finish_decoded (g_strndup ((const char *) data, len), len, name, error);

  if (mostly_utf8 (data, len, &n_invalid))
    {
      char *text = g_utf8_make_valid ((const char *) data, (gssize) len);

      text = finish_decoded (text, strlen (text), name, error);
      if (text != NULL && warning != NULL)
        *warning = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s: not valid UTF-8; %zu invalid byte was replaced by U+FFFD",
                                                 "%s: not valid UTF-8; %zu invalid bytes were replaced by U+FFFD",
                                                 n_invalid),
                                    name, (gsize) n_invalid);
      return text;
    }

  return decode_legacy (data, len, name, warning, error);
}

/* ------------------------------------------------------------------ */
/* HTML                                                                 */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *name;
  gunichar    c;
} Entity;

/* The HTML 4 entity set plus &apos;, sorted by strcmp() for bsearch(). */
static const Entity entities[] = {
  { "AElig", 0x00C6 },
  { "Aacute", 0x00C1 },
  { "Acirc", 0x00C2 },
  { "Agrave", 0x00C0 },
  { "Alpha", 0x0391 },
  { "Aring", 0x00C5 },
  { "Atilde", 0x00C3 },
  { "Auml", 0x00C4 },
  { "Beta", 0x0392 },
  { "Ccedil", 0x00C7 },
  { "Chi", 0x03A7 },
  { "Dagger", 0x2021 },
  { "Delta", 0x0394 },
  { "ETH", 0x00D0 },
  { "Eacute", 0x00C9 },
  { "Ecirc", 0x00CA },
  { "Egrave", 0x00C8 },
  { "Epsilon", 0x0395 },
  { "Eta", 0x0397 },
  { "Euml", 0x00CB },
  { "Gamma", 0x0393 },
  { "Iacute", 0x00CD },
  { "Icirc", 0x00CE },
  { "Igrave", 0x00CC },
  { "Iota", 0x0399 },
  { "Iuml", 0x00CF },
  { "Kappa", 0x039A },
  { "Lambda", 0x039B },
  { "Mu", 0x039C },
  { "Ntilde", 0x00D1 },
  { "Nu", 0x039D },
  { "OElig", 0x0152 },
  { "Oacute", 0x00D3 },
  { "Ocirc", 0x00D4 },
  { "Ograve", 0x00D2 },
  { "Omega", 0x03A9 },
  { "Omicron", 0x039F },
  { "Oslash", 0x00D8 },
  { "Otilde", 0x00D5 },
  { "Ouml", 0x00D6 },
  { "Phi", 0x03A6 },
  { "Pi", 0x03A0 },
  { "Prime", 0x2033 },
  { "Psi", 0x03A8 },
  { "Rho", 0x03A1 },
  { "Scaron", 0x0160 },
  { "Sigma", 0x03A3 },
  { "THORN", 0x00DE },
  { "Tau", 0x03A4 },
  { "Theta", 0x0398 },
  { "Uacute", 0x00DA },
  { "Ucirc", 0x00DB },
  { "Ugrave", 0x00D9 },
  { "Upsilon", 0x03A5 },
  { "Uuml", 0x00DC },
  { "Xi", 0x039E },
  { "Yacute", 0x00DD },
  { "Yuml", 0x0178 },
  { "Zeta", 0x0396 },
  { "aacute", 0x00E1 },
  { "acirc", 0x00E2 },
  { "acute", 0x00B4 },
  { "aelig", 0x00E6 },
  { "agrave", 0x00E0 },
  { "alefsym", 0x2135 },
  { "alpha", 0x03B1 },
  { "amp", 0x0026 },
  { "and", 0x2227 },
  { "ang", 0x2220 },
  { "apos", 0x0027 },
  { "aring", 0x00E5 },
  { "asymp", 0x2248 },
  { "atilde", 0x00E3 },
  { "auml", 0x00E4 },
  { "bdquo", 0x201E },
  { "beta", 0x03B2 },
  { "brvbar", 0x00A6 },
  { "bull", 0x2022 },
  { "cap", 0x2229 },
  { "ccedil", 0x00E7 },
  { "cedil", 0x00B8 },
  { "cent", 0x00A2 },
  { "chi", 0x03C7 },
  { "circ", 0x02C6 },
  { "clubs", 0x2663 },
  { "cong", 0x2245 },
  { "copy", 0x00A9 },
  { "crarr", 0x21B5 },
  { "cup", 0x222A },
  { "curren", 0x00A4 },
  { "dArr", 0x21D3 },
  { "dagger", 0x2020 },
  { "darr", 0x2193 },
  { "deg", 0x00B0 },
  { "delta", 0x03B4 },
  { "diams", 0x2666 },
  { "divide", 0x00F7 },
  { "eacute", 0x00E9 },
  { "ecirc", 0x00EA },
  { "egrave", 0x00E8 },
  { "empty", 0x2205 },
  { "emsp", 0x2003 },
  { "ensp", 0x2002 },
  { "epsilon", 0x03B5 },
  { "equiv", 0x2261 },
  { "eta", 0x03B7 },
  { "eth", 0x00F0 },
  { "euml", 0x00EB },
  { "euro", 0x20AC },
  { "exist", 0x2203 },
  { "fnof", 0x0192 },
  { "forall", 0x2200 },
  { "frac12", 0x00BD },
  { "frac14", 0x00BC },
  { "frac34", 0x00BE },
  { "frasl", 0x2044 },
  { "gamma", 0x03B3 },
  { "ge", 0x2265 },
  { "gt", 0x003E },
  { "hArr", 0x21D4 },
  { "harr", 0x2194 },
  { "hearts", 0x2665 },
  { "hellip", 0x2026 },
  { "iacute", 0x00ED },
  { "icirc", 0x00EE },
  { "iexcl", 0x00A1 },
  { "igrave", 0x00EC },
  { "image", 0x2111 },
  { "infin", 0x221E },
  { "int", 0x222B },
  { "iota", 0x03B9 },
  { "iquest", 0x00BF },
  { "isin", 0x2208 },
  { "iuml", 0x00EF },
  { "kappa", 0x03BA },
  { "lArr", 0x21D0 },
  { "lambda", 0x03BB },
  { "lang", 0x2329 },
  { "laquo", 0x00AB },
  { "larr", 0x2190 },
  { "lceil", 0x2308 },
  { "ldquo", 0x201C },
  { "le", 0x2264 },
  { "lfloor", 0x230A },
  { "lowast", 0x2217 },
  { "loz", 0x25CA },
  { "lrm", 0x200E },
  { "lsaquo", 0x2039 },
  { "lsquo", 0x2018 },
  { "lt", 0x003C },
  { "macr", 0x00AF },
  { "mdash", 0x2014 },
  { "micro", 0x00B5 },
  { "middot", 0x00B7 },
  { "minus", 0x2212 },
  { "mu", 0x03BC },
  { "nabla", 0x2207 },
  { "nbsp", 0x00A0 },
  { "ndash", 0x2013 },
  { "ne", 0x2260 },
  { "ni", 0x220B },
  { "not", 0x00AC },
  { "notin", 0x2209 },
  { "nsub", 0x2284 },
  { "ntilde", 0x00F1 },
  { "nu", 0x03BD },
  { "oacute", 0x00F3 },
  { "ocirc", 0x00F4 },
  { "oelig", 0x0153 },
  { "ograve", 0x00F2 },
  { "oline", 0x203E },
  { "omega", 0x03C9 },
  { "omicron", 0x03BF },
  { "oplus", 0x2295 },
  { "or", 0x2228 },
  { "ordf", 0x00AA },
  { "ordm", 0x00BA },
  { "oslash", 0x00F8 },
  { "otilde", 0x00F5 },
  { "otimes", 0x2297 },
  { "ouml", 0x00F6 },
  { "para", 0x00B6 },
  { "part", 0x2202 },
  { "permil", 0x2030 },
  { "perp", 0x22A5 },
  { "phi", 0x03C6 },
  { "pi", 0x03C0 },
  { "piv", 0x03D6 },
  { "plusmn", 0x00B1 },
  { "pound", 0x00A3 },
  { "prime", 0x2032 },
  { "prod", 0x220F },
  { "prop", 0x221D },
  { "psi", 0x03C8 },
  { "quot", 0x0022 },
  { "rArr", 0x21D2 },
  { "radic", 0x221A },
  { "rang", 0x232A },
  { "raquo", 0x00BB },
  { "rarr", 0x2192 },
  { "rceil", 0x2309 },
  { "rdquo", 0x201D },
  { "real", 0x211C },
  { "reg", 0x00AE },
  { "rfloor", 0x230B },
  { "rho", 0x03C1 },
  { "rlm", 0x200F },
  { "rsaquo", 0x203A },
  { "rsquo", 0x2019 },
  { "sbquo", 0x201A },
  { "scaron", 0x0161 },
  { "sdot", 0x22C5 },
  { "sect", 0x00A7 },
  { "shy", 0x00AD },
  { "sigma", 0x03C3 },
  { "sigmaf", 0x03C2 },
  { "sim", 0x223C },
  { "spades", 0x2660 },
  { "sub", 0x2282 },
  { "sube", 0x2286 },
  { "sum", 0x2211 },
  { "sup", 0x2283 },
  { "sup1", 0x00B9 },
  { "sup2", 0x00B2 },
  { "sup3", 0x00B3 },
  { "supe", 0x2287 },
  { "szlig", 0x00DF },
  { "tau", 0x03C4 },
  { "there4", 0x2234 },
  { "theta", 0x03B8 },
  { "thetasym", 0x03D1 },
  { "thinsp", 0x2009 },
  { "thorn", 0x00FE },
  { "tilde", 0x02DC },
  { "times", 0x00D7 },
  { "trade", 0x2122 },
  { "uArr", 0x21D1 },
  { "uacute", 0x00FA },
  { "uarr", 0x2191 },
  { "ucirc", 0x00FB },
  { "ugrave", 0x00F9 },
  { "uml", 0x00A8 },
  { "upsih", 0x03D2 },
  { "upsilon", 0x03C5 },
  { "uuml", 0x00FC },
  { "weierp", 0x2118 },
  { "xi", 0x03BE },
  { "yacute", 0x00FD },
  { "yen", 0x00A5 },
  { "yuml", 0x00FF },
  { "zeta", 0x03B6 },
  { "zwj", 0x200D },
  { "zwnj", 0x200C },
};

static int
entity_compare (const void *key,
                const void *element)
{
  return strcmp (key, ((const Entity *) element)->name);
}

/* HTML 5 maps &#128;..&#159; through windows-1252. */
static const gunichar c1_remap[32] = {
  0x20ac, 0xfffd, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
  0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0xfffd, 0x017d, 0xfffd,
  0xfffd, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
  0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0xfffd, 0x017e, 0x0178,
};

/* Decodes the character reference at s[0] == '&'.  Returns the number of
 * bytes consumed and stores the character in *c, or returns 0 when s is
 * not a reference we know (the '&' is then literal text). */
static gsize
decode_entity (const char *s,
               gsize       len,
               gunichar   *c)
{
  gsize i;

  if (len < 2)
    return 0;

  if (s[1] == '#')
    {
      gboolean hex = FALSE;
      guint32 value = 0;
      gsize start;

      i = 2;
      if (i < len && (s[i] == 'x' || s[i] == 'X'))
        hex = TRUE, i++;
      start = i;
      for (; i < len; i++)
        {
          int d = hex ? g_ascii_xdigit_value (s[i]) : g_ascii_digit_value (s[i]);

          if (d < 0)
            break;
          value = value * (hex ? 16 : 10) + (guint32) d;
          if (value > 0x10ffff)
            value = 0x110000;   /* saturate: stays invalid, cannot overflow */
        }
      if (i == start)
        return 0;
      if (i < len && s[i] == ';')
        i++;

      if (value == 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff))
        *c = 0xfffd;
      else if (value >= 0x80 && value < 0xa0)
        *c = c1_remap[value - 0x80];
      else
        *c = value;
      return i;
    }
  else
    {
      char name[16];
      const Entity *e;

      for (i = 1; i < len && i <= sizeof name && g_ascii_isalnum (s[i]); i++)
        ;
      if (i == 1 || i - 1 >= sizeof name)
        return 0;
      memcpy (name, s + 1, i - 1);
      name[i - 1] = '\0';

      e = bsearch (name, entities, G_N_ELEMENTS (entities), sizeof entities[0], entity_compare);
      if (e == NULL)
        return 0;
      if (i < len && s[i] == ';')
        {
          *c = e->c;
          return i + 1;
        }
      /* Legacy references without ';' ("&copy 2024"), but not "AT&Tx". */
      if ((i == len || (!g_ascii_isalnum (s[i]) && s[i] != '=')) &&
          (strcmp (name, "amp") == 0 || strcmp (name, "lt") == 0 || strcmp (name, "gt") == 0 ||
           strcmp (name, "quot") == 0 || strcmp (name, "nbsp") == 0 || strcmp (name, "copy") == 0 ||
           strcmp (name, "reg") == 0))
        {
          *c = e->c;
          return i;
        }
      return 0;
    }
}

/* Decodes the character references of an attribute value or <title>,
 * collapses white space and returns NULL for an empty result. */
static char *
decode_value (const char *s,
              gsize       len)
{
  GString *out = g_string_sized_new (len);
  g_autofree char *raw = NULL;
  char *result;
  gsize i = 0;

  while (i < len)
    {
      gunichar c;
      gsize n;

      if (s[i] == '&' && (n = decode_entity (s + i, len - i, &c)) > 0)
        {
          g_string_append_unichar (out, c);
          i += n;
        }
      else
        {
          if (s[i] != '\0')
            g_string_append_c (out, s[i]);
          i++;
        }
    }
  raw = g_string_free (out, FALSE);
  result = collapse_whitespace (raw);
  if (*result == '\0')
    g_clear_pointer (&result, g_free);
  return result;
}

typedef struct
{
  const char *s;
  gsize       len;
  gsize       pos;

  GString    *out;
  gboolean    pending_space;
  guint       pending_break;
  gboolean    skip_newline;     /* right after <pre> */

  guint       pre_depth;
  guint       list_depth;
  guint       template_depth;
  guint       svg_depth;
  guint       math_depth;
  gboolean    in_head;

  GString    *h1;               /* non-NULL while reading the first <h1> */
  char       *h1_text;

  char       *title;
  char       *og_title;
  char       *site_name;
  char       *canonical;
  char       *og_url;
  char       *published;
  char       *date;
  char       *author;

  /* A failed search for a quote character from position p means there is
   * none in [p, len): remembered so that broken markup stays linear. */
  gsize       no_quote_from[2];
} HtmlParser;

static gboolean
html_hidden (HtmlParser *p)
{
  return p->in_head || p->template_depth > 0 || p->svg_depth > 0 || p->math_depth > 0;
}

static void
html_flush (HtmlParser *p)
{
  if (p->out->len == 0)
    {
      p->pending_break = 0;
      p->pending_space = FALSE;
      return;
    }

  if (p->pending_break > 0)
    {
      guint have = 0;

      while (p->out->len > 0 && p->out->str[p->out->len - 1] == ' ')
        g_string_truncate (p->out, p->out->len - 1);
      for (gsize k = p->out->len; k > 0 && p->out->str[k - 1] == '\n' && have < 2; k--)
        have++;
      for (; have < p->pending_break; have++)
        g_string_append_c (p->out, '\n');
    }
  else if (p->pending_space && p->out->len > 0 && p->out->str[p->out->len - 1] != '\n' &&
           p->out->str[p->out->len - 1] != ' ')
    g_string_append_c (p->out, ' ');

  p->pending_break = 0;
  p->pending_space = FALSE;
}

static void
html_break (HtmlParser *p,
            guint       n)
{
  p->pending_break = MAX (p->pending_break, n);
  p->pending_space = FALSE;
}

static void
html_line_break (HtmlParser *p)
{
  if (html_hidden (p))
    return;
  html_flush (p);
  if (p->out->len > 0)
    {
      while (p->out->len > 0 && p->out->str[p->out->len - 1] == ' ')
        g_string_truncate (p->out, p->out->len - 1);
      g_string_append_c (p->out, '\n');
    }
  if (p->h1 != NULL)
    g_string_append_c (p->h1, ' ');
}

/* Adds decoded character data (text or an expanded reference). */
static void
html_add_text (HtmlParser *p,
               const char *s,
               gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      char c = s[i];
      gboolean space = is_ascii_space (c) && c != '\v';
      gboolean nbsp = (guchar) c == 0xc2 && i + 1 < n && (guchar) s[i + 1] == 0xa0;

      if (c == '\0')
        continue;

      if (p->in_head && !space && !nbsp)
        p->in_head = FALSE;   /* text closes an unclosed <head> */
      if (html_hidden (p))
        continue;

      if (p->skip_newline)
        {
          p->skip_newline = FALSE;
          if (c == '\n' || (c == '\r' && !(i + 1 < n && s[i + 1] == '\n')))
            continue;
          if (c == '\r')
            {
              i++;   /* CR LF */
              continue;
            }
        }

      if (nbsp)
        {
          i++;
          c = ' ';
          space = TRUE;
        }

      if (p->h1 != NULL)
        g_string_append_c (p->h1, space ? ' ' : c);

      if (p->pre_depth > 0)
        {
          html_flush (p);
          g_string_append_c (p->out, c);
        }
      else if (space)
        p->pending_space = TRUE;
      else
        {
          html_flush (p);
          g_string_append_c (p->out, c);
        }
    }
}

/* Character data up to the next '<', with references decoded. */
static void
html_text_run (HtmlParser *p,
               gsize       end)
{
  gsize i = p->pos, run = p->pos;

  while (i < end)
    {
      gunichar c;
      gsize n;

      if (p->s[i] == '&' && (n = decode_entity (p->s + i, end - i, &c)) > 0)
        {
          char buf[8];
          gint len;

          html_add_text (p, p->s + run, i - run);
          len = g_unichar_to_utf8 (c, buf);
          html_add_text (p, buf, (gsize) len);
          i += n;
          run = i;
        }
      else
        i++;
    }
  html_add_text (p, p->s + run, end - run);
  p->pos = end;
}

static gsize
html_find_char (HtmlParser *p,
                gsize       from,
                char        c)
{
  const char *hit;

  if (from >= p->len)
    return p->len;
  hit = memchr (p->s + from, c, p->len - from);
  return hit != NULL ? (gsize) (hit - p->s) : p->len;
}

/* Finds the end of a quoted attribute value, or G_MAXSIZE. */
static gsize
html_find_quote (HtmlParser *p,
                 gsize       from,
                 char        quote)
{
  guint k = quote == '"' ? 0 : 1;
  gsize hit;

  if (from >= p->no_quote_from[k])
    return G_MAXSIZE;
  hit = html_find_char (p, from, quote);
  if (hit == p->len)
    {
      p->no_quote_from[k] = from;
      return G_MAXSIZE;
    }
  return hit;
}

/* Finds `needle` (ASCII, matched case-insensitively) from `from`; returns
 * the position after it, or len. */
static gsize
html_skip_past (HtmlParser *p,
                gsize       from,
                const char *needle)
{
  gsize nlen = strlen (needle);
  gsize i = from;

  while (i < p->len)
    {
      gsize hit = html_find_char (p, i, needle[0]);

      if (hit + nlen > p->len)
        return p->len;
      if (g_ascii_strncasecmp (p->s + hit, needle, nlen) == 0)
        return hit + nlen;
      i = hit + 1;
    }
  return p->len;
}

/* Finds the start of the end tag "</name" (followed by white space, '/'
 * or '>') at or after from; returns len if there is none. */
static gsize
html_find_end_tag (HtmlParser *p,
                   gsize       from,
                   const char *name)
{
  gsize nlen = strlen (name);
  gsize i = from;

  while (i < p->len)
    {
      gsize lt = html_find_char (p, i, '<');
      gsize after = lt + 2 + nlen;

      if (lt + 1 >= p->len)
        return p->len;
      if (p->s[lt + 1] == '/' && after <= p->len &&
          g_ascii_strncasecmp (p->s + lt + 2, name, nlen) == 0 &&
          (after == p->len || is_ascii_space (p->s[after]) || p->s[after] == '/' ||
           p->s[after] == '>'))
        return lt;
      i = lt + 1;
    }
  return p->len;
}

typedef struct
{
  char        name[16];      /* lower case, truncated */
  gboolean    self_closing;
  const char *property, *meta_name, *content, *rel, *href, *itemprop;
  gsize       property_len, meta_name_len, content_len, rel_len, href_len, itemprop_len;
} HtmlTag;

static void
tag_store (HtmlTag    *tag,
           const char *attr,
           gsize       attr_len,
           const char *value,
           gsize       value_len)
{
#define STORE(field, literal) \
  if (attr_len == strlen (literal) && g_ascii_strncasecmp (attr, literal, attr_len) == 0) \
    { \
      if (tag->field == NULL) \
        tag->field = value, tag->field ## _len = value_len; \
      return; \
    }
  STORE (property, "property");
  STORE (meta_name, "name");
  STORE (content, "content");
  STORE (rel, "rel");
  STORE (href, "href");
  STORE (itemprop, "itemprop");
#undef STORE
}

/* Parses a tag from p->pos (just after "<" or "</") up to and including
 * its '>'.  Attribute values are only kept for <meta> and <link>. */
static void
html_parse_tag (HtmlParser *p,
                HtmlTag    *tag)
{
  const char *s = p->s;
  gsize i = p->pos, k = 0;
  gboolean keep;

  memset (tag, 0, sizeof *tag);
  while (i < p->len && !is_ascii_space (s[i]) && s[i] != '/' && s[i] != '>')
    {
      if (k + 1 < sizeof tag->name)
        tag->name[k++] = g_ascii_tolower (s[i]);
      i++;
    }
  tag->name[k] = '\0';
  keep = strcmp (tag->name, "meta") == 0 || strcmp (tag->name, "link") == 0;

  while (i < p->len)
    {
      gsize attr, attr_len, value = 0, value_len = 0;

      if (is_ascii_space (s[i]))
        {
          i++;
          continue;
        }
      if (s[i] == '>')
        {
          i++;
          break;
        }
      if (s[i] == '/')
        {
          if (i + 1 < p->len && s[i + 1] == '>')
            tag->self_closing = TRUE;
          i++;
          continue;
        }

      attr = i++;
      while (i < p->len && !is_ascii_space (s[i]) && s[i] != '=' && s[i] != '>' && s[i] != '/')
        i++;
      attr_len = i - attr;
      while (i < p->len && is_ascii_space (s[i]))
        i++;
      if (i < p->len && s[i] == '=')
        {
          i++;
          while (i < p->len && is_ascii_space (s[i]))
            i++;
          if (i < p->len && (s[i] == '"' || s[i] == '\''))
            {
              gsize close = html_find_quote (p, i + 1, s[i]);

              value = i + 1;
              if (close != G_MAXSIZE)
                {
                  value_len = close - value;
                  i = close + 1;
                }
              else
                {
                  /* Unclosed quote: end the value at the next '>'. */
                  i = html_find_char (p, value, '>');
                  value_len = i - value;
                }
            }
          else
            {
              value = i;
              while (i < p->len && !is_ascii_space (s[i]) && s[i] != '>')
                i++;
              value_len = i - value;
            }
        }
      if (keep)
        tag_store (tag, s + attr, attr_len, s + value, value_len);
    }
  p->pos = i;
}

static gboolean
name_in (const char         *name,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Elements separated from their surroundings by a blank line. */
static const char * const paragraph_elements[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
  "figure", "section", "article", "header", "footer", "main", "aside", "nav",
  "address", "details", "form", "fieldset", "hgroup", "hr", "dialog", "listing",
  NULL
};

/* Elements that start a new line. */
static const char * const line_elements[] = {
  "div", "li", "dt", "dd", "tr", "figcaption", "caption", "summary", "option",
  "legend", "center", "body", "html", "tbody", "thead", "tfoot", "select",
  "optgroup", "frameset", "search", NULL
};

/* Elements whose content is raw text that is never shown. */
static const char * const raw_hidden_elements[] = {
  "script", "style", "noscript", "iframe", "noembed", "noframes", "xmp",
  "textarea", NULL
};

/* Elements that may appear in <head>; any other start tag ends it. */
static const char * const head_elements[] = {
  "head", "html", "title", "meta", "link", "style", "script", "noscript",
  "base", "template", "basefont", "bgsound", NULL
};

static gboolean
attr_is (const char *value,
         gsize       len,
         const char *literal)
{
  return value != NULL && len == strlen (literal) && g_ascii_strncasecmp (value, literal, len) == 0;
}

static void
html_take (char       **field,
           const char  *value,
           gsize        len)
{
  if (*field == NULL && value != NULL)
    *field = decode_value (value, len);
}

static void
html_meta_tag (HtmlParser *p,
               HtmlTag    *tag)
{
  const char *keys[3] = { tag->property, tag->meta_name, tag->itemprop };
  gsize lens[3] = { tag->property_len, tag->meta_name_len, tag->itemprop_len };

  if (strcmp (tag->name, "link") == 0)
    {
      if (tag->rel != NULL && tag->href != NULL)
        {
          g_autofree char *rel = decode_value (tag->rel, tag->rel_len);
          g_auto(GStrv) tokens = NULL;

          if (rel == NULL)
            return;
          tokens = g_strsplit (rel, " ", -1);
          for (guint i = 0; tokens[i] != NULL; i++)
            if (g_ascii_strcasecmp (tokens[i], "canonical") == 0)
              html_take (&p->canonical, tag->href, tag->href_len);
        }
      return;
    }

  if (tag->content == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *key = keys[k];
      gsize len = lens[k];

      if (attr_is (key, len, "og:title"))
        html_take (&p->og_title, tag->content, tag->content_len);
      else if (attr_is (key, len, "og:site_name"))
        html_take (&p->site_name, tag->content, tag->content_len);
      else if (attr_is (key, len, "og:url"))
        html_take (&p->og_url, tag->content, tag->content_len);
      else if (attr_is (key, len, "article:published_time") ||
               attr_is (key, len, "datePublished"))
        html_take (&p->published, tag->content, tag->content_len);
      else if (attr_is (key, len, "date") || attr_is (key, len, "dc.date") ||
               attr_is (key, len, "dcterms.date") || attr_is (key, len, "pubdate"))
        html_take (&p->date, tag->content, tag->content_len);
      else if (attr_is (key, len, "author") || attr_is (key, len, "dc.creator"))
        html_take (&p->author, tag->content, tag->content_len);
    }
}

static void
html_end_h1 (HtmlParser *p)
{
  g_autofree char *raw = NULL;

  if (p->h1 == NULL)
    return;
  raw = g_string_free (g_steal_pointer (&p->h1), FALSE);
  p->h1_text = collapse_whitespace (raw);
  if (*p->h1_text == '\0')
    g_clear_pointer (&p->h1_text, g_free);
}

static void
html_start_tag (HtmlParser *p)
{
  HtmlTag tag;
  const char *name = tag.name;

  html_parse_tag (p, &tag);

  if (p->in_head && !name_in (name, head_elements))
    p->in_head = FALSE;

  if (name_in (name, raw_hidden_elements))
    {
      gsize end = html_find_end_tag (p, p->pos, name);

      p->pos = html_find_char (p, end, '>');
      if (p->pos < p->len)
        p->pos++;
      return;
    }

  if (strcmp (name, "title") == 0)
    {
      gsize end = html_find_end_tag (p, p->pos, "title");

      if (p->svg_depth == 0 && p->math_depth == 0 && p->template_depth == 0 && p->title == NULL)
        p->title = decode_value (p->s + p->pos, end - p->pos);
      p->pos = html_find_char (p, end, '>');
      if (p->pos < p->len)
        p->pos++;
      return;
    }

  if (strcmp (name, "meta") == 0 || strcmp (name, "link") == 0)
    {
      if (p->template_depth == 0)
        html_meta_tag (p, &tag);
      return;
    }

  if (strcmp (name, "head") == 0)
    {
      if (p->out->len == 0)
        p->in_head = TRUE;
      return;
    }
  if (strcmp (name, "body") == 0)
    p->in_head = FALSE;

  /* Templates are never shown; navigation menus are site chrome, not the
   * article.  Both are skipped with everything inside them.
   */
  if (strcmp (name, "template") == 0 || strcmp (name, "nav") == 0)
    {
      p->template_depth++;
      return;
    }
  if (strcmp (name, "svg") == 0 || strcmp (name, "math") == 0)
    {
      if (!tag.self_closing)
        {
          if (name[0] == 's')
            p->svg_depth++;
          else
            p->math_depth++;
        }
      return;
    }

  if (strcmp (name, "br") == 0)
    {
      html_line_break (p);
      return;
    }

  if (name_in (name, paragraph_elements))
    {
      /* A heading or paragraph ends an unclosed <h1>. */
      html_end_h1 (p);
      html_break (p, 2);
      if (strcmp (name, "h1") == 0 && p->h1_text == NULL && !html_hidden (p))
        p->h1 = g_string_new (NULL);
      if (strcmp (name, "pre") == 0 || strcmp (name, "listing") == 0)
        {
          p->pre_depth++;
          p->skip_newline = TRUE;
        }
      return;
    }
  if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0 ||
      strcmp (name, "dl") == 0 || strcmp (name, "menu") == 0)
    {
      html_break (p, p->list_depth > 0 ? 1 : 2);
      p->list_depth++;
      return;
    }
  if (name_in (name, line_elements))
    {
      html_break (p, 1);
      return;
    }
  if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    {
      p->pending_space = TRUE;
      if (p->h1 != NULL)
        g_string_append_c (p->h1, ' ');
    }
}

static void
html_end_tag (HtmlParser *p)
{
  HtmlTag tag;
  const char *name = tag.name;

  html_parse_tag (p, &tag);

  if (strcmp (name, "head") == 0)
    p->in_head = FALSE;
  else if (strcmp (name, "template") == 0 || strcmp (name, "nav") == 0)
    {
      if (p->template_depth > 0)
        p->template_depth--;
    }
  else if (strcmp (name, "svg") == 0)
    {
      if (p->svg_depth > 0)
        p->svg_depth--;
    }
  else if (strcmp (name, "math") == 0)
    {
      if (p->math_depth > 0)
        p->math_depth--;
    }
  else if (strcmp (name, "br") == 0)
    html_line_break (p);
  else if (name_in (name, paragraph_elements))
    {
      if (name[0] == 'h' && g_ascii_isdigit (name[1]))
        html_end_h1 (p);
      if ((strcmp (name, "pre") == 0 || strcmp (name, "listing") == 0) && p->pre_depth > 0)
        p->pre_depth--;
      p->skip_newline = FALSE;
      html_break (p, 2);
    }
  else if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0 ||
           strcmp (name, "dl") == 0 || strcmp (name, "menu") == 0)
    {
      if (p->list_depth > 0)
        p->list_depth--;
      html_break (p, p->list_depth > 0 ? 1 : 2);
    }
  else if (name_in (name, line_elements))
    html_break (p, 1);
  else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    p->pending_space = TRUE;
}

char *
crb_text_from_html (const char  *html,
                    gsize        length,
                    CrbTextMeta *meta)
{
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  HtmlParser parser = { 0 };
  HtmlParser *p = &parser;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  if (html == NULL)
    html = "";
  if (length == (gsize) -1)
    length = strlen (html);
  if (!g_utf8_validate_len (html, length, NULL))
    {
      /* Keep NULs out of g_utf8_make_valid(): it would stop at them. */
      GString *copy = g_string_sized_new (length);

      for (gsize i = 0; i < length; i++)
        if (html[i] != '\0')
          g_string_append_c (copy, html[i]);
      valid = g_utf8_make_valid (copy->str, (gssize) copy->len);
      g_string_free (copy, TRUE);
      html = valid;
      length = strlen (valid);
    }

  p->s = html;
  p->len = length;
  p->out = g_string_sized_new (length / 2);
  p->no_quote_from[0] = p->no_quote_from[1] = G_MAXSIZE;

  while (p->pos < p->len)
    {
      gsize lt = html_find_char (p, p->pos, '<');
      const char *s;
      gsize rest;

      if (lt > p->pos)
        html_text_run (p, lt);
      if (lt >= p->len)
        break;

      s = p->s + lt;
      rest = p->len - lt;
      if (rest >= 4 && memcmp (s, "<!--", 4) == 0)
        {
          if (rest >= 5 && s[4] == '>')
            p->pos = lt + 5;                    /* <!--> */
          else if (rest >= 6 && s[4] == '-' && s[5] == '>')
            p->pos = lt + 6;                    /* <!---> */
          else
            p->pos = html_skip_past (p, lt + 4, "-->");
        }
      else if (rest >= 9 && memcmp (s, "<![CDATA[", 9) == 0)
        p->pos = html_skip_past (p, lt + 9, "]]>");
      else if (rest >= 2 && (s[1] == '!' || s[1] == '?'))
        p->pos = MIN (html_find_char (p, lt + 2, '>') + 1, p->len);
      else if (rest >= 3 && s[1] == '/' && g_ascii_isalpha (s[2]))
        {
          p->pos = lt + 2;
          html_end_tag (p);
        }
      else if (rest >= 2 && s[1] == '/')
        p->pos = MIN (html_find_char (p, lt + 2, '>') + 1, p->len);   /* </> and bogus comments */
      else if (rest >= 2 && g_ascii_isalpha (s[1]))
        {
          p->pos = lt + 1;
          html_start_tag (p);
        }
      else
        {
          html_add_text (p, "<", 1);
          p->pos = lt + 1;
        }
    }
  html_end_h1 (p);

  if (meta != NULL)
    {
      g_autofree char *date = NULL;

      meta_set (&meta->title, p->og_title != NULL ? p->og_title :
                              p->title != NULL ? p->title : p->h1_text);
      meta_set (&meta->outlet, p->site_name);
      meta_set (&meta->url, p->canonical != NULL ? p->canonical : p->og_url);
      if (p->published != NULL)
        date = parse_date (p->published);
      if (date == NULL && p->date != NULL)
        date = parse_date (p->date);
      meta_set (&meta->date, date);
      meta_set (&meta->author, p->author);
    }

  g_free (p->h1_text);
  g_free (p->title);
  g_free (p->og_title);
  g_free (p->site_name);
  g_free (p->canonical);
  g_free (p->og_url);
  g_free (p->published);
  g_free (p->date);
  g_free (p->author);

  text = g_string_free (p->out, FALSE);
  return crb_text_normalize (text);
}

/* ------------------------------------------------------------------ */
/* Leading metadata                                                     */
/* ------------------------------------------------------------------ */

typedef enum
{
  FIELD_NONE,
  FIELD_TITLE,
  FIELD_OUTLET,
  FIELD_URL,
  FIELD_DATE,
  FIELD_AUTHOR,
} MetaField;

typedef struct
{
  const char *key;
  MetaField   field;
} MetaKey;

static const MetaKey meta_keys[] = {
  { "title", FIELD_TITLE }, { "headline", FIELD_TITLE },
  { "outlet", FIELD_OUTLET }, { "source", FIELD_OUTLET }, { "publisher", FIELD_OUTLET },
  { "site", FIELD_OUTLET }, { "site_name", FIELD_OUTLET }, { "publication", FIELD_OUTLET },
  { "url", FIELD_URL }, { "link", FIELD_URL }, { "source_url", FIELD_URL },
  { "canonical_url", FIELD_URL },
  { "date", FIELD_DATE }, { "published", FIELD_DATE }, { "published_at", FIELD_DATE },
  { "date_published", FIELD_DATE },
  { "author", FIELD_AUTHOR }, { "by", FIELD_AUTHOR }, { "authors", FIELD_AUTHOR },
  { "byline", FIELD_AUTHOR },
};

/* Key of a "key: value" line: letters, digits, ' ', '_' and '-', compared
 * case-insensitively with ' ' and '-' read as '_'. */
static MetaField
lookup_meta_key (const char *key,
                 gsize       len)
{
  char buf[24];

  if (len == 0 || len >= sizeof buf)
    return FIELD_NONE;
  for (gsize i = 0; i < len; i++)
    {
      char c = g_ascii_tolower (key[i]);

      if (c == ' ' || c == '-')
        c = '_';
      if (!g_ascii_isalnum (c) && c != '_')
        return FIELD_NONE;
      buf[i] = c;
    }
  buf[len] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (meta_keys); i++)
    if (strcmp (buf, meta_keys[i].key) == 0)
      return meta_keys[i].field;
  return FIELD_NONE;
}

static gboolean
looks_like_url (const char *value)
{
  return g_ascii_strncasecmp (value, "http://", 7) == 0 ||
         g_ascii_strncasecmp (value, "https://", 8) == 0;
}

/* Stores a value (already stripped) in meta.  Dates are stored in ISO
 * 8601 form or not at all. */
static void
meta_store (CrbTextMeta *meta,
            MetaField    field,
            const char  *value)
{
  g_autofree char *date = NULL;

  if (meta == NULL || *value == '\0')
    return;

  switch (field)
    {
    case FIELD_TITLE:
      meta_set (&meta->title, value);
      break;
    case FIELD_OUTLET:
      if (looks_like_url (value))
        meta_set (&meta->url, value);
      else
        meta_set (&meta->outlet, value);
      break;
    case FIELD_URL:
      meta_set (&meta->url, value);
      break;
    case FIELD_DATE:
      date = parse_date (value);
      meta_set (&meta->date, date);
      break;
    case FIELD_AUTHOR:
      meta_set (&meta->author, value);
      break;
    case FIELD_NONE:
    default:
      break;
    }
}

/* Line [*line, *end) starting at p; returns the start of the next line. */
static const char *
next_line (const char  *p,
           const char **end)
{
  const char *e = p;

  while (*e != '\0' && *e != '\n' && *e != '\r')
    e++;
  *end = e;
  if (*e == '\r' && e[1] == '\n')
    return e + 2;
  if (*e != '\0')
    return e + 1;
  return e;
}

static gboolean
line_is_blank (const char *p,
               const char *end)
{
  for (; p < end; p++)
    if (!is_ascii_space (*p))
      return FALSE;
  return TRUE;
}

static gboolean
line_equals (const char *p,
             const char *end,
             const char *literal)
{
  gsize n = strlen (literal);

  while (end > p && is_ascii_space (end[-1]))
    end--;
  return (gsize) (end - p) == n && memcmp (p, literal, n) == 0;
}

/* Splits "key: value"; returns the key length (0 if the line is not of
 * that form) and sets *value to the start of the value. */
static gsize
split_key_value (const char  *p,
                 const char  *end,
                 const char **value)
{
  const char *q = p;

  while (q < end && (g_ascii_isalnum (*q) || *q == '_' || *q == '-' || *q == ' '))
    q++;
  if (q == p || q >= end || *q != ':' || (q + 1 < end && !is_ascii_space (q[1])))
    return 0;
  *value = q + 1;
  while (q > p && q[-1] == ' ')
    q--;
  return (gsize) (q - p);
}

static char *
strip_value (const char *p,
             const char *end)
{
  gsize n;

  while (p < end && is_ascii_space (*p))
    p++;
  while (end > p && is_ascii_space (end[-1]))
    end--;
  n = (gsize) (end - p);
  if (n >= 2 && ((p[0] == '"' && end[-1] == '"') || (p[0] == '\'' && end[-1] == '\'')))
    p++, n -= 2;
  return g_strndup (p, n);
}

/* YAML-like front matter between two "---" lines.  Every line inside must
 * look like YAML (key: value, list item, indented, comment or blank);
 * otherwise the leading "---" is just a rule and nothing is taken. */
static const char *
take_front_matter (const char  *text,
                   CrbTextMeta *meta)
{
  const char *p = text, *end, *next;

  for (;;)
    {
      next = next_line (p, &end);
      if (!line_is_blank (p, end) || *end == '\0')
        break;
      p = next;
    }
  if (!line_equals (p, end, "---"))
    return text;

  /* First pass: find the closing line and check the body. */
  for (const char *q = next; *q != '\0'; q = next)
    {
      const char *value;

      next = next_line (q, &end);
      if (line_equals (q, end, "---") || line_equals (q, end, "..."))
        {
          const char *close = next;
          const char *r = p;

          for (r = next_line (r, &end); r < q; r = next)
            {
              gsize key_len;

              next = next_line (r, &end);
              key_len = split_key_value (r, end, &value);
              if (key_len > 0 && !is_ascii_space (*r))
                {
                  g_autofree char *v = strip_value (value, end);

                  meta_store (meta, lookup_meta_key (r, key_len), v);
                }
            }
          /* and the blank lines after it */
          while (*close != '\0')
            {
              next = next_line (close, &end);
              if (!line_is_blank (close, end))
                break;
              close = next;
            }
          return close;
        }
      if (!(line_is_blank (q, end) || is_ascii_space (*q) || *q == '#' ||
            (*q == '-' && (q + 1 == end || q[1] == ' ')) ||
            split_key_value (q, end, &value) > 0))
        return text;
    }
  return text;
}

/* Leading "key: value" lines and a "date YYYY-MM-DD" prefix. */
static const char *
take_leading_fields (const char  *text,
                     CrbTextMeta *meta)
{
  const char *p = text, *end, *next;
  gboolean taken = FALSE;

  for (;;)
    {
      next = next_line (p, &end);
      if (!line_is_blank (p, end) || *end == '\0')
        break;
      p = next;
    }

  while (*p != '\0')
    {
      const char *l = p, *value;
      gsize key_len;
      MetaField field;

      next = next_line (p, &end);
      while (l < end && (*l == ' ' || *l == '\t'))
        l++;

      /* "date 2024-05-24", "Date: 2024-05-24", possibly followed by the
       * article on the same line */
      if (end - l > 5 && g_ascii_strncasecmp (l, "date", 4) == 0 &&
          (is_ascii_space (l[4]) || l[4] == ':'))
        {
          const char *d = l + 4;
          gsize n;

          if (*d == ':')
            d++;
          while (d < end && (*d == ' ' || *d == '\t'))
            d++;
          n = match_iso_datetime (d);
          if (n > 0 && d + n <= end && (d + n == end || is_ascii_space (d[n])))
            {
              g_autofree char *date = iso_dup (d, n);
              const char *rest = d + n;

              if (meta != NULL)
                meta_set (&meta->date, date);
              taken = TRUE;
              while (rest < end && (*rest == ' ' || *rest == '\t'))
                rest++;
              if (rest < end)
                return rest;
              p = next;
              continue;
            }
        }

      key_len = split_key_value (l, end, &value);
      field = key_len > 0 ? lookup_meta_key (l, key_len) : FIELD_NONE;
      if (field == FIELD_NONE)
        break;
      {
        g_autofree char *v = strip_value (value, end);

        meta_store (meta, field, v);
      }
      taken = TRUE;
      p = next;
    }

  if (!taken)
    return text;
  for (;;)
    {
      next = next_line (p, &end);
      if (*p == '\0' || !line_is_blank (p, end))
        break;
      p = next;
    }
  return p;
}

char *
crb_text_take_metadata (const char  *text,
                        CrbTextMeta *meta)
{
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  p = text;
  if (memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  p = take_front_matter (p, meta);
  p = take_leading_fields (p, meta);
  return g_strdup (p);
}

/* ------------------------------------------------------------------ */
/* Normalisation                                                        */
/* ------------------------------------------------------------------ */

char *
crb_text_normalize (const char *text)
{
  GString *out;
  g_autoptr(GString) line = NULL;
  const char *p;
  guint blank = 0;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  line = g_string_new (NULL);
  p = text;
  while (*p != '\0')
    {
      g_string_truncate (line, 0);
      for (; *p != '\0' && *p != '\n' && *p != '\r'; p++)
        {
          guchar c = (guchar) *p;

          if (c < 0x20 && c != '\t')
            continue;
          g_string_append_c (line, (char) c);
        }
      if (*p == '\r' && p[1] == '\n')
        p += 2;
      else if (*p != '\0')
        p++;

      while (line->len > 0 && (line->str[line->len - 1] == ' ' || line->str[line->len - 1] == '\t'))
        g_string_truncate (line, line->len - 1);

      if (line->len == 0)
        {
          blank++;
          continue;
        }
      if (out->len > 0)
        {
          g_string_append_c (out, '\n');
          if (blank > 0)
            g_string_append_c (out, '\n');
        }
      g_string_append_len (out, line->str, (gssize) line->len);
      blank = 0;
    }

  return g_string_free (out, FALSE);
}
