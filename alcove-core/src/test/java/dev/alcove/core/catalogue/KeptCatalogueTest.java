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
    editRows(rows -> rows + "step\ttable://only/kept/latest\t\t-\n");
    assertThat(parse(CATALOGUE).contains(StepUri.parse("table://only/kept/latest"))).isTrue();

    String edited = CATALOGUE.replace("data_dir: lake", "data_dir: data");
    Catalogue reparsed = parse(edited);
    assertThat(reparsed.dataDir()).isEqualTo("data");
    assertThat(reparsed.contains(StepUri.parse("table://only/kept/latest"))).isFalse();
    assertThat(parse(edited)).isEqualTo(reparsed);

    // Bytes of the same length that differ in their last byte only are another catalogue.
    editRows(rows -> rows + "step\ttable://only/kept/latest\t\t-\n");
    String lastByte = edited.replace("\"quotes\"'\n", "\"quotez\"'\n");
    assertThat(lastByte).hasSameSizeAs(edited).isNotEqualTo(edited);
    assertThat(parse(lastByte).contains(StepUri.parse("table://only/kept/latest"))).isFalse();
  }

  @Test
  void aDamagedKeptFormIsParsedAgainAndABadCatalogueIsNeverKept() throws Exception {
    parse(CATALOGUE);
    editRows(rows -> rows.replace("step\t", "stop\t"));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);
    editRows(rows -> rows.replace("snapshot://people", "not a uri"));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);
    // A row that cannot be cut into its fields would drop a step: the whole form is refused.
    editRows(rows -> rows.replace("step\ttable://summary/latest\t", "step "));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);
    // Cut short, or its source's length wrong, or the format of another version: parsed again.
    Files.write(kept(), java.util.Arrays.copyOf(Files.readAllBytes(kept()), 200));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);
    Files.writeString(kept(), Files.readString(kept()).replaceFirst("source\t\\d+", "source\t12"));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);
    Files.writeString(kept(), Files.readString(kept()).replace("catalogue v2", "catalogue v1"));
    assertThat(parse(CATALOGUE).steps()).hasSize(3);
    assertThat(Files.readString(kept())).contains("catalogue v2");

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

  /**
   * Edits the rows of the kept form, after the catalogue bytes it holds, keeping its row count
   * right so that only the edit decides whether it is believed.
   */
  private void editRows(java.util.function.UnaryOperator<String> edit) throws Exception {
    String text = Files.readString(kept());
    int rowsStart = text.indexOf("\ndata_dir\t") + 1;
    String rows = edit.apply(text.substring(rowsStart));
    long count = rows.lines().filter(line -> !line.isEmpty()).count();
    Files.writeString(
        kept(),
        text.substring(0, rowsStart).replaceFirst("(source\t\\d+\t)\\d+", "$1" + count) + rows);
  }

  private Path kept() {
    return root.resolve("target/alcove").resolve(KeptCatalogue.FILE_NAME);
  }
}
