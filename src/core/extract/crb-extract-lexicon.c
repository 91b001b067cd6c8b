/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-lexicon.c: the small word lists the rules use.  Every word maps
 * to a bit set of classes; one hash look-up per token gives all of them. */
#define G_LOG_DOMAIN "crb-extract"

#include "crb-extract-lexicon.h"

#include <string.h>

typedef struct
{
  guint32 cls;
  const char *const *words;
} WordList;

static const char *const attr_words[] = {
  "said", "says", "say", "saying", "told", "tells", "claimed", "claims",
  "claiming", "denied", "denies", "denying", "accused", "accuses", "accusing",
  "stated", "added", "adding", "reported", "reports", "announced",
  "announces", "confirmed", "confirms", "according", "insisted", "insists",
  "warned", "warns", "alleged", "alleges", "noted", "explained", "declared",
  "wrote", "writes", "testified", "admitted", "admits", "acknowledged",
  "asserted", "argued", "argues", "maintained", "quoted", "dismissed",
  "rejected", "estimated", "revealed", "disclosed", "suggested", "stressed",
  "emphasised", "emphasized", "indicated", "tweeted", "posted", "blamed",
  "stated", "cited", "informed", "briefed", "commented", "replied",
  "responded", "conceded", "contended", "countered", "confessed", "asked",
  "instructed", "reiterated", "recalled", "underlined", "urged", NULL
};

static const char *const event_words[] = {
  "killed", "kill", "kills", "killing", "died", "dead", "injured", "wounded",
  "arrested", "detained", "attacked", "stormed", "launched", "fired",
  "exploded", "crashed", "elected", "signed", "passed", "approved", "voted",
  "resigned", "seized", "captured", "fled", "collapsed", "struck", "destroyed",
  "burned", "burnt", "opened", "sentenced", "convicted", "charged", "won",
  "lost", "rose", "fell", "increased", "decreased", "dropped", "carried",
  "broke", "set", "raided", "shot", "bombed", "invaded", "evacuated",
  "deployed", "banned", "imposed", "lifted", "released", "freed", "hired",
  "fired", "dismissed", "closed", "shut", "cancelled", "canceled", "postponed",
  "suspended", "expelled", "deported", "sanctioned", "acquired", "bought",
  "sold", "paid", "spent", "raised", "cut", "entered", "left", "arrived",
  "visited", "met", "coordinated", "planned", "targeted", "detonated",
  "erupted", "flooded", "hit", "claimed", "injuring", "wounding", "murdered",
  "stabbed", "kidnapped", "abducted", "hijacked", "surrendered", "died",
  "checked", "travelled", "traveled", "recorded", "registered", "filed",
  "sued", "ruled", "overturned", "acquitted", "jailed", "fined", "grew",
  "shrank", "doubled", "tripled", "halved", "surged", "plunged", "soared",
  "slumped", "declined", "merged", "founded", "built", "completed",
  "established", "introduced", "unveiled", "published", "issued", "cracked",
  "clashed", "protested", "marched", "gathered", "crashed", "drowned",
  "collided", "derailed", "sank", "erupted", "spread", "tested", "confiscated",
  "smuggled", "stole", "robbed", "assaulted", "raped", "tortured", "executed",
  "shelled", "bombarded", "intercepted", "downed", "shot", "launched",
  "admitted", "pleaded", "appealed", "testified", "ordered", "awarded",
  "allocated", "borrowed", "lent", "owed", "earned", "lost", "gained",
  "reached", "exceeded", "topped", "enrolled", "vaccinated", "treated",
  "infected", "diagnosed", "recovered", "employed", "employs", "laid", NULL
};

static const char *const kill_words[] = {
  "killed", "killing", "kill", "dead", "died", "die", "deaths", "death",
  "fatalities", "lives", "bodies", "murdered", "perished", NULL
};

static const char *const injure_words[] = {
  "injured", "injuring", "wounded", "wounding", "hurt", "injuries", "injury",
  "hospitalised", "hospitalized", NULL
};

