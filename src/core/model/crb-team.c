/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-team.c: CrbTeam, the reviewers of a team project and their
 * decisions, merged: each reviewer's state is the replay of their own
 * records (decisions, adjudications, links, undo and redo), whatever order
 * their files came in; each claim's gold decision follows from everyone's
 * (docs/team.md). */
#define G_LOG_DOMAIN "crb-team"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-team-private.h"

#include <string.h>

G_DEFINE_FINAL_TYPE (CrbTeam, crb_team, G_TYPE_OBJECT)

static const char * const consensus_names[CRB_N_CONSENSUS] = {
  "none", "single", "unanimous", "majority", "disputed", "adjudicated",
};

static const char * const op_names[CRB_N_TEAM_OPS] = {
  "decide", "adjudicate", "link", "unlink", "undo", "redo",
};

static const char * const label_names[CRB_N_TEAM_LABELS] = {
  "confirmed", "corrected", "rejected:false", "rejected:unverifiable", "rejected:opinion",
  "rejected:not-a-claim", "rejected:duplicate", "rejected:wrong-span",
};

const char *
crb_consensus_to_string (CrbConsensus consensus)
{
  g_return_val_if_fail (consensus < CRB_N_CONSENSUS, NULL);
  return consensus_names[consensus];
}

const char *
crb_team_op_to_string (CrbTeamOp op)
{
  g_return_val_if_fail (op < CRB_N_TEAM_OPS, NULL);
  return op_names[op];
}

gboolean
crb_team_op_from_string (const char *string,
                         CrbTeamOp  *op)
{
  for (guint i = 0; string != NULL && i < CRB_N_TEAM_OPS; i++)
    if (strcmp (string, op_names[i]) == 0)
      {
        *op = i;
        return TRUE;
      }
  return FALSE;
}

/**
 * crb_team_label:
 *
 * Returns: the label agreement is measured on — confirmed, corrected, or
 *   the reason of a rejection — from 0 to %CRB_N_TEAM_LABELS − 1, or −1
 *   for a pending claim
 */
int
crb_team_label (CrbDecisionStatus status,
                CrbRejectReason   reason)
{
  switch (status)
    {
    case CRB_DECISION_STATUS_CONFIRMED:
      return 0;
    case CRB_DECISION_STATUS_CORRECTED:
      return 1;
    case CRB_DECISION_STATUS_REJECTED:
      return reason > CRB_REJECT_REASON_NONE && reason < CRB_N_REJECT_REASONS ? 1 + (int) reason : -1;
    case CRB_DECISION_STATUS_PENDING:
    default:
      return -1;
    }
}

/**
 * crb_team_label_to_string:
 *
 * Returns: "confirmed", "corrected" or "rejected:REASON"
 */
const char *
crb_team_label_to_string (int label)
{
  g_return_val_if_fail (label >= 0 && label < CRB_N_TEAM_LABELS, NULL);
  return label_names[label];
}

/**
 * crb_reviewer_name_is_valid:
 *
 * A reviewer's name names their file (`NAME.jsonl`): letters, digits and
 * `-`, `_`, `.`, `@`, `+`, not starting with `.` or `-`, at most 64
 * characters; "anonymous" is no one's name.
 */
gboolean
crb_reviewer_name_is_valid (const char *name)
{
  glong n = 0;

  if (name == NULL || *name == '\0' || *name == '.' || *name == '-' ||
      !g_utf8_validate (name, -1, NULL) || g_ascii_strcasecmp (name, CRB_ANONYMOUS_ANNOTATOR) == 0)
    return FALSE;

  for (const char *p = name; *p; p = g_utf8_next_char (p), n++)
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c) && strchr ("-_.@+", (int) c) == NULL)
        return FALSE;
    }
  return n <= 64;
}

void
crb_annotation_free (CrbAnnotation *annotation)
{
  if (annotation == NULL)
    return;
  g_free (annotation->reviewer);
  crb_decision_free (annotation->decision);
  g_free (annotation);
}

static void
reviewer_free (gpointer data)
{
  Reviewer *r = data;

  g_free (r->name);
  g_array_unref (r->recs);
  g_array_unref (r->extras);
  g_array_unref (r->decision);
  g_hash_table_unref (r->adjudicated);
  g_hash_table_unref (r->links);
  g_array_unref (r->undo);
  g_array_unref (r->redo);
  g_free (r);
}

