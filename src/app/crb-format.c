/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "crb-format"

#include "config.h"

#include "crb-format.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/*
 * A claim's values as people write them, in the reviewer's language: the
 * extractor's normalised form ({"value": 1, "qualifier": "at-least", "unit":
 * "killed"}, "--03-22", {"type": "place"}) becomes "at least 1 killed",
 * "22 March 2024", "Port Almera · place".  Pure functions over the values'
 * JSON (docs/extraction.md, section 4): no widget, testable without a
 * display.  Month and weekday names come from the user's locale (LC_TIME);
 * everything else from the catalogue.
 */

void
crb_value_line_free (CrbValueLine *line)
{
  if (line == NULL)
    return;
  g_free (line->heading);
  g_free (line->text);
  g_free (line);
}

static CrbValueLine *
value_line_new (const char *heading,
                char       *text)
{
  CrbValueLine *line = g_new0 (CrbValueLine, 1);

  line->heading = g_strdup (heading);
  line->text = text;
  return line;
}

/* A plain number: grouped as the locale groups thousands, at most two
 * decimals, none when whole.
 */
static char *
format_plain (double value)
{
  double rounded = round (value * 100) / 100;
  int decimals = fabs (rounded - round (rounded)) < 1e-9 ? 0
                 : fabs (rounded * 10 - round (rounded * 10)) < 1e-9 ? 1 : 2;

  return g_strdup_printf ("%'.*f", decimals, rounded);
}

/**
 * crb_format_number:
 *
 * Returns: @value as people write it: "3,200", "2.5", "1.5 million"
 */
char *
crb_format_number (double value)
{
  g_autofree char *scaled = NULL;
  double size = fabs (value);

  if (size >= 1e12)
    {
      scaled = format_plain (value / 1e12);
      /* Translators: a large number, "1.5 trillion" */
      return g_strdup_printf (_("%s trillion"), scaled);
    }
  if (size >= 1e9)
    {
      scaled = format_plain (value / 1e9);
      /* Translators: a large number, "1.5 billion" (10⁹) */
      return g_strdup_printf (_("%s billion"), scaled);
    }
  if (size >= 1e6)
    {
      scaled = format_plain (value / 1e6);
      /* Translators: a large number, "2.3 million" */
      return g_strdup_printf (_("%s million"), scaled);
    }

  return format_plain (value);
}

