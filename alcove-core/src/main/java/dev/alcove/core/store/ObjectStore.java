package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.progress.TransferProgress;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where snapshot bytes are kept, addressed by checksum: a local folder or an S3 bucket. Objects are
 * immutable, so putting one that is already there does nothing.
 *
 * <p>A store moves bytes; it does not vouch for them. Whoever reads an object checks its checksum
 * before trusting it (see {@link Depot}).
 */
public interface ObjectStore extends AutoCloseable {

  /** Where the store is, for messages: never holds a secret. */
  String describe();

  boolean contains(Checksum checksum);

  /**
   * Where a Spark cluster reads the object ({@code file:} for a folder the server shares, {@code
   * s3a:} for a bucket); empty for a store a cluster cannot read.
   */
  default java.util.Optional<String> clusterLocation(Checksum checksum) {
    return java.util.Optional.empty();
  }

  /**
   * A new place where a Spark cluster may write a table, to be adopted as an object; empty for a
   * store that cannot take one yet.
   */
  default java.util.Optional<ClusterOutput> clusterOutput() {
    return java.util.Optional.empty();
  }

  /**
   * The settings a Spark session needs to read and write this store, keys included (a secret: for
   * the session, never for a message); empty where the cluster needs none.
   */
  default java.util.Map<String, String> clusterAccess() {
    return java.util.Map.of();
  }

  /** A folder in the store that a cluster writes one table into, once. */
  interface ClusterOutput {

    /** The folder as the cluster names it. */
    String location();

    /**
     * Stores the one Parquet file the cluster wrote as an object, verified by its checksum, and
     * removes the folder.
     */
    Checksum adopt();

    /** Removes the folder and whatever is in it; the adopted object stays. */
    void discard();
  }

  /** The object's size, if the store holds it and says so cheaply (a stat, a HEAD request). */
  default java.util.OptionalLong size(Checksum checksum) {
    return java.util.OptionalLong.empty();
  }

  /** Whether the store is away from this machine, so a local cache in front of it pays. */
  default boolean remote() {
    return true;
  }

  /**
   * Why the store may not be reached, in the front end's words ({@code Maven is offline (-o)}),
   * when it stands in for a remote one while offline: then only the cache may serve.
   */
  default java.util.Optional<String> offline() {
    return java.util.Optional.empty();
  }

  /**
   * Which of {@code checksums} the store already holds, asking up to {@link #parallelTransfers()}
   * at once as {@code threads} allows; a remote store may ask in bulk instead.
   */
  default Set<Checksum> present(Collection<Checksum> checksums, ThreadBudget threads) {
    List<Checksum> asked = List.copyOf(checksums);
    List<Boolean> held = Parallel.map(asked, threads, parallelTransfers(), this::contains);
    Set<Checksum> present = new HashSet<>();
    for (int i = 0; i < asked.size(); i++) {
      if (held.get(i)) {
        present.add(asked.get(i));
      }
    }
    return present;
  }

  /** Stores {@code file}'s bytes under {@code checksum}, unless an object is already there. */
  default void put(Checksum checksum, Path file, TransferProgress progress) {
    if (!contains(checksum)) {
      upload(checksum, file, progress);
    }
  }

  /**
   * Stores {@code file}'s bytes under {@code checksum} without asking first whether they are there,
   * for a caller that just did (objects are immutable: a second upload writes the same bytes).
   */
  void upload(Checksum checksum, Path file, TransferProgress progress);

  /**
   * As {@link #upload(Checksum, Path, TransferProgress)}, where a large object may go up in parts
   * at once, on the threads {@code threads} has free.
   */
  default void upload(
      Checksum checksum, Path file, TransferProgress progress, ThreadBudget threads) {
    upload(checksum, file, progress);
  }

  /**
   * Uploads several objects the store does not hold, as many at once as it takes and {@code
   * threads} allows. A store may make them durable together, which is much faster than one by one
   * when there are many.
   */
  default void uploadAll(
      Map<Checksum, Path> objects, ThreadBudget threads, TransferProgress progress) {
    Parallel.forEach(
        objects.entrySet(),
        threads,
        parallelTransfers(),
        object -> upload(object.getKey(), object.getValue(), progress, threads));
  }

  /**
   * Writes the object's bytes to {@code target} (a fresh temporary file the caller owns) and
   * returns the checksum of the bytes written, computed as they were written, for the caller to
   * compare with the one it asked for; fails with {@link ObjectMissingException} when there is no
   * such object.
   */
  Checksum get(Checksum checksum, Path target, TransferProgress progress);

  /**
   * The content of the entry {@code name} (e.g. {@code cache/v1/<key>}), a small file kept beside
   * the objects under a name of its own; empty when there is none. An entry larger than {@code
   * maxBytes} is refused: it cannot be one alcove wrote.
   */
  Optional<byte[]> readEntry(String name, int maxBytes);

  /** Writes the entry {@code name} whole, replacing any entry of that name. */
  void writeEntry(String name, byte[] content);

  /** Every entry whose name starts with {@code folder + "/"}, with its size and last change. */
  List<StoredEntry> listEntries(String folder);

  /** Deletes the entry; deleting one that is not there does nothing. */
  void deleteEntry(String name);

  /** Deletes the object; deleting one that is not there does nothing. */
  void delete(Checksum checksum);

  /**
   * As {@link #get(Checksum, Path, TransferProgress)}, where a large object may come down in ranges
   * at once, on the threads {@code threads} has free; {@code landed} is told of each range once it
   * is in {@code target} (here: the whole file, once written).
   */
  default Checksum get(
      Checksum checksum,
      Path target,
      TransferProgress progress,
      ThreadBudget threads,
      LandedRanges landed) {
    Checksum written = get(checksum, target, progress);
    if (landed == LandedRanges.IGNORED) {
      return written; // a restore of 100,000 files opens none of them again
    }
    try (java.nio.channels.FileChannel file = java.nio.channels.FileChannel.open(target)) {
      landed.landed(file, 0, file.size());
    } catch (java.io.IOException e) {
      throw dev.alcove.core.io.IoErrors.unchecked("cannot read " + target, e);
    }
    return written;
  }

  /** How many transfers to run at once; a remote store waits on the network, not a core. */
  default int parallelTransfers() {
    return dev.alcove.core.concurrent.Parallel.defaultThreads();
  }

  @Override
  void close();
}
