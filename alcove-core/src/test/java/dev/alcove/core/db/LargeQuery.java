package dev.alcove.core.db;

import dev.alcove.core.Alcove;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * Run in a child JVM with a small heap by {@link AlcoveDatabaseTest}: prints a query result far
 * larger than that heap, and says how many rows it wrote.
 */
public final class LargeQuery {
  public static void main(String[] args) {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    try (AlcoveDatabase db =
        AlcoveDatabase.open(
            Alcove.open(Path.of(args[0])),
            TableViews.Names.BOTH,
            new dev.alcove.core.tabledata.TableData(
                Alcove.open(Path.of(args[0])).layout(),
                () -> {
                  throw new IllegalStateException("this query reads local tables only");
                },
                dev.alcove.core.concurrent.ThreadBudget.of(1),
                dev.alcove.core.frontend.FrontEnd.NEUTRAL,
                dev.alcove.core.log.AlcoveLog.SILENT),
            dev.alcove.core.log.AlcoveLog.SILENT)) {
      long rows = db.query(args[1], ResultFormat.valueOf(args[2]), nowhere);
      System.out.println("rows " + rows);
    }
  }
}
