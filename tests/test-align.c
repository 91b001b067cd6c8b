/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "crb-align.h"
#include "crb-import.h"
#include "crb-story.h"

/* One pair of sentences from two articles, run through the real
 * extraction, and the relation expected between them (-1: no link). */
typedef struct
{
  const char *name;
  const char *date_a;
  const char *text_a;
  const char *date_b;
  const char *text_b;
  int         expected;
} PairCase;

#define NONE (-1)

static const PairCase pair_cases[] = {
  { "qualifier-at-least-agrees", NULL,
    "At least 130 people were killed in the attack on the concert hall, officials said.", NULL,
    "Officials said 133 people were killed in the attack on the concert hall.", CRB_RELATION_AGREES },
  { "qualifier-over-agrees", NULL,
    "The attack on the concert hall killed over 140 people, officials said.", NULL,
    "The attack on the concert hall left 144 people dead, officials said.", CRB_RELATION_AGREES },
  { "exact-tolls-conflict", NULL,
    "The attack on the concert hall killed 133 people, officials said.", NULL,
    "The attack on the concert hall killed 144 people, officials said.", CRB_RELATION_CONFLICTS },
  { "one-man-vs-144-conflict", NULL,
    "One man was killed in the attack on the concert hall in Moscow, police said.", NULL,
    "The attack on the concert hall in Moscow left 144 people dead, police said.", CRB_RELATION_CONFLICTS },
  { "dozen-vs-twenty-compatible", NULL,
    "More than a dozen suspects have been arrested over the attack, investigators said.", NULL,
    "More than 20 people have been detained over the attack, investigators said.", CRB_RELATION_AGREES },
  { "later-toll-is-update", "2024-03-23",
    "The attack on the concert hall killed 133 people, officials said.", "2024-03-26",
    "The attack on the concert hall killed 144 people, officials said.", CRB_RELATION_AGREES },
  { "mosque-vs-concert-hall-conflicts", NULL,
    "Gunmen attacked a mosque in Moscow on Friday evening, opening fire on the crowd, police said.", NULL,
    "Gunmen attacked a concert hall in Moscow on Friday evening, opening fire on the crowd, police said.",
    CRB_RELATION_CONFLICTS },
  { "date-conflicts", NULL,
    "The attack on the Crocus City Hall concert hall took place on March 22, 2024, officials said.", NULL,
    "The attack on the Crocus City Hall concert hall took place on March 15, 2024, officials said.",
    CRB_RELATION_CONFLICTS },
  { "denial-conflicts", NULL,
    "Russian investigators said Ukraine was involved in the Crocus City Hall attack.", NULL,
    "Ukraine denied any involvement in the Crocus City Hall attack.", CRB_RELATION_CONFLICTS },
  { "two-denials-agree", NULL,
    "Ukraine has repeatedly denied any involvement in the Crocus City Hall attack.", NULL,
    "Ukraine strongly denied any involvement in the Crocus City Hall attack.", CRB_RELATION_AGREES },
  { "deaths-vs-injured-not-one-fact", NULL,
    "The attack on the concert hall killed 144 people, officials said.", NULL,
    "The attack on the concert hall injured 360 people, officials said.", CRB_RELATION_RELATED },
  { "earlier-event-not-linked", "2024-03-23",
    "In 2015, an extremist drove a truck into a crowd in Moscow and wounded more than 30 people.", "2024-03-23",
    "The attack on the concert hall in Moscow wounded more than 30 people, officials said.", NONE },
  { "unrelated-none", NULL,
    "The city council approved a budget of 2.5 billion roubles for new buses.", NULL,
    "Gunmen attacked a concert hall in Moscow on Friday evening, police said.", NONE },
  /* the same figure in other words links what shares little else */
  { "same-figure-agrees", NULL,
    "His challenger, Lea Varga, received 41.8 percent of the vote.", NULL,
    "Lea Varga finished second with 42 percent of the vote.", CRB_RELATION_AGREES },
  { "other-figure-not-same-fact", NULL,
    "His challenger, Lea Varga, received 41.8 percent of the vote.", NULL,
    "Turnout in the city reached 63 percent, the electoral commission said.", NONE },
  /* a record set by the story's own event is not history */
  { "deadliest-in-history-is-the-story", NULL,
    "Officials said at least 133 people had died in the attack on the concert hall in Moscow, "
    "the deadliest terror attack in Russia's past.", NULL,
    "The attack on the concert hall in Moscow left 144 people dead, officials said.",
    CRB_RELATION_AGREES },
  /* a denial bears on the words after it, not on a whole long sentence */
  { "denial-elsewhere-in-sentence-not-conflict", NULL,
    "Ukraine strongly denied any involvement, which comes two weeks after the United States "
    "warned Russia that extremists planned an attack on a concert hall in Moscow.", NULL,
    "The United States warned Russia that extremists planned an attack on a concert hall in Moscow.",
    CRB_RELATION_AGREES },
  { "denial-of-same-words-conflicts", NULL,
    "Investigators said Ukrainian intelligence was involved in the concert hall attack.", NULL,
    "Ukraine denied any involvement in the concert hall attack, its intelligence service said.",
    CRB_RELATION_CONFLICTS },
  /* a partial name is the same name: "Bortnikov", "Alexander Bortnikov" */
  { "partial-name-agrees", NULL,
    "FSB chief Alexander Bortnikov said the attack on the concert hall was coordinated from abroad.", NULL,
    "Bortnikov said the concert hall attack had been coordinated from abroad.", CRB_RELATION_AGREES },
  /* who did it: a frame and its actor, through capitals and demonyms */
  { "frame-blame-vs-denial-conflicts", NULL,
    "Russian officials blamed Ukraine for the massacre.", NULL,
    "Kyiv has repeatedly denied any involvement.", CRB_RELATION_CONFLICTS },
  { "frame-demonym-vs-denial-conflicts", NULL,
    "Investigators said Ukrainian intelligence was directly implicated in the massacre.", NULL,
    "Ukraine has repeatedly denied involvement.", CRB_RELATION_CONFLICTS },
  { "frame-passive-agent-agrees", NULL,
    "Russia said the Islamic State group coordinated the March assault.", NULL,
    "Officials said the massacre had been coordinated online by members of ISIS-K.",
    CRB_RELATION_AGREES },
  /* a claim of responsibility is another fact than who is blamed */
  { "frame-claim-vs-blame-not-same-fact", NULL,
    "The Islamic State group claimed responsibility for the massacre.", NULL,
    "Russian officials blamed Ukraine for the massacre.", NONE },
  { "frame-other-actor-not-same-fact", NULL,
    "Investigators said Ukrainian intelligence was directly implicated in the massacre.", NULL,
    "Belarus has repeatedly denied involvement.", CRB_RELATION_RELATED },
  /* each blames the other: who did it, told two ways, is two facts */
  { "frame-other-accused-not-same-fact", NULL,
    "Moscow blamed Ukraine for the attack on the concert hall.", NULL,
    "Kyiv blamed Russia for the attack on the concert hall.", CRB_RELATION_RELATED },
  /* who claims it: the organisation, though another name comes first */
  { "frame-claimant-organisation-agrees", NULL,
    "Hours later, Vilayat Sud, a regional branch of the Islamic State group active in Central Asia, "
    "claimed responsibility for the massacre.", NULL,
    "The Islamic State group claimed responsibility in a video posted on social media.",
    CRB_RELATION_AGREES },
  { "frame-other-claimant-not-same-fact", NULL,
    "Hours later, Vilayat Sud, a regional branch of the Islamic State group active in Central Asia, "
    "claimed responsibility for the massacre.", NULL,
    "The Taliban claimed responsibility in a video posted on social media.", NONE },
  /* in passing, "the Russians" is not a shared name */
  { "demonym-in-passing-not-shared-name", NULL,
    "We did warn the Russians appropriately, an official said.", NULL,
    "Russia rejected these warnings.", CRB_RELATION_RELATED },
  /* "not concerned in" is "not involved in" */
  { "concerned-in-is-involvement", NULL,
    "Investigators said Ukraine was involved in the concert hall attack.", NULL,
    "Ukraine was not concerned in the concert hall attack, its foreign ministry said.",
    CRB_RELATION_CONFLICTS },
  /* a toll that has risen to a figure counts deaths */
  { "toll-risen-to-counts-deaths", NULL,
    "The death toll from the earthquake in Valdera has risen to 42, civil protection officials said.", NULL,
    "The earthquake in Valdera killed 5 people, civil protection officials said.",
    CRB_RELATION_CONFLICTS },
  /* one day given twice ("on Sunday, February 9") is still one day */
  { "day-given-twice-conflicts", "2025-02-09",
    "A magnitude 6.4 earthquake struck Valdera early on Sunday, February 9, 2025, the seismology "
    "institute said.", "2025-02-10",
    "A powerful earthquake struck Valdera on February 2, 2025, the seismology institute said.",
    CRB_RELATION_CONFLICTS },
  /* the day something was said is not the day it happened */
  { "said-on-another-day-not-conflict", "2025-04-14",
    "At least 11 people died in the floods, the regional emergency service said on Sunday.", "2025-04-16",
    "The death toll from the floods has risen to 17, the emergency service said on Tuesday.",
    CRB_RELATION_AGREES },
  { "same-topic-related", NULL,
    "Putin declared Sunday a national day of mourning after the concert hall attack.", NULL,
    "Flowers piled up outside the concert hall on Sunday as Moscow mourned the attack victims.",
    CRB_RELATION_RELATED },
};

