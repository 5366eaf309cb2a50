package dev.alcove.core.run;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.run.runner.Engines;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A table's cache key (docs/SPEC.md section 11): SHA-256 over a canonical text of everything that
 * decides its bytes, by content only. Two machines with the same inputs get the same key wherever
 * their alcoves live; any input that differs gives another key.
 */
final class TableKeys {

  /** The first line of every key's text; a new line here makes every old key a miss. */
  static final String FORMAT = "alcove table key 1";

  private final AlcoveLayout layout;
  private final FileDigester digester;
  private final Engines engines;
  private final RestoreSnapshot snapshots;

  TableKeys(
      AlcoveLayout layout, FileDigester digester, Engines engines, RestoreSnapshot snapshots) {
    this.layout = layout;
    this.digester = digester;
    this.engines = engines;
    this.snapshots = snapshots;
  }

  /** The same keys, with file checksums taken from {@code other}. */
  TableKeys with(FileDigester other) {
    return new TableKeys(layout, other, engines, snapshots);
  }

  String engine(TableStep step) {
    return step.runner.engine(engines);
  }

  /** The key of {@code step} with its inputs as they are now on disk. */
  Checksum key(TableStep step) {
    return key(step, inputData(step, this::readOutputChecksum));
  }

  Checksum key(TableStep step, Map<StepUri, Checksum> inputData) {
    return Sha256.ofString(text(step, inputData));
  }

  /** The text the key hashes, one line per part: readable, for the SPEC and for debugging. */
  String text(TableStep step, Map<StepUri, Checksum> inputData) {
    StringBuilder text = new StringBuilder(FORMAT).append('\n');
    text.append("table ").append(step.uri).append('\n');
    text.append("engine ").append(engine(step)).append('\n');
    text.append("definition ")
        .append(layout.relative(step.definition))
        .append(' ')
        .append(digester.checksum(step.definition).hex())
        .append('\n');
    text.append("config ")
        .append(step.hasConfig ? digester.checksum(step.configFile).hex() : "none")
        .append('\n');
    // Only tables with custom tests get these lines, so other tables keep their keys.
    for (java.nio.file.Path test : step.testFiles(layout)) {
      text.append("test ")
          .append(layout.relative(test))
          .append(' ')
          .append(Files.isRegularFile(test) ? digester.checksum(test).hex() : "none")
          .append('\n');
    }
    // Declared order: a program step gets its inputs as arguments in this order.
    step.inputs.forEach(
        (dep, variable) ->
            text.append("input ")
                .append(variable)
                .append(' ')
                .append(dep.isSnapshot() ? "snapshot" : "table")
                .append(' ')
                .append(inputData.get(dep).hex())
                .append('\n'));
    return text.toString();
  }

  /**
   * Each input's data checksum: a snapshot's from its sidecar (for a folder, its manifest's), a
   * table's Parquet checksum from its metadata, never the metadata file itself, which holds build
   * times that differ between machines.
   */
  Map<StepUri, Checksum> inputData(
      TableStep step, java.util.function.Function<StepUri, Checksum> tableOutput) {
    Map<StepUri, Checksum> data = new LinkedHashMap<>();
    for (StepUri dep : step.inputs.keySet()) {
      data.put(dep, dep.isSnapshot() ? snapshots.dataChecksum(dep) : tableOutput.apply(dep));
    }
    return data;
  }

  /** The Parquet checksum a built table's metadata records. */
  private Checksum readOutputChecksum(StepUri table) {
    try {
      return TableMetadata.read(layout.tableSidecar(table), table).checksum();
    } catch (NoSuchFileException e) {
      throw new AlcoveException("table " + table + " has not been built: its metadata is missing");
    }
  }
}
