package dev.alcove.core.site;

/** Escapes user text (names, descriptions, SQL) for HTML text and attribute values. */
final class Html {

  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** An id for a step's section: its URI with every character outside a-z 0-9 as '-'. */
  static String anchor(String uri) {
    return "step-" + uri.replaceAll("[^a-z0-9]", "-");
  }

  /** A link for a URL from a sidecar, only when it is http(s): anything else is shown as text. */
  static String link(String url) {
    return link(url, url);
  }

  /** {@code text} linked to {@code url} when that is http(s); else {@code text} alone. */
  static String link(String url, String text) {
    if (url != null && url.matches("(?i)https?://[^\\s\"'<>]+")) {
      return "<a href=\"" + escape(url) + "\">" + escape(text) + "</a>";
    }
    return escape(text);
  }
}
