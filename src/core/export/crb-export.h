/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * export/ — writes the verified fact dataset from a list of stories:
 * native JSON Lines, CSV, ClaimReview and FEVER, and dataset splits.
 * See docs/export-formats.md.
 *
 * May include: extract/, align/, store/, model/, base/.
 */
#pragma once

#include <gio/gio.h>

#include "crb-story.h"
#include "crb-team.h"

G_BEGIN_DECLS

/**
 * CrbExportOptions:
 * @include_pending: also export claims nobody has decided yet
 * @include_rejected: export rejected claims (on by default)
 * @stories: story ids to export; %NULL for every story
 * @require_evidence: FEVER: leave out a decided claim that no other
 *   article gives evidence for, instead of writing it as NOT ENOUGH INFO
 * @self_evidence: FEVER: a claim's own sentence is evidence for it, as
 *   exports before 0.1 had it (its other evidence comes from other articles)
 * @review_url: ClaimReview: the base URL of the published reviews
 *   (`https://example.org/checks/`, or with `{id}` where the claim id goes);
 *   %NULL writes drafts (`creativeWorkStatus` Draft), which a fact-checker
 *   cannot post.  See crb_export_check_review_url().
 * @author_org: ClaimReview: the organization that publishes the reviews,
 *   their author; %NULL: each review's reviewer
 * @anonymize_annotators: write `annotator-1`, `annotator-2`, … (numbered in
 *   project order) instead of the reviewers' names
 * @team: (nullable): a team project's merged reviews: every record then
 *   carries the claim's gold decision (docs/team.md); crb_export() sets it
 *   for a team project
 * @include_disputed: with @team, also export the claims on which the
 *   reviewers disagree without a majority or an adjudication (as pending)
 *
 * Without a name, a decision's annotator is written as `anonymous`.
 */
typedef struct
{
  gboolean    include_pending;
  gboolean    include_rejected;
  GHashTable *stories;
  gboolean    require_evidence;
  gboolean    self_evidence;
  const char *review_url;
  const char *author_org;
  gboolean    anonymize_annotators;
  CrbTeam    *team;
  gboolean    include_disputed;
} CrbExportOptions;

#define CRB_EXPORT_OPTIONS_DEFAULT { FALSE, TRUE, NULL, FALSE, FALSE, NULL, NULL, FALSE, NULL, FALSE }

/**
 * CrbSplit:
 * @name: the split's name ("train")
 * @share: its share of the records, from 0 to 1
 * @stories: (element-type utf8): the ids of its stories
 * @n_records: how many records its stories export
 */
typedef struct
{
  char       *name;
  double      share;
  GHashTable *stories;
  guint       n_records;
} CrbSplit;

void       crb_split_free       (CrbSplit               *split);
GPtrArray *crb_export_parse_splits (const char          *spec,
                                    GError             **error);
void       crb_export_assign_splits_stories (GListModel             *stories,
                                             const CrbExportOptions *options,
                                             GPtrArray              *splits,
                                             guint                   seed);

/**
 * CrbExportFormat:
 * @CRB_EXPORT_JSONL: the native JSON Lines dataset, with provenance
 * @CRB_EXPORT_CSV: CSV for spreadsheets
 * @CRB_EXPORT_CLAIMREVIEW: schema.org ClaimReview JSON-LD, one per line
 * @CRB_EXPORT_FEVER: FEVER records, with a sentence table beside them
 */
typedef enum
{
  CRB_EXPORT_JSONL,
  CRB_EXPORT_CSV,
  CRB_EXPORT_CLAIMREVIEW,
  CRB_EXPORT_FEVER,
  CRB_N_EXPORT_FORMATS
} CrbExportFormat;

#define CRB_EXPORT_MAX_LABELS 5

const char *crb_export_format_to_string   (CrbExportFormat  format);
gboolean    crb_export_format_from_string (const char      *name,
                                           CrbExportFormat *format);
const char *crb_export_format_extension   (CrbExportFormat  format);
GFile      *crb_export_sentences_file_for (GFile           *file);
void        crb_export_format_labels      (CrbExportFormat  format,
                                           const char     **labels);

gboolean    crb_export_stories            (GListModel             *stories,
                                           CrbExportFormat         format,
                                           GOutputStream          *output,
                                           GOutputStream          *sentences,
                                           const CrbExportOptions *options,
                                           guint                  *n_records,
                                           GCancellable           *cancellable,
                                           GError                **error);
gboolean    crb_export_count_stories      (GListModel             *stories,
                                           CrbExportFormat         format,
                                           const CrbExportOptions *options,
                                           const char            **labels,
                                           guint                  *counts,
                                           GCancellable           *cancellable,
                                           GError                **error);

gboolean    crb_export_check_review_url   (const char             *base,
                                           GError                **error);

/**
 * CrbDatasetOptions:
 * @title: the dataset's name in its card; %NULL: "Corroborate fact dataset"
 * @license: the licence, as the Hugging Face Hub names it (`cc-by-4.0`);
 *   %NULL: `unknown`
 * @language: the articles' language, an ISO 639-1 code; %NULL: `en`
 * @splits: (element-type CrbSplit) (nullable): the splits, as
 *   crb_export_parse_splits() makes them; %NULL: train=0.8,dev=0.1,test=0.1
 * @seed: the seed of the splits
 */
typedef struct
{
  const char *title;
  const char *license;
  const char *language;
  GPtrArray  *splits;
  guint       seed;
} CrbDatasetOptions;

#define CRB_DATASET_OPTIONS_DEFAULT { NULL, NULL, NULL, NULL, 1 }

gboolean    crb_export_dataset            (GListModel              *stories,
                                           GFile                   *folder,
                                           const CrbExportOptions  *options,
                                           const CrbDatasetOptions *dataset,
                                           GPtrArray               *written,
                                           guint                   *n_records,
                                           GCancellable            *cancellable,
                                           GError                 **error);

G_END_DECLS
