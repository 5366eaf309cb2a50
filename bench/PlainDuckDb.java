import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** The baseline for the SQL step: the same SQL through plain DuckDB JDBC in one JVM. */
class PlainDuckDb {
  public static void main(String[] args) throws Exception {
    String sql = args[0].replace("{rows}", args[1]);
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("COPY (" + sql + ") TO '" + args[2] + "' (FORMAT parquet)");
    }
  }
}
