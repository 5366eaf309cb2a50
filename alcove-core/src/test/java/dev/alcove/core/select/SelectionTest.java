package dev.alcove.core.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.uri.StepUri;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The selection language over a small graph: raw -> countries -> summary -> report. */
class SelectionTest {

  static final Map<String, List<String>> GRAPH = new TreeMap<>();

  static {
    GRAPH.put("snapshot://countries/2024-07-26", List.of());
    GRAPH.put("snapshot://population/2024-07-26", List.of());
    GRAPH.put("table://countries/latest", List.of("snapshot://countries/2024-07-26"));
    GRAPH.put(
        "table://countries/summary/latest",
        List.of("table://countries/latest", "snapshot://population/2024-07-26"));
    GRAPH.put("table://countries/summary/2024-01-01", List.of("table://countries/latest"));
    GRAPH.put("table://report/latest", List.of("table://countries/summary/latest"));
  }

  private static Set<String> select(String select, String exclude, boolean regexNeighbours) {
    Selection selection = Selection.parse(select, exclude, FrontEnd.NEUTRAL);
    return selection
        .resolve(
            GRAPH.keySet().stream().map(StepUri::parse).toList(),
            uri -> GRAPH.get(uri.toString()).stream().map(StepUri::parse).toList(),
            uri ->
                GRAPH.entrySet().stream()
                    .filter(e -> e.getValue().contains(uri.toString()))
                    .map(e -> StepUri.parse(e.getKey()))
                    .toList(),
            regexNeighbours)
        .stream()
        .map(StepUri::toString)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static Set<String> select(String select) {
    return select(select, null, true);
  }

  @Test
  void aPathSelectsTheStepsWhoseSegmentsStartWithItAndNothingElse() {
    assertThat(select("countries/summary"))
        .containsExactly(
            "table://countries/summary/2024-01-01", "table://countries/summary/latest");
    assertThat(select("countries/summary/latest"))
        .containsExactly("table://countries/summary/latest");
    assertThat(select("countries"))
        .containsExactly(
            "snapshot://countries/2024-07-26",
            "table://countries/latest",
            "table://countries/summary/2024-01-01",
            "table://countries/summary/latest");
    assertThat(select("table://countries")).doesNotContain("snapshot://countries/2024-07-26");
    assertThat(select("table://countries/summary/latest"))
        .containsExactly("table://countries/summary/latest");
  }

  @Test
  void plusBringsUpstreamOrDownstream() {
    assertThat(select("+countries/summary/latest"))
        .containsExactly(
            "snapshot://countries/2024-07-26",
            "snapshot://population/2024-07-26",
            "table://countries/latest",
            "table://countries/summary/latest");
    assertThat(select("countries/summary/latest+"))
        .containsExactly("table://countries/summary/latest", "table://report/latest");
    assertThat(select("+report+")).hasSize(5);
  }

  @Test
  void globsCommasAndExclusions() {
    assertThat(select("countries/*")).contains("table://countries/latest");
    assertThat(select("countries/*/latest")).containsExactly("table://countries/summary/latest");
    assertThat(select("**/latest"))
        .containsExactly(
            "table://countries/latest",
            "table://countries/summary/latest",
            "table://report/latest");
    assertThat(select("report, population"))
        .containsExactly("snapshot://population/2024-07-26", "table://report/latest");
    assertThat(select("+report", "snapshot://*", true))
        .containsExactly(
            "table://countries/latest",
            "table://countries/summary/latest",
            "table://report/latest");
    assertThat(select(null, "countries", true))
        .containsExactly("snapshot://population/2024-07-26", "table://report/latest");
  }

  @Test
  void theRegexFormKeepsItsMeaning() {
    // run: the matches with everything upstream and downstream, as alcove.select always did
    assertThat(select("summ.*latest"))
        .hasSize(5)
        .doesNotContain("table://countries/summary/2024-01-01");
    // list: only the matches
    assertThat(select("summ.*latest", null, false))
        .containsExactly("table://countries/summary/latest");
    assertThat(select("^table://rep", null, false)).containsExactly("table://report/latest");
    // a word that starts no path is read as the regex it was
    assertThat(select("summary", null, false))
        .containsExactly(
            "table://countries/summary/2024-01-01", "table://countries/summary/latest");
  }

  @Test
  void aTermThatNamesNothingIsAnErrorNamingIt() {
    assertThatThrownBy(() -> select("report,contries"))
        .isInstanceOf(AlcoveException.class)
        .hasMessage(
            "alcove.select=report,contries: 'contries' matches no step (a step path such as"
                + " countries/summary, a glob such as countries/*, a URI, or a regular expression)");
    assertThatThrownBy(() -> select("sum(", null, true))
        .hasMessageContaining(
            "'sum(' is neither a step path, a glob nor a valid regular expression");
    assertThatThrownBy(() -> select(null, "nothing", true))
        .hasMessageStartingWith("alcove.exclude=nothing: 'nothing' matches no step");
  }
}
