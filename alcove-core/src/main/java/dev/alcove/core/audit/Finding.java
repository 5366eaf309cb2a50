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

  /** The findings as a JSON-ready document, with the counts of errors and warnings. */
  public static java.util.Map<String, Object> document(java.util.List<Finding> findings) {
    java.util.List<Object> items = new java.util.ArrayList<>();
    for (Finding finding : findings) {
      java.util.Map<String, Object> item = new java.util.LinkedHashMap<>();
      item.put("subject", finding.subject());
      item.put("severity", finding.severity().name().toLowerCase(java.util.Locale.ROOT));
      item.put("message", finding.message());
      items.add(item);
    }
    java.util.Map<String, Object> document = new java.util.LinkedHashMap<>();
    document.put("errors", count(findings, Severity.ERROR));
    document.put("warnings", count(findings, Severity.WARNING));
    document.put("findings", items);
    return document;
  }

  public static long count(java.util.List<Finding> findings, Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
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
