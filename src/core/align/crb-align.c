/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align.c: links claims of different articles of one story that state
 * the same fact, says whether they agree or conflict, and groups them into
 * facts.  Lexical and value-based, no model: see docs/alignment.md.
 *
 * 1. Each claim becomes an item: content words (synonym keys and light
 *    stems), entity names, quantities by unit, dates, venues, polarity,
 *    and whether it is about another event than the story's.
 * 2. Candidates come from an inverted index over the words, weighted by
 *    their inverse frequency in the story, so the cost grows with the
 *    size of the story and the overlap of its claims, not with the square
 *    of the corpus.
 * 3. Each candidate pair is scored and compared: quantities of one unit by
 *    their intervals (qualifiers widen them), day dates, venues, negation.
 *    Two claims on who did it, of the same actor ("Ukraine denied
 *    involvement", "Moscow blamed Ukraine"), are the same fact.
 * 4. A claim keeps, per other article, its best partner; a pair is linked
 *    when each is the other's best.  Facts are the connected groups of
 *    agreeing and conflicting links (and of manual links); a claim that
 *    matches two claims of a fact joins it too. */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align.h"
#include "crb-json-reader.h"
#include "crb-align-private.h"
#include "crb-article.h"
#include "crb-claim.h"
#include "crb-story.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

#define VERDICT_NONE (-1)

/* Reasons are only written for pairs that become links. */
#define SAY(array, ...)                                                 \
  G_STMT_START {                                                        \
    if ((array) != NULL)                                                \
      g_ptr_array_add ((array), g_strdup_printf (__VA_ARGS__));         \
  } G_STMT_END
/* The same, unless the reason is there already. */
#define SAY_ONCE(array, ...)                                            \
  G_STMT_START {                                                        \
    if ((array) != NULL)                                                \
      add_once ((array), g_strdup_printf (__VA_ARGS__));                \
  } G_STMT_END

/* Word keys that start with these are names and quantity units: they find
 * candidates and score separately, not in the cosine of content words. */
#define IS_KEY(word) ((word)[0] == '@' || (word)[0] == '#' || (word)[0] == '%')

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
  const char *id;
  guint       index;      /* in the story's claims */
  guint       pos;        /* in the items */
  guint       article;
  GArray     *tokens;     /* guint word ids, sorted, unique */
  double      norm;
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

typedef struct
{
  guint        i, j;
  int          relation;  /* CrbRelation or VERDICT_NONE */
  double       score;
  gboolean     contradicts; /* below the same-fact score, but figures or days conflict */
  gboolean     in_fact;     /* both ends ended in one fact: compare as the same fact */
  guint        link;        /* index + 1 of its automatic link, 0 if none */
} Pair;

typedef struct
{
  CrbStory   *story;
  GPtrArray  *items;       /* Item * */
  GHashTable *item_of_id;  /* claim id → Item * */
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
  GArray     *ends;        /* per link, until sort_links (): the positions of its
                            * ends, a then b (guint[2]) */
  GPtrArray  *why;         /* the reasons of the link being made, until it takes them */
  GPtrArray  *listed;      /* scratch: what a reason lists */
} Ctx;

/* ---------------------------------------------------------------- items */

static void
qty_clear (gpointer data)
{
  g_free (((Qty *) data)->category);
  g_free (((Qty *) data)->shown);
}

static void
name_clear (gpointer data)
{
  g_free (((Name *) data)->shown);
}

static void
date_clear (gpointer data)
{
  g_free (((Date *) data)->value);
}

static void
item_free (gpointer data)
{
  Item *item = data;

  g_array_unref (item->tokens);
  g_array_unref (item->scope);
  g_array_unref (item->qtys);
  g_array_unref (item->dates);
  g_array_unref (item->names);
  g_ptr_array_unref (item->places);
  g_ptr_array_unref (item->venues);
  g_free (item->background_why);
  g_free (item->actor);
  g_free (item);
}

static guint
intern_word (Ctx        *ctx,
             const char *key)
{
  gpointer value;
  char *copy;
  guint id;

  if (g_hash_table_lookup_extended (ctx->word_ids, key, NULL, &value))
    return GPOINTER_TO_UINT (value) - 1;

  id = ctx->words->len;
  copy = g_strdup (key);
  g_hash_table_insert (ctx->word_ids, copy, GUINT_TO_POINTER (id + 1));
  g_ptr_array_add (ctx->words, copy);
  return id;
}

/* intern_word () of @prefix and @s: "@" and a name, "#" and a unit. */
static guint
intern_prefixed (Ctx        *ctx,
                 char        prefix,
                 const char *s)
{
  gsize len = strlen (s);
  char buf[128];
  g_autofree char *heap = len + 2 > sizeof buf ? g_malloc (len + 2) : NULL;
  char *key = heap != NULL ? heap : buf;

  key[0] = prefix;
  memcpy (key + 1, s, len + 1);
  return intern_word (ctx, key);
}

/* intern_word () of the key of a word of the cache: found by its
 * address, without hashing the string (the cache keeps its keys for the
 * whole alignment; two words may share a key, at two addresses). */
static guint
intern_key (Ctx                *ctx,
            const CrbAlignWord *w)
{
  guint id = GPOINTER_TO_UINT (g_hash_table_lookup (ctx->key_ids, w->key));

  if (id == 0)
    {
      id = intern_word (ctx, w->key) + 1;
      g_hash_table_insert (ctx->key_ids, w->key, GUINT_TO_POINTER (id));
    }
  return id - 1;
}

/* _crb_align_normalize_name (), once per text in a story. */
static const char *
normalize_name (Ctx        *ctx,
                const char *text)
{
  char *name = g_hash_table_lookup (ctx->name_of, text);

  if (name == NULL)
    {
      name = _crb_align_normalize_name (text);
      g_hash_table_insert (ctx->name_of, g_strdup (text), name);
    }
  return name;
}

static int
compare_uint (gconstpointer a,
              gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

static void
sort_unique (GArray *ids)
{
  guint *v = (guint *) ids->data;
  guint n = 0;

  /* a claim has a few dozen words: insertion sort beats qsort */
  if (ids->len <= 64)
    for (guint k = 1; k < ids->len; k++)
      {
        guint t = v[k], m = k;

        for (; m > 0 && v[m - 1] > t; m--)
          v[m] = v[m - 1];
        v[m] = t;
      }
  else
    g_array_sort (ids, compare_uint);
  for (guint k = 0; k < ids->len; k++)
    if (n == 0 || g_array_index (ids, guint, k) != g_array_index (ids, guint, n - 1))
      g_array_index (ids, guint, n++) = g_array_index (ids, guint, k);
  g_array_set_size (ids, n);
}

static gboolean
has_name (Item       *item,
          const char *name)
{
  for (guint k = 0; k < item->names->len; k++)
    if (strcmp (g_array_index (item->names, Name, k).name, name) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
str_in (GPtrArray  *array,
        const char *s)
{
  for (guint k = 0; k < array->len; k++)
    if (strcmp (g_ptr_array_index (array, k), s) == 0)
      return TRUE;
  return FALSE;
}

/* Adds @s (taken) to @array unless it holds it already. */
static void
add_once (GPtrArray *array,
          char      *s)
{
  if (str_in (array, s))
    g_free (s);
  else
    g_ptr_array_add (array, s);
}

/* Units that say nothing about which fact a number counts. */
static gboolean
is_generic_unit (const char *unit)
{
  static const char * const generic[] = {
    "people", "persons", "person", "folks", "others", "men", "women", "times", "direct",
    "nameless", "individuals", "residents",
  };

  for (guint k = 0; k < G_N_ELEMENTS (generic); k++)
    if (strcmp (unit, generic[k]) == 0)
      return TRUE;
  return FALSE;
}

/* How reasons name a unit: "deaths", "amount", "attacker". */
static const char *
unit_label (const char *category)
{
  if (category[0] == '=')
    return category + 1;
  if (g_str_has_prefix (category, "money:"))
    return "amount";
  if (g_str_has_prefix (category, "percent:"))
    return "percentage";
  return _crb_align_unit_label (category);
}

static char *
quantity_category (const CrbJsonDoc   *doc,
                   const CrbJsonValue *q,
                   GArray             *scratch,
                   GHashTable         *cache)
{
  const char *unit = crb_json_get_string (doc, q, "unit", NULL);
  char *category = NULL;

  if (unit == NULL || *unit == '\0' || is_generic_unit (unit))
    return NULL;
  if (strcmp (unit, "money") == 0)
    return g_strdup_printf ("money:%s",
                            crb_json_get_string (doc, q, "currency", "?"));
  if (strcmp (unit, "killed") == 0 || strcmp (unit, "injured") == 0 ||
      strcmp (unit, "detained") == 0 || strcmp (unit, "missing") == 0)
    return g_strdup (unit);
  if (strcmp (unit, "percent") == 0)
    {
      /* a share of what: "52 percent of the vote" is not the turnout */
      const char *noun = crb_json_get_string (doc, q, "noun", NULL);

      if (noun != NULL && *noun != '\0')
        {
          _crb_align_words (noun, scratch, cache);
          if (scratch->len == 1)
            category = g_strconcat ("percent:", g_array_index (scratch, CrbAlignWord, 0).key, NULL);
          _crb_align_words_clear (scratch);
        }
      return category != NULL ? category : g_strdup (unit);
    }

  /* a noun: normalised like words, so "gunmen" and "attackers" meet */
  _crb_align_words (unit, scratch, cache);
  if (scratch->len == 1)
    {
      CrbAlignWord *w = &g_array_index (scratch, CrbAlignWord, 0);

      if (strcmp (w->key, "=detain") == 0)
        category = g_strdup ("detained");
      else if (strcmp (w->key, "=kill") == 0)
        category = g_strdup ("killed");
      else if (strcmp (w->key, "=injure") == 0)
        category = g_strdup ("injured");
      else if (!(w->cls & CRB_ALIGN_WORD_NEGATION))
        category = g_strdup (w->key);
    }
  _crb_align_words_clear (scratch);
  return category;
}

static gboolean
parse_date (const char *value,
            Date       *date)
{
  int y = 0, m = 0, d = 0;

  memset (date, 0, sizeof *date);
  if (value == NULL)
    return FALSE;
  if (g_str_has_prefix (value, "--"))
    {
      if (sscanf (value, "--%2d-%2d", &m, &d) < 1)
        return FALSE;
    }
  else if (sscanf (value, "%4d-%2d-%2d", &y, &m, &d) < 1)
    return FALSE;
  if (m < 0 || m > 12 || d < 0 || d > 31)
    return FALSE;
  date->year = y;
  date->month = m;
  date->day = d;
  date->value = g_strdup (value);
  return TRUE;
}

static gboolean
is_toll (const char *category)
{
  return strcmp (category, "killed") == 0 || strcmp (category, "injured") == 0 ||
         strcmp (category, "detained") == 0 || strcmp (category, "missing") == 0;
}

static Bound
bound_of (const char *s,
          gboolean   *strict)
{
  *strict = FALSE;
  if (strcmp (s, "at-least") == 0)
    return BOUND_LOWER;
  if (strcmp (s, "more-than") == 0)
    {
      *strict = TRUE;
      return BOUND_LOWER;
    }
  if (strcmp (s, "at-most") == 0)
    return BOUND_UPPER;
  if (strcmp (s, "less-than") == 0)
    {
      *strict = TRUE;
      return BOUND_UPPER;
    }
  if (strcmp (s, "about") == 0)
    return BOUND_ABOUT;
  return BOUND_EXACT;
}

static gboolean
has_casualties (Item *item)
{
  for (guint k = 0; k < item->qtys->len; k++)
    if (g_array_index (item->qtys, Qty, k).casualty)
      return TRUE;
  return FALSE;
}

/* "united states" → "United States" */
static char *
title_case (const char *name)
{
  char *s = g_strdup (name);

  for (char *p = s; *p; p++)
    if (p == s || p[-1] == ' ')
      *p = g_ascii_toupper (*p);
  return s;
}

static gboolean
is_claim_verb (const char *key)
{
  static const char * const verbs[] = {
    "claimed", "claim", "claims", "claiming", "took", "take", "taken", "accept", "admitted",
  };

  for (guint k = 0; k < G_N_ELEMENTS (verbs); k++)
    if (strcmp (key, verbs[k]) == 0)
      return TRUE;
  return FALSE;
}

/* Scratch for make_item (): the names of a claim that may be actors. */
typedef struct
{
  GPtrArray *keys;  /* word keys of the names that may be actors, borrowed */
  GArray    *name;  /* for each key, its name's index */
  GPtrArray *of;    /* per name: the actor (a capital gives its country),
                     * or NULL for a person */
  GArray    *org;   /* per name: gboolean, an organisation */
  const char *group; /* "the group" of the claim: the organisation its
                      * article named last before it, or NULL */
} Actors;

/* The actor word @w names: a name of the claim, a country or its
 * people, a capital; or NULL. */
static const char *
actor_at (const Actors       *actors,
          const CrbAlignWord *w)
{
  for (guint a = 0; a < actors->keys->len; a++)
    if (strcmp (g_ptr_array_index (actors->keys, a), w->key) == 0)
      return g_ptr_array_index (actors->of, g_array_index (actors->name, guint, a));
  return w->country != NULL ? w->country : w->seat;
}

/* Whether @date_text follows a verb of saying in @text ("the emergency
 * service said on Sunday", "told reporters on Friday"): then it dates the
 * statement, not the event, and two reports said on different days do
 * not conflict. */
static gboolean
said_on (const char *text,
         const char *date_text)
{
  static const char * const verbs[] = {
    "said", "says", "told", "reporters", "journalists", "announced", "stated", "added",
    "reported", "confirmed", "wrote", "tweeted", "posted", "statement", "briefing",
  };
  const char *at = *date_text != '\0' ? strstr (text, date_text) : NULL;
  const char *end;

  if (at == NULL)
    return FALSE;
  /* the word before, and one more if the first is "reporters" and the like */
  end = at;
  for (guint n = 0; n < 2; n++)
    {
      const char *start;
      gsize len;
      gboolean listed = FALSE;

      while (end > text && !g_ascii_isalpha (end[-1]))
        {
          if (strchr (",;:.!?", end[-1]) != NULL)
            return FALSE;
          end--;
        }
      start = end;
      while (start > text && g_ascii_isalpha (start[-1]))
        start--;
      len = end - start;
      if (len == 0)
        return FALSE;
      for (guint v = 0; v < G_N_ELEMENTS (verbs) && !listed; v++)
        listed = strlen (verbs[v]) == len && g_ascii_strncasecmp (start, verbs[v], len) == 0;
      if (listed)
        return TRUE;
      /* "said in a statement on Tuesday" */
      if (!(len <= 2 || g_ascii_strncasecmp (start, "the", len) == 0))
        return FALSE;
      end = start;
    }
  return FALSE;
}

/* Whether a name the extraction typed neither as a person nor as an
 * organisation is that of a group: "Islamic State Khorasan", "Khorasan
 * Province", "Red Army Faction". */
static gboolean
is_group_name (const char *name)
{
  static const char * const words[] = {
    "state", "province", "group", "front", "army", "brigade", "brigades", "movement",
    "network", "organisation", "organization", "party", "faction", "militia", "cartel",
  };
  const char *p = name;

  if (strchr (name, ' ') == NULL)
    return FALSE;
  while (*p != '\0')
    {
      gsize len = strcspn (p, " ");

      for (guint w = 0; w < G_N_ELEMENTS (words); w++)
        if (strlen (words[w]) == len && strncmp (p, words[w], len) == 0)
          return TRUE;
      p += len;
      p += *p == ' ';
    }
  return FALSE;
}

/* The frame of a claim: its first word of involvement or responsibility,
 * and the actor it bears on, named in the same clause.  The accused
 * follows "blamed" and "accused"; who is "behind" comes before; for the
 * rest the agent of a passive ("coordinated by IS-K"), else the nearest
 * name ("denied any Ukrainian involvement").  A relative clause (", which
 * has carried out 20 attacks,") only describes.  One
 * frame per claim: in "IS claimed responsibility, but Moscow blamed
 * Ukraine" the main clause tells the fact. */
static void
find_frame (Item         *item,
            GArray       *cwords,
            const Actors *actors)
{
  g_autofree guint *clause_of = NULL;
  guint clause = 0, t = 0, negations = 0;
  Frame frame = FRAME_NONE;
  gboolean accuse = FALSE, before_only = FALSE, relative = FALSE;
  const char *actor = NULL;

  for (guint p = 0; p < cwords->len && frame == FRAME_NONE; p++)
    {
      CrbAlignWord *w = &g_array_index (cwords, CrbAlignWord, p);

      /* ", which has carried out 20 attacks," describes; it is not the fact */
      if (p == 0 || (w->cls & CRB_ALIGN_WORD_CLAUSE))
        relative = (w->cls & CRB_ALIGN_WORD_RELATIVE) != 0;
      if (!(w->cls & CRB_ALIGN_WORD_FRAME) || relative)
        continue;
      if (strcmp (w->key, "=responsibility") == 0)
        {
          frame = FRAME_INVOLVE;
          for (guint q = p >= 3 ? p - 3 : 0; q < p; q++)
            if (is_claim_verb (g_array_index (cwords, CrbAlignWord, q).key))
              frame = FRAME_CLAIM;
        }
      /* "carried out" */
      else if (strcmp (w->key, "carri") != 0 ||
               (p + 1 < cwords->len && strcmp (g_array_index (cwords, CrbAlignWord, p + 1).key, "out") == 0))
        frame = FRAME_INVOLVE;
      if (frame != FRAME_NONE)
        {
          t = p;
          accuse = (w->cls & CRB_ALIGN_WORD_ACCUSE) != 0;
          before_only = strcmp (w->key, "behind") == 0;
        }
    }
  if (frame == FRAME_NONE)
    return;

  clause_of = g_new (guint, cwords->len);
  for (guint p = 0; p < cwords->len; p++)
    {
      if ((g_array_index (cwords, CrbAlignWord, p).cls & CRB_ALIGN_WORD_CLAUSE) && p > 0)
        clause++;
      clause_of[p] = clause;
    }

  /* the accused: the first name after the verb */
#define ACTOR(p) actor_at (actors, &g_array_index (cwords, CrbAlignWord, (p)))
  for (guint p = t + 1; accuse && p < cwords->len && clause_of[p] == clause_of[t] && actor == NULL; p++)
    actor = ACTOR (p);
  /* who did it, in the passive: "coordinated via the internet by IS" */
  for (guint p = t + 1; !accuse && p < cwords->len && clause_of[p] == clause_of[t] && actor == NULL; p++)
    if (strcmp (g_array_index (cwords, CrbAlignWord, p).key, "by") == 0)
      for (guint q = p + 1; q < cwords->len && clause_of[q] == clause_of[t] && actor == NULL; q++)
        actor = ACTOR (q);
  /* else the nearest name of the clause, before it on a tie */
  for (guint d = 1; actor == NULL && d <= MAX (t, cwords->len); d++)
    {
      if (d <= t && clause_of[t - d] == clause_of[t])
        actor = ACTOR (t - d);
      if (actor == NULL && !before_only && t + d < cwords->len && clause_of[t + d] == clause_of[t])
        actor = ACTOR (t + d);
      if ((d > t || clause_of[t - d] != clause_of[t]) &&
          (t + d >= cwords->len || clause_of[t + d] != clause_of[t]))
        break;
    }
  /* who claims it: else the first organisation of the claim (groups
   * claim attacks), else its first name, its subject */
  for (guint k = 0; frame == FRAME_CLAIM && actor == NULL && k < actors->of->len; k++)
    if (g_array_index (actors->org, gboolean, k))
      actor = g_ptr_array_index (actors->of, k);
  for (guint p = 0; frame == FRAME_CLAIM && actor == NULL && p < cwords->len; p++)
    actor = ACTOR (p);
  /* "The group has claimed responsibility": the one named before */
  if (actor == NULL)
    actor = actors->group;
#undef ACTOR
  if (actor == NULL)
    return;

  /* what the frame asserts: the negations up to the end of its clause */
  for (guint p = 0; p < cwords->len && clause_of[p] <= clause_of[t]; p++)
    negations += (g_array_index (cwords, CrbAlignWord, p).cls & CRB_ALIGN_WORD_NEGATION) != 0;
  item->frame = frame;
  item->actor = g_strdup (actor);
  item->frame_negative = negations % 2 == 1;
}

/* Adds @name, shown as @shown (taken), to @item, and its word to the
 * item's tokens. */
static void
add_name (Ctx        *ctx,
          Item       *item,
          const char *name,
          char       *shown)
{
  Name n = { name, shown, intern_prefixed (ctx, '@', name), strchr (name, ' ') == NULL };

  g_array_append_val (item->tokens, n.id);
  g_array_append_val (item->names, n);
}

static Item *
make_item (Ctx      *ctx,
           CrbClaim *claim,
           guint     index,
           guint     article,
           GArray   *words,
           GArray   *cwords,
           Actors   *actors)
{
  const char *article_date = g_ptr_array_index (ctx->article_date, article);
  Item *item = g_new0 (Item, 1);
  /* The values' text through the project's reader: json-glib's tree cost
   * more than the rest of the item.
   */
  const char *values = crb_claim_get_values_json (claim);
  g_autoptr (CrbJsonDoc) doc = values ? crb_json_doc_parse (values, strlen (values), NULL) : NULL;
  const CrbJsonValue *v = doc && crb_json_type (crb_json_doc_root (doc)) == CRB_JSON_OBJECT
                          ? crb_json_doc_root (doc) : NULL;
  g_autoptr (GPtrArray) name_words = g_ptr_array_new ();  /* keys borrowed from the cache */
  GPtrArray *actor_of = actors->of;
  GPtrArray *actor_keys = actors->keys;
  GArray *actor_name = actors->name;
  guint negations = 0, in_scope = 0;

  g_ptr_array_set_size (actor_of, 0);
  g_ptr_array_set_size (actor_keys, 0);
  g_array_set_size (actor_name, 0);
  g_array_set_size (actors->org, 0);
  item->claim = claim;
  item->scope = g_array_new (FALSE, FALSE, sizeof (guint));
  item->id = crb_claim_get_id (claim);
  item->index = index;
  item->article = article;
  /* a claim has a few dozen words */
  item->tokens = g_array_sized_new (FALSE, FALSE, sizeof (guint), 32);
  item->qtys = g_array_new (FALSE, FALSE, sizeof (Qty));
  g_array_set_clear_func (item->qtys, qty_clear);
  item->dates = g_array_new (FALSE, FALSE, sizeof (Date));
  g_array_set_clear_func (item->dates, date_clear);
  item->names = g_array_new (FALSE, FALSE, sizeof (Name));
  g_array_set_clear_func (item->names, name_clear);
  item->places = g_ptr_array_new ();
  item->venues = g_ptr_array_new_with_free_func (g_free);

  if (v != NULL)
    {
      const CrbJsonValue *a;

      a = crb_json_member_get (doc, v, "entities");
      for (const CrbJsonValue *e = crb_json_type (a) == CRB_JSON_ARRAY ? crb_json_first (doc, a) : NULL;
           e != NULL; e = crb_json_next (doc, e))
        {
          const char *text = crb_json_get_string (doc, e, "text", NULL);
          const char *type = crb_json_get_string (doc, e, "type", "");
          const char *name;
          gboolean org;

          if (text == NULL || g_utf8_strlen (text, -1) < 2)
            continue;
          name = normalize_name (ctx, text);
          if (has_name (item, name))
            continue;
          add_name (ctx, item, name, g_strdup (text));
          if (strcmp (type, "place") == 0)
            g_ptr_array_add (item->places, (gpointer) name);
          g_ptr_array_add (actor_of, NULL);
          org = strcmp (type, "organization") == 0;
          g_array_append_val (actors->org, org);
          if (strcmp (type, "person") != 0)
            {
              const char *seat = _crb_align_seat_country (name);

              actor_of->pdata[actor_of->len - 1] = (gpointer) (seat != NULL ? seat : name);
            }
        }

      a = crb_json_member_get (doc, v, "quantities");
      for (const CrbJsonValue *q = crb_json_type (a) == CRB_JSON_ARRAY ? crb_json_first (doc, a) : NULL;
           q != NULL; q = crb_json_next (doc, q))
        {
          const CrbJsonValue *value = crb_json_member_get (doc, q, "value");
          Qty qty = { 0 };
          guint id;

          if (!crb_json_is_number (value))
            continue;
          qty.category = quantity_category (doc, q, words, ctx->word_cache);
          if (qty.category == NULL)
            continue;
          qty.label = unit_label (qty.category);
          qty.value = crb_json_double (value);
          qty.qualifier = g_intern_string (crb_json_get_string (doc, q, "qualifier", "exact"));
          qty.bound = bound_of (qty.qualifier, &qty.strict);
          qty.toll = is_toll (qty.category);
          qty.casualty = strcmp (qty.category, "killed") == 0 || strcmp (qty.category, "injured") == 0;
          /* a percentage or an amount says less about what is counted */
          qty.bonus = qty.casualty ? 0.4 :
                      g_str_has_prefix (qty.category, "percent") || g_str_has_prefix (qty.category, "money:") ? 0.15 : 0.25;
          id = intern_prefixed (ctx, '#', qty.category);
          qty.unit = id;
          g_array_append_val (item->tokens, id);
          g_array_append_val (item->qtys, qty);
        }

      a = crb_json_member_get (doc, v, "dates");
      for (const CrbJsonValue *d = crb_json_type (a) == CRB_JSON_ARRAY ? crb_json_first (doc, a) : NULL;
           d != NULL; d = crb_json_next (doc, d))
        {
          Date date;

          if (parse_date (crb_json_get_string (doc, d, "value", NULL), &date))
            {
              const char *text = crb_json_get_string (doc, d, "text", "");
              const char *claim_text = crb_claim_get_text (claim);

              date.leading = *text != '\0' && strncmp (claim_text, text, strlen (text)) == 0;
              date.explicit = strpbrk (text, "0123456789") != NULL ||
                              (date.value != NULL && (article_date == NULL ||
                                                      strncmp (date.value, article_date, 10) != 0));
              /* "officials said on Tuesday": the day of the statement */
              date.said = said_on (claim_text, text);
              g_array_append_val (item->dates, date);
            }
        }
    }

  /* a country or its people named in passing tells who did what:
   * "Ukrainian involvement" is about Ukraine.  Such names find candidates
   * and actors, but do not count as shared entities: "the Russians" in
   * passing says less than a name. */
  item->n_entities = item->names->len;
  _crb_align_words (crb_claim_get_text (claim), cwords, ctx->word_cache);
  for (guint k = 0; k < cwords->len; k++)
    {
      CrbAlignWord *w = &g_array_index (cwords, CrbAlignWord, k);
      gboolean org = FALSE;

      if (w->country == NULL || has_name (item, w->country))
        continue;
      add_name (ctx, item, w->country, title_case (w->country));
      g_ptr_array_add (actor_of, (gpointer) w->country);
      g_array_append_val (actors->org, org);
    }

  /* words of names count through the names, not as content */
  for (guint k = 0; k < item->names->len; k++)
    {
      guint n_keys = actor_keys->len, n_name_words = name_words->len;

      _crb_align_words (g_array_index (item->names, Name, k).shown, words, ctx->word_cache);
      for (guint m = 0; m < words->len; m++)
        {
          CrbAlignWord *w = &g_array_index (words, CrbAlignWord, m);
          guint id;

          if (w->cls & CRB_ALIGN_WORD_STOP)
            continue;
          if (actor_of->pdata[k] != NULL)
            {
              g_ptr_array_add (actor_keys, w->key);
              g_array_append_val (actor_name, k);
            }
          g_ptr_array_add (name_words, w->key);
          id = intern_prefixed (ctx, '@', w->key);
          g_array_append_val (item->tokens, id);
        }
      /* a name of stop words only ("IS") is found by them */
      if (k >= item->n_entities)
        g_ptr_array_set_size (name_words, n_name_words);
      for (guint m = 0; n_keys == actor_keys->len && actor_of->pdata[k] != NULL && m < words->len; m++)
        {
          g_ptr_array_add (actor_keys, g_array_index (words, CrbAlignWord, m).key);
          g_array_append_val (actor_name, k);
        }
      _crb_align_words_clear (words);
    }

  for (guint k = 0; k < cwords->len; k++)
    {
      CrbAlignWord *w = &g_array_index (cwords, CrbAlignWord, k);
      guint id;

      if (w->cls & CRB_ALIGN_WORD_CLAUSE)
        in_scope = 0;
      if (w->cls & CRB_ALIGN_WORD_NEGATION)
        {
          negations++;
          in_scope = NEGATION_SCOPE;
        }
      else if (in_scope > 0 && !(w->cls & CRB_ALIGN_WORD_STOP))
        {
          /* the words a negation bears on: "denied any involvement" */
          guint sid = intern_key (ctx, w);

          in_scope--;
          g_array_append_val (item->scope, sid);
          if (name_words->len > 0 && str_in (name_words, w->key))
            {
              sid = intern_prefixed (ctx, '@', w->key);
              g_array_append_val (item->scope, sid);
            }
        }
      if (w->cls & CRB_ALIGN_WORD_PAST)
        item->past = TRUE;
      if ((w->cls & CRB_ALIGN_WORD_VENUE) && !str_in (item->venues, w->key))
        g_ptr_array_add (item->venues, g_strdup (w->key));
      if ((w->cls & CRB_ALIGN_WORD_STOP) ||
          (name_words->len > 0 && str_in (name_words, w->key)))
        continue;
      id = intern_key (ctx, w);
      g_array_append_val (item->tokens, id);
    }
  /* "did not rule out" asserts */
  item->negative = negations % 2 == 1;

  /* "the group" stands for the organisation named before it */
  actors->group = NULL;
  for (guint k = 1; k < cwords->len && actors->group == NULL; k++)
    {
      if ((g_array_index (cwords, CrbAlignWord, k).cls & CRB_ALIGN_WORD_GROUP) &&
          strcmp (g_array_index (cwords, CrbAlignWord, k - 1).key, "the") == 0)
        actors->group = g_ptr_array_index (ctx->article_org, article);
    }
  find_frame (item, cwords, actors);
  _crb_align_words_clear (cwords);
  for (guint k = actor_of->len; k > 0; k--)
    if (actor_of->pdata[k - 1] != NULL &&
        (g_array_index (actors->org, gboolean, k - 1) || is_group_name (actor_of->pdata[k - 1])))
      {
        g_free (ctx->article_org->pdata[article]);
        ctx->article_org->pdata[article] = g_strdup (actor_of->pdata[k - 1]);
        break;
      }
  if (item->frame != FRAME_NONE)
    {
      g_autofree char *key = g_strdup_printf ("%%%d %s", item->frame, item->actor);
      guint id = intern_word (ctx, key);

      g_array_append_val (item->tokens, id);
    }
  item->casualties = has_casualties (item);

  sort_unique (item->tokens);
  return item;
}

/* The story's own date: the day date most articles mention; its year, or
 * the year most articles are dated. */
static void
find_anchor (Ctx *ctx)
{
  g_autoptr (GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) years = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr (GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint best = 0, best_year = 0;

  for (guint k = 0; k < ctx->items->len; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);

      for (guint d = 0; d < item->dates->len; d++)
        {
          Date *date = &g_array_index (item->dates, Date, d);
          g_autofree char *md = NULL;
          char *once;
          guint n;

          if (date->month == 0 || date->day == 0)
            continue;
          md = g_strdup_printf ("%02d-%02d", date->month, date->day);
          once = g_strdup_printf ("%u %s", item->article, md);
          if (!g_hash_table_add (seen, once))
            continue;
          n = GPOINTER_TO_UINT (g_hash_table_lookup (days, md)) + 1;
          g_hash_table_insert (days, g_strdup (md), GUINT_TO_POINTER (n));
          if (n > best || (n == best && ctx->anchor_month * 100 + ctx->anchor_day > date->month * 100 + date->day))
            {
              best = n;
              ctx->anchor_month = date->month;
              ctx->anchor_day = date->day;
            }
        }
    }

  /* the year: of the anchor day where written, else of the articles */
  for (guint k = 0; k < ctx->items->len; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);

      for (guint d = 0; d < item->dates->len; d++)
        {
          Date *date = &g_array_index (item->dates, Date, d);

          if (date->year > 0 && date->month == ctx->anchor_month && date->day == ctx->anchor_day &&
              ctx->anchor_month > 0)
            ctx->anchor_year = date->year;
        }
    }
  if (ctx->anchor_year == 0)
    {
      for (guint a = 0; a < ctx->n_articles; a++)
        {
          const char *date = g_ptr_array_index (ctx->article_date, a);
          int y;
          guint n;

          if (date == NULL || sscanf (date, "%4d", &y) != 1)
            continue;
          n = GPOINTER_TO_UINT (g_hash_table_lookup (years, GINT_TO_POINTER (y))) + 1;
          g_hash_table_insert (years, GINT_TO_POINTER (y), GUINT_TO_POINTER (n));
          if (n > best_year)
            {
              best_year = n;
              ctx->anchor_year = y;
            }
        }
    }
}

static void
find_story_places (Ctx *ctx)
{
  /* the items' places are borrowed for the whole alignment */
  g_autoptr (GHashTable) articles_of = g_hash_table_new (g_str_hash, g_str_equal);
  /* per article: the places counted */
  g_autofree GHashTable **seen = g_new0 (GHashTable *, MAX (ctx->n_articles, 1));

  for (guint k = 0; k < ctx->items->len; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);

      for (guint p = 0; p < item->places->len; p++)
        {
          const char *place = g_ptr_array_index (item->places, p);
          guint n;

          if (seen[item->article] == NULL)
            seen[item->article] = g_hash_table_new (g_str_hash, g_str_equal);
          if (!g_hash_table_add (seen[item->article], (gpointer) place))
            continue;
          n = GPOINTER_TO_UINT (g_hash_table_lookup (articles_of, place)) + 1;
          g_hash_table_insert (articles_of, (gpointer) place, GUINT_TO_POINTER (n));
          if (n == 2)
            g_hash_table_add (ctx->story_places, g_strdup (place));
        }
    }
  for (guint a = 0; a < ctx->n_articles; a++)
    g_clear_pointer (&seen[a], g_hash_table_unref);
}

static guint
date_day (int y,
          int m,
          int d)
{
  /* an approximate day count is enough to tell weeks from months */
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > 31)
    return 0;
  return (guint) (y * 372 + (m - 1) * 31 + d);
}

static gboolean
in_story_places (Ctx  *ctx,
                 Item *item)
{
  for (guint p = 0; p < item->places->len; p++)
    if (g_hash_table_contains (ctx->story_places, g_ptr_array_index (item->places, p)))
      return TRUE;
  return FALSE;
}

/* Whether a claim is about another event than the story's: dated far
 * from it, set in places the story is not about, or told as history. */
static void
find_background (Ctx  *ctx,
                 Item *item)
{
  /* A date far from the story's marks another event when the claim counts
   * victims ("In 2015 ... wounded more than 30"), opens with it, or tells
   * it as history; a figure "for 2023" or a plan "by 2028" stays. */
  for (guint d = 0; d < item->dates->len && ctx->anchor_year > 0; d++)
    {
      Date *date = &g_array_index (item->dates, Date, d);
      gboolean toll = has_casualties (item);
      gboolean leading = date->leading;
      int years = ABS (date->year - ctx->anchor_year);
      gboolean far = FALSE;

      if (date->year == 0)
        continue;
      if (toll || leading)
        {
          if (date->month > 0 && ctx->anchor_month > 0)
            {
              guint here = date_day (date->year, date->month, date->day ? date->day : 15);
              guint there = date_day (ctx->anchor_year, ctx->anchor_month, ctx->anchor_day);

              far = here && there && (here > there ? here - there : there - here) > FAR_DAYS;
            }
          else
            far = years >= 1;
        }
      if (item->past && years >= 2)
        far = TRUE;
      if (far)
        {
          item->background = TRUE;
          item->background_why = g_strdup_printf ("dated %s, far from the story's %d", date->value,
                                                  ctx->anchor_year);
          return;
        }
    }

  if (has_casualties (item) && item->places->len > 0 && g_hash_table_size (ctx->story_places) > 0)
    {
      gboolean elsewhere = TRUE;

      for (guint p = 0; p < item->places->len && elsewhere; p++)
        if (g_hash_table_contains (ctx->story_places, g_ptr_array_index (item->places, p)))
          elsewhere = FALSE;
      if (elsewhere)
        {
          g_autofree char *list = NULL;

          g_ptr_array_add (item->places, NULL);
          list = g_strjoinv (", ", (char **) item->places->pdata);
          g_ptr_array_remove_index (item->places, item->places->len - 1);
          item->background = TRUE;
          item->background_why = g_strdup_printf ("set elsewhere (%s)", list);
          return;
        }
    }

  /* "the deadliest attack in the country's past" counts the story's own
   * victims: a claim set in one of the story's places is not history */
  if (item->past && has_casualties (item) && !in_story_places (ctx, item))
    {
      item->background = TRUE;
      item->background_why = g_strdup ("told as an earlier event");
    }
}

/* ---------------------------------------------------------- comparison */

/* The rounding step a figure was written with: 1 for 52, 0.1 for 41.8. */
static double
rounding (double v)
{
  double step = 1;

  for (guint k = 0; k < 6 && fabs (v - round (v / step) * step) > 1e-9 * MAX (1, fabs (v)); k++)
    step /= 10;
  return step;
}

static gboolean
near_bound (double bound,
            double value)
{
  return value <= MAX (bound * BOUND_SPAN, bound + 10);
}

/* Whether two figures for one quantity can both be true. */
static gboolean
qty_compatible (const Qty *x,
                const Qty *y)
{
  gboolean ys = y->strict;
  Bound bx = x->bound, by = y->bound;
  double a = x->value, b = y->value;

  if (bx > by)
    return qty_compatible (y, x);

  switch (bx)
    {
    case BOUND_EXACT:
      switch (by)
        {
        case BOUND_EXACT:
          /* "52 percent" is "52.4 percent" rounded */
          return fabs (a - b) <= MAX (0.005 * MAX (fabs (a), fabs (b)),
                                      0.5 * MAX (rounding (a), rounding (b)));
        case BOUND_LOWER:
          return (ys ? a > b : a >= b) && near_bound (b, a);
        case BOUND_UPPER:
          return ys ? a < b : a <= b;
        case BOUND_ABOUT:
          return fabs (a - b) <= 0.15 * fabs (b);
        default:
          g_assert_not_reached ();
        }
    case BOUND_LOWER:
      switch (by)
        {
        case BOUND_LOWER:
          return near_bound (MIN (a, b), MAX (a, b));
        case BOUND_UPPER:
          return a <= b;
        case BOUND_ABOUT:
          return b * 1.15 >= a && near_bound (a, b);
        case BOUND_EXACT:
        default:
          g_assert_not_reached ();
        }
    case BOUND_UPPER:
      switch (by)
        {
        case BOUND_UPPER:
          return TRUE;
        case BOUND_ABOUT:
          return b * 0.85 <= a;
        case BOUND_EXACT:
        case BOUND_LOWER:
        default:
          g_assert_not_reached ();
        }
    case BOUND_ABOUT:
      return fabs (a - b) <= 0.15 * MAX (a, b) * 2;
    default:
      g_assert_not_reached ();
    }
}

static const char *
format_qty (Qty *q)
{
  static const char * const words[][2] = {
    { "at-least", "at least " }, { "more-than", "more than " }, { "at-most", "at most " },
    { "less-than", "less than " }, { "about", "about " },
  };
  const char *prefix = "";

  if (q->shown != NULL)
    return q->shown;
  for (guint k = 0; k < G_N_ELEMENTS (words); k++)
    if (strcmp (q->qualifier, words[k][0]) == 0)
      prefix = words[k][1];
  q->shown = g_strdup_printf ("%s%.15g", prefix, q->value);
  return q->shown;
}

typedef enum
{
  QTY_AGREE,
  QTY_CONFLICT,
  QTY_UPDATE,
} QtyVerdict;

/* Compares the figures of one unit; adds the reason to @why. */
static QtyVerdict
compare_category (Ctx        *ctx,
                  Item       *x,
                  Item       *y,
                  const Qty  *unit,
                  GPtrArray  *why)
{
  Qty *best_x = NULL, *best_y = NULL;
  const char *tx = NULL, *ty = NULL;
  double max_x = -G_MAXDOUBLE, max_y = -G_MAXDOUBLE;
  const char *date_x, *date_y;

  for (guint k = 0; k < x->qtys->len; k++)
    {
      Qty *qx = &g_array_index (x->qtys, Qty, k);

      if (qx->unit != unit->unit)
        continue;
      max_x = MAX (max_x, qx->value);
      for (guint l = 0; l < y->qtys->len; l++)
        {
          Qty *qy = &g_array_index (y->qtys, Qty, l);

          if (qy->unit != unit->unit)
            continue;
          max_y = MAX (max_y, qy->value);
          if (best_x == NULL || qty_compatible (qx, qy))
            {
              gboolean found = qty_compatible (qx, qy);

              best_x = qx;
              best_y = qy;
              if (found)
                {
                  if (why != NULL)
                    {
                      tx = format_qty (qx);
                      ty = format_qty (qy);
                      g_ptr_array_add (why, g_strconcat (unit->label, ": ", tx, " vs ", ty,
                                                         " — compatible", NULL));
                    }
                  return QTY_AGREE;
                }
            }
        }
    }

  g_assert (best_x != NULL);
  if (why != NULL)
    {
      tx = format_qty (best_x);
      ty = format_qty (best_y);
    }

  /* A toll that rises in a later report is news, not a contradiction. */
  date_x = g_ptr_array_index (ctx->article_date, x->article);
  date_y = g_ptr_array_index (ctx->article_date, y->article);
  if (unit->toll && date_x != NULL && date_y != NULL)
    {
      int order = strncmp (date_x, date_y, 10);

      if ((order < 0 && max_y > max_x) || (order > 0 && max_x > max_y))
        {
          if (why != NULL)
            {
              g_autofree char *later = g_strndup (order < 0 ? date_y : date_x, 10);

              g_ptr_array_add (why, g_strconcat (unit->label, ": ", tx, " vs ", ty, NULL));
              g_ptr_array_add (why, g_strconcat ("later report (", later,
                                                 ") raises the toll: update, not conflict", NULL));
            }
          return QTY_UPDATE;
        }
    }

  if (why != NULL)
    g_ptr_array_add (why, g_strconcat (unit->label, ": ", tx, " vs ", ty, " — conflict", NULL));
  return QTY_CONFLICT;
}

static gboolean
has_token (Item  *item,
           guint  id)
{
  guint lo = 0, hi = item->tokens->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2, v = g_array_index (item->tokens, guint, mid);

      if (v == id)
        return TRUE;
      if (v < id)
        lo = mid + 1;
      else
        hi = mid;
    }
  return FALSE;
}

