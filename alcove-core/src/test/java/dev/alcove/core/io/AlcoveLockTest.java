package dev.alcove.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.testing.TestAlcove;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One writer per alcove, across processes and across threads, and never blocked by the dead. */
@Tag("reliability")
class AlcoveLockTest {

  @TempDir Path dir;

  @Test
  void aRunWaitsForAnotherProcessAndSaysSo() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    t.table("table://x/latest", ".sql", "SELECT 1 AS dim_x");
    Process holder = holdLock(t.root.resolve("target/alcove"), 2500);
    long start = System.nanoTime();
    RunReport report = t.run();
    long waitedMillis = (System.nanoTime() - start) / 1_000_000;
    assertThat(report.succeeded()).isTrue();
    assertThat(t.lines)
        .anyMatch(
            line -> line.startsWith("waiting for another alcove build (pid " + holder.pid() + ")"));
    assertThat(waitedMillis).isGreaterThan(1000);
    assertThat(holder.waitFor(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aLockLeftByAKilledProcessDoesNotBlock() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    t.table("table://x/latest", ".sql", "SELECT 1 AS dim_x");
    Process holder = holdLock(t.root.resolve("target/alcove"), 600_000);
    holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    RunReport report = t.run();
    assertThat(report.succeeded()).isTrue();
    assertThat(t.lines).noneMatch(line -> line.startsWith("waiting for"));
  }

  @Test
  void threadsOfOneJvmTakeTurns() throws Exception {
    Path buildDir = dir.resolve("target/alcove");
    java.util.concurrent.atomic.AtomicInteger inside =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger mostAtOnce =
        new java.util.concurrent.atomic.AtomicInteger();
    List<CompletableFuture<Void>> holders = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      holders.add(
          CompletableFuture.runAsync(
              () -> {
                try (AlcoveLock lock = AlcoveLock.acquire(buildDir, AlcoveLog.SILENT)) {
                  mostAtOnce.accumulateAndGet(inside.incrementAndGet(), Math::max);
                  Thread.sleep(150);
                  inside.decrementAndGet();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }));
    }
    for (CompletableFuture<Void> holder : holders) {
      holder.get(60, TimeUnit.SECONDS);
    }
    assertThat(mostAtOnce.get()).as("holders of the lock at once").isEqualTo(1);
    // And whole runs, as a Maven build with several goals on threads would start them.
    TestAlcove t = new TestAlcove(dir.resolve("runs"));
    t.table("table://x/latest", ".sql", "SELECT 1 AS dim_x");
    List<CompletableFuture<RunReport>> runs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      runs.add(CompletableFuture.supplyAsync(() -> t.run(null, true, false, 1)));
    }
    for (CompletableFuture<RunReport> run : runs) {
      assertThat(run.get(60, TimeUnit.SECONDS).succeeded()).isTrue();
    }
  }

  private static Process holdLock(Path buildDir, long millis) throws Exception {
    Process process =
        dev.alcove.core.testing.ChildJvm.start(
            LockHolder.class, buildDir.toString(), String.valueOf(millis));
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream()));
    assertThat(out.readLine()).isEqualTo("locked");
    return process;
  }
}
