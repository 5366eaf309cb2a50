package dev.alcove.core.duckdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens DuckDB connections the way alcove needs them: in memory (or on a file), never trying to
 * download an extension, since users may have no network. Parquet, JSON and ICU are built in.
 */
public final class DuckDb {

  private DuckDb() {}

  public static Connection inMemory() throws SQLException {
    return open("jdbc:duckdb:");
  }

  /**
   * An in-memory database whose query results are fetched chunk by chunk as they are read, for
   * results that may be larger than memory ({@code alcove:db}).
   */
  public static Connection inMemoryStreaming() throws SQLException {
    Properties properties = settings();
    properties.setProperty("jdbc_stream_results", "true");
    return DriverManager.getConnection("jdbc:duckdb:", properties);
  }

  public static Connection onFile(java.nio.file.Path file) throws SQLException {
    return open("jdbc:duckdb:" + file.toAbsolutePath());
  }

  private static Connection open(String url) throws SQLException {
    return DriverManager.getConnection(url, settings());
  }

  private static Properties settings() {
    Properties properties = new Properties();
    properties.setProperty("autoinstall_known_extensions", "false");
    return properties;
  }

  /** A string literal for SQL: single quotes doubled. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** An identifier for SQL: double quotes doubled. */
  public static String identifier(String name) {
    return "\"" + name.replace("\"", "\"\"") + "\"";
  }

  /** The table function that reads {@code parquet}, for a FROM clause. */
  public static String readParquet(java.nio.file.Path parquet) {
    return "read_parquet(" + literal(parquet.toString()) + ")";
  }

  /** DuckDB's message without its "Java.sql.SQLException:" wrapping, on one line. */
  public static String message(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replaceAll("\\s*\\n\\s*", " ").strip();
  }
}
