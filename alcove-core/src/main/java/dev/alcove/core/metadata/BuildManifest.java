package dev.alcove.core.metadata;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.io.StateFile;
import dev.alcove.core.io.StateRows;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code target/alcove/manifest.tsv}: for each table built or restored here, its cache key, the
 * checksum of the Parquet file that key produced, and the engine that made it. One line a step:
 * {@code uri<TAB>key<TAB>output<TAB>engine}.
 *
 * <p>It adds to the table's own metadata what that cannot hold: the key, which decides whether the
 * table is up to date. Losing it (e.g. {@code mvn clean}) loses nothing: the table metadata alone
 * then decides, as the Python tool does, and the next run records the keys again. A manifest of the
 * first format (keys that held alcove's version and no content of upstream tables) is read as
 * {@link #legacy()}: every table it names is rebuilt once.
 */
public final class BuildManifest {

  public static final String FILE_NAME = "manifest.tsv";
  private static final String HEADER =
      "# alcove build manifest v2: step uri, cache key, output sha256, engine";
  private static final String LEGACY_HEADER = "# alcove build manifest v1";

  /** What the manifest holds for one step. */
  public record Entry(Checksum key, Checksum output, String engine) {}

  private final Path file;
  // Rows as read, cut only when looked up: a no-op run over 5,000 tables asks for each once.
  private final StateRows kept;
  // Entries put or removed by this run, by URI text.
  private final Map<String, Optional<Entry>> changes = new ConcurrentHashMap<>();
  private final boolean legacy;
  private volatile boolean changed;

  private BuildManifest(Path file, StateRows kept, boolean legacy) {
    this.file = file;
    this.kept = kept;
    this.legacy = legacy;
  }

  public static BuildManifest load(Path buildDir) {
    Path file = buildDir.resolve(FILE_NAME);
    boolean legacy = startsWith(file, LEGACY_HEADER);
    return new BuildManifest(file, legacy ? StateRows.none() : StateRows.read(file), legacy);
  }

  /** A row whose URI does not parse is dropped, as it was never looked up. */
  private static void add(String uri, Optional<Entry> entry, Map<StepUri, Entry> into) {
    if (entry.isPresent()) {
      try {
        into.put(StepUri.parse(uri), entry.get());
      } catch (RuntimeException notAUri) {
        // dropped
      }
    }
  }

  private static boolean startsWith(Path file, String header) {
    try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String first = reader.readLine();
      return first != null && first.startsWith(header);
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }

  /** Whether the build state was recorded by an alcove before cache keys: nothing in it counts. */
  public boolean legacy() {
    return legacy;
  }

  public Optional<Entry> get(StepUri uri) {
    return get(uri.toString());
  }

  private Optional<Entry> get(String uri) {
    Optional<Entry> changedEntry = changes.get(uri);
    if (changedEntry != null) {
      return changedEntry;
    }
    String[] parts = kept.get(uri, 4);
    return parts != null && Checksum.isValid(parts[1]) && Checksum.isValid(parts[2])
        ? Optional.of(new Entry(Checksum.of(parts[1]), Checksum.of(parts[2]), parts[3]))
        : Optional.empty();
  }

  public void put(StepUri uri, Entry entry) {
    if (!get(uri).equals(Optional.of(entry))) {
      changes.put(uri.toString(), Optional.of(entry));
      changed = true;
    }
  }

  public void remove(StepUri uri) {
    if (get(uri).isPresent()) {
      changes.put(uri.toString(), Optional.empty());
      changed = true;
    }
  }

  /** Writes the manifest, if anything in it changed since it was read. */
  public void save() {
    if (!changed && !legacy) {
      return;
    }
    Map<StepUri, Entry> entries = new TreeMap<>();
    kept.forEachLine((uri, line) -> add(uri, get(uri), entries));
    changes.forEach((uri, entry) -> add(uri, entry, entries));
    List<String> lines = new ArrayList<>(entries.size());
    entries.forEach(
        (uri, entry) ->
            lines.add(
                uri
                    + "\t"
                    + entry.key().hex()
                    + "\t"
                    + entry.output().hex()
                    + "\t"
                    + entry.engine().replace('\t', ' ').replace('\n', ' ')));
    StateFile.write(file, HEADER, lines);
  }
}
