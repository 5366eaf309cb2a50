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
import java.sql.SQLException;
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

  private final TestEngine engine;
  private final Map<String, String> schema;
  private final Map<StepUri, Input> inputs;
  private final Path alcoveRoot;
  private final Path testsDir;
  private Long rows;

  /** A dependency: its template variable and where its data is, if it is here. */
  public record Input(String variable, Optional<Path> data) {}

  TestedTable(
      TestEngine engine,
      Map<String, String> schema,
      Map<StepUri, Input> inputs,
      Path alcoveRoot,
      Path testsDir) {
    this.engine = engine;
    this.schema = schema;
    this.inputs = inputs;
    this.alcoveRoot = alcoveRoot;
    this.testsDir = testsDir;
  }

  Map<String, String> schema() {
    return schema;
  }

  String relation() {
    return engine.table();
  }

  /** A column name, quoted for the engine the tests run on. */
  String identifier(String column) {
    return engine.identifier(column);
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

  /**
   * The data of a dependency that is {@code uri}, or that {@code uri}'s {@code latest} names, as a
   * query names it; empty when it is not a dependency or has no data here.
   */
  Optional<String> dependencyRelation(StepUri uri) {
    return inputs.entrySet().stream()
        .filter(e -> uri.names(e.getKey()))
        .findFirst()
        .filter(e -> e.getValue().data().isPresent())
        .map(e -> engine.dependency(e.getValue()));
  }

  long count(String sql) throws SQLException {
    return engine.count(sql);
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
    for (Map<String, Object> row :
        engine.rows(
            "SELECT CAST(v AS STRING) AS v, count(*) AS n "
                + grouped
                + " ORDER BY n DESC, CAST(v AS STRING) LIMIT "
                + EXAMPLES,
            EXAMPLES)) {
      long n = Long.parseLong(String.valueOf(row.get("n")));
      Object value = row.get("v");
      examples.add(
          quoted(value == null ? null : value.toString())
              + " ("
              + n
              + (n == 1 ? " row)" : " rows)"));
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
    for (Map<String, Object> row :
        engine.rows("SELECT * FROM (\n" + select + "\n) LIMIT " + EXAMPLES, EXAMPLES)) {
      List<String> fields = new ArrayList<>();
      row.forEach(
          (column, value) ->
              fields.add(
                  column
                      + ": "
                      + (value instanceof String text ? quoted(text) : String.valueOf(value))));
      examples.add(shortened("{" + String.join(", ", fields) + "}"));
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
    Map<String, Input> byVariable = new LinkedHashMap<>();
    List<String> absent = new ArrayList<>();
    for (Input input : inputs.values()) {
      byVariable.put(input.variable(), input);
      if (input.data().isEmpty()) {
        absent.add(input.variable());
      }
    }
    java.util.Set<String> known = new java.util.TreeSet<>(byVariable.keySet());
    known.add(THIS);
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
      String sql = engine.fill(statement.sql(), byVariable);
      try {
        if (i < statements.size() - 1) {
          engine.execute(sql);
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
