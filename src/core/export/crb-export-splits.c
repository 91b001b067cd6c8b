/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export-splits.c: dataset splits by story, for training. */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-export-private.h"
#include "crb-error.h"

#include <string.h>

void
crb_split_free (CrbSplit *split)
{
  if (split == NULL)
    return;

  g_free (split->name);
  g_clear_pointer (&split->stories, g_hash_table_unref);
  g_free (split);
}

/**
 * crb_export_parse_splits:
 * @spec: "train=0.8,dev=0.1,test=0.1"
 *
 * Returns: (transfer container) (element-type CrbSplit): the splits, or
 *   %NULL with @error when @spec is malformed or its shares do not add up
 *   to 1
 */
GPtrArray *
crb_export_parse_splits (const char  *spec,
                         GError     **error)
{
  g_autoptr (GPtrArray) splits = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_split_free);
  g_auto (GStrv) parts = g_strsplit (spec ? spec : "", ",", -1);
  double total = 0.0;

  for (guint i = 0; parts[i]; i++)
    {
      g_auto (GStrv) kv = g_strsplit (g_strstrip (parts[i]), "=", 2);
      CrbSplit *split;
      char *end = NULL;
      double share;

      if (g_strv_length (kv) != 2 || *kv[0] == '\0' || strpbrk (kv[0], "/\\") != NULL)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not NAME=SHARE (for example train=0.8)"), parts[i]);
          return NULL;
        }

      share = g_ascii_strtod (kv[1], &end);
      if (end == kv[1] || *end != '\0' || share < 0.0 || share > 1.0)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                       _("the share of “%s” must be a number from 0 to 1"), kv[0]);
          return NULL;
        }

      for (guint j = 0; j < splits->len; j++)
        if (g_strcmp0 (((CrbSplit *) g_ptr_array_index (splits, j))->name, kv[0]) == 0)
          {
            g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT, _("the split “%s” is named twice"), kv[0]);
            return NULL;
          }

      split = g_new0 (CrbSplit, 1);
      split->name = g_strdup (kv[0]);
      split->share = share;
      split->stories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_ptr_array_add (splits, split);
      total += share;
    }

  if (splits->len == 0 || total < 0.999 || total > 1.001)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT,
                   _("the shares of the splits must add up to 1 (they add up to %g)"), total);
      return NULL;
    }

  return g_steal_pointer (&splits);
}

typedef struct
{
  CrbStory *story;
  guint     key;
  guint     n_records;
} Shuffled;

static int
compare_shuffled (gconstpointer a,
                  gconstpointer b)
{
  const Shuffled *x = a, *y = b;

  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  return g_strcmp0 (crb_story_get_id (x->story), crb_story_get_id (y->story));
}

/**
 * crb_export_assign_splits_stories:
 * @seed: the same seed gives the same splits
 *
 * Puts every story in one split, so that no event appears in two, filling
 * each split in turn up to its share of the records, in an order shuffled
 * by @seed.  Counts come from the project header: no story is parsed
 * (but in a team project, whose records follow the team's decisions).
 */
void
crb_export_assign_splits_stories (GListModel             *stories,
                                  const CrbExportOptions *options,
                                  GPtrArray              *splits,
                                  guint                   seed)
{
  g_autoptr (GArray) order = g_array_new (FALSE, FALSE, sizeof (Shuffled));
  guint total = 0, done = 0, current = 0;
  double wanted;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      g_autofree char *keyed = g_strdup_printf ("%u:%s", seed, crb_story_get_id (story));
      Shuffled s = { story, g_str_hash (keyed), 0 };

      s.n_records = crb_story_count_status (story, CRB_DECISION_STATUS_CONFIRMED) +
                    crb_story_count_status (story, CRB_DECISION_STATUS_CORRECTED);
      if (options->include_pending)
        s.n_records += crb_story_count_status (story, CRB_DECISION_STATUS_PENDING);
      if (options->include_rejected)
        s.n_records += crb_story_count_status (story, CRB_DECISION_STATUS_REJECTED);
      /* A team's records follow its gold decisions, not the header's counts. */
      if (options->team != NULL)
        s.n_records = _crb_export_team_records (story, options);
      total += s.n_records;
      g_array_append_val (order, s);
    }

  g_array_sort (order, compare_shuffled);

  wanted = ((CrbSplit *) g_ptr_array_index (splits, 0))->share * total;
  for (guint i = 0; i < order->len; i++)
    {
      Shuffled *s = &g_array_index (order, Shuffled, i);
      CrbSplit *split;

      /* Next split once this one has its share (the last takes the rest). */
      while (current + 1 < splits->len && done >= wanted - 1e-9 && s->n_records > 0)
        {
          current++;
          wanted += ((CrbSplit *) g_ptr_array_index (splits, current))->share * total;
        }

      split = g_ptr_array_index (splits, current);
      g_hash_table_add (split->stories, g_strdup (crb_story_get_id (s->story)));
      split->n_records += s->n_records;
      done += s->n_records;
    }
}

