/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "corroborate-cli"

#include "config.h"

#include <errno.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "crb-align.h"
#include "crb-error.h"
#include "crb-export.h"
#include "crb-extract.h"
#include "crb-extract-command.h"
#include "crb-import.h"
#include "crb-import-export.h"
#include "crb-json.h"
#include "crb-project.h"
#include "crb-project-io.h"
#include "crb-utils.h"

/*
 * corroborate-cli: a thin command-line front over the core library.
 * Exit status: 0 on success, 1 on failure (one line on stderr naming the
 * file and the problem), 2 on a usage error.
 */

#define EXIT_FAIL  1
#define EXIT_USAGE 2

typedef struct
{
  const char *name;
  const char *args;
  const char *summary;
  int       (*run) (int argc, char **argv);
} Command;

static const Command *current;

static int G_GNUC_PRINTF (1, 2)
fail (const char *format,
      ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  fflush (stdout);
  g_printerr ("corroborate-cli: %s\n", msg);
  return EXIT_FAIL;
}

static int
fail_error (const GError *error)
{
  return fail ("%s", error->message);
}

static int G_GNUC_PRINTF (1, 2)
usage_error (const char *format,
             ...)
{
  g_autofree char *msg = NULL;
  va_list args;

  va_start (args, format);
  msg = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("corroborate-cli: %s\n", msg);
  if (current != NULL)
    g_printerr (_("Try “corroborate-cli %s --help”.\n"), current->name);
  else
    g_printerr (_("Try “corroborate-cli --help”.\n"));
  return EXIT_USAGE;
}

static void
warn (const char *message)
{
  g_printerr ("corroborate-cli: %s %s\n", _("warning:"), message);
}

/* Parses a command's options; returns -1 to go on, else an exit status. */
static int
parse_options (GOptionEntry   *entries,
               const char     *summary,
               int            *argc,
               char         ***argv)
{
  g_autoptr (GOptionContext) context = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("corroborate-cli %s", current->name);

  /* "Usage: corroborate-cli link [OPTION…] PROJECT CLAIM_A CLAIM_B" */
  g_set_prgname (prgname);
  context = g_option_context_new (_(current->args));
  g_option_context_set_summary (context, summary);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    return usage_error ("%s", error->message);

  return -1;
}

/* printf's %-Ns counts bytes; columns must count characters. */
static char *
pad (const char *text,
     guint       width)
{
  glong len = g_utf8_strlen (text, -1);
  GString *out = g_string_new (text);

  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

static char *
pad_left (const char *text,
          guint       width)
{
  glong len = g_utf8_strlen (text, -1);
  GString *out = g_string_new (NULL);

  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (out, ' ');
  g_string_append (out, text);

  return g_string_free (out, FALSE);
}

static gboolean
write_json_line (JsonNode *node)
{
  gsize len;
  g_autofree char *text = crb_json_to_string (node, &len);

  fwrite (text, 1, len, stdout);
  return fputc ('\n', stdout) != EOF;
}

static int
finish_output (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    return fail (_("cannot write the output: %s"), g_strerror (errno));
  return 0;
}

static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    warn (g_ptr_array_index (warnings, i));
}

static CrbProject *
open_project (const char  *path,
              GError     **error)
{
  g_autoptr (GFile) file = g_file_new_for_commandline_arg (path);
  CrbProject *project = crb_project_load (file, NULL, error);

  if (project == NULL)
    return NULL;

  /* Undo and redo take back the CLI's own steps, not the app's. */
  crb_project_set_writer (project, "cli");
  print_warnings (crb_project_get_problems (project));

  /* A large project's journal carries its changes on purpose: news only
   * when the file should have held them (a crash kept them out).
   */
  if (crb_project_get_n_recovered (project) > 0 && crb_project_get_compaction_due (project))
    {
      guint n = crb_project_get_n_recovered (project);
      g_autofree char *msg =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%s: restored %u change from the journal that the file did not hold yet",
                                      "%s: restored %u changes from the journal that the file did not hold yet",
                                      n),
                         path, n);
      g_printerr ("corroborate-cli: %s\n", msg);
    }

  return project;
}

/* Makes the project's changes durable; the file catches up when that is
 * cheap (a small project, a journal grown large) and no other program has
 * it open: see crb_project_compact_if_due().
 */
static int
save_project (CrbProject *project,
              const char *path)
{
  g_autoptr (GError) error = NULL;

  if (!crb_project_sync_journal (project, &error))
    return fail (_("%s: cannot record the change: %s"), path, error->message);

  /* Another program with the file open keeps it from being rewritten;
   * when that was the last writer of a burst, it is gone a moment later.
   */
  for (guint attempt = 0; ; attempt++)
    {
      if (!crb_project_compact_if_due (project, &error))
        return fail (_("%s: cannot save: %s (the change is kept in the journal and will be restored on the next open)"),
                     path, error->message);
      if (!crb_project_get_modified (project) || !crb_project_get_compaction_due (project) ||
          attempt == 10)
        break;
      g_usleep (20 * 1000);
    }

  return 0;
}

static gboolean
parse_threshold (double value)
{
  return value >= 0.0 && value <= 1.0;
}


/* The options every command that extracts shares. */
static char *extractor_command;
static int extractor_timeout = CRB_EXTRACT_COMMAND_TIMEOUT;

#define EXTRACTOR_OPTIONS \
  { "extractor-command", 0, 0, G_OPTION_ARG_STRING, &extractor_command, \
    N_("Extract claims with this program: it reads an article as JSON on standard input and writes claims as JSON Lines"), N_("COMMAND") }, \
  { "extractor-timeout", 0, 0, G_OPTION_ARG_INT, &extractor_timeout, \
    N_("Seconds the extractor program may take per article (default 30)"), N_("SECONDS") }

static guint
count_claims (CrbProject *project)
{
  GListModel *stories = crb_project_get_stories (project);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      n += crb_story_get_n_claims (story);
    }

  return n;
}

/* new and add share everything but whether the project exists: @new_file
 * is where a new project goes, %NULL to add to the project's own file.
 * Nothing is written unless every input is read.
 */
static int
import_into (CrbProject  *project,
             const char  *path,
             GFile       *new_file,
             char       **inputs,
             const char  *story,
             double       threshold,
             gboolean     skip_invalid)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *default_story = NULL;
  guint n_before = count_claims (project);
  guint n_claims;

  items = crb_import_prepare_full ((const char * const *) inputs,
                                   skip_invalid ? CRB_IMPORT_SKIP_INVALID : CRB_IMPORT_NONE,
                                   threshold, extractor_command, extractor_timeout,
                                   warnings, NULL, NULL, NULL, &error);
  print_warnings (warnings);
  if (items == NULL)
    return fail_error (error);

  default_story = story ? g_strdup (story) : crb_import_default_story ((const char * const *) inputs);
  if (!crb_project_import (project, items, default_story, threshold, NULL, &error))
    return fail_error (error);

  if (new_file != NULL)
    {
      if (!crb_project_save (project, new_file, NULL, &error))
        return fail_error (error);
    }
  else
    {
      int status = save_project (project, path);
      if (status != 0)
        return status;
    }

  n_claims = count_claims (project) - n_before;
  if (new_file != NULL)
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: created with %u article and %u claims\n",
                          "%s: created with %u articles and %u claims\n", items->len),
             path, items->len, n_claims);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: added %u article with %u claims\n",
                          "%s: added %u articles with %u claims\n", items->len),
             path, items->len, n_claims);
  return 0;
}

