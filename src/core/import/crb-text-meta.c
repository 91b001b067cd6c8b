/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-text-meta.c: metadata at the head of a text file (front matter,
 * "key: value" lines, a leading "date 2024-05-24") and the dates in it
 *
 * Everything here works on untrusted input: every function must accept
 * arbitrary bytes without crashing and run in linear time.
 */

#define G_LOG_DOMAIN "crb-text"

#include "config.h"

#include "crb-text-private.h"

#include <string.h>

void
crb_text_meta_clear (CrbTextMeta *meta)
{
  if (meta == NULL)
    return;

  g_clear_pointer (&meta->title, g_free);
  g_clear_pointer (&meta->outlet, g_free);
  g_clear_pointer (&meta->url, g_free);
  g_clear_pointer (&meta->date, g_free);
  g_clear_pointer (&meta->author, g_free);
}

/* Sets *field to a copy of value unless it is already set or value is
 * empty.  Callers' values win over whatever we find in the file. */
void
_crb_text_meta_set (char       **field,
                    const char  *value)
{
  if (*field != NULL || value == NULL || *value == '\0')
    return;

  *field = g_strdup (value);
}

/* ------------------------------------------------------------------ */
/* ISO dates                                                            */
/* ------------------------------------------------------------------ */

static gboolean
digits (const char *s,
        guint       n,
        guint      *value)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }
  *value = v;
  return TRUE;
}

/* Returns the length of an ISO 8601 date ("YYYY-MM-DD") or date-time
 * ("YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH[:MM]]", the "T" may be a space) at
 * the start of s, or 0. */
static gsize
match_iso_datetime (const char *s)
{
  guint year, month, day, hour, minute, second;
  gsize n, t;

  if (!digits (s, 4, &year) || s[4] != '-' ||
      !digits (s + 5, 2, &month) || s[7] != '-' ||
      !digits (s + 8, 2, &day))
    return 0;
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > 31)
    return 0;
  if (g_ascii_isdigit (s[10]))
    return 0;
  n = 10;

  if ((s[10] != 'T' && s[10] != 't' && s[10] != ' ') ||
      !digits (s + 11, 2, &hour) || s[13] != ':' ||
      !digits (s + 14, 2, &minute) || hour > 24 || minute > 59)
    return n;
  t = 16;
  if (s[t] == ':' && digits (s + t + 1, 2, &second) && second <= 60)
    {
      t += 3;
      if ((s[t] == '.' || s[t] == ',') && g_ascii_isdigit (s[t + 1]))
        {
          t++;
          while (g_ascii_isdigit (s[t]))
            t++;
        }
    }
  if (s[t] == 'Z' || s[t] == 'z')
    t++;
  else if ((s[t] == '+' || s[t] == '-') && digits (s + t + 1, 2, &hour))
    {
      t += 3;
      if (s[t] == ':' && digits (s + t + 1, 2, &minute))
        t += 3;
      else if (digits (s + t, 2, &minute))
        t += 2;
    }
  if (g_ascii_isalnum (s[t]))
    return n;

  return t;
}

/* Copies an ISO date-time of length n, writing the time separator as "T". */
static char *
iso_dup (const char *s,
         gsize       n)
{
  char *r = g_strndup (s, n);

  if (n > 10)
    r[10] = 'T';
  return r;
}

static const char * const month_names[] = {
  "jan", "feb", "mar", "apr", "may", "jun",
  "jul", "aug", "sep", "oct", "nov", "dec",
};

/* Turns the common ways of writing a date into ISO 8601: ISO itself,
 * "2024/05/24", "24.05.2024", "24 May 2024", "May 24, 2024" and
 * "Friday, 24 May 2024".  Returns NULL for anything else (including
 * the ambiguous "05/06/2024"). */
