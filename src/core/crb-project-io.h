/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "crb-story.h"

G_BEGIN_DECLS

/* One step on the undo or redo stack: a history entry of a story. */
typedef struct
{
  guint64  seq;
  char    *story_id;
  guint64  group;     /* steps undone together share it; 0 for none */
} CrbStep;

/* What the project file holds, as read or to be written. */
typedef struct
{
  gint64      version;
  char       *id;
  char       *title;
  char       *created;
  char       *modified;
  guint64     revision;
  guint64     next_seq;
  GPtrArray  *stories;   /* CrbStory */
  GArray     *undo;      /* CrbStep */
  GArray     *redo;      /* CrbStep */
} CrbProjectData;

void      _crb_project_data_init    (CrbProjectData  *data);
void      _crb_project_data_clear   (CrbProjectData  *data);
GArray   *_crb_steps_new            (void);

gboolean  _crb_project_read         (GFile           *file,
                                     CrbProjectData  *data,
                                     GCancellable    *cancellable,
                                     GError         **error);
GBytes   *_crb_project_header_serialize (const CrbProjectData *data);
gboolean  _crb_write_chunks_atomically (GFile        *file,
                                     GPtrArray       *chunks,
                                     GCancellable    *cancellable,
                                     GError         **error);

gboolean  _crb_story_parse          (CrbStory        *story,
                                     const char      *data,
                                     gsize            length,
                                     const char      *display_name,
                                     guint            line,
                                     GError         **error);
GBytes   *_crb_story_serialize      (CrbStory        *story);

void      _crb_claim_write          (GString         *out,
                                     CrbClaim        *claim,
                                     gboolean         with_decision,
                                     const char      *story_id);
void      _crb_article_write        (GString         *out,
                                     CrbArticle      *article,
                                     gboolean         with_text);
double    _crb_round_score          (double           score);
void      _crb_article_set_recorded_sha256 (CrbArticle *self,
                                            const char *sha256);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbProjectData, _crb_project_data_clear)

G_END_DECLS
