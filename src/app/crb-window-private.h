/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/*
 * What the files of CrbWindow share.  The window is split by concern, as
 * GNOME Text Editor splits its own:
 *
 *  - crb-window.c          the window: construction, the stories, the
 *                          article columns, the project it shows
 *  - crb-window-actions.c  every action and shortcut, the single keys of the
 *                          review loop, which actions are enabled
 *  - crb-window-review.c   the review loop: the claim list and its filters,
 *                          selection, links, navigation
 *  - crb-window-decide.c   decisions and the questions before them (confirm
 *                          anyway, the reviewer's name), undo
 *  - crb-window-open.c     opening, the empty state, saving and the file on
 *                          disk
 *  - crb-window-import.c   files opened by what they are, importing, drops
 *  - crb-window-articles.c the articles' outlet, title, date and web
 *                          address, edited from the column header
 *  - crb-window-team.c     a team project: the reviewer, blind review, the
 *                          reviewer's queue, adjudication (docs/team.md)
 *  - crb-window-columns.c  the article columns, made for the articles in
 *                          view; the Shown Articles menu; the story's note
 *
 * Nothing here is API: these functions are for the window's files only.
 */

#include "crb-article-columns.h"
#include "crb-article-view.h"
#include "crb-claim-panel.h"
#include "crb-claims-pane.h"
#include "crb-window.h"

G_BEGIN_DECLS

/* Which claims the list shows (win.claim-filter) and in what order
 * (win.claim-order); the strings are the actions' targets.
 */
typedef enum
{
  CRB_CLAIM_FILTER_ALL,
  CRB_CLAIM_FILTER_PENDING,
  CRB_CLAIM_FILTER_CONFIRMED,
  CRB_CLAIM_FILTER_CORRECTED,
  CRB_CLAIM_FILTER_REJECTED,
  CRB_CLAIM_FILTER_CONTESTED,
} CrbClaimFilter;

typedef enum
{
  CRB_CLAIM_ORDER_STORY,
  CRB_CLAIM_ORDER_SCORE,
  CRB_CLAIM_ORDER_CONTESTED,
} CrbClaimOrder;

/* A decision waiting for an answer (crb-window-decide.c). */
typedef struct _CrbStep CrbStep;

/* The narrowest the claims pane may be made, and its default width. */
#define CRB_CLAIMS_MIN_WIDTH 340

struct _CrbWindow
{
  AdwApplicationWindow  parent_instance;

  /* template widgets */
  AdwHeaderBar         *header_bar;
  AdwWindowTitle       *window_title;
  GtkRevealer          *read_only_banner;
  GtkLabel             *read_only_label;
  GtkWidget            *sidebar_button;
  GtkWidget            *open_button;
  GtkWidget            *articles_button;
  GtkWidget            *articles_menu_box;
  GtkWidget            *export_button;
  GtkWidget            *undo_box;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *empty_page;
  AdwPreferencesGroup  *recent_group;
  AdwStatusPage        *loading_page;
  GtkProgressBar       *progress_bar;
  AdwFlap              *flap;
  GtkListView          *story_list;
  AdwFlap              *claims_flap;
  GtkWidget            *claims_button;
  AdwToastOverlay      *articles_toast_overlay;
  GtkRevealer          *note_banner;
  GtkLabel             *note_label;
  GtkLabel             *note_details;
  GtkWidget            *articles_scroller;
  CrbArticleColumns    *articles_box;
  GtkWidget            *claims_handle;
  CrbClaimsPane        *claims_pane;
  CrbClaimPanel        *claim_panel;
  GtkSearchEntry       *search_entry;
  GtkWidget            *filter_button;
  GtkStack             *claims_stack;
  AdwStatusPage        *no_match_page;
  GtkGridView          *claim_list;

