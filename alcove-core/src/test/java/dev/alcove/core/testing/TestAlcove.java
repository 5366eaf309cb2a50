package dev.alcove.core.testing;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.init.InitAlcove;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** An alcove in a temporary folder with a local store, and a log that keeps its lines. */
public final class TestAlcove {

  public final Path root;
  public final Path store;
  public final RecordingLog log = new RecordingLog();
  public final List<String> lines = log.lines;

  public TestAlcove(Path dir) {
    this(dir, dir.resolve("store"));
  }

  /** A second alcove on the store of another, as two projects share the default store. */
  public TestAlcove(Path dir, Path store) {
    this.root = dir.resolve("alcove");
    this.store = store;
    InitAlcove.init(Contexts.silent(), root);
  }

  public Alcove alcove() {
    return Alcove.open(root);
  }

  public Depot depot() {
    return new Depot(new LocalDirectoryStore(store, "local store"), Optional.empty(), log);
  }

  /** Snapshots {@code source} (a copy of it, so tests may change the original). */
  public StepUri snapshot(Path source, String dataset) {
    try (GoalContext context = context(2)) {
      StepUri uri = new TakeSnapshot(context, alcove()).snapshot(source, dataset, false).uri();
      PythonToolSchema.assertSnapshotSidecar(alcove().layout().snapshotSidecar(uri));
      PythonToolSchema.assertCatalogue(path("alcove.yaml"));
      return uri;
    }
  }

  public StepUri snapshotText(String dataset, String fileName, String text) {
    Path source =
        root.resolveSibling("inputs").resolve(dataset.replace('/', '_')).resolve(fileName);
    write(source, text);
    return snapshot(source, dataset);
  }

  /** Snapshots a folder of {@code files}, each path in it with its text, as {@code dataset}. */
  public StepUri snapshotFolder(String dataset, Map<String, String> files) {
    Path source = root.resolveSibling("inputs").resolve(dataset.replace('/', '_'));
    files.forEach((name, text) -> write(source.resolve(name), text));
    return snapshot(source, dataset);
  }

  /**
   * Adds a table step and writes its definition at {@code src/steps/tables/<dataset
   * path><extension>}.
   */
  public StepUri table(String uri, String extension, String definition, String... dependencies) {
    StepUri step = StepUri.parse(uri);
    write(root.resolve("src/steps/tables/" + step.datasetPath() + extension), definition);
    addStep(step, Stream.of(dependencies).map(StepUri::parse).toList());
    return step;
  }

  /** Adds a step to alcove.yaml as every writer does, under the alcove's lock. */
  public void addStep(StepUri step, List<StepUri> dependencies) {
    try (AlcoveEdit edit = alcove().edit(log)) {
      edit.addStep(new StepDeclaration(step, dependencies));
    }
    PythonToolSchema.assertCatalogue(path("alcove.yaml"));
  }

  public RunReport run(String select, boolean force, boolean dryRun, int threads) {
    return run(
        new RunOptions(
            dev.alcove.core.select.Selection.parse(
                select, null, dev.alcove.core.frontend.FrontEnd.NEUTRAL),
            force,
            dryRun),
        threads);
  }

  /** Every step, bringing here what {@code download} says. */
  public RunReport run(dev.alcove.core.run.Download download) {
    return run(
        new RunOptions(
            dev.alcove.core.select.Selection.ALL,
            false,
            false,
            dev.alcove.core.cache.CacheOptions.DEFAULT,
            download),
        2);
  }

  public RunReport run(RunOptions options, int threads) {
    lines.clear();
    log.debug.clear();
    log.warnings.clear();
    try (GoalContext context = context(threads)) {
      RunReport report = new RunEngine(context, alcove(), options).run();
      // Everything this run wrote must be readable by the Python tool too.
      for (StepUri built : report.done()) {
        if (built.isTable()) {
          PythonToolSchema.assertTableMetadata(alcove().layout().tableSidecar(built));
        }
      }
      return report;
    }
  }

  /** A goal's context on this alcove's log and store. */
  public GoalContext context(int threads) {
    return Contexts.of(log, threads, this::depot);
  }

  /** Where this alcove's tables are, fetched from its store. */
  public dev.alcove.core.tabledata.TableData tableData() {
    return new dev.alcove.core.tabledata.TableData(
        alcove().layout(),
        this::depot,
        dev.alcove.core.concurrent.ThreadBudget.of(2),
        dev.alcove.core.frontend.FrontEnd.NEUTRAL,
        log);
  }

  public RunReport run() {
    return run(null, false, false, 2);
  }

  public Path path(String relative) {
    return root.resolve(relative);
  }

  public static void write(Path file, String text) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
