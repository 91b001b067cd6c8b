/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * CrbValueLine:
 * @heading: what the values are ("Figures", "Dates", "Names", "Source"),
 *   translated; the same for consecutive lines of one kind
 * @text: one value as people write it
 */
typedef struct
{
  char *heading;
  char *text;
} CrbValueLine;

void        crb_value_line_free  (CrbValueLine       *line);

char       *crb_format_number    (double              value);
char       *crb_format_quantity  (JsonObject         *quantity);
char       *crb_format_quantity_bare (JsonObject     *quantity);
char       *crb_format_date      (JsonObject         *date,
                                  const char         *article_date);
char       *crb_format_entity    (JsonObject         *entity);
char       *crb_format_source    (JsonObject         *values);
GPtrArray  *crb_format_values    (JsonNode           *values,
                                  const char         *article_date);
const char *crb_format_kind      (const char         *kind);
const char *crb_format_reason    (const char         *reason);
char       *crb_format_reasons   (const char * const *reasons);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbValueLine, crb_value_line_free)

G_END_DECLS
