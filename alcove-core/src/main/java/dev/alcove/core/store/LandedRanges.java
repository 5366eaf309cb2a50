package dev.alcove.core.store;

import java.nio.channels.FileChannel;

/**
 * Told of each range of a download as it lands in the file, so that another copy of the bytes can
 * be written while the rest still arrives instead of in a pass after the last byte. The ranges are
 * not verified yet: whoever listens keeps what it wrote only once the whole download checks out.
 * Ranges may land at once on several threads, in any order. A listener that fails throws an
 * unchecked exception that says what it could not write, and the download stops.
 */
@FunctionalInterface
public interface LandedRanges {

  /** Listens to nothing. */
  LandedRanges IGNORED = (file, start, length) -> {};

  /** Bytes {@code start} to {@code start + length - 1} of the download are in {@code file}. */
  void landed(FileChannel file, long start, long length);
}
