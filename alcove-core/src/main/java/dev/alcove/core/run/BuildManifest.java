package dev.alcove.core.run;

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
 * {@code target/alcove/manifest.tsv}: for each table built here, its Merkle key and the checksum of
 * the Parquet file that key produced. One line a step: {@code uri<TAB>key<TAB>output}.
 *
 * <p>It adds to the table's own metadata what that cannot hold: the versions of alcove and DuckDB
 * behind the key. Losing it (e.g. {@code mvn clean}) loses nothing: the table metadata alone then
 * decides, and the next build records the keys again.
 */
public final class BuildManifest {

  public static final String FILE_NAME = "manifest.tsv";
  private static final String HEADER =
      "# alcove build manifest v1: step uri, merkle key, output sha256";

  /** What the manifest holds for one step. */
  public record Entry(Checksum key, Checksum output) {}

  private final Path file;
  private final Map<StepUri, Entry> entries = new ConcurrentSkipListMap<>();

  private BuildManifest(Path file) {
    this.file = file;
  }

  public static BuildManifest load(Path buildDir) {
    BuildManifest manifest = new BuildManifest(buildDir.resolve(FILE_NAME));
    manifest.entries.putAll(
        StateFile.<StepUri, Entry>read(
            manifest.file,
            3,
            (parts, entries) -> {
              if (Checksum.isValid(parts[1]) && Checksum.isValid(parts[2])) {
                entries.put(
                    StepUri.parse(parts[0]),
                    new Entry(Checksum.of(parts[1]), Checksum.of(parts[2])));
              }
            }));
    return manifest;
  }

  public Optional<Entry> get(StepUri uri) {
    return Optional.ofNullable(entries.get(uri));
  }

  public void put(StepUri uri, Entry entry) {
    entries.put(uri, entry);
  }

  public void save() {
    List<String> lines = new ArrayList<>();
    entries.forEach(
        (uri, entry) -> lines.add(uri + "\t" + entry.key().hex() + "\t" + entry.output().hex()));
    StateFile.write(file, HEADER, lines);
  }
}
