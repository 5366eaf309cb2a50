package dev.alcove.core.audit;

import dev.alcove.core.catalogue.Catalogue;
import dev.alcove.core.catalogue.CatalogueFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue: every dependency resolves and there is no cycle; what the Python tool would read
 * otherwise ({@code data_dir}) or refuse (datasets in {@code alcove.yaml}) is a warning.
 */
final class CatalogueCheck implements AuditCheck {

  @Override
  public List<Finding> check(AuditScope scope) {
    List<Finding> findings = new ArrayList<>();
    Catalogue catalogue = scope.alcove.catalogue();
    if (scope.graphProblem().isPresent()) {
      return List.of(Finding.error(CatalogueFile.FILE_NAME, scope.graphProblem().get()));
    }
    findings.add(
        Finding.ok(
            CatalogueFile.FILE_NAME,
            catalogue.steps().size() + " steps, dependencies resolve, no cycle"));
    if (!catalogue.dataDir().equals(Catalogue.DEFAULT_DATA_DIR)) {
      findings.add(
          Finding.warning(
              CatalogueFile.FILE_NAME,
              "data_dir is '"
                  + catalogue.dataDir()
                  + "': the Python tool ignores data_dir and looks for the data in "
                  + Catalogue.DEFAULT_DATA_DIR
                  + "/"));
    }
    if (!scope.alcove.fileCatalogue().datasets().isEmpty()) {
      findings.add(
          Finding.warning(
              CatalogueFile.FILE_NAME,
              "declares datasets under '"
                  + CatalogueFile.DATASETS
                  + "', which the Python tool refuses (its catalogue holds only version,"
                  + " data_dir and steps): for an alcove shared with it, declare them in "
                  + scope.context.frontEnd().declaredDatasets()));
    }
    return findings;
  }
}