static const char *const detain_words[] = {
  "arrested", "detained", "arresting", "detaining", "arrests", "detentions",
  "captured", "apprehended", "jailed", NULL
};

static const char *const missing_words[] = {
  "missing", "displaced", "evacuated", "homeless", "stranded", NULL
};

static const char *const month_words[] = {
  "january", "february", "march", "april", "may", "june", "july", "august",
  "september", "october", "november", "december", "jan", "feb", "mar", "apr",
  "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL
};

static const char *const weekday_words[] = {
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  NULL
};

static const char *const title_words[] = {
  "president", "mr", "mrs", "ms", "dr", "gen", "sen", "minister", "mayor",
  "chief", "spokesperson", "spokesman", "spokeswoman", "governor", "senator",
  "king", "queen", "pope", "general", "colonel", "captain", "judge",
  "director", "ceo", "chairman", "chairwoman", "chair", "secretary",
  "ambassador", "commander", "head", "leader", "professor", "prof", "rep",
  "gov", "lt", "sgt", "prince", "princess", "sheikh", "patriarch",
  "archbishop", "bishop", "premier", "chancellor", "lord", "lady", "sir",
  "dame", "detective", "inspector", "superintendent", "sheriff", "officer",
  "adviser", "advisor", "aide", "envoy", "deputy", "vice", "speaker",
  "congressman", "congresswoman", "councillor", "councilor", "founder",
  "economist", "analyst", "coach", "manager", "actor", "singer", "author",
  "lawyer", "attorney", "prosecutor", "capt", "col", "maj", "cpl", "pte",
  "father", "rabbi", "imam", "emir", "sultan", "mufti", "ayatollah",
  "spokesperson", "mp", "mep", "dep", "pres", NULL
};

static const char *const org_cues[] = {
  "ministry", "agency", "service", "committee", "council", "group", "company",
  "corporation", "corp", "inc", "ltd", "llc", "plc", "party", "army", "police",
  "court", "university", "bank", "news", "times", "post", "department",
  "office", "commission", "union", "organisation", "organization", "institute",
  "foundation", "association", "guard", "forces", "network", "tv", "radio",
  "channel", "press", "brigade", "front", "movement", "hospital", "school",
  "parliament", "senate", "congress", "assembly", "authority", "board",
  "bureau", "club", "fund", "trust", "federation", "league", "alliance",
  "coalition", "airlines", "airways", "telegraph", "guardian", "journal",
  "herald", "tribune", "gazette", "daily", "weekly", "novosti", "tass",
  "reuters", "afp", "bbc", "cnn", "nato", "fsb", "cia", "fbi", "isis", "isil",
  "daesh", "hamas", "hezbollah", "taliban", "kremlin", "pentagon", "government",
  "administration", "cabinet", "navy", "military", "command", "centre",
  "center", "labs", "systems", "technologies", "holdings", "group's", "media",
  "society", "federation's", "brotherhood", "cartel", "gang", "squad",
  "network's", NULL
};

static const char *const place_cues[] = {
  "city", "province", "region", "district", "street", "square", "island",
  "islands", "oblast", "county", "river", "mountain", "mountains", "hall",
  "airport", "station", "bridge", "park", "village", "town", "valley",
  "lake", "sea", "ocean", "gulf", "bay", "strait", "peninsula", "coast",
  "road", "avenue", "stadium", "arena", "palace", "mosque", "church",
  "cathedral", "temple", "port", "harbour", "harbor", "border", "territory",
  "territories", "state", "krai", "republic", "emirate", "kingdom", NULL
};

