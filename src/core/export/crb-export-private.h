/* SPDX-License-Identifier: GPL-3.0-or-later */
/*
 * crb-export-private.h: what the files of export/ share.  crb-export.c
 * drives an export (stories, threads, sinks, counts); the record writers
 * live in crb-export-records.c (native JSON Lines and CSV),
 * crb-export-claimreview.c and crb-export-fever.c.
 */
#pragma once

#include "crb-export.h"
#include "crb-json.h"
#include "crb-project-io.h"
#include "crb-utils.h"

G_BEGIN_DECLS

#define append_literal(out, literal) _crb_string_append_len ((out), "" literal, sizeof (literal) - 1)

static inline void
member_string (GString    *out,
               gboolean   *first,
               const char *name,
               const char *value)
{
  crb_json_member (out, first, name);
  crb_json_append_string (out, value);
}

/* What a record writer needs of its story, made once per story. */
typedef struct
{
  CrbStory           *story;
  const CrbStoryLine *line;
  const CrbJsonDoc   *doc;
  guint              *link_start;  /* claim i's links: link_index[link_start[i]] up to link_index[link_start[i + 1]] */
  guint              *link_index;
  GArray            **sentences;   /* per article: GArray of Sentence, made on request */
  char              **written;     /* per article: its JSON object without the text, once a record carried the text */
  GString            *story_object; /* {"id": …, "title": …} */
  GString            *evidence;    /* JSON Lines: pieces of evidence entries (append_evidence_piece()) */
  gsize              *evidence_at; /* per claim: where its pieces start and end in @evidence */
  guint               next_id;     /* FEVER: the next record's id in the story, from 0 */
  GArray             *ids;         /* FEVER: IdMark, where the records' ids go */
  const CrbExportOptions *options;
  GHashTable         *pseudonyms;  /* annotator → pseudonym; NULL: names as they are */
  GPtrArray          *annotators;  /* when tallied: the annotator of each record written (owned copies) */
  guint8             *consensus;   /* a team's: per claim, how its gold decision came about (crb-export-team.c) */
} StoryCtx;

/* FEVER numbers its records across the file: a story's records are written
 * without their ids, which go in where these say once the records of the
 * stories before are counted (_crb_export_number_records()).
 */
typedef struct
{
  gsize offset;  /* in the story's records */
  guint id;      /* from 0 in the story */
} IdMark;

static inline const CrbLineClaim *
claim_at (StoryCtx *ctx,
          guint     index)
{
  return &g_array_index (ctx->line->claims, CrbLineClaim, index);
}

static inline const CrbLineLink *
link_at (StoryCtx *ctx,
         guint     index)
{
  return &g_array_index (ctx->line->links, CrbLineLink, index);
}

/* A field of an article as the article object holds it (NULL: none). */
static inline const char *
article_field (StoryCtx        *ctx,
               guint            article,
               CrbArticleField  field)
{
  return crb_json_string (ctx->doc, g_array_index (ctx->line->articles, CrbLineArticle, article).fields[field]);
}

/* A string of the story's line. */
static inline const char *
string_of (StoryCtx           *ctx,
           const CrbJsonValue *value)
{
  return crb_json_string (ctx->doc, value);
}

/* The claim at the other end of @link from claim @index. */
static inline guint
other_end (const CrbLineLink *link,
           guint              index)
{
  return link->a == index ? link->b : link->a;
}

static inline const char *
final_text (StoryCtx           *ctx,
            const CrbLineClaim *claim)
{
  const char *correction = crb_decision_get_correction (claim->decision);

  return correction ? correction : string_of (ctx, claim->text);
}

static inline const char *
status_name (const CrbLineClaim *claim)
{
  return crb_decision_status_to_string (crb_decision_get_status (claim->decision));
}

/* {"start": …, "end": …} */
static inline void
append_span (GString            *out,
             const CrbLineClaim *claim)
{
  append_literal (out, "{\"start\":");
  crb_json_append_int (out, claim->start);
  append_literal (out, ",\"end\":");
  crb_json_append_int (out, claim->end);
  g_string_append_c (out, '}');
}

