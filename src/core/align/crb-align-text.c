/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align-text.c: the words alignment compares.  Text is split into
 * lower-cased words; stop words and reporting verbs are marked, common news
 * synonyms share one key ("killed", "dead", "died" → "=kill") and other
 * words are reduced by a light English stemmer ("detained" → "detain"). */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align-private.h"

#include <string.h>

typedef struct
{
  const char *word;
  const char *key;
  guint       cls;
} Entry;

/* Synonym classes first: the key is what words of one class share. */
static const Entry synonyms[] = {
  { "killed", "=kill", 0 }, { "kill", "=kill", 0 }, { "kills", "=kill", 0 },
  { "killing", "=kill", 0 }, { "dead", "=kill", 0 }, { "died", "=kill", 0 },
  { "die", "=kill", 0 }, { "dies", "=kill", 0 }, { "death", "=kill", 0 },
  { "deaths", "=kill", 0 }, { "deadly", "=kill", 0 }, { "fatalities", "=kill", 0 },
  { "fatality", "=kill", 0 }, { "toll", "=kill", 0 }, { "perished", "=kill", 0 },
  { "slain", "=kill", 0 }, { "lives", "=kill", 0 }, { "bodies", "=kill", 0 },
  { "injured", "=injure", 0 }, { "injuring", "=injure", 0 }, { "injuries", "=injure", 0 },
  { "injury", "=injure", 0 }, { "wounded", "=injure", 0 }, { "wounding", "=injure", 0 },
  { "hurt", "=injure", 0 }, { "hospitalised", "=injure", 0 }, { "hospitalized", "=injure", 0 },
  { "arrested", "=detain", 0 }, { "arrest", "=detain", 0 }, { "arrests", "=detain", 0 },
  { "detained", "=detain", 0 }, { "detain", "=detain", 0 }, { "detention", "=detain", 0 },
  { "custody", "=detain", 0 }, { "apprehended", "=detain", 0 }, { "captured", "=detain", 0 },
  { "missing", "=missing", 0 }, { "unaccounted", "=missing", 0 },
  { "attack", "=attack", 0 }, { "attacks", "=attack", 0 }, { "attacked", "=attack", 0 },
  { "assault", "=attack", 0 }, { "assaults", "=attack", 0 }, { "massacre", "=attack", 0 },
  { "shooting", "=attack", 0 }, { "bombing", "=attack", 0 }, { "stormed", "=attack", 0 },
  { "gunmen", "=attacker", 0 }, { "gunman", "=attacker", 0 }, { "attackers", "=attacker", 0 },
  { "attacker", "=attacker", 0 }, { "assailants", "=attacker", 0 }, { "assailant", "=attacker", 0 },
  { "perpetrators", "=attacker", 0 }, { "perpetrator", "=attacker", 0 }, { "shooter", "=attacker", 0 },
  { "shooters", "=attacker", 0 }, { "terrorists", "=attacker", 0 },
  { "involved", "=involve", 0 }, { "involvement", "=involve", 0 }, { "implicated", "=involve", 0 },
  { "complicit", "=involve", 0 }, { "complicity", "=involve", 0 },
  { "blamed", "=involve", CRB_ALIGN_WORD_ACCUSE }, { "blame", "=involve", CRB_ALIGN_WORD_ACCUSE },
  { "blames", "=involve", CRB_ALIGN_WORD_ACCUSE }, { "blaming", "=involve", CRB_ALIGN_WORD_ACCUSE },
  { "link", "=involve", CRB_ALIGN_WORD_ACCUSE }, { "linked", "=involve", CRB_ALIGN_WORD_ACCUSE },
  { "linking", "=involve", CRB_ALIGN_WORD_ACCUSE },
  { "accused", "=accuse", CRB_ALIGN_WORD_ACCUSE }, { "accuse", "=accuse", CRB_ALIGN_WORD_ACCUSE },
  { "accuses", "=accuse", CRB_ALIGN_WORD_ACCUSE }, { "accusing", "=accuse", CRB_ALIGN_WORD_ACCUSE },
  { "accusation", "=accuse", 0 }, { "accusations", "=accuse", 0 },
  { "won", "=win", 0 }, { "wins", "=win", 0 }, { "win", "=win", 0 }, { "victory", "=win", 0 },
  { "winner", "=win", 0 }, { "beat", "=win", 0 }, { "defeated", "=win", 0 },
  { "election", "=vote", 0 }, { "elections", "=vote", 0 }, { "vote", "=vote", 0 },
  { "votes", "=vote", 0 }, { "voted", "=vote", 0 }, { "ballot", "=vote", 0 }, { "ballots", "=vote", 0 },
  { "elected", "=vote", 0 }, { "poll", "=vote", 0 }, { "polls", "=vote", 0 },
  { "convicted", "=guilty", 0 }, { "guilty", "=guilty", 0 }, { "conviction", "=guilty", 0 },
  { "acquitted", "=acquit", 0 }, { "acquittal", "=acquit", 0 },
  { "sentenced", "=sentence", 0 }, { "sentence", "=sentence", 0 }, { "jailed", "=sentence", 0 },
  { "prison", "=sentence", 0 }, { "imprisonment", "=sentence", 0 },
  { "revenue", "=revenue", 0 }, { "revenues", "=revenue", 0 }, { "sales", "=revenue", 0 },
  { "turnover", "=revenue", 0 },
  { "profit", "=profit", 0 }, { "profits", "=profit", 0 }, { "earnings", "=profit", 0 },
  { "jobs", "=job", 0 }, { "job", "=job", 0 }, { "employees", "=job", 0 }, { "workers", "=job", 0 },
  { "staff", "=job", 0 }, { "positions", "=job", 0 }, { "employee", "=job", 0 },
  { "cut", "=cut", 0 }, { "cuts", "=cut", 0 }, { "cutting", "=cut", 0 }, { "slash", "=cut", 0 },
  { "layoffs", "=cut", 0 }, { "laying", "=cut", 0 }, { "laid", "=cut", 0 }, { "redundancies", "=cut", 0 },
  { "evacuated", "=evacuate", 0 }, { "evacuation", "=evacuate", 0 }, { "evacuate", "=evacuate", 0 },
  { "fled", "=flee", 0 }, { "flee", "=flee", 0 }, { "fleeing", "=flee", 0 },
  { "quake", "=quake", 0 }, { "earthquake", "=quake", 0 }, { "tremor", "=quake", 0 },
  { "blaze", "=fire", 0 }, { "fire", "=fire", 0 }, { "fires", "=fire", 0 }, { "ablaze", "=fire", 0 },
  { "goal", "=goal", 0 }, { "goals", "=goal", 0 }, { "scored", "=goal", 0 },
  { "striker", "=striker", 0 }, { "forward", "=striker", 0 },
  { "warned", "=warn", 0 }, { "warning", "=warn", 0 }, { "warnings", "=warn", 0 }, { "warn", "=warn", 0 },
  { "coordinated", "=coordinate", 0 }, { "organised", "=coordinate", 0 }, { "organized", "=coordinate", 0 },
  { "planned", "=coordinate", 0 }, { "orchestrated", "=coordinate", 0 },
  { "responsibility", "=responsibility", 0 }, { "accountability", "=responsibility", 0 },
  { "credit", "=responsibility", 0 }, { "responsible", "=responsibility", 0 },
  { "suspects", "=suspect", 0 }, { "suspect", "=suspect", 0 },
};

