package dev.alcove.core.naming;

import java.util.Map;

/** Fills a step's text template: {@code {name}} placeholders, leaving any other braces alone. */
public final class TemplateVariables {

  public static final String OUTPUT_FILE = "output_file";

  private TemplateVariables() {}

  /** Replaces each {@code {name}} of {@code values} in {@code template}; other braces stay. */
  public static String substitute(String template, Map<String, String> values) {
    String result = template;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      result = result.replace("{" + entry.getKey() + "}", entry.getValue());
    }
    return result;
  }

  /**
   * Where {@code text} has a brace that is not one of {@code variables} in braces, as {@code "line
   * 3: {output_file}"}: the Python tool fills a whole SQL file in with Python's {@code str.format},
   * which fails on (or changes) any other brace.
   */
  public static java.util.List<String> foreignBraces(
      String text, java.util.Collection<String> variables) {
    java.util.List<String> found = new java.util.ArrayList<>();
    java.util.regex.Matcher braces = BRACED.matcher(text);
    int searched = 0;
    StringBuilder rest = new StringBuilder();
    while (braces.find()) {
      if (variables.contains(braces.group(1))) {
        rest.append(text, searched, braces.start()).append(" ".repeat(braces.group().length()));
        searched = braces.end();
      }
    }
    rest.append(text.substring(searched));
    String[] lines = rest.toString().split("\n", -1);
    String[] original = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].indexOf('{') >= 0 || lines[i].indexOf('}') >= 0) {
        found.add("line " + (i + 1) + ": " + original[i].strip());
      }
    }
    return found;
  }

  /** A path to put inside the user's quotes: a quote in it must not end the literal. */
  public static String quotable(java.nio.file.Path path) {
    return path.toString().replace("'", "''");
  }

  /**
   * Fails before DuckDB runs when a statement's code names a variable that is not {@code known} (a
   * dependency renamed, or a typo), saying which there are: otherwise DuckDB would report a file
   * named {@code {cities_enriched}} that does not exist. {@code what} says where they come from.
   */
  public static void requireKnown(
      String file,
      java.util.List<dev.alcove.core.duckdb.SqlScript.Statement> statements,
      java.util.Set<String> known,
      String what) {
    for (dev.alcove.core.duckdb.SqlScript.Statement statement : statements) {
      java.util.regex.Matcher found = VARIABLE.matcher(statement.code());
      while (found.find()) {
        if (!known.contains(found.group(1))) {
          throw new dev.alcove.core.errors.AlcoveException(
              file
                  + ":"
                  + (statement.line() + lineOf(statement.code(), found.start()))
                  + ": {"
                  + found.group(1)
                  + "} is not one of the variables here: "
                  + String.join(
                      ", ", known.stream().sorted().map(name -> "{" + name + "}").toList())
                  + " ("
                  + what
                  + ")");
        }
      }
    }
  }

  /** How many lines {@code text} has before {@code offset}. */
  private static int lineOf(String text, int offset) {
    return (int) text.substring(0, offset).chars().filter(c -> c == '\n').count();
  }

  private static final java.util.regex.Pattern VARIABLE =
      java.util.regex.Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

  private static final java.util.regex.Pattern BRACED =
      java.util.regex.Pattern.compile("\\{([^{}]*)\\}");
}