static CrbStory *
make_story (const char * const *texts,
            const char * const *dates,
            guint               n)
{
  CrbStory *story = crb_story_new ("story", "Story");

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *id = g_strdup_printf ("art%u", i + 1);
      g_autofree char *outlet = g_strdup_printf ("Outlet %u", i + 1);
      g_autoptr (CrbArticle) article = crb_article_new (id, texts[i]);
      g_autoptr (GPtrArray) claims = NULL;

      crb_article_set_outlet (article, outlet);
      if (dates != NULL && dates[i] != NULL)
        crb_article_set_date (article, dates[i]);
      crb_story_add_article (story, article);
      claims = crb_extract_article_claims (article, 0.0);
      for (guint k = 0; k < claims->len; k++)
        crb_story_add_claim (story, g_ptr_array_index (claims, k));
    }
  return story;
}

static void
test_pair (gconstpointer data)
{
  const PairCase *c = data;
  const char *texts[] = { c->text_a, c->text_b };
  const char *dates[] = { c->date_a, c->date_b };
  g_autoptr (CrbStory) story = make_story (texts, dates, 2);
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
  const CrbLink *link;

  g_assert_cmpuint (crb_story_get_n_claims (story), ==, 2);
  link = crb_alignment_find_link (alignment, "art1:1", "art2:1");
  if (g_test_verbose () && link != NULL)
    {
      g_autofree char *why = g_strjoinv ("; ", link->why);

      g_test_message ("%s %.2f: %s", crb_relation_to_string (link->relation), link->score, why);
    }

  if (c->expected == NONE)
    {
      g_assert_null (link);
      g_assert_true (crb_alignment_get_fact (alignment, "art1:1") !=
                     crb_alignment_get_fact (alignment, "art2:1"));
      return;
    }
  g_assert_nonnull (link);
  g_assert_cmpstr (crb_relation_to_string (link->relation), ==,
                   crb_relation_to_string ((CrbRelation) c->expected));
  g_assert_cmpstr (link->a, ==, "art1:1");
  g_assert_false (link->manual);
  g_assert_nonnull (link->why);
  g_assert_nonnull (link->why[0]);
  /* agreeing and conflicting claims are one fact; related ones are not */
  if (c->expected == CRB_RELATION_RELATED)
    g_assert_true (crb_alignment_get_fact (alignment, "art1:1") !=
                   crb_alignment_get_fact (alignment, "art2:1"));
  else
    {
      const CrbFact *fact = crb_alignment_get_fact (alignment, "art1:1");

      g_assert_true (fact == crb_alignment_get_fact (alignment, "art2:1"));
      g_assert_cmpstr (fact->id, ==, "fact:art1:1");
      g_assert_cmpuint (fact->n_articles, ==, 2);
      g_assert_cmpuint (fact->n_outlets, ==, 2);
      g_assert_cmpuint (fact->n_conflicts, ==, c->expected == CRB_RELATION_CONFLICTS ? 1 : 0);
    }
  if (c->expected == CRB_RELATION_CONFLICTS)
    g_assert_cmpfloat (crb_alignment_contest_score (alignment, story, "art1:1"), >, 0);
  else
    g_assert_cmpfloat (crb_alignment_contest_score (alignment, story, "art1:1"), ==, 0);
}

