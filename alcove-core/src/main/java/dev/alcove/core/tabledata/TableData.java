package dev.alcove.core.tabledata;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.progress.ProgressReporter;
import dev.alcove.core.store.Depot;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Where each built table's data is: here, only in the store (a run that did not download it left
 * its metadata and an entry in {@link TablesInStore}), or nowhere. A reader asks for the file with
 * {@link #local}: a table in the store is fetched then, verified by checksum, once however many
 * readers ask.
 */
public final class TableData {

  /** Where a table's data is. */
  public enum Where {
    LOCAL,
    IN_STORE,
    MISSING
  }

  private final AlcoveLayout layout;
  private final TablesInStore state;
  private final Supplier<Depot> depot;
  private final FrontEnd frontEnd;
  private final AlcoveLog log;
  private final dev.alcove.core.concurrent.ThreadBudget transfers;
  private final Map<StepUri, Object> locks = new ConcurrentHashMap<>();

  /**
   * @param transfers the threads a large table may come down on, in ranges at once
   */
  public TableData(
      AlcoveLayout layout,
      Supplier<Depot> depot,
      dev.alcove.core.concurrent.ThreadBudget transfers,
      FrontEnd frontEnd,
      AlcoveLog log) {
    this.transfers = transfers;
    this.layout = layout;
    this.state = TablesInStore.load(layout.buildDir());
    this.depot = depot;
    this.frontEnd = frontEnd;
    this.log = log;
  }

  /** The table data of a goal: fetched from its store, said on its log. */
  public static TableData of(AlcoveLayout layout, dev.alcove.core.context.GoalContext context) {
    return new TableData(
        layout, context::depot, context.transfers(), context.frontEnd(), context.log());
  }

  public Where where(StepUri uri) {
    if (Files.isRegularFile(layout.tableFile(uri))) {
      return Where.LOCAL;
    }
    return inStore(uri).isPresent() ? Where.IN_STORE : Where.MISSING;
  }

  /**
   * The table's file as the store holds it, when the table is not here and its metadata names that
   * file: a table rebuilt or restored since it was left in the store is not in it.
   */
  public Optional<TablesInStore.Stored> inStore(StepUri uri) {
    Optional<TablesInStore.Stored> stored = state.get(uri);
    if (stored.isEmpty() || Files.isRegularFile(layout.tableFile(uri))) {
      return Optional.empty();
    }
    try {
      return TableMetadata.readIfExists(layout.tableSidecar(uri), uri)
          .filter(metadata -> metadata.checksum().equals(stored.get().output()))
          .flatMap(metadata -> stored);
    } catch (AlcoveException e) {
      return Optional.empty();
    }
  }

  /**
   * Whether the build state records {@code output} as the table's data in the store, whatever is
   * here now: for a caller that has read the table's metadata already.
   */
  public boolean recordsInStore(StepUri uri, dev.alcove.core.checksum.Checksum output) {
    return state.get(uri).map(stored -> stored.output().equals(output)).orElse(false);
  }

  /**
   * The table's Parquet file, fetched first when it is only in the store; {@code reader} names who
   * reads it, for the progress line and for errors.
   */
  public Path local(StepUri uri, String reader) {
    Path file = layout.tableFile(uri);
    synchronized (locks.computeIfAbsent(uri, u -> new Object())) {
      if (Files.isRegularFile(file)) {
        return file;
      }
      Optional<TablesInStore.Stored> stored = inStore(uri);
      if (stored.isEmpty()) {
        throw new AlcoveException(
            reader + ": " + uri + " is not built here: run " + frontEnd.run(Goal.RUN) + " first");
      }
      dev.alcove.core.io.NoLinks.requireBelow(layout.dataDir(), file);
      log.info(
          "fetching "
              + uri
              + " from the store ("
              + ProgressReporter.human(stored.get().bytes())
              + "): "
              + reader
              + " reads it");
      try {
        depot
            .get()
            .fetch(
                stored.get().output(),
                file,
                uri.toString(),
                "build it again ("
                    + frontEnd.run(Goal.RUN)
                    + " with "
                    + frontEnd.set(dev.alcove.core.frontend.Setting.FORCE, "true")
                    + ")",
                new ProgressReporter(log, "fetching " + uri + ":", stored.get().bytes()),
                transfers);
      } catch (AlcoveException e) {
        throw new AlcoveException(
            reader + " reads " + uri + ", which is only in the store: " + e.getMessage(), e);
      }
      state.remove(uri);
      state.save();
      return file;
    }
  }

  /**
   * Removes the table's file here, its data being in the store (pushed there by this run): recorded
   * first, so that a process killed between the two finds the file here and keeps it.
   */
  public void moveToStore(StepUri uri) {
    Path file = layout.tableFile(uri);
    if (!Files.isRegularFile(file)) {
      return;
    }
    try {
      TableMetadata metadata =
          TableMetadata.readIfExists(layout.tableSidecar(uri), uri)
              .orElseThrow(() -> new AlcoveException(uri + " has no metadata here"));
      state.put(uri, new TablesInStore.Stored(metadata.checksum(), Files.size(file)));
      state.save();
      Files.delete(file);
      log.info("removed " + layout.relative(file) + " here: its data is in the store");
    } catch (java.io.IOException | AlcoveException e) {
      log.warn("kept " + layout.relative(file) + " here: " + e.getMessage());
    }
  }

  /**
   * Writes what the build state learned: a run records many tables, and writes once, at its end (or
   * at a fetch or a move, which write at once).
   */
  public void save() {
    state.save();
  }

  /** Records that the table's data, {@code stored}, was left in the store. */
  public void leftInStore(StepUri uri, TablesInStore.Stored stored) {
    state.put(uri, stored);
  }

  /** Records that the table's data is here again (built or restored). */
  public void madeLocal(StepUri uri) {
    state.remove(uri);
  }
}
