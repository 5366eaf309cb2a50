package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.testing.TestAlcove;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with nothing to do leaves a record that lets the next skip planning: every change a user or
 * a colleague's branch can make to what a plan reads must still be seen, each as the plan would
 * have seen it without the record.
 */
class NothingToDoRecordTest {

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void setUp() throws Exception {
    t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\nas,7\n");
    t.table(
        "table://summary/latest",
        ".sql",
        "SELECT region, sum(people)::BIGINT AS people FROM '{people}' GROUP BY ALL",
        "snapshot://people/latest");
    t.table(
        "table://top/latest",
        ".sql",
        "SELECT * FROM '{summary}' LIMIT 1",
        "table://summary/latest");
    assertThat(t.run().succeeded()).isTrue();
  }

  private Path record() {
    return t.path("target/alcove/" + NothingToDoRecord.FILE_NAME);
  }

  /** Waits until nothing is racy, then has a run with nothing to do keep its record. */
  private void recorded() throws Exception {
    Thread.sleep(2100);
    RunReport noOp = t.run();
    assertThat(noOp.plan()).noneMatch(PlannedStep::runs);
    assertThat(record()).exists();
  }

  private boolean skippedPlanning() {
    return t.log.debug.stream().anyMatch(line -> line.startsWith("nothing the last run's plan"));
  }

  private void assertNextRun(Predicate<RunReport> seen) {
    RunReport report = t.run();
    assertThat(skippedPlanning()).as("planned again").isFalse();
    assertThat(report).matches(seen);
  }

  private static Predicate<RunReport> builds(String uri) {
    return report ->
        report.plan().stream()
            .anyMatch(
                step ->
                    step.uri().toString().equals(uri) && step.action() == PlannedStep.Action.BUILD);
  }

  /** Rewrites the top table's definition with {@code limit} for its LIMIT: it must be rebuilt. */
  private void editTopKeepingItsSize(String limit) throws Exception {
    Path sql = t.path("src/steps/tables/top.sql");
    Files.writeString(sql, Files.readString(sql).replaceFirst("LIMIT \\d", limit));
    assertNextRun(builds("table://top/latest"));
  }

  @Test
  void anUnchangedAlcoveIsNotPlannedAgainAndSaysWhatAPlanWouldSay() throws Exception {
    recorded();
    // Word for word what records kept by earlier versions ask: they still answer it.
    assertThat(Files.readAllLines(record()).get(1))
        .contains("; cache CacheOptions[enabled=true, push=Optional.empty]; ");
    RunReport again = t.run();

    assertThat(skippedPlanning()).isTrue();
    assertThat(again.plan())
        .extracting(step -> step.uri().toString())
        .containsExactly(
            "snapshot://people/2024-07-26", "table://summary/latest", "table://top/latest");
    assertThat(again.plan()).allMatch(step -> step.action() == PlannedStep.Action.UP_TO_DATE);
    assertThat(t.lines)
        .singleElement()
        .asString()
        .matches("all 3 steps are up to date: nothing to do \\(checked in [0-9.]+ s\\)");
    // A dry run, a forced run and another selection plan as ever.
    t.run("", false, true, 2);
    assertThat(skippedPlanning()).isFalse();
    t.run("table://top/latest", false, false, 2);
    assertThat(skippedPlanning()).isFalse();
  }

  @Test
  void editsBesideAndInsideWhatThePlanReadAreSeen() throws Exception {
    recorded();
    // The same number of bytes: only the file's times and identity say it changed.
    editTopKeepingItsSize("LIMIT 2");

    recorded();
    Files.writeString(
        t.path("src/steps/tables/top.meta.yaml"), "validation:\n  row_count:\n    min: 1\n");
    assertNextRun(builds("table://top/latest"));

    recorded();
    Files.delete(t.path("data/tables/summary/latest.parquet"));
    assertNextRun(report -> report.plan().stream().anyMatch(PlannedStep::runs));
    assertThat(t.path("data/tables/summary/latest.parquet")).exists();

    recorded();
    Files.writeString(t.path("data/snapshots/people/2024-07-26.csv"), "region,people\neu,99\n");
    assertNextRun(report -> report.succeeded());
    assertThat(t.path("data/snapshots/people/2024-07-26.csv"))
        .hasContent("region,people\neu,10\nas,7\n");

    recorded();
    Files.writeString(t.path("src/steps/tables/top.py"), "print('a second definition')\n");
    assertThatThrownBy(t::run).hasMessageContaining("has more than one definition");
    assertThat(skippedPlanning()).isFalse();
  }

