package dev.alcove.core.spark;

import dev.alcove.core.errors.AlcoveException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the Spark Connect server is: {@code sc://host:port}, possibly with parameters ({@code
 * /;use_ssl=true}), and the token that authenticates, a secret that no message shows.
 *
 * @param remote the server's address without a token
 * @param token the bearer token, if the server asks for one
 * @param storeAccess whether each session is handed the store's settings and keys (for a server not
 *     set up to reach the store itself)
 */
public record SparkSettings(String remote, Optional<String> token, boolean storeAccess) {

  private static final Pattern REMOTE =
      Pattern.compile("sc://[A-Za-z0-9.\\-\\[\\]:]+(:[0-9]{1,5})?(/(;[A-Za-z_]+=[^;\\s]*)*)?");

  private static final Pattern TOKEN_PARAMETER = Pattern.compile("(?i);token=[^;]*");

  /**
   * Reads {@code remote} as given ({@code SPARK_REMOTE} may carry {@code ;token=...}: it is taken
   * out, and an explicit {@code token} wins); {@code setting} names where it came from in errors.
   */
  public static SparkSettings parse(String remote, Optional<String> token, String setting) {
    String text = remote.strip();
    java.util.regex.Matcher inline = TOKEN_PARAMETER.matcher(text);
    Optional<String> found = Optional.empty();
    if (inline.find()) {
      found = Optional.of(inline.group().substring(";token=".length()));
      text = inline.replaceAll("");
      if (text.endsWith("/")) {
        text = text.substring(0, text.length() - 1);
      }
    }
    if (!REMOTE.matcher(text).matches()) {
      throw new AlcoveException(
          setting
              + " '"
              + text
              + "' is not a Spark Connect address: write sc://host:15002 (with /;use_ssl=true for"
              + " TLS)");
    }
    Optional<String> inlineToken = found.filter(t -> !t.isBlank());
    return new SparkSettings(text, token.filter(t -> !t.isBlank()).or(() -> inlineToken), false);
  }

  /** The same server, its sessions handed the store's settings and keys or not. */
  public SparkSettings withStoreAccess(boolean handed) {
    return new SparkSettings(remote, token, handed);
  }

  /** The connection string the client takes, token included: never for a message. */
  public String connectionString() {
    if (token.isEmpty()) {
      return remote;
    }
    String base = remote.contains("/;") ? remote : remote + "/";
    return base + ";token=" + token.get();
  }

  /** The address for messages: never the token. */
  public String describe() {
    return remote + (token.isPresent() ? " (with a token)" : "");
  }

  @Override
  public String toString() {
    return describe();
  }
}
