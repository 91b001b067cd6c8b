/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-chart"

#include "config.h"

#include "crb-chart.h"

#include <errno.h>
#include <math.h>
#include <string.h>

/*
 * A chart as a list of shapes (rectangles, lines, circles, text) with
 * their geometry and colours, made once by a chart's builder
 * (crb-stats-charts.c) and drawn three ways from the same data: into a
 * GtkSnapshot (the window), into a texture saved as PNG, and as SVG
 * written here.  Text is laid out with Pango for the snapshot; the SVG
 * names the same font, size and anchor, so a viewer with the font draws
 * the same picture.
 */

typedef enum
{
  SHAPE_RECT,
  SHAPE_LINE,
  SHAPE_CIRCLE,
  SHAPE_TEXT,
} ShapeKind;

typedef struct
{
  ShapeKind  kind;
  double     x, y, w, h;      /* rect: box; line: x, y to w, h; circle: centre x, y and radius w */
  double     radius;          /* rect: corners; line: width; text: size */
  GdkRGBA    color;
  char      *text;
  gboolean   bold;
  CrbAnchor  anchor;
  double     angle;           /* text: degrees, clockwise */
} Shape;

struct _CrbChart
{
  double     width;
  double     height;
  GdkRGBA    background;
  GArray    *shapes;
};

static void
shape_clear (Shape *shape)
{
  g_free (shape->text);
}

CrbChart *
crb_chart_new (double         width,
               double         height,
               const GdkRGBA *background)
{
  CrbChart *chart = g_new0 (CrbChart, 1);

  chart->width = width;
  chart->height = height;
  chart->background = *background;
  chart->shapes = g_array_new (FALSE, TRUE, sizeof (Shape));
  g_array_set_clear_func (chart->shapes, (GDestroyNotify) shape_clear);
  return chart;
}

void
crb_chart_free (CrbChart *chart)
{
  if (chart == NULL)
    return;
  g_array_unref (chart->shapes);
  g_free (chart);
}

double
crb_chart_get_width (CrbChart *chart)
{
  return chart->width;
}

double
crb_chart_get_height (CrbChart *chart)
{
  return chart->height;
}

void
crb_chart_set_size (CrbChart *chart,
                    double    width,
                    double    height)
{
  chart->width = width;
  chart->height = height;
}

static Shape *
add_shape (CrbChart      *chart,
           ShapeKind      kind,
           const GdkRGBA *color)
{
  Shape shape = { 0 };

  shape.kind = kind;
  shape.color = *color;
  g_array_append_val (chart->shapes, shape);
  return &g_array_index (chart->shapes, Shape, chart->shapes->len - 1);
}

void
crb_chart_rect (CrbChart      *chart,
                double         x,
                double         y,
                double         width,
                double         height,
                double         radius,
                const GdkRGBA *fill)
{
  Shape *shape = add_shape (chart, SHAPE_RECT, fill);

  shape->x = x;
  shape->y = y;
  shape->w = width;
  shape->h = height;
  shape->radius = radius;
}

void
crb_chart_line (CrbChart      *chart,
                double         x1,
                double         y1,
                double         x2,
                double         y2,
                double         width,
                const GdkRGBA *color)
{
  Shape *shape = add_shape (chart, SHAPE_LINE, color);

  shape->x = x1;
  shape->y = y1;
  shape->w = x2;
  shape->h = y2;
  shape->radius = width;
}

void
crb_chart_circle (CrbChart      *chart,
                  double         cx,
                  double         cy,
                  double         radius,
                  const GdkRGBA *fill)
{
  Shape *shape = add_shape (chart, SHAPE_CIRCLE, fill);

  shape->x = cx;
  shape->y = cy;
  shape->w = radius;
}

/**
 * crb_chart_text:
 * @y: the baseline
 * @angle: degrees, clockwise, about (@x, @y)
 */
void
crb_chart_text (CrbChart      *chart,
                double         x,
                double         y,
                const char    *text,
                double         size,
                gboolean       bold,
                CrbAnchor      anchor,
                double         angle,
                const GdkRGBA *color)
{
  Shape *shape = add_shape (chart, SHAPE_TEXT, color);

  shape->x = x;
  shape->y = y;
  shape->text = g_strdup (text);
  shape->radius = size;
  shape->bold = bold;
  shape->anchor = anchor;
  shape->angle = angle;
}

