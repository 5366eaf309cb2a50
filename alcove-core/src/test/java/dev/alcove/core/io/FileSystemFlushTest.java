package dev.alcove.core.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class FileSystemFlushTest {

  @TempDir Path dir;

  /** On Linux the one flush is made; were it refused, every large put would flush file by file. */
  @Test
  @EnabledOnOs(OS.LINUX)
  void flushesTheFileSystemOfAFolderInOneCall() {
    assertThat(FileSystemFlush.flush(dir)).isTrue();
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void aPathThatIsNotThereIsNoFlushSoTheCallerFlushesFileByFile() {
    assertThat(FileSystemFlush.flush(dir.resolve("missing"))).isFalse();
  }
}
