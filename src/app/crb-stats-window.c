/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-stats-window"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "crb-chart-view.h"
#include "crb-project-team.h"
#include "crb-stats-charts.h"
#include "crb-stats-data.h"
#include "crb-stats-window.h"

/*
 * The statistics of a project, to look at: claims and decisions, who
 * contradicts whom (an outlet × outlet matrix of the facts they conflict
 * and agree on), the figures outlets report differently by outlet and
 * date, and each article's conflicts.  Both pictures are drawn with
 * GtkSnapshot (crb-chart-view.c), in the light or dark style, and saved as
 * PNG or SVG.  Counted in a worker thread on a copy of the project read
 * from its file and journal, so large projects do not freeze the window.
 *
 * A team project's statistics begin with how well its reviewers agree
 * (docs/team.md): the figures across all, then two pictures, Cohen's κ
 * of each pair of reviewers and the agreement story by story and
 * reviewer by reviewer.
 */

struct _CrbStatsWindow
{
  AdwWindow   parent_instance;

  GtkWidget  *stack;
  GtkWidget  *content;
  GtkWidget  *matrix_view;
  GtkWidget  *figures_view;
  GtkWidget  *kappa_view;
  GtkWidget  *agreement_view;
  CrbStats   *stats;
};

/* What the worker counts: the project's file, as its reviewer sees it. */
typedef struct
{
  GFile *file;
  char  *reviewer;
} CountData;

static void
count_data_free (CountData *data)
{
  g_object_unref (data->file);
  g_free (data->reviewer);
  g_free (data);
}

G_DEFINE_FINAL_TYPE (CrbStatsWindow, crb_stats_window, ADW_TYPE_WINDOW)

static char *
describe (const guint *counts)
{
  /* Translators: decisions on claims: "3 confirmed · 1 corrected · 2 rejected · 12 pending" */
  return g_strdup_printf (_("%u confirmed · %u corrected · %u rejected · %u pending"),
                          counts[CRB_DECISION_STATUS_CONFIRMED], counts[CRB_DECISION_STATUS_CORRECTED],
                          counts[CRB_DECISION_STATUS_REJECTED], counts[CRB_DECISION_STATUS_PENDING]);
}

static guint
total (const guint *counts)
{
  guint n = 0;

  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    n += counts[s];
  return n;
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  CountData *data = task_data;
  g_autoptr (CrbProject) copy = NULL;
  GError *error = NULL;
  CrbStats *stats;

  copy = crb_project_load (data->file, cancellable, &error);
  if (copy != NULL && data->reviewer != NULL)
    crb_project_set_reviewer (copy, data->reviewer);
  if (copy == NULL || (stats = crb_stats_compute (copy, cancellable, &error)) == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, stats, (GDestroyNotify) crb_stats_free);
}

/* A row with a value at its end: a count, or "3 conflicts". */
static GtkWidget *
value_row (const char *title,
           const char *subtitle,
           const char *value,
           const char *css_class)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

static GtkWidget *
count_row (const char *title,
           const char *subtitle,
           guint       count,
           const char *css_class)
{
  g_autofree char *number = g_strdup_printf ("%u", count);

  return value_row (title, subtitle, number, count > 0 ? css_class : NULL);
}

/* A picture in a card, under a heading with a Save menu. */
static GtkWidget *
chart_group (const char *title,
             const char *description,
             const char *name,
             GtkWidget  *view)
{
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autoptr (GMenu) menu = g_menu_new ();
  g_autoptr (GMenuItem) png = g_menu_item_new (_("Save as _PNG…"), NULL);
  g_autoptr (GMenuItem) svg = g_menu_item_new (_("Save as _SVG…"), NULL);
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *label = g_strdup_printf (_("Save “%s”"), title);

  g_menu_item_set_action_and_target (png, "stats.save", "(ss)", name, "png");
  g_menu_item_set_action_and_target (svg, "stats.save", "(ss)", name, "svg");
  g_menu_append_item (menu, png);
  g_menu_append_item (menu, svg);
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "document-save-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), G_MENU_MODEL (menu));
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);

  adw_preferences_group_set_title (group, title);
  adw_preferences_group_set_description (group, description);
  adw_preferences_group_set_header_suffix (group, button);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_set_overflow (card, GTK_OVERFLOW_HIDDEN);
  gtk_box_append (GTK_BOX (card), view);
  adw_preferences_group_add (group, card);
  return GTK_WIDGET (group);
}

