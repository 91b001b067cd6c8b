/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The app speaks German under LANGUAGE=de, with the catalogue built from
 * po/de.po (strings from .ui templates and from C).
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "crb-adjudication-window.h"
#include "crb-application.h"
#include "crb-article-view.h"
#include "crb-claim-panel.h"
#include "crb-claims-pane.h"
#include "crb-export-dialog.h"
#include "crb-format.h"
#include "crb-stats-window.h"
#include "crb-window.h"

/* A German locale for month names and digit grouping, compiled for the
 * test when the system has none (LOCPATH); NULL when it cannot be had.
 */
static const char *german_locale;

static CrbApplication *app;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_pending (NULL))
        g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_widget (c, type);
      if (found)
        return found;
    }

  return NULL;
}

static void
test_window_in_german (void)
{
  CrbWindow *window;
  GtkWidget *status;

  window = crb_window_new (app);
  gtk_window_present (GTK_WINDOW (window));

  /* From the template. */
  status = find_widget (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "Aussagen in den Nachrichten prüfen");
  /* From C. */
  g_assert_cmpstr (_("No claim selected"), !=, "No claim selected");
  g_assert_cmpstr (g_dngettext (GETTEXT_PACKAGE, "%u article", "%u articles", 3), ==, "%u Artikel");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* For people to look at: _build/tests/screenshots/. */
static void
screenshot (GtkWidget  *widget,
            const char *name)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  g_autoptr (GdkTexture) texture = NULL;
  g_autofree char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                           "screenshots", NULL);
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget), height = gtk_widget_get_height (widget);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)),
                                         node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_mkdir_with_parents (dir, 0755);
  path = g_strdup_printf ("%s/%s.png", dir, name);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static JsonObject *
parse_object (const char *json)
{
  g_autoptr (JsonNode) node = json_from_string (json, NULL);

  g_assert_nonnull (node);
  return json_object_ref (json_node_get_object (node));
}

/* The claim values in German: words from the catalogue, month names and
 * digit grouping from the locale.
 */
static void
test_values_in_german (void)
{
  g_autoptr (JsonObject) at_least = parse_object ("{\"text\":\"at least 1\",\"value\":1,\"qualifier\":\"at-least\",\"unit\":\"killed\"}");
  g_autoptr (JsonObject) dozens = parse_object ("{\"text\":\"dozens\",\"value\":24,\"qualifier\":\"at-least\",\"unit\":\"injured\"}");
  g_autoptr (JsonObject) money = parse_object ("{\"text\":\"€4.2 million\",\"value\":4200000,\"unit\":\"money\",\"currency\":\"EUR\"}");
  g_autoptr (JsonObject) tents = parse_object ("{\"text\":\"3,200\",\"value\":3200,\"unit\":\"tents\"}");
  g_autoptr (JsonObject) date = parse_object ("{\"text\":\"March 22\",\"value\":\"--03-22\"}");
  g_autoptr (JsonObject) place = parse_object ("{\"text\":\"Port Almera\",\"type\":\"place\"}");
  g_autoptr (JsonObject) said = parse_object ("{\"speaker\":\"the foreign ministry\",\"verb\":\"said\"}");
  g_autofree char *a = crb_format_quantity (at_least);
  g_autofree char *b = crb_format_quantity (dozens);
  g_autofree char *e = crb_format_entity (place);
  g_autofree char *f = crb_format_source (said);

  g_assert_cmpstr (a, ==, "mindestens 1 Toter");
  g_assert_cmpstr (b, ==, "„dozens“: mindestens 24 Verletzte");
  g_assert_cmpstr (e, ==, "Port Almera · Ort");
  g_assert_cmpstr (f, ==, "laut the foreign ministry");
  g_assert_cmpstr (crb_format_kind ("quantity"), ==, "Zahl");
  g_assert_cmpstr (crb_format_reason ("too short"), ==, "zu kurz");

  if (german_locale == NULL)
    {
      g_test_message ("no German locale: month names and digit grouping not checked");
      return;
    }

  {
    g_autofree char *old_time = g_strdup (setlocale (LC_TIME, NULL));
    g_autofree char *old_numeric = g_strdup (setlocale (LC_NUMERIC, NULL));
    g_autofree char *c = NULL, *d = NULL, *g = NULL;

    g_assert_nonnull (setlocale (LC_TIME, german_locale));
    g_assert_nonnull (setlocale (LC_NUMERIC, german_locale));
    c = crb_format_quantity (money);
    d = crb_format_date (date, "2024-05-24");
    g = crb_format_quantity (tents);
    setlocale (LC_TIME, old_time);
    setlocale (LC_NUMERIC, old_numeric);

    g_assert_cmpstr (c, ==, "4,2 Mio. €");
    g_assert_cmpstr (d, ==, "22. März 2024");
    g_assert_cmpstr (g, ==, "3.200 tents");
  }
}

