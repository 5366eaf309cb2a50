package dev.alcove.core.table;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the file that defines a table step: {@code src/steps/tables/<path>.<ext>}, or the same name
 * one folder up, which serves every version of the dataset (SPEC section 1).
 */
public final class StepDefinitions {

  private StepDefinitions() {}

  /** The definition of {@code table}, if any; more than one candidate at a level is an error. */
  public static Optional<Path> find(AlcoveLayout layout, StepUri table) {
    Optional<Path> versioned = findAt(layout, layout.stepsDir().resolve(table.path()), table);
    return versioned.isPresent()
        ? versioned
        : findAt(layout, layout.stepsDir().resolve(table.datasetPath()), table);
  }

  /** The optional config beside a definition: {@code <definition without extension>.meta.yaml}. */
  public static Path configFor(Path definition) {
    String name = definition.getFileName().toString();
    int dot = name.indexOf('.');
    String base = dot < 0 ? name : name.substring(0, dot);
    return definition.resolveSibling(base + AlcoveLayout.SIDECAR_SUFFIX);
  }

  private static Optional<Path> findAt(AlcoveLayout layout, Path base, StepUri table) {
    Path folder = base.getParent();
    String stem = base.getFileName().toString();
    if (!Files.isDirectory(folder)) {
      return Optional.empty();
    }
    List<Path> candidates;
    try (Stream<Path> files = Files.list(folder)) {
      candidates =
          files
              .filter(Files::isRegularFile)
              .filter(file -> isDefinitionName(file.getFileName().toString(), stem))
              .sorted()
              .toList();
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot list " + folder, e);
    }
    if (candidates.size() > 1) {
      throw new AlcoveException(
          "step "
              + table
              + " has more than one definition: "
              + candidates.stream().map(layout::relative).toList()
              + ": keep one");
    }
    return candidates.stream().findFirst();
  }

  private static boolean isDefinitionName(String fileName, String stem) {
    if (fileName.endsWith(AlcoveLayout.SIDECAR_SUFFIX) || fileName.startsWith(".")) {
      return false;
    }
    if (fileName.equals(stem)) {
      return true;
    }
    return fileName.startsWith(stem + ".") && fileName.indexOf('.', stem.length() + 1) < 0;
  }
}
