package dev.alcove.core.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.testing.TestAlcove;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlcoveDatabaseTest {

  @TempDir Path dir;
  TestAlcove t;
  ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir);
    t.table(
        "table://a/b/c/2024-07-26",
        ".sql",
        "SELECT 'x, \"quoted\"' AS text, 1.5 AS n, NULL AS nothing");
    t.table("table://a/d/c/latest", ".sql", "SELECT 2 AS n");
    t.run();
  }

  @Test
  void viewsByFullNameAndShortestAlias() {
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.BOTH, t.tableData(), t.log)) {
      assertThat(db.views().keySet())
          .containsExactlyInAnyOrder("b_c", "a_b_c_20240726", "d_c", "a_d_c_latest");
    }
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.SHORT, t.tableData(), t.log)) {
      assertThat(db.views().keySet()).containsExactlyInAnyOrder("b_c", "d_c");
    }
  }

  @Test
  void aResultLargerThanTheHeapIsStreamedInEveryFormat() throws Exception {
    for (ResultFormat format : ResultFormat.values()) {
      Process child =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx48m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  LargeQuery.class.getName(),
                  t.root.toString(),
                  "SELECT range AS n, 'row ' || range AS label FROM range(1000000)",
                  format.name())
              .redirectErrorStream(true)
              .start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(child.waitFor()).as(output).isZero();
      assertThat(output).as(format.name()).contains("rows 1000000");
    }
  }

  @Test
  void tablesWhoseNamesMeetInSnakeCaseAreRefusedNotDropped() {
    t.table("table://sales/eu_west/latest", ".sql", "SELECT 1 AS n");
    t.table("table://sales_eu/west/latest", ".sql", "SELECT 2 AS n");
    t.run();
    assertThatThrownBy(
            () -> AlcoveDatabase.open(t.alcove(), TableViews.Names.FULL, t.tableData(), t.log))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining(
            "tables table://sales/eu_west/latest and table://sales_eu/west/latest would both be"
                + " the view sales_eu_west_latest");
  }

  @Test
  void bareNameQueriesAndTheThreeFormats() {
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.BOTH, t.tableData(), t.log)) {
      db.query("b_c", ResultFormat.CSV, out);
      assertThat(text()).isEqualTo("text,n,nothing\n\"x, \"\"quoted\"\"\",1.5,\n");
      bytes.reset();
      db.query("SELECT * FROM a_b_c_20240726;", ResultFormat.JSON, out);
      assertThat(text())
          .isEqualTo(
              "[\n  {\"text\": \"x, \\\"quoted\\\"\", \"n\": \"1.5\", \"nothing\": null}\n]\n");
      bytes.reset();
      db.query("SELECT n FROM d_c", ResultFormat.TABLE, out);
      assertThat(text()).isEqualTo("n\n-\n2\n(1 row)\n");
      assertThatThrownBy(() -> db.query("SELECT * FROM nowhere", ResultFormat.TABLE, out))
          .isInstanceOf(AlcoveException.class)
          .hasMessageStartingWith("SQL error: Catalog Error")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @Test
  void aBareUnknownNameSaysThereIsNoSuchTableAndNamesTheNearest() {
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.BOTH, t.tableData(), t.log)) {
      assertThatThrownBy(() -> db.query("b_x", ResultFormat.TABLE, out))
          .hasMessage(
              "no table is named 'b_x'; the nearest are b_c, d_c (the db goal without a query"
                  + " lists them all)");
      assertThatThrownBy(() -> db.query("nosuchthing", ResultFormat.TABLE, out))
          .hasMessage(
              "no table is named 'nosuchthing' (the db goal without a query lists them all)");
    }
  }

  @Test
  void numbersPrintAsDuckDbPrintsThem() {
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.BOTH, t.tableData(), t.log)) {
      db.query(
          "SELECT sum(x) AS total, avg(x) AS mean, 1e20::DOUBLE AS big, 0.00001::DOUBLE AS small"
              + " FROM (VALUES (1552499999), (1)) v(x)",
          ResultFormat.CSV,
          out);
      assertThat(text()).isEqualTo("total,mean,big,small\n1552500000,776250000.0,1e+20,1e-05\n");
    }
    assertThat(ResultFormat.floating(0.1)).isEqualTo("0.1");
    assertThat(ResultFormat.floating(-2.5e-7)).isEqualTo("-2.5e-07");
    assertThat(ResultFormat.floating(1552500000.0)).isEqualTo("1552500000.0");
  }

  @Test
  void aShortNameNeverQuietlyShowsAnotherTableAndAVanishedOneIsExplained() {
    t.table("table://x/only/latest", ".sql", "SELECT 'x' AS source");
    t.run();
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.SHORT, t.tableData(), t.log)) {
      assertThat(db.views()).containsKey("only");
    }

    // A new version of a/d/c: its short name d_c gives way to one name per version.
    t.table("table://a/d/c/2024-10-03", ".sql", "SELECT 3 AS n");
    t.run();
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.BOTH, t.tableData(), t.log)) {
      assertThatThrownBy(() -> db.query("SELECT * FROM d_c", ResultFormat.TABLE, out))
          .hasMessage(
              "d_c is no longer a view: it showed table://a/d/c/latest; that dataset's views now:"
                  + " d_c_20241003 (table://a/d/c/2024-10-03), a_d_c_20241003"
                  + " (table://a/d/c/2024-10-03), d_c_latest (table://a/d/c/latest), a_d_c_latest"
                  + " (table://a/d/c/latest)");
    }

    // Another 'only' appears, then the first is removed: 'only' would now show the other one.
    t.table("table://y/only/latest", ".sql", "SELECT 'y' AS source");
    t.run();
    dev.alcove.core.table.RemoveStep.remove(t.alcove(), "table://x/only/latest", t.log);
    t.log.warnings.clear();
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.BOTH, t.tableData(), t.log)) {
      assertThat(db.views()).doesNotContainKey("only").containsKey("y_only_latest");
      assertThat(t.log.warnings)
          .containsExactly(
              "the view only is left out: it showed table://x/only/latest and would now show"
                  + " table://y/only/latest; y_only_latest shows table://y/only/latest (delete"
                  + " target/alcove/db-views.tsv to take the new short names)");
    }
  }

  @Test
  void promptRunsStatementsEndedBySemicolonsAndSurvivesErrors() {
    try (AlcoveDatabase db =
        AlcoveDatabase.open(t.alcove(), TableViews.Names.SHORT, t.tableData(), t.log)) {
      db.prompt(
          new BufferedReader(new StringReader("SELECT nope;\nSELECT n\nFROM d_c;\n.quit\n")), out);
    }
    assertThat(text()).contains("SQL error: Binder Error", "n\n-\n2\n(1 row)");
  }

  private String text() {
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
