package dev.alcove.core.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's native library is unpacked once per home and build of DuckDB, even by JVMs at once. */
@Tag("reliability")
class DuckDbDriverTest {

  @TempDir Path home;

  private Process probe() throws Exception {
    return probe(DuckDbProbe.class.getName());
  }

  private Process probe(String... mainAndArguments) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + home,
                "-cp",
                System.getProperty("java.class.path")));
    command.addAll(List.of(mainAndArguments));
    return new ProcessBuilder(command).redirectErrorStream(true).start();
  }

  @Test
  void aRunThatStopsWhileUnpackingLeavesNoPartialCopyAndOldOnesAreSwept() throws Exception {
    Path folder = Files.createDirectories(home.resolve(".cache/alcove-native/duckdb-0-1"));
    Path abandoned = Files.writeString(folder.resolve("libduckdb_java.so.tmp-old"), "partial");
    Files.setLastModifiedTime(
        abandoned,
        java.nio.file.attribute.FileTime.from(
            java.time.Instant.now().minus(java.time.Duration.ofHours(1))));
    Path inProgress = Files.writeString(folder.resolve("libduckdb_java.so.tmp-now"), "partial");

    for (String delay : List.of("0", "40", "150")) {
      Process exiting = probe(DuckDbExitProbe.class.getName(), delay);
      exiting.getInputStream().readAllBytes();
      assertThat(exiting.waitFor()).isEqualTo(1);
    }

    try (Stream<Path> files = Files.walk(home.resolve(".cache/alcove-native"))) {
      assertThat(files.filter(file -> file.getFileName().toString().contains(".tmp-")))
          .containsExactly(inProgress);
    }
    assertThat(abandoned).doesNotExist();
  }

  @Test
  void threeJvmsStartingAtOnceShareOneUnpackedLibraryAndLaterOnesReuseIt() throws Exception {
    List<Process> first = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      first.add(probe());
    }
    for (Process process : first) {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor()).as(output).isZero();
      assertThat(output).contains("answer 42 isolated");
    }
    Path library;
    try (Stream<Path> files = Files.walk(home.resolve(".cache/alcove-native"))) {
      List<Path> found = files.filter(Files::isRegularFile).toList();
      assertThat(found).hasSize(1);
      library = found.get(0);
    }
    assertThat(library.getParent().getFileName().toString()).matches("duckdb-[0-9a-f]{8}-\\d+");
    long unpackedAt = Files.getLastModifiedTime(library).toMillis();

    Process again = probe();
    assertThat(new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .contains("answer 42 isolated");
    assertThat(Files.getLastModifiedTime(library).toMillis()).isEqualTo(unpackedAt);
  }
}
