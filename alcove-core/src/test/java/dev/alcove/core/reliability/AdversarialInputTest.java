package dev.alcove.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a colleague's branch or a shared bucket can carry into an alcove, tried as an attacker
 * would: each is refused with one line, and nothing inside or outside the alcove changes.
 */
@Tag("reliability")
class AdversarialInputTest {

  @TempDir Path dir;
  TestAlcove t;
  Path outside;

  @BeforeEach
  void setUp() throws Exception {
    t = new TestAlcove(dir);
    outside = Files.createDirectories(dir.resolve("outside"));
    Files.writeString(outside.resolve("precious.txt"), "not alcove's");
  }

  @Test
  void aLinkAtTheLockFileIsNotFollowed() throws Exception {
    t.table("table://x/latest", ".sql", "SELECT 1 AS dim_x");
    Files.deleteIfExists(t.path("target/alcove/lock"));
    Files.createSymbolicLink(t.path("target/alcove/lock"), outside.resolve("precious.txt"));

    assertRefusedChangingNothing(() -> t.run(), "symbolic link");
  }

  @Test
  void aLinkedTablesFolderIsNotWrittenThrough() throws Exception {
    t.table("table://x/latest", ".sql", "SELECT 1 AS dim_x");
    Files.createDirectories(t.path("data/tables"));
    Files.createSymbolicLink(t.path("data/tables/x"), outside);

    assertThat(t.run().failureSummary())
        .contains("table://x/latest", "symbolic link", "data/tables/x");
    assertThat(TreeState.of(outside)).containsOnlyKeys("/", "precious.txt");
    assertThat(t.path("data/tables/x")).isSymbolicLink();
  }

  @Test
  void aLinkedSnapshotsFolderIsNotWrittenThrough() throws Exception {
    Files.createDirectories(t.path("data/snapshots"));
    Files.createSymbolicLink(t.path("data/snapshots/codes"), outside);
    Path source = Files.writeString(dir.resolve("codes.csv"), "code\nab\n");

    assertRefusedChangingNothing(() -> t.snapshot(source, "codes"), "symbolic link");
  }

  @Test
  void aDatasetInsideAnotherSnapshotsFolderIsRefused() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("ventes"));
    Files.writeString(folder.resolve("jan.csv"), "n\n1\n");
    t.snapshot(folder, "ventes/2024-07-26");
    Path file = Files.writeString(dir.resolve("x.csv"), "n\n2\n");

    assertRefusedChangingNothing(
        () -> t.snapshot(file, "ventes/2024-07-26/x"),
        "would lie inside the data folder of snapshot snapshot://ventes/2024-07-26");
  }

  @Test
  void aFolderSnapshotOverANestedSnapshotIsRefused() throws Exception {
    Path file = Files.writeString(dir.resolve("x.csv"), "n\n2\n");
    t.snapshot(file, "s/2024-01-01/inner");
    Path folder = Files.createDirectories(dir.resolve("s"));
    Files.writeString(folder.resolve("a.csv"), "n\n1\n");

    assertRefusedChangingNothing(
        () -> t.snapshot(folder, "s/2024-01-01"),
        "snapshot://s/2024-01-01/inner/2024-07-26 would lie inside the data folder");
  }

  @Test
  void aDateWithoutItsZerosIsRefusedWithTheIntendedForm() throws Exception {
    Path file = Files.writeString(dir.resolve("x.csv"), "n\n2\n");

    assertRefusedChangingNothing(
        () -> t.snapshot(file, "ventes/2026-12-1"), "did you mean 2026-12-01?");
    assertRefusedChangingNothing(
        () -> t.snapshot(file, "ventes/2026-7-4/eu"), "did you mean 2026-07-04?");
  }

  @Test
  void aCopyLeftByAKilledSnapshotIsIgnoredByGitAndClearedByTheNextSnapshot() throws Exception {
    t.snapshotText("codes", "codes.csv", "code\nab\n");
    // What a snapshot killed while copying a folder leaves beside its target.
    Path leftover = t.path("data/snapshots/parts/.2024-07-26.tmp-1a2b3c4d/half.csv");
    Files.createDirectories(leftover.getParent());
    Files.writeString(leftover, "half a fi");
    git("init", "-q");

    assertThat(git("status", "--porcelain", "--untracked-files=all"))
        .doesNotContain("tmp-")
        .contains("data/snapshots/codes/2024-07-26.meta.yaml");

    Path folder = Files.createDirectories(dir.resolve("parts"));
    Files.writeString(folder.resolve("whole.csv"), "n\n1\n");
    t.snapshot(folder, "parts");
    assertThat(leftover.getParent()).doesNotExist();
    assertThat(t.path("data/snapshots/parts/2024-07-26/whole.csv")).hasContent("n\n1\n");
  }

  private String git(String... arguments) throws Exception {
    java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("git"));
    command.addAll(java.util.List.of(arguments));
    Process git =
        new ProcessBuilder(command).directory(t.root.toFile()).redirectErrorStream(true).start();
    String output =
        new String(git.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(git.waitFor()).as(output).isZero();
    return output;
  }

  private void assertRefusedChangingNothing(Runnable attempt, String message) {
    Map<String, String> alcove = TreeState.of(t.root);
    Map<String, String> elsewhere = TreeState.of(outside);
    assertThatThrownBy(attempt::run)
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    assertThat(TreeState.of(t.root)).isEqualTo(alcove);
    assertThat(TreeState.of(outside)).isEqualTo(elsewhere);
  }
}
