package dev.alcove.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, made real: a 1 MiB tmpfs mounted (in a private mount namespace, by {@code unshare})
 * on the store, on a snapshot's data folder, or on the tables folder, while alcove writes more than
 * fits. Each fails in one line that says the disk is full and where, and leaves nothing behind: no
 * partial object, data file or table, and the alcove's files as they were. Skipped where the kernel
 * does not let this user make a mount namespace.
 */
@Tag("reliability")
class FullDiskTest {

  private static final String MOUNT_THEN_RUN =
      "mount -t tmpfs -o size=1m tmpfs \"$1\" && shift && exec \"$@\"";

  @TempDir Path dir;
  TestAlcove t;
  Path source;

  @BeforeEach
  void alcoveWithAFileTooLargeForTheDisk() throws IOException {
    Assumptions.assumeTrue(canMountTmpfs(), "this user cannot mount a tmpfs in a namespace");
    t = new TestAlcove(dir);
    source = dir.resolve("big.bin");
    byte[] bytes = new byte[3 << 20];
    new Random(1).nextBytes(bytes);
    Files.write(source, bytes);
  }

  @Test
  void aFullStoreFailsTheSnapshotAndLeavesNoPartialObject() throws Exception {
    Files.createDirectories(t.store);
    List<String> out = runOnFullDisk(t.store, "snapshot", source.toString());
    assertThat(out.get(0))
        .startsWith("failed: ")
        .contains("No space left on device")
        .contains(t.store.toString());
    assertThat(out).as("files left in the store").hasSize(1);
  }

  @Test
  void aFullDataFolderFailsTheSnapshotAndLeavesNoPartialData() throws Exception {
    snapshotIntoAFullDataFolder(source);
  }

  @Test
  void aFullDataFolderFailsAFolderSnapshotAndLeavesNoPartialCopy() throws Exception {
    Path folder = dir.resolve("folder");
    for (int i = 0; i < 3; i++) {
      Files.createDirectories(folder);
      Files.copy(source, folder.resolve("part-" + i + ".bin"));
    }
    snapshotIntoAFullDataFolder(folder);
  }

  private void snapshotIntoAFullDataFolder(Path input) throws Exception {
    Path dataFolder = t.path("data/snapshots/big");
    Files.createDirectories(dataFolder);
    List<String> out = runOnFullDisk(dataFolder, "snapshot", input.toString());
    assertThat(out.get(0)).startsWith("failed: ").contains("No space left on device");
    assertThat(out).as("files left in the data folder").hasSize(1);
  }

  @Test
  void aFullTablesFolderFailsTheStepAndLeavesNoPartialTable() throws Exception {
    t.table(
        "table://big/latest",
        ".sql",
        "SELECT range AS n, md5(range::VARCHAR) AS h FROM range(300000)");
    Path tables = t.path("data/tables");
    Files.createDirectories(tables);
    List<String> out = runOnFullDisk(tables, "run");
    assertThat(out.get(0))
        .startsWith("failed: ")
        .contains("table://big/latest")
        .contains("No space left on device");
    assertThat(out).as("files left in the tables folder").hasSize(1);
  }

  /**
   * Runs {@link FullDiskTarget} with a full file system on {@code mountPoint}; checks that nothing
   * outside it changed; returns the child's lines (the outcome, then the files left).
   */
  private List<String> runOnFullDisk(Path mountPoint, String... arguments) throws Exception {
    Map<String, String> before = TreeState.of(t.root);
    before.keySet().removeIf(p -> p.startsWith("target"));
    List<String> command =
        new ArrayList<>(
            List.of(
                "unshare",
                "-rm",
                "sh",
                "-c",
                MOUNT_THEN_RUN,
                "sh",
                mountPoint.toString(),
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                FullDiskTarget.class.getName(),
                arguments[0],
                t.root.getParent().toString(),
                mountPoint.toString()));
    command.addAll(List.of(arguments).subList(1, arguments.length));
    Process child = new ProcessBuilder(command).redirectErrorStream(true).start();
    List<String> lines = new String(child.getInputStream().readAllBytes()).lines().toList();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).as(String.join("\n", lines)).isZero();
    Map<String, String> after = TreeState.of(t.root);
    after.keySet().removeIf(p -> p.startsWith("target"));
    assertThat(after).as("the alcove's files").isEqualTo(before);
    assertThat(lines).as("outcome line then files left").isNotEmpty();
    return lines;
  }

  private static boolean canMountTmpfs() {
    try {
      Path probe = Files.createTempDirectory("alcove-tmpfs-probe");
      Process p =
          new ProcessBuilder(
                  "unshare", "-rm", "sh", "-c", MOUNT_THEN_RUN, "sh", probe.toString(), "true")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      boolean ok = p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
      Files.deleteIfExists(probe);
      return ok;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }
}
