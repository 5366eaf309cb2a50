package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.table.ListSteps;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists the alcove's steps in sorted order, as URIs or as data paths. */
@Mojo(threadSafe = true, name = "list", requiresProject = false)
public class ListMojo extends AbstractAlcoveMojo {

  /** A regular expression: only steps whose URI it matches (anywhere) are listed. */
  @Parameter(property = AlcoveProperties.SELECT)
  private String select;

  /** Prints each step's data path relative to the alcove instead of its URI. */
  @Parameter(property = AlcoveProperties.PATHS, defaultValue = "false")
  private boolean paths;

  @Override
  protected void runGoal(GoalContext context) {
    List<String> lines = ListSteps.list(openAlcove(), Selection.parse(select), paths);
    if (lines.isEmpty()) {
      getLog().info(select == null ? "no steps yet" : "no step matches " + select);
    }
    lines.forEach(getLog()::info);
  }
}
