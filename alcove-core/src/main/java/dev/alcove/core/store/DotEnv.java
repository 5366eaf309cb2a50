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
      values.put(matcher.group(1), unquote(matcher.group(2)));
    }
    return values;
  }

  private static String unquote(String value) {
    if (value.length() >= 2
        && (value.charAt(0) == '"' || value.charAt(0) == '\'')
        && value.charAt(value.length() - 1) == value.charAt(0)) {
      return value.substring(1, value.length() - 1);
    }
    int comment = value.indexOf(" #");
    return comment >= 0 ? value.substring(0, comment).strip() : value;
  }
}
