package dev.alcove.core.http;

import java.net.URI;

/** URLs as they may be printed: without what can hold a secret. */
public final class Urls {

  private Urls() {}

  /**
   * {@code url} without its user info, query and fragment, where signatures and tokens travel
   * ({@code X-Amz-Signature=…}, {@code token=…}); {@code ?…} marks that a query was left out.
   */
  public static String redacted(URI url) {
    if (url.isOpaque() || url.getRawAuthority() == null) {
      String text = url.getScheme() + ":" + url.getRawSchemeSpecificPart();
      int query = text.indexOf('?');
      return query < 0 ? text : text.substring(0, query) + "?…";
    }
    StringBuilder text = new StringBuilder(url.getScheme()).append("://");
    text.append(url.getHost() == null ? "" : url.getHost());
    if (url.getPort() >= 0) {
      text.append(':').append(url.getPort());
    }
    text.append(url.getRawPath() == null ? "" : url.getRawPath());
    if (url.getRawQuery() != null) {
      text.append("?…");
    }
    return text.toString();
  }

  /** As {@link #redacted(URI)}, for text that may not even parse as a URL. */
  public static String redacted(String url) {
    try {
      return redacted(URI.create(url));
    } catch (IllegalArgumentException e) {
      int cut = indexOfAny(url, "?#@");
      return cut < 0 ? url : url.substring(0, cut) + "…";
    }
  }

  private static int indexOfAny(String text, String characters) {
    int first = -1;
    for (char c : characters.toCharArray()) {
      int at = text.indexOf(c);
      if (at >= 0 && (first < 0 || at < first)) {
        first = at;
      }
    }
    return first;
  }
}