static const char *
currency_symbol (const char *code)
{
  static const struct { const char *code; const char *symbol; } symbols[] = {
    { "USD", "$" }, { "EUR", "€" }, { "GBP", "£" }, { "JPY", "¥" }, { "RUB", "₽" },
    { "INR", "₹" }, { "UAH", "₴" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (g_strcmp0 (symbols[i].code, code) == 0)
      return symbols[i].symbol;
  return code;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; p && *p; p++)
    if (g_ascii_isdigit (*p))
      return TRUE;
  return FALSE;
}

/* The amount with its unit: "7 killed", "12%", "€4.2 million", "12 suspects". */
static char *
format_amount (JsonObject *quantity,
               double      value)
{
  const char *unit = json_object_get_string_member_with_default (quantity, "unit", NULL);
  const char *noun = json_object_get_string_member_with_default (quantity, "noun", NULL);
  g_autofree char *number = NULL;
  gulong n;

  if (g_strcmp0 (unit, "fraction") == 0 || g_strcmp0 (unit, "percent") == 0)
    {
      /* A fraction reads as a whole percentage: "two-thirds" is 67%. */
      number = format_plain (g_strcmp0 (unit, "fraction") == 0 ? round (value * 100) : value);
      if (noun != NULL)
        /* Translators: a percentage of something: "52.4% of the vote" */
        return g_strdup_printf (_("%s%% of the %s"), number, noun);
      /* Translators: a percentage, "52.4%" */
      return g_strdup_printf (_("%s%%"), number);
    }

  number = crb_format_number (value);
  /* The count that chooses a plural form: "1 killed" is one person. */
  n = value >= 0 && value < G_MAXULONG ? (gulong) value : G_MAXULONG;
  if (g_strcmp0 (unit, "money") == 0)
    {
      const char *code = json_object_get_string_member_with_default (quantity, "currency", NULL);

      if (code == NULL)
        return g_steal_pointer (&number);
      /* Translators: an amount of money: %1$s is the currency ("$", "€" or
       * a code such as "CHF"), %2$s the amount ("4.2 million")
       */
      return g_strdup_printf (_("%1$s%2$s"), currency_symbol (code), number);
    }
  if (g_strcmp0 (unit, "killed") == 0)
    /* Translators: a death toll, "at least 7 killed"; %s is the number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s killed", "%s killed", n), number);
  if (g_strcmp0 (unit, "injured") == 0)
    /* Translators: people injured, "24 injured"; %s is the number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s injured", "%s injured", n), number);
  if (g_strcmp0 (unit, "detained") == 0)
    /* Translators: people detained, "3 detained"; %s is the number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s detained", "%s detained", n), number);
  if (g_strcmp0 (unit, "missing") == 0)
    /* Translators: people missing, "2 missing"; %s is the number */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s missing", "%s missing", n), number);

  /* Any other unit or noun is a word of the article itself: "12 suspects". */
  if (unit != NULL || noun != NULL)
    return g_strdup_printf ("%s %s", number, unit != NULL ? unit : noun);
  return g_steal_pointer (&number);
}

/**
 * crb_format_quantity:
 * @quantity: an item of the values' "quantities"
 *
 * Returns: the figure as people write it: "at least 1 killed",
 *   "more than 140 killed", "“dozens”: at least 24 injured" (the words
 *   of the article first when they are no number)
 */
char *
crb_format_quantity (JsonObject *quantity)
{
  const char *text = json_object_get_string_member_with_default (quantity, "text", "");
  const char *qualifier = json_object_get_string_member_with_default (quantity, "qualifier", NULL);
  JsonNode *node = json_object_get_member (quantity, "value");
  g_autofree char *amount = NULL;
  g_autofree char *qualified = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      (json_node_get_value_type (node) != G_TYPE_INT64 &&
       json_node_get_value_type (node) != G_TYPE_DOUBLE))
    return g_strdup (text);

  amount = format_amount (quantity, json_node_get_double (node));
  if (g_strcmp0 (qualifier, "at-least") == 0)
    qualified = g_strdup_printf (_("at least %s"), amount);
  else if (g_strcmp0 (qualifier, "more-than") == 0)
    qualified = g_strdup_printf (_("more than %s"), amount);
  else if (g_strcmp0 (qualifier, "at-most") == 0)
    qualified = g_strdup_printf (_("at most %s"), amount);
  else if (g_strcmp0 (qualifier, "less-than") == 0)
    qualified = g_strdup_printf (_("less than %s"), amount);
  else if (g_strcmp0 (qualifier, "about") == 0)
    qualified = g_strdup_printf (_("about %s"), amount);
  else
    qualified = g_steal_pointer (&amount);

  /* "Seven", "dozens", "a third": say how the words were read. */
  if (*text != '\0' && !has_digit (text))
    /* Translators: the words of an article and how they were read:
     * "“dozens”: at least 24 injured"
     */
    return g_strdup_printf (_("“%s”: %s"), text, qualified);
  return g_steal_pointer (&qualified);
}

/**
 * crb_format_quantity_bare:
 * @quantity: an item of the values' "quantities"
 *
 * Returns: the figure as read, without the article's words: "7 killed"
 *   where crb_format_quantity() says "“Seven”: 7 killed"; for figures
 *   compared side by side
 */
char *
crb_format_quantity_bare (JsonObject *quantity)
{
  g_autoptr (JsonObject) bare = json_object_new ();
  static const char * const members[] = { "value", "qualifier", "unit", "noun", "currency" };

  for (guint i = 0; i < G_N_ELEMENTS (members); i++)
    if (json_object_has_member (quantity, members[i]))
      json_object_set_member (bare, members[i], json_node_copy (json_object_get_member (quantity, members[i])));
  return crb_format_quantity (bare);
}

/* The year of an article's date ("2025-03-05", or a date and time), or 0. */
static int
article_year (const char *article_date)
{
  if (article_date == NULL || strlen (article_date) < 4 ||
      !g_ascii_isdigit (article_date[0]) || !g_ascii_isdigit (article_date[3]))
    return 0;
  return (int) g_ascii_strtoll (article_date, NULL, 10);
}

static char *
format_day (int         year,
            int         month,
            int         day,
            gboolean    with_year)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (year, month, day, 12, 0, 0);
  g_autofree char *text = NULL;

  if (dt == NULL)
    return NULL;
  if (with_year)
    /* Translators: a date, see g_date_time_format(): "22 March 2024" */
    text = g_date_time_format (dt, _("%-d %B %Y"));
  else
    /* Translators: a day without its year, see g_date_time_format(): "22 March" */
    text = g_date_time_format (dt, _("%-d %B"));
  return text ? g_strdup (g_strstrip (text)) : NULL;
}