static void
crb_team_finalize (GObject *object)
{
  CrbTeam *self = (CrbTeam *) object;

  g_ptr_array_unref (self->reviewers);
  g_hash_table_unref (self->reviewer_index);
  g_hash_table_unref (self->claim_index);
  g_ptr_array_unref (self->claim_ids);
  g_hash_table_unref (self->pair_index);
  g_array_unref (self->pairs);
  g_hash_table_unref (self->assigned);
  g_string_chunk_free (self->strings);
  g_free (self->owner);
  g_free (self->viewer);

  G_OBJECT_CLASS (crb_team_parent_class)->finalize (object);
}

static void
crb_team_class_init (CrbTeamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = crb_team_finalize;
}

static void
crb_team_init (CrbTeam *self)
{
  self->strings = g_string_chunk_new (1024 * 1024);
  self->claim_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->claim_ids = g_ptr_array_new ();
  self->pair_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->pairs = g_array_new (FALSE, FALSE, sizeof (Pair));
  self->reviewers = g_ptr_array_new_with_free_func (reviewer_free);
  self->reviewer_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->assigned = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
}

/**
 * crb_team_new:
 *
 * Returns: (transfer full): a team with no reviewer yet; the project
 *   feeds it the records of its reviewers' files
 */
CrbTeam *
crb_team_new (void)
{
  return g_object_new (CRB_TYPE_TEAM, NULL);
}

/* ------------------------------------------------------------ settings */

/**
 * crb_team_set_settings:
 * @owner: (nullable): who prepared the project for the team
 * @blind: whether reviewers see only their own decisions…
 * @revealed: …until the owner reveals the others'
 */
void
crb_team_set_settings (CrbTeam    *self,
                       const char *owner,
                       gboolean    blind,
                       gboolean    revealed)
{
  g_return_if_fail (CRB_IS_TEAM (self));

  g_free (self->owner);
  self->owner = g_strdup (owner);
  self->blind = blind;
  self->revealed = revealed;
}

const char *
crb_team_get_owner (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);
  return self->owner;
}

gboolean
crb_team_get_blind (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), FALSE);
  return self->blind;
}

gboolean
crb_team_get_revealed (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), FALSE);
  return self->revealed;
}

/**
 * crb_team_set_viewer:
 * @viewer: (nullable): the reviewer looking at the project
 */
void
crb_team_set_viewer (CrbTeam    *self,
                     const char *viewer)
{
  g_return_if_fail (CRB_IS_TEAM (self));

  g_free (self->viewer);
  self->viewer = g_strdup (viewer);
}

const char *
crb_team_get_viewer (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);
  return self->viewer;
}

/**
 * crb_team_set_view:
 *
 * Which decision claims show; blind review shows reviewers other than
 * the owner their own whatever is set here (crb_team_get_view()).
 */
void
crb_team_set_view (CrbTeam     *self,
                   CrbTeamView  view)
{
  g_return_if_fail (CRB_IS_TEAM (self));
  self->view = view;
}

/**
 * crb_team_viewer_sees_all:
 *
 * Returns: whether the viewer may see other reviewers' decisions: always,
 *   unless the review is blind and not yet revealed, when only the owner may
 */
gboolean
crb_team_viewer_sees_all (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), FALSE);

  if (!self->blind || self->revealed)
    return TRUE;
  return self->viewer != NULL && self->owner != NULL && strcmp (self->viewer, self->owner) == 0;
}

/**
 * crb_team_get_view:
 *
 * Returns: the view claims show: the one set, or the viewer's own
 *   decisions in a blind review (crb_team_viewer_sees_all())
 */
CrbTeamView
crb_team_get_view (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), CRB_TEAM_VIEW_GOLD);
  return crb_team_viewer_sees_all (self) ? self->view : CRB_TEAM_VIEW_OWN;
}

/* ------------------------------------------------------------ tables */

static guint32
intern_claim (CrbTeam    *self,
              const char *id)
{
  gpointer found = g_hash_table_lookup (self->claim_index, id);
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  copy = g_string_chunk_insert (self->strings, id);
  g_ptr_array_add (self->claim_ids, copy);
  g_hash_table_insert (self->claim_index, copy, GUINT_TO_POINTER (self->claim_ids->len));
  return self->claim_ids->len - 1;
}

