package dev.alcove.core.tabledata;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.io.StateFile;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@code target/alcove/in-store.tsv}: the tables whose metadata is here and whose Parquet file was
 * left in the store, with the checksum and size of that file. One line a table: {@code
 * uri<TAB>sha256<TAB>bytes}.
 *
 * <p>Build state only, and a hint that errs safely: a table it names whose file is here is local; a
 * table it lost is found missing and restored again. A run saves what it changed once, at its end;
 * a save re-reads the file first, so that two goals each change only their own lines.
 */
public final class TablesInStore {

  public static final String FILE_NAME = "in-store.tsv";
  private static final String HEADER = "# alcove tables in the store v1: step uri, sha256, bytes";

  /** A table's Parquet file as the store holds it. */
  public record Stored(Checksum output, long bytes) {}

  private final Path file;
  private final Map<StepUri, Stored> tables = new ConcurrentSkipListMap<>();

  /** What changed here since the last save: a table's new line, or empty for its line gone. */
  private final Map<StepUri, Optional<Stored>> changes = new java.util.LinkedHashMap<>();

  private TablesInStore(Path file) {
    this.file = file;
  }

  public static TablesInStore load(Path buildDir) {
    TablesInStore state = new TablesInStore(buildDir.resolve(FILE_NAME));
    state.tables.putAll(read(state.file));
    return state;
  }

  private static Map<StepUri, Stored> read(Path file) {
    return StateFile.<StepUri, Stored>read(
        file,
        3,
        (parts, rows) -> {
          if (Checksum.isValid(parts[1]) && parts[2].matches("[0-9]{1,18}")) {
            try {
              rows.put(
                  StepUri.parse(parts[0]),
                  new Stored(Checksum.of(parts[1]), Long.parseLong(parts[2])));
            } catch (RuntimeException e) {
              // A line no alcove wrote names no table: the table it meant is restored again.
            }
          }
        });
  }

  public Optional<Stored> get(StepUri uri) {
    return Optional.ofNullable(tables.get(uri));
  }

  /** Records that the table's file is in the store only, until {@link #save}. */
  public synchronized void put(StepUri uri, Stored stored) {
    tables.put(uri, stored);
    changes.put(uri, Optional.of(stored));
  }

  /** Records that the table's file is here (or gone), until {@link #save}. */
  public synchronized void remove(StepUri uri) {
    if (tables.remove(uri) != null) {
      changes.put(uri, Optional.empty());
    }
  }

  /**
   * Writes what changed since the last save over the file as it is now, changing only those tables'
   * lines: another goal may have written others. Unsaved, a change is lost safely (see the class
   * comment).
   */
  public synchronized void save() {
    if (changes.isEmpty()) {
      return;
    }
    Map<StepUri, Stored> current = new java.util.TreeMap<>(read(file));
    changes.forEach(
        (uri, stored) ->
            stored.ifPresentOrElse(s -> current.put(uri, s), () -> current.remove(uri)));
    List<String> lines = new ArrayList<>();
    current.forEach((table, s) -> lines.add(table + "\t" + s.output().hex() + "\t" + s.bytes()));
    StateFile.write(file, HEADER, lines);
    changes.clear();
  }
}
