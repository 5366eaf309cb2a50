package dev.alcove.core.uri;

import dev.alcove.core.errors.AlcoveException;

/** The two kinds of step: raw data that is snapshotted, and tables derived from it. */
public enum Scheme {
  SNAPSHOT("snapshot"),
  TABLE("table");

  private final String label;

  Scheme(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Scheme fromLabel(String label, String uri) {
    for (Scheme scheme : values()) {
      if (scheme.label.equals(label)) {
        return scheme;
      }
    }
    throw new AlcoveException(
        "invalid step URI '"
            + uri
            + "': unknown scheme '"
            + label
            + "' (use snapshot:// or table://)");
  }
}
