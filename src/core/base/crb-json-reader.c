/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-json"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "crb-error.h"
#include "crb-json.h"
#include "crb-json-reader.h"

#define MAX_DEPTH 512
#define NONE 0   /* index 0 is the root, never a child or a sibling */

struct _CrbJsonValue
{
  guint8 type;
  guint8 canonical;  /* a string whose source is what crb_json_append_string() writes */
  guint  key;        /* offset of the member name in strings; G_MAXUINT if none */
  guint  key_len;
  guint  next;       /* index of the next sibling, or NONE */
  guint  first;      /* index of the first child, or NONE */
  guint  count;      /* number of children */
  guint  src_start;  /* byte offsets in the parsed data */
  guint  src_end;
  union
  {
    gint64   i;
    double   d;
    gboolean b;
    struct
    {
      guint off;
      guint len;
    } s;
  } u;
};

struct _CrbJsonDoc
{
  const char *data;     /* borrowed: valid as long as the caller keeps it */
  CrbJsonValue *values;    /* the values, root first */
  guint         n_values;
  guint         n_allocated;
  GString    *strings;  /* nul-terminated strings, one after the other */
};

typedef struct
{
  CrbJsonDoc *doc;
  const char *start;
  const char *p;
  const char *end;
  const char *error_at;
  const char *error_msg;
} Parser;

static gboolean parse_value (Parser *parser, guint index, guint depth);
static void free_doc (gpointer data);

/* The last document freed in a thread, whose blocks the next parse reuses. */
static GPrivate spare_doc = G_PRIVATE_INIT (free_doc);
#define SPARE_MAX_BYTES (16 * 1024 * 1024)

static gboolean
error_at (Parser     *parser,
          const char *where,
          const char *msg)
{
  parser->error_at = where;
  parser->error_msg = msg;
  return FALSE;
}

static inline void
skip_space (Parser *parser)
{
  const char *p = parser->p;

  /* Our own files have no space between tokens. */
  while (p < parser->end && (guchar) *p <= ' ' && (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r'))
    p++;
  parser->p = p;
}

static inline CrbJsonValue *
value_at (Parser *parser,
          guint   index)
{
  return &parser->doc->values[index];
}

static guint
new_value (Parser *parser)
{
  CrbJsonDoc *doc = parser->doc;
  CrbJsonValue *v;

  if (G_UNLIKELY (doc->n_values == doc->n_allocated))
    {
      doc->n_allocated = MAX (64, doc->n_allocated * 2);
      doc->values = g_renew (CrbJsonValue, doc->values, doc->n_allocated);
    }
  v = &doc->values[doc->n_values];
  memset (v, 0, sizeof *v);
  v->key = G_MAXUINT;
  return doc->n_values++;
}

static inline void
append_byte (GString *out,
             char     c)
{
  if (G_LIKELY (out->len + 1 < out->allocated_len))
    out->str[out->len++] = c;
  else
    g_string_append_c (out, c);
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser   *parser,
           gunichar *out)
{
  gunichar c = 0;

  if (parser->end - parser->p < 4)
    return error_at (parser, parser->p, N_("incomplete \\u escape"));
  for (int i = 0; i < 4; i++)
    {
      int h = hex_value (parser->p[i]);

      if (h < 0)
        return error_at (parser, parser->p + i, N_("invalid \\u escape"));
      c = (c << 4) | (gunichar) h;
    }
  parser->p += 4;
  *out = c;
  return TRUE;
}

/* Reads a string at parser->p (on the opening quote) into the strings block;
 * @canonical tells whether its escapes are those crb_json_append_string()
 * writes, so that the source can be copied instead of written anew.
 */
static gboolean
parse_string (Parser   *parser,
              guint    *offset,
              guint    *length,
              gboolean *canonical)
{
  GString *strings = parser->doc->strings;
  const char *p = parser->p + 1;
  const char *end = parser->end;
  gsize start = strings->len;

  *canonical = TRUE;

  for (;;)
    {
      const char *run = p;

      p = _crb_json_find_special (p, end);
      _crb_string_append_len (strings, run, p - run);

      if (p >= end)
        return error_at (parser, p, N_("unterminated string"));
      if (*p == '"')
        break;
      if ((guchar) *p < 0x20)
        return error_at (parser, p, N_("control character in a string"));

      /* An escape. */
      if (++p >= end)
        return error_at (parser, p, N_("unterminated string"));
      switch (*p++)
        {
        case '"': append_byte (strings, '"'); break;
        case '\\': append_byte (strings, '\\'); break;
        case '/': append_byte (strings, '/'); *canonical = FALSE; break;
        case 'b': append_byte (strings, '\b'); *canonical = FALSE; break;
        case 'f': append_byte (strings, '\f'); *canonical = FALSE; break;
        case 'n': append_byte (strings, '\n'); break;
        case 'r': append_byte (strings, '\r'); break;
        case 't': append_byte (strings, '\t'); break;
        case 'u':
          {
            gunichar c;

            parser->p = p;
            if (!read_hex4 (parser, &c))
              return FALSE;
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                gunichar low;

                if (parser->end - parser->p < 6 || parser->p[0] != '\\' || parser->p[1] != 'u')
                  return error_at (parser, parser->p, N_("unpaired surrogate in a \\u escape"));
                parser->p += 2;
                if (!read_hex4 (parser, &low))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  return error_at (parser, parser->p - 6, N_("unpaired surrogate in a \\u escape"));
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
              }
            else if (c >= 0xDC00 && c <= 0xDFFF)
              return error_at (parser, parser->p - 6, N_("unpaired surrogate in a \\u escape"));
            else if (c == 0)
              return error_at (parser, parser->p - 6, N_("\\u0000 is not allowed in text"));
            /* The writer spells other control characters \u00xx. */
            if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t' ||
                g_ascii_isupper (parser->p[-1]) || g_ascii_isupper (parser->p[-2]))
              *canonical = FALSE;
            g_string_append_unichar (strings, c);
            p = parser->p;
          }
          break;
        default:
          return error_at (parser, p - 2, N_("invalid escape in a string"));
        }
    }

  parser->p = p + 1;
  *offset = (guint) start;
  *length = (guint) (strings->len - start);
  append_byte (strings, '\0');
  return TRUE;
}

