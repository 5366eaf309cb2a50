package dev.alcove.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * A file of build state under {@code target/alcove/}: a {@code #} header line, then one row of
 * tab-separated fields per line. Such a file only saves work, so one that cannot be read is treated
 * as absent rather than as an error.
 */
public final class StateFile {
  private StateFile() {}

  /**
   * The entries that {@code row} puts into a map from each row of exactly {@code fields} fields,
   * skipping comments and blank lines. All or nothing: a missing file, one that cannot be read, or
   * a row that {@code row} refuses by throwing gives an empty map.
   */
  public static <K, V> Map<K, V> read(Path file, int fields, BiConsumer<String[], Map<K, V>> row) {
    return read(file, fields, row, new HashMap<>());
  }

  /**
   * As above, into {@code entries}, which is left empty if the file cannot be read whole. Rows are
   * cut by hand, not by {@link String#split}: a stat cache of 100,000 files is read by a JVM that
   * has compiled nothing yet, on every build.
   */
  public static <K, V, M extends Map<K, V>> M read(
      Path file, int fields, BiConsumer<String[], Map<K, V>> row, M entries) {
    if (!Files.isRegularFile(file)) {
      return entries;
    }
    try {
      parse(
          Files.readString(file, StandardCharsets.UTF_8),
          fields,
          parts -> row.accept(parts, entries));
      return entries;
    } catch (IOException | RuntimeException e) {
      entries.clear();
      return entries;
    }
  }

  /**
   * Gives {@code row} each row of {@code text}, a state file's content, cut into exactly {@code
   * fields} fields, skipping {@code #} lines, blank lines and rows of another field count.
   */
  public static void parse(String text, int fields, Consumer<String[]> row) {
    int start = 0;
    while (start < text.length()) {
      int end = text.indexOf('\n', start);
      if (end < 0) {
        end = text.length();
      }
      if (end > start && text.charAt(start) != '#') {
        String[] parts = fieldsOf(text, start, end, fields);
        if (parts != null) {
          row.accept(parts);
        }
      }
      start = end + 1;
    }
  }

  /**
   * The {@code fields} tab-separated fields of text[start, end), or null if it has another count.
   */
  static String[] fieldsOf(String text, int start, int end, int fields) {
    String[] parts = new String[fields];
    int from = start;
    for (int i = 0; i < fields - 1; i++) {
      int tab = text.indexOf('\t', from);
      if (tab < 0 || tab >= end) {
        return null;
      }
      parts[i] = text.substring(from, tab);
      from = tab + 1;
    }
    int extra = text.indexOf('\t', from);
    if (extra >= 0 && extra < end) {
      return null;
    }
    parts[fields - 1] = text.substring(from, end);
    return parts;
  }

  /**
   * Writes {@code header} and {@code rows} atomically; not flushed, as such a file only saves work.
   */
  public static void write(Path file, String header, List<String> rows) {
    write(file, header, out -> {}, rows);
  }

  /**
   * As above, with what {@code beforeRows} writes between the header line and the rows: a file that
   * keeps what it was made from beside what it says of it.
   */
  public static void write(
      Path file, String header, AtomicFiles.Content beforeRows, List<String> rows) {
    AtomicFiles.writeWithoutFlush(
        file,
        out -> {
          out.write(header.getBytes(StandardCharsets.UTF_8));
          out.write('\n');
          beforeRows.writeTo(out);
          // Row by row, encoded by String's own fast path: a Writer encoding 100,000 rows cost a
          // cold JVM more than building one string of them.
          for (String row : rows) {
            out.write(row.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
          }
        });
  }
}
