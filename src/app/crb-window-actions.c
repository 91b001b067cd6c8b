/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>

#include "crb-export-dialog.h"
#include "crb-stats-window.h"
#include "crb-window-private.h"

/*
 * Every action of the window and its shortcuts (gtk/help-overlay.ui lists
 * them for people), the single keys of the review loop, and which actions
 * are enabled.
 */

/* The actions are thin: each calls the part of the window that does it. */

static void
open_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _crb_window_choose_project (CRB_WINDOW (widget));
}

static void
new_project_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _crb_window_choose_articles (CRB_WINDOW (widget), TRUE, FALSE);
}

static void
add_articles_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _crb_window_choose_articles (CRB_WINDOW (widget), FALSE, FALSE);
}

static void
add_folder_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _crb_window_choose_articles (CRB_WINDOW (widget), FALSE, TRUE);
}

static void
try_sample_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  _crb_window_try_sample (CRB_WINDOW (widget));
}

static void
cancel_import_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  _crb_window_cancel_import (CRB_WINDOW (widget));
}

static void
save_as_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _crb_window_choose_save_as (CRB_WINDOW (widget));
}

static void
on_exported_cb (CrbWindow *self,
                GFile     *file,
                guint      n_records)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u record to %s",
                                                        "Exported %u records to %s", n_records),
                                           n_records, name);

  _crb_window_toast (self, text, NULL);
}

static void
export_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);
  GtkWidget *dialog;

  _crb_window_save_now (self);
  dialog = crb_export_dialog_new (GTK_WINDOW (self), self->project);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (on_exported_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
statistics_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (crb_stats_window_new (GTK_WINDOW (self), self->project)));
}

static void
cancel_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crb_claim_panel_cancel (CRB_WINDOW (widget)->claim_panel);
}

static void
focus_search_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  if (self->project != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
toggle_sidebar_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  CrbWindow *self = CRB_WINDOW (widget);

  adw_flap_set_reveal_flap (self->flap, !adw_flap_get_reveal_flap (self->flap));
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _crb_window_undo_redo (CRB_WINDOW (widget), TRUE);
}

static void
redo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _crb_window_undo_redo (CRB_WINDOW (widget), FALSE);
}

static void
confirm_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _crb_window_confirm (CRB_WINDOW (widget));
}

static void
confirm_anyway_activated (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  _crb_window_confirm_anyway (CRB_WINDOW (widget));
}

static void
confirm_all_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  _crb_window_confirm_all (CRB_WINDOW (widget));
}

static void
confirm_agreeing_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  _crb_window_confirm_agreeing (CRB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
unlink_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _crb_window_unlink (CRB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* L marks the selected claim; L (agrees) or Shift+L (conflicts) on a claim
 * of another article links the two: linking by hand from the keyboard.
 */
static void
link_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _crb_window_link (CRB_WINDOW (widget), g_variant_get_int32 (parameter));
}

static void
select_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  crb_window_select_claim (CRB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
reject_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  _crb_window_reveal_claims (CRB_WINDOW (widget));
  crb_claim_panel_set_reject_mode (CRB_WINDOW (widget)->claim_panel, TRUE);
}

static void
reason_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  int reason = g_variant_get_int32 (parameter);

  if (reason >= CRB_REJECT_REASON_FALSE && reason <= CRB_REJECT_REASON_WRONG_SPAN)
    _crb_window_reject_for (CRB_WINDOW (widget), reason);
}

static void
correct_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  _crb_window_reveal_claims (CRB_WINDOW (widget));
  crb_claim_panel_begin_correction (CRB_WINDOW (widget)->claim_panel);
}

static void
note_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _crb_window_reveal_claims (CRB_WINDOW (widget));
  crb_claim_panel_begin_note (CRB_WINDOW (widget)->claim_panel);
}

static void
skip_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _crb_window_skip (CRB_WINDOW (widget));
}

static void
next_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  _crb_window_move (CRB_WINDOW (widget), 1);
}

static void
previous_activated (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _crb_window_move (CRB_WINDOW (widget), -1);
}

static void
show_all_claims_activated (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  _crb_window_show_all_claims (CRB_WINDOW (widget));
}

static void
article_edit_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  _crb_window_edit_article (CRB_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* The editor's answer: article id, outlet, title, date, URL ("" clears). */
static void
article_set_info_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  const char *id, *info[4];

  g_variant_get (parameter, "(&s&s&s&s&s)", &id, &info[0], &info[1], &info[2], &info[3]);
  _crb_window_set_article_info (CRB_WINDOW (widget), id, info);
}

