/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * store/ — the project on disk: the project file (a header line, then one
 * line per story; read lazily, written atomically) and the journal that
 * makes each decision durable before the file is rewritten.  See
 * docs/project-format.md.
 *
 * May include: model/, base/.
 */
#pragma once

#include "crb-model.h"
#include "crb-journal.h"

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
 */
#define CRB_PROJECT_FORMAT_VERSION  1

G_END_DECLS
