package dev.alcove.core.cache;

import java.util.Optional;

/**
 * How a run uses the table cache.
 *
 * @param enabled whether to look tables up and push them at all
 * @param push whether to push built tables to the store; when not set, yes for a local store (it
 *     makes switching branches back and forth instant) and no for S3, where a team usually lets
 *     only CI push. Built tables always go to the local cache in front of S3.
 */
public record CacheOptions(boolean enabled, Optional<Boolean> push) {

  public static final CacheOptions DEFAULT = new CacheOptions(true, Optional.empty());
  public static final CacheOptions OFF = new CacheOptions(false, Optional.of(false));

  // Written out, the generated text word for word: a record's generated toString is bootstrapped on
  // first use, which took a fifth of a no-op run's check, where the text is part of the question a
  // nothing-to-do record answers (so records kept before still answer it).
  @Override
  public String toString() {
    return "CacheOptions[enabled=" + enabled + ", push=" + push + "]";
  }
}
