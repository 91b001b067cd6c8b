/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-article"

#include "config.h"

#include "crb-article-private.h"
#include "crb-utils.h"

#include <string.h>

struct _CrbArticle
{
  GObject  parent_instance;

  char    *id;
  char    *text;
  gsize    length;   /* in code points */
  char    *sha256;
  char    *title;
  char    *outlet;
  char    *url;
  char    *date;
  char    *source;   /* the file or corpus it was imported from */
  char    *source_sha256;
  guint    body_start;   /* code points of metadata at the head of the text */
  gsize    text_bytes;
  gsize   *offsets;      /* the byte offset of every SLICE_STEP-th code point, built on demand */
};

/* Slices cost a walk of at most this many code points, whatever the
 * article's length: validating a 20 MB one-line article stays linear.
 */
#define SLICE_STEP 512

G_DEFINE_FINAL_TYPE (CrbArticle, crb_article, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TEXT,
  PROP_SHA256,
  PROP_TITLE,
  PROP_OUTLET,
  PROP_URL,
  PROP_DATE,
  PROP_SOURCE,
  PROP_SOURCE_SHA256,
  PROP_BODY_START,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_string (CrbArticle  *self,
            char       **field,
            const char  *value,
            guint        prop)
{
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = (value && *value) ? g_strdup (value) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
}

static void
crb_article_finalize (GObject *object)
{
  CrbArticle *self = (CrbArticle *) object;

  g_free (self->id);
  g_free (self->text);
  g_free (self->offsets);
  g_free (self->sha256);
  g_free (self->title);
  g_free (self->outlet);
  g_free (self->url);
  g_free (self->date);
  g_free (self->source);
  g_free (self->source_sha256);

  G_OBJECT_CLASS (crb_article_parent_class)->finalize (object);
}

static void
crb_article_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CrbArticle *self = CRB_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_SHA256:
      g_value_set_string (value, crb_article_get_sha256 (self));
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_OUTLET:
      g_value_set_string (value, self->outlet);
      break;
    case PROP_URL:
      g_value_set_string (value, self->url);
      break;
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_SOURCE_SHA256:
      g_value_set_string (value, self->source_sha256);
      break;
    case PROP_BODY_START:
      g_value_set_uint (value, self->body_start);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_article_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CrbArticle *self = CRB_ARTICLE (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TEXT:
      self->text = g_value_dup_string (value);
      if (self->text == NULL)
        self->text = g_strdup ("");
      self->length = g_utf8_strlen (self->text, -1);
      self->text_bytes = strlen (self->text);
      /* The checksum is made when asked for (crb_article_get_sha256()). */
      break;
    case PROP_TITLE:
      crb_article_set_title (self, g_value_get_string (value));
      break;
    case PROP_OUTLET:
      crb_article_set_outlet (self, g_value_get_string (value));
      break;
    case PROP_URL:
      crb_article_set_url (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      crb_article_set_date (self, g_value_get_string (value));
      break;
    case PROP_SOURCE:
      crb_article_set_source (self, g_value_get_string (value));
      break;
    case PROP_SOURCE_SHA256:
      crb_article_set_source_sha256 (self, g_value_get_string (value));
      break;
    case PROP_BODY_START:
      crb_article_set_body_start (self, g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_article_class_init (CrbArticleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = crb_article_finalize;
  object_class->get_property = crb_article_get_property;
  object_class->set_property = crb_article_set_property;

  /**
   * CrbArticle:id:
   *
   * The article's identifier, unique in its project.
   */
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, construct);
  /**
   * CrbArticle:text:
   *
   * The article's text as imported: the source's text exactly, decoded
   * to UTF-8 (an HTML page's visible text).  Claim spans index it.
   */
  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL, construct);
  properties[PROP_SHA256] = g_param_spec_string ("sha256", NULL, NULL, NULL,
                                                 G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_OUTLET] = g_param_spec_string ("outlet", NULL, NULL, NULL, rw);
  properties[PROP_URL] = g_param_spec_string ("url", NULL, NULL, NULL, rw);
  properties[PROP_DATE] = g_param_spec_string ("date", NULL, NULL, NULL, rw);
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, rw);
  /**
   * CrbArticle:source-sha256:
   *
   * The SHA-256 of the file the article was read from, when the text is
   * not that file's bytes (an HTML page, a file in another encoding or
   * with a byte order mark); %NULL otherwise.
   */
  properties[PROP_SOURCE_SHA256] = g_param_spec_string ("source-sha256", NULL, NULL, NULL, rw);
  /**
   * CrbArticle:body-start:
   *
   * Where the article's body starts, in code points: the text before it
   * is metadata (front matter, a leading "date 2024-05-24" line), kept
   * in the text but never proposed as claims, and shown dimmed.
   */
  properties[PROP_BODY_START] = g_param_spec_uint ("body-start", NULL, NULL, 0, G_MAXUINT, 0, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_article_init (CrbArticle *self)
{
}

/**
 * crb_article_new:
 * @id: a unique identifier
 * @text: the article's text, valid UTF-8
 *
 * Returns: (transfer full): a new article; its SHA-256 is computed from @text
 */
CrbArticle *
crb_article_new (const char *id,
                 const char *text)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (text != NULL && g_utf8_validate (text, -1, NULL), NULL);

  return g_object_new (CRB_TYPE_ARTICLE, "id", id, "text", text, NULL);
}

const char *
crb_article_get_id (CrbArticle *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE (self), NULL);
  return self->id;
}

const char *
crb_article_get_text (CrbArticle *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE (self), NULL);
  return self->text;
}