  @Test
  void aLinkToNothingThatComesToPointAtAFolderIsSeen() throws Exception {
    // Nothing beside the link changes: only its row, kept as absent, can say so.
    Path outside = dir.resolveSibling(dir.getFileName() + "-elsewhere").resolve("tests");
    Path tests = t.path("src/steps/tests");
    Files.createSymbolicLink(tests, outside);
    recorded();
    assertThat(Files.readString(record())).contains(tests + "\tabsent\n");

    Files.createDirectories(outside);
    try {
      assertNextRun(RunReport::succeeded);
    } finally {
      Files.delete(outside);
      Files.delete(outside.getParent());
    }
  }

  @Test
  void aChangedCatalogueOrBuildStateIsPlannedAgain() throws Exception {
    recorded();
    Path catalogue = t.path("alcove.yaml");
    Files.writeString(catalogue, Files.readString(catalogue) + "\n");
    assertNextRun(report -> report.plan().size() == 3);

    recorded();
    Files.delete(t.path("target/alcove/manifest.tsv"));
    assertNextRun(report -> report.plan().size() == 3);
  }

  @Test
  void aFileChangedJustBeforeTheRunLeavesNoRecordAndADamagedRecordIsIgnored() throws Exception {
    recorded();
    editTopKeepingItsSize("LIMIT 3");
    // Built just now: its files are too fresh for their stat to be trusted.
    assertThat(t.run().plan()).noneMatch(PlannedStep::runs);
    assertThat(record()).doesNotExist();

    recorded();
    List<String> lines = Files.readAllLines(record());
    Files.write(record(), lines.subList(0, lines.size() - 1));
    Files.writeString(record(), "garbage\tline\n", java.nio.file.StandardOpenOption.APPEND);
    assertNextRun(report -> report.plan().size() == 3);
    assertThat(record()).exists();
  }

  @Test
  void aFolderSnapshotIsRecordedAndAFileAddedAnywhereInItIsSeen() throws Exception {
    Path source = Files.createDirectories(dir.resolve("parts/inner/deeper"));
    Files.writeString(source.resolve("a.csv"), "x\n");
    t.snapshot(dir.resolve("parts"), "parts/2024-07-26");
    Path data = t.path("data/snapshots/parts/2024-07-26");
    // A folder that holds no file, so no file read is in it: only the listing names it.
    Path empty = Files.createDirectories(data.resolve("inner/empty"));
    recorded();
    t.run();
    assertThat(skippedPlanning()).isTrue();

    Files.writeString(empty.resolve("stray.csv"), "y\n");
    assertNextRun(
        report ->
            report.plan().stream()
                .anyMatch(
                    step ->
                        step.uri().toString().equals("snapshot://parts/2024-07-26")
                            && step.runs()));
    assertThat(empty.resolve("stray.csv")).doesNotExist();
    assertThat(data.resolve("inner/deeper/a.csv")).hasContent("x\n");

    recorded();
    Files.writeString(data.resolve("inner/deeper/a.csv"), "z\n");
    assertNextRun(RunReport::succeeded);
    assertThat(data.resolve("inner/deeper/a.csv")).hasContent("x\n");
  }

  @Test
  void aFileChangedWhileThePlanWasMadeLeavesNoRecord() throws Exception {
    Path buildDir = t.path("target/alcove");
    Path read = t.path("src/steps/tables/top.sql");
    Files.writeString(read, Files.readString(read));
    Thread.sleep(2100);
    List<dev.alcove.core.uri.StepUri> steps = List.of();
    long now = System.currentTimeMillis();

    // Changed 2 s ago by now's clock, but a plan begun 4 s ago may have read it before that.
    NothingToDoRecord.keep(
        buildDir, "q", steps, List.of(read), java.util.Map.of(), now - 4000, ThreadBudget.of(2));
    assertThat(record()).doesNotExist();
    NothingToDoRecord.keep(
        buildDir, "q", steps, List.of(read), java.util.Map.of(), now, ThreadBudget.of(2));
    assertThat(record()).exists();
  }
}
