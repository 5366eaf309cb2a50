package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.gc.CollectGarbage;
import dev.alcove.core.gc.GcOptions;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Cleans up the table cache: lists (count and bytes) the cache entries older than {@code keepDays}
 * in the store and the local cache, with the objects only they name, and deletes them with {@code
 * -Dalcove.gc.delete=true}. Never deletes an object that a sidecar names in the working tree or in
 * any commit of the alcove's git history; outside a git repository it deletes nothing from the
 * store unless forced. Optionally trims the local cache to a size, least recently used first. Takes
 * the alcove's lock.
 */
@Mojo(threadSafe = true, name = "gc")
public class GcMojo extends AbstractAlcoveMojo {

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*([KMGT]?)I?B?", Pattern.CASE_INSENSITIVE);

  /** Deletes for real; without it, {@code gc} only says what it would delete and why. */
  @Parameter(property = AlcoveProperties.GC_DELETE, defaultValue = "false")
  private boolean delete;

  /** Cache entries pushed less than this many days ago are kept. */
  @Parameter(property = AlcoveProperties.GC_KEEP_DAYS, defaultValue = "30")
  private int keepDays;

  /**
   * The most the local cache in front of S3 ({@code ~/.cache/alcove}) may hold, e.g. {@code 10G},
   * {@code 500M}; the least recently used objects beyond it are deleted. No limit by default.
   */
  @Parameter(property = AlcoveProperties.GC_MAX_CACHE_SIZE)
  private String maxCacheSize;

  /**
   * Deletes from the store by age alone when the alcove's git history cannot be read (it is not a
   * git repository, or git is not installed).
   */
  @Parameter(property = AlcoveProperties.FORCE, defaultValue = "false")
  private boolean force;

  @Override
  protected void runGoal(GoalContext context) {
    if (keepDays < 0) {
      throw new AlcoveException(
          AlcoveProperties.GC_KEEP_DAYS + "=" + keepDays + " must be 0 or more");
    }
    new CollectGarbage(
            context, openAlcove(), new GcOptions(delete, keepDays, parseSize(maxCacheSize), force))
        .run();
  }

  /** {@code 10G}, {@code 500M}, {@code 2048}: bytes, powers of 1024. */
  static Optional<Long> parseSize(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    Matcher matcher = SIZE.matcher(text.strip());
    if (!matcher.matches()) {
      throw new AlcoveException(
          AlcoveProperties.GC_MAX_CACHE_SIZE
              + "="
              + text
              + " is not a size: write it like 500M or 10G");
    }
    int shift =
        switch (matcher.group(2).toUpperCase(Locale.ROOT)) {
          case "K" -> 10;
          case "M" -> 20;
          case "G" -> 30;
          case "T" -> 40;
          default -> 0;
        };
    return Optional.of(Long.parseLong(matcher.group(1)) << shift);
  }
}
