/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "crb-article.h"
#include "crb-claim.h"
#include "crb-decision.h"
#include "crb-enums.h"
#include "crb-error.h"
#include "crb-json.h"
#include "crb-story.h"
#include "crb-utils.h"

static void
test_status_names (void)
{
  static const char * const statuses[] = { "pending", "confirmed", "corrected", "rejected" };
  static const char * const reasons[] = { "false", "unverifiable", "opinion", "not-a-claim",
                                          "duplicate", "wrong-span" };
  CrbDecisionStatus status;
  CrbRejectReason reason;

  for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
    {
      g_assert_true (crb_decision_status_from_string (statuses[i], &status));
      g_assert_cmpstr (crb_decision_status_to_string (status), ==, statuses[i]);
    }
  g_assert_false (crb_decision_status_from_string ("accepted", &status));
  g_assert_false (crb_decision_status_from_string (NULL, &status));

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    {
      g_assert_true (crb_reject_reason_from_string (reasons[i], &reason));
      g_assert_cmpint (reason, ==, i + 1);
      g_assert_cmpstr (crb_reject_reason_to_string (reason), ==, reasons[i]);
    }
  g_assert_false (crb_reject_reason_from_string ("boring", &reason));
  g_assert_null (crb_reject_reason_to_string (CRB_REJECT_REASON_NONE));
  g_assert_true (G_TYPE_IS_ENUM (CRB_TYPE_DECISION_STATUS));
}

static void
test_utf8_offsets (void)
{
  const char *text = "Türkiye “quotes” Москва 🎉 end";
  gsize len = strlen (text);
  const char *emoji = strstr (text, "🎉");

  g_assert_cmpuint (crb_utf8_bytes_to_chars (text, emoji - text), ==, 24);
  g_assert_cmpuint (crb_utf8_chars_to_bytes (text, len, 24), ==, (gsize) (emoji - text));
  g_assert_cmpuint (crb_utf8_chars_to_bytes (text, len, 1000), ==, len);
  g_assert_cmpuint (crb_utf8_bytes_to_chars (text, len), ==, g_utf8_strlen (text, -1));

  for (gsize chars = 0; chars <= (gsize) g_utf8_strlen (text, -1); chars++)
    {
      gsize bytes = crb_utf8_chars_to_bytes (text, len, chars);
      g_assert_cmpuint (crb_utf8_bytes_to_chars (text, bytes), ==, chars);
      g_assert_true (bytes == len || (text[bytes] & 0xC0) != 0x80);
    }
}

#define SHA256_OF_ARTICLE "063e7830705b75cbe6fd5c5381b5d5c8a7862eb4e5665420c1c7fe614d6b384d"

static void
test_article (void)
{
  g_autoptr (CrbArticle) article = crb_article_new ("a1", "Çelik said “no” to 🎉.");
  g_autofree char *slice = NULL;
  guint notifies = 0;

  g_assert_cmpstr (crb_article_get_id (article), ==, "a1");
  g_assert_cmpuint (crb_article_get_length (article), ==, 21);
  /* The SHA-256 of the UTF-8 text, as sha256sum prints it. */
  g_assert_cmpstr (crb_article_get_sha256 (article), ==, SHA256_OF_ARTICLE);
  slice = crb_article_dup_slice (article, 11, 15);
  g_assert_cmpstr (slice, ==, "“no”");

  g_signal_connect_swapped (article, "notify::title", G_CALLBACK (g_atomic_int_inc), &notifies);
  crb_article_set_title (article, "Title");
  crb_article_set_title (article, "Title");
  g_assert_cmpuint (notifies, ==, 1);
  crb_article_set_title (article, "");
  g_assert_null (crb_article_get_title (article));
}

