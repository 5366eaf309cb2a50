package dev.alcove.core.metadata;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code target/alcove/history.tsv}: every output a table got here, built or restored, one line
 * each, oldest first: {@code uri<TAB>finished<TAB>sha256<TAB>rows<TAB>delta}. Build state only:
 * what {@code diff} takes a table's previous build from, and the catalogue its history. A line a
 * killed process left half-written is skipped.
 */
public final class TableHistory {

  public static final String FILE_NAME = "history.tsv";
  private static final String HEADER =
      "# alcove table history v1: step uri, finished, output sha256, rows, delta\n";

  /** One output a table got: when, which, its rows, and how it differed from the one before. */
  public record Build(StepUri table, String finished, Checksum output, long rows, String delta) {}

  private TableHistory() {}

  /** Adds a line; appends from the run's threads one at a time. */
  public static synchronized void append(Path buildDir, Build build) {
    Path file = buildDir.resolve(FILE_NAME);
    String line =
        String.join(
                "\t",
                build.table().toString(),
                build.finished(),
                build.output().hex(),
                String.valueOf(build.rows()),
                build.delta().replace('\t', ' ').replace('\n', ' '))
            + "\n";
    try {
      Files.createDirectories(buildDir);
      if (!Files.exists(file)) {
        Files.writeString(file, HEADER, StandardCharsets.UTF_8);
      }
      Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    } catch (IOException e) {
      // History is a convenience: a run does not fail for want of it.
    }
  }

  /** The outputs {@code table} got here, oldest first. */
  public static List<Build> of(Path buildDir, StepUri table) {
    List<Build> builds = new ArrayList<>();
    Path file = buildDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return builds;
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        String[] parts = line.split("\t", -1);
        if (line.startsWith("#")
            || parts.length != 5
            || !parts[0].equals(table.toString())
            || !Checksum.isValid(parts[2])
            || !parts[3].matches("[0-9]{1,18}")) {
          continue;
        }
        builds.add(
            new Build(table, parts[1], Checksum.of(parts[2]), Long.parseLong(parts[3]), parts[4]));
      }
    } catch (IOException | AlcoveException e) {
      return builds;
    }
    return builds;
  }
}
