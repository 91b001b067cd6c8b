/* SPDX-License-Identifier: GPL-3.0-or-later */
/* crb-reviews-read.c: a reviewer's file read fast — whole lines only, each
 * record's flat object parsed in place — with damaged lines reported and
 * left out (docs/team.md). */
#define G_LOG_DOMAIN "crb-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-reviews.h"
#include "crb-reviews-private.h"

#include "crb-error.h"
#include "crb-json.h"
#include "crb-json-reader.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------ reading */

/* A line's members, parsed in place: strings are unescaped where they lie
 * and end with a NUL where their closing quote was.  Records are flat
 * objects of strings and integers (and "resolves"), so a small reader does,
 * several times faster than a general one; whatever else a line holds is
 * skipped.
 */
typedef struct
{
  char       *p;
  char       *end;
  const char *why;   /* what is wrong, for the message */
} Cursor;

static inline void
skip_space (Cursor *c)
{
  while (c->p < c->end && (*c->p == ' ' || *c->p == '\t' || *c->p == '\r' || *c->p == '\n'))
    c->p++;
}

static int
hex_value (char ch)
{
  if (ch >= '0' && ch <= '9')
    return ch - '0';
  if (ch >= 'a' && ch <= 'f')
    return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F')
    return ch - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (const char *p,
           const char *end,
           gunichar   *out)
{
  gunichar value = 0;

  if (end - p < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (p[i]);

      if (h < 0)
        return FALSE;
      value = value * 16 + h;
    }
  *out = value;
  return TRUE;
}

/* At a '"': the string, unescaped in place. */
static gboolean
parse_string (Cursor  *c,
              char   **out)
{
  char *start = c->p + 1;
  char *src = start, *dst = start;

  for (;;)
    {
      const char *special = _crb_json_find_special (src, c->end);
      gsize run = special - src;

      if (dst != src)
        memmove (dst, src, run);
      dst += run;
      src += run;
      if (src >= c->end || (guchar) *src < 0x20)
        {
          c->why = N_("a string is not closed, or holds a control character");
          return FALSE;
        }
      if (*src == '"')
        break;

      /* A backslash. */
      src++;
      if (src >= c->end)
        {
          c->why = N_("a string is not closed");
          return FALSE;
        }
      switch (*src)
        {
        case '"': *dst++ = '"'; src++; break;
        case '\\': *dst++ = '\\'; src++; break;
        case '/': *dst++ = '/'; src++; break;
        case 'b': *dst++ = '\b'; src++; break;
        case 'f': *dst++ = '\f'; src++; break;
        case 'n': *dst++ = '\n'; src++; break;
        case 'r': *dst++ = '\r'; src++; break;
        case 't': *dst++ = '\t'; src++; break;
        case 'u':
          {
            gunichar ch, low;

            if (!read_hex4 (src + 1, c->end, &ch))
              goto bad_escape;
            src += 5;
            if (ch >= 0xD800 && ch <= 0xDBFF)
              {
                if (c->end - src < 6 || src[0] != '\\' || src[1] != 'u' ||
                    !read_hex4 (src + 2, c->end, &low) || low < 0xDC00 || low > 0xDFFF)
                  goto bad_escape;
                src += 6;
                ch = 0x10000 + ((ch - 0xD800) << 10) + (low - 0xDC00);
              }
            else if ((ch >= 0xDC00 && ch <= 0xDFFF) || ch == 0)
              goto bad_escape;
            dst += g_unichar_to_utf8 (ch, dst);
            break;
          }
        default:
          goto bad_escape;
        }
    }

  *dst = '\0';
  c->p = src + 1;
  *out = start;
  return TRUE;

bad_escape:
  c->why = N_("a string holds an invalid escape");
  return FALSE;
}

static gboolean
parse_int (Cursor *c,
           gint64 *out)
{
  gboolean negative = FALSE;
  guint64 value = 0;
  char *start;

  if (c->p < c->end && *c->p == '-')
    {
      negative = TRUE;
      c->p++;
    }
  start = c->p;
  while (c->p < c->end && *c->p >= '0' && *c->p <= '9')
    {
      if (value > G_MAXINT64 / 10)
        return FALSE;
      value = value * 10 + (guint64) (*c->p - '0');
      c->p++;
    }
  if (c->p == start || (c->p < c->end && (*c->p == '.' || *c->p == 'e' || *c->p == 'E')))
    return FALSE;
  *out = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

static gboolean
skip_value (Cursor *c,
            guint   depth)
{
  char *ignored;

  skip_space (c);
  if (c->p >= c->end || depth > 64)
    return FALSE;

  switch (*c->p)
    {
    case '"':
      return parse_string (c, &ignored);
    case '{':
    case '[':
      {
        char close = *c->p == '{' ? '}' : ']';
        gboolean object = close == '}';

        c->p++;
        skip_space (c);
        if (c->p < c->end && *c->p == close)
          {
            c->p++;
            return TRUE;
          }
        for (;;)
          {
            skip_space (c);
            if (object)
              {
                if (c->p >= c->end || *c->p != '"' || !parse_string (c, &ignored))
                  return FALSE;
                skip_space (c);
                if (c->p >= c->end || *c->p != ':')
                  return FALSE;
                c->p++;
              }
            if (!skip_value (c, depth + 1))
              return FALSE;
            skip_space (c);
            if (c->p < c->end && *c->p == ',')
              {
                c->p++;
                continue;
              }
            if (c->p < c->end && *c->p == close)
              {
                c->p++;
                return TRUE;
              }
            return FALSE;
          }
      }
    case 't':
    case 'f':
    case 'n':
      {
        const char *word = *c->p == 't' ? "true" : *c->p == 'f' ? "false" : "null";
        gsize len = strlen (word);

        if ((gsize) (c->end - c->p) < len || memcmp (c->p, word, len) != 0)
          return FALSE;
        c->p += len;
        return TRUE;
      }
    default:
      {
        char *start = c->p;

        while (c->p < c->end && strchr ("+-0123456789.eE", *c->p) != NULL)
          c->p++;
        return c->p > start;
      }
    }
}

/* "resolves": [[REVIEWER, SEQ], …] as "REVIEWER:SEQ …". */
static gboolean
parse_resolves (Cursor       *c,
                GStringChunk *strings,
                const char  **out)
{
  g_autoptr (GString) words = g_string_new (NULL);

  if (c->p >= c->end || *c->p != '[')
    return FALSE;
  c->p++;
  skip_space (c);
  if (c->p < c->end && *c->p == ']')
    {
      c->p++;
      *out = g_string_chunk_insert (strings, "");
      return TRUE;
    }
  for (;;)
    {
      char *name;
      gint64 seq;

      skip_space (c);
      if (c->p >= c->end || *c->p != '[')
        return FALSE;
      c->p++;
      skip_space (c);
      if (c->p >= c->end || *c->p != '"' || !parse_string (c, &name) || !crb_reviewer_name_is_valid (name))
        return FALSE;
      skip_space (c);
      if (c->p >= c->end || *c->p != ',')
        return FALSE;
      c->p++;
      skip_space (c);
      if (!parse_int (c, &seq) || seq <= 0 || seq > G_MAXUINT32)
        return FALSE;
      skip_space (c);
      if (c->p >= c->end || *c->p != ']')
        return FALSE;
      c->p++;
      if (words->len > 0)
        g_string_append_c (words, ' ');
      g_string_append_printf (words, "%s:%u", name, (guint) seq);
      skip_space (c);
      if (c->p < c->end && *c->p == ',')
        {
          c->p++;
          continue;
        }
      if (c->p < c->end && *c->p == ']')
        {
          c->p++;
          break;
        }
      return FALSE;
    }
  *out = g_string_chunk_insert (strings, words->str);
  return TRUE;
}

typedef struct
{
  const char *reviewer;
  const char *op;
  const char *status;
  const char *reason;
  const char *relation;
  gint64      seq;
  gint64      group;
  gint64      target;
} Raw;

static gboolean
parse_members (Cursor        *c,
               GStringChunk  *strings,
               Raw           *raw,
               CrbTeamRecord *record)
{
  skip_space (c);
  if (c->p >= c->end || *c->p != '{')
    {
      c->why = N_("not a JSON object");
      return FALSE;
    }
  c->p++;
  skip_space (c);
  if (c->p < c->end && *c->p == '}')
    {
      c->p++;
      return TRUE;
    }

  for (;;)
    {
      char *key, *string = NULL;
      const char **target = NULL;
      gint64 *number = NULL;

      skip_space (c);
      if (c->p >= c->end || *c->p != '"' || !parse_string (c, &key))
        {
          c->why = c->why ? c->why : N_("not a JSON object");
          return FALSE;
        }
      skip_space (c);
      if (c->p >= c->end || *c->p != ':')
        {
          c->why = N_("not a JSON object");
          return FALSE;
        }
      c->p++;
      skip_space (c);

      /* Most keys are told apart by their first letter. */
      switch (key[0])
        {
        case 'a':
          if (strcmp (key, "a") == 0)
            target = &record->claim;
          break;
        case 'b':
          if (strcmp (key, "b") == 0)
            target = &record->other;
          break;
        case 'c':
          if (strcmp (key, "claim") == 0)
            target = &record->claim;
          else if (strcmp (key, "corrected") == 0)
            target = &record->corrected;
          break;
        case 'g':
          if (strcmp (key, "group") == 0)
            number = &raw->group;
          break;
        case 'n':
          if (strcmp (key, "note") == 0)
            target = &record->note;
          break;
        case 'o':
          if (strcmp (key, "op") == 0)
            target = &raw->op;
          break;
        case 'r':
          if (strcmp (key, "reviewer") == 0)
            target = &raw->reviewer;
          else if (strcmp (key, "reason") == 0)
            target = &raw->reason;
          else if (strcmp (key, "relation") == 0)
            target = &raw->relation;
          else if (strcmp (key, "resolves") == 0)
            {
              if (!parse_resolves (c, strings, &record->resolves))
                {
                  c->why = N_("the field “resolves” must be [[reviewer, seq], …]");
                  return FALSE;
                }
              goto next;
            }
          break;
        case 's':
          if (strcmp (key, "seq") == 0)
            number = &raw->seq;
          else if (strcmp (key, "status") == 0)
            target = &raw->status;
          break;
        case 't':
          if (strcmp (key, "time") == 0)
            target = &record->time;
          else if (strcmp (key, "take") == 0)
            target = &record->take;
          else if (strcmp (key, "target") == 0)
            number = &raw->target;
          break;
        default:
          break;
        }

      if (number == NULL && target == NULL && !skip_value (c, 0))
        {
          c->why = c->why ? c->why : N_("not valid JSON");
          return FALSE;
        }

      if (number != NULL && !parse_int (c, number))
        {
          c->why = N_("“seq”, “group” and “target” must be integers");
          return FALSE;
        }
      if (target != NULL)
        {
          if (c->p < c->end && *c->p == '"')
            {
              if (!parse_string (c, &string))
                return FALSE;
              *target = string;
            }
          else if (!skip_value (c, 0))
            {
              c->why = c->why ? c->why : N_("not valid JSON");
              return FALSE;
            }
          else
            *target = NULL;   /* null, or of the wrong type: checked below */
        }

    next:
      skip_space (c);
      if (c->p < c->end && *c->p == ',')
        {
          c->p++;
          continue;
        }
      if (c->p < c->end && *c->p == '}')
        {
          c->p++;
          skip_space (c);
          if (c->p != c->end)
            {
              c->why = N_("text after the JSON object");
              return FALSE;
            }
          return TRUE;
        }
      c->why = N_("not valid JSON");
      return FALSE;
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; p && *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

/* Most records are ASCII: no need to check them as UTF-8. */
static gboolean
is_ascii (const char *p,
          gsize       length)
{
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= length; i += 8)
    {
      guint64 w;

      memcpy (&w, p + i, 8);
      if (w & highs)
        return FALSE;
    }
  for (; i < length; i++)
    if ((guchar) p[i] >= 0x80)
      return FALSE;
  return TRUE;
}

/* The words of a record, told apart by their first letters first. */
static gboolean
op_from_string (const char *s,
                CrbTeamOp  *op)
{
  if (s == NULL)
    return FALSE;
  if (s[0] == 'd' && strcmp (s, "decide") == 0)
    *op = CRB_TEAM_OP_DECIDE;
  else
    return crb_team_op_from_string (s, op);
  return TRUE;
}

static gboolean
status_from_string (const char        *s,
                    CrbDecisionStatus *status)
{
  if (s == NULL)
    return FALSE;
  if (s[0] == 'c' && s[1] == 'o' && s[2] == 'n' && strcmp (s, "confirmed") == 0)
    *status = CRB_DECISION_STATUS_CONFIRMED;
  else if (s[0] == 'r' && strcmp (s, "rejected") == 0)
    *status = CRB_DECISION_STATUS_REJECTED;
  else
    return crb_decision_status_from_string (s, status);
  return TRUE;
}

/* A record's line, checked: %NULL when it is one, else what is wrong. */
static const char *
parse_record (char          *line,
              gsize          length,
              const char    *reviewer,
              GStringChunk  *strings,
              CrbTeamRecord *record)
{
  Cursor c = { line, line + length, NULL };
  Raw raw = { NULL, NULL, NULL, NULL, NULL, 0, 0, 0 };

  memset (record, 0, sizeof *record);
  if (!is_ascii (line, length) && !g_utf8_validate (line, length, NULL))
    return N_("not UTF-8");
  if (!parse_members (&c, strings, &raw, record))
    return c.why;

  if (raw.reviewer != NULL && strcmp (raw.reviewer, reviewer) != 0)
    return N_("the record names another reviewer than the file");
  if (raw.seq <= 0 || raw.seq > G_MAXUINT32)
    return N_("the field “seq” must be a positive integer");
  if (raw.group < 0 || raw.group > G_MAXUINT32 || raw.target < 0 || raw.target > G_MAXUINT32)
    return N_("“group” and “target” must be positive integers");
  if (record->time == NULL)
    return N_("the field “time” is missing");
  if (!op_from_string (raw.op, &record->op))
    return N_("the field “op” must be decide, adjudicate, link, unlink, undo or redo");

  record->seq = (guint32) raw.seq;
  record->group = (guint32) raw.group;
  record->target = (guint32) raw.target;

  switch (record->op)
    {
    case CRB_TEAM_OP_DECIDE:
    case CRB_TEAM_OP_ADJUDICATE:
      if (record->claim == NULL || *record->claim == '\0')
        return N_("the field “claim” is missing");
      if (!status_from_string (raw.status, &record->status) ||
          (record->op == CRB_TEAM_OP_ADJUDICATE && record->status == CRB_DECISION_STATUS_PENDING))
        return N_("the field “status” must be confirmed, corrected, rejected or (for a decision) pending");
      if (record->status == CRB_DECISION_STATUS_REJECTED &&
          !crb_reject_reason_from_string (raw.reason, &record->reason))
        return N_("a rejection needs its “reason”: false, unverifiable, opinion, not-a-claim, duplicate or wrong-span");
      if (record->status == CRB_DECISION_STATUS_CORRECTED && is_blank (record->corrected))
        return N_("a correction needs its “corrected” text");
      if (record->take != NULL && !crb_reviewer_name_is_valid (record->take))
        return N_("the field “take” must name a reviewer");
      return NULL;
    case CRB_TEAM_OP_LINK:
    case CRB_TEAM_OP_UNLINK:
      if (record->claim == NULL || record->other == NULL || *record->claim == '\0' ||
          *record->other == '\0' || strcmp (record->claim, record->other) == 0)
        return N_("a link needs two different claims, “a” and “b”");
      if (record->op == CRB_TEAM_OP_LINK && !crb_relation_from_string (raw.relation, &record->relation))
        return N_("the field “relation” must be agrees, conflicts or related");
      return NULL;
    case CRB_TEAM_OP_UNDO:
    case CRB_TEAM_OP_REDO:
      if (record->target == 0 || record->target >= record->seq)
        return N_("the field “target” must name an earlier record");
      return NULL;
    case CRB_N_TEAM_OPS:
    default:
      g_assert_not_reached ();
    }
}

gboolean
_crb_reviews_read_header (const char  *path,
                          const char  *line,
                          gsize        length,
                          char       **reviewer,
                          char       **project_id,
                          GError     **error)
{
  g_autoptr (GError) local_error = NULL;
  g_autoptr (CrbJsonDoc) doc = crb_json_doc_parse (line, length, &local_error);
  const CrbJsonValue *root = doc ? crb_json_doc_root (doc) : NULL;
  const CrbJsonValue *version = root ? crb_json_member_get (doc, root, "version") : NULL;
  const char *name, *project;

  if (root == NULL || g_strcmp0 (crb_json_get_string (doc, root, "format", NULL), CRB_REVIEWS_FORMAT) != 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: not a reviewer's file: the first line has no \"format\": \"%s\" marker"),
                   path, CRB_REVIEWS_FORMAT);
      return FALSE;
    }
  if (version == NULL || crb_json_type (version) != CRB_JSON_INT || crb_json_int (version) < 1)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s:1: the field “version” must be a positive integer"), path);
      return FALSE;
    }
  if (crb_json_int (version) > CRB_REVIEWS_VERSION)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_UNSUPPORTED_VERSION,
                   _("%s: written in reviewer file version %lld by a newer Corroborate; this build reads "
                     "version %d"), path, (long long) crb_json_int (version), CRB_REVIEWS_VERSION);
      return FALSE;
    }

  name = crb_json_get_string (doc, root, "reviewer", NULL);
  project = crb_json_get_string (doc, root, "project", NULL);
  if (!crb_reviewer_name_is_valid (name) || project == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s:1: the header must name the project and a reviewer"), path);
      return FALSE;
    }

  *reviewer = g_strdup (name);
  *project_id = g_strdup (project);
  return TRUE;
}

