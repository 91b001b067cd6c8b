/* SPDX-License-Identifier: GPL-3.0-or-later */
/* test-extract.c: tests of the claim extraction engine.
 *
 *   CRB_SAMPLES_DIR=/work/shared/samples/crocus-city-hall ./test-extract
 *
 * Table-driven: one entry per hard case.  Without CRB_SAMPLES_DIR the
 * regression test over the shared sample articles is skipped. */
#include "crb-extract.h"
#include "crb-json.h"

#include <string.h>

#define D "2024-03-25" /* a Monday */

static GPtrArray *
extract (const char *text,
         const char *date)
{
  GPtrArray *sentences = crb_extract_sentences (text, -1, date);

  g_assert_nonnull (sentences);
  return sentences;
}

static char *
segment_text (const char        *text,
              const CrbSentence *s)
{
  return g_strndup (text + s->start, s->end - s->start);
}

/* the segment whose text is exactly @wanted, or NULL */
static CrbSentence *
find_segment (GPtrArray  *sentences,
              const char *text,
              const char *wanted)
{
  gsize wl = strlen (wanted);

  for (guint i = 0; i < sentences->len; i++)
    {
      CrbSentence *s = g_ptr_array_index (sentences, i);
      if (s->end - s->start == wl && memcmp (text + s->start, wanted, wl) == 0)
        return s;
    }
  return NULL;
}

static void
assert_string_member (JsonObject         *o,
                      const char         *name,
                      gboolean            nullable,
                      const char * const *allowed)
{
  JsonNode *m = json_object_get_member (o, name);

  g_assert_nonnull (m);
  if (nullable && JSON_NODE_HOLDS_NULL (m))
    return;
  g_assert_true (JSON_NODE_HOLDS_VALUE (m));
  g_assert_cmpint (json_node_get_value_type (m), ==, G_TYPE_STRING);
  if (allowed != NULL)
    g_assert_true (g_strv_contains (allowed, json_node_get_string (m)));
}

/* the members of each object of @array are among @names */
static void
assert_items (JsonObject         *values,
              const char         *member,
              const char * const *names)
{
  JsonArray *array;

  if (!json_object_has_member (values, member))
    return;
  array = json_object_get_array_member (values, member);
  g_assert_nonnull (array);
  /* empty arrays are left out; at most 64 items */
  g_assert_cmpuint (json_array_get_length (array), >, 0);
  g_assert_cmpuint (json_array_get_length (array), <=, 64);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);
      g_autoptr (GList) members = NULL;

      g_assert_nonnull (item);
      members = json_object_get_members (item);
      for (GList *l = members; l; l = l->next)
        g_assert_true (g_strv_contains (names, l->data));
      assert_string_member (item, "text", FALSE, NULL);
    }
}

/* the values of @s, parsed; fails unless they are a JSON object with the
 * members of docs/extraction.md (section 4), in compact form */
static JsonNode *
parse_values (const CrbSentence *s)
{
  static const char *const top[] = { "quantities", "dates", "entities", "speaker", "verb", "source", NULL };
  static const char *const quantity[] = { "text", "value", "qualifier", "unit", "currency", "noun", NULL };
  static const char *const qualifiers[] = { "exact", "at-least", "more-than", "at-most", "less-than", "about", NULL };
  static const char *const date[] = { "text", "value", "weekday", "relative", NULL };
  static const char *const entity[] = { "text", "type", NULL };
  static const char *const types[] = { "person", "organization", "place", "other", NULL };
  static const char *const sources[] = { "named", "institution", "anonymous", "pronoun", "other", NULL };
  g_autoptr (GError) error = NULL;
  g_autoptr (GList) members = NULL;
  g_autofree char *again = NULL;
  JsonObject *values;
  JsonNode *node;

  g_assert_nonnull (s->values_json);
  node = json_from_string (s->values_json, &error);
  if (node == NULL)
    g_test_message ("values: %s", s->values_json);
  g_assert_no_error (error);
  g_assert_nonnull (node);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  /* compact, and written as crb_json_append() writes the same tree */
  again = crb_json_to_string (node, NULL);
  g_assert_cmpstr (again, ==, s->values_json);

  values = json_node_get_object (node);
  members = json_object_get_members (values);
  for (GList *l = members; l; l = l->next)
    g_assert_true (g_strv_contains (top, l->data));
  assert_items (values, "quantities", quantity);
  assert_items (values, "dates", date);
  assert_items (values, "entities", entity);
  if (json_object_has_member (values, "quantities"))
    {
      JsonArray *array = json_object_get_array_member (values, "quantities");
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *q = json_array_get_object_element (array, i);
          JsonNode *v = json_object_get_member (q, "value");
          GType t;

          g_assert_nonnull (v);
          t = json_node_get_value_type (v);
          g_assert_true (t == G_TYPE_INT64 || t == G_TYPE_DOUBLE);
          assert_string_member (q, "qualifier", FALSE, qualifiers);
          assert_string_member (q, "unit", TRUE, NULL);
        }
    }
  if (json_object_has_member (values, "dates"))
    {
      JsonArray *array = json_object_get_array_member (values, "dates");
      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_string_member (json_array_get_object_element (array, i), "value", TRUE, NULL);
    }
  if (json_object_has_member (values, "entities"))
    {
      JsonArray *array = json_object_get_array_member (values, "entities");
      for (guint i = 0; i < json_array_get_length (array); i++)
        assert_string_member (json_array_get_object_element (array, i), "type", FALSE, types);
    }
  if (json_object_has_member (values, "speaker"))
    assert_string_member (values, "speaker", FALSE, NULL);
  if (json_object_has_member (values, "source"))
    assert_string_member (values, "source", FALSE, sources);
  /* a speaker or a source comes with the verb */
  if (json_object_has_member (values, "speaker") || json_object_has_member (values, "source"))
    assert_string_member (values, "verb", FALSE, NULL);
  return node;
}

static gboolean
has_reason (const CrbSentence *s,
            const char        *reason)
{
  return g_strv_contains ((const char *const *) s->reasons, reason);
}

static void
check_invariants (const char *text,
                  gsize       len,
                  GPtrArray  *sentences)
{
  static const char *const kinds[] = {
    "quantity", "date", "attribution", "event", "statement", NULL
  };
  gsize prev_end = 0;

  for (guint i = 0; i < sentences->len; i++)
    {
      CrbSentence *s = g_ptr_array_index (sentences, i);
      gunichar first, last;
      const char *p;

      g_assert_cmpuint (s->start, <, s->end);
      g_assert_cmpuint (s->end, <=, len);
      g_assert_cmpuint (s->start, >=, prev_end);
      /* UTF-8 boundaries */
      g_assert_true (((guchar) text[s->start] & 0xC0) != 0x80);
      g_assert_true (s->end == len || ((guchar) text[s->end] & 0xC0) != 0x80);
      g_assert_true (g_utf8_validate (text + s->start, s->end - s->start, NULL));
      /* trimmed */
      first = g_utf8_get_char (text + s->start);
      last = g_utf8_get_char (g_utf8_find_prev_char (text + s->start, text + s->end));
      g_assert_false (g_unichar_isspace (first));
      g_assert_false (g_unichar_isspace (last));
      /* only white space between segments */
      for (p = text + prev_end; p < text + s->start; p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          g_assert_true (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF);
        }
      g_assert_cmpfloat (s->score, >=, 0.0);
      g_assert_cmpfloat (s->score, <=, 1.0);
      g_assert_cmpfloat (s->rule_score, >=, 0.0);
      g_assert_cmpfloat (s->rule_score, <=, 1.0);
      /* the model reads every segment but boilerplate and headlines */
      if (s->boilerplate || has_reason (s, "headline"))
        g_assert_cmpfloat (s->model_score, ==, -1);
      else
        {
          g_assert_cmpfloat (s->model_score, >=, 0.0);
          g_assert_cmpfloat (s->model_score, <=, 1.0);
        }
      for (guint k = 0; s->reasons[k] != NULL; k++)
        g_assert_true (g_utf8_validate (s->reasons[k], -1, NULL) && *s->reasons[k] != '\0');
      g_assert_nonnull (s->kind);
      g_assert_true (g_strv_contains (kinds, s->kind));
      g_assert_nonnull (s->reasons);
      json_node_unref (parse_values (s));
      prev_end = s->end;
    }
  for (const char *p = text + prev_end; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      g_assert_true (g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF);
    }
}

/* ----------------------------------------------------------- segmentation */

typedef struct
{
  const char *path;
  const char *text;
  const char *segments[12];
} SegmentCase;

