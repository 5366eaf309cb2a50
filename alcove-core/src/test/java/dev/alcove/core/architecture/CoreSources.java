package dev.alcove.core.architecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The core's main sources, line by line, for the tests that hold the architecture. */
final class CoreSources {

  static final Path ROOT = Path.of("src/main/java/dev/alcove/core");

  /** One line of a source file, named by its path below the core's package. */
  record Line(String file, int number, String text) {
    @Override
    public String toString() {
      return file + ":" + number + ": " + text.strip();
    }
  }

  private CoreSources() {}

  static List<Line> lines() throws IOException {
    List<Line> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(ROOT)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String relative = ROOT.relativize(file).toString().replace('\\', '/');
        List<String> text = Files.readAllLines(file);
        for (int i = 0; i < text.size(); i++) {
          lines.add(new Line(relative, i + 1, text.get(i)));
        }
      }
    }
    return lines;
  }
}
