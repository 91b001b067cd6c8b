/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void     crb_json_append    (GString  *out,
                             JsonNode *node);
void     crb_json_append_string (GString    *out,
                                 const char *s);
void     crb_json_append_double (GString    *out,
                                 double      d);
void     crb_json_append_strv   (GString            *out,
                                 const char * const *strings);
void     crb_json_member        (GString    *out,
                                 gboolean   *first,
                                 const char *name);
char    *crb_json_to_string (JsonNode *node,
                             gsize    *length);
GBytes  *crb_json_to_bytes  (JsonNode *node);

G_END_DECLS
