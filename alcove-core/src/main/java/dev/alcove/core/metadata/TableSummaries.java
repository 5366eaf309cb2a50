package dev.alcove.core.metadata;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.io.StateFile;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What each table sidecar says that planning needs (its URI, its data's checksum, its input
 * manifest), remembered by the checksum of the sidecar's bytes: a run with nothing to do over 5,000
 * tables spent nearly half its time parsing their sidecars. The stat cache gives a sidecar's
 * checksum without reading it. Kept in {@code target/alcove/}; losing it costs only time.
 */
public final class TableSummaries {

  public static final String FILE_NAME = "table-summaries.tsv";
  private static final String HEADER =
      "# alcove table summaries v1: sidecar sha256, uri, data sha256, input manifest (path sha256"
          + " pairs, space separated)";

  /** Input paths written in a row; a sidecar naming any other is parsed on every run instead. */
  private static final Pattern ROW_PATH = Pattern.compile("[A-Za-z0-9._/+@=,-]+");

  /**
   * A table sidecar's description of its data and of what it was built from; its URI as written,
   * compared as text, so that loading thousands of summaries parses none.
   */
  public record Summary(String uri, Checksum checksum, Map<String, Checksum> inputManifest) {
    public Summary {
      inputManifest = java.util.Collections.unmodifiableMap(new TreeMap<>(inputManifest));
    }

    static Summary of(TableMetadata metadata) {
      return new Summary(metadata.uri().toString(), metadata.checksum(), metadata.inputManifest());
    }
  }

  private final Path file;
  private final Map<Checksum, Summary> summaries = new ConcurrentHashMap<>();

  /**
   * The sidecar checksum summarised last for each table: a table's sidecar changes with every
   * build, and only its latest bytes are worth keeping. Made when the first summary is added.
   */
  private Map<String, Checksum> latest;

  private volatile boolean changed;

  private TableSummaries(Path file) {
    this.file = file;
  }

  /** Summaries that are neither read nor kept: every sidecar is parsed. */
  public static TableSummaries none() {
    return new TableSummaries(null);
  }

  public static TableSummaries load(Path buildDir) {
    TableSummaries loaded = new TableSummaries(buildDir.resolve(FILE_NAME));
    StateFile.read(loaded.file, 4, TableSummaries::parse, loaded.summaries);
    return loaded;
  }

  private static void parse(String[] parts, Map<Checksum, Summary> summaries) {
    String[] inputs = parts[3].isEmpty() ? new String[0] : parts[3].split(" ", -1);
    if (inputs.length % 2 != 0) {
      throw new IllegalArgumentException("an input path without its checksum");
    }
    Map<String, Checksum> manifest = new TreeMap<>();
    for (int i = 0; i < inputs.length; i += 2) {
      manifest.put(inputs[i], Checksum.of(inputs[i + 1]));
    }
    summaries.put(Checksum.of(parts[0]), new Summary(parts[1], Checksum.of(parts[2]), manifest));
  }

  /**
   * What the sidecar {@code file} of {@code uri} says, or empty if there is none. Its bytes are
   * read and parsed only when their checksum, as {@code digester} knows it, was not summarised for
   * this URI; a sidecar that cannot be read or parsed throws as {@link TableMetadata#read} does.
   */
  public Optional<Summary> read(Path file, StepUri uri, FileDigester digester) {
    if (this.file != null && Files.isRegularFile(file)) {
      Summary known = summaries.get(digester.checksum(file));
      if (known != null && known.uri().equals(uri.toString())) {
        return Optional.of(known);
      }
    }
    byte[] bytes;
    try {
      bytes = YamlFiles.readBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    // Keyed by the bytes parsed, not by the checksum looked up: the file may change in between.
    Summary summary = Summary.of(TableMetadata.parse(bytes, file, uri));
    if (this.file != null && writable(summary)) {
      add(Sha256.ofBytes(bytes), summary);
    }
    return Optional.of(summary);
  }

  /** Adds a summary in place of the one kept for the same table. */
  private synchronized void add(Checksum sidecar, Summary summary) {
    if (latest == null) {
      latest = new java.util.HashMap<>();
      summaries.forEach((known, each) -> latest.put(each.uri(), known));
    }
    summaries.put(sidecar, summary);
    Checksum replaced = latest.put(summary.uri(), sidecar);
    if (replaced != null && !replaced.equals(sidecar)) {
      summaries.remove(replaced);
    }
    changed = true;
  }

  private static boolean writable(Summary summary) {
    return summary.inputManifest().keySet().stream()
        .allMatch(path -> ROW_PATH.matcher(path).matches());
  }

  /** Writes the summaries back if any was added; a failure here only costs time later. */
  public void save() {
    if (!changed) {
      return;
    }
    List<String> rows = new ArrayList<>();
    summaries.forEach((sidecar, summary) -> rows.add(row(sidecar, summary)));
    try {
      StateFile.write(file, HEADER, rows);
      changed = false;
    } catch (UncheckedIOException e) {
      // An optimisation only: the next run parses the sidecars again.
    }
  }

  private static String row(Checksum sidecar, Summary summary) {
    StringBuilder row =
        new StringBuilder(sidecar.hex())
            .append('\t')
            .append(summary.uri())
            .append('\t')
            .append(summary.checksum().hex())
            .append('\t');
    String separator = "";
    for (Map.Entry<String, Checksum> input : summary.inputManifest().entrySet()) {
      row.append(separator).append(input.getKey()).append(' ').append(input.getValue().hex());
      separator = " ";
    }
    return row.toString();
  }
}
