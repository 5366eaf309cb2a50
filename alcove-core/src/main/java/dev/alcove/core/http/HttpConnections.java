package dev.alcove.core.http;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Optional;

/**
 * Opens every HTTP connection alcove makes, to a store or a dataset's source, with the JDK's
 * client: through the proxy chosen for the URL, with timeouts, nothing cached, and redirects left
 * to the caller, who decides by {@link RedirectPolicy} whether to follow one.
 */
public final class HttpConnections {

  private HttpConnections() {}

  public static HttpURLConnection open(URL url, Optional<HttpProxy> proxy, HttpTimeouts timeouts)
      throws IOException {
    HttpURLConnection connection = HttpProxy.open(url, proxy);
    connection.setConnectTimeout(timeouts.connectMillis());
    connection.setReadTimeout(timeouts.readMillis());
    connection.setUseCaches(false);
    connection.setInstanceFollowRedirects(false);
    connection.setRequestProperty("User-Agent", "alcove");
    return connection;
  }
}
