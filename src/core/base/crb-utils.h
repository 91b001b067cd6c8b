/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Offsets: files and the CLI count Unicode code points, C code UTF-8 bytes. */
gsize     crb_utf8_bytes_to_chars   (const char *text,
                                     gsize       byte_offset);
gsize     crb_utf8_chars_to_bytes   (const char *text,
                                     gsize       length,
                                     gsize       char_offset);

char     *crb_now_iso8601           (void);
char     *crb_sha256_string         (const char *text);
char     *crb_make_slug             (const char *name);
char     *crb_uuid_new              (void);
guint     crb_thread_count          (void);
gboolean  crb_write_all             (int          fd,
                                     const char  *data,
                                     gsize        len,
                                     const char  *name,
                                     GError     **error);

G_END_DECLS
