/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "crb-links.h"
#include "crb-decision.h"
#include "crb-json-reader.h"
#include "crb-story.h"

G_BEGIN_DECLS

/* One step on the undo or redo stack: a history entry of a story. */
typedef struct
{
  guint64  seq;
  char    *story_id;
  guint64  group;     /* steps undone together share it; 0 for none */
  char    *writer;    /* the program that made it ("app", "cli"); NULL: any (older files) */
} CrbStep;

/* What the project file holds, as read or to be written. */
typedef struct
{
  gint64      version;
  char       *id;
  char       *title;
  char       *created;
  char       *modified;
  char       *save_id;   /* new at every write: names the journal of this state */
  GHashTable *settings;  /* project settings: name → value (strings) */
  guint64     dev;       /* the device and inode of the file as read */
  guint64     ino;
  guint64     revision;
  guint64     next_seq;
  GPtrArray  *stories;   /* CrbStory */
  GArray     *undo;      /* CrbStep */
  GArray     *redo;      /* CrbStep */
  GArray     *line_spans; /* when writing: gsize offset and length of each story's line, borrowed */
  char       *team;      /* the header's "team" object as JSON text, NULL for none: read by
                          * project/crb-project-team.c (docs/team.md) */
  GBytes     *mapped;    /* when read: the whole file, while it is mapped (the stories' lines are in it) */
  gsize       given_back; /* while reading: the pages of @mapped before it are given back */
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

/* A file written beside its target, synced, not yet renamed into place. */
typedef struct
{
  char    *path;      /* the target */
  char    *tmp;       /* the written file; NULL once renamed */
  guint64  dev;       /* the written file's device and inode: the target's once renamed */
  guint64  ino;
} CrbPendingWrite;

gboolean  _crb_write_temp           (GFile           *file,
                                     GPtrArray       *chunks,
                                     CrbPendingWrite *pending,
                                     GCancellable    *cancellable,
                                     GError         **error);
gboolean  _crb_write_temp_full      (GFile           *file,
                                     GPtrArray       *chunks,
                                     GPtrArray       *mapped,
                                     CrbPendingWrite *pending,
                                     GCancellable    *cancellable,
                                     GError         **error);
void      _crb_mapped_release       (GPtrArray       *mapped,
                                     gconstpointer    data,
                                     gsize            len);
gboolean  _crb_commit_temp          (CrbPendingWrite *pending,
                                     GError         **error);
void      _crb_pending_write_clear  (CrbPendingWrite *pending);
void      _crb_remove_stale_temp_files (GFile        *file);
gboolean  _crb_file_is_read_only    (GFile           *file,
                                     char           **why);
char     *_crb_new_save_id          (void);

/* An article's members, in the order the project file and the exports
 * write them.
 */
typedef enum
{
  CRB_ARTICLE_ID,
  CRB_ARTICLE_TITLE,
  CRB_ARTICLE_OUTLET,
  CRB_ARTICLE_URL,
  CRB_ARTICLE_DATE,
  CRB_ARTICLE_SOURCE,
  CRB_ARTICLE_SHA256,
  CRB_ARTICLE_SOURCE_SHA256,
  CRB_ARTICLE_BODY_START,   /* an integer, the others are strings */
  CRB_ARTICLE_TEXT,
  CRB_N_ARTICLE_FIELDS
} CrbArticleField;

/* A story's line, checked and indexed but not made into objects: what
 * _crb_story_parse() makes the story's objects from, and what exports
 * write records from.  The values are the line's, in @doc; each field is
 * what the object made from it holds (see _crb_story_parse()).
 */
typedef struct
{
  const CrbJsonValue *fields[CRB_N_ARTICLE_FIELDS];  /* NULL: none (as empty optional ones, and a sha256 that is not one) */
  gsize               length;                        /* of the text, in code points */
} CrbLineArticle;

typedef struct
{
  const CrbJsonValue *id;
  const CrbJsonValue *article_id;
  const CrbJsonValue *text;
  const CrbJsonValue *kind;        /* NULL: "statement" */
  const CrbJsonValue *reasons;     /* NULL: none */
  const CrbJsonValue *values;      /* NULL: none */
  guint               article;     /* the index of its article (the first with its id) */
  guint               start;
  guint               end;
  double              score;
  CrbDecision        *decision;    /* NULL while pending */
  int                 fact;        /* the index of its fact, -1 for a fact of its own */
} CrbLineClaim;

typedef struct
{
  guint               a;           /* claim indexes */
  guint               b;
  CrbRelation         relation;
  double              score;
  const CrbJsonValue *why;         /* NULL: none */
  gboolean            manual;
} CrbLineLink;

typedef struct
{
  const CrbJsonValue *id;
  const CrbJsonValue *claims;      /* an array of claim ids */
  guint               n_articles;
  guint               n_outlets;
  guint               n_conflicts;
} CrbLineFact;

typedef struct
{
  GBytes     *bytes;     /* the line */
  CrbJsonDoc *doc;
  GArray     *articles;  /* CrbLineArticle */
  GArray     *claims;    /* CrbLineClaim */
  GPtrArray  *history;   /* CrbHistoryEntry */
  GPtrArray  *removed;   /* const CrbJsonValue *: pairs of claim ids */
  GArray     *links;     /* CrbLineLink; NULL when the line has none (the story is aligned on demand) */
  GArray     *facts;     /* CrbLineFact */
} CrbStoryLine;

gboolean  _crb_story_line_read      (CrbStoryLine    *line,
                                     const char      *story_id,
                                     GBytes          *bytes,
                                     const char      *display_name,
                                     guint            lineno,
                                     GError         **error);
void      _crb_story_line_clear     (CrbStoryLine    *line);
void      _crb_line_article_write   (GString         *out,
                                     const CrbStoryLine *line,
                                     guint            article,
                                     gboolean         with_text);

gboolean  _crb_story_parse          (CrbStory        *story,
                                     GBytes          *bytes,
                                     const char      *display_name,
                                     guint            line,
                                     GError         **error);
GBytes   *_crb_story_serialize      (CrbStory        *story);
gboolean  _crb_story_read_line      (CrbStory        *story,
                                     CrbStoryLine    *line,
                                     GError         **error);

void      _crb_claim_write          (GString         *out,
                                     CrbClaim        *claim,
                                     gboolean         with_decision,
                                     const char      *story_id);
void      _crb_article_write        (GString         *out,
                                     CrbArticle      *article,
                                     gboolean         with_text);
double    _crb_round_score          (double           score);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbProjectData, _crb_project_data_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbPendingWrite, _crb_pending_write_clear)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbStoryLine, _crb_story_line_clear)

G_END_DECLS
