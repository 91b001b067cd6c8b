/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "crb-article.h"

G_BEGIN_DECLS

void _crb_article_set_recorded_sha256 (CrbArticle *self,
                                       const char *sha256);

G_END_DECLS
