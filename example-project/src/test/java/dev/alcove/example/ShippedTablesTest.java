package dev.alcove.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URL;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The tables that alcove:run copies into the build's resources, read from the class path. */
class ShippedTablesTest {

  @Test
  void thePublishedTableHasEveryRegionAndDecade() throws Exception {
    assertEquals(325, count("/alcove/population/published/latest.parquet"));
  }

  @Test
  void everyCountryHasAnIsoCode() throws Exception {
    assertEquals(0, count("/alcove/countries/latest.parquet", "WHERE dim_iso3 IS NULL"));
    assertEquals(248, count("/alcove/countries/latest.parquet"));
  }

  private static long count(String resource) throws Exception {
    return count(resource, "");
  }

  private static long count(String resource, String where) throws Exception {
    URL table = ShippedTablesTest.class.getResource(resource);
    assertNotNull(table, resource + " is not on the class path");
    Path file = Path.of(table.toURI());
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rows =
            duckdb
                .createStatement()
                .executeQuery(
                    "SELECT count(*) FROM read_parquet('"
                        + file.toString().replace("'", "''")
                        + "') "
                        + where)) {
      rows.next();
      return rows.getLong(1);
    } catch (SQLException e) {
      throw new AssertionError(resource + ": " + e.getMessage(), e);
    }
  }
}