static const char * const stop_words[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
  "are", "as", "at", "be", "because", "been", "before", "being", "below", "between", "both",
  "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during", "each", "few",
  "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
  "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is", "it", "its",
  "itself", "just", "least", "less", "me", "more", "most", "my", "myself", "of", "off", "on",
  "once", "only", "or", "other", "others", "our", "ours", "out", "over", "own", "same", "she",
  "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them",
  "themselves", "then", "there", "these", "they", "this", "those", "through", "to", "too",
  "under", "until", "up", "very", "was", "we", "were", "what", "when", "where", "which",
  "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "s", "t",
  "people", "person", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
  "ten", "dozen", "dozens", "hundreds", "thousands", "million", "billion", "percent",
  "per", "cent", "may", "might", "must", "shall", "yet", "still", "however", "though",
  "although", "already", "around", "nearly", "almost", "approximately", "roughly", "among",
  "within", "across", "near", "since", "via", "mr", "mrs", "ms", "dr", "according",
  "reportedly", "including", "include", "includes", "day", "week", "friday", "monday",
  "tuesday", "wednesday", "thursday", "saturday", "sunday", "january", "february", "march",
  "april", "june", "july", "august", "september", "october", "november", "december",
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "said", "says", "say", "saying", "told", "tell", "tells", "stated", "state", "states",
  "reported", "report", "reports", "added", "adding", "announced", "claimed", "claims", "claim",
  "claiming", "confirmed", "confirm", "noted", "quoted", "statement", "statements", "spokesman",
  "spokeswoman", "spokesperson", "officials", "official", "authorities", "media", "news",
  "agency", "sources", "source", "new", "first", "last", "later", "now", "time", "times",
  "many", "much", "several", "well", "get", "got", "made", "make", "took", "take", "came",
  "come", "went", "go", "instead", "whether", "able", "like", "number", "total",
  /* manner and sentence adverbs: rare, so heavy by inverse frequency, but
   * they say how, not what */
  "repeatedly", "strongly", "additionally", "meanwhile", "currently", "recently", "initially",
  "allegedly", "apparently", "publicly", "privately", "directly",
  "specifically", "briefly", "firmly", "flatly", "categorically", "vehemently", "clearly",
  "certainly", "really", "actually", "indeed", "furthermore", "moreover",
  "soon", "shortly", "finally", "eventually", "immediately", "quickly", "widely",
  "fully", "largely", "mostly", "mainly", "particularly", "especially", "simply", "merely",
  "even", "ever", "often", "sometimes", "usually", "multiple",
};

