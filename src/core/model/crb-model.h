/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * model/ — what a project is made of, as plain data: articles, claims and
 * the reviewers' decisions on them, the decision history, stories, and the
 * links and facts between claims of different articles.  The model never
 * reads or writes a project file, extracts or aligns: the project (in
 * project/) installs a CrbStoryDriver on each story it holds for that.
 *
 * May include: base/.
 */
#pragma once

#include "crb-base.h"
#include "crb-types.h"
#include "crb-enums.h"
#include "crb-article.h"
#include "crb-claim.h"
#include "crb-decision.h"
#include "crb-links.h"
#include "crb-story.h"
#include "crb-team.h"
