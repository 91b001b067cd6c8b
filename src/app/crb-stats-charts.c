/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-stats-charts"

#include "config.h"

#include "crb-stats-charts.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

/*
 * The statistics' pictures, as shapes (crb-chart.c) for a width and a
 * style: who contradicts whom (an outlet × outlet matrix of the facts two
 * outlets conflict and agree on), the figures outlets report differently,
 * by outlet and date, and in a team project how well the reviewers agree
 * (Cohen's κ of each pair, and the agreement by story and by reviewer).
 * Colours are GNOME's palette, lighter on dark; every count is written
 * out, not only coloured.
 */

#define MARGIN      16.0
#define TITLE_SIZE  15.0
#define TEXT_SIZE   12.0

typedef struct
{
  GdkRGBA background;
  GdkRGBA fg;
  GdkRGBA dim;
  GdkRGBA grid;
  GdkRGBA neutral;
  GdkRGBA conflict;
  GdkRGBA agree;
  GdkRGBA line;
  GdkRGBA outlets[10];
} Palette;

static void
parse (GdkRGBA    *color,
       const char *spec)
{
  gboolean ok = gdk_rgba_parse (color, spec);

  g_assert (ok);
}

static void
palette_init (Palette  *p,
              gboolean  dark)
{
  /* GNOME's palette: the fourth shades on light, the second on dark. */
  static const char * const light_outlets[] = {
    "#1c71d8", "#e66100", "#813d9c", "#26a269", "#c01c28", "#986a44", "#1a5fb4", "#c64600", "#613583", "#a51d2d",
  };
  static const char * const dark_outlets[] = {
    "#62a0ea", "#ffa348", "#c061cb", "#57e389", "#f66151", "#cdab8f", "#99c1f1", "#ffbe6f", "#dc8add", "#ff7b63",
  };

  parse (&p->background, dark ? "#1e1e1e" : "#ffffff");
  parse (&p->fg, dark ? "rgba(255,255,255,0.92)" : "rgba(0,0,0,0.82)");
  parse (&p->dim, dark ? "rgba(255,255,255,0.62)" : "rgba(0,0,0,0.58)");
  parse (&p->grid, dark ? "rgba(255,255,255,0.12)" : "rgba(0,0,0,0.10)");
  parse (&p->neutral, dark ? "rgba(255,255,255,0.06)" : "rgba(0,0,0,0.05)");
  parse (&p->conflict, dark ? "#ed333b" : "#e01b24");
  parse (&p->agree, dark ? "#33d17a" : "#2ec27e");
  parse (&p->line, dark ? "rgba(255,255,255,0.35)" : "rgba(0,0,0,0.3)");
  for (guint i = 0; i < G_N_ELEMENTS (p->outlets); i++)
    parse (&p->outlets[i], dark ? dark_outlets[i] : light_outlets[i]);
}

static GdkRGBA
with_alpha (const GdkRGBA *color,
            double         alpha)
{
  GdkRGBA c = *color;

  c.alpha = alpha;
  return c;
}

/* The title and the line under it, when @titled; returns the baseline
 * reached.
 */
static double
add_heading (CrbChart      *chart,
             PangoContext  *context,
             const Palette *p,
             double         width,
             gboolean       titled,
             const char    *title,
             const char    *subtitle)
{
  g_autofree char *fitted = crb_chart_fit_text (context, subtitle, TEXT_SIZE, FALSE, width - 2 * MARGIN);
  double y = MARGIN + TITLE_SIZE;

  if (!titled)
    return MARGIN - 14;

  crb_chart_text (chart, MARGIN, y, title, TITLE_SIZE, TRUE, CRB_ANCHOR_START, 0, &p->fg);
  y += 20;
  crb_chart_text (chart, MARGIN, y, fitted, TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p->dim);
  return y;
}

/**
 * crb_stats_chart_matrix:
 *
 * Who contradicts whom: a row and a column per outlet; each cell says on
 * how many facts the two conflict (≠, red) and agree (=, green).
 */