/* A claim that matches two claims of a fact joins it, though neither
 * prefers it (each has a closer partner in its article); with one such
 * claim it stays out. */
static void
test_joins_through_two (void)
{
  const char *texts[] = {
    "Ukraine has repeatedly denied any involvement in the concert hall attack.",
    "Ukraine strongly denied any involvement in the concert hall attack.",
    "Ukraine denied any involvement in the concert hall attack.\n\n"
    "Kyiv again rejected claims of Ukrainian involvement.",
  };
  const char *near_texts[] = { texts[0], texts[2] };

  for (guint near = 0; near < 2; near++)
    {
      g_autoptr (CrbStory) story = make_story (near ? near_texts : texts, NULL, near ? 2 : 3);
      g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
      const char *late = near ? "art2:2" : "art3:2";
      const CrbFact *fact = crb_alignment_get_fact (alignment, "art1:1");
      const CrbLink *link = crb_alignment_find_link (alignment, "art1:1", late);
      gboolean said = FALSE;

      g_assert_cmpuint (crb_story_get_n_claims (story), ==, near ? 3 : 4);
      g_assert_true (fact == crb_alignment_get_fact (alignment, near ? "art2:1" : "art3:1"));
      if (near)
        {
          /* one claim of the fact is not two */
          g_assert_true (fact != crb_alignment_get_fact (alignment, late));
          continue;
        }
      g_assert_true (fact == crb_alignment_get_fact (alignment, "art2:1"));
      g_assert_true (fact == crb_alignment_get_fact (alignment, late));
      if (link == NULL)
        link = crb_alignment_find_link (alignment, "art2:1", late);
      g_assert_nonnull (link);
      g_assert_cmpint (link->relation, ==, CRB_RELATION_AGREES);
      for (guint k = 0; link->why[k]; k++)
        said |= strcmp (link->why[k], "matches two claims of the fact: joins it") == 0;
      g_assert_true (said);
    }
}

static gboolean
says (const CrbLink *link,
      const char    *reason)
{
  for (guint k = 0; link->why[k] != NULL; k++)
    if (strstr (link->why[k], reason) != NULL)
      return TRUE;
  return FALSE;
}

/* A share of the vote is not the turnout, though both are percentages
 * from one source: each meets its own. */
static void
test_share_of_what (void)
{
  const char *texts[] = {
    "Incumbent mayor Paul Dufresne won Sunday's mayoral election in Marenbourg with 52.4 percent "
    "of the vote, the electoral commission said.\n\n"
    "Turnout was 63 percent, up from 58 percent in 2018, the electoral commission said.",
    "Dufresne won the mayoral election with 48 percent of the vote, according to early results.\n\n"
    "Turnout in the Marenbourg election was 61 percent, the electoral commission said.",
  };
  g_autoptr (CrbStory) story = make_story (texts, NULL, 2);
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
  const CrbLink *share = crb_alignment_find_link (alignment, "art1:1", "art2:1");
  const CrbLink *turnout = crb_alignment_find_link (alignment, "art1:2", "art2:2");

  g_assert_cmpuint (crb_story_get_n_claims (story), ==, 4);
  g_assert_nonnull (share);
  g_assert_cmpint (share->relation, ==, CRB_RELATION_CONFLICTS);
  g_assert_true (says (share, "percentage: 52.4 vs 48 — conflict"));
  g_assert_nonnull (turnout);
  g_assert_cmpint (turnout->relation, ==, CRB_RELATION_CONFLICTS);
  g_assert_null (crb_alignment_find_link (alignment, "art1:1", "art2:2"));
  g_assert_true (crb_alignment_get_fact (alignment, "art1:1") !=
                 crb_alignment_get_fact (alignment, "art2:2"));
}

/* "The group has claimed responsibility" is the organisation its article
 * named before. */
