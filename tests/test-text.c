/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Tests for crb-text.c.  Legacy-encoded inputs are produced from UTF-8
 * literals with g_convert(), so the expected output is the literal. */

#include "crb-text.h"
#include "crb-error.h"

#include <string.h>

/* ------------------------------------------------------------------ */
/* decode                                                               */
/* ------------------------------------------------------------------ */

#define NO_ERROR (-1)

typedef struct
{
  const char *path;
  const char *input;      /* UTF-8, or raw bytes when encoding is NULL */
  gssize      input_len;  /* -1: strlen */
  const char *encoding;   /* convert input to this before decoding; NULL: raw */
  const char *prefix;     /* raw bytes put in front (a BOM), may be NULL */
  const char *expected;   /* expected text, NULL if an error is expected */
  int         error;      /* CrbError or NO_ERROR */
  const char *warning;    /* expected warning, NULL for none */
} DecodeCase;

static const char russian[] =
  "Москва. В пятницу Россия заявила, что переговоры о прекращении огня "
  "не дали результата, сообщает агентство.";
static const char polish[] =
  "Zażółć gęślą jaźń. Wczoraj w Warszawie padał deszcz, a dziś świeci słońce.";
static const char czech[] =
  "Dobrý den, jak se máte? Děkuji, mám se dobře. Řekl, že přijde zítra.";

