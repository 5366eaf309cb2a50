package dev.alcove.core.gc;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Trims the local cache to a size: least recently used objects first (a hit marks an object used),
 * with the cache entries that name them deleted before them. The cache only ever holds copies, so
 * anything it loses is fetched or built again.
 */
final class CacheTrim {

  private CacheTrim() {}

  record Plan(long size, List<Checksum> objects, long bytes, List<String> entries) {}

  private record CachedObject(Checksum checksum, long size, long used) {}

  static Plan plan(LocalDirectoryStore cache, long limit) {
    List<CachedObject> objects = objects(cache.root());
    long size = objects.stream().mapToLong(CachedObject::size).sum();
    objects.sort(Comparator.comparingLong(CachedObject::used));
    List<Checksum> evicted = new ArrayList<>();
    long freed = 0;
    for (CachedObject object : objects) {
      if (size - freed <= limit) {
        break;
      }
      evicted.add(object.checksum);
      freed += object.size;
    }
    Set<Checksum> gone = new HashSet<>(evicted);
    List<String> entries = new ArrayList<>();
    for (StoredCacheEntries.Listed listed : StoredCacheEntries.of(cache, AlcoveLog.SILENT)) {
      // A damaged entry goes too; a file whose name is no key is not one of alcove's.
      boolean goes =
          listed.entry().isEmpty()
              ? listed.namedByKey()
              : gone.contains(listed.entry().get().output());
      if (goes) {
        entries.add(listed.stored().name());
      }
    }
    return new Plan(size, evicted, freed, entries);
  }

  static void apply(LocalDirectoryStore cache, Plan plan) {
    plan.entries().forEach(cache::deleteEntry);
    plan.objects().forEach(cache::delete);
  }

  /** Every object file of the cache (its {@code ab/cd/<sha256>} layout), with size and last use. */
  private static List<CachedObject> objects(Path root) {
    List<CachedObject> found = new ArrayList<>();
    if (!Files.isDirectory(root)) {
      return found;
    }
    try (Stream<Path> files = Files.walk(root, 3)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        if (Checksum.isValid(name)
            && root.relativize(file)
                .toString()
                .replace(java.io.File.separatorChar, '/')
                .equals(ObjectKeys.relativeKey(Checksum.of(name)))) {
          BasicFileAttributes attributes =
              Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
          if (attributes.isRegularFile()) {
            found.add(
                new CachedObject(
                    Checksum.of(name),
                    attributes.size(),
                    attributes.lastModifiedTime().toMillis()));
          }
        }
      }
    } catch (IOException | UncheckedIOException e) {
      throw new AlcoveException("cannot list the cache " + root + ": " + e.getMessage());
    }
    return found;
  }
}