static const char * const negations[] = {
  "not", "no", "never", "nobody", "none", "nothing", "neither", "nor", "without", "deny",
  "denies", "denied", "denying", "denial", "reject", "rejects", "rejected", "rejecting",
  "dismiss", "dismisses", "dismissed", "refute", "refutes", "refuted", "false", "falsely",
  "untrue", "baseless", "unfounded", "discard", "discarded", "exclude", "excluded",
};

static const char * const past_markers[] = {
  "previous", "previously", "earlier", "ago", "anniversary", "formerly", "past", "last", "prior",
};

/* Places where an event happens; two reports of one event naming
 * different ones contradict each other. */
static const char * const venues[] = {
  "mosque", "church", "synagogue", "temple", "cathedral", "concert", "theatre", "theater",
  "stadium", "arena", "school", "university", "hospital", "market", "mall", "supermarket",
  "hotel", "restaurant", "cafe", "nightclub", "station", "airport", "embassy", "factory",
  "mine", "bridge", "tunnel", "parliament", "courthouse", "office", "museum", "port",
  "harbour", "harbor", "refinery", "warehouse", "plant", "prison", "barracks", "base",
};

/* Countries news names most, by their names and demonyms: "Ukrainian"
 * and "Ukraine" are one actor.  Ambiguous words ("Polish", "Georgia",
 * "Jordan", "Chad", "Indian") are left out. */
