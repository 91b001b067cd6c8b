/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdio.h>

#include "crb-align.h"
#include "crb-story.h"

G_BEGIN_DECLS

double crb_bench_now            (void);
long   crb_bench_peak_rss_kb    (void);
int    crb_bench_compare_double (gconstpointer a,
                                 gconstpointer b);
void   crb_bench_dump_alignment (FILE         *out,
                                 CrbAlignment *alignment);
CrbStory *crb_bench_story_copies (CrbStory *story,
                                  guint     n_copies,
                                  gboolean  vary);

G_END_DECLS
