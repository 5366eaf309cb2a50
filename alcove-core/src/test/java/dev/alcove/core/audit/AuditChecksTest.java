package dev.alcove.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each check of an audit on its own, over one small alcove. */
class AuditChecksTest {

  @TempDir Path dir;
  TestAlcove t;
  StepUri people;
  StepUri summary;

  @BeforeEach
  void setUp() {
    t = new TestAlcove(dir);
    people = t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    summary =
        t.table(
            "table://summary/latest",
            ".sql",
            "SELECT * FROM '{people}'",
            "snapshot://people/latest");
    t.run();
  }

  @Test
  void theCatalogueCheckSaysTheGraphResolves() {
    assertThat(inScope(new AuditOptions(false, false, false, false), new CatalogueCheck()::check))
        .extracting(Finding::toString)
        .containsExactly("alcove.yaml: OK (2 steps, dependencies resolve, no cycle)");
  }

  @Test
  void theSnapshotCheckAppliesToSnapshotsOnlyAndFindsChangedData() throws Exception {
    SnapshotCheck check = new SnapshotCheck();
    AuditOptions plain = new AuditOptions(false, false, false, false);
    assertThat(inScope(plain, scope -> check.check(scope, summary))).isEmpty();
    assertThat(inScope(plain, scope -> check.check(scope, people)))
        .extracting(Finding::severity)
        .doesNotContain(Finding.Severity.ERROR);
    Files.writeString(t.path("data/snapshots/people/2024-07-26.csv"), "edited");
    assertThat(inScope(plain, scope -> check.check(scope, people)))
        .anyMatch(f -> f.severity() == Finding.Severity.ERROR && f.message().contains("restores"));
  }

  @Test
  void theTableCheckFindsAFileChangedSinceItWasBuilt() throws Exception {
    TableCheck check = new TableCheck();
    AuditOptions plain = new AuditOptions(false, false, false, false);
    assertThat(inScope(plain, scope -> check.check(scope, people))).isEmpty();
    assertThat(inScope(plain, scope -> check.check(scope, summary)))
        .extracting(Finding::toString)
        .containsExactly("table://summary/latest: OK");
    Files.writeString(t.path("data/tables/summary/latest.parquet"), "edited by hand");
    assertThat(inScope(plain, scope -> check.check(scope, summary)))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("was modified since it was built"));
  }

  @Test
  void thePythonFormatCheckRunsOnlyWhenAskedAndNamesTheForeignBrace() throws Exception {
    Files.writeString(
        t.path("src/steps/tables/summary.sql"), "SELECT {'n': 1} AS s FROM '{people}'\n");
    PythonFormatCheck check = new PythonFormatCheck();
    assertThat(
            inScope(
                new AuditOptions(false, false, false, false), scope -> check.check(scope, summary)))
        .isEmpty();
    assertThat(
            inScope(
                new AuditOptions(false, false, false, true), scope -> check.check(scope, summary)))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("line 1", "str.format"));
  }

  @Test
  void thePythonFormatCheckWarnsOfATableOnSparkWhichThePythonToolCannotBuild() throws Exception {
    Files.writeString(t.path("src/steps/tables/summary.meta.yaml"), "engine: spark\n");
    assertThat(
            inScope(
                new AuditOptions(false, false, false, true),
                scope -> new PythonFormatCheck().check(scope, summary)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith(
                        "src/steps/tables/summary.meta.yaml: engine: spark is this plugin's"));
  }

  private List<Finding> inScope(AuditOptions options, Function<AuditScope, List<Finding>> check) {
    try (GoalContext context = t.context(1);
        AuditScope scope = new AuditScope(context, t.alcove(), options)) {
      return check.apply(scope);
    }
  }
}
