/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define CRB_ERROR (crb_error_quark ())

/**
 * CrbError:
 * @CRB_ERROR_INVALID_FORMAT: the file is not what it claims to be (malformed JSON, missing field)
 * @CRB_ERROR_UNSUPPORTED_VERSION: the file was written by a newer, incompatible version
 * @CRB_ERROR_EMPTY: the input holds no text
 * @CRB_ERROR_BINARY: the input is binary data, not text
 * @CRB_ERROR_ENCODING: the input's text encoding could not be determined
 * @CRB_ERROR_NOT_FOUND: a named item (claim, story, article) does not exist
 * @CRB_ERROR_EXISTS: the target exists and may not be replaced
 * @CRB_ERROR_INVALID_ARGUMENT: a value given by the user is not acceptable
 * @CRB_ERROR_NOTHING_TO_DO: nothing to undo or redo, nothing to import
 * @CRB_ERROR_READ_ONLY: the project must not be written (its file is
 *   read-only, say)
 * @CRB_ERROR_CONFLICT: another change came in between (undoing a decision
 *   someone made again since)
 * @CRB_ERROR_BUSY: another program has the project open, and the change
 *   needs it alone (rewriting the file)
 * @CRB_ERROR_TOO_LARGE: the input is larger than Corroborate takes
 *
 * Errors of the core library.  Messages name the file at fault first:
 * "FILE: what is wrong".
 */
typedef enum
{
  CRB_ERROR_INVALID_FORMAT,
  CRB_ERROR_UNSUPPORTED_VERSION,
  CRB_ERROR_EMPTY,
  CRB_ERROR_BINARY,
  CRB_ERROR_ENCODING,
  CRB_ERROR_NOT_FOUND,
  CRB_ERROR_EXISTS,
  CRB_ERROR_INVALID_ARGUMENT,
  CRB_ERROR_NOTHING_TO_DO,
  CRB_ERROR_READ_ONLY,
  CRB_ERROR_CONFLICT,
  CRB_ERROR_BUSY,
  CRB_ERROR_TOO_LARGE,
} CrbError;

GQuark crb_error_quark (void);

G_END_DECLS