static const char * const countries[][2] = {
  { "afghanistan", "afghanistan" }, { "afghan", "afghanistan" },
  { "algeria", "algeria" }, { "algerian", "algeria" },
  { "argentina", "argentina" }, { "argentine", "argentina" }, { "argentinian", "argentina" },
  { "armenia", "armenia" }, { "armenian", "armenia" },
  { "australia", "australia" }, { "australian", "australia" },
  { "austria", "austria" }, { "austrian", "austria" },
  { "azerbaijan", "azerbaijan" }, { "azerbaijani", "azerbaijan" },
  { "bangladesh", "bangladesh" }, { "bangladeshi", "bangladesh" },
  { "belarus", "belarus" }, { "belarusian", "belarus" },
  { "belgium", "belgium" }, { "belgian", "belgium" },
  { "brazil", "brazil" }, { "brazilian", "brazil" },
  { "canada", "canada" }, { "canadian", "canada" },
  { "chile", "chile" }, { "chilean", "chile" },
  { "china", "china" }, { "chinese", "china" },
  { "colombia", "colombia" }, { "colombian", "colombia" },
  { "cuba", "cuba" }, { "cuban", "cuba" },
  { "denmark", "denmark" }, { "danish", "denmark" },
  { "egypt", "egypt" }, { "egyptian", "egypt" },
  { "ethiopia", "ethiopia" }, { "ethiopian", "ethiopia" },
  { "finland", "finland" }, { "finnish", "finland" },
  { "france", "france" }, { "french", "france" },
  { "germany", "germany" }, { "german", "germany" },
  { "greece", "greece" }, { "greek", "greece" },
  { "hungary", "hungary" }, { "hungarian", "hungary" },
  { "india", "india" },
  { "indonesia", "indonesia" }, { "indonesian", "indonesia" },
  { "iran", "iran" }, { "iranian", "iran" },
  { "iraq", "iraq" }, { "iraqi", "iraq" },
  { "ireland", "ireland" }, { "irish", "ireland" },
  { "israel", "israel" }, { "israeli", "israel" },
  { "italy", "italy" }, { "italian", "italy" },
  { "japan", "japan" }, { "japanese", "japan" },
  { "kazakhstan", "kazakhstan" }, { "kazakh", "kazakhstan" },
  { "kenya", "kenya" }, { "kenyan", "kenya" },
  { "lebanon", "lebanon" }, { "lebanese", "lebanon" },
  { "libya", "libya" }, { "libyan", "libya" },
  { "mexico", "mexico" }, { "mexican", "mexico" },
  { "morocco", "morocco" }, { "moroccan", "morocco" },
  { "netherlands", "netherlands" }, { "dutch", "netherlands" },
  { "nigeria", "nigeria" }, { "nigerian", "nigeria" },
  { "norway", "norway" }, { "norwegian", "norway" },
  { "pakistan", "pakistan" }, { "pakistani", "pakistan" },
  { "palestine", "palestine" }, { "palestinian", "palestine" },
  { "philippines", "philippines" }, { "filipino", "philippines" },
  { "poland", "poland" },
  { "portugal", "portugal" }, { "portuguese", "portugal" },
  { "qatar", "qatar" }, { "qatari", "qatar" },
  { "romania", "romania" }, { "romanian", "romania" },
  { "russia", "russia" }, { "russian", "russia" },
  { "saudi", "saudi arabia" },
  { "serbia", "serbia" }, { "serbian", "serbia" },
  { "somalia", "somalia" }, { "somali", "somalia" },
  { "spain", "spain" }, { "spanish", "spain" },
  { "sudan", "sudan" }, { "sudanese", "sudan" },
  { "sweden", "sweden" }, { "swedish", "sweden" },
  { "switzerland", "switzerland" }, { "swiss", "switzerland" },
  { "syria", "syria" }, { "syrian", "syria" },
  { "taiwan", "taiwan" }, { "taiwanese", "taiwan" },
  { "tajikistan", "tajikistan" }, { "tajik", "tajikistan" },
  { "turkey", "turkey" }, { "turkish", "turkey" }, { "türkiye", "turkey" }, { "turkiye", "turkey" },
  { "ukraine", "ukraine" }, { "ukrainian", "ukraine" },
  { "uzbekistan", "uzbekistan" }, { "uzbek", "uzbekistan" },
  { "venezuela", "venezuela" }, { "venezuelan", "venezuela" },
  { "vietnam", "vietnam" }, { "vietnamese", "vietnam" },
  { "yemen", "yemen" }, { "yemeni", "yemen" },
  { "american", "united states" }, { "america", "united states" },
  { "british", "united kingdom" }, { "britain", "united kingdom" },
};

