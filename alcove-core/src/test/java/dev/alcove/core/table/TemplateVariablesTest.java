package dev.alcove.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.uri.StepUri;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateVariablesTest {

  @Test
  void namesByDatasetNameAndPrefixesParentsOnClash() {
    StepUri countries = StepUri.parse("snapshot://countries/latest");
    StepUri ab = StepUri.parse("table://a/b/latest");
    StepUri cb = StepUri.parse("snapshot://c/b/2024-01-01");
    assertThat(TemplateVariables.names(List.of(countries, ab, cb)))
        .containsExactly(
            Map.entry(countries, "countries"), Map.entry(ab, "a_b"), Map.entry(cb, "c_b"));
  }

  @Test
  void versionsOfOneDatasetAreToldApartByVersion() {
    StepUri old = StepUri.parse("snapshot://x/2024-01-01");
    StepUri latest = StepUri.parse("snapshot://x/latest");
    assertThat(TemplateVariables.names(List.of(old, latest)).values())
        .containsExactly("x_20240101", "x_latest");
  }

  @Test
  void substitutesOnlyKnownVariables() {
    assertThat(
            TemplateVariables.substitute(
                "SELECT {'a': 1} FROM '{x}' -- {y}", Map.of("x", "/p/x.csv")))
        .isEqualTo("SELECT {'a': 1} FROM '/p/x.csv' -- {y}");
  }
}
