package dev.alcove.core.run;

import dev.alcove.core.cache.CacheOptions;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What to run: which steps (a regex, with everything upstream and downstream of what it matches),
 * whether to rebuild what is up to date, whether only to plan, and how to use the table cache.
 */
public record RunOptions(
    Optional<Pattern> select, boolean force, boolean dryRun, CacheOptions cache) {

  /** With the table cache as configured by default. */
  public RunOptions(Optional<Pattern> select, boolean force, boolean dryRun) {
    this(select, force, dryRun, CacheOptions.DEFAULT);
  }
}
