package dev.alcove.core.audit;

import dev.alcove.core.Alcove;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.naming.ShortNames;
import dev.alcove.core.naming.TemplateVariables;
import dev.alcove.core.run.runner.StepKinds;
import dev.alcove.core.table.StepDefinitions;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * With {@code pythonCompatible}: SQL the Python tool cannot fill in, braces other than the
 * dependency variables (it fills SQL in with {@code str.format}), and a table on Spark, which it
 * cannot build.
 */
final class PythonFormatCheck implements StepCheck {

  @Override
  public List<Finding> check(AuditScope scope, StepUri uri) {
    if (!uri.isTable() || !scope.options.pythonCompatible()) {
      return List.of();
    }
    Alcove alcove = scope.alcove;
    Optional<Path> definition;
    try {
      definition = StepDefinitions.find(alcove.layout(), uri);
    } catch (AlcoveException e) {
      return List.of();
    }
    if (definition.isEmpty() || StepKinds.of(definition.get()) != StepKinds.SQL) {
      return List.of();
    }
    Path configFile = StepDefinitions.configFor(definition.get());
    try {
      if (dev.alcove.core.quality.TableConfig.readIfExists(configFile)
          .map(config -> config.engine() == dev.alcove.core.quality.TableConfig.Engine.SPARK)
          .orElse(false)) {
        return List.of(
            Finding.warning(
                uri.toString(),
                alcove.layout().relative(configFile)
                    + ": engine: spark is this plugin's; the Python tool's table config has no"
                    + " engine and refuses it, so it cannot build this table"));
      }
    } catch (AlcoveException e) {
      // The table's own check reports a config that cannot be read.
    }
    String text;
    try {
      text = Files.readString(definition.get());
    } catch (java.io.IOException e) {
      return List.of();
    }
    List<String> variables =
        List.copyOf(ShortNames.of(alcove.catalogue().dependencies(uri)).values());
    return TemplateVariables.foreignBraces(text, variables).stream()
        .map(
            where ->
                Finding.warning(
                    uri.toString(),
                    alcove.layout().relative(definition.get())
                        + " "
                        + where
                        + ": the Python tool fills SQL in with str.format, which takes every"
                        + " brace for a variable; keep only dependency variables in braces"))
        .toList();
  }
}
