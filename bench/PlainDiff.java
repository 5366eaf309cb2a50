import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * The baseline for alcove:diff: plain DuckDB JDBC in one JVM, loading both CSV versions and
 * counting rows added, removed and changed by key, as a hand-written session would.
 */
class PlainDiff {
  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE a AS SELECT * FROM read_csv('" + args[0] + "')");
      s.execute("CREATE TABLE b AS SELECT * FROM read_csv('" + args[1] + "')");
      String[] queries = {
        "SELECT count(*) FROM a",
        "SELECT count(*) FROM b",
        "SELECT count(*) FROM b ANTI JOIN a USING (id)",
        "SELECT count(*) FROM a ANTI JOIN b USING (id)",
        "SELECT count(*) FROM a JOIN b USING (id) WHERE a.v IS DISTINCT FROM b.v OR a.w IS DISTINCT FROM b.w"
      };
      for (String query : queries) {
        try (ResultSet r = s.executeQuery(query)) {
          r.next();
          System.out.println(query + ": " + r.getLong(1));
        }
      }
    }
  }
}