CrbChart *
crb_stats_chart_matrix (CrbStats     *stats,
                        double        width,
                        gboolean      dark,
                        gboolean      titled,
                        PangoContext *context)
{
  guint n = stats->outlets->len;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double label_w = 0, diag, cell, grid_x, grid_y, y, needed;
  guint max_agree = 1;
  CrbChart *chart;
  Palette p;

  palette_init (&p, dark);
  chart = crb_chart_new (MAX (width, 320), 100, &p.background);
  y = add_heading (chart, context, &p, MAX (width, 320), titled, _("Who contradicts whom"),
                   _("The facts two outlets both report: on how many they conflict (≠) and agree (=)"));

  if (n < 2)
    {
      y += 28;
      crb_chart_text (chart, MARGIN, y, _("Fewer than two outlets: nothing to compare."), TEXT_SIZE, FALSE,
                      CRB_ANCHOR_START, 0, &p.fg);
      crb_chart_set_size (chart, MAX (width, 320), y + MARGIN);
      return chart;
    }

  for (guint i = 0; i < n; i++)
    {
      char *name = crb_chart_fit_text (context, g_ptr_array_index (stats->outlets, i), TEXT_SIZE, FALSE, 200);

      label_w = MAX (label_w, crb_chart_text_width (context, name, TEXT_SIZE, FALSE));
      g_ptr_array_add (names, name);
    }
  for (guint k = 0; k < n * n; k++)
    {
      max_agree = MAX (max_agree, stats->agree[k]);
    }

  /* Column labels slant up to the right, at 45°. */
  diag = label_w * G_SQRT2 / 2;
  grid_x = MARGIN + label_w + 12;
  cell = CLAMP ((width - grid_x - MARGIN - diag) / n, 44, 80);
  grid_y = y + 18 + diag;
  needed = grid_x + n * cell + diag + MARGIN;
  /* Centred in the room it has. */
  if (width > needed)
    grid_x += (width - needed) / 2;

  for (guint j = 0; j < n; j++)
    crb_chart_text (chart, grid_x + j * cell + cell / 2 - 4, grid_y - 8, g_ptr_array_index (names, j), TEXT_SIZE,
                    FALSE, CRB_ANCHOR_START, -45, &p.fg);

  for (guint i = 0; i < n; i++)
    {
      double cy = grid_y + i * cell + cell / 2;

      crb_chart_text (chart, grid_x - 10, cy + 4, g_ptr_array_index (names, i), TEXT_SIZE, FALSE, CRB_ANCHOR_END, 0,
                      &p.fg);
      for (guint j = 0; j < n; j++)
        {
          double x = grid_x + j * cell, cx = x + cell / 2;
          guint c = stats->conflict[i * n + j], a = stats->agree[i * n + j];
          g_autofree char *conflicts = g_strdup_printf ("≠ %u", c);
          g_autofree char *agreements = g_strdup_printf ("= %u", a);
          GdkRGBA fill;

          if (i == j)
            fill = p.neutral;
          else if (c > 0)
            /* As red as the share of their common facts they conflict on. */
            fill = with_alpha (&p.conflict, 0.16 + 0.44 * c / (double) (c + a));
          else if (a > 0)
            fill = with_alpha (&p.agree, 0.18 + 0.37 * a / max_agree);
          else
            fill = p.neutral;
          crb_chart_rect (chart, x + 2, grid_y + i * cell + 2, cell - 4, cell - 4, 6, &fill);

          if (i == j)
            crb_chart_text (chart, cx, cy + 4, "—", TEXT_SIZE, FALSE, CRB_ANCHOR_MIDDLE, 0, &p.dim);
          else if (c > 0 && a > 0)
            {
              crb_chart_text (chart, cx, cy - 3, conflicts, 13, TRUE, CRB_ANCHOR_MIDDLE, 0, &p.fg);
              crb_chart_text (chart, cx, cy + 13, agreements, TEXT_SIZE, FALSE, CRB_ANCHOR_MIDDLE, 0, &p.fg);
            }
          else if (c > 0)
            crb_chart_text (chart, cx, cy + 5, conflicts, 13, TRUE, CRB_ANCHOR_MIDDLE, 0, &p.fg);
          else if (a > 0)
            crb_chart_text (chart, cx, cy + 5, agreements, 13, FALSE, CRB_ANCHOR_MIDDLE, 0, &p.fg);
          else
            crb_chart_text (chart, cx, cy + 4, "·", TEXT_SIZE, FALSE, CRB_ANCHOR_MIDDLE, 0, &p.dim);
        }
    }

  /* The legend. */
  y = grid_y + n * cell + 24;
  {
    GdkRGBA conflict = with_alpha (&p.conflict, 0.6), agree = with_alpha (&p.agree, 0.55);
    const char *conflict_text = _("≠ facts on which they conflict");
    const char *agree_text = _("= facts on which they agree");
    double x = MARGIN;

    crb_chart_rect (chart, x, y - 10, 12, 12, 3, &conflict);
    crb_chart_text (chart, x + 18, y, conflict_text, TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p.fg);
    x += 18 + crb_chart_text_width (context, conflict_text, TEXT_SIZE, FALSE) + 24;
    if (x + 18 + crb_chart_text_width (context, agree_text, TEXT_SIZE, FALSE) > MAX (width, needed) - MARGIN)
      {
        x = MARGIN;
        y += 20;
      }
    crb_chart_rect (chart, x, y - 10, 12, 12, 3, &agree);
    crb_chart_text (chart, x + 18, y, agree_text, TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p.fg);
  }

  crb_chart_set_size (chart, MAX (width, needed), y + MARGIN);
  return chart;
}

