/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-extract-analyzer.h: the insides of the per-segment analyzer, shared
 * by its files: crb-extract-analyze.c (the analyzer, the tokenizer and the
 * score), crb-extract-dates.c, crb-extract-quantities.c and
 * crb-extract-entities.c (names and the attribution).  Private to extract/. */
#pragma once

#include "crb-extract-private.h"
#include "crb-extract-lexicon.h"
#include "crb-json.h"

#include <string.h>

G_BEGIN_DECLS

/* caps on the size of the values object for huge segments */
#define MAX_ITEMS 64

/* The values of a segment are written as compact JSON text as they are
 * found, one buffer per array, and joined at the end: building a json-glib
 * tree for every segment and freeing it again cost about half the time of
 * the whole extraction.  The text is what crb_json_append() writes for the
 * equivalent tree (members in insertion order, strings as is, escaping
 * only what JSON requires). */
typedef struct
{
  GString *buf;   /* the elements, comma separated, without brackets */
  guint    count;
} JsonList;

typedef enum
{
  TOK_WORD,
  TOK_NUM,
  TOK_PUNCT,
} TokKind;

typedef struct
{
  gsize start;        /* absolute byte offsets */
  gsize end;
  guint lower;        /* offset of the lower-cased text in the buffer */
  guint32 cls;
  guint8 kind;
  guint8 cap;         /* first letter upper case */
  guint8 allcaps;     /* two or more letters, all upper case */
  guint8 in_quote;
  guint8 used;        /* consumed by a date or a quantity */
  guint8 entity_end;  /* last token of an entity (index + 1 stored in ent) */
  guint8 hyphen;      /* a word with a '-' inside */
  gunichar punct;
  double num;         /* TOK_NUM: value of the numeric prefix */
  guint num_len;      /* TOK_NUM: bytes of the numeric prefix */
  int ent;            /* index of the entity ending here, -1 */
} Tok;

typedef struct
{
  gsize start;
  gsize end;
  const char *type;
} Entity;

struct _CrbAnalyzer
{
  GArray *toks;
  GString *lower;
  GArray *entities;
  GHashTable *names;  /* lower-cased names seen earlier in the document */
  GString *scratch;   /* for type_entity () */
  guint32 cls_any;    /* the lexicon classes of the segment's words, or'ed */
  guint n_num;        /* the segment's TOK_NUM tokens */
  JsonList quantities;
  JsonList dates;
  JsonList entity_list;
  GString *values;    /* the values object of the segment */
  gboolean no_values;
  gboolean has_date;
  GDate date;
  const char *text;
};

typedef struct
{
  guint found;
  gboolean casualties;
  gboolean percent;
  gboolean money;
} QuantityInfo;

typedef struct
{
  gsize start;
  gsize end;
  const char *verb;
  const char *source; /* "named", "institution", "anonymous", "pronoun" */
} Speaker;

/* ------------------------------------------------------------ JSON text */

#define PUT_LITERAL(out, literal) _crb_string_append_len ((out), "" literal, sizeof (literal) - 1)

/* the name of a member that is not the first of its object */
#define JSON_MEMBER(out, name) PUT_LITERAL ((out), ",\"" name "\":")

/* the name of a member of the values object (@v holds its opening brace) */
#define VALUES_MEMBER(v, name) \
  G_STMT_START { \
    if ((v)->len > 1) \
      PUT_LITERAL ((v), ","); \
    PUT_LITERAL ((v), "\"" name "\":"); \
  } G_STMT_END

/* starts a new element of @list and returns its buffer, positioned after
 * `{"text":` */
static inline GString *
json_list_open (JsonList *list)
{
  if (list->count++ > 0)
    PUT_LITERAL (list->buf, ",");
  PUT_LITERAL (list->buf, "{\"text\":");
  return list->buf;
}

/* g_str_has_suffix() for a string of known length and a literal suffix */
#define ENDS_WITH(s, len, literal) \
  ((len) >= sizeof (literal) - 1 && \
   memcmp ((s) + (len) - (sizeof (literal) - 1), "" literal, sizeof (literal) - 1) == 0)

#define TOK(i) (&g_array_index (a->toks, Tok, (i)))
#define LOW(tk) (a->lower->str + (tk)->lower)

static inline gboolean
tok_is (CrbAnalyzer *a,
        guint        i,
        const char  *word)
{
  const char *low;

  if (i >= a->toks->len)
    return FALSE;
  low = LOW (TOK (i));
  return low[0] == word[0] && strcmp (low, word) == 0;
}

static inline gboolean
tok_punct (CrbAnalyzer *a,
           guint        i,
           gunichar     c)
{
  return i < a->toks->len && TOK (i)->kind == TOK_PUNCT && TOK (i)->punct == c;
}

static inline gboolean
in_list (const char        *w,
         const char *const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (w[0] == list[i][0] && strcmp (w, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Each finder reads the token array of the current segment; dates and
 * quantities mark the tokens they consume (Tok.used), entities mark where
 * names end (Tok.ent), the attribution uses both. */
guint     _crb_analyzer_find_dates      (CrbAnalyzer  *a);
void      _crb_analyzer_find_quantities (CrbAnalyzer  *a,
                                         QuantityInfo *info);
void      _crb_analyzer_find_entities   (CrbAnalyzer  *a);
gboolean  _crb_analyzer_find_speaker    (CrbAnalyzer  *a,
                                         Speaker      *sp);

G_END_DECLS
