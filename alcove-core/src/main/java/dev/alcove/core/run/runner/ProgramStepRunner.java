package dev.alcove.core.run.runner;

import java.nio.file.Files;
import java.util.List;

/**
 * Runs a program step: a {@code .py} file with {@code python3}, any other file directly (it must be
 * executable). Arguments: each input's data path, then the output path.
 */
public final class ProgramStepRunner implements StepRunner {

  @Override
  public String engine() {
    return "program";
  }

  @Override
  public void run(StepContext context) {
    String file = context.alcoveRoot().relativize(context.definition()).toString();
    if (file.endsWith(".py")) {
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