/* ---- keys ---- */

static gboolean
focus_is_editable (CrbWindow *self)
{
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (self));

  for (GtkWidget *w = focus; w != NULL; w = gtk_widget_get_parent (w))
    {
      if (GTK_IS_EDITABLE (w) || (GTK_IS_TEXT_VIEW (w) && gtk_text_view_get_editable (GTK_TEXT_VIEW (w))))
        return TRUE;
      if (GTK_IS_WINDOW (w))
        break;
    }

  return FALSE;
}

/* Single keys drive the review loop, except while the user types text. */
static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   CrbWindow             *self)
{
  GdkModifierType mods = state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK);
  const char *action = NULL;
  GVariant *param = NULL;

  if (mods != 0 || self->project == NULL || self->busy || focus_is_editable (self) ||
      g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "project") != 0)
    return FALSE;

  /* Asked whether to confirm anyway: Enter says yes, wherever the focus. */
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter) &&
      crb_claim_panel_is_asking_confirm (self->claim_panel))
    return gtk_widget_activate_action (GTK_WIDGET (self), "claim.confirm-anyway", NULL);

  /* F2 edits the details of the selected claim's article, as it renames
   * in GNOME's file manager.
   */
  if (keyval == GDK_KEY_F2)
    {
      CrbClaim *claim = _crb_window_get_current_claim (self);

      return claim != NULL &&
             gtk_widget_activate_action (GTK_WIDGET (self), "article.edit", "s",
                                         crb_claim_get_article_id (claim));
    }

  if (keyval == GDK_KEY_A && (state & GDK_SHIFT_MASK))
    return gtk_widget_activate_action (GTK_WIDGET (self), "claim.confirm-all", NULL);
  if (gdk_keyval_to_lower (keyval) == GDK_KEY_l)
    return gtk_widget_activate_action (GTK_WIDGET (self), "claim.link", "i",
                                       (state & GDK_SHIFT_MASK) ? CRB_RELATION_CONFLICTS : CRB_RELATION_AGREES);

  switch (gdk_keyval_to_lower (keyval))
    {
    case GDK_KEY_a:
      action = "claim.confirm";
      break;
    case GDK_KEY_x:
      action = "claim.reject";
      break;
    case GDK_KEY_e:
      action = "claim.correct";
      break;
    case GDK_KEY_n:
      action = "claim.note";
      break;
    case GDK_KEY_space:
      action = "claim.skip";
      break;
    case GDK_KEY_j:
    case GDK_KEY_Down:
      action = "claim.next";
      break;
    case GDK_KEY_k:
    case GDK_KEY_Up:
      action = "claim.previous";
      break;
    case GDK_KEY_Escape:
      action = "claim.cancel";
      break;
    case GDK_KEY_1: case GDK_KEY_2: case GDK_KEY_3: case GDK_KEY_4: case GDK_KEY_5: case GDK_KEY_6:
      action = "claim.reason";
      param = g_variant_new_int32 (keyval - GDK_KEY_0);
      break;
    case GDK_KEY_KP_1: case GDK_KEY_KP_2: case GDK_KEY_KP_3: case GDK_KEY_KP_4: case GDK_KEY_KP_5: case GDK_KEY_KP_6:
      action = "claim.reason";
      param = g_variant_new_int32 (keyval - GDK_KEY_KP_0);
      break;
    default:
      return FALSE;
    }

  return gtk_widget_activate_action_variant (GTK_WIDGET (self), action, param);
}

/* The undo and redo buttons say what they would do: "Undo: confirmed 3
 * claims (Ctrl+Z)".  Set only when it changes: a tooltip costs GTK 4.8
 * about a millisecond, and this runs at every move through the claims.
 */
static void
update_undo_tooltip (GtkWidget *button,
                     char      *text)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (button), text) != 0)
    gtk_widget_set_tooltip_text (button, text);
  g_free (text);
}

