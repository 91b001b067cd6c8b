/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-story"

#include "config.h"

#include "crb-story-private.h"

#include "crb-claim.h"
#include "crb-claim-private.h"
#include "crb-json.h"

#include <string.h>

struct _CrbStory
{
  GObject          parent_instance;

  char            *id;
  char            *title;

  /* loaded state */
  GListStore      *articles;
  GListStore      *claims;
  GPtrArray       *history;      /* CrbHistoryEntry, in seq order */
  GHashTable      *claim_index;  /* id → CrbClaim (borrowed from claims) */
  GHashTable      *history_index;/* seq → CrbHistoryEntry (borrowed) */
  GStrv            article_ids;  /* cache for crb_story_get_article_ids () */
  GHashTable      *article_index;/* id → CrbArticle (borrowed), made when first asked */
  CrbAlignment    *alignment;    /* NULL until computed or read */
  GPtrArray       *manual_links; /* CrbLink made by reviewers */
  GPtrArray       *removed;      /* CrbLink pairs reviewers unlinked */

  /* unloaded state: the story's line in the project file, parsed on demand */
  gboolean         loaded;
  CrbStorySummary  summary;
  GBytes          *raw;          /* the serialized line while unchanged */
  GFile           *file;
  guint            line;

  gboolean         dirty;

  /* installed by the project that holds the story */
  const CrbStoryDriver *driver;
};

