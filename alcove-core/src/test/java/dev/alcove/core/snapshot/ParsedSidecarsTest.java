package dev.alcove.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.Alcove;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.init.InitAlcove;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A large folder's sidecar is kept parsed in build state, and that form is used only for the exact
 * sidecar bytes it came from, and only while its manifest hashes to the sidecar's checksum.
 */
class ParsedSidecarsTest {

  static final StepUri FOLDER = StepUri.parse("snapshot://many/2024-07-26");
  static final int FILES = ParsedSidecars.FROM_FILES;

  @TempDir Path root;
  @TempDir Path inputs;
  @TempDir Path storeDir;
  Path sidecar;
  Path kept;

  @BeforeEach
  void setUp() throws Exception {
    InitAlcove.init(Contexts.silent(), root);
    for (int i = 0; i < FILES; i++) {
      Path file = inputs.resolve("dir/d" + i % 7 + "/f" + i + ".csv");
      Files.createDirectories(file.getParent());
      Files.writeString(file, "id\n" + i + "\n");
    }
    LocalDirectoryStore store = new LocalDirectoryStore(storeDir, "local store");
    try (GoalContext context =
        Contexts.of(
            AlcoveLog.SILENT, 2, () -> new Depot(store, Optional.empty(), AlcoveLog.SILENT))) {
      new TakeSnapshot(context, Alcove.open(root)).snapshot(inputs.resolve("dir"), "many", false);
    }
    sidecar = root.resolve("data/snapshots/many/2024-07-26.meta.yaml");
    try (var files = Files.list(root.resolve("target/alcove").resolve(ParsedSidecars.FOLDER))) {
      kept = files.findFirst().orElseThrow();
    }
  }

  @Test
  void theSnapshotKeepsItsSidecarParsedAndARunReadsItBackTheSame() throws Exception {
    SnapshotMetadata parsed = SnapshotMetadata.read(sidecar, FOLDER);
    assertThat(parsedSidecars().read(FOLDER, Sha256.ofFile(sidecar))).contains(parsed);
    assertThat(metadata()).isEqualTo(parsed);
  }

  @Test
  void anEditedSidecarIsParsedAsItIsNow() throws Exception {
    Files.writeString(sidecar, Files.readString(sidecar) + "notes: collected by hand\n");
    assertThat(parsedSidecars().read(FOLDER, Sha256.ofFile(sidecar))).isEmpty();
    assertThat(metadata().toYaml()).contains("notes: collected by hand");
    // and the run keeps the new form for the next
    assertThat(parsedSidecars().read(FOLDER, Sha256.ofFile(sidecar))).contains(metadata());
  }

  @Test
  void aKeptManifestThatNoLongerHashesToTheSidecarsChecksumIsNotBelieved() throws Exception {
    String text = Files.readString(kept);
    Files.writeString(kept, text.replaceFirst("(f1\\.csv\\t)[0-9a-f]{64}", "$1" + "0".repeat(64)));
    assertThat(Files.readString(kept)).isNotEqualTo(text);
    assertThat(parsedSidecars().read(FOLDER, Sha256.ofFile(sidecar))).isEmpty();
    assertThat(metadata()).isEqualTo(SnapshotMetadata.read(sidecar, FOLDER));
  }

  @Test
  void rowsOutOfOrderOrDamagedAreNotBelieved() throws Exception {
    String text = Files.readString(kept);
    String[] lines = text.split("\n");
    String last = lines[lines.length - 1];
    Files.writeString(
        kept, text.replace(last + "\n", "").replaceFirst("\n(d0/)", "\n" + last + "\n$1"));
    assertThat(parsedSidecars().read(FOLDER, Sha256.ofFile(sidecar))).isEmpty();
    Files.writeString(kept, text.substring(0, text.length() / 2));
    assertThat(parsedSidecars().read(FOLDER, Sha256.ofFile(sidecar))).isEmpty();
    assertThat(metadata()).isEqualTo(SnapshotMetadata.read(sidecar, FOLDER));
  }

  @Test
  void theManifestIsCutFromTheTextWhereverItStands() {
    String text =
        "version: 1\nuri: x\nmanifest:\n  a.csv: 1\n\n  'b: c.csv': 2\nlicense: MIT\nnotes: |\n"
            + "  manifest:\n";
    assertThat(ParsedSidecars.withoutManifest(text))
        .contains("version: 1\nuri: x\nlicense: MIT\nnotes: |\n  manifest:\n");
    assertThat(ParsedSidecars.withoutManifest("version: 1\nmanifest: {a: 1}\n")).isEmpty();
  }

  private ParsedSidecars parsedSidecars() {
    return ParsedSidecars.in(root.resolve("target/alcove"));
  }

  /** The metadata a run reads, with summaries and kept sidecars loaded afresh. */
  private SnapshotMetadata metadata() {
    return new RestoreSnapshot(
            Contexts.silent(),
            Alcove.open(root).layout(),
            FileDigester.READ_EVERY_BYTE,
            SnapshotSummaries.load(root.resolve("target/alcove")))
        .metadata(FOLDER);
  }
}
