package dev.alcove.core.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A JVM of this test's class path running one main class: what the crash and lock tests kill. */
public final class ChildJvm {

  private ChildJvm() {}

  /** Starts {@code main} with {@code arguments}, its output and errors on one stream. */
  public static Process start(Class<?> main, String... arguments) throws IOException {
    return new ProcessBuilder(command(main, List.of(arguments))).redirectErrorStream(true).start();
  }

  /** The command line that runs {@code main} with {@code arguments} on this class path. */
  public static List<String> command(Class<?> main, List<String> arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                main.getName()));
    command.addAll(arguments);
    return command;
  }
}