G_DEFINE_FINAL_TYPE (CrbStory, crb_story, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_LOADED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_loaded (CrbStory *self)
{
  g_list_store_remove_all (self->articles);
  g_list_store_remove_all (self->claims);
  g_ptr_array_set_size (self->history, 0);
  g_hash_table_remove_all (self->claim_index);
  g_hash_table_remove_all (self->history_index);
  g_clear_pointer (&self->article_ids, g_strfreev);
  g_clear_pointer (&self->article_index, g_hash_table_unref);
  g_clear_pointer (&self->alignment, crb_alignment_free);
  g_ptr_array_set_size (self->manual_links, 0);
  g_ptr_array_set_size (self->removed, 0);
}

static void
crb_story_dispose (GObject *object)
{
  CrbStory *self = (CrbStory *) object;

  g_clear_pointer (&self->claim_index, g_hash_table_unref);
  g_clear_pointer (&self->history_index, g_hash_table_unref);
  g_clear_pointer (&self->article_index, g_hash_table_unref);
  g_clear_object (&self->articles);
  g_clear_object (&self->claims);
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_clear_pointer (&self->raw, g_bytes_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->alignment, crb_alignment_free);
  g_clear_pointer (&self->manual_links, g_ptr_array_unref);
  g_clear_pointer (&self->removed, g_ptr_array_unref);

  G_OBJECT_CLASS (crb_story_parent_class)->dispose (object);
}

static void
crb_story_finalize (GObject *object)
{
  CrbStory *self = (CrbStory *) object;

  g_free (self->id);
  g_free (self->title);
  g_strfreev (self->article_ids);
  _crb_story_summary_clear (&self->summary);

  G_OBJECT_CLASS (crb_story_parent_class)->finalize (object);
}

static void
crb_story_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CrbStory *self = CRB_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_LOADED:
      g_value_set_boolean (value, self->loaded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_story_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CrbStory *self = CRB_STORY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_TITLE:
      crb_story_set_title (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
crb_story_class_init (CrbStoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = crb_story_dispose;
  object_class->finalize = crb_story_finalize;
  object_class->get_property = crb_story_get_property;
  object_class->set_property = crb_story_set_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * CrbStory:loaded:
   *
   * Whether the story's articles and claims are in memory.  Stories of an
   * opened project are parsed on demand: see crb_story_ensure_loaded().
   */
  properties[PROP_LOADED] =
    g_param_spec_boolean ("loaded", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
crb_story_init (CrbStory *self)
{
  self->articles = g_list_store_new (CRB_TYPE_ARTICLE);
  self->claims = g_list_store_new (CRB_TYPE_CLAIM);
  self->history = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_history_entry_free);
  self->claim_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->history_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->manual_links = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
  self->removed = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
  self->summary.n_contested = -1;
  self->loaded = TRUE;
}

CrbStory *
crb_story_new (const char *id,
               const char *title)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_object_new (CRB_TYPE_STORY, "id", id, "title", title, NULL);
}

const char *
crb_story_get_id (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  return self->id;
}

const char *
crb_story_get_title (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  return self->title ? self->title : self->id;
}

void
crb_story_set_title (CrbStory   *self,
                     const char *title)
{
  g_return_if_fail (CRB_IS_STORY (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  self->dirty = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
crb_story_is_loaded (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), FALSE);
  return self->loaded;
}

/* The project file, as messages name it. */
char *
_crb_story_dup_file_name (CrbStory *self)
{
  return self->file ? g_file_get_parse_name (self->file) : g_strdup ("project");
}

GFile *
_crb_story_get_file (CrbStory *self)
{
  return self->file;
}

guint
_crb_story_get_line (CrbStory *self)
{
  return self->line;
}

void
_crb_story_set_driver (CrbStory             *self,
                       const CrbStoryDriver *driver)
{
  g_assert (CRB_IS_STORY (self));

  self->driver = driver;
}

/* The story's links as computed by the driver, or none without one. */
static CrbAlignment *
compute_alignment (CrbStory *self)
{
  CrbAlignment *alignment;

  if (self->driver != NULL && self->driver->align != NULL)
    return self->driver->align (self, self->manual_links, self->removed);

  alignment = g_new0 (CrbAlignment, 1);
  alignment->links = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_link_free);
  alignment->facts = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_fact_free);
  alignment->fact_of_claim = g_hash_table_new (g_str_hash, g_str_equal);
  return alignment;
}

/**
 * crb_story_ensure_loaded:
 *
 * Parses the story's articles, claims and history from the project file if
 * that has not happened yet.
 *
 * Returns: %TRUE when the story is loaded; %FALSE with @error set when its
 *   line in the project file is malformed (the story stays unloaded)
 */
gboolean
crb_story_ensure_loaded (CrbStory  *self,
                         GError   **error)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (CRB_IS_STORY (self), FALSE);

  if (self->loaded)
    return TRUE;

  g_assert (self->raw != NULL);

  g_assert (self->driver != NULL && self->driver->load != NULL);

  name = _crb_story_dup_file_name (self);
  self->loaded = TRUE;
  if (!self->driver->load (self, self->raw, name, self->line, error))
    {
      /* Leave nothing half-parsed behind. */
      clear_loaded (self);
      self->loaded = FALSE;
      return FALSE;
    }

  self->dirty = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  return TRUE;
}

void
_crb_story_summary_clear (CrbStorySummary *summary)
{
  guint n = summary->article_ids ? g_strv_length (summary->article_ids) : 0;

  for (guint i = 0; summary->articles && i < n; i++)
    g_free (summary->articles[i].outlet);
  g_clear_pointer (&summary->articles, g_free);
  g_clear_pointer (&summary->article_ids, g_strfreev);
  summary->n_contested = -1;
}

/* The facts of a loaded story with conflicting appearances; -1 until the
 * story's links are known (they are not computed for this).
 */
static int
count_contested (CrbStory *self)
{
  int n = 0;

  if (self->alignment == NULL)
    return -1;
  for (guint i = 0; i < self->alignment->facts->len; i++)
    n += ((CrbFact *) g_ptr_array_index (self->alignment->facts, i))->n_conflicts > 0;
  return n;
}

/* The counts of a loaded story, per status and per article, in one pass. */
static void
summarize (CrbStory        *self,
           CrbStorySummary *summary)
{
  GListModel *articles = G_LIST_MODEL (self->articles);
  guint n_articles = g_list_model_get_n_items (articles);
  g_autoptr (GHashTable) index = g_hash_table_new (g_str_hash, g_str_equal);

  summary->article_ids = g_strdupv ((char **) crb_story_get_article_ids (self));
  summary->n_claims = crb_story_get_n_claims (self);
  summary->n_contested = count_contested (self);
  summary->articles = g_new0 (CrbArticleSummary, n_articles);
  for (guint i = 0; i < n_articles; i++)
    {
      g_autoptr (CrbArticle) article = g_list_model_get_item (articles, i);

      summary->articles[i].outlet = g_strdup (crb_article_get_outlet (article));
      g_hash_table_insert (index, (char *) crb_article_get_id (article), GUINT_TO_POINTER (i + 1));
    }

  for (guint i = 0; i < summary->n_claims; i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);
      CrbDecisionStatus status = _crb_claim_get_file_status (claim);
      guint a = GPOINTER_TO_UINT (g_hash_table_lookup (index, crb_claim_get_article_id (claim)));

      summary->status_counts[status]++;
      if (a > 0)
        {
          summary->articles[a - 1].n_claims++;
          summary->articles[a - 1].status_counts[status]++;
        }
    }
}

