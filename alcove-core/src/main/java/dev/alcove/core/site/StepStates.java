package dev.alcove.core.site;

import dev.alcove.core.Alcove;
import dev.alcove.core.cache.CacheOptions;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.PlannedStep;
import dev.alcove.core.run.RunDocuments;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.select.Selection;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The state of every step as {@code alcove:run} sees it: its plan of a dry run (without the table
 * cache, so no store is opened) gives out-of-date steps with their reasons, the results of the last
 * run give the steps that failed then, and the files say what was never built.
 */
public final class StepStates {

  private final Map<StepUri, StepState> states;
  private final Optional<String> unknownBecause;

  private StepStates(Map<StepUri, StepState> states, Optional<String> unknownBecause) {
    this.states = states;
    this.unknownBecause = unknownBecause;
  }

  /** Plans as a dry run would, quietly; a plan that cannot be made leaves every state unknown. */
  public static StepStates of(GoalContext context, Alcove alcove) {
    AlcoveLayout layout = alcove.layout();
    Map<StepUri, String> failures = RunDocuments.failuresOfLastRun(layout.buildDir());
    Map<StepUri, StepState> states = new HashMap<>();
    try (GoalContext quiet =
        GoalContext.builder()
            .log(AlcoveLog.SILENT)
            .threads(context.threads())
            .store(
                () -> {
                  throw new AlcoveException("the catalogue does not open the store");
                })
            .javaClassPath(context::javaClassPath)
            // A Spark table's key holds the server's version: the goal's session knows it.
            .spark(context::spark)
            .build()) {
      // Minimal: data in the store is not out of date; the page says where each step's data is.
      RunOptions dryRun =
          new RunOptions(
              Selection.ALL, false, true, CacheOptions.OFF, dev.alcove.core.run.Download.MINIMAL);
      for (PlannedStep step : new RunEngine(quiet, alcove, dryRun).run().plan()) {
        states.put(step.uri(), stateOf(step, layout, failures));
      }
    } catch (AlcoveException e) {
      context.log().warn("catalogue: the steps' states are unknown: " + e.getMessage());
      return new StepStates(Map.of(), Optional.of(e.getMessage()));
    }
    return new StepStates(states, Optional.empty());
  }

  private static StepState stateOf(
      PlannedStep step, AlcoveLayout layout, Map<StepUri, String> failures) {
    StepUri uri = step.uri();
    if (failures.containsKey(uri)) {
      return new StepState(StepState.Kind.FAILED, failures.get(uri));
    }
    boolean recorded =
        Files.exists(uri.isSnapshot() ? layout.snapshotSidecar(uri) : layout.tableSidecar(uri));
    if (!recorded && (uri.isSnapshot() || !Files.exists(layout.tableFile(uri)))) {
      return new StepState(StepState.Kind.NEVER_BUILT, "");
    }
    if (!step.runs()) {
      return new StepState(StepState.Kind.UP_TO_DATE, "");
    }
    return new StepState(StepState.Kind.OUT_OF_DATE, step.whatAndWhy());
  }

  /** The step's state; unknown when the plan could not be made. */
  public StepState of(StepUri uri) {
    StepState state = states.get(uri);
    return state != null
        ? state
        : new StepState(StepState.Kind.UNKNOWN, unknownBecause.orElse("not in the plan"));
  }
}
