package dev.alcove.core.store.s3;

import dev.alcove.core.checksum.Checksum;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Hashes a file that ranges are being written into, in order, as far as the ranges written so far
 * reach without a gap: a download in parallel ranges is hashed while the later ranges still arrive,
 * instead of in one pass after the last. The bytes are read back from the file, which the operating
 * system still holds in memory.
 */
final class HashingBehind {

  private final FileChannel channel;
  private final MessageDigest digest;
  private final long total;
  private final TreeMap<Long, Long> arrived = new TreeMap<>();
  private final ReentrantLock hashing = new ReentrantLock();
  private volatile long hashedUpTo;
  private volatile IOException failure;

  /** {@code digest} already holds the first {@code hashedUpTo} bytes of the file. */
  HashingBehind(FileChannel channel, MessageDigest digest, long hashedUpTo, long total) {
    this.channel = channel;
    this.digest = digest;
    this.hashedUpTo = hashedUpTo;
    this.total = total;
  }

  /**
   * Bytes {@code start} to {@code start + length - 1} are in the file; hashes what now follows the
   * hashed part, unless another thread is at it (it takes these too, or {@link #finish} does).
   */
  void arrived(long start, long length) {
    synchronized (arrived) {
      arrived.put(start, length);
    }
    while (hashing.tryLock()) {
      try {
        hashWhatFollows();
      } catch (IOException e) {
        // Read back from a file just written: finish() tries again and says why.
        failure = e;
        return;
      } finally {
        hashing.unlock();
      }
      synchronized (arrived) {
        if (!arrived.containsKey(hashedUpTo)) {
          return;
        }
      }
    }
  }

  /** The checksum of the whole file, once every range has arrived. */
  Checksum finish() throws IOException {
    hashing.lock();
    try {
      if (failure != null) {
        throw failure;
      }
      hashWhatFollows();
      if (hashedUpTo != total) {
        throw new IOException("bytes from " + hashedUpTo + " never arrived");
      }
      return Checksum.ofDigest(digest.digest());
    } finally {
      hashing.unlock();
    }
  }

  private void hashWhatFollows() throws IOException {
    while (true) {
      Long length;
      synchronized (arrived) {
        length = arrived.remove(hashedUpTo);
      }
      if (length == null) {
        return;
      }
      S3Client.readRange(
          channel,
          hashedUpTo,
          length,
          (buffer, read) -> digest.update(buffer, 0, read),
          position -> "the file ended at " + position + " while being hashed");
      hashedUpTo += length;
    }
  }
}
