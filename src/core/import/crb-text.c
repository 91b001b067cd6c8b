/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-text.c: turning imported bytes into UTF-8 text: encodings, byte order
 * marks, binary data; and the clean-up of generated text (crb_text_normalize())
 *
 * Everything here works on untrusted input: every function must accept
 * arbitrary bytes without crashing and run in linear time.
 */

#define G_LOG_DOMAIN "crb-text"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-text-private.h"
#include "crb-error.h"

#include <string.h>

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

/* The same decision, for a file read piece by piece: whether
 * crb_text_decode() would give back its bytes as they are (after a UTF-8
 * byte order mark).  Every count is a sum over the bytes, so a large
 * corpus need not be in memory to know that its lines can be read from
 * the file itself.  Sound, not complete: a file it refuses takes the
 * whole decoding.
 */
struct _CrbTextCheck
{
  guchar   head[4096 + 3];  /* magic numbers, byte order marks, UTF-16 without one */
  gsize    head_len;
  gsize    len;
  gsize    controls;        /* as bytes_look_binary() counts them */
  gsize    n_chars;
  gsize    weird;           /* as text_looks_binary() counts them */
  gboolean invalid;         /* not UTF-8, or a NUL */
  gboolean blank;           /* nothing but what text_is_blank() allows, so far */
};

CrbTextCheck *
crb_text_check_new (void)
{
  CrbTextCheck *check = g_new0 (CrbTextCheck, 1);

  check->blank = TRUE;
  return check;
}

void
crb_text_check_free (CrbTextCheck *check)
{
  g_free (check);
}

/**
 * crb_text_check_add:
 * @data: the next bytes of the file, ending on a character boundary (a
 *   line end, or the end of the file); else the file is refused
 *
 * See crb_text_check_finish().
 */
void
crb_text_check_add (CrbTextCheck *check,
                    const char   *data,
                    gsize         len)
{
  const guchar *p = (const guchar *) data;
  const guchar *end = p + len;

  g_return_if_fail (check != NULL);

  if (check->head_len < sizeof check->head)
    {
      gsize n = MIN (len, sizeof check->head - check->head_len);

      memcpy (check->head + check->head_len, data, n);
      check->head_len += n;
    }
  check->len += len;
  if (check->invalid)
    return;

  while (p < end)
    {
      guchar c = *p;
      gunichar u;

      if (c < 0x80)
        {
          gboolean control = (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ||
                             c == 0x7f;

          if (c == 0)
            {
              check->invalid = TRUE;
              return;
            }
          check->n_chars++;
          check->controls += control;
          check->weird += control;
          if (check->blank && !g_unichar_isspace (c))
            check->blank = FALSE;
          p++;
          continue;
        }

      u = g_utf8_get_char_validated ((const char *) p, end - p);
      if (u == (gunichar) -1 || u == (gunichar) -2)
        {
          check->invalid = TRUE;
          return;
        }
      check->n_chars++;
      check->weird += is_weird_char (u);
      if (check->blank && !g_unichar_isspace (u) && u != 0xfeff && u != 0x200b)
        check->blank = FALSE;
      p += g_utf8_skip[c];
    }
}

/**
 * crb_text_check_finish:
 * @skip: (out): where the text starts (after a UTF-8 byte order mark)
 *
 * Returns: %TRUE when crb_text_decode() would return the bytes given to
 *   crb_text_check_add() from @skip on, unchanged; %FALSE when it would
 *   convert them or refuse them (decode the whole file then)
 */
gboolean
crb_text_check_finish (CrbTextCheck *check,
                       gsize        *skip)
{
  const guchar *head = check->head;
  gsize s = 0;

  g_return_val_if_fail (check != NULL, FALSE);

  *skip = 0;
  if (check->len == 0 || check->invalid || check->blank || has_binary_magic (head, check->head_len))
    return FALSE;
  if ((check->head_len >= 4 &&
       (memcmp (head, "\xff\xfe\0\0", 4) == 0 || memcmp (head, "\0\0\xfe\xff", 4) == 0)) ||
      (check->head_len >= 2 &&
       ((head[0] == 0xff && head[1] == 0xfe) || (head[0] == 0xfe && head[1] == 0xff))))
    return FALSE;
  if (check->head_len >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    s = 3;
  if (check->len == s || guess_bomless_utf16 (head + s, check->len - s) != NULL)
    return FALSE;

  /* The byte order mark is one character, U+FEFF, neither a control nor weird. */
  if (check->controls * 20 > check->len - s ||
      check->weird * 20 > check->n_chars - (s > 0))
    return FALSE;

  *skip = s;
  return TRUE;
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
