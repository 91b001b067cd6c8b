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

#include "crb-cli.h"

/*
 * corroborate-cli: a thin command-line front over the core library.
 * Exit status: 0 on success, 1 on failure (one line on stderr naming the
 * file and the problem), 2 on a usage error.
 */



const Command *current;

int G_GNUC_PRINTF (1, 2)
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

int
fail_error (const GError *error)
{
  return fail ("%s", error->message);
}

int G_GNUC_PRINTF (1, 2)
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

void
warn (const char *message)
{
  g_printerr ("corroborate-cli: %s %s\n", _("warning:"), message);
}

/* Parses a command's options; returns -1 to go on, else an exit status. */
int
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

  /* GLib keeps "--" when an argument after it starts with "-" (a file
   * named "-notes.txt"): what follows it is arguments, not options. */
  for (int i = 1; i < *argc; i++)
    if (strcmp ((*argv)[i], "--") == 0)
      {
        /* main()'s strings: dropped from the array, not freed, as GLib does */
        memmove (&(*argv)[i], &(*argv)[i + 1], (size_t) (*argc - i) * sizeof (char *));
        (*argc)--;
        break;
      }

  return -1;
}

/* printf's %-Ns counts bytes; columns must count characters. */
char *
pad (const char *text,
     guint       width)
{
  glong len = g_utf8_strlen (text, -1);
  GString *out = g_string_new (text);

  for (glong i = len; i < (glong) width; i++)
    g_string_append_c (out, ' ');

  return g_string_free (out, FALSE);
}

char *
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

gboolean
write_json_line (JsonNode *node)
{
  gsize len;
  g_autofree char *text = crb_json_to_string (node, &len);

  fwrite (text, 1, len, stdout);
  return fputc ('\n', stdout) != EOF;
}

int
finish_output (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    return fail (_("cannot write the output: %s"), g_strerror (errno));
  return 0;
}

void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; i < warnings->len; i++)
    warn (g_ptr_array_index (warnings, i));
}

CrbProject *
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
int
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

gboolean
parse_threshold (double value)
{
  return value >= 0.0 && value <= 1.0;
}

static const Command commands[] = {
  { "new", N_("PROJECT INPUT…"), N_("create a project from files, folders or .jsonl corpora, or from an export"), cmd_new },
  { "add", N_("PROJECT INPUT…"), N_("add articles to a project"), cmd_add },
  { "extract", N_("INPUT…"), N_("print the claims of articles as JSON Lines"), cmd_extract },
  { "claims", N_("PROJECT"), N_("print a project's claims as JSON Lines"), cmd_claims },
  { "annotate", N_("PROJECT CLAIM_ID"), N_("confirm, correct or reject a claim"), cmd_annotate },
  { "article", N_("PROJECT ARTICLE_ID"), N_("show an article, or name its outlet, title, date or URL"), cmd_article },
  { "link", N_("PROJECT CLAIM_A CLAIM_B"), N_("link two claims by hand"), cmd_link },
  { "unlink", N_("PROJECT CLAIM_A CLAIM_B"), N_("remove a link between two claims"), cmd_unlink },
  { "facts", N_("PROJECT"), N_("print facts and their appearances across outlets"), cmd_facts },
  { "undo", N_("PROJECT"), N_("undo the latest decision"), cmd_undo },
  { "redo", N_("PROJECT"), N_("redo the latest undone decision"), cmd_redo },
  { "export", N_("PROJECT"), N_("export the decided claims as a dataset"), cmd_export },
  { "validate", N_("PROJECT"), N_("check a project file"), cmd_validate },
  { "stats", N_("PROJECT"), N_("count claims and decisions"), cmd_stats },
  { "save", N_("PROJECT"), N_("fold the journal into the project file now"), cmd_save },
  /* a team of reviewers: crb-cli-team.c */
  { "team", N_("init|blind|reveal|status PROJECT"), N_("prepare a project for a team of reviewers; blind review"), cmd_team },
  { "assign", N_("PROJECT"), N_("assign claims to reviewers, balanced"), cmd_assign },
  { "agreement", N_("PROJECT"), N_("measure how well the reviewers agree"), cmd_agreement },
  { "adjudicate", N_("PROJECT CLAIM_ID"), N_("settle a claim the reviewers disagree on"), cmd_adjudicate },
  { "merge", N_("PROJECT REVIEW_FILE…"), N_("take in reviewers' files that came another way"), cmd_merge },
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
