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
 * way), which keeps edges from crossing where they need not. An edge that spans several layers runs
 * through the gap between two boxes of each layer it crosses, never under a box. Deterministic: the
 * same graph gives the same picture.
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

  /** The top of each box, layer by layer, top to bottom. */
  private final List<List<Integer>> tops = new ArrayList<>();

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
      List<Integer> columnTops = new ArrayList<>();
      for (int j = 0; j < column.size(); j++) {
        Box box = new Box(x(i), MARGIN + j * (NODE_HEIGHT + GAP_Y), i);
        boxes.put(column.get(j), box);
        columnTops.add(box.y());
      }
      tops.add(columnTops);
      tallest = Math.max(tallest, column.size());
    }
    this.width = 2 * MARGIN + Math.max(0, layers * (NODE_WIDTH + GAP_X) - GAP_X);
    // Room below the tallest layer for an edge that runs under its last box.
    this.height = 2 * MARGIN + Math.max(0, tallest * (NODE_HEIGHT + GAP_Y));
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

  private static int x(int layer) {
    return MARGIN + layer * (NODE_WIDTH + GAP_X);
  }

  /**
   * The points an edge from {@code from} to {@code to} runs through: out of the right side of
   * {@code from}, then across each layer between the two along the gap between boxes nearest the
   * straight line (entering and leaving that layer at the same height), into the left side of
   * {@code to}. Consecutive points within a layer are joined straight; from one layer to the next,
   * in the space between layers where no box is, by a curve.
   */
  List<int[]> route(N from, N to) {
    Box start = boxes.get(from);
    Box end = boxes.get(to);
    List<int[]> points = new ArrayList<>();
    int y1 = start.y() + NODE_HEIGHT / 2;
    int y2 = end.y() + NODE_HEIGHT / 2;
    points.add(new int[] {start.x() + NODE_WIDTH, y1});
    int span = end.layer() - start.layer();
    for (int layer = start.layer() + 1; layer < end.layer(); layer++) {
      double along = (double) (layer - start.layer()) / span;
      int y = freeHeightNear(layer, (int) Math.round(y1 + (y2 - y1) * along));
      points.add(new int[] {x(layer), y});
      points.add(new int[] {x(layer) + NODE_WIDTH, y});
    }
    points.add(new int[] {end.x(), y2});
    return points;
  }

  /**
   * The middle of the free gap in {@code layer} nearest {@code wanted}: above, between or below.
   */
  private int freeHeightNear(int layer, int wanted) {
    List<Integer> columnTops = tops.get(layer);
    List<Integer> gaps = new ArrayList<>();
    gaps.add(MARGIN / 2);
    for (int top : columnTops) {
      gaps.add(top + NODE_HEIGHT + GAP_Y / 2);
    }
    int best = gaps.get(0);
    for (int gap : gaps) {
      if (Math.abs(gap - wanted) < Math.abs(best - wanted)) {
        best = gap;
      }
    }
    return best;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }
}
