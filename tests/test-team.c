/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A team's reviews: the agreement figures against published and
 * hand-worked values, gold decisions, the replay of a reviewer's records
 * (undo, redo, groups) whatever order they arrive in, and reviewer files
 * read back as written. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "corroborate-core.h"
#include "crb-test-utils.h"

#define CLOSE(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 0.0005)

/* ------------------------------------------------------------ figures */

/* Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), C:
 * nominal data, four observers, twelve units, missing values.  The data
 * as the paper's reliability data matrix has them (0: missing):
 *
 *   unit        1  2  3  4  5  6  7  8  9 10 11 12
 *   observer A  1  2  3  3  2  1  4  1  2  .  .  .
 *   observer B  1  2  3  3  2  2  4  1  2  5  .  3
 *   observer C  .  3  3  3  2  3  4  2  2  5  1  .
 *   observer D  1  2  3  3  2  4  4  1  2  5  1  .
 *
 * The paper gives α = 0.743 (n = 40 pairable values, D_o = 0.200,
 * D_e = 0.779).
 */
static void
test_krippendorff_example (void)
{
  static const gint8 table[4][12] = {
    { 1, 2, 3, 3, 2, 1, 4, 1, 2, 0, 0, 0 },
    { 1, 2, 3, 3, 2, 2, 4, 1, 2, 5, 0, 3 },
    { 0, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, 0 },
    { 1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, 0 },
  };
  gint8 values[12 * 4];
  CrbReliabilityData data = { 12, 4, 5, values };
  guint items = 0;

  for (guint u = 0; u < 12; u++)
    for (guint c = 0; c < 4; c++)
      values[u * 4 + c] = (gint8) (table[c][u] - 1);   /* values 0…4, −1 missing */

  CLOSE (crb_agreement_krippendorff_alpha (&data, &items), 0.743);
  g_assert_cmpuint (items, ==, 11);   /* unit 12 has one value: not pairable */
}

/* Cohen's κ worked by hand: 50 items, yes/yes 20, yes/no 5, no/yes 10,
 * no/no 15.  p_o = 35/50 = 0.7; p_e = 0.5 × 0.6 + 0.5 × 0.4 = 0.5;
 * κ = (0.7 − 0.5) / (1 − 0.5) = 0.4.
 */
static void
test_cohen_by_hand (void)
{
  gint8 values[50 * 2];
  CrbReliabilityData data = { 50, 2, 2, values };
  double observed;
  guint items;

  for (guint u = 0; u < 50; u++)
    {
      values[2 * u] = u < 25 ? 1 : 0;
      values[2 * u + 1] = u < 20 ? 1 : u < 25 ? 0 : u < 35 ? 1 : 0;
    }
  CLOSE (crb_agreement_cohen_kappa (&data, 0, 1, &items, &observed), 0.4);
  g_assert_cmpuint (items, ==, 50);
  CLOSE (observed, 0.7);

  /* One label throughout: p_e = 1, κ undefined. */
  memset (values, 0, sizeof values);
  g_assert_true (isnan (crb_agreement_cohen_kappa (&data, 0, 1, NULL, NULL)));
}

/* Fleiss' κ worked by hand on the ten subjects, fourteen raters and five
 * categories of Fleiss' worked example as Wikipedia restates it:
 * P̄ = 0.378, P_e = 0.213, κ = 0.210.
 */
static void
test_fleiss_by_hand (void)
{
  static const guint counts[10][5] = {
    { 0, 0, 0, 0, 14 }, { 0, 2, 6, 4, 2 }, { 0, 0, 3, 5, 6 }, { 0, 3, 9, 2, 0 }, { 2, 2, 8, 1, 1 },
    { 7, 7, 0, 0, 0 }, { 3, 2, 6, 3, 0 }, { 2, 5, 3, 2, 2 }, { 6, 5, 2, 1, 0 }, { 0, 2, 2, 3, 7 },
  };
  gint8 values[10 * 14];
  CrbReliabilityData data = { 10, 14, 5, values };
  guint items;

  for (guint u = 0; u < 10; u++)
    {
      guint c = 0;

      for (guint v = 0; v < 5; v++)
        for (guint k = 0; k < counts[u][v]; k++)
          values[u * 14 + c++] = (gint8) v;
      g_assert_cmpuint (c, ==, 14);
    }
  CLOSE (crb_agreement_fleiss_kappa (&data, &items), 0.210);
  g_assert_cmpuint (items, ==, 10);
}

/* ------------------------------------------------------------ a team */