static const SegmentCase segment_cases[] = {
  { "/corroborate/extract/segment/abbreviations",
    "Mr. Smith met Dr. Jones and Sen. Brown on Feb. 20 in St. Louis. They talked for an hour.",
    { "Mr. Smith met Dr. Jones and Sen. Brown on Feb. 20 in St. Louis.", "They talked for an hour." } },
  { "/corroborate/extract/segment/abbreviations-gen-mrs",
    "Gen. Mark Milley and Mrs. Patricia Kaur spoke. Lt. Col. Ann Lee did not.",
    { "Gen. Mark Milley and Mrs. Patricia Kaur spoke.", "Lt. Col. Ann Lee did not." } },
  { "/corroborate/extract/segment/us",
    "The U.S. Senate voted on Tuesday. The U.S. economy grew in the U.S. The data came out later.",
    { "The U.S. Senate voted on Tuesday.", "The U.S. economy grew in the U.S.", "The data came out later." } },
  { "/corroborate/extract/segment/initials",
    "J. K. Rowling wrote it in 1997. George W. Bush agreed.",
    { "J. K. Rowling wrote it in 1997.", "George W. Bush agreed." } },
  { "/corroborate/extract/segment/numbers",
    "Prices rose 3.5 percent to $1,200.50 on average. No. 10 said the rate was 2.5. Next year it will be 3.",
    { "Prices rose 3.5 percent to $1,200.50 on average.", "No. 10 said the rate was 2.5.", "Next year it will be 3." } },
  { "/corroborate/extract/segment/am-pm",
    "It began at 9 a.m. on Monday and ended at 5 p.m. Police said it was calm.",
    { "It began at 9 a.m. on Monday and ended at 5 p.m.", "Police said it was calm." } },
  { "/corroborate/extract/segment/inc",
    "Apple Inc. Chief Executive Tim Cook spoke. Shares of Foo Inc. rose. They bought pears, plums, etc. The shop closed.",
    { "Apple Inc. Chief Executive Tim Cook spoke.", "Shares of Foo Inc. rose.", "They bought pears, plums, etc.", "The shop closed." } },
  { "/corroborate/extract/segment/quote-comma",
    "\"We will win,\" he said. \"They lost.\" She left.",
    { "\"We will win,\" he said.", "\"They lost.\"", "She left." } },
  { "/corroborate/extract/segment/curly-quotes",
    "\xe2\x80\x9cIt is over.\xe2\x80\x9d The crowd cheered. \xe2\x80\x9cReally?\xe2\x80\x9d asked Ann. He called it a \xe2\x80\x98" "farce\xe2\x80\x99.",
    { "\xe2\x80\x9cIt is over.\xe2\x80\x9d", "The crowd cheered.", "\xe2\x80\x9cReally?\xe2\x80\x9d asked Ann.",
      "He called it a \xe2\x80\x98" "farce\xe2\x80\x99." } },
  { "/corroborate/extract/segment/quote-spanning",
    "\xe2\x80\x9cThe investigation continues, but it can already be said with certainty that they are implicated,\xe2\x80\x9d Bortnikov said. Ukraine denied it.",
    { "\xe2\x80\x9cThe investigation continues, but it can already be said with certainty that they are implicated,\xe2\x80\x9d Bortnikov said.",
      "Ukraine denied it." } },
  { "/corroborate/extract/segment/ellipsis",
    "He paused... Then he spoke. It was... fine. Wait\xe2\x80\xa6 What happened?",
    { "He paused...", "Then he spoke.", "It was... fine.", "Wait\xe2\x80\xa6", "What happened?" } },
  { "/corroborate/extract/segment/exclamation",
    "Stop! Now! \"Go!\" she shouted.",
    { "Stop!", "Now!", "\"Go!\" she shouted." } },
  { "/corroborate/extract/segment/headings-and-lists",
    "Key points\n- Prices rose\n- Wages fell\n\xe2\x80\xa2 Rents doubled\n1. First item\nThe report said more.",
    { "Key points", "- Prices rose", "- Wages fell", "\xe2\x80\xa2 Rents doubled", "1. First item", "The report said more." } },
  { "/corroborate/extract/segment/line-break-in-paragraph",
    "The minister said the\nbudget would grow by 5%.\nIt was approved by\nparliament on Friday.",
    { "The minister said the\nbudget would grow by 5%.", "It was approved by\nparliament on Friday." } },
  /* one statement per line: every line break ends a sentence, even after
   * "and" or before a lower-case letter */
  { "/corroborate/extract/segment/line-based/transcript",
    "MODERATOR: Governor, your answer.\n"
    "We, in fact, have 4% of the world's population, 20% of the deaths.\n"
    "I paid $38 million one year\n"
    "He wants to give the wealthiest a five-year $40 billion tax break, and\n"
    "the tone we've just heard might just be the tone we have for the rest of the campaign.\n"
    "I come from West Texas. Thank you.\n"
    "We've made some progress during the last eight years.\n",
    { "MODERATOR: Governor, your answer.",
      "We, in fact, have 4% of the world's population, 20% of the deaths.",
      "I paid $38 million one year",
      "He wants to give the wealthiest a five-year $40 billion tax break, and",
      "the tone we've just heard might just be the tone we have for the rest of the campaign.",
      "I come from West Texas.", "Thank you.",
      "We've made some progress during the last eight years." } },
  { "/corroborate/extract/segment/line-based/quotes",
    "\xe2\x80\x9cWe will rebuild,\xe2\x80\x9d the mayor said.\n"
    "\xe2\x80\x9cNobody was hurt,\xe2\x80\x9d police said\n"
    "\xe2\x80\x9cIt took 40 minutes,\xe2\x80\x9d a witness told the BBC.\n"
    "\xe2\x80\x9cThe bridge will reopen in May.\xe2\x80\x9d \xe2\x80\x94 the transport minister\n"
    "\xe2\x80\x9cWe lost everything.\xe2\x80\x9d\n"
    "\xe2\x80\x9cThree of the five pumps had failed,\xe2\x80\x9d an engineer said.\n",
    { "\xe2\x80\x9cWe will rebuild,\xe2\x80\x9d the mayor said.",
      "\xe2\x80\x9cNobody was hurt,\xe2\x80\x9d police said",
      "\xe2\x80\x9cIt took 40 minutes,\xe2\x80\x9d a witness told the BBC.",
      "\xe2\x80\x9cThe bridge will reopen in May.\xe2\x80\x9d",
      "\xe2\x80\x94 the transport minister",
      "\xe2\x80\x9cWe lost everything.\xe2\x80\x9d",
      "\xe2\x80\x9cThree of the five pumps had failed,\xe2\x80\x9d an engineer said." } },
  /* hard-wrapped prose: single line breaks do not end sentences */
  { "/corroborate/extract/segment/line-based/wrapped-prose",
    "The council approved the budget on Tuesday after a long\n"
    "debate that lasted well into the evening. Members voted 7 to\n"
    "2 in favour of the plan, which raises spending on roads by\n"
    "12 percent. The mayor said the vote was a turning point for\n"
    "the town and its residents.\n",
    { "The council approved the budget on Tuesday after a long\n"
      "debate that lasted well into the evening.",
      "Members voted 7 to\n2 in favour of the plan, which raises spending on roads by\n12 percent.",
      "The mayor said the vote was a turning point for\nthe town and its residents." } },
  { "/corroborate/extract/segment/line-based/wrapped-prose-short-sentences",
    "Prices rose. Wages fell. The central bank kept its rate at\n"
    "4.5 percent on Thursday. It had raised it twice this year,\n"
    "most recently in March. Economists had expected the\n"
    "decision. Markets barely moved.\n",
    { "Prices rose.", "Wages fell.",
      "The central bank kept its rate at\n4.5 percent on Thursday.",
      "It had raised it twice this year,\nmost recently in March.",
      "Economists had expected the\ndecision.", "Markets barely moved." } },
  { "/corroborate/extract/segment/paragraphs-crlf",
    "First paragraph.\r\n\r\nSecond paragraph without a stop\r\nThird line.",
    { "First paragraph.", "Second paragraph without a stop", "Third line." } },
  { "/corroborate/extract/segment/colon-line",
    "He said:\n\xe2\x80\x9cWe are ready.\xe2\x80\x9d",
    { "He said:", "\xe2\x80\x9cWe are ready.\xe2\x80\x9d" } },
  { "/corroborate/extract/segment/metadata-prefix",
    " date 2024-05-24 On Friday, Russia said so.",
    { "date 2024-05-24", "On Friday, Russia said so." } },
  { "/corroborate/extract/segment/cyrillic",
    "\xd0\x92\xd0\xbb\xd0\xb0\xd0\xb4\xd0\xb8\xd0\xbc\xd0\xb8\xd1\x80 \xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd \xd0\xb7\xd0\xb0\xd1\x8f\xd0\xb2\xd0\xb8\xd0\xbb \xd0\xbe\xd0\xb1 \xd1\x8d\xd1\x82\xd0\xbe\xd0\xbc. "
    "\xd0\x90. \xd0\xa1. \xd0\x9f\xd1\x83\xd1\x88\xd0\xba\xd0\xb8\xd0\xbd \xd0\xbd\xd0\xb0\xd0\xbf\xd0\xb8\xd1\x81\xd0\xb0\xd0\xbb \xd1\x8d\xd1\x82\xd0\xbe. "
    "\xc3\x84rzte warnen.",
    { "\xd0\x92\xd0\xbb\xd0\xb0\xd0\xb4\xd0\xb8\xd0\xbc\xd0\xb8\xd1\x80 \xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd \xd0\xb7\xd0\xb0\xd1\x8f\xd0\xb2\xd0\xb8\xd0\xbb \xd0\xbe\xd0\xb1 \xd1\x8d\xd1\x82\xd0\xbe\xd0\xbc.",
      "\xd0\x90. \xd0\xa1. \xd0\x9f\xd1\x83\xd1\x88\xd0\xba\xd0\xb8\xd0\xbd \xd0\xbd\xd0\xb0\xd0\xbf\xd0\xb8\xd1\x81\xd0\xb0\xd0\xbb \xd1\x8d\xd1\x82\xd0\xbe.",
      "\xc3\x84rzte warnen." } },
  { "/corroborate/extract/segment/e-g",
    "Use fruit, e.g. Apples, and so on. Fine.",
    { "Use fruit, e.g. Apples, and so on.", "Fine." } },
  { "/corroborate/extract/segment/brackets",
    "(He left early.) Then the meeting ended. The vote (held on Jan. 5) passed.",
    { "(He left early.)", "Then the meeting ended.", "The vote (held on Jan. 5) passed." } },
  { "/corroborate/extract/segment/spun-spacing",
    "Dr . Ana Petrova said so . The minister agreed.",
    { "Dr . Ana Petrova said so .", "The minister agreed." } },
  { "/corroborate/extract/segment/cjk",
    "\xe5\xa5\xb9\xe8\xaf\xb4\xe4\xba\x86\xe3\x80\x82\xe4\xbb\x96\xe8\xb5\xb0\xe4\xba\x86\xe3\x80\x82",
    { "\xe5\xa5\xb9\xe8\xaf\xb4\xe4\xba\x86\xe3\x80\x82", "\xe4\xbb\x96\xe8\xb5\xb0\xe4\xba\x86\xe3\x80\x82" } },
};

