/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The project's JSON reader against json-glib: the same values for valid
 * text (including random documents), a message with line and column for
 * invalid text, and no crash on mutated input.
 */
#include "config.h"

#include <string.h>

#include "crb-json.h"
#include "crb-json-reader.h"

/* Writes a reader value as compact JSON, in the form crb_json_append() gives. */
static void
append_reader_value (GString            *out,
                     const CrbJsonDoc   *doc,
                     const CrbJsonValue *value)
{
  gboolean first = TRUE;

  switch (crb_json_type (value))
    {
    case CRB_JSON_NULL:
      g_string_append (out, "null");
      break;
    case CRB_JSON_BOOLEAN:
      g_string_append (out, crb_json_boolean (value) ? "true" : "false");
      break;
    case CRB_JSON_INT:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, crb_json_int (value));
      break;
    case CRB_JSON_DOUBLE:
      crb_json_append_double (out, crb_json_double (value));
      break;
    case CRB_JSON_STRING:
      g_assert_cmpuint (strlen (crb_json_string (doc, value)), ==, crb_json_string_length (value));
      crb_json_append_string (out, crb_json_string (doc, value));
      break;
    case CRB_JSON_ARRAY:
      g_string_append_c (out, '[');
      for (const CrbJsonValue *e = crb_json_first (doc, value); e; e = crb_json_next (doc, e))
        {
          if (!first)
            g_string_append_c (out, ',');
          first = FALSE;
          append_reader_value (out, doc, e);
        }
      g_string_append_c (out, ']');
      break;
    case CRB_JSON_OBJECT:
      g_string_append_c (out, '{');
      /* A name given twice: json-glib keeps the first place and the last value. */
      for (const CrbJsonValue *m = crb_json_first (doc, value); m; m = crb_json_next (doc, m))
        {
          gboolean seen = FALSE;

          for (const CrbJsonValue *e = crb_json_first (doc, value); e != m; e = crb_json_next (doc, e))
            seen = seen || g_str_equal (crb_json_key (doc, e), crb_json_key (doc, m));
          if (seen)
            continue;
          crb_json_member (out, &first, crb_json_key (doc, m));
          append_reader_value (out, doc, crb_json_member_get (doc, value, crb_json_key (doc, m)));
        }
      g_string_append_c (out, '}');
      break;
    default:
      g_assert_not_reached ();
    }
}

static char *
through_reader (const char *text,
                gsize       length,
                GError    **error)
{
  g_autoptr (CrbJsonDoc) doc = crb_json_doc_parse (text, length, error);
  GString *out;

  if (doc == NULL)
    return NULL;
  out = g_string_new (NULL);
  append_reader_value (out, doc, crb_json_doc_root (doc));
  return g_string_free (out, FALSE);
}

static char *
through_json_glib (const char *text,
                   gsize       length)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  GString *out;

  if (!json_parser_load_from_data (parser, text, length, NULL))
    return NULL;
  out = g_string_new (NULL);
  crb_json_append (out, json_parser_get_root (parser));
  return g_string_free (out, FALSE);
}

static void
test_valid (void)
{
  static const char * const cases[] = {
    "{}", "[]", "null", "true", "false", "0", "-0", "42", "-17", "3.25", "1e3", "-2.5E-3",
    "9223372036854775807", "-9223372036854775808",
    "\"\"", "\"plain\"", "\"tab\\tnew\\nline\\r\\\"quote\\\" back\\\\slash \\/ \\b\\f\"",
    "\"T\\u00fcrkiye \\u041a\\u0438\\u0435\\u0432 \\ud83d\\ude00 \\u201ccurly\\u201d\"",
    "\"Türkiye Київ 😀 “curly”\"",
    " \n\t{ \"a\" : [ 1 , 2.5 , { \"b\" : null } ] , \"c\" : \"d\" } \r\n",
    "{\"story\":\"s1\",\"articles\":[{\"id\":\"a\",\"text\":\"x\"}],\"claims\":[],\"history\":[]}",
    "[[[[[[[[[[1]]]]]]]]]]",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autofree char *ours = through_reader (cases[i], strlen (cases[i]), &error);
      g_autofree char *theirs = through_json_glib (cases[i], strlen (cases[i]));

      g_test_message ("case %u: %s", i, cases[i]);
      g_assert_no_error (error);
      g_assert_nonnull (theirs);
      g_assert_cmpstr (ours, ==, theirs);
    }
}

