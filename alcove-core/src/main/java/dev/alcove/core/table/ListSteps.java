package dev.alcove.core.table;

import dev.alcove.core.Alcove;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.uri.StepUri;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** {@code list}: the steps, sorted, as URIs or as data paths relative to the alcove. */
public final class ListSteps {

  private ListSteps() {}

  public static List<String> list(Alcove alcove, Optional<Pattern> select, boolean paths) {
    List<StepUri> steps = alcove.catalogue().matching(select);
    if (!paths) {
      return steps.stream().map(StepUri::toString).toList();
    }
    return steps.stream().map(uri -> dataPath(alcove.layout(), uri)).toList();
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
