/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What the files of reviewers' files share: the header line, read. */
#pragma once

#include "crb-reviews.h"

G_BEGIN_DECLS

gboolean _crb_reviews_read_header (const char  *path,
                                   const char  *line,
                                   gsize        length,
                                   char       **reviewer,
                                   char       **project_id,
                                   GError     **error);

G_END_DECLS