/* How the other outlets see a claim: those with an appearance of it that
 * agrees, those with one that conflicts (appearances a reviewer rejected
 * left out), and whether a reviewer confirmed it all the same.
 */
typedef struct
{
  guint    agree;
  guint    conflict;
  gboolean against_conflict;
} CrbCorroboration;

/* What an export tallies for a dataset card: the records written by
 * status, and the annotators of their decisions in order of first
 * appearance (as written: pseudonyms when asked for).
 */
typedef struct
{
  guint       by_status[CRB_N_DECISION_STATUSES];
  GPtrArray  *annotators;  /* char *, in order of first appearance */
  GHashTable *counts;      /* annotator → GUINT_TO_POINTER (records) */
} CrbExportTally;

/* The files a dataset folder carries (crb-export.gresource.xml, compiled
 * by the build). */
GResource  *_crb_export_get_resource             (void);

void        _crb_export_tally_init               (CrbExportTally     *tally);
void        _crb_export_tally_clear              (CrbExportTally     *tally);
void        _crb_export_tally_add                (CrbExportTally     *tally,
                                                  const char         *name,
                                                  guint               n);

/* Appends the records of claim @index (none when the format leaves it out)
 * and returns how many it wrote.
 */
typedef guint (*CrbExportWriteRecord) (GString  *out,
                                       StoryCtx *ctx,
                                       guint     index);

GArray     *_crb_export_linked_claims            (StoryCtx           *ctx,
                                                  guint               index,
                                                  CrbRelation         relation);
const char *_crb_export_annotator                (StoryCtx           *ctx,
                                                  const CrbDecision  *d);
void        _crb_export_corroboration            (StoryCtx           *ctx,
                                                  guint               index,
                                                  CrbCorroboration   *out);
GHashTable *_crb_export_pseudonyms               (GListModel         *stories,
                                                  const CrbExportOptions *options,
                                                  GError            **error);

/* crb-export-team.c: a team project's gold decisions and annotations. */
void        _crb_export_apply_team               (StoryCtx           *ctx);
CrbConsensus _crb_export_consensus               (StoryCtx           *ctx,
                                                  guint               index);
gboolean    _crb_export_included                 (StoryCtx           *ctx,
                                                  guint               index);
void        _crb_export_write_annotations        (GString            *out,
                                                  StoryCtx           *ctx,
                                                  guint               index);
void        _crb_export_add_annotators           (StoryCtx           *ctx,
                                                  guint               index,
                                                  GPtrArray          *names);
guint       _crb_export_team_records             (CrbStory           *story,
                                                  const CrbExportOptions *options);
gboolean    _crb_export_run                      (GListModel             *stories,
                                                  CrbExportFormat         format,
                                                  GOutputStream          *output,
                                                  GOutputStream          *sentences,
                                                  const CrbExportOptions *options,
                                                  GHashTable             *pseudonyms,
                                                  CrbExportTally         *tally,
                                                  guint                  *n_records,
                                                  GCancellable           *cancellable,
                                                  GError                **error);

guint       _crb_export_write_native_record      (GString            *out,
                                                  StoryCtx           *ctx,
                                                  guint               index);
guint       _crb_export_write_csv_record         (GString            *out,
                                                  StoryCtx           *ctx,
                                                  guint               index);
void        _crb_export_write_csv_header         (GString            *out);

const char *_crb_export_claimreview_label        (const CrbDecision  *d,
                                                  int                *rating);
guint       _crb_export_write_claimreview_record (GString            *out,
                                                  StoryCtx           *ctx,
                                                  guint               index);

guint       _crb_export_fever_labels             (StoryCtx           *ctx,
                                                  guint               index,
                                                  const char        **labels);
guint       _crb_export_write_fever_record       (GString            *out,
                                                  StoryCtx           *ctx,
                                                  guint               index);
void        _crb_export_write_sentences          (GString            *out,
                                                  StoryCtx           *ctx);
void        _crb_export_number_records           (GString            *records,
                                                  GArray             *ids,
                                                  guint               first_id);

G_END_DECLS
