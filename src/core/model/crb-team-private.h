/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of CrbTeam share: its instance struct and a reviewer's
 * state (crb-team.c replays it, crb-team-gold.c reads it). */
#pragma once

#include <string.h>

#include "crb-team.h"

G_BEGIN_DECLS

/* One record, as a reviewer's state needs it. */
typedef struct
{
  guint32     seq;
  guint32     group;
  guint32     subject;   /* claim or pair index; undo, redo: the seq of the target */
  gint32      prev;      /* the subject's state before: a record index, −1 for none */
  guint8      op;
  guint8      status;
  guint8      reason;
  guint8      relation;
  guint32     extra;     /* 1 + its index in the reviewer's extras; 0: none */
  const char *time;      /* in the team's strings */
} Rec;

/* What few records carry. */
typedef struct
{
  const char *corrected;
  const char *note;
  const char *take;
  const char *resolves;
} Extra;

typedef struct
{
  char       *name;
  GArray     *recs;         /* Rec, by seq */
  GArray     *extras;       /* Extra */
  GArray     *decision;     /* gint32 per claim index: its record, −1 for none */
  GHashTable *adjudicated;  /* claim index → record index + 1 */
  GHashTable *links;        /* pair index → record index + 1 */
  GArray     *undo;         /* guint32 record indexes of steps, oldest first */
  GArray     *redo;
  guint       n_decided;    /* claims whose current decision is not pending */
} Reviewer;

typedef struct
{
  const char *a;
  const char *b;
} Pair;

struct _CrbTeam
{
  GObject       parent_instance;

  GStringChunk *strings;        /* claim ids, pairs, times and texts */
  GHashTable   *claim_index;    /* claim id → index + 1 */
  GPtrArray    *claim_ids;      /* borrowed from strings */
  GHashTable   *pair_index;     /* "A\nB", A < B → index + 1 */
  GArray       *pairs;          /* Pair */
  GPtrArray    *reviewers;      /* Reviewer, by name */
  GHashTable   *reviewer_index; /* name → Reviewer */
  GHashTable   *assigned;       /* claim id → GStrv of reviewers */

  char         *owner;
  gboolean      blind;
  gboolean      revealed;
  char         *viewer;
  CrbTeamView   view;
};

static inline const Rec *
rec_at (const Reviewer *r,
        gint32          index)
{
  return &g_array_index (r->recs, Rec, index);
}

static inline const Extra *
extra_of (const Reviewer *r,
          const Rec      *rec)
{
  static const Extra none = { NULL, NULL, NULL, NULL };

  return rec->extra ? &g_array_index (r->extras, Extra, rec->extra - 1) : &none;
}

static inline gint32
current_decision (const Reviewer *r,
                  guint32         claim)
{
  return claim < r->decision->len ? g_array_index (r->decision, gint32, claim) : -1;
}

static inline gboolean
decided (const Reviewer *r,
         gint32          index)
{
  return index >= 0 && rec_at (r, index)->status != CRB_DECISION_STATUS_PENDING;
}

static inline int
label_of (const Reviewer *r,
          gint32          index)
{
  const Rec *rec;

  if (index < 0)
    return -1;
  rec = rec_at (r, index);
  return crb_team_label (rec->status, rec->reason);
}

static inline gint32
get_in (GHashTable *table,
        guint32     key)
{
  return GPOINTER_TO_INT (g_hash_table_lookup (table, GUINT_TO_POINTER (key))) - 1;
}

static inline int
_crb_team_lookup_claim (CrbTeam    *self,
              const char *id)
{
  gpointer found = id ? g_hash_table_lookup (self->claim_index, id) : NULL;

  return found ? (int) GPOINTER_TO_UINT (found) - 1 : -1;
}

G_END_DECLS
