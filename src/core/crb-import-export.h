/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crb-project.h"

G_BEGIN_DECLS

gboolean crb_project_import_export (CrbProject    *project,
                                    GFile         *file,
                                    GCancellable  *cancellable,
                                    GError       **error);

G_END_DECLS
