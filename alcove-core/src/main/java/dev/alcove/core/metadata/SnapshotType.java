package dev.alcove.core.metadata;

import dev.alcove.core.yaml.YamlMap;
import java.util.Optional;

/** Whether a snapshot holds one file or a folder of files. */
public enum SnapshotType {
  FILE("file"),
  DIRECTORY("directory");

  private final String label;

  SnapshotType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<SnapshotType> fromLabel(String label) {
    for (SnapshotType type : values()) {
      if (type.label.equals(label)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  static SnapshotType parse(YamlMap yaml) {
    String text = yaml.string("snapshot_type").orElse("file");
    return fromLabel(text)
        .orElseThrow(
            () ->
                yaml.error(
                    "snapshot_type", "snapshot_type '" + text + "' must be file or directory"));
  }
}