static const char *const places[] = {
  "afghanistan", "albania", "algeria", "argentina", "armenia", "australia",
  "austria", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium",
  "bolivia", "bosnia", "brazil", "britain", "bulgaria", "cambodia", "cameroon",
  "canada", "chad", "chechnya", "chile", "china", "colombia", "congo",
  "croatia", "cuba", "cyprus", "czechia", "dagestan", "denmark", "egypt",
  "england", "eritrea", "estonia", "ethiopia", "europe", "finland", "france",
  "gaza", "georgia", "germany", "ghana", "greece", "haiti", "hungary",
  "iceland", "india", "indonesia", "ingushetia", "iran", "iraq", "ireland",
  "israel", "italy", "japan", "jordan", "kazakhstan", "kenya", "kosovo",
  "kuwait", "kyrgyzstan", "latvia", "lebanon", "libya", "lithuania", "mali",
  "malaysia", "mexico", "moldova", "mongolia", "morocco", "myanmar", "nepal",
  "netherlands", "nigeria", "niger", "norway", "oman", "pakistan",
  "palestine", "peru", "philippines", "poland", "portugal", "qatar",
  "romania", "russia", "rwanda", "scotland", "serbia", "singapore",
  "slovakia", "slovenia", "somalia", "spain", "sudan", "sweden",
  "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand",
  "tunisia", "turkey", "t\xc3\xbcrkiye", "turkiye", "turkmenistan", "uganda",
  "ukraine", "uzbekistan", "venezuela", "vietnam", "wales", "yemen",
  "zambia", "zimbabwe", "asia", "africa", "america", "americas", "antarctica",
  "us", "usa", "uk", "u.s", "u.k", "eu", "moscow", "kyiv", "kiev", "london",
  "paris", "berlin", "washington", "beijing", "tokyo", "delhi", "mumbai",
  "istanbul", "ankara", "tehran", "baghdad", "damascus", "kabul", "islamabad",
  "karachi", "cairo", "jerusalem", "rome", "madrid", "brussels", "vienna",
  "warsaw", "prague", "budapest", "minsk", "geneva", "amsterdam", "dublin",
  "lisbon", "athens", "stockholm", "oslo", "helsinki", "copenhagen",
  "sydney", "melbourne", "toronto", "ottawa", "chicago", "boston", "houston",
  "dallas", "miami", "seattle", "atlanta", "dubai", "riyadh", "doha",
  "nairobi", "lagos", "johannesburg", "seoul", "manila", "jakarta", "bangkok",
  "hanoi", "shanghai", "hong", "kharkiv", "odesa", "odessa", "donetsk",
  "luhansk", "crimea", "mariupol", "bakhmut", "dnipro", "lviv", "zaporizhzhia",
  "kherson", "belgorod", "kursk", "bryansk", "krasnogorsk", "petersburg",
  "novosibirsk", "kazan", "grozny", "shiraz", "kerman", "dushanbe",
  "tashkent", "almaty", "astana", "bishkek", "baku", "yerevan", "tbilisi",
  "senegal", "ecuador", "paraguay", "uruguay", "guatemala", "honduras",
  "nicaragua", "panama", "jamaica", "madagascar", "mozambique", "angola",
  "namibia", "botswana", "malawi", "benin", "togo", "guinea", "liberia",
  "burundi", "laos", "bhutan", "maldives", "brunei", "luxembourg", "malta",
  "monaco", "andorra", "liechtenstein", "montenegro", "macedonia", "gabon",
  "djibouti", "mauritania", "mauritius", "fiji", "samoa", "tonga", "lesotho",
  "eswatini", "gambia", "slovenia", "cameroon", "zambia", "sochi",
  "vladivostok", "kaliningrad", "siberia", "caucasus", "balkans",
  "scandinavia", "sahel", "donbas", "rafah", "khan", "nato", NULL
};

static const char *const multiword_places[] = {
  "united states", "united kingdom", "united nations", "european union",
  "new york", "los angeles", "san francisco", "new delhi", "hong kong",
  "saudi arabia", "south africa", "north korea", "south korea", "new zealand",
  "st petersburg", "st. petersburg", "middle east", "central asia",
  "east africa", "west africa", "west bank", "gaza strip", "tel aviv",
  "abu dhabi", "sri lanka", "costa rica", "el salvador", "puerto rico",
  "russian federation", "czech republic", "white house", "downing street",
  "capitol hill", "red square", "latin america", "north america",
  "south america", "eastern europe", "western europe", "burkina faso",
  "ivory coast", "sierra leone", "south sudan", "east timor",
  "dominican republic", "united arab emirates", "papua new guinea",
  "bosnia and herzegovina", "north macedonia", "central african republic",
  "cape verde", "san marino", "trinidad and tobago", "equatorial guinea",
  "new caledonia", "north korea's", "solomon islands", "marshall islands", NULL
};