char *
_crb_text_parse_date (const char *value)
{
  g_autofree char *v = g_strstrip (g_strdup (value));
  guint a, b, c;
  gsize n;
  guint year = 0, month = 0, day = 0, n_numbers = 0;
  guint numbers[3];
  const char *p;

  n = match_iso_datetime (v);
  if (n > 0 && v[n] == '\0')
    return iso_dup (v, n);

  if (digits (v, 4, &a) && (v[4] == '/' || v[4] == '.') &&
      digits (v + 5, 2, &b) && v[7] == v[4] && digits (v + 8, 2, &c) && v[10] == '\0')
    {
      year = a, month = b, day = c;
      goto done;
    }
  if (digits (v, 2, &a) && v[2] == '.' && digits (v + 3, 2, &b) && v[5] == '.' &&
      digits (v + 6, 4, &c) && v[10] == '\0')
    {
      day = a, month = b, year = c;
      goto done;
    }

  /* Words and numbers: one month name, a day and a four-digit year. */
  p = v;
  while (*p != '\0')
    {
      if (g_ascii_isdigit (*p))
        {
          guint x = 0, len = 0;

          while (g_ascii_isdigit (*p) && len < 6)
            x = x * 10 + (guint) (*p++ - '0'), len++;
          if (g_ascii_isdigit (*p) || n_numbers == 3)
            return NULL;
          numbers[n_numbers++] = x;
          /* ordinal suffixes: 1st, 2nd, 24th */
          if (g_ascii_isalpha (p[0]) && g_ascii_isalpha (p[1]) && !g_ascii_isalpha (p[2]) &&
              (g_ascii_strncasecmp (p, "st", 2) == 0 || g_ascii_strncasecmp (p, "nd", 2) == 0 ||
               g_ascii_strncasecmp (p, "rd", 2) == 0 || g_ascii_strncasecmp (p, "th", 2) == 0))
            p += 2;
        }
      else if (g_ascii_isalpha (*p))
        {
          const char *w = p;
          gsize len;
          gboolean known = FALSE;

          while (g_ascii_isalpha (*p))
            p++;
          len = (gsize) (p - w);
          for (guint i = 0; i < G_N_ELEMENTS (month_names) && len >= 3; i++)
            if (g_ascii_strncasecmp (w, month_names[i], 3) == 0)
              {
                if (month != 0)
                  return NULL;
                month = i + 1;
                known = TRUE;
                break;
              }
          if (!known && len >= 3 &&
              (g_ascii_strncasecmp (w, "mon", 3) == 0 || g_ascii_strncasecmp (w, "tue", 3) == 0 ||
               g_ascii_strncasecmp (w, "wed", 3) == 0 || g_ascii_strncasecmp (w, "thu", 3) == 0 ||
               g_ascii_strncasecmp (w, "fri", 3) == 0 || g_ascii_strncasecmp (w, "sat", 3) == 0 ||
               g_ascii_strncasecmp (w, "sun", 3) == 0))
            known = TRUE;
          if (!known)
            return NULL;
        }
      else if (*p == ' ' || *p == ',' || *p == '.' || *p == '-')
        p++;
      else
        return NULL;
    }
  if (month == 0 || n_numbers != 2)
    return NULL;
  if (numbers[0] >= 1000 && numbers[1] <= 31)
    year = numbers[0], day = numbers[1];
  else if (numbers[1] >= 1000 && numbers[0] <= 31)
    year = numbers[1], day = numbers[0];
  else
    return NULL;

done:
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31)
    return NULL;
  return g_strdup_printf ("%04u-%02u-%02u", year, month, day);
}

/* ------------------------------------------------------------------ */
/* Leading metadata                                                     */
/* ------------------------------------------------------------------ */

typedef enum
{
  FIELD_NONE,
  FIELD_TITLE,
  FIELD_OUTLET,
  FIELD_URL,
  FIELD_DATE,
  FIELD_AUTHOR,
} MetaField;

typedef struct
{
  const char *key;
  MetaField   field;
} MetaKey;

static const MetaKey meta_keys[] = {
  { "title", FIELD_TITLE }, { "headline", FIELD_TITLE },
  { "outlet", FIELD_OUTLET }, { "source", FIELD_OUTLET }, { "publisher", FIELD_OUTLET },
  { "site", FIELD_OUTLET }, { "site_name", FIELD_OUTLET }, { "publication", FIELD_OUTLET },
  { "url", FIELD_URL }, { "link", FIELD_URL }, { "source_url", FIELD_URL },
  { "canonical_url", FIELD_URL },
  { "date", FIELD_DATE }, { "published", FIELD_DATE }, { "published_at", FIELD_DATE },
  { "date_published", FIELD_DATE },
  { "author", FIELD_AUTHOR }, { "by", FIELD_AUTHOR }, { "authors", FIELD_AUTHOR },
  { "byline", FIELD_AUTHOR },
};

/* Key of a "key: value" line: letters, digits, ' ', '_' and '-', compared
 * case-insensitively with ' ' and '-' read as '_'. */
