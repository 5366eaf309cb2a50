package dev.alcove.core.audit;

import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.layout.DataGitignore;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Data, metadata and {@code data/.gitignore} lines that no step of the catalogue owns: what a step
 * taken out by hand (or a remove or build cut short) leaves behind. A snapshot's folder counts as
 * one file: its contents are not walked.
 */
final class Orphans {

  private Orphans() {}

  /**
   * @param owned every path (absolute, normalised) a step owns: table files and metadata, snapshot
   *     sidecars and data files or folders
   * @param ownedEntries the {@code data/.gitignore} entries of the snapshots
   */
  static List<Finding> find(
      AlcoveLayout layout, Set<Path> owned, Set<String> ownedEntries, FrontEnd frontEnd) {
    List<Finding> findings = new ArrayList<>();
    for (Path top : List.of(layout.tablesDir(), layout.snapshotsDir())) {
      for (Path orphan : unowned(top, owned)) {
        String shown = layout.relative(orphan) + (Files.isDirectory(orphan) ? "/" : "");
        findings.add(
            Finding.warning(
                shown,
                orphan.getFileName().toString().contains(".tmp-")
                    ? "left by a build or snapshot that was cut short: delete it"
                    : "no step owns it (taken out of "
                        + "alcove.yaml by hand?): delete it, or add its step back; "
                        + frontEnd.run(Goal.REMOVE)
                        + " removes a step with its data"));
      }
    }
    DataGitignore ignore = new DataGitignore(layout);
    for (String line : ignore.unowned(ownedEntries)) {
      findings.add(
          Finding.warning(
              layout.relative(ignore.file()),
              "the line "
                  + line
                  + " names no snapshot's data: remove it once that data is gone, or git will"
                  + " not see new files there"));
    }
    return findings;
  }

  private static List<Path> unowned(Path top, Set<Path> owned) {
    List<Path> found = new ArrayList<>();
    try {
      Files.walkFileTree(
          top,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              Path path = dir.toAbsolutePath().normalize();
              if (owned.contains(path)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (!dir.equals(top) && StepUri.isVersion(dir.getFileName().toString())) {
                // A version's folder nobody owns: one finding, not one per file in it.
                found.add(path);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (!owned.contains(file.toAbsolutePath().normalize())) {
                found.add(file.toAbsolutePath().normalize());
              }
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + top, e);
    }
    found.sort(null);
    return found;
  }
}
