package dev.alcove.core.duckdb;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits SQL text into statements at semicolons outside quotes and comments, remembering the line
 * each starts on, so an error can name the line of the step file it came from.
 */
public final class SqlScript {

  /**
   * One statement from its first line of code (comments before it are left out, so that line 1 of
   * the statement is {@code line} of the file), that 1-based line, and its code without comments
   * (what decides, e.g., whether it names {@code {output_file}}).
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
    int codeStart = 0;
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
      int quoteEnd = quotedEnd(text, i);
      if (quoteEnd > 0) {
        if (!hasCode) {
          startLine = line;
          hasCode = true;
          codeStart = current.length();
        }
        String quoted = text.substring(i, quoteEnd);
        line += count(quoted, '\n');
        current.append(quoted);
        code.append(quoted);
        i = quoteEnd;
        continue;
      }
      if (c == ';') {
        if (hasCode) {
          statements.add(
              new Statement(
                  current.substring(codeStart).strip(), startLine, code.toString().strip()));
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
        codeStart = current.length();
      }
      current.append(c);
      code.append(c);
      i++;
    }
    if (hasCode) {
      statements.add(
          new Statement(current.substring(codeStart).strip(), startLine, code.toString().strip()));
    }
    return statements;
  }

  /**
   * Where the quoted text that starts at {@code start} ends (a string, a quoted name, a
   * dollar-quoted or an escape string), or -1 when none starts there.
   */
  private static int quotedEnd(String text, int start) {
    char c = text.charAt(start);
    if (c == '$') {
      return dollarQuoteEnd(text, start);
    }
    if (c != '\'' && c != '"') {
      return -1;
    }
    boolean backslashEscapes = c == '\'' && isEscapeStringPrefix(text, start);
    int end = start + 1;
    while (end < text.length()) {
      if (backslashEscapes && text.charAt(end) == '\\') {
        end += 2;
        continue;
      }
      if (text.charAt(end) == c) {
        if (end + 1 < text.length() && text.charAt(end + 1) == c) {
          end += 2;
          continue;
        }
        break;
      }
      end++;
    }
    return Math.min(end + 1, text.length());
  }

  /**
   * Where a dollar-quoted string ({@code $$a;b$$}, {@code $tag$...$tag$}) starting at {@code start}
   * ends, or -1 when the {@code $} starts none (a parameter such as {@code $1}).
   */
  private static int dollarQuoteEnd(String text, int start) {
    int tagEnd = start + 1;
    while (tagEnd < text.length()
        && (Character.isLetter(text.charAt(tagEnd))
            || text.charAt(tagEnd) == '_'
            || (tagEnd > start + 1 && Character.isDigit(text.charAt(tagEnd))))) {
      tagEnd++;
    }
    if (tagEnd >= text.length() || text.charAt(tagEnd) != '$') {
      return -1;
    }
    if (start > 0 && Character.isLetterOrDigit(text.charAt(start - 1))) {
      return -1;
    }
    String tag = text.substring(start, tagEnd + 1);
    int close = text.indexOf(tag, tagEnd + 1);
    return close < 0 ? text.length() : close + tag.length();
  }

  /** {@code E'it\'s'}: a string in which a backslash escapes the next character. */
  private static boolean isEscapeStringPrefix(String text, int quote) {
    if (quote == 0 || Character.toUpperCase(text.charAt(quote - 1)) != 'E') {
      return false;
    }
    return quote == 1
        || !Character.isLetterOrDigit(text.charAt(quote - 2)) && text.charAt(quote - 2) != '_';
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
