package dev.alcove.core.audit;

import dev.alcove.core.Alcove;
import dev.alcove.core.checksum.StatCache;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.run.BuiltTableTests;
import dev.alcove.core.table.StepDefinitions;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * A table: it has a definition; built here, its file is the one its metadata records and its data
 * tests pass on it.
 */
final class TableCheck implements StepCheck {

  @Override
  public List<Finding> check(AuditScope scope, StepUri uri) {
    if (!uri.isTable()) {
      return List.of();
    }
    Alcove alcove = scope.alcove;
    GoalContext context = scope.context;
    StatCache statCache = scope.statCache;
    AlcoveLayout layout = alcove.layout();
    String subject = uri.toString();
    try {
      if (StepDefinitions.find(layout, uri).isEmpty()) {
        return List.of(
            Finding.error(subject, "no definition under " + layout.relative(layout.stepsDir())));
      }
    } catch (AlcoveException e) {
      return List.of(Finding.error(subject, e.getMessage()));
    }
    Path parquet = layout.tableFile(uri);
    Optional<TableMetadata> metadata;
    try {
      metadata = TableMetadata.readIfExists(layout.tableSidecar(uri), uri);
    } catch (AlcoveException e) {
      return List.of(Finding.error(subject, e.getMessage()));
    }
    if (!Files.isRegularFile(parquet)) {
      return inStore(scope, uri);
    }
    if (metadata.isEmpty()) {
      return List.of(
          Finding.error(
              subject,
              "no metadata for "
                  + layout.relative(parquet)
                  + ": "
                  + context.frontEnd().run(Goal.RUN)
                  + " rebuilds it"));
    }
    if (!statCache.checksum(parquet).equals(metadata.get().checksum())) {
      return List.of(
          Finding.error(
              subject,
              layout.relative(parquet)
                  + " was modified since it was built: "
                  + context.frontEnd().run(Goal.RUN)
                  + " rebuilds it"));
    }
    List<Finding> tests = dataTests(scope, uri);
    return tests.isEmpty() ? List.of(Finding.ok(subject)) : tests;
  }

  /**
   * A table whose data a run left in the store: nothing to check here; with the remote checks, the
   * store must hold its file.
   */
  private static List<Finding> inStore(AuditScope scope, StepUri uri) {
    String subject = uri.toString();
    Optional<dev.alcove.core.tabledata.TablesInStore.Stored> stored = scope.tableData.inStore(uri);
    if (stored.isEmpty()) {
      return List.of(Finding.ok(subject, "not built here"));
    }
    if (scope.options.remote() && !scope.remote().present().contains(stored.get().output())) {
      return List.of(
          Finding.error(
              subject,
              "its data, left in the store by a run here, is missing from "
                  + scope.remote().depot().describe()
                  + ": "
                  + scope.context.frontEnd().run(Goal.RUN)
                  + " with "
                  + scope.context.frontEnd().set(dev.alcove.core.frontend.Setting.FORCE, "true")
                  + " builds it again"));
    }
    return List.of(Finding.ok(subject, "data in the store"));
  }

  /** The table's data tests against its data as built, one finding for each failure. */
  private static List<Finding> dataTests(AuditScope scope, StepUri uri) {
    Alcove alcove = scope.alcove;
    String subject = uri.toString();
    try {
      return BuiltTableTests.run(alcove, uri, scope.snapshots, scope.inspector()).stream()
          .map(
              failure ->
                  failure.isError()
                      ? Finding.error(subject, "data test failed: " + failure)
                      : Finding.warning(subject, "data test: " + failure))
          .toList();
    } catch (AlcoveException e) {
      return List.of(Finding.error(subject, e.getMessage()));
    } catch (SQLException e) {
      return List.of(
          Finding.error(
              subject,
              "cannot read "
                  + alcove.layout().relative(alcove.layout().tableFile(uri))
                  + ": "
                  + DuckDb.message(e)));
    }
  }
}
