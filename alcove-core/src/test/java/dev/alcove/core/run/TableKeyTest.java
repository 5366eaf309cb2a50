package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.run.TableRun.Outcome;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What goes into a table's cache key, and what must never. */
class TableKeyTest {

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir.resolve("somebody/projects"));
    t.snapshotText("people", "people.csv", "region,people\neu,10\nas,7\n");
    t.table(
        "table://summary/latest",
        ".sql",
        "SELECT region AS dim_region, people FROM '{people}' ORDER BY ALL",
        "snapshot://people/latest");
  }

  @Test
  void theKeyTextHoldsNoPathUserHostOrTime() throws Exception {
    assertThat(t.run().succeeded()).isTrue();
    String text = keyText("table://summary/latest", Contexts::testClassPath);
    assertThat(text)
        .startsWith(TableKeys.FORMAT + "\ntable table://summary/latest\nengine duckdb ")
        .contains(
            "definition src/steps/tables/summary.sql ", "config none\n", "input people snapshot ")
        .doesNotContain(dir.toString(), t.root.toString(), System.getProperty("user.home"))
        .doesNotContain(System.getProperty("user.name"), InetAddress.getLocalHost().getHostName())
        .doesNotContain("2024-07-26", "T12:");
  }

  @Test
  void aJavaStepIsAMissWhenAJarOnItsClassPathChangesAndAHitWhenItOnlyMoves() throws Exception {
    t.table(
        "table://copied/latest",
        ".java",
        """
        import java.nio.file.*;
        public class Copied {
          public static void main(String[] args) throws Exception {
            Files.copy(Path.of(args[0]), Path.of(args[1]));
          }
        }
        """,
        "table://summary/latest");
    Path library = jar(dir.resolve("m2/lib/1.0/lib-1.0.jar"), "1.0");
    assertThat(run(library).tables(Outcome.BUILT)).hasSize(2);

    Path moved = dir.resolve("elsewhere/lib-1.0.jar");
    Files.createDirectories(moved.getParent());
    Files.copy(library, moved);
    assertThat(run(moved).plan()).noneMatch(PlannedStep::runs);

    Path upgraded = jar(dir.resolve("m2/lib/1.1/lib-1.1.jar"), "1.1");
    List<String> planned = new ArrayList<>();
    RunReport report = run(upgraded);
    report.plan().forEach(step -> planned.add(step.describe()));
    assertThat(planned)
        .anyMatch(
            line ->
                line.startsWith("table://copied/latest: build (engine changed: java ")
                    && line.contains("class path"));
    assertThat(report.tables(Outcome.BUILT))
        .extracting(StepUri::toString)
        .containsExactly("table://copied/latest");

    // Back to 1.0 (as on another branch): the cache still has what 1.0 built.
    assertThat(run(library).tables(Outcome.FROM_CACHE))
        .extracting(StepUri::toString)
        .containsExactly("table://copied/latest");
  }

  @Test
  void aManifestOfTheFirstFormatRebuildsEachTableOnceWithItsReason() throws Exception {
    assertThat(t.run().succeeded()).isTrue();
    Path manifest = t.path("target/alcove/manifest.tsv");
    Files.writeString(
        manifest,
        "# alcove build manifest v1: step uri, merkle key, output sha256\n"
            + "table://summary/latest\t"
            + "a".repeat(64)
            + "\t"
            + "b".repeat(64)
            + "\n");

    t.run(null, false, true, 2);
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith(
                    "plan: table://summary/latest: restore from the table cache (build state"
                        + " recorded by an older alcove: built once to record its cache key"));
    assertThat(t.run().succeeded()).isTrue();
    t.run();
    assertThat(t.lines).anyMatch(line -> line.startsWith("all 2 steps are up to date"));
  }

  @Test
  void aStoreThatCannotBeReachedIsSaidOnceAndTheRunBuildsWithoutIt() throws Exception {
    t.table("table://other/latest", ".sql", "SELECT 2 AS n");
    assertThat(t.run().succeeded()).isTrue();
    Files.delete(t.path("data/tables/summary/latest.parquet"));
    Files.delete(t.path("data/tables/other/latest.parquet"));
    t.lines.clear();
    try (GoalContext context =
        Contexts.of(
            t.log,
            2,
            () -> {
              throw new dev.alcove.core.errors.AlcoveException(
                  "cannot reach S3 endpoint http://s3.invalid");
            })) {
      RunReport report =
          new RunEngine(
                  context,
                  t.alcove(),
                  new RunOptions(dev.alcove.core.select.Selection.ALL, false, false))
              .run();
      assertThat(report.tables(Outcome.BUILT)).hasSize(2);
    }
    assertThat(t.lines.stream().filter(line -> line.startsWith("WARN")))
        .containsExactly(
            "WARN the table cache is not available (cannot reach S3 endpoint http://s3.invalid):"
                + " tables are built here");
  }

  private RunReport run(Path library) {
    List<Path> classPath = new ArrayList<>(Contexts.testClassPath());
    classPath.add(library);
    try (GoalContext context =
        GoalContext.builder()
            .log(t.log)
            .clock(Contexts.JULY_26)
            .threads(2)
            .store(t::depot)
            .javaClassPath(() -> classPath)
            .build()) {
      RunReport report =
          new RunEngine(
                  context,
                  t.alcove(),
                  new RunOptions(dev.alcove.core.select.Selection.ALL, false, false))
              .run();
      assertThat(report.succeeded()).as(report.failed().toString()).isTrue();
      return report;
    }
  }

  private String keyText(String table, java.util.function.Supplier<List<Path>> classPath) {
    var alcove = t.alcove();
    var layout = alcove.layout();
    var digester = dev.alcove.core.checksum.FileDigester.READ_EVERY_BYTE;
    try (GoalContext context = Contexts.of(t.log)) {
      var snapshots =
          new dev.alcove.core.snapshot.RestoreSnapshot(
              context,
              layout,
              digester,
              dev.alcove.core.snapshot.SnapshotSummaries.load(layout.buildDir()));
      TableKeys keys =
          new TableKeys(
              layout,
              digester,
              new dev.alcove.core.run.runner.Engines(digester, classPath),
              snapshots);
      TableStep step =
          TableStep.of(
              StepUri.parse(table), alcove.catalogue(), layout, classPath, alcove.frontEnd());
      return keys.text(
          step,
          keys.inputData(
              step,
              upstream -> {
                throw new AssertionError("no table input");
              }));
    }
  }

  /** A jar with one resource that says its version, as a library upgrade changes its bytes. */
  private static Path jar(Path file, String version) throws IOException {
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("lib/version.txt"));
      zip.write(version.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      zip.closeEntry();
    }
    return file;
  }
}