static void
test_segment_case (gconstpointer data)
{
  const SegmentCase *c = data;
  g_autoptr (GPtrArray) sentences = extract (c->text, NULL);
  guint n = 0;

  check_invariants (c->text, strlen (c->text), sentences);
  while (n < G_N_ELEMENTS (c->segments) && c->segments[n] != NULL)
    n++;
  for (guint i = 0; i < MIN (n, sentences->len); i++)
    {
      g_autofree char *got = segment_text (c->text, g_ptr_array_index (sentences, i));
      g_assert_cmpstr (got, ==, c->segments[i]);
    }
  g_assert_cmpuint (sentences->len, ==, n);
}

/* ------------------------------------------------------------ boilerplate */

typedef struct
{
  const char *path;
  const char *text;
  const char *segment;
  gboolean boilerplate;
} BoilerplateCase;

static const BoilerplateCase boilerplate_cases[] = {
  { "/corroborate/extract/boilerplate/related-dash",
    "Russia said so.\n- Trump film director defends rape scene as lawsuit looms\n- Zelensky says Ukraine achieving results in northeast\nMore text follows here.",
    "- Trump film director defends rape scene as lawsuit looms", TRUE },
  { "/corroborate/extract/boilerplate/related-bullet",
    "\xe2\x80\xa2 Inside the star's \xc2\xa3" "2m mansion", "\xe2\x80\xa2 Inside the star's \xc2\xa3" "2m mansion", TRUE },
  { "/corroborate/extract/boilerplate/list-after-label-is-content",
    "Highlights:\n\xe2\x80\xa2 Revenue of $48.7 million, up 34% year over year",
    "\xe2\x80\xa2 Revenue of $48.7 million, up 34% year over year", FALSE },
  { "/corroborate/extract/boilerplate/caption-label",
    "Picture:\nFootage from the assault\n\nPolice said 12 people were arrested.", "Footage from the assault", TRUE },
  { "/corroborate/extract/boilerplate/caption-label-itself",
    "Picture:\nFootage from the assault", "Picture:", TRUE },
  { "/corroborate/extract/boilerplate/caption-pic-credit",
    "A massive blaze is seen at the Crocus City Hall. Pic: AP", "A massive blaze is seen at the Crocus City Hall.", TRUE },
  { "/corroborate/extract/boilerplate/pic-credit",
    "A massive blaze is seen at the Crocus City Hall. Pic: AP", "Pic: AP", TRUE },
  { "/corroborate/extract/boilerplate/getty",
    "Jasmine Cole pictured at the awards in London last year (Getty Images)",
    "Jasmine Cole pictured at the awards in London last year (Getty Images)", TRUE },
  { "/corroborate/extract/boilerplate/photo",
    "Photo: Reuters", "Photo: Reuters", TRUE },
  { "/corroborate/extract/boilerplate/in-this-photo",
    "In this photo taken from video released on Saturday, a rifle lies on the ground.",
    "In this photo taken from video released on Saturday, a rifle lies on the ground.", TRUE },
  { "/corroborate/extract/boilerplate/byline",
    "By John Smith\n\nPolice said 40 people died.", "By John Smith", TRUE },
  { "/corroborate/extract/boilerplate/by-is-not-byline",
    "By the end of the day, 40 people had died.", "By the end of the day, 40 people had died.", FALSE },
  { "/corroborate/extract/boilerplate/reporting-by",
    "(Reporting by Olena Harmash; Editing by Peter Graff)", "(Reporting by Olena Harmash; Editing by Peter Graff)", TRUE },
  { "/corroborate/extract/boilerplate/whatsapp",
    "Follow us on WhatsApp", "Follow us on WhatsApp", TRUE },
  { "/corroborate/extract/boilerplate/follow-channel",
    "Follow Sky News on WhatsApp", "Follow Sky News on WhatsApp", TRUE },
  { "/corroborate/extract/boilerplate/click-here",
    "Click here to read the full analysis", "Click here to read the full analysis", TRUE },
  { "/corroborate/extract/boilerplate/comment",
    "LEAVE A REPLY\nPlease enter your comment!\nPlease enter your name here", "Please enter your comment!", TRUE },
  { "/corroborate/extract/boilerplate/leave-a-reply",
    "LEAVE A REPLY\nPlease enter your comment!", "LEAVE A REPLY", TRUE },
  { "/corroborate/extract/boilerplate/subscribe",
    "Subscribe to our newsletter for the latest news", "Subscribe to our newsletter for the latest news", TRUE },
  { "/corroborate/extract/boilerplate/sign-up",
    "Sign up for breaking news alerts", "Sign up for breaking news alerts", TRUE },
  { "/corroborate/extract/boilerplate/video",
    "This video can not be played", "This video can not be played", TRUE },
  { "/corroborate/extract/boilerplate/copyright",
    "\xc2\xa9 2024 Example News Ltd. All rights reserved.", "All rights reserved.", TRUE },
  { "/corroborate/extract/boilerplate/copyright-word",
    "Copyright 2024 Reuters. Click for restrictions.", "Copyright 2024 Reuters.", TRUE },
  { "/corroborate/extract/boilerplate/agency-afp",
    "Russia dismissed those warnings.\nAFP", "AFP", TRUE },
  { "/corroborate/extract/boilerplate/agency-reuters",
    "Reuters", "Reuters", TRUE },
  { "/corroborate/extract/boilerplate/agency-in-sentence",
    "Reuters reported that 40 people died in the blast.", "Reuters reported that 40 people died in the blast.", FALSE },
  { "/corroborate/extract/boilerplate/punctuation-only",
    "The end.\n\n, , , ,", ", , , ,", TRUE },
  { "/corroborate/extract/boilerplate/heading-details",
    "Russia said so.\n\nDetails\n\nFSB head Alexander Bortnikov said the attack was planned.", "Details", TRUE },
  { "/corroborate/extract/boilerplate/heading-helphelp",
    "Russia said so.\n\nHelpHelp\n\nMore than a dozen suspects have been arrested.", "HelpHelp", TRUE },
  { "/corroborate/extract/boilerplate/details-sentence",
    "Details of the deal were not disclosed.", "Details of the deal were not disclosed.", FALSE },
  { "/corroborate/extract/boilerplate/read-more-list",
    "Read more from Sky News:\nKyiv worries Putin will exploit bloodshed\nRussian rocket blasts off after launch aborted",
    "Russian rocket blasts off after launch aborted", TRUE },
  { "/corroborate/extract/boilerplate/metadata",
    " date 2024-05-24 On Friday, Russia said so.", "date 2024-05-24", TRUE },
};