/* A round step for @span / @n: 1, 2 or 5 times a power of ten, and a
 * whole number for a span of whole numbers (counts of people).
 */
static double
nice_step (double span,
           guint  n)
{
  double raw = span / n, power = pow (10, floor (log10 (raw))), f = raw / power;

  if (f <= 1)
    return power;
  if (f <= 2)
    return 2 * power;
  if (f <= 5)
    return 5 * power;
  return 10 * power;
}

static char *
format_tick (double value)
{
  if (fabs (value - round (value)) < 1e-9)
    return g_strdup_printf ("%'.0f", value);
  return g_strdup_printf ("%'.1f", value);
}

static char *
format_day (const char *date)
{
  g_autofree char *iso = NULL;
  g_autoptr (GDateTime) dt = NULL;
  char *text;

  if (date == NULL)
    return g_strdup (_("undated"));
  iso = g_strconcat (date, "T12:00:00Z", NULL);
  dt = g_date_time_new_from_iso8601 (iso, NULL);
  if (dt == NULL)
    return g_strdup (date);
  /* Translators: a short date in a chart, see g_date_time_format(): "5 Mar 2025" */
  text = g_date_time_format (dt, _("%-d %b %Y"));
  return text ? g_strstrip (text) : g_strdup (date);
}

/* One figure: its title, the fact, then a bar per report, in the order
 * of their dates (undated last), each with its outlet, date and value as
 * written: a toll that rises from report to report grows down the bars.
 */
