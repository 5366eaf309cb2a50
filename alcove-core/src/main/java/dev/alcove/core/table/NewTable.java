package dev.alcove.core.table;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveEdit;
import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.NoLinks;
import dev.alcove.core.run.runner.StepKind;
import dev.alcove.core.run.runner.StepKinds;
import dev.alcove.core.uri.Scheme;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code new-table}: adds a table step to {@code alcove.yaml} and writes a placeholder definition
 * that builds as written, in the language the table name's extension picks.
 */
public final class NewTable {

  private NewTable() {}

  /** What was created: the step, its definition file and, when asked for, its config. */
  public record Created(
      StepUri uri, Path definition, boolean definitionWritten, Optional<Path> config) {}

  public static Created create(
      GoalContext context, Alcove opened, String tableSpec, List<String> dependencySpecs) {
    return create(context, opened, tableSpec, dependencySpecs, false);
  }

  /**
   * As above; with {@code withConfig}, also writes the table's config ({@code
   * src/steps/tables/<path>.meta.yaml}) with every field a user fills in as a comment, unless it
   * exists, as the Python tool's {@code new-table --edit} does before opening it.
   */
  public static Created create(
      GoalContext context,
      Alcove opened,
      String tableSpec,
      List<String> dependencySpecs,
      boolean withConfig) {
    try (AlcoveEdit edit = opened.edit(context.log())) {
      return create(edit, tableSpec, dependencySpecs, context, withConfig);
    }
  }

  private static Created create(
      AlcoveEdit edit,
      String tableSpec,
      List<String> dependencySpecs,
      GoalContext context,
      boolean withConfig) {
    Alcove alcove = edit.alcove();
    if (tableSpec == null || tableSpec.isBlank()) {
      throw new AlcoveException(
          "no table given: set "
              + context.frontEnd().set(Setting.TABLE, "<name>")
              + ", e.g. countries/summary.sql");
    }
    String spec = tableSpec.strip();
    StepKind kind = StepKinds.forNewTable(spec);
    String name = Placeholder.withoutExtension(spec);
    StepUri uri = tableUri(name, context.today());
    Catalogue catalogue = alcove.catalogue();
    if (catalogue.contains(uri)) {
      throw new AlcoveException(
          "table "
              + uri
              + " already exists in the catalogue: choose another name or edit its definition");
    }
    List<StepUri> dependencies = new ArrayList<>();
    List<StepUri> resolved = new ArrayList<>();
    for (String text : dependencySpecs) {
      if (text.isBlank()) {
        continue;
      }
      StepUri dependency = StepUri.parse(text.strip());
      dependencies.add(dependency);
      resolved.add(catalogue.resolveOrFail(uri, dependency));
    }
    Optional<Path> existing = StepDefinitions.find(alcove.layout(), uri);
    Path definition =
        existing.orElse(
            alcove.layout().stepsDir().resolve(uri.datasetPath() + kind.extension().orElseThrow()));
    boolean written = false;
    if (existing.isEmpty()) {
      String text = Placeholder.text(kind, uri, dependencies, resolved, alcove.layout());
      NoLinks.requireBelow(alcove.layout().root(), definition);
      AtomicFiles.writeString(definition, text);
      if (kind.executable()) {
        definition.toFile().setExecutable(true);
      }
      written = true;
    }
    Path config = StepDefinitions.configFor(definition);
    boolean configWritten = false;
    try {
      if (withConfig
          && !java.nio.file.Files.exists(config, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        NoLinks.requireBelow(alcove.layout().root(), config);
        AtomicFiles.writeString(config, Placeholder.config(uri, dependencies));
        configWritten = true;
      }
      edit.addStep(new StepDeclaration(uri, dependencies));
    } catch (RuntimeException e) {
      if (written) {
        AtomicFiles.deleteQuietly(definition);
      }
      if (configWritten) {
        AtomicFiles.deleteQuietly(config);
      }
      throw e;
    }
    String where = alcove.layout().relative(definition);
    context
        .log()
        .info(
            "added "
                + uri
                + (written
                    ? ", with a placeholder definition in " + where
                    : ", defined by the existing " + where));
    if (configWritten) {
      context.log().info("its config, every field a comment: " + alcove.layout().relative(config));
    }
    return new Created(
        uri, definition, written, withConfig ? Optional.of(config) : Optional.empty());
  }

  private static StepUri tableUri(String name, LocalDate today) {
    if (name.startsWith(Scheme.TABLE.label() + "://")) {
      return StepUri.parse(name);
    }
    if (name.contains("://")) {
      throw new AlcoveException("invalid table '" + name + "': a table's URI starts with table://");
    }
    StepUri dated = StepUri.ofDataset(Scheme.TABLE, name, today);
    boolean hadVersion = name.endsWith("/" + dated.version());
    return hadVersion ? dated : dated.withVersion(StepUri.LATEST);
  }
}
