package dev.alcove.core.run.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A script run by an interpreter that must be installed ({@code python3}, {@code Rscript}), whose
 * version is part of the step's engine. Its placeholder lists the inputs as {@code #} comments,
 * except Python's, which lists them in its docstring.
 */
final class InterpretedKind implements StepKind {

  private final String extension;
  private final String description;
  private final String interpreter;
  private final String packageToInstall;

  /** {@code packageToInstall}: what to install where the interpreter is missing. */
  InterpretedKind(
      String extension, String description, String interpreter, String packageToInstall) {
    this.extension = extension;
    this.description = description;
    this.interpreter = interpreter;
    this.packageToInstall = packageToInstall;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public Optional<String> extension() {
    return Optional.of(extension);
  }

  @Override
  public StepRunner runner(Supplier<List<Path>> javaClassPath) {
    return new ProgramStepRunner(Optional.of(interpreter), packageToInstall);
  }

  @Override
  public String placeholder() {
    return "placeholder" + extension;
  }

  @Override
  public String listPrefix() {
    // Python lists its inputs inside its docstring, where a '#' would be text.
    return extension.equals(".py") ? "    " : "#   ";
  }

  @Override
  public boolean executable() {
    return true;
  }
}
