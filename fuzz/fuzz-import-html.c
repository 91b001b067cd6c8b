/* SPDX-License-Identifier: GPL-3.0-or-later */
/* fuzz-import-html: the bytes as an HTML file (.html), imported in memory
 * as the app does and scanned as `corroborate-cli new` does
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
  crb_fuzz_import ("article.html", data, size, "an HTML file (.html)");
  crb_fuzz_finish ();
  return 0;
}