/* Whether @part is @whole or a run of its words: "bortnikov" in
 * "alexander bortnikov", "islamic state" in "islamic state khorasan". */
static gboolean
name_within (const char *part,
             const char *whole)
{
  gsize n = strlen (part);

  for (const char *p = strstr (whole, part); p != NULL; p = strstr (p + 1, part))
    if ((p == whole || p[-1] == ' ') && (p[n] == '\0' || p[n] == ' '))
      return TRUE;
  return FALSE;
}

/* Same name, or a partial name of the other ("Putin", "Vladimir Putin"). */
static gboolean
names_match (Item  *x,
             guint  k,
             Item  *y,
             guint  l)
{
  const Name *a = &g_array_index (x->names, Name, k), *b = &g_array_index (y->names, Name, l);

  if (a->id == b->id)
    return TRUE;
  /* two different one-word names never hold each other */
  if (a->single && b->single)
    return FALSE;
  return strlen (a->name) < strlen (b->name) ? name_within (a->name, b->name)
                                             : name_within (b->name, a->name);
}

/* "shared words: kill, attack": @prefix, then @items joined by commas. */
static char *
list_reason (const char *prefix,
             GPtrArray  *items)
{
  gsize n = strlen (prefix), len = n;
  char *reason, *p;

  for (guint k = 0; k < items->len; k++)
    len += (k > 0 ? 2 : 0) + strlen (g_ptr_array_index (items, k));
  p = reason = g_malloc (len + 1);
  memcpy (p, prefix, n);
  p += n;
  for (guint k = 0; k < items->len; k++)
    {
      const char *item = g_ptr_array_index (items, k);

      if (k > 0)
        {
          *p++ = ',';
          *p++ = ' ';
        }
      n = strlen (item);
      memcpy (p, item, n);
      p += n;
    }
  *p = '\0';
  return reason;
}

