/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-stats-data"

#include "config.h"

#include "crb-stats-data.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-explain.h"
#include "crb-format.h"
#include "crb-project-team.h"

/*
 * What the statistics window shows, counted from a project's stories and
 * their alignment (facts and links): claims per status, an outlet × outlet
 * matrix of the facts two outlets agree and conflict on, the figures of a
 * fact that outlets report differently (by outlet and date), and per
 * article its conflicts.  No widget: counted in a worker thread, tested
 * without a display.
 *
 * A big fact keeps only some of its links (docs/alignment.md): one joining
 * each claim, and each contested claim's strongest conflict.  Its claims
 * that no link contests agree with every outlet of the fact but their own,
 * and are counted so.
 *
 * A team project adds how well its reviewers agree (docs/team.md), as the
 * project's reviewer may see it: the owner of a blind review, anyone once
 * it is revealed.
 */

#define PAIR_AGREES    1
#define PAIR_CONFLICTS 2

static void
figure_point_free (CrbFigurePoint *point)
{
  g_free (point->outlet);
  g_free (point->date);
  g_free (point->text);
  g_free (point);
}

static void
figure_free (CrbFigure *figure)
{
  g_free (figure->label);
  g_free (figure->story);
  g_free (figure->claim);
  g_ptr_array_unref (figure->points);
  g_free (figure);
}

static void
article_stats_free (CrbArticleStats *stats)
{
  g_free (stats->story);
  g_free (stats->outlet);
  g_free (stats->title);
  g_free (stats);
}

void
crb_stats_free (CrbStats *stats)
{
  if (stats == NULL)
    return;
  g_clear_pointer (&stats->outlets, g_ptr_array_unref);
  g_clear_pointer (&stats->figures, g_ptr_array_unref);
  g_clear_pointer (&stats->articles, g_ptr_array_unref);
  g_clear_pointer (&stats->notes, g_ptr_array_unref);
  g_clear_pointer (&stats->team, crb_team_figures_free);
  g_clear_pointer (&stats->team_stories, g_ptr_array_unref);
  g_free (stats->team_hidden);
  g_free (stats->agree);
  g_free (stats->conflict);
  g_free (stats);
}

static const char *
outlet_of_claim (CrbStory   *story,
                 const char *claim_id)
{
  CrbClaim *claim = crb_story_lookup_claim (story, claim_id);

  return claim ? crb_explain_outlet (story, crb_claim_get_article_id (claim)) : NULL;
}

/* "FACT\x1fA\x1fB", A before B: a pair of outlets in a fact. */
static void
mark_pair (GHashTable *pairs,
           const char *fact,
           const char *a,
           const char *b,
           guint       flag)
{
  g_autofree char *key = NULL;

  if (a == NULL || b == NULL || strcmp (a, b) == 0)
    return;
  key = strcmp (a, b) < 0 ? g_strjoin ("\x1f", fact, a, b, NULL) : g_strjoin ("\x1f", fact, b, a, NULL);
  g_hash_table_insert (pairs, g_strdup (key),
                       GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (pairs, key)) | flag));
}

/* The pairs of outlets of @story's facts, and how they relate. */
static void
collect_pairs (CrbStory   *story,
               GHashTable *pairs)
{
  CrbAlignment *alignment = crb_story_get_alignment (story);
  g_autoptr (GHashTable) contested = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      const CrbFact *fact;

      if (link->relation == CRB_RELATION_RELATED ||
          (fact = crb_alignment_get_fact (alignment, link->a)) == NULL)
        continue;
      mark_pair (pairs, fact->id, outlet_of_claim (story, link->a), outlet_of_claim (story, link->b),
                 link->relation == CRB_RELATION_CONFLICTS ? PAIR_CONFLICTS : PAIR_AGREES);
      if (link->relation == CRB_RELATION_CONFLICTS)
        {
          g_hash_table_add (contested, link->a);
          g_hash_table_add (contested, link->b);
        }
    }

  /* A summarized fact: what its links no longer say. */
  for (guint f = 0; f < alignment->facts->len; f++)
    {
      CrbFact *fact = g_ptr_array_index (alignment->facts, f);
      g_autoptr (GHashTable) all = NULL;
      g_autoptr (GHashTable) agreeing = NULL;
      GHashTableIter i, j;
      gpointer u, o;

      if (fact->n_links_summarized == 0)
        continue;
      all = g_hash_table_new (g_str_hash, g_str_equal);
      agreeing = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint k = 0; fact->claims[k] != NULL; k++)
        {
          const char *outlet = outlet_of_claim (story, fact->claims[k]);

          if (outlet == NULL)
            continue;
          g_hash_table_add (all, (gpointer) outlet);
          if (!g_hash_table_contains (contested, fact->claims[k]))
            g_hash_table_add (agreeing, (gpointer) outlet);
        }
      g_hash_table_iter_init (&i, agreeing);
      while (g_hash_table_iter_next (&i, &u, NULL))
        {
          g_hash_table_iter_init (&j, all);
          while (g_hash_table_iter_next (&j, &o, NULL))
            mark_pair (pairs, fact->id, u, o, PAIR_AGREES);
        }
    }
}

