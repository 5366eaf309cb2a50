package dev.alcove.core.cache;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Built tables shared through the store: looked up by cache key, fetched like any object (and
 * verified against the entry's checksum), pushed object first and entry last, so that an entry
 * never names an object that is not there. The local cache in front of S3 is asked first and keeps
 * a copy of every entry it sees, so that offline runs still find what this machine has seen.
 *
 * <p>A cache that cannot be reached never fails a run: a lookup that fails is a miss, a push that
 * fails is a warning.
 */
public final class TableCache {

  private final Supplier<Depot> depot;
  private final java.util.Set<StepUri> pushed = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final CacheOptions options;
  private final AlcoveLog log;
  private boolean unavailable;

  public TableCache(Supplier<Depot> depot, CacheOptions options, AlcoveLog log) {
    this.depot = depot;
    this.options = options;
    this.log = log;
  }

  public boolean enabled() {
    return options.enabled();
  }

  /** The entry stored under {@code key}, if any place that may serve one holds a readable one. */
  public Optional<CacheEntry> lookup(Checksum key, String table) {
    if (!options.enabled()) {
      return Optional.empty();
    }
    String name = CacheEntry.nameOf(key);
    List<ObjectStore> sources = new ArrayList<>();
    Optional<Depot> available = open();
    if (available.isEmpty()) {
      return Optional.empty();
    }
    Depot opened = available.get();
    opened.cache().ifPresent(sources::add);
    if (!opened.offline()) {
      sources.add(opened.store());
    }
    for (ObjectStore source : sources) {
      Optional<byte[]> bytes;
      try {
        bytes = source.readEntry(name, CacheEntry.MAX_BYTES);
      } catch (RuntimeException e) {
        log.warn(
            "cannot look "
                + table
                + " up in the table cache of "
                + source.describe()
                + " ("
                + e.getMessage()
                + ")");
        continue;
      }
      if (bytes.isEmpty()) {
        continue;
      }
      CacheEntry entry;
      try {
        entry = CacheEntry.parse(bytes.get(), key, source.describe() + " " + name);
      } catch (AlcoveException e) {
        log.warn("ignored a damaged table cache entry: " + e.getMessage());
        continue;
      }
      return Optional.of(entry);
    }
    return Optional.empty();
  }

  /**
   * Fetches the entry's Parquet object to {@code target}, verified against its checksum; the local
   * cache then holds the object, and only then the entry, so that offline runs find both.
   */
  public void fetch(CacheEntry entry, Path target, TransferProgress progress) {
    Depot opened = depot.get();
    opened.fetch(entry.output(), target, "the cached " + entry.table(), progress);
    opened
        .fillableCache()
        .filter(cache -> cache.contains(entry.output()))
        .ifPresent(cache -> quietly(() -> cache.writeEntry(entry.name(), entry.toBytes())));
  }

  /**
   * Pushes a built table: its Parquet object, then its entry. To the store when pushing is on (by
   * default only for a local store), and to the local cache in front of S3 in any case.
   */
  public void push(CacheEntry entry, Path parquet) {
    Optional<Depot> available = options.enabled() ? open() : Optional.empty();
    if (available.isEmpty()) {
      return;
    }
    Depot opened = available.get();
    boolean toStore = options.push().orElse(!opened.remote());
    opened
        .fillableCache()
        .filter(cache -> pushTo(cache, entry, parquet))
        .ifPresent(
            cache ->
                log.debug(
                    "pushed " + entry.table() + " to the table cache of " + cache.describe()));
    if (!toStore) {
      return;
    }
    if (opened.offline()) {
      log.info("not pushing " + entry.table() + " to " + opened.describe() + ": working offline");
      return;
    }
    if (pushTo(opened.store(), entry, parquet)) {
      pushed.add(entry.table());
      log.info("pushed " + entry.table() + " to the table cache of " + opened.describe());
    }
  }

  /** The tables pushed to the store so far (the local cache's copies aside). */
  public java.util.Set<StepUri> pushed() {
    return java.util.Set.copyOf(pushed);
  }

  /**
   * The store, opened on first use; one that cannot be opened is said once, and the run goes on
   * without the cache (a snapshot that needs the store fails on its own).
   */
  private synchronized Optional<Depot> open() {
    if (unavailable) {
      return Optional.empty();
    }
    try {
      return Optional.of(depot.get());
    } catch (AlcoveException e) {
      unavailable = true;
      log.warn("the table cache is not available (" + e.getMessage() + "): tables are built here");
      return Optional.empty();
    }
  }

  /** Pushes the object, then the entry; whether both were written. */
  private boolean pushTo(ObjectStore target, CacheEntry entry, Path parquet) {
    try {
      target.put(entry.output(), parquet, TransferProgress.NONE);
      target.writeEntry(entry.name(), entry.toBytes());
      return true;
    } catch (RuntimeException e) {
      log.warn(
          "could not push "
              + entry.table()
              + " to the table cache of "
              + target.describe()
              + ": "
              + e.getMessage());
      return false;
    }
  }

  private void quietly(Runnable write) {
    try {
      write.run();
    } catch (RuntimeException e) {
      log.debug("could not keep a copy in the local cache: " + e.getMessage());
    }
  }
}
