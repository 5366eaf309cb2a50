package dev.alcove.core.table;

import dev.alcove.core.Alcove;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.select.Selection;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code list}: the steps, sorted, as URIs or as data paths relative to the alcove. */
public final class ListSteps {

  private ListSteps() {}

  /**
   * The selected steps; a regular expression selects only what it matches, and {@code +} needs the
   * catalogue's dependencies to resolve.
   */
  public static List<StepUri> selected(Alcove alcove, Selection selection) {
    if (selection.isAll()) {
      return List.copyOf(alcove.catalogue().steps().keySet());
    }
    StepGraph graph = StepGraph.of(alcove.catalogue());
    return List.copyOf(
        selection.resolve(
            alcove.catalogue().steps().keySet(), graph::dependencies, graph::dependents, false));
  }

  /**
   * One line a step: its URI, or its data path, followed by {@code (in the store)} for a table a
   * run left there.
   */
  public static List<String> list(
      Alcove alcove, Selection selection, boolean paths, TableData data) {
    List<StepUri> steps = selected(alcove, selection);
    if (!paths) {
      return steps.stream().map(StepUri::toString).toList();
    }
    return steps.stream()
        .map(
            uri ->
                dataPath(alcove.layout(), uri)
                    + (uri.isTable() && data.inStore(uri).isPresent() ? " (in the store)" : ""))
        .toList();
  }

  /**
   * The selected steps as a JSON-ready document: URI, kind, data path, whether the data is on this
   * machine, dependencies.
   */
  public static Map<String, Object> document(Alcove alcove, Selection selection, TableData data) {
    List<Object> steps = new ArrayList<>();
    for (StepUri uri : selected(alcove, selection)) {
      Map<String, Object> step = new LinkedHashMap<>();
      step.put("uri", uri.toString());
      step.put("kind", uri.isSnapshot() ? "snapshot" : "table");
      String path = dataPath(alcove.layout(), uri);
      step.put("path", path);
      // Left in the store (a run that did not download it) or never built here: not on this
      // machine.
      step.put("local", java.nio.file.Files.exists(alcove.root().resolve(path)));
      if (uri.isTable()) {
        step.put("in_store", data.inStore(uri).isPresent());
      }
      step.put(
          "dependencies",
          alcove.catalogue().dependencies(uri).stream().map(StepUri::toString).toList());
      steps.add(step);
    }
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("steps", steps);
    return document;
  }

  /** Where a step's data lives, relative to the alcove; a folder ends in {@code /}. */
  public static String dataPath(AlcoveLayout layout, StepUri uri) {
    if (uri.isTable()) {
      return layout.relative(layout.tableFile(uri));
    }
    Optional<SnapshotMetadata> metadata =
        SnapshotMetadata.readIfExists(layout.snapshotSidecar(uri), uri);
    if (metadata.isEmpty()) {
      return layout.relative(layout.snapshotDirectory(uri));
    }
    String path = layout.relative(metadata.get().dataPath(layout));
    return metadata.get().type() == SnapshotType.DIRECTORY ? path + "/" : path;
  }
}
