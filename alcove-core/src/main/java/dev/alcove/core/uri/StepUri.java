package dev.alcove.core.uri;

import dev.alcove.core.errors.AlcoveException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A step's address, {@code scheme://name/.../version}: one or more name segments, then a version
 * that is an ISO date or {@code latest}.
 *
 * <p>Every segment is lower-case letters, digits, {@code -} and {@code _}, so a URI can never name
 * a file outside the alcove.
 */
public record StepUri(Scheme scheme, List<String> names, String version)
    implements Comparable<StepUri> {

  public static final String LATEST = "latest";

  private static final Pattern DATE_LIKE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
  private static final DateTimeFormatter STRICT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

  /** An odd factor near 2^32 divided by the golden ratio: see {@link #hashCode()}. */
  private static final int SPREAD = 0x9E3779B1;

  public StepUri {
    names = List.copyOf(names);
  }

  /** Parses and validates a full URI such as {@code table://countries/summary/latest}. */
  public static StepUri parse(String uri) {
    if (uri == null || uri.isBlank()) {
      throw new AlcoveException(
          "invalid step URI: it is empty (expected e.g. table://name/latest)");
    }
    int separator = uri.indexOf("://");
    if (separator < 0) {
      throw invalid(uri, "it has no scheme (expected snapshot://... or table://...)");
    }
    Scheme scheme = Scheme.fromLabel(uri.substring(0, separator), uri);
    String path = uri.substring(separator + 3);
    List<String> segments = segments(uri, path);
    if (segments.size() < 2) {
      throw invalid(
          uri, "it needs a dataset name and a version, e.g. " + scheme.label() + "://name/latest");
    }
    String version = segments.get(segments.size() - 1);
    if (!isVersion(version)) {
      throw invalid(
          uri,
          "its last segment '"
              + version
              + "' is not a version (YYYY-MM-DD or latest)"
              + didYouMean(version));
    }
    return new StepUri(scheme, segments.subList(0, segments.size() - 1), version);
  }

  /**
   * A dataset name as a user types it, with or without a version: {@code countries} becomes {@code
   * snapshot://countries/<today>}, {@code countries/2024-07-26} keeps its version.
   */
  public static StepUri ofDataset(Scheme scheme, String dataset, LocalDate today) {
    String display = scheme.label() + "://" + dataset;
    if (dataset == null || dataset.isBlank()) {
      throw new AlcoveException("invalid dataset name: it is empty (expected e.g. countries)");
    }
    if (dataset.contains("://")) {
      return parse(dataset);
    }
    List<String> segments = segments(display, dataset);
    for (String segment : segments) {
      if (DATE_LIKE.matcher(segment).matches() && !isVersion(segment)) {
        throw invalid(
            display,
            "'"
                + segment
                + "' looks like a version but is not a valid date (YYYY-MM-DD)"
                + didYouMean(segment));
      }
    }
    String last = segments.get(segments.size() - 1);
    if (segments.size() > 1 && isVersion(last)) {
      return new StepUri(scheme, segments.subList(0, segments.size() - 1), last);
    }
    return new StepUri(scheme, segments, today.format(STRICT_DATE));
  }

  private static List<String> segments(String uri, String path) {
    if (path.isEmpty()) {
      throw invalid(uri, "the path is empty");
    }
    if (path.startsWith("/")) {
      throw invalid(uri, "the path must be relative, not start with '/'");
    }
    List<String> segments = List.of(path.split("/", -1));
    for (String segment : segments) {
      if (segment.isEmpty()) {
        throw invalid(uri, "it has an empty path segment");
      }
      if (!isSegment(segment)) {
        throw invalid(
            uri, "segment '" + segment + "' may only hold lower-case letters, digits, '-' and '_'");
      }
    }
    return segments;
  }

  public static boolean isVersion(String segment) {
    if (LATEST.equals(segment)) {
      return true;
    }
    // By hand, not by regular expression and formatter: a catalogue of 5,000 steps holds 10,000
    // URIs, parsed by a JVM that has compiled nothing yet.
    if (segment.length() != 10 || segment.charAt(4) != '-' || segment.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (segment.charAt(i) < '0' || segment.charAt(i) > '9')) {
        return false;
      }
    }
    int month = Integer.parseInt(segment, 5, 7, 10);
    int day = Integer.parseInt(segment, 8, 10, 10);
    return month >= 1
        && month <= 12
        && day >= 1
        && day
            <= java.time.YearMonth.of(Integer.parseInt(segment, 0, 4, 10), month).lengthOfMonth();
  }

  /** Lower-case letters, digits, '-' and '_', at least one. */
  private static boolean isSegment(String segment) {
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if ((c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_') {
        return false;
      }
    }
    return !segment.isEmpty();
  }

  /** {@code ": did you mean 2026-12-01?"} for {@code 2026-12-1}; empty if no date is near. */
  private static String didYouMean(String segment) {
    return suggestedDate(segment).map(date -> ": did you mean " + date + "?").orElse("");
  }

  /** {@code 2026-12-01} for {@code 2026-12-1}: the date a user most likely meant, if any. */
  private static java.util.Optional<String> suggestedDate(String segment) {
    java.util.regex.Matcher parts = DATE_LIKE.matcher(segment);
    if (!parts.matches()) {
      return java.util.Optional.empty();
    }
    String padded =
        String.format(
            java.util.Locale.ROOT,
            "%s-%02d-%02d",
            parts.group(1),
            Integer.parseInt(parts.group(2)),
            Integer.parseInt(parts.group(3)));
    return isVersion(padded) ? java.util.Optional.of(padded) : java.util.Optional.empty();
  }

  private static AlcoveException invalid(String uri, String rule) {
    return new AlcoveException("invalid step URI '" + uri + "': " + rule);
  }

  /** The dataset path without the version, e.g. {@code countries/summary}. */
  public String datasetPath() {
    // By hand, not by String.join's joiner: asked of thousands of steps in a cold JVM.
    if (names.size() == 1) {
      return names.get(0);
    }
    StringBuilder path = new StringBuilder(names.get(0));
    for (int i = 1; i < names.size(); i++) {
      path.append('/').append(names.get(i));
    }
    return path.toString();
  }

  /** The dataset path with the version, e.g. {@code countries/summary/latest}. */
  public String path() {
    return datasetPath() + "/" + version;
  }

  /** The dataset's own name: the last segment before the version. */
  public String name() {
    return names.get(names.size() - 1);
  }

  public boolean isLatest() {
    return LATEST.equals(version);
  }

  public boolean isSnapshot() {
    return scheme == Scheme.SNAPSHOT;
  }

  public boolean isTable() {
    return scheme == Scheme.TABLE;
  }

  /** True when both name the same dataset, whatever their versions. */
  public boolean sameDataset(StepUri other) {
    return scheme == other.scheme && names.equals(other.names);
  }

  /**
   * Whether this URI, as written in a config, names {@code resolved}: the same URI, or this one's
   * {@code latest} and a version of the same dataset.
   */
  public boolean names(StepUri resolved) {
    return equals(resolved) || (isLatest() && sameDataset(resolved));
  }

  public StepUri withVersion(String newVersion) {
    return new StepUri(scheme, names, newVersion);
  }

  /**
   * The order of {@link #toString()}, mostly decided without building the two strings: catalogues
   * of thousands of steps are kept in sorted maps, which compare often.
   */
  @Override
  public int compareTo(StepUri other) {
    if (scheme != other.scheme) {
      return compareSegments(scheme.label(), other.scheme.label(), ':');
    }
    int common = Math.min(names.size(), other.names.size());
    for (int i = 0; i < common; i++) {
      String mine = names.get(i);
      String theirs = other.names.get(i);
      if (!mine.equals(theirs)) {
        return compareSegments(mine, theirs, '/');
      }
    }
    if (names.size() == other.names.size()) {
      return version.compareTo(other.version);
    }
    return toString().compareTo(other.toString());
  }

  /**
   * Compares two different segments that both strings go on from with {@code next}: where one is
   * the start of the other, {@code next} meets the longer one's next character.
   */
  private static int compareSegments(String a, String b, char next) {
    int common = Math.min(a.length(), b.length());
    for (int i = 0; i < common; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        return a.charAt(i) - b.charAt(i);
      }
    }
    return a.length() < b.length() ? next - b.charAt(common) : a.charAt(common) - next;
  }

  // Written out: a record's generated equals and hashCode are bootstrapped on first use, which
  // costs a cold JVM more than every later call together.
  @Override
  public boolean equals(Object other) {
    return other instanceof StepUri uri
        && scheme == uri.scheme
        && version.equals(uri.version)
        && names.equals(uri.names);
  }

  /**
   * The names' hashes spread by a large odd factor: combined by 31, as a record's own hash and a
   * list's are, names such as {@code c01/t010} and {@code c10/t001} collide by the hundred in a
   * large catalogue, and a plan's hash maps then search long chains. The scheme counts by its
   * ordinal, since an enum's own hash differs from one JVM to the next.
   */
  @Override
  public int hashCode() {
    int hash = scheme.ordinal();
    for (String name : names) {
      hash = hash * SPREAD + name.hashCode();
    }
    return hash * SPREAD + version.hashCode();
  }

  @Override
  public String toString() {
    return scheme.label() + "://" + path();
  }
}
