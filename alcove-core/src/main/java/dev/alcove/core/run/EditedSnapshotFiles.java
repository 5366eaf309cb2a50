package dev.alcove.core.run;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.run.PlannedStep.Action;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.store.Depot;
import dev.alcove.core.uri.StepUri;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A run after one with nothing to do, when all that changed since are files edited in place inside
 * folder snapshots: the last run's record vouches for everything else, so those files alone are
 * checked against their sidecar and restored, without planning the alcove or listing a folder of
 * 100,000 files again. A file added, removed or renamed changes a folder's stat, and anything else
 * changed changes a row the record cannot mend: those runs plan in full.
 */
final class EditedSnapshotFiles {

  /** More edits than this are checked by a plan, which digests files on every core. */
  static final int LIMIT = 1_000;

  private final AlcoveLayout layout;
  private final Map<Path, StepUri> folders = new HashMap<>();

  EditedSnapshotFiles(AlcoveLayout layout, List<StepUri> steps) {
    this.layout = layout;
    for (StepUri uri : steps) {
      if (uri.isSnapshot()) {
        folders.put(layout.snapshotDirectory(uri).toAbsolutePath().normalize(), uri);
      }
    }
  }

  /** Whether {@code path} is a file inside a folder snapshot's data, which this class can mend. */
  boolean mendable(Path path) {
    return snapshotOf(path).isPresent() && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
  }

  private Optional<StepUri> snapshotOf(Path path) {
    for (Path folder = path.toAbsolutePath().normalize().getParent();
        folder != null && folder.startsWith(layout.root());
        folder = folder.getParent()) {
      StepUri uri = folders.get(folder);
      if (uri != null) {
        return Optional.of(uri);
      }
    }
    return Optional.empty();
  }

  /**
   * Checks the {@code changed} files, every one {@link #mendable}, and restores those whose bytes
   * are not what their sidecar lists; then keeps the record again. Empty where only a plan can
   * tell: a file the record does not list, a folder that changed since the record's check.
   */
  Optional<RunReport> mend(
      NothingToDoRecord record,
      List<Path> changed,
      List<Path> settled,
      RestoreSnapshot snapshots,
      Supplier<Depot> depot,
      AlcoveLog log,
      long plannedSince) {
    Map<Path, Checksum> written = new HashMap<>();
    // The names of each folder a file is restored in, as the record vouches for them before the
    // restore moves a file out and another in: its stat after is too fresh to be trusted alone.
    Map<Path, Checksum> folderNames = new HashMap<>();
    Map<StepUri, RestoreSnapshot.Listed> toRestore = new TreeMap<>();
    try {
      Map<StepUri, Map<String, Path>> bySnapshot = new TreeMap<>();
      for (Path path : changed) {
        StepUri uri = snapshotOf(path).orElseThrow();
        Path folder = layout.snapshotDirectory(uri).toAbsolutePath().normalize();
        String relative =
            folder
                .relativize(path.toAbsolutePath().normalize())
                .toString()
                .replace(File.separatorChar, '/');
        bySnapshot.computeIfAbsent(uri, u -> new TreeMap<>()).put(relative, path);
      }
      for (Map.Entry<StepUri, Map<String, Path>> snapshot : bySnapshot.entrySet()) {
        Map<String, Path> files = snapshot.getValue();
        Optional<RestoreSnapshot.Listed> listed =
            RecordedSnapshotFiles.read(layout.buildDir(), snapshot.getKey(), files.keySet());
        if (listed.isEmpty() || listed.get().files().size() != files.size()) {
          return Optional.empty();
        }
        Map<String, Checksum> different = new TreeMap<>();
        for (Map.Entry<String, Path> file : files.entrySet()) {
          Checksum expected = listed.get().files().get(file.getKey());
          written.put(file.getValue(), expected);
          if (!Sha256.ofFile(file.getValue()).equals(expected)) {
            different.put(file.getKey(), expected);
            folderNames.computeIfAbsent(file.getValue().getParent(), RecordedContent::of);
          }
        }
        if (!different.isEmpty()) {
          toRestore.put(
              snapshot.getKey(), new RestoreSnapshot.Listed(different, listed.get().size()));
        }
      }
      if (!record.asRecorded(folderNames.keySet())) {
        return Optional.empty();
      }
      written.putAll(folderNames);
    } catch (RuntimeException unreadable) {
      return Optional.empty(); // the plan reads it again, and says what is wrong
    }
    log.debug(
        "only "
            + changed.size()
            + (changed.size() == 1 ? " file" : " files")
            + " inside folder snapshots changed since the last run's plan: checked "
            + (changed.size() == 1 ? "it" : "them")
            + " alone");
    if (!toRestore.isEmpty()) {
      // A run killed while it restores leaves no record behind: the next one plans.
      record.suspend();
    }
    List<PlannedStep> plan = new ArrayList<>();
    for (StepUri uri : record.steps()) {
      plan.add(
          toRestore.containsKey(uri)
              ? new PlannedStep(uri, Action.RESTORE, "local data changed")
              : new PlannedStep(uri, Action.UP_TO_DATE, ""));
    }
    List<StepUri> done = new ArrayList<>();
    Map<StepUri, String> failed = new TreeMap<>();
    Map<StepUri, RunReport.Timing> timings = new HashMap<>();
    for (PlannedStep step : plan) {
      RestoreSnapshot.Listed files = toRestore.get(step.uri());
      if (files == null) {
        continue;
      }
      log.info(step.describe());
      Instant started = Instant.now();
      long start = System.nanoTime();
      try {
        snapshots.restoreFiles(step.uri(), files, depot.get());
        done.add(step.uri());
      } catch (RuntimeException e) {
        String failure = RunReport.failure(e);
        failed.put(step.uri(), failure);
        log.warn(step.uri() + " failed: " + failure);
      }
      timings.put(
          step.uri(),
          new RunReport.Timing(
              started,
              (System.nanoTime() - start) / 1e9,
              OptionalLong.empty(),
              OptionalLong.empty()));
    }
    if (failed.isEmpty()) {
      record.keepAgain(written, settled, plannedSince);
    } else {
      NothingToDoRecord.forget(layout.buildDir());
    }
    return Optional.of(
        new RunReport(plan, done, Map.of(), failed, Map.of(), timings, Set.of(), Map.of()));
  }
}