static const char *const multiword_orgs[] = {
  "islamic state", "white house", "red cross", "red crescent", "world bank",
  "united nations", "european union", "security council", "european commission",
  "federal security service", "sky news", "al-qaeda", "al-qaida", "al qaeda",
  "interior ministry", "foreign ministry", "defence ministry", "defense ministry",
  "state department", "national guard", "investigative committee", NULL
};

static const char *const stop_words[] = {
  "the", "a", "an", "and", "or", "but", "if", "in", "on", "at", "by", "for",
  "with", "from", "to", "of", "as", "is", "was", "were", "are", "be", "been",
  "being", "has", "have", "had", "do", "does", "did", "this", "that", "these",
  "those", "there", "here", "it", "its", "he", "she", "they", "we", "i",
  "you", "his", "her", "their", "our", "my", "your", "him", "them", "us",
  "me", "who", "whom", "which", "what", "when", "where", "why", "how",
  "after", "before", "while", "since", "although", "though", "however",
  "meanwhile", "also", "then", "now", "so", "yet", "not", "no", "all",
  "some", "many", "most", "more", "less", "each", "both", "other", "others",
  "such", "than", "into", "about", "over", "under", "between", "during",
  "against", "according", "following", "despite", "among", "amid", "via",
  "would", "will", "could", "should", "can", "may", "might", "must", "just",
  "only", "even", "still", "already", "again", "further", "furthermore",
  "moreover", "instead", "because", "until", "unless", "whether", "any",
  "every", "another", "much", "very", "too", "upon", "within", "without",
  "across", "through", "toward", "towards", "out", "up", "down", "off",
  "like", "unlike", "near", "earlier", "later", "last", "next", "first",
  "new", "once", "many", NULL
};

static const char *const opinion_words[] = {
  "think", "thinks", "believe", "believes", "feel", "feels", "should",
  "must", "ought", "shameful", "outrageous", "disgraceful", "terrible",
  "wonderful", "best", "worst", "clearly", "obviously", "absurd",
  "ridiculous", "sadly", "unfortunately", "hopefully", "deserve", "deserves",
  "opinion", "frankly", "honestly", "arguably", "perhaps", "shame",
  "disgrace", "incompetent", "brilliant", "appalling", "fantastic",
  "stupid", "nonsense", "love", "hate", "awful", "horrible", "pathetic",
  "laughable", "scandalous", "scandal", "betrayal", "betrayed", "greedy",
  "corrupt", "reckless", "cowardly", "heroic", "amazing", "insane",
  "crazy", "evil", "wrong", "right", "deserved", "undeserved", "fail",
  "failure", "failed", "failing", "useless", "hopeless", "must-see",
  "beautiful", "ugly", "sad", "happy", "glad", "proud", "ashamed",
  "disappointing", "disappointed", "unacceptable", "welcome", "welcomed",
  "seems", "seem", "seemed", "apparently", "probably", "maybe", "surely",
  "undoubtedly", "doubt", "wish", "hope", "hopes", "fear", "fears",
  "worry", "worries", "imagine", "suppose", "guess", NULL
};

static const char *const future_words[] = {
  "will", "shall", "expected", "expects", "expect", "forecast", "forecasts",
  "predicts", "predicted", "predict", "going", "soon", "tomorrow", "next",
  "future", "upcoming", "intends", "intend", "aims", "projected", "won't",
  "'ll", "plans", NULL
};