static MetaField
lookup_meta_key (const char *key,
                 gsize       len)
{
  char buf[24];

  if (len == 0 || len >= sizeof buf)
    return FIELD_NONE;
  for (gsize i = 0; i < len; i++)
    {
      char c = g_ascii_tolower (key[i]);

      if (c == ' ' || c == '-')
        c = '_';
      if (!g_ascii_isalnum (c) && c != '_')
        return FIELD_NONE;
      buf[i] = c;
    }
  buf[len] = '\0';
  for (guint i = 0; i < G_N_ELEMENTS (meta_keys); i++)
    if (strcmp (buf, meta_keys[i].key) == 0)
      return meta_keys[i].field;
  return FIELD_NONE;
}

static gboolean
looks_like_url (const char *value)
{
  return g_ascii_strncasecmp (value, "http://", 7) == 0 ||
         g_ascii_strncasecmp (value, "https://", 8) == 0;
}

/* Stores a value (already stripped) in meta.  Dates are stored in ISO
 * 8601 form or not at all. */
static void
meta_store (CrbTextMeta *meta,
            MetaField    field,
            const char  *value)
{
  g_autofree char *date = NULL;

  if (meta == NULL || *value == '\0')
    return;

  switch (field)
    {
    case FIELD_TITLE:
      _crb_text_meta_set (&meta->title, value);
      break;
    case FIELD_OUTLET:
      if (looks_like_url (value))
        _crb_text_meta_set (&meta->url, value);
      else
        _crb_text_meta_set (&meta->outlet, value);
      break;
    case FIELD_URL:
      _crb_text_meta_set (&meta->url, value);
      break;
    case FIELD_DATE:
      date = _crb_text_parse_date (value);
      _crb_text_meta_set (&meta->date, date);
      break;
    case FIELD_AUTHOR:
      _crb_text_meta_set (&meta->author, value);
      break;
    case FIELD_NONE:
    default:
      break;
    }
}

/* Line [*line, *end) starting at p; returns the start of the next line. */
static const char *
next_line (const char  *p,
           const char **end)
{
  const char *e = p;

  while (*e != '\0' && *e != '\n' && *e != '\r')
    e++;
  *end = e;
  if (*e == '\r' && e[1] == '\n')
    return e + 2;
  if (*e != '\0')
    return e + 1;
  return e;
}

static gboolean
line_is_blank (const char *p,
               const char *end)
{
  for (; p < end; p++)
    if (!_crb_text_is_ascii_space (*p))
      return FALSE;
  return TRUE;
}

static gboolean
line_equals (const char *p,
             const char *end,
             const char *literal)
{
  gsize n = strlen (literal);

  while (end > p && _crb_text_is_ascii_space (end[-1]))
    end--;
  return (gsize) (end - p) == n && memcmp (p, literal, n) == 0;
}

/* Splits "key: value"; returns the key length (0 if the line is not of
 * that form) and sets *value to the start of the value. */
static gsize
split_key_value (const char  *p,
                 const char  *end,
                 const char **value)
{
  const char *q = p;

  while (q < end && (g_ascii_isalnum (*q) || *q == '_' || *q == '-' || *q == ' '))
    q++;
  if (q == p || q >= end || *q != ':' || (q + 1 < end && !_crb_text_is_ascii_space (q[1])))
    return 0;
  *value = q + 1;
  while (q > p && q[-1] == ' ')
    q--;
  return (gsize) (q - p);
}

static char *
strip_value (const char *p,
             const char *end)
{
  gsize n;

  while (p < end && _crb_text_is_ascii_space (*p))
    p++;
  while (end > p && _crb_text_is_ascii_space (end[-1]))
    end--;
  n = (gsize) (end - p);
  if (n >= 2 && ((p[0] == '"' && end[-1] == '"') || (p[0] == '\'' && end[-1] == '\'')))
    p++, n -= 2;
  return g_strndup (p, n);
}

/* YAML-like front matter between two "---" lines.  Every line inside must
 * look like YAML (key: value, list item, indented, comment or blank);
 * otherwise the leading "---" is just a rule and nothing is taken. */