static void
test_boilerplate_case (gconstpointer data)
{
  const BoilerplateCase *c = data;
  g_autoptr (GPtrArray) sentences = extract (c->text, NULL);
  CrbSentence *s;

  check_invariants (c->text, strlen (c->text), sentences);
  s = find_segment (sentences, c->text, c->segment);
  g_assert_nonnull (s);
  g_assert_cmpint (s->boilerplate, ==, c->boilerplate);
  if (c->boilerplate)
    {
      g_assert_false (crb_sentence_is_claim (s, 0.0));
      g_assert_true (has_reason (s, "boilerplate"));
    }
}

/* ---------------------------------------------------------------- scoring */

typedef struct
{
  const char *path;
  const char *text;
  gboolean claim;
  const char *kind;        /* NULL: not checked */
  const char *reasons[4];  /* must all be present */
} ScoreCase;

static const ScoreCase score_cases[] = {
  { "/corroborate/extract/score/casualties",
    "At least 133 people were killed in the attack on Friday, officials said.",
    TRUE, "quantity", { "number", "casualties", "attribution verb", "date" } },
  { "/corroborate/extract/score/denial",
    "Ukraine has repeatedly denied involvement.",
    TRUE, "attribution", { "attribution verb", "named source" } },
  { "/corroborate/extract/score/comparison",
    "Unemployment rose to 5.2% in March 2024, the highest level since 2021.",
    TRUE, "quantity", { "number", "percentage", "date", "comparison" } },
  { "/corroborate/extract/score/cause",
    "The flooding in Valencia was caused by heavy rain, the ministry said.",
    TRUE, "attribution", { "cause", "attribution verb", "named entity" } },
  { "/corroborate/extract/score/event",
    "Gunmen in camouflage stormed the Crocus City Hall venue on the outskirts of Moscow.",
    TRUE, "event", { "event", "named entity" } },
  { "/corroborate/extract/score/opinion",
    "I think the government should resign because it is incompetent.",
    FALSE, NULL, { "opinion", "first person" } },
  /* first-person facts are claims, although the rules read "I" and "we"
   * as opinion */
  { "/corroborate/extract/score/first-person-share",
    "We, in fact, have 4% of the world's population, 20% of the deaths.",
    TRUE, "quantity", { "number", "percentage", "first person" } },
  { "/corroborate/extract/score/first-person-money",
    "I paid $38 million one year.",
    TRUE, "quantity", { "number", "money", "first person" } },
  { "/corroborate/extract/score/first-person-hired",
    "We hired 1,200 new teachers in my first two years.",
    TRUE, "quantity", { "number", "first person" } },
  { "/corroborate/extract/score/question",
    "Will prices in Britain keep rising next year?",
    FALSE, NULL, { "question" } },
  /* without a figure: "The airline will cut 2,000 jobs by the end of next
   * year" is a claim, as the news set labels announced plans with figures */
  { "/corroborate/extract/score/prediction",
    "The company will hire more workers next year.",
    FALSE, NULL, { "prediction" } },
  { "/corroborate/extract/score/promise",
    "We promise to cut taxes for every family in the country.",
    FALSE, NULL, { "promise" } },
  { "/corroborate/extract/score/exclamation-opinion",
    "What a wonderful day it was!",
    FALSE, NULL, { "opinion" } },
  { "/corroborate/extract/score/headline",
    "Putin vows to punish terrorists behind concert hall attack",
    FALSE, NULL, { "headline" } },
  { "/corroborate/extract/score/statement",
    "The sky was grey.",
    FALSE, "statement", { NULL } },
};

static void
test_score_case (gconstpointer data)
{
  const ScoreCase *c = data;
  g_autoptr (GPtrArray) sentences = extract (c->text, D);
  CrbSentence *s;

  check_invariants (c->text, strlen (c->text), sentences);
  g_assert_cmpuint (sentences->len, ==, 1);
  s = g_ptr_array_index (sentences, 0);
  g_assert_false (s->boilerplate);
  if (crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD) != c->claim)
    {
      g_autofree char *r = g_strjoinv (",", (char **) s->reasons);
      g_test_message ("score %.3f reasons %s", s->score, r);
    }
  g_assert_cmpint (crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD), ==, c->claim);
  if (c->kind != NULL)
    g_assert_cmpstr (s->kind, ==, c->kind);
  for (guint i = 0; i < G_N_ELEMENTS (c->reasons) && c->reasons[i] != NULL; i++)
    {
      if (!has_reason (s, c->reasons[i]))
        g_test_message ("missing reason %s", c->reasons[i]);
      g_assert_true (has_reason (s, c->reasons[i]));
    }
}

/* A claim says why: the rules' reasons, then the wording the model
 * weighed most, as a reviewer reads it. */
static void
test_model_reasons (void)
{
  const char *text = "At least 133 people were killed in the attack on Friday, officials said.";
  g_autoptr (GPtrArray) sentences = extract (text, D);
  CrbSentence *s;
  guint n_model = 0, n_rules = 0;

  g_assert_cmpuint (sentences->len, ==, 1);
  s = g_ptr_array_index (sentences, 0);
  g_assert_true (crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD));
  g_assert_cmpfloat (s->model_score, >=, 0.5);
  for (guint i = 0; s->reasons[i] != NULL; i++)
    {
      if (g_str_has_prefix (s->reasons[i], "model: "))
        {
          n_model++;
          /* the rules' reasons come first */
          g_assert_cmpuint (n_rules, >, 0);
          /* no punctuation or digits alone */
          g_assert_null (strstr (s->reasons[i], "#"));
          g_assert_cmpstr (s->reasons[i], !=, "model: ','");
          g_assert_cmpstr (s->reasons[i], !=, "model: '<number>'");
        }
      else
        {
          g_assert_cmpuint (n_model, ==, 0);
          n_rules++;
        }
    }
  g_assert_cmpuint (n_model, >=, 1);
  g_assert_cmpuint (n_model, <=, 3);
  g_assert_true (has_reason (s, "casualties"));

  /* the rules alone: no model, no model reasons */
  {
    g_autoptr (GPtrArray) rules = crb_extract_sentences_full (text, -1, D, CRB_EXTRACT_RULES_ONLY);
    CrbSentence *r = g_ptr_array_index (rules, 0);

    g_assert_cmpfloat (r->model_score, ==, -1);
    g_assert_cmpfloat (r->rule_score, ==, s->rule_score);
    for (guint i = 0; r->reasons[i] != NULL; i++)
      g_assert_false (g_str_has_prefix (r->reasons[i], "model: "));
  }
}

/* One statement per line: the lines are claims or not on their own, and an
 * unpunctuated line is no headline there. */
static void
test_line_based_claims (void)
{
  const char *text =
    "MODERATOR: Governor, your answer.\n"
    "We, in fact, have 4% of the world's population, 20% of the deaths.\n"
    "I paid $38 million one year\n"
    "Thank you.\n"
    "Unemployment fell to 3.9 percent in March, the lowest level since 1975.\n"
    "I think that's a terrible idea.\n";
  g_autoptr (GPtrArray) sentences = extract (text, NULL);
  static const gboolean claim[] = { FALSE, TRUE, TRUE, FALSE, TRUE, FALSE };

  check_invariants (text, strlen (text), sentences);
  g_assert_cmpuint (sentences->len, ==, G_N_ELEMENTS (claim));
  for (guint i = 0; i < sentences->len; i++)
    {
      CrbSentence *s = g_ptr_array_index (sentences, i);

      g_assert_false (has_reason (s, "headline"));
      if (crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD) != claim[i])
        g_test_message ("segment %u: score %.3f", i, s->score);
      g_assert_cmpint (crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD), ==, claim[i]);
    }
}

