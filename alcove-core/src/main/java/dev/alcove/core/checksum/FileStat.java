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
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What a stat says of a file or folder, as git's index compares it: a rewrite that keeps size and
 * modification time (which any program can set back) still changes the inode-change time, or,
 * written to a new file and renamed, the inode. A link is followed: its target is the content.
 * Where the file system has no such fields (change time, device, inode), they are -1.
 */
public record FileStat(long size, long mtimeNanos, long ctimeNanos, long device, long inode) {

  /**
   * How recently a file may have changed and still be trusted by its stat: a second write in the
   * same clock tick would keep its size and time.
   */
  public static final long RACY_WINDOW_NANOS = 2_000_000_000L;

  /** How many fields {@link #fields()} writes. */
  public static final int FIELDS = 5;

  // Device and inode as numbers: the file key's text cost a no-op over 100,000 files a fifth of
  // its check.
  private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,dev,ino";
  private static final boolean UNIX_VIEW =
      FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

  public static FileStat of(Path path) {
    try {
      return read(path);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + path, e);
    }
  }

  /**
   * The stat of {@code path}, or empty where nothing is; caught where thrown, as a plan that keeps
   * a record looks for thousands of definitions that are not there.
   */
  public static Optional<FileStat> ifPresent(Path path) {
    try {
      return Optional.of(read(path));
    } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + path, e);
    }
  }

  private static FileStat read(Path path) throws IOException {
    if (UNIX_VIEW) {
      Map<String, Object> unix = Files.readAttributes(path, UNIX_ATTRIBUTES);
      return new FileStat(
          (Long) unix.get("size"),
          nanos((FileTime) unix.get("lastModifiedTime")),
          nanos((FileTime) unix.get("ctime")),
          (Long) unix.get("dev"),
          (Long) unix.get("ino"));
    }
    BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
    return new FileStat(basic.size(), nanos(basic.lastModifiedTime()), -1, -1, -1);
  }

  /**
   * Whether something is at {@code path}, a link followed as {@link #ifPresent} follows it; where
   * the path cannot be looked at (no permission), absent rather than an error. Asked without an
   * exception where nothing is: a no-op over 5,000 steps checks as many definitions that are not
   * there, and the two exceptions thrown for each took a quarter of its check.
   */
  public static boolean exists(Path path) {
    return path.toFile().exists();
  }

  /** Whether it changed within {@link #RACY_WINDOW_NANOS} of now. */
  public boolean racy() {
    return racySince(System.currentTimeMillis());
  }

  /**
   * Whether it changed after {@link #RACY_WINDOW_NANOS} before {@code epochMillis}: for what was
   * looked at since then, a change while it was being looked at.
   */
  public boolean racySince(long epochMillis) {
    long newest = Math.max(mtimeNanos, ctimeNanos);
    return epochMillis * 1_000_000L - newest < RACY_WINDOW_NANOS;
  }

  /** Its {@link #FIELDS} fields as a row of build state holds them, tab-separated. */
  public String fields() {
    return size + "\t" + mtimeNanos + "\t" + ctimeNanos + "\t" + device + "\t" + inode;
  }

  /** The stat that {@code parts}, from {@code first} on, hold as {@link #fields()} wrote them. */
  public static FileStat parse(String[] parts, int first) {
    return new FileStat(
        Long.parseLong(parts[first]),
        Long.parseLong(parts[first + 1]),
        Long.parseLong(parts[first + 2]),
        Long.parseLong(parts[first + 3]),
        Long.parseLong(parts[first + 4]));
  }

  /**
   * Whether this is the stat that {@code row}'s tab-separated fields from {@code from} on hold, as
   * {@link #fields()} wrote them, with nothing after: compared field by field, no string made.
   */
  public boolean isIn(String row, int from) {
    return isIn(row, from, row.length());
  }

  /** As {@link #isIn(String, int)}, the fields ending at {@code to}. */
  public boolean isIn(String row, int from, int to) {
    long[] mine = {size, mtimeNanos, ctimeNanos, device, inode};
    int start = from;
    for (int i = 0; i < mine.length; i++) {
      int end = i == mine.length - 1 ? to : row.indexOf('\t', start);
      if (end < 0 || end > to || mine[i] != Long.parseLong(row, start, end, 10)) {
        return false;
      }
      start = end + 1;
    }
    return true;
  }

  private static long nanos(FileTime time) {
    return time.to(TimeUnit.NANOSECONDS);
  }

  // Written out, as Checksum's are: the generated ones are bootstrapped on first use, which cost a
  // no-op run's check more than comparing every stat did.
  @Override
  public boolean equals(Object other) {
    return other instanceof FileStat stat
        && size == stat.size
        && mtimeNanos == stat.mtimeNanos
        && ctimeNanos == stat.ctimeNanos
        && device == stat.device
        && inode == stat.inode;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(size) * 31 + Long.hashCode(mtimeNanos);
  }
}
