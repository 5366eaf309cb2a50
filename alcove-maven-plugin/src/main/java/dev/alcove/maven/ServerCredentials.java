package dev.alcove.maven;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.store.config.StoreOptions.Credentials;
import java.util.Optional;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** S3 keys from a {@code <server>} in settings.xml, decrypted with Maven's settings security. */
final class ServerCredentials {
  private ServerCredentials() {}

  static Optional<Credentials> find(
      Settings settings, SettingsDecrypter decrypter, String serverId) {
    return find(settings, decrypter, serverId, "the S3 access key", "the secret key");
  }

  /** A server's user name and password, which stand for {@code user} and {@code password}. */
  static Optional<Credentials> find(
      Settings settings,
      SettingsDecrypter decrypter,
      String serverId,
      String user,
      String password) {
    if (settings == null || serverId == null || serverId.isBlank()) {
      return Optional.empty();
    }
    Server server = settings.getServer(serverId);
    if (server == null) {
      return Optional.empty();
    }
    Server decrypted = server;
    if (decrypter != null) {
      SettingsDecryptionResult result =
          decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
      for (SettingsProblem problem : result.getProblems()) {
        if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
          throw new AlcoveException(
              "cannot decrypt the password of <server> '"
                  + serverId
                  + "' in settings.xml: check settings-security.xml");
        }
      }
      decrypted = result.getServer();
    }
    if (decrypted.getUsername() == null || decrypted.getPassword() == null) {
      throw new AlcoveException(
          "<server> '"
              + serverId
              + "' in settings.xml needs a <username> ("
              + user
              + ") and a <password> ("
              + password
              + ")");
    }
    return Optional.of(new Credentials(decrypted.getUsername(), decrypted.getPassword()));
  }
}
