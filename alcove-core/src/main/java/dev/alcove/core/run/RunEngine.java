package dev.alcove.core.run;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.cache.TableCache;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.checksum.StatCache;
import dev.alcove.core.concurrent.BoundedExecutor;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.BuildManifest;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.TableSummaries;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.progress.Throughput;
import dev.alcove.core.run.PlannedStep.Action;
import dev.alcove.core.run.runner.Engines;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.snapshot.SnapshotSummaries;
import dev.alcove.core.table.StepDefinitions;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.Future;

/**
 * {@code run}: restores out-of-date snapshots and builds out-of-date tables, in dependency order,
 * independent steps in parallel. A failed step stops only what is downstream of it.
 */
public final class RunEngine {

  private final GoalContext context;
  private final Alcove opened;
  private final RunOptions options;
  private final AlcoveLog log;

  public RunEngine(GoalContext context, Alcove alcove, RunOptions options) {
    this.context = context;
    this.opened = alcove;
    this.options = options;
    this.log = context.log();
  }

  /**
   * Plans and runs; a real run holds the alcove's lock throughout and plans from the catalogue as
   * it is once the lock is held; a dry run changes nothing.
   */
  public RunReport run() {
    if (options.dryRun()) {
      return planAndRun(opened);
    }
    Instant started = Instant.now();
    try (AlcoveEdit edit = opened.edit(log)) {
      Path buildDir = edit.alcove().layout().buildDir();
      RunReport report;
      try {
        report = planAndRun(edit.alcove());
      } catch (AlcoveException e) {
        // CI reads the results of this run, not those of the last one that got that far.
        RunDocuments.writeFailure(buildDir, e.getMessage(), started, options.selection().text());
        throw e;
      }
      RunDocuments.writeResults(buildDir, report, started, options.selection().text());
      return report;
    }
  }

