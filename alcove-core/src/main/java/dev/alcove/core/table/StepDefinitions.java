package dev.alcove.core.table;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the file that defines a table step: {@code src/steps/tables/<path>.<ext>}, or the same name
 * one folder up, which serves every version of the dataset (SPEC section 1).
 */
public final class StepDefinitions {

  /**
   * File names of each folder looked in, by the part before their first dot, so planning thousands
   * of steps lists each folder once and looks each step up without going through every name.
   */
  private static final ThreadLocal<Map<Path, Map<String, List<String>>>> LISTINGS =
      new ThreadLocal<>();

  private StepDefinitions() {}

  /**
   * Runs {@code work} with folder listings kept for its duration: for planning many steps at once,
   * when step files do not change meanwhile.
   */
  public static <T> T withListingCache(java.util.function.Supplier<T> work) {
    if (LISTINGS.get() != null) {
      return work.get();
    }
    LISTINGS.set(new HashMap<>());
    try {
      return work.get();
    } finally {
      LISTINGS.remove();
    }
  }

  /** The definition of {@code table}, if any; more than one candidate at a level is an error. */
  public static Optional<Path> find(AlcoveLayout layout, StepUri table) {
    Optional<Path> versioned = findAt(layout, layout.stepsDir().resolve(table.path()), table);
    return versioned.isPresent()
        ? versioned
        : findAt(layout, layout.stepsDir().resolve(table.datasetPath()), table);
  }

  /**
   * Whether the table runs on Spark, as its config says; false for one without a definition or
   * whose config cannot be read (its own check says so).
   */
  public static boolean onSpark(AlcoveLayout layout, StepUri table) {
    try {
      return find(layout, table)
          .flatMap(
              definition -> dev.alcove.core.quality.TableConfig.readIfExists(configFor(definition)))
          .map(config -> config.engine() == dev.alcove.core.quality.TableConfig.Engine.SPARK)
          .orElse(false);
    } catch (dev.alcove.core.errors.AlcoveException e) {
      return false;
    }
  }

  /**
   * Whether {@code file} may be there: false only when folder listings are kept and its folder's
   * listing does not name it, so that looking up thousands of optional configs costs no system call
   * each.
   */
  public static boolean mayExist(Path file) {
    if (LISTINGS.get() == null) {
      return true;
    }
    fileNamesByStem(file.getParent());
    return isListedIn(file);
  }

  /** The optional config beside a definition: {@code <definition without extension>.meta.yaml}. */
  public static Path configFor(Path definition) {
    return definition.resolveSibling(
        stemOf(definition.getFileName().toString()) + AlcoveLayout.SIDECAR_SUFFIX);
  }

  private static Optional<Path> findAt(AlcoveLayout layout, Path base, StepUri table) {
    Path folder = base.getParent();
    String stem = base.getFileName().toString();
    List<Path> candidates = new ArrayList<>(1);
    for (String name : fileNamesByStem(folder).getOrDefault(stem, List.of())) {
      Path candidate = folder.resolve(name);
      if (isDefinitionName(name, stem) && Files.isRegularFile(candidate)) {
        candidates.add(candidate);
      }
    }
    candidates.sort(null);
    if (candidates.size() > 1) {
      throw new AlcoveException(
          "step "
              + table
              + " has more than one definition: "
              + candidates.stream().map(layout::relative).toList()
              + ": keep one");
    }
    return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(0));
  }

  private static Map<String, List<String>> fileNamesByStem(Path folder) {
    Map<Path, Map<String, List<String>>> cache = LISTINGS.get();
    if (cache != null && cache.containsKey(folder)) {
      return cache.get(folder);
    }
    if (cache != null && cache.containsKey(folder.getParent()) && !isListedIn(folder)) {
      // Its parent's listing says it is not there: no system call, and no exception, for each of
      // thousands of steps without a folder of their own.
      cache.put(folder, Map.of());
      return Map.of();
    }
    Map<String, List<String>> names = new HashMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        names.computeIfAbsent(stemOf(name), stem -> new ArrayList<>()).add(name);
      }
    } catch (NoSuchFileException | NotDirectoryException e) {
      names = Map.of();
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot list " + folder, e);
    }
    if (cache != null) {
      cache.put(folder, names);
    }
    return names;
  }

  /** Whether the kept listing of {@code path}'s folder names it. */
  private static boolean isListedIn(Path path) {
    String name = path.getFileName().toString();
    return LISTINGS
        .get()
        .get(path.getParent())
        .getOrDefault(stemOf(name), List.of())
        .contains(name);
  }

  /** The part of a file name before its first dot, by which listings are kept. */
  private static String stemOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }

  private static boolean isDefinitionName(String fileName, String stem) {
    if (fileName.endsWith(AlcoveLayout.SIDECAR_SUFFIX) || fileName.startsWith(".")) {
      return false;
    }
    if (fileName.equals(stem)) {
      return true;
    }
    return fileName.length() > stem.length() + 1
        && fileName.startsWith(stem)
        && fileName.charAt(stem.length()) == '.'
        && fileName.indexOf('.', stem.length() + 1) < 0;
  }
}
