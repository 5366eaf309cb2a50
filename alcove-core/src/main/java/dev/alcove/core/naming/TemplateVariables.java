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
}
