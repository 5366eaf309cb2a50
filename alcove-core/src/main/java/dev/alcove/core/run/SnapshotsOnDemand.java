package dev.alcove.core.run;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.uri.StepUri;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fetches the snapshots a table reads just before the table is built here, when the run left them
 * in the store ({@link Download#OUTPUTS}): each once, however many tables read it, verified by
 * checksum as every restore is.
 */
final class SnapshotsOnDemand {

  /** Fetches nothing: every input was restored before the tables ran. */
  static final SnapshotsOnDemand NONE = new SnapshotsOnDemand(null, null, AlcoveLog.SILENT);

  private final RestoreSnapshot snapshots;
  private final Supplier<Depot> depot;
  private final AlcoveLog log;
  private final Map<StepUri, Object> locks = new ConcurrentHashMap<>();
  private final Set<StepUri> fetched = ConcurrentHashMap.newKeySet();

  SnapshotsOnDemand(RestoreSnapshot snapshots, Supplier<Depot> depot, AlcoveLog log) {
    this.snapshots = snapshots;
    this.depot = depot;
    this.log = log;
  }

  /** Makes every snapshot {@code table} reads local, fetching those that are only in the store. */
  void fetchInputsOf(TableStep table) {
    if (snapshots == null) {
      return;
    }
    for (StepUri input : table.inputs.keySet()) {
      if (!input.isSnapshot()) {
        continue;
      }
      synchronized (locks.computeIfAbsent(input, uri -> new Object())) {
        if (snapshots.problem(input).isEmpty()) {
          continue;
        }
        SnapshotMetadata metadata = snapshots.metadata(input);
        log.info(
            "fetching " + input + " from the store: " + table.uri + " is built here and reads it");
        try {
          snapshots.restore(metadata, depot.get());
        } catch (AlcoveException e) {
          throw new AlcoveException(
              table.uri
                  + " is built here and reads "
                  + input
                  + ", which this run left in the store: "
                  + e.getMessage(),
              e);
        }
        fetched.add(input);
      }
    }
  }

  /** The snapshots fetched so far. */
  Set<StepUri> fetched() {
    return new TreeSet<>(fetched);
  }
}
