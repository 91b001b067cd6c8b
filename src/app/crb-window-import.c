/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "crb-import.h"
#include "crb-open-files.h"
#include "crb-window-private.h"

/*
 * Importing: files opened by what they are (a project by its first line,
 * whatever its name; anything else offered for import in a dialog that
 * says what will happen, or the project those files already make), files
 * dropped on the window, the sample, and the import itself in a worker
 * thread, into the window's project or a new one.
 */

/* The folder of the bundled sample articles: $CORROBORATE_SAMPLE_DIR, or
 * the installed copy.
 */
static char *
get_sample_dir (void)
{
  const char *env = g_getenv ("CORROBORATE_SAMPLE_DIR");

  if (env != NULL)
    return g_strdup (env);

  return g_build_filename (PKGDATADIR, "sample", "harbor-bridge", NULL);
}

/* A window with a project keeps it: a project opened from it goes to
 * another window, which the application picks or makes.
 */
static void
open_elsewhere (CrbWindow *self,
                GFile     *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_widget_activate_action (GTK_WIDGET (self), "app.open-project", "s", uri);
}

/* Articles for a new project, from a window that has one. */
static void
import_elsewhere (CrbWindow  *self,
                  GPtrArray  *files,
                  const char *story_title)
{
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  g_auto (GStrv) uris = NULL;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *uri = g_file_get_uri (g_ptr_array_index (files, i));

      g_strv_builder_add (builder, uri);
    }
  uris = g_strv_builder_end (builder);
  gtk_widget_activate_action (GTK_WIDGET (self), "app.import", "(^ass)", uris,
                              story_title ? story_title : "");
}

typedef struct
{
  GStrv      paths;
  double     threshold;
  char      *extractor_command;
  GPtrArray *warnings;
  CrbWindow *self;   /* for the progress counters only */
} ImportData;

static void
import_data_free (ImportData *data)
{
  g_strfreev (data->paths);
  g_free (data->extractor_command);
  g_ptr_array_unref (data->warnings);
  g_free (data);
}

static void
import_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  ImportData *data = user_data;

  g_atomic_int_set (&data->self->import_total, total);
  g_atomic_int_set (&data->self->import_done, done);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportData *data = task_data;
  GError *error = NULL;
  GPtrArray *items;

  items = crb_import_prepare_full ((const char * const *) data->paths, CRB_IMPORT_NONE, data->threshold,
                                   data->extractor_command, 0, data->warnings, import_progress_cb, data,
                                   cancellable, &error);
  if (items == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, items, (GDestroyNotify) g_ptr_array_unref);
}

static gboolean
update_progress_cb (gpointer user_data)
{
  CrbWindow *self = user_data;
  guint done = g_atomic_int_get (&self->import_done);
  guint total = g_atomic_int_get (&self->import_total);
  g_autofree char *text = NULL;

  if (total == 0)
    {
      gtk_progress_bar_pulse (self->progress_bar);
      gtk_progress_bar_set_text (self->progress_bar, _("Reading files…"));
    }
  else
    {
      /* Translators: "Extracting claims: 3 of 10 articles" */
      text = g_strdup_printf (_("Extracting claims: %u of %u articles"), done, total);
      gtk_progress_bar_set_fraction (self->progress_bar, (double) done / total);
      gtk_progress_bar_set_text (self->progress_bar, text);
    }

  return G_SOURCE_CONTINUE;
}

