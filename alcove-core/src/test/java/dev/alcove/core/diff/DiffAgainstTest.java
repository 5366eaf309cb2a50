package dev.alcove.core.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.testing.Git;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table edited on a branch, compared with what main builds, as the table cache knows it. */
class DiffAgainstTest {

  static final String SUMMARY =
      "SELECT region AS dim_region, sum(people)::BIGINT AS people FROM '{people}'"
          + " GROUP BY ALL ORDER BY ALL";

  @TempDir Path dir;

  @Test
  void aTableEditedOnABranchIsComparedWithItsBuildOnMainAndTheOthersAreUnchanged() {
    TestAlcove t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\neu,5\nas,7\n");
    t.table("table://summary/latest", ".sql", SUMMARY, "snapshot://people/latest");
    t.table("table://small/latest", ".sql", "SELECT 1 AS n");
    TestAlcove.write(t.path(".gitignore"), "target/\n");
    assertThat(t.run().succeeded()).isTrue();
    Git.commitAll(t.root, "main");
    Git.run(t.root, "checkout", "-q", "-b", "more-people");
    TestAlcove.write(
        t.path("src/steps/tables/summary.sql"), SUMMARY.replace("sum(people)", "sum(people) * 2"));
    assertThat(t.run().succeeded()).isTrue();

    List<DiffAgainst.TableChange> changes;
    try (GoalContext context = t.context(2)) {
      changes = new DiffAgainst(context, t.alcove()).diff("main", List.of("dim_region"));
    }

    Map<String, String> statuses =
        changes.stream()
            .collect(Collectors.toMap(c -> c.table().toString(), DiffAgainst.TableChange::status));
    assertThat(statuses)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("table://small/latest", "unchanged", "table://summary/latest", "changed"));
    DiffReport summary =
        changes.stream()
            .filter(c -> c.table().equals(StepUri.parse("table://summary/latest")))
            .findFirst()
            .orElseThrow()
            .report()
            .orElseThrow();
    assertThat(summary.from()).isEqualTo("table://summary/latest at main");
    assertThat(summary.changed()).isEqualTo(2);
    assertThat(summary.changedByColumn()).containsEntry("people", 2L);
    // The cast now binds to the 2 alone, and the product is a DOUBLE: compared as numbers.
    assertThat(summary.columnsRetyped()).containsExactly(Map.entry("people", "BIGINT -> DOUBLE"));
    assertThat(summary.samples().get("changed"))
        .containsExactly(
            "{dim_region: 'as', people: 7.0 -> 14.0}", "{dim_region: 'eu', people: 15.0 -> 30.0}");
    // The revision's checkout is gone again.
    assertThat(t.path("target/alcove/diff-against")).isEmptyDirectory();
    assertThatThrownBy(
            () -> {
              try (GoalContext context = t.context(1)) {
                new DiffAgainst(context, t.alcove()).diff("no-such-branch", List.of());
              }
            })
        .hasMessageStartingWith(
            "alcove.against=no-such-branch is not a revision of this repository");
  }
}