/* new --from-export: nothing is written unless every record is read. */
static int
rebuild_from_export (CrbProject *project,
                     const char *path,
                     GFile      *new_file,
                     const char *export_path)
{
  g_autoptr (GFile) export_file = g_file_new_for_commandline_arg (export_path);
  g_autoptr (GError) error = NULL;
  GListModel *stories;
  guint n_articles = 0;

  if (!crb_project_import_export (project, export_file, NULL, &error))
    return fail_error (error);

  if (!crb_project_save (project, new_file, NULL, &error))
    return fail_error (error);

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      n_articles += crb_story_get_n_articles (story);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: created with %u article and %u claims\n",
                        "%s: created with %u articles and %u claims\n", n_articles),
           path, n_articles, count_claims (project));
  return 0;
}

static int
cmd_new (int    argc,
         char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GFile) file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *story = NULL;
  g_autofree char *title = NULL;
  g_autofree char *from_export = NULL;
  gboolean force = FALSE;
  gboolean skip_invalid = FALSE;
  double threshold = CRB_EXTRACT_DEFAULT_THRESHOLD;
  GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &story, N_("Name the story of the inputs"), N_("NAME") },
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The project's title"), N_("TITLE") },
    { "force", 'f', 0, G_OPTION_ARG_NONE, &force, N_("Replace an existing project file"), NULL },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, N_("Lowest check-worthiness proposed as a claim (0–1)"), N_("X") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid, N_("Skip unreadable inputs with a warning instead of refusing"), NULL },
    { "from-export", 0, 0, G_OPTION_ARG_FILENAME, &from_export,
      N_("Rebuild the articles, claims and decisions of a native JSON Lines export instead (no inputs)"), N_("FILE.jsonl") },
    EXTRACTOR_OPTIONS,
    { NULL }
  };
  int status;

  if ((status = parse_options (entries, _("Create a project from articles: files, folders or .jsonl corpora, "
                                          "or from a native JSON Lines export (--from-export)."),
                               &argc, &argv)) >= 0)
    return status;
  if (from_export != NULL)
    {
      /* The export holds the stories and the claims: nothing to extract. */
      if (argc != 2 || story != NULL || skip_invalid || extractor_command != NULL ||
          threshold != CRB_EXTRACT_DEFAULT_THRESHOLD)
        return usage_error (_("new --from-export takes a project file and no inputs, "
                              "--story, --threshold, --skip-invalid or --extractor-command"));
    }
  else if (argc < 3)
    return usage_error (_("new needs a project file and at least one input"));
  if (!parse_threshold (threshold))
    return usage_error (_("--threshold must be between 0 and 1"));
  if (extractor_timeout <= 0)
    return usage_error (_("--extractor-timeout must be a positive number of seconds"));

  file = g_file_new_for_commandline_arg (argv[1]);
  if (!force && g_file_query_exists (file, NULL))
    return fail (_("%s: the file exists; use --force to replace it"), argv[1]);

  if (title == NULL)
    {
      g_autofree char *base = g_file_get_basename (file);
      char *dot = strrchr (base, '.');
      if (dot && dot != base)
        *dot = '\0';
      title = g_steal_pointer (&base);
    }

  project = crb_project_new (title);
  if (from_export != NULL)
    return rebuild_from_export (project, argv[1], file, from_export);
  return import_into (project, argv[1], file, argv + 2, story, threshold, skip_invalid);
}