static gboolean
page_is_project (gpointer data)
{
  return g_strcmp0 (crb_window_get_page (data), "project") == 0 &&
      crb_window_get_claim (data) != NULL;
}

/* The ellipsized labels under @root that are on screen, added to @cut. */
static void
collect_cut_labels (GtkWidget *root,
                    GPtrArray *cut)
{
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *w;

  g_queue_push_tail (&queue, root);
  while ((w = g_queue_pop_head (&queue)))
    {
      if (!gtk_widget_get_mapped (w))
        continue;
      if (GTK_IS_LABEL (w) && gtk_label_get_ellipsize (GTK_LABEL (w)) != PANGO_ELLIPSIZE_NONE &&
          pango_layout_is_ellipsized (gtk_label_get_layout (GTK_LABEL (w))))
        g_ptr_array_add (cut, g_strdup (gtk_label_get_text (GTK_LABEL (w))));
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
}

/* Labels on screen under @root that are narrower than they need, or that
 * stick out of @root sideways: cut, though not ellipsized.  Added to @cut.
 */
static void
collect_clipped_labels (GtkWidget *root,
                        GPtrArray *cut)
{
  GQueue queue = G_QUEUE_INIT;
  int width = gtk_widget_get_width (root);
  GtkWidget *w;

  g_queue_push_tail (&queue, root);
  while ((w = g_queue_pop_head (&queue)))
    {
      if (!gtk_widget_get_mapped (w))
        continue;
      if (GTK_IS_LABEL (w) && *gtk_label_get_text (GTK_LABEL (w)) != '\0')
        {
          graphene_rect_t bounds;
          int minimum;

          gtk_widget_measure (w, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
          /* The border box, as measured (CSS padding included). */
          if (gtk_widget_compute_bounds (w, root, &bounds) &&
              (bounds.origin.x < -1 || bounds.origin.x + bounds.size.width > width + 1 ||
               bounds.size.width + 1 < minimum - gtk_widget_get_margin_start (w) - gtk_widget_get_margin_end (w)))
            g_ptr_array_add (cut, g_strdup_printf ("%s (clipped: x %.0f, width %.0f of %d, needs %d)",
                                                   gtk_label_get_text (GTK_LABEL (w)), bounds.origin.x,
                                                   bounds.size.width, width, minimum));
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
}

static GtkWidget *find_toplevel (GType type);

static GtkWidget *
find_in (GtkWidget *root,
         GType      type)
{
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *w;

  g_queue_push_tail (&queue, root);
  while ((w = g_queue_pop_head (&queue)))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        {
          g_queue_clear (&queue);
          return w;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  return NULL;
}

static gboolean
stats_counted (gpointer data)
{
  return crb_stats_window_get_stats (data) != NULL;
}

/* The claims pane in German: why linked claims conflict, the question
 * before confirming a contested claim, the question of the reviewer's name.
 */
static void
check_review_in_german (CrbWindow  *window,
                        const char *size,
                        GPtrArray  *cut)
{
  GtkWidget *pane = find_in (GTK_WIDGET (window), CRB_TYPE_CLAIMS_PANE);
  CrbClaimPanel *panel = CRB_CLAIM_PANEL (find_in (GTK_WIDGET (window), CRB_TYPE_CLAIM_PANEL));
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *reasons = g_strdup_printf ("german-reasons-%s", size);
  g_autofree char *anyway = g_strdup_printf ("german-confirm-anyway-%s", size);
  g_autofree char *name = g_strdup_printf ("german-annotator-%s", size);

  crb_window_select_claim (window, "almera-courier:1");
  iterate (400);
  g_assert_nonnull (crb_claim_panel_get_claim (panel));
  collect_cut_labels (pane, cut);
  collect_clipped_labels (pane, cut);
  screenshot (GTK_WIDGET (window), reasons);

  gtk_widget_activate_action (GTK_WIDGET (window), "claim.confirm", NULL);
  iterate (400);
  g_assert_true (crb_claim_panel_is_asking_confirm (panel));
  collect_cut_labels (pane, cut);
  collect_clipped_labels (pane, cut);
  screenshot (GTK_WIDGET (window), anyway);
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.cancel", NULL);

  g_settings_set_string (settings, "annotator", "");
  g_settings_set_boolean (settings, "annotator-asked", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reason", "i", 2);
  iterate (400);
  g_assert_true (crb_claim_panel_is_asking_annotator (panel));
  collect_cut_labels (pane, cut);
  collect_clipped_labels (pane, cut);
  screenshot (GTK_WIDGET (window), name);
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.cancel", NULL);
  iterate (200);
}

/* The statistics in German: the rows, and the charts fit their width. */
static void
check_statistics_in_german (CrbWindow  *window,
                            const char *size,
                            GPtrArray  *cut)
{
  g_autofree char *name = g_strdup_printf ("german-statistics-%s", size);
  GtkWidget *stats;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL);
  iterate (300);
  stats = find_toplevel (CRB_TYPE_STATS_WINDOW);
  g_assert_nonnull (stats);
  for (guint i = 0; i < 300 && !stats_counted (stats); i++)
    iterate (50);
  g_assert_true (stats_counted (stats));
  iterate (400);
  collect_cut_labels (stats, cut);
  collect_clipped_labels (stats, cut);
  screenshot (stats, name);
  gtk_window_destroy (GTK_WINDOW (stats));
  iterate (200);
}

static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr (GObject) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type))
        return GTK_WIDGET (w);
    }
  return NULL;
}

/* In German, at 1280×720 and 1024×700, no label of the window, the export
 * dialog or its open list of formats is cut short ("Au…" was the filter's
 * placeholder, and the format names were cut even in the open list); nor
 * of the claims pane with the reasons of linked claims and its questions
 * (confirm anyway, the reviewer's name), nor of the statistics.
 */
static void
test_nothing_cut_in_german (void)
{
  static const int sizes[][2] = { { 1280, 720 }, { 1024, 700 } };
  g_autoptr (GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      CrbWindow *window = crb_window_new (app);
      GtkWidget *dialog, *combo;
      gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

      gtk_window_set_default_size (GTK_WINDOW (window), sizes[s][0], sizes[s][1]);
      gtk_window_present (GTK_WINDOW (window));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL);
      while (!page_is_project (window) && g_get_monotonic_time () < end)
        iterate (50);
      g_assert_true (page_is_project (window));
      iterate (500);
      collect_cut_labels (GTK_WIDGET (window), cut);
      {
        g_autofree char *name = g_strdup_printf ("german-%dx%d", sizes[s][0], sizes[s][1]);

        screenshot (GTK_WIDGET (window), name);
        g_free (name);
        name = g_strdup_printf ("%dx%d", sizes[s][0], sizes[s][1]);
        check_review_in_german (window, name, cut);
        check_statistics_in_german (window, name, cut);
      }

      gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
      iterate (500);
      dialog = find_toplevel (CRB_TYPE_EXPORT_DIALOG);
      g_assert_nonnull (dialog);
      collect_cut_labels (dialog, cut);
      /* The list of formats, open. */
      combo = NULL;
      {
        GQueue queue = G_QUEUE_INIT;
        GtkWidget *w;

        g_queue_push_tail (&queue, dialog);
        while ((w = g_queue_pop_head (&queue)) && combo == NULL)
          {
            if (ADW_IS_COMBO_ROW (w))
              combo = w;
            for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
              g_queue_push_tail (&queue, c);
          }
        g_queue_clear (&queue);
      }
      g_assert_nonnull (combo);
      g_signal_emit_by_name (combo, "activate");
      iterate (500);
      collect_cut_labels (dialog, cut);
      {
        g_autoptr (GPtrArray) popovers = g_ptr_array_new ();
        GQueue queue = G_QUEUE_INIT;
        GtkWidget *w;

        g_queue_push_tail (&queue, combo);
        while ((w = g_queue_pop_head (&queue)))
          {
            if (GTK_IS_POPOVER (w))
              g_ptr_array_add (popovers, w);
            for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
              g_queue_push_tail (&queue, c);
          }
        g_assert_cmpuint (popovers->len, >=, 1);
        if (s == 0)
          {
            screenshot (dialog, "german-export-dialog");
            screenshot (g_ptr_array_index (popovers, 0), "german-export-formats");
          }
        for (guint i = 0; i < popovers->len; i++)
          {
            collect_cut_labels (g_ptr_array_index (popovers, i), cut);
            gtk_popover_popdown (g_ptr_array_index (popovers, i));
          }
        iterate (300);
      }

      gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_window_destroy (GTK_WINDOW (window));
      iterate (200);
    }

  for (guint i = 0; i < cut->len; i++)
    g_test_message ("cut short: “%s”", (char *) g_ptr_array_index (cut, i));
  g_assert_cmpuint (cut->len, ==, 0);
}

