package dev.alcove.core.run;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.FileNameEncoding;
import dev.alcove.core.uri.StepUri;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a run did: the plan, each step done (and, for tables, whether built, restored from the table
 * cache or found unchanged), each step that failed or was skipped because of a failure, and when
 * each step that ran started, how long it took and what it produced, and which tables it pushed to
 * the store's table cache.
 */
public record RunReport(
    List<PlannedStep> plan,
    List<StepUri> done,
    Map<StepUri, TableRun.Outcome> tables,
    Map<StepUri, String> failed,
    Map<StepUri, String> skipped,
    Map<StepUri, Timing> timings,
    java.util.Set<StepUri> pushed,
    Map<StepUri, String> deltas) {

  /**
   * When a step that ran started and how long it took; for a table that was done, its rows (when
   * known without reading it) and bytes.
   */
  public record Timing(
      java.time.Instant started,
      double seconds,
      java.util.OptionalLong rows,
      java.util.OptionalLong bytes) {}

  static RunReport planned(List<PlannedStep> plan) {
    return new RunReport(
        plan, List.of(), Map.of(), Map.of(), Map.of(), Map.of(), java.util.Set.of(), Map.of());
  }

  /**
   * This report, with the tables pushed to the store's table cache, and what each table rebuilt
   * changed against the output it replaced ({@code rows 248 -> 251, +1 column}).
   */
  RunReport withPushedAndDeltas(java.util.Set<StepUri> tables, Map<StepUri, String> changes) {
    return new RunReport(
        plan,
        done,
        this.tables,
        failed,
        skipped,
        timings,
        java.util.Set.copyOf(tables),
        Map.copyOf(changes));
  }

  /** The tables that ended as {@code outcome}. */
  public java.util.Set<StepUri> tables(TableRun.Outcome outcome) {
    java.util.Set<StepUri> found = new java.util.TreeSet<>();
    tables.forEach(
        (uri, o) -> {
          if (o == outcome) {
            found.add(uri);
          }
        });
    return found;
  }

  public boolean succeeded() {
    return failed.isEmpty() && skipped.isEmpty();
  }

  /**
   * One line naming each failed step and why, for the build failure message; a line per failure
   * when one of them brings DuckDB's own lines (the quoted SQL and its caret).
   */
  public String failureSummary() {
    List<String> parts =
        new java.util.ArrayList<>(
            failed.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList());
    if (!skipped.isEmpty()) {
      parts.add(
          "not run because of it: "
              + String.join(", ", skipped.keySet().stream().map(StepUri::toString).toList()));
    }
    String separator = parts.stream().anyMatch(part -> part.contains("\n")) ? "\n" : "; ";
    return failed.size()
        + (failed.size() == 1 ? " step failed: " : " steps failed: ")
        + String.join(separator, parts);
  }

  /**
   * How a step's failure is told, in the report and the log: its message, or what a locale that
   * cannot name a file is behind it.
   */
  static String failure(Throwable error) {
    Optional<AlcoveException> locale = FileNameEncoding.explain(error);
    if (locale.isPresent()) {
      return locale.get().getMessage();
    }
    String message = error.getMessage();
    return message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
  }
}
