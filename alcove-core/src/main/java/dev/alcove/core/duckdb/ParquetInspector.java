package dev.alcove.core.duckdb;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a Parquet file's schema and row count, in DuckDB; its connection also runs data tests. */
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

  private long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }

  public java.sql.Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
