package dev.alcove.core.audit;

/** One line of an audit: what was checked (a step URI or a file) and what was found. */
public record Finding(String subject, Severity severity, String message) {

  /** How bad a finding is; errors fail the build. */
  public enum Severity {
    OK,
    WARNING,
    ERROR,
    FIXED
  }

  public static Finding ok(String subject) {
    return new Finding(subject, Severity.OK, "OK");
  }

  public static Finding ok(String subject, String note) {
    return new Finding(subject, Severity.OK, "OK (" + note + ")");
  }

  public static Finding warning(String subject, String message) {
    return new Finding(subject, Severity.WARNING, message);
  }

  public static Finding error(String subject, String message) {
    return new Finding(subject, Severity.ERROR, message);
  }

  public static Finding fixed(String subject, String message) {
    return new Finding(subject, Severity.FIXED, message);
  }

  @Override
  public String toString() {
    return switch (severity) {
      case OK -> subject + ": " + message;
      case WARNING -> subject + ": warning: " + message;
      case ERROR -> subject + ": ERROR: " + message;
      case FIXED -> subject + ": fixed: " + message;
    };
  }
}