/* A checked JSON number of at most 15 digits and a power of ten up to 22:
 * its digits and the power are exact doubles, so one multiplication or
 * division rounds it as strtod() does (Clinger's fast path).  FALSE for
 * other numbers.
 */
static gboolean
read_short_decimal (const char *p,
                    const char *end,
                    double     *out)
{
  static const double powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
  };
  gboolean negative = *p == '-';
  guint64 digits = 0;
  int n_digits = 0, power = 0;

  if (negative)
    p++;
  for (; p < end && *p != 'e' && *p != 'E'; p++)
    {
      if (*p == '.')
        {
          power = 1;  /* counts the digits after the point, plus one */
          continue;
        }
      digits = digits * 10 + (guint64) (*p - '0');
      n_digits += digits != 0;
      power += power != 0;
      if (n_digits > 15)
        return FALSE;
    }
  power = power > 0 ? -(power - 1) : 0;
  if (p < end)
    {
      gboolean down = p[1] == '-';
      int e = 0;

      for (p += 1 + (p[1] == '-' || p[1] == '+'); p < end; p++)
        if ((e = e * 10 + (*p - '0')) > 400)
          return FALSE;
      power += down ? -e : e;
    }
  if (power < -22 || power > 22)
    return FALSE;

  *out = power >= 0 ? (double) digits * powers[power] : (double) digits / powers[-power];
  if (negative)
    *out = -*out;
  return TRUE;
}

