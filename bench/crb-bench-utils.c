/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "crb-bench-utils.h"

#include <string.h>

/* Seconds, monotonic. */
double
crb_bench_now (void)
{
  return g_get_monotonic_time () / 1e6;
}

/* VmHWM, not getrusage(): ru_maxrss survives exec and would count the
 * parent's memory at fork.
 */
long
crb_bench_peak_rss_kb (void)
{
  g_autofree char *status = NULL;
  const char *hwm;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (hwm = strstr (status, "VmHWM:")) == NULL)
    return -1;

  return g_ascii_strtoll (hwm + strlen ("VmHWM:"), NULL, 10);
}

int
crb_bench_compare_double (gconstpointer a,
                          gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

/* Everything an alignment says, scores to the last bit: a change meant to
 * make alignment faster shows with cmp that it changes nothing else.
 */
void
crb_bench_dump_alignment (FILE         *out,
                          CrbAlignment *alignment)
{
  fprintf (out, "%u links, %u facts\n", alignment->links->len, alignment->facts->len);
  for (guint l = 0; l < alignment->links->len; l++)
    {
      const CrbLink *link = g_ptr_array_index (alignment->links, l);

      fprintf (out, "link %s %s %s %.17g%s\n", link->a, link->b,
               crb_relation_to_string (link->relation), link->score, link->manual ? " manual" : "");
      for (guint k = 0; link->why[k] != NULL; k++)
        fprintf (out, "  why %s\n", link->why[k]);
    }
  for (guint f = 0; f < alignment->facts->len; f++)
    {
      const CrbFact *fact = g_ptr_array_index (alignment->facts, f);
      g_autofree char *claims = g_strjoinv (" ", fact->claims);

      fprintf (out, "fact %s articles %u outlets %u conflicts %u: %s\n", fact->id,
               fact->n_articles, fact->n_outlets, fact->n_conflicts, claims);
    }
}
