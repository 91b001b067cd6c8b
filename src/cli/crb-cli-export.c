/* SPDX-License-Identifier: GPL-3.0-or-later */
/* export: the datasets */
#define G_LOG_DOMAIN "corroborate-cli"

#include "config.h"

#include "crb-cli.h"

#include <errno.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

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

int
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
  gboolean include_disputed = FALSE;
  g_autofree char *annotator = NULL;
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
    /* team projects: docs/team.md */
    { "include-disputed", 0, 0, G_OPTION_ARG_NONE, &include_disputed, N_("Team project: also export the claims the reviewers disagree on without a majority or an adjudication, as pending"), NULL },
    { "annotator", 0, 0, G_OPTION_ARG_STRING, &annotator, N_("Team project: who exports; in a blind review, the owner (default: $CORROBORATE_ANNOTATOR)"), N_("NAME") },
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

  /* A team project exports its gold decisions, and in a blind review only
   * its owner does (docs/team.md).
   */
  if ((status = cli_team_prepare (project, argv[1], annotator, FALSE, CRB_TEAM_VIEW_GOLD)) >= 0)
    return status;
  if (!crb_project_team_can_see_others (project))
    return fail (_("%s: the review is blind: only the owner exports until the decisions are revealed "
                   "(“corroborate-cli team reveal”)"), argv[1]);
  options.team = crb_project_get_team (project);
  options.include_disputed = include_disputed;

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
