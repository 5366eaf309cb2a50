package dev.alcove.core.select;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.Scheme;
import dev.alcove.core.uri.StepUri;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One term of a selection, in the spirit of dbt's: {@code countries/summary} (steps whose path
 * starts with those segments), a glob ({@code countries/*}, {@code **}), a URI with or without its
 * version, with {@code +} before it for everything upstream and after it for everything downstream;
 * or, as alcove's first form, a regular expression over URIs.
 *
 * @param text the term as written, for messages
 * @param matches which steps the term itself names
 * @param upstream whether it brings everything its steps depend on
 * @param downstream whether it brings everything that depends on its steps
 * @param regex whether it is the regular-expression form, or a plain path taken as one because no
 *     step's path starts with it (alcove's first form of {@code alcove.select})
 */
record Selector(
    String text, Predicate<StepUri> matches, boolean upstream, boolean downstream, boolean regex) {

  /** Characters of regular expressions that no step path holds ({@code *} and {@code ?} glob). */
  private static final Pattern REGEX_CHARACTERS = Pattern.compile("[.^$()\\[\\]{}|\\\\+]");

  private static final Pattern PLAIN = Pattern.compile("[a-z0-9_/*?-]+");

  static Selector parse(String term, String setting) {
    String body = term;
    boolean upstream = body.startsWith("+");
    if (upstream) {
      body = body.substring(1);
    }
    boolean downstream = body.endsWith("+") && !body.endsWith("\\+");
    if (downstream) {
      body = body.substring(0, body.length() - 1);
    }
    if (body.isEmpty()) {
      throw new AlcoveException(setting + ": '" + term + "' names no step");
    }
    Optional<Scheme> scheme = Optional.empty();
    int separator = body.indexOf("://");
    if (separator > 0
        && body.substring(0, separator).matches("[a-z]+")
        && PLAIN.matcher(body.substring(separator + 3)).matches()) {
      scheme = Optional.of(Scheme.fromLabel(body.substring(0, separator), term));
      body = body.substring(separator + 3);
    } else if (REGEX_CHARACTERS.matcher(body).find() || !PLAIN.matcher(body).matches()) {
      return new Selector(term, regex(body, term, setting), upstream, downstream, true);
    }
    String path = body.replaceAll("/+$", "");
    Optional<Scheme> only = scheme;
    Predicate<StepUri> inScheme = uri -> only.map(s -> uri.scheme() == s).orElse(true);
    Predicate<StepUri> matches =
        path.contains("*") || path.contains("?") ? glob(path) : segmentPrefix(path);
    return new Selector(term, inScheme.and(matches), upstream, downstream, false);
  }

  /** The same term read as a regular expression, for a plain path that names no step. */
  Selector asRegex(String setting) {
    String body = text.replaceAll("^\\+|\\+$", "");
    return new Selector(text, regex(body, text, setting), upstream, downstream, true);
  }

  private static Predicate<StepUri> regex(String body, String term, String setting) {
    try {
      Pattern pattern = Pattern.compile(body);
      return uri -> pattern.matcher(uri.toString()).find();
    } catch (PatternSyntaxException e) {
      throw new AlcoveException(
          setting
              + ": '"
              + term
              + "' is neither a step path, a glob nor a valid regular expression: "
              + e.getDescription());
    }
  }

  /** Steps whose path (dataset segments, then version) starts with the given segments. */
  private static Predicate<StepUri> segmentPrefix(String path) {
    List<String> wanted = Arrays.asList(path.split("/"));
    return uri -> {
      List<String> segments = segments(uri);
      return segments.size() >= wanted.size() && segments.subList(0, wanted.size()).equals(wanted);
    };
  }

  /**
   * A glob over a step's path, with or without its version: {@code *} and {@code ?} within a
   * segment, {@code **} across segments.
   */
  private static Predicate<StepUri> glob(String path) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '*' && i + 1 < path.length() && path.charAt(i + 1) == '*') {
        regex.append(".*");
        i++;
      } else if (c == '*') {
        regex.append("[^/]*");
      } else if (c == '?') {
        regex.append("[^/]");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    Pattern pattern = Pattern.compile(regex.toString());
    return uri ->
        pattern.matcher(uri.datasetPath()).matches() || pattern.matcher(uri.path()).matches();
  }

  private static List<String> segments(StepUri uri) {
    List<String> segments = new java.util.ArrayList<>(uri.names());
    segments.add(uri.version());
    return segments;
  }
}
