package dev.alcove.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.io.Folders;
import dev.alcove.core.testing.TestAlcove;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two dated versions of a CSV snapshot: a row added, one removed, two changed, and a column whose
 * type changed; and two versions of a folder snapshot.
 */
class DiffVersionsTest {

  static final String BEFORE =
      "id,name,score,grade\n1,ann,10,A\n2,bob,20,B\n3,cy,30,C\n4,dan,40,D\n";
  static final String AFTER =
      "id,name,score,grade\n1,ann,10,A\n2,bob,25.5,B\n3,cy,30,X\n5,eve,50,E\n";

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void twoVersions() {
    t = new TestAlcove(dir);
    t.snapshotText("people/2024-07-26", "people.csv", BEFORE);
    t.snapshotText("people/2024-07-27", "people.csv", AFTER);
  }

  @Test
  void withAKeyRowsAddedRemovedAndChangedAreCountedExactlyWithEachColumnAndItsDrift() {
    DiffReport report = diff("snapshot://people/2024-07-26", "snapshot://people/latest", "id");
    assertThat(report.to()).isEqualTo("snapshot://people/2024-07-27");
    assertThat(report.columnsRetyped()).containsExactly(Map.entry("score", "BIGINT -> DOUBLE"));
    assertThat(report.columnsAdded()).isEmpty();
    assertThat(report.rowsBefore()).isEqualTo(4);
    assertThat(report.rowsAfter()).isEqualTo(4);
    assertThat(report.added()).isEqualTo(1);
    assertThat(report.removed()).isEqualTo(1);
    assertThat(report.changed()).isEqualTo(2);
    assertThat(report.changedByColumn())
        .containsExactly(Map.entry("name", 0L), Map.entry("score", 1L), Map.entry("grade", 1L));
    assertThat(report.samples())
        .containsEntry("added", List.of("{id: 5}"))
        .containsEntry("removed", List.of("{id: 4}"))
        .containsEntry(
            "changed", List.of("{id: 2, score: 20.0 -> 25.5}", "{id: 3, grade: C -> X}"));
    DiffReport.Drift score = report.drift().get("score");
    assertThat(score.maxBefore()).isEqualTo(40.0);
    assertThat(score.maxAfter()).isEqualTo(50.0);
    assertThat(score.meanAfter()).isEqualTo(28.875);
    assertThat(report.lines())
        .contains(
            "snapshot://people/2024-07-26 -> snapshot://people/2024-07-27",
            "  ~ column score: BIGINT -> DOUBLE",
            "  rows: 4 -> 4",
            "  1 added, 1 removed, 2 changed (key: id)");
  }

  @Test
  void withoutAKeyWholeRowsOnEachSideAreCounted() {
    DiffReport report = diff("snapshot://people/2024-07-26", "snapshot://people/2024-07-27", null);
    assertThat(report.added()).isEqualTo(3);
    assertThat(report.removed()).isEqualTo(3);
    assertThat(report.changed()).isZero();
    assertThat(report.samples().get("removed"))
        .containsExactly(
            "{id: 2, name: 'bob', score: 20.0, grade: 'B'}",
            "{id: 3, name: 'cy', score: 30.0, grade: 'C'}",
            "{id: 4, name: 'dan', score: 40.0, grade: 'D'}");
    assertThat(report.lines()).contains("  3 added, 3 removed, 0 changed (whole rows, no key)");
  }

  @Test
  void aKeyThatIsNotUniqueOrNotInBothIsRefusedInOneLine() {
    assertThatThrownBy(
            () -> diff("snapshot://people/2024-07-26", "snapshot://people/2024-07-27", "grade,x"))
        .hasMessage(
            "key column 'x' is not in both snapshot://people/2024-07-26 and"
                + " snapshot://people/2024-07-27: use one of id, name, score, grade");
    t.snapshotText("other/2024-07-26", "other.csv", "code\nx\n");
    assertThatThrownBy(
            () -> diff("snapshot://people/2024-07-26", "snapshot://other/2024-07-26", "id"))
        .hasMessage(
            "key column 'id' is not in both snapshot://people/2024-07-26 and"
                + " snapshot://other/2024-07-26: they have no column in common");
    t.snapshotText("people/2024-07-28", "people.csv", "id,name\n1,a\n1,b\n");
    assertThatThrownBy(
            () -> diff("snapshot://people/2024-07-26", "snapshot://people/2024-07-28", "id"))
        .hasMessage(
            "the key (id) is not unique in snapshot://people/2024-07-28: 1 rows repeat a key; name"
                + " columns that are");
  }

