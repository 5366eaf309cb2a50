package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.table.RemoveStep;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Takes a step out of {@code alcove.yaml} and deletes its local data and metadata, its {@code
 * data/.gitignore} line and its build state; refuses, naming them, while other steps depend on it.
 * The step's definition under {@code src/steps/} and the objects in the store are left alone.
 */
@Mojo(threadSafe = true, name = "remove")
public class RemoveMojo extends AbstractAlcoveMojo {

  /** The step's URI, as {@code alcove:list} prints it, e.g. {@code table://countries/latest}. */
  @Parameter(property = AlcoveProperties.STEP)
  private String step;

  @Override
  protected void runGoal(GoalContext context) {
    RemoveStep.Removed removed = RemoveStep.remove(openAlcove(), step, context.log());
    context.log().info("removed " + removed.uri() + " from alcove.yaml");
    removed.deleted().forEach(path -> context.log().info("deleted " + path));
    removed
        .definitionKept()
        .ifPresent(
            definition ->
                context
                    .log()
                    .info(
                        "kept its definition "
                            + definition
                            + ": delete it (git rm) if it is no longer wanted"));
    context.log().info("the store keeps its objects");
  }
}
