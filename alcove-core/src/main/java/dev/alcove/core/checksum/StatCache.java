package dev.alcove.core.checksum;

import dev.alcove.core.io.KeptRows;
import dev.alcove.core.io.PathTexts;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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
      "# alcove stat cache v3: path, size, mtime-ns, ctime-ns, device, inode, sha256";
  static final long RACY_WINDOW_NANOS = FileStat.RACY_WINDOW_NANOS;

  private record Entry(FileStat stat, Checksum checksum) {}

  private final Path file;
  // Rows cut only when looked up: a no-op run over 100,000 files asks for each once.
  private final KeptRows<Entry> entries;
  private final java.util.concurrent.atomic.AtomicLong bytesRead =
      new java.util.concurrent.atomic.AtomicLong();

  private StatCache(Path file) {
    this.file = file;
    // A row of another version has another number of fields: not believed, only hashed again.
    this.entries = KeptRows.read(file, 2 + FileStat.FIELDS, StatCache::parse);
  }

  public static StatCache load(Path buildDir) {
    return new StatCache(buildDir.resolve(FILE_NAME));
  }

  private static Entry parse(String[] parts) {
    return new Entry(FileStat.parse(parts, 1), Checksum.of(parts[1 + FileStat.FIELDS]));
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
    Entry known = entries.get(key);
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
      entries.put(key, new Entry(after, checksum));
    } else if (known != null) {
      entries.remove(key);
    }
    return checksum;
  }

  @Override
  public long bytesRead() {
    return bytesRead.get();
  }

  /** Writes the cache back if anything changed; a failure here only costs time later. */
  public void save() {
    if (!entries.unsaved()) {
      return;
    }
    try {
      entries.save(file, HEADER, StatCache::row);
    } catch (UncheckedIOException e) {
      // The cache is an optimisation: the next run hashes again.
    }
  }

  private static String row(String path, Entry e) {
    if (path.contains("\t") || path.contains("\n")) {
      return null;
    }
    return path + "\t" + e.stat().fields() + "\t" + e.checksum().hex();
  }
}
