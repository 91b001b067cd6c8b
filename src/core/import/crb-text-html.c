/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-text-html.c: the visible text of an HTML page, and its metadata
 * (<title>, <meta>, <link rel=canonical>, the first <h1>)
 *
 * Everything here works on untrusted input: every function must accept
 * arbitrary bytes without crashing and run in linear time.
 */

#define G_LOG_DOMAIN "crb-text"

#include "config.h"

#include "crb-text-private.h"

#include <string.h>

/* Collapses runs of white space (including U+00A0) into single spaces and
 * strips both ends.  Used for titles and attribute values. */
static char *
collapse_whitespace (const char *s)
{
  GString *out = g_string_sized_new (strlen (s));
  gboolean space = FALSE;

  for (const char *p = s; *p != '\0'; p++)
    {
      if (_crb_text_is_ascii_space (*p))
        {
          space = TRUE;
          continue;
        }
      if ((guchar) p[0] == 0xc2 && (guchar) p[1] == 0xa0)
        {
          space = TRUE;
          p++;
          continue;
        }
      if (space && out->len > 0)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------ */
/* HTML                                                                 */
/* ------------------------------------------------------------------ */

/* Decodes the character references of an attribute value or <title>,
 * collapses white space and returns NULL for an empty result. */
static char *
decode_value (const char *s,
              gsize       len)
{
  GString *out = g_string_sized_new (len);
  g_autofree char *raw = NULL;
  char *result;
  gsize i = 0;

  while (i < len)
    {
      gunichar c;
      gsize n;

      if (s[i] == '&' && (n = _crb_text_decode_entity (s + i, len - i, &c)) > 0)
        {
          g_string_append_unichar (out, c);
          i += n;
        }
      else
        {
          if (s[i] != '\0')
            g_string_append_c (out, s[i]);
          i++;
        }
    }
  raw = g_string_free (out, FALSE);
  result = collapse_whitespace (raw);
  if (*result == '\0')
    g_clear_pointer (&result, g_free);
  return result;
}

typedef struct
{
  const char *s;
  gsize       len;
  gsize       pos;

  GString    *out;
  gboolean    pending_space;
  guint       pending_break;
  gboolean    skip_newline;     /* right after <pre> */

  guint       pre_depth;
  guint       list_depth;
  guint       template_depth;
  guint       svg_depth;
  guint       math_depth;
  gboolean    in_head;

  GString    *h1;               /* non-NULL while reading the first <h1> */
  char       *h1_text;

  char       *title;
  char       *og_title;
  char       *site_name;
  char       *canonical;
  char       *og_url;
  char       *published;
  char       *date;
  char       *author;

  /* A failed search for a quote character from position p means there is
   * none in [p, len): remembered so that broken markup stays linear. */
  gsize       no_quote_from[2];
} HtmlParser;

static gboolean
html_hidden (HtmlParser *p)
{
  return p->in_head || p->template_depth > 0 || p->svg_depth > 0 || p->math_depth > 0;
}

static void
html_flush (HtmlParser *p)
{
  if (p->out->len == 0)
    {
      p->pending_break = 0;
      p->pending_space = FALSE;
      return;
    }

  if (p->pending_break > 0)
    {
      guint have = 0;

      while (p->out->len > 0 && p->out->str[p->out->len - 1] == ' ')
        g_string_truncate (p->out, p->out->len - 1);
      for (gsize k = p->out->len; k > 0 && p->out->str[k - 1] == '\n' && have < 2; k--)
        have++;
      for (; have < p->pending_break; have++)
        g_string_append_c (p->out, '\n');
    }
  else if (p->pending_space && p->out->len > 0 && p->out->str[p->out->len - 1] != '\n' &&
           p->out->str[p->out->len - 1] != ' ')
    g_string_append_c (p->out, ' ');

  p->pending_break = 0;
  p->pending_space = FALSE;
}

static void
html_break (HtmlParser *p,
            guint       n)
{
  p->pending_break = MAX (p->pending_break, n);
  p->pending_space = FALSE;
}

static void
html_line_break (HtmlParser *p)
{
  if (html_hidden (p))
    return;
  html_flush (p);
  if (p->out->len > 0)
    {
      while (p->out->len > 0 && p->out->str[p->out->len - 1] == ' ')
        g_string_truncate (p->out, p->out->len - 1);
      g_string_append_c (p->out, '\n');
    }
  if (p->h1 != NULL)
    g_string_append_c (p->h1, ' ');
}

/* Adds decoded character data (text or an expanded reference). */
static void
html_add_text (HtmlParser *p,
               const char *s,
               gsize       n)
{
  for (gsize i = 0; i < n; i++)
    {
      char c = s[i];
      gboolean space = _crb_text_is_ascii_space (c) && c != '\v';
      gboolean nbsp = (guchar) c == 0xc2 && i + 1 < n && (guchar) s[i + 1] == 0xa0;

      if (c == '\0')
        continue;

      /* U+00A0 is one character in two bytes: both are consumed here,
       * whatever becomes of it, or its second byte alone would be read
       * as text (and written out as invalid UTF-8).
       */
      if (nbsp)
        {
          i++;
          c = ' ';
          space = TRUE;
        }

      if (p->in_head && !space)
        p->in_head = FALSE;   /* text closes an unclosed <head> */
      if (html_hidden (p))
        continue;

      if (p->skip_newline)
        {
          p->skip_newline = FALSE;
          if (c == '\n' || (c == '\r' && !(i + 1 < n && s[i + 1] == '\n')))
            continue;
          if (c == '\r')
            {
              i++;   /* CR LF */
              continue;
            }
        }

      if (p->h1 != NULL)
        g_string_append_c (p->h1, space ? ' ' : c);

      if (p->pre_depth > 0)
        {
          html_flush (p);
          g_string_append_c (p->out, c);
        }
      else if (space)
        p->pending_space = TRUE;
      else
        {
          html_flush (p);
          g_string_append_c (p->out, c);
        }
    }
}

/* Character data up to the next '<', with references decoded. */
static void
html_text_run (HtmlParser *p,
               gsize       end)
{
  gsize i = p->pos, run = p->pos;

  while (i < end)
    {
      gunichar c;
      gsize n;

      if (p->s[i] == '&' && (n = _crb_text_decode_entity (p->s + i, end - i, &c)) > 0)
        {
          char buf[8];
          gint len;

          html_add_text (p, p->s + run, i - run);
          len = g_unichar_to_utf8 (c, buf);
          html_add_text (p, buf, (gsize) len);
          i += n;
          run = i;
        }
      else
        i++;
    }
  html_add_text (p, p->s + run, end - run);
  p->pos = end;
}

static gsize
html_find_char (HtmlParser *p,
                gsize       from,
                char        c)
{
  const char *hit;

  if (from >= p->len)
    return p->len;
  hit = memchr (p->s + from, c, p->len - from);
  return hit != NULL ? (gsize) (hit - p->s) : p->len;
}

/* Finds the end of a quoted attribute value, or G_MAXSIZE. */
static gsize
html_find_quote (HtmlParser *p,
                 gsize       from,
                 char        quote)
{
  guint k = quote == '"' ? 0 : 1;
  gsize hit;

  if (from >= p->no_quote_from[k])
    return G_MAXSIZE;
  hit = html_find_char (p, from, quote);
  if (hit == p->len)
    {
      p->no_quote_from[k] = from;
      return G_MAXSIZE;
    }
  return hit;
}

/* Finds `needle` (ASCII, matched case-insensitively) from `from`; returns
 * the position after it, or len. */
static gsize
html_skip_past (HtmlParser *p,
                gsize       from,
                const char *needle)
{
  gsize nlen = strlen (needle);
  gsize i = from;

  while (i < p->len)
    {
      gsize hit = html_find_char (p, i, needle[0]);

      if (hit + nlen > p->len)
        return p->len;
      if (g_ascii_strncasecmp (p->s + hit, needle, nlen) == 0)
        return hit + nlen;
      i = hit + 1;
    }
  return p->len;
}

/* Finds the start of the end tag "</name" (followed by white space, '/'
 * or '>') at or after from; returns len if there is none. */
static gsize
html_find_end_tag (HtmlParser *p,
                   gsize       from,
                   const char *name)
{
  gsize nlen = strlen (name);
  gsize i = from;

  while (i < p->len)
    {
      gsize lt = html_find_char (p, i, '<');
      gsize after = lt + 2 + nlen;

      if (lt + 1 >= p->len)
        return p->len;
      if (p->s[lt + 1] == '/' && after <= p->len &&
          g_ascii_strncasecmp (p->s + lt + 2, name, nlen) == 0 &&
          (after == p->len || _crb_text_is_ascii_space (p->s[after]) || p->s[after] == '/' ||
           p->s[after] == '>'))
        return lt;
      i = lt + 1;
    }
  return p->len;
}

typedef struct
{
  char        name[16];      /* lower case, truncated */
  gboolean    self_closing;
  const char *property, *meta_name, *content, *rel, *href, *itemprop;
  gsize       property_len, meta_name_len, content_len, rel_len, href_len, itemprop_len;
} HtmlTag;

static void
tag_store (HtmlTag    *tag,
           const char *attr,
           gsize       attr_len,
           const char *value,
           gsize       value_len)
{
#define STORE(field, literal) \
  if (attr_len == strlen (literal) && g_ascii_strncasecmp (attr, literal, attr_len) == 0) \
    { \
      if (tag->field == NULL) \
        tag->field = value, tag->field ## _len = value_len; \
      return; \
    }
  STORE (property, "property");
  STORE (meta_name, "name");
  STORE (content, "content");
  STORE (rel, "rel");
  STORE (href, "href");
  STORE (itemprop, "itemprop");
#undef STORE
}

/* Parses a tag from p->pos (just after "<" or "</") up to and including
 * its '>'.  Attribute values are only kept for <meta> and <link>. */
static void
html_parse_tag (HtmlParser *p,
                HtmlTag    *tag)
{
  const char *s = p->s;
  gsize i = p->pos, k = 0;
  gboolean keep;

  memset (tag, 0, sizeof *tag);
  while (i < p->len && !_crb_text_is_ascii_space (s[i]) && s[i] != '/' && s[i] != '>')
    {
      if (k + 1 < sizeof tag->name)
        tag->name[k++] = g_ascii_tolower (s[i]);
      i++;
    }
  tag->name[k] = '\0';
  keep = strcmp (tag->name, "meta") == 0 || strcmp (tag->name, "link") == 0;

  while (i < p->len)
    {
      gsize attr, attr_len, value = 0, value_len = 0;

      if (_crb_text_is_ascii_space (s[i]))
        {
          i++;
          continue;
        }
      if (s[i] == '>')
        {
          i++;
          break;
        }
      if (s[i] == '/')
        {
          if (i + 1 < p->len && s[i + 1] == '>')
            tag->self_closing = TRUE;
          i++;
          continue;
        }

      attr = i++;
      while (i < p->len && !_crb_text_is_ascii_space (s[i]) && s[i] != '=' && s[i] != '>' &&
             s[i] != '/')
        i++;
      attr_len = i - attr;
      while (i < p->len && _crb_text_is_ascii_space (s[i]))
        i++;
      if (i < p->len && s[i] == '=')
        {
          i++;
          while (i < p->len && _crb_text_is_ascii_space (s[i]))
            i++;
          if (i < p->len && (s[i] == '"' || s[i] == '\''))
            {
              gsize close = html_find_quote (p, i + 1, s[i]);

              value = i + 1;
              if (close != G_MAXSIZE)
                {
                  value_len = close - value;
                  i = close + 1;
                }
              else
                {
                  /* Unclosed quote: end the value at the next '>'. */
                  i = html_find_char (p, value, '>');
                  value_len = i - value;
                }
            }
          else
            {
              value = i;
              while (i < p->len && !_crb_text_is_ascii_space (s[i]) && s[i] != '>')
                i++;
              value_len = i - value;
            }
        }
      if (keep)
        tag_store (tag, s + attr, attr_len, s + value, value_len);
    }
  p->pos = i;
}

static gboolean
name_in (const char         *name,
         const char * const *list)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (strcmp (name, list[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Elements separated from their surroundings by a blank line. */
static const char * const paragraph_elements[] = {
  "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table",
  "figure", "section", "article", "header", "footer", "main", "aside", "nav",
  "address", "details", "form", "fieldset", "hgroup", "hr", "dialog", "listing",
  NULL
};

/* Elements that start a new line. */
static const char * const line_elements[] = {
  "div", "li", "dt", "dd", "tr", "figcaption", "caption", "summary", "option",
  "legend", "center", "body", "html", "tbody", "thead", "tfoot", "select",
  "optgroup", "frameset", "search", NULL
};

/* Elements whose content is raw text that is never shown. */
static const char * const raw_hidden_elements[] = {
  "script", "style", "noscript", "iframe", "noembed", "noframes", "xmp",
  "textarea", NULL
};

/* Elements that may appear in <head>; any other start tag ends it. */
static const char * const head_elements[] = {
  "head", "html", "title", "meta", "link", "style", "script", "noscript",
  "base", "template", "basefont", "bgsound", NULL
};

static gboolean
attr_is (const char *value,
         gsize       len,
         const char *literal)
{
  return value != NULL && len == strlen (literal) && g_ascii_strncasecmp (value, literal, len) == 0;
}

static void
html_take (char       **field,
           const char  *value,
           gsize        len)
{
  if (*field == NULL && value != NULL)
    *field = decode_value (value, len);
}

static void
html_meta_tag (HtmlParser *p,
               HtmlTag    *tag)
{
  const char *keys[3] = { tag->property, tag->meta_name, tag->itemprop };
  gsize lens[3] = { tag->property_len, tag->meta_name_len, tag->itemprop_len };

  if (strcmp (tag->name, "link") == 0)
    {
      if (tag->rel != NULL && tag->href != NULL)
        {
          g_autofree char *rel = decode_value (tag->rel, tag->rel_len);
          g_auto(GStrv) tokens = NULL;

          if (rel == NULL)
            return;
          tokens = g_strsplit (rel, " ", -1);
          for (guint i = 0; tokens[i] != NULL; i++)
            if (g_ascii_strcasecmp (tokens[i], "canonical") == 0)
              html_take (&p->canonical, tag->href, tag->href_len);
        }
      return;
    }

  if (tag->content == NULL)
    return;
  for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
    {
      const char *key = keys[k];
      gsize len = lens[k];

      if (attr_is (key, len, "og:title"))
        html_take (&p->og_title, tag->content, tag->content_len);
      else if (attr_is (key, len, "og:site_name"))
        html_take (&p->site_name, tag->content, tag->content_len);
      else if (attr_is (key, len, "og:url"))
        html_take (&p->og_url, tag->content, tag->content_len);
      else if (attr_is (key, len, "article:published_time") ||
               attr_is (key, len, "datePublished"))
        html_take (&p->published, tag->content, tag->content_len);
      else if (attr_is (key, len, "date") || attr_is (key, len, "dc.date") ||
               attr_is (key, len, "dcterms.date") || attr_is (key, len, "pubdate"))
        html_take (&p->date, tag->content, tag->content_len);
      else if (attr_is (key, len, "author") || attr_is (key, len, "dc.creator"))
        html_take (&p->author, tag->content, tag->content_len);
    }
}

static void
html_end_h1 (HtmlParser *p)
{
  g_autofree char *raw = NULL;

  if (p->h1 == NULL)
    return;
  raw = g_string_free (g_steal_pointer (&p->h1), FALSE);
  p->h1_text = collapse_whitespace (raw);
  if (*p->h1_text == '\0')
    g_clear_pointer (&p->h1_text, g_free);
}

static void
html_start_tag (HtmlParser *p)
{
  HtmlTag tag;
  const char *name = tag.name;

  html_parse_tag (p, &tag);

  if (p->in_head && !name_in (name, head_elements))
    p->in_head = FALSE;

  if (name_in (name, raw_hidden_elements))
    {
      gsize end = html_find_end_tag (p, p->pos, name);

      p->pos = html_find_char (p, end, '>');
      if (p->pos < p->len)
        p->pos++;
      return;
    }

  if (strcmp (name, "title") == 0)
    {
      gsize end = html_find_end_tag (p, p->pos, "title");

      if (p->svg_depth == 0 && p->math_depth == 0 && p->template_depth == 0 && p->title == NULL)
        p->title = decode_value (p->s + p->pos, end - p->pos);
      p->pos = html_find_char (p, end, '>');
      if (p->pos < p->len)
        p->pos++;
      return;
    }

  if (strcmp (name, "meta") == 0 || strcmp (name, "link") == 0)
    {
      if (p->template_depth == 0)
        html_meta_tag (p, &tag);
      return;
    }

  if (strcmp (name, "head") == 0)
    {
      if (p->out->len == 0)
        p->in_head = TRUE;
      return;
    }
  if (strcmp (name, "body") == 0)
    p->in_head = FALSE;

  /* Templates are never shown; navigation menus are site chrome, not the
   * article.  Both are skipped with everything inside them.
   */
  if (strcmp (name, "template") == 0 || strcmp (name, "nav") == 0)
    {
      p->template_depth++;
      return;
    }
  if (strcmp (name, "svg") == 0 || strcmp (name, "math") == 0)
    {
      if (!tag.self_closing)
        {
          if (name[0] == 's')
            p->svg_depth++;
          else
            p->math_depth++;
        }
      return;
    }

  if (strcmp (name, "br") == 0)
    {
      html_line_break (p);
      return;
    }

  if (name_in (name, paragraph_elements))
    {
      /* A heading or paragraph ends an unclosed <h1>. */
      html_end_h1 (p);
      html_break (p, 2);
      if (strcmp (name, "h1") == 0 && p->h1_text == NULL && !html_hidden (p))
        p->h1 = g_string_new (NULL);
      if (strcmp (name, "pre") == 0 || strcmp (name, "listing") == 0)
        {
          p->pre_depth++;
          p->skip_newline = TRUE;
        }
      return;
    }
  if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0 ||
      strcmp (name, "dl") == 0 || strcmp (name, "menu") == 0)
    {
      html_break (p, p->list_depth > 0 ? 1 : 2);
      p->list_depth++;
      return;
    }
  if (name_in (name, line_elements))
    {
      html_break (p, 1);
      return;
    }
  if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    {
      p->pending_space = TRUE;
      if (p->h1 != NULL)
        g_string_append_c (p->h1, ' ');
    }
}

static void
html_end_tag (HtmlParser *p)
{
  HtmlTag tag;
  const char *name = tag.name;

  html_parse_tag (p, &tag);

  if (strcmp (name, "head") == 0)
    p->in_head = FALSE;
  else if (strcmp (name, "template") == 0 || strcmp (name, "nav") == 0)
    {
      if (p->template_depth > 0)
        p->template_depth--;
    }
  else if (strcmp (name, "svg") == 0)
    {
      if (p->svg_depth > 0)
        p->svg_depth--;
    }
  else if (strcmp (name, "math") == 0)
    {
      if (p->math_depth > 0)
        p->math_depth--;
    }
  else if (strcmp (name, "br") == 0)
    html_line_break (p);
  else if (name_in (name, paragraph_elements))
    {
      if (name[0] == 'h' && g_ascii_isdigit (name[1]))
        html_end_h1 (p);
      if ((strcmp (name, "pre") == 0 || strcmp (name, "listing") == 0) && p->pre_depth > 0)
        p->pre_depth--;
      p->skip_newline = FALSE;
      html_break (p, 2);
    }
  else if (strcmp (name, "ul") == 0 || strcmp (name, "ol") == 0 ||
           strcmp (name, "dl") == 0 || strcmp (name, "menu") == 0)
    {
      if (p->list_depth > 0)
        p->list_depth--;
      html_break (p, p->list_depth > 0 ? 1 : 2);
    }
  else if (name_in (name, line_elements))
    html_break (p, 1);
  else if (strcmp (name, "td") == 0 || strcmp (name, "th") == 0)
    p->pending_space = TRUE;
}

char *
crb_text_from_html (const char  *html,
                    gsize        length,
                    CrbTextMeta *meta)
{
  g_autofree char *valid = NULL;
  g_autofree char *text = NULL;
  HtmlParser parser = { 0 };
  HtmlParser *p = &parser;

  g_return_val_if_fail (html != NULL || length == 0, NULL);

  if (html == NULL)
    html = "";
  if (length == (gsize) -1)
    length = strlen (html);
  if (!g_utf8_validate_len (html, length, NULL))
    {
      /* Keep NULs out of g_utf8_make_valid(): it would stop at them. */
      GString *copy = g_string_sized_new (length);

      for (gsize i = 0; i < length; i++)
        if (html[i] != '\0')
          g_string_append_c (copy, html[i]);
      valid = g_utf8_make_valid (copy->str, (gssize) copy->len);
      g_string_free (copy, TRUE);
      html = valid;
      length = strlen (valid);
    }

  p->s = html;
  p->len = length;
  p->out = g_string_sized_new (length / 2);
  p->no_quote_from[0] = p->no_quote_from[1] = G_MAXSIZE;

  while (p->pos < p->len)
    {
      gsize lt = html_find_char (p, p->pos, '<');
      const char *s;
      gsize rest;

      if (lt > p->pos)
        html_text_run (p, lt);
      if (lt >= p->len)
        break;

      s = p->s + lt;
      rest = p->len - lt;
      if (rest >= 4 && memcmp (s, "<!--", 4) == 0)
        {
          if (rest >= 5 && s[4] == '>')
            p->pos = lt + 5;                    /* <!--> */
          else if (rest >= 6 && s[4] == '-' && s[5] == '>')
            p->pos = lt + 6;                    /* <!---> */
          else
            p->pos = html_skip_past (p, lt + 4, "-->");
        }
      else if (rest >= 9 && memcmp (s, "<![CDATA[", 9) == 0)
        p->pos = html_skip_past (p, lt + 9, "]]>");
      else if (rest >= 2 && (s[1] == '!' || s[1] == '?'))
        p->pos = MIN (html_find_char (p, lt + 2, '>') + 1, p->len);
      else if (rest >= 3 && s[1] == '/' && g_ascii_isalpha (s[2]))
        {
          p->pos = lt + 2;
          html_end_tag (p);
        }
      else if (rest >= 2 && s[1] == '/')
        p->pos = MIN (html_find_char (p, lt + 2, '>') + 1, p->len);   /* </> and bogus comments */
      else if (rest >= 2 && g_ascii_isalpha (s[1]))
        {
          p->pos = lt + 1;
          html_start_tag (p);
        }
      else
        {
          html_add_text (p, "<", 1);
          p->pos = lt + 1;
        }
    }
  html_end_h1 (p);

  if (meta != NULL)
    {
      g_autofree char *date = NULL;

      _crb_text_meta_set (&meta->title, p->og_title != NULL ? p->og_title :
                              p->title != NULL ? p->title : p->h1_text);
      _crb_text_meta_set (&meta->outlet, p->site_name);
      _crb_text_meta_set (&meta->url, p->canonical != NULL ? p->canonical : p->og_url);
      if (p->published != NULL)
        date = _crb_text_parse_date (p->published);
      if (date == NULL && p->date != NULL)
        date = _crb_text_parse_date (p->date);
      _crb_text_meta_set (&meta->date, date);
      _crb_text_meta_set (&meta->author, p->author);
    }

  g_free (p->h1_text);
  g_free (p->title);
  g_free (p->og_title);
  g_free (p->site_name);
  g_free (p->canonical);
  g_free (p->og_url);
  g_free (p->published);
  g_free (p->date);
  g_free (p->author);

  text = g_string_free (p->out, FALSE);
  return crb_text_normalize (text);
}

