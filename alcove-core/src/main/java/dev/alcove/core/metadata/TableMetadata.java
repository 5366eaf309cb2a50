package dev.alcove.core.metadata;

import dev.alcove.core.AlcoveException;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlFiles;
import dev.alcove.core.yaml.YamlMap;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A built table's metadata, {@code data/tables/<path>.meta.yaml} (SPEC section 6): the Parquet
 * file's checksum, the checksums of every input it was built from, its schema, how the build went,
 * and the descriptive fields it inherited or was given.
 */
public record TableMetadata(
    StepUri uri,
    Checksum checksum,
    Map<String, Checksum> inputManifest,
    Map<String, String> schema,
    Execution execution,
    DescriptiveFields descriptive,
    Map<String, Object> extra) {

  public static final int FORMAT_VERSION = 1;
  private static final List<String> STRUCTURAL =
      List.of("version", "uri", "checksum", "input_manifest", "schema", "execution");

  /** When and how the table was built. */
  public record Execution(
      String startTime, String endTime, double durationSeconds, String status) {}

  public TableMetadata {
    inputManifest = new TreeMap<>(inputManifest);
    schema = new LinkedHashMap<>(schema);
    extra = new LinkedHashMap<>(extra);
  }

  public static Optional<TableMetadata> readIfExists(Path file, StepUri expectedUri) {
    try {
      return Optional.of(read(file, expectedUri));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  public static TableMetadata read(Path file, StepUri expectedUri) throws NoSuchFileException {
    YamlMap yaml = YamlFiles.readMapping(file);
    long version = yaml.integer("version").orElse((long) FORMAT_VERSION);
    if (version != FORMAT_VERSION) {
      throw yaml.error(
          "version", "table metadata format version " + version + " is not supported (expected 1)");
    }
    StepUri uri;
    try {
      uri = StepUri.parse(yaml.requireString("uri"));
    } catch (AlcoveException e) {
      throw yaml.error("uri", e.getMessage());
    }
    if (!uri.equals(expectedUri)) {
      throw yaml.error(
          "uri",
          "uri " + uri + " does not match the metadata's location, which is for " + expectedUri);
    }
    String sum = yaml.requireString("checksum");
    if (!Checksum.isValid(sum)) {
      throw yaml.error("checksum", "'" + sum + "' is not a SHA-256 checksum");
    }
    Map<String, Checksum> inputs = new TreeMap<>();
    yaml.map("input_manifest")
        .ifPresent(
            manifest -> {
              for (String path : manifest.keys()) {
                String value = manifest.requireString(path);
                if (!Checksum.isValid(value)) {
                  throw manifest.error(path, "'" + value + "' is not a SHA-256 checksum");
                }
                inputs.put(path, Checksum.of(value));
              }
            });
    Map<String, String> schema = new LinkedHashMap<>();
    yaml.map("schema")
        .ifPresent(
            map -> map.keys().forEach(column -> schema.put(column, map.requireString(column))));
    Execution execution =
        yaml.map("execution")
            .map(
                map ->
                    new Execution(
                        map.string("start_time").orElse(""),
                        map.string("end_time").orElse(""),
                        map.string("duration_seconds").map(Double::parseDouble).orElse(0.0),
                        map.string("status").orElse("")))
            .orElse(new Execution("", "", 0, ""));
    Map<String, String> descriptive = new LinkedHashMap<>();
    Map<String, Object> extra = new LinkedHashMap<>();
    for (String key : yaml.keys()) {
      if (DescriptiveFields.NAMES.contains(key)) {
        yaml.string(key).ifPresent(value -> descriptive.put(key, value));
      } else if (!STRUCTURAL.contains(key)) {
        extra.put(key, yaml.raw(key).orElse(null));
      }
    }
    return new TableMetadata(
        uri,
        Checksum.of(sum),
        inputs,
        schema,
        execution,
        new DescriptiveFields(descriptive),
        extra);
  }

  public String toYaml() {
    Map<String, String> inputs = new LinkedHashMap<>();
    inputManifest.forEach((path, sum) -> inputs.put(path, sum.hex()));
    Map<String, Object> exec = new LinkedHashMap<>();
    exec.put("start_time", execution.startTime());
    exec.put("end_time", execution.endTime());
    exec.put("duration_seconds", execution.durationSeconds());
    exec.put("status", execution.status());
    SidecarText text =
        new SidecarText()
            .field("version", FORMAT_VERSION)
            .field("uri", uri.toString())
            .field("checksum", checksum.hex())
            .field("input_manifest", inputs)
            .field("schema", schema)
            .field("execution", exec);
    descriptive.values().forEach(text::field);
    return text.extra(extra).toString();
  }

  public void write(Path file) {
    AtomicFiles.writeString(file, toYaml());
  }
}
