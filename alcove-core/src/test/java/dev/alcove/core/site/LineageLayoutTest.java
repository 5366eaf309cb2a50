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
}
