package dev.alcove.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.Folders;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.testing.CrashFixture;
import dev.alcove.core.testing.CrashInvariants;
import dev.alcove.core.testing.TestAlcove;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a JVM that is snapshotting, building and pushing tables, restoring snapshots or tables from
 * the table cache, or fetching snapshots on demand for the tables it builds ({@code
 * download=outputs}) with SIGKILL at random moments, and after each kill checks that: the catalogue
 * and every sidecar parse; every stored and cached object matches its key; no table cache entry
 * names an object that is not there; no table passes as up to date unless its Parquet matches its
 * metadata; and a second run completes with the result of a run never interrupted. {@code
 * -Dalcove.crash.trials} sets the number of kills (30 by default).
 */
@Tag("reliability")
class CrashSafetyTest {

  static final int TRIALS = Integer.getInteger("alcove.crash.trials", 30);

  @TempDir Path dir;

  @Test
  void survivesBeingKilledAtAnyMoment() throws Exception {
    Path sources = dir.resolve("sources");
    Random random = new Random(20261127L);
    CrashFixture.writeSources(sources, random);
    TestAlcove reference = build(dir.resolve("reference"), sources);
    TestAlcove t = build(dir.resolve("crashed"), sources);
    Map<String, String> expected = outcome(reference);

    int killed = 0;
    int finishedFirst = 0;
    String[] modes = {
      "snapshot-file",
      "snapshot-folder",
      "build",
      "restore",
      "table-cache",
      "on-demand",
      "table-on-demand"
    };
    for (int trial = 0; trial < TRIALS; trial++) {
      String mode = modes[trial % modes.length];
      prepare(t, mode);
      Process child = start(t, sources, mode);
      Thread.sleep(random.nextInt(700));
      if (child.isAlive()) {
        child.destroyForcibly();
        killed++;
      } else {
        finishedFirst++;
      }
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      checkInvariants(t, "trial " + trial + " (" + mode + ")");
      finish(t, sources, mode);
      CrashInvariants.storeHoldsEverySnapshot(t.root, t.store, "trial " + trial);
      assertThat(outcome(t))
          .as("trial %d (%s): result after recovery", trial, mode)
          .isEqualTo(expected);
    }
    String report =
        "crash trials: "
            + TRIALS
            + ", killed mid-operation: "
            + killed
            + ", finished before the kill: "
            + finishedFirst
            + ", invariants held after every one";
    System.out.println(report);
    AtomicFiles.writeString(Path.of("target", "crash-report.txt"), report + "\n");
    assertThat(killed)
        .as("most trials must really kill a running operation")
        .isGreaterThan(TRIALS / 2);
  }

  private static TestAlcove build(Path root, Path sources) {
    TestAlcove t = new TestAlcove(root);
    t.snapshot(sources.resolve("big.bin"), "big/2024-07-26");
    t.snapshot(sources.resolve("folder"), "folder/2024-07-26");
    CrashFixture.defineTables(t);
    assertThat(t.run().succeeded()).isTrue();
    return t;
  }

  private static Map<String, String> outcome(TestAlcove t) throws Exception {
    return CrashInvariants.outcome(t.root);
  }

  private static void prepare(TestAlcove t, String mode) throws Exception {
    if (mode.equals("build") || mode.equals("on-demand")) {
      // Built and pushed again: the cache entries go, so nothing can be restored from them.
      Folders.delete(t.path("data/tables"));
      Folders.delete(t.store.resolve("cache"));
      Folders.delete(t.root.resolveSibling("cache").resolve("cache"));
      if (mode.equals("on-demand")) {
        // The snapshots too: the tables, built again, fetch them as they start.
        Files.deleteIfExists(t.path("data/snapshots/big/2024-07-26.bin"));
        Folders.delete(t.path("data/snapshots/folder/2024-07-26"));
        Folders.delete(t.root.resolveSibling("cache"));
      }
    } else if (mode.equals("table-on-demand")) {
      // Every table's metadata here, its data in the store only: the run fetches each table.
      Folders.delete(t.path("data/tables"));
      Folders.delete(t.root.resolveSibling("cache"));
      assertThat(t.run(dev.alcove.core.run.Download.MINIMAL).succeeded()).isTrue();
      assertThat(t.path("data/tables/both/latest.parquet")).doesNotExist();
    } else if (mode.equals("table-cache")) {
      Folders.delete(t.path("data/tables"));
    } else if (mode.equals("restore")) {
      Files.deleteIfExists(t.path("data/snapshots/big/2024-07-26.bin"));
      Folders.delete(t.path("data/snapshots/folder/2024-07-26"));
      Folders.delete(t.root.resolveSibling("cache"));
    }
  }

  private static String[] arguments(TestAlcove t, Path sources, String mode) {
    return switch (mode) {
      case "snapshot-file" ->
          new String[] {
            "snapshot",
            t.root.toString(),
            t.store.toString(),
            sources.resolve("big.bin").toString(),
            "big/2024-07-26"
          };
      case "snapshot-folder" ->
          new String[] {
            "snapshot",
            t.root.toString(),
            t.store.toString(),
            sources.resolve("folder").toString(),
            "folder/2024-07-26"
          };
      case "on-demand" -> new String[] {"run-outputs", t.root.toString(), t.store.toString()};
      default -> new String[] {"run", t.root.toString(), t.store.toString()};
    };
  }

  private static Process start(TestAlcove t, Path sources, String mode) throws Exception {
    Process process =
        dev.alcove.core.testing.ChildJvm.start(CrashTarget.class, arguments(t, sources, mode));
    assertThat(new BufferedReader(new InputStreamReader(process.getInputStream())).readLine())
        .isEqualTo("started");
    return process;
  }

  /** Runs the interrupted operation again, in this JVM, to completion. */
  private static void finish(TestAlcove t, Path sources, String mode) {
    if (mode.startsWith("snapshot")) {
      String[] args = arguments(t, sources, mode);
      try (var context = dev.alcove.core.testing.Contexts.of(t.log, 2, t::depot)) {
        new dev.alcove.core.snapshot.TakeSnapshot(context, t.alcove())
            .snapshot(Path.of(args[3]), args[4], true);
      }
    }
    RunReport report = t.run();
    assertThat(report.succeeded()).as(report.failed().toString()).isTrue();
  }

  private static void checkInvariants(TestAlcove t, String when) throws Exception {
    CrashInvariants.check(t.root, List.of(t.store, t.root.resolveSibling("cache")), when);
  }
}
