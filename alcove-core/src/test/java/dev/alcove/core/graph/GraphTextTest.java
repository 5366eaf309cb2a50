package dev.alcove.core.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GraphTextTest {

  @TempDir Path dir;

  @Test
  void mermaidAndDotShowEveryStepLeftToRightWithTheEdgesAmongThoseShown() {
    TestAlcove t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    t.table("table://summary/latest", ".sql", "SELECT 1", "snapshot://people/latest");
    t.table("table://top/latest", ".sql", "SELECT 1", "table://summary/latest");
    TestAlcove.write(t.path("src/steps/tables/summary.meta.yaml"), "engine: spark\n");
    StepGraph graph = StepGraph.of(t.alcove().catalogue());
    Set<StepUri> all = Set.copyOf(graph.order());
    java.util.function.Predicate<StepUri> onSpark =
        uri ->
            uri.isTable()
                && dev.alcove.core.table.StepDefinitions.onSpark(t.alcove().layout(), uri);

    assertThat(GraphText.render(graph, all, GraphText.Format.MERMAID, onSpark))
        .isEqualTo(
            """
            flowchart LR
              n0[("snapshot://people/2024-07-26")]:::snapshot
              n1["table://summary/latest (Spark)"]:::spark
              n2["table://top/latest"]:::table
              n0 --> n1
              n1 --> n2
              classDef snapshot fill:#e3f2fd,stroke:#1565c0
              classDef table fill:#e8f5e9,stroke:#2e7d32
              classDef spark fill:#fff3e0,stroke:#e65100
            """);
    assertThat(
            GraphText.render(
                graph,
                Set.of(
                    StepUri.parse("table://summary/latest"), StepUri.parse("table://top/latest")),
                GraphText.Format.DOT,
                onSpark))
        .isEqualTo(
            """
            digraph alcove {
              rankdir=LR;
              node [fontname="Helvetica"];
              n0 [label="table://summary/latest (Spark)", shape=box, fillcolor="#fff3e0", style=filled];
              n1 [label="table://top/latest", shape=box, fillcolor="#e8f5e9", style=filled];
              n0 -> n1;
            }
            """);
    assertThatThrownBy(() -> GraphText.Format.parse("svg", FrontEnd.NEUTRAL))
        .hasMessage("alcove.format=svg is not one of mermaid, dot");
  }
}
