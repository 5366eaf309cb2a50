package dev.alcove.core.run;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Fetches the inputs a table reads just before the table is built here, when they are only in the
 * store ({@link Download}): snapshots the run left there, and tables an earlier run or this one
 * left there. Each once, however many tables read it, verified by checksum as every restore is.
 */
final class InputsOnDemand {

  private final RestoreSnapshot snapshots;
  private final TableData tables;
  private final Supplier<Depot> depot;
  private final AlcoveLog log;
  private final Map<StepUri, Object> locks = new ConcurrentHashMap<>();
  private final Set<StepUri> fetched = ConcurrentHashMap.newKeySet();

  /**
   * @param snapshots where snapshots are restored from, or null when the run restored every
   *     snapshot it reads before the tables ran
   */
  InputsOnDemand(
      RestoreSnapshot snapshots, TableData tables, Supplier<Depot> depot, AlcoveLog log) {
    this.snapshots = snapshots;
    this.tables = tables;
    this.depot = depot;
    this.log = log;
  }

  /** Makes every input {@code table} reads local, fetching those that are only in the store. */
  void fetchInputsOf(TableStep table) {
    if (table.runner.onSpark()) {
      // The cluster reads its inputs in the store.
      return;
    }
    for (StepUri input : table.inputs.keySet()) {
      if (input.isTable()) {
        if (tables.where(input) == TableData.Where.IN_STORE) {
          tables.local(input, table.uri + ", built here,");
          fetched.add(input);
        }
      } else if (snapshots != null) {
        fetchSnapshot(table, input);
      }
    }
  }

  private void fetchSnapshot(TableStep table, StepUri input) {
    synchronized (locks.computeIfAbsent(input, uri -> new Object())) {
      if (snapshots.problem(input).isEmpty()) {
        return;
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

  /** The inputs fetched so far. */
  Set<StepUri> fetched() {
    return new TreeSet<>(fetched);
  }
}