static CrbTeamRecord
decide (guint32            seq,
        const char        *claim,
        CrbDecisionStatus  status,
        CrbRejectReason    reason,
        const char        *corrected)
{
  CrbTeamRecord r = { 0, };

  r.seq = seq;
  r.op = CRB_TEAM_OP_DECIDE;
  r.time = "2026-01-01T00:00:00Z";
  r.claim = claim;
  r.status = status;
  r.reason = reason;
  r.corrected = corrected;
  return r;
}

static CrbTeamRecord
step (guint32    seq,
      CrbTeamOp  op,
      guint32    target)
{
  CrbTeamRecord r = { 0, };

  r.seq = seq;
  r.op = op;
  r.time = "2026-01-01T00:00:01Z";
  r.target = target;
  return r;
}

static char *
gold_of (CrbTeam      *team,
         const char   *claim,
         CrbConsensus *consensus)
{
  g_autoptr (CrbDecision) gold = crb_team_dup_gold (team, claim, NULL, consensus);

  if (gold == NULL)
    return g_strdup ("none");
  return g_strdup_printf ("%s %s %s %s", crb_decision_status_to_string (gold->status),
                          gold->reason ? crb_reject_reason_to_string (gold->reason) : "-",
                          gold->corrected_text ? gold->corrected_text : "-", gold->annotator);
}

