/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-utils"

#include "config.h"

#include "crb-utils.h"

#include "crb-error.h"

#include <errno.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>
#include <unistd.h>

G_DEFINE_QUARK (crb-error-quark, crb_error)

/**
 * crb_utf8_bytes_to_chars:
 * @text: valid UTF-8
 * @byte_offset: an offset on a character boundary, at most strlen (@text)
 *
 * Returns: the number of code points before @byte_offset
 */
gsize
crb_utf8_bytes_to_chars (const char *text,
                         gsize       byte_offset)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  gsize n = 0;
  gsize i = 0;

  /* Counting bytes that are not continuation bytes (10xxxxxx) is the same
   * as g_utf8_pointer_to_offset() for valid UTF-8, without its
   * per-character branching; eight bytes at a time.
   */
  for (; i + 8 <= byte_offset; i += 8)
    {
      guint64 w, continuation;

      memcpy (&w, text + i, 8);
      continuation = (w >> 7) & ~(w >> 6) & ones;  /* 1 in each continuation byte */
      n += 8 - (gsize) ((continuation * ones) >> 56);
    }
  for (; i < byte_offset; i++)
    if (((guchar) text[i] & 0xC0) != 0x80)
      n++;

  return n;
}

/**
 * crb_utf8_chars_to_bytes:
 * @text: valid UTF-8
 * @length: byte length of @text
 * @char_offset: a code point offset
 *
 * Returns: the byte offset of code point @char_offset, clamped to @length
 */
gsize
crb_utf8_chars_to_bytes (const char *text,
                         gsize       length,
                         gsize       char_offset)
{
  gsize n = 0;
  gsize i;

  for (i = 0; i < length; i++)
    {
      if (((guchar) text[i] & 0xC0) != 0x80)
        {
          if (n == char_offset)
            return i;
          n++;
        }
    }

  return length;
}

char *
crb_now_iso8601 (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%S.%fZ");
}

char *
crb_sha256_string (const char *text)
{
  return g_compute_checksum_for_string (G_CHECKSUM_SHA256, text, -1);
}

/**
 * crb_make_slug:
 * @name: any UTF-8 text
 *
 * Returns: a lower-case identifier made of letters, digits and dashes;
 *   "story" when @name has none
 */
char *
crb_make_slug (const char *name)
{
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = name; p && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_unichar (slug, g_unichar_tolower (c));
          dash = FALSE;
        }
      else
        dash = TRUE;

      if (slug->len >= 60)
        break;
    }

  if (slug->len == 0)
    g_string_append (slug, "story");

  return g_string_free (slug, FALSE);
}

char *
crb_uuid_new (void)
{
  return g_uuid_string_random ();
}

/**
 * crb_thread_count:
 *
 * How many threads work that splits (a project made from many stories, a
 * corpus read) is given: `$CORROBORATE_THREADS`, else one per processor,
 * up to 8.  The results never depend on it.
 */
guint
crb_thread_count (void)
{
  const char *env = g_getenv ("CORROBORATE_THREADS");
  guint64 n;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 256, &n, NULL))
    return (guint) n;
  return CLAMP (g_get_num_processors (), 1, 8);
}

/**
 * crb_write_all:
 * @fd: a file descriptor open for writing
 * @name: the file, for messages
 *
 * Writes all @len bytes of @data, again after an interruption.
 *
 * Returns: %FALSE with a #G_IO_ERROR naming @name when a write fails
 */
gboolean
crb_write_all (int          fd,
               const char  *data,
               gsize        len,
               const char  *name,
               GError     **error)
{
  while (len > 0)
    {
      gssize n = write (fd, data, len);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("%s: cannot write: %s"), name, g_strerror (saved_errno));
          return FALSE;
        }
      data += n;
      len -= (gsize) n;
    }
  return TRUE;
}
