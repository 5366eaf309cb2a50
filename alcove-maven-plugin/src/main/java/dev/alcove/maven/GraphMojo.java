package dev.alcove.maven;

import dev.alcove.core.Alcove;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.graph.GraphText;
import dev.alcove.core.select.Selection;
import dev.alcove.core.table.StepDefinitions;
import java.io.File;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Prints the DAG of steps as Mermaid (which GitHub renders in Markdown) or Graphviz DOT, left to
 * right from snapshots to tables, on standard output (which {@code mvn -q} leaves alone) or into a
 * file.
 */
@Mojo(threadSafe = true, name = "graph")
public class GraphMojo extends AbstractAlcoveMojo {

  /** {@code mermaid} (the default) or {@code dot}. */
  @Parameter(property = AlcoveProperties.FORMAT, defaultValue = "mermaid")
  private String format;

  /**
   * Only these steps, in the language of {@code alcove.run}'s {@code alcove.select} ({@code
   * +countries/summary} for it and everything upstream); every step without it.
   */
  @Parameter(property = AlcoveProperties.SELECT)
  private String select;

  /** Steps to leave out, in the same language. */
  @Parameter(property = AlcoveProperties.EXCLUDE)
  private String exclude;

  /** Writes the graph to this file instead of standard output. */
  @Parameter(property = AlcoveProperties.OUTPUT)
  private File output;

  @Override
  protected void runGoal(GoalContext context) {
    GraphText.Format graphFormat = GraphText.Format.parse(format, context.frontEnd());
    Alcove alcove = openAlcove();
    StepGraph graph = StepGraph.of(alcove.catalogue());
    String text =
        GraphText.render(
            graph,
            Selection.parse(select, exclude, context.frontEnd())
                .resolve(graph.order(), graph::dependencies, graph::dependents, false),
            graphFormat,
            uri -> uri.isTable() && StepDefinitions.onSpark(alcove.layout(), uri));
    Documents.printText(text, output);
    if (output != null) {
      getLog().info("wrote the graph of the steps to " + output);
    }
  }
}
