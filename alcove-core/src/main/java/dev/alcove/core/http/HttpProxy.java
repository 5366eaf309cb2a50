package dev.alcove.core.http;

import java.io.IOException;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP proxy that S3 traffic goes through, as a company's network has one: Maven's active {@code
 * <proxy>} of settings.xml for the endpoint's protocol, or {@code HTTPS_PROXY} / {@code
 * HTTP_PROXY}; hosts it must not be used for ({@code nonProxyHosts}, {@code NO_PROXY}) go direct.
 * {@link #toString()} never shows the password.
 *
 * @param exceptions host patterns that bypass the proxy: {@code *.corp.example}, {@code
 *     .corp.example}, {@code corp.example} (and its subdomains), {@code *} for all
 * @param source where it was found, for messages
 */
public record HttpProxy(
    String host,
    int port,
    Optional<String> user,
    Optional<String> password,
    List<String> exceptions,
    String source) {

  public HttpProxy {
    exceptions = List.copyOf(exceptions);
  }

  /**
   * A proxy from an environment variable's URL ({@code http://user:password@proxy:3128}), with the
   * hosts of {@code NO_PROXY} (comma-separated); empty when the value is blank.
   */
  public static Optional<HttpProxy> fromUrl(String url, String noProxy, String source) {
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    URI uri = URI.create(url.contains("://") ? url.strip() : "http://" + url.strip());
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getUserInfo().split(":", 2);
      user = Optional.of(parts[0]);
      password = parts.length > 1 ? Optional.of(parts[1]) : Optional.empty();
    }
    List<String> exceptions = new ArrayList<>();
    if (noProxy != null) {
      for (String host : noProxy.split(",")) {
        if (!host.isBlank()) {
          exceptions.add(host.strip());
        }
      }
    }
    return Optional.of(
        new HttpProxy(
            uri.getHost(),
            uri.getPort() == -1 ? 80 : uri.getPort(),
            user,
            password,
            exceptions,
            source));
  }

  /** Whether requests to {@code host} go through this proxy. */
  public boolean appliesTo(String host) {
    String name = host.toLowerCase(Locale.ROOT);
    for (String pattern : exceptions) {
      String p = pattern.toLowerCase(Locale.ROOT).strip();
      if (p.equals("*") || p.equals(name)) {
        return false;
      }
      String suffix = p.startsWith("*.") ? p.substring(1) : p.startsWith(".") ? p : "." + p;
      if (name.endsWith(suffix)) {
        return false;
      }
    }
    return true;
  }

  Proxy asJavaProxy() {
    return new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(host, port));
  }

  /** A connection to {@code url}, through {@code proxy} when there is one and it applies. */
  public static HttpURLConnection open(URL url, Optional<HttpProxy> proxy) throws IOException {
    Optional<HttpProxy> via = proxy.filter(p -> p.appliesTo(url.getHost()));
    if (via.isEmpty()) {
      return (HttpURLConnection) url.openConnection();
    }
    HttpURLConnection connection = (HttpURLConnection) url.openConnection(via.get().asJavaProxy());
    via.get().authenticate(connection, "https".equalsIgnoreCase(url.getProtocol()));
    return connection;
  }

  /**
   * The proxy's password: sent with each request to a plain-HTTP server (a streamed body could not
   * be sent twice after a challenge), and given on challenge to an HTTPS tunnel.
   */
  private void authenticate(HttpURLConnection connection, boolean tunnel) {
    if (user.isEmpty()) {
      return;
    }
    String name = user.get();
    char[] secret = password.orElse("").toCharArray();
    if (!tunnel) {
      connection.setRequestProperty(
          "Proxy-Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(
                      (name + ":" + new String(secret)).getBytes(StandardCharsets.UTF_8)));
    }
    connection.setAuthenticator(
        new Authenticator() {
          @Override
          protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY
                ? new PasswordAuthentication(name, secret)
                : null;
          }
        });
  }

  @Override
  public String toString() {
    return "HttpProxy["
        + host
        + ":"
        + port
        + user.map(u -> ", user " + u + ", password ****").orElse("")
        + " from "
        + source
        + "]";
  }
}
