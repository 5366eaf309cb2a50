package dev.alcove.maven;

import dev.alcove.core.context.GoalContext;
import dev.alcove.core.diff.DiffAgainst;
import dev.alcove.core.diff.DiffReport;
import dev.alcove.core.diff.DiffVersions;
import dev.alcove.core.errors.AlcoveException;
import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /**
   * A git revision ({@code origin/main}, a tag, a commit) to compare every table with instead of
   * {@code from} and {@code to}: each table whose output here is not the one that revision builds
   * (as the table cache knows it) is compared with that build.
   */
  @Parameter(property = AlcoveProperties.AGAINST)
  private String against;

  /**
   * A table to compare with its previous output here (as {@code target/alcove/history.tsv} recorded
   * it), instead of {@code from} and {@code to}.
   */
  @Parameter(property = AlcoveProperties.PREVIOUS)
  private String previous;

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
    String failOn = failOnChange == null ? "" : failOnChange.strip();
    if (against != null && !against.isBlank()) {
      List<DiffAgainst.TableChange> changes =
          new DiffAgainst(context, openAlcove()).diff(against.strip(), keys);
      if (Documents.json(format)) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("against", against.strip());
        List<Object> tables = new ArrayList<>();
        for (DiffAgainst.TableChange change : changes) {
          Map<String, Object> table = new LinkedHashMap<>();
          table.put("uri", change.table().toString());
          table.put("status", change.status());
          table.put("diff", change.report().map(DiffReport::document).orElse(null));
          tables.add(table);
        }
        document.put("tables", tables);
        Documents.print(document, output);
      } else {
        for (DiffAgainst.TableChange change : changes) {
          if (change.report().isPresent()) {
            change.report().get().lines().forEach(getLog()::info);
          } else {
            getLog().info(change.table() + ": " + change.status());
          }
        }
      }
      for (DiffAgainst.TableChange change : changes) {
        if (change.report().isPresent()) {
          failIfAsked(change.report().get(), failOn);
        }
      }
      return;
    }
    DiffVersions versions = new DiffVersions(context, openAlcove());
    DiffReport report =
        previous != null && !previous.isBlank()
            ? versions.previous(previous, keys)
            : versions.diff(from, to, keys);
    if (Documents.json(format)) {
      Documents.print(report.document(), output);
    } else {
      report.lines().forEach(getLog()::info);
    }
    failIfAsked(report, failOn);
  }

  private static void failIfAsked(DiffReport report, String failOn) throws MojoFailureException {
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
