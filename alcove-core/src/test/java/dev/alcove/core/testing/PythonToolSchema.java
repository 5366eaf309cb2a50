package dev.alcove.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What the Python tool (alcove 0.2.1) accepts, as docs/SPEC.md section 9 spells it out: the rules
 * of its JSON schemas, checked on every file the plugin writes in these tests. A file that fails
 * them would stop the Python tool's whole run on a shared alcove.
 */
public final class PythonToolSchema {

  private static final String HEX = "[0-9a-f]{64}";

  /**
   * The Python tool's own list, written out rather than taken from {@code DescriptiveFields}: an
   * oracle that shares the code it checks would agree with any mistake in it.
   */
  private static final List<String> DESCRIPTIVE =
      List.of(
          "name",
          "description",
          "source_name",
          "source_url",
          "date_accessed",
          "access_notes",
          "license",
          "license_url");

  private PythonToolSchema() {}

  public static void assertSnapshotSidecar(Path file) {
    Map<String, Object> yaml = read(file);
    String where = file.toString();
    assertThat(yaml.get("version")).as(where + ": version").isInstanceOf(Integer.class);
    assertThat(text(yaml, "uri")).as(where + ": uri").matches("snapshot://[a-z0-9_/-]+");
    assertThat(text(yaml, "checksum")).as(where + ": checksum").matches(HEX);
    String type = text(yaml, "snapshot_type");
    assertThat(type).as(where + ": snapshot_type").isIn("file", "directory");
    if (type.equals("file")) {
      assertThat(text(yaml, "extension")).as(where + ": extension").matches("\\.[a-z0-9]+");
      assertThat(yaml).as(where).doesNotContainKey("manifest");
    } else {
      assertChecksums(yaml, "manifest", where);
      assertThat(yaml).as(where).doesNotContainKey("extension");
    }
    assertDescriptive(yaml, where);
    Set<String> allowed =
        new java.util.HashSet<>(
            List.of("version", "uri", "checksum", "snapshot_type", "extension", "manifest"));
    allowed.addAll(DESCRIPTIVE);
    assertThat(allowed).as(where + ": keys the Python tool allows").containsAll(yaml.keySet());
  }

  public static void assertTableMetadata(Path file) {
    Map<String, Object> yaml = read(file);
    String where = file.toString();
    assertThat(yaml.get("version")).as(where + ": version").isInstanceOf(Integer.class);
    assertThat(text(yaml, "uri")).as(where + ": uri").matches("table://[a-z0-9_/-]+");
    assertThat(text(yaml, "checksum")).as(where + ": checksum").matches(HEX);
    assertChecksums(yaml, "input_manifest", where);
    assertThat(yaml.get("schema")).as(where + ": schema").isInstanceOf(Map.class);
    assertDescriptive(yaml, where);
  }

  public static void assertCatalogue(Path file) {
    Map<String, Object> yaml = read(file);
    assertThat(yaml.keySet()).as(file.toString()).containsExactly("version", "data_dir", "steps");
    assertThat(yaml.get("version")).isEqualTo(1);
  }

  /** {@code key} is a mapping of relative paths to checksums. */
  private static void assertChecksums(Map<String, Object> yaml, String key, String where) {
    assertThat(yaml.get(key)).as(where + ": " + key).isInstanceOf(Map.class);
    ((Map<?, ?>) yaml.get(key))
        .forEach(
            (path, sum) ->
                assertThat(String.valueOf(sum)).as(where + ": " + key + " " + path).matches(HEX));
  }

  private static void assertDescriptive(Map<String, Object> yaml, String where) {
    for (String field : DESCRIPTIVE) {
      Object value = yaml.get(field);
      if (value == null) {
        continue;
      }
      assertThat(value).as(where + ": " + field).isInstanceOf(String.class);
      if (field.endsWith("_url")) {
        assertThat((String) value).as(where + ": " + field).matches("https?://\\S+");
      }
      if (field.equals("date_accessed")) {
        assertThat((String) value).as(where + ": " + field).matches("\\d{4}-\\d{2}-\\d{2}");
      }
    }
  }

  private static String text(Map<String, Object> yaml, String key) {
    Object value = yaml.get(key);
    assertThat(value).as(key).isInstanceOf(String.class);
    return (String) value;
  }

  /** Read as PyYAML's safe loader would, except that dates stay text here too. */
  private static Map<String, Object> read(Path file) {
    try {
      String text =
          Files.readString(file)
              .replaceAll("(?m)^date_accessed: ([^'\"\\s]\\S*)$", "date_accessed: '$1'");
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
      assertThat(loaded).as(file.toString()).isInstanceOf(Map.class);
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) loaded;
      return map;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