static void
test_lookup_and_raw (void)
{
  const char *text = "{\"id\": \"c1\", \"values\": {\"n\": [133, \"at least\"]}, \"id\": \"c2\", \"s\": 0.5}";
  g_autoptr (CrbJsonDoc) doc = crb_json_doc_parse (text, strlen (text), NULL);
  const CrbJsonValue *root = crb_json_doc_root (doc);
  const CrbJsonValue *values = crb_json_member_get (doc, root, "values");
  const char *raw;
  gsize raw_len;

  g_assert_cmpint (crb_json_type (root), ==, CRB_JSON_OBJECT);
  g_assert_cmpuint (crb_json_length (root), ==, 4);
  /* The last of two members with one name wins, as in json-glib. */
  g_assert_cmpstr (crb_json_get_string (doc, root, "id", NULL), ==, "c2");
  g_assert_cmpstr (crb_json_get_string (doc, root, "missing", "default"), ==, "default");
  g_assert_null (crb_json_member_get (doc, root, "missing"));
  g_assert_null (crb_json_member_get (doc, values, "nope"));
  g_assert_cmpfloat (crb_json_double (crb_json_member_get (doc, root, "s")), ==, 0.5);
  g_assert_true (crb_json_is_number (crb_json_member_get (doc, root, "s")));

  raw = crb_json_raw (doc, values, &raw_len);
  g_assert_cmpint (raw_len, ==, strlen ("{\"n\": [133, \"at least\"]}"));
  g_assert_true (strncmp (raw, "{\"n\": [133, \"at least\"]}", raw_len) == 0);
}

static void
test_invalid (void)
{
  static const struct { const char *text; const char *where; } cases[] = {
    { "", "1:1:" },
    { "   ", "1:4:" },
    { "{", "1:2:" },
    { "{\"a\":1,}", "1:8:" },
    { "[1,]", "1:4:" },
    { "[1 2]", "1:4:" },
    { "{\"a\" 1}", "1:6:" },
    { "{a:1}", "1:2:" },
    { "'single'", "1:1:" },
    { "\"unterminated", "1:14:" },
    { "\"ctrl\x01\"", "1:6:" },
    { "\"bad \\x escape\"", "1:6:" },
    { "\"\\u12\"", "1:4:" },
    { "\"\\ud83d alone\"", "1:8:" },
    { "\"\\ude00\"", "1:2:" },
    { "\"\\u0000\"", "1:2:" },
    { "01", "1:2:" },
    { "1.", "1:3:" },
    { "-", "1:2:" },
    { "1e", "1:3:" },
    { "tru", "1:1:" },
    { "nul", "1:1:" },
    { "{} {}", "1:4:" },
    { "[1]\n[2]", "2:1:" },
    { "{\n  \"a\": [1,\n  x]}", "3:3:" },
    { "\"caf\xc3\"", "1:5:" },
    { "\"Türk\xff\"", "1:6:" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrbJsonDoc) doc = crb_json_doc_parse (cases[i].text, strlen (cases[i].text), &error);

      g_test_message ("case %u: %s", i, cases[i].text);
      g_assert_null (doc);
      g_assert_nonnull (error);
      if (!g_str_has_prefix (error->message, cases[i].where))
        g_error ("case %u: expected %s, got %s", i, cases[i].where, error->message);
      g_assert_nonnull (strstr (error->message, "Parse error: "));
    }
}

static void
test_deep_nesting (void)
{
  GString *deep = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbJsonDoc) doc = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append_c (deep, '[');
  doc = crb_json_doc_parse (deep->str, deep->len, &error);
  g_assert_null (doc);
  g_assert_nonnull (strstr (error->message, "nested too deeply"));
  g_string_free (deep, TRUE);
}

