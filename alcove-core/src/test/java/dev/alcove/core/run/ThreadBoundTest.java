package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.testing.TestAlcove;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One budget of threads per goal: a run that restores several folders at once (each hashing and
 * fetching many files) and builds tables stays within it. Before, a run's workers each started
 * restore pools of their own, which each started up to eight transfers.
 */
class ThreadBoundTest {

  private static final int FOLDERS = 4;

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void setUp() throws Exception {
    t = new TestAlcove(dir);
    for (int f = 0; f < FOLDERS; f++) {
      Path folder = Files.createDirectories(dir.resolve("inputs/folder" + f));
      for (int i = 0; i < 40; i++) {
        Files.writeString(folder.resolve("part-" + i + ".csv"), "n\n" + f + "," + i + "\n");
      }
      t.snapshot(folder, "folder" + f);
      t.table(
          "table://count" + f + "/latest",
          ".sql",
          "SELECT count(*) AS dim_n FROM '{folder" + f + "}/*.csv'",
          "snapshot://folder" + f + "/latest");
    }
    t.run();
  }

  @Test
  void oneThreadMeansOneThreadAtWork() throws Exception {
    assertThat(peakExtraThreads(1)).isLessThanOrEqualTo(1);
  }

  @Test
  void manyThreadsStayWithinTheBudgetAndItsTransfers() throws Exception {
    // Four at work (the run's own thread only waits), and at most eight transfers, one of which is
    // the thread that asked for them.
    int bound = 4 + (GoalContext.TRANSFERS - 1);
    assertThat(peakExtraThreads(4)).isLessThanOrEqualTo(bound);
  }

  /** Restores every folder and rebuilds every table on {@code threads}; the most threads added. */
  private int peakExtraThreads(int threads) throws Exception {
    for (int f = 0; f < FOLDERS; f++) {
      dev.alcove.core.io.Folders.delete(t.path("data/snapshots/folder" + f + "/2024-07-26"));
    }
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    int before = bean.getThreadCount();
    bean.resetPeakThreadCount();
    RunReport report = t.run(null, true, false, threads);
    int peak = bean.getPeakThreadCount();
    assertThat(report.succeeded()).as(report.failureSummary()).isTrue();
    assertThat(report.done()).hasSize(2 * FOLDERS);
    return peak - before;
  }
}
