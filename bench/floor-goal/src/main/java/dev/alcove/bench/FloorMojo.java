package dev.alcove.bench;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Runs {@link PlainS3} inside Maven, as a goal: what the least Maven goal that moves rows 6a and
 * 6b's folder takes, Maven's own start included, measured rather than added up.
 */
@Mojo(name = "s3", requiresProject = false, threadSafe = true)
public class FloorMojo extends AbstractMojo {

  /** {@link PlainS3}'s arguments, separated by commas. */
  @Parameter(property = "floor.args", required = true)
  private String[] args;

  @Override
  public void execute() throws MojoExecutionException {
    try {
      PlainS3.main(args);
    } catch (Exception e) {
      throw new MojoExecutionException("PlainS3 failed: " + e, e);
    }
  }
}
