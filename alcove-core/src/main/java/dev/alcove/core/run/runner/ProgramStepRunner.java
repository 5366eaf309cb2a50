package dev.alcove.core.run.runner;

import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

/**
 * Runs a program step: a script with its interpreter ({@code python3}, {@code Rscript}), any other
 * file directly (it must be executable). Arguments: each input's data path, then the output path.
 */
final class ProgramStepRunner implements StepRunner {

  private final Optional<String> interpreter;
  private final String packageToInstall;

  /** {@code packageToInstall}: what to install where the interpreter is missing. */
  ProgramStepRunner(Optional<String> interpreter, String packageToInstall) {
    this.interpreter = interpreter;
    this.packageToInstall = packageToInstall;
  }

  @Override
  public String engine(Engines engines) {
    return interpreter.map(engines::interpreter).orElse("program");
  }

  @Override
  public void run(StepContext context) {
    String file = context.alcoveRoot().relativize(context.definition()).toString();
    if (interpreter.isPresent()) {
      String command = interpreter.get();
      if (!onPath(command)) {
        throw new StepFailedException(
            file
                + " needs "
                + command
                + ", which is not installed here: install it (e.g. the "
                + packageToInstall
                + " package) and run again");
      }
      ProcessRunner.runStep(List.of(command), context);
      return;
    }
    if (!Files.isExecutable(context.definition())) {
      throw new StepFailedException(
          file
              + " is not executable: run chmod +x "
              + file
              + ", or name it "
              + StepKinds.extensions());
    }
    ProcessRunner.runStep(List.of(), context);
  }

  /** Whether {@code command} is an executable file in a folder of {@code PATH}. */
  static boolean onPath(String command) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String folder : path.split(java.io.File.pathSeparator)) {
      if (!folder.isEmpty() && Files.isExecutable(java.nio.file.Path.of(folder, command))) {
        return true;
      }
    }
    return false;
  }
}
