package dev.alcove.core.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.audit.Audit;
import dev.alcove.core.audit.AuditOptions;
import dev.alcove.core.audit.Finding;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.Download;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.run.TableRun.Outcome;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.store.OfflineStore;
import dev.alcove.core.store.s3.Retry;
import dev.alcove.core.store.s3.S3Store;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.Git;
import dev.alcove.core.testing.RecordingLog;
import dev.alcove.core.testing.S3TestServer;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A team's lake: a laptop and a CI runner, each with its own clone of one project (in different
 * folders, with different user homes and so different local caches), sharing one S3 bucket. The
 * laptop builds and pushes; the CI clone builds nothing it can restore.
 */
class SharedTableCacheTest {

  static final String SUMMARY =
      "SELECT region AS dim_region, sum(people)::BIGINT AS people FROM '{people}'"
          + " GROUP BY ALL ORDER BY ALL";
  static final String TOP = "SELECT * FROM '{summary}' ORDER BY people DESC LIMIT 1";
  static final List<String> TABLES =
      List.of("table://summary/latest", "table://top/latest", "table://small/latest");

  @TempDir Path dir;
  S3TestServer server;
  Path laptop;
  Path ci;

  @BeforeEach
  void twoClonesOfOneProject() throws Exception {
    server = S3TestServer.start(dir.resolve("s3"));
    laptop = dir.resolve("home-ana/work/lake");
    TestAlcove project = new TestAlcove(dir.resolve("home-ana/work"));
    Files.move(project.root, laptop);
    TestAlcove.write(dir.resolve("inputs/people.csv"), "region,people\neu,10\neu,5\nas,7\n");
    try (GoalContext context = context(laptop, "home-ana")) {
      new TakeSnapshot(context, Alcove.open(laptop))
          .snapshot(dir.resolve("inputs/people.csv"), "people", false);
    }
    TestAlcove.write(laptop.resolve("src/steps/tables/summary.sql"), SUMMARY);
    TestAlcove.write(laptop.resolve("src/steps/tables/top.sql"), TOP);
    TestAlcove.write(
        laptop.resolve("src/steps/tables/top.meta.yaml"),
        "schema:\n  dim_region: string\n  people: integer\n");
    TestAlcove.write(laptop.resolve("src/steps/tables/small.sql"), "SELECT 1 AS n");
    try (AlcoveEdit edit = Alcove.open(laptop).edit(AlcoveLog.SILENT)) {
      edit.addStep(declaration("table://summary/latest", "snapshot://people/latest"));
      edit.addStep(declaration("table://top/latest", "table://summary/latest"));
      edit.addStep(declaration("table://small/latest"));
    }
    Git.commitAll(laptop, "a lake");
    ci = dir.resolve("runner/home-ci/builds/lake");
    Files.createDirectories(ci.getParent());
    Git.run(ci.getParent(), "clone", "-q", laptop.toString(), ci.toString());
  }