  @Test
  void dataNotHereIsFetchedFromTheStoreFirst() throws Exception {
    Files.delete(t.path("data/snapshots/people/2024-07-26.csv"));
    DiffReport report = diff("snapshot://people/2024-07-26", "snapshot://people/2024-07-27", "id");
    assertThat(report.changed()).isEqualTo(2);
    assertThat(t.path("data/snapshots/people/2024-07-26.csv")).hasContent(BEFORE);
  }

  @Test
  void twoFoldersAreComparedFromTheirManifestsWithoutReadingAFile() throws Exception {
    Path before = dir.resolve("inputs/v1");
    TestAlcove.write(before.resolve("a.txt"), "same");
    TestAlcove.write(before.resolve("b.txt"), "old");
    TestAlcove.write(before.resolve("c.txt"), "gone");
    t.snapshot(before, "files/2024-07-26");
    Path after = dir.resolve("inputs/v2");
    TestAlcove.write(after.resolve("a.txt"), "same");
    TestAlcove.write(after.resolve("b.txt"), "new");
    TestAlcove.write(after.resolve("d.txt"), "added");
    t.snapshot(after, "files/2024-07-27");
    // Neither folder is here, nor in the store: the manifests say it all.
    Folders.delete(t.path("data/snapshots/files/2024-07-26"));
    Folders.delete(t.path("data/snapshots/files/2024-07-27"));
    Folders.delete(t.store);
    DiffReport report = diff("snapshot://files/2024-07-26", "snapshot://files/2024-07-27", null);
    assertThat(report.files()).isTrue();
    assertThat(report.samples())
        .containsEntry("added", List.of("d.txt"))
        .containsEntry("removed", List.of("c.txt"))
        .containsEntry("changed", List.of("b.txt"));
    assertThat(report.lines()).contains("  files: 3 -> 3", "  1 added, 1 removed, 1 changed");
  }

  @Test
  void aTableAgainstItsPreviousOutputHereFromTheTableHistory() throws Exception {
    t.table("table://numbers/latest", ".sql", "SELECT * FROM range(248) r(n)");
    assertThat(t.run().succeeded()).isTrue();
    try (GoalContext context = t.context(1)) {
      assertThatThrownBy(
              () ->
                  new DiffVersions(context, t.alcove())
                      .previous("table://numbers/latest", List.of()))
          .hasMessage(
              "table://numbers/latest has no earlier output recorded here"
                  + " (target/alcove/history.tsv)");
    }
    TestAlcove.write(
        t.path("src/steps/tables/numbers.sql"), "SELECT n, n * 2 AS twice FROM range(251) r(n)");
    assertThat(t.run().succeeded()).isTrue();

    DiffReport report;
    try (GoalContext context = t.context(1)) {
      report =
          new DiffVersions(context, t.alcove()).previous("table://numbers/latest", List.of("n"));
    }
    assertThat(report.from()).startsWith("table://numbers/latest as built 20");
    assertThat(report.to()).isEqualTo("table://numbers/latest now");
    assertThat(report.columnsAdded()).containsExactly("twice");
    assertThat(report.added()).isEqualTo(3);
    assertThat(report.removed()).isZero();
    assertThat(report.changed()).isZero();
    assertThat(Files.readAllLines(t.path("target/alcove/history.tsv")))
        .hasSize(3)
        .last()
        .asString()
        .endsWith("\t251\trows 248 -> 251, +1 column");
  }

  private DiffReport diff(String from, String to, String key) {
    try (GoalContext context = t.context(1)) {
      return new DiffVersions(context, t.alcove())
          .diff(from, to, key == null ? List.of() : List.of(key.split(",")));
    }
  }
}
