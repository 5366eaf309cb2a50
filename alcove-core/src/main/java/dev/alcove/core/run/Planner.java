package dev.alcove.core.run;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.run.PlannedStep.Action;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides, for each selected step in dependency order, whether it is up to date and, if not, why
 * (SPEC section 6). It reads metadata and stats data files; through the stat cache, an unchanged
 * alcove is planned without reading a byte of data.
 */
final class Planner {

  private final AlcoveLayout layout;
  private final FileDigester digester;
  private final BuildManifest manifest;
  private final RestoreSnapshot snapshots;
  private final ThreadBudget threads;

  Planner(
      AlcoveLayout layout,
      FileDigester digester,
      BuildManifest manifest,
      RestoreSnapshot snapshots,
      ThreadBudget threads) {
    this.layout = layout;
    this.digester = digester;
    this.manifest = manifest;
    this.snapshots = snapshots;
    this.threads = threads;
  }

  /**
   * Each step's own state is checked on {@code threads} threads, since every check reads only its
   * step's files; then, in dependency order, a table below one that is rebuilt is rebuilt too.
   */
  List<PlannedStep> plan(
      StepGraph graph, List<StepUri> steps, Map<StepUri, TableStep> tables, boolean force) {
    List<Optional<String>> ownReasons =
        Parallel.map(steps, threads, uri -> ownReason(uri, tables, force));
    Map<StepUri, PlannedStep> planned = new TreeMap<>();
    List<PlannedStep> plan = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      StepUri uri = steps.get(i);
      Optional<String> reason = ownReasons.get(i);
      if (uri.isTable() && !force) {
        Optional<String> upstream = upstreamRebuilt(graph.dependencies(uri), planned);
        reason = upstream.isPresent() ? upstream : reason;
      }
      PlannedStep step =
          reason
              .map(r -> new PlannedStep(uri, uri.isSnapshot() ? Action.RESTORE : Action.BUILD, r))
              .orElse(new PlannedStep(uri, Action.UP_TO_DATE, ""));
      planned.put(uri, step);
      plan.add(step);
    }
    return plan;
  }

  /** Why this step, taken alone, is out of date: its data, output or inputs changed. */
  private Optional<String> ownReason(StepUri uri, Map<StepUri, TableStep> tables, boolean force) {
    if (uri.isSnapshot()) {
      return snapshots.problem(uri);
    }
    return force ? Optional.of("forced") : tableReason(tables.get(uri));
  }

  private static Optional<String> upstreamRebuilt(
      List<StepUri> dependencies, Map<StepUri, PlannedStep> planned) {
    return dependencies.stream()
        .filter(dep -> planned.containsKey(dep) && planned.get(dep).action() == Action.BUILD)
        .findFirst()
        .map(dep -> "upstream " + dep + " rebuilt");
  }

  private Optional<String> tableReason(TableStep table) {
    StepUri uri = table.uri;
    if (!Files.isRegularFile(layout.tableFile(uri))) {
      return Optional.of("output missing");
    }
    Optional<TableMetadata> metadata;
    try {
      metadata = TableMetadata.readIfExists(layout.tableSidecar(uri), uri);
    } catch (AlcoveException e) {
      return Optional.of("output metadata unreadable");
    }
    if (metadata.isEmpty()) {
      return Optional.of("output missing");
    }
    Map<String, Checksum> recorded = metadata.get().inputManifest();
    Map<String, Checksum> current = table.inputManifest(layout, digester);
    Optional<String> inputReason = compareInputs(table, recorded, current);
    if (inputReason.isPresent()) {
      return inputReason;
    }
    if (!digester.checksum(layout.tableFile(uri)).equals(metadata.get().checksum())) {
      return Optional.of("output modified since it was built");
    }
    Optional<BuildManifest.Entry> entry = manifest.get(uri);
    if (entry.isPresent() && !entry.get().key().equals(table.key(current))) {
      return Optional.of("alcove or " + table.runner.engine() + " version changed");
    }
    return Optional.empty();
  }

  private Optional<String> compareInputs(
      TableStep table, Map<String, Checksum> recorded, Map<String, Checksum> current) {
    String definition = layout.relative(table.definition);
    String config = layout.relative(table.configFile);
    String steps = layout.relative(layout.stepsDir()) + "/";
    if (!current.get(definition).equals(recorded.get(definition))) {
      return Optional.of("definition changed");
    }
    boolean otherDefinition =
        recorded.keySet().stream()
            .anyMatch(
                path -> path.startsWith(steps) && !path.equals(definition) && !path.equals(config));
    if (otherDefinition) {
      return Optional.of("definition changed");
    }
    if (!java.util.Objects.equals(current.get(config), recorded.get(config))) {
      return Optional.of("config changed");
    }
    Map<String, StepUri> depSidecars = new TreeMap<>();
    table
        .inputs
        .keySet()
        .forEach(dep -> depSidecars.put(layout.relative(layout.sidecar(dep)), dep));
    List<String> recordedDeps =
        recorded.keySet().stream().filter(path -> !path.startsWith(steps)).sorted().toList();
    if (!recordedDeps.equals(new ArrayList<>(depSidecars.keySet()))) {
      return Optional.of("dependencies changed");
    }
    for (Map.Entry<String, StepUri> dep : depSidecars.entrySet()) {
      if (!java.util.Objects.equals(current.get(dep.getKey()), recorded.get(dep.getKey()))) {
        return Optional.of(
            dep.getValue().isSnapshot()
                ? "snapshot data changed (" + dep.getValue() + ")"
                : "upstream " + dep.getValue() + " changed");
      }
    }
    return Optional.empty();
  }
}