static gboolean
same_day (const Date *a,
          const Date *b)
{
  return a->month == b->month && a->day == b->day &&
         (a->year == 0 || b->year == 0 || a->year == b->year);
}

/* The cosine of the content words of two claims.  When @words is not
 * %NULL, the first six content words they share are added to it, as
 * reasons show them. */
static double
cosine (Ctx       *ctx,
        Item      *x,
        Item      *y,
        GPtrArray *words)
{
  /* the hottest loop of the comparison: plain arrays */
  const guint *tx = (const guint *) x->tokens->data, *ty = (const guint *) y->tokens->data;
  guint nx = x->tokens->len, ny = y->tokens->len;
  double dot = 0;
  guint k = 0, l = 0;

  while (k < nx && l < ny)
    {
      guint a = tx[k], b = ty[l];

      if (a < b)
        k++;
      else if (b < a)
        l++;
      else
        {
          double w = g_array_index (ctx->idf, double, a);

          if (!ctx->is_key[a])
            {
              dot += w * w;
              if (words != NULL && words->len < 6)
                {
                  const char *word = g_ptr_array_index (ctx->words, a);

                  /* a synonym class shows without its "=" */
                  g_ptr_array_add (words, (gpointer) (word[0] == '=' ? word + 1 : word));
                }
            }
          k++;
          l++;
        }
    }
  if (x->norm <= 0 || y->norm <= 0)
    return 0;
  return dot / (x->norm * y->norm);
}

