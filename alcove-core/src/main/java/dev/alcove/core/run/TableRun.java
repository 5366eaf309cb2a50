package dev.alcove.core.run;

import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.cache.TableCache;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.BuildManifest;
import dev.alcove.core.run.PlannedStep.Action;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.util.Optional;

/**
 * Brings one out-of-date table up to date, once everything upstream of it is done: finds its output
 * unchanged (early cutoff), restores it from the table cache, or builds it and pushes what it
 * built. Its key is computed here, from its inputs as they now are.
 */
public final class TableRun {

  /** What became of a table. */
  public enum Outcome {
    BUILT,
    FROM_CACHE,
    /** Its metadata restored from the table cache, its data left in the store. */
    LEFT_IN_STORE,
    UNCHANGED
  }

  /** A table done: how, and its rows when known without reading the file. */
  record Done(Outcome outcome, java.util.OptionalLong rows) {}

  private final TableKeys keys;
  private final TableBuild builds;
  private final TableCache cache;
  private final BuildManifest manifest;
  private final java.util.Set<StepUri> forced;
  private final InputsOnDemand inputs;
  private final TableData tableData;
  private final AlcoveLog log;

  TableRun(
      TableKeys keys,
      TableBuild builds,
      TableCache cache,
      BuildManifest manifest,
      java.util.Set<StepUri> forced,
      InputsOnDemand inputs,
      TableData tableData,
      AlcoveLog log) {
    this.inputs = inputs;
    this.tableData = tableData;
    this.keys = keys;
    this.builds = builds;
    this.cache = cache;
    this.manifest = manifest;
    this.forced = forced;
    this.log = log;
  }

  Done run(TableStep step, PlannedStep planned) {
    Checksum key = keys.key(step);
    String engine = keys.engine(step);
    if (planned.action() == Action.UPDATE_METADATA) {
      builds.refreshMetadata(step, key, engine);
      log.info("updated the metadata of " + step.uri + " (" + planned.reason() + ")");
      bringHere(step, planned);
      return new Done(Outcome.UNCHANGED, java.util.OptionalLong.empty());
    }
    Optional<CacheEntry> cached = planned.cached().filter(entry -> entry.key().equals(key));
    if (planned.awaitsUpstream() && !forced.contains(step.uri)) {
      if (unchanged(step.uri, key)) {
        builds.refreshMetadata(step, key, engine);
        log.info(step.uri + ": up to date (" + planned.reason() + ", output unchanged)");
        bringHere(step, planned);
        return new Done(Outcome.UNCHANGED, java.util.OptionalLong.empty());
      }
      cached = cache.lookup(key, step.uri.toString());
    }
    if (cached.isPresent() && !planned.dataHere()) {
      builds.leaveInStore(step, cached.get(), engine);
      return new Done(Outcome.LEFT_IN_STORE, java.util.OptionalLong.of(cached.get().rows()));
    }
    if (cached.isPresent() && restored(step, cached.get(), engine)) {
      return new Done(Outcome.FROM_CACHE, java.util.OptionalLong.of(cached.get().rows()));
    }
    inputs.fetchInputsOf(step);
    CacheEntry built = builds.build(step, planned.reason(), key, engine);
    cache.push(built, builds.outputOf(step));
    // A table built on Spark is in the store: here only if the run keeps it here.
    bringHere(step, planned);
    return new Done(Outcome.BUILT, java.util.OptionalLong.of(built.rows()));
  }

  /** A table found current whose data is in the store is fetched when the run keeps it here. */
  private void bringHere(TableStep step, PlannedStep planned) {
    if (planned.dataHere() && tableData.where(step.uri) == TableData.Where.IN_STORE) {
      tableData.local(step.uri, "this run");
    }
  }

  /** Whether the output on disk is the one this key produced when it was last built here. */
  private boolean unchanged(StepUri uri, Checksum key) {
    Optional<BuildManifest.Entry> recorded = manifest.get(uri);
    return recorded.isPresent()
        && !manifest.legacy()
        && recorded.get().key().equals(key)
        && builds.outputIs(uri, recorded.get().output());
  }

  private boolean restored(TableStep step, CacheEntry entry, String engine) {
    try {
      builds.restore(step, entry, engine, cache);
      return true;
    } catch (AlcoveException e) {
      log.warn(e.getMessage() + "; building " + step.uri + " here instead");
      return false;
    }
  }
}