/* The score is a probability: monotone in what the rules and the model
 * say, and the same whatever the article around the segment (the rules'
 * entity memory aside). */
static void
test_score_stable (void)
{
  const char *one = "Officials said 12 people were arrested on Friday.";
  g_autofree char *twice = g_strdup_printf ("%s\n\n%s", one, one);
  g_autoptr (GPtrArray) a = extract (one, D);
  g_autoptr (GPtrArray) b = extract (twice, D);

  g_assert_cmpuint (b->len, ==, 2);
  g_assert_cmpfloat (((CrbSentence *) g_ptr_array_index (a, 0))->score, ==,
                     ((CrbSentence *) g_ptr_array_index (b, 1))->score);
}

static void
test_is_claim (void)
{
  CrbSentence s = { 0, };

  s.score = 0.7;
  g_assert_true (crb_sentence_is_claim (&s, 0.5));
  g_assert_false (crb_sentence_is_claim (&s, 0.8));
  s.boilerplate = TRUE;
  g_assert_false (crb_sentence_is_claim (&s, 0.0));
}

/* ----------------------------------------------------------------- values */

typedef struct
{
  const char *path;
  const char *text;
  const char *date;
  const char *member;  /* "quantities", "dates", "entities" */
  guint index;
  const char *item_text;
  const char *value;   /* compared as JSON text: "133", "0.6667", "\"2024-03-22\"", "null" */
  const char *field;   /* qualifier (quantities), type (entities), extra key (dates) */
  const char *field_value;
  const char *unit;    /* quantities */
} ValueCase;

static const ValueCase value_cases[] = {
  { "/corroborate/extract/values/at-least", "At least 133 people were killed in the attack.", NULL,
    "quantities", 0, "At least 133", "133", "qualifier", "at-least", "killed" },
  { "/corroborate/extract/values/at-the-least", "Officials said at the least 133 folks had died.", NULL,
    "quantities", 0, "at the least 133", "133", "qualifier", "at-least", "killed" },
  { "/corroborate/extract/values/over", "The attack killed over 140 people.", NULL,
    "quantities", 0, "over 140", "140", "qualifier", "more-than", "killed" },
  { "/corroborate/extract/values/more-than-a-dozen", "More than a dozen suspects have been arrested.", NULL,
    "quantities", 0, "More than a dozen", "12", "qualifier", "more-than", "detained" },
  { "/corroborate/extract/values/dozens", "One man was killed and dozens were wounded.", NULL,
    "quantities", 1, "dozens", "24", "qualifier", "at-least", "injured" },
  { "/corroborate/extract/values/one-killed", "One man was killed and dozens were wounded.", NULL,
    "quantities", 0, "One", "1", "qualifier", "exact", "killed" },
  { "/corroborate/extract/values/nearly", "Nearly 4,000 homes lost power.", NULL,
    "quantities", 0, "Nearly 4,000", "4000", "qualifier", "about", "homes" },
  { "/corroborate/extract/values/some", "Some 300 soldiers took part.", NULL,
    "quantities", 0, "Some 300", "300", "qualifier", "about", "soldiers" },
  { "/corroborate/extract/values/no-fewer-than", "No fewer than 20 ships were seized.", NULL,
    "quantities", 0, "No fewer than 20", "20", "qualifier", "at-least", "ships" },
  { "/corroborate/extract/values/up-to", "Up to 50 people may be affected.", NULL,
    "quantities", 0, "Up to 50", "50", "qualifier", "at-most", "people" },
  { "/corroborate/extract/values/fewer-than", "There were fewer than 10 cases.", NULL,
    "quantities", 0, "fewer than 10", "10", "qualifier", "less-than", "cases" },
  { "/corroborate/extract/values/two-thirds", "Two-thirds of voters backed the plan.", NULL,
    "quantities", 0, "Two-thirds", "0.6667", "qualifier", "exact", "fraction" },
  { "/corroborate/extract/values/percent", "Prices rose by 12.5% after the strikes.", NULL,
    "quantities", 0, "12.5%", "12.5", "qualifier", "exact", "percent" },
  { "/corroborate/extract/values/per-cent", "The population grew by about 12 per cent.", NULL,
    "quantities", 0, "about 12 per cent", "12", "qualifier", "about", "percent" },
  { "/corroborate/extract/values/money", "Biden announced a $1.5 billion aid package.", NULL,
    "quantities", 0, "$1.5 billion", "1500000000", "qualifier", "exact", "money" },
  { "/corroborate/extract/values/pounds-m", "The fire caused \xc2\xa3" "3.5m of damage.", NULL,
    "quantities", 0, "\xc2\xa3" "3.5m", "3500000", "qualifier", "exact", "money" },
  { "/corroborate/extract/values/dead-and-injured-1", "The attack left 144 people dead and 360 others injured.", NULL,
    "quantities", 0, "144", "144", "qualifier", "exact", "killed" },
  { "/corroborate/extract/values/dead-and-injured-2", "The attack left 144 people dead and 360 others injured.", NULL,
    "quantities", 1, "360", "360", "qualifier", "exact", "injured" },
  { "/corroborate/extract/values/killing", "The group attacked a hotel, killing 15 people and injuring 40 others.", NULL,
    "quantities", 1, "40", "40", "qualifier", "exact", "injured" },
  { "/corroborate/extract/values/number-words", "Three hundred and fifty people attended.", NULL,
    "quantities", 0, "Three hundred and fifty", "350", "qualifier", "exact", "people" },
  { "/corroborate/extract/values/tens-of-thousands", "Tens of thousands of protesters marched.", NULL,
    "quantities", 0, "Tens of thousands", "20000", "qualifier", "at-least", "protesters" },
  { "/corroborate/extract/values/nobody", "Nobody was injured.", NULL,
    "quantities", 0, "Nobody", "0", "qualifier", "exact", "injured" },
  { "/corroborate/extract/values/million-word", "About 1.2 million households were without electricity.", NULL,
    "quantities", 0, "About 1.2 million", "1200000", "qualifier", "about", "households" },
  { "/corroborate/extract/values/age", "A 72-year-old woman was among the dead.", NULL,
    "quantities", 0, "72-year-old", "72", "qualifier", "exact", "age" },
  { "/corroborate/extract/values/clock-time", "The strike began at 9 a.m. with 40 workers.", NULL,
    "quantities", 0, "40", "40", "qualifier", "exact", "workers" },
  { "/corroborate/extract/values/age-is-not-a-quantity", "\"We lost everything,\" said Hassan Ait Belhaj, 62, who lost 12 goats.", NULL,
    "quantities", 0, "12", "12", "qualifier", "exact", "goats" },
  { "/corroborate/extract/values/weekday", "Russia on Friday said it had proof.", D,
    "dates", 0, "on Friday", "\"2024-03-22\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/weekday-same-day", "The vote took place on Monday.", D,
    "dates", 0, "on Monday", "\"2024-03-25\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/weekday-no-date", "Russia on Friday said it had proof.", NULL,
    "dates", 0, "on Friday", "null", "weekday", "friday", NULL },
  { "/corroborate/extract/values/month-day-year", "On March 22, 2024, armed men broke in.", NULL,
    "dates", 0, "On March 22, 2024", "\"2024-03-22\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/day-month", "The attack on 22 March shocked the country.", "2024-05-24",
    "dates", 0, "on 22 March", "\"2024-03-22\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/abbreviated-month", "He entered the country on Feb. 20, 2024.", NULL,
    "dates", 0, "on Feb. 20, 2024", "\"2024-02-20\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/month-no-year", "The attack happened on March 22.", NULL,
    "dates", 0, "on March 22", "\"--03-22\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/previous-year", "The decision was taken on December 30.", "2024-01-05",
    "dates", 0, "on December 30", "\"2023-12-30\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/early-month", "Washington warned Moscow in early March.", "2024-05-24",
    "dates", 0, "in early March", "\"2024-03\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/year", "In 2015, an extremist drove a truck into the crowd.", NULL,
    "dates", 0, "In 2015", "\"2015\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/yesterday", "The minister resigned yesterday.", D,
    "dates", 0, "yesterday", "\"2024-03-24\"", NULL, NULL, NULL },
  { "/corroborate/extract/values/entity-president", "Russian President Vladimir Putin said the attack was planned.", NULL,
    "entities", 0, "Vladimir Putin", NULL, "type", "person", NULL },
  { "/corroborate/extract/values/entity-mayor-place", "Moscow Mayor Sergei Sobyanin said the suspect was detained.", NULL,
    "entities", 0, "Moscow", NULL, "type", "place", NULL },
  { "/corroborate/extract/values/entity-mayor-person", "Moscow Mayor Sergei Sobyanin said the suspect was detained.", NULL,
    "entities", 1, "Sergei Sobyanin", NULL, "type", "person", NULL },
  { "/corroborate/extract/values/entity-ministry", "The Ministry of Internal Affairs said the men were foreigners.", NULL,
    "entities", 0, "Ministry of Internal Affairs", NULL, "type", "organization", NULL },
  { "/corroborate/extract/values/entity-chief", "FSB chief Alexander Bortnikov told reporters the attack was planned.", NULL,
    "entities", 1, "Alexander Bortnikov", NULL, "type", "person", NULL },
  { "/corroborate/extract/values/entity-of-place", "Gov. Oleh Syniehubov of Kharkiv said a woman was among the dead.", NULL,
    "entities", 0, "Oleh Syniehubov", NULL, "type", "person", NULL },
  { "/corroborate/extract/values/entity-of-org", "The Bank of England raised rates.", NULL,
    "entities", 0, "Bank of England", NULL, "type", "organization", NULL },
  { "/corroborate/extract/values/entity-unicode", "Officials in T\xc3\xbcrkiye said the men left Istanbul.", NULL,
    "entities", 0, "T\xc3\xbcrkiye", NULL, "type", "place", NULL },
};

