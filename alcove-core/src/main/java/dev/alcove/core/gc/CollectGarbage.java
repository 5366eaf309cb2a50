package dev.alcove.core.gc;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.gc.StoredCacheEntries.Listed;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.SnapshotPins;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code gc}: deletes table cache entries older than {@code keepDays} from the store and the local
 * cache, and their objects when nothing else names them; trims the local cache to a size. It never
 * deletes an object that a sidecar names, in the working tree or anywhere in the alcove's git
 * history, and it deletes entries before objects, so that a crash leaves no entry naming nothing.
 * Without {@code delete} it only says what it would delete, and why.
 */
public final class CollectGarbage {

  /** Items listed one by one before the rest are only counted. */
  private static final int LISTED = 20;

  private final GoalContext context;
  private final Alcove alcove;
  private final GcOptions options;
  private final AlcoveLog log;

  public CollectGarbage(GoalContext context, Alcove alcove, GcOptions options) {
    this.context = context;
    this.alcove = alcove;
    this.options = options;
    this.log = context.log();
  }

  /** What was (or would be) deleted, in all places. */
  public record Result(int entries, int objects, long bytes) {}

  public Result run() {
    try (AlcoveEdit edit = alcove.edit(log)) {
      Path root = edit.alcove().root();
      Set<Checksum> referenced = SidecarReferences.inWorkingTree(edit.alcove().layout());
      Optional<SidecarReferences.History> history = SidecarReferences.inGitHistory(root);
      history.ifPresent(known -> referenced.addAll(known.named()));
      Optional<String> whyNot =
          history.isEmpty()
              ? Optional.of("cannot read the git history of " + root)
              : history.get().incomplete().map(why -> "the git history of " + root + " " + why);
      Depot depot = context.depot();
      List<Place> places = new ArrayList<>();
      depot.cache().ifPresent(cache -> places.add(new Place(cache, true)));
      if (!depot.offline()) {
        places.add(new Place(depot.store(), false));
      }
      Result total = new Result(0, 0, 0);
      for (Place place : places) {
        boolean mayDelete = place.isCache || whyNot.isEmpty() || options.force();
        if (!mayDelete) {
          log.warn(
              whyNot.get()
                  + ": nothing will be deleted from "
                  + place.store.describe()
                  + ", whose objects older commits may name"
                  + (history.isEmpty() ? "; commit the alcove to git" : "")
                  + ", or set "
                  + context.frontEnd().set(Setting.FORCE, "true")
                  + " to delete by what this clone knows alone");
        }
        Set<Checksum> kept = new HashSet<>(referenced);
        if (!place.isCache) {
          // Snapshots of other alcoves sharing the store, which this alcove cannot see.
          kept.addAll(SnapshotPins.pinned(place.store));
        }
        total = add(total, collect(place, kept, mayDelete));
      }
      if (!options.delete()) {
        log.info(
            "dry run: would delete "
                + describe(total)
                + "; nothing was deleted (set "
                + context.frontEnd().set(Setting.GC_DELETE, "true")
                + " to delete)");
      } else {
        log.info("deleted " + describe(total));
      }
      return total;
    }
  }

  private record Place(ObjectStore store, boolean isCache) {}

  /** One place: its expired entries, their unreferenced objects, then (for the cache) its size. */
  private Result collect(Place place, Set<Checksum> referenced, boolean mayDelete) {
    ObjectStore store = place.store;
    Instant cutoff = context.clock().instant().minus(Duration.ofDays(options.keepDays()));
    List<Listed> entries = StoredCacheEntries.of(store, log);
    List<Listed> expired = new ArrayList<>();
    Set<Checksum> kept = new HashSet<>();
    List<String> foreign = new ArrayList<>();
    for (Listed entry : entries) {
      if (!entry.namedByKey()) {
        foreign.add(entry.stored().name());
        continue;
      }
      if (entry.entry().isEmpty() || entry.stored().modified().isBefore(cutoff)) {
        expired.add(entry);
      } else {
        kept.add(entry.entry().get().output());
      }
    }
    if (!foreign.isEmpty()) {
      log.info(
          "left alone "
              + foreign.size()
              + (foreign.size() == 1 ? " file" : " files")
              + " under "
              + CacheEntry.FOLDER
              + " in "
              + store.describe()
              + " that alcove did not write: "
              + String.join(", ", foreign.subList(0, Math.min(foreign.size(), 5)))
              + (foreign.size() > 5 ? ", ..." : ""));
    }
    List<Checksum> objects = new ArrayList<>();
    long bytes = 0;
    int listed = 0;
    for (Listed entry : expired) {
      String why =
          entry.entry().isEmpty()
              ? "damaged"
              : "pushed "
                  + age(entry.stored().modified())
                  + " ago, for "
                  + entry.entry().get().table();
      Optional<Checksum> object =
          entry
              .entry()
              .map(CacheEntry::output)
              .filter(sum -> !referenced.contains(sum) && !kept.contains(sum));
      if (object.isPresent() && !objects.contains(object.get())) {
        objects.add(object.get());
        bytes += entry.entry().get().bytes();
      }
      if (listed++ < LISTED) {
        log.info(
            (options.delete() && mayDelete ? "deleting" : "would delete")
                + " cache entry "
                + entry.stored().name()
                + " in "
                + store.describe()
                + " ("
                + why
                + ")"
                + object.map(o -> " and its object").orElse(""));
      }
    }
    if (expired.size() > LISTED) {
      log.info("... and " + (expired.size() - LISTED) + " more entries in " + store.describe());
    }
    Result result = new Result(expired.size(), objects.size(), bytes);
    if (options.delete() && mayDelete) {
      // Entries first: a crash between the two leaves objects nobody names, never the reverse.
      expired.forEach(entry -> store.deleteEntry(entry.stored().name()));
      objects.forEach(store::delete);
    }
    if (place.isCache && options.maxCacheBytes().isPresent()) {
      result = add(result, trim((LocalDirectoryStore) store, options.maxCacheBytes().get()));
    }
    return result;
  }

  /** Deletes the least recently used objects of the cache until it holds at most {@code limit}. */
  private Result trim(LocalDirectoryStore cache, long limit) {
    CacheTrim.Plan plan = CacheTrim.plan(cache, limit);
    if (plan.objects().isEmpty()) {
      log.info(
          cache.describe()
              + " holds "
              + ProgressReporter.human(plan.size())
              + ", within the limit of "
              + ProgressReporter.human(limit));
      return new Result(0, 0, 0);
    }
    log.info(
        (options.delete() ? "trimming " : "would trim ")
            + cache.describe()
            + " from "
            + ProgressReporter.human(plan.size())
            + " to the limit of "
            + ProgressReporter.human(limit)
            + ": "
            + plan.objects().size()
            + " least recently used objects ("
            + ProgressReporter.human(plan.bytes())
            + ")");
    if (options.delete()) {
      CacheTrim.apply(cache, plan);
    }
    return new Result(plan.entries().size(), plan.objects().size(), plan.bytes());
  }

  private String age(Instant then) {
    long days = Duration.between(then, context.clock().instant()).toDays();
    return days == 1 ? "1 day" : days + " days";
  }

  private static Result add(Result a, Result b) {
    return new Result(a.entries + b.entries, a.objects + b.objects, a.bytes + b.bytes);
  }

  private static String describe(Result result) {
    return result.entries
        + (result.entries == 1 ? " cache entry" : " cache entries")
        + " and "
        + result.objects
        + (result.objects == 1 ? " object" : " objects")
        + " ("
        + ProgressReporter.human(result.bytes)
        + ")";
  }
}