/**
 * crb_reviews_read:
 * @path: a reviewer's file
 * @from: where to start: 0 for the whole file, header first; else the
 *   @end of an earlier read, to read what was appended since
 * @lines: when @from is not 0, the @lines of that earlier read
 * @reviewer: when @from is not 0, the file's reviewer
 * @batch: (out caller-allocates): zero-filled; cleared with
 *   crb_review_batch_clear() whether or not the read succeeds
 * @problems: (element-type utf8): collects messages about the lines that
 *   are left out (damaged, invalid)
 *
 * Reads a reviewer's file, or what was appended to it.  Only whole lines
 * are read: a last line without its newline is being written, or was cut
 * short by a crash, and is read on a later read once it is whole.  A
 * damaged line is reported and left out, never in the way of the others.
 *
 * Returns: %FALSE with @error set when the file cannot be read or is not
 *   a reviewer's file
 */
gboolean
crb_reviews_read (const char      *path,
                  gsize            from,
                  guint            lines,
                  const char      *reviewer,
                  CrbReviewBatch  *batch,
                  GPtrArray       *problems,
                  GError         **error)
{
  struct stat st;
  gsize length, done = 0;
  char *p, *end;
  int fd;

  g_return_val_if_fail (path != NULL && batch != NULL, FALSE);
  g_return_val_if_fail (from == 0 || reviewer != NULL, FALSE);

  memset (batch, 0, sizeof *batch);
  batch->records = g_array_new (FALSE, FALSE, sizeof (CrbTeamRecord));
  batch->strings = g_string_chunk_new (1024);
  batch->end = from;
  batch->lines = lines;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0 || fstat (fd, &st) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  batch->dev = st.st_dev;
  batch->ino = st.st_ino;

  length = st.st_size > (off_t) from ? (gsize) st.st_size - from : 0;
  batch->data = g_malloc (length + 1);
  while (done < length)
    {
      gssize n = pread (fd, batch->data + done, length - done, (off_t) (from + done));

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;
      done += n;
    }
  close (fd);
  length = done;
  batch->data[length] = '\0';

  p = batch->data;
  end = batch->data + length;
  if (from == 0)
    {
      char *nl = memchr (p, '\n', length);

      if (length == 0)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_EMPTY, _("%s: the file is empty"), path);
          return FALSE;
        }
      if (!_crb_reviews_read_header (path, p, (nl ? nl : end) - p, &batch->reviewer, &batch->project_id, error))
        return FALSE;
      if (nl == NULL)
        return TRUE;   /* the header, being written */
      p = nl + 1;
      batch->end = p - batch->data;
      batch->lines = 1;
    }
  else
    batch->reviewer = g_strdup (reviewer);

  while (p < end)
    {
      char *nl = memchr (p, '\n', end - p);
      CrbTeamRecord record;
      const char *why;

      if (nl == NULL)
        break;   /* not whole yet */
      batch->lines++;
      batch->end = from + (nl + 1 - batch->data);
      if (nl == p)
        {
          p = nl + 1;
          continue;
        }
      *nl = '\0';
      why = parse_record (p, nl - p, batch->reviewer, batch->strings, &record);
      if (why == NULL)
        g_array_append_val (batch->records, record);
      else if (problems != NULL)
        g_ptr_array_add (problems, g_strdup_printf (_("%s:%u: %s; the line is left out"),
                                                    path, batch->lines, _(why)));
      p = nl + 1;
    }

  return TRUE;
}

void
crb_review_batch_clear (CrbReviewBatch *batch)
{
  g_clear_pointer (&batch->reviewer, g_free);
  g_clear_pointer (&batch->project_id, g_free);
  g_clear_pointer (&batch->records, g_array_unref);
  g_clear_pointer (&batch->data, g_free);
  g_clear_pointer (&batch->strings, g_string_chunk_free);
}