/* A pair is the same pair whichever claim comes first. */
static guint32
intern_pair (CrbTeam    *self,
             const char *a,
             const char *b)
{
  g_autofree char *key = strcmp (a, b) <= 0 ? g_strconcat (a, "\n", b, NULL) : g_strconcat (b, "\n", a, NULL);
  gpointer found = g_hash_table_lookup (self->pair_index, key);
  Pair pair;
  char *copy;

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1;

  copy = g_string_chunk_insert (self->strings, key);
  pair.a = g_string_chunk_insert (self->strings, a);
  pair.b = g_string_chunk_insert (self->strings, b);
  g_array_append_val (self->pairs, pair);
  g_hash_table_insert (self->pair_index, copy, GUINT_TO_POINTER (self->pairs->len));
  return self->pairs->len - 1;
}

static Reviewer *
ensure_reviewer (CrbTeam    *self,
                 const char *name)
{
  Reviewer *r = g_hash_table_lookup (self->reviewer_index, name);
  guint at = 0;

  if (r != NULL)
    return r;

  r = g_new0 (Reviewer, 1);
  r->name = g_strdup (name);
  r->recs = g_array_new (FALSE, FALSE, sizeof (Rec));
  r->extras = g_array_new (FALSE, FALSE, sizeof (Extra));
  r->decision = g_array_new (FALSE, FALSE, sizeof (gint32));
  r->adjudicated = g_hash_table_new (NULL, NULL);
  r->links = g_hash_table_new (NULL, NULL);
  r->undo = g_array_new (FALSE, FALSE, sizeof (guint32));
  r->redo = g_array_new (FALSE, FALSE, sizeof (guint32));

  /* By name: every order of files gives the same order of reviewers. */
  while (at < self->reviewers->len &&
         strcmp (((Reviewer *) g_ptr_array_index (self->reviewers, at))->name, name) < 0)
    at++;
  g_ptr_array_insert (self->reviewers, at, r);
  g_hash_table_insert (self->reviewer_index, r->name, r);
  return r;
}

static void
note_changed (CrbTeam    *self,
              GHashTable *changed,
              guint32     claim)
{
  if (changed != NULL)
    g_hash_table_add (changed, g_ptr_array_index (self->claim_ids, claim));
}

static void
set_decision (Reviewer *r,
              guint32   claim,
              gint32    index)
{
  gint32 *slot;

  if (claim >= r->decision->len)
    {
      guint old = r->decision->len;

      g_array_set_size (r->decision, MAX (claim + 1, 2 * old));
      for (guint i = old; i < r->decision->len; i++)
        g_array_index (r->decision, gint32, i) = -1;
    }
  slot = &g_array_index (r->decision, gint32, claim);
  r->n_decided -= decided (r, *slot);
  *slot = index;
  r->n_decided += decided (r, index);
}

static void
set_in (GHashTable *table,
        guint32     key,
        gint32      index)
{
  if (index < 0)
    g_hash_table_remove (table, GUINT_TO_POINTER (key));
  else
    g_hash_table_insert (table, GUINT_TO_POINTER (key), GINT_TO_POINTER (index + 1));
}

/* ------------------------------------------------------------ replay */

/* Sets the subject of step @step (a record index) to the state @state (a
 * record index, −1 for none): what undo and redo do.
 */
static void
put_state (CrbTeam    *self,
           Reviewer   *r,
           guint32     step,
           gint32      state,
           GHashTable *changed)
{
  const Rec *rec = rec_at (r, step);

  switch ((CrbTeamOp) rec->op)
    {
    case CRB_TEAM_OP_DECIDE:
      set_decision (r, rec->subject, state);
      note_changed (self, changed, rec->subject);
      break;
    case CRB_TEAM_OP_ADJUDICATE:
      set_in (r->adjudicated, rec->subject, state);
      note_changed (self, changed, rec->subject);
      break;
    case CRB_TEAM_OP_LINK:
    case CRB_TEAM_OP_UNLINK:
      set_in (r->links, rec->subject, state);
      break;
    case CRB_TEAM_OP_UNDO:
    case CRB_TEAM_OP_REDO:
    case CRB_N_TEAM_OPS:
    default:
      g_assert_not_reached ();
    }
}

