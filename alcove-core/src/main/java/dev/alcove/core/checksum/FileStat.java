package dev.alcove.core.checksum;

import dev.alcove.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a stat says of a file or folder, as git's index compares it: a rewrite that keeps size and
 * modification time (which any program can set back) still changes the inode-change time, or,
 * written to a new file and renamed, the inode. A link is followed: its target is the content.
 */
public record FileStat(long size, long mtimeNanos, long ctimeNanos, String fileKey) {

  /**
   * How recently a file may have changed and still be trusted by its stat: a second write in the
   * same clock tick would keep its size and time.
   */
  public static final long RACY_WINDOW_NANOS = 2_000_000_000L;

  private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,fileKey";
  private static final boolean UNIX_VIEW =
      FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

  public static FileStat of(Path path) {
    try {
      if (UNIX_VIEW) {
        Map<String, Object> unix = Files.readAttributes(path, UNIX_ATTRIBUTES);
        return new FileStat(
            (Long) unix.get("size"),
            nanos((FileTime) unix.get("lastModifiedTime")),
            nanos((FileTime) unix.get("ctime")),
            fileKey(unix.get("fileKey")));
      }
      BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
      return new FileStat(
          basic.size(), nanos(basic.lastModifiedTime()), -1, fileKey(basic.fileKey()));
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + path, e);
    }
  }

  /** The stat of {@code path}, or empty where nothing is. */
  public static Optional<FileStat> ifPresent(Path path) {
    try {
      return Optional.of(of(path));
    } catch (java.io.UncheckedIOException e) {
      if (e.getCause() instanceof NoSuchFileException
          || e.getCause() instanceof java.nio.file.NotDirectoryException) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Whether it changed within {@link #RACY_WINDOW_NANOS} of now. */
  public boolean racy() {
    long newest = Math.max(mtimeNanos, ctimeNanos);
    return System.currentTimeMillis() * 1_000_000L - newest < RACY_WINDOW_NANOS;
  }

  private static long nanos(FileTime time) {
    var instant = time.toInstant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static String fileKey(Object key) {
    return Objects.toString(key, "-").replace('\t', ' ');
  }

  // Written out, as Checksum's are: the generated ones are bootstrapped on first use, which cost a
  // no-op run's check more than comparing every stat did.
  @Override
  public boolean equals(Object other) {
    return other instanceof FileStat stat
        && size == stat.size
        && mtimeNanos == stat.mtimeNanos
        && ctimeNanos == stat.ctimeNanos
        && fileKey.equals(stat.fileKey);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size) * 31 + Long.hashCode(mtimeNanos);
  }
}
