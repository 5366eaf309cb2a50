package dev.alcove.core.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * How alcove and its Spark worker process talk: one line per message, its fields separated by tabs,
 * a tab, a line break or a backslash in a field escaped. Both sides use this class.
 */
public final class WireFormat {

  private WireFormat() {}

  public static String encode(List<String> fields) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      if (i > 0) {
        line.append('\t');
      }
      String field = fields.get(i);
      if (field == null) {
        line.append("\\0");
        continue;
      }
      for (char c : field.toCharArray()) {
        switch (c) {
          case '\\' -> line.append("\\\\");
          case '\t' -> line.append("\\t");
          case '\n' -> line.append("\\n");
          case '\r' -> line.append("\\r");
          default -> line.append(c);
        }
      }
    }
    return line.toString();
  }

  public static List<String> decode(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean isNull = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(isNull ? null : field.toString());
        field.setLength(0);
        isNull = false;
      } else if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        switch (next) {
          case 't' -> field.append('\t');
          case 'n' -> field.append('\n');
          case 'r' -> field.append('\r');
          case '0' -> isNull = true;
          default -> field.append(next);
        }
      } else {
        field.append(c);
      }
    }
    fields.add(isNull ? null : field.toString());
    return fields;
  }
}
