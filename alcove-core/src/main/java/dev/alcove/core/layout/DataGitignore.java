package dev.alcove.core.layout;

import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.IoErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code data/.gitignore}: keeps built tables and snapshot data out of git while their sidecars
 * stay in. Always lists {@code tables/}, plus each snapshot's data path relative to {@code data/}.
 *
 * <p>git reads the file as bytes, so any byte is legal in it (a Latin-1 name, say). Lines are kept
 * byte for byte: each is held as one {@code char} per byte, and entries alcove adds are UTF-8.
 */
public final class DataGitignore {

  public static final String TABLES_ENTRY = "tables/";

  /**
   * Copies being written ({@code .2024-07-26.csv.tmp-1a2b3c4d}): a snapshot killed half-way leaves
   * one, which git must not pick up before the next run clears it.
   */
  public static final String TEMPORARY_ENTRY = ".*" + AtomicFiles.TEMP_MARKER + "*";

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

  /** The entries the file does not list yet, reading it once. */
  public List<String> missing(List<String> entries) {
    return missing(rawLines(), entries);
  }

  /**
   * A folder's entry counts with or without its trailing slash: the Python tool writes {@code
   * snapshots/a/2024-07-26}, this plugin {@code snapshots/a/2024-07-26/}, and git ignores the
   * folder for both.
   */
  private static List<String> missing(List<String> rawLines, List<String> entries) {
    Set<String> listed = new HashSet<>();
    rawLines.forEach(line -> listed.add(line.strip()));
    return entries.stream()
        .distinct()
        .filter(
            entry ->
                !listed.contains(raw(entry))
                    && !(entry.endsWith("/")
                        && listed.contains(raw(entry.substring(0, entry.length() - 1)))))
        .toList();
  }

  /** Adds the entries that are missing, keeping every existing byte; true if the file changed. */
  public boolean ensure(List<String> entries) {
    List<String> lines = new ArrayList<>(rawLines());
    List<String> missing = missing(lines, entries);
    missing.forEach(entry -> lines.add(raw(entry)));
    boolean changed = !exists() || !missing.isEmpty();
    if (changed) {
      AtomicFiles.write(
          file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    }
    return changed;
  }

  /**
   * Removes the entries (a folder's with or without its trailing slash), keeping every other byte;
   * true if the file changed.
   */
  public boolean remove(List<String> entries) {
    Set<String> unwanted = new HashSet<>();
    for (String entry : entries) {
      unwanted.add(raw(entry));
      if (entry.endsWith("/")) {
        unwanted.add(raw(entry.substring(0, entry.length() - 1)));
      }
    }
    List<String> lines = new ArrayList<>(rawLines());
    if (!lines.removeIf(line -> unwanted.contains(line.strip()))) {
      return false;
    }
    AtomicFiles.write(
        file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.ISO_8859_1));
    return true;
  }

  /**
   * The lines that name snapshot data ({@code snapshots/...}) but none of {@code owned}: left by a
   * step taken out by hand, they would hide new files from git.
   */
  public List<String> unowned(Set<String> owned) {
    Set<String> known = new HashSet<>();
    for (String entry : owned) {
      known.add(raw(entry));
      known.add(raw(entry.replaceAll("/$", "")));
    }
    return rawLines().stream()
        .map(String::strip)
        .filter(line -> line.startsWith("snapshots/") && !known.contains(line))
        .map(line -> new String(line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8))
        .toList();
  }

  private List<String> rawLines() {
    if (!exists()) {
      return List.of();
    }
    try {
      return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).lines().toList();
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + file, e);
    }
  }

  /** An entry as the bytes it is written as, one char per byte. */
  private static String raw(String entry) {
    return new String(entry.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
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