static const char *
take_front_matter (const char  *text,
                   CrbTextMeta *meta)
{
  const char *p = text, *end, *next;

  for (;;)
    {
      next = next_line (p, &end);
      if (!line_is_blank (p, end) || *end == '\0')
        break;
      p = next;
    }
  if (!line_equals (p, end, "---"))
    return text;

  /* First pass: find the closing line and check the body. */
  for (const char *q = next; *q != '\0'; q = next)
    {
      const char *value;

      next = next_line (q, &end);
      if (line_equals (q, end, "---") || line_equals (q, end, "..."))
        {
          const char *close = next;
          const char *r = p;

          for (r = next_line (r, &end); r < q; r = next)
            {
              gsize key_len;

              next = next_line (r, &end);
              key_len = split_key_value (r, end, &value);
              if (key_len > 0 && !_crb_text_is_ascii_space (*r))
                {
                  g_autofree char *v = strip_value (value, end);

                  meta_store (meta, lookup_meta_key (r, key_len), v);
                }
            }
          /* and the blank lines after it */
          while (*close != '\0')
            {
              next = next_line (close, &end);
              if (!line_is_blank (close, end))
                break;
              close = next;
            }
          return close;
        }
      if (!(line_is_blank (q, end) || _crb_text_is_ascii_space (*q) || *q == '#' ||
            (*q == '-' && (q + 1 == end || q[1] == ' ')) ||
            split_key_value (q, end, &value) > 0))
        return text;
    }
  return text;
}

/* Leading "key: value" lines and a "date YYYY-MM-DD" prefix. */
static const char *
take_leading_fields (const char  *text,
                     CrbTextMeta *meta)
{
  const char *p = text, *end, *next;
  gboolean taken = FALSE;

  for (;;)
    {
      next = next_line (p, &end);
      if (!line_is_blank (p, end) || *end == '\0')
        break;
      p = next;
    }

  while (*p != '\0')
    {
      const char *l = p, *value;
      gsize key_len;
      MetaField field;

      next = next_line (p, &end);
      while (l < end && (*l == ' ' || *l == '\t'))
        l++;

      /* "date 2024-05-24", "Date: 2024-05-24", possibly followed by the
       * article on the same line */
      if (end - l > 5 && g_ascii_strncasecmp (l, "date", 4) == 0 &&
          (_crb_text_is_ascii_space (l[4]) || l[4] == ':'))
        {
          const char *d = l + 4;
          gsize n;

          if (*d == ':')
            d++;
          while (d < end && (*d == ' ' || *d == '\t'))
            d++;
          n = match_iso_datetime (d);
          if (n > 0 && d + n <= end && (d + n == end || _crb_text_is_ascii_space (d[n])))
            {
              g_autofree char *date = iso_dup (d, n);
              const char *rest = d + n;

              if (meta != NULL)
                _crb_text_meta_set (&meta->date, date);
              taken = TRUE;
              while (rest < end && (*rest == ' ' || *rest == '\t'))
                rest++;
              if (rest < end)
                return rest;
              p = next;
              continue;
            }
        }

      key_len = split_key_value (l, end, &value);
      field = key_len > 0 ? lookup_meta_key (l, key_len) : FIELD_NONE;
      if (field == FIELD_NONE)
        break;
      {
        g_autofree char *v = strip_value (value, end);

        meta_store (meta, field, v);
      }
      taken = TRUE;
      p = next;
    }

  if (!taken)
    return text;
  for (;;)
    {
      next = next_line (p, &end);
      if (*p == '\0' || !line_is_blank (p, end))
        break;
      p = next;
    }
  return p;
}

/**
 * crb_text_read_metadata:
 * @text: an article's text, valid UTF-8
 * @meta: (nullable): where to store what the metadata says (fields
 *   already set are kept)
 *
 * Reads the metadata at the head of @text: YAML-like front matter between
 * "---" lines, then "key: value" lines (title, outlet, url, date, author
 * and their synonyms) and a "date 2024-05-24" prefix, with the blank
 * lines after them.  @text is not changed: the metadata stays in the
 * article, and the caller marks where its body starts.
 *
 * Returns: the byte offset in @text where the body starts; 0 when there
 *   is no metadata
 */
gsize
crb_text_read_metadata (const char  *text,
                        CrbTextMeta *meta)
{
  const char *p, *body;

  g_return_val_if_fail (text != NULL, 0);

  p = text;
  /* Not memcmp(): text may be shorter than a byte order mark. */
  if (g_str_has_prefix (p, "\xef\xbb\xbf"))
    p += 3;
  body = take_leading_fields (take_front_matter (p, meta), meta);
  return body == p ? 0 : (gsize) (body - text);
}
