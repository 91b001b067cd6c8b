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
