package dev.alcove.core.diff;

import dev.alcove.core.checksum.Checksum;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.progress.TransferProgress;
import dev.alcove.core.tabledata.TableData;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A table's earlier output (a revision's build, its previous build here) against its output now:
 * the earlier one fetched by checksum from the local cache or the store into the build state, for
 * the comparison only.
 */
final class EarlierOutput {

  private EarlierOutput() {}

  static DiffReport againstNow(
      GoalContext context,
      AlcoveLayout layout,
      StepUri table,
      Checksum earlier,
      String earlierName,
      String nowName,
      List<String> keys) {
    Path before = layout.buildDir().resolve("diff").resolve(earlier.hex() + ".parquet");
    try {
      context
          .depot()
          .fetch(
              earlier,
              before,
              earlierName,
              "it was neither pushed to the store nor kept in the local cache",
              TransferProgress.NONE,
              context.transfers());
      Path now = TableData.of(layout, context).local(table, "the diff");
      try (Connection connection = DuckDb.inMemory()) {
        return new TabularDiff(connection)
            .compare(
                earlierName, DuckDb.readParquet(before), nowName, DuckDb.readParquet(now), keys);
      } catch (SQLException e) {
        throw new AlcoveException("cannot compare " + earlierName + ": " + DuckDb.message(e));
      }
    } finally {
      AtomicFiles.deleteQuietly(before);
    }
  }
}