static void
test_the_group_is_named_before (void)
{
  const char *texts[] = {
    "Analysts said Islamic State Khorasan was almost certainly behind the attack on the concert hall.\n\n"
    "The group has claimed responsibility, and Western intelligence services had picked up chatter "
    "for days before the atrocity.",
    "The Islamic State group claimed responsibility for the concert hall attack in a video posted "
    "on social media.",
  };
  g_autoptr (CrbStory) story = make_story (texts, NULL, 2);
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
  const CrbLink *link = crb_alignment_find_link (alignment, "art1:2", "art2:1");

  g_assert_cmpuint (crb_story_get_n_claims (story), ==, 3);
  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, ==, CRB_RELATION_AGREES);
  g_assert_true (says (link, "both on Islamic State Khorasan claiming responsibility"));
}

/* "Sentencing is scheduled for September 20" shares too little with
 * "Judge Chen set sentencing for October 3" to be one fact alone; through
 * a third report they are, and their days conflict. */
static void
test_conflict_inside_fact (void)
{
  const char *texts[] = {
    "Judge Maria Chen set sentencing for September 20, court records show.",
    "Sentencing is scheduled for September 20, the court said.",
    "Judge Maria Chen set sentencing for October 3, court records show.",
  };
  const char *dates[] = { "2024-06-13", "2024-06-13", "2024-06-14" };
  g_autoptr (CrbStory) story = make_story (texts, dates, 3);
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
  const CrbLink *link = crb_alignment_find_link (alignment, "art2:1", "art3:1");
  const CrbFact *fact = crb_alignment_get_fact (alignment, "art1:1");

  g_assert_true (fact == crb_alignment_get_fact (alignment, "art2:1"));
  g_assert_true (fact == crb_alignment_get_fact (alignment, "art3:1"));
  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, ==, CRB_RELATION_CONFLICTS);
  g_assert_true (says (link, "both in one fact through other claims"));
  g_assert_true (says (link, "— conflict"));
  g_assert_cmpfloat (crb_alignment_contest_score (alignment, story, "art2:1"), >, 0);
}

/* A claim that names no involvement, but agrees with one that asserts it,
 * conflicts with the claims of its fact that deny it. */
static void
test_inherited_denial (void)
{
  const char *texts[] = {
    "Bortnikov did not discard the Ukrainian angle, saying the terrorists received instructions "
    "to move toward the Ukrainian border after the attack.",
    "He did not rule out Ukrainian involvement, saying the terrorists received instructions to "
    "move toward the border with Ukraine after the attack.",
    "Ukraine has repeatedly denied involvement in the attack.",
  };
  g_autoptr (CrbStory) story = make_story (texts, NULL, 3);
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
  const CrbLink *link = crb_alignment_find_link (alignment, "art1:1", "art3:1");
  const CrbFact *fact = crb_alignment_get_fact (alignment, "art1:1");

  g_assert_cmpuint (crb_story_get_n_claims (story), ==, 3);
  g_assert_true (fact == crb_alignment_get_fact (alignment, "art2:1"));
  g_assert_true (fact == crb_alignment_get_fact (alignment, "art3:1"));
  g_assert_nonnull (crb_alignment_find_link (alignment, "art2:1", "art3:1"));
  g_assert_cmpint (crb_alignment_find_link (alignment, "art2:1", "art3:1")->relation, ==,
                   CRB_RELATION_CONFLICTS);
  g_assert_nonnull (link);
  g_assert_cmpint (link->relation, ==, CRB_RELATION_CONFLICTS);
  g_assert_true (says (link, "says what the claim of Outlet 2 says"));
  g_assert_true (says (link, "both on whether Ukraine was involved"));

  /* a pair the reviewer unlinked stays unlinked */
  {
    g_autoptr (GPtrArray) removed = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
    g_autoptr (CrbAlignment) again = NULL;

    g_ptr_array_add (removed, crb_link_new ("art3:1", "art1:1", CRB_RELATION_CONFLICTS, 0, NULL, TRUE));
    again = crb_align_story (story, NULL, removed);
    g_assert_null (crb_alignment_find_link (again, "art1:1", "art3:1"));
    g_assert_nonnull (crb_alignment_find_link (again, "art2:1", "art3:1"));
  }
}

static void
test_update_says_why (void)
{
  const char *texts[] = {
    "The attack on the concert hall killed 133 people, officials said.",
    "The attack on the concert hall killed 144 people, officials said.",
  };
  const char *dates[] = { "2024-03-23", "2024-03-24" };
  g_autoptr (CrbStory) story = make_story (texts, dates, 2);
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
  const CrbLink *link = crb_alignment_find_link (alignment, "art1:1", "art2:1");
  gboolean found = FALSE;

  g_assert_nonnull (link);
  for (guint k = 0; link->why[k]; k++)
    found |= strstr (link->why[k], "later report (2024-03-24) raises the toll") != NULL;
  g_assert_true (found);
}

/* A fact told many times with other figures (a live blog's updated
 * counts): every claim is flagged as contested, but the links do not grow
 * with the square of the fact's size.
 */
