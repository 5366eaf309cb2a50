package dev.alcove.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.Alcove;
import dev.alcove.core.audit.Audit;
import dev.alcove.core.audit.AuditOptions;
import dev.alcove.core.audit.Finding;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.snapshot.TakeSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.testing.Contexts;
import dev.alcove.core.testing.TestAlcove;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writers at the same time on one alcove: every change each of them made is there afterwards.
 * Before the catalogue was re-read under the lock, three snapshots started together left one step
 * in {@code alcove.yaml}.
 */
@Tag("reliability")
class ConcurrentWritersTest {

  private static final int WRITERS = 6;

  @TempDir Path dir;

  @Test
  void threadsEachAddingAStepAllLand() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    List<Path> sources = sources(WRITERS / 2);
    CountDownLatch start = new CountDownLatch(1);
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      int n = i;
      writers.add(
          CompletableFuture.runAsync(
              () -> {
                await(start);
                if (n % 2 == 0) {
                  ConcurrentWriter.write(
                      "snapshot",
                      Alcove.open(t.root),
                      t.store,
                      sources.get(n / 2).toString(),
                      "s" + n);
                } else {
                  ConcurrentWriter.write(
                      "new-table", Alcove.open(t.root), t.store, "t" + n + ".sql", "");
                }
              },
              java.util.concurrent.Executors.newSingleThreadExecutor()));
    }
    start.countDown();
    for (CompletableFuture<Void> writer : writers) {
      writer.get(120, TimeUnit.SECONDS);
    }
    assertEveryStepLanded(t);
  }

  @Test
  void processesEachAddingAStepAllLand() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    List<Path> sources = sources(WRITERS / 2);
    Path startFile = dir.resolve("go");
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < WRITERS; i++) {
      List<String> arguments = new ArrayList<>();
      if (i % 2 == 0) {
        arguments.addAll(
            List.of(
                "snapshot",
                t.root.toString(),
                t.store.toString(),
                startFile.toString(),
                sources.get(i / 2).toString(),
                "s" + i));
      } else {
        arguments.addAll(
            List.of(
                "new-table",
                t.root.toString(),
                t.store.toString(),
                startFile.toString(),
                "t" + i + ".sql"));
      }
      processes.add(
          new ProcessBuilder(
                  dev.alcove.core.testing.ChildJvm.command(ConcurrentWriter.class, arguments))
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("writer-" + i + ".log").toFile())
              .start());
    }
    // Every child has opened the alcove (read the catalogue) before any of them writes.
    Thread.sleep(1500);
    Files.writeString(startFile, "go");
    for (int i = 0; i < processes.size(); i++) {
      Process process = processes.get(i);
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue())
          .as(Files.readString(dir.resolve("writer-" + i + ".log")))
          .isZero();
    }
    assertEveryStepLanded(t);
  }

  @Test
  void auditFixingWhileARunBuildsLeavesBothResults() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    t.snapshotText("codes", "codes.csv", "code\nab\ncd\n");
    t.table(
        "table://summary/latest",
        ".sql",
        "SELECT count(*) AS dim_n FROM '{codes}'",
        "snapshot://codes/latest");
    CompletableFuture<List<RunReport>> runs =
        CompletableFuture.supplyAsync(
            () -> {
              List<RunReport> reports = new ArrayList<>();
              for (int i = 0; i < 3; i++) {
                reports.add(t.run(null, true, false, 2));
              }
              return reports;
            });
    List<List<Finding>> audits = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Files.deleteIfExists(t.path("data/.gitignore"));
      audits.add(
          new Audit(t.context(2), t.root, new AuditOptions(true, false, false)).run(List.of()));
    }
    for (RunReport report : runs.get(180, TimeUnit.SECONDS)) {
      assertThat(report.succeeded()).isTrue();
    }
    List<Finding> after =
        new Audit(t.context(2), t.root, new AuditOptions(false, false, false)).run(List.of());
    assertThat(after).noneMatch(finding -> finding.severity() == Finding.Severity.ERROR);
    assertThat(t.path("data/.gitignore"))
        .content()
        .contains("tables/", "snapshots/codes/2024-07-26.csv");
    assertThat(t.path("data/tables/summary/latest.parquet")).isRegularFile();
  }

  @Test
  void twoAlcovesSharingAStoreAndCacheSnapshotAndRestoreTheSameObjects() throws Exception {
    Path store = dir.resolve("shared-store");
    Path cache = dir.resolve("shared-cache");
    List<Path> sources = sources(4);
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    dev.alcove.core.init.InitAlcove.init(Contexts.silent(), a);
    dev.alcove.core.init.InitAlcove.init(Contexts.silent(), b);
    List<CompletableFuture<Void>> work = new ArrayList<>();
    for (Path root : List.of(a, b)) {
      work.add(
          CompletableFuture.runAsync(
              () -> {
                for (int i = 0; i < sources.size(); i++) {
                  try (GoalContext context =
                      Contexts.of(AlcoveLog.SILENT, 2, () -> depot(store, cache))) {
                    new TakeSnapshot(context, Alcove.open(root))
                        .snapshot(sources.get(i), "s" + i, false);
                  }
                }
              }));
    }
    for (CompletableFuture<Void> done : work) {
      done.get(120, TimeUnit.SECONDS);
    }
    // Both now restore every object at once through the same cache, from the same store.
    for (Path root : List.of(a, b)) {
      for (int i = 0; i < sources.size(); i++) {
        Files.delete(root.resolve("data/snapshots/s" + i + "/2024-07-26.csv"));
      }
    }
    List<CompletableFuture<RunReport>> restores = new ArrayList<>();
    for (Path root : List.of(a, b)) {
      restores.add(
          CompletableFuture.supplyAsync(
              () -> {
                try (GoalContext context =
                    Contexts.of(AlcoveLog.SILENT, 2, () -> depot(store, cache))) {
                  return new dev.alcove.core.run.RunEngine(
                          context,
                          Alcove.open(root),
                          new dev.alcove.core.run.RunOptions(
                              dev.alcove.core.select.Selection.ALL, false, false))
                      .run();
                }
              }));
    }
    for (CompletableFuture<RunReport> restore : restores) {
      assertThat(restore.get(120, TimeUnit.SECONDS).succeeded()).isTrue();
    }
    for (Path root : List.of(a, b)) {
      for (int i = 0; i < sources.size(); i++) {
        assertThat(root.resolve("data/snapshots/s" + i + "/2024-07-26.csv"))
            .hasSameBinaryContentAs(sources.get(i));
      }
    }
    for (Path root : List.of(a, b)) {
      dev.alcove.core.testing.CrashInvariants.check(root, List.of(store, cache), "after both");
    }
  }

  private static Depot depot(Path store, Path cache) {
    return new Depot(
        new LocalDirectoryStore(store, "local store"),
        Optional.of(new LocalDirectoryStore(cache, "cache")),
        AlcoveLog.SILENT);
  }

  private List<Path> sources(int count) throws Exception {
    List<Path> sources = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Path source = dir.resolve("inputs").resolve("source-" + i + ".csv");
      Files.createDirectories(source.getParent());
      // Two of the sources share their bytes, so writers also meet on one object.
      Files.writeString(source, "n\n" + (i % 2) + "\n" + "x".repeat(100_000) + "\n");
      sources.add(source);
    }
    return sources;
  }

  private static void assertEveryStepLanded(TestAlcove t) throws Exception {
    Set<String> expected = new TreeSet<>();
    for (int i = 0; i < WRITERS; i++) {
      expected.add(i % 2 == 0 ? "snapshot://s" + i + "/2024-07-26" : "table://t" + i + "/latest");
    }
    Set<String> steps = new TreeSet<>();
    CatalogueFile.read(t.root).steps().keySet().forEach(uri -> steps.add(uri.toString()));
    assertThat(steps).isEqualTo(expected);
    String ignored = Files.readString(t.path("data/.gitignore"));
    for (int i = 0; i < WRITERS; i += 2) {
      assertThat(ignored).contains("snapshots/s" + i + "/2024-07-26.csv");
      assertThat(t.path("data/snapshots/s" + i + "/2024-07-26.meta.yaml")).isRegularFile();
    }
    for (int i = 1; i < WRITERS; i += 2) {
      assertThat(t.path("src/steps/tables/t" + i + ".sql")).isRegularFile();
    }
    assertThat(Files.readString(t.path("data/.gitignore")).lines().filter("tables/"::equals))
        .hasSize(1);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
