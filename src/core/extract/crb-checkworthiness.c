/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-checkworthiness.c: the learned check-worthiness model
 *
 * A logistic regression trained by tools/train-checkworthiness; this file
 * computes exactly the features that script computes, so the two give the
 * same scores (tests/test-checkworthiness.c checks it).  Change one, change
 * the other, retrain.
 *
 * A sentence is normalised byte by byte (ASCII letters lowered, digits to
 * '0', white space collapsed, typographic quotes, dashes and ellipsis to
 * ASCII), then gives three groups of features:
 *   - words: unigrams and bigrams (with sentence start and end) of tokens,
 *   - characters: the 3- and 5-grams of ' ' + sentence + ' ',
 *   - six sentence features (a figure, a percentage, money, a question,
 *     very short, long).
 * Word and character features are hashed (below: H_WORD, bigram_hash,
 * char_hash) into one table of 2^bits int8 weights, indexed by the low
 * bits of the hash; each group's sum is divided by the square root of its
 * number of features.
 *
 *   raw   = bias + sum of the sentence features' weights
 *           + scale * (word_sum / sqrt (n_word) + char_sum / sqrt (n_char))
 *   score = 1 / (1 + exp (-(a * raw + b)))          (Platt scaling)
 *
 * Everything works on arbitrary bytes (invalid UTF-8 included) in time
 * linear in the length, and never writes to the model after loading.
 *
 * The weights file (little-endian; layout in docs/model-card.md):
 *   0   char[8]  magic "CRBCHKW\0"
 *   8   u32      format version (1)
 *   12  u32      bits: the table has 2^bits buckets
 *   16  u32      number of sentence features (6)
 *   20  u32      number of vocabulary entries
 *   24  u32      bytes of vocabulary text
 *   28  u32      reserved (0)
 *   32  f64      bias, scale, Platt a, Platt b, default threshold, reserved
 *   80  f64[6]   weights of the sentence features
 *   128 i8[2^bits]  the table
 *   ... {u32 hash, u32 offset, u32 length}[entries], sorted by hash: the
 *       readable word features, the full 32-bit hash of each and where its
 *       description lies in the text that follows
 *   ... the descriptions, UTF-8, back to back
 *   ... u32      FNV-1a 32 of every byte before it
 */

#define G_LOG_DOMAIN "crb-checkworthiness"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-checkworthiness.h"
#include "crb-checkworthiness-private.h"
#include "crb-core-resources.h"
#include "crb-error.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MODEL_RESOURCE "/io/github/corroborate/Corroborate/model/checkworthiness.bin"
#define FORMAT_VERSION 1
#define HEADER_SIZE    80
#define ENTRY_SIZE     12
#define MIN_BITS       8
#define MAX_BITS       26
#define MAX_VOCAB      (1u << 22)
#define MAX_STRINGS    (1u << 28)
#define STACK_BUFFER   2048

/* the word features kept for reasons, at most (the first ones) */
#define REASON_HITS 4096

/* a filter in front of the vocabulary, small enough for the L1 cache */
#define VOCAB_BITS      (1u << 16)
#define VOCAB_BITS_MASK (VOCAB_BITS - 1)

#define FNV_OFFSET 0x811C9DC5u
#define FNV_PRIME  0x01000193u

enum
{
  DENSE_FIGURE,
  DENSE_PERCENT,
  DENSE_MONEY,
  DENSE_QUESTION,
  DENSE_SHORT,
  DENSE_LONG,
  N_DENSE
};

G_STATIC_ASSERT (CRB_CHECKWORTHINESS_FIGURE == 1 << DENSE_FIGURE);
G_STATIC_ASSERT (CRB_CHECKWORTHINESS_PERCENT == 1 << DENSE_PERCENT);
G_STATIC_ASSERT (CRB_CHECKWORTHINESS_MONEY == 1 << DENSE_MONEY);

/* English, like the rule reasons and the vocabulary of the weights file */
static const char *const dense_descriptions[N_DENSE] = {
  "mentions a figure",
  "mentions a percentage",
  "mentions money",
  "is a question",
  "very short sentence",
  "long sentence",
};

/* The same as reasons of an extracted claim; NULL: never given as one */
static const char *const dense_reasons[N_DENSE] = {
  "model: mentions a figure",
  "model: mentions a percentage",
  "model: mentions money",
  NULL,
  NULL,
  "model: long sentence",
};

typedef struct
{
  guint32 hash;
  guint32 offset;
  guint32 length;
} VocabEntry;

struct _CrbCheckworthiness
{
  /* owned */
  GBytes      *bytes;
  VocabEntry  *vocab;
  guint32     *slots;   /* open addressing over vocab: index + 1, or 0 */
  const char **reasons; /* per vocabulary entry: as a claim's reason, or NULL */
  guint8      *reason_dense; /* per vocabulary entry: the sentence feature it repeats */
  char        *reason_text;
  guint32      vocab_bits[VOCAB_BITS / 32]; /* bit (hash & VOCAB_BITS_MASK): may have a reason */
  int          reason_min_weight; /* the lightest positive weight of a feature with a reason */

