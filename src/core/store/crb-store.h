/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store/ — the project on disk: the project file (a header line, then one
 * line per story; read lazily, written atomically) and the journal that
 * makes each decision durable before the file is rewritten, and a team's
 * reviewer files (crb-reviews.c).  See docs/project-format.md and
 * docs/team.md.
 *
 * May include: model/, base/.
 */
#pragma once

#include "crb-model.h"
#include "crb-journal.h"
#include "crb-reviews.h"

G_BEGIN_DECLS

/**
 * CRB_PROJECT_FORMAT:
 *
 * The format marker at the top of every project file.
 */
#define CRB_PROJECT_FORMAT          "corroborate-project"
/**
 * CRB_PROJECT_FORMAT_VERSION:
 *
 * The newest project format version this build reads and the one it writes.
 * Version 2: an article's text is its source's text exactly, metadata
 * included (up to "body_start"), and "source_sha256" is the source
 * file's checksum; version 1 files are read as they are (see
 * docs/project-format.md).
 */
#define CRB_PROJECT_FORMAT_VERSION  2

void crb_claim_write_json (GString    *out,
                           CrbClaim   *claim,
                           gboolean    with_decision,
                           const char *story_id);

G_END_DECLS
