package dev.alcove.core.run.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.run.RunReport;
import dev.alcove.core.table.NewTable;
import dev.alcove.core.testing.TestAlcove;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The R step kind, the proof that a kind is one object: {@code .R} files run with {@code Rscript}
 * where it is installed (with the arrow package, to write Parquet), and say so where it is not.
 */
class RStepTest {

  @TempDir Path dir;

  @Test
  void theRegistryPicksRByItsExtensionAndNamesItInMessages() {
    assertThat(StepKinds.of(Path.of("src/steps/tables/a.R"))).isSameAs(StepKinds.R);
    assertThat(StepKinds.forNewTable("a/b.R")).isSameAs(StepKinds.R);
    assertThat(StepKinds.forNewTable("a/b")).isSameAs(StepKinds.JAVA);
    assertThat(StepKinds.of(Path.of("x.sh"))).isSameAs(StepKinds.PROGRAM);
    assertThatThrownBy(() -> StepKinds.forNewTable("a.xyz"))
        .hasMessage(
            "table extension .xyz is not one new-table can write: use .sql, .py, .R, .java or"
                + " none (a Java program)");
  }

  @Test
  void newTableWritesAnRPlaceholderListingItsInputs() throws Exception {
    TestAlcove t = new TestAlcove(dir);
    t.snapshotText("people", "people.csv", "region,people\neu,10\n");
    NewTable.Created created =
        NewTable.create(t.context(1), t.alcove(), "summary.R", List.of("snapshot://people/latest"));

    assertThat(created.definition()).isEqualTo(t.path("src/steps/tables/summary.R"));
    String text = Files.readString(created.definition());
    assertThat(text)
        .startsWith("#!/usr/bin/env Rscript\n# table://summary/latest\n")
        .contains("#   people = snapshot://people/latest\n", "arrow::write_parquet(");
    assertThat(Files.isExecutable(created.definition())).isTrue();
  }

  @Test
  void withoutRscriptTheStepFailsSayingWhatToInstall() {
    Assumptions.assumeFalse(
        ProgramStepRunner.onPath("Rscript"), "Rscript is installed: this case is not here");
    TestAlcove t = new TestAlcove(dir);
    t.table("table://r/latest", ".R", "quit(status = 1)\n");

    RunReport report = t.run();

    assertThat(report.failed().get(StepUri.parse("table://r/latest")))
        .isEqualTo(
            "src/steps/tables/r.R needs Rscript, which is not installed here: install it (e.g."
                + " the r-base package) and run again");
  }

  @Test
  void withRscriptAndArrowTheStepBuildsItsTable() throws Exception {
    Assumptions.assumeTrue(
        ProgramStepRunner.onPath("Rscript") && arrowInstalled(),
        "Rscript with the arrow package is not installed here: the R step is not run");
    TestAlcove t = new TestAlcove(dir);
    t.table(
        "table://r/latest",
        ".R",
        "args <- commandArgs(trailingOnly = TRUE)\n"
            + "arrow::write_parquet(data.frame(dim_n = 1:3), args[length(args)])\n");

    assertThat(t.run().succeeded()).isTrue();
    assertThat(t.path("data/tables/r/latest.parquet")).exists();
    assertThat(t.lines).anyMatch(line -> line.startsWith("built table://r/latest: 3 rows"));
  }

  private static boolean arrowInstalled() {
    try {
      Process check =
          new ProcessBuilder("Rscript", "-e", "library(arrow)").redirectErrorStream(true).start();
      check.getInputStream().readAllBytes();
      return check.waitFor() == 0;
    } catch (java.io.IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
