package dev.alcove.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.http.HttpProxy;
import java.util.Map;
import org.apache.maven.settings.Proxy;
import org.apache.maven.settings.Settings;
import org.junit.jupiter.api.Test;

/** settings.xml's {@code <proxies>} as S3 traffic and dataset downloads see them. */
class MavenProxiesTest {

  @Test
  void activeProxiesByProtocolWithTheirPasswordAndExceptions() {
    Settings settings = new Settings();
    settings.addProxy(proxy("off", false, "http", "unused.example", 1));
    settings.addProxy(proxy("corp", true, "http", "proxy.corp.example", 3128));
    settings.addProxy(proxy("corp-tls", true, "https", "tls.corp.example", 3129));
    settings.addProxy(proxy("second", true, "http", "ignored.example", 1));

    Map<String, HttpProxy> active = MavenProxies.active(settings, null);

    assertThat(active).containsOnlyKeys("http", "https");
    HttpProxy http = active.get("http");
    assertThat(http.host()).isEqualTo("proxy.corp.example");
    assertThat(http.port()).isEqualTo(3128);
    assertThat(http.user()).contains("alice");
    assertThat(http.password()).contains("pa ss");
    assertThat(http.appliesTo("s3.amazonaws.com")).isTrue();
    assertThat(http.appliesTo("minio.internal")).isFalse();
    assertThat(http.appliesTo("localhost")).isFalse();
    assertThat(http.source()).isEqualTo("<proxy> 'corp' in settings.xml");
    assertThat(http.toString()).doesNotContain("pa ss");
    assertThat(active.get("https").host()).isEqualTo("tls.corp.example");
  }

  private static Proxy proxy(String id, boolean active, String protocol, String host, int port) {
    Proxy proxy = new Proxy();
    proxy.setId(id);
    proxy.setActive(active);
    proxy.setProtocol(protocol);
    proxy.setHost(host);
    proxy.setPort(port);
    proxy.setUsername("alice");
    proxy.setPassword("pa ss");
    proxy.setNonProxyHosts("*.internal|localhost");
    return proxy;
  }
}
