package dev.alcove.core.metadata;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import dev.alcove.core.yaml.YamlFiles;
import dev.alcove.core.yaml.YamlMap;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every metadata file has: a format version, a URI matching its place, checksums, and free
 * fields.
 */
final class SidecarFields {

  static final int FORMAT_VERSION = 1;

  private SidecarFields() {}

  /** Reads a metadata file that may not exist. */
  interface Reader<T> {
    T read() throws NoSuchFileException;
  }

  static <T> java.util.Optional<T> ifExists(Reader<T> reader) {
    try {
      return java.util.Optional.of(reader.read());
    } catch (NoSuchFileException e) {
      return java.util.Optional.empty();
    }
  }

  /** Reads {@code file} and checks its format version; {@code kind} names it in messages. */
  static YamlMap read(Path file, String kind) throws NoSuchFileException {
    return checkVersion(YamlFiles.readMapping(file), kind);
  }

  /** {@code yaml}, unless its format version is not the one this version of alcove reads. */
  static YamlMap checkVersion(YamlMap yaml, String kind) {
    long version = yaml.integer("version").orElse((long) FORMAT_VERSION);
    if (version != FORMAT_VERSION) {
      throw yaml.error(
          "version", kind + " format version " + version + " is not supported (expected 1)");
    }
    return yaml;
  }

  /** The {@code uri} field, which must be the URI the file's location belongs to. */
  static StepUri uri(YamlMap yaml, StepUri expected) {
    StepUri uri;
    try {
      uri = StepUri.parse(yaml.requireString("uri"));
    } catch (AlcoveException e) {
      throw yaml.error("uri", e.getMessage());
    }
    if (!uri.equals(expected)) {
      throw yaml.error(
          "uri", "uri " + uri + " does not match the file's location, which is for " + expected);
    }
    return uri;
  }

  static Checksum checksum(YamlMap yaml, String key) {
    String text = yaml.requireString(key);
    if (!Checksum.isValid(text)) {
      throw yaml.error(
          key, "'" + text + "' is not a SHA-256 checksum (64 lower-case hex characters)");
    }
    return Checksum.of(text);
  }

  static DescriptiveFields descriptive(YamlMap yaml) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String key : yaml.keys()) {
      if (DescriptiveFields.NAMES.contains(key)) {
        yaml.string(key).ifPresent(value -> values.put(key, value));
      }
    }
    return new DescriptiveFields(values);
  }

  /** Fields neither structural nor descriptive: a user's own, kept as they are. */
  static Map<String, Object> extra(YamlMap yaml, List<String> structural) {
    Map<String, Object> extra = new LinkedHashMap<>();
    for (String key : yaml.keys()) {
      if (!DescriptiveFields.NAMES.contains(key) && !structural.contains(key)) {
        extra.put(key, yaml.raw(key).orElse(null));
      }
    }
    return extra;
  }
}
