package dev.alcove.core.metadata;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.io.KeptRows;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlFiles;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
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
      inputManifest =
          java.util.Collections.unmodifiableMap(
              inputManifest instanceof ParsedManifest parsed
                  ? parsed
                  : new TreeMap<>(inputManifest));
    }

    static Summary of(TableMetadata metadata) {
      return new Summary(metadata.uri().toString(), metadata.checksum(), metadata.inputManifest());
    }
  }

  private final Path file;
  // By sidecar checksum; a row is cut only when that checksum is looked up.
  private final KeptRows<Summary> summaries;

  /**
   * The sidecar checksum summarised last for each table: a table's sidecar changes with every
   * build, and only its latest bytes are worth keeping. Made when the first summary is added.
   */
  private Map<String, String> latest;

  private TableSummaries(Path file, KeptRows<Summary> summaries) {
    this.file = file;
    this.summaries = summaries;
  }

  /** Summaries that are neither read nor kept: every sidecar is parsed. */
  public static TableSummaries none() {
    return new TableSummaries(null, KeptRows.none(4, TableSummaries::parse));
  }

  public static TableSummaries load(Path buildDir) {
    Path file = buildDir.resolve(FILE_NAME);
    return new TableSummaries(file, KeptRows.read(file, 4, TableSummaries::parse));
  }

  /** An input manifest this class parsed itself, and so need not copy. */
  private static final class ParsedManifest extends TreeMap<String, Checksum> {}

  /** Cut by hand: thousands of rows are cut in a run, in a JVM that has compiled nothing yet. */
  private static Summary parse(String[] parts) {
    ParsedManifest manifest = new ParsedManifest();
    String inputs = parts[3];
    int from = 0;
    while (from < inputs.length()) {
      int space = inputs.indexOf(' ', from);
      int next = inputs.indexOf(' ', space + 1);
      if (space < 0) {
        throw new IllegalArgumentException("an input path without its checksum");
      }
      int end = next < 0 ? inputs.length() : next;
      manifest.put(inputs.substring(from, space), Checksum.of(inputs.substring(space + 1, end)));
      from = end + 1;
    }
    return new Summary(parts[1], Checksum.of(parts[2]), manifest);
  }

  /**
   * What the sidecar {@code file} of {@code uri} says, or empty if there is none. Its bytes are
   * read and parsed only when their checksum, as {@code digester} knows it, was not summarised for
   * this URI; a sidecar that cannot be read or parsed throws as {@link TableMetadata#read} does.
   */
  public Optional<Summary> read(Path file, StepUri uri, FileDigester digester) {
    if (this.file != null && Files.isRegularFile(file)) {
      Summary known = summaries.get(digester.checksum(file).hex());
      if (known != null && known.uri().equals(uri.toString())) {
        return Optional.of(known);
      }
    }
    Optional<byte[]> read = YamlFiles.readBytesIfExists(file);
    if (read.isEmpty()) {
      return Optional.empty();
    }
    byte[] bytes = read.get();
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
      summaries.forEachKept((known, parts) -> latest.put(parts[1], known));
    }
    summaries.put(sidecar.hex(), summary);
    String replaced = latest.put(summary.uri(), sidecar.hex());
    if (replaced != null && !replaced.equals(sidecar.hex())) {
      summaries.remove(replaced);
    }
  }

  private static boolean writable(Summary summary) {
    return summary.inputManifest().keySet().stream()
        .allMatch(path -> ROW_PATH.matcher(path).matches());
  }

  /** Writes the summaries back if any was added; a failure here only costs time later. */
  public void save() {
    if (!summaries.unsaved()) {
      return;
    }
    try {
      summaries.save(file, HEADER, TableSummaries::row);
    } catch (UncheckedIOException e) {
      // An optimisation only: the next run parses the sidecars again.
    }
  }

  private static String row(String sidecar, Summary summary) {
    StringBuilder row =
        new StringBuilder(sidecar)
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
