package dev.alcove.core.metadata;

import dev.alcove.core.yaml.YamlFiles;
import java.util.Map;

/**
 * Assembles a sidecar's YAML entry by entry, so that a descriptive field with no value can be
 * written as a commented-out line ({@code # license: }) that shows the user what to fill in.
 */
final class SidecarText {

  private final StringBuilder text = new StringBuilder();

  SidecarText field(String key, Object value) {
    if (value != null) {
      text.append(YamlFiles.dumpEntry(key, value));
    }
    return this;
  }

  SidecarText descriptive(DescriptiveFields fields) {
    for (String name : DescriptiveFields.NAMES) {
      String value = fields.get(name);
      if (value == null) {
        text.append("# ").append(name).append(": \n");
      } else {
        field(name, value);
      }
    }
    return this;
  }

  /** Fields a user added by hand, kept as they were on every rewrite. */
  SidecarText extra(Map<String, Object> extra) {
    extra.forEach(this::field);
    return this;
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
