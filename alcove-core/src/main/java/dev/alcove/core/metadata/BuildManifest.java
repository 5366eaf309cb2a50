package dev.alcove.core.metadata;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.io.KeptRows;
import dev.alcove.core.io.StateFile;
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
  // By URI text; a row is cut only when looked up: a no-op run over 5,000 tables asks for each
  // once.
  private final KeptRows<Entry> entries;
  private final boolean legacy;

  private BuildManifest(Path file, KeptRows<Entry> entries, boolean legacy) {
    this.file = file;
    this.entries = entries;
    this.legacy = legacy;
  }

  public static BuildManifest load(Path buildDir) {
    Path file = buildDir.resolve(FILE_NAME);
    boolean legacy = startsWith(file, LEGACY_HEADER);
    return new BuildManifest(
        file,
        legacy
            ? KeptRows.none(4, BuildManifest::parse)
            : KeptRows.read(file, 4, BuildManifest::parse),
        legacy);
  }

  private static Entry parse(String[] parts) {
    return new Entry(Checksum.of(parts[1]), Checksum.of(parts[2]), parts[3]);
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
    return Optional.ofNullable(entries.get(uri.toString()));
  }

  public void put(StepUri uri, Entry entry) {
    if (!entry.equals(entries.get(uri.toString()))) {
      entries.put(uri.toString(), entry);
    }
  }

  public void remove(StepUri uri) {
    if (entries.get(uri.toString()) != null) {
      entries.remove(uri.toString());
    }
  }

  /** Writes the manifest, if anything in it changed since it was read. */
  public void save() {
    if (!entries.unsaved() && !legacy) {
      return;
    }
    // Sorted by URI; a row whose URI does not parse is dropped, as it was never looked up.
    Map<StepUri, Entry> sorted = new TreeMap<>();
    entries.forEach(
        (uri, entry) -> {
          try {
            sorted.put(StepUri.parse(uri), entry);
          } catch (RuntimeException notAUri) {
            // dropped
          }
        });
    List<String> lines = new ArrayList<>(sorted.size());
    sorted.forEach(
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
