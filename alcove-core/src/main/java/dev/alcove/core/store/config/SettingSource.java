package dev.alcove.core.store.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One place a store setting may come from, named as messages name it ({@code the environment},
 * {@code /project/.env}, {@code ~/.aws/credentials [team]}), with the values it holds under
 * environment-style names ({@code S3_BUCKET_NAME}, {@code AWS_ACCESS_KEY_ID}).
 */
public record SettingSource(String name, Map<String, String> values) {

  public SettingSource {
    Map<String, String> kept = new LinkedHashMap<>();
    values.forEach(
        (key, value) -> {
          if (value != null && !value.isBlank()) {
            kept.put(key, value.strip());
          }
        });
    values = kept;
  }

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** The first of {@code keys} this source holds, with its value. */
  Optional<Map.Entry<String, String>> first(java.util.List<String> keys) {
    for (String key : keys) {
      if (values.containsKey(key)) {
        return Optional.of(Map.entry(key, values.get(key)));
      }
    }
    return Optional.empty();
  }
}
