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

  private static final java.util.regex.Pattern BRACED =
      java.util.regex.Pattern.compile("\\{([^{}]*)\\}");
}
