/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * A fast, strict JSON reader for the project's own lines.
 *
 * json-glib builds a GObject-backed tree at about 12 MB/s, which made
 * opening and exporting large projects slow.  This reader parses one JSON
 * text into a flat array of nodes and one block of unescaped strings: two
 * allocations that grow, whatever the size of the document.  It accepts
 * exactly RFC 8259 JSON (UTF-8 checked, no trailing commas, no comments),
 * and remembers where each value lies in the source so that a member can be
 * kept as raw text.
 */

typedef enum
{
  CRB_JSON_NULL,
  CRB_JSON_BOOLEAN,
  CRB_JSON_INT,
  CRB_JSON_DOUBLE,
  CRB_JSON_STRING,
  CRB_JSON_ARRAY,
  CRB_JSON_OBJECT,
} CrbJsonType;

typedef struct _CrbJsonDoc CrbJsonDoc;
typedef struct _CrbJsonValue CrbJsonValue;

CrbJsonDoc         *crb_json_doc_parse      (const char         *data,
                                             gsize               length,
                                             GError            **error);
void                crb_json_doc_free       (CrbJsonDoc         *doc);
const CrbJsonValue *crb_json_doc_root       (const CrbJsonDoc   *doc);

CrbJsonType         crb_json_type           (const CrbJsonValue *value);
const char         *crb_json_type_name      (CrbJsonType         type);
gboolean            crb_json_is_number      (const CrbJsonValue *value);

/* Arrays and objects: children in order; a member's name with crb_json_key(). */
guint               crb_json_length         (const CrbJsonValue *value);
const CrbJsonValue *crb_json_first          (const CrbJsonDoc   *doc,
                                             const CrbJsonValue *value);
const CrbJsonValue *crb_json_next           (const CrbJsonDoc   *doc,
                                             const CrbJsonValue *child);
const char         *crb_json_key            (const CrbJsonDoc   *doc,
                                             const CrbJsonValue *member);
const CrbJsonValue *crb_json_member_get     (const CrbJsonDoc   *doc,
                                             const CrbJsonValue *object,
                                             const char         *name);

/* Scalars; NULL or 0 when @value has another type. */
const char         *crb_json_string         (const CrbJsonDoc   *doc,
                                             const CrbJsonValue *value);
gsize               crb_json_string_length  (const CrbJsonValue *value);
gint64              crb_json_int            (const CrbJsonValue *value);
double              crb_json_double         (const CrbJsonValue *value);
gboolean            crb_json_boolean        (const CrbJsonValue *value);

/* Where the value lies in the parsed data, e.g. to keep it as raw text. */
const char         *crb_json_raw            (const CrbJsonDoc   *doc,
                                             const CrbJsonValue *value,
                                             gsize              *length);

/* Writing what was read, as crb_json_append_string() and crb_json_append_strv()
 * write it: the source is copied when it is already in that form.
 */
gboolean            crb_json_is_canonical   (const CrbJsonValue *value);
void                crb_json_append_string_value (GString            *out,
                                                  const CrbJsonDoc   *doc,
                                                  const CrbJsonValue *value);
void                crb_json_append_strv_value   (GString            *out,
                                                  const CrbJsonDoc   *doc,
                                                  const CrbJsonValue *value);

/* Convenience for objects: the member if it has @type, else NULL. */
const char         *crb_json_get_string     (const CrbJsonDoc   *doc,
                                             const CrbJsonValue *object,
                                             const char         *name,
                                             const char         *default_value);

void                crb_json_get_members    (const CrbJsonDoc    *doc,
                                             const CrbJsonValue  *object,
                                             guint                n,
                                             const char * const  *names,
                                             const CrbJsonValue **values);
gboolean            crb_json_check_field    (const CrbJsonValue  *value,
                                             const char          *parent,
                                             const char          *member,
                                             CrbJsonType          type,
                                             gboolean             required,
                                             const CrbJsonValue **out,
                                             GError             **error);
gboolean            crb_json_get_field      (const CrbJsonDoc    *doc,
                                             const CrbJsonValue  *object,
                                             const char          *parent,
                                             const char          *member,
                                             CrbJsonType          type,
                                             gboolean             required,
                                             const CrbJsonValue **out,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbJsonDoc, crb_json_doc_free)

G_END_DECLS