/**
 * crb_story_get_article_counts:
 * @index: the article's index in crb_story_get_article_ids()
 * @n_claims: (out) (optional): its claims
 * @status_counts: (out caller-allocates) (optional) (array fixed-size=4): its
 *   claims per #CrbDecisionStatus
 * @outlet: (out) (optional) (nullable) (transfer none): its outlet
 *
 * An article's counts, from the story's objects when it is loaded, else
 * from the project file's header, which keeps them, so that statistics
 * need not parse every story.
 *
 * Returns: %FALSE when the story is not loaded and the header did not say
 *   (a file of an older version): load the story then
 */
gboolean
crb_story_get_article_counts (CrbStory    *self,
                              guint        index,
                              guint       *n_claims,
                              guint       *status_counts,
                              const char **outlet)
{
  CrbStorySummary fresh = { 0 };
  const CrbStorySummary *summary = &self->summary;
  const CrbArticleSummary *a;

  g_return_val_if_fail (CRB_IS_STORY (self), FALSE);
  g_return_val_if_fail (index < crb_story_get_n_articles (self), FALSE);

  if (self->loaded)
    {
      summarize (self, &fresh);
      summary = &fresh;
    }
  else if (summary->articles == NULL)
    return FALSE;

  a = &summary->articles[index];
  if (n_claims)
    *n_claims = a->n_claims;
  if (status_counts)
    memcpy (status_counts, a->status_counts, sizeof a->status_counts);
  if (outlet)
    {
      /* The story's own article outlives the summary made here. */
      if (self->loaded)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), index);
          *outlet = crb_article_get_outlet (article);
        }
      else
        *outlet = a->outlet;
    }
  _crb_story_summary_clear (&fresh);
  return TRUE;
}

/**
 * crb_story_unload:
 *
 * Frees the story's articles, claims and history if they are unchanged
 * since the project file was read or written; they are parsed again on
 * demand.  Lets a pass over a large project keep one story in memory.
 *
 * Returns: whether the story was unloaded
 */
gboolean
crb_story_unload (CrbStory *self)
{
  CrbStorySummary summary = { 0 };

  g_return_val_if_fail (CRB_IS_STORY (self), FALSE);

  if (!self->loaded || self->dirty || self->raw == NULL || self->driver == NULL)
    return FALSE;

  summarize (self, &summary);

  clear_loaded (self);
  _crb_story_summary_clear (&self->summary);
  self->summary = summary;
  self->loaded = FALSE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADED]);
  return TRUE;
}

/**
 * crb_story_get_articles:
 *
 * Returns: (transfer none): a #GListModel of #CrbArticle; empty until loaded
 */
GListModel *
crb_story_get_articles (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  return G_LIST_MODEL (self->articles);
}

/**
 * crb_story_get_claims:
 *
 * Returns: (transfer none): a #GListModel of #CrbClaim in document order,
 *   article by article; empty until loaded
 */
GListModel *
crb_story_get_claims (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  return G_LIST_MODEL (self->claims);
}

/**
 * crb_story_get_history:
 *
 * Returns: (transfer none) (element-type CrbHistoryEntry): every decision
 *   made on the story's claims, in order, undone ones included
 */
