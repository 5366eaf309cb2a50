package dev.alcove.core.table;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.io.PathTexts;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the file that defines a table step: {@code src/steps/tables/<path>.<ext>}, or the same name
 * one folder up, which serves every version of the dataset (SPEC section 1).
 */
public final class StepDefinitions {

  /**
   * File names of each folder looked in, by the folder's absolute text, then by the part of the
   * name before its first dot, so planning thousands of steps lists each folder once and looks each
   * step up by texts, without going through every name or building a path per lookup.
   */
  private static final ThreadLocal<Map<String, Map<String, List<String>>>> LISTINGS =
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
    String steps = PathTexts.absolute(layout.stepsDir());
    String dataset = table.datasetPath();
    Optional<Path> versioned = findAt(layout, steps + "/" + dataset, table.version(), table);
    if (versioned.isPresent()) {
      return versioned;
    }
    int slash = dataset.lastIndexOf('/');
    return findAt(
        layout,
        slash < 0 ? steps : steps + "/" + dataset.substring(0, slash),
        dataset.substring(slash + 1),
        table);
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
    String text = PathTexts.absolute(file);
    int slash = text.lastIndexOf('/');
    return slash < 0 || names(fileNamesByStem(text.substring(0, slash)), text.substring(slash + 1));
  }

  /** The optional config beside a definition: {@code <definition without extension>.meta.yaml}. */
  public static Path configFor(Path definition) {
    return definition.resolveSibling(
        stemOf(definition.getFileName().toString()) + AlcoveLayout.SIDECAR_SUFFIX);
  }

  private static Optional<Path> findAt(
      AlcoveLayout layout, String folder, String stem, StepUri table) {
    List<Path> candidates = new ArrayList<>(1);
    for (String name : fileNamesByStem(folder).getOrDefault(stem, List.of())) {
      if (isDefinitionName(name, stem)) {
        Path candidate = Path.of(folder, name);
        if (Files.isRegularFile(candidate)) {
          candidates.add(candidate);
        }
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

  /** The names in {@code folder}, an absolute text, by stem; kept while listings are. */
  private static Map<String, List<String>> fileNamesByStem(String folder) {
    Map<String, Map<String, List<String>>> cache = LISTINGS.get();
    if (cache != null) {
      Map<String, List<String>> known = cache.get(folder);
      if (known != null) {
        return known;
      }
      int slash = folder.lastIndexOf('/');
      Map<String, List<String>> parent = slash > 0 ? cache.get(folder.substring(0, slash)) : null;
      if (parent != null && !names(parent, folder.substring(slash + 1))) {
        // Its parent's listing says it is not there: no system call, and no exception, for each of
        // thousands of steps without a folder of their own.
        cache.put(folder, Map.of());
        return Map.of();
      }
    }
    Map<String, List<String>> names = new HashMap<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(Path.of(folder))) {
      for (Path file : files) {
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

  /** Whether a folder's listing, by stem, names {@code name}. */
  private static boolean names(Map<String, List<String>> listing, String name) {
    return listing.getOrDefault(stemOf(name), List.of()).contains(name);
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
