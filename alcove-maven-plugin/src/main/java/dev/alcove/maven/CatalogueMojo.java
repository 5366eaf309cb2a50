package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.site.CataloguePage;
import dev.alcove.core.site.StepStates;
import dev.alcove.core.site.WriteCatalogue;
import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The data catalogue: a lineage picture of the steps, each coloured by its state (up to date, out
 * of date with the reason {@code alcove:run} would give, failed in the last run, never built) and a
 * link to its section; and, for every snapshot and table, where it came from, its licence and the
 * licences upstream, what it holds, how it was built and what depends on it. It reads metadata and
 * Parquet footers only, and plans as {@code -Dalcove.dryRun} does without the table cache: it
 * builds nothing and opens no store.
 *
 * <p>As a goal, {@code mvn alcove:catalogue} writes a self-contained page, {@code
 * target/alcove/catalogue/index.html}, that opens from {@code file://}. Listed under {@code
 * <reporting>}, the same catalogue is the "Data catalogue" page of {@code mvn site}'s Project
 * Reports, in the site's look.
 */
@Mojo(threadSafe = true, name = "catalogue")
public class CatalogueMojo extends AbstractAlcoveMojo implements MavenReport {

  /** The page's title. */
  @Parameter(property = "alcove.title", defaultValue = "${project.name}")
  private String title;

  /** Where {@code mvn site} writes its pages; set by the site plugin. */
  @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true)
  private File reportOutputDirectory;

  @Override
  protected void runGoal(GoalContext context) {
    Path page =
        WriteCatalogue.write(
            context, openAlcove(), title == null || title.isBlank() ? "alcove" : title);
    getLog().info("wrote the catalogue: " + page.toUri());
  }

  @Override
  public void generate(Sink sink, Locale locale) throws MavenReportException {
    try {
      inContext(
          context -> {
            var alcove = openAlcove();
            String fragment =
                new CataloguePage(
                        alcove,
                        StepStates.of(context, alcove),
                        dev.alcove.core.tabledata.TableData.of(alcove.layout(), context))
                    .fragment(reportOutputDirectory.toPath());
            sink.head();
            sink.title();
            sink.text(getName(locale));
            sink.title_();
            sink.head_();
            sink.body();
            sink.section1();
            sink.sectionTitle1();
            sink.text(getName(locale));
            sink.sectionTitle1_();
            sink.rawText(fragment);
            sink.section1_();
            sink.body_();
            sink.flush();
          });
    } catch (MojoExecutionException | MojoFailureException e) {
      throw new MavenReportException(e.getMessage(), e);
    }
  }

  @Override
  public String getOutputName() {
    return "alcove-catalogue";
  }

  @Override
  public String getCategoryName() {
    return CATEGORY_PROJECT_REPORTS;
  }

  @Override
  public String getName(Locale locale) {
    return "Data catalogue";
  }

  @Override
  public String getDescription(Locale locale) {
    return "The snapshots and tables of this project's alcove: lineage, licences, columns, state.";
  }

  @Override
  public void setReportOutputDirectory(File directory) {
    this.reportOutputDirectory = directory;
  }

  @Override
  public File getReportOutputDirectory() {
    return reportOutputDirectory;
  }

  @Override
  public boolean isExternalReport() {
    return false;
  }

  /** A module without an alcove has no catalogue: the site leaves the report out. */
  @Override
  public boolean canGenerateReport() {
    return !skip && hasAlcove();
  }
}
