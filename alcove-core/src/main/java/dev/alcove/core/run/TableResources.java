package dev.alcove.core.run;

import dev.alcove.core.Alcove;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.NoLinks;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.select.Selection;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Built tables copied into a folder of the build's resources, so that packaging ships them and
 * tests read them from the class path: {@code <folder>/<table path>/<version>.parquet}, as under
 * {@code data/tables/}. The folder holds exactly the selected tables: what an earlier selection
 * left is removed. A table whose copy has its size and time already is not copied again.
 */
public final class TableResources {

  /** Where the tables are on the class path, and in the jar. */
  public static final String CLASS_PATH_FOLDER = AlcoveLayout.CLASS_PATH_FOLDER;

  private TableResources() {}

  /**
   * Copies the tables {@code select} names (in the language of {@code alcove.select}) into {@code
   * folder}; messages name the selection as {@code setting}. Nothing is written or deleted through
   * a symbolic link below {@code buildDir} (the build's {@code target/}), where the folder usually
   * is; a folder elsewhere is the user's own choice, and only links below it are refused.
   *
   * @return the copies, in the graph's order
   */
  public static List<Path> export(
      Alcove alcove,
      String select,
      String setting,
      Path folder,
      Path buildDir,
      TableData data,
      AlcoveLog log) {
    Selection selection = Selection.forSetting(select, setting);
    AlcoveLayout layout = alcove.layout();
    StepGraph graph = StepGraph.of(alcove.catalogue());
    Set<StepUri> selected =
        selection.resolve(graph.order(), graph::dependencies, graph::dependents, false);
    List<Path> copies = new ArrayList<>();
    Path base =
        folder.toAbsolutePath().normalize().startsWith(buildDir.toAbsolutePath().normalize())
            ? buildDir
            : folder;
    try {
      NoLinks.requireBelow(base, folder);
      Files.createDirectories(folder);
      for (StepUri uri : graph.ordered(selected)) {
        if (!uri.isTable()) {
          throw new AlcoveException(
              setting + ": " + uri + " is a snapshot; only tables are copied into the resources");
        }
        Path table = data.local(uri, setting);
        Path copy = folder.resolve(layout.tablesDir().relativize(table).toString());
        NoLinks.requireBelow(base, copy);
        if (!sameFile(table, copy)) {
          Files.createDirectories(copy.getParent());
          Path temporary = AtomicFiles.tempSibling(copy);
          Files.copy(table, temporary, StandardCopyOption.COPY_ATTRIBUTES);
          AtomicFiles.moveIntoPlace(temporary, copy);
        }
        copies.add(copy);
      }
      removeOthers(folder, new HashSet<>(copies));
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot copy tables into " + folder, e);
    }
    log.info(
        "resources: "
            + copies.size()
            + (copies.size() == 1 ? " table" : " tables")
            + " in "
            + folder
            + " ("
            + String.join(", ", selected.stream().map(StepUri::toString).toList())
            + ")");
    return copies;
  }

  private static boolean sameFile(Path table, Path copy) throws IOException {
    return Files.isRegularFile(copy)
        && Files.size(copy) == Files.size(table)
        && Files.getLastModifiedTime(copy).equals(Files.getLastModifiedTime(table));
  }

  private static void removeOthers(Path folder, Set<Path> kept) throws IOException {
    List<Path> stale;
    try (Stream<Path> files = Files.walk(folder)) {
      stale = files.filter(Files::isRegularFile).filter(f -> !kept.contains(f)).toList();
    }
    for (Path file : stale) {
      Files.delete(file);
    }
  }
}