  /* owned */
  GSettings            *settings;
  GCancellable         *cancellable;
  GCancellable         *import_cancellable;
  CrbProject           *project;
  CrbStory             *story;
  GtkSingleSelection   *story_selection;
  GtkFilterListModel   *claim_filter_model;
  GtkCustomFilter      *claim_filter;
  GtkSortListModel     *claim_sort_model;
  GtkCustomSorter      *claim_sorter;
  GtkSingleSelection   *claim_selection;
  GPtrArray            *columns;      /* CrbColumn, every column made; n_columns of them */
  GtkFilterListModel   *shown_articles; /* the story's articles less those unchecked */
  GtkCustomFilter      *article_filter;
  GHashTable           *hidden_articles; /* article ids unchecked in Shown Articles */
  GHashTable           *article_claims;  /* article id → its claims, made when asked */
  GtkListView          *articles_list;   /* in the Shown Articles menu */
  GHashTable           *dismissed_notes; /* ids of stories whose note was dismissed */
  GPtrArray            *recent_rows;
  GFileMonitor         *monitor;
  GHashTable           *badges;       /* claim id → "3 outlets · conflicts with 1" */
  char                 *disk_stamp;
  char                 *link_mark;    /* claim marked with L, to link to another */
  CrbClaim             *hidden_claim; /* selected when a filter left no claim */
  CrbStep              *confirm_step; /* asked whether to confirm anyway */
  CrbStep              *name_step;    /* waits for the reviewer's name */

  /* state */
  guint                 save_source;
  guint                 progress_source;
  guint                 monitor_source;
  guint                 refresh_source;
  gboolean              saving;
  gboolean              save_again;
  gboolean              closing;
  gboolean              busy;
  gboolean              switching;
  guint                 import_done;
  guint                 import_total;
  guint                 n_columns;
  CrbClaimFilter        claim_filter_kind;
  CrbClaimOrder         claim_order;
  int                   drag_start_width;
};

/* An article column.  Columns are made for the articles in view only
 * (CrbArticleColumns) and reused for other articles as the columns scroll
 * and from story to story: building ten text views anew was the largest
 * part of switching stories, and a story may have 400 articles.  A column
 * out of view shows no article.
 */
typedef struct
{
  CrbArticleView *view;
} CrbColumn;

/* crb-window-columns.c */
void            _crb_window_class_columns_init  (GtkWidgetClass    *widget_class);
void            _crb_window_columns_init        (CrbWindow         *self);
void            _crb_window_columns_dispose     (CrbWindow         *self);
void            _crb_window_columns_show_story  (CrbWindow         *self);
void            _crb_window_columns_update_note (CrbWindow         *self);
CrbArticleView *_crb_window_view_for_article    (CrbWindow         *self,
                                                 const char        *article_id);
void            _crb_window_show_claim_in_columns (CrbWindow       *self,
                                                 CrbClaim          *claim);
void            _crb_window_scroll_to_article   (CrbWindow         *self,
                                                 const char        *article_id);
void            _crb_window_columns_article_changed (CrbWindow     *self,
                                                 CrbArticle        *article);

/* crb-window.c */
void            _crb_window_show_error          (CrbWindow         *self,
                                                 const char        *heading,
                                                 const char        *body);
void            _crb_window_toast               (CrbWindow         *self,
                                                 const char        *title,
                                                 const char        *action);
void            _crb_window_add_toast           (CrbWindow         *self,
                                                 AdwToast          *toast);
void            _crb_window_set_page            (CrbWindow         *self,
                                                 const char        *name);
void            _crb_window_update_title        (CrbWindow         *self);
const char     *_crb_window_get_badges          (CrbWindow         *self,
                                                 CrbClaim          *claim);
void            _crb_window_set_project         (CrbWindow         *self,
                                                 CrbProject        *project);
void            _crb_window_reveal_claims       (CrbWindow         *self);
gboolean        _crb_window_is_read_only        (CrbWindow         *self);

/* crb-window-actions.c */
void            _crb_window_class_actions_init  (GtkWidgetClass    *widget_class);
void            _crb_window_actions_init        (CrbWindow         *self);
void            _crb_window_update_actions      (CrbWindow         *self);

