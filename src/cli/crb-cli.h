/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of corroborate-cli share: messages and exit status, option
 * parsing, output, opening and saving a project, and the commands.
 *
 * corroborate-cli.c    the commands table, help and main; the helpers below
 * crb-cli-import.c     new, add, extract
 * crb-cli-review.c     claims, annotate, undo, redo, link, unlink, facts, save
 * crb-cli-export.c     export
 * crb-cli-check.c      validate, stats
 * crb-cli-team.c       team, assign, agreement, adjudicate, merge; and what the
 *                      review commands do in a team project
 */
#pragma once

#include <stdio.h>

#include "corroborate-core.h"

G_BEGIN_DECLS

#define EXIT_FAIL  1
#define EXIT_USAGE 2

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

/* The command being run, for usage messages. */
extern const Command *current;

int         fail             (const char    *format,
                              ...) G_GNUC_PRINTF (1, 2);
int         fail_error       (const GError  *error);
int         usage_error      (const char    *format,
                              ...) G_GNUC_PRINTF (1, 2);
void        warn             (const char    *message);
int         parse_options    (GOptionEntry  *entries,
                              const char    *summary,
                              int           *argc,
                              char        ***argv);
char       *pad              (const char    *text,
                              guint          width);
char       *pad_left         (const char    *text,
                              guint          width);
gboolean    write_json_line  (JsonNode      *node);
int         finish_output    (void);
void        print_warnings   (GPtrArray     *warnings);
CrbProject *open_project     (const char    *path,
                              GError       **error);
int         save_project     (CrbProject    *project,
                              const char    *path);
gboolean    parse_threshold  (double         value);

int         cmd_new          (int    argc,
                              char **argv);
int         cmd_add          (int    argc,
                              char **argv);
int         cmd_extract      (int    argc,
                              char **argv);
int         cmd_claims       (int    argc,
                              char **argv);
int         cmd_article      (int    argc,
                              char **argv);
int         cmd_annotate     (int    argc,
                              char **argv);
int         cmd_undo         (int    argc,
                              char **argv);
int         cmd_redo         (int    argc,
                              char **argv);
int         cmd_link         (int    argc,
                              char **argv);
int         cmd_unlink       (int    argc,
                              char **argv);
int         cmd_facts        (int    argc,
                              char **argv);
int         cmd_save         (int    argc,
                              char **argv);
int         cmd_export       (int    argc,
                              char **argv);
int         cmd_validate     (int    argc,
                              char **argv);
int         cmd_stats        (int    argc,
                              char **argv);
int         cmd_team         (int    argc,
                              char **argv);
int         cmd_assign       (int    argc,
                              char **argv);
int         cmd_agreement    (int    argc,
                              char **argv);
int         cmd_adjudicate   (int    argc,
                              char **argv);
int         cmd_merge        (int    argc,
                              char **argv);

/* crb-cli-team.c: the review commands in a team project */
int         cli_team_prepare        (CrbProject   *project,
                                     const char   *path,
                                     const char   *annotator,
                                     gboolean      writes,
                                     CrbTeamView   view);
int         cli_team_claims_filter  (CrbProject   *project,
                                     const char   *path,
                                     gboolean      mine,
                                     gboolean      disagreements,
                                     GHashTable  **wanted);
void        cli_team_append_claim   (GString      *line,
                                     CrbProject   *project,
                                     CrbClaim     *claim);

G_END_DECLS