static gboolean
parse_number (Parser       *parser,
              CrbJsonValue *v)
{
  const char *p = parser->p;
  const char *end = parser->end;
  const char *start = p;
  gboolean integral = TRUE;

  if (p < end && *p == '-')
    p++;
  if (p >= end || !g_ascii_isdigit (*p))
    return error_at (parser, p, N_("invalid number"));
  if (*p == '0')
    p++;
  else
    while (p < end && g_ascii_isdigit (*p))
      p++;
  if (p < end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return error_at (parser, p, N_("invalid number"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }
  if (p < end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < end && (*p == '+' || *p == '-'))
        p++;
      if (p >= end || !g_ascii_isdigit (*p))
        return error_at (parser, p, N_("invalid number"));
      while (p < end && g_ascii_isdigit (*p))
        p++;
    }

  parser->p = p;

  if (integral && p - start <= 18)
    {
      const char *q = start;
      gboolean negative = *q == '-';
      gint64 n = 0;

      if (negative)
        q++;
      for (; q < p; q++)
        n = n * 10 + (*q - '0');
      v->type = CRB_JSON_INT;
      v->u.i = negative ? -n : n;
      return TRUE;
    }

  if (!integral && read_short_decimal (start, p, &v->u.d))
    {
      v->type = CRB_JSON_DOUBLE;
      return TRUE;
    }

  {
    char buffer[64];
    g_autofree char *copy = NULL;
    char *text = buffer;

    if ((gsize) (p - start) >= sizeof buffer)
      text = copy = g_strndup (start, p - start);
    else
      {
        memcpy (buffer, start, p - start);
        buffer[p - start] = '\0';
      }

    if (integral)
      {
        gint64 n;

        if (g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &n, NULL))
          {
            v->type = CRB_JSON_INT;
            v->u.i = n;
            return TRUE;
          }
      }
    v->type = CRB_JSON_DOUBLE;
    v->u.d = g_ascii_strtod (text, NULL);
  }
  return TRUE;
}

static gboolean
expect_word (Parser     *parser,
             const char *word,
             gsize       len)
{
  if ((gsize) (parser->end - parser->p) < len || memcmp (parser->p, word, len) != 0)
    return error_at (parser, parser->p, N_("unexpected character"));
  parser->p += len;
  return TRUE;
}

static gboolean
parse_container (Parser *parser,
                 guint   index,
                 guint   depth,
                 gboolean object)
{
  char close = object ? '}' : ']';
  guint last = NONE;
  guint count = 0;

  if (depth >= MAX_DEPTH)
    return error_at (parser, parser->p, N_("nested too deeply"));

  parser->p++;
  skip_space (parser);
  if (parser->p < parser->end && *parser->p == close)
    {
      parser->p++;
      return TRUE;
    }

  for (;;)
    {
      guint key = G_MAXUINT;
      guint key_len = 0;
      guint child;

      if (object)
        {
          gboolean key_canonical;

          if (parser->p >= parser->end || *parser->p != '"')
            return error_at (parser, parser->p, N_("expected a member name in quotes"));
          if (!parse_string (parser, &key, &key_len, &key_canonical))
            return FALSE;
          skip_space (parser);
          if (parser->p >= parser->end || *parser->p != ':')
            return error_at (parser, parser->p, N_("expected “:”"));
          parser->p++;
          skip_space (parser);
        }

      child = new_value (parser);
      value_at (parser, child)->key = key;
      value_at (parser, child)->key_len = key_len;
      if (last == NONE)
        value_at (parser, index)->first = child;
      else
        value_at (parser, last)->next = child;
      last = child;
      count++;

      if (!parse_value (parser, child, depth + 1))
        return FALSE;

      skip_space (parser);
      if (parser->p >= parser->end)
        return error_at (parser, parser->p, object ? N_("unterminated object")
                                                   : N_("unterminated array"));
      if (*parser->p == ',')
        {
          parser->p++;
          skip_space (parser);
          continue;
        }
      if (*parser->p == close)
        {
          parser->p++;
          break;
        }
      return error_at (parser, parser->p, object ? N_("expected “,” or “}”")
                                                 : N_("expected “,” or “]”"));
    }

  value_at (parser, index)->count = count;
  return TRUE;
}

