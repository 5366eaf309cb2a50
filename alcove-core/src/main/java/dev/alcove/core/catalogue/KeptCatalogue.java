package dev.alcove.core.catalogue;

import dev.alcove.core.io.StateFile;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalogue of {@code alcove.yaml} as it was last parsed, kept in {@code target/alcove/} with
 * the bytes it was parsed from: composing a YAML catalogue of thousands of steps was a tenth of a
 * run with nothing to do over them, and the file rarely changes between runs. The bytes are
 * compared, not hashed: SHA-256 over a catalogue of 2,000 steps cost a JVM that has compiled
 * nothing yet 30-50 ms on every goal, a comparison 3 ms. Kept by a run, as the stat cache is (a dry
 * run changes nothing); used by any goal, only for the same bytes; losing it costs only time.
 */
public final class KeptCatalogue {

  public static final String FILE_NAME = "parsed-catalogue.tsv";
  private static final String HEADER =
      "# alcove parsed catalogue v2: the alcove.yaml it was parsed from (its length in bytes and the"
          + " row count, then its bytes), then one row per kind and its fields (data_dir, dataset,"
          + " step)";
  private static final String SOURCE = "source";
  private static final String NONE = "-";

  private KeptCatalogue() {}

  /** The catalogue kept in {@code buildDir} for exactly these {@code alcove.yaml} bytes, if any. */
  public static Optional<Catalogue> read(Path buildDir, byte[] bytes) {
    byte[] kept;
    try {
      kept = Files.readAllBytes(buildDir.resolve(FILE_NAME));
    } catch (IOException e) {
      return Optional.empty();
    }
    try {
      return rowsKeptFor(kept, bytes).flatMap(KeptCatalogue::catalogue);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Keeps {@code catalogue}, parsed from {@code bytes}, in {@code buildDir}, unless a value could
   * not be read back; a failure only costs time.
   */
  public static void keep(Path buildDir, byte[] bytes, Catalogue catalogue) {
    rows(catalogue)
        .ifPresent(
            rows -> {
              try {
                StateFile.write(
                    buildDir.resolve(FILE_NAME),
                    HEADER,
                    out -> {
                      out.write(
                          (SOURCE + "\t" + bytes.length + "\t" + rows.size() + "\n")
                              .getBytes(StandardCharsets.UTF_8));
                      out.write(bytes);
                      out.write('\n');
                    },
                    rows);
              } catch (UncheckedIOException e) {
                // An optimisation only: the next run parses alcove.yaml again.
              }
            });
  }

  /**
   * The rows of a kept file, when its header is this version's and the bytes it holds are {@code
   * bytes}, and the row count is the one written.
   */
  private static Optional<List<String[]>> rowsKeptFor(byte[] kept, byte[] bytes) {
    int headerEnd = indexOf(kept, 0);
    int sourceEnd = indexOf(kept, headerEnd + 1);
    if (sourceEnd < 0 || !new String(kept, 0, headerEnd, StandardCharsets.UTF_8).equals(HEADER)) {
      return Optional.empty();
    }
    String[] source =
        new String(kept, headerEnd + 1, sourceEnd - headerEnd - 1, StandardCharsets.UTF_8)
            .split("\t", -1);
    if (source.length != 3 || !source[0].equals(SOURCE)) {
      return Optional.empty();
    }
    int length = Integer.parseInt(source[1]);
    int from = sourceEnd + 1;
    int to = from + length;
    if (length != bytes.length
        || to >= kept.length
        || kept[to] != '\n'
        || !Arrays.equals(kept, from, to, bytes, 0, bytes.length)) {
      return Optional.empty();
    }
    List<String[]> rows = new ArrayList<>();
    StateFile.parse(
        new String(kept, to + 1, kept.length - to - 1, StandardCharsets.UTF_8), 4, rows::add);
    // A row that could not be cut into its fields would drop a step: never believed.
    return rows.size() == Integer.parseInt(source[2]) ? Optional.of(rows) : Optional.empty();
  }

  private static int indexOf(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static Optional<Catalogue> catalogue(List<String[]> rows) {
    String dataDir = null;
    TreeMap<StepUri, List<StepUri>> steps = new TreeMap<>();
    Map<String, Map<String, String>> datasets = new LinkedHashMap<>();
    // The same URI is written many times (every table reads the seed, the next one in a chain
    // reads the one before): each parsed once.
    Map<String, StepUri> uris = new HashMap<>();
    for (String[] row : rows) {
      switch (row[0]) {
        case "data_dir" -> dataDir = row[1];
        case "dataset" ->
            datasets.computeIfAbsent(row[1], name -> new LinkedHashMap<>()).put(row[2], row[3]);
        case "step" -> steps.put(uri(row[1], uris), dependencies(row[2], uris));
        default -> {
          return Optional.empty();
        }
      }
    }
    return dataDir == null
        ? Optional.empty()
        : Optional.of(new Catalogue(dataDir, steps, datasets));
  }

  private static StepUri uri(String text, Map<String, StepUri> parsed) {
    StepUri uri = parsed.get(text);
    if (uri == null) {
      uri = StepUri.parse(text);
      parsed.put(text, uri);
    }
    return uri;
  }

  private static List<StepUri> dependencies(String field, Map<String, StepUri> parsed) {
    List<StepUri> dependencies = new ArrayList<>();
    if (!field.isEmpty()) {
      for (String uri : field.split(" ", -1)) {
        dependencies.add(uri(uri, parsed));
      }
    }
    return dependencies;
  }

  /** The catalogue as rows, or empty when a value holds a tab or a line break a row cannot. */
  private static Optional<List<String>> rows(Catalogue catalogue) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"data_dir", catalogue.dataDir(), NONE, NONE});
    for (Map.Entry<String, Map<String, String>> dataset : catalogue.datasets().entrySet()) {
      if (dataset.getValue().isEmpty()) {
        return Optional.empty();
      }
      dataset
          .getValue()
          .forEach(
              (field, value) -> rows.add(new String[] {"dataset", dataset.getKey(), field, value}));
    }
    catalogue
        .steps()
        .forEach(
            (uri, deps) -> {
              StringBuilder field = new StringBuilder();
              for (StepUri dep : deps) {
                field.append(field.length() == 0 ? "" : " ").append(dep);
              }
              rows.add(new String[] {"step", uri.toString(), field.toString(), NONE});
            });
    List<String> lines = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      for (String field : row) {
        if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
          return Optional.empty();
        }
      }
      lines.add(String.join("\t", row));
    }
    return Optional.of(lines);
  }
}
