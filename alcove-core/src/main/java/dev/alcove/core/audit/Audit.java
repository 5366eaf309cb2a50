package dev.alcove.core.audit;

import dev.alcove.core.Alcove;
import dev.alcove.core.catalogue.CatalogueFile;
import dev.alcove.core.catalogue.StepDeclaration;
import dev.alcove.core.context.GoalContext;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.io.AlcoveLock;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code audit}, alcove's {@code git fsck}: runs every check of {@link #CHECKS} over the alcove
 * (the catalogue, every step with those of {@link #STEP_CHECKS}, licences, the git ignore files,
 * orphans) and reports every problem found. Data is checked through the stat cache, so an unchanged
 * alcove audits without reading it.
 */
public final class Audit {

  /** What is checked of each step, in this order; each check says whether it applies. */
  static final List<StepCheck> STEP_CHECKS =
      List.of(new SnapshotCheck(), new TableCheck(), new PythonFormatCheck());

  /**
   * What is checked, in this order: a later check reads what the steps' checks found (the data they
   * own, the entries the git ignore files need).
   */
  static final List<AuditCheck> CHECKS =
      List.of(
          new CatalogueCheck(),
          Audit::everyStep,
          scope ->
              scope
                  .graph()
                  .map(graph -> LicenceLineage.check(scope.alcove, graph, scope.options.strict()))
                  .orElse(List.of()),
          scope ->
              new GitIgnores(scope.alcove.root(), scope.options.fix(), scope.context.frontEnd())
                  .audit(scope.layout, scope.snapshotEntries),
          scope ->
              Orphans.find(
                  scope.layout, scope.owned, scope.snapshotEntries, scope.context.frontEnd()));

  private final Path root;
  private final AuditOptions options;
  private final GoalContext context;

  public Audit(GoalContext context, Path root, AuditOptions options) {
    this.context = context;
    this.root = root.toAbsolutePath().normalize();
    this.options = options;
  }

  /**
   * Audits the alcove with the given pom-declared steps; a catalogue that cannot be read is one
   * error. It holds the alcove's lock, as it writes build state (and, fixing, the alcove's files),
   * and so reads nothing that a run is half-way through changing.
   */
  public List<Finding> run(List<StepDeclaration> declaredSteps) {
    if (!CatalogueFile.exists(root)) {
      Alcove.open(root, declaredSteps, context.frontEnd()); // fails, saying how to create one
    }
    try (AlcoveLock lock =
        AlcoveLock.acquire(AlcoveLayout.withDefaults(root).buildDir(), context.log())) {
      return runUnderLock(declaredSteps);
    }
  }

  private List<Finding> runUnderLock(List<StepDeclaration> declaredSteps) {
    Alcove alcove;
    try {
      alcove = Alcove.open(root, declaredSteps, context.frontEnd());
    } catch (AlcoveException e) {
      if (!CatalogueFile.exists(root)) {
        throw e;
      }
      return List.of(Finding.error(CatalogueFile.FILE_NAME, e.getMessage()));
    }
    List<Finding> findings = new ArrayList<>();
    try (AuditScope scope = new AuditScope(context, alcove, options)) {
      for (AuditCheck check : CHECKS) {
        findings.addAll(check.check(scope));
      }
    }
    return findings;
  }

  /** Each step of the catalogue, in its order, through every step check that applies to it. */
  private static List<Finding> everyStep(AuditScope scope) {
    List<Finding> findings = new ArrayList<>();
    for (StepUri uri : scope.alcove.catalogue().steps().keySet()) {
      scope.owned.add(AuditScope.normalised(scope.layout.sidecar(uri)));
      if (uri.isTable()) {
        scope.owned.add(AuditScope.normalised(scope.layout.tableFile(uri)));
      }
      for (StepCheck check : STEP_CHECKS) {
        findings.addAll(check.check(scope, uri));
      }
    }
    return findings;
  }
}