static int
cmd_add (int    argc,
         char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *story = NULL;
  gboolean skip_invalid = FALSE;
  double threshold = CRB_EXTRACT_DEFAULT_THRESHOLD;
  GOptionEntry entries[] = {
    { "story", 's', 0, G_OPTION_ARG_STRING, &story, N_("Name the story of the inputs"), N_("NAME") },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, N_("Lowest check-worthiness proposed as a claim (0–1)"), N_("X") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid, N_("Skip unreadable inputs with a warning instead of refusing"), NULL },
    EXTRACTOR_OPTIONS,
    { NULL }
  };
  int status;

  if ((status = parse_options (entries, _("Add articles to a project."), &argc, &argv)) >= 0)
    return status;
  if (argc < 3)
    return usage_error (_("add needs a project file and at least one input"));
  if (!parse_threshold (threshold))
    return usage_error (_("--threshold must be between 0 and 1"));
  if (extractor_timeout <= 0)
    return usage_error (_("--extractor-timeout must be a positive number of seconds"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  return import_into (project, argv[1], NULL, argv + 2, story, threshold, skip_invalid);
}

/* One line of `extract` output; the values are copied as the extractor
 * wrote them (compact JSON text). */
static void
append_sentence (GString     *line,
                 const char  *article_id,
                 const char  *text,
                 CrbSentence *s,
                 gsize        start,
                 gsize        end,
                 gboolean     with_flag,
                 double       threshold)
{
  g_autofree char *span = g_strndup (text + s->start, s->end - s->start);
  gboolean first = TRUE;

  g_string_append_c (line, '{');
  crb_json_member (line, &first, "article");
  crb_json_append_string (line, article_id);
  crb_json_member (line, &first, "start");
  g_string_append_printf (line, "%" G_GSIZE_FORMAT, start);
  crb_json_member (line, &first, "end");
  g_string_append_printf (line, "%" G_GSIZE_FORMAT, end);
  crb_json_member (line, &first, "text");
  crb_json_append_string (line, span);
  crb_json_member (line, &first, "kind");
  crb_json_append_string (line, s->kind);
  crb_json_member (line, &first, "score");
  crb_json_append_double (line, ((gint64) (s->score * 1000 + 0.5)) / 1000.0);
  crb_json_member (line, &first, "reasons");
  crb_json_append_strv (line, (const char * const *) s->reasons);
  if (s->values_json != NULL)
    {
      crb_json_member (line, &first, "values");
      g_string_append (line, s->values_json);
    }
  if (with_flag)
    {
      crb_json_member (line, &first, "claim");
      g_string_append (line, crb_sentence_is_claim (s, threshold) ? "true" : "false");
      crb_json_member (line, &first, "boilerplate");
      g_string_append (line, s->boilerplate ? "true" : "false");
    }
  g_string_append (line, "}\n");
}

static int
cmd_extract (int    argc,
             char **argv)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  gboolean all = FALSE;
  double threshold = CRB_EXTRACT_DEFAULT_THRESHOLD;
  GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Print every sentence with its score and reasons, not only claims"), NULL },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, N_("Lowest check-worthiness proposed as a claim (0–1)"), N_("X") },
    EXTRACTOR_OPTIONS,
    { NULL }
  };
  int status;

  if ((status = parse_options (entries, _("Print the claims of articles as JSON Lines, without making a project."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc < 2)
    return usage_error (_("extract needs at least one input"));
  if (!parse_threshold (threshold))
    return usage_error (_("--threshold must be between 0 and 1"));

  if (extractor_timeout <= 0)
    return usage_error (_("--extractor-timeout must be a positive number of seconds"));

  items = crb_import_paths ((const char * const *) argv + 1, CRB_IMPORT_NONE, warnings, NULL, &error);
  print_warnings (warnings);
  if (items == NULL)
    return fail_error (error);

  /* A user's extractor proposes claims only: print them as claims. */
  if (extractor_command != NULL && *extractor_command != '\0')
    {
      g_autoptr (GString) line = g_string_new (NULL);

      for (guint i = 0; i < items->len; i++)
        {
          CrbImportItem *item = g_ptr_array_index (items, i);
          g_autoptr (GPtrArray) claims = crb_extract_with_command (extractor_command, item->article, threshold,
                                                                   extractor_timeout, NULL, &error);

          if (claims == NULL)
            return fail_error (error);
          for (guint j = 0; j < claims->len; j++)
            {
              g_string_truncate (line, 0);
              _crb_claim_write (line, g_ptr_array_index (claims, j), FALSE, NULL);
              g_string_append_c (line, '\n');
              fwrite (line->str, 1, line->len, stdout);
            }
        }

      return finish_output ();
    }

  for (guint i = 0; i < items->len; i++)
    {
      CrbImportItem *item = g_ptr_array_index (items, i);
      const char *text = crb_article_get_text (item->article);
      g_autoptr (GPtrArray) sentences = crb_extract_article_sentences (item->article);
      g_autoptr (GString) line = g_string_new (NULL);
      gsize byte_pos = 0, char_pos = 0;

      for (guint j = 0; j < sentences->len; j++)
        {
          CrbSentence *s = g_ptr_array_index (sentences, j);
          gsize start, end;

          char_pos += crb_utf8_bytes_to_chars (text + byte_pos, s->start - byte_pos);
          byte_pos = s->start;
          start = char_pos;
          end = start + crb_utf8_bytes_to_chars (text + s->start, s->end - s->start);

          if (!all && !crb_sentence_is_claim (s, threshold))
            continue;

          g_string_truncate (line, 0);
          append_sentence (line, crb_article_get_id (item->article), text, s, start, end, all, threshold);
          fwrite (line->str, 1, line->len, stdout);
        }
    }

  return finish_output ();
}

/* claim id → GPtrArray of the CrbLink it takes part in (borrowed). */
static GHashTable *
links_by_claim (CrbAlignment *alignment)
{
  GHashTable *index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);

  for (guint i = 0; i < alignment->links->len; i++)
    {
      CrbLink *link = g_ptr_array_index (alignment->links, i);
      const char *ends[] = { link->a, link->b };

      for (guint e = 0; e < 2; e++)
        {
          GPtrArray *list = g_hash_table_lookup (index, ends[e]);

          if (list == NULL)
            {
              list = g_ptr_array_new ();
              g_hash_table_insert (index, (char *) ends[e], list);
            }
          g_ptr_array_add (list, link);
        }
    }

  return index;
}

typedef struct
{
  CrbAlignment *alignment;
  CrbStory     *story;
  GHashTable   *scores;
} SortData;

static int
compare_contested (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  SortData *data = user_data;
  double sa = *(double *) g_hash_table_lookup (data->scores, *(gpointer *) a);
  double sb = *(double *) g_hash_table_lookup (data->scores, *(gpointer *) b);

  return (sa < sb) - (sa > sb);
}

/* Most contested first; ties keep document order (the sort is stable). */
static void
sort_contested (GPtrArray    *claims,
                CrbAlignment *alignment,
                CrbStory     *story)
{
  g_autoptr (GHashTable) scores = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  SortData data = { alignment, story, scores };

  for (guint i = 0; i < claims->len; i++)
    {
      CrbClaim *claim = g_ptr_array_index (claims, i);
      double *score = g_new (double, 1);

      *score = crb_alignment_contest_score (alignment, story, crb_claim_get_id (claim));
      g_hash_table_insert (scores, claim, score);
    }

  g_ptr_array_sort_with_data (claims, compare_contested, &data);
}

/* A claim as `claims` prints it: the project file's form, its story, its
 * fact and its links.
 */
static void
write_claim_line (GString      *line,
                  CrbClaim     *claim,
                  CrbStory     *story,
                  CrbAlignment *alignment,
                  GHashTable   *links)
{
  const CrbFact *fact = crb_alignment_get_fact (alignment, crb_claim_get_id (claim));
  GPtrArray *mine = g_hash_table_lookup (links, crb_claim_get_id (claim));

  _crb_claim_write (line, claim, TRUE, crb_story_get_id (story));
  /* Reopen the object to add the alignment. */
  g_string_truncate (line, line->len - 1);
  g_string_append (line, ",\"fact\":");
  crb_json_append_string (line, fact ? fact->id : NULL);
  g_string_append (line, ",\"links\":[");
  for (guint i = 0; mine && i < mine->len; i++)
    {
      CrbLink *link = g_ptr_array_index (mine, i);
      const char *other = crb_link_other_end (link, crb_claim_get_id (claim));
      CrbClaim *other_claim = crb_story_lookup_claim (story, other);

      if (i > 0)
        g_string_append_c (line, ',');
      g_string_append (line, "{\"claim\":");
      crb_json_append_string (line, other);
      g_string_append (line, ",\"article\":");
      crb_json_append_string (line, other_claim ? crb_claim_get_article_id (other_claim) : NULL);
      g_string_append (line, ",\"relation\":");
      crb_json_append_string (line, crb_relation_to_string (link->relation));
      g_string_append_c (line, '}');
    }
  g_string_append (line, "]}\n");
}

static int
cmd_claims (int    argc,
            char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *status_name = NULL;
  g_autofree char *story_id = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  g_autofree char *order = NULL;
  CrbDecisionStatus wanted = CRB_DECISION_STATUS_PENDING;
  GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_name, N_("Only claims with this status: pending, confirmed, corrected, rejected"), N_("STATUS") },
    { "story", 's', 0, G_OPTION_ARG_STRING, &story_id, N_("Only the claims of this story (id or title)"), N_("STORY") },
    { "order", 0, 0, G_OPTION_ARG_STRING, &order, N_("Order within each story: document (default) or contested (most contested facts first)"), N_("ORDER") },
    { NULL }
  };
  GListModel *stories;
  int status;

  if ((status = parse_options (entries, _("Print the claims of a project as JSON Lines."), &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("claims needs exactly one project file"));
  if (status_name != NULL && !crb_decision_status_from_string (status_name, &wanted))
    return usage_error (_("unknown status “%s”; use pending, confirmed, corrected or rejected"), status_name);
  if (order != NULL && g_strcmp0 (order, "document") != 0 && g_strcmp0 (order, "contested") != 0)
    return usage_error (_("unknown order “%s”; use document or contested"), order);

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  if (story_id != NULL && crb_project_lookup_story (project, story_id) == NULL &&
      crb_project_find_story_by_title (project, story_id) == NULL)
    return fail (_("%s: no story “%s”"), argv[1], story_id);

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      GListModel *claims;
      gboolean was_loaded = crb_story_is_loaded (story);

      if (story_id != NULL && g_strcmp0 (crb_story_get_id (story), story_id) != 0 &&
          g_strcmp0 (crb_story_get_title (story), story_id) != 0)
        continue;

      /* The header counts each story's claims by status: a story with
       * none of the status asked for is not parsed.
       */
      if (status_name != NULL && crb_story_count_status (story, wanted) == 0)
        continue;

      if (!crb_story_ensure_loaded (story, &error))
        return fail_error (error);

      claims = crb_story_get_claims (story);
      {
        CrbAlignment *alignment = crb_story_get_alignment (story);
        g_autoptr (GHashTable) links = links_by_claim (alignment);
        g_autoptr (GPtrArray) ordered = g_ptr_array_new_with_free_func (g_object_unref);

        for (guint j = 0; j < g_list_model_get_n_items (claims); j++)
          g_ptr_array_add (ordered, g_list_model_get_item (claims, j));
        if (g_strcmp0 (order, "contested") == 0)
          sort_contested (ordered, alignment, story);

        for (guint j = 0; j < ordered->len; j++)
          {
            CrbClaim *claim = g_ptr_array_index (ordered, j);

            if (status_name != NULL && crb_claim_get_status (claim) != wanted)
              continue;

            g_string_truncate (line, 0);
            write_claim_line (line, claim, story, alignment, links);
            fwrite (line->str, 1, line->len, stdout);
          }
      }

      /* Stream: memory stays that of one story, however large the project. */
      if (!was_loaded)
        crb_story_unload (story);
    }

  return finish_output ();
}

