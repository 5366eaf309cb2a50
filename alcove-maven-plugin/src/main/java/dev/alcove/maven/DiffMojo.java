package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.diff.DiffReport;
import dev.alcove.core.diff.DiffVersions;
import dev.alcove.core.errors.AlcoveException;
import java.io.File;
import java.util.Arrays;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Shows what changed from one version of a snapshot or table to another: columns added, removed and
 * retyped, row counts, and, with a key, rows added, removed and changed with each column's count,
 * numeric drift and a few examples (without a key, whole rows on each side). Two folder snapshots
 * are compared file by file from their manifests. Data that is not here is fetched first.
 */
@Mojo(threadSafe = true, name = "diff")
public class DiffMojo extends AbstractAlcoveMojo {

  /**
   * The version compared from: {@code snapshot://countries/2024-07-26}, a table, a {@code latest}.
   */
  @Parameter(property = AlcoveProperties.FROM)
  private String from;

  /** The version compared to, in the same forms. */
  @Parameter(property = AlcoveProperties.TO)
  private String to;

  /** Key columns, comma-separated, that match a row of one version with the other's. */
  @Parameter(property = AlcoveProperties.KEY)
  private String key;

  /** {@code text} (the default, for people) or {@code json} (for scripts and CI). */
  @Parameter(property = AlcoveProperties.FORMAT, defaultValue = "text")
  private String format;

  /** With {@code alcove.format=json}, the file to write the document to instead. */
  @Parameter(property = AlcoveProperties.OUTPUT)
  private File output;

  /**
   * Fails the build when the versions differ: {@code schema} (columns added, removed or retyped),
   * {@code rows} (that, or any row or file added, removed or changed); never unset.
   */
  @Parameter(property = AlcoveProperties.FAIL_ON_CHANGE)
  private String failOnChange;

  @Override
  protected void runGoal(GoalContext context) throws MojoFailureException {
    if (failOnChange != null
        && !failOnChange.isBlank()
        && !List.of("schema", "rows").contains(failOnChange.strip())) {
      throw new AlcoveException(
          "-D"
              + AlcoveProperties.FAIL_ON_CHANGE
              + "="
              + failOnChange
              + " is not one of schema, rows");
    }
    List<String> keys =
        key == null || key.isBlank()
            ? List.of()
            : Arrays.stream(key.split(",")).map(String::strip).filter(k -> !k.isEmpty()).toList();
    DiffReport report = new DiffVersions(context, openAlcove()).diff(from, to, keys);
    if (Documents.json(format)) {
      Documents.print(report.document(), output);
    } else {
      report.lines().forEach(getLog()::info);
    }
    String failOn = failOnChange == null ? "" : failOnChange.strip();
    if (failOn.equals("schema") && report.schemaChanged()
        || failOn.equals("rows") && (report.schemaChanged() || report.rowsChanged())) {
      throw new MojoFailureException(
          report.from()
              + " -> "
              + report.to()
              + " changed ("
              + (report.schemaChanged() ? "schema" : "rows")
              + ") and "
              + AlcoveProperties.FAIL_ON_CHANGE
              + " is "
              + failOn);
    }
  }
}
