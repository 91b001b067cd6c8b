/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

void     crb_json_append    (GString  *out,
                             JsonNode *node);
char    *crb_json_to_string (JsonNode *node,
                             gsize    *length);
GBytes  *crb_json_to_bytes  (JsonNode *node);

G_END_DECLS