GPtrArray *
crb_story_get_history (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  return self->history;
}

guint
crb_story_get_n_articles (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), 0);

  if (!self->loaded)
    return self->summary.article_ids ? g_strv_length (self->summary.article_ids) : 0;

  return g_list_model_get_n_items (G_LIST_MODEL (self->articles));
}

guint
crb_story_get_n_claims (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), 0);

  if (!self->loaded)
    return self->summary.n_claims;

  return g_list_model_get_n_items (G_LIST_MODEL (self->claims));
}

guint
crb_story_count_status (CrbStory          *self,
                        CrbDecisionStatus  status)
{
  guint n = 0;
  guint n_claims;

  g_return_val_if_fail (CRB_IS_STORY (self), 0);
  g_return_val_if_fail (status < CRB_N_DECISION_STATUSES, 0);

  if (!self->loaded)
    return self->summary.status_counts[status];

  n_claims = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  for (guint i = 0; i < n_claims; i++)
    {
      g_autoptr (CrbClaim) claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);

      if (_crb_claim_get_file_status (claim) == status)
        n++;
    }

  return n;
}

/**
 * crb_story_get_n_contested:
 *
 * How many of the story's facts have conflicting appearances, from its
 * links when it is loaded and they are known, else from the project
 * file's header, so that a search for contested facts need not parse
 * every story.
 *
 * Returns: the count, or -1 when it is not known without aligning or
 *   loading the story (a file of an older version, a story whose line
 *   holds no links)
 */
int
crb_story_get_n_contested (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), -1);

  if (!self->loaded)
    return self->summary.n_contested;
  return count_contested (self);
}

/**
 * crb_story_get_article_ids:
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   story's articles, also while it is not loaded
 */
const char * const *
crb_story_get_article_ids (CrbStory *self)
{
  static const char * const none[] = { NULL };

  g_return_val_if_fail (CRB_IS_STORY (self), none);

  if (!self->loaded)
    return self->summary.article_ids ? (const char * const *) self->summary.article_ids : none;

  if (self->article_ids == NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));

      self->article_ids = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), i);
          self->article_ids[i] = g_strdup (crb_article_get_id (article));
        }
    }

  return (const char * const *) self->article_ids;
}

gboolean
crb_story_has_article (CrbStory   *self,
                       const char *article_id)
{
  g_return_val_if_fail (CRB_IS_STORY (self), FALSE);

  return g_strv_contains (crb_story_get_article_ids (self), article_id);
}

/**
 * crb_story_lookup_article:
 *
 * Returns: (transfer none) (nullable): the loaded article with @article_id
 */
CrbArticle *
crb_story_lookup_article (CrbStory   *self,
                          const char *article_id)
{
  guint n;

  g_return_val_if_fail (CRB_IS_STORY (self), NULL);

  if (article_id == NULL)
    return NULL;

  /* Indexed when first asked: the window asks for the article of every
   * claim it shows, and a big story has hundreds of articles.
   */
  if (self->article_index == NULL)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->articles));
      self->article_index = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (CrbArticle) article = g_list_model_get_item (G_LIST_MODEL (self->articles), i);

          /* The first of an id wins, as the scan did. */
          if (!g_hash_table_contains (self->article_index, crb_article_get_id (article)))
            g_hash_table_insert (self->article_index, (char *) crb_article_get_id (article), article);
        }
    }

  return g_hash_table_lookup (self->article_index, article_id);
}

/**
 * crb_story_lookup_claim:
 *
 * Returns: (transfer none) (nullable): the loaded claim with @claim_id
 */
CrbClaim *
crb_story_lookup_claim (CrbStory   *self,
                        const char *claim_id)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  return g_hash_table_lookup (self->claim_index, claim_id);
}

void
crb_story_add_article (CrbStory   *self,
                       CrbArticle *article)
{
  g_return_if_fail (CRB_IS_STORY (self));
  g_return_if_fail (CRB_IS_ARTICLE (article));
  g_return_if_fail (self->loaded);

  g_list_store_append (self->articles, article);
  g_clear_pointer (&self->article_ids, g_strfreev);
  g_clear_pointer (&self->article_index, g_hash_table_unref);
  self->dirty = TRUE;
}