static CrbChart *
build_matrix (gpointer      data,
              double        width,
              gboolean      dark,
              gboolean      titled,
              PangoContext *context)
{
  return crb_stats_chart_matrix (data, width, dark, titled, context);
}

static CrbChart *
build_figures (gpointer      data,
               double        width,
               gboolean      dark,
               gboolean      titled,
               PangoContext *context)
{
  return crb_stats_chart_figures (data, width, dark, titled, context);
}

/* What the matrix shows, in words, for a screen reader. */
static char *
describe_matrix (CrbStats *stats)
{
  GString *s = g_string_new (NULL);
  guint n = stats->outlets->len;

  for (guint i = 0; i < n; i++)
    for (guint j = i + 1; j < n; j++)
      {
        guint c = stats->conflict[i * n + j], a = stats->agree[i * n + j];

        if (c == 0 && a == 0)
          continue;
        if (s->len > 0)
          g_string_append (s, "; ");
        /* Translators: one cell of the matrix, for a screen reader */
        g_string_append_printf (s, _("%s and %s: conflict on %u, agree on %u"), (char *) stats->outlets->pdata[i],
                                (char *) stats->outlets->pdata[j], c, a);
      }
  return g_string_free (s, FALSE);
}

static void
add_articles (CrbStatsWindow *self)
{
  AdwPreferencesGroup *group = NULL;
  const char *story = NULL;

  for (guint i = 0; i < self->stats->articles->len; i++)
    {
      CrbArticleStats *article = g_ptr_array_index (self->stats->articles, i);
      g_autofree char *counts = describe (article->counts);
      g_autofree char *claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims",
                                                              total (article->counts)),
                                                 total (article->counts));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (group == NULL || g_strcmp0 (story, article->story) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          /* Translators: the heading of a story's articles in the statistics */
          adw_preferences_group_set_title (group, article->story);
          adw_preferences_group_set_description (group, _("Each article’s claims, and the claims of other outlets that conflict with them"));
          gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (group));
          story = article->story;
        }

      if (article->n_contradicted > 0)
        {
          g_autofree char *contested = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim contested",
                                                                     "%u claims contested", article->n_contested),
                                                        article->n_contested);
          g_autofree char *outlets = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "by %u outlet", "by %u outlets",
                                                                   article->n_contradicted),
                                                      article->n_contradicted);

          /* Translators: "12 claims · 3 confirmed · … · 2 claims contested by 1 outlet" */
          subtitle = g_strdup_printf (_("%s · %s\n%s %s"), claims, counts, contested, outlets);
        }
      else
        subtitle = g_strdup_printf ("%s · %s", claims, counts);

      {
        g_autofree char *conflicts = article->n_conflicts > 0
          ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u conflict", "%u conflicts", article->n_conflicts),
                             article->n_conflicts)
          : g_strdup (_("no conflict"));

        row = value_row (article->outlet, subtitle, conflicts, article->n_conflicts > 0 ? "error" : "dim-label");
      }
      if (article->title != NULL)
        {
          g_autofree char *title = g_strdup_printf ("%s — %s", article->outlet, article->title);

          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        }
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      adw_preferences_group_add (group, row);
    }
}

static CrbChart *
build_kappa (gpointer      data,
             double        width,
             gboolean      dark,
             gboolean      titled,
             PangoContext *context)
{
  return crb_stats_chart_kappa (data, width, dark, titled, context);
}

static CrbChart *
build_agreement (gpointer      data,
                 double        width,
                 gboolean      dark,
                 gboolean      titled,
                 PangoContext *context)
{
  return crb_stats_chart_agreement (data, width, dark, titled, context);
}