/* What a figure counts, in the reviewer's words, and a key that tells
 * figures of different things apart.
 */
static char *
figure_key (JsonObject  *q,
            char       **label)
{
  const char *unit = json_object_get_string_member_with_default (q, "unit", NULL);
  const char *noun = json_object_get_string_member_with_default (q, "noun", NULL);

  if (unit == NULL || *unit == '\0')
    return NULL;
  if (g_str_equal (unit, "killed"))
    *label = g_strdup (_("Deaths"));
  else if (g_str_equal (unit, "injured"))
    *label = g_strdup (_("Injured"));
  else if (g_str_equal (unit, "detained"))
    *label = g_strdup (_("Arrests"));
  else if (g_str_equal (unit, "missing"))
    *label = g_strdup (_("Missing"));
  else if (g_str_equal (unit, "money"))
    {
      *label = g_strdup (_("Amount"));
      return g_strconcat ("money:", json_object_get_string_member_with_default (q, "currency", ""), NULL);
    }
  else if (g_str_equal (unit, "percent") || g_str_equal (unit, "fraction"))
    {
      if (noun != NULL)
        /* Translators: what a percentage is of: "Share of the vote" */
        *label = g_strdup_printf (_("Share of the %s"), noun);
      else
        *label = g_strdup (_("Percentage"));
      return g_strconcat ("percent:", noun ? noun : "", NULL);
    }
  else
    /* A word of the article ("vehicles"), as it is. */
    *label = g_strdup (unit);
  return g_strdup (unit);
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const CrbFigurePoint *pa = *(CrbFigurePoint **) a, *pb = *(CrbFigurePoint **) b;
  int order;

  /* Undated last. */
  if ((pa->date == NULL) != (pb->date == NULL))
    return pa->date == NULL ? 1 : -1;
  if (pa->date != NULL && (order = strcmp (pa->date, pb->date)) != 0)
    return order;
  if ((order = g_utf8_collate (pa->outlet, pb->outlet)) != 0)
    return order;
  return (pa->value > pb->value) - (pa->value < pb->value);
}

/* The figures of @fact that its outlets report differently. */
static void
collect_figures (CrbStory  *story,
                 CrbFact   *fact,
                 GPtrArray *figures)
{
  g_autoptr (GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);
  CrbClaim *first = crb_story_lookup_claim (story, fact->claims[0]);

  for (guint k = 0; fact->claims[k] != NULL; k++)
    {
      CrbClaim *claim = crb_story_lookup_claim (story, fact->claims[k]);
      CrbArticle *article = claim ? crb_story_lookup_article (story, crb_claim_get_article_id (claim)) : NULL;
      JsonNode *values = claim ? crb_claim_get_values (claim) : NULL;
      JsonArray *quantities;

      if (values == NULL || !JSON_NODE_HOLDS_OBJECT (values) ||
          !json_object_has_member (json_node_get_object (values), "quantities"))
        continue;
      quantities = json_object_get_array_member (json_node_get_object (values), "quantities");
      for (guint i = 0; quantities && i < json_array_get_length (quantities); i++)
        {
          JsonNode *node = json_array_get_element (quantities, i);
          JsonObject *q = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
          JsonNode *v = q ? json_object_get_member (q, "value") : NULL;
          g_autofree char *label = NULL;
          g_autofree char *key = NULL;
          CrbFigure *figure;
          CrbFigurePoint *point;
          gboolean seen = FALSE;

          if (v == NULL || !JSON_NODE_HOLDS_VALUE (v) ||
              (json_node_get_value_type (v) != G_TYPE_INT64 && json_node_get_value_type (v) != G_TYPE_DOUBLE) ||
              (key = figure_key (q, &label)) == NULL)
            continue;

          figure = g_hash_table_lookup (by_key, key);
          if (figure == NULL)
            {
              figure = g_new0 (CrbFigure, 1);
              figure->label = g_steal_pointer (&label);
              figure->story = g_strdup (crb_story_get_title (story));
              figure->claim = g_strdup (first ? crb_claim_get_final_text (first) : "");
              figure->points = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_point_free);
              g_hash_table_insert (by_key, g_strdup (key), figure);
              g_ptr_array_add (keys, g_strdup (key));
            }

          point = g_new0 (CrbFigurePoint, 1);
          point->outlet = g_strdup (crb_explain_outlet (story, crb_claim_get_article_id (claim)));
          point->date = article && crb_article_get_date (article) ? g_strndup (crb_article_get_date (article), 10)
                                                                   : NULL;
          point->value = json_node_get_double (v);
          point->text = crb_format_quantity_bare (q);
          for (guint p = 0; p < figure->points->len && !seen; p++)
            {
              CrbFigurePoint *other = g_ptr_array_index (figure->points, p);

              seen = g_str_equal (other->outlet, point->outlet) && g_strcmp0 (other->date, point->date) == 0 &&
                     g_str_equal (other->text, point->text);
            }
          if (seen)
            figure_point_free (point);
          else
            g_ptr_array_add (figure->points, point);
        }
    }

  /* Reported differently: two outlets at least, two readings at least. */
  for (guint k = 0; k < keys->len; k++)
    {
      CrbFigure *figure = g_hash_table_lookup (by_key, g_ptr_array_index (keys, k));
      g_autoptr (GHashTable) outlets = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr (GHashTable) readings = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint p = 0; p < figure->points->len; p++)
        {
          CrbFigurePoint *point = g_ptr_array_index (figure->points, p);

          g_hash_table_add (outlets, point->outlet);
          g_hash_table_add (readings, point->text);
        }
      if (g_hash_table_size (outlets) >= 2 && g_hash_table_size (readings) >= 2)
        {
          g_ptr_array_sort (figure->points, compare_points);
          g_ptr_array_add (figures, figure);
        }
      else
        figure_free (figure);
    }
}

