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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Compares two tabular versions inside DuckDB, where they are read from their files and never
 * loaded into the JVM: every figure is a query, and only a few examples come back.
 */
final class TabularDiff {

  private static final int SAMPLES = 5;
  private static final Set<String> NUMERIC =
      Set.of(
          "TINYINT",
          "SMALLINT",
          "INTEGER",
          "BIGINT",
          "HUGEINT",
          "UTINYINT",
          "USMALLINT",
          "UINTEGER",
          "UBIGINT",
          "FLOAT",
          "DOUBLE");

  private final Connection connection;

  TabularDiff(Connection connection) {
    this.connection = connection;
  }

  DiffReport compare(String from, String a, String to, String b, List<String> keys)
      throws SQLException {
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
              isNumeric(before.get(column)) && isNumeric(after.get(column)) ? "DOUBLE" : "VARCHAR");
        }
      }
    }
    long rowsBefore = count("SELECT count(*) FROM " + a);
    long rowsAfter = count("SELECT count(*) FROM " + b);
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
      for (String key : keys) {
        if (!common.contains(key)) {
          throw new AlcoveException(
              "key column '"
                  + key
                  + "' is not in both "
                  + from
                  + " and "
                  + to
                  + ": use one of "
                  + String.join(", ", common));
        }
      }
      requireUnique(from, a, keys);
      requireUnique(to, b, keys);
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
      String addedKeys = "SELECT " + keyList + " FROM " + b + " x ANTI JOIN " + a + " y ON " + on;
      String removedKeys = "SELECT " + keyList + " FROM " + a + " x ANTI JOIN " + b + " y ON " + on;
      plus = count("SELECT count(*) FROM (" + addedKeys + ")");
      minus = count("SELECT count(*) FROM (" + removedKeys + ")");
      samples.put("added", rows(addedKeys, 0));
      samples.put("removed", rows(removedKeys, 0));
      List<String> values = common.stream().filter(c -> !keys.contains(c)).toList();
      if (!values.isEmpty()) {
        String differs =
            values.stream()
                .map(
                    c ->
                        valueOf("x", c, comparedAs)
                            + " IS DISTINCT FROM "
                            + valueOf("y", c, comparedAs))
                .collect(Collectors.joining(" OR "));
        String joined = " FROM " + a + " x JOIN " + b + " y ON " + on;
        changed = count("SELECT count(*)" + joined + " WHERE " + differs);
        StringBuilder perColumn = new StringBuilder("SELECT ");
        for (int i = 0; i < values.size(); i++) {
          String c = values.get(i);
          perColumn
              .append(i == 0 ? "" : ", ")
              .append("count(*) FILTER (WHERE ")
              .append(valueOf("x", c, comparedAs))
              .append(" IS DISTINCT FROM ")
              .append(valueOf("y", c, comparedAs))
              .append(")");
        }
        try (Statement statement = connection.createStatement();
            ResultSet result = statement.executeQuery(perColumn + joined)) {
          result.next();
          for (int i = 0; i < values.size(); i++) {
            byColumn.put(values.get(i), result.getLong(i + 1));
          }
        }
        // Each example: its key, and each value that changed as before -> after.
        StringBuilder changes = new StringBuilder("SELECT " + keyList);
        for (String c : values) {
          String x = valueOf("x", c, comparedAs);
          String y = valueOf("y", c, comparedAs);
          changes
              .append(", CASE WHEN ")
              .append(x)
              .append(" IS DISTINCT FROM ")
              .append(y)
              .append(" THEN coalesce(CAST(")
              .append(x)
              .append(" AS VARCHAR), 'null') || ' -> ' || coalesce(CAST(")
              .append(y)
              .append(" AS VARCHAR), 'null') END AS ")
              .append(DuckDb.identifier(c));
        }
        samples.put("changed", rows(changes + joined + " WHERE " + differs, keys.size()));
      }
    }
    Map<String, DiffReport.Drift> drift = new LinkedHashMap<>();
    List<String> numeric =
        common.stream()
            .filter(c -> !keys.contains(c))
            .filter(c -> isNumeric(before.get(c)) && isNumeric(after.get(c)))
            .toList();
    if (!numeric.isEmpty()) {
      List<Double[]> sides = List.of(stats(a, numeric), stats(b, numeric));
      for (int i = 0; i < numeric.size(); i++) {
        Double[] x = sides.get(0);
        Double[] y = sides.get(1);
        DiffReport.Drift d =
            new DiffReport.Drift(
                x[3 * i], y[3 * i], x[3 * i + 1], y[3 * i + 1], x[3 * i + 2], y[3 * i + 2]);
        if (!(java.util.Objects.equals(d.minBefore(), d.minAfter())
            && java.util.Objects.equals(d.maxBefore(), d.maxAfter())
            && java.util.Objects.equals(d.meanBefore(), d.meanAfter()))) {
          drift.put(numeric.get(i), d);
        }
      }
    }
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

  private void requireUnique(String version, String relation, List<String> keys)
      throws SQLException {
    String columns = keys.stream().map(DuckDb::identifier).collect(Collectors.joining(", "));
    long duplicated =
        count(
            "SELECT count(*) FROM (SELECT "
                + columns
                + " FROM "
                + relation
                + " GROUP BY ALL"
                + " HAVING count(*) > 1)");
    if (duplicated > 0) {
      throw new AlcoveException(
          "the key ("
              + String.join(", ", keys)
              + ") is not unique in "
              + version
              + ": "
              + duplicated
              + " values appear more than once; name columns that are");
    }
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

  private static boolean isNumeric(String type) {
    String upper = type.toUpperCase(Locale.ROOT);
    return NUMERIC.contains(upper) || upper.startsWith("DECIMAL");
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

  /** min, max and mean of each column, in that order, column after column. */
  private Double[] stats(String relation, List<String> columns) throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT ");
    for (int i = 0; i < columns.size(); i++) {
      String c = DuckDb.identifier(columns.get(i));
      sql.append(i == 0 ? "" : ", ")
          .append("min(")
          .append(c)
          .append(")::DOUBLE, max(")
          .append(c)
          .append(")::DOUBLE, avg(")
          .append(c)
          .append(")::DOUBLE");
    }
    Double[] values = new Double[3 * columns.size()];
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql + " FROM " + relation)) {
      result.next();
      for (int i = 0; i < values.length; i++) {
        double value = result.getDouble(i + 1);
        values[i] = result.wasNull() ? null : value;
      }
    }
    return values;
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
