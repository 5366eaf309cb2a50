package dev.alcove.core.metadata;

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

  public static final int FORMAT_VERSION = SidecarFields.FORMAT_VERSION;
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
    return SidecarFields.ifExists(() -> read(file, expectedUri));
  }

  public static TableMetadata read(Path file, StepUri expectedUri) throws NoSuchFileException {
    return of(SidecarFields.read(file, "table metadata"), expectedUri);
  }

  /** The metadata in {@code bytes}, read from {@code file}. */
  public static TableMetadata parse(byte[] bytes, Path file, StepUri expectedUri) {
    return of(
        SidecarFields.checkVersion(YamlFiles.parseMapping(bytes, file), "table metadata"),
        expectedUri);
  }

  private static TableMetadata of(YamlMap yaml, StepUri expectedUri) {
    StepUri uri = SidecarFields.uri(yaml, expectedUri);
    Checksum checksum = SidecarFields.checksum(yaml, "checksum");
    Map<String, Checksum> inputs = new TreeMap<>();
    yaml.map("input_manifest")
        .ifPresent(
            manifest -> {
              for (String path : manifest.keys()) {
                inputs.put(path, SidecarFields.checksum(manifest, path));
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
                        map.string("duration_seconds").map(text -> seconds(map, text)).orElse(0.0),
                        map.string("status").orElse("")))
            .orElse(new Execution("", "", 0, ""));
    return new TableMetadata(
        uri,
        checksum,
        inputs,
        schema,
        execution,
        SidecarFields.descriptive(yaml),
        SidecarFields.extra(yaml, STRUCTURAL));
  }

  /** A duration as YAML writes numbers ({@code .inf} included); anything else is refused. */
  private static double seconds(YamlMap map, String text) {
    String plain = text.strip().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    return switch (plain) {
      case ".inf", "+.inf" -> Double.POSITIVE_INFINITY;
      case "-.inf" -> Double.NEGATIVE_INFINITY;
      case ".nan" -> Double.NaN;
      default -> {
        try {
          yield Double.parseDouble(plain);
        } catch (NumberFormatException e) {
          throw map.error("duration_seconds", "'" + text + "' is not a number of seconds");
        }
      }
    };
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
