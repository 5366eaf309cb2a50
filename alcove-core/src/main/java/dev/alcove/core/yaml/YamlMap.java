package dev.alcove.core.yaml;

import dev.alcove.core.errors.AlcoveException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML mapping read from a file, with typed accessors whose errors name the file, the line and
 * the key, e.g. {@code alcove.yaml:4: 'steps' must be a mapping of step URI to dependencies}.
 */
public final class YamlMap {

  private final String source;
  private final int line;
  private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

  YamlMap(String source, MappingNode node) {
    this.source = source;
    this.line = YamlFiles.line(node);
    for (NodeTuple tuple : node.getValue()) {
      String key = YamlFiles.keyText(tuple.getKeyNode(), source);
      if (entries.put(key, tuple) != null) {
        throw YamlFiles.duplicateKey(source, tuple.getKeyNode(), key);
      }
    }
  }

  private YamlMap(String source) {
    this.source = source;
    this.line = 1;
  }

  static YamlMap empty(String source) {
    return new YamlMap(source);
  }

  public List<String> keys() {
    return List.copyOf(entries.keySet());
  }

  public boolean has(String key) {
    return entries.containsKey(key);
  }

  /** "file:line" of a key, or of the mapping itself when the key is absent. */
  public String where(String key) {
    NodeTuple tuple = entries.get(key);
    return source + ":" + (tuple == null ? line : YamlFiles.line(tuple.getKeyNode()));
  }

  /** An error at {@code key}; a problem found deeper in this file already says where it is. */
  public AlcoveException error(String key, String problem) {
    if (problem.startsWith(source + ":")) {
      return new AlcoveException(problem);
    }
    return new AlcoveException(where(key) + ": " + problem);
  }

  private Optional<Node> value(String key) {
    NodeTuple tuple = entries.get(key);
    if (tuple == null) {
      return Optional.empty();
    }
    Node value = tuple.getValueNode();
    if (value instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag())) {
      return Optional.empty();
    }
    return Optional.of(value);
  }

  /** A scalar as text, whatever YAML type it resolved to ({@code 1} and {@code '1'} alike). */
  public Optional<String> string(String key) {
    return value(key)
        .map(
            node -> {
              if (!(node instanceof ScalarNode scalar)) {
                throw error(key, "'" + key + "' must be a single value, not a list or mapping");
              }
              YamlFiles.toJava(scalar, source);
              return scalar.getValue();
            });
  }

  public String requireString(String key) {
    return string(key).orElseThrow(() -> error(key, "'" + key + "' is missing"));
  }

  public Optional<Long> integer(String key) {
    return string(key)
        .map(
            text -> {
              try {
                return Long.valueOf(text);
              } catch (NumberFormatException e) {
                throw error(key, "'" + key + "' must be a whole number, not '" + text + "'");
              }
            });
  }

  public Optional<Boolean> bool(String key) {
    return value(key)
        .map(
            node -> {
              if (node instanceof ScalarNode scalar && Tag.BOOL.equals(scalar.getTag())) {
                return (Boolean) YamlFiles.toJava(scalar, source);
              }
              throw error(key, "'" + key + "' must be true or false");
            });
  }

  public Optional<YamlMap> map(String key) {
    return value(key)
        .map(
            node -> {
              if (!(node instanceof MappingNode mapping)) {
                throw error(key, "'" + key + "' must be a mapping of keys to values");
              }
              YamlFiles.toJava(mapping, source);
              return new YamlMap(source, mapping);
            });
  }

  /** A list of scalars as text; a missing key or an empty value is an empty list. */
  public List<String> stringList(String key) {
    Optional<Node> value = value(key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof SequenceNode sequence)) {
      throw error(key, "'" + key + "' must be a list");
    }
    List<String> items = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (!(item instanceof ScalarNode scalar)) {
        throw new AlcoveException(
            source + ":" + YamlFiles.line(item) + ": items of '" + key + "' must be single values");
      }
      YamlFiles.toJava(scalar, source);
      items.add(scalar.getValue());
    }
    return items;
  }

  /** Any value as plain Java (String, Long, Double, Boolean, List, Map), for fields kept as-is. */
  public Optional<Object> raw(String key) {
    return value(key).map(node -> YamlFiles.toJava(node, source));
  }
}