  private RunReport planAndRun(Alcove alcove) {
    AlcoveLayout layout = alcove.layout();
    long planStart = System.nanoTime();
    long plannedSince = System.currentTimeMillis();
    String question = options.dryRun() || options.force() ? null : question(layout);
    if (question != null) {
      Optional<NothingToDoRecord> record = NothingToDoRecord.read(layout.buildDir(), question);
      if (record.isPresent()) {
        EditedSnapshotFiles edits = new EditedSnapshotFiles(layout, record.get().steps());
        NothingToDoRecord.Changes changes =
            record
                .get()
                .changes(context.work(), edits::mendable, EditedSnapshotFiles.LIMIT, plannedSince);
        if (changes.none()) {
          log.debug(
              "nothing the last run's plan read has changed since ("
                  + layout.relative(layout.buildDir().resolve(NothingToDoRecord.FILE_NAME))
                  + ")");
          if (!changes.settled().isEmpty()) {
            record.get().keepAgain(Map.of(), changes.settled(), plannedSince);
          }
          List<PlannedStep> plan =
              record.get().steps().stream()
                  .map(uri -> new PlannedStep(uri, Action.UP_TO_DATE, ""))
                  .toList();
          log.info(nothingToDo(plan.size(), planStart, Set.of()));
          return RunReport.planned(plan);
        }
        Optional<RunReport> mended =
            changes
                .changed()
                .flatMap(
                    changed ->
                        edits.mend(
                            record.get(),
                            changed,
                            changes.settled(),
                            new RestoreSnapshot(context, layout, FileDigester.READ_EVERY_BYTE),
                            context::depot,
                            log,
                            plannedSince));
        if (mended.isPresent()) {
          RunReport report = mended.get();
          if (report.plan().stream().noneMatch(PlannedStep::runs)) {
            log.info(nothingToDo(report.plan().size(), planStart, Set.of()));
          } else {
            summarize(report);
          }
          return report;
        }
      }
      NothingToDoRecord.forget(layout.buildDir());
    }
    StepGraph graph = StepGraph.of(alcove.catalogue());
    Set<StepUri> selected =
        options.selection().resolve(graph.order(), graph::dependencies, graph::dependents, true);
    if (selected.isEmpty()) {
      log.info(
          options.selection().isAll()
              ? "no steps in the catalogue: nothing to run"
              : "every selected step is excluded: nothing to run");
      return RunReport.planned(List.of());
    }
    StatCache statCache = StatCache.load(layout.buildDir());
    // Every file the plan reads, for the record a run with nothing to do leaves the next: only
    // where one may be kept.
    Set<Path> looked = java.util.concurrent.ConcurrentHashMap.newKeySet();
    FileDigester digester =
        options.force()
            ? FileDigester.counting()
            : question == null ? statCache : statCache.recordingInto(looked);
    java.util.concurrent.atomic.AtomicLong libraryBytes =
        new java.util.concurrent.atomic.AtomicLong();
    BuildManifest manifest = BuildManifest.load(layout.buildDir());
    SnapshotSummaries summaries = SnapshotSummaries.load(layout.buildDir());
    TableSummaries tableSummaries = TableSummaries.load(layout.buildDir());
    RestoreSnapshot snapshots = new RestoreSnapshot(context, layout, digester, summaries);
    Engines engines =
        new Engines(
            digester.countingInto(libraryBytes),
            context::javaClassPath,
            () -> context.spark().version());
    TableKeys keys = new TableKeys(layout, digester, engines, snapshots);
    TableData tableData = TableData.of(layout, context);
    Planner planner =
        new Planner(
            layout,
            digester,
            manifest,
            snapshots,
            keys,
            context.work(),
            context.transfers(),
            tableData,
            tableSummaries,
            alcove.catalogue().steps().size());
    Planner.Inputs inputs = planner.inputsOf(selected, graph);
    Set<StepUri> planned = new java.util.HashSet<>(selected);
    planned.addAll(inputs.needed().keySet());
    planned.addAll(inputs.usedAsIs());
    List<StepUri> steps = graph.ordered(planned);
    Map<StepUri, TableStep> tables =
        StepDefinitions.withListingCache(
            () -> {
              Map<StepUri, TableStep> found = new HashMap<>(2 * steps.size());
              for (StepUri uri : steps) {
                if (uri.isTable()) {
                  found.put(
                      uri,
                      TableStep.of(
                          uri,
                          alcove.catalogue(),
                          layout,
                          context::javaClassPath,
                          context.frontEnd()));
                }
              }
              return found;
            });
    TableCache cache = new TableCache(context::depot, options.cache(), log);
    Set<StepUri> forced = options.force() ? selected : Set.of();
    List<PlannedStep> plan =
        planner.plan(
            graph,
            steps,
            tables,
            forced,
            inputs,
            (key, table) -> cache.lookup(key, table.toString()),
            keepHere(selected));
    long verifyNanos = System.nanoTime() - planStart;
    // Whatever the plan says, a dry run too: caches every goal checks against the files' bytes
    // (the only things a dry run writes, as planning a large catalogue again is what it is for):
    // the parse of alcove.yaml, and what each snapshot sidecar says, which spares a dry run
    // loading a YAML parser for one sidecar.
    alcove.keepParsedCatalogue();
    summaries.save();
    if (digester.bytesRead() > 0) {
      // Worth a line only when it was real work; small re-reads (fresh files) go to debug.
      long libraries = libraryBytes.get();
      long data = digester.bytesRead() - libraries;
      String verified =
          "verified "
              + (libraries == 0
                  ? Throughput.describe(data, verifyNanos) + " of data against its checksums"
                  : ProgressReporter.human(data)
                      + " of data and "
                      + ProgressReporter.human(libraries)
                      + " of Java step libraries, "
                      + Throughput.describe(data + libraries, verifyNanos));
      if (digester.bytesRead() >= 16 << 20 || verifyNanos >= 1_000_000_000L) {
        log.info(verified);
      } else {
        log.debug(verified);
      }
    }
    long toRun = plan.stream().filter(PlannedStep::runs).count();
    // Inputs read as they are although out of date: said whether or not anything runs.
    plan.stream()
        .filter(
            step -> !step.runs() && !step.reason().isEmpty() && step.action() != Action.IN_STORE)
        .forEach(step -> log.info(step.describe()));
    Set<StepUri> inStore = new java.util.TreeSet<>();
    plan.stream()
        .filter(step -> step.action() == Action.IN_STORE)
        .forEach(step -> inStore.add(step.uri()));
    if (toRun == 0) {
      log.info(nothingToDo(plan.size(), planStart, inStore));
      if (!options.dryRun()) {
        statCache.save();
        tableSummaries.save();
        manifest.save();
        List<StepUri> planOrder = plan.stream().map(PlannedStep::uri).toList();
        if (question != null
            && inStore.isEmpty()
            && engines.onlyDuckDbAsked()
            && plan.stream()
                .allMatch(
                    step -> step.equals(new PlannedStep(step.uri(), Action.UP_TO_DATE, "")))) {
          snapshots
              .foldersListed(planOrder)
              .flatMap(listed -> NothingToDoRecord.watched(layout, looked, listed, tables.keySet()))
              .ifPresent(
                  watched ->
                      NothingToDoRecord.keep(
                          layout.buildDir(),
                          question,
                          planOrder,
                          watched,
                          snapshots.foldersMatched(planOrder),
                          plannedSince,
                          context.work()));
        }
      }
      return RunReport.planned(plan);
    }
    for (PlannedStep step : plan) {
      if (step.runs()
          || (options.dryRun() && (step.reason().isEmpty() || step.action() == Action.IN_STORE))) {
        log.info(
            (options.dryRun() ? "plan: " : "")
                + step.describe()
                + (step.action() == Action.BUILD && tables.get(step.uri()).runner.onSpark()
                    ? " on Spark"
                    : "")
                + fetches(step, inStore, graph, snapshots, tableData));
      }
    }
    if (options.dryRun()) {
      log.info(
          "dry run: " + toRun + " of " + plan.size() + " steps would run; nothing was changed");
      return RunReport.planned(plan);
    }
    if (plan.stream().anyMatch(step -> step.runs() && step.uri().isTable())) {
      // Every table built or restored is checked in DuckDB: load it while the first one starts.
      DuckDb.preload(context.workers());
    }
    TableBuild builds =
        new TableBuild(
            layout,
            snapshots,
            digester,
            manifest,
            tableData,
            new SparkBuild(
                layout, snapshots, context::depot, context::spark, log, context.frontEnd()),
            log);
    InputsOnDemand onDemand =
        new InputsOnDemand(
            options.download() == Download.ALL ? null : snapshots, tableData, context::depot, log);
    try {
      RunReport report =
          execute(
                  graph,
                  plan,
                  tables,
                  snapshots,
                  tableData,
                  new TableRun(keys, builds, cache, manifest, forced, onDemand, tableData, log))
              .withPushedAndDeltas(cache.pushed(), builds.deltas());
      if (options.download() == Download.MINIMAL) {
        leaveBuiltInputsInStore(report, selected, tableData);
      }
      summarize(report);
      summarizeDownloads(inStore, onDemand);
      return report;
    } finally {
      statCache.save();
      summaries.save();
      tableSummaries.save();
      manifest.save();
      tableData.save();
    }
  }

