package dev.alcove.maven;

import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, list and new-table as Maven runs them: configured from a pom, errors as Maven's. */
@MojoTest
@Basedir("target/test-classes/unit/basic")
class CatalogueGoalsMojoTest {

  @TempDir Path alcove;

  @Test
  @InjectMojo(goal = "init", pom = "pom.xml")
  void initCreatesTheAlcoveAndLeavesAnExistingOneAlone(InitMojo init) throws Exception {
    RecordingLog log = at(init, alcove);
    init.execute();
    assertThat(Files.readString(alcove.resolve("alcove.yaml")))
        .isEqualTo("version: 1\ndata_dir: data\nsteps: {}\n");
    assertThat(Files.readString(alcove.resolve("data/.gitignore"))).isEqualTo("tables/\n");

    Files.writeString(
        alcove.resolve("alcove.yaml"), "version: 1\nsteps:\n  snapshot://a/2024-01-01: []\n");
    init.execute();
    assertThat(Files.readString(alcove.resolve("alcove.yaml"))).contains("snapshot://a/2024-01-01");
    assertThat(log.lines).anyMatch(line -> line.contains("left untouched"));
  }

  @Test
  @InjectMojo(goal = "new-table", pom = "pom.xml")
  void newTableAddsTheStepAndPomStepsAreListed(NewTableMojo newTable) throws Exception {
    Files.writeString(alcove.resolve("alcove.yaml"), "version: 1\nsteps: {}\n");
    at(newTable, alcove);
    setVariableValueToObject(newTable, "table", "summary.sql");
    newTable.execute();
    assertThat(alcove.resolve("src/steps/tables/summary.sql")).exists();

    ListMojo list = new ListMojo();
    RecordingLog log = at(list, alcove);
    setVariableValueToObject(list, "steps", newTable.steps);
    list.execute();
    assertThat(log.lines).containsExactly("table://from-pom/latest", "table://summary/latest");

    log.lines.clear();
    setVariableValueToObject(list, "paths", true);
    setVariableValueToObject(list, "select", "pom");
    list.execute();
    assertThat(log.lines).containsExactly("data/tables/from-pom/latest.parquet");
  }

  @Test
  @InjectMojo(goal = "list", pom = "pom.xml")
  void errorsAreBuildFailuresWithOneLine(ListMojo list) throws Exception {
    at(list, alcove);
    assertThatThrownBy(list::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("no alcove.yaml in " + alcove + ": run mvn alcove:init to create an alcove");

    Files.writeString(
        alcove.resolve("alcove.yaml"), "version: 1\nsteps:\n  table://from-pom/latest: []\n");
    assertThatThrownBy(list::execute)
        .isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("alcove.yaml")
        .hasMessageContaining("the pom's <steps>");

    Files.writeString(alcove.resolve("alcove.yaml"), "version: 1\nsteps: {}\n");
    setVariableValueToObject(list, "select", "[unclosed");
    assertThatThrownBy(list::execute)
        .hasMessageContaining(
            "alcove.select=[unclosed: '[unclosed' is neither a step path, a glob nor a valid");
  }

  @Test
  @InjectMojo(goal = "init", pom = "pom.xml")
  void skipDoesNothing(InitMojo init) throws Exception {
    RecordingLog log = at(init, alcove);
    setVariableValueToObject(init, "skip", true);
    init.execute();
    assertThat(alcove.resolve("alcove.yaml")).doesNotExist();
    assertThat(log.lines).containsExactly("alcove: skipped (alcove.skip=true)");
  }

  private static RecordingLog at(Mojo mojo, Path alcove) throws Exception {
    setVariableValueToObject(mojo, "directory", alcove.toFile());
    if (mojo instanceof AbstractAlcoveMojo alcoveMojo && alcoveMojo.steps == null) {
      setVariableValueToObject(mojo, "steps", List.of());
    }
    if (mojo instanceof AbstractAlcoveMojo) {
      // Run by hand, as these goals are: the lifecycle would skip a project without an alcove.
      setVariableValueToObject(
          mojo,
          "mojoExecution",
          new org.apache.maven.plugin.MojoExecution(
              new org.apache.maven.plugin.descriptor.MojoDescriptor(),
              "default-cli",
              org.apache.maven.plugin.MojoExecution.Source.CLI));
    }
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);
    return log;
  }
}