/* Capitals and seats of government, which news uses for their
 * governments ("Moscow blamed Kyiv").  They stay places as names; only
 * who does what reads them as countries. */
static const char * const seats[][2] = {
  { "kyiv", "ukraine" }, { "kiev", "ukraine" }, { "moscow", "russia" }, { "kremlin", "russia" },
  { "washington", "united states" }, { "white house", "united states" },
  { "pentagon", "united states" }, { "beijing", "china" }, { "london", "united kingdom" },
  { "downing street", "united kingdom" }, { "whitehall", "united kingdom" },
  { "paris", "france" }, { "élysée", "france" }, { "elysee", "france" }, { "berlin", "germany" },
  { "tehran", "iran" }, { "jerusalem", "israel" }, { "ankara", "turkey" },
  { "damascus", "syria" }, { "baghdad", "iraq" }, { "kabul", "afghanistan" },
  { "islamabad", "pakistan" }, { "new delhi", "india" }, { "tokyo", "japan" },
  { "pyongyang", "north korea" }, { "seoul", "south korea" }, { "riyadh", "saudi arabia" },
  { "cairo", "egypt" }, { "minsk", "belarus" }, { "warsaw", "poland" }, { "rome", "italy" },
  { "madrid", "spain" }, { "ottawa", "canada" }, { "canberra", "australia" },
  { "taipei", "taiwan" }, { "caracas", "venezuela" }, { "havana", "cuba" },
  { "beirut", "lebanon" }, { "doha", "qatar" }, { "khartoum", "sudan" },
  { "baku", "azerbaijan" }, { "yerevan", "armenia" },
};

/* Names that news writes several ways. */
static const char * const aliases[][2] = {
  { "isis", "islamic state" }, { "isil", "islamic state" }, { "is", "islamic state" },
  { "daesh", "islamic state" }, { "islamic state group", "islamic state" },
  { "is-k", "islamic state khorasan" }, { "iskp", "islamic state khorasan" },
  { "isis-k", "islamic state khorasan" }, { "daesh-k", "islamic state khorasan" },
  { "khorasan province", "islamic state khorasan" }, { "wilayat khorasan", "islamic state khorasan" },
  { "islamic state khorasan province", "islamic state khorasan" },
  { "daesh khorasan province", "islamic state khorasan" },
  { "us", "united states" }, { "u.s.", "united states" }, { "usa", "united states" },
  { "u.s.a.", "united states" }, { "america", "united states" },
  { "uk", "united kingdom" }, { "u.k.", "united kingdom" }, { "britain", "united kingdom" },
  { "great britain", "united kingdom" }, { "un", "united nations" }, { "u.n.", "united nations" },
  { "eu", "european union" }, { "türkiye", "turkey" }, { "turkiye", "turkey" },
  { "russian federation", "russia" }, { "kiev", "kyiv" }, { "fsb", "federal security service" },
  { "dprk", "north korea" }, { "prc", "china" }, { "people's republic of china", "china" },
  { "islamic state of iraq and the levant", "islamic state" },
  { "islamic state of iraq and syria", "islamic state" },
  { "united states of america", "united states" }, { "united kingdom of great britain", "united kingdom" },
};

static GHashTable *table;
static GHashTable *country_table;  /* form → country, normalised */
static GHashTable *seat_table;     /* seat → country, normalised */
static GHashTable *alias_table;    /* name → the name it is an alias of */

