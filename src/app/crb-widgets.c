/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "crb-widgets.h"

/**
 * crb_label_new:
 * @text: (nullable): the label's text
 * @css_class: (nullable): a style class to add
 * @wrap: whether it wraps (at words, or anywhere in a long word)
 *
 * Returns: (transfer floating): a label aligned to the start
 */
GtkWidget *
crb_label_new (const char *text,
               const char *css_class,
               gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), wrap);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/**
 * crb_action_button_new:
 * @label: the label, with a mnemonic
 * @action: the detailed action it activates
 * @tooltip: its tooltip
 * @css_class: (nullable): a style class to add
 *
 * Returns: (transfer floating): the button
 */
GtkWidget *
crb_action_button_new (const char *label,
                       const char *action,
                       const char *tooltip,
                       const char *css_class)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_tooltip_text (button, tooltip);
  if (css_class != NULL)
    gtk_widget_add_css_class (button, css_class);
  return button;
}