/* Random documents: random structure, strings with escapes and any code point. */
static void
random_value (GString *out,
              GRand   *rand,
              guint    depth)
{
  guint kind = g_rand_int_range (rand, 0, depth > 4 ? 5 : 7);
  guint n;

  if (g_rand_boolean (rand))
    g_string_append (out, g_rand_boolean (rand) ? " " : "\n\t ");

  switch (kind)
    {
    case 0:
      g_string_append (out, (const char *[]) { "null", "true", "false" }[g_rand_int_range (rand, 0, 3)]);
      break;
    case 1:
      g_string_append_printf (out, "%" G_GINT64_FORMAT,
                              (gint64) g_rand_int (rand) * (g_rand_boolean (rand) ? 1 : -1000003));
      break;
    case 2:
      {
        char buffer[G_ASCII_DTOSTR_BUF_SIZE];

        g_string_append (out, g_ascii_dtostr (buffer, sizeof buffer,
                                              g_rand_double_range (rand, -1e6, 1e6)));
      }
      break;
    case 3:
    case 4:
      n = g_rand_int_range (rand, 0, 12);
      g_string_append_c (out, '"');
      for (guint i = 0; i < n; i++)
        {
          gunichar c;

          switch (g_rand_int_range (rand, 0, 5))
            {
            case 0:
              g_string_append (out, (const char *[]) { "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\ud83d\\ude00" }
                                    [g_rand_int_range (rand, 0, 7)]);
              break;
            case 1:
              do
                c = g_rand_int_range (rand, 0x20, 0x110000);
              while ((c >= 0xD800 && c <= 0xDFFF) || c == '"' || c == '\\');
              g_string_append_unichar (out, c);
              break;
            default:
              g_string_append_c (out, (char) g_rand_int_range (rand, 'a', 'z' + 1));
              break;
            }
        }
      g_string_append_c (out, '"');
      break;
    case 5:
      n = g_rand_int_range (rand, 0, 5);
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          random_value (out, rand, depth + 1);
        }
      g_string_append_c (out, ']');
      break;
    default:
      n = g_rand_int_range (rand, 0, 5);
      g_string_append_c (out, '{');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_printf (out, "\"k%u\":", i);
          random_value (out, rand, depth + 1);
        }
      g_string_append_c (out, '}');
      break;
    }
}

static void
test_random (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 3000; round++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GError) error = NULL;
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;

      random_value (text, rand, 0);
      ours = through_reader (text->str, text->len, &error);
      theirs = through_json_glib (text->str, text->len);
      if (g_strcmp0 (ours, theirs) != 0)
        g_error ("round %u: %s\nreader: %s (%s)\njson-glib: %s", round, text->str,
                 ours, error ? error->message : "", theirs);

      /* Mutations: never a crash, and what the strict reader accepts, json-glib accepts. */
      for (guint m = 0; m < 4 && text->len > 0; m++)
        {
          g_autofree char *mutated_ours = NULL;
          g_autofree char *mutated_theirs = NULL;
          guint at = g_rand_int_range (rand, 0, text->len);

          text->str[at] = "{}[],:\"\\ 0-e.tn\x01"[g_rand_int_range (rand, 0, 17)];
          mutated_ours = through_reader (text->str, text->len, NULL);
          mutated_theirs = through_json_glib (text->str, text->len);
          if (mutated_ours != NULL)
            g_assert_cmpstr (mutated_ours, ==, mutated_theirs);
        }
    }
}

/* The writer's escaping, at every position of an eight-byte word: what it
 * writes reads back, through json-glib, as the same string.
 */
static void
test_writer_escapes (void)
{
  static const char * const pieces[] = { "a", "\"", "\\", "\n", "\t", "\x01", "\x1f", " ", "é", "😀", "/" };
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 5000; round++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (GString) json = g_string_new (NULL);
      g_autoptr (JsonParser) parser = json_parser_new ();
      g_autoptr (GError) error = NULL;
      guint n = g_rand_int_range (rand, 0, 40);

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      crb_json_append_string (json, text->str);
      g_assert_true (json_parser_load_from_data (parser, json->str, json->len, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (json_node_get_string (json_parser_get_root (parser)), ==, text->str);
      for (const char *p = json->str; *p; p++)
        g_assert_cmpint ((guchar) *p, >=, 0x20);
    }
}

/* UTF-8 is checked as g_utf8_validate_len() does it: the same verdict on
 * random bytes (overlong forms, surrogates, truncated sequences), and the
 * error column at the first bad byte.
 */
static void
test_utf8 (void)
{
  static const guchar bytes[] = { 'a', ' ', 0x7f, 0x80, 0xbf, 0xc0, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xed, 0xa0,
                                  0xf0, 0x9f, 0x98, 0x80, 0xf4, 0x90, 0xff };
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr (GString) text = g_string_new ("\"");
      g_autoptr (GError) error = NULL;
      g_autoptr (CrbJsonDoc) doc = NULL;
      guint n = g_rand_int_range (rand, 0, 24);
      const char *bad = NULL;
      gboolean valid;

      for (guint i = 0; i < n; i++)
        g_string_append_c (text, (char) bytes[g_rand_int_range (rand, 0, G_N_ELEMENTS (bytes))]);
      g_string_append_c (text, '"');
      valid = g_utf8_validate_len (text->str, text->len, &bad);
      doc = crb_json_doc_parse (text->str, text->len, &error);
      if (valid)
        {
          g_assert_no_error (error);
          g_autofree char *inside = g_strndup (text->str + 1, text->len - 2);

          g_assert_cmpstr (crb_json_string (doc, crb_json_doc_root (doc)), ==, inside);
          g_assert_cmpuint (crb_json_string_length (crb_json_doc_root (doc)), ==, text->len - 2);
        }
      else
        {
          g_autofree char *where = g_strdup_printf ("1:%ld: ", g_utf8_pointer_to_offset (text->str, bad) + 1);

          g_assert_null (doc);
          g_assert_nonnull (error);
          g_assert_true (g_str_has_prefix (error->message, where));
          g_assert_nonnull (strstr (error->message, "invalid UTF-8"));
        }
    }
}