static void
import_finished_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr (CrbWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) items = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr (CrbProject) created = NULL;
  ImportData *data = g_task_get_task_data (G_TASK (result));
  g_autofree char *story_title = g_strdup (g_object_get_data (G_OBJECT (result), "crb-story"));
  CrbProject *project;
  guint n_stories_before;

  g_clear_handle_id (&self->progress_source, g_source_remove);
  g_clear_object (&self->import_cancellable);
  self->busy = FALSE;

  if (items == NULL)
    {
      _crb_window_set_page (self, self->project ? "project" : "empty");
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _crb_window_show_error (self, _("The Articles Could Not Be Imported"), error->message);
      else
        _crb_window_toast (self, _("Import cancelled; nothing was added"), NULL);
      return;
    }

  if (story_title == NULL)
    story_title = crb_import_default_story ((const char * const *) data->paths);

  project = self->project;
  if (project == NULL)
    {
      g_autofree char *path = crb_new_project_path (story_title);
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr (GFile) file = g_file_new_for_path (path);

      g_mkdir_with_parents (dir, 0700);
      created = crb_project_new (story_title);
      project = created;
      /* A new project lives in the app's data folder until saved elsewhere. */
      if (!crb_project_save (project, file, NULL, &error))
        {
          _crb_window_show_error (self, _("The Project Could Not Be Created"), error->message);
          _crb_window_set_page (self, "empty");
          return;
        }
    }

  n_stories_before = g_list_model_get_n_items (crb_project_get_stories (project));
  if (!crb_project_import (project, items, story_title, data->threshold, NULL, &error))
    {
      _crb_window_show_error (self, _("The Articles Could Not Be Imported"), error->message);
      _crb_window_set_page (self, self->project ? "project" : "empty");
      return;
    }

  if (created != NULL)
    _crb_window_set_project (self, created);
  else
    _crb_window_set_page (self, "project");
  _crb_window_save_now (self);

  /* Show where the new articles went. */
  {
    GListModel *stories = crb_project_get_stories (project);
    guint n = g_list_model_get_n_items (stories);
    g_autoptr (CrbStory) story = NULL;

    if (n > n_stories_before)
      story = g_list_model_get_item (stories, n_stories_before);
    else
      story = g_object_ref (crb_project_find_story_by_title (project, story_title));
    if (story != NULL)
      crb_window_select_story (self, story);
  }

  if (data->warnings->len > 0)
    {
      g_autoptr (GString) body = g_string_new (NULL);

      for (guint i = 0; i < data->warnings->len; i++)
        g_string_append_printf (body, "%s%s", i ? "\n" : "", (char *) g_ptr_array_index (data->warnings, i));
      _crb_window_show_error (self, _("Imported, with Warnings"), body->str);
    }
  else
    {
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %u article", "Added %u articles",
                                                            items->len), items->len);
      _crb_window_toast (self, text, NULL);
    }
}

static void
articles_response_cb (GtkNativeDialog *dialog,
                      int              response,
                      CrbWindow       *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));
      g_autoptr (GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);
      gboolean new_project = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "crb-new"));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));

      /* A new project of files that make one already offers that one. */
      if (new_project)
        crb_window_open_files (self, list, FALSE);
      else
        crb_window_import (self, list, NULL);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

void
_crb_window_choose_articles (CrbWindow *self,
                             gboolean   new_project,
                             gboolean   folder)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (new_project ? _("New Project from Articles") : _("Add Articles"),
                                        GTK_WINDOW (self),
                                        folder ? GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER : GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  if (!folder)
    {
      g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("Articles (text, Markdown, HTML, JSON Lines)"));
      gtk_file_filter_add_pattern (filter, "*.txt");
      gtk_file_filter_add_pattern (filter, "*.md");
      gtk_file_filter_add_pattern (filter, "*.html");
      gtk_file_filter_add_pattern (filter, "*.htm");
      gtk_file_filter_add_pattern (filter, "*.jsonl");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  g_object_set_data (G_OBJECT (dialog), "crb-new", GINT_TO_POINTER (new_project));
  g_signal_connect (dialog, "response", G_CALLBACK (articles_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_crb_window_try_sample (CrbWindow *self)
{
  g_autofree char *dir = get_sample_dir ();
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *body = g_strdup_printf (_("The sample articles are not in %s. Install Corroborate, or run it from its build folder with “meson devenv -C _build”, which sets CORROBORATE_SAMPLE_DIR."), dir);
      _crb_window_show_error (self, _("The Sample Is Missing"), body);
      return;
    }

  g_ptr_array_add (files, g_file_new_for_path (dir));
  if (self->project != NULL)
    import_elsewhere (self, files, _("Harbor bridge collapse (sample)"));
  else
    crb_window_import (self, files, _("Harbor bridge collapse (sample)"));
}

/* Dropped files are opened by what they are: projects open, anything
 * else is offered for import.
 */
static gboolean
on_drop_cb (GtkDropTarget *target,
            const GValue  *value,
            double         x,
            double         y,
            CrbWindow     *self)
{
  g_autoptr (GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GSList *list;

  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST) || self->busy)
    return FALSE;

  list = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = list; l; l = l->next)
    g_ptr_array_add (files, g_object_ref (l->data));
  g_slist_free (list);
  if (files->len == 0)
    return FALSE;

  crb_window_open_files (self, files, TRUE);
  return TRUE;
}