/* Parses the value at parser->p (no leading space) into values[index]. */
static gboolean
parse_value (Parser *parser,
             guint   index,
             guint   depth)
{
  guint src_start = (guint) (parser->p - parser->start);
  CrbJsonValue *v;
  gboolean ok;

  if (parser->p >= parser->end)
    return error_at (parser, parser->p, N_("unexpected end of data"));

  switch (*parser->p)
    {
    case '{':
    case '[':
      {
        gboolean object = *parser->p == '{';

        value_at (parser, index)->type = object ? CRB_JSON_OBJECT : CRB_JSON_ARRAY;
        ok = parse_container (parser, index, depth, object);
      }
      break;

    case '"':
      {
        gboolean canonical;
        guint off, len;

        ok = parse_string (parser, &off, &len, &canonical);
        v = value_at (parser, index);
        v->type = CRB_JSON_STRING;
        v->canonical = canonical;
        v->u.s.off = off;
        v->u.s.len = len;
      }
      break;

    case 't':
      ok = expect_word (parser, "true", 4);
      v = value_at (parser, index);
      v->type = CRB_JSON_BOOLEAN;
      v->u.b = TRUE;
      break;

    case 'f':
      ok = expect_word (parser, "false", 5);
      v = value_at (parser, index);
      v->type = CRB_JSON_BOOLEAN;
      v->u.b = FALSE;
      break;

    case 'n':
      ok = expect_word (parser, "null", 4);
      value_at (parser, index)->type = CRB_JSON_NULL;
      break;

    default:
      ok = parse_number (parser, value_at (parser, index));
      break;
    }

  v = value_at (parser, index);
  v->src_start = src_start;
  v->src_end = (guint) (parser->p - parser->start);
  return ok;
}

/* g_utf8_validate_len(), with ASCII skipped 16 or eight bytes at a time. */
static gboolean
validate_utf8 (const char  *data,
               gsize        length,
               const char **invalid)
{
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  const guchar *p = (const guchar *) data;
  const guchar *end = p + length;

  while (p < end)
    {
      gunichar c;

#if defined (__SSE2__)
      while (end - p >= 16 && _mm_movemask_epi8 (_mm_loadu_si128 ((const __m128i *) p)) == 0)
        p += 16;
#endif
      while (end - p >= 8)
        {
          guint64 w;

          memcpy (&w, p, 8);
          if (w & highs)
            break;
          p += 8;
        }
      while (p < end && *p < 0x80)
        p++;
      if (p == end)
        break;

      c = g_utf8_get_char_validated ((const char *) p, end - p);
      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          *invalid = (const char *) p;
          return FALSE;
        }
      p = (const guchar *) g_utf8_next_char (p);
    }

  return TRUE;
}

/**
 * crb_json_doc_parse:
 * @data: JSON text, UTF-8; it must stay valid as long as the document
 *   (crb_json_raw() points into it)
 *
 * On failure the message reads "LINE:COLUMN: Parse error: …", counted in
 * @data, so that callers can shift the line number.
 *
 * Returns: (transfer full) (nullable): the document
 */
CrbJsonDoc *
crb_json_doc_parse (const char  *data,
                    gsize        length,
                    GError     **error)
{
  g_autoptr (CrbJsonDoc) doc = g_new0 (CrbJsonDoc, 1);
  Parser parser = { doc, data, data, data + length, NULL, NULL };
  const char *invalid;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > G_MAXUINT)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("1:1: Parse error: a line longer than %u bytes"), G_MAXUINT);
      return NULL;
    }

  /* The arrays of the last document freed in this thread are reused: large
   * blocks allocated anew for every line cost more in page faults than the
   * parse itself.
   */
  {
    CrbJsonDoc *spare = g_private_get (&spare_doc);

    if (spare != NULL)
      {
        g_private_set (&spare_doc, NULL);
        doc->values = g_steal_pointer (&spare->values);
        doc->n_allocated = spare->n_allocated;
        doc->strings = g_steal_pointer (&spare->strings);
        g_free (spare);
        g_string_truncate (doc->strings, 0);
      }
    else
      {
        doc->n_allocated = 64 + length / 16;
        doc->values = g_new (CrbJsonValue, doc->n_allocated);
        doc->strings = g_string_sized_new (length);
      }
  }
  doc->data = data;

  if (!validate_utf8 (data, length, &invalid))
    error_at (&parser, invalid, N_("invalid UTF-8"));
  else
    {
      skip_space (&parser);
      new_value (&parser);
      if (parse_value (&parser, 0, 0))
        {
          skip_space (&parser);
          if (parser.p < parser.end)
            error_at (&parser, parser.p, N_("unexpected data after the value"));
        }
    }

  if (parser.error_msg != NULL)
    {
      guint line = 1;
      const char *line_start = data;

      for (const char *q = data; q < parser.error_at; q++)
        if (*q == '\n')
          {
            line++;
            line_start = q + 1;
          }
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%u:%u: Parse error: %s"),
                   line, (guint) g_utf8_strlen (line_start, parser.error_at - line_start) + 1,
                   _(parser.error_msg));
      return NULL;
    }

  return g_steal_pointer (&doc);
}