static void
replay (CrbTeam    *self,
        Reviewer   *r,
        guint       from,
        GHashTable *changed,
        GPtrArray  *problems)
{
  for (guint i = from; i < r->recs->len; i++)
    {
      Rec *rec = &g_array_index (r->recs, Rec, i);
      gboolean undo = rec->op == CRB_TEAM_OP_UNDO;
      GArray *stack, *other;
      guint32 top;

      switch ((CrbTeamOp) rec->op)
        {
        case CRB_TEAM_OP_DECIDE:
          rec->prev = current_decision (r, rec->subject);
          break;
        case CRB_TEAM_OP_ADJUDICATE:
          rec->prev = get_in (r->adjudicated, rec->subject);
          break;
        case CRB_TEAM_OP_LINK:
        case CRB_TEAM_OP_UNLINK:
          rec->prev = get_in (r->links, rec->subject);
          break;
        case CRB_TEAM_OP_UNDO:
        case CRB_TEAM_OP_REDO:
          stack = undo ? r->undo : r->redo;
          other = undo ? r->redo : r->undo;
          top = stack->len > 0 ? g_array_index (stack, guint32, stack->len - 1) : G_MAXUINT32;
          if (top == G_MAXUINT32 || rec_at (r, top)->seq != rec->subject)
            {
              if (problems != NULL)
                g_ptr_array_add (problems,
                                 g_strdup_printf (undo ? _("reviewer %s: record %u undoes record %u, which is "
                                                           "not their latest step; it is left out")
                                                       : _("reviewer %s: record %u redoes record %u, which is "
                                                           "not their latest undone step; it is left out"),
                                                  r->name, rec->seq, rec->subject));
              continue;
            }
          g_array_set_size (stack, stack->len - 1);
          g_array_append_val (other, top);
          put_state (self, r, top, undo ? rec_at (r, top)->prev : (gint32) top, changed);
          continue;
        case CRB_N_TEAM_OPS:
        default:
          g_assert_not_reached ();
        }

      put_state (self, r, i, (gint32) i, changed);
      g_array_append_val (r->undo, i);
      g_array_set_size (r->redo, 0);
    }
}

static void
reset_state (CrbTeam    *self,
             Reviewer   *r,
             GHashTable *changed)
{
  GHashTableIter iter;
  gpointer key;

  for (guint c = 0; c < r->decision->len; c++)
    if (g_array_index (r->decision, gint32, c) >= 0)
      note_changed (self, changed, c);
  g_hash_table_iter_init (&iter, r->adjudicated);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    note_changed (self, changed, GPOINTER_TO_UINT (key));

  g_array_set_size (r->decision, 0);
  g_hash_table_remove_all (r->adjudicated);
  g_hash_table_remove_all (r->links);
  g_array_set_size (r->undo, 0);
  g_array_set_size (r->redo, 0);
  r->n_decided = 0;
}

static const char *
chunk (CrbTeam    *self,
       const char *string)
{
  return string ? g_string_chunk_insert (self->strings, string) : NULL;
}

static Rec
make_rec (CrbTeam             *self,
          Reviewer            *r,
          const CrbTeamRecord *record)
{
  Rec rec = { 0, };

  rec.seq = record->seq;
  rec.group = record->group;
  rec.op = record->op;
  rec.status = record->status;
  rec.reason = record->reason;
  rec.relation = record->relation;
  rec.prev = -1;
  rec.time = chunk (self, record->time);

  switch (record->op)
    {
    case CRB_TEAM_OP_DECIDE:
    case CRB_TEAM_OP_ADJUDICATE:
      rec.subject = intern_claim (self, record->claim);
      break;
    case CRB_TEAM_OP_LINK:
    case CRB_TEAM_OP_UNLINK:
      rec.subject = intern_pair (self, record->claim, record->other);
      break;
    case CRB_TEAM_OP_UNDO:
    case CRB_TEAM_OP_REDO:
      rec.subject = record->target;
      break;
    case CRB_N_TEAM_OPS:
    default:
      g_assert_not_reached ();
    }

  if (record->corrected || record->note || record->take || record->resolves)
    {
      Extra extra = { chunk (self, record->corrected), chunk (self, record->note),
                      chunk (self, record->take), chunk (self, record->resolves) };

      g_array_append_val (r->extras, extra);
      rec.extra = r->extras->len;
    }
  return rec;
}

/* The subject of a record as a string, so that records compare the same
 * whatever order their files were read in.
 */