  @AfterEach
  void stop() throws Exception {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void aCloneRestoresEveryTableAnotherMachineBuiltAndBuildsOnlyWhatChanged() throws Exception {
    List<String> pushing = new ArrayList<>();
    RunReport built =
        run(laptop, "home-ana", new CacheOptions(true, Optional.of(true)), false, pushing);
    assertThat(built.tables(Outcome.BUILT)).extracting(StepUri::toString).hasSize(3);
    // What was pushed is said, counted in the summary line and in run-results.json.
    assertThat(built.pushed()).extracting(StepUri::toString).hasSize(3);
    assertThat(pushing)
        .anyMatch(
            line -> line.startsWith("pushed table://summary/latest to the table cache of s3://"))
        .contains("tables: 3 tables built, 3 pushed to the table cache");
    assertThat(Files.readString(laptop.resolve("target/alcove/run-results.json")))
        .contains("\"pushed\": true");

    List<String> dryRun = new ArrayList<>();
    run(ci, "home-ci", CacheOptions.DEFAULT, true, dryRun);
    assertThat(dryRun)
        .anyMatch(
            line -> line.startsWith("plan: table://summary/latest: restore from the table cache"))
        // Below a table the cache restores, the key is known from the entry: restored too.
        .anyMatch(
            line ->
                line.startsWith(
                    "plan: table://top/latest: restore from the table cache (output"
                        + " missing; built "));

    RunReport restored = run(ci, "home-ci", CacheOptions.DEFAULT, false);
    assertThat(restored.succeeded()).isTrue();
    assertThat(restored.tables(Outcome.BUILT)).isEmpty();
    assertThat(restored.tables(Outcome.FROM_CACHE))
        .extracting(StepUri::toString)
        .containsExactlyInAnyOrderElementsOf(TABLES);
    for (String table : List.of("summary", "top", "small")) {
      Path file = Path.of("data/tables", table, "latest.parquet");
      assertThat(Files.mismatch(laptop.resolve(file), ci.resolve(file))).isEqualTo(-1L);
    }
    // Different folders, different homes: the same keys.
    assertThat(keys(ci)).isEqualTo(keys(laptop)).hasSize(3);
    assertThat(audit(ci)).noneMatch(f -> f.severity() == Finding.Severity.ERROR);

    TestAlcove.write(ci.resolve("src/steps/tables/summary.sql"), SUMMARY + " -- reformatted");
    RunReport afterEdit = run(ci, "home-ci", CacheOptions.DEFAULT, false);
    assertThat(afterEdit.tables(Outcome.BUILT))
        .extracting(StepUri::toString)
        .containsExactly("table://summary/latest");
    // Same rows: the table below it is up to date without a build (early cutoff).
    assertThat(afterEdit.tables(Outcome.UNCHANGED))
        .extracting(StepUri::toString)
        .containsExactly("table://top/latest");

    TestAlcove.write(ci.resolve("src/steps/tables/summary.sql"), SUMMARY.replace("sum", "max"));
    RunReport changed = run(ci, "home-ci", CacheOptions.DEFAULT, false);
    assertThat(changed.tables(Outcome.BUILT))
        .extracting(StepUri::toString)
        .containsExactly("table://summary/latest", "table://top/latest");
    assertThat(changed.plan())
        .filteredOn(step -> step.uri().toString().contains("small"))
        .allMatch(step -> !step.runs());
  }

  @Test
  void withDownloadOutputsAFreshCloneRestoresEveryTableWithoutTheSnapshotsItNeverReads()
      throws Exception {
    run(laptop, "home-ana", new CacheOptions(true, Optional.of(true)), false);
    Path object =
        server.objectFile(
            "team/"
                + ObjectKeys.relativeKey(
                    dev.alcove.core.checksum.Sha256.ofFile(dir.resolve("inputs/people.csv"))));
    Path kept = dir.resolve("kept-object");
    Files.move(object, kept);
    Path people = ci.resolve("data/snapshots/people/2024-07-26.csv");

    List<String> dryRun = new ArrayList<>();
    run(ci, "home-ci", CacheOptions.DEFAULT, true, Download.OUTPUTS, dryRun);
    assertThat(dryRun)
        .contains(
            "plan: snapshot://people/2024-07-26: left in the store (data missing): fetched if a"
                + " table that reads it is built here");

    List<String> lines = new ArrayList<>();
    RunReport outputs = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.OUTPUTS, lines);
    assertThat(outputs.succeeded()).isTrue();
    assertThat(outputs.tables(Outcome.FROM_CACHE))
        .extracting(StepUri::toString)
        .containsExactlyInAnyOrderElementsOf(TABLES);
    assertThat(people).doesNotExist();
    assertThat(lines).contains("left in the store: 1 snapshot");

    List<String> again = new ArrayList<>();
    RunReport noOp = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.OUTPUTS, again);
    assertThat(noOp.plan()).noneMatch(step -> step.runs());
    assertThat(again)
        .anyMatch(
            line ->
                line.startsWith("all 4 steps are up to date: nothing to do")
                    && line.endsWith("; 1 snapshot left in the store)"));

