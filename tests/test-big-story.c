/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * The window on a big story: 240 articles of 20 outlets, generated here
 * (wire copy, most of it word for word, some outlets giving another death
 * toll), imported as the app imports.  Only the article columns in view
 * have widgets, and scrolling brings the others; the claim panel lists a
 * fact told by hundreds of claims as one row per outlet, which opens; the
 * alignment's note is shown; the Shown Articles menu makes rows for the
 * articles in view only.  Screenshots at 1024×700 and 1920×1080, light
 * and dark, go to _build/tests/screenshots/big-story-*.png.
 */
#include "config.h"

#include <string.h>

#include "crb-article-columns.h"
#include "crb-article-view.h"
#include "crb-claim-links.h"
#include "crb-claim-panel.h"
#include "crb-test-app.h"
#include "crb-test-utils.h"

#define N_ARTICLES 240

/* The most column widgets a window may have: those in view (five at
 * 1920 px beside the claims pane) and one on each side, with room to
 * spare: far fewer than the 240 articles.
 */
#define MAX_COLUMN_WIDGETS 8

static char *tmp_dir;

static const char * const outlets[] = {
  "The Almera Courier", "Coastline Daily", "NordNews Digest", "Port Gazette", "Harbour Herald",
  "Evening Ledger", "Metro Wire", "Bay Chronicle", "Valley Times", "Daily Beacon",
  "City Observer", "Northern Star", "Coastal Record", "Morning Post", "Union Tribune",
  "Westside News", "Capital Dispatch", "Island Voice", "Riverside Journal", "The Sentinel",
};

/* Article @i: wire copy, the first sentence naming the outlet (so each
 * outlet's copy is compared with the others'), the death toll of every
 * fifth article another, and some sentences in some articles only.
 */
static char *
article_text (guint i)
{
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "---\ntitle: Bridge collapse in Port Almera, report %u\noutlet: %s\n"
                             "date: 2025-03-05\n---\n",
                          i + 1, outlets[i % G_N_ELEMENTS (outlets)]);
  g_string_append_printf (s, "%s people were killed when the Kessel Street bridge collapsed into the "
                             "harbour in Port Almera on Tuesday evening, the fire service told %s.\n\n",
                          i % 5 == 4 ? "Nine" : "Seven", outlets[i % G_N_ELEMENTS (outlets)]);
  g_string_append (s, "At least 23 people were injured and two are still missing, officials said.\n\n");
  g_string_append (s, "The 140-metre steel span, built in 1968, carried about 40,000 vehicles a day.\n\n");
  if (i % 3 == 0)
    g_string_append (s, "Mayor Odile Brandt said the bridge had passed its last inspection in September.\n\n");
  if (i % 4 == 1)
    g_string_append (s, "Police detained the driver of a lorry, a 41-year-old man, for questioning.\n\n");
  return g_string_free (s, FALSE);
}

static gboolean
page_is_project (gpointer data)
{
  return g_strcmp0 (crb_window_get_page (data), "project") == 0 && crb_window_get_claim (data) != NULL;
}

/* A window showing the big story, imported as a user would. */
static CrbWindow *
open_big_story (int width,
                int height)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *dir = g_build_filename (tmp_dir, "articles", NULL);
  CrbWindow *window = crb_test_new_window (width, height);

  g_mkdir_with_parents (dir, 0755);
  for (guint i = 0; i < N_ARTICLES; i++)
    {
      g_autofree char *name = g_strdup_printf ("report-%03u.txt", i);
      g_autofree char *text = article_text (i);
      g_autofree char *path = crb_test_write_file (dir, name, text, -1);

      g_ptr_array_add (files, g_file_new_for_path (path));
    }
  crb_window_import (window, files, "Bridge collapse, big");
  g_assert_true (crb_test_wait_for (page_is_project, window, 60000));
  crb_test_iterate (300);
  return window;
}

static GtkWidget *
columns_of (CrbWindow *window)
{
  return crb_test_find (GTK_WIDGET (window), CRB_TYPE_ARTICLE_COLUMNS);
}