void
_crb_window_update_actions (CrbWindow *self)
{
  gboolean has_project = self->project != NULL && !self->busy;
  gboolean has_claim = has_project && _crb_window_get_current_claim (self) != NULL;
  /* A read-only project is looked at, not changed. */
  gboolean writable = has_project && !_crb_window_is_read_only (self);
  gboolean can_decide = has_claim && writable;
  gboolean can_undo = writable && crb_project_can_undo (self->project);
  gboolean can_redo = writable && crb_project_can_redo (self->project);
  GtkWidget *undo_button = gtk_widget_get_first_child (self->undo_box);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
  if (undo_button != NULL)
    {
      g_autofree char *undo = can_undo ? crb_project_dup_undo_label (self->project) : NULL;
      g_autofree char *redo = can_redo ? crb_project_dup_redo_label (self->project) : NULL;

      /* Translators: a tooltip; %s says what undo takes back: "confirmed 3 claims" */
      update_undo_tooltip (undo_button, undo ? g_strdup_printf (_("Undo: %s (Ctrl+Z)"), undo)
                                             : g_strdup (_("Undo (Ctrl+Z)")));
      /* Translators: a tooltip; %s says what redo makes again: "confirmed 3 claims" */
      update_undo_tooltip (gtk_widget_get_next_sibling (undo_button),
                           redo ? g_strdup_printf (_("Redo: %s (Ctrl+Shift+Z)"), redo)
                                : g_strdup (_("Redo (Ctrl+Shift+Z)")));
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.statistics", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", has_project);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-articles", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-folder", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-project", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.try-sample", !self->busy);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.edit",
                                 writable && self->story != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "article.set-info", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.confirm", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.confirm-all", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.confirm-anyway", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.confirm-agreeing", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.unlink", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.link", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.correct", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.reject", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.reason", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.skip", has_claim);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.note", can_decide);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.next", has_project && self->story != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.previous", has_project && self->story != NULL);
  _crb_window_team_update_actions (self);   /* team review: win.adjudicate */
}

void
_crb_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_activated);
  gtk_widget_class_install_action (widget_class, "win.new-project", NULL, new_project_activated);
  gtk_widget_class_install_action (widget_class, "win.add-articles", NULL, add_articles_activated);
  gtk_widget_class_install_action (widget_class, "win.add-folder", NULL, add_folder_activated);
  gtk_widget_class_install_action (widget_class, "win.try-sample", NULL, try_sample_activated);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_activated);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_activated);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, export_activated);
  gtk_widget_class_install_action (widget_class, "win.statistics", NULL, statistics_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_activated);
  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_activated);
  gtk_widget_class_install_action (widget_class, "win.toggle-sidebar", NULL, toggle_sidebar_activated);
  gtk_widget_class_install_action (widget_class, "win.show-all-claims", NULL,
                                   show_all_claims_activated);
  gtk_widget_class_install_property_action (widget_class, "win.claim-filter", "claim-filter");
  gtk_widget_class_install_property_action (widget_class, "win.claim-order", "claim-order");
  gtk_widget_class_install_action (widget_class, "article.edit", "s", article_edit_activated);
  gtk_widget_class_install_action (widget_class, "article.set-info", "(sssss)",
                                   article_set_info_activated);
  gtk_widget_class_install_action (widget_class, "claim.confirm", NULL, confirm_activated);
  gtk_widget_class_install_action (widget_class, "claim.confirm-all", NULL, confirm_all_activated);
  gtk_widget_class_install_action (widget_class, "claim.confirm-anyway", NULL, confirm_anyway_activated);
  gtk_widget_class_install_action (widget_class, "claim.confirm-agreeing", "s", confirm_agreeing_activated);
  gtk_widget_class_install_action (widget_class, "claim.unlink", "s", unlink_activated);
  gtk_widget_class_install_action (widget_class, "claim.link", "i", link_activated);
  gtk_widget_class_install_action (widget_class, "claim.select", "s", select_activated);
  gtk_widget_class_install_action (widget_class, "claim.reject", NULL, reject_activated);
  gtk_widget_class_install_action (widget_class, "claim.reason", "i", reason_activated);
  gtk_widget_class_install_action (widget_class, "claim.correct", NULL, correct_activated);
  gtk_widget_class_install_action (widget_class, "claim.note", NULL, note_activated);
  gtk_widget_class_install_action (widget_class, "claim.skip", NULL, skip_activated);
  gtk_widget_class_install_action (widget_class, "claim.next", NULL, next_activated);
  gtk_widget_class_install_action (widget_class, "claim.previous", NULL, previous_activated);
  gtk_widget_class_install_action (widget_class, "claim.cancel", NULL, cancel_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-project", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.statistics", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "win.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.focus-search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0, "win.toggle-sidebar", NULL);
}

void
_crb_window_actions_init (CrbWindow *self)
{
  GtkEventController *keys;

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
}
