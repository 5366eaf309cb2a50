package dev.alcove.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import dev.alcove.core.uri.StepUri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files a colleague's branch can hold that once broke alcove: each now gives one line naming the
 * file, or is handled, and destroys nothing.
 */
@Tag("reliability")
class HostileFilesTest {

  private static final String SIDECAR = "data/snapshots/codes/2024-07-26.meta.yaml";

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir);
    t.snapshotText("codes", "codes.csv", "code\nab\n");
  }

  @Test
  void anAliasBombInASidecarIsRefusedNotExpanded() throws Exception {
    StringBuilder bomb = new StringBuilder(Files.readString(t.path(SIDECAR)));
    bomb.append("a0: &a0 [x, x]\n");
    // 24 levels of two aliases each: within SnakeYAML's own limit of 50, 2^24 lists expanded.
    for (int i = 1; i < 25; i++) {
      bomb.append("a").append(i).append(": &a").append(i);
      bomb.append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
    }
    Files.writeString(t.path(SIDECAR), bomb);

    assertRunFailsNaming("aliases (*name) are not allowed");
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aSidecarThatIsALinkToAnEndlessDeviceIsRefused() throws Exception {
    Files.delete(t.path(SIDECAR));
    Files.createSymbolicLink(t.path(SIDECAR), Path.of("/dev/zero"));

    assertRunFailsNaming("not a regular file");
  }

  @Test
  void anExtensionThatWouldNameTheSidecarItselfIsRefused() throws Exception {
    String sidecar = Files.readString(t.path(SIDECAR));
    Files.writeString(t.path(SIDECAR), sidecar.replace("extension: .csv", "extension: .meta.yaml"));
    Files.delete(t.path("data/snapshots/codes/2024-07-26.csv"));
    String before = Files.readString(t.path(SIDECAR));

    assertRunFailsNaming("extension '.meta.yaml' must be one dot and a name");
    assertThat(t.path(SIDECAR)).hasContent(before);
  }

  @Test
  void aManifestEntryForASkippedFileIsRefusedNotRestoredForever() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("parts"));
    Files.writeString(folder.resolve("a.csv"), "n\n1\n");
    StepUri parts = t.snapshot(folder, "parts");
    Path sidecar = t.path("data/snapshots/parts/2024-07-26.meta.yaml");
    Files.writeString(
        sidecar,
        Files.readString(sidecar)
            .replace("manifest:\n", "manifest:\n  .DS_Store: " + "0".repeat(64) + "\n"));

    assertThatThrownBy(t::run)
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("parts/2024-07-26.meta.yaml:")
        .hasMessageContaining("'.DS_Store' is skipped when a folder is checksummed");
  }

  @Test
  void aSidecarErrorNamesItsLocationOnce() throws Exception {
    Files.writeString(t.path(SIDECAR), "version: 1\nchecksum: " + "0".repeat(64) + "\n");

    String message = assertThrows(t::run);
    assertThat(message).contains(SIDECAR + ":1: 'uri' is missing");
    assertThat(message.indexOf(".meta.yaml:")).isEqualTo(message.lastIndexOf(".meta.yaml:"));
  }

  @Test
  void namesThatAreNotUtf8AreRefusedRatherThanMerged() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("latin1"));
    // As unzip leaves a Latin-1 archive: two names that differ only in bytes the JVM cannot show.
    Process shell =
        new ProcessBuilder(
                "sh",
                "-c",
                "printf a > \"$(printf 'r\\351sum\\351.csv')\"; printf b > \"$(printf 'r\\350sum\\350.csv')\"")
            .directory(folder.toFile())
            .start();
    assertThat(shell.waitFor()).isZero();
    try (var names = Files.list(folder)) {
      assertThat(names.count()).isEqualTo(2);
    }
    Map<String, String> before = TreeState.of(t.root);

    assertThatThrownBy(() -> t.snapshot(folder, "latin1"))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("is not valid UTF-8 text: rename the file");
    assertThat(TreeState.of(t.root)).isEqualTo(before);
  }

  @Test
  void aLatin1ByteInDataGitignoreIsKeptAndTheSnapshotLands() throws Exception {
    Path ignore = t.path("data/.gitignore");
    byte[] latin1 = "snapshots/caf\u00e9.csv\n".getBytes(StandardCharsets.ISO_8859_1);
    Files.write(ignore, latin1, java.nio.file.StandardOpenOption.APPEND);
    StepUri more = t.snapshotText("more", "more.csv", "n\n1\n");

    byte[] after = Files.readAllBytes(ignore);
    assertThat(new String(after, StandardCharsets.ISO_8859_1))
        .contains("snapshots/caf\u00e9.csv\n", "snapshots/more/2024-07-26.csv");
    assertThat(t.alcove().catalogue().contains(more)).isTrue();
  }

  @Test
  void tableMetadataWithAYamlInfinityIsRebuiltNotFatal() throws Exception {
    t.table(
        "table://summary/latest",
        ".sql",
        "SELECT count(*) AS dim_n FROM '{codes}'",
        "snapshot://codes/latest");
    assertThat(t.run().succeeded()).isTrue();
    Path metadata = t.path("data/tables/summary/latest.meta.yaml");
    Files.writeString(
        metadata,
        Files.readString(metadata).replaceAll("duration_seconds: .*", "duration_seconds: .inf"));
    assertThat(t.run().succeeded()).isTrue();
    Files.writeString(
        metadata,
        Files.readString(metadata).replaceAll("duration_seconds: .*", "duration_seconds: soon"));

    RunReport report = t.run();
    assertThat(report.succeeded()).isTrue();
    assertThat(t.lines).anyMatch(line -> line.contains("(output metadata unreadable"));
  }

  @Test
  void aFailureAtTheHeadOfALongChainStopsItWithoutOverflowingTheStack() throws Exception {
    t.table("table://c0/latest", ".sql", "SELECT nonsense");
    for (int i = 1; i < 3000; i++) {
      t.path("src/steps/tables").toFile().mkdirs();
    }
    List<String> catalogue = new ArrayList<>(Files.readAllLines(t.path("alcove.yaml")));
    for (int i = 1; i < 3000; i++) {
      catalogue.add("  table://c" + i + "/latest:");
      catalogue.add("  - table://c" + (i - 1) + "/latest");
      Files.writeString(t.path("src/steps/tables/c" + i + ".sql"), "SELECT 1 AS dim_x");
    }
    Files.write(t.path("alcove.yaml"), catalogue);

    RunReport report = t.run();
    assertThat(report.failed()).containsOnlyKeys(StepUri.parse("table://c0/latest"));
    assertThat(report.skipped()).hasSize(2999);
  }

  @Test
  void aSidecarLargerThanAlcoveReadsIsNeverWritten() {
    Map<String, Checksum> files = new TreeMap<>();
    String folder = "d".repeat(250) + "/" + "e".repeat(250) + "/" + "f".repeat(250) + "/";
    for (int i = 0; i < 16_500; i++) {
      files.put(folder + "g".repeat(250) + "/file-" + i + ".csv", Checksum.of("a".repeat(64)));
    }
    SnapshotMetadata huge =
        SnapshotMetadata.ofDirectory(
            StepUri.parse("snapshot://huge/2024-07-26"), DirectoryManifest.of(files));

    assertThatThrownBy(huge::requireReadableSize)
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining(
            "more than the 16 MiB a metadata file may hold: it lists 16500 files");
  }

  private void assertRunFailsNaming(String problem) {
    assertThat(assertThrows(t::run)).contains(SIDECAR, problem).doesNotContain("\n");
  }

  private static String assertThrows(Runnable attempt) {
    try {
      attempt.run();
    } catch (AlcoveException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a one-line AlcoveException");
  }
}
