package dev.alcove.core.json;

import java.util.Collection;
import java.util.Map;

/**
 * Writes plain values as JSON: maps (in their order), collections, strings, numbers, booleans and
 * null. Enough for the documents alcove prints for scripts; it reads none.
 */
public final class Json {

  private Json() {}

  /** The value as an indented JSON document, two spaces per level. */
  public static String write(Object value) {
    StringBuilder json = new StringBuilder();
    write(value, json, "");
    return json.toString();
  }

  private static void write(Object value, StringBuilder json, String indent) {
    if (value == null) {
      json.append("null");
    } else if (value instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        json.append("{}");
        return;
      }
      String inner = indent + "  ";
      json.append("{\n");
      int i = 0;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        json.append(inner).append(string(String.valueOf(entry.getKey()))).append(": ");
        write(entry.getValue(), json, inner);
        json.append(++i < map.size() ? ",\n" : "\n");
      }
      json.append(indent).append('}');
    } else if (value instanceof Collection<?> items) {
      if (items.isEmpty()) {
        json.append("[]");
        return;
      }
      String inner = indent + "  ";
      json.append("[\n");
      int i = 0;
      for (Object item : items) {
        json.append(inner);
        write(item, json, inner);
        json.append(++i < items.size() ? ",\n" : "\n");
      }
      json.append(indent).append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      json.append(value);
    } else {
      json.append(string(value.toString()));
    }
  }

  /** A JSON string literal: quotes, backslashes and control characters escaped. */
  public static String string(String text) {
    if (!needsEscapes(text)) {
      // Most strings (URIs, paths, checksums) have nothing to escape: run results list thousands.
      return "\"" + text + "\"";
    }
    StringBuilder json = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
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

  private static boolean needsEscapes(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20) {
        return true;
      }
    }
    return false;
  }
}
