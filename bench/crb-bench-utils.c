/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "crb-bench-utils.h"

#include <string.h>

#include "crb-article.h"
#include "crb-claim.h"

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

/* A big story made of @n_copies copies of @story's articles and claims:
 * copy 0 keeps the ids, copy c gives an article "ID~c", of outlet
 * "OUTLET ~c", and a claim "ID~c" (the claim's id with "~c").  The copies
 * come in blocks: every article once, then every article again, and so
 * on.  The part of a copy's id before its last "~" is the original's.
 *
 * With @vary, each claim of a copy ends with a word of its own, so that
 * no two claims are the same word for word: near-copies, each compared
 * on its own.
 */
CrbStory *
crb_bench_story_copies (CrbStory *story,
                        guint     n_copies,
                        gboolean  vary)
{
  guint serial = 0;

  g_autofree char *id = g_strconcat (crb_story_get_id (story), "~copies", NULL);
  g_autofree char *title = g_strdup_printf ("%s ×%u", crb_story_get_title (story), n_copies);
  CrbStory *copies = crb_story_new (id, title);
  GListModel *articles = crb_story_get_articles (story);

  for (guint c = 0; c < n_copies; c++)
    for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
      {
        g_autoptr (CrbArticle) article = g_list_model_get_item (articles, a);
        const char *article_id = crb_article_get_id (article);
        g_autofree char *copy_id = c == 0 ? g_strdup (article_id)
                                          : g_strdup_printf ("%s~%u", article_id, c);
        const char *outlet = crb_article_get_outlet (article);
        g_autofree char *copy_outlet = c == 0 || outlet == NULL
                                       ? g_strdup (outlet) : g_strdup_printf ("%s ~%u", outlet, c);
        g_autoptr (CrbArticle) copy = crb_article_new (copy_id, crb_article_get_text (article));
        g_autoptr (GPtrArray) claims = crb_story_dup_article_claims (story, article_id);

        crb_article_set_title (copy, crb_article_get_title (article));
        crb_article_set_outlet (copy, copy_outlet);
        crb_article_set_date (copy, crb_article_get_date (article));
        crb_story_add_article (copies, copy);
        for (guint k = 0; claims != NULL && k < claims->len; k++)
          {
            CrbClaim *claim = g_ptr_array_index (claims, k);
            const char *claim_of = crb_claim_get_id (claim);
            g_autofree char *claim_id = c == 0 ? g_strdup (claim_of)
                                               : g_strdup_printf ("%s~%u", claim_of, c);
            g_autoptr (GString) text = g_string_new (crb_claim_get_text (claim));
            g_autoptr (CrbClaim) made = NULL;

            if (vary && c > 0)
              {
                /* a word no other claim has: "Zq" and the serial in letters */
                g_string_append (text, " Zq");
                for (guint s = ++serial; s > 0; s /= 26)
                  g_string_append_c (text, 'a' + s % 26);
              }
            made = crb_claim_new (claim_id, copy_id, crb_claim_get_start (claim),
                                  crb_claim_get_end (claim), text->str);

            crb_claim_set_kind (made, crb_claim_get_kind (claim));
            crb_claim_set_score (made, crb_claim_get_score (claim));
            if (crb_claim_get_values_json (claim) != NULL)
              crb_claim_set_values_json (made, crb_claim_get_values_json (claim), -1);
            crb_story_add_claim (copies, made);
          }
      }
  return copies;
}
