/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crb-project.h"

G_BEGIN_DECLS

char       *crb_test_make_dir          (void);
char       *crb_test_write_file        (const char *dir,
                                        const char *name,
                                        const char *contents,
                                        gssize      length);
CrbProject *crb_test_make_project      (const char *dir,
                                        const char *name,
                                        char      **path);
void        crb_test_remove_tree       (const char *dir);
char       *crb_test_read_file         (const char *path);
GPtrArray  *crb_test_read_journal      (const char *path);
guint       crb_test_count_claims      (CrbProject *project);

G_END_DECLS
