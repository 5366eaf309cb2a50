package dev.alcove.core.quality;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.spark.SparkSql;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Data tests on the Spark session that built the table: the table is the view {@code this}, each
 * dependency the view of its variable, so no data leaves the cluster but a failure's few examples.
 */
public final class SparkTests implements TestEngine {

  private final SparkSql spark;

  public SparkTests(SparkSql spark) {
    this.spark = spark;
  }

  @Override
  public String identifier(String name) {
    return "`" + name.replace("`", "``") + "`";
  }

  @Override
  public String table() {
    return identifier(TestedTable.THIS);
  }

  @Override
  public String dependency(TestedTable.Input input) {
    return identifier(input.variable());
  }

  /** {@code {people}} and {@code '{people}'}, as a DuckDB test writes it, both name the view. */
  @Override
  public String fill(String sql, Map<String, TestedTable.Input> inputs) {
    String result = sql;
    java.util.Set<String> variables = new java.util.TreeSet<>(inputs.keySet());
    variables.add(TestedTable.THIS);
    for (String variable : variables) {
      result =
          result
              .replace("'{" + variable + "}'", identifier(variable))
              .replace("{" + variable + "}", identifier(variable));
    }
    return result;
  }

  @Override
  public long count(String sql) throws SQLException {
    try {
      return spark.count(sql);
    } catch (AlcoveException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }

  @Override
  public List<Map<String, Object>> rows(String sql, int limit) throws SQLException {
    try {
      List<Map<String, Object>> rows = new java.util.ArrayList<>();
      spark.rows(sql, limit).forEach(row -> rows.add(new java.util.LinkedHashMap<>(row)));
      return rows;
    } catch (AlcoveException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }

  @Override
  public void execute(String sql) throws SQLException {
    try {
      spark.execute(sql);
    } catch (AlcoveException e) {
      throw new SQLException(e.getMessage(), e);
    }
  }
}
