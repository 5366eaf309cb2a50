package dev.alcove.core.table;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.naming.ShortNames;
import dev.alcove.core.uri.StepUri;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The starting definition {@code new-table} writes for a table, one template per language. */
final class Placeholder {

  /** Formats DuckDB reads directly with {@code SELECT * FROM 'file'}. */
  private static final Set<String> SCANNABLE =
      Set.of(".csv", ".tsv", ".parquet", ".json", ".jsonl", ".ndjson");

  enum Language {
    SQL(".sql", "placeholder.sql"),
    PYTHON(".py", "placeholder.py"),
    JAVA(".java", "placeholder.java");

    private final String extension;
    private final String template;

    Language(String extension, String template) {
      this.extension = extension;
      this.template = template;
    }

    String extension() {
      return extension;
    }

    /** By the table name's extension; a name without one gets a Java program. */
    static Language ofName(String name) {
      return extensionOf(name).map(Language::ofExtension).orElse(JAVA);
    }

    private static Language ofExtension(String extension) {
      for (Language language : values()) {
        if (language.extension.equals(extension.toLowerCase(Locale.ROOT))) {
          return language;
        }
      }
      throw new AlcoveException(
          "table extension "
              + extension
              + " is not one new-table can write: use .sql, .py, .java or none (a Java program)");
    }
  }

  /** The table name without its extension, if it has one. */
  static String withoutExtension(String name) {
    return extensionOf(name)
        .map(ext -> name.substring(0, name.length() - ext.length()))
        .orElse(name);
  }

  private static Optional<String> extensionOf(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot < 0 ? Optional.empty() : Optional.of(last.substring(dot));
  }

  private Placeholder() {}

  static String text(
      Language language,
      StepUri table,
      List<StepUri> dependencies,
      List<StepUri> resolved,
      AlcoveLayout layout) {
    Map<StepUri, String> variables = ShortNames.of(dependencies);
    StringBuilder inputs = new StringBuilder();
    for (StepUri dependency : dependencies) {
      inputs
          .append(
              // Python's inputs are listed inside the docstring, where a '#' would be text.
              language == Language.SQL ? "--   {" : language == Language.PYTHON ? "    " : " *   ")
          .append(
              language == Language.SQL
                  ? variables.get(dependency) + "}"
                  : variables.get(dependency))
          .append(" = ")
          .append(dependency)
          .append('\n');
    }
    if (dependencies.isEmpty()) {
      inputs.append(
          language == Language.SQL
              ? "--   (none)\n"
              : language == Language.PYTHON ? "    (none)\n" : " *   (none)\n");
    }
    String query =
        dependencies.isEmpty()
            ? "SELECT 1 AS dim_example, 'replace me' AS value"
            : firstInputQuery(variables.get(dependencies.get(0)), resolved.get(0), layout);
    return template(language.template)
        .replace("${uri}", table.toString())
        .replace("${inputs}", inputs.toString().stripTrailing())
        .replace("${query}", query)
        .replace("${class}", className(table));
  }

  /** A table config in which every field is a comment, for the user to fill in. */
  static String config(StepUri table, List<StepUri> dependencies) {
    StringBuilder inherit = new StringBuilder();
    for (StepUri dependency : dependencies) {
      inherit
          .append("#   ")
          .append(dependency)
          .append(":\n#     fields: [source_name, source_url, license, license_url]\n");
    }
    if (dependencies.isEmpty()) {
      inherit.append("#   snapshot://<dataset>/latest:\n#     fields: [license, license_url]\n");
    }
    return template("placeholder.meta.yaml")
        .replace("${uri}", table.toString())
        .replace("${inherit}", inherit.toString().stripTrailing());
  }

  /** A query over the first input that runs whatever the input holds. */
  private static String firstInputQuery(String variable, StepUri input, AlcoveLayout layout) {
    if (input.isTable()) {
      return "SELECT * FROM '{" + variable + "}'";
    }
    Optional<SnapshotMetadata> metadata =
        SnapshotMetadata.readIfExists(layout.snapshotSidecar(input), input);
    if (metadata.isPresent() && metadata.get().type() == SnapshotType.DIRECTORY) {
      return "SELECT file FROM glob('{" + variable + "}/**')";
    }
    String extension =
        metadata.flatMap(SnapshotMetadata::extension).orElse("").toLowerCase(Locale.ROOT);
    if (SCANNABLE.contains(extension)) {
      return "SELECT * FROM '{" + variable + "}'";
    }
    return "SELECT filename, size FROM read_blob('{" + variable + "}')";
  }

  private static String className(StepUri table) {
    StringBuilder name = new StringBuilder();
    for (String part : table.name().split("[-_]")) {
      if (!part.isEmpty()) {
        name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    String result = name.append("Step").toString();
    return Character.isJavaIdentifierStart(result.charAt(0)) ? result : "T" + result;
  }

  private static String template(String resource) {
    try (InputStream in = Placeholder.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
