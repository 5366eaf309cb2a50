package dev.alcove.maven;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.IoErrors;
import dev.alcove.core.json.Json;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/**
 * What a goal prints for scripts: {@code -Dalcove.format=json} makes {@code list}, {@code run
 * -Dalcove.dryRun=true} and {@code audit} print one JSON document to standard output (where Maven's
 * {@code -q} leaves it alone) or to {@code -Dalcove.output}.
 */
final class Documents {

  private Documents() {}

  /** Whether {@code format} asks for JSON; {@code text} (the default) does not. */
  static boolean json(String format) {
    if (format == null || format.isBlank() || format.strip().equals("text")) {
      return false;
    }
    if (format.strip().equals("json")) {
      return true;
    }
    throw new AlcoveException(
        MavenFrontEnd.INSTANCE.set(Setting.FORMAT, format) + " is not one of text, json");
  }

  static void print(Object document, File output) {
    printText(Json.write(document) + "\n", output);
  }

  /** {@code text} as it is, on standard output or into {@code output}. */
  static void printText(String text, File output) {
    if (output == null) {
      // Maven's own stream: it stays open, and -q silences Maven's lines, not this one.
      System.out.print(text);
      System.out.flush();
      return;
    }
    try (PrintStream out = open(output)) {
      out.print(text);
    }
  }

  /** A file to write a result to, with its folders. */
  static PrintStream open(File file) {
    try {
      if (file.getAbsoluteFile().getParentFile() != null) {
        Files.createDirectories(file.getAbsoluteFile().getParentFile().toPath());
      }
      return new PrintStream(new FileOutputStream(file), true, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AlcoveException("cannot write " + file + ": " + IoErrors.reason(e));
    }
  }
}