static void
ensure_table (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      GHashTable *t = g_hash_table_new (g_str_hash, g_str_equal);

      /* value: Entry *, owned by the static arrays or leaked once */
      for (guint i = 0; i < G_N_ELEMENTS (synonyms); i++)
        g_hash_table_insert (t, (gpointer) synonyms[i].word, (gpointer) &synonyms[i]);

#define ADD_CLASS(list, c)                                              \
      for (guint i = 0; i < G_N_ELEMENTS (list); i++)                   \
        {                                                               \
          Entry *e = g_hash_table_lookup (t, list[i]);                  \
          Entry *n = g_new0 (Entry, 1);                                 \
          n->word = list[i];                                            \
          n->key = e ? e->key : NULL;                                   \
          n->cls = (e ? e->cls : 0) | (c);                              \
          g_hash_table_insert (t, (gpointer) list[i], n);               \
        }
      ADD_CLASS (stop_words, CRB_ALIGN_WORD_STOP);
      ADD_CLASS (negations, CRB_ALIGN_WORD_NEGATION | CRB_ALIGN_WORD_STOP);
      ADD_CLASS (past_markers, CRB_ALIGN_WORD_PAST);
      ADD_CLASS (venues, CRB_ALIGN_WORD_VENUE);
#undef ADD_CLASS

      country_table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
        g_hash_table_insert (country_table, (gpointer) countries[i][0], (gpointer) countries[i][1]);
      alias_table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
        g_hash_table_insert (alias_table, (gpointer) aliases[i][0], (gpointer) aliases[i][1]);
      seat_table = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < G_N_ELEMENTS (seats); i++)
        g_hash_table_insert (seat_table, (gpointer) seats[i][0], (gpointer) seats[i][1]);

      table = t;
      g_once_init_leave (&done, 1);
    }
}

static gboolean
is_vowel (char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

/* A light English stemmer: enough to make "arrested", "arrests" and
 * "arresting" meet, without a dictionary.  Non-ASCII words are kept. */
static char *
stem (const char *w)
{
  gsize n = strlen (w);
  char *s;

  for (gsize i = 0; i < n; i++)
    if ((guchar) w[i] >= 0x80)
      return g_strdup (w);

  s = g_strdup (w);
  if (n > 4 && g_str_has_suffix (s, "ies"))
    {
      s[n - 3] = 'y';
      s[n - 2] = '\0';
      n -= 2;
    }
  else if (n > 4 && g_str_has_suffix (s, "sses"))
    {
      s[n - 2] = '\0';
      n -= 2;
    }
  else if (n > 3 && s[n - 1] == 's' && s[n - 2] != 's' && s[n - 2] != 'u' && s[n - 2] != 'i')
    s[--n] = '\0';

  /* demonyms meet their countries: "ukrainian", "ukraine" → "ukrain" */
  if (n > 5 && g_str_has_suffix (s, "ian"))
    s[n -= 3] = '\0';
  else if (n > 5 && g_str_has_suffix (s, "ia"))
    s[n -= 2] = '\0';
  else if (n > 7 && g_str_has_suffix (s, "ment"))
    s[n -= 4] = '\0';
  else if (n > 6 && (g_str_has_suffix (s, "tion") || g_str_has_suffix (s, "sion")))
    s[n -= 3] = '\0';
  else if (n > 5 && g_str_has_suffix (s, "ing"))
    s[n -= 3] = '\0';
  else if (n > 4 && g_str_has_suffix (s, "ed"))
    s[n -= 2] = '\0';
  else if (n > 5 && g_str_has_suffix (s, "ly"))
    s[n -= 2] = '\0';

  /* "stopp" → "stop", "involve" → "involv" */
  if (n > 3 && s[n - 1] == s[n - 2] && !is_vowel (s[n - 1]) && s[n - 1] != 'l' && s[n - 1] != 's')
    s[--n] = '\0';
  if (n > 4 && s[n - 1] == 'e')
    s[--n] = '\0';

  return s;
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* The key and class of one lower-cased word, computed once per story. */
static const CrbAlignWord *
lookup_word (GHashTable *cache,
             const char *raw)
{
  CrbAlignWord *word = g_hash_table_lookup (cache, raw);
  const Entry *e;

  if (word != NULL)
    return word;

  word = g_new0 (CrbAlignWord, 1);
  e = g_hash_table_lookup (table, raw);
  if (e != NULL)
    {
      word->cls = e->cls;
      /* other listed words are stemmed like the rest; venues kept as written */
      if (e->key == NULL && !(e->cls & (CRB_ALIGN_WORD_STOP | CRB_ALIGN_WORD_VENUE)))
        word->key = stem (raw);
      else
        word->key = g_strdup (e->key ? e->key : raw);
    }
  else
    {
      g_autofree char *s = stem (raw);
      const Entry *se = g_hash_table_lookup (table, s);

      /* plural venues, and plurals of stop words */
      if (se != NULL && !(se->cls & CRB_ALIGN_WORD_NEGATION))
        {
          word->key = g_strdup (se->key ? se->key : s);
          word->cls = se->cls;
        }
      else
        word->key = g_steal_pointer (&s);
    }
  /* words that tell who did it: see find_frame () in crb-align-items.c */
  if (word->key[0] == '=' ?
      strcmp (word->key, "=involve") == 0 || strcmp (word->key, "=accuse") == 0 ||
      strcmp (word->key, "=responsibility") == 0 ||
      /* not "planned": extremists plan, and so do cities */
      (strcmp (word->key, "=coordinate") == 0 && strcmp (raw, "planned") != 0) :
      strcmp (word->key, "behind") == 0 || strcmp (word->key, "role") == 0 ||
      strcmp (word->key, "perpetrat") == 0 || strcmp (word->key, "carri") == 0)
    word->cls |= CRB_ALIGN_WORD_FRAME;
  if (strcmp (raw, "which") == 0 || strcmp (raw, "who") == 0 || strcmp (raw, "whose") == 0)
    word->cls |= CRB_ALIGN_WORD_RELATIVE;
  /* see make_item () in crb-align-items.c */
  if (strcmp (word->key, "group") == 0 || strcmp (word->key, "militant") == 0)
    word->cls |= CRB_ALIGN_WORD_GROUP;
  word->country = g_hash_table_lookup (country_table, raw);
  if (word->country == NULL && g_str_has_suffix (raw, "s"))
    {
      /* "Ukrainians", "Russians" */
      g_autofree char *one = g_strndup (raw, strlen (raw) - 1);

      word->country = g_hash_table_lookup (country_table, one);
    }
  word->seat = g_hash_table_lookup (seat_table, raw);
  g_hash_table_insert (cache, g_strdup (raw), word);
  return word;
}

static void
free_word (gpointer data)
{
  CrbAlignWord *word = data;

  g_free (word->key);
  g_free (word);
}

GHashTable *
_crb_align_word_cache_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, free_word);
}

