package dev.alcove.core.duckdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons outside quotes and comments, remembering the line
 * each starts on, so an error can name the line of the step file it came from.
 */
public final class SqlScript {

  /**
   * One statement, the 1-based line of the file where its first non-blank text is, and its code
   * without comments (what decides, e.g., whether it names {@code {output_file}}).
   */
  public record Statement(String sql, int line, String code) {}

  private SqlScript() {}

  public static List<Statement> split(String text) {
    List<Statement> statements = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    StringBuilder code = new StringBuilder();
    int line = 1;
    int startLine = -1;
    boolean hasCode = false;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '-' && i + 1 < text.length() && text.charAt(i + 1) == '-') {
        int end = text.indexOf('\n', i);
        end = end < 0 ? text.length() : end;
        current.append(text, i, end);
        i = end;
        continue;
      }
      if (c == '/' && i + 1 < text.length() && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        end = end < 0 ? text.length() : end + 2;
        String comment = text.substring(i, end);
        line += count(comment, '\n');
        current.append(comment);
        i = end;
        continue;
      }
      if (c == '\'' || c == '"') {
        int end = i + 1;
        while (end < text.length()) {
          if (text.charAt(end) == c) {
            if (end + 1 < text.length() && text.charAt(end + 1) == c) {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        end = Math.min(end + 1, text.length());
        if (!hasCode) {
          startLine = line;
          hasCode = true;
        }
        String quoted = text.substring(i, end);
        line += count(quoted, '\n');
        current.append(quoted);
        code.append(quoted);
        i = end;
        continue;
      }
      if (c == ';') {
        if (hasCode) {
          statements.add(
              new Statement(current.toString().strip(), startLine, code.toString().strip()));
        }
        current.setLength(0);
        code.setLength(0);
        hasCode = false;
        i++;
        continue;
      }
      if (c == '\n') {
        line++;
      } else if (!Character.isWhitespace(c) && !hasCode) {
        startLine = line;
        hasCode = true;
      }
      current.append(c);
      code.append(c);
      i++;
    }
    if (hasCode) {
      statements.add(new Statement(current.toString().strip(), startLine, code.toString().strip()));
    }
    return statements;
  }

  private static int count(String text, char ch) {
    int n = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ch) {
        n++;
      }
    }
    return n;
  }
}