static void
test_value_case (gconstpointer data)
{
  const ValueCase *c = data;
  g_autoptr (GPtrArray) sentences = extract (c->text, c->date);
  g_autoptr (JsonNode) node = NULL;
  CrbSentence *s;
  JsonObject *values, *item;
  JsonArray *array;

  g_assert_cmpuint (sentences->len, ==, 1);
  s = g_ptr_array_index (sentences, 0);
  node = parse_values (s);
  values = json_node_get_object (node);
  if (!json_object_has_member (values, c->member))
    g_test_message ("values: %s", s->values_json);
  g_assert_true (json_object_has_member (values, c->member));
  array = json_object_get_array_member (values, c->member);
  if (json_array_get_length (array) <= c->index)
    g_test_message ("values: %s", s->values_json);
  g_assert_cmpuint (json_array_get_length (array), >, c->index);
  item = json_array_get_object_element (array, c->index);
  g_assert_cmpstr (json_object_get_string_member (item, "text"), ==, c->item_text);
  if (c->value != NULL)
    {
      JsonNode *vn = json_object_get_member (item, "value");
      g_assert_nonnull (vn);
      if (g_ascii_isdigit (c->value[0]))
        g_assert_cmpfloat_with_epsilon (json_node_get_double (vn), g_ascii_strtod (c->value, NULL), 1e-9);
      else
        {
          g_autofree char *v = json_to_string (vn, FALSE);
          g_assert_cmpstr (v, ==, c->value);
        }
    }
  if (c->field != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (item, c->field, "(missing)"), ==,
                     c->field_value);
  if (c->unit != NULL)
    g_assert_cmpstr (json_object_get_string_member_with_default (item, "unit", "(missing)"), ==, c->unit);
}

typedef struct
{
  const char *path;
  const char *text;
  const char *speaker;
  const char *verb;
} SpeakerCase;

static const SpeakerCase speaker_cases[] = {
  { "/corroborate/extract/values/speaker-before", "Russian President Vladimir Putin said the attack was planned.",
    "Vladimir Putin", "said" },
  { "/corroborate/extract/values/speaker-inverted", "\xe2\x80\x9cWe did it,\xe2\x80\x9d said Mr. Smith.",
    "Mr. Smith", "said" },
  { "/corroborate/extract/values/speaker-after-quote", "\xe2\x80\x9cThe investigation continues,\xe2\x80\x9d Bortnikov said.",
    "Bortnikov", "said" },
  { "/corroborate/extract/values/speaker-according-to", "According to the World Health Organization, malaria killed 608,000 people.",
    "the World Health Organization", "according to" },
  { "/corroborate/extract/values/speaker-date-between", "Russia on Friday said the attack was planned abroad.",
    "Russia", "said" },
  { "/corroborate/extract/values/speaker-institution", "The suspect was captured in Syria, the ministry said.",
    "the ministry", "said" },
  { "/corroborate/extract/values/speaker-accused", "President Vladimir Putin accused Washington of blackmail.",
    "Vladimir Putin", "accused" },
  { "/corroborate/extract/values/speaker-told", "NSC spokesperson Caitlin Hayden told reporters at the briefing.",
    "Caitlin Hayden", "told" },
  { "/corroborate/extract/values/speaker-denied", "Ukraine has repeatedly denied involvement.",
    "Ukraine", "denied" },
};

static void
test_speaker_case (gconstpointer data)
{
  const SpeakerCase *c = data;
  g_autoptr (GPtrArray) sentences = extract (c->text, NULL);
  g_autoptr (JsonNode) node = NULL;
  CrbSentence *s;
  JsonObject *values;

  g_assert_cmpuint (sentences->len, ==, 1);
  s = g_ptr_array_index (sentences, 0);
  node = parse_values (s);
  values = json_node_get_object (node);
  g_assert_cmpstr (json_object_get_string_member_with_default (values, "speaker", "(none)"), ==, c->speaker);
  g_assert_cmpstr (json_object_get_string_member_with_default (values, "verb", "(none)"), ==, c->verb);
}

/* The values text, byte for byte: members in the documented order, numbers
 * as integers when whole, JSON escapes in the copied text. */
typedef struct
{
  const char *path;
  const char *text;
  const char *date;
  const char *values;
} ValuesTextCase;

static const ValuesTextCase values_text_cases[] = {
  { "/corroborate/extract/values/text/all-members",
    "At least 133 people were killed in the attack on Friday, Russian President Vladimir Putin said.", D,
    "{\"quantities\":[{\"text\":\"At least 133\",\"value\":133,\"qualifier\":\"at-least\",\"unit\":\"killed\",\"noun\":\"people\"}],"
    "\"dates\":[{\"text\":\"on Friday\",\"value\":\"2024-03-22\"}],"
    "\"entities\":[{\"text\":\"Vladimir Putin\",\"type\":\"person\"}],"
    "\"speaker\":\"Vladimir Putin\",\"verb\":\"said\",\"source\":\"named\"}" },
  { "/corroborate/extract/values/text/money-percent",
    "The company said on Tuesday that revenue rose 12.5% to $1.2 billion.", D,
    "{\"quantities\":[{\"text\":\"12.5%\",\"value\":12.5,\"qualifier\":\"exact\",\"unit\":\"percent\"},"
    "{\"text\":\"$1.2 billion\",\"value\":1200000000,\"qualifier\":\"exact\",\"unit\":\"money\",\"currency\":\"USD\"}],"
    "\"dates\":[{\"text\":\"on Tuesday\",\"value\":\"2024-03-19\"}],"
    "\"speaker\":\"The company\",\"verb\":\"said\",\"source\":\"institution\"}" },
  { "/corroborate/extract/values/text/fraction", "Two-thirds of voters backed the plan.", D,
    "{\"quantities\":[{\"text\":\"Two-thirds\",\"value\":0.6667,\"qualifier\":\"exact\",\"unit\":\"fraction\"}]}" },
  { "/corroborate/extract/values/text/null-values", "Officials said on Friday that nobody was injured.", NULL,
    "{\"quantities\":[{\"text\":\"nobody\",\"value\":0,\"qualifier\":\"exact\",\"unit\":\"injured\"}],"
    "\"dates\":[{\"text\":\"on Friday\",\"value\":null,\"weekday\":\"friday\"}],"
    "\"speaker\":\"Officials\",\"verb\":\"said\",\"source\":\"anonymous\"}" },
  { "/corroborate/extract/values/text/escapes", "President Vladimir\tPutin said that 5 people died.", NULL,
    "{\"quantities\":[{\"text\":\"5\",\"value\":5,\"qualifier\":\"exact\",\"unit\":\"killed\",\"noun\":\"people\"}],"
    "\"entities\":[{\"text\":\"Vladimir\\tPutin\",\"type\":\"person\"}],"
    "\"speaker\":\"Vladimir\\tPutin\",\"verb\":\"said\",\"source\":\"named\"}" },
  { "/corroborate/extract/values/text/empty", "It rained.", NULL, "{}" },
  /* a toll that has risen to the figure, further back in the clause */
  { "/corroborate/extract/values/text/toll-risen-to",
    "The death toll from Sunday's earthquake in Valdera has risen to 42, officials said.", NULL,
    "{\"quantities\":[{\"text\":\"42\",\"value\":42,\"qualifier\":\"exact\",\"unit\":\"killed\"}],"
    "\"entities\":[{\"text\":\"Sunday\",\"type\":\"other\"},{\"text\":\"Valdera\",\"type\":\"other\"}],"
    "\"speaker\":\"officials\",\"verb\":\"said\",\"source\":\"anonymous\"}" },
  /* a share of what: the noun after "percent of the" */
  { "/corroborate/extract/values/text/percent-of",
    "Paul Dufresne won the election with 52.4 percent of the vote.", NULL,
    "{\"quantities\":[{\"text\":\"52.4 percent\",\"value\":52.4,\"qualifier\":\"exact\",\"unit\":\"percent\",\"noun\":\"vote\"}],"
    "\"entities\":[{\"text\":\"Paul Dufresne\",\"type\":\"person\"}]}" },
  { "/corroborate/extract/values/text/percent-rise-no-noun",
    "The union is demanding a 9 percent pay rise.", NULL,
    "{\"quantities\":[{\"text\":\"9 percent\",\"value\":9,\"qualifier\":\"exact\",\"unit\":\"percent\"}]}" },
};

