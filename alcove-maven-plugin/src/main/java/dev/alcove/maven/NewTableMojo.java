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
@Mojo(threadSafe = true, name = "new-table")
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

  /**
   * Also writes the table's config ({@code src/steps/tables/<path>.meta.yaml}, every field a
   * comment) and opens it in {@code $VISUAL} or {@code $EDITOR}, as the Python tool's {@code
   * new-table --edit} does; without a console or an editor, says which file to edit.
   */
  @Parameter(property = AlcoveProperties.EDIT, defaultValue = "false")
  private boolean edit;

  @Override
  protected void runGoal(GoalContext context) {
    NewTable.Created created =
        NewTable.create(
            context, openAlcove(), table, dependencies == null ? List.of() : dependencies, edit);
    created.config().ifPresent(config -> Editor.open(config, context.log()));
  }
}
