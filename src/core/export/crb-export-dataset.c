/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-export-dataset.c: a dataset folder ready to publish: the native
 * records split by story, FEVER's sentence table, the JSON Schema and a
 * dataset card in the form the Hugging Face Hub reads.
 */
#define G_LOG_DOMAIN "crb-export"

#include "config.h"

#include "crb-export-private.h"

#include "crb-extract.h"

#include <math.h>
#include <string.h>

#define SCHEMA_RESOURCE "/io/github/corroborate/Corroborate/export/export.schema.json"
#define SCHEMA_FILE     "export.schema.json"
#define SENTENCES_FILE  "sentences.jsonl"
#define CARD_FILE       "README.md"

/* The features of the native records (data/export.schema.json,
 * #/definitions/record) as the Hub's dataset_info writes them; tests check
 * that they name the schema's members.
 */
static const char record_features[] =
  "  features:\n"
  "  - name: id\n    dtype: string\n"
  "  - name: claim\n    dtype: string\n"
  "  - name: original\n    dtype: string\n"
  "  - name: status\n    dtype: string\n"
  "  - name: reason\n    dtype: string\n"
  "  - name: note\n    dtype: string\n"
  "  - name: annotator\n    dtype: string\n"
  "  - name: time\n    dtype: string\n"
  "  - name: annotations\n"
  "    list:\n"
  "    - name: annotator\n      dtype: string\n"
  "    - name: status\n      dtype: string\n"
  "    - name: reject_reason\n      dtype: string\n"
  "    - name: corrected_text\n      dtype: string\n"
  "    - name: note\n      dtype: string\n"
  "    - name: time\n      dtype: string\n"
  "  - name: agreement\n    dtype: string\n"
  "  - name: kind\n    dtype: string\n"
  "  - name: values\n"
  "    struct:\n"
  "    - name: quantities\n"
  "      list:\n"
  "      - name: text\n        dtype: string\n"
  "      - name: value\n        dtype: float64\n"
  "      - name: qualifier\n        dtype: string\n"
  "      - name: unit\n        dtype: string\n"
  "      - name: currency\n        dtype: string\n"
  "      - name: noun\n        dtype: string\n"
  "    - name: dates\n"
  "      list:\n"
  "      - name: text\n        dtype: string\n"
  "      - name: value\n        dtype: string\n"
  "      - name: weekday\n        dtype: string\n"
  "      - name: relative\n        dtype: string\n"
  "    - name: entities\n"
  "      list:\n"
  "      - name: text\n        dtype: string\n"
  "      - name: type\n        dtype: string\n"
  "    - name: speaker\n      dtype: string\n"
  "    - name: verb\n      dtype: string\n"
  "    - name: source\n      dtype: string\n"
  "  - name: article\n"
  "    struct:\n"
  "    - name: id\n      dtype: string\n"
  "    - name: title\n      dtype: string\n"
  "    - name: outlet\n      dtype: string\n"
  "    - name: url\n      dtype: string\n"
  "    - name: date\n      dtype: string\n"
  "    - name: source\n      dtype: string\n"
  "    - name: sha256\n      dtype: string\n"
  "    - name: source_sha256\n      dtype: string\n"
  "    - name: body_start\n      dtype: int64\n"
  "    - name: text\n      dtype: string\n"
  "  - name: span\n"
  "    struct:\n"
  "    - name: start\n      dtype: int64\n"
  "    - name: end\n      dtype: int64\n"
  "  - name: quote\n    dtype: string\n"
  "  - name: story\n"
  "    struct:\n"
  "    - name: id\n      dtype: string\n"
  "    - name: title\n      dtype: string\n"
  "  - name: fact\n    dtype: string\n"
  "  - name: evidence\n"
  "    list:\n"
  "    - name: claim\n      dtype: string\n"
  "    - name: article\n      dtype: string\n"
  "    - name: relation\n      dtype: string\n"
  "    - name: span\n"
  "      struct:\n"
  "      - name: start\n        dtype: int64\n"
  "      - name: end\n        dtype: int64\n"
  "    - name: quote\n      dtype: string\n"
  "    - name: status\n      dtype: string\n"
  "    - name: why\n      sequence: string\n"
  "    - name: manual\n      dtype: bool\n"
  "  - name: outlets\n    dtype: int64\n"
  "  - name: corroboration\n"
  "    struct:\n"
  "    - name: agree\n      dtype: int64\n"
  "    - name: conflict\n      dtype: int64\n"
  "    - name: decided_against_conflict\n      dtype: bool\n"
  "  - name: extractor\n"
  "    struct:\n"
  "    - name: name\n      dtype: string\n"
  "    - name: version\n      dtype: string\n"
  "    - name: score\n      dtype: float64\n"
  "    - name: reasons\n      sequence: string\n";

