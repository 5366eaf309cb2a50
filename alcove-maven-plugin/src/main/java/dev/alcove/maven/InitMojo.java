package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.init.InitAlcove;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Creates an alcove in the project folder: {@code alcove.yaml} (version 1, data in {@code data/},
 * no steps) and {@code data/.gitignore}. An existing alcove is left untouched.
 */
@Mojo(threadSafe = true, name = "init", requiresProject = false)
public class InitMojo extends AbstractAlcoveMojo {
  @Override
  protected void runGoal(GoalContext context) {
    InitAlcove.init(context, directory.toPath());
  }
}
