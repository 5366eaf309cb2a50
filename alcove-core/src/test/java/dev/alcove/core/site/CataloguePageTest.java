package dev.alcove.core.site;

import static org.assertj.core.api.Assertions.assertThat;

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

    String html = new CataloguePage(t.alcove()).html("People <catalogue>");

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
        .contains("class=\"node table never-built\" data-uri=\"table://unbuilt/latest\"")
        .contains("<dt>rows</dt><dd>2</dd>")
        .contains("<td>region</td>")
        .contains("not built here");
    assertThat(html.split("<path class=\"edge\"", -1)).hasSize(3);
  }
}
