/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The statistics to look at: who contradicts whom (an outlet × outlet
 * matrix of the facts they conflict and agree on), the figures outlets
 * report differently by outlet and date, each article's conflicts; drawn
 * with GtkSnapshot in light and dark, saved as PNG and SVG.
 *
 * On the bundled sample (data/sample/harbor-bridge) The Almera Courier
 * says 7 killed, Coastline Daily 9, NordNews Digest "at least six", a day
 * later: Coastline Daily conflicts with both others, which agree.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "crb-chart-view.h"
#include "crb-stats-charts.h"
#include "crb-stats-data.h"
#include "crb-stats-window.h"
#include "crb-test-app.h"

static char *tmp_dir;

#define ALMERA "The Almera Courier"
#define COASTLINE "Coastline Daily"
#define NORDNEWS "nordnews-digest"

static CrbProject *
sample_project (const char *name)
{
  g_autofree char *path = crb_test_new_sample_project (tmp_dir, name);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  g_autoptr (GError) error = NULL;
  CrbProject *project = crb_project_load (file, NULL, &error);

  g_assert_no_error (error);
  return project;
}

static void
test_matrix_and_figures (void)
{
  g_autoptr (CrbProject) project = sample_project ("data.crb");
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbStats) stats = crb_stats_compute (project, NULL, &error);
  CrbFigure *deaths = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (stats->outlets->len, ==, 3);
  g_assert_cmpint (crb_stats_outlet_index (stats, ALMERA), >=, 0);

  /* Who contradicts whom. */
  g_assert_cmpuint (crb_stats_conflict (stats, ALMERA, COASTLINE), ==, 1);
  g_assert_cmpuint (crb_stats_conflict (stats, COASTLINE, ALMERA), ==, 1);
  g_assert_cmpuint (crb_stats_conflict (stats, COASTLINE, NORDNEWS), ==, 1);
  g_assert_cmpuint (crb_stats_conflict (stats, ALMERA, NORDNEWS), ==, 0);
  g_assert_cmpuint (crb_stats_agree (stats, ALMERA, NORDNEWS), ==, 1);
  g_assert_cmpuint (crb_stats_agree (stats, ALMERA, COASTLINE), ==, 0);
  g_assert_cmpuint (crb_stats_agree (stats, ALMERA, ALMERA), ==, 0);
  /* Every claim of the sample is still pending. */
  g_assert_cmpuint (stats->counts[CRB_DECISION_STATUS_PENDING], ==, crb_test_count_claims (project));
  g_assert_cmpuint (stats->open_conflicts, ==, 4);

  /* The death toll, by outlet and date. */
  for (guint i = 0; i < stats->figures->len; i++)
    {
      CrbFigure *figure = g_ptr_array_index (stats->figures, i);

      g_test_message ("figure: %s (%u values)", figure->label, figure->points->len);
      if (g_str_equal (figure->label, "Deaths"))
        deaths = figure;
    }
  g_assert_nonnull (deaths);
  g_assert_cmpuint (deaths->points->len, ==, 3);
  {
    CrbFigurePoint *last = g_ptr_array_index (deaths->points, 2);
    g_autoptr (GHashTable) texts = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < deaths->points->len; i++)
      {
        CrbFigurePoint *point = g_ptr_array_index (deaths->points, i);

        g_hash_table_insert (texts, point->outlet, point->text);
      }
    g_assert_cmpstr (g_hash_table_lookup (texts, ALMERA), ==, "7 killed");
    g_assert_cmpstr (g_hash_table_lookup (texts, COASTLINE), ==, "9 killed");
    g_assert_cmpstr (g_hash_table_lookup (texts, NORDNEWS), ==, "at least 6 killed");
    /* By date: NordNews Digest's, of the next day, last. */
    g_assert_cmpstr (last->outlet, ==, NORDNEWS);
    g_assert_cmpstr (last->date, ==, "2025-03-06");
  }

  /* Each article's conflicts. */
  for (guint i = 0; i < stats->articles->len; i++)
    {
      CrbArticleStats *article = g_ptr_array_index (stats->articles, i);

      if (g_str_equal (article->outlet, COASTLINE))
        {
          g_assert_cmpuint (article->n_contradicted, ==, 2);
          g_assert_cmpuint (article->n_contested, ==, 1);
          g_assert_cmpuint (article->n_conflicts, ==, 4);
        }
      else if (g_str_equal (article->outlet, ALMERA))
        {
          g_assert_cmpuint (article->n_contradicted, ==, 1);
          g_assert_cmpuint (article->n_contested, ==, 3);
        }
    }
}

/* The charts from the data: the counts written in the cells, the values
 * at their dots.
 */
