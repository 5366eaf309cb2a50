package dev.alcove.core.http;

import dev.alcove.core.errors.AlcoveException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which HTTP proxy a URL goes through: S3 traffic and dataset downloads choose alike. */
public final class ProxySelection {

  private ProxySelection() {}

  /** Where the proxy variables are read: the first of the names any source holds. */
  @FunctionalInterface
  public interface Variables {
    Optional<Variable> first(String... names);
  }

  /**
   * A variable's value, and where it was found for messages ({@code HTTPS_PROXY from the
   * environment}).
   */
  public record Variable(String value, String where) {}

  /**
   * The proxy for the URL's protocol: the front end's ({@code configured}, Maven's {@code
   * <proxies>}), else {@code HTTPS_PROXY} or {@code HTTP_PROXY} with {@code NO_PROXY} from {@code
   * variables}, as curl and the AWS CLI read them.
   */
  public static Optional<HttpProxy> forUrl(
      String url, Map<String, HttpProxy> configured, Variables variables) {
    String scheme;
    try {
      scheme = java.net.URI.create(url).getScheme();
    } catch (IllegalArgumentException e) {
      return Optional.empty(); // whoever uses the URL refuses it, with a better message
    }
    scheme = scheme == null ? "https" : scheme.toLowerCase(Locale.ROOT);
    if (configured.containsKey(scheme)) {
      return Optional.of(configured.get(scheme));
    }
    Optional<Variable> proxy =
        scheme.equals("https")
            ? variables.first("HTTPS_PROXY", "https_proxy")
            : variables.first("HTTP_PROXY", "http_proxy");
    if (proxy.isEmpty()) {
      return Optional.empty();
    }
    String noProxy = variables.first("NO_PROXY", "no_proxy").map(Variable::value).orElse("");
    try {
      return HttpProxy.fromUrl(proxy.get().value(), noProxy, proxy.get().where());
    } catch (IllegalArgumentException e) {
      throw new AlcoveException(
          proxy.get().where() + " is not a proxy URL such as http://proxy.example.com:3128");
    }
  }
}