/* The writer's numbers: the shortest of %.15g, %.16g and %.17g that reads
 * back as the same double, whichever way it gets there.
 */
static void
test_writer_doubles (void)
{
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 200000; round++)
    {
      g_autoptr (GString) ours = g_string_new (NULL);
      char reference[G_ASCII_DTOSTR_BUF_SIZE];
      double d;

      switch (round % 5)
        {
        case 0: d = g_rand_int_range (rand, 0, 1001) / 1000.0; break;           /* scores */
        case 1: d = g_rand_int_range (rand, -100000000, 100000000) / 10000.0; break;
        case 2: d = g_rand_double_range (rand, -1e12, 1e12); break;
        case 3: d = g_rand_double_range (rand, -1e-3, 1e-3); break;
        default: d = (double) g_rand_int (rand) * g_rand_int (rand) / 7.0; break;
        }
      if (round == 0)
        d = -0.0;

      for (int precision = 15; precision <= 17; precision++)
        {
          char format[8];

          g_snprintf (format, sizeof format, "%%.%dg", precision);
          g_ascii_formatd (reference, sizeof reference, format, d);
          if (g_ascii_strtod (reference, NULL) == d)
            break;
        }
      crb_json_append_double (ours, d);
      g_assert_cmpstr (ours->str, ==, reference);
    }
}

/* Numbers read as g_ascii_strtod() reads them, bit for bit, whichever way
 * the reader gets there (short decimals take a path of their own).
 */
static void
test_reader_doubles (void)
{
  static const char * const fixed[] = {
    "0.668", "-0.0", "0.1", "1.5e3", "2E-5", "9007199254740993.0", "123456789012345.6",
    "0.000000000000000000000001", "1e22", "1e23", "4.9e-324", "1.7976931348623157e308", "12345.678e-20",
    "0.30000000000000004", "-1.0E+2", "100000000000000000000000.0",
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 100000 + G_N_ELEMENTS (fixed); round++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (CrbJsonDoc) doc = NULL;
      double ours, reference;

      if (round < G_N_ELEMENTS (fixed))
        g_string_append (text, fixed[round]);
      else
        {
          guint n_int = g_rand_int_range (rand, 1, 10), n_frac = g_rand_int_range (rand, 0, 12);

          if (g_rand_boolean (rand))
            g_string_append_c (text, '-');
          g_string_append_c (text, (char) g_rand_int_range (rand, n_int > 1 ? '1' : '0', '9' + 1));
          for (guint i = 1; i < n_int; i++)
            g_string_append_c (text, (char) g_rand_int_range (rand, '0', '9' + 1));
          if (n_frac > 0 || g_rand_boolean (rand))
            g_string_append_c (text, '.');
          for (guint i = 0; i < MAX (n_frac, 1) && strchr (text->str, '.'); i++)
            g_string_append_c (text, (char) g_rand_int_range (rand, '0', '9' + 1));
          if (g_rand_int_range (rand, 0, 3) == 0)
            g_string_append_printf (text, "%s%d", (const char *[]) { "e", "E", "e+", "e-" }[g_rand_int_range (rand, 0, 4)],
                                    g_rand_int_range (rand, 0, 30));
        }

      doc = crb_json_doc_parse (text->str, text->len, NULL);
      g_assert_nonnull (doc);
      if (crb_json_type (crb_json_doc_root (doc)) != CRB_JSON_DOUBLE)
        continue;
      ours = crb_json_double (crb_json_doc_root (doc));
      reference = g_ascii_strtod (text->str, NULL);
      if (memcmp (&ours, &reference, sizeof ours) != 0)
        g_error ("%s: read %.17g, strtod %.17g", text->str, ours, reference);
    }
}