  /* borrowed from bytes */
  const gint8 *table;
  const char  *strings;

  /* state */
  guchar  byte_map[256];   /* normalisation of one byte */
  guchar  byte_class[256]; /* CLASS_* of a byte of the input or output */
  guint32 mask;
  guint   n_vocab;
  guint   slot_bits;
  double  bias;
  double  scale;
  double  platt_a;
  double  platt_b;
  double  threshold;
  double  dense[N_DENSE];
};

/* What one pass over a sentence adds up. */
typedef struct
{
  gint64   word_sum;
  gint64   char_sum;
  gsize    n_word;
  gsize    n_char;
  gboolean dense[N_DENSE];
} Sums;

/* A word feature met on the way, for explanations. */
struct _CrbCheckworthinessHit
{
  guint32 hash;
  int     weight;
};
typedef CrbCheckworthinessHit WordHit;

/* ------------------------------------------------------------------ */
/* hashing                                                              */
/* ------------------------------------------------------------------ */

static inline guint32
fnv_step (guint32 h,
          guchar  c)
{
  return (h ^ c) * FNV_PRIME;
}

static inline guint32
fnv_bytes (guint32       h,
           const guchar *data,
           gsize         len)
{
  for (gsize i = 0; i < len; i++)
    h = fnv_step (h, data[i]);
  return h;
}

/* Character n-grams: the n bytes (first byte highest) with n above them,
 * times an odd constant, the upper 32 bits. */
#define CHAR_MULTIPLIER G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)

static inline guint32
char_hash (guint64 gram,
           guint   n)
{
  return (guint32) (((gram | ((guint64) n << 48)) * CHAR_MULTIPLIER) >> 32);
}

/* Words: FNV-1a of 'w' and the token.  Bigrams: the upper 32 bits of the
 * two tokens' hashes side by side, times an odd constant; the sentence
 * start and end are the tokens "<s>" and "</s>", which no text gives. */
#define H_WORD            (fnv_step (FNV_OFFSET, 'w'))
#define BIGRAM_MULTIPLIER G_GUINT64_CONSTANT (0xD6E8FEB86659FD93)

static inline guint32
bigram_hash (guint32 first,
             guint32 second)
{
  return (guint32) (((((guint64) first) << 32 | second) * BIGRAM_MULTIPLIER) >> 32);
}

/* ------------------------------------------------------------------ */
/* reading the weights                                                  */
/* ------------------------------------------------------------------ */

static guint32
read_u32 (const guchar *p)
{
  guint32 v;

  memcpy (&v, p, sizeof v);
  return GUINT32_FROM_LE (v);
}

static double
read_f64 (const guchar *p)
{
  guint64 v;
  double  d;

  memcpy (&v, p, sizeof v);
  v = GUINT64_FROM_LE (v);
  memcpy (&d, &v, sizeof d);
  return d;
}

static gboolean
invalid (GError    **error,
         const char *what)
{
  g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
               _("check-worthiness weights: %s"), what);
  return FALSE;
}

static inline guint32
slot_of (const CrbCheckworthiness *self,
         guint32                   hash)
{
  return (hash * 0x9E3779B1u) >> (32 - self->slot_bits);
}

