package dev.alcove.core.catalogue;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.io.StateFile;
import dev.alcove.core.uri.StepUri;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The catalogue of {@code alcove.yaml} as it was last parsed, kept with the SHA-256 of the file's
 * bytes in {@code target/alcove/}: composing a YAML catalogue of thousands of steps was a tenth of
 * a run with nothing to do over them, and the file rarely changes between runs. Kept by a run, as
 * the stat cache is (a dry run changes nothing); used by any goal, only for the same bytes; losing
 * it costs only time.
 */
public final class KeptCatalogue {

  public static final String FILE_NAME = "parsed-catalogue.tsv";
  private static final String HEADER =
      "# alcove parsed catalogue v1: kind, then its fields (sha256 and row count, data_dir, dataset,"
          + " step)";
  private static final String NONE = "-";

  private KeptCatalogue() {}

  /** The catalogue kept in {@code buildDir} for exactly these {@code alcove.yaml} bytes, if any. */
  public static Optional<Catalogue> read(Path buildDir, byte[] bytes) {
    return read(buildDir.resolve(FILE_NAME), Sha256.ofBytes(bytes));
  }

  /**
   * Keeps {@code catalogue}, parsed from {@code bytes}, in {@code buildDir}, unless a value could
   * not be read back; a failure only costs time.
   */
  public static void keep(Path buildDir, byte[] bytes, Catalogue catalogue) {
    write(buildDir.resolve(FILE_NAME), Sha256.ofBytes(bytes), catalogue);
  }

  private static Optional<Catalogue> read(Path file, Checksum checksum) {
    Map<String, String[]> rows =
        StateFile.read(
            file,
            4,
            (parts, entries) -> entries.put(String.join("\t", parts[0], parts[1], parts[2]), parts),
            new LinkedHashMap<String, String[]>());
    String[] first = rows.isEmpty() ? null : rows.values().iterator().next();
    if (first == null || !first[0].equals("sha256") || !first[1].equals(checksum.hex())) {
      return Optional.empty();
    }
    try {
      if (Integer.parseInt(first[2]) != rows.size()) {
        // A row that could not be read is a step or a field missing: never believed.
        return Optional.empty();
      }
      String dataDir = null;
      TreeMap<StepUri, List<StepUri>> steps = new TreeMap<>();
      Map<String, Map<String, String>> datasets = new LinkedHashMap<>();
      for (String[] row : rows.values()) {
        switch (row[0]) {
          case "sha256" -> {}
          case "data_dir" -> dataDir = row[1];
          case "dataset" ->
              datasets.computeIfAbsent(row[1], name -> new LinkedHashMap<>()).put(row[2], row[3]);
          case "step" -> steps.put(StepUri.parse(row[1]), dependencies(row[2]));
          default -> {
            return Optional.empty();
          }
        }
      }
      return dataDir == null
          ? Optional.empty()
          : Optional.of(new Catalogue(dataDir, steps, datasets));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static List<StepUri> dependencies(String field) {
    List<StepUri> dependencies = new ArrayList<>();
    if (!field.isEmpty()) {
      for (String uri : field.split(" ", -1)) {
        dependencies.add(StepUri.parse(uri));
      }
    }
    return dependencies;
  }

  private static void write(Path file, Checksum checksum, Catalogue catalogue) {
    List<String[]> rows = new ArrayList<>();
    String[] header = {"sha256", checksum.hex(), NONE, NONE};
    rows.add(header);
    rows.add(new String[] {"data_dir", catalogue.dataDir(), NONE, NONE});
    for (Map.Entry<String, Map<String, String>> dataset : catalogue.datasets().entrySet()) {
      if (dataset.getValue().isEmpty()) {
        return;
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
    header[2] = String.valueOf(rows.size());
    List<String> lines = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      for (String field : row) {
        if (field.indexOf('\t') >= 0 || field.indexOf('\n') >= 0 || field.indexOf('\r') >= 0) {
          return;
        }
      }
      lines.add(String.join("\t", row));
    }
    try {
      StateFile.write(file, HEADER, lines);
    } catch (UncheckedIOException e) {
      // An optimisation only: the next run parses alcove.yaml again.
    }
  }
}