/* Whether what @negated denies is in @other: "Ukraine denied any
 * involvement" against "Ukrainian involvement", not against another part
 * of a long sentence that denies nothing. */
static gboolean
denial_shared (Item *negated,
               Item *other)
{
  for (guint k = 0; k < negated->scope->len; k++)
    if (has_token (other, g_array_index (negated->scope, guint, k)))
      return TRUE;
  return FALSE;
}

/* The claim's day, if it gives one day only (perhaps twice: "on Sunday,
 * February 9") and writes it out with a number at least once. */
static const Date *
one_explicit_day (Item *item)
{
  const Date *day = NULL, *written = NULL;

  for (guint k = 0; k < item->dates->len; k++)
    {
      const Date *d = &g_array_index (item->dates, Date, k);

      if (d->day == 0 || d->said)
        continue;
      if (day != NULL && !same_day (day, d))
        return NULL;
      day = d;
      if (d->explicit && written == NULL)
        written = d;
    }
  return written;
}

/* Scores a pair and says how it relates.  When @why is not %NULL, the
 * reasons are added to it (owned by the caller), for a pair that relates. */
static void
compare_pair (Ctx       *ctx,
              Pair      *pair,
              GPtrArray *why)
{
  Item *x = g_ptr_array_index (ctx->items, pair->i);
  Item *y = g_ptr_array_index (ctx->items, pair->j);
  /* what the first reasons list */
  GPtrArray *listed = why != NULL ? ctx->listed : NULL;
  const Date *dx = NULL, *dy = NULL;
  guint n_conflicts = 0;
  gboolean shared_qty = FALSE, qty_mismatch = FALSE, dated_same = FALSE;
  gboolean date_conflict = FALSE, dated_both = FALSE, framed, frame_mismatch;
  guint n_names = 0;
  double cos, score, qty_bonus = 0;

  pair->relation = VERDICT_NONE;
  pair->score = 0;

  /* Another event mentioned in passing is never the story's event. */
  if (x->background != y->background)
    return;

  /* the first reasons: the names, then the words both claims give */
  if (listed != NULL)
    g_ptr_array_set_size (listed, 0);
  for (guint k = 0; k < x->n_entities; k++)
    for (guint l = 0; l < y->n_entities; l++)
      if (names_match (x, k, y, l))
        {
          n_names++;
          if (listed != NULL)
            g_ptr_array_add (listed, g_array_index (x->names, Name, k).shown);
          break;
        }
  if (n_names > 0 && why != NULL)
    g_ptr_array_add (why, list_reason ("shared entities: ", listed));

  if (listed != NULL)
    g_ptr_array_set_size (listed, 0);
  cos = cosine (ctx, x, y, listed);
  if (listed != NULL && listed->len > 0)
    g_ptr_array_add (why, list_reason ("shared words: ", listed));

  if (x->background)
    {
      gboolean same_event = FALSE;

      for (guint k = 0; k < x->dates->len && !same_event; k++)
        for (guint l = 0; l < y->dates->len && !same_event; l++)
          {
            Date *a = &g_array_index (x->dates, Date, k), *b = &g_array_index (y->dates, Date, l);

            same_event = a->year == b->year && a->year > 0 &&
                         (a->month == 0 || b->month == 0 || a->month == b->month);
          }
      for (guint k = 0; k < x->places->len && !same_event; k++)
        same_event = str_in (y->places, g_ptr_array_index (x->places, k));
      if (!same_event)
        return;
    }

  /* quantities, unit by unit */
  if (x->qtys->len > 0 && y->qtys->len > 0)
  {
    gboolean x_toll = FALSE, y_toll = FALSE;

    for (guint k = 0; k < x->qtys->len; k++)
      {
        const Qty *q = &g_array_index (x->qtys, Qty, k);
        gboolean in_y = FALSE, seen = FALSE;

        x_toll |= q->toll;
        for (guint m = 0; m < k && !seen; m++)
          seen = g_array_index (x->qtys, Qty, m).unit == q->unit;
        if (seen)
          continue;
        for (guint l = 0; l < y->qtys->len && !in_y; l++)
          in_y = g_array_index (y->qtys, Qty, l).unit == q->unit;
        if (!in_y)
          continue;
        shared_qty = TRUE;
        qty_bonus += qty_bonus > 0 ? 0.1 : q->bonus;
        switch (compare_category (ctx, x, y, q, why))
          {
          case QTY_CONFLICT:
            n_conflicts++;
            break;
          case QTY_AGREE:
            /* the same figure in other words: "41.8 percent", "42 percent" */
            qty_bonus += SAME_FIGURE_BONUS;
            break;
          case QTY_UPDATE:
          default:
            break;
          }
      }
    for (guint l = 0; l < y->qtys->len; l++)
      y_toll |= g_array_index (y->qtys, Qty, l).toll;
    /* deaths in one, arrests in the other: different facts */
    qty_mismatch = !shared_qty && x_toll && y_toll;
  }

  /* dates of the day */
  {
    gboolean any_x = FALSE, any_y = FALSE;

    for (guint k = 0; k < x->dates->len; k++)
      {
        Date *a = &g_array_index (x->dates, Date, k);

        if (a->day == 0)
          continue;
        any_x = TRUE;
        for (guint l = 0; l < y->dates->len; l++)
          {
            Date *b = &g_array_index (y->dates, Date, l);

            if (b->day == 0)
              continue;
            any_y = TRUE;
            dx = a;
            dy = b;
            if (same_day (a, b))
              {
                dated_same = TRUE;
                SAY (why, "same date: %s", a->year ? a->value : b->value);
                break;
              }
          }
        if (dated_same)
          break;
      }
    /* "on Friday" on the day of publication is the day something was said,
     * not the event's: a conflict needs one day in each claim, written
     * out in both ("early on Sunday, February 9, 2025" is one day) */
    if (any_x && any_y && !dated_same)
      {
        dx = one_explicit_day (x);
        dy = one_explicit_day (y);
      }
    date_conflict = any_x && any_y && !dated_same && dx != NULL && dy != NULL;
    /* both date something to the day: likely the same kind of statement */
    dated_both = dated_same || date_conflict;
    if (date_conflict)
      n_conflicts++;
  }

  /* who did it, or who claims it: the same actor.  Claims that count
   * victims are about the toll. */
  framed = x->frame != FRAME_NONE && x->frame == y->frame && !x->casualties && !y->casualties &&
           (strcmp (x->actor, y->actor) == 0 ||
            (strlen (x->actor) < strlen (y->actor) ? name_within (x->actor, y->actor)
                                                   : name_within (y->actor, x->actor)));

  /* the actor is a name both claims give, even when one gives it as
   * "the group" */
  score = cos + 0.07 * (framed && n_names == 0 ? 1 : MIN (n_names, 3)) + qty_bonus + (dated_same ? 0.15 : 0) +
          (dated_both ? 0.08 : 0) + (framed ? FRAME_BONUS : 0);
  /* "IS claimed responsibility" and "Moscow blamed Ukraine": each tells
   * who did it, differently: two facts */
  frame_mismatch = x->frame != FRAME_NONE && y->frame != FRAME_NONE && !framed &&
                   !x->casualties && !y->casualties;
  if (qty_mismatch || frame_mismatch)
    score = MIN (score, SAME_FACT_SCORE - 0.01);
  score = MIN (score, 1.0);

  if (framed && why != NULL)
    {
      g_autofree char *actor = title_case (strlen (x->actor) >= strlen (y->actor) ? x->actor : y->actor);

      if (x->frame == FRAME_INVOLVE)
        SAY (why, "both on whether %s was involved", actor);
      else
        SAY (why, "both on %s claiming responsibility", actor);
    }
  if (qty_mismatch)
    SAY (why, "different figures (not the same count): not the same fact");
  if (frame_mismatch)
    SAY (why, "each says who did it, differently: not the same fact");
  if (x->background)
    SAY (why, "both about another event (%s)", x->background_why);

  /* figures or days that conflict in a pair too loose to be the same
   * fact alone: if other links put both claims in one fact, they are
   * compared as the same fact */
  pair->contradicts = n_conflicts > 0 && !qty_mismatch && !frame_mismatch && score >= RELATED_SCORE;
  if (pair->in_fact && pair->contradicts && score < SAME_FACT_SCORE)
    SAY (why, "both in one fact through other claims: compared as the same fact");
  if (score >= SAME_FACT_SCORE || (pair->in_fact && pair->contradicts))
    {
      /* the conflicts other than of figures (whose reasons are in @why
       * already) are reasons of a same-fact pair only */
      if (date_conflict)
        SAY_ONCE (why, "date: %s vs %s — conflict", dx->value, dy->value);
      /* venues */
      if (x->venues->len > 0 && y->venues->len > 0)
        {
          gboolean common = FALSE;

          for (guint k = 0; k < x->venues->len && !common; k++)
            common = str_in (y->venues, g_ptr_array_index (x->venues, k));
          if (!common)
            {
              n_conflicts++;
              SAY_ONCE (why, "venue: %s vs %s — conflict", (char *) g_ptr_array_index (x->venues, 0),
                        (char *) g_ptr_array_index (y->venues, 0));
            }
        }
      /* one asserts what the other denies */
      if ((framed && x->frame == FRAME_INVOLVE && x->frame_negative != y->frame_negative) ||
          (x->negative != y->negative && !shared_qty && cos >= 0.25 &&
           denial_shared (x->negative ? x : y, x->negative ? y : x)))
        {
          n_conflicts++;
          SAY_ONCE (why, "one report denies what the other asserts — conflict");
        }
      pair->relation = n_conflicts > 0 ? CRB_RELATION_CONFLICTS : CRB_RELATION_AGREES;
    }
  else if (score >= RELATED_SCORE)
    pair->relation = CRB_RELATION_RELATED;
  else
    return;

  pair->score = score;
}

