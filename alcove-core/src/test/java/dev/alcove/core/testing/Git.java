package dev.alcove.core.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the real git in a folder, with a fixed identity, for tests that need a repository. */
public final class Git {
  private Git() {}

  public static String run(Path folder, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=alcove test"));
    command.addAll(
        List.of("-c", "user.email=test@alcove.invalid", "-c", "init.defaultBranch=main"));
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (process.waitFor() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run git: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Makes {@code folder} a repository and commits everything git does not ignore. */
  public static void commitAll(Path folder, String message) {
    if (!folder.resolve(".git").toFile().exists()) {
      run(folder, "init", "-q");
    }
    run(folder, "add", "-A");
    run(folder, "commit", "-q", "--allow-empty", "-m", message);
  }
}
