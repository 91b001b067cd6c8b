/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * What the libFuzzer targets share: a private home, the input written to
 * a file there, and GLib's criticals made crashes.  See docs/fuzzing.md.
 */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib.h>

#include "corroborate-core.h"

G_BEGIN_DECLS

/* libFuzzer's entry points, which every target defines. */
int          LLVMFuzzerInitialize  (int            *argc,
                                    char         ***argv);
int          LLVMFuzzerTestOneInput (const uint8_t *data,
                                     size_t         size);

void         crb_fuzz_init         (void);
const char  *crb_fuzz_dir          (void);
void         crb_fuzz_finish       (void);
char        *crb_fuzz_input        (const char     *name,
                                    const uint8_t  *data,
                                    size_t          size);
char        *crb_fuzz_write        (const char     *name,
                                    const uint8_t  *data,
                                    size_t          size);
void         crb_fuzz_round_trip   (CrbProject     *project,
                                    gboolean        made_here,
                                    const char     *what);
void         crb_fuzz_import       (const char     *name,
                                    const uint8_t  *data,
                                    size_t          size,
                                    const char     *what);

G_END_DECLS