/* Every column widget made, in view or waiting to be. */
static guint
count_column_widgets (CrbWindow *window)
{
  g_autoptr (GPtrArray) views = crb_test_find_all (columns_of (window), CRB_TYPE_ARTICLE_VIEW);

  return views->len;
}

/* The articles the columns in view show: each whole and readable. */
static GPtrArray *
articles_in_view (CrbWindow *window)
{
  GtkWidget *columns = columns_of (window);
  GtkWidget *scroller = gtk_widget_get_parent (columns);
  g_autoptr (GPtrArray) views = crb_test_find_all (columns, CRB_TYPE_ARTICLE_VIEW);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  double width = gtk_widget_get_width (scroller);

  for (guint i = 0; i < views->len; i++)
    {
      GtkWidget *view = g_ptr_array_index (views, i);
      CrbArticle *article = crb_article_view_get_article (CRB_ARTICLE_VIEW (view));
      graphene_rect_t r;

      if (!gtk_widget_get_mapped (view) || !gtk_widget_compute_bounds (view, scroller, &r) ||
          r.origin.x + r.size.width <= 0.5 || r.origin.x >= width - 0.5)
        continue;   /* a scroll away */
      g_assert_nonnull (article);
      g_assert_cmpfloat (r.origin.x, >=, -0.5);
      g_assert_cmpfloat (r.origin.x + r.size.width, <=, width + 0.5);
      g_assert_cmpfloat (r.size.width, >=, 280 - 0.5);
      g_ptr_array_add (ids, g_strdup (crb_article_get_id (article)));
    }
  return ids;
}

static const char *
article_id_at (CrbStory *story,
               guint     position)
{
  g_autoptr (CrbArticle) article = g_list_model_get_item (crb_story_get_articles (story), position);

  return crb_article_get_id (article);
}