/* ------------------------------------------------------------ alignment */

static char *
pair_key (const char *a,
          const char *b)
{
  return strcmp (a, b) < 0 ? g_strconcat (a, "\n", b, NULL) : g_strconcat (b, "\n", a, NULL);
}

static GHashTable *
make_pair_set (GPtrArray *links)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; links && k < links->len; k++)
    {
      CrbLink *link = g_ptr_array_index (links, k);

      if (link != NULL && link->a != NULL && link->b != NULL)
        g_hash_table_add (set, pair_key (link->a, link->b));
    }
  return set;
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->items, g_ptr_array_unref);
  g_clear_pointer (&ctx->item_of_id, g_hash_table_unref);
  g_clear_pointer (&ctx->words, g_ptr_array_unref);
  g_clear_pointer (&ctx->word_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->key_ids, g_hash_table_unref);
  g_clear_pointer (&ctx->name_of, g_hash_table_unref);
  g_clear_pointer (&ctx->df, g_array_unref);
  g_clear_pointer (&ctx->idf, g_array_unref);
  g_clear_pointer (&ctx->article_ids, g_ptr_array_unref);
  g_clear_pointer (&ctx->outlets, g_ptr_array_unref);
  g_clear_pointer (&ctx->article_date, g_ptr_array_unref);
  g_clear_pointer (&ctx->story_places, g_hash_table_unref);
  g_clear_pointer (&ctx->removed, g_hash_table_unref);
  g_clear_pointer (&ctx->manual, g_hash_table_unref);
  g_clear_pointer (&ctx->is_key, g_free);
  g_clear_pointer (&ctx->word_cache, g_hash_table_unref);
  g_clear_pointer (&ctx->article_org, g_ptr_array_unref);
  g_clear_pointer (&ctx->ends, g_array_unref);
  g_clear_pointer (&ctx->why, g_ptr_array_unref);
  g_clear_pointer (&ctx->listed, g_ptr_array_unref);
}

