package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.TransferProgress;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store plus, in front of a remote one, the local cache: where snapshot bytes go to and come
 * back from. Every byte that comes back is checked against its checksum before anyone sees it; a
 * corrupt cached copy is dropped and fetched again, a corrupt stored one is refused.
 */
public final class Depot implements AutoCloseable {

  /** What to do when the store lacks a snapshot's object. */
  private static final String SNAPSHOT_MISSING =
      "snapshot it again from its source, or check the store settings";

  private final ObjectStore store;
  private final Optional<LocalDirectoryStore> cache;

  /** Offline, with a remote store: only the cache may serve. */
  private final Optional<String> offline;

  private final AlcoveLog log;

  /**
   * The cache is asked first for every object; it is filled only in front of a remote store (a
   * local store would be copied twice on one disk for nothing).
   */
  public Depot(ObjectStore store, Optional<LocalDirectoryStore> cache, AlcoveLog log) {
    this.store = store;
    this.cache = cache;
    this.offline = store.offline();
    this.log = log;
  }

  public String describe() {
    return store.describe();
  }

  public int parallelTransfers() {
    return store.parallelTransfers();
  }

  public ObjectStore store() {
    return store;
  }

  /** The local cache in front of a remote store; none in front of a local one. */
  public Optional<LocalDirectoryStore> cache() {
    return cache;
  }

  /** Offline with a remote store: only the cache may serve. */
  public boolean offline() {
    return offline.isPresent();
  }

  /** Whether the store is remote (S3), not a folder on this machine. */
  public boolean remote() {
    return store.remote();
  }

  /** The cache, where copies are kept: only in front of a remote store. */
  public Optional<LocalDirectoryStore> fillableCache() {
    return remote() ? cache : Optional.empty();
  }

  /** The error for an upload while offline. */
  public static AlcoveException offlineUpload(String reason, String store) {
    return new AlcoveException(reason + ": cannot upload to " + store + "; run again online");
  }

  /**
   * Uploads the objects the store does not hold yet, as many at once as the store takes and {@code
   * threads} allows; returns how many were uploaded.
   *
   * <p>The cache is not filled: the alcove's own copy of what it uploads is the copy on this
   * machine, and a cached one would double the disk a snapshot takes and the bytes it writes (on
   * the bench's machine 1.4 s of an 8.2 s snapshot of 1 GiB to S3). The cache keeps what comes back
   * from the store, which a restore fills.
   */
  public int putAll(Map<Checksum, Path> objects, ThreadBudget threads, TransferProgress progress) {
    if (offline.isPresent()) {
      throw offlineUpload(offline.get(), store.describe());
    }
    Set<Checksum> present = store.present(objects.keySet(), threads);
    Map<Checksum, Path> missing = new java.util.TreeMap<>(objects);
    missing.keySet().removeAll(present);
    store.uploadAll(missing, threads, progress);
    return (int) objects.keySet().stream().filter(sum -> !present.contains(sum)).count();
  }

  /**
   * The object's size, from the local cache if it holds it, else from the store unless offline;
   * empty when neither says.
   */
  public java.util.OptionalLong size(Checksum checksum) {
    if (cache.isPresent() && cache.get().contains(checksum)) {
      return cache.get().size(checksum);
    }
    return offline.isPresent() ? java.util.OptionalLong.empty() : store.size(checksum);
  }

  /**
   * Puts the verified bytes of {@code checksum} at {@code target}, atomically: from the cache if it
   * holds a good copy, else from the store. {@code owner} names the step in messages.
   */
  public void fetch(Checksum checksum, Path target, String owner, TransferProgress progress) {
    fetch(checksum, target, owner, progress, ThreadBudget.of(1));
  }

  /** As above, a large object coming down in ranges at once on what {@code threads} has free. */
  public void fetch(
      Checksum checksum,
      Path target,
      String owner,
      TransferProgress progress,
      ThreadBudget threads) {
    fetch(checksum, target, owner, SNAPSHOT_MISSING, progress, threads);
  }

  /**
   * As above; {@code ifMissing} says what to do when the store does not hold the object (a snapshot
   * is taken again, a table built again).
   *
   * <p>The bytes and their rename are not flushed to disk: they are a copy of what the store keeps,
   * so a power cut costs at most fetching them again, which the next run's check sees to. A flush
   * here waited for the kernel to write back all the run had written (a restore of 2 GiB from S3
   * spent 1.2 s of its 4.5 s in it), where a killed process already leaves the old file or the new.
   */
  public void fetch(
      Checksum checksum,
      Path target,
      String owner,
      String ifMissing,
      TransferProgress progress,
      ThreadBudget threads) {
    Path temp = AtomicFiles.tempSibling(target);
    boolean placed = false;
    try {
      Folders.ensure(target.toAbsolutePath().getParent());
      if (cache.isPresent() && fetchFromCache(cache.get(), checksum, temp)) {
        AtomicFiles.rename(temp, target);
        placed = true;
        return;
      }
      if (offline.isPresent()) {
        throw new AlcoveException(
            offline.get()
                + " and the cache has no copy of "
                + ObjectKeys.relativeKey(checksum)
                + " for "
                + owner
                + ": run again online to fetch it from "
                + store.describe());
      }
      try (CacheFill fill = new CacheFill(fillableCache(), checksum)) {
        download(checksum, temp, owner, ifMissing, progress, threads, fill);
        fill.keep();
      }
      AtomicFiles.rename(temp, target);
      placed = true;
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot write " + target, e);
    } finally {
      if (!placed) {
        AtomicFiles.deleteQuietly(temp);
      }
    }
  }

  /** Downloads the object to {@code temp} and checks its bytes, filling the cache as they land. */
  private void download(
      Checksum checksum,
      Path temp,
      String owner,
      String ifMissing,
      TransferProgress progress,
      ThreadBudget threads,
      CacheFill fill) {
    Checksum actual;
    try {
      actual = store.get(checksum, temp, progress, threads, fill.listener());
    } catch (ObjectMissingException e) {
      throw new AlcoveException(e.getMessage() + ", which " + owner + " needs: " + ifMissing);
    }
    if (!actual.equals(checksum)) {
      throw new AlcoveException(
          "object "
              + ObjectKeys.relativeKey(checksum)
              + " in "
              + store.describe()
              + " is corrupt (its bytes hash to "
              + actual.hex().substring(0, 12)
              + "...), so "
              + owner
              + " cannot be restored from it; the local copy was left as it was");
    }
  }

  private boolean fetchFromCache(LocalDirectoryStore cache, Checksum checksum, Path temp) {
    if (!cache.contains(checksum)) {
      return false;
    }
    if (cache.get(checksum, temp, TransferProgress.NONE).equals(checksum)) {
      cache.touch(checksum);
      return true;
    }
    log.warn(
        "cached object "
            + cache.pathOf(checksum)
            + " is corrupt: dropped it, fetching a good copy");
    cache.evict(checksum);
    AtomicFiles.deleteQuietly(temp);
    return false;
  }

  @Override
  public void close() {
    store.close();
  }
}