/**
 * crb_window_import:
 * @files: (element-type GFile): files, folders and corpora
 * @story_title: (nullable): the story of the articles; by default the
 *   name of the folder
 *
 * Reads and extracts the articles in a worker thread, showing progress and
 * a Cancel button, then adds them to the window's project, or to a new
 * project when there is none.
 */
void
crb_window_import (CrbWindow  *self,
                   GPtrArray  *files,
                   const char *story_title)
{
  g_autoptr (GTask) task = NULL;
  g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
  ImportData *data;

  g_return_if_fail (CRB_IS_WINDOW (self));
  g_return_if_fail (files != NULL && files->len > 0);

  if (self->busy)
    return;

  for (guint i = 0; i < files->len; i++)
    {
      g_autofree char *path = g_file_get_path (g_ptr_array_index (files, i));
      if (path != NULL)
        g_strv_builder_add (builder, path);
    }

  data = g_new0 (ImportData, 1);
  data->paths = g_strv_builder_end (builder);
  data->threshold = g_settings_get_double (self->settings, "extraction-threshold");
  data->extractor_command = g_settings_get_string (self->settings, "extractor-command");
  data->warnings = g_ptr_array_new_with_free_func (g_free);
  data->self = self;

  self->busy = TRUE;
  self->import_done = 0;
  self->import_total = 0;
  self->import_cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->loading_page, _("Reading Articles…"));
  _crb_window_set_page (self, "loading");
  self->progress_source = g_timeout_add (100, update_progress_cb, self);

  task = g_task_new (NULL, self->import_cancellable, import_finished_cb, g_object_ref (self));
  g_task_set_source_tag (task, crb_window_import);
  g_task_set_task_data (task, data, (GDestroyNotify) import_data_free);
  g_object_set_data_full (G_OBJECT (task), "crb-story", g_strdup (story_title), g_free);
  g_task_run_in_thread (task, import_thread);
}

void
_crb_window_cancel_import (CrbWindow *self)
{
  if (self->import_cancellable != NULL)
    g_cancellable_cancel (self->import_cancellable);
}

/* "a.txt, b.txt and c.txt", or "a.txt, b.txt, c.txt and 4 more files". */
static char *
join_names (GPtrArray *names)
{
  const guint max = 3;
  g_autoptr (GString) s = g_string_new (NULL);
  guint n = MIN (names->len, max);

  if (names->len == 1)
    return g_strdup (g_ptr_array_index (names, 0));

  for (guint i = 0; i + 1 < n; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (char *) g_ptr_array_index (names, i));
  if (names->len <= max)
    /* Translators: the last two of a list: "a.txt, b.txt and c.txt" */
    return g_strdup_printf (_("%s and %s"), s->str, (char *) g_ptr_array_index (names, n - 1));

  g_string_append_printf (s, ", %s", (char *) g_ptr_array_index (names, n - 1));
  /* Translators: a list cut short: "a.txt, b.txt, c.txt and 4 more files" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more file", "%s and %u more files",
                                       names->len - max),
                          s->str, names->len - max);
}

/* "“harbor-bridge”", or "“a”, “b” and 2 more stories". */
static char *
join_stories (GPtrArray *stories)
{
  g_autoptr (GPtrArray) quoted = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < stories->len; i++)
    g_ptr_array_add (quoted, g_strdup_printf ("“%s”", (char *) g_ptr_array_index (stories, i)));
  if (quoted->len <= 3)
    return join_names (quoted);
  {
    g_autofree char *first = g_strdup_printf ("%s, %s, %s", (char *) quoted->pdata[0], (char *) quoted->pdata[1],
                                              (char *) quoted->pdata[2]);

    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s and %u more story", "%s and %u more stories",
                                         quoted->len - 3),
                            first, quoted->len - 3);
  }
}

