package dev.alcove.core.metadata;

import dev.alcove.core.checksum.Checksum;
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
  // Hashed, not sorted, until it is written: a no-op run over 5,000 tables looks each one up.
  private final Map<StepUri, Entry> entries = new java.util.concurrent.ConcurrentHashMap<>();
  private final boolean legacy;
  private volatile boolean changed;

  private BuildManifest(Path file, boolean legacy) {
    this.file = file;
    this.legacy = legacy;
  }

  public static BuildManifest load(Path buildDir) {
    Path file = buildDir.resolve(FILE_NAME);
    BuildManifest manifest = new BuildManifest(file, startsWith(file, LEGACY_HEADER));
    if (manifest.legacy) {
      return manifest;
    }
    manifest.entries.putAll(
        StateFile.<StepUri, Entry>read(
            file,
            4,
            (parts, entries) -> {
              if (Checksum.isValid(parts[1]) && Checksum.isValid(parts[2])) {
                entries.put(
                    StepUri.parse(parts[0]),
                    new Entry(Checksum.of(parts[1]), Checksum.of(parts[2]), parts[3]));
              }
            }));
    return manifest;
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
    return Optional.ofNullable(entries.get(uri));
  }

  public void put(StepUri uri, Entry entry) {
    if (!entry.equals(entries.put(uri, entry))) {
      changed = true;
    }
  }

  public void remove(StepUri uri) {
    if (entries.remove(uri) != null) {
      changed = true;
    }
  }

  /** Writes the manifest, if anything in it changed since it was read. */
  public void save() {
    if (!changed && !legacy) {
      return;
    }
    List<String> lines = new ArrayList<>();
    new java.util.TreeMap<>(entries)
        .forEach(
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
