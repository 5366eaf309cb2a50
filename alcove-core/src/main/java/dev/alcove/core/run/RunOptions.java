package dev.alcove.core.run;

import dev.alcove.core.cache.CacheOptions;
import dev.alcove.core.select.Selection;

/**
 * What to run: which steps (the inputs they need come too), whether to rebuild the selected steps
 * even when up to date, whether only to plan, how to use the table cache, and what to bring to this
 * machine.
 */
public record RunOptions(
    Selection selection, boolean force, boolean dryRun, CacheOptions cache, Download download) {

  /** Every step and input downloaded. */
  public RunOptions(Selection selection, boolean force, boolean dryRun, CacheOptions cache) {
    this(selection, force, dryRun, cache, Download.ALL);
  }

  /** With the table cache as configured by default. */
  public RunOptions(Selection selection, boolean force, boolean dryRun) {
    this(selection, force, dryRun, CacheOptions.DEFAULT);
  }
}