static void
load_story (Ctx      *ctx,
            CrbStory *story)
{
  GListModel *articles = crb_story_get_articles (story);
  GListModel *claims = crb_story_get_claims (story);
  g_autoptr (GHashTable) article_index = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GArray) words = g_array_new (FALSE, FALSE, sizeof (CrbAlignWord));
  g_autoptr (GArray) cwords = g_array_new (FALSE, FALSE, sizeof (CrbAlignWord));
  g_autoptr (GPtrArray) actor_keys = g_ptr_array_new ();
  g_autoptr (GArray) actor_name = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr (GPtrArray) actor_of = g_ptr_array_new ();
  g_autoptr (GArray) actor_org = g_array_new (FALSE, FALSE, sizeof (gboolean));
  Actors actors = { actor_keys, actor_name, actor_of, actor_org, NULL };
  guint n_claims = g_list_model_get_n_items (claims);

  ctx->n_articles = g_list_model_get_n_items (articles);
  ctx->article_ids = g_ptr_array_new_with_free_func (g_free);
  ctx->outlets = g_ptr_array_new_with_free_func (g_free);
  ctx->article_date = g_ptr_array_new_with_free_func (g_free);
  ctx->article_org = g_ptr_array_new_full (ctx->n_articles, g_free);
  g_ptr_array_set_size (ctx->article_org, ctx->n_articles);
  for (guint a = 0; a < ctx->n_articles; a++)
    {
      g_autoptr (CrbArticle) article = g_list_model_get_item (articles, a);
      const char *outlet = crb_article_get_outlet (article);
      const char *date = crb_article_get_date (article);

      g_ptr_array_add (ctx->article_ids, g_strdup (crb_article_get_id (article)));
      g_ptr_array_add (ctx->outlets, g_strdup (outlet && *outlet ? outlet : crb_article_get_id (article)));
      g_ptr_array_add (ctx->article_date, date && strlen (date) >= 10 ? g_strdup (date) : NULL);
      g_hash_table_insert (article_index, g_ptr_array_index (ctx->article_ids, a), GUINT_TO_POINTER (a + 1));
    }

  ctx->word_cache = _crb_align_word_cache_new ();
  ctx->items = g_ptr_array_new_with_free_func (item_free);
  ctx->item_of_id = g_hash_table_new (g_str_hash, g_str_equal);
  ctx->word_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->key_ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx->name_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->words = g_ptr_array_new ();
  for (guint k = 0; k < n_claims; k++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (claims, k);
      guint article = GPOINTER_TO_UINT (g_hash_table_lookup (article_index, crb_claim_get_article_id (claim)));
      Item *item;

      /* a claim of an article the story does not hold has nothing to meet */
      if (article == 0)
        continue;
      /* the story keeps its claims alive for the whole alignment */
      item = make_item (ctx, claim, k, article - 1, words, cwords, &actors);
      item->pos = ctx->items->len;
      g_ptr_array_add (ctx->items, item);
      g_hash_table_insert (ctx->item_of_id, (gpointer) item->id, item);
    }

  /* inverse frequencies, norms */
  ctx->df = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (ctx->df, ctx->words->len);
  ctx->idf = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (ctx->idf, ctx->words->len);
  for (guint k = 0; k < ctx->items->len; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);

      for (guint t = 0; t < item->tokens->len; t++)
        g_array_index (ctx->df, guint, g_array_index (item->tokens, guint, t))++;
    }
  ctx->is_key = g_new (guint8, MAX (ctx->words->len, 1));
  for (guint w = 0; w < ctx->words->len; w++)
    ctx->is_key[w] = IS_KEY ((const char *) g_ptr_array_index (ctx->words, w));
  for (guint w = 0; w < ctx->words->len; w++)
    g_array_index (ctx->idf, double, w) = log (1.0 + (double) ctx->items->len /
                                               g_array_index (ctx->df, guint, w));
  for (guint k = 0; k < ctx->items->len; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);
      double sum = 0;

      for (guint t = 0; t < item->tokens->len; t++)
        {
          guint id = g_array_index (item->tokens, guint, t);
          double w = g_array_index (ctx->idf, double, id);

          if (!ctx->is_key[id])
            sum += w * w;
        }
      item->norm = sqrt (sum);
    }

  ctx->story_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  find_anchor (ctx);
  find_story_places (ctx);
  for (guint k = 0; k < ctx->items->len; k++)
    find_background (ctx, g_ptr_array_index (ctx->items, k));
}

/* Pairs of items of different articles that share enough weighted words,
 * found through an inverted index.  Words in a large share of a big
 * story's claims are left out of the index: they cannot make a pair alone,
 * and their posting lists would make the cost quadratic. */
static GArray *
find_candidates (Ctx *ctx)
{
  guint n = ctx->items->len, n_words = ctx->words->len;
  guint max_df = n <= 400 ? n : MAX (60, n / 40);
  /* the index in one array: the items that have word w, in item order,
   * are post[start[w]] to post[start[w + 1] - 1] */
  g_autofree guint *start = g_new (guint, n_words + 1);
  g_autofree guint *end = NULL;
  g_autofree guint *post = NULL;
  g_autofree double *acc = g_new0 (double, n);
  g_autofree guint8 *seen = g_new0 (guint8, n);
  g_autofree float *keyed = g_new0 (float, n);
  g_autofree guint *touched = g_new (guint, MAX (n, 1));
  g_autofree guint *article_of = g_new (guint, MAX (n, 1));
  g_autofree double *norm_of = g_new (double, MAX (n, 1));
  guint n_touched = 0;
  GArray *pairs = g_array_new (FALSE, TRUE, sizeof (Pair));

  start[0] = 0;
  for (guint w = 0; w < n_words; w++)
    {
      guint df = g_array_index (ctx->df, guint, w);

      start[w + 1] = start[w] + (df > 1 && df <= max_df ? df : 0);
    }
  post = g_new (guint, MAX (start[n_words], 1));
  end = g_memdup2 (start, (n_words + 1) * sizeof (guint));
  for (guint k = 0; k < n; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);

      article_of[k] = item->article;
      norm_of[k] = item->norm;
      for (guint t = 0; t < item->tokens->len; t++)
        {
          guint w = g_array_index (item->tokens, guint, t);

          /* the words left out have no room */
          if (end[w] < start[w + 1])
            post[end[w]++] = k;
        }
    }

  for (guint i = 0; i < n; i++)
    {
      Item *x = g_ptr_array_index (ctx->items, i);
      guint article = x->article;
      double norm = x->norm;

      for (guint t = 0; t < x->tokens->len; t++)
        {
          guint w = g_array_index (x->tokens, guint, t);
          const char *word = g_ptr_array_index (ctx->words, w);
          gboolean key = ctx->is_key[w];
          double idf = g_array_index (ctx->idf, double, w);
          double weight = key ? 0 : idf * idf;
          /* what a shared name or unit may add to the score, roughly */
          float bonus = !key ? 0 : word[0] == '#' ? 0.25 : word[0] == '%' ? FRAME_BONUS : 0.05;

          /* postings are in item order: start after i */
          for (guint p = start[w + 1]; p > start[w]; p--)
            {
              guint j = post[p - 1];

              if (j <= i)
                break;
              if (article_of[j] == article)
                continue;
              if (!seen[j])
                {
                  touched[n_touched++] = j;
                  seen[j] = 1;
                }
              acc[j] += weight;
              keyed[j] += bonus;
            }
        }

      for (guint t = 0; t < n_touched; t++)
        {
          guint j = touched[t];
          double cos = norm > 0 && norm_of[j] > 0 ? acc[j] / (norm * norm_of[j]) : 0;
          double bonus = keyed[j];

          acc[j] = 0;
          seen[j] = 0;
          keyed[j] = 0;
          if (cos >= CANDIDATE_COSINE || cos + bonus >= RELATED_SCORE - 0.05)
            {
              Pair pair = { i, j, VERDICT_NONE, 0 };

              g_array_append_val (pairs, pair);
            }
        }
      n_touched = 0;
    }

  return pairs;
}

static guint
find_root (guint *parent,
           guint  k)
{
  while (parent[k] != k)
    {
      parent[k] = parent[parent[k]];
      k = parent[k];
    }
  return k;
}

/* Adds @link, from the item at @a to the one at @b, to @links. */
static void
push_link (Ctx       *ctx,
           GPtrArray *links,
           CrbLink   *link,
           guint      a,
           guint      b)
{
  guint ends[2] = { a, b };

  g_ptr_array_add (links, link);
  g_array_append_val (ctx->ends, ends);
}

/* The position of end @e (0 for a, 1 for b) of link @l. */
static guint
link_end (Ctx   *ctx,
          guint  l,
          guint  e)
{
  return g_array_index (ctx->ends, guint, 2 * l + e);
}

/* Marks the ends of the conflicting links in @contested. */
static void
mark_contested (Ctx       *ctx,
                GPtrArray *links,
                guint8    *contested)
{
  for (guint l = 0; l < links->len; l++)
    if (((CrbLink *) g_ptr_array_index (links, l))->relation == CRB_RELATION_CONFLICTS)
      contested[link_end (ctx, l, 0)] = contested[link_end (ctx, l, 1)] = 1;
}

typedef struct
{
  CrbLink *link;   /* NULL for a support */
  guint    pair;   /* of a support: its index in the pairs */
  guint    a, b;   /* positions of the ends */
  double   score;
  gboolean manual;
} Join;

