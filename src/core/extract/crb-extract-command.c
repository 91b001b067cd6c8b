/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-extract-command"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "crb-claim.h"
#include "crb-error.h"
#include "crb-extract-command.h"
#include "crb-json.h"
#include "crb-utils.h"

#include <string.h>

/*
 * A team's own extractor: a program that reads one article as a JSON object
 * on standard input ({"id", "title", "outlet", "url", "date", "text"}) and
 * writes its claims as JSON Lines on standard output, each
 * {"start", "end", "text"} with optional "kind", "score", "reasons" and
 * "values"; offsets are code points, end exclusive.  Everything it writes is
 * checked; a program that hangs is stopped after a timeout, one that fails
 * is reported with its status and first line of errors.
 */


typedef struct
{
  gboolean  done;
  gboolean  timed_out;
  char     *out;
  char     *err;
  GError   *error;
} Run;

static void
communicate_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Run *run = user_data;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &run->error);
  run->done = TRUE;
}

static gboolean
timeout_cb (gpointer user_data)
{
  Run *run = user_data;

  run->timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static char *
first_line (const char *text)
{
  g_autofree char *copy = g_strstrip (g_strdup (text ? text : ""));
  char *nl = strchr (copy, '\n');

  if (nl != NULL)
    *nl = '\0';
  return g_steal_pointer (&copy);
}

static char *
article_json (CrbArticle *article)
{
  GString *out = g_string_new ("{");
  gboolean first = TRUE;

#define MEMBER(name, value) \
  G_STMT_START { crb_json_member (out, &first, name); crb_json_append_string (out, value); } G_STMT_END
  MEMBER ("id", crb_article_get_id (article));
  MEMBER ("title", crb_article_get_title (article));
  MEMBER ("outlet", crb_article_get_outlet (article));
  MEMBER ("url", crb_article_get_url (article));
  MEMBER ("date", crb_article_get_date (article));
  MEMBER ("text", crb_article_get_text (article));
#undef MEMBER
  g_string_append (out, "}\n");

  return g_string_free (out, FALSE);
}

static CrbClaim *
parse_claim_line (const char  *command,
                  guint        lineno,
                  const char  *line,
                  CrbArticle  *article,
                  guint        n,
                  double      *score,
                  GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  g_autoptr (GError) local_error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *slice = NULL;
  CrbClaim *claim;
  JsonObject *object;
  JsonNode *root, *node;
  gint64 start, end;
  const char *text, *kind;

  if (!json_parser_load_from_data (parser, line, -1, &local_error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: output line %u is not a JSON object"), command, lineno);
      return NULL;
    }

  object = json_node_get_object (root);
  node = json_object_get_member (object, "start");
  start = node && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : -1;
  node = json_object_get_member (object, "end");
  end = node && json_node_get_value_type (node) == G_TYPE_INT64 ? json_node_get_int (node) : -1;
  text = json_object_get_string_member_with_default (object, "text", NULL);

  if (start < 0 || end < 0 || text == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: output line %u needs integer “start” and “end” and a string “text”"), command, lineno);
      return NULL;
    }

  if (start >= end || (gsize) end > crb_article_get_length (article))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: output line %u: the span %lld–%lld is outside the article “%s” (%zu characters)"),
                   command, lineno, (long long) start, (long long) end, crb_article_get_id (article),
                   crb_article_get_length (article));
      return NULL;
    }

  slice = crb_article_dup_slice (article, start, end);
  if (g_strcmp0 (slice, text) != 0)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: output line %u: “text” is not the article's text from %lld to %lld "
                     "(offsets are code points, end exclusive)"),
                   command, lineno, (long long) start, (long long) end);
      return NULL;
    }

  kind = json_object_get_string_member_with_default (object, "kind", "statement");
  if (!g_strv_contains (crb_claim_get_kinds (), kind))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: output line %u: unknown kind “%s” (quantity, date, attribution, event or statement)"),
                   command, lineno, kind);
      return NULL;
    }

  node = json_object_get_member (object, "score");
  *score = 1.0;
  if (node != NULL)
    {
      GType type = json_node_get_value_type (node);

      if ((type != G_TYPE_DOUBLE && type != G_TYPE_INT64) ||
          json_node_get_double (node) < 0.0 || json_node_get_double (node) > 1.0)
        {
          g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                       _("%s: output line %u: “score” must be a number from 0 to 1"), command, lineno);
          return NULL;
        }
      *score = json_node_get_double (node);
    }

  id = g_strdup_printf ("%s:%u", crb_article_get_id (article), n);
  claim = crb_claim_new (id, crb_article_get_id (article), start, end, text);
  crb_claim_set_kind (claim, kind);
  crb_claim_set_score (claim, *score);

  node = json_object_get_member (object, "reasons");
  if (node != NULL && JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) reasons = NULL;

      for (guint i = 0; i < json_array_get_length (array); i++)
        if (json_node_get_value_type (json_array_get_element (array, i)) == G_TYPE_STRING)
          g_strv_builder_add (builder, json_array_get_string_element (array, i));
      reasons = g_strv_builder_end (builder);
      crb_claim_set_reasons (claim, (const char * const *) reasons);
    }
  else
    {
      static const char * const external[] = { "external extractor", NULL };
      crb_claim_set_reasons (claim, external);
    }

  node = json_object_get_member (object, "values");
  if (node != NULL && JSON_NODE_HOLDS_OBJECT (node))
    crb_claim_set_values (claim, node);

  return claim;
}