/* crb-window-review.c */
void            _crb_window_review_init         (CrbWindow         *self);
void            _crb_window_review_dispose      (CrbWindow         *self);
CrbClaim       *_crb_window_get_current_claim   (CrbWindow         *self);
guint           _crb_window_claim_position      (CrbWindow         *self,
                                                 CrbClaim          *claim);
CrbClaim       *_crb_window_next_pending        (CrbWindow         *self,
                                                 CrbClaim          *from,
                                                 gboolean           include_from);
void            _crb_window_select              (CrbWindow         *self,
                                                 CrbClaim          *claim);
void            _crb_window_claim_selected      (CrbWindow         *self);
void            _crb_window_update_badges       (CrbWindow         *self);
void            _crb_window_update_claim_rows   (CrbWindow         *self);
void            _crb_window_update_standings    (CrbWindow         *self);
void            _crb_window_refilter            (CrbWindow         *self);
void            _crb_window_resort              (CrbWindow         *self);
void            _crb_window_show_all_claims     (CrbWindow         *self);
void            _crb_window_focus_review        (CrbWindow         *self);
void            _crb_window_link                (CrbWindow         *self,
                                                 CrbRelation        relation);
void            _crb_window_link_to             (CrbWindow         *self,
                                                 CrbClaim          *claim,
                                                 CrbRelation        relation);
void            _crb_window_unlink              (CrbWindow         *self,
                                                 const char        *other_id);
void            _crb_window_skip                (CrbWindow         *self);
void            _crb_window_move                (CrbWindow         *self,
                                                 int                delta);

/* crb-window-decide.c */
void            _crb_window_decide_init         (CrbWindow         *self);
void            _crb_window_decide_dispose      (CrbWindow         *self);
void            _crb_step_free                  (CrbStep           *step);
void            _crb_window_confirm             (CrbWindow         *self);
void            _crb_window_confirm_all         (CrbWindow         *self);
void            _crb_window_confirm_anyway      (CrbWindow         *self);
void            _crb_window_confirm_agreeing    (CrbWindow         *self,
                                                 const char        *claim_id);
void            _crb_window_reject_for          (CrbWindow         *self,
                                                 CrbRejectReason    reason);
void            _crb_window_undo_redo           (CrbWindow         *self,
                                                 gboolean           undo);

/* crb-window-articles.c */
void            _crb_window_edit_article        (CrbWindow         *self,
                                                 const char        *article_id);
void            _crb_window_set_article_info    (CrbWindow         *self,
                                                 const char        *article_id,
                                                 const char * const *info);
void            _crb_window_article_changed     (CrbWindow         *self,
                                                 CrbArticle        *article);

/* crb-window-import.c */
void            _crb_window_import_init         (CrbWindow         *self);

/* crb-window-team.c (team review: hooks in the files above call these) */
void            _crb_window_class_team_init     (GtkWidgetClass    *widget_class);
void            _crb_window_team_project_set    (CrbWindow         *self);
gboolean        _crb_window_team_is_pending     (CrbWindow         *self,
                                                 CrbClaim          *claim);
gboolean        _crb_window_team_needs_name     (CrbWindow         *self);
gboolean        _crb_window_team_refuses_name   (CrbWindow         *self);
void            _crb_window_team_update_title   (CrbWindow         *self);
void            _crb_window_team_update_actions (CrbWindow         *self);

/* crb-window-open.c */
void            _crb_window_open_init           (CrbWindow         *self);
void            _crb_window_watch_file          (CrbWindow         *self);
void            _crb_window_save_now            (CrbWindow         *self);
void            _crb_window_schedule_save       (CrbWindow         *self);
void            _crb_window_choose_project      (CrbWindow         *self);
void            _crb_window_choose_articles     (CrbWindow         *self,
                                                 gboolean           new_project,
                                                 gboolean           folder);
void            _crb_window_choose_save_as      (CrbWindow         *self);
void            _crb_window_try_sample          (CrbWindow         *self);
void            _crb_window_cancel_import       (CrbWindow         *self);

G_END_DECLS