static void
count_article (CrbStory        *story,
               CrbArticle      *article,
               CrbArticleStats *stats)
{
  g_autoptr (GPtrArray) claims = crb_story_dup_article_claims (story, crb_article_get_id (article));
  CrbAlignment *alignment = crb_story_get_alignment (story);
  CrbStanding standing;

  stats->story = g_strdup (crb_story_get_title (story));
  stats->outlet = g_strdup (crb_explain_outlet (story, crb_article_get_id (article)));
  stats->title = g_strdup (crb_article_get_title (article));
  for (guint k = 0; k < claims->len; k++)
    {
      CrbClaim *claim = g_ptr_array_index (claims, k);
      const char *id = crb_claim_get_id (claim);
      gboolean contested = FALSE;

      stats->counts[crb_claim_get_status (claim)]++;
      for (guint i = 0; i < alignment->links->len; i++)
        {
          CrbLink *link = g_ptr_array_index (alignment->links, i);

          if (link->relation == CRB_RELATION_CONFLICTS && crb_link_other_end (link, id) != NULL)
            {
              stats->n_conflicts++;
              contested = TRUE;
            }
        }
      stats->n_contested += contested;
    }

  crb_explain_standing (story, crb_article_get_id (article), &standing);
  stats->n_contradicted = standing.n_contradicted;
  stats->n_conflict_facts = standing.n_conflict_facts;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **) a, *(const char **) b);
}

/* The titles of the stories the agreement figures name by id. */
static GPtrArray *
team_story_titles (CrbProject     *project,
                   CrbTeamFigures *team)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);
  GListModel *stories = crb_project_get_stories (project);

  for (guint i = 0; i < team->stories->len; i++)
    {
      CrbTeamStoryFigures *figures = g_ptr_array_index (team->stories, i);
      const char *title = figures->id;

      for (guint s = 0; s < g_list_model_get_n_items (stories); s++)
        {
          g_autoptr (CrbStory) story = g_list_model_get_item (stories, s);

          if (g_strcmp0 (crb_story_get_id (story), figures->id) == 0 && crb_story_get_title (story) != NULL)
            title = crb_story_get_title (story);
        }
      g_ptr_array_add (titles, g_strdup (title));
    }
  return titles;
}

/**
 * crb_stats_compute:
 *
 * Counts what the statistics window shows.  Loads each story in turn and
 * lets go of it after; blocking, for a worker thread on a project of its
 * own.
 *
 * Returns: (transfer full) (nullable): the statistics, or %NULL with @error
 */
