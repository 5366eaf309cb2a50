package dev.alcove.core.quality;

import java.util.Locale;
import java.util.Optional;

/** What a failed data test does: {@code error} fails the table, {@code warn} only says so. */
public enum Severity {
  ERROR,
  WARN;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Severity> parse(String text) {
    for (Severity severity : values()) {
      if (severity.label().equals(text)) {
        return Optional.of(severity);
      }
    }
    return Optional.empty();
  }
}
