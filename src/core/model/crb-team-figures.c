/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-team-figures.c: how well a team's reviewers agree on the labels of
 * the claims two of them or more decided — over all, story by story and
 * reviewer by reviewer (docs/team.md, "Agreement"). */
#define G_LOG_DOMAIN "crb-team"

#include "config.h"

#include "crb-team.h"
#include "crb-json.h"

#include <math.h>
#include <string.h>

typedef struct
{
  const char *id;     /* the claim */
  const char *story;
  guint       index;  /* the claim's index in the team */
} Item;

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const Item *x = a, *y = b;
  int c = strcmp (x->story, y->story);

  return c != 0 ? c : strcmp (x->id, y->id);
}

static void
story_figures_free (gpointer data)
{
  CrbTeamStoryFigures *story = data;

  g_free (story->id);
  g_free (story);
}

/**
 * crb_team_compute_figures:
 * @story_of: (nullable) (scope call): the story of each claim; claims it
 *   gives no story are left out.  %NULL counts every claim, in one story ""
 *
 * Measures the agreement of the team's reviewers on the labels of claims
 * (crb_team_label()): over the claims two reviewers or more decided,
 * Cohen's κ of each pair, Fleiss' κ and Krippendorff's α (nominal) of all,
 * and the same story by story.  Claims are taken in the order of their
 * stories and ids, so the figures do not depend on the order files were
 * read in.  Links are measured by the project (they need the stories'
 * alignments): @links is %NULL here.
 *
 * Returns: (transfer full): the figures
 */
CrbTeamFigures *
crb_team_compute_figures (CrbTeam          *self,
                          CrbTeamStoryFunc  story_of,
                          gpointer          user_data)
{
  CrbTeamFigures *figures = g_new0 (CrbTeamFigures, 1);
  guint n_reviewers = crb_team_get_n_reviewers (self);
  guint n_claims = crb_team_get_n_claims (self);
  g_autoptr (GArray) items = g_array_new (FALSE, FALSE, sizeof (Item));
  g_autofree gint8 *values = NULL;
  CrbReliabilityData data = { 0, n_reviewers, CRB_N_TEAM_LABELS, NULL };
  guint start;

  figures->reviewers = g_new0 (char *, n_reviewers + 1);
  figures->reviewer_decisions = g_new0 (guint, MAX (n_reviewers, 1));
  for (guint r = 0; r < n_reviewers; r++)
    figures->reviewers[r] = g_strdup (crb_team_get_reviewer (self, r));
  figures->stories = g_ptr_array_new_with_free_func (story_figures_free);
  figures->links_linked_alpha = NAN;

  for (guint c = 0; c < n_claims; c++)
    {
      const char *id = crb_team_get_claim_id (self, c);
      const char *story = story_of ? story_of (id, user_data) : "";
      guint n = 0;

      if (story == NULL)
        continue;
      for (guint r = 0; r < n_reviewers; r++)
        {
          int label = crb_team_get_label (self, r, c);

          if (label >= 0)
            {
              figures->labels[label]++;
              figures->reviewer_decisions[r]++;
              n++;
            }
        }
      if (n == 0 && crb_team_get_consensus (self, c) == CRB_CONSENSUS_NONE)
        continue;
      figures->consensus[crb_team_get_consensus (self, c)]++;
      figures->decided += n > 0;
      if (n >= 2)
        g_array_append_val (items, ((Item) { id, story, c }));
    }

  g_array_sort (items, compare_items);
  values = g_new (gint8, (gsize) MAX (items->len, 1) * MAX (n_reviewers, 1));
  for (guint i = 0; i < items->len; i++)
    for (guint r = 0; r < n_reviewers; r++)
      values[(gsize) i * n_reviewers + r] = (gint8) crb_team_get_label (self, r, g_array_index (items, Item, i).index);

  data.n_units = items->len;
  data.values = values;
  figures->decisions = crb_agreement_figures_new (&data, (const char * const *) figures->reviewers);

  /* Story by story: the rows of each story are together. */
  for (guint i = 0; i < items->len; i = start)
    {
      CrbReliabilityData part = data;
      CrbTeamStoryFigures *story = g_new0 (CrbTeamStoryFigures, 1);

      start = i;
      while (start < items->len &&
             strcmp (g_array_index (items, Item, start).story, g_array_index (items, Item, i).story) == 0)
        start++;

      part.n_units = start - i;
      part.values = values + (gsize) i * n_reviewers;
      story->id = g_strdup (g_array_index (items, Item, i).story);
      story->fleiss_kappa = crb_agreement_fleiss_kappa (&part, &story->items);
      story->krippendorff_alpha = crb_agreement_krippendorff_alpha (&part, NULL);
      story->observed = crb_agreement_observed (&part, -1, NULL);
      g_ptr_array_add (figures->stories, story);
    }

  return figures;
}

