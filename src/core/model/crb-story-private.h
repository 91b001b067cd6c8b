/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "crb-story.h"

G_BEGIN_DECLS

/* What a story needs from the layers above it, installed by the project
 * that holds it: the story never knows the file format or the alignment.
 *
 * @load parses the story's line of the project file into its objects;
 * @align computes its links and facts, keeping the links reviewers made
 * and the pairs they unlinked.  A story without a driver (one made on its
 * own, as the tests do) cannot be unloaded, and has no links until some
 * are set with _crb_story_set_alignment().
 */
typedef struct
{
  gboolean      (*load)  (CrbStory    *story,
                          GBytes      *raw,
                          const char  *display_name,
                          guint        line,
                          GError     **error);
  CrbAlignment *(*align) (CrbStory    *story,
                          GPtrArray   *manual_links,
                          GPtrArray   *removed);
} CrbStoryDriver;

/* What a project header keeps of each article of a story. */
typedef struct
{
  guint  n_claims;
  guint  status_counts[CRB_N_DECISION_STATUSES];
  char  *outlet;
} CrbArticleSummary;

/* The summary a project header keeps of each story, so that a project can
 * be opened without parsing its stories.
 */
typedef struct
{
  GStrv article_ids;
  guint n_claims;
  guint status_counts[CRB_N_DECISION_STATUSES];
  CrbArticleSummary *articles;   /* one per article id; NULL when the header had none */
  int   n_contested;             /* facts with conflicts; -1 when unknown */
} CrbStorySummary;

void             _crb_story_summary_clear   (CrbStorySummary       *summary);

void             _crb_story_set_unloaded    (CrbStory              *self,
                                             const CrbStorySummary *summary,
                                             GBytes                *raw,
                                             GFile                 *file,
                                             guint                  line);
const CrbStorySummary *_crb_story_get_summary (CrbStory          *self);
GBytes          *_crb_story_get_raw         (CrbStory              *self);
gboolean         _crb_story_get_dirty       (CrbStory              *self);
void             _crb_story_set_dirty       (CrbStory              *self,
                                             gboolean               dirty);
void             _crb_story_set_raw         (CrbStory              *self,
                                             GBytes                *raw);
void             _crb_story_add_history     (CrbStory              *self,
                                             CrbHistoryEntry       *entry);
CrbHistoryEntry *_crb_story_lookup_history  (CrbStory              *self,
                                             guint64                seq);
void             _crb_story_summary_write   (CrbStory              *self,
                                             GString               *out,
                                             const gsize           *line);
void             _crb_story_set_alignment   (CrbStory              *self,
                                             CrbAlignment          *alignment);
void             _crb_story_set_driver      (CrbStory              *self,
                                             const CrbStoryDriver  *driver);
GFile           *_crb_story_get_file        (CrbStory              *self);
guint            _crb_story_get_line        (CrbStory              *self);
char            *_crb_story_dup_file_name   (CrbStory              *self);

G_END_DECLS
