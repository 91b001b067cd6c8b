/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "crb-align.h"
#include "crb-claim.h"
#include "crb-links.h"
#include "crb-story.h"

G_BEGIN_DECLS

/* Thresholds on the pair score (0–1). */
#define SAME_FACT_SCORE   0.45
#define RELATED_SCORE     0.30
#define CANDIDATE_COSINE  0.10
/* A same-fact pair that only one of its claims prefers is linked from
 * this score on: a claim of one article may state a fact another
 * article's claim states twice. */
#define ONE_SIDED_SCORE   0.70
/* Two facts of several claims each join only through this many links. */
#define MIN_JOIN_LINKS    2
/* Added for each unit whose figures agree: the same figure in other words. */
#define SAME_FIGURE_BONUS 0.20
/* A lower bound ("at least 130") stays compatible with figures up to this
 * many times it (or 10 more): "at least one killed" does not agree with 144. */
#define BOUND_SPAN        3.0
/* An explicit date this far from the story's own marks another event. */
#define FAR_DAYS          120
/* A negation bears on this many content words after it. */
#define NEGATION_SCOPE    2
/* Added when two claims tell who did it, or who claims it, of the same
 * actor ("Ukraine denied involvement", "Moscow blamed Ukraine"). */
#define FRAME_BONUS       0.35

/* A pair that does not relate. */
#define VERDICT_NONE (-1)

/* Big stories (docs/alignment.md, "Big stories").  In a story of more
 * than BIG_STORY_CLAIMS claims, the claims that repeat another word for
 * word are aligned through it.  If more than BIG_STORY_CLAIMS claims are
 * left, the story is big: */
#define BIG_STORY_CLAIMS     400
/* a word found in more than FULL_SCAN_DF of its claims is looked up among
 * the NEAR_CLAIMS claims of other articles after each claim that has it; */
#define FULL_SCAN_DF         32
#define NEAR_CLAIMS          8
/* each claim keeps its CANDIDATES_PER_CLAIM best candidates after it (in
 * story order), and counts as capped if more earlier claims keep it; */
#define CANDIDATES_PER_CLAIM 16
/* each claim stores its RELATED_PER_CLAIM strongest related links. */
#define RELATED_PER_CLAIM    8
/* In any story, a fact of more than FACT_SUMMARY_CLAIMS claims stores
 * one link joining each claim and the strongest conflict of each
 * contested claim, not every link found. */
#define FACT_SUMMARY_CLAIMS  24


/* Word classes the comparison looks at, as bits. */
typedef enum
{
  CRB_ALIGN_WORD_STOP     = 1 << 0,  /* carries no content */
  CRB_ALIGN_WORD_NEGATION = 1 << 1,  /* not, never, denied, rejected, ... */
  CRB_ALIGN_WORD_PAST     = 1 << 2,  /* previous, earlier, ago, anniversary ... */
  CRB_ALIGN_WORD_VENUE    = 1 << 3,  /* mosque, concert, stadium, ... */
  CRB_ALIGN_WORD_REPORT   = 1 << 4,  /* said, told, reported: counted as stop words */
  CRB_ALIGN_WORD_CLAUSE   = 1 << 5,  /* first word after a comma, colon, dash, ... */
  CRB_ALIGN_WORD_ACCUSE   = 1 << 6,  /* blamed, accused, linked: the one accused follows */
  CRB_ALIGN_WORD_FRAME    = 1 << 7,  /* involved, blamed, behind, responsibility, ... */
  CRB_ALIGN_WORD_RELATIVE = 1 << 8,  /* which, who, whose */
  CRB_ALIGN_WORD_GROUP    = 1 << 9,  /* group, militant(s): "the group" names the organisation before */
} CrbAlignWordClass;

/* One normalised word: @key is the synonym class or the light stem,
 * owned by the word cache.  @country is the country a country name or
 * demonym stands for ("ukrainian" → "ukraine"), @seat the country a
 * capital or seat of government may stand for ("kremlin" → "russia"):
 * normalised names, static, or %NULL. */
typedef struct
{
  char       *key;
  guint       cls;
  const char *country;
  const char *seat;
} CrbAlignWord;

GHashTable *_crb_align_word_cache_new (void);
void        _crb_align_words          (const char *text,
                                       GArray     *out,
                                       GHashTable *cache);
void        _crb_align_words_clear    (GArray     *words);
char       *_crb_align_normalize_name (const char *name);
const char *_crb_align_seat_country   (const char *name);
const char *_crb_align_unit_label     (const char *category);

/* ------------------------------------------------ what the files share */

/* Who did it: a claim that an actor was involved in the event (blamed,
 * accused, implicated, behind it) or denies it; or an actor's own claim
 * of responsibility, which is another fact. */
