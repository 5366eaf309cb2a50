package dev.alcove.core.checksum;

import java.nio.file.Path;

/**
 * Computes a file's checksum. The plain implementation reads every byte; the build's stat cache
 * answers from memory for a file whose size, modification time and identity have not changed.
 */
@FunctionalInterface
public interface FileDigester {
  FileDigester READ_EVERY_BYTE = Sha256::ofFile;

  Checksum checksum(Path file);

  /** Bytes actually read to compute checksums so far, where the digester counts them. */
  default long bytesRead() {
    return 0;
  }

  /**
   * This digester, with the bytes it reads for the caller also added to {@code tally}, so that a
   * caller can tell its own reading apart (a Java step's libraries from the data).
   */
  default FileDigester countingInto(java.util.concurrent.atomic.AtomicLong tally) {
    return new TallyingDigester(this, tally, this::bytesRead);
  }

  /**
   * This digester with each file's checksum remembered after the first call: for work during which
   * no file it is asked about changes, such as planning a run, which asks about most files more
   * than once. {@code expected} files are made room for at once: a map that grows to tens of
   * thousands of entries moves them all at every doubling, and made that move the hottest code the
   * JIT compiled in a run with nothing to do.
   */
  default FileDigester remembering(int expected) {
    FileDigester inner = this;
    java.util.Map<Path, Checksum> known = new java.util.concurrent.ConcurrentHashMap<>(expected);
    return new FileDigester() {
      @Override
      public Checksum checksum(Path file) {
        Checksum checksum = known.get(file);
        if (checksum == null) {
          checksum = inner.checksum(file);
          known.put(file, checksum);
        }
        return checksum;
      }

      @Override
      public long bytesRead() {
        return inner.bytesRead();
      }
    };
  }

  /**
   * This digester, with every file it is asked about added to {@code looked}: what a plan read, for
   * the next run to tell whether anything it read has changed.
   */
  default FileDigester recordingInto(java.util.Set<Path> looked) {
    FileDigester inner = this;
    return new FileDigester() {
      @Override
      public Checksum checksum(Path file) {
        looked.add(file);
        return inner.checksum(file);
      }

      @Override
      public long bytesRead() {
        return inner.bytesRead();
      }

      @Override
      public FileDigester countingInto(java.util.concurrent.atomic.AtomicLong tally) {
        return inner.countingInto(tally).recordingInto(looked);
      }
    };
  }

  /** A digester that reads every byte and counts them. */
  static FileDigester counting() {
    java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    return new TallyingDigester(READ_EVERY_BYTE, bytes, bytes::get);
  }
}