static void
test_retold_fact_links_bounded (void)
{
  g_autoptr (GString) a = g_string_new (NULL);
  g_autoptr (GString) b = g_string_new (NULL);
  g_autoptr (GString) c = g_string_new (NULL);
  GString *all[] = { a, b, c };
  const char *texts[3];
  g_autoptr (CrbStory) story = NULL;
  g_autoptr (CrbAlignment) alignment = NULL;
  g_autoptr (GHashTable) contested = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_claims, n_conflicts = 0;

  for (guint art = 0; art < 3; art++)
    {
      for (guint k = 0; k < 12; k++)
        g_string_append_printf (all[art], "Police said %u homes in Vellmar were evacuated on Monday.\n\n",
                                100 + art * 37 + k * 11);
      texts[art] = all[art]->str;
    }
  story = make_story (texts, NULL, 3);
  alignment = crb_align_story (story, NULL, NULL);
  n_claims = crb_story_get_n_claims (story);
  g_assert_cmpuint (n_claims, ==, 36);

  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);

      if (link->relation != CRB_RELATION_CONFLICTS)
        continue;
      n_conflicts++;
      g_hash_table_add (contested, link->a);
      g_hash_table_add (contested, link->b);
    }
  g_assert_cmpuint (g_hash_table_size (contested), ==, n_claims);
  /* Each claim's best match in each other article, and a few more: far
   * from the 432 pairs of claims of different articles. */
  g_assert_cmpuint (alignment->links->len, <=, 2 * n_claims);
  g_assert_cmpuint (n_conflicts, >=, n_claims / 2);
}

/* Every claim in exactly one fact; fact ids stable; links between
 * different articles only, in story order. */
static void
test_facts_partition (void)
{
  const char *texts[] = {
    "The attack on the concert hall killed 133 people, officials said.\n\n"
    "The governor declared three days of mourning.\n\n"
    "Police arrested 11 people after the attack on the concert hall.",
    "The attack on the concert hall killed 144 people, officials said.\n\n"
    "The governor declared two days of mourning.",
    "Officials said at least 130 people were killed in the attack on the concert hall.\n\n"
    "The city's football team won its match 2-0 on Sunday.",
  };
  g_autoptr (CrbStory) story = make_story (texts, NULL, 3);
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);
  GListModel *claims = crb_story_get_claims (story);
  guint total = 0;

  for (guint k = 0; k < g_list_model_get_n_items (claims); k++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, k);

      g_assert_nonnull (crb_alignment_get_fact (alignment, crb_claim_get_id (claim)));
    }
  for (guint f = 0; f < alignment->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, f);
      g_autofree char *id = g_strconcat ("fact:", fact->claims[0], NULL);

      g_assert_cmpstr (fact->id, ==, id);
      total += g_strv_length (fact->claims);
    }
  g_assert_cmpuint (total, ==, g_list_model_get_n_items (claims));
  g_assert_cmpuint (g_hash_table_size (alignment->fact_of_claim), ==, total);

  for (guint l = 0; l < alignment->links->len; l++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, l);
      CrbClaim *a = crb_story_lookup_claim (story, link->a);
      CrbClaim *b = crb_story_lookup_claim (story, link->b);

      g_assert_cmpstr (crb_claim_get_article_id (a), !=, crb_claim_get_article_id (b));
      g_assert_cmpfloat (link->score, >=, 0);
      g_assert_cmpfloat (link->score, <=, 1);
    }

  /* the toll: three articles, one conflict at least */
  {
    const CrbFact *fact = crb_alignment_get_fact (alignment, "art1:1");

    g_assert_true (fact == crb_alignment_get_fact (alignment, "art2:1"));
    g_assert_true (fact == crb_alignment_get_fact (alignment, "art3:1"));
    g_assert_cmpuint (fact->n_articles, ==, 3);
    g_assert_cmpuint (fact->n_conflicts, >=, 1);
    g_assert_cmpfloat (crb_alignment_contest_score (alignment, story, "art2:1"), >, 0);
  }
  /* the arrests and the football match stand alone */
  g_assert_cmpuint (g_strv_length (crb_alignment_get_fact (alignment, "art1:3")->claims), ==, 1);
  g_assert_cmpuint (crb_alignment_get_fact (alignment, "art1:3")->n_outlets, ==, 1);
  g_assert_cmpfloat (crb_alignment_contest_score (alignment, story, "art1:3"), ==, 0);
}

static void
test_manual_and_removed (void)
{
  const char *texts[] = {
    "The attack on the concert hall killed 133 people, officials said.\n\n"
    "The football team won its match 2-0 on Sunday.",
    "The attack on the concert hall killed 144 people, officials said.\n\n"
    "The council approved a budget of 2.5 billion roubles for new buses.",
  };
  g_autoptr (CrbStory) story = make_story (texts, NULL, 2);
  g_autoptr (GPtrArray) manual = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
  g_autoptr (GPtrArray) removed = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
  const char *why[] = { "same match, checked by hand", NULL };
  const CrbLink *link;

  /* the reviewer unlinks the tolls and links the other two, given b < a */
  g_ptr_array_add (removed, crb_link_new ("art2:1", "art1:1", CRB_RELATION_CONFLICTS, 0, NULL, TRUE));
  g_ptr_array_add (manual, crb_link_new ("art2:2", "art1:2", CRB_RELATION_RELATED, 1.0, why, FALSE));

  {
    g_autoptr (CrbAlignment) alignment = crb_align_story (story, manual, removed);

    g_assert_null (crb_alignment_find_link (alignment, "art1:1", "art2:1"));
    g_assert_true (crb_alignment_get_fact (alignment, "art1:1") != crb_alignment_get_fact (alignment, "art2:1"));

    link = crb_alignment_find_link (alignment, "art1:2", "art2:2");
    g_assert_nonnull (link);
    g_assert_true (link->manual);
    g_assert_cmpstr (link->a, ==, "art1:2");
    g_assert_cmpstr (link->b, ==, "art2:2");
    g_assert_cmpint (link->relation, ==, CRB_RELATION_RELATED);
    g_assert_cmpstr (link->why[0], ==, "same match, checked by hand");
    /* manual links join facts */
    g_assert_true (crb_alignment_get_fact (alignment, "art1:2") == crb_alignment_get_fact (alignment, "art2:2"));
    g_assert_cmpstr (crb_alignment_get_fact (alignment, "art2:2")->id, ==, "fact:art1:2");
  }

  /* a manual link replaces the automatic one for its pair */
  g_ptr_array_set_size (removed, 0);
  g_ptr_array_set_size (manual, 0);
  g_ptr_array_add (manual, crb_link_new ("art1:1", "art2:1", CRB_RELATION_AGREES, 1.0, NULL, TRUE));
  {
    g_autoptr (CrbAlignment) alignment = crb_align_story (story, manual, removed);
    guint n = 0;

    for (guint l = 0; l < alignment->links->len; l++)
      {
        CrbLink *l2 = g_ptr_array_index (alignment->links, l);

        if (strcmp (l2->a, "art1:1") == 0 && strcmp (l2->b, "art2:1") == 0)
          n++;
      }
    g_assert_cmpuint (n, ==, 1);
    link = crb_alignment_find_link (alignment, "art1:1", "art2:1");
    g_assert_true (link->manual);
    g_assert_cmpint (link->relation, ==, CRB_RELATION_AGREES);
    g_assert_cmpuint (crb_alignment_get_fact (alignment, "art1:1")->n_conflicts, ==, 0);
  }
}