typedef enum
{
  FRAME_NONE,
  FRAME_INVOLVE,
  FRAME_CLAIM,
} Frame;

typedef enum
{
  BOUND_EXACT,
  BOUND_LOWER,
  BOUND_UPPER,
  BOUND_ABOUT,
} Bound;

typedef struct
{
  char       *category;  /* "killed", "money:USD", "=attacker", ... */
  const char *label;     /* as reasons name it: in @category, or static */
  guint       unit;      /* the word id of "#" + category: compared instead of it */
  double      value;
  const char *qualifier; /* interned */
  Bound       bound;     /* of the qualifier */
  gboolean    strict;    /* "more than", "less than" */
  gboolean    toll;      /* deaths, injured, arrests, missing */
  gboolean    casualty;  /* deaths, injured */
  double      bonus;     /* to the score when it is the first shared unit */
  char       *shown;     /* as reasons write it, made when first needed */
} Qty;

typedef struct
{
  int   year;   /* 0 unknown */
  int   month;  /* 0 unknown */
  int   day;    /* 0 unknown */
  gboolean leading;  /* opens the claim: "In 2015, ..." */
  gboolean explicit; /* written with a number, not "on Friday" */
  gboolean said;     /* when something was said: "officials said on Sunday" */
  char *value;
} Date;

/* A name a claim gives. */
typedef struct
{
  const char *name;       /* normalised (borrowed from the context's names, or static) */
  char       *shown;      /* as written */
  guint       id;         /* its "@name" word id */
  gboolean    single;     /* one word */
} Name;

typedef struct
{
  CrbClaim   *claim;
  const char *id;         /* in ctx->ids */
  guint       index;      /* in the story's claims */
  guint       pos;        /* in the items */
  guint       article;
  GArray     *tokens;     /* guint word ids, sorted, unique, while the item is
                           * made (borrowed); then in ctx->tok, and NULL */
  GArray     *qtys;       /* Qty */
  GArray     *dates;      /* Date */
  GArray     *names;      /* Name: its entities, then countries named in its words */
  guint       n_entities; /* names that are entities: the others only tell actors */
  GPtrArray  *places;     /* normalised place names (borrowed, as names) */
  GPtrArray  *venues;     /* venue word keys */
  gboolean    negative;
  GArray     *scope;      /* word ids a negation bears on */
  gboolean    past;
  gboolean    background;
  char       *background_why;
  gboolean    casualties; /* counts deaths or injured */
  Frame       frame;
  char       *actor;      /* of the frame, normalised */
  gboolean    frame_negative;
} Item;

/* What the comparison of two items looks at first, for each item in one
 * array (ctx->briefs, by position): a pair reads its two briefs, and the
 * items only for what the briefs do not tell.  Made once the items are. */
typedef struct
{
  guint        article;
  guint        entities;   /* its first entity in ctx->entity_ids */
  guint        n_entities;
  guint        n_qtys;
  Qty         *qtys;       /* the item's (its array's data) */
  guint8       n_dates;    /* at most 255: the counts are only compared with 0 */
  guint8       n_venues;
  guint8       background;
  guint8       frame;      /* Frame */
  guint8       casualties;
  guint8       negative;
  guint8       frame_negative;
} Brief;

/* An entity of a brief: its name's word id, and whether it is one word. */
typedef struct
{
  guint        id;
  guint        single;
} BriefName;

/* Packed in 24 bytes: the pairs are many, and passes over them read them
 * all. */
typedef struct
{
  guint        i, j;
  gint8        relation;  /* CrbRelation or VERDICT_NONE */
  guint        contradicts : 1; /* below the same-fact score, but figures or days conflict */
  guint        in_fact : 1;     /* both ends ended in one fact: compare as the same fact */
  guint        joined : 1;      /* a support that joined two groups of one fact */
  guint        cos_known : 1;   /* the search for candidates found the cosine of its
                                 * content words: ctx->pair_cos, by the pair's index */
  guint        link;        /* index + 1 of its automatic link, 0 if none */
  double       score;
} Pair;

G_STATIC_ASSERT (sizeof (Pair) == 24);

/* A link while the alignment runs.  Its CrbLink, with its reasons, is
 * made at the end, and only if it is stored: the reasons cost more than
 * finding the link. */
typedef struct
{
  guint        a, b;      /* positions of the ends, a before b in story order */
  int          relation;  /* CrbRelation */
  double       score;
  guint        pair;      /* index + 1 of the pair it is made from, 0 if none */
  CrbLink     *given;     /* a manual link, or one made with its reasons; owned */
  const char  *also;      /* a reason after the pair's (static), or NULL */
  gboolean     manual;
  gboolean     demoted;   /* a join the groups refused: related only */
  gboolean     tree;      /* it joined two groups of one fact */
  gboolean     stored;    /* made into a CrbLink of the alignment */
} Link;