static const DecodeCase decode_cases[] = {
  { "/corroborate/text/decode/utf-8", "Plain “UTF-8” text — naïve café.", -1, NULL, NULL,
    "Plain “UTF-8” text — naïve café.", NO_ERROR, NULL },
  { "/corroborate/text/decode/utf-8-bom", "\xef\xbb\xbfWith a BOM: žluť", -1, NULL, NULL,
    "With a BOM: žluť", NO_ERROR, NULL },
  { "/corroborate/text/decode/utf-16le", "UTF-16 Привет, café €", -1, "UTF-16LE", "\xff\xfe",
    "UTF-16 Привет, café €", NO_ERROR, NULL },
  { "/corroborate/text/decode/utf-16be", "UTF-16 Привет, café €", -1, "UTF-16BE", "\xfe\xff",
    "UTF-16 Привет, café €", NO_ERROR, NULL },
  { "/corroborate/text/decode/utf-16le-no-bom", "A plain English sentence in UTF-16.", -1,
    "UTF-16LE", NULL, "A plain English sentence in UTF-16.", NO_ERROR,
    "x.txt: not UTF-8; converted from UTF-16LE" },
  { "/corroborate/text/decode/windows-1252/raw", "Caf\xe9 cr\xe8me is served after dinner.", -1,
    NULL, NULL, "Café crème is served after dinner.", NO_ERROR,
    "x.txt: not UTF-8; converted from windows-1252" },
  { "/corroborate/text/decode/windows-1252/french",
    "Le garçon a mangé à côté de l’église, très content — 5 €.", -1, "WINDOWS-1252", NULL,
    "Le garçon a mangé à côté de l’église, très content — 5 €.", NO_ERROR,
    "x.txt: not UTF-8; converted from windows-1252" },
  { "/corroborate/text/decode/windows-1252/german",
    "Die Straße über München ist schön, sagte Jürgen.", -1, "WINDOWS-1252", NULL,
    "Die Straße über München ist schön, sagte Jürgen.", NO_ERROR,
    "x.txt: not UTF-8; converted from windows-1252" },
  { "/corroborate/text/decode/windows-1252/spanish",
    "¿Qué año es? El niño está aquí, mañana también.", -1, "WINDOWS-1252", NULL,
    "¿Qué año es? El niño está aquí, mañana también.", NO_ERROR,
    "x.txt: not UTF-8; converted from windows-1252" },
  { "/corroborate/text/decode/windows-1252/single-letter", "à la carte menu", -1,
    "WINDOWS-1252", NULL, "à la carte menu", NO_ERROR,
    "x.txt: not UTF-8; converted from windows-1252" },
  { "/corroborate/text/decode/windows-1251", russian, -1, "WINDOWS-1251", NULL,
    russian, NO_ERROR, "x.txt: not UTF-8; converted from windows-1251" },
  { "/corroborate/text/decode/windows-1251/ukrainian", "Київ — столиця України, і це місто.", -1,
    "WINDOWS-1251", NULL, "Київ — столиця України, і це місто.", NO_ERROR,
    "x.txt: not UTF-8; converted from windows-1251" },
  { "/corroborate/text/decode/windows-1251/capitals", "МОСКВА, 24 МАЯ (РИА НОВОСТИ)", -1,
    "WINDOWS-1251", NULL, "МОСКВА, 24 МАЯ (РИА НОВОСТИ)", NO_ERROR,
    "x.txt: not UTF-8; converted from windows-1251" },
  { "/corroborate/text/decode/koi8-r", russian, -1, "KOI8-R", NULL,
    russian, NO_ERROR, "x.txt: not UTF-8; converted from KOI8-R" },
  { "/corroborate/text/decode/koi8-r/short", "Привет, мир!", -1, "KOI8-R", NULL,
    "Привет, мир!", NO_ERROR, "x.txt: not UTF-8; converted from KOI8-R" },
  { "/corroborate/text/decode/koi8-r/capitals", "МОСКВА, 24 МАЯ (РИА НОВОСТИ)", -1,
    "KOI8-R", NULL, "МОСКВА, 24 МАЯ (РИА НОВОСТИ)", NO_ERROR,
    "x.txt: not UTF-8; converted from KOI8-R" },
  /* Single capitalised words: read in the other Cyrillic charset they
   * become "иМЕВ", a lower-case letter followed by capitals. */
  { "/corroborate/text/decode/koi8-r/one-word", "Хлеб", -1, "KOI8-R", NULL,
    "Хлеб", NO_ERROR, "x.txt: not UTF-8; converted from KOI8-R" },
  { "/corroborate/text/decode/windows-1251/one-word", "Хлеб", -1, "WINDOWS-1251", NULL,
    "Хлеб", NO_ERROR, "x.txt: not UTF-8; converted from windows-1251" },
  /* Only ł, ó and ż: as windows-1252 this would be "by³o", "mówili", "¿e",
   * with the symbol glued inside a word. */
  { "/corroborate/text/decode/windows-1250/polish-few-letters",
    "Wczoraj padał deszcz i było zimno, a ludzie mówili, że to koniec.", -1, "WINDOWS-1250", NULL,
    "Wczoraj padał deszcz i było zimno, a ludzie mówili, że to koniec.", NO_ERROR,
    "x.txt: not UTF-8; converted from windows-1250" },
  { "/corroborate/text/decode/windows-1250/polish", polish, -1, "WINDOWS-1250", NULL,
    polish, NO_ERROR, "x.txt: not UTF-8; converted from windows-1250" },
  { "/corroborate/text/decode/windows-1250/czech", czech, -1, "WINDOWS-1250", NULL,
    czech, NO_ERROR, "x.txt: not UTF-8; converted from windows-1250" },
  { "/corroborate/text/decode/iso-8859-2/polish", polish, -1, "ISO-8859-2", NULL,
    polish, NO_ERROR, "x.txt: not UTF-8; converted from ISO-8859-2" },
  /* Russian in windows-1251 followed by French in windows-1252: no single
   * charset reads both, so refuse instead of producing half mojibake. */
  { "/corroborate/text/decode/mixture/cyrillic-latin",
    "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! Caf\xe9 cr\xe8me, d\xe9j\xe0 vu, \xe0 c\xf4t\xe9.", -1,
    NULL, NULL, NULL, CRB_ERROR_ENCODING, NULL },
  /* Polish windows-1250 and Russian KOI8-R in one file */
  { "/corroborate/text/decode/mixture/polish-koi8",
    "Za\xbf\xf3\xb3\xe6 g\xea\x9cl\xb9 ja\x9f\xf1 \xf0\xd2\xc9\xd7\xc5\xd4 \xcd\xc9\xd2", -1,
    NULL, NULL, NULL, CRB_ERROR_ENCODING, NULL },
  { "/corroborate/text/decode/mixture/gibberish",
    "qu\xe9\xb9k \xc0\xc1\xc2\xc3\xc4 z\xa4\xa9p \xe6\xe6\xe6\xe6 b\xd7\xf7m", -1, NULL, NULL,
    NULL, CRB_ERROR_ENCODING, NULL },
  /* UTF-8 with one stray Latin-1 byte: repaired, not reinterpreted */
  { "/corroborate/text/decode/mostly-utf-8", "Привет, “мир” and caf\xe9 — все хорошо", -1,
    NULL, NULL, "Привет, “мир” and caf\xef\xbf\xbd — все хорошо", NO_ERROR,
    "x.txt: not valid UTF-8; 1 invalid byte was replaced by U+FFFD" },
  { "/corroborate/text/decode/empty", "", 0, NULL, NULL, NULL, CRB_ERROR_EMPTY, NULL },
  { "/corroborate/text/decode/whitespace", " \n\t  \r\n  ", -1, NULL, NULL, NULL,
    CRB_ERROR_EMPTY, NULL },
  { "/corroborate/text/decode/bom-only", "\xef\xbb\xbf", -1, NULL, NULL, NULL,
    CRB_ERROR_EMPTY, NULL },
  { "/corroborate/text/decode/utf-16-whitespace", " \n \u3000 ", -1, "UTF-16LE", "\xff\xfe",
    NULL, CRB_ERROR_EMPTY, NULL },
  { "/corroborate/text/decode/binary/png", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, NULL, NULL,
    NULL, CRB_ERROR_BINARY, NULL },
  { "/corroborate/text/decode/binary/jpeg", "\xff\xd8\xff\xe0\0\x10JFIF", 10, NULL, NULL,
    NULL, CRB_ERROR_BINARY, NULL },
  { "/corroborate/text/decode/binary/pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", -1, NULL, NULL,
    NULL, CRB_ERROR_BINARY, NULL },
  { "/corroborate/text/decode/binary/zip", "PK\x03\x04\x14", 5, NULL, NULL, NULL,
    CRB_ERROR_BINARY, NULL },
  { "/corroborate/text/decode/binary/gzip", "\x1f\x8b\x08", 3, NULL, NULL, NULL,
    CRB_ERROR_BINARY, NULL },
  { "/corroborate/text/decode/binary/elf", "\x7f" "ELF\x02\x01\x01", 7, NULL, NULL, NULL,
    CRB_ERROR_BINARY, NULL },
  { "/corroborate/text/decode/binary/nul", "text with a \0 NUL in it", 24, NULL, NULL, NULL,
    CRB_ERROR_BINARY, NULL },
  { "/corroborate/text/decode/binary/controls", "\x01\x02\x03\x04 abc \x05\x06\x07\x08", -1,
    NULL, NULL, NULL, CRB_ERROR_BINARY, NULL },
  /* random 16-bit values behind a UTF-16 BOM */
  { "/corroborate/text/decode/binary/utf-16-garbage", "\xff\xfe\x01\x00\x02\x00\xff\xdb\x00\xdc"
    "\x03\x00\x04\x00\x05\x00\x06\x00", 18, NULL, NULL, NULL, CRB_ERROR_BINARY, NULL },
  { "/corroborate/text/decode/utf-16-invalid", "\xff\xfe\x00\xd8\x41\x00", 6, NULL, NULL, NULL,
    CRB_ERROR_ENCODING, NULL },
};