static const char *const modal_words[] = {
  "would", "could", "might", "may", "likely", "unlikely", "wouldn't",
  "couldn't", "possibly", "potentially", NULL
};

static const char *const promise_words[] = {
  "promise", "promised", "promises", "promising", "pledge", "pledged",
  "pledges", "vow", "vowed", "vows", "vowing", "guarantee", "guarantees",
  "swear", "swore", "commit", "commits", NULL
};

static const char *const compare_words[] = {
  "more", "less", "fewer", "than", "most", "least", "highest", "lowest",
  "largest", "biggest", "smallest", "deadliest", "record", "compared",
  "increase", "increased", "decrease", "decreased", "rose", "fell",
  "doubled", "tripled", "halved", "first", "higher", "lower", "larger",
  "bigger", "smaller", "worse", "better", "greater", "rise", "fall", "drop",
  "dropped", "surged", "plunged", "jumped", "grew", "shrank", "longest",
  "shortest", "oldest", "youngest", "fastest", "slowest", "strongest",
  "weakest", "richest", "poorest", "only", "unprecedented", "since", NULL
};

static const char *const cause_words[] = {
  "because", "due", "caused", "causes", "cause", "causing", "led", "leads",
  "result", "resulted", "resulting", "blamed", "blame", "blames", "owing",
  "triggered", "sparked", "responsible", "responsibility", "therefore",
  "consequently", "thanks", "behind", "fuelled", "fueled", "prompted",
  "attributed", NULL
};

static const char *const first_person[] = {
  "i", "we", "my", "our", "me", "us", "i'm", "we're", "i've", "we've",
  "i'd", "we'd", "ours", "mine", "myself", "ourselves", "i\xe2\x80\x99m",
  "we\xe2\x80\x99re", "i\xe2\x80\x99ve", "we\xe2\x80\x99ve", NULL
};

static const char *const anon_words[] = {
  "sources", "source", "unnamed", "anonymous", "officials", "witnesses",
  "residents", "experts", "analysts", "insiders", "observers", "critics",
  "nameless", "people", "reports", "media", "some", "many", "researchers",
  "scientists", "economists", "doctors", "diplomats", "activists", NULL
};

static const char *const institution_words[] = {
  "ministry", "police", "government", "army", "authorities", "spokesperson",
  "spokesman", "spokeswoman", "agency", "court", "prosecutors",
  "investigators", "military", "kremlin", "committee", "council", "company",
  "department", "office", "service", "commission", "embassy", "president",
  "minister", "mayor", "governor", "regulator", "statement", "prosecutor",
  "judge", "hospital", "hospitals", "firm", "group", "union", "administration",
  "officers", "official", NULL
};

static const char *const demonyms[] = {
  "russian", "ukrainian", "american", "british", "french", "german",
  "turkish", "chinese", "afghan", "pakistani", "iranian", "iraqi", "syrian",
  "israeli", "palestinian", "indian", "japanese", "korean", "italian",
  "spanish", "polish", "tajik", "uzbek", "kazakh", "kyrgyz", "belarusian",
  "georgian", "armenian", "azerbaijani", "egyptian", "saudi", "qatari",
  "european", "african", "asian", "western", "eastern", "northern",
  "southern", "central", "islamic", "islamist", "muslim", "christian",
  "jewish", "arab", "canadian", "australian", "mexican", "brazilian",
  "nigerian", "kenyan", "swiss", "dutch", "belgian", "swedish", "norwegian",
  "danish", "finnish", "greek", "hungarian", "romanian", "serbian",
  "croatian", "czech", "austrian", "irish", "scottish", "welsh", "english",
  "lebanese", "jordanian", "yemeni", "libyan", "tunisian", "moroccan",
  "algerian", "sudanese", "somali", "ethiopian", "chechen", "dagestani",
  "soviet", "russians", "ukrainians", "americans", "afghans", "tajiks", "israelis", "palestinians", "europeans", "africans", "asians", "arabs", "muslims", "christians", "jews", "federal", "national", "regional", "local", "foreign", NULL
};

