package dev.alcove.core.run.runner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.checksum.FileDigester;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnginesTest {

  @TempDir Path dir;

  @Test
  void aClassFolderChangesTheJavaEngineButTheTablesShippedInItDoNot() throws Exception {
    Path classes = dir.resolve("classes");
    String none = java(classes);
    Files.createDirectories(classes.resolve("alcove/countries"));
    Files.writeString(classes.resolve("alcove/countries/latest.parquet"), "PAR1...");
    // Before the first build there is no folder; after it, only the tables it shipped.
    assertThat(java(classes)).isEqualTo(none);

    Files.writeString(classes.resolve("Step.class"), "v1");
    String before = java(classes);
    assertThat(before).isNotEqualTo(none);

    Files.writeString(classes.resolve("alcove/countries/latest.parquet"), "PAR1... changed");
    assertThat(java(classes)).isEqualTo(before);

    Files.writeString(classes.resolve("Step.class"), "v2");
    assertThat(java(classes)).isNotEqualTo(before);
  }

  private static String java(Path classes) {
    return new Engines(FileDigester.counting(), () -> List.of(classes)).java();
  }
}