static GBytes *
make_input (const DecodeCase *c)
{
  g_autoptr(GByteArray) array = g_byte_array_new ();
  gsize len = c->input_len >= 0 ? (gsize) c->input_len : strlen (c->input);

  if (c->prefix != NULL)
    g_byte_array_append (array, (const guint8 *) c->prefix, (guint) strlen (c->prefix));
  if (c->encoding != NULL)
    {
      g_autoptr(GError) error = NULL;
      gsize out_len = 0;
      g_autofree char *converted = g_convert (c->input, (gssize) len, c->encoding, "UTF-8",
                                              NULL, &out_len, &error);

      g_assert_no_error (error);
      g_byte_array_append (array, (const guint8 *) converted, (guint) out_len);
    }
  else
    g_byte_array_append (array, (const guint8 *) c->input, (guint) len);

  return g_byte_array_free_to_bytes (g_steal_pointer (&array));
}

static void
test_decode_case (gconstpointer data)
{
  const DecodeCase *c = data;
  g_autoptr(GBytes) bytes = make_input (c);
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = NULL;

  text = crb_text_decode (bytes, "x.txt", &warning, &error);
  if (c->error == NO_ERROR)
    {
      g_assert_no_error (error);
      g_assert_cmpstr (text, ==, c->expected);
      g_assert_cmpstr (warning, ==, c->warning);
    }
  else
    {
      g_assert_error (error, CRB_ERROR, c->error);
      g_assert_null (text);
      g_assert_null (warning);
      g_assert_true (g_str_has_prefix (error->message, "x.txt: "));
    }
}

static void
test_decode_messages (void)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) png = g_bytes_new_static ("\x89PNG\r\n\x1a\n\0\0", 10);
  g_autoptr(GBytes) mixed = g_bytes_new_static ("\xcf\xf0\xe8\xe2\xe5\xf2 Caf\xe9 cr\xe8me", 16);
  g_autoptr(GError) error = NULL;
  char *text;

  text = crb_text_decode (empty, "notes.txt", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_EMPTY);
  g_assert_cmpstr (error->message, ==, "notes.txt: the file is empty");
  g_clear_error (&error);

  text = crb_text_decode (png, "photo.jpg", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_BINARY);
  g_assert_cmpstr (error->message, ==, "photo.jpg: this is binary data, not text");
  g_clear_error (&error);

  text = crb_text_decode (mixed, "old.txt", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_ENCODING);
  g_assert_cmpstr (error->message, ==,
                   "old.txt: the text encoding is not UTF-8 and could not be recognised; "
                   "convert the file to UTF-8");
  g_clear_error (&error);

  /* NULL bytes behave as empty */
  text = crb_text_decode (NULL, "none.txt", NULL, &error);
  g_assert_null (text);
  g_assert_error (error, CRB_ERROR, CRB_ERROR_EMPTY);
}

/* Every sample text, written in each charset that can represent it, must
 * come back unchanged (the label may differ when two charsets give the
 * same text, e.g. German in windows-1252 and windows-1250). */