    // Every byte, as before: the snapshot is gone from the bucket, so that run fails.
    RunReport all = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.ALL);
    assertThat(all.failed()).containsOnlyKeys(StepUri.parse("snapshot://people/2024-07-26"));

    // A table with no input builds without fetching anything; one that reads the snapshot
    // fetches it, once, verified, and only it.
    Files.move(kept, object);
    TestAlcove.write(ci.resolve("src/steps/tables/small.sql"), "SELECT 2 AS n");
    List<String> small = new ArrayList<>();
    RunReport smallBuilt = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.OUTPUTS, small);
    assertThat(smallBuilt.tables(Outcome.BUILT))
        .extracting(StepUri::toString)
        .containsExactly("table://small/latest");
    assertThat(people).doesNotExist();
    assertThat(small).noneMatch(line -> line.startsWith("fetching "));

    TestAlcove.write(ci.resolve("src/steps/tables/summary.sql"), SUMMARY.replace("sum", "max"));
    List<String> plan = new ArrayList<>();
    run(ci, "home-ci", CacheOptions.DEFAULT, true, Download.OUTPUTS, plan);
    assertThat(plan)
        .anyMatch(
            line ->
                line.startsWith("plan: table://summary/latest: build (")
                    && line.endsWith(
                        "which fetches snapshot://people/2024-07-26 (30 B) from the store first"));
    assertThat(people).doesNotExist();
    List<String> summary = new ArrayList<>();
    RunReport summaryBuilt =
        run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.OUTPUTS, summary);
    assertThat(summaryBuilt.succeeded()).isTrue();
    assertThat(summaryBuilt.tables(Outcome.BUILT))
        .extracting(StepUri::toString)
        .containsExactly("table://summary/latest", "table://top/latest");
    assertThat(summary)
        .containsOnlyOnce(
            "fetching snapshot://people/2024-07-26 from the store: table://summary/latest is built"
                + " here and reads it")
        .contains("fetched from the store for the tables built here: 1 snapshot");
    assertThat(Files.readString(people)).isEqualTo("region,people\neu,10\neu,5\nas,7\n");

    // A snapshot that cannot be fetched fails the table that needed it, in one line naming both.
    Files.delete(people);
    Files.move(object, kept);
    dev.alcove.core.io.Folders.delete(cacheOf("home-ci"));
    TestAlcove.write(ci.resolve("src/steps/tables/summary.sql"), SUMMARY.replace("sum", "min"));
    RunReport unfetchable = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.OUTPUTS);
    assertThat(unfetchable.failed())
        .containsOnlyKeys(StepUri.parse("table://summary/latest"))
        .extractingByKey(StepUri.parse("table://summary/latest"))
        .asString()
        .startsWith(
            "table://summary/latest is built here and reads snapshot://people/2024-07-26, which"
                + " this run left in the store: object ")
        .doesNotContain("\n");
    assertThat(people).doesNotExist();
  }

  @Test
  void withDownloadMinimalACloneKeepsMetadataOnlyAndEachReaderFetchesWhatItReads()
      throws Exception {
    run(laptop, "home-ana", new CacheOptions(true, Optional.of(true)), false);
    Path people = ci.resolve("data/snapshots/people/2024-07-26.csv");
    Path summary = ci.resolve("data/tables/summary/latest.parquet");
    Path top = ci.resolve("data/tables/top/latest.parquet");
    Path small = ci.resolve("data/tables/small/latest.parquet");

    List<String> dryRun = new ArrayList<>();
    run(ci, "home-ci", CacheOptions.DEFAULT, true, Download.MINIMAL, dryRun);
    assertThat(dryRun)
        .anyMatch(
            line ->
                line.startsWith(
                    "plan: table://top/latest: restore its metadata from the table cache, data"
                        + " left in the store (output missing; built "));

    List<String> lines = new ArrayList<>();
    RunReport minimal = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.MINIMAL, lines);
    assertThat(minimal.succeeded()).isTrue();
    assertThat(minimal.tables(Outcome.LEFT_IN_STORE))
        .extracting(StepUri::toString)
        .containsExactlyInAnyOrderElementsOf(TABLES);
    assertThat(List.of(people, summary, top, small)).allMatch(file -> !Files.exists(file));
    assertThat(ci.resolve("data/tables/top/latest.meta.yaml")).exists();
    assertThat(lines)
        .contains(
            "tables: 3 restored from the table cache as metadata only, data in the store",
            "left in the store: 1 snapshot");
    dev.alcove.core.testing.PythonToolSchema.assertTableMetadata(
        ci.resolve("data/tables/top/latest.meta.yaml"));

    // Nothing to do, nothing read: the build state knows where each table's data is.
    List<String> again = new ArrayList<>();
    RunReport noOp = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.MINIMAL, again);
    assertThat(noOp.plan()).noneMatch(step -> step.runs());
    assertThat(again)
        .anyMatch(
            line ->
                line.startsWith("all 4 steps are up to date: nothing to do")
                    && line.endsWith("; 1 snapshot and 3 tables left in the store)"))
        .noneMatch(line -> line.startsWith("fetching ") || line.startsWith("verified "));
    assertThat(audit(ci)).noneMatch(f -> f.severity() == Finding.Severity.ERROR);

    // A query fetches the table it names, and only it, verified; the prompt lists the others.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    java.io.PrintStream out = new java.io.PrintStream(bytes, true, "UTF-8");
    RecordingLog dbLog = new RecordingLog();
    try (GoalContext context = context(ci, "home-ci", dbLog);
        dev.alcove.core.db.AlcoveDatabase db =
            dev.alcove.core.db.AlcoveDatabase.open(
                Alcove.open(ci),
                dev.alcove.core.db.TableViews.Names.BOTH,
                dev.alcove.core.tabledata.TableData.of(Alcove.open(ci).layout(), context),
                dbLog)) {
      db.listViews(out);
      assertThat(bytes.toString("UTF-8"))
          .contains("in the store, fetched when a query names them: small, small_latest");
      bytes.reset();
      db.query("SELECT dim_region, people FROM top", dev.alcove.core.db.ResultFormat.CSV, out);
      assertThat(bytes.toString("UTF-8")).isEqualTo("dim_region,people\neu,15\n");
    }
    assertThat(top).exists();
    assertThat(List.of(people, summary, small)).allMatch(file -> !Files.exists(file));
    assertThat(dbLog.lines)
        .anyMatch(line -> line.startsWith("fetching table://top/latest from the store ("));

    // One changed step is built here: it fetches the table it reads, not that table's snapshot.
    TestAlcove.write(ci.resolve("src/steps/tables/top.sql"), TOP.replace("DESC", "ASC"));
    List<String> changed = new ArrayList<>();
    RunReport topBuilt = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.MINIMAL, changed);
    assertThat(topBuilt.tables(Outcome.BUILT))
        .extracting(StepUri::toString)
        .containsExactly("table://top/latest");
    assertThat(changed)
        .contains(
            "left in the store: 1 snapshot and 1 table; fetched from the store for the tables"
                + " built here: 1 table")
        .anyMatch(
            line ->
                line.startsWith("fetching table://summary/latest from the store (")
                    && line.endsWith("): table://top/latest, built here, reads it"));
    assertThat(summary).exists();
    assertThat(people).doesNotExist();

    // Offline with nothing cached, a query on a table in the store says what to do.
    dev.alcove.core.io.Folders.delete(cacheOf("home-ci"));
    RecordingLog offlineLog = new RecordingLog();
    try (GoalContext offline =
            Contexts.of(
                offlineLog,
                1,
                () ->
                    new Depot(
                        new OfflineStore("s3://team", "working offline"),
                        Optional.of(LocalDirectoryStore.cache(cacheOf("home-ci"))),
                        offlineLog));
        dev.alcove.core.db.AlcoveDatabase db =
            dev.alcove.core.db.AlcoveDatabase.open(
                Alcove.open(ci),
                dev.alcove.core.db.TableViews.Names.BOTH,
                dev.alcove.core.tabledata.TableData.of(Alcove.open(ci).layout(), offline),
                offlineLog)) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> db.query("small", dev.alcove.core.db.ResultFormat.CSV, out))
          .hasMessageStartingWith(
              "the query reads table://small/latest, which is only in the store: working offline")
          .hasMessageContaining("run again online");
    }
    assertThat(small).doesNotExist();

    // Every byte again: the tables the store kept are brought here, each checked.
    List<String> all = new ArrayList<>();
    RunReport everything = run(ci, "home-ci", CacheOptions.DEFAULT, false, Download.ALL, all);
    assertThat(everything.succeeded()).isTrue();
    assertThat(all)
        .contains("table://small/latest: restore (data left in the store by an earlier run)");
    for (String table : List.of("summary", "small")) {
      Path file = Path.of("data/tables", table, "latest.parquet");
      assertThat(Files.mismatch(laptop.resolve(file), ci.resolve(file))).isEqualTo(-1L);
    }
    assertThat(people).exists();
    assertThat(ci.resolve("target/alcove/in-store.tsv")).content().doesNotContain("table://");
  }

  @Test
  void aCorruptOrForgedEntryIsRefusedAndTheTableBuiltHere() throws Exception {
    run(laptop, "home-ana", new CacheOptions(true, Optional.of(true)), false);
    Map<String, String> keys = keys(laptop);
    CacheEntry summary = entry(keys.get("table://summary/latest"));
    Path stored = server.objectFile("team/" + ObjectKeys.relativeKey(summary.output()));
    byte[] good = Files.readAllBytes(stored);
    byte[] damaged = good.clone();
    damaged[damaged.length / 2] ^= 1;
    Files.write(stored, damaged);

    // Someone with write access to the bucket points top's entry at a table of another shape.
    Path forged = dir.resolve("forged.parquet");
    try (Connection db = DuckDb.inMemory();
        Statement sql = db.createStatement()) {
      sql.execute("COPY (SELECT 42 AS answer) TO '" + forged + "' (FORMAT parquet)");
    }
    Checksum forgedSum = dev.alcove.core.checksum.Sha256.ofFile(forged);
    CacheEntry top = entry(keys.get("table://top/latest"));
    try (S3Store store = S3Store.open(server.settings("team"), Retry.standard(AlcoveLog.SILENT))) {
      store.upload(forgedSum, forged, dev.alcove.core.progress.TransferProgress.NONE);
      store.writeEntry(
          top.name(),
          new CacheEntry(
                  top.key(),
                  top.table(),
                  forgedSum,
                  Files.size(forged),
                  1,
                  Map.of("answer", "INTEGER"),
                  top.started(),
                  top.finished(),
                  0.1,
                  "someone")
              .toBytes());
    }

    List<String> lines = new ArrayList<>();
    RunReport report = run(ci, "home-ci", CacheOptions.DEFAULT, false, lines);

    assertThat(report.succeeded()).isTrue();
    assertThat(report.tables(Outcome.BUILT))
        .extracting(StepUri::toString)
        .containsExactlyInAnyOrder("table://summary/latest", "table://top/latest");
    assertThat(lines)
        .anyMatch(
            line ->
                line.contains("is corrupt")
                    && line.contains("building table://summary/latest here instead"))
        .anyMatch(
            line ->
                line.startsWith("WARN the table cache's entry for table://top/latest was refused")
                    && line.contains("fails its config src/steps/tables/top.meta.yaml"));
    Path file = Path.of("data/tables/top/latest.parquet");
    assertThat(Files.mismatch(laptop.resolve(file), ci.resolve(file))).isEqualTo(-1L);
  }

  @Test
  void textFromAnEntryCannotForgeLogLines() throws Exception {
    run(laptop, "home-ana", new CacheOptions(true, Optional.of(true)), false);
    CacheEntry small = entry(keys(laptop).get("table://small/latest"));
    Path stored = server.objectFile("team/" + small.name());
    Files.writeString(
        stored,
        Files.readString(stored)
            .replace("by: " + small.builtBy(), "by: \"alcove\\n[INFO] BUILD SUCCESS\\u001b[2K\""));

    List<String> lines = new ArrayList<>();
    assertThat(run(ci, "home-ci", CacheOptions.DEFAULT, false, lines).succeeded()).isTrue();

    assertThat(lines)
        .anyMatch(
            line ->
                line.startsWith("restored table://small/latest from the table cache")
                    && line.contains("by alcove\uFFFD[INFO] BUILD SUCCESS\uFFFD[2K)"))
        .noneMatch(line -> line.contains("\n") || line.contains("\u001b"));
  }

  @Test
  void offlineTheLocalCacheServesWhatItHolds() throws Exception {
    run(laptop, "home-ana", new CacheOptions(true, Optional.of(true)), false);
    run(ci, "home-ci", CacheOptions.DEFAULT, false);
    for (String table : List.of("summary", "top", "small")) {
      Files.delete(ci.resolve("data/tables/" + table + "/latest.parquet"));
    }
    server.close();
    server = null;

    Depot offline =
        new Depot(
            new OfflineStore("s3://offline", "working offline"),
            Optional.of(LocalDirectoryStore.cache(cacheOf("home-ci"))),
            AlcoveLog.SILENT);
    try (GoalContext context = Contexts.of(AlcoveLog.SILENT, 2, () -> offline)) {
      RunReport report =
          new RunEngine(
                  context,
                  Alcove.open(ci),
                  new RunOptions(dev.alcove.core.select.Selection.ALL, false, false))
              .run();
      assertThat(report.tables(Outcome.FROM_CACHE))
          .extracting(StepUri::toString)
          .containsExactlyInAnyOrderElementsOf(TABLES);
    }
  }

  @Test
  void withoutPushTheBucketGetsNoEntriesAndCacheOffTurnsBothOff() throws Exception {
    run(laptop, "home-ana", CacheOptions.DEFAULT, false);
    assertThat(Files.exists(server.objectFile("team/cache"))).isFalse();
    // The laptop's own cache keeps what it built.
    assertThat(cacheOf("home-ana").resolve("cache/v1")).isDirectory();

    RunReport offRun = run(ci, "home-ci", CacheOptions.OFF, false);
    assertThat(offRun.tables(Outcome.BUILT)).hasSize(3);
    assertThat(cacheOf("home-ci").resolve("cache")).doesNotExist();
  }

  private Path cacheOf(String home) {
    return dir.resolve(home).resolve(".cache/alcove");
  }

  private GoalContext context(Path root, String home, AlcoveLog log) {
    return Contexts.of(
        log,
        2,
        () ->
            new Depot(
                S3Store.open(server.settings("team"), Retry.standard(log)),
                Optional.of(LocalDirectoryStore.cache(cacheOf(home))),
                log));
  }

  private GoalContext context(Path root, String home) {
    return context(root, home, AlcoveLog.SILENT);
  }

  private RunReport run(Path root, String home, CacheOptions cache, boolean dryRun) {
    return run(root, home, cache, dryRun, new ArrayList<>());
  }

  private RunReport run(
      Path root, String home, CacheOptions cache, boolean dryRun, List<String> lines) {
    return run(root, home, cache, dryRun, Download.ALL, lines);
  }

  private RunReport run(
      Path root, String home, CacheOptions cache, boolean dryRun, Download download) {
    return run(root, home, cache, dryRun, download, new ArrayList<>());
  }

  private RunReport run(
      Path root,
      String home,
      CacheOptions cache,
      boolean dryRun,
      Download download,
      List<String> lines) {
    RecordingLog log = new RecordingLog();
    try (GoalContext context = context(root, home, log)) {
      return new RunEngine(
              context,
              Alcove.open(root),
              new RunOptions(dev.alcove.core.select.Selection.ALL, false, dryRun, cache, download))
          .run();
    } finally {
      lines.addAll(log.lines);
    }
  }

  /** Each table's key as the run recorded it. */
  private static Map<String, String> keys(Path root) throws Exception {
    Map<String, String> keys = new java.util.TreeMap<>();
    for (String line : Files.readAllLines(root.resolve("target/alcove/manifest.tsv"))) {
      if (!line.startsWith("#")) {
        String[] parts = line.split("\t");
        keys.put(parts[0], parts[1]);
      }
    }
    return keys;
  }

  private CacheEntry entry(String key) throws Exception {
    Path file = server.objectFile("team/cache/v1/" + key);
    return CacheEntry.parse(Files.readAllBytes(file), Checksum.of(key), file.toString());
  }

  private List<Finding> audit(Path root) {
    try (GoalContext context = context(root, "home-ci")) {
      return new Audit(context, root, new AuditOptions(false, false, true)).run(List.of());
    }
  }

  private static StepDeclaration declaration(String uri, String... dependencies) {
    return new StepDeclaration(
        StepUri.parse(uri), java.util.Arrays.stream(dependencies).map(StepUri::parse).toList());
  }
}