static gboolean
parse (CrbCheckworthiness *self,
       GError            **error)
{
  gsize         size;
  const guchar *data = g_bytes_get_data (self->bytes, &size);
  guint32       version, bits, n_dense, n_vocab, strings_len;
  gsize         table_size, expected, at;

  if (size > 0 && memcmp (data, "CRBCHKW\0", MIN (size, 8)) != 0)
    return invalid (error, _("not a weights file"));
  if (size < HEADER_SIZE + 4)
    return invalid (error, _("truncated file"));

  version = read_u32 (data + 8);
  if (version != FORMAT_VERSION)
    {
      g_set_error (error, CRB_ERROR,
                   version > FORMAT_VERSION ? CRB_ERROR_UNSUPPORTED_VERSION : CRB_ERROR_INVALID_FORMAT,
                   _("check-worthiness weights: format version %u is not supported"),
                   version);
      return FALSE;
    }

  bits = read_u32 (data + 12);
  n_dense = read_u32 (data + 16);
  n_vocab = read_u32 (data + 20);
  strings_len = read_u32 (data + 24);
  if (bits < MIN_BITS || bits > MAX_BITS || n_dense != N_DENSE ||
      n_vocab > MAX_VOCAB || strings_len > MAX_STRINGS)
    return invalid (error, _("bad header"));

  /* the bounds above keep this far from overflowing */
  table_size = (gsize) 1 << bits;
  expected = HEADER_SIZE + 8 * (gsize) n_dense + table_size +
             ENTRY_SIZE * (gsize) n_vocab + strings_len + 4;
  if (size < expected)
    return invalid (error, _("truncated file"));
  if (size > expected)
    return invalid (error, _("trailing data"));
  if (fnv_bytes (FNV_OFFSET, data, size - 4) != read_u32 (data + size - 4))
    return invalid (error, _("checksum mismatch"));

  self->bias = read_f64 (data + 32);
  self->scale = read_f64 (data + 40);
  self->platt_a = read_f64 (data + 48);
  self->platt_b = read_f64 (data + 56);
  self->threshold = read_f64 (data + 64);
  for (guint i = 0; i < N_DENSE; i++)
    self->dense[i] = read_f64 (data + HEADER_SIZE + 8 * i);
  if (!isfinite (self->bias) || !isfinite (self->scale) || self->scale <= 0 ||
      !isfinite (self->platt_a) || !isfinite (self->platt_b) ||
      !(self->threshold >= 0 && self->threshold <= 1))
    return invalid (error, _("bad header"));
  for (guint i = 0; i < N_DENSE; i++)
    if (!isfinite (self->dense[i]))
      return invalid (error, _("bad header"));

  at = HEADER_SIZE + 8 * (gsize) n_dense;
  self->table = (const gint8 *) (data + at);
  self->mask = (guint32) (table_size - 1);
  at += table_size;

  self->n_vocab = n_vocab;
  self->vocab = g_new (VocabEntry, MAX (n_vocab, 1));
  self->strings = (const char *) data + at + ENTRY_SIZE * (gsize) n_vocab;
  for (guint i = 0; i < n_vocab; i++, at += ENTRY_SIZE)
    {
      VocabEntry *e = &self->vocab[i];

      e->hash = read_u32 (data + at);
      e->offset = read_u32 (data + at + 4);
      e->length = read_u32 (data + at + 8);
      if ((i > 0 && e->hash <= self->vocab[i - 1].hash) ||
          e->offset > strings_len || e->length > strings_len - e->offset ||
          !g_utf8_validate_len (self->strings + e->offset, e->length, NULL))
        return invalid (error, _("bad vocabulary"));
    }

  /* at most half full, so lookups take a probe or two */
  self->slot_bits = 4;
  while (((guint) 1 << self->slot_bits) < 2 * n_vocab)
    self->slot_bits++;
  self->slots = g_new0 (guint32, (gsize) 1 << self->slot_bits);
  for (guint i = 0; i < n_vocab; i++)
    {
      guint32 slot_mask = ((guint32) 1 << self->slot_bits) - 1;
      guint32 at_slot = slot_of (self, self->vocab[i].hash);

      while (self->slots[at_slot] != 0)
        at_slot = (at_slot + 1) & slot_mask;
      self->slots[at_slot] = i + 1;
    }

  return TRUE;
}

/* ------------------------------------------------------------------ */
/* reasons                                                              */
/* ------------------------------------------------------------------ */

/* The reason of every vocabulary entry that has one, in one block of text
 * owned by the model. */
static void
make_reasons (CrbCheckworthiness *self)
{
  g_autoptr (GString) text = g_string_new (NULL);
  g_autofree gsize *at = g_new (gsize, MAX (self->n_vocab, 1));
  g_autoptr (GHashTable) same = NULL;
  int weight;

  for (guint i = 0; i < self->n_vocab; i++)
    {
      const VocabEntry *e = &self->vocab[i];

      at[i] = text->len;
      if (_crb_checkworthiness_render_reason (text, self->strings + e->offset, e->length))
        g_string_append_c (text, '\0');
      else
        at[i] = G_MAXSIZE;
    }
  self->reason_text = g_string_free (g_steal_pointer (&text), FALSE);
  self->reasons = g_new0 (const char *, MAX (self->n_vocab, 1));
  self->reason_dense = g_new0 (guint8, MAX (self->n_vocab, 1));
  /* entries that read the same ("$ ##" and "$ ###") share one string, so
   * that reasons compare by address */
  same = g_hash_table_new (g_str_hash, g_str_equal);
  self->reason_min_weight = G_MAXINT8 + 1;
  for (guint i = 0; i < self->n_vocab; i++)
    {
      const char *r;

      if (at[i] == G_MAXSIZE)
        continue;
      r = g_hash_table_lookup (same, self->reason_text + at[i]);
      if (r == NULL)
        {
          r = self->reason_text + at[i];
          g_hash_table_add (same, (gpointer) r);
        }
      self->reasons[i] = r;
      weight = self->table[self->vocab[i].hash & self->mask];
      if (weight > 0 && weight < self->reason_min_weight)
        self->reason_min_weight = weight;
      self->vocab_bits[(self->vocab[i].hash & VOCAB_BITS_MASK) / 32] |=
        1u << (self->vocab[i].hash % 32);
      /* a number, '%' or '$' alone says what the sentence feature says */
      if (strcmp (r, "model: '<number>'") == 0)
        self->reason_dense[i] = 1u << DENSE_FIGURE;
      else if (strcmp (r, "model: '%'") == 0 || strcmp (r, "model: '<number>%'") == 0)
        self->reason_dense[i] = 1u << DENSE_PERCENT;
      else if (strcmp (r, "model: '$'") == 0 || strcmp (r, "model: '$<number>'") == 0)
        self->reason_dense[i] = 1u << DENSE_MONEY;
    }
}

