package dev.alcove.core.quality;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Where a table's data tests run, and how its SQL names things there: DuckDB over the table's
 * Parquet file ({@link DuckDbTests}), or the Spark session that built it, over views ({@link
 * SparkTests}). The rules' SQL is the same on both.
 */
public interface TestEngine {

  /** A column name, quoted for this engine. */
  String identifier(String name);

  /** The tested table, as a query names it. */
  String table();

  /** A dependency's data, as a query names it. */
  String dependency(TestedTable.Input input);

  /** A custom test's SQL with its {@code {variables}} filled in: the table and its inputs. */
  String fill(String sql, Map<String, TestedTable.Input> inputs);

  /** The first column of the first row. */
  long count(String sql) throws SQLException;

  /**
   * Up to {@code limit} rows, each column by name in column order: its value as the engine gives it
   * (a text where it gives only text), null as null.
   */
  List<Map<String, Object>> rows(String sql, int limit) throws SQLException;

  /** Runs a statement for its effect. */
  void execute(String sql) throws SQLException;
}