static void
test_chart_shapes (void)
{
  g_autoptr (CrbProject) project = sample_project ("shapes.crb");
  g_autoptr (CrbStats) stats = crb_stats_compute (project, NULL, NULL);
  GtkWidget *label = g_object_ref_sink (gtk_label_new (NULL));
  PangoContext *context = gtk_widget_get_pango_context (label);
  g_autoptr (CrbChart) matrix = crb_stats_chart_matrix (stats, 640, FALSE, TRUE, context);
  g_autoptr (CrbChart) figures = crb_stats_chart_figures (stats, 640, TRUE, TRUE, context);

  /* Two pairs conflict, on one fact each, seen from both sides. */
  g_assert_cmpuint (crb_chart_count_texts (matrix, "≠ 1"), ==, 4);
  g_assert_cmpuint (crb_chart_count_texts (matrix, "= 1"), ==, 2);
  g_assert_cmpuint (crb_chart_count_texts (matrix, "—"), ==, 3);
  g_assert_cmpuint (crb_chart_count_texts (figures, "9 killed"), ==, 1);
  g_assert_cmpuint (crb_chart_count_texts (figures, "at least 6 killed"), ==, 1);
  g_assert_cmpfloat (crb_chart_get_width (matrix), >=, 640);
  g_object_unref (label);
}

static gboolean
stats_ready (gpointer data)
{
  return crb_stats_window_get_stats (data) != NULL;
}

