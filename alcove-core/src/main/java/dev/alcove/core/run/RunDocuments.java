package dev.alcove.core.run;

import dev.alcove.core.Versions;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.json.Json;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlFiles;
import dev.alcove.core.yaml.YamlMap;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run as JSON for scripts and CI: the plan of a dry run ({@code -Dalcove.format=json}), and
 * {@code target/alcove/run-results.json}, which every real run writes, as dbt's {@code
 * run_results.json}: each step with its action, reason, status, timing, rows, bytes and error.
 */
public final class RunDocuments {

  public static final String RESULTS_FILE = "run-results.json";

  private RunDocuments() {}

  /**
   * The steps that failed in the last real run, with their errors, from its results file; none when
   * there is no such file or it cannot be read (a catalogue shows what it knows).
   */
  public static Map<StepUri, String> failuresOfLastRun(Path buildDir) {
    Path file = buildDir.resolve(RESULTS_FILE);
    Map<StepUri, String> failures = new LinkedHashMap<>();
    try {
      // No file (NoSuchFileException) is no failures; JSON is YAML: the sidecars' reader reads what
      // this class wrote.
      YamlMap results = YamlFiles.readMapping(file);
      if (!(results.raw("results").orElse(List.of()) instanceof List<?> steps)) {
        return failures;
      }
      for (Object step : steps) {
        if (step instanceof Map<?, ?> entry
            && "error".equals(entry.get("status"))
            && entry.get("uri") instanceof String uri) {
          failures.put(StepUri.parse(uri), String.valueOf(entry.get("error")));
        }
      }
    } catch (java.io.IOException | java.io.UncheckedIOException | AlcoveException e) {
      failures.clear();
    }
    return failures;
  }

  /** The plan: each step with what a run would do and why. */
  public static Map<String, Object> plan(RunReport report) {
    List<Object> steps = new ArrayList<>();
    for (PlannedStep step : report.plan()) {
      Map<String, Object> entry = planned(step);
      entry.put("awaits_upstream", step.awaitsUpstream());
      steps.add(entry);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("alcove_version", Versions.alcove());
    document.put("dry_run", true);
    document.put("to_run", report.plan().stream().filter(PlannedStep::runs).count());
    document.put("steps", steps);
    return document;
  }

  /** What the run did, step by step. */
  static Map<String, Object> results(RunReport report, Instant started, String selection) {
    return document(report.succeeded(), null, steps(report), started, selection);
  }

  static void writeResults(Path buildDir, RunReport report, Instant started, String selection) {
    write(buildDir, results(report, started, selection));
  }

  /** A run that stopped before any step ran: its error, and no steps. */
  static void writeFailure(Path buildDir, String error, Instant started, String selection) {
    write(buildDir, document(false, error, List.of(), started, selection));
  }

  /** A report of a run that is over: not flushed, as a power cut may lose it at no cost. */
  private static void write(Path buildDir, Map<String, Object> document) {
    AtomicFiles.writeWithoutFlush(
        buildDir.resolve(RESULTS_FILE),
        (Json.write(document) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private static Map<String, Object> document(
      boolean success, String error, List<Object> results, Instant started, String selection) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("alcove_version", Versions.alcove());
    document.put("started_at", millis(started));
    document.put(
        "elapsed_seconds",
        Math.round(java.time.Duration.between(started, Instant.now()).toMillis()) / 1000.0);
    document.put("selection", selection.isEmpty() ? null : selection);
    document.put("success", success);
    document.put("error", error);
    document.put("results", results);
    return document;
  }

  private static List<Object> steps(RunReport report) {
    List<Object> results = new ArrayList<>();
    for (PlannedStep step : report.plan()) {
      StepUri uri = step.uri();
      Map<String, Object> entry = planned(step);
      entry.put("status", status(report, step));
      entry.put("outcome", outcome(report, uri));
      RunReport.Timing timing = report.timings().get(uri);
      entry.put("started_at", timing == null ? null : millis(timing.started()));
      entry.put("seconds", timing == null ? null : Math.round(timing.seconds() * 1000) / 1000.0);
      entry.put(
          "rows", timing == null || timing.rows().isEmpty() ? null : timing.rows().getAsLong());
      entry.put(
          "bytes", timing == null || timing.bytes().isEmpty() ? null : timing.bytes().getAsLong());
      if (uri.isTable()) {
        entry.put("pushed", report.pushed().contains(uri));
        entry.put("delta", report.deltas().get(uri));
      }
      String error = report.failed().getOrDefault(uri, report.skipped().get(uri));
      entry.put("error", error);
      results.add(entry);
    }
    return results;
  }

  /** What the plan says of a step: its URI, kind, action and reason. */
  private static Map<String, Object> planned(PlannedStep step) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("uri", step.uri().toString());
    entry.put("kind", kind(step.uri()));
    entry.put("action", name(step.action()));
    entry.put("reason", step.reason().isEmpty() ? null : step.reason());
    return entry;
  }

  private static String status(RunReport report, PlannedStep step) {
    if (report.failed().containsKey(step.uri())) {
      return "error";
    }
    if (report.skipped().containsKey(step.uri())) {
      return "skipped";
    }
    if (report.done().contains(step.uri())) {
      return "success";
    }
    if (step.action() == PlannedStep.Action.IN_STORE) {
      return "in_store";
    }
    return step.runs() ? "not_run" : "up_to_date";
  }

  private static String outcome(RunReport report, StepUri uri) {
    if (!report.done().contains(uri)) {
      return null;
    }
    TableRun.Outcome outcome = report.tables().get(uri);
    return outcome == null ? "restored" : outcome.name().toLowerCase(Locale.ROOT);
  }

  private static String kind(StepUri uri) {
    return uri.isSnapshot() ? "snapshot" : "table";
  }

  private static String name(PlannedStep.Action action) {
    return action.name().toLowerCase(Locale.ROOT);
  }

  private static String millis(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
