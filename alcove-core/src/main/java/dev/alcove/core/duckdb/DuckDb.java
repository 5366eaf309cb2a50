package dev.alcove.core.duckdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Opens DuckDB connections the way alcove needs them: in memory (or on a file), never trying to
 * download an extension, since users may have no network. Parquet, JSON and ICU are built in.
 */
public final class DuckDb {

  private DuckDb() {}

  /** Starts loading DuckDB on one of {@code threads}, for a goal that will use it soon. */
  public static void preload(java.util.concurrent.Executor threads) {
    DuckDbDriver.preload(threads);
  }

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
    return DuckDbDriver.connect("jdbc:duckdb:", properties);
  }

  public static Connection onFile(java.nio.file.Path file) throws SQLException {
    return open("jdbc:duckdb:" + file.toAbsolutePath());
  }

  private static Connection open(String url) throws SQLException {
    return DuckDbDriver.connect(url, settings());
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
    if (e instanceof Located) {
      return e.getMessage();
    }
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    return message.replaceAll("\\s*\\n\\s*", " ").strip();
  }

  private static final java.util.regex.Pattern LINE =
      java.util.regex.Pattern.compile("^LINE (\\d+):(.*)$");

  /**
   * DuckDB's message for an error in {@code statement} of {@code file}, placed at the line of the
   * file it concerns: the first line says {@code file:line: error}, and the lines DuckDB adds (its
   * suggestions, the quoted line with its caret) keep their layout, the quoted line numbered as in
   * the file. {@code linesBefore} lines of alcove's own came before the statement in what DuckDB
   * ran.
   */
  public static String messageAt(
      SQLException e, String file, SqlScript.Statement statement, int linesBefore) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    List<String> lines = new ArrayList<>(List.of(message.strip().split("\\R", -1)));
    int at = statement.line();
    for (int i = 0; i < lines.size(); i++) {
      java.util.regex.Matcher quoted = LINE.matcher(lines.get(i));
      if (quoted.matches()) {
        at = statement.line() + Integer.parseInt(quoted.group(1)) - 1 - linesBefore;
        String before = "LINE " + quoted.group(1) + ":";
        String after = "line " + at + ":";
        lines.set(i, after + quoted.group(2));
        if (i + 1 < lines.size() && lines.get(i + 1).strip().startsWith("^")) {
          int shift = after.length() - before.length();
          String caret = lines.get(i + 1);
          lines.set(i + 1, shift >= 0 ? " ".repeat(shift) + caret : caret.substring(-shift));
        }
      }
    }
    lines.removeIf(String::isBlank);
    lines.set(0, file + ":" + at + ": " + lines.get(0));
    return String.join("\n", lines);
  }

  /** An error already placed at a line of a user's file: its message is kept as it is. */
  public static final class Located extends SQLException {
    public Located(String message, SQLException cause) {
      super(message, cause);
    }
  }
}
