package dev.alcove.core.checksum;

import dev.alcove.core.AlcoveException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** A SHA-256 digest as 64 lower-case hex characters: the address of every byte alcove stores. */
public record Checksum(String hex) implements Comparable<Checksum> {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public Checksum {
    if (hex == null || !HEX64.matcher(hex).matches()) {
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

  public static boolean isValid(String text) {
    return text != null && HEX64.matcher(text).matches();
  }

  @Override
  public int compareTo(Checksum other) {
    return hex.compareTo(other.hex);
  }

  @Override
  public String toString() {
    return hex;
  }
}
