package dev.alcove.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.run.RunReport;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.testing.TreeState;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rules of {@code validation:} as a run applies them to a built table. */
class DataTestsTest {

  static final StepUri CITIES = StepUri.parse("table://cities/latest");

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir);
    t.snapshotText(
        "countries", "countries.csv", "code,continent\nFR,Europe\nJP,Asia\nBR,South America\n");
    t.table(
        "table://countries/latest",
        ".sql",
        "SELECT * FROM read_csv('{countries}')",
        "snapshot://countries/latest");
    t.table(
        "table://cities/latest",
        ".sql",
        "SELECT * FROM (VALUES ('Paris', 'FR', 2100000), ('Lyon', 'FR', 520000),"
            + " ('Osaka', 'JP', 2700000), ('Atlantis', 'XX', -1), ('Mu', 'YY', -5),"
            + " ('Lemuria', 'ZZ', -7), ('Thule', 'QQ', 0), ('Hy', 'RR', 1), ('Avalon', 'SS', 2),"
            + " ('Shangri-La', NULL, 3)) t(name, country, population)",
        "table://countries/latest");
  }

  private void config(String yaml) {
    TestAlcove.write(t.path("src/steps/tables/cities.meta.yaml"), yaml);
  }

  @Test
  void eachRuleNamesTheColumnAndUpToFiveOffendersAndTheTableIsNotKept() throws Exception {
    assertThat(t.run().succeeded()).isTrue();
    var before = TreeState.of(t.path("data/tables"));
    config(
        """
        validation:
          accepted_values:
            country: [FR, JP, BR]
          relationships:
            country: {to: table://countries/latest, column: code}
          row_count: {min: 20}
          expressions:
            - population >= 0
          unique_columns: [country]
        """);

    RunReport report = t.run();

    String failure = report.failed().get(CITIES);
    assertThat(failure)
        .contains(
            "accepted_values: column 'country' has 6 values not in its list: 'QQ' (1 row),"
                + " 'RR' (1 row), 'SS' (1 row), 'XX' (1 row), 'YY' (1 row) and 1 more",
            "relationships: column 'country' has 6 values that are not in column 'code' of"
                + " table://countries/latest: 'QQ' (1 row)",
            "row_count: 10 rows, at least 20 expected",
            "expressions: 'population >= 0' is false for 3 rows: {name: 'Atlantis', country:"
                + " 'XX', population: -1}",
            "unique_columns: column 'country' has 1 duplicated values: 'FR' (2 rows)",
            "src/steps/tables/cities.meta.yaml");
    assertThat(TreeState.of(t.path("data/tables"))).isEqualTo(before);
  }

  @Test
  void aWarningBuildsTheTableAndSaysWhatIsWrong() {
    config(
        """
        validation:
          accepted_values:
            country: {values: [FR, JP], severity: warn}
          expressions:
            - {expression: population > 0, severity: warn}
        """);

    RunReport report = t.run();

    assertThat(report.succeeded()).isTrue();
    assertThat(t.path("data/tables/cities/latest.parquet")).exists();
    assertThat(t.log.warnings)
        .anyMatch(
            line ->
                line.startsWith(
                    "table://cities/latest: data test warning: accepted_values: column 'country'"
                        + " has 6 values not in its list"))
        .anyMatch(line -> line.contains("expressions: 'population > 0' is false for 4 rows"));
  }

  @Test
  void anEmptyTableWarnsUnlessItsConfigSaysItMayBeEmpty() {
    t.table("table://none/latest", ".sql", "SELECT 1 AS x WHERE false");
    assertThat(t.run().succeeded()).isTrue();
    assertThat(t.log.warnings)
        .containsExactly(
            "table://none/latest: data test warning: row_count: the table has no rows (say"
                + " 'row_count: {min: 0}' under validation: if that is expected)");

    TestAlcove.write(
        t.path("src/steps/tables/none.meta.yaml"), "validation:\n  row_count: {min: 0}\n");
    assertThat(t.run().succeeded()).isTrue();
    assertThat(t.lines).anyMatch(line -> line.startsWith("building table://none/latest"));
    assertThat(t.log.warnings).isEmpty();
  }

  @Test
  void aCustomSqlTestSeesTheTableAndItsDependenciesAndItsChangeRebuildsTheTable() {
    config("validation:\n  tests: [cities/known_country, {name: big_cities, severity: warn}]\n");
    TestAlcove.write(
        t.path("src/steps/tests/cities/known_country.sql"),
        "-- every city is in a known country\n"
            + "SELECT c.name, c.country FROM '{this}' c\n"
            + "WHERE c.country NOT IN (SELECT code FROM '{countries}')\n"
            + "ORDER BY c.name");
    TestAlcove.write(
        t.path("src/steps/tests/big_cities.sql"),
        "SELECT name FROM '{this}' WHERE population > 2500000");

    RunReport report = t.run();

    assertThat(report.failed().get(CITIES))
        .contains(
            "tests: src/steps/tests/cities/known_country.sql returned 6 rows: {name: 'Atlantis',"
                + " country: 'XX'}, {name: 'Avalon', country: 'SS'}");
    assertThat(t.path("data/tables/cities/latest.parquet")).doesNotExist();

    TestAlcove.write(
        t.path("src/steps/tests/cities/known_country.sql"),
        "SELECT name FROM '{this}' WHERE name = 'Nowhere'");
    report = t.run();
    assertThat(report.succeeded()).isTrue();
    assertThat(t.log.warnings)
        .anyMatch(line -> line.contains("tests: src/steps/tests/big_cities.sql returned 1 rows"));

    TestAlcove.write(
        t.path("src/steps/tests/big_cities.sql"),
        "SELECT name FROM '{this}' WHERE population > 9000000");
    t.run();
    assertThat(t.lines)
        .anyMatch(line -> line.startsWith("building table://cities/latest (a data test changed"));
    assertThat(t.log.warnings).isEmpty();
  }

  @Test
  void aCustomTestWithAnUnknownVariableOrBadSqlFailsNamingItsFileAndLine() {
    config("validation:\n  tests: [typo, broken]\n");
    TestAlcove.write(t.path("src/steps/tests/typo.sql"), "SELECT *\nFROM '{cities}'");
    TestAlcove.write(
        t.path("src/steps/tests/broken.sql"),
        "-- a comment\nSELECT name\nFROM '{this}'\nWHERE nope > 1");

    String failure = t.run().failed().get(CITIES);

    assertThat(failure)
        .contains(
            "tests: cannot run: src/steps/tests/typo.sql:2: {cities} is not one of the variables here: {countries},"
                + " {this} (this table's dependencies, and {this})",
            "tests: cannot run: src/steps/tests/broken.sql:4: Binder Error: Referenced column \"nope\"",
            "\nline 4: WHERE nope > 1\n");
  }

  @Test
  void aRelationshipToATableThatIsNotADependencyIsAConfigError() {
    t.table("table://other/latest", ".sql", "SELECT 'FR' AS code");
    config(
        "validation:\n  relationships:\n    country: {to: table://other/latest, column: code}\n");

    assertThatThrownBy(t::run)
        .hasMessageContaining(
            "src/steps/tables/cities.meta.yaml: relationships of column 'country' name"
                + " table://other/latest, which is not one of the dependencies of"
                + " table://cities/latest");
  }
}
