package dev.alcove.core.diff;

import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Compares two tabular versions inside DuckDB, where they are read from their files and never
 * loaded into the JVM: every figure is a query, and only a few examples come back.
 */
final class TabularDiff {

  private static final int SAMPLES = 5;
  private final Connection connection;

  TabularDiff(Connection connection) {
    this.connection = connection;
  }

  /**
   * Compares the data {@code fromData} and {@code toData} name ({@code read_csv(...)}, {@code
   * read_parquet(...)}): each is read once, into DuckDB's own memory (which spills to disk), for
   * the dozen queries that compare them, and never into the JVM.
   */
  DiffReport compare(String from, String fromData, String to, String toData, List<String> keys)
      throws SQLException {
    String a = "before_version";
    String b = "after_version";
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TEMPORARY TABLE " + a + " AS SELECT * FROM " + fromData);
      statement.execute("CREATE OR REPLACE TEMPORARY TABLE " + b + " AS SELECT * FROM " + toData);
    }
    Map<String, String> before = schema(a);
    Map<String, String> after = schema(b);
    List<String> added = after.keySet().stream().filter(c -> !before.containsKey(c)).toList();
    List<String> removed = before.keySet().stream().filter(c -> !after.containsKey(c)).toList();
    Map<String, String> retyped = new LinkedHashMap<>();
    // A retyped column is compared as a number where both types are numbers, else as text.
    Map<String, String> comparedAs = new LinkedHashMap<>();
    List<String> common = new ArrayList<>();
    for (String column : after.keySet()) {
      if (before.containsKey(column)) {
        common.add(column);
        if (!before.get(column).equals(after.get(column))) {
          retyped.put(column, before.get(column) + " -> " + after.get(column));
          comparedAs.put(
              column,
              dev.alcove.core.duckdb.DuckDbTypes.isNumber(before.get(column))
                      && dev.alcove.core.duckdb.DuckDbTypes.isNumber(after.get(column))
                  ? "DOUBLE"
                  : "VARCHAR");
        }
      }
    }
    for (String key : keys) {
      if (!common.contains(key)) {
        throw new AlcoveException(
            "key column '"
                + key
                + "' is not in both "
                + from
                + " and "
                + to
                + (common.isEmpty()
                    ? ": they have no column in common"
                    : ": use one of " + String.join(", ", common)));
      }
    }
    List<String> numeric =
        common.stream()
            .filter(c -> !keys.contains(c))
            .filter(
                c ->
                    dev.alcove.core.duckdb.DuckDbTypes.isNumber(before.get(c))
                        && dev.alcove.core.duckdb.DuckDbTypes.isNumber(after.get(c)))
            .toList();
    Side x = side(from, a, keys, numeric);
    Side y = side(to, b, keys, numeric);
    Map<String, List<String>> samples = new LinkedHashMap<>();
    Map<String, Long> byColumn = new LinkedHashMap<>();
    long plus;
    long minus;
    long changed = 0;
    if (keys.isEmpty()) {
      String columns =
          common.stream().map(c -> alike(c, comparedAs)).collect(Collectors.joining(", "));
      String onlyAfter =
          "SELECT " + columns + " FROM " + b + " EXCEPT ALL SELECT " + columns + " FROM " + a;
      String onlyBefore =
          "SELECT " + columns + " FROM " + a + " EXCEPT ALL SELECT " + columns + " FROM " + b;
      plus = count("SELECT count(*) FROM (" + onlyAfter + ")");
      minus = count("SELECT count(*) FROM (" + onlyBefore + ")");
      samples.put("added", rows(onlyAfter, 0));
      samples.put("removed", rows(onlyBefore, 0));
    } else {
      String on =
          keys.stream()
              .map(
                  k ->
                      "x."
                          + DuckDb.identifier(k)
                          + " IS NOT DISTINCT FROM y."
                          + DuckDb.identifier(k))
              .collect(Collectors.joining(" AND "));
      String keyList =
          keys.stream().map(k -> "x." + DuckDb.identifier(k)).collect(Collectors.joining(", "));
      List<String> values = common.stream().filter(c -> !keys.contains(c)).toList();
      List<String> differences =
          values.stream()
              .map(
                  c ->
                      valueOf("x", c, comparedAs)
                          + " IS DISTINCT FROM "
                          + valueOf("y", c, comparedAs))
              .toList();
      String differs = differences.isEmpty() ? "false" : String.join(" OR ", differences);
      // One pass over both, joined in full: a side's marker is null where the key is not there.
      StringBuilder counts =
          new StringBuilder(
              "SELECT count(*) FILTER (WHERE x.alcove_side IS NULL),"
                  + " count(*) FILTER (WHERE y.alcove_side IS NULL),"
                  + " count(*) FILTER (WHERE x.alcove_side AND y.alcove_side AND ("
                  + differs
                  + "))");
      for (String difference : differences) {
        counts
            .append(", count(*) FILTER (WHERE x.alcove_side AND y.alcove_side AND ")
            .append(difference)
            .append(")");
      }
      counts
          .append(" FROM (SELECT *, true AS alcove_side FROM ")
          .append(a)
          .append(") x FULL OUTER JOIN (SELECT *, true AS alcove_side FROM ")
          .append(b)
          .append(") y ON ")
          .append(on);
      try (Statement statement = connection.createStatement();
          ResultSet result = statement.executeQuery(counts.toString())) {
        result.next();
        plus = result.getLong(1);
        minus = result.getLong(2);
        changed = result.getLong(3);
        for (int i = 0; i < values.size(); i++) {
          byColumn.put(values.get(i), result.getLong(4 + i));
        }
      }
      samples.put(
          "added",
          rows("SELECT " + keyList + " FROM " + b + " x ANTI JOIN " + a + " y ON " + on, 0));
      samples.put(
          "removed",
          rows("SELECT " + keyList + " FROM " + a + " x ANTI JOIN " + b + " y ON " + on, 0));
      if (!values.isEmpty()) {
        // Each example: its key, and each value that changed as before -> after.
        StringBuilder changes = new StringBuilder("SELECT " + keyList);
        for (String c : values) {
          String beforeValue = valueOf("x", c, comparedAs);
          String afterValue = valueOf("y", c, comparedAs);
          changes
              .append(", CASE WHEN ")
              .append(beforeValue)
              .append(" IS DISTINCT FROM ")
              .append(afterValue)
              .append(" THEN coalesce(CAST(")
              .append(beforeValue)
              .append(" AS VARCHAR), 'null') || ' -> ' || coalesce(CAST(")
              .append(afterValue)
              .append(" AS VARCHAR), 'null') END AS ")
              .append(DuckDb.identifier(c));
        }
        samples.put(
            "changed",
            rows(
                changes + " FROM " + a + " x JOIN " + b + " y ON " + on + " WHERE " + differs,
                keys.size()));
      }
    }
    Map<String, DiffReport.Drift> drift = new LinkedHashMap<>();
    for (int i = 0; i < numeric.size(); i++) {
      DiffReport.Drift d =
          new DiffReport.Drift(
              x.stats[3 * i],
              y.stats[3 * i],
              x.stats[3 * i + 1],
              y.stats[3 * i + 1],
              x.stats[3 * i + 2],
              y.stats[3 * i + 2]);
      if (!(java.util.Objects.equals(d.minBefore(), d.minAfter())
          && java.util.Objects.equals(d.maxBefore(), d.maxAfter())
          && java.util.Objects.equals(d.meanBefore(), d.meanAfter()))) {
        drift.put(numeric.get(i), d);
      }
    }
    long rowsBefore = x.rows;
    long rowsAfter = y.rows;
    return new DiffReport(
        from,
        to,
        keys,
        added,
        removed,
        retyped,
        rowsBefore,
        rowsAfter,
        plus,
        minus,
        changed,
        byColumn,
        drift,
        samples,
        false);
  }

  /** One version in one pass: its rows, and each numeric column's min, max and mean. */
  private record Side(long rows, Double[] stats) {}

  /**
   * Reads one version once for what is counted on it alone; with a key, also checks that the key is
   * unique there.
   */
  private Side side(String version, String relation, List<String> keys, List<String> numeric)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT count(*)");
    String keyRow = keys.stream().map(DuckDb::identifier).collect(Collectors.joining(", "));
    sql.append(keys.isEmpty() ? ", 0" : ", count(DISTINCT row(" + keyRow + "))");
    for (String column : numeric) {
      String c = DuckDb.identifier(column);
      sql.append(", min(")
          .append(c)
          .append(")::DOUBLE, max(")
          .append(c)
          .append(")::DOUBLE, avg(")
          .append(c)
          .append(")::DOUBLE");
    }
    Double[] stats = new Double[3 * numeric.size()];
    long rows;
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql + " FROM " + relation)) {
      result.next();
      rows = result.getLong(1);
      long distinct = result.getLong(2);
      if (!keys.isEmpty() && distinct < rows) {
        throw new AlcoveException(
            "the key ("
                + String.join(", ", keys)
                + ") is not unique in "
                + version
                + ": "
                + (rows - distinct)
                + " rows repeat a key; name columns that are");
      }
      for (int i = 0; i < stats.length; i++) {
        double value = result.getDouble(i + 3);
        stats[i] = result.wasNull() ? null : value;
      }
    }
    return new Side(rows, stats);
  }

  /** A column of one side, cast alike where its type changed. */
  private static String valueOf(String side, String column, Map<String, String> comparedAs) {
    String value = side + "." + DuckDb.identifier(column);
    return comparedAs.containsKey(column)
        ? "CAST(" + value + " AS " + comparedAs.get(column) + ")"
        : value;
  }

  /** A column selected from either side, cast alike where its type changed. */
  private static String alike(String column, Map<String, String> comparedAs) {
    String value = DuckDb.identifier(column);
    return comparedAs.containsKey(column)
        ? "CAST(" + value + " AS " + comparedAs.get(column) + ") AS " + value
        : value;
  }

  private Map<String, String> schema(String relation) throws SQLException {
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("DESCRIBE SELECT * FROM " + relation)) {
      while (result.next()) {
        columns.put(result.getString("column_name"), result.getString("column_type"));
      }
    }
    return columns;
  }

  private long count(String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      result.next();
      return result.getLong(1);
    }
  }

  /**
   * A few rows, each as {@code {column: value, ...}}, in a stable order; with {@code keyColumns},
   * the columns after the key hold {@code before -> after} where they changed, and are left out
   * where they did not.
   */
  private List<String> rows(String sql, int keyColumns) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result =
            statement.executeQuery("SELECT * FROM (" + sql + ") ORDER BY ALL LIMIT " + SAMPLES)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> fields = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          Object value = result.getObject(i);
          boolean change = keyColumns > 0 && i > keyColumns;
          if (change && value == null) {
            continue;
          }
          fields.add(
              result.getMetaData().getColumnLabel(i)
                  + ": "
                  + (value instanceof String s && !change ? "'" + s + "'" : String.valueOf(value)));
        }
        rows.add("{" + String.join(", ", fields) + "}");
      }
    }
    return rows;
  }
}