static int
compare_join (gconstpointer p,
              gconstpointer q)
{
  const Join *x = p, *y = q;

  /* links before supports, manual links first, then the strongest */
  if ((x->link != NULL) != (y->link != NULL))
    return x->link != NULL ? -1 : 1;
  if (x->manual != y->manual)
    return x->manual ? -1 : 1;
  if (x->score != y->score)
    return x->score > y->score ? -1 : 1;
  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

static gboolean
support_conflicts (GArray *pairs,
                   GArray *supports,
                   guint   s)
{
  return g_array_index (pairs, Pair, g_array_index (supports, guint, s)).relation == CRB_RELATION_CONFLICTS;
}

/* Facts: groups joined by same-fact links, strongest first.  A claim on
 * its own joins a group through one link, but two groups of several
 * claims join only through MIN_JOIN_LINKS links: a long sentence that
 * tells two facts ("Ukraine denied any involvement, which comes two weeks
 * after the US warned Russia") must not weld them into one.  An
 * automatic link the groups do not accept becomes "related".  Manual
 * links always join.
 *
 * @supports are the same-fact pairs that were not linked because a
 * claim preferred another partner in that article.  They count towards
 * MIN_JOIN_LINKS, and then join on their own: a claim that matches two
 * claims of a fact joins it even when it is neither's best.  The support
 * that joined two groups, and the conflicting ones between them, are
 * added to @accepted (as indices into @supports): they become links. */
static void
join_facts (Ctx       *ctx,
            GPtrArray *links,
            GArray    *pairs,
            GArray    *supports,
            guint     *parent,
            GArray    *accepted)
{
  guint n = ctx->items->len;
  guint n_edges = links->len + supports->len;
  g_autofree Join *joins = g_new (Join, MAX (n_edges, 1));
  g_autofree guint *size = g_new (guint, MAX (n, 1));
  g_autofree guint *next = g_new (guint, MAX (n, 1));   /* circular member lists */
  g_autofree guint8 *taken = g_new0 (guint8, MAX (supports->len, 1));
  g_autofree guint8 *joining = g_new0 (guint8, MAX (supports->len, 1));
  g_autofree guint8 *contested = g_new0 (guint8, MAX (n, 1));
  guint kept = 0;
  /* the links and supports of each claim, in the order of the joins, in
   * one array: those of the claim at k are entries first[k] to
   * first[k + 1] - 1, each two numbers: the other end, and the support
   * index + 1 (0 for a link) */
  g_autofree guint *first = g_new0 (guint, n + 1);
  g_autofree guint *fill = NULL;
  g_autofree guint *adjacent = NULL;
  guint n_joins = 0;

  for (guint k = 0; k < n; k++)
    {
      parent[k] = k;
      size[k] = 1;
      next[k] = k;
    }
  for (guint l = 0; l < n_edges; l++)
    {
      Join *j = &joins[n_joins];

      if (l < links->len)
        {
          CrbLink *link = g_ptr_array_index (links, l);

          if (link->relation == CRB_RELATION_RELATED && !link->manual)
            continue;
          j->link = link;
          j->pair = 0;
          j->a = link_end (ctx, l, 0);
          j->b = link_end (ctx, l, 1);
          j->score = link->score;
          j->manual = link->manual;
        }
      else
        {
          guint s = l - links->len;
          Pair *pair = &g_array_index (pairs, Pair, g_array_index (supports, guint, s));

          j->link = NULL;
          j->pair = s;
          j->a = pair->i;
          j->b = pair->j;
          j->score = pair->score;
          j->manual = FALSE;
        }
      n_joins++;
      first[j->a + 1]++;
      first[j->b + 1]++;
    }
  for (guint k = 0; k < n; k++)
    first[k + 1] += first[k];
  adjacent = g_new (guint, 2 * MAX (first[n], 1));
  fill = g_memdup2 (first, (n + 1) * sizeof (guint));
  for (guint j = 0; j < n_joins; j++)
    {
      guint ends[2] = { joins[j].a, joins[j].b };

      for (guint e = 0; e < 2; e++)
        {
          guint *entry = &adjacent[2 * fill[ends[e]]++];

          entry[0] = ends[1 - e];
          entry[1] = joins[j].link != NULL ? 0 : joins[j].pair + 1;
        }
    }
  qsort (joins, n_joins, sizeof (Join), compare_join);

  for (guint j = 0; j < n_joins; j++)
    {
      CrbLink *link = joins[j].link;
      guint ra = find_root (parent, joins[j].a), rb = find_root (parent, joins[j].b);
      guint t;

      if (ra == rb)
        continue;
      if ((link == NULL || (!link->manual && size[ra] > 1 && size[rb] > 1)))
        {
          guint small = size[ra] <= size[rb] ? ra : rb, other = small == ra ? rb : ra;
          guint between = 0, u = small, n_accepted = accepted->len;

          /* links and supports between the two groups */
          do
            {
              for (guint k = first[u]; k < first[u + 1]; k++)
                {
                  const guint *entry = &adjacent[2 * k];

                  if (find_root (parent, entry[0]) != other)
                    continue;
                  between++;
                  /* a support becomes a link when it joins, or when it
                   * conflicts: the fact's conflicts are all shown */
                  if (entry[1] > 0 && !taken[entry[1] - 1] &&
                      ((link == NULL && entry[1] - 1 == joins[j].pair) ||
                       support_conflicts (pairs, supports, entry[1] - 1)))
                    {
                      guint s = entry[1] - 1;

                      g_array_append_val (accepted, s);
                      taken[s] = 1;
                      joining[s] = link == NULL && s == joins[j].pair;
                    }
                }
              u = next[u];
            }
          while (u != small);
          if (between < MIN_JOIN_LINKS)
            {
              g_autoptr (GStrvBuilder) why = NULL;

              /* not joined: the supports stay out */
              for (guint k = n_accepted; k < accepted->len; k++)
                taken[g_array_index (accepted, guint, k)] = 0;
              g_array_set_size (accepted, n_accepted);
              if (link == NULL)
                continue;
              why = g_strv_builder_new ();
              for (guint k = 0; link->why[k] != NULL; k++)
                if (!g_str_has_suffix (link->why[k], "— conflict"))
                  g_strv_builder_add (why, link->why[k]);
              g_strv_builder_add (why, "the two claims belong to facts that nothing else joins: related only");
              g_strfreev (link->why);
              link->why = g_strv_builder_end (why);
              link->relation = CRB_RELATION_RELATED;
              continue;
            }
        }
      /* join: the smaller root under the larger, lists spliced */
      if (ra > rb)
        {
          t = ra;
          ra = rb;
          rb = t;
        }
      parent[rb] = ra;
      size[ra] += size[rb];
      t = next[ra];
      next[ra] = next[rb];
      next[rb] = t;
    }

  /* conflicts inside a fact are shown, whoever preferred whom */
  for (guint k = 0; k < supports->len; k++)
    if (!taken[k] && support_conflicts (pairs, supports, k))
      {
        Pair *pair = &g_array_index (pairs, Pair, g_array_index (supports, guint, k));

        if (find_root (parent, pair->i) == find_root (parent, pair->j))
          g_array_append_val (accepted, k);
      }

  /* ... but only as many as flag each contested claim once: a fact told
   * thirty times with thirty figures would otherwise get a link for every
   * two of them (quadratic in the size of the fact).  Links that join
   * stay, and the strongest come first.
   */
  mark_contested (ctx, links, contested);
  for (guint k = 0; k < accepted->len; k++)
    {
      guint s = g_array_index (accepted, guint, k);
      Pair *pair = &g_array_index (pairs, Pair, g_array_index (supports, guint, s));
      gboolean conflicts = support_conflicts (pairs, supports, s);

      if (!joining[s] && conflicts && contested[pair->i] && contested[pair->j])
        continue;
      if (conflicts)
        contested[pair->i] = contested[pair->j] = 1;
      g_array_index (accepted, guint, kept++) = s;
    }
  g_array_set_size (accepted, kept);
}

/* "Bortnikov did not discard the Ukrainian angle" names no involvement,
 * but it agrees with "he did not rule out Ukrainian involvement": it
 * asserts what that claim asserts, so it conflicts with the claims of its
 * fact that deny it ("Ukraine has repeatedly denied involvement").  A
 * claim without a frame takes the frame of the one claim it agrees with
 * (none if it agrees with claims of differing frames); then each such
 * claim gets a conflicting link to a claim of its fact that frames the
 * same actor the other way, while one of the two is not yet flagged. */
static void
flag_inherited_denials (Ctx       *ctx,
                        guint     *parent,
                        GPtrArray *links)
{
  guint n = ctx->items->len;
  g_autofree Item **from = g_new0 (Item *, MAX (n, 1));
  g_autofree guint8 *ambiguous = g_new0 (guint8, MAX (n, 1));
  g_autofree guint8 *contested = g_new0 (guint8, MAX (n, 1));
  g_autoptr (GHashTable) linked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr (GArray) keys = g_array_sized_new (FALSE, FALSE, sizeof (gint64), links->len);
  g_autoptr (GArray) framed = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean any = FALSE, changed = TRUE;

  mark_contested (ctx, links, contested);
  /* along agreeing links, from claim to claim: "did not discard the
   * Ukrainian angle" agrees with "the terrorists received instructions to
   * move toward the Ukrainian border", which agrees with "did not rule out
   * Ukrainian involvement" */
  for (guint round = 0; changed && round < 4; round++)
    {
      changed = FALSE;
      for (guint l = 0; l < links->len; l++)
        {
          CrbLink *link = g_ptr_array_index (links, l);
          Item *x = g_ptr_array_index (ctx->items, link_end (ctx, l, 0));
          Item *y = g_ptr_array_index (ctx->items, link_end (ctx, l, 1));
          Item *fx, *fy;

          if (link->relation != CRB_RELATION_AGREES)
            continue;
          fx = x->frame == FRAME_INVOLVE ? x : from[x->pos];
          fy = y->frame == FRAME_INVOLVE ? y : from[y->pos];
          if ((fx == NULL) == (fy == NULL) || (x->frame != FRAME_NONE && fx == NULL) ||
              (y->frame != FRAME_NONE && fy == NULL))
            continue;
          if (fx == NULL)
            {
              Item *t = x;

              x = y;
              y = t;
              fx = fy;
            }
          /* y takes the frame x has or took */
          if (y->casualties || ambiguous[y->pos])
            continue;
          if (from[y->pos] != NULL)
            {
              if (strcmp (from[y->pos]->actor, fx->actor) != 0 ||
                  from[y->pos]->frame_negative != fx->frame_negative)
                {
                  ambiguous[y->pos] = 1;
                  from[y->pos] = NULL;
                  changed = TRUE;
                }
              continue;
            }
          from[y->pos] = fx;
          any = changed = TRUE;
        }
    }
  if (!any)
    return;

  for (guint l = 0; l < links->len; l++)
    {
      guint a = link_end (ctx, l, 0), b = link_end (ctx, l, 1);
      gint64 key = (gint64) MIN (a, b) * n + MAX (a, b);

      g_array_append_val (keys, key);
    }
  for (guint l = 0; l < keys->len; l++)
    g_hash_table_add (linked, &g_array_index (keys, gint64, l));
  for (guint k = 0; k < n; k++)
    if (((Item *) g_ptr_array_index (ctx->items, k))->frame == FRAME_INVOLVE)
      g_array_append_val (framed, k);

  for (guint k = 0; k < n; k++)
    {
      Item *y = g_ptr_array_index (ctx->items, k);
      Item *x = from[k];

      if (x == NULL)
        continue;
      for (guint f = 0; f < framed->len; f++)
        {
          guint m = g_array_index (framed, guint, f);
          Item *z = g_ptr_array_index (ctx->items, m);
          gint64 key = (gint64) MIN (k, m) * n + MAX (k, m);
          g_autofree char *actor = NULL;
          CrbLink *link;

          if ((contested[k] && contested[m]) || z->article == y->article ||
              z->frame_negative == x->frame_negative || strcmp (z->actor, x->actor) != 0 ||
              find_root (parent, k) != find_root (parent, m) ||
              g_hash_table_contains (linked, &key))
            continue;
          /* a pair the reviewer unlinked stays unlinked */
          if (g_hash_table_size (ctx->removed) > 0)
            {
              g_autofree char *pk = pair_key (y->id, z->id);

              if (g_hash_table_contains (ctx->removed, pk))
                continue;
            }
          actor = title_case (x->actor);
          link = g_new0 (CrbLink, 1);
          link->a = g_strdup (MIN (k, m) == k ? y->id : z->id);
          link->b = g_strdup (MIN (k, m) == k ? z->id : y->id);
          link->relation = CRB_RELATION_CONFLICTS;
          link->score = SAME_FACT_SCORE;
          link->why = g_new0 (char *, 4);
          link->why[0] = g_strdup_printf ("both on whether %s was involved", actor);
          link->why[1] = g_strdup_printf ("says what the claim of %s says",
                                          (char *) g_ptr_array_index (ctx->outlets, x->article));
          link->why[2] = g_strdup ("one report denies what the other asserts — conflict");
          push_link (ctx, links, link, MIN (k, m), MAX (k, m));
          contested[k] = contested[m] = 1;
        }
    }
}

typedef struct
{
  guint    a, b;   /* story order of the ends */
  CrbLink *link;
} LinkOrder;

static int
compare_link_order (gconstpointer p,
                    gconstpointer q)
{
  const LinkOrder *x = p, *y = q;

  if (x->a != y->a)
    return x->a < y->a ? -1 : 1;
  return x->b < y->b ? -1 : x->b > y->b;
}

/* Links ordered by their first claim, then their second, in story order. */
static void
sort_links (Ctx       *ctx,
            GPtrArray *links)
{
  g_autofree LinkOrder *order = g_new (LinkOrder, MAX (links->len, 1));

  for (guint l = 0; l < links->len; l++)
    {
      CrbLink *link = g_ptr_array_index (links, l);

      order[l].a = ((Item *) g_ptr_array_index (ctx->items, link_end (ctx, l, 0)))->index;
      order[l].b = ((Item *) g_ptr_array_index (ctx->items, link_end (ctx, l, 1)))->index;
      order[l].link = link;
    }
  qsort (order, links->len, sizeof (LinkOrder), compare_link_order);
  for (guint l = 0; l < links->len; l++)
    links->pdata[l] = order[l].link;
}

/* Manual links as given, put in story order; links to claims the story
 * does not hold, or within one article, are dropped with a warning. */
static void
add_manual_links (Ctx       *ctx,
                  GPtrArray *manual_links,
                  GPtrArray *links)
{
  for (guint k = 0; manual_links && k < manual_links->len; k++)
    {
      CrbLink *given = g_ptr_array_index (manual_links, k);
      Item *a, *b;
      CrbLink *link;

      if (given == NULL || given->a == NULL || given->b == NULL)
        continue;
      a = g_hash_table_lookup (ctx->item_of_id, given->a);
      b = g_hash_table_lookup (ctx->item_of_id, given->b);
      if (a == NULL || b == NULL || a->article == b->article)
        {
          g_warning ("Manual link %s – %s ignored: not two claims of different articles of the story",
                     given->a, given->b);
          continue;
        }
      if (!g_hash_table_add (ctx->manual, pair_key (given->a, given->b)))
        continue;
      link = crb_link_copy (given);
      link->manual = TRUE;
      if (a->index > b->index)
        {
          char *t = link->a;
          Item *u = a;

          link->a = link->b;
          link->b = t;
          a = b;
          b = u;
        }
      push_link (ctx, links, link, a->pos, b->pos);
    }
}

/* A link from a scored pair, with its reasons and @also after them. */
static CrbLink *
make_link (Ctx        *ctx,
           Pair       *pair,
           const char *also)
{
  Item *x = g_ptr_array_index (ctx->items, pair->i), *y = g_ptr_array_index (ctx->items, pair->j);
  GPtrArray *why = ctx->why;
  CrbLink *link;

  g_ptr_array_set_size (why, 0);
  compare_pair (ctx, pair, why);
  g_assert (pair->relation != VERDICT_NONE);
  if (also != NULL)
    g_ptr_array_add (why, g_strdup (also));
  g_ptr_array_add (why, NULL);
  link = g_new0 (CrbLink, 1);
  link->a = g_strdup (x->id);
  link->b = g_strdup (y->id);
  link->relation = pair->relation;
  link->score = pair->score;
  /* the link takes the reasons over */
  link->why = g_memdup2 (why->pdata, why->len * sizeof (char *));
  return link;
}

static void
add_link (Ctx        *ctx,
          Pair       *pair,
          GPtrArray  *links,
          const char *also)
{
  push_link (ctx, links, make_link (ctx, pair, also), pair->i, pair->j);
  pair->link = links->len;
}

/* "Sentencing is scheduled for September 20" and "Judge Chen set
 * sentencing for October 3" share too little to be one fact on their
 * own; but when other links put both in one fact, their days conflict.
 * Such pairs become conflicting links (replacing a related link between
 * them), while one of the two claims is not yet flagged, as for the
 * supports in join_facts(). */
static void
flag_loose_conflicts (Ctx       *ctx,
                      GArray    *pairs,
                      guint     *parent,
                      GPtrArray *links)
{
  guint n = ctx->items->len;
  g_autofree guint8 *contested = NULL;

  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = &g_array_index (pairs, Pair, p);

      if (pair->relation != CRB_RELATION_RELATED || !pair->contradicts ||
          find_root (parent, pair->i) != find_root (parent, pair->j))
        continue;
      if (contested == NULL)
        {
          contested = g_new0 (guint8, MAX (n, 1));
          mark_contested (ctx, links, contested);
        }
      if (contested[pair->i] && contested[pair->j])
        continue;
      pair->in_fact = TRUE;
      if (pair->link > 0)
        {
          /* the new link takes the related one's place, between the
           * same ends */
          CrbLink *link = make_link (ctx, pair, NULL);

          crb_link_free (links->pdata[pair->link - 1]);
          links->pdata[pair->link - 1] = link;
        }
      else
        add_link (ctx, pair, links, NULL);
      g_assert (pair->relation == CRB_RELATION_CONFLICTS);
      contested[pair->i] = contested[pair->j] = 1;
    }
}