static void
print_claim (CrbProject *project,
             const char *claim_id)
{
  g_autoptr (GString) line = g_string_new (NULL);
  CrbStory *story = NULL;
  CrbClaim *claim = crb_project_find_claim (project, claim_id, &story, NULL);

  if (claim == NULL)
    return;

  _crb_claim_write (line, claim, TRUE, crb_story_get_id (story));
  g_string_append_c (line, '\n');
  /* Not g_print(): JSON is UTF-8 whatever the locale. */
  fwrite (line->str, 1, line->len, stdout);
}

/* One decision of annotate --from: {"claim": ID, "status": "confirmed" |
 * "corrected" | "rejected" | "pending", "corrected": TEXT, "reason": REASON,
 * "note": TEXT, "annotator": NAME}; "status" may be left out with a note.
 */
static CrbDecision *
read_batch_decision (CrbProject  *project,
                     JsonObject  *object,
                     const char  *annotator,
                     char       **claim_id,
                     GError     **error)
{
  g_autoptr (CrbDecision) decision = NULL;
  const char *id = json_object_get_string_member_with_default (object, "claim", NULL);
  const char *status = json_object_get_string_member_with_default (object, "status", NULL);
  const char *reason = json_object_get_string_member_with_default (object, "reason", NULL);
  const char *corrected = json_object_get_string_member_with_default (object, "corrected", NULL);
  const char *note = json_object_get_string_member_with_default (object, "note", NULL);
  const char *who = json_object_get_string_member_with_default (object, "annotator", annotator);
  CrbClaim *claim;

  if (id == NULL)
    {
      g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("the field “claim” is missing"));
      return NULL;
    }
  claim = crb_project_find_claim (project, id, NULL, error);
  if (claim == NULL)
    return NULL;

  if (status == NULL)
    {
      /* A note alone keeps the current decision. */
      if (note == NULL)
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("the field “status” is missing (or give a “note”)"));
          return NULL;
        }
      decision = crb_claim_get_decision (claim) ? crb_decision_copy (crb_claim_get_decision (claim))
                                                : crb_decision_new (CRB_DECISION_STATUS_PENDING);
      g_clear_pointer (&decision->annotator, g_free);
      g_clear_pointer (&decision->time, g_free);
    }
  else
    {
      CrbDecisionStatus s;

      if (!crb_decision_status_from_string (status, &s))
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("the field “status” must be pending, confirmed, corrected or rejected, not “%s”"), status);
          return NULL;
        }
      decision = crb_decision_new (s);
      if (s == CRB_DECISION_STATUS_REJECTED &&
          (reason == NULL || !crb_reject_reason_from_string (reason, &decision->reason)))
        {
          g_set_error_literal (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                               _("the field “reason” must be false, unverifiable, opinion, not-a-claim, duplicate or wrong-span"));
          return NULL;
        }
      decision->corrected_text = g_strdup (corrected);
    }

  if (note != NULL)
    {
      g_free (decision->note);
      decision->note = *note ? g_strdup (note) : NULL;
    }
  decision->annotator = g_strdup (who);
  *claim_id = g_strdup (id);
  return g_steal_pointer (&decision);
}

/* annotate --from: every line is read and checked before anything is
 * decided; then all are decided as one step, durable with one sync.
 */
static int
annotate_batch (const char *path,
                const char *from,
                const char *annotator)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_decision_free);
  g_autoptr (GInputStream) in = NULL;
  g_autoptr (GDataInputStream) data = NULL;
  g_autofree char *name = g_strcmp0 (from, "-") == 0 ? g_strdup (_("standard input")) : g_strdup (from);
  guint lineno = 0;
  int status;

  project = open_project (path, &error);
  if (project == NULL)
    return fail_error (error);

  if (g_strcmp0 (from, "-") == 0)
    in = g_unix_input_stream_new (0, FALSE);
  else
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (from);

      in = G_INPUT_STREAM (g_file_read (file, NULL, &error));
      if (in == NULL)
        return fail (_("%s: %s"), from, error->message);
    }
  data = g_data_input_stream_new (in);

  for (;;)
    {
      g_autofree char *line = NULL;
      g_autoptr (JsonNode) node = NULL;
      g_autoptr (GError) line_error = NULL;
      CrbDecision *decision;
      char *claim_id = NULL;
      gsize len;

      line = g_data_input_stream_read_line_utf8 (data, &len, NULL, &error);
      if (error != NULL)
        return fail (_("%s: %s"), name, error->message);
      if (line == NULL)
        break;
      lineno++;
      if (*g_strstrip (line) == '\0')
        continue;

      node = json_from_string (line, &line_error);
      if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
        return fail (_("%s:%u: not a JSON object"), name, lineno);
      decision = read_batch_decision (project, json_node_get_object (node), annotator, &claim_id, &line_error);
      if (decision == NULL)
        return fail (_("%s:%u: %s"), name, lineno, line_error->message);
      g_ptr_array_add (ids, claim_id);
      g_ptr_array_add (decisions, decision);
    }

  if (ids->len == 0)
    return fail (_("%s: no decisions"), name);

  g_ptr_array_add (ids, NULL);
  g_ptr_array_add (decisions, NULL);
  if (!crb_project_decide_batch (project, (const char * const *) ids->pdata,
                                 (const CrbDecision * const *) decisions->pdata, &error))
    return fail (_("%s: %s"), path, error->message);

  if ((status = save_project (project, path)) != 0)
    return status;

  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: recorded %u decision\n", "%s: recorded %u decisions\n",
                        ids->len - 1),
           path, ids->len - 1);
  return finish_output ();
}

