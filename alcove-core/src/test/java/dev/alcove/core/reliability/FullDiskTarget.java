package dev.alcove.core.reliability;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.testing.TestAlcove;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Run in a child JVM, in a mount namespace where a tiny file system is mounted on one folder of the
 * alcove or its store: tries one operation, prints how it failed and the files left on the full
 * file system, which vanishes with the child.
 */
public final class FullDiskTarget {
  public static void main(String[] args) throws Exception {
    String operation = args[0];
    TestAlcove t = new TestAlcove(Path.of(args[1]));
    Path full = Path.of(args[2]);
    try {
      if (operation.equals("snapshot")) {
        new dev.alcove.core.snapshot.TakeSnapshot(
                dev.alcove.core.testing.Contexts.of(t.log, 2, t::depot), t.alcove())
            .snapshot(Path.of(args[3]), "big/2024-07-26", false);
        System.out.println("succeeded");
      } else {
        var report = t.run();
        System.out.println(report.succeeded() ? "succeeded" : "failed: " + report.failureSummary());
      }
    } catch (AlcoveException | UncheckedIOException e) {
      // the two kinds the Mojos turn into a one-line build failure
      System.out.println("failed: " + e.getMessage().replace("\n", "\\n"));
    } catch (RuntimeException e) {
      System.out.println("unexpected: " + e);
    }
    try (Stream<Path> files = Files.walk(full)) {
      files
          .filter(Files::isRegularFile)
          .forEach(f -> System.out.println("left: " + full.relativize(f)));
    }
  }
}