static GtkWidget *
figure_row (const char *title,
            const char *subtitle,
            double      value)
{
  g_autofree char *text = crb_stats_format_figure (value);
  GtkWidget *row = value_row (title, subtitle, text, NULL);

  if (isnan (value))
    gtk_widget_set_tooltip_text (row, _("Undefined: no claim in common, or a single label throughout"));
  return row;
}

/* Cohen's κ of each pair, in words, for a screen reader. */
static char *
describe_kappa (CrbTeamFigures *team)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < team->decisions->pairs->len; i++)
    {
      CrbAgreementPair *pair = g_ptr_array_index (team->decisions->pairs, i);
      g_autofree char *kappa = crb_stats_format_figure (pair->cohen_kappa);

      if (s->len > 0)
        g_string_append (s, "; ");
      /* Translators: one cell of the kappa matrix, for a screen reader */
      g_string_append_printf (s, _("%s and %s: kappa %s on %u claims"), pair->a, pair->b, kappa, pair->items);
    }
  return g_string_free (s, FALSE);
}

/* A team project: how well its reviewers agree, or why it is hidden. */
static void
add_agreement (CrbStatsWindow *self)
{
  CrbTeamFigures *team = self->stats->team;
  AdwPreferencesGroup *group;
  g_autofree char *names = NULL;
  g_autofree char *consensus = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *kappa_text = NULL;

  if (team == NULL && self->stats->team_hidden == NULL)
    return;

  group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (group, _("Agreement Between Reviewers"));
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (group));
  if (team == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Hidden while the review is blind"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), self->stats->team_hidden);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      adw_preferences_group_add (group, row);
      return;
    }

  adw_preferences_group_set_description (group, _("On the label of the claims two reviewers or more decided: "
                                                   "confirmed, corrected, or the reason of a rejection"));
  names = g_strjoinv (", ", team->reviewers);
  adw_preferences_group_add (group, count_row (_("Reviewers"), *names ? names : NULL,
                                               g_strv_length (team->reviewers), NULL));
  /* Translators: "of 40 claims decided" */
  decided = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "of %u claim decided", "of %u claims decided",
                                          team->decided), team->decided);
  adw_preferences_group_add (group, count_row (_("Claims decided by two reviewers or more"), decided,
                                               team->decisions->items, NULL));
  adw_preferences_group_add (group, figure_row (_("Fleiss’ κ"), _("Across all reviewers"),
                                                team->decisions->fleiss_kappa));
  adw_preferences_group_add (group, figure_row (_("Krippendorff’s α"), _("Nominal, across all reviewers"),
                                                team->decisions->krippendorff_alpha));
  {
    g_autofree char *observed = isnan (team->decisions->observed)
      /* Translators: a share in percent: "81%" */
      ? g_strdup ("—") : g_strdup_printf (_("%.0f%%"), team->decisions->observed * 100);

    adw_preferences_group_add (group, value_row (_("Observed agreement"), _("Pairs of decisions that agree"),
                                                 observed, NULL));
  }
  /* Translators: how the gold decisions came about */
  consensus = g_strdup_printf (_("%u unanimous · %u by majority · %u adjudicated · %u disputed · %u single"),
                               team->consensus[CRB_CONSENSUS_UNANIMOUS], team->consensus[CRB_CONSENSUS_MAJORITY],
                               team->consensus[CRB_CONSENSUS_ADJUDICATED], team->consensus[CRB_CONSENSUS_DISPUTED],
                               team->consensus[CRB_CONSENSUS_SINGLE]);
  adw_preferences_group_add (group, count_row (_("Disputed claims"), consensus,
                                               team->consensus[CRB_CONSENSUS_DISPUTED], "error"));
  if (team->links != NULL && team->links->items > 0)
    {
      g_autofree char *alpha = crb_stats_format_figure (team->links->krippendorff_alpha);
      g_autofree char *linked = crb_stats_format_figure (team->links_linked_alpha);
      /* Translators: Krippendorff's alpha on a link's relation, and on whether a pair is linked at all */
      g_autofree char *subtitle = g_strdup_printf (_("Krippendorff’s α %s on the relation, %s on linked or not"),
                                                   alpha, linked);

      adw_preferences_group_add (group, count_row (_("Pairs of claims linked by hand"), subtitle,
                                                   team->links->items, NULL));
    }

  self->kappa_view = crb_chart_view_new (build_kappa, self->stats, NULL);
  kappa_text = describe_kappa (team);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kappa_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cohen’s κ for each pair of reviewers"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kappa_text, -1);
  gtk_box_append (GTK_BOX (self->content),
                  chart_group (_("Cohen’s κ for Each Pair of Reviewers"),
                               _("1 is full agreement, 0 no better than chance; each cell says on how many claims"),
                               "kappa", self->kappa_view));

  self->agreement_view = crb_chart_view_new (build_agreement, self->stats, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->agreement_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Agreement by story and by reviewer"), -1);
  gtk_box_append (GTK_BOX (self->content),
                  chart_group (_("Agreement by Story and by Reviewer"),
                               _("How often decisions agree, and the figures corrected for chance"),
                               "agreement", self->agreement_view));
}

