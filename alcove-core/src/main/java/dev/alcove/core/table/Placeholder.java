package dev.alcove.core.table;

import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.SnapshotMetadata;
import dev.alcove.core.metadata.SnapshotType;
import dev.alcove.core.naming.ShortNames;
import dev.alcove.core.run.runner.StepKind;
import dev.alcove.core.run.runner.StepKinds;
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

  /** The table name without its extension, if it has one. */
  static String withoutExtension(String name) {
    return StepKinds.extensionOf(name)
        .map(ext -> name.substring(0, name.length() - ext.length()))
        .orElse(name);
  }

  private Placeholder() {}

  static String text(
      StepKind kind,
      StepUri table,
      List<StepUri> dependencies,
      List<StepUri> resolved,
      AlcoveLayout layout) {
    Map<StepUri, String> variables = ShortNames.of(dependencies);
    StringBuilder inputs = new StringBuilder();
    for (StepUri dependency : dependencies) {
      inputs.append(kind.inputLine(variables.get(dependency), dependency)).append('\n');
    }
    if (dependencies.isEmpty()) {
      inputs.append(kind.listPrefix()).append("(none)\n");
    }
    String query =
        dependencies.isEmpty()
            ? "SELECT 1 AS dim_example, 'replace me' AS value"
            : firstInputQuery(variables.get(dependencies.get(0)), resolved.get(0), layout);
    return template(kind.placeholder())
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