/**
 * crb_extract_with_command:
 * @command: a command line (split like a shell would, but run without one)
 * @threshold: claims scoring lower are dropped
 * @timeout_seconds: how long the program may run
 *
 * Runs a user's extractor on @article.
 *
 * Returns: (transfer container) (element-type CrbClaim): the claims, with
 *   ids "ARTICLE:1"… in the program's order, or %NULL with @error saying
 *   which command failed and how
 */
GPtrArray *
crb_extract_with_command (const char    *command,
                          CrbArticle    *article,
                          double         threshold,
                          guint          timeout_seconds,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr (GPtrArray) claims = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GMainContext) context = g_main_context_new ();
  g_autoptr (GSubprocess) process = NULL;
  g_autoptr (GError) local_error = NULL;
  g_autoptr (GSource) timeout = NULL;
  g_auto (GStrv) argv = NULL;
  g_autofree char *input = NULL;
  Run run = { 0 };
  char *line, *next;
  guint lineno = 0;

  g_return_val_if_fail (command != NULL, NULL);
  g_return_val_if_fail (CRB_IS_ARTICLE (article), NULL);

  if (!g_shell_parse_argv (command, NULL, &argv, &local_error))
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_ARGUMENT, _("%s: %s"), command, local_error->message);
      return NULL;
    }

  process = g_subprocess_newv ((const char * const *) argv,
                               G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &local_error);
  if (process == NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_NOT_FOUND, _("%s: %s"), command, local_error->message);
      return NULL;
    }

  /* A private context: this runs in the app's import thread too. */
  g_main_context_push_thread_default (context);
  input = article_json (article);
  g_subprocess_communicate_utf8_async (process, input, cancellable, communicate_cb, &run);
  timeout = g_timeout_source_new_seconds (timeout_seconds);
  g_source_set_callback (timeout, timeout_cb, &run, NULL);
  g_source_attach (timeout, context);
  while (!run.done && !run.timed_out)
    g_main_context_iteration (context, TRUE);

  if (!run.done)
    {
      g_subprocess_force_exit (process);
      while (!run.done)
        g_main_context_iteration (context, TRUE);
    }
  g_source_destroy (timeout);
  g_main_context_pop_thread_default (context);

  if (run.timed_out)
    {
      g_clear_error (&run.error);
      g_free (run.out);
      g_free (run.err);
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT,
                   _("%s: did not finish within %u seconds on the article “%s”; stopped"),
                   command, timeout_seconds, crb_article_get_id (article));
      return NULL;
    }

  if (run.error != NULL)
    {
      g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s: %s"), command, run.error->message);
      g_clear_error (&run.error);
      g_free (run.out);
      g_free (run.err);
      return NULL;
    }

  if (!g_subprocess_get_successful (process))
    {
      g_autofree char *why = first_line (run.err);

      if (g_subprocess_get_if_signaled (process))
        g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s: killed by signal %d%s%s"), command,
                     g_subprocess_get_term_sig (process), *why ? ": " : "", why);
      else
        g_set_error (error, CRB_ERROR, CRB_ERROR_INVALID_FORMAT, _("%s: exited with status %d%s%s"), command,
                     g_subprocess_get_exit_status (process), *why ? ": " : "", why);
      g_free (run.out);
      g_free (run.err);
      return NULL;
    }

  for (line = run.out; line && *line; line = next)
    {
      double score;
      CrbClaim *claim;

      next = strchr (line, '\n');
      if (next != NULL)
        *next++ = '\0';
      lineno++;
      if (*g_strstrip (line) == '\0')
        continue;

      claim = parse_claim_line (command, lineno, line, article, claims->len + 1, &score, error);
      if (claim == NULL)
        {
          g_free (run.out);
          g_free (run.err);
          return NULL;
        }

      /* The metadata at the head of the text is never a claim. */
      if (score >= threshold && crb_claim_get_start (claim) >= crb_article_get_body_start (article))
        g_ptr_array_add (claims, claim);
      else
        g_object_unref (claim);
    }

  g_free (run.out);
  g_free (run.err);
  return g_steal_pointer (&claims);
}
