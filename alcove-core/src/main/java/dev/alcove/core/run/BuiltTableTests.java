package dev.alcove.core.run;

import dev.alcove.core.Alcove;
import dev.alcove.core.duckdb.ParquetInspector;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.quality.TableChecks;
import dev.alcove.core.quality.TestFailure;
import dev.alcove.core.snapshot.RestoreSnapshot;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The data tests of a table that is already built, run against its Parquet file as it is, with its
 * inputs' data where it is here: what {@code alcove:audit} checks, so {@code mvn verify} checks
 * data and not only checksums.
 */
public final class BuiltTableTests {

  private BuiltTableTests() {}

  public static List<TestFailure> run(
      Alcove alcove, StepUri uri, RestoreSnapshot snapshots, ParquetInspector inspector)
      throws SQLException {
    AlcoveLayout layout = alcove.layout();
    TableStep step = TableStep.of(uri, alcove.catalogue(), layout, List::of, alcove.frontEnd());
    Path parquet = layout.tableFile(uri);
    return TableChecks.run(
        new dev.alcove.core.quality.DuckDbTests(inspector.connection(), parquet),
        inspector.schema(parquet),
        step.config,
        step.testInputs(dep -> dataHere(layout, snapshots, dep)),
        layout.root(),
        layout.testsDir());
  }

  private static Optional<Path> dataHere(
      AlcoveLayout layout, RestoreSnapshot snapshots, StepUri dep) {
    try {
      Path data =
          dep.isSnapshot() ? snapshots.dataPath(snapshots.metadata(dep)) : layout.tableFile(dep);
      return Files.exists(data) ? Optional.of(data) : Optional.empty();
    } catch (AlcoveException e) {
      return Optional.empty(); // no sidecar: the audit says so for that snapshot
    }
  }
}
