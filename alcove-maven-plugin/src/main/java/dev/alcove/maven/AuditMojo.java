package dev.alcove.maven;

import dev.alcove.core.audit.Audit;
import dev.alcove.core.audit.AuditOptions;
import dev.alcove.core.audit.Finding;
import dev.alcove.core.context.GoalContext;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the alcove, as {@code git fsck} checks a repository: the catalogue and every sidecar
 * against their formats, local data against its checksums, directory manifests, dependencies,
 * {@code data/.gitignore}, data paths in the root {@code .gitignore}, a {@code .env} git would
 * commit, and snapshots without a licence or source. Reports every problem, one line per step, and
 * fails the build on any error. Bound to {@code verify}.
 */
@Mojo(threadSafe = true, name = "audit", defaultPhase = LifecyclePhase.VERIFY)
public class AuditMojo extends AbstractAlcoveMojo {

  /**
   * Repairs what can be repaired: a directory snapshot's checksum recomputed from its manifest, a
   * missing {@code data/.gitignore} or entry, data paths moved from {@code .gitignore} to {@code
   * data/.gitignore}, a legacy {@code .data-files} migrated, {@code .env} added to {@code
   * .gitignore}. Says what it changed.
   */
  @Parameter(property = AlcoveProperties.FIX, defaultValue = "false")
  private boolean fix;

  /** Treats snapshots without {@code license} or {@code source_url} as errors, not warnings. */
  @Parameter(property = AlcoveProperties.STRICT, defaultValue = "false")
  private boolean strict;

  /** Also checks that every object a sidecar names exists in the store. */
  @Parameter(property = AlcoveProperties.REMOTE, defaultValue = "false")
  private boolean remote;

  /**
   * The alcove is shared with the Python tool: also warns of SQL definitions it cannot build, which
   * hold braces other than dependency variables ({@code {output_file}}, DuckDB struct literals,
   * braces in comments), since it fills the whole file in with Python's {@code str.format}.
   */
  @Parameter(property = AlcoveProperties.PYTHON_COMPATIBLE, defaultValue = "false")
  private boolean pythonCompatible;

  /**
   * {@code text} (the default: Maven's log) or {@code json}: one JSON document on standard output
   * (which {@code mvn -q} leaves alone), or in {@code alcove.output}; the build still fails on
   * errors, and Maven then prints its failure after the document, so a script that needs the
   * document alone sets {@code alcove.output}.
   */
  @Parameter(property = AlcoveProperties.FORMAT, defaultValue = "text")
  private String format;

  /** With {@code alcove.format=json}, the file to write the document to instead. */
  @Parameter(property = AlcoveProperties.OUTPUT)
  private File output;

  @Override
  protected void runGoal(GoalContext context) throws MojoFailureException {
    boolean json = Documents.json(format);
    List<Finding> findings =
        new Audit(
                context,
                directory.toPath(),
                new AuditOptions(fix, strict, remote, pythonCompatible))
            .run(declaredSteps());
    long errors = Finding.count(findings, Finding.Severity.ERROR);
    long warnings = Finding.count(findings, Finding.Severity.WARNING);
    if (json) {
      Documents.print(Finding.document(findings), output);
    } else {
      for (Finding finding : findings) {
        switch (finding.severity()) {
          case ERROR -> getLog().error(finding.toString());
          case WARNING -> getLog().warn(finding.toString());
          default -> getLog().info(finding.toString());
        }
      }
    }
    String summary =
        "audit: "
            + errors
            + (errors == 1 ? " error, " : " errors, ")
            + warnings
            + (warnings == 1 ? " warning" : " warnings");
    if (errors > 0) {
      throw new MojoFailureException(
          summary
              + (json ? ": see the findings" : ": see the lines above")
              + (fix ? "" : "; -Dalcove.fix=true repairs some"));
    }
    getLog().info(summary);
  }
}