static void
test_decode_roundtrip (void)
{
  static const char * const texts[] = {
    "Café crème is served after dinner; the chef’s special costs 5 €.",
    "Le garçon a mangé à côté de l’église, très content.",
    "Die Straße über München ist schön, sagte Jürgen.",
    "Ørsted, Zürich and São Paulo were mentioned in the report.",
    russian,
    "Привет, мир!",
    polish,
    czech,
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Az árvíztűrő tükörfúrógép működik.",
    "Київ — столиця України, і це місто.",
  };
  static const char * const charsets[] = {
    "WINDOWS-1252", "WINDOWS-1251", "KOI8-R", "WINDOWS-1250", "ISO-8859-2",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    for (guint k = 0; k < G_N_ELEMENTS (charsets); k++)
      {
        g_autoptr(GBytes) bytes = NULL;
        g_autoptr(GError) error = NULL;
        g_autofree char *warning = NULL;
        g_autofree char *text = NULL;
        gsize len = 0;
        char *raw;

        raw = g_convert (texts[i], -1, charsets[k], "UTF-8", NULL, &len, NULL);
        if (raw == NULL)
          continue;   /* not representable */
        bytes = g_bytes_new_take (raw, len);
        text = crb_text_decode (bytes, "r.txt", &warning, &error);
        g_test_message ("%s in %s: %s", texts[i], charsets[k], warning);
        g_assert_no_error (error);
        g_assert_cmpstr (text, ==, texts[i]);
        g_assert_true (g_str_has_prefix (warning, "r.txt: not UTF-8; converted from "));
      }
}

/* crb_text_check_*() says whether crb_text_decode() would take a file's
 * bytes as they are; the import then reads a corpus line by line.  It
 * must never say so wrongly (it may refuse a file decoding would take as
 * is: that file is decoded whole).  @bytes go in pieces ending at line
 * ends, as the import reads them.
 */
static gboolean
check_agrees (GBytes *bytes)
{
  g_autoptr(CrbTextCheck) check = crb_text_check_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *warning = NULL;
  g_autofree char *text = NULL;
  gsize len, skip;
  const char *data = bytes ? g_bytes_get_data (bytes, &len) : NULL;
  const char *p = data, *end = data ? data + len : NULL;

  while (p != NULL && p < end)
    {
      const char *nl = memchr (p, '\n', end - p);
      const char *next = nl ? nl + 1 : end;

      crb_text_check_add (check, p, next - p);
      p = next;
    }
  if (!crb_text_check_finish (check, &skip))
    return FALSE;

  text = crb_text_decode (bytes, "x.txt", &warning, &error);
  g_assert_no_error (error);
  g_assert_null (warning);
  g_assert_cmpuint (strlen (text), ==, len - skip);
  g_assert_true (memcmp (text, data + skip, len - skip) == 0);
  return TRUE;
}

static void
test_decode_check (void)
{
  static const char * const texts[] = {
    "plain\nlines\r\nof text\n", "\xef\xbb\xbf{\"text\": \"with a BOM\"}\n", "\xef\xbb\xbf", " \n\t\n",
    "\xe2\x80\x8b\xef\xbb\xbf  ", "tab\tand\fform feed\n", "\x01\x02\x03 mostly controls\n",
    "one control \x01 among many letters, in a line long enough to stay under the share\n",
    "%PDF-1.4\n", "private \xee\x80\x80\xee\x80\x81 use\n", "caf\xc3\n", "T\xc3\xbcrk\xff\n",
    "a\0b\n", "",
  };
  guint n_taken = 0;

  for (guint i = 0; i < G_N_ELEMENTS (decode_cases); i++)
    {
      g_autoptr(GBytes) bytes = make_input (&decode_cases[i]);
      gboolean taken = check_agrees (bytes);

      /* UTF-8, with or without its byte order mark, is read as it is. */
      if (g_str_has_prefix (decode_cases[i].path, "/corroborate/text/decode/utf-8"))
        g_assert_true (taken);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (texts[i], strlen (texts[i]) + (texts[i][0] == 'a'));

      n_taken += check_agrees (bytes);
    }
  g_assert_cmpuint (n_taken, >=, 4);

  for (guint i = 0; i < 3000; i++)
    {
      static const char pieces[] = "ab \n\t\r\x01\x7f\xc3\xa9\xef\xbb\xbf\xe2\x80\x8b\xee\x80\x80\0";
      g_autoptr(GByteArray) array = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      guint n = (guint) g_test_rand_int_range (0, 40);

      for (guint k = 0; k < n; k++)
        {
          guint8 b = (guint8) pieces[g_test_rand_int_range (0, sizeof pieces)];
          g_byte_array_append (array, &b, 1);
        }
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));
      check_agrees (bytes);
    }
}

static void
test_decode_fuzz (void)
{
  static const char * const prefixes[] = { "", "\xef\xbb\xbf", "\xff\xfe", "\xfe\xff" };
  static const char utf8_pieces[] = "\xd0\xbf\xe2\x80\x99 a\xc3\xa9\xf0\x9f\x98\x80";
  guint n_ok = 0, n_error = 0;

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GByteArray) array = g_byte_array_new ();
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *warning = NULL;
      g_autofree char *text = NULL;
      guint len = (guint) g_test_rand_int_range (0, 300);
      guint mode = i % 4;
      const char *prefix = prefixes[g_test_rand_int_range (0, G_N_ELEMENTS (prefixes))];

      g_byte_array_append (array, (const guint8 *) prefix, (guint) strlen (prefix));
      for (guint k = 0; k < len; k++)
        {
          guint8 b;

          if (mode == 0)          /* anything */
            b = (guint8) g_test_rand_int_range (0, 256);
          else if (mode == 1)     /* text-like: mostly ASCII, some high bytes */
            b = g_test_rand_int_range (0, 8) == 0 ? (guint8) g_test_rand_int_range (0x80, 0x100)
                                                  : (guint8) g_test_rand_int_range (0x20, 0x7f);
          else if (mode == 2)     /* high bytes and spaces only */
            b = g_test_rand_int_range (0, 5) == 0 ? ' ' : (guint8) g_test_rand_int_range (0x80, 0x100);
          else                    /* UTF-8 sequences cut at random places */
            b = (guint8) utf8_pieces[g_test_rand_int_range (0, sizeof utf8_pieces - 1)];
          g_byte_array_append (array, &b, 1);
        }
      bytes = g_byte_array_free_to_bytes (g_steal_pointer (&array));

      text = crb_text_decode (bytes, "fuzz.bin", &warning, &error);
      if (text != NULL)
        {
          g_assert_no_error (error);
          g_assert_true (g_utf8_validate (text, -1, NULL));
          g_assert_cmpuint (strlen (text), >, 0);
          g_assert_true (warning == NULL || g_str_has_prefix (warning, "fuzz.bin: "));
          n_ok++;
        }
      else
        {
          g_assert_nonnull (error);
          g_assert_true (error->domain == CRB_ERROR);
          g_assert_true (g_str_has_prefix (error->message, "fuzz.bin: "));
          g_assert_null (warning);
          n_error++;
        }
    }
  g_test_message ("fuzz: %u decoded, %u refused", n_ok, n_error);
  /* both outcomes must actually occur, or the generator is broken */
  g_assert_cmpuint (n_ok, >, 0);
  g_assert_cmpuint (n_error, >, 0);
}

/* ------------------------------------------------------------------ */
/* HTML                                                                 */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *path;
  const char *html;
  const char *expected;
} HtmlCase;

