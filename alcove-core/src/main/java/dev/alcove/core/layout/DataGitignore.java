package dev.alcove.core.layout;

import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code data/.gitignore}: keeps built tables and snapshot data out of git while their sidecars
 * stay in. Always lists {@code tables/}, plus each snapshot's data path relative to {@code data/}.
 */
public final class DataGitignore {

  public static final String TABLES_ENTRY = "tables/";

  private final Path file;

  public DataGitignore(AlcoveLayout layout) {
    this.file = layout.dataGitignore();
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.isRegularFile(file);
  }

  public List<String> lines() {
    if (!exists()) {
      return List.of();
    }
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + file, e);
    }
  }

  /** The entries the file does not list yet, reading it once. */
  public List<String> missing(List<String> entries) {
    return missing(lines(), entries);
  }

  private static List<String> missing(List<String> lines, List<String> entries) {
    java.util.Set<String> listed = new java.util.HashSet<>();
    lines.forEach(line -> listed.add(line.strip()));
    return entries.stream().distinct().filter(entry -> !listed.contains(entry)).toList();
  }

  /** Adds the entries that are missing, keeping every existing line; true if the file changed. */
  public boolean ensure(List<String> entries) {
    List<String> lines = new ArrayList<>(lines());
    List<String> missing = missing(lines, entries);
    lines.addAll(missing);
    boolean changed = !exists() || !missing.isEmpty();
    if (changed) {
      AtomicFiles.writeString(file, String.join("\n", lines) + "\n");
    }
    return changed;
  }

  /** The entry for a snapshot's data: {@code snapshots/a/2024-01-01.csv} or {@code .../}. */
  public static String snapshotEntry(AlcoveLayout layout, Path dataPath, boolean directory) {
    String relative =
        layout
            .dataDir()
            .relativize(dataPath.toAbsolutePath().normalize())
            .toString()
            .replace('\\', '/');
    return directory ? relative + "/" : relative;
  }
}
