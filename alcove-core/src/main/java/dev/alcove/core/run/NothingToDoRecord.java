package dev.alcove.core.run;

import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.DirectoryManifest;
import dev.alcove.core.checksum.FileStat;
import dev.alcove.core.concurrent.Parallel;
import dev.alcove.core.concurrent.ThreadBudget;
import dev.alcove.core.io.AlcoveLock;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.KernelCopy;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
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
 *
 * <p>A row written by a run that restored a file (see {@link EditedSnapshotFiles}) is racy by
 * nature: it also holds the checksum of what that run left there (a folder's: of its names), which
 * the next run compares too, as git compares a racy-clean entry's content, until the row is old
 * enough to be trusted by its stat alone.
 */
final class NothingToDoRecord {

  static final String FILE_NAME = "nothing-to-do.tsv";
  private static final String HEADER =
      "# alcove nothing-to-do record v3: question, steps, then path and stat (or absent), and the"
          + " checksum of a racy path's content";
  private static final String ABSENT = "absent";
  private static final String ABSENT_FIELD = "\t" + ABSENT;

  /** Where a run that mends keeps the record aside while it changes what the record describes. */
  static final String HELD_NAME = ".nothing-to-do.tsv.held";

  private final Path file;
  private final List<String> lines;
  private final List<StepUri> steps;
  private boolean suspended;

  private NothingToDoRecord(Path file, List<String> lines, List<StepUri> steps) {
    this.file = file;
    this.lines = lines;
    this.steps = steps;
  }

  /**
   * The record the last run with nothing to do kept, if there is one that answers {@code question}.
   */
  static Optional<NothingToDoRecord> read(Path buildDir, String question) {
    Path file = buildDir.resolve(FILE_NAME);
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      if (lines.size() < 3
          || !lines.get(0).equals(HEADER)
          || !lines.get(1).equals("question\t" + oneLine(question))
          || !lines.get(2).startsWith("steps\t")) {
        return Optional.empty();
      }
      List<StepUri> steps = new ArrayList<>();
      for (String uri : lines.get(2).substring("steps\t".length()).split(" ")) {
        if (!uri.isEmpty()) {
          steps.add(StepUri.parse(uri));
        }
      }
      return Optional.of(new NothingToDoRecord(file, lines, List.copyOf(steps)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // absent, of another version, or damaged: plan again
    }
  }

  /** The steps of the recorded plan, in its order. */
  List<StepUri> steps() {
    return steps;
  }

  /**
   * What changed since the record was kept. {@code changed} are the paths whose stat (or, for a row
   * kept while racy, whose content) is not what the record holds; it is empty when something
   * changed that {@code mendable} refuses, or more than {@code limit} paths did: then only a plan
   * will do. {@code settled} are the racy rows found as recorded and no longer racy.
   */
  record Changes(Optional<List<Path>> changed, List<Path> settled) {
    boolean none() {
      return changed.isPresent() && changed.get().isEmpty();
    }
  }

  /**
   * Checks every row against what is there now, on every thread there is (a record can hold 100,000
   * rows); {@code plannedSince} (epoch ms) is when this run began. Stops looking at the first
   * change that only a plan can answer.
   */
  Changes changes(ThreadBudget threads, Predicate<Path> mendable, int limit, long plannedSince) {
    List<List<String>> slices = new ArrayList<>();
    for (int from = 3; from < lines.size(); from += SLICE) {
      slices.add(lines.subList(from, Math.min(lines.size(), from + SLICE)));
    }
    Set<Path> changed = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Set<Path> settled = java.util.concurrent.ConcurrentHashMap.newKeySet();
    AtomicBoolean planAgain = new AtomicBoolean();
    try {
      Parallel.forEach(
          slices,
          threads,
          threads.size(),
          slice -> {
            for (String row : slice) {
              if (planAgain.get()) {
                return;
              }
              int tab = row.indexOf('\t');
              if (tab < 0) {
                planAgain.set(true);
                return;
              }
              Path path = Path.of(row.substring(0, tab));
              switch (compare(row, tab, path, plannedSince)) {
                case SAME -> {}
                case SETTLED -> settled.add(path);
                case CHANGED -> {
                  changed.add(path);
                  if (changed.size() > limit || !mendable.test(path)) {
                    planAgain.set(true);
                  }
                }
              }
            }
          });
    } catch (RuntimeException unreadable) {
      planAgain.set(true); // a path that cannot be looked at, or a damaged row: plan again
    }
    return new Changes(
        planAgain.get() ? Optional.empty() : Optional.of(List.copyOf(new TreeSet<>(changed))),
        List.copyOf(settled));
  }

  private static final int SLICE = 512;

  private enum Found {
    SAME,
    SETTLED,
    CHANGED
  }

  private static Found compare(String row, int tab, Path path, long plannedSince) {
    if (row.endsWith(ABSENT_FIELD)) {
      return FileStat.exists(path) ? Found.CHANGED : Found.SAME;
    }
    Optional<FileStat> now = FileStat.ifPresent(path);
    // A racy row ends in the checksum of what was there: 64 hex digits after a tab.
    boolean marked = row.length() > tab + MARK && row.charAt(row.length() - MARK) == '\t';
    int statEnd = marked ? row.length() - MARK : row.length();
    if (now.isEmpty() || !now.get().isIn(row, tab + 1, statEnd)) {
      return Found.CHANGED;
    }
    if (!marked) {
      return Found.SAME;
    }
    if (!RecordedContent.of(path).hex().equals(row.substring(statEnd + 1))) {
      return Found.CHANGED;
    }
    return now.get().racySince(plannedSince) ? Found.SAME : Found.SETTLED;
  }

  /**
   * Puts the record's file aside while this run changes what it describes, to be kept again by
   * {@link #keepAgain}: a run killed meanwhile leaves no record, and the next one plans.
   */
  void suspend() {
    try {
      AtomicFiles.rename(file, file.resolveSibling(HELD_NAME));
      suspended = true;
    } catch (IOException e) {
      forget(file.getParent()); // keepAgain finds no file, and keeps none
    }
  }

  /** Whether each path has a row, and is as it holds (its content too, for a racy row). */
  boolean asRecorded(Collection<Path> paths) {
    Map<Path, Integer> rows = rowsOf(paths);
    for (Path path : paths) {
      Integer row = rows.get(path);
      if (row == null
          || compare(lines.get(row), path.toString().length(), path, 0) == Found.CHANGED) {
        return false;
      }
    }
    return true;
  }

  /** A tab and a SHA-256 in hex. */
  private static final int MARK = 65;

  /**
   * Keeps this record again for a run that changed only the paths in {@code written} (what it
   * restored, and the folders they are in), each given with the checksum of what the run meant to
   * leave there: each is stat'ed anew, and marked with that checksum while racy, so the next run
   * checks the content too. A {@code settled} row loses its mark; every other row stays as it was,
   * so anything changed since this run's check is seen by the next.
   */
  void keepAgain(Map<Path, Checksum> written, List<Path> settled, long plannedSince) {
    Path source = suspended ? file.resolveSibling(HELD_NAME) : file;
    try {
      Set<Path> rewritten = new java.util.HashSet<>(written.keySet());
      rewritten.addAll(settled);
      Map<Path, Integer> rows = rowsOf(rewritten);
      TreeMap<Integer, String> replaced = new TreeMap<>();
      for (Path path : written.keySet()) {
        Integer row = rows.get(path);
        Optional<FileStat> now = FileStat.ifPresent(path);
        if (row == null || now.isEmpty()) {
          forget(file.getParent()); // the run wrote where its record does not look: plan next time
          return;
        }
        String marked = now.get().racySince(plannedSince) ? "\t" + written.get(path).hex() : "";
        replaced.put(row, path + "\t" + now.get().fields() + marked);
      }
      for (Path path : settled) {
        Integer row = rows.get(path);
        String text = row == null ? "" : lines.get(row);
        if (!written.containsKey(path)
            && text.length() > MARK
            && text.charAt(text.length() - MARK) == '\t') {
          replaced.put(row, text.substring(0, text.length() - MARK));
        }
      }
      // The rows this run read, a few replaced: a record may have 100,000 rows, and the others go
      // from file to file as bytes, never decoded or encoded again.
      try (java.nio.channels.FileChannel in = java.nio.channels.FileChannel.open(source)) {
        Optional<long[]> starts = lineStarts(in.size());
        if (starts.isEmpty()) {
          forget(file.getParent()); // not the file this run read
          return;
        }
        long[] lineStarts = starts.get();
        AtomicFiles.writeWithoutFlush(
            file,
            out -> {
              java.nio.channels.WritableByteChannel bytes =
                  java.nio.channels.Channels.newChannel(out);
              int line = 0;
              for (Map.Entry<Integer, String> row : replaced.entrySet()) {
                KernelCopy.range(
                    in,
                    lineStarts[line],
                    lineStarts[row.getKey()],
                    bytes,
                    source.toString(),
                    n -> {});
                out.write((row.getValue() + "\n").getBytes(StandardCharsets.UTF_8));
                line = row.getKey() + 1;
              }
              KernelCopy.range(
                  in,
                  lineStarts[line],
                  lineStarts[lines.size()],
                  bytes,
                  source.toString(),
                  n -> {});
            });
      }
    } catch (IOException | RuntimeException e) {
      forget(file.getParent()); // only time is lost
    } finally {
      if (suspended) {
        AtomicFiles.deleteQuietly(source);
      }
    }
  }

  /**
   * Where each line starts in the record's file of {@code size} bytes, and then its end; empty if
   * the lines this run read do not add up to that file.
   */
  private Optional<long[]> lineStarts(long size) {
    long[] starts = new long[lines.size() + 1];
    long at = 0;
    for (int i = 0; i < lines.size(); i++) {
      starts[i] = at;
      at += lines.get(i).length() + 1;
    }
    if (at != size) {
      // Not every character one byte: a path that is not ASCII.
      at = 0;
      for (int i = 0; i < lines.size(); i++) {
        starts[i] = at;
        at += lines.get(i).getBytes(StandardCharsets.UTF_8).length + 1;
      }
    }
    starts[lines.size()] = at;
    return at == size ? Optional.of(starts) : Optional.empty();
  }

  /**
   * The line of each path's row, for those that have one: one pass over the rows, each path's text
   * hashed in place and compared only where the hash matches, for a record of 100,000 rows and up
   * to a thousand paths.
   */
  private Map<Path, Integer> rowsOf(Collection<Path> paths) {
    Map<Integer, List<Path>> byHash = new java.util.HashMap<>();
    for (Path path : paths) {
      byHash.computeIfAbsent(path.toString().hashCode(), h -> new ArrayList<>()).add(path);
    }
    Map<Path, Integer> rows = new java.util.HashMap<>();
    for (int i = 3; i < lines.size() && rows.size() < paths.size(); i++) {
      String line = lines.get(i);
      int tab = line.indexOf('\t');
      int hash = 0;
      for (int c = 0; c < tab; c++) {
        hash = 31 * hash + line.charAt(c);
      }
      for (Path path : byHash.getOrDefault(hash, List.of())) {
        String text = path.toString();
        if (text.length() == tab && line.startsWith(text)) {
          rows.putIfAbsent(path, i);
        }
      }
    }
    return rows;
  }

  /**
   * Keeps the record of a run with nothing to do, whose plan began at {@code plannedSince} (epoch
   * ms), with the files of the {@code folders} it found matching their sidecars, unless something
   * it looked at changed too close to that to be trusted by its stat (while the plan was being
   * made, the stat taken now could be of what the plan did not see), or a path cannot be written in
   * a row. The paths are stat'ed on every thread {@code threads} has: a plan over 5,000 steps looks
   * at 25,000.
   */
  static void keep(
      Path buildDir,
      String question,
      List<StepUri> steps,
      Collection<Path> looked,
      Map<StepUri, DirectoryManifest> folders,
      long plannedSince,
      ThreadBudget threads) {
    List<String> rows = new ArrayList<>();
    rows.add("question\t" + oneLine(question));
    StringBuilder planned = new StringBuilder("steps\t");
    for (StepUri step : steps) {
      planned.append(step).append(' ');
    }
    rows.add(planned.toString());
    Set<Path> watched = new TreeSet<>(looked);
    Optional<Path> files = RecordedSnapshotFiles.keep(buildDir, folders);
    if (files.isEmpty()) {
      forget(buildDir);
      return;
    }
    watched.add(files.get());
    List<Optional<FileStat>> stats =
        Parallel.map(watched, threads, threads.size(), FileStat::ifPresent);
    int row = 0;
    for (Path path : watched) {
      String text = path.toString();
      Optional<FileStat> stat = stats.get(row++);
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
          NothingToDoRecord.FILE_NAME,
          NothingToDoRecord.HELD_NAME);

  /** Drops the record: this run is about to change what it describes, or could not tell. */
  static void forget(Path buildDir) {
    try {
      Files.deleteIfExists(buildDir.resolve(FILE_NAME));
      Files.deleteIfExists(buildDir.resolve(HELD_NAME));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(
          "cannot delete " + buildDir.resolve(FILE_NAME) + ": delete it by hand", e);
    }
  }

  private static String oneLine(String text) {
    return text.replace('\t', ' ').replace('\n', ' ');
  }
}
