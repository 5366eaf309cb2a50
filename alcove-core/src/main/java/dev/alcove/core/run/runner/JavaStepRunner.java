package dev.alcove.core.run.runner;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a {@code .java} step in a forked JVM, compiled once (see {@link JavaStepCompiler}; Java's
 * single-file source launcher where the JVM has no compiler), with a class path of the project's
 * dependencies and parquet-avro. Forking keeps a step's {@code System.exit}, static state or memory
 * use away from the build.
 */
public final class JavaStepRunner implements StepRunner {

  /** Where compiled steps are kept, under the build folder. */
  static final String CLASSES_FOLDER = "java-steps";

  /** Asked for only when a step runs: finding the libraries may mean resolving artifacts. */
  private final Supplier<List<Path>> classPath;

  public JavaStepRunner(Supplier<List<Path>> classPath) {
    this.classPath = classPath;
  }

  @Override
  public String engine(Engines engines) {
    return engines.java();
  }

  @Override
  public void run(StepContext context) {
    List<Path> elements = classPath.get();
    Optional<JavaStepCompiler.Compiled> compiled =
        JavaStepCompiler.compile(
            context.definition(),
            elements,
            context.engine(),
            context.buildDir().resolve(CLASSES_FOLDER),
            context.alcoveRoot(),
            context.log());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (compiled.isEmpty()) {
      addClassPath(command, elements);
      ProcessRunner.runStep(command, context);
      return;
    }
    List<Path> withStep = new ArrayList<>(elements);
    withStep.add(compiled.get().jar());
    Optional<SharedClasses> shared = SharedClasses.of(compiled.get().folder(), withStep);
    shared.ifPresent(archive -> command.addAll(archive.options()));
    addClassPath(command, withStep);
    command.add(compiled.get().mainClass());
    try {
      ProcessRunner.runProgram(command, context);
      shared.ifPresent(SharedClasses::keep);
    } finally {
      shared.ifPresent(SharedClasses::discard);
    }
  }

  private static void addClassPath(List<String> command, List<Path> elements) {
    if (!elements.isEmpty()) {
      command.add("-cp");
      command.add(
          elements.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    }
  }
}
