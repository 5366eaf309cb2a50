package dev.alcove.maven;

import dev.alcove.core.run.RunEngine;
import dev.alcove.core.run.RunOptions;
import dev.alcove.core.run.RunReport;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Brings the alcove up to date: restores snapshots whose data is missing or changed, and builds
 * every table that is out of date, in dependency order, saying why each one runs. Bound to {@code
 * generate-resources}, so {@code mvn verify} builds the data before tests use it.
 */
@Mojo(
    name = "run",
    defaultPhase = LifecyclePhase.GENERATE_RESOURCES,
    requiresDependencyResolution = ResolutionScope.RUNTIME)
public class RunMojo extends AbstractAlcoveMojo {

  /**
   * A regular expression: runs the steps whose URI it matches, with their upstream and downstream
   * steps.
   */
  @Parameter(property = AlcoveProperties.SELECT)
  private String select;

  /** Rebuilds every selected table, and re-reads every byte of snapshot data to verify it. */
  @Parameter(property = AlcoveProperties.FORCE, defaultValue = "false")
  private boolean force;

  /** Prints the plan, each step with what would happen and why, and changes nothing. */
  @Parameter(property = AlcoveProperties.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  @Parameter(defaultValue = "${project}", readonly = true)
  private MavenProject project;

  @Parameter(defaultValue = "${plugin.artifacts}", readonly = true)
  private List<Artifact> pluginArtifacts;

  @Override
  protected void runGoal() throws MojoFailureException, MojoExecutionException {
    RunReport report =
        new RunEngine(
                openAlcove(),
                new RunOptions(
                    Selection.parse(select),
                    force,
                    dryRun,
                    threads(),
                    javaStepClassPath(),
                    this::openDepot),
                log())
            .run();
    if (!report.succeeded()) {
      throw new MojoFailureException(report.failureSummary());
    }
  }

  /** The project's runtime class path, then the plugin's (which brings parquet-avro). */
  private List<Path> javaStepClassPath() throws MojoExecutionException {
    Set<String> elements = new LinkedHashSet<>();
    if (project != null) {
      try {
        elements.addAll(project.getRuntimeClasspathElements());
      } catch (DependencyResolutionRequiredException e) {
        throw new MojoExecutionException(
            "cannot resolve the project's runtime class path: " + e.getMessage(), e);
      }
    }
    if (pluginArtifacts != null) {
      for (Artifact artifact : pluginArtifacts) {
        File file = artifact.getFile();
        if (file != null) {
          elements.add(file.getAbsolutePath());
        }
      }
    }
    List<Path> paths = new ArrayList<>();
    elements.forEach(element -> paths.add(Path.of(element)));
    return paths;
  }
}
