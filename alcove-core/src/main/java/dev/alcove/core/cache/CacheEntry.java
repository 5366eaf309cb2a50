package dev.alcove.core.cache;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.text.Printable;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlFiles;
import dev.alcove.core.yaml.YamlMap;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the store holds about one built table under {@code cache/v1/<key>} (docs/SPEC.md section
 * 11): the Parquet object's checksum and size, the table's schema and row count, and when and by
 * which alcove it was built. Small YAML, written after the object it names.
 *
 * @param key the table's cache key, also the entry's name
 * @param table the table the entry was built for
 * @param output the checksum of the Parquet object, stored like any snapshot object
 * @param bytes the object's size
 * @param rows the table's row count
 * @param schema column name to DuckDB type, in column order
 * @param started when the build began, ISO-8601 UTC
 * @param finished when it ended
 * @param seconds how long it took
 * @param builtBy {@code alcove <version>}
 */
public record CacheEntry(
    Checksum key,
    StepUri table,
    Checksum output,
    long bytes,
    long rows,
    Map<String, String> schema,
    String started,
    String finished,
    double seconds,
    String builtBy) {

  /** The folder of entries in a store: versioned, so a new entry format never misreads an old. */
  public static final String FOLDER = "cache/v1";

  /** An entry is a few lines per column; anything far larger was not written by alcove. */
  public static final int MAX_BYTES = 1 << 20;

  private static final String FORMAT = "alcove table cache entry 1";

  public CacheEntry {
    schema = new LinkedHashMap<>(schema);
  }

  public static String nameOf(Checksum key) {
    return FOLDER + "/" + key.hex();
  }

  public String name() {
    return nameOf(key);
  }

  public byte[] toBytes() {
    Map<String, Object> yaml = new LinkedHashMap<>();
    yaml.put("format", FORMAT);
    yaml.put("key", key.hex());
    yaml.put("table", table.toString());
    Map<String, Object> parquet = new LinkedHashMap<>();
    parquet.put("sha256", output.hex());
    parquet.put("bytes", bytes);
    parquet.put("rows", rows);
    yaml.put("output", parquet);
    yaml.put("schema", schema);
    Map<String, Object> built = new LinkedHashMap<>();
    built.put("started", started);
    built.put("finished", finished);
    built.put("seconds", seconds);
    built.put("by", builtBy);
    yaml.put("built", built);
    return YamlFiles.dump(yaml).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads an entry fetched under the name of {@code expectedKey}; anything that is not such an
   * entry (another format, another key, a missing field) is refused with the reason.
   */
  public static CacheEntry parse(byte[] bytes, Checksum expectedKey, String source) {
    YamlMap yaml = YamlFiles.parseMapping(new String(bytes, StandardCharsets.UTF_8), source);
    if (!FORMAT.equals(yaml.string("format").orElse(""))) {
      throw yaml.error("format", "not an alcove table cache entry (format '" + FORMAT + "')");
    }
    Checksum key = checksum(yaml, "key");
    if (!key.equals(expectedKey)) {
      throw yaml.error("key", "the entry names another key than the one it is stored under");
    }
    YamlMap output = yaml.map("output").orElseThrow(() -> yaml.error("output", "missing"));
    Map<String, String> schema = new LinkedHashMap<>();
    YamlMap columns = yaml.map("schema").orElseThrow(() -> yaml.error("schema", "missing"));
    for (String column : columns.keys()) {
      schema.put(Printable.of(column), Printable.of(columns.requireString(column)));
    }
    YamlMap built = yaml.map("built").orElseThrow(() -> yaml.error("built", "missing"));
    double seconds;
    try {
      seconds = Double.parseDouble(built.requireString("seconds"));
    } catch (NumberFormatException e) {
      throw built.error("seconds", "'seconds' must be a number");
    }
    return new CacheEntry(
        key,
        StepUri.parse(yaml.requireString("table")),
        checksum(output, "sha256"),
        output.integer("bytes").orElseThrow(() -> output.error("bytes", "missing")),
        output.integer("rows").orElseThrow(() -> output.error("rows", "missing")),
        schema,
        Printable.of(built.requireString("started")),
        Printable.of(built.requireString("finished")),
        seconds,
        // Printed on every restore: a store's text must not forge log lines.
        Printable.of(built.requireString("by")));
  }

  private static Checksum checksum(YamlMap yaml, String field) {
    String text = yaml.requireString(field);
    if (!Checksum.isValid(text)) {
      throw yaml.error(field, "'" + field + "' must be a SHA-256 in hex");
    }
    return Checksum.of(text);
  }

  /** The date of the build, for messages: {@code 2024-07-26}. */
  public String builtOn() {
    return finished.length() >= 10 ? finished.substring(0, 10) : finished;
  }
}
