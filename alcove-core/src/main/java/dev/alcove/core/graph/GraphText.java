package dev.alcove.core.graph;

import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.frontend.SettingChoices;
import dev.alcove.core.uri.StepUri;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The DAG as text for terminals and docs: Mermaid, which GitHub renders in Markdown, or Graphviz's
 * DOT. Left to right, from snapshots to tables, one node per step with its URI as its label, and
 * only the edges between the steps shown.
 */
public final class GraphText {

  /** The two text forms. */
  public enum Format {
    MERMAID,
    DOT;

    public static Format parse(String text, FrontEnd frontEnd) {
      return SettingChoices.parse(Format.class, Setting.FORMAT, text, frontEnd);
    }
  }

  private GraphText() {}

  /** {@code steps} (in the graph's order) and the edges among them, in {@code format}. */
  public static String render(
      StepGraph graph,
      Set<StepUri> steps,
      Format format,
      java.util.function.Predicate<StepUri> onSpark) {
    List<StepUri> ordered = graph.ordered(steps);
    Map<StepUri, String> ids = new LinkedHashMap<>();
    for (StepUri uri : ordered) {
      ids.put(uri, "n" + ids.size());
    }
    StringBuilder text = new StringBuilder();
    if (format == Format.MERMAID) {
      text.append("flowchart LR\n");
      for (StepUri uri : ordered) {
        text.append("  ")
            .append(ids.get(uri))
            .append(uri.isSnapshot() ? "[(\"" : "[\"")
            .append(mermaidLabel(uri))
            .append(onSpark.test(uri) ? " (Spark)" : "")
            .append(uri.isSnapshot() ? "\")]" : "\"]")
            .append(":::")
            .append(uri.isTable() && onSpark.test(uri) ? "spark" : kind(uri))
            .append('\n');
      }
      edges(graph, ordered, ids, text, "  %s --> %s\n");
      text.append("  classDef snapshot fill:#e3f2fd,stroke:#1565c0\n");
      text.append("  classDef table fill:#e8f5e9,stroke:#2e7d32\n");
      text.append("  classDef spark fill:#fff3e0,stroke:#e65100\n");
    } else {
      text.append("digraph alcove {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
      for (StepUri uri : ordered) {
        text.append("  ")
            .append(ids.get(uri))
            .append(" [label=\"")
            .append(dotLabel(uri))
            .append(onSpark.test(uri) ? " (Spark)" : "")
            .append("\", shape=")
            .append(
                uri.isSnapshot()
                    ? "cylinder, fillcolor=\"#e3f2fd\""
                    : onSpark.test(uri)
                        ? "box, fillcolor=\"#fff3e0\""
                        : "box, fillcolor=\"#e8f5e9\"")
            .append(", style=filled];\n");
      }
      edges(graph, ordered, ids, text, "  %s -> %s;\n");
      text.append("}\n");
    }
    return text.toString();
  }

  private static void edges(
      StepGraph graph,
      List<StepUri> ordered,
      Map<StepUri, String> ids,
      StringBuilder text,
      String edge) {
    for (StepUri uri : ordered) {
      for (StepUri dep : graph.dependencies(uri)) {
        if (ids.containsKey(dep)) {
          text.append(String.format(Locale.ROOT, edge, ids.get(dep), ids.get(uri)));
        }
      }
    }
  }

  private static String kind(StepUri uri) {
    return uri.isSnapshot() ? "snapshot" : "table";
  }

  /** URIs hold no quote today; one in a label would end it, so it is escaped all the same. */
  private static String mermaidLabel(StepUri uri) {
    return uri.toString().replace("\"", "#quot;");
  }

  private static String dotLabel(StepUri uri) {
    return uri.toString().replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
