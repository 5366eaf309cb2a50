package dev.alcove.core.store;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import java.util.regex.Pattern;

/**
 * The key layout shared by every store, the cache and the Python tool (SPEC section 7): a file with
 * checksum {@code c} lives at {@code c[0:2]/c[2:4]/c}, under an optional prefix.
 */
public final class ObjectKeys {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  /**
   * Names of entries beside the objects: a first segment of three characters or more (so never an
   * object's two-digit folder), then plain lower-case segments, none of them {@code .} or {@code
   * ..}.
   */
  private static final Pattern ENTRY =
      Pattern.compile("[a-z][a-z0-9_-]{2,}(/[a-z0-9_-][a-z0-9._-]*)+");

  private ObjectKeys() {}

  public static String relativeKey(Checksum checksum) {
    String hex = checksum.hex();
    return hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
  }

  public static String key(String prefix, Checksum checksum) {
    return prefix.isEmpty() ? relativeKey(checksum) : prefix + "/" + relativeKey(checksum);
  }

  /** The key of entry {@code name} under an optional prefix. */
  public static String entryKey(String prefix, String name) {
    requireEntryName(name);
    return prefix.isEmpty() ? name : prefix + "/" + name;
  }

  /** Fails unless {@code name} is an entry name such as {@code cache/v1/<key>}. */
  public static String requireEntryName(String name) {
    if (!ENTRY.matcher(name).matches() || ("/" + name + "/").contains("/../")) {
      throw new IllegalArgumentException("not a store entry name: " + name);
    }
    return name;
  }

  /** A key prefix without leading or trailing slashes; {@code ..} and odd characters refused. */
  public static String normalizePrefix(String prefix) {
    if (prefix == null) {
      return "";
    }
    String trimmed = prefix.strip();
    while (trimmed.startsWith("/")) {
      trimmed = trimmed.substring(1);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty()) {
      return "";
    }
    if (!PREFIX.matcher(trimmed).matches() || ("/" + trimmed + "/").contains("/../")) {
      throw new AlcoveException(
          "S3 key prefix '" + prefix + "' may only hold letters, digits, '.', '_', '-' and '/'");
    }
    return trimmed;
  }
}