void
crb_json_doc_free (CrbJsonDoc *doc)
{
  if (doc == NULL)
    return;

  /* Kept for the next parse in this thread, unless it is huge. */
  if (g_private_get (&spare_doc) == NULL && doc->values != NULL && doc->strings != NULL &&
      doc->strings->allocated_len <= SPARE_MAX_BYTES)
    {
      doc->data = NULL;
      g_private_set (&spare_doc, doc);
      return;
    }

  free_doc (doc);
}

static void
free_doc (gpointer data)
{
  CrbJsonDoc *doc = data;

  g_free (doc->values);
  if (doc->strings)
    g_string_free (doc->strings, TRUE);
  g_free (doc);
}

const CrbJsonValue *
crb_json_doc_root (const CrbJsonDoc *doc)
{
  return &doc->values[0];
}

/**
 * crb_json_type:
 * @value: (nullable): a value
 *
 * Returns: its type; %CRB_JSON_NULL for a missing (%NULL) value
 */
CrbJsonType
crb_json_type (const CrbJsonValue *value)
{
  return value != NULL ? value->type : CRB_JSON_NULL;
}

const char *
crb_json_type_name (CrbJsonType type)
{
  static const char * const names[] = {
    "null", "boolean", "integer", "number", "string", "array", "object",
  };

  return names[type];
}

gboolean
crb_json_is_number (const CrbJsonValue *value)
{
  return value != NULL && (value->type == CRB_JSON_INT || value->type == CRB_JSON_DOUBLE);
}

guint
crb_json_length (const CrbJsonValue *value)
{
  return value != NULL && (value->type == CRB_JSON_ARRAY || value->type == CRB_JSON_OBJECT)
         ? value->count : 0;
}

/* The functions of the API are not inlined in the library (they could be
 * interposed): these are, for the loops here.
 */
static inline const CrbJsonValue *
first_child (const CrbJsonDoc   *doc,
             const CrbJsonValue *value)
{
  return value == NULL || value->first == NONE ? NULL : &doc->values[value->first];
}

static inline const CrbJsonValue *
next_sibling (const CrbJsonDoc   *doc,
              const CrbJsonValue *child)
{
  return child == NULL || child->next == NONE ? NULL : &doc->values[child->next];
}

static inline gboolean
is_canonical (const CrbJsonValue *value)
{
  return value != NULL && value->type == CRB_JSON_STRING && value->canonical;
}

const CrbJsonValue *
crb_json_first (const CrbJsonDoc   *doc,
                const CrbJsonValue *value)
{
  return first_child (doc, value);
}

const CrbJsonValue *
crb_json_next (const CrbJsonDoc   *doc,
               const CrbJsonValue *child)
{
  return next_sibling (doc, child);
}

const char *
crb_json_key (const CrbJsonDoc   *doc,
              const CrbJsonValue *member)
{
  return member->key == G_MAXUINT ? NULL : doc->strings->str + member->key;
}

/**
 * crb_json_member_get:
 *
 * Returns: (nullable): the member of @object called @name (the last one if
 *   the name appears twice, as json-glib does), or %NULL
 */
const CrbJsonValue *
crb_json_member_get (const CrbJsonDoc   *doc,
                     const CrbJsonValue *object,
                     const char         *name)
{
  const CrbJsonValue *found = NULL;
  gsize len;

  if (object == NULL || object->type != CRB_JSON_OBJECT)
    return NULL;

  len = strlen (name);
  for (const CrbJsonValue *m = first_child (doc, object); m; m = next_sibling (doc, m))
    {
      const char *key = doc->strings->str + m->key;

      if (m->key_len == len && key[0] == name[0] && memcmp (key, name, len) == 0)
        found = m;
    }
  return found;
}