static void
test_values_text_case (gconstpointer data)
{
  const ValuesTextCase *c = data;
  g_autoptr (GPtrArray) sentences = extract (c->text, c->date);
  g_autoptr (JsonNode) node = NULL;
  CrbSentence *s;

  g_assert_cmpuint (sentences->len, ==, 1);
  s = g_ptr_array_index (sentences, 0);
  node = parse_values (s);
  g_assert_cmpstr (s->values_json, ==, c->values);
}

static void
test_values_none (void)
{
  const char *text = "At least 133 people were killed on Friday, Putin said. It rained.";
  g_autoptr (GPtrArray) with = crb_extract_sentences (text, -1, D);
  g_autoptr (GPtrArray) without = crb_extract_sentences_full (text, -1, D, CRB_EXTRACT_NO_VALUES);

  g_assert_cmpuint (with->len, ==, without->len);
  for (guint i = 0; i < with->len; i++)
    {
      CrbSentence *a = g_ptr_array_index (with, i);
      CrbSentence *b = g_ptr_array_index (without, i);

      g_assert_nonnull (a->values_json);
      g_assert_null (b->values_json);
      g_assert_cmpfloat (a->score, ==, b->score);
      g_assert_cmpstr (a->kind, ==, b->kind);
      g_assert_true (g_strv_equal ((const char * const *) a->reasons, (const char * const *) b->reasons));
    }
}

/* --------------------------------------------------------------- property */

static const char *const pieces[] = {
  "a", "b", "Z", "word", "Word", "The", "Mr.", "U.S.", "3.5", "1,200", "12", " ", " ", " ",
  "  ", "\t", ".", ". ", ", ", "!", "?", "...", ";", ":", "-", "- ", "(", ")", "\"", "'",
  "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99", "\xe2\x80\xa6", "\xc2\xa0",
  "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", "\xd0\xb0", "\xd0\x90.", "\xf0\x9f\x98\x80",
  "\xf0\x9f\x87\xba\xf0\x9f\x87\xa6", "\n", "\n", "\n\n", "\r\n", "\xe2\x80\xa8", "\xe2\x80\xa2 ",
  "\xe3\x80\x82", "\xe2\x80\x8b", "date 2024-05-24 ", "Pic: AP", "(Getty Images)", "%", "$",
  "\xc3\xa9", "e\xcc\x81", "\xe4\xb8\xad",
  /* to be escaped in the values text */
  "\\", "\x01", "Smith\\Jones", "Smith\x1fJones", "Tent\"", "Vladimir\tPutin", "said", "5 people",
};

static void
test_property_random (void)
{
  for (guint iter = 0; iter < 2000; iter++)
    {
      GString *s = g_string_new (NULL);
      guint n = g_test_rand_int_range (0, 200);
      g_autoptr (GPtrArray) sentences = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (s, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      g_assert_true (g_utf8_validate (s->str, s->len, NULL));
      sentences = crb_extract_sentences (s->str, s->len, g_test_rand_bit () ? D : NULL);
      check_invariants (s->str, s->len, sentences);
      g_string_free (s, TRUE);
    }
}

static void
test_property_length (void)
{
  /* an explicit length that cuts the text, and an empty text */
  const char *text = "First sentence. Second sentence. Third";
  g_autoptr (GPtrArray) a = crb_extract_sentences (text, 15, NULL);
  g_autoptr (GPtrArray) b = crb_extract_sentences ("", -1, NULL);
  g_autoptr (GPtrArray) c = crb_extract_sentences (" \n\t\n ", -1, NULL);

  g_assert_cmpuint (a->len, ==, 1);
  check_invariants (text, 15, a);
  g_assert_cmpuint (b->len, ==, 0);
  g_assert_cmpuint (c->len, ==, 0);
}

/* large inputs: these finish in linear time (see bench-extract for timings) */
static void
test_pathological (void)
{
  GString *s = g_string_new (NULL);
  GPtrArray *sentences;

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, "Hi.\n\n");
  sentences = crb_extract_sentences (s->str, s->len, NULL);
  g_assert_cmpuint (sentences->len, ==, 100000);
  g_ptr_array_unref (sentences);

  g_string_truncate (s, 0);
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, "\xe2\x80\x9c\"(");
  g_string_append (s, "Deep.");
  for (guint i = 0; i < 10000; i++)
    g_string_append (s, ")\"\xe2\x80\x9d");
  g_string_append (s, " Next sentence.");
  sentences = crb_extract_sentences (s->str, s->len, NULL);
  check_invariants (s->str, s->len, sentences);
  g_assert_cmpuint (sentences->len, ==, 2);
  g_ptr_array_unref (sentences);

  g_string_truncate (s, 0);
  while (s->len < 2000000)
    g_string_append (s, "word Word 12 Mr. U.S. ");
  sentences = crb_extract_sentences (s->str, s->len, NULL);
  check_invariants (s->str, s->len, sentences);
  g_assert_cmpuint (sentences->len, ==, 1);
  g_ptr_array_unref (sentences);
  g_string_free (s, TRUE);
}

/* ------------------------------------------------------------- regression */

static char *
samples_dir (void)
{
  const char *dir = g_getenv ("CRB_SAMPLES_DIR");
  char *sub;

  if (dir == NULL)
    return NULL;
  sub = g_build_filename (dir, "crocus-city-hall", NULL);
  if (g_file_test (sub, G_FILE_TEST_IS_DIR))
    return sub;
  g_free (sub);
  return g_strdup (dir);
}

/* the importer strips a leading " date YYYY-MM-DD " prefix */
static const char *
strip_prefix (const char *text,
              char      **date)
{
  const char *p = text;

  while (*p == ' ')
    p++;
  if (g_str_has_prefix (p, "date ") && strlen (p) >= 15 && p[9] == '-' && p[12] == '-')
    {
      *date = g_strndup (p + 5, 10);
      p += 15;
      while (*p == ' ')
        p++;
      return p;
    }
  return text;
}

typedef struct
{
  const char *file_prefix;
  const char *text;
} Expected;

/* boilerplate that must be flagged */
static const Expected sample_boilerplate[] = {
  { "000", ", , , ," },
  { "001", "- Trump film director defends rape scene as lawsuit looms" },
  { "001", "- Zelensky says Ukraine achieving \xe2\x80\x98results\xe2\x80\x99 in northeast" },
  { "001", "AFP" },
  { "002", "Details" },
  { "002", "HelpHelp" },
  { "003", "Picture:" },
  { "003", "Footage from the assault" },
  { "003", "Pic: AP" },
  { "003", "(Investigative Committee of Russia via AP)" },
  { "003", "A massive blaze is seen at the Crocus City Hall." },
  { "003", "Please use Chrome browser for a extra accessible video participant" },
  { "003", "Follow Sky News on WhatsApp" },
  { "003", "LEAVE A REPLY" },
  { "003", "Please enter your comment!" },
  { "003", "Please enter your name here" },
};

/* not boilerplate, but not claims either */
static const Expected sample_not_claims[] = {
  { "002", "NYT: U.S. officials confirm ISIS was behind Moscow attack" },
  { "003", "Moscow taking pictures newest: Putin says terrorist \xe2\x80\x98tackled by spectator\xe2\x80\x99" },
  { "003", "Why would Islamic State assault Russia?" },
  { "000", "\xe2\x80\x9cThe world cannot allow terrorists to return to their land.\xe2\x80\x9d" },
};

