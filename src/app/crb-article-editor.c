/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-article-editor"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "crb-article-editor.h"
#include "crb-decision.h"

#include <adwaita.h>

/*
 * The outlet, title, date and web address of an article, edited in a
 * popover from its column's header.  Enter in a field or Save keeps them;
 * Escape leaves them as they were.  The popover changes nothing itself: it
 * activates `article.set-info` with the article's id and the four fields,
 * which the window turns into an undoable change of the project.  A date
 * must read like 2025-03-05 and an address start with http(s)://, or be
 * empty; until they do, Save is off and the hint below says why.
 */

struct _CrbArticleEditor
{
  GtkPopover  parent_instance;

  CrbArticle *article;

  GtkWidget  *source_label;
  GtkWidget  *rows[CRB_N_ARTICLE_INFO];
  GtkWidget  *hint_label;
  GtkWidget  *save_button;
};

G_DEFINE_FINAL_TYPE (CrbArticleEditor, crb_article_editor, GTK_TYPE_POPOVER)

/**
 * crb_article_editor_check_date:
 * @date: what was typed
 *
 * Returns: whether @date is empty, a day written 2025-03-05, or an ISO 8601
 *   date and time
 */
gboolean
crb_article_editor_check_date (const char *date)
{
  g_autoptr (GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr (GDateTime) parsed = NULL;
  guint year, month, day;
  char end;

  if (date == NULL || *date == '\0')
    return TRUE;

  if (strlen (date) == 10 && sscanf (date, "%4u-%2u-%2u%c", &year, &month, &day, &end) == 3)
    return date[4] == '-' && date[7] == '-' && g_date_valid_dmy (day, month, year);

  parsed = g_date_time_new_from_iso8601 (date, utc);
  return parsed != NULL;
}

/**
 * crb_article_editor_check_url:
 * @url: what was typed
 *
 * Returns: whether @url is empty or a web address (http or https)
 */
gboolean
crb_article_editor_check_url (const char *url)
{
  g_autoptr (GUri) uri = NULL;

  if (url == NULL || *url == '\0')
    return TRUE;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && g_uri_get_host (uri) != NULL && *g_uri_get_host (uri) != '\0' &&
         (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") == 0 ||
          g_ascii_strcasecmp (g_uri_get_scheme (uri), "http") == 0);
}

static char *
dup_field (CrbArticleEditor *self,
           guint             field)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rows[field])));

  return g_strdup (g_strstrip (text));
}

