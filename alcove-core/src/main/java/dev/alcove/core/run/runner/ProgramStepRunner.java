package dev.alcove.core.run.runner;

import java.nio.file.Files;
import java.util.List;

/**
 * Runs a program step: a {@code .py} file with {@code python3}, any other file directly (it must be
 * executable). Arguments: each input's data path, then the output path.
 */
public final class ProgramStepRunner implements StepRunner {

  private final boolean python;

  /** {@code python}: the step is a {@code .py} file, run with {@code python3}. */
  public ProgramStepRunner(boolean python) {
    this.python = python;
  }

  @Override
  public String engine(Engines engines) {
    return python ? engines.python() : "program";
  }

  @Override
  public void run(StepContext context) {
    String file = context.alcoveRoot().relativize(context.definition()).toString();
    if (python) {
      ProcessRunner.runStep(List.of("python3"), context);
      return;
    }
    if (!Files.isExecutable(context.definition())) {
      throw new StepFailedException(
          file + " is not executable: run chmod +x " + file + ", or name it .sql, .py or .java");
    }
    ProcessRunner.runStep(List.of(), context);
  }
}
