/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-checkworthiness-reasons.c: the model's features as reasons a
 * reviewer reads.  The weights file names its word features the way the
 * training script describes them ("word: 'killed'", "phrase: 'in ####'",
 * "starts with 'we'"); a claim gives them as "model: 'killed'",
 * "model: 'in <number>'", "model: starts with 'we'", and never those that
 * say nothing to a reviewer on their own. */
#define G_LOG_DOMAIN "crb-checkworthiness"

#include "crb-checkworthiness-private.h"

#include <string.h>

/* Appends the tokens of @inner ("in ####", "$ ##,###") as a reviewer reads
 * them ("in <number>", "$<number>"); FALSE if a token is punctuation a
 * reviewer would not read as a reason (",", ".", "(", ...). */
static gboolean
append_tokens (GString    *out,
               const char *inner,
               gsize       len)
{
  gsize i = 0;
  gboolean first = TRUE;
  gboolean glue = FALSE;

  while (i < len)
    {
      gsize start = i, end;
      gboolean word = FALSE;

      while (i < len && inner[i] != ' ')
        i++;
      end = i;
      while (i < len && inner[i] == ' ')
        i++;
      for (gsize k = start; k < end; k++)
        if (g_ascii_isalnum (inner[k]) || inner[k] == '#' || (guchar) inner[k] >= 0x80)
          word = TRUE;
      if (!word && !(end - start == 1 && (inner[start] == '$' || inner[start] == '%')))
        return FALSE;
      /* "$ 5" and "5 %" are read as "$5" and "5%" */
      if (!first && !glue && !(end - start == 1 && inner[start] == '%'))
        g_string_append_c (out, ' ');
      glue = end - start == 1 && inner[start] == '$';
      first = FALSE;
      for (gsize k = start; k < end;)
        {
          if (inner[k] != '#')
            {
              g_string_append_c (out, inner[k++]);
              continue;
            }
          /* "#", "####", "#,###.##": a number */
          while (k < end && (inner[k] == '#' ||
                             ((inner[k] == ',' || inner[k] == '.') && k + 1 < end &&
                              inner[k + 1] == '#')))
            k++;
          g_string_append (out, "<number>");
        }
    }
  return !first;
}

/* Words that say nothing to a reviewer on their own (in a phrase they do:
 * "in ####", "has been"). */
static const char *const plain_words[] = {
  "a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "with", "from",
  "and", "or", "but", "that", "this", "these", "those", "it", "its", "is",
  "was", "were", "are", "be", "been", "has", "have", "had", "as", "which",
  "who", "there", "their", "they", "he", "she", "his", "her", "we", "our",
  "i", "my", "you", "your", "so", "if", "than", "then", "into", "about",
  "over", "up", "out", "one", NULL
};

/* Whether every token of @inner is a plain word or a single letter
 * ("the", "in the", "s"); "i" and "we", which open first-person claims,
 * are not plain at the start of a sentence. */
static gboolean
all_plain (const char *inner,
           gsize       len)
{
  gsize i = 0;

  if ((len == 1 && inner[0] == 'i') || (len == 2 && memcmp (inner, "we", 2) == 0))
    return FALSE;
  while (i < len)
    {
      gsize start = i;
      gboolean plain = FALSE;

      while (i < len && inner[i] != ' ')
        i++;
      if (i - start == 1 && g_ascii_isalpha (inner[start]))
        plain = TRUE;
      for (guint k = 0; !plain && plain_words[k] != NULL; k++)
        plain = plain_words[k][0] == inner[start] &&
                strncmp (inner + start, plain_words[k], i - start) == 0 &&
                plain_words[k][i - start] == '\0';
      if (!plain)
        return FALSE;
      while (i < len && inner[i] == ' ')
        i++;
    }
  return TRUE;
}

/* "word: 'killed'" becomes "model: 'killed'", "phrase: 'in ####'"
 * "model: 'in <number>'", "starts with 'in'" "model: starts with 'in'";
 * returns FALSE for what says nothing to a reviewer (punctuation, plain
 * words alone, the end of the sentence). */
gboolean
_crb_checkworthiness_render_reason (GString    *out,
                                    const char *description,
                                    gsize       len)
{
  const char *open = memchr (description, '\'', len);
  const char *close;
  gsize before = out->len;

  if (open == NULL || g_str_has_prefix (description, "ends with"))
    return FALSE;
  close = description + len - 1;
  if (close <= open || *close != '\'')
    return FALSE;
  if (all_plain (open + 1, close - open - 1))
    return FALSE;
  if (g_str_has_prefix (description, "starts with"))
    g_string_append (out, "model: starts with '");
  else
    g_string_append (out, "model: '");
  if (!append_tokens (out, open + 1, close - open - 1))
    {
      g_string_truncate (out, before);
      return FALSE;
    }
  g_string_append_c (out, '\'');
  return TRUE;
}

