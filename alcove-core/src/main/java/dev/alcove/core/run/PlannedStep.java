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
 */
public record PlannedStep(
    StepUri uri,
    Action action,
    String reason,
    Optional<CacheEntry> cached,
    boolean awaitsUpstream) {

  /** What a run does with a step. */
  public enum Action {
    UP_TO_DATE,
    /** A snapshot's data is brought back from the store. */
    RESTORE,
    /**
     * A snapshot that is only an input stays in the store ({@link Download#OUTPUTS}): fetched if a
     * table that reads it is built here.
     */
    IN_STORE,
    BUILD,
    /** A table's output is fetched from the table cache instead of being built. */
    FROM_CACHE,
    /** A table's data is current but its metadata names inputs whose sidecars changed. */
    UPDATE_METADATA
  }

  public PlannedStep(StepUri uri, Action action, String reason) {
    this(uri, action, reason, Optional.empty(), false);
  }

  PlannedStep withReason(String newReason) {
    return new PlannedStep(uri, action, newReason, cached, awaitsUpstream);
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
          "restore from the table cache ("
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
