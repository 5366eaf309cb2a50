package dev.alcove.core.checksum;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a run says it verified must be what it read: the bytes of a Java step's libraries are told
 * apart from the data's, and an answer from the cache reads nothing.
 */
class StatCacheTest {

  @TempDir Path dir;

  @Test
  void aCallersOwnReadsAreTalliedApartAndCachedAnswersReadNothing() throws Exception {
    Path data = Files.write(dir.resolve("data.csv"), new byte[1000]);
    Path library = Files.write(dir.resolve("library.jar"), new byte[5000]);
    for (Path file : new Path[] {data, library}) {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }
    // A file changed within the racy window is never cached: let its inode-change time age.
    Thread.sleep(StatCache.RACY_WINDOW_NANOS / 1_000_000 + 100);
    StatCache cache = StatCache.load(dir.resolve("build"));
    AtomicLong libraries = new AtomicLong();
    FileDigester forLibraries = cache.countingInto(libraries);

    cache.checksum(data);
    forLibraries.checksum(library);
    assertThat(cache.bytesRead()).isEqualTo(6000);
    assertThat(libraries.get()).isEqualTo(5000);

    forLibraries.checksum(library);
    assertThat(cache.bytesRead()).as("answered from the cache").isEqualTo(6000);
    assertThat(libraries.get()).isEqualTo(5000);
  }

  @Test
  void keptRowsAnswerAfterAReloadADamagedOneIsHashedAgainAndAChangedFileReplacesItsRow()
      throws Exception {
    Path first = Files.write(dir.resolve("first.csv"), new byte[100]);
    Path second = Files.write(dir.resolve("second.csv"), new byte[300]);
    for (Path file : new Path[] {first, second}) {
      Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    }
    Thread.sleep(StatCache.RACY_WINDOW_NANOS / 1_000_000 + 100);
    Path build = dir.resolve("build");
    StatCache cache = StatCache.load(build);
    Checksum firstSum = cache.checksum(first);
    cache.checksum(second);
    cache.save();

    StatCache reloaded = StatCache.load(build);
    assertThat(reloaded.checksum(first)).isEqualTo(firstSum);
    reloaded.checksum(second);
    assertThat(reloaded.bytesRead()).as("both answered from the kept rows").isZero();

    Path file = build.resolve(StatCache.FILE_NAME);
    Files.writeString(
        file, Files.readString(file).replaceFirst("(first\\.csv\t)\\d+", "$1not-a-size"));
    StatCache damaged = StatCache.load(build);
    assertThat(damaged.checksum(first)).isEqualTo(firstSum);
    damaged.checksum(second);
    assertThat(damaged.bytesRead()).as("only the damaged row's file is read").isEqualTo(100);
    damaged.save();

    Files.write(first, new byte[] {1});
    Files.setLastModifiedTime(first, FileTime.from(Instant.now().minusSeconds(30)));
    Thread.sleep(StatCache.RACY_WINDOW_NANOS / 1_000_000 + 100);
    StatCache changed = StatCache.load(build);
    Checksum rewritten = changed.checksum(first);
    assertThat(rewritten).isNotEqualTo(firstSum);
    changed.save();

    assertThat(Files.readString(file)).containsOnlyOnce("first.csv\t");
    StatCache last = StatCache.load(build);
    assertThat(last.checksum(first)).isEqualTo(rewritten);
    last.checksum(second);
    assertThat(last.bytesRead()).isZero();
  }

  @Test
  void aRowOfThePreviousFormatIsNeverBelieved() throws Exception {
    Path file = Files.write(dir.resolve("old.csv"), new byte[100]);
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(60)));
    Thread.sleep(StatCache.RACY_WINDOW_NANOS / 1_000_000 + 100);
    FileStat stat = FileStat.of(file);
    Path build = Files.createDirectories(dir.resolve("build"));
    // v2 kept the file key as text: the same stat, one field fewer, and a checksum of other bytes.
    Files.writeString(
        build.resolve(StatCache.FILE_NAME),
        "# alcove stat cache v2: path, size, mtime-ns, ctime-ns, file-key, sha256\n"
            + file.toAbsolutePath()
            + "\t"
            + stat.size()
            + "\t"
            + stat.mtimeNanos()
            + "\t"
            + stat.ctimeNanos()
            + "\t(dev="
            + Long.toHexString(stat.device())
            + ",ino="
            + stat.inode()
            + ")\t"
            + "0".repeat(64)
            + "\n");

    StatCache cache = StatCache.load(build);
    assertThat(cache.checksum(file)).isEqualTo(Sha256.ofFile(file));
    assertThat(cache.bytesRead()).as("hashed again").isEqualTo(100);
  }
}
