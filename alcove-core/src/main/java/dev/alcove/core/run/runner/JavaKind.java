package dev.alcove.core.run.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** A Java program: {@code .java}, compiled once and run in a forked JVM. */
final class JavaKind implements StepKind {

  @Override
  public String description() {
    return "Java";
  }

  @Override
  public Optional<String> extension() {
    return Optional.of(".java");
  }

  @Override
  public StepRunner runner(Supplier<List<Path>> javaClassPath) {
    return new JavaStepRunner(javaClassPath);
  }

  @Override
  public String placeholder() {
    return "placeholder.java";
  }

  @Override
  public String listPrefix() {
    return " *   ";
  }
}
