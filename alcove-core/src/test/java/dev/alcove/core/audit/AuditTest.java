package dev.alcove.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.store.LocalDirectoryStore;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditTest {

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    t.table(
        "table://summary/latest", ".sql", "SELECT * FROM '{people}'", "snapshot://people/latest");
    t.run();
  }

  @Test
  void aHealthyAlcoveAuditsOkWithLicenceWarnings() {
    List<Finding> findings = audit(false, false, false);
    assertThat(findings)
        .extracting(Finding::toString)
        .contains(
            "alcove.yaml: OK (2 steps, dependencies resolve, no cycle)",
            "snapshot://people/2024-07-26: warning: no license in data/snapshots/people/2024-07-26.meta.yaml",
            "table://summary/latest: OK",
            "data/.gitignore: OK");
    assertThat(findings).noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    assertThat(audit(false, true, false))
        .anyMatch(
            f -> f.severity() == Finding.Severity.ERROR && f.message().startsWith("no license"));
  }

  @Test
  void everyProblemIsReportedAndNothingIsChangedWithoutFix() throws Exception {
    Files.writeString(t.path("data/tables/summary/latest.parquet"), "edited by hand");
    Path sidecar = t.path("data/snapshots/people/2024-07-26.meta.yaml");
    Files.writeString(
        sidecar,
        Files.readString(sidecar).replaceFirst("checksum: \\w+", "checksum: " + "0".repeat(64)));
    Files.writeString(t.path("data/.gitignore"), "tables/\n");
    Map<String, String> before = TreeState.of(t.root);
    List<Finding> findings = audit(false, false, false);
    assertThat(
            findings.stream()
                .filter(f -> f.severity() == Finding.Severity.ERROR)
                .map(Finding::subject))
        .containsExactly(
            "snapshot://people/2024-07-26", "table://summary/latest", "data/.gitignore");
    assertThat(TreeState.of(t.root)).isEqualTo(before);
  }

  @Test
  void dataTestsRunAgainstTheBuiltTablesErrorsFailAndWarningsWarn() throws Exception {
    TestAlcove.write(
        t.path("src/steps/tests/no_eu.sql"), "SELECT region FROM '{this}' WHERE region = 'eu'");
    TestAlcove.write(
        t.path("src/steps/tables/summary.meta.yaml"),
        "validation:\n  accepted_values:\n    region: [as]\n  tests:\n    - {name: no_eu, severity: warn}\n");
    Map<String, String> before = TreeState.of(t.root);

    List<Finding> findings = audit(false, false, false);

    assertThat(findings)
        .extracting(Finding::toString)
        .contains(
            "table://summary/latest: ERROR: data test failed: accepted_values: column 'region' has"
                + " 1 values not in its list: 'eu' (1 row)",
            "table://summary/latest: warning: data test: tests: src/steps/tests/no_eu.sql"
                + " returned 1 rows: {region: 'eu'}");
    assertThat(TreeState.of(t.root)).isEqualTo(before);
  }

  @Test
  void licencesAlongTheLineageMustBeSaidWhereTheyAreAmbiguousOrMissing() throws Exception {
    licensed(t.path("data/snapshots/people/2024-07-26.meta.yaml"), "CC0-1.0");
    t.snapshotText("codes", "codes.csv", "region\neu\n");
    licensed(t.path("data/snapshots/codes/2024-07-26.meta.yaml"), "ODC-PDDL-1.0");
    t.table(
        "table://joined/latest",
        ".sql",
        "SELECT * FROM '{people}' AS p JOIN '{codes}' AS c USING (region)",
        "snapshot://people/latest",
        "snapshot://codes/latest");
    t.table("table://above/latest", ".sql", "SELECT * FROM '{joined}'", "table://joined/latest");
    assertThat(t.run().failed()).isEmpty();

    assertThat(licenceFindings(false)).containsExactly(noLicence("joined"), noLicence("above"));

    // One input's licence inherited: the other one's still applies to the data.
    TestAlcove.write(
        t.path("src/steps/tables/joined.meta.yaml"),
        "inherit:\n  snapshot://people/2024-07-26:\n    fields: [license]\n");
    t.run();
    assertThat(licenceFindings(false)).containsExactly(twoLicences("joined"), twoLicences("above"));
    assertThat(
            audit(false, true, false).stream()
                .filter(f -> f.severity() == Finding.Severity.ERROR)
                .map(Finding::subject))
        .contains("table://joined/latest", "table://above/latest");

    TestAlcove.write(
        t.path("src/steps/tables/joined.meta.yaml"), "override:\n  license: CC0-1.0\n");
    TestAlcove.write(t.path("src/steps/tables/above.meta.yaml"), "override:\n  license: CC0-1.0\n");
    t.run();
    assertThat(licenceFindings(false)).isEmpty();
  }

  private static String noLicence(String table) {
    return "table://"
        + table
        + "/latest: warning: no license, while the snapshots it is built from are under CC0-1.0,"
        + " ODC-PDDL-1.0: inherit it (inherit: {<snapshot uri>: {fields: [license, license_url]}})"
        + " or set override: {license: ...} in src/steps/tables/"
        + table
        + ".meta.yaml";
  }

  private static String twoLicences(String table) {
    return "table://"
        + table
        + "/latest: warning: the snapshots it is built from carry 2 licences (CC0-1.0,"
        + " ODC-PDDL-1.0): say which applies to it with override: {license: ...} in"
        + " src/steps/tables/"
        + table
        + ".meta.yaml";
  }

  private static void licensed(Path sidecar, String licence) throws Exception {
    Files.writeString(sidecar, Files.readString(sidecar) + "license: " + licence + "\n");
  }

  private List<String> licenceFindings(boolean strict) {
    return audit(false, strict, false).stream()
        .filter(f -> f.message().contains("licen") && f.subject().startsWith("table://"))
        .map(Finding::toString)
        .toList();
  }

  @Test
  void aFolderEntryWithoutItsSlashAsThePythonToolWritesItPasses() throws Exception {
    Path folder = Files.createDirectories(t.root.resolveSibling("inputs/parts"));
    Files.writeString(folder.resolve("a.csv"), "n\n1\n");
    t.snapshot(folder, "ns/parts");
    Path ignore = t.path("data/.gitignore");
    String python =
        Files.readString(ignore)
            .replace("snapshots/ns/parts/2024-07-26/", "snapshots/ns/parts/2024-07-26");
    Files.writeString(ignore, python);
    assertThat(python).contains("snapshots/ns/parts/2024-07-26\n");

    assertThat(audit(false, false, false))
        .noneMatch(f -> f.severity() == Finding.Severity.ERROR)
        .anyMatch(
            f -> f.subject().equals("data/.gitignore") && f.severity() == Finding.Severity.OK);
    assertThat(ignore).hasContent(python.stripTrailing());
  }

  @Test
  void whatThePythonToolWouldRefuseOrMissIsWarnedAndStrictlyAnError() throws Exception {
    Path sidecar = t.path("data/snapshots/people/2024-07-26.meta.yaml");
    Files.writeString(
        sidecar,
        Files.readString(sidecar)
            .replace("# source_url: ", "source_url: ftp://example.org/people"));

    assertThat(audit(false, false, false))
        .anyMatch(
            f ->
                f.severity() == Finding.Severity.WARNING
                    && f.message().contains("source_url 'ftp://example.org/people'")
                    && f.message().contains("is not an http(s) URL"));
    assertThat(audit(false, true, false))
        .anyMatch(
            f ->
                f.severity() == Finding.Severity.ERROR
                    && f.message().contains("not an http(s) URL"));
  }

  @Test
  void sqlThePythonToolCannotFillInIsWarnedAboutWhenTheAlcoveIsShared() throws Exception {
    Files.writeString(
        t.path("src/steps/tables/summary.sql"),
        "-- people per region, from {people}\n"
            + "SELECT region AS dim_region, {'n': 1} AS s FROM '{people}'\n");
    assertThat(audit(false, false, false)).noneMatch(f -> f.message().contains("str.format"));

    List<Finding> shared =
        new Audit(t.context(1), t.root, new AuditOptions(false, false, false, true)).run(List.of());
    assertThat(shared)
        .filteredOn(f -> f.message().contains("str.format"))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
              assertThat(f.message()).startsWith("src/steps/tables/summary.sql line 2: SELECT");
            });
  }

  @Test
  void aDataDirThatIsNotDataIsWarnedAbout() throws Exception {
    TestAlcove other = new TestAlcove(t.root.resolveSibling("other"));
    Files.writeString(
        other.path("alcove.yaml"),
        Files.readString(other.path("alcove.yaml")).replace("data_dir: data", "data_dir: lake"));
    assertThat(
            new Audit(other.context(1), other.root, new AuditOptions(false, false, false))
                .run(List.of()))
        .anyMatch(
            f ->
                f.severity() == Finding.Severity.WARNING
                    && f.message().contains("the Python tool ignores data_dir"));
  }

  @Test
  void remoteCheckFindsObjectsMissingFromTheStore() throws Exception {
    try (var files = Files.walk(t.store)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.delete(file);
      }
    }
    List<Finding> findings =
        new Audit(t.context(2), t.root, new AuditOptions(false, false, true)).run(List.of());
    assertThat(findings)
        .anyMatch(
            f ->
                f.toString()
                    .equals(
                        "snapshot://people/2024-07-26: ERROR: 1 of 1 objects missing from local store "
                            + new LocalDirectoryStore(t.store, "x").root()));
  }

  @Test
  void aDotEnvThatGitWouldCommitIsAnErrorAndFixIgnoresIt() throws Exception {
    Process init = new ProcessBuilder("git", "init", "-q", t.root.toString()).start();
    assertThat(init.waitFor()).isZero();
    Files.writeString(t.path(".env"), "S3_SECRET_KEY=hush\n");
    assertThat(audit(false, false, false))
        .anyMatch(
            f -> f.toString().startsWith(".env: ERROR: holds secrets and git would commit it"));
    assertThat(audit(true, false, false))
        .anyMatch(f -> f.toString().equals(".env: fixed: added to .gitignore"));
    assertThat(audit(false, false, false))
        .anyMatch(f -> f.toString().equals(".env: OK (ignored by git)"));
  }

  @Test
  void aMalformedCatalogueIsOneErrorNotACrash() throws Exception {
    Files.writeString(t.path("alcove.yaml"), "version: 1\nsteps: [\n");
    assertThat(audit(false, false, false))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.severity()).isEqualTo(Finding.Severity.ERROR);
              assertThat(f.message()).contains("alcove.yaml:", ": malformed YAML");
            });
  }

  private List<Finding> audit(boolean fix, boolean strict, boolean remote) {
    return new Audit(t.context(2), t.root, new AuditOptions(fix, strict, remote)).run(List.of());
  }
}
