/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import-jsonl, fuzz-import-txt, fuzz-import-html: the bytes as a
 * file named CRB_FUZZ_INPUT (a JSON Lines corpus, a text file, an HTML
 * file: fuzz/meson.build builds this source once for each), imported in
 * memory as the app does and scanned as `corroborate-cli new` does
 * (crb_fuzz_import()). */
#include "config.h"

#include "crb-fuzz.h"

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  crb_fuzz_init ();
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  crb_fuzz_import (CRB_FUZZ_INPUT, data, size, CRB_FUZZ_WHAT);
  crb_fuzz_finish ();
  return 0;
}