/* A well-formed XML document, by GLib's markup parser. */
static void
assert_xml (const char *text)
{
  static const GMarkupParser parser = { 0 };
  g_autoptr (GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
  g_autoptr (GError) error = NULL;
  const char *start = strstr (text, "<svg");

  g_assert_nonnull (start);
  g_assert_true (g_markup_parse_context_parse (context, start, -1, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
}

static void
save_and_check (CrbStatsWindow *window,
                const char     *chart,
                const char     *label)
{
  g_autofree char *png = g_strdup_printf ("%s/%s-%s.png", tmp_dir, chart, label);
  g_autofree char *svg = g_strdup_printf ("%s/%s-%s.svg", tmp_dir, chart, label);
  g_autoptr (GFile) png_file = g_file_new_for_path (png);
  g_autoptr (GFile) svg_file = g_file_new_for_path (svg);
  g_autoptr (GError) error = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert_true (crb_stats_window_save_chart (window, chart, png_file, "png", &error));
  g_assert_no_error (error);
  g_assert_true (crb_stats_window_save_chart (window, chart, svg_file, "svg", &error));
  g_assert_no_error (error);

  /* A PNG that loads, at twice the chart's size. */
  texture = gdk_texture_new_from_file (png_file, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >=, 640);
  g_assert_cmpint (gdk_texture_get_height (texture), >, 200);

  /* An SVG that parses as XML and says what the chart says. */
  g_assert_true (g_file_get_contents (svg, &text, &len, NULL));
  g_assert_cmpuint (len, >, 500);
  assert_xml (text);
  if (g_str_equal (chart, "matrix"))
    {
      g_assert_nonnull (strstr (text, "Who contradicts whom"));
      g_assert_nonnull (strstr (text, ">≠ 1</text>"));
      g_assert_nonnull (strstr (text, COASTLINE));
    }
  else
    g_assert_nonnull (strstr (text, ">9 killed</text>"));
  g_test_message ("saved %s and %s", png, svg);
}

static void
test_window (void)
{
  g_autofree char *path = crb_test_new_sample_project (tmp_dir, "window.crb");
  static const int sizes[][2] = { { 1024, 700 }, { 1366, 768 }, { 1920, 1080 } };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    for (guint dark = 0; dark < 2; dark++)
      {
        CrbWindow *main_window = crb_test_open_project (path, sizes[s][0], sizes[s][1]);
        CrbStatsWindow *stats;
        g_autofree char *name = g_strdup_printf ("statistics-%dx%d-%s", sizes[s][0], sizes[s][1],
                                                 dark ? "dark" : "light");

        adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                            dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
        stats = CRB_STATS_WINDOW (crb_stats_window_new (GTK_WINDOW (main_window),
                                                        crb_window_get_project (main_window)));
        /* The window as tall as the screen allows, to see it whole. */
        gtk_window_set_default_size (GTK_WINDOW (stats), MIN (860, sizes[s][0] - 100), sizes[s][1] - 60);
        gtk_window_present (GTK_WINDOW (stats));
        g_assert_true (crb_test_wait_for (stats_ready, stats, 30000));
        crb_test_iterate (500);
        crb_test_screenshot (GTK_WIDGET (stats), name);
        {
          /* And its end: the figures and the articles. */
          GtkWidget *scroller = crb_test_find (GTK_WIDGET (stats), GTK_TYPE_SCROLLED_WINDOW);
          GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
          g_autofree char *end = g_strconcat (name, "-end", NULL);

          gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
          crb_test_iterate (300);
          crb_test_screenshot (GTK_WIDGET (stats), end);
          gtk_adjustment_set_value (adjustment, 0);
        }

        /* Nothing in it is clipped at its width: the charts fit. */
        {
          g_autoptr (GPtrArray) views = crb_test_find_all (GTK_WIDGET (stats), CRB_TYPE_CHART_VIEW);

          g_assert_cmpuint (views->len, ==, 2);
          for (guint i = 0; i < views->len; i++)
            {
              GtkWidget *view = g_ptr_array_index (views, i);

              g_assert_cmpfloat (crb_chart_get_width (crb_chart_view_get_chart (CRB_CHART_VIEW (view))), <=,
                                 gtk_widget_get_width (view) + 0.5);
            }
        }

        if (s == 0)
          {
            save_and_check (stats, "matrix", dark ? "dark" : "light");
            save_and_check (stats, "figures", dark ? "dark" : "light");
          }

        gtk_window_destroy (GTK_WINDOW (stats));
        gtk_window_destroy (GTK_WINDOW (main_window));
        crb_test_iterate (200);
      }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  crb_test_assert_no_warnings ();
}

/* A story of five reports whose death toll rises, when the shared samples
 * are there: pictures for people (docs/images).
 */
static void
test_rising_toll (void)
{
  const char *samples = g_getenv ("CRB_SAMPLES_DIR");
  g_autofree char *corpus = samples ? g_build_filename (samples, "crocus-city-hall", NULL) : NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "crocus.crb", NULL);
  const char *args[] = { "new", "--title", "Crocus City Hall", path, corpus, NULL };
  CrbWindow *main_window;
  CrbStatsWindow *stats;

  if (corpus == NULL || !g_file_test (corpus, G_FILE_TEST_IS_DIR))
    {
      g_test_skip ("the shared samples are not here");
      return;
    }

  crb_test_run_cli (args);
  main_window = crb_test_open_project (path, 1366, 768);
  for (guint dark = 0; dark < 2; dark++)
    {
      g_autofree char *name = g_strdup_printf ("statistics-crocus-%s", dark ? "dark" : "light");

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      stats = CRB_STATS_WINDOW (crb_stats_window_new (GTK_WINDOW (main_window),
                                                      crb_window_get_project (main_window)));
      gtk_window_set_default_size (GTK_WINDOW (stats), 860, 1000);
      gtk_window_present (GTK_WINDOW (stats));
      g_assert_true (crb_test_wait_for (stats_ready, stats, 30000));
      g_assert_cmpuint (crb_stats_window_get_stats (stats)->figures->len, >=, 1);
      crb_test_iterate (500);
      crb_test_screenshot (GTK_WIDGET (stats), name);
      {
        /* Scrolled to the figures. */
        GtkWidget *scroller = crb_test_find (GTK_WIDGET (stats), GTK_TYPE_SCROLLED_WINDOW);
        g_autoptr (GPtrArray) views = crb_test_find_all (GTK_WIDGET (stats), CRB_TYPE_CHART_VIEW);
        GtkWidget *content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scroller));
        g_autofree char *figures_name = g_strconcat (name, "-figures", NULL);
        graphene_rect_t bounds;

        g_assert_true (gtk_widget_compute_bounds (g_ptr_array_index (views, 1), content, &bounds));
        gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                                  bounds.origin.y - 90);
        crb_test_iterate (300);
        crb_test_screenshot (GTK_WIDGET (stats), figures_name);
      }
      {
        g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), "screenshots", NULL);
        g_autofree char *figures_name = g_strdup_printf ("%s/figures-crocus-%s.png", dir, dark ? "dark" : "light");
        g_autofree char *matrix_name = g_strdup_printf ("%s/matrix-crocus-%s.png", dir, dark ? "dark" : "light");
        g_autoptr (GFile) figures = g_file_new_for_path (figures_name);
        g_autoptr (GFile) matrix = g_file_new_for_path (matrix_name);
        g_autoptr (GError) error = NULL;

        g_assert_true (crb_stats_window_save_chart (stats, "figures", figures, "png", &error));
        g_assert_true (crb_stats_window_save_chart (stats, "matrix", matrix, "png", &error));
      }
      gtk_window_destroy (GTK_WINDOW (stats));
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (main_window));
  crb_test_assert_no_warnings ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = g_dir_make_tmp ("crb-stats-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  crb_test_app_init (&argc, &argv);

  g_test_add_func ("/corroborate/stats/matrix-and-figures", test_matrix_and_figures);
  g_test_add_func ("/corroborate/stats/chart-shapes", test_chart_shapes);
  g_test_add_func ("/corroborate/stats/window", test_window);
  g_test_add_func ("/corroborate/stats/rising-toll", test_rising_toll);

  ret = crb_test_app_run ();
  g_free (tmp_dir);
  return ret;
}