CrbStats *
crb_stats_compute (CrbProject    *project,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr (CrbStats) stats = g_new0 (CrbStats, 1);
  g_autoptr (GHashTable) pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr (GHashTable) outlets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GListModel *stories = crb_project_get_stories (project);
  GHashTableIter iter;
  gpointer key, value;
  guint n;

  stats->outlets = g_ptr_array_new_with_free_func (g_free);
  stats->figures = g_ptr_array_new_with_free_func ((GDestroyNotify) figure_free);
  stats->articles = g_ptr_array_new_with_free_func ((GDestroyNotify) article_stats_free);
  stats->notes = g_ptr_array_new_with_free_func (g_free);

  for (guint s = 0; s < g_list_model_get_n_items (stories); s++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, s);
      gboolean was_loaded = crb_story_is_loaded (story);
      CrbAlignment *alignment;
      GListModel *articles;

      if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
          !crb_story_ensure_loaded (story, error))
        return NULL;

      alignment = crb_story_get_alignment (story);
      articles = crb_story_get_articles (story);
      for (guint a = 0; a < g_list_model_get_n_items (articles); a++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (articles, a);
          CrbArticleStats *article_stats = g_new0 (CrbArticleStats, 1);

          count_article (story, article, article_stats);
          for (guint k = 0; k < CRB_N_DECISION_STATUSES; k++)
            stats->counts[k] += article_stats->counts[k];
          g_hash_table_add (outlets, g_strdup (article_stats->outlet));
          g_ptr_array_add (stats->articles, article_stats);
        }

      /* A conflict is open while one of its claims is still pending. */
      for (guint k = 0; k < alignment->links->len; k++)
        {
          CrbLink *link = g_ptr_array_index (alignment->links, k);
          CrbClaim *a = crb_story_lookup_claim (story, link->a);
          CrbClaim *b = crb_story_lookup_claim (story, link->b);

          if (link->relation == CRB_RELATION_CONFLICTS && a && b &&
              (crb_claim_get_status (a) == CRB_DECISION_STATUS_PENDING ||
               crb_claim_get_status (b) == CRB_DECISION_STATUS_PENDING))
            stats->open_conflicts++;
        }

      collect_pairs (story, pairs);
      for (guint f = 0; f < alignment->facts->len; f++)
        collect_figures (story, g_ptr_array_index (alignment->facts, f), stats->figures);
      if (alignment->note != NULL)
        {
          g_autofree char *note = crb_explain_note (alignment->note);

          /* Translators: a story's title and what its alignment left out */
          g_ptr_array_add (stats->notes, g_strdup_printf (_("%s: %s"), crb_story_get_title (story), note));
        }

      if (!was_loaded)
        crb_story_unload (story);
    }

  /* The matrix, outlets by name. */
  g_hash_table_iter_init (&iter, outlets);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (stats->outlets, g_strdup (key));
  g_ptr_array_sort (stats->outlets, compare_strings);
  n = stats->outlets->len;
  stats->agree = g_new0 (guint, MAX (1, n * n));
  stats->conflict = g_new0 (guint, MAX (1, n * n));
  g_hash_table_iter_init (&iter, pairs);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      g_auto (GStrv) parts = g_strsplit (key, "\x1f", 3);
      int i = crb_stats_outlet_index (stats, parts[1]);
      int j = crb_stats_outlet_index (stats, parts[2]);
      guint *cells = GPOINTER_TO_UINT (value) & PAIR_CONFLICTS ? stats->conflict : stats->agree;

      if (i < 0 || j < 0)
        continue;
      cells[i * n + j]++;
      cells[j * n + i]++;
    }

  if (crb_project_is_team (project))
    {
      g_autoptr (GError) hidden = NULL;

      stats->team = crb_project_team_compute_agreement (project, &hidden);
      if (stats->team == NULL)
        stats->team_hidden = g_strdup (hidden->message);
      else
        stats->team_stories = team_story_titles (project, stats->team);
    }

  return g_steal_pointer (&stats);
}

/**
 * crb_stats_outlet_index:
 *
 * Returns: the row and column of @outlet in the matrix, or -1
 */
int
crb_stats_outlet_index (CrbStats   *stats,
                        const char *outlet)
{
  for (guint i = 0; i < stats->outlets->len; i++)
    if (g_strcmp0 (g_ptr_array_index (stats->outlets, i), outlet) == 0)
      return (int) i;
  return -1;
}

/**
 * crb_stats_agree:
 *
 * Returns: the facts on which outlets @a and @b agree and do not conflict
 */
guint
crb_stats_agree (CrbStats   *stats,
                 const char *a,
                 const char *b)
{
  int i = crb_stats_outlet_index (stats, a), j = crb_stats_outlet_index (stats, b);

  return i < 0 || j < 0 ? 0 : stats->agree[i * stats->outlets->len + j];
}

/**
 * crb_stats_conflict:
 *
 * Returns: the facts on which outlets @a and @b conflict
 */
guint
crb_stats_conflict (CrbStats   *stats,
                    const char *a,
                    const char *b)
{
  int i = crb_stats_outlet_index (stats, a), j = crb_stats_outlet_index (stats, b);

  return i < 0 || j < 0 ? 0 : stats->conflict[i * stats->outlets->len + j];
}
