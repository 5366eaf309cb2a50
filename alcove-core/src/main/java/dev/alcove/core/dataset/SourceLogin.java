package dev.alcove.core.dataset;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A user name and password for a private source, from where the front end keeps such things (a
 * settings.xml {@code <server>}); {@link #toString()} never shows the password.
 *
 * @param where names the place in messages, e.g. {@code <server> 'data-portal' in settings.xml}
 */
public record SourceLogin(String user, String password, String where) {

  String basicHeader() {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "SourceLogin[" + user + ", password ****, from " + where + "]";
  }
}