/* Keeps @raw, of @len bytes, as the word before the next one: cut to
 * @size like g_strlcpy () would, without measuring it again. */
static void
keep_word (char       *prev,
           gsize       size,
           const char *raw,
           gsize       len)
{
  len = MIN (len, size - 1);
  memcpy (prev, raw, len);
  prev[len] = '\0';
}

void
_crb_align_words (const char *text,
                  GArray     *out,
                  GHashTable *cache)
{
  static const CrbAlignWord negation = { (char *) "not", CRB_ALIGN_WORD_NEGATION | CRB_ALIGN_WORD_STOP, NULL, NULL };
  const char *p = text;
  char prev_raw[64] = "";

  ensure_table ();
  while (*p)
    {
      const char *start;
      char buf[64];
      g_autofree char *heap = NULL;
      const char *raw;
      gsize raw_len;
      gboolean digit, ascii = TRUE;
      const CrbAlignWord *word;
      gsize len;

      gboolean clause = FALSE;
      CrbAlignWord copy;

      while (*p && !((guchar) *p < 0x80 ? g_ascii_isalnum (*p) : is_word_char (g_utf8_get_char (p))))
        {
          /* , ; : ( . ! ? and dashes end what a negation bears on */
          clause |= strchr (",;:(.!?", *p) != NULL || g_utf8_get_char (p) == 0x2013 ||
                    g_utf8_get_char (p) == 0x2014;
          p = g_utf8_next_char (p);
        }
      if (!*p)
        break;
      start = p;
      digit = g_ascii_isdigit (*p);
      while (*p && ((guchar) *p < 0x80 ? g_ascii_isalnum (*p) : is_word_char (g_utf8_get_char (p))))
        {
          ascii &= (guchar) *p < 0x80;
          p = g_utf8_next_char (p);
        }
      len = p - start;

      if (ascii && len < sizeof buf)
        {
          /* g_ascii_tolower (), without a call per letter */
          for (gsize k = 0; k < len; k++)
            buf[k] = start[k] >= 'A' && start[k] <= 'Z' ? start[k] - 'A' + 'a' : start[k];
          buf[len] = '\0';
          raw = buf;
          raw_len = len;
        }
      else
        {
          raw = heap = g_utf8_strdown (start, len);
          raw_len = strlen (raw);
        }

      /* "didn't", "wasn’t": the apostrophe splits off a "t" */
      if (strcmp (raw, "t") == 0 && g_str_has_suffix (prev_raw, "n") &&
          (start[-1] == '\'' || (start >= text + 3 && (guchar) start[-1] == 0x99)))
        {
          g_array_append_val (out, negation);
          continue;
        }
      /* "ruled out" denies as much as "denied" */
      if (strcmp (raw, "out") == 0 &&
          (strcmp (prev_raw, "rule") == 0 || strcmp (prev_raw, "ruled") == 0 ||
           strcmp (prev_raw, "rules") == 0 || strcmp (prev_raw, "ruling") == 0))
        {
          g_array_append_val (out, negation);
          keep_word (prev_raw, sizeof prev_raw, raw, raw_len);
          continue;
        }
      /* "was not concerned in the plot": involved (and "concerned on",
       * as text run through an article spinner writes "involved in") */
      if ((strcmp (raw, "in") == 0 || strcmp (raw, "on") == 0) &&
          strcmp (prev_raw, "concerned") == 0 && out->len > 0)
        {
          CrbAlignWord *last = &g_array_index (out, CrbAlignWord, out->len - 1);
          guint clause_cls = last->cls & CRB_ALIGN_WORD_CLAUSE;

          *last = *lookup_word (cache, "involved");
          last->cls |= clause_cls;
        }
      keep_word (prev_raw, sizeof prev_raw, raw, raw_len);

      if (digit || (ascii ? len < 2 : g_utf8_strlen (raw, -1) < 2))
        continue;

      word = lookup_word (cache, raw);
      copy = *word;
      if (clause)
        copy.cls |= CRB_ALIGN_WORD_CLAUSE;
      g_array_append_val (out, copy);
    }
}

