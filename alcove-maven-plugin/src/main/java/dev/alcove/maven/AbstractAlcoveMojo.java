package dev.alcove.maven;

import dev.alcove.core.Alcove;
import dev.alcove.core.AlcoveException;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.log.AlcoveLog;
import java.io.File;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every alcove goal shares: where the alcove is, the steps declared in the pom, and {@code
 * alcove.skip}. A goal implements {@link #runGoal()}, which makes one call into the core; this
 * class turns the core's errors into Maven's: {@link AlcoveException} (the user's data or
 * configuration is wrong) into a build failure with its one-line message, anything else into an
 * execution error.
 */
public abstract class AbstractAlcoveMojo extends AbstractMojo {

  /** The alcove: the folder that holds {@code alcove.yaml}. Defaults to the project's folder. */
  @Parameter(property = AlcoveProperties.DIRECTORY, defaultValue = "${project.basedir}")
  protected File directory;

  /** Skips the goal. */
  @Parameter(property = AlcoveProperties.SKIP, defaultValue = "false")
  protected boolean skip;

  /**
   * Steps declared in the pom, in addition to those in {@code alcove.yaml}. Each is a {@code
   * <step>} with a {@code <uri>} and a list of {@code <dependencies>}. A step declared in both
   * places must have the same dependencies in both.
   */
  @Parameter protected List<Step> steps = new ArrayList<>();

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("alcove: skipped (" + AlcoveProperties.SKIP + "=true)");
      return;
    }
    try {
      runGoal();
    } catch (AlcoveException e) {
      throw new MojoFailureException(e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** The goal's work: read parameters, build one configuration, make one call into the core. */
  protected abstract void runGoal() throws MojoExecutionException, MojoFailureException;

  protected AlcoveLog log() {
    return new MavenLog(getLog());
  }

  /** Opens the alcove with the pom's steps merged in. */
  protected Alcove openAlcove() {
    return Alcove.open(directory.toPath(), declaredSteps());
  }

  protected List<StepDeclaration> declaredSteps() {
    List<StepDeclaration> declared = new ArrayList<>();
    for (Step step : steps == null ? List.<Step>of() : steps) {
      try {
        declared.add(StepDeclaration.parse(step.getUri(), step.getDependencies()));
      } catch (AlcoveException e) {
        throw new AlcoveException("pom <steps>: " + e.getMessage());
      }
    }
    return declared;
  }
}