/**
 * crb_json_get_members:
 * @names: (array length=n): member names
 * @values: (out caller-allocates) (array length=n): for each name, the
 *   member of @object called so (the last one if the name appears twice),
 *   or %NULL
 *
 * Looks up @n members of @object in one pass over its members, as
 * crb_json_member_get() looks up one.  Fastest when the names come in the
 * order the object usually has its members in.
 */
void
crb_json_get_members (const CrbJsonDoc    *doc,
                      const CrbJsonValue  *object,
                      guint                n,
                      const char * const  *names,
                      const CrbJsonValue **values)
{
  gsize lengths[32];
  guint next = 0;

  g_return_if_fail (n <= G_N_ELEMENTS (lengths));

  for (guint i = 0; i < n; i++)
    {
      values[i] = NULL;
      lengths[i] = strlen (names[i]);
    }
  if (object == NULL || object->type != CRB_JSON_OBJECT || n == 0)
    return;

  for (const CrbJsonValue *m = first_child (doc, object); m; m = next_sibling (doc, m))
    {
      const char *key = doc->strings->str + m->key;

      /* From the name after the last one found. */
      for (guint k = 0, i = next; k < n; k++, i = i + 1 < n ? i + 1 : 0)
        if (m->key_len == lengths[i] && key[0] == names[i][0] && memcmp (key, names[i], lengths[i]) == 0)
          {
            values[i] = m;
            next = i + 1 < n ? i + 1 : 0;
            break;
          }
    }
}

const char *
crb_json_string (const CrbJsonDoc   *doc,
                 const CrbJsonValue *value)
{
  if (value == NULL || value->type != CRB_JSON_STRING)
    return NULL;
  return doc->strings->str + value->u.s.off;
}

gsize
crb_json_string_length (const CrbJsonValue *value)
{
  return value != NULL && value->type == CRB_JSON_STRING ? value->u.s.len : 0;
}

gint64
crb_json_int (const CrbJsonValue *value)
{
  if (value == NULL)
    return 0;
  if (value->type == CRB_JSON_INT)
    return value->u.i;
  if (value->type == CRB_JSON_DOUBLE)
    {
      /* Saturated: converting a double out of range is undefined (1e300). */
      if (value->u.d >= 0x1p63)
        return G_MAXINT64;
      if (!(value->u.d >= -0x1p63))
        return value->u.d < 0 ? G_MININT64 : 0;
      return (gint64) value->u.d;
    }
  return 0;
}

double
crb_json_double (const CrbJsonValue *value)
{
  if (value == NULL)
    return 0.0;
  if (value->type == CRB_JSON_DOUBLE)
    return value->u.d;
  if (value->type == CRB_JSON_INT)
    return (double) value->u.i;
  return 0.0;
}

gboolean
crb_json_boolean (const CrbJsonValue *value)
{
  return value != NULL && value->type == CRB_JSON_BOOLEAN && value->u.b;
}

const char *
crb_json_raw (const CrbJsonDoc   *doc,
              const CrbJsonValue *value,
              gsize              *length)
{
  *length = value->src_end - value->src_start;
  return doc->data + value->src_start;
}

/**
 * crb_json_is_canonical:
 * @value: (nullable): a value
 *
 * Returns: whether @value is a string whose source text (crb_json_raw())
 *   is exactly what crb_json_append_string() writes for it
 */
gboolean
crb_json_is_canonical (const CrbJsonValue *value)
{
  return is_canonical (value);
}

static inline void
append_source (GString            *out,
               const CrbJsonDoc   *doc,
               const CrbJsonValue *value)
{
  _crb_string_append_len (out, doc->data + value->src_start, value->src_end - value->src_start);
}

/**
 * crb_json_append_string_value:
 * @value: (nullable): a string of @doc; anything else writes null
 *
 * Appends @value as crb_json_append_string() writes its text, copying its
 * source when that is already the same bytes (most strings).
 */
void
crb_json_append_string_value (GString            *out,
                              const CrbJsonDoc   *doc,
                              const CrbJsonValue *value)
{
  if (is_canonical (value))
    append_source (out, doc, value);
  else
    crb_json_append_string (out, value != NULL && value->type == CRB_JSON_STRING
                                 ? doc->strings->str + value->u.s.off : NULL);
}

