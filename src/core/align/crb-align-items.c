/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align-items.c: each claim of the story becomes an item: content
 * words (synonym keys and light stems), entity names, quantities by unit,
 * dates, venues, polarity, the frame (who did it), and whether it is
 * about another event than the story's.  See docs/alignment.md, Method,
 * steps 1 and 2. */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align-private.h"
#include "crb-article.h"
#include "crb-json-reader.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Word keys that start with these are names and quantity units: they find
 * candidates and score separately, not in the cosine of content words. */
#define IS_KEY(word) ((word)[0] == '@' || (word)[0] == '#' || (word)[0] == '%')

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

gboolean
_crb_align_str_in (GPtrArray  *array,
                   const char *s)
{
  for (guint k = 0; k < array->len; k++)
    if (strcmp (g_ptr_array_index (array, k), s) == 0)
      return TRUE;
  return FALSE;
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
char *
_crb_align_title_case (const char *name)
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
  /* copied into one block: links and facts copy the ids of claims taken
   * in no order, and the claims' own are spread over the story */
  item->id = g_string_chunk_insert (ctx->ids, crb_claim_get_id (claim));
  item->index = index;
  item->article = article;
  /* a claim has a few dozen words */
  item->tokens = ctx->scratch_tokens;
  g_array_set_size (item->tokens, 0);
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
      add_name (ctx, item, w->country, _crb_align_title_case (w->country));
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
          if (name_words->len > 0 && _crb_align_str_in (name_words, w->key))
            {
              sid = intern_prefixed (ctx, '@', w->key);
              g_array_append_val (item->scope, sid);
            }
        }
      if (w->cls & CRB_ALIGN_WORD_PAST)
        item->past = TRUE;
      if ((w->cls & CRB_ALIGN_WORD_VENUE) && !_crb_align_str_in (item->venues, w->key))
        g_ptr_array_add (item->venues, g_strdup (w->key));
      if ((w->cls & CRB_ALIGN_WORD_STOP) ||
          (name_words->len > 0 && _crb_align_str_in (name_words, w->key)))
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

/* The story's places: those that at least two articles name.  An article
 * that names a place only in a sentence another article gave word for
 * word (wire copy) does not count: "Kerman" in fifty copies of one
 * sentence is still named once. */
