package dev.alcove.core.db;

import dev.alcove.core.AlcoveException;
import java.io.PrintStream;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes a query result as aligned columns for a terminal, as CSV, or as JSON. */
public enum ResultFormat {
  TABLE,
  CSV,
  JSON;

  public static ResultFormat parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new AlcoveException("alcove.format=" + text + " is not one of table, csv, json");
    }
  }

  /** Writes every row; returns how many. */
  public long write(ResultSet rows, PrintStream out) throws SQLException {
    ResultSetMetaData meta = rows.getMetaData();
    int columns = meta.getColumnCount();
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= columns; i++) {
      names.add(meta.getColumnLabel(i));
    }
    List<Object[]> data = new ArrayList<>();
    while (rows.next()) {
      Object[] row = new Object[columns];
      for (int i = 1; i <= columns; i++) {
        row[i - 1] = rows.getObject(i);
      }
      data.add(row);
    }
    switch (this) {
      case TABLE -> writeTable(names, data, out);
      case CSV -> writeCsv(names, data, out);
      case JSON -> writeJson(names, data, meta, out);
    }
    out.flush();
    return data.size();
  }

  private static void writeTable(List<String> names, List<Object[]> data, PrintStream out) {
    int[] widths = new int[names.size()];
    for (int i = 0; i < names.size(); i++) {
      widths[i] = names.get(i).length();
      for (Object[] row : data) {
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
    for (Object[] row : data) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String cell = text(row[i]);
        boolean number = row[i] instanceof Number;
        line.append(i == 0 ? "" : " | ")
            .append(number ? " ".repeat(widths[i] - cell.length()) + cell : pad(cell, widths[i]));
      }
      out.println(line.toString().stripTrailing());
    }
    out.println("(" + data.size() + (data.size() == 1 ? " row)" : " rows)"));
  }

  private static void writeCsv(List<String> names, List<Object[]> data, PrintStream out) {
    out.println(String.join(",", names.stream().map(ResultFormat::csvCell).toList()));
    for (Object[] row : data) {
      List<String> cells = new ArrayList<>();
      for (Object value : row) {
        cells.add(value == null ? "" : csvCell(text(value)));
      }
      out.println(String.join(",", cells));
    }
  }

  private static void writeJson(
      List<String> names, List<Object[]> data, ResultSetMetaData meta, PrintStream out)
      throws SQLException {
    out.println("[");
    for (int r = 0; r < data.size(); r++) {
      StringBuilder line = new StringBuilder("  {");
      for (int i = 0; i < names.size(); i++) {
        Object value = data.get(r)[i];
        line.append(i == 0 ? "" : ", ").append(jsonString(names.get(i))).append(": ");
        int type = meta.getColumnType(i + 1);
        if (value == null) {
          line.append("null");
        } else if (value instanceof Number number && isFinite(number) && type != Types.DECIMAL) {
          line.append(number);
        } else if (value instanceof Boolean bool) {
          line.append(bool);
        } else {
          line.append(jsonString(text(value)));
        }
      }
      out.println(line.append(r == data.size() - 1 ? "}" : "},"));
    }
    out.println("]");
  }

  private static boolean isFinite(Number number) {
    return !(number instanceof Double d && !Double.isFinite(d))
        && !(number instanceof Float f && !Float.isFinite(f));
  }

  private static String text(Object value) {
    return value == null ? "NULL" : value.toString();
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(width - text.length());
  }

  private static String csvCell(String text) {
    if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
      return "\"" + text.replace("\"", "\"\"") + "\"";
    }
    return text;
  }

  static String jsonString(String text) {
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> json.append("\\\"");
        case '\\' -> json.append("\\\\");
        case '\n' -> json.append("\\n");
        case '\r' -> json.append("\\r");
        case '\t' -> json.append("\\t");
        default -> {
          if (c < 0x20) {
            json.append(String.format("\\u%04x", (int) c));
          } else {
            json.append(c);
          }
        }
      }
    }
    return json.append('"').toString();
  }
}
