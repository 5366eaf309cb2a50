package dev.alcove.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The versions of alcove and of the DuckDB it was built with: inputs of every table's key. */
public final class Versions {

  private static final Properties VERSIONS = load();

  private Versions() {}

  public static String alcove() {
    return VERSIONS.getProperty("alcove.version", "unknown");
  }

  public static String duckdb() {
    return VERSIONS.getProperty("duckdb.version", "unknown");
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