  private String nothingToDo(int steps, long planStart, Set<StepUri> inStore) {
    return String.format(
        java.util.Locale.ROOT,
        "%s up to date: nothing to do (checked in %.3f s%s)",
        steps == 1 ? "the one step is" : "all " + steps + " steps are",
        (System.nanoTime() - planStart) / 1e9,
        inStore.isEmpty() ? "" : "; " + countByKind(inStore) + " left in the store");
  }

  /**
   * What a run asks: everything besides the files it reads that decides its plan. The alcove's
   * version stands for its code, and the code's own file for a rebuilt snapshot version.
   */
  private String question(AlcoveLayout layout) {
    return "alcove "
        + dev.alcove.core.Versions.alcove()
        + "; root "
        + layout.root()
        + "; data "
        + layout.dataDirName()
        + "; selection "
        + options.selection().text()
        + "; cache "
        + options.cache()
        + "; download "
        + options.download();
  }

  private RunReport execute(
      StepGraph graph,
      List<PlannedStep> plan,
      Map<StepUri, TableStep> tables,
      RestoreSnapshot snapshots,
      TableData tableData,
      TableRun builds) {
    Map<StepUri, TableRun.Outcome> outcomes = new java.util.concurrent.ConcurrentHashMap<>();
    Map<StepUri, RunReport.Timing> timings = new java.util.concurrent.ConcurrentHashMap<>();
    Map<StepUri, PlannedStep> pending = new TreeMap<>();
    plan.stream().filter(PlannedStep::runs).forEach(step -> pending.put(step.uri(), step));
    Map<StepUri, Integer> waitingOn = new HashMap<>();
    for (StepUri uri : pending.keySet()) {
      waitingOn.put(
          uri, (int) graph.dependencies(uri).stream().filter(pending::containsKey).count());
    }
    List<StepUri> done = new ArrayList<>();
    Map<StepUri, String> failed = new TreeMap<>();
    Map<StepUri, String> skipped = new TreeMap<>();
    // This thread only waits: the steps run on one thread of the budget's and what else is free.
    try (ThreadBudget.Lease helpers = context.work().lease(context.threads() - 1)) {
      CompletionService<StepUri> completion =
          new ExecutorCompletionService<>(
              new BoundedExecutor(context.workers(), 1 + helpers.count()));
      Map<Future<StepUri>, StepUri> running = new HashMap<>();
      try {
        for (PlannedStep step : plan) {
          if (pending.containsKey(step.uri()) && waitingOn.get(step.uri()) == 0) {
            running.put(
                completion.submit(
                    task(step, tables, snapshots, tableData, builds, outcomes, timings)),
                step.uri());
          }
        }
        while (!running.isEmpty()) {
          Future<StepUri> finished = completion.take();
          StepUri uri = running.remove(finished);
          boolean ok;
          try {
            finished.get();
            ok = true;
            done.add(uri);
          } catch (ExecutionException e) {
            ok = false;
            failed.put(uri, RunReport.failure(e.getCause()));
            log.warn(uri + " failed: " + RunReport.failure(e.getCause()));
            if (!(e.getCause() instanceof AlcoveException)
                && !(e.getCause() instanceof UncheckedIOException)) {
              log.debug(uri + ": " + e.getCause());
            }
            skipDownstream(graph, uri, pending, skipped);
          }
          if (ok) {
            for (StepUri next : graph.dependents(uri)) {
              if (pending.containsKey(next) && !skipped.containsKey(next)) {
                int remaining = waitingOn.merge(next, -1, Integer::sum);
                if (remaining == 0) {
                  running.put(
                      completion.submit(
                          task(
                              pending.get(next),
                              tables,
                              snapshots,
                              tableData,
                              builds,
                              outcomes,
                              timings)),
                      next);
                }
              }
            }
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while running steps", e);
      } finally {
        running.keySet().forEach(step -> step.cancel(true));
      }
    }
    return new RunReport(plan, done, outcomes, failed, skipped, timings, Set.of(), Map.of());
  }

  /**
   * Whether the run leaves a step's data here ({@link Download}): a table the selection selects, or
   * a snapshot it names (with every step selected, snapshots are only inputs).
   */
  private java.util.function.Predicate<StepUri> keepHere(Set<StepUri> selected) {
    Set<StepUri> lookUp = new java.util.HashSet<>(selected);
    return uri ->
        options
            .download()
            .keepsHere(lookUp.contains(uri) && (uri.isTable() || !options.selection().isAll()));
  }

  /**
   * For a table to be built, the inputs it reads that are only in the store, which it fetches
   * first, with their sizes where known; nothing for a table that may still turn out unchanged or
   * cached.
   */
  private String fetches(
      PlannedStep step,
      Set<StepUri> inStore,
      StepGraph graph,
      RestoreSnapshot snapshots,
      TableData tableData) {
    if (step.action() != Action.BUILD) {
      return "";
    }
    List<String> fetched = new ArrayList<>();
    for (StepUri dep : graph.dependencies(step.uri())) {
      Optional<dev.alcove.core.tabledata.TablesInStore.Stored> table =
          dep.isTable() ? tableData.inStore(dep) : Optional.empty();
      if (!inStore.contains(dep) && table.isEmpty()) {
        continue;
      }
      OptionalLong size =
          table.isPresent() ? OptionalLong.of(table.get().bytes()) : snapshotSize(dep, snapshots);
      fetched.add(
          dep + (size.isPresent() ? " (" + ProgressReporter.human(size.getAsLong()) + ")" : ""));
    }
    if (fetched.isEmpty()) {
      return "";
    }
    return (step.awaitsUpstream() ? ", which, if built here, fetches " : ", which fetches ")
        + String.join(", ", fetched)
        + " from the store first";
  }

  /**
   * A snapshot's size in the store, asked of it in a dry run only, unless it is a folder of many
   * objects; a run says sizes as it fetches.
   */
  private OptionalLong snapshotSize(StepUri snapshot, RestoreSnapshot snapshots) {
    if (!options.dryRun()) {
      return OptionalLong.empty();
    }
    try {
      List<dev.alcove.core.checksum.Checksum> objects = snapshots.metadata(snapshot).objects();
      if (objects.size() > 64) {
        return OptionalLong.empty();
      }
      long total = 0;
      for (dev.alcove.core.checksum.Checksum object : objects) {
        OptionalLong size = context.depot().size(object);
        if (size.isEmpty()) {
          return OptionalLong.empty();
        }
        total += size.getAsLong();
      }
      return OptionalLong.of(total);
    } catch (RuntimeException e) {
      // A plan does not fail for want of a size.
      return OptionalLong.empty();
    }
  }

  /**
   * In {@link Download#MINIMAL}, a table built here only as an input of the selection is removed
   * here once it is in the store: what nothing asked for does not stay on this machine.
   */
  private void leaveBuiltInputsInStore(
      RunReport report, Set<StepUri> selected, TableData tableData) {
    for (StepUri uri : report.tables(TableRun.Outcome.BUILT)) {
      if (!selected.contains(uri) && report.pushed().contains(uri)) {
        tableData.moveToStore(uri);
      }
    }
  }

  /** {@code 2 snapshots and 1 table}: a set of steps counted by kind. */
  private static String countByKind(Set<StepUri> steps) {
    long tables = steps.stream().filter(StepUri::isTable).count();
    long snapshots = steps.size() - tables;
    List<String> parts = new ArrayList<>();
    if (snapshots > 0) {
      parts.add(snapshots + (snapshots == 1 ? " snapshot" : " snapshots"));
    }
    if (tables > 0) {
      parts.add(tables + (tables == 1 ? " table" : " tables"));
    }
    return String.join(" and ", parts);
  }

  /** What the run left in the store, and what it had to fetch after all. */
  private void summarizeDownloads(Set<StepUri> inStore, InputsOnDemand onDemand) {
    Set<StepUri> fetched = onDemand.fetched();
    Set<StepUri> left = new java.util.TreeSet<>(inStore);
    left.removeAll(fetched);
    List<String> parts = new ArrayList<>();
    if (!left.isEmpty()) {
      parts.add("left in the store: " + countByKind(left));
    }
    if (!fetched.isEmpty()) {
      parts.add("fetched from the store for the tables built here: " + countByKind(fetched));
    }
    if (!parts.isEmpty()) {
      log.info(String.join("; ", parts));
    }
  }

  /** One line for the whole run: what a reader of a long log looks for last. */
  private void summarize(RunReport report) {
    List<String> parts = new ArrayList<>();
    int built = report.tables(TableRun.Outcome.BUILT).size();
    int cached = report.tables(TableRun.Outcome.FROM_CACHE).size();
    int unchanged = report.tables(TableRun.Outcome.UNCHANGED).size();
    if (built > 0) {
      parts.add(built + (built == 1 ? " table built" : " tables built"));
    }
    if (cached > 0) {
      parts.add(cached + " restored from the table cache");
    }
    int leftInStore = report.tables(TableRun.Outcome.LEFT_IN_STORE).size();
    if (leftInStore > 0) {
      parts.add(leftInStore + " restored from the table cache as metadata only, data in the store");
    }
    if (unchanged > 0) {
      parts.add(unchanged + " found unchanged");
    }
    if (!report.pushed().isEmpty()) {
      parts.add(report.pushed().size() + " pushed to the table cache");
    }
    long failedTables = report.failed().keySet().stream().filter(StepUri::isTable).count();
    long failedSnapshots = report.failed().size() - failedTables;
    long notRun = report.skipped().keySet().stream().filter(StepUri::isTable).count();
    if (failedTables > 0) {
      parts.add(failedTables + " failed");
    }
    if (notRun > 0) {
      parts.add(notRun + " not run because an input failed");
    }
    if (!parts.isEmpty()) {
      log.info("tables: " + String.join(", ", parts));
    }
    if (failedSnapshots > 0) {
      log.info("snapshots: " + failedSnapshots + " could not be restored");
    }
  }

  private java.util.concurrent.Callable<StepUri> task(
      PlannedStep step,
      Map<StepUri, TableStep> tables,
      RestoreSnapshot snapshots,
      TableData tableData,
      TableRun builds,
      Map<StepUri, TableRun.Outcome> outcomes,
      Map<StepUri, RunReport.Timing> timings) {
    return () -> {
      Instant started = Instant.now();
      long start = System.nanoTime();
      OptionalLong rows = OptionalLong.empty();
      Path data = null;
      try {
        if (step.action() == Action.RESTORE && step.uri().isTable()) {
          data = tableData.local(step.uri(), "this run");
        } else if (step.action() == Action.RESTORE) {
          SnapshotMetadata metadata = snapshots.metadata(step.uri());
          snapshots.restore(metadata, context.depot());
          data = snapshots.dataPath(metadata);
        } else {
          TableRun.Done done = builds.run(tables.get(step.uri()), step);
          outcomes.put(step.uri(), done.outcome());
          rows = done.rows();
          data = opened.layout().tableFile(step.uri());
        }
      } finally {
        // A failed step has a timing too, and no rows or bytes.
        OptionalLong bytes =
            data != null && Files.isRegularFile(data)
                ? OptionalLong.of(Files.size(data))
                : OptionalLong.empty();
        timings.put(
            step.uri(),
            new RunReport.Timing(started, (System.nanoTime() - start) / 1e9, rows, bytes));
      }
      return step.uri();
    };
  }

  /** Marks everything downstream of a failed step as not run; a queue, as chains can be long. */
  private void skipDownstream(
      StepGraph graph,
      StepUri failed,
      Map<StepUri, PlannedStep> pending,
      Map<StepUri, String> skipped) {
    java.util.ArrayDeque<StepUri> queue = new java.util.ArrayDeque<>(List.of(failed));
    while (!queue.isEmpty()) {
      for (StepUri next : graph.dependents(queue.pop())) {
        if (pending.containsKey(next) && !skipped.containsKey(next)) {
          skipped.put(next, "upstream " + failed + " failed");
          log.warn(next + " not run: upstream " + failed + " failed");
          queue.add(next);
        }
      }
    }
  }
}