static void
show_stats (CrbStatsWindow *self)
{
  CrbStats *stats = self->stats;
  AdwPreferencesGroup *group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  g_autofree char *decisions = describe (stats->counts);
  g_autofree char *matrix_text = describe_matrix (stats);

  adw_preferences_group_set_title (group, _("Overview"));
  adw_preferences_group_add (group, count_row (_("Claims"), decisions, total (stats->counts), NULL));
  adw_preferences_group_add (group, count_row (_("Open conflicts"),
                                               _("Conflicting claims of which one at least is pending"),
                                               stats->open_conflicts, "error"));
  adw_preferences_group_add (group, count_row (_("Outlets"), NULL, stats->outlets->len, NULL));
  gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (group));

  add_agreement (self);

  self->matrix_view = crb_chart_view_new (build_matrix, stats, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->matrix_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Who contradicts whom"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, matrix_text, -1);
  gtk_box_append (GTK_BOX (self->content),
                  chart_group (_("Who Contradicts Whom"),
                               _("Two outlets that report the same fact agree on it or conflict"),
                               "matrix", self->matrix_view));

  self->figures_view = crb_chart_view_new (build_figures, stats, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->figures_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Figures reported differently"), -1);
  gtk_box_append (GTK_BOX (self->content),
                  chart_group (_("Figures Reported Differently"),
                               _("A figure of one fact that outlets give with different values"),
                               "figures", self->figures_view));

  add_articles (self);

  if (stats->notes->len > 0)
    {
      AdwPreferencesGroup *notes = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());

      adw_preferences_group_set_title (notes, _("Left Out of Big Stories"));
      for (guint i = 0; i < stats->notes->len; i++)
        {
          GtkWidget *label = gtk_label_new (g_ptr_array_index (stats->notes, i));

          gtk_label_set_wrap (GTK_LABEL (label), TRUE);
          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "dim-label");
          adw_preferences_group_add (notes, label);
        }
      gtk_box_append (GTK_BOX (self->content), GTK_WIDGET (notes));
    }

  gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "stats");
}

static void
count_finished_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr (CrbStatsWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  self->stats = g_task_propagate_pointer (G_TASK (result), &error);
  if (self->stats == NULL)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "dialog-error-symbolic");
      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Statistics"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status), error->message);
      gtk_stack_add_named (GTK_STACK (self->stack), status, "error");
      gtk_stack_set_visible_child_name (GTK_STACK (self->stack), "error");
      return;
    }

  show_stats (self);
}