/* A mapped label under @root that says @text. */
static GtkWidget *
find_label_text (GtkWidget  *root,
                 const char *text)
{
  GQueue queue = G_QUEUE_INIT;
  GtkWidget *w;

  g_queue_push_tail (&queue, root);
  while ((w = g_queue_pop_head (&queue)))
    {
      if (GTK_IS_LABEL (w) && gtk_widget_get_mapped (w) &&
          g_strcmp0 (gtk_label_get_text (GTK_LABEL (w)), text) == 0)
        {
          g_queue_clear (&queue);
          return w;
        }
      for (GtkWidget *c = gtk_widget_get_first_child (w); c; c = gtk_widget_get_next_sibling (c))
        g_queue_push_tail (&queue, c);
    }
  return NULL;
}

/* The article editor and the export dialog's options of each format, in
 * German at 1024×700: no label cut short; the toast of an undo names the
 * step in German.
 */
static void
test_editor_and_export_in_german (void)
{
  static const char * const formats[] = { "jsonl", "csv", "claimreview", "fever", "dataset" };
  g_autoptr (GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);
  CrbWindow *window = crb_window_new (app);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  GtkWidget *editor, *dialog;

  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.try-sample", NULL);
  while (!page_is_project (window) && g_get_monotonic_time () < end)
    iterate (50);
  g_assert_true (page_is_project (window));
  iterate (300);

  gtk_widget_activate_action (GTK_WIDGET (window), "article.edit", "s", "nordnews-digest");
  iterate (400);
  editor = crb_window_get_article_view (window, "nordnews-digest");
  editor = crb_article_view_get_editor (CRB_ARTICLE_VIEW (editor));
  g_assert_true (gtk_widget_get_mapped (editor));
  g_assert_nonnull (find_label_text (editor, "Artikeldetails"));
  collect_cut_labels (editor, cut);
  collect_clipped_labels (editor, cut);
  screenshot (editor, "german-article-editor");
  gtk_popover_popdown (GTK_POPOVER (editor));
  iterate (200);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  iterate (400);
  dialog = find_toplevel (CRB_TYPE_EXPORT_DIALOG);
  g_assert_nonnull (dialog);
  for (guint f = 0; f < G_N_ELEMENTS (formats); f++)
    {
      g_autofree char *name = g_strdup_printf ("german-export-%s", formats[f]);
      GtkWidget *scroller = find_in (dialog, GTK_TYPE_SCROLLED_WINDOW);
      GtkAdjustment *adjustment;

      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      crb_export_dialog_set_format (CRB_EXPORT_DIALOG (dialog), f);
      iterate (500);
      collect_cut_labels (dialog, cut);
      collect_clipped_labels (dialog, cut);
      screenshot (dialog, name);
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
      iterate (300);
      collect_cut_labels (dialog, cut);
      collect_clipped_labels (dialog, cut);
      g_free (name);
      name = g_strdup_printf ("german-export-%s-end", formats[f]);
      screenshot (dialog, name);
      gtk_adjustment_set_value (adjustment, 0);
    }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* An undo says what it undid, in German. */
  {
    g_autoptr (GSettings) settings = g_settings_new (APP_ID);

    g_settings_set_string (settings, "annotator", "Prüferin");
  }
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.reason", "i", 2);
  iterate (200);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.undo", NULL);
  iterate (300);
  g_assert_nonnull (find_label_text (GTK_WIDGET (window), "Rückgängig: 1 Aussage verworfen"));
  collect_cut_labels (GTK_WIDGET (window), cut);
  screenshot (GTK_WIDGET (window), "german-undo-1024x700");

  gtk_window_destroy (GTK_WINDOW (window));
  iterate (200);
  for (guint i = 0; i < cut->len; i++)
    g_test_message ("cut short: “%s”", (char *) g_ptr_array_index (cut, i));
  g_assert_cmpuint (cut->len, ==, 0);
}