static void
test_claim_decision (void)
{
  g_autoptr (CrbClaim) claim = crb_claim_new ("a1:1", "a1", 0, 5, "Çelik");
  g_autoptr (CrbDecision) corrected = crb_decision_new (CRB_DECISION_STATUS_CORRECTED);
  guint status_notifies = 0, decision_notifies = 0;

  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_null (crb_claim_get_decision (claim));
  g_assert_cmpstr (crb_claim_get_kind (claim), ==, "statement");
  g_assert_nonnull (crb_claim_get_reasons (claim));
  g_assert_null (crb_claim_get_reasons (claim)[0]);

  g_signal_connect_swapped (claim, "notify::status", G_CALLBACK (g_atomic_int_inc), &status_notifies);
  g_signal_connect_swapped (claim, "notify::decision", G_CALLBACK (g_atomic_int_inc), &decision_notifies);

  corrected->corrected_text = g_strdup ("Celik");
  crb_claim_set_decision (claim, corrected);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CORRECTED);
  g_assert_cmpstr (crb_claim_get_final_text (claim), ==, "Celik");
  g_assert_cmpuint (status_notifies, ==, 1);
  g_assert_cmpuint (decision_notifies, ==, 1);

  /* Same decision again: nothing changes, nothing is notified. */
  crb_claim_set_decision (claim, corrected);
  g_assert_cmpuint (decision_notifies, ==, 1);

  /* A new note keeps the status: only the decision is notified. */
  g_free (corrected->note);
  corrected->note = g_strdup ("checked");
  crb_claim_set_decision (claim, corrected);
  g_assert_cmpuint (status_notifies, ==, 1);
  g_assert_cmpuint (decision_notifies, ==, 2);

  crb_claim_set_decision (claim, NULL);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_PENDING);
  g_assert_cmpstr (crb_claim_get_final_text (claim), ==, "Çelik");
  g_assert_cmpuint (status_notifies, ==, 2);
}

static void
test_claim_values (void)
{
  g_autoptr (CrbClaim) claim = crb_claim_new ("c1", "a1", 0, 4, "Test");
  g_autoptr (JsonNode) node = json_from_string ("{\"numbers\": [{\"value\": 133, \"bound\": \"lower\"}]}", NULL);
  JsonNode *parsed;

  g_assert_null (crb_claim_get_values (claim));
  g_assert_null (crb_claim_get_values_json (claim));

  /* A node set in memory is written as compact text on request. */
  crb_claim_set_values (claim, node);
  g_assert_cmpstr (crb_claim_get_values_json (claim), ==,
                   "{\"numbers\":[{\"value\":133,\"bound\":\"lower\"}]}");

  /* Text is kept as given and parsed only when asked for. */
  crb_claim_set_values_json (claim, "{\"dates\":[\"2024-03-22\"]} trailing", 24);
  g_assert_cmpstr (crb_claim_get_values_json (claim), ==, "{\"dates\":[\"2024-03-22\"]}");
  parsed = crb_claim_get_values (claim);
  g_assert_nonnull (parsed);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (parsed));
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (json_node_get_object (parsed), "dates"), 0),
                   ==, "2024-03-22");

  crb_claim_set_values_json (claim, "null", -1);
  g_assert_null (crb_claim_get_values (claim));
  g_assert_null (crb_claim_get_values_json (claim));
}