static char *
format_month (int      year,
              int      month,
              gboolean with_year)
{
  g_autoptr (GDateTime) dt = g_date_time_new_utc (year, month, 1, 12, 0, 0);

  if (dt == NULL)
    return NULL;
  /* %OB: the month's name standing alone, not with a day */
  if (with_year)
    /* Translators: a month of a year, see g_date_time_format(): "March 2024" */
    return g_date_time_format (dt, _("%OB %Y"));
  return g_date_time_format (dt, "%OB");
}

static char *
format_weekday (const char *weekday)
{
  static const char * const days[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
  };

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    if (g_ascii_strcasecmp (days[i], weekday) == 0)
      {
        /* 1 January 2024 was a Monday. */
        g_autoptr (GDateTime) dt = g_date_time_new_utc (2024, 1, 1 + i, 12, 0, 0);

        return g_date_time_format (dt, "%A");
      }
  return NULL;
}

static char *
format_relative (const char *relative)
{
  if (g_strcmp0 (relative, "yesterday") == 0)
    return g_strdup (C_("day", "yesterday"));
  if (g_strcmp0 (relative, "today") == 0)
    return g_strdup (C_("day", "today"));
  if (g_strcmp0 (relative, "tonight") == 0)
    return g_strdup (C_("day", "tonight"));
  if (g_strcmp0 (relative, "tomorrow") == 0)
    return g_strdup (C_("day", "tomorrow"));
  return NULL;
}

/**
 * crb_format_date:
 * @date: an item of the values' "dates"
 * @article_date: (nullable): the date of the claim's article, whose year
 *   completes a date written without one
 *
 * Returns: the date as people write it: "22 March 2024", "March 2024",
 *   "2015", "Friday"
 */
char *
crb_format_date (JsonObject *date,
                 const char *article_date)
{
  const char *text = json_object_get_string_member_with_default (date, "text", "");
  JsonNode *node = json_object_get_member (date, "value");
  const char *value = NULL;
  int year = article_year (article_date);
  char *formatted = NULL;
  int y, m, d;

  if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
      json_node_get_value_type (node) == G_TYPE_STRING)
    value = json_node_get_string (node);

  if (value == NULL)
    {
      const char *weekday = json_object_get_string_member_with_default (date, "weekday", NULL);
      const char *relative = json_object_get_string_member_with_default (date, "relative", NULL);

      if (weekday != NULL)
        formatted = format_weekday (weekday);
      else if (relative != NULL)
        formatted = format_relative (relative);
    }
  else if (sscanf (value, "%4d-%2d-%2d", &y, &m, &d) == 3 && strlen (value) == 10)
    formatted = format_day (y, m, d, TRUE);
  else if (sscanf (value, "--%2d-%2d", &m, &d) == 2 && strlen (value) == 7)
    /* A day without its year: the article's year, else none (2000 has a 29 February). */
    formatted = format_day (year ? year : 2000, m, d, year != 0);
  else if (sscanf (value, "%4d-%2d", &y, &m) == 2 && strlen (value) == 7)
    formatted = format_month (y, m, TRUE);
  else if (sscanf (value, "--%2d", &m) == 1 && strlen (value) == 4)
    formatted = format_month (year ? year : 2000, m, year != 0);
  else if (strlen (value) == 4 && g_ascii_isdigit (value[0]))
    formatted = g_strdup (value);

  return formatted ? formatted : g_strdup (text);
}

/**
 * crb_format_entity:
 * @entity: an item of the values' "entities"
 *
 * Returns: the name and what it names: "Port Almera · place"
 */
char *
crb_format_entity (JsonObject *entity)
{
  const char *text = json_object_get_string_member_with_default (entity, "text", "");
  const char *type = json_object_get_string_member_with_default (entity, "type", NULL);
  const char *what;

  if (g_strcmp0 (type, "person") == 0)
    what = C_("named entity", "person");
  else if (g_strcmp0 (type, "organization") == 0)
    what = C_("named entity", "organization");
  else if (g_strcmp0 (type, "place") == 0)
    what = C_("named entity", "place");
  else
    return g_strdup (text);

  /* Translators: a name and what it names: "Port Almera · place" */
  return g_strdup_printf (_("%s · %s"), text, what);
}

/**
 * crb_format_source:
 * @values: the claim's values
 *
 * Returns: (nullable): who says it: "said by the foreign ministry",
 *   "according to officials"; %NULL when nobody is named
 */