static void
run_cli (const char * const *args)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  int status = -1;

  g_ptr_array_add (argv, (char *) g_getenv ("CRB_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL, NULL,
                NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
}

/* Team review in German at 1024×700: the window's title, the
 * adjudication queue and the statistics' agreement; nothing cut.
 */
static void
test_team_in_german (void)
{
  g_autofree char *dir = g_dir_make_tmp ("crb-l10n-team-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "team.crb", NULL);
  g_autofree char *sample = g_build_filename (g_getenv ("CRB_SOURCE_ROOT"), "data", "sample", "harbor-bridge",
                                              NULL);
  g_autoptr (GSettings) settings = g_settings_new (APP_ID);
  g_autoptr (GPtrArray) cut = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GFile) file = g_file_new_for_path (path);
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  const char *steps[][8] = {
    { "new", "--title", "Brücke", path, sample, NULL },
    { "team", "init", path, "--annotator", "olga", NULL },
    { "annotate", path, "almera-courier:1", "--confirm", "--annotator", "ana", NULL },
    { "annotate", path, "almera-courier:1", "--reject", "unverifiable", "--annotator", "ben", NULL },
    { "annotate", path, "almera-courier:2", "--confirm", "--annotator", "ana", NULL },
    { "annotate", path, "almera-courier:2", "--correct", "Sieben Tote", "--annotator", "ben", NULL },
  };
  CrbWindow *window;
  GtkWidget *adjudication, *stats;

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    run_cli (steps[i]);
  g_settings_set_string (settings, "annotator", "olga");

  window = crb_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1024, 700);
  gtk_window_present (GTK_WINDOW (window));
  crb_window_open_project (window, file);
  while (!page_is_project (window) && g_get_monotonic_time () < end)
    iterate (50);
  g_assert_true (page_is_project (window));
  iterate (400);
  collect_cut_labels (GTK_WIDGET (window), cut);
  screenshot (GTK_WIDGET (window), "german-team-1024x700");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.adjudicate", NULL);
  iterate (400);
  adjudication = find_toplevel (CRB_TYPE_ADJUDICATION_WINDOW);
  g_assert_nonnull (adjudication);
  gtk_window_set_default_size (GTK_WINDOW (adjudication), 1024, 700);
  iterate (300);
  gtk_widget_activate_action (adjudication, "adjudication.reject", NULL);
  iterate (300);
  collect_cut_labels (adjudication, cut);
  collect_clipped_labels (adjudication, cut);
  screenshot (adjudication, "german-adjudication-1024x700");
  gtk_window_destroy (GTK_WINDOW (adjudication));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.statistics", NULL);
  iterate (300);
  stats = find_toplevel (CRB_TYPE_STATS_WINDOW);
  g_assert_nonnull (stats);
  for (guint i = 0; i < 300 && !stats_counted (stats); i++)
    iterate (50);
  g_assert_nonnull (crb_stats_window_get_stats (CRB_STATS_WINDOW (stats))->team);
  iterate (400);
  collect_cut_labels (stats, cut);
  collect_clipped_labels (stats, cut);
  screenshot (stats, "german-agreement");
  gtk_window_destroy (GTK_WINDOW (stats));
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (200);

  for (guint i = 0; i < cut->len; i++)
    g_test_message ("cut short: “%s”", (char *) g_ptr_array_index (cut, i));
  g_assert_cmpuint (cut->len, ==, 0);
}

