package dev.alcove.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

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
    Map<K, V> entries = new HashMap<>();
    if (!Files.isRegularFile(file)) {
      return entries;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t");
        if (!line.startsWith("#") && !line.isBlank() && parts.length == fields) {
          row.accept(parts, entries);
        }
      }
      return entries;
    } catch (IOException | RuntimeException e) {
      return new HashMap<>();
    }
  }

  /** Writes {@code header} and {@code rows} atomically. */
  public static void write(Path file, String header, List<String> rows) {
    StringBuilder text = new StringBuilder(header).append('\n');
    rows.forEach(row -> text.append(row).append('\n'));
    AtomicFiles.writeString(file, text.toString());
  }
}
