package dev.alcove.core.catalogue;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Every step of an alcove and what it depends on, ordered by URI. Immutable. */
public final class Catalogue {

  public static final String DEFAULT_DATA_DIR = "data";

  private final String dataDir;
  private final SortedMap<StepUri, List<StepUri>> steps;

  /**
   * Datasets declared in {@code alcove.yaml} under {@code datasets:}, name to fields, as written:
   * kept on every rewrite of the file.
   */
  private final Map<String, Map<String, String>> datasets;

  /** The steps again, looked up by hash: planning thousands of steps asks about each often. */
  private final Map<StepUri, List<StepUri>> byUri;

  /**
   * The highest version of each dataset, by its {@code latest} URI, so that resolving {@code
   * latest} is one lookup.
   */
  private final Map<StepUri, StepUri> highestVersions = new HashMap<>();

  public Catalogue(String dataDir, SortedMap<StepUri, List<StepUri>> steps) {
    this(dataDir, steps, Map.of());
  }

  public Catalogue(
      String dataDir,
      SortedMap<StepUri, List<StepUri>> steps,
      Map<String, Map<String, String>> datasets) {
    Map<String, Map<String, String>> declared = new java.util.LinkedHashMap<>();
    datasets.forEach(
        (name, fields) ->
            declared.put(name, Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields))));
    this.datasets = Collections.unmodifiableMap(declared);
    this.dataDir = dataDir;
    // In natural order whatever the map given; copied in linear time from a map already in that
    // order (TreeMap's putAll), as a catalogue of 5,000 steps is on every open.
    TreeMap<StepUri, List<StepUri>> copy = new TreeMap<>((Map<StepUri, List<StepUri>>) steps);
    copy.replaceAll((uri, deps) -> List.copyOf(deps));
    this.steps = Collections.unmodifiableSortedMap(copy);
    this.byUri = new HashMap<>(2 * copy.size());
    byUri.putAll(copy);
    for (StepUri uri : copy.keySet()) {
      highestVersions.merge(
          uri.withVersion(StepUri.LATEST),
          uri,
          (a, b) -> a.version().compareTo(b.version()) >= 0 ? a : b);
    }
  }

  public String dataDir() {
    return dataDir;
  }

  public SortedMap<StepUri, List<StepUri>> steps() {
    return steps;
  }

  public Map<String, Map<String, String>> datasets() {
    return datasets;
  }

  public static Catalogue empty() {
    return new Catalogue(DEFAULT_DATA_DIR, new TreeMap<>());
  }

  public boolean contains(StepUri uri) {
    return byUri.containsKey(uri);
  }

  public List<StepUri> dependencies(StepUri uri) {
    return byUri.getOrDefault(uri, List.of());
  }

  /** A catalogue with one more step; the caller has checked that it is new. */
  public Catalogue with(StepDeclaration step) {
    TreeMap<StepUri, List<StepUri>> copy = new TreeMap<>(steps);
    copy.put(step.uri(), step.dependencies());
    return new Catalogue(dataDir, copy, datasets);
  }

  public Catalogue without(StepUri uri) {
    TreeMap<StepUri, List<StepUri>> copy = new TreeMap<>(steps);
    copy.remove(uri);
    return new Catalogue(dataDir, copy, datasets);
  }

  /**
   * The step a dependency names: itself when it is declared, or, for {@code latest}, the highest
   * version of the same dataset in string order (so a declared {@code latest} step wins).
   */
  public Optional<StepUri> resolve(StepUri dependency) {
    if (byUri.containsKey(dependency)) {
      return Optional.of(dependency);
    }
    if (!dependency.isLatest()) {
      return Optional.empty();
    }
    return Optional.ofNullable(highestVersions.get(dependency));
  }

  public StepUri resolveOrFail(StepUri step, StepUri dependency) {
    return resolve(dependency)
        .orElseThrow(
            () ->
                new AlcoveException(
                    "step "
                        + step
                        + " depends on "
                        + dependency
                        + ", which is not in the catalogue: snapshot it, or add it as a new"
                        + " table, first"));
  }

  /**
   * The union of this catalogue (read from {@code fileName}) and steps declared elsewhere (in
   * {@code otherPlace}); a step declared in both with different dependencies is an error.
   */
  public Catalogue mergedWith(List<StepDeclaration> declared, String fileName, String otherPlace) {
    if (declared.isEmpty()) {
      // Immutable: the same steps need no copy, which costs a catalogue of 5,000 steps its sort.
      return this;
    }
    TreeMap<StepUri, List<StepUri>> merged = new TreeMap<>(steps);
    Map<StepUri, List<StepUri>> seen = new TreeMap<>();
    for (StepDeclaration step : declared) {
      List<StepUri> previous = seen.put(step.uri(), step.dependencies());
      if (previous != null && !sameSet(previous, step.dependencies())) {
        throw new AlcoveException(
            "step "
                + step.uri()
                + " is declared twice in "
                + otherPlace
                + " with different dependencies");
      }
      List<StepUri> inFile = steps.get(step.uri());
      if (inFile != null && !sameSet(inFile, step.dependencies())) {
        throw new AlcoveException(
            "step "
                + step.uri()
                + " has dependencies "
                + inFile
                + " in "
                + fileName
                + " but "
                + step.dependencies()
                + " in "
                + otherPlace
                + ": declare it in one place only");
      }
      merged.put(step.uri(), step.dependencies());
    }
    return new Catalogue(dataDir, merged, datasets);
  }

  private static boolean sameSet(List<StepUri> a, List<StepUri> b) {
    return Set.copyOf(a).equals(Set.copyOf(b));
  }

  /**
   * Checks rules that hold for any catalogue: snapshots have no dependencies, and no snapshot's
   * data lies inside another snapshot's folder (where restoring the folder would delete it).
   */
  public void validate(String where) {
    List<String> problems = new ArrayList<>();
    Map<String, StepUri> snapshotPaths = new HashMap<>();
    steps.keySet().stream()
        .filter(StepUri::isSnapshot)
        .forEach(u -> snapshotPaths.put(u.path(), u));
    steps.forEach(
        (uri, deps) -> {
          if (uri.isSnapshot() && !deps.isEmpty()) {
            problems.add(where + ": snapshot " + uri + " cannot have dependencies");
          }
          if (uri.isSnapshot()) {
            enclosingSnapshot(uri, snapshotPaths)
                .ifPresent(
                    outer ->
                        problems.add(
                            where
                                + ": snapshot "
                                + uri
                                + " would lie inside the data folder of snapshot "
                                + outer
                                + ", and restoring that folder would delete it: give it a"
                                + " dataset name that does not go on after another snapshot's"
                                + " version, e.g. "
                                + String.join("-", uri.names())));
          }
        });
    if (!problems.isEmpty()) {
      throw new AlcoveException(problems.get(0));
    }
  }

  /** The snapshot whose version folder holds {@code uri}'s path, e.g. {@code s/2024-01-01}. */
  private static Optional<StepUri> enclosingSnapshot(StepUri uri, Map<String, StepUri> snapshots) {
    StringBuilder prefix = new StringBuilder(uri.names().get(0));
    for (int i = 1; i < uri.names().size(); i++) {
      prefix.append('/').append(uri.names().get(i));
      StepUri outer = snapshots.get(prefix.toString());
      if (outer != null) {
        return Optional.of(outer);
      }
    }
    return Optional.empty();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Catalogue that
        && dataDir.equals(that.dataDir)
        && steps.equals(that.steps);
  }

  @Override
  public int hashCode() {
    return Objects.hash(dataDir, steps);
  }

  @Override
  public String toString() {
    return "Catalogue[dataDir=" + dataDir + ", steps=" + steps + "]";
  }
}