static double
add_figure (CrbChart      *chart,
            CrbStats      *stats,
            CrbFigure     *figure,
            double         y,
            double         width,
            const Palette *p,
            PangoContext  *context)
{
  const double row_h = 36, bar_h = 14;
  gboolean whole = TRUE;
  double vmin = 0, vmax = 0, step, top, label_w = 0, value_w = 0, x0, x1, rows_top;
  g_autofree char *claim = NULL, *quoted = NULL;
  guint n_ticks;

  /* "Deaths · Harbor bridge collapse", then the fact's first claim. */
  y += 30;
  crb_chart_text (chart, MARGIN, y, figure->label, 13, TRUE, CRB_ANCHOR_START, 0, &p->fg);
  {
    double x = MARGIN + crb_chart_text_width (context, figure->label, 13, TRUE);
    g_autofree char *story = g_strdup_printf (" · %s", figure->story);
    g_autofree char *fitted = crb_chart_fit_text (context, story, TEXT_SIZE, FALSE, width - MARGIN - x);

    crb_chart_text (chart, x, y, fitted, TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p->dim);
  }
  y += 18;
  quoted = g_strdup_printf ("“%s”", figure->claim);
  claim = crb_chart_fit_text (context, quoted, TEXT_SIZE, FALSE, width - 2 * MARGIN);
  crb_chart_text (chart, MARGIN, y, claim, TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p->dim);

  for (guint i = 0; i < figure->points->len; i++)
    {
      CrbFigurePoint *point = g_ptr_array_index (figure->points, i);
      g_autofree char *day = format_day (point->date);

      vmax = MAX (vmax, point->value);
      vmin = MIN (vmin, point->value);
      whole &= fabs (point->value - round (point->value)) < 1e-9;
      label_w = MAX (label_w, crb_chart_text_width (context, point->outlet, TEXT_SIZE, FALSE));
      label_w = MAX (label_w, crb_chart_text_width (context, day, TEXT_SIZE, FALSE));
      value_w = MAX (value_w, crb_chart_text_width (context, point->text, TEXT_SIZE, TRUE));
    }
  label_w = MIN (label_w, width / 3);
  if (vmax <= vmin)
    vmax = vmin + 1;
  step = MAX (nice_step (vmax - vmin, 4), whole ? 1 : 0);
  top = ceil (vmax / step) * step;
  vmin = floor (vmin / step) * step;
  n_ticks = (guint) round ((top - vmin) / step);

  x0 = MARGIN + label_w + 16;
  x1 = MAX (x0 + 80, width - MARGIN - value_w - 8);
  rows_top = y + 12;

  /* The scale: faint lines down the rows, their values under them. */
  for (guint t = 0; t <= n_ticks; t++)
    {
      g_autofree char *label = format_tick (vmin + t * step);
      double tx = x0 + (x1 - x0) * t / n_ticks;

      crb_chart_line (chart, tx, rows_top, tx, rows_top + row_h * figure->points->len, 1, &p->grid);
      crb_chart_text (chart, tx, rows_top + row_h * figure->points->len + 16, label, TEXT_SIZE, FALSE,
                      CRB_ANCHOR_MIDDLE, 0, &p->dim);
    }

  for (guint i = 0; i < figure->points->len; i++)
    {
      CrbFigurePoint *point = g_ptr_array_index (figure->points, i);
      int index = crb_stats_outlet_index (stats, point->outlet);
      const GdkRGBA *color = &p->outlets[MAX (index, 0) % G_N_ELEMENTS (p->outlets)];
      double ry = rows_top + i * row_h;
      double zero = x0 + (x1 - x0) * (0 - vmin) / (top - vmin);
      double end = x0 + (x1 - x0) * (point->value - vmin) / (top - vmin);
      g_autofree char *outlet = crb_chart_fit_text (context, point->outlet, TEXT_SIZE, FALSE, label_w);
      g_autofree char *day = format_day (point->date);

      crb_chart_text (chart, MARGIN, ry + 15, outlet, TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p->fg);
      crb_chart_text (chart, MARGIN, ry + 30, day, TEXT_SIZE - 1, FALSE, CRB_ANCHOR_START, 0, &p->dim);
      crb_chart_rect (chart, MIN (zero, end), ry + (row_h - bar_h) / 2, MAX (fabs (end - zero), 3), bar_h, 4,
                      color);
      crb_chart_text (chart, MAX (zero, end) + 8, ry + row_h / 2 + 4, point->text, TEXT_SIZE, TRUE,
                      CRB_ANCHOR_START, 0, &p->fg);
    }

  return rows_top + row_h * figure->points->len + 16;
}

/**
 * crb_stats_chart_figures:
 *
 * The figures of facts that outlets report differently: for each, its
 * values by outlet (colour) and by the date of their articles (a toll
 * rising from one report to the next).
 */
CrbChart *
crb_stats_chart_figures (CrbStats     *stats,
                         double        width,
                         gboolean      dark,
                         gboolean      titled,
                         PangoContext *context)
{
  CrbChart *chart;
  Palette p;
  double y;

  width = MAX (width, 360);
  palette_init (&p, dark);
  chart = crb_chart_new (width, 100, &p.background);
  y = add_heading (chart, context, &p, width, titled, _("Figures reported differently"),
                   _("A fact's figure as each report gives it, by the date of its article"));
  if (stats->figures->len == 0)
    {
      y += 28;
      crb_chart_text (chart, MARGIN, y, _("Every figure is reported alike by the outlets that give it."),
                      TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p.fg);
    }
  for (guint i = 0; i < stats->figures->len; i++)
    y = add_figure (chart, stats, g_ptr_array_index (stats->figures, i), y + (i ? 12 : 0), width, &p, context);

  crb_chart_set_size (chart, width, y + MARGIN);
  return chart;
}

/* ---- a team's agreement (docs/team.md) ---- */

/* A figure of agreement as people read it: "0.68", "−0.14"; undefined
 * ones (NaN) are a dash.
 */