static int
cmd_annotate (int    argc,
              char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (CrbDecision) decision = NULL;
  g_autofree char *correct = NULL;
  g_autofree char *reject = NULL;
  g_autofree char *note = NULL;
  g_autofree char *annotator = NULL;
  g_autofree char *from = NULL;
  gboolean confirm = FALSE;
  gboolean pending = FALSE;
  GOptionEntry entries[] = {
    { "confirm", 'c', 0, G_OPTION_ARG_NONE, &confirm, N_("Confirm the claim as extracted"), NULL },
    { "correct", 0, 0, G_OPTION_ARG_STRING, &correct, N_("Confirm the claim with corrected text"), N_("TEXT") },
    { "reject", 'r', 0, G_OPTION_ARG_STRING, &reject, N_("Reject the claim: false, unverifiable, opinion, not-a-claim, duplicate or wrong-span"), N_("REASON") },
    { "pending", 0, 0, G_OPTION_ARG_NONE, &pending, N_("Set the claim back to pending"), NULL },
    { "note", 'n', 0, G_OPTION_ARG_STRING, &note, N_("Attach a note"), N_("TEXT") },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Who decides (default: $CORROBORATE_ANNOTATOR, else “anonymous”)"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &from, N_("Take many decisions as JSON Lines from FILE (“-” for standard input), as one step"), N_("FILE") },
    { NULL }
  };
  CrbClaim *claim;
  int n_actions;
  int status;

  if ((status = parse_options (entries, _("Record a decision on a claim."), &argc, &argv)) >= 0)
    return status;
  if (annotator == NULL && g_getenv ("CORROBORATE_ANNOTATOR"))
    annotator = g_strdup (g_getenv ("CORROBORATE_ANNOTATOR"));
  if (from != NULL)
    {
      if (argc != 2 || confirm || correct || reject || pending || note)
        return usage_error (_("annotate --from FILE needs a project file and no claim id or decision"));
      return annotate_batch (argv[1], from, annotator);
    }
  if (argc != 3)
    return usage_error (_("annotate needs a project file and a claim id"));

  n_actions = !!confirm + !!correct + !!reject + !!pending;
  if (n_actions > 1)
    return usage_error (_("give only one of --confirm, --correct, --reject and --pending"));
  if (n_actions == 0 && note == NULL)
    return usage_error (_("give one of --confirm, --correct TEXT, --reject REASON, --pending or --note TEXT"));

  decision = crb_decision_new (CRB_DECISION_STATUS_PENDING);
  if (reject != NULL && !crb_reject_reason_from_string (reject, &decision->reason))
    return usage_error (_("unknown reject reason “%s”; use false, unverifiable, opinion, not-a-claim, duplicate or wrong-span"),
                        reject);
  if (correct != NULL && *g_strstrip (correct) == '\0')
    return usage_error (_("--correct needs the corrected text"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  claim = crb_project_find_claim (project, argv[2], NULL, &error);
  if (claim == NULL)
    return fail_error (error);

  if (n_actions == 0)
    {
      /* A note alone keeps the current decision. */
      const CrbDecision *current_decision = crb_claim_get_decision (claim);
      if (current_decision != NULL)
        {
          crb_decision_free (decision);
          decision = crb_decision_copy (current_decision);
        }
      g_clear_pointer (&decision->annotator, g_free);
      g_clear_pointer (&decision->time, g_free);
    }
  else if (confirm)
    decision->status = CRB_DECISION_STATUS_CONFIRMED;
  else if (correct != NULL)
    {
      decision->status = CRB_DECISION_STATUS_CORRECTED;
      decision->corrected_text = g_strdup (correct);
    }
  else if (reject != NULL)
    decision->status = CRB_DECISION_STATUS_REJECTED;

  if (note != NULL)
    {
      g_free (decision->note);
      decision->note = *note ? g_strdup (note) : NULL;
    }

  decision->annotator = g_strdup (annotator);

  if (!crb_project_decide (project, argv[2], decision, &error))
    return fail (_("%s: %s"), argv[1], error->message);

  if ((status = save_project (project, argv[1])) != 0)
    return status;

  print_claim (project, argv[2]);
  return finish_output ();
}

static int
undo_redo (int      argc,
           char   **argv,
           gboolean undo)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *claim_id = NULL;
  int status;

  if ((status = parse_options (NULL, undo ? _("Undo the latest decision.") : _("Redo the latest undone decision."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("%s needs exactly one project file"), current->name);

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  claim_id = undo ? crb_project_undo (project, &error) : crb_project_redo (project, &error);
  if (claim_id == NULL)
    return fail ("%s: %s", argv[1], error->message);

  if ((status = save_project (project, argv[1])) != 0)
    return status;

  print_claim (project, claim_id);
  return finish_output ();
}

static int
cmd_undo (int    argc,
          char **argv)
{
  return undo_redo (argc, argv, TRUE);
}

static int
cmd_redo (int    argc,
          char **argv)
{
  return undo_redo (argc, argv, FALSE);
}

/* Writes @file whole or not at all: replaced once everything is written. */
typedef gboolean (*ExportFunc) (CrbProject *, GOutputStream *, const CrbExportOptions *, guint *,
                                GCancellable *, GError **);

static int
export_to_file (CrbProject             *project,
                CrbExportFormat         format,
                GFile                  *file,
                GFile                  *sentences_given,
                const CrbExportOptions *options,
                guint                  *n_records)
{
  g_autoptr (GFileOutputStream) out = NULL;
  g_autoptr (GFileOutputStream) sentences_out = NULL;
  g_autoptr (GFile) sentences_file = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *name = g_file_get_parse_name (file);
  g_autofree char *sentences_name = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  if (out == NULL)
    return fail ("%s: %s", name, error->message);

  if (format == CRB_EXPORT_FEVER)
    {
      sentences_file = sentences_given ? g_object_ref (sentences_given) : crb_export_sentences_file_for (file);
      sentences_name = g_file_get_parse_name (sentences_file);
      sentences_out = g_file_replace (sentences_file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
      if (sentences_out == NULL)
        {
          g_autoptr (GCancellable) cancel = g_cancellable_new ();

          g_cancellable_cancel (cancel);
          g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
          return fail ("%s: %s", sentences_name, error->message);
        }
    }

  /* g_file_replace() keeps the old file until a clean close; a cancelled
   * close leaves it as it was.
   */
  if (!crb_export (project, format, G_OUTPUT_STREAM (out),
                   sentences_out ? G_OUTPUT_STREAM (sentences_out) : NULL,
                   options, n_records, NULL, &error))
    {
      g_autoptr (GCancellable) cancel = g_cancellable_new ();

      g_cancellable_cancel (cancel);
      g_output_stream_close (G_OUTPUT_STREAM (out), cancel, NULL);
      if (sentences_out != NULL)
        g_output_stream_close (G_OUTPUT_STREAM (sentences_out), cancel, NULL);
      return fail_error (error);
    }

  if (!g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error))
    return fail ("%s: %s", name, error->message);
  if (sentences_out != NULL && !g_output_stream_close (G_OUTPUT_STREAM (sentences_out), NULL, &error))
    return fail ("%s: %s", sentences_name, error->message);

  return 0;
}

static int
export_splits (CrbProject             *project,
               CrbExportFormat         format,
               const char             *dir,
               const CrbExportOptions *options,
               GPtrArray              *splits,
               int                     seed)
{
  g_autoptr (GFile) folder = g_file_new_for_commandline_arg (dir);
  g_autoptr (GError) error = NULL;

  if (!g_file_make_directory_with_parents (folder, NULL, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
    return fail ("%s: %s", dir, error->message);

  crb_export_assign_splits (project, options, splits, (guint) seed);
  for (guint i = 0; i < splits->len; i++)
    {
      CrbSplit *split = g_ptr_array_index (splits, i);
      g_autofree char *name = g_strdup_printf ("%s.%s", split->name, crb_export_format_extension (format));
      g_autoptr (GFile) file = g_file_get_child (folder, name);
      g_autofree char *path = g_file_get_parse_name (file);
      CrbExportOptions split_options = *options;
      guint n_records = 0;
      int status;

      split_options.stories = split->stories;
      if ((status = export_to_file (project, format, file, NULL, &split_options, &n_records)) != 0)
        return status;

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "corroborate-cli: %s: wrote %u record from %u stories\n",
                               "corroborate-cli: %s: wrote %u records from %u stories\n", n_records),
                  path, n_records, g_hash_table_size (split->stories));
    }

  return 0;
}

/* --format dataset: a folder ready to publish (crb_export_dataset()). */
static int
export_dataset (CrbProject              *project,
                const char              *dir,
                const CrbExportOptions  *options,
                const CrbDatasetOptions *dataset)
{
  g_autoptr (GFile) folder = g_file_new_for_commandline_arg (dir);
  g_autoptr (GPtrArray) written = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GError) error = NULL;
  guint n_records = 0;

  if (!crb_export_dataset (crb_project_get_stories (project), folder, options, dataset,
                           written, &n_records, NULL, &error))
    return fail ("%s: %s", dir, error->message);

  for (guint i = 0; i < dataset->splits->len; i++)
    {
      CrbSplit *split = g_ptr_array_index (dataset->splits, i);

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "corroborate-cli: %s/%s.jsonl: %u story\n",
                               "corroborate-cli: %s/%s.jsonl: %u stories\n",
                               g_hash_table_size (split->stories)),
                  dir, split->name, g_hash_table_size (split->stories));
    }
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "corroborate-cli: %s: wrote %u record and %u files\n",
                           "corroborate-cli: %s: wrote %u records and %u files\n", n_records),
              dir, n_records, written->len);
  return 0;
}

