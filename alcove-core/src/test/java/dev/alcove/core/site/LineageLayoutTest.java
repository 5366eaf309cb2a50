package dev.alcove.core.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageLayoutTest {

  /** A DAG like the bench's: 40 chains of 50 from one source, each step also reading the source. */
  private static Map<String, List<String>> chains(int chains, int length) {
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    inputs.put("seed", List.of());
    for (int c = 0; c < chains; c++) {
      for (int j = 0; j < length; j++) {
        List<String> in = new ArrayList<>(List.of("seed"));
        if (j > 0) {
          in.add("c" + c + "/" + (j - 1));
        }
        inputs.put("c" + c + "/" + j, in);
      }
    }
    return inputs;
  }

  private static LineageLayout<String> layout(Map<String, List<String>> inputs) {
    return new LineageLayout<>(new ArrayList<>(inputs.keySet()), inputs, Comparator.naturalOrder());
  }

  @Test
  void everyNodeHasItsOwnPlaceRightOfItsInputsAndTheSameGraphGivesTheSamePicture() {
    Map<String, List<String>> inputs = chains(40, 50);
    LineageLayout<String> placed = layout(inputs);

    assertThat(placed.boxes()).hasSize(inputs.size());
    List<LineageLayout.Box> boxes = new ArrayList<>(placed.boxes().values());
    for (int i = 0; i < boxes.size(); i++) {
      for (int j = i + 1; j < boxes.size(); j++) {
        LineageLayout.Box a = boxes.get(i);
        LineageLayout.Box b = boxes.get(j);
        boolean apart =
            a.x() + LineageLayout.NODE_WIDTH <= b.x()
                || b.x() + LineageLayout.NODE_WIDTH <= a.x()
                || a.y() + LineageLayout.NODE_HEIGHT <= b.y()
                || b.y() + LineageLayout.NODE_HEIGHT <= a.y();
        assertThat(apart).as("%s overlaps %s", a, b).isTrue();
      }
    }
    inputs.forEach(
        (node, ins) ->
            ins.forEach(
                in ->
                    assertThat(placed.boxes().get(in).x())
                        .as("%s left of %s", in, node)
                        .isLessThan(placed.boxes().get(node).x())));
    placed
        .boxes()
        .values()
        .forEach(
            box -> {
              assertThat(box.x() + LineageLayout.NODE_WIDTH).isLessThanOrEqualTo(placed.width());
              assertThat(box.y() + LineageLayout.NODE_HEIGHT).isLessThanOrEqualTo(placed.height());
            });
    assertThat(layout(inputs).boxes()).isEqualTo(placed.boxes());
  }

  @Test
  void aChainStaysOnOneRowSoItsEdgesDoNotCross() {
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    inputs.put("a", List.of());
    inputs.put("z", List.of());
    inputs.put("a2", List.of("a"));
    inputs.put("z2", List.of("z"));
    inputs.put("b3", List.of("z2"));
    inputs.put("y3", List.of("a2"));
    LineageLayout<String> placed = layout(inputs);
    assertThat(placed.boxes().get("y3").y()).isEqualTo(placed.boxes().get("a").y());
    assertThat(placed.boxes().get("b3").y()).isEqualTo(placed.boxes().get("z").y());
  }

  @Test
  void noEdgePassesUnderANodeBox() {
    // The example's shape: population (layer 0) feeds by-country (layer 2) past countries (layer
    // 1).
    Map<String, List<String>> example = new LinkedHashMap<>();
    example.put("country-codes", List.of());
    example.put("population", List.of());
    example.put("countries", List.of("country-codes"));
    example.put("by-country", List.of("population", "countries"));
    example.put("by-region", List.of("by-country"));
    example.put("growth", List.of("by-region"));
    example.put("published", List.of("by-region"));
    for (Map<String, List<String>> graph : List.of(example, chains(6, 7))) {
      LineageLayout<String> placed = layout(graph);
      graph.forEach(
          (node, ins) -> {
            for (String in : ins) {
              List<int[]> route = placed.route(in, node);
              for (double[] point : samples(route)) {
                placed
                    .boxes()
                    .forEach(
                        (other, box) ->
                            assertThat(strictlyInside(point, box))
                                .as(
                                    "edge %s -> %s at %s passes under %s",
                                    in, node, point[0] + "," + point[1], other)
                                .isFalse());
              }
            }
          });
    }
  }

  /** Points along the drawn edge: its straight parts and, finely, its curves. */
  private static List<double[]> samples(List<int[]> route) {
    List<double[]> points = new ArrayList<>();
    for (int i = 1; i < route.size(); i++) {
      int[] a = route.get(i - 1);
      int[] b = route.get(i);
      double bend = (b[0] - a[0]) / 2.0;
      for (int step = 0; step <= 40; step++) {
        double t = step / 40.0;
        if (i % 2 == 0) {
          points.add(new double[] {a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t});
        } else {
          double u = 1 - t;
          double x =
              u * u * u * a[0]
                  + 3 * u * u * t * (a[0] + bend)
                  + 3 * u * t * t * (b[0] - bend)
                  + t * t * t * b[0];
          double y =
              u * u * u * a[1] + 3 * u * u * t * a[1] + 3 * u * t * t * b[1] + t * t * t * b[1];
          points.add(new double[] {x, y});
        }
      }
    }
    return points;
  }

  private static boolean strictlyInside(double[] point, LineageLayout.Box box) {
    return point[0] > box.x()
        && point[0] < box.x() + LineageLayout.NODE_WIDTH
        && point[1] > box.y()
        && point[1] < box.y() + LineageLayout.NODE_HEIGHT;
  }
}
