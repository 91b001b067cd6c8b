/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The claim values as people write them (src/app/crb-format.c), in English;
 * tests/test-l10n.c checks the German.  No display.
 */
#include "config.h"

#include <locale.h>

#include "crb-format.h"

/* JSON written with ' for ", to read in C. */
static JsonNode *
parse (const char *json)
{
  g_autofree char *text = g_strdup (json);

  g_strdelimit (text, "'", '"');
  return json_from_string (text, NULL);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr (JsonNode) node = parse (json);

  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_object_ref (json_node_get_object (node));
}

static void
assert_quantity (const char *json,
                 const char *expected)
{
  g_autoptr (JsonObject) object = parse_object (json);
  g_autofree char *text = crb_format_quantity (object);

  g_assert_cmpstr (text, ==, expected);
}

static void
assert_date (const char *json,
             const char *article_date,
             const char *expected)
{
  g_autoptr (JsonObject) object = parse_object (json);
  g_autofree char *text = crb_format_date (object, article_date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_quantities (void)
{
  /* "1 at-least killed", "dozens → 24 at-least injured" before. */
  assert_quantity ("{'text':'at least 1','value':1,'qualifier':'at-least','unit':'killed'}",
                   "at least 1 killed");
  assert_quantity ("{'text':'dozens','value':24,'qualifier':'at-least','unit':'injured'}",
                   "“dozens”: at least 24 injured");
  assert_quantity ("{'text':'Seven','value':7,'qualifier':'exact','unit':'killed','noun':'people'}",
                   "“Seven”: 7 killed");
  assert_quantity ("{'text':'more than 140','value':140,'qualifier':'more-than','unit':'killed'}",
                   "more than 140 killed");
  assert_quantity ("{'text':'up to 3','value':3,'qualifier':'at-most','unit':'detained'}",
                   "at most 3 detained");
  assert_quantity ("{'text':'fewer than 10','value':10,'qualifier':'less-than','unit':'missing'}",
                   "less than 10 missing");
  assert_quantity ("{'text':'about 40,000','value':40000,'qualifier':'about','unit':'vehicles'}",
                   "about 40000 vehicles");
  assert_quantity ("{'text':'€4.2 million','value':4200000,'qualifier':'exact',"
                   "'unit':'money','currency':'EUR'}",
                   "€4.2 million");
  assert_quantity ("{'text':'2.5 billion roubles','value':2500000000,"
                   "'unit':'money','currency':'RUB'}",
                   "₽2.5 billion");
  assert_quantity ("{'text':'5 francs','value':5,'unit':'money','currency':'CHF'}", "CHF5");
  assert_quantity ("{'text':'52.4 percent','value':52.4,'unit':'percent','noun':'vote'}",
                   "52.4% of the vote");
  assert_quantity ("{'text':'12.5%','value':12.5,'unit':'percent'}", "12.5%");
  assert_quantity ("{'text':'two-thirds','value':0.6667,'unit':'fraction'}",
                   "“two-thirds”: 67%");
  assert_quantity ("{'text':'31','value':31,'unit':null}", "31");
  /* No value: the words as written. */
  assert_quantity ("{'text':'a handful'}", "a handful");
}

static void
test_numbers (void)
{
  g_autofree char *a = crb_format_number (2300000);
  g_autofree char *b = crb_format_number (1.5e12);
  g_autofree char *c = crb_format_number (0.25);
  g_autofree char *d = crb_format_number (42);

  g_assert_cmpstr (a, ==, "2.3 million");
  g_assert_cmpstr (b, ==, "1.5 trillion");
  g_assert_cmpstr (c, ==, "0.25");
  g_assert_cmpstr (d, ==, "42");
}

static void
test_dates (void)
{
  /* "March 22 → --03-22" before: the article's year completes it. */
  assert_date ("{'text':'March 22','value':'--03-22'}", "2024-05-24", "22 March 2024");
  assert_date ("{'text':'March 22','value':'--03-22'}", "2024-05-24T08:00:00Z", "22 March 2024");
  assert_date ("{'text':'March 22','value':'--03-22'}", NULL, "22 March");
  assert_date ("{'text':'on Friday','value':'2024-03-22'}", NULL, "22 March 2024");
  assert_date ("{'text':'in early March','value':'2024-03'}", NULL, "March 2024");
  assert_date ("{'text':'in March','value':'--03'}", "2025-03-05", "March 2025");
  assert_date ("{'text':'in 2015','value':'2015'}", NULL, "2015");
  assert_date ("{'text':'on Friday','value':null,'weekday':'friday'}", NULL, "Friday");
  assert_date ("{'text':'yesterday','value':null,'relative':'yesterday'}", NULL, "yesterday");
  assert_date ("{'text':'29 February','value':'--02-29'}", NULL, "29 February");
  /* Anything else: the words as written. */
  assert_date ("{'text':'some day','value':'soon'}", NULL, "some day");
}

static void
test_entities_and_source (void)
{
  g_autoptr (JsonObject) place = parse_object ("{'text':'Port Almera','type':'place'}");
  g_autoptr (JsonObject) other = parse_object ("{'text':'Kessel','type':'other'}");
  g_autoptr (JsonObject) said =
    parse_object ("{'speaker':'the foreign ministry','verb':'said','source':'institution'}");
  g_autoptr (JsonObject) according =
    parse_object ("{'speaker':'officials','verb':'according to','source':'anonymous'}");
  g_autoptr (JsonObject) pronoun =
    parse_object ("{'speaker':'he','verb':'said','source':'pronoun'}");
  g_autoptr (JsonObject) nobody = parse_object ("{'verb':'said'}");
  g_autofree char *a = crb_format_entity (place);
  g_autofree char *b = crb_format_entity (other);
  g_autofree char *c = crb_format_source (said);
  g_autofree char *d = crb_format_source (according);
  g_autofree char *e = crb_format_source (pronoun);
  g_autofree char *f = crb_format_source (nobody);

  /* "Port Almera (person)" and "Speaker: …" before. */
  g_assert_cmpstr (a, ==, "Port Almera · place");
  g_assert_cmpstr (b, ==, "Kessel");
  g_assert_cmpstr (c, ==, "said by the foreign ministry");
  g_assert_cmpstr (d, ==, "according to officials");
  g_assert_cmpstr (e, ==, "said by “he”");
  g_assert_null (f);
}

static void
test_kinds_and_reasons (void)
{
  const char * const reasons[] = { "number", "casualties", "too short", "something new", NULL };
  g_autofree char *joined = crb_format_reasons (reasons);
  g_autofree char *none = crb_format_reasons (NULL);

  g_assert_cmpstr (crb_format_kind ("quantity"), ==, "quantity");
  g_assert_cmpstr (crb_format_kind ("whatever"), ==, "whatever");
  g_assert_cmpstr (crb_format_reason ("unattributed quote"), ==, "unattributed quote");
  g_assert_cmpstr (joined, ==, "number · casualties · too short · something new");
  g_assert_cmpstr (none, ==, "");
}

static void
test_values (void)
{
  g_autoptr (JsonNode) values = parse (
    "{'quantities':[{'text':'at least 1','value':1,'qualifier':'at-least','unit':'killed'},"
    "{'text':'dozens','value':24,'qualifier':'at-least','unit':'injured'}],"
    "'dates':[{'text':'March 22','value':'--03-22'}],"
    "'entities':[{'text':'Port Almera','type':'place'}],"
    "'speaker':'the foreign ministry','verb':'said','source':'institution'}");
  g_autoptr (GPtrArray) lines = crb_format_values (values, "2024-05-24");
  g_autoptr (GPtrArray) empty = crb_format_values (NULL, NULL);
  static const char * const expected[][2] = {
    { "Figures", "at least 1 killed" },
    { "Figures", "“dozens”: at least 24 injured" },
    { "Dates", "22 March 2024" },
    { "Names", "Port Almera · place" },
    { "Source", "said by the foreign ministry" },
  };

  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < lines->len; i++)
    {
      CrbValueLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpstr (line->heading, ==, expected[i][0]);
      g_assert_cmpstr (line->text, ==, expected[i][1]);
    }
  g_assert_cmpuint (empty->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  /* English, as written in the sources. */
  setlocale (LC_ALL, "C.UTF-8");

  g_test_add_func ("/corroborate/format/quantities", test_quantities);
  g_test_add_func ("/corroborate/format/numbers", test_numbers);
  g_test_add_func ("/corroborate/format/dates", test_dates);
  g_test_add_func ("/corroborate/format/entities-and-source", test_entities_and_source);
  g_test_add_func ("/corroborate/format/kinds-and-reasons", test_kinds_and_reasons);
  g_test_add_func ("/corroborate/format/values", test_values);
  return g_test_run ();
}
