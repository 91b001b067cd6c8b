/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * project/ — CrbProject, the object the CLI and the app work with: it
 * holds the stories, loads and saves them through store/, aligns them
 * through align/ (it installs each story's CrbStoryDriver), takes in
 * imports and writes exports, and keeps decisions, links, undo and redo.
 *
 * May include: every other folder of core.
 */
#pragma once

#include <gio/gio.h>

#include "crb-export.h"
#include "crb-import.h"
#include "crb-model.h"
#include "crb-store.h"

G_BEGIN_DECLS

/**
 * CRB_PROJECT_COMPACT_SIZE:
 *
 * Up to this size (16 MiB) a project file is rewritten after every change
 * the CLI makes; above it, once its journal has grown (see
 * crb_project_compact_if_due()).
 */
#define CRB_PROJECT_COMPACT_SIZE (16 * 1024 * 1024)
#define CRB_PROJECT_COMPACT_JOURNAL (1024 * 1024)

#define CRB_TYPE_PROJECT (crb_project_get_type ())

G_DECLARE_FINAL_TYPE (CrbProject, crb_project, CRB, PROJECT, GObject)

CrbProject  *crb_project_new                 (const char          *title);
CrbProject  *crb_project_load                (GFile               *file,
                                              GCancellable        *cancellable,
                                              GError             **error);
void         crb_project_load_async          (GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
CrbProject  *crb_project_load_finish         (GAsyncResult        *result,
                                              GError             **error);
gboolean     crb_project_save                (CrbProject          *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GError             **error);
void         crb_project_save_async          (CrbProject          *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean     crb_project_save_finish         (CrbProject          *self,
                                              GAsyncResult        *result,
                                              GError             **error);

GFile       *crb_project_get_file            (CrbProject          *self);
const char  *crb_project_get_id              (CrbProject          *self);
const char  *crb_project_get_title           (CrbProject          *self);
void         crb_project_set_title           (CrbProject          *self,
                                              const char          *title);
guint64      crb_project_get_revision        (CrbProject          *self);
guint64      crb_project_get_saved_revision  (CrbProject          *self);
gboolean     crb_project_get_modified        (CrbProject          *self);
guint64      crb_project_get_durable_revision (CrbProject         *self);
guint        crb_project_get_n_recovered     (CrbProject          *self);

GListModel  *crb_project_get_stories         (CrbProject          *self);
CrbStory    *crb_project_lookup_story        (CrbProject          *self,
                                              const char          *story_id);
CrbStory    *crb_project_find_story_by_title (CrbProject          *self,
                                              const char          *title);
CrbStory    *crb_project_add_story           (CrbProject          *self,
                                              const char          *title);
CrbStory    *crb_project_add_story_with_id   (CrbProject          *self,
                                              const char          *id,
                                              const char          *title);
CrbStory    *crb_project_find_article_story  (CrbProject          *self,
                                              const char          *article_id);
gboolean     crb_project_ensure_all_loaded   (CrbProject          *self,
                                              GError             **error);
char        *crb_project_make_article_id     (CrbProject          *self,
                                              const char          *wanted);
void         crb_project_add_article         (CrbProject          *self,
                                              CrbStory            *story,
                                              CrbArticle          *article);
CrbClaim    *crb_project_find_claim          (CrbProject          *self,
                                              const char          *claim_id,
                                              CrbStory           **story,
                                              GError             **error);

gboolean     crb_project_decide              (CrbProject          *self,
                                              const char          *claim_id,
                                              const CrbDecision   *decision,
                                              GError             **error);
gboolean     crb_project_decide_many         (CrbProject          *self,
                                              const char * const  *claim_ids,
                                              const CrbDecision   *decision,
                                              GError             **error);
gboolean     crb_project_link                (CrbProject          *self,
                                              const char          *a,
                                              const char          *b,
                                              CrbRelation          relation,
                                              GError             **error);
gboolean     crb_project_unlink              (CrbProject          *self,
                                              const char          *a,
                                              const char          *b,
                                              GError             **error);
gboolean     crb_project_can_undo            (CrbProject          *self);
gboolean     crb_project_can_redo            (CrbProject          *self);
char        *crb_project_undo                (CrbProject          *self,
                                              GError             **error);
char        *crb_project_redo                (CrbProject          *self,
                                              GError             **error);
gboolean     crb_project_sync_journal        (CrbProject          *self,
                                              GError             **error);
const char  *crb_project_get_journal_path    (CrbProject          *self);
GPtrArray   *crb_project_get_problems        (CrbProject          *self);
guint        crb_project_refresh             (CrbProject          *self);
void         crb_project_set_writer          (CrbProject          *self,
                                              const char          *writer);
const char  *crb_project_get_read_only       (CrbProject          *self);
gboolean     crb_project_edit_article        (CrbProject          *self,
                                              const char          *article_id,
                                              const char * const  *info,
                                              GError             **error);
const char  *crb_project_get_setting         (CrbProject          *self,
                                              const char          *name);
gboolean     crb_project_set_setting         (CrbProject          *self,
                                              const char          *name,
                                              const char          *value,
                                              GError             **error);
char        *crb_project_dup_undo_label      (CrbProject          *self);
char        *crb_project_dup_redo_label      (CrbProject          *self);
gboolean     crb_project_compact_if_due      (CrbProject          *self,
                                              GError             **error);
gboolean     crb_project_get_compaction_due  (CrbProject          *self);
gboolean     crb_project_decide_batch        (CrbProject                *self,
                                              const char * const        *claim_ids,
                                              const CrbDecision * const *decisions,
                                              GError                   **error);

/* crb-project-import.c */
gboolean     crb_project_import              (CrbProject          *self,
                                              GPtrArray           *items,
                                              const char          *story_title,
                                              double               threshold,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean     crb_project_import_scanned      (CrbProject          *self,
                                              GPtrArray           *items,
                                              const char          *story_title,
                                              double               threshold,
                                              const char          *extractor_command,
                                              guint                extractor_timeout,
                                              GFile               *beside,
                                              GCancellable        *cancellable,
                                              GError             **error);
gboolean     crb_project_import_export       (CrbProject          *self,
                                              GFile               *file,
                                              GCancellable        *cancellable,
                                              GError             **error);

/* crb-project-export.c */
gboolean     crb_export                      (CrbProject             *project,
                                              CrbExportFormat         format,
                                              GOutputStream          *output,
                                              GOutputStream          *sentences,
                                              const CrbExportOptions *options,
                                              guint                  *n_records,
                                              GCancellable           *cancellable,
                                              GError                **error);
gboolean     crb_export_count                (CrbProject             *project,
                                              CrbExportFormat         format,
                                              const CrbExportOptions *options,
                                              const char            **labels,
                                              guint                  *counts,
                                              GCancellable           *cancellable,
                                              GError                **error);
void         crb_export_assign_splits        (CrbProject             *project,
                                              const CrbExportOptions *options,
                                              GPtrArray              *splits,
                                              guint                   seed);

G_END_DECLS

G_BEGIN_DECLS

gboolean     crb_project_validate            (CrbProject          *self,
                                              GPtrArray           *problems,
                                              GError             **error);

G_END_DECLS
