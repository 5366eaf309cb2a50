package dev.alcove.core.duckdb;

import java.sql.Connection;
import java.sql.ResultSet;

/** Opens DuckDB as alcove does and says which class loader its connection came from. */
public final class DuckDbProbe {
  public static void main(String[] args) throws Exception {
    try (Connection connection = DuckDb.inMemory();
        ResultSet result = connection.createStatement().executeQuery("SELECT 40 + 2")) {
      result.next();
      boolean isolated =
          connection.getClass().getClassLoader() != DuckDbProbe.class.getClassLoader();
      System.out.println("answer " + result.getInt(1) + (isolated ? " isolated" : " shared"));
    }
  }
}
