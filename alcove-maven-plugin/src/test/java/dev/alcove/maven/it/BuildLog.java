package dev.alcove.maven.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/** Checks of a build log, shared by the invoker ITs' verify scripts. */
public final class BuildLog {
  private BuildLog() {}

  /**
   * The build's one-line failure ({@code [ERROR] Failed to execute goal ...}); fails if there is
   * none, or if a stack trace of alcove was printed.
   */
  public static String failure(File log) throws IOException {
    String text = Files.readString(log.toPath());
    String line =
        text.lines()
            .filter(l -> l.startsWith("[ERROR] Failed to execute goal"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no goal failure in " + log));
    if (text.contains("\tat dev.alcove")) {
      throw new AssertionError("a stack trace was printed in " + log);
    }
    return line;
  }
}
