package dev.alcove.core.table;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveException;
import dev.alcove.core.catalogue.AlcoveEdit;
import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.context.FrontEnd;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.context.Setting;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.io.NoLinks;
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

  /** What was created: the step and its definition file. */
  public record Created(StepUri uri, Path definition, boolean definitionWritten) {}

  public static Created create(
      GoalContext context, Alcove opened, String tableSpec, List<String> dependencySpecs) {
    try (AlcoveEdit edit = opened.edit(context.log())) {
      return create(edit, tableSpec, dependencySpecs, context);
    }
  }

  private static Created create(
      AlcoveEdit edit, String tableSpec, List<String> dependencySpecs, GoalContext context) {
    Alcove alcove = edit.alcove();
    if (tableSpec == null || tableSpec.isBlank()) {
      throw new AlcoveException(
          "no table given: set "
              + FrontEnd.words().set(Setting.TABLE, "<name>")
              + ", e.g. countries/summary.sql");
    }
    String spec = tableSpec.strip();
    Placeholder.Language language = Placeholder.Language.ofName(spec);
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
            alcove.layout().stepsDir().resolve(uri.datasetPath() + language.extension()));
    boolean written = false;
    if (existing.isEmpty()) {
      String text = Placeholder.text(language, uri, dependencies, resolved, alcove.layout());
      NoLinks.requireBelow(alcove.layout().root(), definition);
      AtomicFiles.writeString(definition, text);
      if (language == Placeholder.Language.PYTHON) {
        definition.toFile().setExecutable(true);
      }
      written = true;
    }
    try {
      edit.addStep(new StepDeclaration(uri, dependencies));
    } catch (RuntimeException e) {
      if (written) {
        AtomicFiles.deleteQuietly(definition);
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
    return new Created(uri, definition, written);
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