static const char *const connectors[] = {
  "of", "de", "al", "al-", "bin", "ibn", "von", "van", "der", "den", "la",
  "le", "du", "da", "del", "di", "dos", "das", "el", "y", "and", "for", "on",
  NULL
};

static const char *const aux_words[] = {
  "has", "had", "have", "was", "were", "is", "are", "also", "repeatedly",
  "strongly", "additionally", "previously", "initially", "reportedly",
  "already", "later", "then", "did", "does", "not", "again", "earlier",
  "publicly", "privately", "firmly", "flatly", "quickly", "immediately",
  "once", "been", "be", "being", "would", "will", "further", "separately",
  "officially", "formally", "categorically", NULL
};

static const char *const mult_words[] = {
  "hundred", "thousand", "million", "billion", "trillion", "bn", "mn", "m",
  "k", "lakh", "crore", NULL
};

static const char *const pronouns[] = {
  "he", "she", "they", "it", "i", "we", "you", "who", "which", NULL
};

static const char *const qual_words[] = {
  "least", "than", "of", "over", "above", "exceeding", "under", "below",
  "about", "around", "nearly", "almost", "approximately", "approx", "roughly",
  "some", "estimated", "circa", "to", "most", NULL
};

static const char *const none_words[] = {
  "nobody", "none", "no-one", NULL
};

static const char *const relday_words[] = {
  "yesterday", "today", "tonight", NULL
};

static const WordList lists[] = {
  { CRB_L_ATTR, attr_words },
  { CRB_L_EVENT, event_words },
  { CRB_L_KILL, kill_words },
  { CRB_L_INJURE, injure_words },
  { CRB_L_DETAIN, detain_words },
  { CRB_L_MISSING, missing_words },
  { CRB_L_MONTH, month_words },
  { CRB_L_WEEKDAY, weekday_words },
  { CRB_L_TITLE, title_words },
  { CRB_L_ORG, org_cues },
  { CRB_L_PLACECUE, place_cues },
  { CRB_L_PLACE, places },
  { CRB_L_PLACE, multiword_places },
  { CRB_L_ORG | CRB_L_ORGNAME, multiword_orgs },
  { CRB_L_STOP, stop_words },
  { CRB_L_OPINION, opinion_words },
  { CRB_L_FUTURE, future_words },
  { CRB_L_MODAL, modal_words },
  { CRB_L_PROMISE, promise_words },
  { CRB_L_COMPARE, compare_words },
  { CRB_L_CAUSE, cause_words },
  { CRB_L_FIRSTP, first_person },
  { CRB_L_ANON, anon_words },
  { CRB_L_INSTITUTION, institution_words },
  { CRB_L_DEMONYM, demonyms },
  { CRB_L_CONNECT, connectors },
  { CRB_L_AUX, aux_words },
  { CRB_L_MULT, mult_words },
  { CRB_L_PRONOUN, pronouns },
  { CRB_L_RELDAY, relday_words },
  { CRB_L_NONE_WORD, none_words },
  { CRB_L_QUAL, qual_words },
};

typedef struct
{
  const char *word;
  double value;
} NumberWord;

