/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * base/ — plain tools that know nothing of news or claims: the error
 * domain, UTF-8 offsets, hashes and ids, and the JSON writer and reader
 * that every layer above uses (the extraction writes claim values as JSON,
 * the alignment reads them, the store reads and writes project files).
 *
 * May include: GLib, GIO and json-glib; nothing of the project.
 */
#pragma once

#include "crb-agreement.h"
#include "crb-error.h"
#include "crb-json.h"
#include "crb-json-reader.h"
#include "crb-utils.h"