void
crb_story_add_claim (CrbStory *self,
                     CrbClaim *claim)
{
  g_return_if_fail (CRB_IS_STORY (self));
  g_return_if_fail (CRB_IS_CLAIM (claim));
  g_return_if_fail (self->loaded);

  g_list_store_append (self->claims, claim);
  g_hash_table_insert (self->claim_index, (char *) crb_claim_get_id (claim), claim);
  self->dirty = TRUE;
}

/**
 * crb_story_dup_article_claims:
 *
 * Returns: (transfer container) (element-type CrbClaim): the claims of one article
 */
GPtrArray *
crb_story_dup_article_claims (CrbStory   *self,
                              const char *article_id)
{
  GPtrArray *claims = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (CRB_IS_STORY (self), claims);

  n = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  for (guint i = 0; i < n; i++)
    {
      CrbClaim *claim = g_list_model_get_item (G_LIST_MODEL (self->claims), i);

      if (g_strcmp0 (crb_claim_get_article_id (claim), article_id) == 0)
        g_ptr_array_add (claims, claim);
      else
        g_object_unref (claim);
    }

  return claims;
}

void
_crb_story_set_unloaded (CrbStory              *self,
                         const CrbStorySummary *summary,
                         GBytes                *raw,
                         GFile                 *file,
                         guint                  line)
{
  g_assert (CRB_IS_STORY (self));
  g_assert (raw != NULL);

  /* A story made anew from elsewhere (an import done aside) drops what
   * it held.
   */
  if (self->loaded)
    clear_loaded (self);
  _crb_story_summary_clear (&self->summary);
  self->summary = *summary;
  self->summary.article_ids = g_strdupv (summary->article_ids);
  if (summary->articles != NULL)
    {
      guint n = g_strv_length (summary->article_ids);

      self->summary.articles = g_memdup2 (summary->articles, n * sizeof *summary->articles);
      for (guint i = 0; i < n; i++)
        self->summary.articles[i].outlet = g_strdup (summary->articles[i].outlet);
    }
  g_clear_pointer (&self->raw, g_bytes_unref);
  self->raw = g_bytes_ref (raw);
  g_set_object (&self->file, file);
  self->line = line;
  self->loaded = FALSE;
  self->dirty = FALSE;
}

/* The summary the header keeps of an unloaded story. */
const CrbStorySummary *
_crb_story_get_summary (CrbStory *self)
{
  g_assert (!self->loaded);
  return &self->summary;
}

/* The story's line as last read or written, while it is unchanged. */
GBytes *
_crb_story_get_raw (CrbStory *self)
{
  return self->dirty ? NULL : self->raw;
}

void
_crb_story_set_raw (CrbStory *self,
                    GBytes   *raw)
{
  g_clear_pointer (&self->raw, g_bytes_unref);
  self->raw = raw ? g_bytes_ref (raw) : NULL;
  self->dirty = FALSE;
}

gboolean
_crb_story_get_dirty (CrbStory *self)
{
  return self->dirty || self->raw == NULL;
}

void
_crb_story_set_dirty (CrbStory *self,
                      gboolean  dirty)
{
  self->dirty = dirty;
}

void
_crb_story_add_history (CrbStory        *self,
                        CrbHistoryEntry *entry)
{
  g_assert (self->loaded);

  g_ptr_array_add (self->history, entry);
  g_hash_table_insert (self->history_index, &entry->seq, entry);
  self->dirty = TRUE;
}

CrbHistoryEntry *
_crb_story_lookup_history (CrbStory *self,
                           guint64   seq)
{
  gint64 key = (gint64) seq;

  return g_hash_table_lookup (self->history_index, &key);
}

/**
 * _crb_story_summary_write:
 * @line: (nullable) (array fixed-size=2): where the story's line is in the
 *   file: [offset, length]
 *
 * Appends the summary a project header keeps of the story, as one JSON
 * object: written as text, not as a tree, since a header holds one for
 * every story of the project.
 */
