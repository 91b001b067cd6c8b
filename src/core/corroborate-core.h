/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The core library, for its two fronts (the CLI and the app), the tests
 * and the benchmarks.  Its folders follow the data flow (docs/architecture.md):
 *
 *   base/    plain tools: errors, UTF-8, hashes, JSON writer and reader
 *   model/   articles, claims, decisions, stories, links and facts
 *   store/   the project file and the journal
 *   extract/ claims and their check-worthiness from an article's text
 *   align/   links and facts between the claims of a story
 *   import/  files, folders and corpora into articles
 *   export/  the dataset formats
 *   project/ CrbProject, which drives all of them
 *
 * Each folder includes only the folders below it; tests/check-layers
 * keeps it so.  No GTK here.
 */
#pragma once

#include "crb-base.h"
#include "crb-model.h"
#include "crb-store.h"
#include "crb-extract.h"
#include "crb-extract-command.h"
#include "crb-align.h"
#include "crb-text.h"
#include "crb-import.h"
#include "crb-import-export.h"
#include "crb-export.h"
#include "crb-project.h"
#include "crb-project-team.h"
