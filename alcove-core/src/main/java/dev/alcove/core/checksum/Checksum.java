package dev.alcove.core.checksum;

import dev.alcove.core.errors.AlcoveException;
import java.util.HexFormat;

/** A SHA-256 digest as 64 lower-case hex characters: the address of every byte alcove stores. */
public record Checksum(String hex) implements Comparable<Checksum> {

  public Checksum {
    if (!isValid(hex)) {
      throw new AlcoveException(
          "invalid checksum '" + hex + "': expected 64 lower-case hex characters (SHA-256)");
    }
  }

  /** Validating factory for text read from a sidecar, a manifest or an object key. */
  public static Checksum of(String hex) {
    return new Checksum(hex);
  }

  public static Checksum ofDigest(byte[] sha256) {
    return new Checksum(HexFormat.of().formatHex(sha256));
  }

  /**
   * Whether {@code text} is 64 lower-case hex characters. A loop, not a regular expression: build
   * state holds thousands of checksums, read in a JVM that has compiled nothing yet.
   */
  public static boolean isValid(String text) {
    if (text == null || text.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = text.charAt(i);
      if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int compareTo(Checksum other) {
    return hex.compareTo(other.hex);
  }

  // Written out: a record's generated equals and hashCode are bootstrapped on first use, which
  // costs a cold JVM more than every later call together.
  @Override
  public boolean equals(Object other) {
    return other instanceof Checksum checksum && hex.equals(checksum.hex);
  }

  @Override
  public int hashCode() {
    return hex.hashCode();
  }

  @Override
  public String toString() {
    return hex;
  }
}
