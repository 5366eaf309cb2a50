package dev.alcove.core.store;

import dev.alcove.core.io.IoErrors;
import dev.alcove.core.log.AlcoveLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a {@code .env} file as python-dotenv does: {@code KEY=value} lines, optional {@code
 * export}, quotes, comments. A line it cannot read is skipped with a warning that gives its number
 * but never its text, which may hold a secret.
 */
public final class DotEnv {

  private static final Pattern LINE =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");

  private DotEnv() {}

  public static Map<String, String> read(Path file, AlcoveLog log) {
    if (!Files.isRegularFile(file)) {
      return Map.of();
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + file, e);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      Matcher matcher = LINE.matcher(line);
      if (!matcher.matches()) {
        log.warn(file + ":" + (i + 1) + ": not a KEY=value line, skipped");
        continue;
      }
      String value = value(matcher.group(2));
      if (value == null) {
        log.warn(file + ":" + (i + 1) + ": a quoted value that does not end, skipped");
        continue;
      }
      values.put(matcher.group(1), value);
    }
    return values;
  }

  /**
   * The value as python-dotenv reads it: inside single quotes as written (but {@code \'} and {@code
   * \\}), inside double quotes with backslash escapes, unquoted up to a {@code #} that follows a
   * space; text after a closing quote is a comment. Null when a quote does not close.
   */
  static String value(String raw) {
    if (raw.isEmpty() || (raw.charAt(0) != '"' && raw.charAt(0) != '\'')) {
      Matcher comment = TRAILING_COMMENT.matcher(raw);
      return (comment.find() ? raw.substring(0, comment.start()) : raw).strip();
    }
    char quote = raw.charAt(0);
    StringBuilder value = new StringBuilder();
    for (int i = 1; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == quote) {
        String rest = raw.substring(i + 1).strip();
        return rest.isEmpty() || rest.startsWith("#") ? value.toString() : null;
      }
      if (c == '\\' && i + 1 < raw.length()) {
        char next = raw.charAt(i + 1);
        String escaped = quote == '\'' ? singleQuoted(next) : doubleQuoted(next);
        if (escaped != null) {
          value.append(escaped);
          i++;
          continue;
        }
      }
      value.append(c);
    }
    return null;
  }

  private static String singleQuoted(char next) {
    return next == '\'' || next == '\\' ? String.valueOf(next) : null;
  }

  private static String doubleQuoted(char next) {
    return switch (next) {
      case 'n' -> "\n";
      case 't' -> "\t";
      case 'r' -> "\r";
      case '"', '\\', '\'' -> String.valueOf(next);
      default -> null;
    };
  }

  private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s#");
}