void
_crb_story_summary_write (CrbStory    *self,
                          GString     *out,
                          const gsize *line)
{
  CrbStorySummary fresh = { .n_contested = -1 };
  const CrbStorySummary *summary = &self->summary;
  guint n = crb_story_get_n_articles (self);
  gboolean first = TRUE;

  /* A loaded story's counts, once: not once per article. */
  if (self->loaded)
    {
      summarize (self, &fresh);
      summary = &fresh;
    }

  g_string_append_c (out, '{');
  crb_json_member (out, &first, "id");
  crb_json_append_string (out, self->id);
  crb_json_member (out, &first, "title");
  crb_json_append_string (out, crb_story_get_title (self));
  crb_json_member (out, &first, "articles");
  crb_json_append_strv (out, crb_story_get_article_ids (self));
  crb_json_member (out, &first, "claims");
  crb_json_append_int (out, summary->n_claims);
  crb_json_member (out, &first, "status");
  g_string_append_c (out, '{');
  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    {
      gboolean first_status = s == 0;

      crb_json_member (out, &first_status, crb_decision_status_to_string (s));
      crb_json_append_int (out, summary->status_counts[s]);
    }
  g_string_append_c (out, '}');

  /* Facts with conflicts, when known: `facts --contested` skips the
   * stories with none.
   */
  if (summary->n_contested >= 0)
    {
      crb_json_member (out, &first, "contested");
      crb_json_append_int (out, summary->n_contested);
    }

  /* Per article: its claims by status ([claims, pending, confirmed,
   * corrected, rejected]) and its outlet, for statistics without parsing.
   */
  if (self->loaded || summary->articles != NULL)
    {
      crb_json_member (out, &first, "article_claims");
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          const CrbArticleSummary *a = &summary->articles[i];

          if (i > 0)
            g_string_append_c (out, ',');
          g_string_append_c (out, '[');
          crb_json_append_int (out, a->n_claims);
          for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
            {
              g_string_append_c (out, ',');
              crb_json_append_int (out, a->status_counts[s]);
            }
          g_string_append_c (out, ']');
        }
      g_string_append_c (out, ']');
      crb_json_member (out, &first, "outlets");
      g_string_append_c (out, '[');
      for (guint i = 0; i < n; i++)
        {
          if (i > 0)
            g_string_append_c (out, ',');
          crb_json_append_string (out, summary->articles[i].outlet);
        }
      g_string_append_c (out, ']');
    }

  if (line != NULL)
    {
      crb_json_member (out, &first, "line");
      g_string_append_c (out, '[');
      crb_json_append_int (out, (gint64) line[0]);
      g_string_append_c (out, ',');
      crb_json_append_int (out, (gint64) line[1]);
      g_string_append_c (out, ']');
    }
  g_string_append_c (out, '}');

  _crb_story_summary_clear (&fresh);
}

/**
 * crb_story_get_alignment:
 *
 * The links between the claims of the story's articles and the facts they
 * form, as stored in the project or computed now if the story has none yet.
 *
 * Returns: (transfer none): the alignment of a loaded story
 */
CrbAlignment *
crb_story_get_alignment (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  g_return_val_if_fail (self->loaded, NULL);

  if (self->alignment == NULL)
    self->alignment = compute_alignment (self);

  return self->alignment;
}

/**
 * crb_story_realign:
 *
 * The links and facts are to be computed again (after articles were added,
 * or links made or removed by hand), keeping the reviewers' links and
 * removals: crb_story_get_alignment() computes them when next asked, so
 * that a change that needs no links (a link made from the command line on
 * a large project) does not wait for them.
 */
void
crb_story_realign (CrbStory *self)
{
  g_return_if_fail (CRB_IS_STORY (self));
  g_return_if_fail (self->loaded);

  g_clear_pointer (&self->alignment, crb_alignment_free);
  self->dirty = TRUE;
}

/**
 * crb_story_get_manual_links:
 *
 * Returns: (transfer none) (element-type CrbLink): the links reviewers made
 */
