package dev.alcove.core.quality;

import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.naming.TemplateVariables;
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

/** Data tests in DuckDB, over the table's Parquet file and its dependencies' files here. */
public final class DuckDbTests implements TestEngine {

  private final Connection connection;
  private final Path parquet;

  public DuckDbTests(Connection connection, Path parquet) {
    this.connection = connection;
    this.parquet = parquet;
  }

  @Override
  public String identifier(String name) {
    return DuckDb.identifier(name);
  }

  @Override
  public String table() {
    return DuckDb.readParquet(parquet);
  }

  @Override
  public String dependency(TestedTable.Input input) {
    return DuckDb.readParquet(input.data().orElseThrow());
  }

  /** A variable stands for a path inside the user's own quotes, as in a DuckDB step. */
  @Override
  public String fill(String sql, Map<String, TestedTable.Input> inputs) {
    Map<String, String> values = new LinkedHashMap<>();
    inputs.forEach(
        (variable, input) ->
            input.data().ifPresent(data -> values.put(variable, TemplateVariables.quotable(data))));
    values.put(TestedTable.THIS, TemplateVariables.quotable(parquet));
    return TemplateVariables.substitute(sql, values);
  }

  @Override
  public long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  @Override
  public List<Map<String, Object>> rows(String sql, int limit) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData columns = result.getMetaData();
      while (rows.size() < limit && result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= columns.getColumnCount(); i++) {
          row.put(columns.getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Override
  public void execute(String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
