package dev.alcove.core.snapshot;

import dev.alcove.core.Alcove;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.store.Depot;
import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.store.ObjectKeys;
import dev.alcove.core.store.ObjectStore;
import dev.alcove.core.store.SnapshotPins;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code push}: uploads to the store every object that a snapshot of the alcove names and the store
 * lacks, from the alcove's own data or from the local store the alcove used before it had a bucket
 * (each copy verified against its checksum first), and records each snapshot in the store's pins.
 * Asks the store in bulk what it holds, so a second push uploads nothing; an interrupted one
 * uploaded whole objects only (S3 checks each against its checksum), and the next one goes on.
 */
public final class PushSnapshots {

  private final GoalContext context;
  private final Alcove alcove;
  private final Optional<LocalDirectoryStore> previousStore;
  private final AlcoveLog log;

  /** {@code previousStore}: where the alcove kept its objects before, if anywhere. */
  public PushSnapshots(
      GoalContext context, Alcove alcove, Optional<LocalDirectoryStore> previousStore) {
    this.context = context;
    this.alcove = alcove;
    this.previousStore = previousStore;
    this.log = context.log();
  }

  /** What a push found and did. */
  public record Result(int snapshots, int objects, int uploaded, long bytes) {}

  public Result push() {
    Depot depot = context.depot();
    if (depot.offline()) {
      throw Depot.offlineUpload(context.frontEnd().offline(), depot.describe());
    }
    if (!depot.remote()) {
      throw new AlcoveException(
          "the store is "
              + depot.describe()
              + ", where the objects already are: configure the bucket first (S3_BUCKET_NAME"
              + " and S3_ENDPOINT_URL in .env, or the plugin's bucket and endpoint), then push");
    }
    ObjectStore store = depot.store();
    AlcoveLayout layout = alcove.layout();
    Map<StepUri, SnapshotMetadata> snapshots = new TreeMap<>();
    for (StepUri uri : alcove.catalogue().steps().keySet()) {
      if (uri.isSnapshot()) {
        SnapshotMetadata.readIfExists(layout.snapshotSidecar(uri), uri)
            .ifPresent(metadata -> snapshots.put(uri, metadata));
      }
    }
    Map<Checksum, Path> local = new LinkedHashMap<>();
    for (SnapshotMetadata metadata : snapshots.values()) {
      localCopies(metadata, layout).forEach(local::putIfAbsent);
    }
    Set<Checksum> present = store.present(local.keySet(), context.transfers());
    Map<Checksum, Path> toUpload = new TreeMap<>();
    List<Checksum> unavailable = new ArrayList<>();
    for (Map.Entry<Checksum, Path> object : local.entrySet()) {
      Checksum sum = object.getKey();
      if (present.contains(sum)) {
        continue;
      }
      source(sum, object.getValue())
          .ifPresentOrElse(path -> toUpload.put(sum, path), () -> unavailable.add(sum));
    }
    if (!unavailable.isEmpty()) {
      throw new AlcoveException(
          unavailable.size()
              + (unavailable.size() == 1 ? " object is" : " objects are")
              + " neither in the alcove's data nor in "
              + previousStore.map(LocalDirectoryStore::describe).orElse("a local store")
              + ", so "
              + depot.describe()
              + " cannot be given "
              + (unavailable.size() == 1 ? "it" : "them")
              + " (first: "
              + ObjectKeys.relativeKey(unavailable.get(0))
              + " of "
              + owner(snapshots, unavailable.get(0))
              + "): restore the data where it is kept, or snapshot it again from its source;"
              + " nothing was uploaded");
    }
    long bytes = 0;
    for (Path path : toUpload.values()) {
      bytes += path.toFile().length();
    }
    if (!toUpload.isEmpty()) {
      log.info(
          "pushing "
              + toUpload.size()
              + (toUpload.size() == 1 ? " object" : " objects")
              + " ("
              + ProgressReporter.human(bytes)
              + ") to "
              + depot.describe());
      store.uploadAll(
          toUpload,
          context.transfers(),
          new ProgressReporter(log, "pushing to " + depot.describe() + ":", bytes));
    }
    SnapshotPins.pinAll(store, snapshots.values().stream().map(SnapshotMetadata::objects).toList());
    log.info(
        snapshots.size()
            + (snapshots.size() == 1 ? " snapshot" : " snapshots")
            + ", "
            + local.size()
            + (local.size() == 1 ? " object" : " objects")
            + ": "
            + toUpload.size()
            + " uploaded ("
            + ProgressReporter.human(bytes)
            + "), "
            + (local.size() - toUpload.size())
            + " already in "
            + depot.describe()
            + (toUpload.isEmpty()
                ? ""
                : "; a colleague's "
                    + context.frontEnd().run(dev.alcove.core.frontend.Goal.RUN)
                    + " now restores them from there"));
    return new Result(snapshots.size(), local.size(), toUpload.size(), bytes);
  }

  /** Each object of the snapshot, and where its copy in the alcove's data would be. */
  private static Map<Checksum, Path> localCopies(SnapshotMetadata metadata, AlcoveLayout layout) {
    Map<Checksum, Path> copies = new LinkedHashMap<>();
    Path data = metadata.dataPath(layout);
    if (metadata.type() == SnapshotType.DIRECTORY) {
      metadata
          .manifest()
          .orElseThrow()
          .entries()
          .forEach((name, sum) -> copies.putIfAbsent(sum, data.resolve(name)));
    } else {
      copies.put(metadata.checksum(), data);
    }
    return copies;
  }

  /**
   * A copy of the object whose bytes are the object's: the alcove's own file when it still holds
   * them (it may have been edited since), else the previous store's copy.
   */
  private Optional<Path> source(Checksum sum, Path inData) {
    if (Files.isRegularFile(inData) && FileDigester.READ_EVERY_BYTE.checksum(inData).equals(sum)) {
      return Optional.of(inData);
    }
    if (previousStore.isPresent() && previousStore.get().contains(sum)) {
      Path kept = previousStore.get().pathOf(sum);
      if (FileDigester.READ_EVERY_BYTE.checksum(kept).equals(sum)) {
        return Optional.of(kept);
      }
      log.warn(
          "the copy of "
              + ObjectKeys.relativeKey(sum)
              + " in "
              + previousStore.get().describe()
              + " is corrupt: not pushed from there");
    }
    return Optional.empty();
  }

  private static String owner(Map<StepUri, SnapshotMetadata> snapshots, Checksum sum) {
    return snapshots.entrySet().stream()
        .filter(entry -> entry.getValue().objects().contains(sum))
        .map(entry -> entry.getKey().toString())
        .findFirst()
        .orElse("a snapshot");
  }
}
