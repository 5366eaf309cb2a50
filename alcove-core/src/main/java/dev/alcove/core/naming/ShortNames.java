package dev.alcove.core.naming;

import dev.alcove.core.uri.StepUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The shortest unique names for a set of steps, used for a table's SQL template variables and for
 * the views of {@code alcove:db} (SPEC sections 6 and 8).
 *
 * <p>Each dataset is named by its own name (the segment before the version); datasets whose names
 * clash get parent segments prefixed, joined with {@code _}, until they differ. Versions of one
 * dataset, which no prefix can tell apart, get their version appended without dashes: {@code
 * [a/b/c/2024-07-26, a/b/c/2024-10-03]} become {@code c_20240726} and {@code c_20241003}.
 */
public final class ShortNames {

  private ShortNames() {}

  /** A name for each step, in the order given. */
  public static Map<StepUri, String> of(List<StepUri> steps) {
    Map<StepUri, String> plain = byOwnName(steps);
    if (plain != null) {
      return plain;
    }
    Map<String, List<StepUri>> byDataset = new LinkedHashMap<>();
    for (StepUri step : steps) {
      byDataset
          .computeIfAbsent(step.scheme().label() + ":" + step.datasetPath(), k -> new ArrayList<>())
          .add(step);
    }
    List<List<String>> datasets = new ArrayList<>();
    byDataset.values().forEach(versions -> datasets.add(versions.get(0).names()));
    List<String> datasetNames = uniqueSuffixes(datasets);
    Map<StepUri, String> names = new LinkedHashMap<>();
    int i = 0;
    for (List<StepUri> versions : byDataset.values()) {
      String name = datasetNames.get(i++);
      for (StepUri step : versions) {
        names.put(step, versions.size() > 1 ? name + "_" + compactVersion(step) : name);
      }
    }
    Map<StepUri, String> ordered = new LinkedHashMap<>();
    steps.forEach(step -> ordered.put(step, names.get(step)));
    return ordered;
  }

  /**
   * Each step by its dataset's own name, the usual case (every table of a large catalogue asks), or
   * null when two steps share one: then parent segments or versions must tell them apart.
   */
  private static Map<StepUri, String> byOwnName(List<StepUri> steps) {
    Map<StepUri, String> names = new LinkedHashMap<>();
    java.util.Set<String> taken = new java.util.HashSet<>();
    for (StepUri step : steps) {
      String name = step.names().get(step.names().size() - 1);
      if (!taken.add(name)) {
        return null;
      }
      names.put(step, name);
    }
    return names;
  }

  /**
   * The full snake-case name of a step: every segment and the version, e.g. {@code a_b_c_20240726}.
   */
  public static String fullName(StepUri step) {
    return String.join("_", step.names()) + "_" + compactVersion(step);
  }

  /** A name usable as a SQL identifier without quotes: dashes become underscores. */
  public static String identifier(String name) {
    return name.replace('-', '_');
  }

  private static String compactVersion(StepUri step) {
    return step.version().replace("-", "");
  }

  /** For each list of segments, the shortest suffix (joined by _) that no other list shares. */
  private static List<String> uniqueSuffixes(List<List<String>> paths) {
    int[] depth = new int[paths.size()];
    java.util.Arrays.fill(depth, 1);
    while (true) {
      Map<String, List<Integer>> byName = new HashMap<>();
      for (int i = 0; i < paths.size(); i++) {
        byName.computeIfAbsent(suffix(paths.get(i), depth[i]), k -> new ArrayList<>()).add(i);
      }
      boolean changed = false;
      for (List<Integer> clash : byName.values()) {
        if (clash.size() > 1) {
          for (int i : clash) {
            if (depth[i] < paths.get(i).size()) {
              depth[i]++;
              changed = true;
            }
          }
        }
      }
      if (!changed) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
          names.add(suffix(paths.get(i), depth[i]));
        }
        return names;
      }
    }
  }

  private static String suffix(List<String> segments, int depth) {
    return String.join("_", segments.subList(segments.size() - depth, segments.size()));
  }
}