CrbAlignment *
crb_align_story (CrbStory  *story,
                 GPtrArray *manual_links,
                 GPtrArray *removed)
{
  Ctx ctx = { 0 };
  g_autoptr (GArray) pairs = NULL;
  g_autofree int *best = NULL;
  g_autofree guint *parent = NULL;
  g_autoptr (GArray) supports = NULL;
  g_autoptr (GArray) accepted = NULL;
  CrbAlignment *alignment;
  gboolean decided;
  guint n;

  g_return_val_if_fail (CRB_IS_STORY (story), NULL);

  ctx.story = story;
  ctx.removed = make_pair_set (removed);
  ctx.manual = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx.ends = g_array_new (FALSE, FALSE, 2 * sizeof (guint));
  ctx.why = g_ptr_array_new ();
  ctx.listed = g_ptr_array_new ();
  load_story (&ctx, story);
  n = ctx.items->len;

  alignment = g_new0 (CrbAlignment, 1);
  alignment->links = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
  alignment->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_fact_free);
  alignment->fact_of_claim = g_hash_table_new (g_str_hash, g_str_equal);

  add_manual_links (&ctx, manual_links, alignment->links);

  /* score the candidates, but the pairs the reviewer decided on */
  pairs = find_candidates (&ctx);
  decided = g_hash_table_size (ctx.removed) + g_hash_table_size (ctx.manual) > 0;
  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = &g_array_index (pairs, Pair, p);
      Item *x = g_ptr_array_index (ctx.items, pair->i), *y = g_ptr_array_index (ctx.items, pair->j);

      if (decided)
        {
          g_autofree char *key = pair_key (x->id, y->id);

          if (g_hash_table_contains (ctx.removed, key) || g_hash_table_contains (ctx.manual, key))
            {
              pair->relation = VERDICT_NONE;
              continue;
            }
        }
      compare_pair (&ctx, pair, NULL);
    }

  /* each item's best partner in each other article; same-fact first */
  best = g_new (int, (gsize) n * MAX (ctx.n_articles, 1));
  for (gsize k = 0; k < (gsize) n * ctx.n_articles; k++)
    best[k] = -1;
  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = &g_array_index (pairs, Pair, p);
      guint ends[2][2] = { { pair->i, pair->j }, { pair->j, pair->i } };

      if (pair->relation == VERDICT_NONE)
        continue;
      for (guint e = 0; e < 2; e++)
        {
          Item *other = g_ptr_array_index (ctx.items, ends[e][1]);
          int *slot = &best[(gsize) ends[e][0] * ctx.n_articles + other->article];
          Pair *held = *slot >= 0 ? &g_array_index (pairs, Pair, *slot) : NULL;

          if (held == NULL ||
              (held->relation == CRB_RELATION_RELATED && pair->relation != CRB_RELATION_RELATED) ||
              ((held->relation == CRB_RELATION_RELATED) == (pair->relation == CRB_RELATION_RELATED) &&
               pair->score > held->score))
            *slot = (int) p;
        }
    }
  supports = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint p = 0; p < pairs->len; p++)
    {
      Pair *pair = &g_array_index (pairs, Pair, p);
      Item *x = g_ptr_array_index (ctx.items, pair->i), *y = g_ptr_array_index (ctx.items, pair->j);

      gboolean best_i = best[(gsize) pair->i * ctx.n_articles + y->article] == (int) p;
      gboolean best_j = best[(gsize) pair->j * ctx.n_articles + x->article] == (int) p;

      if (pair->relation == VERDICT_NONE)
        continue;
      if (!(best_i && best_j) &&
          (!(best_i || best_j) || pair->relation == CRB_RELATION_RELATED || pair->score < ONE_SIDED_SCORE))
        {
          if (pair->relation != CRB_RELATION_RELATED)
            g_array_append_val (supports, p);
          continue;
        }
      add_link (&ctx, pair, alignment->links, NULL);
    }

  /* facts: groups joined by same-fact links and by manual links */
  parent = g_new (guint, MAX (n, 1));
  accepted = g_array_new (FALSE, FALSE, sizeof (guint));
  join_facts (&ctx, alignment->links, pairs, supports, parent, accepted);
  for (guint k = 0; k < accepted->len; k++)
    {
      guint p = g_array_index (supports, guint, g_array_index (accepted, guint, k));

      add_link (&ctx, &g_array_index (pairs, Pair, p), alignment->links,
                "matches two claims of the fact: joins it");
    }
  flag_loose_conflicts (&ctx, pairs, parent, alignment->links);
  flag_inherited_denials (&ctx, parent, alignment->links);
  sort_links (&ctx, alignment->links);

  {
    g_autofree GPtrArray **members = g_new0 (GPtrArray *, MAX (n, 1));

    for (guint k = 0; k < n; k++)
      {
        Item *item = g_ptr_array_index (ctx.items, k);
        guint root = find_root (parent, k);

        if (members[root] == NULL)
          members[root] = g_ptr_array_new ();
        g_ptr_array_add (members[root], item);
      }
    for (guint k = 0; k < n; k++)
      {
        GPtrArray *group = members[k];
        g_autoptr (GHashTable) outlets = NULL;
        g_autoptr (GHashTable) articles = NULL;
        CrbFact *fact;

        if (group == NULL)
          continue;
        if (group->len == 1)
          {
            Item *item = g_ptr_array_index (group, 0);

            fact = g_new0 (CrbFact, 1);
            fact->id = g_strconcat ("fact:", item->id, NULL);
            fact->claims = g_new0 (char *, 2);
            fact->claims[0] = g_strdup (item->id);
            fact->n_articles = fact->n_outlets = 1;
            g_hash_table_insert (alignment->fact_of_claim, fact->claims[0], fact);
            g_ptr_array_add (alignment->facts, fact);
            g_ptr_array_unref (group);
            continue;
          }
        outlets = g_hash_table_new (g_str_hash, g_str_equal);
        articles = g_hash_table_new (g_direct_hash, g_direct_equal);
        fact = g_new0 (CrbFact, 1);
        fact->id = g_strconcat ("fact:", ((Item *) g_ptr_array_index (group, 0))->id, NULL);
        fact->claims = g_new0 (char *, group->len + 1);
        for (guint m = 0; m < group->len; m++)
          {
            Item *item = g_ptr_array_index (group, m);

            fact->claims[m] = g_strdup (item->id);
            g_hash_table_add (articles, GUINT_TO_POINTER (item->article + 1));
            g_hash_table_add (outlets, g_ptr_array_index (ctx.outlets, item->article));
            g_hash_table_insert (alignment->fact_of_claim, fact->claims[m], fact);
          }
        fact->n_articles = g_hash_table_size (articles);
        fact->n_outlets = g_hash_table_size (outlets);
        g_ptr_array_add (alignment->facts, fact);
        g_ptr_array_unref (group);
      }
    for (guint l = 0; l < alignment->links->len; l++)
      {
        CrbLink *link = g_ptr_array_index (alignment->links, l);
        CrbFact *fa = g_hash_table_lookup (alignment->fact_of_claim, link->a);

        if (link->relation == CRB_RELATION_CONFLICTS &&
            fa == g_hash_table_lookup (alignment->fact_of_claim, link->b))
          fa->n_conflicts++;
      }
  }

  ctx_clear (&ctx);
  return alignment;
}
