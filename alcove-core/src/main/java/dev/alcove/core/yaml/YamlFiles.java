package dev.alcove.core.yaml;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and writes alcove's YAML files safely.
 *
 * <p>Reading composes nodes rather than objects, so every error can name its line; only the plain
 * YAML types are accepted (a tag such as {@code !!javax.script.ScriptEngineManager} is refused),
 * duplicate keys are refused, and dates stay text, as they were written. Writing quotes any string
 * that another YAML reader would take for a date, a number or a boolean.
 */
public final class YamlFiles {

  /** The largest metadata file alcove reads, and so the largest it may write. */
  public static final int MAX_FILE_BYTES = 16 << 20;

  private YamlFiles() {}

  /** Parses {@code file} as a mapping; a missing file is an {@link NoSuchFileException}. */
  public static YamlMap readMapping(Path file) throws NoSuchFileException {
    return parseMapping(readBytes(file), file);
  }

  /** The bytes of a metadata file, bounded as {@link #readMapping} reads them. */
  public static byte[] readBytes(Path file) throws NoSuchFileException {
    return readBytesIfExists(file).orElseThrow(() -> new NoSuchFileException(file.toString()));
  }

  /**
   * As {@link #readBytes}, empty when there is no such file: planning a clone where thousands of
   * tables are not built yet asks for every one of their sidecars, and an exception each, with the
   * stack of a Maven build filled in, cost more than the lookups.
   */
  public static java.util.Optional<byte[]> readBytesIfExists(Path file) {
    try {
      return java.util.Optional.ofNullable(readBounded(file));
    } catch (NoSuchFileException e) {
      // Gone between the look and the read: as if it had not been there.
      return java.util.Optional.empty();
    } catch (IOException e) {
      throw IoErrors.unchecked("cannot read " + file, e);
    }
  }

