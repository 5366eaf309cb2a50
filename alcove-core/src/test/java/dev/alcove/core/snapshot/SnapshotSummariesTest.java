package dev.alcove.core.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.Alcove;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.init.InitAlcove;
import dev.alcove.core.log.AlcoveLog;
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

/** A summarised sidecar is not parsed again, and the data is still checked in full. */
class SnapshotSummariesTest {

  static final StepUri FOLDER = StepUri.parse("snapshot://folder/2024-07-26");
  static final StepUri FILE = StepUri.parse("snapshot://file/2024-07-26");

  @TempDir Path root;
  @TempDir Path inputs;
  @TempDir Path storeDir;
  Path buildDir;

  @BeforeEach
  void setUp() throws Exception {
    InitAlcove.init(Contexts.silent(), root);
    buildDir = root.resolve("target/alcove");
    write("dir/a.txt", "alpha");
    write("dir/sub/b.txt", "beta");
    snapshot(inputs.resolve("dir"), "folder");
    snapshot(write("one.csv", "x,y\n1,2\n"), "file");
  }

  @Test
  void theSummaryDecidesOnceTheSidecarIsUnchanged() throws Exception {
    assertThat(checkAndSave(FOLDER)).isEmpty();
    assertThat(checkAndSave(FILE)).isEmpty();
    Path tsv = buildDir.resolve(SnapshotSummaries.FILE_NAME);
    assertThat(Files.readAllLines(tsv)).hasSize(3);

    // A summary naming other data for the same sidecar bytes is believed: proof that the
    // sidecar, which names the real data, was not parsed.
    String other = "0".repeat(64);
    Files.writeString(
        tsv, Files.readString(tsv).replaceAll("(directory\\t)[0-9a-f]{64}", "$1" + other));
    assertThat(checkAndSave(FOLDER)).contains("local data changed");
  }

  @Test
  void changedDataIsFoundThroughTheSummary() throws Exception {
    assertThat(checkAndSave(FOLDER)).isEmpty();
    assertThat(checkAndSave(FILE)).isEmpty();
    Path folder = root.resolve("data/snapshots/folder/2024-07-26");

    Files.writeString(folder.resolve("a.txt"), "ALPHA");
    assertThat(checkAndSave(FOLDER)).contains("local data changed");
    Files.writeString(folder.resolve("a.txt"), "alpha");
    Files.writeString(folder.resolve("extra.txt"), "new");
    assertThat(checkAndSave(FOLDER)).contains("local files differ from the manifest");
    Files.delete(folder.resolve("extra.txt"));
    assertThat(checkAndSave(FOLDER)).isEmpty();

    Files.delete(root.resolve("data/snapshots/file/2024-07-26.csv"));
    assertThat(checkAndSave(FILE)).contains("data missing");
  }

  @Test
  void anEditedSidecarIsParsedAndSummarisedAgain() throws Exception {
    assertThat(checkAndSave(FOLDER)).isEmpty();
    Path sidecar = root.resolve("data/snapshots/folder/2024-07-26.meta.yaml");
    Files.writeString(sidecar, Files.readString(sidecar) + "notes: collected by hand\n");
    assertThat(checkAndSave(FOLDER)).isEmpty();
    assertThat(Files.readAllLines(buildDir.resolve(SnapshotSummaries.FILE_NAME))).hasSize(3);

    Files.writeString(sidecar, Files.readString(sidecar).replace("a.txt:", "renamed.txt:"));
    assertThat(checkAndSave(FOLDER)).contains("sidecar's manifest does not hash to its checksum");
  }

  @Test
  void anUnreadableSummaryFileIsIgnored() throws Exception {
    Files.createDirectories(buildDir);
    Files.writeString(
        buildDir.resolve(SnapshotSummaries.FILE_NAME), "not\ta\tsummary\tfile\n\u0000\n");
    assertThat(checkAndSave(FOLDER)).isEmpty();
    assertThat(checkAndSave(FILE)).isEmpty();
  }

  /** Checks with summaries loaded afresh, as a new run would, and saves them. */
  private Optional<String> checkAndSave(StepUri uri) {
    SnapshotSummaries summaries = SnapshotSummaries.load(buildDir);
    Optional<String> problem =
        new RestoreSnapshot(
                Contexts.silent(),
                Alcove.open(root).layout(),
                FileDigester.READ_EVERY_BYTE,
                summaries)
            .problem(uri);
    summaries.save();
    return problem;
  }

  private void snapshot(Path source, String dataset) {
    LocalDirectoryStore store = new LocalDirectoryStore(storeDir, "local store");
    try (GoalContext context =
        Contexts.of(
            AlcoveLog.SILENT, 2, () -> new Depot(store, Optional.empty(), AlcoveLog.SILENT))) {
      new TakeSnapshot(context, Alcove.open(root)).snapshot(source, dataset, false);
    }
  }

  private Path write(String name, String text) throws Exception {
    Path file = inputs.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return file;
  }
}
