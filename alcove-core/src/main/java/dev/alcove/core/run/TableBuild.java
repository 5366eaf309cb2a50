package dev.alcove.core.run;

import dev.alcove.core.Versions;
import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.cache.TableCache;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.duckdb.ParquetInspector;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.NoLinks;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.BuildManifest;
import dev.alcove.core.metadata.DescriptiveFields;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.TableHistory;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.quality.TableChecks;
import dev.alcove.core.quality.TestFailure;
import dev.alcove.core.run.runner.StepContext;
import dev.alcove.core.run.runner.StepFailedException;
import dev.alcove.core.run.runner.StepInput;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.tabledata.TablesInStore;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Builds one table: runs its definition into a temporary Parquet file, checks the file against the
 * table's config, and only then moves it into place and writes its metadata. A failure at any point
 * leaves the previous output and metadata as they were.
 */
final class TableBuild {

  private final AlcoveLayout layout;
  private final RestoreSnapshot snapshots;
  private final FileDigester digester;
  private final BuildManifest manifest;
  private final TableData tableData;
  private final SparkBuild spark;
  private final AlcoveLog log;

  /** What each table built replaced, and how it differs from it. */
  private final Map<StepUri, String> deltas = new java.util.concurrent.ConcurrentHashMap<>();

  TableBuild(
      AlcoveLayout layout,
      RestoreSnapshot snapshots,
      FileDigester digester,
      BuildManifest manifest,
      TableData tableData,
      SparkBuild spark,
      AlcoveLog log) {
    this.tableData = tableData;
    this.spark = spark;
    this.layout = layout;
    this.snapshots = snapshots;
    this.digester = digester;
    this.manifest = manifest;
    this.log = log;
  }

  /**
   * Builds the table and installs its output; returns the cache entry that describes it, for {@code
   * key}.
   */
  CacheEntry build(TableStep step, String reason, Checksum key, String engine) {
    if (step.runner.onSpark()) {
      return buildOnSpark(step, reason, key, engine);
    }
    StepUri uri = step.uri;
    Path output = temporaryOutput(uri);
    Instant start = Instant.now();
    log.info("building " + uri + " (" + reason + ") from " + layout.relative(step.definition));
    try {
      prepareFolder(uri);
      List<StepInput> inputs = new ArrayList<>();
      step.inputs.forEach(
          (dep, variable) -> inputs.add(new StepInput(dep, variable, dataPath(dep))));
      step.runner.run(
          new StepContext(
              uri, step.definition, layout.root(), inputs, output, engine, layout.buildDir(), log));
      if (!Files.isRegularFile(output) || Files.size(output) == 0) {
        throw new StepFailedException(
            layout.relative(step.definition)
                + " wrote no output: it must write a Parquet file to the path given as its last argument");
      }
      Inspected inspected = inspect(step, output, Optional.empty());
      Optional<String> delta = deltaAgainstOutputHere(uri, inspected.rows(), inspected.schema());
      Instant end = Instant.now();
      CacheEntry built =
          new CacheEntry(
              key,
              uri,
              inspected.checksum,
              inspected.bytes,
              inspected.rows,
              inspected.schema,
              start.truncatedTo(ChronoUnit.MILLIS).toString(),
              end.truncatedTo(ChronoUnit.MILLIS).toString(),
              Math.round(Duration.between(start, end).toMillis()) / 1000.0,
              "alcove " + Versions.alcove());
      install(step, output, built, engine);
      log.info(
          String.format(
              Locale.ROOT,
              "built %s: %d rows, %d columns, %s in %.1f s -> %s%s",
              uri,
              inspected.rows,
              inspected.schema.size(),
              ProgressReporter.human(inspected.bytes),
              built.seconds(),
              layout.relative(layout.tableFile(uri)),
              delta.map(d -> " (" + d + ")").orElse("")));
      return built;
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot write the output of " + uri, e);
    } finally {
      cleanUp(uri, output);
    }
  }

