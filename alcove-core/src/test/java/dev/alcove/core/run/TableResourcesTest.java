package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.testing.TestAlcove;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableResourcesTest {

  private static final String SETTING = "<resources>";

  @TempDir Path dir;

  @Test
  void copiesTheSelectedTablesAndOnlyThem() throws Exception {
    TestAlcove t = alcoveWithTwoTables();
    Path folder = dir.resolve("target/generated-resources/alcove");

    List<Path> copies = export(t, "summary", folder);

    Path copy = folder.resolve("summary/latest.parquet");
    assertThat(copies).containsExactly(copy);
    assertThat(Files.readAllBytes(copy))
        .isEqualTo(Files.readAllBytes(t.path("data/tables/summary/latest.parquet")));
    assertThat(t.log.lines).anyMatch(l -> l.startsWith("resources: 1 table in "));

    // Unchanged: not copied again (its time would move). Another selection: the old copy goes.
    FileTime copied = Files.getLastModifiedTime(copy);
    export(t, "summary", folder);
    assertThat(Files.getLastModifiedTime(copy)).isEqualTo(copied);
    export(t, "regions", folder);
    assertThat(copy).doesNotExist();
    assertThat(folder.resolve("regions/latest.parquet")).isRegularFile();
  }

  @Test
  void aSnapshotOrAnUnbuiltTableIsRefusedNamingTheSetting() throws Exception {
    TestAlcove t = alcoveWithTwoTables();
    t.table("table://later/latest", ".sql", "SELECT 1", "table://summary/latest");
    Path folder = dir.resolve("out");

    assertThatThrownBy(() -> export(t, "snapshot://people/2024-07-26", folder))
        .isInstanceOf(AlcoveException.class)
        .hasMessage(
            "<resources>: snapshot://people/2024-07-26 is a snapshot; only tables are copied"
                + " into the resources");
    assertThatThrownBy(() -> export(t, "later", folder))
        .hasMessage("<resources>: table://later/latest is not built here: run the run goal first");
    assertThatThrownBy(() -> export(t, "nothing/like/this", folder))
        .hasMessageStartingWith("<resources>: 'nothing/like/this' matches no step");
  }

  @Test
  void nothingIsWrittenOrDeletedThroughALinkBelowTarget() throws Exception {
    TestAlcove t = alcoveWithTwoTables();
    Path outside = Files.createDirectories(dir.resolve("outside/alcove"));
    Path precious = Files.writeString(outside.resolve("precious.txt"), "mine");
    Files.createDirectories(dir.resolve("target"));
    Files.createSymbolicLink(dir.resolve("target/generated-resources"), dir.resolve("outside"));
    Path folder = dir.resolve("target/generated-resources/alcove");

    assertThatThrownBy(() -> export(t, "summary", folder))
        .isInstanceOf(AlcoveException.class)
        .hasMessageStartingWith(
            "refusing to write through the symbolic link "
                + dir.resolve("target/generated-resources"));
    assertThat(precious).hasContent("mine");
    try (var files = Files.list(outside)) {
      assertThat(files).containsExactly(precious);
    }
  }

  private TestAlcove alcoveWithTwoTables() {
    TestAlcove t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\nas,7\n");
    t.table(
        "table://summary/latest", ".sql", "SELECT * FROM '{people}'", "snapshot://people/latest");
    t.table(
        "table://regions/latest",
        ".sql",
        "SELECT region FROM '{people}'",
        "snapshot://people/latest");
    t.run();
    return t;
  }

  private List<Path> export(TestAlcove t, String select, Path folder) {
    return TableResources.export(
        t.alcove(), select, SETTING, folder, dir.resolve("target"), t.tableData(), t.log);
  }
}
