/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of CrbProject share: the instance struct, and the
 * properties and signals that its changes notify. */
#pragma once

#include "crb-project.h"
#include "crb-project-io.h"
#include "crb-story-private.h"

G_BEGIN_DECLS

struct _CrbProject
{
  GObject         parent_instance;

  CrbProjectData  data;          /* id, title, revision, save id, stacks; data.stories unused */
  GFile          *file;
  GListStore     *stories;
  GHashTable     *story_index;   /* id → CrbStory (borrowed) */
  GHashTable     *article_index; /* article id → CrbStory (borrowed) */
  GPtrArray      *mapped;        /* GBytes: files mapped whole that stories' lines are in (the
                                  * file read, imports' spools); see _crb_mapped_release() */

  /* other programs: see crb-project-changes.c */
  CrbJournal     *journal;       /* NULL while the project has no file */
  GPtrArray      *problems;      /* messages for the user, from the last load or refresh */
  GError         *journal_error; /* the first change the journal could not take */
  char           *writer;        /* whose undo and redo: "app", "cli" */
  char           *read_only;     /* why the file must not be written; NULL when it may */
  gboolean        legacy_journal;/* a journal of an older version may hold changes */

  guint64         saved_revision;
  guint64         durable_revision;
  guint64         group;         /* while deciding many claims as one step */
  guint           n_recovered;
  gboolean        header_dirty;
};

enum {
  PROP_0,
  PROP_FILE,
  PROP_TITLE,
  PROP_REVISION,
  PROP_MODIFIED,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_DURABLE_REVISION,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  CLAIM_DECIDED,
  ALIGNMENT_CHANGED,
  N_SIGNALS
};

extern GParamSpec *_crb_project_properties[N_PROPS];
extern guint       _crb_project_signals[N_SIGNALS];
extern const CrbStoryDriver _crb_project_story_driver;

void     _crb_project_notify_state   (CrbProject  *self,
                                      gboolean     undo_changed);
gboolean _crb_project_attach_journal (CrbProject  *self,
                                      GError     **error);
void     _crb_project_on_durable     (CrbProject  *self,
                                      guint64      revision,
                                      CrbJournal  *journal);
void     _crb_project_release_story  (CrbProject  *self,
                                      CrbStory    *story);

G_END_DECLS
