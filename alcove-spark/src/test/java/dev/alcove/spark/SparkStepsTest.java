package dev.alcove.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.run.TableRun.Outcome;
import dev.alcove.core.select.Selection;
import dev.alcove.core.spark.RecordedVersionSpark;
import dev.alcove.core.spark.SparkProcess;
import dev.alcove.core.spark.SparkSettings;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.S3TestServer;
import dev.alcove.core.testing.SparkConnectTestServer;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-step pipeline against a real Spark Connect server and the local store: a CSV snapshot, a
 * Spark SQL table over it, and a DuckDB table on top of that.
 */
class SparkStepsTest {

  static final StepUri SUMMARY = StepUri.parse("table://summary/latest");
  static final StepUri TOP = StepUri.parse("table://top/latest");

  @TempDir Path dir;
  TestAlcove t;
  SparkConnectTestServer server;
  final AtomicInteger workersStarted = new AtomicInteger();

  @BeforeEach
  void pipeline() {
    server = SparkConnectTestServer.get();
    t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\neu,5\nas,7\n");
    t.table(
        SUMMARY.toString(),
        ".sql",
        "SELECT region AS dim_region, sum(people) AS people FROM {people}"
            + " GROUP BY region ORDER BY region",
        "snapshot://people/latest");
    TestAlcove.write(t.path("src/steps/tables/summary.meta.yaml"), "engine: spark\n");
    t.table(
        TOP.toString(),
        ".sql",
        "SELECT * FROM '{summary}' ORDER BY people DESC LIMIT 1",
        SUMMARY.toString());
  }

  @Test
  void aSparkTableIsBuiltOnTheClusterCachedAndReadByADuckDbTableBelowIt() throws Exception {
    RunReport first = run(server.remote());
    assertThat(first.succeeded()).as(first.failed().toString()).isTrue();
    assertThat(first.tables(Outcome.BUILT)).containsExactlyInAnyOrder(SUMMARY, TOP);
    assertThat(rows(TOP)).containsExactly("eu 15");
    assertThat(rows(SUMMARY)).containsExactly("as 7", "eu 15");
    assertThat(t.lines)
        .anyMatch(
            line -> line.startsWith("building table://summary/latest (output missing) on Spark"))
        .contains("Spark wrote table://summary/latest: 2 rows, 2 columns");
    // Its key names the engine and the server's version; its entry is in the table cache.
    String manifest = Files.readString(t.path("target/alcove/manifest.tsv"));
    assertThat(manifest)
        .containsPattern("table://summary/latest\t[0-9a-f]{64}\t[0-9a-f]{64}\tspark 4\\.");
    try (var entries = Files.list(t.store.resolve("cache/v1"))) {
      assertThat(entries.count()).isEqualTo(2);
    }
    assertThat(t.store.resolve("tmp/spark")).isEmptyDirectory();

    // Nothing to do, and no worker started to find that out: the version is recorded.
    int workers = workersStarted.get();
    RunReport second = run(server.remote());
    assertThat(second.plan()).noneMatch(step -> step.runs());
    assertThat(workersStarted.get()).isEqualTo(workers);

    // A fresh clone of the build state restores both from the cache, asking Spark only its version.
    dev.alcove.core.io.Folders.delete(t.path("target"));
    dev.alcove.core.io.Folders.delete(t.path("data/tables"));
    RunReport restored = run(server.remote());
    assertThat(restored.tables(Outcome.FROM_CACHE)).containsExactlyInAnyOrder(SUMMARY, TOP);
  }

  @Test
  void aFailingStatementFailsItsTableInOneLineWithSparksMessageAndChangesNothing()
      throws Exception {
    assertThat(run(server.remote()).succeeded()).isTrue();
    byte[] top = Files.readAllBytes(t.alcove().layout().tableFile(TOP));
    TestAlcove.write(t.path("src/steps/tables/summary.sql"), "SELECT no_such_column FROM {people}");
    RunReport failed = run(server.remote());
    assertThat(failed.failed()).containsOnlyKeys(SUMMARY);
    assertThat(failed.failed().get(SUMMARY))
        .startsWith("src/steps/tables/summary.sql:1: Spark: ")
        .contains("no_such_column")
        .doesNotContain("\n");
    assertThat(failed.skipped()).containsOnlyKeys(TOP);
    assertThat(Files.readAllBytes(t.alcove().layout().tableFile(TOP))).isEqualTo(top);
    assertThat(t.store.resolve("tmp/spark")).isEmptyDirectory();
  }

