package dev.alcove.core.run;

import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.BuildManifest;
import dev.alcove.core.metadata.TableSummaries;
import dev.alcove.core.run.PlannedStep.Action;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
  private final TableKeys keys;
  private final ThreadBudget threads;
  private final ThreadBudget transfers;
  private final TableData tableData;
  private final TableSummaries summaries;

  /**
   * Table metadata as planning read it: planning reads each file several times, and no build runs.
   */
  private final Map<StepUri, Optional<TableSummaries.Summary>> metadataRead;

  /** Each table's output problem as planning found it: asked of a table and of its dependents. */
  private final Map<StepUri, Optional<String>> outputProblems;

  Planner(
      AlcoveLayout layout,
      FileDigester digester,
      BuildManifest manifest,
      RestoreSnapshot snapshots,
      TableKeys keys,
      ThreadBudget threads,
      ThreadBudget transfers,
      TableData tableData,
      TableSummaries summaries,
      int steps) {
    this.tableData = tableData;
    this.summaries = summaries;
    this.layout = layout;
    // Planning asks about most files more than once, and no build runs while it does.
    // Sized for the catalogue at once (see FileDigester.remembering): a definition, an output and a
    // sidecar a step.
    this.digester = digester.remembering(3 * steps);
    this.metadataRead = new java.util.concurrent.ConcurrentHashMap<>(steps);
    this.outputProblems = new java.util.concurrent.ConcurrentHashMap<>(steps);
    this.manifest = manifest;
    this.snapshots = snapshots;
    this.keys = keys.with(this.digester);
    this.threads = threads;
    this.transfers = transfers;
  }

  /** A step taken alone: why it is out of date, if it is, and its key where it can be known. */
  private record Own(Optional<String> reason, Optional<Checksum> key, boolean metadataStale) {
    static Own of(String reason) {
      return new Own(Optional.of(reason), Optional.empty(), false);
    }
  }

  /**
   * Each step's own state is checked on {@code threads} threads, since every check reads only its
   * step's files; then, in dependency order, a table below one that changes waits for it: its key
   * is known only then. Tables out of date whose key is known are looked up in the cache.
   */
  List<PlannedStep> plan(
      StepGraph graph,
      List<StepUri> steps,
      Map<StepUri, TableStep> tables,
      Set<StepUri> forced,
      Inputs inputs,
      CacheLookup cache,
      java.util.function.Predicate<StepUri> keepHere) {
    List<Own> own =
        Parallel.map(steps, threads, uri -> ownState(uri, tables, forced.contains(uri)));
    Map<StepUri, PlannedStep> planned = new java.util.HashMap<>(2 * steps.size());
    List<PlannedStep> plan = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      StepUri uri = steps.get(i);
      Own state = own.get(i);
      PlannedStep step;
      if (inputs.usedAsIs().contains(uri)) {
        step =
            new PlannedStep(
                uri,
                Action.UP_TO_DATE,
                state.reason().isEmpty() && !state.metadataStale()
                    ? ""
                    : "not selected: used as it is, although out of date ("
                        + state.reason().orElse("an input's sidecar changed")
                        + ")");
      } else if (uri.isSnapshot()) {
        step =
            state
                .reason()
                .map(
                    r ->
                        r.equals(RestoreSnapshot.DATA_MISSING) && !keepHere.test(uri)
                            ? new PlannedStep(uri, Action.IN_STORE, r).withDataHere(false)
                            : new PlannedStep(uri, Action.RESTORE, r))
                .orElse(new PlannedStep(uri, Action.UP_TO_DATE, ""));
      } else {
        step =
            planTable(uri, state, graph.dependencies(uri), planned, forced.contains(uri))
                .withDataHere(keepHere.test(uri));
        if (step.action() == Action.UP_TO_DATE && !Files.isRegularFile(layout.tableFile(uri))) {
          // Current, its data in the store: an earlier run in another download mode left it there.
          step =
              keepHere.test(uri)
                  ? new PlannedStep(uri, Action.RESTORE, "data left in the store by an earlier run")
                  : new PlannedStep(uri, Action.IN_STORE, "data in the store").withDataHere(false);
        }
      }
      if (step.runs() && inputs.needed().containsKey(uri)) {
        step = step.withReason(step.reason() + "; an input of " + inputs.needed().get(uri));
      }
      planned.put(uri, step);
      plan.add(step);
    }
    lookUpInCache(plan, own, forced, cache);
    lookUpBelowCacheHits(plan, own, tables, forced, cache);
    return plan;
  }

  /**
   * A table waiting for an upstream that the cache restores has a key known now: the entry names
   * the upstream's output. Such tables are looked up too, level by level, so a cold clone plans
   * every table it can restore as restored, and the dry run says so. A table whose output here is
   * already the one that key built is left to be found unchanged.
   */
  private void lookUpBelowCacheHits(
      List<PlannedStep> plan,
      List<Own> own,
      Map<StepUri, TableStep> tables,
      Set<StepUri> forced,
      CacheLookup cache) {
    Map<StepUri, PlannedStep> byUri = new java.util.HashMap<>(2 * plan.size());
    plan.forEach(step -> byUri.put(step.uri(), step));
    // A key, once known, stays what it is: each table is asked about once, in the pass that knew
    // it.
    Set<StepUri> keyKnown = new java.util.HashSet<>();
    while (true) {
      List<Integer> asked = new ArrayList<>();
      List<Checksum> askedKeys = new ArrayList<>();
      for (int i = 0; i < plan.size(); i++) {
        PlannedStep step = plan.get(i);
        if (step.action() != Action.BUILD
            || !step.awaitsUpstream()
            || forced.contains(step.uri())
            || keyKnown.contains(step.uri())) {
          continue;
        }
        Optional<Checksum> key = keyAfterCacheHits(tables.get(step.uri()), byUri);
        if (key.isPresent()) {
          keyKnown.add(step.uri());
          if (!builtHereWith(step.uri(), key.get())) {
            asked.add(i);
            askedKeys.add(key.get());
          }
        }
      }
      if (asked.isEmpty()) {
        return;
      }
      List<Optional<CacheEntry>> found =
          Parallel.map(
              java.util.stream.IntStream.range(0, asked.size()).boxed().toList(),
              transfers,
              dev.alcove.core.context.GoalContext.TRANSFERS,
              j -> cache.find(askedKeys.get(j), plan.get(asked.get(j)).uri()));
      boolean more = false;
      for (int j = 0; j < asked.size(); j++) {
        if (found.get(j).isPresent()) {
          PlannedStep step = plan.get(asked.get(j));
          // Its own reason ("output missing") says more than its upstream's, which is restored.
          String reason = own.get(asked.get(j)).reason().orElse(step.reason());
          PlannedStep restored = step.fromCache(found.get(j), reason);
          plan.set(asked.get(j), restored);
          byUri.put(step.uri(), restored);
          more = true;
        }
      }
      if (!more) {
        return;
      }
    }
  }

  /**
   * The table's key when every upstream table is either restored by the cache (its entry names its
   * output) or not changed by this run (its metadata does); empty while one is still to be built.
   */
  private Optional<Checksum> keyAfterCacheHits(TableStep table, Map<StepUri, PlannedStep> plan) {
    Map<StepUri, Checksum> outputs = new java.util.HashMap<>();
    for (StepUri dep : table.inputs.keySet()) {
      if (!dep.isTable()) {
        continue;
      }
      PlannedStep upstream = plan.get(dep);
      if (upstream != null && upstream.action() == Action.FROM_CACHE) {
        outputs.put(dep, upstream.cached().orElseThrow().output());
      } else if ((upstream == null
              || !upstream.changes()
              || upstream.action() == Action.UPDATE_METADATA)
          && outputProblem(dep).isEmpty()) {
        outputs.put(dep, readMetadata(dep).orElseThrow().checksum());
      } else {
        return Optional.empty();
      }
    }
    return Optional.of(keys.key(table, keys.inputData(table, outputs::get)));
  }

  /** Whether the table's output here is the one {@code key} built when it was last built here. */
  private boolean builtHereWith(StepUri uri, Checksum key) {
    Optional<BuildManifest.Entry> recorded = manifest.get(uri);
    return recorded.isPresent()
        && !manifest.legacy()
        && recorded.get().key().equals(key)
        && outputProblem(uri).isEmpty()
        && readMetadata(uri).map(m -> m.checksum().equals(recorded.get().output())).orElse(false);
  }

  /**
   * The steps a selection reads but did not select: each snapshot, and each table whose output is
   * missing or not the one built, to be restored or built first ({@code needed}, with the selected
   * step that reads it); and tables whose output is there, read as they are ({@code usedAsIs}),
   * even if out of date, as dbt does: selecting a step runs that step.
   */
  record Inputs(Map<StepUri, StepUri> needed, Set<StepUri> usedAsIs) {}

  Inputs inputsOf(Set<StepUri> selected, StepGraph graph) {
    Map<StepUri, StepUri> needed = new TreeMap<>();
    Set<StepUri> usedAsIs = new java.util.TreeSet<>();
    java.util.ArrayDeque<StepUri> queue = new java.util.ArrayDeque<>(selected);
    while (!queue.isEmpty()) {
      StepUri step = queue.pop();
      for (StepUri dep : graph.dependencies(step)) {
        if (selected.contains(dep) || needed.containsKey(dep) || usedAsIs.contains(dep)) {
          continue;
        }
        if (dep.isSnapshot() || outputProblem(dep).isPresent()) {
          needed.put(dep, needed.getOrDefault(step, step));
          queue.push(dep);
        } else {
          usedAsIs.add(dep);
        }
      }
    }
    return new Inputs(needed, usedAsIs);
  }

  /** Asks the cache for a table: empty when it holds nothing for the key. */
  @FunctionalInterface
  interface CacheLookup {
    Optional<CacheEntry> find(Checksum key, StepUri table);
  }

  /**
   * Tables to build whose key is known now are looked up in the cache, several at once: a remote
   * cache answers each in a round trip.
   */
  private void lookUpInCache(
      List<PlannedStep> plan, List<Own> own, Set<StepUri> forced, CacheLookup cache) {
    List<Integer> asked = new ArrayList<>();
    for (int i = 0; i < plan.size(); i++) {
      PlannedStep step = plan.get(i);
      if (step.action() == Action.BUILD
          && !step.awaitsUpstream()
          && !forced.contains(step.uri())
          && own.get(i).key().isPresent()) {
        asked.add(i);
      }
    }
    List<Optional<CacheEntry>> found =
        Parallel.map(
            asked,
            transfers,
            dev.alcove.core.context.GoalContext.TRANSFERS,
            i -> cache.find(own.get(i).key().get(), plan.get(i).uri()));
    for (int j = 0; j < asked.size(); j++) {
      int i = asked.get(j);
      if (found.get(j).isPresent()) {
        PlannedStep step = plan.get(i);
        plan.set(i, step.fromCache(found.get(j), step.reason()));
      }
    }
  }

  private PlannedStep planTable(
      StepUri uri,
      Own state,
      List<StepUri> dependencies,
      Map<StepUri, PlannedStep> planned,
      boolean force) {
    Optional<StepUri> changing =
        dependencies.stream()
            .filter(dep -> planned.containsKey(dep) && planned.get(dep).changes())
            .findFirst();
    if (changing.isPresent()) {
      String why =
          planned.get(changing.get()).action() == Action.UPDATE_METADATA
              ? "upstream " + changing.get() + " has new metadata"
              : "upstream " + changing.get() + " rebuilt";
      return new PlannedStep(uri, Action.BUILD, force ? "forced" : why, Optional.empty(), !force);
    }
    if (state.reason().isEmpty()) {
      return state.metadataStale()
          ? new PlannedStep(
              uri, Action.UPDATE_METADATA, "an input's sidecar changed, its data did not")
          : new PlannedStep(uri, Action.UP_TO_DATE, "");
    }
    return new PlannedStep(uri, Action.BUILD, state.reason().get());
  }

  /** Why this step, taken alone, is out of date: its data, output or inputs changed. */
  private Own ownState(StepUri uri, Map<StepUri, TableStep> tables, boolean force) {
    if (uri.isSnapshot()) {
      return new Own(snapshots.problem(uri), Optional.empty(), false);
    }
    TableStep table = tables.get(uri);
    Optional<Checksum> key = keyIfKnown(table);
    if (force) {
      return new Own(Optional.of("forced"), key, false);
    }
    Optional<String> outputProblem = outputProblem(uri);
    if (outputProblem.isPresent()) {
      return new Own(outputProblem, key, false);
    }
    if (manifest.legacy()) {
      return new Own(
          Optional.of(
              "build state recorded by an older alcove: built once to record its cache key"),
          key,
          false);
    }
    if (key.isEmpty()) {
      return Own.of("an upstream table has not been built");
    }
    TableSummaries.Summary metadata = readMetadata(uri).orElseThrow();
    Map<String, Checksum> current = table.inputManifest(layout, digester);
    boolean metadataStale = !current.equals(metadata.inputManifest());
    Optional<BuildManifest.Entry> recorded = manifest.get(uri);
    if (recorded.isEmpty()) {
      // Build state lost (mvn clean) or never recorded here: the metadata decides, as in the
      // Python tool, and the key is recorded for next time.
      Optional<String> reason = compareInputs(table, metadata.inputManifest(), current);
      if (reason.isEmpty()) {
        manifest.put(
            uri, new BuildManifest.Entry(key.get(), metadata.checksum(), keys.engine(table)));
      }
      return new Own(reason, key, false);
    }
    if (recorded.get().key().equals(key.get())
        && recorded.get().output().equals(metadata.checksum())) {
      return new Own(Optional.empty(), key, metadataStale);
    }
    return new Own(
        Optional.of(whyKeyChanged(table, recorded.get(), metadata, current)), key, false);
  }

  /** The key, unless an upstream table has no output yet to take the checksum of. */
  private Optional<Checksum> keyIfKnown(TableStep table) {
    for (StepUri dep : table.inputs.keySet()) {
      if (dep.isTable() && outputProblem(dep).isPresent()) {
        return Optional.empty();
      }
    }
    return Optional.of(
        keys.key(table, keys.inputData(table, dep -> readMetadata(dep).orElseThrow().checksum())));
  }

  /** Whether the table's Parquet file and its metadata are there and agree. */
  private Optional<String> outputProblem(StepUri uri) {
    Optional<String> known = outputProblems.get(uri);
    if (known == null) {
      known = findOutputProblem(uri);
      outputProblems.put(uri, known);
    }
    return known;
  }

  private Optional<String> findOutputProblem(StepUri uri) {
    if (!Files.isRegularFile(layout.tableFile(uri))) {
      return leftInStore(uri) ? Optional.empty() : Optional.of("output missing");
    }
    Optional<TableSummaries.Summary> metadata;
    try {
      metadata = readMetadata(uri);
    } catch (AlcoveException e) {
      return Optional.of("output metadata unreadable");
    }
    if (metadata.isEmpty()) {
      return Optional.of("output missing");
    }
    if (!digester.checksum(layout.tableFile(uri)).equals(metadata.get().checksum())) {
      return Optional.of("output modified since it was built");
    }
    return Optional.empty();
  }

  /** Whether the table's data, as its metadata names it, is in the store and not here. */
  private boolean leftInStore(StepUri uri) {
    try {
      return readMetadata(uri)
          .map(metadata -> tableData.recordsInStore(uri, metadata.checksum()))
          .orElse(false);
    } catch (AlcoveException e) {
      return false;
    }
  }

  /**
   * Read once per plan; a table built during the run is judged by {@link TableRun}, which reads its
   * metadata afresh.
   */
  private Optional<TableSummaries.Summary> readMetadata(StepUri uri) {
    return metadataRead.computeIfAbsent(
        uri, u -> summaries.read(layout.tableSidecar(u), u, digester));
  }

  private String whyKeyChanged(
      TableStep table,
      BuildManifest.Entry recorded,
      TableSummaries.Summary metadata,
      Map<String, Checksum> current) {
    Optional<String> input = compareInputs(table, metadata.inputManifest(), current);
    if (input.isPresent()) {
      return input.get();
    }
    String engine = keys.engine(table);
    if (!engine.equals(recorded.engine())) {
      return "engine changed: " + shortened(recorded.engine()) + " -> " + shortened(engine);
    }
    if (!recorded.output().equals(metadata.checksum())) {
      // The Python tool, another clone's run or a hand may have rewritten it: not "alcove".
      return "output replaced since the last run here recorded it";
    }
    if (!table.testFiles(layout).isEmpty()) {
      // What else the key holds: the data tests' SQL.
      return "a data test changed";
    }
    return "inputs changed";
  }

  /** A checksum in a message: its first 12 digits say enough. */
  private static String shortened(String text) {
    return text.replaceAll("\\b([0-9a-f]{12})[0-9a-f]{52}\\b", "$1");
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
      // A newer version of a `latest` dependency is the usual cause: name it.
      List<String> added =
          depSidecars.entrySet().stream()
              .filter(dep -> !recorded.containsKey(dep.getKey()))
              .map(dep -> dep.getValue().toString())
              .toList();
      return Optional.of(
          "dependencies changed" + (added.isEmpty() ? "" : ": now " + String.join(", ", added)));
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
