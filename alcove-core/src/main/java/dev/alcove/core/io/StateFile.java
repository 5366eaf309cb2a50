package dev.alcove.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * A file of build state under {@code target/alcove/}: a {@code #} header line, then one row of
 * tab-separated fields per line. Such a file only saves work, so one that cannot be read is treated
 * as absent rather than as an error.
 */
public final class StateFile {
  private StateFile() {}

  /**
   * Feeds every row of exactly {@code fields} fields to {@code row}, skipping comments and blank
   * lines; a missing file has no rows. Returns false when the file cannot be read or {@code row}
   * refuses a row by throwing: the caller then forgets what it was fed.
   */
  public static boolean read(Path file, int fields, Consumer<String[]> row) {
    if (!Files.isRegularFile(file)) {
      return true;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t");
        if (!line.startsWith("#") && !line.isBlank() && parts.length == fields) {
          row.accept(parts);
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Writes {@code header} and {@code rows} atomically. */
  public static void write(Path file, String header, List<String> rows) {
    StringBuilder text = new StringBuilder(header).append('\n');
    rows.forEach(row -> text.append(row).append('\n'));
    AtomicFiles.writeString(file, text.toString());
  }
}