/**
 * crb_chart_count_texts:
 *
 * Returns: how many texts of the chart read @text (for tests)
 */
guint
crb_chart_count_texts (CrbChart   *chart,
                       const char *text)
{
  guint n = 0;

  for (guint i = 0; i < chart->shapes->len; i++)
    {
      Shape *shape = &g_array_index (chart->shapes, Shape, i);

      n += shape->kind == SHAPE_TEXT && g_strcmp0 (shape->text, text) == 0;
    }
  return n;
}

static PangoLayout *
make_layout (PangoContext *context,
             const char   *text,
             double        size,
             gboolean      bold)
{
  PangoLayout *layout = pango_layout_new (context);
  g_autoptr (PangoFontDescription) font = pango_font_description_copy (pango_context_get_font_description (context));

  pango_font_description_set_absolute_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

double
crb_chart_text_width (PangoContext *context,
                      const char   *text,
                      double        size,
                      gboolean      bold)
{
  g_autoptr (PangoLayout) layout = make_layout (context, text, size, bold);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return width;
}

/**
 * crb_chart_fit_text:
 *
 * Returns: @text, cut short with "…" to fit @width
 */
char *
crb_chart_fit_text (PangoContext *context,
                    const char   *text,
                    double        size,
                    gboolean      bold,
                    double        width)
{
  glong n = g_utf8_strlen (text, -1);

  if (crb_chart_text_width (context, text, size, bold) <= width)
    return g_strdup (text);
  while (n > 1)
    {
      g_autofree char *head = g_utf8_substring (text, 0, --n);
      g_autofree char *cut = g_strconcat (g_strchomp (head), "…", NULL);

      if (crb_chart_text_width (context, cut, size, bold) <= width)
        return g_steal_pointer (&cut);
    }
  return g_strdup ("…");
}

/* ---- the snapshot ---- */

static void
snapshot_text (GtkSnapshot  *snapshot,
               PangoContext *context,
               Shape        *shape)
{
  g_autoptr (PangoLayout) layout = make_layout (context, shape->text, shape->radius, shape->bold);
  int width;
  double dx, baseline = pango_layout_get_baseline (layout) / (double) PANGO_SCALE;

  pango_layout_get_pixel_size (layout, &width, NULL);
  dx = shape->anchor == CRB_ANCHOR_MIDDLE ? -width / 2.0 : shape->anchor == CRB_ANCHOR_END ? -width : 0;

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (shape->x, shape->y));
  if (shape->angle != 0)
    gtk_snapshot_rotate (snapshot, shape->angle);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (dx, -baseline));
  gtk_snapshot_append_layout (snapshot, layout, &shape->color);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_line (GtkSnapshot *snapshot,
               Shape       *shape)
{
  double x0 = MIN (shape->x, shape->w) - shape->radius, y0 = MIN (shape->y, shape->h) - shape->radius;
  double x1 = MAX (shape->x, shape->w) + shape->radius, y1 = MAX (shape->y, shape->h) + shape->radius;
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0);
  cairo_t *cr;

  /* Straight lines as thin rectangles: crisp, and no cairo node. */
  if (shape->x == shape->w || shape->y == shape->h)
    {
      if (shape->y == shape->h)
        bounds = GRAPHENE_RECT_INIT (MIN (shape->x, shape->w), shape->y - shape->radius / 2,
                                     fabs (shape->w - shape->x), shape->radius);
      else
        bounds = GRAPHENE_RECT_INIT (shape->x - shape->radius / 2, MIN (shape->y, shape->h), shape->radius,
                                     fabs (shape->h - shape->y));
      gtk_snapshot_append_color (snapshot, &shape->color, &bounds);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &bounds);
  gdk_cairo_set_source_rgba (cr, &shape->color);
  cairo_set_line_width (cr, shape->radius);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, shape->x, shape->y);
  cairo_line_to (cr, shape->w, shape->h);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

/**
 * crb_chart_snapshot:
 * @with_background: whether to fill the chart with its background first
 *   (for pictures saved; in a window the card under it shows)
 */
