package dev.alcove.core.db;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.frontend.SettingChoices;
import dev.alcove.core.json.Json;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/** Writes a query result as aligned columns for a terminal, as CSV, or as JSON. */
public enum ResultFormat {
  TABLE,
  CSV,
  JSON;

  public static ResultFormat parse(String text, FrontEnd frontEnd) {
    return SettingChoices.parse(ResultFormat.class, Setting.FORMAT, text, frontEnd);
  }

  /**
   * Rows a table waits for before it prints, to size its columns; later rows follow with the same
   * widths. A result is never held whole: a query may return more rows than memory holds.
   */
  static final int ROWS_TO_SIZE_COLUMNS = 1000;

  /** Writes every row as it is read; returns how many. */
  public long write(ResultSet rows, PrintStream out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= columns; i++) {
      names.add(meta.getColumnLabel(i));
    }
    RowWriter writer =
        switch (this) {
          case TABLE -> new TableWriter(names, out);
          case CSV -> new CsvWriter(names, out);
          case JSON -> new JsonWriter(names, meta, out);
        };
    long count = 0;
    while (rows.next()) {
      Object[] row = new Object[columns];
      for (int i = 1; i <= columns; i++) {
        row[i - 1] = rows.getObject(i);
      }
      writer.row(row);
      count++;
    }
    writer.end(count);
    out.flush();
    return count;
  }

  private interface RowWriter {
    void row(Object[] row) throws SQLException;

    void end(long count) throws SQLException;
  }

  private static final class TableWriter implements RowWriter {
    private final List<String> names;
    private final PrintStream out;
    private final List<Object[]> sizing = new ArrayList<>();
    private int[] widths;

    TableWriter(List<String> names, PrintStream out) {
      this.names = names;
      this.out = out;
    }

    @Override
    public void row(Object[] row) {
      if (widths != null) {
        print(row);
        return;
      }
      sizing.add(row);
      if (sizing.size() == ROWS_TO_SIZE_COLUMNS) {
        flushSizing();
      }
    }

    @Override
    public void end(long count) {
      if (widths == null) {
        flushSizing();
      }
      out.println("(" + count + (count == 1 ? " row)" : " rows)"));
    }

    private void flushSizing() {
      widths = new int[names.size()];
      for (int i = 0; i < names.size(); i++) {
        widths[i] = names.get(i).length();
        for (Object[] row : sizing) {
          widths[i] = Math.max(widths[i], text(row[i]).length());
        }
      }
      StringBuilder header = new StringBuilder();
      StringBuilder rule = new StringBuilder();
      for (int i = 0; i < names.size(); i++) {
        header.append(i == 0 ? "" : " | ").append(pad(names.get(i), widths[i]));
        rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
      }
      out.println(header.toString().stripTrailing());
      out.println(rule);
      sizing.forEach(this::print);
      sizing.clear();
    }

    private void print(Object[] row) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = text(row[i]);
        int gap = Math.max(0, widths[i] - cell.length());
        boolean number = row[i] instanceof Number;
        line.append(i == 0 ? "" : " | ")
            .append(number ? " ".repeat(gap) + cell : cell + " ".repeat(gap));
      }
      out.println(line.toString().stripTrailing());
    }
  }

  private static final class CsvWriter implements RowWriter {
    private final PrintStream out;

    CsvWriter(List<String> names, PrintStream out) {
      this.out = out;
      out.println(String.join(",", names.stream().map(ResultFormat::csvCell).toList()));
    }

    @Override
    public void row(Object[] row) {
      List<String> cells = new ArrayList<>();
      for (Object value : row) {
        cells.add(value == null ? "" : csvCell(text(value)));
      }
      out.println(String.join(",", cells));
    }

    @Override
    public void end(long count) {}
  }

  /** Holds one row back, as the last row of the array is the one without a comma. */
  private static final class JsonWriter implements RowWriter {
    private final List<String> names;
    private final ResultSetMetaData meta;
    private final PrintStream out;
    private String pending;

    JsonWriter(List<String> names, ResultSetMetaData meta, PrintStream out) {
      this.names = names;
      this.meta = meta;
      this.out = out;
      out.println("[");
    }

    @Override
    public void row(Object[] row) throws SQLException {
      if (pending != null) {
        out.println(pending + ",");
      }
      StringBuilder line = new StringBuilder("  {");
      for (int i = 0; i < names.size(); i++) {
        Object value = row[i];
        line.append(i == 0 ? "" : ", ").append(Json.string(names.get(i))).append(": ");
        int type = meta.getColumnType(i + 1);
        if (value == null) {
          line.append("null");
        } else if (value instanceof Number number && isFinite(number) && type != Types.DECIMAL) {
          line.append(text(number));
        } else if (value instanceof Boolean bool) {
          line.append(bool);
        } else {
          line.append(Json.string(text(value)));
        }
      }
      pending = line.append("}").toString();
    }

    @Override
    public void end(long count) {
      if (pending != null) {
        out.println(pending);
      }
      out.println("]");
    }
  }

  private static boolean isFinite(Number number) {
    return !(number instanceof Double d && !Double.isFinite(d))
        && !(number instanceof Float f && !Float.isFinite(f));
  }

  private static String text(Object value) {
    if (value instanceof Double || value instanceof Float) {
      return floating(((Number) value).doubleValue());
    }
    return value == null ? "NULL" : value.toString();
  }

  /**
   * A floating-point number as DuckDB prints it: {@code 1552500000.0} and {@code 0.1}, not Java's
   * {@code 1.5525E9}; {@code 1e+20} and {@code 1e-05} beyond the range a plain form reads well in.
   */
  static String floating(double value) {
    if (!Double.isFinite(value)) {
      return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
    }
    double magnitude = Math.abs(value);
    if (value == 0 || (magnitude >= 1e-4 && magnitude < 1e15)) {
      String plain = java.math.BigDecimal.valueOf(value).toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String java = Double.toString(value); // d.dddE±n, the shortest that reads back
    int e = java.indexOf('E');
    String mantissa = java.substring(0, e);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    int exponent = Integer.parseInt(java.substring(e + 1));
    return mantissa
        + (exponent < 0 ? "e-" : "e+")
        + (Math.abs(exponent) < 10 ? "0" : "")
        + Math.abs(exponent);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }

  private static String csvCell(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }
}