static const HtmlCase html_cases[] = {
  /* Issue 13: the second byte of a no-break space in <head> was written
   * out alone, and the import crashed on the invalid UTF-8. */
  { "/corroborate/text/html/nbsp-in-head", "<head>\xc2\xa0", "" },
  { "/corroborate/text/html/nbsp-entity-in-head",
    "<head>&nbsp;<title>T</title>\xc2\xa0</head><p>x\xc2\xa0y</p>", "x y" },
  { "/corroborate/text/html/nbsp-then-text-in-head", "<head>\xc2\xa0\xc2\xa0text", "text" },
  { "/corroborate/text/html/script-style",
    "<p>Hello <script type=\"text/javascript\">var s = '<p>not</p>'; if (a < b) {}</script>"
    "world</p><style>p > a { color: red }</style><noscript><p>Enable JS</p></noscript>"
    "<SCRIPT>x</SCRIPT ><p>Bye</p>",
    "Hello world\n\nBye" },
  { "/corroborate/text/html/entities",
    "<p>Caf&eacute; &amp; cr&Egrave;me &#8217;&#x2019;&#X2019; &mdash; &hellip; "
    "&laquo;q&raquo; &euro;5 &frac12; &szlig; &copy 2024 AT&T &bogus; &amp &#; "
    "&#0; &#xD800; &#x110000; &#99999999999; &#150;</p>",
    "Café & crÈme ’’’ — … «q» €5 ½ ß © 2024 AT&T &bogus; & &#; \xef\xbf\xbd \xef\xbf\xbd "
    "\xef\xbf\xbd \xef\xbf\xbd –" },
  { "/corroborate/text/html/escaped-markup",
    "<p>Use &lt;b&gt; for bold, &lt;script&gt;alert(1)&lt;/script&gt;.</p>",
    "Use <b> for bold, <script>alert(1)</script>." },
  { "/corroborate/text/html/nbsp",
    "<p>a&nbsp;b&nbsp;&nbsp; c\xc2\xa0\xc2\xa0" "d&nbsp;</p>",
    "a b c d" },
  { "/corroborate/text/html/br",
    "Line one<br>Line two<br/><br />Line four<BR>",
    "Line one\nLine two\n\nLine four" },
  { "/corroborate/text/html/paragraphs",
    "<div><h2>Heading</h2><p>First   paragraph\n  spans\tlines.</p><p>Second.</p>"
    "<div>Div one</div><div>Div two</div><blockquote>Quote</blockquote>tail</div>",
    "Heading\n\nFirst paragraph spans lines.\n\nSecond.\n\nDiv one\nDiv two\n\nQuote\n\ntail" },
  { "/corroborate/text/html/inline",
    "<p>Some <b>bold</b>, <i>italic</i> and <a href=\"/x\">link</a>text.</p>",
    "Some bold, italic and linktext." },
  { "/corroborate/text/html/nested-lists",
    "<p>Intro</p><ul><li>One<ul><li>One.a</li><li>One.b</li></ul></li><li>Two</li></ul>"
    "<ol><li>Three</ol><p>After</p>",
    "Intro\n\nOne\nOne.a\nOne.b\nTwo\n\nThree\n\nAfter" },
  { "/corroborate/text/html/table",
    "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td>2</td></tr></table>",
    "A B\n1 2" },
  { "/corroborate/text/html/pre",
    "<p>Code:</p><pre>\n  int x;\n\n  return  x;   \n</pre><p>done</p>",
    "Code:\n\n  int x;\n\n  return  x;\n\ndone" },
  { "/corroborate/text/html/comments-doctype-cdata",
    "<!DOCTYPE html><!-- a <p>hidden</p> comment --><p>Text<!----> more</p>"
    "<![CDATA[ x > y ]]><?xml version=\"1.0\"?><p>End</p><!-- unclosed <p>gone",
    "Text more\n\nEnd" },
  { "/corroborate/text/html/broken",
    "<p>Unclosed <b>bold <i>italic<p>Next: 3 < 4 and 5 > 2, <3 </ p>"
    "<a title=\"a > b\" href='x>y'>link</a> <img alt=x>y"
    "<div class=\"broken>Text after</div><p>Later</p></span></div></p><",
    /* "</ p>" is a bogus comment in HTML, not an end tag */
    "Unclosed bold italic\n\nNext: 3 < 4 and 5 > 2, <3 link y\nText after\n\nLater\n\n<" },
  { "/corroborate/text/html/hidden-elements",
    "<svg><title>Icon</title><text>svg text</text><svg></svg></svg>"
    "<template><p>tmpl</p></template><p>Visible</p><math><mi>x</mi></math>"
    "<svg/><p>Also visible</p><iframe>frame</iframe>",
    "Visible\n\nAlso visible" },
  { "/corroborate/text/html/head",
    "<html><head><title>T</title><meta charset=utf-8><style>x{}</style></head>"
    "<body><p>Body</p></body></html>",
    "Body" },
  { "/corroborate/text/html/unclosed-head",
    "<html><head><title>T</title><p>Body text",
    "Body text" },
  { "/corroborate/text/html/unclosed-head-text",
    "<head><title>T</title>Plain text &amp; more",
    "Plain text & more" },
  { "/corroborate/text/html/uppercase-attributes",
    "<P CLASS=x>One</P><DIV\nclass='a'\n>Two</DIV>",
    "One\n\nTwo" },
};

static void
test_html_case (gconstpointer data)
{
  const HtmlCase *c = data;
  g_autofree char *text = crb_text_from_html (c->html, strlen (c->html), NULL);

  g_assert_cmpstr (text, ==, c->expected);
}