static const char *
subject_string (CrbTeam    *self,
                const Rec  *rec,
                char       *buffer)
{
  switch ((CrbTeamOp) rec->op)
    {
    case CRB_TEAM_OP_DECIDE:
    case CRB_TEAM_OP_ADJUDICATE:
      return g_ptr_array_index (self->claim_ids, rec->subject);
    case CRB_TEAM_OP_LINK:
    case CRB_TEAM_OP_UNLINK:
      return g_array_index (self->pairs, Pair, rec->subject).a;
    case CRB_TEAM_OP_UNDO:
    case CRB_TEAM_OP_REDO:
    case CRB_N_TEAM_OPS:
    default:
      g_snprintf (buffer, 16, "%u", rec->subject);
      return buffer;
    }
}

typedef struct
{
  CrbTeam  *team;
  Reviewer *r;
} CompareData;

/* Records in seq order; records of one seq in an order that depends on
 * their contents only.  Returns 0 for copies of one record.
 */
static int
compare_recs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  CompareData *data = user_data;
  const Rec *x = a, *y = b;
  const Extra *ex = extra_of (data->r, x), *ey = extra_of (data->r, y);
  char bx[16], by[16];
  int c;

  if (x->seq != y->seq)
    return x->seq < y->seq ? -1 : 1;
  if (x->op != y->op)
    return x->op < y->op ? -1 : 1;
  if ((c = strcmp (subject_string (data->team, x, bx), subject_string (data->team, y, by))) != 0)
    return c;
  if ((x->op == CRB_TEAM_OP_LINK || x->op == CRB_TEAM_OP_UNLINK) &&
      (c = strcmp (g_array_index (data->team->pairs, Pair, x->subject).b,
                   g_array_index (data->team->pairs, Pair, y->subject).b)) != 0)
    return c;
  if (x->status != y->status)
    return x->status < y->status ? -1 : 1;
  if (x->reason != y->reason)
    return x->reason < y->reason ? -1 : 1;
  if (x->relation != y->relation)
    return x->relation < y->relation ? -1 : 1;
  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if ((c = g_strcmp0 (x->time, y->time)) != 0 ||
      (c = g_strcmp0 (ex->corrected, ey->corrected)) != 0 ||
      (c = g_strcmp0 (ex->note, ey->note)) != 0 ||
      (c = g_strcmp0 (ex->take, ey->take)) != 0 ||
      (c = g_strcmp0 (ex->resolves, ey->resolves)) != 0)
    return c;
  return 0;
}

/**
 * crb_team_add_records:
 * @reviewer: whose records they are
 * @records: (array length=n_records): records of the reviewer's files, in
 *   any order, copies of records known already included
 * @changed: (nullable) (element-type utf8): collects the ids of the claims
 *   whose decisions this changes (strings of the team)
 * @problems: (nullable) (element-type utf8): collects messages about
 *   records that cannot be applied
 *
 * Takes in a reviewer's records.  A reviewer's state is the replay of the
 * union of their records by seq, so it does not depend on the order files
 * were read in: copies of a record count once, and of two different
 * records with one seq (two machines writing as one reviewer) the first
 * in an order of their contents is kept, and the other reported.
 */
void
crb_team_add_records (CrbTeam             *self,
                      const char          *reviewer,
                      const CrbTeamRecord *records,
                      guint                n_records,
                      GHashTable          *changed,
                      GPtrArray           *problems)
{
  Reviewer *r;
  guint32 last;
  gboolean in_order = TRUE;
  guint from;

  g_return_if_fail (CRB_IS_TEAM (self));
  g_return_if_fail (reviewer != NULL);

  if (n_records == 0)
    return;

  r = ensure_reviewer (self, reviewer);
  last = r->recs->len > 0 ? g_array_index (r->recs, Rec, r->recs->len - 1).seq : 0;
  for (guint i = 0; in_order && i < n_records; i++)
    {
      in_order = records[i].seq > last;
      last = records[i].seq;
    }

  from = r->recs->len;
  for (guint i = 0; i < n_records; i++)
    {
      Rec rec = make_rec (self, r, &records[i]);

      g_array_append_val (r->recs, rec);
    }

  if (!in_order)
    {
      /* The union by seq, replayed from the start. */
      CompareData data = { self, r };
      guint kept = 0;

      g_array_sort_with_data (r->recs, compare_recs, &data);
      for (guint i = 0; i < r->recs->len; i++)
        {
          const Rec *rec = rec_at (r, i);

          if (kept > 0)
            {
              const Rec *previous = rec_at (r, kept - 1);

              if (compare_recs (previous, rec, &data) == 0)
                continue;
              if (previous->seq == rec->seq)
                {
                  if (problems != NULL)
                    g_ptr_array_add (problems,
                                     g_strdup_printf (_("reviewer %s: two different records numbered %u "
                                                        "(the reviewer wrote on two machines?); one is kept"),
                                                      r->name, rec->seq));
                  continue;
                }
            }
          g_array_index (r->recs, Rec, kept++) = *rec;
        }
      g_array_set_size (r->recs, kept);
      reset_state (self, r, changed);
      from = 0;
    }

  replay (self, r, from, changed, problems);
}

