package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.site.WriteCatalogue;
import java.nio.file.Path;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Writes the data catalogue, {@code target/alcove/catalogue/index.html}: a lineage picture of the
 * steps (each a link to its section) and, for every snapshot and table, where it came from, its
 * licence, what it holds, how it was built and what depends on it. It reads metadata and Parquet
 * footers only: it builds nothing and needs no store. The page is self-contained and opens from
 * {@code file://}.
 */
@Mojo(threadSafe = true, name = "catalogue", requiresProject = false)
public class CatalogueMojo extends AbstractAlcoveMojo {

  /** The page's title. */
  @Parameter(property = "alcove.title", defaultValue = "${project.name}")
  private String title;

  @Override
  protected void runGoal(GoalContext context) {
    Path page =
        WriteCatalogue.write(openAlcove(), title == null || title.isBlank() ? "alcove" : title);
    getLog().info("wrote the catalogue: " + page.toUri());
  }
}
