/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * align/ — links the claims of different articles of one story that state
 * the same fact, says whether they agree or conflict and why, and groups
 * them into facts (the model's CrbAlignment).  See docs/alignment.md.
 *
 * May include: model/, base/.
 */
#pragma once

#include <glib.h>

#include "crb-links.h"
#include "crb-story.h"

G_BEGIN_DECLS

CrbAlignment *crb_align_story              (CrbStory      *story,
                                            GPtrArray     *manual_links,
                                            GPtrArray     *removed);

G_END_DECLS
