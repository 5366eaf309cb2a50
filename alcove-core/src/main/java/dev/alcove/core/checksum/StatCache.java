package dev.alcove.core.checksum;

import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.StateFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

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
      "# alcove stat cache v1: path, size, mtime-ns, file-key, sha256";
  static final long RACY_WINDOW_NANOS = 2_000_000_000L;

  private record Entry(long size, long mtimeNanos, String fileKey, Checksum checksum) {}

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
    cache.entries.putAll(StateFile.read(cache.file, 5, StatCache::parse));
    return cache;
  }

  private static void parse(String[] parts, Map<String, Entry> entries) {
    if (!Checksum.isValid(parts[4])) {
      return;
    }
    entries.put(
        parts[0],
        new Entry(
            Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3], Checksum.of(parts[4])));
  }

  @Override
  public Checksum checksum(Path path) {
    String key = path.toAbsolutePath().normalize().toString();
    BasicFileAttributes before = attributes(path);
    Entry known = entries.get(key);
    if (known != null && matches(known, before)) {
      return known.checksum();
    }
    Checksum checksum = Sha256.ofFile(path);
    BasicFileAttributes after = attributes(path);
    bytesRead.addAndGet(after.size());
    long mtime = nanos(after);
    boolean stable = same(before, after);
    boolean racy = System.currentTimeMillis() * 1_000_000L - mtime < RACY_WINDOW_NANOS;
    if (stable && !racy) {
      entries.put(key, new Entry(after.size(), mtime, fileKey(after), checksum));
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

  private static boolean matches(Entry entry, BasicFileAttributes attributes) {
    return entry.size() == attributes.size()
        && entry.mtimeNanos() == nanos(attributes)
        && entry.fileKey().equals(fileKey(attributes));
  }

  private static boolean same(BasicFileAttributes a, BasicFileAttributes b) {
    return a.size() == b.size() && nanos(a) == nanos(b) && fileKey(a).equals(fileKey(b));
  }

  private static long nanos(BasicFileAttributes attributes) {
    var instant = attributes.lastModifiedTime().toInstant();
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static String fileKey(BasicFileAttributes attributes) {
    return Objects.toString(attributes.fileKey(), "-").replace('\t', ' ');
  }

  private static BasicFileAttributes attributes(Path path) {
    try {
      return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + path, e);
    }
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
                    + e.size()
                    + "\t"
                    + e.mtimeNanos()
                    + "\t"
                    + e.fileKey()
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
