package dev.alcove.core.diff;

import dev.alcove.core.Alcove;
import dev.alcove.core.cache.CacheOptions;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.Git;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.run.Download;
import dev.alcove.core.run.PlannedStep;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.select.Selection;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code diff} against a git revision: each table whose output here is not the one that revision
 * builds, compared with it. The revision is checked out beside the build state and planned as a dry
 * run would plan it: its tables' keys are computed from its definitions and sidecars, and the table
 * cache says what each built; nothing of the revision is built.
 */
public final class DiffAgainst {

  /** One table: what it is against the revision, and the diff where both sides have data. */
  public record TableChange(StepUri table, String status, Optional<DiffReport> report) {}

  private final GoalContext context;
  private final Alcove alcove;

  public DiffAgainst(GoalContext context, Alcove alcove) {
    this.context = context;
    this.alcove = alcove;
  }

  public List<TableChange> diff(String revision, List<String> keys) {
    Path root = alcove.root();
    String commit;
    Path top;
    try {
      top = Path.of(Git.run(root, List.of("git", "rev-parse", "--show-toplevel"), null).strip());
    } catch (IOException e) {
      throw new AlcoveException(
          root + " is not in a git repository: diff against a revision needs one");
    }
    try {
      commit =
          Git.run(
                  root,
                  List.of("git", "rev-parse", "--verify", "--quiet", revision + "^{commit}"),
                  null)
              .strip();
    } catch (IOException e) {
      throw new AlcoveException(
          context.frontEnd().set(Setting.AGAINST, revision)
              + " is not a revision of this repository (a shallow clone may lack it: git fetch"
              + " it first)");
    }
    Path checkout = alcove.layout().buildDir().resolve("diff-against").resolve(commit);
    Folders.deleteQuietly(checkout);
    try {
      Git.run(
          top,
          List.of("git", "worktree", "add", "--detach", "--force", checkout.toString(), commit),
          null);
    } catch (IOException e) {
      throw new AlcoveException(
          "cannot check out " + revision + " beside the build state: " + e.getMessage());
    }
    try {
      Path there = checkout.resolve(top.relativize(root.toRealPath()).toString());
      Map<StepUri, Checksum> built = builtAt(Alcove.open(there, List.of(), alcove.frontEnd()));
      return compare(revision, built, keys);
    } catch (IOException e) {
      throw new AlcoveException("cannot read " + revision + ": " + e.getMessage());
    } finally {
      try {
        Git.run(top, List.of("git", "worktree", "remove", "--force", checkout.toString()), null);
      } catch (IOException e) {
        Folders.deleteQuietly(checkout);
      }
    }
  }

  /** What the revision's tables are, as the table cache knows them: their objects' checksums. */
  private Map<StepUri, Checksum> builtAt(Alcove there) {
    Map<StepUri, Checksum> built = new TreeMap<>();
    try (GoalContext quiet = context.loggingTo(AlcoveLog.SILENT)) {
      RunOptions plan =
          new RunOptions(Selection.ALL, false, true, CacheOptions.DEFAULT, Download.MINIMAL);
      for (PlannedStep step : new RunEngine(quiet, there, plan).run().plan()) {
        if (step.uri().isTable()) {
          step.cached().ifPresent(entry -> built.put(step.uri(), entry.output()));
          built.putIfAbsent(step.uri(), null);
        }
      }
    }
    return built;
  }

  private List<TableChange> compare(
      String revision, Map<StepUri, Checksum> there, List<String> keys) {
    List<TableChange> changes = new ArrayList<>();
    TableData tables = TableData.of(alcove.layout(), context);
    for (StepUri table : alcove.catalogue().steps().keySet()) {
      if (!table.isTable()) {
        continue;
      }
      if (!there.containsKey(table)) {
        changes.add(new TableChange(table, "new: not in " + revision, Optional.empty()));
        continue;
      }
      Optional<Checksum> here =
          TableMetadata.readIfExists(alcove.layout().tableSidecar(table), table)
              .map(TableMetadata::checksum);
      Checksum thereOutput = there.get(table);
      if (here.isEmpty()) {
        changes.add(new TableChange(table, "not built here", Optional.empty()));
      } else if (thereOutput == null) {
        changes.add(
            new TableChange(
                table,
                "its build at "
                    + revision
                    + " is not in the table cache: build it there to compare",
                Optional.empty()));
      } else if (thereOutput.equals(here.get())) {
        changes.add(new TableChange(table, "unchanged", Optional.empty()));
      } else {
        changes.add(
            new TableChange(
                table,
                "changed",
                Optional.of(
                    EarlierOutput.againstNow(
                        context,
                        alcove.layout(),
                        table,
                        thereOutput,
                        table + " at " + revision,
                        table + " here",
                        keys))));
      }
    }
    there.keySet().stream()
        .filter(table -> !alcove.catalogue().steps().containsKey(table))
        .forEach(
            table ->
                changes.add(
                    new TableChange(table, "removed: only in " + revision, Optional.empty())));
    return changes;
  }
}
