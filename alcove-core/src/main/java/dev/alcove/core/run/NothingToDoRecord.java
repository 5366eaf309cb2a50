package dev.alcove.core.run;

import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.checksum.FileStat;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.io.AlcoveLock;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.StateFile;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.TableHistory;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * What a run that found nothing to do looked at, in {@code target/alcove/nothing-to-do.tsv}: the
 * question it answered (the alcove's version and the run's options), the steps it planned, and the
 * stat of every file and folder its plan read or looked for, as git's index and ninja's log keep
 * them. A run that asks the same question, and finds every one of them as it was, has nothing to do
 * either and need not plan again: a no-op over 5,000 steps spent most of its time planning them.
 *
 * <p>Folders are there so that a file added or removed beside the ones read (a second definition, a
 * new config, a deleted output) is seen; a file changed in place changes its own stat. A file
 * changed later than {@link FileStat#RACY_WINDOW_NANOS} before the plan began may have changed
 * after the plan read it, or could change again unseen, so no record is kept then. Losing the file
 * costs one plan.
 */
final class NothingToDoRecord {

  static final String FILE_NAME = "nothing-to-do.tsv";
  private static final String HEADER =
      "# alcove nothing-to-do record v2: question, steps, then path and stat (or absent)";
  private static final String ABSENT = "absent";
  private static final String ABSENT_FIELD = "\t" + ABSENT;

  private NothingToDoRecord() {}

  /** The steps of the recorded plan, if the record answers {@code question} and still holds. */
  static Optional<List<StepUri>> stillHolds(Path buildDir, String question, ThreadBudget threads) {
    Path file = buildDir.resolve(FILE_NAME);
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    if (lines.size() < 3
        || !lines.get(0).equals(HEADER)
        || !lines.get(1).equals("question\t" + oneLine(question))
        || !lines.get(2).startsWith("steps\t")) {
      return Optional.empty();
    }
    List<StepUri> steps = new ArrayList<>();
    try {
      // Tens of thousands of stats, in slices on every thread there is.
      List<List<String>> slices = new ArrayList<>();
      for (int from = 3; from < lines.size(); from += SLICE) {
        slices.add(lines.subList(from, Math.min(lines.size(), from + SLICE)));
      }
      // One change is enough to plan again: the other slices stop looking once it is found.
      AtomicBoolean changed = new AtomicBoolean();
      Parallel.forEach(
          slices,
          threads,
          threads.size(),
          slice -> {
            if (!changed.get() && !unchanged(slice)) {
              changed.set(true);
            }
          });
      if (changed.get()) {
        return Optional.empty();
      }
      for (String uri : lines.get(2).substring("steps\t".length()).split(" ")) {
        if (!uri.isEmpty()) {
          steps.add(StepUri.parse(uri));
        }
      }
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // a path that cannot be looked at, or a damaged row: plan again
    }
    return Optional.of(steps);
  }

  private static final int SLICE = 512;

  private static boolean unchanged(List<String> rows) {
    for (String row : rows) {
      int tab = row.indexOf('\t');
      if (tab < 0) {
        return false;
      }
      Optional<FileStat> now = FileStat.ifPresent(Path.of(row.substring(0, tab)));
      boolean same =
          row.endsWith(ABSENT_FIELD)
              ? now.isEmpty()
              : now.isPresent() && now.get().isIn(row, tab + 1);
      if (!same) {
        return false;
      }
    }
    return true;
  }

  /**
   * Keeps the record of a run with nothing to do, whose plan began at {@code plannedSince} (epoch
   * ms), unless something it looked at changed too close to that to be trusted by its stat (while
   * the plan was being made, the stat taken now could be of what the plan did not see), or a path
   * cannot be written in a row.
   */
  static void keep(
      Path buildDir,
      String question,
      List<StepUri> steps,
      Collection<Path> looked,
      long plannedSince) {
    List<String> rows = new ArrayList<>();
    rows.add("question\t" + oneLine(question));
    StringBuilder planned = new StringBuilder("steps\t");
    for (StepUri step : steps) {
      planned.append(step).append(' ');
    }
    rows.add(planned.toString());
    for (Path path : new TreeSet<>(looked)) {
      String text = path.toString();
      Optional<FileStat> stat = FileStat.ifPresent(path);
      // Build state is only ever replaced by a rename, which a stat sees however soon it comes.
      boolean racy =
          !path.startsWith(buildDir) && stat.map(s -> s.racySince(plannedSince)).orElse(false);
      if (text.contains("\t") || text.contains("\n") || racy) {
        forget(buildDir);
        return;
      }
      rows.add(text + "\t" + stat.map(FileStat::fields).orElse(ABSENT));
    }
    try {
      StateFile.write(buildDir.resolve(FILE_NAME), HEADER, rows);
    } catch (RuntimeException e) {
      forget(buildDir); // only time is lost
    }
  }

  /**
   * What a plan that found nothing to do depends on: the files it read, the folders they are in (a
   * file added or removed beside them), every folder of the folder snapshots it listed (a file
   * added in one that holds only folders), the folders a definition is looked for in, the
   * catalogue, the build state it read and alcove's own code; empty where alcove cannot tell where
   * its code is, as then a new build of it would go unseen.
   */
  static Optional<Set<Path>> watched(
      AlcoveLayout layout, Set<Path> read, List<Path> listed, Set<StepUri> tables) {
    Set<Path> watched = new java.util.HashSet<>(read);
    watched.addAll(listed);
    for (Path file : read) {
      // Every folder up to the alcove's root: a file added anywhere beside the ones read.
      for (Path folder = file.toAbsolutePath().getParent();
          folder != null && folder.startsWith(layout.root()) && !folder.equals(layout.root());
          folder = folder.getParent()) {
        if (!watched.add(folder)) {
          break;
        }
      }
    }
    for (StepUri table : tables) {
      watched.add(layout.stepsDir().resolve(table.path()).getParent());
      watched.add(layout.stepsDir().resolve(table.datasetPath()).getParent());
    }
    watched.add(layout.testsDir());
    watched.add(layout.root().resolve(CatalogueFile.FILE_NAME));
    try (Stream<Path> state = Files.list(layout.buildDir())) {
      state
          .filter(Files::isRegularFile)
          .filter(file -> !WRITTEN_AFTER_THE_PLAN.contains(file.getFileName().toString()))
          .forEach(watched::add);
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot list " + layout.buildDir(), e);
    }
    try {
      watched.add(
          Path.of(
              NothingToDoRecord.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
    return Optional.of(watched);
  }

  /** Build state a run writes after its plan, whatever it found: not what the plan depends on. */
  private static final Set<String> WRITTEN_AFTER_THE_PLAN =
      Set.of(
          RunDocuments.RESULTS_FILE,
          TableHistory.FILE_NAME,
          AlcoveLock.FILE_NAME,
          NothingToDoRecord.FILE_NAME);

  /** Drops the record: this run is about to change what it describes, or could not tell. */
  static void forget(Path buildDir) {
    try {
      Files.deleteIfExists(buildDir.resolve(FILE_NAME));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot delete " + buildDir.resolve(FILE_NAME) + ": delete it by hand", e);
    }
  }

  private static String oneLine(String text) {
    return text.replace('\t', ' ').replace('\n', ' ');
  }
}
