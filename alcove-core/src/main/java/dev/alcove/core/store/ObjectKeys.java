package dev.alcove.core.store;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.checksum.Checksum;
import java.util.regex.Pattern;

/**
 * The key layout shared by every store, the cache and the Python tool (SPEC section 7): a file with
 * checksum {@code c} lives at {@code c[0:2]/c[2:4]/c}, under an optional prefix.
 */
public final class ObjectKeys {

  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

  private ObjectKeys() {}

  public static String relativeKey(Checksum checksum) {
    String hex = checksum.hex();
    return hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex;
  }

  public static String key(String prefix, Checksum checksum) {
    return prefix.isEmpty() ? relativeKey(checksum) : prefix + "/" + relativeKey(checksum);
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
