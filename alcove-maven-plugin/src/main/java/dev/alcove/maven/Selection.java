package dev.alcove.maven;

import dev.alcove.core.AlcoveException;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Parses {@code -Dalcove.select}, a regular expression over step URIs. */
final class Selection {
  private Selection() {}

  static Optional<Pattern> parse(String regex) {
    if (regex == null || regex.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Pattern.compile(regex));
    } catch (PatternSyntaxException e) {
      throw new AlcoveException(
          AlcoveProperties.SELECT
              + "="
              + regex
              + " is not a valid regular expression: "
              + e.getDescription());
    }
  }
}
