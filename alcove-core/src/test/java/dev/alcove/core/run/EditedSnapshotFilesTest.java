package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.testing.TestAlcove;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run after one with nothing to do, when all that changed are files edited in place inside a
 * folder snapshot: those files alone are checked and restored, the rest vouched for by the record,
 * and the record is kept again; anything else a plan answers, as before.
 */
class EditedSnapshotFilesTest {

  @TempDir Path dir;
  TestAlcove t;
  Path data;

  @BeforeEach
  void setUp() throws Exception {
    t = new TestAlcove(dir);
    t.snapshotFolder(
        "parts/2024-07-26",
        Map.of("a.csv", "id\n1\n", "inner/b.csv", "id\n2\n", "inner/empty.csv", ""));
    t.table(
        "table://count/latest",
        ".sql",
        "SELECT count(*) AS n FROM '{parts}/**/*.csv'",
        "snapshot://parts/2024-07-26");
    data = t.path("data/snapshots/parts/2024-07-26");
    assertThat(t.run().succeeded()).isTrue();
    recorded();
  }

  private Path record() {
    return t.path("target/alcove/" + NothingToDoRecord.FILE_NAME);
  }

  private Path held() {
    return t.path("target/alcove/" + NothingToDoRecord.HELD_NAME);
  }

  /**
   * Asserts that the record has the rows it had, in their places, but for those of paths ending in
   * one of {@code rewritten}, which hold their path and another stat.
   */
  private void sameRowsBut(List<String> before, String... rewritten) throws Exception {
    List<String> after = Files.readAllLines(record());
    assertThat(after).hasSameSizeAs(before);
    for (int i = 0; i < before.size(); i++) {
      String path = before.get(i).split("\t")[0];
      if (Stream.of(rewritten).anyMatch(path::endsWith)) {
        assertThat(after.get(i)).startsWith(path + "\t").isNotEqualTo(before.get(i));
      } else {
        assertThat(after.get(i)).isEqualTo(before.get(i));
      }
    }
  }

  /** Waits until nothing is racy, then has a run with nothing to do keep its record. */
  private void recorded() throws Exception {
    Thread.sleep(2100);
    assertThat(t.run().plan()).noneMatch(PlannedStep::runs);
    assertThat(record()).exists();
  }

  private boolean mended(int files) {
    return t.log.debug.stream()
        .anyMatch(
            line ->
                line.startsWith(
                    "only " + files + (files == 1 ? " file" : " files") + " inside folder"));
  }

  private boolean skippedPlanning() {
    return t.log.debug.stream().anyMatch(line -> line.startsWith("nothing the last run's plan"));
  }

  private List<String> markedRows() throws Exception {
    try (Stream<String> rows = Files.lines(record())) {
      return rows.filter(row -> row.split("\t").length == 7).toList();
    }
  }

  @Test
  void filesEditedInPlaceAreRestoredWithoutAPlanAndTheRecordIsKept() throws Exception {
    List<String> before = Files.readAllLines(record());
    Files.writeString(data.resolve("inner/b.csv"), "id\n9\n"); // same size
    Files.writeString(data.resolve("inner/empty.csv"), "not empty any more\n");

    RunReport report = t.run();

    assertThat(mended(2)).isTrue();
    assertThat(report.succeeded()).isTrue();
    assertThat(report.done())
        .extracting(Object::toString)
        .containsExactly("snapshot://parts/2024-07-26");
    assertThat(report.plan())
        .filteredOn(PlannedStep::runs)
        .singleElement()
        .satisfies(step -> assertThat(step.reason()).isEqualTo("local data changed"));
    assertThat(data.resolve("inner/b.csv")).hasContent("id\n2\n");
    assertThat(data.resolve("inner/empty.csv")).isEmptyFile();
    assertThat(t.lines).anyMatch(line -> line.contains("2 of 3 files fetched"));
    // The edits were moved aside, not lost.
    assertThat(t.log.warnings).hasSize(2).allMatch(line -> line.contains("displaced"));
    // Its rows fresh, the restored files and their folder carry what they must hold.
    assertThat(record()).exists();
    assertThat(markedRows())
        .extracting(row -> Path.of(row.split("\t")[0]).getFileName().toString())
        .containsExactlyInAnyOrder("inner", "b.csv", "empty.csv");
    sameRowsBut(before, "/inner", "/b.csv", "/empty.csv");
    assertThat(held()).doesNotExist();

    // At once: the stats are racy, so the content is compared too; it matches.
    t.run();
    assertThat(skippedPlanning()).isTrue();
    // Later: the rows are settled, and lose their marks.
    Thread.sleep(2100);
    t.run();
    assertThat(skippedPlanning()).isTrue();
    assertThat(markedRows()).isEmpty();
  }