typedef struct
{
  const char *file_prefix;
  const char *text;      /* a snippet of the segment */
  const char *kind;
  double value;          /* < 0: no quantity checked */
  const char *qualifier;
  const char *unit;
  const char *date;      /* first date value, or NULL */
} ExpectedClaim;

/* identified by a short snippet, so that the articles are not copied here */
static const ExpectedClaim sample_claims[] = {
  { "004", "left 144 people dead and 360 others injured", "quantity", 144, "exact", "killed", NULL },
  { "001", "killed over 140 people", "quantity", 140, "more-than", "killed", "--03-22" },
  { "003", "at the least 133 folks had died", "quantity", 133, "at-least", "killed", NULL },
  { "002", "More than a dozen suspects have been arrested, including", "quantity", 12, "more-than", "detained", NULL },
  { "002", "On March 22, 2024, armed men", "event", -1, NULL, NULL, "2024-03-22" },
  { "002", "On Friday, Russia said for the first time", "attribution", -1, NULL, NULL, "2024-05-24" },
  { "001", "Ukraine has repeatedly denied involvement.", "attribution", -1, NULL, NULL, NULL },
  { "004", "Shamsidin Fariduni entered", "attribution", -1, NULL, NULL, "2024-02-20" },
  { "000", "In 2015, an Islamist extremist", "quantity", 30, "more-than", "injured", "2015" },
};

/* the only segment containing @snippet */
static CrbSentence *
find_segment_containing (GPtrArray  *sentences,
                         const char *text,
                         const char *snippet)
{
  CrbSentence *found = NULL;

  for (guint i = 0; i < sentences->len; i++)
    {
      CrbSentence *s = g_ptr_array_index (sentences, i);
      g_autofree char *st = segment_text (text, s);
      if (strstr (st, snippet) != NULL)
        {
          g_assert_null (found);
          found = s;
        }
    }
  return found;
}

static void
test_samples (void)
{
  g_autofree char *dir = samples_dir ();
  g_autoptr (GDir) d = NULL;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint found_bp = 0, found_nc = 0, found_claims = 0;
  const char *name;

  if (dir == NULL)
    {
      g_test_skip ("CRB_SAMPLES_DIR is not set: set it to /work/shared/samples/crocus-city-hall "
                   "(or its parent) to run the regression test over the shared articles");
      return;
    }
  d = g_dir_open (dir, 0, NULL);
  if (d == NULL)
    {
      g_test_skip ("CRB_SAMPLES_DIR does not name a readable directory");
      return;
    }
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_suffix (name, ".txt"))
      g_ptr_array_add (names, g_strdup (name));
  g_assert_cmpuint (names->len, >, 0);

  for (guint f = 0; f < names->len; f++)
    {
      const char *fname = g_ptr_array_index (names, f);
      g_autofree char *path = g_build_filename (dir, fname, NULL);
      g_autofree char *contents = NULL;
      g_autofree char *date = NULL;
      g_autoptr (GPtrArray) sentences = NULL;
      const char *text;
      guint claims = 0;

      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      text = strip_prefix (contents, &date);
      sentences = extract (text, date);
      check_invariants (text, strlen (text), sentences);

      for (guint i = 0; i < sentences->len; i++)
        {
          CrbSentence *s = g_ptr_array_index (sentences, i);
          g_autofree char *st = segment_text (text, s);
          gboolean claim = crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD);
          if (claim)
            claims++;
          /* generic: a short unpunctuated line is never proposed */
          if (g_utf8_strlen (st, -1) < 30 && !g_str_has_suffix (st, "."))
            {
              if (claim)
                g_test_message ("%s: short line proposed: %s", fname, st);
              g_assert_false (claim);
            }
        }
      g_assert_cmpuint (claims, >, 0);

      for (guint i = 0; i < G_N_ELEMENTS (sample_boilerplate); i++)
        {
          CrbSentence *s;
          if (!g_str_has_prefix (fname, sample_boilerplate[i].file_prefix))
            continue;
          s = find_segment (sentences, text, sample_boilerplate[i].text);
          if (s == NULL)
            g_test_message ("%s: segment not found: %s", fname, sample_boilerplate[i].text);
          g_assert_nonnull (s);
          g_assert_true (s->boilerplate);
          g_assert_false (crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD));
          found_bp++;
        }
      for (guint i = 0; i < G_N_ELEMENTS (sample_not_claims); i++)
        {
          CrbSentence *s;
          if (!g_str_has_prefix (fname, sample_not_claims[i].file_prefix))
            continue;
          s = find_segment (sentences, text, sample_not_claims[i].text);
          g_assert_nonnull (s);
          g_assert_false (crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD));
          found_nc++;
        }
      for (guint i = 0; i < G_N_ELEMENTS (sample_claims); i++)
        {
          const ExpectedClaim *e = &sample_claims[i];
          g_autoptr (JsonNode) node = NULL;
          CrbSentence *s;
          JsonObject *values;

          if (!g_str_has_prefix (fname, e->file_prefix))
            continue;
          s = find_segment_containing (sentences, text, e->text);
          if (s == NULL)
            g_test_message ("%s: no segment contains: %s", fname, e->text);
          g_assert_nonnull (s);
          g_assert_true (crb_sentence_is_claim (s, CRB_EXTRACT_DEFAULT_THRESHOLD));
          g_assert_cmpstr (s->kind, ==, e->kind);
          node = parse_values (s);
          values = json_node_get_object (node);
          if (e->value >= 0)
            {
              JsonObject *q;
              g_assert_true (json_object_has_member (values, "quantities"));
              q = json_array_get_object_element (json_object_get_array_member (values, "quantities"), 0);
              g_assert_cmpfloat (json_object_get_double_member (q, "value"), ==, e->value);
              g_assert_cmpstr (json_object_get_string_member (q, "qualifier"), ==, e->qualifier);
              g_assert_cmpstr (json_object_get_string_member (q, "unit"), ==, e->unit);
            }
          if (e->date != NULL)
            {
              JsonObject *dt;
              g_assert_true (json_object_has_member (values, "dates"));
              dt = json_array_get_object_element (json_object_get_array_member (values, "dates"), 0);
              g_assert_cmpstr (json_object_get_string_member (dt, "value"), ==, e->date);
            }
          found_claims++;
        }
    }
  /* every expectation was checked against some file */
  g_assert_cmpuint (found_bp, ==, G_N_ELEMENTS (sample_boilerplate));
  g_assert_cmpuint (found_nc, ==, G_N_ELEMENTS (sample_not_claims));
  g_assert_cmpuint (found_claims, ==, G_N_ELEMENTS (sample_claims));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (segment_cases); i++)
    g_test_add_data_func (segment_cases[i].path, &segment_cases[i], test_segment_case);
  for (guint i = 0; i < G_N_ELEMENTS (boilerplate_cases); i++)
    g_test_add_data_func (boilerplate_cases[i].path, &boilerplate_cases[i], test_boilerplate_case);
  for (guint i = 0; i < G_N_ELEMENTS (score_cases); i++)
    g_test_add_data_func (score_cases[i].path, &score_cases[i], test_score_case);
  g_test_add_func ("/corroborate/extract/score/is-claim", test_is_claim);
  g_test_add_func ("/corroborate/extract/score/model-reasons", test_model_reasons);
  g_test_add_func ("/corroborate/extract/score/line-based", test_line_based_claims);
  g_test_add_func ("/corroborate/extract/score/stable", test_score_stable);
  for (guint i = 0; i < G_N_ELEMENTS (value_cases); i++)
    g_test_add_data_func (value_cases[i].path, &value_cases[i], test_value_case);
  for (guint i = 0; i < G_N_ELEMENTS (speaker_cases); i++)
    g_test_add_data_func (speaker_cases[i].path, &speaker_cases[i], test_speaker_case);
  for (guint i = 0; i < G_N_ELEMENTS (values_text_cases); i++)
    g_test_add_data_func (values_text_cases[i].path, &values_text_cases[i], test_values_text_case);
  g_test_add_func ("/corroborate/extract/values/none", test_values_none);
  g_test_add_func ("/corroborate/extract/property/random-unicode", test_property_random);
  g_test_add_func ("/corroborate/extract/property/length", test_property_length);
  g_test_add_func ("/corroborate/extract/property/pathological", test_pathological);
  g_test_add_func ("/corroborate/extract/regression/crocus-city-hall", test_samples);

  return g_test_run ();
}
