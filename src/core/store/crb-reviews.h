/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crb-team.h"

G_BEGIN_DECLS

/**
 * CRB_REVIEWS_FORMAT:
 *
 * The format marker on the first line of every reviewer's file.
 */
#define CRB_REVIEWS_FORMAT          "corroborate-reviews"
#define CRB_REVIEWS_VERSION         1
#define CRB_ASSIGNMENTS_FORMAT      "corroborate-assignments"
#define CRB_ASSIGNMENTS_FILE        "assignments.json"

/**
 * CrbReviewBatch:
 * @reviewer: whose records they are (the file's header names them)
 * @project_id: the project the file belongs to
 * @records: (element-type CrbTeamRecord): the records read, in file order;
 *   their strings live in the batch
 * @end: the offset just after the last whole line read: where to read
 *   on from
 * @lines: the number of whole lines read up to @end, the header included
 * @dev: the file's device and inode, to tell a file replaced from one
 *   grown
 * @ino:
 *
 * What one read of a reviewer's file gave.
 */
typedef struct
{
  char         *reviewer;
  char         *project_id;
  GArray       *records;
  gsize         end;
  guint         lines;
  guint64       dev;
  guint64       ino;
  /* private */
  char         *data;
  GStringChunk *strings;
} CrbReviewBatch;

gboolean  crb_reviews_read             (const char          *path,
                                        gsize                from,
                                        guint                lines,
                                        const char          *reviewer,
                                        CrbReviewBatch      *batch,
                                        GPtrArray           *problems,
                                        GError             **error);
void      crb_review_batch_clear       (CrbReviewBatch      *batch);

GPtrArray *crb_reviews_list_files      (const char          *folder,
                                        GError             **error);
char     *crb_reviews_path_for         (const char          *folder,
                                        const char          *reviewer);

char     *crb_reviews_format_header    (const char          *project_id,
                                        const char          *reviewer);
void      crb_reviews_format_record    (GString             *out,
                                        const char          *reviewer,
                                        const CrbTeamRecord *record);

typedef struct _CrbReviewWriter CrbReviewWriter;

CrbReviewWriter *crb_review_writer_open   (const char       *path,
                                           const char       *project_id,
                                           const char       *reviewer,
                                           GError          **error);
gboolean  crb_review_writer_lock       (CrbReviewWriter     *writer,
                                        GError             **error);
gboolean  crb_review_writer_append     (CrbReviewWriter     *writer,
                                        const char          *data,
                                        gsize                length,
                                        GError             **error);
void      crb_review_writer_unlock     (CrbReviewWriter     *writer);
void      crb_review_writer_free       (CrbReviewWriter     *writer);
const char *crb_review_writer_get_path (CrbReviewWriter     *writer);

gboolean  crb_reviews_read_assignments (const char          *path,
                                        const char          *project_id,
                                        CrbTeam             *team,
                                        GError             **error);
gboolean  crb_reviews_write_assignments (const char         *path,
                                         const char         *project_id,
                                         const char * const *reviewers,
                                         guint               per_claim,
                                         GPtrArray          *claim_ids,
                                         GPtrArray          *assigned,
                                         GError            **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbReviewBatch, crb_review_batch_clear)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CrbReviewWriter, crb_review_writer_free)

G_END_DECLS