/* Compiles de_DE.UTF-8 into a folder of the test's when the system lacks it. */
static void
find_german_locale (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *cmd = NULL;
  int status = -1;

  if (setlocale (LC_TIME, "de_DE.UTF-8") != NULL)
    {
      german_locale = "de_DE.UTF-8";
      return;
    }

  dir = g_dir_make_tmp ("crb-locale-XXXXXX", NULL);
  cmd = g_strdup_printf ("localedef -i de_DE -f UTF-8 %s/de_DE.UTF-8", dir);
  if (dir != NULL && g_spawn_command_line_sync (cmd, NULL, NULL, &status, NULL) && status == 0)
    {
      g_setenv ("LOCPATH", dir, TRUE);
      if (setlocale (LC_TIME, "de_DE.UTF-8") != NULL)
        german_locale = "de_DE.UTF-8";
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("LANGUAGE", "de", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  /* gtk_test_init() sets the C locale; the app's main() takes the user's. */
  setlocale (LC_ALL, "");

  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CORROBORATE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  find_german_locale ();
  setlocale (LC_ALL, "");
  {
    g_autofree char *sample = g_build_filename (g_getenv ("CRB_SOURCE_ROOT"), "data", "sample",
                                                "harbor-bridge", NULL);

    g_setenv ("CORROBORATE_SAMPLE_DIR", sample, TRUE);
  }

  app = crb_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, NULL));

  g_test_add_func ("/corroborate/l10n/window-in-german", test_window_in_german);
  g_test_add_func ("/corroborate/l10n/values-in-german", test_values_in_german);
  g_test_add_func ("/corroborate/l10n/nothing-cut-in-german", test_nothing_cut_in_german);
  g_test_add_func ("/corroborate/l10n/editor-and-export-in-german",
                   test_editor_and_export_in_german);
  g_test_add_func ("/corroborate/l10n/team-in-german", test_team_in_german);
  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}
