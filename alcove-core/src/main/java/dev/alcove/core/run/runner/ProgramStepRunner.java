package dev.alcove.core.run.runner;

import java.nio.file.Files;
import java.util.ArrayList;
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
    List<String> command = new ArrayList<>();
    if (file.endsWith(".py")) {
      command.add("python3");
    } else if (!Files.isExecutable(context.definition())) {
      throw new StepFailedException(
          file + " is not executable: run chmod +x " + file + ", or name it .sql, .py or .java");
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
