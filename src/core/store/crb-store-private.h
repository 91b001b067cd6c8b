/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of store/ share: reading fields of a line with messages
 * that name the file, the line and the field at fault; giving back the
 * pages of a mapped file. */
#pragma once

#include "crb-project-io.h"

G_BEGIN_DECLS

typedef struct
{
  const char       *name;   /* the file */
  guint             line;
  char             *where;  /* e.g. "story “s1”, claims[3]" */
  const CrbJsonDoc *doc;    /* the line being read */
} Ctx;

/* Iterates over the elements of an array (or members of an object) that may be NULL. */
#define FOR_EACH_ELEMENT(doc, array, i, element) \
  for (const CrbJsonValue *element = crb_json_first ((doc), (array)); element != NULL; \
       element = crb_json_next ((doc), element), (i)++)

void     _crb_store_set_parse_error  (GError       **error,
                                      const char    *name,
                                      guint          first_line,
                                      const GError  *json_error);
gboolean _crb_store_fail             (const Ctx   *ctx,
                                      GError     **error,
                                      const char  *format,
                                      ...) G_GNUC_PRINTF (3, 4);
gboolean _crb_store_check_field      (const Ctx           *ctx,
                                      const CrbJsonValue  *value,
                                      const char          *member,
                                      CrbJsonType          type,
                                      gboolean             required,
                                      const CrbJsonValue **out,
                                      GError             **error);
gboolean _crb_store_check_uint       (const Ctx           *ctx,
                                      const CrbJsonValue  *value,
                                      const char          *member,
                                      gboolean             required,
                                      guint64              default_value,
                                      guint64             *out,
                                      GError             **error);
gboolean _crb_store_get_field        (const Ctx           *ctx,
                                      const CrbJsonValue  *object,
                                      const char          *member,
                                      CrbJsonType          type,
                                      gboolean             required,
                                      const CrbJsonValue **out,
                                      GError             **error);
gboolean _crb_store_get_string       (const Ctx           *ctx,
                                      const CrbJsonValue  *object,
                                      const char          *member,
                                      gboolean             required,
                                      const char         **out,
                                      GError             **error);
gboolean _crb_store_get_uint         (const Ctx           *ctx,
                                      const CrbJsonValue  *object,
                                      const char          *member,
                                      gboolean             required,
                                      guint64              default_value,
                                      guint64             *out,
                                      GError             **error);
gboolean _crb_store_get_array        (const Ctx           *ctx,
                                      const CrbJsonValue  *object,
                                      const char          *member,
                                      const CrbJsonValue **out,
                                      GError             **error);
gboolean _crb_store_release_pages    (GBytes              *mapped,
                                      gconstpointer        data,
                                      gsize                len);

G_END_DECLS