static void
test_decision_json (void)
{
  g_autoptr (CrbDecision) d = crb_decision_new (CRB_DECISION_STATUS_REJECTED);
  g_autoptr (CrbDecision) back = NULL;
  g_autoptr (JsonNode) node = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *json = NULL;
  g_autoptr (JsonParser) parser = json_parser_new ();

  d->reason = CRB_REJECT_REASON_WRONG_SPAN;
  d->note = g_strdup ("line\nbreak \"quoted\" Москва");
  d->annotator = g_strdup ("ana");
  d->time = g_strdup ("2026-01-01T00:00:00Z");

  node = crb_decision_to_json (d);
  json = crb_json_to_string (node, NULL);
  g_assert_cmpstr (json, ==,
                   "{\"status\":\"rejected\",\"reason\":\"wrong-span\","
                   "\"note\":\"line\\nbreak \\\"quoted\\\" Москва\",\"annotator\":\"ana\","
                   "\"time\":\"2026-01-01T00:00:00Z\"}");

  back = crb_decision_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_true (crb_decision_equal (d, back));

  json_parser_load_from_data (parser, "{\"status\":\"rejected\"}", -1, &error);
  g_assert_no_error (error);
  g_assert_null (crb_decision_from_json (json_parser_get_root (parser), &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
  g_clear_error (&error);

  json_parser_load_from_data (parser, "{\"status\":\"maybe\"}", -1, &error);
  g_assert_null (crb_decision_from_json (json_parser_get_root (parser), &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT);
}

static void
test_json_writer (void)
{
  g_autoptr (JsonParser) parser = json_parser_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *out = NULL;
  const char *in = "{\"b\":0.973,\"a\":[1,-2,3.5e+20,true,null,\"\\u0001\\t\"],\"c\":{}}";

  json_parser_load_from_data (parser, in, -1, &error);
  g_assert_no_error (error);
  out = crb_json_to_string (json_parser_get_root (parser), NULL);
  /* Member order kept; doubles short; control characters escaped. */
  g_assert_cmpstr (out, ==, "{\"b\":0.973,\"a\":[1,-2,3.5e+20,true,null,\"\\u0001\\t\"],\"c\":{}}");
}

static void
test_story_lists (void)
{
  g_autoptr (CrbStory) story = crb_story_new ("s", "Story");
  g_autoptr (CrbArticle) a = crb_article_new ("a", "One. Two.");
  g_autoptr (CrbClaim) c1 = crb_claim_new ("a:1", "a", 0, 4, "One.");
  g_autoptr (CrbClaim) c2 = crb_claim_new ("a:2", "a", 5, 9, "Two.");
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (GPtrArray) claims = NULL;
  guint items_changed = 0;

  g_signal_connect_swapped (crb_story_get_claims (story), "items-changed",
                            G_CALLBACK (g_atomic_int_inc), &items_changed);
  crb_story_add_article (story, a);
  crb_story_add_claim (story, c1);
  crb_story_add_claim (story, c2);
  g_assert_cmpuint (items_changed, ==, 2);
  g_assert_true (crb_story_has_article (story, "a"));
  g_assert_false (crb_story_has_article (story, "b"));
  g_assert_true (crb_story_lookup_claim (story, "a:2") == c2);
  g_assert_null (crb_story_lookup_claim (story, "a:3"));

  crb_claim_set_decision (c2, confirm);
  g_assert_cmpuint (crb_story_count_status (story, CRB_DECISION_STATUS_PENDING), ==, 1);
  g_assert_cmpuint (crb_story_count_status (story, CRB_DECISION_STATUS_CONFIRMED), ==, 1);

  claims = crb_story_dup_article_claims (story, "a");
  g_assert_cmpuint (claims->len, ==, 2);
}

static void
test_slug (void)
{
  g_autofree char *a = crb_make_slug ("Crocus City Hall — attack!");
  g_autofree char *b = crb_make_slug ("Взрыв в Москве");
  g_autofree char *c = crb_make_slug ("!!!");

  g_assert_cmpstr (a, ==, "crocus-city-hall-attack");
  g_assert_cmpstr (b, ==, "взрыв-в-москве");
  g_assert_cmpstr (c, ==, "story");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/corroborate/model/status-names", test_status_names);
  g_test_add_func ("/corroborate/model/utf8-offsets", test_utf8_offsets);
  g_test_add_func ("/corroborate/model/article", test_article);
  g_test_add_func ("/corroborate/model/claim-decision", test_claim_decision);
  g_test_add_func ("/corroborate/model/claim-values", test_claim_values);
  g_test_add_func ("/corroborate/model/decision-json", test_decision_json);
  g_test_add_func ("/corroborate/model/json-writer", test_json_writer);
  g_test_add_func ("/corroborate/model/story-lists", test_story_lists);
  g_test_add_func ("/corroborate/model/slug", test_slug);

  return g_test_run ();
}