char *
crb_stats_format_figure (double value)
{
  if (isnan (value) || isinf (value))
    return g_strdup ("—");
  if (fabs (value) < 0.005)
    value = 0;   /* not "-0.00" */
  if (value < 0)
    return g_strdup_printf ("−%.2f", -value);
  return g_strdup_printf ("%.2f", value);
}

/* Landis and Koch's bands of κ, from "slight" to "almost perfect": the
 * colour of a cell, as green as the agreement is good.
 */
static GdkRGBA
kappa_fill (const Palette *p,
            double         kappa,
            gboolean       dark)
{
  GdkRGBA warn;

  if (isnan (kappa))
    return p->neutral;
  if (kappa >= 0.8)
    return with_alpha (&p->agree, 0.6);
  if (kappa >= 0.6)
    return with_alpha (&p->agree, 0.32);
  parse (&warn, dark ? "#f8e45c" : "#f5c211");
  if (kappa >= 0.4)
    return with_alpha (&warn, dark ? 0.32 : 0.45);
  parse (&warn, dark ? "#ffa348" : "#ff7800");
  if (kappa >= 0.2)
    return with_alpha (&warn, 0.38);
  return with_alpha (&p->conflict, 0.38);
}

static const CrbAgreementPair *
find_pair (CrbTeamFigures *team,
           const char     *a,
           const char     *b)
{
  GPtrArray *pairs = team->decisions->pairs;

  for (guint i = 0; i < pairs->len; i++)
    {
      const CrbAgreementPair *pair = g_ptr_array_index (pairs, i);

      if ((g_strcmp0 (pair->a, a) == 0 && g_strcmp0 (pair->b, b) == 0) ||
          (g_strcmp0 (pair->a, b) == 0 && g_strcmp0 (pair->b, a) == 0))
        return pair;
    }
  return NULL;
}

/* The legend of κ's colours, wrapped to @width; returns the last baseline. */
static double
add_kappa_legend (CrbChart      *chart,
                  PangoContext  *context,
                  const Palette *p,
                  gboolean       dark,
                  double         y,
                  double         width)
{
  static const double bands[] = { 0.0, 0.2, 0.4, 0.6, 0.8 };
  const char *words[] = {
    /* Translators: Landis and Koch's words for bands of kappa: below 0.2, 0.2–0.4, … */
    _("below 0.2 slight"), _("0.2 fair"), _("0.4 moderate"), _("0.6 substantial"), _("0.8 almost perfect"),
  };
  double x = MARGIN;

  for (guint i = 0; i < G_N_ELEMENTS (bands); i++)
    {
      GdkRGBA fill = kappa_fill (p, bands[i] + 0.01, dark);
      double w = 18 + crb_chart_text_width (context, words[i], TEXT_SIZE, FALSE) + 18;

      if (x > MARGIN && x + w > width - MARGIN)
        {
          x = MARGIN;
          y += 20;
        }
      crb_chart_rect (chart, x, y - 10, 12, 12, 3, &fill);
      crb_chart_text (chart, x + 18, y, words[i], TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p->fg);
      x += w;
    }
  return y;
}

/**
 * crb_stats_chart_kappa:
 *
 * How well each pair of reviewers agrees: a row and a column per
 * reviewer; each cell gives their Cohen's κ on the claims both decided,
 * and how many those are, coloured by Landis and Koch's bands.  The
 * diagonal gives how many claims each decided.
 */
