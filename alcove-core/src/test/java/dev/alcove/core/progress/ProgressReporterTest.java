package dev.alcove.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.testing.RecordingLog;
import org.junit.jupiter.api.Test;

class ProgressReporterTest {

  @Test
  void aTotalLearntFromTheStoreGivesAPercentage() {
    RecordingLog log = new RecordingLog();
    ProgressReporter progress = new ProgressReporter(log, "restoring x:", 0, 0, 0);
    progress.transferred(512);
    progress.expect(4096);
    progress.expect(9999); // a retry says it again: the first size stands
    progress.transferred(512);
    assertThat(log.lines)
        .containsExactly("restoring x: 512 B", "restoring x: 1.0 KiB of 4.0 KiB (25%)");
  }

  @Test
  void filesOfAFolderCountTowardsItsPercentage() {
    RecordingLog log = new RecordingLog();
    ProgressReporter progress = new ProgressReporter(log, "restoring y:", 0, 4, 0);
    progress.transferred(2048);
    progress.fileDone();
    assertThat(log.lines.get(log.lines.size() - 1))
        .isEqualTo("restoring y: 1 of 4 files (25%), 2.0 KiB");
  }
}
