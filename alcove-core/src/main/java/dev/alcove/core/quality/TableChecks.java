package dev.alcove.core.quality;

import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a table's Parquet file against its config: the {@code schema:} types, every rule of {@code
 * validation:}, and a warning for a table with no rows that does not say it may have none. Used
 * where a table is built or restored from the cache, and by {@code alcove:audit}.
 */
public final class TableChecks {

  private TableChecks() {}

  /**
   * Every failure, in config order; a rule that cannot run (bad SQL in an expression, a missing
   * test file) is an error whatever its severity, since it checks nothing.
   */
  public static List<TestFailure> run(
      TestEngine engine,
      Map<String, String> schema,
      TableConfig config,
      Map<StepUri, TestedTable.Input> inputs,
      Path alcoveRoot,
      Path testsDir)
      throws SQLException {
    List<TestFailure> failures = new ArrayList<>();
    config
        .schema()
        .forEach(
            (column, expected) -> {
              String actual = schema.get(column);
              if (actual == null) {
                failures.add(error("schema", "column '" + column + "' is missing"));
              } else if (!typeMatches(expected, actual)) {
                failures.add(
                    error("schema", "column '" + column + "' is " + actual + ", not " + expected));
              }
            });
    TestedTable table = new TestedTable(engine, schema, inputs, alcoveRoot, testsDir);
    for (DataTest test : config.validation()) {
      try {
        test.check(table)
            .ifPresent(
                message -> failures.add(new TestFailure(test.rule(), test.severity(), message)));
      } catch (SQLException e) {
        failures.add(error(test.rule(), "cannot run: " + DuckDb.message(e)));
      } catch (AlcoveException e) {
        failures.add(error(test.rule(), "cannot run: " + e.getMessage()));
      }
    }
    boolean mayBeEmpty =
        config.validation().stream()
            .anyMatch(
                test ->
                    test instanceof DataTest.RowCount count
                        && count.min().isPresent()
                        && count.min().getAsLong() == 0);
    if (!mayBeEmpty && table.rows() == 0) {
      failures.add(
          new TestFailure(
              "row_count",
              Severity.WARN,
              "the table has no rows (say 'row_count: {min: 0}' under validation: if that is"
                  + " expected)"));
    }
    return failures;
  }

  private static TestFailure error(String rule, String message) {
    return new TestFailure(rule, Severity.ERROR, message);
  }

  /** Whether a DuckDB type is of the config's kind of type. */
  static boolean typeMatches(String expected, String duckdbType) {
    String type = duckdbType.toUpperCase(Locale.ROOT);
    return switch (expected) {
      case "string" -> type.equals("VARCHAR") || type.startsWith("VARCHAR(");
      case "integer" -> dev.alcove.core.duckdb.DuckDbTypes.isInteger(type);
      case "float" -> type.equals("FLOAT") || type.equals("DOUBLE") || type.startsWith("DECIMAL");
      case "boolean" -> type.equals("BOOLEAN");
      case "date" -> type.equals("DATE");
      case "timestamp" -> type.startsWith("TIMESTAMP");
      default -> false;
    };
  }

  /** The failures as one line each, for a log or an error message. */
  public static String describe(List<TestFailure> failures) {
    return String.join("; ", failures.stream().map(TestFailure::toString).toList());
  }
}
