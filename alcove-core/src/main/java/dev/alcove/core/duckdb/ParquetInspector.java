package dev.alcove.core.duckdb;

import dev.alcove.core.run.TableConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads a Parquet file's schema and checks a table's config rules against its data, in DuckDB. */
public final class ParquetInspector implements AutoCloseable {

  private final Connection connection;

  public ParquetInspector() throws SQLException {
    this.connection = DuckDb.inMemory();
  }

  /** Column name to DuckDB type, in file order. */
  public Map<String, String> schema(Path parquet) throws SQLException {
    Map<String, String> schema = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery("DESCRIBE SELECT * FROM " + DuckDb.readParquet(parquet))) {
      while (rows.next()) {
        schema.put(rows.getString("column_name"), rows.getString("column_type"));
      }
    }
    return schema;
  }

  public long rowCount(Path parquet) throws SQLException {
    return count("SELECT count(*) FROM " + DuckDb.readParquet(parquet));
  }

  /** Every rule of {@code config} that the table breaks, as one message each; empty if none. */
  public List<String> problems(Path parquet, Map<String, String> schema, TableConfig config)
      throws SQLException {
    List<String> problems = new ArrayList<>();
    config
        .schema()
        .forEach(
            (column, expected) -> {
              String actual = schema.get(column);
              if (actual == null) {
                problems.add("schema: column '" + column + "' is missing");
              } else if (!matches(expected, actual)) {
                problems.add("schema: column '" + column + "' is " + actual + ", not " + expected);
              }
            });
    TableConfig.Validation rules = config.validation();
    for (String column : rules.requiredColumns()) {
      if (!schema.containsKey(column)) {
        problems.add("required_columns: column '" + column + "' is missing");
      }
    }
    String table = DuckDb.readParquet(parquet);
    for (String column : rules.uniqueColumns()) {
      if (!schema.containsKey(column)) {
        problems.add("unique_columns: column '" + column + "' is missing");
        continue;
      }
      long duplicates =
          count(
              "SELECT count(*) - count(DISTINCT " + DuckDb.identifier(column) + ") FROM " + table);
      if (duplicates > 0) {
        problems.add(
            "unique_columns: column '" + column + "' has " + duplicates + " duplicate values");
      }
    }
    for (String column : rules.notNull()) {
      if (!schema.containsKey(column)) {
        problems.add("not_null: column '" + column + "' is missing");
        continue;
      }
      long nulls =
          count(
              "SELECT count(*) FROM " + table + " WHERE " + DuckDb.identifier(column) + " IS NULL");
      if (nulls > 0) {
        problems.add("not_null: column '" + column + "' has " + nulls + " null values");
      }
    }
    if (rules.requireDimensionPrefix()
        && schema.keySet().stream().noneMatch(c -> c.startsWith("dim_"))) {
      problems.add("require_dimension_prefix: no column starts with dim_");
    }
    return problems;
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  /** Whether a DuckDB type is of the config's kind of type. */
  static boolean matches(String expected, String duckdbType) {
    String type = duckdbType.toUpperCase(Locale.ROOT);
    return switch (expected) {
      case "string" -> type.equals("VARCHAR") || type.startsWith("VARCHAR(");
      case "integer" ->
          List.of(
                  "TINYINT",
                  "SMALLINT",
                  "INTEGER",
                  "BIGINT",
                  "HUGEINT",
                  "UTINYINT",
                  "USMALLINT",
                  "UINTEGER",
                  "UBIGINT",
                  "UHUGEINT")
              .contains(type);
      case "float" -> type.equals("FLOAT") || type.equals("DOUBLE") || type.startsWith("DECIMAL");
      case "boolean" -> type.equals("BOOLEAN");
      case "date" -> type.equals("DATE");
      case "timestamp" -> type.startsWith("TIMESTAMP");
      default -> false;
    };
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
