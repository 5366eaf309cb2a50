package dev.alcove.core.run;

import dev.alcove.core.cache.CacheEntry;
import dev.alcove.core.uri.StepUri;
import java.util.Optional;

/**
 * One step of a run and what the run will do with it, with the reason.
 *
 * @param cached for {@link Action#FROM_CACHE}, the entry the table is restored from
 * @param awaitsUpstream a table below one that changes in this run: its key is known only once that
 *     one is done, and it may then turn out unchanged, or be found in the cache
 * @param dataHere whether the run leaves the step's data on this machine ({@link Download}): a
 *     table restored from the cache that need not be here gets its metadata only
 */
public record PlannedStep(
    StepUri uri,
    Action action,
    String reason,
    Optional<CacheEntry> cached,
    boolean awaitsUpstream,
    boolean dataHere) {

  /** What a run does with a step. */
  public enum Action {
    UP_TO_DATE,
    /**
     * Data only in the store is brought here: a snapshot's, or a table's that an earlier run left
     * there.
     */
    RESTORE,
    /**
     * A snapshot or table whose data stays in the store ({@link Download}): fetched if a table that
     * reads it is built here, or a goal reads it.
     */
    IN_STORE,
    BUILD,
    /** A table's output is fetched from the table cache instead of being built. */
    FROM_CACHE,
    /** A table's data is current but its metadata names inputs whose sidecars changed. */
    UPDATE_METADATA
  }

  public PlannedStep(StepUri uri, Action action, String reason) {
    this(uri, action, reason, Optional.empty(), false, true);
  }

  PlannedStep(
      StepUri uri,
      Action action,
      String reason,
      Optional<CacheEntry> cached,
      boolean awaitsUpstream) {
    this(uri, action, reason, cached, awaitsUpstream, true);
  }

  PlannedStep withReason(String newReason) {
    return new PlannedStep(uri, action, newReason, cached, awaitsUpstream, dataHere);
  }

  /** This table, found in the cache under the key it has now. */
  PlannedStep fromCache(Optional<CacheEntry> entry, String why) {
    return new PlannedStep(uri, Action.FROM_CACHE, why, entry, false, dataHere);
  }

  PlannedStep withDataHere(boolean here) {
    return new PlannedStep(uri, action, reason, cached, awaitsUpstream, here);
  }

  public boolean runs() {
    return action != Action.UP_TO_DATE && action != Action.IN_STORE;
  }

  /** Whether the step's data may change in this run, so that what is below it must wait. */
  boolean changes() {
    return action == Action.BUILD
        || action == Action.FROM_CACHE
        || action == Action.UPDATE_METADATA;
  }

  public String describe() {
    return uri + ": " + whatAndWhy();
  }

  /** What the run does with the step and why, without its URI. */
  public String whatAndWhy() {
    return switch (action) {
      case UP_TO_DATE -> reason.isEmpty() ? "up to date" : reason;
      case RESTORE -> "restore (" + reason + ")";
      case IN_STORE ->
          "left in the store (" + reason + "): fetched if a table that reads it is built here";
      case BUILD ->
          (awaitsUpstream ? "build unless unchanged or cached (" : "build (") + reason + ")";
      case FROM_CACHE ->
          (dataHere
                  ? "restore from the table cache ("
                  : "restore its metadata from the table cache, data left in the store (")
              + reason
              + "; built "
              + cached.map(CacheEntry::builtOn).orElse("?")
              + " by "
              + cached.map(CacheEntry::builtBy).orElse("?")
              + ")";
      case UPDATE_METADATA -> "update metadata (" + reason + ")";
    };
  }
}