GPtrArray *
crb_story_get_manual_links (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  return self->manual_links;
}

/**
 * crb_story_get_removed_links:
 *
 * Returns: (transfer none) (element-type CrbLink): the pairs reviewers
 *   unlinked, never linked again automatically
 */
GPtrArray *
crb_story_get_removed_links (CrbStory *self)
{
  g_return_val_if_fail (CRB_IS_STORY (self), NULL);
  return self->removed;
}

void
_crb_story_set_alignment (CrbStory     *self,
                          CrbAlignment *alignment)
{
  g_clear_pointer (&self->alignment, crb_alignment_free);
  self->alignment = alignment;
}

/* A conflicting link weighed: its score times the mean check-worthiness
 * of its two claims.
 */
static double
conflict_worth (CrbStory      *story,
                const CrbLink *link)
{
  CrbClaim *a = crb_story_lookup_claim (story, link->a);
  CrbClaim *b = crb_story_lookup_claim (story, link->b);

  return link->score * ((a ? crb_claim_get_score (a) : 0.5) + (b ? crb_claim_get_score (b) : 0.5)) / 2;
}

/* The worth of all the conflicting links of @fact (those whose first end
 * is in it), from its claims' links, kept in the alignment: sorting a big
 * story's claims asks it thousands of times.
 */
static double
fact_worth (CrbAlignment  *alignment,
            CrbStory      *story,
            const CrbFact *fact)
{
  double *worth;

  if (alignment->fact_worth == NULL)
    alignment->fact_worth = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  worth = g_hash_table_lookup (alignment->fact_worth, fact);
  if (worth != NULL)
    return *worth;

  worth = g_new0 (double, 1);
  for (guint k = 0; fact->claims[k] != NULL; k++)
    {
      GPtrArray *links = crb_alignment_get_claim_links (alignment, fact->claims[k]);

      for (guint l = 0; links != NULL && l < links->len; l++)
        {
          const CrbLink *link = g_ptr_array_index (links, l);

          /* Each link once, from its first end. */
          if (link->relation == CRB_RELATION_CONFLICTS && strcmp (link->a, fact->claims[k]) == 0)
            *worth += conflict_worth (story, link);
        }
    }
  g_hash_table_insert (alignment->fact_worth, (gpointer) fact, worth);
  return *worth;
}

/**
 * crb_alignment_contest_score:
 *
 * How much the sources disagree about a claim, weighted by how
 * check-worthy the claims are: the sum over its conflicting links of the
 * link's score times the mean check-worthiness of the two claims, plus a
 * quarter of that for conflicts elsewhere in its fact.  0 when nothing
 * contests it.  Sort by it, highest first, for "contested first".
 *
 * Costs the claim's links, and once per fact its claims' links: a big
 * story's claims are sorted by it in time that grows with the story.
 */
double
crb_alignment_contest_score (CrbAlignment *alignment,
                             CrbStory     *story,
                             const char   *claim_id)
{
  const CrbFact *fact;
  CrbClaim *claim;
  GPtrArray *links;
  double direct = 0;

  g_return_val_if_fail (alignment != NULL, 0);
  g_return_val_if_fail (CRB_IS_STORY (story), 0);
  g_return_val_if_fail (claim_id != NULL, 0);

  fact = g_hash_table_lookup (alignment->fact_of_claim, claim_id);
  claim = crb_story_lookup_claim (story, claim_id);
  if (fact == NULL || claim == NULL || fact->n_conflicts == 0)
    return 0;

  links = crb_alignment_get_claim_links (alignment, claim_id);
  for (guint l = 0; links != NULL && l < links->len; l++)
    {
      const CrbLink *link = g_ptr_array_index (links, l);

      if (link->relation == CRB_RELATION_CONFLICTS &&
          g_hash_table_lookup (alignment->fact_of_claim, link->a) == fact)
        direct += conflict_worth (story, link);
    }

  /* The fact's other conflicts: all of them, less the claim's own. */
  return direct + 0.25 * MAX (0.0, fact_worth (alignment, story, fact) - direct) * crb_claim_get_score (claim);
}