static void
test_html_meta (void)
{
  static const char doc[] =
    "<!doctype html><html><head>\n"
    "<title>Talks stall &ndash; Example News</title>\n"
    "<meta property=\"og:title\" content=\"Ceasefire talks stall in &quot;Doha&quot;\">\n"
    "<meta property='og:site_name' content='Example News'>\n"
    "<meta property=article:published_time content=2024-05-24T09:30:00+02:00>\n"
    "<meta name=\"author\" content=\"  Jane   Doe \">\n"
    "<meta property=\"og:url\" content=\"https://example.com/og\">\n"
    "<link rel=\"alternate canonical\" href=\"https://example.com/a?x=1&amp;y=2\">\n"
    "</head><body><svg><title>Logo</title></svg>"
    "<h1>Ceasefire <em>talks</em> stall</h1><p>Body.</p></body></html>";
  g_auto(CrbTextMeta) meta = { 0 };
  g_autofree char *text = crb_text_from_html (doc, strlen (doc), &meta);

  g_assert_cmpstr (text, ==, "Ceasefire talks stall\n\nBody.");
  g_assert_cmpstr (meta.title, ==, "Ceasefire talks stall in \"Doha\"");
  g_assert_cmpstr (meta.outlet, ==, "Example News");
  g_assert_cmpstr (meta.url, ==, "https://example.com/a?x=1&y=2");
  g_assert_cmpstr (meta.date, ==, "2024-05-24T09:30:00+02:00");
  g_assert_cmpstr (meta.author, ==, "Jane Doe");
}

static void
test_html_meta_fallbacks (void)
{
  g_auto(CrbTextMeta) meta = { 0 };
  g_auto(CrbTextMeta) meta2 = { 0 };
  g_auto(CrbTextMeta) meta3 = { 0 };
  g_autofree char *t1 = NULL, *t2 = NULL, *t3 = NULL, *t4 = NULL;
  const char *doc1 = "<title>\n  Plain   title </title><meta name=date content=\"2024-05-24\">"
                     "<h1>Heading</h1><p>x</p>";
  const char *doc2 = "<body><svg><title>Icon</title></svg><h1> The <b>H1</b>\n title </h1>"
                     "<h1>Second</h1><p>x</p>";
  const char *doc3 = "<meta property=og:title content=\"From page\"><meta name=date content=yesterday>";

  t1 = crb_text_from_html (doc1, strlen (doc1), &meta);
  g_assert_cmpstr (meta.title, ==, "Plain title");
  g_assert_cmpstr (meta.date, ==, "2024-05-24");
  g_assert_cmpstr (t1, ==, "Heading\n\nx");

  t2 = crb_text_from_html (doc2, strlen (doc2), &meta2);
  g_assert_cmpstr (meta2.title, ==, "The H1 title");
  g_assert_null (meta2.url);
  g_assert_null (meta2.date);

  /* fields set by the caller are kept; non-ISO dates are not taken */
  meta3.title = g_strdup ("Caller's title");
  t3 = crb_text_from_html (doc3, strlen (doc3), &meta3);
  g_assert_cmpstr (meta3.title, ==, "Caller's title");
  g_assert_null (meta3.date);
  g_assert_cmpstr (t3, ==, "");

  /* a length shorter than the string is honoured */
  t4 = crb_text_from_html ("<p>abc</p><p>def</p>", 10, NULL);
  g_assert_cmpstr (t4, ==, "abc");
}

static void
test_html_fuzz (void)
{
  static const char * const pieces[] = {
    "<", ">", "</", "/>", "p", "br", "script", "style", "pre", "h1", "svg", "title", "head",
    "li", "ul", "&", "#", "x", ";", "amp", "nbsp", "#x2019", "#9999999", "'", "\"", "=",
    "!--", "-->", "<![CDATA[", "]]>", " ", "\n", "\t", "text", "é", "\xff", "\xc3",
    "\xe2\x80", "a", "meta property=og:title content=", "link rel=canonical href=",
    "<head>", "\xc2\xa0", "\xa0", "\xc2",
  };

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GString) html = g_string_new (NULL);
      g_autofree char *text = NULL;
      g_auto(CrbTextMeta) meta = { 0 };
      guint n = (guint) g_test_rand_int_range (0, 80);

      for (guint k = 0; k < n; k++)
        {
          if (g_test_rand_int_range (0, 10) == 0)
            g_string_append_c (html, (char) g_test_rand_int_range (1, 256));
          else
            g_string_append (html, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
        }
      text = crb_text_from_html (html->str, html->len, &meta);
      g_assert_nonnull (text);
      g_assert_true (g_utf8_validate (text, -1, NULL));
      g_assert_true (meta.title == NULL || g_utf8_validate (meta.title, -1, NULL));
      g_assert_true (meta.url == NULL || g_utf8_validate (meta.url, -1, NULL));
    }
}

/* Pathological markup must stay linear: 1 MB of it may take at most 20
 * times as long as 1 MB of ordinary markup (a quadratic scan would take
 * thousands of times as long).  Relative, so it also holds under valgrind. */
static double
time_from_html (const char *pattern)
{
  g_autoptr(GString) html = g_string_new (NULL);
  g_autoptr(GTimer) timer = NULL;
  g_autofree char *text = NULL;

  while (html->len < 1024 * 1024)
    g_string_append (html, pattern);
  timer = g_timer_new ();
  text = crb_text_from_html (html->str, html->len, NULL);
  g_assert_nonnull (text);
  return g_timer_elapsed (timer, NULL);
}

static void
test_html_linear (void)
{
  static const char * const patterns[] = {
    "<a b='", "<a b=\"", "<!--", "<script>", "&#", "<", "<p", "</", "<![CDATA[", "<title>",
  };
  double baseline = time_from_html ("<p>Some <b>ordinary</b> text &amp; a <a href='x'>link</a></p>\n");

  for (guint i = 0; i < G_N_ELEMENTS (patterns); i++)
    {
      double elapsed = time_from_html (patterns[i]);

      g_test_message ("%s: %.3f s (baseline %.3f s)", patterns[i], elapsed, baseline);
      g_assert_cmpfloat (elapsed, <, 20.0 * baseline + 0.05);
    }
}

