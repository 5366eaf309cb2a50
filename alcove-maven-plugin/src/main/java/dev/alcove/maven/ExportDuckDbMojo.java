package dev.alcove.maven;

import dev.alcove.core.Alcove;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.db.ExportDuckDb;
import dev.alcove.core.db.TableViews;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.select.Selection;
import java.io.File;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Writes every table into a DuckDB database file, building out-of-date tables first, so the data
 * can be opened with the DuckDB CLI or any DuckDB client.
 */
@Mojo(
    threadSafe = true,
    name = "export-duckdb",
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class ExportDuckDbMojo extends AbstractAlcoveMojo {

  /** The DuckDB file to write, e.g. {@code target/alcove.duckdb}; an existing one is replaced. */
  @Parameter(property = AlcoveProperties.DATABASE)
  private File database;

  /**
   * Names the tables by their shortest unique alias ({@code c}) instead of in full ({@code
   * a_b_c_latest}).
   */
  @Parameter(property = AlcoveProperties.SHORT, defaultValue = "false")
  private boolean shortNames;

  @Override
  protected void runGoal(GoalContext context) throws MojoFailureException, MojoExecutionException {
    Alcove alcove = openAlcove();
    RunReport report =
        new RunEngine(context, alcove, new RunOptions(Selection.ALL, false, false)).run();
    if (!report.succeeded()) {
      throw new MojoFailureException(report.failureSummary());
    }
    ExportDuckDb.export(
        alcove,
        database == null ? null : database.toPath(),
        shortNames ? TableViews.Names.SHORT : TableViews.Names.FULL,
        dev.alcove.core.tabledata.TableData.of(alcove.layout(), context),
        context.log());
  }
}