typedef struct
{
  CrbStory   *story;
  GPtrArray  *items;       /* Item * */
  GHashTable *item_of_id;  /* claim id → Item * */
  GStringChunk *ids;       /* the items' claim ids */
  GHashTable *word_ids;    /* key → id + 1 */
  GHashTable *key_ids;     /* a key the word cache owns, by address → id + 1 */
  GPtrArray  *words;       /* id → key (borrowed from word_ids) */
  GArray     *df;          /* id → guint */
  GArray     *idf;         /* id → double */
  guint       n_articles;
  GPtrArray  *article_ids;
  GPtrArray  *outlets;     /* per article: outlet or article id */
  GArray     *article_day; /* per article: julian day or 0 */
  GPtrArray  *article_date;
  GHashTable *story_places;
  int         anchor_year, anchor_month, anchor_day;
  GHashTable *removed;     /* "a\nb" keys */
  GHashTable *manual;      /* "a\nb" keys */
  guint8     *is_key;      /* id → IS_KEY (word) */
  GHashTable *word_cache;  /* lower-cased word → CrbAlignWord */
  GHashTable *name_of;     /* entity text → normalised name */
  GPtrArray  *article_org; /* per article: the organisation named last, so far */
  GArray     *pairs;       /* Pair: the candidates, once found */
  double     *pair_cos;    /* by pair: the cosine the search found, if cos_known */
  GArray     *links;       /* Link */
  GPtrArray  *why;         /* the reasons of the link being made, until it takes them */
  GPtrArray  *listed;      /* scratch: what a reason lists */
  gboolean    big;         /* more than BIG_STORY_CLAIMS claims, twins aside */
  GHashTable *decided_ids; /* claims of manual or removed links */
  guint      *twin;        /* per item: the item it repeats word for word, or itself */
  guint       n_twins;     /* items that repeat another */
  guint       n_capped;    /* items a limit kept from some candidates */
  guint      *summarized;  /* per root: links inside its fact not stored */
  Brief      *briefs;      /* per item */
  BriefName  *entity_ids;  /* the items' entities, those of each in a run */
  /* the items' words in one array: those of the item at k are
   * tok[tok_start[k]] to tok[tok_start[k + 1] - 1] */
  guint      *tok;
  guint      *tok_start;
  GArray     *scratch_tokens; /* the words of the item being made */
  double     *norms;       /* per item: the norm of its content words' weights */
  guint       n_related_dropped; /* related links not stored */
} Ctx;

/* crb-align-items.c */
void        _crb_align_load_story             (Ctx          *ctx,
                                               CrbStory     *story);
gboolean    _crb_align_str_in                 (GPtrArray    *array,
                                               const char   *s);
char       *_crb_align_title_case             (const char   *name);

/* crb-align-twins.c */
void        _crb_align_find_twins             (Ctx          *ctx);

/* crb-align-candidates.c */
GArray     *_crb_align_find_candidates        (Ctx          *ctx);

/* crb-align-compare.c */
void        _crb_align_compare_pair           (Ctx          *ctx,
                                               Pair         *pair,
                                               GPtrArray    *why);

/* crb-align.c: links */
char       *_crb_align_pair_key               (const char   *a,
                                               const char   *b);
void        _crb_align_push_link              (Ctx          *ctx,
                                               CrbLink      *given,
                                               guint         a,
                                               guint         b);
void        _crb_align_add_link               (Ctx          *ctx,
                                               guint         p,
                                               const char   *also);

/* crb-align-facts.c */
void        _crb_align_join_facts             (Ctx          *ctx,
                                               GArray       *supports,
                                               guint        *parent,
                                               GArray       *accepted);
void        _crb_align_flag_loose_conflicts   (Ctx          *ctx,
                                               guint        *parent);
void        _crb_align_flag_inherited_denials (Ctx          *ctx,
                                               guint        *parent);
void        _crb_align_build_facts            (Ctx          *ctx,
                                               guint        *parent,
                                               CrbAlignment *alignment);

/* The root of @k's group in the union-find forest @parent, halving the
 * path on the way. */
static inline guint
_crb_align_find_root (guint *parent,
                      guint  k)
{
  while (parent[k] != k)
    {
      parent[k] = parent[parent[k]];
      k = parent[k];
    }
  return k;
}

static inline Link *
_crb_align_link (Ctx   *ctx,
                 guint  l)
{
  return &g_array_index (ctx->links, Link, l);
}

static inline Pair *
_crb_align_pair (Ctx   *ctx,
                 guint  p)
{
  return &g_array_index (ctx->pairs, Pair, p);
}

G_END_DECLS
