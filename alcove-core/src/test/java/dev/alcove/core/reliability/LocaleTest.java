package dev.alcove.core.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JVM started without a UTF-8 locale ({@code LANG} unset, as in many containers) cannot open a
 * file whose name is not ASCII: alcove says so in one line with the fix, and still works for the
 * rest.
 */
@Tag("reliability")
class LocaleTest {

  @TempDir Path dir;

  @Test
  void withoutAUtf8LocaleANonAsciiNameFailsNamingTheLocaleAndTheFix() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    Path accents = Files.createDirectories(dir.resolve("accents"));
    Files.writeString(accents.resolve("caf\u00e9-\u00e9.txt"), "x\n");
    Path plain = Files.createDirectories(dir.resolve("plain"));
    Files.writeString(plain.resolve("cafe.txt"), "x\n");

    String failed = snapshotWithoutLocale(t, accents, "accents", 1);
    assertThat(failed)
        .contains("AlcoveException: cannot handle the file name")
        .contains("because the locale is not UTF-8 (LANG is unset)")
        .contains("run again with LANG=C.UTF-8");
    snapshotWithoutLocale(t, plain, "plain", 0);

    assertThat(CatalogueFile.read(t.root).steps().keySet())
        .containsExactly(StepUri.parse("snapshot://plain/2024-07-26"));
  }

  private String snapshotWithoutLocale(TestAlcove t, Path source, String dataset, int exit)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    System.getProperty("java.class.path"),
                    ConcurrentWriter.class.getName(),
                    "snapshot",
                    t.root.toString(),
                    t.store.toString(),
                    t.root.toString(),
                    source.toString(),
                    dataset))
            .redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.equals("LANG") || name.startsWith("LC_"));
    Process child = builder.start();
    String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(child.waitFor()).as(output).isEqualTo(exit);
    return output;
  }
}