  @Test
  void anUnreachableServerFailsTheSparkTableInOneLineAndChangesNothing() throws Exception {
    int closed;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    // Its key holds the server's version: the plan stops at once, before anything changes.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> run("sc://127.0.0.1:" + closed, Duration.ofSeconds(10)))
        .hasMessage(
            "cannot reach the Spark Connect server at sc://127.0.0.1:"
                + closed
                + ": no answer within 10 s (is the server up, and the address right?)");
    assertThat(t.alcove().layout().tableSidecar(SUMMARY)).doesNotExist();
    assertThat(t.alcove().layout().tableFile(TOP)).doesNotExist();
  }

  @Test
  void aDataTestThatFailsOnTheSparkTableFailsItWithTheUsualMessage() {
    TestAlcove.write(
        t.path("src/steps/tables/summary.meta.yaml"),
        "engine: spark\nvalidation:\n  accepted_values:\n    dim_region: [eu]\n");
    RunReport failed = run(server.remote());
    assertThat(failed.failed()).containsOnlyKeys(SUMMARY);
    assertThat(failed.failed().get(SUMMARY))
        .contains("fails its config src/steps/tables/summary.meta.yaml")
        .contains("'as'");
    assertThat(t.alcove().layout().tableSidecar(SUMMARY)).doesNotExist();
  }