static int
cmd_export (int    argc,
            char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GOutputStream) output = NULL;
  g_autoptr (GFile) out_file = NULL;
  g_autofree char *format_name = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *sentences_path = NULL;
  g_autofree char *review_url = NULL;
  g_autofree char *author_org = NULL;
  g_autofree char *license = NULL;
  g_autofree char *language = NULL;
  g_autofree char *title = NULL;
  CrbExportFormat format = CRB_EXPORT_JSONL;
  gboolean dataset = FALSE;
  gboolean include_pending = FALSE;
  gboolean exclude_rejected = FALSE;
  gboolean require_evidence = FALSE;
  gboolean self_evidence = FALSE;
  gboolean anonymize = FALSE;
  g_autofree char *split_spec = NULL;
  g_autoptr (GPtrArray) splits = NULL;
  int seed = 1;
  CrbExportOptions options = CRB_EXPORT_OPTIONS_DEFAULT;
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format_name, N_("Dataset format: jsonl, csv, claimreview, fever, or dataset (a folder ready to publish)"), N_("FORMAT") },
    { "sentences", 0, 0, G_OPTION_ARG_FILENAME, &sentences_path, N_("FEVER: write the sentence table to FILE (default: beside the output, as NAME.sentences.jsonl)"), N_("FILE") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("Write to FILE instead of standard output"), N_("FILE") },
    { "include-pending", 0, 0, G_OPTION_ARG_NONE, &include_pending, N_("Also export claims not yet decided"), NULL },
    { "exclude-rejected", 0, 0, G_OPTION_ARG_NONE, &exclude_rejected, N_("Leave out rejected claims"), NULL },
    { "split", 0, 0, G_OPTION_ARG_STRING, &split_spec, N_("Write one file per split into the folder given with -o, by story, e.g. train=0.8,dev=0.1,test=0.1"), N_("SPLITS") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the split (default 1): the same seed gives the same splits"), N_("N") },
    { "anonymize-annotators", 0, 0, G_OPTION_ARG_NONE, &anonymize, N_("Name reviewers annotator-1, annotator-2, … instead of by their names"), NULL },
    { "require-evidence", 0, 0, G_OPTION_ARG_NONE, &require_evidence, N_("FEVER: leave out decided claims no other article gives evidence for (default: NOT ENOUGH INFO)"), NULL },
    { "self-evidence", 0, 0, G_OPTION_ARG_NONE, &self_evidence, N_("FEVER: count a claim's own sentence as evidence for it, as exports before 0.1 did"), NULL },
    { "review-url", 0, 0, G_OPTION_ARG_STRING, &review_url, N_("ClaimReview: where the reviews are published; each review's url is BASE/CLAIM-ID, or BASE with {id} replaced (without it, the reviews are drafts)"), N_("BASE") },
    { "author-org", 0, 0, G_OPTION_ARG_STRING, &author_org, N_("ClaimReview: the organization that publishes the reviews, as their author (default: each reviewer)"), N_("NAME") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("Dataset: its name in the card"), N_("TEXT") },
    { "license", 0, 0, G_OPTION_ARG_STRING, &license, N_("Dataset: its licence, as the Hugging Face Hub names it (default: unknown)"), N_("ID") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language, N_("Dataset: the language of the articles, an ISO 639-1 code (default: en)"), N_("CODE") },
    { NULL }
  };
  guint n_records = 0;
  int status;

  if ((status = parse_options (entries, _("Export the decided claims as a dataset."), &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("export needs exactly one project file"));
  if (format_name == NULL)
    format_name = g_strdup ("jsonl");
  dataset = g_strcmp0 (format_name, "dataset") == 0;
  if (!dataset && !crb_export_format_from_string (format_name, &format))
    return usage_error (_("unknown format “%s”; this build exports: jsonl, csv, claimreview, fever, dataset"), format_name);

  /* Options of one format are a mistake with another. */
  if ((require_evidence || self_evidence) && (dataset || format != CRB_EXPORT_FEVER))
    return usage_error (_("--require-evidence and --self-evidence go with --format fever"));
  if (require_evidence && self_evidence)
    return usage_error (_("give only one of --require-evidence and --self-evidence"));
  if ((review_url != NULL || author_org != NULL) && (dataset || format != CRB_EXPORT_CLAIMREVIEW))
    return usage_error (_("--review-url and --author-org go with --format claimreview"));
  if ((title != NULL || license != NULL || language != NULL) && !dataset)
    return usage_error (_("--title, --license and --language go with --format dataset"));
  if (review_url != NULL && !crb_export_check_review_url (review_url, &error))
    return usage_error ("--review-url: %s", error->message);
  if (author_org != NULL && *g_strstrip (author_org) == '\0')
    return usage_error (_("--author-org needs a name"));

  options.include_pending = include_pending;
  options.include_rejected = !exclude_rejected;
  options.require_evidence = require_evidence;
  options.self_evidence = self_evidence;
  options.review_url = review_url;
  options.author_org = author_org;
  options.anonymize_annotators = anonymize;

  if (split_spec != NULL || dataset)
    {
      if (out_path == NULL || g_strcmp0 (out_path, "-") == 0)
        return usage_error (dataset ? _("--format dataset needs -o FOLDER for its files")
                                    : _("--split needs -o FOLDER for its files"));
      splits = crb_export_parse_splits (split_spec ? split_spec : "train=0.8,dev=0.1,test=0.1", &error);
      if (splits == NULL)
        return usage_error ("--split: %s", error->message);
    }

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  if (format == CRB_EXPORT_CLAIMREVIEW && review_url == NULL)
    warn (_("without --review-url the reviews are drafts (creativeWorkStatus Draft, url urn:corroborate:…), "
            "which cannot be posted as they are"));

  if (dataset)
    {
      CrbDatasetOptions dataset_options = CRB_DATASET_OPTIONS_DEFAULT;

      dataset_options.title = title;
      dataset_options.license = license;
      dataset_options.language = language;
      dataset_options.splits = splits;
      dataset_options.seed = (guint) seed;
      return export_dataset (project, out_path, &options, &dataset_options);
    }

  if (splits != NULL)
    return export_splits (project, format, out_path, &options, splits, seed);

  if (out_path != NULL && g_strcmp0 (out_path, "-") != 0)
    {
      out_file = g_file_new_for_commandline_arg (out_path);
      g_autoptr (GFile) sentences_file = sentences_path ? g_file_new_for_commandline_arg (sentences_path) : NULL;

      if ((status = export_to_file (project, format, out_file, sentences_file, &options, &n_records)) != 0)
        return status;

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "corroborate-cli: %s: wrote %u record\n",
                               "corroborate-cli: %s: wrote %u records\n", n_records),
                  out_path, n_records);
      return 0;
    }

  if (format == CRB_EXPORT_FEVER && sentences_path == NULL)
    return usage_error (_("FEVER on standard output needs --sentences FILE for its sentence table"));

  output = g_unix_output_stream_new (1, FALSE);
  if (sentences_path != NULL && format == CRB_EXPORT_FEVER)
    {
      g_autoptr (GFile) file = g_file_new_for_commandline_arg (sentences_path);
      g_autoptr (GFileOutputStream) sentences = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

      if (sentences == NULL)
        return fail ("%s: %s", sentences_path, error->message);
      if (!crb_export (project, format, output, G_OUTPUT_STREAM (sentences), &options, &n_records, NULL, &error) ||
          !g_output_stream_close (G_OUTPUT_STREAM (sentences), NULL, &error) ||
          !g_output_stream_close (output, NULL, &error))
        return fail_error (error);
      return 0;
    }

  if (!crb_export (project, format, output, NULL, &options, &n_records, NULL, &error) ||
      !g_output_stream_close (output, NULL, &error))
    return fail_error (error);

  return 0;
}