static void
test_gold (void)
{
  g_autoptr (CrbTeam) team = crb_team_new ();
  CrbTeamRecord alice[] = {
    decide (1, "a:1", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
    decide (2, "a:2", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
    decide (3, "a:3", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
    decide (4, "a:4", CRB_DECISION_STATUS_CORRECTED, 0, "Nine"),
    decide (5, "a:5", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
  };
  CrbTeamRecord bob[] = {
    decide (1, "a:2", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
    decide (2, "a:3", CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_FALSE, NULL),
    decide (3, "a:4", CRB_DECISION_STATUS_CORRECTED, 0, "Seven"),
    decide (4, "a:5", CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_OPINION, NULL),
  };
  CrbTeamRecord carol[] = {
    decide (1, "a:3", CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_FALSE, NULL),
    decide (2, "a:4", CRB_DECISION_STATUS_CORRECTED, 0, "Seven"),
    decide (3, "a:5", CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_FALSE, NULL),
  };
  CrbConsensus consensus;
  g_autofree char *g1 = NULL, *g2 = NULL, *g3 = NULL, *g4 = NULL, *g5 = NULL;

  crb_team_add_records (team, "carol", carol, G_N_ELEMENTS (carol), NULL, NULL);
  crb_team_add_records (team, "alice", alice, G_N_ELEMENTS (alice), NULL, NULL);
  crb_team_add_records (team, "bob", bob, G_N_ELEMENTS (bob), NULL, NULL);
  g_assert_cmpuint (crb_team_get_n_reviewers (team), ==, 3);
  g_assert_cmpstr (crb_team_get_reviewer (team, 0), ==, "alice");

  g1 = gold_of (team, "a:1", &consensus);
  g_assert_cmpstr (g1, ==, "confirmed - - alice");
  g_assert_cmpint (consensus, ==, CRB_CONSENSUS_SINGLE);
  g2 = gold_of (team, "a:2", &consensus);
  g_assert_cmpstr (g2, ==, "confirmed - - alice");
  g_assert_cmpint (consensus, ==, CRB_CONSENSUS_UNANIMOUS);
  /* Two of three reject as false: the majority, flagged. */
  g3 = gold_of (team, "a:3", &consensus);
  g_assert_cmpstr (g3, ==, "rejected false - bob");
  g_assert_cmpint (consensus, ==, CRB_CONSENSUS_MAJORITY);
  /* All three corrected: unanimous on the label, with the text most gave. */
  g4 = gold_of (team, "a:4", &consensus);
  g_assert_cmpstr (g4, ==, "corrected - Seven bob");
  g_assert_cmpint (consensus, ==, CRB_CONSENSUS_UNANIMOUS);
  /* Confirmed, opinion, false: no majority, no gold decision. */
  g5 = gold_of (team, "a:5", &consensus);
  g_assert_cmpstr (g5, ==, "none");
  g_assert_cmpint (consensus, ==, CRB_CONSENSUS_DISPUTED);
  g_assert_true (crb_team_get_disagreement (team, "a:5"));
  g_assert_false (crb_team_get_disagreement (team, "a:2"));

  /* An adjudication settles it, and its undo unsettles it. */
  {
    CrbTeamRecord adjudication = decide (1, "a:5", CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_OPINION, NULL);
    CrbTeamRecord undo = step (2, CRB_TEAM_OP_UNDO, 1);
    g_autofree char *settled = NULL;
    g_autofree char *unsettled = NULL;
    g_autofree char *resolves = crb_team_dup_resolves (team, "a:5");
    gboolean stale = TRUE;

    g_assert_cmpstr (resolves, ==, "alice:5 bob:4 carol:3");
    adjudication.op = CRB_TEAM_OP_ADJUDICATE;
    adjudication.take = "bob";
    adjudication.resolves = resolves;
    crb_team_add_records (team, "dora", &adjudication, 1, NULL, NULL);
    settled = gold_of (team, "a:5", &consensus);
    g_assert_cmpstr (settled, ==, "rejected opinion - dora");
    g_assert_cmpint (consensus, ==, CRB_CONSENSUS_ADJUDICATED);
    g_assert_true (crb_team_get_adjudication (team, "a:5", NULL, NULL, NULL, &stale));
    g_assert_false (stale);

    crb_team_add_records (team, "dora", &undo, 1, NULL, NULL);
    unsettled = gold_of (team, "a:5", &consensus);
    g_assert_cmpstr (unsettled, ==, "none");
    g_assert_cmpint (consensus, ==, CRB_CONSENSUS_DISPUTED);
  }

  /* The figures: Cohen's κ of alice and bob over a:2…a:5 by hand —
   * labels alice C C corr C, bob C false corr opinion: p_o = 2/4;
   * alice: C 3/4, corr 1/4; bob: C, false, corr, opinion 1/4 each;
   * p_e = 3/16 + 1/16 = 1/4; κ = (1/2 − 1/4) / (3/4) = 1/3.
   */
  {
    g_autoptr (CrbTeamFigures) figures = crb_team_compute_figures (team, NULL, NULL);
    const CrbAgreementPair *pair = g_ptr_array_index (figures->decisions->pairs, 0);

    g_assert_cmpuint (figures->decisions->items, ==, 4);
    g_assert_cmpstr (pair->a, ==, "alice");
    g_assert_cmpstr (pair->b, ==, "bob");
    g_assert_cmpuint (pair->items, ==, 4);
    CLOSE (pair->cohen_kappa, 1.0 / 3);
    g_assert_cmpuint (figures->consensus[CRB_CONSENSUS_DISPUTED], ==, 1);
    g_assert_cmpuint (figures->consensus[CRB_CONSENSUS_MAJORITY], ==, 1);
  }
}

/* A reviewer's state is the replay of their records, whatever order and
 * however often they arrive.
 */
static char *
state_of (CrbTeam *team)
{
  GString *out = g_string_new (NULL);

  for (guint i = 1; i <= 4; i++)
    {
      g_autofree char *id = g_strdup_printf ("a:%u", i);
      g_autoptr (CrbDecision) d = crb_team_dup_decision (team, "alice", id);

      g_string_append_printf (out, "%s=%s ", id, d ? crb_decision_status_to_string (d->status) : "none");
    }
  return g_string_free (out, FALSE);
}

static void
test_replay (void)
{
  CrbTeamRecord records[] = {
    decide (1, "a:1", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
    decide (2, "a:2", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
    decide (3, "a:3", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
    decide (4, "a:1", CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_OPINION, NULL),
    step (5, CRB_TEAM_OP_UNDO, 4),
    step (6, CRB_TEAM_OP_UNDO, 3),
    step (7, CRB_TEAM_OP_REDO, 3),
    decide (8, "a:4", CRB_DECISION_STATUS_CONFIRMED, 0, NULL),
    decide (9, "a:2", CRB_DECISION_STATUS_PENDING, 0, NULL),
  };
  g_autoptr (CrbTeam) in_order = crb_team_new ();
  g_autoptr (CrbTeam) shuffled = crb_team_new ();
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  CrbTeamRecord step_record;
  guint order[] = { 8, 2, 5, 0, 7, 1, 3, 6, 4 };

  crb_team_add_records (in_order, "alice", records, G_N_ELEMENTS (records), NULL, problems);
  g_assert_cmpuint (problems->len, ==, 0);
  expected = state_of (in_order);
  /* The opinion was undone (a:1 confirmed again); a:3's undo redone; the
   * redo of 4 went when 8 was decided; a:2 taken back.
   */
  g_assert_cmpstr (expected, ==, "a:1=confirmed a:2=none a:3=confirmed a:4=confirmed ");
  g_assert_cmpuint (crb_team_get_n_decided (in_order, "alice"), ==, 3);
  g_assert_true (crb_team_peek_step (in_order, "alice", FALSE, 0, &step_record));
  g_assert_cmpuint (step_record.seq, ==, 9);
  g_assert_false (crb_team_peek_step (in_order, "alice", TRUE, 0, &step_record));

  /* One record at a time, out of order, some twice. */
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      crb_team_add_records (shuffled, "alice", &records[order[i]], 1, NULL, NULL);
      if (i % 3 == 0)
        crb_team_add_records (shuffled, "alice", &records[order[i]], 1, NULL, NULL);
    }
  got = state_of (shuffled);
  g_assert_cmpstr (got, ==, expected);
  g_assert_cmpuint (crb_team_get_max_seq (shuffled, "alice"), ==, 9);

  /* Two different records of one seq: one kept, whichever came first, and reported. */
  {
    CrbTeamRecord other = decide (9, "a:2", CRB_DECISION_STATUS_CORRECTED, 0, "x");
    g_autoptr (CrbTeam) a = crb_team_new ();
    g_autoptr (CrbTeam) b = crb_team_new ();
    g_autofree char *sa = NULL;
    g_autofree char *sb = NULL;

    crb_team_add_records (a, "alice", records, G_N_ELEMENTS (records), NULL, NULL);
    crb_team_add_records (a, "alice", &other, 1, NULL, problems);
    crb_team_add_records (b, "alice", &other, 1, NULL, NULL);
    crb_team_add_records (b, "alice", records, G_N_ELEMENTS (records), NULL, NULL);
    sa = state_of (a);
    sb = state_of (b);
    g_assert_cmpstr (sa, ==, sb);
    g_assert_cmpuint (problems->len, ==, 1);
  }
}

/* ------------------------------------------------------------ files */

static void
test_file_roundtrip (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "r", "z\u00e9.jsonl", NULL);
  g_autoptr (CrbReviewWriter) writer = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) lines = g_string_new (NULL);
  g_auto (CrbReviewBatch) batch = { NULL, };
  g_auto (CrbReviewBatch) tail = { NULL, };
  CrbTeamRecord records[3];
  CrbTeamRecord *read;
  FILE *f;

  records[0] = decide (1, "art:1", CRB_DECISION_STATUS_CORRECTED, 0, "“Quoted” \\ line\nbreak \U0001F600");
  records[0].note = "tab\there";
  records[1] = decide (2, "art:2", CRB_DECISION_STATUS_REJECTED, CRB_REJECT_REASON_WRONG_SPAN, NULL);
  records[1].op = CRB_TEAM_OP_ADJUDICATE;
  records[1].take = "bob";
  records[1].resolves = "bob:3 carol:1";
  records[2] = step (3, CRB_TEAM_OP_UNDO, 2);

  writer = crb_review_writer_open (path, "P", "z\u00e9", &error);
  g_assert_no_error (error);
  g_assert_true (crb_review_writer_lock (writer, &error));
  for (guint i = 0; i < 3; i++)
    crb_reviews_format_record (lines, "z\u00e9", &records[i]);
  g_assert_true (crb_review_writer_append (writer, lines->str, lines->len, &error));
  crb_review_writer_unlock (writer);

  /* A line a crash cut short, and a damaged one: left out, reported. */
  f = g_fopen (path, "a");
  fputs ("{\"reviewer\":\"z\u00e9\",\"seq\":4,\"time\":\"t\",\"op\":\"frobnicate\"}\n{\"reviewer\":\"z\u00e9\",\"se", f);
  fclose (f);

  g_assert_true (crb_reviews_read (path, 0, 0, NULL, &batch, problems, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (batch.reviewer, ==, "z\u00e9");
  g_assert_cmpstr (batch.project_id, ==, "P");
  g_assert_cmpuint (batch.records->len, ==, 3);
  g_assert_cmpuint (problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (problems, 0), ":5:"));
  read = (CrbTeamRecord *) batch.records->data;
  g_assert_cmpstr (read[0].corrected, ==, records[0].corrected);
  g_assert_cmpstr (read[0].note, ==, "tab\there");
  g_assert_cmpint (read[1].op, ==, CRB_TEAM_OP_ADJUDICATE);
  g_assert_cmpstr (read[1].take, ==, "bob");
  g_assert_cmpstr (read[1].resolves, ==, "bob:3 carol:1");
  g_assert_cmpint (read[1].reason, ==, CRB_REJECT_REASON_WRONG_SPAN);
  g_assert_cmpuint (read[2].target, ==, 2);

  /* The same record always gives the same bytes. */
  {
    g_autoptr (GString) again = g_string_new (NULL);

    for (guint i = 0; i < 3; i++)
      crb_reviews_format_record (again, "z\u00e9", &read[i]);
    g_assert_cmpstr (again->str, ==, lines->str);
  }

  /* The next writer ends the torn line first; reading on from where the
   * last read stopped gives the torn line (damaged) and the new record.
   */
  g_assert_true (crb_review_writer_lock (writer, &error));
  g_string_truncate (lines, 0);
  records[2].seq = 5;
  crb_reviews_format_record (lines, "z\u00e9", &records[2]);
  g_assert_true (crb_review_writer_append (writer, lines->str, lines->len, &error));
  crb_review_writer_unlock (writer);
  g_ptr_array_set_size (problems, 0);
  g_assert_true (crb_reviews_read (path, batch.end, batch.lines, batch.reviewer, &tail, problems, &error));
  g_assert_cmpuint (tail.records->len, ==, 1);
  g_assert_cmpuint (g_array_index (tail.records, CrbTeamRecord, 0).seq, ==, 5);
  g_assert_cmpuint (problems->len, ==, 1);

  /* Another reviewer's file is not written to. */
  {
    g_autoptr (CrbReviewWriter) wrong = crb_review_writer_open (path, "P", "bob", &error);

    g_assert_no_error (error);
    g_assert_false (crb_review_writer_lock (wrong, &error));
    g_assert_error (error, CRB_ERROR, CRB_ERROR_CONFLICT);
  }

  crb_test_remove_tree (dir);
}

static void
test_names (void)
{
  g_assert_true (crb_reviewer_name_is_valid ("alice"));
  g_assert_true (crb_reviewer_name_is_valid ("J\u00f6rg.M-2@example.org"));
  g_assert_false (crb_reviewer_name_is_valid ("anonymous"));
  g_assert_false (crb_reviewer_name_is_valid ("Anonymous"));
  g_assert_false (crb_reviewer_name_is_valid (""));
  g_assert_false (crb_reviewer_name_is_valid (NULL));
  g_assert_false (crb_reviewer_name_is_valid (".hidden"));
  g_assert_false (crb_reviewer_name_is_valid ("a/b"));
  g_assert_false (crb_reviewer_name_is_valid ("two words"));
}


/* ------------------------------------------------------------ the project */

static void
count_signal (gpointer  instance,
              CrbClaim *claim,
              guint    *n)
{
  (*n)++;
}

/* What the app sees: the reviewer's decisions in their own file, claims
 * showing the gold decision or the reviewer's own, the signals, undo, and
 * another reviewer's file arriving.
 */
static void
test_project (void)
{
  g_autofree char *dir = crb_test_make_dir ();
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr (CrbProject) project = crb_test_make_project (dir, "p.crb", &path);
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) confirm = crb_decision_new (CRB_DECISION_STATUS_CONFIRMED);
  g_autoptr (CrbDecision) reject = crb_decision_new (CRB_DECISION_STATUS_REJECTED);
  g_autoptr (CrbStory) story = NULL;
  g_autoptr (CrbClaim) claim = NULL;
  g_autoptr (GPtrArray) annotations = NULL;
  g_autofree char *undone = NULL;
  CrbConsensus consensus;
  const char *id;
  gboolean changed = FALSE;
  guint n_signals = 0;

  g_assert_false (crb_project_is_team (project));
  g_assert_true (crb_project_team_init (project, "olga", &changed, &error));
  g_assert_no_error (error);
  g_assert_true (changed);
  g_assert_true (crb_project_is_team (project));
  before = crb_test_read_file (path);

  story = g_list_model_get_item (crb_project_get_stories (project), 0);
  g_assert_true (crb_story_ensure_loaded (story, &error));
  claim = g_list_model_get_item (crb_story_get_claims (story), 0);
  id = crb_claim_get_id (claim);
  g_signal_connect (project, "claim-decided", G_CALLBACK (count_signal), &n_signals);

  /* No name, no change (init named the owner: unname). */
  crb_project_set_reviewer (project, NULL);
  g_assert_false (crb_project_decide (project, id, confirm, &error));
  g_assert_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);

  crb_project_set_reviewer (project, "ana");
  g_assert_false (crb_project_can_undo (project));
  g_assert_true (crb_project_decide (project, id, confirm, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_signals, ==, 1);
  g_assert_true (crb_project_can_undo (project));
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CONFIRMED);
  g_assert_cmpstr (crb_claim_get_decision (claim)->annotator, ==, "ana");

  /* Ben disagrees: no gold decision; ana's own view still shows hers. */
  reject->reason = CRB_REJECT_REASON_OPINION;
  reject->annotator = g_strdup ("ben");
  g_assert_true (crb_project_decide (project, id, reject, &error));
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_PENDING);
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = crb_project_team_dup_annotations (project, id);
  g_assert_cmpuint (annotations->len, ==, 2);
  g_assert_null (crb_project_team_dup_gold (project, id, &consensus));
  g_assert_cmpint (consensus, ==, CRB_CONSENSUS_DISPUTED);
  g_assert_true (crb_project_team_get_disagreement (project, id));
  crb_project_team_set_view (project, CRB_TEAM_VIEW_OWN);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_CONFIRMED);

  /* Olga adjudicates with ben's decision; ana's undo takes back hers only. */
  crb_project_set_reviewer (project, "olga");
  crb_project_team_set_view (project, CRB_TEAM_VIEW_GOLD);
  g_assert_true (crb_project_adjudicate (project, id, "ben", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_REJECTED);
  crb_project_set_reviewer (project, "ana");
  undone = crb_project_undo (project, &error);
  g_assert_cmpstr (undone, ==, id);
  g_assert_cmpint (crb_claim_get_status (claim), ==, CRB_DECISION_STATUS_REJECTED);   /* adjudicated */
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = crb_project_team_dup_annotations (project, id);
  g_assert_cmpuint (annotations->len, ==, 1);

  /* Another reviewer's file arrives (a pull, a shared folder). */
  {
    g_autofree char *carol = crb_reviews_path_for (crb_project_team_get_reviews_folder (project), "carol");
    g_autoptr (CrbReviewWriter) writer = crb_review_writer_open (carol, crb_project_get_id (project), "carol", &error);
    g_autoptr (GString) line = g_string_new (NULL);
    CrbTeamRecord record = decide (1, id, CRB_DECISION_STATUS_CONFIRMED, 0, NULL);

    crb_reviews_format_record (line, "carol", &record);
    g_assert_true (crb_review_writer_lock (writer, &error));
    g_assert_true (crb_review_writer_append (writer, line->str, line->len, &error));
    crb_review_writer_unlock (writer);
    n_signals = 0;
    g_assert_cmpuint (crb_project_refresh (project), ==, 1);
    g_assert_cmpuint (n_signals, ==, 1);
    g_assert_cmpuint (crb_team_get_n_reviewers (crb_project_get_team (project)), ==, 4);
  }

  /* Decisions, an adjudication, an undo: the project file is as it was. */
  {
    g_autofree char *middle = crb_test_read_file (path);

    g_assert_cmpstr (middle, ==, before);
  }

  /* Blind: ana sees hers alone; the owner everything. */
  crb_project_set_reviewer (project, "olga");
  g_assert_true (crb_project_team_set_blind (project, TRUE, &error));
  crb_project_set_reviewer (project, "ana");
  g_assert_false (crb_project_team_can_see_others (project));
  g_assert_cmpint (crb_project_team_get_view (project), ==, CRB_TEAM_VIEW_OWN);
  g_clear_pointer (&annotations, g_ptr_array_unref);
  annotations = crb_project_team_dup_annotations (project, id);
  g_assert_cmpuint (annotations->len, ==, 0);
  g_assert_null (crb_project_team_compute_agreement (project, &error));
  g_clear_error (&error);

  /* The owner's settings are the project file's. */
  after = crb_test_read_file (path);
  g_assert_nonnull (strstr (after, "\"blind\":true"));

  crb_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/corroborate/team/figures/krippendorff-example", test_krippendorff_example);
  g_test_add_func ("/corroborate/team/figures/cohen", test_cohen_by_hand);
  g_test_add_func ("/corroborate/team/figures/fleiss", test_fleiss_by_hand);
  g_test_add_func ("/corroborate/team/gold", test_gold);
  g_test_add_func ("/corroborate/team/replay", test_replay);
  g_test_add_func ("/corroborate/team/file/roundtrip", test_file_roundtrip);
  g_test_add_func ("/corroborate/team/names", test_names);
  g_test_add_func ("/corroborate/team/project", test_project);

  return g_test_run ();
}
