package dev.alcove.core.run;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.duckdb.ParquetInspector;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.NoLinks;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.DescriptiveFields;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.run.runner.StepContext;
import dev.alcove.core.run.runner.StepFailedException;
import dev.alcove.core.run.runner.StepInput;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.store.ProgressReporter;
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
  private final AlcoveLog log;

  TableBuild(
      AlcoveLayout layout,
      RestoreSnapshot snapshots,
      FileDigester digester,
      BuildManifest manifest,
      AlcoveLog log) {
    this.layout = layout;
    this.snapshots = snapshots;
    this.digester = digester;
    this.manifest = manifest;
    this.log = log;
  }

  void build(TableStep step, String reason) {
    StepUri uri = step.uri;
    Path target = layout.tableFile(uri);
    Path output =
        target.resolveSibling(
            "."
                + uri.version()
                + ".tmp-"
                + UUID.randomUUID().toString().substring(0, 8)
                + ".parquet");
    Instant start = Instant.now();
    log.info("building " + uri + " (" + reason + ") from " + layout.relative(step.definition));
    try {
      NoLinks.requireBelow(layout.dataDir(), target);
      Files.createDirectories(target.getParent());
      List<StepInput> inputs = new ArrayList<>();
      step.inputs.forEach(
          (dep, variable) -> inputs.add(new StepInput(dep, variable, dataPath(dep))));
      step.runner.run(new StepContext(uri, step.definition, layout.root(), inputs, output, log));
      if (!Files.isRegularFile(output) || Files.size(output) == 0) {
        throw new StepFailedException(
            layout.relative(step.definition)
                + " wrote no output: it must write a Parquet file to the path given as its last argument");
      }
      Map<String, String> schema;
      long rows;
      try (ParquetInspector inspector = new ParquetInspector()) {
        try {
          schema = inspector.schema(output);
        } catch (SQLException e) {
          throw new StepFailedException(
              layout.relative(step.definition)
                  + " wrote a file that is not valid Parquet: "
                  + DuckDb.message(e));
        }
        List<String> problems = inspector.problems(output, schema, step.config);
        if (!problems.isEmpty()) {
          throw new StepFailedException(
              "table "
                  + uri
                  + " fails its config "
                  + layout.relative(step.configFile)
                  + ": "
                  + String.join("; ", problems));
        }
        rows = inspector.rowCount(output);
      } catch (SQLException e) {
        throw new StepFailedException(
            "cannot inspect the output of " + uri + ": " + DuckDb.message(e));
      }
      Checksum checksum = Sha256.ofFile(output);
      Map<String, Checksum> inputManifest = step.inputManifest(layout, digester);
      Instant end = Instant.now();
      TableMetadata metadata =
          new TableMetadata(
              uri,
              checksum,
              inputManifest,
              schema,
              new TableMetadata.Execution(
                  start.truncatedTo(ChronoUnit.MILLIS).toString(),
                  end.truncatedTo(ChronoUnit.MILLIS).toString(),
                  Math.round(Duration.between(start, end).toMillis()) / 1000.0,
                  "success"),
              descriptive(step),
              Map.of());
      long bytes = Files.size(output);
      AtomicFiles.moveIntoPlace(output, target);
      metadata.write(layout.tableSidecar(uri));
      manifest.put(uri, new BuildManifest.Entry(step.key(inputManifest), checksum));
      log.info(
          String.format(
              Locale.ROOT,
              "built %s: %d rows, %d columns, %s in %.1f s -> %s",
              uri,
              rows,
              schema.size(),
              ProgressReporter.human(bytes),
              Duration.between(start, end).toMillis() / 1000.0,
              layout.relative(target)));
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot write the output of " + uri, e);
    } finally {
      AtomicFiles.deleteQuietly(output);
      // A failed first build must not leave its empty folder behind.
      Folders.deleteEmptyFolders(target.getParent(), layout.dataDir());
    }
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
                    step.inputs.keySet().stream()
                        .filter(
                            d -> d.equals(source) || (source.isLatest() && d.sameDataset(source)))
                        .findFirst()
                        .orElse(source);
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