CrbChart *
crb_stats_chart_kappa (CrbStats     *stats,
                       double        width,
                       gboolean      dark,
                       gboolean      titled,
                       PangoContext *context)
{
  CrbTeamFigures *team = stats->team;
  guint n = team ? g_strv_length (team->reviewers) : 0;
  g_autoptr (GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  double label_w = 0, diag, cell, grid_x, grid_y, y, needed;
  CrbChart *chart;
  Palette p;

  palette_init (&p, dark);
  width = MAX (width, 320);
  chart = crb_chart_new (width, 100, &p.background);
  y = add_heading (chart, context, &p, width, titled, _("Cohen’s κ for each pair of reviewers"),
                   _("On the label of the claims both decided: 1 is full agreement, 0 no better than chance"));

  if (n < 2)
    {
      y += 28;
      crb_chart_text (chart, MARGIN, y, _("Fewer than two reviewers: nothing to compare."), TEXT_SIZE, FALSE,
                      CRB_ANCHOR_START, 0, &p.fg);
      crb_chart_set_size (chart, width, y + MARGIN);
      return chart;
    }

  for (guint i = 0; i < n; i++)
    {
      char *name = crb_chart_fit_text (context, team->reviewers[i], TEXT_SIZE, FALSE, 160);

      label_w = MAX (label_w, crb_chart_text_width (context, name, TEXT_SIZE, FALSE));
      g_ptr_array_add (names, name);
    }

  diag = label_w * G_SQRT2 / 2;
  grid_x = MARGIN + label_w + 12;
  cell = CLAMP ((width - grid_x - MARGIN - diag) / n, 64, 96);
  grid_y = y + 18 + diag;
  needed = grid_x + n * cell + diag + MARGIN;
  if (width > needed)
    grid_x += (width - needed) / 2;

  for (guint j = 0; j < n; j++)
    crb_chart_text (chart, grid_x + j * cell + cell / 2 - 4, grid_y - 8, g_ptr_array_index (names, j), TEXT_SIZE,
                    FALSE, CRB_ANCHOR_START, -45, &p.fg);

  for (guint i = 0; i < n; i++)
    {
      double cy = grid_y + i * cell + cell / 2;

      crb_chart_text (chart, grid_x - 10, cy + 4, g_ptr_array_index (names, i), TEXT_SIZE, FALSE, CRB_ANCHOR_END, 0,
                      &p.fg);
      for (guint j = 0; j < n; j++)
        {
          double x = grid_x + j * cell, cx = x + cell / 2;
          const CrbAgreementPair *pair = i == j ? NULL : find_pair (team, team->reviewers[i], team->reviewers[j]);
          GdkRGBA fill;

          if (i == j)
            {
              g_autofree char *decided = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u decided",
                                                                      "%u decided", team->reviewer_decisions[i]),
                                                          team->reviewer_decisions[i]);

              crb_chart_rect (chart, x + 2, grid_y + i * cell + 2, cell - 4, cell - 4, 6, &p.neutral);
              crb_chart_text (chart, cx, cy + 4, decided, TEXT_SIZE - 1, FALSE, CRB_ANCHOR_MIDDLE, 0, &p.dim);
              continue;
            }

          fill = pair && pair->items > 0 ? kappa_fill (&p, pair->cohen_kappa, dark) : p.neutral;
          crb_chart_rect (chart, x + 2, grid_y + i * cell + 2, cell - 4, cell - 4, 6, &fill);
          if (pair == NULL || pair->items == 0)
            crb_chart_text (chart, cx, cy + 4, "·", TEXT_SIZE, FALSE, CRB_ANCHOR_MIDDLE, 0, &p.dim);
          else
            {
              g_autofree char *kappa = crb_stats_format_figure (pair->cohen_kappa);
              g_autofree char *items = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims",
                                                                     pair->items), pair->items);

              crb_chart_text (chart, cx, cy - 2, kappa, 15, TRUE, CRB_ANCHOR_MIDDLE, 0, &p.fg);
              crb_chart_text (chart, cx, cy + 15, items, TEXT_SIZE - 1, FALSE, CRB_ANCHOR_MIDDLE, 0, &p.fg);
            }
        }
    }

  y = add_kappa_legend (chart, context, &p, dark, grid_y + n * cell + 24, MAX (width, needed));
  crb_chart_set_size (chart, MAX (width, needed), y + MARGIN);
  return chart;
}

typedef struct
{
  const char *label;
  char       *detail;    /* under the label: "12 claims" */
  double      observed;  /* 0 … 1, or NaN */
  char       *figures;   /* after the bar: "α 0.68 · κ 0.70" */
  guint       color;
} AgreementBar;

static void
agreement_bar_clear (AgreementBar *bar)
{
  g_free (bar->detail);
  g_free (bar->figures);
}

/* Where the bars of every section go: after the widest label, before the
 * widest figures, so that the sections share one scale.
 */
