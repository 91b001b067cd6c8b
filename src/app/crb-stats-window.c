/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-stats-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-stats-window.h"

/*
 * Statistics per story and per outlet: claims and decisions per status.
 * Counted in a worker thread on a copy of the project read from its file and
 * journal, so large projects do not freeze the window.
 */

struct _CrbStatsWindow
{
  AdwWindow   parent_instance;

  GtkWidget  *stack;
  GtkWidget  *page;
};

G_DEFINE_FINAL_TYPE (CrbStatsWindow, crb_stats_window, ADW_TYPE_WINDOW)

typedef struct
{
  char  *title;
  guint  counts[CRB_N_DECISION_STATUSES];
} Row;

typedef struct
{
  char      *title;
  GPtrArray *rows;   /* Row: the story's outlets */
  guint      counts[CRB_N_DECISION_STATUSES];
  guint      open_conflicts;
} Group;

static void
row_free (Row *row)
{
  g_free (row->title);
  g_free (row);
}

static void
group_free (Group *group)
{
  g_free (group->title);
  g_ptr_array_unref (group->rows);
  g_free (group);
}

static char *
describe (const guint *counts)
{
  guint total = 0;

  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    total += counts[s];

  g_autofree char *claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", total), total);

  /* Translators: statistics of a story or an outlet; the first %s is "12 claims" */
  return g_strdup_printf (_("%s · %u confirmed · %u corrected · %u rejected · %u pending"),
                          claims, counts[CRB_DECISION_STATUS_CONFIRMED], counts[CRB_DECISION_STATUS_CORRECTED],
                          counts[CRB_DECISION_STATUS_REJECTED], counts[CRB_DECISION_STATUS_PENDING]);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  g_autoptr (CrbProject) copy = NULL;
  g_autoptr (GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
  g_autoptr (GHashTable) outlets = g_hash_table_new (g_str_hash, g_str_equal);
  Group *all_outlets;
  GListModel *stories;
  GError *error = NULL;

  copy = crb_project_load (task_data, cancellable, &error);
  if (copy == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  all_outlets = g_new0 (Group, 1);
  all_outlets->title = g_strdup (_("Outlets"));
  all_outlets->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);

  stories = crb_project_get_stories (copy);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *articles;
      Group *group;

      if (!crb_story_ensure_loaded (story, &error))
        {
          g_task_return_error (task, error);
          group_free (all_outlets);
          return;
        }

      group = g_new0 (Group, 1);
      group->title = g_strdup (crb_story_get_title (story));
      group->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
      articles = crb_story_get_articles (story);

      for (guint j = 0; j < g_list_model_get_n_items (articles); j++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (articles, j);
          g_autoptr (GPtrArray) claims = crb_story_dup_article_claims (story, crb_article_get_id (article));
          const char *outlet = crb_article_get_outlet (article) ? crb_article_get_outlet (article)
                                                                : crb_article_get_id (article);
          Row *row = g_new0 (Row, 1);
          Row *total = g_hash_table_lookup (outlets, outlet);

          if (total == NULL)
            {
              total = g_new0 (Row, 1);
              total->title = g_strdup (outlet);
              g_ptr_array_add (all_outlets->rows, total);
              g_hash_table_insert (outlets, total->title, total);
            }

          row->title = g_strdup (outlet);
          for (guint k = 0; k < claims->len; k++)
            {
              CrbDecisionStatus s = crb_claim_get_status (g_ptr_array_index (claims, k));
              row->counts[s]++;
              total->counts[s]++;
              group->counts[s]++;
            }
          g_ptr_array_add (group->rows, row);
        }

      /* A conflict is open while one of its claims is still pending. */
      {
        CrbAlignment *alignment = crb_story_get_alignment (story);

        for (guint k = 0; k < alignment->links->len; k++)
          {
            CrbLink *link = g_ptr_array_index (alignment->links, k);
            CrbClaim *a = crb_story_lookup_claim (story, link->a);
            CrbClaim *b = crb_story_lookup_claim (story, link->b);

            if (link->relation == CRB_RELATION_CONFLICTS && a && b &&
                (crb_claim_get_status (a) == CRB_DECISION_STATUS_PENDING ||
                 crb_claim_get_status (b) == CRB_DECISION_STATUS_PENDING))
              group->open_conflicts++;
          }
      }

      g_ptr_array_add (groups, group);
      crb_story_unload (story);
    }

  g_ptr_array_insert (groups, 0, all_outlets);
  g_task_return_pointer (task, g_steal_pointer (&groups), (GDestroyNotify) g_ptr_array_unref);
}

static void
count_finished_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (CrbStatsWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) groups = g_task_propagate_pointer (G_TASK (result), &error);

  if (groups == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Statistics"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      gtk_stack_add_named (GTK_STACK (self->stack), status, "error");
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      return;
    }

  for (guint i = 0; i < groups->len; i++)
    {
      Group *group = g_ptr_array_index (groups, i);
      AdwPreferencesGroup *widget = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
      g_autofree char *counts = i > 0 ? describe (group->counts) : NULL;
      g_autofree char *summary = NULL;

      if (counts != NULL)
        {
          g_autofree char *conflicts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u open conflict",
                                                                     "%u open conflicts", group->open_conflicts),
                                                        group->open_conflicts);
          summary = g_strdup_printf ("%s · %s", counts, conflicts);
        }

      adw_preferences_group_set_title (widget, group->title);
      adw_preferences_group_set_description (widget, summary);
      for (guint j = 0; j < group->rows->len; j++)
        {
          Row *row = g_ptr_array_index (group->rows, j);
          GtkWidget *action_row = adw_action_row_new ();
          g_autofree char *text = describe (row->counts);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (action_row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action_row), row->title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (action_row), text);
          adw_preferences_group_add (widget, action_row);
        }
      adw_preferences_page_add (ADW_PREFERENCES_PAGE (self->page), widget);
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "stats");
}

static void
crb_stats_window_class_init (CrbStatsWindowClass *klass)
{
  gtk_widget_class_add_binding_action (GTK_WIDGET_CLASS (klass), GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_stats_window_init (CrbStatsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Statistics"));
  gtk_window_set_default_size (GTK_WINDOW (self), 560, 640);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (self->stack), spinner, "counting");
  self->page = adw_preferences_page_new ();
  gtk_stack_add_named (GTK_STACK (self->stack), self->page, "stats");
  gtk_box_append (GTK_BOX (box), self->stack);
  adw_window_set_content (ADW_WINDOW (self), box);
}

GtkWidget *
crb_stats_window_new (GtkWindow  *parent,
                      CrbProject *project)
{
  CrbStatsWindow *self = g_object_new (CRB_TYPE_STATS_WINDOW, "transient-for", parent, NULL);
  g_autoptr (GTask) task = NULL;
  g_autoptr (GError) error = NULL;
  GFile *file = crb_project_get_file (project);

  /* The copy reads the file and the journal: make every decision durable. */
  crb_project_sync_journal (project, &error);
  if (file == NULL)
    return GTK_WIDGET (self);

  task = g_task_new (NULL, NULL, count_finished_cb, g_object_ref (self));
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, count_thread);
  return GTK_WIDGET (self);
}