/**
 * crb_article_get_length:
 *
 * Returns: the length of the text in code points
 */
gsize
crb_article_get_length (CrbArticle *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE (self), 0);
  return self->length;
}

/**
 * crb_article_get_sha256:
 *
 * The SHA-256 of the text, made on the first call (or the one the project
 * file recorded, see _crb_article_set_recorded_sha256()).
 *
 * Returns: the checksum, 64 hex digits
 */
const char *
crb_article_get_sha256 (CrbArticle *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE (self), NULL);

  if (self->sha256 == NULL)
    self->sha256 = crb_sha256_string (self->text);
  return self->sha256;
}

/*
 * _crb_article_set_recorded_sha256:
 *
 * Takes the checksum a project file recorded for the text, so that loading
 * a story does not hash every article again; crb_project_validate()
 * checks it against the text.
 */
void
_crb_article_set_recorded_sha256 (CrbArticle *self,
                                  const char *sha256)
{
  g_return_if_fail (CRB_IS_ARTICLE (self));

  g_free (self->sha256);
  self->sha256 = g_strdup (sha256);
}

#define DEFINE_STRING_ACCESSORS(field, PROP)                      \
  const char *                                                    \
  crb_article_get_##field (CrbArticle *self)                      \
  {                                                               \
    g_return_val_if_fail (CRB_IS_ARTICLE (self), NULL);           \
    return self->field;                                           \
  }                                                               \
  void                                                            \
  crb_article_set_##field (CrbArticle *self,                      \
                           const char *field)                     \
  {                                                               \
    g_return_if_fail (CRB_IS_ARTICLE (self));                     \
    set_string (self, &self->field, field, PROP);                 \
  }

DEFINE_STRING_ACCESSORS (title, PROP_TITLE)
DEFINE_STRING_ACCESSORS (outlet, PROP_OUTLET)
DEFINE_STRING_ACCESSORS (url, PROP_URL)
DEFINE_STRING_ACCESSORS (date, PROP_DATE)
DEFINE_STRING_ACCESSORS (source, PROP_SOURCE)
DEFINE_STRING_ACCESSORS (source_sha256, PROP_SOURCE_SHA256)

/**
 * crb_article_get_body_start:
 *
 * The text in [0, body start) is metadata the import found at the head of
 * the source (front matter, "key: value" lines, a leading "date
 * 2024-05-24"): it stays in the text, so that spans index the source,
 * but it is never proposed as a claim.  0 when there is none.
 *
 * Returns: the offset of the body in code points, at most the length
 */
guint
crb_article_get_body_start (CrbArticle *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE (self), 0);
  return self->body_start;
}

/**
 * crb_article_set_body_start:
 * @body_start: the offset of the body in code points; clamped to the length
 */
void
crb_article_set_body_start (CrbArticle *self,
                            guint       body_start)
{
  g_return_if_fail (CRB_IS_ARTICLE (self));

  body_start = (guint) MIN ((gsize) body_start, self->length);
  if (self->body_start == body_start)
    return;
  self->body_start = body_start;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY_START]);
}

/* The byte offset of code point @index, from the nearest checkpoint.
 * Articles are shared by the threads of an export: the checkpoints are
 * built once, and published atomically.
 */
static gsize
char_to_byte (CrbArticle *self,
              gsize       index)
{
  gsize *offsets = g_atomic_pointer_get (&self->offsets);
  gsize checkpoint;

  if (offsets == NULL)
    {
      gsize n = self->length / SLICE_STEP + 1;
      const char *p = self->text;

      offsets = g_new (gsize, n);
      for (gsize i = 0, chars = 0; i < n; i++)
        {
          offsets[i] = p - self->text;
          for (gsize k = 0; k < SLICE_STEP && chars < self->length; k++, chars++)
            p = g_utf8_next_char (p);
        }
      if (!g_atomic_pointer_compare_and_exchange (&self->offsets, NULL, offsets))
        {
          g_free (offsets);
          offsets = g_atomic_pointer_get (&self->offsets);
        }
    }

  index = MIN (index, self->length);
  checkpoint = offsets[index / SLICE_STEP];
  return checkpoint + crb_utf8_chars_to_bytes (self->text + checkpoint, self->text_bytes - checkpoint,
                                               index % SLICE_STEP);
}

/**
 * crb_article_dup_slice:
 * @start: first code point
 * @end: code point after the last, end exclusive
 *
 * Returns: (transfer full): the text between @start and @end
 */
char *
crb_article_dup_slice (CrbArticle *self,
                       guint       start,
                       guint       end)
{
  gsize len;
  gsize from, to;

  g_return_val_if_fail (CRB_IS_ARTICLE (self), NULL);
  g_return_val_if_fail (start <= end, NULL);

  len = self->text_bytes;
  from = char_to_byte (self, start);
  to = from + crb_utf8_chars_to_bytes (self->text + from, len - from, end - start);
  return g_strndup (self->text + from, to - from);
}

/**
 * crb_article_id_from_name:
 * @wanted: (nullable): the name an article id is wanted from (a file name)
 *
 * Returns: an article id made from @wanted: without surrounding space,
 *   and with ":" (which separates an article id from a claim's number) and
 *   line breaks and tabs replaced by "_"; "article" for no name
 */
char *
crb_article_id_from_name (const char *wanted)
{
  char *base = g_strstrip (g_strdup (wanted && *wanted ? wanted : "article"));

  g_strdelimit (base, ":\n\r\t", '_');
  return base;
}
