/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-json"

#include "config.h"

#include "crb-json.h"

#include <math.h>
#include <string.h>
#include <stdlib.h>

/*
 * A compact JSON writer.  json-glib 1.6's generator prints every double with
 * 17 significant digits (0.973 becomes 0.97299999999999998); this one prints
 * the shortest form that reads back to the same double, keeps object members
 * in insertion order, and writes UTF-8 as is, escaping only what JSON
 * requires.  Files stay readable and byte-identical from run to run.
 */

/**
 * crb_json_append_string:
 * @s: (nullable): UTF-8 text; %NULL writes null
 *
 * Appends @s as a JSON string.
 */
void
crb_json_append_string (GString    *out,
                        const char *s)
{
  if (s == NULL)
    g_string_append (out, "null");
  else
    crb_json_append_string_len (out, s, strlen (s));
}

/**
 * crb_json_append_string_len:
 * @s: UTF-8 text
 * @length: its length in bytes
 *
 * Appends the first @length bytes of @s as a JSON string, stopping at a NUL
 * byte as crb_json_append_string() does.
 */
void
crb_json_append_string_len (GString    *out,
                            const char *s,
                            gsize       length)
{
  static const char hex[] = "0123456789abcdef";
  const char *end = s + length;

  g_string_append_c (out, '"');
  for (const char *p = s; p < end;)
    {
      const char *run = p;

      /* Most text needs no escape: copied in one go. */
      p = _crb_json_find_special (p, end);
      if (p > run)
        _crb_string_append_len (out, run, p - run);
      if (p == end || *p == '\0')
        break;

      switch (*p)
        {
        case '"':
          g_string_append (out, "\\\"");
          break;
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        case '\r':
          g_string_append (out, "\\r");
          break;
        case '\t':
          g_string_append (out, "\\t");
          break;
        default:
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[(guchar) *p >> 4]);
          g_string_append_c (out, hex[(guchar) *p & 0xF]);
          break;
        }
      p++;
    }
  g_string_append_c (out, '"');
}

void
crb_json_append_double (GString *out,
                        double   d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      g_string_append (out, "null");
      return;
    }

  /* The usual values without printf (a score, a count, a share): a double
   * nearest to k / 10000 for an integer k, with 1e-4 <= |d| < 1e11, is what
   * %.15g writes as the decimal digits of k / 10000, trailing zeros dropped.
   */
  if ((d == 0.0 && !signbit (d)) || (fabs (d) >= 1e-4 && fabs (d) < 1e11))
    {
      double magnitude = fabs (d);
      gint64 k = (gint64) llround (magnitude * 10000);

      if ((double) k / 10000 == magnitude)
        {
          char digits[32];
          char *p = digits + sizeof digits;
          gint64 whole = k / 10000;
          int frac = (int) (k % 10000);
          int places = 4;

          while (frac != 0 && frac % 10 == 0)
            {
              frac /= 10;
              places--;
            }
          if (frac != 0)
            {
              for (int i = 0; i < places; i++, frac /= 10)
                *--p = (char) ('0' + frac % 10);
              *--p = '.';
            }
          do
            {
              *--p = (char) ('0' + whole % 10);
              whole /= 10;
            }
          while (whole > 0);
          if (d < 0)
            *--p = '-';
          _crb_string_append_len (out, p, digits + sizeof digits - p);
          return;
        }
    }

  for (int precision = 15; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buf, sizeof buf, format, d);
      if (g_ascii_strtod (buf, NULL) == d)
        break;
    }

  g_string_append (out, buf);
}

void
crb_json_append_int (GString *out,
                     gint64   n)
{
  char digits[24];
  char *p = digits + sizeof digits;
  guint64 u = n < 0 ? -(guint64) n : (guint64) n;

  do
    {
      *--p = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u > 0);
  if (n < 0)
    *--p = '-';
  _crb_string_append_len (out, p, digits + sizeof digits - p);
}

/**
 * crb_json_append_word:
 * @word: a word of our own vocabulary (a status, a relation, a unit…),
 *   which needs no escape
 *
 * Appends @word as a JSON string, without looking for what to escape.
 */
void
crb_json_append_word (GString    *out,
                      const char *word)
{
  g_string_append_c (out, '"');
  _crb_string_append_len (out, word, strlen (word));
  g_string_append_c (out, '"');
}

static void
append_value (GString  *out,
              JsonNode *node)
{
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_INT64:
      g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case G_TYPE_DOUBLE:
      crb_json_append_double (out, json_node_get_double (node));
      break;
    case G_TYPE_BOOLEAN:
      g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
      break;
    case G_TYPE_STRING:
      crb_json_append_string (out, json_node_get_string (node));
      break;
    default:
      g_string_append (out, "null");
    }
}

/**
 * crb_json_append:
 * @out: where to write
 * @node: (nullable): the JSON value; %NULL writes null
 *
 * Appends @node as compact JSON, on one line.
 */
void
crb_json_append (GString  *out,
                 JsonNode *node)
{
  if (node == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      {
        JsonObject *object = json_node_get_object (node);
        g_autoptr (GList) members = json_object_get_members (object);
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        for (GList *l = members; l; l = l->next)
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            crb_json_append_string (out, l->data);
            g_string_append_c (out, ':');
            crb_json_append (out, json_object_get_member (object, l->data));
          }
        g_string_append_c (out, '}');
      }
      break;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            crb_json_append (out, json_array_get_element (array, i));
          }
        g_string_append_c (out, ']');
      }
      break;

    case JSON_NODE_VALUE:
      append_value (out, node);
      break;

    case JSON_NODE_NULL:
    default:
      g_string_append (out, "null");
      break;
    }
}

/**
 * crb_json_to_string:
 * @length: (out) (optional): the length of the result
 *
 * Returns: (transfer full): @node as compact JSON
 */
char *
crb_json_to_string (JsonNode *node,
                    gsize    *length)
{
  GString *out = g_string_sized_new (256);

  crb_json_append (out, node);
  if (length != NULL)
    *length = out->len;
  return g_string_free (out, FALSE);
}

/**
 * crb_json_to_bytes:
 *
 * Returns: (transfer full): @node as compact JSON
 */
GBytes *
crb_json_to_bytes (JsonNode *node)
{
  GString *out = g_string_sized_new (4096);

  crb_json_append (out, node);
  return g_string_free_to_bytes (out);
}

/**
 * crb_json_member:
 * @first: (inout): %TRUE before the object's first member
 *
 * Appends the separator and the name of an object member; the caller
 * appends its value next.
 */
void
crb_json_member (GString    *out,
                 gboolean   *first,
                 const char *name)
{
  gsize n = strlen (name);

  if (!*first)
    g_string_append_c (out, ',');
  *first = FALSE;

  /* Member names are short and almost never need an escape. */
  for (gsize i = 0; i < n; i++)
    if ((guchar) name[i] < 0x20 || name[i] == '"' || name[i] == '\\')
      {
        crb_json_append_string (out, name);
        g_string_append_c (out, ':');
        return;
      }
  g_string_append_c (out, '"');
  _crb_string_append_len (out, name, n);
  _crb_string_append_len (out, "\":", 2);
}

/**
 * crb_json_append_strv:
 * @strings: (nullable) (array zero-terminated=1): strings; %NULL writes []
 *
 * Appends @strings as a JSON array of strings.
 */
void
crb_json_append_strv (GString            *out,
                      const char * const *strings)
{
  g_string_append_c (out, '[');
  for (guint i = 0; strings && strings[i]; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      crb_json_append_string (out, strings[i]);
    }
  g_string_append_c (out, ']');
}