static void
save_response_cb (GtkNativeDialog *dialog,
                  int              response,
                  CrbStatsWindow  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GError) error = NULL;

      if (!crb_stats_window_save_chart (self, g_object_get_data (G_OBJECT (dialog), "crb-chart"), file,
                                        g_object_get_data (G_OBJECT (dialog), "crb-format"), &error))
        {
          GtkWidget *alert = adw_message_dialog_new (GTK_WINDOW (self), _("The Picture Could Not Be Saved"),
                                                     error->message);

          adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _("_Close"));
          gtk_window_present (GTK_WINDOW (alert));
        }
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  CrbStatsWindow *self = CRB_STATS_WINDOW (widget);
  const char *chart, *format;
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  g_variant_get (parameter, "(&s&s)", &chart, &format);
  dialog = gtk_file_chooser_native_new (_("Save Picture"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Save"), _("_Cancel"));
  /* Translators: file names of the saved pictures, without extension */
  if (g_str_equal (chart, "kappa"))
    name = g_strdup_printf ("%s.%s", _("cohen-kappa"), format);
  else if (g_str_equal (chart, "agreement"))
    name = g_strdup_printf ("%s.%s", _("reviewer-agreement"), format);
  else
    name = g_strdup_printf ("%s.%s", g_str_equal (chart, "matrix") ? _("who-contradicts-whom")
                                                                   : _("figures-reported-differently"),
                            format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "crb-chart", g_strdup (chart), g_free);
  g_object_set_data_full (G_OBJECT (dialog), "crb-format", g_strdup (format), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (save_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
crb_stats_window_finalize (GObject *object)
{
  CrbStatsWindow *self = (CrbStatsWindow *) object;

  g_clear_pointer (&self->stats, crb_stats_free);

  G_OBJECT_CLASS (crb_stats_window_parent_class)->finalize (object);
}

static void
crb_stats_window_class_init (CrbStatsWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /* The charts borrow the statistics: they are freed after the widgets. */
  G_OBJECT_CLASS (klass)->finalize = crb_stats_window_finalize;
  gtk_widget_class_install_action (widget_class, "stats.save", "(ss)", save_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
crb_stats_window_init (CrbStatsWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *spinner = gtk_spinner_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Statistics"));
  gtk_window_set_default_size (GTK_WINDOW (self), 760, 820);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  self->stack = gtk_stack_new ();
  gtk_widget_set_vexpand (self->stack, TRUE);
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  gtk_widget_set_halign (spinner, GTK_ALIGN_CENTER);
  gtk_widget_set_valign (spinner, GTK_ALIGN_CENTER);
  gtk_stack_add_named (GTK_STACK (self->stack), spinner, "counting");

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_margin_top (self->content, 24);
  gtk_widget_set_margin_bottom (self->content, 24);
  gtk_widget_set_margin_start (self->content, 12);
  gtk_widget_set_margin_end (self->content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 900);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 700);
  adw_clamp_set_child (ADW_CLAMP (clamp), self->content);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_stack_add_named (GTK_STACK (self->stack), scroller, "stats");
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
  {
    CountData *data = g_new0 (CountData, 1);

    data->file = g_object_ref (file);
    data->reviewer = g_strdup (crb_project_get_reviewer (project));
    g_task_set_task_data (task, data, (GDestroyNotify) count_data_free);
  }
  g_task_run_in_thread (task, count_thread);
  return GTK_WIDGET (self);
}

/**
 * crb_stats_window_get_stats:
 *
 * Returns: (transfer none) (nullable): what the window shows, once counted
 */
CrbStats *
crb_stats_window_get_stats (CrbStatsWindow *self)
{
  g_return_val_if_fail (CRB_IS_STATS_WINDOW (self), NULL);
  return self->stats;
}

/**
 * crb_stats_window_save_chart:
 * @chart: "matrix", "figures", or in a team project "kappa" or
 *   "agreement"
 * @format: "png" or "svg"
 *
 * Saves a picture as the window shows it.
 */
gboolean
crb_stats_window_save_chart (CrbStatsWindow  *self,
                             const char      *chart,
                             GFile           *file,
                             const char      *format,
                             GError         **error)
{
  GtkWidget *view;

  g_return_val_if_fail (CRB_IS_STATS_WINDOW (self), FALSE);

  if (g_strcmp0 (chart, "kappa") == 0)
    view = self->kappa_view;
  else if (g_strcmp0 (chart, "agreement") == 0)
    view = self->agreement_view;
  else
    view = g_strcmp0 (chart, "matrix") == 0 ? self->matrix_view : self->figures_view;
  if (view == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The statistics are not counted yet"));
      return FALSE;
    }
  return crb_chart_view_save (CRB_CHART_VIEW (view), file, format, error);
}
