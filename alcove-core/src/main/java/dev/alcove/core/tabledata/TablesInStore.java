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
 * table it lost is found missing and restored again. Writers re-read it first, so that two goals
 * each change only their own lines.
 */
public final class TablesInStore {

  public static final String FILE_NAME = "in-store.tsv";
  private static final String HEADER = "# alcove tables in the store v1: step uri, sha256, bytes";

  /** A table's Parquet file as the store holds it. */
  public record Stored(Checksum output, long bytes) {}

  private final Path file;
  private final Map<StepUri, Stored> tables = new ConcurrentSkipListMap<>();

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

  /** Records that the table's file is in the store only, and writes the state at once. */
  public synchronized void put(StepUri uri, Stored stored) {
    tables.put(uri, stored);
    update(uri, Optional.of(stored));
  }

  /** Records that the table's file is here (or gone), and writes the state at once. */
  public synchronized void remove(StepUri uri) {
    if (tables.remove(uri) != null) {
      update(uri, Optional.empty());
    }
  }

  /** Re-reads the file and changes only this table's line: another goal may have written others. */
  private void update(StepUri uri, Optional<Stored> stored) {
    Map<StepUri, Stored> current = new java.util.TreeMap<>(read(file));
    stored.ifPresentOrElse(s -> current.put(uri, s), () -> current.remove(uri));
    List<String> lines = new ArrayList<>();
    current.forEach((table, s) -> lines.add(table + "\t" + s.output().hex() + "\t" + s.bytes()));
    StateFile.write(file, HEADER, lines);
  }
}