static void
test_columns_in_view (void)
{
  CrbWindow *window = open_big_story (1280, 800);
  CrbStory *story = crb_window_get_story (window);
  GtkWidget *columns = columns_of (window);
  GtkAdjustment *hadj = gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (gtk_widget_get_parent (columns)));
  g_autoptr (GPtrArray) first = NULL;
  g_autoptr (GPtrArray) last = NULL;
  const char *far_id;
  CrbClaim *far_claim = NULL;

  g_assert_cmpuint (crb_story_get_n_articles (story), ==, N_ARTICLES);
  g_assert_cmpuint (crb_article_columns_get_n_shown (CRB_ARTICLE_COLUMNS (columns)), ==, N_ARTICLES);
  g_assert_cmpuint (count_column_widgets (window), <=, MAX_COLUMN_WIDGETS);

  /* The first articles are in view, the others have no column yet. */
  first = articles_in_view (window);
  g_assert_cmpuint (first->len, >=, 1);
  g_assert_cmpstr (g_ptr_array_index (first, 0), ==, article_id_at (story, 0));
  g_assert_nonnull (crb_window_get_article_view (window, article_id_at (story, 0)));
  g_assert_null (crb_window_get_article_view (window, article_id_at (story, N_ARTICLES - 1)));

  /* Scrolled to the end: the last articles come into view, in columns
   * recycled from the first ones.
   */
  gtk_adjustment_set_value (hadj, gtk_adjustment_get_upper (hadj) - gtk_adjustment_get_page_size (hadj));
  crb_test_iterate (300);
  last = articles_in_view (window);
  g_assert_cmpuint (last->len, ==, first->len);
  g_assert_cmpstr (g_ptr_array_index (last, last->len - 1), ==, article_id_at (story, N_ARTICLES - 1));
  g_assert_null (crb_window_get_article_view (window, article_id_at (story, 0)));
  g_assert_cmpuint (count_column_widgets (window), <=, MAX_COLUMN_WIDGETS);
  crb_test_screenshot (GTK_WIDGET (window), "big-story-scrolled-to-end");

  /* Selecting a claim of an article out of view brings its column, with
   * the claim selected in it.
   */
  far_id = article_id_at (story, N_ARTICLES / 2);
  for (guint i = 0; i < crb_story_get_n_claims (story) && far_claim == NULL; i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (crb_story_get_claims (story), i);

      if (g_strcmp0 (crb_claim_get_article_id (claim), far_id) == 0)
        far_claim = claim;
    }
  g_assert_nonnull (far_claim);
  crb_window_select_claim (window, crb_claim_get_id (far_claim));
  crb_test_iterate (300);
  {
    g_autoptr (GPtrArray) now = articles_in_view (window);
    GtkWidget *view = crb_window_get_article_view (window, far_id);
    gboolean shown = FALSE;

    for (guint i = 0; i < now->len; i++)
      shown |= g_strcmp0 (g_ptr_array_index (now, i), far_id) == 0;
    g_assert_true (shown);
    g_assert_nonnull (view);
    g_assert_true (crb_article_view_get_selected_claim (CRB_ARTICLE_VIEW (view)) == far_claim);
  }

  /* Scrolling column by column never makes more widgets. */
  for (guint i = 0; i < 12; i++)
    {
      gtk_adjustment_set_value (hadj, gtk_adjustment_get_value (hadj) + gtk_adjustment_get_page_increment (hadj));
      crb_test_iterate (50);
      g_assert_cmpuint (count_column_widgets (window), <=, MAX_COLUMN_WIDGETS);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The visible rows of the claim panel's linked claims. */
static GPtrArray *
link_rows (CrbWindow *window)
{
  GtkWidget *links = crb_test_find (GTK_WIDGET (window), CRB_TYPE_CLAIM_LINKS);
  g_autoptr (GPtrArray) rows = crb_test_find_all (links, GTK_TYPE_LIST_BOX_ROW);
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < rows->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
      g_ptr_array_add (shown, g_ptr_array_index (rows, i));
  return shown;
}

/* The texts of the labels of @row, joined. */
static char *
row_text (GtkWidget *row)
{
  g_autoptr (GPtrArray) labels = crb_test_find_all (row, GTK_TYPE_LABEL);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      g_string_append_printf (s, "%s|", gtk_label_get_text (g_ptr_array_index (labels, i)));
  return g_string_free (s, FALSE);
}

/* The first visible row whose text contains @needle. */
static GtkWidget *
find_row (CrbWindow  *window,
          const char *needle)
{
  g_autoptr (GPtrArray) rows = link_rows (window);

  for (guint i = 0; i < rows->len; i++)
    {
      g_autofree char *text = row_text (g_ptr_array_index (rows, i));

      if (strstr (text, needle) != NULL)
        return g_ptr_array_index (rows, i);
    }
  return NULL;
}

/* The claim of the biggest fact, in the first article. */
static const char *
claim_of_biggest_fact (CrbStory *story)
{
  CrbAlignment *alignment = crb_story_get_alignment (story);
  const CrbFact *biggest = NULL;

  for (guint f = 0; f < alignment->facts->len; f++)
    {
      const CrbFact *fact = g_ptr_array_index (alignment->facts, f);

      if (biggest == NULL || g_strv_length (fact->claims) > g_strv_length (biggest->claims))
        biggest = fact;
    }
  g_assert_nonnull (biggest);
  return biggest->claims[0];
}

static void
test_panel_by_outlet (void)
{
  CrbWindow *window = open_big_story (1366, 768);
  CrbStory *story = crb_window_get_story (window);
  CrbAlignment *alignment = crb_story_get_alignment (story);
  const char *id = claim_of_biggest_fact (story);
  const CrbFact *fact = crb_alignment_get_fact (alignment, id);
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (GPtrArray) open_rows = NULL;
  g_autoptr (GPtrArray) more_rows = NULL;
  GtkWidget *group, *more;

  /* A fact told by hundreds of claims, summarized. */
  g_assert_cmpuint (g_strv_length (fact->claims), >=, 100);
  g_assert_cmpuint (fact->n_outlets, ==, G_N_ELEMENTS (outlets));
  g_assert_cmpuint (fact->n_links_summarized, >, 0);

  crb_window_select_claim (window, id);
  crb_test_iterate (300);

  /* One row per outlet, not one per claim; the first outlets only. */
  rows = link_rows (window);
  g_assert_cmpuint (rows->len, >=, 2);
  g_assert_cmpuint (rows->len, <=, 8);
  g_assert_nonnull (crb_test_find_label (GTK_WIDGET (window), "The same fact, told by 20 outlets; 4 contradict this claim"));
  /* The outlets that contradict the claim come first, with their values. */
  {
    g_autofree char *text = row_text (g_ptr_array_index (rows, 0));

    g_test_message ("first row: %s", text);
    g_assert_nonnull (strstr (text, "claims · "));
    g_assert_nonnull (strstr (text, "conflict"));
    g_assert_nonnull (strstr (text, "9 killed"));
  }
  crb_test_screenshot (GTK_WIDGET (window), "big-story-panel-1366x768");

  /* An outlet opens on its claims: the one that says why first. */
  group = g_ptr_array_index (rows, 0);
  gtk_widget_activate (group);
  crb_test_iterate (200);
  open_rows = link_rows (window);
  g_assert_cmpuint (open_rows->len, >, rows->len);
  g_assert_nonnull (crb_test_find_label (GTK_WIDGET (window), "The death tolls differ"));
  crb_test_screenshot (GTK_WIDGET (window), "big-story-panel-open-1366x768");
  gtk_widget_activate (group);
  crb_test_iterate (200);
  {
    g_autoptr (GPtrArray) closed = link_rows (window);
    g_assert_cmpuint (closed->len, ==, rows->len);
  }

  /* An outlet that agrees: its claims with no stored link say so. */
  group = NULL;
  for (guint i = 0; i < rows->len && group == NULL; i++)
    {
      g_autofree char *text = row_text (g_ptr_array_index (rows, i));

      if (strstr (text, " claims") != NULL && strstr (text, "conflicting") == NULL)
        group = g_ptr_array_index (rows, i);
    }
  g_assert_nonnull (group);
  gtk_widget_activate (group);
  crb_test_iterate (200);
  g_assert_nonnull (find_row (window, "same fact"));
  gtk_widget_activate (group);
  crb_test_iterate (200);

  /* The other outlets are a row away. */
  more = find_row (window, "More Outlets");
  g_assert_nonnull (more);
  gtk_widget_activate (more);
  crb_test_iterate (200);
  more_rows = link_rows (window);
  g_assert_cmpuint (more_rows->len, >, rows->len);
  g_assert_cmpuint (more_rows->len, <=, G_N_ELEMENTS (outlets));
  g_assert_null (find_row (window, "More Outlets"));

  /* The next claim starts closed again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "claim.next", NULL);
  crb_test_iterate (200);
  {
    g_autoptr (GPtrArray) next = link_rows (window);
    g_assert_cmpuint (next->len, <=, 8);
  }

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

static GtkWidget *
note_banner (CrbWindow *window)
{
  g_autoptr (GPtrArray) revealers = crb_test_find_all (GTK_WIDGET (window), GTK_TYPE_REVEALER);

  for (guint i = 0; i < revealers->len; i++)
    {
      GtkWidget *child = gtk_revealer_get_child (g_ptr_array_index (revealers, i));

      if (child != NULL && gtk_widget_has_css_class (child, "crb-note-banner"))
        return g_ptr_array_index (revealers, i);
    }
  return NULL;
}

static void
test_note_shown (void)
{
  CrbWindow *window = open_big_story (1280, 800);
  CrbAlignment *alignment = crb_story_get_alignment (crb_window_get_story (window));
  GtkWidget *banner = note_banner (window);

  g_assert_nonnull (alignment->note);
  g_assert_nonnull (banner);
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_nonnull (crb_test_find_label (banner, "This story is big: some of its links are summarized."));
  {
    g_autoptr (GPtrArray) labels = crb_test_find_all (banner, GTK_TYPE_LABEL);
    gboolean details = FALSE;

    /* The details say what was summarized, in the reviewer's words. */
    for (guint i = 0; i < labels->len; i++)
      details |= strstr (gtk_label_get_text (g_ptr_array_index (labels, i)), "links inside") != NULL;
    g_assert_true (details);
  }

  /* Dismissed, it stays away for the story. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.dismiss-note", NULL);
  crb_test_iterate (100);
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* The Shown Articles menu lists 240 articles with rows for those in view,
 * and unchecking one takes its column away.
 */
static void
test_shown_articles_menu (void)
{
  CrbWindow *window = open_big_story (1280, 800);
  CrbStory *story = crb_window_get_story (window);
  GtkWidget *columns = columns_of (window);
  g_autoptr (GPtrArray) buttons = crb_test_find_all (GTK_WIDGET (window), GTK_TYPE_MENU_BUTTON);
  GtkWidget *menu = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  GtkWidget *check = NULL;

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i)), "Shown Articles") == 0)
      menu = g_ptr_array_index (buttons, i);
  g_assert_nonnull (menu);
  gtk_menu_button_popup (GTK_MENU_BUTTON (menu));
  crb_test_iterate (300);

  checks = crb_test_find_all (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))),
                              GTK_TYPE_CHECK_BUTTON);
  g_assert_cmpuint (checks->len, >, 0);
  g_assert_cmpuint (checks->len, <, N_ARTICLES);
  crb_test_screenshot (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu))), "big-story-shown-articles");

  /* Uncheck the first article: its column goes, the next is first. */
  for (guint i = 0; i < checks->len && check == NULL; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (checks, i)))
      check = g_ptr_array_index (checks, i);
  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), FALSE);
  crb_test_iterate (200);
  g_assert_cmpuint (crb_article_columns_get_n_shown (CRB_ARTICLE_COLUMNS (columns)), ==, N_ARTICLES - 1);
  g_assert_null (crb_window_get_article_view (window, article_id_at (story, 0)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  crb_test_iterate (200);
  g_assert_cmpuint (crb_article_columns_get_n_shown (CRB_ARTICLE_COLUMNS (columns)), ==, N_ARTICLES);
  gtk_menu_button_popdown (GTK_MENU_BUTTON (menu));

  gtk_window_destroy (GTK_WINDOW (window));
  crb_test_assert_no_warnings ();
}

/* How the big story looks, for people to judge. */
static void
test_screenshots (void)
{
  static const struct { int width, height; gboolean dark; } sizes[] = {
    { 1024, 700, FALSE }, { 1024, 700, TRUE }, { 1920, 1080, FALSE }, { 1920, 1080, TRUE },
  };

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *name = g_strdup_printf ("big-story-%dx%d-%s", sizes[s].width, sizes[s].height,
                                               sizes[s].dark ? "dark" : "light");
      CrbWindow *window;

      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          sizes[s].dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                        : ADW_COLOR_SCHEME_FORCE_LIGHT);
      window = open_big_story (sizes[s].width, sizes[s].height);
      crb_window_select_claim (window, claim_of_biggest_fact (crb_window_get_story (window)));
      crb_test_iterate (300);
      g_assert_cmpuint (count_column_widgets (window), <=, MAX_COLUMN_WIDGETS);
      crb_test_screenshot (GTK_WIDGET (window), name);
      gtk_window_destroy (GTK_WINDOW (window));
    }

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
  crb_test_assert_no_warnings ();
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  tmp_dir = g_dir_make_tmp ("crb-big-story-XXXXXX", NULL);
  {
    g_autofree char *data = g_build_filename (tmp_dir, "data", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
  }
  crb_test_app_init (&argc, &argv);

  g_test_add_func ("/corroborate/big-story/columns-in-view", test_columns_in_view);
  g_test_add_func ("/corroborate/big-story/panel-by-outlet", test_panel_by_outlet);
  g_test_add_func ("/corroborate/big-story/note-shown", test_note_shown);
  g_test_add_func ("/corroborate/big-story/shown-articles-menu", test_shown_articles_menu);
  g_test_add_func ("/corroborate/big-story/screenshots", test_screenshots);

  ret = crb_test_app_run ();
  crb_test_remove_tree (tmp_dir);
  g_free (tmp_dir);
  return ret;
}
