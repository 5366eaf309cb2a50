package dev.alcove.core.dataset;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.io.StateFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * {@code target/alcove/fetched.tsv}: for each source URL, the validators its server gave (ETag,
 * Last-Modified) and the checksum of the bytes they stand for, so that a refresh of an unchanged
 * source asks with a conditional request and transfers nothing. Losing it costs one download.
 */
final class FetchState {

  static final String FILE_NAME = "fetched.tsv";
  private static final String HEADER =
      "# alcove fetched sources v1: url, etag, last-modified, sha256";

  /** What a server said of a source's bytes, and their checksum. */
  record Seen(String etag, String lastModified, Checksum checksum) {}

  private final Path file;
  private final Map<String, Seen> seen = new ConcurrentSkipListMap<>();
  private boolean changed;

  private FetchState(Path file) {
    this.file = file;
  }

  static FetchState load(Path buildDir) {
    FetchState state = new FetchState(buildDir.resolve(FILE_NAME));
    state.seen.putAll(
        StateFile.<String, Seen>read(
            state.file,
            4,
            (parts, entries) -> {
              if (Checksum.isValid(parts[3])) {
                entries.put(
                    parts[0], new Seen(unset(parts[1]), unset(parts[2]), Checksum.of(parts[3])));
              }
            }));
    return state;
  }

  private static String unset(String value) {
    return value.equals("-") ? "" : value;
  }

  Optional<Seen> get(String url) {
    return Optional.ofNullable(seen.get(url));
  }

  void put(String url, Seen value) {
    changed |= !value.equals(seen.put(url, value));
  }

  /** Writes the file, if anything changed since it was read. */
  void save() {
    if (!changed) {
      return;
    }
    List<String> rows = new ArrayList<>();
    seen.forEach(
        (url, value) ->
            rows.add(
                url
                    + "\t"
                    + (value.etag().isEmpty() ? "-" : value.etag().replace('\t', ' '))
                    + "\t"
                    + (value.lastModified().isEmpty() ? "-" : value.lastModified())
                    + "\t"
                    + value.checksum().hex()));
    StateFile.write(file, HEADER, rows);
  }
}
