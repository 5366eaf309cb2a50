package dev.alcove.maven;

import dev.alcove.core.Alcove;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.select.Selection;
import dev.alcove.core.table.ListSteps;
import dev.alcove.core.tabledata.TableData;
import java.io.File;
import java.util.List;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Lists the alcove's steps in sorted order, as URIs or as data paths. */
@Mojo(threadSafe = true, name = "list")
public class ListMojo extends AbstractAlcoveMojo {

  /**
   * Which steps, comma-separated: {@code countries/summary} (the steps whose path starts with those
   * segments), a glob ({@code countries/*}; {@code **} crosses segments), a URI ({@code
   * table://countries/latest}); {@code +} before a selector adds everything upstream of it, after
   * it everything downstream. A regular expression (alcove's first form; a path that names no step
   * is read as one too) selects the steps it matches anywhere in their URI.
   */
  @Parameter(property = AlcoveProperties.SELECT)
  private String select;

  /** Steps to leave out of the selection, in the same language as {@code alcove.select}. */
  @Parameter(property = AlcoveProperties.EXCLUDE)
  private String exclude;

  /** Prints each step's data path relative to the alcove instead of its URI. */
  @Parameter(property = AlcoveProperties.PATHS, defaultValue = "false")
  private boolean paths;

  /**
   * {@code text} (the default: Maven's log) or {@code json}: one JSON document on standard output
   * (which {@code mvn -q} leaves alone), or in {@code alcove.output}: each step with its kind, data
   * path and dependencies.
   */
  @Parameter(property = AlcoveProperties.FORMAT, defaultValue = "text")
  private String format;

  /** With {@code alcove.format=json}, the file to write the document to instead. */
  @Parameter(property = AlcoveProperties.OUTPUT)
  private File output;

  @Override
  protected void runGoal(GoalContext context) {
    Alcove alcove = openAlcove();
    TableData data = TableData.of(alcove.layout(), context);
    Selection selection = Selection.parse(select, exclude, context.frontEnd());
    if (Documents.json(format)) {
      Documents.print(ListSteps.document(alcove, selection, data), output);
      return;
    }
    List<String> lines = ListSteps.list(alcove, selection, paths, data);
    if (lines.isEmpty()) {
      getLog().info(select == null ? "no steps yet" : "no step matches " + select);
    }
    lines.forEach(getLog()::info);
  }
}