static void
bar_columns (PangoContext *context,
             GArray      **sections,
             guint         n_sections,
             double        width,
             double       *label_w,
             double       *x0,
             double       *x1)
{
  double value_w = 0;

  *label_w = 0;
  for (guint s = 0; s < n_sections; s++)
    for (guint i = 0; i < sections[s]->len; i++)
      {
        AgreementBar *bar = &g_array_index (sections[s], AgreementBar, i);

        *label_w = MAX (*label_w, crb_chart_text_width (context, bar->label, TEXT_SIZE, FALSE));
        *label_w = MAX (*label_w, crb_chart_text_width (context, bar->detail, TEXT_SIZE - 1, FALSE));
        value_w = MAX (value_w, crb_chart_text_width (context, bar->figures, TEXT_SIZE, FALSE) + 56);
      }
  *label_w = MIN (*label_w, width / 3);
  *x0 = MARGIN + *label_w + 16;
  *x1 = MAX (*x0 + 80, width - MARGIN - value_w - 8);
}

static char *
format_percent (double share)
{
  if (isnan (share))
    return g_strdup ("—");
  /* Translators: a share in percent: "81%" */
  return g_strdup_printf (_("%.0f%%"), share * 100);
}

/* A section of bars under its heading; returns the baseline reached. */
static double
add_bars (CrbChart      *chart,
          PangoContext  *context,
          const Palette *p,
          double         y,
          const char    *heading,
          GArray        *bars,
          double         label_w,
          double         x0,
          double         x1)
{
  const double row_h = 40, bar_h = 14;
  double rows_top;

  if (bars->len == 0)
    return y;

  y += 30;
  crb_chart_text (chart, MARGIN, y, heading, 13, TRUE, CRB_ANCHOR_START, 0, &p->fg);
  rows_top = y + 10;

  for (guint t = 0; t <= 4; t++)
    {
      g_autofree char *tick = format_percent (t * 0.25);
      double tx = x0 + (x1 - x0) * t / 4;

      crb_chart_line (chart, tx, rows_top, tx, rows_top + row_h * bars->len, 1, &p->grid);
      crb_chart_text (chart, tx, rows_top + row_h * bars->len + 16, tick, TEXT_SIZE - 1, FALSE, CRB_ANCHOR_MIDDLE,
                      0, &p->dim);
    }

  for (guint i = 0; i < bars->len; i++)
    {
      AgreementBar *bar = &g_array_index (bars, AgreementBar, i);
      double ry = rows_top + i * row_h;
      double share = isnan (bar->observed) ? 0 : CLAMP (bar->observed, 0, 1);
      double end = MAX (x0 + (x1 - x0) * share, x0 + 3);
      g_autofree char *label = crb_chart_fit_text (context, bar->label, TEXT_SIZE, FALSE, label_w);
      g_autofree char *detail = crb_chart_fit_text (context, bar->detail, TEXT_SIZE - 1, FALSE, label_w);
      g_autofree char *percent = format_percent (bar->observed);

      crb_chart_text (chart, MARGIN, ry + 16, label, TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p->fg);
      crb_chart_text (chart, MARGIN, ry + 31, detail, TEXT_SIZE - 1, FALSE, CRB_ANCHOR_START, 0, &p->dim);
      crb_chart_rect (chart, x0, ry + (row_h - bar_h) / 2, end - x0, bar_h, 4,
                      &p->outlets[bar->color % G_N_ELEMENTS (p->outlets)]);
      crb_chart_text (chart, end + 8, ry + row_h / 2 + 4, percent, TEXT_SIZE, TRUE, CRB_ANCHOR_START, 0, &p->fg);
      crb_chart_text (chart, end + 8 + crb_chart_text_width (context, percent, TEXT_SIZE, TRUE) + 8,
                      ry + row_h / 2 + 4, bar->figures, TEXT_SIZE, FALSE, CRB_ANCHOR_START, 0, &p->dim);
    }
  return rows_top + row_h * bars->len + 16;
}

/**
 * crb_stats_chart_agreement:
 *
 * How often reviewers agree, story by story, reviewer by reviewer, and
 * on links: a bar of the observed share of agreeing pairs of decisions,
 * then the chance-corrected figures (Krippendorff's α and Fleiss' κ for a
 * story, a reviewer's mean Cohen's κ with the others).
 */
