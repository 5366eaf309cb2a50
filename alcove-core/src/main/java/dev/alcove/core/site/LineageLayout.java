package dev.alcove.core.site;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Places the nodes of a DAG left to right in layers, the longest path from a source deciding each
 * node's layer, and orders each layer by the mean position of its neighbours (a few sweeps each
 * way), which keeps edges from crossing where they need not. Deterministic: the same graph gives
 * the same picture.
 *
 * @param <N> a node, compared by its name for ties
 */
final class LineageLayout<N> {

  static final int NODE_WIDTH = 240;
  static final int NODE_HEIGHT = 34;
  static final int GAP_X = 70;
  static final int GAP_Y = 16;
  static final int MARGIN = 12;
  private static final int SWEEPS = 4;

  /** Where a node is drawn: its top-left corner. */
  record Box(int x, int y, int layer) {}

  private final Map<N, Box> boxes = new LinkedHashMap<>();
  private final int width;
  private final int height;

  /**
   * @param nodes in an order where every node comes after its inputs
   * @param inputs each node's inputs among {@code nodes}
   * @param name how ties are broken
   */
  LineageLayout(List<N> nodes, Map<N, List<N>> inputs, Comparator<N> name) {
    Map<N, Integer> layerOf = new HashMap<>();
    int layers = 0;
    for (N node : nodes) {
      int layer = 0;
      for (N input : inputs.getOrDefault(node, List.of())) {
        layer = Math.max(layer, layerOf.getOrDefault(input, -1) + 1);
      }
      layerOf.put(node, layer);
      layers = Math.max(layers, layer + 1);
    }
    List<List<N>> columns = new ArrayList<>();
    for (int i = 0; i < layers; i++) {
      columns.add(new ArrayList<>());
    }
    nodes.stream().sorted(name).forEach(node -> columns.get(layerOf.get(node)).add(node));
    Map<N, List<N>> outputs = new HashMap<>();
    inputs.forEach(
        (node, ins) ->
            ins.forEach(in -> outputs.computeIfAbsent(in, k -> new ArrayList<>()).add(node)));
    for (int sweep = 0; sweep < SWEEPS; sweep++) {
      for (int i = 1; i < layers; i++) {
        reorder(columns.get(i), columns.get(i - 1), inputs);
      }
      for (int i = layers - 2; i >= 0; i--) {
        reorder(columns.get(i), columns.get(i + 1), outputs);
      }
    }
    int tallest = 0;
    for (int i = 0; i < layers; i++) {
      List<N> column = columns.get(i);
      for (int j = 0; j < column.size(); j++) {
        boxes.put(
            column.get(j),
            new Box(MARGIN + i * (NODE_WIDTH + GAP_X), MARGIN + j * (NODE_HEIGHT + GAP_Y), i));
      }
      tallest = Math.max(tallest, column.size());
    }
    this.width = 2 * MARGIN + Math.max(0, layers * (NODE_WIDTH + GAP_X) - GAP_X);
    this.height = 2 * MARGIN + Math.max(0, tallest * (NODE_HEIGHT + GAP_Y) - GAP_Y);
  }

  /**
   * Sorts {@code column} by the mean position of each node's neighbours in {@code fixed}; a node
   * with none keeps its place relative to the others (a stable sort on its current position).
   */
  private static <N> void reorder(List<N> column, List<N> fixed, Map<N, List<N>> neighbours) {
    Map<N, Integer> position = new HashMap<>();
    for (int i = 0; i < fixed.size(); i++) {
      position.put(fixed.get(i), i);
    }
    Map<N, Double> weight = new HashMap<>();
    for (int i = 0; i < column.size(); i++) {
      N node = column.get(i);
      double sum = 0;
      int count = 0;
      for (N other : neighbours.getOrDefault(node, List.of())) {
        Integer at = position.get(other);
        if (at != null) {
          sum += at;
          count++;
        }
      }
      weight.put(node, count == 0 ? i : sum / count);
    }
    column.sort(Comparator.comparingDouble(weight::get));
  }

  Map<N, Box> boxes() {
    return boxes;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }
}