/**
 * crb_team_get_max_seq:
 *
 * Returns: the highest seq among @reviewer's records, 0 for none: the
 *   reviewer's next record is numbered one more
 */
guint32
crb_team_get_max_seq (CrbTeam    *self,
                      const char *reviewer)
{
  Reviewer *r;

  g_return_val_if_fail (CRB_IS_TEAM (self), 0);

  r = reviewer ? g_hash_table_lookup (self->reviewer_index, reviewer) : NULL;
  return r != NULL && r->recs->len > 0 ? g_array_index (r->recs, Rec, r->recs->len - 1).seq : 0;
}

static void
fill_record (CrbTeam       *self,
             const Reviewer *r,
             const Rec     *rec,
             CrbTeamRecord *out)
{
  const Extra *extra = extra_of (r, rec);

  memset (out, 0, sizeof *out);
  out->seq = rec->seq;
  out->op = rec->op;
  out->time = rec->time;
  out->status = rec->status;
  out->reason = rec->reason;
  out->relation = rec->relation;
  out->group = rec->group;
  out->corrected = extra->corrected;
  out->note = extra->note;
  out->take = extra->take;
  out->resolves = extra->resolves;
  switch ((CrbTeamOp) rec->op)
    {
    case CRB_TEAM_OP_DECIDE:
    case CRB_TEAM_OP_ADJUDICATE:
      out->claim = g_ptr_array_index (self->claim_ids, rec->subject);
      break;
    case CRB_TEAM_OP_LINK:
    case CRB_TEAM_OP_UNLINK:
      out->claim = g_array_index (self->pairs, Pair, rec->subject).a;
      out->other = g_array_index (self->pairs, Pair, rec->subject).b;
      break;
    case CRB_TEAM_OP_UNDO:
    case CRB_TEAM_OP_REDO:
    case CRB_N_TEAM_OPS:
    default:
      out->target = rec->subject;
      break;
    }
}

/**
 * crb_team_peek_step:
 * @redo: look at the redo stack rather than the undo stack
 * @depth: 0 for the newest step, 1 for the one before…
 * @step: (out caller-allocates): the step's record (strings of the team)
 *
 * Returns: %FALSE when @reviewer has no such step
 */
gboolean
crb_team_peek_step (CrbTeam       *self,
                    const char    *reviewer,
                    gboolean       redo,
                    guint          depth,
                    CrbTeamRecord *step)
{
  Reviewer *r;
  GArray *stack;

  g_return_val_if_fail (CRB_IS_TEAM (self), FALSE);

  r = reviewer ? g_hash_table_lookup (self->reviewer_index, reviewer) : NULL;
  if (r == NULL)
    return FALSE;
  stack = redo ? r->redo : r->undo;
  if (depth >= stack->len)
    return FALSE;
  fill_record (self, r, rec_at (r, g_array_index (stack, guint32, stack->len - 1 - depth)), step);
  return TRUE;
}

/* ------------------------------------------------------------ queries */

guint
crb_team_get_n_reviewers (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), 0);
  return self->reviewers->len;
}

/**
 * crb_team_get_reviewer:
 *
 * Returns: the name of reviewer @index; reviewers are in the order of
 *   their names
 */
const char *
crb_team_get_reviewer (CrbTeam *self,
                       guint    index)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);
  g_return_val_if_fail (index < self->reviewers->len, NULL);
  return ((Reviewer *) g_ptr_array_index (self->reviewers, index))->name;
}

int
crb_team_find_reviewer (CrbTeam    *self,
                        const char *reviewer)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), -1);

  for (guint i = 0; reviewer != NULL && i < self->reviewers->len; i++)
    if (strcmp (((Reviewer *) g_ptr_array_index (self->reviewers, i))->name, reviewer) == 0)
      return (int) i;
  return -1;
}

