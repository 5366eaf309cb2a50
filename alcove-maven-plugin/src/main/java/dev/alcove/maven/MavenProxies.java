package dev.alcove.maven;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.http.HttpProxy;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** Maven's active {@code <proxies>} of settings.xml, passwords decrypted, by protocol. */
final class MavenProxies {
  private MavenProxies() {}

  static Map<String, HttpProxy> active(Settings settings, SettingsDecrypter decrypter) {
    Map<String, HttpProxy> proxies = new LinkedHashMap<>();
    if (settings == null || settings.getProxies() == null) {
      return proxies;
    }
    for (Proxy proxy : settings.getProxies()) {
      if (!proxy.isActive() || proxy.getHost() == null) {
        continue;
      }
      Proxy decrypted = proxy;
      if (decrypter != null) {
        SettingsDecryptionResult result =
            decrypter.decrypt(new DefaultSettingsDecryptionRequest(proxy));
        for (SettingsProblem problem : result.getProblems()) {
          if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
            throw new AlcoveException(
                "cannot decrypt the password of <proxy> '"
                    + proxy.getId()
                    + "' in settings.xml: check settings-security.xml");
          }
        }
        decrypted = result.getProxy();
      }
      String protocol =
          Optional.ofNullable(decrypted.getProtocol()).orElse("http").toLowerCase(Locale.ROOT);
      proxies.putIfAbsent(
          protocol,
          new HttpProxy(
              decrypted.getHost(),
              decrypted.getPort(),
              Optional.ofNullable(decrypted.getUsername()),
              Optional.ofNullable(decrypted.getPassword()),
              decrypted.getNonProxyHosts() == null
                  ? java.util.List.of()
                  : Arrays.asList(decrypted.getNonProxyHosts().split("\\|")),
              "<proxy> '" + decrypted.getId() + "' in settings.xml"));
    }
    return proxies;
  }
}
