package dev.alcove.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.Alcove;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue kept parsed for the same alcove.yaml bytes, and only for them. */
class KeptCatalogueTest {

  static final String CATALOGUE =
      """
      version: 1
      data_dir: lake
      steps:
        snapshot://iso/codes/2024-07-26: []
        snapshot://people/2024-07-26: []
        table://summary/latest:
        - snapshot://people/latest
        - snapshot://iso/codes/latest
      datasets:
        iso/codes:
          url: https://example.org/codes.csv
          license: ODC-PDDL-1.0
          description: 'codes: ISO 3166, with # and "quotes"'
      """;

  @TempDir Path root;

  @Test
  void theKeptFormReadsBackAsTheParsedCatalogue() throws Exception {
    Catalogue parsed = parse(CATALOGUE);
    assertThat(kept()).exists();
    Catalogue again = parse(CATALOGUE);
    assertThat(again).isEqualTo(parsed);
    assertThat(again.datasets()).isEqualTo(parsed.datasets());
    assertThat(again.datasets().get("iso/codes").keySet())
        .containsExactly("url", "license", "description");
    // Dependencies keep the order they were written in, as the parse gives them.
    assertThat(again.dependencies(StepUri.parse("table://summary/latest")))
        .containsExactly(
            StepUri.parse("snapshot://people/latest"),
            StepUri.parse("snapshot://iso/codes/latest"));
  }

  @Test
  void theKeptFormIsUsedForTheSameBytesOnly() throws Exception {
    parse(CATALOGUE);
    // A step added to the kept form alone is seen: proof that alcove.yaml was not parsed again.
    // (with the row count its first row holds)
    String text = Files.readString(kept()) + "step\ttable://only/kept/latest\t\t-\n";
    long rows = text.lines().filter(line -> !line.startsWith("#")).count();
    Files.writeString(kept(), text.replaceFirst("(sha256\t[0-9a-f]{64}\t)\\d+", "$1" + rows));
    assertThat(parse(CATALOGUE).contains(StepUri.parse("table://only/kept/latest"))).isTrue();

    String edited = CATALOGUE.replace("data_dir: lake", "data_dir: data");
    Catalogue reparsed = parse(edited);
    assertThat(reparsed.dataDir()).isEqualTo("data");
    assertThat(reparsed.contains(StepUri.parse("table://only/kept/latest"))).isFalse();
    assertThat(parse(edited)).isEqualTo(reparsed);
  }

  @Test
  void aDamagedKeptFormIsParsedAgainAndABadCatalogueIsNeverKept() throws Exception {
    parse(CATALOGUE);
    Files.writeString(kept(), Files.readString(kept()).replace("step\t", "stop\t"));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);
    Files.writeString(kept(), Files.readString(kept()).replace("snapshot://people", "not a uri"));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);
    // A row that cannot be cut into its fields would drop a step: the whole form is refused.
    Files.writeString(
        kept(), Files.readString(kept()).replace("step\ttable://summary/latest\t", "step "));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);

    Files.delete(kept());
    assertThatThrownBy(() -> parse(CATALOGUE.replace("version: 1", "version: 2")))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("format version 2");
    assertThat(kept()).doesNotExist();
  }

  @Test
  void aValueARowCannotHoldIsNotKept() throws Exception {
    String tab = CATALOGUE.replace("'codes: ISO 3166, with # and \"quotes\"'", "\"a\\tb\"");
    assertThat(parse(tab).datasets().get("iso/codes").get("description")).isEqualTo("a\tb");
    assertThat(kept()).doesNotExist();
  }

  @Test
  void openingAnAlcoveKeepsNothingUntilARunAsksForIt() throws Exception {
    Files.writeString(root.resolve("alcove.yaml"), CATALOGUE);
    Alcove.open(root);
    assertThat(kept()).doesNotExist();
    Alcove.open(root).keepParsedCatalogue();
    assertThat(kept()).exists();
  }

  /** Opens the alcove with {@code text} as its alcove.yaml, as a run does, and keeps its parse. */
  private Catalogue parse(String text) throws Exception {
    Files.writeString(root.resolve("alcove.yaml"), text);
    Alcove alcove = Alcove.open(root);
    alcove.keepParsedCatalogue();
    return alcove.fileCatalogue();
  }

  private Path kept() {
    return root.resolve("target/alcove").resolve(KeptCatalogue.FILE_NAME);
  }
}
