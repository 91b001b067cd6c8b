/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * CrbBuildData:
 * @schema_dir: the build folder's compiled settings schemas
 * @sample_dir: the sample articles in the source folder
 * @locale_dir: the build folder's message catalogues
 *
 * Where an executable run from its build folder finds its data.
 */
typedef struct
{
  char *schema_dir;
  char *sample_dir;
  char *locale_dir;
} CrbBuildData;

gboolean crb_build_data_find      (const char   *executable,
                                   CrbBuildData *data);
void     crb_build_data_clear     (CrbBuildData *data);
gboolean crb_uninstalled_setup    (const char   *argv0);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CrbBuildData, crb_build_data_clear)

G_END_DECLS
