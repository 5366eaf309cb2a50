package dev.alcove.core.db;

import dev.alcove.core.Alcove;
import dev.alcove.core.duckdb.DuckDb;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.frontend.Goal;
import dev.alcove.core.frontend.Setting;
import dev.alcove.core.io.AtomicFiles;
import dev.alcove.core.log.AlcoveLog;
import dev.alcove.core.tabledata.TableData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * {@code export-duckdb}: writes every built table into a DuckDB database file, as real tables, so
 * the file stands on its own. The file is written beside the target and moved into place.
 */
public final class ExportDuckDb {

  private ExportDuckDb() {}

  /** Exports every built table; one only in the store is fetched first. */
  public static int export(
      Alcove alcove, Path database, TableViews.Names names, TableData data, AlcoveLog log) {
    if (database == null) {
      throw new AlcoveException(
          "no database file given: set "
              + alcove.frontEnd().set(Setting.DATABASE, "<file>")
              + ", e.g. target/alcove.duckdb");
    }
    Map<String, TableViews.View> tables =
        TableViews.of(alcove.catalogue(), alcove.layout(), data, names);
    if (tables.isEmpty()) {
      throw new AlcoveException(
          "no tables are built: nothing to export (run " + alcove.frontEnd().run(Goal.RUN) + ")");
    }
    Path target = database.toAbsolutePath().normalize();
    tables.values().stream()
        .filter(view -> !view.local())
        .map(TableViews.View::table)
        .distinct()
        .forEach(uri -> data.local(uri, "the export to " + target));
    Path temp = AtomicFiles.tempSibling(target);
    try {
      Files.createDirectories(target.getParent());
      try (Connection connection = DuckDb.onFile(temp)) {
        for (Map.Entry<String, TableViews.View> table : tables.entrySet()) {
          try (Statement statement = connection.createStatement()) {
            statement.execute(
                "CREATE TABLE "
                    + DuckDb.identifier(table.getKey())
                    + " AS SELECT * FROM "
                    + DuckDb.readParquet(table.getValue().file()));
          }
        }
        try (Statement statement = connection.createStatement()) {
          statement.execute("CHECKPOINT");
        }
      }
      AtomicFiles.moveIntoPlace(temp, target);
      log.info(
          "exported "
              + tables.size()
              + " tables to "
              + target
              + ": "
              + String.join(", ", tables.keySet()));
      return tables.size();
    } catch (SQLException e) {
      throw new AlcoveException("cannot write " + target + ": " + DuckDb.message(e));
    } catch (IOException e) {
      throw new AlcoveException(
          "cannot write " + target + ": " + dev.alcove.core.io.IoErrors.reason(e));
    } finally {
      AtomicFiles.deleteQuietly(temp);
      AtomicFiles.deleteQuietly(temp.resolveSibling(temp.getFileName() + ".wal"));
    }
  }
}
