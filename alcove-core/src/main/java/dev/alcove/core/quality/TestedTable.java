package dev.alcove.core.quality;

import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.duckdb.SqlScript;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.TextFiles;
import dev.alcove.core.naming.TemplateVariables;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A built table as its data tests see it: its Parquet file in an open DuckDB connection, its
 * schema, and its dependencies' data, with the queries the rules share.
 */
public final class TestedTable {

  /** How many offending values or rows a failure shows. */
  static final int EXAMPLES = 5;

  /** The variable a custom test names the tested table by, as dbt's {@code this}. */
  public static final String THIS = "this";

  private final Connection connection;
  private final Path parquet;
  private final Map<String, String> schema;
  private final Map<StepUri, Input> inputs;
  private final Path alcoveRoot;
  private final Path testsDir;
  private Long rows;

  /** A dependency: its template variable and where its data is, if it is here. */
  public record Input(String variable, Optional<Path> data) {}

  TestedTable(
      Connection connection,
      Path parquet,
      Map<String, String> schema,
      Map<StepUri, Input> inputs,
      Path alcoveRoot,
      Path testsDir) {
    this.connection = connection;
    this.parquet = parquet;
    this.schema = schema;
    this.inputs = inputs;
    this.alcoveRoot = alcoveRoot;
    this.testsDir = testsDir;
  }

  Map<String, String> schema() {
    return schema;
  }

  String relation() {
    return DuckDb.readParquet(parquet);
  }

  long rows() throws SQLException {
    if (rows == null) {
      rows = count("SELECT count(*) FROM " + relation());
    }
    return rows;
  }

  Optional<String> missing(String column) {
    return schema.containsKey(column)
        ? Optional.empty()
        : Optional.of("column '" + column + "' is missing");
  }

  /** The data of a dependency that is {@code uri}, or that {@code uri}'s {@code latest} names. */
  Optional<Path> dependencyData(StepUri uri) {
    return inputs.entrySet().stream()
        .filter(e -> uri.names(e.getKey()))
        .findFirst()
        .flatMap(e -> e.getValue().data());
  }

  long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /**
   * The values {@code select} (a query of one column) returns, grouped, with {@code having} on
   * {@code count(*)}: empty if none, else {@code message} filled with how many distinct values
   * there are and the most frequent five, as {@code 'x' (3 rows)}.
   */
  Optional<String> offendingValues(String select, String having, String message)
      throws SQLException {
    String grouped = "FROM (" + select + "\n) AS offending(v) GROUP BY v " + having;
    long distinct = count("SELECT count(*) FROM (SELECT v " + grouped + ")");
    if (distinct == 0) {
      return Optional.empty();
    }
    List<String> examples = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery(
                "SELECT CAST(v AS VARCHAR), count(*) AS n "
                    + grouped
                    + " ORDER BY n DESC, CAST(v AS VARCHAR) LIMIT "
                    + EXAMPLES)) {
      while (result.next()) {
        long n = result.getLong(2);
        examples.add(quoted(result.getString(1)) + " (" + n + (n == 1 ? " row)" : " rows)"));
      }
    }
    return Optional.of(String.format(message, distinct, withRest(examples, distinct)));
  }

  /**
   * The rows {@code select} returns: empty if none, else {@code message} filled with how many and
   * the first five, as {@code {a: 1, b: 'x'}}. {@code select} starts on the second line of what
   * DuckDB runs.
   */
  Optional<String> offendingRows(String select, String message) throws SQLException {
    long count = count("SELECT count(*) FROM (\n" + select + "\n)");
    if (count == 0) {
      return Optional.empty();
    }
    List<String> examples = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT * FROM (\n" + select + "\n) LIMIT " + EXAMPLES)) {
      ResultSetMetaData columns = result.getMetaData();
      while (result.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          Object value = result.getObject(i);
          fields.add(
              columns.getColumnLabel(i)
                  + ": "
                  + (value instanceof String text ? quoted(text) : String.valueOf(value)));
        }
        examples.add(shortened("{" + String.join(", ", fields) + "}"));
      }
    }
    return Optional.of(String.format(message, count, withRest(examples, count)));
  }

  /** Runs a custom SQL test: its last statement is the query that must return no row. */
  Optional<String> customTest(DataTest.SqlTest test) throws SQLException {
    Path file = testsDir.resolve(test.fileName()).normalize();
    String shown = alcoveRoot.relativize(file).toString();
    String text;
    try {
      text = TextFiles.readUtf8(file, shown);
    } catch (NoSuchFileException e) {
      return Optional.of("no file " + shown + ": write the query there, or remove the test");
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + shown, e);
    }
    List<SqlScript.Statement> statements = SqlScript.split(text);
    if (statements.isEmpty()) {
      return Optional.of(shown + " holds no query");
    }
    Map<String, String> values = new LinkedHashMap<>();
    List<String> absent = new ArrayList<>();
    for (Input input : inputs.values()) {
      input
          .data()
          .ifPresentOrElse(
              data -> values.put(input.variable(), TemplateVariables.quotable(data)),
              () -> absent.add(input.variable()));
    }
    values.put(THIS, TemplateVariables.quotable(parquet));
    java.util.Set<String> known = new java.util.TreeSet<>(values.keySet());
    known.addAll(absent);
    TemplateVariables.requireKnown(
        shown, statements, known, "this table's dependencies, and {this}");
    for (String variable : absent) {
      if (statements.stream().anyMatch(s -> s.code().contains("{" + variable + "}"))) {
        return Optional.of(
            shown
                + " cannot run: {"
                + variable
                + "} has no data here (building the table restores it)");
      }
    }
    for (int i = 0; i < statements.size(); i++) {
      SqlScript.Statement statement = statements.get(i);
      String sql = TemplateVariables.substitute(statement.sql(), values);
      try {
        if (i < statements.size() - 1) {
          try (Statement jdbc = connection.createStatement()) {
            jdbc.execute(sql);
          }
        } else {
          return offendingRows(sql, shown + " returned %d rows: %s");
        }
      } catch (SQLException e) {
        // The query that returns rows is wrapped in a line of alcove's own.
        int linesBefore = i < statements.size() - 1 ? 0 : 1;
        throw new DuckDb.Located(DuckDb.messageAt(e, shown, statement, linesBefore), e);
      }
    }
    throw new IllegalStateException("unreachable: the last statement returns");
  }

  private static String quoted(String value) {
    return value == null ? "null" : "'" + value + "'";
  }

  private static String shortened(String text) {
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  private static String withRest(List<String> examples, long total) {
    String shown = String.join(", ", examples);
    return total > examples.size() ? shown + " and " + (total - examples.size()) + " more" : shown;
  }
}