/* Integers of doubles out of range saturate: the conversion would be
 * undefined (UBSan's float-cast-overflow; x86-64 gives G_MININT64 for both).
 */
static void
test_int_of_huge_double (void)
{
  static const struct { const char *text; gint64 expected; } cases[] = {
    { "1e300", G_MAXINT64 }, { "-1e300", G_MININT64 }, { "1e400", G_MAXINT64 }, { "-1e400", G_MININT64 },
    { "9.3e18", G_MAXINT64 }, { "-9.3e18", G_MININT64 }, { "9.2e18", G_GINT64_CONSTANT (9200000000000000000) },
    { "-2.5", -2 }, { "2.5", 2 }, { "0.0", 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (CrbJsonDoc) doc = crb_json_doc_parse (cases[i].text, strlen (cases[i].text), NULL);

      g_assert_nonnull (doc);
      g_assert_cmpint (crb_json_type (crb_json_doc_root (doc)), ==, CRB_JSON_DOUBLE);
      g_assert_cmpint (crb_json_int (crb_json_doc_root (doc)), ==, cases[i].expected);
    }
}

/* Strings and arrays of strings written from what was read are what the
 * writer gives their text, whether the source is copied or not.
 */
static void
test_copied_strings (void)
{
  static const char * const pieces[] = {
    "a", "é", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\r", "\\b", "\\f", "\\u0001", "\\u001F",
    "\\u001f", "\\u00e9", "\\u00E9", "\\u0041", "\\ud83d\\ude00", "😀",
  };
  g_autoptr (GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr (GString) text = g_string_new ("[");
      g_autoptr (GString) copied = g_string_new (NULL);
      g_autoptr (GString) written = g_string_new (NULL);
      g_autoptr (GPtrArray) strings = g_ptr_array_new ();
      g_autoptr (CrbJsonDoc) doc = NULL;
      guint n = g_rand_int_range (rand, 0, 4);

      for (guint i = 0; i < n; i++)
        {
          guint length = g_rand_int_range (rand, 0, 20);

          if (i > 0)
            g_string_append (text, g_rand_int_range (rand, 0, 4) == 0 ? ", " : ",");
          g_string_append_c (text, '"');
          for (guint k = 0; k < length; k++)
            g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
          g_string_append_c (text, '"');
        }
      g_string_append (text, g_rand_int_range (rand, 0, 8) == 0 ? " ]" : "]");

      doc = crb_json_doc_parse (text->str, text->len, NULL);
      g_assert_nonnull (doc);
      for (const CrbJsonValue *e = crb_json_first (doc, crb_json_doc_root (doc)); e; e = crb_json_next (doc, e))
        {
          g_autoptr (GString) one = g_string_new (NULL);
          g_autoptr (GString) reference = g_string_new (NULL);

          crb_json_append_string_value (one, doc, e);
          crb_json_append_string (reference, crb_json_string (doc, e));
          g_assert_cmpstr (one->str, ==, reference->str);
          g_ptr_array_add (strings, (gpointer) crb_json_string (doc, e));
        }
      g_ptr_array_add (strings, NULL);
      crb_json_append_strv_value (copied, doc, crb_json_doc_root (doc));
      crb_json_append_strv (written, (const char * const *) strings->pdata);
      g_assert_cmpstr (copied->str, ==, written->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corroborate/json/valid", test_valid);
  g_test_add_func ("/corroborate/json/lookup-and-raw", test_lookup_and_raw);
  g_test_add_func ("/corroborate/json/invalid", test_invalid);
  g_test_add_func ("/corroborate/json/deep-nesting", test_deep_nesting);
  g_test_add_func ("/corroborate/json/random", test_random);
  g_test_add_func ("/corroborate/json/writer-escapes", test_writer_escapes);
  g_test_add_func ("/corroborate/json/utf8", test_utf8);
  g_test_add_func ("/corroborate/json/writer-doubles", test_writer_doubles);
  g_test_add_func ("/corroborate/json/reader-doubles", test_reader_doubles);
  g_test_add_func ("/corroborate/json/copied-strings", test_copied_strings);
  g_test_add_func ("/corroborate/json/int-of-huge-double", test_int_of_huge_double);

  return g_test_run ();
}
