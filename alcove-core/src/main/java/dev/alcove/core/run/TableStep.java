package dev.alcove.core.run;

import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.checksum.FileDigester;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.naming.ShortNames;
import dev.alcove.core.quality.DataTest;
import dev.alcove.core.quality.TableConfig;
import dev.alcove.core.quality.TestedTable;
import dev.alcove.core.run.runner.StepKinds;
import dev.alcove.core.run.runner.StepRunner;
import dev.alcove.core.table.StepDefinitions;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A table step as the engine sees it: its definition and config files, its resolved inputs with
 * their template variables, and the runner for its kind of definition.
 */
final class TableStep {

  final StepUri uri;
  final Path definition;
  final Path configFile;

  /**
   * Whether {@link #configFile} was there when the step was read; if not, {@link #config} is none.
   */
  final boolean hasConfig;

  final TableConfig config;

  /** Resolved dependency to its template variable, in declared order. */
  final Map<StepUri, String> inputs;

  final StepRunner runner;

  private TableStep(
      StepUri uri,
      Path definition,
      Path configFile,
      Optional<TableConfig> config,
      Map<StepUri, String> inputs,
      StepRunner runner) {
    this.uri = uri;
    this.definition = definition;
    this.configFile = configFile;
    this.hasConfig = config.isPresent();
    this.config = config.orElse(TableConfig.none());
    this.inputs = inputs;
    this.runner = runner;
  }

  static TableStep of(
      StepUri uri,
      Catalogue catalogue,
      AlcoveLayout layout,
      java.util.function.Supplier<List<Path>> javaClassPath,
      FrontEnd frontEnd) {
    Path definition =
        StepDefinitions.find(layout, uri)
            .orElseThrow(
                () ->
                    new AlcoveException(
                        "table "
                            + uri
                            + " has no definition: add "
                            + layout.relative(layout.stepsDir().resolve(uri.datasetPath()))
                            + ".sql (or .py, .java, an executable), or run "
                            + frontEnd.run(Goal.NEW_TABLE)));
    Path configFile = StepDefinitions.configFor(definition);
    Optional<TableConfig> read =
        StepDefinitions.mayExist(configFile)
            ? TableConfig.readIfExists(configFile)
            : Optional.empty();
    TableConfig config = read.orElse(TableConfig.none());
    List<StepUri> declared = catalogue.dependencies(uri);
    Map<StepUri, String> variables = ShortNames.of(declared);
    Map<StepUri, String> inputs = new LinkedHashMap<>();
    for (StepUri dep : declared) {
      inputs.putIfAbsent(catalogue.resolveOrFail(uri, dep), variables.get(dep));
    }
    for (StepUri source : config.inherit().keySet()) {
      StepUri resolved = catalogue.resolve(source).orElse(source);
      if (!inputs.containsKey(resolved)) {
        throw new AlcoveException(
            layout.relative(configFile)
                + ": table "
                + uri
                + " inherits from "
                + source
                + ", which is not one of its dependencies");
      }
    }
    for (DataTest test : config.validation()) {
      if (test instanceof DataTest.Relationship related
          && dependency(inputs, related.to()).isEmpty()) {
        throw new AlcoveException(
            layout.relative(configFile)
                + ": relationships of column '"
                + related.column()
                + "' name "
                + related.to()
                + ", which is not one of the dependencies of "
                + uri
                + ": add it to the table's dependencies in "
                + CatalogueFile.FILE_NAME);
      }
    }
    return new TableStep(
        uri,
        definition,
        configFile,
        read,
        inputs,
        StepKinds.of(definition, config.engine(), () -> layout.relative(configFile))
            .runner(javaClassPath));
  }

  /**
   * What the table is built from, as SPEC section 6 records it: the checksum of its definition, of
   * its config if any, and of each dependency's metadata sidecar (which holds that dependency's
   * data checksum, so the chain of sidecars is a Merkle DAG).
   */
  Map<String, Checksum> inputManifest(AlcoveLayout layout, FileDigester digester) {
    Map<String, Checksum> manifest = new TreeMap<>();
    manifest.put(layout.relative(definition), digester.checksum(definition));
    if (hasConfig) {
      manifest.put(layout.relative(configFile), digester.checksum(configFile));
    }
    for (StepUri dep : inputs.keySet()) {
      Path sidecar = layout.sidecar(dep);
      if (Files.isRegularFile(sidecar)) {
        manifest.put(layout.relative(sidecar), digester.checksum(sidecar));
      }
    }
    return manifest;
  }

  /** The input that is {@code uri}, or that {@code uri}'s {@code latest} stands for. */
  private static Optional<StepUri> dependency(Map<StepUri, String> inputs, StepUri uri) {
    return inputs.keySet().stream().filter(uri::names).findFirst();
  }

  /** The SQL files of the table's custom data tests, to take part in its key. */
  List<Path> testFiles(AlcoveLayout layout) {
    return config.validation().stream()
        .filter(test -> test instanceof DataTest.SqlTest)
        .map(test -> layout.testsDir().resolve(((DataTest.SqlTest) test).fileName()))
        .toList();
  }

  /** Each input with its template variable and its data where it is, for the data tests. */
  Map<StepUri, TestedTable.Input> testInputs(
      java.util.function.Function<StepUri, Optional<Path>> data) {
    Map<StepUri, TestedTable.Input> tested = new LinkedHashMap<>();
    inputs.forEach(
        (dep, variable) -> tested.put(dep, new TestedTable.Input(variable, data.apply(dep))));
    return tested;
  }
}