CrbChart *
crb_stats_chart_agreement (CrbStats     *stats,
                           double        width,
                           gboolean      dark,
                           gboolean      titled,
                           PangoContext *context)
{
  CrbTeamFigures *team = stats->team;
  g_autoptr (GArray) stories = g_array_new (FALSE, TRUE, sizeof (AgreementBar));
  g_autoptr (GArray) reviewers = g_array_new (FALSE, TRUE, sizeof (AgreementBar));
  g_autoptr (GArray) links = g_array_new (FALSE, TRUE, sizeof (AgreementBar));
  CrbChart *chart;
  Palette p;
  double y;

  g_array_set_clear_func (stories, (GDestroyNotify) agreement_bar_clear);
  g_array_set_clear_func (reviewers, (GDestroyNotify) agreement_bar_clear);
  g_array_set_clear_func (links, (GDestroyNotify) agreement_bar_clear);
  width = MAX (width, 360);
  palette_init (&p, dark);
  chart = crb_chart_new (width, 100, &p.background);
  y = add_heading (chart, context, &p, width, titled, _("Agreement by story and by reviewer"),
                   _("The share of agreeing pairs of decisions, then the figures corrected for chance"));

  for (guint i = 0; team != NULL && i < team->stories->len; i++)
    {
      CrbTeamStoryFigures *figures = g_ptr_array_index (team->stories, i);
      g_autofree char *alpha = crb_stats_format_figure (figures->krippendorff_alpha);
      g_autofree char *kappa = crb_stats_format_figure (figures->fleiss_kappa);
      AgreementBar bar = { 0 };

      bar.label = stats->team_stories ? g_ptr_array_index (stats->team_stories, i) : figures->id;
      bar.detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", figures->items),
                                    figures->items);
      bar.observed = figures->observed;
      /* Translators: Krippendorff's alpha and Fleiss' kappa of a story */
      bar.figures = g_strdup_printf (_("α %s · Fleiss’ κ %s"), alpha, kappa);
      bar.color = 0;
      g_array_append_val (stories, bar);
    }

  for (guint i = 0; team != NULL && i < team->decisions->coders->len; i++)
    {
      CrbAgreementCoder *coder = g_ptr_array_index (team->decisions->coders, i);
      guint decided = coder->values;
      g_autofree char *kappa = crb_stats_format_figure (coder->mean_cohen_kappa);
      AgreementBar bar = { 0 };

      bar.label = coder->name;
      for (guint r = 0; team->reviewers[r] != NULL; r++)
        if (g_strcmp0 (team->reviewers[r], coder->name) == 0)
          decided = team->reviewer_decisions[r];
      /* Translators: a reviewer's decisions, and how many of them others decided too */
      bar.detail = g_strdup_printf (_("%u decided, %u shared"), decided, coder->items);
      bar.observed = coder->observed;
      /* Translators: a reviewer's mean Cohen's kappa with the others */
      bar.figures = g_strdup_printf (_("mean κ %s"), kappa);
      bar.color = i + 1;
      g_array_append_val (reviewers, bar);
    }

  if (team != NULL && team->links != NULL && team->links->items > 0)
    {
      g_autofree char *alpha = crb_stats_format_figure (team->links->krippendorff_alpha);
      g_autofree char *linked = crb_stats_format_figure (team->links_linked_alpha);
      AgreementBar bar = { 0 };

      bar.label = _("Links made by hand");
      bar.detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u pair of claims", "%u pairs of claims",
                                                 team->links->items), team->links->items);
      bar.observed = team->links->observed;
      /* Translators: Krippendorff's alpha on a link's relation, and on whether a pair is linked at all */
      bar.figures = g_strdup_printf (_("α %s · linked or not: α %s"), alpha, linked);
      bar.color = 3;
      g_array_append_val (links, bar);
    }

  if (stories->len == 0 && reviewers->len == 0)
    {
      y += 28;
      crb_chart_text (chart, MARGIN, y, _("No claim was decided by two reviewers yet."), TEXT_SIZE, FALSE,
                      CRB_ANCHOR_START, 0, &p.fg);
      crb_chart_set_size (chart, width, y + MARGIN);
      return chart;
    }

  {
    GArray *sections[] = { stories, reviewers, links };
    double label_w, x0, x1;

    bar_columns (context, sections, G_N_ELEMENTS (sections), width, &label_w, &x0, &x1);
    y = add_bars (chart, context, &p, y, _("Stories"), stories, label_w, x0, x1);
    y = add_bars (chart, context, &p, y + 8, _("Reviewers"), reviewers, label_w, x0, x1);
    y = add_bars (chart, context, &p, y + 8, _("Links"), links, label_w, x0, x1);
  }
  crb_chart_set_size (chart, width, y + MARGIN);
  return chart;
}
