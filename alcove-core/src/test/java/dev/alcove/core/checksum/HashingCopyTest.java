package dev.alcove.core.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.concurrent.ThreadBudget;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashingCopyTest {

  @TempDir Path dir;

  @Test
  void everyByteCopiedIsReportedWhetherHashedAloneOrAlongside() throws Exception {
    Path source = dir.resolve("large.bin");
    byte[] bytes = new byte[(17 << 20) + 3];
    new java.util.Random(7).nextBytes(bytes);
    Files.write(source, bytes);
    for (int spare : new int[] {1, 2}) {
      AtomicLong reported = new AtomicLong();
      Path target = dir.resolve("copy-" + spare + ".bin");
      Checksum checksum =
          HashingCopy.copy(source, target, ThreadBudget.of(spare), reported::addAndGet);
      assertThat(checksum).isEqualTo(Sha256.ofFile(source));
      assertThat(reported.get()).as("threads " + spare).isEqualTo(bytes.length);
    }
  }
}
