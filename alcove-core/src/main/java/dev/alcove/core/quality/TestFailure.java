package dev.alcove.core.quality;

/**
 * A data test a table failed: the rule's name ({@code accepted_values}, {@code tests}, ...), its
 * severity and what was found, with up to five offending values or rows.
 */
public record TestFailure(String rule, Severity severity, String message) {

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  @Override
  public String toString() {
    return rule + ": " + message;
  }
}
