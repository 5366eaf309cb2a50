package dev.alcove.core.store.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.http.HttpProxy;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.store.config.S3StoreKind;
import dev.alcove.core.store.config.StoreConfiguration;
import dev.alcove.core.store.config.StoreOptions;
import dev.alcove.core.store.config.StoreResolver;
import dev.alcove.core.testing.LoopbackProxy;
import dev.alcove.core.testing.S3TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** S3 traffic through a company's HTTP proxy, which wants a password, and around it. */
class ProxyTest {

  @TempDir Path dir;
  S3TestServer server;
  LoopbackProxy proxy;
  final AtomicInteger proxied = new AtomicInteger();
  final AtomicInteger refused = new AtomicInteger();

  @BeforeEach
  void start() throws Exception {
    server = S3TestServer.start(dir.resolve("s3"));
    String expected =
        "Basic "
            + Base64.getEncoder().encodeToString("alice:pa ss".getBytes(StandardCharsets.UTF_8));
    proxy =
        new LoopbackProxy(
            URI.create(server.endpoint()).getPort(),
            (connection, head) -> {
              // A proxy is asked for the whole URL, and for its password
              boolean absolute = head.lines().findFirst().orElse("").contains(" http://127.0.0.1:");
              if (absolute
                  && LoopbackProxy.header(head, "Proxy-Authorization")
                      .filter(expected::equals)
                      .isPresent()) {
                proxied.incrementAndGet();
                return LoopbackProxy.Verdict.pass();
              }
              refused.incrementAndGet();
              return LoopbackProxy.Verdict.answer(
                  ("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic"
                          + " realm=\"corp\"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                      .getBytes(StandardCharsets.ISO_8859_1));
            });
  }

  @AfterEach
  void stop() throws Exception {
    proxy.close();
    server.close();
  }

  @Test
  void httpProxyFromTheEnvironmentCarriesEveryRequestWithItsPassword() throws Exception {
    String proxyUrl = "http://alice:pa%20ss@" + URI.create(proxy.endpoint()).getAuthority();
    roundTrip(Map.of("HTTP_PROXY", proxyUrl));
    assertThat(proxied.get()).isGreaterThanOrEqualTo(3);
    assertThat(refused.get()).isZero();
  }

  @Test
  void noProxyAndMavenNonProxyHostsGoDirect() throws Exception {
    String proxyUrl = "http://alice:pa%20ss@" + URI.create(proxy.endpoint()).getAuthority();
    roundTrip(Map.of("HTTP_PROXY", proxyUrl, "NO_PROXY", "example.com,127.0.0.1"));
    assertThat(proxied.get() + refused.get()).isZero();

    HttpProxy maven =
        new HttpProxy(
            "127.0.0.1",
            URI.create(proxy.endpoint()).getPort(),
            Optional.of("alice"),
            Optional.of("pa ss"),
            java.util.List.of("*.internal"),
            "<proxy> 'corp' in settings.xml");
    assertThat(maven.appliesTo("127.0.0.1")).isTrue();
    assertThat(maven.appliesTo("minio.internal")).isFalse();
    assertThat(maven.toString()).doesNotContain("pa ss");
  }

  private void roundTrip(Map<String, String> environment) throws Exception {
    Map<String, String> env = new java.util.HashMap<>(environment);
    env.put("S3_BUCKET_NAME", S3TestServer.BUCKET);
    env.put("S3_ENDPOINT_URL", server.endpoint());
    env.put("S3_ACCESS_KEY", S3TestServer.ACCESS_KEY);
    env.put("S3_SECRET_KEY", S3TestServer.SECRET_KEY);
    env.put("AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
    env.put("AWS_CONFIG_FILE", dir.resolve("none").toString());
    StoreOptions options =
        new StoreOptions(
            dir.resolve("cache"),
            StoreConfiguration.none(),
            Optional.empty(),
            "server 'alcove'",
            false);
    S3Settings settings =
        ((S3StoreKind.Spec) StoreResolver.spec(dir, options, env, AlcoveLog.SILENT)).settings();
    Path file = dir.resolve("object.bin");
    Files.writeString(file, "through the proxy");
    Checksum sum = Sha256.ofFile(file);
    try (S3Store store = S3Store.open(settings, Retry.standard(AlcoveLog.SILENT))) {
      store.put(sum, file, TransferProgress.NONE);
      assertThat(store.get(sum, dir.resolve("back.bin"), TransferProgress.NONE)).isEqualTo(sum);
    }
  }
}
