package dev.alcove.core.gc;

import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.StoredEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The table cache entries a store holds, each read and parsed where it can be. */
final class StoredCacheEntries {

  private StoredCacheEntries() {}

  /** An entry as listed, and as parsed: empty when its name is no key, or it is damaged or gone. */
  record Listed(StoredEntry stored, Optional<CacheEntry> entry) {
    /** Whether alcove wrote it: {@code cache/v1/<key>}, not a file a person left there. */
    boolean namedByKey() {
      return Checksum.isValid(key()) && stored.name().equals(CacheEntry.nameOf(Checksum.of(key())));
    }

    private String key() {
      return stored.name().substring(stored.name().lastIndexOf('/') + 1);
    }
  }

  static List<Listed> of(ObjectStore store, AlcoveLog log) {
    List<Listed> listed = new ArrayList<>();
    for (StoredEntry stored : store.listEntries(CacheEntry.FOLDER)) {
      Listed named = new Listed(stored, Optional.empty());
      Optional<CacheEntry> entry = Optional.empty();
      if (named.namedByKey()) {
        try {
          entry =
              store
                  .readEntry(stored.name(), CacheEntry.MAX_BYTES)
                  .map(bytes -> CacheEntry.parse(bytes, Checksum.of(named.key()), stored.name()));
        } catch (AlcoveException e) {
          log.debug("damaged cache entry " + stored.name() + ": " + e.getMessage());
        }
      }
      listed.add(new Listed(stored, entry));
    }
    return listed;
  }
}
