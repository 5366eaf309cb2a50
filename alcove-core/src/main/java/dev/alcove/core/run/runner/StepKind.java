package dev.alcove.core.run.runner;

import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A kind of table step, all in one object: the extension that picks it, how it runs and what of the
 * machine decides its output (its engine, in the cache key), and what {@code new-table} writes for
 * it. {@link StepKinds} lists them; everything that needs to know the kinds reads that list.
 */
public interface StepKind {

  /** How people call it: {@code DuckDB SQL}, {@code Python}. */
  String description();

  /** The extension that picks this kind ({@code .sql}); none for the kind of any other file. */
  Optional<String> extension();

  /** Its runner; {@code javaClassPath} is asked for only by a step that needs it. */
  StepRunner runner(Supplier<List<Path>> javaClassPath);

  /** The placeholder {@code new-table} writes, a resource beside the table package's. */
  String placeholder();

  /** How its placeholder begins the lines that list the inputs: a comment, in its language. */
  String listPrefix();

  /** How its placeholder lists an input: its variable and its URI. */
  default String inputLine(String variable, StepUri input) {
    return listPrefix() + variable + " = " + input;
  }

  /** Whether {@code new-table} marks its file executable (a script with a shebang). */
  default boolean executable() {
    return false;
  }
}