/* ------------------------------------------------------------------ */
/* features                                                             */
/* ------------------------------------------------------------------ */

/* Byte classes.  The first three are what normalize() notices on the
 * way, for the sentence features; CLASS_SPECIAL bytes need a closer look
 * (the start of U+00A0 and of typographic punctuation, the last byte of
 * the euro and pound signs); CLASS_WORD is a byte of a word (in the
 * normalised text). */
enum
{
  CLASS_DIGIT = 1 << 0,
  CLASS_PERCENT = 1 << 1,
  CLASS_MONEY = 1 << 2, /* '$', or the UTF-8 of the euro or pound sign */
  CLASS_SPECIAL = 1 << 3,
  CLASS_WORD = 1 << 4,
  SEEN_MASK = CLASS_DIGIT | CLASS_PERCENT | CLASS_MONEY,
};

static void
init_byte_tables (CrbCheckworthiness *self)
{
  for (guint c = 0; c < 256; c++)
    {
      guchar m = c, k = 0;

      if (c >= 'A' && c <= 'Z')
        m = c + ('a' - 'A');
      else if (c >= '0' && c <= '9')
        {
          m = '0';
          k = CLASS_DIGIT;
        }
      else if (c == ' ' || (c >= '\t' && c <= '\r'))
        m = ' ';
      else if (c == '%')
        k = CLASS_PERCENT;
      else if (c == '$')
        k = CLASS_MONEY;
      else if (c == 0xC2 || c == 0xE2 || c == 0xAC || c == 0xA3)
        k = CLASS_SPECIAL;
      if ((c >= 'a' && c <= 'z') || c == '0' || c >= 0x80)
        k |= CLASS_WORD;
      self->byte_map[c] = m;
      self->byte_class[c] = k;
    }
}

/* Writes ' ' + the normalised text + ' ' to out (room for len + 2 bytes)
 * and returns its length; sets *seen to the CLASS_DIGIT, CLASS_PERCENT and
 * CLASS_MONEY of the text. */
static gsize
normalize (const CrbCheckworthiness *self,
           const guchar             *in,
           gsize                     len,
           guchar                   *out,
           guint                    *seen,
           gint64                   *char_sum)
{
  const gint8  *table = self->table;
  const guint32 mask = self->mask;
  gsize         o = 0;
  guint         flags = 0;
  guchar        last = ' ';
  guint64       w = ' ';
  gint64        sum = 0;

  /* the character n-grams are summed as the bytes are written: the n-gram
   * ending at a byte is the low n bytes of w, hashed by multiplication */
#define PUT(b) \
  G_STMT_START { \
    out[o++] = (b); \
    w = (w << 8) | (b); \
    sum += table[char_hash (w & 0xFFFFFF, 3) & mask]; \
    if (G_LIKELY (o >= 5)) \
      sum += table[char_hash (w & 0xFFFFFFFFFF, 5) & mask]; \
  } G_STMT_END

  out[o++] = ' ';
  for (gsize i = 0; i < len;)
    {
      guchar c = in[i++];
      guchar m = self->byte_map[c];
      guint  k = self->byte_class[c];

      if (G_UNLIKELY (k & CLASS_SPECIAL))
        {
          if (c == 0xC2 && i < len && in[i] == 0xA0)
            {
              m = ' ';
              i++;
            }
          else if (c == 0xE2 && i + 1 < len && in[i] == 0x80)
            {
              switch (in[i + 1])
                {
                case 0x98:
                case 0x99:
                  m = '\'';
                  break;
                case 0x9C:
                case 0x9D:
                  m = '"';
                  break;
                case 0x93:
                case 0x94:
                  m = '-';
                  break;
                case 0xA6:
                  m = '.';
                  break;
                default:
                  break;
                }
              if (m != c)
                i += 2;
            }
          /* the last byte of "\xe2\x82\xac" or "\xc2\xa3" in the output */
          else if ((c == 0xAC && out[o - 1] == 0x82 && o >= 3 && out[o - 2] == 0xE2) ||
                   (c == 0xA3 && out[o - 1] == 0xC2))
            k |= CLASS_MONEY;
        }
      flags |= k;

      /* the byte before is in a register: reading it back from out would
       * chain every step to the store before it */
      if (m != ' ' || last != ' ')
        {
          if (G_UNLIKELY (o < 2))
            {
              /* no 3-gram ends at the second byte */
              out[o++] = m;
              w = (w << 8) | m;
            }
          else
            PUT (m);
        }
      last = m;
    }
  if (o == 1 || out[o - 1] != ' ')
    {
      if (o < 2)
        {
          out[o++] = ' ';
          w = (w << 8) | ' ';
        }
      else
        PUT (' ');
    }
#undef PUT
  *seen = flags & SEEN_MASK;
  *char_sum = sum;
  return o;
}

