package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableDeltaTest {

  @TempDir Path dir;

  @Test
  void aRebuiltTableSaysHowItDiffersFromWhatItReplacedInTheLogAndTheResults() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    StepUri numbers = t.table("table://numbers/latest", ".sql", "SELECT * FROM range(248) r(n)");
    assertThat(t.run().succeeded()).isTrue();
    assertThat(t.lines).noneMatch(line -> line.contains(" (rows "));

    TestAlcove.write(
        t.path("src/steps/tables/numbers.sql"), "SELECT n, n * 2 AS twice FROM range(251) r(n)");
    RunReport rebuilt = t.run();

    assertThat(rebuilt.deltas()).containsExactly(Map.entry(numbers, "rows 248 -> 251, +1 column"));
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith("built table://numbers/latest: 251 rows, 2 columns, ")
                    && line.endsWith(" (rows 248 -> 251, +1 column)"));
    assertThat(Files.readString(t.path("target/alcove/run-results.json")))
        .contains("\"delta\": \"rows 248 -> 251, +1 column\"");
    // The catalogue shows the table's outputs, newest first, with the change each made.
    try (var context = t.context(1)) {
      assertThat(
              new dev.alcove.core.site.CataloguePage(
                      t.alcove(),
                      dev.alcove.core.site.StepStates.of(context, t.alcove()),
                      t.tableData())
                  .html("lake", t.path("target/alcove/catalogue")))
          .containsPattern(
              "<dt>history</dt><dd><ul><li>[0-9T:.\\-]+Z: rows 248 -&gt; 251, \\+1 column</li><li>[0-9T:.\\-]+Z: 248 rows</li></ul>");
    }
  }

  @Test
  void theLineCountsColumnsAddedRemovedAndRetyped() {
    assertThat(
            TableDelta.describe(
                3,
                Map.of("a", "BIGINT", "b", "VARCHAR", "c", "DATE"),
                3,
                Map.of("a", "DOUBLE", "b", "VARCHAR", "d", "DATE", "e", "DATE")))
        .isEqualTo("rows 3 -> 3, +2 columns, -1 column, 1 column retyped");
  }
}