static const char sentence_features[] =
  "  features:\n"
  "  - name: page\n    dtype: string\n"
  "  - name: sentence_id\n    dtype: int64\n"
  "  - name: text\n    dtype: string\n"
  "  - name: span\n"
  "    struct:\n"
  "    - name: start\n      dtype: int64\n"
  "    - name: end\n      dtype: int64\n";

/* A file of the folder, written whole or not at all. */
typedef struct
{
  char              *name;  /* relative to the folder */
  GFile             *file;
  GFileOutputStream *stream;
} Output;

static void
output_free (Output *output)
{
  g_free (output->name);
  g_clear_object (&output->file);
  g_clear_object (&output->stream);
  g_free (output);
}

static Output *
output_open (GFile         *folder,
             const char    *name,
             GCancellable  *cancellable,
             GError       **error)
{
  Output *output = g_new0 (Output, 1);

  output->name = g_strdup (name);
  output->file = g_file_get_child (folder, name);
  output->stream = g_file_replace (output->file, NULL, FALSE, G_FILE_CREATE_NONE, cancellable, error);
  if (output->stream == NULL)
    {
      output_free (output);
      return NULL;
    }
  return output;
}

/* The Hub's size category of @n records. */
static const char *
size_category (guint n)
{
  static const struct { guint below; const char *name; } sizes[] = {
    { 1000, "n<1K" }, { 10000, "1K<n<10K" }, { 100000, "10K<n<100K" },
    { 1000000, "100K<n<1M" }, { 10000000, "1M<n<10M" }, { 100000000, "10M<n<100M" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    if (n < sizes[i].below)
      return sizes[i].name;
  return "100M<n<1B";
}

/* A YAML scalar, double-quoted: a JSON string is one. */
static void
append_yaml_string (GString    *out,
                    const char *value)
{
  crb_json_append_string (out, value);
}

/* Text for the card's Markdown: no table or emphasis marks inside. */
static void
append_markdown (GString    *out,
                 const char *text)
{
  for (const char *p = text; *p; p++)
    {
      if (strchr ("|*_`[]<>\\", *p) != NULL)
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p == '\n' ? ' ' : *p);
    }
}

/* What the card needs to measure a team's agreement on the exported
 * stories.
 */
typedef struct
{
  const CrbExportOptions *options;
  GHashTable             *pseudonyms;  /* NULL: names as they are */
  GHashTable             *story_of;    /* article id → story id, of the exported stories */
} CardTeam;

static const char *
exported_story_of (const char *claim_id,
                   gpointer    user_data)
{
  CardTeam *team = user_data;
  const char *colon = strrchr (claim_id, ':');
  g_autofree char *article = colon ? g_strndup (claim_id, colon - claim_id) : NULL;

  return article ? g_hash_table_lookup (team->story_of, article) : NULL;
}

static const char *
card_name (CardTeam   *team,
           const char *name)
{
  const char *pseudonym = team->pseudonyms ? g_hash_table_lookup (team->pseudonyms, name) : NULL;

  return pseudonym ? pseudonym : name;
}

static void
append_figure (GString *card,
               double   value)
{
  if (isnan (value))
    g_string_append (card, "undefined");
  else
    g_string_append_printf (card, "%.3f", value);
}

/* Agreement between reviewers: a team project's figures over the claims
 * of the exported stories that two reviewers or more decided
 * (crb_team_compute_figures(); docs/team.md).  A project that is not a
 * team's has one decision per claim: nothing to compare.
 */
static void
append_agreement (GString  *card,
                  CardTeam *team)
{
  g_autoptr (CrbTeamFigures) figures = NULL;
  const CrbAgreementFigures *d;

  if (team == NULL || team->options->team == NULL)
    {
      g_string_append (card,
                       "\n### Agreement\n\n"
                       "Not measured: each claim carries the decision of one reviewer.\n");
      return;
    }

  figures = crb_team_compute_figures (team->options->team, exported_story_of, team);
  d = figures->decisions;
  g_string_append_printf (card,
                          "\n### Agreement\n\n"
                          "Each reviewer decided claims independently, in a file of their own%s.  "
                          "%u claims were decided by two reviewers or more; on their labels (confirmed, "
                          "corrected, or the reason of a rejection):\n\n"
                          "| measure | value |\n|---|---|\n| observed agreement | ",
                          crb_team_get_blind (team->options->team)
                            ? ", blind to the others' decisions until they were revealed" : "",
                          d->items);
  append_figure (card, d->observed);
  g_string_append (card, " |\n| Fleiss' κ | ");
  append_figure (card, d->fleiss_kappa);
  g_string_append (card, " |\n| Krippendorff's α (nominal) | ");
  append_figure (card, d->krippendorff_alpha);
  g_string_append (card, " |\n");

  if (d->pairs->len > 0)
    {
      g_string_append (card, "\n| reviewers | claims in common | Cohen's κ |\n|---|---|---|\n");
      for (guint i = 0; i < d->pairs->len; i++)
        {
          const CrbAgreementPair *pair = g_ptr_array_index (d->pairs, i);

          if (pair->items == 0)
            continue;
          g_string_append (card, "| ");
          append_markdown (card, card_name (team, pair->a));
          g_string_append (card, " – ");
          append_markdown (card, card_name (team, pair->b));
          g_string_append_printf (card, " | %u | ", pair->items);
          append_figure (card, pair->cohen_kappa);
          g_string_append (card, " |\n");
        }
    }

  g_string_append_printf (card,
                          "\nEach record carries every reviewer's decision (`annotations`) and the gold one "
                          "made of them, with how it came about (`agreement`): %u by a single reviewer, %u "
                          "unanimous, %u by a majority of the reviewers, %u adjudicated; %u claims on which "
                          "the reviewers disagree without a majority %s.\n",
                          figures->consensus[CRB_CONSENSUS_SINGLE], figures->consensus[CRB_CONSENSUS_UNANIMOUS],
                          figures->consensus[CRB_CONSENSUS_MAJORITY], figures->consensus[CRB_CONSENSUS_ADJUDICATED],
                          figures->consensus[CRB_CONSENSUS_DISPUTED],
                          team->options->include_disputed ? "are included, as pending" : "are left out");
}

static void
append_reviewers (GString              *card,
                  const CrbExportTally *total,
                  CardTeam             *team)
{
  g_string_append (card, "\n## Reviewers\n\n");
  if (total->annotators->len == 0)
    {
      g_string_append (card, "No record carries a decision.\n");
      return;
    }
  if (total->annotators->len == 1)
    {
      g_string_append (card, "One reviewer made every decision: ");
      append_markdown (card, g_ptr_array_index (total->annotators, 0));
      g_string_append (card, ".\n");
      return;
    }

  g_string_append_printf (card, "%u reviewers made the decisions:\n\n"
                          "| reviewer | decisions |\n|---|---|\n", total->annotators->len);
  for (guint i = 0; i < total->annotators->len; i++)
    {
      const char *name = g_ptr_array_index (total->annotators, i);

      g_string_append (card, "| ");
      append_markdown (card, name);
      g_string_append_printf (card, " | %u |\n",
                              GPOINTER_TO_UINT (g_hash_table_lookup (total->counts, name)));
    }
  append_agreement (card, team);
}

static char *
make_card (const CrbDatasetOptions *dataset,
           CardTeam                *team,
           const CrbExportOptions  *options,
           GPtrArray               *splits,
           CrbExportTally          *tallies,
           guint                   *counts,
           const CrbExportTally    *total,
           guint                    n_records)
{
  const char *title = dataset->title ? dataset->title : "Corroborate fact dataset";
  GString *card = g_string_new ("---\n");

  /* The metadata the Hub reads (its datasetcard.md). */
  g_string_append (card, "pretty_name: ");
  append_yaml_string (card, title);
  g_string_append (card, "\nlicense: ");
  append_yaml_string (card, dataset->license ? dataset->license : "unknown");
  g_string_append (card, "\nlanguage:\n- ");
  append_yaml_string (card, dataset->language ? dataset->language : "en");
  g_string_append_printf (card,
                          "\ntask_categories:\n- text-classification\n"
                          "task_ids:\n- fact-checking\n"
                          "annotations_creators:\n- expert-generated\n"
                          "language_creators:\n- found\n"
                          "multilinguality:\n- monolingual\n"
                          "source_datasets:\n- original\n"
                          "size_categories:\n- %s\n"
                          "tags:\n- fact-checking\n- claims\n- news\n- corroborate\n",
                          size_category (n_records));

  g_string_append (card, "configs:\n- config_name: default\n  default: true\n  data_files:\n");
  for (guint i = 0; i < splits->len; i++)
    {
      CrbSplit *split = g_ptr_array_index (splits, i);

      g_string_append_printf (card, "  - split: %s\n    path: %s.jsonl\n", split->name, split->name);
    }
  g_string_append (card,
                   "- config_name: sentences\n  data_files:\n"
                   "  - split: sentences\n    path: " SENTENCES_FILE "\n");

  g_string_append (card, "dataset_info:\n- config_name: default\n");
  g_string_append (card, record_features);
  g_string_append (card, "  splits:\n");
  for (guint i = 0; i < splits->len; i++)
    g_string_append_printf (card, "  - name: %s\n    num_examples: %u\n",
                            ((CrbSplit *) g_ptr_array_index (splits, i))->name, counts[i]);
  g_string_append (card, "- config_name: sentences\n");
  g_string_append (card, sentence_features);
  g_string_append (card, "---\n\n# ");
  append_markdown (card, title);

  /* The card itself, for people. */
  g_string_append (card,
                   "\n\nClaims from news articles, each checked by a reviewer with Corroborate.  A record "
                   "is one claim as an article states it, with the reviewer's decision (confirmed, "
                   "corrected, or rejected with a reason), the article it comes from (the full text "
                   "rides on the article's first record, with the sha256 of that text), its span in "
                   "the text in code points, and the claims of other articles that state the same "
                   "fact, agreeing or conflicting (`evidence`, `corroboration`).\n\n"
                   "## Files\n\n| file | holds |\n|---|---|\n");
  for (guint i = 0; i < splits->len; i++)
    {
      CrbSplit *split = g_ptr_array_index (splits, i);

      guint n_stories = g_hash_table_size (split->stories);

      g_string_append_printf (card, "| `%s.jsonl` | the %s split: %u %s of %u %s |\n",
                              split->name, split->name, counts[i], counts[i] == 1 ? "record" : "records",
                              n_stories, n_stories == 1 ? "story" : "stories");
    }
  g_string_append (card,
                   "| `" SENTENCES_FILE "` | every sentence of the articles, as FEVER's sentence table "
                   "(`page` is the article id; `corroborate-cli export --format fever` refers to them) |\n"
                   "| `" SCHEMA_FILE "` | the JSON Schema of the records (`#/definitions/record`) and "
                   "of the sentences (`#/definitions/fever_sentence`) |\n"
                   "| `" CARD_FILE "` | this card |\n");

  g_string_append_printf (card,
                          "\n## Splits\n\nBy story, so that no event is in two splits: stories are "
                          "shuffled with seed %u and each split takes stories until it has its share "
                          "of the records.\n\n| split | share | stories | records | confirmed | "
                          "corrected | rejected | pending |\n|---|---|---|---|---|---|---|---|\n",
                          dataset->seed);
  for (guint i = 0; i < splits->len; i++)
    {
      CrbSplit *split = g_ptr_array_index (splits, i);
      const CrbExportTally *t = &tallies[i];

      g_string_append_printf (card, "| %s | %g | %u | %u | %u | %u | %u | %u |\n",
                              split->name, split->share, g_hash_table_size (split->stories), counts[i],
                              t->by_status[CRB_DECISION_STATUS_CONFIRMED],
                              t->by_status[CRB_DECISION_STATUS_CORRECTED],
                              t->by_status[CRB_DECISION_STATUS_REJECTED],
                              t->by_status[CRB_DECISION_STATUS_PENDING]);
    }

  g_string_append (card,
                   "\n## Fields\n\n"
                   "- `claim`: the final text (the correction of a corrected claim); `original`: the "
                   "text as extracted; `quote`: the article's text at `span`\n"
                   "- `status`: `confirmed`, `corrected`, `rejected` (with a `reason`) or `pending`; "
                   "`note`, `annotator`, `time`: the decision\n"
                   "- `article`: `id`, `title`, `outlet`, `url`, `date`, `source`, `sha256`, "
                   "`source_sha256` (of the file, when the text is not its bytes: HTML, another "
                   "encoding), `body_start` (where the text after its metadata lines starts), and "
                   "`text` on the article's first record\n"
                   "- `fact`, `evidence`, `outlets`: the fact the claim states, the claims of other "
                   "articles linked to it (`agrees`, `conflicts`, `related`) and how many outlets "
                   "report it\n"
                   "- `corroboration`: how many other outlets agree and conflict, and whether the "
                   "reviewer confirmed the claim although other outlets contradict it\n"
                   "- `kind`, `values`, `extractor`: what the extraction engine made of the sentence\n\n"
                   "`" SCHEMA_FILE "` says it exactly.\n");

  append_reviewers (card, total, team);

  g_string_append_printf (card,
                          "\n## Provenance\n\nExported by Corroborate %s (extractor %s %s)%s%s.  "
                          "Every `span` slices its article's `text`, and each article's `sha256` "
                          "is the sha256 of that text.\n",
                          PACKAGE_VERSION, CRB_EXTRACTOR_NAME, CRB_EXTRACTOR_VERSION,
                          options->include_pending ? ", pending claims included" : "",
                          options->include_rejected ? "" : ", rejected claims left out");
  if (options->anonymize_annotators)
    g_string_append (card, "Reviewers are named by pseudonyms (annotator-1, annotator-2, …).\n");

  return g_string_free (card, FALSE);
}

/**
 * crb_export_dataset:
 * @stories: (element-type CrbStory): the stories of a project, in order
 * @folder: where the dataset goes; made if missing
 * @dataset: (nullable): the card's metadata and the splits
 * @written: (element-type utf8) (nullable): gets the names of the files
 *   written, relative to @folder
 * @n_records: (out) (optional): how many records the splits hold
 *
 * Writes a dataset folder ready to publish: the native records split by
 * story (`train.jsonl`, `dev.jsonl`, `test.jsonl` by default), FEVER's
 * sentence table (`sentences.jsonl`), the JSON Schema of both
 * (`export.schema.json`) and a dataset card (`README.md`) whose YAML
 * front matter is the Hugging Face Hub's: licence, language, task, size
 * category, `configs` naming each data file, and the features with their
 * types.  Each file is replaced only once it is written whole.
 */
gboolean
crb_export_dataset (GListModel              *stories,
                    GFile                   *folder,
                    const CrbExportOptions  *options,
                    const CrbDatasetOptions *dataset,
                    GPtrArray               *written,
                    guint                   *n_records,
                    GCancellable            *cancellable,
                    GError                 **error)
{
  CrbExportOptions defaults = CRB_EXPORT_OPTIONS_DEFAULT;
  CrbDatasetOptions dataset_defaults = CRB_DATASET_OPTIONS_DEFAULT;
  g_autoptr (GPtrArray) own_splits = NULL;
  g_autoptr (GPtrArray) outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) output_free);
  g_autoptr (GHashTable) pseudonyms = NULL;
  g_autoptr (GBytes) schema = NULL;
  g_autofree CrbExportTally *tallies = NULL;
  g_autofree guint *counts = NULL;
  g_autofree char *card = NULL;
  g_autoptr (GFile) card_file = NULL;
  g_autoptr (GFile) schema_file = NULL;
  CrbExportTally total;
  GPtrArray *splits;
  Output *sentences;
  GError *local_error = NULL;
  guint n_total = 0;

  g_return_val_if_fail (G_IS_LIST_MODEL (stories), FALSE);
  g_return_val_if_fail (G_IS_FILE (folder), FALSE);

  if (options == NULL)
    options = &defaults;
  if (dataset == NULL)
    dataset = &dataset_defaults;
  splits = dataset->splits;
  if (splits == NULL)
    splits = own_splits = crb_export_parse_splits ("train=0.8,dev=0.1,test=0.1", NULL);

  if (!g_file_make_directory_with_parents (folder, cancellable, &local_error))
    {
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      g_clear_error (&local_error);
    }

  if (options->anonymize_annotators && (pseudonyms = _crb_export_pseudonyms (stories, options, error)) == NULL)
    return FALSE;

  crb_export_assign_splits_stories (stories, options, splits, dataset->seed);

  /* The records of each split, and every sentence of their articles. */
  if ((sentences = output_open (folder, SENTENCES_FILE, cancellable, error)) == NULL)
    return FALSE;
  g_ptr_array_add (outputs, sentences);
  tallies = g_new0 (CrbExportTally, splits->len);
  counts = g_new0 (guint, splits->len);
  _crb_export_tally_init (&total);
  for (guint i = 0; i < splits->len; i++)
    _crb_export_tally_init (&tallies[i]);

  for (guint i = 0; i < splits->len && local_error == NULL; i++)
    {
      CrbSplit *split = g_ptr_array_index (splits, i);
      g_autofree char *name = g_strconcat (split->name, ".jsonl", NULL);
      CrbExportOptions split_options = *options;
      Output *records = output_open (folder, name, cancellable, &local_error);

      if (records == NULL)
        break;
      g_ptr_array_add (outputs, records);
      split_options.stories = split->stories;
      if (!_crb_export_run (stories, CRB_EXPORT_JSONL, G_OUTPUT_STREAM (records->stream),
                            G_OUTPUT_STREAM (sentences->stream), &split_options, pseudonyms,
                            &tallies[i], &counts[i], cancellable, &local_error))
        break;
      n_total += counts[i];
      for (guint k = 0; k < tallies[i].annotators->len; k++)
        {
          const char *annotator = g_ptr_array_index (tallies[i].annotators, k);

          _crb_export_tally_add (&total, annotator,
                                 GPOINTER_TO_UINT (g_hash_table_lookup (tallies[i].counts, annotator)));
        }
    }

  if (local_error == NULL)
    {
      g_autoptr (GHashTable) story_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      CardTeam team = { options, pseudonyms, story_of };

      for (guint i = 0; i < g_list_model_get_n_items (stories); i++)
        {
          g_autoptr (CrbStory) story = g_list_model_get_item (stories, i);
          const char * const *ids = crb_story_get_article_ids (story);

          for (guint k = 0; ids[k]; k++)
            g_hash_table_insert (story_of, g_strdup (ids[k]), g_strdup (crb_story_get_id (story)));
        }
      card = make_card (dataset, &team, options, splits, tallies, counts, &total, n_total);
      schema = g_resource_lookup_data (_crb_export_get_resource (), SCHEMA_RESOURCE,
                                       G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
      g_assert (schema != NULL);
    }

  _crb_export_tally_clear (&total);
  for (guint i = 0; i < splits->len; i++)
    _crb_export_tally_clear (&tallies[i]);

  /* Closing replaces the files; a cancelled close leaves them as they were. */
  for (guint i = 0; i < outputs->len; i++)
    {
      Output *output = g_ptr_array_index (outputs, i);

      if (local_error != NULL)
        {
          g_autoptr (GCancellable) cancel = g_cancellable_new ();

          g_cancellable_cancel (cancel);
          g_output_stream_close (G_OUTPUT_STREAM (output->stream), cancel, NULL);
        }
      else
        g_output_stream_close (G_OUTPUT_STREAM (output->stream), cancellable, &local_error);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  schema_file = g_file_get_child (folder, SCHEMA_FILE);
  card_file = g_file_get_child (folder, CARD_FILE);
  if (!g_file_replace_contents (schema_file, g_bytes_get_data (schema, NULL), g_bytes_get_size (schema),
                                NULL, FALSE, G_FILE_CREATE_NONE, NULL, cancellable, error) ||
      !g_file_replace_contents (card_file, card, strlen (card), NULL, FALSE, G_FILE_CREATE_NONE,
                                NULL, cancellable, error))
    return FALSE;

  if (written != NULL)
    {
      g_ptr_array_add (written, g_strdup (CARD_FILE));
      for (guint i = 1; i < outputs->len; i++)
        g_ptr_array_add (written, g_strdup (((Output *) g_ptr_array_index (outputs, i))->name));
      g_ptr_array_add (written, g_strdup (SENTENCES_FILE));
      g_ptr_array_add (written, g_strdup (SCHEMA_FILE));
    }
  if (n_records != NULL)
    *n_records = n_total;
  return TRUE;
}