/* s[i - 1] and s[i + 1] exist: the text is padded with spaces */
static inline gboolean
is_word_char (const CrbCheckworthiness *self,
              const guchar             *s,
              gsize                     i)
{
  guchar c = s[i];

  if (self->byte_class[c] & CLASS_WORD)
    return TRUE;
  if (c == '\'')
    return (self->byte_class[(s + i)[-1]] & self->byte_class[s[i + 1]] & CLASS_WORD) != 0;
  if (c == '.' || c == ',')
    return (s + i)[-1] == '0' && s[i + 1] == '0';
  return FALSE;
}

/* One pass over the padded normalised text p of length plen.  The sums
 * live in locals: the table is made of chars, which may alias anything, so
 * sums kept behind a pointer would be stored and reloaded at every step.
 * When hits is not NULL, every word feature whose weight is at least
 * min_weight is written to it, with its weight, up to max_hits of them
 * (2 * plen + 1 is room for all: a token takes at least a byte and gives
 * two features, and the sentence end one more); returns how many were
 * written. */
static gsize
walk (const CrbCheckworthiness *self,
      const guchar             *p,
      gsize                     plen,
      guint                     seen,
      gint64                    char_sum,
      Sums                     *sums,
      WordHit                  *hits,
      int                       min_weight,
      gsize                     max_hits)
{
  gsize         n_hits = 0;
  const gint8  *table = self->table;
  const guint32 mask = self->mask;
  const guchar *s = p + 1;
  gsize         n = plen - 2;
  guint32       previous = fnv_bytes (H_WORD, (const guchar *) "<s>", 3);
  gsize         ntok = 0;
  gboolean      percent_word = FALSE;
  gboolean      after_per = FALSE;
  gint64        word_sum = 0;
  gsize         i;

  /* words: each token's unigram, and the bigram it ends */
  for (i = 0; i < n;)
    {
      gsize   start = i;
      guint32 hu = H_WORD, hb;
      int     wu, wb;

      if (s[i] == ' ')
        {
          i++;
          continue;
        }
      /* a word, or a byte of its own; hashed as it is read */
      if (is_word_char (self, s, i))
        do
          hu = fnv_step (hu, s[i++]);
        while (i < n && is_word_char (self, s, i));
      else
        hu = fnv_step (hu, s[i++]);
      hb = bigram_hash (previous, hu);
      wu = table[hu & mask];
      wb = table[hb & mask];
      word_sum += wu + wb;
      if (hits != NULL)
        {
          if (wu >= min_weight && n_hits < max_hits)
            hits[n_hits++] = (WordHit) { hu, wu };
          if (wb >= min_weight && n_hits < max_hits)
            hits[n_hits++] = (WordHit) { hb, wb };
        }
      previous = hu;
      /* "percent", or "per" then "cent" */
      if ((i - start == 7 && memcmp (s + start, "percent", 7) == 0) ||
          (after_per && i - start == 4 && memcmp (s + start, "cent", 4) == 0))
        percent_word = TRUE;
      after_per = i - start == 3 && memcmp (s + start, "per", 3) == 0;
      ntok++;
    }
  {
    guint32 hb = bigram_hash (previous, fnv_bytes (H_WORD, (const guchar *) "</s>", 4));

    word_sum += table[hb & mask];
    if (hits != NULL && table[hb & mask] >= min_weight && n_hits < max_hits)
      hits[n_hits++] = (WordHit) { hb, table[hb & mask] };
  }

  memset (sums, 0, sizeof *sums);
  sums->word_sum = word_sum;
  sums->n_word = 2 * ntok + 1;
  sums->char_sum = char_sum;
  for (gsize k = 3; k <= 5; k += 2)
    sums->n_char += plen >= k ? plen - k + 1 : 0;

  /* the sentence */
  sums->dense[DENSE_FIGURE] = (seen & CLASS_DIGIT) != 0;
  sums->dense[DENSE_PERCENT] = (seen & CLASS_PERCENT) != 0 || percent_word;
  sums->dense[DENSE_MONEY] = (seen & CLASS_MONEY) != 0;
  sums->dense[DENSE_QUESTION] = (n >= 1 && s[n - 1] == '?') ||
                                (n >= 2 && s[n - 2] == '?' && s[n - 1] == '"');
  sums->dense[DENSE_SHORT] = ntok < 5;
  sums->dense[DENSE_LONG] = ntok >= 30;
  return n_hits;
}

/* Normalises the sentence (on the stack unless it is long) and walks it. */
static void
analyse (const CrbCheckworthiness *self,
         const char               *sentence,
         gsize                     len,
         Sums                     *sums)
{
  guchar             stack[STACK_BUFFER];
  g_autofree guchar *heap = NULL;
  guchar            *buf = stack;
  gsize              plen;
  guint              seen;
  gint64             char_sum;

  if (len + 2 > sizeof stack)
    buf = heap = g_malloc (len + 2);
  plen = normalize (self, (const guchar *) sentence, len, buf, &seen, &char_sum);
  walk (self, buf, plen, seen, char_sum, sums, NULL, 0, 0);
}

