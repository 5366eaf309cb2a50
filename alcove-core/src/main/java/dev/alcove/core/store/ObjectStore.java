package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import java.nio.file.Path;

/**
 * Where snapshot bytes are kept, addressed by checksum: a local folder or an S3 bucket. Objects are
 * immutable, so putting one that is already there does nothing.
 *
 * <p>A store moves bytes; it does not vouch for them. Whoever reads an object checks its checksum
 * before trusting it (see {@link VerifiedFetch}).
 */
public interface ObjectStore extends AutoCloseable {

  /** Where the store is, for messages: never holds a secret. */
  String describe();

  boolean contains(Checksum checksum);

  /** Stores {@code file}'s bytes under {@code checksum}, unless an object is already there. */
  void put(Checksum checksum, Path file, TransferProgress progress);

  /**
   * Writes the object's bytes to {@code target} (a fresh temporary file the caller owns); fails
   * with {@link ObjectMissingException} when there is no such object.
   */
  void get(Checksum checksum, Path target, TransferProgress progress);

  /** How many transfers to run at once; a remote store waits on the network, not a core. */
  default int parallelTransfers() {
    return dev.alcove.core.concurrent.Parallel.defaultThreads();
  }

  @Override
  void close();
}
