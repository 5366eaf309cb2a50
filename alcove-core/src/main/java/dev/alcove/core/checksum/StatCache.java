package dev.alcove.core.checksum;

import dev.alcove.core.io.PathTexts;
import dev.alcove.core.io.StateFile;
import dev.alcove.core.io.StateRows;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  static final long RACY_WINDOW_NANOS = FileStat.RACY_WINDOW_NANOS;

  private record Entry(FileStat stat, Checksum checksum) {}

  /** Marks a kept row that no longer holds. */
  private static final Entry FORGOTTEN = new Entry(null, null);

  private final Path file;
  // Rows as read, cut only when looked up: a no-op run over 100,000 files asks for each once.
  private final StateRows kept;
  private final Map<String, Entry> changes = new ConcurrentHashMap<>();
  private final java.util.concurrent.atomic.AtomicLong bytesRead =
      new java.util.concurrent.atomic.AtomicLong();
  private volatile boolean changed;

  private StatCache(Path file, StateRows kept) {
    this.file = file;
    this.kept = kept;
  }

  public static StatCache load(Path buildDir) {
    Path file = buildDir.resolve(FILE_NAME);
    return new StatCache(file, StateRows.read(file));
  }

  private Entry entry(String key) {
    Entry changedEntry = changes.get(key);
    if (changedEntry != null) {
      return changedEntry == FORGOTTEN ? null : changedEntry;
    }
    String[] parts = kept.get(key, 6);
    if (parts == null) {
      return null;
    }
    try {
      return new Entry(
          new FileStat(
              Long.parseLong(parts[1]),
              Long.parseLong(parts[2]),
              Long.parseLong(parts[3]),
              parts[4]),
          Checksum.of(parts[5]));
    } catch (RuntimeException damaged) {
      return null; // as if never seen: the file is hashed again
    }
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
    String key = PathTexts.absolute(path);
    FileStat before = FileStat.of(path);
    Entry known = entry(key);
    if (known != null && known.stat().equals(before)) {
      return known.checksum();
    }
    Checksum checksum = Sha256.ofFile(path);
    FileStat after = FileStat.of(path);
    bytesRead.addAndGet(after.size());
    if (tally != null) {
      tally.addAndGet(after.size());
    }
    if (before.equals(after) && !after.racy()) {
      changes.put(key, new Entry(after, checksum));
      changed = true;
    } else if (entry(key) != null) {
      changes.put(key, FORGOTTEN);
      changed = true;
    }
    return checksum;
  }

  @Override
  public long bytesRead() {
    return bytesRead.get();
  }

  /** Writes the cache back if anything changed; a failure here only costs time later. */
  public void save() {
    if (!changed) {
      return;
    }
    List<String> lines = new ArrayList<>(kept.size() + changes.size());
    kept.forEachLine(
        (path, line) -> {
          if (!changes.containsKey(path)) {
            lines.add(line);
          }
        });
    changes.forEach(
        (path, e) -> {
          if (e != FORGOTTEN && !path.contains("\t") && !path.contains("\n")) {
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
