/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <string.h>
#if defined (__SSE2__)
#include <emmintrin.h>
#endif

G_BEGIN_DECLS

/* The first byte from @p up to @end that a JSON string cannot hold as it is
 * (a control character, '"' or '\\'), or @end.  Most text has none: it is
 * skipped sixteen bytes at a time where there is SSE2 (every x86-64), else
 * eight.
 */
static inline const char *
_crb_json_find_special (const char *p,
                        const char *end)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);

#if defined (__SSE2__) && defined (__GNUC__)
  {
    const __m128i quote = _mm_set1_epi8 ('"');
    const __m128i backslash = _mm_set1_epi8 ('\\');
    const __m128i control = _mm_set1_epi8 (0x1f);

    while (end - p >= 16)
      {
        __m128i v = _mm_loadu_si128 ((const __m128i *) p);
        __m128i found = _mm_or_si128 (_mm_or_si128 (_mm_cmpeq_epi8 (v, quote), _mm_cmpeq_epi8 (v, backslash)),
                                      _mm_cmpeq_epi8 (_mm_max_epu8 (v, control), control));
        int mask = _mm_movemask_epi8 (found);

        if (mask != 0)
          return p + __builtin_ctz ((unsigned) mask);
        p += 16;
      }
  }
#endif

  while (end - p >= 8)
    {
      guint64 w, quote, backslash, found;

      memcpy (&w, p, 8);
      quote = w ^ (ones * '"');
      backslash = w ^ (ones * '\\');
      /* A byte below 0x20, or a zero byte after the xor; exact for the
       * first such byte (the borrows only go up).
       */
      found = (((w - ones * 0x20) & ~w) |
               ((quote - ones) & ~quote) |
               ((backslash - ones) & ~backslash)) & highs;
      if (found != 0)
        {
#if G_BYTE_ORDER == G_LITTLE_ENDIAN && defined (__GNUC__)
          return p + __builtin_ctzll (found) / 8;
#else
          break;
#endif
        }
      p += 8;
    }

  while (p < end && (guchar) *p >= 0x20 && *p != '"' && *p != '\\')
    p++;
  return p;
}

/* g_string_append_len() without its checks, for the many short pieces of a
 * record: GLib 2.74 has no inline version.
 */
static inline void
_crb_string_append_len (GString    *out,
                        const char *data,
                        gsize       len)
{
  if (G_LIKELY (out->len + len < out->allocated_len))
    {
      memcpy (out->str + out->len, data, len);
      out->len += len;
      out->str[out->len] = '\0';
    }
  else
    g_string_append_len (out, data, len);
}

void     crb_json_append    (GString  *out,
                             JsonNode *node);
void     crb_json_append_string (GString    *out,
                                 const char *s);
void     crb_json_append_string_len (GString    *out,
                                     const char *s,
                                     gsize       length);
void     crb_json_append_double (GString    *out,
                                 double      d);
void     crb_json_append_int    (GString    *out,
                                 gint64      n);
void     crb_json_append_word   (GString    *out,
                                 const char *word);
void     crb_json_append_strv   (GString            *out,
                                 const char * const *strings);
void     crb_json_member        (GString    *out,
                                 gboolean   *first,
                                 const char *name);
char    *crb_json_to_string (JsonNode *node,
                             gsize    *length);
GBytes  *crb_json_to_bytes  (JsonNode *node);

G_END_DECLS