  /**
   * Builds the table on Spark: the cluster writes it into the store and tests it there; here only
   * its metadata is written, and its data is recorded as in the store (the run fetches it when it
   * keeps the table here). A table that fails its config leaves the metadata as it was.
   */
  private CacheEntry buildOnSpark(TableStep step, String reason, Checksum key, String engine) {
    StepUri uri = step.uri;
    Instant start = Instant.now();
    log.info(
        "building " + uri + " (" + reason + ") on Spark from " + layout.relative(step.definition));
    SparkBuild.Built built = spark.build(step);
    List<TestFailure> errors = built.failures().stream().filter(TestFailure::isError).toList();
    if (!errors.isEmpty()) {
      throw new StepFailedException(
          "its output fails its config "
              + layout.relative(step.configFile)
              + ": "
              + TableChecks.describe(errors));
    }
    built.failures().forEach(warning -> log.warn(uri + ": data test warning: " + warning));
    Optional<String> delta = deltaAgainstOutputHere(uri, built.rows(), built.schema());
    Instant end = Instant.now();
    CacheEntry entry =
        new CacheEntry(
            key,
            uri,
            built.output(),
            built.bytes(),
            built.rows(),
            built.schema(),
            start.truncatedTo(ChronoUnit.MILLIS).toString(),
            end.truncatedTo(ChronoUnit.MILLIS).toString(),
            Math.round(Duration.between(start, end).toMillis()) / 1000.0,
            "alcove " + Versions.alcove());
    recordInStore(step, entry, engine);
    log.info(
        String.format(
            Locale.ROOT,
            "built %s on Spark: %d rows, %d columns, %s in %.1f s, in the store%s",
            uri,
            built.rows(),
            built.schema().size(),
            ProgressReporter.human(built.bytes()),
            entry.seconds(),
            delta.map(d -> " (" + d + ")").orElse("")));
    return entry;
  }

  /**
   * Installs the table from the cache: fetches the entry's object (verified against its checksum)
   * and checks it as a built output is checked, against the entry and the table's config; a table
   * that fails is left as it was and the error says why.
   */
  void restore(TableStep step, CacheEntry entry, String engine, TableCache cache) {
    StepUri uri = step.uri;
    Path output = temporaryOutput(uri);
    try {
      prepareFolder(uri);
      cache.fetch(
          entry,
          output,
          new ProgressReporter(log, "restoring " + uri + " from the table cache:", entry.bytes()));
      Inspected inspected = inspect(step, output, Optional.of(entry));
      if (inspected.rows != entry.rows()) {
        throw refused(entry, "it says " + entry.rows() + " rows, the file holds " + inspected.rows);
      }
      install(step, output, entry, engine);
      log.info(
          String.format(
              Locale.ROOT,
              "restored %s from the table cache (built %s by %s): %d rows, %s -> %s",
              uri,
              entry.builtOn(),
              entry.builtBy(),
              entry.rows(),
              ProgressReporter.human(entry.bytes()),
              layout.relative(layout.tableFile(uri))));
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot write the output of " + uri, e);
    } finally {
      cleanUp(uri, output);
    }
  }

  /**
   * Restores the table's metadata from the cache entry and leaves its data in the store, where the
   * entry's object is: a reader fetches it when it needs it. The object is checked then, against
   * the checksum the metadata names.
   */
  void leaveInStore(TableStep step, CacheEntry entry, String engine) {
    recordInStore(step, entry, engine);
    log.info(
        String.format(
            Locale.ROOT,
            "restored the metadata of %s from the table cache (built %s by %s): %d rows, %s left in"
                + " the store",
            step.uri,
            entry.builtOn(),
            entry.builtBy(),
            entry.rows(),
            ProgressReporter.human(entry.bytes())));
  }

  /** Writes the table's metadata for {@code entry}, whose object is in the store and not here. */
  private void recordInStore(TableStep step, CacheEntry entry, String engine) {
    StepUri uri = step.uri;
    NoLinks.requireBelow(layout.dataDir(), layout.tableFile(uri));
    // A run killed before it saves the record finds the table missing (the metadata names an
    // object no record says is in the store) and restores it again.
    tableData.leftInStore(uri, new TablesInStore.Stored(entry.output(), entry.bytes()));
    try {
      // A file of an older build here would be taken for the table's data.
      Files.deleteIfExists(layout.tableFile(uri));
      Files.createDirectories(layout.tableSidecar(uri).getParent());
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot write the metadata of " + uri, e);
    }
    metadataOf(step, entry).write(layout.tableSidecar(uri));
    manifest.put(uri, new BuildManifest.Entry(entry.key(), entry.output(), engine));
    recordInHistory(uri, entry);
  }