static void
test_relation_strings (void)
{
  CrbRelation r;

  for (guint k = CRB_RELATION_AGREES; k <= CRB_RELATION_RELATED; k++)
    {
      g_assert_true (crb_relation_from_string (crb_relation_to_string (k), &r));
      g_assert_cmpint (r, ==, k);
    }
  g_assert_cmpstr (crb_relation_to_string (CRB_RELATION_CONFLICTS), ==, "conflicts");
  g_assert_false (crb_relation_from_string ("agree", &r));
  g_assert_false (crb_relation_from_string (NULL, &r));
}

/* Claims of other stories are never compared: aligning a story only
 * reads that story, and a claim of an article the story does not hold is
 * left alone. */
static void
test_empty_and_single (void)
{
  g_autoptr (CrbStory) empty = crb_story_new ("empty", "Empty");
  g_autoptr (CrbAlignment) a = crb_align_story (empty, NULL, NULL);
  const char *texts[] = { "The attack on the concert hall killed 133 people, officials said." };
  g_autoptr (CrbStory) one = make_story (texts, NULL, 1);
  g_autoptr (CrbAlignment) b = crb_align_story (one, NULL, NULL);

  g_assert_cmpuint (a->links->len, ==, 0);
  g_assert_cmpuint (a->facts->len, ==, 0);
  g_assert_cmpuint (b->links->len, ==, 0);
  g_assert_cmpuint (b->facts->len, ==, 1);
  g_assert_cmpuint (((CrbFact *) g_ptr_array_index (b->facts, 0))->n_outlets, ==, 1);
}

/* Non-ASCII text and names survive. */
static void
test_non_ascii (void)
{
  const char *texts[] = {
    "Le séisme a tué 27 personnes à Türkiye, selon les autorités de İzmir.",
    "Officials in İzmir said the earthquake in Turkey killed 27 people.",
  };
  g_autoptr (CrbStory) story = make_story (texts, NULL, 2);
  g_autoptr (CrbAlignment) alignment = crb_align_story (story, NULL, NULL);

  g_assert_nonnull (alignment);
  g_assert_cmpuint (g_hash_table_size (alignment->fact_of_claim), ==, crb_story_get_n_claims (story));
}

/* A story of @n copies of @story's articles and claims, with other ids
 * ("ID~c") and outlets: wire copy, at scale. */
static CrbStory *
make_copies (CrbStory *story,
             guint     n)
{
  CrbStory *copies = crb_story_new ("copies", "Copies");
  GListModel *articles = crb_story_get_articles (story);

  for (guint c = 0; c < n; c++)
    for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
      {
        g_autoptr (CrbArticle) article = g_list_model_get_item (articles, a);
        g_autofree char *id = c == 0 ? g_strdup (crb_article_get_id (article))
                                     : g_strdup_printf ("%s~%u", crb_article_get_id (article), c);
        g_autofree char *outlet = g_strdup_printf ("%s ~%u", crb_article_get_outlet (article), c);
        g_autoptr (CrbArticle) copy = crb_article_new (id, crb_article_get_text (article));
        const char *article_id = crb_article_get_id (article);
        g_autoptr (GPtrArray) claims = crb_story_dup_article_claims (story, article_id);

        crb_article_set_outlet (copy, outlet);
        crb_article_set_date (copy, crb_article_get_date (article));
        crb_story_add_article (copies, copy);
        for (guint k = 0; k < claims->len; k++)
          {
            CrbClaim *claim = g_ptr_array_index (claims, k);
            const char *claim_of = crb_claim_get_id (claim);
            g_autofree char *claim_id = c == 0 ? g_strdup (claim_of)
                                               : g_strdup_printf ("%s~%u", claim_of, c);
            g_autoptr (CrbClaim) made = crb_claim_new (claim_id, id, crb_claim_get_start (claim),
                                                       crb_claim_get_end (claim),
                                                       crb_claim_get_text (claim));

            crb_claim_set_kind (made, crb_claim_get_kind (claim));
            crb_claim_set_score (made, crb_claim_get_score (claim));
            if (crb_claim_get_values_json (claim) != NULL)
              crb_claim_set_values_json (made, crb_claim_get_values_json (claim), -1);
            crb_story_add_claim (copies, made);
          }
      }
  return copies;
}

