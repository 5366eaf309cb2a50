package dev.alcove.core.metadata;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The human-written fields of a sidecar: where data comes from and under what licence. */
public record DescriptiveFields(Map<String, String> values) {

  public static final List<String> NAMES =
      List.of(
          "name",
          "description",
          "source_name",
          "source_url",
          "date_accessed",
          "access_notes",
          "license",
          "license_url");

  /**
   * What a table inherits from its single dependency without an {@code inherit:} section: where the
   * data comes from and its licence, not what the dependency is called or what it describes (a
   * table that transforms its input is not that input; the Python tool takes those two as well,
   * docs/SPEC.md section 10).
   */
  public static final List<String> INHERITED_BY_DEFAULT =
      List.of("source_name", "source_url", "access_notes", "license", "license_url");

  public DescriptiveFields {
    Map<String, String> copy = new LinkedHashMap<>();
    for (String name : NAMES) {
      String value = values.get(name);
      if (value != null && !value.isBlank()) {
        copy.put(name, value);
      }
    }
    values = Collections.unmodifiableMap(copy);
  }

  public static DescriptiveFields none() {
    return new DescriptiveFields(Map.of());
  }

  public String get(String name) {
    return values.get(name);
  }

  /** These fields, with every field that {@code other} has a value for taking that value. */
  public DescriptiveFields overriddenBy(Map<String, String> other) {
    Map<String, String> merged = new LinkedHashMap<>(values);
    other.forEach(
        (key, value) -> {
          if (value != null && !value.isBlank()) {
            merged.put(key, value);
          }
        });
    return new DescriptiveFields(merged);
  }
}
