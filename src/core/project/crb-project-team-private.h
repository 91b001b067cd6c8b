/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of a team project share (crb-project-team.c: its files,
 * settings and view; crb-project-team-changes.c: its changes;
 * crb-project-team-show.c: what it shows, its assignments and agreement). */
#pragma once

#include "crb-project-private.h"
#include "crb-project-team.h"

G_BEGIN_DECLS

/* How far a reviewer's file has been read. */
typedef struct
{
  char    *reviewer;   /* NULL: not one of this project's */
  gsize    end;
  guint    lines;
  guint64  dev;
  guint64  ino;
} FileState;

typedef struct _CrbProjectTeam
{
  CrbTeam         *team;      /* NULL: not a team project */
  char            *reviews;   /* the folder's name, as the header has it */
  char            *folder;    /* the folder */
  char            *owner;
  gboolean         blind;
  gboolean         revealed;
  GHashTable      *files;     /* path → FileState */
  char            *reviewer;  /* who decides */
  CrbReviewWriter *writer;    /* the reviewer's own file, once written */
  gint64           assignments_mtime;
} CrbProjectTeam;

gboolean  _crb_project_team_not_team           (CrbProject  *self,
                                                GError     **error);
gboolean  _crb_project_team_check_owner_of     (CrbProject  *self,
                                                GError     **error);
gboolean  _crb_project_team_check_sees_all     (CrbProject  *self,
                                                GError     **error);
CrbStory *_crb_project_team_story_of           (CrbProject  *self,
                                                const char  *claim_id);
void      _crb_project_team_read_assignments   (CrbProject  *self,
                                                gboolean     if_changed);
void      _crb_project_team_catch_up_file      (CrbProject  *self,
                                                const char  *path,
                                                GHashTable  *changed);
guint     _crb_project_team_update_views       (CrbProject  *self,
                                                GHashTable  *changed);

G_END_DECLS
