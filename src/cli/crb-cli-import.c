/* SPDX-License-Identifier: GPL-3.0-or-later */
/* new, add and extract: articles in, claims out */
#define G_LOG_DOMAIN "corroborate-cli"

#include "config.h"

#include "crb-cli.h"


#include <errno.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

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

/* add: the file takes the articles now, whatever its size (they are not
 * changes the journal carries), once no other program has it open.
 */
static int
save_added (CrbProject *project,
            const char *path)
{
  for (guint attempt = 0; ; attempt++)
    {
      g_autoptr (GError) error = NULL;

      if (crb_project_save (project, NULL, NULL, &error))
        return 0;
      if (!g_error_matches (error, CRB_ERROR, CRB_ERROR_BUSY))
        return fail (_("%s: nothing was added: %s"), path, error->message);
      if (attempt == 50)
        return fail (_("%s: another program has the project open; nothing was added (close it "
                       "and add the articles again)"), path);
      g_usleep (20 * 1000);
    }
}

/* new and add share everything but whether the project exists: @new_file
 * is where a new project goes, %NULL to add to the project's own file.
 * Nothing is written unless every input is read.  The articles are read
 * and checked first, then each story is made, written aside and freed,
 * several at once (see crb_project_import_scanned()); the save puts the
 * file together.
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

  if (new_file == NULL && crb_project_get_read_only (project) != NULL)
    return fail (_("%s: the project is read-only (%s); nothing was added"), path,
                 crb_project_get_read_only (project));

  items = crb_import_scan ((const char * const *) inputs,
                           skip_invalid ? CRB_IMPORT_SKIP_INVALID : CRB_IMPORT_NONE,
                           warnings, NULL, &error);
  print_warnings (warnings);
  if (items == NULL)
    return fail_error (error);

  default_story = story ? g_strdup (story) : crb_import_default_story ((const char * const *) inputs);
  if (!crb_project_import_scanned (project, items, default_story, threshold, extractor_command,
                                   (guint) extractor_timeout, new_file, NULL, &error))
    return fail_error (error);

  if (new_file != NULL)
    {
      if (!crb_project_save (project, new_file, NULL, &error))
        return fail_error (error);
    }
  else
    {
      int status = save_added (project, path);
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

int
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

int
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

/* Prints the claims of one article (every sentence with @all); FALSE with
 * @error set when the user's extractor fails. */
static gboolean
print_article_claims (CrbArticle  *article,
                      gboolean     all,
                      double       threshold,
                      GString     *line,
                      GError     **error)
{
  const char *text = crb_article_get_text (article);
  g_autoptr (GPtrArray) sentences = NULL;
  gsize byte_pos = 0, char_pos = 0;

  /* A user's extractor proposes claims only: print them as claims. */
  if (extractor_command != NULL && *extractor_command != '\0')
    {
      g_autoptr (GPtrArray) claims = NULL;

      claims = crb_extract_with_command (extractor_command, article, threshold,
                                         extractor_timeout, NULL, error);

      if (claims == NULL)
        return FALSE;
      for (guint j = 0; j < claims->len; j++)
        {
          g_string_truncate (line, 0);
          crb_claim_write_json (line, g_ptr_array_index (claims, j), FALSE, NULL);
          g_string_append_c (line, '\n');
          fwrite (line->str, 1, line->len, stdout);
        }
      return TRUE;
    }

  sentences = crb_extract_article_sentences (article);
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
      append_sentence (line, crb_article_get_id (article), text, s, start, end, all, threshold);
      fwrite (line->str, 1, line->len, stdout);
    }
  return TRUE;
}

/* `extract -`: a JSON Lines corpus on standard input, one article a line,
 * claims out in the order of the lines.  Nothing is carried from one line
 * to the next (an article without "id" is named after its text, not its
 * line), so the input may be cut anywhere between lines, the pieces run
 * apart (GNU parallel --pipepart, Hadoop Streaming, Spark's RDD.pipe) and
 * the outputs joined in order: the result is the same. */
static int
extract_stream (gboolean all,
                double   threshold,
                gboolean skip_invalid)
{
  g_autoptr (GString) out = g_string_new (NULL);
  g_autofree char *buf = NULL;
  size_t size = 0;
  ssize_t got;
  guint lineno = 0;

  while ((got = getline (&buf, &size, stdin)) >= 0)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (CrbImportItem) item = NULL;
      g_autofree char *where = NULL;
      g_autofree char *source = NULL;
      char *line = buf;

      lineno++;
      if (memchr (buf, '\0', got) != NULL)
        {
          where = g_strdup_printf (_("standard input, line %u"), lineno);
          g_set_error (&error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("%s: not a JSON object: a nul byte"), where);
        }
      else
        {
          g_strstrip (line);
          if (*line == '\0')
            continue;
          where = g_strdup_printf (_("standard input, line %u"), lineno);
          source = g_strdup_printf ("stdin:%u", lineno);
          item = crb_import_corpus_line (line, where, source, NULL, &error);
        }
      if (item == NULL)
        {
          if (skip_invalid)
            {
              g_autofree char *msg = g_strdup_printf (_("%s (skipped)"), error->message);
              warn (msg);
              continue;
            }
          return fail_error (error);
        }
      if (!print_article_claims (item->article, all, threshold, out, &error))
        return fail_error (error);
    }
  if (ferror (stdin))
    return fail (_("cannot read standard input: %s"), g_strerror (errno));
  return finish_output ();
}

int
cmd_extract (int    argc,
             char **argv)
{
  g_autoptr (GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) items = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GString) line = g_string_new (NULL);
  gboolean all = FALSE;
  gboolean skip_invalid = FALSE;
  double threshold = CRB_EXTRACT_DEFAULT_THRESHOLD;
  GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &all, N_("Print every sentence with its score and reasons, not only claims"), NULL },
    { "threshold", 0, 0, G_OPTION_ARG_DOUBLE, &threshold, N_("Lowest check-worthiness proposed as a claim (0–1)"), N_("X") },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Skip unreadable inputs with a warning instead of refusing"), NULL },
    EXTRACTOR_OPTIONS,
    { NULL }
  };
  int status;

  if ((status = parse_options (entries,
                               _("Print the claims of articles as JSON Lines, without making a "
                                 "project. With “-”, read a JSON Lines corpus from standard input, "
                                 "one article a line, and print the claims in the order of the "
                                 "lines."),
                               &argc, &argv)) >= 0)
    return status;
  if (argc < 2)
    return usage_error (_("extract needs at least one input"));
  if (!parse_threshold (threshold))
    return usage_error (_("--threshold must be between 0 and 1"));

  if (extractor_timeout <= 0)
    return usage_error (_("--extractor-timeout must be a positive number of seconds"));

  for (int i = 1; i < argc; i++)
    if (strcmp (argv[i], "-") == 0 && argc != 2)
      return usage_error (_("extract - reads standard input alone"));
  if (strcmp (argv[1], "-") == 0)
    return extract_stream (all, threshold, skip_invalid);

  items = crb_import_paths ((const char * const *) argv + 1,
                            skip_invalid ? CRB_IMPORT_SKIP_INVALID : CRB_IMPORT_NONE,
                            warnings, NULL, &error);
  print_warnings (warnings);
  if (items == NULL)
    return fail_error (error);

  for (guint i = 0; i < items->len; i++)
    {
      CrbImportItem *item = g_ptr_array_index (items, i);

      if (!print_article_claims (item->article, all, threshold, line, &error))
        return fail_error (error);
    }

  return finish_output ();
}
