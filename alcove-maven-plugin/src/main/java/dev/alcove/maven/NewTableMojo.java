package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.table.NewTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Adds a table step to {@code alcove.yaml} and writes a placeholder definition under {@code
 * src/steps/tables/} that builds as written.
 */
@Mojo(threadSafe = true, name = "new-table", requiresProject = false)
public class NewTableMojo extends AbstractAlcoveMojo {

  /**
   * The table: a dataset path whose extension picks the language: {@code countries/summary.sql}
   * (DuckDB SQL), {@code .py} (Python), {@code .java} or none (a Java program). Without a version
   * the table is {@code latest}.
   */
  @Parameter(property = AlcoveProperties.TABLE)
  private String table;

  /**
   * URIs of the steps the table reads, comma-separated, e.g. {@code snapshot://countries/latest}.
   * Each must be in the catalogue.
   */
  @Parameter(property = AlcoveProperties.DEPENDENCIES)
  private List<String> dependencies = new ArrayList<>();

  @Override
  protected void runGoal(GoalContext context) {
    NewTable.create(context, openAlcove(), table, dependencies == null ? List.of() : dependencies);
  }
}
