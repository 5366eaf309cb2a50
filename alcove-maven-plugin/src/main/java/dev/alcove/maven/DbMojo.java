package dev.alcove.maven;

import dev.alcove.core.Alcove;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.db.AlcoveDatabase;
import dev.alcove.core.db.ResultFormat;
import dev.alcove.core.db.TableViews;
import dev.alcove.core.tabledata.TableData;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Queries the built tables in DuckDB, through a view per table named in full ({@code
 * a_b_c_20240726}) and by its shortest unique alias ({@code c}). With a query, prints its result;
 * with none on an interactive console, opens a SQL prompt; with none and no console, lists the
 * views with their row counts.
 */
@Mojo(threadSafe = true, name = "db")
public class DbMojo extends AbstractAlcoveMojo {

  /** The SQL to run; a bare view name means {@code SELECT * FROM} it. */
  @Parameter(property = AlcoveProperties.QUERY)
  private String query;

  /** Which view names to create: {@code short}, {@code full} or {@code both}. */
  @Parameter(property = AlcoveProperties.NAMES, defaultValue = "both")
  private String names;

  /** {@code table} (aligned columns for a terminal), {@code csv} or {@code json}. */
  @Parameter(property = AlcoveProperties.FORMAT, defaultValue = "table")
  private String format;

  /** Writes the result to this file instead of standard output. */
  @Parameter(property = AlcoveProperties.OUTPUT)
  private File output;

  @Override
  protected void runGoal(GoalContext context) {
    ResultFormat resultFormat = ResultFormat.parse(format, context.frontEnd());
    TableViews.Names viewNames = TableViews.Names.parse(names, context.frontEnd());
    // Results go to standard output, so they can be piped; that stream is Maven's and stays open.
    PrintStream out = output == null ? System.out : Documents.open(output);
    Alcove alcove = openAlcove();
    try (AlcoveDatabase database =
        AlcoveDatabase.open(
            alcove, viewNames, TableData.of(alcove.layout(), context), context.log())) {
      if (query != null && !query.isBlank()) {
        long rows = database.query(query, resultFormat, out);
        if (output != null) {
          getLog().info("wrote " + rows + " rows to " + output);
        }
      } else if (System.console() != null && output == null) {
        database.prompt(
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out);
      } else {
        database.listViews(out);
      }
    } finally {
      if (output != null) {
        out.close();
      }
    }
  }
}