  /**
   * Rewrites the table's metadata with its inputs' current sidecars and descriptive fields, its
   * data being current: what an upstream rebuilt into the same bytes, or a sidecar edited by hand,
   * asks. A file that would not change is not written.
   */
  void refreshMetadata(TableStep step, Checksum key, String engine) {
    StepUri uri = step.uri;
    TableMetadata old;
    try {
      old = TableMetadata.read(layout.tableSidecar(uri), uri);
    } catch (NoSuchFileException e) {
      throw new AlcoveException("the metadata of " + uri + " disappeared during the run");
    }
    TableMetadata fresh =
        new TableMetadata(
            uri,
            old.checksum(),
            step.inputManifest(layout, digester),
            old.schema(),
            old.execution(),
            descriptive(step),
            old.extra());
    if (!fresh.toYaml().equals(old.toYaml())) {
      fresh.write(layout.tableSidecar(uri));
    }
    manifest.put(uri, new BuildManifest.Entry(key, old.checksum(), engine));
  }

  /** What each table built in this run changed against the output it replaced, if any. */
  Map<StepUri, String> deltas() {
    return Map.copyOf(deltas);
  }

  /**
   * How a new output differs from the one it replaces here ({@code rows 248 -> 251, +1 column}):
   * the old one's schema from its metadata, its rows from its footer; nothing for a table new here
   * or whose output here is not the one its metadata names.
   */
  private Optional<String> deltaAgainstOutputHere(
      StepUri uri, long rows, Map<String, String> schema) {
    Path old = layout.tableFile(uri);
    Optional<String> delta;
    try {
      Optional<TableMetadata> metadata = TableMetadata.readIfExists(layout.tableSidecar(uri), uri);
      if (metadata.isEmpty()
          || !Files.isRegularFile(old)
          || !digester.checksum(old).equals(metadata.get().checksum())) {
        return Optional.empty();
      }
      long before;
      try (ParquetInspector inspector = new ParquetInspector()) {
        before = inspector.rowCount(old);
      }
      delta = Optional.of(TableDelta.describe(before, metadata.get().schema(), rows, schema));
    } catch (SQLException | AlcoveException e) {
      return Optional.empty();
    }
    delta.ifPresent(d -> deltas.put(uri, d));
    return delta;
  }

  Path outputOf(TableStep step) {
    return layout.tableFile(step.uri);
  }

  /**
   * Whether the table's Parquet file and its metadata, as they are now, both hold {@code output}.
   */
  boolean outputIs(StepUri uri, Checksum output) {
    Path file = layout.tableFile(uri);
    if (!Files.isRegularFile(file)) {
      return tableData.inStore(uri).map(stored -> stored.output().equals(output)).orElse(false);
    }
    try {
      return TableMetadata.readIfExists(layout.tableSidecar(uri), uri)
              .map(metadata -> metadata.checksum().equals(output))
              .orElse(false)
          && digester.checksum(file).equals(output);
    } catch (AlcoveException e) {
      return false;
    }
  }

  private Path temporaryOutput(StepUri uri) {
    return layout
        .tableFile(uri)
        .resolveSibling(
            "."
                + uri.version()
                + ".tmp-"
                + UUID.randomUUID().toString().substring(0, 8)
                + ".parquet");
  }

  private void prepareFolder(StepUri uri) throws IOException {
    Path target = layout.tableFile(uri);
    NoLinks.requireBelow(layout.dataDir(), target);
    Files.createDirectories(target.getParent());
  }

  private void cleanUp(StepUri uri, Path output) {
    AtomicFiles.deleteQuietly(output);
    // A failed first build must not leave its empty folder behind.
    Folders.deleteEmptyFolders(layout.tableFile(uri).getParent(), layout.dataDir());
  }

  private record Inspected(Checksum checksum, long bytes, long rows, Map<String, String> schema) {}

