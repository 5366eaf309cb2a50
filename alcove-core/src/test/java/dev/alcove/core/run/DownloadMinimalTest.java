package dev.alcove.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.audit.Audit;
import dev.alcove.core.audit.AuditOptions;
import dev.alcove.core.audit.Finding;
import dev.alcove.core.cache.CacheOptions;
import dev.alcove.core.checksum.Sha256;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.FrontEnd;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.select.Selection;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code download=minimal} on one machine with a local store: a table built only as an input of the
 * selection leaves this machine once it is in the store, and comes back when something reads it.
 */
class DownloadMinimalTest {

  static final StepUri PEOPLE = StepUri.parse("table://people/latest");
  static final StepUri TOTAL = StepUri.parse("table://total/latest");

  @TempDir Path dir;
  TestAlcove t;

  @BeforeEach
  void twoTables() {
    t = new TestAlcove(dir);
    t.table(PEOPLE.toString(), ".sql", "SELECT * FROM range(1000) t(id)");
    t.table(TOTAL.toString(), ".sql", "SELECT count(*) AS n FROM '{people}'", PEOPLE.toString());
  }

  @Test
  void aTableBuiltOnlyAsAnInputLeavesThisMachineOncePushedAndComesBackWhenRead() throws Exception {
    RunReport report = t.run(minimal("table://total/latest"), 2);
    assertThat(report.succeeded()).isTrue();
    assertThat(report.tables(TableRun.Outcome.BUILT)).containsExactlyInAnyOrder(PEOPLE, TOTAL);
    assertThat(report.pushed()).contains(PEOPLE);
    Path people = t.alcove().layout().tableFile(PEOPLE);
    assertThat(people).doesNotExist();
    assertThat(t.alcove().layout().tableFile(TOTAL)).exists();
    assertThat(t.lines)
        .contains("removed data/tables/people/latest.parquet here: its data is in the store");
    TableData data = t.tableData();
    assertThat(data.where(PEOPLE)).isEqualTo(TableData.Where.IN_STORE);
    try (GoalContext context = t.context(1)) {
      String page =
          new dev.alcove.core.site.CataloguePage(
                  t.alcove(), dev.alcove.core.site.StepStates.of(context, t.alcove()), data)
              .html("lake", t.path("target/alcove/catalogue"));
      assertThat(page).contains("in the store, not here (");
      assertThat(audit(context, true))
          .anyMatch(
              f ->
                  f.subject().equals(PEOPLE.toString())
                      && f.message().equals("OK (data in the store)"))
          .noneMatch(f -> f.severity() == Finding.Severity.ERROR);
    }

    // Nothing to do: the input in the store is not missing.
    RunReport again = t.run(minimal("table://total/latest"), 2);
    assertThat(again.plan()).noneMatch(PlannedStep::runs);

    // A reader fetches it, verified against its metadata.
    assertThat(data.local(PEOPLE, "a test")).isEqualTo(people);
    assertThat(Sha256.ofFile(people))
        .isEqualTo(TableMetadata.read(t.alcove().layout().tableSidecar(PEOPLE), PEOPLE).checksum());
    assertThat(data.where(PEOPLE)).isEqualTo(TableData.Where.LOCAL);
    assertThat(t.path("target/alcove/in-store.tsv")).content().doesNotContain("table://");
  }

  @Test
  void aTableInTheStoreWhoseObjectIsGoneFailsTheReaderInOneLineAndKeepsItsMetadata()
      throws Exception {
    t.run(minimal("table://total/latest"), 2);
    Path sidecar = t.alcove().layout().tableSidecar(PEOPLE);
    String metadata = Files.readString(sidecar);
    dev.alcove.core.io.Folders.delete(t.store);
    assertThatThrownBy(() -> t.tableData().local(PEOPLE, "a test"))
        .isInstanceOf(AlcoveException.class)
        .hasMessageStartingWith("a test reads table://people/latest, which is only in the store:")
        .hasMessageContaining("build it again (the run goal with alcove.force=true)")
        .hasMessageNotContaining("\n");
    assertThat(Files.readString(sidecar)).isEqualTo(metadata);
    assertThat(t.alcove().layout().tableFile(PEOPLE)).doesNotExist();
    assertThat(t.tableData().where(PEOPLE)).isEqualTo(TableData.Where.IN_STORE);
    try (GoalContext context = t.context(1)) {
      assertThat(audit(context, false)).noneMatch(f -> f.severity() == Finding.Severity.ERROR);
      assertThat(audit(context, true))
          .anyMatch(
              f ->
                  f.subject().equals(PEOPLE.toString())
                      && f.severity() == Finding.Severity.ERROR
                      && f.message()
                          .startsWith(
                              "its data, left in the store by a run here, is missing from "));
    }
  }

  @Test
  void exportAndResourcesFetchATableThatIsOnlyInTheStore() throws Exception {
    t.run(minimal("table://total/latest"), 2);
    Path people = t.alcove().layout().tableFile(PEOPLE);
    assertThat(people).doesNotExist();
    List<Path> copies =
        TableResources.export(
            t.alcove(),
            "table://people/latest",
            "<resources>",
            t.path("target/generated-resources/alcove"),
            t.path("target"),
            t.tableData(),
            t.log);
    assertThat(copies).singleElement().satisfies(copy -> assertThat(copy).exists());
    assertThat(t.lines)
        .anyMatch(
            line ->
                line.startsWith("fetching table://people/latest from the store (")
                    && line.endsWith("): <resources> reads it"));

    // Back in the store only: the export fetches it again, and writes both tables.
    t.tableData().moveToStore(PEOPLE);
    assertThat(people).doesNotExist();
    Path database = t.path("target/lake.duckdb");
    assertThat(
            dev.alcove.core.db.ExportDuckDb.export(
                t.alcove(),
                database,
                dev.alcove.core.db.TableViews.Names.FULL,
                t.tableData(),
                t.log))
        .isEqualTo(2);
    assertThat(people).exists();
  }

  private List<Finding> audit(GoalContext context, boolean remote) {
    return new Audit(context, t.root, new AuditOptions(false, false, remote)).run(List.of());
  }

  private static RunOptions minimal(String select) {
    return new RunOptions(
        Selection.parse(select, null, FrontEnd.NEUTRAL),
        false,
        false,
        CacheOptions.DEFAULT,
        Download.MINIMAL);
  }
}
