package dev.alcove.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The core's packages in layers with one direction (docs/ARCHITECTURE.md): a package uses only
 * packages of its own layer or below, and no packages use each other in a circle. Read from the
 * sources' imports and fully qualified names, so a new package must be given its layer here.
 */
class LayersTest {

  private static final Path SOURCES = Path.of("src/main/java/dev/alcove/core");

  /**
   * Bottom first. The root package holds the opened alcove ({@code Alcove}, {@code AlcoveEdit}).
   */
  private static final List<Set<String>> LAYERS =
      List.of(
          Set.of(
              "errors",
              "log",
              "json",
              "text",
              "http",
              "concurrent",
              "duckdb",
              "progress",
              "frontend",
              "io",
              "uri"),
          Set.of("checksum", "yaml", "naming", "select"),
          Set.of(
              "catalogue",
              "layout",
              "metadata",
              "quality",
              "store",
              "store.s3",
              "store.config",
              "cache",
              "tabledata",
              "spark",
              "context",
              ""),
          Set.of(
              "snapshot",
              "run",
              "run.runner",
              "table",
              "gc",
              "db",
              "dataset",
              "audit",
              "site",
              "graph",
              "diff",
              "init"));

  private static final Pattern REFERENCE =
      Pattern.compile("dev\\.alcove\\.core\\.((?:[a-z][a-z0-9]*\\.)*)([A-Z]\\w*)");

  @Test
  void everyPackageHasALayerAndUsesNothingAbove() throws IOException {
    Map<String, Set<String>> uses = packageGraph();
    assertThat(uses).as("the packages read").hasSizeGreaterThan(20);
    List<String> problems = new ArrayList<>();
    uses.forEach(
        (user, used) -> {
          int layer = layerOf(user);
          if (layer < 0) {
            problems.add(shown(user) + " has no layer: give it one here and in ARCHITECTURE.md");
          }
          for (String dependency : used) {
            if (layerOf(dependency) > layer) {
              problems.add(shown(user) + " uses " + shown(dependency) + ", a layer above it");
            }
          }
        });
    assertThat(problems).isEmpty();
  }

  @Test
  void noPackagesUseEachOtherInACircle() throws IOException {
    Map<String, Set<String>> uses = packageGraph();
    List<String> circles = new ArrayList<>();
    for (String start : uses.keySet()) {
      findCircle(start, start, uses, new ArrayList<>(List.of(start)), new TreeSet<>(), circles);
    }
    assertThat(circles).isEmpty();
  }

  private static void findCircle(
      String start,
      String at,
      Map<String, Set<String>> uses,
      List<String> path,
      Set<String> seen,
      List<String> circles) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        circles.add(String.join(" -> ", path.stream().map(LayersTest::shown).toList()));
      } else if (seen.add(next)) {
        path.add(next);
        findCircle(start, next, uses, path, seen, circles);
        path.remove(path.size() - 1);
      }
    }
  }

  private static int layerOf(String pkg) {
    for (int i = 0; i < LAYERS.size(); i++) {
      if (LAYERS.get(i).contains(pkg)) {
        return i;
      }
    }
    return -1;
  }

  private static String shown(String pkg) {
    return pkg.isEmpty() ? "dev.alcove.core" : pkg;
  }

  /** Each package (relative to dev.alcove.core, "" for the root) and the packages it uses. */
  private static Map<String, Set<String>> packageGraph() throws IOException {
    Map<String, Set<String>> uses = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String pkg =
            SOURCES
                .relativize(file.getParent())
                .toString()
                .replace(file.getFileSystem().getSeparator(), ".");
        Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher reference = REFERENCE.matcher(Files.readString(file));
        while (reference.find()) {
          String target =
              reference.group(1).isEmpty()
                  ? ""
                  : reference.group(1).substring(0, reference.group(1).length() - 1);
          if (!target.equals(pkg)) {
            used.add(target);
          }
        }
      }
    }
    return uses;
  }
}
