/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crb-story.h"

G_BEGIN_DECLS

GPtrArray *crb_import_read_export (GFile         *file,
                                   GCancellable  *cancellable,
                                   GError       **error);

G_END_DECLS
