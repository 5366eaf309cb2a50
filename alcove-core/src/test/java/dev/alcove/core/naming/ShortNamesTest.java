package dev.alcove.core.naming;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.uri.StepUri;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ShortNamesTest {

  @Test
  void specAliasVectors() {
    assertThat(names("table://a/b/c/2024-07-26")).containsExactly("c");
    assertThat(names("table://a/b/c/2024-07-26", "table://a/d/c/latest"))
        .containsExactly("b_c", "d_c");
    assertThat(names("table://a/b/c/2024-07-26", "table://a/b/c/2024-10-03"))
        .containsExactly("c_20240726", "c_20241003");
    assertThat(ShortNames.fullName(StepUri.parse("table://a/b/c/2024-07-26")))
        .isEqualTo("a_b_c_20240726");
  }

  @Test
  void templateVariablesByDatasetNameWithParentsPrefixedOnClash() {
    StepUri countries = StepUri.parse("snapshot://countries/latest");
    StepUri ab = StepUri.parse("table://a/b/latest");
    StepUri cb = StepUri.parse("snapshot://c/b/2024-01-01");
    assertThat(ShortNames.of(List.of(countries, ab, cb)))
        .containsExactly(
            Map.entry(countries, "countries"), Map.entry(ab, "a_b"), Map.entry(cb, "c_b"));
  }

  @Test
  void versionsOfOneDatasetBesideAnotherWithTheSameName() {
    assertThat(names("table://a/b/c/2024-07-26", "table://a/b/c/latest", "table://a/d/c/latest"))
        .containsExactly("b_c_20240726", "b_c_latest", "d_c");
  }

  @Test
  void substitutesOnlyKnownVariables() {
    assertThat(
            TemplateVariables.substitute(
                "SELECT {'a': 1} FROM '{x}' -- {y}", Map.of("x", "/p/x.csv")))
        .isEqualTo("SELECT {'a': 1} FROM '/p/x.csv' -- {y}");
  }

  private static List<String> names(String... uris) {
    return List.copyOf(ShortNames.of(Stream.of(uris).map(StepUri::parse).toList()).values());
  }

  @Test
  void ownNamesInDeclaredOrderUnlessTwoStepsShareOne() {
    assertThat(names("table://a/summary/latest", "snapshot://people/2024-07-26"))
        .containsExactly("summary", "people");
    // The same URI twice is two versions of one dataset to the general rule.
    assertThat(names("snapshot://people/2024-07-26", "snapshot://people/2024-07-26"))
        .containsExactly("people_20240726");
  }
}