/* The claim a copy copies: its id before the "~". */
static char *
original_of (const char *id)
{
  const char *tilde = strchr (id, '~');

  return tilde != NULL ? g_strndup (id, tilde - id) : g_strdup (id);
}

/* A story told by 150 outlets word for word (wire copy): the facts are
 * those of the story alone, each with the copies of its claims; every
 * copy of a contested claim is flagged; and the links stay linear in the
 * claims, the facts of more than FACT_SUMMARY_CLAIMS claims summarized.
 */
static void
test_big_story_copies (void)
{
  const char *texts[] = {
    "The attack on the concert hall killed 133 people, officials said.\n\n"
    "The governor declared three days of mourning.\n\n"
    "Police arrested 11 people after the attack on the concert hall.",
    "The attack on the concert hall killed 144 people, officials said.\n\n"
    "The governor declared two days of mourning.",
    "Officials said at least 130 people were killed in the attack on the concert hall.\n\n"
    "The city's football team won its match 2-0 on Sunday.",
  };
  g_autoptr (CrbStory) story = make_story (texts, NULL, 3);
  g_autoptr (CrbAlignment) alone = crb_align_story (story, NULL, NULL);
  g_autoptr (CrbStory) big = make_copies (story, 150);
  g_autoptr (CrbAlignment) alignment = crb_align_story (big, NULL, NULL);
  g_autoptr (GHashTable) contested = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *claims = crb_story_get_claims (big);
  guint n_claims = g_list_model_get_n_items (claims);
  guint n_summarized = 0;

  g_assert_cmpuint (n_claims, ==, 150 * crb_story_get_n_claims (story));
  g_assert_cmpuint (alignment->facts->len, ==, alone->facts->len);
  for (guint k = 0; k < n_claims; k++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, k);
      g_autofree char *original = original_of (crb_claim_get_id (claim));
      const CrbFact *fact = crb_alignment_get_fact (alignment, crb_claim_get_id (claim));
      const CrbFact *model = crb_alignment_get_fact (alone, original);
      g_autofree char *first = original_of (fact->claims[0]);

      /* the same fact: the one of the same first claim, as big */
      g_assert_cmpstr (first, ==, model->claims[0]);
      g_assert_cmpuint (g_strv_length (fact->claims), ==, 150 * g_strv_length (model->claims));
      g_assert_cmpuint (fact->n_articles, ==, 150 * model->n_articles);
    }

  for (guint l = 0; l < alignment->links->len; l++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, l);

      g_assert_cmpstr (crb_claim_get_article_id (crb_story_lookup_claim (big, link->a)), !=,
                       crb_claim_get_article_id (crb_story_lookup_claim (big, link->b)));
      if (link->relation == CRB_RELATION_CONFLICTS)
        {
          g_hash_table_add (contested, link->a);
          g_hash_table_add (contested, link->b);
        }
    }
  for (guint l = 0; l < alone->links->len; l++)
    {
      CrbLink *link = g_ptr_array_index (alone->links, l);

      if (link->relation != CRB_RELATION_CONFLICTS)
        continue;
      for (guint c = 1; c < 150; c += 37)
        {
          g_autofree char *a = g_strdup_printf ("%s~%u", link->a, c);
          g_autofree char *b = g_strdup_printf ("%s~%u", link->b, c);

          g_assert_true (g_hash_table_contains (contested, a));
          g_assert_true (g_hash_table_contains (contested, b));
        }
    }
  /* about one link a claim, not one for every two copies */
  g_assert_cmpuint (alignment->links->len, <=, 2 * n_claims);
  for (guint f = 0; f < alignment->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, f);
      guint n_contested = 0;

      n_summarized += fact->n_links_summarized;
      for (guint k = 0; fact->claims[k]; k++)
        n_contested += g_hash_table_contains (contested, fact->claims[k]);
      g_assert_cmpuint (fact->n_contested, ==, n_contested);
    }
  g_assert_cmpuint (n_summarized, ==, alignment->n_links_summarized);
  /* identical claims are aligned through one: not a limit, but said */
  g_assert_nonnull (alignment->note);
  g_assert_nonnull (strstr (alignment->note, "word for word"));
  g_assert_cmpuint (alignment->n_capped, ==, 0);
}

/* A breaking story in 200 articles whose sentences share most of their
 * words: links are found (a word common to many claims is looked up near
 * each claim, not dropped), and the story says that a limit applied. */
