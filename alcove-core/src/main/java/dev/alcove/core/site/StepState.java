package dev.alcove.core.site;

/**
 * What the catalogue says of a step's data: the state a node is coloured by, and the reason or
 * error behind it.
 *
 * @param detail why (the reason {@code run} would give, the error of the last run), or empty
 */
public record StepState(Kind kind, String detail) {

  /** The states a node is drawn in, each with the CSS class and the words of the legend. */
  public enum Kind {
    UP_TO_DATE("state-up-to-date", "up to date"),
    OUT_OF_DATE("state-out-of-date", "out of date"),
    FAILED("state-failed", "failed in the last run"),
    NEVER_BUILT("state-never-built", "never built"),
    UNKNOWN("state-unknown", "state unknown");

    private final String cssClass;
    private final String words;

    Kind(String cssClass, String words) {
      this.cssClass = cssClass;
      this.words = words;
    }

    public String cssClass() {
      return cssClass;
    }

    public String words() {
      return words;
    }
  }

  /** The state in words, with its detail when there is one. */
  public String describe() {
    return detail.isEmpty() ? kind.words() : kind.words() + ": " + detail;
  }
}
