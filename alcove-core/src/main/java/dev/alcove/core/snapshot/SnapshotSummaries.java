package dev.alcove.core.snapshot;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.io.StateFile;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each snapshot sidecar says about its data, remembered by the checksum of the sidecar's
 * bytes, so that checking an unchanged alcove does not parse its sidecars again: the sidecar of a
 * folder snapshot lists every file, and parsing a 1,000-file one was half of a run with nothing to
 * do. The stat cache gives a sidecar's checksum without reading it. Kept in {@code target/alcove/};
 * losing it costs only time.
 */
public final class SnapshotSummaries {

  public static final String FILE_NAME = "snapshot-summaries.tsv";
  private static final String HEADER =
      "# alcove snapshot summaries v1: sidecar sha256, snapshot type, data sha256, extension";

  /** A sidecar's description of its data: enough to check the data, not to restore it. */
  public record Summary(SnapshotType type, Checksum checksum, String extension) {
    static Summary of(SnapshotMetadata metadata) {
      return new Summary(metadata.type(), metadata.checksum(), metadata.extension().orElse(""));
    }
  }

  private final Path file;
  private final ParsedSidecars parsed;
  private final Map<Checksum, Summary> summaries = new ConcurrentHashMap<>();
  private volatile boolean changed;

  private SnapshotSummaries(Path file, ParsedSidecars parsed) {
    this.file = file;
    this.parsed = parsed;
  }

  /** Summaries that are neither read nor kept: every sidecar is parsed. */
  public static SnapshotSummaries none() {
    return new SnapshotSummaries(null, ParsedSidecars.none());
  }

  public static SnapshotSummaries load(Path buildDir) {
    SnapshotSummaries loaded =
        new SnapshotSummaries(buildDir.resolve(FILE_NAME), ParsedSidecars.in(buildDir));
    StateFile.read(loaded.file, 4, SnapshotSummaries::parse, loaded.summaries);
    return loaded;
  }

  private static void parse(String[] parts, Map<Checksum, Summary> summaries) {
    Optional<SnapshotType> type = SnapshotType.fromLabel(parts[1]);
    if (Checksum.isValid(parts[0]) && type.isPresent() && Checksum.isValid(parts[2])) {
      String extension = "-".equals(parts[3]) ? "" : parts[3];
      summaries.put(
          Checksum.of(parts[0]), new Summary(type.get(), Checksum.of(parts[2]), extension));
    }
  }

  /** Large folder sidecars, kept parsed beside the summaries. */
  ParsedSidecars parsed() {
    return parsed;
  }

  Optional<Summary> get(Checksum sidecar) {
    return file == null ? Optional.empty() : Optional.ofNullable(summaries.get(sidecar));
  }

  void put(Checksum sidecar, SnapshotMetadata metadata) {
    if (file != null && summaries.put(sidecar, Summary.of(metadata)) == null) {
      changed = true;
    }
  }

  /** Writes the summaries back if any was added; a failure here only costs time later. */
  public void save() {
    if (!changed) {
      return;
    }
    List<String> rows = new ArrayList<>();
    summaries.forEach(
        (sidecar, summary) ->
            rows.add(
                sidecar.hex()
                    + "\t"
                    + summary.type().label()
                    + "\t"
                    + summary.checksum().hex()
                    + "\t"
                    + (summary.extension().isEmpty() ? "-" : summary.extension())));
    try {
      StateFile.write(file, HEADER, rows);
      changed = false;
    } catch (UncheckedIOException e) {
      // An optimisation only: the next run parses the sidecars again.
    }
  }
}