/* The same, with the normalised text and the word features in buffers of
 * @scratch that grow as needed and are kept for the next sentence. */
/* The same, with the normalised text and the word features in buffers of
 * @scratch that grow as needed and are kept for the next sentence; at most
 * @max_hits features are kept (0: all of them). */
static void
analyse_into (const CrbCheckworthiness  *self,
              const char                *sentence,
              gsize                      len,
              Sums                      *sums,
              CrbCheckworthinessScratch *scratch,
              int                        min_weight,
              gsize                      max_hits)
{
  gsize  plen;
  guint  seen;
  gint64 char_sum;

  if (max_hits == 0 || max_hits > 2 * (len + 2) + 1)
    max_hits = 2 * (len + 2) + 1;
  if (scratch->text_size < len + 2)
    {
      scratch->text_size = MAX (len + 2, 2 * scratch->text_size);
      g_free (scratch->text);
      scratch->text = g_malloc (scratch->text_size);
    }
  if (scratch->hits_size < max_hits)
    {
      scratch->hits_size = MAX (max_hits, 2 * scratch->hits_size);
      g_free (scratch->hits);
      scratch->hits = g_new (WordHit, scratch->hits_size);
    }
  plen = normalize (self, (const guchar *) sentence, len, scratch->text, &seen, &char_sum);
  scratch->n_hits = walk (self, scratch->text, plen, seen, char_sum, sums, scratch->hits,
                          min_weight, max_hits);
}

static double
raw_score (const CrbCheckworthiness *self,
           const Sums               *sums)
{
  double z = self->bias;
  double part;

  for (guint k = 0; k < N_DENSE; k++)
    if (sums->dense[k])
      z += self->dense[k];
  part = (double) sums->word_sum / sqrt ((double) sums->n_word);
  if (sums->n_char > 0)
    part += (double) sums->char_sum / sqrt ((double) sums->n_char);
  return z + self->scale * part;
}

static const VocabEntry *
find_vocab (const CrbCheckworthiness *self,
            guint32                   hash)
{
  guint32 slot_mask = ((guint32) 1 << self->slot_bits) - 1;

  for (guint32 at = slot_of (self, hash); self->slots[at] != 0; at = (at + 1) & slot_mask)
    if (self->vocab[self->slots[at] - 1].hash == hash)
      return &self->vocab[self->slots[at] - 1];
  return NULL;
}

/* A feature of the sentence that has a description. */
typedef struct
{
  const char *description;
  guint       length;
  guint       key; /* the same for the same feature */
  double      weight;
} Candidate;

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  const Candidate *ca = a, *cb = b;

  return ca->key < cb->key ? -1 : ca->key > cb->key;
}

/* Insertion sort for the usual few dozen candidates (glibc's qsort is a
 * merge sort that copies them around); qsort for long texts. */
static void
sort_candidates (GArray      *found,
                 GCompareFunc compare)
{
  Candidate *c = (Candidate *) (void *) found->data;

  if (found->len > 64)
    {
      qsort (c, found->len, sizeof (Candidate), compare);
      return;
    }
  for (guint i = 1; i < found->len; i++)
    {
      Candidate x = c[i];
      guint     j = i;

      for (; j > 0 && compare (&c[j - 1], &x) > 0; j--)
        c[j] = c[j - 1];
      c[j] = x;
    }
}

/* strongest first, then by description, so the order is stable */
static int
compare_weights (gconstpointer a,
                 gconstpointer b)
{
  const Candidate *ca = a, *cb = b;
  double           wa = fabs (ca->weight), wb = fabs (cb->weight);
  int              c;

  if (wa != wb)
    return wa > wb ? -1 : 1;
  c = memcmp (ca->description, cb->description, MIN (ca->length, cb->length));
  return c != 0 ? c : (ca->length > cb->length) - (ca->length < cb->length);
}

/* ------------------------------------------------------------------ */
/* public API                                                           */
/* ------------------------------------------------------------------ */

