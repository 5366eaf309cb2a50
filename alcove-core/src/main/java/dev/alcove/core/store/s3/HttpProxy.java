package dev.alcove.core.store.s3;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.util.ArrayList;
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