static void
find_story_places (Ctx *ctx)
{
  /* the items' places are borrowed for the whole alignment */
  g_autoptr (GHashTable) articles_of = g_hash_table_new (g_str_hash, g_str_equal);
  /* per article: the places counted */
  g_autofree GHashTable **seen = g_new0 (GHashTable *, MAX (ctx->n_articles, 1));
  /* each place with the text of each claim that names it */
  g_autoptr (GHashTable) told = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint k = 0; k < ctx->items->len; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);

      for (guint p = 0; p < item->places->len; p++)
        {
          const char *place = g_ptr_array_index (item->places, p);
          const char *text = crb_claim_get_text (item->claim);
          gboolean fresh = g_hash_table_add (told, g_strconcat (place, "\n", text, NULL));
          guint n;

          if (seen[item->article] == NULL)
            seen[item->article] = g_hash_table_new (g_str_hash, g_str_equal);
          if (!fresh || !g_hash_table_add (seen[item->article], (gpointer) place))
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


#define ITEM(ctx, k) ((Item *) g_ptr_array_index ((ctx)->items, (k)))


/* The brief of the item at @k (see Brief), once the items are made: in
 * item order, its entities added to @entities (BriefName). */
static void
set_brief (Ctx    *ctx,
           guint   k,
           Item   *item,
           GArray *entities)
{
  Brief *brief = &ctx->briefs[k];

  g_assert (item->pos == k);
  brief->article = item->article;
  brief->entities = entities->len;
  brief->n_entities = item->n_entities;
  brief->n_qtys = item->qtys->len;
  brief->qtys = (Qty *) item->qtys->data;
  brief->n_dates = MIN (item->dates->len, G_MAXUINT8);
  brief->n_venues = MIN (item->venues->len, G_MAXUINT8);
  brief->background = item->background != FALSE;
  brief->frame = item->frame;
  brief->casualties = item->casualties != FALSE;
  brief->negative = item->negative != FALSE;
  brief->frame_negative = item->frame_negative != FALSE;
  for (guint e = 0; e < item->n_entities; e++)
    {
      const Name *name = &g_array_index (item->names, Name, e);
      BriefName entity = { name->id, name->single != FALSE };

      g_array_append_val (entities, entity);
    }
}

void
_crb_align_load_story (Ctx      *ctx,
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
  GArray *tok, *tok_start;
  guint n;

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
  ctx->ids = g_string_chunk_new (MAX (n_claims, 1) * 16);
  ctx->word_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->key_ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  ctx->name_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ctx->words = g_ptr_array_new ();
  /* each item's words, as it is made, then in the one array of all */
  ctx->scratch_tokens = g_array_sized_new (FALSE, FALSE, sizeof (guint), 64);
  tok = g_array_sized_new (FALSE, FALSE, sizeof (guint), MAX (n_claims, 1) * 24);
  tok_start = g_array_sized_new (FALSE, FALSE, sizeof (guint), n_claims + 1);
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
      g_array_append_val (tok_start, tok->len);
      g_array_append_vals (tok, item->tokens->data, item->tokens->len);
      item->tokens = NULL;
      g_ptr_array_add (ctx->items, item);
      g_hash_table_insert (ctx->item_of_id, (gpointer) item->id, item);
    }
  g_array_append_val (tok_start, tok->len);
  ctx->tok = (guint *) g_array_free (tok, FALSE);
  ctx->tok_start = (guint *) g_array_free (tok_start, FALSE);
  g_clear_pointer (&ctx->scratch_tokens, g_array_unref);

  ctx->story_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  find_anchor (ctx);
  find_story_places (ctx);
  for (guint k = 0; k < ctx->items->len; k++)
    find_background (ctx, g_ptr_array_index (ctx->items, k));

  /* a story is big by its claims that repeat none */
  if (ctx->items->len > BIG_STORY_CLAIMS)
    _crb_align_find_twins (ctx);
  ctx->big = ctx->items->len - ctx->n_twins > BIG_STORY_CLAIMS;

  /* inverse frequencies, over the claims that repeat none, and norms;
   * in the same pass over the items, their briefs and their words in one
   * array: what follows reads those, not the items */
  n = ctx->items->len;
  ctx->df = g_array_new (FALSE, TRUE, sizeof (guint));
  g_array_set_size (ctx->df, ctx->words->len);
  ctx->idf = g_array_new (FALSE, TRUE, sizeof (double));
  g_array_set_size (ctx->idf, ctx->words->len);
  ctx->briefs = g_new0 (Brief, MAX (n, 1));
  {
    GArray *entities = g_array_sized_new (FALSE, FALSE, sizeof (BriefName), 1);

    for (guint k = 0; k < n; k++)
      {
        set_brief (ctx, k, g_ptr_array_index (ctx->items, k), entities);
        if (ctx->twin != NULL && ctx->twin[k] != k)
          continue;
        for (guint t = ctx->tok_start[k]; t < ctx->tok_start[k + 1]; t++)
          g_array_index (ctx->df, guint, ctx->tok[t])++;
      }
    ctx->entity_ids = (BriefName *) g_array_free (entities, FALSE);
  }
  ctx->is_key = g_new (guint8, MAX (ctx->words->len, 1));
  for (guint w = 0; w < ctx->words->len; w++)
    ctx->is_key[w] = IS_KEY ((const char *) g_ptr_array_index (ctx->words, w));
  for (guint w = 0; w < ctx->words->len; w++)
    g_array_index (ctx->idf, double, w) = log (1.0 + (double) (ctx->items->len - ctx->n_twins) /
                                               g_array_index (ctx->df, guint, w));
  ctx->norms = g_new (double, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    {
      double sum = 0;

      for (guint t = ctx->tok_start[k]; t < ctx->tok_start[k + 1]; t++)
        {
          guint id = ctx->tok[t];
          double w = g_array_index (ctx->idf, double, id);

          if (!ctx->is_key[id])
            sum += w * w;
        }
      ctx->norms[k] = sqrt (sum);
    }
}
