package dev.alcove.core.quality;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.metadata.DescriptiveFields;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlFiles;
import dev.alcove.core.yaml.YamlMap;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A table's optional config, {@code src/steps/tables/<path>.meta.yaml} (SPEC section 6): what it
 * inherits from which dependency, what it overrides, the schema it must have, the data tests it
 * must pass, and the engine an SQL step runs on.
 */
public record TableConfig(
    Map<StepUri, List<String>> inherit,
    Map<String, String> override,
    Map<String, String> schema,
    List<DataTest> validation,
    Engine engine) {

  public static final Set<String> COLUMN_TYPES =
      Set.of("string", "integer", "float", "boolean", "date", "timestamp");

  /** Where an SQL step runs: in the embedded DuckDB (the default), or on a Spark cluster. */
  public enum Engine {
    DUCKDB,
    SPARK;

    public String configName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public static TableConfig none() {
    return new TableConfig(Map.of(), Map.of(), Map.of(), List.of(), Engine.DUCKDB);
  }

  public static Optional<TableConfig> readIfExists(Path file) {
    YamlMap yaml;
    try {
      yaml = YamlFiles.readMapping(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    for (String key : yaml.keys()) {
      if (!List.of("inherit", "override", "schema", "validation", "engine").contains(key)) {
        throw yaml.error(
            key,
            "unknown key '" + key + "' (expected inherit, override, schema, validation, engine)");
      }
    }
    Map<StepUri, List<String>> inherit = new LinkedHashMap<>();
    yaml.map("inherit")
        .ifPresent(
            map -> {
              for (String key : map.keys()) {
                StepUri uri;
                try {
                  uri = StepUri.parse(key);
                } catch (AlcoveException e) {
                  throw map.error(key, e.getMessage());
                }
                YamlMap entry =
                    map.map(key)
                        .orElseThrow(
                            () -> map.error(key, "'" + key + "' needs fields: [name, ...]"));
                List<String> fields = entry.stringList("fields");
                for (String field : fields) {
                  if (!DescriptiveFields.NAMES.contains(field)) {
                    throw entry.error(
                        "fields",
                        "cannot inherit '" + field + "': use one of " + DescriptiveFields.NAMES);
                  }
                }
                inherit.put(uri, fields);
              }
            });
    Map<String, String> override = new LinkedHashMap<>();
    yaml.map("override")
        .ifPresent(
            map -> {
              for (String key : map.keys()) {
                if (!DescriptiveFields.NAMES.contains(key)) {
                  throw map.error(
                      key, "cannot override '" + key + "': use one of " + DescriptiveFields.NAMES);
                }
                map.string(key).ifPresent(value -> override.put(key, value));
              }
            });
    Map<String, String> schema = new LinkedHashMap<>();
    yaml.map("schema")
        .ifPresent(
            map -> {
              for (String column : map.keys()) {
                String type = map.requireString(column).toLowerCase(Locale.ROOT);
                if (!COLUMN_TYPES.contains(type)) {
                  throw map.error(
                      column,
                      "column '"
                          + column
                          + "' has type '"
                          + type
                          + "': use one of string, integer, float, boolean, date, timestamp");
                }
                schema.put(column, type);
              }
            });
    List<DataTest> validation =
        yaml.map("validation").map(ValidationRules::parse).orElse(List.of());
    Engine engine = Engine.DUCKDB;
    Optional<String> named = yaml.string("engine");
    if (named.isPresent()) {
      engine =
          java.util.Arrays.stream(Engine.values())
              .filter(e -> e.configName().equals(named.get().strip().toLowerCase(Locale.ROOT)))
              .findFirst()
              .orElseThrow(
                  () ->
                      yaml.error(
                          "engine",
                          "engine '"
                              + named.get()
                              + "' is not one alcove runs SQL on: use duckdb or spark"));
    }
    return Optional.of(new TableConfig(inherit, override, schema, validation, engine));
  }
}
