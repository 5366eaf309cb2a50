package dev.alcove.core.run.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** Any other file: a program run as it is, which must be executable. */
final class ProgramKind implements StepKind {

  @Override
  public String description() {
    return "program";
  }

  @Override
  public Optional<String> extension() {
    return Optional.empty();
  }

  @Override
  public StepRunner runner(Supplier<List<Path>> javaClassPath) {
    return new ProgramStepRunner(Optional.empty(), "");
  }

  @Override
  public String placeholder() {
    throw new UnsupportedOperationException("new-table writes no placeholder for a program");
  }

  @Override
  public String listPrefix() {
    return "#   ";
  }

  @Override
  public boolean executable() {
    return true;
  }
}