/* Marks what cannot be kept, says why, and turns Save off until it can. */
static gboolean
validate (CrbArticleEditor *self)
{
  g_autofree char *date = dup_field (self, CRB_ARTICLE_INFO_DATE);
  g_autofree char *url = dup_field (self, CRB_ARTICLE_INFO_URL);
  gboolean date_ok = crb_article_editor_check_date (date);
  gboolean url_ok = crb_article_editor_check_url (url);

  if (date_ok)
    gtk_widget_remove_css_class (self->rows[CRB_ARTICLE_INFO_DATE], "error");
  else
    gtk_widget_add_css_class (self->rows[CRB_ARTICLE_INFO_DATE], "error");
  if (url_ok)
    gtk_widget_remove_css_class (self->rows[CRB_ARTICLE_INFO_URL], "error");
  else
    gtk_widget_add_css_class (self->rows[CRB_ARTICLE_INFO_URL], "error");

  if (!date_ok)
    gtk_label_set_label (GTK_LABEL (self->hint_label), _("Write the date as 2025-03-05."));
  else if (!url_ok)
    gtk_label_set_label (GTK_LABEL (self->hint_label),
                         _("A web address starts with https:// or http://."));
  else
    gtk_label_set_label (GTK_LABEL (self->hint_label),
                         _("An empty outlet shows the article’s file name."));

  if (date_ok && url_ok)
    {
      gtk_widget_remove_css_class (self->hint_label, "error");
      gtk_widget_add_css_class (self->hint_label, "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (self->hint_label, "dim-label");
      gtk_widget_add_css_class (self->hint_label, "error");
    }
  gtk_widget_set_sensitive (self->save_button, date_ok && url_ok);
  return date_ok && url_ok;
}

/**
 * crb_article_editor_save:
 *
 * Keeps what the fields say, as Save does: activates `article.set-info`
 * and closes the popover.
 *
 * Returns: %FALSE when a field cannot be kept (the popover stays open)
 */
gboolean
crb_article_editor_save (CrbArticleEditor *self)
{
  char *info[CRB_N_ARTICLE_INFO] = { NULL };

  g_return_val_if_fail (CRB_IS_ARTICLE_EDITOR (self), FALSE);

  if (self->article == NULL || !validate (self))
    return FALSE;

  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    info[i] = dup_field (self, i);

  /* Closed first: the change may rebuild what the popover points at. */
  gtk_popover_popdown (GTK_POPOVER (self));
  gtk_widget_activate_action (GTK_WIDGET (self), "article.set-info", "(sssss)",
                              crb_article_get_id (self->article),
                              info[CRB_ARTICLE_INFO_OUTLET], info[CRB_ARTICLE_INFO_TITLE],
                              info[CRB_ARTICLE_INFO_DATE], info[CRB_ARTICLE_INFO_URL]);
  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    g_free (info[i]);
  return TRUE;
}

static void
on_save_clicked_cb (CrbArticleEditor *self)
{
  crb_article_editor_save (self);
}

static void
crb_article_editor_dispose (GObject *object)
{
  CrbArticleEditor *self = (CrbArticleEditor *) object;

  g_clear_object (&self->article);

  G_OBJECT_CLASS (crb_article_editor_parent_class)->dispose (object);
}

static void
crb_article_editor_class_init (CrbArticleEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = crb_article_editor_dispose;
}

static void
crb_article_editor_init (CrbArticleEditor *self)
{
  static const char * const titles[CRB_N_ARTICLE_INFO] = {
    N_("Outlet"), N_("Title"), N_("Date"), N_("Web Address"),
  };
  GtkWidget *box, *heading, *list, *buttons;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_size_request (box, 340, -1);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  heading = gtk_label_new (_("Article Details"));
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0.0);
  gtk_box_append (GTK_BOX (box), heading);

  self->source_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->source_label, "caption");
  gtk_widget_add_css_class (self->source_label, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (self->source_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->source_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->source_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->source_label), 40);
  gtk_box_append (GTK_BOX (box), self->source_label);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_set_margin_top (list, 6);
  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    {
      self->rows[i] = adw_entry_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->rows[i]), _(titles[i]));
      g_signal_connect_swapped (self->rows[i], "entry-activated", G_CALLBACK (on_save_clicked_cb),
                                self);
      g_signal_connect_swapped (self->rows[i], "changed", G_CALLBACK (validate), self);
      gtk_list_box_append (GTK_LIST_BOX (list), self->rows[i]);
    }
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (self->rows[CRB_ARTICLE_INFO_URL]),
                                   GTK_INPUT_PURPOSE_URL);
  gtk_box_append (GTK_BOX (box), list);

  self->hint_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->hint_label, "caption");
  gtk_label_set_xalign (GTK_LABEL (self->hint_label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (self->hint_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (self->hint_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (self->hint_label), 40);
  gtk_box_append (GTK_BOX (box), self->hint_label);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_widget_set_margin_top (buttons, 6);
  self->save_button = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (self->save_button, "suggested-action");
  g_signal_connect_swapped (self->save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self);
  gtk_box_append (GTK_BOX (buttons), self->save_button);
  gtk_box_append (GTK_BOX (box), buttons);

  gtk_popover_set_child (GTK_POPOVER (self), box);
  validate (self);
}

GtkWidget *
crb_article_editor_new (void)
{
  return g_object_new (CRB_TYPE_ARTICLE_EDITOR, NULL);
}

/**
 * crb_article_editor_set_article:
 * @article: (nullable): the article whose details to edit
 *
 * Fills the fields with @article's details as they are now.
 */
void
crb_article_editor_set_article (CrbArticleEditor *self,
                                CrbArticle       *article)
{
  const char *values[CRB_N_ARTICLE_INFO] = { NULL };
  g_autofree char *source = NULL;

  g_return_if_fail (CRB_IS_ARTICLE_EDITOR (self));
  g_return_if_fail (article == NULL || CRB_IS_ARTICLE (article));

  g_set_object (&self->article, article);
  if (article != NULL)
    {
      const char *path = crb_article_get_source (article);
      g_autofree char *name = NULL;

      name = path ? g_path_get_basename (path) : g_strdup (crb_article_get_id (article));
      values[CRB_ARTICLE_INFO_OUTLET] = crb_article_get_outlet (article);
      values[CRB_ARTICLE_INFO_TITLE] = crb_article_get_title (article);
      values[CRB_ARTICLE_INFO_DATE] = crb_article_get_date (article);
      values[CRB_ARTICLE_INFO_URL] = crb_article_get_url (article);
      /* Translators: where an article came from, its file: "From 000_ed1b.txt" */
      source = g_strdup_printf (_("From %s"), name);
    }

  for (guint i = 0; i < CRB_N_ARTICLE_INFO; i++)
    gtk_editable_set_text (GTK_EDITABLE (self->rows[i]), values[i] ? values[i] : "");
  gtk_label_set_label (GTK_LABEL (self->source_label), source ? source : "");
  validate (self);
}

/**
 * crb_article_editor_get_article:
 *
 * Returns: (transfer none) (nullable): the article edited
 */
CrbArticle *
crb_article_editor_get_article (CrbArticleEditor *self)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_EDITOR (self), NULL);
  return self->article;
}

/**
 * crb_article_editor_get_field:
 * @field: a #CrbArticleInfo
 *
 * Returns: (transfer none): the field's entry, for tests
 */
GtkEditable *
crb_article_editor_get_field (CrbArticleEditor *self,
                              guint             field)
{
  g_return_val_if_fail (CRB_IS_ARTICLE_EDITOR (self), NULL);
  g_return_val_if_fail (field < CRB_N_ARTICLE_INFO, NULL);
  return GTK_EDITABLE (self->rows[field]);
}
