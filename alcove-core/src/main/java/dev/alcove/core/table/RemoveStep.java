package dev.alcove.core.table;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.Folders;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.NoLinks;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.layout.DataGitignore;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.metadata.BuildManifest;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code remove}: takes a step out of the catalogue, then deletes its local data and metadata, its
 * {@code data/.gitignore} line and its build state; refuses while other steps depend on it. Its
 * definition (the user's code) and the store's objects are left alone. Every refusal comes before
 * any change; then the catalogue is written first, so a remove cut short leaves only files no step
 * owns, which {@code audit} reports.
 */
public final class RemoveStep {

  private RemoveStep() {}

  /** What was deleted, relative to the alcove, and the definition kept. */
  public record Removed(StepUri uri, List<String> deleted, Optional<String> definitionKept) {}

  public static Removed remove(Alcove opened, String stepText, AlcoveLog log) {
    if (stepText == null || stepText.isBlank()) {
      throw new AlcoveException(
          "no step given: set "
              + opened.frontEnd().set(Setting.STEP, "<uri>")
              + ", e.g. table://countries/summary/latest");
    }
    StepUri uri = StepUri.parse(stepText.strip());
    try (AlcoveEdit edit = opened.edit(log)) {
      Alcove alcove = edit.alcove();
      Catalogue catalogue = alcove.catalogue();
      if (!catalogue.contains(uri)) {
        throw new AlcoveException(
            uri
                + " is not a step of this alcove: "
                + opened.frontEnd().run(Goal.LIST)
                + " shows them");
      }
      if (!alcove.fileCatalogue().contains(uri)) {
        throw new AlcoveException(
            uri
                + " is declared in "
                + opened.frontEnd().declaredSteps()
                + ", not in "
                + CatalogueFile.FILE_NAME
                + ": remove it from there");
      }
      List<StepUri> dependents = StepGraph.of(catalogue).dependents(uri);
      if (!dependents.isEmpty()) {
        boolean one = dependents.size() == 1;
        throw new AlcoveException(
            "cannot remove "
                + uri
                + ": "
                + String.join(", ", dependents.stream().map(StepUri::toString).toList())
                + (one ? " depends" : " depend")
                + " on it; remove "
                + (one ? "it" : "them")
                + " first, or change "
                + (one ? "its" : "their")
                + " dependencies");
      }
      AlcoveLayout layout = alcove.layout();
      List<Path> files = new ArrayList<>();
      Optional<String> ignoreEntry = Optional.empty();
      if (uri.isTable()) {
        files.add(layout.tableFile(uri));
        files.add(layout.tableSidecar(uri));
      } else {
        Optional<SnapshotMetadata> metadata = readable(layout, uri);
        Path data = metadata.map(m -> m.dataPath(layout)).orElse(layout.snapshotDirectory(uri));
        boolean folder =
            metadata.map(m -> m.type() == SnapshotType.DIRECTORY).orElse(Files.isDirectory(data));
        files.add(data);
        files.add(layout.snapshotSidecar(uri));
        ignoreEntry = Optional.of(DataGitignore.snapshotEntry(layout, data, folder));
      }
      Optional<String> definition =
          uri.isTable()
              ? StepDefinitions.find(layout, uri).map(layout::relative)
              : Optional.empty();

      // Everything is checked before anything changes: a refusal leaves the catalogue as it was.
      for (Path file : files) {
        NoLinks.requireBelow(layout.dataDir(), file);
      }
      edit.removeStep(uri);
      List<String> deleted = new ArrayList<>();
      for (Path file : files) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          String shown = layout.relative(file) + (Files.isDirectory(file) ? "/" : "");
          try {
            Folders.delete(file);
          } catch (IOException e) {
            throw IoErrors.unchecked("cannot delete " + shown, e);
          }
          deleted.add(shown);
          Folders.deleteEmptyFolders(file.getParent(), layout.dataDir());
        }
      }
      if (ignoreEntry.isPresent() && edit.stopIgnoringInGit(List.of(ignoreEntry.get()))) {
        deleted.add(
            "the line " + ignoreEntry.get() + " of " + layout.relative(layout.dataGitignore()));
      }
      BuildManifest manifest = BuildManifest.load(layout.buildDir());
      manifest.remove(uri);
      manifest.save();
      return new Removed(uri, deleted, definition);
    }
  }

  /** The sidecar, if there is one that can be read: a broken one must not block the removal. */
  private static Optional<SnapshotMetadata> readable(AlcoveLayout layout, StepUri uri) {
    try {
      return SnapshotMetadata.readIfExists(layout.snapshotSidecar(uri), uri);
    } catch (AlcoveException e) {
      return Optional.empty();
    }
  }
}
