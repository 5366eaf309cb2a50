package dev.alcove.core.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs git in a folder, for what alcove asks of the repository that holds an alcove. */
public final class Git {

  private Git() {}

  /**
   * Runs git and returns what it printed; a failure or a non-zero exit is an IOException. Input is
   * read from a file, so git can answer while it reads without a thread to feed it.
   */
  public static String run(Path folder, List<String> command, String input) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(folder.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD);
    if (input == null) {
      return run(builder, command);
    }
    Path inputFile = Files.createTempFile("alcove-git-", ".txt");
    try {
      Files.writeString(inputFile, input, StandardCharsets.UTF_8);
      return run(builder.redirectInput(inputFile.toFile()), command);
    } finally {
      Files.deleteIfExists(inputFile);
    }
  }

  private static String run(ProcessBuilder builder, List<String> command) throws IOException {
    Process process = builder.start();
    if (builder.redirectInput() == ProcessBuilder.Redirect.PIPE) {
      process.getOutputStream().close();
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (InputStream out = new BufferedInputStream(process.getInputStream())) {
      out.transferTo(output);
      if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IOException(String.join(" ", command) + " failed");
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    return output.toString(StandardCharsets.UTF_8);
  }
}
