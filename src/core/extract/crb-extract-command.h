/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "crb-article.h"

G_BEGIN_DECLS

#define CRB_EXTRACT_COMMAND_TIMEOUT 30

GPtrArray *crb_extract_with_command (const char    *command,
                                     CrbArticle    *article,
                                     double         threshold,
                                     guint          timeout_seconds,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_END_DECLS