/**
 * crb_json_append_strv_value:
 * @value: (nullable): an array of strings of @doc; %NULL writes []
 *
 * Appends @value as crb_json_append_strv() writes its strings, copying its
 * source when that is already the same bytes.
 */
void
crb_json_append_strv_value (GString            *out,
                            const CrbJsonDoc   *doc,
                            const CrbJsonValue *value)
{
  gboolean copy = value != NULL && value->type == CRB_JSON_ARRAY;
  gsize compact = value != NULL && value->count > 0 ? 1 + value->count : 2;  /* brackets, commas */

  /* Copied when it holds canonical strings only, without spaces. */
  for (const CrbJsonValue *e = first_child (doc, value); copy && e; e = next_sibling (doc, e))
    {
      copy = is_canonical (e);
      compact += e->src_end - e->src_start;
    }
  if (copy && compact == value->src_end - value->src_start)
    {
      append_source (out, doc, value);
      return;
    }

  g_string_append_c (out, '[');
  for (const CrbJsonValue *e = first_child (doc, value); e; e = next_sibling (doc, e))
    {
      if (e != first_child (doc, value))
        g_string_append_c (out, ',');
      crb_json_append_string_value (out, doc, e);
    }
  g_string_append_c (out, ']');
}

const char *
crb_json_get_string (const CrbJsonDoc   *doc,
                     const CrbJsonValue *object,
                     const char         *name,
                     const char         *default_value)
{
  const char *s = crb_json_string (doc, crb_json_member_get (doc, object, name));

  return s ? s : default_value;
}

/**
 * crb_json_get_field:
 * @object: (nullable): an object of @doc
 * @parent: (nullable): the name of the object @object is a member of, for
 *   messages ("span" gives "span.start")
 * @type: the type the member must have; %CRB_JSON_INT means a non-negative
 *   integer
 * @required: whether a missing (or null) member is an error
 * @out: (out) (nullable): the member, %NULL when it is missing
 *
 * Checks a member for the readers of the project's files, with the same
 * messages everywhere ("the field “start” must be a non-negative integer");
 * callers add the file and line.
 *
 * Returns: %FALSE with @error set when the member is missing but required,
 *   or has another type
 */
gboolean
crb_json_get_field (const CrbJsonDoc    *doc,
                    const CrbJsonValue  *object,
                    const char          *parent,
                    const char          *member,
                    CrbJsonType          type,
                    gboolean             required,
                    const CrbJsonValue **out,
                    GError             **error)
{
  return crb_json_check_field (crb_json_member_get (doc, object, member), parent, member,
                               type, required, out, error);
}

/**
 * crb_json_check_field:
 * @value: (nullable): the member called @member, as crb_json_member_get()
 *   or crb_json_get_members() found it
 *
 * Checks a member found already, as crb_json_get_field() does.
 */
gboolean
crb_json_check_field (const CrbJsonValue  *value,
                      const char          *parent,
                      const char          *member,
                      CrbJsonType          type,
                      gboolean             required,
                      const CrbJsonValue **out,
                      GError             **error)
{
  g_autofree char *name = NULL;

  *out = NULL;
  if (value == NULL || value->type == CRB_JSON_NULL)
    {
      if (!required)
        return TRUE;
      name = parent ? g_strconcat (parent, ".", member, NULL) : g_strdup (member);
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("the field “%s” is missing"), name);
      return FALSE;
    }

  if (value->type == type && (type != CRB_JSON_INT || value->u.i >= 0))
    {
      *out = value;
      return TRUE;
    }

  name = parent ? g_strconcat (parent, ".", member, NULL) : g_strdup (member);
  switch (type)
    {
    case CRB_JSON_STRING:
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("the field “%s” must be a string"), name);
      break;
    case CRB_JSON_INT:
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("the field “%s” must be a non-negative integer"), name);
      break;
    case CRB_JSON_ARRAY:
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("the field “%s” must be an array"), name);
      break;
    case CRB_JSON_OBJECT:
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("the field “%s” must be an object"), name);
      break;
    case CRB_JSON_NULL:
    case CRB_JSON_BOOLEAN:
    case CRB_JSON_DOUBLE:
    default:
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("the field “%s” has the wrong type"), name);
      break;
    }
  return FALSE;
}
