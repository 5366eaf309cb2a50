package dev.alcove.core.run.runner;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs a {@code .java} step in a forked JVM through Java's single-file source launcher, with a
 * class path of the project's dependencies and parquet-avro. Forking keeps a step's {@code
 * System.exit} or memory use away from the build.
 */
public final class JavaStepRunner implements StepRunner {

  private final List<Path> classPath;

  public JavaStepRunner(List<Path> classPath) {
    this.classPath = List.copyOf(classPath);
  }

  @Override
  public String engine() {
    return "java " + Runtime.version().feature();
  }

  @Override
  public void run(StepContext context) {
    String file = context.alcoveRoot().relativize(context.definition()).toString();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (!classPath.isEmpty()) {
      command.add("-cp");
      command.add(
          classPath.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    }
    command.add(context.definition().toString());
    context.inputs().forEach(input -> command.add(input.dataPath().toString()));
    command.add(context.output().toString());
    int exit =
        ProcessRunner.run(command, context.alcoveRoot(), "[" + context.uri() + "] ", context.log());
    if (exit != 0) {
      throw new StepFailedException(file + " exited with status " + exit);
    }
  }
}
