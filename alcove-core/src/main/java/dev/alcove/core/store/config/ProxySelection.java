package dev.alcove.core.store.config;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.http.HttpProxy;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which HTTP proxy a URL goes through: S3 traffic and dataset downloads choose alike. */
public final class ProxySelection {

  private ProxySelection() {}

  /**
   * The proxy for the URL's protocol: the front end's ({@code configured}, Maven's {@code
   * <proxies>}), else {@code HTTPS_PROXY} or {@code HTTP_PROXY} with {@code NO_PROXY} from {@code
   * chain}, as curl and the AWS CLI read them.
   */
  public static Optional<HttpProxy> forUrl(
      String url, Map<String, HttpProxy> configured, SettingChain chain) {
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
    Optional<Found> proxy =
        scheme.equals("https")
            ? chain.first("HTTPS_PROXY", "https_proxy")
            : chain.first("HTTP_PROXY", "http_proxy");
    if (proxy.isEmpty()) {
      return Optional.empty();
    }
    String noProxy = chain.first("NO_PROXY", "no_proxy").map(Found::value).orElse("");
    try {
      return HttpProxy.fromUrl(proxy.get().value(), noProxy, proxy.get().where());
    } catch (IllegalArgumentException e) {
      throw new AlcoveException(
          proxy.get().where() + " is not a proxy URL such as http://proxy.example.com:3128");
    }
  }
}