/* ------------------------------------------------------------------ */
/* metadata                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *path;
  const char *input;
  const char *rest;
  const char *title, *outlet, *url, *date, *author;
} MetaCase;

static const MetaCase meta_cases[] = {
  { "/corroborate/text/metadata/front-matter",
    "---\ntitle: \"Ceasefire talks stall\"\nsource: Reuters\nurl: https://example.com/a\n"
    "date: 2024-05-24\nauthor: Jane Doe\ntags:\n  - war\n# comment\n---\n\nBody text.\n",
    "Body text.\n",
    "Ceasefire talks stall", "Reuters", "https://example.com/a", "2024-05-24", "Jane Doe" },
  { "/corroborate/text/metadata/front-matter-crlf",
    "---\r\nTitle: X\r\npublisher: AP\r\nlink: http://x.org\r\npublished: 2024-05-24T10:00:00Z\r\n"
    "by: Ann\r\n---\r\nBody",
    "Body", "X", "AP", "http://x.org", "2024-05-24T10:00:00Z", "Ann" },
  { "/corroborate/text/metadata/not-front-matter",
    "---\nThis is a rule, not front matter.\n---\nBody",
    "---\nThis is a rule, not front matter.\n---\nBody",
    NULL, NULL, NULL, NULL, NULL },
  { "/corroborate/text/metadata/unclosed-front-matter",
    "---\ntitle: x\nBody",
    "---\ntitle: x\nBody",
    NULL, NULL, NULL, NULL, NULL },
  { "/corroborate/text/metadata/key-lines",
    "Title: Talks stall\nOutlet: AP\nSource URL: https://ap.example/1\nPublished: May 24, 2024\n"
    "By: John Smith\n\nThe talks stalled.\nAuthor: not metadata any more",
    "The talks stalled.\nAuthor: not metadata any more",
    "Talks stall", "AP", "https://ap.example/1", "2024-05-24", "John Smith" },
  { "/corroborate/text/metadata/key-lines-stop",
    "Title: T\nNote: unknown key\nauthor: A",
    "Note: unknown key\nauthor: A",
    "T", NULL, NULL, NULL, NULL },
  { "/corroborate/text/metadata/source-is-url",
    "source: https://example.org/story\nText",
    "Text", NULL, NULL, "https://example.org/story", NULL, NULL },
  { "/corroborate/text/metadata/date-prefix-same-line",
    " date 2024-05-24 On Friday, Russia said the talks had failed.",
    "On Friday, Russia said the talks had failed.",
    NULL, NULL, NULL, "2024-05-24", NULL },
  { "/corroborate/text/metadata/date-prefix-own-line",
    "DATE 2024-05-24\n\nOn Friday, Russia said ...",
    "On Friday, Russia said ...",
    NULL, NULL, NULL, "2024-05-24", NULL },
  { "/corroborate/text/metadata/date-prefix-with-time",
    "Date: 2024-05-24T08:15 Kyiv was attacked",
    "Kyiv was attacked",
    NULL, NULL, NULL, "2024-05-24T08:15", NULL },
  { "/corroborate/text/metadata/date-night",
    "date night was fun",
    "date night was fun",
    NULL, NULL, NULL, NULL, NULL },
  { "/corroborate/text/metadata/bad-date",
    "date 2024-13-45 something",
    "date 2024-13-45 something",
    NULL, NULL, NULL, NULL, NULL },
  { "/corroborate/text/metadata/date-glued",
    "date 2024-05-24th was a Friday",
    "date 2024-05-24th was a Friday",
    NULL, NULL, NULL, NULL, NULL },
  { "/corroborate/text/metadata/dated",
    "Dated 2024-05-24, the letter said",
    "Dated 2024-05-24, the letter said",
    NULL, NULL, NULL, NULL, NULL },
  { "/corroborate/text/metadata/front-matter-then-date",
    "---\ntitle: T\n---\ndate 2024-05-24 Text",
    "Text", "T", NULL, NULL, "2024-05-24", NULL },
  { "/corroborate/text/metadata/none",
    "Just an article.\ntitle: in the body",
    "Just an article.\ntitle: in the body",
    NULL, NULL, NULL, NULL, NULL },
};

static void
test_meta_case (gconstpointer data)
{
  const MetaCase *c = data;
  g_auto(CrbTextMeta) meta = { 0 };
  /* The text is never changed: the body is a suffix of it. */
  const char *rest = c->input + crb_text_read_metadata (c->input, &meta);
  const char *rest2 = c->input + crb_text_read_metadata (c->input, NULL);

  g_assert_cmpstr (rest, ==, c->rest);
  g_assert_cmpstr (rest2, ==, c->rest);
  g_assert_cmpstr (meta.title, ==, c->title);
  g_assert_cmpstr (meta.outlet, ==, c->outlet);
  g_assert_cmpstr (meta.url, ==, c->url);
  g_assert_cmpstr (meta.date, ==, c->date);
  g_assert_cmpstr (meta.author, ==, c->author);
}

/* ------------------------------------------------------------------ */
/* short inputs                                                         */
/* ------------------------------------------------------------------ */

/* Every reader on every prefix of inputs that stop anywhere: inside a
 * byte order mark, a UTF-8 sequence, a tag, a reference, front matter or
 * a date.  Each prefix is copied to a buffer of exactly its size (not
 * NUL-terminated where the reader takes a length), so that a reader
 * looking past its input is caught by AddressSanitizer (issue 13: a
 * 1-byte .txt made the metadata reader compare 3 bytes).
 */
