package dev.alcove.core.run.runner;

import dev.alcove.core.log.AlcoveLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Starts a step's process and streams its output to the log, each line prefixed with the step. */
final class ProcessRunner {

  private ProcessRunner() {}

  /**
   * Runs a step's file with {@code launcher} before it (e.g. {@code python3}), then each input's
   * data path and the output path as arguments, in the alcove folder; a non-zero exit fails it.
   */
  static void runStep(List<String> launcher, StepContext context) {
    List<String> program = new java.util.ArrayList<>(launcher);
    program.add(context.definition().toString());
    runProgram(program, context);
  }

  /** Runs {@code program}, then each input's data path and the output path as arguments. */
  static void runProgram(List<String> program, StepContext context) {
    List<String> command = new java.util.ArrayList<>(program);
    context.inputs().forEach(input -> command.add(input.dataPath().toString()));
    command.add(context.output().toString());
    int exit = run(command, context.alcoveRoot(), "[" + context.uri() + "] ", context.log());
    if (exit != 0) {
      throw new StepFailedException(
          context.alcoveRoot().relativize(context.definition()) + " exited with status " + exit);
    }
  }

  /**
   * The store's keys are alcove's, not the step's: a step that prints its environment (or a library
   * that logs it) must not leak them into a build log.
   */
  static final java.util.Set<String> STORE_SECRETS =
      java.util.Set.of(
          "S3_ACCESS_KEY",
          "S3_SECRET_KEY",
          "S3_SESSION_TOKEN",
          "AWS_ACCESS_KEY_ID",
          "AWS_SECRET_ACCESS_KEY",
          "AWS_SESSION_TOKEN",
          "AWS_SECURITY_TOKEN");

  static void withoutStoreSecrets(java.util.Map<String, String> environment) {
    environment.keySet().removeIf(STORE_SECRETS::contains);
  }

  private static int run(
      List<String> command, Path workingDirectory, String prefix, AlcoveLog log) {
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true);
    withoutStoreSecrets(builder.environment());
    Process process;
    try {
      process = builder.start();
      // A step gets no input: a program that waits for it must not hang the build.
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new StepFailedException("cannot start " + command.get(0) + ": " + e.getMessage());
    }
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        log.info(prefix + line);
      }
      return process.waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StepFailedException(prefix + "interrupted");
    }
  }
}
