package dev.alcove.maven;

import dev.alcove.core.Alcove;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.run.Download;
import dev.alcove.core.run.RunDocuments;
import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.run.RunReport;
import dev.alcove.core.run.TableResources;
import dev.alcove.core.select.Selection;
import dev.alcove.core.tabledata.TableData;
import java.io.File;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Brings the alcove up to date: restores snapshots whose data is missing or changed, and builds
 * every table that is out of date, in dependency order, saying why each one runs. Bound to {@code
 * generate-resources}, so {@code mvn verify} builds the data before tests use it.
 */
@Mojo(
    threadSafe = true,
    name = "run",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RunMojo extends AbstractAlcoveMojo {

  /**
   * Which steps, comma-separated: {@code countries/summary} (the steps whose path starts with those
   * segments), a glob ({@code countries/*}; {@code **} crosses segments), a URI ({@code
   * table://countries/latest}); {@code +} before a selector adds everything upstream of it, after
   * it everything downstream. A regular expression (alcove's first form; a path that names no step
   * is read as one too) selects the steps it matches with everything upstream and downstream of
   * them, as it always did.
   */
  @Parameter(property = AlcoveProperties.SELECT)
  private String select;

  /** Steps to leave out of the selection, in the same language as {@code alcove.select}. */
  @Parameter(property = AlcoveProperties.EXCLUDE)
  private String exclude;

  /**
   * Rebuilds the selected tables (every table without a selection) without asking the table cache,
   * and re-reads every byte of snapshot data to verify it.
   */
  @Parameter(property = AlcoveProperties.FORCE, defaultValue = "false")
  private boolean force;

  /**
   * Prints the plan, each step with what would happen and why (built, restored from the table
   * cache, or decided once its upstream is built), and changes nothing.
   */
  @Parameter(property = AlcoveProperties.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  /**
   * What the run brings to this machine: {@code all} (the default) every selected step and every
   * input it reads; {@code outputs} only the selected tables, a snapshot or table that is only an
   * input staying in the store until a table that reads it is built here (a clone that restores
   * every table from the table cache downloads no snapshot); {@code minimal} metadata only, a table
   * found in the cache getting its metadata and its data staying in the store until a step or a
   * goal ({@code db}, {@code export-duckdb}, {@code package}, {@code <resources>}) reads it.
   */
  @Parameter(property = AlcoveProperties.DOWNLOAD, defaultValue = "all")
  private String download;

  /**
   * {@code text} (the default: Maven's log) or {@code json}: one JSON document on standard output
   * (which {@code mvn -q} leaves alone), or in {@code alcove.output} (for a dry run: each step with
   * its action and reason). Every real run writes {@code target/alcove/run-results.json} whatever
   * the format.
   */
  @Parameter(property = AlcoveProperties.FORMAT, defaultValue = "text")
  private String format;

  /** With {@code alcove.format=json}, the file to write the document to instead. */
  @Parameter(property = AlcoveProperties.OUTPUT)
  private File output;

  /**
   * Tables to ship inside the project's artifact, in the language of {@code alcove.select} (e.g.
   * {@code population/published,countries}): after a run, each is copied to {@code
   * target/generated-resources/alcove/<path>/<version>.parquet}, which becomes a resource folder of
   * the project, so that {@code mvn package} puts the tables in the jar under {@code alcove/} and
   * tests read them from the class path ({@code /alcove/countries/latest.parquet}).
   */
  @Parameter private String resources;

  /** Where {@code <resources>} copies tables to. */
  @Parameter(
      defaultValue = "${project.build.directory}/generated-resources/alcove",
      readonly = true)
  private File resourcesDirectory;

  /** The build's folder: nothing is written or deleted through a link below it. */
  @Parameter(defaultValue = "${project.build.directory}", readonly = true)
  private File buildDirectory;

  @Override
  protected void runGoal(GoalContext context) throws MojoFailureException, MojoExecutionException {
    RunReport report =
        new RunEngine(
                context,
                openAlcove(),
                new RunOptions(
                    Selection.parse(select, exclude, context.frontEnd()),
                    force,
                    dryRun,
                    cacheOptions(),
                    Download.parse(download, context.frontEnd())))
            .run();
    if (dryRun && Documents.json(format)) {
      Documents.print(RunDocuments.plan(report), output);
    }
    if (!report.succeeded()) {
      throw new MojoFailureException(report.failureSummary());
    }
    if (!dryRun && resources != null && !resources.isBlank()) {
      shipTables(context);
    }
  }

  private void shipTables(GoalContext context) {
    String setting = "<resources>" + resources.strip() + "</resources>";
    Alcove alcove = openAlcove();
    TableResources.export(
        alcove,
        resources,
        setting,
        resourcesDirectory.toPath(),
        buildDirectory.toPath(),
        TableData.of(alcove.layout(), context),
        context.log());
    if (project != null && project.getFile() != null) {
      Resource folder = new Resource();
      folder.setDirectory(resourcesDirectory.getAbsolutePath());
      folder.setTargetPath(TableResources.CLASS_PATH_FOLDER);
      project.addResource(folder);
    }
  }
}
