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

  /* a team project's reviewers: see crb-project-team.c */
  struct _CrbProjectTeam *team;
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
  ARTICLE_CHANGED,
  SETTING_CHANGED,
  N_SIGNALS
};

/* The changes the journal records. */
typedef enum {
  OP_DECIDE,
  OP_UNDO,
  OP_REDO,
  OP_LINK,
  OP_UNLINK,
  OP_ARTICLE,
  OP_SETTING,
} CrbProjectOp;

extern const char * const _crb_project_op_names[];

/* The reason a link made by hand gives. */
#define HAND_LINK_WHY "linked by hand"

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

/* crb-project-team.c: a team project's changes go to the reviewer's own
 * file, never to the journal or the project file (docs/team.md). */
gboolean _crb_project_in_team             (CrbProject                *self);
gboolean _crb_project_team_attach         (CrbProject                *self,
                                           GError                   **error);
void     _crb_project_team_free           (CrbProject                *self);
gboolean _crb_project_team_decide_batch   (CrbProject                *self,
                                           const char * const        *claim_ids,
                                           const CrbDecision * const *decisions,
                                           GError                   **error);
gboolean _crb_project_team_link           (CrbProject                *self,
                                           gboolean                   link,
                                           const char                *a,
                                           const char                *b,
                                           CrbRelation                relation,
                                           GError                   **error);
char    *_crb_project_team_step           (CrbProject                *self,
                                           gboolean                   redo,
                                           GError                   **error);
gboolean _crb_project_team_can_step       (CrbProject                *self,
                                           gboolean                   redo);
char    *_crb_project_team_dup_step_label (CrbProject                *self,
                                           gboolean                   redo);
guint    _crb_project_team_refresh        (CrbProject                *self);
gboolean _crb_project_team_check_owner    (CrbProject                *self,
                                           GError                   **error);

/* crb-project-changes.c and crb-project-undo.c */
gboolean     _crb_project_same_writer   (const char *step_writer,
                                         const char *writer);
void         _crb_project_record        (CrbProject      *self,
                                         CrbProjectOp     op,
                                         CrbStory        *story,
                                         CrbHistoryEntry *entry,
                                         guint64          group,
                                         const CrbLink   *link);
void         _crb_project_push_step     (GArray     *steps,
                                         guint64     seq,
                                         const char *story_id,
                                         guint64     group,
                                         const char *writer);
gboolean     _crb_project_begin_change  (CrbProject  *self,
                                         GError     **error);
void         _crb_project_end_change    (CrbProject *self);
const char * _crb_project_pair_state    (CrbStory   *story,
                                         const char *a,
                                         const char *b);
gboolean     _crb_project_apply_step    (CrbProject    *self,
                                         CrbProjectOp   op,
                                         guint64        seq,
                                         const char    *writer,
                                         gboolean       journal,
                                         char         **subject,
                                         guint64       *group,
                                         GError       **error);
gboolean     _crb_project_put_entry     (CrbProject       *self,
                                         CrbStory         *story,
                                         CrbHistoryEntry  *entry,
                                         gboolean          undo,
                                         GError          **error);
int          _crb_project_find_step     (GArray     *steps,
                                         guint64     seq,
                                         const char *writer);

G_END_DECLS