void
crb_chart_snapshot (CrbChart     *chart,
                    GtkSnapshot  *snapshot,
                    PangoContext *context,
                    gboolean      with_background)
{
  if (with_background)
    gtk_snapshot_append_color (snapshot, &chart->background,
                               &GRAPHENE_RECT_INIT (0, 0, chart->width, chart->height));

  for (guint i = 0; i < chart->shapes->len; i++)
    {
      Shape *shape = &g_array_index (chart->shapes, Shape, i);
      GskRoundedRect rounded;

      switch (shape->kind)
        {
        case SHAPE_RECT:
          gsk_rounded_rect_init_from_rect (&rounded, &GRAPHENE_RECT_INIT (shape->x, shape->y, shape->w, shape->h),
                                           shape->radius);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &shape->color, &rounded.bounds);
          gtk_snapshot_pop (snapshot);
          break;
        case SHAPE_CIRCLE:
          gsk_rounded_rect_init_from_rect (&rounded,
                                           &GRAPHENE_RECT_INIT (shape->x - shape->w, shape->y - shape->w,
                                                                2 * shape->w, 2 * shape->w),
                                           shape->w);
          gtk_snapshot_push_rounded_clip (snapshot, &rounded);
          gtk_snapshot_append_color (snapshot, &shape->color, &rounded.bounds);
          gtk_snapshot_pop (snapshot);
          break;
        case SHAPE_LINE:
          snapshot_line (snapshot, shape);
          break;
        case SHAPE_TEXT:
          snapshot_text (snapshot, context, shape);
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* ---- SVG ---- */

static void
append_color (GString       *svg,
              const char    *attribute,
              const GdkRGBA *color)
{
  g_string_append_printf (svg, " %s=\"#%02x%02x%02x\"", attribute, (int) round (color->red * 255),
                          (int) round (color->green * 255), (int) round (color->blue * 255));
  if (color->alpha < 1.0)
    {
      char number[G_ASCII_DTOSTR_BUF_SIZE];

      g_string_append_printf (svg, " %s-opacity=\"%s\"", attribute,
                              g_ascii_formatd (number, sizeof number, "%.3f", color->alpha));
    }
}

/* Numbers with a dot, whatever the locale. */
static const char *
num (char   *buffer,
     double  value)
{
  return g_ascii_formatd (buffer, G_ASCII_DTOSTR_BUF_SIZE, "%.2f", value);
}

/**
 * crb_chart_to_svg:
 * @context: for the name of the font the snapshot uses
 *
 * Returns: the chart as an SVG document
 */
char *
crb_chart_to_svg (CrbChart     *chart,
                  PangoContext *context)
{
  const PangoFontDescription *font = pango_context_get_font_description (context);
  const char *family = font ? pango_font_description_get_family (font) : NULL;
  g_autofree char *escaped_family = g_markup_escape_text (family ? family : "sans-serif", -1);
  GString *svg = g_string_new (NULL);
  char a[G_ASCII_DTOSTR_BUF_SIZE], b[G_ASCII_DTOSTR_BUF_SIZE], c[G_ASCII_DTOSTR_BUF_SIZE],
       d[G_ASCII_DTOSTR_BUF_SIZE], e[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (svg, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_string_append_printf (svg,
                          "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" "
                          "viewBox=\"0 0 %s %s\" font-family=\"%s, sans-serif\">\n",
                          num (a, chart->width), num (b, chart->height), num (c, chart->width),
                          num (d, chart->height), escaped_family);
  g_string_append_printf (svg, "  <rect x=\"0\" y=\"0\" width=\"%s\" height=\"%s\"", num (a, chart->width),
                          num (b, chart->height));
  append_color (svg, "fill", &chart->background);
  g_string_append (svg, "/>\n");

  for (guint i = 0; i < chart->shapes->len; i++)
    {
      Shape *shape = &g_array_index (chart->shapes, Shape, i);

      switch (shape->kind)
        {
        case SHAPE_RECT:
          g_string_append_printf (svg, "  <rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\"",
                                  num (a, shape->x), num (b, shape->y), num (c, shape->w), num (d, shape->h),
                                  num (e, shape->radius));
          append_color (svg, "fill", &shape->color);
          g_string_append (svg, "/>\n");
          break;
        case SHAPE_CIRCLE:
          g_string_append_printf (svg, "  <circle cx=\"%s\" cy=\"%s\" r=\"%s\"", num (a, shape->x),
                                  num (b, shape->y), num (c, shape->w));
          append_color (svg, "fill", &shape->color);
          g_string_append (svg, "/>\n");
          break;
        case SHAPE_LINE:
          g_string_append_printf (svg, "  <line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" stroke-width=\"%s\" "
                                  "stroke-linecap=\"round\"",
                                  num (a, shape->x), num (b, shape->y), num (c, shape->w), num (d, shape->h),
                                  num (e, shape->radius));
          append_color (svg, "stroke", &shape->color);
          g_string_append (svg, "/>\n");
          break;
        case SHAPE_TEXT:
          {
            static const char * const anchors[] = { "start", "middle", "end" };
            g_autofree char *text = g_markup_escape_text (shape->text, -1);

            g_string_append_printf (svg, "  <text x=\"%s\" y=\"%s\" font-size=\"%s\" text-anchor=\"%s\"",
                                    num (a, shape->x), num (b, shape->y), num (c, shape->radius),
                                    anchors[shape->anchor]);
            if (shape->bold)
              g_string_append (svg, " font-weight=\"bold\"");
            if (shape->angle != 0)
              g_string_append_printf (svg, " transform=\"rotate(%s %s %s)\"", num (d, shape->angle),
                                      num (a, shape->x), num (b, shape->y));
            append_color (svg, "fill", &shape->color);
            g_string_append_printf (svg, ">%s</text>\n", text);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }

  g_string_append (svg, "</svg>\n");
  return g_string_free (svg, FALSE);
}

gboolean
crb_chart_save_svg (CrbChart      *chart,
                    PangoContext  *context,
                    GFile         *file,
                    GError       **error)
{
  g_autofree char *svg = crb_chart_to_svg (chart, context);

  return g_file_replace_contents (file, svg, strlen (svg), NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL, error);
}

/* ---- PNG ---- */

/**
 * crb_chart_render:
 * @renderer: (nullable): the renderer of a window showing the chart; without
 *   one, the snapshot is drawn with cairo
 * @scale: 2 for a picture sharp on a screen of double density
 *
 * Returns: (transfer full): the chart, rendered from its snapshot
 */
GdkTexture *
crb_chart_render (CrbChart     *chart,
                  GskRenderer  *renderer,
                  PangoContext *context,
                  double        scale)
{
  g_autoptr (GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr (GskRenderNode) node = NULL;
  int width = (int) ceil (chart->width * scale), height = (int) ceil (chart->height * scale);

  gtk_snapshot_scale (snapshot, scale, scale);
  crb_chart_snapshot (chart, snapshot, context, TRUE);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  if (renderer != NULL && gsk_renderer_is_realized (renderer))
    return gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));

  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
    cairo_t *cr = cairo_create (surface);
    g_autoptr (GBytes) bytes = NULL;
    GdkTexture *texture;

    gsk_render_node_draw (node, cr);
    cairo_destroy (cr);
    cairo_surface_flush (surface);
    bytes = g_bytes_new (cairo_image_surface_get_data (surface),
                         (gsize) cairo_image_surface_get_stride (surface) * height);
    texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                      cairo_image_surface_get_stride (surface));
    cairo_surface_destroy (surface);
    return texture;
  }
}

gboolean
crb_chart_save_png (CrbChart      *chart,
                    GskRenderer   *renderer,
                    PangoContext  *context,
                    GFile         *file,
                    GError       **error)
{
  g_autoptr (GdkTexture) texture = crb_chart_render (chart, renderer, context, 2.0);
  g_autofree char *path = g_file_get_path (file);
  g_autoptr (GBytes) png = NULL;

  if (path != NULL)
    {
      if (gdk_texture_save_to_png (texture, path))
        return TRUE;
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, g_strerror (errno));
      return FALSE;
    }

  /* A file of no local path (a portal's, say): written through GIO. */
  png = gdk_texture_save_to_png_bytes (texture);
  return g_file_replace_contents (file, g_bytes_get_data (png, NULL), g_bytes_get_size (png), NULL, FALSE,
                                  G_FILE_CREATE_NONE, NULL, NULL, error);
}