static int
cmd_validate (int    argc,
              char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  GListModel *stories;
  guint n_articles = 0, n_claims = 0;
  int status;

  if ((status = parse_options (NULL, _("Check a project file."), &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("validate needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  if (!crb_project_validate (project, problems, &error))
    return fail_error (error);

  for (guint i = 0; i < problems->len; i++)
    g_printerr ("corroborate-cli: %s: %s\n", argv[1], (char *) g_ptr_array_index (problems, i));
  if (problems->len > 0)
    return EXIT_FAIL;

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      n_articles += crb_story_get_n_articles (story);
      n_claims += crb_story_get_n_claims (story);
    }

  g_print (_("%s: valid: format version %d, %u stories, %u articles, %u claims\n"),
           argv[1], CRB_PROJECT_FORMAT_VERSION, g_list_model_get_n_items (stories), n_articles, n_claims);
  return 0;
}

static void
add_counts (JsonBuilder *builder,
            const guint *counts)
{
  guint total = 0;

  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    total += counts[s];

  json_builder_set_member_name (builder, "claims");
  json_builder_add_int_value (builder, total);
  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    {
      json_builder_set_member_name (builder, crb_decision_status_to_string (s));
      json_builder_add_int_value (builder, counts[s]);
    }
}

static void
print_counts_line (const char  *label,
                   const guint *counts)
{
  guint total = 0;

  for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
    total += counts[s];

  g_autofree char *padded = pad (label, 40);

  g_print ("  %s %7u %10u %10u %10u %10u\n", padded, total,
           counts[CRB_DECISION_STATUS_PENDING], counts[CRB_DECISION_STATUS_CONFIRMED],
           counts[CRB_DECISION_STATUS_CORRECTED], counts[CRB_DECISION_STATUS_REJECTED]);
}

static int
cmd_stats (int    argc,
           char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr (JsonNode) root = NULL;
  gboolean json = FALSE;
  GOptionEntry entries[] = {
    { "json", 'j', 0, G_OPTION_ARG_NONE, &json, N_("Print JSON instead of a table"), NULL },
    { NULL }
  };
  guint totals[CRB_N_DECISION_STATUSES] = { 0 };
  GListModel *stories;
  guint n_articles = 0;
  int status;

  if ((status = parse_options (entries, _("Count claims and decisions per status, story and article."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("stats needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  /* The header holds the counts of every story and article: no story is
   * parsed, unless the file is of a version that did not keep them.
   */
  stories = crb_project_get_stories (project);
  if (!json)
    {
      g_print ("%s — %s\n", argv[1], crb_project_get_title (project) ? crb_project_get_title (project) : "");
      g_autofree char *heading = pad (_("story / article"), 40);
      g_autofree char *c1 = pad_left (_("claims"), 7);
      g_autofree char *c2 = pad_left (_("pending"), 10);
      g_autofree char *c3 = pad_left (_("confirmed"), 10);
      g_autofree char *c4 = pad_left (_("corrected"), 10);
      g_autofree char *c5 = pad_left (_("rejected"), 10);

      g_print ("  %s %s %s %s %s %s\n", heading, c1, c2, c3, c4, c5);
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "stories");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      const char * const *article_ids;
      guint story_counts[CRB_N_DECISION_STATUSES] = { 0 };

      if (crb_story_get_n_articles (story) > 0 &&
          !crb_story_get_article_counts (story, 0, NULL, NULL, NULL) &&
          !crb_story_ensure_loaded (story, &error))
        return fail_error (error);
      article_ids = crb_story_get_article_ids (story);

      for (guint s = 0; s < CRB_N_DECISION_STATUSES; s++)
        {
          story_counts[s] = crb_story_count_status (story, s);
          totals[s] += story_counts[s];
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, crb_story_get_id (story));
      json_builder_set_member_name (builder, "title");
      json_builder_add_string_value (builder, crb_story_get_title (story));
      add_counts (builder, story_counts);
      if (!json)
        print_counts_line (crb_story_get_title (story), story_counts);

      json_builder_set_member_name (builder, "articles");
      json_builder_begin_array (builder);
      for (guint j = 0; article_ids[j]; j++)
        {
          guint counts[CRB_N_DECISION_STATUSES] = { 0 };
          const char *outlet = NULL;
          g_autofree char *label = NULL;

          crb_story_get_article_counts (story, j, NULL, counts, &outlet);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, article_ids[j]);
          json_builder_set_member_name (builder, "outlet");
          if (outlet != NULL)
            json_builder_add_string_value (builder, outlet);
          else
            json_builder_add_null_value (builder);
          add_counts (builder, counts);
          json_builder_end_object (builder);

          if (!json)
            {
              label = g_strdup_printf ("  %s", article_ids[j]);
              print_counts_line (label, counts);
            }
          n_articles++;
        }
      /* A pass over a large project keeps one story in memory. */
      crb_story_unload (story);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "articles");
  json_builder_add_int_value (builder, n_articles);
  add_counts (builder, totals);
  json_builder_end_object (builder);

  if (json)
    {
      root = json_builder_get_root (builder);
      write_json_line (root);
    }
  else
    print_counts_line (_("total"), totals);

  return finish_output ();
}

static int
cmd_link (int    argc,
          char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *relation_name = NULL;
  CrbRelation relation = CRB_RELATION_AGREES;
  GOptionEntry entries[] = {
    { "relation", 'r', 0, G_OPTION_ARG_STRING, &relation_name, N_("agrees (default), conflicts or related"), N_("RELATION") },
    { NULL }
  };
  int status;

  if ((status = parse_options (entries, _("Link two claims of different articles of one story by hand."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return usage_error (_("link needs a project file and two claim ids"));
  if (relation_name != NULL && !crb_relation_from_string (relation_name, &relation))
    return usage_error (_("unknown relation “%s”; use agrees, conflicts or related"), relation_name);

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if (!crb_project_link (project, argv[2], argv[3], relation, &error))
    return fail ("%s: %s", argv[1], error->message);

  return save_project (project, argv[1]);
}

static int
cmd_unlink (int    argc,
            char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if ((status = parse_options (NULL, _("Remove the link between two claims; they are not linked again automatically."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 4)
    return usage_error (_("unlink needs a project file and two claim ids"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);
  if (!crb_project_unlink (project, argv[2], argv[3], &error))
    return fail ("%s: %s", argv[1], error->message);

  return save_project (project, argv[1]);
}

static int
cmd_facts (int    argc,
           char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  gboolean contested_only = FALSE;
  GOptionEntry entries[] = {
    { "contested", 'c', 0, G_OPTION_ARG_NONE, &contested_only, N_("Only facts with conflicting appearances"), NULL },
    { NULL }
  };
  GListModel *stories;
  int status;

  if ((status = parse_options (entries, _("Print the facts of a project as JSON Lines: claims that state the same fact across outlets."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("facts needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  stories = crb_project_get_stories (project);
  for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
    {
      g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
      gboolean was_loaded = crb_story_is_loaded (story);
      CrbAlignment *alignment;

      if (!crb_story_ensure_loaded (story, &error))
        return fail_error (error);

      alignment = crb_story_get_alignment (story);
      for (guint j = 0; j < alignment->facts->len; j++)
        {
          CrbFact *fact = g_ptr_array_index (alignment->facts, j);
          gboolean first = TRUE;

          if (contested_only && fact->n_conflicts == 0)
            continue;

          g_string_assign (line, "{\"id\":");
          crb_json_append_string (line, fact->id);
          g_string_append (line, ",\"story\":");
          crb_json_append_string (line, crb_story_get_id (story));
          g_string_append (line, ",\"claims\":[");
          for (guint k = 0; fact->claims[k]; k++)
            {
              CrbClaim *claim = crb_story_lookup_claim (story, fact->claims[k]);

              if (k > 0)
                g_string_append_c (line, ',');
              g_string_append_printf (line, "{\"id\":");
              crb_json_append_string (line, fact->claims[k]);
              g_string_append (line, ",\"article\":");
              crb_json_append_string (line, claim ? crb_claim_get_article_id (claim) : NULL);
              g_string_append_printf (line, ",\"start\":%u,\"end\":%u,\"text\":",
                                      claim ? crb_claim_get_start (claim) : 0, claim ? crb_claim_get_end (claim) : 0);
              crb_json_append_string (line, claim ? crb_claim_get_text (claim) : NULL);
              g_string_append (line, ",\"status\":");
              crb_json_append_string (line, claim ? crb_decision_status_to_string (crb_claim_get_status (claim)) : NULL);
              g_string_append_c (line, '}');
            }
          g_string_append_printf (line, "],\"articles\":%u,\"outlets\":%u,\"single_source\":%s,\"conflicts\":[",
                                  fact->n_articles, fact->n_outlets, fact->n_outlets <= 1 ? "true" : "false");
          for (guint k = 0; k < alignment->links->len; k++)
            {
              CrbLink *link = g_ptr_array_index (alignment->links, k);

              if (link->relation != CRB_RELATION_CONFLICTS ||
                  !g_strv_contains ((const char * const *) fact->claims, link->a))
                continue;
              if (!first)
                g_string_append_c (line, ',');
              first = FALSE;
              g_string_append (line, "{\"a\":");
              crb_json_append_string (line, link->a);
              g_string_append (line, ",\"b\":");
              crb_json_append_string (line, link->b);
              g_string_append (line, ",\"why\":");
              crb_json_append_strv (line, (const char * const *) link->why);
              g_string_append_c (line, '}');
            }
          g_string_append (line, "]}\n");
          fwrite (line->str, 1, line->len, stdout);
        }
      /* a big story's limits, where the reviewer sees them, not in the
       * facts themselves */
      if (alignment->note != NULL)
        {
          fflush (stdout);
          g_printerr ("corroborate-cli: %s %s: %s\n", _("note:"), crb_story_get_id (story),
                      alignment->note);
        }

      if (!was_loaded)
        crb_story_unload (story);
    }

  return finish_output ();
}

/* save: the file catches up with the journal now, whatever its size. */
static int
cmd_save (int    argc,
          char **argv)
{
  g_autoptr (CrbProject) project = NULL;
  g_autoptr (GError) error = NULL;
  int status;

  if ((status = parse_options (NULL, _("Fold the journal into the project file now: a large project's "
                                       "changes are kept in the journal until it has grown."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc != 2)
    return usage_error (_("save needs exactly one project file"));

  project = open_project (argv[1], &error);
  if (project == NULL)
    return fail_error (error);

  if (!crb_project_get_modified (project))
    {
      g_print (_("%s: the file holds every change already\n"), argv[1]);
      return finish_output ();
    }

  if (!crb_project_save (project, NULL, NULL, &error))
    {
      /* Another program has it open: it will fold the journal itself. */
      if (g_error_matches (error, CRB_ERROR, CRB_ERROR_BUSY))
        {
          warn (error->message);
          return 0;
        }
      return fail_error (error);
    }

  g_print (_("%s: saved\n"), argv[1]);
  return finish_output ();
}

static const Command commands[] = {
  { "new", N_("PROJECT INPUT…"), N_("create a project from files, folders or .jsonl corpora, or from an export"), cmd_new },
  { "add", N_("PROJECT INPUT…"), N_("add articles to a project"), cmd_add },
  { "extract", N_("INPUT…"), N_("print the claims of articles as JSON Lines"), cmd_extract },
  { "claims", N_("PROJECT"), N_("print a project's claims as JSON Lines"), cmd_claims },
  { "annotate", N_("PROJECT CLAIM_ID"), N_("confirm, correct or reject a claim"), cmd_annotate },
  { "link", N_("PROJECT CLAIM_A CLAIM_B"), N_("link two claims by hand"), cmd_link },
  { "unlink", N_("PROJECT CLAIM_A CLAIM_B"), N_("remove a link between two claims"), cmd_unlink },
  { "facts", N_("PROJECT"), N_("print facts and their appearances across outlets"), cmd_facts },
  { "undo", N_("PROJECT"), N_("undo the latest decision"), cmd_undo },
  { "redo", N_("PROJECT"), N_("redo the latest undone decision"), cmd_redo },
  { "export", N_("PROJECT"), N_("export the decided claims as a dataset"), cmd_export },
  { "validate", N_("PROJECT"), N_("check a project file"), cmd_validate },
  { "stats", N_("PROJECT"), N_("count claims and decisions"), cmd_stats },
  { "save", N_("PROJECT"), N_("fold the journal into the project file now"), cmd_save },
};

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n\n", _("Usage: corroborate-cli COMMAND [OPTION…] ARGUMENTS"));
  fprintf (stream, "%s\n\n", _("Review the claims of news articles side by side, from the command line."));
  fprintf (stream, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *head = g_strdup_printf ("%s %s", commands[i].name, _(commands[i].args));
      g_autofree char *padded = pad (head, 36);
      fprintf (stream, "  %s %s\n", padded, _(commands[i].summary));
    }
  fprintf (stream, "\n%s\n", _("Options:"));
  fprintf (stream, "  %-36s %s\n", "-h, --help", _("Show this help"));
  fprintf (stream, "  %-36s %s\n", "--version", _("Show the version"));
  fprintf (stream, "\n%s\n", _("“corroborate-cli COMMAND --help” describes a command's options."));
  fprintf (stream, "%s\n", _("Exit status: 0 on success, 1 on failure, 2 on a usage error."));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* CORROBORATE_LOCALEDIR lets tests use catalogues that are not installed. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("CORROBORATE_LOCALEDIR") ? g_getenv ("CORROBORATE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 || strcmp (argv[1], "help") == 0)
    {
      print_help (stdout);
      return 0;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      g_print ("corroborate-cli %s\n", PACKAGE_VERSION);
      return 0;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[1], commands[i].name) == 0)
        {
          current = &commands[i];
          return commands[i].run (argc - 1, argv + 1);
        }
    }

  return usage_error (_("unknown command “%s”"), argv[1]);
}
