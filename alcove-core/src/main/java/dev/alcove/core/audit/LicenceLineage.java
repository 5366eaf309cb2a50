package dev.alcove.core.audit;

import dev.alcove.core.Alcove;
import dev.alcove.core.catalogue.StepGraph;
import dev.alcove.core.errors.AlcoveException;
import dev.alcove.core.layout.AlcoveLayout;
import dev.alcove.core.metadata.TableMetadata;
import dev.alcove.core.quality.TableConfig;
import dev.alcove.core.table.StepDefinitions;
import dev.alcove.core.uri.StepUri;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Licences along the lineage: a built table whose snapshots upstream carry a licence must say its
 * own (inherited or overridden), and one whose snapshots carry more than one must say which
 * applies. Warnings, errors when strict.
 */
final class LicenceLineage {

  private static final String LICENSE = UpstreamLicences.LICENSE;

  private final AlcoveLayout layout;
  private final UpstreamLicences upstream;

  private LicenceLineage(AlcoveLayout layout, StepGraph graph) {
    this.layout = layout;
    this.upstream = new UpstreamLicences(layout, graph);
  }

  static List<Finding> check(Alcove alcove, StepGraph graph, boolean strict) {
    LicenceLineage lineage = new LicenceLineage(alcove.layout(), graph);
    List<Finding> findings = new ArrayList<>();
    for (StepUri uri : graph.order()) {
      lineage.upstream.snapshots(uri); // in order: each step's inputs are known before it
      if (uri.isTable()) {
        lineage
            .problem(uri)
            .ifPresent(
                problem ->
                    findings.add(
                        strict
                            ? Finding.error(uri.toString(), problem)
                            : Finding.warning(uri.toString(), problem)));
      }
    }
    return findings;
  }

  private Optional<String> problem(StepUri table) {
    Optional<TableMetadata> metadata;
    try {
      metadata = TableMetadata.readIfExists(layout.tableSidecar(table), table);
    } catch (AlcoveException e) {
      return Optional.empty(); // reported as unreadable already
    }
    if (metadata.isEmpty()) {
      return Optional.empty();
    }
    Set<String> upstream = this.upstream.licences(table).keySet();
    if (upstream.isEmpty()) {
      return Optional.empty();
    }
    Optional<Path> config = configOf(table);
    String where = config.map(layout::relative).orElse("its config");
    if (metadata.get().descriptive().get(LICENSE) == null) {
      return Optional.of(
          "no license, while the snapshots it is built from are under "
              + String.join(", ", upstream)
              + ": inherit it (inherit: {<snapshot uri>: {fields: [license, license_url]}}) or"
              + " set override: {license: ...} in "
              + where);
    }
    if (upstream.size() > 1 && !overridesLicence(config)) {
      return Optional.of(
          "the snapshots it is built from carry "
              + upstream.size()
              + " licences ("
              + String.join(", ", upstream)
              + "): say which applies to it with override: {license: ...} in "
              + where);
    }
    return Optional.empty();
  }

  private Optional<Path> configOf(StepUri table) {
    try {
      return StepDefinitions.find(layout, table).map(StepDefinitions::configFor);
    } catch (AlcoveException e) {
      return Optional.empty();
    }
  }

  private static boolean overridesLicence(Optional<Path> config) {
    try {
      return config
          .flatMap(TableConfig::readIfExists)
          .map(c -> c.override().containsKey(LICENSE))
          .orElse(false);
    } catch (AlcoveException e) {
      return false;
    }
  }
}
