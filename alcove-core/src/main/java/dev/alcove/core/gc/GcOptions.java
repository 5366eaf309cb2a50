package dev.alcove.core.gc;

import java.util.Optional;

/**
 * What {@code gc} may delete.
 *
 * @param delete delete for real; otherwise only say what would go
 * @param keepDays table cache entries pushed less than this many days ago are kept
 * @param maxCacheBytes the local cache in front of S3 is trimmed to this size, least recently used
 *     objects first
 * @param force delete from the store even when the alcove's git history cannot be read
 */
public record GcOptions(boolean delete, int keepDays, Optional<Long> maxCacheBytes, boolean force) {

  public static final int DEFAULT_KEEP_DAYS = 30;
}
