package dev.alcove.core.metadata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A summarised table sidecar is not parsed again; anything else is, as before. */
class TableSummariesTest {

  static final StepUri TABLE = StepUri.parse("table://sales/summary/2024-07-26");
  static final StepUri OTHER = StepUri.parse("table://sales/other/2024-07-26");
  static final Checksum DATA = Checksum.of("a".repeat(64));
  static final Checksum INPUT = Checksum.of("b".repeat(64));

  @TempDir Path buildDir;
  @TempDir Path tables;

  @Test
  void aSummarisedSidecarIsNotParsedAgain() throws Exception {
    Path sidecar = write(TABLE, "summary", Map.of("src/steps/tables/sales/summary.sql", INPUT));
    assertThat(readAndSave(sidecar, TABLE).orElseThrow().checksum()).isEqualTo(DATA);
    Path tsv = buildDir.resolve(TableSummaries.FILE_NAME);
    assertThat(Files.readAllLines(tsv)).hasSize(2);

    // A summary naming other data for the same sidecar bytes is believed: proof that the sidecar,
    // which names the real data, was not parsed.
    String other = "c".repeat(64);
    Files.writeString(tsv, Files.readString(tsv).replace(DATA.hex(), other));
    TableSummaries.Summary summary = readAndSave(sidecar, TABLE).orElseThrow();
    assertThat(summary.checksum().hex()).isEqualTo(other);
    assertThat(summary.inputManifest())
        .containsExactly(Map.entry("src/steps/tables/sales/summary.sql", INPUT));
  }

  @Test
  void anEditedSidecarIsParsedAgainAndItsSummaryReplacesTheOldOne() throws Exception {
    Path sidecar = write(TABLE, "summary", Map.of());
    readAndSave(sidecar, TABLE);
    readAndSave(write(OTHER, "other", Map.of()), OTHER);
    String edited = Files.readString(sidecar).replace(DATA.hex(), "d".repeat(64));
    Files.writeString(sidecar, edited);
    assertThat(readAndSave(sidecar, TABLE).orElseThrow().checksum().hex())
        .isEqualTo("d".repeat(64));
    // A table's sidecar changes with each build: only its latest summary is kept.
    List<String> rows = Files.readAllLines(buildDir.resolve(TableSummaries.FILE_NAME));
    assertThat(rows).hasSize(3);
    assertThat(rows).anyMatch(row -> row.contains(TABLE + "\t" + "d".repeat(64)));
    assertThat(rows).anyMatch(row -> row.contains(OTHER.toString()));
    assertThat(rows).noneMatch(row -> row.contains(TABLE + "\t" + DATA.hex()));
  }

  @Test
  void theSameBytesInAnotherPlaceAreRefusedAsWithoutSummaries() throws Exception {
    Path sidecar = write(TABLE, "summary", Map.of());
    readAndSave(sidecar, TABLE);
    Path copy = tables.resolve("other.meta.yaml");
    Files.copy(sidecar, copy);
    assertThatThrownBy(() -> readAndSave(copy, OTHER))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("does not match the file's location");
  }

  @Test
  void aMissingSidecarIsNoneAndABrokenOneFailsWithoutBeingSummarised() throws Exception {
    assertThat(readAndSave(tables.resolve("missing.meta.yaml"), TABLE)).isEmpty();
    Path broken = tables.resolve("broken.meta.yaml");
    Files.writeString(broken, "version: 1\nuri: " + TABLE + "\nchecksum: nope\n");
    assertThatThrownBy(() -> readAndSave(broken, TABLE))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("is not a SHA-256 checksum");
    assertThat(buildDir.resolve(TableSummaries.FILE_NAME)).doesNotExist();
  }

  @Test
  void inputPathsARowCannotHoldAreParsedEachTime() throws Exception {
    Path sidecar = write(TABLE, "summary", Map.of("src/steps/tables/sales/with space.sql", INPUT));
    assertThat(readAndSave(sidecar, TABLE).orElseThrow().inputManifest())
        .containsOnlyKeys("src/steps/tables/sales/with space.sql");
    assertThat(buildDir.resolve(TableSummaries.FILE_NAME)).doesNotExist();
    assertThat(readAndSave(sidecar, TABLE).orElseThrow().inputManifest())
        .containsOnlyKeys("src/steps/tables/sales/with space.sql");
  }

  @Test
  void anUnreadableSummaryFileIsIgnored() throws Exception {
    Path sidecar = write(TABLE, "summary", Map.of());
    Files.writeString(
        buildDir.resolve(TableSummaries.FILE_NAME), "not\ta\tsummary\tfile\n\u0000\n");
    assertThat(readAndSave(sidecar, TABLE).orElseThrow().checksum()).isEqualTo(DATA);
    Files.writeString(
        buildDir.resolve(TableSummaries.FILE_NAME),
        "# header\n" + "e".repeat(64) + "\t" + TABLE + "\t" + DATA.hex() + "\tonly-a-path\n");
    assertThat(readAndSave(sidecar, TABLE).orElseThrow().checksum()).isEqualTo(DATA);
  }

  @Test
  void aSidecarThatIsNotThereIsNoSummaryButALinkToNothingIsRefused() throws Exception {
    // Not there, its folder not there either (a table never built), or its folder a file.
    assertThat(readAndSave(tables.resolve("summary.meta.yaml"), TABLE)).isEmpty();
    assertThat(readAndSave(tables.resolve("sales/summary/2024-07-26.meta.yaml"), TABLE)).isEmpty();
    Path file = Files.writeString(tables.resolve("file"), "x");
    assertThat(readAndSave(file.resolve("2024-07-26.meta.yaml"), TABLE)).isEmpty();

    Path dangling =
        Files.createSymbolicLink(tables.resolve("link.meta.yaml"), tables.resolve("gone"));
    assertThatThrownBy(() -> readAndSave(dangling, TABLE))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("link.meta.yaml: not a regular file");
    Path folder = Files.createDirectories(tables.resolve("folder.meta.yaml"));
    assertThatThrownBy(() -> readAndSave(folder, TABLE))
        .hasMessageContaining("folder.meta.yaml: not a regular file");
    assertThat(buildDir.resolve(TableSummaries.FILE_NAME)).doesNotExist();
  }

  /** Reads with summaries loaded afresh, as a new run would, and saves them. */
  private Optional<TableSummaries.Summary> readAndSave(Path sidecar, StepUri uri) {
    TableSummaries summaries = TableSummaries.load(buildDir);
    Optional<TableSummaries.Summary> summary =
        summaries.read(sidecar, uri, FileDigester.READ_EVERY_BYTE);
    summaries.save();
    return summary;
  }

  private Path write(StepUri uri, String name, Map<String, Checksum> inputs) {
    Path sidecar = tables.resolve(name + ".meta.yaml");
    new TableMetadata(
            uri,
            DATA,
            inputs,
            Map.of("n", "BIGINT"),
            new TableMetadata.Execution("2024-07-26T00:00:00Z", "2024-07-26T00:00:01Z", 1, "ok"),
            new DescriptiveFields(Map.of()),
            Map.of())
        .write(sidecar);
    return sidecar;
  }
}
