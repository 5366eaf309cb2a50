package dev.alcove.core.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogueTest {

  @TempDir Path root;

  static final String SPEC_EXAMPLE =
      """
      version: 1
      data_dir: data
      steps:
        snapshot://countries/2024-07-26: []
        table://countries/summary/latest:
        - snapshot://countries/latest
      """;

  @Test
  void readsTheSpecExample() throws Exception {
    Files.writeString(root.resolve("alcove.yaml"), SPEC_EXAMPLE);
    Catalogue catalogue = CatalogueFile.read(root);
    assertThat(catalogue.dataDir()).isEqualTo("data");
    assertThat(catalogue.steps()).hasSize(2);
    assertThat(catalogue.dependencies(uri("table://countries/summary/latest")))
        .containsExactly(uri("snapshot://countries/latest"));
  }

  @Test
  void writesStepsSortedInThePythonToolsFormat() throws Exception {
    Catalogue catalogue =
        Catalogue.empty()
            .with(
                new StepDeclaration(
                    uri("table://countries/summary/latest"),
                    List.of(uri("snapshot://countries/latest"))))
            .with(new StepDeclaration(uri("snapshot://countries/2024-07-26"), List.of()));
    CatalogueFile.write(root, catalogue);
    assertThat(Files.readString(root.resolve("alcove.yaml"))).isEqualTo(SPEC_EXAMPLE.stripIndent());
    assertThat(CatalogueFile.read(root)).isEqualTo(catalogue);
  }

  @Test
  void latestResolvesToTheHighestVersionOfTheSameDatasetOnly() {
    Catalogue catalogue =
        catalogue(
            "snapshot://a/b/2024-01-01", "snapshot://a/b/2024-03-01", "snapshot://a/bc/2025-01-01");
    assertThat(catalogue.resolve(uri("snapshot://a/b/latest")))
        .contains(uri("snapshot://a/b/2024-03-01"));
    assertThat(catalogue.resolve(uri("table://a/b/latest"))).isEmpty();
    assertThat(catalogue.resolve(uri("snapshot://a/b/2024-02-01"))).isEmpty();
    Catalogue withLatest =
        catalogue.with(new StepDeclaration(uri("snapshot://a/b/latest"), List.of()));
    assertThat(withLatest.resolve(uri("snapshot://a/b/latest")))
        .contains(uri("snapshot://a/b/latest"));
  }

  @Test
  void mergesPomStepsAndRefusesConflictsNamingBothPlaces() {
    Catalogue file = catalogue("snapshot://a/2024-01-01");
    StepDeclaration table =
        new StepDeclaration(uri("table://t/latest"), List.of(uri("snapshot://a/latest")));
    Catalogue merged = file.mergedWith(List.of(table), "alcove.yaml", "the pom");
    assertThat(merged.steps())
        .containsKeys(uri("snapshot://a/2024-01-01"), uri("table://t/latest"));

    Catalogue fileWithTable = file.with(new StepDeclaration(uri("table://t/latest"), List.of()));
    assertThatThrownBy(() -> fileWithTable.mergedWith(List.of(table), "alcove.yaml", "the pom"))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("alcove.yaml")
        .hasMessageContaining("the pom")
        .hasMessageContaining("table://t/latest");
    assertThat(
            fileWithTable.mergedWith(
                List.of(new StepDeclaration(uri("table://t/latest"), List.of())),
                "alcove.yaml",
                "the pom"))
        .isEqualTo(fileWithTable);
  }

  @Test
  void missingFileSaysToRunInit() {
    assertThatThrownBy(() -> CatalogueFile.read(root))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("run the init goal to create an alcove");
  }

  @Test
  void malformedYamlNamesFileAndLine() throws Exception {
    Files.writeString(
        root.resolve("alcove.yaml"), "version: 1\nsteps:\n  snapshot://a/2024-01-01: [\n");
    assertThatThrownBy(() -> CatalogueFile.read(root))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("alcove.yaml:")
        .hasMessageContaining("malformed YAML");
  }

  @Test
  void semanticErrorsNameTheLine() throws Exception {
    Files.writeString(
        root.resolve("alcove.yaml"),
        "version: 1\nsteps:\n  snapshot://a/2024-01-01: []\n  table://Bad/latest: []\n");
    assertThatThrownBy(() -> CatalogueFile.read(root))
        .hasMessageContaining("alcove.yaml:4:")
        .hasMessageContaining("invalid step URI 'table://Bad/latest'");
  }

  @Test
  void refusesDuplicateKeysTagsWrongTypesAndSnapshotDependencies() throws Exception {
    assertRefused(
        "version: 1\nsteps:\n  table://t/latest: []\n  table://t/latest: []\n", "duplicate key");
    assertRefused("version: !!javax.script.ScriptEngineManager [x]\n", "not allowed");
    assertRefused("version: 1\nsteps: [a, b]\n", "'steps' must be a mapping");
    assertRefused("version: 2\n", "not supported");
    assertRefused(
        "version: 1\nsteps:\n  table://t/latest: snapshot://a/latest\n", "must be a list");
    assertRefused(
        "version: 1\nsteps:\n  snapshot://a/2024-01-01: [snapshot://b/latest]\n",
        "cannot have dependencies");
    assertRefused("version: 1\ndata_dir: ../elsewhere\n", "inside the alcove");
    assertRefused("version: 1\nstepz: {}\n", "unknown key 'stepz'");
  }

  private void assertRefused(String yaml, String message) throws Exception {
    Files.writeString(root.resolve("alcove.yaml"), yaml);
    assertThatThrownBy(() -> CatalogueFile.read(root))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("alcove.yaml")
        .hasMessageContaining(message);
  }

  private static Catalogue catalogue(String... uris) {
    TreeMap<StepUri, List<StepUri>> steps = new TreeMap<>();
    for (String text : uris) {
      steps.put(uri(text), List.of());
    }
    return new Catalogue("data", steps);
  }

  private static StepUri uri(String text) {
    return StepUri.parse(text);
  }
}