/* A path as people read it: ~ for the home folder. */
static char *
display_path (const char *path)
{
  const char *home = g_get_home_dir ();
  gsize n = strlen (home);

  if (n > 1 && g_str_has_prefix (path, home) && (path[n] == '/' || path[n] == '\0'))
    return g_strconcat ("~", path + n, NULL);
  return g_filename_display_name (path);
}

static void
on_offer_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      CrbWindow        *self)
{
  CrbImportPlan *plan = g_object_get_data (G_OBJECT (dialog), "crb-plan");

  if (g_str_equal (response, "import") || g_str_equal (response, "new"))
    {
      if (self->project == NULL && !self->busy)
        crb_window_import (self, plan->articles, NULL);
      else
        import_elsewhere (self, plan->articles, NULL);
    }
  else if (g_str_equal (response, "add"))
    crb_window_import (self, plan->articles, NULL);
  else if (g_str_equal (response, "open") && plan->existing != NULL)
    {
      if (self->project == NULL && !self->busy)
        crb_window_open_project (self, plan->existing);
      else
        open_elsewhere (self, plan->existing);
    }
}

/* Asks what to do with articles: says what will happen, or offers the
 * project they make already.  Takes @plan.  Without @ask, a new project is
 * made at once unless one exists.
 */
static void
offer_import (CrbWindow     *self,
              CrbImportPlan *plan,
              gboolean       ask)
{
  GFile *own = self->project ? crb_project_get_file (self->project) : NULL;
  g_autofree char *names = join_names (plan->names);
  g_autofree char *stories = join_stories (plan->stories);
  g_autofree char *heading = NULL, *body = NULL;
  guint n = plan->names->len;
  AdwMessageDialog *dialog;

  if (plan->existing != NULL && own != NULL && g_file_equal (plan->existing, own))
    {
      heading = g_strdup (_("Already in This Project"));
      body = g_strdup_printf (_("The articles of %s are in this project already. Adding them again makes a second copy of each."),
                              names);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"),
                                        ask ? "add" : "new", ask ? _("Add _Again") : _("New _Project"), NULL);
      adw_message_dialog_set_default_response (dialog, "cancel");
    }
  else if (plan->existing != NULL)
    {
      g_autofree char *path = g_file_get_path (plan->existing);
      g_autofree char *shown = display_path (path);

      heading = g_strdup (_("These Articles Are a Project Already"));
      /* Translators: %1$s lists files, %2$s is a project file's path */
      body = g_strdup_printf (_("The articles of %1$s are in the project %2$s. Open it to go on with its review, or import them again as another project."),
                              names, shown);
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("Import _Again"),
                                        "open", _("_Open Project"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "open", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "open");
    }
  else if (!ask)
    {
      if (self->project == NULL)
        crb_window_import (self, plan->articles, NULL);
      else
        import_elsewhere (self, plan->articles, NULL);
      crb_import_plan_free (plan);
      return;
    }
  else if (self->project == NULL)
    {
      g_autofree char *path = crb_new_project_path (plan->stories->len ? g_ptr_array_index (plan->stories, 0) : "");
      g_autofree char *dir = g_path_get_dirname (path);
      g_autofree char *base = g_path_get_basename (path);
      g_autofree char *shown = display_path (dir);

      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Start a Project from %u File?",
                                              "Start a Project from %u Files?", n), n);
      g_autofree char *where = NULL;

      /* Translators: %1$s lists files, %2$s the stories they make, %3$s is
       * a file name and %4$s its folder
       */
      where = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "The claims of %1$s will be extracted into the story %2$s of a new project, %3$s in %4$s.",
                                            "The claims of %1$s will be extracted into the stories %2$s of a new project, %3$s in %4$s.",
                                            plan->stories->len),
                               names, stories, base, shown);
      body = g_strdup_printf ("%s %s", where,
                              g_dngettext (GETTEXT_PACKAGE, "The file is not changed.", "The files are not changed.", n));
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "import", _("_Import"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "import");
    }
  else
    {
      heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Add %u File to This Project?",
                                              "Add %u Files to This Project?", n), n);
      /* Translators: %1$s lists files, %2$s the stories they make, %3$s is the project's title */
      body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "The claims of %1$s will be extracted into the story %2$s of “%3$s”, or of a new project.",
                                           "The claims of %1$s will be extracted into the stories %2$s of “%3$s”, or of a new project.",
                                           plan->stories->len),
                              names, stories,
                              crb_project_get_title (self->project) ? crb_project_get_title (self->project) : "");
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "new", _("_New Project"),
                                        "add", _("_Add"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "add", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "add");
    }

  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "crb-plan", plan, (GDestroyNotify) crb_import_plan_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_offer_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  CrbWindow *self;
  gboolean   ask;
} OpenData;

