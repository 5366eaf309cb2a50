package dev.alcove.core.uri;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepUriTest {

  @Test
  void sortsExactlyAsItsStringDoes() {
    String[] segments = {"a", "a-b", "a_b", "ab", "a0", "b", "z9", "a-"};
    String[] versions = {"latest", "2024-01-01", "2024-01-02", "2023-12-31"};
    java.util.Random random = new java.util.Random(3);
    List<StepUri> uris = new java.util.ArrayList<>();
    for (int i = 0; i < 400; i++) {
      StringBuilder uri = new StringBuilder(random.nextBoolean() ? "table://" : "snapshot://");
      int depth = 1 + random.nextInt(3);
      for (int d = 0; d < depth; d++) {
        uri.append(segments[random.nextInt(segments.length)]).append('/');
      }
      uris.add(StepUri.parse(uri + versions[random.nextInt(versions.length)]));
    }
    for (StepUri a : uris) {
      for (StepUri b : uris) {
        assertThat(Integer.signum(a.compareTo(b)))
            .as("%s vs %s", a, b)
            .isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
      }
    }
  }

  @Test
  void parsesSchemeNamesAndVersion() {
    StepUri uri = StepUri.parse("table://countries/summary/latest");
    assertThat(uri.scheme()).isEqualTo(Scheme.TABLE);
    assertThat(uri.names()).containsExactly("countries", "summary");
    assertThat(uri.version()).isEqualTo("latest");
    assertThat(uri.datasetPath()).isEqualTo("countries/summary");
    assertThat(uri.name()).isEqualTo("summary");
    assertThat(uri).hasToString("table://countries/summary/latest");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "snapshot://countries",
        "file://countries/2024-01-01",
        "countries/2024-01-01",
        "snapshot://Countries/2024-01-01",
        "snapshot://../etc/2024-01-01",
        "snapshot:///abs/2024-01-01",
        "snapshot://a//2024-01-01",
        "snapshot://my data/2024-01-01",
        "snapshot://a/2024-13-01",
        "snapshot://a/2024-02-30",
        "snapshot://a/2023-02-29",
        "snapshot://a/2024-00-10",
        "snapshot://a/2024-04-31",
        "snapshot://a/2024-1-01",
        "snapshot://a/2024-01-1x",
        "snapshot://a/+024-01-01",
        "snapshot://a/v1",
        "snapshot://caf\u00e9/2024-01-01",
        ""
      })
  void refusesInvalidUrisNamingThem(String text) {
    assertThatThrownBy(() -> StepUri.parse(text))
        .isInstanceOf(AlcoveException.class)
        .hasMessageStartingWith("invalid step URI");
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-02-29", "2000-02-29", "2023-12-31", "0001-01-01", "latest"})
  void acceptsEveryCalendarDate(String version) {
    assertThat(StepUri.parse("snapshot://a/" + version).version()).isEqualTo(version);
  }

  @Test
  void errorNamesTheUriAndTheRule() {
    assertThatThrownBy(() -> StepUri.parse("snapshot://a/B/latest"))
        .hasMessage(
            "invalid step URI 'snapshot://a/B/latest': segment 'B' may only hold lower-case letters, digits, '-' and '_'");
  }

  @Test
  void datasetWithoutVersionGetsToday() {
    LocalDate today = LocalDate.of(2024, 7, 26);
    assertThat(StepUri.ofDataset(Scheme.SNAPSHOT, "countries", today))
        .hasToString("snapshot://countries/2024-07-26");
    assertThat(StepUri.ofDataset(Scheme.SNAPSHOT, "a/b/2023-01-02", today))
        .hasToString("snapshot://a/b/2023-01-02");
    assertThatThrownBy(() -> StepUri.ofDataset(Scheme.SNAPSHOT, "a/2023-02-31", today))
        .isInstanceOf(AlcoveException.class);
    assertThatThrownBy(() -> StepUri.ofDataset(Scheme.SNAPSHOT, "../x", today))
        .isInstanceOf(AlcoveException.class);
  }

  @Test
  void ordersByText() {
    List<StepUri> sorted =
        List.of(
                StepUri.parse("table://b/latest"),
                StepUri.parse("snapshot://a/2024-01-02"),
                StepUri.parse("snapshot://a/2024-01-01"))
            .stream()
            .sorted()
            .toList();
    assertThat(sorted.stream().map(StepUri::toString))
        .containsExactly("snapshot://a/2024-01-01", "snapshot://a/2024-01-02", "table://b/latest");
  }

  @Test
  void numberedNamesHashApartAndAlikeInEveryJvm() {
    // Names numbered by group and member, as a large generated catalogue has them: combined by
    // 31, as a record's own hash does, these 4,000 URIs had 1,120 distinct hashes.
    java.util.Set<Integer> hashes = new java.util.HashSet<>();
    for (int group = 0; group < 40; group++) {
      for (int member = 0; member < 50; member++) {
        for (String version : new String[] {"latest", "2024-01-01"}) {
          hashes.add(
              StepUri.parse(String.format("table://c%02d/t%03d/%s", group, member, version))
                  .hashCode());
        }
      }
    }
    assertThat(hashes).hasSizeGreaterThan(3_990);
    // Equal URIs hash alike, and a URI's hash is the same in every JVM (no identity hash).
    assertThat(StepUri.parse("table://a/b/latest").hashCode())
        .isEqualTo(StepUri.parse("table://a/b/latest").hashCode())
        .isEqualTo(
            ((Scheme.TABLE.ordinal() * 0x9E3779B1 + "a".hashCode()) * 0x9E3779B1 + "b".hashCode())
                    * 0x9E3779B1
                + "latest".hashCode());
  }
}
