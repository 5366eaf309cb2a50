package dev.alcove.core.run.runner;

import dev.alcove.core.errors.AlcoveException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Every kind of table step, in one list: what picks a definition's kind, and what messages name.
 */
public final class StepKinds {

  public static final StepKind SQL = new SqlKind();
  public static final StepKind PYTHON = new InterpretedKind(".py", "Python", "python3", "python3");
  public static final StepKind R = new InterpretedKind(".R", "R", "Rscript", "r-base");
  public static final StepKind JAVA = new JavaKind();

  /** SQL on Spark: picked by a table config's {@code engine: spark}, not by an extension. */
  public static final StepKind SPARK_SQL = new SparkKind();

  /** Any other file: a program that must be executable. */
  public static final StepKind PROGRAM = new ProgramKind();

  /** The kinds a definition's extension picks, then the one for every other file. */
  public static final List<StepKind> ALL = List.of(SQL, PYTHON, R, JAVA, PROGRAM, SPARK_SQL);

  private StepKinds() {}

  /** The kind of a step defined in {@code definition}. */
  public static StepKind of(Path definition) {
    return byExtension(extensionOf(definition.getFileName().toString())).orElse(PROGRAM);
  }

  /**
   * The kind of a step defined in {@code definition} whose config names {@code engine}: Spark SQL
   * for an SQL file on Spark; a config that puts another kind on Spark is refused.
   */
  public static StepKind of(
      Path definition,
      dev.alcove.core.quality.TableConfig.Engine engine,
      java.util.function.Supplier<String> configFile) {
    StepKind kind = of(definition);
    if (engine != dev.alcove.core.quality.TableConfig.Engine.SPARK) {
      return kind;
    }
    if (kind != SQL) {
      throw new AlcoveException(
          configFile.get()
              + ": engine spark runs SQL steps only, and "
              + definition.getFileName()
              + " is "
              + kind.description()
              + ": remove engine, or write the step in SQL");
    }
    return SPARK_SQL;
  }

  /**
   * The kind {@code new-table} writes for a table named {@code name}: by its extension, a Java
   * program without one; an extension no kind has is refused, naming those there are.
   */
  public static StepKind forNewTable(String name) {
    Optional<String> extension = extensionOf(name);
    if (extension.isEmpty()) {
      return JAVA;
    }
    return byExtension(extension)
        .orElseThrow(
            () ->
                new AlcoveException(
                    "table extension "
                        + extension.get()
                        + " is not one new-table can write: use "
                        + extensions()
                        + " or none (a Java program)"));
  }

  /** The extensions that pick a kind, for messages: {@code .sql, .py, .R, .java}. */
  public static String extensions() {
    return String.join(", ", ALL.stream().flatMap(kind -> kind.extension().stream()).toList());
  }

  private static Optional<StepKind> byExtension(Optional<String> extension) {
    if (extension.isEmpty()) {
      return Optional.empty();
    }
    // A loop, not a stream: planning thousands of steps asks this of each in a cold JVM.
    String wanted = extension.get().toLowerCase(Locale.ROOT);
    for (StepKind kind : ALL) {
      Optional<String> own = kind.extension();
      if (own.isPresent() && own.get().toLowerCase(Locale.ROOT).equals(wanted)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /** The extension of the last segment of {@code name}, if it has one. */
  public static Optional<String> extensionOf(String name) {
    String last = name.substring(name.lastIndexOf('/') + 1);
    int dot = last.lastIndexOf('.');
    return dot <= 0 ? Optional.empty() : Optional.of(last.substring(dot));
  }
}