  @Test
  void aFileTouchedButNotChangedIsNothingToDo() throws Exception {
    Path a = data.resolve("a.csv");
    Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(1_000_000));

    RunReport report = t.run();

    assertThat(mended(1)).isTrue();
    assertThat(report.plan()).noneMatch(PlannedStep::runs);
    assertThat(t.lines).singleElement().asString().startsWith("all 2 steps are up to date");
    assertThat(t.log.warnings).isEmpty();
    t.run();
    assertThat(skippedPlanning()).isTrue();
  }

  @Test
  void aRacyRowWhoseContentIsNotWhatItHoldsIsCheckedAgain() throws Exception {
    Files.writeString(data.resolve("a.csv"), "id\n7\n");
    t.run();
    assertThat(mended(1)).isTrue();
    // As if the file were rewritten in the same clock tick as the restore: the stat the same, the
    // content not.
    String recorded = Files.readString(record());
    String mark =
        markedRows().stream().filter(row -> row.contains("a.csv")).findFirst().orElseThrow();
    String otherContent = mark.substring(0, mark.length() - 64) + "0".repeat(64);
    Files.writeString(record(), recorded.replace(mark, otherContent));

    t.run();

    assertThat(skippedPlanning()).isFalse();
    assertThat(mended(1)).isTrue();
    assertThat(data.resolve("a.csv")).hasContent("id\n1\n");
  }

  @Test
  void anEditBesideAnythingElseIsPlanned() throws Exception {
    Files.writeString(data.resolve("a.csv"), "id\n7\n");
    Path sql = t.path("src/steps/tables/count.sql");
    Files.writeString(sql, Files.readString(sql) + "\n");

    RunReport report = t.run();

    assertThat(mended(1)).isFalse();
    assertThat(report.plan())
        .filteredOn(PlannedStep::runs)
        .extracting(step -> step.uri().toString())
        .containsExactlyInAnyOrder("snapshot://parts/2024-07-26", "table://count/latest");
    assertThat(data.resolve("a.csv")).hasContent("id\n1\n");
  }

  @Test
  void aFileReplacedOrAddedIsPlanned() throws Exception {
    // Written to a new file and renamed over the old, as editors save: the folder changes too.
    Path temp = data.resolve("a.csv.tmp");
    Files.writeString(temp, "id\n7\n");
    Files.move(temp, data.resolve("a.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

    t.run();

    assertThat(mended(1)).isFalse();
    assertThat(data.resolve("a.csv")).hasContent("id\n1\n");
  }

  @Test
  void aRestoreThatFailsLeavesNoRecordAndTheEditAside() throws Exception {
    Files.writeString(data.resolve("a.csv"), "id\n7\n");
    // The object is gone from the store.
    try (Stream<Path> objects = Files.walk(t.store)) {
      for (Path object : objects.filter(Files::isRegularFile).toList()) {
        if (java.util.Arrays.equals(Files.readAllBytes(object), "id\n1\n".getBytes())) {
          Files.delete(object);
        }
      }
    }

    RunReport report = t.run();

    assertThat(mended(1)).isTrue();
    assertThat(report.succeeded()).isFalse();
    assertThat(report.failed())
        .containsKey(dev.alcove.core.uri.StepUri.parse("snapshot://parts/2024-07-26"));
    assertThat(record()).doesNotExist();
    assertThat(held()).doesNotExist();
    assertThat(t.log.warnings)
        .anyMatch(line -> line.contains("moved it to target/alcove/displaced/"));
  }

  @Test
  void aRecordWhosePathsAreNotAsciiIsKeptAgainRowForRow() throws Exception {
    t.snapshotFolder(
        "names/2024-07-26",
        Map.of("\u00e9t\u00e9/\u00fc.csv", "id\n3\n", "\ud83d\ude00.csv", "id\n4\n"));
    assertThat(t.run().succeeded()).isTrue();
    recorded();
    List<String> before = Files.readAllLines(record());
    Path edited = t.path("data/snapshots/names/2024-07-26/\u00e9t\u00e9/\u00fc.csv");
    Files.writeString(edited, "id\n5\n");

    t.run();

    assertThat(mended(1)).isTrue();
    assertThat(edited).hasContent("id\n3\n");
    // A row's place in the file counted in bytes, not in characters.
    sameRowsBut(before, "/\u00e9t\u00e9", "/\u00fc.csv");
    t.run();
    assertThat(skippedPlanning()).isTrue();
  }
}
