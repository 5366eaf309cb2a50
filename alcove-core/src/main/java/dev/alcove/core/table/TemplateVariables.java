package dev.alcove.core.table;

import dev.alcove.core.uri.StepUri;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Names a table's dependencies for its SQL template (SPEC section 6): each by its dataset's own
 * name; where two clash, by prefixing parent segments joined with {@code _} until they differ. Two
 * versions of one dataset, which no prefix can tell apart, get their version appended.
 */
public final class TemplateVariables {

  public static final String OUTPUT_FILE = "output_file";

  private TemplateVariables() {}

  /** Variable name for each dependency, in the order given. */
  public static Map<StepUri, String> names(List<StepUri> dependencies) {
    Map<StepUri, Integer> depth = new LinkedHashMap<>();
    dependencies.forEach(dep -> depth.put(dep, 1));
    while (true) {
      Map<String, List<StepUri>> byName = group(depth);
      boolean changed = false;
      for (List<StepUri> clash : byName.values()) {
        if (clash.size() < 2) {
          continue;
        }
        for (StepUri dep : clash) {
          if (depth.get(dep) < dep.names().size()) {
            depth.put(dep, depth.get(dep) + 1);
            changed = true;
          }
        }
      }
      if (!changed) {
        Map<StepUri, String> result = new LinkedHashMap<>();
        Map<String, List<StepUri>> finalGroups = group(depth);
        depth.forEach(
            (dep, d) -> {
              String name = nameAt(dep, d);
              boolean stillClashing = finalGroups.get(name).size() > 1;
              result.put(dep, stillClashing ? name + "_" + dep.version().replace("-", "") : name);
            });
        return result;
      }
    }
  }

  private static Map<String, List<StepUri>> group(Map<StepUri, Integer> depth) {
    Map<String, List<StepUri>> byName = new HashMap<>();
    depth.forEach(
        (dep, d) -> byName.computeIfAbsent(nameAt(dep, d), k -> new ArrayList<>()).add(dep));
    return byName;
  }

  private static String nameAt(StepUri dep, int depth) {
    List<String> names = dep.names();
    return String.join("_", names.subList(names.size() - depth, names.size()));
  }

  /** Replaces each {@code {name}} of {@code values} in {@code template}; other braces stay. */
  public static String substitute(String template, Map<String, String> values) {
    String result = template;
    for (Map.Entry<String, String> entry : values.entrySet()) {
      result = result.replace("{" + entry.getKey() + "}", entry.getValue());
    }
    return result;
  }
}
