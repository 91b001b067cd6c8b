/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "crb-project-io.h"
#include "crb-story.h"

G_BEGIN_DECLS

/* The summary a project header keeps of each story, so that a project can
 * be opened without parsing its stories.
 */
typedef struct
{
  GStrv article_ids;
  guint n_claims;
  guint status_counts[CRB_N_DECISION_STATUSES];
} CrbStorySummary;

void             _crb_story_set_unloaded    (CrbStory              *self,
                                             const CrbStorySummary *summary,
                                             GBytes                *raw,
                                             GFile                 *file,
                                             guint                  line);
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
JsonNode        *_crb_story_summary_to_json (CrbStory              *self);
void             _crb_story_set_alignment   (CrbStory              *self,
                                             CrbAlignment          *alignment);
gboolean         _crb_story_read_line       (CrbStory              *self,
                                             CrbStoryLine          *line,
                                             GError               **error);

G_END_DECLS