static void
test_short_inputs (void)
{
  static const char * const seeds[] = {
    "a",
    "\xef\xbb\xbf---\ntitle: T\nurl: \"https://x.example/a\"\n---\n\ndate 2024-05-24T10:00:00+02:00 Text",
    "date: 24 May 2024\r\nAuthor: A\r\n\r\nBody",
    " date 2024-05-24 On Friday",
    "<p>&#x2014;&amp &nbsp&#150</p><!-- x --><![CDATA[ y ]]><a b='c",
    "\xff\xfe" "a\0b\0",
    "\xfe\xff\0a\0b",
    "\xe2\x80\x94 é ж \xf0\x9f\x98\x80",
    "<head>\xc2\xa0<meta property=og:title content='x &amp; y",
    "Caf\xe9 cr\xe8me br\xfbl\xe9" "e",
    "<html><title>T</title><h1>H</h1><pre>\r\nx</pre>",
  };

  for (guint s = 0; s < G_N_ELEMENTS (seeds); s++)
    {
      /* the UTF-16 seeds hold NULs: their length is counted to the end */
      gsize full = s == 5 || s == 6 ? 6 : strlen (seeds[s]);

      for (gsize n = 0; n <= full; n++)
        {
          g_autofree char *exact = g_memdup2 (seeds[s], n);   /* no NUL after it */
          g_autofree char *string = g_strndup (seeds[s], n);
          g_autoptr(GBytes) bytes = g_bytes_new (exact, n);
          g_autoptr(GError) error = NULL;
          g_auto(CrbTextMeta) meta = { 0 };
          g_auto(CrbTextMeta) html_meta = { 0 };
          g_autofree char *decoded = NULL;
          g_autofree char *html = NULL;
          g_autofree char *normal = NULL;

          decoded = crb_text_decode (bytes, "short.txt", NULL, &error);
          g_assert_true ((decoded != NULL) != (error != NULL));
          if (decoded != NULL)
            g_assert_true (g_utf8_validate (decoded, -1, NULL));

          html = crb_text_from_html (n > 0 ? exact : "", n, &html_meta);
          g_assert_true (g_utf8_validate (html, -1, NULL));

          if (g_utf8_validate (string, -1, NULL))
            {
              gsize body = crb_text_read_metadata (string, &meta);

              g_assert_cmpuint (body, <=, n);
              g_assert_true (g_utf8_validate (string + body, -1, NULL));
              normal = crb_text_normalize (string);
              g_assert_true (g_utf8_validate (normal, -1, NULL));
            }
        }
    }
}

/* ------------------------------------------------------------------ */
/* normalisation                                                        */
/* ------------------------------------------------------------------ */

typedef struct
{
  const char *path;
  const char *input;
  const char *expected;
} NormalizeCase;

static const NormalizeCase normalize_cases[] = {
  { "/corroborate/text/normalize/line-ends", "a\r\nb\rc\n\rd", "a\nb\nc\n\nd" },
  { "/corroborate/text/normalize/trailing-space", "a  \t\nb \n  c", "a\nb\n  c" },
  { "/corroborate/text/normalize/blank-runs", "a\n\n\n\nb\n \t \n\nc", "a\n\nb\n\nc" },
  { "/corroborate/text/normalize/trim", "\n\n  \n  Text\n\n \n", "  Text" },
  { "/corroborate/text/normalize/controls", "a\x01\x1b[0mb\x0b\x0c\x7f\tc", "a[0mb\x7f\tc" },
  { "/corroborate/text/normalize/unicode-kept", "“Quote” — it’s\xc2\xa0" "fine  ﬁ é",
    "“Quote” — it’s\xc2\xa0" "fine  ﬁ é" },
  { "/corroborate/text/normalize/empty", "", "" },
  { "/corroborate/text/normalize/blank", " \n\r\n\t", "" },
};

static void
test_normalize_case (gconstpointer data)
{
  const NormalizeCase *c = data;
  g_autofree char *text = crb_text_normalize (c->input);

  g_assert_cmpstr (text, ==, c->expected);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (decode_cases); i++)
    g_test_add_data_func (decode_cases[i].path, &decode_cases[i], test_decode_case);
  g_test_add_func ("/corroborate/text/decode/messages", test_decode_messages);
  g_test_add_func ("/corroborate/text/decode/roundtrip", test_decode_roundtrip);
  g_test_add_func ("/corroborate/text/decode/fuzz", test_decode_fuzz);
  g_test_add_func ("/corroborate/text/decode/check", test_decode_check);

  for (guint i = 0; i < G_N_ELEMENTS (html_cases); i++)
    g_test_add_data_func (html_cases[i].path, &html_cases[i], test_html_case);
  g_test_add_func ("/corroborate/text/html/meta", test_html_meta);
  g_test_add_func ("/corroborate/text/html/meta-fallbacks", test_html_meta_fallbacks);
  g_test_add_func ("/corroborate/text/html/fuzz", test_html_fuzz);
  g_test_add_func ("/corroborate/text/html/linear", test_html_linear);

  for (guint i = 0; i < G_N_ELEMENTS (meta_cases); i++)
    g_test_add_data_func (meta_cases[i].path, &meta_cases[i], test_meta_case);

  g_test_add_func ("/corroborate/text/short-inputs", test_short_inputs);

  for (guint i = 0; i < G_N_ELEMENTS (normalize_cases); i++)
    g_test_add_data_func (normalize_cases[i].path, &normalize_cases[i], test_normalize_case);

  return g_test_run ();
}