  @Test
  void minimalBuildsOnSparkAndTestsThereWithoutBringingTheTableHere() throws Exception {
    TestAlcove.write(
        t.path("src/steps/tables/summary.meta.yaml"),
        "engine: spark\nvalidation:\n  accepted_values:\n    dim_region: [as, eu]\n");
    RunReport report =
        run(
            server.remote(),
            Duration.ofSeconds(60),
            new RunOptions(
                Selection.parse(
                    SUMMARY.toString(), null, dev.alcove.core.frontend.FrontEnd.NEUTRAL),
                false,
                false,
                dev.alcove.core.cache.CacheOptions.DEFAULT,
                dev.alcove.core.run.Download.MINIMAL));
    assertThat(report.tables(Outcome.BUILT)).containsExactly(SUMMARY);
    assertThat(t.alcove().layout().tableFile(SUMMARY)).doesNotExist();
    assertThat(t.tableData().where(SUMMARY))
        .isEqualTo(dev.alcove.core.tabledata.TableData.Where.IN_STORE);
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith("built table://summary/latest on Spark: 2 rows, 2 columns, ")
                    && line.endsWith(", in the store"));
    // A reader fetches it, verified, when it needs it.
    assertThat(t.tableData().local(SUMMARY, "a test")).exists();
    assertThat(rows(SUMMARY)).containsExactly("as 7", "eu 15");
  }

  @Test
  void aFolderSnapshotIsReadAsOneTableEachFileCountedAndAnOddFileIsRefused() throws Exception {
    Path folder = Files.createDirectories(dir.resolve("drop/regions"));
    Files.writeString(folder.resolve("a.csv"), "region,people\neu,1\n");
    // The same bytes twice: one object in the store, its rows counted twice.
    Files.writeString(folder.resolve("b.csv"), "region,people\neu,1\n");
    Files.createDirectories(folder.resolve("late"));
    Files.writeString(folder.resolve("late/c.csv"), "region,people\nas,4\n");
    t.snapshot(folder, "regions");
    t.table(
        "table://by-region/latest",
        ".sql",
        "SELECT region AS dim_region, sum(people) AS people, count(*) AS files FROM {regions}"
            + " GROUP BY region",
        "snapshot://regions/latest");
    TestAlcove.write(t.path("src/steps/tables/by-region.meta.yaml"), "engine: spark\n");
    Path odd = Files.createDirectories(dir.resolve("drop/vendor"));
    Files.writeString(odd.resolve("a.csv"), "region,people\neu,1\n");
    Files.writeString(odd.resolve("notes.txt"), "from the vendor\n");
    t.snapshot(odd, "vendor");
    t.table("table://vendor/latest", ".sql", "SELECT * FROM {vendor}", "snapshot://vendor/latest");
    TestAlcove.write(t.path("src/steps/tables/vendor.meta.yaml"), "engine: spark\n");

    RunReport report = run(server.remote());

    assertThat(report.tables(Outcome.BUILT)).contains(StepUri.parse("table://by-region/latest"));
    assertThat(rows(StepUri.parse("table://by-region/latest"))).containsExactly("as 4", "eu 2");
    assertThat(report.failed())
        .containsExactly(
            java.util.Map.entry(
                StepUri.parse("table://vendor/latest"),
                "table://vendor/latest runs on Spark and reads snapshot://vendor/2024-07-26, a folder"
                    + " of '.csv', '.txt' files: Spark steps read CSV and Parquet snapshots, a"
                    + " folder's files all of one of them"));
  }

  /**
   * The store in a bucket (S3Proxy): the server reads the inputs and writes the table through S3A,
   * handed the store's settings and keys, and alcove adopts the one file by a copy on the server.
   * One test only: the server keeps one S3A client per bucket for its life.
   */
  @Test
  void onAnS3StoreTheClusterReadsAndWritesTheBucketAndTheOutputIsAdoptedThere() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        server.hasS3a(), "the test Spark server has no S3A (hadoop-aws) on its class path");
    try (S3TestServer s3 = S3TestServer.start(dir.resolve("s3"))) {
      depot =
          () ->
              new dev.alcove.core.store.Depot(
                  S3Store.open(s3.settings("lake"), Retry.standard(t.log)),
                  Optional.empty(),
                  t.log);
      RunReport first = run(server.remote(), true);
      assertThat(first.succeeded()).as(first.failed().toString()).isTrue();
      assertThat(first.tables(Outcome.BUILT)).containsExactlyInAnyOrder(SUMMARY, TOP);
      assertThat(rows(SUMMARY)).containsExactly("as 7", "eu 15");
      assertThat(rows(TOP)).containsExactly("eu 15");
      // The table's object is at its content address in the bucket, verified; nothing else is
      // left of what Spark wrote.
      dev.alcove.core.checksum.Checksum summary =
          dev.alcove.core.metadata.TableMetadata.read(
                  t.alcove().layout().tableSidecar(SUMMARY), SUMMARY)
              .checksum();
      Path object = s3.objectFile(dev.alcove.core.store.ObjectKeys.key("lake", summary));
      assertThat(dev.alcove.core.checksum.Sha256.ofFile(object)).isEqualTo(summary);
      try (S3Store store = S3Store.open(s3.settings("lake"), Retry.standard(t.log))) {
        assertThat(store.listEntries("tmp/spark")).isEmpty();
      }
      // A second run has nothing to do.
      assertThat(run(server.remote(), true).plan()).noneMatch(step -> step.runs());
    }
  }

  private java.util.function.Supplier<dev.alcove.core.store.Depot> depot;

  private RunReport run(String remote, boolean storeAccess) {
    return run(
        remote, Duration.ofSeconds(60), new RunOptions(Selection.ALL, false, false), storeAccess);
  }

  private RunReport run(String remote) {
    return run(remote, Duration.ofSeconds(60));
  }

  private RunReport run(String remote, Duration connectTimeout) {
    return run(remote, connectTimeout, new RunOptions(Selection.ALL, false, false));
  }

  private RunReport run(String remote, Duration connectTimeout, RunOptions options) {
    return run(remote, connectTimeout, options, false);
  }

  private RunReport run(
      String remote, Duration connectTimeout, RunOptions options, boolean storeAccess) {
    SparkSettings settings =
        SparkSettings.parse(remote, Optional.empty(), "test").withStoreAccess(storeAccess);
    Path buildDir = t.alcove().layout().buildDir();
    t.lines.clear();
    try (GoalContext context =
        GoalContext.builder()
            .log(t.log)
            .clock(Contexts.JULY_26)
            .threads(2)
            .store(depot == null ? t::depot : depot)
            .spark(
                () ->
                    new RecordedVersionSpark(
                        settings,
                        () -> {
                          workersStarted.incrementAndGet();
                          return SparkProcess.start(
                              Contexts.testClassPath(),
                              settings,
                              buildDir.resolve("spark-worker.log"),
                              connectTimeout);
                        },
                        buildDir))
            .build()) {
      return new RunEngine(context, t.alcove(), options).run();
    }
  }

  private List<String> rows(StepUri table) throws Exception {
    List<String> rows = new java.util.ArrayList<>();
    try (Connection connection = DuckDb.inMemory();
        Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT * FROM "
                    + DuckDb.readParquet(t.alcove().layout().tableFile(table))
                    + " ORDER BY 1")) {
      while (result.next()) {
        rows.add(result.getString(1) + " " + result.getString(2));
      }
    }
    return rows;
  }
}
