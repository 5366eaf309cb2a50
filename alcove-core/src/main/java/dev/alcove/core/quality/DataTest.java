package dev.alcove.core.quality;

import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.uri.StepUri;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/**
 * One rule of a table's {@code validation:} (docs/SPEC.md section 6 and 13): what it checks, in
 * DuckDB, against the table's Parquet file. Every kind of rule is here, each with its check.
 */
public sealed interface DataTest {

  /** The rule's key under {@code validation:}, which starts its failure message. */
  String rule();

  Severity severity();

  /** What the table breaks, or empty when it passes. */
  Optional<String> check(TestedTable table) throws SQLException;

  /** {@code required_columns}: the column exists. */
  record RequiredColumn(String column) implements DataTest {
    public String rule() {
      return "required_columns";
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public Optional<String> check(TestedTable table) {
      return table.missing(column);
    }
  }

  /** {@code unique_columns}: no value appears twice. */
  record UniqueColumn(String column) implements DataTest {
    public String rule() {
      return "unique_columns";
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public Optional<String> check(TestedTable table) throws SQLException {
      if (table.missing(column).isPresent()) {
        return table.missing(column);
      }
      String c = table.identifier(column);
      return table.offendingValues(
          "SELECT " + c + " FROM " + table.relation() + " WHERE " + c + " IS NOT NULL",
          "HAVING count(*) > 1",
          "column '" + column + "' has %d duplicated values: %s");
    }
  }

  /** {@code not_null}: no value is null. */
  record NotNull(String column) implements DataTest {
    public String rule() {
      return "not_null";
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public Optional<String> check(TestedTable table) throws SQLException {
      if (table.missing(column).isPresent()) {
        return table.missing(column);
      }
      long nulls =
          table.count(
              "SELECT count(*) FROM "
                  + table.relation()
                  + " WHERE "
                  + table.identifier(column)
                  + " IS NULL");
      return nulls == 0
          ? Optional.empty()
          : Optional.of("column '" + column + "' has " + nulls + " null values");
    }
  }

  /** {@code require_dimension_prefix}: some column starts with {@code dim_}. */
  record DimensionPrefix() implements DataTest {
    public String rule() {
      return "require_dimension_prefix";
    }

    public Severity severity() {
      return Severity.ERROR;
    }

    public Optional<String> check(TestedTable table) {
      return table.schema().keySet().stream().anyMatch(c -> c.startsWith("dim_"))
          ? Optional.empty()
          : Optional.of("no column starts with dim_");
    }
  }

  /** {@code accepted_values}: every non-null value, as text, is one of {@code values}. */
  record AcceptedValues(String column, List<String> values, Severity severity) implements DataTest {
    public String rule() {
      return "accepted_values";
    }

    public Optional<String> check(TestedTable table) throws SQLException {
      if (table.missing(column).isPresent()) {
        return table.missing(column);
      }
      String text = "CAST(" + table.identifier(column) + " AS STRING)";
      String list = values.stream().map(DuckDb::literal).collect(Collectors.joining(", "));
      return table.offendingValues(
          "SELECT "
              + text
              + " FROM "
              + table.relation()
              + " WHERE "
              + text
              + " IS NOT NULL"
              + (values.isEmpty() ? "" : " AND " + text + " NOT IN (" + list + ")"),
          "",
          "column '" + column + "' has %d values not in its list: %s");
    }
  }

  /**
   * {@code relationships}: every non-null value of {@code column} is a value of {@code toColumn} in
   * the table {@code to}, one of this table's dependencies.
   */
  record Relationship(String column, StepUri to, String toColumn, Severity severity)
      implements DataTest {
    public String rule() {
      return "relationships";
    }

    public Optional<String> check(TestedTable table) throws SQLException {
      if (table.missing(column).isPresent()) {
        return table.missing(column);
      }
      Optional<String> parent = table.dependencyRelation(to);
      if (parent.isEmpty()) {
        return Optional.of(
            "column '" + column + "': " + to + " is not one of this table's dependencies");
      }
      String c = table.identifier(column);
      return table.offendingValues(
          "SELECT "
              + c
              + " FROM "
              + table.relation()
              + " child WHERE "
              + c
              + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "
              + parent.get()
              + " parent WHERE parent."
              + table.identifier(toColumn)
              + " = child."
              + c
              + ")",
          "",
          "column '"
              + column
              + "' has %d values that are not in column '"
              + toColumn
              + "' of "
              + to
              + ": %s");
    }
  }

  /** {@code row_count}: the number of rows is within {@code min} and {@code max}. */
  record RowCount(OptionalLong min, OptionalLong max, Severity severity) implements DataTest {
    public String rule() {
      return "row_count";
    }

    public Optional<String> check(TestedTable table) throws SQLException {
      long rows = table.rows();
      if (min.isPresent() && rows < min.getAsLong()) {
        return Optional.of(rows + " rows, at least " + min.getAsLong() + " expected");
      }
      if (max.isPresent() && rows > max.getAsLong()) {
        return Optional.of(rows + " rows, at most " + max.getAsLong() + " expected");
      }
      return Optional.empty();
    }
  }

  /**
   * {@code expressions}: a SQL boolean expression over the table's columns holds for every row (a
   * row where it is null is not counted, as in dbt).
   */
  record Expression(String expression, Severity severity) implements DataTest {
    public String rule() {
      return "expressions";
    }

    public Optional<String> check(TestedTable table) throws SQLException {
      return table.offendingRows(
          "SELECT * FROM " + table.relation() + " WHERE NOT (" + expression + "\n)",
          "'" + expression + "' is false for %d rows: %s");
    }
  }

  /**
   * {@code tests}: a query in {@code src/steps/tests/<name>.sql}, over {@code {this}} (the table)
   * and its dependencies' variables, that must return no row.
   */
  record SqlTest(String name, Severity severity) implements DataTest {
    public String rule() {
      return "tests";
    }

    /** Where the test's SQL lives, relative to {@code src/steps/tests/}. */
    public String fileName() {
      return name + ".sql";
    }

    public Optional<String> check(TestedTable table) throws SQLException {
      return table.customTest(this);
    }
  }
}
