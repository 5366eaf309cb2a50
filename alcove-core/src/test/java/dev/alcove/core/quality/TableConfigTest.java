package dev.alcove.core.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.run.runner.StepKinds;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TableConfigTest {

  @TempDir Path dir;

  @Test
  void theEngineIsDuckDbUnlessTheConfigSaysSparkAndAnythingElseIsRefused() throws Exception {
    Path config = dir.resolve("summary.meta.yaml");
    assertThat(TableConfig.none().engine()).isEqualTo(TableConfig.Engine.DUCKDB);
    Files.writeString(config, "engine: Spark\n");
    assertThat(TableConfig.readIfExists(config).orElseThrow().engine())
        .isEqualTo(TableConfig.Engine.SPARK);
    Files.writeString(config, "engine: flink\n");
    assertThatThrownBy(() -> TableConfig.readIfExists(config))
        .isInstanceOf(AlcoveException.class)
        .hasMessageContaining("engine 'flink' is not one alcove runs SQL on: use duckdb or spark");
  }

  @Test
  void onlyAnSqlStepRunsOnSpark() {
    assertThat(
            StepKinds.of(
                dir.resolve("summary.sql"), TableConfig.Engine.SPARK, () -> "summary.meta.yaml"))
        .isSameAs(StepKinds.SPARK_SQL);
    assertThat(
            StepKinds.of(
                dir.resolve("summary.sql"), TableConfig.Engine.DUCKDB, () -> "summary.meta.yaml"))
        .isSameAs(StepKinds.SQL);
    assertThatThrownBy(
            () ->
                StepKinds.of(
                    dir.resolve("summary.py"), TableConfig.Engine.SPARK, () -> "summary.meta.yaml"))
        .hasMessage(
            "summary.meta.yaml: engine spark runs SQL steps only, and summary.py is Python: remove"
                + " engine, or write the step in SQL");
  }
}
