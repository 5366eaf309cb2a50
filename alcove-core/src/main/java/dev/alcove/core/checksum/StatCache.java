package dev.alcove.core.checksum;

import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers each file's checksum with its size, modification time and identity, as git's index
 * does, so a file that has not changed is not read again. Kept in {@code target/alcove/}; losing it
 * costs only time.
 *
 * <p>A file modified within {@link #RACY_WINDOW_NANOS} of being hashed is not remembered: a second
 * write in the same clock tick would keep its size and time, and must not pass as unchanged.
 */
public final class StatCache implements FileDigester {

  public static final String FILE_NAME = "stat-cache.tsv";
  private static final String HEADER =
      "# alcove stat cache v2: path, size, mtime-ns, ctime-ns, file-key, sha256";
  static final long RACY_WINDOW_NANOS = 2_000_000_000L;

  /**
   * What a stat says of a file, as git's index compares it: a rewrite that keeps size and
   * modification time (which any program can set back) still changes the inode-change time, or,
   * written to a new file and renamed, the inode. A link is followed: its target is the content.
   */
  private record Stat(long size, long mtimeNanos, long ctimeNanos, String fileKey) {
    // Written out, as Checksum's are: the generated ones are bootstrapped on first use, which
    // cost a no-op run's check more than comparing every stat did.
    @Override
    public boolean equals(Object other) {
      return other instanceof Stat stat
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

  private record Entry(Stat stat, Checksum checksum) {}

  private final Path file;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong bytesRead =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean changed;

  private StatCache(Path file) {
    this.file = file;
  }

  public static StatCache load(Path buildDir) {
    StatCache cache = new StatCache(buildDir.resolve(FILE_NAME));
    StateFile.read(cache.file, 6, StatCache::parse, cache.entries);
    return cache;
  }

  private static void parse(String[] parts, Map<String, Entry> entries) {
    entries.put(
        parts[0],
        new Entry(
            new Stat(
                Long.parseLong(parts[1]),
                Long.parseLong(parts[2]),
                Long.parseLong(parts[3]),
                parts[4]),
            Checksum.of(parts[5])));
  }

  @Override
  public Checksum checksum(Path path) {
    return checksum(path, null);
  }

  /** Only what is really read counts: an answer from the cache reads nothing. */
  @Override
  public FileDigester countingInto(AtomicLong tally) {
    StatCache self = this;
    return new FileDigester() {
      @Override
      public Checksum checksum(Path file) {
        return self.checksum(file, tally);
      }

      @Override
      public long bytesRead() {
        return self.bytesRead();
      }
    };
  }

  private Checksum checksum(Path path, AtomicLong tally) {
    String key = path.toAbsolutePath().normalize().toString();
    Stat before = stat(path);
    Entry known = entries.get(key);
    if (known != null && known.stat().equals(before)) {
      return known.checksum();
    }
    Checksum checksum = Sha256.ofFile(path);
    Stat after = stat(path);
    bytesRead.addAndGet(after.size());
    if (tally != null) {
      tally.addAndGet(after.size());
    }
    long newest = Math.max(after.mtimeNanos(), after.ctimeNanos());
    boolean stable = before.equals(after);
    boolean racy = System.currentTimeMillis() * 1_000_000L - newest < RACY_WINDOW_NANOS;
    if (stable && !racy) {
      entries.put(key, new Entry(after, checksum));
      changed = true;
    } else if (entries.remove(key) != null) {
      changed = true;
    }
    return checksum;
  }

  @Override
  public long bytesRead() {
    return bytesRead.get();
  }

  private static Stat stat(Path path) {
    try {
      if (UNIX_VIEW) {
        Map<String, Object> unix = Files.readAttributes(path, UNIX_ATTRIBUTES);
        return new Stat(
            (Long) unix.get("size"),
            nanos((FileTime) unix.get("lastModifiedTime")),
            nanos((FileTime) unix.get("ctime")),
            fileKey(unix.get("fileKey")));
      }
      BasicFileAttributes basic = Files.readAttributes(path, BasicFileAttributes.class);
      return new Stat(basic.size(), nanos(basic.lastModifiedTime()), -1, fileKey(basic.fileKey()));
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + path, e);
    }
  }

  private static final String UNIX_ATTRIBUTES = "unix:size,lastModifiedTime,ctime,fileKey";
  private static final boolean UNIX_VIEW =
      FileSystems.getDefault().supportedFileAttributeViews().contains("unix");

  private static long nanos(FileTime time) {
    var instant = time.toInstant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static String fileKey(Object key) {
    return Objects.toString(key, "-").replace('\t', ' ');
  }

  /** Writes the cache back if anything changed; a failure here only costs time later. */
  public void save() {
    if (!changed) {
      return;
    }
    List<String> lines = new ArrayList<>();
    entries.forEach(
        (path, e) -> {
          if (!path.contains("\t") && !path.contains("\n")) {
            lines.add(
                path
                    + "\t"
                    + e.stat().size()
                    + "\t"
                    + e.stat().mtimeNanos()
                    + "\t"
                    + e.stat().ctimeNanos()
                    + "\t"
                    + e.stat().fileKey()
                    + "\t"
                    + e.checksum().hex());
          }
        });
    try {
      StateFile.write(file, HEADER, lines);
      changed = false;
    } catch (UncheckedIOException e) {
      // The cache is an optimisation: the next run hashes again.
    }
  }
}
