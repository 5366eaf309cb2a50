package dev.alcove.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.testing.TestAlcove;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CataloguePageTest {

  @TempDir Path dir;

  @Test
  void everyStepIsDrawnAndLinkedAndUserTextIsShownAsText() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\nas,7\n");
    Path sidecar = t.path("data/snapshots/people/2024-07-26.meta.yaml");
    Files.writeString(
        sidecar,
        Files.readString(sidecar)
            + "description: <script>alert(1)</script> & more\nlicense: CC0-1.0\n");
    t.table(
        "table://summary/latest",
        ".sql",
        "SELECT * FROM '{people}' -- <b>",
        "snapshot://people/latest");
    t.table("table://unbuilt/latest", ".sql", "SELECT 1", "table://summary/latest");
    t.run("summary", false, false, 2);
    // A hostile sidecar from a colleague's branch, after the build.
    Files.writeString(
        sidecar,
        Files.readString(sidecar)
            + "source_url: javascript:alert(2)\nlicense_url: javascript:alert(3)\n");

    String html = page(t).html("People <catalogue>", t.path("target/alcove/catalogue"));

    assertThat(html)
        .contains("<title>People &lt;catalogue&gt;</title>")
        .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; more")
        .doesNotContain("<script>")
        .doesNotContain("href=\"javascript:")
        .contains("SELECT * FROM &#39;{people}&#39; -- &lt;b&gt;");
    for (String uri :
        new String[] {
          "snapshot://people/2024-07-26", "table://summary/latest", "table://unbuilt/latest"
        }) {
      String anchor = Html.anchor(uri);
      assertThat(html)
          .contains("<a href=\"#" + anchor + "\"><g class=\"node")
          .contains("id=\"" + anchor + "\"");
    }
    assertThat(html)
        .contains("class=\"node kind-table state-never-built\" data-uri=\"table://unbuilt/latest\"")
        .contains("<dt>rows</dt><dd>2</dd>")
        .contains("<td>region</td>")
        .contains("not built here")
        // The sidecar upstream was edited after the build: the run would rewrite the metadata.
        .contains("class=\"node kind-table state-out-of-date\" data-uri=\"table://summary/latest\"")
        .contains("out of date: update metadata (an input&#39;s sidecar changed, its data did not)")
        .contains("<dt>licences upstream</dt><dd>CC0-1.0 (<a href=\"#")
        .contains("<p class=\"status state-never-built\">never built</p>")
        // The definition is a link from the page's folder.
        .contains(
            "<a href=\"../../../src/steps/tables/summary.sql\"><code>src/steps/tables/summary.sql"
                + "</code></a>");
    assertThat(html.split("<path class=\"edge\"", -1)).hasSize(3);
  }

  @Test
  void nodesAreColouredByWhatTheNextRunWouldDoAndByTheLastRunsFailures() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\nas,7\n");
    t.table(
        "table://summary/latest", ".sql", "SELECT * FROM '{people}'", "snapshot://people/latest");
    t.table(
        "table://broken/latest", ".sql", "SELECT * FROM no_such_table", "snapshot://people/latest");
    TestAlcove.write(
        t.path("src/steps/tables/summary.meta.yaml"),
        "validation:\n  expressions:\n    - people > 0\n  accepted_values:\n"
            + "    region: {values: [eu], severity: warn}\n");
    TestAlcove.write(
        t.path("src/steps/tables/broken.meta.yaml"), "validation:\n  expressions:\n    - 1 = 1\n");
    t.run();
    TestAlcove.write(t.path("src/steps/tables/summary.sql"), "SELECT region FROM '{people}'");

    String html = page(t).fragment(t.path("target/site"));

    assertThat(html)
        .contains("class=\"node kind-table state-out-of-date\" data-uri=\"table://summary/latest\"")
        .contains("<p class=\"status state-out-of-date\">out of date: build (")
        .contains("class=\"node kind-table state-failed\" data-uri=\"table://broken/latest\"")
        .containsPattern(
            "<p class=\"status state-failed\">failed in the last run: [^<]*no_such_table")
        .contains("class=\"node kind-snapshot state-up-to-date\"")
        .contains("<li>expressions: people &gt; 0 (error): passed at the last build</li>")
        .contains("(warn): checked at the last build (a failure is a warning")
        .contains(
            "<li>expressions: 1 = 1 (error): <span class=\"missing\">see the last run's error")
        .contains("<a href=\"../../src/steps/tables/summary.sql\">");
    // Scoped: inside a site's page the catalogue's rules touch only the catalogue.
    String style = html.substring(html.indexOf("<style>") + 7, html.indexOf("</style>"));
    for (String rule : style.split("}")) {
      assertThat(rule).startsWith(".alcove-catalogue ");
    }
  }

  @Test
  void aPlanThatCannotBeMadeLeavesTheStatesUnknownAndThePageIsStillWritten() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region\neu\n");
    t.table(
        "table://summary/latest", ".sql", "SELECT * FROM '{people}'", "snapshot://people/latest");
    // Two definitions of one table: no run can be planned until one is removed.
    TestAlcove.write(t.path("src/steps/tables/summary.py"), "print(1)\n");

    String html = page(t).html("x", dir);

    assertThat(html)
        .contains("class=\"node kind-table state-unknown\" data-uri=\"table://summary/latest\"")
        .contains("<p class=\"status state-unknown\">state unknown: ");
    assertThat(t.log.warnings)
        .anyMatch(w -> w.startsWith("catalogue: the steps' states are unknown: "));
  }

  @Test
  void aTableOnSparkSaysSo() {
    TestAlcove t = new TestAlcove(dir);
    t.table("table://big/latest", ".sql", "SELECT 1 AS n");
    TestAlcove.write(t.path("src/steps/tables/big.meta.yaml"), "engine: spark\n");
    assertThat(page(t).html("x", dir))
        .contains("<dt>engine</dt><dd>Spark SQL, on the Spark Connect server</dd>");
  }

  @Test
  void theNewestVersionOfADatasetShowsItsHistoryFromTheSidecarsAlone() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    Path folder = Files.createDirectories(dir.resolve("drop"));
    Files.writeString(folder.resolve("a.csv"), "x\n1\n");
    Files.writeString(folder.resolve("b.csv"), "x\n2\n");
    t.snapshot(folder, "files/2024-07-24");
    Files.writeString(folder.resolve("b.csv"), "x\n3\n");
    Files.writeString(folder.resolve("c.csv"), "x\n4\n");
    Files.delete(folder.resolve("a.csv"));
    t.snapshot(folder, "files/2024-07-25");
    t.snapshot(folder, "files/2024-07-26");
    t.snapshotText("people/2024-07-25", "people.csv", "id\n1\n");
    t.snapshotText("people/2024-07-26", "people.csv", "id\n1\n2\n");
    // No file is read: the folders' data may be gone.
    for (String version : new String[] {"2024-07-24", "2024-07-25", "2024-07-26"}) {
      dev.alcove.core.io.Folders.delete(t.path("data/snapshots/files/" + version));
    }

    String html = page(t).html("History", t.path("target/alcove/catalogue"));

    assertThat(html)
        .contains(
            "<dt>history</dt><dd><ul><li>2024-07-26: same data</li>"
                + "<li>2024-07-25: +1 file, -1, 1 changed</li></ul></dd>")
        .contains("<dt>history</dt><dd><ul><li>2024-07-26: new data, 5 B -&gt; 7 B</li></ul></dd>");
    // Shown once per dataset, on its newest version.
    assertThat(html.split("<dt>history</dt>", -1)).hasSize(3);
  }

  private static CataloguePage page(TestAlcove t) {
    try (GoalContext context = t.context(2)) {
      return new CataloguePage(t.alcove(), StepStates.of(context, t.alcove()), t.tableData());
    }
  }
}