/**
 * crb_team_get_n_decided:
 *
 * Returns: how many claims @reviewer has decided (and not taken back)
 */
guint
crb_team_get_n_decided (CrbTeam    *self,
                        const char *reviewer)
{
  Reviewer *r;

  g_return_val_if_fail (CRB_IS_TEAM (self), 0);

  r = reviewer ? g_hash_table_lookup (self->reviewer_index, reviewer) : NULL;
  return r ? r->n_decided : 0;
}

/**
 * crb_team_get_n_claims:
 *
 * Returns: the number of claims the reviewers' records name (some may not
 *   be in the project, or not yet)
 */
guint
crb_team_get_n_claims (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), 0);
  return self->claim_ids->len;
}

const char *
crb_team_get_claim_id (CrbTeam *self,
                       guint    index)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);
  g_return_val_if_fail (index < self->claim_ids->len, NULL);
  return g_ptr_array_index (self->claim_ids, index);
}

/**
 * crb_team_get_label:
 * @reviewer: a reviewer's index
 * @claim: a claim's index
 *
 * Returns: the label of the reviewer's decision on the claim, −1 for none
 */
int
crb_team_get_label (CrbTeam *self,
                    guint    reviewer,
                    guint    claim)
{
  const Reviewer *r = g_ptr_array_index (self->reviewers, reviewer);

  return label_of (r, current_decision (r, claim));
}

/* ------------------------------------------------------------ links */

guint
crb_team_get_n_pairs (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), 0);
  return self->pairs->len;
}

/**
 * crb_team_get_pair:
 * @a: (out): a claim of the pair, as first named
 * @b: (out): the other
 */
void
crb_team_get_pair (CrbTeam     *self,
                   guint        index,
                   const char **a,
                   const char **b)
{
  g_return_if_fail (CRB_IS_TEAM (self));
  g_return_if_fail (index < self->pairs->len);

  *a = g_array_index (self->pairs, Pair, index).a;
  *b = g_array_index (self->pairs, Pair, index).b;
}

/**
 * crb_team_get_link_state:
 * @reviewer: a reviewer's index
 * @pair: a pair's index
 *
 * Returns: (nullable): how the reviewer left the pair by hand: "agrees",
 *   "conflicts", "related" or "unlinked"; %NULL when they did not touch it
 */
const char *
crb_team_get_link_state (CrbTeam *self,
                         guint    reviewer,
                         guint    pair)
{
  const Reviewer *r;
  gint32 index;

  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);
  g_return_val_if_fail (reviewer < self->reviewers->len, NULL);

  r = g_ptr_array_index (self->reviewers, reviewer);
  index = get_in (r->links, pair);
  if (index < 0)
    return NULL;
  if (rec_at (r, index)->op == CRB_TEAM_OP_UNLINK)
    return "unlinked";
  return crb_relation_to_string (rec_at (r, index)->relation);
}

/* ------------------------------------------------------------ assignments */

/**
 * crb_team_set_assignment:
 * @reviewers: (array zero-terminated=1) (nullable): who is to review the
 *   claim; %NULL for no one in particular
 */
void
crb_team_set_assignment (CrbTeam            *self,
                         const char         *claim_id,
                         const char * const *reviewers)
{
  g_return_if_fail (CRB_IS_TEAM (self));
  g_return_if_fail (claim_id != NULL);

  if (reviewers == NULL)
    g_hash_table_remove (self->assigned, claim_id);
  else
    g_hash_table_insert (self->assigned, g_strdup (claim_id), g_strdupv ((char **) reviewers));
}

void
crb_team_clear_assignments (CrbTeam *self)
{
  g_return_if_fail (CRB_IS_TEAM (self));
  g_hash_table_remove_all (self->assigned);
}

/**
 * crb_team_get_assigned:
 *
 * Returns: (array zero-terminated=1) (nullable): the reviewers the claim
 *   is assigned to, %NULL when it is assigned to no one in particular
 */
const char * const *
crb_team_get_assigned (CrbTeam    *self,
                       const char *claim_id)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), NULL);
  return g_hash_table_lookup (self->assigned, claim_id);
}

gboolean
crb_team_has_assignments (CrbTeam *self)
{
  g_return_val_if_fail (CRB_IS_TEAM (self), FALSE);
  return g_hash_table_size (self->assigned) > 0;
}