  /** Parses the bytes read from {@code file} as a mapping. */
  public static YamlMap parseMapping(byte[] bytes, Path file) {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new AlcoveException(file + ": not valid UTF-8 text");
    }
    return parseMapping(text, file.toString());
  }

  /**
   * The file's bytes, refusing what is not a regular file (a link to {@code /dev/zero} in a
   * colleague's branch would never end) or is larger than any metadata file; null when nothing is
   * there.
   */
  private static byte[] readBounded(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      if (absent(file)) {
        return null;
      }
      throw new AlcoveException(
          file + ": not a regular file; alcove's metadata files are plain files");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_FILE_BYTES + 1);
      if (bytes.length > MAX_FILE_BYTES) {
        throw new AlcoveException(file + ": larger than 16 MiB, not a metadata file");
      }
      return bytes;
    }
  }

  /**
   * Whether nothing, not even a dangling link, is at {@code file}, which is not a regular file.
   * Asked of its folder first: the JDK answers whether a folder is there without an exception,
   * whether a link is there only with one when nothing is.
   */
  private static boolean absent(Path file) {
    Path folder = file.toAbsolutePath().getParent();
    return (folder != null && !Files.isDirectory(folder))
        || !Files.exists(file, LinkOption.NOFOLLOW_LINKS);
  }

  public static YamlMap parseMapping(String text, String source) {
    Node root;
    try {
      root = LOADERS.get().compose(new StringReader(text));
    } catch (MarkedYAMLException e) {
      throw new AlcoveException(source + ":" + line(e) + ": malformed YAML: " + describe(e));
    } catch (YAMLException e) {
      throw new AlcoveException(source + ": malformed YAML: " + firstLine(e.getMessage()));
    }
    if (root == null) {
      return YamlMap.empty(source);
    }
    if (!(root instanceof MappingNode mapping)) {
      throw new AlcoveException(
          source + ":" + line(root) + ": expected a mapping of keys to values at the top level");
    }
    return new YamlMap(source, mapping);
  }

  static int line(Node node) {
    return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
  }

  private static int line(MarkedYAMLException e) {
    // "while parsing a flow sequence ... but got <stream end>": where the construct began is
    // the line to fix, not the end of the file where the parser gave up.
    Mark mark = e.getContextMark() != null ? e.getContextMark() : e.getProblemMark();
    return mark == null ? 0 : mark.getLine() + 1;
  }

  private static String describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    if (e.getContext() != null && !e.getContext().isBlank()) {
      problem = e.getContext() + ", " + problem;
    }
    return firstLine(problem.strip());
  }

  private static String firstLine(String text) {
    if (text == null) {
      return "";
    }
    int newline = text.indexOf('\n');
    return newline < 0 ? text : text.substring(0, newline);
  }

  /**
   * Converts a node of the plain YAML types to Java values; any other tag is refused, and so is a
   * collection met twice (an alias): alcove's files never need one, and 800 bytes of nested aliases
   * expand to more than any memory.
   */
  static Object toJava(Node node, String source) {
    return toJava(node, source, Collections.newSetFromMap(new IdentityHashMap<>()));
  }

  private static Object toJava(Node node, String source, Set<Node> seen) {
    if (node instanceof ScalarNode scalar) {
      return scalarValue(scalar, source);
    }
    requirePlainTag(node, source);
    if (!seen.add(node)) {
      throw new AlcoveException(
          source + ":" + line(node) + ": YAML aliases (*name) are not allowed in alcove files");
    }
    if (node instanceof SequenceNode sequence) {
      List<Object> list = new ArrayList<>();
      for (Node item : sequence.getValue()) {
        list.add(toJava(item, source, seen));
      }
      return list;
    }
    if (node instanceof MappingNode mapping) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String key = keyText(tuple.getKeyNode(), source);
        if (map.containsKey(key)) {
          throw duplicateKey(source, tuple.getKeyNode(), key);
        }
        map.put(key, toJava(tuple.getValueNode(), source, seen));
      }
      return map;
    }
    throw new AlcoveException(source + ":" + line(node) + ": unsupported YAML node");
  }

  static AlcoveException duplicateKey(String source, Node key, String name) {
    return new AlcoveException(source + ":" + line(key) + ": duplicate key '" + name + "'");
  }

  static String keyText(Node key, String source) {
    if (!(key instanceof ScalarNode scalar)) {
      throw new AlcoveException(source + ":" + line(key) + ": keys must be plain text");
    }
    requirePlainTag(scalar, source);
    return scalar.getValue();
  }

  private static Object scalarValue(ScalarNode scalar, String source) {
    requirePlainTag(scalar, source);
    Tag tag = scalar.getTag();
    String value = scalar.getValue();
    if (Tag.NULL.equals(tag)) {
      return null;
    }
    if (Tag.BOOL.equals(tag)) {
      return Boolean.valueOf(
          value.equalsIgnoreCase("true")
              || value.equalsIgnoreCase("yes")
              || value.equalsIgnoreCase("on"));
    }
    if (Tag.INT.equals(tag)) {
      try {
        return Long.valueOf(value.replace("_", ""));
      } catch (NumberFormatException e) {
        return value;
      }
    }
    if (Tag.FLOAT.equals(tag)) {
      try {
        return Double.valueOf(value.replace("_", ""));
      } catch (NumberFormatException e) {
        return value;
      }
    }
    return value;
  }

  private static void requirePlainTag(Node node, String source) {
    Tag tag = node.getTag();
    boolean plain =
        Tag.STR.equals(tag)
            || Tag.INT.equals(tag)
            || Tag.FLOAT.equals(tag)
            || Tag.BOOL.equals(tag)
            || Tag.NULL.equals(tag)
            || Tag.SEQ.equals(tag)
            || Tag.MAP.equals(tag);
    if (!plain) {
      throw new AlcoveException(
          source + ":" + line(node) + ": YAML tag " + tag + " is not allowed in alcove files");
    }
  }

  /** Writes {@code entries} (in their order) as a block-style YAML document, atomically. */
  public static void write(Path file, Map<String, ?> entries) {
    AtomicFiles.writeString(file, dump(entries));
  }

  public static String dump(Map<String, ?> entries) {
    return entries.isEmpty() ? "{}\n" : dumper().dump(entries);
  }

  /** One {@code key: value} entry as YAML text, for documents assembled entry by entry. */
  public static String dumpEntry(String key, Object value) {
    Map<String, Object> single = new LinkedHashMap<>();
    single.put(key, value);
    return dumper().dump(single);
  }

  /**
   * One loader per thread (a loader is not safe to share): building one sets up its resolver's
   * patterns, which cost more than composing a small sidecar, and a no-op run reads thousands.
   */
  private static final ThreadLocal<Yaml> LOADERS = ThreadLocal.withInitial(YamlFiles::loader);

  private static Yaml loader() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setAllowRecursiveKeys(false);
    options.setMaxAliasesForCollections(50);
    options.setCodePointLimit(MAX_FILE_BYTES);
    DumperOptions dumperOptions = new DumperOptions();
    return new Yaml(
        new SafeConstructor(options),
        new Representer(dumperOptions),
        dumperOptions,
        options,
        new ResolverWithoutTimestamps());
  }

  private static Yaml dumper() {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setIndicatorIndent(0);
    options.setSplitLines(false);
    options.setWidth(Integer.MAX_VALUE);
    options.setAllowUnicode(true);
    options.setDereferenceAliases(true);
    return new Yaml(new Representer(options), options);
  }

  /** Dates stay the text they were written as: {@code date_accessed: 2024-07-26} is a string. */
  private static final class ResolverWithoutTimestamps extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (!Tag.TIMESTAMP.equals(tag)) {
        super.addImplicitResolver(tag, regexp, first, limit);
      }
    }
  }
}