static const NumberWord number_words[] = {
  { "zero", 0 }, { "one", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 },
  { "five", 5 }, { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 },
  { "ten", 10 }, { "eleven", 11 }, { "twelve", 12 }, { "thirteen", 13 },
  { "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 },
  { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 },
  { "twenty", 20 }, { "thirty", 30 }, { "forty", 40 }, { "fifty", 50 },
  { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
  { "hundred", 100 }, { "thousand", 1e3 }, { "million", 1e6 },
  { "billion", 1e9 }, { "trillion", 1e12 }, { "dozen", 12 },
  { "dozens", 24 }, { "hundreds", 200 }, { "thousands", 2000 },
  { "millions", 2e6 }, { "billions", 2e9 }, { "tens", 20 },
  { "scores", 40 }, { "score", 20 }, { "half", 0.5 }, { "third", 1.0 / 3 },
  { "thirds", 1.0 / 3 }, { "quarter", 0.25 }, { "quarters", 0.25 },
  { "fifth", 0.2 }, { "fifths", 0.2 }, { "couple", 2 }, { "bn", 1e9 },
  { "mn", 1e6 },
};

static GHashTable *lexicon;
static GHashTable *numbers;

/* open-addressing copy of the lexicon for the hot path */
typedef struct
{
  const char *word;
  guint32 hash;
  guint32 cls;
  guint len;
} Slot;

static Slot *slots;
static guint slot_mask;

static inline guint32
fnv1a (const char *s,
       gsize       len)
{
  guint32 h = CRB_LEXICON_HASH_INIT;

  for (gsize i = 0; i < len; i++)
    h = crb_lexicon_hash_step (h, s[i]);
  return h;
}

static void
build_slots (void)
{
  GHashTableIter iter;
  gpointer key, value;
  guint size = 1024;

  while (size < 4 * g_hash_table_size (lexicon))
    size *= 2;
  slots = g_new0 (Slot, size);
  slot_mask = size - 1;
  g_hash_table_iter_init (&iter, lexicon);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      gsize len = strlen (key);
      guint32 h = fnv1a (key, len);
      guint i = h & slot_mask;
      while (slots[i].word != NULL)
        i = (i + 1) & slot_mask;
      slots[i].word = key;
      slots[i].hash = h;
      slots[i].cls = GPOINTER_TO_UINT (value);
      slots[i].len = len;
    }
}

static gpointer
lexicon_init (gpointer data)
{
  lexicon = g_hash_table_new (g_str_hash, g_str_equal);
  numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    for (guint j = 0; lists[i].words[j] != NULL; j++)
      {
        const char *w = lists[i].words[j];
        guint32 cls = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon, w));
        g_hash_table_insert (lexicon, (gpointer) w, GUINT_TO_POINTER (cls | lists[i].cls));
      }
  for (guint i = 0; i < G_N_ELEMENTS (number_words); i++)
    {
      const char *w = number_words[i].word;
      guint32 cls = GPOINTER_TO_UINT (g_hash_table_lookup (lexicon, w));
      double *v = g_new (double, 1);
      *v = number_words[i].value;
      g_hash_table_insert (lexicon, (gpointer) w, GUINT_TO_POINTER (cls | CRB_L_NUMWORD));
      g_hash_table_insert (numbers, (gpointer) w, v);
    }
  build_slots ();
  return NULL;
}

static void
ensure (void)
{
  static GOnce once = G_ONCE_INIT;

  g_once (&once, lexicon_init, NULL);
}

/* @hash: fnv1a (@lower, @len) */
guint32
crb_lexicon_lookup_hashed (const char *lower,
                           gsize       len,
                           guint32     h)
{
  guint i;

  ensure ();
  if (len > 40)
    return 0;
  for (i = h & slot_mask; slots[i].word != NULL; i = (i + 1) & slot_mask)
    if (slots[i].hash == h && slots[i].len == len && memcmp (slots[i].word, lower, len) == 0)
      return slots[i].cls;
  return 0;
}

guint32
crb_lexicon_lookup_len (const char *lower,
                        gsize       len)
{
  guint32 h;
  guint i;

  ensure ();
  if (len > 40)
    return 0;
  h = fnv1a (lower, len);
  for (i = h & slot_mask; slots[i].word != NULL; i = (i + 1) & slot_mask)
    if (slots[i].hash == h && slots[i].len == len && memcmp (slots[i].word, lower, len) == 0)
      return slots[i].cls;
  return 0;
}

guint32
crb_lexicon_lookup (const char *lower)
{
  return crb_lexicon_lookup_len (lower, strlen (lower));
}

gboolean
crb_lexicon_number (const char *lower,
                    double     *value)
{
  const double *v;

  ensure ();
  v = g_hash_table_lookup (numbers, lower);
  if (v == NULL)
    return FALSE;
  *value = *v;
  return TRUE;
}
