package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import dev.alcove.core.uri.StepUri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunEngineTest {

  @TempDir Path dir;
  TestAlcove t;

  static final String SUMMARY_SQL =
      "SELECT region AS dim_region, sum(people)::BIGINT AS people FROM '{people}' GROUP BY ALL ORDER BY ALL";

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\neu,5\nas,7\n");
    t.table("table://summary/latest", ".sql", SUMMARY_SQL, "snapshot://people/latest");
    t.table(
        "table://top/latest",
        ".sql",
        "SELECT * FROM '{summary}' ORDER BY people DESC LIMIT 1",
        "table://summary/latest");
  }

  @Test
  void firstRunBuildsEverythingAndWritesSpecMetadata() throws Exception {
    RunReport report = t.run();
    assertThat(report.succeeded()).isTrue();
    assertThat(report.done())
        .extracting(StepUri::toString)
        .containsExactly("table://summary/latest", "table://top/latest");
    assertThat(rows("data/tables/summary/latest.parquet")).isEqualTo("as 7, eu 15");
    TableMetadata metadata =
        TableMetadata.read(
            t.path("data/tables/summary/latest.meta.yaml"),
            StepUri.parse("table://summary/latest"));
    assertThat(metadata.schema())
        .containsExactly(Map.entry("dim_region", "VARCHAR"), Map.entry("people", "BIGINT"));
    assertThat(metadata.inputManifest())
        .containsOnlyKeys(
            "src/steps/tables/summary.sql", "data/snapshots/people/2024-07-26.meta.yaml");
    assertThat(metadata.execution().status()).isEqualTo("success");
    assertThat(t.lines)
        .anyMatch(line -> line.startsWith("built table://summary/latest: 2 rows, 2 columns"));
  }

  @Test
  void aChangedFolderGetsBackOnlyWhatChanged() throws Exception {
    Path folder = builtPartsFolder();
    Files.writeString(folder.resolve("b.csv"), "edited\n");
    Files.delete(folder.resolve("sub/c.csv"));
    Files.writeString(folder.resolve("stray.csv"), "not in the manifest\n");

    t.run();

    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith(
                    "restored snapshot://parts/2024-07-26: 2 of 3 files fetched, 1 file not in the manifest moved aside"));
    assertThat(folder.resolve("b.csv")).hasContent("x\nb.csv\n");
    assertThat(folder.resolve("sub/c.csv")).hasContent("x\nsub/c.csv\n");
    assertThat(folder.resolve("stray.csv")).doesNotExist();
    // The user's edit and file are kept aside, and the log says where and how to keep them.
    assertThat(displaced("data/snapshots/parts/2024-07-26/b.csv")).hasContent("edited\n");
    assertThat(displaced("data/snapshots/parts/2024-07-26/stray.csv"))
        .hasContent("not in the manifest\n");
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith(
                        "WARN data/snapshots/parts/2024-07-26/b.csv is not the data"
                            + " snapshot://parts/2024-07-26 records: moved it to"
                            + " target/alcove/displaced/")
                    && line.contains("alcove.force=true"));
    assertThat(t.run().plan()).noneMatch(step -> step.runs());
  }

  @Test
  void aLinkAddedToAChangedFolderIsMovedAsideAndASkippedFileKept() throws Exception {
    Path folder = builtPartsFolder();
    Files.writeString(folder.resolve("b.csv"), "edited\n");
    // The check follows a link that stays inside the folder and skips .DS_Store: the restore
    // must look at the folder itself to find what to move aside, and move the link, not the
    // files of the folder it leads to.
    Files.createSymbolicLink(folder.resolve("alias"), Path.of("sub"));
    Files.writeString(folder.resolve(".DS_Store"), "finder\n");

    assertThat(t.run().succeeded()).isTrue();

    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith(
                    "restored snapshot://parts/2024-07-26: 1 of 3 files fetched, 1 file not in the"
                        + " manifest moved aside"));
    assertThat(Files.exists(folder.resolve("alias"), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .isFalse();
    assertThat(folder.resolve("sub/c.csv")).hasContent("x\nsub/c.csv\n");
    assertThat(folder.resolve("a.csv")).hasContent("x\na.csv\n");
    assertThat(folder.resolve("b.csv")).hasContent("x\nb.csv\n");
    assertThat(folder.resolve(".DS_Store")).hasContent("finder\n");
    assertThat(t.run().plan()).noneMatch(step -> step.runs());
  }

  @Test
  void aFileEditedByHandIsMovedAsideBeforeItIsRestored() throws Exception {
    t.run();
    Path data = t.path("data/snapshots/people/2024-07-26.csv");
    String original = Files.readString(data);
    Files.writeString(data, original + "xx,1\n");

    assertThat(t.run().succeeded()).isTrue();

    assertThat(data).hasContent(original);
    assertThat(displaced("data/snapshots/people/2024-07-26.csv")).hasContent(original + "xx,1\n");
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith("WARN data/snapshots/people/2024-07-26.csv is not the data")
                    && line.contains(
                        "snapshot it again with the snapshot goal and alcove.force=true"));
  }

  /** A folder snapshot of a.csv, b.csv and sub/c.csv, run once: its data folder in the alcove. */
  private Path builtPartsFolder() throws Exception {
    Path source = dir.resolve("inputs/parts");
    for (String name : new String[] {"a.csv", "b.csv", "sub/c.csv"}) {
      TestAlcove.write(source.resolve(name), "x\n" + name + "\n");
    }
    t.snapshot(source, "parts");
    assertThat(t.run().succeeded()).isTrue();
    return t.path("data/snapshots/parts/2024-07-26");
  }

  /** The one file under target/alcove/displaced/ whose path in the alcove is {@code relative}. */
  private Path displaced(String relative) throws Exception {
    try (var stamps = Files.list(t.path("target/alcove/displaced"))) {
      return stamps
          .map(stamp -> stamp.resolve(relative))
          .filter(Files::isRegularFile)
          .findFirst()
          .orElseThrow(() -> new AssertionError("nothing displaced at " + relative));
    }
  }

  @Test
  void secondRunDoesNothingAndReadsNoDataBytes() throws Exception {
    t.run();
    waitOutOfRacyWindow();
    t.run();

    RunReport report = t.run();
    assertThat(report.plan()).allMatch(step -> !step.runs());
    assertThat(t.lines)
        .singleElement()
        .asString()
        .matches("all 3 steps are up to date: nothing to do \\(checked in [0-9.]+ s\\)");
  }

  @Test
  void aRewriteThatKeepsSizeAndModificationTimeIsStillSeen() throws Exception {
    t.run();
    Path data = t.path("data/snapshots/people/2024-07-26.csv");
    waitOutOfRacyWindow();
    t.run();
    // Same size, same modification time, other bytes: as in git's index, the inode-change time
    // (which no program can set back) tells the file was written.
    FileTime mtime = Files.getLastModifiedTime(data);
    Files.writeString(data, Files.readString(data).replace("eu,10", "eu,99"));
    Files.setLastModifiedTime(data, mtime);

    t.run();
    assertThat(t.lines)
        .anyMatch(
            line -> line.contains("snapshot://people/2024-07-26: restore (local data changed)"));
  }

  @Test
  void anEditToADefinitionBehindALinkIsSeen() throws Exception {
    t.run();
    Path real = t.path("src/steps/shared/summary.sql");
    Path definition = t.path("src/steps/tables/summary.sql");
    Files.createDirectories(real.getParent());
    Files.move(definition, real);
    Files.createSymbolicLink(definition, real);
    waitOutOfRacyWindow();
    t.run();
    assertThat(t.lines).anyMatch(line -> line.contains("all 3 steps are up to date"));

    Files.writeString(real, SUMMARY_SQL + " -- edited");
    t.run();
    assertThat(t.lines).anyMatch(line -> line.contains("table://summary/latest: build"));
  }

  @Test
  void aVariableThatIsNotADependencyFailsBeforeDuckDbRunsNamingTheOnesThereAre() {
    t.table(
        "table://typo/latest",
        ".sql",
        "-- counts people\nSELECT count(*) AS n\nFROM '{peple}'",
        "snapshot://people/latest");
    RunReport report = t.run("typo", false, false, 2);
    assertThat(report.failed())
        .containsEntry(
            StepUri.parse("table://typo/latest"),
            "src/steps/tables/typo.sql:3: {peple} is not one of the variables here:"
                + " {output_file}, {people} (each dependency's name, and {output_file})");
    assertThat(t.path("data/tables/typo")).doesNotExist();
  }

  @Test
  void aSelectedStepRunsAloneWithItsMissingInputsBroughtFirstAndForceOnlyForcesIt()
      throws Exception {
    t.run();
    Files.writeString(
        t.path("src/steps/tables/summary.sql"), SUMMARY_SQL.replace("sum(people)", "max(people)"));

    RunReport alone = t.run("top", false, false, 2);

    assertThat(alone.done()).isEmpty();
    assertThat(t.lines)
        .contains(
            "table://summary/latest: not selected: used as it is, although out of date"
                + " (definition changed)");

    try (var files = Files.walk(t.path("data/tables"))) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    Files.delete(t.path("data/snapshots/people/2024-07-26.csv"));
    RunReport rebuilt = t.run("top", false, false, 2);

    assertThat(rebuilt.done())
        .extracting(StepUri::toString)
        .containsExactly(
            "snapshot://people/2024-07-26", "table://summary/latest", "table://top/latest");
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.equals(
                    "building table://summary/latest (output missing; an input of"
                        + " table://top/latest) from src/steps/tables/summary.sql"));

    RunReport forced = t.run("summary", true, false, 2);

    assertThat(forced.done())
        .extracting(StepUri::toString)
        .containsExactly("table://summary/latest");
    assertThat(t.lines)
        .anyMatch(line -> line.startsWith("building table://summary/latest (forced)"));
  }

  @Test
  void aPlusAfterTheSelectorBringsEverythingDownstream() {
    t.run();
    RunReport forced = t.run("summary+", true, false, 2);
    assertThat(forced.done())
        .extracting(StepUri::toString)
        .containsExactly("table://summary/latest", "table://top/latest");
  }

  @Test
  void aRunThatStopsBeforeAnyStepSaysSoInItsResults() throws Exception {
    t.run();
    TestAlcove.write(t.path("src/steps/tables/summary.meta.yaml"), "validation: {nope: 1}\n");

    assertThatThrownBy(t::run).hasMessageContaining("unknown validation 'nope'");

    String results = Files.readString(t.path("target/alcove/run-results.json"));
    assertThat(results)
        .contains("\"success\": false", "unknown validation 'nope'", "\"results\": []");
  }

  @Test
  void aTableAnotherToolRebuiltIsNotSaidToBeAlcovesOwnBuild() throws Exception {
    t.run();
    // As the Python tool leaves it: another Parquet file, and metadata that records it.
    Path parquet = t.path("data/tables/top/latest.parquet");
    Path metadata = t.path("data/tables/top/latest.meta.yaml");
    String before = dev.alcove.core.checksum.Sha256.ofFile(parquet).hex();
    Files.copy(
        t.path("data/tables/summary/latest.parquet"),
        parquet,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    String after = dev.alcove.core.checksum.Sha256.ofFile(parquet).hex();
    Files.writeString(metadata, Files.readString(metadata).replace(before, after));

    t.run(null, false, true, 2);

    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith("plan: table://top/latest: ")
                    && line.contains("(output replaced since the last run here recorded it"))
        .noneMatch(line -> line.contains("since alcove built it"));
  }

  @Test
  void eachReasonIsTriggeredByItsCause() throws Exception {
    t.run();
    assertReasons(
        "table://summary/latest: build (forced)", "table://top/latest: build (forced)", true);

    Files.writeString(t.path("src/steps/tables/summary.sql"), SUMMARY_SQL + " -- edited");
    assertReasons(
        "table://summary/latest: build (definition changed)",
        "table://top/latest: build unless unchanged or cached (upstream table://summary/latest rebuilt)",
        false);

    TestAlcove.write(t.path("src/steps/tables/top.meta.yaml"), "override:\n  name: Top region\n");
    assertReasons(null, "table://top/latest: build (config changed)", false);

    Files.writeString(t.path("data/tables/top/latest.parquet"), "not what was built");
    assertReasons(
        null,
        "table://top/latest: restore from the table cache (output modified since it was built;",
        false);

    Files.delete(t.path("data/tables/top/latest.parquet"));
    assertReasons(
        null, "table://top/latest: restore from the table cache (output missing; built", false);

    t.snapshotText("people/2024-08-01", "people.csv", "region,people\neu,1\n");
    assertReasons(
        "table://summary/latest: build (dependencies changed: now snapshot://people/2024-08-01)",
        "table://top/latest: build unless unchanged or cached (upstream table://summary/latest rebuilt)",
        false);
  }

  @Test
  void anEditedSidecarUpdatesMetadataDownstreamWithoutABuild() throws Exception {
    t.run();
    Path sidecar = t.path("data/snapshots/people/2024-07-26.meta.yaml");
    Files.writeString(
        sidecar,
        Files.readString(sidecar)
            .replace("# license: ", "license: CC0")
            .replace("# name: ", "name: People by region"));
    assertReasons(
        "table://summary/latest: update metadata (an input's sidecar changed, its data did not)",
        "table://top/latest: build unless unchanged or cached"
            + " (upstream table://summary/latest has new metadata)",
        false);
    assertThat(t.lines)
        .contains(
            "table://top/latest: up to date (upstream table://summary/latest has new metadata,"
                + " output unchanged)")
        .noneMatch(line -> line.startsWith("building"));
    // One dependency and no config: the licence is inherited, through summary into top.
    assertThat(Files.readString(t.path("data/tables/summary/latest.meta.yaml")))
        .contains("license: CC0");
    assertThat(Files.readString(t.path("data/tables/top/latest.meta.yaml")))
        .contains("license: CC0");
    // Its title is not: a table that transforms its input is not that input.
    assertThat(Files.readString(t.path("data/tables/summary/latest.meta.yaml")))
        .doesNotContain("People by region");
  }

  @Test
  void selectDryRunAndForce() throws Exception {
    t.table("table://other/latest", ".sql", "SELECT 1 AS dim_x");
    Map<String, String> before = TreeState.of(t.root);
    RunReport dry = t.run("top", false, true, 2);
    assertThat(dry.plan())
        .extracting(step -> step.uri().toString())
        .containsExactly(
            "snapshot://people/2024-07-26", "table://summary/latest", "table://top/latest");
    assertThat(t.lines)
        .contains(
            "plan: table://top/latest: build unless unchanged or cached (upstream table://summary/latest rebuilt)");
    // It keeps the parse of alcove.yaml and the snapshot summaries for the next goal (caches
    // checked against the files' bytes), and changes nothing else.
    String parse = "target/alcove/" + dev.alcove.core.catalogue.KeptCatalogue.FILE_NAME;
    String summaries = "target/alcove/" + dev.alcove.core.snapshot.SnapshotSummaries.FILE_NAME;
    Map<String, String> after = TreeState.of(t.root);
    assertThat(after.remove(parse)).isNotEqualTo(before.remove(parse));
    assertThat(after.remove(summaries)).isNotNull();
    before.remove(summaries);
    assertThat(after).isEqualTo(before);
    assertThat(
            dev.alcove.core.catalogue.KeptCatalogue.read(
                t.path("target/alcove"), Files.readAllBytes(t.path("alcove.yaml"))))
        .isPresent();

    t.run("other", false, false, 2);
    assertThat(t.path("data/tables/other/latest.parquet")).exists();
    assertThat(t.path("data/tables/summary/latest.parquet")).doesNotExist();
    assertThatThrownBy(() -> t.run("nomatch", false, false, 2))
        .hasMessageContaining("alcove.select=nomatch: 'nomatch' matches no step");
  }

  @Test
  void aSnapshotThatCannotBeRestoredIsNotCountedAsFailedTables() throws Exception {
    Path data = t.path("data/snapshots/people/2024-07-26.csv");
    Checksum object = dev.alcove.core.checksum.Sha256.ofFile(data);
    Files.delete(data);
    Files.delete(
        new dev.alcove.core.store.LocalDirectoryStore(t.store, "local store").pathOf(object));

    RunReport report = t.run();

    assertThat(report.failed()).containsOnlyKeys(StepUri.parse("snapshot://people/2024-07-26"));
    assertThat(t.lines)
        .contains("tables: 2 not run because an input failed", "snapshots: 1 could not be restored")
        .noneMatch(
            line ->
                line.contains("failed")
                    && line.startsWith("tables:")
                    && !line.contains("input failed"));
  }

  @Test
  void aSqlFileThatIsNotUtf8SaysWhereTheByteIs() throws Exception {
    Files.write(
        t.path("src/steps/tables/summary.sql"),
        "-- r\u00e9gions\nSELECT 'caf\u00e9' AS x\n".getBytes(StandardCharsets.ISO_8859_1));

    RunReport report = t.run();

    assertThat(report.failed().get(StepUri.parse("table://summary/latest")))
        .isEqualTo(
            "src/steps/tables/summary.sql is not UTF-8: byte 0xE9 at line 1, byte 5 of the line;"
                + " save the file as UTF-8 (it looks like Latin-1 or Windows-1252)");
  }

  @Test
  void failingSqlKeepsThePreviousOutputAndStopsOnlyDownstream() throws Exception {
    t.table("table://independent/latest", ".sql", "SELECT 42 AS answer");
    t.run();
    Map<String, String> tablesBefore = TreeState.of(t.path("data/tables/summary"));
    Files.writeString(
        t.path("src/steps/tables/summary.sql"),
        "-- a comment\nSELECT region,\n  FROM WHERE '{people}'\n");
    Files.delete(t.path("data/tables/independent/latest.parquet"));

    RunReport report = t.run();
    assertThat(report.succeeded()).isFalse();
    assertThat(report.failed()).containsOnlyKeys(StepUri.parse("table://summary/latest"));
    assertThat(report.failed().values().iterator().next())
        .startsWith("src/steps/tables/summary.sql:3: Parser Error")
        // DuckDB's quoted line keeps its own line, numbered as in the file.
        .contains("\nline 3:   FROM WHERE '");
    assertThat(report.skipped()).containsOnlyKeys(StepUri.parse("table://top/latest"));
    assertThat(report.failureSummary())
        .contains("table://summary/latest", "not run because of it: table://top/latest");
    String results = Files.readString(t.path("target/alcove/run-results.json"));
    assertThat(results)
        .contains(
            "\"success\": false",
            "\"uri\": \"table://summary/latest\"",
            "\"status\": \"error\"",
            "\"error\": \"src/steps/tables/summary.sql:3: Parser Error",
            "\"status\": \"skipped\"",
            "\"error\": \"upstream table://summary/latest failed\"",
            "\"outcome\": \"from_cache\"");
    assertThat(t.path("data/tables/independent/latest.parquet")).exists();
    assertThat(TreeState.of(t.path("data/tables/summary"))).isEqualTo(tablesBefore);
  }

  @Test
  void configChecksListEveryFailedRuleAndTheTableIsNotKept() throws Exception {
    TestAlcove.write(
        t.path("src/steps/tables/summary.meta.yaml"),
        "schema:\n  people: string\n  missing: integer\nvalidation:\n  required_columns: [nope]\n  unique_columns: [dim_region]\n  not_null: [people]\n");
    t.table("table://dupes/latest", ".sql", "SELECT * FROM (VALUES (1, NULL), (1, 2)) t(a, b)");
    TestAlcove.write(
        t.path("src/steps/tables/dupes.meta.yaml"),
        "validation:\n  unique_columns: [a]\n  not_null: [b]\n  require_dimension_prefix: true\n");
    RunReport report = t.run();
    assertThat(report.failed().get(StepUri.parse("table://summary/latest")))
        .contains(
            "schema: column 'people' is BIGINT, not string",
            "schema: column 'missing' is missing",
            "required_columns: column 'nope' is missing");
    assertThat(report.failed().get(StepUri.parse("table://dupes/latest")))
        .contains(
            "unique_columns: column 'a' has 1 duplicated values: '1' (2 rows)",
            "not_null: column 'b' has 1 null values",
            "require_dimension_prefix");
    assertThat(t.path("data/tables/summary/latest.parquet")).doesNotExist();
    assertThat(t.path("data/tables/dupes/latest.parquet")).doesNotExist();
    assertThat(t.path("data/tables/dupes")).doesNotExist();
  }

  @Test
  void programStepsGetInputsThenOutputAndFailClearly() throws Exception {
    t.run();
    t.table(
        "table://copy/latest",
        "",
        "#!/bin/sh\necho copying \"$1\"\ncp \"$1\" \"$2\"\n",
        "table://summary/latest");
    t.path("src/steps/tables/copy").toFile().setExecutable(true);
    t.table("table://fails/latest", ".sh", "#!/bin/sh\necho about to fail\nexit 3\n");
    t.path("src/steps/tables/fails.sh").toFile().setExecutable(true);
    t.table("table://silent/latest", ".sh", "#!/bin/sh\nexit 0\n");
    t.path("src/steps/tables/silent.sh").toFile().setExecutable(true);
    t.table("table://noexec/latest", ".sh", "#!/bin/sh\n");
    RunReport report = t.run();
    assertThat(rows("data/tables/copy/latest.parquet")).isEqualTo("as 7, eu 15");
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith("[table://copy/latest] copying ")
                    && line.endsWith("data/tables/summary/latest.parquet"));
    assertThat(t.lines).contains("[table://fails/latest] about to fail");
    assertThat(report.failed().get(StepUri.parse("table://fails/latest")))
        .isEqualTo("src/steps/tables/fails.sh exited with status 3");
    assertThat(report.failed().get(StepUri.parse("table://silent/latest")))
        .contains("wrote no output");
    assertThat(report.failed().get(StepUri.parse("table://noexec/latest")))
        .contains("is not executable: run chmod +x");
  }

  @Test
  void pythonStepsRunWithPython3() throws Exception {
    t.run();
    t.table(
        "table://py-copy/latest",
        ".py",
        "import shutil, sys\nprint('copying with python')\nshutil.copy(sys.argv[1], sys.argv[2])\n",
        "table://summary/latest");
    RunReport report = t.run("py-copy", false, false, 2);
    assertThat(report.failed()).isEmpty();
    assertThat(rows("data/tables/py-copy/latest.parquet")).isEqualTo("as 7, eu 15");
    assertThat(t.lines).contains("[table://py-copy/latest] copying with python");
  }

  @Test
  void javaStepsRunWithTheClassPath() throws Exception {
    t.table(
        "table://from-java/latest",
        ".java",
        """
        import java.sql.DriverManager;
        class FromJava {
          public static void main(String[] args) throws Exception {
            try (var c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
              s.execute("COPY (SELECT count(*) AS n FROM '" + args[0] + "') TO '" + args[1] + "' (FORMAT parquet)");
            }
            System.out.println("java step done");
          }
        }
        """,
        "snapshot://people/latest");
    RunReport report = t.run("from-java", false, false, 2);
    assertThat(report.failed()).isEmpty();
    assertThat(rows("data/tables/from-java/latest.parquet")).isEqualTo("3");
    assertThat(t.lines).contains("[table://from-java/latest] java step done");
  }

  @Test
  void aJavaStepIsCompiledOnceAndAgainOnlyWhenItsSourceChanges() throws Exception {
    String source =
"""
        package steps;

        import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
        import java.nio.file.Path;

        class Copy {
          public static void main(String[] args) throws Exception {
            Files.copy(Path.of(args[0]), Path.of(args[1]));
            System.out.println("%s");
          }
        }

        class Helper {}
        """;
    t.run();
    t.table("table://copied/latest", ".java", source.formatted("first"), "table://summary/latest");
    assertThat(t.run("copied", false, false, 2).failed()).isEmpty();
    Path compiled = t.path("target/alcove/java-steps");
    assertThat(compiledFolders(compiled)).hasSize(1);
    assertThat(t.lines).contains("[table://copied/latest] first");

    t.run("copied", true, false, 2);
    assertThat(compiledFolders(compiled)).as("the same source is not compiled again").hasSize(1);

    Path first = compiledFolders(compiled).get(0);
    Files.writeString(t.path("src/steps/tables/copied.java"), source.formatted("second"));
    t.run("copied", false, false, 2);
    assertThat(compiledFolders(compiled))
        .as("compiled again, and the older classes dropped")
        .hasSize(1)
        .doesNotContain(first);
    assertThat(t.lines).contains("[table://copied/latest] second");
  }

  private static java.util.List<Path> compiledFolders(Path folder) throws Exception {
    try (var entries = Files.list(folder)) {
      return entries.filter(p -> Files.isRegularFile(p.resolve("main-class"))).toList();
    }
  }

  @Test
  void aJavaStepThatDoesNotCompileNamesItsFileAndLinesAndKeepsNothing() throws Exception {
    t.table(
        "table://broken-java/latest",
        ".java",
        "class Broken {\n  public static void main(String[] args) {\n    int x = \"text\";\n    nope();\n  }\n}\n");

    RunReport report = t.run("broken-java", false, false, 2);

    assertThat(report.failed().get(StepUri.parse("table://broken-java/latest")))
        .startsWith(
            "src/steps/tables/broken-java.java:3: incompatible types: java.lang.String cannot be converted to int")
        .contains("\nsrc/steps/tables/broken-java.java:4: cannot find symbol");
    assertThat(t.path("data/tables/broken-java")).doesNotExist();
    try (var entries = Files.list(t.path("target/alcove/java-steps"))) {
      assertThat(entries.toList()).as("no half-compiled classes are kept").isEmpty();
    }
  }

  @Test
  void independentStepsRunInParallel() throws Exception {
    // Each step waits for the other to have started: only a parallel run can finish both.
    String barrier =
        "#!/bin/sh\ntouch \"%1$s/%2$s.started\"\ni=0\nwhile [ ! -f \"%1$s/%3$s.started\" ]; do i=$((i+1)); [ $i -gt 200 ] && exit 9; sleep 0.05; done\ncp \"$1\" \"$2\"\n";
    t.run();
    t.table(
        "table://left/latest",
        ".sh",
        String.format(barrier, dir, "left", "right"),
        "table://summary/latest");
    t.table(
        "table://right/latest",
        ".sh",
        String.format(barrier, dir, "right", "left"),
        "table://summary/latest");
    t.path("src/steps/tables/left.sh").toFile().setExecutable(true);
    t.path("src/steps/tables/right.sh").toFile().setExecutable(true);
    RunReport report = t.run(null, false, false, 2);
    assertThat(report.failed()).isEmpty();
    assertThat(report.done())
        .extracting(StepUri::toString)
        .contains("table://left/latest", "table://right/latest");
  }

  @Test
  void cyclesAndMissingDefinitionsAreRefusedBeforeAnythingRuns() throws Exception {
    t.table("table://a/latest", ".sql", "SELECT * FROM '{b}'", "table://b/latest");
    t.table("table://b/latest", ".sql", "SELECT * FROM '{a}'", "table://a/latest");
    assertThatThrownBy(t::run)
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("cycle: table://a/latest -> table://b/latest -> table://a/latest");
    assertThat(t.path("data/tables")).doesNotExist();

    TestAlcove other = new TestAlcove(dir.resolve("other"));
    other.addStep(StepUri.parse("table://ghost/latest"), java.util.List.of());
    assertThatThrownBy(other::run)
        .hasMessageContaining(
            "table table://ghost/latest has no definition: add src/steps/tables/ghost.sql");
  }

  private void assertReasons(String summary, String top, boolean force) {
    t.run(null, force, true, 2);
    if (summary != null) {
      assertThat(t.lines).contains("plan: " + summary);
    } else {
      assertThat(t.lines).contains("plan: table://summary/latest: up to date");
    }
    assertThat(t.lines).anyMatch(line -> line.startsWith("plan: " + top));
    assertThat(t.run().succeeded()).isTrue();
  }

  private String rows(String parquet) throws Exception {
    StringBuilder text = new StringBuilder();
    try (Connection c = DuckDb.inMemory();
        ResultSet rows =
            c.createStatement()
                .executeQuery("SELECT * FROM " + DuckDb.literal(t.path(parquet).toString()))) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        if (!text.isEmpty()) {
          text.append(", ");
        }
        for (int i = 1; i <= columns; i++) {
          text.append(i > 1 ? " " : "").append(rows.getString(i));
        }
      }
    }
    return text.toString();
  }

  private static void waitOutOfRacyWindow() throws InterruptedException {
    Thread.sleep(2100);
  }
}