void
_crb_align_words_clear (GArray *words)
{
  /* the keys belong to the cache */
  g_array_set_size (words, 0);
}

char *
_crb_align_normalize_name (const char *name)
{
  g_autofree char *low = g_utf8_strdown (name, -1);
  char *s = g_strstrip (low);
  const char *country, *alias;

  if (g_str_has_prefix (s, "the "))
    s += 4;
  if (g_str_has_suffix (s, "’s") || g_str_has_suffix (s, "'s"))
    *(g_utf8_prev_char (s + strlen (s) - 1)) = '\0';
  ensure_table ();
  alias = g_hash_table_lookup (alias_table, s);
  if (alias != NULL)
    return g_strdup (alias);
  /* "Ukrainian" names Ukraine */
  country = g_hash_table_lookup (country_table, s);
  return g_strdup (country != NULL ? country : s);
}

/* The country a capital or seat of government stands for, as a
 * normalised name ("kremlin" → "russia"), or %NULL. */
const char *
_crb_align_seat_country (const char *name)
{
  ensure_table ();
  return g_hash_table_lookup (seat_table, name);
}

const char *
_crb_align_unit_label (const char *category)
{
  static const char * const labels[][2] = {
    { "killed", "deaths" }, { "injured", "injured" }, { "detained", "arrests" },
    { "missing", "missing" }, { "percent", "percentage" }, { "money", "amount" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (strcmp (category, labels[i][0]) == 0)
      return labels[i][1];
  return category;
}
