package dev.alcove.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.Alcove;
import dev.alcove.core.audit.Audit;
import dev.alcove.core.audit.AuditOptions;
import dev.alcove.core.audit.Finding;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RemoveStepTest {

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    t.table(
        "table://summary/latest", ".sql", "SELECT * FROM '{people}'", "snapshot://people/latest");
    t.table("table://top/latest", ".sql", "SELECT * FROM '{summary}'", "table://summary/latest");
    assertThat(t.run().succeeded()).isTrue();
  }

  private RemoveStep.Removed remove(String uri) {
    return RemoveStep.remove(t.alcove(), uri, t.log);
  }

  private List<Finding> audit() {
    return new Audit(t.context(2), t.root, new AuditOptions(false, false, false)).run(List.of());
  }

  @Test
  void aStepOthersDependOnIsRefusedNamingThemAndNothingChanges() {
    Map<String, String> before = TreeState.of(t.root);
    assertThatThrownBy(() -> remove("snapshot://people/2024-07-26"))
        .hasMessage(
            "cannot remove snapshot://people/2024-07-26: table://summary/latest depends on it;"
                + " remove it first, or change its dependencies");
    assertThatThrownBy(() -> remove("table://nope/latest"))
        .hasMessage("table://nope/latest is not a step of this alcove: the list goal shows them");
    assertThat(TreeState.of(t.root)).isEqualTo(before);
  }

  @Test
  void aRemoveRefusedForALinkLeavesTheCatalogueAsItWas() throws Exception {
    Path outside = java.nio.file.Files.createDirectories(dir.resolve("outside"));
    java.nio.file.Files.writeString(outside.resolve("latest.parquet"), "not alcove's");
    Path tableFolder = t.path("data/tables/top");
    dev.alcove.core.io.Folders.delete(tableFolder);
    java.nio.file.Files.createSymbolicLink(tableFolder, outside);
    Map<String, String> before = TreeState.of(t.root);

    assertThatThrownBy(() -> remove("table://top/latest"))
        .hasMessageStartingWith("refusing to write through the symbolic link " + tableFolder);

    assertThat(TreeState.of(t.root)).isEqualTo(before);
    assertThat(t.alcove().catalogue().contains(StepUri.parse("table://top/latest"))).isTrue();
    assertThat(outside.resolve("latest.parquet")).hasContent("not alcove's");
  }

  @Test
  void removingStepsTakesTheirDataMetadataIgnoreLineAndBuildStateAndLeavesTheStore()
      throws Exception {
    Map<String, String> store = TreeState.of(t.store);

    RemoveStep.Removed top = remove("table://top/latest");

    assertThat(top.deleted())
        .containsExactly("data/tables/top/latest.parquet", "data/tables/top/latest.meta.yaml");
    assertThat(top.definitionKept()).contains("src/steps/tables/top.sql");
    assertThat(t.path("data/tables/top")).doesNotExist();
    assertThat(Files.readString(t.path("target/alcove/manifest.tsv")))
        .doesNotContain("table://top/latest");

    remove("table://summary/latest");
    RemoveStep.Removed people = remove("snapshot://people/2024-07-26");

    assertThat(people.deleted())
        .containsExactly(
            "data/snapshots/people/2024-07-26.csv",
            "data/snapshots/people/2024-07-26.meta.yaml",
            "the line snapshots/people/2024-07-26.csv of data/.gitignore");
    assertThat(Files.readString(t.path("alcove.yaml"))).doesNotContain("people", "summary", "top");
    assertThat(Files.readString(t.path("data/.gitignore"))).doesNotContain("people");
    assertThat(t.path("data/snapshots/people")).doesNotExist();
    assertThat(TreeState.of(t.store)).isEqualTo(store);
    assertThat(audit()).noneMatch(f -> f.severity() != Finding.Severity.OK);
  }

  @Test
  void aStepDeclaredInThePomIsRemovedThere() {
    List<StepDeclaration> pom =
        List.of(
            new StepDeclaration(
                StepUri.parse("table://extra/latest"),
                List.of(StepUri.parse("table://top/latest"))));
    assertThatThrownBy(
            () -> RemoveStep.remove(Alcove.open(t.root, pom), "table://extra/latest", t.log))
        .hasMessage(
            "table://extra/latest is declared in "
                + dev.alcove.core.frontend.FrontEnd.NEUTRAL.declaredSteps()
                + ", not in alcove.yaml: remove it from there");
  }

  @Test
  void auditReportsWhatAStepTakenOutByHandLeftBehind() throws Exception {
    Path catalogue = t.path("alcove.yaml");
    Files.writeString(
        catalogue,
        Files.readString(catalogue)
            .replaceAll("(?m)^  table://top/latest:\\n  - table://summary/latest\\n", ""));
    Files.writeString(t.path("data/tables/.latest.tmp-1a2b3c4d.parquet"), "cut short");
    Files.writeString(
        t.path("data/.gitignore"),
        Files.readString(t.path("data/.gitignore")) + "snapshots/gone/2024-01-01/\n");

    List<String> warnings =
        audit().stream()
            .filter(f -> f.severity() == Finding.Severity.WARNING)
            .map(Finding::toString)
            .toList();

    assertThat(warnings)
        .contains(
            "data/tables/.latest.tmp-1a2b3c4d.parquet: warning: left by a build or snapshot that"
                + " was cut short: delete it",
            "data/.gitignore: warning: the line snapshots/gone/2024-01-01/ names no snapshot's"
                + " data: remove it once that data is gone, or git will not see new files there")
        .anyMatch(
            line ->
                line.startsWith(
                    "data/tables/top/latest.parquet: warning: no step owns it (taken out of"
                        + " alcove.yaml by hand?)"))
        .anyMatch(
            line -> line.startsWith("data/tables/top/latest.meta.yaml: warning: no step owns it"));
  }
}