static void
test_big_story_finds_links (void)
{
  static const char * const cities[] = { "Vellmar", "Kestrel Bay", "Port Almera", "Oulu" };
  static const char * const days[] = { "Monday", "Tuesday", "Wednesday" };
  g_autoptr (GRand) r = g_rand_new_with_seed (15);
  g_autoptr (CrbStory) story = crb_story_new ("big", "Big");
  g_autoptr (CrbAlignment) alignment = NULL;
  guint n_multi = 0, n_claims;

  for (guint a = 0; a < 200; a++)
    {
      g_autofree char *id = g_strdup_printf ("art%u", a + 1);
      g_autofree char *outlet = g_strdup_printf ("Outlet %u", a + 1);
      g_autoptr (GString) text = g_string_new (NULL);
      g_autoptr (CrbArticle) article = NULL;
      g_autoptr (GPtrArray) claims = NULL;

      g_string_append_printf (text, "At least %u people were killed when the river flooded %s "
                              "on %s, the fire service said.\n\n",
                              20 + g_rand_int_range (r, 0, 3), cities[a % 4],
                              days[g_rand_int_range (r, 0, 3)]);
      g_string_append_printf (text, "Rescuers evacuated %u homes in %s, the mayor said.\n\n",
                              300 + g_rand_int_range (r, 0, 700), cities[(a + 1) % 4]);
      g_string_append_printf (text, "Police arrested %u people for looting in %s.\n\n",
                              2 + g_rand_int_range (r, 0, 40), cities[(a + 2) % 4]);
      g_string_append_printf (text, "The damage in %s would cost about %u million euros to repair, "
                              "the governor said.",
                              cities[(a + 3) % 4], 40 + g_rand_int_range (r, 0, 200));
      article = crb_article_new (id, text->str);
      crb_article_set_outlet (article, outlet);
      crb_article_set_date (article, "2025-03-10");
      crb_story_add_article (story, article);
      claims = crb_extract_article_claims (article, 0.0);
      for (guint k = 0; k < claims->len; k++)
        crb_story_add_claim (story, g_ptr_array_index (claims, k));
    }
  n_claims = crb_story_get_n_claims (story);
  g_assert_cmpuint (n_claims, >, 400);

  alignment = crb_align_story (story, NULL, NULL);
  g_assert_cmpuint (alignment->links->len, >, n_claims / 2);
  for (guint f = 0; f < alignment->facts->len; f++)
    n_multi += g_strv_length (((CrbFact *) g_ptr_array_index (alignment->facts, f))->claims) > 1;
  g_assert_cmpuint (n_multi, >, 0);
  g_assert_cmpuint (g_hash_table_size (alignment->fact_of_claim), ==, n_claims);
  /* each fact holds tolls, or arrests, not both: figures of one kind */
  {
    const CrbFact *toll = crb_alignment_get_fact (alignment, "art1:1");
    const CrbFact *arrests = crb_alignment_get_fact (alignment, "art1:3");

    g_assert_true (toll != arrests);
    g_assert_cmpuint (toll->n_articles, >, 100);
  }
  g_test_message ("%u claims, %u links, %u facts (%u of several claims); %s", n_claims,
                  alignment->links->len, alignment->facts->len, n_multi, alignment->note);
  /* no silent cut-off */
  g_assert_cmpuint (alignment->n_capped, >, 0);
  g_assert_nonnull (alignment->note);
  g_assert_nonnull (strstr (alignment->note, "Big story"));
}

/* A fact told by 30 outlets with two tolls: every claim is in it and
 * flagged, but it keeps one link per claim and the strongest conflict of
 * each, and counts the links it did not store. */
static void
test_fact_summarized (void)
{
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (CrbStory) story = NULL;
  g_autoptr (CrbAlignment) alignment = NULL;
  const CrbFact *fact;

  for (guint k = 0; k < 30; k++)
    g_ptr_array_add (texts, g_strdup_printf ("The attack on the concert hall killed %u people, "
                                             "officials said.", k % 2 ? 133 : 144));
  story = make_story ((const char * const *) texts->pdata, NULL, 30);
  alignment = crb_align_story (story, NULL, NULL);
  fact = crb_alignment_get_fact (alignment, "art1:1");

  g_assert_cmpuint (g_strv_length (fact->claims), ==, 30);
  g_assert_cmpuint (fact->n_contested, ==, 30);
  g_assert_cmpuint (fact->n_links_summarized, >, 0);
  g_assert_cmpuint (alignment->links->len, <, 2 * 30);
  g_assert_cmpuint (fact->n_conflicts, >=, 15);
  g_assert_cmpfloat (crb_alignment_contest_score (alignment, story, "art30:1"), >, 0);
  g_assert_nonnull (alignment->note);
  g_assert_nonnull (strstr (alignment->note, "summarized"));
  /* not a big story: nothing was capped */
  g_assert_cmpuint (alignment->n_capped, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint k = 0; k < G_N_ELEMENTS (pair_cases); k++)
    {
      g_autofree char *path = g_strdup_printf ("/corroborate/align/pair/%s", pair_cases[k].name);

      g_test_add_data_func (path, &pair_cases[k], test_pair);
    }
  g_test_add_func ("/corroborate/align/joins-through-two", test_joins_through_two);
  g_test_add_func ("/corroborate/align/update-says-why", test_update_says_why);
  g_test_add_func ("/corroborate/align/share-of-what", test_share_of_what);
  g_test_add_func ("/corroborate/align/the-group-is-named-before", test_the_group_is_named_before);
  g_test_add_func ("/corroborate/align/conflict-inside-fact", test_conflict_inside_fact);
  g_test_add_func ("/corroborate/align/inherited-denial", test_inherited_denial);
  g_test_add_func ("/corroborate/align/retold-fact-links-bounded", test_retold_fact_links_bounded);
  g_test_add_func ("/corroborate/align/facts-partition", test_facts_partition);
  g_test_add_func ("/corroborate/align/manual-and-removed", test_manual_and_removed);
  g_test_add_func ("/corroborate/align/relation-strings", test_relation_strings);
  g_test_add_func ("/corroborate/align/empty-and-single", test_empty_and_single);
  g_test_add_func ("/corroborate/align/non-ascii", test_non_ascii);
  g_test_add_func ("/corroborate/align/fact-summarized", test_fact_summarized);
  g_test_add_func ("/corroborate/align/big-story-copies", test_big_story_copies);
  g_test_add_func ("/corroborate/align/big-story-finds-links", test_big_story_finds_links);

  return g_test_run ();
}