char *
crb_format_source (JsonObject *values)
{
  const char *speaker = json_object_get_string_member_with_default (values, "speaker", NULL);
  const char *verb = json_object_get_string_member_with_default (values, "verb", NULL);
  const char *source = json_object_get_string_member_with_default (values, "source", NULL);

  if (speaker == NULL || *speaker == '\0')
    return NULL;
  if (g_strcmp0 (source, "pronoun") == 0)
    /* Translators: the speaker is only a pronoun of the article: said by “he” */
    return g_strdup_printf (_("said by “%s”"), speaker);
  if (g_strcmp0 (verb, "according to") == 0)
    return g_strdup_printf (_("according to %s"), speaker);
  return g_strdup_printf (_("said by %s"), speaker);
}

static void
add_lines (GPtrArray  *lines,
           JsonObject *values,
           const char *member,
           const char *heading,
           const char *article_date)
{
  JsonNode *node = json_object_get_member (values, member);
  JsonArray *array;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *item;
      char *text;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;
      item = json_node_get_object (element);
      if (g_str_equal (member, "quantities"))
        text = crb_format_quantity (item);
      else if (g_str_equal (member, "dates"))
        text = crb_format_date (item, article_date);
      else
        text = crb_format_entity (item);
      g_ptr_array_add (lines, value_line_new (heading, text));
    }
}

/**
 * crb_format_values:
 * @values: (nullable): a claim's values
 * @article_date: (nullable): the date of its article
 *
 * Returns: (transfer full) (element-type CrbValueLine): the values, one a
 *   line, figures first, then dates, names and who says it
 */
GPtrArray *
crb_format_values (JsonNode   *values,
                   const char *article_date)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) crb_value_line_free);
  JsonObject *object;
  char *source;

  if (values == NULL || !JSON_NODE_HOLDS_OBJECT (values))
    return lines;

  object = json_node_get_object (values);
  add_lines (lines, object, "quantities", _("Figures"), article_date);
  add_lines (lines, object, "dates", _("Dates"), article_date);
  add_lines (lines, object, "entities", _("Names"), article_date);
  if ((source = crb_format_source (object)) != NULL)
    g_ptr_array_add (lines, value_line_new (_("Source"), source));

  return lines;
}

/**
 * crb_format_kind:
 * @kind: a claim's kind ("quantity", "attribution"…)
 *
 * Returns: the kind in the reviewer's language; an unknown one as it is
 */
const char *
crb_format_kind (const char *kind)
{
  static const char * const kinds[] = {
    NC_("claim kind", "quantity"), NC_("claim kind", "date"), NC_("claim kind", "attribution"),
    NC_("claim kind", "event"), NC_("claim kind", "statement"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kinds[i], kind) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "claim kind", kinds[i]);
  return kind ? kind : "";
}

/**
 * crb_format_reason:
 * @reason: a reason the extractor gives for a claim ("number", "hedged"…)
 *
 * Returns: the reason in the reviewer's language; an unknown one as it is
 */
const char *
crb_format_reason (const char *reason)
{
  /* The reasons of docs/extraction.md, section 3. */
  static const char * const reasons[] = {
    NC_("claim reason", "number"), NC_("claim reason", "casualties"),
    NC_("claim reason", "percentage"), NC_("claim reason", "money"),
    NC_("claim reason", "date"), NC_("claim reason", "attribution verb"),
    NC_("claim reason", "named source"), NC_("claim reason", "anonymous source"),
    NC_("claim reason", "named entity"), NC_("claim reason", "event"),
    NC_("claim reason", "comparison"), NC_("claim reason", "cause"),
    NC_("claim reason", "question"), NC_("claim reason", "exclamation"),
    NC_("claim reason", "opinion"), NC_("claim reason", "promise"),
    NC_("claim reason", "prediction"), NC_("claim reason", "hedged"),
    NC_("claim reason", "first person"), NC_("claim reason", "too short"),
    NC_("claim reason", "headline"), NC_("claim reason", "unattributed quote"),
  };

  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_strcmp0 (reasons[i], reason) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "claim reason", reasons[i]);
  return reason ? reason : "";
}

/**
 * crb_format_reasons:
 * @reasons: (nullable) (array zero-terminated=1): a claim's reasons
 *
 * Returns: the reasons, translated, "number · casualties · event"; empty
 *   when there are none
 */
char *
crb_format_reasons (const char * const *reasons)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; reasons && reasons[i]; i++)
    {
      if (i > 0)
        g_string_append (s, " · ");
      g_string_append (s, crb_format_reason (reasons[i]));
    }

  return g_string_free (s, FALSE);
}
