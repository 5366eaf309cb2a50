package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.init.InitAlcove;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Creates an alcove in the project folder: {@code alcove.yaml} (version 1, data in {@code data/},
 * no steps) and {@code data/.gitignore}. An existing alcove is left untouched. In a multi-module
 * project, initialise one module with {@code mvn alcove:init -pl <module>} (or from the module's
 * folder); the parent, which only aggregates, needs no alcove.
 */
@Mojo(threadSafe = true, name = "init")
public class InitMojo extends AbstractAlcoveMojo {
  @Override
  protected boolean createsAlcove() {
    return true;
  }

  @Override
  protected void runGoal(GoalContext context) {
    InitAlcove.init(context, directory.toPath());
  }
}