  /**
   * Reads the output's schema and row count and checks it against the table's config, and against
   * the cache entry it came from, if any.
   */
  private Inspected inspect(TableStep step, Path output, Optional<CacheEntry> entry)
      throws IOException {
    StepUri uri = step.uri;
    String source =
        entry.isPresent()
            ? "the cached file"
            : layout.relative(step.definition) + " wrote a file that";
    try (ParquetInspector inspector = new ParquetInspector()) {
      Map<String, String> schema;
      try {
        schema = inspector.schema(output);
      } catch (SQLException e) {
        if (entry.isPresent()) {
          throw refused(entry.get(), "the file is not valid Parquet: " + DuckDb.message(e));
        }
        throw new StepFailedException(source + " is not valid Parquet: " + DuckDb.message(e));
      }
      if (entry.isPresent() && !schema.equals(entry.get().schema())) {
        throw refused(entry.get(), "its schema " + schema + " is not the one it names");
      }
      List<TestFailure> failures =
          TableChecks.run(
              new dev.alcove.core.quality.DuckDbTests(inspector.connection(), output),
              schema,
              step.config,
              step.testInputs(dep -> Optional.of(dataPath(dep))),
              layout.root(),
              layout.testsDir());
      List<TestFailure> errors = failures.stream().filter(TestFailure::isError).toList();
      if (!errors.isEmpty()) {
        String failure =
            "fails its config "
                + layout.relative(step.configFile)
                + ": "
                + TableChecks.describe(errors);
        if (entry.isPresent()) {
          throw refused(entry.get(), "the table " + failure);
        }
        throw new StepFailedException("its output " + failure);
      }
      failures.forEach(warning -> log.warn(uri + ": data test warning: " + warning));
      return new Inspected(
          Sha256.ofFile(output), Files.size(output), inspector.rowCount(output), schema);
    } catch (SQLException e) {
      throw new StepFailedException(
          "cannot inspect the output of " + uri + ": " + DuckDb.message(e));
    }
  }

  private static AlcoveException refused(CacheEntry entry, String why) {
    return new AlcoveException(
        "the table cache's entry for " + entry.table() + " was refused: " + why);
  }

  /** Moves the checked output into place, then writes its metadata and records its key. */
  private void install(TableStep step, Path output, CacheEntry entry, String engine)
      throws IOException {
    StepUri uri = step.uri;
    TableMetadata metadata = metadataOf(step, entry);
    AtomicFiles.moveIntoPlace(output, layout.tableFile(uri));
    metadata.write(layout.tableSidecar(uri));
    tableData.madeLocal(uri);
    manifest.put(uri, new BuildManifest.Entry(entry.key(), entry.output(), engine));
    recordInHistory(uri, entry);
  }

  private void recordInHistory(StepUri uri, CacheEntry entry) {
    TableHistory.append(
        layout.buildDir(),
        new TableHistory.Build(
            uri, entry.finished(), entry.output(), entry.rows(), deltas.getOrDefault(uri, "")));
  }

  private TableMetadata metadataOf(TableStep step, CacheEntry entry) {
    return new TableMetadata(
        step.uri,
        entry.output(),
        step.inputManifest(layout, digester),
        entry.schema(),
        new TableMetadata.Execution(entry.started(), entry.finished(), entry.seconds(), "success"),
        descriptive(step),
        Map.of());
  }

  private Path dataPath(StepUri dep) {
    return dep.isSnapshot() ? snapshots.dataPath(snapshots.metadata(dep)) : layout.tableFile(dep);
  }

  /** Inherited fields (as configured, or all of a single dependency's), then overrides. */
  private DescriptiveFields descriptive(TableStep step) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (!step.config.inherit().isEmpty()) {
      step.config
          .inherit()
          .forEach(
              (source, names) -> {
                StepUri dep =
                    step.inputs.keySet().stream().filter(source::names).findFirst().orElse(source);
                DescriptiveFields from = descriptiveOf(dep);
                names.forEach(
                    name -> {
                      if (from.get(name) != null) {
                        fields.put(name, from.get(name));
                      }
                    });
              });
    } else if (step.inputs.size() == 1) {
      DescriptiveFields from = descriptiveOf(step.inputs.keySet().iterator().next());
      DescriptiveFields.INHERITED_BY_DEFAULT.forEach(
          name -> {
            if (from.get(name) != null) {
              fields.put(name, from.get(name));
            }
          });
    }
    return new DescriptiveFields(fields).overriddenBy(step.config.override());
  }

  private DescriptiveFields descriptiveOf(StepUri dep) {
    if (dep.isSnapshot()) {
      SnapshotMetadata metadata = snapshots.metadata(dep);
      return metadata.descriptive();
    }
    try {
      return TableMetadata.read(layout.tableSidecar(dep), dep).descriptive();
    } catch (NoSuchFileException e) {
      return DescriptiveFields.none();
    }
  }
}
