/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-align-twins.c: in a big story, the claims that repeat an earlier
 * claim of another article word for word (wire copy) are found by a
 * signature of everything the comparison reads of them, and aligned
 * through that claim.  See docs/alignment.md, "Big stories". */
#define G_LOG_DOMAIN "crb-align"

#include "config.h"

#include "crb-align-private.h"

#include <string.h>

#define ITEM(ctx, k) ((Item *) g_ptr_array_index ((ctx)->items, (k)))

static void
append_string (GByteArray *out,
               const char *s)
{
  g_byte_array_append (out, (const guint8 *) (s ? s : ""), strlen (s ? s : "") + 1);
}

#define APPEND(out, value) g_byte_array_append ((out), (const guint8 *) &(value), sizeof (value))

/* Everything the comparison reads of an item, as bytes: two items with
 * the same signature compare alike with every other item.  The article's
 * date counts when the item counts victims (a later report may raise the
 * toll). */
static void
item_signature (Ctx        *ctx,
                Item       *item,
                GByteArray *out)
{
  g_byte_array_set_size (out, 0);
  {
    guint n_tokens = ctx->tok_start[item->pos + 1] - ctx->tok_start[item->pos];

    APPEND (out, n_tokens);
    g_byte_array_append (out, (const guint8 *) (ctx->tok + ctx->tok_start[item->pos]),
                         n_tokens * sizeof (guint));
  }
  for (guint k = 0; k < item->qtys->len; k++)
    {
      Qty *q = &g_array_index (item->qtys, Qty, k);

      APPEND (out, q->unit);
      APPEND (out, q->value);
      append_string (out, q->qualifier);
      if (q->toll)
        append_string (out, g_ptr_array_index (ctx->article_date, item->article));
    }
  g_byte_array_append (out, (const guint8 *) "|", 1);
  for (guint k = 0; k < item->dates->len; k++)
    {
      Date *d = &g_array_index (item->dates, Date, k);
      int flags[] = { d->year, d->month, d->day, d->leading, d->explicit, d->said };

      APPEND (out, flags);
      append_string (out, d->value);
    }
  g_byte_array_append (out, (const guint8 *) "|", 1);
  APPEND (out, item->n_entities);
  for (guint k = 0; k < item->names->len; k++)
    append_string (out, g_array_index (item->names, Name, k).shown);
  g_byte_array_append (out, (const guint8 *) "|", 1);
  for (guint k = 0; k < item->places->len; k++)
    append_string (out, g_ptr_array_index (item->places, k));
  g_byte_array_append (out, (const guint8 *) "|", 1);
  for (guint k = 0; k < item->venues->len; k++)
    append_string (out, g_ptr_array_index (item->venues, k));
  g_byte_array_append (out, (const guint8 *) "|", 1);
  g_byte_array_append (out, (const guint8 *) item->scope->data, item->scope->len * sizeof (guint));
  {
    int flags[] = { item->negative, item->past, item->background, item->casualties, item->frame,
                    item->frame_negative };

    APPEND (out, flags);
  }
  append_string (out, item->background_why);
  append_string (out, item->actor);
}

#undef APPEND

/* In a big story, claims that repeat an earlier claim of another article
 * word for word (wire copy) are its twins: only the first is compared,
 * and the others follow it (see crb_align_story ()). */
void
_crb_align_find_twins (Ctx *ctx)
{
  g_autoptr (GHashTable) first_of = g_hash_table_new_full (g_bytes_hash, g_bytes_equal,
                                                            (GDestroyNotify) g_bytes_unref, NULL);
  g_autoptr (GByteArray) signature = g_byte_array_new ();
  guint n = ctx->items->len;

  ctx->twin = g_new (guint, MAX (n, 1));
  for (guint k = 0; k < n; k++)
    {
      Item *item = g_ptr_array_index (ctx->items, k);
      g_autoptr (GBytes) key = NULL;
      gpointer value;

      ctx->twin[k] = k;
      /* a claim the reviewer linked or unlinked is aligned on its own */
      if (ctx->decided_ids != NULL && g_hash_table_contains (ctx->decided_ids, item->id))
        continue;
      item_signature (ctx, item, signature);
      key = g_bytes_new (signature->data, signature->len);
      if (!g_hash_table_lookup_extended (first_of, key, NULL, &value))
        g_hash_table_insert (first_of, g_steal_pointer (&key), GUINT_TO_POINTER (k));
      else if (ITEM (ctx, GPOINTER_TO_UINT (value))->article != item->article)
        {
          ctx->twin[k] = GPOINTER_TO_UINT (value);
          ctx->n_twins++;
        }
    }
}