static void
plan_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  OpenData *data = user_data;
  g_autoptr (CrbWindow) self = data->self;
  gboolean ask = data->ask;
  g_autoptr (GError) error = NULL;
  CrbImportPlan *plan = crb_import_plan_new_finish (result, &error);
  gboolean opened_here = FALSE;

  g_free (data);
  if (plan == NULL)
    return;

  for (guint i = 0; i < plan->projects->len; i++)
    {
      GFile *file = g_ptr_array_index (plan->projects, i);

      if (self->project == NULL && !self->busy)
        {
          crb_window_open_project (self, file);
          opened_here = TRUE;
        }
      else
        open_elsewhere (self, file);
    }

  if (plan->articles->len == 0)
    crb_import_plan_free (plan);
  else if (opened_here)
    {
      /* Projects and articles at once: the articles make another project. */
      import_elsewhere (self, plan->articles, NULL);
      crb_import_plan_free (plan);
    }
  else
    offer_import (self, plan, ask);
}

/**
 * crb_window_open_files:
 * @files: (element-type GFile): files and folders
 * @ask: whether to say what importing will do before doing it; without,
 *   articles make a new project unless they make one already
 *
 * Opens @files by what they are: a file whose first line says it is a
 * project opens, whatever its name (in this window if it shows none);
 * other files and folders are articles, offered for import in a dialog
 * that says what will happen, or, when they make a recent project
 * already, that project is offered instead.
 */
void
crb_window_open_files (CrbWindow *self,
                       GPtrArray *files,
                       gboolean   ask)
{
  g_auto (GStrv) recent = NULL;
  g_autoptr (GPtrArray) candidates = g_ptr_array_new_with_free_func (g_free);
  OpenData *data;

  g_return_if_fail (CRB_IS_WINDOW (self));
  g_return_if_fail (files != NULL);

  if (files->len == 0)
    return;

  recent = g_settings_get_strv (self->settings, "recent-projects");
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autoptr (GFile) file = g_file_new_for_uri (recent[i]);
      char *path = g_file_get_path (file);

      if (path != NULL)
        g_ptr_array_add (candidates, path);
    }
  g_ptr_array_add (candidates, NULL);

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->ask = ask;
  crb_import_plan_new_async (files, (const char * const *) candidates->pdata, self->cancellable, plan_ready_cb,
                             data);
}

void
_crb_window_import_init (CrbWindow *self)
{
  GtkDropTarget *drop;

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