/**
 * crb_checkworthiness_new_from_bytes:
 * @weights: the contents of a weights file written by tools/train-checkworthiness
 * @error: return location for a #CRB_ERROR
 *
 * Loads a model.  A file that is truncated, corrupted or of another format
 * version gives an error, never a crash.  The model keeps a reference to
 * @weights.
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 */
CrbCheckworthiness *
crb_checkworthiness_new_from_bytes (GBytes  *weights,
                                    GError **error)
{
  g_autoptr (CrbCheckworthiness) self = NULL;

  g_return_val_if_fail (weights != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (CrbCheckworthiness, 1);
  self->bytes = g_bytes_ref (weights);
  init_byte_tables (self);
  if (!parse (self, error))
    return NULL;
  make_reasons (self);
  return g_steal_pointer (&self);
}

/**
 * crb_checkworthiness_load_default:
 * @error: return location for a #CRB_ERROR
 *
 * Loads the model built into the core library (data/model/checkworthiness.bin,
 * compiled in as a resource).
 *
 * Returns: (transfer full) (nullable): the model, or %NULL with @error set
 */
CrbCheckworthiness *
crb_checkworthiness_load_default (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  bytes = g_resource_lookup_data (crb_core_get_resource (), MODEL_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;
  return crb_checkworthiness_new_from_bytes (bytes, error);
}

void
crb_checkworthiness_free (CrbCheckworthiness *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->vocab, g_free);
  g_clear_pointer (&self->slots, g_free);
  g_clear_pointer (&self->reasons, g_free);
  g_clear_pointer (&self->reason_dense, g_free);
  g_clear_pointer (&self->reason_text, g_free);
  g_free (self);
}

/**
 * crb_checkworthiness_score:
 * @self: a model
 * @sentence: the text of one sentence: any bytes, UTF-8 expected
 * @length: its length in bytes, or -1 if it is nul-terminated
 *
 * Scores a sentence.  Safe to call from several threads at once.
 *
 * Returns: the calibrated probability that the sentence is check-worthy
 */
double
crb_checkworthiness_score (CrbCheckworthiness *self,
                           const char         *sentence,
                           gssize              length)
{
  Sums   sums;
  double z;

  g_return_val_if_fail (self != NULL, 0.0);
  g_return_val_if_fail (sentence != NULL || length == 0, 0.0);

  if (sentence == NULL)
    sentence = "";
  if (length < 0)
    length = strlen (sentence);

  analyse (self, sentence, length, &sums);
  z = raw_score (self, &sums);
  return 1.0 / (1.0 + exp (-(self->platt_a * z + self->platt_b)));
}

/**
 * crb_checkworthiness_get_threshold:
 * @self: a model
 *
 * Returns: the default threshold: a sentence is proposed as a claim when its
 *   score is at least this (chosen on development data when the model was
 *   trained)
 */
double
crb_checkworthiness_get_threshold (CrbCheckworthiness *self)
{
  g_return_val_if_fail (self != NULL, 0.5);

  return self->threshold;
}

/**
 * crb_checkworthiness_explain:
 * @self: a model
 * @sentence: the text of one sentence
 * @length: its length in bytes, or -1 if it is nul-terminated
 * @n: the largest number of features to return
 *
 * Says which features of the sentence weighed most in its score, in words:
 * the words and phrases the model knows by name ("word: 'percent'",
 * "phrase: 'in ####'", where # stands for any digit) and the sentence
 * features ("mentions a figure").  Character n-grams and rare words have
 * no name and are left out, so the weights do not add up to the score.
 *
 * Returns: (transfer container) (element-type CrbCheckworthinessFeature):
 *   at most @n features, strongest first (by absolute weight)
 */
GPtrArray *
crb_checkworthiness_explain (CrbCheckworthiness *self,
                             const char         *sentence,
                             gssize              length,
                             guint               n)
{
  CrbCheckworthinessScratch scratch = { 0, };
  g_autoptr (GArray)        found = NULL;
  GPtrArray                *features;
  Sums                      sums;
  double                    per_word;
  guint                     kept = 0;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (sentence != NULL || length == 0, NULL);

  if (sentence == NULL)
    sentence = "";
  if (length < 0)
    length = strlen (sentence);

  found = g_array_sized_new (FALSE, FALSE, sizeof (Candidate), 32);
  analyse_into (self, sentence, length, &sums, &scratch, G_MININT8, 0);

  for (guint k = 0; k < N_DENSE; k++)
    if (sums.dense[k] && self->dense[k] != 0)
      {
        Candidate c = { dense_descriptions[k], strlen (dense_descriptions[k]),
                        self->n_vocab + k, self->platt_a * self->dense[k] };
        g_array_append_val (found, c);
      }

  per_word = self->platt_a * self->scale / sqrt ((double) sums.n_word);
  for (gsize i = 0; i < scratch.n_hits; i++)
    {
      const WordHit    *hit = &scratch.hits[i];
      const VocabEntry *e;

      if (hit->weight != 0 && (e = find_vocab (self, hit->hash)) != NULL)
        {
          Candidate c = { self->strings + e->offset, e->length, e - self->vocab,
                          per_word * hit->weight };
          g_array_append_val (found, c);
        }
    }

  /* a feature met twice weighs twice, as in the score */
  sort_candidates (found, compare_keys);
  for (guint i = 0; i < found->len; i++)
    {
      Candidate *c = &g_array_index (found, Candidate, i);

      if (kept > 0 && g_array_index (found, Candidate, kept - 1).key == c->key)
        g_array_index (found, Candidate, kept - 1).weight += c->weight;
      else
        g_array_index (found, Candidate, kept++) = *c;
    }
  g_array_set_size (found, kept);
  sort_candidates (found, compare_weights);

  features = g_ptr_array_new_full (MIN (n, found->len),
                                   (GDestroyNotify) crb_checkworthiness_feature_free);
  for (guint i = 0; i < found->len && i < n; i++)
    {
      const Candidate           *c = &g_array_index (found, Candidate, i);
      CrbCheckworthinessFeature *f = g_new (CrbCheckworthinessFeature, 1);

      f->description = g_strndup (c->description, c->length);
      f->weight = c->weight;
      g_ptr_array_add (features, f);
    }
  _crb_checkworthiness_scratch_clear (&scratch);
  return features;
}

void
crb_checkworthiness_feature_free (CrbCheckworthinessFeature *feature)
{
  if (feature == NULL)
    return;

  g_free (feature->description);
  g_free (feature);
}

/* ------------------------------------------------------------------ */
/* for the extractor                                                    */
/* ------------------------------------------------------------------ */

void
_crb_checkworthiness_scratch_clear (CrbCheckworthinessScratch *scratch)
{
  g_clear_pointer (&scratch->text, g_free);
  g_clear_pointer (&scratch->hits, g_free);
  scratch->text_size = scratch->hits_size = scratch->n_hits = 0;
}

/* Scores @segment as crb_checkworthiness_score() does, and keeps in
 * @scratch what _crb_checkworthiness_reasons() needs.  Returns the
 * calibrated log-odds: the probability is 1 / (1 + exp (-x)). */
double
_crb_checkworthiness_log_odds (CrbCheckworthiness        *self,
                               const char                *segment,
                               gsize                      length,
                               CrbCheckworthinessScratch *scratch)
{
  Sums sums;

  g_assert (self != NULL);
  g_assert (segment != NULL || length == 0);

  /* only features that can be reasons: positive, and as heavy as the
   * lightest that has one; of a huge segment, the first few thousand */
  analyse_into (self, segment ? segment : "", length, &sums, scratch, self->reason_min_weight,
                REASON_HITS);
  scratch->dense = 0;
  for (guint k = 0; k < N_DENSE; k++)
    if (sums.dense[k])
      scratch->dense |= 1u << k;
  scratch->per_word = self->platt_a * self->scale / sqrt ((double) sums.n_word);
  return self->platt_a * raw_score (self, &sums) + self->platt_b;
}

typedef struct
{
  const char *reason;
  double      weight;
} Pick;

/* strongest first; equal weights by their text, so the order is stable */
static gboolean
pick_before (const Pick *a,
             const Pick *b)
{
  if (a->weight != b->weight)
    return a->weight > b->weight;
  return strcmp (a->reason, b->reason) < 0;
}

/* The features of the segment last scored into @scratch that pushed it
 * most towards check-worthy, as reasons of a claim ("model: 'killed'",
 * "model: mentions a figure"): at most @n of them, strongest first, into
 * @out; the sentence features in @skip (CRB_CHECKWORTHINESS_FIGURE, ...)
 * are left out.  The strings belong to the model.  Returns how many. */
guint
_crb_checkworthiness_reasons (CrbCheckworthiness              *self,
                              const CrbCheckworthinessScratch *scratch,
                              guint                            skip,
                              const char                     **out,
                              guint                            n)
{
  Pick  found[48];
  guint n_found = 0;
  guint n_out;

  g_assert (self != NULL && scratch != NULL);

  for (gsize i = 0; i < scratch->n_hits; i++)
    {
      const WordHit    *hit = &scratch->hits[i];
      const VocabEntry *e;
      const char       *reason;
      guint             k;

      if (hit->weight <= 0 ||
          !(self->vocab_bits[(hit->hash & VOCAB_BITS_MASK) / 32] & (1u << (hit->hash % 32))) ||
          (e = find_vocab (self, hit->hash)) == NULL ||
          (reason = self->reasons[e - self->vocab]) == NULL ||
          (self->reason_dense[e - self->vocab] & skip))
        continue;
      /* a feature met twice weighs twice, as in the score */
      for (k = 0; k < n_found && found[k].reason != reason; k++)
        ;
      if (k < n_found)
        found[k].weight += scratch->per_word * hit->weight;
      else if (n_found < G_N_ELEMENTS (found))
        found[n_found++] = (Pick) { reason, scratch->per_word * hit->weight };
    }
  for (guint k = 0; k < N_DENSE; k++)
    if ((scratch->dense & (1u << k)) && !(skip & (1u << k)) && dense_reasons[k] != NULL &&
        self->platt_a * self->dense[k] > 0 && n_found < G_N_ELEMENTS (found))
      found[n_found++] = (Pick) { dense_reasons[k], self->platt_a * self->dense[k] };

  /* the n strongest: n is small, so select them one by one */
  for (n_out = 0; n_out < n; n_out++)
    {
      gint best = -1;

      for (guint i = 0; i < n_found; i++)
        if (found[i].reason != NULL && (best < 0 || pick_before (&found[i], &found[best])))
          best = i;
      if (best < 0)
        break;
      out[n_out] = found[best].reason;
      found[best].reason = NULL;
    }
  return n_out;
}