void
crb_team_figures_free (CrbTeamFigures *figures)
{
  if (figures == NULL)
    return;

  g_strfreev (figures->reviewers);
  g_free (figures->reviewer_decisions);
  g_clear_pointer (&figures->decisions, crb_agreement_figures_free);
  g_clear_pointer (&figures->links, crb_agreement_figures_free);
  g_clear_pointer (&figures->stories, g_ptr_array_unref);
  g_free (figures);
}

/**
 * crb_team_figures_to_json:
 *
 * Appends the figures as one JSON object: `reviewers` (names), `decided`,
 * `consensus` (claims by how their gold decision came about), `labels`
 * (decisions by label), then the agreement on labels — `items` (claims
 * decided by two reviewers or more), `observed`, `fleiss_kappa`,
 * `krippendorff_alpha`, `pairs` (each `{"a", "b", "items", "observed",
 * "cohen_kappa"}`) — `per_reviewer` (each `{"name", "decisions", "items",
 * "observed", "mean_cohen_kappa"}`), `stories` (each `{"id", "items",
 * "observed", "fleiss_kappa", "krippendorff_alpha"}`) and `links` (the
 * same figures on links, with `linked_alpha`; null when not measured).
 * Undefined figures are null.
 */
void
crb_team_figures_to_json (const CrbTeamFigures *figures,
                          GString              *out)
{
  const CrbAgreementFigures *d = figures->decisions;

  g_string_append (out, "{\"reviewers\":");
  crb_json_append_strv (out, (const char * const *) figures->reviewers);
  g_string_append_printf (out, ",\"decided\":%u,\"consensus\":{", figures->decided);
  for (guint c = CRB_CONSENSUS_SINGLE; c < CRB_N_CONSENSUS; c++)
    g_string_append_printf (out, "%s\"%s\":%u", c > CRB_CONSENSUS_SINGLE ? "," : "",
                            crb_consensus_to_string (c), figures->consensus[c]);
  g_string_append (out, "},\"labels\":{");
  for (guint l = 0; l < CRB_N_TEAM_LABELS; l++)
    g_string_append_printf (out, "%s\"%s\":%u", l > 0 ? "," : "", crb_team_label_to_string (l),
                            figures->labels[l]);
  g_string_append (out, "},");
  crb_agreement_figures_write_members (d, FALSE, out);

  g_string_append (out, ",\"per_reviewer\":[");
  for (guint i = 0; i < d->coders->len; i++)
    {
      const CrbAgreementCoder *coder = g_ptr_array_index (d->coders, i);
      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"name\":");
      crb_json_append_string (out, coder->name);
      g_string_append_printf (out, ",\"decisions\":%u,\"items\":%u,\"observed\":",
                              figures->reviewer_decisions[i], coder->items);
      crb_agreement_append_number (out, coder->observed);
      g_string_append (out, ",\"mean_cohen_kappa\":");
      crb_agreement_append_number (out, coder->mean_cohen_kappa);
      g_string_append_c (out, '}');
    }

  g_string_append (out, "],\"stories\":[");
  for (guint i = 0; i < figures->stories->len; i++)
    {
      const CrbTeamStoryFigures *story = g_ptr_array_index (figures->stories, i);

      if (i > 0)
        g_string_append_c (out, ',');
      g_string_append (out, "{\"id\":");
      crb_json_append_string (out, story->id);
      g_string_append_printf (out, ",\"items\":%u,\"observed\":", story->items);
      crb_agreement_append_number (out, story->observed);
      g_string_append (out, ",\"fleiss_kappa\":");
      crb_agreement_append_number (out, story->fleiss_kappa);
      g_string_append (out, ",\"krippendorff_alpha\":");
      crb_agreement_append_number (out, story->krippendorff_alpha);
      g_string_append_c (out, '}');
    }

  g_string_append (out, "],\"links\":");
  if (figures->links == NULL)
    g_string_append (out, "null");
  else
    {
      g_string_append_c (out, '{');
      crb_agreement_figures_write_members (figures->links, TRUE, out);
      g_string_append (out, ",\"linked_alpha\":");
      crb_agreement_append_number (out, figures->links_linked_alpha);
      g_string_append_c (out, '}');
    }
  g_string_append_c (out, '}');
}
