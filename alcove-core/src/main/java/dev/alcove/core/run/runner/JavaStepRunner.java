package dev.alcove.core.run.runner;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs a {@code .java} step in a forked JVM through Java's single-file source launcher, with a
 * class path of the project's dependencies and parquet-avro. Forking keeps a step's {@code
 * System.exit} or memory use away from the build.
 */
public final class JavaStepRunner implements StepRunner {

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
    List<String> launcher = new ArrayList<>();
    launcher.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    List<Path> elements = classPath.get();
    if (!elements.isEmpty()) {
      launcher.add("-cp");
      launcher.add(
          elements.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    }
    ProcessRunner.runStep(launcher, context);
  }
}
